"""Labels of real corpus articles, kept by reference: the text stays in the corpus, the repository holds pointers.

A reference line names the corpus `source` and `article` id, the unit `index` in
`text.split("\\n\\n")` (-1 for a VietNews `summary`), the `label`, optional sentence labels as
character spans of the unit, and `sha256`: the first 16 hex digits of the SHA-256 of the unit's
text. The hash turns a corpus that changed under the labels into a clear error instead of labels
silently attached to the wrong text. Lines marked `"partial": true` (written by `tongket serve`, one unit at a
time) may leave units of their article unlabelled; those units stay in the article as neighbours but are not
learnt from.

    {"source": "vietnews", "article": "vietnews-train-000001", "index": 3, "label": "task",
     "sha256": "9f2c…", "type": "review",
     "sentences": [{"start": 0, "end": 57, "label": "achievement"}, {"start": 58, "end": 130, "label": "task"}]}
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tongket.text.errors import LabelsFormatError

__all__ = [
    "ReferenceLine", "unit_hash", "corpus_units", "default_corpus_dir", "load_corpus_records", "is_reference",
    "check_reference", "resolve_references", "SOURCES", "ARTICLE_TYPES", "UNLABELLED",
]

SOURCES = ("vietnews", "vntc", "vims")
ARTICLE_TYPES = ("review", "briefing", "congress", "launch", "working_visit", "other")
_HASH_LENGTH = 16
UNLABELLED = ""


@dataclass(frozen=True)
class ReferenceLine:
    """One checked reference line and where it came from (file:line), for error messages."""

    source: str
    article: str
    index: int
    label: str
    sha256: str
    where: str
    type: str = ""
    sentences: tuple[tuple[int, int, str], ...] = ()
    partial: bool = False


def unit_hash(text: str) -> str:
    """The short SHA-256 a reference line carries for its unit: `unit_hash("Sáng 3/10, …")` → 16 hex digits."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_HASH_LENGTH]


def is_reference(record: dict) -> bool:
    """A label line that points into the corpus rather than carrying its own text."""
    return "sha256" in record and "text" not in record


def corpus_units(record: dict) -> dict[int, str]:
    """The labelled units of a corpus record by index: -1 for the summary, then 0, 1, … of `text`."""
    units = {index: text for index, text in enumerate(record["text"].split("\n\n"))}
    if isinstance(record.get("summary"), str) and record["summary"].strip():
        units[-1] = record["summary"]
    return units


