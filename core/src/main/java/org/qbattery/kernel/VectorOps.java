package org.qbattery.kernel;

/**
 * The integrator's vector arithmetic on flat arrays, split over cores for long vectors. Kept apart
 * from the integrator so that the step logic reads as the textbook algorithm.
 */
public final class VectorOps {
    private VectorOps() {
    }

    /** Operations for vectors of about {@code length} doubles. */
    public static VectorOps forLength(int length) {
        return INSTANCE;
    }

    private static final VectorOps INSTANCE = new VectorOps();

    /** {@code out = y + h·Σ_j a[j]·k[j]} for the first {@code a.length} stages. */
    public void lincomb(double[] out, double[] y, double h, double[] a, double[][] k) {
        final int s = a.length;
        Parallel.forRange(y.length, 2L * s, (from, to) -> {
            for (int i = from; i < to; i++) {
                double acc = 0;
                for (int j = 0; j < s; j++) {
                    acc += a[j] * k[j][i];
                }
                out[i] = y[i] + h * acc;
            }
        });
    }

    /** Weighted RMS norm of the embedded error estimate {@code h·Σ e_j k_j}. */
    public double errorNorm(double[] y0, double[] y1, double h, double[] e, double[][] k, double rtol, double atol) {
        final int n = y0.length;
        final int s = e.length;
        int t = Parallel.threads();
        int parts = (n > 100_000 && t > 1) ? 4 * t : 1;
        double[] partial = new double[parts];
        int grain = (n + parts - 1) / parts;
        Parallel.forRange(parts, (long) grain * 2 * s, (from, to) -> {
            for (int p = from; p < to; p++) {
                int lo = p * grain, hi = Math.min(n, lo + grain);
                double sum = 0;
                for (int i = lo; i < hi; i++) {
                    double acc = 0;
                    for (int j = 0; j < s; j++) {
                        acc += e[j] * k[j][i];
                    }
                    double sc = atol + rtol * Math.max(Math.abs(y0[i]), Math.abs(y1[i]));
                    double v = h * acc / sc;
                    sum += v * v;
                }
                partial[p] = sum;
            }
        });
        double sum = 0;
        for (double v : partial) {
            sum += v;
        }
        return Math.sqrt(sum / n);
    }

    /** Hairer's CONTD5 coefficients of the step's interpolating polynomial. */
    public void denseCoefficients(double[] r1, double[] r2, double[] r3, double[] r4, double[] r5,
                                  double[] y0, double[] y1, double[] k1, double[] k3, double[] k4,
                                  double[] k5, double[] k6, double[] k7, double h,
                                  double d1, double d3, double d4, double d5, double d6, double d7) {
        Parallel.forRange(y0.length, 12, (from, to) -> {
            for (int i = from; i < to; i++) {
                double dy = y1[i] - y0[i];
                double bspl = h * k1[i] - dy;
                r1[i] = y0[i];
                r2[i] = dy;
                r3[i] = bspl;
                r4[i] = dy - h * k7[i] - bspl;
                r5[i] = h * (d1 * k1[i] + d3 * k3[i] + d4 * k4[i] + d5 * k5[i] + d6 * k6[i] + d7 * k7[i]);
            }
        });
    }
}
