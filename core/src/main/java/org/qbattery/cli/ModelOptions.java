package org.qbattery.cli;

import org.qbattery.kernel.Tolerances;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.InvalidParameterException;
import org.qbattery.model.Variant;
import picocli.CommandLine.Option;

/** The battery, state, time grid and solver options shared by the simulating commands. */
public final class ModelOptions implements Cloneable {
    @Option(names = "--cells", paramLabel = "N", description = "Number of cells, 1..14 and within the heap (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    int cells;

    /** Null when not given: linear, unless --edges gives the graph (and then an explicit named graph is a contradiction). */
    @Option(names = "--graph", paramLabel = "G",
            description = "central|star, linear|chain, circular|ring (N>=3), symmetric|complete, none, custom (with --edges) (default: linear).")
    String graph;

    @Option(names = "--edges", paramLabel = "LIST", description = "Explicit edge list such as \"0-1,1-2\": the graph itself (--graph custom, or no --graph). "
            + "An edge may carry a weight w, \"0-1:1.5,1-2:0.5\": its exchange is J*w and its leakage gamma_icl*w (default 1).")
    String edges;

    @Option(names = "--leakage-graph", paramLabel = "G|LIST",
            description = "The graph of the intracell leakage when it is not the exchange graph: a name as for --graph or an edge "
                    + "list as for --edges (weights allowed), e.g. symmetric for a bath the cells share, on a chain of exchange "
                    + "(default: the exchange graph). G = gamma*I + gamma_icl*A is then built on it.")
    String leakageGraph;

    @Option(names = "--state", paramLabel = "S", defaultValue = "quantum",
            description = "charged, classical, quantum, bloch:THETA,PHI, ghz, w, dicke:K, file:PATH (default: ${DEFAULT-VALUE}). "
                    + "A file holds 2^N rows of 2^N 're im' pairs (or 2^N reals); basis index i has bit n set when cell n "
                    + "is excited (cell 0 the least significant bit); '#' starts a comment.")
    String state;

    @Option(names = "--omega", paramLabel = "W", defaultValue = "1", description = "Cell splitting omega > 0: the energy unit. Energies are reported in units of omega and, the dynamics being solved in the frame rotating with H0, no reported number depends on it (default: ${DEFAULT-VALUE}).")
    double omega;

    /** Null when not given: 1, unless --gammas gives a rate per cell (both given is a contradiction). */
    @Option(names = "--gamma", paramLabel = "RATE", description = "Local decay rate Gamma >= 0 of every cell (default: 1).")
    Double gamma;

    @Option(names = "--gammas", paramLabel = "R0,R1,...",
            description = "A local decay rate per cell, cell 0 first, instead of one --gamma for all (cells of different "
                    + "lifetimes): G = diag(gammas) + gamma_icl*A. Not with --variant as-printed.")
    String gammas;

    @Option(names = "--coupling", paramLabel = "J", defaultValue = "0", description = "Exchange coupling J on the graph's edges (default: ${DEFAULT-VALUE}).")
    double coupling;

    @Option(names = "--gamma-icl", paramLabel = "RATE", defaultValue = "0",
            description = "Intracell-leakage cross-decay rate >= 0 on the graph's edges; G = gamma*I + gamma_icl*A must be positive semidefinite (default: ${DEFAULT-VALUE}).")
    double gammaIcl;

    @Option(names = "--dephasing", paramLabel = "RATE", defaultValue = "0", description = "Pure dephasing rate >= 0 per cell (default: ${DEFAULT-VALUE}).")
    double dephasing;

    @Option(names = "--nbar", paramLabel = "N", defaultValue = "0", description = "Thermal occupation of the bath >= 0 (default: ${DEFAULT-VALUE}).")
    double nbar;

    @Option(names = "--variant", paramLabel = "V", defaultValue = "stated",
            description = "stated (the paper's master equation) or as-printed (rates halved plus dephasing gamma/4, reproduces the paper's printed numbers) (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--t-max", paramLabel = "T", defaultValue = "5", description = "Final time > 0, in 1/gamma units when gamma = 1 (default: ${DEFAULT-VALUE}).")
    double tMax;

    @Option(names = "--dt", paramLabel = "DT", defaultValue = "0.01",
            description = "Output spacing > 0. Each output time costs one diagonalisation of rho (O(8^N), less when a graph symmetry splits it); from N = 9 on that is a large share of the run, so use fewer output times there. Event times do not depend on it (default: ${DEFAULT-VALUE}).")
    double dt;

    @Option(names = "--rtol", paramLabel = "R", defaultValue = "1e-10", description = "Relative tolerance of the adaptive integrator, in (0,1) (default: ${DEFAULT-VALUE}).")
    double rtol;

    @Option(names = "--atol", paramLabel = "A", defaultValue = "1e-12", description = "Absolute tolerance of the adaptive integrator, in (0,1) (default: ${DEFAULT-VALUE}).")
    double atol;

    @Option(names = "--method", paramLabel = "M", defaultValue = "auto",
            description = "Integrator: taylor (series of the exact flow exp(hL) with adaptive degree and step: fewest evaluations, "
                    + "as many powers as the heap holds up to 40), dop853 (Dormand-Prince 8(5,3)), dopri5 (Dormand-Prince 5(4), fewest vectors), "
                    + "or auto = taylor when it fits in the heap, else dopri5 (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--representation", paramLabel = "R", defaultValue = "auto",
            description = "register (rho on the 2^N register, N <= " + Battery.MAX_CELLS + "), dicke (no register, N <= "
                    + Battery.MAX_SYMMETRIC_CELLS + ": on the complete graph (or uncoupled cells) a permutation-invariant state as Dicke blocks and count "
                    + "orbits, ~N^3/3 numbers; on the star the hub times permutation-invariant leaves, ~4N^3/3; same measures), "
                    + "or auto = dicke for --graph symmetric, central or none with a built-in state, else register (default: ${DEFAULT-VALUE}).")
    String representation;

    /** The parameters a sweep may vary ({@code qbattery sweep --vary NAME=...}), as their options are named. */
    static final java.util.List<String> SWEEPABLE = java.util.List.of("cells", "graph", "edges", "leakage-graph", "state", "omega", "gamma",
            "coupling", "gamma-icl", "dephasing", "nbar", "variant");

    /** A copy with one parameter set from its text, as if typed as {@code --name value}. */
    ModelOptions with(String name, String value) {
        ModelOptions m;
        try {
            m = (ModelOptions) clone(); // every field a number or a string: a shallow copy is a copy, also of fields added later
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
        switch (name) {
            case "cells" -> {
                long n;
                try {
                    n = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new InvalidParameterException("vary", "cells takes integers, got \"" + value + "\"");
                }
                Battery.requireCells(n, true); // the widest bound here, so the value fits an int; battery() applies the graph's
                m.cells = (int) n;
            }
            case "graph" -> {
                m.graph = value;
                m.edges = null;
            }
            case "edges" -> {
                m.edges = value;
                m.graph = "custom";
            }
            case "leakage-graph" -> m.leakageGraph = value;
            case "state" -> m.state = value;
            case "variant" -> m.variant = value;
            case "omega" -> m.omega = number(name, value);
            case "gamma" -> m.gamma = number(name, value);
            case "coupling" -> m.coupling = number(name, value);
            case "gamma-icl" -> m.gammaIcl = number(name, value);
            case "dephasing" -> m.dephasing = number(name, value);
            case "nbar" -> m.nbar = number(name, value);
            default -> throw new IllegalArgumentException("not a sweepable parameter: " + name); // SweepCommand checks first
        }
        return m;
    }

    private static double number(String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("vary", name + " takes numbers, got \"" + value + "\"");
        }
    }

    /** The model's parameters as given (names as in summary.json's "parameters"), before any is checked. */
    java.util.Map<String, Object> parameters() {
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("cells", cells);
        p.put("graph", edges != null ? "custom" : graphName());
        if (edges != null) {
            p.put("edges", edges);
        }
        if (leakageGraph != null) {
            p.put("leakage_graph", leakageGraph);
        }
        if (gammas != null) {
            p.put("gammas", gammas);
        }
        p.put("state", state);
        p.put("omega", omega);
        p.put("gamma", gamma());
        p.put("coupling", coupling);
        p.put("gamma_icl", gammaIcl);
        p.put("dephasing", dephasing);
        p.put("nbar", nbar);
        p.put("variant", variant);
        return p;
    }

    private String graphName() {
        return graph == null ? "linear" : graph;
    }

    Battery battery() {
        boolean custom = "custom".equalsIgnoreCase(graph) || "edges".equalsIgnoreCase(graph);
        if (edges != null && graph != null && !custom) {
            throw new InvalidParameterException("edges", "--edges gives the graph, which contradicts --graph " + graph
                    + "; drop --graph (or write --graph custom)");
        }
        Battery.requireCells(cells, edges == null && java.util.List.of("symmetric", "complete", "central", "star", "none")
                .contains(graphName().toLowerCase(java.util.Locale.ROOT)));
        Graph g = edges != null ? Graph.fromEdges(cells, edges) : Graph.named(graphName(), cells, null);
        if (edges == null && custom) {
            throw new InvalidParameterException("edges", "--graph custom needs --edges \"0-1,1-2,...\"");
        }
        Battery.Builder b = Battery.builder(g).leakageGraph(leakage()).omega(omega).coupling(coupling).gammaIcl(gammaIcl)
                .dephasing(dephasing).nbar(nbar).variant(Variant.parse(variant));
        return (gammas != null ? b.localRates(localRates()) : b.gamma(gamma())).build();
    }

    private double gamma() {
        return gamma == null ? 1 : gamma;
    }

    /** The per-cell rates given (null: none); each piece a number, none empty. */
    private double[] localRates() {
        if (gammas == null) {
            return null;
        }
        if (gamma != null) {
            throw new InvalidParameterException("gammas", "replaces --gamma with a rate per cell: give one of them, not both");
        }
        String[] p = gammas.split(",", -1);
        double[] r = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            try {
                r[k] = Double.parseDouble(p[k].trim());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("gammas", "expected numbers separated by commas, one per cell, got \"" + gammas + "\"");
            }
        }
        return r;
    }

