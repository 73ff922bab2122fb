package org.qbattery.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qbattery.analysis.SelfDischarge;
import org.qbattery.kernel.DormandPrince853;
import org.qbattery.kernel.HermitianEigenvalues;
import org.qbattery.kernel.Tolerances;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.InitialState;

/** Block spectra from graph symmetries equal the full spectrum along real trajectories. */
class CyclicSymmetryTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("linear", 5, "quantum", 2), Arguments.of("linear", 6, "bloch:1.0,0.4", 2),
                Arguments.of("circular", 5, "quantum", 5), Arguments.of("circular", 6, "ghz", 6),
                Arguments.of("central", 5, "quantum", 4), Arguments.of("symmetric", 4, "w", 4),
                Arguments.of("linear", 9, "quantum", 2)); // blocks of 272 and 240: native zheevd, called from two threads
    }

    @ParameterizedTest(name = "{0} N={1} {2}")
    @MethodSource("cases")
    void blockSpectrumEqualsFullSpectrum(String graph, int n, String state, int order) {
        Battery b = Battery.builder(Graph.named(graph, n, null)).coupling(2).gammaIcl(0.3).dephasing(0.1).build();
        double[] rho = InitialState.parse(state, n);
        CyclicSymmetry sym = SelfDischarge.symmetryOf(b, rho);
        assertThat(sym).isNotNull();
        assertThat(sym.order()).isEqualTo(order);
        assertThat(java.util.Arrays.stream(sym.blockSizes()).sum()).isEqualTo(1 << n);
        new DormandPrince853(Tolerances.DEFAULT).integrate(b.generator(), 0, rho, 0.7, null);
        assertThat(sym.leavesInvariant(rho, 1e-12)).isTrue();
        double[] full = HermitianEigenvalues.of(rho, 1 << n);
        double[] blocks = sym.spectrum(rho);
        for (int k = 0; k < full.length; k++) {
            assertThat(blocks[k]).isCloseTo(full[k], within(1e-12));
        }
        // The same with the blocks spread over the cores, as from N = 11 on.
        int before = CyclicSymmetry.parallelDim;
        try {
            CyclicSymmetry.parallelDim = 1;
            assertThat(sym.spectrum(rho)).containsExactly(blocks);
        } finally {
            CyclicSymmetry.parallelDim = before;
        }
    }

    /** One pair per orbit gives the same mean and largest signed concurrence as every edge. */
    @ParameterizedTest(name = "{0} N={1} {2}")
    @MethodSource("cases")
    void pairOrbitsGiveTheSameConcurrence(String graph, int n, String state, int order) {
        Battery b = Battery.builder(Graph.named(graph, n, null)).coupling(2).gammaIcl(0.3).build();
        double[] rho = InitialState.parse(state, n);
        CyclicSymmetry sym = SelfDischarge.symmetryOf(b, rho);
        new DormandPrince853(Tolerances.DEFAULT).integrate(b.generator(), 0, rho, 3.3, null);
        int[][] edges = SelfDischarge.pairs(b.graph());
        CyclicSymmetry.PairOrbits orbits = sym.pairOrbits(edges);
        assertThat(java.util.Arrays.stream(orbits.sizes()).sum()).isEqualTo(edges.length);
        double[] all = Concurrence.edgeStatistics(rho, n, edges);
        double[] reduced = Concurrence.edgeStatistics(rho, n, orbits.representatives(), orbits.sizes());
        assertThat(reduced[0]).isCloseTo(all[0], within(1e-12));
        assertThat(reduced[1]).isCloseTo(all[1], within(1e-12));
    }

    @ParameterizedTest(name = "{0} N={1} {2}")
    @MethodSource("cases")
    void asymmetricStatesGetNoSymmetry(String graph, int n, String state, int order) {
        Battery b = Battery.builder(Graph.named(graph, n, null)).coupling(2).build();
        double[] rho = InitialState.product(n, new double[] {0.3, 0, 0, 0, 0, 0, 0.7, 0});
        // break the symmetry: excite cell 1 only
        double[] psi = new double[2 << n];
        psi[2 * 2] = 1;
        rho = InitialState.pure(psi, 1 << n);
        CyclicSymmetry sym = SelfDischarge.symmetryOf(b, rho);
        if (sym != null) {
            assertThat(sym.leavesInvariant(rho, 1e-14)).isTrue();
        }
    }
}
