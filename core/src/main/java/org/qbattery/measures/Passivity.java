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
        double[] lowest = new double[cells + 1], highest = new double[cells + 1];
        for (int k = 0; k <= cells; k++) {
            lowest[k] = s[k][0];
            highest[k] = s[k][s[k].length - 1];
        }
        return gapFromExtremes(lowest, highest);
    }

    /** The gap from each sector's smallest and largest eigenvalue (sectors k = 0 … N). */
    public static double gapFromExtremes(double[] lowest, double[] highest) {
        double g = Double.POSITIVE_INFINITY;
        for (int k = 0; k + 1 < lowest.length; k++) {
            g = Math.min(g, lowest[k] - highest[k + 1]);
        }
        return lowest.length == 1 ? 0 : g;
    }
}
