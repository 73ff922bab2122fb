"""QuTiP side of the 'whole paper' benchmark: the same 50 runs as `qbattery reproduce`
(both model variants; single cell, chain N=1..5, four geometries at N=5, long runs to t=40),
with energy, ergotropy, efficiency, edge concurrence and l1-coherence at every output time.
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
    return c.observables(res.states, N, el, with_corr=True)


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
    for g in c.GEOMETRIES:
        for s in ("cl", "qu"):
            run(5, g, s, variant, 5.0, 0.01)
        run(5, g, "qu", variant, 40.0, 0.1)
out["t_total"] = time.perf_counter() - t_start
print(json.dumps(out))
