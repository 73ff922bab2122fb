package org.qbattery.kernel;

/**
 * Dormand–Prince 8(5,3): 12-stage explicit Runge–Kutta of order 8 with embedded 5th- and 3rd-order
 * error estimates and a 7th-order continuous extension (3 extra stages), after Hairer, Nørsett &amp;
 * Wanner, Solving ODEs I, §II.10 (code DOP853). The coefficients are the published ones.
 *
 * <p>Why: our right-hand side is a smooth, non-stiff linear flow and every evaluation streams the
 * whole 2·4^N state through memory; at the tight tolerances needed to meet the closed forms to
 * 1e-9, the 8th-order pair takes 3–4× fewer steps than DOPRI5 and fewer evaluations overall.
 * The dense-output stages are only computed for steps that actually contain an output time or an
 * event (lazily, on the first call to {@code interpolate}).
 */
public final class DormandPrince853 implements OdeIntegrator {
    // Nodes
    private static final double C2 = 0.526001519587677318785587544488e-01, C3 = 0.789002279381515978178381316732e-01,
            C4 = 0.118350341907227396726757197510e+00, C5 = 0.281649658092772603273242802490e+00,
            C6 = 0.333333333333333333333333333333e+00, C7 = 0.25e+00, C8 = 0.307692307692307692307692307692e+00,
            C9 = 0.651282051282051282051282051282e+00, C10 = 0.6e+00, C11 = 0.857142857142857142857142857142e+00,
            C14 = 0.1e+00, C15 = 0.2e+00, C16 = 0.777777777777777777777777777778e+00;
    // Stage rows a[s][j] over stages k1..k12 (index 0..11), then k13 = f(y1) (index 12), k14, k15.
    private static final double[] A2 = {5.26001519587677318785587544488e-2};
    private static final double[] A3 = {1.97250569845378994544595329183e-2, 5.91751709536136983633785987549e-2};
    private static final double[] A4 = {2.95875854768068491816892993775e-2, 0, 8.87627564304205475450678981324e-2};
    private static final double[] A5 = {2.41365134159266685502369798665e-1, 0, -8.84549479328286085344864962717e-1,
        9.24834003261792003115737966543e-1};
    private static final double[] A6 = {3.7037037037037037037037037037e-2, 0, 0, 1.70828608729473871279604482173e-1,
        1.25467687566822425016691814123e-1};
    private static final double[] A7 = {3.7109375e-2, 0, 0, 1.70252211019544039314978060272e-1, 6.02165389804559606850219397283e-2,
        -1.7578125e-2};
    private static final double[] A8 = {3.70920001185047927108779319836e-2, 0, 0, 1.70383925712239993810214054705e-1,
        1.07262030446373284651809199168e-1, -1.53194377486244017527936158236e-2, 8.27378916381402288758473766002e-3};
    private static final double[] A9 = {6.24110958716075717114429577812e-1, 0, 0, -3.36089262944694129406857109825e0,
        -8.68219346841726006818189891453e-1, 2.75920996994467083049415600797e1, 2.01540675504778934086186788979e1,
        -4.34898841810699588477366255144e1};
    private static final double[] A10 = {4.77662536438264365890433908527e-1, 0, 0, -2.48811461997166764192642586468e0,
        -5.90290826836842996371446475743e-1, 2.12300514481811942347288949897e1, 1.52792336328824235832596922938e1,
        -3.32882109689848629194453265587e1, -2.03312017085086261358222928593e-2};
    private static final double[] A11 = {-9.3714243008598732571704021658e-1, 0, 0, 5.18637242884406370830023853209e0,
        1.09143734899672957818500254654e0, -8.14978701074692612513997267357e0, -1.85200656599969598641566180701e1,
        2.27394870993505042818970056734e1, 2.49360555267965238987089396762e0, -3.0467644718982195003823669022e0};
    private static final double[] A12 = {2.27331014751653820792359768449e0, 0, 0, -1.05344954667372501984066689879e1,
        -2.00087205822486249909675718444e0, -1.79589318631187989172765950534e1, 2.79488845294199600508499808837e1,
        -2.85899827713502369474065508674e0, -8.87285693353062954433549289258e0, 1.23605671757943030647266201528e1,
        6.43392746015763530355970484046e-1};
    /** 8th-order weights (k1..k12). */
    private static final double[] B = {5.42937341165687622380535766363e-2, 0, 0, 0, 0, 4.45031289275240888144113950566e0,
        1.89151789931450038304281599044e0, -5.8012039600105847814672114227e0, 3.1116436695781989440891606237e-1,
        -1.52160949662516078556178806805e-1, 2.01365400804030348374776537501e-1, 4.47106157277725905176885569043e-2};
    /** 3rd-order error weights: B − (bhh1 at k1, bhh2 at k9, bhh3 at k12). */
    private static final double[] ERR3;
    /** 5th-order error weights. */
    private static final double[] ERR5 = {0.1312004499419488073250102996e-01, 0, 0, 0, 0, -0.1225156446376204440720569753e+01,
        -0.4957589496572501915214079952e+00, 0.1664377182454986536961530415e+01, -0.3503288487499736816886487290e+00,
        0.3341791187130174790297318841e+00, 0.8192320648511571246570742613e-01, -0.2235530786388629525884427845e-01};

