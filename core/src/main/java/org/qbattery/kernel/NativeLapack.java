package org.qbattery.kernel;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * LAPACK's {@code zheevd} (divide and conquer, eigenvalues only) from OpenBLAS through JavaCPP, for
 * the large spectra that ergotropy needs (../shared/deps.md: 4–5× faster than the pure-Java solver
 * from D = 256 on, measured here). Loaded lazily on first use; if it cannot load (another
 * platform, no writable cache) or {@code -Dqbattery.native=false} is set, callers fall back to
 * {@link HermitianEigenvalues}'s pure-Java path. OpenBLAS is pinned to one thread: the second core
 * already runs the integrator, and under load its threads were 2–50× slower (deps.md).
 */
public final class NativeLapack {
    private NativeLapack() {
    }

    private static final class Holder {
        static final String STATUS;
        static final boolean OK;

        static {
            boolean ok = false;
            String status;
            if ("false".equalsIgnoreCase(System.getProperty("qbattery.native"))) {
                status = "disabled by -Dqbattery.native=false";
            } else {
                try {
                    Loader.load(openblas.class);
                    openblas_nolapack.blas_set_num_threads(1);
                    ok = true;
                    status = "OpenBLAS zheevd (native, 1 thread; two-stage from order " + TWO_STAGE_ORDER + ")";
                } catch (Throwable t) {
                    status = "native LAPACK unavailable (" + t.getClass().getSimpleName() + "): pure Java";
                }
            }
            OK = ok;
            STATUS = status;
        }
    }

    /** Whether the native routine can be used (loads it on the first call). */
    public static boolean available() {
        return Holder.OK;
    }

    /** What is used, for provenance. */
    public static String status() {
        return Holder.STATUS;
    }

    /**
     * Eigenvalues (ascending) of the Hermitian matrix {@code a} (row-major interleaved), destroying it.
     * Row-major storage of A is column-major storage of conj(A), which has the same spectrum.
     */
    public static double[] eigenvaluesInPlace(double[] a, int n) {
        double[] w = new double[n];
        int info = n >= TWO_STAGE_ORDER
                ? openblas.LAPACKE_zheevd_2stage(openblas.LAPACK_COL_MAJOR, (byte) 'N', (byte) 'L', n, a, n, w)
                : openblas.LAPACKE_zheevd(openblas.LAPACK_COL_MAJOR, (byte) 'N', (byte) 'L', n, a, n, w);
        if (info != 0) {
            throw new ArithmeticException("zheevd failed, info = " + info);
        }
        return w;
    }

    /**
     * From this order on, the two-stage reduction (dense → band → tridiagonal, LAPACK 3.7's
     * {@code zheevd_2stage}, eigenvalues only) replaces the one-stage one: measured here on one
     * thread, 0.99× at 512, 1.09× at 1024 and 1.41× at 2048 (the spectra blocks of 12 cells).
     */
    static final int TWO_STAGE_ORDER = 1024;
}
