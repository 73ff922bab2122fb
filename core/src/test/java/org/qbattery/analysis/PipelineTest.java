package org.qbattery.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.qbattery.kernel.DormandPrince853;
import org.qbattery.kernel.HermitianEigenvalues;
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
}
