"""The labelling queue: corpus units the current model is least sure about, no two alike.

Uncertainty is about the content labels, which digests and reports rest on: the margin between the two
most probable content labels, weighted by the chance that the unit is content at all (a unit at 0.48
achievement / 0.45 limitation is worth a label; a unit that is surely context is not). On the simulated
labeller of `benchmarks/active_learning.py` this beat random picks on 7 of 8 seeds, where the margin over
all body labels beat them on 5. Page chrome the rules recognise is never proposed. Taken alone, the most uncertain units are often near-copies (the
same stock sentence in twenty articles), so the queue is filled greedily: a unit joins only when its
TF-IDF cosine to every unit already queued stays below `MAX_SIMILARITY`, and at most `PER_ARTICLE`
units come from one article.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

__all__ = ["Candidate", "CorpusPool", "margins", "content_uncertainty", "select", "MAX_SIMILARITY", "PER_ARTICLE"]

MAX_SIMILARITY = 0.5
PER_ARTICLE = 2
DENSITY = 1.0


@dataclass
class Candidate:
    """One unlabelled corpus unit with the model's opinion and its neighbours for context."""

    source: str
    article: str
    index: int
    text: str
    title: str
    before: str
    after: str
    predicted: str
    scores: dict[str, float]
    uncertainty: float

    @property
    def key(self) -> tuple[str, int]:
        return (self.article, self.index)

    def to_json(self) -> dict:
        return {"source": self.source, "article": self.article, "index": self.index, "text": self.text, "title": self.title,
                "before": self.before, "after": self.after, "predicted": self.predicted, "scores": self.scores,
                "uncertainty": round(self.uncertainty, 4)}


def margins(probs: np.ndarray, classes: Sequence[str] | None = None) -> np.ndarray:
    """1 − (p₁ − p₂) per row: 1 when the two best labels tie, 0 when one label takes everything.

    With `classes`, only the body labels (content and context) count, renormalised: whether a line is a
    caption or page chrome is cheap to tell, while the content labels are what digests and reports rest on."""
    if classes is not None:
        from tongket.text.document import ROLE_LABELS

        body = [i for i, name in enumerate(classes) if name not in ROLE_LABELS]
        probs = probs[:, body] / np.maximum(probs[:, body].sum(axis=1, keepdims=True), 1e-12)
    if probs.shape[1] < 2:  # a model that knows one label tells nothing apart
        return np.ones(len(probs))
    top = np.sort(probs, axis=1)[:, -2:]
    return 1.0 - (top[:, 1] - top[:, 0])


def content_uncertainty(probs: np.ndarray, classes: Sequence[str]) -> np.ndarray:
    """P(content) × (1 − (p₁ − p₂)) over the content labels (every label but context and the page roles, so a
    category of the user's own counts as content); the body-label margin when fewer than two content labels exist."""
    from tongket.text.document import ROLE_LABELS

    content = [i for i, name in enumerate(classes) if name not in ROLE_LABELS and name != "context"]
    if len(content) < 2:
        return margins(probs, classes)
    return probs[:, content].sum(axis=1) * margins(probs[:, content])


def select(texts: Sequence[str], articles: Sequence[str], uncertainty: np.ndarray, k: int,
           max_similarity: float = MAX_SIMILARITY, per_article: int = PER_ARTICLE, density: float = DENSITY) -> list[int]:
    """Indices of up to `k` units, most informative first, skipping near-copies of chosen ones and crowded articles.

    Informative is uncertain and typical: the margin weighted by the unit's mean similarity to the pool
    (raised to `density`), so that the queue does not fill with odd lines no other article resembles."""
    if not len(texts):
        return []
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectors = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit_transform(texts)
    typical = np.asarray((vectors @ np.asarray(vectors.sum(axis=0)).ravel()[:, None])).ravel() / len(texts)
    score = uncertainty * np.power(np.maximum(typical, 1e-9), density) if density else uncertainty
    chosen: list[int] = []
    per: dict[str, int] = {}
    for index in np.argsort(-score, kind="stable"):
        if per.get(articles[index], 0) >= per_article:
            continue
        if chosen and (vectors[chosen] @ vectors[index].T).max() >= max_similarity:
            continue
        chosen.append(int(index))
        per[articles[index]] = per.get(articles[index], 0) + 1
        if len(chosen) == k:
            break
    return chosen


@dataclass
class CorpusPool:
    """A sample of corpus articles, as units, scored by a model; refilled when the model changes."""

    corpus: Path
    size: int = 300
    seed: int = 0
    records: list[dict] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)

    def load(self) -> CorpusPool:
        """Sample `size` articles from every `<corpus>/<source>/articles.jsonl` (reservoir, seeded)."""
        from tongket.training.corpus import SOURCES

        rng = random.Random(self.seed)
        sample: list[tuple[str, dict]] = []
        seen = 0
        for source in SOURCES:
            path = self.corpus / source / "articles.jsonl"
            if not path.is_file():
                continue
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    seen += 1
                    if len(sample) < self.size:
                        sample.append((source, json.loads(line)))
                    elif (slot := rng.randrange(seen)) < self.size:
                        sample[slot] = (source, json.loads(line))
        self.records = [record for _, record in sample]
        self.sources = {record["id"]: source for source, record in sample}
        return self

    @property
    def by_id(self) -> dict[str, dict]:
        return {record["id"]: record for record in self.records}

    def candidates(self, classifier, labelled: set[tuple[str, int]]) -> list[Candidate]:
        """Every unlabelled unit of the pool with the classifier's probabilities and margin."""
        from tongket.models.units import paragraph_units
        from tongket.text.clean import assign_roles
        from tongket.text.document import Article
        from tongket.training.corpus import corpus_units

        articles, where = [], []
        for record in self.records:
            units = corpus_units(record)
            order = sorted(units)
            title = record.get("title") or ""
            texts = ([title] if title.strip() else []) + [units[i] for i in order]
            articles.append(assign_roles(Article.from_units(record["id"], texts, title=title or None)))
            where.append((record, order, 1 if title.strip() else 0))
        units = [u for article in articles for u in paragraph_units(article)]
        probs = classifier.predict_proba(units) if units else np.zeros((0, len(classifier.classes)))
        uncertainty = content_uncertainty(probs, classifier.classes) if len(probs) else np.zeros(0)
        result, row = [], 0
        for article, (record, order, offset) in zip(articles, where):
            texts = [p.text for p in article.paragraphs]
            for position, paragraph in enumerate(article.paragraphs):
                current = row + position
                if position < offset or (record["id"], order[position - offset]) in labelled:
                    continue
                if paragraph.role_is_certain and paragraph.role != "body":
                    continue  # page chrome the rules already recognise
                scores = {name: round(float(p), 4) for name, p in zip(classifier.classes, probs[current])}
                result.append(Candidate(
                    self.sources[record["id"]], record["id"], order[position - offset], paragraph.text, record.get("title") or "",
                    texts[position - 1] if position > offset else "", texts[position + 1] if position + 1 < len(texts) else "",
                    classifier.classes[int(np.argmax(probs[current]))], scores, float(uncertainty[current]),
                ))
            row += len(article.paragraphs)
        return result


def labelled_units(records: Iterable[dict]) -> set[tuple[str, int]]:
    """(article, index) of every corpus reference line given."""
    return {(r["article"], r["index"]) for r in records if "sha256" in r}
