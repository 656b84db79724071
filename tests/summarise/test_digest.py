"""Golden digests of the bundled examples; regenerate with `python tests/data/regenerate.py` after a deliberate change."""

import json
from pathlib import Path

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
import pytest

from tongket.models.store import load_classifier
from tongket.pipeline import analyse_batch
from tongket.summarise.digest import build_digest
from tongket.text.read import read_path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES, DATA = ROOT / "examples", ROOT / "tests" / "data"

EXAMPLE_FILES = sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html"))
SCHEMA = json.loads((ROOT / "summarise" / "digest.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def shipped():
    return load_classifier()


def analyse(article, classifier):
    return analyse_batch([article], classifier)[0]


def _digest(path, classifier):
    digest = build_digest(analyse(read_path(path), classifier)).to_dict()
    digest["source"] = path.name
    return digest


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_digest_matches_golden_file(name, shipped):
    golden = json.loads((DATA / f"{name}.digest.json").read_text(encoding="utf-8"))
    assert _digest(EXAMPLES / name, shipped) == golden


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_digest_follows_schema_and_points_at_real_sentences(name, shipped):
    article = analyse(read_path(EXAMPLES / name), shipped)
    digest = build_digest(article).to_dict()
    jsonschema.validate(digest, SCHEMA)
    for key in ("achievements", "limitations", "tasks"):
        for point in digest[key]:
            sentence = article.paragraphs[point["paragraph"]].sentences[point["sentence"]]
            assert set(point["text"].lower().split()[:3]) & set(article.paragraphs[point["paragraph"]].text.lower().split())
            assert sentence.text


def test_example_digest_content(shipped):
    digest = _digest(EXAMPLES / "tong-ket-ttdn-2024.txt", shipped)
    assert digest["event"]["type"] == "tổng kết" and digest["event"]["date"] == "2024-12-19"
    assert len(digest["tasks"]) == 4 and digest["tasks"][0]["text"].startswith("Tiếp tục quán triệt")
    assert len(digest["limitations"]) >= 3
    assert "Kết luận số 57-KL/TW" in digest["documents"]
    assert 1 <= digest["summary"].count(". ") + 1 <= 3


def test_seed_task_list_gives_five_points(seeds, shipped):
    digest = _digest(seeds / "001_81296b53b6013a0e.txt", shipped)
    listed = [p for p in digest["tasks"] if p["paragraph"] in range(11, 16)]
    assert len(listed) == 5


def test_seed_boilerplate_is_never_content(seeds, shipped):
    article = analyse(read_path(seeds / "001_81296b53b6013a0e.txt"), shipped)
    source = next(p.index for p in article.paragraphs if p.text.startswith("Nguồn tin"))
    assert all(p.label == "boilerplate" for p in article.paragraphs[source + 1 :])
    tail = analyse(read_path(seeds / "000_8bae1434a54b0515.txt"), shipped).paragraphs[-3:]
    assert [p.label for p in tail] == ["boilerplate"] * 3


_WORDS = ["Năm 2024", "toàn ngành", "đã hoàn thành", "95%", "kế hoạch", "Tuy nhiên,", "còn chậm", "chưa", "hạn chế",
          "Thời gian tới", "cần", "tăng cường", "Một là,", "Hai là,", "; ", ": ", ". ", "\n", "\n\n", "“", "”", "TP.", "v.v."]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=12)), max_size=80).map(" ".join))
def test_digest_points_always_point_at_real_sentences(shipped, text):
    from tongket.text.document import Article

    article = analyse(Article(id="h", text=text), shipped)
    digest = build_digest(article).to_dict()
    for key in ("achievements", "limitations", "tasks"):
        for point in digest[key]:
            paragraph = article.paragraphs[point["paragraph"]]
            assert 0 <= point["sentence"] < len(paragraph.sentences)
            assert 0.0 <= point["score"] <= 1.0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=12)), max_size=80).map(" ".join))
def test_label_and_scores_never_disagree(shipped, text):
    """A unit labelled with a content label scores highest on it; a context unit scores at most 0.5 on any."""
    from tongket.text.document import CONTENT_LABELS, Article

    article = analyse(Article(id="h", text=text), shipped)
    units = [*article.paragraphs, *(s for p in article.paragraphs for s in p.sentences)]
    for unit in units:
        if unit.label in CONTENT_LABELS:
            assert unit.scores[unit.label] == max(unit.scores.values())
        elif unit.label == "context":
            assert max(unit.scores.values(), default=0.0) <= 0.5
