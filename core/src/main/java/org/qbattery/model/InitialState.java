package org.qbattery.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.qbattery.kernel.HermitianEigenvalues;
import org.qbattery.kernel.Parallel;

/**
 * Initial states of the battery as density matrices on the 2^N register (bit n set = cell n
 * excited; row-major, interleaved re/im).
 *
 * <ul>
 *   <li>{@code charged}: |e⟩^⊗N (fully charged).</li>
 *   <li>{@code classical}: (¾|e⟩⟨e| + ¼|g⟩⟨g|)^⊗N, the paper's incoherent state (Fig. 2).</li>
 *   <li>{@code quantum}: |+⟩^⊗N with |+⟩ = (|e⟩+|g⟩)/√2, the paper's coherent state.</li>
 *   <li>{@code bloch:THETA,PHI}: (cos(θ/2)|e⟩ + e^{iφ} sin(θ/2)|g⟩)^⊗N (θ = 0 charged, θ = π/2 quantum).</li>
 *   <li>{@code ghz}, {@code w}, {@code dicke:K}: the symmetric entangled states.</li>
 *   <li>{@code file:PATH}: a density matrix from a text file (D rows of D complex numbers as
 *       {@code re im} pairs, or D real numbers; '#' starts a comment), in the computational basis
 *       every measure reads: index i has bit n set when cell n is excited.</li>
 * </ul>
 */
public final class InitialState {
    private InitialState() {
    }

    /** Builds the state named by {@code spec} for {@code n} cells. */
    public static double[] parse(String spec, int n) {
        Named named = name(spec, n);
        return switch (named.kind()) {
            case "charged" -> charged(n);
            case "classical" -> classical(n);
            case "quantum" -> quantum(n);
            case "ghz" -> ghz(n);
            case "dicke" -> dicke(n, named.excited());
            case "bloch" -> bloch(n, named.theta(), named.phi());
            case "file" -> fromFile(named.file(), n);
            default -> throw new IllegalStateException(named.kind());
        };
    }

    /**
     * A state's name resolved and checked, without building it: {@code kind} is one of charged,
     * classical, quantum, bloch (θ, φ), ghz, dicke (excited; {@code w} is dicke:1) or file.
     */
    public record Named(String kind, double theta, double phi, int excited, Path file) {
        static Named of(String kind) {
            return new Named(kind, 0, 0, 0, null);
        }
    }

    /** Resolves {@code spec} for {@code n} cells; an {@link InvalidParameterException} names what is wrong. */
    public static Named name(String spec, int n) {
        if (spec == null || spec.isBlank()) {
            throw new InvalidParameterException("state", "a state is required; allowed: " + ALLOWED);
        }
        String s = spec.trim();
        String key = s.toLowerCase(Locale.ROOT);
        if (key.equals("charged") || key.equals("full")) {
            return Named.of("charged");
        }
        if (key.equals("classical")) {
            return Named.of("classical");
        }
        if (key.equals("quantum") || key.equals("plus")) {
            return Named.of("quantum");
        }
        if (key.equals("ghz")) {
            return Named.of("ghz");
        }
        if (key.equals("w")) {
            return new Named("dicke", 0, 0, 1, null);
        }
        if (key.startsWith("dicke:")) {
            int k;
            try {
                k = Integer.parseInt(s.substring(6).trim());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("state", "dicke:K needs an integer K in 0.." + n + ", got \"" + s + "\"");
            }
            if (k < 0 || k > n) {
                throw new InvalidParameterException("state", "dicke:K needs K in 0.." + n + ", got " + k);
            }
            return new Named("dicke", 0, 0, k, null);
        }
        if (key.startsWith("bloch:")) {
            String[] p = s.substring(6).split(",", -1); // -1: "bloch:1,2," is a typo, not bloch:1,2
            if (p.length != 2) {
                throw new InvalidParameterException("state", "bloch:THETA,PHI needs two angles in radians, got \"" + s + "\"");
            }
            double th, ph;
            try {
                th = Double.parseDouble(p[0].trim());
                ph = Double.parseDouble(p[1].trim());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("state", "bloch:THETA,PHI needs two angles in radians, got \"" + s + "\"");
            }
            if (!Double.isFinite(th) || !Double.isFinite(ph) || th < 0 || th > Math.PI) {
                throw new InvalidParameterException("state", "bloch:THETA,PHI needs THETA in [0, pi] and finite PHI, got \"" + s + "\"");
            }
            return new Named("bloch", th, ph, 0, null);
        }
        if (key.startsWith("file:")) {
            return new Named("file", 0, 0, 0, Path.of(s.substring(5)));
        }
        throw new InvalidParameterException("state", "unknown state \"" + s + "\"; allowed: " + ALLOWED);
    }

