#!/usr/bin/env python3
"""MIP against exhaustive search on instances small enough to enumerate (issue 9).

Builds seeded small instances in a temporary folder -- the toy instance with a small collective
(several collective seeds), and row subsamples of german and compas with a small collective --
runs `fairflip plan --method mip` and `--method exhaustive` on each at a small budget, and prints
the retrained training metric of both plans side by side, the exhaustive optimum being the
reference. Summary: how often the MIP's retrained plan equals the optimum, and the worst excess.

    Benchmarks/planners/mip_vs_exhaustive.py                 # release binary, exact judge (--accept-tau 0)
    Benchmarks/planners/mip_vs_exhaustive.py --mip-args "--accept-tau 0 --rounds 0 --no-gradient-start"

The exhaustive optimum is the exact training metric's, so the MIP is run with `--accept-tau 0`
(its default judge is the smoothed metric, which may prefer another plan on purpose).

Standard library only. The subsamples are drawn with Python's `random.Random(seed)`, so the
instances (and the table) are the same on every run.
"""
import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.join(ROOT, ".build", "release", "fairflip")


def spec_with(spec_path, data_file, alpha, seed):
    """The spec text of `spec_path` with another data file and collective (alpha, seed)."""
    out = []
    section = None
    for line in open(spec_path):
        stripped = line.strip()
        if stripped.startswith("["):
            section = stripped
        if section == "[data]" and stripped.startswith("file"):
            line = 'file = "%s"\n' % data_file
        elif section == "[collective]" and stripped.startswith("alpha"):
            line = "alpha = %s\n" % alpha
        elif section == "[collective]" and stripped.startswith("seed"):
            line = "seed = %d\n" % seed
        out.append(line)
    return "".join(out)


def subsample(src, dst, rows, seed):
    """Writes `rows` data rows of `src` drawn with `seed` (in file order) to `dst`."""
    with open(src, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        data = list(reader)
    keep = sorted(random.Random(seed).sample(range(len(data)), rows))
    with open(dst, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        for i in keep:
            w.writerow(data[i])


def instances(folder):
    """(name, spec path, budget) of every benchmark case."""
    cases = []
    toy = os.path.join(ROOT, "instances", "toy.toml")
    toy_data = os.path.join(ROOT, "instances", "data", "toy.csv")
    for seed in range(1, 7):
        path = os.path.join(folder, "toy-s%d.toml" % seed)
        open(path, "w").write(spec_with(toy, toy_data, 0.2, seed))
        for k in (2, 3):
            cases.append(("toy a=0.2 s=%d" % seed, path, k))
    for name, csv_name, rows, alpha in (("german", "german/german.csv", 250, 0.5),
                                         ("compas", "compas/compas-scores-two-years.csv", 400, 0.12)):
        for seed in range(1, 6):
            data = os.path.join(folder, "%s-%d.csv" % (name, seed))
            subsample(os.path.join(ROOT, "instances", "data", csv_name), data, rows, seed)
            path = os.path.join(folder, "%s-%d.toml" % (name, seed))
            open(path, "w").write(spec_with(os.path.join(ROOT, "instances", name + ".toml"), data, alpha, seed))
            cases.append(("%s n=%d a=%s s=%d" % (name, rows, alpha, seed), path, 3))
    return cases


def plan(spec, method, k, extra):
    cmd = [BIN, "plan", spec, "--method", method, "--budget", str(k), "--json", "--quiet"] + extra
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("%s: %s" % (" ".join(cmd), r.stderr.strip()[:300]))
    return json.loads(r.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mip-args", default="--accept-tau 0", help="options of the MIP plan (default: '--accept-tau 0')")
    ap.add_argument("--max-candidates", type=int, default=20, help="skip instances with more candidates")
    args = ap.parse_args()
    if not os.path.exists(BIN):
        sys.exit("build the release binary first: swift build -c release --product fairflip")
    extra = args.mip_args.split()
    print("MIP (%s) vs exhaustive, retrained training metric (eqodds)" % (" ".join(["fairflip plan"] + extra)))
    print("%-26s %3s %4s %10s %10s %10s %8s %s" % ("instance", "k", "m", "no flips", "exhaustive", "mip", "excess", "verdict"))
    equal = within = total = 0
    worst = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for name, spec, k in instances(folder):
            ex = plan(spec, "exhaustive", k, [])
            m = ex["candidates"]
            if m > args.max_candidates or m < k:
                print("%-26s %3d %4d skipped (candidates)" % (name, k, m))
                continue
            mip = plan(spec, "mip", k, extra)
            base = ex["before"]["train"]["gaps"][ex["metric"]]
            e, v = ex["retrained"], mip["retrained"]
            excess = (v - e) / e if e > 1e-12 else (0.0 if v <= 1e-12 else float("inf"))
            total += 1
            if v <= e + 1e-9:
                equal += 1
                verdict = "optimal"
            elif excess <= 0.05:
                within += 1
                verdict = "within 5%"
            else:
                verdict = "above"
            worst = max(worst, excess)
            print("%-26s %3d %4d %10.5f %10.5f %10.5f %7.2f%% %s" % (name, k, m, base, e, v, 100 * max(0, excess), verdict))
    print("\n%d cases: MIP retrained plan equals the exhaustive optimum in %d (%.0f%%), within 5%% in %d more; "
          "worst excess %.2f%%" % (total, equal, 100.0 * equal / max(1, total), within, 100 * worst))


if __name__ == "__main__":
    main()
