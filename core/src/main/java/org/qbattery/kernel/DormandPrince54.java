package org.qbattery.kernel;

/**
 * Dormand–Prince 5(4) embedded Runge–Kutta pair with FSAL, PI step-size control and the
 * 4th-order continuous extension of Hairer, Nørsett &amp; Wanner (Solving ODEs I, §II.6, DOPRI5).
 *
 * <p>Why hand-written rather than Hipparchus: our states are long flat arrays (2·4^N doubles) and
 * a step must not allocate or copy more than the seven stage vectors; Hipparchus's per-step
 * overhead measured 2× the whole step at N = 5 (../shared/deps.md). The tests cross-check this
 * integrator against closed forms.
 *
 * <p>Error norm: {@code err = sqrt(mean_i((h·Σ e_j k_j,i / (atol + rtol·max(|y0_i|,|y1_i|)))²))},
 * step accepted when {@code err ≤ 1}.
 */
public final class DormandPrince54 implements OdeIntegrator {
    private static final double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private static final double A21 = 1.0 / 5;
    private static final double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private static final double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private static final double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561,
            A54 = -212.0 / 729;
    private static final double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247,
            A64 = 49.0 / 176, A65 = -5103.0 / 18656;
    private static final double A71 = 35.0 / 384, A73 = 500.0 / 1113, A74 = 125.0 / 192,
            A75 = -2187.0 / 6784, A76 = 11.0 / 84;
    private static final double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920,
            E5 = -17253.0 / 339200, E6 = 22.0 / 525, E7 = -1.0 / 40;
    private static final double D1 = -12715105075.0 / 11282082432.0, D3 = 87487479700.0 / 32700410799.0,
            D4 = -10690763975.0 / 1880347072.0, D5 = 701980252875.0 / 199316789632.0,
            D6 = -1453857185.0 / 822651844.0, D7 = 69997945.0 / 29380423.0;

    private static final double[] R2 = {A21}, R3 = {A31, A32}, R4 = {A41, A42, A43},
            R5 = {A51, A52, A53, A54}, R6 = {A61, A62, A63, A64, A65}, R7 = {A71, 0.0, A73, A74, A75, A76},
            ERR = {E1, 0.0, E3, E4, E5, E6, E7};

    private final Tolerances tol;
    private final long maxSteps;

    public DormandPrince54(Tolerances tol) {
        this(tol, DEFAULT_MAX_STEPS);
    }

    public DormandPrince54(Tolerances tol, long maxSteps) {
        this.tol = tol;
        this.maxSteps = maxSteps;
    }

    @Override
    public String name() {
        return "Dormand-Prince 5(4), adaptive, 4th-order dense output";
    }

    public Tolerances tolerances() {
        return tol;
    }

