package org.qbattery.measures;

/**
 * Local ergotropy {@code Σn E(ρn)}: what unitaries acting on each cell separately can extract
 * (exact for the non-interacting H0). For one cell with Bloch vector (x, y, z), z = ρee − ρgg:
 * {@code E = ω (z + |r|)/2} (physics.md §3). {@code E − Σn E(ρn) ≥ 0} is what correlations add.
 */
public final class LocalErgotropy {
    private LocalErgotropy() {
    }

    /** Single-cell ergotropy from a 2×2 state (local index 0 = g, 1 = e). */
    public static double singleCell(double[] r2, double omega) {
        double z = r2[6] - r2[0];
        double x = 2 * r2[4], y = 2 * r2[5];
        return Math.max(0.0, omega * (z + Math.sqrt(x * x + y * y + z * z)) / 2);
    }

    public static double of(double[] rho, int cells, double omega) {
        double s = 0;
        for (int n = 0; n < cells; n++) {
            s += singleCell(PartialTrace.singleCell(rho, cells, n), omega);
        }
        return s;
    }
}
