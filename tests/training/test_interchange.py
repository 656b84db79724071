"""Label Studio and doccano: our labels go out in their formats and come back unchanged."""

import json
import subprocess
import sys

import pytest

from tongket.text.errors import LabelsFormatError
from tongket.training.interchange import export_labels, import_labels
from tongket.training.labels import load_labels

CLI = [sys.executable, "-c", "from tongket.cli.app import main; main()"]


def _units(paths):
    return sorted((a.id, i, t, label) for a in load_labels(paths) for i, (t, label) in enumerate(zip(a.texts, a.labels)))


@pytest.mark.parametrize("tool, name", [("label-studio", "tasks.json"), ("doccano", "tasks.jsonl")])
def test_round_trip_keeps_every_unit_and_label(tool, name, small_label_files, tmp_path):
    exported = tmp_path / name
    count = export_labels(small_label_files[:1], exported, tool)
    assert count == len(_units(small_label_files[:1]))
    back = tmp_path / "labels" / "imported.jsonl"
    back.parent.mkdir()
    assert import_labels(exported, back) == count
    assert _units([back]) == _units(small_label_files[:1])


def test_label_studio_file_follows_its_task_format(small_label_files, tmp_path):
    export_labels(small_label_files[:1], tmp_path / "t.json", "label-studio")
    task = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))[0]
    assert set(task["data"]) >= {"text", "article", "index"}
    result = task["annotations"][0]["result"][0]
    assert result["type"] == "choices" and result["from_name"] == "label" and result["to_name"] == "text"
    assert len(result["value"]["choices"]) == 1


def test_units_labelled_in_the_tool_without_our_ids_still_import(tmp_path):
    exported = tmp_path / "d.jsonl"
    exported.write_text(
        '{"text": "Năm qua, toàn tỉnh trồng mới 1.200 ha rừng.", "label": ["achievement"]}\n'
        '{"text": "Chưa gán nhãn.", "label": []}\n'
        '{"text": "Cần đẩy nhanh tiến độ giải ngân vốn đầu tư công.", "label": ["task"]}\n',
        encoding="utf-8",
    )
    assert import_labels(exported, tmp_path / "in.jsonl") == 2
    assert sorted(label for *_, label in _units([tmp_path / "in.jsonl"])) == ["achievement", "task"]


def test_unknown_labels_and_broken_files_are_named(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Một câu.", "label": ["ket qua"]}\n', encoding="utf-8")
    with pytest.raises(LabelsFormatError, match=r"bad.jsonl:1: unknown label 'ket qua'"):
        import_labels(bad, tmp_path / "out.jsonl")
    broken = tmp_path / "broken.json"
    broken.write_text('[{"data": ', encoding="utf-8")
    with pytest.raises(LabelsFormatError, match="broken.json: broken JSON"):
        import_labels(broken, tmp_path / "out.jsonl")


def test_cli_exports_and_imports(small_label_files, tmp_path):
    done = subprocess.run([*CLI, "labels", "export", str(small_label_files[0]), "--to", "doccano", "-o", str(tmp_path / "d.jsonl")],
                          capture_output=True, text=True)
    assert done.returncode == 0 and "labelled units for doccano" in done.stderr
    done = subprocess.run([*CLI, "labels", "import", str(tmp_path / "d.jsonl"), "-o", str(tmp_path / "back.jsonl")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    bad = subprocess.run([*CLI, "labels", "export", "--to", "prodigy", "-o", str(tmp_path / "x")], capture_output=True, text=True)
    assert bad.returncode == 2 and "to must be one of label-studio, doccano" in bad.stderr
