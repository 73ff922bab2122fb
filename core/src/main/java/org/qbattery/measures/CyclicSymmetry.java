package org.qbattery.measures;

import java.util.ArrayList;
import java.util.List;
import org.qbattery.kernel.HermitianEigenvalues;
import org.qbattery.kernel.Parallel;
import org.qbattery.kernel.SymmetricLindbladKernel;

/**
 * A cyclic group of cell permutations under which ρ is invariant ({@code Π ρ Π† = ρ}), used to
 * split the spectrum of ρ into blocks (issue #4, physics.md §7).
 *
 * <p>When the initial state is invariant under a permutation π of cells that is an automorphism of
 * the exchange and leakage graphs (the chain's reflection, the ring's rotation, the star's leaf
 * rotation), ρ(t) stays invariant, so it is block-diagonal in the basis of Π-eigenvectors
 * <pre>  |a, s⟩ = o^{−1/2} Σ_{c&lt;o} e^{−2πi s c / r} |π^c a⟩,   s = 0…r−1,  s·o ≡ 0 (mod r) </pre>
 * (a an orbit representative of size o, r the order of π). The spectrum of ρ is the union of the
 * r blocks' spectra: the eigenvalue work drops from D³ to about D³/r².
 */
public final class CyclicSymmetry {
    private final int cells, dim, order;
    private final int[] perm;          // basis permutation i ↦ Π i
    private final int[] cellPermutation;
    private final int[][][] orbitsByCharacter; // [s] → list of orbits (each: basis states π^c a, c < o)
    /** The same flattened per character: orbit y of block s is orbitFlat[s][orbitStart[s][y] ..&lt; orbitStart[s][y+1]]. */
    private final int[][] orbitStart, orbitFlat;
    /** Set when ρ is also invariant under every permutation of a set of cells: the spectrum then comes from these. */
    private final SpinBlocks spin;

    /** Set when a symmetry of ρ maps the generator to its inverse: blocks s and r − s then share their spectrum. */
    private final boolean inverted;

    /** The same group, with what a larger symmetry of ρ adds for the spectrum. */
    private CyclicSymmetry(CyclicSymmetry base, SpinBlocks spin, boolean inverted) {
        this.cells = base.cells;
        this.dim = base.dim;
        this.order = base.order;
        this.perm = base.perm;
        this.cellPermutation = base.cellPermutation;
        this.orbitsByCharacter = base.orbitsByCharacter;
        this.orbitStart = base.orbitStart;
        this.orbitFlat = base.orbitFlat;
        this.spin = spin;
        this.inverted = inverted;
    }

    /**
     * This group, for a ρ that the caller knows to be invariant under every permutation of the cells
     * {@code permuted} too (the complete graph's cells, the star's leaves): {@link #spectrum} then
     * uses the total-spin blocks of {@link SpinBlocks}, far smaller than this group's.
     */
    public CyclicSymmetry withAllPermutationsOf(int[] permuted) {
        return new CyclicSymmetry(this, new SpinBlocks(cells, permuted), inverted);
    }

    /**
     * This group, with its total-spin blocks (if any) also formed from the packed state whose orbits
     * {@code index} numbers (see {@link SpinBlocks#withOrbits}); without total-spin blocks, this.
     */
    public CyclicSymmetry withOrbits(SpinBlocks.OrbitIndex index, int orbits) {
        return spin == null ? this : new CyclicSymmetry(this, spin.withOrbits(index, orbits), inverted);
    }

    /** Whether the spectra come from total-spin blocks formed from a packed state alone ({@link #withOrbits}), reading nothing of ρ. */
    public boolean spectraFromOrbits() {
        return spin != null && spin.formedFromOrbits();
    }

    /**
     * This group, for a ρ that the caller knows to be invariant under a permutation F with
     * F π F⁻¹ = π⁻¹ too (the ring's reflection and rotation): F maps the Π-eigenspace of e^{−2πis/r}
     * onto that of e^{+2πis/r} and commutes with ρ, so blocks s and r − s have the same spectrum and
     * only ⌊r/2⌋ + 1 of the r blocks are diagonalised (about half the eigenvalue work).
     */
    public CyclicSymmetry withInversion() {
        return new CyclicSymmetry(this, spin, true);
    }

