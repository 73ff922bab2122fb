package org.qbattery.analysis;

import org.qbattery.model.InvalidParameterException;

/** Output times {@code 0, dt, 2dt, …, tMax} (tMax included even when not a multiple of dt). */
public record TimeGrid(double tMax, double dt) {
    /** More samples than this are refused: each one stores a row of every measure. */
    public static final int MAX_POINTS = 10_000_000;

    public TimeGrid {
        if (!Double.isFinite(tMax) || tMax <= 0) {
            throw new InvalidParameterException("t-max", "must be a finite number > 0, got " + tMax);
        }
        if (!Double.isFinite(dt) || dt <= 0) {
            throw new InvalidParameterException("dt", "must be a finite number > 0, got " + dt);
        }
        if (dt > tMax) {
            throw new InvalidParameterException("dt", "must be <= t-max (" + tMax + "), got " + dt);
        }
        if (tMax / dt > MAX_POINTS) {
            throw new InvalidParameterException("dt", "gives " + (long) (tMax / dt) + " output times; at most " + MAX_POINTS + " allowed");
        }
    }

    public double[] times() {
        int n = (int) Math.floor(tMax / dt + 1e-9);
        boolean addEnd = Math.abs(n * dt - tMax) > 1e-12 * Math.max(1, tMax);
        double[] t = new double[n + 1 + (addEnd ? 1 : 0)];
        // k·dt in decimal, as the user wrote dt: the double nearest to k·u·10^−s for dt = u·10^−s
        // (Double.toString's shortest digits), so that 7·0.05 is written 0.35 and not
        // 0.35000000000000003, and times join exactly with a grid rounded to the same digits.
        // (u·k) / 10^s is that double when both are exact doubles: one correctly rounded division.
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(dt).stripTrailingZeros();
        long u = 0;
        double scale = 0;
        if (d.scale() > 0 && d.scale() <= 22 && d.unscaledValue().bitLength() < 63) {
            u = d.unscaledValue().longValueExact();
            scale = Math.pow(10, d.scale()); // exact up to 10^22
        }
        for (int k = 0; k <= n; k++) {
            t[k] = u != 0 && Math.abs(u) <= (1L << 53) / Math.max(1, k) ? (double) (u * k) / scale : k * dt;
        }
        if (addEnd) {
            t[n + 1] = tMax;
        } else {
            t[n] = tMax;
        }
        return t;
    }
}
