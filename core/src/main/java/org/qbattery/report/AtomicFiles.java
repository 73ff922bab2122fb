package org.qbattery.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file through a temporary sibling and an atomic rename, so a killed or failing run never
 * leaves a half-written output behind. The temporary files still being written when the JVM is
 * stopped (Ctrl-C, SIGTERM) are removed as it shuts down: {@code reproduce} stopped while drawing had
 * left one or two {@code .figN.png.PID-K.part} files in the output directory (measured); then the
 * output directories the run created, as far as they are empty (one hook, so in that order).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Temporary files being written, removed by a shutdown hook registered at the first write. */
    private static final java.util.Set<Path> IN_FLIGHT = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** How long the hook waits, at most, for writers to drop their temporaries (a figure's encoding takes ~100 ms). */
    private static final long STOP_WAIT_NANOS = 300_000_000L;
    /** Output directories a run created (innermost first), removed by the same hook, after the temporaries, if still empty. */
    private static final java.util.Map<Object, java.util.List<Path>> CREATED = new java.util.concurrent.ConcurrentHashMap<>();
    /** Set by the hook before it removes them: a temporary created after that removes itself. */
    private static volatile boolean stopping;

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopping = true;
                // Writers go on while the hook runs, and the JVM halts as soon as it returns: one that was
                // creating its temporary as the hook began deletes it itself (it sees stopping) and leaves
                // the list. So: temporaries, then the run's directories (empty only once they are gone),
                // again until the list is empty or STOP_WAIT_NANOS have passed. Measured: a directory was
                // left in 1 of 40 stops right after it was made with a single pass (twice), in 0 of 160 so.
                long until = System.nanoTime() + STOP_WAIT_NANOS;
                do {
                    for (Path p : IN_FLIGHT) {
                        try {
                            Files.deleteIfExists(p);
                        } catch (IOException ignored) {
                            // best effort while the JVM stops
                        }
                    }
                    CREATED.values().forEach(AtomicFiles::removeEmptyDirectories);
                    if (IN_FLIGHT.isEmpty()) {
                        break;
                    }
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        break;
                    }
                } while (System.nanoTime() < until);
                CREATED.values().forEach(AtomicFiles::removeEmptyDirectories);
            }, "qbattery-remove-partial-files"));
        } catch (IllegalStateException shuttingDown) {
            // first used while the JVM already stops: nothing of ours is in flight yet
        }
    }

    /**
     * Until {@link #keepDirectories} is called with the returned token, the JVM stopping (Ctrl-C,
     * SIGTERM) removes {@code created} (directories a run made for its output, innermost first) as far
     * as they are empty: a stopped run leaves no empty output directory behind.
     */
    public static Object removeDirectoriesIfStopped(java.util.List<Path> created) {
        Object token = new Object();
        CREATED.put(token, created);
        return token;
    }

    /** The directories registered under {@code token} stay when the JVM stops (the run has finished or failed). */
    public static void keepDirectories(Object token) {
        CREATED.remove(token);
    }

    /** Deletes {@code dirs} in order (innermost first), stopping at the first that is not empty or cannot be deleted. */
    public static void removeEmptyDirectories(java.util.List<Path> dirs) {
        for (Path p : dirs) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException | SecurityException notEmptyOrNotOurs) {
                return;
            }
        }
    }

    /** Something that writes text. */
    @FunctionalInterface
    public interface TextBody {
        void write(Writer w) throws IOException;
    }

    /**
     * Something that writes bytes. It gets the temporary file's stream, opened when the file was
     * created, not its path: a body that reopened the path could recreate a file the shutdown hook had
     * just removed (seen: a writer stopped while it started to write left its temporary, 3 times in
     * 60 under load), where writes to an open stream after the removal go nowhere.
     */
    @FunctionalInterface
    public interface FileBody {
        void write(OutputStream out) throws IOException;
    }

    public static void writeText(Path target, TextBody body) {
        write(target, out -> {
            Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.write(w);
            w.flush();
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
        write(target, out -> out.write(bytes));
    }

    private static final AtomicLong COUNTER = new AtomicLong();

    /** A temporary sibling being written: its path and the stream it was created with. */
    record Sibling(Path path, OutputStream out) {
    }

    /**
     * A new empty file {@code .NAME.PID-K.part} in {@code dir}, open for writing. Not
     * {@code Files.createTempFile}: it draws the name from {@code SecureRandom}, whose first use cost
     * 31–35 ms of every short run (measured); a name unique to this process and call is enough, and
     * creating it fails rather than reuse a file that is already there (a leftover of a killed run), so
     * the next number is tried. The file gets the default permissions, as the output file itself
     * would. It is listed for the shutdown hook before it exists, and removes itself if the hook has
     * started meanwhile: either way a stop cannot leave it behind. Callers remove it from the list.
     */
    static Sibling createSibling(Path dir, String name) throws IOException {
        String base = "." + name + "." + ProcessHandle.current().pid() + "-";
        while (true) {
            Path candidate = dir.resolve(base + COUNTER.incrementAndGet() + ".part");
            IN_FLIGHT.add(candidate);
            OutputStream out;
            try {
                out = Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException taken) {
                IN_FLIGHT.remove(candidate); // not ours: try the next number
                continue;
            } catch (IOException | RuntimeException e) {
                IN_FLIGHT.remove(candidate);
                throw e;
            }
            if (stopping) {
                out.close();
                Files.deleteIfExists(candidate);
                throw new IOException("the JVM is stopping");
            }
            return new Sibling(candidate, out);
        }
    }

    /** Fails unless a file can be created (and is then removed) in {@code dir}; without {@code SecureRandom}, as above. */
    public static void requireWritable(Path dir) throws IOException {
        Sibling probe = createSibling(dir, "probe");
        try {
            probe.out().close();
            Files.delete(probe.path());
        } finally {
            IN_FLIGHT.remove(probe.path());
        }
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
        Sibling tmp = null;
        boolean moved = false;
        try {
            tmp = createSibling(dir, target.getFileName().toString());
            try (OutputStream out = tmp.out()) {
                body.write(out);
            }
            try {
                Files.move(tmp.path(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp.path(), target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                if (!moved) {
                    try {
                        tmp.out().close();
                        Files.deleteIfExists(tmp.path());
                    } catch (IOException ignored) {
                        // best effort: the temporary name starts with a dot and ends in .part
                    }
                }
                IN_FLIGHT.remove(tmp.path());
            }
        }
    }
}
