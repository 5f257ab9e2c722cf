#!/usr/bin/env python3
"""What one more family of valid inequalities would do for the hard MIP's LP bound (issue 9).

For a prediction class j with shifted score s_j <= 0 to turn favourable, the flips must raise its
score past |s_j|; only flips with a positive effect a_ji = x_j . u_i help, so

    v_j <= sum_i min(1, a_ji^+ / (|s_j| + eps)) n_i          (n_i: flips of candidate class i)

and symmetrically 1 - v_j <= sum_i min(1, a_ji^- / s_j) n_i for s_j > 0. Both hold for every plan
(a class whose members flip n_i >= 1 times contributes at least its coefficient), so they are valid
for the linear model, and unlike the big-M links (which only see the total score change) they
credit a class with a prediction change only in proportion to the push its flips give it. They are
dense (one entry per candidate class with an effect), so this script measures them before anyone
adds them: it exports the model (`fairflip export-mps`), solves the LP relaxation with HiGHS, then
adds the violated inequalities and re-solves, a few rounds, and prints the LP bound before and
after with the rows and nonzeros it took, and how the plain LP's solution looks (the flips it
uses, how many flip columns are fractional, how many prediction binaries are). LP bounds are deterministic (no timing).

    python3 Benchmarks/planners/reach_cuts.py --fairflip .build/release/fairflip compas:10 compas:50 compas:100

Needs highspy, numpy and scipy (Benchmarks/peers/requirements.txt).
"""
import argparse
import os
import subprocess
import sys
import tempfile

import highspy
import numpy as np
from scipy.sparse import csc_matrix

EPS = 1e-5


def relaxation(lp, extra):
    """The LP relaxation's value and solution, with extra rows (indices, values, upper)."""
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.passModel(lp)
    n = lp.num_col_
    h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), np.zeros(n, dtype=np.uint8))
    for idx, val, upper in extra:
        h.addRow(-highspy.kHighsInf, upper, len(idx), np.array(idx, dtype=np.int32), np.array(val))
    h.run()
    return h.getInfo().objective_function_value, np.array(h.getSolution().col_value)


def measure(path, rounds):
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.readModel(path)
    lp = h.getLp()
    a = csc_matrix((lp.a_matrix_.value_, lp.a_matrix_.index_, lp.a_matrix_.start_),
                   shape=(lp.num_row_, lp.num_col_)).tocsr()
    cols, rows = lp.col_names_, {r: i for i, r in enumerate(lp.row_names_)}
    flip = [i for i, c in enumerate(cols) if c.startswith("flip_")]
    dtheta = [i for i, c in enumerate(cols) if c.startswith("dtheta_")]
    pred = [i for i, c in enumerate(cols) if c.startswith("pred_")]
    # dtheta_def_k: dtheta_k - sum_i u_ki n_i = const; score_hi_j: x_j . dtheta - M v_j <= -s_j - delta_j.
    u = -a[[rows["dtheta_def_%d" % k] for k in range(len(dtheta))]][:, flip].toarray()
    hi = [rows["score_hi_" + cols[p][len("pred_"):]] for p in pred]
    x = a[hi][:, dtheta].toarray()
    s = -np.array(lp.row_upper_)[hi]  # -(rhs) = s_j + delta_j, delta_j ~ 1e-6 s_j: immaterial here
    effects = x @ u

    def inequality(c):
        if s[c] <= 0:
            coef = np.minimum(1, np.maximum(effects[c], 0) / (abs(s[c]) + EPS))
            head, upper = 1.0, 0.0
        else:
            coef = np.minimum(1, np.maximum(-effects[c], 0) / s[c])
            head, upper = -1.0, -1.0
        nz = np.nonzero(coef > 1e-12)[0]
        return [pred[c]] + [flip[i] for i in nz], [head] + list(-coef[nz]), upper

    base, sol = relaxation(lp, [])
    frac = lambda v: np.abs(v - np.round(v)) > 1e-6
    flips_used, flips_fractional = float(sol[flip].sum()), int(frac(sol[flip]).sum())
    pred_fractional = int(frac(sol[pred]).sum())
    chosen, value = [], base
    for _ in range(rounds):
        fresh = []
        for c in range(len(pred)):
            if c in chosen:
                continue
            idx, val, upper = inequality(c)
            if float(np.dot(val, sol[idx])) > upper + 1e-7:
                fresh.append(c)
        if not fresh:
            break
        chosen += fresh
        value, sol = relaxation(lp, [inequality(c) for c in chosen])
    nonzeros = sum(len(inequality(c)[0]) for c in chosen)
    return dict(classes=len(pred), flips=len(flip), nnz=lp.a_matrix_.start_[-1], base=base, value=value,
                rows=len(chosen), added=nonzeros, used=flips_used, ffrac=flips_fractional, vfrac=pred_fractional)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fairflip", default=".build/release/fairflip")
    ap.add_argument("--rounds", type=int, default=5, help="separation rounds (default 5)")
    ap.add_argument("cases", nargs="*", default=["compas:10", "compas:50", "compas:100"], help="instance:budget")
    args = ap.parse_args()
    print("%-8s %5s %8s %6s %9s %10s %13s %13s %10s %6s %9s" % (
        "instance", "k", "classes", "flips", "nonzeros", "LP bound", "LP flips/frac", "LP frac pred",
        "with cuts", "rows", "added nz"))
    with tempfile.TemporaryDirectory() as tmp:
        for case in args.cases:
            name, k = case.split(":")
            mps = os.path.join(tmp, "%s-%s.mps" % (name, k))
            subprocess.run([args.fairflip, "export-mps", "instances/%s.toml" % name, "--budget", k, "--quiet",
                            "--output", mps], check=True)
            r = measure(mps, args.rounds)
            print("%-8s %5s %8d %6d %9d %10.4f %13s %13s %10.4f %6d %9d" % (
                name, k, r["classes"], r["flips"], r["nnz"], r["base"], "%.1f/%d" % (r["used"], r["ffrac"]),
                "%d/%d" % (r["vfrac"], r["classes"]), r["value"], r["rows"], r["added"]))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
