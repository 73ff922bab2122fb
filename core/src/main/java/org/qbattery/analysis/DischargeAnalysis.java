package org.qbattery.analysis;

/**
 * Characteristic times of one self-discharge run, each located by root-finding on the integrator's
 * dense output (not read off the output grid). {@code null} means the event does not happen before
 * {@code t-max} (or, for sudden death, never: see {@link #suddenDeathNote()}).
 *
 * @param ergotropyHalfLife     first t with E(t) = E(0)/2 (paper τ½, Fig. 2a)
 * @param energyHalfLife        first t with U(t) = U(0)/2
 * @param ergotropySuddenDeath  first t at which E reaches 0 (passive state), physics.md §3
 * @param suddenDeathNote       why sudden death is null, or how it was found
 * @param entanglementBirth     for a state not entangled at t = 0 (largest edge concurrence ≤ {@link #ENTANGLEMENT_FLOOR}):
 *                              first t at which some edge's signed concurrence λ1−λ2−λ3−λ4 becomes positive
 * @param entanglementDeath     first t after t = 0 or after birth at which every edge's signed concurrence reaches zero
 * @param entanglementCrossings every birth and death in order (alternating), up to 16 per run
 * @param entangledAtStart      whether some edge's concurrence exceeds the floor at t = 0
 * @param ergotropyFractions    for each fraction f asked for ({@link SelfDischarge#fractions}): the first t with
 *                              E(t) = f·E(0), or null (the half-life is f = 1/2); ascending f
 * @param energyFractions       the same for U
 */
public record DischargeAnalysis(Double ergotropyHalfLife, Double energyHalfLife, Double ergotropySuddenDeath,
                                String suddenDeathNote, Double entanglementBirth, Double entanglementDeath,
                                java.util.List<Double> entanglementCrossings, boolean entangledAtStart,
                                java.util.SortedMap<Double, Double> ergotropyFractions, java.util.SortedMap<Double, Double> energyFractions) {

    /** Without fractions asked for. */
    public DischargeAnalysis(Double ergotropyHalfLife, Double energyHalfLife, Double ergotropySuddenDeath, String suddenDeathNote,
                             Double entanglementBirth, Double entanglementDeath, java.util.List<Double> entanglementCrossings,
                             boolean entangledAtStart) {
        this(ergotropyHalfLife, energyHalfLife, ergotropySuddenDeath, suddenDeathNote, entanglementBirth, entanglementDeath,
                entanglementCrossings, entangledAtStart, new java.util.TreeMap<>(), new java.util.TreeMap<>());
    }

    /** Births after the first death: entanglement that comes back (empty when it never does). */
    public java.util.List<Double> entanglementRebirths() {
        java.util.List<Double> r = new java.util.ArrayList<>();
        // crossings alternate birth/death, starting with a death when entangled at t = 0
        for (int i = 0; i < entanglementCrossings.size(); i++) {
            boolean birth = entangledAtStart ? i % 2 == 1 : i % 2 == 0;
            boolean afterFirstDeath = entangledAtStart ? i >= 1 : i >= 2;
            if (birth && afterFirstDeath) {
                r.add(entanglementCrossings.get(i));
            }
        }
        return r;
    }

    /**
     * Concurrence below this at t = 0 counts as "not entangled at the start": near pure product states √eig(√ρ ρ̃ √ρ) carries round-off of
     * order √ε_machine·‖ρ‖ ≈ 1e-8, so a smaller threshold would report noise as entanglement.
     */
    public static final double ENTANGLEMENT_FLOOR = 1e-7;

    /** Root-finding tolerance on t. */
    public static final double TIME_TOLERANCE = 1e-12;
}
