package org.qbattery.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qbattery.kernel.Tolerances;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.InvalidParameterException;

/**
 * The complete graph beyond the register (Dicke blocks and count orbits), against closed forms at
 * 40 cells; the register comparison up to 7 cells is in {@link SymmetryReductionTest}.
 *
 * <p>Tolerances: rtol 1e-10, atol 1e-12 over ≲ 100 steps give ≲ 1e-8 relative error in every element
 * weight; the measures are sums of such weights with bounded coefficients, so 1e-7 relative (plus
 * 1e-10 absolute for values that decay to zero) leaves two orders of margin and still catches any
 * wrong coefficient (those move values at the percent level).
 */
class SymmetricDischargeTest {
    private static void close(double got, double want, String what) {
        assertThat(got).as(what).isCloseTo(want, within(1e-7 * Math.abs(want) + 1e-10));
    }

    /**
     * Without exchange or cross-decay the cells are independent: ρ(t) = ρ1(t)^⊗N with the one-cell
     * thermal amplitude damping plus dephasing, ρee(t) = ρ∞ + (ρee(0) − ρ∞) e^{−Γ(2n̄+1)t},
     * ρ∞ = n̄/(2n̄+1), |ρeg(t)| = |ρeg(0)| e^{−(Γ(2n̄+1)/2 + γφ)t}. Then U = N ρee, E = N·E1 (identical
     * qubits: the passive state of ρ1^⊗N is the product of passive ones), the l1-coherence is
     * ((1 + 2|ρeg|)^N − 1)/(2^N − 1), purity p1^N, entropy N·S1, concurrence 0.
     */
    @ParameterizedTest(name = "{3}, N = {0}, n̄ = {1}, γφ = {2}")
    @CsvSource({"40, 0, 0, symmetric", "40, 0.2, 0.3, symmetric", "15, 0.1, 0, symmetric", "40, 0.2, 0.3, central", "15, 0.1, 0, central",
        "40, 0.2, 0.3, none"})
    void independentCellsFollowTheOneCellClosedForms(int n, double nbar, double dephasing, String graph) {
        // Uncoupled cells carry a coupling and a leakage rate that must act on no pair (there is no edge).
        boolean none = graph.equals("none");
        Battery b = Battery.builder(Graph.named(graph, n, null)).coupling(none ? 2 : 0).gammaIcl(none ? 0.5 : 0).nbar(nbar)
                .dephasing(dephasing).build();
        DischargeResult r = SelfDischarge.of(b).state("quantum").grid(2, 0.25).run();
        assertThat(r.onDickeBlocks()).isTrue();
        double rate = 2 * nbar + 1, inf = nbar / rate;
        for (int k = 0; k < r.times().length; k++) {
            double t = r.times()[k];
            double ee = inf + (0.5 - inf) * Math.exp(-rate * t), gg = 1 - ee;
            double eg = 0.5 * Math.exp(-(rate / 2 + dephasing) * t);
            double z = ee - gg, bloch = Math.sqrt(z * z + 4 * eg * eg);
            double e1 = (z + bloch) / 2, lp = (1 + bloch) / 2, lm = (1 - bloch) / 2;
            double[] row = r.series()[k];
            String at = " at t = " + t;
            close(row[0], n * ee, "energy" + at);
            close(row[1], n * e1, "ergotropy" + at);
            // Zero up to the Wootters formula's floor: square roots of eigenvalues that are 0 up to round-off (√ε ≈ 1.5e-8).
            assertThat(row[3]).as("concurrence" + at).isBetween(0.0, 1e-7);
            close(row[4], (Math.pow(1 + 2 * eg, n) - 1) / (Math.pow(2, n) - 1), "coherence" + at);
            close(row[5], n * Math.max(0, ee - gg), "incoherent ergotropy" + at);
            close(row[8], n * e1, "local ergotropy" + at);
            double s1 = -(lp * Math.log(lp) + (lm > 0 ? lm * Math.log(lm) : 0));
            close(row[9], n * s1, "entropy" + at);
            close(row[10], Math.pow(lp * lp + lm * lm, n), "purity" + at);
            close(row[11], 1, "trace" + at);
        }
    }

