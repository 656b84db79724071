"""Helpers shared by the benchmark scripts: corpus access, timing, the results file."""

from __future__ import annotations

import json
import platform
import resource
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus"
RESULTS = HERE / "RESULTS.md"


def corpus_records(limit: int, sources: tuple[str, ...] = ("vietnews", "vntc")) -> list[dict]:
    """The first `limit` corpus records, VietNews first, then VNTC."""
    records: list[dict] = []
    for source in sources:
        with (CORPUS / source / "articles.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                records.append(json.loads(line))
                if len(records) == limit:
                    return records
    return records


def timed(function, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def peak_memory_mb() -> float:
    """Peak resident memory of this process and its finished children, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def machine() -> str:
    import os

    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def append_results(title: str, command: str, body: str) -> None:
    """Add a dated section to RESULTS.md (newest last)."""
    section = f"\n## {title}\n\n{date.today().isoformat()} · {machine()} · `{command}`\n\n{body}\n"
    with RESULTS.open("a", encoding="utf-8") as handle:
        handle.write(section)


def publish(title: str, table: str, write: bool) -> None:
    """Print a result table and, with --write, log it in RESULTS.md with the command that made it."""
    import sys

    print(table)
    if write:
        script = Path(sys.argv[0]).name
        append_results(title, " ".join(["python", f"benchmarks/{script}", *sys.argv[1:]]), table)


def chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
