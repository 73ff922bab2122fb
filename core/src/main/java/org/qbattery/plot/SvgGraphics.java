package org.qbattery.plot;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.text.AttributedCharacterIterator;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link Graphics2D} that writes SVG 1.1 text directly: every stroke and fill becomes one
 * {@code <path>} in page coordinates (the current transform applied), with its colour, stroke and clip.
 *
 * <p>Why hand-written: the figures went through VectorGraphics2D, which builds a DOM and serialises
 * it with the JDK's XSLT identity transformer; that serialisation (escaping every character of every
 * path) took most of the 0.6 s of single-core time that {@code reproduce}'s 16 SVGs cost, and wrote
 * coordinates with up to 17 digits. Here a figure is appended to one {@link StringBuilder}, with
 * coordinates rounded to 1/1000 of a unit (a panel is 640 units wide; see {@link #num} for why not
 * fewer); see the README's Performance section for the measurement.
 *
 * <p>Scope: what a chart draws — shapes, text (as glyph outlines, so it looks the same without the
 * fonts), solid colours with alpha, {@link BasicStroke}s, clips, transforms. Images, gradient paints
 * and XOR mode are refused with an {@link UnsupportedOperationException}: nothing in the figures
 * uses them, and silently dropping them would draw a wrong figure.
 */
public final class SvgGraphics extends Graphics2D {
    /** What every graphics made from one page by {@link #create()} writes into. */
    private static final class Page {
        final StringBuilder defs = new StringBuilder();
        final StringBuilder body = new StringBuilder(1 << 16);
        final Map<String, String> clipIds = new HashMap<>();
        final String idPrefix;
        final double width, height;

        Page(double width, double height, String idPrefix) {
            this.width = width;
            this.height = height;
            this.idPrefix = idPrefix;
        }
    }

    /** A 1×1 raster for font metrics, which need a real graphics device behind them. */
    private static final Graphics2D METRICS = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    // Fractional advances, no antialiasing: the context VectorGraphics2D gave XChart for the same layout.
    private static final FontRenderContext FRC = new FontRenderContext(null, false, true);

    private final Page page;
    private AffineTransform transform = new AffineTransform();
    private Shape clip; // in page coordinates; null: none
    private String clipId; // id of the <clipPath> for clip, once written
    private Color color = Color.BLACK;
    private Color background = Color.WHITE;
    private Stroke stroke = new BasicStroke();
    private Font font = new Font(Font.DIALOG, Font.PLAIN, 12);
    private Composite composite = AlphaComposite.SrcOver;
    private final RenderingHints hints = new RenderingHints(null);

    /**
     * A page of {@code width} × {@code height} units; {@code idPrefix} keeps the ids of its clip paths
     * apart from those of other SVGs inlined into the same HTML page.
     */
    public SvgGraphics(double width, double height, String idPrefix) {
        // Only characters that are valid in an XML id and need no escaping in an attribute.
        this.page = new Page(width, height, idPrefix.replaceAll("[^A-Za-z0-9_-]", "_"));
    }

    private SvgGraphics(SvgGraphics from) {
        this.page = from.page;
        this.transform = new AffineTransform(from.transform);
        this.clip = from.clip;
        this.clipId = from.clipId;
        this.color = from.color;
        this.background = from.background;
        this.stroke = from.stroke;
        this.font = from.font;
        this.composite = from.composite;
        this.hints.putAll(from.hints);
    }

    /**
     * {@code s} as XML or HTML text, in content or a quoted attribute: {@code & < > "} escaped,
     * characters XML 1.0 forbids (most C0 controls) as U+FFFD. The one escaping of the project's
     * SVG, HTML and report writers.
     */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xfffe || c == 0xffff ? '\ufffd' : c);
            }
        }
        return b.toString();
    }

    /** The SVG document of everything drawn so far. */
    public String document() {
        return document(java.util.Map.of());
    }

    /**
     * As {@link #document()}, described by {@code about} (the PNG text keywords: Title, Description,
     * Software, Source, Comment): Title and Description as the SVG's {@code <title>} and {@code <desc>},
     * the others as lines "keyword: text" of {@code <metadata>}, so that the file says what made it.
     */
    public String document(java.util.Map<String, String> about) {
        StringBuilder sb = new StringBuilder(page.body.length() + page.defs.length() + 400);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"");
        num(sb, page.width).append("px\" height=\"");
        num(sb, page.height).append("px\" viewBox=\"0 0 ");
        num(sb, page.width).append(' ');
        num(sb, page.height).append("\">\n");
        if (about.containsKey("Title")) {
            sb.append("<title>").append(escape(about.get("Title"))).append("</title>\n");
        }
        if (about.containsKey("Description")) {
            sb.append("<desc>").append(escape(about.get("Description"))).append("</desc>\n");
        }
        StringBuilder rest = new StringBuilder();
        about.forEach((k, v) -> {
            if (!k.equals("Title") && !k.equals("Description")) {
                rest.append(escape(k)).append(": ").append(escape(v)).append('\n');
            }
        });
        if (rest.length() > 0) {
            sb.append("<metadata>\n").append(rest).append("</metadata>\n");
        }
        if (page.defs.length() > 0) {
            sb.append("<defs>\n").append(page.defs).append("</defs>\n");
        }
        return sb.append(page.body).append("</svg>\n").toString();
    }

    // ---- drawing ----

    @Override
    public void draw(Shape s) {
        if (stroke instanceof BasicStroke bs && isTranslateAndUniformScale(transform)) {
            double scale = Math.sqrt(Math.abs(transform.getDeterminant()));
            StringBuilder b = open(s);
            if (b == null) {
                return;
            }
            b.append("\" fill=\"none\" stroke=\"");
            colour(b, color).append('"');
            opacity(b, "stroke-opacity", color);
            if (bs.getLineWidth() * scale != 1) {
                b.append(" stroke-width=\"");
                num(b, bs.getLineWidth() * scale).append('"');
            }
            b.append(switch (bs.getEndCap()) {
                case BasicStroke.CAP_BUTT -> "";
                case BasicStroke.CAP_ROUND -> " stroke-linecap=\"round\"";
                default -> " stroke-linecap=\"square\"";
            });
            b.append(switch (bs.getLineJoin()) {
                case BasicStroke.JOIN_ROUND -> " stroke-linejoin=\"round\"";
                case BasicStroke.JOIN_BEVEL -> " stroke-linejoin=\"bevel\"";
                default -> "";
            });
            if (bs.getLineJoin() == BasicStroke.JOIN_MITER && bs.getMiterLimit() != 4) {
                b.append(" stroke-miterlimit=\"");
                num(b, bs.getMiterLimit()).append('"');
            }
            float[] dash = bs.getDashArray();
            if (dash != null) {
                b.append(" stroke-dasharray=\"");
                for (int k = 0; k < dash.length; k++) {
                    num(k > 0 ? b.append(',') : b, dash[k] * scale);
                }
                b.append('"');
                if (bs.getDashPhase() != 0) {
                    b.append(" stroke-dashoffset=\"");
                    num(b, bs.getDashPhase() * scale).append('"');
                }
            }
            close(b);
        } else {
            // A stroke under rotation, shear or unequal scaling: its outline, filled, is exact.
            fill(stroke.createStrokedShape(s));
        }
    }

    @Override
    public void fill(Shape s) {
        StringBuilder b = open(s);
        if (b == null) {
            return;
        }
        if (s.getPathIterator(null).getWindingRule() == PathIterator.WIND_EVEN_ODD) {
            b.append("\" fill-rule=\"evenodd");
        }
        b.append("\" fill=\"");
        colour(b, color).append('"');
        opacity(b, "fill-opacity", color);
        close(b);
    }

    /**
     * Starts a {@code <path d="...} element for {@code s} in page coordinates, or returns null (and
     * writes nothing) when the shape is empty or has a non-finite coordinate.
     */
    private StringBuilder open(Shape s) {
        StringBuilder b = page.body;
        int start = b.length();
        b.append("<path d=\"");
        if (!pathData(b, s.getPathIterator(transform))) {
            b.setLength(start);
            return null;
        }
        return b;
    }

    /** Appends the SVG path data of {@code it}; false when it has no segment or a non-finite coordinate. */
    private static boolean pathData(StringBuilder b, PathIterator it) {
        double[] c = new double[6];
        boolean any = false;
        for (; !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            int points = switch (type) {
                case PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO -> 1;
                case PathIterator.SEG_QUADTO -> 2;
                case PathIterator.SEG_CUBICTO -> 3;
                default -> 0;
            };
            for (int k = 0; k < 2 * points; k++) {
                if (!Double.isFinite(c[k])) {
                    return false;
                }
            }
            b.append("MLQCZ".charAt(type)); // the PathIterator.SEG_* constants are 0..4 in this order
            for (int k = 0; k < 2 * points; k++) {
                num(k > 0 ? b.append(k % 2 == 1 ? ',' : ' ') : b, c[k]);
            }
            any |= type != PathIterator.SEG_CLOSE;
        }
        return any;
    }

    /** Ends the element begun by {@link #open}: composite alpha, clip, and the closing bracket. */
    private void close(StringBuilder b) {
        if (composite instanceof AlphaComposite ac && ac.getAlpha() < 1f) {
            b.append(" opacity=\"");
            num(b, ac.getAlpha()).append('"');
        }
        String id = clipId();
        if (id != null) {
            b.append(" clip-path=\"url(#").append(id).append(")\"");
        }
        b.append("/>\n");
    }

    private String clipId() {
        if (clip == null) {
            return null;
        }
        if (clipId == null) {
            // The clip in path form, at the same precision as the elements it clips, names it.
            StringBuilder d = new StringBuilder();
            pathData(d, clip.getPathIterator(null));
            String key = d.toString();
            clipId = page.clipIds.get(key);
            if (clipId == null) {
                clipId = page.idPrefix + "-clip" + page.clipIds.size();
                page.clipIds.put(key, clipId);
                page.defs.append("<clipPath id=\"").append(clipId).append("\"><path d=\"").append(key).append("\"/></clipPath>\n");
            }
        }
        return clipId;
    }

    private static boolean isTranslateAndUniformScale(AffineTransform t) {
        return (t.getType() & ~(AffineTransform.TYPE_TRANSLATION | AffineTransform.TYPE_UNIFORM_SCALE)) == 0;
    }

    private static StringBuilder colour(StringBuilder b, Color c) {
        return b.append('#').append(Character.forDigit(c.getRed() >> 4, 16)).append(Character.forDigit(c.getRed() & 15, 16))
                .append(Character.forDigit(c.getGreen() >> 4, 16)).append(Character.forDigit(c.getGreen() & 15, 16))
                .append(Character.forDigit(c.getBlue() >> 4, 16)).append(Character.forDigit(c.getBlue() & 15, 16));
    }

    private static void opacity(StringBuilder b, String attribute, Color c) {
        if (c.getAlpha() < 255) {
            b.append(' ').append(attribute).append("=\"");
            num(b, c.getAlpha() / 255.0).append('"');
        }
    }

    /**
     * {@code v} rounded to three decimals, without trailing zeros ("12.5", "-3", "0.007").
     * Why three: a dash pattern is laid along the path's length, and rounding a vertex changes the
     * length of its two segments by up to 0.7·10^-3 units each. The changes mostly cancel along
     * a curve (a random walk, ~0.6·10^-3·√n over n segments): for a 500-point curve the last
     * dashes move by ~0.01 units with three decimals, ~0.13 (a visible fraction of a pixel at 2×) with two.
     */
    static StringBuilder num(StringBuilder b, double v) {
        long r = Math.round(v * 1000);
        if (r < 0) {
            b.append('-');
            r = -r;
        }
        b.append(r / 1000);
        int frac = (int) (r % 1000);
        if (frac != 0) {
            b.append('.').append((char) ('0' + frac / 100));
            frac %= 100;
            if (frac != 0) {
                b.append((char) ('0' + frac / 10));
                frac %= 10;
                if (frac != 0) {
                    b.append((char) ('0' + frac));
                }
            }
        }
        return b;
    }

    @Override
    public void drawString(String str, int x, int y) {
        drawString(str, (float) x, (float) y);
    }

    @Override
    public void drawString(String str, float x, float y) {
        if (!str.isEmpty()) {
            fill(font.createGlyphVector(getFontRenderContext(), str).getOutline(x, y));
        }
    }

    @Override
    public void drawString(AttributedCharacterIterator iterator, int x, int y) {
        drawString(iterator, (float) x, (float) y);
    }

    @Override
    public void drawString(AttributedCharacterIterator iterator, float x, float y) {
        if (iterator.getEndIndex() > iterator.getBeginIndex()) {
            fill(new TextLayout(iterator, getFontRenderContext()).getOutline(AffineTransform.getTranslateInstance(x, y)));
        }
    }

    @Override
    public void drawGlyphVector(GlyphVector gv, float x, float y) {
        fill(gv.getOutline(x, y));
    }

    @Override
    public void drawLine(int x1, int y1, int x2, int y2) {
        draw(new Line2D.Float(x1, y1, x2, y2));
    }

    @Override
    public void fillRect(int x, int y, int width, int height) {
        fill(new Rectangle(x, y, width, height));
    }

    @Override
    public void drawRect(int x, int y, int width, int height) {
        draw(new Rectangle(x, y, width, height));
    }

    @Override
    public void clearRect(int x, int y, int width, int height) {
        Color saved = color;
        Composite savedComposite = composite;
        color = background;
        composite = AlphaComposite.SrcOver;
        fill(new Rectangle(x, y, width, height));
        color = saved;
        composite = savedComposite;
    }

    @Override
    public void drawRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        draw(new RoundRectangle2D.Float(x, y, width, height, arcWidth, arcHeight));
    }

    @Override
    public void fillRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        fill(new RoundRectangle2D.Float(x, y, width, height, arcWidth, arcHeight));
    }

    @Override
    public void drawOval(int x, int y, int width, int height) {
        draw(new Ellipse2D.Float(x, y, width, height));
    }

    @Override
    public void fillOval(int x, int y, int width, int height) {
        fill(new Ellipse2D.Float(x, y, width, height));
    }

    @Override
    public void drawArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
        draw(new Arc2D.Float(x, y, width, height, startAngle, arcAngle, Arc2D.OPEN));
    }

    @Override
    public void fillArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
        fill(new Arc2D.Float(x, y, width, height, startAngle, arcAngle, Arc2D.PIE));
    }

    @Override
    public void drawPolyline(int[] xPoints, int[] yPoints, int nPoints) {
        if (nPoints > 0) {
            Path2D.Float p = new Path2D.Float();
            p.moveTo(xPoints[0], yPoints[0]);
            for (int k = 1; k < nPoints; k++) {
                p.lineTo(xPoints[k], yPoints[k]);
            }
            draw(p);
        }
    }

    @Override
    public void drawPolygon(int[] xPoints, int[] yPoints, int nPoints) {
        draw(new Polygon(xPoints, yPoints, nPoints));
    }

    @Override
    public void fillPolygon(int[] xPoints, int[] yPoints, int nPoints) {
        fill(new Polygon(xPoints, yPoints, nPoints));
    }

    // ---- state ----

    @Override
    public void setColor(Color c) {
        if (c != null) {
            color = c;
        }
    }

    @Override
    public Color getColor() {
        return color;
    }

    @Override
    public void setPaint(Paint p) {
        if (p == null) {
            return;
        }
        if (!(p instanceof Color c)) {
            throw new UnsupportedOperationException("SvgGraphics draws solid colours only, not " + p.getClass().getSimpleName());
        }
        color = c;
    }

    @Override
    public Paint getPaint() {
        return color;
    }

    @Override
    public void setStroke(Stroke s) {
        stroke = s;
    }

    @Override
    public Stroke getStroke() {
        return stroke;
    }

    @Override
    public void setFont(Font f) {
        if (f != null) {
            font = f;
        }
    }

    @Override
    public Font getFont() {
        return font;
    }

    @Override
    public FontMetrics getFontMetrics(Font f) {
        synchronized (METRICS) {
            return METRICS.getFontMetrics(f);
        }
    }

    @Override
    public FontRenderContext getFontRenderContext() {
        return FRC;
    }

    @Override
    public void setBackground(Color c) {
        background = c;
    }

    @Override
    public Color getBackground() {
        return background;
    }

    @Override
    public void setComposite(Composite comp) {
        if (!(comp instanceof AlphaComposite ac) || ac.getRule() != AlphaComposite.SRC_OVER) {
            throw new UnsupportedOperationException("SvgGraphics supports source-over alpha composition only");
        }
        composite = comp;
    }

    @Override
    public Composite getComposite() {
        return composite;
    }

    @Override
    public void setRenderingHint(RenderingHints.Key key, Object value) {
        hints.put(key, value);
    }

    @Override
    public Object getRenderingHint(RenderingHints.Key key) {
        return hints.get(key);
    }

    @Override
    public void setRenderingHints(Map<?, ?> h) {
        hints.clear();
        hints.putAll(h);
    }

    @Override
    public void addRenderingHints(Map<?, ?> h) {
        hints.putAll(h);
    }

    @Override
    public RenderingHints getRenderingHints() {
        return (RenderingHints) hints.clone();
    }

    @Override
    public void setPaintMode() {
        // source-over is the only mode
    }

    @Override
    public void setXORMode(Color c1) {
        throw new UnsupportedOperationException("SvgGraphics has no XOR mode");
    }

    @Override
    public GraphicsConfiguration getDeviceConfiguration() {
        return null; // a page, not a device
    }

    // ---- transform ----

    @Override
    public void translate(int x, int y) {
        transform.translate(x, y);
    }

    @Override
    public void translate(double tx, double ty) {
        transform.translate(tx, ty);
    }

    @Override
    public void rotate(double theta) {
        transform.rotate(theta);
    }

    @Override
    public void rotate(double theta, double x, double y) {
        transform.rotate(theta, x, y);
    }

    @Override
    public void scale(double sx, double sy) {
        transform.scale(sx, sy);
    }

    @Override
    public void shear(double shx, double shy) {
        transform.shear(shx, shy);
    }

    @Override
    public void transform(AffineTransform tx) {
        transform.concatenate(tx);
    }

    @Override
    public void setTransform(AffineTransform tx) {
        transform = new AffineTransform(tx);
    }

    @Override
    public AffineTransform getTransform() {
        return new AffineTransform(transform);
    }

    // ---- clip (kept in page coordinates, handed out in user coordinates) ----

    @Override
    public void clip(Shape s) {
        if (s == null) {
            setClip(null);
            return;
        }
        Shape device = toPage(s);
        if (clip == null) {
            clip = device;
        } else if (clip instanceof Rectangle2D a && device instanceof Rectangle2D b) {
            clip = a.createIntersection(b);
        } else {
            Area area = new Area(clip);
            area.intersect(new Area(device));
            clip = area;
        }
        clipId = null;
    }

    @Override
    public void clipRect(int x, int y, int width, int height) {
        clip(new Rectangle(x, y, width, height));
    }

    @Override
    public void setClip(int x, int y, int width, int height) {
        setClip(new Rectangle(x, y, width, height));
    }

    @Override
    public void setClip(Shape s) {
        clip = s == null ? null : toPage(s);
        clipId = null;
    }

    /** {@code s} in page coordinates; a rectangle stays a rectangle when the transform neither rotates nor shears. */
    private Shape toPage(Shape s) {
        if (s instanceof Rectangle2D && transform.getShearX() == 0 && transform.getShearY() == 0) {
            return transform.createTransformedShape(s).getBounds2D();
        }
        return transform.createTransformedShape(s);
    }

    @Override
    public Shape getClip() {
        if (clip == null) {
            return null;
        }
        try {
            return transform.createInverse().createTransformedShape(clip);
        } catch (NoninvertibleTransformException e) {
            return null;
        }
    }

    @Override
    public Rectangle getClipBounds() {
        Shape c = getClip();
        return c == null ? null : c.getBounds();
    }

    @Override
    public boolean hit(Rectangle rect, Shape s, boolean onStroke) {
        Shape device = transform.createTransformedShape(onStroke ? stroke.createStrokedShape(s) : s);
        return device.intersects(rect);
    }

    // ---- graphics family ----

    @Override
    public Graphics create() {
        return new SvgGraphics(this);
    }

    @Override
    public void dispose() {
        // nothing to release: the page lives as long as its owner holds it
    }

    // ---- images and pixel copies: not in a chart ----

    private static UnsupportedOperationException noImages() {
        return new UnsupportedOperationException("SvgGraphics does not embed images");
    }

    @Override
    public boolean drawImage(Image img, AffineTransform xform, ImageObserver obs) {
        throw noImages();
    }

    @Override
    public void drawImage(BufferedImage img, BufferedImageOp op, int x, int y) {
        throw noImages();
    }

    @Override
    public void drawRenderedImage(RenderedImage img, AffineTransform xform) {
        throw noImages();
    }

    @Override
    public void drawRenderableImage(RenderableImage img, AffineTransform xform) {
        throw noImages();
    }

    @Override
    public boolean drawImage(Image img, int x, int y, ImageObserver observer) {
        throw noImages();
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int width, int height, ImageObserver observer) {
        throw noImages();
    }

    @Override
    public boolean drawImage(Image img, int x, int y, Color bgcolor, ImageObserver observer) {
        throw noImages();
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int width, int height, Color bgcolor, ImageObserver observer) {
        throw noImages();
    }

    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2, ImageObserver observer) {
        throw noImages();
    }

    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2, Color bgcolor,
            ImageObserver observer) {
        throw noImages();
    }

    @Override
    public void copyArea(int x, int y, int width, int height, int dx, int dy) {
        throw new UnsupportedOperationException("SvgGraphics has no pixels to copy");
    }
}
