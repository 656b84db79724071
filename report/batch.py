"""Digest many articles: streamed, on every core, through a cache that makes reruns and resumed runs cheap."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tongket.report.cache import DigestCache, content_key, model_version
from tongket.report.sources import count_articles, expand_inputs
from tongket.text.document import Article
from tongket.text.errors import InputError
from tongket.text.normalize import fold_key
from tongket.text.read import read_articles

__all__ = ["BatchOptions", "BatchEntry", "run_batch"]

Progress = Callable[[int, int], None]
_CHUNK = 32


@dataclass
class BatchOptions:
    """How to run a batch: workers, the cache folder, the model, which articles to keep."""

    jobs: int = 0
    cache_dir: Path | None = None
    model: Path | None = None
    words: list[str] = field(default_factory=list)
    since: str | None = None
    until: str | None = None


@dataclass
class BatchEntry:
    """One input article's outcome: its cache key when digested, or why it was skipped."""

    order: int
    source: str
    key: str | None = None
    skipped: str | None = None


_worker_classifier = None


def _init_worker(model: str | None) -> None:
    """Load the model once per worker (a forked worker already has the parent's copy)."""
    global _worker_classifier
    if _worker_classifier is None:
        from tongket.models.store import load_classifier

        _worker_classifier = load_classifier(model)


def _digest_chunk(payload: list[tuple[int, str, dict]]) -> list[tuple[int, str, dict | None, str | None]]:
    """Worker: a chunk of article fields in, digest dicts out; an article that fails alone is retried alone."""
    from tongket.pipeline import digest_batch

    try:
        digests = digest_batch([Article(**fields) for _, _, fields in payload], _worker_classifier)
        return [(order, key, d.to_dict(), None) for (order, key, _), d in zip(payload, digests)]
    except Exception:  # one bad article must not stop the batch: find it by digesting one at a time
        if len(payload) == 1:
            order, key, _ = payload[0]
            import sys

            error = sys.exc_info()[1]
            return [(order, key, None, f"{type(error).__name__}: {error}")]
        return [result for item in payload for result in _digest_chunk([item])]


def _fields(article: Article) -> dict:
    return {k: getattr(article, k) for k in ("id", "text", "source", "title", "url", "date")}


def run_batch(inputs: list[str | Path], options: BatchOptions, progress: Progress | None = None) -> tuple[list[BatchEntry], DigestCache]:
    """Digest every article of `inputs`; returns entries in input order and the cache holding the digests."""
    global _worker_classifier
    from tongket.models.store import default_model_dir, load_classifier

    files = expand_inputs(inputs)
    total = count_articles(files)
    model_dir = Path(options.model) if options.model else default_model_dir()
    _worker_classifier = load_classifier(model_dir)  # fails here, once, on a bad model; forked workers share it
    version = model_version(model_dir)
    cache = DigestCache(Path(options.cache_dir or default_cache_dir()) / "digests.sqlite")
    entries: list[BatchEntry] = []
    sent: list[int] = []
    pending = _pending(files, options, version, cache, entries, sent)
    received = 0
    jobs = options.jobs or os.cpu_count() or 1
    try:
        for order, key, digest, error in _process(pending, jobs, str(model_dir)):
            if digest is not None:
                cache.put(key, digest)
            else:
                entries[order].key, entries[order].skipped = None, error
            received += 1
            if progress:
                progress(len(entries) - (len(sent) - received), total)
    finally:
        cache.commit()
    if progress:
        progress(total, total)
    return entries, cache


def default_cache_dir() -> Path:
    """$TONGKET_CACHE, else ~/.cache/tongket."""
    return Path(os.environ.get("TONGKET_CACHE") or Path.home() / ".cache" / "tongket")


def _pending(
    files, options: BatchOptions, version: str, cache: DigestCache, entries: list[BatchEntry], sent: list[int]
) -> Iterator[tuple[int, str, dict]]:
    """Read articles in order; record cached and skipped ones, yield the ones still to digest."""
    words = [fold_key(w) for w in options.words]

    def skip(error: InputError) -> None:
        entries.append(BatchEntry(len(entries), str(error).split(": ", 1)[0], skipped=str(error)))

    for path in files:
        for article in read_articles(path, on_error=skip):
            if words and not all(w in fold_key(article.text) for w in words):
                continue
            key = content_key(version, article.id, article.title, article.text)
            entry = BatchEntry(len(entries), article.source, key=key)
            entries.append(entry)
            if key not in cache:
                sent.append(entry.order)
                yield entry.order, key, _fields(article)


def _process(pending: Iterator[tuple[int, str, dict]], jobs: int, model: str) -> Iterator[tuple[int, str, dict | None, str | None]]:
    from tongket.pipeline import batches

    chunks = batches(pending, _CHUNK)
    if jobs <= 1:
        _init_worker(model)
        for chunk in chunks:
            yield from _digest_chunk(chunk)
        return
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with context.Pool(jobs, initializer=_init_worker, initargs=(model,)) as pool:
        try:
            for results in pool.imap_unordered(_digest_chunk, chunks):
                yield from results
        except BaseException:
            pool.terminate()
            raise
