"""QuTiP side of the 'whole paper' benchmark: the same 50 runs as `qbattery reproduce`
(both model variants; single cell, chain N=1..5, four geometries at N=5, long runs to t=40),
with energy, ergotropy, efficiency, edge concurrence and l1-coherence at every output time, and
the rest of what the report shows: the characteristic times of every run (half-lives of E and U,
ergotropy sudden death, entanglement crossings; found on the output grid by linear interpolation,
as a QuTiP script would, where QBattery root-finds on its dense output) and, for the N = 5 chain
in the quantum state, the incoherent, coherent and local ergotropy of the "beyond the paper" figure.
One process, Python import included. Workload definitions and observables come from
../shared/bench/common.py (the reference QuTiP implementation); only the as-printed variant's
collapse operators (rates halved + dephasing gamma/4) are added here.
Usage: /usr/bin/python3 reproduce_workload.py SHARED_BENCH_DIR"""
import json
import sys
import time

t_start = time.perf_counter()
sys.path.insert(0, sys.argv[1])
import numpy as np  # noqa: E402
import qutip as qt  # noqa: E402
import common as c  # noqa: E402


def first_crossing(t, g):
    """First t where g changes sign (linear interpolation between samples), or None."""
    s = np.sign(g)
    idx = np.nonzero(s[1:] != s[:-1])[0]
    if len(idx) == 0:
        return None
    k = idx[0]
    return t[k] + (t[k + 1] - t[k]) * g[k] / (g[k] - g[k + 1])


def crossings(t, g):
    s = np.sign(g)
    return [t[k] + (t[k + 1] - t[k]) * g[k] / (g[k] - g[k + 1]) for k in np.nonzero(s[1:] != s[:-1])[0]]


def characteristic_times(t, o):
    """What the report prints per run: half-lives, sudden death, entanglement crossings."""
    E, U = o["E"], o["U"]
    return dict(tE=first_crossing(t, E - E[0] / 2) if E[0] > 0 else None,
                tU=first_crossing(t, U - U[0] / 2) if U[0] > 0 else None,
                death=first_crossing(t, E - 1e-12) if E[0] > 0 else None,
                ent=crossings(t, o["C_maxedge"] - 1e-7) if "C_maxedge" in o else [])


def ergotropy_parts(states, N):
    """Incoherent ergotropy (of the dephased state), coherent = E - E_i, and the sum of the cells' local ergotropies."""
    h = c.h0_diag(N)
    eps = np.sort(h)
    Ei, El = [], []
    for st in states:
        rho = st.full()
        p = np.real(np.diag(rho))
        Ei.append(float(np.dot(p, h) - np.dot(np.sort(p)[::-1], eps)))
        r = rho.reshape([2] * (2 * N))
        loc = 0.0
        for n in range(N):
            r1 = np.trace(np.moveaxis(np.moveaxis(r, n, 0), N + n, N).reshape(2, 2 ** (N - 1), 2, 2 ** (N - 1)), axis1=1, axis2=3)
            lam = np.linalg.eigvalsh(r1)
            u = float(np.real(r1[0, 0]))  # cell excited = index 0
            loc += u - lam[0]  # passive: larger eigenvalue on the ground state
        El.append(loc)
    return np.array(Ei), np.array(El)


def run(N, geom, state, variant, tmax, dt):
    J = 2.0 if N > 1 else 0.0
    gicl = 0.5 if N > 1 else 0.0
    el = c.edges(geom, N)
    sms = c.lowering_ops(N)
    H = c.hamiltonian(N, el, 1.0, J, sms)
    G = c.decay_matrix(N, el, 1.0, gicl)
    if variant == "as-printed":
        G = G / 2
    cops, _ = c.collapse_ops(G, sms)
    if variant == "as-printed":
        for n in range(N):
            f = [qt.qeye(2)] * N
            f[n] = qt.sigmaz()
            cops.append(np.sqrt(1.0 / 8) * (qt.tensor(f) if N > 1 else qt.sigmaz()))
    tlist = np.round(np.arange(0, int(round(tmax / dt)) + 1) * dt, 10)
    L = qt.liouvillian(H, cops)
    res = qt.mesolve(L, c.product_state(N, state), tlist, [], [], options=c.solver_options())
    o = c.observables(res.states, N, el, with_corr=True)
    o["times"] = characteristic_times(tlist, o)
    if N == 5 and geom == "linear" and state == "qu" and variant == "stated":
        o["E_i"], o["E_local"] = ergotropy_parts(res.states, N)
        o["E_c"] = o["E"] - o["E_i"]
    return o


out = {}
for variant in ("stated", "as-printed"):
    for s in ("full", "cl", "qu"):
        run(1, "linear", s, variant, 5.0, 0.01)
    for N in range(1, 6):
        for s in ("cl", "qu"):
            o = run(N, "linear", s, variant, 5.0, 0.01)
            if variant == "stated" and N == 5 and s == "qu":
                out["chain5_qu_U"] = o["U"].tolist()
                out["chain5_qu_E"] = o["E"].tolist()
                out["chain5_qu_E_i"] = o["E_i"].tolist()
                out["chain5_qu_E_local"] = o["E_local"].tolist()
                out["chain5_qu_times"] = o["times"]
    for g in c.GEOMETRIES:
        for s in ("cl", "qu"):
            run(5, g, s, variant, 5.0, 0.01)
        run(5, g, "qu", variant, 40.0, 0.1)
out["t_total"] = time.perf_counter() - t_start
print(json.dumps(out))
