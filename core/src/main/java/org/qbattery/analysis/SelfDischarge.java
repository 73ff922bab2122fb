package org.qbattery.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.qbattery.kernel.DormandPrince54;
import org.qbattery.kernel.DormandPrince853;
import org.qbattery.kernel.OdeIntegrator;
import org.qbattery.kernel.TaylorPropagator;
import org.qbattery.kernel.Parallel;
import org.qbattery.kernel.IntegrationStats;
import org.qbattery.kernel.PackedLindbladian;
import org.qbattery.kernel.SectorLindbladKernel;
import org.qbattery.kernel.SymmetricLindbladKernel;
import org.qbattery.kernel.Roots;
import org.qbattery.kernel.Tolerances;
import org.qbattery.measures.Concurrence;
import org.qbattery.measures.CyclicSymmetry;
import org.qbattery.measures.Ergotropy;
import org.qbattery.measures.Energy;
import org.qbattery.measures.Observables;
import org.qbattery.measures.Passivity;
import org.qbattery.measures.Spectrum;
import org.qbattery.model.Battery;
import org.qbattery.model.Graph;
import org.qbattery.model.InitialState;
import org.qbattery.model.InvalidParameterException;
import org.qbattery.model.SymmetricState;

/**
 * Runs the open-circuit self-discharge of a battery: integrates the master equation with
 * {@link TaylorPropagator} (default), {@link DormandPrince853} or {@link DormandPrince54}, evaluates every {@link Observables measure} on the output grid from the
 * dense output, and locates the characteristic times of {@link DischargeAnalysis} by Brent
 * root-finding on the dense output of the steps that bracket them.
 *
 * <pre>{@code
 * Battery b = Battery.builder(Graph.chain(5)).coupling(2).gammaIcl(0.5).build();
 * DischargeResult r = SelfDischarge.of(b).state("quantum").grid(5, 0.01).run();
 * double tau = r.analysis().ergotropyHalfLife();
 * }</pre>
 */
public final class SelfDischarge {
    private final Battery battery;
    private double[] rho0;
    private String stateName = "custom";
    private TimeGrid grid = new TimeGrid(5, 0.01);
    private Tolerances tolerances = Tolerances.DEFAULT;
    private boolean spectral = true;
    private boolean pairwise = true;
    private boolean events = true;
    private double[] fractions = new double[0];
    private ProgressListener progress = ProgressListener.SILENT;
    private String method = "auto";
    private String stateSpec;
    private String representation = "auto";
    private StateSink states;

    /**
     * Receives ρ(t) at every output time, in order, on the integrating thread: k = 0, 1, …, t the
     * output time, ρ the 2^N × 2^N density matrix (row-major, real and imaginary parts interleaved;
     * basis index i has bit n set when cell n is excited), valid only during the call.
     */
    @FunctionalInterface
    public interface StateSink {
        void accept(int k, double t, double[] rho) throws java.io.IOException;
    }

    /** Integration methods by name. */
    public static final String METHODS = "auto, taylor, dop853, dopri5";

    private SelfDischarge(Battery battery) {
        this.battery = battery;
    }

    public static SelfDischarge of(Battery battery) {
        return new SelfDischarge(battery);
    }

    /**
     * Initial state by name (see {@link InitialState}); checked now, built when the run starts (on the
     * register, or as Dicke blocks, see {@link #representation}).
     */
    public SelfDischarge state(String spec) {
        InitialState.name(spec, battery.cells());
        this.stateSpec = spec;
        this.rho0 = null;
        this.stateName = spec;
        return this;
    }

    /** Initial state as a density matrix on the register (validated). */
    public SelfDischarge state(double[] rho, String name) {
        if (battery.cells() > Battery.MAX_CELLS) {
            throw new InvalidParameterException("cells", "a state given as a matrix needs the 2^N register: at most "
                    + Battery.MAX_CELLS + " cells, got " + battery.cells());
        }
        InitialState.validate(rho, battery.dimension(), "state", name);
        this.rho0 = rho.clone();
        this.stateSpec = null;
        this.stateName = name;
        return this;
    }

    /** Representations by name. */
    public static final String REPRESENTATIONS = "auto, register, dicke";

    /**
     * {@code register}: ρ on the 2^N register (up to {@link Battery#MAX_CELLS} cells, with the graphs'
     * symmetries); {@code dicke}: without the register ({@link SymmetricDischarge}, up to
     * {@link Battery#MAX_SYMMETRIC_CELLS} cells), a permutation-invariant state on the complete graph as
     * Dicke blocks and count orbits, or on the star the hub times leaves invariant under their
     * permutations; {@code auto} (default): dicke wherever it applies (complete graph or star, a
     * built-in state, N ≥ 2), else register.
     */
    public SelfDischarge representation(String r) {
        if (!r.equals("auto") && !r.equals("register") && !r.equals("dicke")) {
            throw new InvalidParameterException("representation", "unknown representation \"" + r + "\"; allowed: " + REPRESENTATIONS);
        }
        this.representation = r;
        return this;
    }

