package org.qbattery.kernel;

import java.util.function.DoubleUnaryOperator;

/**
 * Bracketed scalar root finding (Brent's method: inverse quadratic interpolation with bisection
 * fallback), used on dense output to locate half-lives and crossing times to far below the
 * output grid spacing.
 */
public final class Roots {
    private Roots() {
    }

    /**
     * A root of {@code f} in [a, b] given {@code f(a)} and {@code f(b)} of opposite signs (or one zero),
     * to absolute accuracy {@code xtol}.
     */
    public static double brent(DoubleUnaryOperator f, double a, double b, double fa, double fb, double xtol) {
        if (fa == 0) {
            return a;
        }
        if (fb == 0) {
            return b;
        }
        if (Math.signum(fa) == Math.signum(fb)) {
            throw new IllegalArgumentException("root not bracketed: f(" + a + ")=" + fa + ", f(" + b + ")=" + fb);
        }
        double c = a, fc = fa, d = b - a, e = d;
        for (int iter = 0; iter < 200; iter++) {
            if (Math.signum(fb) == Math.signum(fc)) {
                c = a;
                fc = fa;
                d = b - a;
                e = d;
            }
            if (Math.abs(fc) < Math.abs(fb)) {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            double tol1 = 2 * Math.ulp(b) + 0.5 * xtol;
            double xm = 0.5 * (c - b);
            if (Math.abs(xm) <= tol1 || fb == 0) {
                return b;
            }
            if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
                double s = fb / fa, p, q;
                if (a == c) {
                    p = 2 * xm * s;
                    q = 1 - s;
                } else {
                    double qq = fa / fc, r = fb / fc;
                    p = s * (2 * xm * qq * (qq - r) - (b - a) * (r - 1));
                    q = (qq - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) {
                    q = -q;
                }
                p = Math.abs(p);
                if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
                    e = d;
                    d = p / q;
                } else {
                    d = xm;
                    e = d;
                }
            } else {
                d = xm;
                e = d;
            }
            a = b;
            fa = fb;
            b += Math.abs(d) > tol1 ? d : Math.copySign(tol1, xm);
            fb = f.applyAsDouble(b);
        }
        return b;
    }
}
