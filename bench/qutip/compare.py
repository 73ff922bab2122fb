"""Side-by-side QuTiP vs QBattery on the issue-#4 workloads, in one run on this machine.
Prints a table: workload, QuTiP time, QBattery time, ratio, max |dU|, max |dE|.
Usage (from the repository root): /usr/bin/python3 bench/qutip/compare.py [--big] [--n12] [--symmetric] [--sweep8] [--repeat K] [--shared ../shared]
Installs Debian's python3-qutip first when /usr/bin/python3 cannot import qutip."""
import argparse
import csv
import json
import statistics
import os
import subprocess
import sys
import tempfile
import time

ap = argparse.ArgumentParser()
ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))
ap.add_argument("--big", action="store_true", help="also N = 10 (QuTiP needs ~4 minutes and 3.5 GB)")
ap.add_argument("--n12", action="store_true", help="also N = 12 ring, chain, star and complete graph (QBattery only)")
ap.add_argument("--symmetric", action="store_true", help="also the complete graph at N = 20 and 30 against QuTiP's "
                "permutation-invariant solver (PIQS; ~1 minute), N = 50 and the star at N = 40 (QBattery only)")
ap.add_argument("--sweep8", action="store_true", help="also the N = 8 chain iterated: 10 runs (gamma_icl 0.05 to 0.5) as one "
                "process on each side, QuTiP's script against `qbattery sweep --curves` (~1 minute)")
ap.add_argument("--repeat", type=int, default=1, help="run the paper workload and the N = 8 chain this many times and report medians and the ratios' range")
args = ap.parse_args()
if args.repeat < 1:
    ap.error("--repeat must be >= 1")
bench_dir = os.path.abspath(os.path.join(args.shared, "bench"))
root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
qb = os.path.join(root, "qbattery")
tmp = tempfile.mkdtemp(prefix="qb-bench-")
env = dict(os.environ, QBATTERY_PROGRESS="0")


def timed(cmd, **kw):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), p.stderr[-2000:]))
    return dt, p.stdout


def read_series(path):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    return [float(r["t"]) for r in rows], [float(r["energy"]) for r in rows], [float(r["ergotropy"]) for r in rows]


from ensure_qutip import ensure_qutip  # noqa: E402 (the scripts' directory is on sys.path)

ensure_qutip("compare")
# build once so that no timed run includes compilation
timed([qb, "--version"], env=env)

# 1. the whole paper
def paper_once():
    t_q, out = timed(["/usr/bin/python3", os.path.join(os.path.dirname(__file__), "reproduce_workload.py"), bench_dir])
    q = json.loads(out.strip().splitlines()[-1])
    t_b, _ = timed([qb, "reproduce", "--out", os.path.join(tmp, "repro")], env=env)
    # The same 50 runs, data and reports, but no PNG/SVG drawn: what the QuTiP script does (it draws nothing).
    t_nofig, _ = timed([qb, "reproduce", "--no-figures", "--out", os.path.join(tmp, "repro-data")], env=env)
    _, _ = timed([qb, "simulate", "--cells", "5", "--graph", "linear", "--state", "quantum", "--coupling", "2",
                  "--gamma-icl", "0.5", "--t-max", "5", "--dt", "0.01", "--out", os.path.join(tmp, "c5")], env=env)
    _, U, E = read_series(os.path.join(tmp, "c5", "timeseries.csv"))
    dU = max(abs(a - b) for a, b in zip(U, q["chain5_qu_U"]))
    dE = max(abs(a - b) for a, b in zip(E, q["chain5_qu_E"]))
    # The "beyond the paper" figure's curves (incoherent and local ergotropy, N = 5 chain), computed on both sides.
    with open(os.path.join(tmp, "repro", "fig_coherent_ergotropy.csv")) as f:
        fig = list(csv.DictReader(line for line in f if not line.startswith("#")))
    u0 = q["chain5_qu_U"][0]
    col = {k: next(h for h in fig[0] if k in h) for k in ("incoherent", "local")}
    d_parts = [max(abs(float(r[col[k]]) * u0 - a) for r, a in zip(fig, q[key]))
               for k, key in (("incoherent", "chain5_qu_E_i"), ("local", "chain5_qu_E_local"))]
    with open(os.path.join(tmp, "repro", "run.json")) as f:
        t_sim = json.load(f)["wall_seconds_simulation"]
    return [("paper workload (50 runs, whole process each side; QBattery also draws 16 figures and the report)", t_q, t_b, dU, dE),
            ("  same, curves, tables and report without drawing (`reproduce --no-figures`; the QuTiP script draws nothing)", t_q, t_nofig, dU, dE),
            ("  of which the 50 runs themselves (QBattery: inside its process, from run.json)", t_q, t_sim, dU, dE)], d_parts


