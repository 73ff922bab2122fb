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
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.text.AttributedCharacterIterator;
import java.util.Map;

/**
 * One drawing onto two {@link Graphics2D}s: every state change and every drawing call goes to both,
 * in order; every question (font metrics and render context, transform, clip, colour, hints) is
 * answered by the first, so whatever lays the drawing out does so once, for the first.
 *
 * <p>Why: {@code reproduce} draws each figure as SVG and as PNG, and XChart's layout (tick
 * choice, text shaping through {@code TextLayout}, the legend) was done twice, once per format. Drawn
 * through one tee (SVG page first, so the SVG is the same as drawn alone, and the raster gets its
 * layout), 16 figures took 682 instead of 780 ms of one core cold, 400 instead of 450 ms warm.
 *
 * <p>The two may start in different device spaces (the raster is scaled 2×): the tee keeps the
 * fixed transform between them, so an absolute {@link #setTransform} (a transform read back with
 * {@link #getTransform}, which is the first's) is applied to the second in its own device space.
 */
public final class TeeGraphics extends Graphics2D {
    private final Graphics2D a, b;
    /** The second's device space from the first's: b's transform = offset · a's transform. */
    private final AffineTransform offset;

    /** A tee onto {@code first} (which answers every question) and {@code second}, in their current states. */
    public TeeGraphics(Graphics2D first, Graphics2D second) {
        this.a = first;
        this.b = second;
        try {
            AffineTransform o = new AffineTransform(second.getTransform());
            o.concatenate(first.getTransform().createInverse());
            this.offset = o;
        } catch (java.awt.geom.NoninvertibleTransformException e) {
            throw new IllegalArgumentException("the first graphics' transform is not invertible", e);
        }
    }

    private TeeGraphics(Graphics2D a, Graphics2D b, AffineTransform offset) {
        this.a = a;
        this.b = b;
        this.offset = offset;
    }

    @Override
    public void draw(Shape s) {
        a.draw(s);
        b.draw(s);
    }

    @Override
    public void fill(Shape s) {
        a.fill(s);
        b.fill(s);
    }

    @Override
    public boolean drawImage(Image img, AffineTransform xform, ImageObserver obs) {
        a.drawImage(img, xform, obs);
        return b.drawImage(img, xform, obs);
    }

    @Override
    public void drawImage(BufferedImage img, BufferedImageOp op, int x, int y) {
        a.drawImage(img, op, x, y);
        b.drawImage(img, op, x, y);
    }

    @Override
    public void drawRenderedImage(RenderedImage img, AffineTransform xform) {
        a.drawRenderedImage(img, xform);
        b.drawRenderedImage(img, xform);
    }

    @Override
    public void drawRenderableImage(RenderableImage img, AffineTransform xform) {
        a.drawRenderableImage(img, xform);
        b.drawRenderableImage(img, xform);
    }

    @Override
    public void drawString(String str, int x, int y) {
        a.drawString(str, x, y);
        b.drawString(str, x, y);
    }

    @Override
    public void drawString(String str, float x, float y) {
        a.drawString(str, x, y);
        b.drawString(str, x, y);
    }

    @Override
    public void drawString(AttributedCharacterIterator it, int x, int y) {
        int i = it.getIndex();
        a.drawString(it, x, y);
        it.setIndex(i);
        b.drawString(it, x, y);
    }

    @Override
    public void drawString(AttributedCharacterIterator it, float x, float y) {
        int i = it.getIndex();
        a.drawString(it, x, y);
        it.setIndex(i);
        b.drawString(it, x, y);
    }

    @Override
    public void drawGlyphVector(GlyphVector g, float x, float y) {
        a.drawGlyphVector(g, x, y);
        b.drawGlyphVector(g, x, y);
    }

    @Override
    public boolean hit(Rectangle rect, Shape s, boolean onStroke) {
        return a.hit(rect, s, onStroke);
    }

