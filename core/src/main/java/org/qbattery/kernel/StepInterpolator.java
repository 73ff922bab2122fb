package org.qbattery.kernel;

/**
 * Dense output of one accepted integration step on {@code [tStart, tEnd]}: the state at any time
 * inside the step, to the order of the method's continuous extension, without new evaluations of
 * the right-hand side.
 */
public interface StepInterpolator {
    double tStart();

    double tEnd();

    /** Writes y(t) into {@code out}; t must lie in [tStart, tEnd] (up to round-off). */
    void interpolate(double t, double[] out);

    /**
     * Writes y(ts[r]) into {@code outs[r]} for every r. Methods whose dense output combines many
     * stored vectors override this to read each of them once for all the times.
     */
    default void interpolate(double[] ts, double[][] outs) {
        for (int r = 0; r < ts.length; r++) {
            interpolate(ts[r], outs[r]);
        }
    }

    /** An independent copy that stays valid after the integrator moves on. */
    StepInterpolator copy();
}
