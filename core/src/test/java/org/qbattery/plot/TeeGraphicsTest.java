package org.qbattery.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A figure painted through a {@link TeeGraphics} reaches both graphics as if painted onto each alone. */
class TeeGraphicsTest {
    static Figure twin() {
        return SvgGraphicsTest.twin(Figure.Line.DASH);
    }

    /**
     * The first page gets exactly what it gets painted alone; the second, whose device space is
     * scaled 2× (as the PNG's raster), gets exactly what a 2× page gets painted alone with the first's
     * layout, although the painting reads absolute transforms back from the first and sets them again.
     */
    @Test
    void bothGetThePaintingTheSecondInItsOwnDeviceSpace() {
        Figure f = twin();
        int w = FigureRenderer.width(f), h = FigureRenderer.PANEL_HEIGHT;
        SvgGraphics first = new SvgGraphics(w, h, "t"), second = new SvgGraphics(2 * w, 2 * h, "t");
        second.scale(2, 2);
        FigureRenderer.paint(f, new TeeGraphics(first, second));

        SvgGraphics alone = new SvgGraphics(w, h, "t"), aloneScaled = new SvgGraphics(2 * w, 2 * h, "t");
        aloneScaled.scale(2, 2);
        FigureRenderer.paint(f, alone);
        FigureRenderer.paint(f, aloneScaled);

        assertThat(first.document()).isEqualTo(alone.document());
        assertThat(second.document()).isEqualTo(aloneScaled.document());
        assertThat(second.document()).isNotEqualTo(first.document().replace("width=\"" + w, "width=\"" + 2 * w));
    }

    /**
     * {@link FigureRenderer#pngAndSvg}: the SVG is {@link FigureRenderer#svg}'s, byte for byte, and the
     * PNG is {@link FigureRenderer#image}'s raster but for the text, which is laid out with the SVG's
     * font metrics (fractional advances) instead of the 2× raster's: pixels away from text are the same.
     */
    @Test
    void pngAndSvgInOnePainting() throws java.io.IOException {
        Figure f = twin();
        FigureRenderer.PngAndSvg both = FigureRenderer.pngAndSvg(f);
        assertThat(both.svg()).isEqualTo(FigureRenderer.svg(f));
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(both.png()));
        java.awt.image.BufferedImage direct = FigureRenderer.image(f);
        assertThat(png.getWidth()).isEqualTo(direct.getWidth());
        assertThat(png.getHeight()).isEqualTo(direct.getHeight());
        // Where text may sit in the direct raster: each string's box in the SVG (a non-white fill; the
        // curves, grid and frames are strokes), widened by a tenth of its width plus 3 units each side
        // for advances that differ by up to half a 2x pixel per glyph, and 3 units up and down.
        List<java.awt.geom.Rectangle2D> text = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<path d=\"([^\"]+)\"(?: fill-rule=\"evenodd\")? fill=\"(#[0-9a-f]{6})\"").matcher(both.svg());
        while (m.find()) {
            if (!m.group(2).equals("#ffffff")) {
                java.awt.geom.Rectangle2D b = SvgGraphicsTest.path(m.group(1)).getBounds2D();
                double dx = 0.1 * b.getWidth() + 3;
                text.add(new java.awt.geom.Rectangle2D.Double(b.getX() - dx, b.getY() - 3, b.getWidth() + 2 * dx, b.getHeight() + 6));
            }
        }
        assertThat(text).as("text strings in the SVG").hasSizeGreaterThan(10);
        int differ = 0, outside = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                if (png.getRGB(x, y) != direct.getRGB(x, y)) {
                    differ++;
                    double ux = (x + 0.5) / FigureRenderer.PNG_SCALE, uy = (y + 0.5) / FigureRenderer.PNG_SCALE;
                    outside += text.stream().anyMatch(r -> r.contains(ux, uy)) ? 0 : 1;
                }
            }
        }
        assertThat(outside).as("of %d differing pixels, away from text", differ).isZero();
    }
}
