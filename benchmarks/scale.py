"""Scale: the batch report on 10k, 100k and 1M articles, with the local process pool and a local Dask cluster.

    python benchmarks/scale.py [--sizes 10000 100000 1000000] [--engines local dask] [--incremental] [--write]

The corpus is replicated with light perturbation (every number redrawn, ids made unique), generated on the
fly into a temporary file and deleted afterwards; nothing of it is stored. Each run is a fresh process with
an empty cache. Reported: wall seconds, articles/s, seconds spent digesting and spent grouping and
rendering, the driver's peak memory and the largest worker's peak memory. With --incremental, the 10k
run is followed by a warm rerun and by a rerun with 100 more articles.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import CORPUS, publish

_DIGITS = re.compile(r"\d")

# One run in a fresh process: prints the summary and the peak memory of the driver and of its largest child.
_RUN = """
import json, resource, sys
from pathlib import Path
from tongket.report.options import ReportOptions
from tongket.report.run import write_report
inputs, output, cache, engine = sys.argv[1].split(","), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
options = ReportOptions(cache_dir=cache, jobs=2, engine=engine, scheduler="local" if engine == "dask" else None)
summary = write_report(inputs, output, options)
print(json.dumps({"read": summary.read, "in_report": summary.in_report, "set_aside": summary.set_aside,
                  "seconds": summary.seconds, "digest_seconds": summary.digest_seconds, "from_cache": summary.from_cache,
                  "driver_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def base_records() -> list[dict]:
    records = []
    for source in ("vietnews", "vntc"):
        with (CORPUS / source / "articles.jsonl").open(encoding="utf-8") as handle:
            records += [json.loads(line) for line in handle]
    return records


def write_corpus(path: Path, n: int, records: list[dict], seed: int, start: int = 0) -> Path:
    """`n` articles: the corpus in turn, each copy with its numbers redrawn, so no two are byte-identical."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for k in range(start, start + n):
            record = records[k % len(records)]
            copy = {"id": f"{record['id']}~{k}", "title": record.get("title") or "", "date": record.get("date"),
                    "text": _DIGITS.sub(lambda m: str(rng.randrange(10)), record["text"]) if k >= len(records) else record["text"]}
            handle.write(json.dumps(copy, ensure_ascii=False) + "\n")
    return path


def run(inputs: list[Path], output: Path, cache: Path, engine: str) -> dict:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _RUN, ",".join(map(str, inputs)), str(output), str(cache), engine],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall"] = time.perf_counter() - started
    return result


def row(label: str, engine: str, n: int, result: dict) -> str:
    rest = result["seconds"] - result["digest_seconds"]
    return (f"| {label} | {engine} | {n:,} | {result['wall']:.0f} | {n / result['wall']:.0f} | {result['digest_seconds']:.0f} | "
            f"{rest:.1f} | {result['in_report']:,} | {result['driver_mb']:.0f} | {result['worker_mb']:.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--engines", nargs="+", default=["local", "dask"], choices=["local", "dask"])
    parser.add_argument("--incremental", action="store_true", help="also a warm rerun and +100 articles on the first size")
    parser.add_argument("--write", action="store_true", help="log the table in benchmarks/RESULTS.md")
    args = parser.parse_args()
    records = base_records()
    rows = ["| run | engine | articles | wall s | articles/s | digest s | group + render s | in report | driver MB | largest worker MB |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for n in args.sizes:
            corpus = write_corpus(folder / f"c{n}.jsonl", n, records, seed=n)
            for engine in args.engines:
                cache = folder / f"cache-{n}-{engine}"
                result = run([corpus], folder / f"r{n}-{engine}.md", cache, engine)
                rows.append(row("cold", engine, n, result))
                print(rows[-1], flush=True)
                if args.incremental and n == args.sizes[0]:
                    warm = run([corpus], folder / f"r{n}-{engine}.md", cache, engine)
                    rows.append(row("warm rerun", engine, n, warm))
                    extra = write_corpus(folder / f"extra{n}.jsonl", 100, records, seed=n + 1, start=n + len(records))
                    more = run([corpus, extra], folder / f"r{n}-{engine}.md", cache, engine)
                    rows.append(row("+100 articles", engine, n + 100, more))
                    rows.append(f"| +100 / cold | {engine} | | {more['wall'] / result['wall']:.1%} | | | | | | |")
                    print("\n".join(rows[-3:]), flush=True)
                for path in cache.rglob("*"):
                    if path.is_file():
                        path.unlink()
            corpus.unlink()
    publish("Scale: local pool and local Dask cluster, 2 workers", "\n".join(rows), args.write)


if __name__ == "__main__":
    main()
