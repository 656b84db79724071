"""Enumerated items inside a paragraph: "Một là, …", "Thứ nhất, …", "- …", "a) …" and ";"-lists after a colon.

The digest turns each item into one key point, so a list of five tasks becomes five points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tongket.text.segment import sentence_spans

__all__ = ["Item", "item_spans", "ORDINAL_START"]

_ORDINALS = "một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười"
ORDINAL_START = re.compile(
    rf"^\s*(?:(?:{_ORDINALS})\s+là|thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\s*[,:.]?\s*"
    r"|^\s*(?:[-–•*+]|\d{1,2}[.)]|[a-zđ]\)|[IVX]{1,4}[.)])\s+",
    re.IGNORECASE,
)
_INLINE_ORDINAL = re.compile(
    rf"(?<=[;.:])\s+(?=(?:{_ORDINALS})\s+là\b|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\b)",
    re.IGNORECASE,
)
_MIN_WORDS = 4
_DETERMINER = re.compile(r"(?:các|những|nhiều|mọi|một số|từng|cả)\s", re.IGNORECASE)
_PREDICATE = re.compile(
    r"\b(?:được|đã|đang|sẽ|còn|chưa|là|có|cần|phải|không|tăng|giảm|đạt|vượt|thực hiện|tiếp tục|nâng cao|tăng cường|"
    r"đẩy mạnh|hoàn thành|triển khai|xây dựng|bảo đảm|đảm bảo|phát huy|chú trọng|tập trung|đầu tư|chỉ đạo|"
    r"đổi mới|phối hợp|rà soát|kiện toàn|bồi dưỡng|đào tạo|khắc phục|quan tâm|làm tốt|góp phần|tạo|thiếu|yếu|chậm|"
    r"gặp|xảy ra|dẫn đến|ảnh hưởng|hạn chế|vẫn|mới|nhằm|để)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Item:
    """A span of a paragraph that states one idea; `sentence` is the index of its first sentence."""

    start: int
    end: int
    sentence: int


def item_spans(paragraph: str) -> list[Item]:
    """Split a paragraph into its ideas; a paragraph opening with a list marker is one idea."""
    sentences = sentence_spans(paragraph)
    if not sentences:
        return []
    if ORDINAL_START.match(paragraph):
        return [Item(sentences[0][0], sentences[-1][1], 0)]
    inline = _split_inline_ordinals(paragraph, sentences)
    if inline:
        return inline
    items: list[Item] = []
    for index, (start, end) in enumerate(sentences):
        items += [Item(s, e, index) for s, e in _semicolon_items(paragraph, start, end)]
    return items


def _split_inline_ordinals(paragraph: str, sentences: list[tuple[int, int]]) -> list[Item]:
    cuts = [m.end() for m in _INLINE_ORDINAL.finditer(paragraph)]
    if len(cuts) < 1 or not re.search(rf"(?:{_ORDINALS})\s+là|thứ\s+nhất", paragraph, re.IGNORECASE):
        return []
    first = re.search(rf"(?:{_ORDINALS})\s+là|thứ\s+nhất", paragraph, re.IGNORECASE)
    bounds = sorted({0, first.start(), *cuts, len(paragraph)})
    items = []
    for start, end in zip(bounds, bounds[1:]):
        end = start + len(paragraph[start:end].rstrip())
        if end > start:
            items.append(Item(start, end, _sentence_of(start, sentences)))
    return items


def _sentence_of(offset: int, sentences: list[tuple[int, int]]) -> int:
    for index, (start, end) in enumerate(sentences):
        if offset < end:
            return index
    return len(sentences) - 1


def _semicolon_items(paragraph: str, start: int, end: int) -> list[tuple[int, int]]:
    sentence = paragraph[start:end]
    if sentence.count(";") < 1:
        return [(start, end)]
    colon = sentence.find(":")
    body_start = colon + 1 if 0 <= colon < sentence.find(";") else 0
    pieces = _pieces(sentence, body_start)
    raw = [p for p in sentence[body_start:].split(";") if p.strip()]
    if len(pieces) < 2 or sum(map(_is_clause, (p.strip() for p in raw))) * 2 < len(raw):
        return [(start, end)]
    if body_start and len(sentence[:colon].split()) < 3:
        pieces[0] = (0, pieces[0][1])
    return [(start + s, start + e) for s, e in pieces]


def _pieces(sentence: str, body_start: int) -> list[tuple[int, int]]:
    """";"-separated pieces; a piece that is not a clause of its own (no predicate) joins its neighbour."""
    bounds, cursor = [], body_start
    for match in re.finditer(r";", sentence[body_start:]):
        bounds.append((cursor, body_start + match.end()))
        cursor = body_start + match.end()
    bounds.append((cursor, len(sentence)))
    pieces = [_strip(sentence, s, e) for s, e in bounds]
    pieces = [(s, e) for s, e in pieces if e > s]
    merged: list[tuple[int, int]] = []
    pending: int | None = None
    for s, e in pieces:
        start = s if pending is None else pending
        if _is_clause(sentence[s:e]) or (s, e) == pieces[-1]:
            merged.append((start, e))
            pending = None
        else:
            pending = start
    if merged and not _is_clause(sentence[merged[-1][0] : merged[-1][1]]) and len(merged) > 1:
        last = merged.pop()
        merged[-1] = (merged[-1][0], last[1])
    return merged


def _strip(sentence: str, start: int, end: int) -> tuple[int, int]:
    chunk = sentence[start:end]
    return start + len(chunk) - len(chunk.lstrip()), end - (len(chunk) - len(chunk.rstrip()))


def _is_clause(piece: str) -> bool:
    words = piece.split()
    if len(words) < _MIN_WORDS:
        return False
    if piece[:1].isupper() or _PREDICATE.search(piece):
        return True
    return len(words) >= 6 and not _DETERMINER.match(piece)
