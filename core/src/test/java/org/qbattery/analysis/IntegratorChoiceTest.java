package org.qbattery.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qbattery.kernel.SectorLindbladKernel;
import org.qbattery.kernel.TaylorPropagator;
import org.qbattery.kernel.Tolerances;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.InvalidParameterException;

/** The three integrators a run can use give the same discharge; auto picks the Taylor propagator. */
class IntegratorChoiceTest {
    private static DischargeResult run(Battery b, String state, String method, Tolerances tol) {
        return SelfDischarge.of(b).state(state).grid(2.0, 0.1).tolerances(tol).method(method).run();
    }

    /**
     * Against DOP853 run 1000× tighter: each method's local error is at most rtol (relative to
     * entries ≤ 1) per step, and errors of a contractive flow add up at most, so after S steps the
     * entries are off by ≤ S·rtol; energy and ergotropy are sums over the N = 4 cells' populations
     * and eigenvalues: N·S·rtol.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"taylor, chain", "dop853, chain", "dopri5, chain", "taylor, custom", "dop853, custom", "dopri5, custom"})
    void everyMethodGivesTheSameDischarge(String method, String graph) {
        Battery b = graph.equals("chain")
                ? Battery.builder(Graph.chain(4)).coupling(2).gammaIcl(0.5).build()
                : Battery.builder(Graph.fromEdges(4, "0-1,1-2,0-3")).coupling(1.3).gammaIcl(0.2).nbar(0.1).dephasing(0.2).build();
        String state = graph.equals("chain") ? "quantum" : "bloch:1.1,0.3";
        DischargeResult ref = run(b, state, "dop853", new Tolerances(1e-13, 1e-15));
        DischargeResult r = run(b, state, method, Tolerances.DEFAULT);
        double bound = 4 * (r.stats().acceptedSteps() + r.stats().rejectedSteps() + 1) * Tolerances.DEFAULT.rtol();
        for (String col : new String[] {"energy", "ergotropy", "coherence"}) {
            double[] a = r.column(col), e = ref.column(col);
            for (int k = 0; k < a.length; k++) {
                assertThat(a[k]).as("%s at t=%s", col, r.times()[k]).isCloseTo(e[k], within(bound));
            }
        }
        // An error δU moves the half-life by δU/|dU/dt|; the slope there, from the samples around it:
        double tau = ref.analysis().energyHalfLife();
        double[] u = ref.energy(), t = ref.times();
        int k = 0;
        while (t[k + 1] < tau) {
            k++;
        }
        double slope = Math.min(Math.abs(u[k + 1] - u[k]), Math.abs(u[k + 2] - u[k + 1])) / (t[k + 1] - t[k]);
        assertThat(r.analysis().energyHalfLife()).isCloseTo(tau, within(2 * bound / slope + 1e-11));
    }

    @Test
    void autoIsTheTaylorPropagatorAndTheOutputSaysSo() {
        assertThat(SelfDischarge.resolveMethod(5, "auto")).isEqualTo("taylor");
        Battery b = Battery.builder(Graph.ring(4)).coupling(1).gammaIcl(0.3).build();
        assertThat(run(b, "quantum", "auto", Tolerances.DEFAULT).solver()).contains("Taylor");
        assertThat(run(b, "quantum", "dop853", Tolerances.DEFAULT).solver()).contains("8(5,3)");
        assertThat(run(b, "quantum", "dopri5", Tolerances.DEFAULT).solver()).contains("5(4)");
        assertThatThrownBy(() -> SelfDischarge.of(b).method("rk4"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("taylor, dop853, dopri5");
    }

    /**
     * Memory: the Taylor propagator's smallest configuration (16 powers) needs fewer vectors than
     * DOP853 and more than DOPRI5; its degree cap grows with the room left and stays in its bounds.
     */
    @Test
    void memoryEstimatesOrderTheMethodsAndBoundTheDegree() {
        for (int n : new int[] {6, 10, 12}) {
            assertThat(SelfDischarge.estimateBytes(n, "dopri5")).isLessThan(SelfDischarge.estimateBytes(n, "taylor"));
            assertThat(SelfDischarge.estimateBytes(n, "taylor")).isLessThan(SelfDischarge.estimateBytes(n, "dop853"));
        }
        assertThat(SelfDischarge.taylorDegree(6, (int) SectorLindbladKernel.length(6))).isEqualTo(TaylorPropagator.MAX_DEGREE);
        assertThat(SelfDischarge.taylorDegree(14, (int) SectorLindbladKernel.length(14))).isEqualTo(TaylorPropagator.MIN_DEGREE);
    }
}
