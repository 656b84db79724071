"""Digest many articles: streamed, a chunk at a time on every core (or a Dask cluster), through the cache.

Each input article becomes a `BatchEntry` in input order: digested (its cache key), skipped (why),
or a duplicate of an earlier entry (the same text read from another file, format or encoding).
"""

from __future__ import annotations

import hashlib
import itertools
import multiprocessing
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from tongket.report.reprints import signature
from tongket.report.store import ReportCache, content_key
from tongket.text.document import Article
from tongket.text.errors import InputError
from tongket.text.normalize import fold_key
from tongket.text.read import read_articles

__all__ = ["BatchEntry", "run_batch", "matches_words", "strip_diacritics", "digest_chunk", "CHUNK"]

Progress = Callable[[int, int], None]
CHUNK = 32
_FIELDS = ("id", "text", "source", "title", "url", "date")


@dataclass
class BatchEntry:
    """One input article's outcome: its cache key when digested, why it was skipped, or whose duplicate it is."""

    order: int
    source: str
    key: str | None = None
    skipped: str | None = None
    duplicate_of: int | None = None
    signature: bytes = field(default=b"", repr=False)


def strip_diacritics(text: str) -> str:
    """Vietnamese without tone and vowel marks, for matching what users type: "Thông tin đối ngoại" → "thong tin doi ngoai"."""
    decomposed = unicodedata.normalize("NFD", fold_key(text).replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def matches_words(article: Article, words: list[str]) -> bool:
    """Every filter word occurs in the article; a word typed without diacritics matches with or without them."""
    if not words:
        return True
    haystack = fold_key(f"{article.title or ''}\n{article.text}")
    plain = None
    for word in words:
        folded = fold_key(word)
        if folded in haystack:
            continue
        if strip_diacritics(word) == folded:
            plain = plain if plain is not None else strip_diacritics(haystack)
            if folded in plain:
                continue
        return False
    return True


def _fingerprint(article: Article) -> str:
    """The same article read from .txt, .html or another encoding gives the same fingerprint."""
    text = " ".join(fold_key(f"{article.title or ''} {article.text}").split())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=4)
def _classifier(model: str):
    """The model of `model`, loaded once per process (a forked worker inherits the parent's copy)."""
    from tongket.models.store import load_classifier

    return load_classifier(model)


def digest_chunk(payload: list[tuple[int, str, dict]], model: str) -> list[tuple[int, str, dict | None, str | None]]:
    """Article fields in, digest dicts out; when the chunk fails, each article is retried alone so one bad
    article costs only itself."""
    from tongket.pipeline import digest_batch

    try:
        digests = digest_batch([Article(**fields) for _, _, fields in payload], _classifier(model))
        return [(order, key, digest.to_dict(), None) for (order, key, _), digest in zip(payload, digests)]
    except Exception as error:  # one bad article must not stop the batch; its reason goes to the report
        if len(payload) == 1:
            order, key, _ = payload[0]
            return [(order, key, None, f"{type(error).__name__}: {error}")]
        return [result for item in payload for result in digest_chunk([item], model)]


def run_batch(
    files: list[Path], words: list[str], version: str, model: str, cache: ReportCache, jobs: int = 0,
    engine: str = "local", scheduler: str | None = None, progress: Progress | None = None, total: int = 0,
) -> list[BatchEntry]:
    """Digest every article of `files` not yet in `cache`; returns one entry per input article, in input order."""
    entries: list[BatchEntry] = []
    pending = _pending(files, words, version, cache, entries)
    chunks = _chunks(pending)
    if engine == "dask":
        results = _dask(chunks, model, scheduler, cache.partition_folder)
    else:
        results = _local(chunks, jobs or os.cpu_count() or 1, model)
    done = 0
    try:
        for order, key, digest, error in results:
            if digest is not None:
                cache.put(key, digest)
            elif error is not None:
                entries[order].key, entries[order].skipped = None, error
            done += 1
            if progress:
                progress(min(len(entries), total), total)
    finally:
        cache.commit()
        cache.refresh_partitions()
    return entries


