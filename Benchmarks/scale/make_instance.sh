#!/bin/sh
# Builds the large seeded instance of the scale benchmark: a CSV of ROWS rows (default 1,000,000)
# with 13 numeric features, group and label (15 columns, about 135 MB), and its spec, in DIR
# (default /tmp/fairflip-scale). Generated data is never committed.
#
# Usage: Benchmarks/scale/make_instance.sh [FAIRFLIP] [DIR] [ROWS]
set -eu
FAIRFLIP=${1:-.build/release/fairflip}
DIR=${2:-/tmp/fairflip-scale}
ROWS=${3:-1000000}
mkdir -p "$DIR"
if [ ! -f "$DIR/big-$ROWS.csv" ]; then
  "$FAIRFLIP" toy --rows "$ROWS" --features 13 --seed 11 --output "$DIR/big-$ROWS.csv"
fi
cat > "$DIR/big-$ROWS.toml" <<SPEC
# The scale benchmark's instance: fairflip toy --rows $ROWS --features 13 --seed 11
name = "big-$ROWS"

[data]
file = "big-$ROWS.csv"
test_fraction = 0.3
split_seed = 1
missing = "fail"

[label]
column = "label"
favorable = "1"

[sensitive]
column = "group"
minority = ["minority"]
majority = ["majority"]

[features]
numeric = ["x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13"]
include_sensitive = true

[model]
C = 1.0

[collective]
alpha = 0.05
seed = 1
direction = "up"

[fairness]
metric = "eqodds"
SPEC
echo "$DIR/big-$ROWS.toml"
