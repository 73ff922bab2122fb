package org.qbattery.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qbattery.TestSupport;

/**
 * The orbit-reduced kernel against the literal dense construction: for random symmetric couplings
 * on rings (rotation, reflection) and stars (leaf rotation), random rates, temperature and
 * dephasing, and random states made invariant by averaging over the group, the unpacked reduced
 * derivative must equal the full derivative.
 */
class SymmetricLindbladKernelTest {
    static Stream<Arguments> cases() {
        return IntStream.range(0, 24).mapToObj(seed -> Arguments.of(seed, 3 + seed % 3, seed % 3 == 2 ? "star" : seed % 2 == 0 ? "rotation" : "reflection"));
    }

    static int[] permutation(String kind, int n) {
        int[] p = new int[n];
        for (int k = 0; k < n; k++) {
            p[k] = switch (kind) {
                case "rotation" -> (k + 1) % n;
                case "reflection" -> n - 1 - k;
                default -> k == 0 ? 0 : (k % (n - 1)) + 1; // star: centre 0 fixed, leaves rotate
            };
        }
        return p;
    }

    /** Symmetric J and G: one random value per orbit of cell pairs. */
    static double[][][] symmetricModel(Random rnd, int n, int[] p) {
        double[][] j = new double[n][n], g = new double[n][n];
        boolean[][] done = new boolean[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                if (done[a][b]) {
                    continue;
                }
                double jv = a == b ? 0 : rnd.nextGaussian();
                double gv = a == b ? 0.5 + rnd.nextDouble() : 0.2 * rnd.nextGaussian();
                int x = a, y = b;
                do {
                    j[x][y] = j[y][x] = jv;
                    g[x][y] = g[y][x] = gv;
                    done[Math.min(x, y)][Math.max(x, y)] = true;
                    x = p[x];
                    y = p[y];
                } while (!(x == a && y == b) && !(x == b && y == a));
            }
        }
        return new double[][][] {j, g};
    }

    /** (1/g) Σ_j Π^j ρ Π^−j: a random state invariant under the group. */
    static double[] symmetrise(double[] rho, int n, int[] p) {
        int d = 1 << n;
        int[] perm = SymmetricLindbladKernel.basisPermutation(n, p);
        double[] acc = rho.clone();
        double[] cur = rho.clone();
        int g = 1;
        while (true) {
            double[] next = new double[cur.length];
            for (int s = 0; s < d; s++) {
                for (int c = 0; c < d; c++) {
                    next[2 * (perm[s] * d + perm[c])] = cur[2 * (s * d + c)];
                    next[2 * (perm[s] * d + perm[c]) + 1] = cur[2 * (s * d + c) + 1];
                }
            }
            if (TestSupport.maxAbsDiff(next, rho) == 0) {
                break;
            }
            for (int x = 0; x < acc.length; x++) {
                acc[x] += next[x];
            }
            cur = next;
            g++;
        }
        for (int x = 0; x < acc.length; x++) {
            acc[x] /= g;
        }
        return acc;
    }

    @ParameterizedTest(name = "seed {0}, N = {1}, {2}")
    @MethodSource("cases")
    void matchesDenseConstructionOnInvariantStates(int seed, int n, String kind) {
        Random rnd = new Random(seed);
        int[] p = permutation(kind, n);
        double[][][] m = symmetricModel(rnd, n, p);
        double nbar = seed % 4 == 0 ? 0 : rnd.nextDouble();
        double deph = seed % 3 == 0 ? 0 : rnd.nextDouble();
        int d = 1 << n;
        double[] rho = symmetrise(TestSupport.randomDensity(rnd, d, 1 + rnd.nextInt(d)), n, p);
        SymmetricLindbladKernel k = new SymmetricLindbladKernel(n, m[0], m[1], nbar, deph, p);
        double[] packed = k.pack(rho);
        double[] back = new double[rho.length];
        k.unpack(packed, back);
        assertThat(TestSupport.maxAbsDiff(back, rho)).isLessThan(1e-15);
        assertThat(TestSupport.deviationFromDense(k, rho, n, m, nbar, deph)).isLessThan(1e-13);
    }

    /**
     * Paper parameters on a ring of 6 from |+⟩^6: the orbit-reduced trajectory, unpacked, equals the
     * sector-block one. Both are integrated with DOP853 at rtol 1e-10, atol 1e-12, so they differ
     * by the integrators' global errors (~1e-10 here); 1e-9 leaves room for both.
     */
    @Test
    void trajectoryEqualsTheSectorKernelsOnARing() {
        int n = 6;
        double[][][] m = TestSupport.paperCouplings(n, true);
        double[][] j = m[0], g = m[1];
        double[] rho = org.qbattery.model.InitialState.quantum(n);
        SymmetricLindbladKernel orbits = new SymmetricLindbladKernel(n, j, g, 0, 0, permutation("rotation", n));
        SectorLindbladKernel blocks = new SectorLindbladKernel(n, j, g, 0, 0);
        double[] y1 = orbits.pack(rho), y2 = blocks.pack(rho);
        new DormandPrince853(Tolerances.DEFAULT).integrate(orbits, 0, y1, 0.8, null);
        new DormandPrince853(Tolerances.DEFAULT).integrate(blocks, 0, y2, 0.8, null);
        double[] a = new double[rho.length], b = new double[rho.length];
        orbits.unpack(y1, a);
        blocks.unpack(y2, b);
        assertThat(TestSupport.maxAbsDiff(a, b)).isLessThan(1e-9);
        assertThat(TestSupport.maxAbsDiff(a, rho)).isGreaterThan(0.1); // it did evolve
    }

    @Test
    void ringOfTwelveKeepsOneNumberPerOrbit() {
        int n = 12;
        double[][][] m = TestSupport.paperCouplings(n, true);
        double[][] j = m[0], g = m[1];
        SymmetricLindbladKernel k = new SymmetricLindbladKernel(n, j, g, 0, 0, permutation("rotation", n));
        assertThat(k.order()).isEqualTo(12);
        // Burnside: orbits = (1/12) Σ_j fixed k ≥ k' pairs of rotation^j; at least elements / 12.
        long elements = Sectors.elements(n);
        assertThat(k.orbits()).isBetween((int) (elements / 12), (int) (elements / 12 + elements / 100));
    }

    /** The layout for more than 256 distinct coefficients (source and coefficient apart) gives the same. */
    @ParameterizedTest(name = "seed {0}, N = {1}, {2}")
    @MethodSource("cases")
    void wideLayoutMatchesDenseConstruction(int seed, int n, String kind) {
        withSwitch(() -> SymmetricLindbladKernel.compactTableLimit, v -> SymmetricLindbladKernel.compactTableLimit = v, seed, n, kind);
    }

    /** The dense comparison with one of the kernel's test switches at 0, restored afterwards. */
    private void withSwitch(java.util.function.IntSupplier get, java.util.function.IntConsumer set, int seed, int n, String kind) {
        int before = get.getAsInt();
        try {
            set.accept(0);
            matchesDenseConstructionOnInvariantStates(seed, n, kind);
        } finally {
            set.accept(before);
        }
    }

    /** Unpacking without the full-size index map (used from 13 cells on) gives the same matrix. */
    @ParameterizedTest(name = "seed {0}, N = {1}, {2}")
    @MethodSource("cases")
    void unpackWithoutTheIndexMapMatches(int seed, int n, String kind) {
        withSwitch(() -> SymmetricLindbladKernel.mapCells, v -> SymmetricLindbladKernel.mapCells = v, seed, n, kind);
    }

    @Test
    void refusesAPermutationThatIsNotASymmetry() {
        double[][] j = {{0, 1, 0}, {1, 0, 1}, {0, 1, 0}};
        double[][] g = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        assertThatThrownBy(() -> new SymmetricLindbladKernel(3, j, g, 0, 0, new int[] {1, 2, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a symmetry");
    }

    @Test
    void threadedEqualsSingleThreaded() {
        int n = 9;
        int[] p = permutation("rotation", n);
        double[][][] m = symmetricModel(new Random(5), n, p);
        SymmetricLindbladKernel k = new SymmetricLindbladKernel(n, m[0], m[1], 0.1, 0.2, p);
        double[] y = new double[k.length()];
        Random rnd = new Random(6);
        for (int x = 0; x < y.length; x++) {
            y[x] = rnd.nextGaussian();
        }
        double[][] r = TestSupport.derivativeOnOneAndFourThreads(k, y);
        assertThat(r[1]).containsExactly(r[0]);
    }

    /**
     * The fused derivative-and-norm gives the plain derivative and the plain weighted sum of squares
     * (up to the order of summation), the same on one and on four threads.
     */
    @Test
    void fusedNormEqualsTwoPassesOnAnyThreadCount() {
        int n = 9;
        int[] p = permutation("reflection", n);
        double[][][] m = symmetricModel(new Random(8), n, p);
        SymmetricLindbladKernel k = new SymmetricLindbladKernel(n, m[0], m[1], 0.3, 0.1, p);
        Random rnd = new Random(9);
        double[] y = new double[k.length()], w = new double[k.length()];
        for (int x = 0; x < y.length; x++) {
            y[x] = rnd.nextGaussian();
            w[x] = 1 / (1e-3 + rnd.nextDouble());
        }
        double[] plain = new double[y.length];
        k.derivative(0, y, plain);
        double twoPass = 0;
        for (int x = 0; x < y.length; x++) {
            twoPass += plain[x] * w[x] * plain[x] * w[x];
        }
        double[] sums = new double[2];
        double[][] outs = new double[2][y.length];
        int before = Parallel.threads();
        try {
            int[] threads = {1, 4};
            for (int i = 0; i < 2; i++) {
                Parallel.setThreads(threads[i]);
                sums[i] = k.derivativeWeightedSquares(y, outs[i], w);
            }
        } finally {
            Parallel.setThreads(before);
        }
        assertThat(outs[0]).containsExactly(plain);
        assertThat(outs[1]).containsExactly(plain);
        assertThat(sums[1]).isEqualTo(sums[0]);
        // Reordering a sum of n positive terms changes it by at most n·ε relative.
        assertThat(sums[0]).isCloseTo(twoPass, org.assertj.core.api.Assertions.within(y.length * Math.ulp(1.0) * twoPass));
    }

    /** Every element of the group the cell permutations generate (closure; small n only). */
    static java.util.List<int[]> group(int n, int[][] generators) {
        java.util.List<int[]> all = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int[] id = IntStream.range(0, n).toArray();
        all.add(id);
        seen.add(java.util.Arrays.toString(id));
        for (int i = 0; i < all.size(); i++) {
            for (int[] g : generators) {
                int[] h = new int[n];
                for (int k = 0; k < n; k++) {
                    h[k] = g[all.get(i)[k]];
                }
                if (seen.add(java.util.Arrays.toString(h))) {
                    all.add(h);
                }
            }
        }
        return all;
    }

    /**
     * The count a memory estimate uses, made without building the kernel: equal to the kernel's own,
     * and to Burnside's lemma (orbits = mean number of element pairs a group element fixes; a pair
     * (s, c) with |s| ≥ |c| is fixed when both strings are), a count made without any search. The
     * kernel's bytes stay within the bound the estimate adds for it.
     */
    @ParameterizedTest(name = "{0}, N = {1}")
    @MethodSource("groups")
    void orbitCountWithoutTheKernelMatchesTheKernelAndBurnside(String kind, int n) {
        int[][] gens = generators(kind, n);
        java.util.List<int[]> elements = group(n, gens);
        long fixed = 0;
        for (int[] pi : elements) {
            int[] perm = SymmetricLindbladKernel.basisPermutation(n, pi);
            long[] byWeight = new long[n + 1];
            for (int s = 0; s < perm.length; s++) {
                byWeight[Integer.bitCount(s)] += perm[s] == s ? 1 : 0;
            }
            for (int a = 0; a <= n; a++) {
                for (int b = 0; b <= a; b++) {
                    fixed += byWeight[a] * byWeight[b];
                }
            }
        }
        assertThat(fixed % elements.size()).isZero();
        // Uniform couplings on every pair: symmetric under every group used here.
        double[][] j = new double[n][n], g = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                j[a][b] = a == b ? 0 : 1.0;
                g[a][b] = a == b ? 1.0 : 0.2;
            }
        }
        SymmetricLindbladKernel k = new SymmetricLindbladKernel(n, j, g, 0.1, 0.2, gens);
        assertThat(SymmetricLindbladKernel.length(n, gens)).isEqualTo(k.length()).isEqualTo(2 * fixed / elements.size());
        long held = 4 * Sectors.elements(n) + 28L * k.orbits() + 8L * k.entries();
        assertThat(SymmetricLindbladKernel.bytesBound(n, j, g, 0.1, 0.2, k.orbits())).isGreaterThanOrEqualTo(held);
    }

    /**
     * Where the group is every permutation of a set of cells (complete graph: all; star: the
     * leaves), the orbits come from counting bits instead of a search: the same orbits, numbered
     * alike (each at its first element), with the same representatives and largest size, and the
     * closed-form count equals the search's. Up to 10 cells, where the search still takes little time.
     */
    @ParameterizedTest(name = "{0}, N = {1}")
    @org.junit.jupiter.params.provider.CsvSource({"all, 3", "all, 4", "all, 6", "all, 9", "all, 10",
        "leaves, 4", "leaves, 5", "leaves, 7", "leaves, 10"})
    void orbitsOfAllPermutationsAreTheSearchedOrbits(String kind, int n) {
        int[][] gens = generators(kind, n);
        int mask = SymmetricLindbladKernel.symmetricGroupMask(n, gens);
        assertThat(mask).isEqualTo(kind.equals("all") ? (1 << n) - 1 : (1 << n) - 2); // star: cell 0 (bit 0) is the fixed hub
        Sectors sectors = new Sectors(n);
        int[][] perms = new int[gens.length][];
        for (int i = 0; i < gens.length; i++) {
            perms[i] = SymmetricLindbladKernel.basisPermutation(n, gens[i]);
        }
        int[] searched = new int[(int) sectors.elements], counted = new int[(int) sectors.elements];
        SymmetricLindbladKernel.Orbits a = SymmetricLindbladKernel.orbits(sectors, perms, searched);
        SymmetricLindbladKernel.Orbits b = SymmetricLindbladKernel.orbitsOfAllPermutations(sectors, mask, counted);
        assertThat(b.count()).isEqualTo(a.count()).isEqualTo(SymmetricLindbladKernel.countOfAllPermutations(n, mask));
        assertThat(b.largest()).isEqualTo(a.largest());
        assertThat(java.util.Arrays.copyOf(b.repS(), b.count())).isEqualTo(java.util.Arrays.copyOf(a.repS(), a.count()));
        assertThat(java.util.Arrays.copyOf(b.repC(), b.count())).isEqualTo(java.util.Arrays.copyOf(a.repC(), a.count()));
        assertThat(counted).isEqualTo(searched);
        // The kernel looks orbits up by key: the same orbit for every stored element.
        double[][] j = new double[n][n], g = new double[n][n];
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                boolean edge = x != y && (kind.equals("all") || x == 0 || y == 0);
                j[x][y] = edge ? 1.0 : 0;
                g[x][y] = x == y ? 1.0 : edge ? 0.1 : 0;
            }
        }
        SymmetricLindbladKernel kernel = new SymmetricLindbladKernel(n, j, g, 0, 0, gens);
        for (int k = 0; k <= n; k++) {
            for (int kp = 0; kp <= k; kp++) {
                for (int s : sectors.strings[k]) {
                    for (int c : sectors.strings[kp]) {
                        assertThat(kernel.orbitOfElement(s, c)).isEqualTo(searched[(int) sectors.element(s, c)]);
                    }
                }
            }
        }
    }

    /** Groups that are not every permutation of a set of cells, or more than that, keep the search. */
    @Test
    void otherGroupsAreSearched() {
        assertThat(SymmetricLindbladKernel.symmetricGroupMask(6, generators("dihedral", 6))).isZero();
        assertThat(SymmetricLindbladKernel.symmetricGroupMask(5, new int[][] {permutation("star", 5)})).isZero();
        // The leaves' group plus a permutation that moves the hub: not the leaves' symmetric group alone.
        int[][] leaves = generators("leaves", 5);
        int[] moveHub = {1, 0, 2, 3, 4};
        assertThat(SymmetricLindbladKernel.symmetricGroupMask(5, new int[][] {leaves[0], leaves[1], moveHub})).isZero();
    }

    static Stream<Arguments> groups() {
        return Stream.of(
                Arguments.of("dihedral", 4), Arguments.of("dihedral", 5),
                Arguments.of("all", 3), Arguments.of("all", 4), Arguments.of("all", 5),
                Arguments.of("leaves", 4), Arguments.of("leaves", 5));
    }

    static int[][] generators(String kind, int n) {
        int[] transposition = IntStream.range(0, n).toArray();
        return switch (kind) {
            case "dihedral" -> new int[][] {permutation("rotation", n), permutation("reflection", n)};
            case "all" -> {
                transposition[0] = 1;
                transposition[1] = 0;
                yield new int[][] {permutation("rotation", n), transposition};
            }
            default -> {
                transposition[1] = 2;
                transposition[2] = 1;
                yield new int[][] {permutation("star", n), transposition};
            }
        };
    }

    /**
     * Several generators (ring: rotations and reflections; complete graph: all permutations; star:
     * all permutations of the leaves): couplings averaged over the whole group, states averaged
     * over it, the unpacked reduced derivative equals the dense one.
     */
    @ParameterizedTest(name = "{0}, N = {1}")
    @MethodSource("groups")
    void generatedGroupsMatchDenseConstruction(String kind, int n) {
        Random rnd = new Random(31L * n + kind.hashCode());
        java.util.List<int[]> elements = group(n, generators(kind, n));
        double[][][] m = new double[2][n][n];
        double[][] j0 = new double[n][n], g0 = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                j0[a][b] = j0[b][a] = a == b ? 0 : rnd.nextGaussian();
                g0[a][b] = g0[b][a] = a == b ? 0.5 + rnd.nextDouble() : 0.2 * rnd.nextGaussian();
            }
        }
        int d = 1 << n;
        double[] rho0 = TestSupport.randomDensity(rnd, d, 1 + rnd.nextInt(d));
        double[] rho = new double[rho0.length];
        for (int[] pi : elements) {
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    m[0][pi[a]][pi[b]] += j0[a][b] / elements.size();
                    m[1][pi[a]][pi[b]] += g0[a][b] / elements.size();
                }
            }
            int[] perm = SymmetricLindbladKernel.basisPermutation(n, pi);
            for (int s = 0; s < d; s++) {
                for (int c = 0; c < d; c++) {
                    rho[2 * (perm[s] * d + perm[c])] += rho0[2 * (s * d + c)] / elements.size();
                    rho[2 * (perm[s] * d + perm[c]) + 1] += rho0[2 * (s * d + c) + 1] / elements.size();
                }
            }
        }
        // Averaging sums in different orders: give each orbit of cell pairs its canonical member's
        // value exactly (the kernel checks symmetry bit for bit).
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                int ca = a, cb = b;
                for (int[] pi : elements) {
                    if (pi[a] < ca || (pi[a] == ca && pi[b] < cb)) {
                        ca = pi[a];
                        cb = pi[b];
                    }
                }
                m[0][a][b] = m[0][ca][cb];
                m[1][a][b] = m[1][ca][cb];
            }
        }
        double nbar = 0.3, deph = 0.2;
        SymmetricLindbladKernel k = new SymmetricLindbladKernel(n, m[0], m[1], nbar, deph, generators(kind, n));
        double[] back = new double[rho.length];
        k.unpack(k.pack(rho), back);
        assertThat(TestSupport.maxAbsDiff(back, rho)).isLessThan(1e-15);
        assertThat(TestSupport.deviationFromDense(k, rho, n, m, nbar, deph)).isLessThan(1e-13);
        if (kind.equals("all")) {
            // Under all permutations an element pair (s, c) is fixed by |s∩c|, |s∖c|, |c∖s|; kept: |s| ≥ |c|.
            int types = 0;
            for (int a = 0; a <= n; a++) {
                for (int b = 0; a + b <= n; b++) {
                    for (int e = 0; a + b + e <= n; e++) {
                        types += b >= e ? 1 : 0;
                    }
                }
            }
            assertThat(k.orbits()).isEqualTo(types);
        }
    }

    /**
     * The l1 sum off the diagonal, the purity and the sector check read from the orbits (each value weighted by the
     * elements it stands for) equal the sums over the full matrix of an invariant state, for single
     * generators and whole groups: sums of at most 2·4^N terms of size ≤ 1, so 1e-12 covers their
     * round-off. A state averaged over a smaller group than the kernel's is not invariant and is not
     * tested; the weights would then be wrong, which is why callers pass only the run's own state.
     */
    @ParameterizedTest(name = "{0}, N = {1}")
    @org.junit.jupiter.params.provider.CsvSource({"rotation, 5", "reflection, 4", "star, 5", "dihedral, 5", "dihedral, 6",
        "all, 4", "all, 5", "leaves, 5"})
    void l1PuritySectorCheckFromTheOrbits(String kind, int n) {
        int[][] gens = switch (kind) {
            case "rotation", "reflection", "star" -> new int[][] {permutation(kind, n)};
            default -> generators(kind, n);
        };
        java.util.List<int[]> elements = group(n, gens);
        int d = 1 << n;
        Random rnd = new Random(17L * n + kind.hashCode());
        double[] rho = TestSupport.groupAverage(TestSupport.randomDensity(rnd, d, 1 + rnd.nextInt(d)), n, elements);
        double[][] zero = new double[n][n], identity = new double[n][n];
        for (int a = 0; a < n; a++) {
            identity[a][a] = 1;
        }
        SymmetricLindbladKernel k = new SymmetricLindbladKernel(n, zero, identity, 0, 0, gens);
        double l1 = 0, purity = 0;
        for (int s = 0; s < d; s++) {
            for (int c = 0; c < d; c++) {
                double re = rho[2 * (s * d + c)], im = rho[2 * (s * d + c) + 1];
                l1 += s == c ? 0 : Math.hypot(re, im);
                purity += re * re + im * im;
            }
        }
        double[] got = k.offDiagonalL1AndPurity(k.pack(rho));
        assertThat(l1).isGreaterThan(0.1);
        assertThat(got[0]).isCloseTo(l1, org.assertj.core.api.Assertions.within(1e-12 * l1));
        assertThat(got[1]).isCloseTo(purity, org.assertj.core.api.Assertions.within(1e-12 * purity));
        assertThat(new SectorLindbladKernel(n, zero, identity, 0, 0).offDiagonalL1AndPurity(new double[1])).isNull();
        // The sector check from the orbits: false for this state (it has coherence between sectors),
        // true once the elements between sectors are set to zero (still invariant under the group).
        assertThat(k.commutesWithH0(k.pack(rho))).isFalse();
        for (int s = 0; s < d; s++) {
            for (int c = 0; c < d; c++) {
                if (Integer.bitCount(s) != Integer.bitCount(c)) {
                    rho[2 * (s * d + c)] = 0;
                    rho[2 * (s * d + c) + 1] = 0;
                }
            }
        }
        assertThat(k.commutesWithH0(k.pack(rho))).isTrue();
    }
}
