package org.qbattery.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fused passes of {@link VectorOps} add the terms in the order of one pass per term, so their
 * results are the same to the last bit as the plain loops they replace (the integrator's output
 * does not depend on how the passes are grouped).
 */
class VectorOpsTest {
    /** Every number of terms across the 8-, 4- and 1-term passes, on a sub-range of the vector. */
    @ParameterizedTest(name = "{0} terms")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 23, 28, 40})
    void fusedPassesEqualOnePassPerTermBitForBit(int terms) {
        Random rnd = new Random(terms);
        int len = 37, lo = 3, hi = 31;
        double[][] k = new double[terms][len];
        double[] c = new double[terms];
        for (int j = 0; j < terms; j++) {
            c[j] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3);
            for (int i = 0; i < len; i++) {
                k[j][i] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3);
            }
        }
        double[] start = new double[len];
        for (int i = 0; i < len; i++) {
            start[i] = rnd.nextGaussian();
        }
        double[] added = start.clone(), set = start.clone(), plainAdd = start.clone(), plainSet = start.clone();
        for (int i = lo; i < hi; i++) {
            plainSet[i] = 0;
        }
        for (int j = 0; j < terms; j++) {
            for (int i = lo; i < hi; i++) {
                plainAdd[i] += c[j] * k[j][i];
                plainSet[i] += c[j] * k[j][i];
            }
        }
        VectorOps.addTerms(added, lo, hi, c, k, terms);
        VectorOps.setTerms(set, lo, hi, c, k, terms);
        assertThat(added).containsExactly(plainAdd);
        assertThat(set).containsExactly(plainSet);
    }
}
