package org.qbattery.measures;

/** Internal energy {@code U = tr(ρ H0)} with {@code H0 = ω Σ σn⁺σn⁻} (paper §III; interaction energy excluded). */
public final class Energy {
    private Energy() {
    }

    public static double of(double[] rho, int cells, double omega) {
        int d = Register.dimension(rho, cells);
        double u = 0;
        for (int i = 0; i < d; i++) {
            u += Integer.bitCount(i) * rho[2 * (i * d + i)];
        }
        return omega * u;
    }
}
