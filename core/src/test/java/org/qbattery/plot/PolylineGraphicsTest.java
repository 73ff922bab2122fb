package org.qbattery.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link PolylineGraphics} joins what XChart draws segment by segment into one path per series and
 * keeps everything else, in order. The wrapped graphics is an {@link SvgGraphics} page, whose
 * elements record what reached it.
 */
class PolylineGraphicsTest {
    static final Color BLUE = new Color(0, 114, 178), ORANGE = new Color(213, 94, 0);
    static final BasicStroke SOLID = new BasicStroke(2.2f);

    /** What reached the page: "draw COLOUR [points]" or "fill COLOUR", in order. */
    static List<String> trace(SvgGraphics page) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<path d=\"([^\"]+)\" fill=\"([^\"]+)\"(?: stroke=\"([^\"]+)\")?").matcher(page.document());
        while (m.find()) {
            if (m.group(2).equals("none")) {
                out.add("draw " + name(m.group(3)) + " [" + m.group(1).replaceAll("(?<=\\d)([ML])", " $1") + "]");
            } else {
                out.add("fill " + name(m.group(2)));
            }
        }
        return out;
    }

    static String name(String hex) {
        return hex.equals("#0072b2") ? "blue" : hex.equals("#d55e00") ? "orange" : hex;
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
        SvgGraphics vg = new SvgGraphics(100, 100, "t");
        PolylineGraphics g = new PolylineGraphics(vg);
        for (int k = 0; k < 4; k++) {
            xchartSegment(g, BLUE, k, k * k, k + 1, (k + 1) * (k + 1));
        }
        g.flush();
        assertThat(trace(vg)).containsExactly("draw blue [M0,0 L1,1 L2,4 L3,9 L4,16]");
    }

    @Test
    void startsANewPathForAnotherColourAGapOrAnotherStroke() {
        SvgGraphics vg = new SvgGraphics(100, 100, "t");
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
        SvgGraphics vg = new SvgGraphics(100, 100, "t");
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
                "draw orange [M2,2 L3,3]", "draw blue [M12,2 L13,3]"); // the page has the translation applied
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
