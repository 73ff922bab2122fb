package org.qbattery.measures;

import org.qbattery.kernel.PackedLindbladian;

/**
 * Every figure of merit of one state (physics.md §3), energies in the units of the {@code omega} passed
 * (SelfDischarge passes 1: energies in units of ω).
 *
 * @param energy              U = tr(ρH0)
 * @param ergotropy           E, paper Eq. 1 (NaN when spectral measures are off)
 * @param efficiency          ε = E/U (0 when U = 0), paper Figs. 2b–4b
 * @param concurrence         Wootters concurrence averaged over the graph's edges, Eq. 13
 * @param coherence           normalised l1-coherence, Fig. 5
 * @param incoherentErgotropy E(Δ[ρ])
 * @param coherentErgotropy   E − E(Δ[ρ])
 * @param capacity            Σ ε↑(r↑ − r↓)
 * @param localErgotropy      Σn E(ρn)
 * @param entropy             von Neumann entropy (nats)
 * @param purity              tr ρ²
 * @param trace               tr ρ (1 up to integration error)
 * @param minEigenvalue       smallest eigenvalue of ρ (≥ 0 up to integration error)
 * @param passivityGap        {@link Passivity} gap when ρ commutes with H0 and spectra were computed (without the register:
 *                            whenever ρ commutes with H0, read from the sector diagonals), else NaN
 *                            (not a CSV column: it feeds the sudden-death event without a second diagonalisation)
 * @param maxSignedConcurrence largest signed concurrence λ1−λ2−λ3−λ4 over the pairs (NaN without pairs or
 *                            when pairwise measures are off; not a CSV column: it feeds the entanglement event)
 */
public record Observables(double energy, double ergotropy, double efficiency, double concurrence, double coherence,
                          double incoherentErgotropy, double coherentErgotropy, double capacity,
                          double localErgotropy, double entropy, double purity, double trace, double minEigenvalue,
                          double passivityGap, double maxSignedConcurrence) {

    /** Column names, in CSV order; the first six are the CLI contract. */
    public static final String[] COLUMNS = {"energy", "ergotropy", "efficiency", "concurrence", "coherence",
        "ergotropy_incoherent", "ergotropy_coherent", "capacity", "ergotropy_local", "entropy", "purity",
        "trace", "min_eigenvalue"};

    public double[] values() {
        return new double[] {energy, ergotropy, efficiency, concurrence, coherence, incoherentErgotropy,
            coherentErgotropy, capacity, localErgotropy, entropy, purity, trace, minEigenvalue};
    }

    /**
     * Computes all measures.
     *
     * @param pairs    cell pairs for the averaged concurrence (the graph's edges)
     * @param spectral whether to diagonalise ρ (ergotropy, capacity, entropy): O(D³), the dominant cost at large N
     * @param pairwise whether to compute concurrence
     */
    public static Observables of(double[] rho, int cells, double omega, int[][] pairs, boolean spectral, boolean pairwise) {
        return of(rho, cells, omega, pairs, spectral, pairwise, null);
    }

    /**
     * As above, with a symmetry that leaves ρ invariant: the spectrum is computed block by block and
     * the pairwise measures on one pair per orbit of pairs.
     */
    public static Observables of(double[] rho, int cells, double omega, int[][] pairs, boolean spectral, boolean pairwise,
                                 CyclicSymmetry symmetry) {
        return of(rho, cells, omega, pairs, spectral, pairwise, symmetry, null, null);
    }

    /**
     * As above, with the same state also in {@code kernel}'s packed form ({@code packed}; both null
     * when not at hand): the l1-coherence and the purity are then summed over the packed values
     * ({@link PackedLindbladian#offDiagonalL1AndPurity}) and total-spin blocks formed from them
     * ({@link CyclicSymmetry#withOrbits}) where the kernel and the symmetry provide for it.
     */
    public static Observables of(double[] rho, int cells, double omega, int[][] pairs, boolean spectral, boolean pairwise,
                                 CyclicSymmetry symmetry, PackedLindbladian kernel, double[] packed) {
        double[] l1AndPurity = kernel != null && packed != null ? kernel.offDiagonalL1AndPurity(packed) : null;
        int d = Register.dimension(rho, cells);
        double u = Energy.of(rho, cells, omega);
        double tr = 0;
        for (int i = 0; i < d; i++) {
            tr += rho[2 * (i * d + i)];
        }
        double e = Double.NaN, cap = Double.NaN, s = Double.NaN, minEig = Double.NaN, eps = Double.NaN, ec = Double.NaN;
        double ei = Ergotropy.incoherent(rho, cells, omega);
        double gap = Double.NaN;
        if (spectral) {
            double[] eig;
            Boolean known = kernel != null && packed != null ? kernel.commutesWithH0(packed) : null;
            if (known != null ? known : Spectrum.commutesWithH0(rho, cells)) {
                // One set of sector diagonalisations serves the spectrum and the passivity gap.
                double[][] sectors = Spectrum.sectorSpectra(rho, cells, symmetry, packed);
                eig = Spectrum.merge(sectors, cells);
                gap = Passivity.gapFromSectorSpectra(sectors, cells);
            } else {
                eig = Spectrum.withCoherence(rho, cells, symmetry, packed);
            }
            e = Ergotropy.fromSpectrum(eig, cells, omega, u);
            cap = Capacity.fromSpectrum(eig, cells, omega);
            s = Entropy.vonNeumann(eig);
            minEig = eig[0];
            eps = u > 0 ? e / u : 0.0;
            ec = Math.max(0.0, e - ei);
        }
        double c = Double.NaN, cmax = Double.NaN;
        if (pairwise) {
            double[] stats;
            if (symmetry != null) {
                CyclicSymmetry.PairOrbits orbits = symmetry.pairOrbits(pairs);
                stats = Concurrence.edgeStatistics(rho, cells, orbits.representatives(), orbits.sizes());
            } else {
                stats = Concurrence.edgeStatistics(rho, cells, pairs);
            }
            c = stats[0];
            cmax = stats[1];
        }
        double coherence = l1AndPurity != null ? (d == 1 ? 0 : l1AndPurity[0] / (d - 1)) : Coherence.l1Normalised(rho, cells);
        double purity = l1AndPurity != null ? l1AndPurity[1] : Entropy.purity(rho);
        return new Observables(u, e, eps, c, coherence, ei, ec, cap,
                LocalErgotropy.of(rho, cells, omega), s, purity, tr, minEig, gap, cmax);
    }
}
