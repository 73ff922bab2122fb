package org.qbattery.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qbattery.NaiveLindblad;
import org.qbattery.TestSupport;
import org.qbattery.kernel.DormandPrince54;
import org.qbattery.kernel.HermitianEigenvalues;
import org.qbattery.kernel.Tolerances;
import org.qbattery.measures.Concurrence;
import org.qbattery.measures.Coherence;
import org.qbattery.measures.Energy;
import org.qbattery.measures.Ergotropy;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.InitialState;

/** Property-style checks over seeded random batteries: invariants, ω-independence, symmetry, limits. */
class InvariantsTest {
    static IntStream seeds() {
        return IntStream.range(0, 12);
    }

    /** A random physical battery: random graph, J, rates with Γ_icl inside the PSD range, channels. */
    static Battery randomBattery(Random rnd, int n, double omega) {
        Graph g = randomGraph(rnd, n);
        double gamma = 0.5 + rnd.nextDouble();
        Battery probe = Battery.builder(g).gamma(gamma).build();
        double max = probe.decayMatrix().maxValidGammaIcl();
        double gicl = Double.isInfinite(max) ? rnd.nextDouble() : rnd.nextDouble() * max;
        return Battery.builder(g).omega(omega).gamma(gamma).coupling(3 * rnd.nextGaussian()).gammaIcl(gicl)
                .dephasing(rnd.nextBoolean() ? 0 : 0.3 * rnd.nextDouble())
                .nbar(rnd.nextBoolean() ? 0 : 0.2 * rnd.nextDouble()).build();
    }

    /** A random graph on n cells: each pair an edge with probability 0.6. */
    static Graph randomGraph(Random rnd, int n) {
        return randomGraph(rnd, n, false);
    }

