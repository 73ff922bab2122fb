package org.qbattery.measures;

/**
 * Battery capacity {@code C = Σk ε_k↑ (r_k↑ − r_k↓)}: the energy gap between the most and the
 * least energetic states unitarily reachable from ρ (Yang et al., PRL 131, 030402, 2023).
 */
public final class Capacity {
    private Capacity() {
    }

    public static double fromSpectrum(double[] eigAscending, int cells, double omega) {
        double[] lv = Register.levelsAscending(cells);
        int d = lv.length;
        double s = 0;
        for (int k = 0; k < d; k++) {
            s += lv[k] * (eigAscending[k] - eigAscending[d - 1 - k]);
        }
        return Math.max(0.0, omega * s);
    }

    public static double of(double[] rho, int cells, double omega) {
        return fromSpectrum(Spectrum.of(rho, cells), cells, omega);
    }
}