    static {
        ERR3 = B.clone();
        ERR3[0] -= 0.244094488188976377952755905512e+00;
        ERR3[8] -= 0.733846688281611857341361741547e+00;
        ERR3[11] -= 0.220588235294117647058823529412e-01;
    }

    // Extra stages for dense output, over k1..k13 (k13 = f(t+h, y1)), k14, k15.
    private static final double[] A14 = {5.61675022830479523392909219681e-2, 0, 0, 0, 0, 0, 2.53500210216624811088794765333e-1,
        -2.46239037470802489917441475441e-1, -1.24191423263816360469010140626e-1, 1.5329179827876569731206322685e-1,
        8.20105229563468988491666602057e-3, 7.56789766054569976138603589584e-3, -8.298e-3};
    private static final double[] A15 = {3.18346481635021405060768473261e-2, 0, 0, 0, 0, 2.83009096723667755288322961402e-2,
        5.35419883074385676223797384372e-2, -5.49237485713909884646569340306e-2, 0, 0, -1.08347328697249322858509316994e-4,
        3.82571090835658412954920192323e-4, -3.40465008687404560802977114492e-4, 1.41312443674632500278074618366e-1};
    private static final double[] A16 = {-4.28896301583791923408573538692e-1, 0, 0, 0, 0, -4.69762141536116384314449447206e0,
        7.68342119606259904184240953878e0, 4.06898981839711007970213554331e0, 3.56727187455281109270669543021e-1, 0, 0, 0,
        -1.39902416515901462129418009734e-3, 2.9475147891527723389556272149e0, -9.15095847217987001081870187138e0};
    // Dense-output weights over k1..k16 (rows for rcont5..rcont8).
    private static final double[] D4 = {-0.84289382761090128651353491142e+01, 0, 0, 0, 0, 0.56671495351937776962531783590e+00,
        -0.30689499459498916912797304727e+01, 0.23846676565120698287728149680e+01, 0.21170345824450282767155149946e+01,
        -0.87139158377797299206789907490e+00, 0.22404374302607882758541771650e+01, 0.63157877876946881815570249290e+00,
        -0.88990336451333310820698117400e-01, 0.18148505520854727256656404962e+02, -0.91946323924783554000451984436e+01,
        -0.44360363875948939664310572000e+01};
    private static final double[] D5 = {0.10427508642579134603413151009e+02, 0, 0, 0, 0, 0.24228349177525818288430175319e+03,
        0.16520045171727028198505394887e+03, -0.37454675472269020279518312152e+03, -0.22113666853125306036270938578e+02,
        0.77334326684722638389603898808e+01, -0.30674084731089398182061213626e+02, -0.93321305264302278729567221706e+01,
        0.15697238121770843886131091075e+02, -0.31139403219565177677282850411e+02, -0.93529243588444783865713862664e+01,
        0.35816841486394083752465898540e+02};
    private static final double[] D6 = {0.19985053242002433820987653617e+02, 0, 0, 0, 0, -0.38703730874935176555105901742e+03,
        -0.18917813819516756882830838328e+03, 0.52780815920542364900561016686e+03, -0.11573902539959630126141871134e+02,
        0.68812326946963000169666922661e+01, -0.10006050966910838403183860980e+01, 0.77771377980534432092869265740e+00,
        -0.27782057523535084065932004339e+01, -0.60196695231264120758267380846e+02, 0.84320405506677161018159903784e+02,
        0.11992291136182789328035130030e+02};
    private static final double[] D7 = {-0.25693933462703749003312586129e+02, 0, 0, 0, 0, -0.15418974869023643374053993627e+03,
        -0.23152937917604549567536039109e+03, 0.35763911791061412378285349910e+03, 0.93405324183624310003907691704e+02,
        -0.37458323136451633156875139351e+02, 0.10409964950896230045147246184e+03, 0.29840293426660503123344363579e+02,
        -0.43533456590011143754432175058e+02, 0.96324553959188282948394950600e+02, -0.39177261675615439165231486172e+02,
        -0.14972683625798562581422125276e+03};

