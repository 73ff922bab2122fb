package org.qbattery.kernel;

/**
 * The same master equation as {@link LindbladKernel}, integrated on half the numbers: ρ stored as
 * its excitation-sector blocks ρ(k, k') with k ≥ k' only (physics.md §7).
 *
 * <pre>
 *   dρ(k,k')/dt = −i(H_k ρ(k,k') − ρ(k,k') H_k'†)                     (H_eff conserves k)
 *               + Σ_nm E_nm σn⁻ ρ(k+1,k'+1) σm⁺ + Σ_nm A_nm σn⁺ ρ(k−1,k'−1) σm⁻ − γφ·(dephasing)
 * </pre>
 * Every term keeps q = k − k', so the blocks with q ≥ 0 form a closed system and the others are
 * their adjoints (ρ(k',k) = ρ(k,k')†). That is (4^N + C(2N,N))/2 complex numbers instead of 4^N:
 * every integrator vector, every stage and the right-hand side's memory traffic are halved.
 *
 * <p>Why hand-written, and why not simply {@link LindbladKernel}: halving the stored numbers halves
 * every vector operation of the integrator and lets the 8th-order integrator fit at N = 12 in 6 GB.
 * The right multiplication ρH† and the column side of the jumps map columns of a sector onto
 * columns of the same or the next sector; in increasing bit-string order those maps are runs of
 * consecutive columns ({@link IndexRuns}), so they are done row by row on the row in cache, with no
 * M = −iHρ scratch and no transpose. Measured with JMH on the N = 10 chain: about as fast per
 * evaluation as the full-register kernel on half the numbers; the run is then limited by the
 * column maps of the lowest cells, whose runs are 1–3 long (gathers).
 *
 * <p>Layout: sector k lists the C(N,k) bit strings with k excited cells in increasing order; block
 * (k,k') is row-major C(N,k) × C(N,k'), each row its C(N,k') real parts followed by its imaginary
 * parts (so that every inner loop is a plain stream the JIT vectorises); blocks are ordered by q,
 * then k'.
 * {@link #pack} and {@link #unpack} convert to and from the full D×D row-major matrix in the
 * bit-string basis that the measures use.
 */
public final class SectorLindbladKernel implements PackedLindbladian {
    private final int cells;
    private final int dim;
    /** states[k][r]: the r-th bit string with k excitations; rank[s]: its index r (see {@link Sectors}). */
    private final int[][] states;
    private final int[] rank;
    /** offset[k][k'] in doubles, for k ≥ k'. */
    private final int[][] offset;
    private final int length;
    /** Rows of all blocks, flattened for the split over cores: block row index → (k, k', r). */
    private final int[] rowK, rowKp, rowR;
    /** κ of each bit string: the no-jump decay rate, −Im(H_eff)_ss. */
    private final double[] kappa;
    /**
     * Per sector, the off-diagonal H_eff entries in CSR form: for basis index r, entries
     * [flipStart[k][r], flipStart[k][r+1]) give the partner index and h = J − (i/2)(2n̄+1)G_ab.
     */
    private final int[][] flipStart, flipPartner;
    private final double[][] flipRe, flipIm;
    /** κ, pair couplings, emission terms E_nm σn⁻ρσm⁺ and absorption terms A_nm σn⁺ρσm⁻. */
    private final MasterEquationTerms terms;
    /** κ of each string of sector k, in sector order (contiguous for the diagonal loop). */
    private final double[][] sectorKappa;
    /**
     * The same entries per coupled pair p, as maps column → partner column within sector k, for ρH†
     * applied within a row, with the pair's h = pairRe[p] + i·pairIm[p].
     */
    private final IndexRuns[][] pairMaps;
    private final double[] pairRe, pairIm;
    /**
     * raise[k][m]: s_c ↦ s_c + 2^m from the strings of sector k with bit m clear into sector k+1;
     * lower[k][m]: s_c ↦ s_c − 2^m for those with bit m set, into sector k−1.
     */
    private final IndexRuns[][] raise, lower;
    private final double dephasing;

