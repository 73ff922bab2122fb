package org.qbattery.kernel;

/**
 * An {@link OdeSystem} whose right-hand side is y ↦ L·y with a fixed linear map L (no dependence on
 * t): every master equation here, in any representation. The marker lets {@link TaylorPropagator}
 * use the series of exp(hL), which is the flow only for such systems.
 */
public interface LinearOdeSystem extends OdeSystem {
    /**
     * {@code out = L·y}, returning {@code Σ_i (out_i·w_i)²}: the norm the Taylor propagator needs of
     * every power it computes. Kernels override it to sum each block of {@code out} while it is still
     * in cache; this default takes a second pass.
     */
    default double derivativeWeightedSquares(double[] y, double[] out, double[] w) {
        derivative(0, y, out);
        return VectorOps.weightedSquares(out, w);
    }
}