    /** The same, each edge weighted (±0.3 to ±2) when {@code weighted}. */
    static Graph randomGraph(Random rnd, int n, boolean weighted) {
        StringBuilder edges = new StringBuilder();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (rnd.nextDouble() < 0.6) {
                    edges.append(edges.length() > 0 ? "," : "").append(a).append('-').append(b);
                    if (weighted) {
                        edges.append(':').append((rnd.nextBoolean() ? 1 : -1) * (0.3 + 1.7 * rnd.nextDouble()));
                    }
                }
            }
        }
        return Graph.fromEdges(n, edges.toString());
    }

    /** How many kinds {@link #setRandomState} picks from; the last is the random mixed state (register only). */
    static final int STATE_KINDS = 8;

    /**
     * Sets the run's initial state to kind {@code k} (mod {@link #STATE_KINDS}): the built-in states,
     * a random Bloch direction, half-filled Dicke, or a random mixed state of rank ≤ 2; returns its name.
     */
    static String setRandomState(SelfDischarge run, Random rnd, int n, int k) {
        String[] states = {"charged", "classical", "quantum", "ghz", "w", "bloch:" + 3 * rnd.nextDouble() + "," + 6 * rnd.nextDouble(),
            "dicke:" + (n + 1) / 2, "random"};
        String state = states[k % STATE_KINDS];
        if (state.equals("random")) {
            run.state(TestSupport.randomDensity(rnd, 1 << n, Math.min(1 << n, 2)), state);
        } else {
            run.state(state);
        }
        return state;
    }

    /** Trace 1, Hermiticity and positivity of ρ at every accepted step and on the dense output. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void traceHermiticityPositivityAlongTrajectory(int seed) {
        Random rnd = new Random(seed);
        int n = 1 + seed % 4;
        int d = 1 << n;
        Battery b = randomBattery(rnd, n, 1);
        double[] rho = TestSupport.randomDensity(rnd, d, 1 + rnd.nextInt(d));
        double[] buf = new double[rho.length];
        double[] worst = new double[3];
        new DormandPrince54(Tolerances.DEFAULT).integrate(b.generator(), 0, rho, 4, step -> {
            double t = 0.5 * (step.tStart() + step.tEnd());
            step.interpolate(t, buf);
            double tr = 0;
            for (int i = 0; i < d; i++) {
                tr += buf[2 * (i * d + i)];
            }
            worst[0] = Math.max(worst[0], Math.abs(tr - 1));
            worst[1] = Math.max(worst[1], TestSupport.maxAbsDiff(buf, TestSupport.dagger(buf, d)));
            worst[2] = Math.min(worst[2], HermitianEigenvalues.of(buf, d)[0]);
        });
        // The generator preserves trace and Hermiticity exactly; the integrator's error is ≤ ~1e-10 per unit time.
        assertThat(worst[0]).isLessThan(1e-9);
        assertThat(worst[1]).isLessThan(1e-12);
        assertThat(worst[2]).isGreaterThan(-1e-9);
    }

    /**
     * ω-independence and the rotating frame: the literal lab-frame equation (H0 included, dense
     * matrices) for ω ∈ {0.5, 1, 5} gives the same U/ω, E/ω, concurrence and |ρij| as the reported
     * numbers (energies in units of ω).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void labFrameMatchesRotatingFrameForAnyOmega(int seed) {
        Random rnd = new Random(500 + seed);
        int n = 1 + seed % 3;
        int d = 1 << n;
        double omega = new double[] {0.5, 1, 5}[seed % 3];
        Battery b = randomBattery(rnd, n, omega);
        double[] rho0 = InitialState.bloch(n, Math.PI * rnd.nextDouble(), 2 * Math.PI * rnd.nextDouble());
        DischargeResult r = SelfDischarge.of(b).state(rho0, "bloch").grid(2, 0.25).run();
        NaiveLindblad lab = new NaiveLindblad(n, omega, b.exchange(), b.effectiveDecay(), b.nbar(), b.effectiveDephasing());
        double[] y = rho0.clone();
        int[][] pairs = SelfDischarge.pairs(b);
        List<double[]> lab4 = new ArrayList<>();
        double[] times = r.times();
        double[] buf = new double[y.length];
        int[] next = {1};
        // lab-frame energies divided by ω: the reported numbers are in units of ω
        lab4.add(new double[] {Energy.of(y, n, omega) / omega, Ergotropy.of(y, n, omega) / omega, Concurrence.edgeAverage(y, n, pairs),
            Coherence.l1Normalised(y, n)});
        new DormandPrince54(Tolerances.DEFAULT).integrate(lab, 0, y, 2, step -> {
            while (next[0] < times.length && times[next[0]] <= step.tEnd() + 1e-12) {
                step.interpolate(times[next[0]], buf);
                lab4.add(new double[] {Energy.of(buf, n, omega) / omega, Ergotropy.of(buf, n, omega) / omega,
                    Concurrence.edgeAverage(buf, n, pairs), Coherence.l1Normalised(buf, n)});
                next[0]++;
            }
        });
        for (int k = 0; k < times.length; k++) {
            double[] l = lab4.get(k);
            assertThat(r.energy()[k]).isCloseTo(l[0], within(1e-8));
            assertThat(r.ergotropy()[k]).isCloseTo(l[1], within(1e-8));
            assertThat(r.concurrence()[k]).isCloseTo(l[2], within(1e-6));
            assertThat(r.coherence()[k]).isCloseTo(l[3], within(1e-8));
        }
    }

    /** J = 0 and Γ_icl = 0: N independent cells, every extensive quantity N × single cell. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void uncoupledCellsAreNTimesOneCell(int seed) {
        Random rnd = new Random(900 + seed);
        int n = 2 + seed % 3;
        String state = new String[] {"charged", "classical", "quantum", "bloch:0.7,1.3"}[seed % 4];
        double gamma = 0.5 + rnd.nextDouble();
        Battery one = Battery.builder(Graph.empty(1)).gamma(gamma).build();
        Battery many = Battery.builder(Graph.chain(n)).gamma(gamma).build(); // edges but J = Γ_icl = 0
        DischargeResult r1 = SelfDischarge.of(one).state(state).grid(3, 0.05).run();
        DischargeResult rn = SelfDischarge.of(many).state(state).grid(3, 0.05).run();
        for (int k = 0; k < r1.times().length; k++) {
            assertThat(rn.energy()[k]).isCloseTo(n * r1.energy()[k], within(1e-9 * n));
            assertThat(rn.ergotropy()[k]).isCloseTo(n * r1.ergotropy()[k], within(1e-9 * n));
            assertThat(rn.efficiency()[k]).isCloseTo(r1.efficiency()[k], within(1e-8));
            assertThat(rn.concurrence()[k]).isLessThan(1e-6);
        }
        if (r1.analysis().ergotropyHalfLife() != null) {
            assertThat(rn.analysis().ergotropyHalfLife()).isCloseTo(r1.analysis().ergotropyHalfLife(), within(1e-8));
        }
    }

    /** Relabelling the cells of the graph leaves every measure of a symmetric product state unchanged. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void relabelledGraphGivesTheSameResults(int seed) {
        Random rnd = new Random(1300 + seed);
        int n = 3 + seed % 2;
        Battery b = randomBattery(rnd, n, 1);
        int[] p = IntStream.range(0, n).toArray();
        for (int k = n - 1; k > 0; k--) {
            int j = rnd.nextInt(k + 1);
            int t = p[k];
            p[k] = p[j];
            p[j] = t;
        }
        Battery perm = Battery.builder(b.graph().relabel(p)).gamma(b.gamma()).coupling(b.coupling()).gammaIcl(b.gammaIcl())
                .dephasing(b.dephasing()).nbar(b.nbar()).build();
        String state = seed % 2 == 0 ? "quantum" : "classical";
        DischargeResult a = SelfDischarge.of(b).state(state).grid(2, 0.1).run();
        DischargeResult c = SelfDischarge.of(perm).state(state).grid(2, 0.1).run();
        for (int k = 0; k < a.times().length; k++) {
            for (int col = 0; col < a.series()[k].length; col++) {
                assertThat(c.series()[k][col]).isCloseTo(a.series()[k][col], within(1e-8));
            }
        }
    }
}
