package org.qbattery.measures;

import org.qbattery.kernel.HermitianEigenvalues;

/**
 * Eigenvalues of ρ (ascending). When ρ commutes with H0 (no coherence between excitation sectors,
 * e.g. every state that starts diagonal, since the dynamics preserves the sectors' block structure,
 * physics.md §7) the spectrum is the union of the sector blocks' spectra, which is much cheaper.
 */
public final class Spectrum {
    private Spectrum() {
    }

    public static double[] of(double[] rho, int cells) {
        return of(rho, cells, null);
    }

    /**
     * Eigenvalues of ρ, using the cheapest exact block structure available: excitation sectors when
     * ρ commutes with H0, else the blocks of a {@link CyclicSymmetry} that leaves ρ invariant (the
     * caller guarantees the invariance), else the full matrix.
     */
    public static double[] of(double[] rho, int cells, CyclicSymmetry symmetry) {
        int d = Register.dimension(rho, cells);
        if (cells >= 3 && commutesWithH0(rho, cells)) {
            return ofBlocks(rho, cells);
        }
        if (symmetry != null && symmetry.order() > 1) {
            return symmetry.spectrum(rho);
        }
        return HermitianEigenvalues.of(rho, d);
    }

    /** True when every element between different excitation sectors is exactly zero. */
    public static boolean commutesWithH0(double[] rho, int cells) {
        int d = 1 << cells;
        for (int i = 0; i < d; i++) {
            int ki = Integer.bitCount(i);
            int row = 2 * i * d;
            for (int j = 0; j < d; j++) {
                if (Integer.bitCount(j) != ki && (rho[row + 2 * j] != 0 || rho[row + 2 * j + 1] != 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Spectra of the sector blocks ρ(k,k), k = 0..N, in that order (each ascending). */
    public static double[][] sectorSpectra(double[] rho, int cells) {
        int d = 1 << cells;
        int[][] sec = Register.sectors(cells);
        double[][] out = new double[cells + 1][];
        for (int k = 0; k <= cells; k++) {
            int[] idx = sec[k];
            int m = idx.length;
            double[] b = new double[2 * m * m];
            for (int x = 0; x < m; x++) {
                for (int y = 0; y < m; y++) {
                    int src = 2 * (idx[x] * d + idx[y]);
                    b[2 * (x * m + y)] = rho[src];
                    b[2 * (x * m + y) + 1] = rho[src + 1];
                }
            }
            out[k] = HermitianEigenvalues.ofInPlace(b, m);
        }
        return out;
    }

    private static double[] ofBlocks(double[] rho, int cells) {
        return merge(sectorSpectra(rho, cells), cells);
    }

    /** All eigenvalues, ascending, from the sector spectra. */
    public static double[] merge(double[][] s, int cells) {
        double[] all = new double[1 << cells];
        int p = 0;
        for (double[] b : s) {
            System.arraycopy(b, 0, all, p, b.length);
            p += b.length;
        }
        java.util.Arrays.sort(all);
        return all;
    }
}
