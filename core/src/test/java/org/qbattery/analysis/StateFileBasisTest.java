package org.qbattery.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;

/**
 * The basis of {@code --state file:PATH}, as documented: index i has bit n set when cell n is
 * excited. Three cells, one edge 0–1 (cell 2 alone), one excitation placed by the file. On the
 * edge the amplitudes evolve under h = J σx − (i/2)(Γ + Γ_icl σx), whose σx = ±1 modes decay at
 * Γ ± Γ_icl, so U(t) = ½(e^{−(Γ+Γ_icl)t} + e^{−(Γ−Γ_icl)t}) = e^{−Γt} cosh(Γ_icl t) for either end of
 * the edge, independent of J; on the lone cell U(t) = e^{−Γt}. A file read in another cell order
 * (cell 0 the most significant bit) would swap the two answers.
 */
class StateFileBasisTest {
    @ParameterizedTest(name = "index {0}: cell {1} excited")
    @CsvSource({"1, 0", "2, 1", "4, 2"})
    void oneExcitationSitsOnTheCellItsBitNames(int index, int cell, @TempDir Path dir) throws Exception {
        double gamma = 1.0, gammaIcl = 0.5;
        StringBuilder file = new StringBuilder("# |" + index + "><" + index + "|\n");
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                file.append(i == index && j == index ? "1 0 " : "0 0 ");
            }
            file.append('\n');
        }
        Path f = dir.resolve("rho.txt");
        Files.writeString(f, file);
        Battery b = Battery.builder(Graph.fromEdges(3, "0-1")).gamma(gamma).coupling(1.3).gammaIcl(gammaIcl).build();
        DischargeResult r = SelfDischarge.of(b).state("file:" + f).grid(2, 0.25).run();
        double[] t = r.times(), u = r.energy();
        for (int k = 0; k < t.length; k++) {
            double expected = Math.exp(-gamma * t[k]) * (cell == 2 ? 1 : Math.cosh(gammaIcl * t[k]));
            // rtol 1e-10 of the integrator on numbers <= 1: 1e-9 leaves a decade.
            assertThat(u[k]).as("U(%s)", t[k]).isCloseTo(expected, within(1e-9));
        }
    }
}