    /** The leakage graph given, by name or edge list (null: the exchange graph); its errors name --leakage-graph. */
    private Graph leakage() {
        if (leakageGraph == null) {
            return null;
        }
        String v = leakageGraph.trim();
        if (v.matches("[A-Za-z]+") && !java.util.List.of("central", "star", "linear", "chain", "circular", "ring", "symmetric",
                "complete", "none").contains(v.toLowerCase(java.util.Locale.ROOT))) {
            throw new InvalidParameterException("leakage-graph", "unknown graph \"" + v + "\"; allowed: central|star, linear|chain, "
                    + "circular|ring, symmetric|complete, none, or an edge list such as \"0-1,1-2\"");
        }
        try {
            return v.matches("[A-Za-z]+") ? Graph.named(v, cells, null) : Graph.fromEdges(cells, v);
        } catch (InvalidParameterException e) {
            throw new InvalidParameterException("leakage-graph", e.getMessage());
        }
    }

    Tolerances tolerances() {
        if (!(rtol > 0 && rtol < 1)) {
            throw new InvalidParameterException("rtol", "must be in (0, 1), got " + rtol);
        }
        if (!(atol > 0 && atol < 1)) {
            throw new InvalidParameterException("atol", "must be in (0, 1), got " + atol);
        }
        return new Tolerances(rtol, atol);
    }
}
