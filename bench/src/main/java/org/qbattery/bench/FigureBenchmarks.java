package org.qbattery.bench;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.intermediate.MutableCommandSequence;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Command;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.qbattery.analysis.PaperReproduction;
import org.qbattery.kernel.Tolerances;
import org.qbattery.model.Variant;
import org.qbattery.plot.Figure;
import org.qbattery.plot.FigureRenderer;
import org.qbattery.plot.PngEncoder;
import org.qbattery.report.PaperFigures;

/**
 * The 16 figures of {@code qbattery reproduce}, one thread, per call all 16: the encoders and SVG
 * writers against their baselines on the same drawings. {@code pngImageIO} (baseline) and
 * {@code pngEncoder} encode the same rasters; {@code svgVectorGraphics2D} (baseline, the library
 * the figures used before, a bench-only dependency) and {@code svgWriter} record the same painting
 * (curves joined) and write the SVG text. {@code raster} is the Java2D painting both PNG paths share.
 * {@code pngAndSvgSeparately} (baseline) paints each figure twice, once per file; {@code pngAndSvgTee} once.
 * Run: {@code java -jar bench/target/benchmarks.jar FigureBenchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FigureBenchmarks {
    private final List<Figure> figures = new ArrayList<>();
    private final List<BufferedImage> rasters = new ArrayList<>();

    @Setup(Level.Trial)
    public void setup() {
        PaperReproduction r = PaperReproduction.compute(Tolerances.DEFAULT, 2, (done, total, label) -> { });
        figures.addAll(PaperFigures.all(r, Variant.STATED));
        figures.addAll(PaperFigures.all(r, Variant.AS_PRINTED));
        for (Figure f : figures) {
            rasters.add(FigureRenderer.image(f));
        }
    }

    @Benchmark
    public long raster() {
        long pixels = 0;
        for (Figure f : figures) {
            pixels += FigureRenderer.image(f).getWidth();
        }
        return pixels;
    }

    @Benchmark
    public long pngImageIO() throws IOException {
        long bytes = 0;
        for (BufferedImage img : rasters) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            bytes += out.size();
        }
        return bytes;
    }

    @Benchmark
    public long pngEncoder() {
        long bytes = 0;
        for (BufferedImage img : rasters) {
            bytes += PngEncoder.encode(img).length;
        }
        return bytes;
    }

    @Benchmark
    public long svgVectorGraphics2D() throws IOException {
        long bytes = 0;
        for (Figure f : figures) {
            VectorGraphics2D g = new VectorGraphics2D();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, FigureRenderer.width(f), FigureRenderer.PANEL_HEIGHT);
            FigureRenderer.paint(f, g);
            // Processed from a copy of the recorded commands: on the live list, VectorGraphics2D 0.13's
            // filters threw ConcurrentModificationException from the second figure of a repeated run on.
            MutableCommandSequence commands = new MutableCommandSequence();
            for (Command<?> c : g.getCommands()) {
                commands.add(c);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new SVGProcessor().getDocument(commands, new PageSize(0, 0, FigureRenderer.width(f), FigureRenderer.PANEL_HEIGHT)).writeTo(out);
            bytes += out.size();
        }
        return bytes;
    }

    @Benchmark
    public long svgWriter() {
        long chars = 0;
        for (Figure f : figures) {
            chars += FigureRenderer.svg(f).length();
        }
        return chars;
    }

    /** Baseline for {@code pngAndSvgTee}: both files of every figure, each from its own XChart painting. */
    @Benchmark
    public long pngAndSvgSeparately() {
        long size = 0;
        for (Figure f : figures) {
            size += FigureRenderer.png(f).length + FigureRenderer.svg(f).length();
        }
        return size;
    }

    /** Both files of every figure from one painting through {@code TeeGraphics}, as {@code reproduce} writes them. */
    @Benchmark
    public long pngAndSvgTee() {
        long size = 0;
        for (Figure f : figures) {
            FigureRenderer.PngAndSvg both = FigureRenderer.pngAndSvg(f);
            size += both.png().length + both.svg().length();
        }
        return size;
    }
}
