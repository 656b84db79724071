"""How well `group_points` groups paraphrases: pairwise precision/recall/F1 and ARI on a labelled set, per threshold.

    python benchmarks/grouping.py

benchmarks/grouping_points.jsonl holds 80 points written for this check: 20 groups of four
wordings of one recurring limitation, task or achievement, as different articles phrase them.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from sklearn.metrics import adjusted_rand_score

from tongket.report.aggregate import PointRecord, _components, _vectors, cluster_labels

HERE = Path(__file__).resolve().parent


def pairwise(gold: list[str], predicted: list[int]) -> tuple[float, float, float]:
    """Precision, recall and F1 over all pairs put (or not) in the same group."""
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(gold)), 2):
        same_gold, same_predicted = gold[i] == gold[j], predicted[i] == predicted[j]
        tp += same_gold and same_predicted
        fp += same_predicted and not same_gold
        fn += same_gold and not same_predicted
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)


def main() -> None:
    rows = [json.loads(line) for line in (HERE / "grouping_points.jsonl").read_text(encoding="utf-8").splitlines()]
    print("| linkage | threshold | pair precision | pair recall | pair F1 | ARI |")
    print("|---|---:|---:|---:|---:|---:|")
    for method, threshold in [("single", t) for t in (0.25, 0.3, 0.4)] + [("average", t) for t in (0.1, 0.15, 0.2, 0.25, 0.3)]:
        gold, predicted = [], []
        for category in sorted({r["category"] for r in rows}):
            subset = [r for r in rows if r["category"] == category]
            points = [PointRecord(str(i), r["text"]) for i, r in enumerate(subset)]
            vectors = _vectors([p.text for p in points])
            if method == "single":
                labels = _components(vectors, threshold)
            else:
                labels = cluster_labels(vectors, threshold)
            gold += [f"{category}/{r['group']}" for r in subset]
            predicted += [f"{category}/{label}" for label in labels]
        p, r, f = pairwise(gold, predicted)
        print(f"| {method} | {threshold} | {p:.3f} | {r:.3f} | {f:.3f} | {adjusted_rand_score(gold, predicted):.3f} |")


if __name__ == "__main__":
    main()
