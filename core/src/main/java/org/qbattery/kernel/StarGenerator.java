package org.qbattery.kernel;

/**
 * The master equation of the star (hub = cell 0, M = N − 1 leaves, every edge hub–leaf) for states
 * that every permutation of the leaves leaves invariant: ρ = Σ_{a,b} |a⟩⟨b|_hub ⊗ X^{ab} with each X^{ab}
 * a permutation-invariant operator on the leaves (X^{ba} = X^{ab}†), held in both leaf forms: Dicke
 * blocks' weights ({@link DickeBlocks} of M cells) and count-orbit weights ({@link CountOrbits}).
 * With L± = Σ_l σl± on the leaves, G_00 = G_ll = g_d, G_0l = g_o and no leaf–leaf edge:
 * <pre>
 *   dρ/dt = −i(H_eff ρ − ρ H_eff†) + E_o(σ0⁻ρL⁺ + L⁻ρσ0⁺) + A_o(σ0⁺ρL⁻ + L⁺ρσ0⁻)
 *           + E_d D[σ0⁻] + A_d D[σ0⁺] + hub dephasing + Σ_l (E_d D[σl⁻] + A_d D[σl⁺] + dephasing),
 *   H_eff = κ (σ0⁺L⁻ + σ0⁻L⁺),  κ = J − (i/2)(E_o + A_o)
 * </pre>
 * (emission E = (n̄+1)G, absorption A = n̄G). The leaves' own terms are those of {@link DickeLiouvillian}
 * and {@link CountOrbits} with only local channels, applied to each X^{ab}; the hub's act on the
 * labels a, b; the hub–leaf terms are L± multiplying X^{ab} from the left or the right, which keeps
 * each spin block (Dicke) or moves one cell between classes (orbits).
 *
 * <p>Layout: the four Dicke parts X^{00}, X^{01}, X^{10}, X^{11}, then the four count-orbit parts.
 */
public final class StarGenerator implements LinearOdeSystem {
    private final int leaves;
    private final DickeBlocks layout;
    private final DickeLiouvillian leafDicke;
    private final CountOrbits leafOrbits;
    private final CountOrbits.Ladder[] orbitLadder = new CountOrbits.Ladder[4];
    private final double kappaRe, kappaIm, emissionDiagonal, emissionOff, absorptionDiagonal, absorptionOff, dephasing;

    /** Ladder indices: left lowering, left raising, right lowering, right raising. */
    private static final int L_LOWER = 0, L_RAISE = 1, R_LOWER = 2, R_RAISE = 3;

    public StarGenerator(int cells, double exchange, double emissionDiagonal, double emissionOff, double absorptionDiagonal,
                         double absorptionOff, double dephasing) {
        if (cells < 2) {
            throw new IllegalArgumentException("a star needs at least 2 cells, got " + cells);
        }
        this.leaves = cells - 1;
        this.layout = new DickeBlocks(leaves);
        this.leafDicke = new DickeLiouvillian(layout, 0, emissionDiagonal, 0, absorptionDiagonal, 0, dephasing);
        this.leafOrbits = new CountOrbits(leaves, 0, emissionDiagonal, 0, absorptionDiagonal, 0, dephasing);
        orbitLadder[L_LOWER] = leafOrbits.ladder(true, false);
        orbitLadder[L_RAISE] = leafOrbits.ladder(true, true);
        orbitLadder[R_LOWER] = leafOrbits.ladder(false, false);
        orbitLadder[R_RAISE] = leafOrbits.ladder(false, true);
        this.kappaRe = exchange;
        this.kappaIm = -0.5 * (emissionOff + absorptionOff);
        this.emissionDiagonal = emissionDiagonal;
        this.emissionOff = emissionOff;
        this.absorptionDiagonal = absorptionDiagonal;
        this.absorptionOff = absorptionOff;
        this.dephasing = dephasing;
        planHubTerms();
    }

    /** The leaves' Dicke layout (M = N − 1 cells). */
    public DickeBlocks layout() {
        return layout;
    }

    /** The leaves' count orbits (local channels only; their indexing serves every part). */
    public CountOrbits orbits() {
        return leafOrbits;
    }