    /**
     * @param cellPermutation cell n ↦ cellPermutation[n]
     */
    public CyclicSymmetry(int cells, int[] cellPermutation) {
        this.spin = null;
        this.inverted = false;
        this.cells = cells;
        this.dim = 1 << cells;
        this.cellPermutation = cellPermutation.clone();
        int r = 1;
        int[] p = cellPermutation.clone();
        int[] id = new int[cells];
        for (int n = 0; n < cells; n++) {
            id[n] = n;
        }
        int[] q = p.clone();
        while (!java.util.Arrays.equals(q, id)) {
            int[] next = new int[cells];
            for (int n = 0; n < cells; n++) {
                next[n] = p[q[n]];
            }
            q = next;
            r++;
            if (r > 10_000) {
                throw new IllegalArgumentException("not a permutation");
            }
        }
        this.order = r;
        perm = SymmetricLindbladKernel.basisPermutation(cells, p);
        List<List<int[]>> byS = new ArrayList<>();
        for (int s = 0; s < r; s++) {
            byS.add(new ArrayList<>());
        }
        boolean[] seen = new boolean[dim];
        for (int a = 0; a < dim; a++) {
            if (seen[a]) {
                continue;
            }
            List<Integer> orbit = new ArrayList<>();
            int x = a;
            do {
                orbit.add(x);
                seen[x] = true;
                x = perm[x];
            } while (x != a);
            int o = orbit.size();
            int[] arr = orbit.stream().mapToInt(Integer::intValue).toArray();
            for (int s = 0; s < r; s++) {
                if ((s * o) % r == 0) {
                    byS.get(s).add(arr);
                }
            }
        }
        orbitsByCharacter = new int[r][][];
        orbitStart = new int[r][];
        orbitFlat = new int[r][];
        for (int s = 0; s < r; s++) {
            int[][] orbs = byS.get(s).toArray(new int[0][]);
            orbitsByCharacter[s] = orbs;
            orbitStart[s] = new int[orbs.length + 1];
            for (int y = 0; y < orbs.length; y++) {
                orbitStart[s][y + 1] = orbitStart[s][y] + orbs[y].length;
            }
            orbitFlat[s] = new int[orbitStart[s][orbs.length]];
            for (int y = 0; y < orbs.length; y++) {
                System.arraycopy(orbs[y], 0, orbitFlat[s], orbitStart[s][y], orbs[y].length);
            }
        }
    }

    /** The generating permutation of cells, n ↦ cellPermutation()[n]. */
    public int[] cellPermutation() {
        return cellPermutation.clone();
    }

    public int order() {
        return order;
    }

    /** Sizes of the blocks, one per character s. */
    public int[] blockSizes() {
        int[] b = new int[order];
        for (int s = 0; s < order; s++) {
            b[s] = orbitsByCharacter[s].length;
        }
        return b;
    }

    /** True when ρ is invariant under Π up to {@code tol} (elementwise). */
    public boolean leavesInvariant(double[] rho, double tol) {
        return leavesInvariant(rho, perm, tol);
    }

    /**
     * True when ρ is invariant under the cell permutation {@code cellPermutation} up to {@code tol}
     * (elementwise), without building the group's blocks.
     */
    public static boolean leavesInvariant(double[] rho, int cells, int[] cellPermutation, double tol) {
        return leavesInvariant(rho, SymmetricLindbladKernel.basisPermutation(cells, cellPermutation), tol);
    }

