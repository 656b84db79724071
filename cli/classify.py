"""`tongket classify`: a label and scores for every paragraph or sentence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from tongket.cli.common import ACCURATE_HELP, check_choice, chosen_model, open_output, report_input_error
from tongket.text.read import GROUP_FIELDS

LEVELS = ("paragraph", "sentence")
FORMATS = ("table", "jsonl", "json")


def classify_command(
    files: Annotated[Optional[list[Path]], typer.Argument(help="Articles: .txt, .html, .docx, .jsonl, or - for stdin.")] = None,
    level: Annotated[str, typer.Option("--level", help="paragraph or sentence.")] = "paragraph",
    output_format: Annotated[str, typer.Option("--format", "-f", help="table, jsonl or json.")] = "table",
    paragraphs: Annotated[Optional[Path], typer.Option("--paragraphs", help="JSONL of pre-split paragraphs ({'text': …}).")] = None,
    model: Annotated[Optional[Path], typer.Option("--model", "-m", help="Model folder (default: the shipped model).")] = None,
    accurate: Annotated[bool, typer.Option("--accurate", help=ACCURATE_HELP)] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
) -> None:
    """Label every paragraph (or sentence) as achievement, limitation, task, context, title, meta, caption or boilerplate."""
    check_choice(level, LEVELS, "--level")
    check_choice(output_format, FORMATS, "--format")
    if not files and paragraphs is None:
        raise typer.BadParameter("give article files, '-' for stdin, or --paragraphs FILE.jsonl")
    if files and paragraphs is not None:
        raise typer.BadParameter("give either article files or --paragraphs FILE.jsonl, not both")
    import tongket

    classifier = tongket.load_model(chosen_model(model, accurate))
    with open_output(output) as out:
        if paragraphs is not None:
            records = tongket.classify_paragraphs(paragraphs, model=classifier, level=level)
        else:
            records = tongket.classify([str(f) for f in files or []], model=classifier, level=level, on_error=report_input_error)
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
    for number, r in enumerate(records):
        doc, index = str(_first(r, GROUP_FIELDS, "")), str(r.get("index", number))
        keys = [doc, str(r.get("paragraph", "")), index] if level == "sentence" else [doc, index]
        scores = [f"{r['scores'].get(k, 0):.2f}" for k in ("achievement", "limitation", "task")]
        label = f"[{styles.get(r['label'], 'dim')}]{r['label']}[/]"
        table.add_row(*keys, label, *scores, r["text"] if len(r["text"]) < 160 else r["text"][:157] + "…")
    Console(file=out, width=None if out.isatty() else 200).print(table)


def _first(record: dict, names: tuple[str, ...], default: object) -> object:
    """The first of `names` present in a record: `--paragraphs` input keeps its own field names."""
    return next((record[name] for name in names if name in record), default)
