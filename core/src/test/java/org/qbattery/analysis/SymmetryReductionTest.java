package org.qbattery.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qbattery.kernel.Tolerances;
import org.qbattery.measures.Observables;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;

/**
 * End to end, every symmetry reduction a run can take (orbits of the dihedral group on the ring,
 * the chain's reflection, every permutation of the star's leaves or of the complete graph's cells;
 * cyclic, reflection-paired and total-spin spectra; sector-split blocks; partial unpacking; the
 * measuring threads from 7 cells on; events located by re-integration; on the complete graph also the
 * Dicke blocks and count orbits without the register, events located on step ends) against the same run with
 * no symmetry looked for at all (excitation-sector blocks of ρ, spectra of the whole ρ): two
 * independent representations of one master equation must give the same measures and times.
 *
 * <p>Tolerances: both runs integrate to rtol 1e-12, atol 1e-14, so every element of ρ carries at
 * most ~(steps ≈ 50)·1e-12 ≈ 5e-11 of integration error; a measure that is Lipschitz in the trace
 * norm with constant ≤ N moves by ≤ N·D·5e-11 ≈ 4e-8 for D = 2^7 (entropy by a factor |ln δ| ≈ 25
 * more on eigenvalues that are zero in one run and δ in the other, but these sit at the round-off
 * floor), and the concurrence has a √ε_machine ≈ 1e-8 floor near product states: 1e-7 for values.
 * Event times move by |Δg| / |g'| with |g'| ≳ 0.1 at every crossing here: 1e-6.
 */
class SymmetryReductionTest {
    private static final Tolerances TIGHT = new Tolerances(1e-12, 1e-14);

    @ParameterizedTest(name = "{0}, N = {1}, {2}, Γ_icl {3}, dephasing {4}, nbar {5}, spectra {6}")
    @CsvSource({
        "central,   5, quantum,  0.5,  0,   0,   true",
        "central,   7, quantum,  0.05, 0.1, 0,   true",
        "central,   6, classical, 0.1, 0,   0.2, true",
        "central,   6, quantum,  0.1,  0,   0,   false",
        "symmetric, 6, quantum,  0.3,  0,   0,   true",
        "symmetric, 7, dicke:3,  0.2,  0.1, 0,   true",
        "symmetric, 5, ghz,      0.5,  0,   0.1, true",
        "symmetric, 5, classical, 0.3, 0,   0,   false",
        "central,   5, classical, 0.1, 0,   0,   false",
        "circular,  7, quantum,  0.5,  0,   0,   true",
        "circular,  6, classical, 0.5, 0.1, 0,   true",
        "linear,    7, quantum,  0.5,  0,   0,   true",
        "linear,    6, w,        0.5,  0,   0.1, true",
        "none,      6, quantum,  0,    0.2, 0.1, true",
        "none,      5, dicke:2,  0,    0,   0,   true"})
    void reducedRunEqualsUnreducedRun(String graph, int n, String state, double gammaIcl, double dephasing, double nbar,
                                      boolean spectral) {
        Battery b = Battery.builder(Graph.named(graph, n, null)).coupling(2).gammaIcl(gammaIcl).dephasing(dephasing).nbar(nbar).build();
        DischargeResult plain = unreduced(b, state, spectral);
        // On the complete graph and uncoupled cells the Dicke blocks (auto) and the register's orbits (register) both.
        for (String representation : graph.equals("symmetric") || graph.equals("none") ? List.of("auto", "register") : List.of("auto")) {
            DischargeResult reduced = SelfDischarge.of(b).state(state).spectral(spectral).tolerances(TIGHT).grid(3, 0.1)
                    .representation(representation).run();
            compare(reduced, plain, spectral);
        }
    }

