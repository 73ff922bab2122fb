package org.qbattery.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.InitialState;

/** Dephasing, temperature, and the entanglement event times against closed forms. */
class ChannelsAndEventsTest {
    /** Quantum cell with dephasing γφ: ρee = ½e^{−Γt}, |ρeg| = ½e^{−(Γ/2+γφ)t}. */
    @ParameterizedTest(name = "dephasing {0}")
    @ValueSource(doubles = {0.1, 0.5, 2})
    void dephasingClosedForm(double gphi) {
        Battery b = Battery.builder(Graph.empty(1)).dephasing(gphi).build();
        DischargeResult r = SelfDischarge.of(b).state("quantum").grid(4, 0.1).run();
        for (int k = 0; k < r.times().length; k++) {
            double t = r.times()[k];
            double pe = 0.5 * Math.exp(-t);
            double z = 2 * pe - 1, x = Math.exp(-(0.5 + gphi) * t);
            assertThat(r.ergotropy()[k]).isCloseTo((z + Math.hypot(x, z)) / 2, within(1e-9));
            assertThat(r.coherence()[k]).isCloseTo(x, within(1e-9));
        }
    }

    /** Thermal bath n̄: relaxation at Γ(2n̄+1) to the Gibbs state, passive, U∞ = ω n̄/(2n̄+1) per cell. */
    @ParameterizedTest(name = "nbar {0}")
    @ValueSource(doubles = {0.05, 0.3, 1})
    void thermalRelaxationToGibbs(double nbar) {
        int n = 2;
        Battery b = Battery.builder(Graph.empty(n)).nbar(nbar).build();
        DischargeResult r = SelfDischarge.of(b).state("charged").grid(4, 0.1).run();
        double pinf = nbar / (2 * nbar + 1), rate = 2 * nbar + 1;
        for (int k = 0; k < r.times().length; k++) {
            double pe = pinf + (1 - pinf) * Math.exp(-rate * r.times()[k]);
            assertThat(r.energy()[k]).isCloseTo(n * pe, within(1e-9));
            assertThat(r.ergotropy()[k]).isCloseTo(n * Math.max(0, 2 * pe - 1), within(1e-9));
        }
        // sudden death when pe = 1/2
        assertThat(r.analysis().ergotropySuddenDeath()).isCloseTo(Math.log((1 - pinf) / (0.5 - pinf)) / rate, within(1e-8));
    }

    /**
     * Yu–Eberly sudden death of entanglement: √(1/3)|gg⟩ + √(2/3)|ee⟩ under local decay has
     * C = 2p(√2/3 − (2/3)(1 − p)), p = e^{−Γt}, which dies at p = 1 − 1/√2.
     */
    @Test
    void entanglementSuddenDeathClosedForm() {
        double[] psi = new double[8];
        psi[0] = Math.sqrt(1.0 / 3);
        psi[6] = Math.sqrt(2.0 / 3);
        Battery b = Battery.builder(Graph.chain(2)).build();
        DischargeResult r = SelfDischarge.of(b).state(InitialState.pure(psi, 4), "yu-eberly").grid(3, 0.01).run();
        for (int k = 0; k < r.times().length; k++) {
            double p = Math.exp(-r.times()[k]);
            double c = Math.max(0, 2 * p * (Math.sqrt(2) / 3 - 2.0 / 3 * (1 - p)));
            assertThat(r.concurrence()[k]).isCloseTo(c, within(1e-7));
        }
        assertThat(r.analysis().entanglementBirth()).isNull();
        assertThat(r.analysis().entanglementDeath()).isCloseTo(-Math.log(1 - 1 / Math.sqrt(2)), within(1e-8));
    }

    /** Two |+⟩ cells under exchange J without decay: C(t) = |sin Jt|, born at t = 0. */
    @Test
    void exchangeEntanglesProductState() {
        Battery b = Battery.builder(Graph.chain(2)).gamma(0).coupling(1).build();
        DischargeResult r = SelfDischarge.of(b).state("quantum").grid(3, 0.05).run();
        for (int k = 0; k < r.times().length; k++) {
            assertThat(r.concurrence()[k]).isCloseTo(Math.abs(Math.sin(r.times()[k])), within(1e-6));
        }
        assertThat(r.analysis().entanglementBirth()).isCloseTo(0, within(1e-8));
    }

    @Test
    void rebirthsAreTheBirthsAfterTheFirstDeath() {
        var unentangled = new DischargeAnalysis(null, null, null, "", 0.1, 0.8, java.util.List.of(0.1, 0.8, 2.6, 3.0, 4.1), false);
        assertThat(unentangled.entanglementRebirths()).containsExactly(2.6, 4.1);
        var entangled = new DischargeAnalysis(null, null, null, "", null, 0.5, java.util.List.of(0.5, 1.5, 2.0), true);
        assertThat(entangled.entanglementRebirths()).containsExactly(1.5);
    }

    /** Chain N = 3 from |+⟩^3 (J = 2, Γ_icl = 0.5): each located crossing is a zero of the signed concurrence. */
    @Test
    void everyCrossingIsAZeroOfTheSignedConcurrence() {
        Battery b = Battery.builder(Graph.chain(3)).coupling(2).gammaIcl(0.5).build();
        DischargeResult r = SelfDischarge.of(b).state("quantum").grid(5, 0.05).run();
        assertThat(r.analysis().entanglementCrossings()).isNotEmpty();
        int[][] pairs = SelfDischarge.pairs(b);
        for (double t : r.analysis().entanglementCrossings()) {
            if (t < 1e-6) {
                continue; // birth from the product state at t = 0
            }
            double[] rho = InitialState.quantum(3);
            new org.qbattery.kernel.DormandPrince853(org.qbattery.kernel.Tolerances.DEFAULT).integrate(b.generator(), 0, rho, t, null);
            assertThat(org.qbattery.measures.Concurrence.maxSigned(rho, 3, pairs)).as("t=%s", t).isCloseTo(0, within(1e-7));
        }
    }
}
