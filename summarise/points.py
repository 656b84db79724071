"""Key points: one idea per item of a labelled paragraph, traced to its paragraph and sentence, without duplicates."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tongket.text.document import CONTENT_LABELS, Article, Paragraph
from tongket.text.items import ORDINAL_START, item_spans
from tongket.text.normalize import fold_key

__all__ = ["KeyPoint", "key_points", "clean_point"]

_CONNECTOR = re.compile(
    r"^(?:tuy nhiên|bên cạnh đó|đồng thời|ngoài ra|đặc biệt|theo đó|trong đó|qua đó|song|mặt khác|cụ thể|"
    r"đó là|thứ nhất|thứ hai|thứ ba|thứ tư|thứ năm|trước hết|cuối cùng)\s*[,:]\s*",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
_DUPLICATE = 0.7


@dataclass
class KeyPoint:
    """One achievement, limitation or task, as the article states it."""

    label: str
    text: str
    paragraph: int
    sentence: int
    score: float


def key_points(article: Article) -> list[KeyPoint]:
    """Every content item of the article's labelled body, in reading order, duplicates dropped."""
    points: list[KeyPoint] = []
    seen: dict[str, list[set[str]]] = {label: [] for label in CONTENT_LABELS}
    for paragraph in article.paragraphs:
        for point in _paragraph_points(paragraph):
            words = set(_WORD.findall(fold_key(point.text)))
            if len(words) < 3 or any(_overlap(words, other) >= _DUPLICATE for other in seen[point.label]):
                continue
            seen[point.label].append(words)
            points.append(point)
    return points


def _overlap(first: set[str], second: set[str]) -> float:
    return len(first & second) / max(1, min(len(first), len(second)))


def _paragraph_points(paragraph: Paragraph) -> list[KeyPoint]:
    if paragraph.label not in (*CONTENT_LABELS, "context") or not paragraph.sentences:
        return []
    items = item_spans(paragraph.text)
    whole = ORDINAL_START.match(paragraph.text) is not None
    points = []
    for item in items:
        sentence = paragraph.sentences[min(item.sentence, len(paragraph.sentences) - 1)]
        label = paragraph.label if whole else sentence.label
        if label not in CONTENT_LABELS:
            continue
        text = clean_point(paragraph.text[item.start : item.end])
        if text and not text.endswith(":"):
            scores = paragraph.scores if whole else sentence.scores
            points.append(KeyPoint(label, text, paragraph.index, sentence.index, round(scores.get(label, 0.0), 4)))
    return points


def clean_point(text: str) -> str:
    """Drop list markers and opening connectors; end with a full stop."""
    text = ORDINAL_START.sub("", text.strip(), count=1)
    previous = None
    while previous != text:
        previous, text = text, _CONNECTOR.sub("", text, count=1)
    text = text.strip().rstrip(";,").strip()
    if text.endswith(("…", "...")):
        text = text.rstrip(".…;, ").strip()
    if not text:
        return ""
    if text[-1] not in ".!?:”\"":
        text += "."
    return text[0].upper() + text[1:]
