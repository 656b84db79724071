"""Does an article report a review (a review conference, a briefing, a congress, the launch of a plan, a leader's
working visit), or is it ordinary news? The batch report groups points only from the former.

The decision reads the article's headline and lead, and how its paragraphs were labelled: a fire report
has few paragraphs that look like results, shortcomings or tasks, and its headline names no meeting.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from tongket.models.units import Unit

__all__ = ["article_rows", "article_dense", "LEAD_PARAGRAPHS", "CONTENT"]

LEAD_PARAGRAPHS = 3
CONTENT = ("achievement", "limitation", "task")


def article_rows(units: Sequence[Unit]) -> dict[str, list[int]]:
    """Row numbers of each article's paragraph units, in reading order."""
    rows: dict[str, list[int]] = {}
    for index, unit in enumerate(units):
        if unit.level != "sentence":
            rows.setdefault(unit.article, []).append(index)
    for indices in rows.values():
        indices.sort(key=lambda i: units[i].position)
    return rows


def lead_text(units: Sequence[Unit], indices: list[int]) -> str:
    """The headline(s) and the first body paragraphs of one article."""
    titles = [units[i].text for i in indices if units[i].role == "title"][:2]
    body = [units[i].text for i in indices if units[i].role == "body"][:LEAD_PARAGRAPHS]
    return " \n ".join(titles + body)


def article_dense(units: Sequence[Unit], indices: list[int], probs: np.ndarray, classes: list[str]) -> np.ndarray:
    """How the article's body paragraphs were labelled: mean probabilities, share and strongest of each content label,
    and the article's length."""
    body = [i for i in indices if units[i].role == "body"] or indices
    chosen = probs[body]
    content = [classes.index(c) for c in CONTENT if c in classes]
    winners = chosen.argmax(axis=1)
    share = [float(np.mean(winners == column)) for column in content]
    strongest = [float(chosen[:, column].max()) for column in content]
    return np.concatenate([chosen.mean(axis=0), share, strongest, [np.log1p(len(body)) / 5.0]])


def dense_width(n_classes: int) -> int:
    return n_classes + 2 * len(CONTENT) + 1
