package org.qbattery.kernel;

/**
 * Right-hand side of the N-cell master equation in matrix form, in the frame rotating with H0
 * (physics.md §7), applied directly on the 2^N register with bit operations.
 *
 * <pre>
 *   dρ/dt = −i(H_eff ρ − ρ H_eff†) + Σ_nm E_nm σn⁻ ρ σm⁺ + Σ_nm A_nm σn⁺ ρ σm⁻ − γφ Σ_n (ρ − σzn ρ σzn)/2
 *   H_eff = H_int − (i/2)(Σ_nm E_nm σm⁺σn⁻ + Σ_nm A_nm σm⁻σn⁺)
 * </pre>
 * with emission matrix E = (n̄+1)·G, absorption matrix A = n̄·G (G = Γ·I + Γ_icl·adjacency, paper
 * Eqs. 4–5 and 10–12), H_int = Σ_pairs J_nm (σn⁻σm⁺ + σn⁺σm⁻) (Eq. 10 with its Hermitian part).
 *
 * <p>Basis: index i of the register has bit n set when cell n is excited. σn⁻ clears bit n, an
 * exchange or cross-decay term between cells a and b flips both bits when they differ, so every
 * operator is a sparse permutation-with-weights and is applied without building a matrix. The
 * D²×D² superoperator is never formed.
 *
 * <p>Why hand-written: dense complex matrix products cost 40–60× more at N = 10
 * (../shared/deps.md). ρ is stored row-major as interleaved (re, im) doubles; every term reads
 * whole rows, so the inner loops stream memory, and rows are split over cores.
 *
 * <p>Role: runs integrate {@link SectorLindbladKernel} or {@link SymmetricLindbladKernel} (half
 * the numbers, or one per symmetry orbit), which are checked against the dense construction in the
 * tests. This full-register form stays as the plain statement of the equation on the full ρ: the
 * tests integrate it as an independent second implementation, and the benchmarks use it as the
 * baseline that the packed kernels are measured against.
 */
public final class LindbladKernel implements LinearOdeSystem {
    private final int cells;
    private final int dim;
    /** Bit masks and complex coefficients h = J − (i/2)(2n̄+1)G of the pair-flip terms of H_eff. */
    private final int[] pairMask;
    private final double[] pairRe, pairIm;
    /** κ_i = −Im (H_eff)_ii ≥ 0: the no-jump decay rate of basis state i (times 2 in populations). */
    private final double[] kappa;
    /** Emission jumps σn⁻ ρ σm⁺ with weight emW, absorption jumps σn⁺ ρ σm⁻ with weight absW. */
    private final int[] emN, emM, abN, abM;
    private final double[] emW, abW;
    private final double dephasing;

    /**
     * @param cells       number of cells N
     * @param exchange    N×N symmetric exchange couplings J_nm (zero diagonal)
     * @param decay       N×N symmetric decay matrix G (positive semidefinite; checked by the model)
     * @param nbar        thermal occupation n̄ ≥ 0 (0: zero temperature)
     * @param dephasing   pure dephasing rate γφ ≥ 0 (adds γφ to each single-cell coherence decay rate)
     */
    public LindbladKernel(int cells, double[][] exchange, double[][] decay, double nbar, double dephasing) {
        MasterEquationTerms terms = new MasterEquationTerms(cells, exchange, decay, nbar, dephasing);
        this.cells = cells;
        this.dim = 1 << cells;
        this.dephasing = dephasing;
        pairMask = terms.pairMask;
        pairRe = terms.pairRe;
        pairIm = terms.pairIm;
        kappa = terms.kappa;
        emN = terms.emN;
        emM = terms.emM;
        emW = terms.emW;
        abN = terms.abN;
        abM = terms.abM;
        abW = terms.abW;
    }

    public int cells() {
        return cells;
    }

    public int dimension() {
        return dim;
    }

    /** Scratch for M = −i·H_eff·ρ, reused across calls (one kernel per integration thread). */
    private double[] scratch;

    /**
     * dρ/dt = M + M† + jumps(ρ) with M = −i·H_eff·ρ. Because ρ is Hermitian, ρH_eff† = (H_effρ)†, so
     * only left multiplications are computed (whole-row axpys, no per-element branches) and the
     * right ones come from a cache-blocked transpose.
     */
    @Override
    public void derivative(double t, double[] rho, double[] out) {
        if (scratch == null || scratch.length != rho.length) {
            scratch = new double[rho.length];
        }
        final double[] m = scratch;
        final long costM = 2L * dim * (1 + pairMask.length);
        Parallel.forRange(dim, costM, (from, to) -> leftMultiply(rho, m, from, to));
        final long costJ = 2L * dim * (2 + emW.length + abW.length + (dephasing != 0 ? 1 : 0));
        Parallel.forRange((dim + TILE - 1) / TILE, costJ * TILE, (from, to) -> {
            for (int bi = from; bi < to; bi++) {
                int i0 = bi * TILE, i1 = Math.min(dim, i0 + TILE);
                hermitianPart(m, out, i0, i1);
                jumps(rho, out, i0, i1);
            }
        });
    }