def chain_case(N):
    p = subprocess.run(["/usr/bin/python3", "bench_case.py", "chain", str(N), "100"], capture_output=True, text=True, cwd=bench_dir)
    if p.returncode != 0:
        sys.exit(p.stderr[-2000:])
    r = json.loads(p.stdout.strip().splitlines()[-1])
    t_inproc = r["t_build"] + r["t_solve"] + r["t_U_erg_conc_coh"]
    d = os.path.join(tmp, "chain%d" % N)
    t_b, _ = timed([qb, "simulate", "--cells", str(N), "--graph", "linear", "--state", "quantum", "--coupling", "2",
                    "--gamma-icl", "0.5", "--t-max", "5", "--dt", "0.05", "--out", d], env=env)
    _, U, E = read_series(os.path.join(d, "timeseries.csv"))
    return ("chain N=%d, 100 times, all measures (QuTiP in-process, QBattery whole process)" % N, t_inproc, t_b,
            abs(U[-1] - r["U_end"]), abs(E[-1] - r["E_end"]))


# --repeat K: the paper workload and the N = 8 chain K times, the two tools alternating, so that the
# machine's drift (+-10-30% within an hour) shows as a range instead of deciding a single ratio.
reps = []
for k in range(args.repeat):
    paper_rows, d_parts = paper_once()
    reps.append(paper_rows + [chain_case(8)])
rows = []
for i in range(len(reps[0])):
    name, _, _, du, de = reps[0][i]
    tq = statistics.median(r[i][1] for r in reps)
    tb = statistics.median(r[i][2] for r in reps)
    ratios = [r[i][1] / r[i][2] for r in reps]
    rows.append((name, tq, tb, max(r[i][3] for r in reps), max(r[i][4] for r in reps), (min(ratios), max(ratios))))
if args.big:
    rows.append(chain_case(10) + (None,))
if args.sweep8:
    # How a researcher iterates at N = 8: several runs in one process on both sides (the whole-process
    # standard of the paper workload), so the JVM's start is paid once, as Python's import is.
    t_q, out = timed(["/usr/bin/python3", os.path.join(os.path.dirname(__file__), "sweep_workload.py"), bench_dir,
                      "8", "0.05", "0.5", "10"])
    q = json.loads(out.strip().splitlines()[-1])["points"]
    d = os.path.join(tmp, "sweep8")
    t_b, _ = timed([qb, "sweep", "--vary", "gamma-icl=0.05:0.5:10", "--cells", "8", "--graph", "linear", "--state", "quantum",
                    "--coupling", "2", "--t-max", "5", "--dt", "0.05", "--curves", "--out", d], env=env)
    with open(os.path.join(d, "sweep.csv")) as f:
        ours = list(csv.DictReader(f))
    if [round(float(r["gamma_icl"]), 12) for r in ours] != [round(p["gamma_icl"], 12) for p in q]:
        sys.exit("sweep8: the two sides ran different points")
    rows.append(("chain N=8, 10 runs (gamma_icl 0.05 to 0.5), 101 times, all measures, one process each side "
                 "(QuTiP script incl. import; `qbattery sweep --curves` incl. JVM start)", t_q, t_b,
                 max(abs(float(r["energy_final"]) - p["U_end"]) for r, p in zip(ours, q)),
                 max(abs(float(r["ergotropy_final"]) - p["E_end"]) for r, p in zip(ours, q)), None))
