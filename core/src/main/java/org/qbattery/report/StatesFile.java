package org.qbattery.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.qbattery.analysis.SelfDischarge;
import org.qbattery.model.Npy;

/**
 * {@code states.npy}: ρ(t) at every output time as one NumPy array of complex128, shape (T, D, D),
 * D = 2^N, in the order of timeseries.csv's rows; basis index i has bit n set when cell n is excited
 * (the convention of {@code --state file:}). In Python {@code rho = np.load("states.npy")[k]} is the
 * state at the k-th time; {@code --state file:states.npy} starts a run from the last one. Streamed
 * as the run produces the states, one row of ρ at a time.
 */
public final class StatesFile implements SelfDischarge.StateSink {
    private final OutputStream out;
    private final int times, d;
    private final ByteBuffer row;
    private int written;

    /** Writes the header of a (times, d, d) complex128 array to {@code out}. */
    public StatesFile(OutputStream out, int times, int d) throws IOException {
        this.out = out;
        this.times = times;
        this.d = d;
        this.row = ByteBuffer.allocate(16 * d).order(ByteOrder.LITTLE_ENDIAN);
        out.write(Npy.header("<c16", times, d, d));
    }

    /** What the file holds, for summary.json. */
    public static String describe(int times, int cells) {
        int d = 1 << cells;
        return "states.npy: rho(t) at the " + times + " output times of timeseries.csv, complex128, shape (" + times + ", " + d + ", "
                + d + "), C order; basis index i has bit n set when cell n is excited";
    }

    /** Bytes of the file for {@code times} output times of an n-cell register. */
    public static long bytes(int times, int cells) {
        long d = 1L << cells;
        return Npy.header("<c16", times, d, d).length + 16L * times * d * d;
    }

    @Override
    public void accept(int k, double t, double[] rho) throws IOException {
        if (k != written) {
            throw new IllegalStateException("state " + k + " arrived after " + written + " of " + times);
        }
        // The interleaved (re, im) doubles of a row are complex128 in C order as they stand.
        for (int i = 0; i < d; i++) {
            row.clear();
            row.asDoubleBuffer().put(rho, 2 * i * d, 2 * d);
            out.write(row.array(), 0, 16 * d);
        }
        written++;
    }

    /** Pushes what is buffered to the stream. */
    public void flush() throws IOException {
        out.flush();
    }

    /** Fails unless every one of the header's states was written (the file would say otherwise). */
    public void requireComplete() {
        if (written != times) {
            throw new IllegalStateException("states.npy has " + written + " of the " + times + " states its header announces");
        }
    }
}
