package org.qbattery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Eigenvalues of G = Γ·I + Γ_icl·A at N = 5, Γ = 1, Γ_icl = 0.5 (physics.md §2), derived from the graph spectra. */
class DecayMatrixTest {
    static Stream<Arguments> geometries() {
        double c36 = Math.cos(Math.PI / 6);
        double c72 = Math.cos(2 * Math.PI / 5), c144 = Math.cos(4 * Math.PI / 5);
        return Stream.of(
                // star K_{1,4}: adjacency spectrum {−2, 0, 0, 0, 2}
                Arguments.of(Graph.star(5), new double[] {0, 1, 1, 1, 2}),
                // path P5: 2cos(kπ/6), k = 1..5
                Arguments.of(Graph.chain(5), new double[] {1 - c36, 0.5, 1, 1.5, 1 + c36}),
                // cycle C5: 2cos(2πk/5)
                Arguments.of(Graph.ring(5), new double[] {1 + c144, 1 + c144, 1 + c72, 1 + c72, 2}),
                // complete K5: {−1 ×4, 4}
                Arguments.of(Graph.complete(5), new double[] {0.5, 0.5, 0.5, 0.5, 3}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("geometries")
    void eigenvaluesMatchGraphSpectra(Graph g, double[] want) {
        double[] got = new DecayMatrix(g, 1, 0.5).eigenvalues();
        for (int k = 0; k < want.length; k++) {
            assertThat(got[k]).isCloseTo(want[k], within(1e-12));
        }
    }

    @Test
    void starAtFiveSitsOnTheBoundaryWithOneDarkMode() {
        DecayMatrix g = new DecayMatrix(Graph.star(5), 1, 0.5);
        assertThat(g.isPositiveSemidefinite()).isTrue();
        assertThat(g.darkModes()).isEqualTo(1);
        assertThat(g.maxValidGammaIcl()).isCloseTo(0.5, within(1e-12));
    }

    @ParameterizedTest(name = "star N = {0}")
    @ValueSource(ints = {6, 7, 9})
    void starBeyondFiveIsRefusedWithLambdaMinAndLimit(int n) {
        // λmin(A) of the star K_{1,n−1} is −√(n−1): valid iff Γ_icl ≤ Γ/√(n−1).
        assertThatThrownBy(() -> Battery.builder(Graph.star(n)).gammaIcl(0.5).coupling(2).build())
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("lambda_min = " + String.format(java.util.Locale.ROOT, "%.6g", 1 - 0.5 * Math.sqrt(n - 1)))
                .hasMessageContaining(String.format(java.util.Locale.ROOT, "%.6g", 1 / Math.sqrt(n - 1)));
        assertThat(new DecayMatrix(Graph.star(n), 1, 0.5).lambdaMin()).isCloseTo(1 - 0.5 * Math.sqrt(n - 1), within(1e-12));
    }

    @Test
    void starAtSixHasLambdaMinFromPhysicsNotes() {
        assertThat(new DecayMatrix(Graph.star(6), 1, 0.5).lambdaMin()).isCloseTo(-0.118, within(5e-4));
    }

    @ParameterizedTest(name = "ring N = {0}")
    @ValueSource(ints = {4, 6, 8})
    void evenRingsSitOnTheBoundaryAtGammaIclOneHalf(int n) {
        // C_n with n even has adjacency eigenvalue −2.
        DecayMatrix g = new DecayMatrix(Graph.ring(n), 1, 0.5);
        assertThat(g.lambdaMin()).isCloseTo(0, within(1e-12));
        assertThat(g.isPositiveSemidefinite()).isTrue();
    }
    /**
     * Per-cell rates: at the reported bound G = diag(Γ_n) + Γ_icl·A is singular (λmin = 0 to rounding)
     * and a hair above it indefinite, on random (weighted) graphs and rates; for equal rates the bound
     * is Γ/(−λmin(A)); a cell without local decay on an edge allows no leakage.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void perCellRatesMoveTheBoundWhereGBecomesSingular(int seed) {
        java.util.Random rnd = new java.util.Random(300 + seed);
        int n = 2 + seed % 5;
        StringBuilder edges = new StringBuilder("0-1");
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if ((a != 0 || b != 1) && rnd.nextBoolean()) {
                    edges.append(',').append(a).append('-').append(b).append(seed % 2 == 0 ? "" : ":" + (0.3 + rnd.nextDouble()));
                }
            }
        }
        Graph g = Graph.fromEdges(n, edges.toString());
        double[] rates = new double[n];
        for (int k = 0; k < n; k++) {
            rates[k] = 0.2 + 2 * rnd.nextDouble();
        }
        double max = new DecayMatrix(g, rates, 0).maxValidGammaIcl();
        assertThat(max).isPositive().isFinite();
        DecayMatrix at = new DecayMatrix(g, rates, max), above = new DecayMatrix(g, rates, max * (1 + 1e-6));
        assertThat(at.lambdaMin()).isCloseTo(0, within(1e-12));
        assertThat(at.isPositiveSemidefinite()).isTrue();
        assertThat(above.isPositiveSemidefinite()).isFalse();
        double[] equal = new double[n];
        java.util.Arrays.fill(equal, rates[0]);
        double lambdaMinA = DecayMatrix.symmetricEigenvalues(g.adjacency())[0];
        assertThat(new DecayMatrix(g, equal, 0).maxValidGammaIcl()).isCloseTo(rates[0] / -lambdaMinA, within(1e-12));
        rates[1] = 0; // cell 1 sits on the edge 0-1
        assertThat(new DecayMatrix(g, rates, 0).maxValidGammaIcl()).isZero();
    }
    /** The builder takes one rate for all or one per cell, not both (one would silently replace the other). */
    @Test
    void oneRateOrARatePerCellNotBoth() {
        assertThatThrownBy(() -> Battery.builder(Graph.chain(2)).gamma(2).localRates(1, 3).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("not both");
        assertThat(Battery.builder(Graph.chain(2)).localRates(1, 3).build().localRates()).containsExactly(1, 3);
        Battery equal = Battery.builder(Graph.chain(2)).localRates(2, 2).build();
        assertThat(equal.uniformRates()).isTrue();
        assertThat(equal.gamma()).isEqualTo(2.0);
    }
}
