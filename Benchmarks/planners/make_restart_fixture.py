#!/usr/bin/env python3
"""Writes Tests/Fixtures/german-250-s5.csv: the 250-row german subsample of
`mip_vs_exhaustive.py`'s case "german n=250 a=0.5 s=5", where refinement must restart from a plan
that lost a comparison to reach the exhaustive optimum (RefinementRestartTests).

    python3 Benchmarks/planners/make_restart_fixture.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mip_vs_exhaustive as bench  # noqa: E402

src = os.path.join(bench.ROOT, "instances", "data", "german", "german.csv")
dst = os.path.join(bench.ROOT, "Tests", "Fixtures", "german-250-s5.csv")
bench.subsample(src, dst, 250, 5)
print(dst)
