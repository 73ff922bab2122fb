package org.qbattery.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link CurveSimplifier}: no sample strays from the kept path, extremes and gaps survive. */
class CurveSimplifierTest {
    /** Euclidean distance from (px, py) to the segment (ax, ay)–(bx, by), computed apart from the simplifier's own. */
    static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        double u = len2 == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
        u = Math.max(0, Math.min(1, u));
        return Math.hypot(px - ax - u * dx, py - ay - u * dy);
    }

    /** Curves of the kinds figures hold, and harder ones: seeds of random decays, oscillations and walks. */
    static IntStream seeds() {
        return IntStream.range(0, 40);
    }

    static double[][] curve(int seed) {
        Random r = new Random(seed);
        int n = 50 + r.nextInt(3000);
        double[] x = new double[n], y = new double[n];
        double rate = 0.1 + 10 * r.nextDouble(), freq = 200 * r.nextDouble(), scale = Math.pow(10, -6 + 12 * r.nextDouble());
        double walk = 0;
        for (int k = 0; k < n; k++) {
            x[k] = 5.0 * k / (n - 1);
            walk += r.nextGaussian();
            y[k] = switch (seed % 4) {
                case 0 -> scale * Math.exp(-rate * x[k]);
                case 1 -> scale * Math.exp(-rate * x[k] / 10) * Math.cos(freq * x[k]);
                case 2 -> scale * walk;
                default -> scale * Math.max(0, Math.sin(freq * x[k] / 20)) * (1 - x[k] / 10);
            };
        }
        return new double[][] {x, y};
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everySampleLiesWithinTheToleranceOfTheSegmentReplacingIt(int seed) {
        double[][] c = curve(seed);
        double[] x = c[0], y = c[1];
        double min = java.util.Arrays.stream(y).min().orElseThrow(), max = java.util.Arrays.stream(y).max().orElseThrow();
        double sx = 640 / (x[x.length - 1] - x[0]), sy = max > min ? 440 / (max - min) : 1, tol = 1.0 / 18;
        boolean[] kept = CurveSimplifier.kept(x, y, sx, sy, tol);
        assertThat(kept[0]).isTrue();
        assertThat(kept[x.length - 1]).isTrue();
        int prev = 0;
        for (int k = 1; k < x.length; k++) {
            if (!kept[k]) {
                continue;
            }
            for (int i = prev + 1; i < k; i++) {
                double d = distanceToSegment(x[i] * sx, y[i] * sy, x[prev] * sx, y[prev] * sy, x[k] * sx, y[k] * sy);
                assertThat(d).as("seed %d, sample %d between kept %d and %d", seed, i, prev, k).isLessThanOrEqualTo(tol * (1 + 1e-12));
            }
            prev = k;
        }
        double[][] p = CurveSimplifier.pick(kept, x, y);
        // The axes' automatic range comes from the extremes: the same to the last bit.
        assertThat(java.util.Arrays.stream(p[1]).min().orElseThrow()).isEqualTo(min);
        assertThat(java.util.Arrays.stream(p[1]).max().orElseThrow()).isEqualTo(max);
        assertThat(p[0][0]).isEqualTo(x[0]);
        assertThat(p[0][p[0].length - 1]).isEqualTo(x[x.length - 1]);
    }

    @ParameterizedTest(name = "kind {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void aDenseCurveStaysWithinTheToleranceAndIsCutToTheDrawingsColumns(int kind) {
        // 400 000 samples on 640 units: the columns of half the tolerance come first, then
        // Douglas–Peucker at the other half. Each sample is checked against every kept segment that
        // reaches within the tolerance of it in x (x ascends, so those are consecutive).
        int n = 400_000;
        double[] x = new double[n], y = new double[n];
        Random r = new Random(kind);
        double walk = 0;
        for (int k = 0; k < n; k++) {
            x[k] = 5.0 * k / (n - 1);
            walk += r.nextGaussian();
            y[k] = switch (kind) {
                case 0 -> Math.exp(-3 * x[k]);
                case 1 -> Math.exp(-x[k]) * Math.cos(90 * x[k]);
                case 2 -> walk;
                default -> Math.cos(2000 * x[k]) * (1 - x[k] / 10); // far more periods than columns
            };
        }
        double min = java.util.Arrays.stream(y).min().orElseThrow(), max = java.util.Arrays.stream(y).max().orElseThrow();
        double sx = 640 / 5.0, sy = 440 / (max - min), tol = 1.0 / 18;
        double[][] p = CurveSimplifier.simplify(x, y, sx, sy, tol);
        assertThat(p[0].length).isLessThanOrEqualTo(4 * (int) Math.ceil(640 / (tol / 2)) + 4);
        assertThat(p[0][0]).isEqualTo(x[0]);
        assertThat(p[0][p[0].length - 1]).isEqualTo(x[n - 1]);
        assertThat(java.util.Arrays.stream(p[1]).min().orElseThrow()).isEqualTo(min);
        assertThat(java.util.Arrays.stream(p[1]).max().orElseThrow()).isEqualTo(max);
        int first = 0;
        for (int i = 0; i < n; i++) {
            double reach = x[i] - tol / sx;
            while (first + 1 < p[0].length && p[0][first + 1] < reach) {
                first++;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int j = first; j + 1 < p[0].length && p[0][j] <= x[i] + tol / sx; j++) {
                best = Math.min(best, distanceToSegment(x[i] * sx, y[i] * sy, p[0][j] * sx, p[1][j] * sy, p[0][j + 1] * sx, p[1][j + 1] * sy));
            }
            assertThat(best).as("kind %d, sample %d", kind, i).isLessThanOrEqualTo(tol * (1 + 1e-9));
        }
    }

    @ParameterizedTest(name = "{0} points")
    @ValueSource(ints = {3, 10, 1000, 100_000})
    void aStraightLineKeepsItsEnds(int n) {
        double[] x = new double[n], y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = k;
            y[k] = 3 - 0.25 * k;
        }
        double[][] p = CurveSimplifier.simplify(x, y, 1, 1, 1e-9);
        assertThat(p[0]).containsExactly(0, n - 1);
        assertThat(p[1]).containsExactly(3, 3 - 0.25 * (n - 1));
    }

    @ParameterizedTest(name = "{0} samples per period")
    @ValueSource(ints = {3, 4, 7, 50})
    void aFastOscillationKeepsEveryPeak(int perPeriod) {
        // Taking every k-th point aliases such a curve; here each crest is more than the tolerance
        // from any chord that skips it, so every one stays.
        int periods = 400, n = periods * perPeriod + 1;
        double[] x = new double[n], y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = (double) k / perPeriod;
            y[k] = Math.sin(2 * Math.PI * (x[k] + 0.25 / perPeriod));
        }
        double[][] p = CurveSimplifier.simplify(x, y, 1, 100, 1.0 / 18);
        int crests = 0;
        for (int k = 1; k + 1 < p[1].length; k++) {
            crests += p[1][k] > p[1][k - 1] && p[1][k] >= p[1][k + 1] ? 1 : 0;
        }
        int want = 0;
        for (int k = 1; k + 1 < n; k++) {
            want += y[k] > y[k - 1] && y[k] >= y[k + 1] ? 1 : 0;
        }
        assertThat(crests).isEqualTo(want);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3})
    void gapsStayAndEachRunIsSimplifiedAlone(int seed) {
        double[][] c = curve(seed * 4 + 1);
        double[] x = c[0], y = c[1].clone();
        Random r = new Random(seed);
        for (int g = 0; g < 5; g++) {
            y[r.nextInt(y.length)] = g % 2 == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        boolean[] kept = CurveSimplifier.kept(x, y, 100, 100, 1.0 / 18);
        for (int k = 0; k < y.length; k++) {
            boolean edge = k == 0 || k == y.length - 1 || !Double.isFinite(y[k - 1]) || !Double.isFinite(y[k + 1]);
            if (!Double.isFinite(y[k]) || edge) {
                assertThat(kept[k]).as("sample %d (%s)", k, y[k]).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0} points")
    @ValueSource(ints = {0, 1, 2})
    void tooShortToThinIsReturnedAsIs(int n) {
        double[] x = new double[n], y = new double[n];
        double[][] p = CurveSimplifier.simplify(x, y, 1, 1, 1);
        assertThat(p[0]).isSameAs(x);
        assertThat(p[1]).isSameAs(y);
    }
}
