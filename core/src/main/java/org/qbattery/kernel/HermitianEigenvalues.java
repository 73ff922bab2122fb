package org.qbattery.kernel;

/**
 * All eigenvalues of a dense complex Hermitian matrix, without eigenvectors.
 *
 * <p>Method: Householder reduction to Hermitian tridiagonal form ({@code A ← A − v w† − w v†} on
 * the lower triangle, as in LAPACK's ZHETD2), then the root-free (Pal–Walker–Kahan) implicit QL
 * algorithm with Wilkinson shifts on the real symmetric tridiagonal matrix whose off-diagonal is
 * |e_k| (a diagonal unitary similarity removes the phases), as LAPACK's ZHEEV does for eigenvalues
 * alone (DSTERF). About (16/3)·n³ real flops. This path reads only the lower triangle of its input.
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
     * Eigenvalues in ascending order, at any scale of the matrix (the pure-Java path scales by a power
     * of two itself, LAPACK's zheevd by its own factor: the populations of spin blocks that have
     * decayed for a long time fall below 1e-200).
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
            double r = hypot(half, hypot(w[4], w[5]));
            return new double[] {mean - r, mean + r};
        }
        // Elements far from 1 are first scaled by a power of two (exact): the reduction sums squares
        // of a column, which would underflow below ~1e-154 (the populations of sectors that have
        // decayed for a long time) or overflow above ~1e154.
        double big = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 2 * i * n, end = j + 2 * i + 2; j < end; j++) {
                double a = Math.abs(w[j]);
                big = a > big ? a : big; // Math.max is no intrinsic in C1 code
            }
        }
        int shift = big > 0 && Double.isFinite(big) && (big < 0x1p-300 || big > 0x1p300) ? -Math.getExponent(big) : 0;
        if (shift != 0) {
            double up = Math.scalb(1.0, shift);
            for (int i = 0; i < n; i++) {
                for (int j = 2 * i * n, end = j + 2 * i + 2; j < end; j++) {
                    w[j] *= up;
                }
            }
        }
        double[] d = new double[n];
        double[] e = new double[n];
        tridiagonalize(w, n, d, e);
        tridiagonalQl(d, e, n);
        if (shift != 0) {
            double down = Math.scalb(1.0, -shift);
            for (int k = 0; k < n; k++) {
                d[k] *= down;
            }
        }
        java.util.Arrays.sort(d);
        return d;
    }

    /**
     * Reduces w to real symmetric tridiagonal form (LAPACK's ZHETD2, lower triangle); d gets the
     * diagonal, e[k] = |t_{k+1,k}| (a diagonal unitary similarity removes the phases). Reads and
     * updates only the lower triangle, diagonal included: each step is a Hermitian matrix-vector
     * product and a rank-2 update of half the trailing block, 2m² complex multiply-adds where the
     * full block took 3m².
     */
    static void tridiagonalize(double[] w, int n, double[] d, double[] e) {
        double[] vr = new double[n], vi = new double[n], pr = new double[n], pi = new double[n];
        for (int k = 0; k < n - 2; k++) {
            int m = n - k - 1, b = k + 1;
            // x = column k below the diagonal, into v
            double norm2 = 0;
            for (int j = 0; j < m; j++) {
                int a = 2 * ((b + j) * n + k);
                double xr = w[a], xi = w[a + 1];
                vr[j] = xr;
                vi[j] = xi;
                norm2 += xr * xr + xi * xi;
            }
            double x0r = vr[0], x0i = vi[0];
            double tail2 = norm2 - (x0r * x0r + x0i * x0i);
            if (tail2 <= 1e-300) {
                continue; // column already reduced
            }
            double xnorm = Math.sqrt(norm2);
            double x0abs = hypot(x0r, x0i);
            double phr = x0abs == 0 ? 1 : x0r / x0abs, phi = x0abs == 0 ? 0 : x0i / x0abs;
            // H x = α e1 with H = I − τ v v†, v = x − α e1; α = −phase(x0)·‖x‖ so that v has no cancellation.
            double ar = -phr * xnorm, ai = -phi * xnorm;
            vr[0] -= ar;
            vi[0] -= ai;
            double tau = 2.0 / (tail2 + vr[0] * vr[0] + vi[0] * vi[0]);
            // p = A v over the trailing block, each element of its lower triangle read once
            for (int i = 0; i < m; i++) {
                pr[i] = 0;
                pi[i] = 0;
            }
            for (int i = 0; i < m; i++) {
                int ri = 2 * ((b + i) * n + b);
                double vir = vr[i], vii = vi[i];
                double aii = w[ri + 2 * i];
                double sr = aii * vir, si = aii * vii;
                for (int j = 0; j < i; j++) {
                    double re = w[ri + 2 * j], im = w[ri + 2 * j + 1];
                    sr += re * vr[j] - im * vi[j];
                    si += re * vi[j] + im * vr[j];
                    pr[j] += re * vir + im * vii; // conj(A_ij) v_i
                    pi[j] += re * vii - im * vir;
                }
                pr[i] += sr;
                pi[i] += si;
            }
            // w = τ p − (τ² v†p / 2) v; v†p is real (A Hermitian)
            double beta = 0;
            for (int i = 0; i < m; i++) {
                pr[i] *= tau;
                pi[i] *= tau;
                beta += vr[i] * pr[i] + vi[i] * pi[i];
            }
            double half = 0.5 * tau * beta;
            for (int i = 0; i < m; i++) {
                pr[i] -= half * vr[i];
                pi[i] -= half * vi[i];
            }
            // A ← A − v w† − w v† on the lower triangle
            for (int i = 0; i < m; i++) {
                int ri = 2 * ((b + i) * n + b);
                double vir = vr[i], vii = vi[i], wir = pr[i], wii = pi[i];
                for (int j = 0; j <= i; j++) {
                    w[ri + 2 * j] -= vir * pr[j] + vii * pi[j] + wir * vr[j] + wii * vi[j];
                    w[ri + 2 * j + 1] -= vii * pr[j] - vir * pi[j] + wii * vr[j] - wir * vi[j];
                }
            }
            // Column k now couples only to k+1, with magnitude ‖x‖.
            w[2 * (b * n + k)] = ar;
            w[2 * (b * n + k) + 1] = ai;
        }
        for (int k = 0; k < n; k++) {
            d[k] = w[2 * (k * n + k)];
            if (k < n - 1) {
                e[k] = hypot(w[2 * ((k + 1) * n + k)], w[2 * ((k + 1) * n + k) + 1]);
            }
        }
        e[n - 1] = 0;
    }

    /**
     * All eigenvalues of the symmetric tridiagonal matrix (d, e), left unsorted in d; e is destroyed.
     * The Pal–Walker–Kahan QL iteration with Wilkinson shifts on the squared off-diagonal
     * (Parlett, The Symmetric Eigenvalue Problem, §8.15; LAPACK's DSTERF): one division and no
     * square root per rotation, where the explicit rotations need a hypot and two divisions.
     * The matrix is first scaled by a power of two (exact) to norm ~1, so that the squares of its
     * elements neither underflow nor overflow: blocks of sectors that have decayed for t = 40 hold
     * numbers below 1e-145.
     */
    static void tridiagonalQl(double[] d, double[] e, int n) {
        double norm = 0;
        for (int k = 0; k < n; k++) {
            double r = Math.abs(d[k]) + Math.abs(e[k]);
            norm = r > norm ? r : norm;
        }
        if (norm == 0 || !Double.isFinite(norm)) {
            return;
        }
        // Multiplying by a power of two is exact (as Math.scalb, which C1 code does not inline).
        int shift = -Math.getExponent(norm);
        double up = Math.scalb(1.0, shift), down = Math.scalb(1.0, -shift);
        for (int k = 0; k < n; k++) {
            d[k] *= up;
            double ek = e[k] * up;
            e[k] = ek * ek;
        }
        final double eps = Math.ulp(1.0), eps2 = eps * eps;
        // On the scaled matrix ‖T‖ is in [1, 2): an e below eps·‖T‖ moves no eigenvalue by more than that.
        final double absolute = 4 * eps2;
        for (int l = 0; l < n; l++) {
            int iter = 0;
            while (true) {
                int m = l;
                for (; m < n - 1; m++) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    // After 60 sweeps also relative to the whole matrix (EISPACK tql1's test): inside a
                    // cluster of eigenvalues at round-off level the neighbour-relative test may never
                    // pass (met: a nearly rank-one Dicke block of 80 cells, 58 eigenvalues ~1e-15 of 11).
                    if (e[m] <= eps2 * dd * dd || (iter > 60 && e[m] <= absolute)) {
                        break;
                    }
                }
                if (m == l) {
                    break;
                }
                e[m] = 0; // deflated (e[n − 1] already is)
                if (++iter > 120) {
                    throw new ArithmeticException("tridiagonal QL did not converge");
                }
                // Wilkinson shift from the leading 2×2 block.
                double rte = Math.sqrt(e[l]);
                double g = (d[l + 1] - d[l]) / (2 * rte);
                double r = hypot(g, 1.0);
                double sigma = d[l] - rte / (g + Math.copySign(r, g));
                double c = 1, s = 0, gamma = d[m] - sigma, p = gamma * gamma;
                for (int i = m - 1; i >= l; i--) {
                    double bb = e[i];
                    r = p + bb;
                    if (i != m - 1) {
                        e[i + 1] = s * r;
                    }
                    double oldc = c;
                    c = p / r;
                    s = bb / r;
                    double oldgam = gamma;
                    double alpha = d[i];
                    gamma = c * (alpha - sigma) - s * oldgam;
                    d[i + 1] = oldgam + (alpha - gamma);
                    p = c != 0 ? gamma * gamma / c : oldc * bb;
                }
                e[l] = s * p;
                d[l] = sigma + gamma;
            }
        }
        for (int k = 0; k < n; k++) {
            d[k] *= down;
        }
    }
}
