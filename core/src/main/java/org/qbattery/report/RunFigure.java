package org.qbattery.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.qbattery.analysis.DischargeAnalysis;
import org.qbattery.analysis.DischargeResult;
import org.qbattery.plot.Figure;
import org.qbattery.plot.Figure.Line;
import org.qbattery.plot.Figure.Panel;
import org.qbattery.plot.Figure.Series;

/**
 * The figure of one self-discharge run ({@code simulate --plot}), the one a researcher would draw
 * from its CSV: on the left the internal energy U(t) = tr(ρH0), the ergotropy E(t) (paper Eq. 1),
 * its incoherent part (the ergotropy of ρ's diagonal) and the summed one-cell ergotropies, in units
 * of ω, with vertical segments at the half-lives and the ergotropy's sudden death (their times in
 * the legend); on the right the efficiency ε = E/U, the normalised l1-coherence and the
 * edge-averaged concurrence, with vertical lines at the entanglement crossings. Every curve is a column of the run's timeseries.csv; a
 * measure the run did not compute (NaN, e.g. with {@code --no-spectral}) is left out and named in
 * the caption.
 */
public final class RunFigure {
    private RunFigure() {
    }

    /** The figure of {@code r}; {@code id} names its files and prefixes the ids inside its SVG. */
    public static Figure of(DischargeResult r, String id) {
        DischargeAnalysis a = r.analysis();
        double[] t = r.times();
        List<String> missing = new ArrayList<>();

        List<Series> energy = new ArrayList<>();
        add(energy, missing, "energy U", t, r.column("energy"), Line.SOLID, 0);
        add(energy, missing, "ergotropy E", t, r.column("ergotropy"), Line.SOLID, 1);
        add(energy, missing, "incoherent ergotropy", t, r.column("ergotropy_incoherent"), Line.DASH, 2);
        add(energy, missing, "Σ one-cell ergotropies", t, r.column("ergotropy_local"), Line.DOT, 3);
        // The events as vertical segments with their times in the legend (an unlabelled line would
        // need the caption, which a lone PNG does not carry).
        double top = 0;
        for (Series s : energy) {
            for (double v : s.y()) {
                top = Math.max(top, v);
            }
        }
        StringBuilder cap = new StringBuilder();
        mark(energy, cap, "E half-life", a.ergotropyHalfLife(), top, Line.DOT, 1);
        mark(energy, cap, "U half-life", a.energyHalfLife(), top, Line.DOT, 0);
        mark(energy, cap, "E sudden death", a.ergotropySuddenDeath(), top, Line.DASH_DOT, 6);

        List<Series> quality = new ArrayList<>();
        add(quality, missing, "efficiency ε = E/U", t, r.column("efficiency"), Line.SOLID, 1);
        add(quality, missing, "l1-coherence", t, r.column("coherence"), Line.DASH, 4);
        add(quality, missing, "edge concurrence", t, r.column("concurrence"), Line.DASH_DOT, 5);
        List<Double> crossings = new ArrayList<>(a.entanglementCrossings());
        if (!crossings.isEmpty()) {
            cap.append(String.format(Locale.ROOT, "entanglement crossings at Γt = %s; ",
                    crossings.stream().map(x -> String.format(Locale.ROOT, "%.6f", x)).reduce((x, y) -> x + ", " + y).orElse("")));
        }
        if (!missing.isEmpty()) {
            cap.append("not computed in this run: ").append(String.join(", ", missing)).append("; ");
        }

        String time = "time Γt";
        String run = String.format(Locale.ROOT, "N = %d %s, %s", r.battery().cells(), r.battery().graph().name(), r.state());
        Panel left = new Panel(run + ": energy, ergotropy", time, "units of ω", energy, List.of(), 0.0, null, false);
        Panel right = new Panel(crossings.isEmpty() ? "Efficiency, coherence, concurrence"
                : "ε, coherence, concurrence; lines: entanglement crossings",
                time, "dimensionless", quality, crossings, 0.0, 1.05, false);
        return new Figure(id, r.battery().describe() + ", state " + r.state() + ". "
                + (cap.length() == 0 ? "No event before t-max." : cap.toString().replaceAll("; $", ".")), List.of(left, right));
    }

    private static void add(List<Series> to, List<String> missing, String label, double[] t, double[] y, Line line, int color) {
        for (double v : y) {
            if (!Double.isFinite(v)) {
                missing.add(label);
                return;
            }
        }
        to.add(new Series(label, t, y, line, color));
    }

    private static void mark(List<Series> to, StringBuilder cap, String what, Double at, double top, Line line, int color) {
        if (at != null) {
            String label = String.format(Locale.ROOT, "%s Γt = %.4f", what, at);
            to.add(new Series(label, new double[] {at, at}, new double[] {0, top}, line, color));
            cap.append(String.format(Locale.ROOT, "%s at Γt = %.9f; ", what, at));
        }
    }
}
