package org.qbattery.model;

import java.util.Locale;
import org.qbattery.kernel.CountOrbits;
import org.qbattery.kernel.DickeBlocks;
import org.qbattery.kernel.StarGenerator;

/**
 * A built-in initial state ({@link InitialState}) that every cell permutation leaves invariant, in the
 * two forms a complete-graph run integrates without the 2^N register: the Dicke blocks' weights
 * ({@link DickeBlocks}) and the count-orbit weights ({@link CountOrbits}).
 * <ul>
 *   <li>{@code charged}, {@code quantum}, {@code bloch:θ,φ}: (cos(θ/2)|e⟩ + e^{iφ} sin(θ/2)|g⟩)^⊗N, all in
 *       spin N/2 with amplitudes √C(N,k) cos^k(θ/2) (e^{iφ} sin(θ/2))^{N−k} on k excited cells;</li>
 *   <li>{@code classical}: (¾|e⟩⟨e| + ¼|g⟩⟨g|)^⊗N, diagonal: every block's level k holds d_j (¾)^{k+p} (¼)^{N−k−p};</li>
 *   <li>{@code ghz}, {@code w}, {@code dicke:K}: symmetric, in spin N/2.</li>
 * </ul>
 *
 * @param dicke  Dicke blocks' weights B_j = d_j·ρ_j
 * @param orbits count-orbit weights mult(t)·ρ_xy
 */
public record SymmetricState(double[] dicke, double[] orbits) {

    /** Whether {@code spec} names a state this class builds (every built-in state but {@code file:}). */
    public static boolean covers(String spec) {
        return spec != null && !spec.trim().toLowerCase(Locale.ROOT).startsWith("file:");
    }

    /**
     * The state named by {@code spec} for {@code layout.cells()} cells. Names and arguments are
     * checked by {@link InitialState#parse}'s rules (same messages).
     */
    public static SymmetricState parse(String spec, DickeBlocks layout, CountOrbits orbits) {
        if (!covers(spec)) {
            throw new InvalidParameterException("state", "a state from a file needs the 2^N register (at most "
                    + Battery.MAX_CELLS + " cells); beyond that the complete graph takes the built-in states "
                    + InitialState.ALLOWED.replace(", file:PATH", ""));
        }
        int n = layout.cells();
        InitialState.Named named = InitialState.name(spec, n);
        return switch (named.kind()) {
            case "charged" -> bloch(layout, orbits, 0, 0);
            case "classical" -> classical(layout, orbits);
            case "quantum" -> bloch(layout, orbits, Math.PI / 2, 0);
            case "bloch" -> bloch(layout, orbits, named.theta(), named.phi());
            case "ghz" -> ghz(layout, orbits);
            case "dicke" -> dicke(layout, orbits, named.excited());
            default -> throw new IllegalStateException(named.kind());
        };
    }

