"""What `tongket evaluate` does: pick the fitter (model settings or a baseline), then cross-validate or score a test file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from tongket.text.errors import check_option
from tongket.training.evaluate import SUBSETS, Evaluation, cross_validate, evaluate_classifier, in_subset
from tongket.training.labels import load_labels
from tongket.training.train import BASELINES, TrainOptions, _fitter, fit_baseline

__all__ = ["run_evaluation", "options_from_model"]


def options_from_model(model: str | Path | None) -> TrainOptions:
    """The training options recorded in a model folder's manifest (defaults when none is given)."""
    if model is None:
        return TrainOptions()
    from tongket.models.store import read_manifest

    recorded = read_manifest(model).get("options", {})
    known = {k: v for k, v in recorded.items() if k in TrainOptions.__dataclass_fields__}
    if "levels" in known:
        known["levels"] = tuple(known["levels"])
    return TrainOptions(**known)


GROUPS = ("article", "sector")


def run_evaluation(
    labels: Sequence[str | Path],
    model: str | Path | None = None,
    cv: int = 5,
    by: str = "article",
    test: str | Path | None = None,
    baseline: str | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    corpus: str | Path | None = None,
    on: str = "all",
) -> Evaluation:
    """Held-out scoring of a trained model with `test`, otherwise grouped cross-validation of its recipe.

    `on="real"` scores only real corpus articles (written ones stay in every training fold).
    """
    check_option(by, GROUPS, "by")
    check_option(on, SUBSETS, "on")
    if baseline is not None:
        check_option(baseline, BASELINES, "baseline")
    if test is not None:
        from tongket.models.store import load_classifier

        articles = [a for a in load_labels([test], corpus=corpus) if in_subset(a, on)]
        return Evaluation(f"held-out file {test}", evaluate_classifier(load_classifier(model), articles))
    options = options_from_model(model)
    articles = load_labels(labels, corpus=corpus)
    fit = (lambda a: fit_baseline(baseline, a, options)) if baseline else _fitter(options)
    return cross_validate(articles, fit, cv, by=by, progress=progress, on=on)
