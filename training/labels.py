"""Load labelled paragraphs from `labels/` (JSON Lines) through `datasets`, after a schema check that names file and line."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tongket.text.document import LABELS, Article
from tongket.text.errors import LabelsFormatError
from tongket.text.normalize import normalize_text

__all__ = ["LabelledArticle", "load_labels", "label_files", "check_record", "REQUIRED_FIELDS"]

REQUIRED_FIELDS = {"article": str, "index": int, "text": str, "label": str}
OPTIONAL_FIELDS = {"sector": str, "type": str, "sentences": list}


@dataclass
class LabelledArticle:
    """One article's labelled units, in order, with the sentence labels of mixed paragraphs."""

    id: str
    sector: str
    type: str
    texts: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    sentence_labels: list[list[tuple[str, str]] | None] = field(default_factory=list)

    def to_article(self) -> Article:
        """An `Article` whose paragraphs are exactly the labelled units."""
        return Article.from_units(self.id, list(self.texts))


def label_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders to their `*.jsonl` files, sorted, so training order never depends on the file system."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(path.rglob("*.jsonl"))
        elif path.is_file():
            files.append(path)
        else:
            raise LabelsFormatError(f"{path}: no such label file or folder")
    if not files:
        raise LabelsFormatError("no *.jsonl label files found in " + ", ".join(map(str, paths)))
    return files


def check_record(record: object, where: str) -> dict:
    """Return the record if it follows the schema, else raise naming `where` (file:line) and the fix."""
    if not isinstance(record, dict):
        raise LabelsFormatError(f"{where}: expected a JSON object, got {type(record).__name__}")
    for name, kind in REQUIRED_FIELDS.items():
        if name not in record:
            raise LabelsFormatError(f"{where}: missing field '{name}'; every line needs {', '.join(REQUIRED_FIELDS)}")
        if not isinstance(record[name], kind) or isinstance(record[name], bool):
            raise LabelsFormatError(f"{where}: field '{name}' must be {kind.__name__}, got {record[name]!r}")
    _check_label(record["label"], where)
    if not record["text"].strip():
        raise LabelsFormatError(f"{where}: empty 'text'")
    sentences = record.get("sentences")
    if sentences is not None:
        _check_sentences(sentences, record["text"], where)
    return record


def _check_label(label: str, where: str) -> None:
    if label not in LABELS:
        raise LabelsFormatError(f"{where}: unknown label '{label}'; expected one of {', '.join(LABELS)}")


def _check_sentences(sentences: object, text: str, where: str) -> None:
    if not isinstance(sentences, list) or not all(isinstance(s, dict) for s in sentences):
        raise LabelsFormatError(f"{where}: 'sentences' must be a list of {{'text', 'label'}} objects")
    for sentence in sentences:
        if not isinstance(sentence.get("text"), str):
            raise LabelsFormatError(f"{where}: a sentence has no 'text' string")
        _check_label(sentence.get("label"), where)
    if " ".join(s["text"] for s in sentences) != text:
        raise LabelsFormatError(f"{where}: the 'sentences' texts joined by single spaces must equal 'text'")


def _validate_file(path: Path) -> int:
    count = 0
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise LabelsFormatError(f"{path}:{number}: broken JSON ({error.msg} at column {error.colno})") from None
            check_record(record, f"{path}:{number}")
            count += 1
    if count == 0:
        raise LabelsFormatError(f"{path}: no labelled paragraphs")
    return count


def load_labels(paths: Iterable[str | Path]) -> list[LabelledArticle]:
    """Check every file line by line, then load them with `datasets` and group the rows by article."""
    files = label_files(paths)
    for path in files:
        try:
            _validate_file(path)
        except UnicodeDecodeError:
            raise LabelsFormatError(f"{path}: not UTF-8 text") from None
    rows = _load_rows(files)
    return _group(rows)


def _load_rows(files: list[Path]) -> list[dict]:
    import datasets

    datasets.disable_progress_bars()
    datasets.logging.set_verbosity_error()
    dataset = datasets.load_dataset("json", data_files=[str(f) for f in files], split="train")
    return list(dataset)


def _group(rows: Iterable[dict]) -> list[LabelledArticle]:
    articles: dict[str, LabelledArticle] = {}
    for row in rows:
        article = articles.setdefault(
            row["article"], LabelledArticle(row["article"], row.get("sector") or "", row.get("type") or "")
        )
        article.texts.append(normalize_text(row["text"]))
        article.labels.append(row["label"])
        sentences = row.get("sentences")
        article.sentence_labels.append([(normalize_text(s["text"]), s["label"]) for s in sentences] if sentences else None)
    for article in articles.values():
        if len(article.texts) != len(set(range(len(article.texts)))):
            raise LabelsFormatError(f"article {article.id}: duplicate paragraph indexes")
    return list(articles.values())
