"""Label Studio and doccano: export our labels to their JSON formats and import what people labelled there.

One task per unit (text classification), carrying the unit's article and index so an import lands on
the same unit again:

- Label Studio (https://labelstud.io/guide/task_format): a JSON list of tasks,
  `{"data": {"text", "article", "index"}, "annotations": [{"result": [{"from_name": "label",
  "to_name": "text", "type": "choices", "value": {"choices": [label]}}]}]}`.
- doccano text classification (https://doccano.github.io/doccano/tutorial/#import-dataset): JSON Lines,
  `{"text", "label": [label], "article", "index"}`.

Corpus references are exported with their text resolved from the corpus (the export is for the labelling
tool, not for the repository) and imported back as written lines, marked `partial` when an article's
units are not all there.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from tongket.text.errors import LabelsFormatError, check_option, parse_json_line
from tongket.training.labels import load_labels

__all__ = ["export_labels", "import_labels", "FORMATS"]

FORMATS = ("label-studio", "doccano")


def _units(paths: Iterable[str | Path], corpus: str | Path | None) -> Iterator[dict]:
    for article in load_labels(paths, corpus=corpus):
        for index, (text, label) in enumerate(zip(article.texts, article.labels)):
            if label:
                yield {"article": article.id, "index": index, "text": text, "label": label, "source": article.source}


def export_labels(paths: Iterable[str | Path], output: Path, to: str, corpus: str | Path | None = None) -> int:
    """Write every labelled unit of the label files to `output` in the tool's format; returns how many."""
    check_option(to, FORMATS, "to")
    units = list(_units(paths, corpus))
    if to == "label-studio":
        tasks = [{"data": {"text": u["text"], "article": u["article"], "index": u["index"], "source": u["source"]},
                  "annotations": [{"result": [{"from_name": "label", "to_name": "text", "type": "choices",
                                               "value": {"choices": [u["label"]]}}]}]} for u in units]
        output.write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
    else:
        with output.open("w", encoding="utf-8") as handle:
            for u in units:
                handle.write(json.dumps({"text": u["text"], "label": [u["label"]], "article": u["article"], "index": u["index"]},
                                        ensure_ascii=False) + "\n")
    return len(units)


def import_labels(source: Path, output: Path, allowed: tuple[str, ...] | None = None) -> int:
    """Read a Label Studio export (.json) or a doccano export (.jsonl) and write our written label lines."""
    from tongket.text.document import LABELS

    allowed = allowed or LABELS
    text = _read(source)
    rows = list(_label_studio(text, source) if text.lstrip().startswith("[") else _doccano(text, source))
    if not rows:
        raise LabelsFormatError(f"{source}: no labelled units found")
    for row, where in rows:
        if row["label"] not in allowed:
            raise LabelsFormatError(f"{where}: unknown label '{row['label']}'; expected one of {', '.join(allowed)}")
    with output.open("w", encoding="utf-8") as handle:
        for row, _ in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)


def _read(source: Path) -> str:
    try:
        return source.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise LabelsFormatError(f"{source}: no such file") from None
    except UnicodeDecodeError:
        raise LabelsFormatError(f"{source}: not UTF-8 text") from None


def _label_studio(text: str, source: Path) -> Iterator[tuple[dict, str]]:
    try:
        tasks = json.loads(text)
    except json.JSONDecodeError as error:
        raise LabelsFormatError(f"{source}: broken JSON ({error.msg} at line {error.lineno})") from None
    for number, task in enumerate(tasks, 1):
        where = f"{source}: task {number}"
        data = task.get("data") if isinstance(task, dict) else None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise LabelsFormatError(f"{where}: a Label Studio task needs data.text")
        choices = [value for annotation in task.get("annotations") or [] for result in annotation.get("result") or []
                   if result.get("type") == "choices" for value in result.get("value", {}).get("choices", [])]
        if not choices:
            continue  # not labelled yet in Label Studio
        yield _row(data, choices[-1], number, source), where


def _doccano(text: str, source: Path) -> Iterator[tuple[dict, str]]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        record = parse_json_line(line, where, LabelsFormatError)
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise LabelsFormatError(f"{where}: a doccano line needs 'text'")
        labels = record.get("label") or record.get("labels") or []
        labels = [labels] if isinstance(labels, str) else labels
        if not labels:
            continue
        yield _row(record, labels[-1], number, source), where


def _row(data: dict, label: str, number: int, source: Path) -> dict:
    """A written label line; units without our article and index become one-unit articles of the import."""
    article = data.get("article") if isinstance(data.get("article"), str) else f"{source.stem}-{number}"
    index = data.get("index") if isinstance(data.get("index"), int) else 0
    return {"article": article, "index": index, "text": data["text"], "label": label, "partial": True}
