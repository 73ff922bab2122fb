package org.qbattery.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qbattery.NaiveLindblad;
import org.qbattery.TestSupport;
import org.qbattery.kernel.OdeSystem;
import org.qbattery.kernel.PackedLindbladian;
import org.qbattery.measures.Energy;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.InitialState;
import org.qbattery.model.Variant;

/**
 * Energy balance: where the stored energy goes, derived from the master equation and checked on
 * every generator and on whole runs, over seeded random batteries.
 *
 * <p>With N̂ = H0/ω, [N̂, H_int] = 0, N̂σn⁻ = σn⁻(N̂ − 1) and dephasing diagonal, only the jumps move
 * energy. Emission (n̄+1)G_nm (σn⁻ρσm⁺ − ½{σm⁺σn⁻, ρ}) contributes −(n̄+1)·G_nm⟨σm⁺σn⁻⟩ and absorption
 * n̄G_nm (σn⁺ρσm⁻ − ½{σm⁻σn⁺, ρ}) contributes +n̄·G_nm⟨σm⁻σn⁺⟩, which is 1 − p_n on the diagonal and
 * ⟨σn⁺σm⁻⟩ off it. With C_nm = ⟨σm⁺σn⁻⟩ (Hermitian, positive semidefinite; C_nn = p_n):
 * <pre>  dU/dt = ω [ n̄ tr G − (2n̄ + 1) Σ_n G_nn p_n − Σ_{n≠m} G_nm C_nm ],</pre>
 * the cross terms carrying no factor 2n̄+1: their emission and absorption parts do not cancel in the
 * populations but add as −(n̄+1) + n̄. At n̄ = 0 this is −ω tr(G C) ≤ 0: without a bath the energy only falls.
 * Two exact consequences for a run: without leakage (G = ΓI) the exchange, on any graph and from
 * any state, cannot change U(t) = U∞ + (U(0) − U∞) e^{−(2n̄+1)Γt}, U∞ = Nωn̄/(2n̄+1); and one
 * excitation at zero temperature with the leakage on the exchange graph (h_eff = JA − iG/2 normal,
 * A and G commuting) keeps U(t) = ω ψ†e^{−Gt}ψ, whatever J is.
 */
class EnergyBalanceTest {
    static IntStream seeds() {
        return IntStream.range(0, 16);
    }

