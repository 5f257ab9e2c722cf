"""Writes the scikit-learn / fairlearn reference fixtures the Swift tests check fairflip against.

For each bundled instance (toy, compas, german, adult) the data are read and encoded by
fairflip_reference.py (an independent Python reading of the spec), the firm's model is fitted
with scikit-learn's `LogisticRegression(solver="newton-cholesky")`, and fairness metrics are
computed with fairlearn. One more fixture, `synthetic_soft.json`, holds a small seeded data set
with soft labels and sample weights, written out in full.

fairflip's objective is `C * sum_i w_i logloss_i + 0.5 * |coef|^2` with an unpenalised intercept
that pairs with the last encoded column (the constant 1). scikit-learn with `fit_intercept=True`
on the matrix without that column minimises exactly this objective, so that is how we fit.

scikit-learn takes no soft labels: a row with soft label y and weight w contributes
`w * (y * loss(1) + (1 - y) * loss(0))`, the same as two hard rows of weights `w * y` (label 1)
and `w * (1 - y)` (label 0), so the soft reference is fitted on the rows duplicated that way.

Floats are written in full precision (Python's repr); NaN is written as null.
Usage: python3 Benchmarks/peers/make_fixtures.py [--out Tests/Fixtures] [instance ...]
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import warnings

import numpy as np
import sklearn
import fairlearn
from fairlearn.metrics import (
    MetricFrame,
    demographic_parity_difference,
    equal_opportunity_difference,
    equalized_odds_difference,
    false_positive_rate,
    selection_rate,
    true_positive_rate,
)
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import fairflip_reference  # noqa: E402

INSTANCES = ["toy", "compas", "german", "adult"]
TOL = 1e-10
MAX_ITER = 1000
N_PROBABILITIES = 20
# Rows whose sklearn decision score is this close to 0 may be predicted differently by a model
# that agrees to 1e-6; the fixture lists them so tests can tell such rows from real disagreement.
BORDERLINE = 1e-5


def clean(x):
    """Plain Python floats/ints/lists, NaN -> None, for json."""
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    if isinstance(x, np.ndarray):
        return [clean(v) for v in x.tolist()]
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        x = float(x)
        return None if math.isnan(x) else x
    return x


def fit_sklearn(X, y, C, sample_weight=None):
    """fairflip's objective: intercept from the last (constant) column, unpenalised."""
    assert np.all(X[:, -1] == 1.0), "the last encoded column must be the constant 1"
    model = LogisticRegression(solver="newton-cholesky", C=C, tol=TOL, max_iter=MAX_ITER, fit_intercept=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        model.fit(X[:, :-1], y, sample_weight=sample_weight)
    return model


def objective(theta, X, y, w, C):
    s = X @ theta
    loss = np.logaddexp(0.0, s) - y * s
    return float(C * np.sum(w * loss) + 0.5 * np.sum(theta[:-1] ** 2))


def scaled_gradient(theta, X, y, w, C):
    s = X @ theta
    p = 0.5 * (1 + np.tanh(0.5 * s))
    g = C * (X.T @ (w * (p - y)))
    g[:-1] += theta[:-1]
    return float(np.max(np.abs(g)) / (C * np.sum(w)))


def fingerprint(X, y, g):
    n = X.shape[0]
    order = (np.arange(n) % 7 + 1).astype(float)  # catches row-order differences
    return {
        "rows": n,
        "columns": X.shape[1],
        "column_sums": X.sum(axis=0),
        "column_sums_of_squares": (X * X).sum(axis=0),
        "column_abs_sums": np.abs(X).sum(axis=0),
        "column_order_sums": order @ X,
        "label_sum": float(y.sum()),
        "group_counts": {k: int(np.sum(g == k)) for k in ("minority", "majority", "other")},
    }


def confusion(y, pred):
    y = y.astype(bool)
    pred = pred.astype(bool)
    return {
        "count": int(len(y)),
        "positives": int(y.sum()),
        "predicted_positive": int(pred.sum()),
        "true_positives": int((y & pred).sum()),
        "false_positives": int((~y & pred).sum()),
        "errors": int((y != pred).sum()),
    }


def fairness(y, pred, g):
    """fairlearn's numbers on the rows of the two groups; error rate on every row."""
    two = g != "other"
    yt, yp, sf = y[two].astype(int), pred[two].astype(int), g[two]
    frame = MetricFrame(
        metrics={"selection_rate": selection_rate, "tpr": true_positive_rate, "fpr": false_positive_rate},
        y_true=yt, y_pred=yp, sensitive_features=sf,
    )
    by = frame.by_group
    d_tpr = by.loc["minority", "tpr"] - by.loc["majority", "tpr"]
    d_fpr = by.loc["minority", "fpr"] - by.loc["majority", "fpr"]
    return {
        "demographic_parity_difference": demographic_parity_difference(yt, yp, sensitive_features=sf),
        "equalized_odds_difference": equalized_odds_difference(yt, yp, sensitive_features=sf),
        "equalized_odds_difference_mean": equalized_odds_difference(yt, yp, sensitive_features=sf, agg="mean"),
        "equal_opportunity_difference": equal_opportunity_difference(yt, yp, sensitive_features=sf),
        "eqodds_mean_from_frame": 0.5 * (abs(d_tpr) + abs(d_fpr)),
        "tpr_gap": d_tpr,
        "fpr_gap": d_fpr,
        "positive_rate_gap": by.loc["minority", "selection_rate"] - by.loc["majority", "selection_rate"],
        "by_group": {
            k: {"selection_rate": by.loc[k, "selection_rate"], "true_positive_rate": by.loc[k, "tpr"],
                "false_positive_rate": by.loc[k, "fpr"]}
            for k in ("minority", "majority")
        },
        "error_rate": 1.0 - float(np.mean(y.astype(bool) == pred.astype(bool))),
        "confusion": {
            "minority": confusion(y[g == "minority"], pred[g == "minority"]),
            "majority": confusion(y[g == "majority"], pred[g == "majority"]),
            "overall": confusion(y, pred),
        },
    }


def split_fixture(model, X, y, g):
    decision = model.decision_function(X[:, :-1])
    pred = model.predict(X[:, :-1]).astype(bool)
    assert np.array_equal(pred, decision > 0)
    proba = model.predict_proba(X[:, :-1])[:, 1]
    borderline = np.flatnonzero(np.abs(decision) < BORDERLINE)
    return {
        "fingerprint": fingerprint(X, y, g),
        "first_probabilities": proba[:N_PROBABILITIES],
        "predicted_positive": int(pred.sum()),
        "borderline_rows": [{"row": int(i), "decision": float(decision[i]), "prediction": bool(pred[i])}
                            for i in borderline],
        "fairlearn": fairness(y, pred, g),
    }


def instance_fixture(name):
    spec = os.path.join(ROOT, "instances", f"{name}.toml")
    enc = fairflip_reference.load(spec)
    model = fit_sklearn(enc.X_train, enc.y_train, enc.C)
    theta = np.concatenate([model.coef_[0], model.intercept_])
    w = np.ones(len(enc.y_train))
    coll = np.asarray(enc.collective, dtype=int)
    return {
        "name": name,
        "spec": f"instances/{name}.toml",
        "C": enc.C,
        "feature_names": enc.feature_names,
        "collective": {"count": int(len(coll)), "index_sum": int(coll.sum()), "first": coll[:10]},
        "model": {
            "solver": "newton-cholesky", "tol": TOL,
            "coefficients": model.coef_[0],
            "intercept": float(model.intercept_[0]),
            "iterations": int(model.n_iter_[0]),
            "objective": objective(theta, enc.X_train, enc.y_train, w, enc.C),
            "scaled_gradient": scaled_gradient(theta, enc.X_train, enc.y_train, w, enc.C),
        },
        "train": split_fixture(model, enc.X_train, enc.y_train, enc.g_train),
        "test": split_fixture(model, enc.X_test, enc.y_test, enc.g_test),
    }


def synthetic_fixture(seed=20261129, n=60, d=4, C=0.5):
    rng = np.random.default_rng(seed)
    X = np.hstack([rng.normal(size=(n, d)) * np.array([1.0, 2.0, 0.5, 1.5]), np.ones((n, 1))])
    true_theta = np.array([1.0, -0.5, 2.0, 0.0, 0.3])
    p = 1 / (1 + np.exp(-(X @ true_theta)))
    y = rng.uniform(size=n) * 0.6 + 0.4 * p  # soft labels in [0, 1]
    y[:6] = [0.0, 1.0, 0.0, 1.0, 0.5, 1.0]  # some hard labels as well
    y = np.round(y, 6)  # short decimals: the JSON holds them exactly
    w = np.round(rng.uniform(0.25, 3.0, size=n), 6)
    # Soft labels as duplicated hard rows (same objective); zero-weight halves dropped.
    Xd = np.vstack([X, X])
    yd = np.concatenate([np.ones(n), np.zeros(n)])
    wd = np.concatenate([w * y, w * (1 - y)])
    keep = wd > 0
    model = fit_sklearn(Xd[keep], yd[keep], C, sample_weight=wd[keep])
    theta = np.concatenate([model.coef_[0], model.intercept_])
    s = X @ theta
    return {
        "name": "synthetic_soft",
        "description": "seeded soft labels and sample weights; reference = sklearn newton-cholesky on rows "
                       "duplicated as (label 1, weight w*y) and (label 0, weight w*(1-y))",
        "seed": seed,
        "C": C,
        "X": X,
        "y": y,
        "weights": w,
        "model": {
            "solver": "newton-cholesky", "tol": TOL,
            "coefficients": model.coef_[0],
            "intercept": float(model.intercept_[0]),
            "iterations": int(model.n_iter_[0]),
            "objective": objective(theta, X, y, w, C),
            "scaled_gradient": scaled_gradient(theta, X, y, w, C),
        },
        "probabilities": 1 / (1 + np.exp(-s)),
    }


def write(path, fixture):
    fixture = dict(fixture)
    fixture["generator"] = {
        "script": "Benchmarks/peers/make_fixtures.py",
        "numpy": np.__version__, "scikit-learn": sklearn.__version__, "fairlearn": fairlearn.__version__,
    }
    text = json.dumps(clean(fixture), indent=1, allow_nan=False) + "\n"
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)
    print(f"wrote {os.path.relpath(path, ROOT)} ({len(text)} bytes)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.join(ROOT, "Tests", "Fixtures"))
    ap.add_argument("instances", nargs="*", default=INSTANCES + ["synthetic_soft"])
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name in args.instances:
        fixture = synthetic_fixture() if name == "synthetic_soft" else instance_fixture(name)
        write(os.path.join(args.out, f"{name}.json"), fixture)


if __name__ == "__main__":
    main()
