package org.qbattery.measures;

import org.qbattery.kernel.HermitianEigenvalues;
import org.qbattery.kernel.Parallel;

/**
 * The total-spin blocks of a state that is invariant under every permutation of a set of M cells
 * (the complete graph: all cells; the star: its leaves), which make its spectrum cheap at any N.
 *
 * <p>Schur–Weyl duality: the M two-level cells split into spin-j multiplets, j = M/2 − p for
 * p = 0…⌊M/2⌋, the multiplet of p occurring d_p = C(M, p) − C(M, p − 1) times. An operator that
 * commutes with every permutation of the M cells does not mix different p and acts alike on the
 * d_p copies, so with the q = N − M other cells ("spectators") alongside,
 * <pre>  ρ = ⊕_p ρ_p ⊗ 1_{d_p},   dim ρ_p = 2^q (M − 2p + 1),   Σ_p d_p 2^q (M − 2p + 1) = 2^N,  </pre>
 * and the spectrum of ρ is the union of the blocks' spectra, block p counted d_p times. One copy of
 * the p-th multiplet: singlets (|eg⟩ − |ge⟩)/√2 on the cell pairs (P0, P1), …, (P_{2p−2}, P_{2p−1})
 * times the Dicke states of the other M − 2p cells,
 * <pre>  |p; s, k⟩ = 2^{−p/2} C(M − 2p, k)^{−1/2} Σ_{singlet terms} ± Σ_{|S| = k} |s⟩|singlet term⟩|S⟩,  </pre>
 * with s the spectators' basis state and S a set of excited free cells; ρ_p(sk, s'k') =
 * ⟨p; s, k|ρ|p; s', k'⟩. Forming block p reads 4^{N−p} elements of ρ (all blocks together about
 * (4/3)·4^N, a few passes over ρ), and their eigenvalue work, at most (2^q (M + 1))³, is negligible:
 * where the cyclic blocks of {@link CyclicSymmetry} leave D³/r² of eigenvalue work (13 cells:
 * 13 blocks of 630), this leaves almost none.
 */
public final class SpinBlocks {
    private final int dim;
    /** d_p: how often block p occurs in the spectrum. */
    private final int[] multiplicity;
    /** Block sizes 2^q (M − 2p + 1). */
    private final int[] size;
    /**
     * Block p's basis vectors together: every basis string in their supports (each in one vector's
     * support only), ascending, with the vector it belongs to and its amplitude there.
     */
    private final int[][] strings, vector;
    private final double[][] amp;
    /** The same grouped by basis vector: vector b's support columns (ascending) cols[p][colStart[p][b] ..< colStart[p][b+1]], amplitudes colAmp. */
    private final int[][] colStart, cols;
    private final double[][] colAmp;

    /**
     * @param cells    register size N
     * @param permuted the M cells under whose every permutation ρ is invariant (the caller guarantees it)
     */
    public SpinBlocks(int cells, int[] permuted) {
        this.dim = 1 << cells;
        int m = permuted.length;
        int permutedMask = 0;
        for (int c : permuted) {
            permutedMask |= 1 << c;
        }
        int[] spectatorStrings = subsetsOf(((1 << cells) - 1) & ~permutedMask);
        int blocks = m / 2 + 1;
        multiplicity = new int[blocks];
        size = new int[blocks];
        strings = new int[blocks][];
        vector = new int[blocks][];
        amp = new double[blocks][];
        colStart = new int[blocks][];
        cols = new int[blocks][];
        colAmp = new double[blocks][];
        for (int p = 0; p < blocks; p++) {
            multiplicity[p] = (int) (binomial(m, p) - (p == 0 ? 0 : binomial(m, p - 1)));
            int r = m - 2 * p;
            int freeMask = 0;
            for (int i = 2 * p; i < m; i++) {
                freeMask |= 1 << permuted[i];
            }
            // Singlet terms: one excited cell per pair; the second cell excited carries a − sign.
            int terms = 1 << p;
            int[] singletBits = new int[terms];
            double[] singletSign = new double[terms];
            for (int t = 0; t < terms; t++) {
                int bits = 0;
                int minus = 0;
                for (int i = 0; i < p; i++) {
                    boolean first = (t >> i & 1) == 1;
                    bits |= 1 << permuted[first ? 2 * i : 2 * i + 1];
                    minus += first ? 0 : 1;
                }
                singletBits[t] = bits;
                singletSign[t] = minus % 2 == 0 ? 1 : -1;
            }
            int[][] freeByWeight = byWeight(subsetsOf(freeMask), r);
            size[p] = spectatorStrings.length * (r + 1);
            int total = spectatorStrings.length * terms * (1 << r);
            long[] keyed = new long[total]; // string · 2^32 + position, sorted by string
            int[] vec = new int[total];
            double[] am = new double[total];
            int at = 0, b = 0;
            for (int s : spectatorStrings) {
                for (int k = 0; k <= r; k++, b++) {
                    double norm = 1 / Math.sqrt((double) terms * freeByWeight[k].length);
                    for (int t = 0; t < terms; t++) {
                        for (int f : freeByWeight[k]) {
                            keyed[at] = (long) (s | singletBits[t] | f) << 32 | at;
                            vec[at] = b;
                            am[at++] = singletSign[t] * norm;
                        }
                    }
                }
            }
            java.util.Arrays.sort(keyed);
            strings[p] = new int[total];
            vector[p] = new int[total];
            amp[p] = new double[total];
            for (int i = 0; i < total; i++) {
                int from = (int) keyed[i];
                strings[p][i] = (int) (keyed[i] >>> 32);
                vector[p][i] = vec[from];
                amp[p][i] = am[from];
            }
            colStart[p] = new int[size[p] + 1];
            for (int i = 0; i < total; i++) {
                colStart[p][vector[p][i] + 1]++;
            }
            for (int x = 0; x < size[p]; x++) {
                colStart[p][x + 1] += colStart[p][x];
            }
            cols[p] = new int[total];
            colAmp[p] = new double[total];
            int[] fill = colStart[p].clone();
            for (int i = 0; i < total; i++) {
                int at2 = fill[vector[p][i]]++;
                cols[p][at2] = strings[p][i];
                colAmp[p][at2] = amp[p][i];
            }
        }
    }