    /** First double of the Dicke part X^{ab}. */
    public int dickeAt(int a, int b) {
        return (2 * a + b) * layout.length();
    }

    /** First double of the count-orbit part X^{ab}. */
    public int orbitsAt(int a, int b) {
        return 4 * layout.length() + (2 * a + b) * leafOrbits.length();
    }

    /** Doubles of the state vector. */
    public int length() {
        return 4 * (layout.length() + leafOrbits.length());
    }

    /** A hub term feeding one part: coefficient·op(X^{sa,sb}), op a ladder index or −1 (identity). */
    private record Term(int op, int source, double cr, double ci) {
    }

    /** The hub terms feeding each part ab = 2a + b. */
    private final java.util.List<java.util.List<Term>> feeding = new java.util.ArrayList<>();
    /** Block, row and column of every leaf Dicke element (the rows a chunk of the derivative covers). */
    private int[] elementBlock, elementRow, elementColumn;
    /** ladder[p][k] = √(k(2j − k + 1)), the coefficient of L⁻|k⟩ = c(k)|k−1⟩ (and of L⁺|k−1⟩) in block p. */
    private double[][] ladder;

    private void planHubTerms() {
        for (int ab = 0; ab < 4; ab++) {
            feeding.add(new java.util.ArrayList<>());
        }
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                // Hub decay, absorption and dephasing act on the labels alone.
                double loss = -0.5 * (emissionDiagonal * (a + b) + absorptionDiagonal * (2 - a - b)) - (a != b ? dephasing : 0);
                term(-1, a, b, a, b, loss, 0);
            }
        }
        term(-1, 1, 1, 0, 0, emissionDiagonal, 0);   // σ0⁻ρσ0⁺
        term(-1, 0, 0, 1, 1, absorptionDiagonal, 0); // σ0⁺ρσ0⁻
        // −iκ on H_eff ρ, +i·conj(κ) on ρ H_eff†.
        double hr = kappaIm, hi = -kappaRe, kr = kappaIm, ki = kappaRe;
        for (int c = 0; c < 2; c++) {
            term(L_LOWER, 0, c, 1, c, hr, hi);      // σ0⁺L⁻ρ: (0,c) → (1,c)
            term(L_RAISE, 1, c, 0, c, hr, hi);      // σ0⁻L⁺ρ: (1,c) → (0,c)
            term(R_RAISE, c, 0, c, 1, kr, ki);      // ρσ0⁻L⁺: (c,0) → (c,1)
            term(R_LOWER, c, 1, c, 0, kr, ki);      // ρσ0⁺L⁻: (c,1) → (c,0)
            term(R_RAISE, 1, c, 0, c, emissionOff, 0);   // σ0⁻ρL⁺
            term(L_LOWER, c, 1, c, 0, emissionOff, 0);   // L⁻ρσ0⁺
            term(R_LOWER, 0, c, 1, c, absorptionOff, 0); // σ0⁺ρL⁻
            term(L_RAISE, c, 0, c, 1, absorptionOff, 0); // L⁺ρσ0⁻
        }
        ladder = new double[layout.blocks()][];
        for (int p = 0; p < layout.blocks(); p++) {
            int s = layout.size(p);
            ladder[p] = new double[s + 1];
            for (int k = 1; k < s; k++) {
                ladder[p][k] = Math.sqrt(k * (double) (s - k)); // 2j − k + 1 = s − k
            }
        }
        int e = layout.elements();
        elementBlock = new int[e];
        elementRow = new int[e];
        elementColumn = new int[e];
        for (int p = 0; p < layout.blocks(); p++) {
            for (int k = 0; k < layout.size(p); k++) {
                for (int kk = 0; kk < layout.size(p); kk++) {
                    int i = layout.index(p, k, kk);
                    elementBlock[i] = p;
                    elementRow[i] = k;
                    elementColumn[i] = kk;
                }
            }
        }
    }

    private void term(int op, int sa, int sb, int ta, int tb, double cr, double ci) {
        if (cr != 0 || ci != 0) {
            feeding.get(2 * ta + tb).add(new Term(op, 2 * sa + sb, cr, ci));
        }
    }

    @Override
    public void derivative(double t, double[] y, double[] out) {
        final int total = 4 * (layout.elements() + leafOrbits.types());
        Parallel.forRange(total, 40L, (from, to) -> chunk(y, out, null, from, to));
    }

    /** The norm summed while the rows are written, in fixed blocks (independent of the thread count). */
    @Override
    public double derivativeWeightedSquares(double[] y, double[] out, double[] w) {
        final int total = 4 * (layout.elements() + leafOrbits.types());
        return Parallel.sumInBlocks(total, 2048, 40L * 2048, (from, to) -> chunk(y, out, w, from, to));
    }

    /**
     * Rows [from, to) of the index space (part ab's Dicke elements, for ab = 0…3, then part ab's
     * count-orbit types): each part's leaf-local derivative, then every hub term feeding that part, row
     * by row range, so that chunks never write the same rows; with {@code w}, Σ (out_i·w_i)² of them.
     */
    private double chunk(double[] y, double[] out, double[] w, int from, int to) {
        final int dRows = layout.elements(), oRows = leafOrbits.types();
        double squares = 0;
        for (int i = from; i < to; ) {
            boolean dicke = i < 4 * dRows;
            int rows = dicke ? dRows : oRows, j = dicke ? i : i - 4 * dRows;
            int ab = j / rows, r0 = j % rows, r1 = Math.min(rows, r0 + (to - i));
            int at = dicke ? dickeAt(ab >> 1, ab & 1) : orbitsAt(ab >> 1, ab & 1);
            if (dicke) {
                leafDicke.rows(y, out, at, r0, r1, null);
            } else {
                leafOrbits.rows(y, out, at, r0, r1, null);
            }
            for (Term term : feeding.get(ab)) {
                int from2 = dicke ? dickeAt(term.source() >> 1, term.source() & 1) : orbitsAt(term.source() >> 1, term.source() & 1);
                if (term.op() < 0) {
                    axpy(y, from2 + 2 * r0, out, at + 2 * r0, r1 - r0, term.cr(), term.ci());
                } else if (dicke) {
                    dickeLadder(y, from2, out, at, term, r0, r1);
                } else {
                    orbitLadder[term.op()].addTo(y, from2, out, at, term.cr(), term.ci(), r0, r1);
                }
            }
            if (w != null) {
                for (int d = at + 2 * r0, end = at + 2 * r1; d < end; d++) {
                    double v = out[d] * w[d];
                    squares += v * v;
                }
            }
            i += r1 - r0;
        }
        return squares;
    }

    /** out[at..] += coefficient·L±(X) (left or right) on the leaf Dicke elements r0…r1−1, X read from {@code from}. */
    private void dickeLadder(double[] y, int from, double[] out, int at, Term term, int r0, int r1) {
        // Source element (row or column one up or down) and its ladder coefficient c(k) = √(k(2j − k + 1)),
        // L⁻|k⟩ = c(k)|k−1⟩: the left ladders move the row, the right ones the column.
        final int op = term.op();
        final boolean left = op == L_LOWER || op == L_RAISE, up = op == L_LOWER || op == R_RAISE;
        final double cr = term.cr(), ci = term.ci();
        for (int e = r0; e < r1; e++) {
            int p = elementBlock[e], k = elementRow[e], kk = elementColumn[e], s = layout.size(p);
            int moved = (left ? k : kk) + (up ? 1 : -1);
            if (moved < 0 || moved >= s) {
                continue;
            }
            double f = ladder[p][up ? moved : moved + 1];
            int src = from + 2 * layout.index(p, left ? moved : k, left ? kk : moved), dst = at + 2 * e;
            double xr = f * y[src], xi = f * y[src + 1];
            out[dst] += cr * xr - ci * xi;
            out[dst + 1] += cr * xi + ci * xr;
        }
    }

    private static void axpy(double[] y, int from, double[] out, int at, int complexCount, double cr, double ci) {
        for (int i = 0; i < complexCount; i++) {
            double xr = y[from + 2 * i], xi = y[from + 2 * i + 1];
            out[at + 2 * i] += cr * xr - ci * xi;
            out[at + 2 * i + 1] += cr * xi + ci * xr;
        }
    }
}
