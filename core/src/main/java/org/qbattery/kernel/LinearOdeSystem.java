package org.qbattery.kernel;

/**
 * An {@link OdeSystem} whose right-hand side is y ↦ L·y with a fixed linear map L (no dependence on
 * t): every master equation here, in any representation. The marker lets {@link TaylorPropagator}
 * use the series of exp(hL), which is the flow only for such systems.
 */
public interface LinearOdeSystem extends OdeSystem {
}
