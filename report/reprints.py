"""Near-duplicate articles: the same report reprinted by several sources, found with MinHash and LSH.

Candidate pairs come from locality-sensitive hashing over word 5-grams, so the cost grows with the number
of articles, not with its square; each candidate is then checked with the estimated Jaccard similarity.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["near_duplicates", "REPRINT_SIMILARITY"]

REPRINT_SIMILARITY = 0.8


def near_duplicates(articles: Sequence[tuple[int, list[str]]], threshold: float = REPRINT_SIMILARITY) -> list[tuple[int, int]]:
    """Pairs (earlier, later) of article numbers whose shingle sets are at least `threshold` alike."""
    if len(articles) < 2:
        return []
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=64)
    hashes: dict[int, MinHash] = {}
    pairs: list[tuple[int, int]] = []
    for number, shingles in articles:
        if not shingles:
            continue
        minhash = MinHash(num_perm=64)
        minhash.update_batch([s.encode("utf-8") for s in set(shingles)])
        for other in lsh.query(minhash):
            if hashes[other].jaccard(minhash) >= threshold:
                pairs.append((other, number))
        lsh.insert(number, minhash)
        hashes[number] = minhash
    return sorted(pairs)
