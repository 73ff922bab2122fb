package org.qbattery.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qbattery.kernel.Tolerances;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;

/**
 * One excitation at zero temperature without dephasing: the no-jump evolution keeps the
 * one-excitation part pure and every jump lands in |0…0⟩, so ρ(t) = |ψ(t)⟩⟨ψ(t)| + (1 − U)|0⟩⟨0| with
 * ‖ψ‖² = U, and E = max(0, 2U − 1) exactly: the ergotropy dies at the energy half-life, on any graph.
 * The passivity gap then sits at zero in the empty sectors, where integration noise (~atol) must not
 * read as "not passive" (it did: the chain's death was missed, the star's placed at an output time).
 */
class SuddenDeathTest {
    @ParameterizedTest(name = "{0}, N = {1}, {2}, rtol {3}")
    @CsvSource({
        "linear,    6, register, 1e-10", "linear,    5, register, 1e-8",
        "central,   6, register, 1e-10", "central,   6, dicke,    1e-10", "central,   6, dicke,    1e-8", "central, 6, dicke, 1e-12",
        "circular,  5, register, 1e-10",
        "symmetric, 6, register, 1e-10", "symmetric, 6, dicke,    1e-8", "symmetric, 30, dicke,   1e-10"})
    void oneExcitationDiesAtTheEnergyHalfLife(String graph, int n, String representation, double rtol) {
        Battery b = Battery.builder(Graph.named(graph, n, null)).coupling(-1.12).gammaIcl(0.063).build();
        DischargeResult r = SelfDischarge.of(b).state("w").grid(3, 0.1).representation(representation)
                .tolerances(new Tolerances(rtol, rtol / 100)).run();
        Double death = r.analysis().ergotropySuddenDeath(), half = r.analysis().energyHalfLife();
        assertThat(half).isNotNull();
        // The root lies where the gap plus its floor (~100·atol) vanishes: |Δt| ≲ floor / |dgap/dt| (~1), plus the
        // integration error of U itself near t½ (rtol-relative): 1e-6 covers the loosest tolerance here.
        assertThat(death).as("sudden death").isNotNull().isCloseTo(half, within(Math.max(1e-8, 100 * rtol)));
    }
}
