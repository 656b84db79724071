"""Honest scores: grouped cross-validation (an article never sits on both sides) or a held-out file.

Scoring runs the same flow that `tongket classify` runs (`tongket.pipeline.analyse_batch`), so
the numbers describe what users get, role rules and list handling included.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from tongket.models.label import Classifier
from tongket.pipeline import analyse_batch, batches
from tongket.text.document import CONTENT_LABELS, LABELS
from tongket.training.labels import LabelledArticle
from tongket.training.units import sentence_gold

__all__ = ["LevelReport", "ReviewReport", "Evaluation", "cross_validate", "evaluate_classifier", "article_folds", "in_subset", "SUBSETS"]

Progress = Callable[[str, int, int], None]


@dataclass
class LevelReport:
    """Gold and predicted labels of every unit at one level, with the units' article and text."""

    level: str
    gold: list[str] = field(default_factory=list)
    predicted: list[str] = field(default_factory=list)
    confidence: list[float] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def per_label(self) -> dict[str, dict[str, float]]:
        """Precision, recall, F1 and support of each label present in gold or predictions."""
        gold, predicted = np.array(self.gold), np.array(self.predicted)
        result = {}
        for label in [name for name in LABELS if name in set(self.gold) | set(self.predicted)]:
            tp = int(np.sum((gold == label) & (predicted == label)))
            precision = tp / max(1, int(np.sum(predicted == label)))
            recall = tp / max(1, int(np.sum(gold == label)))
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            result[label] = {"precision": precision, "recall": recall, "f1": f1, "support": int(np.sum(gold == label))}
        return result

    def summary(self) -> dict[str, float]:
        """Macro-F1 over achievement/limitation/task (the headline), over all labels, and accuracy."""
        table = self.per_label()
        content = [table[label]["f1"] if label in table else 0.0 for label in CONTENT_LABELS]
        return {
            "macro_f1_content": float(np.mean(content)),
            "macro_f1_all": float(np.mean([row["f1"] for row in table.values()])) if table else 0.0,
            "accuracy": float(np.mean(np.array(self.gold) == np.array(self.predicted))) if self.gold else 0.0,
            "units": len(self.gold),
        }

    def confusion(self) -> tuple[list[str], np.ndarray]:
        """Rows are gold labels, columns predicted labels."""
        labels = [name for name in LABELS if name in set(self.gold) | set(self.predicted)]
        index = {label: i for i, label in enumerate(labels)}
        matrix = np.zeros((len(labels), len(labels)), dtype=int)
        for gold, predicted in zip(self.gold, self.predicted):
            matrix[index[gold], index[predicted]] += 1
        return labels, matrix

    def worst_errors(self, n: int = 20) -> list[dict]:
        """The wrong predictions the model was most sure of."""
        wrong = [i for i, (g, p) in enumerate(zip(self.gold, self.predicted)) if g != p]
        wrong.sort(key=lambda i: -self.confidence[i])
        return [
            {"article": self.articles[i], "gold": self.gold[i], "predicted": self.predicted[i],
             "confidence": round(self.confidence[i], 3), "text": self.texts[i]}
            for i in wrong[:n]
        ]

    def extend(self, other: LevelReport) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.confidence += other.confidence
        self.articles += other.articles
        self.texts += other.texts
        self.sources += other.sources

    def by_source(self) -> dict[str, LevelReport]:
        """The same predictions split by where the articles come from: "written", "vietnews", "vntc"."""
        split: dict[str, LevelReport] = {}
        for i, source in enumerate(self.sources):
            part = split.setdefault(source, LevelReport(self.level))
            part.gold.append(self.gold[i])
            part.predicted.append(self.predicted[i])
            part.confidence.append(self.confidence[i])
            part.articles.append(self.articles[i])
            part.texts.append(self.texts[i])
            part.sources.append(source)
        return dict(sorted(split.items()))


@dataclass
class ReviewReport:
    """The article-type decision on held-out articles: gold (reports a review?) and the model's probability."""

    gold: list[bool] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        """Precision and recall of "reports a review" at 0.5, over the articles that have a type."""
        predicted = [s >= 0.5 for s in self.scores]
        tp = sum(g and p for g, p in zip(self.gold, predicted))
        precision = tp / max(1, sum(predicted))
        recall = tp / max(1, sum(self.gold))
        return {"precision": precision, "recall": recall, "articles": len(self.gold),
                "f1": 2 * precision * recall / max(1e-9, precision + recall)}

    def extend(self, other: ReviewReport) -> None:
        self.gold += other.gold
        self.scores += other.scores
        self.articles += other.articles


