package org.qbattery.kernel;

/**
 * One thread's working rows for {@link SectorLindbladKernel}: the output row being accumulated
 * (accRe, accIm), the input row (rowRe, rowIm) and a staging row (tRe, tIm), real and imaginary
 * parts in separate arrays, all indexed from 0.
 *
 * <p>Why separate arrays at offset 0: Java 17's C2 compiler vectorises a loop only when every
 * array in it is indexed by the same expression; {@code out[o + x] += w·in[u + x]} stays scalar,
 * while staging the source with {@code System.arraycopy} (vectorised) and adding
 * {@code acc[x] += w·t[x]} runs about 3.5× faster (measured in L1: 0.53 vs 0.14 ns per double).
 */
final class RowScratch {
    final double[] accRe, accIm, rowRe, rowIm, tRe, tIm;

    RowScratch(int width) {
        accRe = new double[width];
        accIm = new double[width];
        rowRe = new double[width];
        rowIm = new double[width];
        tRe = new double[width];
        tIm = new double[width];
    }

    /** acc[x] += (a + ib)·t[x] for x in [from, to). */
    void complexAxpy(int from, int to, double a, double b) {
        final double[] ar = accRe, ai = accIm, xr = tRe, xi = tIm;
        for (int x = from; x < to; x++) {
            ar[x] += a * xr[x] - b * xi[x];
            ai[x] += a * xi[x] + b * xr[x];
        }
    }

    /** acc[x] += w·t[x] for x in [from, to). */
    void realAxpy(int from, int to, double w) {
        final double[] ar = accRe, ai = accIm, xr = tRe, xi = tIm;
        for (int x = from; x < to; x++) {
            ar[x] += w * xr[x];
            ai[x] += w * xi[x];
        }
    }
}
