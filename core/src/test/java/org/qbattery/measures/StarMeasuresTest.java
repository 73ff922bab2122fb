package org.qbattery.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qbattery.DickeEmbedding;
import org.qbattery.TestSupport;
import org.qbattery.kernel.CountOrbits;
import org.qbattery.kernel.DickeBlocks;
import org.qbattery.kernel.StarGenerator;

/** Every measure of a star state (hub ⊗ permutation-invariant leaves) against the same measure of its register matrix. */
class StarMeasuresTest {
    @ParameterizedTest(name = "N={0}")
    @ValueSource(ints = {2, 3, 4, 5, 6})
    void randomStatesMatchTheRegister(int n) {
        StarGenerator g = new StarGenerator(n, 0, 1, 0, 0, 0, 0);
        DickeBlocks layout = g.layout();
        CountOrbits orbits = g.orbits();
        DickeEmbedding embed = new DickeEmbedding(layout);
        int[][] edges = new int[n - 1][];
        for (int l = 1; l < n; l++) {
            edges[l - 1] = new int[] {0, l};
        }
        Random rnd = new Random(7 * n);
        for (int trial = 0; trial < 4; trial++) {
            double[] y = new double[g.length()];
            double trace = 0;
            for (int p = 0; p < layout.blocks(); p++) {
                int s = layout.size(p), o = 2 * s;
                double[] c = new double[2 * o * o];
                for (int i = 0; i < c.length; i++) {
                    c[i] = rnd.nextGaussian();
                }
                double[] z = TestSupport.mul(c, TestSupport.dagger(c, o), o);
                for (int a = 0; a < 2; a++) {
                    for (int b = 0; b < 2; b++) {
                        for (int k = 0; k < s; k++) {
                            for (int kk = 0; kk < s; kk++) {
                                // Sector-diagonal on the last trial: only a + k = b + kk survives.
                                boolean keep = trial < 3 || a + k == b + kk;
                                int src = 2 * ((a * s + k) * o + b * s + kk), dst = g.dickeAt(a, b) + 2 * layout.index(p, k, kk);
                                y[dst] = keep ? z[src] : 0;
                                y[dst + 1] = keep ? z[src + 1] : 0;
                            }
                        }
                    }
                    for (int k = 0; k < s; k++) {
                        trace += y[g.dickeAt(a, a) + 2 * layout.index(p, k, k)];
                    }
                }
            }
            for (int i = 0; i < 4 * layout.length(); i++) {
                y[i] /= trace;
            }
            // The count-orbit parts of the same operator, read off its register matrix.
            double[][] parts = new double[4][];
            int m = n - 1, dl = 1 << m;
            for (int ab = 0; ab < 4; ab++) {
                int at = g.dickeAt(ab >> 1, ab & 1);
                parts[ab] = embed.full(java.util.Arrays.copyOfRange(y, at, at + layout.length()));
                double[] logF = new double[m + 1];
                for (int k = 1; k <= m; k++) {
                    logF[k] = logF[k - 1] + Math.log(k);
                }
                for (int x = 0; x < dl; x++) {
                    for (int z = 0; z < dl; z++) {
                        int a = Integer.bitCount(x & z), b = Integer.bitCount(x & ~z), c = Integer.bitCount(~x & z & (dl - 1));
                        double mult = Math.exp(logF[m] - logF[a] - logF[b] - logF[c] - logF[m - a - b - c]);
                        int i = g.orbitsAt(ab >> 1, ab & 1) + 2 * orbits.index(a, b, c);
                        y[i] = parts[ab][2 * (x * dl + z)] * mult;
                        y[i + 1] = parts[ab][2 * (x * dl + z) + 1] * mult;
                    }
                }
            }
            double[] rho = org.qbattery.kernel.StarGeneratorTest.full(parts, n);
            Observables expected = Observables.of(rho, n, 1.0, edges, true, true);
            Observables actual = StarMeasures.of(y, g, true, true, true);
            double[] ev = expected.values(), av = actual.values();
            for (int c = 0; c < ev.length; c++) {
                assertThat(av[c]).as("%s, trial %d", Observables.COLUMNS[c], trial).isCloseTo(ev[c], within(1e-12 * n));
            }
            assertThat(actual.maxSignedConcurrence()).isCloseTo(expected.maxSignedConcurrence(), within(1e-12));
            if (trial == 3) {
                assertThat(actual.passivityGap()).isCloseTo(Passivity.gap(rho, n), within(1e-13));
            } else {
                assertThat(actual.passivityGap()).isNaN();
            }
        }
    }
}
