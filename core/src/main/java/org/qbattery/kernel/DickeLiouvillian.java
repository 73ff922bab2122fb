package org.qbattery.kernel;

/**
 * The master equation of N cells on the complete graph, in the frame rotating with H0, acting on
 * the Dicke blocks of a permutation-invariant ρ ({@link DickeBlocks}). With every pair coupled,
 * G = (g_d − g_o)·I + g_o·𝟙𝟙ᵀ and J_nm = J for n ≠ m, so the paper's Eqs. (2)–(5), (10)–(12) read
 * <pre>
 *   dρ/dt = −i[H, ρ] + γ_E Σ_n D[σn⁻] + γ_CE D[J⁻] + γ_A Σ_n D[σn⁺] + γ_CA D[J⁺] + (γφ/2) Σ_n (σzⁿ ρ σzⁿ − ρ),
 *   H = J Σ_{n≠m} σn⁺σm⁻ = J (J⁺J⁻ − N_e),   H|j,m⟩ = J[(j+m)(j−m+1) − (m + N/2)] |j,m⟩,
 *   γ_E = (n̄+1)(g_d − g_o),  γ_CE = (n̄+1) g_o,  γ_A = n̄ (g_d − g_o),  γ_CA = n̄ g_o,
 * </pre>
 * with D[A]ρ = AρA† − ½{A†A, ρ} and J± = Σ_n σn±. The collective terms act within each spin block;
 * the local ones move weight between neighbouring blocks j ± 1 (the blocks' weights B_j = d_j·ρ_j,
 * {@link DickeBlocks}) with the coefficients of Chase and
 * Geremia (PRA 78, 052101, 2008), in the form Shammah et al. tabulate for PIQS (PRA 98, 063815,
 * 2018, Table I; their local dephasing rate is 2γφ here, since their L = σz/2). Every element
 * ρ_j(m, m') then couples to at most eight others, (j', m ± 1, m' ± 1) and (j ± 1, m, m').
 *
 * <p>Hand-written because nothing on Maven Central provides it; the coefficients are checked
 * element by element against the full 2^N-register generator ({@link LindbladKernel}) in the tests.
 * Unlike PIQS (which evaluates them in single precision), every coefficient here is a double.
 */
public final class DickeLiouvillian implements LinearOdeSystem {
    private final DickeBlocks layout;
    private final SparseGenerator map;

    /**
     * @param exchange           J, the exchange coupling on every pair
     * @param localEmission      γ_E on Σ_n D[σn⁻]
     * @param collectiveEmission γ_CE on D[J⁻]
     * @param localAbsorption    γ_A on Σ_n D[σn⁺]
     * @param collectiveAbsorption γ_CA on D[J⁺]
     * @param dephasing          γφ (L = √(γφ/2) σz on every cell)
     */
    public DickeLiouvillian(DickeBlocks layout, double exchange, double localEmission, double collectiveEmission,
                            double localAbsorption, double collectiveAbsorption, double dephasing) {
        this.layout = layout;
        final int n = layout.cells();
        final int rows = layout.elements();
        double[] diagRe = new double[rows], diagIm = new double[rows];
        int[] rowStart = new int[rows + 1];
        int[] col = new int[8 * rows];
        double[] coef = new double[8 * rows];
        int nnz = 0;
        Coefficients c = new Coefficients(n, localEmission, collectiveEmission, localAbsorption, collectiveAbsorption, dephasing);
        for (int p = 0; p < layout.blocks(); p++) {
            final int s = layout.size(p);
            final double j = layout.spin(p);
            for (int k = 0; k < s; k++) {
                final double m = k - j;
                for (int kk = 0; kk < s; kk++) {
                    final double mm = kk - j;
                    final int row = layout.index(p, k, kk);
                    rowStart[row] = nnz;
                    diagRe[row] = -c.loss(j, m, mm);
                    // H|j,m⟩ = J[(j+m)(j−m+1) − m − N/2]|j,m⟩; N/2 cancels between ket and bra, and so does
                    // j(j+1): within a block the exchange is the one-axis twist −J(m² − m'²).
                    diagIm[row] = -exchange * ((j + m) * (j - m + 1) - m - (j + mm) * (j - mm + 1) + mm);
                    // Emission feeds (m, m') from one level up: within j, and from j ± 1.
                    nnz = add(col, coef, nnz, p, k + 1, kk + 1, c.emissionSame(j, m + 1, mm + 1));
                    nnz = add(col, coef, nnz, p - 1, k + 2, kk + 2, c.emissionFromAbove(j + 1, m + 1, mm + 1));
                    nnz = add(col, coef, nnz, p + 1, k, kk, c.emissionFromBelow(j - 1, m + 1, mm + 1));
                    // Dephasing mixes neighbouring blocks at the same m.
                    nnz = add(col, coef, nnz, p - 1, k + 1, kk + 1, c.dephasingFromAbove(j + 1, m, mm));
                    nnz = add(col, coef, nnz, p + 1, k - 1, kk - 1, c.dephasingFromBelow(j - 1, m, mm));
                    // Absorption feeds (m, m') from one level down.
                    nnz = add(col, coef, nnz, p - 1, k, kk, c.absorptionFromAbove(j + 1, m - 1, mm - 1));
                    nnz = add(col, coef, nnz, p, k - 1, kk - 1, c.absorptionSame(j, m - 1, mm - 1));
                    nnz = add(col, coef, nnz, p + 1, k - 2, kk - 2, c.absorptionFromBelow(j - 1, m - 1, mm - 1));
                }
            }
        }
        rowStart[rows] = nnz;
        map = new SparseGenerator(diagRe, diagIm, rowStart, java.util.Arrays.copyOf(col, nnz), java.util.Arrays.copyOf(coef, nnz));
    }

