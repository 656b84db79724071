import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from tongket.models.features import CodeTable, TermIndex, analyze

# Old- and new-style tone placement, digits of two scripts, "%", a letter whose lower case is two characters,
# line breaks and bare punctuation: everything `analyze` folds or splits on.
FITTED = [
    "Năm 2024, toàn tỉnh đạt 95% kế hoạch.",
    "Năm 2023 hoà vốn; thuỷ lợi đạt 80% kế hoạch.",
    "Hòa Bình: thủy lợi đạt kế hoạch, năm nay hoà vốn.",
    "Toàn tỉnh hoàn thành kế hoạch năm.",
    "Kế hoạch năm 2025 của toàn tỉnh.",
    "İstanbul ٣ người đạt",
    "đạt",
    "đạt",
]
PIECES = ["năm", "Năm", "2024", "٣", "hoà", "hòa", "thuỷ", "thủy", "lợi", "đạt", "95%", "%", "kế", "hoạch", "toàn",
          "tỉnh", "İstanbul", "người", "mới", ",", ".", ";", ":", "\n", " ", "  "]


def _expected(texts: list[str]) -> tuple[np.ndarray, TermIndex, TfidfVectorizer]:
    vectorizer = TfidfVectorizer(analyzer=analyze, sublinear_tf=True, min_df=2, dtype=np.float64).fit(FITTED)
    return vectorizer.transform(texts).toarray(), TermIndex(vectorizer.vocabulary_), vectorizer


def _dense(index: TermIndex, texts: list[str], idf: np.ndarray) -> np.ndarray:
    return index.tfidf(texts, idf).dot(np.eye(len(idf)))


def test_term_index_gives_what_the_vectoriser_gives():
    texts = [*FITTED, "", "  ,. ", "Năm", "năm 2024", "Hoà vốn, thuỷ lợi\nđạt 95%", "từ mới hoàn toàn"]
    expected, index, vectorizer = _expected(texts)
    assert np.allclose(_dense(index, texts, vectorizer.idf_), expected, rtol=0, atol=1e-12)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join), min_size=1, max_size=6))
def test_term_index_matches_on_any_mix_of_folded_and_unfolded_text(texts):
    expected, index, vectorizer = _expected(texts)
    assert np.allclose(_dense(index, texts, vectorizer.idf_), expected, rtol=0, atol=1e-12)


@given(st.sets(st.integers(0, 10**12), max_size=300), st.lists(st.integers(0, 10**12), max_size=50))
def test_code_table_finds_exactly_its_codes(codes, others):
    codes = sorted(codes)
    table = CodeTable(np.array(codes, dtype=np.int64), np.arange(len(codes), dtype=np.int64) * 7)
    asked = np.array(codes + others, dtype=np.int64)
    wanted = {code: number * 7 for number, code in enumerate(codes)}
    assert table.get(asked).tolist() == [wanted.get(code, -1) for code in asked.tolist()]


def test_a_saved_term_index_reads_back_as_the_index_it_was(tmp_path):
    texts = [*FITTED, "", "Năm", "Hoà vốn, thuỷ lợi\nđạt 95%", "từ mới hoàn toàn"]
    expected, index, vectorizer = _expected(texts)
    np.savez(tmp_path / "index.npz", **index.arrays())
    with np.load(tmp_path / "index.npz", allow_pickle=False) as arrays:
        loaded = TermIndex.from_arrays(arrays)
    assert np.allclose(_dense(loaded, texts, vectorizer.idf_), expected, rtol=0, atol=1e-12)
