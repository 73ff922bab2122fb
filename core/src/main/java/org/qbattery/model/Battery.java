package org.qbattery.model;

import java.util.Locale;
import org.qbattery.kernel.CountOrbits;
import org.qbattery.kernel.DickeBlocks;
import org.qbattery.kernel.DickeLiouvillian;
import org.qbattery.kernel.LindbladKernel;
import org.qbattery.kernel.PackedLindbladian;
import org.qbattery.kernel.SectorLindbladKernel;
import org.qbattery.kernel.StarGenerator;
import org.qbattery.kernel.SymmetricLindbladKernel;

/**
 * An N-cell quantum battery in open circuit (paper Eqs. 2–5, 10–12, physics.md §2, §4):
 *
 * <pre>
 *   H0    = ω Σn σn⁺σn⁻
 *   H_int = J Σ_{edges {n,m}} (σn⁻σm⁺ + σn⁺σm⁻)          (Eq. 10, with the + h.c. the paper omits)
 *   G     = Γ·I + Γ_icl·A_leak                             (Eqs. 5, 11–12; must be PSD)
 *   dρ/dt = −i[H0 + H_int, ρ] + (n̄+1) Σ G_nm D_nm[σ⁻] + n̄ Σ G_nm D_nm[σ⁺] + (γφ/2) Σ D[σzn]
 * </pre>
 * Build with {@link #builder(Graph)}; {@code build()} validates every parameter and refuses a
 * decay matrix that is not positive semidefinite.
 */
public final class Battery {
    /** Largest register the kernel can index (2·4^N doubles must fit a Java array). */
    public static final int MAX_CELLS = 14;
    /**
     * Largest N on the complete graph, whose permutation-invariant states are integrated without the
     * 2^N register ({@link #collectiveGenerator()}): ~N³/3 complex numbers, and a run's cost grows
     * ~N⁵ (rates and frequencies ~N², elements ~N³).
     */
    public static final int MAX_SYMMETRIC_CELLS = 128;

    private final Graph graph;
    private final Graph leakageGraph;
    private final double omega, gamma, coupling, gammaIcl, dephasing, nbar;
    /** The local decay rate of each cell: Γ for all unless {@link Builder#localRates} gave one per cell. */
    private final double[] localRates;
    private final boolean uniformRates;
    private final Variant variant;
    private final DecayMatrix decay;

    private Battery(Builder b) {
        this.graph = b.graph;
        this.leakageGraph = b.leakageGraph == null ? b.graph : b.leakageGraph;
        this.omega = b.omega;
        this.coupling = b.coupling;
        this.gammaIcl = b.gammaIcl;
        this.dephasing = b.dephasing;
        this.nbar = b.nbar;
        this.variant = b.variant;
        // Equal rates given per cell are the one-rate battery (which the Dicke and star generators take).
        double[] given = b.localRates;
        this.uniformRates = given == null || java.util.Arrays.stream(given).allMatch(r -> r == given[0]);
        this.gamma = uniformRates && given != null ? given[0] : b.gamma;
        this.localRates = uniformRates ? filled(graph.cells(), gamma) : given.clone();
        this.decay = new DecayMatrix(leakageGraph, localRates, gammaIcl);
    }

    public static Builder builder(Graph graph) {
        return new Builder(graph);
    }

    /** Builder with the paper's defaults: ω = 1, Γ = 1, J = 0, Γ_icl = 0, no dephasing, n̄ = 0. */
    public static final class Builder {
        private final Graph graph;
        private Graph leakageGraph;
        private double omega = 1, gamma = 1, coupling = 0, gammaIcl = 0, dephasing = 0, nbar = 0;
        private double[] localRates;
        private boolean gammaGiven;
        private Variant variant = Variant.STATED;

        private Builder(Graph graph) {
            if (graph == null) {
                throw new InvalidParameterException("graph", "graph is required");
            }
            this.graph = graph;
        }

        /** Cell splitting ω (energies are reported in units of ω; the dynamics does not depend on it). */
        public Builder omega(double v) {
            omega = v;
            return this;
        }