    @Override
    public GraphicsConfiguration getDeviceConfiguration() {
        return a.getDeviceConfiguration();
    }

    @Override
    public void setComposite(Composite comp) {
        a.setComposite(comp);
        b.setComposite(comp);
    }

    @Override
    public void setPaint(Paint paint) {
        a.setPaint(paint);
        b.setPaint(paint);
    }

    @Override
    public void setStroke(Stroke s) {
        a.setStroke(s);
        b.setStroke(s);
    }

    @Override
    public void setRenderingHint(RenderingHints.Key k, Object v) {
        a.setRenderingHint(k, v);
        b.setRenderingHint(k, v);
    }

    @Override
    public Object getRenderingHint(RenderingHints.Key k) {
        return a.getRenderingHint(k);
    }

    @Override
    public void setRenderingHints(Map<?, ?> h) {
        a.setRenderingHints(h);
        b.setRenderingHints(h);
    }

    @Override
    public void addRenderingHints(Map<?, ?> h) {
        a.addRenderingHints(h);
        b.addRenderingHints(h);
    }

    @Override
    public RenderingHints getRenderingHints() {
        return a.getRenderingHints();
    }

    @Override
    public void translate(int x, int y) {
        a.translate(x, y);
        b.translate(x, y);
    }

    @Override
    public void translate(double x, double y) {
        a.translate(x, y);
        b.translate(x, y);
    }

    @Override
    public void rotate(double t) {
        a.rotate(t);
        b.rotate(t);
    }

    @Override
    public void rotate(double t, double x, double y) {
        a.rotate(t, x, y);
        b.rotate(t, x, y);
    }

    @Override
    public void scale(double sx, double sy) {
        a.scale(sx, sy);
        b.scale(sx, sy);
    }

    @Override
    public void shear(double sx, double sy) {
        a.shear(sx, sy);
        b.shear(sx, sy);
    }

    @Override
    public void transform(AffineTransform t) {
        a.transform(t);
        b.transform(t);
    }

    @Override
    public void setTransform(AffineTransform t) {
        a.setTransform(t);
        AffineTransform u = new AffineTransform(offset);
        u.concatenate(t);
        b.setTransform(u);
    }

    @Override
    public AffineTransform getTransform() {
        return a.getTransform();
    }

    @Override
    public Paint getPaint() {
        return a.getPaint();
    }

    @Override
    public Composite getComposite() {
        return a.getComposite();
    }

    @Override
    public void setBackground(Color c) {
        a.setBackground(c);
        b.setBackground(c);
    }

    @Override
    public Color getBackground() {
        return a.getBackground();
    }

    @Override
    public Stroke getStroke() {
        return a.getStroke();
    }

    @Override
    public void clip(Shape s) {
        a.clip(s);
        b.clip(s);
    }

    @Override
    public FontRenderContext getFontRenderContext() {
        return a.getFontRenderContext();
    }

    @Override
    public Graphics create() {
        return new TeeGraphics((Graphics2D) a.create(), (Graphics2D) b.create(), offset);
    }

    @Override
    public Color getColor() {
        return a.getColor();
    }

    @Override
    public void setColor(Color c) {
        a.setColor(c);
        b.setColor(c);
    }

    @Override
    public void setPaintMode() {
        a.setPaintMode();
        b.setPaintMode();
    }

    @Override
    public void setXORMode(Color c) {
        a.setXORMode(c);
        b.setXORMode(c);
    }

    @Override
    public Font getFont() {
        return a.getFont();
    }

    @Override
    public void setFont(Font f) {
        a.setFont(f);
        b.setFont(f);
    }

    @Override
    public FontMetrics getFontMetrics(Font f) {
        return a.getFontMetrics(f);
    }

    @Override
    public Rectangle getClipBounds() {
        return a.getClipBounds();
    }

    @Override
    public void clipRect(int x, int y, int w, int h) {
        a.clipRect(x, y, w, h);
        b.clipRect(x, y, w, h);
    }

