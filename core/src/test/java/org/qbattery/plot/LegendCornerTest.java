package org.qbattery.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.style.Styler.LegendPosition;

/** The legend goes to the inside corner that hides the fewest drawn points. */
class LegendCornerTest {
    private static Figure.Panel panel(java.util.function.DoubleUnaryOperator f, boolean logY, Double yMin) {
        double[] x = new double[101], y = new double[101];
        for (int k = 0; k < x.length; k++) {
            x[k] = 0.05 * k;
            y[k] = f.applyAsDouble(x[k]);
        }
        return new Figure.Panel("p", "t", "y", List.of(new Figure.Series("s", x, y, Figure.Line.SOLID, 0)), List.of(), yMin, null, logY);
    }

    @Test
    void decayKeepsTheUsualUpperRight() {
        assertThat(FigureRenderer.legendCorner(panel(t -> Math.exp(-t), false, null))).isEqualTo(LegendPosition.InsideNE);
    }

    @Test
    void growthMovesItToTheUpperLeft() {
        assertThat(FigureRenderer.legendCorner(panel(t -> t * t, false, null))).isEqualTo(LegendPosition.InsideNW);
    }

    @Test
    void aPlateauOnALogAxisMovesItDown() {
        // The paper's long-time figure: one curve levels off high, one decays over ten decades.
        double[] x = new double[101], flat = new double[101], decay = new double[101];
        for (int k = 0; k < x.length; k++) {
            x[k] = 0.4 * k;
            flat[k] = 0.05 + Math.exp(-x[k]);
            decay[k] = Math.exp(-0.6 * x[k]);
        }
        Figure.Panel p = new Figure.Panel("p", "t", "U", List.of(new Figure.Series("flat", x, flat, Figure.Line.SOLID, 0),
                new Figure.Series("decay", x, decay, Figure.Line.SOLID, 1)), List.of(), 1e-12, null, true);
        assertThat(FigureRenderer.legendCorner(p)).isEqualTo(LegendPosition.InsideSW);
    }

    @Test
    void emptyOrFlatPanelsKeepTheDefault() {
        assertThat(FigureRenderer.legendCorner(new Figure.Panel("p", "t", "y", List.of()))).isEqualTo(LegendPosition.InsideNE);
        assertThat(FigureRenderer.legendCorner(panel(t -> 1, false, null))).isEqualTo(LegendPosition.InsideNE);
    }
}
