package org.qbattery.kernel;

/**
 * The master equation restricted to states invariant under a group of cell permutations that the
 * equation itself respects: one complex number per orbit of matrix elements.
 *
 * <p>If π permutes the cells, maps the exchange couplings and the decay matrix G onto themselves
 * (a graph automorphism: the ring's rotations and reflections, the chain's reflection, any
 * permutation of the complete graph, any permutation of the star's leaves) and
 * ρ(0) = Π ρ(0) Π†, then ρ(t) = Π ρ(t) Π† for all t, i.e. ρ(s, c) = ρ(πs, πc). The same holds for
 * every π of the group the given permutations generate, so ρ is fixed by one value per orbit
 * {(πs, πc)} of element pairs, and
 * <pre>  dv_o/dt = Σ_{o'} (Σ_{(x,y) ∈ o'} L[(s_o, c_o), (x, y)]) v_{o'}  </pre>
 * with (s_o, c_o) any representative of orbit o and L the Liouvillian of {@link LindbladKernel}
 * (diagonal −κ_s − κ_c − γφ|s⊕c|, −i h on s ⊕ pair, +i h* on c ⊕ pair, E_nm on (s+2^n, c+2^m),
 * A_nm on (s−2^n, c−2^m)). Only the k ≥ k' excitation blocks are kept, as in
 * {@link SectorLindbladKernel}: the ring of 12 cells needs 0.4 million numbers (rotations and
 * reflections) instead of 9.7 million, the complete graph of 12 cells (all permutations: an orbit is
 * fixed by |s∩c|, |s∖c|, |c∖s|) a few hundred, and every vector operation of the integrator
 * shrinks alike.
 *
 * <p>Why a precomputed sparse matrix rather than bit operations: orbit lookups are irregular, so
 * the reduced Liouvillian is built once (CSR, with its few distinct coefficients in a table) and
 * each evaluation is a sparse matrix–vector product over about (1 + 2·pairs + jump terms) entries
 * per row. Rows are split over cores; the kernel allocates nothing and is thread-safe.
 */
public final class SymmetricLindbladKernel implements PackedLindbladian {
    private final Sectors sectors;
    /** Size of the largest orbit (the group order where some element pair has no stabiliser). */
    private final int order;
    /**
     * Orbit number of every k ≥ k' element (see {@link Sectors#element}); null where {@link #keys}
     * gives it instead.
     */
    private final int[] orbitOf;
    /** The orbit of an element by its key, where the group is every permutation of a set of cells; else null. */
    private final OrbitKeys keys;
    /** Elements per orbit, where {@link #keys} is used (else counted from {@link #orbitOf} when needed). */
    private final int[] orbitSize;
    /** Representative (s, c) of each orbit. */
    private final int[] repS, repC;
    /**
     * Reduced Liouvillian: row o has entries [start[o], start[o+1]) with source orbit src and
     * coefficient table[coef]. When the table has at most 256 values (uniform rates: a few dozen)
     * and there are fewer than 2^23 orbits, each entry is one int, src·256 + coef, in
     * {@code compact}, halving the bytes streamed per evaluation; otherwise src and coef are apart.
     */
    private final int[] start, src, coef, compact;
    private final double[] table;
    /** Largest coefficient table for the one-int entries (a byte index); lowered only by tests. */
    static int compactTableLimit = 256;

    /**
     * @param cellPermutation cell n ↦ cellPermutation[n]; must be an automorphism of {@code exchange}
     *                        and {@code decay} (checked)
     */
    public SymmetricLindbladKernel(int cells, double[][] exchange, double[][] decay, double nbar, double dephasing,
                                   int[] cellPermutation) {
        this(cells, exchange, decay, nbar, dephasing, new int[][] {cellPermutation});
    }

