package org.qbattery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Java API" block is code users paste: it must compile against the library as it is
 * and run. Its undeclared inputs (a density matrix {@code rho} of {@code cells} cells, {@code omega},
 * a Hamiltonian {@code h} of dimension {@code d}) are declared around it; the Dicke-block run at 60
 * cells and the rest then run as written.
 */
class ReadmeSnippetTest {
    @Test
    void javaApiSnippetCompilesAndRuns(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## Java API");
        assertThat(section).as("README has a Java API section").isPositive();
        int start = readme.indexOf("```java", section) + "```java".length();
        String body = readme.substring(start, readme.indexOf("```", start));
        String source = "import org.qbattery.analysis.*;\nimport org.qbattery.model.*;\nimport org.qbattery.measures.*;\n"
                + "public class Snippet {\n  public static void main(String[] args) throws Exception {\n"
                + "    int cells = 2, d = 4;\n    double omega = 1;\n    double[] rho = InitialState.parse(\"quantum\", cells);\n"
                + "    double[] h = new double[2 * d * d];\n    for (int i = 0; i < d; i++) h[2 * (i * d + i)] = Integer.bitCount(i);\n"
                + body
                + "    System.out.println(tau + \" \" + t10 + \" \" + e + \" \" + eh);\n  }\n}\n";
        Path src = dir.resolve("Snippet.java");
        Files.writeString(src, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int code = javac.run(null, null, diagnostics, "-d", dir.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        assertThat(code).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            loader.loadClass("Snippet").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(old);
        }
        String[] v = out.toString(StandardCharsets.UTF_8).trim().split(" ");
        // |+⟩^2 stores E = ω (one half per cell), with H0 given as a matrix too; half-life and t(E/10) in (0, 5].
        assertThat(Double.parseDouble(v[0])).isBetween(0.0, 5.0);
        assertThat(Double.parseDouble(v[1])).isGreaterThan(Double.parseDouble(v[0]));
        assertThat(Double.parseDouble(v[2])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Double.parseDouble(v[3])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    }
}