    private static final double[][] DENSE = {D4, D5, D6, D7};
    private static final double[][] ERRORS = {ERR5, ERR3};
    private static final double[][] ROWS = {A2, A3, A4, A5, A6, A7, A8, A9, A10, A11, A12};
    private static final double[] NODES = {C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, 1.0};

    private final Tolerances tol;
    private final long maxSteps;

    public DormandPrince853(Tolerances tol) {
        this(tol, DEFAULT_MAX_STEPS);
    }

    public DormandPrince853(Tolerances tol, long maxSteps) {
        this.tol = tol;
        this.maxSteps = maxSteps;
    }

    @Override
    public String name() {
        return "Dormand-Prince 8(5,3), adaptive, 7th-order dense output";
    }

    @Override
    public IntegrationStats integrate(OdeSystem f, double t0, double[] yInOut, double t1, StepHandler handler) {
        final int n = yInOut.length;
        double[] y = yInOut; // worked on in place; the buffers swap, so the result is copied back at the end if needed
        double[] y1 = new double[n];
        final double[] ys = new double[n];
        // k[0..11] stages, k[12] = f(t+h, y1) (FSAL), k[13..15] dense-output stages (allocated lazily).
        final double[][] k = new double[16][];
        for (int j = 0; j < 13; j++) {
            k[j] = new double[n];
        }
        final Dense dense = new Dense(f, k, ys);
        long accepted = 0, rejected = 0;
        final long[] evals = {0};
        double t = t0;
        f.derivative(t, y, k[0]);
        evals[0]++;
        double h = StartingStep.of(f, t, y, k[0], t1 - t0, tol, 8, ys, k[1]);
        evals[0]++;
        boolean lastRejected = false;
        final double rtol = tol.rtol(), atol = tol.atol();
        while (t < t1) {
            IntegrationException.checkSteps(accepted + rejected, maxSteps, t, t1, h);
            boolean last = false;
            if (t + 1.01 * h >= t1) {
                h = t1 - t;
                last = true;
            }
            for (int s = 0; s < ROWS.length; s++) {
                VectorOps.lincomb(ys, y, h, ROWS[s], k);
                f.derivative(t + NODES[s] * h, ys, k[s + 1]);
            }
            evals[0] += ROWS.length;
            VectorOps.lincomb(y1, y, h, B, k);
            // Hairer's combined norm: err5² / sqrt(err5² + 0.01·err3²), scaled by h.
            double[] e53 = VectorOps.weightedSquares(y, y1, ERRORS, k, rtol, atol);
            double e5 = e53[0], e3 = e53[1];
            double deno = e5 + 0.01 * e3;
            if (deno <= 0) {
                deno = 1;
            }
            double err = Math.abs(h) * e5 * Math.sqrt(1.0 / (n * deno));
            if (!(err <= 1.0)) {
                rejected++;
                double fac = Double.isFinite(err) ? Math.max(0.333, 0.9 * Math.pow(err, -1.0 / 8)) : 0.1;
                h *= fac;
                lastRejected = true;
                if (t + h == t) {
                    throw IntegrationException.stepUnderflow(t);
                }
                continue;
            }
            accepted++;
            f.derivative(t + h, y1, k[12]);
            evals[0]++;
            double tNew = last ? t1 : t + h;
            if (handler != null) {
                dense.set(t, tNew, h, y, y1, evals);
                handler.handleStep(dense);
                dense.invalidate();
            }
            double[] sw = y;
            y = y1;
            y1 = sw;
            sw = k[0];
            k[0] = k[12];
            k[12] = sw;
            t = tNew;
            double scale = err == 0 ? 6.0 : Math.min(6.0, Math.max(0.333, 0.9 * Math.pow(err, -1.0 / 8)));
            h *= lastRejected ? Math.min(scale, 1.0) : scale;
            lastRejected = false;
        }
        if (y != yInOut) {
            System.arraycopy(y, 0, yInOut, 0, n);
        }
        return new IntegrationStats(accepted, rejected, evals[0]);
    }

