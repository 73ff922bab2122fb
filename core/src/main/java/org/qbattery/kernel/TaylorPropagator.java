package org.qbattery.kernel;

/**
 * Propagator for autonomous linear systems y' = L·y: each step applies the Taylor series of the
 * exact flow,
 * <pre>  y(t + θh) = Σ_{p=0}^{m} (θh)^p / p! · L^p y(t),   0 ≤ θ ≤ 1,  </pre>
 * with the degree m chosen per step from the terms themselves (after Al-Mohy &amp; Higham, "Computing
 * the action of the matrix exponential", SIAM J. Sci. Comput. 33, 2011, which also argues the
 * truncation test used here).
 *
 * <p>Why not only Runge–Kutta: for a linear right-hand side an explicit s-stage method is a degree-s
 * polynomial in hL, and among those the Taylor polynomial has the highest order. DOP853 spends 12
 * evaluations on order 8 (plus 3 for its dense output); here every evaluation raises the order by
 * one, so steps can be about four times longer (h·ρ ≈ 6, ρ = the growth rate of ‖L^p y‖^{1/p}) for
 * the same tolerance: on the 10-cell chain 392 evaluations where DOP853 takes 983, and 50 times
 * closer to a run at rtol 1e-14 (measured at 8 cells). The powers L^p y do not
 * depend on h, so shortening a step re-weights the stored powers and costs no evaluation, and the
 * dense output at any θ is the same sum (exact to the step's truncation error, no extra stages).
 * The integrator's vector traffic also drops: one evaluation writes one vector, where an RK stage
 * first combines all previous stages.
 *
 * <p>Error control, in the same weighted RMS norm as the Dormand–Prince codes
 * (scale atol + rtol·|y_i|): with term norms τ_p = ‖(hL)^p y / p!‖, the series is cut at the first m
 * whose terms have started to fall (τ_m ≤ τ_{m−1}/2) and whose geometric tail estimate
 * τ_m·r/(1 − r), r = τ_m/τ_{m−1}, is at most {@link #SAFETY} (a tenth of the tolerance). If
 * the allowed number of powers ({@link #MAX_DEGREE} by default) does not suffice, h is shortened
 * until they do; {@link IntegrationStats#rejectedSteps()} counts these shortenings. The next step
 * aims at h·ρ = {@link #TARGET_HRHO}: a longer step needs more powers in memory and adds
 * cancellation (the largest term is about e^{hρ}/√(2πhρ) times the result), a shorter one wastes
 * evaluations.
 *
 * <p>Powers of L/σ instead of L when ρ > {@link #SCALE_ABOVE} (σ a power of two near ρ, so the
 * scaling is exact and h enters as hσ): unscaled, L^40 y and its weighted norm grow like ρ^40 and
 * overflow from ρ ~ 3000 (a coupling of 10^4 at four cells: the norms became infinite, the step
 * length zero, and the integration never advanced). At the paper's scale σ = 1 and nothing changes.
 *
 * <p>Only for systems marked {@link LinearOdeSystem}: the series is the flow of y' = L·y only if
 * L does not depend on t or y.
 */
public final class TaylorPropagator implements OdeIntegrator {
    /** Largest degree by default, i.e. powers L^p y held in memory at once (plus y). */
    public static final int MAX_DEGREE = 40;
    /** Smallest degree cap accepted: below it the steps get so short that DOP853 does better. */
    public static final int MIN_DEGREE = 16;
    /** h·ρ aimed at: 25–30 terms per step at rtol 1e-10 (4, 6, 8 measured: 372, 345, 336 evaluations at N = 8, and 8 fills more memory). */
    static final double TARGET_HRHO = 6.0;
    /** Tail estimate allowed, in units of the tolerance. */
    static final double SAFETY = 0.1;
    /** Growth rate ρ above which the powers are of L/σ (256^40 · the weights' 1e12, squared, stays below 1e308). */
    static final double SCALE_ABOVE = 256;

    private final Tolerances tol;
    private final int maxDegree;
    private final long maxSteps;

    public TaylorPropagator(Tolerances tol) {
        this(tol, MAX_DEGREE);
    }

    /** @param maxDegree most powers held at once (memory: maxDegree + 2 state vectors), at least {@link #MIN_DEGREE} */
    public TaylorPropagator(Tolerances tol, int maxDegree) {
        this(tol, maxDegree, DEFAULT_MAX_STEPS);
    }

    public TaylorPropagator(Tolerances tol, int maxDegree, long maxSteps) {
        if (maxDegree < MIN_DEGREE) {
            throw new IllegalArgumentException("maxDegree must be >= " + MIN_DEGREE + ": " + maxDegree);
        }
        this.tol = tol;
        this.maxDegree = maxDegree;
        this.maxSteps = maxSteps;
    }

    @Override
    public String name() {
        return "Taylor series of the exact flow exp(hL), adaptive step and degree <= " + maxDegree
                + ", dense output from the stored powers";
    }

