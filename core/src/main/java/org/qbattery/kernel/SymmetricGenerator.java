package org.qbattery.kernel;

/**
 * The master equation of a permutation-invariant state on the complete graph in the two forms a run
 * integrates side by side, as one vector: the Dicke blocks' weights ({@link DickeLiouvillian}: the
 * spectrum and every measure but one) followed by the count-orbit weights ({@link CountOrbits}: the
 * l1-coherence). Both are the same ρ, so they agree on every quantity both can give (tested: the
 * trace and U); ~N³/3 complex numbers in all, against 4^N on the register.
 */
public final class SymmetricGenerator implements LinearOdeSystem {
    private final DickeLiouvillian dicke;
    private final CountOrbits orbits;

    public SymmetricGenerator(DickeLiouvillian dicke, CountOrbits orbits) {
        if (dicke.layout().cells() != orbits.cells()) {
            throw new IllegalArgumentException("the two forms must describe the same number of cells");
        }
        this.dicke = dicke;
        this.orbits = orbits;
    }

    public DickeLiouvillian dicke() {
        return dicke;
    }

    public CountOrbits orbits() {
        return orbits;
    }

    /** Doubles of the combined state: the Dicke blocks, then the count orbits. */
    public int length() {
        return dicke.layout().length() + orbits.length();
    }

    /** The combined state of the two forms of one ρ. */
    public double[] join(double[] blocks, double[] orbitWeights) {
        double[] y = new double[length()];
        System.arraycopy(blocks, 0, y, 0, blocks.length);
        System.arraycopy(orbitWeights, 0, y, blocks.length, orbitWeights.length);
        return y;
    }

    /** Where the count-orbit part starts in a combined state. */
    public int orbitsAt() {
        return dicke.layout().length();
    }

    @Override
    public void derivative(double t, double[] y, double[] dydt) {
        // One hand-off to the cores for both forms' rows (two would double the fork-join overhead).
        final int first = dicke.rowCount(), all = first + orbits.types();
        Parallel.forRange(all, 16L, (from, to) -> rows(y, dydt, null, from, to, first));
    }

    /**
     * The Taylor propagator's norm summed while each row is written (a second pass over out was 11% of
     * a 50-cell run), in fixed blocks so that the sum does not depend on the thread count.
     */
    @Override
    public double derivativeWeightedSquares(double[] y, double[] out, double[] w) {
        final int first = dicke.rowCount(), all = first + orbits.types();
        return Parallel.sumInBlocks(all, 4096, 16L * 4096, (from, to) -> rows(y, out, w, from, to, first));
    }

    private double rows(double[] y, double[] out, double[] w, int from, int to, int first) {
        double s = 0;
        if (from < first) {
            s += dicke.rows(y, out, 0, from, Math.min(to, first), w);
        }
        if (to > first) {
            s += orbits.rows(y, out, dicke.layout().length(), Math.max(from, first) - first, to - first, w);
        }
        return s;
    }
}
