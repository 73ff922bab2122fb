package org.qbattery.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qbattery.analysis.Sweep;
import org.qbattery.analysis.Sweep.Axis;
import org.qbattery.analysis.Sweep.Merits;
import org.qbattery.plot.Figure;
import org.qbattery.plot.Figure.Line;
import org.qbattery.plot.Figure.Panel;
import org.qbattery.plot.Figure.Series;

/**
 * A sweep's files: {@code sweep.csv} (one row per point: the varied parameters, then
 * {@link Merits#COLUMNS}; NaN where an event does not occur up to t_max), {@code sweep.json} (the
 * same rows with nulls, plus the fixed parameters, the axes, the solver and provenance) and the
 * figure a designer draws first: the ergotropy and energy half-lives and the efficiency ε = E/U at
 * t_max against the first axis, one curve per value of the second.
 */
public final class SweepReport {
    private SweepReport() {
    }

    public static String csv(List<Axis> axes, List<Map<String, String>> points, List<Merits> merits) {
        StringBuilder sb = new StringBuilder();
        for (Axis a : axes) {
            sb.append(a.parameter().replace('-', '_')).append(',');
        }
        sb.append(String.join(",", Merits.COLUMNS));
        for (String f : fractionColumns(merits)) {
            sb.append(',').append(f);
        }
        sb.append(",representation,wall_seconds\n");
        for (int i = 0; i < points.size(); i++) {
            for (Axis a : axes) {
                sb.append(csvField(points.get(i).get(a.parameter()))).append(',');
            }
            for (double v : merits.get(i).values()) {
                sb.append(ResultWriter.fmt(v)).append(',');
            }
            for (Double t : fractionTimes(merits.get(i))) {
                sb.append(ResultWriter.fmt(t == null ? Double.NaN : t)).append(',');
            }
            sb.append(merits.get(i).dicke() ? "dicke" : "register").append(',').append(ResultWriter.fmt(merits.get(i).wallSeconds())).append('\n');
        }
        return sb.toString();
    }

    /** Columns for the fractions asked for: {@code ergotropy_time_to_0.1, energy_time_to_0.1, ...} (none without). */
    private static List<String> fractionColumns(List<Merits> merits) {
        List<String> names = new ArrayList<>();
        for (double f : merits.get(0).ergotropyFractions().keySet()) {
            names.add("ergotropy_time_to_" + f);
            names.add("energy_time_to_" + f);
        }
        return names;
    }

    /** A point's times in {@link #fractionColumns} order (null: not reached by t_max). */
    private static List<Double> fractionTimes(Merits m) {
        List<Double> times = new ArrayList<>();
        m.ergotropyFractions().forEach((f, t) -> {
            times.add(t);
            times.add(m.energyFractions().get(f));
        });
        return times;
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    private static String csvField(String s) {
        return s.matches("[^,\"\\r\\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** The JSON document: {@code fixed} parameters and {@code solver} as given, then the axes and one object per point. */
    public static Map<String, Object> json(List<Axis> axes, List<Map<String, String>> points, List<Merits> merits,
            Map<String, Object> fixed, Map<String, Object> solver, List<String> commandLine) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> ax = new LinkedHashMap<>();
        for (Axis a : axes) {
            ax.put(a.parameter(), a.values().stream().map(SweepReport::jsonValue).toList());
        }
        m.put("axes", ax);
        m.put("fixed", fixed);
        m.put("units", ResultWriter.UNITS);
        m.put("figures_of_merit", "per point: U and E at t = 0 and t_max, efficiency E/U at t_max, the ergotropy and energy "
                + "half-lives, the ergotropy's sudden death and the entanglement's death (null when they do not occur up to t_max), "
                + "the largest edge-averaged concurrence on the output grid; energies in units of omega, times in the units of the rates");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            points.get(i).forEach((k, v) -> row.put(k, jsonValue(v)));
            double[] v = merits.get(i).values();
            for (int c = 0; c < v.length; c++) {
                row.put(Merits.COLUMNS.get(c), Double.isFinite(v[c]) ? v[c] : null);
            }
            List<String> names = fractionColumns(merits);
            List<Double> times = fractionTimes(merits.get(i));
            for (int c = 0; c < names.size(); c++) {
                row.put(names.get(c), times.get(c));
            }
            row.put("state_representation", merits.get(i).representation());
            row.put("wall_seconds", merits.get(i).wallSeconds());
            rows.add(row);
        }
        m.put("points", rows);
        m.put("solver", solver);
        Map<String, Object> prov = Provenance.environment();
        prov.put("command", commandLine);
        m.put("provenance", prov);
        return m;
    }

    /** A swept value as JSON: a number when it reads as one (cells 4, gamma-icl 0.1), else the text (star, quantum). */
    private static Object jsonValue(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException notInteger) {
            try {
                double x = Double.parseDouble(v);
                return Double.isFinite(x) ? (Object) x : v;
            } catch (NumberFormatException notNumber) {
                return v;
            }
        }
    }

