package org.qbattery.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SVG that {@link SvgGraphics} writes, drawn again by Java2D from its own text (a small reader of
 * the subset it writes: paths, fills, strokes, dashes, clip paths), matches what Java2D draws
 * directly: the oracle is the raster, not the writer's code.
 */
class SvgGraphicsTest {
    /** Draws the SVG subset SvgGraphics writes onto {@code g}. */
    static void replay(String svg, Graphics2D g) {
        Map<String, Shape> clips = new HashMap<>();
        Matcher cm = Pattern.compile("<clipPath id=\"([^\"]+)\"><path d=\"([^\"]+)\"/></clipPath>").matcher(svg);
        while (cm.find()) {
            clips.put(cm.group(1), path(cm.group(2)));
        }
        String body = svg.substring(svg.indexOf("</defs>") >= 0 ? svg.indexOf("</defs>") : 0);
        Matcher m = Pattern.compile("<path d=\"([^\"]+)\"([^/]*)/>").matcher(body);
        Pattern attr = Pattern.compile("([a-z-]+)=\"([^\"]*)\"");
        while (m.find()) {
            Map<String, String> a = new HashMap<>();
            Matcher am = attr.matcher(m.group(2));
            while (am.find()) {
                a.put(am.group(1), am.group(2));
            }
            Path2D.Double p = path(m.group(1));
            Graphics2D e = (Graphics2D) g.create();
            if (a.containsKey("clip-path")) {
                String id = a.get("clip-path").replaceAll("url\\(#(.*)\\)", "$1");
                e.clip(clips.get(id));
            }
            double opacity = Double.parseDouble(a.getOrDefault("opacity", "1"));
            if (!a.getOrDefault("fill", "none").equals("none")) {
                if ("evenodd".equals(a.get("fill-rule"))) {
                    p.setWindingRule(Path2D.WIND_EVEN_ODD);
                }
                e.setColor(colour(a.get("fill"), opacity * Double.parseDouble(a.getOrDefault("fill-opacity", "1"))));
                e.fill(p);
            }
            if (!a.getOrDefault("stroke", "none").equals("none")) {
                float[] dash = null;
                if (a.containsKey("stroke-dasharray")) {
                    String[] parts = a.get("stroke-dasharray").split(",");
                    dash = new float[parts.length];
                    for (int k = 0; k < parts.length; k++) {
                        dash[k] = Float.parseFloat(parts[k]);
                    }
                }
                int cap = switch (a.getOrDefault("stroke-linecap", "butt")) {
                    case "round" -> BasicStroke.CAP_ROUND;
                    case "square" -> BasicStroke.CAP_SQUARE;
                    default -> BasicStroke.CAP_BUTT;
                };
                int join = switch (a.getOrDefault("stroke-linejoin", "miter")) {
                    case "round" -> BasicStroke.JOIN_ROUND;
                    case "bevel" -> BasicStroke.JOIN_BEVEL;
                    default -> BasicStroke.JOIN_MITER;
                };
                e.setStroke(new BasicStroke(Float.parseFloat(a.getOrDefault("stroke-width", "1")), cap, join,
                        Float.parseFloat(a.getOrDefault("stroke-miterlimit", "4")), dash, Float.parseFloat(a.getOrDefault("stroke-dashoffset", "0"))));
                e.setColor(colour(a.get("stroke"), opacity * Double.parseDouble(a.getOrDefault("stroke-opacity", "1"))));
                e.draw(p);
            }
            e.dispose();
        }
    }

