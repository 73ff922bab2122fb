package org.qbattery.measures;

import org.qbattery.kernel.Parallel;

/** Von Neumann entropy {@code S = −Σ r ln r} (nats) and purity {@code tr ρ² = Σ|ρij|²}. */
public final class Entropy {
    private Entropy() {
    }

    public static double vonNeumann(double[] eig) {
        double s = 0;
        for (double r : eig) {
            if (r > ZERO) {
                s -= r * Math.log(r);
            }
        }
        return s;
    }

    /** The same for eigenvalues {@code eig[i]} taken {@code multiplicity[i]} times (spin blocks' copies). */
    public static double vonNeumann(double[] eig, double[] multiplicity) {
        double s = 0;
        for (int i = 0; i < eig.length; i++) {
            double r = eig[i];
            if (r > ZERO) {
                s -= multiplicity[i] * r * Math.log(r);
            }
        }
        return s;
    }

    /** Eigenvalues at or below this count as zero (exact zeros and round-off-negative ones). */
    private static final double ZERO = 1e-300;

    public static double purity(double[] rho) {
        // Fixed blocks (on all cores for large registers), four running sums each: the sum of squares
        // of 2·4^N numbers is otherwise one chain of dependent additions (at 13 cells, 134 million).
        boolean large = rho.length >= 2L * CyclicSymmetry.parallelDim * CyclicSymmetry.parallelDim;
        return Parallel.sumInBlocks(rho.length, BLOCK, large ? BLOCK : 0, (lo, hi) -> {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int i = lo;
            for (; i + 3 < hi; i += 4) {
                s0 += rho[i] * rho[i];
                s1 += rho[i + 1] * rho[i + 1];
                s2 += rho[i + 2] * rho[i + 2];
                s3 += rho[i + 3] * rho[i + 3];
            }
            for (; i < hi; i++) {
                s0 += rho[i] * rho[i];
            }
            return (s0 + s1) + (s2 + s3);
        });
    }

    private static final int BLOCK = 1 << 16;
}
