"""Run the flow on one article: segment → clean → classify paragraphs and sentences."""

from __future__ import annotations

import logging
import re
from typing import Protocol

import numpy as np

from tongket.models.units import paragraph_units, sentence_units
from tongket.text.decode import looks_vietnamese
from tongket.text.clean import assign_roles
from tongket.text.document import CONTENT_LABELS, Article
from tongket.text.segment import segment_article

__all__ = ["Classifier", "analyse", "BODY_LABELS"]

logger = logging.getLogger(__name__)
BODY_LABELS = (*CONTENT_LABELS, "context")
_ORDINAL_WORD = re.compile(
    r"^\s*(?:(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+là|thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\b",
    re.IGNORECASE,
)


class Classifier(Protocol):
    """What the flow needs of a backend: class names and, for units, probabilities and content scores."""

    classes: list[str]

    def predict(self, units: list[dict]) -> tuple[np.ndarray, np.ndarray]: ...


def analyse(article: Article, classifier: Classifier, *, sentences: bool = True) -> Article:
    """Label every paragraph (and, if asked, every sentence) of `article` in place and return it."""
    if not article.paragraphs:
        segment_article(article)
        assign_roles(article)
    if not looks_vietnamese(article.text):
        logger.warning("%s: does not look like Vietnamese text; labels may be meaningless", article.source or article.id)
    _label_paragraphs(article, classifier)
    if sentences:
        _label_sentences(article, classifier)
    return article


def _scores(row: np.ndarray) -> dict[str, float]:
    return {name: round(float(value), 4) for name, value in zip(CONTENT_LABELS, row)}


def _label_paragraphs(article: Article, classifier: Classifier) -> None:
    probs, scores = classifier.predict(paragraph_units(article))
    for paragraph, prob, score in zip(article.paragraphs, probs, scores):
        if paragraph.role_is_certain and paragraph.role != "body":
            paragraph.label = paragraph.role
            score = np.zeros_like(score)  # page chrome states no achievement, limitation or task
        else:
            paragraph.label = classifier.classes[int(np.argmax(prob))]
        paragraph.scores = _scores(score)
    _unify_ordinal_lists(article, probs, classifier.classes)


def _unify_ordinal_lists(article: Article, probs: np.ndarray, classes: list[str]) -> None:
    """"Một là … Năm là" items share one role: the one the whole run supports best."""
    columns = [classes.index(name) for name in BODY_LABELS if name in classes]
    run: list[int] = []
    for paragraph in [*article.paragraphs, None]:
        if paragraph is not None and paragraph.label in BODY_LABELS and _ORDINAL_WORD.match(paragraph.text):
            run.append(paragraph.index)
            continue
        if len(run) >= 2:
            best = classes[columns[int(np.argmax(probs[run][:, columns].mean(axis=0)))]]
            for index in run:
                article.paragraphs[index].label = best
        run = []


def _label_sentences(article: Article, classifier: Classifier) -> None:
    """Sentences of multi-sentence body paragraphs get their own label; a lone sentence shares its paragraph's."""
    for paragraph in article.paragraphs:
        if paragraph.label not in BODY_LABELS or len(paragraph.sentences) == 1:
            for sentence in paragraph.sentences:
                sentence.label, sentence.scores = paragraph.label, dict(paragraph.scores)
    units = [
        u for u in sentence_units(article)
        if article.paragraphs[u["paragraph"]].label in BODY_LABELS and len(article.paragraphs[u["paragraph"]].sentences) > 1
    ]
    if not units:
        return
    probs, scores = classifier.predict(units)
    body_columns = [classifier.classes.index(name) for name in BODY_LABELS if name in classifier.classes]
    for unit, prob, score in zip(units, probs, scores):
        sentence = article.paragraphs[unit["paragraph"]].sentences[unit["sentence"]]
        sentence.scores = _scores(score)
        sentence.label = classifier.classes[body_columns[int(np.argmax(prob[body_columns]))]]
