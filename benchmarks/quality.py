"""Key-point quality against reference points: tongket, keyword rules, LexRank, TextRank and lead-N.

    python benchmarks/quality.py [--folds 5] [--write]

References are the achievement/limitation/task sentences of the labelled articles in labels/
(our own writing). Each article is scored by a model trained on the other folds only. A system
point matches a reference when their token F1 (Unicode words, lower-cased) is at least 0.5;
matching is one-to-one. Category-aware scores need the same category; LexRank, TextRank and
lead-N have no categories and are scored against all references, given as many points as there are.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from common import publish
from lexrank_baseline import lexrank_summary, textrank_summary

from tongket.pipeline import digest_batch
from tongket.text.clean import assign_roles
from tongket.text.document import CONTENT_LABELS
from tongket.training.baselines import KeywordClassifier
from tongket.training.evaluate import article_folds
from tongket.training.labels import load_labels
from tongket.training.train import TrainOptions, fit_linear
from tongket.training.units import build_units

_WORD = re.compile(r"\w+")
KEYS = {"achievement": "achievements", "limitation": "limitations", "task": "tasks"}


def tokens(text: str) -> Counter:
    return Counter(_WORD.findall(text.lower()))


def token_f1(a: str, b: str) -> float:
    ta, tb = tokens(a), tokens(b)
    overlap = sum((ta & tb).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(ta.values()), overlap / sum(tb.values())
    return 2 * precision * recall / (precision + recall)


def match(predicted: list[tuple[str, str]], references: list[tuple[str, str]], by_category: bool) -> int:
    """Greedy one-to-one matches with token F1 ≥ 0.5 (same category when `by_category`)."""
    used, matched = set(), 0
    for text, category in predicted:
        best, best_score = None, 0.5
        for index, (ref_text, ref_category) in enumerate(references):
            if index in used or (by_category and category != ref_category):
                continue
            score = token_f1(text, ref_text)
            if score >= best_score:
                best, best_score = index, score
        if best is not None:
            used.add(best)
            matched += 1
    return matched


def references(labelled) -> list[tuple[str, str]]:
    units = build_units([labelled], levels=("sentence",))
    return [(u["text"], label) for u, label in zip(units.units, units.labels) if label in CONTENT_LABELS]


def body_text(labelled) -> str:
    article = assign_roles(labelled.to_article())
    return "\n\n".join(p.text for p in article.paragraphs if p.role == "body")


def systems(labelled, classifier, n: int) -> dict[str, list[tuple[str, str]]]:
    digest = digest_batch([labelled.to_article()], classifier)[0].to_dict()
    keyword = digest_batch([labelled.to_article()], KeywordClassifier())[0].to_dict()
    text = body_text(labelled)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    return {
        "tongket": [(p["text"], c) for c, key in KEYS.items() for p in digest[key]],
        "keyword rules": [(p["text"], c) for c, key in KEYS.items() for p in keyword[key]],
        "LexRank": [(s, "") for s in lexrank_summary(text, n)] if text else [],
        "TextRank": [(s, "") for s in textrank_summary(text, n)] if text else [],
        "lead-N": [(s, "") for s in sentences[:n]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    articles = load_labels([Path(__file__).resolve().parent.parent / "labels"])
    totals: dict[str, Counter] = {}
    for train, test in article_folds(articles, args.folds):
        classifier = fit_linear([articles[i] for i in train], TrainOptions()).runtime_
        for index in test:
            refs = references(articles[index])
            for name, points in systems(articles[index], classifier, len(refs)).items():
                total = totals.setdefault(name, Counter())
                total["predicted"] += len(points)
                total["references"] += len(refs)
                total["matched"] += match(points, refs, by_category=False)
                if name in ("tongket", "keyword rules"):
                    total["matched_category"] += match(points, refs, by_category=True)
    rows = ["| system | precision | recall | F1 | precision (same category) | recall (same category) |", "|---|---:|---:|---:|---:|---:|"]
    for name, t in totals.items():
        p, r = t["matched"] / max(1, t["predicted"]), t["matched"] / max(1, t["references"])
        f = 2 * p * r / max(1e-9, p + r)
        cat = (f"{t['matched_category'] / max(1, t['predicted']):.3f} | {t['matched_category'] / max(1, t['references']):.3f}"
               if "matched_category" in t else "– | –")
        rows.append(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {cat} |")
    table = "\n".join(rows) + f"\n\n{len(articles)} labelled articles, {args.folds}-fold cross-validation grouped by article."
    publish("Quality: key points against reference points", table, args.write)


if __name__ == "__main__":
    main()