    @Override
    public IntegrationStats integrate(OdeSystem f, double t0, double[] yInOut, double t1, StepHandler handler) {
        final int n = yInOut.length;
        double[] y = yInOut; // worked on in place; the buffers swap, so the result is copied back at the end if needed
        double[] y1 = new double[n];
        double[] k1 = new double[n], k7 = new double[n];
        final double[] k2 = new double[n], k3 = new double[n], k4 = new double[n], k5 = new double[n],
                k6 = new double[n], ys = new double[n];
        final double[][] k = {k1, k2, k3, k4, k5, k6, k7};
        final Dense dense = new Dense();
        long accepted = 0, rejected = 0, evals = 0;
        double t = t0;
        f.derivative(t, y, k1);
        evals++;
        double h = StartingStep.of(f, t, y, k1, t1 - t0, tol, 5, k2, k3);
        evals++;
        double errOld = 1e-4;
        boolean lastRejected = false;
        final double rtol = tol.rtol(), atol = tol.atol();
        while (t < t1) {
            IntegrationException.checkSteps(accepted + rejected, maxSteps, t, t1, h);
            boolean last = false;
            if (t + 1.01 * h >= t1) {
                h = t1 - t;
                last = true;
            }
            final double hh = h;
            k[0] = k1;
            k[6] = k7;
            VectorOps.lincomb(ys, y, hh, R2, k);
            f.derivative(t + C2 * h, ys, k2);
            VectorOps.lincomb(ys, y, hh, R3, k);
            f.derivative(t + C3 * h, ys, k3);
            VectorOps.lincomb(ys, y, hh, R4, k);
            f.derivative(t + C4 * h, ys, k4);
            VectorOps.lincomb(ys, y, hh, R5, k);
            f.derivative(t + C5 * h, ys, k5);
            VectorOps.lincomb(ys, y, hh, R6, k);
            f.derivative(t + h, ys, k6);
            VectorOps.lincomb(y1, y, hh, R7, k);
            f.derivative(t + h, y1, k7);
            evals += 6;
            double err = VectorOps.errorNorm(y, y1, hh, ERR, k, rtol, atol);
            if (!(err <= 1.0)) {
                rejected++;
                double fac = Double.isFinite(err) ? Math.max(0.2, 0.9 * Math.pow(err, -0.2)) : 0.1;
                h *= lastRejected ? Math.min(fac, 0.5) : fac;
                lastRejected = true;
                if (t + h == t) {
                    throw IntegrationException.stepUnderflow(t);
                }
                continue;
            }
            accepted++;
            double tNew = last ? t1 : t + h;
            if (handler != null) {
                dense.set(t, tNew, h, y, y1, k1, k3, k4, k5, k6, k7);
                handler.handleStep(dense);
            }
            // Accept: swap buffers instead of copying (FSAL: the last stage is the next first one).
            double[] sw = y;
            y = y1;
            y1 = sw;
            sw = k1;
            k1 = k7;
            k7 = sw;
            t = tNew;
            // PI controller (Gustafsson), as in DOPRI5.
            double e = Math.max(err, 1e-10);
            double fac = 0.9 * Math.pow(e, -0.7 / 5) * Math.pow(errOld, 0.4 / 5);
            fac = Math.min(10.0, Math.max(0.2, fac));
            if (lastRejected) {
                fac = Math.min(fac, 1.0);
            }
            errOld = e;
            lastRejected = false;
            h *= fac;
        }
        if (y != yInOut) {
            System.arraycopy(y, 0, yInOut, 0, n);
        }
        return new IntegrationStats(accepted, rejected, evals);
    }

    /**
     * The step's interpolating polynomial (Hairer's CONTD5), evaluated straight from the stage
     * vectors: most steps hold no output time, and materialising the five coefficient vectors on
     * every step would cost more memory traffic than the step itself at large N. {@link #copy()}
     * materialises them.
     */
    private static final class Dense extends StepSpan {
        double[] y0, y1, k1, k3, k4, k5, k6, k7;
        double[][] coeff; // materialised r1..r5 (copies only)

        Dense() {
        }

        void set(double t, double tNew, double hh, double[] y0, double[] y1, double[] k1, double[] k3, double[] k4,
                 double[] k5, double[] k6, double[] k7) {
            span(t, tNew, hh);
            this.y0 = y0;
            this.y1 = y1;
            this.k1 = k1;
            this.k3 = k3;
            this.k4 = k4;
            this.k5 = k5;
            this.k6 = k6;
            this.k7 = k7;
        }

        @Override
        public void interpolate(double t, double[] out) {
            final double th = (t - tStart) / h, th1 = 1.0 - th;
            if (coeff != null) {
                final double[] r1 = coeff[0], r2 = coeff[1], r3 = coeff[2], r4 = coeff[3], r5 = coeff[4];
                Parallel.forRange(out.length, 10, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        out[i] = r1[i] + th * (r2[i] + th1 * (r3[i] + th * (r4[i] + th1 * r5[i])));
                    }
                });
                return;
            }
            final double hh = h;
            Parallel.forRange(out.length, 24, (from, to) -> {
                for (int i = from; i < to; i++) {
                    double dy = y1[i] - y0[i];
                    double bspl = hh * k1[i] - dy;
                    double r4 = dy - hh * k7[i] - bspl;
                    double r5 = hh * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
                    out[i] = y0[i] + th * (dy + th1 * (bspl + th * (r4 + th1 * r5)));
                }
            });
        }

        @Override
        public StepInterpolator copy() {
            Dense c = new Dense();
            c.span(tStart, tEnd, h);
            if (coeff != null) {
                c.coeff = coeff;
                return c;
            }
            int n = y0.length;
            double[][] r = new double[5][n];
            VectorOps.denseCoefficients(r[0], r[1], r[2], r[3], r[4], y0, y1, k1, k3, k4, k5, k6, k7, h, D1, D3, D4, D5, D6, D7);
            c.coeff = r;
            return c;
        }
    }
}
