package org.qbattery.plot;

import java.awt.BasicStroke;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/**
 * The plot's grid-line stroke, for which grid lines are drawn as lines.
 *
 * <p>Why: XChart 4.0.3 paints each grid line as {@code g.fill(stroke.createStrokedShape(line))}, so
 * every dash of the dotted pattern becomes a filled rectangle of its own: ~100 per line, 5.9 kB of
 * SVG per line (half of a figure's SVG), and as many small antialiased fills in the raster. This
 * stroke's {@link #createStrokedShape} hands back the line itself, marked as a {@link Line}, which
 * {@link PolylineGraphics#fill} draws with a plain copy of the stroke: one dashed path in the SVG
 * ({@code stroke-dasharray}), Java2D's own dashing in the raster. Any other caller still gets the
 * exact outline: a {@link Line} is a Shape that answers as the outline does.
 */
final class GridStroke extends BasicStroke {
    GridStroke(BasicStroke like) {
        super(like.getLineWidth(), like.getEndCap(), like.getLineJoin(), like.getMiterLimit(), like.getDashArray(), like.getDashPhase());
    }

    /** This stroke as a plain {@link BasicStroke}, for drawing. */
    BasicStroke plain() {
        return new BasicStroke(getLineWidth(), getEndCap(), getLineJoin(), getMiterLimit(), getDashArray(), getDashPhase());
    }

    @Override
    public Shape createStrokedShape(Shape s) {
        return new Line(s, this);
    }

    /** A grid line to be stroked; as a Shape, the outline of that stroke. */
    static final class Line implements Shape {
        final Shape line;
        final GridStroke stroke;
        private Shape outline;

        Line(Shape line, GridStroke stroke) {
            this.line = line;
            this.stroke = stroke;
        }

        private Shape outline() {
            if (outline == null) {
                outline = stroke.plain().createStrokedShape(line);
            }
            return outline;
        }

        @Override
        public Rectangle getBounds() {
            return outline().getBounds();
        }

        @Override
        public Rectangle2D getBounds2D() {
            return outline().getBounds2D();
        }

        @Override
        public boolean contains(double x, double y) {
            return outline().contains(x, y);
        }

        @Override
        public boolean contains(Point2D p) {
            return outline().contains(p);
        }

        @Override
        public boolean intersects(double x, double y, double w, double h) {
            return outline().intersects(x, y, w, h);
        }

        @Override
        public boolean intersects(Rectangle2D r) {
            return outline().intersects(r);
        }

        @Override
        public boolean contains(double x, double y, double w, double h) {
            return outline().contains(x, y, w, h);
        }

        @Override
        public boolean contains(Rectangle2D r) {
            return outline().contains(r);
        }

        @Override
        public PathIterator getPathIterator(AffineTransform at) {
            return outline().getPathIterator(at);
        }

        @Override
        public PathIterator getPathIterator(AffineTransform at, double flatness) {
            return outline().getPathIterator(at, flatness);
        }
    }
}
