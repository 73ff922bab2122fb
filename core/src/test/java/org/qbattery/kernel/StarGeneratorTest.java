package org.qbattery.kernel;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qbattery.DickeEmbedding;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.Variant;

/**
 * The star's generator on hub ⊗ permutation-invariant leaves against the full 2^N-register one, on
 * random Hermitian states, in both leaf forms (Dicke blocks and count orbits), for every channel.
 */
public class StarGeneratorTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(2, 2.0, 0.3, 0.0, 0.0, Variant.STATED),
                Arguments.of(3, 2.0, 0.4, 0.0, 0.0, Variant.STATED),
                Arguments.of(4, -1.1, 0.0, 0.0, 0.0, Variant.STATED),
                Arguments.of(5, 0.0, 0.3, 0.0, 0.0, Variant.STATED),
                Arguments.of(4, 0.7, 0.2, 0.3, 0.0, Variant.STATED),
                Arguments.of(5, 1.3, 0.1, 0.0, 0.4, Variant.STATED),
                Arguments.of(6, 0.9, 0.15, 0.2, 0.3, Variant.STATED),
                Arguments.of(5, 2.0, 0.3, 0.1, 0.2, Variant.AS_PRINTED));
    }

    /** The register matrix of the star state whose four parts X^{ab} are {@code parts[2a+b]} (leaf matrices): hub = bit 0. */
    public static double[] full(double[][] parts, int cells) {
        int leaves = cells - 1, dl = 1 << leaves, d = 1 << cells;
        double[] rho = new double[2 * d * d];
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                double[] x = parts[2 * a + b];
                for (int i = 0; i < dl; i++) {
                    for (int j = 0; j < dl; j++) {
                        int r = a | (i << 1), c = b | (j << 1);
                        rho[2 * (r * d + c)] = x[2 * (i * dl + j)];
                        rho[2 * (r * d + c) + 1] = x[2 * (i * dl + j) + 1];
                    }
                }
            }
        }
        return rho;
    }

    /** A random Hermitian star state in {@code g}'s layout (not normalised): X^{00}, X^{11} Hermitian, X^{10} = X^{01}†. */
    static double[] randomHermitian(StarGenerator g, Random rnd) {
        DickeBlocks layout = g.layout();
        CountOrbits orbits = g.orbits();
        double[] y = new double[g.length()];
        for (int a = 0; a < 2; a++) {
            double[] h = DickeEmbedding.randomHermitian(layout, rnd);
            System.arraycopy(h, 0, y, g.dickeAt(a, a), h.length);
        }
        for (int i = 0; i < layout.length(); i++) {
            y[g.dickeAt(0, 1) + i] = rnd.nextGaussian();
        }
        for (int p = 0; p < layout.blocks(); p++) {
            for (int k = 0; k < layout.size(p); k++) {
                for (int kk = 0; kk < layout.size(p); kk++) {
                    int from = g.dickeAt(0, 1) + 2 * layout.index(p, kk, k), to = g.dickeAt(1, 0) + 2 * layout.index(p, k, kk);
                    y[to] = y[from];
                    y[to + 1] = -y[from + 1];
                }
            }
        }
        return y;
    }

    @ParameterizedTest(name = "N={0} J={1} Γicl={2} n̄={3} γφ={4} {5}")
    @MethodSource("cases")
    void matchesTheRegisterGenerator(int n, double coupling, double gammaIcl, double nbar, double dephasing, Variant variant) {
        Battery b = Battery.builder(Graph.star(n)).gamma(0.8).coupling(coupling).gammaIcl(gammaIcl).nbar(nbar)
                .dephasing(dephasing).variant(variant).build();
        StarGenerator g = b.starGenerator();
        DickeEmbedding embed = new DickeEmbedding(g.layout());
        Random rnd = new Random(11 + n);
        double[] y = randomHermitian(g, rnd);
        // Orbit parts: random too, independent of the Dicke parts (the generator never mixes the two forms).
        CountOrbits orbits = g.orbits();
        for (int a = 0; a < 2; a++) {
            for (int b2 = 0; b2 < 2; b2++) {
                if (a == 1 && b2 == 0) {
                    continue;
                }
                for (int i = 0; i < orbits.types(); i++) {
                    int[] t = orbits.type(i);
                    int conj = orbits.index(t[0], t[2], t[1]);
                    int at = g.orbitsAt(a, b2) + 2 * i;
                    if (a == b2 && conj < i) {
                        continue;
                    }
                    double re = rnd.nextGaussian(), im = a == b2 && conj == i ? 0 : rnd.nextGaussian();
                    y[at] = re;
                    y[at + 1] = im;
                    if (a == b2) {
                        y[g.orbitsAt(a, b2) + 2 * conj] = re;
                        y[g.orbitsAt(a, b2) + 2 * conj + 1] = -im;
                    } else {
                        y[g.orbitsAt(1, 0) + 2 * conj] = re;
                        y[g.orbitsAt(1, 0) + 2 * conj + 1] = -im;
                    }
                }
            }
        }
        double[] dy = new double[y.length];
        g.derivative(0, y, dy);
        LindbladKernel register = b.generator();
        for (boolean dicke : new boolean[] {true, false}) {
            double[][] parts = new double[4][], dparts = new double[4][];
            for (int a = 0; a < 2; a++) {
                for (int b2 = 0; b2 < 2; b2++) {
                    int at = dicke ? g.dickeAt(a, b2) : g.orbitsAt(a, b2);
                    int len = dicke ? g.layout().length() : orbits.length();
                    double[] x = java.util.Arrays.copyOfRange(y, at, at + len), dx = java.util.Arrays.copyOfRange(dy, at, at + len);
                    parts[2 * a + b2] = dicke ? embed.full(x) : CountOrbitsTest.full(orbits, x);
                    dparts[2 * a + b2] = dicke ? embed.full(dx) : CountOrbitsTest.full(orbits, dx);
                }
            }
            double[] expected = new double[2 << (2 * n)];
            register.derivative(0, full(parts, n), expected);
            DickeLiouvillianTest.assertSameDerivative(expected, full(dparts, n), n);
        }
    }
}
