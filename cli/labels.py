"""`tongket labels export|import`: exchange labels with Label Studio and doccano."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(help="Exchange labels with Label Studio and doccano.", no_args_is_help=True)


@app.command("export")
def export_command(
    labels: Annotated[Optional[list[Path]], typer.Argument(help="Label files or folders (default: labels/).")] = None,
    to: Annotated[str, typer.Option("--to", help="label-studio or doccano.")] = "label-studio",
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (.json for Label Studio, .jsonl for doccano).")] = Path("nhan.json"),
    corpus: Annotated[Optional[Path], typer.Option("--corpus", help="Corpus folder that reference labels point into.")] = None,
) -> None:
    """Write every labelled unit as a task of the labelling tool, with its article and index."""
    from tongket.training.interchange import export_labels

    count = export_labels(labels or [Path("labels")], output, to, corpus)
    typer.echo(f"{output}: {count} labelled units for {to}", err=True)


@app.command("import")
def import_command(
    source: Annotated[Path, typer.Argument(help="A Label Studio export (.json) or a doccano export (.jsonl).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Label file to write (then train with it).")] = Path("labels/imported.jsonl"),
    labels: Annotated[Optional[Path], typer.Option("--labels", help="Labels folder whose categories.json declares extra labels.")] = None,
) -> None:
    """Turn what people labelled in Label Studio or doccano into label lines `tongket train` reads."""
    from tongket.training.interchange import import_labels
    from tongket.training.labelset import load_label_set

    allowed = load_label_set([labels or output.parent]).names
    count = import_labels(source, output, allowed)
    typer.echo(f"{output}: {count} labelled units imported from {source}", err=True)
