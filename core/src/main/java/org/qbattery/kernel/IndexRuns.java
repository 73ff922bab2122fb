package org.qbattery.kernel;

import java.util.Arrays;

/**
 * A partial map between the indices of two rows, {@code dst[c] ← src[u]}, stored for speed as runs
 * of consecutive (c, u) where they are long and as single pairs where they are not.
 *
 * <p>Why: in the excitation sectors' increasing bit-string order, raising cell m (or swapping cells
 * a &lt; b) maps strings that differ only below m (below a) onto consecutive strings, so the runs
 * are C(m, j) long. For high cells a run is a plain stream the JIT vectorises; for the lowest cells
 * runs are 1–3 long and a loop per run costs more than a gather over the pairs.
 */
final class IndexRuns {
    /** Runs shorter than this are stored as single pairs. */
    static final int MIN_RUN = 4;

    /** (c, u, length) triples. */
    private final int[] runs;
    private final int[] singleC, singleU;

    /** The map c[x] → u[x] for x &lt; n, with c increasing. */
    IndexRuns(int[] c, int[] u, int n) {
        int[] r = new int[3 * n];
        int[] sc = new int[n], su = new int[n];
        int nr = 0, ns = 0;
        for (int x = 0; x < n; ) {
            int y = x + 1;
            while (y < n && c[y] == c[y - 1] + 1 && u[y] == u[y - 1] + 1) {
                y++;
            }
            if (y - x >= MIN_RUN) {
                r[nr++] = c[x];
                r[nr++] = u[x];
                r[nr++] = y - x;
            } else {
                for (int z = x; z < y; z++) {
                    sc[ns] = c[z];
                    su[ns++] = u[z];
                }
            }
            x = y;
        }
        runs = Arrays.copyOf(r, nr);
        singleC = Arrays.copyOf(sc, ns);
        singleU = Arrays.copyOf(su, ns);
    }

    /** Number of mapped indices. */
    int size() {
        int n = singleC.length;
        for (int x = 2; x < runs.length; x += 3) {
            n += runs[x];
        }
        return n;
    }

    /**
     * acc[c] += w·in[u] for the mapped (c, u), with the source's real parts at {@code srcRe + u} and
     * imaginary parts at {@code srcIm + u}.
     */
    void addReal(RowScratch sc, double[] in, int srcRe, int srcIm, double w) {
        final int[] r = runs;
        for (int x = 0; x < r.length; x += 3) {
            final int c = r[x], u = r[x + 1], len = r[x + 2];
            System.arraycopy(in, srcRe + u, sc.tRe, c, len);
            System.arraycopy(in, srcIm + u, sc.tIm, c, len);
            sc.realAxpy(c, c + len, w);
        }
        final int[] sc0 = singleC, su = singleU;
        final double[] ar = sc.accRe, ai = sc.accIm;
        for (int x = 0; x < sc0.length; x++) {
            ar[sc0[x]] += w * in[srcRe + su[x]];
            ai[sc0[x]] += w * in[srcIm + su[x]];
        }
    }

    /** acc[c] += (a + ib)·row[u] for the mapped (c, u), the source being the scratch's input row. */
    void addComplex(RowScratch sc, double a, double b) {
        final int[] r = runs;
        for (int x = 0; x < r.length; x += 3) {
            final int c = r[x], u = r[x + 1], len = r[x + 2];
            System.arraycopy(sc.rowRe, u, sc.tRe, c, len);
            System.arraycopy(sc.rowIm, u, sc.tIm, c, len);
            sc.complexAxpy(c, c + len, a, b);
        }
        final int[] sc0 = singleC, su = singleU;
        final double[] ar = sc.accRe, ai = sc.accIm, xr = sc.rowRe, xi = sc.rowIm;
        for (int x = 0; x < sc0.length; x++) {
            final int c = sc0[x], u = su[x];
            ar[c] += a * xr[u] - b * xi[u];
            ai[c] += a * xi[u] + b * xr[u];
        }
    }
}
