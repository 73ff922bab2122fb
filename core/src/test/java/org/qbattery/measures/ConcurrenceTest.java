package org.qbattery.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qbattery.TestSupport;
import org.qbattery.model.InitialState;

class ConcurrenceTest {
    static DoubleStream angles() {
        return DoubleStream.iterate(0, t -> t + 0.1).limit(32);
    }

    /** cos t|00⟩ + sin t|11⟩ has C = |sin 2t| (physics.md §3). */
    @ParameterizedTest(name = "t = {0}")
    @MethodSource("angles")
    void cosSinState(double t) {
        double[] psi = new double[8];
        psi[0] = Math.cos(t);
        psi[6] = Math.sin(t);
        double[] rho = InitialState.pure(psi, 4);
        assertThat(Concurrence.of(rho)).isCloseTo(Math.abs(Math.sin(2 * t)), within(1e-7));
    }

    @Test
    void bellStatesAreMaximallyEntangled() {
        double s = Math.sqrt(0.5);
        double[][] bells = {{s, 0, 0, 0, 0, 0, s, 0}, {s, 0, 0, 0, 0, 0, -s, 0}, {0, 0, s, 0, s, 0, 0, 0}, {0, 0, s, 0, 0, s, 0, 0}};
        for (double[] psi : bells) {
            assertThat(Concurrence.of(InitialState.pure(psi, 4))).isCloseTo(1, within(1e-12));
        }
    }

    /** Werner state p|Φ+⟩⟨Φ+| + (1−p)I/4 has C = max(0, (3p−1)/2). */
    @ParameterizedTest(name = "p = {0}")
    @ValueSource(doubles = {0, 0.2, 1.0 / 3, 0.5, 0.8, 1})
    void wernerStates(double p) {
        double s = Math.sqrt(0.5);
        double[] bell = InitialState.pure(new double[] {s, 0, 0, 0, 0, 0, s, 0}, 4);
        double[] rho = new double[32];
        for (int k = 0; k < 32; k++) {
            rho[k] = p * bell[k];
        }
        for (int i = 0; i < 4; i++) {
            rho[2 * (4 * i + i)] += (1 - p) / 4;
        }
        assertThat(Concurrence.of(rho)).isCloseTo(Math.max(0, (3 * p - 1) / 2), within(1e-7));
        assertThat(Concurrence.signed(rho)).isCloseTo((3 * p - 1) / 2, within(1e-7));
    }

    @Test
    void productStatesAreNotEntangledAndLocalUnitariesDoNotChangeC() {
        Random rnd = new Random(3);
        for (int k = 0; k < 20; k++) {
            double[] a = TestSupport.randomDensity(rnd, 2, 2), b = TestSupport.randomDensity(rnd, 2, 2);
            double[] prod = new double[32];
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    int ai = i >> 1, bi = i & 1, aj = j >> 1, bj = j & 1;
                    double xr = a[2 * (2 * ai + aj)], xi = a[2 * (2 * ai + aj) + 1];
                    double yr = b[2 * (2 * bi + bj)], yi = b[2 * (2 * bi + bj) + 1];
                    prod[2 * (4 * i + j)] = xr * yr - xi * yi;
                    prod[2 * (4 * i + j) + 1] = xr * yi + xi * yr;
                }
            }
            assertThat(Concurrence.of(prod)).isLessThan(1e-7);
        }
    }

    @Test
    void reducedTwoCellStateOfAGhzIsSeparable() {
        // GHZ on 3 cells: any two-cell reduction is (|gg⟩⟨gg| + |ee⟩⟨ee|)/2, C = 0; W state: C = 2/3.
        double[] ghz = InitialState.ghz(3);
        assertThat(Concurrence.pair(ghz, 3, 0, 2)).isLessThan(1e-7);
        assertThat(Concurrence.pair(InitialState.dicke(3, 1), 3, 0, 2)).isCloseTo(2.0 / 3, within(1e-7));
    }

    /**
     * Random full-rank X states: the closed form against the eigenproblem. Every λ is at least
     * 0.1·√(ρ00ρ33) or 0.1·√(ρ11ρ22) here, so the eigenproblem's λ = √μ carries at most
     * ε/(2·min λ) ≈ 1e-14 of round-off.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void xStatesInClosedFormAgreeWithTheEigenproblem(int seed) {
        Random rnd = new Random(seed);
        for (int k = 0; k < 50; k++) {
            double[] p = new double[4];
            double tr = 0;
            for (int i = 0; i < 4; i++) {
                p[i] = 0.05 + rnd.nextDouble();
                tr += p[i];
            }
            double[] r4 = new double[32];
            for (int i = 0; i < 4; i++) {
                r4[2 * (4 * i + i)] = p[i] / tr;
            }
            // ρ03 and ρ12 up to 0.9 of the largest magnitude positivity allows, random phases
            double z = 0.9 * rnd.nextDouble() * Math.sqrt(p[0] * p[3]) / tr, y = 0.9 * rnd.nextDouble() * Math.sqrt(p[1] * p[2]) / tr;
            double pz = 2 * Math.PI * rnd.nextDouble(), py = 2 * Math.PI * rnd.nextDouble();
            setPair(r4, 0, 3, z * Math.cos(pz), z * Math.sin(pz));
            setPair(r4, 1, 2, y * Math.cos(py), y * Math.sin(py));
            assertThat(Concurrence.isX(r4)).isTrue();
            assertThat(Concurrence.signed(r4)).isCloseTo(Concurrence.signedGeneral(r4), within(1e-12));
        }
    }

    /** One non-zero element outside the X (however small) sends the state to the eigenproblem. */
    @ParameterizedTest(name = "element ({0}, {1})")
    @org.junit.jupiter.params.provider.CsvSource({"0, 1", "0, 2", "1, 3", "2, 3"})
    void anyElementOutsideTheXNeedsTheEigenproblem(int i, int j) {
        double[] r4 = new double[32];
        for (int k = 0; k < 4; k++) {
            r4[2 * (4 * k + k)] = 0.25;
        }
        assertThat(Concurrence.isX(r4)).isTrue();
        setPair(r4, i, j, 0, 1e-300);
        assertThat(Concurrence.isX(r4)).isFalse();
        setPair(r4, i, j, 1e-300, 0);
        assertThat(Concurrence.isX(r4)).isFalse();
    }

    /** ρ_ij = re + i·im and ρ_ji its conjugate. */
    private static void setPair(double[] r4, int i, int j, double re, double im) {
        r4[2 * (4 * i + j)] = re;
        r4[2 * (4 * i + j) + 1] = im;
        r4[2 * (4 * j + i)] = re;
        r4[2 * (4 * j + i) + 1] = -im;
    }
}
