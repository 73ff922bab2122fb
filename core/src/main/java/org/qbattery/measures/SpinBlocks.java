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
    /** The same grouped by basis vector: vector b's support columns (ascending) cols[p][colStart[p][b] ..&lt; colStart[p][b+1]], amplitudes colAmp. */
    private final int[][] colStart, cols;
    private final double[][] colAmp;
    /** Block p from the packed orbit values, when known ({@link #withOrbits}); else null. */
    private final OrbitTerms[] fromOrbits;

    /** Which orbit of the packed state holds ρ(s, c), for s with at least as many excited cells as c. */
    @FunctionalInterface
    public interface OrbitIndex {
        int orbit(int s, int c);
    }

    /**
     * The elements (b, b') of one block with exc(b) ≥ exc(b') as sparse sums over orbits,
     * ρ_p(b, b') = Σ_t weight[t]·v_{orbit[t]}, t in [start[e], start[e+1]); the other elements are
     * their conjugates. The weights are sums of a_x·a_y over the element pairs of the supports.
     */
    private record OrbitTerms(int[] row, int[] col, int[] start, int[] orbit, double[] weight) {
    }

    /**
     * @param cells    register size N
     * @param permuted the M cells under whose every permutation ρ is invariant (the caller guarantees it)
     */
    public SpinBlocks(int cells, int[] permuted) {
        this.fromOrbits = null;
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
            multiplicity[p] = (int) (Register.binomial(m, p) - (p == 0 ? 0 : Register.binomial(m, p - 1)));
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

    private SpinBlocks(SpinBlocks base, OrbitTerms[] fromOrbits) {
        this.dim = base.dim;
        this.multiplicity = base.multiplicity;
        this.size = base.size;
        this.strings = base.strings;
        this.vector = base.vector;
        this.amp = base.amp;
        this.colStart = base.colStart;
        this.cols = base.cols;
        this.colAmp = base.colAmp;
        this.fromOrbits = fromOrbits;
    }

    /**
     * These blocks, also formed from a packed state whose orbits {@code index} numbers ({@code orbits}
     * of them): every element ⟨b|ρ|b'⟩ = Σ_{x,y} a_x a_y ρ(x, y) is a fixed combination of the
     * orbit values, precomputed here in one pass over the supports (what forming the blocks from the
     * full matrix reads per sample), so that a sample's blocks then cost a few hundred products.
     * The packed state must be invariant under the group whose orbits {@code index} gives, and
     * that group must contain every permutation of the permuted cells.
     */
    public SpinBlocks withOrbits(OrbitIndex index, int orbits) {
        OrbitTerms[] sums = new OrbitTerms[size.length];
        for (int p = 0; p < size.length; p++) {
            final int n = size[p];
            final int[] cs = colStart[p], cl = cols[p];
            final double[] ca = colAmp[p];
            int[] exc = new int[n];
            for (int b = 0; b < n; b++) {
                exc[b] = Integer.bitCount(cl[cs[b]]);
            }
            java.util.List<int[]> elements = new java.util.ArrayList<>();
            java.util.stream.IntStream.Builder orbit = java.util.stream.IntStream.builder(), start = java.util.stream.IntStream.builder();
            java.util.stream.DoubleStream.Builder weight = java.util.stream.DoubleStream.builder();
            int terms = 0;
            // Every amplitude of basis vector b is ±norm_b (singlet signs times one normalisation), so
            // a weight is norm_b·norm_b' times an integer: counted exactly, rounded once. (Summing the
            // products themselves, up to ~10^6 equal terms at 12 cells, lost three digits.)
            long[] acc = new long[orbits];
            for (int b = 0; b < n; b++) {
                final double normB = Math.abs(ca[cs[b]]);
                for (int b2 = 0; b2 < n; b2++) {
                    // The lower elements only (the others are their conjugates), within a sector b2 ≤ b.
                    if (exc[b2] > exc[b] || exc[b2] == exc[b] && b2 > b) {
                        continue;
                    }
                    for (int t = cs[b]; t < cs[b + 1]; t++) {
                        final int x = cl[t];
                        final boolean minusX = ca[t] < 0;
                        if (Math.abs(ca[t]) != normB) {
                            throw new IllegalStateException("basis vector " + b + " of block " + p + " has amplitudes of different size");
                        }
                        for (int u = cs[b2]; u < cs[b2 + 1]; u++) {
                            acc[index.orbit(x, cl[u])] += minusX == ca[u] < 0 ? 1 : -1;
                        }
                    }
                    final double norms = normB * Math.abs(ca[cs[b2]]);
                    elements.add(new int[] {b, b2});
                    start.add(terms);
                    for (int o = 0; o < orbits; o++) {
                        if (acc[o] != 0) {
                            orbit.add(o);
                            weight.add(acc[o] * norms);
                            acc[o] = 0;
                            terms++;
                        }
                    }
                }
            }
            start.add(terms);
            int[] row = new int[elements.size()], col = new int[elements.size()];
            for (int e = 0; e < row.length; e++) {
                row[e] = elements.get(e)[0];
                col[e] = elements.get(e)[1];
            }
            sums[p] = new OrbitTerms(row, col, start.build().toArray(), orbit.build().toArray(), weight.build().toArray());
        }
        return new SpinBlocks(this, sums);
    }

    /** Whether {@link #withOrbits} applies: the blocks can be formed from a packed state alone. */
    public boolean formedFromOrbits() {
        return fromOrbits != null;
    }

    /** Block p from the packed orbit values (see {@link #withOrbits}), row-major interleaved. */
    private double[] blockFromOrbits(double[] packed, int p) {
        final int n = size[p];
        final OrbitTerms t = fromOrbits[p];
        double[] blk = new double[2 * n * n];
        for (int e = 0; e < t.row().length; e++) {
            double re = 0, im = 0;
            for (int k = t.start()[e]; k < t.start()[e + 1]; k++) {
                final int o = t.orbit()[k];
                re += t.weight()[k] * packed[2 * o];
                im += t.weight()[k] * packed[2 * o + 1];
            }
            final int b = t.row()[e], b2 = t.col()[e];
            if (b == b2) {
                im = 0; // a diagonal element of a Hermitian matrix: its pairs' imaginary parts cancel
            }
            blk[2 * (b * n + b2)] = re;
            blk[2 * (b * n + b2) + 1] = im;
            blk[2 * (b2 * n + b)] = re;
            blk[2 * (b2 * n + b) + 1] = -im;
        }
        return blk;
    }

    /** Block p of the sample: from its packed orbit values when given and known, else from ρ. */
    double[] block(double[] rho, double[] packed, int p) {
        return packed != null && fromOrbits != null ? blockFromOrbits(packed, p) : block(rho, p);
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
        return spectrum(rho, null);
    }

    /** As {@link #spectrum(double[])}, the blocks formed from {@code packed} (the same state) where {@link #withOrbits} applies. */
    public double[] spectrum(double[] rho, double[] packed) {
        double[] all = new double[dim];
        int at = 0;
        for (int p = 0; p < size.length; p++) {
            double[] ev = HermitianEigenvalues.ofInPlace(block(rho, packed, p), size[p]);
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
        return sectorSpectra(rho, null);
    }

    /** As {@link #sectorSpectra(double[])}, the blocks formed from {@code packed} where {@link #withOrbits} applies. */
    public double[][] sectorSpectra(double[] rho, double[] packed) {
        int cells = Integer.numberOfTrailingZeros(dim);
        double[][] out = Spectrum.sectorArrays(cells);
        int[] filled = new int[cells + 1];
        for (int p = 0; p < size.length; p++) {
            int[] sector = new int[size[p]];
            for (int b = 0; b < size[p]; b++) {
                sector[b] = Integer.bitCount(cols[p][colStart[p][b]]);
            }
            Spectrum.splitBySector(block(rho, packed, p), size[p], sector, multiplicity[p], out, filled);
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
}
