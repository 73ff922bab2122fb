package org.qbattery.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.Variant;

/**
 * One cell, stated master equation (physics.md §5): ρee(t) = ρee(0)e^{−Γt}, ρeg(t) = ρeg(0)e^{−Γt/2},
 * E = ω(z + |r|)/2. Every sample to 1e-9, every characteristic time to 1e-8.
 */
class SingleCellClosedFormTest {
    /** state, ρee(0), |ρeg(0)|, half-life, sudden death (NaN = never). */
    static Stream<Arguments> states() {
        return Stream.of(
                Arguments.of("charged", 1.0, 0.0, Math.log(4.0 / 3), Math.log(2)),
                Arguments.of("classical", 0.75, 0.0, Math.log(6.0 / 5), Math.log(1.5)),
                Arguments.of("quantum", 0.5, 0.5, Math.log(8.0 / 5), Double.NaN));
    }

    static double closedFormE(double pe0, double c0, double gamma, double t) {
        double pe = pe0 * Math.exp(-gamma * t);
        double z = 2 * pe - 1;
        double x = 2 * c0 * Math.exp(-gamma * t / 2);
        return (z + Math.sqrt(x * x + z * z)) / 2;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void samplesMatchClosedForm(String state, double pe0, double c0, double halfLife, double death) {
        double omega = 2.5, gamma = 1.3;
        Battery b = Battery.builder(Graph.empty(1)).omega(omega).gamma(gamma).build();
        DischargeResult r = SelfDischarge.of(b).state(state).grid(5, 0.01).run();
        double[] e = r.ergotropy(), u = r.energy(), eps = r.efficiency();
        for (int k = 0; k < r.times().length; k++) {
            double t = r.times()[k];
            // energies are reported in units of ω, whatever ω is
            double ue = pe0 * Math.exp(-gamma * t);
            double ee = closedFormE(pe0, c0, gamma, t);
            assertThat(u[k]).as("U(%s)", t).isCloseTo(ue, within(1e-9));
            assertThat(e[k]).as("E(%s)", t).isCloseTo(ee, within(1e-9));
            assertThat(eps[k]).as("eps(%s)", t).isCloseTo(ee / ue, within(1e-9 / Math.max(ue, 1e-3)));
        }
        DischargeAnalysis a = r.analysis();
        assertThat(a.ergotropyHalfLife()).isCloseTo(halfLife / gamma, within(1e-8));
        assertThat(a.energyHalfLife()).isCloseTo(Math.log(2) / gamma, within(1e-8));
        if (Double.isNaN(death)) {
            assertThat(a.ergotropySuddenDeath()).isNull();
        } else {
            assertThat(a.ergotropySuddenDeath()).isCloseTo(death / gamma, within(1e-8));
        }
    }

    @Test
    void quantumOverClassicalHalfLifeRatio() {
        Battery b = Battery.builder(Graph.empty(1)).build();
        double q = SelfDischarge.of(b).state("quantum").grid(2, 0.05).run().analysis().ergotropyHalfLife();
        double c = SelfDischarge.of(b).state("classical").grid(2, 0.05).run().analysis().ergotropyHalfLife();
        assertThat(q / c).isCloseTo(Math.log(1.6) / Math.log(1.2), within(1e-7)); // 2.578, not the paper's 1.77
    }

    /** The as-printed variant reproduces the paper's printed numbers (physics.md §6). */
    @Test
    void asPrintedVariantReproducesPrintedHalfLives() {
        Battery b = Battery.builder(Graph.empty(1)).variant(Variant.AS_PRINTED).build();
        DischargeAnalysis cl = SelfDischarge.of(b).state("classical").grid(3, 0.01).run().analysis();
        DischargeAnalysis qu = SelfDischarge.of(b).state("quantum").grid(3, 0.01).run().analysis();
        DischargeAnalysis full = SelfDischarge.of(b).state("charged").grid(3, 0.01).run().analysis();
        assertThat(cl.ergotropyHalfLife()).isCloseTo(2 * Math.log(6.0 / 5), within(1e-8));
        assertThat(qu.ergotropyHalfLife()).isCloseTo(2 * Math.log(2 * (1 + Math.sqrt(6)) / 5), within(1e-8));
        assertThat(full.ergotropySuddenDeath()).isCloseTo(2 * Math.log(2), within(1e-8));
        assertThat(cl.ergotropySuddenDeath()).isCloseTo(2 * Math.log(1.5), within(1e-8));
    }

    @Test
    void outputGridIncludesTMaxAndFollowsDt() {
        double[] t = new TimeGrid(1.0, 0.3).times();
        // k·dt in decimal (0.9, not 3 × 0.3 = 0.8999999999999999), then t-max.
        assertThat(t).containsExactly(0, 0.3, 0.6, 0.9, 1.0);
        assertThat(new TimeGrid(5, 0.01).times()).hasSize(501);
        // Each time is the double nearest to the decimal k·dt (BigDecimal's conversion is correctly
        // rounded), so the CSV shows 0.35 where k·dt in doubles gives 0.35000000000000003.
        for (String dt : new String[] {"0.01", "0.05", "0.1", "0.3", "0.25", "0.001", "2.5e-4"}) {
            double[] g = new TimeGrid(5, Double.parseDouble(dt)).times();
            for (int k = 0; k < g.length - 1; k++) {
                double decimal = new java.math.BigDecimal(dt).multiply(java.math.BigDecimal.valueOf(k)).doubleValue();
                assertThat(g[k]).as("dt %s, k %d", dt, k).isEqualTo(decimal);
            }
        }
        // A dt without a short decimal form keeps k·dt.
        double third = 1.0 / 3;
        assertThat(new TimeGrid(1, third).times()).containsExactly(0, third, 2 * third, 1.0);
    }

    /**
     * Times to a fraction f of the start, charged cell: U = e^{−Γt} gives ln(1/f)/Γ; E = 2e^{−Γt} − 1
     * (while positive) gives ln(2/(1 + f))/Γ. To 1e-8 like every characteristic time; f = 1/2 is the
     * half-life to the last bit (the same event function); beyond t_max, null.
     */
    @ParameterizedTest(name = "gamma {0}")
    @org.junit.jupiter.params.provider.ValueSource(doubles = {0.5, 1, 2})
    void fractionTimesMatchClosedForm(double gamma) {
        Battery b = Battery.builder(Graph.empty(1)).gamma(gamma).build();
        double[] f = {0.9, 0.5, 0.1, 0.01, 1e-3};
        DischargeAnalysis a = SelfDischarge.of(b).state("charged").grid(5, 0.1).fractions(f).run().analysis();
        assertThat(a.ergotropyFractions().keySet()).containsExactly(1e-3, 0.01, 0.1, 0.5, 0.9);
        for (double x : f) {
            double tU = Math.log(1 / x) / gamma, tE = Math.log(2 / (1 + x)) / gamma;
            if (tU <= 5) {
                assertThat(a.energyFractions().get(x)).as("U to %s", x).isCloseTo(tU, within(1e-8));
            } else {
                assertThat(a.energyFractions().get(x)).as("U to %s, beyond t_max", x).isNull();
            }
            assertThat(a.ergotropyFractions().get(x)).as("E to %s", x).isCloseTo(tE, within(1e-8));
        }
        assertThat(a.ergotropyFractions().get(0.5)).isEqualTo(a.ergotropyHalfLife());
        assertThat(a.energyFractions().get(0.5)).isEqualTo(a.energyHalfLife());
    }
}
