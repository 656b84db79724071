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
_ORDINAL_WORD = re.compile(rf"^\s*(?:(?:{_ORDINALS})\s+là|thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\b", re.IGNORECASE)
# The mark before the break is matched, not looked behind at: a leading look-behind makes the regex engine try
# every position of the paragraph, where a leading character set lets it skip to the next ";", "." or ":".
# Only `end()` is used, and it is the same.
_INLINE_ORDINAL = re.compile(
    rf"[;.:]\s+(?=(?:{_ORDINALS})\s+là\b|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\b)",
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

# A piece that opens with a kind of document and says nothing of it before its first comma is a title in
# a list of titles ("… thông qua 7 luật gồm: Luật phá sản; Luật thanh tra, Luật …"): one idea, not one per title.
_TITLE_START = re.compile(
    r"(?:dự án\s+)?(?:bộ\s+luật|luật|pháp lệnh|nghị quyết|nghị định|thông tư|quy chế)\b"
    r"|(?:quyết định|chỉ thị)(?=\s+(?:số\s+)?\d)|quy định(?=\s+(?:số\s+)?\d|\s+về\b)",  # also verbs: "quyết định chi …"
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Item:
    """A span of a paragraph that states one idea; `sentence` is the index of its first sentence.

    `lead` is the span of the lead-in that a ";"-list after a colon shares ("Năm qua, toàn tỉnh đã:
    xây mới 12 trường; …"), so that each item can carry the subject it lacks; (0, 0) when none.
    """

    start: int
    end: int
    sentence: int
    lead: tuple[int, int] = (0, 0)


def item_spans(paragraph: str, sentences: list[tuple[int, int]] | None = None) -> list[Item]:
    """Split a paragraph into its ideas; a paragraph opening with a list marker is one idea.

    Give the paragraph's `sentences` spans when it is already segmented, so it is not split twice.
    """
    sentences = sentences if sentences is not None else sentence_spans(paragraph)
    if not sentences:
        return []
    if ORDINAL_START.match(paragraph) and (len(sentences) <= 2 or _ORDINAL_WORD.match(paragraph)):
        return [Item(sentences[0][0], sentences[-1][1], 0)]
    inline = _split_inline_ordinals(paragraph, sentences)
    if inline:
        return inline
    items: list[Item] = []
    for index, (start, end) in enumerate(sentences):
        items += [Item(s, e, index, lead) for s, e, lead in _semicolon_items(paragraph, start, end)]
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


_NESTING = re.compile(r"[()\[\]“”;]")


def _top_level_semicolons(sentence: str, start: int = 0) -> list[int]:
    """Positions of ";" outside parentheses and quotes: a list inside brackets belongs to the item that holds it.

    Only brackets, curly quotes and semicolons change the answer, so the regex skips every other character."""
    if ";" not in sentence[start:]:
        return []
    depth, quoted, found = 0, False, []
    for match in _NESTING.finditer(sentence, start):
        char = match.group()
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char in "“”":
            quoted = char == "“"
        elif depth == 0 and not quoted:
            found.append(match.start())
    return found


def _semicolon_items(paragraph: str, start: int, end: int) -> list[tuple[int, int, tuple[int, int]]]:
    sentence = paragraph[start:end]
    semicolons = _top_level_semicolons(sentence)
    if not semicolons:
        return [(start, end, (0, 0))]
    colon = sentence.find(":")
    body_start = colon + 1 if 0 <= colon < semicolons[0] else 0
    pieces = _pieces(sentence, body_start)
    cuts = [body_start - 1, *_top_level_semicolons(sentence, body_start), len(sentence)]
    raw = [sentence[a + 1 : b] for a, b in zip(cuts, cuts[1:]) if sentence[a + 1 : b].strip()]
    if len(pieces) < 2 or sum(map(_is_clause, (p.strip() for p in raw))) * 2 < len(raw):
        return [(start, end, (0, 0))]
    lead = (start, start + colon) if body_start else (0, 0)
    if body_start and len(sentence[:colon].split()) < 3:
        pieces[0] = (0, pieces[0][1])
        lead = (0, 0)
    return [(start + s, start + e, lead) for s, e in pieces]


def _pieces(sentence: str, body_start: int) -> list[tuple[int, int]]:
    """";"-separated pieces; a piece that is not a clause of its own (no predicate) joins its neighbour."""
    bounds, cursor = [], body_start
    for position in _top_level_semicolons(sentence, body_start):
        bounds.append((cursor, position + 1))
        cursor = position + 1
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
    if _TITLE_START.match(piece) and not _PREDICATE.search(piece.split(",", 1)[0]):
        return False
    if piece[:1].isupper() or _PREDICATE.search(piece):
        return True
    return len(words) >= 6 and not _DETERMINER.match(piece)

