package org.qbattery.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.qbattery.analysis.PaperReproduction;
import org.qbattery.kernel.Tolerances;
import org.qbattery.model.InvalidParameterException;
import org.qbattery.report.PaperTable;
import org.qbattery.report.ReproductionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qbattery reproduce}: every figure and number of the founding paper, with a report. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Reproduce every figure and number of A. C. Santos, \"Quantum advantage of two-level batteries in "
                + "self-discharging process\" (2020), in the stated master equation and in the as-printed variant.",
            "Writes DIR/fig*.png|svg|csv, DIR/run.json, DIR/report.md and a self-contained DIR/report.html."})
public final class ReproduceCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reproduction", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--threads", paramLabel = "K", description = "Simulations run in parallel (default: all cores).")
    Integer threads;

    @Option(names = "--no-figures", description = "Draw no PNG or SVG: write each figure's data (CSV), run.json and the "
            + "reports, which then point to the data; a figure's PNG and SVG left in DIR by an earlier run are removed. "
            + "Saves about 40%% of the run.")
    boolean noFigures;

    @Option(names = "--rtol", paramLabel = "R", defaultValue = "1e-10", description = "Relative tolerance (default: ${DEFAULT-VALUE}).")
    double rtol;

    @Option(names = "--atol", paramLabel = "A", defaultValue = "1e-12", description = "Absolute tolerance (default: ${DEFAULT-VALUE}).")
    double atol;

    List<String> argv = List.of();

    @Override
    public Integer call() {
        int k = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (k < 1) {
            throw new InvalidParameterException("threads", "must be >= 1, got " + k);
        }
        if (!(rtol > 0 && rtol < 1)) {
            throw new InvalidParameterException("rtol", "must be in (0, 1), got " + rtol);
        }
        if (!(atol > 0 && atol < 1)) {
            throw new InvalidParameterException("atol", "must be in (0, 1), got " + atol);
        }
        return OutputDir.use(out, dir -> {
            Progress progress = Progress.forTerminal();
            long start = System.nanoTime();
            PaperReproduction r = PaperReproduction.compute(new Tolerances(rtol, atol), k, (done, total, label) ->
                    progress.progress(done, total, "simulating " + (int) done + "/" + (int) total));
            progress.line(String.format(Locale.ROOT, "simulated %d runs (%d distinct) in %.1f s", r.all().size(), r.simulations(), r.wallSeconds()));
            ReproductionReport.Written w = ReproductionReport.write(r, dir, argv,
                    id -> progress.line((noFigures ? "figure data " : "figure ") + id + " written"), !noFigures);
            progress.finish();
            long fixed = w.table().stream().filter(x -> !x.verdict().equals("reproduced")).count();
            System.out.printf(Locale.ROOT, "reproduced the paper in %.1f s: %d figures%s, %d paper numbers (%d reproduced, %d corrected with reason)%n",
                    (System.nanoTime() - start) * 1e-9, w.figures().size(), noFigures ? " (data only, not drawn)" : "", w.table().size(),
                    w.table().size() - fixed, fixed);
            for (PaperTable.Row row : w.table()) {
                System.out.printf(Locale.ROOT, "  %-14s %s: paper %s, QBattery %s%n", row.verdict(), row.quantity(), row.paper(), row.stated());
            }
            System.out.println("report: " + w.html().toAbsolutePath());
            return 0;
        });
    }
}
