package org.qbattery.kernel;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The Dicke-block generator against the full 2^N-register one: for random Hermitian Dicke-form
 * matrices X, L_register(embed(X)) = embed(L_Dicke(X)) element by element, for every channel
 * (exchange, local and collective emission and absorption, dephasing, the as-printed variant).
 */
class DickeLiouvillianTest {
    /** N, J, Γ_icl, n̄, γφ, variant (Γ = 0.8): every channel alone and together; shared with {@link CountOrbitsTest}. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(1, 0.0, 0.0, 0.0, 0.0, Variant.STATED),
                Arguments.of(2, 2.0, 0.5, 0.0, 0.0, Variant.STATED),
                Arguments.of(3, 2.0, 0.5, 0.0, 0.0, Variant.STATED),
                Arguments.of(4, -1.3, 0.7, 0.0, 0.0, Variant.STATED),
                Arguments.of(5, 2.0, 0.8, 0.0, 0.0, Variant.STATED), // Γ_icl = Γ: collective decay only
                Arguments.of(3, 0.0, 0.0, 0.0, 0.0, Variant.STATED), // local decay only
                Arguments.of(3, 1.0, 0.0, 0.0, 0.0, Variant.STATED),
                Arguments.of(3, 0.0, 0.0, 0.0, 0.5, Variant.STATED),
                Arguments.of(4, 0.4, 0.3, 0.25, 0.0, Variant.STATED),
                Arguments.of(5, 0.9, 0.2, 0.0, 0.6, Variant.STATED),
                Arguments.of(6, 1.1, 0.35, 0.4, 0.3, Variant.STATED),
                Arguments.of(5, 2.0, 0.5, 0.1, 0.2, Variant.AS_PRINTED),
                Arguments.of(6, 0.0, 0.0, 0.3, 0.7, Variant.STATED));
    }

    @ParameterizedTest(name = "N={0} J={1} Γicl={2} n̄={3} γφ={4} {5}")
    @MethodSource("cases")
    void matchesTheRegisterGenerator(int n, double coupling, double gammaIcl, double nbar, double dephasing, Variant variant) {
        Battery b = battery(n, coupling, gammaIcl, nbar, dephasing, variant);
        DickeLiouvillian dicke = b.collectiveGenerator();
        DickeBlocks layout = dicke.layout();
        DickeEmbedding embed = new DickeEmbedding(layout);
        LindbladKernel register = b.generator();
        Random rnd = new Random(17 + n);
        for (int trial = 0; trial < 3; trial++) {
            double[] x = DickeEmbedding.randomHermitian(layout, rnd);
            double[] dx = new double[x.length];
            dicke.derivative(0, x, dx);
            double[] expected = new double[2 << (2 * n)];
            register.derivative(0, embed.full(x), expected);
            assertSameDerivative(expected, embed.full(dx), n);
        }
    }

    /** The complete graph of one {@link #cases} row (Γ = 0.8). */
    static Battery battery(int n, double coupling, double gammaIcl, double nbar, double dephasing, Variant variant) {
        return Battery.builder(Graph.complete(n)).gamma(0.8).coupling(coupling).gammaIcl(gammaIcl).nbar(nbar)
                .dephasing(dephasing).variant(variant).build();
    }

    /** Both sides sum O(N²) terms of size O(scale): within a few hundred ulps of the largest element. */
    static void assertSameDerivative(double[] expected, double[] actual, int n) {
        double scale = 0, err = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            err = Math.max(err, Math.abs(expected[i] - actual[i]));
        }
        assertThat(err).as("max |Δdρ| of %g", scale).isLessThan(1e-13 * Math.max(1, scale) * n * n);
    }
}
