package org.qbattery.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.InvalidParameterException;

class SweepTest {
    @Test
    void axesReadRangesIntegerRangesAndLists() {
        assertThat(Sweep.Axis.parse("gamma-icl=0:0.5:6").values()).containsExactly("0", "0.1", "0.2", "0.3", "0.4", "0.5");
        assertThat(Sweep.Axis.parse("Coupling = -1:1:3").parameter()).isEqualTo("coupling");
        assertThat(Sweep.Axis.parse("coupling=-1:1:3").values()).containsExactly("-1", "0", "1");
        assertThat(Sweep.Axis.parse("cells=2..5").values()).containsExactly("2", "3", "4", "5");
        assertThat(Sweep.Axis.parse("graph=star, chain,ring").values()).containsExactly("star", "chain", "ring");
        assertThat(Sweep.Axis.parse("state=bloch:1,2").values()).containsExactly("bloch:1", "2"); // a list: commas split
        assertThat(Sweep.Axis.parse("state=bloch:1,2;bloch:0.5,0; quantum").values()).containsExactly("bloch:1,2", "bloch:0.5,0", "quantum");
        // Edge lists split at ';' only: one list with commas is one graph, not one graph per edge.
        assertThat(Sweep.Axis.parse("edges=0-1,1-2").values()).containsExactly("0-1,1-2");
        assertThat(Sweep.Axis.parse("edges=0-1;0-1,1-2, 2-0").values()).containsExactly("0-1", "0-1,1-2, 2-0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gamma", "=1,2", "gamma=", "gamma=0:1:1", "gamma=0:x:3", "gamma=0:1:2.5", "cells=5..2",
        "gamma=1,,2", "gamma=1,2,", "state=a;;b", "gamma=0:1:20000", "edges=0-1;", "gamma=0:1:", "gamma=::",
        "gamma=:1:3", "gamma=0::3", "gamma=0:1:3:", "gamma=0:1:3:4", "cells=99999999999999999999..1",
        "cells=1..99999999999999999999"})
    void malformedAxesAreRefusedNamingVary(String spec) {
        assertThatThrownBy(() -> Sweep.Axis.parse(spec)).isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("vary"));
    }

    /** Integer ranges at the edge of int: each value once (an int loop counter wrapped round here and never ended). */
    @Test
    void integerRangesReachTheEdgeOfIntWithoutWrapping() {
        assertThat(Sweep.Axis.parse("cells=2147483646..2147483647").values()).containsExactly("2147483646", "2147483647");
        assertThat(Sweep.Axis.parse("cells=-2147483648..-2147483647").values()).containsExactly("-2147483648", "-2147483647");
        assertThat(Sweep.Axis.parse("cells=99999999999..99999999999").values()).containsExactly("99999999999");
    }

    /** Runs at once: the most whose largest needs fit together, at least one, at most as many as runs. */
    @Test
    void runsAtOnceAddTheLargestNeeds() {
        long[] needs = {5, 1, 3};
        assertThat(Sweep.runsAtOnce(needs, 2, 8)).isEqualTo(2); // 5 + 3 fit exactly
        assertThat(Sweep.runsAtOnce(needs, 2, 7)).isEqualTo(1);
        assertThat(Sweep.runsAtOnce(needs, 3, 8)).isEqualTo(2); // 5 + 3 + 1 do not
        assertThat(Sweep.runsAtOnce(needs, 5, 100)).isEqualTo(3);
        assertThat(Sweep.runsAtOnce(needs, 2, 1)).isEqualTo(1); // a run alone is checked on its own
        assertThat(Sweep.largestTogether(needs, 2)).isEqualTo(8);
    }

    @Test
    void pointsAreTheProductWithTheFirstAxisOutermost() {
        List<Map<String, String>> p = Sweep.points(List.of(Sweep.Axis.parse("cells=1..2"), Sweep.Axis.parse("graph=a,b,c")));
        assertThat(p).hasSize(6);
        assertThat(p.get(0)).containsExactly(Map.entry("cells", "1"), Map.entry("graph", "a"));
        assertThat(p.get(2)).containsEntry("cells", "1").containsEntry("graph", "c");
        assertThat(p.get(3)).containsEntry("cells", "2").containsEntry("graph", "a");
        assertThatThrownBy(() -> Sweep.points(List.of(Sweep.Axis.parse("cells=1..2"), Sweep.Axis.parse("cells=3..4"))))
                .hasMessageContaining("varied twice");
        assertThatThrownBy(() -> Sweep.points(List.of(Sweep.Axis.parse("gamma=0:1:200"), Sweep.Axis.parse("coupling=0:1:200"))))
                .hasMessageContaining("40000 points");
        assertThatThrownBy(() -> Sweep.points(List.of())).hasMessageContaining("1 to 3");
    }

    /**
     * Uncoupled charged cells (physics.md §5, N cells = N × one): U(0) = E(0) = N, the energy half-life
     * ln2/Γ, the ergotropy's ln(4/3)/Γ and its sudden death ln2/Γ, whatever N; each run's merits land
     * in its own row although the runs finish out of order on several workers.
     */
    @Test
    void meritsOfUncoupledChargedCellsFollowTheSingleCell() {
        List<SelfDischarge> runs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        double[] gammas = {0.5, 1, 2};
        int[] cells = {1, 2, 3, 4};
        for (double g : gammas) {
            for (int n : cells) {
                Battery b = Battery.builder(Graph.empty(n)).gamma(g).build();
                runs.add(SelfDischarge.of(b).state("charged").grid(4, 0.05));
                labels.add("gamma=" + g + ", cells=" + n);
            }
        }
        List<String> seen = new ArrayList<>();
        List<Sweep.Merits> m = Sweep.run(runs, labels, 2, false, (done, total, label) -> seen.add(label));
        assertThat(seen).hasSize(runs.size()).containsExactlyInAnyOrderElementsOf(labels);
        int i = 0;
        for (double g : gammas) {
            for (int n : cells) {
                Sweep.Merits r = m.get(i++);
                // Event times are roots located to 1e-12 in t on a flow integrated to rtol 1e-10: 1e-8 in t.
                assertThat(r.energyInitial()).isCloseTo(n, within(1e-12));
                assertThat(r.ergotropyInitial()).isCloseTo(n, within(1e-12));
                assertThat(r.energyHalfLife()).isCloseTo(Math.log(2) / g, within(1e-8));
                assertThat(r.ergotropyHalfLife()).isCloseTo(Math.log(4.0 / 3) / g, within(1e-8));
                assertThat(r.ergotropySuddenDeath()).isCloseTo(Math.log(2) / g, within(1e-8));
                assertThat(r.energyFinal()).isCloseTo(n * Math.exp(-4 * g), within(1e-9 * n));
                assertThat(r.ergotropyFinal()).isCloseTo(0, within(1e-9 * n));
                assertThat(r.entanglementDeath()).isNull();
                assertThat(r.dicke()).isEqualTo(n >= 2); // uncoupled cells go without the register from 2 cells on
                double[] v = r.values();
                assertThat(v).hasSize(Sweep.Merits.COLUMNS.size());
                assertThat(v[Sweep.Merits.COLUMNS.indexOf("entanglement_death")]).isNaN();
            }
        }
    }
}
