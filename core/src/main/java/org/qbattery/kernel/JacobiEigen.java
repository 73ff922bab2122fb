package org.qbattery.kernel;

/**
 * Eigen-decomposition of a small complex Hermitian matrix by cyclic Jacobi rotations, with
 * eigenvectors. Used where vectors are needed on tiny matrices (√ρ of a two-cell state for the
 * Wootters concurrence, 4×4) and as an independent check of {@link HermitianEigenvalues}.
 * Jacobi is slow (O(n³) per sweep) but unconditionally accurate, including tiny eigenvalues.
 */
public final class JacobiEigen {
    /** Eigenvalues, ascending. */
    public final double[] values;
    /** Eigenvectors as columns of a row-major n×n interleaved complex matrix, matching {@link #values}. */
    public final double[] vectors;
    public final int n;

    private JacobiEigen(double[] values, double[] vectors, int n) {
        this.values = values;
        this.vectors = vectors;
        this.n = n;
    }

    /** Decomposes the Hermitian matrix {@code a} (row-major interleaved, not modified). */
    public static JacobiEigen of(double[] a, int n) {
        double[] w = a.clone();
        double[] v = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            v[2 * (i * n + i)] = 1;
        }
        diagonalise(w, v, n);
        int[] order = ascending(w, n);
        double[] sv = new double[n];
        double[] vv = new double[2 * n * n];
        for (int c = 0; c < n; c++) {
            int src = order[c];
            sv[c] = w[2 * (src * n + src)];
            for (int r = 0; r < n; r++) {
                vv[2 * (r * n + c)] = v[2 * (r * n + src)];
                vv[2 * (r * n + c) + 1] = v[2 * (r * n + src) + 1];
            }
        }
        return new JacobiEigen(sv, vv, n);
    }

    /**
     * The eigenvalues alone, ascending: the same rotations as {@link #of} without accumulating the
     * vectors (equal values to the last bit, in about half the work: the concurrence's second
     * eigenproblem needs no vectors, and ran once per pair and time).
     */
    public static double[] valuesOf(double[] a, int n) {
        double[] w = a.clone();
        diagonalise(w, null, n);
        int[] order = ascending(w, n);
        double[] sv = new double[n];
        for (int c = 0; c < n; c++) {
            sv[c] = w[2 * (order[c] * n + order[c])];
        }
        return sv;
    }

    /** Cyclic sweeps until the off-diagonal part is negligible; v (null: not wanted) accumulates the rotations. */
    private static void diagonalise(double[] w, double[] v, int n) {
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0, diag = 0;
            for (int p = 0; p < n; p++) {
                diag += w[2 * (p * n + p)] * w[2 * (p * n + p)];
                for (int q = p + 1; q < n; q++) {
                    off += w[2 * (p * n + q)] * w[2 * (p * n + q)] + w[2 * (p * n + q) + 1] * w[2 * (p * n + q) + 1];
                }
            }
            if (off <= 1e-34 * Math.max(diag, 1e-300) || off == 0) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(w, v, n, p, q);
                }
            }
        }
    }

    /** Indices of w's diagonal in ascending order, ties in index order (a stable insertion sort: n is tiny, and no boxing). */
    private static int[] ascending(double[] w, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            int k = i;
            double x = w[2 * (i * n + i)];
            while (k > 0 && Double.compare(w[2 * (order[k - 1] * n + order[k - 1])], x) > 0) {
                order[k] = order[k - 1];
                k--;
            }
            order[k] = i;
        }
        return order;
    }

    /** One rotation U = diag-phase·R zeroing w_pq; w ← U† w U, v ← v U. */
    private static void rotate(double[] w, double[] v, int n, int p, int q) {
        double br = w[2 * (p * n + q)], bi = w[2 * (p * n + q) + 1];
        double babs = HermitianEigenvalues.hypot(br, bi);
        if (babs == 0) {
            return;
        }
        double app = w[2 * (p * n + p)], aqq = w[2 * (q * n + q)];
        if (babs < 1e-300) {
            return;
        }
        double theta = (aqq - app) / (2 * babs);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1), s = t * c;
        // phase e^{-iφ} with φ = arg(b)
        double er = br / babs, ei = -bi / babs;
        // U columns: col p = (c at p, −s·e^{−iφ} at q), col q = (s at p, c·e^{−iφ} at q)
        double upr = c, upi = 0;            // U_pp
        double uqpr = -s * er, uqpi = -s * ei; // U_qp
        double upqr = s, upqi = 0;          // U_pq
        double uqqr = c * er, uqqi = c * ei;   // U_qq
        // w ← w U (columns p, q)
        for (int r = 0; r < n; r++) {
            int ip = 2 * (r * n + p), iq = 2 * (r * n + q);
            double xpr = w[ip], xpi = w[ip + 1], xqr = w[iq], xqi = w[iq + 1];
            w[ip] = xpr * upr - xpi * upi + xqr * uqpr - xqi * uqpi;
            w[ip + 1] = xpr * upi + xpi * upr + xqr * uqpi + xqi * uqpr;
            w[iq] = xpr * upqr - xpi * upqi + xqr * uqqr - xqi * uqqi;
            w[iq + 1] = xpr * upqi + xpi * upqr + xqr * uqqi + xqi * uqqr;
            if (v == null) {
                continue;
            }
            double vpr = v[ip], vpi = v[ip + 1], vqr = v[iq], vqi = v[iq + 1];
            v[ip] = vpr * upr - vpi * upi + vqr * uqpr - vqi * uqpi;
            v[ip + 1] = vpr * upi + vpi * upr + vqr * uqpi + vqi * uqpr;
            v[iq] = vpr * upqr - vpi * upqi + vqr * uqqr - vqi * uqqi;
            v[iq + 1] = vpr * upqi + vpi * upqr + vqr * uqqi + vqi * uqqr;
        }
        // w ← U† w (rows p, q): row p' = conj(U_pp) row p + conj(U_qp) row q, etc.
        for (int col = 0; col < n; col++) {
            int ip = 2 * (p * n + col), iq = 2 * (q * n + col);
            double xpr = w[ip], xpi = w[ip + 1], xqr = w[iq], xqi = w[iq + 1];
            w[ip] = upr * xpr + upi * xpi + uqpr * xqr + uqpi * xqi;
            w[ip + 1] = upr * xpi - upi * xpr + uqpr * xqi - uqpi * xqr;
            w[iq] = upqr * xpr + upqi * xpi + uqqr * xqr + uqqi * xqi;
            w[iq + 1] = upqr * xpi - upqi * xpr + uqqr * xqi - uqqi * xqr;
        }
        w[2 * (p * n + q)] = 0;
        w[2 * (p * n + q) + 1] = 0;
        w[2 * (q * n + p)] = 0;
        w[2 * (q * n + p) + 1] = 0;
        w[2 * (p * n + p) + 1] = 0;
        w[2 * (q * n + q) + 1] = 0;
    }
}
