package org.qbattery.cli;

import picocli.CommandLine.Option;

/** The switches that leave measures out of a run, shared by the commands that simulate. */
public final class MeasureOptions {
    @Option(names = "--no-spectral", description = "Skip the diagonalisation of rho: the ergotropy and what needs it (its "
            + "half-life and sudden death, efficiency, capacity, entropy) become NaN; much faster at N >= 9.")
    boolean noSpectral;

    @Option(names = "--no-concurrence", description = "Skip the edge concurrence (and the entanglement times).")
    boolean noConcurrence;

    @Option(names = "--fractions", paramLabel = "F,...", split = ",", description = "Also locate the first times at which E and U "
            + "fall to these fractions of their start, each in (0, 1), e.g. 0.9,0.1,0.01 (0.5 gives the half-lives), by "
            + "root-finding on the dense output like the half-lives; null where not reached by t-max.")
    double[] fractions = new double[0];
}
