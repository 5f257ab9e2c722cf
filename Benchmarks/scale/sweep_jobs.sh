#!/bin/sh
# Cells side by side: the dutch gradient sweep (2 split seeds, budget 840, alpha 0.1) with
# `--jobs 1` and `--jobs 2`, best of N wall times each, and the ratio jobs1 / jobs2 (2.0 would be
# perfect use of two cores). The sweep gives BLAS each cell's share of the cores; with
# OPENBLAS_NUM_THREADS unset, a binary that does not (up to d8d137f) lets OpenBLAS start its own
# threads in every cell. PEER (optional) is such an older binary, measured in the same run.
#
# Usage: Benchmarks/scale/sweep_jobs.sh [FAIRFLIP] [PEER] [N]
set -eu
FAIRFLIP=${1:-.build/release/fairflip}
PEER=${2:-}
N=${3:-3}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
best() {  # best wall time of N sweeps: binary, jobs
    b=""
    for _ in $(seq "$N"); do
        rm -rf "$OUT/r"
        s=$(date +%s.%N)
        "$1" sweep instances/dutch.toml --budgets 840 --alphas 0.1 --split-seeds 2 --methods gradient \
            --jobs "$2" --out "$OUT/r" --no-report --quiet
        t=$(awk -v a="$s" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
        b=$(echo "$t" "$b" | awk '{ if ($2 == "" || $1 < $2) print $1; else print $2 }')
    done
    echo "$b"
}
for bin in "$FAIRFLIP" $PEER; do
    one=$(best "$bin" 1)
    two=$(best "$bin" 2)
    printf '%s: --jobs 1 %.2f s, --jobs 2 %.2f s, ratio %.2f (best of %d)\n' \
        "$bin" "$one" "$two" "$(awk -v a="$one" -v b="$two" 'BEGIN { print a / b }')" "$N"
done
