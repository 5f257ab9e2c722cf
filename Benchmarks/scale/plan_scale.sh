#!/bin/sh
# The scale runs of the README: plan on the seeded 1,000,000-row instance (built by
# make_instance.sh when missing) with 20,000 planning rows under /usr/bin/time -v (wall time,
# CPU time, peak memory): the MIP with a 30 s limit and one refinement round, then
# greedy-retrain at the same budget (it plans on every candidate plus the 20,000 rows; its plan
# is judged by retraining on all 700,000 training rows).
#
# Usage: Benchmarks/scale/plan_scale.sh [FAIRFLIP] [DIR]
set -eu
FAIRFLIP=${1:-.build/release/fairflip}
DIR=${2:-/tmp/fairflip-scale}
SPEC=$(Benchmarks/scale/make_instance.sh "$FAIRFLIP" "$DIR" 1000000)
for METHOD in mip greedy-retrain; do
  case $METHOD in
    mip) FLAGS="--time-limit 30 --rounds 1" ;;
    *) FLAGS="" ;;
  esac
  echo "== $METHOD"
  # shellcheck disable=SC2086
  /usr/bin/time -v "$FAIRFLIP" plan "$SPEC" --budget 1000 --planning-rows 20000 --method "$METHOD" $FLAGS \
    > "$DIR/plan-$METHOD.out" 2> "$DIR/plan-$METHOD.err" || { tail -5 "$DIR/plan-$METHOD.err"; exit 1; }
  grep -E "^(eqodds on train|hard formulation|plan: )" "$DIR/plan-$METHOD.out"
  grep -E "Elapsed|User time|System time|Maximum resident" "$DIR/plan-$METHOD.err"
done
