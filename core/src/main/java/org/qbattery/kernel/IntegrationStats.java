package org.qbattery.kernel;

/**
 * Work done by one integration.
 *
 * @param acceptedSteps steps whose error estimate met the tolerance
 * @param rejectedSteps steps retried with a smaller step size
 * @param evaluations   right-hand-side evaluations
 */
public record IntegrationStats(long acceptedSteps, long rejectedSteps, long evaluations) {
    public IntegrationStats plus(IntegrationStats o) {
        return new IntegrationStats(acceptedSteps + o.acceptedSteps, rejectedSteps + o.rejectedSteps,
                evaluations + o.evaluations);
    }
}
