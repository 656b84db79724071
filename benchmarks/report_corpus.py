"""A batch report over a real corpus: cold run, then the same run served from the cache.

    python benchmarks/report_corpus.py [--corpus ../shared/corpus/vietnews/articles.jsonl] [--jobs 2] [--write]

Runs `tongket report` as a user would (a fresh process, the shipped model), with an empty
cache folder, then again with the cache filled; prints time, articles/s and peak memory.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import CORPUS, publish

CLI = [sys.executable, "-c", "from tongket.cli.app import main; main()"]


def run_report(corpus: Path, output: Path, cache: Path, jobs: int) -> tuple[float, float]:
    """Seconds and peak resident MB (largest process of the run) of one `tongket report`."""
    command = [*CLI, "report", str(corpus), "-o", str(output), "--cache", str(cache), "--jobs", str(jobs), "--no-progress"]
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr)
    return seconds, int(done.stdout.strip().splitlines()[-1]) / 1024


# A fresh parent per run, so the peak it reports belongs to that run's processes alone.
_MEASURE = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS / "vietnews" / "articles.jsonl")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--format", default="html")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    articles = sum(1 for line in args.corpus.open(encoding="utf-8") if line.strip())
    with tempfile.TemporaryDirectory() as tmp:
        cache, output = Path(tmp) / "cache", Path(tmp) / f"report.{args.format}"
        cold, cold_mb = run_report(args.corpus, output, cache, args.jobs)
        size_mb = output.stat().st_size / 1e6
        warm, warm_mb = run_report(args.corpus, output, cache, args.jobs)
    table = "\n".join([
        "| run | articles | seconds | articles/s | peak memory |",
        "|---|---:|---:|---:|---:|",
        f"| cold (empty cache, {args.jobs} workers) | {articles} | {cold:.1f} | {articles / cold:.1f} | {cold_mb:.0f} MB |",
        f"| warm (from the cache) | {articles} | {warm:.1f} | {articles / warm:.1f} | {warm_mb:.0f} MB |",
        "",
        f"Speed-up from the cache: {cold / warm:.1f}×. Report file: {size_mb:.1f} MB of {args.format.upper()}.",
    ])
    publish(f"Batch report over {args.corpus.parent.name}", table, args.write)


if __name__ == "__main__":
    main()
