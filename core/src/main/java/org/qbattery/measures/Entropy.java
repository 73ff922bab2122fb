package org.qbattery.measures;

/** Von Neumann entropy {@code S = −Σ r ln r} (nats) and purity {@code tr ρ² = Σ|ρij|²}. */
public final class Entropy {
    private Entropy() {
    }

    public static double vonNeumann(double[] eig) {
        double s = 0;
        for (double r : eig) {
            if (r > 1e-300) {
                s -= r * Math.log(r);
            }
        }
        return s;
    }

    public static double purity(double[] rho) {
        double s = 0;
        for (double v : rho) {
            s += v * v;
        }
        return s;
    }
}
