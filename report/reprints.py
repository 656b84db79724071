"""Near-duplicate articles: the same report reprinted by several sources, found with MinHash and LSH.

Candidate pairs come from locality-sensitive hashing over word 5-grams, so the cost grows with the number
of articles, not with its square; each candidate is then checked with the estimated Jaccard similarity.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np

__all__ = ["near_duplicates", "signature", "REPRINT_SIMILARITY", "PERMUTATIONS"]

REPRINT_SIMILARITY = 0.8
PERMUTATIONS = 32
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
    """Pairs (earlier, later) of article numbers whose signatures estimate at least `threshold` Jaccard similarity."""
    if len(articles) < 2:
        return []
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
    hashes: dict[int, MinHash] = {}
    pairs: list[tuple[int, int]] = []
    for number, packed in articles:
        if not packed:
            continue
        minhash = MinHash(num_perm=PERMUTATIONS, hashvalues=np.frombuffer(packed, dtype=np.uint32), scheme="affine32")
        for other in lsh.query(minhash):
            if hashes[other].jaccard(minhash) >= threshold:
                pairs.append((other, number))
        lsh.insert(number, minhash)
        hashes[number] = minhash
    return sorted(pairs)
