"""What the classifier sees of a unit: its syllables, its shape, its place in the article.

`analyze` is the analyser scikit-learn's `TfidfVectorizer` uses in training; `TermIndex` finds the
same terms for a whole batch of units at once in use, with one regex pass per unit and the rest in
NumPy, so that inference never builds a Python object per term.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from itertools import repeat

import numpy as np

from tongket.models.units import Unit
from tongket.text.items import ORDINAL_START
from tongket.text.normalize import fold_key, fold_tones

__all__ = [
    "analyze", "TermIndex", "CodeTable", "SparseRows", "local_matrix", "unit_dense", "context_matrix", "context_width", "LOCAL_FEATURES", "ROLES",
    "group_order",
]

ROLES = ("body", "title", "meta", "caption", "boilerplate")
_TOKEN = re.compile(r"\w+|%", re.UNICODE)
_DIGITS = re.compile(r"\d")
_MARKER = re.compile(r"^\s*(?:[-–•*+]|\d{1,2}[.)]|[a-zđ]\))\s", re.IGNORECASE)
_START = "^"
_TOKEN_OR_BREAK = re.compile(r"\w+|%|\n", re.UNICODE)
_BREAK = -2  # the number of a row break among token numbers

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
    """Syllable unigrams and bigrams, digits folded, plus the unit's first one, two and three syllables.

    "Năm 2024, ngành đạt 95%" → "năm", "0000", …, "năm 0000", …, "^năm", "^năm 0000", "^năm 0000 ngành".
    """
    tokens = _TOKEN.findall(_DIGITS.sub("0", fold_key(text)))
    grams = tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]
    if tokens:
        grams += [_START + tokens[0], _START + " ".join(tokens[:2]), _START + " ".join(tokens[:3])]
    return grams


class SparseRows:
    """Rows of a sparse matrix in CSR form (`indptr`, `indices`, `data`) without importing SciPy."""

    __slots__ = ("indptr", "indices", "data", "n_rows")

    def __init__(self, indptr: np.ndarray, indices: np.ndarray, data: np.ndarray) -> None:
        self.indptr, self.indices, self.data = indptr, indices, data
        self.n_rows = len(indptr) - 1

    def dot(self, weights: np.ndarray, chunk: int = 1 << 16) -> np.ndarray:
        """`self @ weights` for a dense (features × outputs) matrix, a block of about `chunk` entries at a time
        so memory stays flat however long the article."""
        out = np.zeros((self.n_rows, weights.shape[1]))
        row = 0
        while row < self.n_rows:
            end = int(np.searchsorted(self.indptr, self.indptr[row] + chunk, side="right")) - 1
            end = min(max(end, row + 1), self.n_rows)
            first, last = self.indptr[row], self.indptr[end]
            if last > first:
                products = weights[self.indices[first:last]] * self.data[first:last, None]
                starts = self.indptr[row:end] - first
                nonempty = self.indptr[row:end] < self.indptr[row + 1 : end + 1]
                out[row:end][nonempty] = np.add.reduceat(products, starts[nonempty], axis=0)
            row = end
        return out


class TermIndex:
    """The fitted vocabulary, arranged to find `analyze`'s terms of many texts at once.

    Unigrams map through a dict; a bigram, and each of the three opening terms, is looked up by the
    numbers of its unigrams in a `CodeTable` (every bigram or opening of the vocabulary is made of
    unigrams of the vocabulary, since a sequence is never more frequent than its parts).
    """

    def __init__(self, vocabulary: dict[str, int]) -> None:
        # C-level passes over the terms (`map`, NumPy masks), not a Python loop per term: this runs at every cold start
        terms = np.array(list(vocabulary), dtype=object)
        features = np.fromiter(vocabulary.values(), dtype=np.int64, count=len(terms))
        spaces = np.fromiter(map(str.count, terms, repeat(" ")), dtype=np.int64, count=len(terms))
        opening = np.fromiter(map(str.startswith, terms, repeat(_START)), dtype=bool, count=len(terms))
        unigrams = np.flatnonzero((spaces == 0) & ~opening)
        unigrams = unigrams[np.argsort(features[unigrams], kind="stable")]
        self.unigram_number = dict(zip(terms[unigrams].tolist(), range(len(unigrams))))
        self.unigram_feature = features[unigrams]
        self.width = max(1, len(unigrams))
        self.n_features = len(vocabulary)
        self.bigrams = self._table(terms, features, np.flatnonzero((spaces == 1) & ~opening), 2)
        self.starts = [self._table(terms, features, np.flatnonzero((spaces == k - 1) & opening), k) for k in (1, 2, 3)]
        self._numbers = {**self.unigram_number, "\n": _BREAK}

    def arrays(self) -> dict[str, np.ndarray]:
        """The built index as plain arrays, for `numpy.savez`: loading them skips the build, most of a cold start.

        Each table is kept as its codes and values, not its slots, which take three times the room and
        cost less to lay out again than to read.
        """
        unigrams = "\n".join(self.unigram_number).encode("utf-8")
        arrays = {"unigrams": np.frombuffer(unigrams, dtype=np.uint8), "unigram_feature": self.unigram_feature.astype(np.int32),
                  "shape": np.array([self.n_features, self.width], dtype=np.int64)}
        for name, table in [("bigrams", self.bigrams), *((f"starts{k}", t) for k, t in enumerate(self.starts, 1))]:
            filled = table.keys >= 0
            arrays |= {f"{name}_codes": table.keys[filled], f"{name}_features": table.values[filled].astype(np.int32)}
        return arrays

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray]) -> TermIndex:
        """The index `arrays()` saved, as it was built."""
        index = cls.__new__(cls)
        text = arrays["unigrams"].tobytes().decode("utf-8")
        unigrams = text.split("\n") if text else []
        index.unigram_number = dict(zip(unigrams, range(len(unigrams))))
        index.unigram_feature = arrays["unigram_feature"].astype(np.int64)
        index.n_features, index.width = (int(x) for x in arrays["shape"])
        index.bigrams, *index.starts = (
            CodeTable(arrays[f"{name}_codes"].astype(np.int64), arrays[f"{name}_features"].astype(np.int64))
            for name in ("bigrams", "starts1", "starts2", "starts3")
        )
        index._numbers = {**index.unigram_number, "\n": _BREAK}
        return index

    def _table(self, terms: np.ndarray, features: np.ndarray, chosen: np.ndarray, parts: int) -> CodeTable:
        """The `chosen` terms, each of `parts` syllables, by code: their unigrams' numbers read as digits in base
        `width`. Start terms ("^năm 0000") are coded without their mark."""
        text = " ".join(terms[chosen].tolist()).replace(" " + _START, " ").removeprefix(_START)
        syllables = text.split(" ") if len(chosen) else []
        numbers = np.fromiter(map(self.unigram_number.get, syllables, repeat(-1)), dtype=np.int64, count=len(syllables))
        numbers = numbers.reshape(len(chosen), parts)
        codes = np.zeros(len(chosen), dtype=np.int64)
        for column in numbers.T:
            codes = codes * self.width + column
        known = (numbers >= 0).all(axis=1)
        return CodeTable(codes[known], features[chosen][known])

    def tfidf(self, texts: Sequence[str], idf: np.ndarray) -> SparseRows:
        """Sublinear TF × IDF rows, L2-normalised: what `TfidfVectorizer(analyzer=analyze, sublinear_tf=True)` gives."""
        rows, features = self._terms(texts)
        codes = rows * self.n_features + features
        unique, counts = np.unique(codes, return_counts=True)
        rows, features = unique // self.n_features, unique % self.n_features
        values = (1.0 + np.log(counts)) * idf[features]
        norms = np.sqrt(np.bincount(rows, weights=values**2, minlength=len(texts)))
        values = values / np.where(norms > 0, norms, 1.0)[rows]
        indptr = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=len(texts)), out=indptr[1:])
        return SparseRows(indptr, features, values)

    def _terms(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(row, feature) of every term occurrence found in the vocabulary.

        The whole batch is tokenised by one regex pass with line breaks as row markers, and every token is
        numbered by one C-level `map` over a dict: a Python loop per unit or per token cost more than the
        rest of the classifier together.
        """
        lowered = unicodedata.normalize("NFC", "\n".join(t.replace("\n", " ") for t in texts)).lower()
        tokens = _TOKEN_OR_BREAK.findall(lowered)
        numbered = np.fromiter(map(self._numbers.get, tokens, repeat(-1)), dtype=np.int64, count=len(tokens))
        self._fold_misses(tokens, numbered)
        breaks = numbered == _BREAK
        number = numbered[~breaks]
        row_of = np.cumsum(breaks)[~breaks]
        known = number >= 0
        uni_rows, uni_features = row_of[known], self.unigram_feature[number[known]]
        bi_rows, bi_features = self._bigrams(number, row_of)
        start_rows, start_features = self._starts(number, row_of, len(texts))
        rows = np.concatenate([uni_rows, bi_rows, start_rows])
        features = np.concatenate([uni_features, bi_features, start_features])
        return rows, features

    def _fold_misses(self, tokens: list[str], numbered: np.ndarray) -> None:
        """Number, in place, the tokens the vocabulary lacks as written, once tone- and digit-folded as `analyze`
        folds them ("hoà" → "hòa", "2024" → "0000").

        Folding only the misses gives the same numbers as folding the whole text first: folding changes
        letters into letters and digits into "0", so it never moves a token boundary, and every term of the
        vocabulary is already folded, so a token found as written folds to itself. The misses are a small
        part of the text, and the folding regexes cost as much as the tokenising one.
        """
        misses = np.flatnonzero(numbered == -1)
        if len(misses):
            folded = _DIGITS.sub("0", fold_tones("\n".join([tokens[i] for i in misses.tolist()]))).split("\n")
            numbered[misses] = np.fromiter(map(self._numbers.get, folded, repeat(-1)), dtype=np.int64, count=len(folded))

    def _starts(self, number: np.ndarray, row_of: np.ndarray, n_rows: int) -> tuple[np.ndarray, np.ndarray]:
        """(row, feature) of the three start terms of each row: its first one, two and three syllables, each
        looked up by code. A row of fewer syllables repeats its whole self, as `analyze` does ("^a", "^a", "^a")."""
        lengths = np.bincount(row_of, minlength=n_rows)
        first = np.cumsum(lengths) - lengths
        rows = np.flatnonzero(lengths)
        prefix = np.full((len(self.starts), len(rows)), -1, dtype=np.int64)  # feature of each row's k+1 syllables
        codes = np.zeros(len(rows), dtype=np.int64)
        valid = np.ones(len(rows), dtype=bool)
        for k, table in enumerate(self.starts):
            valid &= lengths[rows] > k
            parts = number[np.minimum(first[rows] + k, len(number) - 1)] if len(rows) else codes
            valid &= parts >= 0
            codes = codes * self.width + parts
            prefix[k, valid] = table.get(codes[valid])
        chosen = [prefix[np.minimum(k, lengths[rows] - 1), np.arange(len(rows))] for k in range(len(self.starts))]
        start_rows = np.concatenate([rows] * len(chosen))
        start_features = np.concatenate(chosen) if chosen else np.zeros(0, dtype=np.int64)
        keep = start_features >= 0
        return start_rows[keep], start_features[keep]

    def _bigrams(self, number: np.ndarray, row_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if len(number) < 2 or not self.bigrams.size:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        first, second = number[:-1], number[1:]
        valid = (first >= 0) & (second >= 0) & (row_of[:-1] == row_of[1:])
        features = self.bigrams.get(first[valid] * self.width + second[valid])
        found = features >= 0
        return row_of[:-1][valid][found], features[found]


class CodeTable:
    """A hash table from distinct non-negative integer codes to values, looked up for a whole array at once.

    It replaces a binary search over the ~200,000 bigram codes: one probe or two per code instead of
    eighteen scattered reads, six times faster on a batch. Open addressing with linear probing, at most
    half full, filled in slot order so that building it is one sort; a code that is absent gets -1.
    """

    _MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: the top bits of code × 2⁶⁴/φ

    def __init__(self, codes: np.ndarray, values: np.ndarray) -> None:
        self.size = len(codes)
        self.bits = max(4, int(self.size).bit_length() + 1)
        homes = self._hash(codes)
        order = np.argsort(homes)
        rank = np.arange(self.size)
        # in slot order each code takes its home slot or the one after the code before it, whichever is later
        slots = np.maximum.accumulate(homes[order] - rank) + rank if self.size else rank
        length = (int(slots[-1]) if self.size else 0) + 2  # no wrap-around: the table runs on past its last home
        self.keys = np.full(max(length, 1 << self.bits), -1, dtype=np.int64)
        self.values = np.full(len(self.keys), -1, dtype=np.int64)
        self.keys[slots], self.values[slots] = codes[order], values[order]

    def _hash(self, codes: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):
            return ((codes.astype(np.uint64) * self._MULTIPLIER) >> np.uint64(64 - self.bits)).astype(np.int64)

    def get(self, codes: np.ndarray) -> np.ndarray:
        """The value of every code, or -1 where the table lacks it."""
        found = np.full(len(codes), -1, dtype=np.int64)
        slots = self._hash(codes)
        todo = np.arange(len(codes))
        while len(todo):
            keys = self.keys[slots[todo]]
            hit = keys == codes[todo]
            found[todo[hit]] = self.values[slots[todo[hit]]]
            todo = todo[~hit & (keys != -1)]
            slots[todo] += 1
        return found


def group_order(units: Sequence[Unit]) -> tuple[np.ndarray, np.ndarray]:
    """An order that puts each (article, level) group together in reading order, and each unit's group start."""
    keys = [(u.article, u.level, u.position) for u in units]
    order = np.array(sorted(range(len(units)), key=keys.__getitem__), dtype=np.int64)
    starts = np.zeros(len(units), dtype=np.int64)
    for k in range(1, len(order)):
        a, b = keys[order[k - 1]], keys[order[k]]
        starts[k] = starts[k - 1] if a[:2] == b[:2] else k
    return order, starts


def local_matrix(units: Sequence[Unit]) -> np.ndarray:
    """Dense shape and position features of every unit, in the order of `LOCAL_FEATURES`."""
    texts = [u.text.strip() for u in units]
    words = np.array([len(t.split()) for t in texts], dtype=np.float64)
    tails = [t[-1:] for t in texts]
    columns = [
        *(np.array([u.role == role for u in units], dtype=np.float64) for role in ROLES),
        np.array([u.role_certain for u in units], dtype=np.float64),
        np.log1p(words) / 5.0,
        (words <= 8).astype(np.float64),
        np.array([tail in ".!?…”\"" for tail in tails], dtype=np.float64),
        np.array([tail == ":" for tail in tails], dtype=np.float64),
        np.array([tail.isalnum() for tail in tails], dtype=np.float64),
        np.array([_DIGITS.search(t) is not None for t in texts], dtype=np.float64),
        np.array(["%" in t or "phần trăm" in t for t in texts], dtype=np.float64),
        np.array(["“" in t or '"' in t for t in texts], dtype=np.float64),
        np.array([bool(ORDINAL_START.match(t)) and not _MARKER.match(t) for t in texts], dtype=np.float64),
        np.array([_MARKER.match(t) is not None for t in texts], dtype=np.float64),
        np.array([u.position / max(1, u.group_size - 1) for u in units], dtype=np.float64),
        np.array([u.level == "sentence" for u in units], dtype=np.float64),
    ]
    if not units:
        return np.zeros((0, len(LOCAL_FEATURES)))
    return np.column_stack(columns)


def unit_dense(units: Sequence[Unit], embeddings: str | None = None, scale: float = 1.0) -> np.ndarray:
    """`local_matrix`, then, for a model that reads them, the units' sentence embeddings times `scale`.

    Embeddings tell apart what shares no word with the training data: on real articles they lifted
    paragraph macro-F1 from 0.711 to 0.744 under grouped cross-validation (README, "accurate model").
    """
    local = local_matrix(units)
    if not embeddings:
        return local
    from tongket.models.embeddings import passage_embeddings

    return np.hstack([local, scale * passage_embeddings([u.text for u in units])])


def context_width(first_pass_width: int, article: bool = False) -> int:
    """Columns `context_matrix` makes from first-pass outputs of this width."""
    return (6 if article else 5) * first_pass_width


def context_matrix(units: Sequence[Unit], local_probs: np.ndarray, article: bool = False) -> np.ndarray:
    """First-pass probabilities of the previous and next unit, the mean of the three before and after, and the unit's own;
    with `article`, also the mean over the whole article, so that a line of ordinary news reads as such.

    Windows stop at the article's edges and are padded with zeros there, so the first paragraph
    sees an empty "before".
    """
    n, width = local_probs.shape
    matrix = np.zeros((n, context_width(width, article)))
    if n == 0:
        return matrix
    order, starts = group_order(units)
    ends = np.empty_like(starts)
    group_end = n
    for k in range(n - 1, -1, -1):
        ends[k] = group_end
        if starts[k] == k:
            group_end = k
    probs = local_probs[order]
    cumulative = np.vstack([np.zeros((1, width)), np.cumsum(probs, axis=0)])
    k = np.arange(n)
    before = (k - 1 >= starts)[:, None]
    after = (k + 1 < ends)[:, None]
    matrix_sorted = np.zeros_like(matrix)
    matrix_sorted[:, :width] = np.where(before, probs[np.maximum(k - 1, 0)], 0.0)
    matrix_sorted[:, width : 2 * width] = np.where(after, probs[np.minimum(k + 1, n - 1)], 0.0)
    matrix_sorted[:, 2 * width : 3 * width] = (cumulative[k] - cumulative[np.maximum(k - 3, starts)]) / 3.0
    matrix_sorted[:, 3 * width : 4 * width] = (cumulative[np.minimum(k + 4, ends)] - cumulative[k + 1]) / 3.0
    matrix_sorted[:, 4 * width : 5 * width] = probs
    if article:
        sizes = (ends - starts).astype(np.float64)[:, None]
        matrix_sorted[:, 5 * width :] = (cumulative[ends] - cumulative[starts]) / sizes
    matrix[order] = matrix_sorted
    return matrix

