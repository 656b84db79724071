import json

import pytest

from tongket.text.errors import LabelsFormatError
from tongket.training.labels import load_labels

GOOD = {"article": "a-1", "sector": "health", "type": "briefing", "index": 0, "text": "Toàn ngành đã tiêm đủ 98% vắc xin.", "label": "achievement"}


def _write(tmp_path, records, name="x.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    return path


def test_good_file_loads_through_datasets(tmp_path):
    second = dict(GOOD, index=1, text="Thời gian tới cần tăng cường tiêm chủng.", label="task")
    mixed = dict(GOOD, index=2, text="Đạt 95%. Còn chậm.", label="achievement",
                 sentences=[{"text": "Đạt 95%.", "label": "achievement"}, {"text": "Còn chậm.", "label": "limitation"}])
    articles = load_labels([_write(tmp_path, [GOOD, second, mixed])])
    assert len(articles) == 1
    assert articles[0].labels == ["achievement", "task", "achievement"]
    assert articles[0].sentence_labels[2] == [("Đạt 95%.", "achievement"), ("Còn chậm.", "limitation")]


@pytest.mark.parametrize(
    "bad, message",
    [
        (dict(GOOD, label="nhiem vu"), "unknown label 'nhiem vu'; expected one of achievement"),
        ({k: v for k, v in GOOD.items() if k != "text"}, "missing field 'text'"),
        (dict(GOOD, index="0"), "field 'index' must be int"),
        (dict(GOOD, sentences=[{"text": "Khác.", "label": "task"}]), "joined by single spaces"),
        ('{"article": "a-1", "index": 0, "text": "thiếu ngoặc"', "broken JSON"),
    ],
)
def test_schema_errors_name_file_and_line(tmp_path, bad, message):
    records = [dict(GOOD, index=i, text=f"Câu số {i} đã đạt kết quả.") for i in range(36)] + [bad]
    path = _write(tmp_path, records)
    with pytest.raises(LabelsFormatError) as error:
        load_labels([path])
    assert f"{path}:37" in str(error.value) and message in str(error.value)


def test_missing_and_empty_inputs(tmp_path):
    with pytest.raises(LabelsFormatError, match="no such label file"):
        load_labels([tmp_path / "none.jsonl"])
    with pytest.raises(LabelsFormatError, match="no \\*.jsonl"):
        load_labels([tmp_path])


def test_repository_labels_meet_the_floor():
    from pathlib import Path

    articles = load_labels([Path(__file__).resolve().parents[2] / "labels"])
    assert len(articles) >= 150
    assert sum(len(a.texts) for a in articles) >= 1500
    assert len({a.sector for a in articles}) >= 15
    assert len({a.type for a in articles}) >= 6
