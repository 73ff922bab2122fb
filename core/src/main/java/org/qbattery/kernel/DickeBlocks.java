package org.qbattery.kernel;

import java.math.BigInteger;

/**
 * The layout of a permutation-invariant state of N cells in the Dicke basis, the form
 * {@link DickeLiouvillian} integrates (Chase and Geremia, PRA 78, 052101 (2008); Shammah et al., PRA 98,
 * 063815 (2018)):
 * <pre>
 *   ρ = Σ_j Σ_{m,m'} ρ_j(m, m') Σ_{α=1}^{d_j} |j, m, α⟩⟨j, m', α|,
 *   j = N/2 − p (p = 0 … ⌊N/2⌋),  d_j = C(N, p) − C(N, p−1)  (copies of spin j),
 * </pre>
 * so tr ρ = Σ_j d_j tr ρ_j. Block p stores the spin's weight B_j = d_j·ρ_j (tr ρ = Σ_j tr B_j; the
 * normalisation PIQS uses), a (2j+1)×(2j+1) matrix with rows and columns k = m + j = 0 … 2j; level k
 * holds H0 = ω(k + p) (that many excited cells). Weights, not ρ_j itself, because d_j reaches 10^13 at
 * 50 cells: an absolute error δ in an element of B_j moves the trace by δ, in ρ_j by d_j·δ. The eigenvalues of
 * ρ are those of B_j/d_j, each d_j times. Blocks are stored one after another, each row-major with
 * interleaved (re, im): {@link #offset} is in complex elements.
 *
 * <p>A cell permutation leaves such a state invariant, and a master equation whose terms are sums
 * over all cells or all pairs (the complete graph) keeps it so: ~N³/6 complex numbers carry what the
 * 2^N register needs 4^N for.
 */
public final class DickeBlocks {
    private final int cells;
    private final int[] offset;
    private final double[] degeneracy;

    public DickeBlocks(int cells) {
        if (cells < 1) {
            throw new IllegalArgumentException("cells must be >= 1, got " + cells);
        }
        this.cells = cells;
        int blocks = cells / 2 + 1;
        offset = new int[blocks + 1];
        degeneracy = new double[blocks];
        BigInteger previous = BigInteger.ZERO, binomial = BigInteger.ONE; // C(N, p−1), C(N, p)
        for (int p = 0; p < blocks; p++) {
            int s = size(p);
            offset[p + 1] = offset[p] + s * s;
            // Exact in integers, rounded once: C(N, N/2) passes 2^53 from N = 56 on.
            degeneracy[p] = binomial.subtract(previous).doubleValue();
            previous = binomial;
            binomial = binomial.multiply(BigInteger.valueOf(cells - p)).divide(BigInteger.valueOf(p + 1));
        }
    }

    public int cells() {
        return cells;
    }

    /** Number of spin blocks, ⌊N/2⌋ + 1. */
    public int blocks() {
        return offset.length - 1;
    }

    /** Order 2j + 1 = N − 2p + 1 of block p. */
    public int size(int p) {
        return cells - 2 * p + 1;
    }

    /** Total spin j = N/2 − p of block p. */
    public double spin(int p) {
        return 0.5 * cells - p;
    }

    /** Copies d_j of spin j = N/2 − p in the 2^N register. */
    public double degeneracy(int p) {
        return degeneracy[p];
    }

    /** First complex element of block p. */
    public int offset(int p) {
        return offset[p];
    }

    /** Complex element (k, k') of block p. */
    public int index(int p, int k, int kk) {
        return offset[p] + k * size(p) + kk;
    }

    /** Complex elements in all blocks. */
    public int elements() {
        return offset[offset.length - 1];
    }

    /** Doubles of a state vector (re, im per element). */
    public int length() {
        return 2 * elements();
    }

    /** Bytes of one state vector; a long so that callers can test sizes that would not fit an array. */
    public static long bytes(int cells) {
        long total = 0;
        for (int p = 0; p <= cells / 2; p++) {
            long s = cells - 2L * p + 1;
            total += s * s;
        }
        return 16 * total;
    }
}
