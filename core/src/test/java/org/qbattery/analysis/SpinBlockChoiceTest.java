package org.qbattery.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.InitialState;

/** Runs use the total-spin blocks exactly where their group is every permutation of a set of cells. */
class SpinBlockChoiceTest {
    @ParameterizedTest(name = "{0}, N = {1}, {2}")
    @CsvSource(delimiter = '|', value = {"symmetric | 5 | quantum | 0 1 2 3 4", "central | 5 | quantum | 1 2 3 4",
        "central | 6 | ghz | 1 2 3 4 5", "circular | 3 | quantum | 0 1 2", "circular | 5 | quantum | none",
        "linear | 5 | quantum | none", "symmetric | 4 | bloch:1.2,0.4 | 0 1 2 3"})
    void completeGraphAndStarLeaves(String graph, int n, String state, String cells) {
        double gammaIcl = graph.equals("central") ? 0.05 : 0.5;
        Battery b = Battery.builder(Graph.named(graph, n, null)).coupling(2).gammaIcl(gammaIcl).build();
        double[] rho0 = InitialState.parse(state, n);
        int[] found = org.qbattery.kernel.SymmetricLindbladKernel.fullyPermuted(SelfDischarge.kernelGenerators(b, rho0, SelfDischarge.symmetryOf(b, rho0)));
        if (cells.equals("none")) {
            assertThat(found).isNull();
        } else {
            assertThat(found).containsExactly(java.util.Arrays.stream(cells.split(" ")).mapToInt(Integer::parseInt).toArray());
        }
    }

    /** The ring's reflection inverts its rotation; the chain has no second generator. */
    @ParameterizedTest(name = "{0}, N = {1}")
    @CsvSource({"circular, 5, true", "circular, 6, true", "linear, 6, false", "circular, 4, true"})
    void reflectionInvertsTheRotation(String graph, int n, boolean expected) {
        Battery b = Battery.builder(Graph.named(graph, n, null)).coupling(2).gammaIcl(0.5).build();
        double[] rho0 = InitialState.quantum(n);
        int[][] gens = SelfDischarge.kernelGenerators(b, rho0, SelfDischarge.symmetryOf(b, rho0));
        assertThat(SelfDischarge.invertsTheCycle(gens)).isEqualTo(expected);
    }

    /**
     * Where the spectra come from the packed form (complete graph, star), samples are unpacked only
     * where the other measures read: every output and event time is bit-identical to a run that
     * unpacks whole samples, with recycled (stale) sample buffers, worker threads from 7 cells on,
     * states with and without coherence between sectors, and events located by re-integration;
     * without the spectra (where the sudden-death event reads ρ's sector blocks) samples are whole.
     */
    @ParameterizedTest(name = "{0}, N = {1}, {2}")
    @CsvSource({"symmetric, 6, quantum, true", "central, 7, quantum, true", "symmetric, 8, classical, true",
        "central, 8, dicke:3, true", "symmetric, 7, ghz, true", "central, 7, classical, false"})
    void partialUnpackingChangesNothing(String graph, int n, String state, boolean spectral) {
        Battery b = Battery.builder(Graph.named(graph, n, null)).coupling(2).gammaIcl(0.05).dephasing(0.1).build();
        DischargeResult near = SelfDischarge.of(b).state(state).representation("register").spectral(spectral).grid(1.5, 0.05).run();
        DischargeResult whole;
        try {
            SelfDischarge.unpackOnlyWhatIsRead = false;
            whole = SelfDischarge.of(b).state(state).representation("register").spectral(spectral).grid(1.5, 0.05).run();
        } finally {
            SelfDischarge.unpackOnlyWhatIsRead = true;
        }
        // Bit for bit, NaN columns (measures switched off) included.
        assertThat(near.series()).hasSameDimensionsAs(whole.series());
        for (int k = 0; k < near.series().length; k++) {
            assertThat(java.util.Arrays.equals(near.series()[k], whole.series()[k])).as("row %d", k).isTrue();
        }
        assertThat(near.analysis()).isEqualTo(whole.analysis());
        assertThat(near.series()[near.series().length - 1][0]).as("energy at the end").isGreaterThan(0);
    }
}
