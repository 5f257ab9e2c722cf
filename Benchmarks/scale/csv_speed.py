"""Side-by-side CSV load times: fairflip's loader and pandas' read_csv, on the same file, in one run.

fairflip is timed by `fairflip csv-info FILE --json`, whose `loadSeconds` covers reading the bytes
and parsing them into typed columns (process start and the column summary are excluded), and whose
`loadCPUSeconds` is the CPU time of that load over all its threads; pandas is timed in-process on
`read_csv` alone (default C engine, types inferred: float64 columns and an object column of
strings), wall and process CPU time. Runs alternate between the two; each figure is the best (and
median) of --repeats. The column means and distinct counts of both are compared, so both read the
same numbers. With --rounds R the whole comparison is repeated R times and each round's ratio is
printed (the machine may be shared: one ratio is one sample).

The file is built by Benchmarks/scale/make_instance.sh when it is missing (1,000,000 rows, 15
columns, about 135 MB, under /tmp).

With --file F any CSV file is compared instead (e.g. full-precision floats, which fairflip's fast
path does not cover: 16 or 17 significant digits go through Double(String)).

Usage: python3 Benchmarks/scale/csv_speed.py --fairflip .build/release/fairflip [--repeats 5]
       [--rounds 1] [--rows N | --file F] [--threads T]
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


def fairflip_load(command: list[str]) -> dict:
    """One `fairflip csv-info --json` run: its report."""
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def pandas_load(path: str) -> tuple[float, float, pd.DataFrame]:
    """One read_csv: wall seconds, CPU seconds (all threads of this process) and the frame."""
    wall, cpu = time.perf_counter(), time.process_time()
    frame = pd.read_csv(path)
    return time.perf_counter() - wall, time.process_time() - cpu, frame


def check_agreement(info: dict, frame: pd.DataFrame) -> float:
    """The largest column-mean difference; exits when rows, types or distinct counts differ."""
    worst = 0.0
    for column in info["columns"]:
        if column["type"] == "numeric":
            if frame[column["name"]].dtype.kind != "f" and frame[column["name"]].dtype.kind != "i":
                sys.exit(f"disagreement: column {column['name']} is numeric in fairflip, {frame[column['name']].dtype} in pandas")
            worst = max(worst, abs(column["mean"] - float(frame[column["name"]].mean())))
        elif frame[column["name"]].nunique() != column["distinct"]:
            sys.exit(f"disagreement: column {column['name']} has {column['distinct']} distinct values in fairflip, "
                     f"{frame[column['name']].nunique()} in pandas")
    if info["rows"] != len(frame) or worst > 1e-9:
        sys.exit(f"disagreement: rows {info['rows']} vs {len(frame)}, largest column-mean difference {worst:g}")
    return worst


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fairflip", default=".build/release/fairflip")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=1, help="repeat the whole comparison (a ratio per round)")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--dir", default="/tmp/fairflip-scale")
    parser.add_argument("--threads", type=int, default=None, help="fairflip's threads (default: its own)")
    parser.add_argument("--file", default=None, help="compare on this CSV file instead of the generated one")
    args = parser.parse_args()

    if args.file:
        path = args.file
    else:
        subprocess.run([os.path.join(HERE, "make_instance.sh"), args.fairflip, args.dir, str(args.rows)],
                       check=True, stdout=subprocess.DEVNULL)
        path = os.path.join(args.dir, f"big-{args.rows}.csv")
    command = [args.fairflip, "csv-info", path, "--json"]
    if args.threads:
        command += ["--threads", str(args.threads)]

    size = os.path.getsize(path) / 1e6
    wall_ratios, cpu_ratios = [], []
    for round_ in range(args.rounds):
        ours, ours_cpu, theirs, theirs_cpu = [], [], [], []
        info = None
        for _ in range(args.repeats):
            info = fairflip_load(command)
            ours.append(info["loadSeconds"])
            ours_cpu.append(info["loadCPUSeconds"])
            wall, cpu, frame = pandas_load(path)
            theirs.append(wall)
            theirs_cpu.append(cpu)
            del frame
        worst = check_agreement(info, pd.read_csv(path))
        wall_ratios.append(min(theirs) / min(ours))
        cpu_ratios.append(min(theirs_cpu) / min(ours_cpu))
        if round_ == 0:
            print(f"file: {path} ({info['rows']} rows x {len(info['columns'])} columns, {size:.0f} MB); "
                  f"cores: {os.cpu_count()}; fairflip threads: {args.threads or 'its default'}")
            print(f"agreement: same rows and column types; largest column-mean difference {worst:.1e}")
        print(f"round {round_ + 1} (load average {os.getloadavg()[0]:.1f}):")
        print(f"  {'reader':<24} {'best (s)':>9} {'median (s)':>11} {'best CPU (s)':>13}")
        print(f"  {'fairflip csv-info':<24} {min(ours):>9.3f} {statistics.median(ours):>11.3f} {min(ours_cpu):>13.3f}")
        print(f"  {'pandas ' + pd.__version__ + ' read_csv':<24} {min(theirs):>9.3f} {statistics.median(theirs):>11.3f} "
              f"{min(theirs_cpu):>13.3f}")
        print(f"  ratio pandas / fairflip (best of {args.repeats}): wall {wall_ratios[-1]:.2f}, CPU {cpu_ratios[-1]:.2f}")
    if args.rounds > 1:
        print(f"wall ratios over {args.rounds} rounds: {', '.join(f'{r:.2f}' for r in wall_ratios)} "
              f"(median {statistics.median(wall_ratios):.2f}); CPU ratios: {', '.join(f'{r:.2f}' for r in cpu_ratios)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
