package org.qbattery.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qbattery.analysis.SelfDischarge;
import org.qbattery.analysis.Sweep;
import org.qbattery.analysis.TimeGrid;
import org.qbattery.model.Battery;
import org.qbattery.model.InvalidParameterException;
import org.qbattery.plot.Figure;
import org.qbattery.report.AtomicFiles;
import org.qbattery.report.Provenance;
import org.qbattery.report.ResultWriter;
import org.qbattery.report.SweepReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qbattery sweep}: one run per point of a parameter grid, reduced to figures of merit. */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Sweep battery parameters: one self-discharge run per point of a grid, each reduced to its figures of "
                + "merit (half-lives, sudden death, entanglement death, U, E and E/U at the end, largest concurrence).",
            "Writes DIR/sweep.csv (one row per point) and DIR/sweep.json (the same with the fixed parameters, solver and "
                    + "provenance); --plot also draws DIR/sweep.png and DIR/sweep.svg; --curves keeps every point's time series "
                    + "(DIR/sweep_curves.csv, with --plot also drawn). Every point is checked (graph, rates, "
                    + "state, memory) before the first run starts.",
            "Example: qbattery sweep --vary gamma-icl=0:0.5:11 --vary graph=star,chain,ring,complete --cells 5 --coupling 2 "
                    + "--state quantum --out sweep1 --plot"},
        sortOptions = false)
public final class SweepCommand implements Callable<Integer> {
    @Option(names = "--vary", paramLabel = "NAME=VALUES", required = true,
            description = "A swept parameter, repeatable (1 to 3 times; the grid is their product, the first outermost): "
                    + "cells, graph, edges, leakage-graph, state, omega, gamma, coupling, gamma-icl, dephasing, nbar or variant, with "
                    + "values a:b:n (n evenly spaced from a to b), a..b (integers), v1,v2,... or v1;v2;... (for values with commas, such "
                    + "as bloch:THETA,PHI; edges and leakage-graph always with ';': edges=\"0-1,1-2;0-1,1-2,2-0\"). The other "
                    + "parameters come from the options below.")
    List<String> vary;

    @Mixin
    ModelOptions model;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory (created if missing).")
    Path out;

    @Mixin
    MeasureOptions measures;

    @Option(names = "--threads", paramLabel = "K", description = "Runs at once (default: all cores, fewer when that many runs "
            + "would not fit in the heap together; one at a time from 9 cells on, each run then using every core itself). "
            + "A K whose runs cannot fit together is refused before any run.")
    Integer threads;

    @Option(names = "--plot", description = "Also draw DIR/sweep.png and DIR/sweep.svg: the ergotropy and energy half-lives and "
            + "the efficiency at t_max against the first --vary (numeric), one curve per value of the second; with --curves also "
            + "DIR/sweep_curves.png and .svg, for any axes. Figures not drawn that an earlier run left in DIR are removed.")
    boolean plot;

    @Option(names = "--curves", description = "Also keep each point's U(t), E(t) and E/U(t) on the output grid: DIR/sweep_curves.csv, "
            + "and with --plot a figure of E(t)/E(0), U(t)/U(0) and E/U, one curve per point (at most "
            + SweepReport.MAX_CURVES + " points).")
    boolean curves;

    List<String> argv = List.of();

    /** The --vary axes, checked: sweepable, and not both graph and edges. */
    private List<Sweep.Axis> axes() {
        List<Sweep.Axis> axes = new ArrayList<>();
        for (String v : vary) {
            Sweep.Axis a = Sweep.Axis.parse(v);
            if (!ModelOptions.SWEEPABLE.contains(a.parameter())) {
                throw new InvalidParameterException("vary", "cannot vary \"" + a.parameter() + "\"; allowed: "
                        + String.join(", ", ModelOptions.SWEEPABLE));
            }
            axes.add(a);
        }
        if (axes.stream().anyMatch(a -> a.parameter().equals("graph")) && axes.stream().anyMatch(a -> a.parameter().equals(Sweep.Axis.EDGES))) {
            throw new InvalidParameterException("vary", "vary graph or edges, not both: both choose the graph");
        }
        return axes;
    }

    /**
     * Runs at once: --threads, or all cores (one from 9 cells on), lowered to what the heap holds side
     * by side; an explicit --threads that the heap cannot hold is refused. Each point was checked
     * alone; a run out of heap would take the finished points' results with it.
     */
    private int runsAtOnce(List<SelfDischarge> runs, int largestCells) {
        int workers = threads != null ? threads : largestCells >= 9 ? 1 : Runtime.getRuntime().availableProcessors();
        if (workers < 1) {
            throw new InvalidParameterException("threads", "must be >= 1, got " + workers);
        }
        if (workers == 1) {
            return 1; // each point alone was checked already (and the estimate counts orbits: ~2 s at 13 cells)
        }
        long budget = (long) (0.9 * Runtime.getRuntime().maxMemory());
        long[] needs = runs.stream().mapToLong(SelfDischarge::memoryNeed).toArray();
        int fit = Sweep.runsAtOnce(needs, workers, budget);
        int at = Math.min(workers, runs.size());
        if (fit < at && threads != null) {
            throw new InvalidParameterException("threads", String.format(Locale.ROOT,
                    "%d runs at once need about %.1f GiB of heap but this JVM may use %.1f GiB; allowed here: --threads <= %d "
                            + "(or raise the heap with QBATTERY_JAVA_OPTS=-Xmx...)",
                    at, Sweep.largestTogether(needs, at) / 1073741824.0, budget / 0.9 / 1073741824.0, fit));
        }
        return Math.min(workers, fit);
    }