    private static boolean leavesInvariant(double[] rho, int[] perm, double tol) {
        final int dim = perm.length;
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                int a = 2 * (i * dim + j), b = 2 * (perm[i] * dim + perm[j]);
                if (Math.abs(rho[a] - rho[b]) > tol || Math.abs(rho[a + 1] - rho[b + 1]) > tol) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The given cell pairs grouped into orbits of the group: a representative of each orbit and the
     * number of given pairs it stands for. An invariant ρ has the same two-cell state on every pair
     * of an orbit (up to swapping the two cells), so pairwise measures need only the representatives.
     */
    public record PairOrbits(int[][] representatives, int[] sizes) {
    }

    /** See {@link PairOrbits}; pairs are unordered, and pairs outside the list are ignored. */
    public PairOrbits pairOrbits(int[][] pairs) {
        boolean[] seen = new boolean[pairs.length];
        List<int[]> reps = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int x = 0; x < pairs.length; x++) {
            if (seen[x]) {
                continue;
            }
            int size = 0;
            int a = pairs[x][0], b = pairs[x][1];
            for (int j = 0; j < order; j++) {
                for (int y = 0; y < pairs.length; y++) {
                    if (!seen[y] && (pairs[y][0] == a && pairs[y][1] == b || pairs[y][0] == b && pairs[y][1] == a)) {
                        seen[y] = true;
                        size++;
                    }
                }
                a = cellPermutation[a];
                b = cellPermutation[b];
            }
            reps.add(pairs[x]);
            sizes.add(size);
        }
        return new PairOrbits(reps.toArray(new int[0][]), sizes.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Register size from which the blocks are diagonalised on all cores. */
    static int parallelDim = 2048;

    /**
     * All eigenvalues of an invariant ρ, ascending, from the r blocks
     * {@code B_s(A,B) = √(o_A/o_B) Σ_{e<o_B} e^{−2πi s e/r} ρ(a, π^e b)} (invariance folds the double sum),
     * or from the total-spin blocks when {@link #withAllPermutationsOf} applies.
     */
    public double[] spectrum(double[] rho) {
        return spectrum(rho, null);
    }

    /** As {@link #spectrum(double[])}; total-spin blocks from {@code packed} (the same state) where {@link #withOrbits} applies. */
    public double[] spectrum(double[] rho, double[] packed) {
        if (spin != null) {
            return spin.spectrum(rho, packed);
        }
        double[] all = new double[dim];
        int[] at = new int[order + 1];
        final int computed = blocksComputed();
        long cubes = 0;
        for (int s = 0; s < order; s++) {
            int m = orbitsByCharacter[s].length;
            at[s + 1] = at[s] + m;
            cubes += s < computed ? (long) m * m * m : 0;
        }
        if (at[order] != dim) {
            throw new IllegalStateException("symmetry blocks cover " + at[order] + " of " + dim + " states");
        }
        // The blocks are independent. From N = 11 (D = 2048) their diagonalisation outlasts the
        // integration of a sample, so they go to both cores (through the integrator's own pool: never
        // more threads than cores); below that the integrator keeps the cores busy and splitting
        // only adds hand-offs (measured: N = 8 slower, N = 10 unchanged).
        long costPerBlock = dim >= parallelDim ? Math.max(200_000L, 8 * cubes / computed) : 0;
        Parallel.forRange(computed, costPerBlock, (from, to) -> {
            for (int s = from; s < to; s++) {
                double[] ev = blockSpectrum(rho, s);
                System.arraycopy(ev, 0, all, at[s], ev.length);
                if (copies(s) == 2) {
                    System.arraycopy(ev, 0, all, at[order - s], ev.length);
                }
            }
        });
        java.util.Arrays.sort(all);
        return all;
    }

    /** Blocks diagonalised: with the inversion, blocks r − s > s are copies of block s, so only s ≤ r/2. */
    private int blocksComputed() {
        return inverted ? order / 2 + 1 : order;
    }

    /** How often block s's spectrum occurs: twice when the inversion pairs it with block r − s ≠ s. */
    private int copies(int s) {
        return inverted && s > 0 && order - s != s ? 2 : 1;
    }

    /** Eigenvalues of block s (character e^{−2πi s/r}). */
    private double[] blockSpectrum(double[] rho, int s) {
        int m = orbitsByCharacter[s].length;
        return m == 0 ? new double[0] : HermitianEigenvalues.ofInPlace(block(rho, s), m);
    }

    /**
     * Per-sector spectra (k = 0..N, each ascending, as {@link Spectrum#sectorSpectra(double[], int)})
     * of an invariant ρ that commutes with H0: every block is split by the excitation number of its
     * orbits (a cell permutation keeps it) and the pieces diagonalised apart.
     */
    public double[][] sectorSpectra(double[] rho) {
        return sectorSpectra(rho, null);
    }

    /** As {@link #sectorSpectra(double[])}; total-spin blocks from {@code packed} where {@link #withOrbits} applies. */
    public double[][] sectorSpectra(double[] rho, double[] packed) {
        if (spin != null) {
            return spin.sectorSpectra(rho, packed);
        }
        double[][] out = Spectrum.sectorArrays(cells);
        int[] filled = new int[cells + 1];
        final int computed = blocksComputed();
        for (int s = 0; s < computed; s++) {
            int m = orbitsByCharacter[s].length;
            if (m == 0) {
                continue;
            }
            int[] sector = new int[m];
            for (int x = 0; x < m; x++) {
                sector[x] = Integer.bitCount(orbitFlat[s][orbitStart[s][x]]);
            }
            Spectrum.splitBySector(block(rho, s), m, sector, copies(s), out, filled);
        }
        return Spectrum.finish(out, filled, "symmetry blocks");
    }

    /** Block s of ρ in the symmetry-adapted basis, m×m row-major interleaved (m = its number of orbits ≥ 1). */
    private double[] block(double[] rho, int s) {
        int m = orbitsByCharacter[s].length;
        double[] cosT = new double[order], sinT = new double[order];
        for (int e = 0; e < order; e++) {
            double ang = -2 * Math.PI * ((long) s * e % order) / order;
            cosT[e] = Math.cos(ang);
            sinT[e] = Math.sin(ang);
        }
        double[] blk = new double[2 * m * m];
        // Flat orbit lists: the inner loops read one int array in order instead of an array per orbit.
        final int[] st = orbitStart[s], fl = orbitFlat[s];
        double[] rootSize = new double[m];
        for (int y = 0; y < m; y++) {
            rootSize[y] = Math.sqrt(st[y + 1] - st[y]);
        }
        // The lower triangle summed, the upper one its mirror: the block is Hermitian (ρ is).
        for (int x = 0; x < m; x++) {
            int a = fl[st[x]];
            int row = 2 * a * dim;
            for (int y = 0; y <= x; y++) {
                final int lo = st[y], obn = st[y + 1] - lo;
                double re = 0, im = 0;
                for (int e = 0; e < obn; e++) {
                    double c = cosT[e], sn = sinT[e];
                    int at = row + 2 * fl[lo + e];
                    double rr = rho[at], ri = rho[at + 1];
                    re += c * rr - sn * ri;
                    im += c * ri + sn * rr;
                }
                double f = rootSize[x] / rootSize[y];
                blk[2 * (x * m + y)] = f * re;
                blk[2 * (y * m + x)] = f * re;
                if (y < x) {
                    blk[2 * (x * m + y) + 1] = f * im;
                    blk[2 * (y * m + x) + 1] = -f * im;
                }
            }
        }
        return blk;
    }
}