    private static final int TILE = 32;

    /** Rows [from, to) of M = −i·H_eff·ρ = −κ_i ρ_ij − i Σ_p h_p ρ_{i⊕mask_p, j}. */
    private void leftMultiply(double[] rho, double[] m, int from, int to) {
        final int d = dim;
        final int rowLen = 2 * d;
        for (int i = from; i < to; i++) {
            final int ri = i * rowLen;
            final double ki = kappa[i];
            for (int x = ri; x < ri + rowLen; x++) {
                m[x] = -ki * rho[x];
            }
            for (int p = 0; p < pairMask.length; p++) {
                final int mask = pairMask[p];
                if (Integer.bitCount(i & mask) != 1) {
                    continue;
                }
                final double hr = pairRe[p], hi = pairIm[p];
                final int rs = (i ^ mask) * rowLen;
                // −i(hr + i hi)(xr + i xi) = (hi xr + hr xi) + i(hi xi − hr xr)
                for (int x = 0; x < rowLen; x += 2) {
                    double xr = rho[rs + x], xi = rho[rs + x + 1];
                    m[ri + x] += hi * xr + hr * xi;
                    m[ri + x + 1] += hi * xi - hr * xr;
                }
            }
        }
    }

    /** out_ij = M_ij + conj(M_ji) for rows [i0, i1), reading M's columns tile by tile. */
    private void hermitianPart(double[] m, double[] out, int i0, int i1) {
        final int d = dim;
        for (int j0 = 0; j0 < d; j0 += TILE) {
            int j1 = Math.min(d, j0 + TILE);
            for (int i = i0; i < i1; i++) {
                int ri = 2 * i * d;
                for (int j = j0; j < j1; j++) {
                    int a = ri + 2 * j, b = 2 * (j * d + i);
                    out[a] = m[a] + m[b];
                    out[a + 1] = m[a + 1] - m[b + 1];
                }
            }
        }
    }

    /**
     * {@code out[dst + 2j + x] += w·src[from + 2j + x]} for the complex entries j whose bit {@code bm} is
     * clear: runs of {@code bm} complex numbers every {@code 2·bm}. The shortest runs (bm = 1, 2) get
     * their own strided loops; a nested loop over two-double runs spends its time in loop control.
     */
    private void addRuns(double[] out, int dst, double[] src, int from, int bm, double w) {
        final int len = 2 * dim;
        if (bm == 1) {
            for (int x = 0; x < len; x += 4) {
                out[dst + x] += w * src[from + x];
                out[dst + x + 1] += w * src[from + x + 1];
            }
        } else if (bm == 2) {
            for (int x = 0; x < len; x += 8) {
                out[dst + x] += w * src[from + x];
                out[dst + x + 1] += w * src[from + x + 1];
                out[dst + x + 2] += w * src[from + x + 2];
                out[dst + x + 3] += w * src[from + x + 3];
            }
        } else {
            for (int jb = 0; jb < len; jb += 4 * bm) {
                for (int x = jb; x < jb + 2 * bm; x++) {
                    out[dst + x] += w * src[from + x];
                }
            }
        }
    }

    /** Adds the jump and dephasing terms to rows [i0, i1) of out. */
    private void jumps(double[] rho, double[] out, int i0, int i1) {
        final int d = dim;
        final int rowLen = 2 * d;
        for (int i = i0; i < i1; i++) {
            final int ri = i * rowLen;
            if (dephasing != 0) {
                for (int j = 0; j < d; j++) {
                    double r = dephasing * Integer.bitCount(i ^ j);
                    out[ri + 2 * j] -= r * rho[ri + 2 * j];
                    out[ri + 2 * j + 1] -= r * rho[ri + 2 * j + 1];
                }
            }
            // Emission: E_nm ρ_{i+2^n, j+2^m} where bit n of i and bit m of j are clear. The j with bit m
            // clear form runs of length 2^m, so the inner loop is branch-free.
            for (int e = 0; e < emW.length; e++) {
                final int bn = 1 << emN[e];
                if ((i & bn) != 0) {
                    continue;
                }
                final int bm = 1 << emM[e];
                final double w = emW[e];
                final int rs = (i | bn) * rowLen;
                addRuns(out, ri, rho, rs + 2 * bm, bm, w);
            }
            // Absorption: A_nm ρ_{i−2^n, j−2^m} where bit n of i and bit m of j are set.
            for (int e = 0; e < abW.length; e++) {
                final int bn = 1 << abN[e];
                if ((i & bn) == 0) {
                    continue;
                }
                final int bm = 1 << abM[e];
                final double w = abW[e];
                final int rs = (i & ~bn) * rowLen;
                addRuns(out, ri + 2 * bm, rho, rs, bm, w);
            }
        }
    }
}
