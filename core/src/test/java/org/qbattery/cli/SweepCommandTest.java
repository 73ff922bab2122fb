package org.qbattery.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SweepCommandTest {
    /**
     * Two axes on the paper's five cells: one row per point in grid order, the swept values first,
     * each row equal to the same point run alone through {@code simulate} (its summary.json), the
     * files' provenance, and the figure.
     */
    @Test
    void writesOneRowPerPointEqualToTheSameRunAlone(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("sweep");
        CliTest.Run r = CliTest.run("sweep", "--vary", "gamma-icl=0:0.5:3", "--vary", "graph=star,chain", "--cells", "4",
                "--coupling", "2", "--state", "quantum", "--t-max", "3", "--dt", "0.05", "--plot", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("sweep.csv", "sweep.json", "sweep.png", "sweep.svg");
        }
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(csv.get(0)).startsWith("gamma_icl,graph,energy_initial,ergotropy_initial,ergotropy_half_life,energy_half_life,");
        assertThat(csv).hasSize(1 + 6);
        assertThat(csv.get(1)).startsWith("0,star,");
        assertThat(csv.get(2)).startsWith("0,chain,");
        assertThat(csv.get(6)).startsWith("0.5,chain,");
        JsonNode sweep = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        assertThat(sweep.at("/axes/gamma-icl/1").asDouble()).isEqualTo(0.25);
        assertThat(sweep.at("/fixed/cells").asInt()).isEqualTo(4);
        assertThat(sweep.at("/fixed").has("gamma_icl")).isFalse();
        assertThat(sweep.at("/provenance/qbattery_version").asText()).isNotBlank();
        assertThat(sweep.at("/solver/rtol").asDouble()).isEqualTo(1e-10);
        JsonNode point = sweep.at("/points/3"); // gamma-icl = 0.25, chain
        assertThat(point.get("gamma-icl").asDouble()).isEqualTo(0.25);
        assertThat(point.get("graph").asText()).isEqualTo("chain");

        Path alone = tmp.resolve("alone");
        JsonNode one = simulateAlone(alone, "--gamma-icl", "0.25", "--graph", "chain", "--cells", "4", "--coupling", "2",
                "--state", "quantum", "--t-max", "3", "--dt", "0.05");
        // The same computation in the same order: equal to the last bit.
        assertThat(point.get("ergotropy_half_life").asDouble()).isEqualTo(one.get("ergotropy_half_life").asDouble());
        assertThat(point.get("energy_half_life").asDouble()).isEqualTo(one.get("energy_half_life").asDouble());
        assertThat(point.get("entanglement_death").asDouble()).isEqualTo(one.get("entanglement_death").asDouble());
        assertThat(point.get("ergotropy_sudden_death").isNull()).isTrue();
        assertThat(point.get("energy_final").asDouble()).isEqualTo(one.at("/final/energy").asDouble());
        assertThat(point.get("efficiency_final").asDouble()).isEqualTo(one.at("/final/efficiency").asDouble());
        assertThat(point.get("energy_initial").asDouble()).isCloseTo(2, within(1e-12));

        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve("sweep.png").toFile());
        assertThat(png.getWidth()).isEqualTo(3 * 2 * org.qbattery.plot.FigureRenderer.PANEL_WIDTH);
        // Well-formed SVG (text is drawn as glyph outlines, so there is no label to look for).
        var svg = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("sweep.svg").toFile());
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");

        // Again without --plot: the earlier figure is removed with the rest rewritten.
        CliTest.Run again = CliTest.run("sweep", "--vary", "cells=1..2", "--out", out.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(out.resolve("sweep.png")).doesNotExist();
        assertThat(Files.readAllLines(out.resolve("sweep.csv"))).hasSize(3);
    }

    /** The leakage graph as an axis, names and edge lists separated by ';' as edge lists are; each row as simulate's. */
    @Test
    void theLeakageGraphIsAnAxis(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("sweep");
        String[] values = {"linear", "symmetric", "0-2,1-3:0.5"};
        CliTest.Run r = CliTest.run("sweep", "--vary", "leakage-graph=" + String.join(";", values), "--cells", "4", "--graph", "linear",
                "--coupling", "2", "--gamma-icl", "0.2", "--state", "quantum", "--t-max", "2", "--dt", "0.1", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode sweep = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        for (int k = 0; k < values.length; k++) {
            JsonNode point = sweep.at("/points/" + k);
            assertThat(point.get("leakage-graph").asText()).isEqualTo(values[k]);
            JsonNode one = simulateAlone(tmp.resolve("alone" + k), "--leakage-graph", values[k], "--cells", "4", "--graph", "linear",
                    "--coupling", "2", "--gamma-icl", "0.2", "--state", "quantum", "--t-max", "2", "--dt", "0.1");
            assertThat(point.get("energy_final").asDouble()).isEqualTo(one.at("/final/energy").asDouble());
            assertThat(point.get("ergotropy_half_life").asDouble()).isEqualTo(one.get("ergotropy_half_life").asDouble());
        }
        // linear leakage is the default: the first point is the plain chain
        JsonNode plain = simulateAlone(tmp.resolve("plain"), "--cells", "4", "--graph", "linear", "--coupling", "2", "--gamma-icl", "0.2",
                "--state", "quantum", "--t-max", "2", "--dt", "0.1");
        assertThat(sweep.at("/points/0/energy_final").asDouble()).isEqualTo(plain.at("/final/energy").asDouble());
    }

    /**
     * Custom graphs as an axis: each row equal to {@code simulate --edges} of its list (the same
     * computation, to the last bit), and the triangle typed as edges equal to the named ring of three
     * cells within the integrator's tolerance (rtol 1e-10: U to 1e-9, event times to 1e-8), whatever
     * representation each takes; a weighted list too. The fixed parameters then name no graph.
     */
    @Test
    void edgeListsAreAnAxis(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("sweep");
        String[] lists = {"0-1", "0-1,1-2", "0-1,1-2,2-0", "0-1:2,1-2:-0.5"};
        CliTest.Run r = CliTest.run("sweep", "--vary", "edges=" + String.join(";", lists), "--cells", "3", "--coupling", "2",
                "--gamma-icl", "0.25", "--state", "quantum", "--t-max", "3", "--dt", "0.05", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(csv).hasSize(1 + lists.length);
        assertThat(csv.get(2)).startsWith("\"0-1,1-2\",");
        JsonNode sweep = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        assertThat(sweep.at("/fixed").has("graph")).isFalse();
        assertThat(sweep.at("/fixed").has("edges")).isFalse();
        for (int k = 0; k < lists.length; k++) {
            JsonNode point = sweep.at("/points/" + k);
            assertThat(point.get("edges").asText()).isEqualTo(lists[k]);
            Path alone = tmp.resolve("alone" + k);
            JsonNode one = simulateAlone(alone, "--edges", lists[k], "--cells", "3", "--coupling", "2", "--gamma-icl", "0.25",
                    "--state", "quantum", "--t-max", "3", "--dt", "0.05");
            assertThat(point.get("ergotropy_half_life").asDouble()).isEqualTo(one.get("ergotropy_half_life").asDouble());
            assertThat(point.get("energy_half_life").asDouble()).isEqualTo(one.get("energy_half_life").asDouble());
            assertThat(point.get("energy_final").asDouble()).isEqualTo(one.at("/final/energy").asDouble());
            assertThat(point.get("ergotropy_final").asDouble()).isEqualTo(one.at("/final/ergotropy").asDouble());
        }
        Path ring = tmp.resolve("ring");
        JsonNode named = simulateAlone(ring, "--graph", "ring", "--cells", "3", "--coupling", "2", "--gamma-icl", "0.25",
                "--state", "quantum", "--t-max", "3", "--dt", "0.05");
        JsonNode triangle = sweep.at("/points/2");
        assertThat(triangle.get("energy_final").asDouble()).isCloseTo(named.at("/final/energy").asDouble(), within(1e-9));
        assertThat(triangle.get("ergotropy_final").asDouble()).isCloseTo(named.at("/final/ergotropy").asDouble(), within(1e-9));
        assertThat(triangle.get("ergotropy_half_life").asDouble()).isCloseTo(named.get("ergotropy_half_life").asDouble(), within(1e-8));
        assertThat(triangle.get("energy_half_life").asDouble()).isCloseTo(named.get("energy_half_life").asDouble(), within(1e-8));
    }

    /**
     * --threads K whose K largest runs cannot share the heap: refused in one line naming the K that
     * fits, before any run (a run out of heap would lose the finished points too). The case is found
     * from this JVM's heap: the smallest ring whose run needs more than half of it, so two do not fit.
     */
    @Test
    void runsThatCannotShareTheHeapAreRefused(@TempDir Path tmp) {
        long budget = (long) (0.9 * Runtime.getRuntime().maxMemory());
        Integer cells = null;
        for (int n = 8; n <= 13 && cells == null; n++) {
            long need = org.qbattery.analysis.SelfDischarge.of(org.qbattery.model.Battery.builder(org.qbattery.model.Graph.ring(n))
                    .coupling(1).build()).state("quantum").memoryNeed();
            if (2 * need > budget && need <= budget) {
                cells = n;
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(cells != null, "no ring size needs between half and all of this heap");
        Path out = tmp.resolve("never");
        CliTest.Run r = CliTest.run("sweep", "--vary", "coupling=1,2", "--graph", "ring", "--cells", cells.toString(),
                "--threads", "2", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("qbattery: error: --threads: 2 runs at once need about ").contains("--threads <= 1");
        assertThat(out).doesNotExist();
    }

    /**
     * --curves: every point's U, E and E/U on the output grid, equal to {@code simulate}'s time series
     * at that point (the same run); with --plot their figure is drawn for a categorical axis too, where
     * the half-life figure cannot be. A later run without --curves removes the files.
     */
    @Test
    void curvesAreEachPointsTimeSeries(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("sweep");
        String[] graphs = {"star", "chain", "ring"};
        CliTest.Run r = CliTest.run("sweep", "--vary", "graph=" + String.join(",", graphs), "--cells", "3", "--coupling", "2",
                "--gamma-icl", "0.25", "--state", "quantum", "--t-max", "2", "--dt", "0.1", "--curves", "--plot", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("sweep.csv", "sweep.json",
                    "sweep_curves.csv", "sweep_curves.png", "sweep_curves.svg");
        }
        List<String> curves = Files.readAllLines(out.resolve("sweep_curves.csv"));
        assertThat(curves).hasSize(1 + 21);
        assertThat(curves.get(0)).startsWith("t,energy [graph=star],ergotropy [graph=star],efficiency [graph=star],energy [graph=chain]");
        for (int g = 0; g < graphs.length; g++) {
            Path alone = tmp.resolve(graphs[g]);
            CliTest.Run s = CliTest.run("simulate", "--graph", graphs[g], "--cells", "3", "--coupling", "2", "--gamma-icl", "0.25",
                    "--state", "quantum", "--t-max", "2", "--dt", "0.1", "--out", alone.toString());
            assertThat(s.code()).as(s.err()).isZero();
            List<String> series = Files.readAllLines(alone.resolve("timeseries.csv"));
            for (int k = 1; k < curves.size(); k++) {
                String[] sweep = curves.get(k).split(","), one = series.get(k).split(",");
                assertThat(Double.parseDouble(sweep[0])).isEqualTo(Double.parseDouble(one[0]));
                for (int q = 0; q < 3; q++) { // energy, ergotropy, efficiency: the time series' columns 1-3
                    assertThat(Double.parseDouble(sweep[1 + 3 * g + q])).isEqualTo(Double.parseDouble(one[1 + q]));
                }
            }
        }
        CliTest.Run again = CliTest.run("sweep", "--vary", "graph=star,chain", "--cells", "3", "--t-max", "1", "--out", out.toString());
        assertThat(again.code()).as(again.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("sweep.csv", "sweep.json");
        }
    }

    /** --curves --plot without the spectrum: E and ε are NaN, which XChart cannot scale an axis on (it threw); the energy is drawn. */
    @Test
    void curvesWithoutTheSpectrumAreDrawn(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("sweep");
        CliTest.Run r = CliTest.run("sweep", "--vary", "nbar=0,0.5", "--cells", "2", "--t-max", "1", "--dt", "0.1", "--curves", "--plot",
                "--no-spectral", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(javax.imageio.ImageIO.read(out.resolve("sweep_curves.png").toFile())).isNotNull();
        assertThat(Files.readString(out.resolve("sweep_curves.svg"))).startsWith("<?xml").contains("</svg>")
                .contains("Source: qbattery sweep --vary nbar=0,0.5", "Software: QBattery ", "sweep_curves.csv, sweep.json");
    }

    /** --fractions: two columns per fraction (E, then U), equal to simulate's summary at that point; NaN/null where not reached. */
    @Test
    void fractionTimesAreColumns(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("sweep");
        CliTest.Run r = CliTest.run("sweep", "--vary", "graph=star,complete", "--cells", "4", "--coupling", "2", "--gamma-icl", "0.2",
                "--state", "quantum", "--t-max", "2", "--dt", "0.1", "--fractions", "0.01,0.8", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(csv.get(0)).contains(",concurrence_max,ergotropy_time_to_0.01,energy_time_to_0.01,ergotropy_time_to_0.8,"
                + "energy_time_to_0.8,representation,");
        JsonNode sweep = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        for (int k = 0; k < 2; k++) {
            String graph = k == 0 ? "star" : "complete";
            Path alone = tmp.resolve(graph);
            JsonNode one = simulateAlone(alone, "--graph", graph, "--cells", "4", "--coupling", "2", "--gamma-icl", "0.2",
                    "--state", "quantum", "--t-max", "2", "--dt", "0.1", "--fractions", "0.8,0.01");
            JsonNode point = sweep.at("/points/" + k);
            assertThat(point.get("ergotropy_time_to_0.8").asDouble()).isEqualTo(one.at("/ergotropy_fraction_times/0.8").asDouble());
            assertThat(point.get("energy_time_to_0.8").asDouble()).isEqualTo(one.at("/energy_fraction_times/0.8").asDouble());
            assertThat(point.get("energy_time_to_0.01").isNull()).isTrue(); // U(2) > U(0)/100
            assertThat(one.at("/energy_fraction_times/0.01").isNull()).isTrue();
        }
    }

    /** A bad point anywhere in the grid: one line naming the point and the parameter, exit 2, nothing written. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "gamma-icl beyond the star's bound | --vary=gamma-icl=0:1:3 --graph=central --cells=5 | --gamma-icl: at the sweep's point gamma-icl=1: ",
        "ring of two cells                 | --vary=cells=2..4 --graph=circular                | at the sweep's point cells=2: ",
        "a parameter that cannot vary      | --vary=dt=0.1,0.2                                 | --vary: cannot vary \"dt\"",
        "a malformed range                 | --vary=gamma=0:1                                  | --vary: ",
        "a plot of a categorical axis      | --vary=graph=star,chain --cells=3 --plot          | --plot: --plot needs a numeric first axis",
        "an unknown state                  | --vary=state=quantum,hot --cells=2                | --state: at the sweep's point state=hot: ",
        "an edge to a cell that is not     | --vary=edges=0-1;0-5 --cells=3                    | --edges: at the sweep's point edges=0-5: ",
        "graph and edges both varied       | --vary=graph=star,chain --vary=edges=0-1 --cells=3 | --vary: vary graph or edges, not both",
        "too many curves to draw           | --vary=gamma=0.5:2:13 --curves --plot              | --plot: with --curves, --plot draws one curve per point, at most 12; the grid has 13",
        "cells at the end of int           | --vary=cells=2147483647..2147483647                | --cells: at the sweep's point cells=2147483647: must be in 1..14",
        "cells beyond int                  | --vary=cells=99999999999,3                         | --cells: at the sweep's point cells=99999999999: must be in 1..14",
        "a range with a fourth part        | --vary=gamma=0:1:3:                                | --vary: in \"gamma=0:1:3:\" a range is a:b:n"})
    void badGridsAreRefusedBeforeAnyRun(String what, String args, String message, @TempDir Path tmp) {
        Path out = tmp.resolve("never");
        List<String> argv = new java.util.ArrayList<>(List.of("sweep"));
        argv.addAll(List.of(args.trim().split("\\s+")));
        argv.add("--out=" + out);
        CliTest.Run r = CliTest.run(argv.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("qbattery: error: ").contains(message.trim());
        assertThat(out).doesNotExist();
    }

    /** {@code simulate} with {@code args} into {@code dir}, which must succeed: its summary.json, to compare a sweep's point with. */
    static JsonNode simulateAlone(Path dir, String... args) throws java.io.IOException {
        String[] argv = new String[args.length + 3];
        argv[0] = "simulate";
        System.arraycopy(args, 0, argv, 1, args.length);
        argv[args.length + 1] = "--out";
        argv[args.length + 2] = dir.toString();
        CliTest.Run s = CliTest.run(argv);
        assertThat(s.code()).as(s.err()).isZero();
        return new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    }
}
