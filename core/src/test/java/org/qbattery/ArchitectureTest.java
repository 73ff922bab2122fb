package org.qbattery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: faces (cli, plot, report) → analysis → measures/model → kernel. */
class ArchitectureTest {
    static final Map<String, Set<String>> ALLOWED = Map.of(
            "kernel", Set.of(),
            "model", Set.of("kernel"),
            "measures", Set.of("kernel"),
            "analysis", Set.of("kernel", "model", "measures"),
            "plot", Set.of(),
            "report", Set.of("kernel", "model", "measures", "analysis", "plot"),
            "cli", Set.of("kernel", "model", "measures", "analysis", "plot", "report"));

    @Test
    void packageDependenciesPointOneWay() throws IOException {
        Path root = Path.of("src/main/java/org/qbattery");
        Pattern ref = Pattern.compile("org\\.qbattery\\.(\\w+)\\.");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(f).getName(0).toString();
                assertThat(ALLOWED).as("unknown package " + pkg).containsKey(pkg);
                Matcher m = ref.matcher(Files.readString(f));
                while (m.find()) {
                    String dep = m.group(1);
                    if (!dep.equals(pkg) && ALLOWED.containsKey(dep) && !ALLOWED.get(pkg).contains(dep)) {
                        violations.add(f + " uses " + dep);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
