package org.qbattery.kernel;

/**
 * The interval [tStart, tEnd] of one accepted step and its length h, which every integrator's dense
 * output ({@link TaylorPropagator}, {@link DormandPrince853}, {@link DormandPrince54}) carries and
 * reuses from step to step.
 */
abstract class StepSpan implements StepInterpolator {
    double tStart, tEnd, h;

    final void span(double tStart, double tEnd, double h) {
        this.tStart = tStart;
        this.tEnd = tEnd;
        this.h = h;
    }

    @Override
    public final double tStart() {
        return tStart;
    }

    @Override
    public final double tEnd() {
        return tEnd;
    }
}
