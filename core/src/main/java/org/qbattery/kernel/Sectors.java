package org.qbattery.kernel;

/**
 * The excitation sectors of an N-cell register and the numbering of the matrix elements ρ(s, c)
 * with at least as many excitations in s as in c (the k ≥ k' blocks, physics.md §7).
 *
 * <p>Sector k lists the C(N,k) bit strings with k excited cells in increasing order; block (k, k')
 * has C(N,k) × C(N,k') elements, row-major, and blocks are numbered by q = k − k', then k'.
 */
final class Sectors {
    final int cells, dim;
    /** strings[k][r]: the r-th bit string with k excitations; rank[s]: its index r in its sector. */
    final int[][] strings;
    final int[] rank;
    /** First element of block (k, k'), k ≥ k', counted in complex numbers. */
    final long[][] blockStart;
    /** Elements in all k ≥ k' blocks: (4^N + C(2N,N))/2. */
    final long elements;

    Sectors(int cells) {
        if (cells < 1 || cells > 15) {
            throw new IllegalArgumentException("cells must be in 1..15");
        }
        this.cells = cells;
        this.dim = 1 << cells;
        strings = new int[cells + 1][];
        rank = new int[dim];
        int[] fill = new int[cells + 1];
        for (int k = 0; k <= cells; k++) {
            strings[k] = new int[binomial(cells, k)];
        }
        for (int s = 0; s < dim; s++) {
            int k = Integer.bitCount(s);
            rank[s] = fill[k];
            strings[k][fill[k]++] = s;
        }
        blockStart = new long[cells + 1][cells + 1];
        long at = 0;
        for (int q = 0; q <= cells; q++) {
            for (int kp = 0; kp + q <= cells; kp++) {
                blockStart[kp + q][kp] = at;
                at += (long) strings[kp + q].length * strings[kp].length;
            }
        }
        elements = at;
    }

    /** Number of the element (s, c); requires popcount(s) ≥ popcount(c). */
    long element(int s, int c) {
        int k = Integer.bitCount(s), kp = Integer.bitCount(c);
        return blockStart[k][kp] + (long) rank[s] * strings[kp].length + rank[c];
    }

    /** Elements in the k ≥ k' blocks of an N-cell register, without building the tables. */
    static long elements(int cells) {
        long total = 0;
        for (int k = 0; k <= cells; k++) {
            for (int kp = 0; kp <= k; kp++) {
                total += (long) binomial(cells, k) * binomial(cells, kp);
            }
        }
        return total;
    }

    static int binomial(int n, int k) {
        long c = 1;
        for (int i = 0; i < k; i++) {
            c = c * (n - i) / (i + 1);
        }
        return (int) c;
    }
}
