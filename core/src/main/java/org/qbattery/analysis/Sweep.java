package org.qbattery.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qbattery.kernel.Parallel;
import org.qbattery.model.InvalidParameterException;

/**
 * A parameter sweep, the design question "which battery keeps its charge longest": one self-discharge
 * run per point of a grid of parameter values (the Cartesian product of the axes, the first axis
 * outermost), each reduced to its figures of merit ({@link Merits}) as soon as it finishes, so a sweep
 * holds one run's states at a time per worker, not the whole grid's.
 */
public final class Sweep {
    private Sweep() {
    }

    /** Axes at most: a third one already makes a table that no single figure shows. */
    public static final int MAX_AXES = 3;
    /** Points at most: a guard against a typo such as 0:1:10000 (each point is a full run). */
    public static final int MAX_POINTS = 10_000;

    /**
     * One swept parameter and its values, as typed: {@code name=a:b:n} (n evenly spaced values from a
     * to b, both included), {@code name=a..b} (the integers from a to b), {@code name=v1,v2,...}, or
     * {@code name=v1;v2;...} for values with commas in them ({@code state=bloch:0.5,0;bloch:1,0}).
     * Edge lists are always separated by ';' ({@code edges=0-1,1-2;0-1,1-2,2-0}): split at commas,
     * "0-1,1-2" would silently become two one-edge graphs.
     */
    public record Axis(String parameter, List<String> values) {
        /** The parameter whose values are edge lists. */
        public static final String EDGES = "edges";

        /** The leakage graph's values, names or edge lists: separated by ';' like edge lists. */
        public static final String LEAKAGE = "leakage-graph";

