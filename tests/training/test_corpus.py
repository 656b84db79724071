"""Labels by reference: resolved against a corpus, and every way a reference can go stale is one clear error."""

import json
from pathlib import Path

import pytest

from tongket.text.errors import LabelsFormatError
from tongket.training.corpus import unit_hash
from tongket.training.labels import load_labels

ROOT = Path(__file__).resolve().parents[2]
REAL_CORPUS = ROOT.parent / "shared" / "corpus"

UNITS = [
    "Sáng 5/3, Sở Nội vụ tỉnh tổ chức hội nghị tổng kết công tác năm.",
    "Năm qua, toàn ngành đã hoàn thành 12/12 chỉ tiêu. Tuy nhiên, việc số hóa hồ sơ còn chậm.",
    "Thời gian tới, Sở cần đẩy mạnh chuyển đổi số.",
]
SUMMARY = "Ngành nội vụ hoàn thành mọi chỉ tiêu năm."


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "corpus" / "vietnews"
    folder.mkdir(parents=True)
    record = {"id": "vietnews-test-1", "title": "Tổng kết ngành nội vụ", "summary": SUMMARY, "text": "\n\n".join(UNITS)}
    (folder / "articles.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return tmp_path / "corpus"


def _line(index, label, text, **extra):
    return {"source": "vietnews", "article": "vietnews-test-1", "index": index, "label": label, "sha256": unit_hash(text),
            "type": "review", **extra}


def _write(tmp_path, lines):
    path = tmp_path / "labels" / "corpus.jsonl"
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    return path


def _good(tmp_path):
    split = UNITS[1].index("Tuy")
    sentences = [{"start": 0, "end": split - 1, "label": "achievement"}, {"start": split, "end": len(UNITS[1]), "label": "limitation"}]
    return [
        _line(-1, "achievement", SUMMARY),
        _line(0, "context", UNITS[0]),
        _line(1, "achievement", UNITS[1], sentences=sentences),
        _line(2, "task", UNITS[2]),
    ]


def test_references_rebuild_the_article_with_title_summary_and_sentence_labels(tmp_path, corpus):
    [article] = load_labels([_write(tmp_path, _good(tmp_path))], corpus=corpus)
    assert article.source == "vietnews" and article.type == "review"
    assert article.texts == ["Tổng kết ngành nội vụ", SUMMARY, *UNITS]
    assert article.labels == ["title", "achievement", "context", "achievement", "task"]
    assert [label for _, label in article.sentence_labels[3]] == ["achievement", "limitation"]
    assert article.to_article().paragraphs[0].text == "Tổng kết ngành nội vụ"


def test_a_changed_unit_is_named(tmp_path, corpus):
    lines = _good(tmp_path)
    lines[2]["sha256"] = unit_hash("văn bản khác")
    with pytest.raises(LabelsFormatError, match=r"corpus\.jsonl:3: unit 1 of vietnews-test-1 changed"):
        load_labels([_write(tmp_path, lines)], corpus=corpus)


def test_a_missing_article_or_unit_is_named(tmp_path, corpus):
    lines = _good(tmp_path)
    lines[3]["index"] = 7
    with pytest.raises(LabelsFormatError, match="has no unit 7"):
        load_labels([_write(tmp_path, lines)], corpus=corpus)
    other = [dict(line, article="vietnews-test-404") for line in _good(tmp_path)]
    with pytest.raises(LabelsFormatError, match="vietnews-test-404 is not in"):
        load_labels([_write(tmp_path, other)], corpus=corpus)


def test_every_unit_must_be_labelled(tmp_path, corpus):
    with pytest.raises(LabelsFormatError, match=r"lacks labels for units \[2\]"):
        load_labels([_write(tmp_path, _good(tmp_path)[:3])], corpus=corpus)


def test_no_corpus_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TONGKET_CORPUS", raising=False)
    with pytest.raises(LabelsFormatError, match="give --corpus DIR"):
        load_labels([_write(tmp_path, _good(tmp_path))], corpus=tmp_path / "nowhere")


def test_bad_reference_lines_name_file_and_line(tmp_path, corpus):
    lines = _good(tmp_path)
    lines[1]["label"] = "ket qua"
    with pytest.raises(LabelsFormatError, match=r"corpus\.jsonl:2: unknown label 'ket qua'"):
        load_labels([_write(tmp_path, lines)], corpus=corpus)


def test_train_cli_reads_references_through_corpus_option(tmp_path, corpus):
    from tongket.training.train import TrainOptions, train_model

    written = ROOT / "labels" / "education.jsonl"
    result = train_model([written, _write(tmp_path, _good(tmp_path))], tmp_path / "m", TrainOptions(cv=0), corpus=corpus)
    assert result.articles == 1 + sum(1 for _ in {json.loads(l)["article"] for l in written.read_text().splitlines()})


@pytest.mark.skipif(not REAL_CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_shipped_real_labels_resolve_against_the_corpus():
    articles = load_labels([ROOT / "labels" / "corpus"], corpus=REAL_CORPUS)
    assert len(articles) >= 400
    assert {a.source for a in articles} == {"vietnews", "vntc"}
