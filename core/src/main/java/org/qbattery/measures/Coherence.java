package org.qbattery.measures;

import org.qbattery.kernel.Parallel;

/**
 * Normalised l1-norm of coherence in the computational (energy) basis:
 * {@code C_l1 = Σ_{i≠j} |ρij| / (D − 1)}, D = 2^N, so that the maximally coherent pure state has 1
 * (Baumgratz et al., PRL 113, 140401, 2014; paper Fig. 5).
 */
public final class Coherence {
    private Coherence() {
    }

    public static double l1Normalised(double[] rho, int cells) {
        final int d = Register.dimension(rho, cells);
        if (d == 1) {
            return 0;
        }
        // One pass over ρ, in fixed blocks of rows (on all cores from D = 2048: at 13 cells ρ is 1 GB).
        double s = Parallel.sumInBlocks(d, ROWS, d >= CyclicSymmetry.parallelDim ? (long) ROWS * d : 0, (lo, hi) -> offDiagonalL1(rho, d, lo, hi));
        return s / (d - 1);
    }

    private static final int ROWS = 64;

    /** Σ_{i in [lo,hi), j ≠ i} |ρij|, with two running sums to halve the chain of dependent additions. */
    private static double offDiagonalL1(double[] rho, int d, int lo, int hi) {
        double s0 = 0, s1 = 0;
        for (int i = lo; i < hi; i++) {
            final int row = 2 * i * d;
            for (int j = 0; j < d; j++) {
                if (j != i) {
                    final double re = rho[row + 2 * j], im = rho[row + 2 * j + 1];
                    if ((j & 1) == 0) {
                        s0 += Math.sqrt(re * re + im * im);
                    } else {
                        s1 += Math.sqrt(re * re + im * im);
                    }
                }
            }
        }
        return s0 + s1;
    }
}
