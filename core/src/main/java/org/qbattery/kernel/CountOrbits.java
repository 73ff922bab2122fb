package org.qbattery.kernel;

import java.util.Arrays;

/**
 * A permutation-invariant ρ of N cells by its computational-basis elements: ρ_xy depends only on the
 * type t = (a, b, c, d) of the pair, the numbers of cells whose (x, y) bits are (1,1), (1,0), (0,1)
 * and (0,0). There are C(N+3, 3) types, each standing for mult(t) = N!/(a!b!c!d!) elements; the
 * state vector holds the types' weights u_t = mult(t)·ρ_xy (interleaved re, im), so tr ρ is the sum
 * over the diagonal types (b = c = 0) and Σ_{x≠y}|ρ_xy| the sum of |u_t| over the others.
 *
 * <p>Why: the Dicke blocks ({@link DickeLiouvillian}) give the spectrum, but the l1-coherence needs
 * these elements, which the blocks give only through alternating sums over total spin with binomial
 * weights (cancelling beyond ~20 cells). Integrated alongside, this form gives them directly.
 *
 * <p>The generator is built from the master equation's terms themselves (the same as
 * {@link MasterEquationTerms} for the complete graph): every term acts on one or two cells, and
 * its effect on a type depends only on the types of those cells, so each row sums over the
 * 4 + 16 classes of cells and cell pairs with their counts instead of over the N² pairs.
 * <pre>
 *   dρ/dt = −i(H_eff ρ − ρ H_eff†) + Σ_nm E_nm σn⁻ρσm⁺ + Σ_nm A_nm σn⁺ρσm⁻ + (γφ/2) Σ_n (σzⁿρσzⁿ − ρ),
 *   H_eff = Σ_{n≠m} κ σn⁺σm⁻ − (i/2)[E_d N_e + A_d (N − N_e)],  κ = J − (i/2)(E_o + A_o),
 * </pre>
 * with E_nm = E_d on the diagonal and E_o off it (emission), A likewise (absorption). On these states
 * the exchange part of H_eff acts as the diagonal −J J_z² (J² commutes with them), so only the decay
 * part of κ hops: every coupling between types is real, the diagonal complex.
 */
public final class CountOrbits implements LinearOdeSystem {
    /** Cell classes by their (x, y) bits: 11, 10, 01, 00. */
    private static final int[] X_BIT = {1, 1, 0, 0}, Y_BIT = {1, 0, 1, 0};

    private final int cells;
    private final int[] typeIndex; // (a, b, c) → index, d = N − a − b − c
    private final int[][] types;   // index → {a, b, c, d}
    private final SparseGenerator map;
    private final double[] logFactorial;
    /** ln mult(t) of every type. */
    private final double[] logMult;
    /** Construction only: the row that last listed each type. */
    private int[] listedIn;
    private int currentRow;

