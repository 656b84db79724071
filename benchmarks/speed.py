"""Throughput of classify and digest against reading+splitting alone and against sumy's LexRank, on corpus articles.

    python benchmarks/speed.py [--sizes 1000] [--sources vietnews vntc] [--write]

Every figure is articles per second measured in this run; ratios compare with LexRank (same
articles, five sentences each) and with the floor of just reading and sentence-splitting.
"""

from __future__ import annotations

import argparse
import multiprocessing

from common import corpus_records, peak_memory_mb, publish, timed

from tongket.pipeline import analyse_batch, batches, digest_batch
from tongket.models.store import load_classifier
from tongket.text.clean import assign_roles
from tongket.text.read import article_from_record
from tongket.text.segment import segment_article

_classifier = None


def _articles(records):
    return [article_from_record(r, r["id"]) for r in records]


def read_and_split(records) -> int:
    for article in _articles(records):
        assign_roles(segment_article(article))
    return len(records)


def classify(records) -> int:
    for chunk in batches(_articles(records)):
        analyse_batch(chunk, _get(), sentences=False)
    return len(records)


def digest(records) -> int:
    for chunk in batches(_articles(records)):
        digest_batch(chunk, _get())
    return len(records)


def _get():
    global _classifier
    if _classifier is None:
        _classifier = load_classifier()
    return _classifier


def digest_parallel(records, jobs: int = 2) -> int:
    _get()
    size = max(1, len(records) // (jobs * 8))
    parts = [records[i : i + size] for i in range(0, len(records), size)]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return sum(pool.map(digest, parts))


def lexrank(records) -> int:
    from lexrank_baseline import lexrank_summary

    for record in records:
        lexrank_summary(record["text"], 5)
    return len(records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--sources", nargs="+", default=["vietnews", "vntc"], help="corpus sources, each measured apart")
    parser.add_argument("--write", action="store_true", help="append the table to RESULTS.md")
    args = parser.parse_args()
    rows = ["| source | articles | read+split (floor) | classify | digest | LexRank | digest ÷ LexRank | digest ÷ floor | digest, 2 processes |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for source in args.sources:
        for size in args.sizes:
            records = corpus_records(size, (source,))
            rates = {}
            for name, function in (("read", read_and_split), ("classify", classify), ("digest", digest),
                                   ("lexrank", lexrank), ("digest2", digest_parallel)):
                seconds, count = timed(function, records)
                rates[name] = count / seconds
            rows.append(
                f"| {source} | {len(records)} | {rates['read']:.0f}/s | {rates['classify']:.0f}/s | {rates['digest']:.0f}/s | "
                f"{rates['lexrank']:.0f}/s | {rates['digest'] / rates['lexrank']:.1f}× | {rates['digest'] / rates['read']:.0%} | "
                f"{rates['digest2']:.0f}/s |"
            )
            print(rows[-1], flush=True)
    table = "\n".join(rows) + (
        "\n\nEvery column but the last runs on one core in this process, one after another on the same articles, so"
        f" the ratios compare like with like. Peak memory of the benchmark process: {peak_memory_mb():.0f} MB."
    )
    publish("Speed: articles per second, one core", table, args.write)


if __name__ == "__main__":
    main()
