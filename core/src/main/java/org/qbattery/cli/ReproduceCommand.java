package org.qbattery.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qbattery reproduce}: every figure and number of the founding paper, with a report. */
@Command(name = "reproduce", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Reproduce the paper's figures and numbers, and explain where it is wrong.")
public final class ReproduceCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reproduction", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    List<String> argv = List.of();

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("reproduce is not implemented yet");
    }
}
