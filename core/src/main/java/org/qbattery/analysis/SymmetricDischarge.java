package org.qbattery.analysis;

import java.util.List;
import org.qbattery.kernel.DickeBlocks;
import org.qbattery.kernel.IntegrationStats;
import org.qbattery.kernel.OdeIntegrator;
import org.qbattery.kernel.Roots;
import org.qbattery.kernel.LinearOdeSystem;
import org.qbattery.kernel.StarGenerator;
import org.qbattery.kernel.SymmetricGenerator;
import org.qbattery.kernel.TaylorPropagator;
import org.qbattery.kernel.Tolerances;
import org.qbattery.measures.DickeMeasures;
import org.qbattery.measures.Observables;
import org.qbattery.measures.StarMeasures;
import org.qbattery.model.Battery;
import org.qbattery.model.InvalidParameterException;
import org.qbattery.model.SymmetricState;

/**
 * The self-discharge without the 2^N register, from 2 to {@link Battery#MAX_SYMMETRIC_CELLS} cells: on the
 * complete graph from a permutation-invariant state (ρ(t) stays invariant under every cell permutation:
 * the run integrates its Dicke blocks and count orbits, {@link SymmetricGenerator}, ~N³/3 complex
 * numbers, measured by {@link DickeMeasures}), and on the star from a state invariant under every
 * permutation of the leaves (hub ⊗ the leaves' two forms, {@link StarGenerator}, ~4·N³/3 numbers,
 * measured by {@link StarMeasures}). Same outputs as {@link SelfDischarge}'s register run (tested against
 * it up to 9 cells).
 *
 * <p>Events are located as on the register (sign changes, then Brent on the dense output) but without
 * re-integrating: the event functions are also evaluated at every step's end, so each sign change lies
 * inside one step, whose dense output is at hand.
 */
final class SymmetricDischarge {
    private SymmetricDischarge() {
    }

    /** How a result's representation string starts when it comes from here. */
    static final String REPRESENTATION = "no 2^N register";

    /** Doubles of the integrated state (both forms) for {@code cells} cells, as a long: sizes are checked before arrays exist. */
    static long stateDoubles(int cells) {
        long orbits = (long) (cells + 1) * (cells + 2) * (cells + 3) / 6;
        return DickeBlocks.bytes(cells) / 8 + 2 * orbits;
    }

    /** Heap for one run: the integrator's vectors, generators of ~20 couplings per element, the samples' copies. */
    static long estimateBytes(int cells, String method, boolean star) {
        int vectors = switch (method) {
            case "dopri5" -> SelfDischarge.VECTORS_DOPRI5;
            case "dop853" -> SelfDischarge.VECTORS;
            default -> SelfDischarge.VECTORS_TAYLOR;
        };
        long doubles = star ? 4 * stateDoubles(cells - 1) : stateDoubles(cells);
        return 8 * doubles * (vectors + 2) + 12 * doubles * 20;
    }

    /** One of the two ways to hold a state without the register: what a run needs of it. */
    private interface Form {
        LinearOdeSystem generator();

        double[] initial(String spec);

        /** The measures of state {@code v}; the l1-coherence only with {@code coherence} (NaN otherwise). */
        Observables measure(double[] v, boolean spectral, boolean pairwise, boolean coherence);

        String describe();
    }

