"""A 2–3 sentence abstract made only of the article's own sentences: the event, then its main points."""

from __future__ import annotations

import re

from tongket.summarise.points import KeyPoint
from tongket.text.document import Article
from tongket.summarise.patterns import EVENT_WORD

__all__ = ["abstract"]

_HOLDS = re.compile(r"tổ chức|diễn ra|khai mạc|họp|chủ trì|tổng kết|sơ kết|giao ban|triển khai", re.IGNORECASE)
_MAX_CHARS = 400


def abstract(article: Article, points: list[KeyPoint]) -> str:
    """Event sentence, best achievement, best task (or limitation), each quoted from the article."""
    parts = []
    event = _event_sentence(article)
    if event:
        parts.append(event)
    for labels in (("achievement",), ("task", "limitation")):
        best = _best(points, labels, exclude=parts)
        if best:
            parts.append(best)
    return " ".join(_shorten(part) for part in parts[:3])


def _event_sentence(article: Article) -> str:
    body = [p for p in article.paragraphs if p.label in ("context", "achievement", "limitation", "task")]
    for paragraph in body[:6]:
        for sentence in paragraph.sentences:
            if EVENT_WORD.search(sentence.text.lower()) and _HOLDS.search(sentence.text):
                return sentence.text
    return body[0].sentences[0].text if body and body[0].sentences else ""


def _best(points: list[KeyPoint], labels: tuple[str, ...], exclude: list[str]) -> str:
    for label in labels:
        candidates = [p for p in points if p.label == label and not any(p.text[:-1] in e for e in exclude)]
        if candidates:
            return max(candidates, key=lambda p: (p.score, -p.paragraph)).text
    return ""


def _shorten(sentence: str) -> str:
    if len(sentence) <= _MAX_CHARS:
        return sentence
    cut = sentence[:_MAX_CHARS].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"
