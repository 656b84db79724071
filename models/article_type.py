"""Does an article report a review (a review conference, a briefing, a congress, the launch of a plan, a leader's
working visit), or is it ordinary news? The batch report groups points only from the former.

The decision reads the article's headline and body (`READS`): a fire report names no meeting, no results
against targets and no tasks for the months ahead. The whole body, not only the lead, because under
cross-validation over the real labelled articles it kept more review reports at the same precision. Models
saved before read only the lead and also how the paragraphs were labelled (`article_dense`), and still do.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from tongket.models.units import Unit

__all__ = ["article_rows", "article_text", "article_dense", "decision_threshold", "CONTENT", "READS"]

TITLES = 2
LEAD_PARAGRAPHS = 3
READS = ("body", "lead")
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


def article_text(units: Sequence[Unit], indices: list[int], reads: str = "body") -> str:
    """The headline(s) and the body paragraphs of one article (only the first few when `reads` is "lead"),
    without captions, bylines and page chrome."""
    titles = [units[i].text for i in indices if units[i].role == "title"][:TITLES]
    body = [units[i].text for i in indices if units[i].role == "body"]
    return " \n ".join(titles + (body[:LEAD_PARAGRAPHS] if reads == "lead" else body))


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


def decision_threshold(scores: np.ndarray, gold: np.ndarray, precision: float) -> float:
    """The lowest score at which the articles scored at least that high are reviews with `precision`, on
    held-out scores; 0.5 when no threshold reaches it. An ordinary news story that passes for a review
    puts its fire damage or court case among the report's shortcomings, so the decision favours precision."""
    order = np.argsort(-scores, kind="stable")
    hits = np.cumsum(gold[order])
    reached = np.flatnonzero(hits / np.arange(1, len(order) + 1) >= precision)
    return float(scores[order][reached.max()]) if reached.size else 0.5
