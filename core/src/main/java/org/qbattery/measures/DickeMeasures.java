package org.qbattery.measures;

import java.util.Arrays;
import org.qbattery.kernel.DickeBlocks;
import org.qbattery.kernel.HermitianEigenvalues;

/**
 * Every figure of merit ({@link Observables}) of a permutation-invariant state given by its Dicke
 * blocks ({@link DickeBlocks}: the weights B_j = d_j·ρ_j), without the 2^N register:
 * <ul>
 *   <li>spectrum: the eigenvalues of each ρ_j = B_j/d_j, each d_j times, so ergotropy (Eq. 1),
 *       capacity, entropy and purity pair them with the levels ε = 0 … N (C(N, ε) times each);</li>
 *   <li>U = Σ_j Σ_m (m + N/2) B_j(m, m); the populations of the computational basis are
 *       P_ε / C(N, ε) for every string of ε excited cells (incoherent ergotropy);</li>
 *   <li>the one- and two-cell reduced states from collective moments (any cells: all are alike):
 *       ρ_eg = ⟨J⁻⟩/N; ⟨n1 n2⟩ = ⟨N_e(N_e − 1)⟩/N(N−1), ⟨σ1⁺σ2⁻⟩ = ⟨J⁺J⁻ − N_e⟩/N(N−1),
 *       ⟨σ1⁻σ2⁻⟩ = ⟨J⁻²⟩/N(N−1), ⟨σ1⁻ n2⟩ = ⟨J⁻(N_e − 1)⟩/N(N−1): local ergotropy and the Wootters
 *       concurrence (Eq. 13) of every pair.</li>
 * </ul>
 * The l1-coherence needs the computational-basis elements, which these blocks give only through
 * ill-conditioned alternating sums: the caller supplies it (from the orbit values,
 * the count-orbit form of the same state).
 */
public final class DickeMeasures {
    private DickeMeasures() {
    }

    /** The measures on the complete graph, whose every pair is an edge (see the full form). */
    public static Observables of(double[] y, DickeBlocks layout, boolean spectral, boolean pairwise, double coherence) {
        return of(y, layout, spectral, pairwise, true, coherence);
    }

