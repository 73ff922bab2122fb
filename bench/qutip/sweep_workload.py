"""QuTiP side of the 'N = 8 chain, iterated' benchmark: what `qbattery sweep --vary gamma-icl=A:B:K
--cells N --graph linear --state quantum --coupling 2 --t-max 5 --dt 0.05 --curves` computes, as one
Python process (import included): for each of K intracell-leakage rates the chain's Liouvillian,
mesolve at 101 output times, and U, ergotropy, edge concurrence and l1-coherence at every output time
(../shared/bench/common.py, the reference QuTiP implementation), then the sweep's figures of merit
(half-lives of E and U, found on the output grid by linear interpolation as a QuTiP script would).
Usage: /usr/bin/python3 sweep_workload.py SHARED_BENCH_DIR N A B K
Prints one JSON line: per point gamma_icl, U and E at the end and both half-lives."""
import json
import sys
import time

t_start = time.perf_counter()
sys.path.insert(0, sys.argv[1])
import numpy as np  # noqa: E402
import common as c  # noqa: E402

N, a, b, k = int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])


def half_life(t, g):
    """First t where g falls to g(0)/2 (linear interpolation between samples), or None."""
    d = g - g[0] / 2
    idx = np.nonzero(np.sign(d[1:]) != np.sign(d[:-1]))[0]
    if len(idx) == 0:
        return None
    j = idx[0]
    return float(t[j] + (t[j + 1] - t[j]) * d[j] / (d[j] - d[j + 1]))


tlist = np.linspace(0, 5, 101)
points = []
for gicl in np.linspace(a, b, k):
    m = c.model(N, "linear", gicl=float(gicl))
    states = c.evolve(m, c.product_state(N, "qu"), tlist)
    o = c.observables(states, m["N"], m["edges"], with_corr=True)
    U, E = np.asarray(o["U"]), np.asarray(o["E"])
    points.append(dict(gamma_icl=float(gicl), U_end=float(U[-1]), E_end=float(E[-1]),
                       tU=half_life(tlist, U), tE=half_life(tlist, E)))
print(json.dumps(dict(N=N, points=points, t_total=time.perf_counter() - t_start)))
