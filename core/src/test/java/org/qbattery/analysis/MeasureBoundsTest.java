package org.qbattery.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.Variant;

/**
 * What every reported number must obey, whatever the battery, at every output time of random runs
 * (random graphs and named ones, exchange, leakage up to the complete-positivity bound, dephasing,
 * temperature, both variants, built-in and random states, each representation a run can pick):
 * <ul>
 * <li>ρ is a state: tr ρ = 1, λmin ≥ 0; 0 ≤ U ≤ Nω.</li>
 * <li>Ergotropy (Eq. 1): 0 ≤ E_i ≤ E ≤ U, where E_i = E(Δ[ρ]) is at most E because Δ[ρ]'s spectrum
 * is majorised by ρ's at the same U; the coherent part E − E_i ≥ 0; local unitaries are global ones,
 * so Σn E(ρn) ≤ E; E ≤ capacity ≤ Nω (capacity = highest minus lowest energy on ρ's unitary orbit, U
 * lies between them); the efficiency E/U lies in [0, 1].</li>
 * <li>Wootters concurrence and the normalised l1-coherence in [0, 1].</li>
 * <li>0 ≤ S ≤ N ln 2 and 1/D ≤ tr ρ² ≤ 1, with S ≥ −ln tr ρ² (the Rényi-2 entropy never exceeds
 * von Neumann's).</li>
 * <li>At zero temperature the energy never rises: dU/dt = −ω tr(G C) ≤ 0 (see {@link EnergyBalanceTest}).</li>
 * </ul>
 * Tolerances: the integrator's error on ρ (rtol 1e-10, atol 1e-12, over Γt ≤ 3) and rounding in the
 * D-dimensional spectra, 1e-9 per unit of the quantity's scale (N for energies).
 */
class MeasureBoundsTest {
    static IntStream seeds() {
        return IntStream.range(0, 24);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyMeasureStaysInsideItsPhysicalRange(int seed) {
        Random rnd = new Random(4400 + seed);
        // Beyond the register's comfortable sizes only the Dicke-block runs (complete graph, star, none).
        boolean dicke = seed % 6 == 5;
        int n = dicke ? 8 + 3 * (seed / 6) : 1 + rnd.nextInt(6);
        String[] named = {"star", "chain", "ring", "complete", "none"};
        String name = dicke ? new String[] {"star", "complete", "none"}[(seed / 6) % 3] : named[seed % named.length];
        Graph graph = !dicke && seed % 4 == 3 ? InvariantsTest.randomGraph(rnd, n, seed % 8 == 3) : Graph.named(name.equals("ring") && n < 3 ? "chain" : name, n, null);
        double gamma = 0.5 + rnd.nextDouble();
        double max = Battery.builder(graph).gamma(gamma).build().decayMatrix().maxValidGammaIcl();
        // A tenth of the runs sit exactly on the bound, where G has dark modes.
        double gammaIcl = Double.isInfinite(max) ? rnd.nextDouble() : seed % 10 == 7 ? max : max * rnd.nextDouble();
        double nbar = seed % 3 == 1 ? 0.3 * rnd.nextDouble() : 0;
        Battery b = Battery.builder(graph).omega(0.5 + 2 * rnd.nextDouble()).gamma(gamma).coupling(3 * rnd.nextGaussian()).gammaIcl(gammaIcl)
                .dephasing(seed % 4 == 2 ? 0.4 * rnd.nextDouble() : 0).nbar(nbar)
                .variant(seed % 7 == 6 ? Variant.AS_PRINTED : Variant.STATED).build();
        SelfDischarge run = SelfDischarge.of(b).grid(3, 0.1);
        String state = InvariantsTest.setRandomState(run, rnd, n, rnd.nextInt(dicke ? InvariantsTest.STATE_KINDS - 1 : InvariantsTest.STATE_KINDS));
        DischargeResult r = run.run();
        String where = b.describe() + ", " + state + ", " + r.representation();
        double tol = 1e-9, tolN = 1e-9 * n;
        double[] u = r.energy(), e = r.ergotropy(), eff = r.efficiency(), c = r.concurrence(), coh = r.coherence();
        double[] ei = r.column("ergotropy_incoherent"), ec = r.column("ergotropy_coherent"), cap = r.column("capacity");
        double[] local = r.column("ergotropy_local"), s = r.column("entropy"), p = r.column("purity");
        double[] tr = r.column("trace"), lmin = r.column("min_eigenvalue");
        for (int k = 0; k < r.times().length; k++) {
            String at = where + ", t = " + r.times()[k];
            assertThat(Math.abs(tr[k] - 1)).as("|tr ρ − 1|, %s", at).isLessThan(tol);
            assertThat(lmin[k]).as("λmin, %s", at).isGreaterThan(-tol);
            assertThat(u[k]).as("U, %s", at).isBetween(-tolN, n + tolN);
            assertThat(ei[k]).as("E_i, %s", at).isGreaterThan(-tolN);
            assertThat(ei[k]).as("E_i ≤ E, %s", at).isLessThan(e[k] + tolN);
            assertThat(ec[k]).as("E_c, %s", at).isGreaterThan(-tolN);
            assertThat(e[k]).as("E ≤ U, %s", at).isBetween(-tolN, u[k] + tolN);
            assertThat(local[k]).as("Σ E(ρn) ≤ E, %s", at).isBetween(-tolN, e[k] + tolN);
            assertThat(cap[k]).as("E ≤ capacity ≤ N, %s", at).isBetween(e[k] - tolN, n + tolN);
            if (u[k] > 1e-6) {
                assertThat(eff[k]).as("E/U, %s", at).isBetween(-tol / u[k], 1 + tol / u[k]);
            }
            assertThat(c[k]).as("concurrence, %s", at).isBetween(-tol, 1 + tol);
            assertThat(coh[k]).as("l1-coherence, %s", at).isBetween(-tol, 1 + tol);
            assertThat(s[k]).as("S, %s", at).isBetween(-tolN, n * Math.log(2) + tolN);
            assertThat(p[k]).as("tr ρ², %s", at).isBetween(Math.pow(2, -n) - tol, 1 + tol);
            assertThat(s[k]).as("S ≥ −ln tr ρ², %s", at).isGreaterThan(-Math.log(p[k]) - tolN);
            if (nbar == 0 && k > 0) {
                assertThat(u[k]).as("U never rises at zero temperature, %s", at).isLessThan(u[k - 1] + tolN);
            }
        }
    }
}
