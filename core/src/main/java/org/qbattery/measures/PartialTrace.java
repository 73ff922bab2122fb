package org.qbattery.measures;

/** Reduced states of one or two cells, by tracing out all others. */
public final class PartialTrace {
    private PartialTrace() {
    }

    /** 2×2 state of cell n; local index 0 = |g⟩, 1 = |e⟩. */
    public static double[] singleCell(double[] rho, int cells, int n) {
        int d = Register.dimension(rho, cells);
        double[] r = new double[8];
        int bn = 1 << n;
        for (int i = 0; i < d; i++) {
            int x = (i >> n) & 1;
            for (int y = 0; y < 2; y++) {
                int j = (i & ~bn) | (y << n);
                int src = 2 * (i * d + j);
                r[2 * (2 * x + y)] += rho[src];
                r[2 * (2 * x + y) + 1] += rho[src + 1];
            }
        }
        return r;
    }

    /** 4×4 state of cells a, b; local index 2·bit_a + bit_b. */
    public static double[] twoCell(double[] rho, int cells, int a, int b) {
        int d = Register.dimension(rho, cells);
        double[] r = new double[32];
        int ba = 1 << a, bb = 1 << b;
        for (int i = 0; i < d; i++) {
            int x = 2 * ((i >> a) & 1) + ((i >> b) & 1);
            int rest = i & ~(ba | bb);
            for (int y = 0; y < 4; y++) {
                int j = rest | ((y >> 1) << a) | ((y & 1) << b);
                int src = 2 * (i * d + j);
                r[2 * (4 * x + y)] += rho[src];
                r[2 * (4 * x + y) + 1] += rho[src + 1];
            }
        }
        return r;
    }
}