    @Override
    public IntegrationStats integrate(OdeSystem f, double t0, double[] yInOut, double t1, StepHandler handler) {
        if (!(f instanceof LinearOdeSystem)) {
            throw new IllegalArgumentException("the Taylor propagator needs an autonomous linear system (LinearOdeSystem)");
        }
        final int n = yInOut.length;
        // v[0] = y at the step start, v[p] = L^p y (unscaled: h enters only through scalar weights).
        final double[][] v = new double[maxDegree + 1][];
        v[0] = yInOut;
        double[] next = new double[n];
        final double[] raw = new double[maxDegree + 1]; // weighted RMS norms of v[p]
        final double[] w = new double[n]; // 1 / (atol + rtol·|y_i|) at the step start
        final LinearOdeSystem lin = (LinearOdeSystem) f;
        final double rtol = tol.rtol(), atol = tol.atol();
        final Step step = new Step(v, raw);
        long accepted = 0, shortened = 0, evals = 0;
        double t = t0;
        double h = Double.NaN;
        double sigma = 1; // the powers held are of L/sigma (see the class comment)
        while (t < t1) {
            IntegrationException.checkSteps(accepted, maxSteps, t, t1, Double.isNaN(h) ? t1 - t : h);
            raw[0] = weights(v[0], w, rtol, atol);
            if (raw[0] == 0) {
                // y = 0 stays 0.
                if (handler != null) {
                    step.set(t, t1, t1 - t, 0, v[0]);
                    handler.handleStep(step);
                }
                t = t1;
                break;
            }
            int computed = 0;
            int m = -1;
            while (true) {
                if (computed < maxDegree) {
                    computed++;
                    if (v[computed] == null) {
                        v[computed] = new double[n];
                    }
                    raw[computed] = Math.sqrt(lin.derivativeWeightedSquares(v[computed - 1], v[computed], w) / n);
                    evals++;
                    if (Double.isNaN(h)) {
                        // First step: from the first power only; shortened below if it was too bold.
                        sigma = scaleFor(raw[1] / raw[0]);
                        h = raw[1] == 0 ? t1 - t : TARGET_HRHO / (raw[1] / raw[0]);
                    }
                    if (!Double.isFinite(raw[computed])) {
                        throw new IntegrationException("the generator's powers overflow at t = " + t + ": rates too large for double precision");
                    }
                    if (sigma != 1) {
                        VectorOps.scale(v[computed], 1 / sigma);
                        raw[computed] /= sigma;
                    }
                    h = Math.min(h, t1 - t);
                    if (computed >= 4) {
                        // ‖L^p y‖^{1/p} tends to grow with p (towards the spectral radius): once it says the
                        // step is far too long for the target, shorten now rather than fill every power slot.
                        double rhoP = sigma * Math.pow(raw[computed] / raw[0], 1.0 / computed);
                        if (h * rhoP > 1.3 * TARGET_HRHO) {
                            h = TARGET_HRHO / rhoP;
                            shortened++;
                        }
                    }
                    m = degreeFor(raw, computed, h * sigma);
                    if (m > 0) {
                        break;
                    }
                    continue;
                }
                // All powers computed and still not converged: shorten the step (no new evaluations).
                h *= 0.7;
                shortened++;
                m = degreeFor(raw, computed, h * sigma);
                if (m > 0) {
                    break;
                }
                if (t + h == t) {
                    throw IntegrationException.stepUnderflow(t);
                }
            }
            double tNew = (t + h >= t1 || t1 - (t + h) <= 1e-12 * Math.max(1, Math.abs(t1))) ? t1 : t + h;
            h = tNew - t;
            accepted++;
            if (!(h > 0) || t + h == t) {
                throw IntegrationException.stepUnderflow(t);
            }
            // The step's end state first: the dense output hands it out at tEnd instead of summing again.
            step.sigma = sigma;
            step.evaluate(h, m, next);
            if (handler != null) {
                step.set(t, tNew, h, m, next);
                handler.handleStep(step);
            }
            double[] sw = v[0];
            v[0] = next;
            next = sw;
            t = tNew;
            // Growth rate of the powers, from the highest one computed; aim the next step at h·ρ = TARGET.
            double rho = sigma * Math.pow(raw[computed] / raw[0], 1.0 / computed);
            double hNext = rho > 0 && Double.isFinite(rho) ? TARGET_HRHO / rho : 2 * h;
            h = Math.max(0.5 * h, Math.min(2 * h, hNext));
            sigma = scaleFor(rho);
        }
        if (v[0] != yInOut) {
            System.arraycopy(v[0], 0, yInOut, 0, n);
        }
        return new IntegrationStats(accepted, shortened, evals);
    }

