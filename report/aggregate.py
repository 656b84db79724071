"""Key point analysis across articles: group points that say the same thing, name each group by its clearest
wording, count every article once.

Points become TF-IDF vectors over syllables and syllable pairs with numbers, dates and percentages taken
out, so "tăng 7,08%" and "đạt 95%" never meet on their figures. Up to `MAX_LINKAGE` points per category
are joined by average linkage, cut where the average cosine falls below the threshold; beyond that,
near-duplicates are first merged through MinHash LSH, whose cost grows with the number of points rather
than its square. A run can start from an earlier run's groups (`memory`): points seen before keep their
group, and only new points are placed, in the nearest group or in new groups of their own.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tongket.report.model import RecurringPoint

__all__ = ["PointRecord", "group_points", "point_key", "grouping_version", "cluster_labels", "point_vectors", "Grouping", "DEFAULT_THRESHOLD", "MAX_LINKAGE"]

DEFAULT_THRESHOLD = 0.2
MAX_LINKAGE = 5000
_NEAR_DUPLICATE = 0.6
_NUMBER = re.compile(r"\d[\d.,/%-]*%?|%")
_WORD = re.compile(r"\w+")
_CLEAR_WORDS = (6, 30)
_SHARED_LEAD = re.compile(r"^(?:[^:]{1,80}):\s+(?=\S)")


@dataclass(frozen=True)
class PointRecord:
    """One key point of one article."""

    article: str
    text: str
    score: float = 1.0


@dataclass
class Grouping:
    """Group numbers of a category's points, keyed by `point_key`, for the next run to start from."""

    labels: dict[str, int]

    def to_json(self) -> str:
        return json.dumps(self.labels, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Grouping:
        return cls({k: int(v) for k, v in json.loads(text).items()})


@functools.cache
def grouping_version() -> str:
    """A fingerprint of this module: a changed way of grouping must not start from groups the old one made."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]


def point_key(article: str, text: str) -> str:
    """A short stable key for one point of one article: the grouping memory stays small for large runs."""
    return hashlib.blake2b(f"{article}\x00{text}".encode("utf-8"), digest_size=8).hexdigest()


def point_vectors(texts: Sequence[str]):
    """L2-normalised TF-IDF rows over syllables and syllable pairs, numbers left out. A short lead that a
    point shares with its list ("Công tác tuyên truyền còn hạn chế: …") is left out too: it would make every
    item of the list look alike."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from tongket.text.normalize import fold_key

    def grams(text: str) -> list[str]:
        tokens = _WORD.findall(_NUMBER.sub(" ", fold_key(_SHARED_LEAD.sub("", text, count=1))))
        return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]

    vectorizer = TfidfVectorizer(analyzer=grams, sublinear_tf=True, min_df=1, max_df=0.5 if len(texts) > 50 else 1.0)
    try:
        return vectorizer.fit_transform(list(texts)).tocsr()
    except ValueError:  # every term too common or no term at all: nothing can be told apart
        from scipy.sparse import csr_matrix

        return csr_matrix((len(texts), 1))


def group_points(
    points: Sequence[PointRecord], category: str, threshold: float = DEFAULT_THRESHOLD, min_articles: int = 2,
    memory: Grouping | None = None,
) -> tuple[list[RecurringPoint], Grouping]:
    """Groups raised by at least `min_articles` articles, most widespread first, and the grouping for next time."""
    if not points:
        return [], Grouping({})
    vectors = point_vectors([p.text for p in points])
    labels = _labels(points, vectors, threshold, memory)
    groups: dict[int, list[int]] = defaultdict(list)
    for index, label in enumerate(labels):
        groups[int(label)].append(index)
    widespread = [m for m in groups.values() if len({points[i].article for i in m}) >= min_articles]
    recurring = [_recurring(points, members, vectors, category) for members in widespread]
    recurring.sort(key=lambda r: (-r.count, r.text))
    return recurring, Grouping({point_key(p.article, p.text): int(label) for p, label in zip(points, labels)})