    /** How often each block's spectrum occurs, p = 0…⌊M/2⌋. */
    public int[] multiplicities() {
        return multiplicity.clone();
    }

    /** Block dimensions 2^q (M − 2p + 1), p = 0…⌊M/2⌋. */
    public int[] blockSizes() {
        return size.clone();
    }

    /** All 2^N eigenvalues of an invariant ρ (row-major interleaved), ascending. */
    public double[] spectrum(double[] rho) {
        double[] all = new double[dim];
        int at = 0;
        for (int p = 0; p < size.length; p++) {
            double[] ev = HermitianEigenvalues.ofInPlace(block(rho, p), size[p]);
            for (int copy = 0; copy < multiplicity[p]; copy++) {
                System.arraycopy(ev, 0, all, at, ev.length);
                at += ev.length;
            }
        }
        if (at != dim) {
            throw new IllegalStateException("spin blocks cover " + at + " of " + dim + " states");
        }
        java.util.Arrays.sort(all);
        return all;
    }

    /**
     * Per-sector spectra (k = 0..N, each ascending) of an invariant ρ that commutes with H0: each
     * basis vector lies in one excitation sector (every string of its support has the same number of
     * excited cells), so each block splits further by sector.
     */
    public double[][] sectorSpectra(double[] rho) {
        int cells = Integer.numberOfTrailingZeros(dim);
        double[][] out = Spectrum.sectorArrays(cells);
        int[] filled = new int[cells + 1];
        for (int p = 0; p < size.length; p++) {
            int[] sector = new int[size[p]];
            for (int b = 0; b < size[p]; b++) {
                sector[b] = Integer.bitCount(cols[p][colStart[p][b]]);
            }
            Spectrum.splitBySector(block(rho, p), size[p], sector, multiplicity[p], out, filled);
        }
        return Spectrum.finish(out, filled, "spin blocks");
    }

    /** Basis strings per chunk of the pass over ρ: fixed, so the sums do not depend on the thread count. */
    private static final int CHUNK = 64;

    /**
     * ρ_p(b, b') = Σ_{x,y} a_x a_y ρ(x, y) over the supports of basis vectors b and b', row-major
     * interleaved. One pass over the rows of ρ that lie in the supports, in order; within a row
     * (64 KB at 12 cells, so in cache) each basis vector's columns are summed into a register of
     * their own (a shared accumulator array measured 2× slower at 8 cells). From 10 cells reading
     * each row once from memory is what bounds the time (1 GB per ρ at 13 cells).
     */
    double[] block(double[] rho, int p) {
        final int n = size[p];
        final int[] str = strings[p], vec = vector[p];
        final double[] a = amp[p];
        final int m = str.length;
        final int chunks = (m + CHUNK - 1) / CHUNK;
        final double[][] part = new double[chunks][];
        Parallel.forRange(chunks, dim >= CyclicSymmetry.parallelDim ? (long) CHUNK * m : 0, (from, to) -> {
            final int[] cs = colStart[p], cl = cols[p];
            final double[] ca = colAmp[p];
            for (int c = from; c < to; c++) {
                double[] acc = new double[2 * n * n];
                for (int u = c * CHUNK, end = Math.min(m, u + CHUNK); u < end; u++) {
                    final int row = 2 * str[u] * dim;
                    final int base = 2 * vec[u] * n;
                    final double au = a[u];
                    // Row u against each basis vector's columns: reads within one row (in cache), one sum per vector.
                    for (int y = 0; y < n; y++) {
                        double re = 0, im = 0;
                        for (int t = cs[y], te = cs[y + 1]; t < te; t++) {
                            final int e = row + 2 * cl[t];
                            re += ca[t] * rho[e];
                            im += ca[t] * rho[e + 1];
                        }
                        acc[base + 2 * y] += au * re;
                        acc[base + 2 * y + 1] += au * im;
                    }
                }
                part[c] = acc;
            }
        });
        double[] blk = new double[2 * n * n];
        for (double[] acc : part) {
            for (int i = 0; i < blk.length; i++) {
                blk[i] += acc[i];
            }
        }
        return blk;
    }

    /** Every bit pattern inside {@code mask} (the subsets of its cells), ascending. */
    private static int[] subsetsOf(int mask) {
        int[] out = new int[1 << Integer.bitCount(mask)];
        int k = 0;
        int s = 0;
        do {
            out[k++] = s;
            s = (s - mask) & mask;
        } while (s != 0);
        java.util.Arrays.sort(out);
        return out;
    }

    private static int[][] byWeight(int[] strings, int maxWeight) {
        int[] count = new int[maxWeight + 1];
        for (int s : strings) {
            count[Integer.bitCount(s)]++;
        }
        int[][] out = new int[maxWeight + 1][];
        for (int w = 0; w <= maxWeight; w++) {
            out[w] = new int[count[w]];
            count[w] = 0;
        }
        for (int s : strings) {
            int w = Integer.bitCount(s);
            out[w][count[w]++] = s;
        }
        return out;
    }

    private static long binomial(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }
}
