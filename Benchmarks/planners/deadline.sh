#!/usr/bin/env bash
# One deadline (issue 9 item 3): `--time-limit` bounds the whole `plan` (start heuristics, first
# solve, gradient start, refinement rounds). Runs the release binary with the default search
# (5 refinement rounds, gradient start) and prints, per case, the limit, the wall time of the
# whole command (loading and the final audit included), the overshoot allowed (5% + 2 s), and
# the solver's figures. No timing is asserted anywhere else: this script is the measurement.
#
#   Benchmarks/planners/deadline.sh                      # 30 s limit
#   TIME_LIMIT=60 CASES="compas:50 adult:100" Benchmarks/planners/deadline.sh
#
# Needs python3 (standard library only) to read the JSON.
set -euo pipefail
cd "$(dirname "$0")/../.."
TIME_LIMIT=${TIME_LIMIT:-30}
CASES=${CASES:-"compas:50 compas:100 adult:100 german:10"}
BIN=.build/release/fairflip
swift build -c release --product fairflip >&2

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf 'settings: --time-limit %s (default rounds and gradient start); allowed = limit * 1.05 + 2\n\n' "$TIME_LIMIT"
printf '%-8s %5s %7s %8s %8s %4s %-24s %-11s %9s %9s %9s %9s\n' \
  instance k "limit" "wall(s)" "allowed" ok status origin objective bound root gap
for case in $CASES; do
  name=${case%%:*}; k=${case##*:}
  s=$(date +%s.%N)
  status=0
  "$BIN" plan "instances/$name.toml" --budget "$k" --json --quiet --timings \
    --time-limit "$TIME_LIMIT" > "$out/$name-$k.json" 2> "$out/$name-$k.err" || status=$?
  e=$(date +%s.%N)
  if [ "$status" != 0 ]; then
    printf '%-8s %5s failed (exit %s): %s\n' "$name" "$k" "$status" "$(head -c 300 "$out/$name-$k.err")"
    continue
  fi
  python3 - "$out/$name-$k.json" "$(echo "$e - $s" | bc)" "$TIME_LIMIT" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); wall = float(sys.argv[2]); limit = float(sys.argv[3])
s = r.get("solver") or {}
allowed = limit * 1.05 + 2
def num(x): return "n/a" if x is None else "%.4f" % x
print("%-8s %5d %7.0f %8.1f %8.1f %4s %-24s %-11s %9s %9s %9s %9s" % (
    r["instance"], r["budget"], limit, wall, allowed, "yes" if wall <= allowed else "NO",
    s.get("status", "?"), r.get("planOrigin", "?"), num(s.get("objective")), num(s.get("bound")),
    num(s.get("rootBound")), "n/a" if s.get("gap") is None else "%.1f%%" % (100 * s["gap"])))
PY
done