if args.n12:
    # Gamma_icl = 0.5 makes the star unphysical beyond N = 5, so the star and complete graph use 0.05.
    for g, gicl in (("circular", "0.5"), ("linear", "0.5"), ("central", "0.05"), ("symmetric", "0.05")):
        d = os.path.join(tmp, "n12" + g)
        t_b, _ = timed([qb, "simulate", "--cells", "12", "--graph", g, "--state", "quantum", "--coupling", "2",
                        "--gamma-icl", gicl, "--t-max", "5", "--dt", "0.1", "--out", d], env=env)
        rows.append(("%s N=12 (gamma_icl %s), 51 times, all measures (QBattery only, whole process)" % (g, gicl),
                     float("nan"), t_b, float("nan"), float("nan"), None))
if args.symmetric:
    # Beyond ~12 cells a QuTiP user takes PIQS (qutip.piqs): the Dicke basis, in-process time (Liouvillian,
    # mesolve, U and the ergotropy from its blocks) against our whole process.
    for n in (20, 30):
        p = subprocess.run(["/usr/bin/python3", os.path.join(os.path.dirname(__file__), "piqs_case.py"), str(n)],
                           capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(p.stderr[-2000:])
        r = json.loads(p.stdout.strip().splitlines()[-1])
        d = os.path.join(tmp, "sym%d" % n)
        t_b, _ = timed([qb, "simulate", "--cells", str(n), "--graph", "symmetric", "--state", "quantum", "--coupling", "2",
                        "--gamma-icl", "0.5", "--t-max", "5", "--dt", "0.1", "--out", d], env=env)
        _, U, E = read_series(os.path.join(d, "timeseries.csv"))
        rows.append(("complete graph N=%d, 51 times (QuTiP: PIQS in-process, U and E only; QBattery whole process, all measures)" % n,
                     r["t_build"] + r["t_solve"] + r["t_measure"], t_b,
                     max(abs(a - b) for a, b in zip(U, r["U"])), max(abs(a - b) for a, b in zip(E, r["E"])), None))
    d = os.path.join(tmp, "sym50")
    t_b, _ = timed([qb, "simulate", "--cells", "50", "--graph", "symmetric", "--state", "quantum", "--coupling", "2",
                    "--gamma-icl", "0.5", "--t-max", "5", "--dt", "0.1", "--out", d], env=env)
    rows.append(("complete graph N=50, 51 times, all measures (QBattery only, whole process)",
                 float("nan"), t_b, float("nan"), float("nan"), None))
    # The star: hub times permutation-invariant leaves (Gamma_icl = 0.05 keeps G positive up to N = 401).
    d = os.path.join(tmp, "star40")
    t_b, _ = timed([qb, "simulate", "--cells", "40", "--graph", "central", "--state", "quantum", "--coupling", "2",
                    "--gamma-icl", "0.05", "--t-max", "5", "--dt", "0.1", "--out", d], env=env)
    rows.append(("star N=40 (gamma_icl 0.05), 51 times, all measures (QBattery only, whole process)",
                 float("nan"), t_b, float("nan"), float("nan"), None))

if args.repeat > 1:
    print("Medians of %d repetitions (the two tools alternating); the last column gives the range of the "
          "per-repetition ratios." % args.repeat)
print("| workload | QuTiP 4.7 (s) | QBattery (s) | QuTiP/QBattery | max abs dU | max abs dE |%s" % (" ratio range |" if args.repeat > 1 else ""))
print("|---|---|---|---|---|---|%s" % ("---|" if args.repeat > 1 else ""))
for name, tq, tb, du, de, rng in rows:
    extra = (" %.2f-%.2f |" % rng if rng else " |") if args.repeat > 1 else ""  # two decimals: is the lowest ratio above a target?
    print("| %s | %.2f | %.2f | %.1f | %.1e | %.1e |%s" % (name, tq, tb, tq / tb if tq == tq else float("nan"), du, de, extra))
print("N = 5 chain, quantum state (figure 'coherent ergotropy'): max abs difference of the incoherent ergotropy %.1e, "
      "of the summed local ergotropies %.1e" % tuple(d_parts))
