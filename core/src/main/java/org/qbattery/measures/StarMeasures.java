package org.qbattery.measures;

import org.qbattery.kernel.CountOrbits;
import org.qbattery.kernel.DickeBlocks;
import org.qbattery.kernel.HermitianEigenvalues;
import org.qbattery.kernel.StarGenerator;

/**
 * Every figure of merit ({@link Observables}) of a star state ρ = Σ_{a,b} |a⟩⟨b|_hub ⊗ X^{ab} whose
 * leaves are permutation-invariant ({@link StarGenerator}'s layout), without the 2^N register:
 * <ul>
 *   <li>spectrum: for each leaf spin j, the eigenvalues of [[X^{00}_j, X^{01}_j], [X^{10}_j, X^{11}_j]]/d_j,
 *       each d_j times, paired with the N cells' levels (ergotropy Eq. 1, capacity, entropy);</li>
 *   <li>U = Σ_a tr X^{aa}(a + N_L); computational-basis populations P(a, w)/C(M, w) per string;</li>
 *   <li>the hub's state tr X^{ab}; one leaf's from ⟨N_L⟩/M and ⟨L⁻⟩/M; the hub–leaf pair (every edge
 *       of the star) ⟨a x|ρ|b y⟩ = tr(X^{ab} O(y, x))/M with O = M − N_L, N_L, L⁻, L⁺: concurrence Eq. 13;</li>
 *   <li>l1-coherence: the count-orbit parts' weights.</li>
 * </ul>
 */
public final class StarMeasures {
    private StarMeasures() {
    }