    private static SymmetricState bloch(DickeBlocks layout, CountOrbits orbits, double theta, double phi) {
        int n = layout.cells();
        double ce = Math.cos(theta / 2), sg = Math.sin(theta / 2);
        // Amplitude of k excited cells, in logs: √C(N,k) ce^k sg^(N−k) under- and overflows apart from 50 cells on.
        double[] re = new double[n + 1], im = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            double mag;
            if ((ce == 0 && k > 0) || (sg == 0 && k < n)) {
                mag = 0;
            } else {
                double log = 0.5 * logBinomial(n, k) + (k > 0 ? k * Math.log(ce) : 0) + (k < n ? (n - k) * Math.log(sg) : 0);
                mag = Math.exp(log);
            }
            re[k] = mag * Math.cos(phi * (n - k));
            im[k] = mag * Math.sin(phi * (n - k));
        }
        double[] y = new double[layout.length()];
        for (int k = 0; k <= n; k++) {
            for (int kk = 0; kk <= n; kk++) {
                int i = layout.index(0, k, kk);
                y[2 * i] = re[k] * re[kk] + im[k] * im[kk];
                y[2 * i + 1] = im[k] * re[kk] - re[k] * im[kk];
            }
        }
        double gr = Math.cos(phi) * sg, gi = Math.sin(phi) * sg;
        double[] one = {gr * gr + gi * gi, 0, gr * ce, gi * ce, ce * gr, -ce * gi, ce * ce, 0};
        return new SymmetricState(y, orbits.product(one));
    }

    private static SymmetricState classical(DickeBlocks layout, CountOrbits orbits) {
        int n = layout.cells();
        double[] y = new double[layout.length()];
        for (int p = 0; p < layout.blocks(); p++) {
            for (int k = 0; k < layout.size(p); k++) {
                int excited = k + p;
                y[2 * layout.index(p, k, k)] = layout.degeneracy(p) * Math.pow(0.75, excited) * Math.pow(0.25, n - excited);
            }
        }
        return new SymmetricState(y, orbits.product(new double[] {0.25, 0, 0, 0, 0, 0, 0.75, 0}));
    }

    private static SymmetricState ghz(DickeBlocks layout, CountOrbits orbits) {
        int n = layout.cells();
        double[] y = new double[layout.length()];
        double[] u = new double[orbits.length()];
        int[] ends = {0, n};
        for (int k : ends) {
            for (int kk : ends) {
                y[2 * layout.index(0, k, kk)] = 0.5;
            }
        }
        // |0…0⟩⟨0…0|, |1…1⟩⟨1…1|, |1…1⟩⟨0…0|, |0…0⟩⟨1…1|: one element each (types with a single class)
        u[2 * orbits.index(0, 0, 0)] += 0.5;
        u[2 * orbits.index(n, 0, 0)] += 0.5;
        u[2 * orbits.index(0, n, 0)] += 0.5;
        u[2 * orbits.index(0, 0, n)] += 0.5;
        return new SymmetricState(y, u);
    }

    private static SymmetricState dicke(DickeBlocks layout, CountOrbits orbits, int excited) {
        int n = layout.cells();
        double[] y = new double[layout.length()];
        y[2 * layout.index(0, excited, excited)] = 1;
        double[] u = new double[orbits.length()];
        dickeOrbits(orbits, excited, excited, 1, u, 0);
        return new SymmetricState(y, u);
    }

    /**
     * The state named by {@code spec} on the star of {@code g} (hub = cell 0, M leaves), in
     * {@link StarGenerator}'s layout: X^{ab} with ρ = Σ |a⟩⟨b|_hub ⊗ X^{ab}. Product states are
     * ρ1(a, b)·(the leaves' product); ghz and dicke:K split at the hub: |D^N_K⟩ = √((N−K)/N) |g⟩|D^M_K⟩ +
     * √(K/N) |e⟩|D^M_{K−1}⟩.
     */
    public static double[] star(String spec, StarGenerator g) {
        if (!covers(spec)) {
            throw new InvalidParameterException("state", "a state from a file needs the 2^N register (at most "
                    + Battery.MAX_CELLS + " cells); beyond that the star takes the built-in states "
                    + InitialState.ALLOWED.replace(", file:PATH", ""));
        }
        DickeBlocks layout = g.layout();
        CountOrbits orbits = g.orbits();
        int m = layout.cells(), n = m + 1;
        InitialState.Named named = InitialState.name(spec, n);
        double[] y = new double[g.length()];
        double[] hub;
        switch (named.kind()) {
            case "charged", "quantum", "bloch" -> {
                double theta = named.kind().equals("charged") ? 0 : named.kind().equals("quantum") ? Math.PI / 2 : named.theta();
                double phi = named.kind().equals("bloch") ? named.phi() : 0;
                SymmetricState leaves = bloch(layout, orbits, theta, phi);
                double ce = Math.cos(theta / 2), sg = Math.sin(theta / 2), gr = Math.cos(phi) * sg, gi = Math.sin(phi) * sg;
                hub = new double[] {gr * gr + gi * gi, 0, gr * ce, gi * ce, ce * gr, -ce * gi, ce * ce, 0};
                place(y, g, hub, leaves);
            }
            case "classical" -> place(y, g, new double[] {0.25, 0, 0, 0, 0, 0, 0.75, 0}, classical(layout, orbits));
            case "ghz" -> {
                int[] level = {0, m};
                for (int a = 0; a < 2; a++) {
                    for (int b = 0; b < 2; b++) {
                        y[g.dickeAt(a, b) + 2 * layout.index(0, level[a], level[b])] = 0.5;
                        // every leaf in class (a, b): 11 → index(M, 0, 0), 10 → (0, M, 0), 01 → (0, 0, M), 00 → (0, 0, 0)
                        int i = orbits.index(a * b * m, a * (1 - b) * m, (1 - a) * b * m);
                        y[g.orbitsAt(a, b) + 2 * i] = 0.5;
                    }
                }
            }
            case "dicke" -> {
                int k = named.excited();
                double[] amp = {k <= m ? Math.sqrt((double) (n - k) / n) : 0, k >= 1 ? Math.sqrt((double) k / n) : 0};
                int[] level = {k, k - 1};
                for (int a = 0; a < 2; a++) {
                    for (int b = 0; b < 2; b++) {
                        double w = amp[a] * amp[b];
                        if (w == 0) {
                            continue;
                        }
                        y[g.dickeAt(a, b) + 2 * layout.index(0, level[a], level[b])] = w;
                        dickeOrbits(orbits, level[a], level[b], w, y, g.orbitsAt(a, b));
                    }
                }
            }
            default -> throw new IllegalStateException(named.kind());
        }
        return y;
    }

    /** X^{ab} = ρ1(a, b)·leaves for a product state (ρ1 = {gg, ge, eg, ee} complex). */
    private static void place(double[] y, StarGenerator g, double[] hub, SymmetricState leaves) {
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                double hr = hub[2 * (2 * a + b)], hi = hub[2 * (2 * a + b) + 1];
                scaleInto(leaves.dicke(), hr, hi, y, g.dickeAt(a, b));
                scaleInto(leaves.orbits(), hr, hi, y, g.orbitsAt(a, b));
            }
        }
    }

    private static void scaleInto(double[] x, double cr, double ci, double[] y, int at) {
        for (int i = 0; i < x.length; i += 2) {
            y[at + i] = cr * x[i] - ci * x[i + 1];
            y[at + i + 1] = cr * x[i + 1] + ci * x[i];
        }
    }

    /** w·|D_k⟩⟨D_k'| in count-orbit weights: ρ_xy = w/√(C(M,k) C(M,k')) for |x| = k, |y| = k'. */
    private static void dickeOrbits(CountOrbits orbits, int k, int kk, double w, double[] y, int at) {
        int m = orbits.cells();
        for (int a = Math.max(0, k + kk - m); a <= Math.min(k, kk); a++) {
            int b = k - a, c = kk - a, d = m - a - b - c;
            double logMult = logFactorial(m) - logFactorial(a) - logFactorial(b) - logFactorial(c) - logFactorial(d);
            y[at + 2 * orbits.index(a, b, c)] = w * Math.exp(logMult - 0.5 * (logBinomial(m, k) + logBinomial(m, kk)));
        }
    }

    private static double logFactorial(int k) {
        double s = 0;
        for (int i = 2; i <= k; i++) {
            s += Math.log(i);
        }
        return s;
    }

    private static double logBinomial(int n, int k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }
}