    /** Same arguments as {@link LindbladKernel#LindbladKernel}. */
    public SectorLindbladKernel(int cells, double[][] exchange, double[][] decay, double nbar, double dephasing) {
        MasterEquationTerms terms = new MasterEquationTerms(cells, exchange, decay, nbar, dephasing);
        this.cells = cells;
        this.dim = 1 << cells;
        this.dephasing = dephasing;
        Sectors sectors = new Sectors(cells);
        states = sectors.strings;
        rank = sectors.rank;
        if (2 * sectors.elements > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many cells for one array: " + cells);
        }
        length = (int) (2 * sectors.elements);
        offset = new int[cells + 1][cells + 1];
        int rows = 0;
        for (int k = 0; k <= cells; k++) {
            for (int kp = 0; kp <= k; kp++) {
                offset[k][kp] = (int) (2 * sectors.blockStart[k][kp]);
                rows += states[k].length;
            }
        }
        rowK = new int[rows];
        rowKp = new int[rows];
        rowR = new int[rows];
        int t = 0;
        for (int q = 0; q <= cells; q++) {
            for (int kp = 0; kp + q <= cells; kp++) {
                for (int r = 0; r < states[kp + q].length; r++, t++) {
                    rowK[t] = kp + q;
                    rowKp[t] = kp;
                    rowR[t] = r;
                }
            }
        }
        kappa = terms.kappa;
        pairRe = terms.pairRe;
        pairIm = terms.pairIm;
        final int[] mask = terms.pairMask;
        final int np = mask.length;
        flipStart = new int[cells + 1][];
        flipPartner = new int[cells + 1][];
        flipRe = new double[cells + 1][];
        flipIm = new double[cells + 1][];
        pairMaps = new IndexRuns[cells + 1][np];
        sectorKappa = new double[cells + 1][];
        for (int k = 0; k <= cells; k++) {
            int[] st = states[k];
            sectorKappa[k] = new double[st.length];
            int count = 0;
            for (int r = 0; r < st.length; r++) {
                sectorKappa[k][r] = kappa[st[r]];
                for (int p = 0; p < np; p++) {
                    count += Integer.bitCount(st[r] & mask[p]) == 1 ? 1 : 0;
                }
            }
            // Rows: CSR of the partner strings, for −iH ρ as whole-row axpys.
            flipStart[k] = new int[st.length + 1];
            flipPartner[k] = new int[count];
            flipRe[k] = new double[count];
            flipIm[k] = new double[count];
            int e = 0;
            for (int r = 0; r < st.length; r++) {
                flipStart[k][r] = e;
                for (int p = 0; p < np; p++) {
                    if (Integer.bitCount(st[r] & mask[p]) == 1) {
                        flipPartner[k][e] = rank[st[r] ^ mask[p]];
                        flipRe[k][e] = pairRe[p];
                        flipIm[k][e++] = pairIm[p];
                    }
                }
            }
            flipStart[k][st.length] = e;
            // Columns: per pair, the columns whose two bits differ, in increasing order, for ρH†.
            for (int p = 0; p < np; p++) {
                int[] c = new int[st.length], u = new int[st.length];
                int n = 0;
                for (int r = 0; r < st.length; r++) {
                    if (Integer.bitCount(st[r] & mask[p]) == 1) {
                        c[n] = r;
                        u[n++] = rank[st[r] ^ mask[p]];
                    }
                }
                pairMaps[k][p] = new IndexRuns(c, u, n);
            }
        }
        this.terms = terms;
        raise = new IndexRuns[cells + 1][cells];
        lower = new IndexRuns[cells + 1][cells];
        for (int k = 0; k <= cells; k++) {
            int[] st = states[k];
            for (int m = 0; m < cells; m++) {
                int bm = 1 << m;
                int[] cu = new int[st.length], uu = new int[st.length], cd = new int[st.length], ud = new int[st.length];
                int nu = 0, nd = 0;
                for (int c = 0; c < st.length; c++) {
                    if ((st[c] & bm) == 0) {
                        cu[nu] = c;
                        uu[nu++] = rank[st[c] | bm];
                    } else {
                        cd[nd] = c;
                        ud[nd++] = rank[st[c] & ~bm];
                    }
                }
                raise[k][m] = new IndexRuns(cu, uu, nu);
                lower[k][m] = new IndexRuns(cd, ud, nd);
            }
        }
    }