def _labels(points: Sequence[PointRecord], vectors, threshold: float, memory: Grouping | None) -> np.ndarray:
    """Labels for every point: remembered ones kept, new ones placed in the nearest group or grouped anew."""
    if memory is None or not memory.labels:
        return cluster_labels(vectors, threshold)
    known = np.array([memory.labels.get(point_key(p.article, p.text), -1) for p in points])
    new = np.flatnonzero(known < 0)
    if len(new) == 0:
        return known
    labels = known.copy()
    groups = np.unique(known[known >= 0])
    if len(groups):
        from scipy.sparse import csr_matrix
        from sklearn.preprocessing import normalize

        rows = np.flatnonzero(known >= 0)
        position = {g: i for i, g in enumerate(groups)}
        assign = csr_matrix((np.ones(len(rows)), (rows, [position[g] for g in known[rows]])), shape=(len(points), len(groups)))
        centroids = normalize(assign.T @ vectors)
        similarity = (vectors[new] @ centroids.T).toarray()
        best = similarity.argmax(axis=1)
        placed = similarity[np.arange(len(new)), best] >= threshold
        labels[new[placed]] = groups[best[placed]]
        new = new[~placed]
    if len(new):
        fresh = cluster_labels(vectors[new], threshold)
        labels[new] = fresh + (int(labels.max()) + 1 if (labels >= 0).any() else 0)
    return labels


def cluster_labels(vectors, threshold: float = DEFAULT_THRESHOLD) -> np.ndarray:
    """A group number for each row of `vectors` (L2-normalised TF-IDF)."""
    n = vectors.shape[0]
    if n < 2:
        return np.zeros(n, dtype=int)
    seeds = np.arange(n) if n <= MAX_LINKAGE else _near_duplicates(vectors, _NEAR_DUPLICATE)
    return _average_linkage(vectors, seeds, threshold)


def _near_duplicates(vectors, threshold: float) -> np.ndarray:
    """Connected components of points whose term sets are at least `threshold` alike (MinHash LSH, linear)."""
    from datasketch import MinHash, MinHashLSH
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    lsh = MinHashLSH(threshold=threshold, num_perm=32)
    rows, cols = [], []
    for index in range(vectors.shape[0]):
        terms = vectors.indices[vectors.indptr[index] : vectors.indptr[index + 1]]
        minhash = MinHash(num_perm=32)
        minhash.update_batch([int(t).to_bytes(4, "little") for t in terms] or [b"\x00"])
        for other in lsh.query(minhash):
            rows.append(index)
            cols.append(other)
        lsh.insert(index, minhash)
    n = vectors.shape[0]
    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def _average_linkage(vectors, seeds: np.ndarray, threshold: float) -> np.ndarray:
    """Merge seed groups whose members are, on average, at least `threshold` similar."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.sparse import csr_matrix
    from scipy.spatial.distance import squareform
    from sklearn.preprocessing import normalize

    n_seeds = int(seeds.max()) + 1
    if n_seeds < 2:
        return seeds
    sizes = np.bincount(seeds)
    order = np.argsort(-sizes, kind="stable")[:MAX_LINKAGE]
    if len(order) < 2:
        return seeds
    position = {int(seed): i for i, seed in enumerate(order)}
    members = np.array([seed in position for seed in seeds])
    assign = csr_matrix((np.ones(members.sum()), (np.flatnonzero(members), [position[int(s)] for s in seeds[members]])),
                        shape=(len(seeds), len(order)))
    centroids = normalize(assign.T @ vectors)  # sparse: a dense centroid matrix would be groups × vocabulary
    distance = (centroids @ centroids.T).toarray()
    np.subtract(1.0, distance, out=distance)
    np.clip(distance, 0.0, 2.0, out=distance)
    np.fill_diagonal(distance, 0.0)
    merged = fcluster(linkage(squareform(distance, checks=False), method="average"), t=1 - threshold, criterion="distance")
    mapping = np.arange(n_seeds) + len(order) + 1  # seeds left out of the linkage keep a group of their own
    mapping[order] = merged
    return mapping[seeds]


def _recurring(points: Sequence[PointRecord], members: list[int], vectors, category: str) -> RecurringPoint:
    """The group is named by its shortest clear member (6–30 words, close to the centre), not its longest quote."""
    centre = np.asarray(vectors[members].mean(axis=0)).ravel()
    closeness = vectors[members] @ centre
    words = [len(points[i].text.split()) for i in members]
    clear = [k for k, n in enumerate(words) if _CLEAR_WORDS[0] <= n <= _CLEAR_WORDS[1]] or list(range(len(members)))
    best_closeness = max(float(closeness[k]) for k in clear)
    near_centre = [k for k in clear if float(closeness[k]) >= 0.8 * best_closeness]
    best = min(near_centre, key=lambda k: (words[k], -float(closeness[k])))
    articles: list[str] = []
    examples: list[tuple[str, str]] = []
    for index in members:
        point = points[index]
        if point.article not in articles:
            articles.append(point.article)
            quoted = {points[members[best]].text, *(text for _, text in examples)}
            if point.text not in quoted and len(examples) < 3:
                examples.append((point.article, point.text))
    return RecurringPoint(
        category=category, text=points[members[best]].text, articles=articles, examples=examples,
        members=[(points[i].article, points[i].text) for i in members],
    )
