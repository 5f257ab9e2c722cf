"""Side-by-side fit times: scikit-learn (newton-cholesky, lbfgs) and fairflip, in one run.

Every fit is of the same model (fairflip's objective: L2-penalised logistic regression, C from the
spec, unpenalised intercept) on the same encoded training matrix, which fairflip_reference.py
builds from the spec alone. scikit-learn is timed in-process on `fit` only; fairflip is timed by
running `fairflip audit SPEC --json --timings --quiet`, whose `timing.fitSeconds` covers
`LogisticRegression.fit` only (the load, encoding and process start are reported separately).
Each time is the best (and median) of --repeats runs.

Agreement is checked too: scikit-learn's fresh newton-cholesky fit against the committed fixture
(Tests/Fixtures/<name>.json, which the Swift tests compare fairflip with to 1e-6), and fairflip's
intercept and train/test error rates against that fit.

Usage: python3 Benchmarks/peers/fit_speed.py --fairflip .build/release/fairflip [--repeats 7]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import fairflip_reference  # noqa: E402

TOL = 1e-10


def time_sklearn(solver, X, y, C, repeats):
    times, model = [], None
    for _ in range(repeats):
        model = LogisticRegression(solver=solver, C=C, tol=TOL, max_iter=1000, fit_intercept=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            start = time.perf_counter()
            model.fit(X, y)
            times.append(time.perf_counter() - start)
    return times, model


def time_fairflip(binary, spec, repeats):
    fits, loads, walls, report = [], [], [], None
    for _ in range(repeats):
        start = time.perf_counter()
        out = subprocess.run([binary, "audit", spec, "--json", "--timings", "--quiet"],
                             check=True, capture_output=True, text=True, cwd=ROOT).stdout
        walls.append(time.perf_counter() - start)
        report = json.loads(out)
        fits.append(report["timing"]["fitSeconds"])
        loads.append(report["timing"]["loadSeconds"])
    return fits, loads, walls, report


def error_rate(model, X, y):
    return float(np.mean(model.predict(X) != y.astype(bool)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fairflip", required=True, help="path to the fairflip binary (a release build)")
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("instances", nargs="*", default=["adult", "compas"])
    args = ap.parse_args()
    binary = os.path.abspath(args.fairflip)

    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}; tol {TOL}; best (median) of {args.repeats}; "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    for var in ("OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
        print(f"{var}={os.environ.get(var, '(unset)')}")
    rows, problems = [], []
    for name in args.instances:
        spec = os.path.join("instances", f"{name}.toml")
        enc = fairflip_reference.load(os.path.join(ROOT, spec))
        X, y = enc.X_train[:, :-1], enc.y_train
        nc_times, nc = time_sklearn("newton-cholesky", X, y, enc.C, args.repeats)
        lb_times, lb = time_sklearn("lbfgs", X, y, enc.C, args.repeats)
        ff_fit, ff_load, ff_wall, report = time_fairflip(binary, spec, args.repeats)

        theta_nc = np.concatenate([nc.coef_[0], nc.intercept_])
        theta_lb = np.concatenate([lb.coef_[0], lb.intercept_])
        checks = {"lbfgs vs newton-cholesky": float(np.max(np.abs(theta_lb - theta_nc))),
                  "fairflip intercept vs newton-cholesky": abs(report["model"]["intercept"] - nc.intercept_[0])}
        fixture_path = os.path.join(ROOT, "Tests", "Fixtures", f"{name}.json")
        if os.path.exists(fixture_path):
            with open(fixture_path) as f:
                fx = json.load(f)["model"]
            theta_fx = np.array(fx["coefficients"] + [fx["intercept"]])
            checks["newton-cholesky vs fixture"] = float(np.max(np.abs(theta_nc - theta_fx)))
        for split, Xs, ys in (("train", X, y), ("test", enc.X_test[:, :-1], enc.y_test)):
            checks[f"fairflip {split} error rate vs sklearn"] = abs(report[split]["errorRate"] - error_rate(nc, Xs, ys))
        for what, value in checks.items():
            if what.startswith("lbfgs"):
                continue  # informational: lbfgs' stopping rule is not newton-cholesky's
            limit = 1e-12 if "error rate" in what else 1e-6
            if not value <= limit:
                problems.append(f"{name}: {what} = {value:.3g} > {limit:g}")

        best = lambda t: min(t)  # noqa: E731
        rows.append({
            "name": name, "shape": f"{X.shape[0]}x{X.shape[1] + 1}",
            "nc": best(nc_times), "nc_med": statistics.median(nc_times), "nc_iter": int(nc.n_iter_[0]),
            "lb": best(lb_times), "lb_med": statistics.median(lb_times), "lb_iter": int(lb.n_iter_[0]),
            "ff": best(ff_fit), "ff_med": statistics.median(ff_fit), "ff_iter": report["model"]["iterations"],
            "ff_load": best(ff_load), "ff_wall": best(ff_wall), "checks": checks,
        })

    print()
    header = (f"{'dataset':<8} {'rows x features':>15} {'sklearn-nc s':>18} {'sklearn-lbfgs s':>18} "
              f"{'fairflip fit s':>18} {'nc/fairflip':>11} {'lbfgs/fairflip':>14}")
    print(header)
    print("-" * len(header))
    for r in rows:
        print(f"{r['name']:<8} {r['shape']:>15} {r['nc']:>9.4f} ({r['nc_med']:.4f}) {r['lb']:>9.4f} ({r['lb_med']:.4f}) "
              f"{r['ff']:>9.4f} ({r['ff_med']:.4f}) {r['nc'] / r['ff']:>11.2f} {r['lb'] / r['ff']:>14.2f}")
    print()
    for r in rows:
        print(f"{r['name']}: iterations nc {r['nc_iter']}, lbfgs {r['lb_iter']}, fairflip {r['ff_iter']}; "
              f"fairflip load {r['ff_load']:.4f} s, whole `audit` process {r['ff_wall']:.4f} s")
        for what, value in r["checks"].items():
            print(f"  {what}: {value:.3g}")
    if problems:
        print("\nDISAGREEMENT:\n  " + "\n  ".join(problems))
        sys.exit(1)
    print("\nall agreement checks passed")


if __name__ == "__main__":
    main()
