"""tongket: what Vietnamese review-conference news says was achieved, falls short and comes next.

The Python API is the surface the command line uses::

    import tongket

    model = tongket.load_model()                      # the shipped model, or load_model("my-model/")
    for digest in tongket.digest(["bai-viet.txt"], model=model):
        print(digest.event.date, [p.text for p in digest.category("task")])
    for record in tongket.classify(["bai-viet.txt"], model=model, level="sentence"):
        print(record["label"], record["text"])
    tongket.write_report(["bai-viet/"], "bao-cao.docx")

Heavy modules load on first use, so `import tongket` stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from tongket.text.document import LABELS, Article
from tongket.text.errors import InputError, TongketError, check_option

if TYPE_CHECKING:
    from tongket.models.label import Classifier
    from tongket.report.run import ReportOptions, ReportSummary
    from tongket.summarise.digest import Digest

__all__ = [
    "load_model", "classify", "classify_paragraphs", "digest", "write_report", "read_articles", "Article", "LABELS",
    "TongketError", "LEVELS", "ReportOptions",
]

LEVELS = ("paragraph", "sentence")
Source = str | Path | Article
OnError = Callable[[InputError], None]


def load_model(path: str | Path | None = None) -> Classifier:
    """The classifier in a model folder (checked against its manifest), or the shipped default model."""
    from tongket.models.store import load_classifier

    return load_classifier(path)


def read_articles(sources: Source | Iterable[Source], on_error: OnError | None = None) -> Iterator[Article]:
    """Articles from paths (.txt, .html, .docx, .jsonl, or "-") and `Article` objects, in order.

    A file that cannot be read goes to `on_error`; without one, its `InputError` is raised.
    """
    from tongket.text.read import read_articles as read

    for source in _sources(sources):
        if isinstance(source, Article):
            yield source
        else:
            yield from read(source, on_error=on_error)


def classify(
    sources: Source | Iterable[Source], *, model: Classifier | None = None, level: str = "paragraph",
    on_error: OnError | None = None,
) -> Iterator[dict]:
    """One record per paragraph (or sentence): `doc`, `index`, `text`, `label` and content `scores`."""
    from tongket.pipeline import analyse_stream, paragraph_records, sentence_records

    check_option(level, LEVELS, "level")
    records = sentence_records if level == "sentence" else paragraph_records
    for article in analyse_stream(read_articles(sources, on_error), model or load_model(), sentences=level == "sentence"):
        yield from records(article)


def classify_paragraphs(path: str | Path, *, model: Classifier | None = None, level: str = "paragraph") -> Iterator[dict]:
    """Label pre-split paragraphs (JSON Lines with a `text` field, or "-"), keeping every input field and the order."""
    from tongket.pipeline import analyse_batch
    from tongket.text.read import read_paragraph_records

    check_option(level, LEVELS, "level")
    classifier = model or load_model()
    for article, records in read_paragraph_records(path):
        analyse_batch([article], classifier, sentences=level == "sentence")
        for record, paragraph in zip(records, article.paragraphs):
            out = {**record, "label": paragraph.label, "scores": paragraph.scores}
            if level == "sentence":
                out["sentences"] = [{"text": s.text, "label": s.label, "scores": s.scores} for s in paragraph.sentences]
            yield out


def digest(
    sources: Source | Iterable[Source], *, model: Classifier | None = None, on_error: OnError | None = None
) -> Iterator[Digest]:
    """The digest of every article: event metadata, key points per category, a short summary."""
    from tongket.pipeline import digest_stream

    yield from digest_stream(read_articles(sources, on_error), model or load_model())


def write_report(
    inputs: Iterable[str | Path], output: str | Path, options: ReportOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ReportSummary:
    """Digest every article of `inputs` (folders, globs, files, corpora) and write one consolidated report."""
    from tongket.report.run import ReportOptions, write_report as run

    return run(list(inputs), Path(output), options or ReportOptions(), progress)


def __getattr__(name: str):
    """`tongket.ReportOptions`, imported on first use like the rest of the report code."""
    if name == "ReportOptions":
        from tongket.report.options import ReportOptions

        return ReportOptions
    raise AttributeError(f"module 'tongket' has no attribute {name!r}")


def _sources(sources: Source | Iterable[Source]) -> Iterable[Source]:
    if isinstance(sources, (str, Path, Article)):
        return [sources]
    return sources
