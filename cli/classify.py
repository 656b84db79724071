"""`tongket classify`: a label and scores for every paragraph or sentence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from tongket.cli.common import check_choice, open_output, report_input_error

LEVELS = ("paragraph", "sentence")
FORMATS = ("table", "jsonl", "json")


def classify_command(
    files: Annotated[Optional[list[Path]], typer.Argument(help="Articles: .txt, .html, .docx, .jsonl, or - for stdin.")] = None,
    level: Annotated[str, typer.Option("--level", help="paragraph or sentence.")] = "paragraph",
    output_format: Annotated[str, typer.Option("--format", "-f", help="table, jsonl or json.")] = "table",
    paragraphs: Annotated[Optional[Path], typer.Option("--paragraphs", help="JSONL of pre-split paragraphs ({'text': …}).")] = None,
    model: Annotated[Optional[Path], typer.Option("--model", "-m", help="Model folder (default: the shipped model).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
) -> None:
    """Label every paragraph (or sentence) as achievement, limitation, task, context, title, meta, caption or boilerplate."""
    check_choice(level, LEVELS, "--level")
    check_choice(output_format, FORMATS, "--format")
    if not files and paragraphs is None:
        raise typer.BadParameter("give article files, '-' for stdin, or --paragraphs FILE.jsonl")
    from tongket.models.store import load_classifier

    classifier = load_classifier(model)
    with open_output(output) as out:
        if paragraphs is not None:
            from tongket.models.paragraphs import classify_paragraph_file

            records = classify_paragraph_file(paragraphs, classifier, sentences=level == "sentence")
        else:
            from tongket.models.pipeline import classify_records, iter_articles

            records = classify_records(iter_articles([str(f) for f in files or []], report_input_error), classifier, level)
        _write(records, output_format, out, level)


def _write(records, output_format: str, out, level: str) -> None:
    if output_format == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
    elif output_format == "json":
        json.dump(list(records), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _table(list(records), out, level)


def _table(records: list[dict], out, level: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, expand=True)
    for column in ("doc", "para" if level == "sentence" else "#", "#" if level == "sentence" else None):
        if column:
            table.add_column(column, no_wrap=True)
    for column in ("label", "ach", "lim", "task"):
        table.add_column(column, no_wrap=True)
    table.add_column("text", ratio=1)
    styles = {"achievement": "green", "limitation": "red", "task": "blue", "context": "white"}
    for r in records:
        keys = [r["doc"], str(r["paragraph"]), str(r["index"])] if level == "sentence" else [r["doc"], str(r["index"])]
        scores = [f"{r['scores'].get(k, 0):.2f}" for k in ("achievement", "limitation", "task")]
        label = f"[{styles.get(r['label'], 'dim')}]{r['label']}[/]"
        table.add_row(*keys, label, *scores, r["text"] if len(r["text"]) < 160 else r["text"][:157] + "…")
    Console(file=out, width=None if out.isatty() else 200).print(table)
