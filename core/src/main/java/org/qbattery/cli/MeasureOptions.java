package org.qbattery.cli;

import picocli.CommandLine.Option;

/** The switches that leave measures out of a run, shared by the commands that simulate. */
public final class MeasureOptions {
    @Option(names = "--no-spectral", description = "Skip the diagonalisation of rho: the ergotropy and what needs it (its "
            + "half-life and sudden death, efficiency, capacity, entropy) become NaN; much faster at N >= 9.")
    boolean noSpectral;

    @Option(names = "--no-concurrence", description = "Skip the edge concurrence (and the entanglement times).")
    boolean noConcurrence;
}
