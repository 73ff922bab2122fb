package org.qbattery.kernel;

/** An adaptive integrator for {@link OdeSystem}s that reports each accepted step with dense output. */
public interface OdeIntegrator {
    /**
     * Integrates from {@code (t0, y0)} to {@code t1}, calling {@code handler} after every accepted
     * step. {@code y0} is overwritten with y(t1).
     */
    IntegrationStats integrate(OdeSystem system, double t0, double[] y0, double t1, StepHandler handler);

    /** Human-readable method name, recorded in every output's provenance. */
    String name();
}
