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
        Path first = AtomicFiles.createSibling(dir, "timeseries.csv");
        Matcher m = Pattern.compile("\\.timeseries\\.csv\\.(\\d+)-(\\d+)\\.part").matcher(first.getFileName().toString());
        assertThat(m.matches()).as(first.toString()).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(ProcessHandle.current().pid());
        // A killed run of an earlier process with the same pid left the next name behind.
        long next = Long.parseLong(m.group(2)) + 1;
        Path leftover = Files.writeString(dir.resolve(".timeseries.csv." + m.group(1) + "-" + next + ".part"), "old");
        Path second = AtomicFiles.createSibling(dir, "timeseries.csv");
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
}
