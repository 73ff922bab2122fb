package org.qbattery.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qbattery.TestSupport;

/**
 * The excitation-sector kernel against the literal dense construction: its packed derivative,
 * unpacked, must be the full derivative, on random graphs, rates, temperatures, dephasing and states
 * (states with coherence between every pair of sectors, so every block is exercised).
 */
class SectorLindbladKernelTest {
    static Stream<Arguments> cases() {
        return IntStream.range(0, 30).mapToObj(seed -> Arguments.of(seed, 1 + seed % 5));
    }

    @ParameterizedTest(name = "seed {0}, N = {1}")
    @MethodSource("cases")
    void matchesDenseConstruction(int seed, int n) {
        Random rnd = new Random(seed);
        double[][][] m = TestSupport.randomCouplings(rnd, n);
        double nbar = seed % 3 == 0 ? 0 : rnd.nextDouble();
        double deph = seed % 2 == 0 ? 0 : rnd.nextDouble();
        int d = 1 << n;
        double[] rho = TestSupport.randomDensity(rnd, d, 1 + rnd.nextInt(d));
        SectorLindbladKernel k = new SectorLindbladKernel(n, m[0], m[1], nbar, deph);
        assertThat(TestSupport.deviationFromDense(k, rho, n, m, nbar, deph)).isLessThan(1e-13);
    }

    @ParameterizedTest(name = "seed {0}, N = {1}")
    @MethodSource("cases")
    void packThenUnpackIsIdentityOnHermitianMatrices(int seed, int n) {
        Random rnd = new Random(300 + seed);
        double[][][] m = TestSupport.randomCouplings(rnd, n);
        int d = 1 << n;
        double[] rho = TestSupport.randomDensity(rnd, d, d);
        SectorLindbladKernel k = new SectorLindbladKernel(n, m[0], m[1], 0, 0);
        double[] back = new double[rho.length];
        k.unpack(k.pack(rho), back);
        assertThat(back).containsExactly(rho);
        assertThat(k.length()).isEqualTo(SectorLindbladKernel.length(n));
    }

    @Test
    void storesHalfTheRegisterPlusHalfTheDiagonalBlocks() {
        for (int n = 1; n <= 14; n++) {
            long full = 2L << (2 * n);
            long central = 2L * Sectors.binomial(2 * n, n); // Σ_k C(N,k)² (Vandermonde)
            assertThat(SectorLindbladKernel.length(n)).isEqualTo((full + central) / 2);
        }
    }

    @ParameterizedTest(name = "seed {0}, N = {1}")
    @MethodSource("cases")
    void threadedEqualsSingleThreaded(int seed, int n) {
        Random rnd = new Random(200 + seed);
        int cells = n + 3; // large enough for the row split to engage
        double[][][] m = TestSupport.randomCouplings(rnd, cells);
        int d = 1 << cells;
        SectorLindbladKernel k = new SectorLindbladKernel(cells, m[0], m[1], 0.1, 0.2);
        double[] rho = k.pack(TestSupport.randomDensity(rnd, d, 2));
        double[][] r = TestSupport.derivativeOnOneAndFourThreads(k, rho);
        assertThat(r[1]).containsExactly(r[0]);
    }
}