    /** The complete graph, or uncoupled cells (the complete graph with J = Γ_icl = 0): Dicke blocks and count orbits of all N cells. */
    private static Form complete(Battery battery) {
        final SymmetricGenerator g = new SymmetricGenerator(battery.collectiveGenerator(), battery.countOrbitGenerator());
        final DickeBlocks layout = g.dicke().layout();
        final int n = battery.cells();
        // Pairs for the concurrence: any, if the cells exchange or share a bath.
        final boolean edges = SelfDischarge.pairs(battery).length > 0;
        return new Form() {
            public LinearOdeSystem generator() {
                return g;
            }

            public double[] initial(String spec) {
                SymmetricState s = SymmetricState.parse(spec, layout, g.orbits());
                return g.join(s.dicke(), s.orbits());
            }

            public Observables measure(double[] v, boolean spectral, boolean pairwise, boolean coherence) {
                return DickeMeasures.of(v, layout, spectral, pairwise, edges, coherence ? g.orbits().l1Coherence(v, g.orbitsAt()) : Double.NaN);
            }

            public String describe() {
                return String.format(java.util.Locale.ROOT, "%s: permutation-invariant state on the %s, Dicke blocks "
                                + "j = %s..%s (%d complex weights B_j = d_j rho_j, %d couplings) for the spectrum and all measures but "
                                + "the l1-coherence, and %d count orbits of matrix elements (%d couplings) for that",
                        REPRESENTATION, !battery.graph().edges().isEmpty() ? "complete graph"
                                : edges ? "empty graph (uncoupled cells) sharing a bath (leakage on the complete graph)" : "empty graph (uncoupled cells)",
                        half(n), n % 2 == 0 ? "0" : "1/2", layout.elements(), g.dicke().couplings(),
                        g.orbits().types(), g.orbits().couplings());
            }
        };
    }

    /** The star: the hub's four labels times the leaves' Dicke blocks and count orbits. */
    private static Form star(Battery battery) {
        final StarGenerator g = battery.starGenerator();
        final int m = battery.cells() - 1;
        return new Form() {
            public LinearOdeSystem generator() {
                return g;
            }

            public double[] initial(String spec) {
                return SymmetricState.star(spec, g);
            }

            public Observables measure(double[] v, boolean spectral, boolean pairwise, boolean coherence) {
                return StarMeasures.of(v, g, spectral, pairwise, coherence);
            }

            public String describe() {
                return String.format(java.util.Locale.ROOT, "%s: the star's hub (cell 0) times a state of its %d leaves that every "
                                + "permutation of them leaves invariant, rho = sum_ab |a><b| (x) X^ab, each X^ab as Dicke blocks j = %s..%s "
                                + "(%d complex weights) and %d count orbits; %d numbers in all",
                        REPRESENTATION, m, half(m), m % 2 == 0 ? "0" : "1/2", g.layout().elements(), g.orbits().types(), g.length() / 2);
            }
        };
    }

