"""The unit classifier: TF-IDF over syllables plus shape, then a second pass over the neighbours.

A scikit-learn estimator: parameters in `__init__`, `fit` returns self, fitted state ends in `_`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.utils.validation import check_is_fitted

from tongket.models.features import analyze, context_matrix, local_matrix
from tongket.models.runtime import LinearRuntime
from tongket.text.document import CONTENT_LABELS

__all__ = ["UnitClassifier"]


class UnitClassifier(ClassifierMixin, BaseEstimator):
    """Labels units (paragraphs or sentences) of articles as achievement, limitation, task, context or a page role.

    X is a sequence of unit dicts (see `tongket.models.features`); units of one article must
    share `article` and carry `position` so the second pass can look at their neighbours.
    The second pass serves paragraphs only: on sentences it lost to the first pass in grouped
    cross-validation (macro-F1 0.909 against 0.921), so sentences keep their first-pass labels.
    """

    def __init__(
        self,
        *,
        C: float = 8.0,
        context_C: float = 4.0,
        min_df: int = 2,
        use_context: bool = True,
        n_folds: int = 3,
        class_weight: str | None = "balanced",
        max_iter: int = 2000,
        tol: float = 1e-3,
    ) -> None:
        self.C = C
        self.context_C = context_C
        self.min_df = min_df
        self.use_context = use_context
        self.n_folds = n_folds
        self.class_weight = class_weight
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, X: Sequence[dict], y: Sequence[str], content: Sequence[set[str]] | None = None) -> UnitClassifier:
        """Learn from units and their labels; `content` gives multi-label sets for mixed units."""
        units, labels = list(X), np.asarray(y)
        targets = self._content_targets(labels, content)
        self.classes_ = np.unique(labels)
        self.content_labels_ = list(CONTENT_LABELS)
        self.vectorizer_ = TfidfVectorizer(analyzer=analyze, sublinear_tf=True, min_df=self.min_df, dtype=np.float64)
        local = sparse.hstack([self.vectorizer_.fit_transform([u["text"] for u in units]), local_matrix(units)]).tocsr()
        if hasattr(self.vectorizer_, "stop_words_"):
            del self.vectorizer_.stop_words_  # older scikit-learn keeps every pruned term; it only bloats the file
        self.local_ = self._model(self.C).fit(local, labels)
        self.multi_ = [self._binary(self.C, local, targets[:, k]) for k in range(targets.shape[1])]
        self.final_, self.final_multi_ = None, []
        if self.use_context:
            stacked = self._out_of_fold(units, local, labels, targets)
            rows = np.array([u.get("level") != "sentence" for u in units])
            second = sparse.hstack([local, context_matrix(units, stacked)]).tocsr()[rows]
            self.final_ = self._model(self.context_C).fit(second, labels[rows])
            self.final_multi_ = [self._binary(self.context_C, second, targets[rows, k]) for k in range(targets.shape[1])]
        self.runtime_ = self._export()
        return self

    def predict_proba(self, X: Sequence[dict]) -> np.ndarray:
        """Probabilities over `classes_` for each unit."""
        check_is_fitted(self, "runtime_")
        return self.runtime_.predict(list(X))[0]

    def predict_scores(self, X: Sequence[dict]) -> np.ndarray:
        """Independent probabilities that each unit states an achievement, a limitation, a task."""
        check_is_fitted(self, "runtime_")
        return self.runtime_.predict(list(X))[1]

    def predict(self, X: Sequence[dict]) -> np.ndarray:
        """Most probable label of each unit."""
        probabilities = self.predict_proba(X)
        return self.classes_[np.argmax(probabilities, axis=1)]

    def _model(self, C: float) -> LogisticRegression:
        return LogisticRegression(C=C, max_iter=self.max_iter, tol=self.tol, class_weight=self.class_weight)

    def _binary(self, C: float, features, target: np.ndarray) -> LogisticRegression | float:
        if target.min() == target.max():
            return float(target[0])
        return LogisticRegression(C=C, max_iter=self.max_iter, tol=self.tol, class_weight="balanced").fit(features, target)

    @staticmethod
    def _content_targets(labels: np.ndarray, content: Sequence[set[str]] | None) -> np.ndarray:
        sets = content if content is not None else [{label} for label in labels]
        return np.array([[float(name in s) for name in CONTENT_LABELS] for s in sets])

    def _out_of_fold(self, units, local, labels, targets) -> np.ndarray:
        """First-pass probabilities for each unit from models that never saw its article."""
        groups = np.array([str(u.get("group", u.get("article", ""))) for u in units])
        folds = min(self.n_folds, len(set(groups)))
        stacked = np.zeros((len(units), len(self.classes_)))
        if folds < 2:
            return stacked
        for train, test in GroupKFold(n_splits=folds).split(local, labels, groups):
            model = self._model(self.C).fit(local[train], labels[train])
            stacked[np.ix_(test, np.searchsorted(self.classes_, model.classes_))] = model.predict_proba(local[test])
        return stacked

    def _export(self) -> LinearRuntime:
        empty = np.zeros((0, 0))
        final_multi = _stack_binary(self.final_multi_) if self.final_ is not None else (empty, np.zeros(0))
        multi_coef, multi_intercept = _stack_binary(self.multi_)
        vocabulary = {term: int(i) for term, i in self.vectorizer_.vocabulary_.items()}
        return LinearRuntime(
            classes=[str(c) for c in self.classes_],
            content_labels=list(self.content_labels_),
            vocabulary=vocabulary,
            idf=self.vectorizer_.idf_.copy(),
            local_coef=_class_coef(self.local_),
            local_intercept=_class_intercept(self.local_),
            multi_coef=multi_coef,
            multi_intercept=multi_intercept,
            final_coef=_class_coef(self.final_) if self.final_ is not None else empty,
            final_intercept=_class_intercept(self.final_) if self.final_ is not None else np.zeros(0),
            final_multi_coef=final_multi[0],
            final_multi_intercept=final_multi[1],
        )


def _stack_binary(models: list) -> tuple[np.ndarray, np.ndarray]:
    width = next((m.coef_.shape[1] for m in models if not isinstance(m, float)), 0)
    coef = np.vstack([np.zeros(width) if isinstance(m, float) else m.coef_[0] for m in models])
    intercept = np.array([(50.0 if m else -50.0) if isinstance(m, float) else m.intercept_[0] for m in models])
    return coef, intercept


def _class_coef(model: LogisticRegression) -> np.ndarray:
    return model.coef_ if model.coef_.shape[0] > 1 else np.vstack([-model.coef_[0], model.coef_[0]]) / 2


def _class_intercept(model: LogisticRegression) -> np.ndarray:
    return model.intercept_ if model.coef_.shape[0] > 1 else np.array([-model.intercept_[0], model.intercept_[0]]) / 2
