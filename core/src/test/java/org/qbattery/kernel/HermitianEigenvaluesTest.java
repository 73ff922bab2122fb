package org.qbattery.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qbattery.TestSupport;

class HermitianEigenvaluesTest {
    static Stream<Arguments> cases() {
        return IntStream.range(0, 40).mapToObj(seed -> Arguments.of(seed, 1 + (seed * 7) % 33));
    }

    /** Two independent algorithms (Householder+QL, Jacobi) must agree to round-off, scaled by ‖A‖·n. */
    @ParameterizedTest(name = "seed {0}, n = {1}")
    @MethodSource("cases")
    void agreesWithJacobi(int seed, int n) {
        double[] a = TestSupport.randomHermitian(new Random(seed), n);
        double[] ql = HermitianEigenvalues.of(a, n);
        double[] jac = JacobiEigen.of(a, n).values;
        double scale = 0;
        for (double v : jac) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k < n; k++) {
            assertThat(ql[k]).isCloseTo(jac[k], within(1e-13 * n * Math.max(1, scale)));
        }
        // invariants: trace and Frobenius norm are the sums of λ and λ²
        double tr = 0, fro = 0, sl = 0, sl2 = 0;
        for (int i = 0; i < n; i++) {
            tr += a[2 * (i * n + i)];
            sl += ql[i];
            sl2 += ql[i] * ql[i];
        }
        for (double v : a) {
            fro += v * v;
        }
        assertThat(sl).isCloseTo(tr, within(1e-12 * n * Math.max(1, scale)));
        assertThat(sl2).isCloseTo(fro, within(1e-11 * n * Math.max(1, fro)));
    }

    /** A = U diag(λ) U† with a known spectrum, including exact degeneracies and zeros. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cases")
    void recoversPrescribedSpectrum(int seed, int n) {
        Random rnd = new Random(1000 + seed);
        double[] lambda = new double[n];
        for (int k = 0; k < n; k++) {
            lambda[k] = k % 3 == 0 ? 0.0 : Math.floor(rnd.nextDouble() * 4) / 4;
        }
        double[] got = HermitianEigenvalues.of(TestSupport.withSpectrum(rnd, lambda), n);
        double[] want = lambda.clone();
        java.util.Arrays.sort(want);
        for (int k = 0; k < n; k++) {
            assertThat(got[k]).isCloseTo(want[k], within(1e-13 * n));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("cases")
    void jacobiVectorsAreEigenvectors(int seed, int n) {
        double[] a = TestSupport.randomHermitian(new Random(seed), n);
        JacobiEigen e = JacobiEigen.of(a, n);
        double[] av = TestSupport.mul(a, e.vectors, n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                assertThat(av[2 * (i * n + k)]).isCloseTo(e.values[k] * e.vectors[2 * (i * n + k)], within(1e-12 * n));
                assertThat(av[2 * (i * n + k) + 1]).isCloseTo(e.values[k] * e.vectors[2 * (i * n + k) + 1], within(1e-12 * n));
            }
        }
    }

    /**
     * The native path (OpenBLAS zheevd) against the pure-Java one, at the sizes where it takes over
     * and where the two-stage reduction does.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "n = {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {64, 120, 128, 200, 256, NativeLapack.TWO_STAGE_ORDER})
    void nativeAgreesWithPureJava(int n) {
        if (System.getenv("CI") != null) {
            assertThat(NativeLapack.available()).as(NativeLapack.status()).isTrue();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(NativeLapack.available(), NativeLapack.status());
        double[] a = TestSupport.randomHermitian(new Random(n), n);
        double[] nat = HermitianEigenvalues.of(a, n);
        double[] java = HermitianEigenvalues.pureJavaInPlace(a.clone(), n);
        for (int k = 0; k < n; k++) {
            assertThat(nat[k]).isCloseTo(java[k], within(1e-12 * n));
        }
    }

    /**
     * The closed form for order 2, λ = (a+d)/2 ± √(((a−d)/2)² + |b|²), where the general path's
     * hypot meets its edge cases: exact zeros (no coherence), a degenerate diagonal, and elements so
     * small that their squares underflow (√ of a sum of squares would give 0, not ±1e-200).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "a={0}, d={1}, b=({2},{3})")
    @org.junit.jupiter.params.provider.CsvSource({
        "0.3, 0.7, 0, 0, 0.3, 0.7",
        "0.5, 0.5, 0, 0.25, 0.25, 0.75",
        "0, 0, 1e-200, 0, -1e-200, 1e-200",
        "0, 0, 6e-201, 8e-201, -1e-200, 1e-200",
        "1, 0, 0, 0, 0, 1",
        "2, -1, 2, 0, -2, 3"})
    void orderTwoClosedForm(double a, double d, double br, double bi, double lo, double hi) {
        double[] m = {a, 0, br, bi, br, -bi, d, 0};
        double[] ev = HermitianEigenvalues.of(m, 2);
        double tol = 4 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi)));
        assertThat(ev[0]).isCloseTo(lo, within(tol));
        assertThat(ev[1]).isCloseTo(hi, within(tol));
        assertThat(HermitianEigenvalues.of(new double[] {-0.25, 0}, 1)).containsExactly(-0.25);
    }

    /** The fast hypot against Math.hypot over magnitudes from 1e-300 to 1e300, zeros and mixed scales included: each is within 1 ulp of the exact value, so within 2 ulp of each other. */
    @org.junit.jupiter.api.Test
    void hypotMatchesMathHypotAtEveryScale() {
        Random rnd = new Random(11);
        for (int t = 0; t < 200_000; t++) {
            double x = (rnd.nextBoolean() ? -1 : 1) * rnd.nextDouble() * Math.pow(10, rnd.nextInt(601) - 300);
            double y = t % 7 == 0 ? 0 : (rnd.nextBoolean() ? -1 : 1) * rnd.nextDouble() * Math.pow(10, rnd.nextInt(601) - 300);
            double exact = Math.hypot(x, y);
            assertThat(HermitianEigenvalues.hypot(x, y)).as("hypot(%s, %s)", x, y).isCloseTo(exact, within(2 * Math.ulp(exact)));
        }
    }

    /** The values-only Jacobi makes the same rotations: equal to the decomposition's values to the last bit, ties included. */
    @ParameterizedTest(name = "n = {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 4, 7})
    void jacobiValuesAloneEqualTheDecompositions(int n) {
        java.util.Random rnd = new java.util.Random(31 + n);
        for (int k = 0; k < 50; k++) {
            double[] a = TestSupport.randomHermitian(rnd, n);
            if (k % 5 == 0) {
                a = new double[2 * n * n]; // degenerate: every value equal
                for (int i = 0; i < n; i++) {
                    a[2 * (i * n + i)] = 0.25;
                }
            }
            assertThat(JacobiEigen.valuesOf(a, n)).containsExactly(JacobiEigen.of(a, n).values);
        }
    }

    /** The reduction reads the lower triangle only: whatever the upper one holds, the same values. */
    @ParameterizedTest(name = "seed {0}, n = {1}")
    @MethodSource("cases")
    void readsTheLowerTriangleOnly(int seed, int n) {
        double[] a = TestSupport.randomHermitian(new Random(seed), n);
        double[] scrambled = a.clone();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                scrambled[2 * (i * n + j)] = Double.NaN;
                scrambled[2 * (i * n + j) + 1] = 1e300;
            }
        }
        assertThat(HermitianEigenvalues.pureJavaInPlace(scrambled, n)).containsExactly(HermitianEigenvalues.pureJavaInPlace(a.clone(), n));
    }

    /**
     * Scaled by 2^±500 (exactly), the eigenvalues scale exactly as well: the QL iteration works on
     * squared off-diagonals, which would underflow (or overflow) without its own scaling.
     */
    @ParameterizedTest(name = "seed {0}, n = {1}")
    @MethodSource("cases")
    void spectrumScalesWithTheMatrixFromTinyToHuge(int seed, int n) {
        double[] a = TestSupport.randomHermitian(new Random(seed), n);
        double[] ev = HermitianEigenvalues.pureJavaInPlace(a.clone(), n);
        for (int power : new int[] {-500, 500}) {
            double[] s = a.clone();
            for (int i = 0; i < s.length; i++) {
                s[i] = Math.scalb(s[i], power);
            }
            double[] got = HermitianEigenvalues.pureJavaInPlace(s, n);
            for (int k = 0; k < n; k++) {
                assertThat(Math.scalb(got[k], -power)).isEqualTo(ev[k]);
            }
        }
    }

    /**
     * Spectra like those of a decaying ρ: graded over 40 decades, or one eigenvalue 1 − 1e-12 and the
     * rest sharing 1e-12, in a random basis, orders 3 to 63. The absolute error stays at round-off of
     * the largest eigenvalue (backward stability: ε·‖A‖ per step, times n).
     */
    @ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void gradedAndNearlyPureSpectra(int seed) {
        Random rnd = new Random(seed);
        int n = 3 + rnd.nextInt(61);
        for (boolean graded : new boolean[] {true, false}) {
            double[] lambda = new double[n];
            for (int k = 0; k < n; k++) {
                lambda[k] = graded ? Math.pow(10, -rnd.nextInt(40)) : k == 0 ? 1 - 1e-12 : 1e-12 / (n - 1);
            }
            double[] got = HermitianEigenvalues.pureJavaInPlace(TestSupport.withSpectrum(rnd, lambda), n);
            double[] want = lambda.clone();
            java.util.Arrays.sort(want);
            for (int k = 0; k < n; k++) {
                assertThat(got[k]).as("graded %s, n %d, k %d", graded, n, k).isCloseTo(want[k], within(1e-14 * n));
            }
        }
    }

}
