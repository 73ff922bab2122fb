package org.qbattery.measures;

import java.util.Arrays;

/**
 * Ergotropy, the most work a cyclic unitary can extract (paper Eq. 1):
 * <pre>  E = tr(ρH0) − Σk r_k↓ ε_k↑  </pre>
 * with r↓ the eigenvalues of ρ in descending order and ε↑ those of H0 ascending (with
 * degeneracies). Only the spectrum of ρ is needed. Round-off is clamped so that 0 ≤ E ≤ U.
 *
 * <p>{@link #of(double[], double[], int)} takes any Hamiltonian H instead of H0.
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

    /**
     * E(ρ) with respect to any Hamiltonian {@code h} (d×d, Hermitian, stored as ρ is: row-major,
     * interleaved re, im): {@code E = tr(ρH) − Σk r_k↓ ε_k↑} with ε the eigenvalues of H (paper Eq. 1
     * for a general H). For the battery's own H0 = ω Σ σn⁺σn⁻ use {@link #of(double[], int, double)};
     * this one serves, e.g., the ergotropy with respect to H0 + H_int, or a state of another system.
     * Round-off is clamped at E ≥ 0 (E ≤ tr(ρH) − ε_min holds but is not enforced: H may be indefinite).
     *
     * @throws IllegalArgumentException if the arrays do not both hold a d×d complex matrix
     */
    public static double of(double[] rho, double[] h, int d) {
        if (d < 1 || rho.length != 2 * d * d || h.length != 2 * d * d) {
            throw new IllegalArgumentException("rho and h must both hold " + 2L * d * d + " doubles (a " + d + "x" + d
                    + " complex matrix), got " + rho.length + " and " + h.length);
        }
        double energy = 0; // tr(ρH) = Σ_ij ρ_ij H_ji, real for Hermitian ρ and H
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                int ij = 2 * (i * d + j), ji = 2 * (j * d + i);
                energy += rho[ij] * h[ji] - rho[ij + 1] * h[ji + 1];
            }
        }
        double[] r = org.qbattery.kernel.HermitianEigenvalues.of(rho, d), eps = org.qbattery.kernel.HermitianEigenvalues.of(h, d);
        double passive = 0;
        for (int k = 0; k < d; k++) {
            passive += r[d - 1 - k] * eps[k];
        }
        return Math.max(0.0, energy - passive);
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
