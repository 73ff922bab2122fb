package org.qbattery.cli;

import java.util.ArrayList;
import java.util.List;
import org.qbattery.model.InvalidParameterException;
import picocli.CommandLine.Option;

/** The switches that leave measures out of a run, shared by the commands that simulate. */
public final class MeasureOptions {
    @Option(names = "--no-spectral", description = "Skip the diagonalisation of rho: the ergotropy and what needs it (its "
            + "half-life and sudden death, efficiency, capacity, entropy) become NaN; much faster at N >= 9.")
    boolean noSpectral;

    @Option(names = "--no-concurrence", description = "Skip the edge concurrence (and the entanglement times).")
    boolean noConcurrence;

    // Split here, not by picocli's split = ",": that drops a trailing empty piece, so "0.5," passed as 0.5 where
    // the other lists ("0-1,", "1,2," in --vary) are refused.
    @Option(names = "--fractions", paramLabel = "F,...", description = "Also locate the first times at which E and U "
            + "fall to these fractions of their start, each in (0, 1), e.g. 0.9,0.1,0.01 (0.5 gives the half-lives), by "
            + "root-finding on the dense output like the half-lives; null where not reached by t-max.")
    List<String> fractionLists = new ArrayList<>();

    /** The fractions given, in order: each --fractions a comma-separated list, repeats adding to it; empty pieces refused. */
    double[] fractions() {
        List<Double> all = new ArrayList<>();
        for (String list : fractionLists) {
            for (String piece : list.split(",", -1)) {
                String t = piece.trim();
                try {
                    if (t.isEmpty()) {
                        throw new NumberFormatException();
                    }
                    all.add(Double.parseDouble(t));
                } catch (NumberFormatException e) {
                    throw new InvalidParameterException("fractions", "expected numbers like 0.9,0.1,0.01, got \"" + list + "\"");
                }
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
