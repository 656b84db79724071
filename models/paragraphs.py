"""Classify pre-split paragraphs (one JSON object per line), keeping every input field and the input order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from tongket.models.analyse import Classifier, analyse
from tongket.text.clean import assign_roles
from tongket.text.document import Article, Paragraph, Sentence
from tongket.text.errors import InputError
from tongket.text.normalize import normalize_text
from tongket.text.segment import sentence_spans

__all__ = ["classify_paragraph_file", "GROUP_FIELDS"]

GROUP_FIELDS = ("doc", "article", "article_id", "doc_id", "document")


def classify_paragraph_file(path: str | Path, classifier: Classifier, sentences: bool = False) -> Iterator[dict]:
    """Input records with `label` and `scores` added; consecutive lines of one document are read as one article."""
    records = _read_records(Path(path))
    for group in _groups(records):
        article = _article(group)
        analyse(assign_roles(article), classifier, sentences=sentences)
        for record, paragraph in zip(group, article.paragraphs):
            out = dict(record)
            out["label"], out["scores"] = paragraph.label, paragraph.scores
            if sentences:
                out["sentences"] = [{"text": s.text, "label": s.label, "scores": s.scores} for s in paragraph.sentences]
            yield out


def _read_records(path: Path) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 JSON Lines") from None
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{path}:{number}: broken JSON ({error.msg} at column {error.colno})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(f"{path}:{number}: each line must be an object with a 'text' string")
        records.append(record)
    if not records:
        raise InputError(f"{path}: no paragraphs")
    return records


def _group_key(record: dict) -> str:
    for name in GROUP_FIELDS:
        if name in record:
            return str(record[name])
    return ""


def _groups(records: list[dict]) -> Iterator[list[dict]]:
    group: list[dict] = []
    for record in records:
        if group and _group_key(record) != _group_key(group[-1]):
            yield group
            group = []
        group.append(record)
    if group:
        yield group


def _article(group: list[dict]) -> Article:
    paragraphs = []
    for index, record in enumerate(group):
        text = normalize_text(record["text"]).strip() or record["text"]
        spans = sentence_spans(text) or [(0, len(text))]
        paragraphs.append(
            Paragraph(index=index, text=text, sentences=[Sentence(i, s, e, text[s:e]) for i, (s, e) in enumerate(spans)])
        )
    identifier = _group_key(group[0]) or "paragraphs"
    return Article(id=identifier, text="\n\n".join(p.text for p in paragraphs), paragraphs=paragraphs)
