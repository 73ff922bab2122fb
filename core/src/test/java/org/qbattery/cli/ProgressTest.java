package org.qbattery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The terminal progress line: throttled while a task advances, redrawn at once when the task changes. */
class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String[] lines() {
        return bytes.toString(StandardCharsets.UTF_8).split("\r", -1);
    }

    @Test
    void aNewTaskIsDrawnAtOnceWhileTheSameTaskIsThrottled() {
        Progress p = new Progress(err, true);
        // Calls within microseconds of each other: far inside the 100 ms between redraws.
        p.progress(0, 1, "building the Liouvillian");
        p.progress(0.5, 1, "building the Liouvillian");
        p.progress(0, 1, "measuring t = 0");
        p.progress(0.2, 5, "integrating");
        p.progress(0.4, 5, "integrating");
        p.progress(5, 5, "integrating"); // the last one always shows
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("building the Liouvillian", "measuring t = 0", "integrating").contains("100.0%");
        assertThat(lines()).filteredOn(l -> l.startsWith("building")).hasSize(1);
        assertThat(lines()).filteredOn(l -> l.startsWith("integrating")).hasSize(2);
        assertThat(out).doesNotContain(" 8.0%"); // 0.4 of 5, throttled
    }

    /**
     * The time left, at the task's rate so far: nothing in its first 2 s, then the rest at that rate;
     * a new task (another total) starts its own estimate.
     */
    @Test
    void timeLeftFollowsTheTasksRate() {
        long[] now = {0};
        Progress p = new Progress(err, true, () -> now[0]);
        p.progress(0, 5, "integrating");
        now[0] = 1_000_000_000L;
        p.progress(0.5, 5, "integrating");
        assertThat(lines()[lines().length - 1]).doesNotContain("left"); // 1 s in: too early to tell
        now[0] = 3_000_000_000L;
        p.progress(1.5, 5, "integrating"); // 30% in 3 s: 7 s to go
        assertThat(lines()[lines().length - 1]).contains("~7s left");
        now[0] = 4_000_000_000L;
        p.progress(0, 20, "sweeping 0/20");
        now[0] = 204_000_000_000L;
        p.progress(10, 20, "sweeping 10/20"); // half in 200 s: 200 s more
        assertThat(lines()[lines().length - 1]).contains("~3.3 min left");
        p.progress(20, 20, "sweeping 20/20");
        assertThat(lines()[lines().length - 1]).doesNotContain("left");
        // The same total started over (a run's events after its integration): a fresh estimate.
        p.progress(0, 20, "locating 0/20");
        now[0] = 206_000_000_000L;
        p.progress(10, 20, "locating 10/20");
        assertThat(lines()[lines().length - 1]).contains("~2s left");
        // Within an 80-column terminal, where a wrapped line would no longer be redrawn in place.
        assertThat(lines()).allSatisfy(l -> assertThat(l.length()).isLessThan(80));
    }

    /** The lines a terminal shows: a carriage return goes back to column 0 and later text overwrites. */
    private java.util.List<String> screen() {
        java.util.List<String> shown = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        int col = 0;
        for (char c : bytes.toString(StandardCharsets.UTF_8).toCharArray()) {
            if (c == '\r') {
                col = 0;
            } else if (c == '\n') {
                shown.add(line.toString().stripTrailing());
                line.setLength(0);
                col = 0;
            } else {
                if (col < line.length()) {
                    line.setCharAt(col, c);
                } else {
                    line.append(c);
                }
                col++;
            }
        }
        shown.add(line.toString().stripTrailing());
        return shown;
    }

    @Test
    void aFinishedLineWrittenOverTheProgressLineLeavesNothingOfIt() {
        Progress p = new Progress(err, true);
        p.progress(46, 46, "simulating 46/46");
        p.line("simulated 50 runs");
        p.line("figure fig2a written");
        p.progress(1, 2, "locating ergotropy half-life");
        p.finish();
        assertThat(screen()).containsExactly("simulated 50 runs", "figure fig2a written", "");
    }

    @Test
    void finishClearsTheLineSoThatAMessageStartsItsOwn() {
        Progress p = new Progress(err, true);
        p.progress(0, 1, "estimating memory");
        p.finish();
        String[] l = lines();
        assertThat(l[l.length - 1]).isEmpty();
        assertThat(l[l.length - 2]).isBlank();
    }

    @Test
    void silentOffATerminal() {
        Progress p = new Progress(err, false);
        p.progress(0, 1, "estimating memory");
        p.progress(1, 1, "integrating");
        p.finish();
        assertThat(bytes.size()).isZero();
    }
}
