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
