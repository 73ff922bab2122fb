package org.qbattery.measures;

/**
 * Passivity of a state that commutes with H0 (physics.md §3, "ergotropy sudden death").
 *
 * <p>ρ is passive (E = 0) iff it commutes with H0 and its populations do not increase with energy.
 * For block-diagonal ρ (blocks = excitation sectors k = 0..N) that is
 * <pre>  gap(ρ) = min_k [ λmin(ρ_k) − λmax(ρ_{k+1}) ] ≥ 0  </pre>
 * (over non-empty sectors). The gap is continuous and changes sign where E first reaches zero, so
 * the sudden-death time is found by root-finding on it rather than on E, which only touches zero.
 * A state with any coherence between sectors is never passive, and it keeps that coherence for
 * all finite t (the coherences obey a linear ODE with an invertible propagator): its ergotropy
 * never dies.
 */
public final class Passivity {
    private Passivity() {
    }

    public static double gap(double[] rho, int cells) {
        return gapFromSectorSpectra(Spectrum.sectorSpectra(rho, cells), cells);
    }

    /** The gap from already computed sector spectra ({@link Spectrum#sectorSpectra}). */
    public static double gapFromSectorSpectra(double[][] s, int cells) {
        double g = Double.POSITIVE_INFINITY;
        for (int k = 0; k < cells; k++) {
            double lo = s[k][0];
            double hi = s[k + 1][s[k + 1].length - 1];
            g = Math.min(g, lo - hi);
        }
        return cells == 0 ? 0 : g;
    }
}
