package org.qbattery.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.qbattery.analysis.ProgressListener;

/**
 * A one-line progress indicator on stderr, shown only when stderr is an interactive terminal
 * (System.console() != null), so pipes and CI logs stay clean. Redrawn at most 10 times a second,
 * and at once when the task's label changes. After two seconds of one task (the same total: a run's
 * t_max, a sweep's points) it also shows the time left at the rate so far.
 */
public final class Progress implements ProgressListener {
    private final PrintStream err;
    private final boolean enabled;
    private long lastDraw;
    private boolean drawn;
    private String lastLabel = "";
    /** Columns the widest progress line drawn took. */
    private int width;
    private final java.util.function.LongSupplier clock;
    private final long startNanos;
    /** The task the time left is estimated for (its total), when it started and how far it was then. */
    private double taskTotal = Double.NaN, taskStartFraction, lastFraction;
    private long taskStartNanos;

    public Progress(PrintStream err, boolean enabled) {
        this(err, enabled, System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime} (tests pass their own) */
    Progress(PrintStream err, boolean enabled, java.util.function.LongSupplier clock) {
        this.err = err;
        this.enabled = enabled;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
    }

    /**
     * Enabled on a terminal unless QBATTERY_PROGRESS=0. A run stopped with Ctrl-C clears its line as
     * the JVM shuts down, so that the shell's prompt does not start after the bar.
     */
    public static Progress forTerminal() {
        boolean tty = System.console() != null && !"0".equals(System.getenv("QBATTERY_PROGRESS"));
        Progress p = new Progress(System.err, tty);
        if (tty) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(p::finish, "qbattery-clear-progress"));
            } catch (IllegalStateException shuttingDown) {
                // already stopping: nothing drawn yet
            }
        }
        return p;
    }

    public boolean enabled() {
        return enabled;
    }

    @Override
    public synchronized void progress(double done, double total, String label) {
        if (!enabled) {
            return;
        }
        long now = clock.getAsLong();
        double f = total > 0 ? Math.min(1, done / total) : 1;
        if (total != taskTotal || f < lastFraction) { // another task, or the same total started over
            taskTotal = total;
            taskStartFraction = f;
            taskStartNanos = now;
        }
        lastFraction = f;
        // A new label is drawn at once: the step it names may take seconds with no further call.
        if (now - lastDraw < 100_000_000L && done < total && label.equals(lastLabel)) {
            return;
        }
        lastDraw = now;
        lastLabel = label;
        int w = 16; // the widest line, with the time left, stays within 80 columns
        int fill = (int) Math.round(f * w);
        String bar = "#".repeat(fill) + ".".repeat(w - fill);
        String shown = String.format(Locale.ROOT, "%-28s [%s] %5.1f%%  %6.1fs%s", trim(label), bar, 100 * f,
                (now - startNanos) * 1e-9, timeLeft(f, (now - taskStartNanos) * 1e-9));
        err.print("\r" + shown);
        err.flush();
        width = Math.max(width, shown.length());
        drawn = true;
    }

    /** "  ~12s left" at the task's rate so far, once it has run 2 s and moved 1%; else nothing. */
    private String timeLeft(double f, double seconds) {
        double moved = f - taskStartFraction;
        if (seconds < 2 || moved < 0.01 || f >= 1) {
            return "";
        }
        double left = seconds * (1 - f) / moved;
        return left < 120 ? String.format(Locale.ROOT, "  ~%.0fs left", left) : String.format(Locale.ROOT, "  ~%.1f min left", left / 60);
    }

    /** Blanks what the progress line showed: shorter text written over it would leave its end visible. */
    private String blank() {
        return drawn ? "\r" + " ".repeat(width) + "\r" : "";
    }

    /** Prints a finished line for a task (terminal only). */
    public synchronized void line(String text) {
        if (!enabled) {
            return;
        }
        err.print(blank() + text + "\n");
        err.flush();
        drawn = false;
    }

    /** Clears the progress line (from the shutdown hook too: synchronized with the drawing). */
    public synchronized void finish() {
        if (enabled && drawn) {
            err.print(blank());
            err.flush();
            drawn = false;
        }
    }

    private static String trim(String s) {
        return s.length() <= 28 ? s : s.substring(0, 27) + "…";
    }
}
