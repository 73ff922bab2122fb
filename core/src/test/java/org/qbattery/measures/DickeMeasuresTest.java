package org.qbattery.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qbattery.DickeEmbedding;
import org.qbattery.kernel.DickeBlocks;
import org.qbattery.model.Graph;

/** Every measure from the Dicke blocks against the same measure of the embedded 2^N-register matrix. */
class DickeMeasuresTest {
    private static int[][] allPairs(int n) {
        int[][] p = new int[n * (n - 1) / 2][];
        for (int a = 0, k = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                p[k++] = new int[] {a, b};
            }
        }
        return p;
    }

    @ParameterizedTest(name = "N={0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void randomStatesMatchTheRegister(int n) {
        DickeBlocks layout = new DickeBlocks(n);
        DickeEmbedding embed = new DickeEmbedding(layout);
        Random rnd = new Random(5 * n);
        for (int trial = 0; trial < 4; trial++) {
            double[] y = DickeEmbedding.randomState(layout, rnd);
            if (trial == 3) {
                // no coherence between excitation sectors: the passivity gap is defined
                for (int p = 0; p < layout.blocks(); p++) {
                    for (int k = 0; k < layout.size(p); k++) {
                        for (int kk = 0; kk < layout.size(p); kk++) {
                            if (k != kk) {
                                y[2 * layout.index(p, k, kk)] = 0;
                                y[2 * layout.index(p, k, kk) + 1] = 0;
                            }
                        }
                    }
                }
            }
            double[] rho = embed.full(y);
            Observables expected = Observables.of(rho, n, 1.0, allPairs(n), true, true);
            Observables actual = DickeMeasures.of(y, layout, true, true, expected.coherence());
            double[] ev = expected.values(), av = actual.values();
            for (int c = 0; c < ev.length; c++) {
                // Eigenvalue solvers on both sides: a few hundred ulps of the state's unit trace and N levels.
                assertThat(av[c]).as("%s, trial %d", Observables.COLUMNS[c], trial).isCloseTo(ev[c], org.assertj.core.data.Offset.offset(1e-12 * n));
            }
            if (n >= 2) {
                assertThat(actual.maxSignedConcurrence()).isCloseTo(expected.maxSignedConcurrence(), org.assertj.core.data.Offset.offset(1e-12));
            }
            if (trial == 3) {
                assertThat(actual.passivityGap()).isCloseTo(Passivity.gap(rho, n), org.assertj.core.data.Offset.offset(1e-13));
            } else {
                assertThat(actual.passivityGap()).isNaN();
            }
        }
    }

    /**
     * A pure state of N cells in total-spin blocks (one eigenvalue 1 in the symmetric block, every
     * other eigenvalue of every copy of every block round-off, ±1e-16 of that block's share): capacity N·ω
     * (its one occupied level paired with ε = N), ergotropy = energy. From ~60 cells the multiplicities
     * (up to ~1e22) do not add up exactly in doubles; the pairing must still put the one large
     * eigenvalue on the top level.
     */
    @ParameterizedTest(name = "N={0}")
    @ValueSource(ints = {4, 20, 61, 80, 128})
    void aPureStateHasCapacityNAtAnyNumberOfCells(int n) {
        double[] binomial = DickeMeasures.binomials(n);
        java.util.List<Double> values = new java.util.ArrayList<>(), weights = new java.util.ArrayList<>();
        Random rnd = new Random(n);
        for (int k = 0; 2 * k <= n; k++) {
            // total spin j = N/2 − k: C(N, k) − C(N, k − 1) copies of a block of 2j + 1 states
            double copies = binomial[k] - (k > 0 ? binomial[k - 1] : 0);
            for (int m = 0; m < n - 2 * k + 1; m++) {
                values.add(k == 0 && m == 0 ? 1.0 : (rnd.nextDouble() - 0.5) * 2e-16 / copies);
                weights.add(copies);
            }
        }
        double energy = 0.3 * n; // any: the pure state's ergotropy is its energy above the ground state
        DickeMeasures.Spectral sp = DickeMeasures.Spectral.of(values.stream().mapToDouble(Double::doubleValue).toArray(),
                weights.stream().mapToDouble(Double::doubleValue).toArray(), binomial, energy);
        // Each round-off eigenvalue, times its multiplicity, moves a sum by at most 1e-16·N.
        double tol = values.size() * 1e-16 * n + 1e-12;
        assertThat(sp.capacity()).isCloseTo(n, org.assertj.core.api.Assertions.within(tol));
        assertThat(sp.ergotropy()).isCloseTo(energy, org.assertj.core.api.Assertions.within(tol));
    }
}