    /**
     * @param exchange J on every pair
     * @param emissionDiagonal E_d, @param emissionOff E_o, @param absorptionDiagonal A_d, @param absorptionOff A_o
     * @param dephasing γφ
     */
    public CountOrbits(int cells, double exchange, double emissionDiagonal, double emissionOff,
                       double absorptionDiagonal, double absorptionOff, double dephasing) {
        if (cells < 1) {
            throw new IllegalArgumentException("cells must be >= 1, got " + cells);
        }
        this.cells = cells;
        int n1 = cells + 1;
        typeIndex = new int[n1 * n1 * n1];
        Arrays.fill(typeIndex, -1);
        int count = (int) ((long) (cells + 1) * (cells + 2) * (cells + 3) / 6);
        types = new int[count][];
        int idx = 0;
        for (int a = 0; a <= cells; a++) {
            for (int b = 0; a + b <= cells; b++) {
                for (int c = 0; a + b + c <= cells; c++) {
                    typeIndex[(a * n1 + b) * n1 + c] = idx;
                    types[idx++] = new int[] {a, b, c, cells - a - b - c};
                }
            }
        }
        logMult = new double[count];
        logFactorial = new double[n1];
        for (int k = 1; k <= cells; k++) {
            logFactorial[k] = logFactorial[k - 1] + Math.log(k);
        }
        for (int i = 0; i < count; i++) {
            int[] t = types[i];
            logMult[i] = logFactorial[cells] - logFactorial[t[0]] - logFactorial[t[1]] - logFactorial[t[2]] - logFactorial[t[3]];
        }
        // The exchange acts on these states as the one-axis twist −J J_z²: H = J(J² − J_z² + J_z − N_e), and J²
        // (a sum of swaps) commutes with every permutation-invariant ρ while J_z − N_e = −N/2. So it is
        // diagonal here, and what hops is the effective Hamiltonian's decay part alone (real coefficients).
        double kappaIm = -0.5 * (emissionOff + absorptionOff);
        // The diagonal (complex: decay and the exchange's phase) and the real couplings to other types.
        int[] rowStart = new int[count + 1];
        double[] diagRe = new double[count], diagIm = new double[count];
        int[] col = new int[40 * count];
        double[] re = new double[40 * count];
        int nnz = 0;
        double[] accRe = new double[count], accIm = new double[count];
        int[] touched = new int[128];
        listedIn = new int[count];
        Arrays.fill(listedIn, -1);
        for (int r = 0; r < count; r++) {
            currentRow = r;
            int[] t = types[r];
            int wx = t[0] + t[1], wy = t[0] + t[2];
            int nt = 0;
            // Diagonal: the no-jump decay of both sides and dephasing of every cell with x ≠ y.
            double diag = -0.5 * (emissionDiagonal * (wx + wy) + absorptionDiagonal * (2 * cells - wx - wy))
                    - dephasing * (t[1] + t[2]);
            double zx = wx - 0.5 * cells, zy = wy - 0.5 * cells;
            nt = accumulate(accRe, accIm, touched, nt, r, diag, exchange * (zx * zx - zy * zy)); // −i[−J J_z², ρ]
            for (int p = 0; p < 4; p++) {
                for (int q = 0; q < 4; q++) {
                    long pairs = (long) t[p] * (p == q ? t[q] - 1 : t[q]);
                    if (pairs <= 0) {
                        continue;
                    }
                    // H_eff ρ (decay part): cell p (x = 1) hands its excitation to cell q (x = 0): −iκ ρ_{x'y}.
                    if (kappaIm != 0 && X_BIT[p] == 1 && X_BIT[q] == 0) {
                        int s = source(t, p, flipX(p), q, flipX(q));
                        nt = accumulate(accRe, accIm, touched, nt, s, pairs * kappaIm, 0);
                    }
                    // −ρ H_eff†: the same on y with conj(κ): +i·conj(κ) ρ_{xy'}.
                    if (kappaIm != 0 && Y_BIT[p] == 1 && Y_BIT[q] == 0) {
                        int s = source(t, p, flipY(p), q, flipY(q));
                        nt = accumulate(accRe, accIm, touched, nt, s, pairs * kappaIm, 0);
                    }
                    // σn⁻ρσm⁺ (n ≠ m): x_n = 0 and y_m = 0, read from x + n, y + m.
                    if (emissionOff != 0 && X_BIT[p] == 0 && Y_BIT[q] == 0) {
                        int s = source(t, p, flipX(p), q, flipY(q));
                        nt = accumulate(accRe, accIm, touched, nt, s, pairs * emissionOff, 0);
                    }
                    // σn⁺ρσm⁻ (n ≠ m): x_n = 1 and y_m = 1, read from x − n, y − m.
                    if (absorptionOff != 0 && X_BIT[p] == 1 && Y_BIT[q] == 1) {
                        int s = source(t, p, flipX(p), q, flipY(q));
                        nt = accumulate(accRe, accIm, touched, nt, s, pairs * absorptionOff, 0);
                    }
                }
            }
            // σn⁻ρσn⁺ reads a (1,1) cell where ρ has a (0,0) one; σn⁺ρσn⁻ the reverse.
            if (emissionDiagonal != 0 && t[3] > 0) {
                nt = accumulate(accRe, accIm, touched, nt, source(t, 3, 0, -1, -1), (double) t[3] * emissionDiagonal, 0);
            }
            if (absorptionDiagonal != 0 && t[0] > 0) {
                nt = accumulate(accRe, accIm, touched, nt, source(t, 0, 3, -1, -1), (double) t[0] * absorptionDiagonal, 0);
            }
            rowStart[r] = nnz;
            for (int i = 0; i < nt; i++) {
                int s = touched[i];
                if (s == r) {
                    diagRe[r] = accRe[s];
                    diagIm[r] = accIm[s];
                } else if (accRe[s] != 0) {
                    // For the weights u = mult·v: du_r = Σ M_rs (mult_r / mult_s) u_s.
                    col[nnz] = s;
                    re[nnz++] = accRe[s] * Math.exp(logMult[r] - logMult[s]);
                }
                accRe[s] = 0;
                accIm[s] = 0;
            }
        }
        rowStart[count] = nnz;
        map = new SparseGenerator(diagRe, diagIm, rowStart, Arrays.copyOf(col, nnz), Arrays.copyOf(re, nnz));
        listedIn = null;
    }

