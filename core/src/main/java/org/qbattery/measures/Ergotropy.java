package org.qbattery.measures;

import java.util.Arrays;

/**
 * Ergotropy, the most work a cyclic unitary can extract (paper Eq. 1):
 * <pre>  E = tr(ρH0) − Σk r_k↓ ε_k↑  </pre>
 * with r↓ the eigenvalues of ρ in descending order and ε↑ those of H0 ascending (with
 * degeneracies). Only the spectrum of ρ is needed. Round-off is clamped so that 0 ≤ E ≤ U.
 *
 * <p>Also: incoherent ergotropy {@code E_i = E(Δ[ρ])} (Δ = dephasing in the energy basis) and
 * coherent ergotropy {@code E_c = E − E_i ≥ 0} (Francica et al., PRL 125, 180603, 2020).
 */
public final class Ergotropy {
    private Ergotropy() {
    }

    /** E(ρ) in absolute units (multiples of ω). */
    public static double of(double[] rho, int cells, double omega) {
        return fromSpectrum(Spectrum.of(rho, cells), cells, omega, Energy.of(rho, cells, omega));
    }

    /** E(ρ) for a ρ invariant under {@code symmetry} (block-wise spectrum). */
    public static double of(double[] rho, int cells, double omega, CyclicSymmetry symmetry) {
        return of(rho, cells, omega, symmetry, null);
    }

    /** As above, with the same state packed for {@link CyclicSymmetry#withOrbits} (or null). */
    public static double of(double[] rho, int cells, double omega, CyclicSymmetry symmetry, double[] packed) {
        return of(rho, cells, omega, symmetry, packed, null);
    }

    /**
     * As above, with whether ρ has no coherence between excitation sectors already known (null: read
     * from {@code rho}); see {@link Spectrum#of(double[], int, CyclicSymmetry, double[], Boolean)}.
     */
    public static double of(double[] rho, int cells, double omega, CyclicSymmetry symmetry, double[] packed, Boolean sectorDiagonal) {
        return fromSpectrum(Spectrum.of(rho, cells, symmetry, packed, sectorDiagonal), cells, omega, Energy.of(rho, cells, omega));
    }

    /** Passive-state energy {@code Σ r↓ ε↑} from ascending eigenvalues of ρ. */
    public static double passiveEnergy(double[] eigAscending, int cells, double omega) {
        double[] lv = Register.levelsAscending(cells);
        int d = lv.length;
        double s = 0;
        for (int k = 0; k < d; k++) {
            s += eigAscending[d - 1 - k] * lv[k];
        }
        return omega * s;
    }

    /** E from the ascending spectrum of ρ and its energy U. */
    public static double fromSpectrum(double[] eigAscending, int cells, double omega, double energy) {
        // 0 ≤ E ≤ U exactly (the passive energy is ≥ 0); clamp the round-off of the spectrum.
        return Math.min(energy, Math.max(0.0, energy - passiveEnergy(eigAscending, cells, omega)));
    }

    /** Incoherent ergotropy E(Δ[ρ]): the populations alone, sorted. */
    public static double incoherent(double[] rho, int cells, double omega) {
        int d = Register.dimension(rho, cells);
        double[] p = new double[d];
        for (int i = 0; i < d; i++) {
            p[i] = rho[2 * (i * d + i)];
        }
        Arrays.sort(p);
        return fromSpectrum(p, cells, omega, Energy.of(rho, cells, omega));
    }
}
