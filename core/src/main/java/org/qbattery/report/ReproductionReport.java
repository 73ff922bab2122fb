package org.qbattery.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qbattery.analysis.DischargeAnalysis;
import org.qbattery.analysis.DischargeResult;
import org.qbattery.analysis.PaperReproduction;
import org.qbattery.kernel.Parallel;
import org.qbattery.model.Battery;
import org.qbattery.model.DecayMatrix;
import org.qbattery.model.Variant;
import org.qbattery.plot.Figure;
import org.qbattery.plot.FigureRenderer;

/**
 * Writes the reproduction: every figure as PNG + SVG + CSV (only the CSV when not drawing),
 * {@code run.json} (provenance), and a referee-readable {@code report.md} and self-contained
 * {@code report.html} (SVG inline, no network).
 */
public final class ReproductionReport {
    /** What was written, for the CLI and the tests. */
    public record Written(List<Figure> figures, List<PaperTable.Row> table, Path html, Path markdown) {
    }

    private ReproductionReport() {
    }

    /** Draws every figure and writes everything, reporting progress per figure through {@code onFigure}. */
    public static Written write(PaperReproduction r, Path dir, List<String> command, java.util.function.Consumer<String> onFigure) {
        return write(r, dir, command, onFigure, true);
    }

    /**
     * As above; with {@code draw} false no PNG or SVG is drawn: each figure's data (CSV), run.json and
     * both reports are written, the reports pointing to the data where the pictures would be, and a
     * figure's PNG and SVG that an earlier run left in {@code dir} are removed.
     */
    public static Written write(PaperReproduction r, Path dir, List<String> command, java.util.function.Consumer<String> onFigure,
            boolean draw) {
        List<Figure> figures = new ArrayList<>();
        figures.addAll(PaperFigures.all(r, Variant.STATED));
        figures.addAll(PaperFigures.all(r, Variant.AS_PRINTED));
        String solverName = solver(r);
        // The data files' second comment line; without the command line (the output directory in it), so
        // that the same build gives the same bytes wherever it writes.
        String made = String.format(Locale.ROOT, "QBattery %s (commit %s); solver: %s, rtol %.0e, atol %.0e; full provenance: run.json",
                Provenance.version(), Provenance.commit(), solverName, r.tolerances().rtol(), r.tolerances().atol());
        // Figures are independent: render them on all cores (AWT rendering into separate images is thread-safe).
        Map<String, byte[]> rendered = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(Runtime.getRuntime().availableProcessors());
        List<PaperTable.Row> table;
        String runJson, md;
        byte[] htmlHead, htmlTail;
        try {
            java.util.concurrent.Future<?> drawing = pool.submit(() -> figures.parallelStream().forEach(f -> {
                if (draw) {
                    FigureRenderer.PngAndSvg files = FigureRenderer.pngAndSvg(f, Provenance.aboutFigure(f, command, solverName,
                            r.tolerances().rtol(), r.tolerances().atol(), f.id() + ".csv, run.json"));
                    byte[] png = files.png();
                    byte[] svg = files.svg().getBytes(StandardCharsets.UTF_8);
                    AtomicFiles.write(dir.resolve(f.id() + ".png"), out -> out.write(png));
                    AtomicFiles.write(dir.resolve(f.id() + ".svg"), out -> out.write(svg));
                    rendered.put(f.id(), svg);
                } else {
                    // A picture an earlier run left under this figure's name would show other data
                    // than the CSV written now (other tolerances, another version): removed first,
                    // so that a run stopped in between leaves a missing picture, never a stale one.
                    AtomicFiles.removeStale(dir.resolve(f.id() + ".png"));
                    AtomicFiles.removeStale(dir.resolve(f.id() + ".svg"));
                }
                AtomicFiles.writeString(dir.resolve(f.id() + ".csv"), csv(f, made));
                synchronized (onFigure) {
                    onFigure.accept(f.id());
                }
            }));
            // The report's text needs the runs only: composed while the figures are drawn (the
            // drawing threads end one after the other, and this work filled the idle core at the
            // end instead of following it), written once they are all there.
            table = PaperTable.rows(r);
            runJson = ResultWriter.json(runJson(r, command, figures, draw));
            md = markdown(r, figures, table, draw);
            htmlHead = htmlHead(r, table).getBytes(StandardCharsets.UTF_8);
            htmlTail = htmlTail(r).getBytes(StandardCharsets.UTF_8);
            Parallel.join(drawing);
        } finally {
            pool.shutdown();
        }
        AtomicFiles.writeString(dir.resolve("run.json"), runJson);
        AtomicFiles.writeString(dir.resolve("report.md"), md);
        // The page is its text around the figures' SVG files, inlined byte for byte as written: the
        // run's last, single-threaded step no longer copies ~5 MB of SVG into one string (widened to
        // UTF-16 by the first non-Latin-1 character) and encodes it again (~25 ms measured).
        AtomicFiles.write(dir.resolve("report.html"), out -> {
            try (java.io.OutputStream os = new java.io.BufferedOutputStream(out, 1 << 16)) {
                os.write(htmlHead);
                for (Figure f : figures) {
                    os.write(htmlFigureOpen(f).getBytes(StandardCharsets.UTF_8));
                    if (draw) {
                        byte[] svg = rendered.get(f.id());
                        int from = inlineSvgStart(svg);
                        os.write(svg, from, svg.length - from);
                    } else {
                        os.write(htmlNotDrawn(f).getBytes(StandardCharsets.UTF_8));
                    }
                    os.write(htmlFigureClose(f).getBytes(StandardCharsets.UTF_8));
                }
                os.write(htmlTail);
            }
        });
        return new Written(figures, table, dir.resolve("report.html"), dir.resolve("report.md"));
    }

