package org.qbattery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qbattery.measures.Energy;
import org.qbattery.measures.Entropy;

class InitialStateTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"charged", "classical", "quantum", "bloch:1.1,0.3", "ghz", "w", "dicke:2", "dicke:0"})
    void everyNamedStateIsAValidDensityMatrix(String spec) {
        double[] rho = InitialState.parse(spec, 3);
        InitialState.validate(rho, 8, "state", spec); // throws if not
    }

    @Test
    void energiesOfTheNamedStates() {
        int n = 4;
        assertThat(Energy.of(InitialState.parse("charged", n), n, 1)).isCloseTo(4, within(1e-15));
        assertThat(Energy.of(InitialState.parse("classical", n), n, 1)).isCloseTo(3, within(1e-15));
        assertThat(Energy.of(InitialState.parse("quantum", n), n, 1)).isCloseTo(2, within(1e-15));
        assertThat(Energy.of(InitialState.parse("ghz", n), n, 1)).isCloseTo(2, within(1e-15));
        assertThat(Energy.of(InitialState.parse("w", n), n, 1)).isCloseTo(1, within(1e-15));
        assertThat(Energy.of(InitialState.parse("dicke:3", n), n, 1)).isCloseTo(3, within(1e-15));
        // bloch:θ,φ has ρee = cos²(θ/2) per cell
        assertThat(Energy.of(InitialState.parse("bloch:1.0,2.0", n), n, 1)).isCloseTo(n * Math.pow(Math.cos(0.5), 2), within(1e-14));
        assertThat(Entropy.purity(InitialState.parse("classical", 1))).isCloseTo(0.625, within(1e-15));
    }

    @Test
    void readsAndValidatesAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("rho.txt");
        Files.writeString(f, "# |+><+|\n0.5 0 0.5 0\n0.5 0 0.5 0\n");
        double[] rho = InitialState.parse("file:" + f, 1);
        assertThat(rho).containsExactly(0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0);
        Files.writeString(f, "0.5 0.6\n0.6 0.5\n");
        assertThatThrownBy(() -> InitialState.parse("file:" + f, 1)).hasMessageContaining("not positive semidefinite");
        Files.writeString(f, "0.6 0\n0 0.6\n");
        assertThatThrownBy(() -> InitialState.parse("file:" + f, 1)).hasMessageContaining("trace");
        assertThatThrownBy(() -> InitialState.parse("file:" + f, 2)).hasMessageContaining("needs 4");
        assertThatThrownBy(() -> InitialState.parse("file:" + dir.resolve("missing"), 1)).hasMessageContaining("cannot read");
    }

    /** What editors write around the numbers: a byte-order mark, CRLF line ends, tabs, separators at the end of a row. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\uFEFF0.5 0.5\n0.5 0.5\n", "0.5 0.5\r\n0.5 0.5\r\n", "0.5\t0.5\n0.5\t0.5\n", "0.5, 0.5,\n0.5; 0.5;\n"})
    void readsFilesAsEditorsWriteThem(String text, @TempDir Path dir) throws Exception {
        Path f = dir.resolve("rho.txt");
        Files.writeString(f, text);
        assertThat(InitialState.parse("file:" + f, 1)).containsExactly(0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0);
    }

    /** NaN passes every comparison of the Hermiticity, trace and positivity checks, so it is refused first, by name. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1 0\n0 NaN\n", "1 0 0 NaN\n0 0 0 0\n", "1 Infinity\nInfinity 0\n", "NaN 0\n0 NaN\n"})
    void refusesNonFiniteElements(String text, @TempDir Path dir) throws Exception {
        Path f = dir.resolve("rho.txt");
        Files.writeString(f, text);
        assertThatThrownBy(() -> InitialState.parse("file:" + f, 1)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("non-finite element");
    }

    @Test
    void refusesUnknownAndMalformedStates() {
        assertThatThrownBy(() -> InitialState.parse("hot", 2)).isInstanceOf(InvalidParameterException.class).hasMessageContaining("allowed");
        assertThatThrownBy(() -> InitialState.parse("dicke:5", 2)).hasMessageContaining("0..2");
        assertThatThrownBy(() -> InitialState.parse("bloch:4,0", 2)).hasMessageContaining("THETA in [0, pi]");
        assertThatThrownBy(() -> InitialState.parse("bloch:x", 2)).hasMessageContaining("two angles");
        assertThatThrownBy(() -> InitialState.parse("bloch:1,2,", 2)).hasMessageContaining("two angles");
    }

    /**
     * The product state against its definition, element by element: ρ(i, j) = Π_c ρ1(bit c of i,
     * bit c of j), the factors multiplied in the cells' order, for random complex single-cell
     * matrices and 1–8 cells; bit for bit, since both multiply the same factors in the same order.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "N = {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 5, 8})
    void productStateIsTheElementwiseProduct(int n) {
        java.util.Random rnd = new java.util.Random(n);
        double[] single = new double[8];
        for (int k = 0; k < 8; k++) {
            single[k] = rnd.nextGaussian();
        }
        double[] rho = InitialState.product(n, single);
        int d = 1 << n;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double re = 1, im = 0;
                for (int c = 0; c < n; c++) {
                    int idx = 2 * (2 * ((i >> c) & 1) + ((j >> c) & 1));
                    double nr = re * single[idx] - im * single[idx + 1];
                    im = re * single[idx + 1] + im * single[idx];
                    re = nr;
                }
                org.assertj.core.api.Assertions.assertThat(rho[2 * (i * d + j)]).isEqualTo(re);
                org.assertj.core.api.Assertions.assertThat(rho[2 * (i * d + j) + 1]).isEqualTo(im);
            }
        }
    }
}
