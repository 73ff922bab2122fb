package org.qbattery;

import org.qbattery.kernel.OdeSystem;

/**
 * Test oracle: the master equation of physics.md §2/§4 built literally from dense matrices in the
 * LAB frame (H0 included), term by term from the paper's double sum. Slow and obviously correct.
 */
public final class NaiveLindblad implements OdeSystem {
    private final int n, d;
    private final double[] h;
    private final double[][] sm, sp;
    private final double[][] g;
    private final double nbar, dephasing;
    private final double[][] sz;

    public NaiveLindblad(int cells, double omega, double[][] exchange, double[][] decay, double nbar, double dephasing) {
        this.n = cells;
        this.d = 1 << cells;
        this.g = decay;
        this.nbar = nbar;
        this.dephasing = dephasing;
        sm = new double[n][];
        sp = new double[n][];
        sz = new double[n][];
        for (int c = 0; c < n; c++) {
            sm[c] = new double[2 * d * d];
            sz[c] = new double[2 * d * d];
            for (int i = 0; i < d; i++) {
                if (((i >> c) & 1) == 1) {
                    int j = i & ~(1 << c);
                    sm[c][2 * (j * d + i)] = 1; // |g><e| on cell c
                    sz[c][2 * (i * d + i)] = 1;
                } else {
                    sz[c][2 * (i * d + i)] = -1;
                }
            }
            sp[c] = TestSupport.dagger(sm[c], d);
        }
        double[] hh = new double[2 * d * d];
        for (int c = 0; c < n; c++) {
            hh = TestSupport.axpy(hh, omega, 0, TestSupport.mul(sp[c], sm[c], d));
        }
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (exchange[a][b] != 0) {
                    hh = TestSupport.axpy(hh, exchange[a][b], 0, TestSupport.mul(sm[a], sp[b], d));
                    hh = TestSupport.axpy(hh, exchange[a][b], 0, TestSupport.mul(sp[a], sm[b], d));
                }
            }
        }
        this.h = hh;
    }

    public double[] hamiltonian() {
        return h.clone();
    }

    @Override
    public void derivative(double t, double[] rho, double[] out) {
        double[] r = new double[rho.length];
        double[] hr = TestSupport.mul(h, rho, d), rh = TestSupport.mul(rho, h, d);
        r = TestSupport.axpy(r, 0, -1, hr);
        r = TestSupport.axpy(r, 0, 1, rh);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (g[a][b] == 0) {
                    continue;
                }
                r = dissipate(r, rho, sm[a], sp[b], (nbar + 1) * g[a][b]);
                if (nbar > 0) {
                    r = dissipate(r, rho, sp[a], sm[b], nbar * g[a][b]);
                }
            }
        }
        if (dephasing > 0) {
            for (int c = 0; c < n; c++) {
                double[] zrz = TestSupport.mul(TestSupport.mul(sz[c], rho, d), sz[c], d);
                r = TestSupport.axpy(r, dephasing / 2, 0, zrz);
                r = TestSupport.axpy(r, -dephasing / 2, 0, rho);
            }
        }
        System.arraycopy(r, 0, out, 0, r.length);
    }

    /** r + w (A ρ B − ½{B A, ρ}) with A = L_n, B = L_m†. */
    private double[] dissipate(double[] r, double[] rho, double[] a, double[] b, double w) {
        double[] arb = TestSupport.mul(TestSupport.mul(a, rho, d), b, d);
        double[] ba = TestSupport.mul(b, a, d);
        r = TestSupport.axpy(r, w, 0, arb);
        r = TestSupport.axpy(r, -w / 2, 0, TestSupport.mul(ba, rho, d));
        r = TestSupport.axpy(r, -w / 2, 0, TestSupport.mul(rho, ba, d));
        return r;
    }
}