    public int cells() {
        return cells;
    }

    /** Doubles in the packed state: (4^N + C(2N,N))/2 complex numbers. */
    @Override
    public int length() {
        return length;
    }

    /** Doubles in the packed state of an N-cell register, without building a kernel. */
    public static long length(int cells) {
        return 2 * Sectors.elements(cells);
    }

    /** Copies the blocks with k ≥ k' of the full row-major D×D matrix {@code full} into {@code packed}. */
    @Override
    public void pack(double[] full, double[] packed) {
        Parallel.forRange(rowK.length, 2L * dim, (from, to) -> {
            for (int t = from; t < to; t++) {
                int k = rowK[t], kp = rowKp[t], r = rowR[t];
                int[] cols = states[kp];
                int w = cols.length;
                int o = offset[k][kp] + 2 * r * w;
                int row = 2 * states[k][r] * dim;
                for (int c = 0; c < w; c++) {
                    packed[o + c] = full[row + 2 * cols[c]];
                    packed[o + w + c] = full[row + 2 * cols[c] + 1];
                }
            }
        });
    }

    /**
     * Writes the full Hermitian D×D matrix: the stored blocks and, for k > k', their adjoints. Split
     * over rows of the full matrix so that each thread writes its own rows and reads the packed
     * blocks (the adjoint half reads a column of a block: strided, but the block stays in cache).
     */
    @Override
    public void unpack(double[] packed, double[] full) {
        Parallel.forRange(dim, 2L * dim, (from, to) -> {
            for (int i = from; i < to; i++) {
                int s = i, k = Integer.bitCount(s), r = rank[s];
                int row = 2 * s * dim;
                for (int kp = 0; kp <= cells; kp++) {
                    int[] cols = states[kp];
                    if (kp <= k) {
                        int w = cols.length;
                        int o = offset[k][kp] + 2 * r * w;
                        for (int c = 0; c < w; c++) {
                            full[row + 2 * cols[c]] = packed[o + c];
                            full[row + 2 * cols[c] + 1] = packed[o + w + c];
                        }
                    } else {
                        // ρ(k, kp) = ρ(kp, k)†: element (r, c) is the conjugate of (c, r) of the stored block.
                        int w = states[k].length;
                        int o = offset[kp][k] + r;
                        for (int c = 0; c < cols.length; c++) {
                            full[row + 2 * cols[c]] = packed[o + 2 * c * w];
                            full[row + 2 * cols[c] + 1] = -packed[o + 2 * c * w + w];
                        }
                    }
                }
            }
        });
    }

    /**
     * Per-thread rows at offset 0. The JIT of Java 17 vectorises a loop only when all its arrays are
     * indexed by the same expression, so each source segment is first copied (an intrinsic, itself
     * vectorised) to the index it is added at, and the row is accumulated here and copied out once.
     */
    private final ThreadLocal<RowScratch> scratch = ThreadLocal.withInitial(() -> new RowScratch(maxSector()));

    private int maxSector() {
        int m = 1;
        for (int[] st : states) {
            m = Math.max(m, st.length);
        }
        return m;
    }

    @Override
    public void derivative(double t, double[] rho, double[] out) {
        long costPerRow = 2L * (length / Math.max(1, rowK.length)) * (4 + terms.emW.length + terms.abW.length);
        Parallel.forRange(rowK.length, costPerRow, (from, to) -> {
            RowScratch sc = scratch.get();
            for (int x = from; x < to; x++) {
                row(rho, out, rowK[x], rowKp[x], rowR[x], sc);
            }
        });
    }

