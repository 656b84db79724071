"""Digests of real articles against the reference digests (`benchmarks/reference/digests.jsonl`).

    python benchmarks/digest_real.py [--split test|dev|all] [--model DIR] [--write]

Each split is digested by a model trained on every labelled article except that split's
articles (or by `--model`, which must not have seen them). Key points: recall and precision per
category, one-to-one matches at syllable F1 ≥ 0.5; LexRank, TextRank and lead-N get as many
sentences as there are reference points and are scored category-blind, as is tongket's "any"
row. Metadata: accuracy per field, F1 for people and documents.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from common import CORPUS, publish
from lexrank_baseline import lexrank_summary, textrank_summary

from tongket.pipeline import digest_batch
from tongket.text.read import article_from_record
from tongket.training.digest_eval import CATEGORIES, DigestScores, load_reference_digests, score_event, score_points

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = Path(__file__).resolve().parent / "reference" / "digests.jsonl"


def model_without(articles: set[str]):
    """The shipped recipe trained on every labelled article except `articles`."""
    from tongket.training.labels import load_labels
    from tongket.training.run_evaluation import options_from_model
    from tongket.training.train import fit_linear
    from tongket.models.store import default_model_dir

    labelled = [a for a in load_labels([ROOT / "labels"], corpus=CORPUS) if a.id not in articles]
    return fit_linear(labelled, options_from_model(default_model_dir())).runtime_


def baseline_points(record: dict, n: int) -> dict[str, list[tuple[str, str]]]:
    """Category-blind points of LexRank, TextRank and lead-N over the article body."""
    text = "\n\n".join(p for p in (record.get("summary"), record["text"]) if p)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n\n", text) if s.strip()]
    return {
        "LexRank": [("", s) for s in lexrank_summary(text, n)],
        "TextRank": [("", s) for s in textrank_summary(text, n)],
        "lead-N": [("", s) for s in sentences[:n]],
    }


def score_split(references, classifier) -> dict[str, DigestScores]:
    scores = {"tongket": DigestScores(), "LexRank": DigestScores(), "TextRank": DigestScores(), "lead-N": DigestScores()}
    articles = [article_from_record(r.record, r.article) for r in references]
    for reference, digest in zip(references, digest_batch(articles, classifier)):
        as_dict = digest.to_dict()
        score_points(scores["tongket"], as_dict, reference)
        score_event(scores["tongket"], as_dict, reference)
        for name, points in baseline_points(reference.record, len(reference.points)).items():
            blind = {"achievements": [{"text": t} for _, t in points], "limitations": [], "tasks": []}
            score_points(scores[name], blind, reference)
    return scores


def tables(scores: dict[str, DigestScores], label: str) -> str:
    ours = scores["tongket"].summary()
    rows = [f"**{label}**", "", "| key points | recall | precision |", "|---|---:|---:|"]
    rows += [f"| tongket {c} | {ours[f'{c}_recall']:.3f} | {ours[f'{c}_precision']:.3f} |" for c in CATEGORIES]
    rows.append(f"| tongket, all three (same category) | **{ours['recall']:.3f}** | **{ours['precision']:.3f}** |")
    for name, score in scores.items():
        s = score.summary()
        rows.append(f"| {name}, category-blind | {s['any_recall']:.3f} | {s['any_precision']:.3f} |")
    rows += ["", "| metadata | score |", "|---|---:|"]
    rows += [f"| {name} | {ours[name]:.3f} |" for name in ("date", "place", "organizer", "attendance", "period")]
    rows += [f"| people F1 | {ours['people_f1']:.3f} |", f"| documents F1 | {ours['documents_f1']:.3f} |",
             f"| mean of date, place, organiser, people, documents | **{ours['metadata_mean']:.3f}** |"]
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "dev", "all"), default="test")
    parser.add_argument("--model", help="score this model folder (it must not have been trained on the split)")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    references = load_reference_digests(REFERENCE, CORPUS)
    splits = ("dev", "test") if args.split == "all" else (args.split,)
    parts = []
    for split in splits:
        chosen = [r for r in references if r.split == split]
        if args.model:
            from tongket.models.store import load_classifier

            classifier = load_classifier(args.model)
        else:
            classifier = model_without({r.article for r in chosen})
        points = sum(len(r.points) for r in chosen)
        parts.append(tables(score_split(chosen, classifier), f"{split} half: {len(chosen)} articles, {points} reference points"))
    publish("Digests of real articles against reference digests", "\n\n".join(parts), args.write)


if __name__ == "__main__":
    main()
