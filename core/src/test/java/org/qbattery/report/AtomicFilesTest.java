package org.qbattery.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files appear whole or not at all, through a temporary sibling that never clobbers another file. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aLeftoverTemporaryFileIsNeitherReusedNorTouched() throws IOException {
        AtomicFiles.Sibling one = AtomicFiles.createSibling(dir, "timeseries.csv");
        one.out().close();
        Path first = one.path();
        Matcher m = Pattern.compile("\\.timeseries\\.csv\\.(\\d+)-(\\d+)\\.part").matcher(first.getFileName().toString());
        assertThat(m.matches()).as(first.toString()).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(ProcessHandle.current().pid());
        // A killed run of an earlier process with the same pid left the next name behind.
        long next = Long.parseLong(m.group(2)) + 1;
        Path leftover = Files.writeString(dir.resolve(".timeseries.csv." + m.group(1) + "-" + next + ".part"), "old");
        AtomicFiles.Sibling two = AtomicFiles.createSibling(dir, "timeseries.csv");
        two.out().close();
        Path second = two.path();
        assertThat(second).isNotEqualTo(leftover).isNotEqualTo(first).exists();
        assertThat(Files.size(second)).isZero();
        assertThat(Files.readString(leftover)).isEqualTo("old");
    }

    @Test
    void writesWholeFilesAndLeavesNothingWhenTheBodyFails() throws IOException {
        Path target = dir.resolve("summary.json");
        AtomicFiles.writeString(target, "{\"a\": 1}");
        assertThat(Files.readString(target)).isEqualTo("{\"a\": 1}");
        assertThatThrownBy(() -> AtomicFiles.writeText(target, w -> {
            w.write("{\"partial\": ");
            throw new IOException("disk full");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
        assertThat(Files.readString(target)).as("the earlier file stays whole").isEqualTo("{\"a\": 1}");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("summary.json");
        }
    }

    /**
     * A JVM stopped (SIGTERM, as Ctrl-C) while it writes an output removes the temporary file as it
     * shuts down: neither the output nor its {@code .part} sibling is left.
     */
    @Test
    void aStoppedProcessLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("fig2a.png");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SlowWriter.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        try {
            // Until the body runs: its temporary sibling exists.
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (parts().length == 0) {
                assertThat(p.isAlive()).as("the writer started").isTrue();
                assertThat(System.nanoTime()).as("the temporary file appeared in time").isLessThan(deadline);
                Thread.sleep(20);
            }
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(parts()).isEmpty();
        assertThat(target).doesNotExist();
    }

    private String[] parts() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).toArray(String[]::new);
        }
    }

    /** Writes one output whose body never ends (until the process is stopped). */
    static final class SlowWriter {
        public static void main(String[] args) {
            AtomicFiles.write(Path.of(args[0]), out -> {
                out.write("half of it".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.flush();
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