    @Override
    public Integer call() {
        List<Sweep.Axis> axes = axes();
        List<Map<String, String>> points = Sweep.points(axes);
        String whyNoMerits = SweepReport.whyNoFigure(axes);
        if (plot && curves && points.size() > SweepReport.MAX_CURVES) {
            throw new InvalidParameterException("plot", "with --curves, --plot draws one curve per point, at most " + SweepReport.MAX_CURVES
                    + "; the grid has " + points.size() + " (sweep_curves.csv holds them all without --plot)");
        }
        if (plot && !curves && whyNoMerits != null) {
            throw new InvalidParameterException("plot", whyNoMerits + " (or add --curves: each point's time series, drawn for any axes)");
        }
        final boolean drawMerits = plot && whyNoMerits == null, drawCurves = plot && curves;
        TimeGrid grid = new TimeGrid(model.tMax, model.dt);
        var tol = model.tolerances();
        double[] fractions = measures.fractions();
        // Every point is built and checked before anything runs: a bad value at the grid's end must not
        // cost the runs before it, nor leave a partial table.
        List<SelfDischarge> runs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int largest = 0;
        for (Map<String, String> p : points) {
            String label = SweepReport.label(p);
            try {
                ModelOptions m = model;
                for (Map.Entry<String, String> e : p.entrySet()) {
                    m = m.with(e.getKey(), e.getValue());
                }
                Battery b = m.battery();
                SelfDischarge run = SelfDischarge.of(b).state(m.state).grid(grid.tMax(), grid.dt()).tolerances(tol)
                        .method(m.method).representation(m.representation).spectral(!measures.noSpectral).pairwise(!measures.noConcurrence).fractions(fractions);
                run.requireMemory();
                runs.add(run);
                largest = Math.max(largest, b.cells());
            } catch (InvalidParameterException e) {
                throw new InvalidParameterException(e.parameter(), "at the sweep's point " + label + ": " + e.getMessage());
            }
            labels.add(label);
        }
        final int runsAtOnce = runsAtOnce(runs, largest);
        return OutputDir.use(out, dir -> {
            Progress progress = Progress.forTerminal();
            long start = System.nanoTime();
            List<Sweep.Merits> merits;
            try {
                progress.progress(0, runs.size(), "sweeping " + runs.size() + " points");
                merits = Sweep.run(runs, labels, runsAtOnce, curves, (done, total, label) -> progress.progress(done, total,
                        "sweeping " + done + "/" + total + " (" + label + ")"));
            } finally {
                progress.finish();
            }
            // What an earlier run left here and this one does not write would pass for this run's.
            Map.of("sweep.png", drawMerits, "sweep.svg", drawMerits, "sweep_curves.png", drawCurves, "sweep_curves.svg", drawCurves,
                    "sweep_curves.csv", curves).forEach((name, writes) -> {
                        if (!writes) {
                            AtomicFiles.removeStale(dir.resolve(name));
                        }
                    });
            AtomicFiles.writeString(dir.resolve("sweep.csv"), SweepReport.csv(axes, points, merits));
            if (curves) {
                AtomicFiles.writeString(dir.resolve("sweep_curves.csv"), SweepReport.curvesCsv(points, merits));
            }
            Map<String, Object> fixed = model.parameters();
            for (Sweep.Axis a : axes) {
                fixed.remove(a.parameter().replace('-', '_'));
                if (a.parameter().equals("graph") || a.parameter().equals(Sweep.Axis.EDGES)) {
                    // Either one chooses the graph: the other's fixed value would describe a graph no point has.
                    fixed.remove("graph");
                    fixed.remove("edges");
                }
            }
            Map<String, Object> solver = new LinkedHashMap<>();
            solver.put("method", model.method);
            solver.put("representation", model.representation);
            solver.put("rtol", tol.rtol());
            solver.put("atol", tol.atol());
            solver.put("t_max", grid.tMax());
            solver.put("dt", grid.dt());
            solver.put("spectral", !measures.noSpectral);
            solver.put("concurrence", !measures.noConcurrence);
            solver.put("runs_at_once", runsAtOnce);
            solver.put("wall_seconds", (System.nanoTime() - start) * 1e-9);
            ResultWriter.writeJson(dir.resolve("sweep.json"), SweepReport.json(axes, points, merits, fixed, solver, argv));
            String method = "--method " + model.method + " (each point's solver in sweep.json)";
            if (drawMerits) {
                Figure f = SweepReport.figure("sweep", axes, points, merits);
                OutputDir.writeFigure(dir, f, Provenance.aboutFigure(f, argv, method, tol.rtol(), tol.atol(), "sweep.csv, sweep.json"));
            }
            if (drawCurves) {
                Figure f = SweepReport.curvesFigure("sweep_curves", points, merits);
                OutputDir.writeFigure(dir, f, Provenance.aboutFigure(f, argv, method, tol.rtol(), tol.atol(), "sweep_curves.csv, sweep.json"));
            }
            System.out.printf(Locale.ROOT, "swept %d points in %.1f s; wrote %s%n", runs.size(), (System.nanoTime() - start) * 1e-9, dir);
            return 0;
        });
    }
}
