package org.qbattery.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qbattery.TestSupport;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.Variant;

/**
 * One cell against ../shared/reference/fig2_single_cell.csv: model "A" is the stated master
 * equation, model "P" the rates that reproduce the paper's printed numbers (our as-printed variant).
 * QuTiP's tolerance (rtol 1e-8) bounds the agreement at ~1e-7; we ask 1e-6.
 */
class ReferenceSingleCellTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"A,full,charged", "A,cl,classical", "A,qu,quantum", "P,full,charged", "P,cl,classical", "P,qu,quantum"})
    void matchesReference(String model, String col, String state) throws IOException {
        List<String> lines = Files.readAllLines(TestSupport.reference("fig2_single_cell.csv")).stream()
                .filter(l -> !l.startsWith("#")).toList();
        List<String> head = Arrays.asList(lines.get(0).split(","));
        int ce = head.indexOf(model + "_" + col + "_E"), cu = head.indexOf(model + "_" + col + "_U"), cp = head.indexOf(model + "_" + col + "_eps");
        assertThat(ce).isPositive();
        Battery b = Battery.builder(Graph.empty(1)).variant(model.equals("A") ? Variant.STATED : Variant.AS_PRINTED).build();
        DischargeResult r = SelfDischarge.of(b).state(state).grid(5, 0.01).run();
        assertThat(lines).hasSize(1 + r.times().length);
        for (int k = 0; k < r.times().length; k++) {
            String[] f = lines.get(k + 1).split(",");
            assertThat(Double.parseDouble(f[0])).isCloseTo(r.times()[k], org.assertj.core.api.Assertions.within(1e-12));
            assertThat(Math.abs(r.ergotropy()[k] - Double.parseDouble(f[ce]))).as("E t=%s", f[0]).isLessThan(1e-6);
            assertThat(Math.abs(r.energy()[k] - Double.parseDouble(f[cu]))).as("U t=%s", f[0]).isLessThan(1e-6);
            double u = Double.parseDouble(f[cu]);
            assertThat(Math.abs(r.efficiency()[k] - Double.parseDouble(f[cp]))).as("eps t=%s", f[0]).isLessThan(1e-6 / Math.max(u, 1e-2));
        }
    }

    /** The vendored copy in src/test/resources must equal ../shared/reference when that is present. */
    @Test
    void vendoredReferenceIsCurrent() throws IOException {
        for (String name : new String[] {"fig2_single_cell.csv", "fig3_linear_chain_vs_N.csv"}) {
            Path shared = TestSupport.reference(name);
            Assumptions.assumeFalse(shared.toString().contains("test-classes"), "../shared not beside the repository");
            Path vendored = Path.of("src/test/resources/reference", name);
            assertThat(Files.readAllBytes(vendored)).as(name + " vendored copy is stale").isEqualTo(Files.readAllBytes(shared));
        }
    }
}
