package org.qbattery.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary sibling and an atomic rename, so a killed or failing run never
 * leaves a half-written output behind.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes text. */
    @FunctionalInterface
    public interface TextBody {
        void write(Writer w) throws IOException;
    }

    /** Something that writes bytes to a path. */
    @FunctionalInterface
    public interface FileBody {
        void write(Path tmp) throws IOException;
    }

    public static void writeText(Path target, TextBody body) {
        write(target, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
        });
    }

    public static void writeString(Path target, String text) {
        writeText(target, w -> w.write(text));
    }

    /** Runs {@code body} on a temporary file next to {@code target}, then renames it into place. */
    public static void write(Path target, FileBody body) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
            body.write(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary name starts with a dot and ends in .part
                }
            }
        }
    }
}
