package org.qbattery.analysis;

/** Told how far a long computation has got; faces decide whether and how to show it. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener SILENT = (done, total, label) -> { };

    /** {@code done} of {@code total} units finished; {@code label} names the task. */
    void progress(double done, double total, String label);
}