    /** Appends the coupling to element (p, k, kk) when that element exists and the coefficient is not zero. */
    private int add(int[] col, double[] coef, int nnz, int p, int k, int kk, double value) {
        if (value == 0 || p < 0 || p >= layout.blocks()) {
            return nnz;
        }
        int s = layout.size(p);
        if (k < 0 || kk < 0 || k >= s || kk >= s) {
            return nnz;
        }
        col[nnz] = layout.index(p, k, kk);
        coef[nnz] = value;
        return nnz + 1;
    }

    public DickeBlocks layout() {
        return layout;
    }

    /** Rows of the generator: one per complex element. */
    int rowCount() {
        return map.rows();
    }

    /** Non-zero couplings between elements (besides the diagonal). */
    public int couplings() {
        return map.couplings();
    }

    @Override
    public void derivative(double t, double[] y, double[] dydt) {
        derivativeAt(y, dydt, 0);
    }

    /** The derivative of the blocks stored from double {@code at} on in {@code y}, into the same place of {@code out}. */
    void derivativeAt(double[] y, double[] out, int at) {
        final int rows = map.rows();
        // Rows are independent: from ~20 cells on (over 10⁴ rows) the cores share them.
        Parallel.forRange(rows, 12L, (from, to) -> rows(y, out, at, from, to, null));
    }

    /**
     * Rows {@code [from, to)} of the derivative (elements of the blocks stored from double {@code at} on);
     * with weights {@code w}, returns Σ (out_i·w_i)² over the doubles written (else 0).
     */
    double rows(double[] y, double[] out, int at, int from, int to, double[] w) {
        return map.rows(y, out, at, from, to, w);
    }

    /**
     * The local and collective rates of one N, as functions of the source element (J, M, M') they
     * read from (Shammah et al.'s Γ1…Γ9; all real, so a coupling never mixes re and im).
     */
    private record Coefficients(int n, double e, double ce, double a, double ca, double phi) {
        double half() {
            return 0.5 * n;
        }

        /** Decay rate of ρ_j(m, m') itself: −Re of the diagonal. */
        double loss(double j, double m, double mm) {
            double h = half();
            double collectiveEmission = 0.5 * ce * (2 * j * (j + 1) - m * (m - 1) - mm * (mm - 1));
            double localEmission = 0.5 * e * (n + m + mm);
            double localAbsorption = 0.5 * a * (n - m - mm);
            double collectiveAbsorption = 0.5 * ca * (2 * j * (j + 1) - m * (m + 1) - mm * (mm + 1));
            double dephasing = j <= 0 ? phi * h : phi * (h - m * mm * (h + 1) / (j * (j + 1)));
            return collectiveEmission + localEmission + localAbsorption + collectiveAbsorption + dephasing;
        }

        double emissionSame(double j, double m, double mm) {
            double lower = (j + m) * (j - m + 1) * (j + mm) * (j - mm + 1);
            if (lower <= 0) {
                return 0;
            }
            double local = j <= 0 ? 0 : 0.5 * e * (half() + 1) / (j * (j + 1));
            return Math.sqrt(lower) * (ce + local);
        }

        double emissionFromAbove(double j, double m, double mm) {
            double v = (j + m) * (j + m - 1) * (j + mm) * (j + mm - 1);
            return e == 0 || j <= 0 || v <= 0 ? 0 : 0.5 * e * Math.sqrt(v) * (half() + j + 1) / (j * (2 * j + 1));
        }

        double emissionFromBelow(double j, double m, double mm) {
            double v = (j - m + 1) * (j - m + 2) * (j - mm + 1) * (j - mm + 2);
            return e == 0 || j < 0 || v <= 0 ? 0 : 0.5 * e * Math.sqrt(v) * (half() - j) / ((j + 1) * (2 * j + 1));
        }

        double dephasingFromAbove(double j, double m, double mm) {
            double v = (j * j - m * m) * (j * j - mm * mm);
            return phi == 0 || j <= 0 || v <= 0 ? 0 : phi * Math.sqrt(v) * (half() + j + 1) / (j * (2 * j + 1));
        }

        double dephasingFromBelow(double j, double m, double mm) {
            double v = ((j + 1) * (j + 1) - m * m) * ((j + 1) * (j + 1) - mm * mm);
            return phi == 0 || j < 0 || v <= 0 ? 0 : phi * Math.sqrt(v) * (half() - j) / ((j + 1) * (2 * j + 1));
        }

        double absorptionFromAbove(double j, double m, double mm) {
            double v = (j - m - 1) * (j - m) * (j - mm - 1) * (j - mm);
            return a == 0 || j <= 0 || v <= 0 ? 0 : 0.5 * a * Math.sqrt(v) * (half() + j + 1) / (j * (2 * j + 1));
        }

        double absorptionSame(double j, double m, double mm) {
            double raise = (j + m + 1) * (j - m) * (j + mm + 1) * (j - mm);
            if (raise <= 0) {
                return 0;
            }
            double local = j <= 0 ? 0 : 0.5 * a * (half() + 1) / (j * (j + 1));
            return Math.sqrt(raise) * (ca + local);
        }

        double absorptionFromBelow(double j, double m, double mm) {
            double v = (j + m + 1) * (j + m + 2) * (j + mm + 1) * (j + mm + 2);
            return a == 0 || j < 0 || v <= 0 ? 0 : 0.5 * a * Math.sqrt(v) * (half() - j) / ((j + 1) * (2 * j + 1));
        }
    }
}
