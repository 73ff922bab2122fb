"""QuTiP's permutation-invariant solver (PIQS, qutip.piqs) on the complete graph, the tool a QuTiP user
reaches for beyond ~12 cells: N cells, J = 2, Gamma = 1, Gamma_icl = 0.5, |+>^N, t in [0, 5], 51 output
times; U and the ergotropy (from each Dicke block's eigenvalues with their degeneracies).
Usage: /usr/bin/python3 piqs_case.py N   -> one JSON line: times of each phase, U(t), E(t)."""
import json
import sys
import time

t0 = time.perf_counter()
import numpy as np
import qutip
from qutip import piqs
from scipy.special import comb

N = int(sys.argv[1])
J, gamma, gamma_icl = 2.0, 1.0, 0.5
jz = piqs.jspin(N, "z")
jp = piqs.jspin(N, "+")
ne = jz + N / 2.0
# H = J sum_{n != m} s+_n s-_m = J (J+J- - N_e); G = (Gamma - Gamma_icl) I + Gamma_icl 11^T:
# local emission Gamma - Gamma_icl, collective emission Gamma_icl (PIQS's rates are those of D[.]).
system = piqs.Dicke(N, hamiltonian=J * (jp * jp.dag() - ne), emission=gamma - gamma_icl, collective_emission=gamma_icl)
liouvillian = system.liouvillian()
t_build = time.perf_counter() - t0
rho0 = piqs.css(N, x=1 / np.sqrt(2), y=1 / np.sqrt(2), basis="dicke", coordinates="cartesian")  # |+>^N
times = np.linspace(0, 5, 51)
t1 = time.perf_counter()
result = qutip.mesolve(liouvillian, rho0, times, [], [], options=qutip.Options(atol=1e-12, rtol=1e-10, nsteps=10**7))
t_solve = time.perf_counter() - t1

t2 = time.perf_counter()
degeneracy = [piqs.state_degeneracy(N, N / 2 - p) for p in range(N // 2 + 1)]
level_count = [float(comb(N, k, exact=True)) for k in range(N + 1)]


def ergotropy(rho):
    """E = U - sum r_desc eps_asc, eigenvalues of each block B_j / d_j taken d_j times."""
    blocks = piqs.dicke_blocks(rho)
    values, weights = [], []
    for p, block in enumerate(blocks):
        for v in np.linalg.eigvalsh(block / degeneracy[p]):
            values.append(v)
            weights.append(float(degeneracy[p]))
    order = np.argsort(values)[::-1]
    passive, level, left = 0.0, 0, level_count[0]
    for i in order:
        w = weights[i]
        while w > 0 and level <= N:
            take = min(w, left)
            passive += values[i] * take * level
            w -= take
            left -= take
            if left <= 0:
                level += 1
                left = level_count[level] if level <= N else 0
    u = qutip.expect(ne, rho)
    return u, max(0.0, u - passive)


U, E = zip(*(ergotropy(r) for r in result.states))
t_measure = time.perf_counter() - t2
print(json.dumps({"N": N, "t_build": t_build, "t_solve": t_solve, "t_measure": t_measure,
                  "U": list(map(float, U)), "E": list(map(float, E))}))
