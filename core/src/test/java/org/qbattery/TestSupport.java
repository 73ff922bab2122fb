package org.qbattery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Shared helpers for the tests: dense complex matrices, random states, the shared/ folder. */
public final class TestSupport {
    private TestSupport() {
    }

    /**
     * A reference curve from ../shared/reference (QuTiP 4.7.1, physics.md §8) when that folder sits
     * beside the repository (as in CI), else the copy vendored in src/test/resources/reference so
     * that a clone on its own still runs every test.
     */
    public static Path reference(String name) {
        String p = System.getProperty("qbattery.shared");
        Path[] candidates = {p == null ? null : Path.of(p), Path.of("../../shared"), Path.of("../shared")};
        for (Path c : candidates) {
            if (c != null && Files.isRegularFile(c.resolve("reference").resolve(name))) {
                return c.resolve("reference").resolve(name);
            }
        }
        java.net.URL url = TestSupport.class.getResource("/reference/" + name);
        if (url == null) {
            throw new IllegalStateException("reference " + name + " neither beside the repository nor in test resources");
        }
        try {
            return Path.of(url.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Row-major interleaved complex matrix product c = a·b (n×n). */
    public static double[] mul(double[] a, double[] b, int n) {
        double[] c = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double ar = a[2 * (i * n + k)], ai = a[2 * (i * n + k) + 1];
                if (ar == 0 && ai == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    double br = b[2 * (k * n + j)], bi = b[2 * (k * n + j) + 1];
                    c[2 * (i * n + j)] += ar * br - ai * bi;
                    c[2 * (i * n + j) + 1] += ar * bi + ai * br;
                }
            }
        }
        return c;
    }

    public static double[] dagger(double[] a, int n) {
        double[] c = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[2 * (j * n + i)] = a[2 * (i * n + j)];
                c[2 * (j * n + i) + 1] = -a[2 * (i * n + j) + 1];
            }
        }
        return c;
    }

    /** a + s·b (s complex). */
    public static double[] axpy(double[] a, double sr, double si, double[] b) {
        double[] c = a.clone();
        for (int k = 0; k < a.length; k += 2) {
            c[k] += sr * b[k] - si * b[k + 1];
            c[k + 1] += sr * b[k + 1] + si * b[k];
        }
        return c;
    }

    public static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int k = 0; k < a.length; k++) {
            m = Math.max(m, Math.abs(a[k] - b[k]));
        }
        return m;
    }

    /** A random density matrix of dimension d: G G† / tr, G complex Gaussian (rank r). */
    public static double[] randomDensity(Random rnd, int d, int rank) {
        double[] g = new double[2 * d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < rank; j++) {
                g[2 * (i * d + j)] = rnd.nextGaussian();
                g[2 * (i * d + j) + 1] = rnd.nextGaussian();
            }
        }
        double[] rho = mul(g, dagger(g, d), d);
        double tr = 0;
        for (int i = 0; i < d; i++) {
            tr += rho[2 * (i * d + i)];
        }
        for (int k = 0; k < rho.length; k++) {
            rho[k] /= tr;
        }
        return rho;
    }

    /** A random unitary: the eigenvectors (columns) of a random Hermitian matrix. */
    public static double[] randomUnitary(Random rnd, int n) {
        return org.qbattery.kernel.JacobiEigen.of(randomHermitian(rnd, n), n).vectors;
    }

    /** U diag(λ) U†: the matrix with eigenvalues λ and eigenvectors the columns of {@code u}. */
    public static double[] diagonalIn(double[] u, double[] lambda) {
        int n = lambda.length;
        double[] diag = new double[2 * n * n];
        for (int k = 0; k < n; k++) {
            diag[2 * (k * n + k)] = lambda[k];
        }
        return mul(mul(u, diag, n), dagger(u, n), n);
    }

    /** A known spectrum in a random basis. */
    public static double[] withSpectrum(Random rnd, double[] lambda) {
        return diagonalIn(randomUnitary(rnd, lambda.length), lambda);
    }

    /** A random Hermitian matrix with Gaussian entries. */
    /** (1/|G|) Σ_{π ∈ G} Π ρ Π†: the average of {@code rho} over the cell permutations {@code group} (a group: then invariant under it). */
    public static double[] groupAverage(double[] rho, int cells, java.util.List<int[]> group) {
        int d = 1 << cells;
        double[] out = new double[rho.length];
        for (int[] pi : group) {
            int[] perm = org.qbattery.kernel.SymmetricLindbladKernel.basisPermutation(cells, pi);
            for (int s = 0; s < d; s++) {
                for (int c = 0; c < d; c++) {
                    out[2 * (perm[s] * d + perm[c])] += rho[2 * (s * d + c)] / group.size();
                    out[2 * (perm[s] * d + perm[c]) + 1] += rho[2 * (s * d + c) + 1] / group.size();
                }
            }
        }
        return out;
    }

    public static double[] randomHermitian(Random rnd, int n) {
        double[] a = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            a[2 * (i * n + i)] = rnd.nextGaussian();
            for (int j = i + 1; j < n; j++) {
                double re = rnd.nextGaussian(), im = rnd.nextGaussian();
                a[2 * (i * n + j)] = re;
                a[2 * (i * n + j) + 1] = im;
                a[2 * (j * n + i)] = re;
                a[2 * (j * n + i) + 1] = -im;
            }
        }
        return a;
    }

    /** The derivative of {@code f} at {@code y} with 1 thread, and with 4. */
    public static double[][] derivativeOnOneAndFourThreads(org.qbattery.kernel.OdeSystem f, double[] y) {
        double[] one = new double[y.length], many = new double[y.length];
        int before = org.qbattery.kernel.Parallel.threads();
        try {
            org.qbattery.kernel.Parallel.setThreads(1);
            f.derivative(0, y, one);
            org.qbattery.kernel.Parallel.setThreads(4);
            f.derivative(0, y, many);
        } finally {
            org.qbattery.kernel.Parallel.setThreads(before);
        }
        return new double[][] {one, many};
    }

    /** The paper's ring (or open chain): J = 2 and Γ_icl = 0.5 on the edges, Γ = 1; {J, G}. */
    public static double[][][] paperCouplings(int n, boolean ring) {
        double[][] j = new double[n][n], g = new double[n][n];
        for (int a = 0; a < n; a++) {
            g[a][a] = 1;
            if (a + 1 < n || ring) {
                int b = (a + 1) % n;
                j[a][b] = j[b][a] = 2;
                g[a][b] = g[b][a] = 0.5;
            }
        }
        return new double[][][] {j, g};
    }

    /**
     * Random couplings J (each pair coupled with probability ½) and a random symmetric decay matrix G
     * with diagonal in [0.5, 1.5) (not necessarily PSD: the kernels do not need it); {J, G}.
     */
    public static double[][][] randomCouplings(Random rnd, int n) {
        double[][] j = new double[n][n];
        double[][] g = new double[n][n];
        for (int a = 0; a < n; a++) {
            g[a][a] = 0.5 + rnd.nextDouble();
            for (int b = a + 1; b < n; b++) {
                if (rnd.nextBoolean()) {
                    j[a][b] = j[b][a] = rnd.nextGaussian();
                }
                if (rnd.nextBoolean()) {
                    g[a][b] = g[b][a] = 0.2 * rnd.nextGaussian();
                }
            }
        }
        return new double[][][] {j, g};
    }

    /**
     * Largest deviation of a packed kernel's derivative at ρ, unpacked, from the literal dense
     * construction {@link NaiveLindblad} (rotating frame) with the same couplings {J, G}.
     */
    public static double deviationFromDense(org.qbattery.kernel.PackedLindbladian k, double[] rho, int n,
                                            double[][][] couplings, double nbar, double dephasing) {
        double[] packed = k.pack(rho);
        double[] dPacked = new double[packed.length];
        k.derivative(0, packed, dPacked);
        double[] fast = new double[rho.length], slow = new double[rho.length];
        k.unpack(dPacked, fast);
        new NaiveLindblad(n, 0.0, couplings[0], couplings[1], nbar, dephasing).derivative(0, rho, slow);
        return maxAbsDiff(fast, slow);
    }
}
