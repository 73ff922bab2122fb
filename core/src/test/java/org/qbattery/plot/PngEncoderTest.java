package org.qbattery.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The PNG encoder is lossless and writes a well-formed file: decoded by ImageIO, every pixel comes back. */
class PngEncoderTest {
    static Stream<Arguments> images() {
        List<Arguments> cases = new ArrayList<>();
        Random rnd = new Random(20261128);
        // Sizes: single pixel, odd widths whose rows do not fill whole deflate blocks, a figure-sized canvas.
        int[][] sizes = {{1, 1}, {1, 7}, {13, 1}, {37, 23}, {640, 440}};
        for (int[] s : sizes) {
            BufferedImage noise = new BufferedImage(s[0], s[1], BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < s[1]; y++) {
                for (int x = 0; x < s[0]; x++) {
                    noise.setRGB(x, y, rnd.nextInt());
                }
            }
            cases.add(Arguments.of("noise " + s[0] + "x" + s[1], noise));
        }
        cases.add(Arguments.of("antialiased plot", plotLike(1280, 880)));
        cases.add(Arguments.of("sub-image (shares its parent's pixels at an offset)", plotLike(300, 200).getSubimage(17, 11, 201, 97)));
        return cases.stream();
    }

    static BufferedImage plotLike(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(0, 114, 178));
        g.setStroke(new BasicStroke(2.2f));
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, h / 2.0);
        for (int x = 1; x < w; x++) {
            p.lineTo(x, h / 2.0 * (1 + Math.exp(-x / 200.0) * Math.sin(x / 17.0)));
        }
        g.draw(p);
        g.drawString("E(t)/E(0)", 20, 30);
        g.dispose();
        return img;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void decodesToTheSamePixels(String name, BufferedImage img) throws IOException {
        byte[] png = PngEncoder.encode(img);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(back).as(name).isNotNull();
        assertThat(back.getWidth()).isEqualTo(img.getWidth());
        assertThat(back.getHeight()).isEqualTo(img.getHeight());
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((back.getRGB(x, y) & 0xffffff) != (img.getRGB(x, y) & 0xffffff)) {
                    throw new AssertionError(String.format("%s: pixel (%d, %d) is %06x, was %06x", name, x, y,
                            back.getRGB(x, y) & 0xffffff, img.getRGB(x, y) & 0xffffff));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void chunksAreWellFormed(String name, BufferedImage img) {
        ByteBuffer b = ByteBuffer.wrap(PngEncoder.encode(img));
        byte[] signature = new byte[8];
        b.get(signature);
        assertThat(signature).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        List<String> types = new ArrayList<>();
        while (b.hasRemaining()) {
            int length = b.getInt();
            byte[] typeAndData = new byte[4 + length];
            b.get(typeAndData);
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            assertThat(b.getInt()).as("CRC of chunk %d", types.size()).isEqualTo((int) crc.getValue());
            String type = new String(typeAndData, 0, 4, StandardCharsets.US_ASCII);
            types.add(type);
            if (type.equals("IHDR")) {
                ByteBuffer h = ByteBuffer.wrap(typeAndData, 4, length);
                assertThat(h.getInt()).isEqualTo(img.getWidth());
                assertThat(h.getInt()).isEqualTo(img.getHeight());
                assertThat(new byte[] {h.get(), h.get(), h.get(), h.get(), h.get()}).containsExactly(8, 2, 0, 0, 0);
            }
        }
        assertThat(types).containsExactly("IHDR", "IDAT", "IEND");
    }

    /**
     * Text chunks as another reader sees them: ImageIO's PNG metadata lists each iTXt entry with its
     * keyword and UTF-8 text (Γ, τ½, ε and {@code "<&>"} round-trip), and the pixels still decode the same.
     */
    @Test
    void textChunksAreReadBackByImageIo() throws IOException {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0x123456);
        java.util.Map<String, String> text = new java.util.LinkedHashMap<>();
        text.put("Title", "fig2a");
        text.put("Description", "half-life Γτ½ = 0.47; ε = E/U <&> \"quoted\"");
        text.put("Software", "QBattery 0.1.0 (commit abc)");
        byte[] png = PngEncoder.encode(img, text);
        javax.imageio.ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(png)));
        org.w3c.dom.Node root = reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
        java.util.Map<String, String> read = new java.util.LinkedHashMap<>();
        for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals("iTXt")) {
                for (org.w3c.dom.Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
                    org.w3c.dom.NamedNodeMap a = e.getAttributes();
                    assertThat(a.getNamedItem("compressionFlag").getNodeValue()).isEqualTo("FALSE");
                    read.put(a.getNamedItem("keyword").getNodeValue(), a.getNamedItem("text").getNodeValue());
                }
            }
        }
        assertThat(read).containsExactlyEntriesOf(text);
        BufferedImage back = reader.read(0);
        assertThat(back.getRGB(1, 1) & 0xffffff).isEqualTo(0x123456);
        assertThat(back.getRGB(0, 0) & 0xffffff).isZero();
    }

    @Test
    void refusesKeywordsThePngFormatDoesNotAllow() {
        BufferedImage img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        for (String bad : new String[] {"", " Title", "Title ", "Two  spaces", "x".repeat(80), "Γ"}) {
            assertThatThrownBy(() -> PngEncoder.encode(img, java.util.Map.of(bad, "v"))).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesOtherPixelLayouts() {
        BufferedImage argb = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        assertThatThrownBy(() -> PngEncoder.encode(argb)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TYPE_INT_RGB");
    }
}
