package org.qbattery.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qbattery.TestSupport;

/** Runs {@code qbattery reproduce} once and checks its figures, data, report and rendering. */
class ReproduceCommandTest {
    static final String[] FIGURES = {"fig2a", "fig2b", "fig3a", "fig3b", "fig4a", "fig4b", "fig5",
        "fig2a_as_printed", "fig2b_as_printed", "fig3a_as_printed", "fig3b_as_printed", "fig4a_as_printed",
        "fig4b_as_printed", "fig5_as_printed", "fig_dark_mode", "fig_coherent_ergotropy"};

    @TempDir
    static Path tmp;
    static Path out;
    static CliTest.Run run;

    @BeforeAll
    static void reproduce() {
        out = tmp.resolve("repro");
        run = CliTest.run("reproduce", "--out", out.toString());
    }

    @Test
    void writesEveryFigureAsPngSvgAndCsvAndIsQuietWhenPiped() throws IOException {
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty(); // no terminal: no progress lines
        for (String f : FIGURES) {
            BufferedImage png = ImageIO.read(out.resolve(f + ".png").toFile());
            assertThat(png.getWidth()).as(f).isGreaterThan(500);
            assertThat(Files.readString(out.resolve(f + ".svg"))).as(f).contains("<svg").contains("</svg>");
            assertThat(Files.readAllLines(out.resolve(f + ".csv")).size()).as(f).isGreaterThan(100);
        }
        // A figure that travels alone says what made it: version and commit, command, solver and tolerances.
        String svg = Files.readString(out.resolve("fig2a.svg"));
        String software = "QBattery " + org.qbattery.report.Provenance.version() + " (commit " + org.qbattery.report.Provenance.commit() + ")";
        assertThat(svg).contains("<title>fig2a</title>", "Software: " + software, "Source: qbattery reproduce --out " + out,
                "rtol 1e-10, atol 1e-12", "fig2a.csv, run.json");
        assertThat(Files.readAllBytes(out.resolve("fig2a.png"))).satisfies(png -> assertThat(new String(png, java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("Software\0\0\0\0\0" + software));
        try (var s = Files.list(out)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".part"))).isEmpty();
        }
        JsonNode j = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(j.at("/provenance/qbattery_version").asText()).isNotBlank();
        // The figures' data files too, in a second comment line (no command line there: the same bytes wherever they are written).
        assertThat(Files.readAllLines(out.resolve("fig2a.csv")).get(1)).isEqualTo("# QBattery " + org.qbattery.report.Provenance.version()
                + " (commit " + org.qbattery.report.Provenance.commit() + "); solver: " + j.at("/solver/method").asText()
                + ", rtol 1e-10, atol 1e-12; full provenance: run.json");
        assertThat(j.at("/solver/rtol").asDouble()).isEqualTo(1e-10);
        assertThat(j.at("/runs").size()).isEqualTo(50);
        // Fig. 3's N = 5 chain is Figs. 4-5's chain (2 states x 2 variants): integrated once, reported under both names.
        assertThat(j.at("/distinct_simulations").asInt()).isEqualTo(46);
        Map<String, JsonNode> byName = new HashMap<>();
        j.at("/runs").forEach(x -> byName.put(x.get("run").asText(), x));
        for (String v : new String[] {"stated", "as-printed"}) {
            for (String s : new String[] {"classical", "quantum"}) {
                JsonNode a = byName.get(v + "/chain/linear/5/" + s), b = byName.get(v + "/geometry/linear/5/" + s);
                assertThat(a).as(v + " " + s).isNotNull();
                assertThat(b).as(v + " " + s).isNotNull();
                assertThat(a.get("battery")).isEqualTo(b.get("battery"));
                assertThat(a.get("ergotropy_half_life")).isEqualTo(b.get("ergotropy_half_life"));
                assertThat(a.get("rhs_evaluations")).isEqualTo(b.get("rhs_evaluations"));
            }
        }
        assertThat(j.at("/runs/0/wall_seconds").isNumber()).isTrue();
        // Each run names what it integrated: the complete graph and the star without the register (the
        // 2-cell chain is both: one edge), the rest on it.
        j.at("/runs").forEach(x -> {
            String run = x.get("run").asText(), representation = x.get("state_representation").asText();
            boolean noRegister = run.contains("/symmetric/") || run.contains("/central/") || run.contains("/linear/2/");
            assertThat(representation.startsWith("no 2^N register")).as(run + ": " + representation).isEqualTo(noRegister);
        });
    }

    /**
     * {@code --no-figures}: the same data and numbers as the full run, no picture files, and reports
     * that name each figure's data file where the picture would be.
     */
    @Test
    void noFiguresWritesTheSameDataAndReportsWithoutPictures(@TempDir Path work) throws IOException {
        Path data = work.resolve("data");
        CliTest.Run r = CliTest.run("reproduce", "--no-figures", "--out", data.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("16 figures (data only, not drawn)");
        String md = Files.readString(data.resolve("report.md")), html = Files.readString(data.resolve("report.html"));
        for (String f : FIGURES) {
            assertThat(data.resolve(f + ".png")).as(f).doesNotExist();
            assertThat(data.resolve(f + ".svg")).as(f).doesNotExist();
            // Deterministic runs: the same bytes as the full run's data.
            assertThat(Files.readAllBytes(data.resolve(f + ".csv"))).as(f).isEqualTo(Files.readAllBytes(out.resolve(f + ".csv")));
            assertThat(md).as(f).contains("**" + f + "** (not drawn: --no-figures)").contains("Data: `" + f + ".csv`").doesNotContain("](" + f + ".png)");
            assertThat(html).as(f).contains("<figure class=\"qb-figure\" id=\"" + f + "\">");
        }
        assertThat(html).doesNotContain("<svg");
        // Everything else in the reports is the full run's: only the figure entries and the timing line differ.
        java.util.function.Function<String, List<String>> rest = text -> text.lines()
                .filter(l -> !l.contains(".csv`") && !l.startsWith("![") && !l.startsWith("QBattery ") && !l.isBlank()).toList();
        assertThat(rest.apply(md)).isEqualTo(rest.apply(Files.readString(out.resolve("report.md"))));
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(data.resolve("run.json").toFile()), b = json.readTree(out.resolve("run.json").toFile());
        assertThat(a.at("/figures_drawn").asBoolean()).isFalse();
        assertThat(b.at("/figures_drawn").asBoolean()).isTrue();
        assertThat(a.at("/figures")).isEqualTo(b.at("/figures"));
        for (int k = 0; k < b.at("/runs").size(); k++) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) a.at("/runs/" + k)).remove("wall_seconds");
            ((com.fasterxml.jackson.databind.node.ObjectNode) b.at("/runs/" + k)).remove("wall_seconds");
        }
        assertThat(a.at("/runs")).isEqualTo(b.at("/runs"));
    }

    static Map<String, double[]> csv(Path p) throws IOException {
        List<String> lines = Files.readAllLines(p).stream().filter(l -> !l.startsWith("#")).toList();
        List<String> head = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|([^,]+)").matcher(lines.get(0));
        while (m.find()) {
            head.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        Map<String, double[]> cols = new HashMap<>();
        for (int c = 0; c < head.size(); c++) {
            double[] v = new double[lines.size() - 1];
            for (int k = 1; k < lines.size(); k++) {
                v[k - 1] = Double.parseDouble(lines.get(k).split(",")[c]);
            }
            cols.put(head.get(c).replaceAll(" \\[.*\\]$", ""), v);
        }
        return cols;
    }

    /**
     * {@code --no-figures} into a directory where a full run drew its figures: the pictures, which
     * would show the earlier run's data next to this run's CSV, are gone; nothing else is touched.
     */
    @Test
    void noFiguresOverAnEarlierRunLeavesNoStalePicture(@TempDir Path work) throws IOException {
        Path dir = work.resolve("again");
        Files.createDirectories(dir);
        try (var files = Files.list(out)) {
            for (Path p : files.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Files.writeString(dir.resolve("sketch.png"), "not a figure of ours");
        CliTest.Run r = CliTest.run("reproduce", "--no-figures", "--rtol", "1e-9", "--out", dir.toString());
        assertThat(r.code()).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png") || n.endsWith(".svg")))
                    .containsExactly("sketch.png");
        }
        assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("mine");
        assertThat(Files.readString(dir.resolve("run.json"))).contains("\"figures_drawn\" : false");
    }

    /** Fig. 2a data against the single-cell closed forms (physics.md §5). */
    @Test
    void fig2DataMatchesClosedForms() throws IOException {
        Map<String, double[]> c = csv(out.resolve("fig2a.csv"));
        double[] t = c.get("t");
        for (int k = 0; k < t.length; k++) {
            double e = Math.exp(-t[k]);
            assertThat(c.get("classical")[k]).isCloseTo(Math.max(0, 1.5 * e - 1) / 0.5, within(2e-9));
            assertThat(c.get("charged")[k]).isCloseTo(Math.max(0, 2 * e - 1), within(1e-9));
            double z = e - 1, x = Math.exp(-t[k] / 2);
            assertThat(c.get("quantum")[k]).isCloseTo((z + Math.hypot(x, z)) / 2 / 0.5, within(2e-9));
        }
        // as printed: populations and coherences at Γ/2 (physics.md §6)
        Map<String, double[]> p = csv(out.resolve("fig2a_as_printed.csv"));
        for (int k = 0; k < t.length; k++) {
            double e = Math.exp(-t[k] / 2);
            assertThat(p.get("classical")[k]).isCloseTo(Math.max(0, 1.5 * e - 1) / 0.5, within(2e-9));
        }
    }

    /**
     * The energy-balance table: the initial slope −Γ − Γ_icl·edges/N of |+⟩^N (⟨σn⁺σm⁻⟩ = 1/4 per edge),
     * and the extremes of U(t)/U(0) − e^{−Γt} as Fig. 4a's own data give them (to the table's 4 decimals).
     */
    @Test
    void energyBalanceTableAgreesWithFigure4a() throws IOException {
        String md = Files.readString(out.resolve("report.md"));
        Map<String, double[]> fig = csv(out.resolve("fig4a.csv"));
        double[] t = fig.get("t");
        Map<String, Integer> edges = Map.of("central", 4, "linear", 4, "circular", 5, "symmetric", 10);
        String section = md.substring(md.indexOf("### Where the energy goes"));
        for (var g : edges.entrySet()) {
            String row = section.lines().filter(l -> l.startsWith("| " + g.getKey() + " |")).findFirst().orElseThrow();
            String[] cells = row.substring(2, row.length() - 2).split(" \\| ");
            assertThat(cells[1]).isEqualTo(g.getValue().toString());
            assertThat(Double.parseDouble(cells[2])).isEqualTo(-1 - 0.5 * g.getValue() / 5.0, within(1e-12));
            double[] u = fig.get(g.getKey());
            double low = 0, high = 0;
            for (int k = 0; k < t.length; k++) {
                low = Math.min(low, u[k] - Math.exp(-t[k]));
                high = Math.max(high, u[k] - Math.exp(-t[k]));
            }
            assertThat(Double.parseDouble(cells[3].split(" ")[0])).isCloseTo(-low, within(5e-5));
            if (high > 0) {
                assertThat(Double.parseDouble(cells[4].split(" ")[0])).isCloseTo(high, within(5e-5));
            } else {
                assertThat(cells[4]).isEqualTo("none");
            }
        }
    }

    /** Fig. 3 data against ../shared/reference (ε/ε(0), QuTiP), where ε is well conditioned (U(t) ≥ 0.05). */
    @Test
    void fig3DataMatchesReference() throws IOException {
        Map<String, double[]> a = csv(out.resolve("fig3a.csv")), b = csv(out.resolve("fig3b.csv"));
        int checked = 0;
        for (String line : Files.readAllLines(TestSupport.reference("fig3_linear_chain_vs_N.csv"))) {
            if (line.startsWith("#") || line.startsWith("N,")) {
                continue;
            }
            String[] f = line.split(",");
            int n = Integer.parseInt(f[0]);
            int k = (int) Math.round(Double.parseDouble(f[2]) / 0.01);
            double u = Double.parseDouble(f[3]);
            if (u < 0.05) {
                continue;
            }
            double want = Double.parseDouble(f[8]);
            double got = (f[1].equals("cl") ? a : b).get("N = " + n)[k];
            // δ(ε/ε0) ≈ (δE + ε·δU)/(U·ε0) with δE, δU ≤ 1e-7 (reference tolerance)
            assertThat(got).as("N=%d %s t=%s", n, f[1], f[2]).isCloseTo(want, within(1e-6 / u));
            checked++;
        }
        assertThat(checked).isGreaterThan(3000);
    }

    /** Every number the paper prints is in the report's table with a verdict, and the values come from the run. */
    @Test
    void reportTableListsEveryPaperNumberWithAVerdict() throws IOException {
        String md = Files.readString(out.resolve("report.md"));
        String[] quantities = {"Sudden death of the charged cell", "Sudden death of the classical cell", "Ergotropy half-life, classical cell",
            "Ergotropy half-life, quantum cell", "Quantum/classical half-life ratio", "Initial efficiency ε(0), classical",
            "Initial efficiency ε(0), quantum", "Dead (non-extractable) energy", "Coherence decay rate", "Ergotropy of the quantum cell at t = 0",
            "Central geometry keeps the most energy", "Energy half-life ordering by geometry", "Central geometry is the most efficient"};
        for (String q : quantities) {
            String row = md.lines().filter(l -> l.startsWith("| " + q)).findFirst().orElseThrow(() -> new AssertionError("no row " + q));
            String[] cells = row.split(" \\| ");
            assertThat(cells).as(row).hasSize(7);
            assertThat(cells[5]).as(row).isIn("reproduced", "corrected", "not reproduced");
            if (!cells[5].equals("reproduced")) {
                assertThat(cells[6].replace("|", "").strip()).as(row).isNotEmpty();
            }
        }
        String row = md.lines().filter(l -> l.startsWith("| Ergotropy half-life, classical")).findFirst().orElseThrow();
        assertThat(row).contains(String.format(java.util.Locale.ROOT, "%.6f", Math.log(1.2)))
                .contains(String.format(java.util.Locale.ROOT, "%.6f", 2 * Math.log(1.2)));
        String ratio = md.lines().filter(l -> l.startsWith("| Quantum/classical")).findFirst().orElseThrow();
        assertThat(ratio).contains(String.format(java.util.Locale.ROOT, "%.6f", Math.log(1.6) / Math.log(1.2)));
        // G positivity table: the star is on the boundary with one dark mode
        assertThat(md).containsPattern("\\| central \\| 0\\.0000, 1\\.0000, 1\\.0000, 1\\.0000, 2\\.0000 \\| 0\\.00 \\| 0\\.500000 \\| 1 \\|");
        assertThat(md).contains("NOT the paper's stated");
    }

    /** The HTML report opened in a real headless browser: every figure present and drawn. */
    @Test
    void htmlReportRendersEveryFigureInHeadlessChromium(@TempDir Path work) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        if (System.getenv("CI") != null) {
            assertThat(chromium).as("CI must install chromium (.ci/run)").exists();
        }
        Assumptions.assumeTrue(Files.isExecutable(chromium), "chromium not installed (CI installs it)");
        String html = Files.readString(out.resolve("report.html"));
        // self-contained: nothing to fetch (namespace URIs such as xmlns="http://www.w3.org/2000/svg" are not fetched)
        assertThat(html).doesNotContainPattern("(src|href)\\s*=\\s*[\"']?(https?:|//)").doesNotContain("@import", "url(http");
        String probe = "<script>(function(){var r=[];document.querySelectorAll('figure.qb-figure').forEach(function(f){"
                + "var s=f.querySelector('svg');if(!s){r.push(f.id+':missing');return;}var b=s.getBoundingClientRect();"
                + "r.push(f.id+':'+Math.round(b.width)+'x'+Math.round(b.height)+':'+s.querySelectorAll('path,line,polyline,rect,text').length);});"
                + "document.body.setAttribute('data-qb-check',r.join(';'));})();</script>";
        Path page = work.resolve("report.html");
        Files.writeString(page, html.replace("</body>", probe + "</body>"));
        String dom = chrome(chromium, work, "--dump-dom", page);
        Matcher m = Pattern.compile("data-qb-check=\"([^\"]*)\"").matcher(dom);
        assertThat(m.find()).as("probe did not run").isTrue();
        String[] figs = m.group(1).split(";");
        assertThat(figs).hasSize(FIGURES.length);
        for (String f : figs) {
            String[] p = f.split(":");
            assertThat(p).as(f).hasSize(3);
            String[] wh = p[1].split("x");
            assertThat(Integer.parseInt(wh[0])).as(f).isGreaterThan(300);
            assertThat(Integer.parseInt(wh[1])).as(f).isGreaterThan(200);
            assertThat(Integer.parseInt(p[2])).as(f).isGreaterThan(50);
        }
        Path shot = work.resolve("shot.png");
        chrome(chromium, work, "--screenshot=" + shot, out.resolve("report.html"));
        BufferedImage img = ImageIO.read(shot.toFile());
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255) < 600) {
                    dark++;
                }
            }
        }
        assertThat(dark).as("screenshot looks blank").isGreaterThan(img.getWidth() * img.getHeight() / 400);
    }

    static String chrome(Path chromium, Path work, String action, Path page) throws Exception {
        List<String> cmd = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + work.resolve("profile"), "--window-size=1400,2400", action, page.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectError(work.resolve("chromium.log").toFile()).start();
        String stdout = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium timed out").isTrue();
        assertThat(p.exitValue()).as("chromium failed: " + Files.readString(work.resolve("chromium.log"))).isZero();
        return stdout;
    }
}
