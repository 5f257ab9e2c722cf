"""An independent Python reading of fairflip instance specs, for reference fixtures and peers.

It re-implements, from the spec alone, what fairflip does natively: the row filters, groups,
missing values, the seeded split (SplitMix64 + Fisher-Yates, as in SeededGenerator.swift), the
encoding (StandardScaler for numeric columns, OneHotEncoder(handle_unknown="ignore") for
categoricals, both fitted on the training split), and the collective. Fixtures made from it
therefore check fairflip against scikit-learn and fairlearn, not against itself.
"""
from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.preprocessing import OneHotEncoder, StandardScaler

MASK = (1 << 64) - 1


class SplitMix64:
    """The generator of SeededGenerator.swift, bit for bit."""

    def __init__(self, seed: int):
        self.state = seed & MASK

    def next(self) -> int:
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def unit(self) -> float:
        return (self.next() >> 11) * 2.0**-53

    def index_below(self, bound: int) -> int:
        return min(int(self.unit() * bound), bound - 1)

    def shuffled(self, items):
        a = list(items)
        i = len(a) - 1
        while i > 0:
            j = self.index_below(i + 1)
            a[i], a[j] = a[j], a[i]
            i -= 1
        return a


def passes(cell: str, op: str, value: str) -> bool:
    cell = cell.strip()
    try:
        a, b = float(cell), float(value)
        return {"==": a == b, "!=": a != b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]
    except ValueError:
        if op == "==":
            return cell == value
        if op == "!=":
            return cell != value
        return False


@dataclass
class Encoded:
    name: str
    feature_names: list
    X_train: np.ndarray
    y_train: np.ndarray
    g_train: np.ndarray  # "minority" / "majority" / "other"
    X_test: np.ndarray
    y_test: np.ndarray
    g_test: np.ndarray
    collective: list
    C: float


def load(spec_path: str) -> Encoded:
    with open(spec_path, "rb") as f:
        spec = tomllib.load(f)
    folder = os.path.dirname(spec_path)
    data = spec["data"]
    missing_values = data.get("missing_values", ["?", ""])
    label = spec["label"]
    sens = spec["sensitive"]
    feats = spec.get("features", {})
    include_sensitive = feats.get("include_sensitive", True)
    numeric = [c for c in feats.get("numeric", []) if c != sens["column"]]
    categorical = [c for c in feats.get("categorical", []) if c != sens["column"]]
    if include_sensitive:
        categorical.append(sens["column"])
    used = [label["column"], sens["column"]] + numeric + categorical

    def read(path):
        df = pd.read_csv(os.path.join(folder, path), dtype=str, keep_default_na=False)
        df = df.apply(lambda col: col.str.strip())
        keep = np.ones(len(df), dtype=bool)
        for text in data.get("filters", []):
            col, op, value = text.split(" ", 2)
            keep &= df[col].map(lambda c: passes(c, op, value)).to_numpy()
        group = np.where(df[sens["column"]].isin([str(v) for v in sens["minority"]]), "minority",
                         np.where(df[sens["column"]].isin([str(v) for v in sens["majority"]]), "majority", "other"))
        if sens.get("others", "drop") == "drop":
            keep &= group != "other"
        for c in set(used):
            keep &= ~df[c].isin(missing_values).to_numpy()
        return df[keep].reset_index(drop=True), group[keep]

    if "file" in data:
        df, g = read(data["file"])
        order = SplitMix64(data.get("split_seed", 0)).shuffled(range(len(df)))
        n_test = int(math.floor(data.get("test_fraction", 0.3) * len(df) + 0.5))
        test_idx, train_idx = sorted(order[:n_test]), sorted(order[n_test:])
        tr, te = df.iloc[train_idx].reset_index(drop=True), df.iloc[test_idx].reset_index(drop=True)
        gtr, gte = g[train_idx], g[test_idx]
    else:
        tr, gtr = read(data["train"])
        te, gte = read(data["test"])

    parts_tr, parts_te, names = [], [], []
    if numeric:
        scaler = StandardScaler().fit(tr[numeric].astype(float).to_numpy())
        parts_tr.append(scaler.transform(tr[numeric].astype(float).to_numpy()))
        parts_te.append(scaler.transform(te[numeric].astype(float).to_numpy()))
        names += numeric
    if categorical:
        enc = OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(tr[categorical].to_numpy())
        parts_tr.append(enc.transform(tr[categorical].to_numpy()))
        parts_te.append(enc.transform(te[categorical].to_numpy()))
        for col, cats in zip(categorical, enc.categories_):
            names += [f"{col}={c}" for c in cats]
    parts_tr.append(np.ones((len(tr), 1)))
    parts_te.append(np.ones((len(te), 1)))
    names.append("(intercept)")
    fav = str(label["favorable"])
    ytr = (tr[label["column"]] == fav).to_numpy().astype(float)
    yte = (te[label["column"]] == fav).to_numpy().astype(float)

    coll = spec.get("collective", {})
    minority = [i for i in range(len(tr)) if gtr[i] == "minority"]
    if "membership_column" in coll:
        members = [i for i in minority if tr[coll["membership_column"]][i].lower() in ("1", "true", "yes")]
    else:
        alpha = coll.get("alpha", 1.0)
        size = max(1, int(math.floor(alpha * len(minority) + 0.5)))
        members = sorted(SplitMix64(coll.get("seed", 0)).shuffled(minority)[:size])
    return Encoded(spec.get("name", os.path.basename(spec_path)), names, np.hstack(parts_tr), ytr, gtr,
                   np.hstack(parts_te), yte, gte, members, float(spec.get("model", {}).get("C", 1.0)))