    private static int flipX(int cls) {
        return cls ^ 2; // 11 ↔ 01, 10 ↔ 00
    }

    private static int flipY(int cls) {
        return cls ^ 1; // 11 ↔ 10, 01 ↔ 00
    }

    /** The type with one cell moved from class p to p2 and (q ≥ 0) one from q to q2. */
    private int source(int[] t, int p, int p2, int q, int q2) {
        int[] s = t.clone();
        s[p]--;
        s[p2]++;
        if (q >= 0) {
            s[q]--;
            s[q2]++;
        }
        return index(s[0], s[1], s[2]);
    }

    /** Adds (vr, vi) to the coefficient on type s, listing s once per row in {@code touched}. */
    private int accumulate(double[] re, double[] im, int[] touched, int nt, int s, double vr, double vi) {
        if (listedIn[s] != currentRow) {
            listedIn[s] = currentRow;
            touched[nt++] = s;
        }
        re[s] += vr;
        im[s] += vi;
        return nt;
    }

    public int cells() {
        return cells;
    }

    /** Number of types, C(N+3, 3). */
    public int types() {
        return types.length;
    }

    /** Index of type (a, b, c, N − a − b − c). */
    public int index(int a, int b, int c) {
        int n1 = cells + 1;
        return typeIndex[(a * n1 + b) * n1 + c];
    }

    /** {a, b, c, d} of type {@code i}. */
    public int[] type(int i) {
        return types[i].clone();
    }

    /** Doubles of a state vector. */
    public int length() {
        return 2 * types.length;
    }

    @Override
    public void derivative(double t, double[] y, double[] dydt) {
        derivativeAt(y, dydt, 0);
    }

    /** The derivative of the weights stored from double {@code at} on in {@code y}, into the same place of {@code out}. */
    void derivativeAt(double[] y, double[] out, int at) {
        Parallel.forRange(types.length, 20L, (from, to) -> rows(y, out, at, from, to, null));
    }

    /**
     * Rows {@code [from, to)} of the derivative (weights stored from double {@code at} on); with weights
     * {@code w}, returns Σ (out_i·w_i)² over the doubles written (else 0).
     */
    double rows(double[] y, double[] out, int at, int from, int to, double[] w) {
        return map.rows(y, out, at, from, to, w);
    }

    /**
     * A collective ladder operator L± = Σ_l σl± applied to a permutation-invariant operator X (any,
     * not only Hermitian) from the left (L±·X) or the right (X·L±), in this form: each type reads at
     * most two others. Used where these cells are the leaves of a star ({@link StarGenerator}).
     */
    public record Ladder(int[] rowStart, int[] column, double[] coefficient) {
        /** out[at..] += (cr + i·ci)·(this applied to y[from..]) over rows [r0, r1). */
        void addTo(double[] y, int from, double[] out, int at, double cr, double ci, int r0, int r1) {
            for (int r = r0; r < r1; r++) {
                double sr = 0, si = 0;
                for (int e = rowStart[r], end = rowStart[r + 1]; e < end; e++) {
                    int c = from + 2 * column[e];
                    sr += coefficient[e] * y[c];
                    si += coefficient[e] * y[c + 1];
                }
                out[at + 2 * r] += cr * sr - ci * si;
                out[at + 2 * r + 1] += cr * si + ci * sr;
            }
        }
    }

