package org.qbattery.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.qbattery.analysis.DischargeResult;
import org.qbattery.analysis.PaperReproduction;
import org.qbattery.model.Variant;
import org.qbattery.plot.Figure;
import org.qbattery.plot.Figure.Line;
import org.qbattery.plot.Figure.Panel;
import org.qbattery.plot.Figure.Series;

/** The paper's Figs. 2–5 (and two figures beyond the paper) as data, for one model variant. */
public final class PaperFigures {
    private static final String T = "time Γt";

    private PaperFigures() {
    }

    /** y(t)/y(0), or zeros where y starts at zero. */
    static double[] ratio(double[] y) {
        return y[0] == 0 ? new double[y.length] : Figure.divided(y, y[0]);
    }

    static String suffix(Variant v) {
        return v == Variant.STATED ? "" : "_as_printed";
    }

    static String tag(Variant v) {
        return v == Variant.STATED ? "stated master equation" : "as-printed variant (not the stated equation)";
    }

    public static List<Figure> all(PaperReproduction r, Variant v) {
        List<Figure> f = new ArrayList<>();
        f.add(fig2a(r, v));
        f.add(fig2b(r, v));
        f.add(fig3(r, v, "classical", "fig3a"));
        f.add(fig3(r, v, "quantum", "fig3b"));
        f.add(fig4a(r, v));
        f.add(fig4b(r, v));
        f.add(fig5(r, v));
        if (v == Variant.STATED) {
            f.add(darkMode(r, v));
            f.add(coherentErgotropy(r, v));
        }
        return f;
    }

    static Figure fig2a(PaperReproduction r, Variant v) {
        List<Series> s = new ArrayList<>();
        List<Double> lines = new ArrayList<>();
        StringBuilder cap = new StringBuilder();
        Line[] style = {Line.DASH_DOT, Line.DASH, Line.SOLID};
        int c = 0;
        for (String st : PaperReproduction.SINGLE_STATES) {
            DischargeResult d = r.single(v, st);
            s.add(new Series(st, d.times(), ratio(d.ergotropy()), style[c], c));
            Double h = d.analysis().ergotropyHalfLife();
            if (h != null && !st.equals("charged")) {
                lines.add(h);
                cap.append(String.format(Locale.ROOT, "%s half-life Γτ½ = %.6f; ", st, h));
            }
            c++;
        }
        Panel p = new Panel("Single cell: ergotropy (" + tag(v) + ")", T, "E(t)/E(0)", s, lines, 0.0, 1.05, false);
        return new Figure("fig2a" + suffix(v), "Fig. 2a — normalised ergotropy of one cell; vertical lines at the half-lives ("
                + cap.toString().replaceAll("; $", "") + ").", List.of(p));
    }

    static Figure fig2b(PaperReproduction r, Variant v) {
        List<Series> s = new ArrayList<>();
        Line[] style = {Line.DASH_DOT, Line.DASH, Line.SOLID};
        int c = 0;
        for (String st : PaperReproduction.SINGLE_STATES) {
            DischargeResult d = r.single(v, st);
            s.add(new Series(st, d.times(), d.efficiency(), style[c], c));
            c++;
        }
        Panel p = new Panel("Single cell: efficiency (" + tag(v) + ")", T, "ε(t) = E/U", s, List.of(), 0.0, 1.05, false);
        return new Figure("fig2b" + suffix(v), "Fig. 2b — efficiency ε = E/U of one cell.", List.of(p));
    }

