package org.qbattery.kernel;

/**
 * The problem is beyond what the integrator can do in double precision and a sane number of steps:
 * rates so large against t_max that the steps needed run to hundreds of millions (a coupling of 10^9
 * over t = 0.01 is 10^7 oscillation periods, each needing a few steps, in any explicit method), or
 * so large that the generator's powers overflow. Input that cannot be solved, not a defect: the CLI
 * reports it in one line.
 */
public final class IntegrationException extends RuntimeException {
    /** Steps after which the remaining ones are projected from the current step size. */
    static final long PROJECT_AFTER = 10_000;

    public IntegrationException(String message) {
        super(message);
    }

    /** The step size has underflowed at t: rates too large for double precision. */
    static IntegrationException stepUnderflow(double t) {
        return new IntegrationException("the step size underflows at t = " + t + ": rates too large for double precision");
    }

    /**
     * Throws when {@code steps} taken reach {@code maxSteps}, or when, past {@link #PROJECT_AFTER}
     * steps (by then a fast initial decay is over and h is what the rest of the run needs), the
     * steps to t1 at the current h would.
     */
    static void checkSteps(long steps, long maxSteps, double t, double t1, double h) {
        double projected = steps + (t1 - t) / h;
        if (steps >= maxSteps || (steps >= PROJECT_AFTER && projected > maxSteps)) {
            throw new IntegrationException(String.format(java.util.Locale.ROOT,
                    "the integration would need about %.2g steps to t = %g (at most %d), the step being %.3g at t = %.6g",
                    Math.max(projected, steps), t1, maxSteps, h, t));
        }
    }
}