        /** Local decay rate Γ (paper Eq. 5). */
        public Builder gamma(double v) {
            gamma = v;
            gammaGiven = true;
            return this;
        }

        /**
         * A local decay rate Γ_n for each cell instead of one Γ for all (cells of different lifetimes,
         * as a device's qubits have): G = diag(Γ_n) + Γ_icl·A. Null: Γ for every cell. Not together
         * with {@link #gamma}: one would silently replace the other.
         */
        public Builder localRates(double... perCell) {
            localRates = perCell == null ? null : perCell.clone();
            return this;
        }

        /** Exchange coupling J (paper Eq. 10). */
        public Builder coupling(double v) {
            coupling = v;
            return this;
        }

        /** Intracell-leakage cross-decay rate Γ_icl (paper Eqs. 11–12). */
        public Builder gammaIcl(double v) {
            gammaIcl = v;
            return this;
        }

        /** Pure dephasing rate γφ (physics.md §4). */
        public Builder dephasing(double v) {
            dephasing = v;
            return this;
        }

        /** Thermal occupation n̄ of the bath (physics.md §4). */
        public Builder nbar(double v) {
            nbar = v;
            return this;
        }

        /** Cross-decay on a different graph than the exchange (default: the same graph). */
        public Builder leakageGraph(Graph g) {
            leakageGraph = g;
            return this;
        }

        public Builder variant(Variant v) {
            variant = v;
            return this;
        }

        public Battery build() {
            int n = graph.cells();
            requireCells(n, (allOrNoPairs(graph) && (leakageGraph == null || allOrNoPairs(leakageGraph)))
                    || (isStar(graph) && (leakageGraph == null || isStar(leakageGraph))));
            if (leakageGraph != null && leakageGraph.cells() != n) {
                throw new InvalidParameterException("edges", "leakage graph has " + leakageGraph.cells() + " cells, expected " + n);
            }
            if (!Double.isFinite(omega) || omega <= 0) {
                throw new InvalidParameterException("omega", "must be a finite number > 0, got " + omega);
            }
            InvalidParameterException.requireNonNegative("gamma", gamma);
            if (localRates != null) {
                if (gammaGiven) {
                    throw new InvalidParameterException("gammas", "replaces gamma with a rate per cell: give one of them, not both");
                }
                if (localRates.length != n) {
                    throw new InvalidParameterException("gammas", "needs one rate per cell: " + n + ", got " + localRates.length);
                }
                for (double r : localRates) {
                    InvalidParameterException.requireNonNegative("gammas", r);
                }
                if (variant == Variant.AS_PRINTED) {
                    throw new InvalidParameterException("gammas", "the as-printed variant is the paper's model with one decay rate "
                            + "for all cells; use --variant stated with per-cell rates");
                }
            }
            InvalidParameterException.requireFinite("coupling", coupling);
            InvalidParameterException.requireNonNegative("gamma-icl", gammaIcl);
            InvalidParameterException.requireNonNegative("dephasing", dephasing);
            InvalidParameterException.requireNonNegative("nbar", nbar);
            Battery b = new Battery(this);
            b.decay.requirePositiveSemidefinite();
            return b;
        }
    }

    public Graph graph() {
        return graph;
    }

    public Graph leakageGraph() {
        return leakageGraph;
    }

    public int cells() {
        return graph.cells();
    }

    public int dimension() {
        return 1 << graph.cells();
    }

    public double omega() {
        return omega;
    }

    /** The one local decay rate Γ of every cell (see {@link #localRates()} when they differ). */
    public double gamma() {
        return gamma;
    }

    /** The local decay rate of each cell: Γ_n (a copy). */
    public double[] localRates() {
        return localRates.clone();
    }

    /** Whether every cell has the same local rate (the paper's model; the Dicke and star generators need it). */
    public boolean uniformRates() {
        return uniformRates;
    }

    /** Whether the cell permutation {@code p} maps every cell onto one of the same local rate. */
    public boolean preservesRates(int[] p) {
        for (int k = 0; k < p.length; k++) {
            if (localRates[p[k]] != localRates[k]) {
                return false;
            }
        }
        return true;
    }