    /**
     * Smallest degree m ≤ {@code computed} whose series is converged for step h (see the class
     * comment), or −1.
     */
    static int degreeFor(double[] raw, int computed, double h) {
        double prev = raw[0];
        double scale = 1;
        for (int p = 1; p <= computed; p++) {
            scale *= h / p;
            double tau = raw[p] * scale;
            if (p >= 2 && tau <= 0.5 * prev) {
                double r = prev == 0 ? 0 : tau / prev;
                if (tau * r / (1 - r) <= SAFETY) {
                    return p;
                }
            }
            if (tau == 0 && prev == 0) {
                return p;
            }
            prev = tau;
        }
        return -1;
    }

    /** σ for growth rate ρ: 1 up to {@link #SCALE_ABOVE}, else the power of two at or below ρ (an exact scaling). */
    static double scaleFor(double rho) {
        return rho > SCALE_ABOVE && Double.isFinite(rho) ? Math.scalb(1.0, Math.getExponent(rho)) : 1;
    }

    /** Fills w with 1/(atol + rtol·|y_i|) and returns the weighted RMS norm of y. */
    private static double weights(double[] y, double[] w, double rtol, double atol) {
        Parallel.forRange(y.length, 4, (from, to) -> {
            for (int i = from; i < to; i++) {
                w[i] = 1.0 / (atol + rtol * Math.abs(y[i]));
            }
        });
        return Math.sqrt(VectorOps.weightedSquares(y, w) / y.length);
    }

    /**
     * One step's dense output: the truncated series at any point of the step. Inside the step the
     * terms fall faster ((θh)^p instead of h^p), so each time is summed only to the degree that the
     * step's own truncation test needs there: at small N, where outputs are dense and the state is
     * short, these sums cost more than the evaluations.
     */
    private static final class Step extends StepSpan {
        private final double[][] v;
        private final double[] raw;
        private int m;
        /** The powers held are of L/sigma: a time span dt enters as dt·sigma. */
        double sigma = 1;
        /** y(tEnd), summed once by the integrator. */
        private double[] end;

        Step(double[][] v, double[] raw) {
            this.v = v;
            this.raw = raw;
        }

        private Step(double tStart, double tEnd, double h, int m, double[][] v, double[] raw, double[] end) {
            this.v = v;
            this.raw = raw;
            set(tStart, tEnd, h, m, end);
        }

        /** Degree for y(tStart + dt), dt &lt; h: the truncation test's, at most the step's m. */
        private int degreeAt(double dt) {
            int d = degreeFor(raw, m, dt * sigma);
            return d < 0 ? m : d;
        }

        void set(double tStart, double tEnd, double h, int m, double[] end) {
            span(tStart, tEnd, h);
            this.m = m;
            this.end = end;
        }

        /** y(tStart + dt) into out. */
        void evaluate(double dt, int degree, double[] out) {
            double[] c = new double[degree];
            double w = 1;
            for (int p = 1; p <= degree; p++) {
                w *= dt * sigma / p;
                c[p - 1] = w;
            }
            double[][] k = new double[degree][];
            System.arraycopy(v, 1, k, 0, degree);
            VectorOps.lincomb(out, v[0], 1.0, c, k);
        }

        @Override
        public void interpolate(double t, double[] out) {
            double dt = Math.max(0, Math.min(h, t - tStart));
            if (dt >= h) {
                System.arraycopy(end, 0, out, 0, out.length);
            } else {
                evaluate(dt, degreeAt(dt), out);
            }
        }

        /**
         * One cache-blocked pass over the powers for all the times inside the step (each power is
         * read once); times at the step's end get its end state.
         */
        @Override
        public void interpolate(double[] ts, double[][] outs) {
            double[][] c = new double[ts.length][];
            double[][] inside = new double[ts.length][];
            int count = 0;
            for (int r = 0; r < ts.length; r++) {
                double dt = Math.max(0, Math.min(h, ts[r] - tStart));
                if (dt >= h) {
                    System.arraycopy(end, 0, outs[r], 0, outs[r].length);
                    continue;
                }
                double[] row = new double[m + 1];
                double w = 1;
                row[0] = 1;
                for (int p = 1, d = degreeAt(dt); p <= d; p++) {
                    w *= dt * sigma / p;
                    row[p] = w;
                }
                c[count] = row;
                inside[count++] = outs[r];
            }
            if (count > 0) {
                double[][] k = new double[m + 1][];
                System.arraycopy(v, 0, k, 0, m + 1);
                VectorOps.combine(java.util.Arrays.copyOf(inside, count), 1.0, java.util.Arrays.copyOf(c, count), k);
            }
        }

        @Override
        public StepInterpolator copy() {
            double[][] c = new double[m + 1][];
            for (int p = 0; p <= m; p++) {
                c[p] = v[p].clone();
            }
            Step copy = new Step(tStart, tEnd, h, m, c, java.util.Arrays.copyOf(raw, m + 1), end.clone());
            copy.sigma = sigma;
            return copy;
        }
    }
}
