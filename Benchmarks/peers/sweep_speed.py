"""Side-by-side sweep times: `fairflip sweep` (rb-prob and random) and the same sweep in scikit-learn.

fairflip runs

    fairflip sweep SPEC --budgets B --methods rb-prob,random --seeds N --jobs 1 --quiet --no-report --out TMP

and is timed as a whole process (start, loading, every cell, writing results.csv). The same grid is
then run in Python, timed as a whole too (loading and encoding included), mirroring fairflip's work
cell by cell:

* per seed (fairflip's ContextCache builds one planning context per (alpha, seed)): load and encode
  the instance (fairflip_reference.py), draw the collective and fit the base model. Without
  --alphas a fraction collective keeps the spec's alpha but is drawn with the *sweep* seed
  (Sweep.alphaList gives [spec alpha], ContextCache sets `.fraction(alpha, seed)`); a membership
  column collective is used as it is. Candidates: members whose label the direction allows.
* budget 0: the base model, no planner (as CellRunner).
* random: SplitMix64(seed).shuffled(candidates)[:k] (RandomPlanner; the planner seed is the sweep seed).
* rb-prob (RBProbPlanner): a logistic regression fitted on the majority's training rows, once per
  cell as fairflip does, evaluated at the candidates' counterfactual features (the sensitive
  one-hot columns set to the majority value with the most majority training rows); score = the
  probability of the new label; the top k flip, ties to the lower row index.
* retrain on the flipped labels; audit train and test against the true labels: eqodds
  0.5(|dTPR| + |dFPR|) minority minus majority, and the error rate over every row.

Every fit is scikit-learn's LogisticRegression(solver="newton-cholesky", tol=1e-10, C from the spec)
with fit_intercept=True on the encoded matrix without fairflip's constant column: fairflip's objective.

Then fairflip's results.csv is compared cell by cell with the Python figures (flips, candidates,
train/test eqodds and error, to 1e-9); the script exits 1 on any disagreement.

Usage: python3 Benchmarks/peers/sweep_speed.py [--fairflip .build/release/fairflip] [--instance compas]
       [--budgets 0:200:20] [--seeds 3] [--keep DIR]
"""
from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import fairflip_reference  # noqa: E402
from fairflip_reference import SplitMix64  # noqa: E402

TOL = 1e-10
AGREE = 1e-9
METHODS = ["rb-prob", "random"]
FIGURES = ["train_eqodds", "test_eqodds", "train_error", "test_error"]


def parse_budgets(text: str) -> list[int]:
    """BudgetList.swift: `start:stop:step` (stop included), `start:stop`, `k`, comma-separated; sorted, unique."""
    out = set()
    for item in text.split(","):
        parts = [int(p) for p in item.strip().split(":")]
        if len(parts) == 1:
            out.add(parts[0])
        else:
            start, stop = parts[0], parts[1]
            step = parts[2] if len(parts) == 3 else 1
            out.update(range(start, stop + 1, step))
    return sorted(out)


