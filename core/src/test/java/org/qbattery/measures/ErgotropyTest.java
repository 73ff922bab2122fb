package org.qbattery.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qbattery.TestSupport;
import org.qbattery.model.InitialState;

class ErgotropyTest {
    static IntStream seeds() {
        return IntStream.range(0, 25);
    }

    /** Qubit closed form E = ω(z + |r|)/2 (physics.md §3), on random mixed single-cell states. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void singleCellClosedForm(int seed) {
        Random rnd = new Random(seed);
        double[] rho = TestSupport.randomDensity(rnd, 2, 1 + seed % 2);
        double omega = 0.5 + 3 * rnd.nextDouble();
        double z = rho[6] - rho[0], x = 2 * rho[4], y = 2 * rho[5];
        double want = omega * (z + Math.sqrt(x * x + y * y + z * z)) / 2;
        assertThat(Ergotropy.of(rho, 1, omega)).isCloseTo(want, within(1e-14));
        assertThat(LocalErgotropy.of(rho, 1, omega)).isCloseTo(want, within(1e-14));
    }

    /** Identical product cells: ergotropy is additive (passive state of ρ^⊗N is (passive ρ)^⊗N). */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void productOfIdenticalCellsIsExtensive(int seed) {
        Random rnd = new Random(50 + seed);
        double[] one = TestSupport.randomDensity(rnd, 2, 2);
        int n = 2 + seed % 3;
        double[] rho = InitialState.product(n, one);
        assertThat(Ergotropy.of(rho, n, 1)).isCloseTo(n * Ergotropy.of(one, 1, 1), within(1e-12));
        assertThat(Energy.of(rho, n, 1)).isCloseTo(n * Energy.of(one, 1, 1), within(1e-13));
    }

