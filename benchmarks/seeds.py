"""Paragraph-level scores of a model on the five real seed articles (labels in seed_labels.json, text in ../shared/seeds).

    python benchmarks/seeds.py [--model DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tongket.pipeline import analyse_batch
from tongket.models.store import default_model_dir, load_classifier
from tongket.text.read import read_path
from tongket.training.evaluate import LevelReport

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "shared" / "seeds"


def seed_report(classifier, seeds: Path = SEEDS) -> LevelReport:
    """Run `analyse` on each seed and compare paragraph labels with ours."""
    labels = json.loads((HERE / "seed_labels.json").read_text(encoding="utf-8"))["labels"]
    report = LevelReport("paragraph")
    for name, gold in labels.items():
        article = analyse_batch([read_path(seeds / name)], classifier, sentences=False)[0]
        if len(article.paragraphs) != len(gold):
            raise SystemExit(f"{name}: {len(article.paragraphs)} paragraphs, {len(gold)} labels: segmentation changed")
        for paragraph, label in zip(article.paragraphs, gold):
            report.gold.append(label)
            report.predicted.append(paragraph.label)
            report.confidence.append(max(paragraph.scores.values(), default=0.0))
            report.articles.append(name)
            report.texts.append(paragraph.text)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--card", action="store_true", help="append the scores to the model's MODEL_CARD.md")
    args = parser.parse_args()
    if not SEEDS.is_dir():
        sys.exit(f"{SEEDS} not found: the seed articles live beside the repository")
    report = seed_report(load_classifier(args.model))
    body = LevelReport("paragraph")
    for i, gold in enumerate(report.gold):
        if gold in ("achievement", "limitation", "task", "context"):
            body.gold.append(gold)
            body.predicted.append(report.predicted[i])
    print(json.dumps({"all": report.summary(), "body paragraphs": body.summary(), "per_label": report.per_label()}, indent=1))
    for error in report.worst_errors(30):
        print(f"{error['article'][:3]} gold={error['gold']:<12} pred={error['predicted']:<12} {error['text'][:90]}")
    if args.card:
        _append_to_card(Path(args.model) if args.model else default_model_dir(), report, body)


def _append_to_card(model: Path, report: LevelReport, body: LevelReport) -> None:
    """Seed scores belong in the card: they are the only real (not self-written) articles we score on."""
    all_scores, body_scores = report.summary(), body.summary()
    rows = "\n".join(
        f"| {label} | {row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} | {row['support']} |"
        for label, row in report.per_label().items()
    )
    section = f"""
## Real articles: the five seeds

Paragraph labels on the five real review-conference articles in `../shared/seeds` (never used in
training; labelled by hand in `benchmarks/seed_labels.json`), measured with `python benchmarks/seeds.py --card`.

- all {all_scores['units']} paragraphs: macro-F1 achievement/limitation/task **{all_scores['macro_f1_content']:.3f}**, accuracy {all_scores['accuracy']:.3f}
- the {body_scores['units']} body paragraphs alone: accuracy {body_scores['accuracy']:.3f}

| label | precision | recall | F1 | support |
|---|---:|---:|---:|---:|
{rows}
"""
    card = model / "MODEL_CARD.md"
    text = card.read_text(encoding="utf-8")
    marker = "\n## Real articles: the five seeds"
    if marker in text:
        text = text[: text.index(marker)]
    card.write_text(text.rstrip("\n") + "\n" + section, encoding="utf-8")


if __name__ == "__main__":
    main()
