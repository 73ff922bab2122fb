package org.qbattery.plot;

import static org.assertj.core.api.Assertions.assertThat;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Command;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.FillShapeCommand;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.PathIterator;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@link PolylineGraphics} joins what XChart draws segment by segment into one path per series and
 * keeps everything else, in order. The wrapped graphics is a {@link VectorGraphics2D}, whose command
 * list records what reached it.
 */
class PolylineGraphicsTest {
    static final Color BLUE = new Color(0, 114, 178), ORANGE = new Color(213, 94, 0);
    static final BasicStroke SOLID = new BasicStroke(2.2f);

    /** What reached the surface: "draw COLOR [points]" or "fill COLOR", in order. */
    static List<String> trace(VectorGraphics2D vg) {
        List<String> out = new ArrayList<>();
        Color color = null;
        for (Command<?> c : vg.getCommands()) {
            if (c.getValue() instanceof Color col) {
                color = col;
            } else if (c instanceof DrawShapeCommand d) {
                out.add("draw " + name(color) + " " + points(d.getValue()));
            } else if (c instanceof FillShapeCommand) {
                out.add("fill " + name(color));
            }
        }
        return out;
    }

    static String name(Color c) {
        return BLUE.equals(c) ? "blue" : ORANGE.equals(c) ? "orange" : String.valueOf(c);
    }

    static String points(Shape s) {
        StringBuilder b = new StringBuilder("[");
        double[] p = new double[6];
        for (PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(p);
            b.append(b.length() > 1 ? " " : "").append(type == PathIterator.SEG_MOVETO ? "M" : "L")
                    .append(String.format(Locale.ROOT, "%.0f,%.0f", p[0], p[1]));
        }
        return b.append("]").toString();
    }

    /** XChart's per-point sequence: line colour, stroke, one segment, then the (unused) marker colour. */
    static void xchartSegment(Graphics2D g, Color line, double x1, double y1, double x2, double y2) {
        g.setColor(line);
        g.setStroke(SOLID);
        g.draw(new Line2D.Double(x1, y1, x2, y2));
        g.setColor(Color.MAGENTA);
    }

    @Test
    void joinsASeriesDrawnSegmentBySegmentIntoOnePathInItsOwnColour() {
        VectorGraphics2D vg = new VectorGraphics2D();
        PolylineGraphics g = new PolylineGraphics(vg);
        for (int k = 0; k < 4; k++) {
            xchartSegment(g, BLUE, k, k * k, k + 1, (k + 1) * (k + 1));
        }
        g.flush();
        assertThat(trace(vg)).containsExactly("draw blue [M0,0 L1,1 L2,4 L3,9 L4,16]");
    }

    @Test
    void startsANewPathForAnotherColourAGapOrAnotherStroke() {
        VectorGraphics2D vg = new VectorGraphics2D();
        PolylineGraphics g = new PolylineGraphics(vg);
        xchartSegment(g, BLUE, 0, 0, 1, 1);
        xchartSegment(g, BLUE, 1, 1, 2, 2);
        xchartSegment(g, ORANGE, 0, 5, 1, 5); // next series
        xchartSegment(g, ORANGE, 3, 5, 4, 5); // a gap (XChart skips NaN points)
        g.setColor(ORANGE);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(4, 5, 5, 5)); // continues, but with another stroke
        g.flush();
        assertThat(trace(vg)).containsExactly(
                "draw blue [M0,0 L1,1 L2,2]", "draw orange [M0,5 L1,5]", "draw orange [M3,5 L4,5]", "draw orange [M4,5 L5,5]");
    }

    @Test
    void keepsTheOrderOfEverythingElse() {
        VectorGraphics2D vg = new VectorGraphics2D();
        PolylineGraphics g = new PolylineGraphics(vg);
        xchartSegment(g, BLUE, 0, 0, 1, 1);
        g.setColor(ORANGE);
        g.fill(new Rectangle(0, 0, 2, 2)); // e.g. the legend box, drawn over the series
        xchartSegment(g, BLUE, 1, 1, 2, 2);
        Graphics2D child = (Graphics2D) g.create();
        child.setColor(ORANGE);
        child.draw(new Line2D.Double(2, 2, 3, 3)); // same end point, but another graphics: not joined
        child.dispose();
        g.translate(10, 0);
        xchartSegment(g, BLUE, 2, 2, 3, 3);
        g.dispose();
        assertThat(trace(vg)).containsExactly("draw blue [M0,0 L1,1]", "fill orange", "draw blue [M1,1 L2,2]",
                "draw orange [M2,2 L3,3]", "draw blue [M2,2 L3,3]");
    }

    @Test
    void aDashPatternRunsOnAcrossSegments() {
        // A horizontal dashed line made of 1-pixel segments: stroked one by one, every segment restarts
        // the pattern (9 on, 6 off) and the line comes out solid; joined, it has gaps.
        BasicStroke dashed = new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 6f}, 0f);
        int[] covered = new int[2];
        for (int joined = 0; joined < 2; joined++) {
            BufferedImage img = new BufferedImage(120, 10, BufferedImage.TYPE_INT_RGB);
            Graphics2D raw = img.createGraphics();
            Graphics2D g = joined == 1 ? new PolylineGraphics(raw) : raw;
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 120, 10);
            for (int x = 0; x < 120; x++) {
                g.setColor(Color.BLACK);
                g.setStroke(dashed);
                g.draw(new Line2D.Double(x, 5, x + 1, 5));
            }
            g.dispose();
            for (int x = 0; x < 120; x++) {
                covered[joined] += img.getRGB(x, 5) == Color.BLACK.getRGB() ? 1 : 0;
            }
        }
        assertThat(covered[0]).as("segment by segment").isEqualTo(120);
        // 120 px of a 15 px period with 9 px on: 8 periods, 72 px.
        assertThat(covered[1]).as("joined").isEqualTo(72);
    }
}
