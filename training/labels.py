"""Load labelled paragraphs from `labels/` (JSON Lines) through `datasets`, after a schema check that names file and line.

Two kinds of label file live side by side: written articles, whose lines carry their `text`, and
real corpus articles labelled by reference (`labels/corpus/`), whose lines point into the corpus
and are resolved against it (`tongket.training.corpus`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tongket.text.document import LABELS, Article
from tongket.text.errors import LabelsFormatError, parse_json_line
from tongket.text.normalize import normalize_text
from tongket.training.labelset import CATEGORIES_FILE, load_label_set

__all__ = ["LabelledArticle", "load_labels", "label_files", "check_record", "REQUIRED_FIELDS"]

REQUIRED_FIELDS = {"article": str, "index": int, "text": str, "label": str}
OPTIONAL_FIELDS = {"sector": str, "type": str, "sentences": list, "partial": bool, "annotator": str}


@dataclass
class LabelledArticle:
    """One article's labelled units, in order, with the sentence labels of mixed paragraphs.

    `source` is "written" for articles written for the project, else the corpus they come from.
    """

    id: str
    sector: str
    type: str
    texts: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    sentence_labels: list[list[tuple[str, str]] | None] = field(default_factory=list)
    source: str = "written"
    title: str | None = None

    def to_article(self) -> Article:
        """An `Article` whose paragraphs are exactly the labelled units (its title known when the corpus gives one)."""
        return Article.from_units(self.id, list(self.texts), title=self.title)


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


def check_record(record: object, where: str, allowed: tuple[str, ...] = LABELS) -> dict:
    """Return the record if it follows the schema, else raise naming `where` (file:line) and the fix."""
    if not isinstance(record, dict):
        raise LabelsFormatError(f"{where}: expected a JSON object, got {type(record).__name__}")
    for name, kind in REQUIRED_FIELDS.items():
        if name not in record:
            raise LabelsFormatError(f"{where}: missing field '{name}'; every line needs {', '.join(REQUIRED_FIELDS)}")
        if not isinstance(record[name], kind) or isinstance(record[name], bool):
            raise LabelsFormatError(f"{where}: field '{name}' must be {kind.__name__}, got {record[name]!r}")
    _check_label(record["label"], where, allowed)
    if not record["text"].strip():
        raise LabelsFormatError(f"{where}: empty 'text'")
    sentences = record.get("sentences")
    if sentences is not None:
        _check_sentences(sentences, record["text"], where, allowed)
    return record


def _check_label(label: str, where: str, allowed: tuple[str, ...] = LABELS) -> None:
    if label not in allowed:
        hint = "" if label in LABELS else f" (declare a category of your own in {CATEGORIES_FILE})"
        raise LabelsFormatError(f"{where}: unknown label '{label}'; expected one of {', '.join(allowed)}{hint}")


def _check_sentences(sentences: object, text: str, where: str, allowed: tuple[str, ...] = LABELS) -> None:
    if not isinstance(sentences, list) or not all(isinstance(s, dict) for s in sentences):
        raise LabelsFormatError(f"{where}: 'sentences' must be a list of {{'text', 'label'}} objects")
    for sentence in sentences:
        if not isinstance(sentence.get("text"), str):
            raise LabelsFormatError(f"{where}: a sentence has no 'text' string")
        _check_label(sentence.get("label"), where, allowed)
    if " ".join(s["text"] for s in sentences) != text:
        raise LabelsFormatError(f"{where}: the 'sentences' texts joined by single spaces must equal 'text'")


def _validate_file(path: Path, allowed: tuple[str, ...] = LABELS) -> tuple[bool, list]:
    """Check every line; (True, its reference lines) for a file of corpus references, (False, []) for written text."""
    from tongket.training.corpus import check_reference, is_reference

    kinds, references = set(), []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            record = parse_json_line(line, where, LabelsFormatError)
            reference = isinstance(record, dict) and is_reference(record)
            if reference:
                references.append(check_reference(record, where, allowed))
            else:
                check_record(record, where, allowed)
            kinds.add(reference)
            if len(kinds) > 1:
                raise LabelsFormatError(f"{where}: a file holds either written units (with 'text') or corpus references (with 'sha256'), not both")
    if not kinds:
        raise LabelsFormatError(f"{path}: no labelled paragraphs")
    return kinds.pop(), references


def load_labels(paths: Iterable[str | Path], corpus: str | Path | None = None) -> list[LabelledArticle]:
    """Check every file line by line, load them with `datasets`, resolve corpus references, group by article.

    `corpus` is the corpus folder references point into (default: `default_corpus_dir()`); it is
    needed only when some file holds references.
    """
    paths = list(paths)
    files = label_files(paths)
    allowed = load_label_set(paths).names
    written, references = [], []
    for path in files:
        try:
            is_reference, lines = _validate_file(path, allowed)
        except UnicodeDecodeError:
            raise LabelsFormatError(f"{path}: not UTF-8 text") from None
        if is_reference:
            references += lines
        else:
            written.append(path)
    articles = _group(_load_rows(written)) if written else []
    if references:
        from tongket.training.corpus import resolve_references

        articles += resolve_references(references, corpus)
    _check_unique(articles)
    return articles


def _check_unique(articles: list[LabelledArticle]) -> None:
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            raise LabelsFormatError(f"article {article.id}: labelled twice (in two files or two kinds of file)")
        seen.add(article.id)


def _load_rows(files: list[Path]) -> list[dict]:
    import datasets

    datasets.disable_progress_bars()
    datasets.logging.set_verbosity_error()
    dataset = datasets.load_dataset("json", data_files=[str(f) for f in files], split="train", features=_features())
    return list(dataset)


def _features():
    """The written-label schema, given to `datasets` so files that use different optional fields load together."""
    from datasets import Features, Value

    return Features({
        "article": Value("string"), "index": Value("int64"), "text": Value("string"), "label": Value("string"),
        "sector": Value("string"), "type": Value("string"), "partial": Value("bool"), "annotator": Value("string"),
        "sentences": [{"text": Value("string"), "label": Value("string")}],
    })



def _group(rows: Iterable[dict]) -> list[LabelledArticle]:
    articles: dict[str, LabelledArticle] = {}
    indexes: dict[str, list[int]] = {}
    for row in rows:
        article = articles.setdefault(
            row["article"], LabelledArticle(row["article"], row.get("sector") or "", row.get("type") or "")
        )
        if row.get("partial") and row["index"] in indexes.get(row["article"], []):
            position = indexes[row["article"]].index(row["index"])  # a later correction of the same unit wins
            article.labels[position] = row["label"]
            sentences = row.get("sentences")
            article.sentence_labels[position] = [(normalize_text(s["text"]), s["label"]) for s in sentences] if sentences else None
            continue
        indexes.setdefault(row["article"], []).append(row["index"])
        article.texts.append(normalize_text(row["text"]))
        article.labels.append(row["label"])
        sentences = row.get("sentences")
        article.sentence_labels.append([(normalize_text(s["text"]), s["label"]) for s in sentences] if sentences else None)
    for identifier, found in indexes.items():
        if len(found) != len(set(found)):
            raise LabelsFormatError(f"article {identifier}: duplicate paragraph indexes")
    return list(articles.values())
