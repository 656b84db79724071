"""The model card: what the model learned from, how well it does on articles it never saw, how to reproduce it."""

from __future__ import annotations

import platform
from collections import Counter
from datetime import date
from importlib import metadata
from pathlib import Path

from tongket.text.document import LABELS
from tongket.training.evaluate import Evaluation

__all__ = ["write_card", "evaluation_markdown"]

_VERSIONED = ("tongket", "numpy", "scikit-learn", "scipy", "skops", "datasets", "torch", "transformers")


def write_card(result, articles, options, directory: Path) -> Path:
    """Write MODEL_CARD.md next to the model files."""
    lines = [
        "# tongket model card",
        "",
        f"- Trained: {date.today().isoformat()}",
        f"- Backend: {options.backend}" + (f" (base model {options.base_model})" if options.base_model else "")
        + (f", reading {options.embeddings} sentence embeddings (needs tongket[embeddings])" if options.embeddings else ""),
        f"- Data: {result.articles} labelled articles, {result.units} paragraphs",
        f"- Python {platform.python_version()}; " + ", ".join(_versions()),
        "",
        "## Training data",
        "",
        _counts_table("label", Counter(label for a in articles for label in a.labels), LABELS),
        "",
        _counts_table("sector", Counter(a.sector for a in articles for _ in a.labels)),
        "",
        _counts_table("article type", Counter(a.type for a in articles for _ in a.labels)),
        "",
    ]
    for name, evaluation in result.evaluations.items():
        lines += [evaluation_markdown(evaluation, title=f"Cross-validated scores: {name}"), ""]
    path = directory / "MODEL_CARD.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _versions() -> list[str]:
    found = []
    for name in _VERSIONED:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return found


def _counts_table(name: str, counts: Counter, order=None) -> str:
    keys = [k for k in (order or sorted(counts)) if k in counts]
    rows = [f"| {name} | paragraphs |", "|---|---:|"] + [f"| {k or '(none)'} | {counts[k]} |" for k in keys]
    return "\n".join(rows)


def evaluation_markdown(evaluation: Evaluation, title: str, errors: int = 0) -> str:
    """Scores per level as Markdown tables: headline, per label, confusion, optionally the worst errors."""
    lines = [f"### {title}", "", f"Method: {evaluation.method}.", ""]
    for level, report in evaluation.levels.items():
        summary = report.summary()
        lines += [
            f"**{level} level** ({summary['units']} units): macro-F1 achievement/limitation/task "
            f"**{summary['macro_f1_content']:.3f}**, macro-F1 all labels {summary['macro_f1_all']:.3f}, "
            f"accuracy {summary['accuracy']:.3f}",
            "",
            "| label | precision | recall | F1 | support |",
            "|---|---:|---:|---:|---:|",
        ]
        lines += [
            f"| {label} | {row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} | {row['support']} |"
            for label, row in report.per_label().items()
        ]
        labels, matrix = report.confusion()
        lines += ["", "Confusion (rows gold, columns predicted):", "", "| gold \\ predicted | " + " | ".join(labels) + " |",
                  "|---|" + "---:|" * len(labels)]
        lines += [f"| {label} | " + " | ".join(str(v) for v in row) + " |" for label, row in zip(labels, matrix)]
        if errors:
            lines += ["", "Worst errors:", ""]
            lines += [f"- `{e['article']}` gold **{e['gold']}**, predicted **{e['predicted']}** ({e['confidence']}): {e['text'][:160]}"
                      for e in report.worst_errors(errors)]
        lines.append("")
    if evaluation.review.gold:
        review = evaluation.review.summary()
        lines += [
            f"**Article type** ({review['articles']} real articles): reports a review, briefing, congress, launch or "
            f"working visit rather than ordinary news, at probability ≥ 0.5: precision **{review['precision']:.3f}**, "
            f"recall {review['recall']:.3f}, F1 {review['f1']:.3f}.",
            "",
        ]
    return "\n".join(lines)
