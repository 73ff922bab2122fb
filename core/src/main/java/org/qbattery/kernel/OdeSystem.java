package org.qbattery.kernel;

/**
 * A first-order system {@code dy/dt = f(t, y)} over a flat {@code double[]} state.
 *
 * <p>Implementations write into {@code dydt} and must not allocate: the integrator calls this
 * millions of times.
 */
@FunctionalInterface
public interface OdeSystem {
    /** Writes {@code f(t, y)} into {@code dydt} (same length as {@code y}, never aliased). */
    void derivative(double t, double[] y, double[] dydt);
}