    /** Row r of block (k, kp) of dρ/dt: real parts at [o, o + w), imaginary parts at [o + w, o + 2w). */
    private void row(double[] rho, double[] out, int k, int kp, int r, RowScratch sc) {
        final int w = states[kp].length;
        final int o = offset[k][kp] + 2 * r * w;
        final int s = states[k][r];
        final double[] accRe = sc.accRe, accIm = sc.accIm, rowRe = sc.rowRe, rowIm = sc.rowIm;
        System.arraycopy(rho, o, rowRe, 0, w);
        System.arraycopy(rho, o + w, rowIm, 0, w);
        // Diagonal of H_eff on both sides and dephasing: −(κ_s + κ_c + γφ·|s ⊕ c|) ρ_rc.
        final double ks = kappa[s];
        final double[] kc = sectorKappa[kp];
        for (int c = 0; c < w; c++) {
            double a = -(ks + kc[c]);
            accRe[c] = a * rowRe[c];
            accIm[c] = a * rowIm[c];
        }
        if (dephasing != 0) {
            final int[] cols = states[kp];
            for (int c = 0; c < w; c++) {
                double a = dephasing * Integer.bitCount(s ^ cols[c]);
                accRe[c] -= a * rowRe[c];
                accIm[c] -= a * rowIm[c];
            }
        }
        // −i H_k ρ: whole-row axpys from the partner rows of the same block.
        final int[] fs = flipStart[k], fp = flipPartner[k];
        final double[] fr = flipRe[k], fi = flipIm[k];
        final int blockStart = offset[k][kp];
        final double[] tRe = sc.tRe, tIm = sc.tIm;
        for (int e = fs[r]; e < fs[r + 1]; e++) {
            final int src = blockStart + 2 * fp[e] * w;
            System.arraycopy(rho, src, tRe, 0, w);
            System.arraycopy(rho, src + w, tIm, 0, w);
            // −i(hr + i hi)(xr + i xi) = (hi xr + hr xi) + i(hi xi − hr xr)
            sc.complexAxpy(0, w, fi[e], -fr[e]);
        }
        // +i ρ H_kp†: runs of columns within this row.
        final IndexRuns[] maps = pairMaps[kp];
        for (int p = 0; p < maps.length; p++) {
            // i·conj(h)·x = i(hr − i hi)(xr + i xi) = (hi xr − hr xi) + i(hi xi + hr xr)
            maps[p].addComplex(sc, pairIm[p], pairRe[p]);
        }
        // Emission from block (k+1, kp+1): E_nm ρ[s + 2^n, c + 2^m] for bit n of s and bit m of c clear.
        if (k < cells) {
            final int up = offset[k + 1][kp + 1];
            final int wUp = states[kp + 1].length;
            final int[] emN = terms.emN, emM = terms.emM;
            final double[] emW = terms.emW;
            for (int e = 0; e < emW.length; e++) {
                final int bn = 1 << emN[e];
                if ((s & bn) != 0) {
                    continue;
                }
                final int src = up + 2 * rank[s | bn] * wUp;
                raise[kp][emM[e]].addReal(sc, rho, src, src + wUp, emW[e]);
            }
        }
        // Absorption from block (k−1, kp−1): A_nm ρ[s − 2^n, c − 2^m] for bit n of s and bit m of c set.
        if (kp > 0) {
            final int down = offset[k - 1][kp - 1];
            final int wDown = states[kp - 1].length;
            final int[] abN = terms.abN, abM = terms.abM;
            final double[] abW = terms.abW;
            for (int e = 0; e < abW.length; e++) {
                final int bn = 1 << abN[e];
                if ((s & bn) == 0) {
                    continue;
                }
                final int src = down + 2 * rank[s & ~bn] * wDown;
                lower[kp][abM[e]].addReal(sc, rho, src, src + wDown, abW[e]);
            }
        }
        System.arraycopy(accRe, 0, out, o, w);
        System.arraycopy(accIm, 0, out, o + w, w);
    }
}
