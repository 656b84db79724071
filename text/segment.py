"""Split an article into paragraphs, paragraphs into sentences, sentences into enumerated items.

Every function returns spans over its input, so no character is ever lost or rewritten.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tongket.text.document import Article

__all__ = ["paragraph_spans", "sentence_spans", "split_paragraphs", "split_sentences", "segment_article"]

_LINE = re.compile(r"[^\n]+")
_END_OF_SENTENCE = re.compile(r"[.!?…]$|[.!?…][”\"’')\]»]+$|[:;]$")
_LIST_MARK = re.compile(r"^\s*(?:[-–•*+]|\d{1,2}[.)]|[a-zđ]\)|[IVX]{1,4}[.)])\s")

# Words that end with a period yet never end a sentence ("TP. Hồ Chí Minh", "PGS.TS. Nguyễn…").
ABBREVIATIONS = frozenset(
    """tp tt tx q p h. gs pgs ts ths bs bsck ks cn ths.bs ncs ths.ncs th.s đ/c ông bà st mr mrs ms dr no tr xem
    ctv bs.ckii ckii cki đ vs pv""".split()
)
_SENTENCE_BREAK = re.compile(r"(?:[.!?]+|…+)[”\"’')\]»]*(?=\s+)")
_NEXT_STARTS_SENTENCE = re.compile(r"\s+(?:[-–•*]\s*)?[“\"'‘(\[«]?(\w)")
_QUOTE_OPEN, _QUOTE_CLOSE = "“", "”"
_LAST_WORD = re.compile(r"([\w./]+)$")
_PHOTO = re.compile(r"\bẢnh\s*:\s*")
_TOKEN = re.compile(r"\S+")
_INITIAL = re.compile(r"[A-ZĐ]\.")
_INITIAL_NAME = re.compile(r"(?:[A-ZĐ]\.)+\w+")


# Some corpora glue the headline to a dated lead on the first line: "… phải được tăng lên Sáng nay 8-6, Quốc hội …".
# A capitalised time of day or date right after a word, with no punctuation between, starts the lead.
_GLUED_LEAD = re.compile(
    r"(?<=[\w%”\"')?!])\s+(?=(?:Sáng|Chiều|Tối|Trưa|Đêm|Hôm)\s+(?:nay|qua|hôm qua|\(?\d)|Ngày\s+\d{1,2}[/-]\d)"
)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Non-empty lines are units; a line wrapped mid-sentence is joined to the line it continues; a first line
    that is a headline glued to its lead is two units."""
    spans = _lines(text)
    if spans:
        start, end = spans[0]
        glued = _GLUED_LEAD.search(text, start, min(end, start + 200))
        if glued and len(text[start : glued.start()].split()) >= 3:
            spans[0:1] = [(start, glued.start()), (glued.end(), end)]
    return spans


def _lines(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        start, end = match.start(), match.end()
        line = match.group()
        if not line.strip():
            continue
        start += len(line) - len(line.lstrip())
        end -= len(line) - len(line.rstrip())
        if spans and _continues(text, spans[-1], (start, end)):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _continues(text: str, previous: tuple[int, int], current: tuple[int, int]) -> bool:
    gap = text[previous[1] : current[0]]
    if gap.count("\n") != 1:
        return False
    previous_text, current_text = text[previous[0] : previous[1]], text[current[0] : current[1]]
    return (
        len(previous_text) >= 40
        and not _END_OF_SENTENCE.search(previous_text)
        and current_text[:1].islower()
        and not _LIST_MARK.match(current_text)
    )


def split_paragraphs(text: str) -> list[str]:
    """The texts of `paragraph_spans`."""
    return [text[start:end] for start, end in paragraph_spans(text)]


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Vietnamese-aware sentence spans: abbreviations, numbers, dates, initials and quotes do not split."""
    cuts = [0]
    depth = 0
    last = 0
    for match in _SENTENCE_BREAK.finditer(paragraph):
        depth += paragraph.count(_QUOTE_OPEN, last, match.end()) - paragraph.count(_QUOTE_CLOSE, last, match.end())
        last = match.end()
        following = _NEXT_STARTS_SENTENCE.match(paragraph, match.end())
        if depth > 0 or following is None or following.group(1).islower():
            continue
        if _is_abbreviation(paragraph, match.start(), match.group()):
            continue
        cuts.append(match.end())
    cuts += [cut for photo in _PHOTO.finditer(paragraph) if (cut := _credit_end(paragraph, photo.end()))]
    cuts = sorted(set(cuts)) + [len(paragraph)]
    spans = []
    for start, end in zip(cuts, cuts[1:]):
        chunk = paragraph[start:end]
        stripped_start = start + len(chunk) - len(chunk.lstrip())
        stripped_end = end - (len(chunk) - len(chunk.rstrip()))
        if stripped_end > stripped_start:
            spans.append((stripped_start, stripped_end))
    return spans


def _credit_end(paragraph: str, start: int) -> int | None:
    """Where a photo credit glued to the body ends ("… Ảnh: N. HỮU Năm 2006, …", "Ảnh: TTXVNPhát biểu …"), so
    the caption and its credit are not the first words of the sentence after them. A credit in ordinary
    capitalised words ("Ảnh: Anh Tuấn Ban tổ chức …") cannot be told from the body and is left as it is."""
    end = None
    after_initial = False
    for count, token in enumerate(_TOKEN.finditer(paragraph, start)):
        word = token.group()
        if (glued := _glued_at(word)) is not None:
            return token.start() + glued
        if count < 4 and (word.isupper() or _INITIAL_NAME.fullmatch(word) or (after_initial and word[:1].isupper())):
            end, after_initial = token.end(), bool(_INITIAL.fullmatch(word))
            continue
        if end is not None and (word[:1].isupper() or word[:1] in "“\"") and len(paragraph) - token.start() > 20:
            return end
        return None
    return None


def _glued_at(word: str) -> int | None:
    """Where a capitalised word starts right after an upper-case credit: "TTXVNPhát" → 5, "THƯChủ" → 3; None for
    "K.Chi" or "Hà". One pass: the first upper-then-lower pair is the only place such a word can start."""
    for i in range(1, len(word) - 1):
        if word[i].isupper() and word[i + 1].islower():
            return i if i >= 2 and word[i - 1].isalpha() and word[:i].isupper() else None
    return None


def _is_abbreviation(paragraph: str, dot: int, mark: str) -> bool:
    if not mark.startswith("."):
        return False
    word = _LAST_WORD.search(paragraph[max(0, dot - 40) : dot])
    if word is None:
        return False
    token = word.group(1).lower()
    last_part = token.rsplit(".", 1)[-1]
    if token.replace(".", "") == "vv":
        return False
    if len(last_part) == 1 and last_part.isalpha() and word.group(1)[-1].isupper():
        return True
    return last_part in ABBREVIATIONS or token in ABBREVIATIONS


def split_sentences(paragraph: str) -> list[str]:
    """The texts of `sentence_spans`."""
    return [paragraph[start:end] for start, end in sentence_spans(paragraph)]


def segment_article(article: "Article") -> "Article":
    """Fill `article.paragraphs` (with their sentences) from `article.text`, in place."""
    from tongket.text.document import Paragraph, Sentence

    article.paragraphs = []
    for index, (start, end) in enumerate(paragraph_spans(article.text)):
        text = article.text[start:end]
        sentences = [Sentence(i, s, e, text[s:e]) for i, (s, e) in enumerate(sentence_spans(text))]
        article.paragraphs.append(Paragraph(index=index, text=text, sentences=sentences))
    return article