    public static Observables of(double[] y, StarGenerator g, boolean spectral, boolean pairwise, boolean coherence) {
        final DickeBlocks layout = g.layout();
        final int m = layout.cells(), n = m + 1;
        // Per part X^{ab}: {tr X, tr X·N_L, tr X·L⁻, tr X·L⁺} as complex numbers (re, im).
        double[][][] mom = new double[2][2][];
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                mom[a][b] = moments(y, g.dickeAt(a, b), layout);
            }
        }
        double trace = mom[0][0][0] + mom[1][1][0];
        double leafExcited = mom[0][0][2] + mom[1][1][2];
        double energy = leafExcited + mom[1][1][0];
        double[] binomialN = DickeMeasures.binomials(n), binomialM = DickeMeasures.binomials(m);
        // Computational-basis populations: hub bit a and w excited leaves, C(M, w) strings each.
        double[] values = new double[2 * (m + 1)], weights = new double[2 * (m + 1)];
        for (int p = 0; p < layout.blocks(); p++) {
            for (int k = 0; k < layout.size(p); k++) {
                for (int a = 0; a < 2; a++) {
                    values[a * (m + 1) + k + p] += y[g.dickeAt(a, a) + 2 * layout.index(p, k, k)];
                }
            }
        }
        for (int a = 0; a < 2; a++) {
            for (int w = 0; w <= m; w++) {
                values[a * (m + 1) + w] /= binomialM[w];
                weights[a * (m + 1) + w] = binomialM[w];
            }
        }
        double ei = DickeMeasures.ergotropy(values, weights, binomialN, energy);
        boolean sectorDiagonal = sectorDiagonal(y, g);
        DickeMeasures.Spectral sp = null;
        double gap = Double.NaN;
        if (spectral) {
            int orders = 0;
            for (int p = 0; p < layout.blocks(); p++) {
                orders += 2 * layout.size(p);
            }
            double[] eigenvalues = new double[orders], multiplicity = new double[orders];
            int count = 0;
            for (int p = 0; p < layout.blocks(); p++) {
                int s = layout.size(p);
                double[] eig = HermitianEigenvalues.ofInPlace(joined(y, g, p), 2 * s);
                for (double v : eig) {
                    eigenvalues[count] = v / layout.degeneracy(p);
                    multiplicity[count++] = layout.degeneracy(p);
                }
            }
            sp = DickeMeasures.Spectral.of(eigenvalues, multiplicity, binomialN, energy);
        }
        if (sectorDiagonal) {
            // From 2×2 sector blocks, so also without the spectra (the sudden-death event reads it).
            gap = passivityGap(y, g);
        }
        double purity = 0;
        for (int p = 0; p < layout.blocks(); p++) {
            int s = layout.size(p);
            double sum = 0;
            for (int ab = 0; ab < 4; ab++) {
                for (int i = g.dickeAt(ab >> 1, ab & 1) + 2 * layout.offset(p), end = i + 2 * s * s; i < end; i++) {
                    sum += y[i] * y[i];
                }
            }
            purity += sum / layout.degeneracy(p);
        }
        // The hub (local index 0 = g, 1 = e) and one leaf.
        double[] hub = {mom[0][0][0], mom[0][0][1], mom[0][1][0], mom[0][1][1], mom[1][0][0], mom[1][0][1], mom[1][1][0], mom[1][1][1]};
        double lowRe = (mom[0][0][4] + mom[1][1][4]) / m, lowIm = (mom[0][0][5] + mom[1][1][5]) / m, ee = leafExcited / m;
        double[] leaf = {trace - ee, 0, lowRe, -lowIm, lowRe, lowIm, ee, 0};
        double local = LocalErgotropy.singleCell(hub, 1.0) + m * LocalErgotropy.singleCell(leaf, 1.0);
        double c = Double.NaN, cmax = Double.NaN;
        if (pairwise) {
            // ⟨a x|ρ|b y⟩ = tr(X^{ab} O(y, x))/M in the register order hub = bit 0, leaf = bit 1.
            double[] r4 = new double[32];
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    double[] mo = mom[a][b];
                    for (int x = 0; x < 2; x++) {
                        for (int yl = 0; yl < 2; yl++) {
                            double re, im;
                            if (x == yl) {
                                re = x == 1 ? mo[2] : m * mo[0] - mo[2];
                                im = x == 1 ? mo[3] : m * mo[1] - mo[3];
                            } else {
                                // O(y, x) = |y⟩⟨x|: |g⟩⟨e| = σ⁻ → L⁻ (x = 1), |e⟩⟨g| = σ⁺ → L⁺ (x = 0)
                                re = x == 1 ? mo[4] : mo[6];
                                im = x == 1 ? mo[5] : mo[7];
                            }
                            int row = a + 2 * x, col = b + 2 * yl;
                            r4[2 * (4 * row + col)] = re / m;
                            r4[2 * (4 * row + col) + 1] = im / m;
                        }
                    }
                }
            }
            cmax = Concurrence.signed(r4);
            c = Math.max(0.0, cmax);
        }
        double l1 = Double.NaN;
        if (coherence) {
            CountOrbits orbits = g.orbits();
            double sum = 0;
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    sum += orbits.absoluteSum(y, g.orbitsAt(a, b), a != b);
                }
            }
            l1 = sum / (Math.pow(2, n) - 1);
        }
        return DickeMeasures.assemble(energy, sp, ei, c, cmax, l1, local, purity, trace, gap);
    }

    /** {tr X, tr X·N_L, tr X·L⁻, tr X·L⁺} (re, im each) of the part stored from double {@code at}. */
    private static double[] moments(double[] y, int at, DickeBlocks layout) {
        double[] r = new double[8];
        for (int p = 0; p < layout.blocks(); p++) {
            int s = layout.size(p);
            double twoJ = s - 1;
            for (int k = 0; k < s; k++) {
                int d = at + 2 * layout.index(p, k, k);
                r[0] += y[d];
                r[1] += y[d + 1];
                r[2] += (k + p) * y[d];
                r[3] += (k + p) * y[d + 1];
                if (k >= 1) {
                    // tr(X L⁻) = Σ X(k, k−1)·c(k), tr(X L⁺) = Σ X(k−1, k)·c(k), c(k) = √(k(2j − k + 1))
                    double c = Math.sqrt(k * (twoJ - k + 1));
                    int below = at + 2 * layout.index(p, k, k - 1), above = at + 2 * layout.index(p, k - 1, k);
                    r[4] += c * y[below];
                    r[5] += c * y[below + 1];
                    r[6] += c * y[above];
                    r[7] += c * y[above + 1];
                }
            }
        }
        return r;
    }

    /** The 2(2j+1)-order matrix [[X^{00}, X^{01}], [X^{10}, X^{11}]] of leaf block p (weights, not yet / d_j). */
    private static double[] joined(double[] y, StarGenerator g, int p) {
        DickeBlocks layout = g.layout();
        int s = layout.size(p), o = 2 * s;
        double[] z = new double[2 * o * o];
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                int at = g.dickeAt(a, b);
                for (int k = 0; k < s; k++) {
                    for (int kk = 0; kk < s; kk++) {
                        int src = at + 2 * layout.index(p, k, kk), dst = 2 * ((a * s + k) * o + b * s + kk);
                        z[dst] = y[src];
                        z[dst + 1] = y[src + 1];
                    }
                }
            }
        }
        return z;
    }

    /** Whether every element joins equal numbers of excited cells (hub bit plus leaf level): ρ commutes with H0. */
    private static boolean sectorDiagonal(double[] y, StarGenerator g) {
        DickeBlocks layout = g.layout();
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                for (int p = 0; p < layout.blocks(); p++) {
                    for (int k = 0; k < layout.size(p); k++) {
                        for (int kk = 0; kk < layout.size(p); kk++) {
                            int i = g.dickeAt(a, b) + 2 * layout.index(p, k, kk);
                            if (a + k != b + kk && (y[i] != 0 || y[i + 1] != 0)) {
                                return false;
                            }
                        }
                    }
                }
            }
        }
        return true;
    }

    /**
     * {@link Passivity}'s gap of a state without coherence between sectors: in leaf block p, the cells'
     * total ε = a + k + p joins (0, k = ε − p) and (1, k = ε − 1 − p), a 2×2 (or 1×1) block per ε.
     */
    private static double passivityGap(double[] y, StarGenerator g) {
        DickeBlocks layout = g.layout();
        int n = layout.cells() + 1;
        double[] lo = new double[n + 1], hi = new double[n + 1];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int p = 0; p < layout.blocks(); p++) {
            int s = layout.size(p);
            double d = layout.degeneracy(p);
            for (int eps = p; eps <= p + s; eps++) {
                int k0 = eps - p, k1 = eps - 1 - p;
                boolean has0 = k0 < s, has1 = k1 >= 0;
                double a00 = has0 ? y[g.dickeAt(0, 0) + 2 * layout.index(p, k0, k0)] / d : 0;
                double a11 = has1 ? y[g.dickeAt(1, 1) + 2 * layout.index(p, k1, k1)] / d : 0;
                double lowest, highest;
                if (has0 && has1) {
                    int off = g.dickeAt(0, 1) + 2 * layout.index(p, k0, k1);
                    double re = y[off] / d, im = y[off + 1] / d;
                    double mean = 0.5 * (a00 + a11), half = Math.hypot(0.5 * (a00 - a11), Math.hypot(re, im));
                    lowest = mean - half;
                    highest = mean + half;
                } else {
                    lowest = highest = has0 ? a00 : a11;
                }
                lo[eps] = Math.min(lo[eps], lowest);
                hi[eps] = Math.max(hi[eps], highest);
            }
        }
        return Passivity.gapFromExtremes(lo, hi);
    }
}
