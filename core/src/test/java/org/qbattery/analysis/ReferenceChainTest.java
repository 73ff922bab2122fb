package org.qbattery.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qbattery.TestSupport;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;

/**
 * The open chain N = 1…5 (J = 2, Γ_icl = 0.5) against ../shared/reference/fig3 (QuTiP mesolve,
 * atol 1e-10, rtol 1e-8): energies to 1e-6; concurrence to 1e-5, where reference values below 1e-5
 * count as zero (its noise near product states, physics.md §8).
 */
class ReferenceChainTest {
    static Stream<Arguments> cases() {
        List<Arguments> a = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            a.add(Arguments.of(n, "cl"));
            a.add(Arguments.of(n, "qu"));
        }
        return a.stream();
    }

    @ParameterizedTest(name = "N = {0}, {1}")
    @MethodSource("cases")
    void matchesQutipReference(int n, String state) throws IOException {
        List<double[]> ref = new ArrayList<>();
        for (String line : Files.readAllLines(TestSupport.reference("fig3_linear_chain_vs_N.csv"))) {
            if (line.startsWith("#") || line.startsWith("N,")) {
                continue;
            }
            String[] f = line.split(",");
            if (Integer.parseInt(f[0]) == n && f[1].equals(state)) {
                double[] v = new double[f.length - 2];
                for (int k = 2; k < f.length; k++) {
                    v[k - 2] = Double.parseDouble(f[k]);
                }
                ref.add(v); // t,U,U/U0,E,E/E0,eps,eps/eps0,C_avg,C_l1
            }
        }
        assertThat(ref).hasSize(501);
        Battery b = Battery.builder(Graph.chain(n)).coupling(2).gammaIcl(0.5).build();
        DischargeResult r = SelfDischarge.of(b).state(state.equals("cl") ? "classical" : "quantum").grid(5, 0.01).run();
        double[] u = r.energy(), e = r.ergotropy(), eps = r.efficiency(), c = r.concurrence(), l1 = r.coherence();
        for (int k = 0; k < 501; k++) {
            double[] q = ref.get(k);
            assertThat(r.times()[k]).isCloseTo(q[0], org.assertj.core.api.Assertions.within(1e-12));
            assertThat(Math.abs(u[k] - q[1])).as("U at t=%s", q[0]).isLessThan(1e-6);
            assertThat(Math.abs(e[k] - q[3])).as("E at t=%s", q[0]).isLessThan(1e-6);
            assertThat(Math.abs(eps[k] - q[5])).as("eps at t=%s", q[0]).isLessThan(1e-6 / Math.max(1e-2, q[1]));
            assertThat(Math.abs(l1[k] - q[8])).as("l1 at t=%s", q[0]).isLessThan(1e-6);
            double cref = q[7] < 1e-5 ? 0 : q[7];
            double cours = c[k] < 1e-5 ? 0 : c[k];
            assertThat(Math.abs(cours - cref)).as("C at t=%s", q[0]).isLessThan(1e-5);
        }
    }
}