        /** Parses {@code name=values}; an {@link InvalidParameterException} for parameter "vary" says what is wrong. */
        public static Axis parse(String spec) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new InvalidParameterException("vary", "expected NAME=VALUES (a:b:n, a..b or v1,v2,...), got \"" + spec + "\"");
            }
            String name = spec.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String v = spec.substring(eq + 1).trim();
            List<String> values = new ArrayList<>();
            // Not for edge lists, whose weights are written after a ':' too ("0-1:2").
            if (!name.equals(EDGES) && !name.equals(LEAKAGE) && v.matches("[^,;]*:[^,;]*:[^,;]*")) {
                // Limit -1 keeps empty pieces, so "0:1:" and "0:1:3:" are refused rather than misread.
                String[] p = v.split(":", -1);
                if (p.length != 3) {
                    throw new InvalidParameterException("vary", "in \"" + spec + "\" a range is a:b:n (from a to b in n values)");
                }
                double a = number(spec, p[0]), b = number(spec, p[1]);
                int n;
                try {
                    n = Integer.parseInt(p[2].trim());
                } catch (NumberFormatException e) {
                    throw new InvalidParameterException("vary", "in \"" + spec + "\" the count after the second ':' must be an integer >= 2");
                }
                if (n < 2 || n > MAX_POINTS) {
                    throw new InvalidParameterException("vary", "in \"" + spec + "\" the count must be in 2.." + MAX_POINTS + ", got " + n);
                }
                for (int k = 0; k < n; k++) {
                    // Both ends exact; inside, a + k·(b − a)/(n − 1) rounded to 12 significant digits, so
                    // that 0:0.5:6 gives 0.1, not 0.09999999999999999, in the table and its file names.
                    double x = k == n - 1 ? b : a + k * (b - a) / (n - 1);
                    values.add(trim(x));
                }
            } else if (v.matches("\\s*-?\\d+\\s*\\.\\.\\s*-?\\d+\\s*")) {
                String[] p = v.split("\\.\\.");
                long a, b;
                try {
                    a = Long.parseLong(p[0].trim());
                    b = Long.parseLong(p[1].trim());
                } catch (NumberFormatException e) {
                    throw new InvalidParameterException("vary", "in \"" + spec + "\" a..b needs integers of at most 18 digits");
                }
                if (b < a || b - a + 1 > MAX_POINTS) {
                    throw new InvalidParameterException("vary", "in \"" + spec + "\" a..b needs a <= b and at most " + MAX_POINTS + " values");
                }
                // long: with int, k++ past Integer.MAX_VALUE wrapped round and the loop never ended.
                for (long k = a; k <= b; k++) {
                    values.add(Long.toString(k));
                }
            } else {
                for (String s : v.split(v.contains(";") || name.equals(EDGES) || name.equals(LEAKAGE) ? ";" : ",", -1)) {
                    if (s.isBlank()) {
                        throw new InvalidParameterException("vary", "empty value in \"" + spec + "\"");
                    }
                    values.add(s.trim());
                }
            }
            return new Axis(name, List.copyOf(values));
        }

        private static double number(String spec, String s) {
            try {
                double x = Double.parseDouble(s.trim());
                if (Double.isFinite(x)) {
                    return x;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InvalidParameterException("vary", "in \"" + spec + "\" \"" + s.trim() + "\" is not a finite number");
        }

        private static String trim(double x) {
            String s = String.format(Locale.ROOT, "%.12g", x);
            double r = Double.parseDouble(s);
            return r == Math.rint(r) && Math.abs(r) < 1e15 ? Long.toString((long) r) : Double.toString(r);
        }
    }

    /** The grid's points in order (first axis outermost), each a map from parameter to value. */
    public static List<Map<String, String>> points(List<Axis> axes) {
        if (axes.isEmpty() || axes.size() > MAX_AXES) {
            throw new InvalidParameterException("vary", "give 1 to " + MAX_AXES + " axes, got " + axes.size());
        }
        long count = 1;
        for (int i = 0; i < axes.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (axes.get(j).parameter().equals(axes.get(i).parameter())) {
                    throw new InvalidParameterException("vary", axes.get(i).parameter() + " is varied twice");
                }
            }
            count *= axes.get(i).values().size();
        }
        if (count > MAX_POINTS) {
            throw new InvalidParameterException("vary", "the grid has " + count + " points; at most " + MAX_POINTS);
        }
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Axis a : axes) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> p : out) {
                for (String v : a.values()) {
                    Map<String, String> q = new LinkedHashMap<>(p);
                    q.put(a.parameter(), v);
                    next.add(q);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * What a sweep keeps of one run: the start, the characteristic times (null when they do not occur
     * up to t_max) and the end.
     *
     * @param concurrenceMax the largest edge-averaged concurrence sampled on the output grid
     * @param dicke          whether the run went without the register ({@link SymmetricDischarge})
     * @param representation the run's state representation in words (its summary.json's)
     * @param curves         the run's U, E and E/U on the output grid, when asked for ({@link #run}), else null
     * @param ergotropyFractions first t with E = f·E(0) for each fraction f asked for ({@link SelfDischarge#fractions}), null if not reached
     * @param energyFractions    the same for U
     */
    public record Merits(double energyInitial, double ergotropyInitial, Double ergotropyHalfLife, Double energyHalfLife,
                         Double ergotropySuddenDeath, Double entanglementDeath, double energyFinal, double ergotropyFinal,
                         double efficiencyFinal, double concurrenceMax, boolean dicke, String representation, double wallSeconds,
                         Curves curves, java.util.SortedMap<Double, Double> ergotropyFractions,
                         java.util.SortedMap<Double, Double> energyFractions) {
        /** Column names of {@link #values()}, as in the sweep's CSV. */
        public static final List<String> COLUMNS = List.of("energy_initial", "ergotropy_initial", "ergotropy_half_life",
                "energy_half_life", "ergotropy_sudden_death", "entanglement_death", "energy_final", "ergotropy_final",
                "efficiency_final", "concurrence_max");

        /** The merits, and with {@code keepCurves} the run's U, E and E/U on its output grid. */
        public static Merits of(DischargeResult r, boolean keepCurves) {
            double[] u = r.energy(), e = r.ergotropy(), eff = r.efficiency();
            int last = u.length - 1;
            double cmax = Double.NaN;
            for (double c : r.concurrence()) {
                cmax = Double.isNaN(cmax) ? c : Math.max(cmax, c);
            }
            DischargeAnalysis a = r.analysis();
            return new Merits(u[0], e[0], a.ergotropyHalfLife(), a.energyHalfLife(), a.ergotropySuddenDeath(),
                    a.entanglementDeath(), u[last], e[last], eff[last], cmax, r.onDickeBlocks(), r.representation(), r.wallSeconds(),
                    keepCurves ? new Curves(r.times(), u, e, eff) : null, a.ergotropyFractions(), a.energyFractions());
        }

        /** The figures of merit in {@link #COLUMNS} order; NaN for an event that does not occur. */
        public double[] values() {
            return new double[] {energyInitial, ergotropyInitial, orNaN(ergotropyHalfLife), orNaN(energyHalfLife),
                orNaN(ergotropySuddenDeath), orNaN(entanglementDeath), energyFinal, ergotropyFinal, efficiencyFinal, concurrenceMax};
        }

        private static double orNaN(Double v) {
            return v == null ? Double.NaN : v;
        }
    }

    /**
     * How many runs may go at once within {@code budget} bytes: the largest k ≤ {@code wanted} for
     * which the k largest needs together fit (at least 1: a single run is checked on its own). Any k
     * of the runs at once need no more than the k largest.
     */
    public static int runsAtOnce(long[] needs, int wanted, long budget) {
        int k = Math.min(wanted, needs.length);
        while (k > 1 && largestTogether(needs, k) > budget) {
            k--;
        }
        return Math.max(1, k);
    }

    /** The sum of the k largest of {@code needs}. */
    public static long largestTogether(long[] needs, int k) {
        long[] sorted = needs.clone();
        java.util.Arrays.sort(sorted);
        long sum = 0;
        for (int i = 0; i < Math.min(k, sorted.length); i++) {
            sum += sorted[sorted.length - 1 - i];
        }
        return sum;
    }

    /** One point's time series on the output grid: internal energy U, ergotropy E and efficiency E/U. */
    public record Curves(double[] times, double[] energy, double[] ergotropy, double[] efficiency) {
    }

    /** Reports one finished run: how many are done, of how many, and the point's label. */
    public interface Listener {
        void finished(int done, int total, String label);
    }

    /**
     * Runs every prepared run on {@code workers} threads, costliest first ({@link SelfDischarge}'s
     * estimate), and returns their merits in the order given; with {@code keepCurves} each also holds
     * its {@link Curves}.
     */
    public static List<Merits> run(List<SelfDischarge> runs, List<String> labels, int workers, boolean keepCurves, Listener listener) {
        List<java.util.concurrent.Callable<Merits>> tasks = new ArrayList<>();
        double[] cost = new double[runs.size()];
        for (int i = 0; i < cost.length; i++) {
            SelfDischarge r = runs.get(i);
            tasks.add(() -> Merits.of(r.run(), keepCurves));
            cost[i] = r.costEstimate();
        }
        return Parallel.largestFirst(tasks, cost, workers, "qbattery-sweep",
                (i, done) -> listener.finished(done, runs.size(), labels.get(i)));
    }
}
