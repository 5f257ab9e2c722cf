#!/usr/bin/env python3
"""Compares sweep results.csv files cell by cell, leaving out the timing column (wall_seconds).

    python3 Benchmarks/planners/results_diff.py runA/results.csv runB/results.csv [...]

Cells are matched by (instance, alpha, seed, split_seed, method, budget), so the order in which
cells finished (with --jobs N) does not matter. Prints, for each file after the first, how many
cells differ and in which columns, and the cells whose notes say a time limit cut something short
(their numbers depend on the machine's load: a difference there means the time limit bound, not
that a node limit failed). Exits 1 when any cell differs. Standard library only.
"""
import csv
import sys

TIMING = {"wall_seconds"}
KEY = ("instance", "alpha", "seed", "split_seed", "method", "budget")


def load(path):
    with open(path, newline="") as f:
        return {tuple(row[k] for k in KEY): row for row in csv.DictReader(f)}


def main(paths):
    if len(paths) < 2:
        sys.exit("usage: results_diff.py A/results.csv B/results.csv [...]")
    first = load(paths[0])
    print(f"{len(first)} cells in {paths[0]}")
    differ = False
    for path in paths[1:]:
        other = load(path)
        missing = set(first) ^ set(other)
        if missing:
            differ = True
            print(f"{path}: {len(missing)} cells are not in both files")
        differing = {}
        for key in sorted(set(first) & set(other)):
            cols = [c for c in first[key] if c not in TIMING and first[key][c] != other[key].get(c)]
            if cols:
                differing[key] = cols
        differ = differ or bool(differing)
        print(f"{path}: {len(differing)} of {len(set(first) & set(other))} cells differ outside the timing column")
        for key, cols in list(differing.items())[:20]:
            shown = ", ".join(f"{c}: {first[key][c]!r} vs {other[key][c]!r}" for c in cols[:4])
            print("  ", " ".join(key), "->", shown)
        timed = [k for k in sorted(set(first) & set(other))
                 if "time limit" in first[k]["notes"] or "time limit" in other[k]["notes"]]
        print(f"   cells where a time limit cut something short (not reproducible by design): {len(timed)}")
        for key in timed[:10]:
            print("  ", " ".join(key), first[key]["notes"][:160])
    stops = {}
    for row in first.values():
        if row["method"] == "mip" and row["solver_status"]:
            stops[row["solver_status"]] = stops.get(row["solver_status"], 0) + 1
    if stops:
        print("MIP first solves in", paths[0] + ":", ", ".join(f"{n} {s}" for s, n in sorted(stops.items())))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