    static DischargeResult run(Battery battery, String spec, TimeGrid grid, Tolerances tolerances, String method,
                               boolean spectral, boolean pairwise, boolean events, double[] fractions, ProgressListener progress) {
        long start = System.nanoTime();
        final int n = battery.cells();
        progress.progress(0, 1, "building the Liouvillian");
        final Form form = battery.permutationInvariant() ? complete(battery) : star(battery);
        progress.progress(0, 1, "preparing the initial state");
        final double[] y = form.initial(spec);
        final double[] times = grid.times();
        final double[][] rows = new double[times.length][];
        final java.util.function.Function<double[], Observables> measure = v -> form.measure(v, spectral, pairwise, true);

        progress.progress(0, 1, "measuring t = 0");
        Observables first = measure.apply(y);
        rows[0] = first.values();
        // The passivity gap is defined exactly when ρ has no coherence between excitation sectors.
        final double gapAtStart = first.passivityGap();
        final Event.Set set = Event.Set.of(null, first, events, spectral, pairwise && n >= 2 && SelfDischarge.pairs(battery).length > 0,
                !Double.isNaN(gapAtStart),
                () -> gapAtStart >= -Event.gapFloor(tolerances), Event.gapFloor(tolerances), fractions,
                (r, p, o) -> o.ergotropy(), (r, p, o) -> o.energy(), (r, p, o) -> o.passivityGap(),
                (r, p, o) -> o.maxSignedConcurrence());
        final List<Event> ev = set.all;

        // All 40 Taylor powers: the memory check's allowance for the generators (20 couplings of 12 bytes per
        // double) leaves room for them; measured at 128 cells on the complete graph, a heap the check just
        // admits (690 MB; it needs 683) runs with 40 powers, where sizing the degree to that allowance took 20% longer.
        final OdeIntegrator integrator = SelfDischarge.integrator(method.equals("auto") ? "taylor" : method, tolerances,
                TaylorPropagator.MAX_DEGREE);
        final double tEnd = times[times.length - 1];
        final int[] next = {1};
        final double[] sample = new double[y.length];
        final double[] previousT = {0};
        progress.progress(0, tEnd, "integrating");
        IntegrationStats stats = integrator.integrate(form.generator(), 0.0, y, tEnd, step -> {
            // The output times inside this step, then the step's end: every evaluation of the events
            // lies in the step that starts at the previous one, so a bracket never spans two steps.
            while (true) {
                boolean output = next[0] < times.length && times[next[0]] <= step.tEnd() + 1e-12 * Math.max(1, step.tEnd());
                double t = output ? Math.min(times[next[0]], step.tEnd()) : step.tEnd();
                List<Event> open = ev.stream().filter(e -> !e.finished()).toList();
                if (!output && (t <= previousT[0] || open.isEmpty())) {
                    break;
                }
                step.interpolate(t, sample);
                // A step end is measured only for what the open events read (at 50 cells most steps end
                // between output times, and the spectra and the coherence are most of a measurement).
                Observables o = output ? measure.apply(sample) : form.measure(sample,
                        spectral && open.stream().anyMatch(e -> e.readsSpectrum), pairwise && open.stream().anyMatch(e -> e.readsPairs), false);
                if (output) {
                    rows[next[0]++] = o.values();
                    progress.progress(t, tEnd, "integrating");
                }
                for (Event e : open) {
                    double g = e.g.value(null, null, o);
                    if (e.crosses(g)) {
                        final double[] buffer = new double[y.length];
                        // The passivity gap needs no spectra here (sector diagonals): only the ergotropy does.
                        final boolean spectra = e.readsSpectrum, pairs = e.readsPairs;
                        java.util.function.DoubleUnaryOperator f = s -> {
                            step.interpolate(Math.max(step.tStart(), Math.min(step.tEnd(), s)), buffer);
                            return e.g.value(null, null, form.measure(buffer, spectra, pairs, false));
                        };
                        e.roots.add(Roots.brent(f, e.prevT, t, e.prevG, g, DischargeAnalysis.TIME_TOLERANCE));
                        e.upward = !e.upward;
                    }
                    e.prevT = t;
                    e.prevG = g;
                }
                previousT[0] = t;
                if (!output) {
                    break;
                }
            }
        });
        String representation = form.describe();
        double wall = (System.nanoTime() - start) * 1e-9;
        return new DischargeResult(battery, spec, times, rows, set.analysis(), integrator.name(), representation, tolerances,
                stats, wall);
    }

    private static String half(int n) {
        return n % 2 == 0 ? Integer.toString(n / 2) : n + "/2";
    }

    /** Refuses a run whose two forms do not fit in {@code budget} bytes of heap. */
    static void requireMemory(int cells, String method, boolean star, long budget) {
        String m = method.equals("auto") ? "taylor" : method;
        long need = estimateBytes(cells, m, star);
        if (need > budget) {
            int fit = cells;
            while (fit > 2 && estimateBytes(fit, m, star) > budget) {
                fit--;
            }
            throw new InvalidParameterException("cells", String.format(java.util.Locale.ROOT,
                    "%d cells on the %s need about %.1f GiB of heap but this JVM may use %.1f GiB; allowed here: "
                            + "cells <= %d (or raise the heap with QBATTERY_JAVA_OPTS=-Xmx...)",
                    cells, star ? "star" : "complete graph", need / 1073741824.0, budget / 0.9 / 1073741824.0, fit));
        }
    }
}
