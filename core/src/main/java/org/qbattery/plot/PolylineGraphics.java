package org.qbattery.plot;

import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.text.AttributedCharacterIterator;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link Graphics2D} that joins line segments drawn one after another, each starting where the
 * previous one ended and with the same colour, stroke and every other state, into one path, and
 * passes everything else through unchanged and in order.
 *
 * <p>Why: XChart (4.0.3) draws a data series as one {@code draw(Line2D)} per pair of neighbouring
 * points, setting colour and stroke again before each. Stroked one by one, a 500-point curve costs
 * 500 antialiased strokes in the raster and 500 {@code <line>} elements in the SVG, every segment
 * restarts the dash pattern (a dashed curve with short segments shows as solid), and neighbouring
 * segments overlap at their caps instead of meeting in a join. Joined, the series is one stroked
 * path: measured on {@code reproduce}'s 16 figures, see the README's Performance section.
 *
 * <p>State queries go straight to the wrapped graphics. The pending path is drawn, with the paint
 * and stroke it was started with, before any other drawing call and before any change of
 * transform, clip, composite, font or rendering hints. Graphics made with {@link #create()} share
 * the pending path with this one, so the order of what reaches the surface never changes.
 */
final class PolylineGraphics extends Graphics2D {
    /**
     * The one pending path of a family of graphics made from each other by {@link #create()}, with
     * the paint and stroke it was started with: XChart sets the (unused) marker colour between two
     * segments, so a colour change alone must not end a path, only a segment drawn in another one.
     */
    private static final class Pending {
        Graphics2D owner;
        Path2D.Double path;
        Paint paint;
        Stroke stroke;
        double x, y;

        void flush() {
            if (path == null) {
                return;
            }
            Paint paintNow = owner.getPaint();
            Stroke strokeNow = owner.getStroke();
            owner.setPaint(paint);
            owner.setStroke(stroke);
            owner.draw(path);
            owner.setPaint(paintNow);
            owner.setStroke(strokeNow);
            path = null;
            owner = null;
        }
    }

    private final Graphics2D g;
    private final Pending pending;

    PolylineGraphics(Graphics2D g) {
        this(g, new Pending());
    }

    private PolylineGraphics(Graphics2D g, Pending pending) {
        this.g = g;
        this.pending = pending;
    }

    /** Draws the pending path, if any; call before reading what the wrapped graphics recorded. */
    void flush() {
        pending.flush();
    }

    @Override
    public void draw(Shape s) {
        if (s instanceof Line2D l) {
            double x1 = l.getX1(), y1 = l.getY1(), x2 = l.getX2(), y2 = l.getY2();
            if (pending.path != null && pending.owner == g && x1 == pending.x && y1 == pending.y
                    && pending.paint.equals(g.getPaint()) && pending.stroke.equals(g.getStroke())) {
                pending.path.lineTo(x2, y2);
            } else {
                pending.flush();
                pending.owner = g;
                pending.paint = g.getPaint();
                pending.stroke = g.getStroke();
                pending.path = new Path2D.Double();
                pending.path.moveTo(x1, y1);
                pending.path.lineTo(x2, y2);
            }
            pending.x = x2;
            pending.y = y2;
            return;
        }
        pending.flush();
        g.draw(s);
    }

    // Paint and stroke changes need no flush: the pending path carries its own.

    @Override
    public void setColor(Color c) {
        g.setColor(c);
    }

    @Override
    public void setPaint(Paint p) {
        g.setPaint(p);
    }

    @Override
    public void setStroke(Stroke s) {
        g.setStroke(s);
    }

    @Override
    public Graphics create() {
        pending.flush();
        return new PolylineGraphics((Graphics2D) g.create(), pending);
    }

    @Override
    public void dispose() {
        pending.flush();
        g.dispose();
    }

    // Everything below changes state to a new value or draws: the pending path goes first.

    @Override
    public void setComposite(Composite comp) {
        pending.flush();
        g.setComposite(comp);
    }

    @Override
    public void setRenderingHint(RenderingHints.Key key, Object value) {
        if (!Objects.equals(value, g.getRenderingHint(key))) {
            pending.flush();
            g.setRenderingHint(key, value);
        }
    }

    @Override
    public void setRenderingHints(Map<?, ?> hints) {
        pending.flush();
        g.setRenderingHints(hints);
    }

    @Override
    public void addRenderingHints(Map<?, ?> hints) {
        pending.flush();
        g.addRenderingHints(hints);
    }

    @Override
    public void translate(int x, int y) {
        pending.flush();
        g.translate(x, y);
    }

    @Override
    public void translate(double tx, double ty) {
        pending.flush();
        g.translate(tx, ty);
    }

    @Override
    public void rotate(double theta) {
        pending.flush();
        g.rotate(theta);
    }

    @Override
    public void rotate(double theta, double x, double y) {
        pending.flush();
        g.rotate(theta, x, y);
    }

    @Override
    public void scale(double sx, double sy) {
        pending.flush();
        g.scale(sx, sy);
    }

    @Override
    public void shear(double shx, double shy) {
        pending.flush();
        g.shear(shx, shy);
    }

    @Override
    public void transform(AffineTransform tx) {
        pending.flush();
        g.transform(tx);
    }

    @Override
    public void setTransform(AffineTransform tx) {
        pending.flush();
        g.setTransform(tx);
    }

    @Override
    public void setBackground(Color color) {
        pending.flush();
        g.setBackground(color);
    }

    @Override
    public void clip(Shape s) {
        pending.flush();
        g.clip(s);
    }

    @Override
    public void setPaintMode() {
        pending.flush();
        g.setPaintMode();
    }

    @Override
    public void setXORMode(Color c1) {
        pending.flush();
        g.setXORMode(c1);
    }

    @Override
    public void setFont(Font font) {
        if (!Objects.equals(font, g.getFont())) {
            pending.flush();
            g.setFont(font);
        }
    }

    @Override
    public void clipRect(int x, int y, int width, int height) {
        pending.flush();
        g.clipRect(x, y, width, height);
    }

    @Override
    public void setClip(int x, int y, int width, int height) {
        pending.flush();
        g.setClip(x, y, width, height);
    }

    @Override
    public void setClip(Shape clip) {
        pending.flush();
        g.setClip(clip);
    }

    @Override
    public boolean drawImage(Image img, AffineTransform xform, ImageObserver obs) {
        pending.flush();
        return g.drawImage(img, xform, obs);
    }

    @Override
    public void drawImage(BufferedImage img, BufferedImageOp op, int x, int y) {
        pending.flush();
        g.drawImage(img, op, x, y);
    }

    @Override
    public void drawRenderedImage(RenderedImage img, AffineTransform xform) {
        pending.flush();
        g.drawRenderedImage(img, xform);
    }

    @Override
    public void drawRenderableImage(RenderableImage img, AffineTransform xform) {
        pending.flush();
        g.drawRenderableImage(img, xform);
    }

    @Override
    public void drawString(String str, int x, int y) {
        pending.flush();
        g.drawString(str, x, y);
    }

    @Override
    public void drawString(String str, float x, float y) {
        pending.flush();
        g.drawString(str, x, y);
    }

    @Override
    public void drawString(AttributedCharacterIterator iterator, int x, int y) {
        pending.flush();
        g.drawString(iterator, x, y);
    }

    @Override
    public void drawString(AttributedCharacterIterator iterator, float x, float y) {
        pending.flush();
        g.drawString(iterator, x, y);
    }

    @Override
    public void drawGlyphVector(GlyphVector gv, float x, float y) {
        pending.flush();
        g.drawGlyphVector(gv, x, y);
    }

    @Override
    public void fill(Shape s) {
        pending.flush();
        if (s instanceof GridStroke.Line grid) {
            // A grid line XChart fills as its stroke's outline: drawn as the line it is (GridStroke says why).
            Stroke was = g.getStroke();
            g.setStroke(grid.stroke.plain());
            g.draw(grid.line);
            g.setStroke(was);
            return;
        }
        g.fill(s);
    }

    @Override
    public void copyArea(int x, int y, int width, int height, int dx, int dy) {
        pending.flush();
        g.copyArea(x, y, width, height, dx, dy);
    }

    @Override
    public void drawLine(int x1, int y1, int x2, int y2) {
        pending.flush();
        g.drawLine(x1, y1, x2, y2);
    }

    @Override
    public void drawRect(int x, int y, int width, int height) {
        pending.flush();
        g.drawRect(x, y, width, height);
    }

    @Override
    public void draw3DRect(int x, int y, int width, int height, boolean raised) {
        pending.flush();
        g.draw3DRect(x, y, width, height, raised);
    }

    @Override
    public void fill3DRect(int x, int y, int width, int height, boolean raised) {
        pending.flush();
        g.fill3DRect(x, y, width, height, raised);
    }

    @Override
    public void drawChars(char[] data, int offset, int length, int x, int y) {
        pending.flush();
        g.drawChars(data, offset, length, x, y);
    }

    @Override
    public void drawBytes(byte[] data, int offset, int length, int x, int y) {
        pending.flush();
        g.drawBytes(data, offset, length, x, y);
    }

    @Override
    public void fillRect(int x, int y, int width, int height) {
        pending.flush();
        g.fillRect(x, y, width, height);
    }

    @Override
    public void clearRect(int x, int y, int width, int height) {
        pending.flush();
        g.clearRect(x, y, width, height);
    }

    @Override
    public void drawRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        pending.flush();
        g.drawRoundRect(x, y, width, height, arcWidth, arcHeight);
    }

    @Override
    public void fillRoundRect(int x, int y, int width, int height, int arcWidth, int arcHeight) {
        pending.flush();
        g.fillRoundRect(x, y, width, height, arcWidth, arcHeight);
    }

    @Override
    public void drawOval(int x, int y, int width, int height) {
        pending.flush();
        g.drawOval(x, y, width, height);
    }

    @Override
    public void fillOval(int x, int y, int width, int height) {
        pending.flush();
        g.fillOval(x, y, width, height);
    }

    @Override
    public void drawArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
        pending.flush();
        g.drawArc(x, y, width, height, startAngle, arcAngle);
    }

    @Override
    public void fillArc(int x, int y, int width, int height, int startAngle, int arcAngle) {
        pending.flush();
        g.fillArc(x, y, width, height, startAngle, arcAngle);
    }

    @Override
    public void drawPolyline(int[] xPoints, int[] yPoints, int nPoints) {
        pending.flush();
        g.drawPolyline(xPoints, yPoints, nPoints);
    }

    @Override
    public void drawPolygon(int[] xPoints, int[] yPoints, int nPoints) {
        pending.flush();
        g.drawPolygon(xPoints, yPoints, nPoints);
    }

    @Override
    public void fillPolygon(int[] xPoints, int[] yPoints, int nPoints) {
        pending.flush();
        g.fillPolygon(xPoints, yPoints, nPoints);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, ImageObserver observer) {
        pending.flush();
        return g.drawImage(img, x, y, observer);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int width, int height, ImageObserver observer) {
        pending.flush();
        return g.drawImage(img, x, y, width, height, observer);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, Color bgcolor, ImageObserver observer) {
        pending.flush();
        return g.drawImage(img, x, y, bgcolor, observer);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int width, int height, Color bgcolor, ImageObserver observer) {
        pending.flush();
        return g.drawImage(img, x, y, width, height, bgcolor, observer);
    }

    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2, ImageObserver observer) {
        pending.flush();
        return g.drawImage(img, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, observer);
    }

    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2, Color bgcolor,
            ImageObserver observer) {
        pending.flush();
        return g.drawImage(img, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, bgcolor, observer);
    }

    // Queries: answered by the wrapped graphics, whose state is this one's.

    @Override
    public boolean hit(Rectangle rect, Shape s, boolean onStroke) {
        return g.hit(rect, s, onStroke);
    }

    @Override
    public GraphicsConfiguration getDeviceConfiguration() {
        return g.getDeviceConfiguration();
    }

    @Override
    public Object getRenderingHint(RenderingHints.Key key) {
        return g.getRenderingHint(key);
    }

    @Override
    public RenderingHints getRenderingHints() {
        return g.getRenderingHints();
    }

    @Override
    public AffineTransform getTransform() {
        return g.getTransform();
    }

    @Override
    public Paint getPaint() {
        return g.getPaint();
    }

    @Override
    public Composite getComposite() {
        return g.getComposite();
    }

    @Override
    public Color getBackground() {
        return g.getBackground();
    }

    @Override
    public Stroke getStroke() {
        return g.getStroke();
    }

    @Override
    public FontRenderContext getFontRenderContext() {
        return g.getFontRenderContext();
    }

    @Override
    public Color getColor() {
        return g.getColor();
    }

    @Override
    public FontMetrics getFontMetrics() {
        return g.getFontMetrics();
    }

    @Override
    public Rectangle getClipBounds(Rectangle r) {
        return g.getClipBounds(r);
    }

    @Override
    public boolean hitClip(int x, int y, int width, int height) {
        return g.hitClip(x, y, width, height);
    }

    @Override
    public Font getFont() {
        return g.getFont();
    }

    @Override
    public FontMetrics getFontMetrics(Font f) {
        return g.getFontMetrics(f);
    }

    @Override
    public Rectangle getClipBounds() {
        return g.getClipBounds();
    }

    @Override
    public Shape getClip() {
        return g.getClip();
    }
}