    /** Whether this run integrates Dicke blocks instead of the register (an error when the choice cannot be honoured). */
    boolean symmetric() {
        int n = battery.cells();
        // exploitSymmetry off (tests) asks for the plain register run, the oracle of every reduced one.
        boolean applies = exploitSymmetry && stateSpec != null && n >= 2 && SymmetricState.covers(stateSpec)
                && (battery.permutationInvariant() || battery.leafPermutationInvariant());
        if (states != null) {
            // Saved states are register matrices: the Dicke blocks hold no 2^N matrix to save.
            if (representation.equals("dicke")) {
                throw new InvalidParameterException("save-states", "needs rho on the 2^N register, which --representation dicke "
                        + "does not hold; use --representation register or auto");
            }
            if (n > Battery.MAX_CELLS) {
                throw new InvalidParameterException("save-states", "needs rho on the 2^N register: at most " + Battery.MAX_CELLS
                        + " cells, got " + n);
            }
            applies = false;
        }
        if (representation.equals("dicke") && !applies) {
            throw new InvalidParameterException("representation", "dicke needs the complete graph, the star or uncoupled cells "
                    + "(--graph symmetric, central or none), at least 2 cells and a built-in state (" + InitialState.ALLOWED.replace(", file:PATH", "") + ")");
        }
        // auto takes the blocks wherever they apply: measured whole-process, they are as fast as the register's
        // S_N orbits up to 5 cells (reproduce 1.098 vs 1.089 s, 10 interleaved runs each) and faster from 6 on
        // (N = 8 0.26 vs 0.31 s, N = 10 0.39 vs 0.76 s, N = 12 0.36 vs 2.02 s).
        boolean chosen = applies && !representation.equals("register");
        if (!chosen && n > Battery.MAX_CELLS && (battery.permutationInvariant() || battery.leafPermutationInvariant())
                && stateSpec != null && !SymmetricState.covers(stateSpec)) {
            throw new InvalidParameterException("state", "a state from a file needs the 2^N register (at most " + Battery.MAX_CELLS
                    + " cells, got " + n + "); beyond that the complete graph, the star and uncoupled cells take the built-in states "
                    + InitialState.ALLOWED.replace(", file:PATH", ""));
        }
        if (!chosen && n > Battery.MAX_CELLS) {
            throw new InvalidParameterException("cells", "must be in 1.." + Battery.MAX_CELLS + " on the 2^N register, got " + n
                    + (applies ? " (the built-in states of the complete graph, the star and uncoupled cells reach " + Battery.MAX_SYMMETRIC_CELLS
                    + " cells with --representation dicke or auto)" : " (beyond that only the complete graph, the star or uncoupled cells with a built-in state)"));
        }
        return chosen;
    }

    /**
     * Refuses a run that cannot fit in this JVM's heap (before any state exists), naming the largest N
     * that would fit.
     */
    public void requireMemory() {
        if (symmetric()) {
            SymmetricDischarge.requireMemory(battery.cells(), method, !battery.permutationInvariant(),
                    (long) (0.9 * Runtime.getRuntime().maxMemory()));
        } else {
            requireMemory(battery, method);
        }
    }

    /**
     * Heap this run needs, in bytes, by the estimate {@link #requireMemory()} checks (with the method
     * it will use when it fits alone); what a caller running several at once adds up.
     */
    public long memoryNeed() {
        long budget = (long) (0.9 * Runtime.getRuntime().maxMemory());
        if (symmetric()) {
            return SymmetricDischarge.estimateBytes(battery.cells(), method.equals("auto") ? "taylor" : method,
                    !battery.permutationInvariant());
        }
        long[] need = new long[1];
        fittingMethod(battery, method, kernelGenerators(battery, p -> true), budget, need);
        return need[0];
    }

    /**
     * A relative cost, to order several runs (largest first): per output time ~4^N on the register,
     * ~N^3 without it. Valid once the run is configured (the representation chosen).
     */
    double costEstimate() {
        int n = battery.cells();
        return (symmetric() ? Math.pow(n, 3) : Math.pow(4, n)) * (grid.tMax() / grid.dt() + 1);
    }

    public SelfDischarge grid(double tMax, double dt) {
        this.grid = new TimeGrid(tMax, dt);
        return this;
    }

    public SelfDischarge tolerances(Tolerances t) {
        this.tolerances = t;
        return this;
    }

    /** Whether to diagonalise ρ at each output time (ergotropy, capacity, entropy). */
    public SelfDischarge spectral(boolean on) {
        this.spectral = on;
        return this;
    }

    /** Whether to compute the edge-averaged concurrence. */
    public SelfDischarge pairwise(boolean on) {
        this.pairwise = on;
        return this;
    }

    /** Whether to locate half-lives and crossing times. */
    public SelfDischarge events(boolean on) {
        this.events = on;
        return this;
    }

