#!/bin/sh
# The scale run of the README: plan on the seeded 1,000,000-row instance (built by
# make_instance.sh when missing) with 20,000 planning rows, a 30 s limit and one refinement
# round, under /usr/bin/time -v (wall time, CPU time, peak memory).
#
# Usage: Benchmarks/scale/plan_scale.sh [FAIRFLIP] [DIR]
set -eu
FAIRFLIP=${1:-.build/release/fairflip}
DIR=${2:-/tmp/fairflip-scale}
SPEC=$(Benchmarks/scale/make_instance.sh "$FAIRFLIP" "$DIR" 1000000)
/usr/bin/time -v "$FAIRFLIP" plan "$SPEC" --budget 1000 --planning-rows 20000 --time-limit 30 --rounds 1 \
  > "$DIR/plan.out" 2> "$DIR/plan.err" || { tail -5 "$DIR/plan.err"; exit 1; }
grep -E "^(eqodds on train|hard formulation)" "$DIR/plan.out"
grep -E "Elapsed|User time|System time|Maximum resident" "$DIR/plan.err"