    /** 0 ≤ E_incoherent ≤ E ≤ U − E_min ≤ capacity bound, on random N-cell states, and E is unitary-invariant in its spectrum. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void orderingOfErgotropies(int seed) {
        Random rnd = new Random(100 + seed);
        int n = 1 + seed % 4;
        double[] rho = TestSupport.randomDensity(rnd, 1 << n, 1 + rnd.nextInt(1 << n));
        double e = Ergotropy.of(rho, n, 1), ei = Ergotropy.incoherent(rho, n, 1);
        double u = Energy.of(rho, n, 1), cap = Capacity.of(rho, n, 1);
        assertThat(ei).isBetween(0.0, e + 1e-13);
        assertThat(e).isLessThanOrEqualTo(u + 1e-13);
        assertThat(cap).isGreaterThanOrEqualTo(e - 1e-13);
        assertThat(LocalErgotropy.of(rho, n, 1)).isLessThanOrEqualTo(e + 1e-12);
    }

    /** Any Hamiltonian: with H = H0 = ω Σ σn⁺σn⁻ as a matrix it is the battery's ergotropy, on random states of 1-4 cells. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyHamiltonianReducesToTheBatterysForH0(int seed) {
        Random rnd = new Random(300 + seed);
        int n = 1 + seed % 4, d = 1 << n;
        double omega = 0.5 + 2 * rnd.nextDouble();
        double[] rho = TestSupport.randomDensity(rnd, d, 1 + rnd.nextInt(d));
        double[] h0 = new double[2 * d * d];
        for (int i = 0; i < d; i++) {
            h0[2 * (i * d + i)] = omega * Integer.bitCount(i);
        }
        assertThat(Ergotropy.of(rho, h0, d)).isCloseTo(Ergotropy.of(rho, n, omega), within(1e-13 * n * omega));
    }

    /**
     * Closed forms in a random common eigenbasis U of H (eigenvalues ε↑) and ρ (eigenvalues p): ρ with
     * p descending along ε↑ is passive (E = 0); with p ascending E = Σ p↑ε↑ − Σ p↓ε↑. A pure state:
     * E = ⟨ψ|H|ψ⟩ − ε_min. And E is invariant under one unitary applied to both.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyHamiltonianClosedFormsAndInvariance(int seed) {
        Random rnd = new Random(400 + seed);
        int d = 2 + seed % 7;
        double[] eps = new double[d], p = new double[d];
        double sum = 0;
        for (int k = 0; k < d; k++) {
            eps[k] = 4 * rnd.nextGaussian();
            p[k] = rnd.nextDouble();
            sum += p[k];
        }
        java.util.Arrays.sort(eps);
        java.util.Arrays.sort(p);
        for (int k = 0; k < d; k++) {
            p[k] /= sum;
        }
        double[] down = new double[d];
        double active = 0;
        for (int k = 0; k < d; k++) {
            down[k] = p[d - 1 - k];
            active += (p[k] - down[k]) * eps[k];
        }
        double[] u = TestSupport.randomUnitary(rnd, d);
        double[] h = TestSupport.diagonalIn(u, eps);
        double scale = 1e-13 * d * (Math.abs(eps[0]) + Math.abs(eps[d - 1]));
        assertThat(Ergotropy.of(TestSupport.diagonalIn(u, down), h, d)).isCloseTo(0.0, within(scale));
        assertThat(Ergotropy.of(TestSupport.diagonalIn(u, p), h, d)).isCloseTo(active, within(scale));
        // pure state: E = <psi|H|psi> - eps_min
        double[] pure = TestSupport.randomDensity(rnd, d, 1);
        double expect = -eps[0];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                expect += pure[2 * (i * d + j)] * h[2 * (j * d + i)] - pure[2 * (i * d + j) + 1] * h[2 * (j * d + i) + 1];
            }
        }
        assertThat(Ergotropy.of(pure, h, d)).isCloseTo(expect, within(scale));
        // invariance under V(.)V† applied to both
        double[] v = TestSupport.randomUnitary(rnd, d), vd = TestSupport.dagger(v, d);
        double[] rho = TestSupport.randomDensity(rnd, d, 1 + rnd.nextInt(d));
        double turned = Ergotropy.of(TestSupport.mul(TestSupport.mul(v, rho, d), vd, d), TestSupport.mul(TestSupport.mul(v, h, d), vd, d), d);
        assertThat(turned).isCloseTo(Ergotropy.of(rho, h, d), within(scale));
    }

    @Test
    void anyHamiltonianRefusesMismatchedSizes() {
        assertThatThrownBy(() -> Ergotropy.of(new double[8], new double[18], 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8 doubles").hasMessageContaining("got 8 and 18");
    }

    @Test
    void namedStatesMatchPhysicsNotes() {
        // charged: E = U = N; classical: E = N/2, U = 3N/4; quantum: E = U = N/2 (physics.md §5 × N)
        int n = 3;
        assertThat(Ergotropy.of(InitialState.charged(n), n, 1)).isCloseTo(3, within(1e-13));
        assertThat(Ergotropy.of(InitialState.classical(n), n, 1)).isCloseTo(1.5, within(1e-13));
        assertThat(Ergotropy.of(InitialState.quantum(n), n, 1)).isCloseTo(1.5, within(1e-13));
        assertThat(Ergotropy.incoherent(InitialState.quantum(n), n, 1)).isCloseTo(0, within(1e-13));
        assertThat(Coherence.l1Normalised(InitialState.quantum(n), n)).isCloseTo(1, within(1e-13));
        // capacity of a pure state equals the full spectral width Nω
        assertThat(Capacity.of(InitialState.quantum(n), n, 1)).isCloseTo(3, within(1e-12));
    }

    @Test
    void passivityGapSignsMatchErgotropy() {
        double[] cl = InitialState.classical(2);
        assertThat(Passivity.gap(cl, 2)).isNegative();
        double[] thermal = InitialState.product(2, new double[] {0.7, 0, 0, 0, 0, 0, 0.3, 0});
        assertThat(Passivity.gap(thermal, 2)).isPositive();
        assertThat(Ergotropy.of(thermal, 2, 1)).isCloseTo(0, within(1e-15));
    }
}
