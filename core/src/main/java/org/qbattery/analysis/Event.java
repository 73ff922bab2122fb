package org.qbattery.analysis;

import java.util.ArrayList;
import java.util.List;
import org.qbattery.measures.Observables;

/**
 * A scalar event function of the state whose sign changes mark a characteristic time
 * ({@link DischargeAnalysis}); finds its first crossings, alternating direction after each one.
 * Both drivers ({@link SelfDischarge} on the register, {@link SymmetricDischarge} on the Dicke blocks)
 * set up the same events from the measures at t = 0 ({@link Set#of}) and assemble the same analysis.
 */
final class Event {
    @FunctionalInterface
    interface Gfun {
        /** The event function at ρ; {@code packed} is the same state in the kernel's form (or null), {@code known} its measures if already computed (or null). */
        double value(double[] rho, double[] packed, Observables known);
    }

    /** What the progress line shows while the event is located. */
    final String name;
    final Gfun g;
    final List<Double> roots = new ArrayList<>();
    /** Whether g reads ρ's excitation-sector blocks itself when it gets no sample's measures (then ρ must be whole). */
    boolean readsSectorBlocks;
    /** Whether g reads the measures that need ρ's spectrum (the ergotropy) or the pairs (the concurrence): what a driver measures for it. */
    boolean readsSpectrum, readsPairs;
    boolean upward;
    int maxRoots = 1;
    double prevT, prevG;

    Event(String name, boolean upward, Gfun g) {
        this.name = name;
        this.upward = upward;
        this.g = g;
    }

    boolean finished() {
        return roots.size() >= maxRoots;
    }

    Double first() {
        return roots.isEmpty() ? null : roots.get(0);
    }

    boolean crosses(double g) {
        return upward ? (prevG <= 0 && g > 0) : (prevG > 0 && g <= 0);
    }

    /**
     * The passivity gap's floor for a run integrated to {@code tolerances}: a gap ≥ −floor counts as
     * passive. Once a sector empties, its eigenvalues and the gap sit at zero up to the state's
     * integration error: each step keeps an element's error below atol + rtol·|ρ_ij| (empty sectors:
     * atol), and over the run's ≲ 100 steps (Weyl: an eigenvalue moves by at most the perturbation's
     * norm) the zeros read within ~100·atol; measured −2e-12 at atol 1e-12 and −1.4e-9 at 1e-10 (one
     * excitation, where the old fixed 1e-13 missed or delayed the death). The root then lies early by
     * floor / |gap'|, ~100·atol in time.
     */
    static double gapFloor(org.qbattery.kernel.Tolerances tolerances) {
        return Math.max(1e-13, 100 * tolerances.atol());
    }

    /**
     * The events of one run: ergotropy and energy half-lives, the ergotropy's sudden death (only for a
     * state without coherence between excitation sectors, which is not passive at t = 0) and the
     * entanglement crossings, each with the register's fallback evaluation where a driver passes one
     * (null fallbacks: every evaluation comes with its measures).
     */
    static final class Set {
        final List<Event> all = new ArrayList<>();
        Event halfE, halfU, death, entanglement;
        /** Times to fractions of E(0) and U(0), by fraction: 1/2 (the half-lives) and those asked for; absent where E(0) or U(0) is zero. */
        final java.util.SortedMap<Double, Event> fractionE = new java.util.TreeMap<>(), fractionU = new java.util.TreeMap<>();
        double[] fractions = new double[0];
        String deathNote;
        boolean entangledAtStart;

