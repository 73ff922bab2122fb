package org.qbattery.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.qbattery.analysis.DischargeAnalysis;
import org.qbattery.analysis.DischargeResult;
import org.qbattery.analysis.SelfDischarge;
import org.qbattery.analysis.TimeGrid;
import org.qbattery.model.Battery;
import org.qbattery.model.InvalidParameterException;
import org.qbattery.report.AtomicFiles;
import org.qbattery.report.ResultWriter;
import org.qbattery.report.RunFigure;
import org.qbattery.report.StatesFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qbattery simulate}: one self-discharge run, written as timeseries.csv and summary.json. */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Simulate the open-circuit self-discharge of an N-cell quantum battery.",
            "Writes DIR/timeseries.csv (t,energy,ergotropy,efficiency,concurrence,coherence,...) and DIR/summary.json "
                    + "(half-lives, sudden death, entanglement times, parameters, solver, provenance)."},
        sortOptions = false)
public final class SimulateCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory (created if missing).")
    Path out;

    @Mixin
    MeasureOptions measures;

    @Option(names = "--threads", paramLabel = "K", description = "Worker threads for the kernel and the measures (default: all "
            + "cores; more threads than cores only add overhead: at N = 8, 1000 threads on 2 cores took 5 s instead of 0.8 s).")
    Integer threads;

    @Option(names = "--plot", description = "Also draw DIR/timeseries.png and DIR/timeseries.svg: energy, ergotropy (incoherent "
            + "and one-cell parts) with the half-lives and sudden death marked; efficiency, l1-coherence and concurrence with "
            + "the entanglement crossings. Without it, those two files left in DIR by an earlier run are removed.")
    boolean plot;

    @Option(names = "--save-states", description = "Also write DIR/states.npy: rho(t) at every output time as one NumPy array "
            + "of complex128, shape (T, 2^N, 2^N), rows in timeseries.csv's order, basis index i with bit n set when cell n is "
            + "excited (np.load(\"DIR/states.npy\")[k]). It takes T*4^N*16 bytes (N = 8, 101 times: 106 MB) and the 2^N "
            + "register (not --representation dicke). --state file:DIR/states.npy starts a run from its last state.")
    boolean saveStates;

    List<String> argv = List.of();

    @Override
    public Integer call() {
        Battery battery = model.battery();
        // From the first step, so that its clock counts the whole run (at 13 cells the memory check
        // alone counts orbits over every matrix element). Cleared on every way out, so that an error
        // message starts its own line.
        Progress progress = Progress.forTerminal();
        try {
            progress.progress(0, 1, "estimating memory");
            TimeGrid grid = new TimeGrid(model.tMax, model.dt);
            var tol = model.tolerances();
            // The state is named and checked here, built when the run starts; file states are validated when read.
            SelfDischarge run = SelfDischarge.of(battery).state(model.state).grid(grid.tMax(), grid.dt()).tolerances(tol)
                    .method(model.method).representation(model.representation).spectral(!measures.noSpectral).pairwise(!measures.noConcurrence).fractions(measures.fractions());
            if (saveStates) {
                run.states((k, t, rho) -> { }); // the register, chosen before the memory check and any output
            }
            run.requireMemory(); // before the state is allocated
            if (threads != null) {
                Main.setThreads(threads);
            }
            return OutputDir.use(out, dir -> {
                DischargeResult r = saveStates ? runSavingStates(run.progress(progress), grid, battery.cells(), dir)
                        : run.progress(progress).run();
                progress.finish();
                write(r, battery, dir);
                return 0;
            });
        } finally {
            progress.finish();
        }
    }

    /** The run, streaming its states into DIR/states.npy (renamed into place once complete). */
    private static DischargeResult runSavingStates(SelfDischarge run, TimeGrid grid, int cells, Path dir) {
        int times = grid.times().length;
        long need = StatesFile.bytes(times, cells);
        try {
            long free = java.nio.file.Files.getFileStore(dir).getUsableSpace();
            if (need > free) {
                throw new InvalidParameterException("save-states", String.format(Locale.ROOT, "states.npy would take %.3g GB "
                        + "(%d times of a %d x %d matrix) and %s has %.3g GB free; use a larger --dt", need / 1e9, times,
                        1 << cells, 1 << cells, dir, free / 1e9));
            }
        } catch (java.io.IOException e) {
            // No file store to ask: the write itself will say if the disk fills.
        }
        DischargeResult[] r = new DischargeResult[1];
        AtomicFiles.write(dir.resolve("states.npy"), out -> {
            StatesFile file = new StatesFile(new java.io.BufferedOutputStream(out, 1 << 16), times, 1 << cells);
            r[0] = run.states(file).run();
            file.requireComplete();
            file.flush();
        });
        return r[0];
    }

    private void write(DischargeResult r, Battery battery, Path dir) {
        if (!saveStates) {
            AtomicFiles.removeStale(dir.resolve("states.npy"));
        }
        if (!plot) {
            // A figure an earlier --plot run left here would show that run beside this one's data.
            AtomicFiles.removeStale(dir.resolve("timeseries.png"));
            AtomicFiles.removeStale(dir.resolve("timeseries.svg"));
        }
        ResultWriter.writeTimeSeries(r, dir.resolve("timeseries.csv"));
        java.util.Map<String, Object> summary = ResultWriter.summary(r, argv);
        if (saveStates) {
            summary.put("states_file", StatesFile.describe(r.times().length, battery.cells()));
        }
        ResultWriter.writeJson(dir.resolve("summary.json"), summary);
        if (plot) {
            org.qbattery.plot.Figure f = RunFigure.of(r, "timeseries");
            OutputDir.writeFigure(dir, f, org.qbattery.report.Provenance.aboutFigure(f, argv, r.solver(), r.tolerances().rtol(),
                    r.tolerances().atol(), "timeseries.csv, summary.json"));
        }
        DischargeAnalysis a = r.analysis();
        System.out.printf(Locale.ROOT, "%s, state %s: E(0)=%.6g U(0)=%.6g%n", battery.describe(), model.state,
                r.series()[0][1], r.series()[0][0]);
        System.out.printf(Locale.ROOT, "ergotropy half-life %s, energy half-life %s, ergotropy sudden death %s%n",
                a.ergotropyHalfLife() != null ? fmt(a.ergotropyHalfLife()) : "none (" + ResultWriter.halfLifeNote(r, true) + ")",
                a.energyHalfLife() != null ? fmt(a.energyHalfLife()) : "none (" + ResultWriter.halfLifeNote(r, false) + ")",
                fmt(a.ergotropySuddenDeath()));
        a.ergotropyFractions().forEach((f, t) -> System.out.printf(Locale.ROOT, "E falls to %s of E(0) at %s, U to %s of U(0) at %s%n",
                f, fmt(t), f, fmt(a.energyFractions().get(f))));
        if (battery.variant() == org.qbattery.model.Variant.AS_PRINTED) {
            System.out.println("note: --variant as-printed is NOT the paper's stated master equation: all rates are halved and "
                    + "dephasing gamma/4 is added, which reproduces the paper's printed single-cell numbers (see summary.json)");
        }
        System.out.printf(Locale.ROOT, "%d steps (%d rejected), %.2f s; wrote %s%n", r.stats().acceptedSteps(),
                r.stats().rejectedSteps(), r.wallSeconds(), dir);
    }

    static String fmt(Double v) {
        return v == null ? "none" : String.format(Locale.ROOT, "%.9f", v);
    }
}
