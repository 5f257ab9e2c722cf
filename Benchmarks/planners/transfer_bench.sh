#!/bin/sh
# Issue 10's benchmark: every method on the six real instances at three budgets (about 5%, 25%
# and 60% of the candidates at the spec's split) over split seeds (each re-splits train/test and
# re-draws the collective), then one report with the paired comparisons of every method against
# the MIP and against no flips, and the cross-instance summary table.
#
#   Benchmarks/planners/transfer_bench.sh                       # everything, one process
#   SHARD=0/4 Benchmarks/planners/transfer_bench.sh             # one shard (run 0/4 .. 3/4, any order)
#   INSTANCES="compas german" SPLITS=10 Benchmarks/planners/transfer_bench.sh
#   REPORT_ONLY=1 Benchmarks/planners/transfer_bench.sh         # rebuild the report from what ran
#
# Environment: OUT (default bench/transfer), SPLITS (10), MIP_TIME_LIMIT (30 s), MIP_ROUNDS (1),
# JOBS (1), SHARD (whole), INSTANCES (all six), METHODS (every method except the two that do
# not scale: greedy-retrain runs on german only; exhaustive on none, since even german's k = 4
# has about a million subsets), EXTRA (more sweep options,
# e.g. --mip-variant ...; the README's table used EXTRA="--mip-variant mip-exact=accept-tau:0",
# the exact judge beside the default smoothed one), BIN. A rerun resumes: finished cells are not
# recomputed.
# Every instance re-splits per seed; adult's spec names UCI's own train and test files, which
# split seeds pool and re-split (rows of the test file are named `t<line>`).
set -eu
cd "$(dirname "$0")/../.."
OUT=${OUT:-bench/transfer}
SPLITS=${SPLITS:-10}
# The MIP's time limit is its whole planning deadline per cell (first solve, gradient start and
# refinement share it). The README's cells were computed when it was the first solve's CBC limit
# (5 s, then at least 10 s per refinement round); 30 s gives the MIP about the same time now.
MIP_TIME_LIMIT=${MIP_TIME_LIMIT:-30}
MIP_ROUNDS=${MIP_ROUNDS:-1}
JOBS=${JOBS:-1}
INSTANCES=${INSTANCES:-"german compas credit bank dutch adult"}
METHODS=${METHODS:-mip,random,rb-prob,rb-label,rb-dist,massaging,greedy-surrogate,gradient}
EXTRA=${EXTRA:-}
BIN=${BIN:-.build/release/fairflip}   # another binary (a copy) skips the build

# Budgets: about 5%, 25%, 60% of the candidates at the spec's split (`fairflip audit`).
budgets() {
    case $1 in
        german) echo 0,4,20,48 ;;        # 80 candidates
        compas) echo 0,58,290,700 ;;     # 1170
        credit) echo 0,100,510,1225 ;;   # 2043
        bank)   echo 0,120,600,1440 ;;   # 2397 (alpha 0.1 of the 25-60 group)
        dutch)  echo 0,70,350,840 ;;     # 1400 at --alphas 0.1 (14285 at alpha 1)
        adult)  echo 0,45,215,520 ;;     # 865 at --alphas 0.1 (8670 at alpha 1)
    esac
}
options() {
    case $1 in
        german) echo "--methods $METHODS,greedy-retrain --split-seeds $SPLITS" ;;
        dutch)  echo "--methods $METHODS --split-seeds $SPLITS --alphas 0.1" ;;
        adult)  echo "--methods $METHODS --split-seeds $SPLITS --alphas 0.1" ;;
        *)      echo "--methods $METHODS --split-seeds $SPLITS" ;;
    esac
}

[ "$BIN" = .build/release/fairflip ] && swift build -c release --product fairflip >&2
if [ -z "${REPORT_ONLY:-}" ]; then
    for name in $INSTANCES; do
        echo "== $name: budgets $(budgets "$name")" >&2
        # shellcheck disable=SC2046
        nice "$BIN" sweep "instances/$name.toml" --budgets "$(budgets "$name")" $(options "$name") \
            --mip-time-limit "$MIP_TIME_LIMIT" --mip-rounds "$MIP_ROUNDS" --jobs "$JOBS" \
            --out "$OUT/$name" ${SHARD:+--shard "$SHARD"} --no-report --quiet $EXTRA
    done
fi
# One report over every instance that has results: the sweep folders' files side by side.
mkdir -p "$OUT/all"
rm -f "$OUT"/all/results*.csv
for dir in "$OUT"/*/; do
    name=$(basename "$dir")
    [ "$name" = all ] && continue
    for f in "$dir"results*.csv; do
        [ -e "$f" ] && cp "$f" "$OUT/all/results-$name-$(basename "$f")"
    done
done
"$BIN" report "$OUT/all" --quiet
sed -n '/^## Paired summary/,/^## Instance/p' "$OUT/all/report.md" | sed '$d'
