#!/bin/sh
# Times every planner on COMPAS (k = 50 by default) in a release build: wall time, plan size,
# train/test metric after retraining, and retrains / Newton iterations for the long planners.
# The benchmark itself is the RivalTiming executable of the Benchmarks package.
#   Benchmarks/planners/rival_times.sh            # k = 50
#   FAIRFLIP_BENCH_K=50,100 Benchmarks/planners/rival_times.sh
#   FAIRFLIP_BENCH_SWEEP=1 Benchmarks/planners/rival_times.sh   # also sweep temperatures, screen sizes
set -eu
cd "$(dirname "$0")/.."
swift run -c release RivalTiming