    /** Whether {@link #figure} can draw these axes: one or two, the first numeric. */
    public static String whyNoFigure(List<Axis> axes) {
        if (axes.size() > 2) {
            return "--plot draws one or two axes (x and one curve per value of the second), got " + axes.size();
        }
        if (axes.get(0).values().size() < 2) {
            return "--plot needs at least two values on the first axis (x), got " + axes.get(0).values().size();
        }
        for (String v : axes.get(0).values()) {
            try {
                Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return "--plot needs a numeric first axis (x), got " + axes.get(0).parameter() + " = " + v
                        + "; put a numeric --vary first";
            }
        }
        return null;
    }

    /** The sweep's figure (see the class comment); call only when {@link #whyNoFigure} is null. */
    public static Figure figure(String id, List<Axis> axes, List<Map<String, String>> points, List<Merits> merits) {
        Axis x = axes.get(0);
        List<String> curves = axes.size() > 1 ? axes.get(1).values() : List.of("");
        String xLabel = x.parameter();
        List<Series> halfE = new ArrayList<>(), halfU = new ArrayList<>(), eff = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (int c = 0; c < curves.size(); c++) {
            String label = axes.size() > 1 ? axes.get(1).parameter() + " = " + curves.get(c) : "";
            add(halfE, empty, "ergotropy half-life", label, curve(x, axes, points, merits, curves.get(c), "ergotropy_half_life"), c);
            add(halfU, empty, "energy half-life", label, curve(x, axes, points, merits, curves.get(c), "energy_half_life"), c);
            add(eff, empty, "efficiency at t_max", label, curve(x, axes, points, merits, curves.get(c), "efficiency_final"), c);
        }
        String caption = "Sweep over " + x.parameter() + (axes.size() > 1 ? " (one curve per " + axes.get(1).parameter() + ")" : "")
                + ": the ergotropy half-life (first t with E = E(0)/2), the energy half-life and the efficiency ε = E/U at t_max."
                + (empty.isEmpty() ? "" : " Not drawn, the event never occurring up to t_max: " + String.join("; ", empty) + ".");
        return new Figure(id, caption, List.of(
                new Panel("ergotropy half-life", xLabel, "t½(E)", halfE),
                new Panel("energy half-life", xLabel, "t½(U)", halfU),
                new Panel("efficiency E/U at t_max", xLabel, "ε(t_max)", eff)));
    }

