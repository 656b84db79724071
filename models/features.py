"""What the classifier sees of a unit: its words, its shape, its place in the article.

Units are plain dicts (`text`, `article`, `position`, `role`, `role_certain`, `level`) so that
the same records flow from labelled files, from `tongket classify` and from corpora.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

from tongket.text.items import ORDINAL_START
from tongket.text.normalize import fold_key

__all__ = ["analyze", "local_features", "local_matrix", "context_matrix", "context_width", "LOCAL_FEATURES", "ROLES", "group_articles"]

ROLES = ("body", "title", "meta", "caption", "boilerplate")
_TOKEN = re.compile(r"\w+|%", re.UNICODE)
_DIGITS = re.compile(r"\d")
_MARKER = re.compile(r"^\s*(?:[-–•*+]|\d{1,2}[.)]|[a-zđ]\))\s", re.IGNORECASE)

LOCAL_FEATURES = (
    *(f"role={role}" for role in ROLES),
    "role_certain",
    "log_words",
    "short",
    "ends_period",
    "ends_colon",
    "ends_none",
    "has_digit",
    "has_percent",
    "has_quote",
    "ordinal_start",
    "marker_start",
    "relative_position",
    "sentence_level",
)


def analyze(text: str) -> list[str]:
    """Syllable unigrams and bigrams, digits folded, plus the unit's first one and two syllables."""
    tokens = [_DIGITS.sub("0", token) for token in _TOKEN.findall(fold_key(text))]
    grams = tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]
    if tokens:
        grams.append("^" + tokens[0])
        grams.append("^" + " ".join(tokens[:2]))
        grams.append("^" + " ".join(tokens[:3]))
    return grams


def local_features(unit: dict, n_units: int) -> list[float]:
    """Shape and position of one unit, in the order of `LOCAL_FEATURES`."""
    text = unit["text"].strip()
    words = len(text.split())
    position = unit.get("position", 0)
    tail = text[-1:] if text else ""
    return [
        *(float(unit.get("role", "body") == role) for role in ROLES),
        float(bool(unit.get("role_certain"))),
        math.log1p(words) / 5.0,
        float(words <= 8),
        float(tail in ".!?…”\""),
        float(tail == ":"),
        float(tail.isalnum()),
        float(bool(_DIGITS.search(text))),
        float("%" in text or "phần trăm" in text),
        float("“" in text or '"' in text),
        float(bool(ORDINAL_START.match(text)) and not _MARKER.match(text)),
        float(bool(_MARKER.match(text))),
        position / max(1, n_units - 1),
        float(unit.get("level") == "sentence"),
    ]


def group_articles(units: Sequence[dict]) -> list[list[int]]:
    """Indices of `units` grouped by (article, level), each group in reading order."""
    groups: dict[tuple[str, str], list[int]] = {}
    for index, unit in enumerate(units):
        groups.setdefault((str(unit.get("article", "")), unit.get("level", "paragraph")), []).append(index)
    for indices in groups.values():
        indices.sort(key=lambda i: units[i].get("position", 0))
    return list(groups.values())


def local_matrix(units: Sequence[dict]) -> np.ndarray:
    """Dense local features for every unit, using each unit's group size for relative position."""
    matrix = np.zeros((len(units), len(LOCAL_FEATURES)))
    for indices in group_articles(units):
        for i in indices:
            matrix[i] = local_features(units[i], units[i].get("group_size", len(indices)))
    return matrix


def context_width(first_pass_width: int) -> int:
    """Columns `context_matrix` makes from first-pass outputs of this width."""
    return 5 * first_pass_width


def context_matrix(units: Sequence[dict], local_probs: np.ndarray) -> np.ndarray:
    """First-pass probabilities of the unit itself, the previous and next units, and the three before and after."""
    width = local_probs.shape[1]
    matrix = np.zeros((len(units), context_width(width)))
    for indices in group_articles(units):
        probs = local_probs[indices]
        padded = np.vstack([np.zeros((3, width)), probs, np.zeros((3, width))])
        for k in range(len(indices)):
            row = k + 3
            matrix[indices[k], :width] = padded[row - 1]
            matrix[indices[k], width : 2 * width] = padded[row + 1]
            matrix[indices[k], 2 * width : 3 * width] = padded[row - 3 : row].mean(axis=0)
            matrix[indices[k], 3 * width : 4 * width] = padded[row + 1 : row + 4].mean(axis=0)
            matrix[indices[k], 4 * width :] = padded[row]
    return matrix
