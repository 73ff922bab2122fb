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

    /** A random Hermitian matrix with Gaussian entries. */
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
}