    /** The points of one curve (second axis = {@code value}) with a finite figure of merit {@code column}, in x order. */
    private static double[][] curve(Axis x, List<Axis> axes, List<Map<String, String>> points, List<Merits> merits, String value,
            String merit) {
        int column = Merits.COLUMNS.indexOf(merit);
        List<double[]> xy = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (axes.size() > 1 && !points.get(i).get(axes.get(1).parameter()).equals(value)) {
                continue;
            }
            double y = merits.get(i).values()[column];
            if (Double.isFinite(y)) {
                xy.add(new double[] {Double.parseDouble(points.get(i).get(x.parameter())), y});
            }
        }
        xy.sort((a, b) -> Double.compare(a[0], b[0]));
        double[][] out = new double[2][xy.size()];
        for (int k = 0; k < xy.size(); k++) {
            out[0][k] = xy.get(k)[0];
            out[1][k] = xy.get(k)[1];
        }
        return out;
    }

    private static void add(List<Series> to, List<String> empty, String panel, String label, double[][] xy, int color) {
        if (xy[0].length == 0) {
            empty.add(label.isEmpty() ? panel : panel + " at " + label);
            return;
        }
        to.add(new Series(label.isEmpty() ? panel : label, xy[0], xy[1], Line.values()[color % Line.values().length], color));
    }

    /** Points at most in the curves figure: beyond, its curves no longer tell apart (the CSV holds any number). */
    public static final int MAX_CURVES = 12;

    /**
     * {@code sweep_curves.csv}: t, then U, E and E/U of every point on the output grid, each column
     * named by quantity and point ({@code "ergotropy [graph=star]"}).
     */
    public static String curvesCsv(List<Map<String, String>> points, List<Merits> merits) {
        StringBuilder sb = new StringBuilder("t");
        for (Map<String, String> p : points) {
            for (String q : List.of("energy", "ergotropy", "efficiency")) {
                sb.append(',').append(csvField(q + " [" + label(p) + "]"));
            }
        }
        sb.append('\n');
        double[] t = merits.get(0).curves().times();
        for (int k = 0; k < t.length; k++) {
            sb.append(ResultWriter.fmt(t[k]));
            for (Merits m : merits) {
                Sweep.Curves c = m.curves();
                sb.append(',').append(ResultWriter.fmt(c.energy()[k])).append(',').append(ResultWriter.fmt(c.ergotropy()[k]))
                        .append(',').append(ResultWriter.fmt(c.efficiency()[k]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * The points' self-discharge side by side, one curve per point, any axes (categorical too):
     * E(t)/E(0), U(t)/U(0) and ε(t) = E/U; null when there are more than {@link #MAX_CURVES} points.
     * A point that starts without ergotropy (or energy) has no normalised curve, and a run without the
     * spectrum ({@code --no-spectral}) has neither E nor ε; the caption says which are missing and why,
     * and a panel left without curves is left out (the energy panel stays if all would be).
     */
    public static Figure curvesFigure(String id, List<Map<String, String>> points, List<Merits> merits) {
        if (points.size() > MAX_CURVES) {
            return null;
        }
        List<Series> e = new ArrayList<>(), u = new ArrayList<>(), eff = new ArrayList<>();
        List<String> empty = new ArrayList<>(), notComputed = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Sweep.Curves c = merits.get(i).curves();
            String label = label(points.get(i));
            Line line = Line.values()[i % Line.values().length]; // with colour i, as the merits figure: distinct up to 28
            double e0 = c.ergotropy()[0], u0 = c.energy()[0];
            if (Double.isNaN(e0)) {
                notComputed.add(label);
            } else if (e0 > 0) {
                e.add(new Series(label, c.times(), Figure.divided(c.ergotropy(), e0), line, i));
            } else {
                empty.add("E(t)/E(0) at " + label);
            }
            if (u0 > 0) {
                u.add(new Series(label, c.times(), Figure.divided(c.energy(), u0), line, i));
            } else {
                empty.add("U(t)/U(0) at " + label);
            }
            if (!Double.isNaN(e0)) {
                eff.add(new Series(label, c.times(), c.efficiency(), line, i));
            }
        }
        String caption = "Self-discharge of each point of the sweep: ergotropy and energy relative to their start, and the "
                + "efficiency ε = E/U, against t." + (empty.isEmpty() ? "" : " Not drawn, the point starting at zero: "
                + String.join("; ", empty) + ".") + (notComputed.isEmpty() ? "" : " Not computed (--no-spectral), so neither "
                + "E(t)/E(0) nor ε(t) drawn: " + String.join("; ", notComputed) + ".");
        // From zero, as the paper's figures are: each ratio is ≥ 0, and how close to empty a point ends is the point.
        Panel ergotropy = new Panel("ergotropy", "t", "E(t)/E(0)", e, List.of(), 0.0, null, false);
        Panel energy = new Panel("energy", "t", "U(t)/U(0)", u, List.of(), 0.0, null, false);
        Panel efficiency = new Panel("efficiency", "t", "ε(t) = E/U", eff, List.of(), 0.0, null, false);
        List<Panel> drawn = new ArrayList<>();
        for (Panel p : List.of(ergotropy, energy, efficiency)) {
            if (!p.series().isEmpty()) {
                drawn.add(p);
            }
        }
        return new Figure(id, caption, drawn.isEmpty() ? List.of(energy) : drawn);
    }

    /** Label of point {@code p} for progress lines: {@code gamma-icl=0.1, cells=4}. */
    public static String label(Map<String, String> p) {
        StringBuilder sb = new StringBuilder();
        p.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }
}
