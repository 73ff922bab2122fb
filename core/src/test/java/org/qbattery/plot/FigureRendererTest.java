package org.qbattery.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What {@link FigureRenderer} puts into a figure's SVG, read back from the SVG text. */
class FigureRendererTest {
    /** e^{-t} on t = 0, 0.01, ..., 5: equally spaced, as every curve the simulations write. */
    static Figure decay(Figure.Line line) {
        double[] t = new double[501], y = new double[501];
        for (int k = 0; k < t.length; k++) {
            t[k] = 0.01 * k;
            y[k] = Math.exp(-t[k]);
        }
        return new Figure("test", "", List.of(new Figure.Panel("p", "t", "y", List.of(new Figure.Series("decay", t, y, line, 0)))));
    }

    @Test
    void aSeriesIsOnePathInTheSvgWithinASubPixelOfEverySample() {
        Figure f = decay(Figure.Line.DASH);
        Figure.Series s = f.panels().get(0).series().get(0);
        String svg = FigureRenderer.svg(f);
        // The series colour appears on the data path and on the legend's sample line only.
        Matcher m = Pattern.compile("<path d=\"([^\"]*)\" fill=\"none\" stroke=\"#0072b2\"").matcher(svg);
        List<double[]> paths = new ArrayList<>();
        while (m.find()) {
            String[] v = m.group(1).substring(1).split("L");
            double[] xy = new double[2 * v.length];
            for (int k = 0; k < v.length; k++) {
                String[] c = v[k].split(",");
                xy[2 * k] = Double.parseDouble(c[0]);
                xy[2 * k + 1] = Double.parseDouble(c[1]);
            }
            paths.add(xy);
        }
        assertThat(paths).hasSize(2);
        assertThat(svg).doesNotContain("<line");
        double[] path = paths.get(0).length > paths.get(1).length ? paths.get(0) : paths.get(1);
        int n = path.length / 2;
        // Fewer vertices than samples: e^{-t} is nearly straight over most of its pixels.
        assertThat(n).isBetween(3, s.x().length / 2);
        // The axes are linear: the first and last vertex (t = 0, y = 1 and t = 5, y = e^{-5}, which the
        // simplifier always keeps) fix the map from data to SVG units; every sample, mapped, lies within
        // the simplifier's distance of the drawn path (plus the SVG's 0.0005 rounding of each coordinate).
        double t0 = s.x()[0], t1 = s.x()[s.x().length - 1], y0 = s.y()[0], y1 = s.y()[s.y().length - 1];
        double bx = (path[2 * n - 2] - path[0]) / (t1 - t0), by = (path[2 * n - 1] - path[1]) / (y1 - y0);
        for (int k = 0; k < s.x().length; k++) {
            double px = path[0] + bx * (s.x()[k] - t0), py = path[1] + by * (s.y()[k] - y0);
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j + 1 < n; j++) {
                best = Math.min(best, CurveSimplifierTest.distanceToSegment(px, py, path[2 * j], path[2 * j + 1], path[2 * j + 2], path[2 * j + 3]));
            }
            assertThat(best).as("sample %d", k).isLessThanOrEqualTo(FigureRenderer.SIMPLIFY_UNITS + 2e-3);
        }
    }

    @Test
    void equallySpacedDataGetRoundTicks() {
        // XChart alone would put the x ticks on every 28th data point (0, 0.28, 0.56, ...: 18 ticks);
        // round numbers over [0, 5] are 0, 0.5, ..., 5: 11 ticks. A tick mark is a 3-unit vertical stroke.
        String svg = FigureRenderer.svg(decay(Figure.Line.SOLID));
        Matcher m = Pattern.compile("<path d=\"M([0-9.]+),([0-9.]+)L\\1,([0-9.]+)\"").matcher(svg);
        List<Double> ticks = new ArrayList<>();
        while (m.find()) {
            if (Math.abs(Double.parseDouble(m.group(2)) - Double.parseDouble(m.group(3)) - 3) < 1e-9) {
                ticks.add(Double.parseDouble(m.group(1)));
            }
        }
        assertThat(ticks).hasSize(11);
        for (int k = 1; k < ticks.size(); k++) {
            // each position is written to 0.0005: a difference of two spacings is off by 0.002 at most
            assertThat(ticks.get(k) - ticks.get(k - 1)).isCloseTo(ticks.get(1) - ticks.get(0), org.assertj.core.api.Assertions.within(2e-3));
        }
    }
}
