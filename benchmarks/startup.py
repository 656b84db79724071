"""CLI cold start: wall time of `tongket classify` on one bundled article, median of N runs.

    python benchmarks/startup.py [--runs 10] [--against OTHER_PYTHON]

`--against` compares with another installation side by side (the interpreter of a second checkout's
environment, e.g. an earlier commit): the two run in turn, so load on a shared machine falls on both alike.
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
    parser.add_argument("--against", help="another installation's Python, timed in turn with this one")
    parser.add_argument("--write", action="store_true", help="append the figures to RESULTS.md")
    args = parser.parse_args()
    commands = {"classify": ["classify", str(ARTICLE), "--format", "jsonl"], "digest": ["digest", str(ARTICLE)]}
    if args.against:
        table = _side_by_side(args.against, commands, args.runs)
    else:
        python = time_command([sys.executable, "-c", "pass"], args.runs)
        rows = [f"| `python -c pass` | {statistics.median(python):.3f} s | {max(python):.3f} s |"]
        for name, command in commands.items():
            times = time_command([*_cli(sys.executable), *command], args.runs)
            rows.append(f"| `tongket {name}` one article | {statistics.median(times):.3f} s | {max(times):.3f} s |")
        table = "\n".join(["| command | median | max |", "|---|---:|---:|", *rows, "", f"{args.runs} runs each, a fresh process every run."])
    from common import publish

    publish("CLI start-up", table, args.write)


def _cli(python: str) -> list[str]:
    return [python, "-c", "from tongket.cli.app import main; main()"]


def _side_by_side(other: str, commands: dict[str, list[str]], runs: int) -> str:
    """Median seconds of each command under `other` and under this Python, one run of each in turn."""
    rows = []
    for name, command in commands.items():
        times: dict[str, list[float]] = {"other": [], "this": []}
        for _ in range(runs):
            times["other"] += time_command([*_cli(other), *command], 1)
            times["this"] += time_command([*_cli(sys.executable), *command], 1)
        before, after = statistics.median(times["other"]), statistics.median(times["this"])
        rows.append(f"| `tongket {name}` one article | {before:.3f} s | {after:.3f} s | {before / after:.2f}× |")
    return "\n".join([
        "| command | other installation | this one | ratio |", "|---|---:|---:|---:|", *rows, "",
        f"{runs} runs each, the two installations in turn, a fresh process every run; other: `{other}`.",
    ])


if __name__ == "__main__":
    main()
