package org.qbattery.kernel;

/**
 * All eigenvalues of a dense complex Hermitian matrix, without eigenvectors.
 *
 * <p>Method: Householder reduction to Hermitian tridiagonal form ({@code A ← A − v w† − w v†},
 * as in LAPACK's ZHETRD), then the implicit QL algorithm with Wilkinson shifts on the real
 * symmetric tridiagonal matrix whose off-diagonal is |e_k| (a diagonal unitary similarity removes
 * the phases). About (16/3)·n³ real flops.
 *
 * <p>Why hand-written: ergotropy (paper Eq. 1) needs only the spectrum of ρ, in the same
 * interleaved (re, im) layout the integrator uses; this avoids a copy into a library's matrix type
 * and the cost of eigenvectors, and needs no native code. It is cross-checked against
 * {@link JacobiEigen} in the tests. From order {@link #NATIVE_MIN_ORDER} on, {@link NativeLapack}
 * (OpenBLAS zheevd) takes over when it loads, being 4–5× faster there.
 */
public final class HermitianEigenvalues {
    private HermitianEigenvalues() {
    }

    /**
     * Eigenvalues in ascending order.
     *
     * @param a row-major n×n Hermitian matrix as interleaved (re, im); not modified
     * @param n order
     */
    public static double[] of(double[] a, int n) {
        double[] w = a.clone();
        return ofInPlace(w, n);
    }

    /**
     * √(x² + y²) without Math.hypot's cost (a software routine, 15% of a small-N run measured in
     * the Jacobi rotations): the plain formula whenever x² + y² is a normal number, which covers
     * most matrix elements met here; else scaled by a power of two near the larger magnitude, which neither underflows
     * nor overflows (the QL sweeps meet numbers below 1e-145, e.g. the populations of sectors that
     * have decayed for t = 40, where the plain squares underflow), within 1 ulp of the exact value, as Math.hypot is.
     */
    static double hypot(double x, double y) {
        double s = x * x + y * y;
        if (s > 1e-290 && s < 1e290) {
            return Math.sqrt(s);
        }
        double ax = Math.abs(x), ay = Math.abs(y);
        double big = Math.max(ax, ay), small = Math.min(ax, ay);
        if (small == 0 || big == Double.POSITIVE_INFINITY) {
            return big;
        }
        // Scaling by a power of two is exact: the plain formula's rounding (≤ 1 ulp) at any magnitude.
        int e = Math.getExponent(big);
        double xs = Math.scalb(big, -e), ys = Math.scalb(small, -e);
        return Math.scalb(Math.sqrt(xs * xs + ys * ys), e);
    }

    /**
     * From this order on, {@link NativeLapack} is used when it is available. Measured here: native
     * zheevd is 1.6× faster at n = 64, 2× at 120, 2.8× at 200; below 64 the gain does not repay
     * loading the library (~0.3 s once), which small runs would otherwise not need.
     */
    public static final int NATIVE_MIN_ORDER = 64;

    /** As {@link #of} but destroys {@code w}. */
    public static double[] ofInPlace(double[] w, int n) {
        if (n >= NATIVE_MIN_ORDER && NativeLapack.available()) {
            return NativeLapack.eigenvaluesInPlace(w, n);
        }
        return pureJavaInPlace(w, n);
    }

    /** The pure-Java path (Householder + QL) regardless of size; destroys {@code w}. */
    public static double[] pureJavaInPlace(double[] w, int n) {
        // Orders 1 and 2 are most of the blocks of small registers (excitation sectors, symmetry
        // blocks): 30 000 of reproduce's 78 000 spectra. Closed forms, backward stable like QL
        // (absolute error of order ε·‖A‖).
        if (n == 1) {
            return new double[] {w[0]};
        }
        if (n == 2) {
            double mean = 0.5 * (w[0] + w[6]), half = 0.5 * (w[0] - w[6]);
            double r = hypot(half, hypot(w[2], w[3]));
            return new double[] {mean - r, mean + r};
        }
        double[] d = new double[n];
        double[] e = new double[n];
        tridiagonalize(w, n, d, e);
        tridiagonalQl(d, e, n);
        java.util.Arrays.sort(d);
        return d;
    }

