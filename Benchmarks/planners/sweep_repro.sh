#!/usr/bin/env bash
# Sweeps reproduce at fixed solver limits (issue 9): runs the same sweep with `--jobs 1` and with
# `--jobs 2` (release binary), the MIP limited by nodes (`--mip-node-limit`) under a time limit
# meant not to bind, prints each run's wall time, and compares the two results.csv files cell by
# cell with the timing column (wall_seconds) left out. Cells whose notes say a time limit cut
# something short are listed: their numbers depend on the machine's load, so a difference there
# means the time limit was too tight, not that the node limit failed.
#
#   Benchmarks/planners/sweep_repro.sh                          # the README's compas sweep
#   BUDGETS=0:200:50 Benchmarks/planners/sweep_repro.sh         # a subset of its budgets
#   SPEC=instances/toy.toml BUDGETS=0:10:5 SEEDS=2 Benchmarks/planners/sweep_repro.sh
#
# Environment: SPEC (instances/compas.toml), BUDGETS (0:200:20), SEEDS (3), METHODS (all),
# NODE_LIMIT (20), TIME_LIMIT (600, per MIP cell), ROUNDS (2), JOBS ("1 2"), OUT (a temporary
# folder, removed at the end unless given). Needs python3 (standard library only).
set -euo pipefail
cd "$(dirname "$0")/../.."
SPEC=${SPEC:-instances/compas.toml}
BUDGETS=${BUDGETS:-0:200:20}
SEEDS=${SEEDS:-3}
METHODS=${METHODS:-all}
NODE_LIMIT=${NODE_LIMIT:-20}
TIME_LIMIT=${TIME_LIMIT:-600}
ROUNDS=${ROUNDS:-2}
JOBS=${JOBS:-"1 2"}
BIN=.build/release/fairflip
swift build -c release --product fairflip >&2

if [ -n "${OUT:-}" ]; then out=$OUT; mkdir -p "$out"; else out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; fi
settings="$SPEC --budgets $BUDGETS --seeds $SEEDS --methods $METHODS --mip-node-limit $NODE_LIMIT --mip-time-limit $TIME_LIMIT --mip-rounds $ROUNDS"
printf 'fairflip sweep %s --jobs J --no-report (%s)\n' "$settings" "$(git rev-parse --short HEAD)"
runs=()
for j in $JOBS; do
  dir="$out/jobs$j"
  rm -rf "$dir"
  # Wall time, and CPU time (user + system, the solve workers included): on a busy machine the
  # wall time says little, CPU / 2 is what two free cores would need at best.
  # shellcheck disable=SC2086
  /usr/bin/time -f '%e %U %S' -o "$out/jobs$j.time" "$BIN" sweep $settings --jobs "$j" --no-report --out "$dir" 2> "$out/jobs$j.err"
  read -r wall user sys < "$out/jobs$j.time"
  printf -- '--jobs %s: %.1f s wall, %.1f s CPU (load average at the end: %s)\n' "$j" "$wall" "$(echo "$user + $sys" | bc)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
  runs+=("$dir/results.csv")
done

python3 - "${runs[@]}" <<'PY'
import csv, sys
timing = {"wall_seconds"}
key = ("instance", "alpha", "seed", "split_seed", "method", "budget")
def load(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return {tuple(r[k] for k in key): r for r in rows}
tables = [load(p) for p in sys.argv[1:]]
first = tables[0]
print(f"{len(first)} cells in {sys.argv[1]}")
for path, other in zip(sys.argv[2:], tables[1:]):
    if set(other) != set(first):
        print(f"{path}: different cells ({len(set(other) ^ set(first))} not in both)")
    differing = {}
    for k in sorted(set(first) & set(other)):
        cols = [c for c in first[k] if c not in timing and first[k][c] != other[k].get(c)]
        if cols:
            differing[k] = cols
    timed = [k for k in first if "time limit" in first[k]["notes"] or "time limit" in other.get(k, {}).get("notes", "")]
    print(f"{path}: {len(differing)} of {len(first)} cells differ outside the timing column")
    for k, cols in list(differing.items())[:20]:
        print("  ", " ".join(k), "->", ", ".join(f"{c}: {first[k][c]!r} vs {other[k][c]!r}" for c in cols[:4]))
    print(f"cells where a time limit cut something short (not reproducible by design): {len(timed)}")
    for k in timed[:10]:
        print("  ", " ".join(k), first[k]["notes"][:160])
mip = [r for r in first.values() if r["method"] == "mip" and r["solver_status"]]
stops = {}
for r in mip:
    stops[r["solver_status"]] = stops.get(r["solver_status"], 0) + 1
print("MIP first solves:", ", ".join(f"{n} {s}" for s, n in sorted(stops.items())))
PY
