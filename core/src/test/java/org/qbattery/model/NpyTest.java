package org.qbattery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qbattery.TestSupport;

/**
 * The .npy format as NumPy's documentation specifies it (numpy.lib.format): the header we write, and
 * density matrices read from the files NumPy writes (C and Fortran order, complex and real, a
 * stack of states), with every malformed file refused by name.
 */
class NpyTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {"<c16 | 5,8,8 | (5, 8, 8)", "<f8 | 3 | (3,)", "<c16 | 1,2 | (1, 2)", "<c16 | 101,256,256 | (101, 256, 256)"})
    void headerIsVersionOnePaddedToSixtyFourBytes(String descr, String dims, String tuple, @TempDir Path dir) throws Exception {
        String[] p = dims.trim().split(",");
        long[] shape = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            shape[i] = Long.parseLong(p[i]);
        }
        byte[] h = Npy.header(descr.trim(), shape);
        assertThat(h.length % 64).isZero();
        assertThat(new byte[] {h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]})
                .containsExactly((byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0);
        assertThat((h[8] & 0xff) | (h[9] & 0xff) << 8).isEqualTo(h.length - 10);
        String text = new String(h, 10, h.length - 10, StandardCharsets.US_ASCII);
        String dict = "{'descr': '" + descr.trim() + "', 'fortran_order': False, 'shape': " + tuple.trim() + ", }";
        assertThat(text).startsWith(dict).endsWith("\n");
        assertThat(text.substring(dict.length(), text.length() - 1)).matches(" *");
        Path f = dir.resolve("a.npy");
        Files.write(f, h);
        try (FileChannel ch = FileChannel.open(f)) {
            Npy.Header read = Npy.readHeader(ch);
            assertThat(read.descr()).isEqualTo(descr.trim());
            assertThat(read.fortranOrder()).isFalse();
            assertThat(read.shape()).containsExactly(shape);
            assertThat(read.dataOffset()).isEqualTo(h.length);
        }
    }

    /** A file as another writer may lay it out: version 2.0 (4-byte length), other spacing, an unpadded header. */
    @Test
    void readsVersionTwoAndLooseSpacing(@TempDir Path dir) throws Exception {
        String dict = "{'shape':(2,2),'fortran_order':True,'descr':'<f8'}\n";
        ByteBuffer b = ByteBuffer.allocate(12 + dict.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(dict.length()).put(dict.getBytes(StandardCharsets.US_ASCII));
        Path f = dir.resolve("v2.npy");
        Files.write(f, b.array());
        try (FileChannel ch = FileChannel.open(f)) {
            Npy.Header h = Npy.readHeader(ch);
            assertThat(h.descr()).isEqualTo("<f8");
            assertThat(h.fortranOrder()).isTrue();
            assertThat(h.shape()).containsExactly(2, 2);
            assertThat(h.dataOffset()).isEqualTo(12 + dict.length());
        }
    }

    static byte[] file(String dict, double[] elements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int len = (10 + dict.length() + 1 + 63) / 64 * 64 - 10;
        String padded = dict + " ".repeat(len - dict.length() - 1) + "\n";
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) len, (byte) (len >>> 8)});
        out.writeBytes(padded.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer b = ByteBuffer.allocate(8 * elements.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(elements);
        out.writeBytes(b.array());
        return out.toByteArray();
    }

    static String dict(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
    }

    @Test
    void readsComplexRealFortranOrderedAndStackedStates(@TempDir Path dir) throws Exception {
        Random rnd = new Random(11);
        int n = 2, d = 4;
        double[] rho = TestSupport.randomDensity(rnd, d, 3);
        Path c = dir.resolve("c.npy");
        Files.write(c, file(dict("<c16", false, "(4, 4)"), rho));
        assertThat(InitialState.fromFile(c, n)).containsExactly(rho);
        // Fortran order: column by column, as np.save writes a transposed view.
        double[] columns = new double[rho.length];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                columns[2 * (j * d + i)] = rho[2 * (i * d + j)];
                columns[2 * (j * d + i) + 1] = rho[2 * (i * d + j) + 1];
            }
        }
        Path fo = dir.resolve("f.npy");
        Files.write(fo, file(dict("<c16", true, "(4, 4)"), columns));
        assertThat(InitialState.fromFile(fo, n)).containsExactly(rho);
        // Real: the classical product state.
        double[] classical = InitialState.classical(n), real = new double[d * d];
        for (int k = 0; k < real.length; k++) {
            real[k] = classical[2 * k];
        }
        Path r = dir.resolve("r.NPY");
        Files.write(r, file(dict("<f8", false, "(4, 4)"), real));
        assertThat(InitialState.fromFile(r, n)).containsExactly(classical);
        // A stack of three states: the last is read.
        double[] stack = new double[3 * rho.length];
        System.arraycopy(InitialState.charged(n), 0, stack, 0, rho.length);
        System.arraycopy(InitialState.quantum(n), 0, stack, rho.length, rho.length);
        System.arraycopy(rho, 0, stack, 2 * rho.length, rho.length);
        Path s = dir.resolve("s.npy");
        Files.write(s, file(dict("<c16", false, "(3, 4, 4)"), stack));
        assertThat(InitialState.fromFile(s, n)).containsExactly(rho);
        assertThat(InitialState.parse("file:" + s, n)).containsExactly(rho);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wrong size       | <c16 | false | (8, 8)    | 128 | has shape (8, 8); --cells 2 needs (4, 4)",
        "a vector         | <c16 | false | (16,)     | 32  | has shape (16)",
        "empty stack      | <c16 | false | (0, 4, 4) | 0   | has shape (0, 4, 4)",
        "integers         | <i8  | false | (4, 4)    | 16  | holds '<i8' numbers",
        "big-endian       | >c16 | false | (4, 4)    | 32  | holds '>c16' numbers",
        "Fortran stack    | <c16 | true  | (2, 4, 4) | 64  | Fortran-ordered stack",
        "truncated        | <c16 | false | (4, 4)    | 20  | fewer than the (4, 4) array its header announces",
        "stack truncated  | <c16 | false | (3, 4, 4) | 80  | fewer than the (3, 4, 4) array",
        "absurd stack     | <c16 | false | (1152921504606846976, 4, 4) | 32 | fewer than the",
        "not Hermitian    | <c16 | false | (4, 4)    | 32  | is not Hermitian"})
    void malformedFilesAreRefusedByName(String what, String descr, boolean fortran, String shape, int doubles, String message,
                                        @TempDir Path dir) throws Exception {
        double[] e = new double[doubles];
        for (int k = 0; k < doubles; k++) {
            e[k] = k == 2 ? 0.25 : 0; // element (0, 1) alone: not Hermitian where it is read
        }
        Path f = dir.resolve("bad.npy");
        Files.write(f, file(dict(descr, fortran, shape), e));
        assertThatThrownBy(() -> InitialState.fromFile(f, 2)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining(message).hasMessageContaining("bad.npy");
    }

    /** A header length pointing into the data (a corrupted byte): the message stays one printable line. */
    @Test
    void aCorruptHeaderIsReportedOnOneLine(@TempDir Path dir) throws Exception {
        byte[] b = file(dict("<c16", false, "(4, 4)"), new double[32]);
        b[8] = (byte) 0xff; // header length 255 + 256·b[9]: runs into the binary data
        for (int k = 64; k < b.length; k++) {
            b[k] = (byte) (k % 3 == 0 ? '\n' : k);
        }
        Path f = dir.resolve("corrupt.npy");
        Files.write(f, b);
        assertThatThrownBy(() -> InitialState.fromFile(f, 2)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("corrupt.npy").hasMessageNotContaining("\n").hasMessageMatching("[\\x20-\\x7e]*");
    }

    @Test
    void aFileWithoutTheMagicIsNotNpy(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("text.npy");
        Files.writeString(f, "1 0 0 0\n0 0 0 0\n");
        assertThatThrownBy(() -> InitialState.fromFile(f, 1)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("not a NumPy .npy file");
    }
}