    static Color colour(String hex, double alpha) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return new Color(rgb >> 16 & 255, rgb >> 8 & 255, rgb & 255, (int) Math.round(alpha * 255));
    }

    static Path2D.Double path(String d) {
        Path2D.Double p = new Path2D.Double();
        Matcher m = Pattern.compile("([MLQCZ])([^MLQCZ]*)").matcher(d);
        while (m.find()) {
            String[] n = m.group(2).isBlank() ? new String[0] : m.group(2).trim().split("[ ,]");
            double[] v = new double[n.length];
            for (int k = 0; k < n.length; k++) {
                v[k] = Double.parseDouble(n[k]);
            }
            switch (m.group(1)) {
                case "M" -> p.moveTo(v[0], v[1]);
                case "L" -> p.lineTo(v[0], v[1]);
                case "Q" -> p.quadTo(v[0], v[1], v[2], v[3]);
                case "C" -> p.curveTo(v[0], v[1], v[2], v[3], v[4], v[5]);
                default -> p.closePath();
            }
        }
        return p;
    }

    static BufferedImage canvas(int w, int h, int scale) {
        BufferedImage img = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
        return img;
    }

    static BufferedImage replayed(String svg, int w, int h, int scale) {
        BufferedImage img = canvas(w, h, scale);
        Graphics2D g = img.createGraphics();
        hints(g);
        g.scale(scale, scale);
        replay(svg, g);
        g.dispose();
        return img;
    }

    /**
     * Antialiased, and strokes drawn where their path says: Java2D's default stroke normalisation
     * moves lines by up to half a pixel towards pixel centres, which an SVG renderer does not do.
     */
    static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** Per-channel differences: [largest, pixels differing by more than {@code level}]. */
    static int[] difference(BufferedImage a, BufferedImage b, int level) {
        int max = 0, over = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y), q = b.getRGB(x, y), d = 0;
                for (int s = 0; s < 24; s += 8) {
                    d = Math.max(d, Math.abs((p >> s & 255) - (q >> s & 255)));
                }
                max = Math.max(max, d);
                over += d > level ? 1 : 0;
            }
        }
        return new int[] {max, over};
    }

    /** One of Java2D's 8 coverage sub-rows per pixel, in levels of 255. */
    static final int SUB_ROW = 32;

    /** Vertices of the dashed curve in {@link #drawings()}. */
    static final int DASHED_VERTICES = 61;

    static Stream<Arguments> drawings() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("strokes: caps, joins, widths", 0, (Consumer<Graphics2D>) g -> {
            g.setColor(new Color(0, 114, 178));
            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(10, 10, 150, 60));
            g.setColor(new Color(213, 94, 0));
            g.setStroke(new BasicStroke(5f, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_BEVEL));
            g.drawPolyline(new int[] {20, 60, 100}, new int[] {110, 140, 110}, 3);
            g.setStroke(new BasicStroke(4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f));
            g.drawPolyline(new int[] {120, 150, 180}, new int[] {140, 110, 140}, 3);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(20, 160, 160, 30);
        }));
        cases.add(Arguments.of("a dashed curve", DASHED_VERTICES, (Consumer<Graphics2D>) g -> {
            g.setColor(new Color(213, 94, 0));
            g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 6f}, 3f));
            Path2D.Double p = new Path2D.Double();
            p.moveTo(10, 90);
            for (int k = 1; k < DASHED_VERTICES; k++) {
                double x = 10 + 3 * k;
                p.lineTo(x, 90 - 30 * Math.sin(x / 20.0));
            }
            g.draw(p);
        }));
        cases.add(Arguments.of("fills, alpha, even-odd, composite", 0, (Consumer<Graphics2D>) g -> {
            g.setColor(new Color(0, 158, 115));
            g.fill(new Ellipse2D.Double(20, 20, 80, 50));
            g.setColor(new Color(204, 121, 167, 128));
            g.fillRect(60, 40, 80, 60);
            Path2D.Double ring = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            ring.append(new Ellipse2D.Double(130, 100, 60, 60), false);
            ring.append(new Ellipse2D.Double(145, 115, 30, 30), false);
            g.setColor(Color.BLACK);
            g.fill(ring);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.5f));
            g.setColor(new Color(230, 159, 0));
            g.fillRect(5, 160, 120, 20);
        }));
        cases.add(Arguments.of("transforms and clips (create/dispose keep them apart)", 0, (Consumer<Graphics2D>) g -> {
            Graphics2D panel = (Graphics2D) g.create();
            panel.translate(100, 0);
            panel.setClip(0, 0, 90, 100);
            panel.setColor(new Color(86, 180, 233));
            panel.fill(new Ellipse2D.Double(40, 20, 100, 100)); // cut at x = 190 by the clip
            panel.clip(new Ellipse2D.Double(0, 0, 80, 80)); // non-rectangular intersection
            panel.setColor(Color.BLACK);
            panel.fillRect(0, 0, 200, 200);
            panel.dispose();
            g.setColor(new Color(213, 94, 0));
            g.setStroke(new BasicStroke(2f));
            Graphics2D rotated = (Graphics2D) g.create();
            rotated.rotate(-Math.PI / 6, 40, 150);
            rotated.draw(new Rectangle(10, 140, 60, 20)); // a stroke under rotation goes out as its outline
            rotated.dispose();
            g.scale(1.5, 1.5);
            g.draw(new Line2D.Double(60, 100, 90, 130)); // uniform scaling: a scaled stroke width
        }));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drawings")
    void replaysToWhatJava2DDraws(String name, int dashedVertices, Consumer<Graphics2D> drawing) {
        int w = 200, h = 200, scale = 2;
        BufferedImage direct = canvas(w, h, scale);
        Graphics2D g = direct.createGraphics();
        hints(g);
        g.scale(scale, scale);
        drawing.accept(g);
        g.dispose();
        SvgGraphics svg = new SvgGraphics(w, h, "t");
        drawing.accept(svg);
        BufferedImage again = replayed(svg.document(), w, h, scale);
        // Coordinates are rounded to 0.0005 units = 0.001 px here: an edge pixel's coverage moves by
        // well under one level of 255, but Java2D's rasteriser samples coverage on 8 sub-rows per pixel
        // (Marlin, JDK 17), so an edge that moves across a sub-row's centre changes its pixel by 1/8:
        // SUB_ROW levels. Along a dashed path every rounded vertex changes the length before the next
        // dash by up to 1.4e-3 units (two ends, 0.5e-3·√2 each), so the dashes can drift by n·1.4e-3 units.
        int level = SUB_ROW + (int) Math.ceil(255 * scale * dashedVertices * 1.4e-3);
        int[] diff = difference(direct, again, level);
        assertThat(diff[1]).as("%s: pixels off by more than %d levels (largest %d)", name, level, diff[0]).isZero();
    }

    @Test
    void aStrokeUnderUnequalScalingIsItsUserSpaceOutline() {
        // SVG strokes in user space, then transforms; so does the outline the writer fills. (Java2D's
        // own draw() under scale(4, 1) puts down ~60% more ink than that outline, measured: it is the
        // odd one out, and no figure strokes under unequal scaling.)
        SvgGraphics g = new SvgGraphics(200, 200, "t");
        g.setStroke(new BasicStroke(2f));
        g.scale(2, 0.5);
        Line2D line = new Line2D.Double(60, 300, 90, 380);
        g.draw(line);
        Matcher m = Pattern.compile("<path d=\"([^\"]+)\" fill=\"#000000\"/>").matcher(g.document());
        assertThat(m.find()).isTrue();
        Rectangle2D want = AffineTransform.getScaleInstance(2, 0.5).createTransformedShape(new BasicStroke(2f).createStrokedShape(line)).getBounds2D();
        Rectangle2D got = path(m.group(1)).getBounds2D();
        assertThat(new double[] {got.getMinX(), got.getMinY(), got.getMaxX(), got.getMaxY()})
                .containsExactly(new double[] {want.getMinX(), want.getMinY(), want.getMaxX(), want.getMaxY()}, within(5e-4));
    }

    @Test
    void textIsWrittenAsGlyphOutlines() {
        SvgGraphics g = new SvgGraphics(300, 100, "t");
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 15);
        g.setFont(font);
        g.translate(10, 0);
        g.drawString("E(t)/E(0) Γt", 15, 50);
        Matcher m = Pattern.compile("<path d=\"([^\"]+)\" fill=\"#000000\"/>").matcher(g.document());
        assertThat(m.find()).isTrue();
        Rectangle2D want = font.createGlyphVector(g.getFontRenderContext(), "E(t)/E(0) Γt").getOutline(25, 50).getBounds2D();
        Rectangle2D got = path(m.group(1)).getBounds2D();
        assertThat(new double[] {got.getMinX(), got.getMinY(), got.getMaxX(), got.getMaxY()})
                .containsExactly(new double[] {want.getMinX(), want.getMinY(), want.getMaxX(), want.getMaxY()}, within(5e-4));
        assertThat(g.document()).doesNotContain("<text");
    }

    /**
     * A two-panel figure as reproduce draws them: curves on t = 0, 0.01, ..., 5 (the second in the
     * given line style), axes, ticks, grid, clips, legends, titles, vertical annotation lines.
     */
    static Figure twin(Figure.Line second) {
        double[] t = new double[501], a = new double[501], b = new double[501];
        for (int k = 0; k < t.length; k++) {
            t[k] = 0.01 * k;
            a[k] = Math.exp(-t[k]);
            b[k] = Math.max(0, 1 - 2 * t[k]) * Math.cos(3 * t[k]);
        }
        List<Figure.Series> series = List.of(new Figure.Series("E(t)", t, a, Figure.Line.SOLID, 0),
                new Figure.Series("U(t)", t, b, second, 1));
        return new Figure("twin", "", List.of(new Figure.Panel("left", "t", "y", series, List.of(0.5, 1.5), null, null, false),
                new Figure.Panel("right", "Γt", "E/U", series)));
    }

    @Test
    void aFigureReplaysToItsRaster() {
        // A two-panel figure as reproduce draws them (curves, axes, ticks, grid, clips, vertical
        // annotation lines), drawn without text: XChart lays text out with each graphics' own font
        // render context (the raster's is scaled 2×, so its glyph outlines are hinted differently),
        // which textIsWrittenAsGlyphOutlines covers. Solid curves: a 500-vertex dashed curve could
        // drift by more than a pixel in the worst case (see replaysToWhatJava2DDraws).
        Figure f = twin(Figure.Line.SOLID);
        // Drawn as the PNG is, but with pure strokes: the PNG's stroke normalisation snaps lines to the
        // pixel grid, so a vertex rounded across a snapping boundary moves a whole pixel there.
        int w = FigureRenderer.width(f), h = FigureRenderer.PANEL_HEIGHT;
        BufferedImage direct = canvas(w, h, 2);
        Graphics2D g = new PolylineGraphics(direct.createGraphics());
        hints(g);
        g.scale(2, 2);
        FigureRenderer.paint(f, g, false);
        g.dispose();
        BufferedImage again = replayed(FigureRenderer.svg(f, false), w, h, 2);
        int[] diff = difference(direct, again, SUB_ROW);
        assertThat(diff[1]).as("pixels off by more than %d levels (largest %d)", SUB_ROW, diff[0]).isZero();
    }

    @Test
    void writesWellFormedXmlWithIdsPrefixedForSharing() throws Exception {
        SvgGraphics g = new SvgGraphics(100, 50, "fig9");
        g.setClip(0, 0, 40, 40);
        g.fillRect(0, 0, 100, 50);
        g.setClip(new Ellipse2D.Double(0, 0, 30, 30));
        g.fillRect(0, 0, 100, 50);
        g.setClip(0, 0, 40, 40); // the same clip again: the same id
        g.fillRect(10, 0, 100, 50);
        String doc = g.document();
        var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new java.io.ByteArrayInputStream(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(xml.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(xml.getElementsByTagName("clipPath").getLength()).isEqualTo(2);
        assertThat(doc).contains("id=\"fig9-clip0\"", "id=\"fig9-clip1\"").doesNotContain("fig9-clip2");
        assertThat(doc).contains("viewBox=\"0 0 100 50\"");
        SvgGraphics odd = new SvgGraphics(10, 10, "fig \"a\"&b");
        odd.setClip(0, 0, 5, 5);
        odd.fillRect(0, 0, 10, 10);
        assertThat(odd.document()).contains("id=\"fig__a__b-clip0\"");
    }

    /** A described document: title, desc and the other entries as metadata lines, markup escaped, read back by an XML parser. */
    @Test
    void describedDocumentsCarryTitleDescAndMetadata() throws Exception {
        SvgGraphics g = new SvgGraphics(10, 10, "d");
        g.fillRect(0, 0, 5, 5);
        java.util.Map<String, String> about = new java.util.LinkedHashMap<>();
        about.put("Title", "fig <1>");
        about.put("Description", "Γτ½ & ε = E/U");
        about.put("Software", "QBattery 0.1.0");
        about.put("Source", "qbattery simulate --edges \"0-1\" \u0001");
        String doc = g.document(about);
        var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(xml.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("fig <1>");
        assertThat(xml.getElementsByTagName("desc").item(0).getTextContent()).isEqualTo("Γτ½ & ε = E/U");
        assertThat(xml.getElementsByTagName("metadata").item(0).getTextContent())
                .isEqualTo("\nSoftware: QBattery 0.1.0\nSource: qbattery simulate --edges \"0-1\" \ufffd\n");
        // The drawing is unchanged by the description.
        assertThat(doc.substring(doc.indexOf("<path"))).isEqualTo(g.document().substring(g.document().indexOf("<path")));
        assertThat(g.document(java.util.Map.of())).isEqualTo(g.document());
    }

    @Test
    void numbersHaveThreeDecimalsAtMost() {
        String[][] cases = {{"12.5", "12.5"}, {"-3.0", "-3"}, {"0.07", "0.07"}, {"0.007", "0.007"}, {"0.0704", "0.07"},
            {"61.640625", "61.641"}, {"-0.0004", "0"}, {"396.078125", "396.078"}, {"-12.105", "-12.105"}, {"1.1", "1.1"},
            {"99.9996", "100"}};
        for (String[] c : cases) {
            assertThat(SvgGraphics.num(new StringBuilder(), Double.parseDouble(c[0])).toString()).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void refusesWhatItCannotWrite() {
        SvgGraphics g = new SvgGraphics(10, 10, "x");
        assertThatThrownBy(() -> g.setPaint(new GradientPaint(0, 0, Color.RED, 10, 10, Color.BLUE)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> g.drawImage(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), 0, 0, null))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> g.setXORMode(Color.WHITE)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> g.setComposite(AlphaComposite.Xor)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void transformIsThePagesAfterCreate() {
        SvgGraphics g = new SvgGraphics(10, 10, "x");
        g.translate(3, 4);
        Graphics2D c = (Graphics2D) g.create();
        c.translate(1, 1);
        assertThat(g.getTransform()).isEqualTo(AffineTransform.getTranslateInstance(3, 4));
        assertThat(c.getTransform()).isEqualTo(AffineTransform.getTranslateInstance(4, 5));
        c.setClip(0, 0, 2, 2);
        assertThat(c.getClipBounds()).isEqualTo(new Rectangle(0, 0, 2, 2));
        assertThat(g.getClip()).isNull();
    }
}
