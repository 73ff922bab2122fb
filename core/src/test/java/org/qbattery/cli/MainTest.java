package org.qbattery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OpenBLAS is loaded ahead only for runs whose spectra will use it (order ≥ 64, i.e. N ≥ 6). */
class MainTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "simulate --cells 6 --out x | true",
        "simulate --graph ring --cells=12 --out x | true",
        "simulate --cells 5 --out x | false",
        "simulate --cells=1 | false",
        "simulate --out x | false", // default: one cell
        "simulate --cells banana | false",
        "simulate --cells | false",
        "reproduce --out x | false", // the paper's registers are at most 2^5
        "--version | false"})
    void preloadsNativeLapackOnlyWhereSpectraUseIt(String line, boolean expected) {
        assertThat(Main.usesNativeLapack(line.trim().split(" +"))).isEqualTo(expected);
    }

    /** No command is incomplete input like any other: one line naming the commands, exit code 2; --help still exits 0. */
    @org.junit.jupiter.api.Test
    void noCommandIsBadInput() {
        CliTest.Run none = CliTest.run();
        assertThat(none.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(none.err().strip()).isEqualTo("qbattery: error: missing command: simulate, sweep or reproduce (see --help)");
        assertThat(none.out()).isEmpty();
        CliTest.Run help = CliTest.run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("simulate", "sweep", "reproduce");
    }

    /** A heap that runs out after all ends in one line naming the heap and QBATTERY_JAVA_OPTS, exit code 1. */
    @org.junit.jupiter.api.Test
    void anExhaustedHeapIsOneLine() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int code = Main.guarded(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, new java.io.PrintStream(bytes, true));
        String err = bytes.toString();
        org.assertj.core.api.Assertions.assertThat(code).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(err.strip()).doesNotContain("\n").contains("QBATTERY_JAVA_OPTS").contains("MiB");
        org.assertj.core.api.Assertions.assertThat(Main.guarded(() -> 2, new java.io.PrintStream(bytes))).isEqualTo(2);
    }

    /**
     * A run builds only the command it names; anything else gets every command, so that help,
     * `help COMMAND` and an unknown first word see the whole list. The named command itself is the
     * same either way: its options, in order.
     */
    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "simulate --cells 3 | simulate",
        "sweep --vary cells=1..3 | sweep",
        "reproduce | reproduce",
        "--help | simulate,sweep,reproduce,help",
        "help reproduce | simulate,sweep,reproduce,help",
        "simulat | simulate,sweep,reproduce,help",
        "'' | simulate,sweep,reproduce,help"})
    void buildsTheNamedCommandOnly(String line, String commands) {
        String[] args = line.isBlank() ? new String[0] : line.trim().split(" +");
        picocli.CommandLine cl = Main.commandLine(args);
        assertThat(String.join(",", cl.getSubcommands().keySet())).isEqualTo(commands);
        picocli.CommandLine all = Main.commandLine();
        for (String name : cl.getSubcommands().keySet()) {
            assertThat(cl.getSubcommands().get(name).getCommandSpec().options().stream().map(o -> o.longestName()).toList())
                    .isEqualTo(all.getSubcommands().get(name).getCommandSpec().options().stream().map(o -> o.longestName()).toList());
        }
    }
}
