"""The batch run: streaming, skipping bad articles, duplicates, the cache, filters, and resuming a killed run."""

import json
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tongket.report.aggregate import PointRecord
from tongket.report.options import ReportOptions
from tongket.report.run import write_report

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "tong-ket-ttdn-2024.txt"


def _corpus(path: Path, n: int) -> Path:
    base = EXAMPLE.read_text(encoding="utf-8")
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            text = base.replace("2.300", f"{2000 + i}").replace("19/12", f"{1 + i % 28}/{1 + i % 12}")
            record = {"id": f"bai-{i:04d}", "title": f"Tổng kết công tác năm, bài {i}", "text": text,
                      "date": f"2024-{1 + i % 12:02d}-15"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _options(tmp_path, **extra) -> ReportOptions:
    return ReportOptions(jobs=1, cache_dir=tmp_path / "cache", **extra)


def test_batch_skips_bad_articles_and_uses_the_cache(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "rong.txt").write_text("")
    _corpus(folder / "c.jsonl", 3)
    summary = write_report([folder], tmp_path / "r.md", _options(tmp_path))
    assert summary.read == 5 and len(summary.skipped) == 1 and "rong.txt" in summary.skipped[0].reason
    assert summary.in_report + summary.set_aside == 4
    second = write_report([folder], tmp_path / "r.md", _options(tmp_path))
    assert second.from_cache and second.in_report == summary.in_report


def test_filters_by_words_with_and_without_diacritics_and_by_vietnamese_dates(tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl", 12)
    dated = write_report([corpus], tmp_path / "d.md", _options(tmp_path, since="01/03/2024", until="2024-05-31"))
    assert dated.in_report + dated.set_aside == 3
    exact = write_report([corpus], tmp_path / "w.md", _options(tmp_path, words=["bài 11"]))
    assert exact.in_report + exact.set_aside == 1
    plain = write_report([corpus], tmp_path / "p.md", _options(tmp_path, words=["xuc tien dau tu"]))
    assert plain.in_report + plain.set_aside == 12


UNDATED = (
    "Ngành nội vụ tổ chức hội nghị tổng kết công tác cải cách hành chính.\n\n"
    "Toàn ngành đã cắt giảm 126 thủ tục hành chính, tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,7%.\n\n"
    "Tuy nhiên, việc số hóa hồ sơ ở cấp xã còn chậm.\n\nThời gian tới, ngành cần đẩy mạnh chuyển đổi số."
)


def test_undated_articles_are_kept_or_dropped_and_counted(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": f"u{i}", "text": UNDATED.replace("126", str(100 + i))}, ensure_ascii=False)
                                 for i in range(4)), encoding="utf-8")
    kept = write_report([corpus], tmp_path / "k.md", _options(tmp_path, since="2024-01-01"))
    assert kept.undated == 4 and kept.in_report + kept.set_aside == 4
    assert "4 bài không rõ ngày (giữ lại)" in (tmp_path / "k.md").read_text(encoding="utf-8")
    dropped = write_report([corpus], tmp_path / "x.md", _options(tmp_path, since="2024-01-01", undated="drop"))
    assert dropped.in_report + dropped.set_aside == 0 and dropped.undated == 4


def test_the_same_article_in_three_formats_counts_once(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_bytes(text.encode("utf-16"))
    (folder / "c.txt").write_text(text.replace("\n", "\r\n"), encoding="utf-8")
    summary = write_report([folder], tmp_path / "r.md", _options(tmp_path))
    assert summary.read == 3 and summary.duplicates == 2 and summary.in_report + summary.set_aside == 1


def test_digest_cache_key_follows_the_digest_code(tmp_path, monkeypatch):
    import tongket.report.run as run

    corpus = _corpus(tmp_path / "c.jsonl", 2)
    write_report([corpus], tmp_path / "r.md", _options(tmp_path))
    monkeypatch.setattr(run, "digest_code_version", lambda: "changed-code")
    calls = []
    import tongket.report.batch as batch

    original = batch.digest_chunk
    monkeypatch.setattr(batch, "digest_chunk", lambda payload, model: calls.append(len(payload)) or original(payload, model))
    write_report([corpus], tmp_path / "r2.md", _options(tmp_path))
    assert sum(calls) == 2


def _run_report(corpus: Path, output: Path, cache: Path, jobs: int = 1) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", "from tongket.cli.app import main; main()", "report", str(corpus), "-o", str(output),
         "--cache", str(cache), "--jobs", str(jobs), "--no-progress", "--title", "Kiểm tra"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        # a shell without job control starts background jobs with Ctrl-C ignored; the run must hear it as a user's would
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def _without_timestamp(path: Path) -> str:
    return "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if "UTC" not in line)


def _wait_for_rows(database: Path, deadline: float) -> None:
    while time.time() < deadline:
        if database.exists():
            try:
                if sqlite3.connect(database).execute("SELECT COUNT(*) FROM digests").fetchone()[0] > 0:
                    return
            except sqlite3.OperationalError:
                pass
        time.sleep(0.05)


def test_killed_run_resumes_to_the_same_report(tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl", 500)
    (tmp_path / "whole").mkdir()
    (tmp_path / "killed").mkdir()
    whole = _run_report(corpus, tmp_path / "whole" / "report.md", tmp_path / "cache-whole", jobs=2)
    assert whole.wait(timeout=600) == 0, whole.stderr.read()

    cache = tmp_path / "cache-killed"
    killed = _run_report(corpus, tmp_path / "killed" / "report.md", cache)
    database = cache / "digests.sqlite"
    _wait_for_rows(database, time.time() + 300)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    done_before = sqlite3.connect(database).execute("SELECT COUNT(*) FROM digests").fetchone()[0]
    assert 0 < done_before < 500
    assert not (tmp_path / "killed" / "report.md").exists()

    resumed = _run_report(corpus, tmp_path / "killed" / "report.md", cache, jobs=2)
    assert resumed.wait(timeout=600) == 0, resumed.stderr.read()
    assert _without_timestamp(tmp_path / "killed" / "report.md") == _without_timestamp(tmp_path / "whole" / "report.md")


def test_interrupt_exits_130_and_keeps_finished_digests(tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl", 20000)
    cache = tmp_path / "cache"
    run = _run_report(corpus, tmp_path / "r.md", cache)
    _wait_for_rows(cache / "digests.sqlite", time.time() + 300)
    assert run.poll() is None, f"the run ended before it could be interrupted: {run.stderr.read()}"
    run.send_signal(signal.SIGINT)
    returned, stderr = run.wait(timeout=120), run.stderr.read()
    assert returned == 130 and "interrupted" in stderr, stderr
    assert sqlite3.connect(cache / "digests.sqlite").execute("SELECT COUNT(*) FROM digests").fetchone()[0] > 0


def test_a_local_dask_cluster_writes_the_same_report_as_the_local_pool(tmp_path):
    pytest.importorskip("dask.distributed")
    pytest.importorskip("pyarrow")
    folder = tmp_path / "in"
    folder.mkdir()
    _corpus(folder / "c.jsonl", 40)
    (folder / "rong.txt").write_text("")
    pool = write_report([folder], tmp_path / "pool.md", ReportOptions(jobs=2, cache_dir=tmp_path / "pool"))
    cluster = write_report([folder], tmp_path / "dask.md",
                           ReportOptions(engine="dask", scheduler="local", cache_dir=tmp_path / "dask"))
    assert (cluster.in_report, cluster.set_aside, len(cluster.skipped)) == (pool.in_report, pool.set_aside, len(pool.skipped))

    def body(name: str) -> str:  # the header names the run's own time and files
        return (tmp_path / name).read_text(encoding="utf-8").split("\n", 12)[-1].replace(name[:-3] + "_files", "")

    assert body("dask.md") == body("pool.md")
    assert list((tmp_path / "dask" / "partitions").glob("part-*.parquet"))
    again = write_report([folder], tmp_path / "dask.md",
                         ReportOptions(engine="dask", scheduler="local", cache_dir=tmp_path / "dask"))
    assert again.from_cache


def test_a_rerun_with_more_articles_places_new_points_instead_of_regrouping(monkeypatch):
    from tongket.report import aggregate
    from tongket.report.assemble import _grouped
    from tongket.report.store import ReportCache

    cache = ReportCache(None)
    first = [PointRecord(f"a{i}", f"Phối hợp giữa các cơ quan của huyện số {i} còn chưa chặt chẽ, thiếu đồng bộ.")
             for i in range(6)]
    first += [PointRecord(f"b{i}", f"Kinh phí dành cho công tác tuyên truyền ở xã thứ {i} còn rất hạn chế.")
              for i in range(6)]
    before = _grouped(first, "limitation", 0.2, cache)
    clustered: list[int] = []
    original = aggregate.cluster_labels
    monkeypatch.setattr(aggregate, "cluster_labels", lambda vectors, threshold=0.2: clustered.append(vectors.shape[0])
                        or original(vectors, threshold))
    added = [*first, PointRecord("c", "Sự phối hợp giữa các cơ quan chưa chặt chẽ, còn thiếu đồng bộ.")]
    after = _grouped(added, "limitation", 0.2, cache)
    assert clustered == []  # the new point joined a remembered group; nothing was regrouped
    assert sorted(len(g.articles) for g in after) == sorted(len(g.articles) + ("a0" in g.articles) for g in before)



def test_a_rerun_with_more_articles_renders_only_their_appendix_entries_and_the_same_page(tmp_path, monkeypatch):
    from tongket.report import html

    _corpus(tmp_path / "c.jsonl", 6)
    lines = (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "first.jsonl").write_text("".join(lines[:4]), encoding="utf-8")
    (tmp_path / "more.jsonl").write_text("".join(lines[4:]), encoding="utf-8")
    write_report([tmp_path / "first.jsonl"], tmp_path / "r1.html", _options(tmp_path))
    rendered: list[str] = []
    original = html._entry
    monkeypatch.setattr(html, "_entry", lambda anchor, number, digest: rendered.append(anchor) or original(anchor, number, digest))
    write_report([tmp_path / "first.jsonl", tmp_path / "more.jsonl"], tmp_path / "r2.html", _options(tmp_path))
    assert rendered == ["a4", "a5"]
    fresh = write_report([tmp_path / "first.jsonl", tmp_path / "more.jsonl"], tmp_path / "r3.html",
                         ReportOptions(jobs=1, cache_dir=tmp_path / "fresh"))
    assert fresh.in_report == 6

    def body(name: str) -> str:  # the header names the run's own time
        return re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "", (tmp_path / name).read_text(encoding="utf-8"))

    assert body("r2.html") == body("r3.html")

NEWS = (
    "Tây Ban Nha thắng Ý 2-0 ở bán kết\n\n"
    "Tối qua, đội tuyển Tây Ban Nha đánh bại Ý với tỷ số 2-0 trên sân vận động Wembley.\n\n"
    "Liên đoàn Bóng đá Tây Ban Nha cho biết hàng vạn cổ động viên đã sang Anh cổ vũ đội nhà.\n\n"
    "Tiền đạo số 9 ghi cả hai bàn thắng trong hiệp hai."
)


def test_the_organiser_table_counts_the_reviews_not_the_news_set_aside(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "tong-ket.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "bong-da.txt").write_text(NEWS, encoding="utf-8")
    summary = write_report([folder], tmp_path / "r.md", _options(tmp_path))
    assert (summary.in_report, summary.set_aside) == (1, 1)
    table = (tmp_path / "r.md").read_text(encoding="utf-8").split("## Theo đơn vị tổ chức")[1].split("\n## ")[0]
    assert "Ban Chỉ đạo công tác thông tin đối ngoại" in table
    assert "Bóng đá" not in table and "Ban Nha" not in table


def test_the_overview_counts_the_reviews_not_the_news_set_aside(tmp_path):
    corpus = tmp_path / "in.jsonl"
    records = [
        {"id": "tong-ket", "title": "Tổng kết công tác thông tin đối ngoại", "date": "2024-12-20",
         "text": EXAMPLE.read_text(encoding="utf-8")},
        {"id": "bong-da", "title": "Tây Ban Nha thắng Ý", "date": "1990-07-04", "text": NEWS},
    ]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    summary = write_report([corpus], tmp_path / "r.md", _options(tmp_path))
    assert (summary.in_report, summary.set_aside) == (1, 1)
    overview = (tmp_path / "r.md").read_text(encoding="utf-8").split("## Tổng quan")[1].split("\n## ")[0]
    assert "**Thời gian:** 20/12/2024\n" in overview, overview
    assert "**Số bài viết:** 2" in overview and "**Số bài được tổng hợp:** 1" in overview
    assert "**Loại sự kiện:** tổng kết (1)" in overview, overview


def test_the_appendix_lists_no_points_for_news_set_aside_in_every_format(tmp_path):
    import docx

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "tong-ket.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "bong-da.txt").write_text(NEWS + "\n\nĐội bóng còn nhiều hạn chế ở hàng thủ, cần tăng cường tập luyện.", encoding="utf-8")
    for name in ("r.md", "r.html", "r.docx"):
        write_report([folder], tmp_path / name, _options(tmp_path))
    markdown = (tmp_path / "r.md").read_text(encoding="utf-8").split("## Phụ lục")[1]
    entries = markdown.split("<a id=")[1:]
    news = next(e for e in entries if "Tây Ban Nha thắng Ý" in e)
    review = next(e for e in entries if "Tây Ban Nha thắng Ý" not in e)
    assert "không tính vào tổng hợp" in news and "Hạn chế, tồn tại" not in news
    assert "Hạn chế, tồn tại (" in review and "không tính vào tổng hợp" not in review
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.count("không trích kết quả, hạn chế, nhiệm vụ") == 1
    paragraphs = [p.text for p in docx.Document(tmp_path / "r.docx").paragraphs]
    assert sum("không trích kết quả, hạn chế, nhiệm vụ" in p for p in paragraphs) == 1
