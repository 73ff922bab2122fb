package org.qbattery.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file through a temporary sibling and an atomic rename, so a killed or failing run never
 * leaves a half-written output behind. The temporary files still being written when the JVM is
 * stopped (Ctrl-C, SIGTERM) are removed as it shuts down: {@code reproduce} stopped while drawing had
 * left one or two {@code .figN.png.PID-K.part} files in the output directory (measured).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Temporary files being written, removed by a shutdown hook registered at the first write. */
    private static final java.util.Set<Path> IN_FLIGHT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (Path p : IN_FLIGHT) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // best effort while the JVM stops
                    }
                }
            }, "qbattery-remove-partial-files"));
        } catch (IllegalStateException shuttingDown) {
            // first used while the JVM already stops: nothing of ours is in flight yet
        }
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

    /**
     * {@code text} as UTF-8. Encoded in one call rather than through a {@link Writer}: a writer
     * copies the text into chars and encodes those chunk by chunk, where {@code getBytes} copies
     * ASCII-only (Latin-1 coded) strings as they are; {@code reproduce} writes ~10 MB of SVG, CSV
     * and HTML text this way.
     */
    public static void writeString(Path target, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, tmp -> Files.write(tmp, bytes));
    }

    private static final AtomicLong COUNTER = new AtomicLong();

    /**
     * A new empty file {@code .NAME.PID-K.part} in {@code dir}. Not {@code Files.createTempFile}: it
     * draws the name from {@code SecureRandom}, whose first use cost 31–35 ms of every short run
     * (measured); a name unique to this process and call is enough, and creating it fails rather than
     * reuse a file that is already there (a leftover of a killed run), so the next number is tried.
     * The file gets the default permissions, as the output file itself would.
     */
    static Path createSibling(Path dir, String name) throws IOException {
        String base = "." + name + "." + ProcessHandle.current().pid() + "-";
        while (true) {
            try {
                return Files.createFile(dir.resolve(base + COUNTER.incrementAndGet() + ".part"));
            } catch (FileAlreadyExistsException taken) {
                // try the next number
            }
        }
    }

    /** Fails unless a file can be created (and is then removed) in {@code dir}; without {@code SecureRandom}, as above. */
    public static void requireWritable(Path dir) throws IOException {
        Files.delete(createSibling(dir, "probe"));
    }

    /**
     * Removes an output an earlier run left under {@code target}'s name that this run does not
     * write again (a picture that would show that run's data beside this run's), if there is one.
     */
    public static void removeStale(Path target) {
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the earlier run's " + target + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code body} on a temporary file next to {@code target}, then renames it into place. */
    public static void write(Path target, FileBody body) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null, created = null;
        try {
            tmp = createSibling(dir, target.getFileName().toString());
            created = tmp;
            IN_FLIGHT.add(created);
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
            if (created != null) {
                IN_FLIGHT.remove(created);
            }
        }
    }
}
