package org.qbattery.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.InitialState;
import org.qbattery.model.Variant;

/** The count-orbit generator against the full 2^N-register one, on random permutation-invariant matrices. */
class CountOrbitsTest {
    /** ρ_xy = u_t / mult(t) for every pair (x, y) of the register. */
    static double[] full(CountOrbits orbits, double[] u) {
        int n = orbits.cells(), d = 1 << n;
        double[] logFactorial = new double[n + 1];
        for (int k = 1; k <= n; k++) {
            logFactorial[k] = logFactorial[k - 1] + Math.log(k);
        }
        double[] rho = new double[2 * d * d];
        for (int x = 0; x < d; x++) {
            for (int y = 0; y < d; y++) {
                int a = Integer.bitCount(x & y), b = Integer.bitCount(x & ~y), c = Integer.bitCount(~x & y);
                int i = orbits.index(a, b, c);
                double mult = Math.exp(logFactorial[n] - logFactorial[a] - logFactorial[b] - logFactorial[c]
                        - logFactorial[n - a - b - c]);
                rho[2 * (x * d + y)] = u[2 * i] / mult;
                rho[2 * (x * d + y) + 1] = u[2 * i + 1] / mult;
            }
        }
        return rho;
    }

    @ParameterizedTest(name = "N={0} J={1} Γicl={2} n̄={3} γφ={4} {5}")
    @MethodSource("org.qbattery.kernel.DickeLiouvillianTest#cases")
    void matchesTheRegisterGenerator(int n, double coupling, double gammaIcl, double nbar, double dephasing, Variant variant) {
        Battery b = DickeLiouvillianTest.battery(n, coupling, gammaIcl, nbar, dephasing, variant);
        CountOrbits orbits = b.countOrbitGenerator();
        assertThat(orbits.types()).isEqualTo((n + 1) * (n + 2) * (n + 3) / 6);
        Random rnd = new Random(3 + n);
        double[] u = new double[orbits.length()];
        for (int i = 0; i < orbits.types(); i++) {
            int[] t = orbits.type(i);
            int conj = orbits.index(t[0], t[2], t[1]);
            if (conj < i) {
                continue;
            }
            double re = rnd.nextGaussian(), im = conj == i ? 0 : rnd.nextGaussian();
            u[2 * i] = re;
            u[2 * i + 1] = im;
            u[2 * conj] = re;
            u[2 * conj + 1] = -im;
        }
        double[] du = new double[u.length];
        orbits.derivative(0, u, du);
        double[] expected = new double[2 << (2 * n)];
        b.generator().derivative(0, full(orbits, u), expected);
        DickeLiouvillianTest.assertSameDerivative(expected, full(orbits, du), n);
    }

    @Test
    void productStatesMatchTheRegister() {
        int n = 5;
        CountOrbits orbits = new CountOrbits(n, 0, 1, 0, 0, 0, 0);
        double theta = 1.1, phi = 0.7;
        double[] one = {
            Math.pow(Math.sin(theta / 2), 2), 0,
            Math.sin(theta / 2) * Math.cos(theta / 2) * Math.cos(phi), Math.sin(theta / 2) * Math.cos(theta / 2) * Math.sin(phi),
            Math.sin(theta / 2) * Math.cos(theta / 2) * Math.cos(phi), -Math.sin(theta / 2) * Math.cos(theta / 2) * Math.sin(phi),
            Math.pow(Math.cos(theta / 2), 2), 0};
        double[] expected = InitialState.bloch(n, theta, phi);
        double[] actual = full(orbits, orbits.product(one));
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-14));
        }
        assertThat(orbits.trace(orbits.product(one), 0)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-14));
    }
}