    public static final String ALLOWED = "charged, classical, quantum, bloch:THETA,PHI, ghz, w, dicke:K, file:PATH";

    /** Product state ρ1^⊗N of a single-cell density matrix given as {ρgg, ρge, ρeg, ρee} (complex). */
    public static double[] product(int n, double[] single) {
        final int d = 1 << n;
        final double[] rho = new double[2 * d * d];
        rho[0] = 1;
        // Built cell by cell in its own top-left corner (row stride d): with cells 0..c−1 placed it fills
        // [0, m)², and cell c (bit c of the index) spreads it into the four blocks of [0, 2m)², each the
        // corner times one element of the cell's matrix; the corner's own block is scaled last, in
        // place. Each element is multiplied by the cells' factors in the order 0, 1, …, N−1, as a
        // product taken element by element would be, in ~(4/3)·4^N products instead of N·4^N (the
        // 13-cell |+⟩ state: 1.3 s of one core before).
        for (int c = 0, m = 1; c < n; c++, m <<= 1) {
            final int half = m;
            for (int block = 3; block >= 0; block--) {
                final int bi = block >> 1, bj = block & 1;
                final double sr = single[2 * block], si = single[2 * block + 1];
                Parallel.forRange(half, 8L * half, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        int src = 2 * i * d, dst = 2 * ((i + bi * half) * d + bj * half);
                        for (int j = 0; j < 2 * half; j += 2) {
                            double re = rho[src + j], im = rho[src + j + 1];
                            rho[dst + j] = re * sr - im * si;
                            rho[dst + j + 1] = re * si + im * sr;
                        }
                    }
                });
            }
        }
        return rho;
    }

    public static double[] charged(int n) {
        return product(n, new double[] {0, 0, 0, 0, 0, 0, 1, 0});
    }

    public static double[] classical(int n) {
        return product(n, new double[] {0.25, 0, 0, 0, 0, 0, 0.75, 0});
    }

    public static double[] quantum(int n) {
        return bloch(n, Math.PI / 2, 0);
    }

    /** (cos(θ/2)|e⟩ + e^{iφ} sin(θ/2)|g⟩)^⊗N. */
    public static double[] bloch(int n, double theta, double phi) {
        double ce = Math.cos(theta / 2), sg = Math.sin(theta / 2);
        // amplitudes: g = e^{iφ} sg, e = ce
        double gr = Math.cos(phi) * sg, gi = Math.sin(phi) * sg;
        double er = ce;
        // ρ_ab = ψ_a conj(ψ_b), a,b ∈ {g=0, e=1}
        double[] one = {
            gr * gr + gi * gi, 0,        // gg
            gr * er, gi * er,            // ge = ψg conj(ψe)
            er * gr, -er * gi,           // eg = ψe conj(ψg)
            er * er, 0                   // ee
        };
        return product(n, one);
    }

    /** (|g…g⟩ + |e…e⟩)/√2. */
    public static double[] ghz(int n) {
        int d = 1 << n;
        double[] psi = new double[2 * d];
        psi[0] = Math.sqrt(0.5);
        psi[2 * (d - 1)] += Math.sqrt(0.5);
        return pure(psi, d);
    }

    /** Symmetric Dicke state with k excitations (k = 1: W state). */
    public static double[] dicke(int n, int k) {
        int d = 1 << n;
        double[] psi = new double[2 * d];
        int count = 0;
        for (int i = 0; i < d; i++) {
            if (Integer.bitCount(i) == k) {
                count++;
            }
        }
        double a = 1 / Math.sqrt(count);
        for (int i = 0; i < d; i++) {
            if (Integer.bitCount(i) == k) {
                psi[2 * i] = a;
            }
        }
        return pure(psi, d);
    }

    /** |ψ⟩⟨ψ| from interleaved amplitudes. */
    public static double[] pure(double[] psi, int d) {
        double[] rho = new double[2 * d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double ar = psi[2 * i], ai = psi[2 * i + 1], br = psi[2 * j], bi = psi[2 * j + 1];
                rho[2 * (i * d + j)] = ar * br + ai * bi;
                rho[2 * (i * d + j) + 1] = ai * br - ar * bi;
            }
        }
        return rho;
    }

    /**
     * Reads and validates (Hermitian, trace one, positive semidefinite, size 2^N) a density matrix:
     * text (rows of {@code re im} pairs or reals), or a NumPy {@code .npy} file (by its name).
     */
    public static double[] fromFile(Path path, int n) {
        if (path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            double[] rho = fromNpy(path, n);
            validate(rho, 1 << n, "state", path.toString());
            return rho;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new InvalidParameterException("state", "cannot read density matrix file " + path + ": " + e.getMessage());
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            // A UTF-8 byte-order mark, as Windows editors and spreadsheets write: not part of the first number.
            lines.set(0, lines.get(0).substring(1));
        }
        int d = 1 << n;
        List<double[]> rows = new ArrayList<>();
        for (String line : lines) {
            String t = line.replaceAll("#.*", "").trim();
            if (t.isEmpty()) {
                continue;
            }
            String[] tok = t.split("[\\s,;]+");
            double[] v = new double[tok.length];
            for (int k = 0; k < tok.length; k++) {
                try {
                    v[k] = Double.parseDouble(tok[k]);
                } catch (NumberFormatException e) {
                    throw new InvalidParameterException("state", "file " + path + ": not a number \"" + tok[k] + "\"");
                }
            }
            rows.add(v);
        }
        if (rows.size() != d) {
            throw new InvalidParameterException("state", "file " + path + " has " + rows.size() + " rows; --cells " + n + " needs " + d);
        }
        double[] rho = new double[2 * d * d];
        for (int i = 0; i < d; i++) {
            double[] v = rows.get(i);
            if (v.length == 2 * d) {
                System.arraycopy(v, 0, rho, 2 * i * d, 2 * d);
            } else if (v.length == d) {
                for (int j = 0; j < d; j++) {
                    rho[2 * (i * d + j)] = v[j];
                }
            } else {
                throw new InvalidParameterException("state", "file " + path + " row " + (i + 1) + " has " + v.length
                        + " numbers; expected " + d + " (real) or " + 2 * d + " (re im pairs)");
            }
        }
        validate(rho, d, "state", path.toString());
        return rho;
    }

    /**
     * A 2^N × 2^N complex128 or float64 array from a .npy file, or the last of a stack of them,
     * shape (T, 2^N, 2^N): what {@code simulate --save-states} writes, so a run can go on from where
     * another ended. Only the matrix used is read.
     */
    static double[] fromNpy(Path path, int n) {
        int d = 1 << n;
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(path)) {
            Npy.Header h;
            try {
                h = Npy.readHeader(ch);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("state", "file " + path + ": " + e.getMessage());
            }
            long[] s = h.shape();
            String shape = java.util.Arrays.toString(s).replace('[', '(').replace(']', ')');
            if (!h.descr().equals("<c16") && !h.descr().equals("<f8")) {
                throw new InvalidParameterException("state", "file " + path + " holds '" + h.descr()
                        + "' numbers; expected complex128 ('<c16') or float64 ('<f8'), little-endian");
            }
            if (!(s.length == 2 || s.length == 3 && s[0] >= 1) || s[s.length - 1] != d || s[s.length - 2] != d) {
                throw new InvalidParameterException("state", "file " + path + " has shape " + shape + "; --cells " + n
                        + " needs (" + d + ", " + d + ") or a stack (T, " + d + ", " + d + "), whose last matrix is used");
            }
            if (h.fortranOrder() && s.length == 3) {
                throw new InvalidParameterException("state", "file " + path + " is a Fortran-ordered stack; save it with "
                        + "np.save(path, np.ascontiguousarray(a))");
            }
            int bytes = h.elementBytes();
            long matrix = (long) d * d * bytes;
            if (matrix > Integer.MAX_VALUE - 8) {
                throw new InvalidParameterException("state", "file " + path + ": a " + d + " x " + d + " matrix is too large to read");
            }
            // The whole array must be there: a header announcing more than the file holds is refused, not read past.
            long count = s.length == 3 ? s[0] : 1;
            if (count > (Long.MAX_VALUE - h.dataOffset()) / matrix || h.dataOffset() + count * matrix > ch.size()) {
                throw new InvalidParameterException("state", "file " + path + " holds " + ch.size() + " bytes, fewer than the "
                        + shape + " array its header announces");
            }
            long offset = h.dataOffset() + (count - 1) * matrix;
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) matrix).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            try {
                Npy.readFully(ch, buf, offset);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("state", "file " + path + ": " + e.getMessage());
            }
            double[] rho = new double[2 * d * d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    // Fortran order stores column by column: element (i, j) at j·d + i.
                    long at = (h.fortranOrder() ? (long) j * d + i : (long) i * d + j) * bytes;
                    rho[2 * (i * d + j)] = buf.getDouble((int) at);
                    rho[2 * (i * d + j) + 1] = bytes == 16 ? buf.getDouble((int) at + 8) : 0;
                }
            }
            return rho;
        } catch (java.io.IOException e) {
            throw new InvalidParameterException("state", "cannot read density matrix file " + path + ": " + e.getMessage());
        }
    }

    /** Checks that every element is finite, then Hermiticity, unit trace and positivity to 1e-9. */
    public static void validate(double[] rho, int d, String parameter, String what) {
        // NaN passes every comparison below (and then stalls the eigenvalue routine): refuse it first.
        for (int k = 0; k < 2 * d * d; k++) {
            if (!Double.isFinite(rho[k])) {
                int i = k / (2 * d), j = k % (2 * d) / 2;
                throw new InvalidParameterException(parameter, what + " has a non-finite element (" + i + "," + j + "): "
                        + (k % 2 == 0 ? "real" : "imaginary") + " part " + rho[k]);
            }
        }
        double tr = 0;
        for (int i = 0; i < d; i++) {
            tr += rho[2 * (i * d + i)];
            for (int j = 0; j < d; j++) {
                double dr = rho[2 * (i * d + j)] - rho[2 * (j * d + i)];
                double di = rho[2 * (i * d + j) + 1] + rho[2 * (j * d + i) + 1];
                if (Math.hypot(dr, di) > 1e-9) {
                    throw new InvalidParameterException(parameter, what + " is not Hermitian (element " + i + "," + j + ")");
                }
            }
        }
        if (Math.abs(tr - 1) > 1e-9) {
            throw new InvalidParameterException(parameter, what + " has trace " + tr + ", must be 1");
        }
        double min = HermitianEigenvalues.of(rho, d)[0];
        if (min < -1e-9) {
            throw new InvalidParameterException(parameter, what + " is not positive semidefinite (smallest eigenvalue " + min + ")");
        }
    }
}