    /**
     * Fractions on the Dicke path: 40 independent charged cells, U = N e^{−t} and E = N(2e^{−t} − 1)
     * while positive, so U and E reach f of their start at ln(1/f) and ln(2/(1 + f)) (to 1e-8, as
     * every characteristic time).
     */
    @Test
    void fractionTimesWithoutTheRegister() {
        Battery b = Battery.builder(Graph.complete(40)).build();
        DischargeResult r = SelfDischarge.of(b).state("charged").grid(3, 0.5).fractions(0.25, 0.75).run();
        assertThat(r.onDickeBlocks()).isTrue();
        for (double f : new double[] {0.25, 0.75}) {
            assertThat(r.analysis().energyFractions().get(f)).isCloseTo(Math.log(1 / f), within(1e-8));
            assertThat(r.analysis().ergotropyFractions().get(f)).isCloseTo(Math.log(2 / (1 + f)), within(1e-8));
        }
    }

    /**
     * Collective decay alone (Γ_icl = Γ: G = Γ·𝟙𝟙ᵀ) keeps each total-spin block's weight and lowers it
     * to |j, −j⟩, which holds N/2 − j = p excited cells: the classical state (¾|e⟩⟨e| + ¼|g⟩⟨g|)^⊗N keeps
     * U(∞) = Σ_p p·(d_p Σ_{k=0}^{N−2p} (¾)^{k+p} (¼)^{N−k−p}) trapped in dark states; |+⟩^N, all in
     * spin N/2, decays to the ground state. Slowest rate in any block: 2j ≥ 1, so t = 40 is e^{−40} from the limit.
     */
    @Test
    void collectiveDecayTrapsTheDarkStatesEnergy() {
        int n = 20;
        Battery b = Battery.builder(Graph.complete(n)).coupling(2).gammaIcl(1).build();
        DischargeResult classical = SelfDischarge.of(b).state("classical").grid(40, 5).run();
        double trapped = 0;
        BigInteger previous = BigInteger.ZERO;
        for (int p = 0; p <= n / 2; p++) {
            BigInteger binomial = binomial(n, p);
            double copies = binomial.subtract(previous).doubleValue();
            previous = binomial;
            double weight = 0;
            for (int k = 0; k <= n - 2 * p; k++) {
                weight += Math.pow(0.75, k + p) * Math.pow(0.25, n - k - p);
            }
            trapped += p * copies * weight;
        }
        assertThat(trapped).isGreaterThan(1); // not a vacuous limit
        double[] u = classical.energy();
        close(u[u.length - 1], trapped, "U(40), classical");
        close(classical.series()[u.length - 1][11], 1, "trace");
        DischargeResult quantum = SelfDischarge.of(b).state("quantum").grid(40, 5).run();
        double[] uq = quantum.energy();
        assertThat(uq[uq.length - 1]).isLessThan(1e-10);
    }

    /**
     * The star from the W state with local decay only (Γ_icl = 0): one excitation shared by the hub and
     * the leaves' symmetric mode |S⟩ = Σ_l|l⟩/√M, which exchange it at g = J√M while it decays at Γ:
     * (c_0, c_S)(0) = (1, √M)/√N, c_0(t) = c_0(0) cos gt − i c_S(0) sin gt, c_S(t) = c_S(0) cos gt − i c_0(0) sin gt,
     * and ρ(t) = e^{−Γt}|ψ(t)⟩⟨ψ(t)| + (1 − e^{−Γt})|0⟩⟨0|. So U = e^{−Γt}, E = max(0, 2U − 1) (dies at ln 2 with
     * the energy's half-life), and each hub–leaf pair has concurrence 2e^{−Γt}|c_0||c_S|/√M.
     */
    @Test
    void starSharesOneExcitationBetweenHubAndLeaves() {
        int n = 40, m = n - 1;
        double coupling = 0.3, g = coupling * Math.sqrt(m);
        Battery b = Battery.builder(Graph.star(n)).coupling(coupling).build();
        DischargeResult r = SelfDischarge.of(b).state("w").grid(2, 0.1).run();
        assertThat(r.onDickeBlocks()).isTrue();
        for (int k = 0; k < r.times().length; k++) {
            double t = r.times()[k], decay = Math.exp(-t);
            double c0r = Math.cos(g * t) / Math.sqrt(n), c0i = -Math.sqrt((double) m / n) * Math.sin(g * t);
            double csr = Math.sqrt((double) m / n) * Math.cos(g * t), csi = -Math.sin(g * t) / Math.sqrt(n);
            double[] row = r.series()[k];
            String at = " at t = " + t;
            close(row[0], decay, "energy" + at);
            close(row[1], Math.max(0, 2 * decay - 1), "ergotropy" + at);
            close(row[3], 2 * decay * Math.hypot(c0r, c0i) * Math.hypot(csr, csi) / Math.sqrt(m), "concurrence" + at);
            close(row[11], 1, "trace" + at);
        }
        close(r.analysis().ergotropySuddenDeath(), Math.log(2), "sudden death");
        close(r.analysis().energyHalfLife(), Math.log(2), "energy half-life");
    }