    private static double[] filled(int n, double v) {
        double[] r = new double[n];
        java.util.Arrays.fill(r, v);
        return r;
    }

    public double coupling() {
        return coupling;
    }

    public double gammaIcl() {
        return gammaIcl;
    }

    public double dephasing() {
        return dephasing;
    }

    public double nbar() {
        return nbar;
    }

    public Variant variant() {
        return variant;
    }

    /** The decay matrix G of the stated model (before any variant rescaling). */
    public DecayMatrix decayMatrix() {
        return decay;
    }

    /** Decay matrix actually integrated: G, or G/2 for {@link Variant#AS_PRINTED}. */
    public double[][] effectiveDecay() {
        double[][] g = decay.matrix();
        if (variant == Variant.AS_PRINTED) {
            for (double[] row : g) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= 0.5;
                }
            }
        }
        return g;
    }

    /** Dephasing rate actually integrated: γφ, plus Γ/4 for {@link Variant#AS_PRINTED}. */
    public double effectiveDephasing() {
        return dephasing + (variant == Variant.AS_PRINTED ? gamma / 4 : 0);
    }

    /** Exchange matrix J_nm = J·A_nm. */
    public double[][] exchange() {
        double[][] a = graph.adjacency();
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= coupling;
            }
        }
        return a;
    }

    /**
     * The master equation's right-hand side in the frame rotating with H0. ω drops out exactly:
     * H0 commutes with H_int, and every jump operator lowers or raises H0 by exactly ω.
     */
    public LindbladKernel generator() {
        return new LindbladKernel(cells(), exchange(), effectiveDecay(), nbar, effectiveDephasing());
    }

    /** The same generator on the k ≥ k' excitation-sector blocks of ρ (half the numbers). */
    public SectorLindbladKernel sectorGenerator() {
        return new SectorLindbladKernel(cells(), exchange(), effectiveDecay(), nbar, effectiveDephasing());
    }

    /**
     * The right-hand side a run integrates: one number per orbit of matrix elements when the state
     * is invariant under {@code cellPermutation} (a symmetry of both graphs; null for none), else the
     * excitation-sector blocks.
     */
    public PackedLindbladian packedGenerator(int[] cellPermutation) {
        return cellPermutation == null ? sectorGenerator() : packedGenerator(new int[][] {cellPermutation});
    }

    /**
     * The same for the group generated by several cell permutations (each an automorphism of both
     * graphs, and the caller's state invariant under each): one number per orbit of the group.
     */
    public PackedLindbladian packedGenerator(int[][] generators) {
        return generators == null || generators.length == 0 ? sectorGenerator()
                : new SymmetricLindbladKernel(cells(), exchange(), effectiveDecay(), nbar, effectiveDephasing(), generators);
    }

    /**
     * Whether the battery is invariant under every permutation of its cells: each graph complete or
     * empty, the only graphs every permutation maps onto themselves (or a single cell). Then a
     * permutation-invariant state stays one, and {@link #collectiveGenerator()} integrates it on the
     * Dicke blocks: uncoupled cells ({@code --graph none}) are the complete graph with J = Γ_icl = 0.
     */
    public boolean permutationInvariant() {
        return uniformRates && allOrNoPairs(graph) && allOrNoPairs(leakageGraph);
    }

    /** Every pair of cells an edge, or none. */
    private static boolean allOrNoPairs(Graph g) {
        return isComplete(g) || g.edges().isEmpty();
    }

    /** The exchange coupling on every pair when the exchange graph is complete; 0 when it has no edge. */
    private double allPairsCoupling() {
        return graph.edges().isEmpty() ? 0 : coupling;
    }

    /**
     * Refuses a cell count beyond the register's limit, or beyond {@link #MAX_SYMMETRIC_CELLS} for the
     * complete graph, the star and uncoupled cells ({@code permutationGraph}).
     */
    public static void requireCells(long n, boolean permutationGraph) {
        if (n < 1 || n > (permutationGraph ? MAX_SYMMETRIC_CELLS : MAX_CELLS)) {
            throw new InvalidParameterException("cells", "must be in 1.." + MAX_CELLS + " (1.." + MAX_SYMMETRIC_CELLS
                    + " on the complete graph, the star and uncoupled cells, --graph symmetric, central or none), got " + n);
        }
    }

    /**
     * Whether both graphs are the star with hub 0 (and at least 2 cells): a state invariant under
     * every permutation of the leaves stays so, and {@link #starGenerator()} integrates it without
     * the register.
     */
    public boolean leafPermutationInvariant() {
        return uniformRates && cells() >= 2 && isStar(graph) && isStar(leakageGraph);
    }

    private static boolean isStar(Graph g) {
        double[][] a = g.adjacency();
        for (int i = 0; i < a.length; i++) {
            for (int j = i + 1; j < a.length; j++) {
                if (a[i][j] != (i == 0 ? 1 : 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The generator on hub ⊗ permutation-invariant leaves ({@link StarGenerator}): emission (n̄+1)·G and
     * absorption n̄·G with G's diagonal g_d and hub–leaf entry g_o.
     */
    public StarGenerator starGenerator() {
        if (!leafPermutationInvariant()) {
            throw new IllegalStateException("the star generator needs the star, got " + graph.name());
        }
        double[][] g = effectiveDecay();
        double diagonal = g[0][0], off = g[0][1];
        return new StarGenerator(cells(), coupling, (nbar + 1) * diagonal, (nbar + 1) * off, nbar * diagonal, nbar * off,
                effectiveDephasing());
    }

    private static boolean isComplete(Graph g) {
        double[][] a = g.adjacency();
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (i != j && a[i][j] != 1) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The generator on the Dicke blocks ({@link DickeLiouvillian}): with G = (g_d − g_o)·I + g_o·𝟙𝟙ᵀ
     * on the complete graph, local emission (n̄+1)(g_d − g_o), collective emission (n̄+1)·g_o, and
     * absorption likewise with n̄.
     */
    public DickeLiouvillian collectiveGenerator() {
        double[] g = completeGraphDecay();
        double diagonal = g[0], off = g[1];
        return new DickeLiouvillian(new DickeBlocks(cells()), allPairsCoupling(), (nbar + 1) * (diagonal - off), (nbar + 1) * off,
                nbar * (diagonal - off), nbar * off, effectiveDephasing());
    }

    /** {g_d, g_o}: the integrated decay matrix's diagonal and off-diagonal entries on the complete graph. */
    private double[] completeGraphDecay() {
        if (!permutationInvariant()) {
            throw new IllegalStateException("the permutation-invariant generators need the complete or the empty graph, got " + graph.name());
        }
        double[][] g = effectiveDecay();
        return new double[] {g[0][0], cells() > 1 ? g[0][1] : 0};
    }

    /**
     * The same master equation on the count orbits of a permutation-invariant ρ ({@link CountOrbits}):
     * emission (n̄+1)·G and absorption n̄·G with G's diagonal g_d and off-diagonal g_o.
     */
    public CountOrbits countOrbitGenerator() {
        double[] g = completeGraphDecay();
        double diagonal = g[0], off = g[1];
        return new CountOrbits(cells(), allPairsCoupling(), (nbar + 1) * diagonal, (nbar + 1) * off, nbar * diagonal, nbar * off,
                effectiveDephasing());
    }

    /** Bytes of heap needed to integrate this battery with an s-stage integrator plus {@code extraCopies}. */
    public static long estimateBytes(int cells, int vectors) {
        long d = 1L << cells;
        return 16L * d * d * vectors;
    }

    /** One-line description for logs and provenance. */
    public String describe() {
        return String.format(Locale.ROOT,
                "N=%d graph=%s edges=[%s]%s omega=%g gamma=%s J=%g gamma_icl=%g dephasing=%g nbar=%g variant=%s",
                cells(), graph.name(), graph.edgeSpec(),
                leakageGraph != graph ? " leakage=" + leakageGraph.name() + "[" + leakageGraph.edgeSpec() + "]" : "",
                omega, uniformRates ? String.format(Locale.ROOT, "%g", gamma) : java.util.Arrays.toString(localRates), coupling, gammaIcl,
                dephasing, nbar, variant.label());
    }
}