def default_corpus_dir() -> Path | None:
    """`$TONGKET_CORPUS`, else `../shared/corpus` from the working folder, when it exists."""
    for candidate in (os.environ.get("TONGKET_CORPUS"), "../shared/corpus"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def load_corpus_records(corpus: Path, wanted: Iterable[tuple[str, str]]) -> dict[str, dict]:
    """The corpus records named by (source, article id), read in one pass over each source's `articles.jsonl`."""
    by_source: dict[str, set[str]] = {}
    for source, article in wanted:
        by_source.setdefault(source, set()).add(article)
    found: dict[str, dict] = {}
    for source, ids in sorted(by_source.items()):
        path = corpus / source / "articles.jsonl"
        if not path.is_file():
            raise LabelsFormatError(f"{path}: corpus file not found; give --corpus DIR holding {source}/articles.jsonl")
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if (_line_id(line) or json.loads(line).get("id")) in ids:
                    record = json.loads(line)
                    found[record["id"]] = record
    return found


def _line_id(line: str) -> str:
    """The id of a corpus line without parsing it all (lines open with `{"id": "…"`); "" if it does not."""
    start = line.find('"id": "', 0, 40)
    if start < 0:
        return ""
    start += len('"id": "')
    return line[start : line.find('"', start)]


def check_reference(record: dict, where: str, allowed: tuple[str, ...] | None = None) -> ReferenceLine:
    """A checked reference line, else an error naming `where` (file:line) and the fix."""
    from tongket.text.document import LABELS

    allowed = allowed or LABELS
    for name, kind in (("source", str), ("article", str), ("index", int), ("label", str), ("sha256", str)):
        if not isinstance(record.get(name), kind) or isinstance(record.get(name), bool):
            raise LabelsFormatError(f"{where}: field '{name}' must be {kind.__name__}; a reference line needs source, article, index, label, sha256")
    if record["source"] not in SOURCES:
        raise LabelsFormatError(f"{where}: unknown source '{record['source']}'; expected one of {', '.join(SOURCES)}")
    for label in [record["label"], *(s.get("label") for s in record.get("sentences") or [] if isinstance(s, dict))]:
        if label not in allowed:
            raise LabelsFormatError(f"{where}: unknown label '{label}'; expected one of {', '.join(allowed)}")
    if record.get("type", "") and record["type"] not in ARTICLE_TYPES:
        raise LabelsFormatError(f"{where}: unknown article type '{record['type']}'; expected one of {', '.join(ARTICLE_TYPES)}")
    return ReferenceLine(
        record["source"], record["article"], record["index"], record["label"], record["sha256"], where,
        record.get("type") or "", _spans(record.get("sentences"), where), record.get("partial") is True,
    )


def _spans(sentences: object, where: str) -> tuple[tuple[int, int, str], ...]:
    if sentences is None:
        return ()
    if not isinstance(sentences, list) or not all(
        isinstance(s, dict) and isinstance(s.get("start"), int) and isinstance(s.get("end"), int) for s in sentences
    ):
        raise LabelsFormatError(f"{where}: 'sentences' must be a list of {{'start', 'end', 'label'}} character spans")
    spans = tuple((s["start"], s["end"], s["label"]) for s in sentences)
    if any(end <= start for start, end, _ in spans) or any(b[0] < a[1] for a, b in zip(spans, spans[1:])):
        raise LabelsFormatError(f"{where}: sentence spans must be non-empty, in order and not overlapping")
    return spans


def resolve_references(lines: list[ReferenceLine], corpus: str | Path | None) -> list:
    """Labelled articles rebuilt from the corpus: the title, the summary (-1) and the units, each with its label.

    Every unit of a referenced article must be labelled, so that the classifier's neighbours are real.
    """
    from tongket.training.labels import LabelledArticle

    folder = Path(corpus) if corpus else default_corpus_dir()
    if folder is None or not folder.is_dir():
        where = lines[0].where.rsplit(":", 1)[0]
        raise LabelsFormatError(
            f"{where}: holds corpus references but the corpus is not found ({corpus or '../shared/corpus'}); give --corpus DIR or set $TONGKET_CORPUS"
        )
    records = load_corpus_records(folder, {(line.source, line.article) for line in lines})
    by_article: dict[str, list[ReferenceLine]] = {}
    for line in lines:
        by_article.setdefault(line.article, []).append(line)
    articles = []
    for identifier, references in by_article.items():
        record = records.get(identifier)
        if record is None:
            raise LabelsFormatError(f"{references[0].where}: article {identifier} is not in {folder / references[0].source / 'articles.jsonl'}")
        articles.append(_labelled(record, references, LabelledArticle))
    return articles


def _labelled(record: dict, references: list[ReferenceLine], make) -> object:
    from tongket.text.normalize import normalize_text

    units = corpus_units(record)
    by_index = {}
    for line in references:
        if line.index not in units:
            raise LabelsFormatError(f"{line.where}: article {line.article} has no unit {line.index}")
        if unit_hash(units[line.index]) != line.sha256:
            raise LabelsFormatError(f"{line.where}: unit {line.index} of {line.article} changed in the corpus (hash differs); relabel it")
        if line.index in by_index and not (line.partial or by_index[line.index].partial):
            raise LabelsFormatError(f"{line.where}: unit {line.index} of {line.article} is labelled twice")
        by_index[line.index] = line  # a later unit-by-unit label (from `tongket serve`) corrects an earlier one
    missing = sorted(set(units) - set(by_index))
    partial = any(line.partial for line in references)
    if missing and not partial:
        raise LabelsFormatError(f"{references[0].where}: article {record['id']} lacks labels for units {missing[:8]}; label every unit")
    article = make(record["id"], references[0].source, references[0].type, source=references[0].source)
    title = record.get("title")
    if isinstance(title, str) and title.strip():
        article.title = normalize_text(title).strip()
        article.texts.append(normalize_text(title))
        article.labels.append("title")
        article.sentence_labels.append(None)
    for index in sorted(units):
        text, line = units[index], by_index.get(index)
        article.texts.append(normalize_text(text))
        article.labels.append(line.label if line else UNLABELLED)  # neighbours of a partly labelled article
        article.sentence_labels.append([(normalize_text(text[s:e]), label) for s, e, label in line.sentences] or None if line else None)
    return article