    /** ω⁻¹ dU/dt from the correlations of ρ: n̄ tr G − (2n̄+1) Σ G_nn p_n − Σ_{n≠m} G_nm C_nm. */
    static double energyRate(double[] rho, int n, double[][] g, double nbar) {
        int d = 1 << n;
        double rate = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (g[a][b] == 0) {
                    continue;
                }
                // C_ab = tr(ρ σb⁺σa⁻) = Σ_s ρ(s, s') over s ∋ a, s' = s − 2^a + 2^b ∌ b (a = b: the population of a).
                double c = 0;
                for (int s = 0; s < d; s++) {
                    if (((s >> a) & 1) == 1 && (a == b || ((s >> b) & 1) == 0)) {
                        int t = (s & ~(1 << a)) | (1 << b);
                        c += rho[2 * (s * d + t)];
                    }
                }
                rate += a == b ? g[a][a] * (nbar - (2 * nbar + 1) * c) : -g[a][b] * c;
            }
        }
        return rate;
    }

    /** tr(N̂ dρ), N̂ the number of excitations: the energy rate in units of ω. */
    static double numberRate(double[] drho, int n) {
        int d = 1 << n;
        double s = 0;
        for (int i = 0; i < d; i++) {
            s += Integer.bitCount(i) * drho[2 * (i * d + i)];
        }
        return s;
    }

    /**
     * The identity at arbitrary states, for every form of the right-hand side: the literal dense
     * construction (the other tests' oracle), the register kernel, and the packed sector blocks,
     * with random graphs, exchange, leakage, dephasing, thermal occupation and the as-printed variant.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyGeneratorMovesEnergyOnlyThroughTheJumps(int seed) {
        Random rnd = new Random(7100 + seed);
        int n = 1 + seed % 5, d = 1 << n;
        Battery b0 = InvariantsTest.randomBattery(rnd, n, 0.5 + 2 * rnd.nextDouble());
        Battery b = seed % 3 != 2 ? b0 : Battery.builder(b0.graph()).omega(b0.omega()).gamma(b0.gamma()).coupling(b0.coupling())
                .gammaIcl(b0.gammaIcl()).dephasing(b0.dephasing()).nbar(b0.nbar()).variant(Variant.AS_PRINTED).build();
        double[][] g = b.effectiveDecay();
        double[] rho = TestSupport.randomDensity(rnd, d, 1 + rnd.nextInt(d));
        double expected = energyRate(rho, n, g, b.nbar());
        // Each side is a sum of ≲ D·N² products of numbers ≤ the rates (ρ's elements are ≤ 1):
        // rounding is below 64 ε times that.
        double scale = (2 * b.nbar() + 1) * sumAbs(g) + b.effectiveDephasing() + Math.abs(b.coupling()) * n * n;
        double tol = 64 * Math.ulp(1.0) * d * n * n * scale;
        OdeSystem naive = new NaiveLindblad(n, 0.0, b.exchange(), g, b.nbar(), b.effectiveDephasing());
        double[] out = new double[rho.length];
        naive.derivative(0, rho, out);
        assertThat(numberRate(out, n)).as("dense construction").isCloseTo(expected, within(tol));
        b.generator().derivative(0, rho, out);
        assertThat(numberRate(out, n)).as("register kernel").isCloseTo(expected, within(tol));
        PackedLindbladian sectors = b.sectorGenerator();
        double[] packed = sectors.pack(rho), dPacked = new double[packed.length];
        sectors.derivative(0, packed, dPacked);
        sectors.unpack(dPacked, out);
        assertThat(numberRate(out, n)).as("sector blocks").isCloseTo(expected, within(tol));
        // Without a bath the energy can only fall: G and C are both positive semidefinite.
        if (b.nbar() == 0) {
            assertThat(expected).isLessThanOrEqualTo(tol);
        }
    }

    /**
     * Without leakage the exchange cannot touch the energy's relaxation: U(t) = U∞ + (U(0) − U∞)
     * e^{−κt}, κ = (2n̄+1)Γ_eff (Γ/2 in the as-printed variant), on random graphs with random J, from
     * every built-in state and random mixed ones, through whatever representation the run picks
     * (sector blocks, symmetry orbits, Dicke blocks).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void withoutLeakageEnergyRelaxesExponentiallyWhateverTheExchange(int seed) {
        Random rnd = new Random(8200 + seed);
        int n = 1 + seed % 6;
        String[] named = {"star", "chain", "ring", "complete", "none"};
        Graph graph = seed % 3 == 0 && n >= 2 ? InvariantsTest.randomGraph(rnd, n, seed % 2 == 0)
                : Graph.named(named[seed % named.length].equals("ring") && n < 3 ? "chain" : named[seed % named.length], n, null);
        double gamma = 0.5 + rnd.nextDouble(), nbar = seed % 2 == 0 ? 0 : 0.3 * rnd.nextDouble();
        Battery.Builder builder = Battery.builder(graph).omega(0.5 + 2 * rnd.nextDouble()).gamma(gamma)
                .coupling(4 * rnd.nextGaussian()).dephasing(seed % 4 < 2 ? 0 : 0.5 * rnd.nextDouble()).nbar(nbar);
        if (seed % 5 == 4) {
            builder.variant(Variant.AS_PRINTED);
        }
        Battery b = builder.build();
        SelfDischarge run = SelfDischarge.of(b).grid(3, 0.1);
        String state = InvariantsTest.setRandomState(run, rnd, n, seed);
        DischargeResult r = run.run();
        double kappa = (2 * nbar + 1) * (b.variant() == Variant.AS_PRINTED ? gamma / 2 : gamma);
        double uInf = n * nbar / (2 * nbar + 1), u0 = r.energy()[0];
        for (int k = 0; k < r.times().length; k++) {
            double expected = uInf + (u0 - uInf) * Math.exp(-kappa * r.times()[k]);
            // rtol 1e-10 per element over Γt ≤ 3 (the single-cell closed forms hold to 1e-9); U sums N populations.
            assertThat(r.energy()[k]).as("U(%s) by %s", r.times()[k], r.representation()).isCloseTo(expected, within(1e-9 * n));
        }
    }

    /**
     * One excitation, zero temperature, leakage on the exchange graph: U(t) = ψ†e^{−Gt}ψ for a
     * random complex one-excitation ψ on a random graph, weighted for a quarter of the seeds (the sector blocks) and for |W⟩ on the named
     * graphs (symmetry orbits; Dicke blocks on the complete graph and the star), at two couplings J
     * whose results must not differ.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void oneExcitationDecaysThroughTheDecayMatrixAloneWhateverTheExchange(int seed) {
        Random rnd = new Random(9300 + seed);
        int n = 2 + seed % 5, d = 1 << n;
        boolean w = seed % 2 == 1;
        String[] named = {"star", "chain", "ring", "complete"};
        Graph graph = w ? Graph.named(n < 3 && seed % 8 == 5 ? "chain" : named[(seed / 2) % 4], n, null)
                : InvariantsTest.randomGraph(rnd, n, seed % 4 == 0);
        double gamma = 0.5 + rnd.nextDouble();
        double max = Battery.builder(graph).gamma(gamma).build().decayMatrix().maxValidGammaIcl();
        double gammaIcl = Double.isInfinite(max) ? rnd.nextDouble() : max * rnd.nextDouble();
        double[] psi = new double[2 * d];
        double norm = 0;
        for (int c = 0; c < n; c++) {
            int i = 1 << c;
            psi[2 * i] = w ? 1 : rnd.nextGaussian();
            psi[2 * i + 1] = w ? 0 : rnd.nextGaussian();
            norm += psi[2 * i] * psi[2 * i] + psi[2 * i + 1] * psi[2 * i + 1];
        }
        for (int k = 0; k < psi.length; k++) {
            psi[k] /= Math.sqrt(norm);
        }
        double[][] results = new double[2][];
        double[] times = null;
        for (int j = 0; j < 2; j++) {
            double coupling = j == 0 ? 0 : 4 * rnd.nextGaussian();
            Battery b = Battery.builder(graph).gamma(gamma).coupling(coupling).gammaIcl(gammaIcl).build();
            SelfDischarge run = SelfDischarge.of(b).grid(3, 0.1);
            DischargeResult r = (w ? run.state("w") : run.state(InitialState.pure(psi, d), "one excitation")).run();
            assertThat(r.energy()[0]).isCloseTo(Energy.of(InitialState.pure(psi, d), n, 1), within(1e-14));
            results[j] = r.energy();
            times = r.times();
        }
        // G = ΓI + Γ_icl·W from the edge list itself (weights too), not from the battery.
        double[][] g = new double[n][n];
        for (int a = 0; a < n; a++) {
            g[a][a] = gamma;
        }
        for (Graph.Edge e : graph.edges()) {
            g[e.a()][e.b()] = g[e.b()][e.a()] = gammaIcl * e.weight();
        }
        for (int k = 0; k < times.length; k++) {
            double[][] e = expMinus(g, times[k]);
            double u = 0;
            for (int a = 0; a < n; a++) {
                for (int c = 0; c < n; c++) {
                    int ia = 1 << a, ic = 1 << c;
                    // ψ†Mψ with M real symmetric: the real part of conj(ψa) ψc times M_ac.
                    u += e[a][c] * (psi[2 * ia] * psi[2 * ic] + psi[2 * ia + 1] * psi[2 * ic + 1]);
                }
            }
            for (int j = 0; j < 2; j++) {
                // The integrator's rtol 1e-10 on numbers ≤ 1 over Γt ≤ 3, as for the single cell's closed forms.
                assertThat(results[j][k]).as("U(%s), run %d", times[k], j).isCloseTo(u, within(1e-9));
            }
        }
    }

    /**
     * Exchange and leakage on different graphs: the one-excitation amplitudes then follow the
     * non-Hermitian h = J·A_x − (i/2)·G with G = Γ·I + Γ_icl·A_l, which is normal only when A_x and A_l
     * commute, so U(t) = ‖e^{−iht}ψ‖² depends on J. Random pairs of graphs (weighted for half the
     * seeds) on the register, and a bath shared by all cells (complete leakage graph) on the chain,
     * on uncoupled cells (pure superradiance, Dicke blocks) and on the complete graph without leakage.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void oneExcitationOnTwoGraphsFollowsItsNonHermitianHamiltonian(int seed) {
        Random rnd = new Random(9900 + seed);
        int n = 2 + seed % 5, d = 1 << n;
        Graph exchange, leakage;
        boolean w = seed % 4 == 3; // the W state on named graphs
        if (w) {
            String[][] pairs = {{"linear", "symmetric"}, {"none", "symmetric"}, {"symmetric", "none"}, {"ring", "star"}};
            String[] pair = pairs[(seed / 4) % pairs.length];
            exchange = Graph.named(pair[0].equals("ring") && n < 3 ? "linear" : pair[0], n, null);
            leakage = Graph.named(pair[1], n, null);
        } else {
            exchange = InvariantsTest.randomGraph(rnd, n, seed % 2 == 0);
            leakage = InvariantsTest.randomGraph(rnd, n, seed % 2 == 0);
        }
        double gamma = 0.5 + rnd.nextDouble(), coupling = 3 * rnd.nextGaussian();
        // A third of the random pairs with a local rate per cell.
        double[] rates = new double[n];
        for (int a = 0; a < n; a++) {
            rates[a] = !w && seed % 3 == 1 ? 0.3 + 1.5 * rnd.nextDouble() : gamma;
        }
        double max = Battery.builder(leakage).localRates(rates).build().decayMatrix().maxValidGammaIcl();
        double gammaIcl = Double.isInfinite(max) ? rnd.nextDouble() : max * rnd.nextDouble();
        double[] psi = new double[2 * d];
        double norm = 0;
        for (int c = 0; c < n; c++) {
            psi[2 << c] = w ? 1 : rnd.nextGaussian();
            psi[(2 << c) + 1] = w ? 0 : rnd.nextGaussian();
            norm += psi[2 << c] * psi[2 << c] + psi[(2 << c) + 1] * psi[(2 << c) + 1];
        }
        for (int k = 0; k < psi.length; k++) {
            psi[k] /= Math.sqrt(norm);
        }
        Battery b = Battery.builder(exchange).leakageGraph(leakage).localRates(rates).coupling(coupling).gammaIcl(gammaIcl).build();
        SelfDischarge run = SelfDischarge.of(b).grid(3, 0.1);
        DischargeResult r = (w ? run.state("w") : run.state(InitialState.pure(psi, d), "one excitation")).run();
        // h = J·A_x − (i/2)(Γ·I + Γ_icl·A_l), from the edge lists (weights included), as re and im parts.
        double[][] hr = new double[n][n], hi = new double[n][n];
        for (int a = 0; a < n; a++) {
            hi[a][a] = -rates[a] / 2;
        }
        for (Graph.Edge e : exchange.edges()) {
            hr[e.a()][e.b()] = hr[e.b()][e.a()] = coupling * e.weight();
        }
        for (Graph.Edge e : leakage.edges()) {
            hi[e.a()][e.b()] = hi[e.b()][e.a()] = -gammaIcl * e.weight() / 2;
        }
        for (int k = 0; k < r.times().length; k++) {
            double t = r.times()[k];
            // e^{−iht} = e^{(−i·hr + hi)t}: the generator's real part is hi·t, its imaginary part −hr·t.
            double[][][] u = expComplex(scaled(hi, t), scaled(hr, -t));
            double energy = 0;
            for (int a = 0; a < n; a++) {
                double re = 0, im = 0;
                for (int c = 0; c < n; c++) {
                    double pr = psi[2 << c], pi = psi[(2 << c) + 1];
                    re += u[0][a][c] * pr - u[1][a][c] * pi;
                    im += u[0][a][c] * pi + u[1][a][c] * pr;
                }
                energy += re * re + im * im;
            }
            // The integrator's rtol 1e-10 on numbers ≤ 1 over Γt ≤ 3, as for the single cell's closed forms.
            assertThat(r.energy()[k]).as("U(%s), %s, %s", t, b.describe(), r.representation()).isCloseTo(energy, within(1e-9));
        }
    }

    /**
     * Cells of different lifetimes without exchange or leakage stay independent: each cell's
     * population decays as e^{−Γ_n t} and its coherence as e^{−(Γ_n/2 + γφ)t} (physics.md §5 per cell),
     * so U(t) and the one-cell ergotropies Σ ω(z_n + |r_n|)/2 follow from ρ(0) cell by cell; with the
     * per-cell rates every symmetry of the graph that swaps cells of different rates is dropped.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cellsOfDifferentLifetimesDecayEachAtItsOwnRate(int seed) {
        Random rnd = new Random(10400 + seed);
        int n = 1 + seed % 5;
        double[] rates = new double[n];
        for (int a = 0; a < n; a++) {
            rates[a] = 0.2 + 2 * rnd.nextDouble();
        }
        double theta = Math.PI * rnd.nextDouble(), phi = 2 * Math.PI * rnd.nextDouble(), dephasing = seed % 2 == 0 ? 0 : 0.5 * rnd.nextDouble();
        String[] named = {"linear", "ring", "complete", "star", "none"};
        Graph graph = Graph.named(named[seed % named.length].equals("ring") && n < 3 ? "linear" : named[seed % named.length], n, null);
        Battery b = Battery.builder(graph).localRates(rates).dephasing(dephasing).build(); // J = Γ_icl = 0: the graph only names pairs
        DischargeResult r = SelfDischarge.of(b).state("bloch:" + theta + "," + phi).grid(3, 0.1).run();
        double pe = Math.pow(Math.cos(theta / 2), 2), coh = Math.sin(theta) / 2; // ρee(0) and |ρeg(0)| of each cell
        for (int k = 0; k < r.times().length; k++) {
            double t = r.times()[k], u = 0, local = 0;
            for (int a = 0; a < n; a++) {
                double p = pe * Math.exp(-rates[a] * t), x = 2 * coh * Math.exp(-(rates[a] / 2 + dephasing) * t), z = 2 * p - 1;
                u += p;
                local += (z + Math.hypot(x, z)) / 2;
            }
            // rtol 1e-10 over Γt ≤ 3 per cell, N cells.
            assertThat(r.energy()[k]).as("U(%s), %s", t, r.representation()).isCloseTo(u, within(1e-9 * n));
            assertThat(r.column("ergotropy_local")[k]).as("Σ E(ρn)(%s)", t).isCloseTo(local, within(1e-9 * n));
        }
        if (n > 1) {
            assertThat(r.representation()).doesNotContain("Dicke").doesNotContain("orbit");
        }
    }

    private static double[][] scaled(double[][] m, double f) {
        double[][] s = new double[m.length][m.length];
        for (int a = 0; a < m.length; a++) {
            for (int c = 0; c < m.length; c++) {
                s[a][c] = f * m[a][c];
            }
        }
        return s;
    }

    /** e^{X + iY} for small real X, Y: scaling, a Taylor series to 30 terms, squaring; returns {re, im}. */
    static double[][][] expComplex(double[][] x, double[][] y) {
        int n = x.length, s = 0;
        double norm = sumAbs(x) + sumAbs(y);
        while (norm > 0.25) {
            norm /= 2;
            s++;
        }
        double f = Math.pow(2, -s);
        double[][] ar = scaled(x, f), ai = scaled(y, f);
        double[][][] sum = {identity(n), new double[n][n]}, term = {identity(n), new double[n][n]};
        for (int p = 1; p <= 30; p++) {
            term = complexTimes(term, new double[][][] {ar, ai}, 1.0 / p);
            for (int a = 0; a < n; a++) {
                for (int c = 0; c < n; c++) {
                    sum[0][a][c] += term[0][a][c];
                    sum[1][a][c] += term[1][a][c];
                }
            }
        }
        for (int k = 0; k < s; k++) {
            sum = complexTimes(sum, sum, 1);
        }
        return sum;
    }

    private static double[][][] complexTimes(double[][][] x, double[][][] y, double factor) {
        int n = x[0].length;
        double[][][] m = new double[2][n][n];
        for (int a = 0; a < n; a++) {
            for (int c = 0; c < n; c++) {
                double re = 0, im = 0;
                for (int k = 0; k < n; k++) {
                    re += x[0][a][k] * y[0][k][c] - x[1][a][k] * y[1][k][c];
                    im += x[0][a][k] * y[1][k][c] + x[1][a][k] * y[0][k][c];
                }
                m[0][a][c] = factor * re;
                m[1][a][c] = factor * im;
            }
        }
        return m;
    }

    /** e^{−Gt} of a small real symmetric matrix by scaling, a Taylor series and squaring (G ≥ 0, ‖Gt‖ ≲ 30). */
    static double[][] expMinus(double[][] g, double t) {
        int n = g.length, s = 0;
        double norm = t * sumAbs(g);
        while (norm > 0.25) {
            norm /= 2;
            s++;
        }
        double h = -t / Math.pow(2, s);
        double[][] sum = identity(n), term = identity(n);
        for (int p = 1; p <= 30; p++) {
            term = times(term, g, h / p);
            for (int a = 0; a < n; a++) {
                for (int c = 0; c < n; c++) {
                    sum[a][c] += term[a][c];
                }
            }
        }
        for (int k = 0; k < s; k++) {
            sum = times(sum, sum, 1);
        }
        return sum;
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int a = 0; a < n; a++) {
            m[a][a] = 1;
        }
        return m;
    }

    private static double[][] times(double[][] x, double[][] y, double factor) {
        int n = x.length;
        double[][] m = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int c = 0; c < n; c++) {
                double v = 0;
                for (int k = 0; k < n; k++) {
                    v += x[a][k] * y[k][c];
                }
                m[a][c] = factor * v;
            }
        }
        return m;
    }

    private static double sumAbs(double[][] m) {
        double s = 0;
        for (double[] row : m) {
            for (double v : row) {
                s += Math.abs(v);
            }
        }
        return s;
    }
}