    static Figure fig3(PaperReproduction r, Variant v, String state, String id) {
        List<Series> s = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            DischargeResult d = r.chain(v, n, state);
            s.add(new Series("N = " + n, d.times(), ratio(d.efficiency()), state.equals("quantum") ? Line.SOLID : Line.DASH, n - 1));
        }
        Panel p = new Panel("Linear chain, " + state + " state (" + tag(v) + ")", T, "ε(t)/ε(0)", s, List.of(), 0.0, null, false);
        return new Figure(id + suffix(v), "Fig. 3" + id.charAt(4) + " — normalised efficiency ε(t)/ε(0) of the open chain, N = 1…5, "
                + state + " product state, J = 2Γ, Γ_icl = Γ/2.", List.of(p));
    }

    static Figure fig4a(PaperReproduction r, Variant v) {
        List<Series> s = new ArrayList<>();
        int c = 0;
        for (String g : PaperReproduction.GEOMETRIES) {
            DischargeResult d = r.geometry(v, g, "quantum");
            s.add(new Series(g, d.times(), ratio(d.energy()), Line.SOLID, c++));
        }
        Panel p = new Panel("N = 5, quantum state: energy (" + tag(v) + ")", T, "U(t)/U(0)", s, List.of(), 0.0, 1.05, false);
        return new Figure("fig4a" + suffix(v), "Fig. 4a — internal energy U(t)/U(0) for the four geometries, N = 5, J = 2Γ, Γ_icl = Γ/2, quantum state.",
                List.of(p));
    }

    static Figure fig4b(PaperReproduction r, Variant v) {
        List<Panel> panels = new ArrayList<>();
        for (String state : PaperReproduction.PRODUCT_STATES) {
            List<Series> s = new ArrayList<>();
            int c = 0;
            for (String g : PaperReproduction.GEOMETRIES) {
                DischargeResult d = r.geometry(v, g, state);
                s.add(new Series(g, d.times(), d.efficiency(), state.equals("quantum") ? Line.SOLID : Line.DOT, c++));
            }
            panels.add(new Panel("N = 5, " + state + " state: efficiency", T, "ε(t) = E/U", s, List.of(), 0.0, 1.05, false));
        }
        return new Figure("fig4b" + suffix(v), "Fig. 4b — efficiency ε(t) for the four geometries (left: classical, dotted; right: quantum, solid), " + tag(v) + ".", panels);
    }

    static Figure fig5(PaperReproduction r, Variant v) {
        List<Series> coh = new ArrayList<>(), conc = new ArrayList<>();
        int c = 0;
        for (String g : PaperReproduction.GEOMETRIES) {
            for (String state : PaperReproduction.PRODUCT_STATES) {
                DischargeResult d = r.geometry(v, g, state);
                Line l = state.equals("quantum") ? Line.SOLID : Line.DOT;
                coh.add(new Series(g + " " + state, d.times(), d.coherence(), l, c));
                conc.add(new Series(g + " " + state, d.times(), d.concurrence(), l, c));
            }
            c++;
        }
        return new Figure("fig5" + suffix(v), "Fig. 5 — normalised l1-coherence (left) and edge-averaged Wootters concurrence (right), "
                + "quantum solid, classical dotted, " + tag(v) + ".",
                List.of(new Panel("l1-coherence", T, "C_l1 / (2^N − 1)", coh, List.of(), 0.0, null, false),
                        new Panel("Edge-averaged concurrence", T, "C", conc, List.of(), 0.0, null, false)));
    }

    static Figure darkMode(PaperReproduction r, Variant v) {
        List<Series> s = new ArrayList<>();
        int c = 0;
        for (String g : PaperReproduction.GEOMETRIES) {
            DischargeResult d = r.longRun(v, g);
            s.add(new Series(g, d.times(), ratio(d.energy()), Line.SOLID, c++));
        }
        Panel p = new Panel("Long-time energy, N = 5, quantum state", T, "U(t)/U(0)", s, List.of(), 1e-12, 1.5, true);
        return new Figure("fig_dark_mode", "Beyond the paper — the star (central) sits on the complete-positivity boundary: "
                + "one collective decay channel has rate 0, and the energy it holds never leaks.", List.of(p));
    }

    static Figure coherentErgotropy(PaperReproduction r, Variant v) {
        DischargeResult d = r.chain(v, 5, "quantum");
        double[] u0 = {d.energy()[0]};
        List<Series> s = new ArrayList<>();
        s.add(new Series("ergotropy E", d.times(), Figure.divided(d.ergotropy(), u0[0]), Line.SOLID, 0));
        s.add(new Series("incoherent E_i", d.times(), Figure.divided(d.column("ergotropy_incoherent"), u0[0]), Line.DASH, 1));
        s.add(new Series("coherent E_c", d.times(), Figure.divided(d.column("ergotropy_coherent"), u0[0]), Line.DOT, 2));
        s.add(new Series("local Σ E(ρn)", d.times(), Figure.divided(d.column("ergotropy_local"), u0[0]), Line.DASH_DOT, 3));
        Panel p = new Panel("Linear chain N = 5, quantum state", T, "ergotropy / U(0)", s, List.of(), 0.0, 1.05, false);
        return new Figure("fig_coherent_ergotropy", "Beyond the paper — where the quantum battery's ergotropy lives: coherent vs incoherent "
                + "(Francica et al. 2020) and local vs global.", List.of(p));
    }
}
