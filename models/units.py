"""Turn an analysed article into the unit records the classifier reads, at paragraph or sentence level."""

from __future__ import annotations

from tongket.text.document import Article

__all__ = ["paragraph_units", "sentence_units", "LEVELS"]

LEVELS = ("paragraph", "sentence")


def paragraph_units(article: Article) -> list[dict]:
    """One record per paragraph, in reading order."""
    return [
        {
            "text": p.text,
            "article": article.id,
            "position": p.index,
            "role": p.role,
            "role_certain": p.role_is_certain,
            "level": "paragraph",
        }
        for p in article.paragraphs
    ]


def sentence_units(article: Article) -> list[dict]:
    """One record per sentence of every paragraph; neighbours run across paragraph breaks."""
    units = []
    for p in article.paragraphs:
        for s in p.sentences:
            units.append(
                {
                    "text": s.text,
                    "article": article.id,
                    "position": len(units),
                    "role": p.role,
                    "role_certain": p.role_is_certain,
                    "level": "sentence",
                    "paragraph": p.index,
                    "sentence": s.index,
                }
            )
    for unit in units:
        unit["group_size"] = len(units)  # relative position stays right when callers keep only some units
    return units
