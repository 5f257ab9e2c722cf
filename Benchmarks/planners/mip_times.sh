#!/usr/bin/env bash
# Speed of the MIP planner (issue 3): the release binary on compas at k = 10, 50, 100, 200 and
# adult at k = 100. Prints, per run, the wall time of the whole command, the time CBC spent and
# the rest (loading, training, linearising, reach, building the model, start heuristics,
# retraining), the solver status and gap, and whether the time limit was hit.
#
#   Benchmarks/planners/mip_times.sh                 # first solve only (--rounds 0), 60 s limit
#   ROUNDS=5 TIME_LIMIT=120 Benchmarks/planners/mip_times.sh
#
# Needs python3 (standard library only) to read the JSON.
set -euo pipefail
cd "$(dirname "$0")/../.."
TIME_LIMIT=${TIME_LIMIT:-60}
ROUNDS=${ROUNDS:-0}
CASES=${CASES:-"compas:10 compas:50 compas:100 compas:200 adult:100"}
BIN=.build/release/fairflip

t0=$(date +%s.%N)
swift build -c release --product fairflip >&2
t1=$(date +%s.%N)
printf 'release build: %.1f s\n' "$(echo "$t1 - $t0" | bc)"
printf 'settings: --time-limit %s --rounds %s (CBC, 1 thread)\n\n' "$TIME_LIMIT" "$ROUNDS"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%-8s %5s %6s %9s %8s %9s %-24s %9s %6s %9s %9s %9s\n' \
  instance k flips "total(s)" "cbc(s)" "other(s)" status gap limit changing before after
for case in $CASES; do
  name=${case%%:*}; k=${case##*:}
  s=$(date +%s.%N)
  status=0
  "$BIN" plan "instances/$name.toml" --budget "$k" --json --quiet --timings \
    --time-limit "$TIME_LIMIT" --rounds "$ROUNDS" > "$out/$name-$k.json" 2> "$out/$name-$k.err" || status=$?
  e=$(date +%s.%N)
  if [ "$status" != 0 ]; then
    printf '%-8s %5s failed (exit %s): %s\n' "$name" "$k" "$status" "$(head -c 300 "$out/$name-$k.err")"
    continue
  fi
  python3 - "$out/$name-$k.json" "$(echo "$e - $s" | bc)" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); wall = float(sys.argv[2])
solver = r.get("solver", {})
cbc = r.get("timing", {}).get("solverSeconds") or 0.0
gap = solver.get("gap")
metric = r["metric"]
print("%-8s %5d %6d %9.1f %8.1f %9.1f %-24s %9s %6s %9s %9.4f %9.4f" % (
    r["instance"], r["budget"], r["flips"]["count"], wall, cbc, wall - cbc, solver.get("status", "?"),
    "n/a" if gap is None else "%.2f%%" % (100 * gap), "hit" if solver.get("hitTimeLimit") else "no",
    solver.get("changeableRows", "n/a"), r["before"]["train"]["gaps"][metric], r["retrained"]))
PY
done
