package org.qbattery.measures;

/**
 * Facts about the 2^N computational basis shared by every measure: index i has bit n set when
 * cell n is excited, so H0 is diagonal with eigenvalue ω·popcount(i) (physics.md §1).
 */
public final class Register {
    private Register() {
    }

    /** C(n, k): the number of basis states of n cells with k excited. */
    static long binomial(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    /** Eigenvalues of H0/ω in ascending order, with degeneracies: C(N,k) copies of k. */
    public static double[] levelsAscending(int cells) {
        int d = 1 << cells;
        double[] lv = new double[d];
        int p = 0;
        for (int k = 0; k <= cells; k++) {
            for (int i = 0; i < d; i++) {
                if (Integer.bitCount(i) == k) {
                    lv[p++] = k;
                }
            }
        }
        return lv;
    }

    /** Basis indices grouped by excitation number k = 0..N (the U(1) sectors). */
    public static int[][] sectors(int cells) {
        int d = 1 << cells;
        int[][] s = new int[cells + 1][];
        int[] count = new int[cells + 1];
        for (int i = 0; i < d; i++) {
            count[Integer.bitCount(i)]++;
        }
        for (int k = 0; k <= cells; k++) {
            s[k] = new int[count[k]];
            count[k] = 0;
        }
        for (int i = 0; i < d; i++) {
            int k = Integer.bitCount(i);
            s[k][count[k]++] = i;
        }
        return s;
    }

    /** Dimension 2^N after checking that {@code rho} has the right length. */
    public static int dimension(double[] rho, int cells) {
        int d = 1 << cells;
        if (rho.length != 2 * d * d) {
            throw new IllegalArgumentException("density matrix has " + rho.length + " doubles; " + cells + " cells need " + 2 * d * d);
        }
        return d;
    }
}
