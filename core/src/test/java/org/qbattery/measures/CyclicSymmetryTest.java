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
        assertFullSpectrumOnOneAndAllCores(sym, rho, n);
    }

    /** The blocks' spectrum equals the full one to 1e-12, and is the same with the blocks spread over the cores (as from N = 11). */
    private static void assertFullSpectrumOnOneAndAllCores(CyclicSymmetry sym, double[] rho, int n) {
        double[] full = HermitianEigenvalues.of(rho.clone(), 1 << n);
        double[] blocks = sym.spectrum(rho);
        for (int k = 0; k < full.length; k++) {
            assertThat(blocks[k]).isCloseTo(full[k], within(1e-12));
        }
        int before = CyclicSymmetry.parallelDim;
        try {
            CyclicSymmetry.parallelDim = 1;
            assertThat(sym.spectrum(rho)).containsExactly(blocks);
        } finally {
            CyclicSymmetry.parallelDim = before;
        }
    }

    /**
     * The ring's reflection inverts its rotation, so blocks s and r − s share their spectrum: half the
     * blocks give the whole spectrum of a reflection-invariant ρ (on one thread and spread over the
     * cores alike), and do not for a ρ with the rotations only (a chiral state), so the test can fail.
     */
    @ParameterizedTest(name = "ring N={0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {5, 6, 7})
    void halfTheBlocksSufficeUnderReflection(int n) {
        Battery b = Battery.builder(Graph.ring(n)).coupling(2).gammaIcl(0.3).dephasing(0.1).build();
        double[] rho = InitialState.parse("bloch:1.1,0.3", n);
        new DormandPrince853(Tolerances.DEFAULT).integrate(b.generator(), 0, rho, 0.7, null);
        CyclicSymmetry rotations = SelfDischarge.symmetryOf(b, rho);
        CyclicSymmetry dihedral = rotations.withInversion();
        assertFullSpectrumOnOneAndAllCores(dihedral, rho, n);
        // A random state averaged over the rotations only: invariant under them, not under the reflection.
        int d = 1 << n;
        double[] raw = org.qbattery.TestSupport.randomDensity(new java.util.Random(n), d, d);
        double[] chiral = new double[raw.length];
        int[] rot = rotations.cellPermutation();
        int[] cells = java.util.stream.IntStream.range(0, n).toArray();
        for (int e = 0; e < n; e++) {
            int[] perm = org.qbattery.kernel.SymmetricLindbladKernel.basisPermutation(n, cells);
            for (int x = 0; x < d; x++) {
                for (int y = 0; y < d; y++) {
                    chiral[2 * (perm[x] * d + perm[y])] += raw[2 * (x * d + y)] / n;
                    chiral[2 * (perm[x] * d + perm[y]) + 1] += raw[2 * (x * d + y) + 1] / n;
                }
            }
            int[] next = new int[n];
            for (int k = 0; k < n; k++) {
                next[k] = rot[cells[k]];
            }
            cells = next;
        }
        double[] right = HermitianEigenvalues.of(chiral.clone(), d), rotationBlocks = rotations.spectrum(chiral), wrong = dihedral.spectrum(chiral);
        double worst = 0;
        for (int k = 0; k < d; k++) {
            assertThat(rotationBlocks[k]).isCloseTo(right[k], within(1e-12));
            worst = Math.max(worst, Math.abs(wrong[k] - right[k]));
        }
        assertThat(worst).isGreaterThan(1e-6);
    }

    /** One pair per orbit gives the same mean and largest signed concurrence as every edge. */
    @ParameterizedTest(name = "{0} N={1} {2}")
    @MethodSource("cases")
    void pairOrbitsGiveTheSameConcurrence(String graph, int n, String state, int order) {
        Battery b = Battery.builder(Graph.named(graph, n, null)).coupling(2).gammaIcl(0.3).build();
        double[] rho = InitialState.parse(state, n);
        CyclicSymmetry sym = SelfDischarge.symmetryOf(b, rho);
        new DormandPrince853(Tolerances.DEFAULT).integrate(b.generator(), 0, rho, 3.3, null);
        int[][] edges = SelfDischarge.pairs(b);
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

    /**
     * States without coherence between excitation sectors (they start diagonal) keep that along the
     * trajectory; the symmetry blocks split by sector then give each sector's spectrum, equal to the
     * sector block's own diagonalisation to round-off, for the chain's reflection, the ring's
     * rotations with and without the reflection, and the total-spin blocks of the star and complete graph.
     */
    @ParameterizedTest(name = "{0} N={1} {2}")
    @org.junit.jupiter.params.provider.CsvSource({
        "linear, 5, classical, none", "linear, 6, dicke:3, none", "circular, 5, classical, none",
        "circular, 6, classical, inversion", "circular, 7, dicke:2, inversion",
        "central, 5, classical, spin", "symmetric, 5, classical, spin", "central, 6, dicke:3, spin", "symmetric, 6, dicke:4, spin"})
    void sectorSpectraFromTheSymmetryBlocks(String graph, int n, String state, String extension) {
        Battery b = Battery.builder(Graph.named(graph, n, null)).coupling(2).gammaIcl(0.1).dephasing(0.1).build();
        double[] rho = InitialState.parse(state, n);
        CyclicSymmetry sym = SelfDischarge.symmetryOf(b, rho);
        assertThat(sym).isNotNull();
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        sym = switch (extension) {
            case "inversion" -> sym.withInversion();
            case "spin" -> sym.withAllPermutationsOf(graph.equals("central") ? java.util.Arrays.copyOfRange(all, 1, n) : all);
            default -> sym;
        };
        new DormandPrince853(Tolerances.DEFAULT).integrate(b.generator(), 0, rho, 0.6, null);
        assertThat(Spectrum.commutesWithH0(rho, n)).isTrue();
        double[][] expected = Spectrum.sectorSpectra(rho, n);
        double[][] got = sym.sectorSpectra(rho);
        assertThat(got).hasNumberOfRows(n + 1);
        int nonTrivial = 0;
        for (int k = 0; k <= n; k++) {
            assertThat(got[k]).as("sector %d", k).hasSameSizeAs(expected[k]);
            for (int i = 0; i < got[k].length; i++) {
                assertThat(got[k][i]).as("sector %d eigenvalue %d", k, i).isCloseTo(expected[k][i], within(1e-13));
            }
            nonTrivial += expected[k][expected[k].length - 1] - expected[k][0] > 1e-6 ? 1 : 0;
        }
        assertThat(nonTrivial).as("sectors with distinct eigenvalues").isGreaterThan(1);
        assertThat(Spectrum.of(rho, n, sym)).containsExactly(Spectrum.merge(got, n));
    }
}