    /**
     * @param generators cell permutations (n ↦ generators[i][n]) generating the group; each must be
     *                   an automorphism of {@code exchange} and {@code decay} (checked)
     */
    public SymmetricLindbladKernel(int cells, double[][] exchange, double[][] decay, double nbar, double dephasing,
                                   int[][] generators) {
        if (generators.length == 0) {
            throw new IllegalArgumentException("no permutation given");
        }
        for (int[] cellPermutation : generators) {
            for (int a = 0; a < cells; a++) {
                for (int b = 0; b < cells; b++) {
                    int pa = cellPermutation[a], pb = cellPermutation[b];
                    if (exchange[pa][pb] != exchange[a][b] || decay[pa][pb] != decay[a][b]) {
                        throw new IllegalArgumentException("the permutation is not a symmetry of the couplings and decay matrix");
                    }
                }
            }
        }
        MasterEquationTerms terms = new MasterEquationTerms(cells, exchange, decay, nbar, dephasing);
        sectors = new Sectors(cells);
        if (sectors.elements > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many cells: " + cells);
        }
        final int[][] perms = new int[generators.length][];
        for (int i = 0; i < generators.length; i++) {
            perms[i] = basisPermutation(cells, generators[i]);
        }
        int permuted = symmetricGroupMask(cells, generators);
        keys = permuted != 0 ? new OrbitKeys(sectors.dim, permuted) : null;
        // With keys, no element-to-orbit array (134 MB at 13 cells): every lookup goes through the key.
        orbitOf = keys != null ? null : new int[(int) sectors.elements];
        Orbits found = keys != null ? orbitsOfAllPermutations(sectors, keys, null) : orbits(sectors, perms, orbitOf);
        orbitSize = found.size();
        final int orbits = found.count();
        order = found.largest();
        repS = java.util.Arrays.copyOf(found.repS(), orbits);
        repC = java.util.Arrays.copyOf(found.repC(), orbits);
        // Liouvillian terms.
        int maxTerms = 1 + 2 * terms.pairMask.length + 2 * cells * cells;
        start = new int[orbits + 1];
        int[] srcTmp = new int[Math.max(16, orbits * 4)];
        int[] coefTmp = new int[srcTmp.length];
        CoefficientTable distinct = new CoefficientTable();
        int[] rowSrc = new int[maxTerms];
        double[] rowRe = new double[maxTerms], rowIm = new double[maxTerms];
        int nnz = 0;
        for (int o = 0; o < orbits; o++) {
            int t = rowTerms(o, terms, dephasing, rowSrc, rowRe, rowIm);
            // Merge the terms that land in the same orbit, in a fixed order (sorted by source).
            sortBySource(rowSrc, rowRe, rowIm, t);
            for (int x = 0; x < t; ) {
                int y = x;
                double re = 0, im = 0;
                while (y < t && rowSrc[y] == rowSrc[x]) {
                    re += rowRe[y];
                    im += rowIm[y];
                    y++;
                }
                if (re != 0 || im != 0) {
                    if (nnz == srcTmp.length) {
                        srcTmp = java.util.Arrays.copyOf(srcTmp, 2 * nnz);
                        coefTmp = java.util.Arrays.copyOf(coefTmp, 2 * nnz);
                    }
                    srcTmp[nnz] = rowSrc[x];
                    coefTmp[nnz++] = distinct.indexOf(re, im);
                }
                x = y;
            }
            start[o + 1] = nnz;
        }
        if (distinct.size() <= compactTableLimit && orbits < (1 << 23)) {
            compact = new int[nnz];
            for (int e = 0; e < nnz; e++) {
                compact[e] = srcTmp[e] << 8 | coefTmp[e];
            }
            src = null;
            coef = null;
        } else {
            compact = null;
            src = java.util.Arrays.copyOf(srcTmp, nnz);
            coef = java.util.Arrays.copyOf(coefTmp, nnz);
        }
        table = distinct.values();
    }

    /** Orbits found by {@link #orbits}: their number, representatives (in their first {@code count} slots) and largest size. */
    record Orbits(int count, int[] repS, int[] repC, int largest, int[] size) {
    }

    /**
     * Numbers the orbits of the k ≥ k' elements under the group the permutations generate, in order
     * of their first element (each found by a search over the generators), writing every element's
     * orbit into {@code orbitOf}.
     */
    static Orbits orbits(Sectors sectors, int[][] perms, int[] orbitOf) {
        java.util.Arrays.fill(orbitOf, -1);
        int[] rs = new int[16], rc = new int[16];
        int[] stackS = new int[16], stackC = new int[16];
        int orbits = 0, largest = 1;
        for (int k = 0; k <= sectors.cells; k++) {
            for (int kp = 0; kp <= k; kp++) {
                for (int s : sectors.strings[k]) {
                    for (int c : sectors.strings[kp]) {
                        int e = (int) sectors.element(s, c);
                        if (orbitOf[e] >= 0) {
                            continue;
                        }
                        if (orbits == rs.length) {
                            rs = java.util.Arrays.copyOf(rs, 2 * orbits);
                            rc = java.util.Arrays.copyOf(rc, 2 * orbits);
                        }
                        rs[orbits] = s;
                        rc[orbits] = c;
                        orbitOf[e] = orbits;
                        int top = 0, size = 1;
                        stackS[top] = s;
                        stackC[top++] = c;
                        while (top > 0) {
                            int x = stackS[--top], y = stackC[top];
                            for (int[] perm : perms) {
                                int px = perm[x], py = perm[y];
                                int pe = (int) sectors.element(px, py);
                                if (orbitOf[pe] < 0) {
                                    orbitOf[pe] = orbits;
                                    size++;
                                    if (top == stackS.length) {
                                        stackS = java.util.Arrays.copyOf(stackS, 2 * top);
                                        stackC = java.util.Arrays.copyOf(stackC, 2 * top);
                                    }
                                    stackS[top] = px;
                                    stackC[top++] = py;
                                }
                            }
                        }
                        largest = Math.max(largest, size);
                        orbits++;
                    }
                }
            }
        }
        return new Orbits(orbits, rs, rc, largest, null);
    }