    /**
     * Weighted graphs keep the symmetries that preserve their weights: a chain weighted mirror-wise
     * (reflection), a ring of equal weights (rotations and reflections), a star of equal weights
     * (leaf permutations, on the register's orbits since the Dicke generators take unit weights); a
     * chain whose weights are not mirror-symmetric has none, and is integrated on the sector blocks.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "6 | 0-1:2,1-2:0.5,2-3:-1,3-4:0.5,4-5:2 | quantum   | 0.2",
        "5 | 0-1:1.5,1-2:1.5,2-3:1.5,3-4:1.5,0-4:1.5 | classical | 0.3",
        "5 | 0-1:0.7,0-2:0.7,0-3:0.7,0-4:0.7 | quantum | 0.5",
        "6 | 0-1:2,1-2:0.5,2-3:-1,3-4:0.5,4-5:1 | quantum   | 0.2"})
    void weightedGraphsKeepTheSymmetriesOfTheirWeights(int n, String edges, String state, double gammaIcl) {
        Battery b = Battery.builder(Graph.fromEdges(n, edges)).coupling(2).gammaIcl(gammaIcl).build();
        DischargeResult reduced = SelfDischarge.of(b).state(state).tolerances(TIGHT).grid(3, 0.1).run();
        if (edges.endsWith("4-5:1")) { // the chain without mirror-symmetric weights
            assertThat(reduced.representation()).contains("sector blocks");
            return;
        }
        assertThat(reduced.representation()).contains("orbit");
        compare(reduced, unreduced(b, state, true), true);
    }

    /**
     * Per-cell rates keep the symmetries that map each cell onto one of the same rate: a chain or a
     * ring whose rates mirror (the reflection), the complete graph likewise, a star whose hub alone
     * differs (the leaf rotation); unequal rates never take the Dicke blocks, only the register's orbits.
     * (The symmetry search tries the rotation, the leaf rotation and the mirror k ↦ N−1−k: rates
     * invariant only under others, say alternating ones on a ring, are integrated without a symmetry.)
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "linear    | 1,2,0.5,0.5,2,1 | quantum   | 0.2",
        "circular  | 1,2,3,3,2,1     | classical | 0.3",
        "symmetric | 1,2,2,1         | quantum   | 0.3",
        "central   | 2,1,1,1,1       | quantum   | 0.4"})
    void perCellRatesKeepTheSymmetriesOfTheirRates(String graph, String rates, String state, double gammaIcl) {
        double[] r = java.util.Arrays.stream(rates.split(",")).mapToDouble(Double::parseDouble).toArray();
        Battery b = Battery.builder(Graph.named(graph, r.length, null)).localRates(r).coupling(2).gammaIcl(gammaIcl).build();
        DischargeResult plain = unreduced(b, state, true);
        DischargeResult reduced = SelfDischarge.of(b).state(state).tolerances(TIGHT).grid(3, 0.1).run();
        assertThat(reduced.representation()).contains("orbit").doesNotContain("Dicke");
        compare(reduced, plain, true);
    }

    /** The run without any symmetry: on the plain register, the oracle of every reduced one. */
    private static DischargeResult unreduced(Battery b, String state, boolean spectral) {
        try {
            SelfDischarge.exploitSymmetry = false;
            return SelfDischarge.of(b).state(state).spectral(spectral).tolerances(TIGHT).grid(3, 0.1).run();
        } finally {
            SelfDischarge.exploitSymmetry = true;
        }
    }

    private static void compare(DischargeResult reduced, DischargeResult plain, boolean spectral) {
        // The comparison means something only if the two runs really took different paths.
        assertThat(reduced.representation()).isNotEqualTo(plain.representation());
        assertThat(reduced.series()).hasSameDimensionsAs(plain.series());
        for (int k = 0; k < plain.times().length; k++) {
            for (int c = 0; c < Observables.COLUMNS.length; c++) {
                double want = plain.series()[k][c], got = reduced.series()[k][c];
                if (Double.isNaN(want)) {
                    assertThat(got).as("%s at t = %s", Observables.COLUMNS[c], plain.times()[k]).isNaN();
                } else {
                    assertThat(got).as("%s at t = %s", Observables.COLUMNS[c], plain.times()[k]).isCloseTo(want, within(1e-7));
                }
            }
        }
        DischargeAnalysis a = reduced.analysis(), p = plain.analysis();
        assertTime(a.ergotropyHalfLife(), p.ergotropyHalfLife(), "ergotropy half-life");
        assertTime(a.energyHalfLife(), p.energyHalfLife(), "energy half-life");
        assertTime(a.ergotropySuddenDeath(), p.ergotropySuddenDeath(), "ergotropy sudden death");
        assertThat(a.suddenDeathNote()).isEqualTo(p.suddenDeathNote());
        assertThat(a.entangledAtStart()).isEqualTo(p.entangledAtStart());
        List<Double> ca = a.entanglementCrossings(), cp = p.entanglementCrossings();
        assertThat(ca).as("entanglement crossings").hasSameSizeAs(cp);
        for (int i = 0; i < cp.size(); i++) {
            assertTime(ca.get(i), cp.get(i), "entanglement crossing " + i);
        }
        // Guards against a vacuous pass: the battery discharges and, with spectra, the ergotropy is located.
        assertThat(p.energyHalfLife()).isNotNull();
        if (spectral) {
            assertThat(p.ergotropyHalfLife()).isNotNull();
        }
    }

    private static void assertTime(Double got, Double want, String what) {
        if (want == null) {
            assertThat(got).as(what).isNull();
        } else {
            assertThat(got).as(what).isNotNull().isCloseTo(want, within(1e-6));
        }
    }
}