@dataclass
class Evaluation:
    """Reports per level and how they were obtained."""

    method: str
    levels: dict[str, LevelReport]
    review: ReviewReport = field(default_factory=ReviewReport)


def evaluate_classifier(
    classifier: Classifier, articles: Sequence[LabelledArticle], review: ReviewReport | None = None
) -> dict[str, LevelReport]:
    """Run the full flow on labelled articles the classifier never saw and compare with gold labels
    (and, into `review`, the article-type decision of real articles)."""
    reports = {"paragraph": LevelReport("paragraph"), "sentence": LevelReport("sentence")}
    for chunk in batches(articles):
        analysed = analyse_batch([labelled.to_article() for labelled in chunk], classifier)
        for labelled, article in zip(chunk, analysed):
            if review is not None and labelled.source != "written" and labelled.type and article.review_score is not None:
                review.gold.append(labelled.type != "other")
                review.scores.append(article.review_score)
                review.articles.append(labelled.id)
            for paragraph, gold in zip(article.paragraphs, labelled.labels):
                _add(reports["paragraph"], labelled, paragraph, gold)
            sentences = [s for p in article.paragraphs for s in p.sentences]
            for sentence, gold in zip(sentences, sentence_gold(labelled, article)):
                _add(reports["sentence"], labelled, sentence, gold)
    return reports


def _add(report: LevelReport, labelled: LabelledArticle, unit, gold: str) -> None:
    article_id = labelled.id
    report.sources.append(labelled.source)
    report.gold.append(gold)
    report.predicted.append(unit.label)
    report.confidence.append(max(unit.scores.values(), default=0.0) if unit.label in CONTENT_LABELS else 1.0)
    report.articles.append(article_id)
    report.texts.append(unit.text)


def article_folds(articles: Sequence[LabelledArticle], k: int, by: str = "article") -> list[tuple[list[int], list[int]]]:
    """Train/test index lists over articles; `by="sector"` holds whole sectors out."""
    from sklearn.model_selection import GroupKFold

    keys = [a.sector if by == "sector" else a.id for a in articles]
    k = min(k, len(set(keys)))
    if k < 2:
        raise ValueError(f"need at least two {by}s for cross-validation, found {len(set(keys))}")
    splitter = GroupKFold(n_splits=k)
    return [(list(tr), list(te)) for tr, te in splitter.split(np.zeros(len(keys)), groups=keys)]


SUBSETS = ("all", "real", "written")


def in_subset(article: LabelledArticle, subset: str) -> bool:
    """Whether an article belongs to "all", "real" (corpus articles) or "written" (our own) articles."""
    return subset == "all" or (article.source == "written") == (subset == "written")


def cross_validate(
    articles: Sequence[LabelledArticle],
    fit: Callable[[Sequence[LabelledArticle]], Classifier],
    k: int = 5,
    by: str = "article",
    progress: Progress | None = None,
    on: str = "all",
) -> Evaluation:
    """Fit on k-1 folds of whole articles (or sectors), score the held-out fold, pool the predictions.

    `on` picks which articles are scored ("real" scores corpus articles only); articles outside it
    are in every training fold, so "real" measures written + real training on unseen real articles.
    """
    scored = [i for i, a in enumerate(articles) if in_subset(a, on)]
    always = [i for i, a in enumerate(articles) if not in_subset(a, on)]
    folds = article_folds([articles[i] for i in scored], k, by)
    reports = {"paragraph": LevelReport("paragraph"), "sentence": LevelReport("sentence")}
    review = ReviewReport()
    for number, (train, test) in enumerate(folds, 1):
        if progress:
            progress("fold", number - 1, len(folds))
        classifier = fit([articles[i] for i in always] + [articles[scored[i]] for i in train])
        for level, report in evaluate_classifier(classifier, [articles[scored[i]] for i in test], review).items():
            reports[level].extend(report)
    if progress:
        progress("fold", len(folds), len(folds))
    subset = "" if on == "all" else f", scored on {on} articles"
    return Evaluation(f"{len(folds)}-fold cross-validation grouped by {by}{subset}", reports, review)