def fit(X, y, C):
    model = LogisticRegression(solver="newton-cholesky", C=C, tol=TOL, max_iter=1000, fit_intercept=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(X, y)
    return model


def rate(a, b):
    return a / b if b else math.nan


def audit(model, X, y, g):
    """FairnessAudit: gaps minority minus majority on the true labels; error over every row."""
    pred = model.decision_function(X) > 0  # FittedModel.predictions: score > 0
    truth = y > 0.5

    def rates(mask):
        t, p = truth[mask], pred[mask]
        pos = int(t.sum())
        neg = int(mask.sum()) - pos
        return rate(int((t & p).sum()), pos), rate(int((~t & p).sum()), neg)

    tpr_min, fpr_min = rates(g == "minority")
    tpr_maj, fpr_maj = rates(g == "majority")
    eqodds = 0.5 * (abs(tpr_min - tpr_maj) + abs(fpr_min - fpr_maj))
    error = rate(int((truth != pred).sum()), len(truth))
    return eqodds, error


class Context:
    """PlanningContext for one seed: the encoded instance, the collective drawn with the seed, the base model."""

    def __init__(self, spec_path, spec, seed):
        start = time.perf_counter()
        enc = fairflip_reference.load(spec_path)
        self.load_seconds = time.perf_counter() - start
        self.enc = enc
        self.X = enc.X_train[:, :-1]
        self.X_test = enc.X_test[:, :-1]
        coll = spec.get("collective", {})
        if "membership_column" in coll:
            collective = enc.collective
        else:
            minority = [i for i in range(len(enc.y_train)) if enc.g_train[i] == "minority"]
            size = max(1, int(math.floor(coll.get("alpha", 1.0) * len(minority) + 0.5)))
            collective = sorted(SplitMix64(seed).shuffled(minority)[:size])
        direction = coll.get("direction", "up")
        allows = {"up": lambda y: y < 0.5, "down": lambda y: y >= 0.5, "both": lambda y: True}[direction]
        self.candidates = [i for i in collective if allows(enc.y_train[i])]
        self.seed = seed
        self.base = fit(self.X, enc.y_train, enc.C)

        # RBProbPlanner.counterfactualColumn: the majority value's one-hot column most majority rows have.
        sens = spec["sensitive"]
        majority_values = {str(v) for v in sens["majority"]}
        prefix = sens["column"] + "="
        self.sensitive_columns = [j for j, n in enumerate(enc.feature_names) if n.startswith(prefix)]
        maj_rows = enc.g_train == "majority"
        best = None
        for j in self.sensitive_columns:
            if enc.feature_names[j][len(prefix):] in majority_values:
                count = int((enc.X_train[maj_rows, j] == 1).sum())
                if best is None or count > best[1]:
                    best = (j, count)
        self.counterfactual = None if best is None else best[0]

    def random_plan(self, k):
        return SplitMix64(self.seed).shuffled(self.candidates)[:min(k, len(self.candidates))]

    def rb_prob_scores(self):
        enc = self.enc
        rows = np.flatnonzero(enc.g_train == "majority")
        model = fit(self.X[rows], enc.y_train[rows], enc.C)
        x = self.X[self.candidates].copy()
        if self.counterfactual is not None:
            for j in self.sensitive_columns:
                x[:, j] = 1.0 if j == self.counterfactual else 0.0
        p = model.predict_proba(x)[:, 1]
        targets = 1 - enc.y_train[self.candidates]
        return np.where(targets == 1, p, 1 - p)

    def rb_prob_plan(self, k):
        scores = self.rb_prob_scores()
        scores = np.where(np.isnan(scores), -np.inf, scores)
        order = np.argsort(-scores, kind="stable")  # candidates ascending: ties to the lower row
        return [self.candidates[i] for i in order[:min(k, len(self.candidates))]]

    def evaluate(self, model):
        enc = self.enc
        tr = audit(model, self.X, enc.y_train, enc.g_train)
        te = audit(model, self.X_test, enc.y_test, enc.g_test)
        return {"train_eqodds": tr[0], "train_error": tr[1], "test_eqodds": te[0], "test_error": te[1]}

    def cell(self, method, k):
        if k == 0:
            flips = []
            model = self.base
        else:
            flips = self.random_plan(k) if method == "random" else self.rb_prob_plan(k)
            y = self.enc.y_train.copy()
            y[flips] = 1 - y[flips]
            model = fit(self.X, y, self.enc.C)
        return {"flips": len(flips), "candidates": len(self.candidates), **self.evaluate(model),
                "plan": sorted(flips)}


def python_sweep(spec_path, spec, seeds, budgets):
    """Every cell's figures, keyed (method, seed, budget), and the seconds spent loading and encoding."""
    rows, load_seconds = {}, 0.0
    for seed in seeds:
        ctx = Context(spec_path, spec, seed)
        load_seconds += ctx.load_seconds
        for method in METHODS:
            for k in budgets:
                rows[(method, seed, k)] = ctx.cell(method, k)
    return rows, load_seconds


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fairflip", default=".build/release/fairflip", help="the fairflip binary (a release build)")
    ap.add_argument("--instance", default="compas", help="instance name (instances/NAME.toml) or a spec path")
    ap.add_argument("--budgets", default="0:200:20")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--keep", help="write fairflip's results here instead of a temporary folder")
    args = ap.parse_args()
    binary = os.path.abspath(args.fairflip)
    spec_rel = args.instance if args.instance.endswith(".toml") else os.path.join("instances", f"{args.instance}.toml")
    spec_path = os.path.join(ROOT, spec_rel)
    with open(spec_path, "rb") as f:
        spec = tomllib.load(f)
    budgets = parse_budgets(args.budgets)
    seeds = list(range(args.seeds))

    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, pandas {pd.__version__}; tol {TOL}; "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    for var in ("OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
        print(f"{var}={os.environ.get(var, '(unset)')}")

    out = args.keep or tempfile.mkdtemp(prefix="fairflip-sweep-")
    if args.keep and os.path.exists(os.path.join(out, "results.csv")):
        os.remove(os.path.join(out, "results.csv"))  # a resumed sweep would compute nothing
    command = [binary, "sweep", spec_rel, "--budgets", args.budgets, "--methods", ",".join(METHODS),
               "--seeds", str(args.seeds), "--jobs", "1", "--quiet", "--no-report", "--out", out]
    print("$ " + " ".join(command))
    try:
        start = time.perf_counter()
        subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        ff_seconds = time.perf_counter() - start
        ff = pd.read_csv(os.path.join(out, "results.csv"))
    finally:
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)

    start = time.perf_counter()
    py, py_load = python_sweep(spec_path, spec, seeds, budgets)
    py_seconds = time.perf_counter() - start

    name = spec.get("name", os.path.basename(spec_path))
    ff = ff[ff.instance == name]
    problems, max_diff, compared = [], {c: 0.0 for c in FIGURES}, 0
    for (method, seed, k), mine in py.items():
        sel = ff[(ff.method == method) & (ff.seed == seed) & (ff.budget == k)]
        if len(sel) != 1:
            problems.append(f"{method} seed {seed} k={k}: {len(sel)} fairflip rows")
            continue
        theirs = sel.iloc[0]
        compared += 1
        bad = []
        if theirs.status != "ok":
            bad.append(f"status {theirs.status}")
        for c in ("flips", "candidates"):
            if int(theirs[c]) != mine[c]:
                bad.append(f"{c}: fairflip {int(theirs[c])}, python {mine[c]}")
        for c in FIGURES:
            a, b = float(theirs[c]), mine[c]
            if math.isnan(a) and math.isnan(b):
                continue
            d = abs(a - b) if not (math.isnan(a) or math.isnan(b)) else math.inf
            max_diff[c] = max(max_diff[c], d)
            if not d <= AGREE:
                bad.append(f"{c}: fairflip {a!r}, python {b!r}")
        if bad:
            problems.append(f"{method} seed {seed} k={k}: " + "; ".join(bad)
                            + f"\n      python plan: {mine['plan']}")
    expected = len(seeds) * len(METHODS) * len(budgets)
    if len(ff) != expected:
        problems.append(f"fairflip wrote {len(ff)} rows for {name}, expected {expected}")

    print()
    print(f"instance {name}: seeds {seeds}, budgets {budgets}, methods {', '.join(METHODS)}; "
          f"{expected} cells, {py[(METHODS[0], seeds[0], budgets[0])]['candidates']} candidates")
    print(f"fairflip sweep (whole process, --jobs 1): {ff_seconds:8.3f} s")
    print(f"python/scikit-learn sweep (loading included): {py_seconds:8.3f} s "
          f"(of which loading and encoding {py_load:.3f} s)")
    print(f"ratio python / fairflip: {py_seconds / ff_seconds:.2f}")
    print(f"cells compared: {compared}; max |difference|: "
          + ", ".join(f"{c} {max_diff[c]:.3g}" for c in FIGURES) + "; flips and candidates compared exactly")
    if problems:
        print("\nDISAGREEMENT:\n  " + "\n  ".join(problems))
        sys.exit(1)
    print(f"all cells agree (to {AGREE:g})")


if __name__ == "__main__":
    main()
