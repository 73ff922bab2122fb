package org.qbattery.analysis;

import org.qbattery.kernel.IntegrationStats;
import org.qbattery.kernel.Tolerances;
import org.qbattery.measures.Observables;
import org.qbattery.model.Battery;

/**
 * A computed self-discharge: the battery, the measures at every output time, the characteristic
 * times and the solver's provenance.
 *
 * @param series rows[k] = {@link Observables#values()} at {@code times[k]}
 */
public record DischargeResult(Battery battery, String state, double[] times, double[][] series,
                              DischargeAnalysis analysis, String solver, String representation, Tolerances tolerances,
                              IntegrationStats stats, double wallSeconds) {

    /** Whether the run integrated Dicke blocks ({@link SymmetricDischarge}) rather than the 2^N register. */
    public boolean onDickeBlocks() {
        return representation.startsWith(SymmetricDischarge.REPRESENTATION);
    }

    /** Column of measure {@code name} (one of {@link Observables#COLUMNS}). */
    public double[] column(String name) {
        int c = -1;
        for (int i = 0; i < Observables.COLUMNS.length; i++) {
            if (Observables.COLUMNS[i].equals(name)) {
                c = i;
            }
        }
        if (c < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        double[] v = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            v[k] = series[k][c];
        }
        return v;
    }

    public double[] energy() {
        return column("energy");
    }

    public double[] ergotropy() {
        return column("ergotropy");
    }

    public double[] efficiency() {
        return column("efficiency");
    }

    public double[] concurrence() {
        return column("concurrence");
    }

    public double[] coherence() {
        return column("coherence");
    }
}
