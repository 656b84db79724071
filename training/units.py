"""Labelled articles → classifier units and their gold labels, at paragraph and sentence level."""

from __future__ import annotations

from dataclasses import dataclass, field

from tongket.models.units import Unit, paragraph_units, sentence_units
from tongket.text.clean import assign_roles
from tongket.text.document import ROLE_LABELS, Article
from tongket.training.corpus import UNLABELLED
from tongket.training.labels import LabelledArticle

__all__ = ["UnitSet", "build_units", "sentence_gold"]


@dataclass
class UnitSet:
    """Parallel lists: the classifier's input, the gold label, the unit's sector."""

    units: list[Unit] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)

    @property
    def groups(self) -> list[str]:
        return [u.group or u.article for u in self.units]

    def extend(self, other: UnitSet) -> None:
        self.units += other.units
        self.labels += other.labels
        self.sectors += other.sectors

    def subset(self, indices) -> UnitSet:
        return UnitSet([self.units[i] for i in indices], [self.labels[i] for i in indices], [self.sectors[i] for i in indices])


def build_units(
    articles: list[LabelledArticle], levels: tuple[str, ...] = ("paragraph", "sentence"), body_only_copies: bool = False
) -> UnitSet:
    """Units of every article at the requested levels; roles come from the same rules `classify` uses.

    `body_only_copies` adds each article again without its page furniture, so the model also
    learns from articles handed over as bare body paragraphs (as corpora and `--paragraphs` do).
    """
    result = UnitSet()
    for labelled in articles:
        copies = [labelled] + ([_body_only(labelled)] if body_only_copies else [])
        for copy in copies:
            article = assign_roles(copy.to_article())
            if "paragraph" in levels:
                units = [u.grouped(labelled.id) for u in paragraph_units(article)]
                result.extend(_labelled_only(UnitSet(units, list(copy.labels), [labelled.sector] * len(units))))
            if "sentence" in levels and copy is labelled:
                units = [u.grouped(labelled.id) for u in sentence_units(article)]
                labels = sentence_gold(copy, article)
                result.extend(_labelled_only(UnitSet(units, labels, [labelled.sector] * len(units))))
    return result


def _labelled_only(units: UnitSet) -> UnitSet:
    """Units of a partly labelled article that nobody labelled are not learnt from."""
    if UNLABELLED not in units.labels:
        return units
    return units.subset([i for i, label in enumerate(units.labels) if label != UNLABELLED])


def _body_only(labelled: LabelledArticle) -> LabelledArticle:
    keep = [i for i, label in enumerate(labelled.labels) if label not in (*ROLE_LABELS, UNLABELLED)]
    return LabelledArticle(
        id=f"{labelled.id}#body",
        sector=labelled.sector,
        type=labelled.type,
        texts=[labelled.texts[i] for i in keep],
        labels=[labelled.labels[i] for i in keep],
        sentence_labels=[labelled.sentence_labels[i] for i in keep],
        source=labelled.source,
    )


def sentence_gold(labelled: LabelledArticle, article: Article) -> list[str]:
    """Gold label of each of our sentences, in `sentence_units` order: the labelled sentence it overlaps most,
    else its paragraph's label."""
    labels = []
    for paragraph, label, gold in zip(article.paragraphs, labelled.labels, labelled.sentence_labels):
        for sentence in paragraph.sentences:
            labels.append(label if gold is None else _overlapping(paragraph.text, sentence.start, sentence.end, gold, label))
    return labels


def _overlapping(text: str, start: int, end: int, gold: list[tuple[str, str]], default: str) -> str:
    best, best_overlap, cursor = default, 0, 0
    for piece, label in gold:
        found = text.find(piece, cursor)
        if found < 0:
            continue
        cursor = found + len(piece)
        overlap = min(cursor, end) - max(found, start)
        if overlap > best_overlap:
            best, best_overlap = label, overlap
    return best
