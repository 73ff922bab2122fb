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

    @Override
    public void derivative(double t, double[] y, double[] out) {
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                leafDicke.derivativeAt(y, out, dickeAt(a, b));
                leafOrbits.derivativeAt(y, out, orbitsAt(a, b));
            }
        }
        addHubTerms(y, out, true);
        addHubTerms(y, out, false);
    }

    /** Everything that involves the hub, added onto the leaves' own derivative, in one of the two forms. */
    private void addHubTerms(double[] y, double[] out, boolean dicke) {
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                // Hub decay, absorption and dephasing act on the labels alone.
                double loss = -0.5 * (emissionDiagonal * (a + b) + absorptionDiagonal * (2 - a - b)) - (a != b ? dephasing : 0);
                add(y, out, dicke, -1, a, b, a, b, loss, 0);
            }
        }
        add(y, out, dicke, -1, 1, 1, 0, 0, emissionDiagonal, 0);   // σ0⁻ρσ0⁺
        add(y, out, dicke, -1, 0, 0, 1, 1, absorptionDiagonal, 0); // σ0⁺ρσ0⁻
        // −iκ on H_eff ρ, +i·conj(κ) on ρ H_eff†.
        double hr = kappaIm, hi = -kappaRe, kr = kappaIm, ki = kappaRe;
        for (int c = 0; c < 2; c++) {
            add(y, out, dicke, L_LOWER, 0, c, 1, c, hr, hi);      // σ0⁺L⁻ρ: (0,c) → (1,c)
            add(y, out, dicke, L_RAISE, 1, c, 0, c, hr, hi);      // σ0⁻L⁺ρ: (1,c) → (0,c)
            add(y, out, dicke, R_RAISE, c, 0, c, 1, kr, ki);      // ρσ0⁻L⁺: (c,0) → (c,1)
            add(y, out, dicke, R_LOWER, c, 1, c, 0, kr, ki);      // ρσ0⁺L⁻: (c,1) → (c,0)
            add(y, out, dicke, R_RAISE, 1, c, 0, c, emissionOff, 0);   // σ0⁻ρL⁺
            add(y, out, dicke, L_LOWER, c, 1, c, 0, emissionOff, 0);   // L⁻ρσ0⁺
            add(y, out, dicke, R_LOWER, 0, c, 1, c, absorptionOff, 0); // σ0⁺ρL⁻
            add(y, out, dicke, L_RAISE, c, 0, c, 1, absorptionOff, 0); // L⁺ρσ0⁻
        }
    }

    /**
     * out^{ta,tb} += (cr + i·ci)·op(X^{sa,sb}), op a ladder ({@code L_LOWER} …) or the identity (−1), in
     * the Dicke or the count-orbit part.
     */
    private void add(double[] y, double[] out, boolean dicke, int op, int sa, int sb, int ta, int tb, double cr, double ci) {
        if (cr == 0 && ci == 0) {
            return;
        }
        if (!dicke) {
            int from = orbitsAt(sa, sb), at = orbitsAt(ta, tb);
            if (op < 0) {
                axpy(y, from, out, at, leafOrbits.length() / 2, cr, ci);
            } else {
                orbitLadder[op].addTo(y, from, out, at, cr, ci, 0, leafOrbits.types());
            }
            return;
        }
        int from = dickeAt(sa, sb), at = dickeAt(ta, tb);
        if (op < 0) {
            axpy(y, from, out, at, layout.elements(), cr, ci);
            return;
        }
        for (int p = 0; p < layout.blocks(); p++) {
            int s = layout.size(p);
            double twoJ = s - 1;
            for (int k = 0; k < s; k++) {
                for (int kk = 0; kk < s; kk++) {
                    // Source element and ladder coefficient c(k) = √(k(2j − k + 1)) of L⁻|k⟩ = c(k)|k−1⟩.
                    int sk = k, skk = kk;
                    double f;
                    switch (op) {
                        case L_LOWER -> { sk = k + 1; f = sk < s ? Math.sqrt(sk * (twoJ - sk + 1)) : 0; }
                        case L_RAISE -> { sk = k - 1; f = k > 0 ? Math.sqrt(k * (twoJ - k + 1)) : 0; }
                        case R_LOWER -> { skk = kk - 1; f = kk > 0 ? Math.sqrt(kk * (twoJ - kk + 1)) : 0; }
                        default -> { skk = kk + 1; f = skk < s ? Math.sqrt(skk * (twoJ - skk + 1)) : 0; }
                    }
                    if (f == 0) {
                        continue;
                    }
                    int src = from + 2 * layout.index(p, sk, skk), dst = at + 2 * layout.index(p, k, kk);
                    double xr = f * y[src], xi = f * y[src + 1];
                    out[dst] += cr * xr - ci * xi;
                    out[dst + 1] += cr * xi + ci * xr;
                }
            }
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
