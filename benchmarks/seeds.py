"""Paragraph-level scores of a model on the five real seed articles (labels in seed_labels.json, text in ../shared/seeds).

    python benchmarks/seeds.py [--model DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tongket.models.analyse import analyse
from tongket.models.store import load_classifier
from tongket.text.read import read_path
from tongket.training.evaluate import LevelReport

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "shared" / "seeds"


def seed_report(classifier, seeds: Path = SEEDS) -> LevelReport:
    """Run `analyse` on each seed and compare paragraph labels with ours."""
    labels = json.loads((HERE / "seed_labels.json").read_text(encoding="utf-8"))["labels"]
    report = LevelReport("paragraph")
    for name, gold in labels.items():
        article = analyse(read_path(seeds / name), classifier, sentences=False)
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


if __name__ == "__main__":
    main()