    @Override
    public void setClip(int x, int y, int w, int h) {
        a.setClip(x, y, w, h);
        b.setClip(x, y, w, h);
    }

    @Override
    public Shape getClip() {
        return a.getClip();
    }

    @Override
    public void setClip(Shape s) {
        a.setClip(s);
        b.setClip(s);
    }

    @Override
    public void copyArea(int x, int y, int w, int h, int dx, int dy) {
        a.copyArea(x, y, w, h, dx, dy);
        b.copyArea(x, y, w, h, dx, dy);
    }

    @Override
    public void drawLine(int x1, int y1, int x2, int y2) {
        a.drawLine(x1, y1, x2, y2);
        b.drawLine(x1, y1, x2, y2);
    }

    @Override
    public void fillRect(int x, int y, int w, int h) {
        a.fillRect(x, y, w, h);
        b.fillRect(x, y, w, h);
    }

    @Override
    public void clearRect(int x, int y, int w, int h) {
        a.clearRect(x, y, w, h);
        b.clearRect(x, y, w, h);
    }

    @Override
    public void drawRoundRect(int x, int y, int w, int h, int aw, int ah) {
        a.drawRoundRect(x, y, w, h, aw, ah);
        b.drawRoundRect(x, y, w, h, aw, ah);
    }

    @Override
    public void fillRoundRect(int x, int y, int w, int h, int aw, int ah) {
        a.fillRoundRect(x, y, w, h, aw, ah);
        b.fillRoundRect(x, y, w, h, aw, ah);
    }

    @Override
    public void drawOval(int x, int y, int w, int h) {
        a.drawOval(x, y, w, h);
        b.drawOval(x, y, w, h);
    }

    @Override
    public void fillOval(int x, int y, int w, int h) {
        a.fillOval(x, y, w, h);
        b.fillOval(x, y, w, h);
    }

    @Override
    public void drawArc(int x, int y, int w, int h, int s, int e) {
        a.drawArc(x, y, w, h, s, e);
        b.drawArc(x, y, w, h, s, e);
    }

    @Override
    public void fillArc(int x, int y, int w, int h, int s, int e) {
        a.fillArc(x, y, w, h, s, e);
        b.fillArc(x, y, w, h, s, e);
    }

    @Override
    public void drawPolyline(int[] x, int[] y, int n) {
        a.drawPolyline(x, y, n);
        b.drawPolyline(x, y, n);
    }

    @Override
    public void drawPolygon(int[] x, int[] y, int n) {
        a.drawPolygon(x, y, n);
        b.drawPolygon(x, y, n);
    }

    @Override
    public void fillPolygon(int[] x, int[] y, int n) {
        a.fillPolygon(x, y, n);
        b.fillPolygon(x, y, n);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, ImageObserver o) {
        a.drawImage(img, x, y, o);
        return b.drawImage(img, x, y, o);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int w, int h, ImageObserver o) {
        a.drawImage(img, x, y, w, h, o);
        return b.drawImage(img, x, y, w, h, o);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, Color c, ImageObserver o) {
        a.drawImage(img, x, y, c, o);
        return b.drawImage(img, x, y, c, o);
    }

    @Override
    public boolean drawImage(Image img, int x, int y, int w, int h, Color c, ImageObserver o) {
        a.drawImage(img, x, y, w, h, c, o);
        return b.drawImage(img, x, y, w, h, c, o);
    }

    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2, ImageObserver o) {
        a.drawImage(img, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, o);
        return b.drawImage(img, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, o);
    }

    @Override
    public boolean drawImage(Image img, int dx1, int dy1, int dx2, int dy2, int sx1, int sy1, int sx2, int sy2, Color c, ImageObserver o) {
        a.drawImage(img, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, c, o);
        return b.drawImage(img, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, c, o);
    }

    @Override
    public void dispose() {
        a.dispose();
        b.dispose();
    }
}
