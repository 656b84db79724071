"""CLI cold start: wall time of `tongket classify` on one bundled article, median of N runs.

    python benchmarks/startup.py [--runs 10]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "tong-ket-ttdn-2024.txt"


def time_command(args: list[str], runs: int) -> list[float]:
    """Seconds per run of `args`, each in a fresh interpreter."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--write", action="store_true", help="append the figures to RESULTS.md")
    args = parser.parse_args()
    cli = [sys.executable, "-c", "from tongket.cli.app import main; main()"]
    python = time_command([sys.executable, "-c", "pass"], args.runs)
    classify = time_command([*cli, "classify", str(ARTICLE), "--format", "jsonl"], args.runs)
    digest = time_command([*cli, "digest", str(ARTICLE)], args.runs)
    table = "\n".join([
        "| command | median | max |",
        "|---|---:|---:|",
        f"| `python -c pass` | {statistics.median(python):.3f} s | {max(python):.3f} s |",
        f"| `tongket classify` one article | {statistics.median(classify):.3f} s | {max(classify):.3f} s |",
        f"| `tongket digest` one article | {statistics.median(digest):.3f} s | {max(digest):.3f} s |",
        "",
        f"{args.runs} runs each, a fresh process every run.",
    ])
    from common import publish

    publish("CLI start-up", table, args.write)


if __name__ == "__main__":
    main()
