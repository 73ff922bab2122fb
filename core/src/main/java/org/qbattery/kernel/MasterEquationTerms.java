package org.qbattery.kernel;

/**
 * The coefficients of the master equation that every kernel applies, in one place:
 * <pre>
 *   κ_s  = ½ Σ_n [(n̄+1)·G_nn if cell n of s is excited, else n̄·G_nn]     (no-jump decay, −Im H_eff on s)
 *   h_ab = J_ab − (i/2)(2n̄+1)·G_ab                                        (H_eff on the pair flip a ↔ b)
 *   emission   E_nm = (n̄+1)·G_nm on σn⁻ ρ σm⁺,  absorption A_nm = n̄·G_nm on σn⁺ ρ σm⁻
 * </pre>
 * (paper Eqs. 4–5 and 10–12 with the Hermitian H_int; see {@link LindbladKernel}).
 */
final class MasterEquationTerms {
    final int cells;
    final double dephasing;
    /** κ of every bit string. */
    final double[] kappa;
    /** Pairs (a, b), a &lt; b, with a non-zero J_ab or G_ab: bit mask 2^a + 2^b and h = re + i·im. */
    final int[] pairMask;
    final double[] pairRe, pairIm;
    /** Emission terms (emN, emM, emW) and absorption terms (abN, abM, abW); no absorption at n̄ = 0. */
    final int[] emN, emM, abN, abM;
    final double[] emW, abW;

    MasterEquationTerms(int cells, double[][] exchange, double[][] decay, double nbar, double dephasing) {
        if (cells < 1 || cells > 15) {
            throw new IllegalArgumentException("cells must be in 1..15");
        }
        this.cells = cells;
        this.dephasing = dephasing;
        int dim = 1 << cells;
        kappa = new double[dim];
        for (int s = 0; s < dim; s++) {
            double k = 0;
            for (int n = 0; n < cells; n++) {
                k += ((s >> n) & 1) == 1 ? (nbar + 1) * decay[n][n] : nbar * decay[n][n];
            }
            kappa[s] = 0.5 * k;
        }
        int np = 0;
        for (int a = 0; a < cells; a++) {
            for (int b = a + 1; b < cells; b++) {
                np += exchange[a][b] != 0 || decay[a][b] != 0 ? 1 : 0;
            }
        }
        pairMask = new int[np];
        pairRe = new double[np];
        pairIm = new double[np];
        for (int a = 0, p = 0; a < cells; a++) {
            for (int b = a + 1; b < cells; b++) {
                if (exchange[a][b] != 0 || decay[a][b] != 0) {
                    pairMask[p] = (1 << a) | (1 << b);
                    pairRe[p] = exchange[a][b];
                    pairIm[p++] = -0.5 * (2 * nbar + 1) * decay[a][b];
                }
            }
        }
        int ne = 0;
        for (int n = 0; n < cells; n++) {
            for (int m = 0; m < cells; m++) {
                ne += decay[n][m] != 0 ? 1 : 0;
            }
        }
        emN = new int[ne];
        emM = new int[ne];
        emW = new double[ne];
        int na = nbar > 0 ? ne : 0;
        abN = new int[na];
        abM = new int[na];
        abW = new double[na];
        for (int n = 0, e = 0; n < cells; n++) {
            for (int m = 0; m < cells; m++) {
                if (decay[n][m] != 0) {
                    emN[e] = n;
                    emM[e] = m;
                    emW[e] = (nbar + 1) * decay[n][m];
                    if (na > 0) {
                        abN[e] = n;
                        abM[e] = m;
                        abW[e] = nbar * decay[n][m];
                    }
                    e++;
                }
            }
        }
    }
}
