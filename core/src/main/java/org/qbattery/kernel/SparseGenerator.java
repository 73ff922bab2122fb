package org.qbattery.kernel;

/**
 * A linear map on complex vectors (interleaved re, im) made of a complex diagonal and real couplings
 * between elements, stored by rows (CSR): the shape of both no-register generators
 * ({@link DickeLiouvillian}, {@link CountOrbits}), whose couplings are all real — decay, dephasing and
 * the ladder coefficients — while the exchange and the no-jump decay sit on the diagonal.
 */
final class SparseGenerator {
    private final double[] diagRe, diagIm, coefficient;
    private final int[] rowStart, column;

    SparseGenerator(double[] diagRe, double[] diagIm, int[] rowStart, int[] column, double[] coefficient) {
        this.diagRe = diagRe;
        this.diagIm = diagIm;
        this.rowStart = rowStart;
        this.column = column;
        this.coefficient = coefficient;
    }

    int rows() {
        return diagRe.length;
    }

    /** Couplings besides the diagonal. */
    int couplings() {
        return column.length;
    }

    /**
     * Rows {@code [from, to)} of the map applied to the vector stored from double {@code at} on in
     * {@code y}, written to the same place of {@code out}; with weights {@code w}, returns Σ (out_i·w_i)²
     * over the doubles written (else 0).
     */
    double rows(double[] y, double[] out, int at, int from, int to, double[] w) {
        double squares = 0;
        for (int r = from; r < to; r++) {
            double yr = y[at + 2 * r], yi = y[at + 2 * r + 1];
            double ar = diagRe[r] * yr - diagIm[r] * yi;
            double ai = diagRe[r] * yi + diagIm[r] * yr;
            for (int e = rowStart[r], end = rowStart[r + 1]; e < end; e++) {
                int c = at + 2 * column[e];
                ar += coefficient[e] * y[c];
                ai += coefficient[e] * y[c + 1];
            }
            out[at + 2 * r] = ar;
            out[at + 2 * r + 1] = ai;
            if (w != null) {
                double sr = ar * w[at + 2 * r], si = ai * w[at + 2 * r + 1];
                squares += sr * sr + si * si;
            }
        }
        return squares;
    }
}