        /**
         * @param rho0           ρ(0) on the register where the fallbacks read it (null without fallbacks)
         * @param first          the measures at t = 0
         * @param sectorDiagonal whether ρ(0) has no coherence between excitation sectors
         * @param passiveAtStart whether ρ(0) is passive, its gap ≥ −gapFloor (only asked when sector-diagonal)
         * @param withPairs      whether the battery has pairs and concurrence is computed
         * @param gapFloor       {@link #gapFloor} of the run
         * @param fractions      f in (0, 1) for which the first times of E = f·E(0) and U = f·U(0) are wanted
         */
        static Set of(double[] rho0, Observables first, boolean events, boolean spectral, boolean withPairs, boolean sectorDiagonal,
                      java.util.function.BooleanSupplier passiveAtStart, double gapFloor, double[] fractions, Gfun ergotropy,
                      Gfun energy, Gfun gap, Gfun concurrence) {
            Set s = new Set();
            s.fractions = fractions.clone();
            double e0 = first.ergotropy(), u0 = first.energy();
            // The half-lives are the fraction 1/2, asked for or not: one event each.
            java.util.SortedSet<Double> located = new java.util.TreeSet<>();
            located.add(0.5);
            for (double f : fractions) {
                located.add(f);
            }
            for (double f : events ? located : java.util.Set.<Double>of()) {
                String at = f == 0.5 ? " half-life" : " at " + (float) (100 * f) + "%";
                if (spectral && e0 > 0) {
                    Event e = new Event("ergotropy" + at, false, (r, p, o) -> ergotropy.value(r, p, o) - f * e0);
                    e.readsSpectrum = true;
                    s.fractionE.put(f, e);
                    s.all.add(e);
                }
                if (u0 > 0) {
                    Event e = new Event("energy" + at, false, (r, p, o) -> energy.value(r, p, o) - f * u0);
                    s.fractionU.put(f, e);
                    s.all.add(e);
                }
            }
            s.halfE = s.fractionE.get(0.5);
            s.halfU = s.fractionU.get(0.5);
            if (!sectorDiagonal) {
                s.deathNote = "never: the state has coherence between excitation sectors, which decays but never vanishes, so E > 0 for all t";
            } else if (passiveAtStart.getAsBoolean()) {
                s.deathNote = "passive at t = 0";
            } else if (events) {
                s.deathNote = "root of the passivity gap min_k[lambda_min(rho_k) - lambda_max(rho_k+1)] on dense output";
                s.death = new Event("sudden death", true, (r, p, o) -> gap.value(r, p, o) + gapFloor);
                s.death.readsSectorBlocks = true;
                s.all.add(s.death);
            } else {
                s.deathNote = "not computed (events off)";
            }
            for (Event e : s.all) {
                e.prevT = 0;
                e.prevG = e.g.value(rho0, null, first);
            }
            if (events && withPairs) {
                // Crossings are located on the signed concurrence max_edges(λ1−λ2−λ3−λ4), which is smooth
                // through zero; only the decision "entangled at t = 0" needs the round-off floor.
                double floor = DischargeAnalysis.ENTANGLEMENT_FLOOR;
                s.entanglement = new Event("entanglement time", true, concurrence);
                s.entanglement.readsPairs = true;
                double h0 = concurrence.value(rho0, null, first);
                s.entangledAtStart = h0 > floor;
                s.entanglement.upward = !s.entangledAtStart;
                s.entanglement.maxRoots = SelfDischarge.MAX_ENTANGLEMENT_CROSSINGS;
                s.entanglement.prevT = 0;
                s.entanglement.prevG = Math.abs(h0) <= floor ? 0.0 : h0;
                s.all.add(s.entanglement);
            }
            return s;
        }

        /** The characteristic times once every event has been located. */
        DischargeAnalysis analysis() {
            Double deathTime = death != null ? death.first() : (deathNote.startsWith("passive") ? Double.valueOf(0.0) : null);
            Double birthTime = null, disentangleTime = null;
            if (entanglement != null) {
                if (entangledAtStart) {
                    disentangleTime = entanglement.first();
                } else {
                    birthTime = entanglement.first();
                    disentangleTime = entanglement.roots.size() > 1 ? entanglement.roots.get(1) : null;
                }
            }
            java.util.SortedMap<Double, Double> timesE = new java.util.TreeMap<>(), timesU = new java.util.TreeMap<>();
            for (double f : fractions) {
                // A quantity that starts at zero has no fraction of it to reach: null, like one that is not reached.
                timesE.put(f, fractionE.containsKey(f) ? fractionE.get(f).first() : null);
                timesU.put(f, fractionU.containsKey(f) ? fractionU.get(f).first() : null);
            }
            return new DischargeAnalysis(halfE != null ? halfE.first() : null, halfU != null ? halfU.first() : null,
                    deathTime, deathNote, birthTime, disentangleTime,
                    entanglement == null ? List.of() : List.copyOf(entanglement.roots), entangledAtStart, timesE, timesU);
        }
    }
}
