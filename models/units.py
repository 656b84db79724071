"""The classifier's input: one `Unit` per paragraph or sentence, with what the features need of its place.

Units come from analysed articles (`paragraph_units`, `sentence_units`), from labelled files and from
corpus references alike, so the estimator sees the same records in training and in use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from tongket.text.document import Article, Paragraph

__all__ = ["Unit", "paragraph_units", "sentence_units", "LEVELS"]

LEVELS = ("paragraph", "sentence")


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph or a sentence as the classifier sees it.

    `position` counts units of the same article and level; `group_size` is how many there are, so
    relative position stays right when a caller keeps only some of them (only multi-sentence
    paragraphs are classified at sentence level). `group` keeps an article's units on one side of a
    cross-validation split, and `paragraph`/`sentence` say where a sentence unit came from.
    """

    text: str
    article: str
    position: int
    group_size: int
    role: str = "body"
    role_certain: bool = False
    level: str = "paragraph"
    paragraph: int = 0
    sentence: int = 0
    group: str = ""

    def grouped(self, group: str) -> Unit:
        """The same unit with its cross-validation group set, e.g. `Unit(…).grouped("health-004")`."""
        return replace(self, group=group)


def paragraph_units(article: Article) -> list[Unit]:
    """One unit per paragraph, in reading order."""
    size = len(article.paragraphs)
    return [
        Unit(p.text, article.id, p.index, size, p.role, p.role_is_certain, "paragraph", p.index, 0)
        for p in article.paragraphs
    ]


def sentence_units(article: Article, keep: Callable[[Paragraph], bool] | None = None) -> list[Unit]:
    """One unit per sentence of every paragraph (or of those `keep` accepts); neighbours run across paragraph breaks.

    Positions and the group size count every sentence, kept or not, so that classifying the sentences of
    some paragraphs only gives each the features it has among all.
    """
    size = sum(len(p.sentences) for p in article.paragraphs)
    units: list[Unit] = []
    position = 0
    for p in article.paragraphs:
        if keep is None or keep(p):
            units += [
                Unit(s.text, article.id, position + k, size, p.role, p.role_is_certain, "sentence", p.index, s.index)
                for k, s in enumerate(p.sentences)
            ]
        position += len(p.sentences)
    return units
