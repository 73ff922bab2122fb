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
    void aSeriesIsOnePathInTheSvg() {
        String svg = FigureRenderer.svg(decay(Figure.Line.DASH));
        // The series colour appears on the data path and on the legend's sample line only.
        Matcher m = Pattern.compile("<path d=\"([^\"]*)\" fill=\"none\" stroke=\"#0072b2\"").matcher(svg);
        List<Integer> vertices = new ArrayList<>();
        while (m.find()) {
            vertices.add(m.group(1).split("L").length);
        }
        assertThat(vertices).hasSize(2).contains(501);
        assertThat(svg).doesNotContain("<line");
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
