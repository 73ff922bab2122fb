package org.qbattery.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qbattery.NaiveLindblad;
import org.qbattery.TestSupport;

/**
 * The bit-operation kernel against the literal dense construction (rotating frame: ω = 0 in the
 * naive one), on random graphs, couplings, rates, temperatures, dephasing and states.
 */
class LindbladKernelTest {
    static Stream<Arguments> cases() {
        return IntStream.range(0, 30).mapToObj(seed -> Arguments.of(seed, 1 + seed % 5));
    }

    @ParameterizedTest(name = "seed {0}, N = {1}")
    @MethodSource("cases")
    void matchesDenseConstruction(int seed, int n) {
        Random rnd = new Random(seed);
        double[][][] m = TestSupport.randomCouplings(rnd, n);
        double[][] j = m[0], g = m[1];
        double nbar = seed % 3 == 0 ? 0 : rnd.nextDouble();
        double deph = seed % 2 == 0 ? 0 : rnd.nextDouble();
        int d = 1 << n;
        double[] rho = TestSupport.randomDensity(rnd, d, 1 + rnd.nextInt(d));
        double[] fast = new double[rho.length], slow = new double[rho.length];
        new LindbladKernel(n, j, g, nbar, deph).derivative(0, rho, fast);
        new NaiveLindblad(n, 0.0, j, g, nbar, deph).derivative(0, rho, slow);
        assertThat(TestSupport.maxAbsDiff(fast, slow)).isLessThan(1e-13);
    }

    @ParameterizedTest(name = "seed {0}, N = {1}")
    @MethodSource("cases")
    void isTracePreservingAndHermiticityPreserving(int seed, int n) {
        Random rnd = new Random(100 + seed);
        double[][] j = new double[n][n];
        double[][] g = new double[n][n];
        for (int a = 0; a < n; a++) {
            g[a][a] = rnd.nextDouble();
            for (int b = a + 1; b < n; b++) {
                j[a][b] = j[b][a] = rnd.nextGaussian();
                g[a][b] = g[b][a] = 0.1 * rnd.nextGaussian();
            }
        }
        int d = 1 << n;
        double[] rho = TestSupport.randomDensity(rnd, d, d);
        double[] dr = new double[rho.length];
        new LindbladKernel(n, j, g, rnd.nextDouble(), rnd.nextDouble()).derivative(0, rho, dr);
        double tr = 0;
        for (int i = 0; i < d; i++) {
            tr += dr[2 * (i * d + i)];
        }
        assertThat(Math.abs(tr)).isLessThan(1e-13);
        assertThat(TestSupport.maxAbsDiff(dr, TestSupport.dagger(dr, d))).isLessThan(1e-14);
    }

    @ParameterizedTest(name = "seed {0}, N = {1}")
    @MethodSource("cases")
    void threadedEqualsSingleThreaded(int seed, int n) {
        Random rnd = new Random(200 + seed);
        int cells = n + 3; // large enough for the row split to engage
        double[][][] m = TestSupport.paperCouplings(cells, false);
        double[] rho = TestSupport.randomDensity(rnd, 1 << cells, 2);
        double[][] r = TestSupport.derivativeOnOneAndFourThreads(new LindbladKernel(cells, m[0], m[1], 0.1, 0.2), rho);
        assertThat(r[1]).containsExactly(r[0]);
    }
}
