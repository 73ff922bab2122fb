package org.qbattery.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.qbattery.analysis.DischargeResult;
import org.qbattery.analysis.SelfDischarge;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.plot.Figure;

/** The figure of one run shows the run's own columns and its located times, and leaves out what was not computed. */
class RunFigureTest {
    private static Map<String, Figure.Series> byLabel(Figure.Panel p) {
        return p.series().stream().collect(Collectors.toMap(Figure.Series::label, Function.identity()));
    }

    @Test
    void curvesAreTheRunsColumnsAndTheEventsItsTimes() {
        Battery b = Battery.builder(Graph.chain(4)).coupling(2).gammaIcl(0.5).build();
        DischargeResult r = SelfDischarge.of(b).state("quantum").grid(3, 0.05).run();
        Figure f = RunFigure.of(r, "timeseries");
        assertThat(f.id()).isEqualTo("timeseries");
        assertThat(f.panels()).hasSize(2);
        Map<String, Figure.Series> left = byLabel(f.panels().get(0)), right = byLabel(f.panels().get(1));
        assertThat(left.get("energy U").y()).isEqualTo(r.column("energy"));
        assertThat(left.get("ergotropy E").y()).isEqualTo(r.column("ergotropy"));
        assertThat(left.get("incoherent ergotropy").y()).isEqualTo(r.column("ergotropy_incoherent"));
        assertThat(left.get("Σ one-cell ergotropies").y()).isEqualTo(r.column("ergotropy_local"));
        assertThat(right.get("efficiency ε = E/U").y()).isEqualTo(r.column("efficiency"));
        assertThat(right.get("l1-coherence").y()).isEqualTo(r.column("coherence"));
        assertThat(right.get("edge concurrence").y()).isEqualTo(r.column("concurrence"));
        for (Figure.Series s : List.of(left.get("energy U"), right.get("l1-coherence"))) {
            assertThat(s.x()).isEqualTo(r.times());
        }
        // Half-lives as vertical segments from 0 to the panel's top, their times in the legend.
        double tauE = r.analysis().ergotropyHalfLife(), tauU = r.analysis().energyHalfLife();
        Figure.Series e = left.values().stream().filter(s -> s.label().startsWith("E half-life")).findFirst().orElseThrow();
        Figure.Series u = left.values().stream().filter(s -> s.label().startsWith("U half-life")).findFirst().orElseThrow();
        assertThat(e.x()).containsExactly(tauE, tauE);
        assertThat(u.x()).containsExactly(tauU, tauU);
        assertThat(e.label()).isEqualTo(String.format(java.util.Locale.ROOT, "E half-life Γt = %.4f", tauE));
        assertThat(e.y()[1]).isEqualTo(r.column("energy")[0]); // U(0) = E(0) is the top here
        assertThat(left.keySet()).noneMatch(k -> k.startsWith("E sudden death")); // the quantum state: never
        assertThat(f.panels().get(1).verticalLines()).isEqualTo(r.analysis().entanglementCrossings()).isNotEmpty();
        assertThat(f.caption()).contains(b.describe()).doesNotContain("not computed");
    }

    @Test
    void measuresTheRunDidNotComputeAreLeftOutAndNamed() {
        Battery b = Battery.builder(Graph.star(4)).coupling(1).gammaIcl(0.5).build();
        DischargeResult r = SelfDischarge.of(b).state("w").grid(2, 0.05).spectral(false).run();
        Figure f = RunFigure.of(r, "timeseries");
        assertThat(byLabel(f.panels().get(0))).doesNotContainKey("ergotropy E").containsKey("energy U");
        assertThat(byLabel(f.panels().get(1))).doesNotContainKey("efficiency ε = E/U").containsKey("l1-coherence");
        assertThat(f.caption()).contains("not computed in this run: ergotropy E, efficiency ε = E/U");
        for (Figure.Panel p : f.panels()) {
            for (Figure.Series s : p.series()) {
                assertThat(java.util.Arrays.stream(s.y()).allMatch(Double::isFinite)).as(s.label()).isTrue();
            }
        }
    }
}
