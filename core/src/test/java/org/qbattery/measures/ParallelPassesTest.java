package org.qbattery.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.qbattery.TestSupport;
import org.qbattery.kernel.Parallel;

/**
 * The passes over ρ that large registers split over the cores (l1-coherence, purity, total-spin
 * blocks) give the same bits on any number of threads, and the plain sums to within their round-off.
 */
class ParallelPassesTest {
    @Test
    void sameResultOnOneAndFourThreads() {
        // 9 cells: large enough for every pass to be split into several blocks.
        int n = 9, d = 1 << n;
        Random rnd = new Random(11);
        double[] rho = TestSupport.randomDensity(rnd, d, d);
        double[] sym = symmetricMixture(rnd, n);
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        int before = Parallel.threads(), dimBefore = CyclicSymmetry.parallelDim;
        double[][] got = new double[2][];
        try {
            CyclicSymmetry.parallelDim = 16; // split these registers as large ones are
            for (int t = 0; t < 2; t++) {
                Parallel.setThreads(t == 0 ? 1 : 4);
                double[] spin = new SpinBlocks(n, all).spectrum(sym);
                got[t] = new double[spin.length + 2];
                got[t][0] = Coherence.l1Normalised(rho, n);
                got[t][1] = Entropy.purity(rho);
                System.arraycopy(spin, 0, got[t], 2, spin.length);
            }
        } finally {
            Parallel.setThreads(before);
            CyclicSymmetry.parallelDim = dimBefore;
        }
        assertThat(got[1]).containsExactly(got[0]);
        double[] dense = org.qbattery.kernel.HermitianEigenvalues.of(sym.clone(), d);
        for (int k = 0; k < d; k++) {
            assertThat(got[0][2 + k]).isCloseTo(dense[k], within(100 * d * Math.ulp(1.0)));
        }
        // Plain sums: D² terms of size ≤ 1 each, so reordering moves them by at most D²·ε times their size.
        double l1 = 0, squares = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double re = rho[2 * (i * d + j)], im = rho[2 * (i * d + j) + 1];
                squares += re * re + im * im;
                l1 += i == j ? 0 : Math.hypot(re, im);
            }
        }
        assertThat(got[0][0]).isCloseTo(l1 / (d - 1), within((double) d * d * Math.ulp(1.0) * got[0][0]));
        assertThat(got[0][1]).isCloseTo(squares, within((double) d * d * Math.ulp(1.0) * squares));
    }

    /**
     * Σ_k w_k (|φ_k⟩⟨φ_k|)^⊗N for three random single-cell pure states: invariant under every
     * permutation of the cells, of rank 3, without any symmetry beyond that.
     */
    static double[] symmetricMixture(Random rnd, int n) {
        int d = 1 << n;
        double[] rho = new double[2 * d * d];
        double[] w = {0.5, 0.3, 0.2};
        for (double wk : w) {
            double theta = Math.PI * rnd.nextDouble(), phi = 2 * Math.PI * rnd.nextDouble();
            // amplitude of basis string x: cos(θ/2)^(N−|x|) · (sin(θ/2) e^{iφ})^|x|
            double[] re = new double[d], im = new double[d];
            for (int x = 0; x < d; x++) {
                int k = Integer.bitCount(x);
                double mag = Math.pow(Math.cos(theta / 2), n - k) * Math.pow(Math.sin(theta / 2), k);
                re[x] = mag * Math.cos(k * phi);
                im[x] = mag * Math.sin(k * phi);
            }
            for (int x = 0; x < d; x++) {
                for (int y = 0; y < d; y++) {
                    rho[2 * (x * d + y)] += wk * (re[x] * re[y] + im[x] * im[y]);
                    rho[2 * (x * d + y) + 1] += wk * (im[x] * re[y] - re[x] * im[y]);
                }
            }
        }
        return rho;
    }
}