    /** The integrator's name, read from any run: all 50 use the same one (the Taylor propagator, on every representation here). */
    private static String solver(PaperReproduction r) {
        return r.all().values().iterator().next().solver();
    }

    /**
     * Every plotted curve: one column per series on the shared time grid (panel prefix on multi-panel
     * figures), after two comment lines: the caption, and {@code made} (version, commit, solver, tolerances).
     */
    static String csv(Figure f, String made) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(f.caption().replace('\n', ' ')).append('\n');
        sb.append("# ").append(made.replace('\n', ' ')).append('\n');
        List<Figure.Series> all = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Figure.Panel p : f.panels()) {
            for (Figure.Series s : p.series()) {
                all.add(s);
                String n = (f.panels().size() > 1 ? p.title() + ": " : "") + s.label();
                names.add('"' + n.replace("\"", "'") + " [" + p.yLabel().replace("\"", "'") + "]\"");
            }
        }
        double[] t = all.get(0).x();
        sb.append("t,").append(String.join(",", names)).append('\n');
        for (int k = 0; k < t.length; k++) {
            sb.append(ResultWriter.fmt(t[k]));
            for (Figure.Series s : all) {
                if (s.x().length != t.length || s.x()[k] != t[k]) {
                    throw new IllegalStateException("series of " + f.id() + " do not share a time grid");
                }
                sb.append(',').append(ResultWriter.fmt(s.y()[k]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static Map<String, Object> runJson(PaperReproduction r, List<String> command, List<Figure> figures, boolean draw) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provenance", Provenance.environment());
        m.put("command", command);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("J", PaperReproduction.J);
        params.put("gamma_icl", PaperReproduction.GAMMA_ICL);
        params.put("gamma", 1.0);
        params.put("omega", 1.0);
        params.put("t_max", PaperReproduction.T_MAX);
        params.put("dt", PaperReproduction.DT);
        params.put("t_long", PaperReproduction.T_LONG);
        m.put("parameters", params);
        Map<String, Object> solver = new LinkedHashMap<>();
        solver.put("method", solver(r));
        solver.put("rtol", r.tolerances().rtol());
        solver.put("atol", r.tolerances().atol());
        solver.put("frame", "rotating with H0");
        m.put("solver", solver);
        m.put("distinct_simulations", r.simulations());
        m.put("wall_seconds_simulation", r.wallSeconds());
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Map.Entry<String, DischargeResult> e : r.all().entrySet()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("run", e.getKey());
            x.put("battery", e.getValue().battery().describe());
            // Which form was integrated (the register, or Dicke blocks for the complete graph and the star).
            x.put("state_representation", e.getValue().representation());
            x.put("accepted_steps", e.getValue().stats().acceptedSteps());
            x.put("rhs_evaluations", e.getValue().stats().evaluations());
            x.put("wall_seconds", e.getValue().wallSeconds());
            DischargeAnalysis a = e.getValue().analysis();
            x.put("ergotropy_half_life", a.ergotropyHalfLife());
            x.put("energy_half_life", a.energyHalfLife());
            x.put("ergotropy_sudden_death", a.ergotropySuddenDeath());
            x.put("entanglement_birth", a.entanglementBirth());
            x.put("entanglement_death", a.entanglementDeath());
            x.put("entanglement_rebirths", a.entanglementRebirths());
            runs.add(x);
        }
        m.put("runs", runs);
        List<String> figs = new ArrayList<>();
        for (Figure f : figures) {
            figs.add(f.id());
        }
        m.put("figures", figs);
        m.put("figures_drawn", draw);
        return m;
    }

    // ------------------------------------------------------------------ content shared by md and html

    static String fmt(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.6f", v);
    }

    /** Rows of the G-positivity table: geometry, eigenvalues, λmin, max Γ_icl, dark modes, U(40)/U(0). */
    static List<String[]> psdRows(PaperReproduction r) {
        List<String[]> rows = new ArrayList<>();
        for (String g : PaperReproduction.GEOMETRIES) {
            DischargeResult d = r.longRun(Variant.STATED, g);
            Battery b = d.battery();
            DecayMatrix m = b.decayMatrix();
            StringBuilder ev = new StringBuilder();
            for (double x : m.eigenvalues()) {
                ev.append(ev.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.4f", Math.abs(x) < 1e-12 ? 0.0 : x));
            }
            double[] u = d.energy();
            rows.add(new String[] {g, ev.toString(), String.format(Locale.ROOT, "%.3g", Math.abs(m.lambdaMin()) < 1e-12 ? 0.0 : m.lambdaMin()),
                String.format(Locale.ROOT, "%.6f", m.maxValidGammaIcl()), Integer.toString(m.darkModes()),
                String.format(Locale.ROOT, "%.4g", u[u.length - 1] / u[0])});
        }
        return rows;
    }

    static List<String[]> geometryRows(PaperReproduction r) {
        List<String[]> rows = new ArrayList<>();
        for (String g : PaperReproduction.GEOMETRIES) {
            for (String s : PaperReproduction.PRODUCT_STATES) {
                DischargeAnalysis a = r.geometry(Variant.STATED, g, s).analysis();
                double[] e = r.geometry(Variant.STATED, g, s).ergotropy();
                rows.add(new String[] {g, s, fmt(a.energyHalfLife()), fmt(a.ergotropyHalfLife()), fmt(a.ergotropySuddenDeath()),
                    String.format(Locale.ROOT, "%.4g", e[e.length - 1] / e[0]), fmt(a.entanglementBirth()), fmt(a.entanglementDeath()),
                    a.entanglementRebirths().isEmpty() ? "—" : a.entanglementRebirths().stream().map(ReproductionReport::fmt)
                            .collect(java.util.stream.Collectors.joining(", "))});
            }
        }
        return rows;
    }

    /** Which geometries' classical ergotropy comes back after its sudden death (read from the run). */
    static String revivalText(PaperReproduction r) {
        List<String> revived = new ArrayList<>();
        for (String g : PaperReproduction.GEOMETRIES) {
            DischargeResult d = r.geometry(Variant.STATED, g, "classical");
            double[] e = d.ergotropy();
            if (d.analysis().ergotropySuddenDeath() != null && e[e.length - 1] > 1e-6 * e[0]) {
                revived.add(g);
            }
        }
        return revived.isEmpty() ? "No geometry's classical ergotropy revives after its sudden death before Γt = 5."
                : "After its sudden death the classical ergotropy revives in: " + String.join(", ", revived)
                        + " (column E(5)/E(0)): the collective modes decay at different rates, so a slowly decaying mode with more "
                        + "excitations ends up more populated than a fast one with fewer, and the state is no longer passive.";
    }

    static final String ENERGY_BALANCE_TITLE = "Where the energy goes: the energy balance (stated model, N = 5, quantum state)";

    static final String[] ENERGY_BALANCE_HEADER = {"geometry", "edges", "dU/dt(0)/U(0) = −Γ − Γ_icl·edges/N",
        "largest deficit of U(t)/U(0) below e^{−Γt} (at Γt)", "largest surplus above e^{−Γt} up to Γt = 5 (at Γt)"};

    /**
     * Why U depends on the geometry at all. Only the jumps move energy: dU/dt = −ω tr(G C), C_nm =
     * ⟨σm⁺σn⁻⟩ (EnergyBalanceTest), i.e. −ΓU − Γ_icl ω Σ_edges 2 Re⟨σn⁺σm⁻⟩, so without leakage every
     * geometry gives U(0)e^{−Γt}; |+⟩^N has ⟨σn⁺σm⁻⟩ = 1/4 on every edge, hence the initial slope.
     */
    static String energyBalanceText() {
        return "Exchange conserves the number of excitations, so only the jumps move energy: dU/dt = −ω tr(G C) with "
                + "C_nm = ⟨σm⁺σn⁻⟩, that is −ΓU − Γ_icl ω Σ_edges 2 Re⟨σn⁺σm⁻⟩ (checked on every generator at random states). "
                + "Without leakage (Γ_icl = 0) every geometry, every coupling J and every initial state give U(t) = U(0)e^{−Γt}: "
                + "the geometry reaches the energy only through the leakage term, and the table measures it as the distance of "
                + "U(t)/U(0) from e^{−Γt}. The state |+⟩^N starts with ⟨σn⁺σm⁻⟩ = 1/4 on every edge, so the leakage first "
                + "speeds the loss, the more edges the more (superradiance); where the table shows a surplus, correlations of "
                + "the opposite sign built later hold energy back (subradiance; on the star, its dark mode).";
    }

    static List<String[]> energyBalanceRows(PaperReproduction r) {
        List<String[]> rows = new ArrayList<>();
        for (String g : PaperReproduction.GEOMETRIES) {
            DischargeResult d = r.geometry(Variant.STATED, g, "quantum");
            Battery b = d.battery();
            double[] t = d.times(), u = d.energy();
            int low = 0, high = 0;
            double[] dev = new double[t.length];
            for (int k = 0; k < t.length; k++) {
                dev[k] = u[k] / u[0] - Math.exp(-b.gamma() * t[k]);
                low = dev[k] < dev[low] ? k : low;
                high = dev[k] > dev[high] ? k : high;
            }
            int edges = b.graph().edges().size();
            rows.add(new String[] {g, Integer.toString(edges),
                String.format(Locale.ROOT, "%.4f", -b.gamma() - b.gammaIcl() * edges / b.cells()),
                String.format(Locale.ROOT, "%.4f (%.2f)", -dev[low], t[low]),
                dev[high] > 0 ? String.format(Locale.ROOT, "%.4f (%.2f)", dev[high], t[high]) : "none"});
        }
        return rows;
    }

    static List<String[]> coherentRows(PaperReproduction r) {
        DischargeResult d = r.chain(Variant.STATED, 5, "quantum");
        List<String[]> rows = new ArrayList<>();
        for (double t : new double[] {0, 0.25, 0.5, 1, 2, 3}) {
            int k = PaperTable.indexOf(d.times(), t);
            double e = d.ergotropy()[k];
            rows.add(new String[] {String.format(Locale.ROOT, "%.2f", t), String.format(Locale.ROOT, "%.6f", e),
                String.format(Locale.ROOT, "%.6f", d.column("ergotropy_incoherent")[k]),
                String.format(Locale.ROOT, "%.6f", d.column("ergotropy_coherent")[k]),
                String.format(Locale.ROOT, "%.3f", e > 0 ? d.column("ergotropy_coherent")[k] / e : 0),
                String.format(Locale.ROOT, "%.6f", d.column("ergotropy_local")[k])});
        }
        return rows;
    }

    static final String[] PAPER_TEXT_ERRORS_HEADER = {"place", "printed", "correct (used here)"};
    static final String[][] PAPER_TEXT_ERRORS = {
        {"H_int, Eq. (10)", "J Σ σn⁻σm⁺ (not Hermitian)", "J Σ (σn⁻σm⁺ + h.c.)"},
        {"Eq. (7), coherence", "e^{−2Γt}", "e^{−Γt/2}"},
        {"Eqs. (8), (9a)", "e^{−t/τc}; Eq. (8) turns negative before τc; stray ħω in (9a)", "E = (2e^{−Γt} − 1)ω for t < τc; E = (3/2·e^{−Γt} − 1)ω for the classical cell"},
        {"Eq. (9b)", "vanishes at t = 0", "E = ω(z + |r|)/2 with z = e^{−Γt} − 1, |x| = e^{−Γt/2}"},
        {"Eq. (13), concurrence", "\"Bell basis\", (ρ^½ ρ ρ^½)^½", "computational basis, ρ̃ = (σy⊗σy)ρ*(σy⊗σy), eigenvalues of (√ρ ρ̃ √ρ)^½"},
        {"time axis", "2 ln2/Γ, 2 ln(3/2)/Γ, half-lives 0.36 and 0.65", "the stated equation gives half these times; the as-printed variant (rates halved plus dephasing Γ/4) reproduces the printed ones"},
    };

    static String model() {
        return "ħ = 1, Γ = 1 (time in 1/Γ), energies in units of ω. N two-level cells, H0 = ω Σ σn⁺σn⁻; exchange "
                + "H_int = J Σ_edges (σn⁻σm⁺ + σn⁺σm⁻); dissipator Σ_nm G_nm (σn⁻ρσm⁺ − ½{σm⁺σn⁻, ρ}) with G = Γ·I + Γ_icl·A "
                + "(local decay plus the paper's intracell leakage on every edge). Solved in the frame rotating with H0, in which "
                + "every reported quantity is exactly ω-independent. Internal energy U = tr(ρH0); ergotropy E = U − Σ r↓ε↑ (Eq. 1); "
                + "efficiency ε = E/U; half-lives and sudden-death times by root-finding on the integrator's dense output. "
                + "Network figures: N = 5, J = 2Γ, Γ_icl = Γ/2; classical state (¾|e⟩⟨e| + ¼|g⟩⟨g|)^⊗N, quantum state |+⟩^⊗N. "
                + "The as-printed variant halves every decay rate and adds pure dephasing Γ/4 per cell: it is NOT the paper's stated "
                + "equation, but it reproduces the paper's printed single-cell numbers, which locates the paper's errors.";
    }

    // ------------------------------------------------------------------ markdown

    static String markdown(PaperReproduction r, List<Figure> figures, List<PaperTable.Row> table, boolean draw) {
        StringBuilder sb = new StringBuilder();
        sb.append("# QBattery reproduction of “Quantum advantage of two-level batteries in self-discharging process”\n\n");
        sb.append(String.format(Locale.ROOT, "QBattery %s (commit %s) · solver: %s, rtol %.0e, atol %.0e · %d runs (%d distinct simulations) in %.1f s · %s%n%n",
                Provenance.version(), Provenance.commit(), solver(r), r.tolerances().rtol(), r.tolerances().atol(), r.all().size(), r.simulations(), r.wallSeconds(),
                java.time.LocalDate.now()));
        sb.append("## Model and conventions\n\n").append(model()).append("\n\n");
        sb.append("## Every number the paper prints\n\n");
        sb.append(mdTable(new String[] {"quantity", "where", "paper", "QBattery (stated master equation)", "QBattery (as printed)", "verdict", "reason"},
                table.stream().map(x -> new String[] {x.quantity(), x.where(), x.paper(), x.stated(), x.asPrinted(), x.verdict(), x.reason()}).toList()));
        sb.append("\n## Complete positivity of the decay matrix G = Γ·I + Γ_icl·A (N = 5, Γ_icl = Γ/2)\n\n");
        sb.append("G must be positive semidefinite. The star sits exactly on the boundary (λmin = 0): one collective channel never decays, "
                + "and the energy it holds stays forever (last column, from a run to Γt = 40). At N ≥ 6 the star with Γ_icl = Γ/2 is unphysical "
                + "and QBattery refuses it.\n\n");
        sb.append(mdTable(new String[] {"geometry", "eigenvalues of G", "λmin", "largest valid Γ_icl", "dark modes", "U(40)/U(0)"}, psdRows(r)));
        sb.append("\n## Figures\n\n");
        for (Figure f : figures) {
            if (draw) {
                sb.append("![").append(f.id()).append("](").append(f.id()).append(".png)\n\n*").append(f.caption()).append("* ")
                        .append("Data: `").append(f.id()).append(".csv`, vector: `").append(f.id()).append(".svg`.\n\n");
            } else {
                sb.append("**").append(f.id()).append("** (").append(NOT_DRAWN).append(") *").append(f.caption()).append("* ")
                        .append("Data: `").append(f.id()).append(".csv`.\n\n");
            }
        }
        sb.append("## Findings beyond the paper\n\n");
        sb.append("### Characteristic times by geometry (stated model, N = 5)\n\n");
        sb.append(mdTable(new String[] {"geometry", "state", "energy half-life", "ergotropy half-life", "ergotropy sudden death", "E(5)/E(0)", "entanglement birth", "entanglement death", "entanglement reborn at"},
                geometryRows(r)));
        sb.append("\nThe quantum state's ergotropy never dies (its coherence between excitation sectors decays but never vanishes); the classical "
                + "state's does. " + revivalText(r) + " Entanglement between neighbours is born from the product states and dies again in finite time.\n\n");
        sb.append("### ").append(ENERGY_BALANCE_TITLE).append("\n\n").append(energyBalanceText()).append("\n\n");
        sb.append(mdTable(ENERGY_BALANCE_HEADER, energyBalanceRows(r)));
        sb.append("\n### Coherent and incoherent ergotropy along the decay (linear chain, N = 5, quantum state)\n\n");
        sb.append(mdTable(new String[] {"Γt", "E", "E_incoherent", "E_coherent", "E_c/E", "local Σ E(ρn)"}, coherentRows(r)));
        sb.append("\n## Errors in the paper's text\n\n");
        sb.append(mdTable(PAPER_TEXT_ERRORS_HEADER, List.of(PAPER_TEXT_ERRORS)));
        sb.append("\nProvenance of every run (steps, evaluations, times): `run.json`.\n");
        return sb.toString();
    }

    static String mdTable(String[] header, List<String[]> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", header)).append(" |\n|");
        sb.append(" --- |".repeat(header.length)).append('\n');
        for (String[] r : rows) {
            sb.append("| ");
            for (int k = 0; k < r.length; k++) {
                sb.append(r[k].replace("|", "\\|")).append(k + 1 < r.length ? " | " : " |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ html

    static String esc(String s) {
        return org.qbattery.plot.SvgGraphics.escape(s);
    }

    static String htmlTable(String[] header, List<String[]> rows, String cls) {
        StringBuilder sb = new StringBuilder("<table class=\"" + cls + "\"><thead><tr>");
        for (String h : header) {
            sb.append("<th>").append(esc(h)).append("</th>");
        }
        sb.append("</tr></thead><tbody>\n");
        for (String[] r : rows) {
            sb.append("<tr>");
            for (String c : r) {
                String k = c.equals("reproduced") ? " class=\"ok\"" : c.equals("corrected") ? " class=\"fix\"" : c.equals("not reproduced") ? " class=\"bad\"" : "";
                sb.append("<td").append(k).append(">").append(esc(c)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody></table>\n").toString();
    }

    /** Where the {@code <svg} element starts in an SVG file's UTF-8 bytes: the XML prolog before it is left out when inlined. */
    static int inlineSvgStart(byte[] svg) {
        for (int i = 0; i + 3 < svg.length; i++) {
            if (svg[i] == '<' && svg[i + 1] == 's' && svg[i + 2] == 'v' && svg[i + 3] == 'g') {
                return i;
            }
        }
        return 0;
    }

    /** Where a figure would be, in a run with {@code --no-figures}. */
    static final String NOT_DRAWN = "not drawn: --no-figures";

    static String htmlNotDrawn(Figure f) {
        return "<p class=\"meta\">" + esc(f.id()) + " (" + esc(NOT_DRAWN) + ")</p>";
    }

    static String htmlFigureOpen(Figure f) {
        return "<figure class=\"qb-figure\" id=\"" + esc(f.id()) + "\">\n";
    }

    static String htmlFigureClose(Figure f) {
        return "\n<figcaption>" + esc(f.caption()) + " Data: <code>" + esc(f.id()) + ".csv</code>.</figcaption></figure>\n";
    }

    /** The page up to its figures: style, provenance line, model, the paper's numbers and the PSD table. */
    static String htmlHead(PaperReproduction r, List<PaperTable.Row> table) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>QBattery reproduction report</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;max-width:1320px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\n")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:.92em}th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top}\n")
                .append("th{background:#f3f3f3}td.ok{color:#066;font-weight:600}td.fix{color:#a50;font-weight:600}td.bad{color:#b00;font-weight:600}\n")
                .append("figure{margin:1.5em 0;border-top:1px solid #eee;padding-top:1em}figure svg{max-width:100%;height:auto;display:block}\n")
                .append("figcaption{font-size:.92em;color:#444}.meta{color:#666;font-size:.9em}\n</style></head><body>\n");
        sb.append("<h1>QBattery reproduction of “Quantum advantage of two-level batteries in self-discharging process”</h1>\n");
        sb.append(String.format(Locale.ROOT, "<p class=\"meta\">QBattery %s (commit %s) · solver: %s, rtol %.0e, atol %.0e · %d runs (%d distinct simulations) in %.1f s · %s</p>%n",
                esc(Provenance.version()), esc(Provenance.commit()), esc(solver(r)), r.tolerances().rtol(), r.tolerances().atol(), r.all().size(), r.simulations(), r.wallSeconds(),
                java.time.LocalDate.now()));
        sb.append("<h2>Model and conventions</h2><p>").append(esc(model())).append("</p>\n");
        sb.append("<h2>Every number the paper prints</h2>\n");
        sb.append(htmlTable(new String[] {"quantity", "where", "paper", "QBattery (stated master equation)", "QBattery (as printed)", "verdict", "reason"},
                table.stream().map(x -> new String[] {x.quantity(), x.where(), x.paper(), x.stated(), x.asPrinted(), x.verdict(), x.reason()}).toList(),
                "numbers"));
        sb.append("<h2>Complete positivity of G = Γ·I + Γ_icl·A (N = 5, Γ_icl = Γ/2)</h2>\n<p>The star sits exactly on the boundary "
                + "(λmin = 0): one collective channel never decays and keeps its energy forever (last column, run to Γt = 40).</p>\n");
        sb.append(htmlTable(new String[] {"geometry", "eigenvalues of G", "λmin", "largest valid Γ_icl", "dark modes", "U(40)/U(0)"}, psdRows(r), "psd"));
        sb.append("<h2>Figures</h2>\n");
        return sb.toString();
    }

    /** The page after its figures: findings beyond the paper, the paper's text errors, provenance. */
    static String htmlTail(PaperReproduction r) {
        StringBuilder sb = new StringBuilder();
        sb.append("<h2>Findings beyond the paper</h2>\n<h3>Characteristic times by geometry (stated model, N = 5)</h3>\n");
        sb.append(htmlTable(new String[] {"geometry", "state", "energy half-life", "ergotropy half-life", "ergotropy sudden death", "E(5)/E(0)", "entanglement birth", "entanglement death", "entanglement reborn at"},
                geometryRows(r), "times"));
        sb.append("<h3>").append(esc(ENERGY_BALANCE_TITLE)).append("</h3>\n<p>").append(esc(energyBalanceText())).append("</p>\n");
        sb.append(htmlTable(ENERGY_BALANCE_HEADER, energyBalanceRows(r), "balance"));
        sb.append("<h3>Coherent and incoherent ergotropy (linear chain, N = 5, quantum state)</h3>\n");
        sb.append(htmlTable(new String[] {"Γt", "E", "E_incoherent", "E_coherent", "E_c/E", "local Σ E(ρn)"}, coherentRows(r), "coherent"));
        sb.append("<h2>Errors in the paper's text</h2>\n").append(htmlTable(PAPER_TEXT_ERRORS_HEADER, List.of(PAPER_TEXT_ERRORS), "errors"));
        sb.append("<p class=\"meta\">Provenance of every run: run.json.</p>\n</body></html>\n");
        return sb.toString();
    }
}
