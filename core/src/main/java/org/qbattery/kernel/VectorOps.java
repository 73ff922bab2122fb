package org.qbattery.kernel;

/**
 * The integrator's vector arithmetic on flat arrays, split over cores for long vectors. Kept apart
 * from the integrator so that the step logic reads as the textbook algorithm.
 */
public final class VectorOps {
    private VectorOps() {
    }

    /** {@code v *= a}, in place. */
    public static void scale(double[] v, double a) {
        Parallel.forRange(v.length, 2, (from, to) -> {
            for (int i = from; i < to; i++) {
                v[i] *= a;
            }
        });
    }

    /** Elements per cache block: small enough that out, y and one stage stay in L1. */
    private static final int BLOCK = 1024;

    /**
     * {@code out = y + h·Σ_j a[j]·k[j]} over the stages with non-zero a[j]. Cache-blocked: each block
     * of {@code out} is finished while it sits in L1, so every stage vector is streamed from memory
     * once (at N ≥ 10 the vectors exceed the caches and the integrator is memory-bound), and the
     * inner loops are plain axpys that vectorise.
     */
    public static void lincomb(double[] out, double[] y, double h, double[] a, double[][] k) {
        int nz = 0;
        for (double v : a) {
            if (v != 0) {
                nz++;
            }
        }
        final double[] c = new double[nz];
        final double[][] kk = new double[nz][];
        int p = 0;
        for (int j = 0; j < a.length; j++) {
            if (a[j] != 0) {
                c[p] = h * a[j];
                kk[p++] = k[j];
            }
        }
        final int n = y.length;
        Parallel.forRange((n + BLOCK - 1) / BLOCK, (long) BLOCK * 2 * (nz + 1), (from, to) -> {
            for (int b = from; b < to; b++) {
                final int lo = b * BLOCK, hi = Math.min(n, lo + BLOCK);
                System.arraycopy(y, lo, out, lo, hi - lo);
                addTerms(out, lo, hi, c, kk, c.length);
            }
        });
    }

    /**
     * {@code o[i] += c[0]·k[0][i]; o[i] += c[1]·k[1][i]; …} for the first {@code n} terms, in that
     * order (so the sums are the same, bit for bit, as term-by-term passes over o), eight terms per
     * pass: o is loaded and stored once per eight terms instead of once per term. Measured under C1
     * (the launcher's short runs), 28 terms into 39 366 elements: four terms per pass 1.8× faster
     * than one, eight another 1.1×; under C2 four 1.3× (C2 vectorises the passes of one term).
     */
    static void addTerms(double[] o, int lo, int hi, double[] c, double[][] k, int n) {
        addTerms(o, lo, hi, c, k, 0, n);
    }

    /** As {@link #addTerms(double[], int, int, double[], double[][], int)} for terms {@code from..n−1}. */
    private static void addTerms(double[] o, int lo, int hi, double[] c, double[][] k, int from, int n) {
        int j = from;
        for (; j + 7 < n; j += 8) {
            final double c0 = c[j], c1 = c[j + 1], c2 = c[j + 2], c3 = c[j + 3];
            final double c4 = c[j + 4], c5 = c[j + 5], c6 = c[j + 6], c7 = c[j + 7];
            final double[] k0 = k[j], k1 = k[j + 1], k2 = k[j + 2], k3 = k[j + 3];
            final double[] k4 = k[j + 4], k5 = k[j + 5], k6 = k[j + 6], k7 = k[j + 7];
            for (int i = lo; i < hi; i++) {
                double s = o[i];
                s += c0 * k0[i];
                s += c1 * k1[i];
                s += c2 * k2[i];
                s += c3 * k3[i];
                s += c4 * k4[i];
                s += c5 * k5[i];
                s += c6 * k6[i];
                s += c7 * k7[i];
                o[i] = s;
            }
        }
        for (; j + 3 < n; j += 4) {
            final double c0 = c[j], c1 = c[j + 1], c2 = c[j + 2], c3 = c[j + 3];
            final double[] k0 = k[j], k1 = k[j + 1], k2 = k[j + 2], k3 = k[j + 3];
            for (int i = lo; i < hi; i++) {
                double s = o[i];
                s += c0 * k0[i];
                s += c1 * k1[i];
                s += c2 * k2[i];
                s += c3 * k3[i];
                o[i] = s;
            }
        }
        for (; j < n; j++) {
            final double c0 = c[j];
            final double[] k0 = k[j];
            for (int i = lo; i < hi; i++) {
                o[i] += c0 * k0[i];
            }
        }
    }

