package org.qbattery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher's compile commands (core/jvm/c1-compile-commands.txt) name methods by string; HotSpot
 * ignores a pattern that matches nothing, so a renamed method would silently lose its early
 * compilation. Every pattern must name a class on the class path and, unless it is {@code *}, a
 * method of it (a trailing {@code *} matches a name prefix, as in HotSpot).
 */
class CompileCommandsTest {
    @Test
    void everyPatternNamesAnExistingMethod() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("jvm", "c1-compile-commands.txt"));
        int patterns = 0;
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.equals("quiet")) {
                continue;
            }
            String[] parts = l.split(",");
            assertThat(parts).as(l).hasSize(3);
            assertThat(parts[0]).as(l).isEqualTo("CompileThresholdScaling");
            assertThat(Double.parseDouble(parts[2])).as(l).isBetween(0.001, 1.0);
            String[] cm = parts[1].split("::");
            assertThat(cm).as(l).hasSize(2);
            Class<?> c = Class.forName(cm[0], false, getClass().getClassLoader());
            String m = cm[1];
            if (!m.equals("*")) {
                boolean prefix = m.endsWith("*");
                String name = prefix ? m.substring(0, m.length() - 1) : m;
                assertThat(Arrays.stream(c.getDeclaredMethods()).map(Method::getName)
                        .anyMatch(n -> prefix ? n.startsWith(name) : n.equals(name)))
                        .as("%s has a method %s", c.getName(), m).isTrue();
            }
            patterns++;
        }
        assertThat(patterns).isGreaterThan(10);
    }
}
