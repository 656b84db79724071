"""The obvious baselines the model must beat: keyword rules, and bag-of-words logistic regression without context."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from tongket.models.features import analyze
from tongket.models.units import Unit
from tongket.text.document import LABELS

__all__ = ["KeywordClassifier", "BagOfWordsClassifier"]

_CUES = {
    "limitation": re.compile(r"\b(?:hạn chế|tồn tại|yếu kém|bất cập|khó khăn|vướng mắc|chưa|còn thấp|còn chậm|thiếu)\b", re.I),
    "task": re.compile(r"\b(?:cần|phải|đề nghị|yêu cầu|nhiệm vụ|giải pháp|thời gian tới|tiếp tục|tăng cường|đẩy mạnh|phấn đấu)\b", re.I),
    "achievement": re.compile(r"\b(?:đã|đạt|tăng|hoàn thành|kết quả|vượt|được nâng lên|tích cực)\b", re.I),
}


class KeywordClassifier:
    """Labels a body unit by the first cue family it contains, limitation before task before achievement."""

    classes = list(LABELS)

    def fit(self, units: Sequence[Unit], labels: Sequence[str]) -> KeywordClassifier:
        return self

    def predict_proba(self, units: Sequence[Unit]) -> np.ndarray:
        probs = np.zeros((len(units), len(self.classes)))
        for row, unit in enumerate(units):
            probs[row, self.classes.index(self._label(unit))] = 1.0
        return probs

    @staticmethod
    def _label(unit: Unit) -> str:
        if unit.role != "body":
            return unit.role
        for name in ("limitation", "task", "achievement"):
            if _CUES[name].search(unit.text):
                return name
        return "context"


class BagOfWordsClassifier:
    """TF-IDF over syllables and logistic regression on the unit's text alone: no shape, no neighbours."""

    def __init__(self, *, C: float = 8.0) -> None:
        self.C = C

    def fit(self, units: Sequence[Unit], labels: Sequence[str]) -> BagOfWordsClassifier:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self.vectorizer_ = TfidfVectorizer(analyzer=analyze, sublinear_tf=True, min_df=2)
        features = self.vectorizer_.fit_transform([u.text for u in units])
        self.model_ = LogisticRegression(C=self.C, max_iter=2000).fit(features, list(labels))
        self.classes = [str(c) for c in self.model_.classes_]
        return self

    def predict_proba(self, units: Sequence[Unit]) -> np.ndarray:
        return self.model_.predict_proba(self.vectorizer_.transform([u.text for u in units]))