    /** Invariants of a generic run at 40 cells: trace 1, ρ ≥ 0, 0 ≤ E ≤ U, E_c ≥ 0, coherence in [0, 1], entropy ≥ 0. */
    @Test
    void genericRunKeepsTheInvariants() {
        int n = 40;
        Battery b = Battery.builder(Graph.complete(n)).coupling(2).gammaIcl(0.5).nbar(0.05).dephasing(0.1).build();
        DischargeResult r = SelfDischarge.of(b).state("quantum").tolerances(Tolerances.DEFAULT).grid(1, 0.1).run();
        for (double[] row : r.series()) {
            assertThat(row[11]).as("trace").isCloseTo(1, within(1e-8));
            assertThat(row[12]).as("min eigenvalue").isGreaterThan(-1e-9);
            assertThat(row[1]).as("ergotropy").isBetween(0.0, row[0]);
            assertThat(row[6]).as("coherent ergotropy").isGreaterThanOrEqualTo(0);
            assertThat(row[4]).as("coherence").isBetween(0.0, 1.0 + 1e-12); // 1 at t = 0 (|+⟩^N), up to round-off
            assertThat(row[9]).as("entropy").isGreaterThan(-1e-9);
        }
        assertThat(r.analysis().energyHalfLife()).isNotNull().isBetween(0.0, 1.0);
    }

    @Test
    void beyondTheRegisterOnlyTheCompleteGraphWithABuiltInState() {
        assertThatThrownBy(() -> Battery.builder(Graph.chain(20)).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("1..14");
        Battery complete = Battery.builder(Graph.complete(20)).build();
        assertThatThrownBy(() -> SelfDischarge.of(complete).state("quantum").representation("register").run())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("2^N register");
        assertThatThrownBy(() -> SelfDischarge.of(complete).state("file:/nonexistent").run())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("register");
        assertThatThrownBy(() -> SelfDischarge.of(Battery.builder(Graph.chain(4)).build()).state("quantum").representation("dicke").run())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("complete graph");
        assertThatThrownBy(() -> Battery.builder(Graph.complete(Battery.MAX_SYMMETRIC_CELLS + 1)).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("1.." + Battery.MAX_SYMMETRIC_CELLS);
    }

    /** A run that cannot fit is refused before anything is allocated, naming the largest N that fits the same budget. */
    @Test
    void refusalNamesTheLargestFittingCells() {
        long budget = 200L << 20;
        for (boolean star : new boolean[] {false, true}) {
            assertThat(SymmetricDischarge.estimateBytes(20, "taylor", star)).isLessThan(budget);
            assertThatThrownBy(() -> SymmetricDischarge.requireMemory(128, "auto", star, budget))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining(star ? "on the star" : "on the complete graph")
                    .satisfies(ex -> {
                        int fit = Integer.parseInt(ex.getMessage().replaceAll(".*cells <= (\\d+).*", "$1"));
                        assertThat(SymmetricDischarge.estimateBytes(fit, "taylor", star)).isLessThanOrEqualTo(budget);
                        assertThat(SymmetricDischarge.estimateBytes(fit + 1, "taylor", star)).isGreaterThan(budget);
                    });
        }
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger c = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return c;
    }
}
