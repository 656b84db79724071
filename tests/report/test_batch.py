"""The batch runner: streaming, skipping bad articles, the cache, and resuming a killed run."""

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path


from tongket.report.aggregate import PointRecord, group_points
from tongket.report.assemble import build_report
from tongket.report.batch import BatchOptions, run_batch

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "tong-ket-ttdn-2024.txt"


def _corpus(path: Path, n: int) -> Path:
    base = EXAMPLE.read_text(encoding="utf-8")
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            text = base.replace("2.300", f"{2000 + i}").replace("19/12", f"{1 + i % 28}/{1 + i % 12}")
            record = {"id": f"bai-{i:04d}", "title": f"Tổng kết công tác năm, bài {i}", "text": text, "date": f"2024-{1 + i % 12:02d}-15"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def test_batch_skips_bad_articles_and_uses_the_cache(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "rong.txt").write_text("")
    _corpus(folder / "c.jsonl", 3)
    options = BatchOptions(jobs=1, cache_dir=tmp_path / "cache")
    entries, cache = run_batch([folder], options)
    assert len(entries) == 5
    assert [e.skipped is not None for e in entries].count(True) == 1
    assert len(cache) == 4
    report = build_report(entries, cache, [str(folder)], options)
    assert len(report.articles) == 4 and len(report.skipped) == 1 and "rong.txt" in report.skipped[0].reason
    assert report.totals["task"] >= 16
    cache.close()

    import tongket.report.batch as batch

    calls = []
    original = batch._digest_chunk
    batch._digest_chunk = lambda payload: calls.append(payload) or original(payload)
    try:
        entries, cache = run_batch([folder], options)
    finally:
        batch._digest_chunk = original
    assert calls == [] and len([e for e in entries if e.key]) == 4
    cache.close()


def test_filters_by_words_and_dates(tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl", 12)
    options = BatchOptions(jobs=1, cache_dir=tmp_path / "cache", since="2024-03-01", until="2024-05-31")
    entries, cache = run_batch([corpus], options)
    report = build_report(entries, cache, [str(corpus)], options)
    assert sorted(r.date[:7] for r in report.articles) == ["2024-03", "2024-04", "2024-05"]
    words = BatchOptions(jobs=1, cache_dir=tmp_path / "cache", words=["bài 11"])
    entries, cache = run_batch([corpus], words)
    assert [r.id for r in build_report(entries, cache, [str(corpus)], words).articles] == ["bai-0011"]
    title_words = BatchOptions(jobs=1, cache_dir=tmp_path / "cache", words=["Xúc tiến đầu tư"])
    entries, cache = run_batch([corpus], title_words)
    assert len(build_report(entries, cache, [str(corpus)], title_words).articles) == 12


def test_recurring_points_count_each_article_once():
    points = [
        PointRecord("a", "Sự phối hợp giữa các cơ quan có lúc chưa chặt chẽ."),
        PointRecord("a", "Phối hợp giữa các cơ quan còn chưa chặt chẽ, thiếu đồng bộ."),
        PointRecord("b", "Công tác phối hợp giữa các cơ quan, đơn vị chưa chặt chẽ."),
        PointRecord("c", "Kinh phí bố trí cho hoạt động còn hạn hẹp."),
        PointRecord("d", "Nguồn kinh phí dành cho hoạt động còn thấp, hạn hẹp."),
        PointRecord("e", "Trình độ ngoại ngữ của cán bộ còn hạn chế."),
    ]
    groups = group_points(points, "limitation")
    assert sorted((g.count, sorted(g.articles)) for g in groups) == [(2, ["a", "b"]), (2, ["c", "d"])]
    assert any("phối hợp" in g.text for g in groups) and any("inh phí" in g.text for g in groups)


def _run_report(corpus: Path, output: Path, cache: Path, jobs: int = 1) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", "from tongket.cli.app import main; main()", "report", str(corpus), "-o", str(output),
         "--cache", str(cache), "--jobs", str(jobs), "--no-progress", "--title", "Kiểm tra"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _without_timestamp(path: Path) -> str:
    return "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if "UTC" not in line)


def test_killed_run_resumes_to_the_same_report(tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl", 2000)
    (tmp_path / "whole").mkdir()
    (tmp_path / "killed").mkdir()
    whole = _run_report(corpus, tmp_path / "whole" / "report.md", tmp_path / "cache-whole", jobs=2)
    assert whole.wait(timeout=600) == 0, whole.stderr.read()

    cache = tmp_path / "cache-killed"
    killed = _run_report(corpus, tmp_path / "killed" / "report.md", cache)
    database = cache / "digests.sqlite"
    deadline = time.time() + 300
    while time.time() < deadline:
        if database.exists():
            try:
                rows = sqlite3.connect(database).execute("SELECT COUNT(*) FROM digests").fetchone()[0]
            except sqlite3.OperationalError:
                rows = 0
            if rows > 0:
                break
        time.sleep(0.2)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    done_before = sqlite3.connect(database).execute("SELECT COUNT(*) FROM digests").fetchone()[0]
    assert 0 < done_before < 2000
    assert not (tmp_path / "killed" / "report.md").exists()

    resumed = _run_report(corpus, tmp_path / "killed" / "report.md", cache, jobs=2)
    assert resumed.wait(timeout=600) == 0, resumed.stderr.read()
    assert _without_timestamp(tmp_path / "killed" / "report.md") == _without_timestamp(tmp_path / "whole" / "report.md")
