"""`tongket digest`: the structured digest of each article, as JSON or Markdown."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from tongket.cli.common import ACCURATE_HELP, check_choice, chosen_model, open_output, report_input_error

FORMATS = ("json", "md")


def digest_command(
    files: Annotated[list[Path], typer.Argument(help="Articles: .txt, .html, .docx, .jsonl, or - for stdin.")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="json or md.")] = "json",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    model: Annotated[Optional[Path], typer.Option("--model", "-m", help="Model folder (default: the shipped model).")] = None,
    accurate: Annotated[bool, typer.Option("--accurate", help=ACCURATE_HELP)] = False,
) -> None:
    """Write what each article says was achieved, what falls short and what comes next, with its event metadata."""
    check_choice(output_format, FORMATS, "--format")
    import tongket

    classifier = tongket.load_model(chosen_model(model, accurate))
    with open_output(output) as out:
        digests = [d.to_dict() for d in tongket.digest([str(f) for f in files], model=classifier, on_error=report_input_error)]
        single = len(files) == 1 and not str(files[0]).endswith(".jsonl") and len(digests) == 1
        if output_format == "json":
            json.dump(digests[0] if single else digests, out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            from tongket.report.digest_markdown import digest_to_markdown

            out.write("\n\n".join(digest_to_markdown(d) for d in digests))
