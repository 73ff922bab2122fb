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

    private static final long SIX_GIB_BUDGET = (long) (0.9 * 6 * (1L << 30));

    private static String fitsIn(Battery b, long budget) {
        return SelfDischarge.requireMemory(b, "auto", SelfDischarge.kernelGenerators(b, p -> true), budget);
    }

    /**
     * With the launcher's 6 GiB heap: the ring, star and complete graph of 13 cells fit (one number
     * per orbit of their symmetry groups; the measures' three full 8192×8192 matrices take 3 GiB);
     * the open chain of 13 does not (its reflection only halves the numbers) and is refused naming
     * 12; 14 cells never fit (one full matrix is 4 GiB) and the ring is told 13.
     */
    @Test
    void largestRegistersAtSixGibibytes() {
        Battery ring13 = Battery.builder(Graph.ring(13)).coupling(2).gammaIcl(0.5).build();
        assertThat(fitsIn(ring13, SIX_GIB_BUDGET)).isEqualTo("taylor");
        assertThat(fitsIn(Battery.builder(Graph.star(13)).coupling(2).gammaIcl(0.05).build(), SIX_GIB_BUDGET)).isEqualTo("taylor");
        assertThat(fitsIn(Battery.builder(Graph.complete(13)).coupling(2).gammaIcl(0.05).build(), SIX_GIB_BUDGET)).isEqualTo("taylor");
        assertThat(fitsIn(Battery.builder(Graph.chain(12)).coupling(2).gammaIcl(0.5).build(), SIX_GIB_BUDGET)).isEqualTo("taylor");
        assertThatThrownBy(() -> fitsIn(Battery.builder(Graph.chain(13)).coupling(2).gammaIcl(0.5).build(), SIX_GIB_BUDGET))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("allowed here: cells <= 12");
        assertThatThrownBy(() -> fitsIn(Battery.builder(Graph.ring(14)).coupling(2).gammaIcl(0.5).build(), SIX_GIB_BUDGET))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("allowed here: cells <= 13");
        // Without the group the ring of 13 would need the sector blocks: 33.6 million numbers per vector.
        assertThat(SelfDischarge.estimateBytes(13, "dopri5")).isGreaterThan(SIX_GIB_BUDGET);
    }

    /**
     * The check made before the state exists assumes the graphs' symmetries; every built-in state
     * has them, so it plans the group the run then finds. A state without them gets no group in
     * the run, which therefore checks again on its own.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"central, quantum", "central, classical", "linear, quantum", "linear, ghz", "circular, w", "circular, quantum",
        "symmetric, classical", "symmetric, dicke:2"})
    void thePlanBeforeTheStateIsTheRunsGroupForBuiltInStates(String graph, String state) {
        Battery b = Battery.builder(Graph.named(graph, 5, null)).coupling(2).gammaIcl(0.5).build();
        double[] rho0 = org.qbattery.model.InitialState.parse(state, 5);
        int[][] planned = SelfDischarge.kernelGenerators(b, p -> true);
        assertThat(planned).isNotNull();
        assertThat(SelfDischarge.kernelGenerators(b, rho0, SelfDischarge.symmetryOf(b, rho0))).isDeepEqualTo(planned);
        double[] asymmetric = org.qbattery.TestSupport.randomDensity(new java.util.Random(5), 32, 3);
        assertThat(SelfDischarge.kernelGenerators(b, asymmetric, SelfDischarge.symmetryOf(b, asymmetric))).isNull();
    }

    /**
     * The check the run repeats with its state's own symmetry: with a budget between the two
     * estimates, a ring of 9 whose state keeps the rotations and reflections fits, the same ring
     * with a state that has no symmetry (sector blocks) is refused, naming 8 or fewer cells.
     */
    @Test
    void aStateWithoutTheGraphsSymmetryIsCheckedOnItsOwn() {
        Battery ring9 = Battery.builder(Graph.ring(9)).coupling(2).gammaIcl(0.5).build();
        int[][] group = SelfDischarge.kernelGenerators(ring9, p -> true);
        long sectors = SelfDischarge.estimateBytes(9, "dopri5");
        long budget = sectors - 1;
        assertThat(SelfDischarge.requireMemory(ring9, "auto", group, budget)).isIn("taylor", "dopri5");
        assertThatThrownBy(() -> SelfDischarge.requireMemory(ring9, "auto", null, budget))
                .isInstanceOf(InvalidParameterException.class).hasMessageMatching("9 cells need about .*allowed here: cells <= [1-8] .*");
    }
}
