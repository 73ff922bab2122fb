package org.qbattery.measures;

import org.qbattery.kernel.JacobiEigen;

/**
 * Wootters concurrence of a two-cell state (paper Eq. 13, corrected as in physics.md §3):
 * <pre>
 *   ρ̃ = (σy⊗σy) ρ* (σy⊗σy)            (computational basis, not a Bell basis)
 *   λ  = √eig(√ρ ρ̃ √ρ), descending     (Hermitian form, robust)
 *   C  = max(0, λ1 − λ2 − λ3 − λ4)
 * </pre>
 * {@link #signed} returns λ1 − λ2 − λ3 − λ4 without the max: a continuous function whose zero
 * crossings are entanglement death and birth.
 */
public final class Concurrence {
    private static final int[] SIGN = {-1, 1, 1, -1};
    /** Row-major indices 4i + j of the elements an X state has zero. */
    private static final int[] OUTSIDE_X = {1, 2, 4, 7, 8, 11, 13, 14};

    private Concurrence() {
    }

    /** C of a 4×4 two-qubit density matrix (interleaved re/im). */
    public static double of(double[] r4) {
        return Math.max(0.0, signed(r4));
    }

    /**
     * λ1 − λ2 − λ3 − λ4 (may be negative). For an X state (every element zero but the diagonal,
     * ρ_{00,11} and ρ_{01,10}: any two-cell state of a ρ with coherences only between equal numbers of
     * excitations, which the dynamics keeps) the λ are √(ρ00ρ33) ± |ρ03| and √(ρ11ρ22) ± |ρ12|
     * (Yu and Eberly, Quantum Inf. Comput. 7, 459 (2007)), so
     * λ1 − λ2 − λ3 − λ4 = 2·max(|ρ03| − √(ρ11ρ22), |ρ12| − √(ρ00ρ33)) without an eigenproblem.
     */
    public static double signed(double[] r4) {
        if (isX(r4)) {
            double p00 = Math.max(0, r4[0]), p11 = Math.max(0, r4[10]), p22 = Math.max(0, r4[20]), p33 = Math.max(0, r4[30]);
            double z = Math.hypot(r4[6], r4[7]), y = Math.hypot(r4[12], r4[13]);
            return 2 * Math.max(z - Math.sqrt(p11 * p22), y - Math.sqrt(p00 * p33));
        }
        return signedGeneral(r4);
    }

    /** Whether the eight elements outside the diagonal and the anti-diagonal are exactly zero. */
    static boolean isX(double[] r4) {
        for (int k : OUTSIDE_X) {
            if (r4[2 * k] != 0 || r4[2 * k + 1] != 0) {
                return false;
            }
        }
        return true;
    }

