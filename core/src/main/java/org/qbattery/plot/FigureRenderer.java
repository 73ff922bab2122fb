package org.qbattery.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a {@link Figure} with XChart, headless, as PNG (raster, 2× scale for print) and SVG
 * (vector, through {@link SvgGraphics}). Multi-panel figures are painted side by side on one canvas.
 */
public final class FigureRenderer {
    /** Okabe–Ito colour-blind-safe palette. */
    private static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0)
    };
    public static final int PANEL_WIDTH = 640, PANEL_HEIGHT = 440;
    /** Raster scale of the PNG: 2× for print. */
    public static final int PNG_SCALE = 2;

    private FigureRenderer() {
    }

    static XYChart chart(Figure.Panel p) {
        return chart(p, true);
    }

    /** The panel's chart; without text (titles, tick labels, legend) when {@code text} is false, for tests of geometry. */
    static XYChart chart(Figure.Panel p, boolean text) {
        XYChart c = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(p.title())
                .xAxisTitle(p.xLabel()).yAxisTitle(p.yLabel()).build();
        var st = c.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setLegendPosition(legendCorner(p));
        st.setLegendBorderColor(new Color(200, 200, 200));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setMarkerSize(0);
        st.setAntiAlias(true);
        st.setPlotGridLinesVisible(true);
        st.setPlotGridLinesStroke(new GridStroke(st.getPlotGridLinesStroke()));
        st.setXAxisDecimalPattern("0.##");
        st.setXAxisMaxLabelCount(12);
        if (!text) {
            st.setChartTitleVisible(false);
            st.setAxisTitlesVisible(false);
            st.setAxisTickLabelsColor(new Color(0, 0, 0, 0)); // laid out as usual, drawn invisible
            st.setLegendVisible(false);
        }
        if (p.yMin() != null) {
            st.setYAxisMin(p.yMin());
        }
        if (p.yMax() != null) {
            st.setYAxisMax(p.yMax());
        }
        if (p.logY()) {
            st.setYAxisLogarithmic(true);
        } else {
            st.setYAxisDecimalPattern("0.0##");
        }
        double[] firstX = null;
        double firstY = 0;
        double[] units = unitsPerData(p);
        for (Figure.Series s : p.series()) {
            double[] y = s.y();
            if (p.logY()) {
                double floor = p.yMin() != null ? p.yMin() : 1e-16;
                y = y.clone();
                for (int k = 0; k < y.length; k++) {
                    y[k] = Math.max(floor, y[k]);
                }
            }
            double[][] xy = drawn(p, s.x(), y, units);
            XYSeries xs = c.addSeries(s.label(), xy[0], xy[1]);
            xs.setMarker(SeriesMarkers.NONE);
            xs.setLineColor(PALETTE[Math.floorMod(s.color(), PALETTE.length)]);
            xs.setLineStyle(stroke(s.line()));
            if (firstX == null) { // the samples' grid, which the kept points no longer show
                firstX = s.x();
                firstY = xy[1][0];
            }
        }
        if (firstX != null) {
            breakEqualSpacing(c, firstX, firstY);
        }
        for (double v : p.verticalLines()) {
            AnnotationLine line = new AnnotationLine(v, true, false);
            c.addAnnotation(line);
        }
        return c;
    }

    /**
     * The inside corner where the legend hides the fewest drawn points: each corner's box (the outer
     * 40% of the plot in x and y, about what a legend of a few series covers) counts the points of
     * every series that fall in it, on the axes' scale (log for a log panel, the panel's y limits when
     * set). Ties keep the upper right, XChart's usual place.
     */
    static Styler.LegendPosition legendCorner(Figure.Panel p) {
        double[] r = axisRanges(p);
        double x0 = r[0], x1 = r[1], y0 = r[2], y1 = r[3];
        Styler.LegendPosition[] corners = {Styler.LegendPosition.InsideNE, Styler.LegendPosition.InsideNW,
            Styler.LegendPosition.InsideSE, Styler.LegendPosition.InsideSW};
        if (!(x1 > x0 && y1 > y0)) {
            return corners[0];
        }
        int[] count = new int[4];
        for (Figure.Series s : p.series()) {
            for (int k = 0; k < s.x().length; k++) {
                double u = (s.x()[k] - x0) / (x1 - x0), v = (scaleY(p, s.y()[k]) - y0) / (y1 - y0);
                boolean east = u > 0.6, west = u < 0.4, north = v > 0.6, south = v < 0.4;
                count[0] += east && north ? 1 : 0;
                count[1] += west && north ? 1 : 0;
                count[2] += east && south ? 1 : 0;
                count[3] += west && south ? 1 : 0;
            }
        }
        int best = 0;
        for (int c = 1; c < 4; c++) {
            if (count[c] < count[best]) {
                best = c;
            }
        }
        return corners[best];
    }

    /**
     * The panel's axis ranges {@code {x0, x1, y0, y1}} on the axes' scale: x over every series' finite
     * points, y likewise (log10 for a log panel) unless the panel sets its limits.
     */
    private static double[] axisRanges(Figure.Panel p) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (Figure.Series s : p.series()) {
            for (int k = 0; k < s.x().length; k++) {
                double y = scaleY(p, s.y()[k]);
                if (Double.isFinite(s.x()[k]) && Double.isFinite(y)) {
                    x0 = Math.min(x0, s.x()[k]);
                    x1 = Math.max(x1, s.x()[k]);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        y0 = p.yMin() != null ? scaleY(p, p.yMin()) : y0;
        y1 = p.yMax() != null ? scaleY(p, p.yMax()) : y1;
        return new double[] {x0, x1, y0, y1};
    }

    private static double scaleY(Figure.Panel p, double y) {
        return p.logY() ? Math.log10(Math.max(y, p.yMin() != null ? p.yMin() : 1e-16)) : y;
    }

    /**
     * XChart 4.0.3 puts the x ticks on data points whenever the x values of all series together are
     * equally spaced (knowm/XChart issue #731), which on a 0.01 grid gives ticks such as 0.28, 0.56.
     * One invisible two-point series (no line, no marker, not in the legend) inside the data's range,
     * off the grid, brings back its round-number ticks (0, 0.5, 1, ...).
     */
    private static void breakEqualSpacing(XYChart c, double[] x, double y) {
        if (x.length < 3) {
            return;
        }
        double off = x[0] + (x[x.length - 1] - x[0]) * 0.6180339887498949; // 1/golden ratio: never on a uniform grid
        XYSeries helper = c.addSeries("(x-tick helper)", new double[] {x[0], off}, new double[] {y, y});
        helper.setMarker(SeriesMarkers.NONE);
        helper.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE);
        helper.setShowInLegend(false);
    }

    /**
     * How far a drawn curve may move when points are dropped ({@link CurveSimplifier}): 1/9 of a PNG
     * pixel, matplotlib's default, in drawing units (the SVG's, half a PNG pixel each).
     */
    static final double SIMPLIFY_UNITS = 1.0 / (9 * PNG_SCALE);

    /**
     * Data to drawing units across the whole panel, {@code {per x, per y}}: x over every series, y
     * over the panel's limits where set, else every series (on the log scale for a log panel). The
     * plot area is smaller than the panel, so a distance in these units bounds the drawn one.
     */
    static double[] unitsPerData(Figure.Panel p) {
        double[] r = axisRanges(p);
        return new double[] {r[1] > r[0] ? PANEL_WIDTH / (r[1] - r[0]) : 1, r[3] > r[2] ? PANEL_HEIGHT / (r[3] - r[2]) : 1};
    }

    /** The points of one series worth drawing: within {@link #SIMPLIFY_UNITS} of every sample, on the panel's scale. */
    static double[][] drawn(Figure.Panel p, double[] x, double[] y, double[] units) {
        double[] onScale = y;
        if (p.logY()) {
            onScale = new double[y.length];
            for (int k = 0; k < y.length; k++) {
                onScale[k] = scaleY(p, y[k]);
            }
        }
        return CurveSimplifier.pick(CurveSimplifier.kept(x, onScale, units[0], units[1], SIMPLIFY_UNITS), x, y);
    }

    private static BasicStroke stroke(Figure.Line l) {
        float w = 2.2f;
        return switch (l) {
            case SOLID -> new BasicStroke(w);
            case DASH -> new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 6f}, 0f);
            case DOT -> new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 5f}, 0f);
            case DASH_DOT -> new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {10f, 5f, 2f, 5f}, 0f);
        };
    }

    /**
     * Paints every panel of {@code f} side by side onto any {@code g} (a window, a printer, another
     * vector format), in units of {@link #PANEL_WIDTH} × {@link #PANEL_HEIGHT} per panel, each curve
     * as one path ({@link PolylineGraphics}), as {@link #png} and {@link #svg} draw it.
     */
    public static void paint(Figure f, Graphics2D g) {
        PolylineGraphics joined = new PolylineGraphics(g);
        paint(f, joined, true);
        joined.flush();
    }

    static void paint(Figure f, Graphics2D g, boolean text) {
        int x = 0;
        for (Figure.Panel p : f.panels()) {
            AffineTransform saved = g.getTransform();
            g.translate(x, 0);
            g.setClip(0, 0, PANEL_WIDTH, PANEL_HEIGHT);
            chart(p, text).paint(g, PANEL_WIDTH, PANEL_HEIGHT);
            g.setTransform(saved);
            g.setClip(null);
            x += PANEL_WIDTH;
        }
    }

    public static int width(Figure f) {
        return PANEL_WIDTH * f.panels().size();
    }

    /** PNG bytes at {@link #PNG_SCALE}× resolution. */
    public static byte[] png(Figure f) {
        return PngEncoder.encode(image(f));
    }

    /** The raster the PNG holds: {@link #PNG_SCALE}× resolution, antialiased, opaque RGB. */
    public static BufferedImage image(Figure f) {
        return raster(f, PNG_SCALE, true);
    }

    /** The figure drawn by Java2D, antialiased, at {@code scale} pixels per unit (without text when {@code text} is false). */
    static BufferedImage raster(Figure f, int scale, boolean text) {
        BufferedImage img = new BufferedImage(width(f) * scale, PANEL_HEIGHT * scale, BufferedImage.TYPE_INT_RGB);
        // Each series as one stroked path rather than XChart's one stroke per segment (PolylineGraphics).
        Graphics2D g = new PolylineGraphics(whiteRaster(img, scale));
        paint(f, g, text);
        g.dispose();
        return img;
    }

    /** Graphics on {@code img}, antialiased, filled white, scaled to {@code scale} pixels per unit. */
    private static Graphics2D whiteRaster(BufferedImage img, int scale) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.scale(scale, scale);
        return g;
    }

    /** An SVG page for {@code f}, filled white. */
    private static SvgGraphics whitePage(Figure f) {
        SvgGraphics page = new SvgGraphics(width(f), PANEL_HEIGHT, f.id());
        page.setColor(Color.WHITE);
        page.fillRect(0, 0, width(f), PANEL_HEIGHT);
        return page;
    }

    /** A figure's two files: PNG bytes and SVG text. */
    public record PngAndSvg(byte[] png, String svg) {
    }

    /**
     * {@link #png} and {@link #svg} from one painting through a {@link TeeGraphics} (XChart's layout
     * done once): the SVG is the one {@link #svg(Figure)} writes, byte for byte, and the raster is
     * laid out as the SVG is (the same tick labels and glyph outlines, advances with the SVG's
     * fractional metrics; {@link #image} lays text out for the 2× raster itself).
     */
    public static PngAndSvg pngAndSvg(Figure f) {
        return pngAndSvg(f, java.util.Map.of());
    }

    /**
     * As {@link #pngAndSvg(Figure)}, both files described by {@code about} (PNG iTXt chunks; SVG
     * {@code <title>}, {@code <desc>} and {@code <metadata>}): see {@link PngEncoder#encode(BufferedImage, java.util.Map)}.
     */
    public static PngAndSvg pngAndSvg(Figure f, java.util.Map<String, String> about) {
        BufferedImage img = new BufferedImage(width(f) * PNG_SCALE, PANEL_HEIGHT * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D raster = whiteRaster(img, PNG_SCALE);
        SvgGraphics page = whitePage(f);
        PolylineGraphics g = new PolylineGraphics(new TeeGraphics(page, raster));
        paint(f, g, true);
        g.flush();
        raster.dispose();
        return new PngAndSvg(PngEncoder.encode(img, about), page.document(about));
    }

    /**
     * Draws, and throws away, one small figure (two curves of 501 points, a vertical
     * line, PNG and SVG). Why: a command that will draw figures calls it on a helper thread while
     * the main thread still parses and sets up and the other core is idle, so that the painting,
     * rasterising and encoding code is loaded, initialised (fonts among it) and, with the launcher's
     * compile commands, queued for compiling before the first real figure. Measured on 2 cores, 24
     * interleaved runs each, with those compile commands: {@code reproduce} 1.268 → 1.241 s.
     */
    public static void warmUp() {
        double[] t = new double[501], a = new double[t.length], b = new double[t.length];
        for (int k = 0; k < t.length; k++) {
            t[k] = 0.01 * k;
            a[k] = Math.exp(-t[k]);
            b[k] = Math.exp(-0.5 * t[k]) * Math.cos(t[k]);
        }
        Figure.Panel p = new Figure.Panel("warm-up", "t", "y", List.of(new Figure.Series("a", t, a, Figure.Line.SOLID, 0),
                new Figure.Series("b", t, b, Figure.Line.DASH, 1)), List.of(0.5), 0.0, 1.05, false);
        pngAndSvg(new Figure("warm-up", "", List.of(p)));
    }

    /** SVG document text; the ids inside start with the figure's id, so several SVGs can share an HTML page. */
    public static String svg(Figure f) {
        return svg(f, true);
    }

    static String svg(Figure f, boolean text) {
        SvgGraphics page = whitePage(f);
        PolylineGraphics g = new PolylineGraphics(page);
        paint(f, g, text);
        g.flush();
        return page.document();
    }
}
