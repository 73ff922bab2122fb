package org.qbattery.measures;

/**
 * Normalised l1-norm of coherence in the computational (energy) basis:
 * {@code C_l1 = Σ_{i≠j} |ρij| / (D − 1)}, D = 2^N, so that the maximally coherent pure state has 1
 * (Baumgratz et al., PRL 113, 140401, 2014; paper Fig. 5).
 */
public final class Coherence {
    private Coherence() {
    }

    public static double l1Normalised(double[] rho, int cells) {
        int d = Register.dimension(rho, cells);
        if (d == 1) {
            return 0;
        }
        double s = 0;
        for (int i = 0; i < d; i++) {
            int row = 2 * i * d;
            for (int j = 0; j < d; j++) {
                if (j != i) {
                    double re = rho[row + 2 * j], im = rho[row + 2 * j + 1];
                    s += Math.sqrt(re * re + im * im);
                }
            }
        }
        return s / (d - 1);
    }
}
