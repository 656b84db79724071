"""Near-duplicate articles: the same report reprinted by several sources, found with MinHash and LSH.

Candidate pairs come from locality-sensitive hashing (MinHash signatures cut into bands) over word 5-grams, so
the cost grows with the number of articles, not with its square; each candidate is then checked with the
estimated Jaccard similarity.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

__all__ = ["near_duplicates", "signature", "REPRINT_SIMILARITY", "PERMUTATIONS"]

REPRINT_SIMILARITY = 0.8
PERMUTATIONS = 32
_ROWS = 4
_MAX_BUCKET = 500
_PRIME = np.uint64((1 << 61) - 1)
_A = np.random.default_rng(1).integers(1, 1 << 31, PERMUTATIONS, dtype=np.uint64)
_B = np.random.default_rng(2).integers(0, 1 << 31, PERMUTATIONS, dtype=np.uint64)


def signature(shingles: Sequence[str]) -> bytes:
    """The article's MinHash as 128 bytes: kept per article instead of its shingles, so a run of a million
    articles holds 128 MB of signatures rather than gigabytes of text. Computed with NumPy (CRC-32 of each
    shingle through fixed affine permutations) because every article of every run, cached or not, needs one,
    and importing datasketch pulls in SciPy."""
    if not shingles:
        return b""
    hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in set(shingles)), dtype=np.uint64)
    permuted = (hashes[:, None] * _A[None, :] + _B[None, :]) % _PRIME
    return (permuted.min(axis=0) & 0xFFFFFFFF).astype(np.uint32).tobytes()


def near_duplicates(articles: Sequence[tuple[int, bytes]], threshold: float = REPRINT_SIMILARITY) -> list[tuple[int, int]]:
    """Pairs (earlier, later) of article numbers whose signatures estimate at least `threshold` Jaccard similarity.

    Candidates share one band of `_ROWS` signature values (the LSH banding of MinHash: at Jaccard 0.8 a pair
    shares a band with probability 0.985); each candidate is then checked on the whole signature."""
    kept = [(number, np.frombuffer(packed, dtype=np.uint32)) for number, packed in articles if packed]
    if len(kept) < 2:
        return []
    numbers = [number for number, _ in kept]
    signatures = np.vstack([values for _, values in kept])
    candidates: set[tuple[int, int]] = set()
    for start in range(0, PERMUTATIONS, _ROWS):
        buckets: dict[bytes, list[int]] = defaultdict(list)
        for row, band in enumerate(np.ascontiguousarray(signatures[:, start : start + _ROWS])):
            buckets[band.tobytes()].append(row)
        for rows in buckets.values():
            if len(rows) > 1:
                anchors = rows if len(rows) <= _MAX_BUCKET else rows[:1]  # a huge bucket: one copy, many reprints
                candidates.update((a, b) for i, a in enumerate(anchors) for b in rows[i + 1 :])
    pairs = [(numbers[a], numbers[b]) for a, b in candidates
             if np.mean(signatures[a] == signatures[b]) >= threshold]
    return sorted(pairs)
