package org.qbattery.kernel;

/**
 * Receives every accepted step of an {@link OdeIntegrator} (Hipparchus-style). The interpolator is
 * only valid during the call; use {@link StepInterpolator#copy()} to keep it.
 */
@FunctionalInterface
public interface StepHandler {
    void handleStep(StepInterpolator step);
}
