"""Hostile input: every bad file gives one clear line naming it, a non-zero exit, and the good files still come out."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "examples" / "tong-ket-ttdn-2024.txt"
TCVN3 = "Héi nghÞ tæng kÕt c«ng t¸c th«ng tin ®èi ngo¹i n¨m 2023 ®· ®¹t ®­îc nhiÒu kÕt qu¶ quan träng"
VNI = "Hoäi nghò toång keát coâng taùc thoâng tin ñoái ngoaïi naêm 2023 ñaõ ñaït ñöôïc nhieàu keát quaû quan troïng"


def run(*args, timeout=120):
    return subprocess.run(
        [sys.executable, "-c", "from tongket.cli.app import main; main()", *map(str, args)],
        capture_output=True, text=True, timeout=timeout, env={**os.environ, "COLUMNS": "200"},
    )


def _digest_with_good(bad: Path, expected: str):
    done = run("digest", bad, GOOD)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and expected in lines[0], done.stderr
    assert "Traceback" not in done.stderr
    assert [d["id"] for d in json.loads(done.stdout)] == ["tong-ket-ttdn-2024"]


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("empty.txt", b"", "empty"),
        ("spaces.txt", b" \n\t\n   \n", "empty"),
        ("anh.txt", _png(), "binary"),
        ("tcvn3.txt", TCVN3.encode("cp1252"), "TCVN3"),
        ("vni.txt", VNI.encode("cp1252"), "VNI"),
        ("scripts.html", b"<html><head><script>var a=1;</script></head><body><script>b()</script></body></html>", "no article text"),
        ("nobody.html", b"<html><head><title></title></head></html>", "no article text"),
    ],
)
def test_bad_file_is_named_and_others_survive(tmp_path, name, content, expected):
    bad = tmp_path / name
    bad.write_bytes(content)
    _digest_with_good(bad, expected)


def test_huge_file_is_refused_quickly(tmp_path):
    bad = tmp_path / "lon.txt"
    line = ("Năm qua, toàn ngành đã hoàn thành các chỉ tiêu được giao. " * 20 + "\n").encode()
    with bad.open("wb") as handle:
        for _ in range(50_000_000 // len(line) + 1):
            handle.write(line)
    assert bad.stat().st_size >= 50_000_000
    _digest_with_good(bad, "too large")


def test_long_single_line_is_processed(tmp_path):
    text = ("Tỷ lệ giải ngân đạt 95% kế hoạch; công tác phối hợp còn chậm. " * 3500)[:200_000]
    path = tmp_path / "mot-dong.txt"
    path.write_text(text, encoding="utf-8")
    done = run("classify", path, "--format", "jsonl", timeout=300)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 1


def test_truncated_docx(tmp_path):
    source = tmp_path / "full.docx"
    import docx

    document = docx.Document()
    document.add_paragraph("Hội nghị tổng kết công tác năm 2024 đã đánh giá các kết quả đạt được.")
    document.save(source)
    bad = tmp_path / "cut.docx"
    bad.write_bytes(source.read_bytes()[:2000])
    _digest_with_good(bad, "not a readable .docx")


def test_jsonl_with_broken_line_37(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    record = {"title": "Giao ban quý I", "text": GOOD.read_text(encoding="utf-8")}
    lines = [json.dumps({**record, "id": f"a{i}"}, ensure_ascii=False) for i in range(1, 41)]
    lines[36] = lines[36][:50]
    corpus.write_text("\n".join(lines), encoding="utf-8")
    done = run("digest", corpus)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [done.stderr.strip().splitlines()[0]]
    assert f"{corpus}:37: broken JSON" in done.stderr
    assert len(json.loads(done.stdout)) == 39


def test_mixed_nfc_nfd_and_utf16_without_bom(tmp_path):
    import unicodedata

    text = GOOD.read_text(encoding="utf-8")
    mixed = "\n\n".join(unicodedata.normalize("NFD" if i % 2 else "NFC", p) for i, p in enumerate(text.split("\n\n")))
    (tmp_path / "mixed.txt").write_text(mixed, encoding="utf-8")
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16-le"))
    expected = json.loads(run("digest", GOOD).stdout)
    for name in ("mixed.txt", "utf16.txt"):
        got = json.loads(run("digest", tmp_path / name).stdout)
        assert got["tasks"] == expected["tasks"] and got["title"] == expected["title"]


def test_non_vietnamese_text_warns_and_still_runs(tmp_path):
    path = tmp_path / "english.txt"
    path.write_text("The committee met on Monday to review the year. Results were good.\n\nMore work is needed next year.")
    done = run("classify", path, "--format", "jsonl")
    assert done.returncode == 0
    assert "does not look like Vietnamese" in done.stderr
    assert len(done.stdout.splitlines()) == 2


def test_label_file_with_unknown_label(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"article": "x", "index": 0, "text": "Đạt 95%.", "label": "ket qua"}\n', encoding="utf-8")
    done = run("evaluate", bad, "--no-progress")
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"tongket: error: {bad}:1: unknown label 'ket qua'; expected one of achievement, limitation, task, context, "
        "title, meta, caption, boilerplate (declare a category of your own in categories.json)"
    )


def test_tampered_model_is_refused(tmp_path):
    import shutil

    from tongket.models.store import default_model_dir

    model = tmp_path / "model"
    shutil.copytree(default_model_dir(), model)
    with (model / "runtime.json").open("a") as handle:
        handle.write(" ")
    done = run("classify", GOOD, "--model", model)
    assert done.returncode == 1 and "runtime.json" in done.stderr and "checksum" in done.stderr
    with zipfile.ZipFile(model / "evil.skops", "w") as archive:
        archive.writestr("schema.json", "{}")
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "manifest.json").write_text('{"format": "pickle"}')
    done = run("classify", GOOD, "--model", foreign)
    assert done.returncode == 1 and "unknown model format" in done.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_output_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    done = run("digest", GOOD, "-o", folder / "x.json")
    assert done.returncode == 2 and "cannot write" in done.stderr


def test_output_folder_missing():
    done = run("digest", GOOD, "-o", "/khong/ton/tai/x.json")
    assert done.returncode == 2 and "does not exist" in done.stderr and "Traceback" not in done.stderr


def test_unwritable_output_path():
    done = run("digest", GOOD, "-o", "/proc/tongket-digest.json")
    assert done.returncode == 2 and "cannot write /proc/tongket-digest.json" in done.stderr
