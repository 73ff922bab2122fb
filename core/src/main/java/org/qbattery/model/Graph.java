package org.qbattery.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * An undirected simple graph on N cells: who exchanges energy with whom (H_int, paper Eq. 10) and
 * who shares a decay channel (intracell leakage, Eqs. 11–12). The paper's four geometries:
 * central = {@link #star} (hub is cell 0), linear = {@link #chain}, circular = {@link #ring},
 * symmetric = {@link #complete}. A user's graph may weight its edges ({@code "0-1:1.5"}): the
 * adjacency matrix A then holds the weights w_nm, so the exchange is J·w_nm and the leakage
 * Γ_icl·w_nm on that edge (H_int = J Σ w_nm (σn⁻σm⁺ + h.c.), G = Γ·I + Γ_icl·A), disorder included.
 */
public final class Graph {
    /** An undirected edge with {@code a < b} and its weight (1 unless a user's list gives one). */
    public record Edge(int a, int b, double weight) {
        public Edge(int a, int b) {
            this(a, b, 1.0);
        }

        /** In the {@code --edges} syntax: {@code a-b}, or {@code a-b:w} for a weight other than 1. */
        @Override
        public String toString() {
            if (weight == 1) {
                return a + "-" + b;
            }
            String w = weight == Math.rint(weight) && Math.abs(weight) < 1e15 ? Long.toString((long) weight) : Double.toString(weight);
            return a + "-" + b + ":" + w;
        }
    }

    private final int cells;
    private final List<Edge> edges;
    private final String name;

    private Graph(int cells, List<Edge> edges, String name) {
        this.cells = cells;
        this.edges = Collections.unmodifiableList(edges);
        this.name = name;
    }

    /** Star ("central"): cell 0 coupled to every other cell. */
    public static Graph star(int n) {
        requireCells(n, 1);
        List<Edge> e = new ArrayList<>();
        for (int k = 1; k < n; k++) {
            e.add(new Edge(0, k));
        }
        return new Graph(n, e, "central");
    }

    /** Open chain ("linear"): k – k+1. */
    public static Graph chain(int n) {
        requireCells(n, 1);
        List<Edge> e = new ArrayList<>();
        for (int k = 0; k + 1 < n; k++) {
            e.add(new Edge(k, k + 1));
        }
        return new Graph(n, e, "linear");
    }

    /** Ring ("circular"), N ≥ 3. */
    public static Graph ring(int n) {
        if (n < 3) {
            throw new InvalidParameterException("graph", "circular (ring) needs --cells >= 3, got " + n);
        }
        List<Edge> e = new ArrayList<>();
        for (int k = 0; k + 1 < n; k++) {
            e.add(new Edge(k, k + 1));
        }
        e.add(new Edge(0, n - 1));
        return new Graph(n, e, "circular");
    }

    /** Complete graph ("symmetric"): every pair. */
    public static Graph complete(int n) {
        requireCells(n, 1);
        List<Edge> e = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                e.add(new Edge(a, b));
            }
        }
        return new Graph(n, e, "symmetric");
    }

    /** No edges: independent cells. */
    public static Graph empty(int n) {
        requireCells(n, 1);
        return new Graph(n, new ArrayList<>(), "none");
    }

    /**
     * Parses an explicit edge list {@code "0-1,1-2"} on cells 0..n−1 (an empty list: no edges), each
     * edge with an optional weight {@code "0-1:1.5"} (finite, not 0; 1 by default). Self-loops,
     * duplicates, out-of-range cells, empty or malformed pairs and bad weights are refused.
     */
    public static Graph fromEdges(int n, String spec) {
        requireCells(n, 1);
        TreeSet<String> seen = new TreeSet<>();
        List<Edge> e = new ArrayList<>();
        String s = spec == null ? "" : spec.trim();
        if (s.isEmpty()) {
            return new Graph(n, e, "custom");
        }
        // Limit -1 keeps trailing empty pieces: "0-1," and "0-1-" are typos to refuse, not to read as "0-1".
        for (String tok : s.split(",", -1)) {
            String t = tok.trim();
            String[] pw = t.split(":", -1);
            if (pw.length > 2) {
                throw new InvalidParameterException("edges", "expected pairs like \"0-1\" or \"0-1:1.5\" (with a weight), got \"" + t + "\"");
            }
            double w = 1;
            if (pw.length == 2) {
                try {
                    w = Double.parseDouble(pw[1].trim());
                } catch (NumberFormatException ex) {
                    w = Double.NaN;
                }
                if (!Double.isFinite(w) || w == 0) {
                    throw new InvalidParameterException("edges", "the weight in \"" + t + "\" must be a finite number other than 0 "
                            + "(leave a pair out for no edge)");
                }
            }
            String[] ab = pw[0].split("-", -1);
            if (ab.length != 2) {
                throw new InvalidParameterException("edges", "expected pairs like \"0-1,1-2\", got \"" + t + "\"");
            }
            int a, b;
            try {
                a = Integer.parseInt(ab[0].trim());
                b = Integer.parseInt(ab[1].trim());
            } catch (NumberFormatException ex) {
                throw new InvalidParameterException("edges", "expected pairs of cell indices like \"0-1\", got \"" + t + "\"");
            }
            if (a < 0 || b < 0 || a >= n || b >= n) {
                throw new InvalidParameterException("edges", "cell index out of range 0.." + (n - 1) + " in \"" + t + "\"");
            }
            if (a == b) {
                throw new InvalidParameterException("edges", "self-loop \"" + t + "\" is not allowed");
            }
            Edge edge = new Edge(Math.min(a, b), Math.max(a, b), w);
            if (!seen.add(edge.a() + "-" + edge.b())) {
                throw new InvalidParameterException("edges", "duplicate edge \"" + t + "\"");
            }
            e.add(edge);
        }
        return new Graph(n, e, "custom");
    }

    /**
     * A geometry by name: central|star, linear|chain, circular|ring, symmetric|complete, none, or
     * custom (then {@code edges} gives the list).
     */
    public static Graph named(String name, int n, String edges) {
        String k = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "central", "star" -> star(n);
            case "linear", "chain" -> chain(n);
            case "circular", "ring" -> ring(n);
            case "symmetric", "complete" -> complete(n);
            case "none", "empty" -> empty(n);
            case "custom", "edges" -> fromEdges(n, edges);
            default -> throw new InvalidParameterException("graph",
                    "unknown graph \"" + name + "\"; allowed: central|star, linear|chain, circular|ring, symmetric|complete, none, custom (with --edges)");
        };
    }

    private static void requireCells(int n, int min) {
        if (n < min) {
            throw new InvalidParameterException("cells", "must be >= " + min + ", got " + n);
        }
    }

    public int cells() {
        return cells;
    }

    public List<Edge> edges() {
        return edges;
    }

    public String name() {
        return name;
    }

    /** Adjacency matrix A (symmetric): the edges' weights, 1 for an unweighted edge, 0 off the graph. */
    public double[][] adjacency() {
        double[][] a = new double[cells][cells];
        for (Edge e : edges) {
            a[e.a()][e.b()] = e.weight();
            a[e.b()][e.a()] = e.weight();
        }
        return a;
    }

    /** Whether every edge has weight 1 (the named geometries; a user's list without weights). */
    public boolean unweighted() {
        return edges.stream().allMatch(e -> e.weight() == 1);
    }

    /** True when the permutation {@code p} (cell k ↦ p[k]) maps edges onto edges of the same weight. */
    public boolean isAutomorphism(int[] p) {
        double[][] a = adjacency();
        for (int x = 0; x < cells; x++) {
            for (int y = 0; y < cells; y++) {
                if (a[x][y] != a[p[x]][p[y]]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Same graph with cells relabelled by {@code p} (cell k becomes p[k]). */
    public Graph relabel(int[] p) {
        List<Edge> e = new ArrayList<>();
        for (Edge x : edges) {
            int a = p[x.a()], b = p[x.b()];
            e.add(new Edge(Math.min(a, b), Math.max(a, b), x.weight()));
        }
        return new Graph(cells, e, name);
    }

    /** Edge list in the {@code --edges} syntax. */
    public String edgeSpec() {
        StringBuilder sb = new StringBuilder();
        for (Edge e : edges) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(e);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return name + "(" + cells + ")";
    }
}
