package org.qbattery;

import java.util.Random;
import org.qbattery.kernel.DickeBlocks;

/**
 * Test oracle: the 2^N-register matrix of a state given by its Dicke blocks B_j = d_j·ρ_j, built from the
 * register's own collective operators (no Dicke-basis formula involved): ρ = Σ_j Σ_{m,m'} ρ_j(m, m') E_j(m, m') with
 * E_j(m, m') = Σ_α |j,m,α⟩⟨j,m',α| = (J⁺)^{m−m'} P_j Q_{m'} / Π ladder coefficients (m ≥ m'),
 * P_j the projector on total spin j (a polynomial in J²) and Q_{m'} the one on m' + N/2 excited cells.
 */
public final class DickeEmbedding {
    private final DickeBlocks layout;
    private final int n, d;
    /** E[p][k][kk]: real D×D row-major. */
    private final double[][][][] e;

    public DickeEmbedding(DickeBlocks layout) {
        this.layout = layout;
        n = layout.cells();
        d = 1 << n;
        double[] jp = new double[d * d]; // J⁺: ⟨x|J⁺|y⟩ = 1 when x = y with one more excited cell
        for (int y = 0; y < d; y++) {
            for (int c = 0; c < n; c++) {
                if ((y >> c & 1) == 0) {
                    jp[(y | 1 << c) * d + y] = 1;
                }
            }
        }
        double[] jm = transpose(jp);
        // J² = J⁺J⁻ + Jz² − Jz, with Jz diagonal (popcount − N/2).
        double[] j2 = mul(jp, jm);
        for (int x = 0; x < d; x++) {
            double jz = Integer.bitCount(x) - 0.5 * n;
            j2[x * d + x] += jz * jz - jz;
        }
        e = new double[layout.blocks()][][][];
        for (int p = 0; p < layout.blocks(); p++) {
            double j = layout.spin(p);
            double[] proj = identity();
            for (int q = 0; q < layout.blocks(); q++) {
                if (q == p) {
                    continue;
                }
                double jq = layout.spin(q);
                double[] f = j2.clone();
                for (int x = 0; x < d; x++) {
                    f[x * d + x] -= jq * (jq + 1);
                }
                proj = mul(proj, f);
                scale(proj, 1 / (j * (j + 1) - jq * (jq + 1)));
            }
            int s = layout.size(p);
            e[p] = new double[s][s][];
            for (int kk = 0; kk < s; kk++) {
                // P_j Q_{m'}: the columns of excited count kk + p.
                double[] base = proj.clone();
                for (int x = 0; x < d; x++) {
                    for (int y = 0; y < d; y++) {
                        if (Integer.bitCount(y) != kk + p) {
                            base[x * d + y] = 0;
                        }
                    }
                }
                double[] cur = base;
                e[p][kk][kk] = cur;
                for (int k = kk + 1; k < s; k++) {
                    double m = (k - 1) - j; // raising from m to m + 1
                    cur = mul(jp, cur);
                    scale(cur, 1 / Math.sqrt((j - m) * (j + m + 1)));
                    e[p][k][kk] = cur;
                    e[p][kk][k] = transpose(cur);
                }
            }
        }
    }

    /** The register matrix (interleaved complex, row-major D×D) of the Dicke-form state {@code y}. */
    public double[] full(double[] y) {
        double[] rho = new double[2 * d * d];
        for (int p = 0; p < layout.blocks(); p++) {
            int s = layout.size(p);
            for (int k = 0; k < s; k++) {
                for (int kk = 0; kk < s; kk++) {
                    int i = layout.index(p, k, kk);
                    double re = y[2 * i] / layout.degeneracy(p), im = y[2 * i + 1] / layout.degeneracy(p);
                    if (re == 0 && im == 0) {
                        continue;
                    }
                    double[] m = e[p][k][kk];
                    for (int x = 0; x < d * d; x++) {
                        if (m[x] != 0) {
                            rho[2 * x] += re * m[x];
                            rho[2 * x + 1] += im * m[x];
                        }
                    }
                }
            }
        }
        return rho;
    }

    /** A random Hermitian Dicke-form matrix (not normalised, not positive). */
    public static double[] randomHermitian(DickeBlocks layout, Random rnd) {
        double[] y = new double[layout.length()];
        for (int p = 0; p < layout.blocks(); p++) {
            int s = layout.size(p);
            for (int k = 0; k < s; k++) {
                for (int kk = k; kk < s; kk++) {
                    double re = rnd.nextGaussian(), im = k == kk ? 0 : rnd.nextGaussian();
                    y[2 * layout.index(p, k, kk)] = re;
                    y[2 * layout.index(p, k, kk) + 1] = im;
                    y[2 * layout.index(p, kk, k)] = re;
                    y[2 * layout.index(p, kk, k) + 1] = -im;
                }
            }
        }
        return y;
    }

    /** A random density matrix in Dicke form: each block's weight C C† with a random complex C, total trace 1. */
    public static double[] randomState(DickeBlocks layout, Random rnd) {
        double[] y = new double[layout.length()];
        double trace = 0;
        for (int p = 0; p < layout.blocks(); p++) {
            int s = layout.size(p);
            double[] b = new double[2 * s * s];
            for (int i = 0; i < b.length; i++) {
                b[i] = rnd.nextGaussian();
            }
            double[] bb = TestSupport.mul(b, TestSupport.dagger(b, s), s);
            for (int k = 0; k < s; k++) {
                for (int kk = 0; kk < s; kk++) {
                    y[2 * layout.index(p, k, kk)] = bb[2 * (k * s + kk)];
                    y[2 * layout.index(p, k, kk) + 1] = bb[2 * (k * s + kk) + 1];
                }
                trace += bb[2 * (k * s + k)];
            }
        }
        for (int i = 0; i < y.length; i++) {
            y[i] /= trace;
        }
        return y;
    }

    private double[] identity() {
        double[] a = new double[d * d];
        for (int x = 0; x < d; x++) {
            a[x * d + x] = 1;
        }
        return a;
    }

    private double[] transpose(double[] a) {
        double[] t = new double[d * d];
        for (int x = 0; x < d; x++) {
            for (int y = 0; y < d; y++) {
                t[y * d + x] = a[x * d + y];
            }
        }
        return t;
    }

    private double[] mul(double[] a, double[] b) {
        double[] c = new double[d * d];
        for (int x = 0; x < d; x++) {
            for (int k = 0; k < d; k++) {
                double v = a[x * d + k];
                if (v != 0) {
                    for (int y = 0; y < d; y++) {
                        c[x * d + y] += v * b[k * d + y];
                    }
                }
            }
        }
        return c;
    }

    private static void scale(double[] a, double f) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= f;
        }
    }
}
