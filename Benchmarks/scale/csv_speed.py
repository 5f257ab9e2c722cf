"""Side-by-side CSV load times: fairflip's loader and pandas' read_csv, on the same file, in one run.

fairflip is timed by `fairflip csv-info FILE --json`, whose `loadSeconds` covers reading the bytes
and parsing them into typed columns (process start and the column summary are excluded); pandas is
timed in-process on `read_csv` alone (default C engine, types inferred). Runs alternate between the
two; each time is the best (and median) of --repeats. The column means of both are compared, so
both read the same numbers.

The file is built by Benchmarks/scale/make_instance.sh when it is missing (1,000,000 rows, 15
columns, about 135 MB, under /tmp).

Usage: python3 Benchmarks/scale/csv_speed.py --fairflip .build/release/fairflip [--repeats 5] [--rows N]
       [--threads T]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fairflip", default=".build/release/fairflip")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--dir", default="/tmp/fairflip-scale")
    parser.add_argument("--threads", type=int, default=None, help="fairflip's parsing threads (default: its own)")
    args = parser.parse_args()

    subprocess.run([os.path.join(HERE, "make_instance.sh"), args.fairflip, args.dir, str(args.rows)],
                   check=True, stdout=subprocess.DEVNULL)
    path = os.path.join(args.dir, f"big-{args.rows}.csv")
    command = [args.fairflip, "csv-info", path, "--json"]
    if args.threads:
        command += ["--threads", str(args.threads)]

    ours, theirs = [], []
    info, frame = None, None
    for _ in range(args.repeats):
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        info = json.loads(out)
        ours.append(info["loadSeconds"])
        start = time.perf_counter()
        frame = pd.read_csv(path)
        theirs.append(time.perf_counter() - start)
        del frame
    frame = pd.read_csv(path)

    worst = 0.0
    for column in info["columns"]:
        if column["type"] == "numeric":
            worst = max(worst, abs(column["mean"] - float(frame[column["name"]].mean())))
        elif frame[column["name"]].nunique() != column["distinct"]:
            print(f"disagreement: column {column['name']} has {column['distinct']} distinct values in fairflip, "
                  f"{frame[column['name']].nunique()} in pandas", file=sys.stderr)
            return 1
    if info["rows"] != len(frame) or worst > 1e-9:
        print(f"disagreement: rows {info['rows']} vs {len(frame)}, largest column-mean difference {worst:g}", file=sys.stderr)
        return 1

    size = os.path.getsize(path) / 1e6
    print(f"file: {path} ({info['rows']} rows x {len(info['columns'])} columns, {size:.0f} MB); "
          f"cores: {os.cpu_count()}; load average: {os.getloadavg()[0]:.1f}")
    print(f"agreement: same rows and column types; largest column-mean difference {worst:.1e}")
    print(f"{'reader':<24} {'best (s)':>9} {'median (s)':>11}")
    print(f"{'fairflip csv-info':<24} {min(ours):>9.3f} {statistics.median(ours):>11.3f}")
    print(f"{'pandas ' + pd.__version__ + ' read_csv':<24} {min(theirs):>9.3f} {statistics.median(theirs):>11.3f}")
    print(f"ratio pandas / fairflip (best of {args.repeats}): {min(theirs) / min(ours):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
