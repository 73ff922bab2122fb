package org.qbattery.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qbattery.analysis.SelfDischarge;
import org.qbattery.analysis.Sweep;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.plot.Figure;

/** The sweep's curves figure draws only what the runs computed, and says what it left out. */
class SweepCurvesFigureTest {
    private static List<Sweep.Merits> merits(boolean spectral, String state, double... couplings) {
        List<Sweep.Merits> m = new ArrayList<>();
        for (double j : couplings) {
            Battery b = Battery.builder(Graph.chain(2)).coupling(j).build();
            m.add(Sweep.Merits.of(SelfDischarge.of(b).state(state).grid(1, 0.1).spectral(spectral).run(), true));
        }
        return m;
    }

    private static List<String> titles(Figure f) {
        return f.panels().stream().map(Figure.Panel::title).toList();
    }

    private static final List<Map<String, String>> POINTS = List.of(Map.of("coupling", "0"), Map.of("coupling", "2"));

    @Test
    void allThreePanelsWhenEverythingWasComputed() {
        Figure f = SweepReport.curvesFigure("c", POINTS, merits(true, "quantum", 0, 2));
        assertThat(titles(f)).containsExactly("ergotropy", "energy", "efficiency");
        for (Figure.Panel p : f.panels()) {
            assertThat(p.series()).hasSize(2);
            p.series().forEach(s -> assertThat(java.util.Arrays.stream(s.y()).allMatch(Double::isFinite)).isTrue());
        }
        assertThat(f.caption()).doesNotContain("Not computed").doesNotContain("Not drawn");
    }

    /** Without the spectrum E and ε are NaN: their panels go (XChart cannot scale an axis on NaN), the caption names the points. */
    @Test
    void withoutTheSpectrumOnlyTheEnergyIsDrawn() {
        Figure f = SweepReport.curvesFigure("c", POINTS, merits(false, "quantum", 0, 2));
        assertThat(titles(f)).containsExactly("energy");
        assertThat(f.panels().get(0).series()).hasSize(2);
        assertThat(f.caption()).contains("Not computed (--no-spectral), so neither E(t)/E(0) nor ε(t) drawn: coupling=0; coupling=2.");
    }

    /** The ground state has neither energy nor ergotropy to lose: no normalised curve; ε (0 throughout) remains. */
    @Test
    void pointsStartingEmptyAreNamedAndTheirPanelsLeftOut() {
        Figure f = SweepReport.curvesFigure("c", POINTS, merits(true, "dicke:0", 0, 2));
        assertThat(titles(f)).containsExactly("efficiency");
        assertThat(f.caption()).contains("Not drawn, the point starting at zero: E(t)/E(0) at coupling=0; U(t)/U(0) at coupling=0;");
        Figure neither = SweepReport.curvesFigure("c", POINTS, merits(false, "dicke:0", 0, 2));
        assertThat(titles(neither)).containsExactly("energy"); // nothing to draw at all: one empty panel under the caption
        assertThat(neither.panels().get(0).series()).isEmpty();
    }
}
