package org.qbattery.kernel;

/**
 * A master equation's right-hand side acting on a packed form of ρ (fewer numbers than the D×D
 * matrix, exactly), with the conversions to and from the full row-major D×D matrix (interleaved
 * re, im; bit n of an index set when cell n is excited) that the measures read.
 */
public interface PackedLindbladian extends LinearOdeSystem {
    /** Doubles in the packed state. */
    int length();

    /** Writes the packed form of the full Hermitian matrix {@code full} into {@code packed}. */
    void pack(double[] full, double[] packed);

    /** Writes the full Hermitian D×D matrix described by {@code packed} (every element of {@code full}: it may be reused). */
    void unpack(double[] packed, double[] full);

    /**
     * {Σ_{i≠j} |ρ_ij|, Σ_ij |ρ_ij|²} of the full matrix read from the packed form (no unpacking),
     * or null when this form does not provide them (then read the full matrix).
     */
    default double[] offDiagonalL1AndPurity(double[] packed) {
        return null;
    }

    /**
     * Whether the state has no coherence between excitation sectors (every element ρ(s, c) with
     * popcount s ≠ popcount c exactly zero), read from the packed form; null when this form does not
     * tell (then read the full matrix).
     */
    default Boolean commutesWithH0(double[] packed) {
        return null;
    }

    /** The packed form of {@code full} in a new array. */
    default double[] pack(double[] full) {
        double[] p = new double[length()];
        pack(full, p);
        return p;
    }
}
