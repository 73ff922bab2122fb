package org.qbattery.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qbattery.analysis.DischargeAnalysis;
import org.qbattery.analysis.DischargeResult;
import org.qbattery.measures.Observables;
import org.qbattery.model.Battery;
import org.qbattery.model.Variant;

/** Writes a {@link DischargeResult} as {@code timeseries.csv} and {@code summary.json}. */
public final class ResultWriter {
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultWriter() {
    }

    /** CSV header: {@code t,energy,ergotropy,efficiency,concurrence,coherence,…}. */
    public static String header() {
        return "t," + String.join(",", Observables.COLUMNS);
    }

    public static void writeTimeSeries(DischargeResult r, Path file) {
        AtomicFiles.writeText(file, w -> {
            w.write(header());
            w.write('\n');
            StringBuilder sb = new StringBuilder(256);
            for (int k = 0; k < r.times().length; k++) {
                sb.setLength(0);
                sb.append(fmt(r.times()[k]));
                for (double v : r.series()[k]) {
                    sb.append(',').append(fmt(v));
                }
                sb.append('\n');
                w.write(sb.toString());
            }
        });
    }

    /** Shortest round-trip decimal; NaN for measures that were switched off. */
    public static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    public static Map<String, Object> parameters(Battery b, String state) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("cells", b.cells());
        p.put("graph", b.graph().name());
        p.put("edges", b.graph().edgeSpec());
        if (b.leakageGraph() != b.graph()) {
            p.put("leakage_graph", b.leakageGraph().name());
            p.put("leakage_edges", b.leakageGraph().edgeSpec());
        }
        p.put("state", state);
        p.put("omega", b.omega());
        if (b.uniformRates()) {
            p.put("gamma", b.gamma());
        } else {
            p.put("local_rates", java.util.Arrays.stream(b.localRates()).boxed().toList());
        }
        p.put("coupling", b.coupling());
        p.put("gamma_icl", b.gammaIcl());
        p.put("dephasing", b.dephasing());
        p.put("nbar", b.nbar());
        p.put("variant", b.variant().label());
        return p;
    }

    /** What the numbers in summary.json and sweep.json are measured in. */
    public static final String UNITS = "hbar = 1; rates and times as given (time in 1/gamma when gamma = 1); energy, ergotropy, "
            + "capacity and local ergotropy in units of omega, absolute (not normalised); the dynamics is solved in the frame "
            + "rotating with H0, so every reported number is independent of omega";

    private static Map<String, Object> byFraction(java.util.SortedMap<Double, Double> times) {
        Map<String, Object> m = new LinkedHashMap<>();
        times.forEach((f, t) -> m.put(Double.toString(f), t));
        return m;
    }

    /**
     * Why a half-life is null, so that "never" and "run longer" can be told apart: the quantity was
     * not computed, there was nothing to lose, or it had not halved by t_max (with how far it got, and
     * what keeps it up when the model says so: a thermal bath, or dark modes of G). For the
     * ergotropy's half-life when {@code ergotropy}, else the energy's; summary.json and the console say it.
     */
    public static String halfLifeNote(DischargeResult r, boolean ergotropy) {
        double[] y = ergotropy ? r.ergotropy() : r.energy();
        return halfLifeNote(ergotropy ? "E" : "U", y[0], y[y.length - 1], r.times()[r.times().length - 1], r.battery());
    }

    private static String halfLifeNote(String symbol, double atStart, double atEnd, double tEnd, Battery b) {
        if (Double.isNaN(atStart)) {
            return symbol + " not computed (--no-spectral)";
        }
        if (!(atStart > 0)) {
            return symbol + "(0) = 0: nothing to lose";
        }
        String note = String.format(java.util.Locale.ROOT, "not reached by t_max = %s: %s(t_max)/%s(0) = %.4g", tEnd, symbol, symbol,
                atEnd / atStart);
        if (b.nbar() > 0) {
            note += "; the thermal bath (nbar > 0) keeps the cells partly excited";
        }
        int dark = b.decayMatrix().darkModes();
        if (dark > 0) {
            note += "; G has " + dark + (dark > 1 ? " dark modes, which never decay" : " dark mode, which never decays");
        }
        return note;
    }

    public static Map<String, Object> summary(DischargeResult r, List<String> commandLine) {
        Battery b = r.battery();
        DischargeAnalysis a = r.analysis();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ergotropy_half_life", a.ergotropyHalfLife());
        if (a.ergotropyHalfLife() == null) {
            m.put("ergotropy_half_life_note", halfLifeNote(r, true));
        }
        m.put("energy_half_life", a.energyHalfLife());
        if (a.energyHalfLife() == null) {
            m.put("energy_half_life_note", halfLifeNote(r, false));
        }
        if (!a.ergotropyFractions().isEmpty()) {
            // Keyed by the fraction as typed back ("0.1"); null where it is not reached by t_max.
            m.put("ergotropy_fraction_times", byFraction(a.ergotropyFractions()));
            m.put("energy_fraction_times", byFraction(a.energyFractions()));
        }
        m.put("ergotropy_sudden_death", a.ergotropySuddenDeath());
        m.put("ergotropy_sudden_death_note", a.suddenDeathNote());
        m.put("entanglement_birth", a.entanglementBirth());
        m.put("entanglement_death", a.entanglementDeath());
        m.put("entanglement_crossings", a.entanglementCrossings());
        m.put("entanglement_rebirths", a.entanglementRebirths());
        m.put("entanglement_floor", DischargeAnalysis.ENTANGLEMENT_FLOOR);
        Map<String, Object> init = new LinkedHashMap<>();
        Map<String, Object> fin = new LinkedHashMap<>();
        double[] first = r.series()[0], last = r.series()[r.series().length - 1];
        for (int c = 0; c < Observables.COLUMNS.length; c++) {
            init.put(Observables.COLUMNS[c], json(first[c]));
            fin.put(Observables.COLUMNS[c], json(last[c]));
        }
        m.put("initial", init);
        m.put("final", fin);
        m.put("parameters", parameters(b, r.state()));
        m.put("units", UNITS);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("master_equation", b.variant() == Variant.STATED
                ? "stated: paper Eqs. (2)-(5), (10)-(12) with Hermitian H_int = J sum_edges (s-_n s+_m + h.c.)"
                : "as-printed: NOT the paper's stated master equation. All decay rates halved (G -> G/2) and pure dephasing "
                        + "gamma/4 added per cell, which reproduces the paper's printed single-cell numbers (physics.md section 6)");
        model.put("decay_matrix_eigenvalues", b.decayMatrix().eigenvalues());
        model.put("decay_matrix_lambda_min", b.decayMatrix().lambdaMin());
        model.put("dark_modes", b.decayMatrix().darkModes());
        double gmax = b.decayMatrix().maxValidGammaIcl();
        model.put("max_valid_gamma_icl", Double.isInfinite(gmax) ? null : gmax);
        model.put("frame", "rotating with H0 (omega enters only as the energy unit)");
        m.put("model", model);
        Map<String, Object> solver = new LinkedHashMap<>();
        solver.put("method", r.solver());
        solver.put("state_representation", r.representation());
        solver.put("rtol", r.tolerances().rtol());
        solver.put("atol", r.tolerances().atol());
        solver.put("accepted_steps", r.stats().acceptedSteps());
        solver.put("rejected_steps", r.stats().rejectedSteps());
        solver.put("rhs_evaluations", r.stats().evaluations());
        solver.put("event_location", r.onDickeBlocks()
                ? "sign change between output samples and step ends, then Brent root-finding on the dense output of that step, xtol "
                        + DischargeAnalysis.TIME_TOLERANCE
                : "sign change between output samples, then the interval re-integrated from the stored "
                + "sample and Brent root-finding on the dense output of the step holding the root, xtol " + DischargeAnalysis.TIME_TOLERANCE);
        solver.put("eigenvalues", r.onDickeBlocks()
                ? "each Dicke block's eigenvalues (order <= N+1; OpenBLAS zheevd from order "
                        + org.qbattery.kernel.HermitianEigenvalues.NATIVE_MIN_ORDER + ", else pure Java), each d_j times"
                : b.dimension() >= org.qbattery.kernel.HermitianEigenvalues.NATIVE_MIN_ORDER
                ? org.qbattery.kernel.NativeLapack.status() + "; symmetry or excitation-sector blocks when they apply"
                : "pure-Java Householder tridiagonalisation + implicit QL");
        solver.put("output_times", r.times().length);
        solver.put("t_max", r.times()[r.times().length - 1]);
        m.put("solver", solver);
        m.put("wall_seconds", r.wallSeconds());
        Map<String, Object> prov = Provenance.environment();
        if (commandLine != null) {
            prov.put("command", commandLine);
        }
        m.put("provenance", prov);
        return m;
    }

    private static Object json(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * Builds Jackson's serialisers for the shapes this class writes (nested maps and lists of
     * strings, numbers, booleans and nulls) by writing a small such document to a string. Why: the
     * mapper's first use costs ~60 ms of CPU cold (class initialisation and serialiser lookup,
     * measured), which otherwise falls at the end of a run, when nothing else is left to do; called
     * on a helper thread at start-up it runs while the command line is still being parsed.
     */
    public static void warmUp() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("text", "x");
        inner.put("none", null);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("real", 0.5);
        doc.put("whole", 1);
        doc.put("flag", true);
        doc.put("reals", java.util.List.of(0.25, 0.75));
        doc.put("maps", java.util.List.of(inner));
        doc.put("map", inner);
        json(doc);
    }

    public static void writeJson(Path file, Object value) {
        AtomicFiles.writeString(file, json(value));
    }

    /** {@code value} as indented JSON text. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
