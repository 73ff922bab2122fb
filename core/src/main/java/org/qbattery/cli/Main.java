package org.qbattery.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.qbattery.kernel.HermitianEigenvalues;
import org.qbattery.kernel.NativeLapack;
import org.qbattery.kernel.Parallel;
import org.qbattery.model.InvalidParameterException;
import org.qbattery.plot.FigureRenderer;
import org.qbattery.report.Provenance;
import org.qbattery.report.ResultWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code qbattery} command line. Every invalid input ends in one line on stderr naming the
 * option and the allowed range, exit code 2, and no output file.
 */
@Command(name = "qbattery", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Simulate and design self-discharging quantum batteries of two-level cells.")
public final class Main implements java.util.concurrent.Callable<Integer> {
    /** Exit code for invalid input. */
    public static final int BAD_INPUT = 2;

    /** No command given: as any other incomplete input, one line and exit code 2 (a script must not read it as success). */
    @Override
    public Integer call() {
        System.err.println("qbattery: error: missing command: simulate, sweep or reproduce (see --help)");
        System.err.flush();
        return BAD_INPUT;
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("simulate") || args[0].equals("reproduce") || args[0].equals("sweep"))) {
            // While the main thread parses and sets up, the other core is idle: loading OpenBLAS
            // (0.13–0.18 s; the first spectrum, of ρ(0), waited for it), building the JSON writer's
            // serialisers (~60 ms, otherwise at the end of the run) and, for reproduce, simulate
            // --plot and sweep --plot, drawing a throw-away figure (FigureRenderer.warmUp) move off the critical path.
            boolean lapack = usesNativeLapack(args);
            boolean figures = args[0].equals("reproduce") ? !Arrays.asList(args).contains("--no-figures")
                    : Arrays.asList(args).contains("--plot");
            Thread load = new Thread(() -> {
                if (lapack) {
                    NativeLapack.available();
                }
                ResultWriter.warmUp();
                if (figures) {
                    FigureRenderer.warmUp();
                }
            }, "qbattery-warm-up");
            load.setDaemon(true);
            load.start();
        }
        System.exit(guarded(() -> execute(args), System.err));
    }

    /**
     * Runs {@code cli}; if the heap still runs out (the memory check before a run is meant to prevent
     * it), says so in one line naming the heap and how to raise it, exit code 1, instead of a stack
     * trace. Outputs are written only when a run has finished, so nothing partial is left behind.
     */
    static int guarded(java.util.function.IntSupplier cli, java.io.PrintStream err) {
        try {
            return cli.getAsInt();
        } catch (OutOfMemoryError e) {
            err.println("qbattery: error: the Java heap (" + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MiB) ran out; raise it with QBATTERY_JAVA_OPTS=-Xmx... or use fewer cells, output times or measures");
            err.flush();
            return 1;
        }
    }

    /**
     * Whether the command will diagonalise matrices large enough for native LAPACK: {@code simulate}
     * from 2^N = {@link HermitianEigenvalues#NATIVE_MIN_ORDER} on. Not {@code reproduce}: the paper's
     * registers are at most 2^5 = 32, and loading OpenBLAS there only took 0.19 s of CPU (perf, 6% of
     * the whole run) from the other core. A malformed {@code --cells} is left to the parser.
     */
    static boolean usesNativeLapack(String[] args) {
        if (args.length == 0 || !args[0].equals("simulate")) {
            return false;
        }
        for (int k = 1; k < args.length; k++) {
            String v = args[k].startsWith("--cells=") ? args[k].substring("--cells=".length())
                    : args[k].equals("--cells") && k + 1 < args.length ? args[k + 1] : null;
            if (v != null) {
                try {
                    int n = Integer.parseInt(v.trim());
                    return n < 31 && (1 << Math.max(0, n)) >= HermitianEigenvalues.NATIVE_MIN_ORDER;
                } catch (NumberFormatException bad) {
                    return false;
                }
            }
        }
        return false;
    }

    static void setThreads(int k) {
        if (k < 1) {
            throw new InvalidParameterException("threads", "must be >= 1, got " + k);
        }
        Parallel.setThreads(k);
    }

    /** Runs the CLI and returns the exit code (used by the tests). */
    public static int execute(String... args) {
        CommandLine cl = commandLine(args);
        List<String> argv = Arrays.asList(args);
        cl.setExecutionStrategy(parse -> {
            Object cmd = parse.subcommand() != null ? parse.subcommand().commandSpec().userObject() : null;
            if (cmd instanceof SimulateCommand s) {
                s.argv = argv;
            } else if (cmd instanceof ReproduceCommand r) {
                r.argv = argv;
            } else if (cmd instanceof SweepCommand w) {
                w.argv = argv;
            }
            return new CommandLine.RunLast().execute(parse);
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("qbattery: error: " + oneLine(ex.getMessage()) + " (see --help)");
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parse) -> {
            PrintWriter err = c.getErr();
            if (ex instanceof InvalidParameterException ip) {
                err.println("qbattery: error: --" + ip.parameter() + ": " + oneLine(ip.getMessage()));
                err.flush();
                return BAD_INPUT;
            }
            if (ex instanceof org.qbattery.kernel.IntegrationException ie) {
                err.println("qbattery: error: --t-max: " + oneLine(ie.getMessage())
                        + "; shorten --t-max or lower the largest rate (gamma, coupling, gamma-icl, dephasing, nbar, edge weights)");
                err.flush();
                return BAD_INPUT;
            }
            if (ex instanceof UncheckedIOException io) {
                err.println("qbattery: error: " + oneLine(io.getMessage()));
                err.flush();
                return 1;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /**
     * The command line with its commands (simulate, sweep, reproduce, help, in that order). picocli
     * builds a command's model by reflecting over its options' annotations when it is added: at
     * start-up, interpreted, ~20 ms for all three against ~5 ms for reproduce alone (class-load log,
     * CDS archive, 2 cores). A run names its command first, so only that one is added; any other
     * first argument (help, --version, a typo that picocli answers with suggestions) gets them all.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Main());
        switch (args.length == 0 ? "" : args[0]) {
            case "simulate" -> cl.addSubcommand(new SimulateCommand());
            case "sweep" -> cl.addSubcommand(new SweepCommand());
            case "reproduce" -> cl.addSubcommand(new ReproduceCommand());
            default -> {
                cl.addSubcommand(new SimulateCommand());
                cl.addSubcommand(new SweepCommand());
                cl.addSubcommand(new ReproduceCommand());
                cl.addSubcommand(new CommandLine.HelpCommand());
            }
        }
        return cl;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /** Reads the version recorded at build time. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"qbattery " + Provenance.version() + " (commit " + Provenance.commit() + ")"};
        }
    }
}
