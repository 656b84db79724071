"""NumPy-only inference for the linear unit classifier, so `tongket classify` starts fast.

`UnitClassifier.fit` (scikit-learn) learns the weights; this class applies them. Both the
estimator and the model directory's `runtime.npz` use this one implementation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tongket.models.features import analyze, context_matrix, local_matrix

__all__ = ["LinearRuntime", "ARRAY_NAMES"]

ARRAY_NAMES = (
    "idf", "local_coef", "local_intercept", "multi_coef", "multi_intercept",
    "final_coef", "final_intercept", "final_multi_coef", "final_multi_intercept",
)


@dataclass
class LinearRuntime:
    """Weights of the two-pass classifier: a local pass, then a pass that also sees the neighbours."""

    classes: list[str]
    content_labels: list[str]
    vocabulary: dict[str, int]
    idf: np.ndarray
    local_coef: np.ndarray
    local_intercept: np.ndarray
    multi_coef: np.ndarray
    multi_intercept: np.ndarray
    final_coef: np.ndarray
    final_intercept: np.ndarray
    final_multi_coef: np.ndarray
    final_multi_intercept: np.ndarray

    def predict(self, units: Sequence[dict]) -> tuple[np.ndarray, np.ndarray]:
        """Class probabilities (n × classes) and content scores (n × content labels)."""
        if not units:
            return np.zeros((0, len(self.classes))), np.zeros((0, len(self.content_labels)))
        ids, weights, starts = self._tfidf(units)
        dense = local_matrix(units)
        local_probs = _softmax(self._linear(self.local_coef, self.local_intercept, ids, weights, starts, dense))
        local_scores = _sigmoid(self._linear(self.multi_coef, self.multi_intercept, ids, weights, starts, dense))
        if self.final_coef.size == 0:
            return local_probs, local_scores
        context = np.hstack([dense, context_matrix(units, local_probs)])
        probs = _softmax(self._linear(self.final_coef, self.final_intercept, ids, weights, starts, context))
        scores = _sigmoid(self._linear(self.final_multi_coef, self.final_multi_intercept, ids, weights, starts, context))
        sentences = np.array([unit.get("level") == "sentence" for unit in units])
        probs[sentences], scores[sentences] = local_probs[sentences], local_scores[sentences]
        return probs, scores

    def _tfidf(self, units: Sequence[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        ids: list[int] = []
        weights: list[float] = []
        starts = [0]
        for unit in units:
            counts = Counter(term for term in analyze(unit["text"]) if term in self.vocabulary)
            row_ids = np.fromiter((self.vocabulary[t] for t in counts), dtype=np.int64, count=len(counts))
            row = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))) * self.idf[row_ids]
            norm = np.sqrt((row**2).sum())
            ids.extend(row_ids.tolist())
            weights.extend((row / norm if norm else row).tolist())
            starts.append(len(ids))
        return np.asarray(ids, dtype=np.int64), np.asarray(weights), np.asarray(starts)

    def _linear(self, coef, intercept, ids, weights, starts, dense) -> np.ndarray:
        n_text = len(self.idf)
        sparse_part = np.zeros((len(starts) - 1, coef.shape[0]))
        if len(ids):
            products = coef[:, ids] * weights
            nonempty = starts[:-1] < starts[1:]
            sums = np.add.reduceat(products, starts[:-1][nonempty], axis=1)
            sparse_part[nonempty] = sums.T
        return sparse_part + dense @ coef[:, n_text:].T + intercept

    def arrays(self) -> dict[str, np.ndarray]:
        """The numeric weights by name, for `numpy.savez`."""
        return {name: getattr(self, name) for name in ARRAY_NAMES}


def _softmax(scores: np.ndarray) -> np.ndarray:
    if scores.shape[1] == 1:
        return np.hstack([1 - _sigmoid(scores), _sigmoid(scores)])
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def _sigmoid(scores: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(scores, -50, 50)))
