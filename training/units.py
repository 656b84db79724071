"""Labelled articles → unit records, labels and multi-label sets, at paragraph and sentence level."""

from __future__ import annotations

from dataclasses import dataclass, field

from tongket.models.units import paragraph_units, sentence_units
from tongket.text.clean import assign_roles
from tongket.text.document import CONTENT_LABELS
from tongket.training.labels import LabelledArticle

__all__ = ["UnitSet", "build_units"]


@dataclass
class UnitSet:
    """Parallel lists: the classifier's input, the gold label, the gold content set, the article group."""

    units: list[dict] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    content: list[set[str]] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)

    @property
    def groups(self) -> list[str]:
        return [u.get("group", u["article"]) for u in self.units]

    def extend(self, other: UnitSet) -> None:
        self.units += other.units
        self.labels += other.labels
        self.content += other.content
        self.sectors += other.sectors

    def subset(self, indices) -> UnitSet:
        return UnitSet(
            [self.units[i] for i in indices],
            [self.labels[i] for i in indices],
            [self.content[i] for i in indices],
            [self.sectors[i] for i in indices],
        )


def build_units(
    articles: list[LabelledArticle], levels: tuple[str, ...] = ("paragraph", "sentence"), body_only_copies: bool = False
) -> UnitSet:
    """Units of every article at the requested levels; roles come from the same rules `classify` uses.

    `body_only_copies` adds each article again without its page furniture, so the model also
    learns from articles handed over as bare body paragraphs (as corpora and `--paragraphs` do).
    """
    result = UnitSet()
    for labelled in articles:
        copies = [labelled]
        if body_only_copies:
            copies.append(_body_only(labelled))
        for copy in copies:
            article = assign_roles(copy.to_article())
            if "paragraph" in levels:
                result.extend(_tagged(_paragraph_level(copy, article), labelled.id))
            if "sentence" in levels and copy is labelled:
                result.extend(_tagged(_sentence_level(copy, article), labelled.id))
    return result


def _body_only(labelled: LabelledArticle) -> LabelledArticle:
    keep = [i for i, label in enumerate(labelled.labels) if label in (*CONTENT_LABELS, "context")]
    return LabelledArticle(
        id=f"{labelled.id}#body",
        sector=labelled.sector,
        type=labelled.type,
        texts=[labelled.texts[i] for i in keep],
        labels=[labelled.labels[i] for i in keep],
        sentence_labels=[labelled.sentence_labels[i] for i in keep],
    )


def _tagged(units: UnitSet, group: str) -> UnitSet:
    for unit in units.units:
        unit["group"] = group
    return units


def _paragraph_level(labelled: LabelledArticle, article) -> UnitSet:
    units = paragraph_units(article)
    return UnitSet(units, list(labelled.labels), labelled.content_sets(), [labelled.sector] * len(units))


def _sentence_level(labelled: LabelledArticle, article) -> UnitSet:
    units = sentence_units(article)
    labels = [_sentence_label(labelled, unit, article) for unit in units]
    content = [{label} & set(CONTENT_LABELS) for label in labels]
    return UnitSet(units, labels, content, [labelled.sector] * len(units))


def _sentence_label(labelled: LabelledArticle, unit: dict, article) -> str:
    """Gold label of one of our sentences: the labelled sentence it overlaps most, else the paragraph's label."""
    index = unit["paragraph"]
    gold = labelled.sentence_labels[index]
    if gold is None:
        return labelled.labels[index]
    paragraph = article.paragraphs[index]
    sentence = paragraph.sentences[unit["sentence"]]
    best, best_overlap, cursor = labelled.labels[index], 0, 0
    for text, label in gold:
        start = paragraph.text.find(text, cursor)
        if start < 0:
            continue
        cursor = start + len(text)
        overlap = min(cursor, sentence.end) - max(start, sentence.start)
        if overlap > best_overlap:
            best, best_overlap = label, overlap
    return best
