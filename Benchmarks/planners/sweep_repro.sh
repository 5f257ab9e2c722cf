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
# folder, removed at the end unless given). Needs python3 (standard library only); the
# comparison is `results_diff.py`, which also compares results.csv files from runs made by hand.
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

python3 Benchmarks/planners/results_diff.py "${runs[@]}"
