package org.qbattery.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qbattery.kernel.DormandPrince853;
import org.qbattery.kernel.HermitianEigenvalues;
import org.qbattery.kernel.Parallel;
import org.qbattery.kernel.Tolerances;
import org.qbattery.measures.Energy;
import org.qbattery.measures.Ergotropy;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.InitialState;

/**
 * From {@link SelfDischarge#PIPELINE_CELLS} cells on, measures run on a worker thread and the
 * spectrum is taken block-wise: the samples must still be the states at their own times.
 */
class PipelineTest {
    @Test
    void pipelinedSamplesMatchDirectIntegration() {
        int n = SelfDischarge.PIPELINE_CELLS;
        Battery b = Battery.builder(Graph.chain(n)).coupling(2).gammaIcl(0.5).build();
        DischargeResult r = SelfDischarge.of(b).state("quantum").grid(1.0, 0.25).run();
        for (int k = 0; k < r.times().length; k++) {
            double[] rho = InitialState.quantum(n);
            if (r.times()[k] > 0) {
                new DormandPrince853(Tolerances.DEFAULT).integrate(b.generator(), 0, rho, r.times()[k], null);
            }
            assertThat(r.energy()[k]).isCloseTo(Energy.of(rho, n, 1), within(1e-9));
            double direct = Ergotropy.fromSpectrum(HermitianEigenvalues.of(rho, 1 << n), n, 1, Energy.of(rho, n, 1));
            assertThat(r.ergotropy()[k]).isCloseTo(direct, within(1e-9));
        }
        // the half-life still comes from dense output: E(τ) = E(0)/2 at the reported τ
        double tau = r.analysis().ergotropyHalfLife();
        double[] rho = InitialState.quantum(n);
        new DormandPrince853(Tolerances.DEFAULT).integrate(b.generator(), 0, rho, tau, null);
        assertThat(Ergotropy.of(rho, n, 1)).isCloseTo(r.ergotropy()[0] / 2, within(1e-8));
    }

    /**
     * Up to {@link SelfDischarge#MAX_CELLS_BRACKETS_SIDE_BY_SIDE} cells the event brackets are
     * located on all cores, each from its own copy of its start sample: every time must be the one
     * that locating them one after another on one thread gives, bit for bit (same arithmetic, only
     * another order of independent tasks), including brackets that start from the same sample.
     */
    @ParameterizedTest(name = "{0}, N = {1}, {2}")
    @CsvSource({"linear, 8, quantum", "circular, 6, classical", "central, 5, quantum", "symmetric, 7, ghz"})
    void eventsLocatedSideBySideEqualOneAfterAnother(String graph, int n, String state) {
        Battery b = Battery.builder(Graph.named(graph, n, null)).coupling(2).gammaIcl(graph.equals("symmetric") ? 0.2 : 0.5).build();
        DischargeResult sideBySide = SelfDischarge.of(b).state(state).representation("register").grid(5, 0.05).run();
        int threads = Parallel.threads();
        DischargeResult oneByOne;
        try {
            Parallel.setThreads(1);
            oneByOne = SelfDischarge.of(b).state(state).representation("register").grid(5, 0.05).run();
        } finally {
            Parallel.setThreads(threads);
        }
        assertThat(sideBySide.analysis()).isEqualTo(oneByOne.analysis());
        // More than one bracket, or there was nothing to locate side by side.
        DischargeAnalysis a = sideBySide.analysis();
        int located = (a.ergotropyHalfLife() != null ? 1 : 0) + (a.energyHalfLife() != null ? 1 : 0)
                + (a.ergotropySuddenDeath() != null && a.ergotropySuddenDeath() > 0 ? 1 : 0) + a.entanglementCrossings().size();
        assertThat(located).isGreaterThan(1);
    }
}
