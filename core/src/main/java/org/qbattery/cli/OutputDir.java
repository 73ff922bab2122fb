package org.qbattery.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.qbattery.model.InvalidParameterException;
import org.qbattery.report.AtomicFiles;

/** Creates and checks an output directory before any work starts, so a bad --out fails fast. */
final class OutputDir {
    private OutputDir() {
    }

    static Path prepare(Path out) {
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
