package org.qbattery.kernel;

/** An adaptive integrator for {@link OdeSystem}s that reports each accepted step with dense output. */
public interface OdeIntegrator {
    /**
     * Steps at most, by default: far beyond any run a user waits for (the paper's take tens; 10^4
     * oscillation periods a few 10^4), a guard against rates that would need 10^8 and more
     * ({@link IntegrationException}, which also projects the count after 10^4 steps).
     */
    long DEFAULT_MAX_STEPS = 50_000_000L;

    /**
     * Integrates from {@code (t0, y0)} to {@code t1}, calling {@code handler} after every accepted
     * step. {@code y0} is overwritten with y(t1).
     */
    IntegrationStats integrate(OdeSystem system, double t0, double[] y0, double t1, StepHandler handler);

    /** Human-readable method name, recorded in every output's provenance. */
    String name();
}