    /**
     * {@code o[i] = c[0]·k[0][i] + c[1]·k[1][i] + …} over the first {@code n} terms: the same sums, bit
     * for bit, as zeroing o and {@link #addTerms} (0 + x = x), without the pass that zeroes o.
     */
    static void setTerms(double[] o, int lo, int hi, double[] c, double[][] k, int n) {
        if (n < 4) {
            java.util.Arrays.fill(o, lo, hi, 0.0);
            addTerms(o, lo, hi, c, k, 0, n);
            return;
        }
        final double c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3];
        final double[] k0 = k[0], k1 = k[1], k2 = k[2], k3 = k[3];
        for (int i = lo; i < hi; i++) {
            o[i] = c0 * k0[i] + c1 * k1[i] + c2 * k2[i] + c3 * k3[i];
        }
        addTerms(o, lo, hi, c, k, 4, n);
    }

    /**
     * {@code outs[r] = h·Σ_j c[r][j]·k[j]} for several outputs in one cache-blocked pass: each stage
     * block is read from memory once for all outputs (DOP853's four dense-output coefficients read the
     * same twelve stages).
     */
    public static void combine(double[][] outs, double h, double[][] c, double[][] k) {
        final int n = outs[0].length;
        final int rows = outs.length;
        // Per output, its non-zero terms in order (a zero coefficient adds nothing and is skipped).
        final double[][] cr = new double[rows][k.length];
        final double[][][] kr = new double[rows][k.length][];
        final int[] terms = new int[rows];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < k.length; j++) {
                final double cj = h * c[r][j];
                if (cj != 0) {
                    cr[r][terms[r]] = cj;
                    kr[r][terms[r]++] = k[j];
                }
            }
        }
        Parallel.forRange((n + BLOCK - 1) / BLOCK, (long) BLOCK * 2 * k.length * rows, (from, to) -> {
            for (int b = from; b < to; b++) {
                final int lo = b * BLOCK, hi = Math.min(n, lo + BLOCK);
                for (int r = 0; r < rows; r++) {
                    setTerms(outs[r], lo, hi, cr[r], kr[r], terms[r]);
                }
            }
        });
    }

    /**
     * Weighted sum of squares {@code Σ_i (Σ_j e_j k_j,i / (atol + rtol·max(|y0_i|,|y1_i|)))²} (no h,
     * no mean): the building block of both pairs' error norms.
     */
    public static double weightedSquares(double[] y0, double[] y1, double[] e, double[][] k, double rtol, double atol) {
        return weightedSquares(y0, y1, new double[][] {e}, k, rtol, atol)[0];
    }

    /**
     * The same for several error combinations {@code e[r]} in one cache-blocked pass: y0, y1 and each
     * stage are read once for all of them (DOP853's 5th- and 3rd-order estimates use the same stages).
     */
    public static double[] weightedSquares(double[] y0, double[] y1, double[][] e, double[][] k, double rtol, double atol) {
        final int n = y0.length;
        final int rows = e.length;
        final int blocks = (n + BLOCK - 1) / BLOCK;
        final double[][] partial = new double[rows][blocks];
        Parallel.forRange(blocks, (long) BLOCK * 2 * rows * (k.length + 2), (from, to) -> {
            double[][] acc = new double[rows][BLOCK];
            double[] scale = new double[BLOCK];
            for (int b = from; b < to; b++) {
                final int lo = b * BLOCK, hi = Math.min(n, lo + BLOCK), len = hi - lo;
                for (int r = 0; r < rows; r++) {
                    java.util.Arrays.fill(acc[r], 0, len, 0.0);
                }
                for (int j = 0; j < k.length; j++) {
                    final double[] kj = k[j];
                    for (int r = 0; r < rows; r++) {
                        final double ej = j < e[r].length ? e[r][j] : 0;
                        if (ej == 0) {
                            continue;
                        }
                        final double[] ar = acc[r];
                        for (int i = 0; i < len; i++) {
                            ar[i] += ej * kj[lo + i];
                        }
                    }
                }
                for (int i = 0; i < len; i++) {
                    scale[i] = atol + rtol * Math.max(Math.abs(y0[lo + i]), Math.abs(y1[lo + i]));
                }
                for (int r = 0; r < rows; r++) {
                    final double[] ar = acc[r];
                    double sum = 0;
                    for (int i = 0; i < len; i++) {
                        double v = ar[i] / scale[i];
                        sum += v * v;
                    }
                    partial[r][b] = sum;
                }
            }
        });
        double[] sums = new double[rows];
        for (int r = 0; r < rows; r++) {
            for (double v : partial[r]) {
                sums[r] += v;
            }
        }
        return sums;
    }

    /**
     * {@code Σ_i (x_i·w_i)²}, summed per fixed block and then over blocks in order, so that the
     * result does not depend on the thread count.
     */
    public static double weightedSquares(double[] x, double[] w) {
        return Parallel.sumInBlocks(x.length, BLOCK, 4L * BLOCK, (lo, hi) -> weightedSquares(x, w, lo, hi));
    }

    /** {@code Σ_{lo ≤ i < hi} (x_i·w_i)²}. */
    public static double weightedSquares(double[] x, double[] w, int lo, int hi) {
        double s0 = 0, s1 = 0;
        int i = lo;
        for (; i + 1 < hi; i += 2) {
            double a = x[i] * w[i], b = x[i + 1] * w[i + 1];
            s0 += a * a;
            s1 += b * b;
        }
        if (i < hi) {
            double a = x[i] * w[i];
            s0 += a * a;
        }
        return s0 + s1;
    }

    /** Weighted RMS norm of the embedded error estimate {@code h·Σ e_j k_j}. */
    public static double errorNorm(double[] y0, double[] y1, double h, double[] e, double[][] k, double rtol, double atol) {
        return Math.abs(h) * Math.sqrt(weightedSquares(y0, y1, e, k, rtol, atol) / y0.length);
    }

    /** Hairer's CONTD5 coefficients of the step's interpolating polynomial. */
    public static void denseCoefficients(double[] r1, double[] r2, double[] r3, double[] r4, double[] r5,
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
