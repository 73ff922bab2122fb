package org.qbattery.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} array format, the file Python users load with {@code np.load} (Julia:
 * NPZ.jl; MATLAB: readNPY): the magic {@code \x93NUMPY}, a version, the header's length
 * (little-endian), the header, a Python dict literal
 * {@code {'descr': '<c16', 'fortran_order': False, 'shape': (T, D, D), }} padded with spaces and a
 * newline to a multiple of 64 bytes, then the elements. Written here as version 1.0; read in
 * versions 1.0 to 3.0. A complex128 array ({@code <c16}) in C order is laid out exactly as this
 * project's interleaved density matrices, so saving or loading one is a byte copy.
 */
public final class Npy {
    private Npy() {
    }

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;

    /** The header of a C-ordered array of element type {@code descr} (e.g. {@code <c16}) and {@code shape}. */
    public static byte[] header(String descr, long... shape) {
        StringBuilder dims = new StringBuilder();
        for (long s : shape) {
            dims.append(s).append(", ");
        }
        // Python's tuple syntax: (T, D, D) but (D,) for one dimension.
        String tuple = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + dims.substring(0, dims.length() - 2) + ")";
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + tuple + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int total = (unpadded + ALIGN - 1) / ALIGN * ALIGN;
        byte[] h = new byte[total];
        System.arraycopy(MAGIC, 0, h, 0, MAGIC.length);
        h[6] = 1; // version 1.0
        h[7] = 0;
        int len = total - 10;
        h[8] = (byte) len;
        h[9] = (byte) (len >>> 8);
        byte[] text = dict.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, h, 10, text.length);
        for (int i = 10 + text.length; i < total - 1; i++) {
            h[i] = ' ';
        }
        h[total - 1] = '\n';
        return h;
    }

    /** An array's description: element type, order, shape, and where its elements start in the file. */
    public record Header(String descr, boolean fortranOrder, long[] shape, long dataOffset) {
        /** Bytes per element: the number in the type code ({@code <c16}: 16, {@code <f8}: 8). */
        public int elementBytes() {
            return Integer.parseInt(descr.substring(2));
        }
    }

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /**
     * Reads the header at the start of {@code ch}; an {@link IllegalArgumentException} says what is
     * not an .npy header.
     */
    public static Header readHeader(FileChannel ch) throws IOException {
        ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, pre, 0);
        for (int i = 0; i < MAGIC.length; i++) {
            if (pre.get(i) != MAGIC[i]) {
                throw new IllegalArgumentException("not a NumPy .npy file (no \\x93NUMPY magic)");
            }
        }
        int major = pre.get(6);
        long len;
        int start;
        if (major == 1) {
            len = pre.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            len = pre.getInt(8) & 0xffffffffL;
            start = 12;
        } else {
            throw new IllegalArgumentException("unknown .npy version " + major);
        }
        if (len > 1 << 20) {
            throw new IllegalArgumentException(".npy header of " + len + " bytes");
        }
        ByteBuffer text = ByteBuffer.allocate((int) len);
        readFully(ch, text, start);
        String dict = new String(text.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(dict), o = ORDER.matcher(dict), s = SHAPE.matcher(dict);
        if (!d.find() || !o.find() || !s.find()) {
            throw new IllegalArgumentException(".npy header without descr, fortran_order and shape: " + printable(dict.trim()));
        }
        String[] parts = s.group(1).split(",");
        int count = 0;
        long[] dims = new long[parts.length];
        for (String p : parts) {
            if (!p.isBlank()) {
                try {
                    dims[count++] = Long.parseLong(p.trim().replace("L", ""));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(".npy shape (" + s.group(1) + ") is not a tuple of integers");
                }
            }
        }
        return new Header(d.group(1), o.group(1).equals("True"), java.util.Arrays.copyOf(dims, count), start + len);
    }

    /** Header text fit for a one-line message: control and non-ASCII bytes as '?', at most 120 characters. */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < 120; i++) {
            char c = text.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.length() < text.length() ? sb + "..." : sb.toString();
    }

    /** Fills {@code buf} from {@code ch} at {@code position}, or says the file ended early. */
    public static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long at = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, at);
            if (n < 0) {
                throw new IllegalArgumentException("the file ends after " + at + " bytes, before the array it describes");
            }
            at += n;
        }
        buf.flip();
    }
}
