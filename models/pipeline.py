"""One call per job: read files → analyse → records or digests, with bad files reported, never fatal."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from tongket.models.analyse import Classifier, analyse
from tongket.models.digest import Digest, build_digest
from tongket.text.document import Article
from tongket.text.errors import InputError
from tongket.text.read import read_articles

__all__ = ["iter_articles", "classify_records", "paragraph_records", "sentence_records", "digest_articles"]

OnError = Callable[[InputError], None]


def iter_articles(paths: Iterable[str | Path], on_error: OnError) -> Iterator[Article]:
    """Every article of every path, in order; unreadable ones go to `on_error`."""
    for path in paths:
        yield from read_articles(path, on_error=on_error)


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


def classify_records(articles: Iterable[Article], classifier: Classifier, level: str) -> Iterator[dict]:
    """Stream `classify` records for each article at paragraph or sentence level."""
    for article in articles:
        analyse(article, classifier, sentences=level == "sentence")
        yield from (sentence_records if level == "sentence" else paragraph_records)(article)


def digest_articles(articles: Iterable[Article], classifier: Classifier) -> Iterator[Digest]:
    """Stream one digest per article."""
    for article in articles:
        yield build_digest(analyse(article, classifier))
