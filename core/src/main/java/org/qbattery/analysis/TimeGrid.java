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
        for (int k = 0; k <= n; k++) {
            t[k] = k * dt;
        }
        if (addEnd) {
            t[n + 1] = tMax;
        } else {
            t[n] = tMax;
        }
        return t;
    }
}
