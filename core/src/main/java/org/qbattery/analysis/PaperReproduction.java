package org.qbattery.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qbattery.kernel.Parallel;
import org.qbattery.kernel.Tolerances;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.Variant;

/**
 * Every simulation behind the founding paper's figures (A. C. Santos, 2020), in both the stated
 * master equation and the as-printed variant:
 * <ul>
 *   <li>Fig. 2: one cell, charged / classical / quantum, t ∈ [0, 5].</li>
 *   <li>Fig. 3: open chain N = 1…5, J = 2Γ, Γ_icl = Γ/2, classical and quantum.</li>
 *   <li>Figs. 4–5: the four geometries at N = 5, J = 2Γ, Γ_icl = Γ/2, classical and quantum.</li>
 *   <li>Long runs (t = 40) of the four geometries, quantum state, for the star's dark mode.</li>
 * </ul>
 * Runs are independent and are spread over the cores.
 */
public final class PaperReproduction {
    public static final double J = 2.0, GAMMA_ICL = 0.5, T_MAX = 5.0, DT = 0.01, T_LONG = 40.0, DT_LONG = 0.1;
    public static final String[] GEOMETRIES = {"central", "linear", "circular", "symmetric"};
    public static final String[] SINGLE_STATES = {"charged", "classical", "quantum"};
    public static final String[] PRODUCT_STATES = {"classical", "quantum"};

    /** One planned run. */
    public record Case(String key, Variant variant, Battery battery, String state, double tMax, double dt) {
        /** What is integrated, without the name: equal for two cases that are the same simulation. */
        public String simulation() {
            return battery.describe() + " state=" + state + " t_max=" + tMax + " dt=" + dt;
        }
    }

    private final Map<String, DischargeResult> results;
    private final int simulations;
    private final double wallSeconds;
    private final Tolerances tolerances;

    private PaperReproduction(Map<String, DischargeResult> results, int simulations, double wallSeconds, Tolerances tolerances) {
        this.results = results;
        this.simulations = simulations;
        this.wallSeconds = wallSeconds;
        this.tolerances = tolerances;
    }

    /** Key of a run: {@code variant/figure-group/geometry/N/state}. */
    public static String key(Variant v, String group, String geometry, int n, String state) {
        return v.label() + "/" + group + "/" + geometry + "/" + n + "/" + state;
    }

    public static List<Case> plan() {
        List<Case> cases = new ArrayList<>();
        for (Variant v : Variant.values()) {
            for (String s : SINGLE_STATES) {
                Battery b = Battery.builder(Graph.empty(1)).variant(v).build();
                cases.add(new Case(key(v, "single", "none", 1, s), v, b, s, T_MAX, DT));
            }
            for (int n = 1; n <= 5; n++) {
                for (String s : PRODUCT_STATES) {
                    Battery b = Battery.builder(Graph.chain(n)).coupling(J).gammaIcl(GAMMA_ICL).variant(v).build();
                    cases.add(new Case(key(v, "chain", "linear", n, s), v, b, s, T_MAX, DT));
                }
            }
            for (String g : GEOMETRIES) {
                for (String s : PRODUCT_STATES) {
                    Battery b = Battery.builder(Graph.named(g, 5, null)).coupling(J).gammaIcl(GAMMA_ICL).variant(v).build();
                    cases.add(new Case(key(v, "geometry", g, 5, s), v, b, s, T_MAX, DT));
                }
                Battery b = Battery.builder(Graph.named(g, 5, null)).coupling(J).gammaIcl(GAMMA_ICL).variant(v).build();
                cases.add(new Case(key(v, "long", g, 5, "quantum"), v, b, "quantum", T_LONG, DT_LONG));
            }
        }
        return cases;
    }

    /**
     * Runs every case on {@code threads} worker threads, reporting one progress unit per finished run.
     * Cases that are the same simulation under two names (the N = 5 chain of Fig. 3 is the chain of
     * Figs. 4–5) are integrated once and share the result.
     */
    public static PaperReproduction compute(Tolerances tol, int threads, ProgressListener progress) {
        long start = System.nanoTime();
        List<Case> cases = plan();
        Map<String, Case> distinct = new LinkedHashMap<>();
        String[] simulation = new String[cases.size()];
        for (int i = 0; i < simulation.length; i++) {
            simulation[i] = cases.get(i).simulation();
            distinct.putIfAbsent(simulation[i], cases.get(i));
        }
        List<Case> runs = new ArrayList<>(distinct.values());
        List<java.util.concurrent.Callable<DischargeResult>> tasks = new ArrayList<>();
        double[] cost = new double[runs.size()];
        for (int i = 0; i < cost.length; i++) {
            Case c = runs.get(i);
            tasks.add(() -> SelfDischarge.of(c.battery()).state(c.state()).grid(c.tMax(), c.dt()).tolerances(tol).run());
            cost[i] = c.battery().cells() * c.tMax(); // largest first, so that the workers finish together
        }
        List<DischargeResult> done = Parallel.largestFirst(tasks, cost, threads, "qbattery-reproduce",
                (i, count) -> progress.progress(count, runs.size(), runs.get(i).key()));
        Map<String, DischargeResult> bySimulation = new java.util.HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            bySimulation.put(runs.get(i).simulation(), done.get(i));
        }
        Map<String, DischargeResult> res = new LinkedHashMap<>();
        for (int i = 0; i < simulation.length; i++) {
            res.put(cases.get(i).key(), bySimulation.get(simulation[i]));
        }
        return new PaperReproduction(res, distinct.size(), (System.nanoTime() - start) * 1e-9, tol);
    }

    public DischargeResult get(Variant v, String group, String geometry, int n, String state) {
        DischargeResult r = results.get(key(v, group, geometry, n, state));
        if (r == null) {
            throw new IllegalArgumentException("no run " + key(v, group, geometry, n, state));
        }
        return r;
    }

    public DischargeResult single(Variant v, String state) {
        return get(v, "single", "none", 1, state);
    }

    public DischargeResult chain(Variant v, int n, String state) {
        return get(v, "chain", "linear", n, state);
    }

    public DischargeResult geometry(Variant v, String g, String state) {
        return get(v, "geometry", g, 5, state);
    }

    public DischargeResult longRun(Variant v, String g) {
        return get(v, "long", g, 5, "quantum");
    }

    public Map<String, DischargeResult> all() {
        return results;
    }

    /** Distinct simulations behind {@link #all()} (fewer than its runs: some runs are the same simulation). */
    public int simulations() {
        return simulations;
    }

    public double wallSeconds() {
        return wallSeconds;
    }

    public Tolerances tolerances() {
        return tolerances;
    }

    /**
     * Sub-intervals of the common grid where {@code a(t) > b(t)}, with end points from linear
     * interpolation of a − b between samples (accurate to ~dt²·|(a−b)''|).
     */
    public static List<double[]> intervalsWhereGreater(double[] t, double[] a, double[] b) {
        List<double[]> out = new ArrayList<>();
        Double open = a[0] > b[0] ? t[0] : null;
        for (int k = 1; k < t.length; k++) {
            double d0 = a[k - 1] - b[k - 1], d1 = a[k] - b[k];
            if ((d0 > 0) != (d1 > 0)) {
                double tc = t[k - 1] + (t[k] - t[k - 1]) * d0 / (d0 - d1);
                if (open == null) {
                    open = tc;
                } else {
                    out.add(new double[] {open, tc});
                    open = null;
                }
            }
        }
        if (open != null) {
            out.add(new double[] {open, t[t.length - 1]});
        }
        return out;
    }
}
