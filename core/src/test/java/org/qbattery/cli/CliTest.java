package org.qbattery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {
    record Run(int code, String out, String err) {
    }

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void simulateWritesTheContractedFiles(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        Run r = run("simulate", "--cells", "3", "--graph", "central", "--state", "quantum", "--omega", "1", "--gamma", "1",
                "--coupling", "2", "--gamma-icl", "0.5", "--t-max", "2", "--dt", "0.05", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("timeseries.csv"));
        assertThat(csv.get(0)).startsWith("t,energy,ergotropy,efficiency,concurrence,coherence");
        assertThat(csv).hasSize(1 + 41);
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(s.has("ergotropy_half_life")).isTrue();
        assertThat(s.get("ergotropy_half_life").isNumber()).isTrue();
        assertThat(s.has("energy_half_life")).isTrue();
        assertThat(s.has("ergotropy_sudden_death")).isTrue();
        assertThat(s.get("ergotropy_sudden_death").isNull()).isTrue(); // quantum state: never
        assertThat(s.at("/parameters/graph").asText()).isEqualTo("central");
        assertThat(s.at("/solver/rtol").asDouble()).isEqualTo(1e-10);
        assertThat(s.at("/solver/accepted_steps").asLong()).isPositive();
        assertThat(s.at("/provenance/qbattery_version").asText()).isNotBlank();
        // The build's commit (12 hex digits, "-dirty" from a modified checkout; "unknown" built without git).
        assertThat(s.at("/provenance/qbattery_commit").asText()).matches("[0-9a-f]{12}(-dirty)?|unknown");
        assertThat(s.has("wall_seconds")).isTrue();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("timeseries.csv", "summary.json");
        }
    }

    /** The rows of a run's timeseries.csv after its header, as numbers. */
    static List<double[]> series(Path csv) throws Exception {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            if (!line.startsWith("#") && !line.startsWith("t,")) {
                rows.add(java.util.Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
            }
        }
        return rows;
    }

    /**
     * --save-states writes every state the run measured, and the run reports the same numbers as
     * without it: the sector blocks (N = 3, a random state), the chain's reflection orbits with the
     * measures beside the integrator (N = 7, whose samples are otherwise unpacked only where the
     * measures read), and the complete graph, where auto then takes the register instead of the Dicke
     * blocks. Each saved ρ is a state (trace 1, Hermitian) whose energy is the reported U.
     */
    @ParameterizedTest(name = "{0}, N = {1}, {2}")
    @CsvSource(delimiter = '|', value = {"custom | 3 | random", "linear | 7 | quantum", "symmetric | 4 | classical"})
    void savedStatesAreTheStatesTheRunMeasured(String graph, int n, String state, @TempDir Path tmp) throws Exception {
        if (state.equals("random")) {
            // A random mixed state: no symmetry to exploit, so the run integrates the sector blocks.
            double[] rho = org.qbattery.TestSupport.randomDensity(new java.util.Random(5), 1 << n, 3);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 1 << n; i++) {
                for (int j = 0; j < 1 << n; j++) {
                    text.append(rho[2 * ((i << n) + j)]).append(' ').append(rho[2 * ((i << n) + j) + 1]).append(' ');
                }
                text.append('\n');
            }
            Files.writeString(tmp.resolve("rho.txt"), text);
            state = "file:" + tmp.resolve("rho.txt");
        }
        List<String> common = new ArrayList<>(List.of("simulate", "--cells", String.valueOf(n), "--graph", graph, "--state", state,
                "--coupling", "2", "--gamma-icl", "0.3", "--t-max", "1", "--dt", "0.25"));
        if (graph.equals("custom")) {
            common.addAll(List.of("--edges", "0-1,0-2"));
        }
        List<String> with = new ArrayList<>(common), without = new ArrayList<>(common);
        with.addAll(List.of("--save-states", "--out", tmp.resolve("with").toString()));
        without.addAll(List.of("--out", tmp.resolve("without").toString()));
        assertThat(run(with.toArray(String[]::new)).code()).isZero();
        assertThat(run(without.toArray(String[]::new)).code()).isZero();
        List<double[]> rows = series(tmp.resolve("with/timeseries.csv"));
        if (graph.equals("symmetric")) {
            // Without --save-states auto took the Dicke blocks: the same numbers to rounding (the two
            // representations agree to ~1e-14 elsewhere); the spectral columns to the eigensolvers' 1e-12.
            List<double[]> dicke = series(tmp.resolve("without/timeseries.csv"));
            for (int k = 0; k < rows.size(); k++) {
                for (int c = 0; c < rows.get(k).length; c++) {
                    assertThat(rows.get(k)[c]).isCloseTo(dicke.get(k)[c], org.assertj.core.data.Offset.offset(1e-12));
                }
            }
        } else {
            assertThat(Files.readAllBytes(tmp.resolve("with/timeseries.csv"))).isEqualTo(Files.readAllBytes(tmp.resolve("without/timeseries.csv")));
        }
        int d = 1 << n;
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp.resolve("with/states.npy"))) {
            org.qbattery.model.Npy.Header h = org.qbattery.model.Npy.readHeader(ch);
            assertThat(h.descr()).isEqualTo("<c16");
            assertThat(h.shape()).containsExactly(rows.size(), d, d);
            assertThat(ch.size()).isEqualTo(h.dataOffset() + 16L * rows.size() * d * d);
            for (int k = 0; k < rows.size(); k++) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16 * d * d).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                org.qbattery.model.Npy.readFully(ch, b, h.dataOffset() + 16L * k * d * d);
                double[] rho = new double[2 * d * d];
                b.asDoubleBuffer().get(rho);
                double tr = 0;
                for (int i = 0; i < d; i++) {
                    tr += rho[2 * (i * d + i)];
                    for (int j = 0; j < d; j++) {
                        // Hermitian as unpacked from its stored half, up to rounding (diagonal imaginary parts ~1e-20).
                        assertThat(rho[2 * (j * d + i)]).isCloseTo(rho[2 * (i * d + j)], org.assertj.core.data.Offset.offset(1e-15));
                        assertThat(rho[2 * (j * d + i) + 1]).isCloseTo(-rho[2 * (i * d + j) + 1], org.assertj.core.data.Offset.offset(1e-15));
                    }
                }
                // The integrator keeps the trace to its tolerance (rtol 1e-10); the energy is the same sample's, summed alike.
                assertThat(tr).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(org.qbattery.measures.Energy.of(rho, n, 1)).isCloseTo(rows.get(k)[1], org.assertj.core.data.Offset.offset(1e-14));
                // Every element, not only those near the diagonal: the spectrum and the l1-coherence read them all
                // (computed here on the whole matrix, in the run from symmetry blocks or orbits: equal to rounding).
                assertThat(org.qbattery.measures.Ergotropy.of(rho, n, 1)).isCloseTo(rows.get(k)[2], org.assertj.core.data.Offset.offset(1e-12));
                assertThat(org.qbattery.measures.Coherence.l1Normalised(rho, n)).isCloseTo(rows.get(k)[5], org.assertj.core.data.Offset.offset(1e-12));
            }
        }
        JsonNode s = new ObjectMapper().readTree(tmp.resolve("with/summary.json").toFile());
        assertThat(s.get("states_file").asText()).contains("(5, " + d + ", " + d + ")");
        assertThat(s.get("model").toString()).doesNotContain("Dicke");
    }

    /**
     * The dynamics is Markovian: a run started from the last saved state of another (t = 2) goes on as
     * one run to t = 3 does, to the integrators' tolerance.
     */
    @Test
    void aRunGoesOnFromTheLastSavedState(@TempDir Path tmp) throws Exception {
        String[] model = {"--cells", "4", "--graph", "ring", "--coupling", "2", "--gamma-icl", "0.4", "--dephasing", "0.1", "--dt", "0.5"};
        java.util.function.BiFunction<String[], String[], Run> sim = (extra, more) -> {
            List<String> a = new ArrayList<>(List.of("simulate"));
            a.addAll(List.of(model));
            a.addAll(List.of(extra));
            a.addAll(List.of(more));
            return run(a.toArray(String[]::new));
        };
        assertThat(sim.apply(new String[] {"--state", "bloch:1.2,0.3", "--t-max", "2", "--save-states"},
                new String[] {"--out", tmp.resolve("first").toString()}).code()).isZero();
        assertThat(sim.apply(new String[] {"--state", "file:" + tmp.resolve("first/states.npy"), "--t-max", "1"},
                new String[] {"--out", tmp.resolve("then").toString()}).code()).isZero();
        assertThat(sim.apply(new String[] {"--state", "bloch:1.2,0.3", "--t-max", "3"},
                new String[] {"--out", tmp.resolve("whole").toString()}).code()).isZero();
        List<double[]> then = series(tmp.resolve("then/timeseries.csv")), whole = series(tmp.resolve("whole/timeseries.csv"));
        assertThat(then).hasSize(3);
        for (int k = 0; k < then.size(); k++) {
            double[] a = then.get(k), b = whole.get(4 + k);
            assertThat(a[0] + 2).isEqualTo(b[0]);
            for (int c = 1; c <= 5; c++) { // energy, ergotropy, efficiency, concurrence, coherence
                assertThat(a[c]).as("column %d at t = %s", c, b[0]).isCloseTo(b[c], org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void aRunWithoutSaveStatesRemovesAnEarlierRunsStates(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        assertThat(run("simulate", "--cells", "2", "--t-max", "1", "--save-states", "--out", out.toString()).code()).isZero();
        assertThat(out.resolve("states.npy")).exists();
        assertThat(run("simulate", "--cells", "2", "--t-max", "1", "--out", out.toString()).code()).isZero();
        assertThat(out.resolve("states.npy")).doesNotExist();
    }

    /**
     * A null half-life says why. One cell, classical state (U(0) = 3/4) in a bath of n̄ = 5: U relaxes to
     * n̄/(2n̄+1) = 5/11 > U(0)/2, so U never halves and U(t_max)/U(0) → (5/11)/(3/4) = 0.6061 (e^{-11·10} left);
     * its ergotropy does halve (no note). No decay at all (Γ = 0): G's one mode is dark, nothing changes.
     * The ground state has nothing to lose.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "thermal floor | --state classical --nbar 5 --t-max 10 | energy    | not reached by t_max = 10.0: U(t_max)/U(0) = 0.6061; the thermal bath (nbar > 0) keeps the cells partly excited",
        "no decay      | --state charged --gamma 0 --t-max 1   | energy    | not reached by t_max = 1.0: U(t_max)/U(0) = 1.000; G has 1 dark mode, which never decays",
        "no decay      | --state charged --gamma 0 --t-max 1   | ergotropy | not reached by t_max = 1.0: E(t_max)/E(0) = 1.000; G has 1 dark mode, which never decays",
        "ground state  | --state dicke:0 --t-max 1             | ergotropy | E(0) = 0: nothing to lose"})
    void aNullHalfLifeSaysWhy(String what, String args, String quantity, String note, @TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        List<String> argv = new ArrayList<>(List.of("simulate", "--cells", "1", "--out", out.toString()));
        argv.addAll(List.of(args.trim().split("\\s+")));
        Run r = run(argv.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(s.get(quantity.trim() + "_half_life").isNull()).isTrue();
        assertThat(s.get(quantity.trim() + "_half_life_note").asText()).isEqualTo(note.trim());
        assertThat(r.out()).contains(quantity.trim() + " half-life none (" + note.trim() + ")"); // the console says it too
        if (what.startsWith("thermal")) {
            assertThat(s.get("ergotropy_half_life").isNumber()).isTrue();
            assertThat(s.has("ergotropy_half_life_note")).isFalse();
        }
    }

    /** {@code --plot}: the run's figure beside the data, as a PNG with content and a well-formed SVG. */
    @Test
    void simulatePlotDrawsTheRunAsPngAndSvg(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("plotted");
        Run r = run("simulate", "--cells", "3", "--graph", "linear", "--state", "quantum", "--coupling", "2", "--gamma-icl", "0.5",
                "--t-max", "2", "--dt", "0.05", "--plot", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("timeseries.csv", "summary.json", "timeseries.png", "timeseries.svg");
        }
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve("timeseries.png").toFile());
        assertThat(png.getWidth()).isEqualTo(2 * 2 * org.qbattery.plot.FigureRenderer.PANEL_WIDTH);
        assertThat(png.getHeight()).isEqualTo(2 * org.qbattery.plot.FigureRenderer.PANEL_HEIGHT);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < png.getHeight(); y += 4) {
            for (int x = 0; x < png.getWidth(); x += 4) {
                colours.add(png.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("drawn, not blank").isGreaterThan(50);
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("timeseries.svg").toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("path").getLength()).isGreaterThan(10);
        assertThat(doc.getElementsByTagName("metadata").item(0).getTextContent()).contains("Source: qbattery simulate --cells 3 --graph linear",
                "Software: QBattery " + org.qbattery.report.Provenance.version(), "solver: Taylor series", "rtol 1e-10, atol 1e-12");
        // Run again into the same directory without --plot: the old figure, which would show the
        // first run beside the second's data, is gone; the data files are the second run's.
        Run again = run("simulate", "--cells", "3", "--graph", "linear", "--state", "classical", "--t-max", "1", "--dt", "0.1",
                "--out", out.toString());
        assertThat(again.code()).as(again.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("timeseries.csv", "summary.json");
        }
        assertThat(Files.readAllLines(out.resolve("timeseries.csv"))).hasSize(1 + 11);
    }

    /** Energies are in units of ω and the dynamics is solved in the rotating frame: ω changes no reported number. */
    @Test
    void outputsDoNotDependOnOmega(@TempDir Path tmp) throws Exception {
        List<List<String>> csvs = new ArrayList<>();
        for (String w : new String[] {"0.5", "1", "5"}) {
            Path out = tmp.resolve("w" + w);
            Run r = run("simulate", "--cells", "3", "--graph", "linear", "--state", "bloch:1.2,0.4", "--omega", w, "--coupling", "1.5",
                    "--gamma-icl", "0.3", "--dephasing", "0.1", "--t-max", "2", "--dt", "0.1", "--out", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            csvs.add(Files.readAllLines(out.resolve("timeseries.csv")));
        }
        assertThat(csvs.get(1)).isEqualTo(csvs.get(0));
        assertThat(csvs.get(2)).isEqualTo(csvs.get(0));
    }

    @Test
    void asPrintedRunSaysItIsNotTheStatedEquation(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("p");
        Run r = run("simulate", "--cells", "1", "--state", "classical", "--variant", "as-printed", "--t-max", "1", "--out", out.toString());
        assertThat(r.code()).isZero();
        assertThat(Files.readString(out.resolve("summary.json"))).contains("NOT the paper's stated master equation");
    }

    @Test
    void helpAndVersion() {
        Run h = run("simulate", "--help");
        assertThat(h.code()).isZero();
        assertThat(h.out()).contains("--gamma-icl", "--t-max", "default: 1e-10");
        // picocli formats descriptions: a stray '%' makes it warn on stderr instead of printing the help cleanly.
        assertThat(h.err()).isEmpty();
        Run rh = run("reproduce", "--help");
        assertThat(rh.code()).isZero();
        assertThat(rh.out()).contains("--no-figures", "about 40% of the run", "--threads");
        assertThat(rh.err()).isEmpty();
        Run v = run("--version");
        assertThat(v.code()).isZero();
        assertThat(v.out().strip()).matches("qbattery \\S+ \\(commit ([0-9a-f]{12}(-dirty)?|unknown)\\)");
    }

    static Stream<Arguments> badInputs() {
        List<Arguments> a = new ArrayList<>();
        a.add(Arguments.of("--gamma", new String[] {"--gamma", "-1"}));
        a.add(Arguments.of("--gamma", new String[] {"--gamma", "NaN"}));
        a.add(Arguments.of("--coupling", new String[] {"--coupling", "NaN"}));
        a.add(Arguments.of("--gamma-icl", new String[] {"--gamma-icl", "-0.1"}));
        a.add(Arguments.of("--dephasing", new String[] {"--dephasing", "-1"}));
        a.add(Arguments.of("--nbar", new String[] {"--nbar", "Infinity"}));
        a.add(Arguments.of("--omega", new String[] {"--omega", "0"}));
        a.add(Arguments.of("--cells", new String[] {"--cells", "0"}));
        a.add(Arguments.of("--cells", new String[] {"--cells", "40"}));
        a.add(Arguments.of("--cells", new String[] {"--cells", "14"})); // exceeds the test JVM's heap
        a.add(Arguments.of("--cells", new String[] {"--cells", "abc"}));
        a.add(Arguments.of("--graph", new String[] {"--graph", "hexagon"}));
        a.add(Arguments.of("--graph", new String[] {"--graph", "ring", "--cells", "2"}));
        a.add(Arguments.of("--edges", new String[] {"--cells", "3", "--edges", "0-9"}));
        a.add(Arguments.of("--edges", new String[] {"--cells", "3", "--edges", "0-1,1-1"}));
        a.add(Arguments.of("--edges", new String[] {"--cells", "3", "--graph", "star", "--edges", "0-1"})); // two graphs given
        a.add(Arguments.of("--state", new String[] {"--state", "hot"}));
        a.add(Arguments.of("--gamma-icl", new String[] {"--graph", "star", "--cells", "6", "--gamma-icl", "0.5"}));
        a.add(Arguments.of("--t-max", new String[] {"--t-max", "0"}));
        a.add(Arguments.of("--t-max", new String[] {"--t-max", "-3"}));
        a.add(Arguments.of("--dt", new String[] {"--dt", "0"}));
        a.add(Arguments.of("--fractions", new String[] {"--fractions", "0.1,1"}));
        a.add(Arguments.of("--fractions", new String[] {"--fractions", "0.5,0.1,0.5"}));
        a.add(Arguments.of("--fractions", new String[] {"--fractions", "half"}));
        a.add(Arguments.of("--fractions", new String[] {"--fractions", "0.5,"})); // an empty piece, as in --edges and --vary
        a.add(Arguments.of("--fractions", new String[] {"--fractions", "0.5,,0.1"}));
        a.add(Arguments.of("--fractions", new String[] {"--fractions", ""}));
        // Rates that need ~10^8 steps to t-max: stopped by the projection after 10^4 steps (was a stack trace after 5·10^7).
        a.add(Arguments.of("--t-max", new String[] {"--cells", "2", "--gamma", "1e9"}));
        a.add(Arguments.of("--rtol", new String[] {"--rtol", "2"}));
        a.add(Arguments.of("--variant", new String[] {"--variant", "imaginary"}));
        a.add(Arguments.of("--method", new String[] {"--method", "rk4"}));
        a.add(Arguments.of("--cells", new String[] {"--graph", "symmetric", "--cells", "129"}));
        a.add(Arguments.of("--cells", new String[] {"--graph", "symmetric", "--cells", "20", "--representation", "register"}));
        a.add(Arguments.of("--representation", new String[] {"--representation", "fock"}));
        a.add(Arguments.of("--cells", new String[] {"--graph", "central", "--cells", "20", "--representation", "register"}));
        a.add(Arguments.of("--cells", new String[] {"--graph", "ring", "--cells", "20"}));
        a.add(Arguments.of("--representation", new String[] {"--graph", "linear", "--cells", "4", "--representation", "dicke"}));
        a.add(Arguments.of("--state", new String[] {"--graph", "symmetric", "--cells", "20", "--state", "file:rho.txt"}));
        a.add(Arguments.of("--gammas", new String[] {"--cells", "3", "--gamma", "2", "--gammas", "1,2,3"}));
        a.add(Arguments.of("--gammas", new String[] {"--cells", "3", "--gammas", "1,2"}));
        a.add(Arguments.of("--gammas", new String[] {"--cells", "3", "--gammas", "1,2,"}));
        a.add(Arguments.of("--gammas", new String[] {"--cells", "3", "--gammas", "1,-2,1"}));
        a.add(Arguments.of("--gammas", new String[] {"--cells", "3", "--gammas", "1,NaN,1"}));
        a.add(Arguments.of("--gammas", new String[] {"--cells", "3", "--gammas", "1,2,3", "--variant", "as-printed"}));
        // A cell without local decay on an edge: no leakage is completely positive there.
        a.add(Arguments.of("--gamma-icl", new String[] {"--cells", "3", "--gammas", "0,1,1", "--gamma-icl", "0.1"}));
        a.add(Arguments.of("--leakage-graph", new String[] {"--cells", "3", "--leakage-graph", "hexagon"}));
        a.add(Arguments.of("--leakage-graph", new String[] {"--cells", "3", "--leakage-graph", "custom"}));
        a.add(Arguments.of("--leakage-graph", new String[] {"--cells", "3", "--leakage-graph", "0-5"}));
        a.add(Arguments.of("--leakage-graph", new String[] {"--cells", "3", "--leakage-graph", "0-1,"}));
        // The positivity of G is the leakage graph's: a chain of exchange with the star's leakage beyond the star's bound.
        a.add(Arguments.of("--gamma-icl", new String[] {"--cells", "5", "--graph", "linear", "--leakage-graph", "star", "--gamma-icl", "0.6"}));
        a.add(Arguments.of("--edges", new String[] {"--cells", "3", "--edges", "0-1:0"}));
        a.add(Arguments.of("--edges", new String[] {"--cells", "3", "--edges", "0-1:two"}));
        // Weights enter G: with w = 2 on the one edge, G = I + Γ_icl·[[0, 2], [2, 0]] is positive only for Γ_icl <= 0.5.
        a.add(Arguments.of("--gamma-icl", new String[] {"--cells", "2", "--edges", "0-1:2", "--gamma-icl", "0.6"}));
        a.add(Arguments.of("--save-states", new String[] {"--graph", "symmetric", "--cells", "4", "--representation", "dicke", "--save-states"}));
        a.add(Arguments.of("--save-states", new String[] {"--graph", "symmetric", "--cells", "20", "--save-states"}));
        return a.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badInputs")
    void badInputIsOneLineExitTwoAndNoFiles(String option, String[] args, @TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("never");
        List<String> argv = new ArrayList<>(List.of("simulate", "--t-max", "1", "--out", out.toString()));
        argv.addAll(List.of(args));
        Run r = run(argv.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(2);
        String err = r.err().strip();
        assertThat(err.lines().count()).as(err).isEqualTo(1);
        assertThat(err).contains(option).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
        assertThat(r.out()).isEmpty();
    }

    /**
     * A run stopped from outside (SIGTERM, as Ctrl-C's SIGINT: the JVM runs its shutdown hooks) leaves
     * no directory it created, missing parents included. Checked on a real process: the directory is
     * awaited, then the process is terminated long before its 9-cell run to t = 100 could finish.
     */
    @Test
    void aStoppedRunLeavesNoDirectoryItCreated(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("made").resolve("by-the-run");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                Main.class.getName(), "simulate", "--cells", "9", "--graph", "linear", "--state", "quantum", "--coupling", "2",
                "--t-max", "100", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.isDirectory(out)) {
                assertThat(p.isAlive()).as("the run ended before its output directory appeared").isTrue();
                assertThat(System.nanoTime()).as("no output directory within a minute").isLessThan(deadline);
                Thread.sleep(5);
            }
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isNotZero();
            assertThat(tmp.resolve("made")).doesNotExist();
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * --fractions lists add up when repeated, in order; one charged cell (U = e^{-t}) falls to f of its
     * start at t = ln(1/f): 0.9 at 0.1053605, 0.25 at 1.3862944 (root-found to 1e-8, physics.md §5).
     */
    @Test
    void fractionsRepeatedAddUp(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("f");
        Run r = run("simulate", "--cells", "1", "--state", "charged", "--t-max", "2", "--fractions", "0.9", "--fractions", "0.25",
                "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("energy_fraction_times");
        assertThat(s.get("0.9").asDouble()).isCloseTo(Math.log(1 / 0.9), org.assertj.core.api.Assertions.within(1e-8));
        assertThat(s.get("0.25").asDouble()).isCloseTo(Math.log(4), org.assertj.core.api.Assertions.within(1e-8));
    }

    /** An empty --out (an unset shell variable) is refused, not read as the working directory, by every command. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"simulate", "sweep", "reproduce"})
    void emptyOutIsRefused(String command) {
        List<String> argv = new ArrayList<>(List.of(command, "--out", " "));
        if (!command.equals("reproduce")) {
            argv.addAll(List.of("--t-max", "0.1"));
        }
        if (command.equals("sweep")) {
            argv.addAll(List.of("--vary", "gamma=1,2"));
        }
        Run r = run(argv.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("qbattery: error: --out: must name a directory").doesNotContain("\n");
    }

    /**
     * A state file is checked when the run reads it, after --out was made ready: the directories made
     * for the run (missing parents too) are removed again, and a directory that existed keeps what it had.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not Hermitian      | 0.6 0.1~0.2 0.4",
        "not positive       | 0.5 0.9~0.9 0.5",
        "wrong size         | 1 0 0~0 0 0~0 0 0",
        "not numbers        | a b~c d"})
    void aStateFileFoundInvalidLeavesNoDirectory(String what, String rows, @TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("rho.txt");
        Files.writeString(file, rows.trim().replace("~", "\n") + "\n");
        Path fresh = tmp.resolve("made").resolve("for").resolve("run");
        for (String[] cmd : List.of(new String[] {"simulate", "--cells", "1", "--state", "file:" + file, "--t-max", "1", "--out", fresh.toString()},
                new String[] {"sweep", "--vary", "gamma=1,2", "--cells", "1", "--state", "file:" + file, "--t-max", "1", "--out", fresh.toString()})) {
            Run r = run(cmd);
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("qbattery: error: --state: ").doesNotContain("\n");
            assertThat(tmp.resolve("made")).doesNotExist();
        }
        Path existing = tmp.resolve("existing");
        Files.createDirectories(existing);
        Files.writeString(existing.resolve("notes.txt"), "mine");
        Run r = run("simulate", "--cells", "1", "--state", "file:" + file, "--t-max", "1", "--out", existing.toString());
        assertThat(r.code()).isEqualTo(2);
        try (var left = Files.list(existing)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void unwritableOutIsRefused(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        Run r = run("simulate", "--t-max", "1", "--out", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).contains("--out").doesNotContain("Exception");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    /** The complete graph and the star beyond the register: every measure, the representation named in the summary. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({"symmetric, 0.5, Dicke blocks", "central, 0.1, star's hub"})
    void beyondTheRegister(String graph, String gammaIcl, String representation, @TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("n30");
        Run r = run("simulate", "--cells", "30", "--graph", graph, "--state", "quantum", "--coupling", "2", "--gamma-icl", gammaIcl,
                "--t-max", "0.5", "--dt", "0.1", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"cells\" : 30").contains(representation)
                .contains("no 2^N register");
        List<String> rows = Files.readAllLines(out.resolve("timeseries.csv")).stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(rows).hasSize(7);
        assertThat(rows.get(1)).startsWith("0,15").doesNotContain("NaN");
    }

    @Test
    void customEdgesAreUsed(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("e");
        Run r = run("simulate", "--cells", "3", "--edges", "0-2", "--coupling", "1", "--state", "charged", "--t-max", "1", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"edges\" : \"0-2\"");
    }

    /**
     * --leakage-graph: the leakage on its own graph, named in summary.json; without exchange it is
     * the leakage graph's battery (uncoupled cells sharing a bath = the complete graph at J = 0, on
     * Dicke blocks either way), to the last bit, the concurrence included: it is averaged over the
     * pairs that exchange or share a bath.
     */
    @Test
    void theLeakageGraphIsItsOwn(@TempDir Path tmp) throws Exception {
        Path shared = tmp.resolve("shared"), complete = tmp.resolve("complete");
        assertThat(run("simulate", "--cells", "4", "--graph", "none", "--leakage-graph", "symmetric", "--gamma-icl", "0.3",
                "--state", "quantum", "--t-max", "2", "--dt", "0.1", "--out", shared.toString()).code()).isZero();
        assertThat(run("simulate", "--cells", "4", "--graph", "symmetric", "--gamma-icl", "0.3",
                "--state", "quantum", "--t-max", "2", "--dt", "0.1", "--out", complete.toString()).code()).isZero();
        assertThat(Files.readAllBytes(shared.resolve("timeseries.csv"))).isEqualTo(Files.readAllBytes(complete.resolve("timeseries.csv")));
        JsonNode s = new ObjectMapper().readTree(shared.resolve("summary.json").toFile());
        assertThat(s.at("/parameters/graph").asText()).isEqualTo("none");
        assertThat(s.at("/parameters/leakage_graph").asText()).isEqualTo("symmetric");
        assertThat(s.at("/parameters/leakage_edges").asText()).isEqualTo("0-1,0-2,0-3,1-2,1-3,2-3");
        assertThat(new ObjectMapper().readTree(complete.resolve("summary.json").toFile()).at("/parameters").has("leakage_graph")).isFalse();
        Path list = tmp.resolve("list");
        assertThat(run("simulate", "--cells", "3", "--graph", "linear", "--coupling", "2", "--leakage-graph", "0-2:0.5", "--gamma-icl", "0.4",
                "--out", list.toString()).code()).isZero();
        assertThat(Files.readString(list.resolve("summary.json"))).contains("\"leakage_edges\" : \"0-2:0.5\"");
    }

    /**
     * An edge's weight scales its exchange and its leakage alike: the ring of three with every
     * weight 2 at J = 1, Γ_icl = 0.125 is the unweighted ring at J = 2, Γ_icl = 0.25 (to the
     * integrator's tolerance: the weighted graph's symmetry is found from its weights, the named
     * ring's from its name, so the runs are not the same computation).
     */
    @Test
    void aWeightScalesExchangeAndLeakageAlike(@TempDir Path tmp) throws Exception {
        Path w = tmp.resolve("w"), named = tmp.resolve("named");
        assertThat(run("simulate", "--cells", "3", "--edges", "0-1:2,1-2:2,0-2:2", "--coupling", "1", "--gamma-icl", "0.125",
                "--state", "quantum", "--t-max", "3", "--dt", "0.1", "--out", w.toString()).code()).isZero();
        assertThat(run("simulate", "--cells", "3", "--graph", "ring", "--coupling", "2", "--gamma-icl", "0.25",
                "--state", "quantum", "--t-max", "3", "--dt", "0.1", "--out", named.toString()).code()).isZero();
        List<double[]> a = series(w.resolve("timeseries.csv")), b = series(named.resolve("timeseries.csv"));
        for (int k = 0; k < a.size(); k++) {
            for (int c = 1; c <= 5; c++) {
                // Column 4, the concurrence, has a √ε ≈ 1e-8 floor near the product state at t = 0 (6.5e-9 here: the
                // named ring of three is the complete graph, on Dicke blocks; the weighted one on register orbits).
                assertThat(a.get(k)[c]).isCloseTo(b.get(k)[c], org.assertj.core.data.Offset.offset(c == 4 ? 1e-7 : 1e-9));
            }
        }
        JsonNode s = new ObjectMapper().readTree(w.resolve("summary.json").toFile());
        assertThat(s.at("/parameters/edges").asText()).isEqualTo("0-1:2,1-2:2,0-2:2");
        assertThat(s.get("ergotropy_half_life").asDouble()).isCloseTo(
                new ObjectMapper().readTree(named.resolve("summary.json").toFile()).get("ergotropy_half_life").asDouble(),
                org.assertj.core.data.Offset.offset(1e-8));
    }
}
