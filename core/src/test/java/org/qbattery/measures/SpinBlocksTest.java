package org.qbattery.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qbattery.TestSupport;
import org.qbattery.kernel.HermitianEigenvalues;
import org.qbattery.kernel.SymmetricLindbladKernel;

/** Total-spin blocks against the full diagonalisation, on states invariant under every permutation of a set of cells. */
class SpinBlocksTest {
    /** N cells, the permuted ones: all (complete graph) or the leaves 1…N−1 (star). */
    static Stream<Arguments> registers() {
        return Stream.of(
                Arguments.of(3, "all"), Arguments.of(4, "all"), Arguments.of(5, "all"), Arguments.of(6, "all"),
                Arguments.of(4, "leaves"), Arguments.of(5, "leaves"), Arguments.of(6, "leaves"));
    }

    private static int[] permuted(int n, String which) {
        return which.equals("all") ? IntStream.range(0, n).toArray() : IntStream.range(1, n).toArray();
    }

    /** Every permutation of the given cells, as cell maps n ↦ π[n] (the other cells fixed). */
    private static List<int[]> allPermutations(int n, int[] cells) {
        List<int[]> out = new ArrayList<>();
        permute(cells.clone(), 0, n, cells, out);
        return out;
    }

    private static void permute(int[] images, int k, int n, int[] cells, List<int[]> out) {
        if (k == images.length) {
            int[] pi = IntStream.range(0, n).toArray();
            for (int i = 0; i < cells.length; i++) {
                pi[cells[i]] = images[i];
            }
            out.add(pi);
            return;
        }
        for (int i = k; i < images.length; i++) {
            int t = images[k];
            images[k] = images[i];
            images[i] = t;
            permute(images, k + 1, n, cells, out);
            images[i] = images[k];
            images[k] = t;
        }
    }

    /** A random mixed state averaged over every permutation of the given cells (so invariant under them). */
    static double[] invariantState(Random rnd, int n, int[] cells) {
        int d = 1 << n;
        return TestSupport.groupAverage(TestSupport.randomDensity(rnd, d, 1 + rnd.nextInt(d)), n, allPermutations(n, cells));
    }

    /**
     * Block sizes times multiplicities count every state once (Σ_p d_p 2^q (M − 2p + 1) = 2^N), the
     * blocks' traces weighted alike add up to tr ρ = 1, and the eigenvalues, multiplicities included,
     * are those of the whole matrix: two backward-stable solvers on a Hermitian matrix of norm ≤ 1
     * agree to a small multiple of D·ε.
     */
    @ParameterizedTest(name = "N = {0}, {1}")
    @MethodSource("registers")
    void blocksGiveTheWholeSpectrum(int n, String which) {
        SpinBlocks blocks = new SpinBlocks(n, permuted(n, which));
        int[] d = blocks.multiplicities(), size = blocks.blockSizes();
        int covered = 0;
        for (int p = 0; p < d.length; p++) {
            covered += d[p] * size[p];
        }
        assertThat(covered).isEqualTo(1 << n);
        Random rnd = new Random(7L * n + which.hashCode());
        for (int trial = 0; trial < 3; trial++) {
            double[] rho = invariantState(rnd, n, permuted(n, which));
            double trace = 0;
            for (int p = 0; p < d.length; p++) {
                double[] b = blocks.block(rho, p);
                for (int i = 0; i < size[p]; i++) {
                    trace += d[p] * b[2 * (i * size[p] + i)];
                }
            }
            assertThat(trace).isCloseTo(1.0, within(1e-13));
            double[] expected = HermitianEigenvalues.of(rho.clone(), 1 << n);
            double[] got = blocks.spectrum(rho);
            assertThat(got).hasSameSizeAs(expected);
            for (int k = 0; k < got.length; k++) {
                assertThat(got[k]).as("eigenvalue %d", k).isCloseTo(expected[k], within(100 * (1 << n) * Math.ulp(1.0)));
            }
        }
    }

    /**
     * A state that is not invariant (here: one whose permuted cells are not alike) is not
     * block-diagonal in this basis, and the blocks then miss part of its spectrum: the check
     * above can fail.
     */
    @ParameterizedTest(name = "N = {0}, {1}")
    @MethodSource("registers")
    void aStateWithoutTheSymmetryIsNotReproduced(int n, String which) {
        double[] rho = TestSupport.randomDensity(new Random(3L * n), 1 << n, 1 << n);
        double[] expected = HermitianEigenvalues.of(rho.clone(), 1 << n);
        double[] got = new SpinBlocks(n, permuted(n, which)).spectrum(rho);
        double worst = 0;
        for (int k = 0; k < got.length; k++) {
            worst = Math.max(worst, Math.abs(got[k] - expected[k]));
        }
        assertThat(worst).isGreaterThan(1e-6);
    }

    /**
     * Blocks formed from the packed orbit values of the kernel for the same group (every permutation
     * of the permuted cells) equal the blocks formed from the full matrix, element by element: both
     * sum the same products a_x a_y ρ(x, y), grouped differently, so they agree to round-off of sums
     * of at most 4^N terms of size ≤ 1 (1e-13); and so do the spectra and sector spectra.
     */
    @ParameterizedTest(name = "N = {0}, {1}")
    @MethodSource("registers")
    void blocksFromTheOrbitsEqualBlocksFromTheMatrix(int n, String which) {
        int[] cells = permuted(n, which);
        int[] cycle = IntStream.range(0, n).toArray(), swap = IntStream.range(0, n).toArray();
        for (int i = 0; i < cells.length; i++) {
            cycle[cells[i]] = cells[(i + 1) % cells.length];
        }
        swap[cells[0]] = cells[1];
        swap[cells[1]] = cells[0];
        double[][] zero = new double[n][n], identity = new double[n][n];
        for (int a = 0; a < n; a++) {
            identity[a][a] = 1;
        }
        SymmetricLindbladKernel kernel = new SymmetricLindbladKernel(n, zero, identity, 0, 0, new int[][] {cycle, swap});
        SpinBlocks plain = new SpinBlocks(n, cells);
        SpinBlocks orbits = plain.withOrbits(kernel::orbitOfElement, kernel.orbits());
        Random rnd = new Random(5L * n + which.hashCode());
        double[] rho = invariantState(rnd, n, cells);
        double[] packed = kernel.pack(rho);
        int[] size = plain.blockSizes();
        for (int p = 0; p < size.length; p++) {
            double[] want = plain.block(rho, p), got = orbits.block(rho, packed, p);
            assertThat(TestSupport.maxAbsDiff(got, want)).as("block %d", p).isLessThan(1e-13);
        }
        double[] want = plain.spectrum(rho), got = orbits.spectrum(rho, packed);
        for (int k = 0; k < want.length; k++) {
            assertThat(got[k]).isCloseTo(want[k], within(1e-13));
        }
        // Without the packed state (or without weights) the matrix is read, as before.
        assertThat(orbits.spectrum(rho, null)).containsExactly(plain.spectrum(rho));
    }
}
