package org.qbattery.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.qbattery.model.InvalidParameterException;
import org.qbattery.report.AtomicFiles;

/**
 * Creates and checks an output directory before any work starts, so a bad --out fails fast; and
 * removes it again when the work then fails before writing into it (a state file found invalid when
 * read, a heap that runs out), so a failed run leaves nothing behind, not even an empty directory.
 */
final class OutputDir {
    private OutputDir() {
    }

    /**
     * Runs {@code work} on the prepared directory. If it throws, or the process is stopped while it
     * runs (Ctrl-C, SIGTERM: a shutdown hook), the directories this call created (missing parents
     * included) are removed again, innermost first, as far as they are still empty; a directory that
     * existed before is never touched, nor is a file in it.
     */
    static <T> T use(Path out, java.util.function.Function<Path, T> work) {
        List<Path> created = new ArrayList<>();
        for (Path p = out.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) {
            created.add(p);
        }
        // Registered before the directories are made: a stop between the two would leave them behind.
        Object stopped = AtomicFiles.removeDirectoriesIfStopped(created);
        try {
            return work.apply(prepare(out));
        } catch (RuntimeException | Error e) {
            AtomicFiles.removeEmptyDirectories(created);
            throw e;
        } finally {
            AtomicFiles.keepDirectories(stopped);
        }
    }

    /**
     * The figure drawn into {@code dir} as ID.png and ID.svg (its {@link org.qbattery.plot.Figure#id()}), each written
     * atomically and described by {@code about} ({@link org.qbattery.report.Provenance#aboutFigure}).
     */
    static void writeFigure(Path dir, org.qbattery.plot.Figure figure, java.util.Map<String, String> about) {
        org.qbattery.plot.FigureRenderer.PngAndSvg drawn = org.qbattery.plot.FigureRenderer.pngAndSvg(figure, about);
        AtomicFiles.write(dir.resolve(figure.id() + ".png"), o -> o.write(drawn.png()));
        AtomicFiles.writeString(dir.resolve(figure.id() + ".svg"), drawn.svg());
    }

    static Path prepare(Path out) {
        if (out.toString().isBlank()) {
            // Path.of("") is the working directory: an unset shell variable (--out "$DIR") would write there.
            throw new InvalidParameterException("out", "must name a directory, got an empty path (use --out . for this directory)");
        }
        try {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new InvalidParameterException("out", "\"" + out + "\" exists and is not a directory; give a directory path");
            }
            Files.createDirectories(out);
            if (!Files.isWritable(out)) {
                throw new InvalidParameterException("out", "directory \"" + out + "\" is not writable");
            }
            AtomicFiles.requireWritable(out);
            return out;
        } catch (IOException | SecurityException e) {
            throw new InvalidParameterException("out", "cannot write to \"" + out + "\": " + e.getMessage());
        }
    }
}
