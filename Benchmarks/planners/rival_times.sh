#!/bin/sh
# Times every planner on COMPAS (k = 50 by default) in a release build: wall time, plan size,
# train/test metric after retraining, and retrains / Newton iterations for the long planners.
# The benchmark itself is the disabled-by-default test RivalTimingBenchmark.
#   Benchmarks/planners/rival_times.sh            # k = 50
#   FAIRFLIP_BENCH_K=50,100 Benchmarks/planners/rival_times.sh
#   FAIRFLIP_BENCH_SWEEP=1 Benchmarks/planners/rival_times.sh   # also sweep temperatures, screen sizes
set -eu
cd "$(dirname "$0")/../.."
swift build -c release --build-tests
FAIRFLIP_BENCH=1 swift test -c release --skip-build --filter RivalTiming 2>&1 | grep -E '^(compas|german|adult|toy|tau|screen|schedule|iterations|[a-z-]+ +k=)'
