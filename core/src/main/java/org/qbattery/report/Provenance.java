package org.qbattery.report;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Version, build commit and environment recorded in every output. The version number alone names no
 * build (it stays 0.1.0 across commits); the commit is the one the jar was built from, with
 * "-dirty" when the checkout had uncommitted changes, or "unknown" when built without git.
 */
public final class Provenance {
    private Provenance() {
    }

    /** version.properties, filtered at build time; read once. */
    private static final class Build {
        static final Properties PROPERTIES = load();

        private static Properties load() {
            Properties p = new Properties();
            try (InputStream in = Provenance.class.getResourceAsStream("/org/qbattery/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // left empty: "dev" and "unknown" below
            }
            return p;
        }

        /** A property, or null when absent or left unfiltered (no git at build time). */
        static String get(String key) {
            String v = PROPERTIES.getProperty(key);
            return v == null || v.isBlank() || v.startsWith("${") ? null : v;
        }
    }

    public static String version() {
        String v = Build.get("version");
        return v != null ? v : "dev";
    }

    /** The commit the jar was built from (12 hex digits, "-dirty" with uncommitted changes), or "unknown". */
    public static String commit() {
        String c = Build.get("commit");
        if (c == null) {
            return "unknown";
        }
        return "true".equals(Build.get("dirty")) ? c + "-dirty" : c;
    }

    /**
     * What a figure file says about itself (PNG text chunks, SVG title, desc and metadata), so that one
     * that travels alone still names its version, command, solver and tolerances: Title (the figure's
     * id), Description (its caption), Software, Source (the command line) and Comment (solver and
     * tolerances, where the numbers are).
     */
    public static Map<String, String> aboutFigure(org.qbattery.plot.Figure f, List<String> command, String solver, double rtol,
            double atol, String dataFile) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Title", f.id());
        m.put("Description", f.caption());
        m.put("Software", "QBattery " + version() + " (commit " + commit() + ")");
        m.put("Source", "qbattery " + String.join(" ", command));
        m.put("Comment", String.format(java.util.Locale.ROOT, "solver: %s, rtol %.0e, atol %.0e; hbar = 1, times in 1/gamma, "
                + "energies in units of omega; numbers and full provenance: %s", solver, rtol, atol, dataFile));
        return m;
    }

    public static Map<String, Object> environment() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("qbattery_version", version());
        m.put("qbattery_commit", commit());
        m.put("created", Instant.now().toString());
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        m.put("processors", Runtime.getRuntime().availableProcessors());
        m.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        return m;
    }
}