    /** Reduces w to tridiagonal form; d gets the diagonal, e[k] = |w_{k,k+1}|. */
    static void tridiagonalize(double[] w, int n, double[] d, double[] e) {
        double[] vr = new double[n], vi = new double[n], pr = new double[n], pi = new double[n];
        for (int k = 0; k < n - 2; k++) {
            // x = row k right of the diagonal (= conj of column k below it).
            int rk = 2 * k * n;
            double norm2 = 0;
            for (int j = k + 1; j < n; j++) {
                double xr = w[rk + 2 * j], xi = -w[rk + 2 * j + 1];
                norm2 += xr * xr + xi * xi;
            }
            double tail2 = norm2 - (w[rk + 2 * (k + 1)] * w[rk + 2 * (k + 1)]
                    + w[rk + 2 * (k + 1) + 1] * w[rk + 2 * (k + 1) + 1]);
            if (tail2 <= 1e-300) {
                continue; // column already reduced
            }
            double xnorm = Math.sqrt(norm2);
            double x0r = w[rk + 2 * (k + 1)], x0i = -w[rk + 2 * (k + 1) + 1];
            double x0abs = hypot(x0r, x0i);
            double phr = x0abs == 0 ? 1 : x0r / x0abs, phi = x0abs == 0 ? 0 : x0i / x0abs;
            // alpha = −phase(x0)·‖x‖ so that v = x − alpha·e1 has no cancellation.
            double ar = -phr * xnorm, ai = -phi * xnorm;
            int m = n - k - 1;
            for (int j = 0; j < m; j++) {
                vr[j] = w[rk + 2 * (k + 1 + j)];
                vi[j] = -w[rk + 2 * (k + 1 + j) + 1];
            }
            vr[0] -= ar;
            vi[0] -= ai;
            double vnorm2 = 0;
            for (int j = 0; j < m; j++) {
                vnorm2 += vr[j] * vr[j] + vi[j] * vi[j];
            }
            double tau = 2.0 / vnorm2;
            // p = τ A v on the trailing block
            double beta = 0;
            for (int i = 0; i < m; i++) {
                int ri = 2 * ((k + 1 + i) * n + (k + 1));
                double sr = 0, si = 0;
                for (int j = 0; j < m; j++) {
                    double ar2 = w[ri + 2 * j], ai2 = w[ri + 2 * j + 1];
                    sr += ar2 * vr[j] - ai2 * vi[j];
                    si += ar2 * vi[j] + ai2 * vr[j];
                }
                pr[i] = tau * sr;
                pi[i] = tau * si;
                beta += vr[i] * pr[i] + vi[i] * pi[i]; // Re(v† p); Im vanishes (A Hermitian)
            }
            double half = 0.5 * tau * beta;
            for (int i = 0; i < m; i++) {
                pr[i] -= half * vr[i];
                pi[i] -= half * vi[i];
            }
            // A ← A − v w† − w v†
            for (int i = 0; i < m; i++) {
                int ri = 2 * ((k + 1 + i) * n + (k + 1));
                double vir = vr[i], vii = vi[i], wir = pr[i], wii = pi[i];
                for (int j = 0; j < m; j++) {
                    // v_i conj(w_j) + w_i conj(v_j)
                    double re = vir * pr[j] + vii * pi[j] + wir * vr[j] + wii * vi[j];
                    double im = vii * pr[j] - vir * pi[j] + wii * vr[j] - wir * vi[j];
                    w[ri + 2 * j] -= re;
                    w[ri + 2 * j + 1] -= im;
                }
            }
            // Row/column k now couple only to k+1, with magnitude ‖x‖.
            w[rk + 2 * (k + 1)] = ar;
            w[rk + 2 * (k + 1) + 1] = -ai;
            for (int j = k + 2; j < n; j++) {
                w[rk + 2 * j] = 0;
                w[rk + 2 * j + 1] = 0;
            }
        }
        for (int k = 0; k < n; k++) {
            d[k] = w[2 * (k * n + k)];
            if (k < n - 1) {
                e[k] = hypot(w[2 * (k * n + k + 1)], w[2 * (k * n + k + 1) + 1]);
            }
        }
        e[n - 1] = 0;
    }

    /** Implicit QL with Wilkinson shifts; e[k] couples d[k] and d[k+1]. Eigenvalues left in d. */
    static void tridiagonalQl(double[] d, double[] e, int n) {
        final double eps = Math.ulp(1.0);
        double norm = 0;
        for (int k = 0; k < n; k++) {
            norm = Math.max(norm, Math.abs(d[k]) + Math.abs(e[k]));
        }
        for (int l = 0; l < n; l++) {
            int iter = 0;
            int m;
            do {
                for (m = l; m < n - 1; m++) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    // After 60 sweeps also relative to the whole matrix (EISPACK tql1's test): inside a
                    // cluster of eigenvalues at round-off level the neighbour-relative test may never
                    // pass (met: a nearly rank-one Dicke block of 80 cells, 58 eigenvalues ~1e-15 of 11);
                    // an e below eps·‖T‖ moves no eigenvalue by more than that.
                    if (Math.abs(e[m]) <= eps * dd || (iter > 60 && Math.abs(e[m]) <= eps * norm)) {
                        break;
                    }
                }
                if (m != l) {
                    if (++iter > 120) {
                        throw new ArithmeticException("tridiagonal QL did not converge");
                    }
                    double g = (d[l + 1] - d[l]) / (2.0 * e[l]);
                    double r = hypot(g, 1.0);
                    g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                    double s = 1, c = 1, p = 0;
                    int i;
                    boolean underflow = false;
                    for (i = m - 1; i >= l; i--) {
                        double f = s * e[i];
                        double b = c * e[i];
                        r = hypot(f, g);
                        e[i + 1] = r;
                        if (r == 0.0) {
                            d[i + 1] -= p;
                            e[m] = 0.0;
                            underflow = true;
                            break;
                        }
                        s = f / r;
                        c = g / r;
                        g = d[i + 1] - p;
                        r = (d[i] - g) * s + 2.0 * c * b;
                        p = s * r;
                        d[i + 1] = g + p;
                        g = c * r - b;
                    }
                    if (underflow) {
                        continue;
                    }
                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0.0;
                }
            } while (m != l);
        }
    }
}