    /**
     * The cells whose every permutation the generators produce, or null: the first generator is one
     * cycle on a set of at least three cells, and another swaps two cells adjacent on that cycle (a
     * cycle and a transposition of neighbours on it generate the whole symmetric group of its cells).
     */
    public static int[] fullyPermuted(int[][] generators) {
        if (generators == null || generators.length < 2) {
            return null;
        }
        int[] c = generators[0];
        java.util.List<Integer> moved = new java.util.ArrayList<>();
        for (int n = 0; n < c.length; n++) {
            if (c[n] != n) {
                moved.add(n);
            }
        }
        if (moved.size() < 3) {
            return null;
        }
        int len = 0, x = moved.get(0);
        do {
            x = c[x];
            len++;
        } while (x != moved.get(0));
        if (len != moved.size()) {
            return null; // more than one cycle
        }
        for (int g = 1; g < generators.length; g++) {
            int[] t = generators[g];
            int a = -1, b = -1, others = 0;
            for (int n = 0; n < t.length; n++) {
                if (t[n] != n) {
                    if (a < 0) {
                        a = n;
                    } else if (b < 0) {
                        b = n;
                    } else {
                        others++;
                    }
                }
            }
            if (b >= 0 && others == 0 && t[a] == b && (c[a] == b || c[b] == a)) {
                return moved.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return null;
    }

    /**
     * The cells the generators permute, as a bit mask of basis-state bits (cell n is bit n, as in
     * {@link #basisPermutation}),
     * when the group they generate is every permutation of those cells and nothing else: the
     * generators pass {@link #fullyPermuted} and each of them maps that set onto itself and fixes
     * every other cell. 0 otherwise (then the orbits are searched for).
     */
    static int symmetricGroupMask(int cells, int[][] generators) {
        int[] moved = fullyPermuted(generators);
        if (moved == null) {
            return 0;
        }
        int mask = 0;
        boolean[] in = new boolean[cells];
        for (int n : moved) {
            in[n] = true;
            mask |= 1 << n;
        }
        for (int[] g : generators) {
            for (int n = 0; n < cells; n++) {
                if (in[n] != in[g[n]] || (!in[n] && g[n] != n)) {
                    return 0;
                }
            }
        }
        // The orbit keys below must stay few: (m + 1)³ count triples times 4^f fixed-bit pairs.
        int m = Integer.bitCount(mask), f = cells - m;
        return (long) (m + 1) * (m + 1) * (m + 1) << (2 * f) <= MAX_ORBIT_KEYS ? mask : 0;
    }

    private static final long MAX_ORBIT_KEYS = 1 << 22;

    /**
     * The orbits of {@link #orbits} when the group is every permutation of the cells in
     * {@code permuted} (complete graph: all cells; star: the leaves), without searching: two
     * elements (s, c) lie in one orbit exactly when they agree on the other (fixed) cells and have
     * the same numbers of permuted cells with (s, c) bits (1, 1), (1, 0) and (0, 1), since any such
     * arrangement can be permuted into any other. One pass in element order numbers each orbit at
     * its first element, as the search does, so the result is the same, orbit for orbit; at 13
     * cells the search's random walk over 134 MB took 5.6 s, this pass a fraction of a second.
     * Writes each element's orbit into {@code orbitOf} when it is not null (a kernel that looks
     * orbits up by key needs only the numbering, representatives and sizes).
     */
    static Orbits orbitsOfAllPermutations(Sectors sectors, int permuted, int[] orbitOf) {
        return orbitsOfAllPermutations(sectors, new OrbitKeys(sectors.dim, permuted), orbitOf);
    }

    private static Orbits orbitsOfAllPermutations(Sectors sectors, OrbitKeys keys, int[] orbitOf) {
        final int[] orbitOfKey = keys.orbitOfKey;
        int[] rs = new int[16], rc = new int[16], size = new int[16];
        int orbits = 0;
        for (int k = 0; k <= sectors.cells; k++) {
            for (int kp = 0; kp <= k; kp++) {
                for (int s : sectors.strings[k]) {
                    for (int c : sectors.strings[kp]) {
                        final int key = keys.key(s, c);
                        int o = orbitOfKey[key];
                        if (o < 0) {
                            if (orbits == rs.length) {
                                rs = java.util.Arrays.copyOf(rs, 2 * orbits);
                                rc = java.util.Arrays.copyOf(rc, 2 * orbits);
                                size = java.util.Arrays.copyOf(size, 2 * orbits);
                            }
                            o = orbitOfKey[key] = orbits++;
                            rs[o] = s;
                            rc[o] = c;
                        }
                        size[o]++;
                        if (orbitOf != null) {
                            orbitOf[(int) sectors.element(s, c)] = o;
                        }
                    }
                }
            }
        }
        int largest = 1;
        for (int o = 0; o < orbits; o++) {
            largest = Math.max(largest, size[o]);
        }
        return new Orbits(orbits, rs, rc, largest, java.util.Arrays.copyOf(size, orbits));
    }

    /**
     * The orbit key of an element (s, c) under every permutation of the cells in {@code permuted}:
     * its bits on the other (fixed) cells and its numbers of permuted cells with bit pairs (1, 1),
     * (1, 0) and (0, 1); and, once the orbits are numbered, each key's orbit. A lookup costs a few
     * bit counts and a read from a table of a few thousand entries, where the element-to-orbit
     * array (134 MB at 13 cells) missed the caches on every read.
     */
    private static final class OrbitKeys {
        final int permuted, f, m1;
        final int[] fixedCode, orbitOfKey;

        OrbitKeys(int dim, int permuted) {
            this.permuted = permuted;
            int fixed = (dim - 1) & ~permuted;
            fixedCode = fixedCodes(dim, fixed);
            f = Integer.bitCount(fixed);
            m1 = Integer.bitCount(permuted) + 1;
            orbitOfKey = new int[(m1 * m1 * m1) << (2 * f)];
            java.util.Arrays.fill(orbitOfKey, -1);
        }

        int key(int s, int c) {
            final int sp = s & permuted, cp = c & permuted;
            return ((((fixedCode[s] << f) | fixedCode[c]) * m1 + Integer.bitCount(sp & cp)) * m1
                    + Integer.bitCount(sp & ~cp)) * m1 + Integer.bitCount(cp & ~sp);
        }

        int orbit(int s, int c) {
            return orbitOfKey[key(s, c)];
        }
    }

    /** The bits of each basis state s on the {@code fixed} cells, packed into the low bits. */
    private static int[] fixedCodes(int dim, int fixed) {
        int[] code = new int[dim];
        for (int s = 0; s < dim; s++) {
            int v = 0, out = 0;
            for (int bit = 0; bit < 31; bit++) {
                if ((fixed >>> bit & 1) != 0) {
                    v |= (s >>> bit & 1) << out++;
                }
            }
            code[s] = v;
        }
        return code;
    }

    /**
     * The number of k ≥ k' orbits of {@link #orbitsOfAllPermutations} without building anything:
     * every pair of fixed-cell bit strings with every count triple (a, b, d), a + b + d ≤ m, whose
     * element has k = |s_fixed| + a + b ≥ k' = |c_fixed| + a + d.
     */
    static long countOfAllPermutations(int cells, int permuted) {
        int m = Integer.bitCount(permuted), f = cells - m;
        long count = 0;
        for (int sf = 0; sf < 1 << f; sf++) {
            for (int cf = 0; cf < 1 << f; cf++) {
                for (int a = 0; a <= m; a++) {
                    for (int b = 0; a + b <= m; b++) {
                        for (int d = 0; a + b + d <= m; d++) {
                            if (Integer.bitCount(sf) + b >= Integer.bitCount(cf) + d) {
                                count++;
                            }
                        }
                    }
                }
            }
        }
        return count;
    }

    /**
     * Doubles in the packed state of the kernel these generators would give (two per orbit), found
     * without building the Liouvillian: what a memory estimate needs before committing to a run.
     * Takes 4 bytes per k ≥ k' element while it counts (134 MB at 13 cells) and about as long as the
     * first phase of the constructor (~2 s at 13 cells).
     */
    public static long length(int cells, int[][] generators) {
        Counted last = lastCounted;
        if (last != null && last.cells() == cells && java.util.Arrays.deepEquals(last.generators(), generators)) {
            return last.length();
        }
        int permuted = symmetricGroupMask(cells, generators);
        long length;
        if (permuted != 0) {
            length = 2L * countOfAllPermutations(cells, permuted);
        } else {
            Sectors sectors = new Sectors(cells);
            int[][] perms = new int[generators.length][];
            for (int i = 0; i < generators.length; i++) {
                perms[i] = basisPermutation(cells, generators[i]);
            }
            length = 2L * orbits(sectors, perms, new int[(int) sectors.elements]).count();
        }
        lastCounted = new Counted(cells, java.util.Arrays.stream(generators).map(int[]::clone).toArray(int[][]::new), length);
        return length;
    }

    /** The last count: a run checks its memory again with the group the command line already counted (~1.5 s at 13 cells). */
    private record Counted(int cells, int[][] generators, long length) {
    }

    private static volatile Counted lastCounted;

    /**
     * Upper bound on the bytes this kernel holds besides the state vectors, for {@code orbits}
     * orbits: the element-to-orbit map (4 bytes per k ≥ k' element), representatives and row
     * starts, and at most one stored entry per term of a row (diagonal, two per exchange pair, one
     * per decay and per absorption term), 8 bytes each (the wide layout; the compact one takes 4),
     * the two per-orbit weights of {@link #offDiagonalL1AndPurity} (16 bytes per orbit), and up to
     * {@link #mapCells} cells the unpacking map (4 bytes per element of the full matrix).
     */
    public static long bytesBound(int cells, double[][] exchange, double[][] decay, double nbar, double dephasing, long orbits) {
        MasterEquationTerms terms = new MasterEquationTerms(cells, exchange, decay, nbar, dephasing);
        long perRow = 1 + 2L * terms.pairMask.length + terms.emW.length + terms.abW.length;
        long map = cells <= mapCells ? 4L << (2 * cells) : 0;
        return 4 * Sectors.elements(cells) + 28 * orbits + 8 * perRow * orbits + map;
    }

    /**
     * The Liouvillian terms of orbit o's representative row, before merging: (source orbit,
     * coefficient) pairs into the row buffers; returns their count. Its own method so that the JIT
     * compiles it early in a cold process (a long constructor loop waits for on-stack replacement).
     */
    private int rowTerms(int o, MasterEquationTerms terms, double dephasing, int[] rowSrc, double[] rowRe, double[] rowIm) {
        final double[] kappa = terms.kappa;
        final int[] mask = terms.pairMask;
        final double[] hr = terms.pairRe, hi = terms.pairIm;
        final int np = mask.length;
        final int s = repS[o], c = repC[o];
        int t = 0;
        rowSrc[t] = o;
        rowRe[t] = -(kappa[s] + kappa[c] + dephasing * Integer.bitCount(s ^ c));
        rowIm[t++] = 0;
        for (int p = 0; p < np; p++) {
            if (Integer.bitCount(s & mask[p]) == 1) {
                // −i(hr + i hi) = hi − i hr
                rowSrc[t] = orbitOfElement(s ^ mask[p], c);
                rowRe[t] = hi[p];
                rowIm[t++] = -hr[p];
            }
            if (Integer.bitCount(c & mask[p]) == 1) {
                // +i(hr − i hi) = hi + i hr
                rowSrc[t] = orbitOfElement(s, c ^ mask[p]);
                rowRe[t] = hi[p];
                rowIm[t++] = hr[p];
            }
        }
        for (int e = 0; e < terms.emW.length; e++) {
            int bn = 1 << terms.emN[e], bm = 1 << terms.emM[e];
            if ((s & bn) == 0 && (c & bm) == 0) {
                rowSrc[t] = orbitOfElement(s | bn, c | bm);
                rowRe[t] = terms.emW[e];
                rowIm[t++] = 0;
            }
        }
        for (int e = 0; e < terms.abW.length; e++) {
            int bn = 1 << terms.abN[e], bm = 1 << terms.abM[e];
            if ((s & bn) != 0 && (c & bm) != 0) {
                rowSrc[t] = orbitOfElement(s & ~bn, c & ~bm);
                rowRe[t] = terms.abW[e];
                rowIm[t++] = 0;
            }
        }
        return t;
    }

    /** The few distinct coefficients of the reduced Liouvillian, interned without boxing. */
    private static final class CoefficientTable {
        private double[] values = new double[64];
        private int size;
        private int[] slots = new int[256]; // open addressing: index + 1, 0 = empty

        int size() {
            return size;
        }

        int indexOf(double re, double im) {
            long h = Double.doubleToLongBits(re) * 0x9E3779B97F4A7C15L ^ Double.doubleToLongBits(im) * 0xC2B2AE3D27D4EB4FL;
            int mask = slots.length - 1;
            for (int i = (int) (h ^ h >>> 32) & mask; ; i = (i + 1) & mask) {
                int v = slots[i];
                if (v == 0) {
                    break;
                }
                if (values[2 * (v - 1)] == re && values[2 * (v - 1) + 1] == im) {
                    return v - 1;
                }
            }
            if (2 * size + 2 > values.length) {
                values = java.util.Arrays.copyOf(values, 2 * values.length);
            }
            values[2 * size] = re;
            values[2 * size + 1] = im;
            size++;
            if (2 * size > slots.length) {
                rehash(2 * slots.length);
            } else {
                insert(size - 1);
            }
            return size - 1;
        }

        private void insert(int idx) {
            double re = values[2 * idx], im = values[2 * idx + 1];
            long h = Double.doubleToLongBits(re) * 0x9E3779B97F4A7C15L ^ Double.doubleToLongBits(im) * 0xC2B2AE3D27D4EB4FL;
            int mask = slots.length - 1;
            int i = (int) (h ^ h >>> 32) & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = idx + 1;
        }

        private void rehash(int capacity) {
            slots = new int[capacity];
            for (int idx = 0; idx < size; idx++) {
                insert(idx);
            }
        }

        double[] values() {
            return java.util.Arrays.copyOf(values, 2 * size);
        }
    }

    /** The permutation of basis states (bit strings) induced by the cell permutation n ↦ cellPermutation[n]. */
    public static int[] basisPermutation(int cells, int[] cellPermutation) {
        int[] perm = new int[1 << cells];
        for (int s = 0; s < perm.length; s++) {
            int t = 0;
            for (int n = 0; n < cells; n++) {
                if (((s >> n) & 1) == 1) {
                    t |= 1 << cellPermutation[n];
                }
            }
            perm[s] = t;
        }
        return perm;
    }

    private static void sortBySource(int[] s, double[] re, double[] im, int n) {
        for (int i = 1; i < n; i++) {
            int ks = s[i];
            double kr = re[i], ki = im[i];
            int j = i - 1;
            while (j >= 0 && s[j] > ks) {
                s[j + 1] = s[j];
                re[j + 1] = re[j];
                im[j + 1] = im[j];
                j--;
            }
            s[j + 1] = ks;
            re[j + 1] = kr;
            im[j + 1] = ki;
        }
    }

    /** Size of the largest orbit: the group's order when some element pair has no stabiliser (a cyclic group of cells always has one). */
    public int order() {
        return order;
    }

    /**
     * Orbit of the element (s, c) of ρ, for s with at least as many excited cells as c (a stored
     * k ≥ k' element): its value is {@code packed[2o] + i packed[2o + 1]}.
     */
    public int orbitOfElement(int s, int c) {
        return keys != null ? keys.orbit(s, c) : orbitOf[(int) sectors.element(s, c)];
    }

    /** Number of orbits: the complex numbers integrated. */
    public int orbits() {
        return repS.length;
    }

    /** Stored entries of the reduced Liouvillian. */
    public int entries() {
        return start[start.length - 1];
    }

    @Override
    public int length() {
        return 2 * repS.length;
    }

    @Override
    public void pack(double[] full, double[] packed) {
        final int d = sectors.dim;
        for (int o = 0; o < repS.length; o++) {
            int at = 2 * (repS[o] * d + repC[o]);
            packed[2 * o] = full[at];
            packed[2 * o + 1] = full[at + 1];
        }
    }

    /**
     * How many elements of the full matrix each orbit's value stands for (up to conjugation): its
     * number of stored elements, twice over for k > k' (the conjugate block k' &lt; k is not stored);
     * in {@code offDiagonalWeight} zero for the diagonal orbits. A permutation keeps both the
     * excitation numbers and whether s = c, so the weight is the orbit's size times one factor.
     * Built on first use (one pass over the orbit table).
     */
    private double[] weight, offDiagonalWeight;

    private synchronized void weights() {
        if (weight != null) {
            return;
        }
        final int orbits = repS.length;
        long[] count = new long[orbits];
        if (orbitSize != null) {
            for (int o = 0; o < orbits; o++) {
                count[o] = orbitSize[o];
            }
        } else {
            for (int o : orbitOf) {
                count[o]++;
            }
        }
        double[] all = new double[orbits], off = new double[orbits];
        for (int o = 0; o < orbits; o++) {
            all[o] = count[o] * (Integer.bitCount(repS[o]) == Integer.bitCount(repC[o]) ? 1.0 : 2.0);
            off[o] = repS[o] == repC[o] ? 0 : all[o];
        }
        offDiagonalWeight = off;
        weight = all;
    }

    /**
     * Σ_{i≠j} |ρ_ij| and Σ |ρ_ij|² as sums over the orbits, each value times the number of elements it
     * stands for: one pass over the packed vector instead of over the full matrix (the star of 13
     * cells: 1 001 numbers instead of 67 million; the ring: 1.5 million).
     */
    @Override
    public double[] offDiagonalL1AndPurity(double[] packed) {
        weights();
        final double[] all = weight, off = offDiagonalWeight;
        final int orbits = all.length;
        // Fixed blocks, so the sums do not depend on the number of threads.
        double l1 = Parallel.sumInBlocks(orbits, 4096, orbits >= (1 << 16) ? 4096L * 8 : 0, (lo, hi) -> {
            double a = 0;
            for (int o = lo; o < hi; o++) {
                double re = packed[2 * o], im = packed[2 * o + 1];
                a += off[o] * Math.sqrt(re * re + im * im);
            }
            return a;
        });
        double purity = Parallel.sumInBlocks(orbits, 4096, orbits >= (1 << 16) ? 4096L * 4 : 0, (lo, hi) -> {
            double a = 0;
            for (int o = lo; o < hi; o++) {
                double re = packed[2 * o], im = packed[2 * o + 1];
                a += all[o] * (re * re + im * im);
            }
            return a;
        });
        return new double[] {l1, purity};
    }

    @Override
    public Boolean commutesWithH0(double[] packed) {
        for (int o = 0; o < repS.length; o++) {
            if (Integer.bitCount(repS[o]) != Integer.bitCount(repC[o]) && (packed[2 * o] != 0 || packed[2 * o + 1] != 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes only the elements ρ(s, c) of {@code full} whose indices differ in at most two cells:
     * the diagonal and what the one- and two-cell reduced states read (D·(1 + N + N(N−1)/2) elements
     * instead of D²). Every other element of {@code full} is left as it was: only for callers that
     * read nothing else (the energy, the reduced states) and take the rest from the packed form.
     */
    public void unpackNear(double[] packed, double[] full) {
        final int d = sectors.dim, n = sectors.cells;
        final int[] masks = new int[1 + n + n * (n - 1) / 2];
        int m = 0;
        masks[m++] = 0;
        for (int a = 0; a < n; a++) {
            masks[m++] = 1 << a;
            for (int b = a + 1; b < n; b++) {
                masks[m++] = 1 << a | 1 << b;
            }
        }
        Parallel.forRange(d, 8L * masks.length, (from, to) -> {
            for (int s = from; s < to; s++) {
                final int ks = Integer.bitCount(s);
                final int row = 2 * s * d;
                for (int mask : masks) {
                    writeElement(packed, full, row, s, ks, s ^ mask);
                }
            }
        });
    }

    /**
     * For every element (s, c) of the full matrix: 2·orbit, plus 1 where the stored orbit holds
     * ρ(c, s) (the conjugate). Built on the first unpack up to 13 cells (268 MB there, counted by
     * {@link #bytesBound}): unpacking is then one sequential read and one gather per element instead
     * of a rank lookup into the orbit table (134 MB at 13 cells), which missed the caches on every
     * element. Measured at 13 cells, star from |+⟩^13, 51 samples: 29.0 → 16.1 s, outputs identical.
     */
    private int[] fullMap;

    private synchronized int[] fullMap() {
        if (fullMap == null) {
            final int d = sectors.dim;
            final int[] map = new int[d * d];
            Parallel.forRange(d, 4L * d, (from, to) -> {
                for (int s = from; s < to; s++) {
                    final int ks = Integer.bitCount(s);
                    for (int c = 0; c < d; c++) {
                        map[s * d + c] = Integer.bitCount(c) <= ks
                                ? orbitOfElement(s, c) << 1
                                : orbitOfElement(c, s) << 1 | 1;
                    }
                }
            });
            fullMap = map;
        }
        return fullMap;
    }

    /** Cells up to which {@link #unpack} keeps a full-size index map; lowered only by tests. */
    static int mapCells = 13;

    @Override
    public void unpack(double[] packed, double[] full) {
        final int d = sectors.dim;
        if (sectors.cells <= mapCells) {
            final int[] map = fullMap();
            Parallel.forRange(d, 2L * d, (from, to) -> {
                for (int i = from * d, end = to * d; i < end; i++) {
                    final int x = map[i];
                    final int o = x & ~1;
                    full[2 * i] = packed[o];
                    full[2 * i + 1] = (1 - 2 * (x & 1)) * packed[o + 1];
                }
            });
            return;
        }
        Parallel.forRange(d, 4L * d, (from, to) -> {
            for (int s = from; s < to; s++) {
                final int ks = Integer.bitCount(s);
                final int row = 2 * s * d;
                for (int c = 0; c < d; c++) {
                    writeElement(packed, full, row, s, ks, c);
                }
            }
        });
    }

    /** ρ(s, c) into row s of {@code full} (which starts at {@code row}; ks = popcount s), from its stored orbit or that of ρ(c, s), conjugated. */
    private void writeElement(double[] packed, double[] full, int row, int s, int ks, int c) {
        if (Integer.bitCount(c) <= ks) {
            int o = orbitOfElement(s, c);
            full[row + 2 * c] = packed[2 * o];
            full[row + 2 * c + 1] = packed[2 * o + 1];
        } else {
            int o = orbitOfElement(c, s);
            full[row + 2 * c] = packed[2 * o];
            full[row + 2 * c + 1] = -packed[2 * o + 1];
        }
    }

    @Override
    public void derivative(double t, double[] y, double[] out) {
        final int rows = repS.length;
        final long cost = 8L * entries() / Math.max(1, rows);
        Parallel.forRange(rows, cost, (from, to) -> {
            if (compact != null) {
                compactRows(y, out, from, to);
            } else {
                wideRows(y, out, from, to);
            }
        });
    }

    /** Rows per block of the fused norm: fixed, so the sum's order does not depend on threads. */
    private static final int NORM_ROWS = 2048;

    /** One pass: each block of rows is summed while it is still in cache. */
    @Override
    public double derivativeWeightedSquares(double[] y, double[] out, double[] w) {
        final int rows = repS.length;
        final long cost = 8L * NORM_ROWS * entries() / Math.max(1, rows);
        return Parallel.sumInBlocks(rows, NORM_ROWS, cost, (lo, hi) -> {
            if (compact != null) {
                compactRows(y, out, lo, hi);
            } else {
                wideRows(y, out, lo, hi);
            }
            return VectorOps.weightedSquares(out, w, 2 * lo, 2 * hi);
        });
    }

    private void compactRows(double[] y, double[] out, int from, int to) {
        final int[] st = start, en = compact;
        final double[] tb = table;
        for (int o = from; o < to; o++) {
            // Two accumulator pairs: halves the latency chain of dependent additions per row.
            double re0 = 0, im0 = 0, re1 = 0, im1 = 0;
            final int end = st[o + 1];
            int e = st[o];
            for (; e + 1 < end; e += 2) {
                final int x0 = en[e], x1 = en[e + 1];
                final int v0 = (x0 >>> 8) << 1, c0 = (x0 & 0xff) << 1;
                final int v1 = (x1 >>> 8) << 1, c1 = (x1 & 0xff) << 1;
                final double vr0 = y[v0], vi0 = y[v0 + 1], cr0 = tb[c0], ci0 = tb[c0 + 1];
                final double vr1 = y[v1], vi1 = y[v1 + 1], cr1 = tb[c1], ci1 = tb[c1 + 1];
                re0 += cr0 * vr0 - ci0 * vi0;
                im0 += cr0 * vi0 + ci0 * vr0;
                re1 += cr1 * vr1 - ci1 * vi1;
                im1 += cr1 * vi1 + ci1 * vr1;
            }
            if (e < end) {
                final int x = en[e];
                final int v = (x >>> 8) << 1, c = (x & 0xff) << 1;
                final double vr = y[v], vi = y[v + 1], cr = tb[c], ci = tb[c + 1];
                re0 += cr * vr - ci * vi;
                im0 += cr * vi + ci * vr;
            }
            out[2 * o] = re0 + re1;
            out[2 * o + 1] = im0 + im1;
        }
    }

    private void wideRows(double[] y, double[] out, int from, int to) {
        final int[] st = start, sr = src, cf = coef;
        final double[] tb = table;
        for (int o = from; o < to; o++) {
            double re = 0, im = 0;
            for (int e = st[o]; e < st[o + 1]; e++) {
                final int v = 2 * sr[e], c = 2 * cf[e];
                final double vr = y[v], vi = y[v + 1], cr = tb[c], ci = tb[c + 1];
                re += cr * vr - ci * vi;
                im += cr * vi + ci * vr;
            }
            out[2 * o] = re;
            out[2 * o + 1] = im;
        }
    }
}
