"""The per-article flow, written once: read → clean → segment → classify → extract → key points → summary.

Every caller — `tongket classify`, `digest`, `report`, `evaluate`, the benchmarks and the tests —
goes through `analyse_batch` and `digest_batch`. Articles travel in batches so the classifier
sees all units of many articles in one matrix product; each article's result depends only on
that article, so batch size never changes an output.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path

from typing import TYPE_CHECKING

from tongket.models.label import Classifier, label_articles
from tongket.text.clean import assign_roles
from tongket.text.decode import looks_vietnamese
from tongket.text.document import Article
from tongket.text.errors import InputError
from tongket.text.read import read_articles
from tongket.text.segment import segment_article

if TYPE_CHECKING:  # the extraction patterns take a tenth of a second to compile; `classify` never needs them
    from tongket.summarise.digest import Digest

__all__ = [
    "BATCH_SIZE", "prepare", "analyse_batch", "digest_batch", "batches", "iter_articles", "analyse_stream",
    "digest_stream", "paragraph_records", "sentence_records",
]

logger = logging.getLogger(__name__)
OnError = Callable[[InputError], None]
BATCH_SIZE = 64


def prepare(article: Article) -> Article:
    """Segment the article's text into paragraphs and sentences (unless its units were given) and mark page roles."""
    if not article.units_given:
        segment_article(article)
    assign_roles(article)
    if article.text.strip() and not looks_vietnamese(article.text):
        logger.warning("%s: does not look like Vietnamese text; labels may be meaningless", article.source or article.id)
    return article


def analyse_batch(articles: Sequence[Article], classifier: Classifier, *, sentences: bool = True) -> list[Article]:
    """Prepare and label a batch of articles in place; returns them."""
    for article in articles:
        prepare(article)
    label_articles(articles, classifier, sentences=sentences)
    return list(articles)


def digest_batch(articles: Sequence[Article], classifier: Classifier) -> list[Digest]:
    """The digest of every article of the batch: labels, event metadata, key points and summary."""
    from tongket.summarise.digest import build_digest

    return [build_digest(article) for article in analyse_batch(articles, classifier)]


def batches(items: Iterable, size: int = BATCH_SIZE) -> Iterator[list]:
    """Consecutive lists of up to `size` items, so a stream is classified a batch at a time."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def iter_articles(paths: Iterable[str | Path], on_error: OnError) -> Iterator[Article]:
    """Every article of every path, in order; unreadable ones go to `on_error`."""
    for path in paths:
        yield from read_articles(path, on_error=on_error)


def analyse_stream(articles: Iterable[Article], classifier: Classifier, *, sentences: bool = True) -> Iterator[Article]:
    """Labelled articles, one batch at a time, in input order."""
    for chunk in batches(articles):
        yield from analyse_batch(chunk, classifier, sentences=sentences)


def digest_stream(articles: Iterable[Article], classifier: Classifier) -> Iterator[Digest]:
    """Digests, one batch at a time, in input order."""
    for chunk in batches(articles):
        yield from digest_batch(chunk, classifier)


def paragraph_records(article: Article) -> list[dict]:
    """The `classify` output for each paragraph of an analysed article."""
    return [
        {"doc": article.id, "index": p.index, "text": p.text, "label": p.label, "scores": p.scores}
        for p in article.paragraphs
    ]


def sentence_records(article: Article) -> list[dict]:
    """The `classify` output for each sentence of an analysed article."""
    return [
        {"doc": article.id, "paragraph": p.index, "index": s.index, "text": s.text, "label": s.label, "scores": s.scores}
        for p in article.paragraphs
        for s in p.sentences
    ]