    /** λ1 − λ2 − λ3 − λ4 through the Hermitian form √ρ ρ̃ √ρ, for any two-cell state. */
    static double signedGeneral(double[] r4) {
        JacobiEigen e = JacobiEigen.of(r4, 4);
        double[] v = e.vectors;
        // S = √ρ = V diag(√λ) V†
        double[] sq = new double[4];
        for (int k = 0; k < 4; k++) {
            sq[k] = Math.sqrt(Math.max(0.0, e.values[k]));
        }
        double[] s = new double[32];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double re = 0, im = 0;
                for (int k = 0; k < 4; k++) {
                    double ar = v[2 * (4 * i + k)], ai = v[2 * (4 * i + k) + 1];
                    double br = v[2 * (4 * j + k)], bi = -v[2 * (4 * j + k) + 1];
                    re += sq[k] * (ar * br - ai * bi);
                    im += sq[k] * (ar * bi + ai * br);
                }
                s[2 * (4 * i + j)] = re;
                s[2 * (4 * i + j) + 1] = im;
            }
        }
        // ρ̃_kl = s_k s_l conj(ρ_{3−k,3−l})
        double[] tilde = new double[32];
        for (int k = 0; k < 4; k++) {
            for (int l = 0; l < 4; l++) {
                int src = 2 * (4 * (3 - k) + (3 - l));
                double sg = SIGN[k] * SIGN[l];
                tilde[2 * (4 * k + l)] = sg * r4[src];
                tilde[2 * (4 * k + l) + 1] = -sg * r4[src + 1];
            }
        }
        double[] m = multiply(multiply(s, tilde), s);
        // symmetrise against round-off before the Hermitian solver
        for (int i = 0; i < 4; i++) {
            for (int j = i; j < 4; j++) {
                double re = 0.5 * (m[2 * (4 * i + j)] + m[2 * (4 * j + i)]);
                double im = 0.5 * (m[2 * (4 * i + j) + 1] - m[2 * (4 * j + i) + 1]);
                m[2 * (4 * i + j)] = re;
                m[2 * (4 * i + j) + 1] = im;
                m[2 * (4 * j + i)] = re;
                m[2 * (4 * j + i) + 1] = -im;
            }
        }
        double[] mu = JacobiEigen.valuesOf(m, 4);
        double l1 = Math.sqrt(Math.max(0, mu[3])), l2 = Math.sqrt(Math.max(0, mu[2]));
        double l3 = Math.sqrt(Math.max(0, mu[1])), l4 = Math.sqrt(Math.max(0, mu[0]));
        return l1 - l2 - l3 - l4;
    }

    /** Concurrence between cells a and b of an N-cell state. */
    public static double pair(double[] rho, int cells, int a, int b) {
        return of(PartialTrace.twoCell(rho, cells, a, b));
    }

    /** Mean concurrence over the given pairs ({@code pairs[k] = {a, b}}); 0 when there are none. */
    public static double edgeAverage(double[] rho, int cells, int[][] pairs) {
        return edgeStatistics(rho, cells, pairs)[0];
    }

    /**
     * {mean concurrence, largest signed concurrence} over the pairs from one pass (each pair's
     * reduced state and eigenproblems once); {0, NaN} when there are none.
     */
    public static double[] edgeStatistics(double[] rho, int cells, int[][] pairs) {
        int[] once = new int[pairs.length];
        java.util.Arrays.fill(once, 1);
        return edgeStatistics(rho, cells, pairs, once);
    }

    /**
     * The same when pair k stands for {@code count[k]} pairs with the same two-cell state (the
     * orbits of a symmetry, {@link CyclicSymmetry#pairOrbits}): mean weighted by the counts.
     */
    public static double[] edgeStatistics(double[] rho, int cells, int[][] pairs, int[] count) {
        if (pairs.length == 0) {
            return new double[] {0, Double.NaN};
        }
        double s = 0, m = Double.NEGATIVE_INFINITY;
        int total = 0;
        for (int k = 0; k < pairs.length; k++) {
            double v = signed(PartialTrace.twoCell(rho, cells, pairs[k][0], pairs[k][1]));
            s += count[k] * Math.max(0.0, v);
            total += count[k];
            m = Math.max(m, v);
        }
        return new double[] {s / total, m};
    }

    /** Largest signed concurrence over the pairs: positive iff at least one pair is entangled. */
    public static double maxSigned(double[] rho, int cells, int[][] pairs) {
        double m = Double.NEGATIVE_INFINITY;
        for (int[] p : pairs) {
            m = Math.max(m, signed(PartialTrace.twoCell(rho, cells, p[0], p[1])));
        }
        return m;
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] c = new double[32];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double re = 0, im = 0;
                for (int k = 0; k < 4; k++) {
                    double ar = a[2 * (4 * i + k)], ai = a[2 * (4 * i + k) + 1];
                    double br = b[2 * (4 * k + j)], bi = b[2 * (4 * k + j) + 1];
                    re += ar * br - ai * bi;
                    im += ar * bi + ai * br;
                }
                c[2 * (4 * i + j)] = re;
                c[2 * (4 * i + j) + 1] = im;
            }
        }
        return c;
    }
}
