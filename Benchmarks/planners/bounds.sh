#!/usr/bin/env bash
# How much the MIP proves (issue 9): for compas k = 10, 50, 100, 200 and adult k = 100, the first
# solve of the hard formulation (`--rounds 0 --no-gradient-start`, so the figures are the MIP's own)
# with a time limit (default 60 s): the LP bound of the exported model (CBC CLI `-initialSolve`), the
# bound at the end of the root node, the final bound, the incumbent (surrogate metric) and the
# proven relative gap, with the size of the model (rows whose prediction can change, integer columns).
#
#   Benchmarks/planners/bounds.sh
#   TIME_LIMIT=20 CASES="compas:50" Benchmarks/planners/bounds.sh
#
# Needs the `cbc` command (coinor-cbc, `make deps`) for the LP bound and python3 (standard library).
set -euo pipefail
cd "$(dirname "$0")/../.."
TIME_LIMIT=${TIME_LIMIT:-60}
CASES=${CASES:-"compas:10 compas:50 compas:100 compas:200 adult:100"}
BIN=.build/release/fairflip
swift build -c release --product fairflip >&2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf 'settings: --time-limit %s --rounds 0 --no-gradient-start (first solve only)\n\n' "$TIME_LIMIT"
printf '%-8s %5s %8s %7s %9s %9s %9s %9s %8s %-24s %s\n' \
  instance k changing integers "LP bound" "root" "bound" incumbent gap status "incumbent from"
for case in $CASES; do
  name=${case%%:*}; k=${case##*:}
  "$BIN" export-mps "instances/$name.toml" --budget "$k" --quiet --output "$out/$name-$k.mps"
  lp=$(cbc "$out/$name-$k.mps" -initialSolve 2>&1 | sed -n 's/^Optimal objective \([^ ]*\).*/\1/p' | head -1)
  status=0
  "$BIN" plan "instances/$name.toml" --budget "$k" --json --quiet --time-limit "$TIME_LIMIT" --rounds 0 \
    --no-gradient-start > "$out/$name-$k.json" 2> "$out/$name-$k.err" || status=$?
  if [ "$status" != 0 ]; then
    printf '%-8s %5s failed (exit %s): %s\n' "$name" "$k" "$status" "$(head -c 300 "$out/$name-$k.err")"
    continue
  fi
  python3 - "$out/$name-$k.json" "${lp:-nan}" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); lp = float(sys.argv[2])
s = r["solver"]
def f(x): return "n/a" if x is None else "%.4f" % x
gap = s.get("gap")
print("%-8s %5d %8s %7d %9s %9s %9s %9s %8s %-24s %s" % (
    r["instance"], r["budget"], s.get("changeableRows", "n/a"), s["binaries"], f(lp), f(s.get("rootBound")), f(s.get("bound")),
    f(s.get("objective")), "n/a" if gap is None else "%.1f%%" % (100 * gap), s["status"], s.get("incumbent", "?")))
PY
done