    /**
     * L±·X ({@code left}) or X·L±: (L⁻X)_xy = Σ_{l: x_l = 0} X_{x+l, y}, (L⁺X)_xy = Σ_{l: x_l = 1} X_{x−l, y},
     * (X L⁻)_xy = Σ_{l: y_l = 1} X_{x, y−l}, (X L⁺)_xy = Σ_{l: y_l = 0} X_{x, y+l}; on the weights u = mult·v.
     */
    public Ladder ladder(boolean left, boolean raise) {
        int count = types.length;
        int[] start = new int[count + 1], col = new int[2 * count];
        double[] coef = new double[2 * count];
        int nnz = 0;
        for (int r = 0; r < count; r++) {
            start[r] = nnz;
            int[] t = types[r];
            for (int cls = 0; cls < 4; cls++) {
                int bit = left ? X_BIT[cls] : Y_BIT[cls];
                // From the left the ket's bit is what the ladder made (1 after raising); from the right
                // the bra's bit is what it acts on (1 before lowering).
                int needed = left == raise ? 1 : 0;
                if (t[cls] == 0 || bit != needed) {
                    continue;
                }
                int s = source(t, cls, left ? flipX(cls) : flipY(cls), -1, -1);
                col[nnz] = s;
                coef[nnz++] = t[cls] * Math.exp(logMult[r] - logMult[s]);
            }
        }
        start[count] = nnz;
        return new Ladder(start, Arrays.copyOf(col, nnz), Arrays.copyOf(coef, nnz));
    }

    /** Non-zero couplings of the generator between types (besides the diagonal). */
    public int couplings() {
        return map.couplings();
    }

    /** tr ρ: the weights of the diagonal types, read from double {@code at} on in {@code y}. */
    public double trace(double[] y, int at) {
        double s = 0;
        for (int a = 0; a <= cells; a++) {
            s += y[at + 2 * index(a, 0, 0)];
        }
        return s;
    }

    /** U/ω = Σ_a a·(weight of the diagonal type with a excited cells). */
    public double energy(double[] y, int at) {
        double s = 0;
        for (int a = 1; a <= cells; a++) {
            s += a * y[at + 2 * index(a, 0, 0)];
        }
        return s;
    }

    /** Normalised l1-coherence Σ_{x≠y}|ρ_xy| / (2^N − 1) (physics.md §3). */
    public double l1Coherence(double[] y, int at) {
        return absoluteSum(y, at, false) / (Math.pow(2, cells) - 1);
    }

    /**
     * Σ |ρ_xy| over the off-diagonal elements (x ≠ y), or over all with {@code diagonalToo}, of the
     * operator whose weights are stored from double {@code at} on.
     */
    public double absoluteSum(double[] y, int at, boolean diagonalToo) {
        double s = 0;
        for (int i = 0; i < types.length; i++) {
            if (diagonalToo || types[i][1] + types[i][2] > 0) {
                s += HermitianEigenvalues.hypot(y[at + 2 * i], y[at + 2 * i + 1]);
            }
        }
        return s;
    }

    /**
     * The weights of the product state ρ1^⊗N, ρ1 = {ρgg, ρge, ρeg, ρee} (complex, interleaved):
     * ρ_xy = ρ1(1,1)^a ρ1(1,0)^b ρ1(0,1)^c ρ1(0,0)^d.
     */
    public double[] product(double[] single) {
        // class 11 = ee, 10 = eg, 01 = ge, 00 = gg
        double[][] f = {{single[6], single[7]}, {single[4], single[5]}, {single[2], single[3]}, {single[0], single[1]}};
        double[] u = new double[length()];
        double logFactorialN = logFactorial[cells];
        for (int i = 0; i < types.length; i++) {
            int[] t = types[i];
            double logMag = logFactorialN, phase = 0;
            boolean zero = false;
            for (int k = 0; k < 4; k++) {
                if (t[k] == 0) {
                    continue;
                }
                double mag = Math.hypot(f[k][0], f[k][1]);
                if (mag == 0) {
                    zero = true;
                    break;
                }
                logMag += t[k] * Math.log(mag) - logFactorial[t[k]];
                phase += t[k] * Math.atan2(f[k][1], f[k][0]);
            }
            if (!zero) {
                double m = Math.exp(logMag);
                u[2 * i] = m * Math.cos(phase);
                u[2 * i + 1] = m * Math.sin(phase);
            }
        }
        return u;
    }
}
