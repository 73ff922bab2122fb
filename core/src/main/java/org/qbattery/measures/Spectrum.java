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
     * ρ commutes with H0 (each split further by the blocks of {@code symmetry} when one is given),
     * else the blocks of a {@link CyclicSymmetry} that leaves ρ invariant (the caller guarantees the
     * invariance), else the full matrix.
     */
    public static double[] of(double[] rho, int cells, CyclicSymmetry symmetry) {
        return of(rho, cells, symmetry, null);
    }

    /** As above; {@code packed}, when not null, is the same state packed for {@link CyclicSymmetry#withOrbits}. */
    public static double[] of(double[] rho, int cells, CyclicSymmetry symmetry, double[] packed) {
        return of(rho, cells, symmetry, packed, null);
    }

    /**
     * As above, with whether ρ has no coherence between excitation sectors already known
     * ({@code sectorDiagonal}, e.g. read from the packed state; null: read from {@code rho}), so that
     * a ρ unpacked only where the measures read it is never searched for such coherence.
     */
    public static double[] of(double[] rho, int cells, CyclicSymmetry symmetry, double[] packed, Boolean sectorDiagonal) {
        if (cells >= 3 && (sectorDiagonal != null ? sectorDiagonal : commutesWithH0(rho, cells))) {
            return merge(sectorSpectra(rho, cells, symmetry, packed), cells);
        }
        return withCoherence(rho, cells, symmetry, packed);
    }

    /** As {@link #of(double[], int, CyclicSymmetry, double[])} for a ρ known to have coherence between sectors (no check). */
    static double[] withCoherence(double[] rho, int cells, CyclicSymmetry symmetry, double[] packed) {
        int d = Register.dimension(rho, cells);
        if (symmetry != null && symmetry.order() > 1) {
            return symmetry.spectrum(rho, packed);
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
            out[k] = HermitianEigenvalues.ofInPlace(principal(rho, d, sec[k], sec[k].length), sec[k].length);
        }
        return out;
    }

    /**
     * As {@link #sectorSpectra(double[], int)} for a ρ that commutes with H0 and is invariant under
     * {@code symmetry} (null: none): a cell permutation keeps the excitation number, so each
     * symmetry block splits further into one block per sector; much smaller than the sectors
     * themselves (5 cells: the two sectors of 10 become blocks of at most 2 on the ring, 6 on the chain).
     */
    public static double[][] sectorSpectra(double[] rho, int cells, CyclicSymmetry symmetry) {
        return sectorSpectra(rho, cells, symmetry, null);
    }

    /** As above; {@code packed}, when not null, is the same state packed for {@link CyclicSymmetry#withOrbits}. */
    public static double[][] sectorSpectra(double[] rho, int cells, CyclicSymmetry symmetry, double[] packed) {
        return symmetry != null && symmetry.order() > 1 ? symmetry.sectorSpectra(rho, packed) : sectorSpectra(rho, cells);
    }

    /**
     * Collects the spectrum of a block whose basis vectors each lie in one excitation sector
     * ({@code sector[x]}), when the block has no elements between sectors: one diagonalisation per
     * sector present, its eigenvalues appended {@code copies} times to {@code out[k]}, whose fill
     * levels are {@code filled[k]}. {@code blk} is m×m, row-major interleaved (re, im).
     */
    static void splitBySector(double[] blk, int m, int[] sector, int copies, double[][] out, int[] filled) {
        int[] idx = new int[m];
        boolean[] done = new boolean[out.length];
        for (int x0 = 0; x0 < m; x0++) {
            int k = sector[x0];
            if (done[k]) {
                continue;
            }
            done[k] = true;
            int n = 0;
            for (int x = x0; x < m; x++) {
                if (sector[x] == k) {
                    idx[n++] = x;
                }
            }
            double[] ev = HermitianEigenvalues.ofInPlace(principal(blk, m, idx, n), n);
            for (int c = 0; c < copies; c++) {
                System.arraycopy(ev, 0, out[k], filled[k], n);
                filled[k] += n;
            }
        }
    }

    /** The principal submatrix of the d×d matrix {@code a} on rows and columns idx[0..n), interleaved (re, im). */
    private static double[] principal(double[] a, int d, int[] idx, int n) {
        double[] sub = new double[2 * n * n];
        for (int x = 0; x < n; x++) {
            int row = 2 * idx[x] * d;
            for (int y = 0; y < n; y++) {
                sub[2 * (x * n + y)] = a[row + 2 * idx[y]];
                sub[2 * (x * n + y) + 1] = a[row + 2 * idx[y] + 1];
            }
        }
        return sub;
    }

    /** Empty per-sector arrays of sizes C(N, k), k = 0..N, for {@link #splitBySector}. */
    static double[][] sectorArrays(int cells) {
        double[][] out = new double[cells + 1][];
        for (int k = 0; k <= cells; k++) {
            out[k] = new double[(int) Register.binomial(cells, k)];
        }
        return out;
    }

    /** Sorts each sector's eigenvalues after checking that {@link #splitBySector} filled them all. */
    static double[][] finish(double[][] out, int[] filled, String what) {
        for (int k = 0; k < out.length; k++) {
            if (filled[k] != out[k].length) {
                throw new IllegalStateException(what + " cover " + filled[k] + " of " + out[k].length + " states of sector " + k);
            }
            java.util.Arrays.sort(out[k]);
        }
        return out;
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
