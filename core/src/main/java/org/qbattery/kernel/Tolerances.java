package org.qbattery.kernel;

/**
 * Local error tolerances of an adaptive integrator: each component's error must stay below
 * {@code atol + rtol·|y|} (weighted RMS norm, as in Hairer–Nørsett–Wanner).
 */
public record Tolerances(double rtol, double atol) {
    /** Tight enough that the single-cell closed forms are met to 1e-9 (measured by the tests). */
    public static final Tolerances DEFAULT = new Tolerances(1e-10, 1e-12);

    public Tolerances {
        if (!(rtol > 0) || !(rtol < 1)) {
            throw new IllegalArgumentException("rtol must be in (0, 1), got " + rtol);
        }
        if (!(atol > 0) || !(atol < 1)) {
            throw new IllegalArgumentException("atol must be in (0, 1), got " + atol);
        }
    }
}
