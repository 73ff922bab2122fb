package org.qbattery.plot;

import java.util.List;

/**
 * A figure as data: one or more side-by-side panels of line series. Rendering is separate
 * ({@link FigureRenderer}), so the same data also goes to the figure's CSV.
 */
public record Figure(String id, String caption, List<Panel> panels) {
    /** Line dash patterns, chosen to echo the paper's solid (quantum) and dashed/dotted (classical) styles. */
    public enum Line { SOLID, DASH, DOT, DASH_DOT }

    /** {@code y} divided by {@code by}, element by element, as a new array (a curve relative to its start or to a scale). */
    public static double[] divided(double[] y, double by) {
        double[] r = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            r[k] = y[k] / by;
        }
        return r;
    }

    /** One curve. {@code color} indexes the figure palette. */
    public record Series(String label, double[] x, double[] y, Line line, int color) {
    }

    /**
     * One set of axes.
     *
     * @param verticalLines x positions of vertical marker lines (e.g. half-lives), with labels in the caption
     * @param logY          logarithmic y axis (values ≤ 0 are clamped to {@code yMin})
     */
    public record Panel(String title, String xLabel, String yLabel, List<Series> series, List<Double> verticalLines,
                        Double yMin, Double yMax, boolean logY) {
        public Panel(String title, String xLabel, String yLabel, List<Series> series) {
            this(title, xLabel, yLabel, series, List.of(), null, null, false);
        }
    }
}
