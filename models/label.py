"""The classify step: label every paragraph, and the sentences of mixed paragraphs, of a batch of articles.

All paragraphs of the batch go through the classifier in one call, then all sentences that need
their own label in a second call, so the cost per article is a share of two matrix products.
A unit's `scores` are the probabilities of the content labels from the same distribution that
chose its `label`, so the two never disagree: a `task` unit scores highest on task, and a
`context` unit scores at most 0.5 on any content label.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from tongket.models.units import Unit, paragraph_units, sentence_units
from tongket.text.document import CONTENT_LABELS, LABELS, Article, Paragraph

__all__ = ["Classifier", "label_articles", "BODY_LABELS", "content_labels"]

BODY_LABELS = (*CONTENT_LABELS, "context")
_ORDINAL_WORD = re.compile(
    r"^\s*(?:(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+là|thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\b",
    re.IGNORECASE,
)


class Classifier(Protocol):
    """What the flow needs of a backend: its class names and a probability for each."""

    classes: list[str]

    def predict_proba(self, units: Sequence[Unit]) -> np.ndarray: ...


def content_labels(classes: Sequence[str]) -> tuple[str, ...]:
    """The built-in content labels, then any category of the user's own the model learnt."""
    return (*CONTENT_LABELS, *(name for name in classes if name not in LABELS))


def label_articles(articles: Sequence[Article], classifier: Classifier, *, sentences: bool = True) -> None:
    """Set `label` and `scores` on every paragraph (and, if asked, every sentence) of segmented, cleaned articles."""
    classes = list(classifier.classes)
    titles = {c["name"]: c["title"] for c in getattr(classifier, "categories", None) or [] if c["name"] in classes}
    units = [unit for article in articles for unit in paragraph_units(article)]
    probs = classifier.predict_proba(units)
    reviews = classifier.review_scores(units, probs) if hasattr(classifier, "review_scores") else {}
    winners = np.argmax(probs, axis=1) if len(probs) else np.zeros(0, dtype=np.int64)
    scores = _score_dicts(probs, classes)
    start = 0
    offsets = []
    for article in articles:
        end = start + len(article.paragraphs)
        offsets.append(start)
        _label_paragraphs(article, probs[start:end], winners[start:end], scores[start:end], classes)
        article.review_score = reviews.get(article.id)
        article.categories = dict(titles)
        start = end
    if sentences:
        _label_sentences(articles, probs, offsets, classifier, classes)


# A sentence's label weighs its own probabilities against its paragraph's: read alone, a sentence loses what the
# paragraph classifier sees (its neighbours, the article around it). On real articles under 5-fold cross-validation
# grouped by article, sentence macro-F1 rose from 0.664 (own probabilities only) to 0.683 at 0.7.
SENTENCE_WEIGHT = 0.7


def _scores(row: np.ndarray, classes: list[str]) -> dict[str, float]:
    return _score_dicts(row[None, :], classes)[0]


def _score_dicts(rows: np.ndarray, classes: list[str]) -> list[dict[str, float]]:
    """The content-label scores of every row, rounded: one `tolist` for the batch, not a NumPy scalar per value."""
    columns = [(name, classes.index(name) if name in classes else None) for name in content_labels(classes)]
    return [{name: 0.0 if column is None else round(row[column], 4) for name, column in columns} for row in rows.tolist()]


def _label_paragraphs(
    article: Article, probs: np.ndarray, winners: np.ndarray, scores: list[dict[str, float]], classes: list[str]
) -> None:
    content = content_labels(classes)
    for paragraph, winner, row_scores in zip(article.paragraphs, winners.tolist(), scores):
        if paragraph.role_is_certain and paragraph.role != "body":
            paragraph.label = paragraph.role
            paragraph.scores = dict.fromkeys(content, 0.0)  # page chrome states no achievement, limitation or task
        else:
            paragraph.label = classes[winner]
            paragraph.scores = row_scores
    _unify_ordinal_lists(article.paragraphs, probs, classes)


def _unify_ordinal_lists(paragraphs: list[Paragraph], probs: np.ndarray, classes: list[str]) -> None:
    """"Một là … Năm là" items share one role: the one the whole run supports best, with the run's mean scores."""
    body = _body(classes)
    columns = [classes.index(name) for name in body if name in classes]
    run: list[int] = []
    for paragraph in [*paragraphs, None]:
        if paragraph is not None and paragraph.label in body and _ORDINAL_WORD.match(paragraph.text):
            run.append(paragraph.index)
            continue
        if len(run) >= 2:
            mean = probs[run].mean(axis=0)
            best = classes[columns[int(np.argmax(mean[columns]))]]
            for index in run:
                paragraphs[index].label = best
                paragraphs[index].scores = _scores(mean, classes)
        run = []


def _body(classes: Sequence[str]) -> tuple[str, ...]:
    return (*content_labels(classes), "context")


def _needs_sentences(paragraph: Paragraph, body: tuple[str, ...] = BODY_LABELS) -> bool:
    return paragraph.label in body and len(paragraph.sentences) > 1


def _label_sentences(
    articles: Sequence[Article], probs: np.ndarray, offsets: Sequence[int], classifier: Classifier, classes: list[str]
) -> None:
    """Sentences of multi-sentence body paragraphs get their own label, leaning on their paragraph's (see
    `SENTENCE_WEIGHT`); a lone sentence shares its paragraph's. `probs` are the paragraphs' probabilities, each
    article's from its row in `offsets`."""
    body_labels = _body(classes)
    units: list[Unit] = []
    rows: list[int] = []  # each unit's paragraph row in `probs`
    owners: list[int] = []
    for number, article in enumerate(articles):
        for paragraph in article.paragraphs:
            if not _needs_sentences(paragraph, body_labels):
                for sentence in paragraph.sentences:
                    sentence.label, sentence.scores = paragraph.label, dict(paragraph.scores)
        chosen = sentence_units(article, lambda paragraph: _needs_sentences(paragraph, body_labels))
        units += chosen
        rows += [offsets[number] + u.paragraph for u in chosen]
        owners += [number] * len(chosen)
    if not units:
        return
    mixed = SENTENCE_WEIGHT * classifier.predict_proba(units) + (1 - SENTENCE_WEIGHT) * probs[rows]
    body = [classes.index(name) for name in body_labels if name in classes]
    winners = np.argmax(mixed[:, body], axis=1).tolist()
    for unit, number, winner, scores in zip(units, owners, winners, _score_dicts(mixed, classes)):
        sentence = articles[number].paragraphs[unit.paragraph].sentences[unit.sentence]
        sentence.label = classes[body[winner]]
        sentence.scores = scores
