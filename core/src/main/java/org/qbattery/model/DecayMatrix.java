package org.qbattery.model;

import org.qbattery.kernel.JacobiEigen;

/**
 * The decay matrix {@code G = Γ·I + Γ_icl·A} of the paper's local plus intracell-leakage
 * dissipator (Eqs. 5, 11, 12): {@code D[ρ] = Σ_nm G_nm (σn⁻ρσm⁺ − ½{σm⁺σn⁻, ρ})}.
 *
 * <p>The generator is a valid (completely positive) Lindbladian iff G is positive semidefinite,
 * i.e. {@code Γ + Γ_icl·λmin(A) ≥ 0} (physics.md §2). The star at N = 5 with Γ_icl = Γ/2 sits
 * exactly on that boundary (one dark, never-decaying collective mode); at N ≥ 6 it is unphysical.
 * With a local rate per cell, {@code G = diag(Γ_n) + Γ_icl·A}, positive semidefinite iff
 * {@code 1 + Γ_icl·λmin(D^{−1/2} A D^{−1/2}) ≥ 0}, D = diag(Γ_n) (a cell without local decay on an
 * edge allows no leakage at all).
 */
public final class DecayMatrix {
    /** Eigenvalues of G down to −ROUND_OFF·max(1, ‖G‖) are accepted as zero. */
    public static final double ROUND_OFF = 1e-12;

    private final double[][] g;
    private final double[] eigenvalues;
    private final double gammaIcl;
    private final double maxValidGammaIcl;

    /** G = Γ·I + Γ_icl·A: every cell with the same local rate Γ. */
    public DecayMatrix(Graph graph, double gamma, double gammaIcl) {
        this(graph, uniform(graph.cells(), gamma), gammaIcl);
    }

    /** G = diag(Γ_n) + Γ_icl·A: a local rate per cell. */
    public DecayMatrix(Graph graph, double[] rates, double gammaIcl) {
        this.gammaIcl = gammaIcl;
        int n = graph.cells();
        double[][] a = graph.adjacency();
        g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g[i][j] = (i == j ? rates[i] : 0) + gammaIcl * a[i][j];
            }
        }
        eigenvalues = symmetricEigenvalues(g);
        maxValidGammaIcl = maxValidGammaIcl(a, rates);
    }

    private static double[] uniform(int n, double gamma) {
        double[] r = new double[n];
        java.util.Arrays.fill(r, gamma);
        return r;
    }

    /**
     * The largest Γ_icl keeping diag(Γ_n) + Γ_icl·A positive semidefinite: −1/λmin(D^{−1/2} A D^{−1/2})
     * (for equal rates Γ/(−λmin(A))), infinite when that λmin is not negative (no edges), 0 when a cell
     * on an edge has no local decay (its 2×2 minor [[0, t·w], [t·w, Γ_m]] is indefinite for any t > 0).
     */
    private static double maxValidGammaIcl(double[][] a, double[] rates) {
        int n = a.length;
        double[][] scaled = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (a[i][j] != 0) {
                    if (rates[i] == 0 || rates[j] == 0) {
                        return 0;
                    }
                    scaled[i][j] = a[i][j] / Math.sqrt(rates[i] * rates[j]);
                }
            }
        }
        double min = n == 1 ? 0 : symmetricEigenvalues(scaled)[0];
        return min < -1e-14 ? -1 / min : Double.POSITIVE_INFINITY;
    }

    static double[] symmetricEigenvalues(double[][] m) {
        int n = m.length;
        double[] c = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[2 * (i * n + j)] = m[i][j];
            }
        }
        return JacobiEigen.of(c, n).values;
    }

    /** G as an N×N array (a copy). */
    public double[][] matrix() {
        double[][] c = new double[g.length][];
        for (int i = 0; i < g.length; i++) {
            c[i] = g[i].clone();
        }
        return c;
    }

    /** Eigenvalues of G, ascending: the rates of the collective decay channels. */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    public double lambdaMin() {
        return eigenvalues[0];
    }

    /** Largest Γ_icl ≥ 0 for which G stays positive semidefinite (infinite for edgeless graphs). */
    public double maxValidGammaIcl() {
        return maxValidGammaIcl;
    }

    /** True when G is positive semidefinite up to round-off. */
    public boolean isPositiveSemidefinite() {
        double scale = Math.max(1.0, Math.abs(eigenvalues[eigenvalues.length - 1]));
        return eigenvalues[0] >= -ROUND_OFF * scale;
    }

    /** Number of collective channels with zero rate (dark modes that never decay). */
    public int darkModes() {
        double scale = Math.max(1.0, Math.abs(eigenvalues[eigenvalues.length - 1]));
        int k = 0;
        for (double v : eigenvalues) {
            if (Math.abs(v) <= ROUND_OFF * scale) {
                k++;
            }
        }
        return k;
    }

    /** Throws {@link InvalidParameterException} naming λmin and the largest valid Γ_icl. */
    public void requirePositiveSemidefinite() {
        if (!isPositiveSemidefinite()) {
            throw new InvalidParameterException("gamma-icl", String.format(java.util.Locale.ROOT,
                    "decay matrix G = gamma*I + gamma_icl*A is not positive semidefinite (lambda_min = %.6g), "
                            + "so the master equation is not completely positive; allowed: gamma-icl <= %.6g for this graph and these rates",
                    eigenvalues[0], maxValidGammaIcl()));
        }
    }

    public double gammaIcl() {
        return gammaIcl;
    }
}
