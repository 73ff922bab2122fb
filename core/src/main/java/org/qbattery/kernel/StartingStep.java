package org.qbattery.kernel;

/**
 * Hairer's starting-step heuristic (HINIT in DOPRI5/DOP853): from ‖y‖, ‖f(y)‖ and one trial Euler
 * step, the first step size for which a method of order {@code order} is expected to meet the
 * tolerance. Costs one right-hand-side evaluation.
 */
final class StartingStep {
    private StartingStep() {
    }

    /**
     * @param f0 f(t, y), already evaluated
     * @param y1 scratch (overwritten)
     * @param f1 scratch (overwritten)
     */
    static double of(OdeSystem f, double t, double[] y, double[] f0, double span, Tolerances tol, int order,
                     double[] y1, double[] f1) {
        int n = y.length;
        double d0 = 0, d1 = 0;
        for (int i = 0; i < n; i++) {
            double sc = tol.atol() + tol.rtol() * Math.abs(y[i]);
            d0 += (y[i] / sc) * (y[i] / sc);
            d1 += (f0[i] / sc) * (f0[i] / sc);
        }
        d0 = Math.sqrt(d0 / n);
        d1 = Math.sqrt(d1 / n);
        double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.min(h0, span);
        for (int i = 0; i < n; i++) {
            y1[i] = y[i] + h0 * f0[i];
        }
        f.derivative(t + h0, y1, f1);
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            double sc = tol.atol() + tol.rtol() * Math.abs(y[i]);
            double v = (f1[i] - f0[i]) / sc;
            d2 += v * v;
        }
        d2 = Math.sqrt(d2 / n) / h0;
        double h1 = Math.max(d1, d2) <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / Math.max(d1, d2), 1.0 / order);
        return Math.min(Math.min(100 * h0, h1), span);
    }
}