    /**
     * 7th-order dense output. Its three extra stages and the four coefficient vectors are computed
     * on the first interpolation inside a step, so steps without output cost nothing extra.
     */
    private static final class Dense extends StepSpan {
        private final OdeSystem f;
        private final double[][] k;
        private final double[] ys;
        double[] y0, y1;
        long[] evals;
        double[][] r; // r1..r8 once prepared
        boolean prepared;

        Dense(OdeSystem f, double[][] k, double[] ys) {
            this.f = f;
            this.k = k;
            this.ys = ys;
        }

        private Dense(double tStart, double tEnd, double h, double[][] r) {
            this.f = null;
            this.k = null;
            this.ys = null;
            span(tStart, tEnd, h);
            this.r = r;
            this.prepared = true;
        }

        void set(double t, double tNew, double hh, double[] y0, double[] y1, long[] evals) {
            span(t, tNew, hh);
            this.y0 = y0;
            this.y1 = y1;
            this.evals = evals;
        }

        void invalidate() {
            prepared = false;
        }

        private void prepare() {
            int n = y0.length;
            for (int j = 13; j < 16; j++) {
                if (k[j] == null) {
                    k[j] = new double[n];
                }
            }
            if (r == null) {
                r = new double[8][];
                for (int j = 4; j < 8; j++) {
                    r[j] = new double[n];
                }
            }
            VectorOps.lincomb(ys, y0, h, A14, k);
            f.derivative(tStart + C14 * h, ys, k[13]);
            VectorOps.lincomb(ys, y0, h, A15, k);
            f.derivative(tStart + C15 * h, ys, k[14]);
            VectorOps.lincomb(ys, y0, h, A16, k);
            f.derivative(tStart + C16 * h, ys, k[15]);
            evals[0] += 3;
            VectorOps.combine(new double[][] {r[4], r[5], r[6], r[7]}, h, DENSE, k);
            prepared = true;
        }

        @Override
        public void interpolate(double t, double[] out) {
            if (!prepared) {
                prepare();
            }
            final double s = (t - tStart) / h, s1 = 1.0 - s;
            final double hh = h;
            final double[] r5 = r[4], r6 = r[5], r7 = r[6], r8 = r[7];
            if (r[0] != null) {
                final double[] r1 = r[0], r2 = r[1], r3 = r[2], r4 = r[3];
                Parallel.forRange(out.length, 16, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        double con = r5[i] + s * (r6[i] + s1 * (r7[i] + s * r8[i]));
                        out[i] = r1[i] + s * (r2[i] + s1 * (r3[i] + s * (r4[i] + s1 * con)));
                    }
                });
                return;
            }
            final double[] a = y0, b = y1, k1 = k[0], k13 = k[12];
            Parallel.forRange(out.length, 20, (from, to) -> {
                for (int i = from; i < to; i++) {
                    double dy = b[i] - a[i];
                    double bspl = hh * k1[i] - dy;
                    double r4 = dy - hh * k13[i] - bspl;
                    double con = r5[i] + s * (r6[i] + s1 * (r7[i] + s * r8[i]));
                    out[i] = a[i] + s * (dy + s1 * (bspl + s * (r4 + s1 * con)));
                }
            });
        }

        @Override
        public StepInterpolator copy() {
            if (!prepared) {
                prepare();
            }
            if (r[0] != null) {
                return new Dense(tStart, tEnd, h, r);
            }
            int n = y0.length;
            double[][] c = new double[8][];
            c[0] = y0.clone();
            c[1] = new double[n];
            c[2] = new double[n];
            c[3] = new double[n];
            for (int i = 0; i < n; i++) {
                double dy = y1[i] - y0[i];
                double bspl = h * k[0][i] - dy;
                c[1][i] = dy;
                c[2][i] = bspl;
                c[3][i] = dy - h * k[12][i] - bspl;
            }
            for (int j = 4; j < 8; j++) {
                c[j] = r[j].clone();
            }
            return new Dense(tStart, tEnd, h, c);
        }
    }
}