def _pending(
    files: Iterable[Path], words: list[str], version: str, cache: ReportCache, entries: list[BatchEntry]
) -> Iterator[tuple[int, str, dict]]:
    """Read articles in order; record skipped, filtered-out and duplicate ones, yield those still to digest.

    What a file held (keys, fingerprints, signatures, skips) is remembered by its path, size and time: an
    unchanged file whose digests are all cached is not read again, so a rerun costs little more than a lookup."""
    first: dict[str, int] = {}
    for path in files:
        memo_key = None if words else _file_key(path, version)
        remembered = cache.get_file(memo_key) if memo_key else None
        if remembered is not None and all(item[1] is None or item[1] in cache for item in remembered):
            for source, key, skipped, fingerprint, packed in remembered:
                _place(entries, first, BatchEntry(len(entries), source, key=key, skipped=skipped, signature=bytes.fromhex(packed)),
                       fingerprint)
            continue
        items: list[list] = []

        def skip(error: InputError) -> None:
            entries.append(BatchEntry(len(entries), str(error).split(": ", 1)[0], skipped=str(error)))
            items.append([entries[-1].source, None, entries[-1].skipped, "", ""])

        for article in read_articles(path, on_error=skip):
            if not matches_words(article, words):
                continue
            entry = BatchEntry(len(entries), article.source, key=content_key(version, article.id, article.title, article.text),
                               signature=signature(_shingles(article.text)))
            fingerprint = _fingerprint(article)
            items.append([entry.source, entry.key, None, fingerprint, entry.signature.hex()])
            if _place(entries, first, entry, fingerprint) and entry.key not in cache:
                yield entry.order, entry.key, {name: getattr(article, name) for name in _FIELDS}
        if memo_key:
            cache.put_file(memo_key, items)


def _place(entries: list[BatchEntry], first: dict[str, int], entry: BatchEntry, fingerprint: str) -> bool:
    """Add the entry; a skipped one or a copy of an earlier article (same fingerprint) needs no digest: False."""
    entries.append(entry)
    if entry.skipped is not None:
        return False
    if fingerprint in first:
        entry.duplicate_of, entry.key = first[fingerprint], None
        return False
    first[fingerprint] = entry.order
    return True


def _file_key(path: Path, version: str) -> str | None:
    """Path, size, modification time and digest version: any change to the file or the code → another key."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{version}"


def _shingles(text: str, size: int = 5, limit: int = 200) -> list[str]:
    """Word 5-grams of the start of the text: enough to recognise a reprint of the same article."""
    words = fold_key(text).split()[: limit + size]
    return [" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))]


def _chunks(pending: Iterator[tuple[int, str, dict]]) -> Iterator[list[tuple[int, str, dict]]]:
    from tongket.pipeline import batches

    return batches(pending, CHUNK)


def _local(chunks, jobs: int, model: str) -> Iterator[tuple[int, str, dict | None, str | None]]:
    chunks = iter(chunks)
    first = next(chunks, None)
    if first is None:  # everything cached: neither the model nor the extraction rules are needed
        return
    chunks = itertools.chain([first], chunks)
    _classifier(model)  # fails here, once, on a bad model; forked workers inherit it
    import tongket.summarise.digest  # noqa: F401  the rules compile once here, not once per worker
    if jobs <= 1:
        for chunk in chunks:
            yield from digest_chunk(chunk, model)
        return
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with context.Pool(jobs) as pool:
        try:
            for results in pool.imap_unordered(partial(digest_chunk, model=model), chunks):
                yield from results
        except BaseException:
            pool.terminate()
            raise


def _dask(chunks, model: str, scheduler: str | None, folder: Path) -> Iterator[tuple[int, str, dict | None, str | None]]:
    """The same chunk function on a Dask cluster; `scheduler` "local" starts a local cluster of processes.
    Workers write digests to Parquet partitions in `folder`; only (order, key, error) comes back."""
    from tongket.report.cluster import dask_results

    yield from dask_results(chunks, model, scheduler, folder)
