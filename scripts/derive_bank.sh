#!/bin/sh
# Derives instances/data/bank/bank.csv from the shared Bank marketing file: adds the group column
# `age_group` ("young-or-old" when age < 25 or age > 60, the protected group of Le Quy et al.
# 2022; "25-60" otherwise) and drops `duration` (the call's length is known only after the call,
# so UCI advises against using it in a predictive model; dropping it keeps the copy small).
#
#   scripts/derive_bank.sh [/work/shared/data/bank/bank-full.csv] [instances/data/bank/bank.csv]
set -eu
src=${1:-../shared/data/bank/bank-full.csv}
dst=${2:-instances/data/bank/bank.csv}
tmp="$dst.tmp.$$"
trap 'rm -f "$tmp"' EXIT
awk -F, -v OFS=, '
NR == 1 {
    for (i = 1; i <= NF; i++) if ($i == "duration") drop = i
    if (!drop || $1 != "age") { print "unexpected header: " $0 > "/dev/stderr"; exit 2 }
}
{
    line = ""
    for (i = 1; i <= NF; i++) if (i != drop) line = line (line == "" ? "" : OFS) $i
    if (NR == 1) group = "age_group"
    else group = ($1 + 0 < 25 || $1 + 0 > 60) ? "young-or-old" : "25-60"
    print line, group
}' "$src" > "$tmp"
mv "$tmp" "$dst"
trap - EXIT
