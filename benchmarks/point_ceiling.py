"""Where key-point recall is lost: the digest's points against what its candidates could reach at best.

    python benchmarks/point_ceiling.py [--split dev|test] [--model DIR] [--write]

The digest takes its points from the sentences the classifier labels achievement, limitation or task,
plus context sentences with one content score of at least 0.3. Scored as `digest_real.py` scores them
(one-to-one, same category, syllable F1 ≥ 0.5), this compares:

- the shipped points;
- every candidate: each body sentence or list item the digest could take (context ones under their best
  content label), before any threshold;
- a perfect choice among those candidates: the candidates that match a reference point of their category;
- a perfect category: the shipped points, then every candidate, each under the category of the reference
  point it matches best (at F1 ≥ 0.5), whatever the classifier said.

It also sorts every reference point the shipped digest misses: a point of another category states it
(category), a point overlaps it only partly (F1 0.3–0.5: the reference is a clause of a longer sentence, or
spans more), or no point comes near it. Like `digest_real.py`, the split is digested by a model that never
saw its articles (`--model` must not have either).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from common import CORPUS, publish
from digest_real import REFERENCE, model_without

from tongket.pipeline import analyse_batch
from tongket.summarise.points import CONTEXT_POINT_SCORE, key_points
from tongket.text.read import article_from_record
from tongket.training.digest_eval import CATEGORIES, _matches, load_reference_digests, token_f1

Points = list[tuple[str, str]]


def scored(pairs: list[tuple[Points, Points]]) -> tuple[float, float, int]:
    """Recall, precision and the number of points, same category, one-to-one."""
    matched = predicted = reference = 0
    for mine, theirs in pairs:
        for category in CATEGORIES:
            ours = [p for p in mine if p[0] == category]
            gold = [p for p in theirs if p[0] == category]
            matched += _matches(ours, gold, True)
            predicted += len(ours)
            reference += len(gold)
    return matched / max(1, reference), matched / max(1, predicted), predicted


def best_reference(text: str, reference: Points) -> tuple[float, str]:
    return max(((token_f1(text, gold), category) for category, gold in reference), default=(0.0, ""))


def true_category(points: Points, reference: Points) -> Points:
    """Each point under the category of the reference point it matches best, when it matches one."""
    relabelled = []
    for category, text in points:
        score, gold = best_reference(text, reference)
        relabelled.append((gold if score >= 0.5 else category, text))
    return relabelled


def miss_kind(category: str, text: str, points: Points) -> str:
    same = max((token_f1(p, text) for c, p in points if c == category), default=0.0)
    other = max((token_f1(p, text) for c, p in points if c != category), default=0.0)
    if same >= 0.5:
        return "found"
    if other >= 0.5:
        return "found under another category"
    if max(same, other) >= 0.3:
        return "overlapped only in part (F1 0.3–0.5)"
    return "no point near it"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--model", help="a model folder that never saw the split's articles")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    references = [r for r in load_reference_digests(REFERENCE, CORPUS) if r.split == args.split]
    if args.model:
        from tongket.models.store import load_classifier

        classifier = load_classifier(args.model)
    else:
        classifier = model_without({r.article for r in references})
    articles = analyse_batch([article_from_record(r.record, r.article) for r in references], classifier)
    shipped, candidates, kinds = [], [], Counter()
    for reference, article in zip(references, articles):
        points = [(p.label, p.text) for p in key_points(article)]
        every = [(p.label, p.text) for p in key_points(article, context_score=0.0)]
        shipped.append((points, reference.points))
        candidates.append((every, reference.points))
        kinds.update(miss_kind(category, text, points) for category, text in reference.points)
    chosen = [([p for p in every if best_reference(p[1], [g for g in gold if g[0] == p[0]])[0] >= 0.5], gold)
              for every, gold in candidates]
    rows = [
        ("shipped points", scored(shipped)),
        ("every candidate", scored(candidates)),
        ("perfect choice among the candidates", scored(chosen)),
        ("shipped points, perfect category", scored([(true_category(m, g), g) for m, g in shipped])),
        ("every candidate, perfect category", scored([(true_category(m, g), g) for m, g in candidates])),
    ]
    table = ["| points | recall | precision | points |", "|---|---:|---:|---:|"]
    table += [f"| {name} | {r:.3f} | {p:.3f} | {n} |" for name, (r, p, n) in rows]
    total = sum(kinds.values())
    table += ["", "| reference points | share |", "|---|---:|"]
    table += [f"| {kind} | {count / total:.3f} |" for kind, count in kinds.most_common()]
    table.append(f"\n{args.split} half: {len(references)} articles, {total} reference points; context threshold "
                 f"{CONTEXT_POINT_SCORE} for the shipped points, 0 for the candidates.")
    publish(f"Key points: where recall is lost ({args.split} half)", "\n".join(table), args.write)


if __name__ == "__main__":
    main()