    /**
     * Also locate the first times at which E and U fall to these fractions of their start, each in
     * (0, 1) (the half-lives are 1/2), as the half-lives are: by root-finding on the dense output.
     */
    public SelfDischarge fractions(double... f) {
        double[] sorted = f.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (!(sorted[i] > 0 && sorted[i] < 1)) {
                throw new InvalidParameterException("fractions", "each must be in (0, 1), got " + sorted[i]);
            }
            if (i > 0 && sorted[i] == sorted[i - 1]) {
                throw new InvalidParameterException("fractions", sorted[i] + " is given twice");
            }
        }
        this.fractions = sorted;
        return this;
    }

    /**
     * {@code taylor} (the series of exp(hL): fewest evaluations, see {@link TaylorPropagator}),
     * {@code dop853}, {@code dopri5} (fewest vectors), or {@code auto} (default): taylor when at least
     * {@link TaylorPropagator#MIN_DEGREE} powers fit in the heap, else dopri5.
     */
    public SelfDischarge method(String m) {
        if (!m.equals("taylor") && !m.equals("dop853") && !m.equals("dopri5") && !m.equals("auto")) {
            throw new InvalidParameterException("method", "unknown method \"" + m + "\"; allowed: " + METHODS);
        }
        this.method = m;
        return this;
    }

    public SelfDischarge progress(ProgressListener p) {
        this.progress = p;
        return this;
    }

    /**
     * Hands ρ(t) at every output time to {@code sink} (null: none). The run then holds ρ on the 2^N
     * register ({@code auto} does not pick the Dicke blocks, {@code dicke} is refused) and unpacks
     * every sample whole; the numbers it reports are the same.
     */
    public SelfDischarge states(StateSink sink) {
        this.states = sink;
        return this;
    }

    /**
     * Packed state vectors (k ≥ k' sector blocks, about half of ρ) alive at the peak of a run with
     * DOP853: y1, scratch, 16 stages and 4 dense coefficients (22), plus the integrated state, the
     * interpolation target and up to four bracket starts for event location (6).
     */
    public static final int VECTORS = 28;
    /** The same for DOPRI5: y1, scratch and 7 stages (9) plus the same 6 outside the integrator. */
    public static final int VECTORS_DOPRI5 = 15;
    /**
     * The same for the Taylor propagator with its smallest degree cap: the next state and
     * {@link TaylorPropagator#MIN_DEGREE} powers (17) plus the same 6. At run time the cap is raised
     * to what the actual packed length leaves room for (up to {@link TaylorPropagator#MAX_DEGREE}).
     */
    public static final int VECTORS_TAYLOR = TaylorPropagator.MIN_DEGREE + 1 + 6;
    /**
     * Full D×D matrices alive at the peak from 11 cells on, for the measures: the initial state and up
     * to two samples in flight. Below 11 cells {@link #maxLag} + 1 samples may be in flight instead of
     * two ({@link #fullMatrices}). The last measured sample, where a bracketed event is later
     * re-integrated from, is kept packed (one full matrix less: 1.07 GB at 13 cells).
     */
    public static final int FULL_MATRICES = 3;

    static int fullMatrices(int cells) {
        return FULL_MATRICES - 1 + maxLag(cells);
    }

    /** Heap needed for one run of {@code cells} cells with {@code method} on the k ≥ k' sector blocks, in bytes. */
    public static long estimateBytes(int cells, String method) {
        return estimateBytes(cells, method, SectorLindbladKernel.length(cells), 0);
    }

    /**
     * Heap needed for one run whose state vector has {@code packedDoubles} doubles and whose kernel
     * holds {@code kernelBytes}: the integrator's vectors, the packed copies of the samples in flight
     * and of the last measured one, and the full matrices of the measures.
     */
    static long estimateBytes(int cells, String method, long packedDoubles, long kernelBytes) {
        int vectors = switch (method) {
            case "dopri5" -> VECTORS_DOPRI5;
            case "dop853" -> VECTORS;
            default -> VECTORS_TAYLOR;
        };
        return 8 * packedDoubles * (vectors + maxLag(cells) + 2) + Battery.estimateBytes(cells, 1) * fullMatrices(cells) + kernelBytes;
    }

    /**
     * Refuses a run that cannot fit in this JVM's heap, naming the largest N of the same geometry
     * that would. Called before the state exists (the CLI does, so that nothing large is allocated
     * first), it assumes the state shares the graphs' symmetries, as every built-in state does; the
     * run checks again with the symmetry its state actually has.
     */
    public static void requireMemory(Battery b, String requested) {
        requireMemory(b, requested, kernelGenerators(b, p -> true), (long) (0.9 * Runtime.getRuntime().maxMemory()));
    }

    /**
     * The method a run of {@code b} will use ({@code auto}: taylor when it fits, else dopri5), or an
     * {@link InvalidParameterException} when even that does not fit in {@code budget} bytes.
     */
    static String requireMemory(Battery b, String requested, int[][] generators, long budget) {
        long[] need = new long[1];
        String method = fittingMethod(b, requested, generators, budget, need);
        if (method != null) {
            return method;
        }
        int n = b.cells();
        int fit = n - 1;
        // Smaller registers of the same geometry, with the group only if this run had one.
        while (fit > 1 && !fits(generators != null ? resized(b, fit) : null, fit, requested, budget)) {
            fit--;
        }
        String hint = !requested.equals("dopri5") && !requested.equals("auto")
                && fittingMethod(b, "dopri5", generators, budget, new long[1]) != null
                ? "; --method dopri5 needs fewer vectors and fits" : "";
        throw new InvalidParameterException("cells", String.format(java.util.Locale.ROOT,
                "%d cells need about %.1f GiB of heap with --method %s (this graph and state) but this JVM may use %.1f GiB; "
                        + "allowed here: cells <= %d%s (or raise the heap with QBATTERY_JAVA_OPTS=-Xmx...)",
                n, need[0] / 1073741824.0, requested.equals("auto") ? "dopri5" : requested, budget / 0.9 / 1073741824.0, fit, hint));
    }

    /**
     * The method that fits, or null (with the smallest estimate in {@code need[0]}). The orbits of the
     * group {@code generators} spans are only counted when the sector blocks do not fit: counting
     * takes a pass over every element (~2 s at 13 cells), which small runs skip.
     */
    private static String fittingMethod(Battery b, String requested, int[][] generators, long budget, long[] need) {
        int n = b.cells();
        String method = methodThatFits(n, requested, SectorLindbladKernel.length(n), 0, budget);
        need[0] = estimateBytes(n, method, SectorLindbladKernel.length(n), 0);
        if (need[0] <= budget) {
            return method;
        }
        if (generators != null && Battery.estimateBytes(n, 1) * fullMatrices(n) <= budget) {
            long len = SymmetricLindbladKernel.length(n, generators);
            long kernelBytes = SymmetricLindbladKernel.bytesBound(n, b.exchange(), b.effectiveDecay(), b.nbar(),
                    b.effectiveDephasing(), len / 2);
            method = methodThatFits(n, requested, len, kernelBytes, budget);
            need[0] = estimateBytes(n, method, len, kernelBytes);
            if (need[0] <= budget) {
                return method;
            }
        }
        return null;
    }

    private static String methodThatFits(int cells, String requested, long packedDoubles, long kernelBytes, long budget) {
        if (!requested.equals("auto")) {
            return requested;
        }
        return estimateBytes(cells, "taylor", packedDoubles, kernelBytes) <= budget ? "taylor" : "dopri5";
    }

    /** Whether a run of {@code b} with the graphs' symmetry (null: {@code cells} cells without any) fits in {@code budget}. */
    private static boolean fits(Battery b, int cells, String requested, long budget) {
        return fittingMethod(b != null ? b : Battery.builder(Graph.empty(cells)).build(), requested,
                b != null ? kernelGenerators(b, p -> true) : null, budget, new long[1]) != null;
    }

    /**
     * The same geometry and parameters at {@code cells} cells, or null when the graphs are not one of
     * the named families (a custom graph has no smaller version) or the smaller battery is invalid.
     */
    private static Battery resized(Battery b, int cells) {
        if (b.leakageGraph() != b.graph() || b.graph().name().equals("custom")) {
            return null;
        }
        try {
            return Battery.builder(Graph.named(b.graph().name(), cells, null)).omega(b.omega()).gamma(b.gamma())
                    .coupling(b.coupling()).gammaIcl(b.gammaIcl()).dephasing(b.dephasing()).nbar(b.nbar())
                    .variant(b.variant()).build();
        } catch (InvalidParameterException invalid) {
            return null;
        }
    }

    /** The concrete method {@code auto} stands for on the sector blocks of {@code cells} cells: taylor if it fits in the heap, else dopri5. */
    public static String resolveMethod(int cells, String method) {
        return methodThatFits(cells, method, SectorLindbladKernel.length(cells), 0, (long) (0.9 * Runtime.getRuntime().maxMemory()));
    }

    /**
     * The Taylor propagator's degree cap for this run: as many powers as the heap holds next to the
     * measures' matrices and the vectors outside the integrator, at the kernel's actual packed
     * length (an orbit kernel is many times shorter than the estimate's sector length).
     */
    static int taylorDegree(int cells, int packedLength) {
        long vector = 8L * packedLength;
        long free = (long) (0.9 * Runtime.getRuntime().maxMemory()) - Battery.estimateBytes(cells, 1) * fullMatrices(cells)
                - vector * (VECTORS_TAYLOR - TaylorPropagator.MIN_DEGREE + maxLag(cells) + 2);
        long fit = free / vector;
        return (int) Math.max(TaylorPropagator.MIN_DEGREE, Math.min(TaylorPropagator.MAX_DEGREE, fit));
    }

    private OdeIntegrator integrator(String chosen, int packedLength) {
        return integrator(chosen, tolerances, taylorDegree(battery.cells(), packedLength));
    }

    /** The integrator named {@code chosen} (taylor with at most {@code taylorDegree} powers). */
    static OdeIntegrator integrator(String chosen, Tolerances tolerances, int taylorDegree) {
        return switch (chosen) {
            case "dopri5" -> new DormandPrince54(tolerances);
            case "dop853" -> new DormandPrince853(tolerances);
            default -> new TaylorPropagator(tolerances, taylorDegree);
        };
    }

    public DischargeResult run() {
        if (rho0 == null && stateSpec == null) {
            throw new InvalidParameterException("state", "no initial state given; allowed: " + InitialState.ALLOWED);
        }
        if (symmetric()) {
            return SymmetricDischarge.run(battery, stateSpec, grid, tolerances, method, spectral, pairwise, events, fractions, progress);
        }
        if (rho0 == null) {
            progress.progress(0, 1, "preparing the initial state");
            rho0 = InitialState.parse(stateSpec, battery.cells());
        }
        long start = System.nanoTime();
        final int n = battery.cells();
        // Energies are reported in units of ω: with the dynamics solved in the frame rotating with H0,
        // every reported number is then exactly ω-independent (physics.md §7).
        final double omega = 1.0;
        final int[][] pairs = pairs(battery);
        final double[] times = grid.times();
        final double[][] rows = new double[times.length][];
        final int len = rho0.length;
        // The steps before the first output time take ~25 s at 12 cells (the kernel ~6 s, the first
        // spectrum, the first step): each says what it does on the progress line.
        progress.progress(0, 1, "finding symmetries");
        // A symmetry of both graphs that leaves ρ(0) invariant leaves ρ(t) invariant: it splits the
        // spectrum into blocks and lets the integrator carry one number per orbit of matrix elements;
        // without one, it carries the k ≥ k' excitation-sector blocks (half of ρ). The measures get ρ unpacked.
        final CyclicSymmetry cyclic = exploitSymmetry ? symmetryOf(battery, rho0) : null;
        final int[][] generators = kernelGenerators(battery, rho0, cyclic);
        // Where the group is every permutation of a set of cells (complete graph, star leaves), the
        // spectra use its total-spin blocks instead of the cyclic ones.
        // Where another generator inverts the cyclic one (the ring's reflection), half the cyclic blocks suffice.
        final int[] permuted = SymmetricLindbladKernel.fullyPermuted(generators);
        final CyclicSymmetry blocks = permuted != null ? cyclic.withAllPermutationsOf(permuted)
                : invertsTheCycle(generators) ? cyclic.withInversion() : cyclic;
        // Checked again now that the state's own symmetry is known, before the kernel is built.
        final String chosen = requireMemory(battery, method, generators, (long) (0.9 * Runtime.getRuntime().maxMemory()));
        // The full matrices of the samples in flight are allocated once, before the kernel's temporaries
        // and the integrator's vectors, and recycled: at 13 cells each is 1.07 GB, and allocating one per
        // sample among the integrator's vectors can leave the heap's free space in pieces too small for it.
        final ArrayDeque<double[]> freeSamples = new ArrayDeque<>();
        for (int i = 0; i <= maxLag(n); i++) {
            freeSamples.push(new double[rho0.length]);
        }
        progress.progress(0, 1, "building the Liouvillian");
        final PackedLindbladian kernel = battery.packedGenerator(generators);
        final String representation = describe(kernel, generators);
        // Total-spin blocks are then formed from the packed samples (a few hundred orbit values)
        // instead of a pass over the full matrix each.
        final CyclicSymmetry symmetry = kernel instanceof SymmetricLindbladKernel orbits && blocks != null
                ? blocks.withOrbits(orbits::orbitOfElement, orbits.orbits()) : blocks;
        // Then the samples' spectra, l1-coherence, purity and sector check come from the packed
        // form too, and what the measures still read of ρ (the diagonal, the one- and two-cell
        // reduced states) is all an unpacked sample needs: D·(1 + N + N(N−1)/2) elements, not D².
        // Only with the spectra on: without them the sudden-death event reads the sector blocks of ρ itself.
        final SymmetricLindbladKernel unpackNear = states == null && unpackOnlyWhatIsRead && spectral && kernel instanceof SymmetricLindbladKernel sk
                && symmetry != null && symmetry.spectraFromOrbits() ? sk : null;
        // Held in a one-slot array so the integrated state can be released before events are located.
        final double[][] state = {kernel.pack(rho0)};
        // Output times inside one step are interpolated together (one pass over the step's stored
        // vectors); up to 10 cells a few packed buffers are cheap, from 11 cells on one is kept.
        final double[][] packedSamples = new double[n >= 11 ? 1 : 8][];
        final OdeIntegrator integrator = integrator(chosen, kernel.length());

        progress.progress(0, 1, "measuring t = 0");
        Observables first = Observables.of(rho0, n, omega, pairs, spectral, pairwise, symmetry, kernel, state[0]);
        rows[0] = first.values();
        save(0, 0.0, rho0);
        final boolean sectorDiagonal = Spectrum.commutesWithH0(rho0, n);
        // Pairs related by the symmetry have equal concurrence: one per orbit is enough.
        final int[][] distinctPairs = symmetry != null ? symmetry.pairOrbits(pairs).representatives() : pairs;
        // Without a sample's measures (re-integrated brackets) each event reads ρ itself; whether ρ has
        // coherence between sectors is read from the packed state where the kernel can tell, since
        // a bracket's ρ may be unpacked only where the measures read.
        final Event.Set events = Event.Set.of(rho0, first, this.events, spectral, pairwise && pairs.length > 0, sectorDiagonal,
                () -> Passivity.gap(rho0, n) >= -Event.gapFloor(tolerances), Event.gapFloor(tolerances), fractions,
                (r, p, o) -> o != null ? o.ergotropy()
                        : Ergotropy.of(r, n, omega, symmetry, p, p != null ? kernel.commutesWithH0(p) : null),
                (r, p, o) -> o != null ? o.energy() : Energy.of(r, n, omega),
                (r, p, o) -> o != null && !Double.isNaN(o.passivityGap()) ? o.passivityGap() : Passivity.gap(r, n),
                (r, p, o) -> o != null ? o.maxSignedConcurrence() : Concurrence.maxSigned(r, n, distinctPairs));
        final List<Event> ev = events.all;

        final int[] next = {1};
        // From 7 cells on, the measures of sample k (an O(D³) diagonalisation) run on worker threads
        // while the integrator moves on. The propagator delivers the samples of a step in a burst, so
        // up to 10 cells one worker per core measures them side by side; from 11 cells on a sample is
        // too large to hold several (and its spectrum blocks already use both cores).
        final boolean pipeline = n >= PIPELINE_CELLS;
        final int workers = measureWorkers(n);
        final int maxLag = maxLag(n);
        final ExecutorService worker = pipeline ? Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "qbattery-measures");
            t.setDaemon(true);
            return t;
        }) : null;
        final ArrayDeque<Pending> pending = new ArrayDeque<>();
        final List<Bracket> brackets = new ArrayList<>();
        // Packed ρ at the last measured sample, where a bracket starts (never modified; shared by the brackets that start there).
        final double[][] previous = {state[0].clone()}; // a copy: state[0] is integrated in place
        final double tEndAll = times[times.length - 1];
        final Runnable drainOne = () -> {
            Pending pk = pending.removeFirst();
            Observables o = pk.result();
            rows[pk.k] = o.values();
            for (Event e : ev) {
                if (e.finished()) {
                    continue;
                }
                double g = e.g.value(pk.rho, pk.packed, o);
                if (e.crosses(g)) {
                    // Located after the run, by re-integrating this interval from the stored sample.
                    brackets.add(new Bracket(e, e.roots.size(), e.prevT, pk.t, e.prevG, g, previous[0]));
                    e.roots.add(Double.NaN);
                    e.upward = !e.upward;
                }
                e.prevT = pk.t;
                e.prevG = g;
            }
            previous[0] = pk.packed;
            save(pk.k, pk.t, pk.rho);
            freeSamples.push(pk.rho); // measured: unpack overwrites every element of a recycled one (unpackNear every element read)
            progress.progress(pk.t, tEndAll, "integrating");
        };
        IntegrationStats stats;
        progress.progress(0, tEndAll, "integrating"); // the first step takes seconds from 11 cells on
        try {
            stats = integrator.integrate(kernel, 0.0, state[0], tEndAll, step -> {
                while (next[0] < times.length && times[next[0]] <= step.tEnd() + 1e-12 * Math.max(1, step.tEnd())) {
                    int count = 0;
                    while (count < packedSamples.length && next[0] + count < times.length
                            && times[next[0] + count] <= step.tEnd() + 1e-12 * Math.max(1, step.tEnd())) {
                        count++;
                    }
                    double[] ts = new double[count];
                    double[][] outs = new double[count][];
                    for (int r = 0; r < count; r++) {
                        ts[r] = Math.min(times[next[0] + r], step.tEnd());
                        if (packedSamples[r] == null) {
                            packedSamples[r] = new double[kernel.length()];
                        }
                        outs[r] = packedSamples[r];
                    }
                    step.interpolate(ts, outs);
                    for (int r = 0; r < count; r++) {
                        int k = next[0];
                        double[] sample = freeSamples.isEmpty() ? new double[len] : freeSamples.pop();
                        if (unpackNear != null) {
                            unpackNear.unpackNear(outs[r], sample);
                        } else {
                            kernel.unpack(outs[r], sample);
                        }
                        Pending pk = new Pending(k, ts[r], sample, outs[r].clone());
                        // l1-coherence, purity and total-spin blocks from the packed sample: the orbits, not a pass over ρ.
                        final double[] packedSample = pk.packed;
                        if (pipeline) {
                            pk.future = worker.submit(() -> Observables.of(sample, n, omega, pairs, spectral, pairwise, symmetry,
                                    kernel, packedSample));
                        } else {
                            pk.now = Observables.of(sample, n, omega, pairs, spectral, pairwise, symmetry, kernel, packedSample);
                        }
                        pending.addLast(pk);
                        next[0]++;
                        while (!pending.isEmpty() && (pending.size() > maxLag || pending.peekFirst().isDone())) {
                            drainOne.run();
                        }
                    }
                }
            });
            while (!pending.isEmpty()) {
                drainOne.run();
            }
        } finally {
            if (worker != null) {
                worker.shutdownNow();
            }
        }
        previous[0] = null;
        state[0] = null; // the final state is not needed any more: free it before re-integrating brackets
        if (n <= MAX_CELLS_BRACKETS_SIDE_BY_SIDE && brackets.size() > 1 && Parallel.threads() > 1) {
            // The brackets are independent and, once the integration is over, the cores idle while
            // they are located one after another (chain N = 8: 5 brackets, ~60 ms of the run's end).
            // Located side by side, each from its own copy of its start sample, with a recycled full
            // matrix per thread (the samples' buffers, at least one per core up to 10 cells).
            final java.util.concurrent.ConcurrentLinkedQueue<double[]> scratches = new java.util.concurrent.ConcurrentLinkedQueue<>(freeSamples);
            freeSamples.clear();
            final Double[] found = new Double[brackets.size()];
            final java.util.concurrent.atomic.AtomicInteger located = new java.util.concurrent.atomic.AtomicInteger();
            Parallel.forRange(brackets.size(), Long.MAX_VALUE / brackets.size(), (from, to) -> {
                double[] scratch = scratches.poll();
                if (scratch == null) {
                    scratch = new double[len];
                }
                for (int i = from; i < to; i++) {
                    Bracket br = brackets.get(i);
                    found[i] = refine(br, br.rhoA().clone(), kernel, chosen, scratch, unpackNear, within -> { });
                    synchronized (progress) {
                        progress.progress(located.incrementAndGet(), brackets.size(), "locating events");
                    }
                }
                scratches.add(scratch);
            });
            for (int i = 0; i < brackets.size(); i++) {
                brackets.get(i).event.roots.set(brackets.get(i).slot, found[i]);
            }
        } else {
            // One recycled full matrix serves every bracket's event evaluations; the others are released.
            final double[] scratch = freeSamples.isEmpty() ? new double[len] : freeSamples.pop();
            freeSamples.clear();
            for (int i = 0; i < brackets.size(); i++) {
                Bracket br = brackets.get(i);
                // Integrated in place unless a later bracket starts from the same packed sample.
                boolean shared = i + 1 < brackets.size() && brackets.get(i + 1).rhoA() == br.rhoA();
                // From 11 cells on a bracket takes seconds (each Brent evaluation of the ergotropy
                // diagonalises ρ; the 12-cell chain's five take ~20 s), so the line says which one runs.
                final int done = i;
                final String label = "locating " + br.event().name;
                br.event.roots.set(br.slot, refine(br, shared ? br.rhoA().clone() : br.rhoA(), kernel, chosen, scratch, unpackNear,
                        within -> progress.progress(done + within, brackets.size(), label)));
            }
            if (!brackets.isEmpty()) {
                progress.progress(brackets.size(), brackets.size(), "locating events");
            }
        }
        DischargeAnalysis analysis = events.analysis();
        double wall = (System.nanoTime() - start) * 1e-9;
        return new DischargeResult(battery, stateName, times, rows, analysis, integrator.name(), representation, tolerances, stats, wall);
    }

    /** ρ at output k to the state sink, if there is one (whole: with a sink the samples are unpacked whole). */
    private void save(int k, double t, double[] rho) {
        if (states != null) {
            try {
                states.accept(k, t, rho);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot save the state at t = " + t + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The largest cyclic group of cell permutations (chain reflection, rotations, star leaf rotation)
     * that is an automorphism of both graphs and leaves the initial state invariant: the dynamics
     * then keeps ρ(t) invariant, and its spectrum splits into blocks. {@code null} when none applies.
     */
    public static CyclicSymmetry symmetryOf(Battery b, double[] rho0) {
        return symmetryOf(b, p -> CyclicSymmetry.leavesInvariant(rho0, b.cells(), p, 1e-14));
    }

    /** As above, with the state's invariance under a cell permutation decided by {@code invariant}. */
    static CyclicSymmetry symmetryOf(Battery b, java.util.function.Predicate<int[]> invariant) {
        int n = b.cells();
        if (n < 3) {
            return null;
        }
        java.util.List<int[]> candidates = new java.util.ArrayList<>();
        int[] rot = new int[n], refl = new int[n], leaves = new int[n];
        for (int k = 0; k < n; k++) {
            rot[k] = (k + 1) % n;
            refl[k] = n - 1 - k;
            leaves[k] = k == 0 ? 0 : (k % (n - 1)) + 1;
        }
        candidates.add(rot);
        candidates.add(leaves);
        candidates.add(refl);
        CyclicSymmetry best = null;
        for (int[] p : candidates) {
            if (!b.graph().isAutomorphism(p) || !b.leakageGraph().isAutomorphism(p) || !b.preservesRates(p)) {
                continue;
            }
            CyclicSymmetry c = new CyclicSymmetry(n, p);
            if ((best == null || c.order() > best.order()) && invariant.test(p)) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The cell permutations whose group the integrator reduces by: the spectra's cyclic symmetry and,
     * where they too are automorphisms of both graphs and leave ρ(0) invariant, a reflection (the
     * ring: with the rotation, its whole dihedral group) and a transposition of two cells (the
     * complete graph: with the rotation, every permutation) or of two leaves (the star: with the leaf
     * rotation, every permutation of the leaves). Null when there is no symmetry.
     */
    static int[][] kernelGenerators(Battery b, double[] rho0, CyclicSymmetry symmetry) {
        return kernelGenerators(b, symmetry, p -> CyclicSymmetry.leavesInvariant(rho0, b.cells(), p, 1e-14));
    }

    /** The same before the state exists, with its invariance decided by {@code invariant}. */
    static int[][] kernelGenerators(Battery b, java.util.function.Predicate<int[]> invariant) {
        return kernelGenerators(b, symmetryOf(b, invariant), invariant);
    }

    private static int[][] kernelGenerators(Battery b, CyclicSymmetry symmetry, java.util.function.Predicate<int[]> invariant) {
        if (symmetry == null) {
            return null;
        }
        int n = b.cells();
        java.util.List<int[]> gens = new java.util.ArrayList<>();
        gens.add(symmetry.cellPermutation());
        int[] refl = new int[n], swap01 = new int[n], swap12 = new int[n];
        for (int k = 0; k < n; k++) {
            refl[k] = n - 1 - k;
            swap01[k] = k == 0 ? 1 : k == 1 ? 0 : k;
            swap12[k] = k == 1 ? 2 : k == 2 ? 1 : k;
        }
        for (int[] p : new int[][] {refl, swap01, swap12}) {
            if (java.util.Arrays.equals(p, gens.get(0)) || !b.graph().isAutomorphism(p) || !b.leakageGraph().isAutomorphism(p)
                    || !b.preservesRates(p)) {
                continue;
            }
            if (invariant.test(p)) {
                gens.add(p);
            }
        }
        return gens.toArray(new int[0][]);
    }


    /** Whether a generator other than the first maps the first to its inverse (F∘C = C⁻¹∘F). */
    static boolean invertsTheCycle(int[][] generators) {
        if (generators == null || generators.length < 2) {
            return false;
        }
        int[] c = generators[0];
        int[] inverse = new int[c.length];
        for (int n = 0; n < c.length; n++) {
            inverse[c[n]] = n;
        }
        for (int g = 1; g < generators.length; g++) {
            int[] f = generators[g];
            boolean inverts = true;
            for (int n = 0; n < c.length && inverts; n++) {
                inverts = f[c[n]] == inverse[f[n]];
            }
            if (inverts) {
                return true;
            }
        }
        return false;
    }

    /** What the integrator carries, for the provenance. */
    static String describe(PackedLindbladian kernel, int[][] generators) {
        if (kernel instanceof org.qbattery.kernel.SymmetricLindbladKernel s) {
            StringBuilder g = new StringBuilder();
            for (int[] p : generators) {
                g.append(g.length() > 0 ? " and " : "").append(java.util.Arrays.toString(p));
            }
            return String.format(java.util.Locale.ROOT, "one complex number per orbit of matrix elements under the group of cell permutations "
                    + "generated by %s (symmetries of both graphs and of the initial state; largest orbit %d): %d numbers, "
                    + "reduced Liouvillian with %d entries", g, s.order(), s.orbits(), s.entries());
        }
        return String.format(java.util.Locale.ROOT, "excitation-sector blocks rho(k,k') with k >= k' (the rest is their adjoint): %d numbers",
                kernel.length() / 2);
    }

    /**
     * The pairs the pairwise measures (the concurrence) average over: the exchange graph's edges, then
     * the leakage graph's that are not among them (cells that only share a bath can get entangled).
     */
    public static int[][] pairs(Battery b) {
        java.util.LinkedHashSet<Graph.Edge> both = new java.util.LinkedHashSet<>();
        for (Graph.Edge e : b.graph().edges()) {
            both.add(new Graph.Edge(e.a(), e.b()));
        }
        for (Graph.Edge e : b.leakageGraph().edges()) {
            both.add(new Graph.Edge(e.a(), e.b()));
        }
        return both.stream().map(e -> new int[] {e.a(), e.b()}).toArray(int[][]::new);
    }

    /** A sign change of an event function between two output samples, to be located after the run. */
    private record Bracket(Event event, int slot, double a, double b, double ga, double gb, double[] rhoA) {
    }

    /**
     * Locates a bracketed root to {@link DischargeAnalysis#TIME_TOLERANCE}: re-integrates [a, b] from
     * the stored ρ(a) with the same method and tolerances, evaluates the event function at every step
     * end to find the one step that holds the sign change, and runs Brent on that step's dense output.
     * Doing this after the main run keeps the main integration free of copies; it needs no state
     * copies of its own, so it fits wherever the main run fitted.
     */
    private Double refine(Bracket br, double[] start, PackedLindbladian kernel, String chosen, double[] tmp,
                          SymmetricLindbladKernel near, java.util.function.DoubleConsumer within) {
        final double[] packed = new double[start.length];
        // Unpacked only where the event reads when the samples are (the sudden-death event reads ρ's
        // sector blocks itself, so its brackets unpack whole).
        final java.util.function.BiConsumer<double[], double[]> unpack = near != null && !br.event().readsSectorBlocks
                ? near::unpackNear : kernel::unpack;
        final OdeIntegrator in = integrator(chosen, kernel.length());
        final double[] root = {Double.NaN};
        final double[] gStart = {br.ga()};
        // The start state is integrated in place (the caller passes a copy when it is still needed), and Brent runs inside
        // the step handler while that step's dense output is live: no state copies at any N.
        in.integrate(kernel, br.a(), start, br.b(), step -> {
            if (!Double.isNaN(root[0])) {
                return;
            }
            // Progress within the bracket: the first half by the re-integrated time, the second by
            // Brent's evaluations (each halves what is left: their number is not known in advance).
            within.accept(0.5 * (step.tEnd() - br.a()) / (br.b() - br.a()));
            step.interpolate(step.tEnd(), packed);
            unpack.accept(packed, tmp);
            double gEnd = step.tEnd() >= br.b() ? br.gb() : br.event().g.value(tmp, packed, null);
            if (gStart[0] == 0 || Math.signum(gEnd) != Math.signum(gStart[0])) {
                final double[] left = {0.5};
                java.util.function.DoubleUnaryOperator f = t -> {
                    within.accept(1 - left[0]);
                    left[0] *= 0.5;
                    step.interpolate(Math.max(step.tStart(), Math.min(step.tEnd(), t)), packed);
                    unpack.accept(packed, tmp);
                    return br.event().g.value(tmp, packed, null);
                };
                root[0] = Roots.brent(f, step.tStart(), step.tEnd(), gStart[0], gEnd, DischargeAnalysis.TIME_TOLERANCE);
            } else {
                gStart[0] = gEnd;
            }
        });
        if (Double.isNaN(root[0])) {
            // The re-integrated interval shows no sign change (the samples' difference is within the
            // tolerance): fall back to the secant between the bracketing samples.
            return br.a() + (br.b() - br.a()) * br.ga() / (br.ga() - br.gb());
        }
        return root[0];
    }

    /**
     * Whether a run looks for the state's symmetry at all (off only in tests: the unreduced run,
     * excitation-sector blocks and full spectra, is the oracle for every reduced one).
     */
    static boolean exploitSymmetry = true;

    /** Whether samples measured from the packed form are unpacked only where the measures read (off only in tests, to compare). */
    static boolean unpackOnlyWhatIsRead = true;

    /** Entanglement crossings (births and deaths, alternating) located per run at most. */
    public static final int MAX_ENTANGLEMENT_CROSSINGS = 16;

    /**
     * Up to this many cells the event brackets are located on all cores after the integration (each
     * needs a full matrix and an integrator of its own; below 11 cells the run already holds a sample
     * buffer per core and more, from 11 on only two matrices of 32 MB to 1 GB, so there they are
     * located one after another).
     */
    static final int MAX_CELLS_BRACKETS_SIDE_BY_SIDE = 10;

    /** Output samples from this many cells on are measured on a worker thread. */
    public static final int PIPELINE_CELLS = 7;

    /** Threads measuring output samples side by side. */
    static int measureWorkers(int cells) {
        return cells >= 11 ? 1 : Parallel.threads();
    }

    /** Samples in flight (unpacked, waiting for or under measurement) before the integrator waits. */
    static int maxLag(int cells) {
        return cells >= 11 ? 1 : 2 * measureWorkers(cells) + 1;
    }

    /** A sample waiting for its measures. */
    private static final class Pending {
        final int k;
        final double t;
        final double[] rho;
        /** The same sample packed: kept as a bracket start once the full matrix is released. */
        final double[] packed;
        Future<Observables> future;
        Observables now;

        Pending(int k, double t, double[] rho, double[] packed) {
            this.k = k;
            this.t = t;
            this.rho = rho;
            this.packed = packed;
        }

        boolean isDone() {
            return now != null || future.isDone();
        }

        Observables result() {
            if (now != null) {
                return now;
            }
            return Parallel.join(future);
        }
    }
}