    /**
     * @param y         Dicke blocks of ρ
     * @param edges     whether every pair is an edge (the complete graph) or none is (uncoupled cells: the
     *                  edge-averaged concurrence is then 0, as the register's average over no edge)
     * @param coherence the normalised l1-coherence, computed elsewhere (NaN when not)
     */
    public static Observables of(double[] y, DickeBlocks layout, boolean spectral, boolean pairwise, boolean edges, double coherence) {
        final int n = layout.cells();
        double trace = 0, energy = 0, energy2 = 0, raiseLower = 0;
        double lowerRe = 0, lowerIm = 0, lower2Re = 0, lower2Im = 0, lowerNRe = 0, lowerNIm = 0;
        double[] population = new double[n + 1]; // P_ε: weight on ε excited cells
        boolean sectorDiagonal = true;
        for (int p = 0; p < layout.blocks(); p++) {
            final int s = layout.size(p);
            final double j = layout.spin(p);
            for (int k = 0; k < s; k++) {
                final double m = k - j;
                final int diag = layout.index(p, k, k);
                final double rho = y[2 * diag];
                final int excited = k + p;
                trace += rho;
                energy += excited * rho;
                energy2 += (double) excited * excited * rho;
                raiseLower += (j + m) * (j - m + 1) * rho;
                population[excited] += rho;
                if (k >= 1) {
                    // tr(ρA) = Σ ρ(k, k−1)·⟨k−1|A|k⟩ for A lowering by one: J⁻ and J⁻N_e.
                    double c = Math.sqrt((j + m) * (j - m + 1));
                    int below = layout.index(p, k, k - 1);
                    lowerRe += c * y[2 * below];
                    lowerIm += c * y[2 * below + 1];
                    lowerNRe += c * excited * y[2 * below];
                    lowerNIm += c * excited * y[2 * below + 1];
                    if (k >= 2) {
                        double c2 = c * Math.sqrt((j + m - 1) * (j - m + 2));
                        int twoBelow = layout.index(p, k, k - 2);
                        lower2Re += c2 * y[2 * twoBelow];
                        lower2Im += c2 * y[2 * twoBelow + 1];
                    }
                }
                for (int kk = 0; kk < s && sectorDiagonal; kk++) {
                    int i = layout.index(p, k, kk);
                    sectorDiagonal = kk == k || (y[2 * i] == 0 && y[2 * i + 1] == 0);
                }
            }
        }
        double[] binomial = binomials(n);
        Spectral sp = null;
        double gap = Double.NaN;
        double[] stringPopulation = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            stringPopulation[k] = population[k] / binomial[k];
        }
        double ei = ergotropy(stringPopulation, binomial.clone(), binomial, energy);
        double purity = 0;
        if (spectral) {
            int orders = 0;
            for (int p = 0; p < layout.blocks(); p++) {
                orders += layout.size(p);
            }
            double[] values = new double[orders];
            double[] weights = new double[orders];
            int count = 0;
            for (int p = 0; p < layout.blocks(); p++) {
                int s = layout.size(p);
                double[] eig = HermitianEigenvalues.ofInPlace(Arrays.copyOfRange(y, 2 * layout.offset(p), 2 * (layout.offset(p) + s * s)), s);
                for (double v : eig) {
                    values[count] = v / layout.degeneracy(p);
                    weights[count++] = layout.degeneracy(p);
                }
            }
            sp = Spectral.of(values, weights, binomial, energy);
        }
        if (sectorDiagonal) {
            // From the diagonal alone, so also without the spectra (the sudden-death event reads it).
            gap = passivityGap(y, layout);
        }
        for (int p = 0; p < layout.blocks(); p++) {
            int s = layout.size(p);
            double sum = 0;
            for (int i = 2 * layout.offset(p), end = 2 * (layout.offset(p) + s * s); i < end; i++) {
                sum += y[i] * y[i];
            }
            purity += sum / layout.degeneracy(p);
        }
        // One cell: ρ_ee = ⟨N_e⟩/N, ρ_eg = ⟨J⁻⟩/N (local index 0 = g, 1 = e).
        double ee = energy / n, egRe = lowerRe / n, egIm = lowerIm / n;
        double[] one = {trace - ee, 0, egRe, -egIm, egRe, egIm, ee, 0};
        double local = n * LocalErgotropy.singleCell(one, 1.0);
        double c = Double.NaN, cmax = Double.NaN;
        if (pairwise && edges && n >= 2) {
            double pairs = (double) n * (n - 1);
            double both = (energy2 - energy) / pairs;
            double[] r4 = twoCell(trace, ee, both, (raiseLower - energy) / pairs,
                    lower2Re / pairs, lower2Im / pairs, (lowerNRe - lowerRe) / pairs, (lowerNIm - lowerIm) / pairs,
                    egRe, egIm);
            cmax = Concurrence.signed(r4);
            c = Math.max(0.0, cmax);
        } else if (pairwise) {
            c = 0; // no pairs: as the register's edge average over none
        }
        return assemble(energy, sp, ei, c, cmax, coherence, local, purity, trace, gap);
    }

    /** The measures from their parts; {@code sp} null when the spectra were not computed (their measures NaN). */
    static Observables assemble(double energy, Spectral sp, double incoherent, double concurrence, double maxSignedConcurrence,
                                double coherence, double local, double purity, double trace, double gap) {
        double e = sp == null ? Double.NaN : sp.ergotropy();
        double efficiency = sp == null ? Double.NaN : energy > 0 ? e / energy : 0.0;
        double coherent = sp == null ? Double.NaN : Math.max(0.0, e - incoherent);
        return new Observables(energy, e, efficiency, concurrence, coherence, incoherent, coherent,
                sp == null ? Double.NaN : sp.capacity(), local, sp == null ? Double.NaN : sp.entropy(), purity, trace,
                sp == null ? Double.NaN : sp.minEigenvalue(), gap, maxSignedConcurrence);
    }

    /**
     * The two-cell reduced state as a 2-cell register (index b0 + 2·b1), element ⟨a|ρ12|b⟩ =
     * ⟨O(b0, a0) ⊗ O(b1, a1)⟩ with O(e,e) = n, O(g,g) = 1 − n, O(g,e) = σ⁻, O(e,g) = σ⁺; both cells alike.
     */
    static double[] twoCell(double trace, double one, double both, double hop, double y2Re, double y2Im,
                                    double lowNRe, double lowNIm, double lowRe, double lowIm) {
        double oneOnly = one - both;
        double neither = trace - 2 * one + both;
        // ⟨X1 Y2⟩ for X, Y ∈ {1−n, n, σ⁻, σ⁺} as complex numbers, index 0..3 in that order.
        double[][] pairRe = new double[4][4], pairIm = new double[4][4];
        double wRe = lowRe - lowNRe, wIm = lowIm - lowNIm; // ⟨σ⁻ (1 − n)⟩
        set(pairRe, pairIm, 0, 0, neither, 0);
        set(pairRe, pairIm, 0, 1, oneOnly, 0);
        set(pairRe, pairIm, 1, 1, both, 0);
        set(pairRe, pairIm, 2, 3, hop, 0);
        set(pairRe, pairIm, 2, 2, y2Re, y2Im);
        set(pairRe, pairIm, 3, 3, y2Re, -y2Im);
        set(pairRe, pairIm, 2, 1, lowNRe, lowNIm);
        set(pairRe, pairIm, 3, 1, lowNRe, -lowNIm);
        set(pairRe, pairIm, 2, 0, wRe, wIm);
        set(pairRe, pairIm, 3, 0, wRe, -wIm);
        double[] r4 = new double[32];
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                int x = operator(b & 1, a & 1), z = operator(b >> 1, a >> 1);
                r4[2 * (4 * a + b)] = pairRe[x][z];
                r4[2 * (4 * a + b) + 1] = pairIm[x][z];
            }
        }
        return r4;
    }

    /** O(b, a) = |b⟩⟨a| on one cell as an index into {1−n, n, σ⁻, σ⁺}. */
    private static int operator(int b, int a) {
        return b == a ? b : (b == 0 ? 2 : 3);
    }

    private static void set(double[][] re, double[][] im, int x, int z, double vr, double vi) {
        re[x][z] = vr;
        im[x][z] = vi;
        re[z][x] = vr;
        im[z][x] = vi;
    }

    /** The spectral measures of eigenvalues {@code values}, each {@code weights[i]} times, on levels ε = 0 … N counted {@code levelCount}. */
    record Spectral(double ergotropy, double capacity, double entropy, double minEigenvalue) {
        static Spectral of(double[] values, double[] weights, double[] levelCount, double energy) {
            double minEig = Double.POSITIVE_INFINITY;
            for (double v : values) {
                minEig = Math.min(minEig, v);
            }
            double entropy = Entropy.vonNeumann(values, weights);
            Integer[] order = largestFirst(values);
            double passive = pairedEnergy(values, weights, levelCount, order, false);
            double capacity = Math.max(0.0, pairedEnergy(values, weights, levelCount, order, true) - passive);
            return new Spectral(DickeMeasures.ergotropy(energy, passive), capacity, entropy, minEig);
        }
    }

    /** C(N, ε) for ε = 0 … N, as doubles. */
    static double[] binomials(int n) {
        double[] c = new double[n + 1];
        c[0] = 1;
        for (int k = 1; k <= n; k++) {
            c[k] = c[k - 1] * (n - k + 1) / k;
        }
        return c;
    }

    /** E = U − Σ r↓ ε↑ for eigenvalues {@code values}, each {@code weights[i]} times. */
    static double ergotropy(double[] values, double[] weights, double[] levelCount, double energy) {
        return ergotropy(energy, pairedEnergy(values, weights, levelCount, largestFirst(values), false));
    }

    /** E = U − (passive energy), kept within [0, U] against round-off. */
    private static double ergotropy(double energy, double passive) {
        return Math.min(energy, Math.max(0.0, energy - passive));
    }

    /** Indices of {@code values}, largest value first. */
    private static Integer[] largestFirst(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        return order;
    }

    /**
     * Σ r·ε pairing the eigenvalues, largest first, each with its multiplicity, with the levels
     * ε = 0 … N (with theirs) from the lowest up (the passive state) or from the highest down (the
     * most energetic one).
     *
     * <p>Largest first in both: from ~60 cells on the multiplicities reach 1e22 and their sums are
     * not exact in doubles, so the levels and the weights run out a little apart; whatever that
     * leaves unpaired or shifted must be the round-off-sized eigenvalues at the end, not the largest
     * one (a near-pure state's only large eigenvalue, paired ascending after 2^80 others, landed on
     * ε = 73 or 75 or on none: capacities of 73, 75 or 0 instead of 80).
     */
    private static double pairedEnergy(double[] values, double[] weights, double[] levelCount, Integer[] largestFirst,
                                       boolean fromTop) {
        int top = levelCount.length - 1;
        double sum = 0;
        int step = 0;
        double left = levelCount[fromTop ? top : 0];
        for (Integer i : largestFirst) {
            double w = weights[i];
            while (w > 0 && step <= top) {
                double take = Math.min(w, left);
                sum += values[i] * take * (fromTop ? top - step : step);
                w -= take;
                left -= take;
                if (left <= 0) {
                    step++;
                    left = step <= top ? levelCount[fromTop ? top - step : step] : 0;
                }
            }
        }
        return sum;
    }

    /**
     * min_ε [λmin(ρ_ε) − λmax(ρ_ε+1)] over the excitation sectors of a state without coherence
     * between them ({@link Passivity}): sector ε holds ρ_j(m, m) for every block with m + N/2 = ε.
     */
    private static double passivityGap(double[] y, DickeBlocks layout) {
        int n = layout.cells();
        double[] lo = new double[n + 1], hi = new double[n + 1];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int p = 0; p < layout.blocks(); p++) {
            for (int k = 0; k < layout.size(p); k++) {
                double v = y[2 * layout.index(p, k, k)] / layout.degeneracy(p);
                lo[k + p] = Math.min(lo[k + p], v);
                hi[k + p] = Math.max(hi[k + p], v);
            }
        }
        return Passivity.gapFromExtremes(lo, hi);
    }
}
