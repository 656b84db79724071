"""Batch-report renderers on a small hand-built report: HTML, Markdown, DOCX, charts and the dispatcher."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterator

import pytest

from tongket.report.charts import organizer_chart, timeline_chart
from tongket.report.digest_markdown import digest_to_markdown
from tongket.report.docx_report import render_docx
from tongket.report.html import render_html
from tongket.report.markdown import render_markdown
from tongket.report.model import ArticleRow, OrganizerRow, RecurringPoint, Report, Skipped
from tongket.report.render import render_report

PNG = b"\x89PNG\r\n\x1a\n"
HEADINGS = (
    "Tổng quan", "Các vấn đề lặp lại", "Kết quả đạt được", "Hạn chế, tồn tại", "Nhiệm vụ, giải pháp",
    "Diễn biến theo thời gian", "Theo đơn vị tổ chức", "Danh sách bài viết", "Bài bị bỏ qua", "Phụ lục",
)
ARTICLES = [
    ArticleRow("bai-1", "gd-2024", "Ngành giáo dục tổng kết năm học 2023 - 2024, triển khai nhiệm vụ năm học mới",
               "gd-2024.txt", "2024-01-15", "tổng kết", "Sở Giáo dục và Đào tạo tỉnh Nam Định",
               {"achievement": 5, "limitation": 2, "task": 4}),
    ArticleRow("bai-2", "ntm-6-thang", "Sơ kết 6 tháng thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
               "ntm-6-thang.html", "2024-02-20", "sơ kết", "Ủy ban nhân dân huyện Hải Hậu",
               {"achievement": 3, "limitation": 3, "task": 3}),
    ArticleRow("bai-3", "giao-ban-bc", "Giao ban báo chí quý I & định hướng thông tin quý II",
               "giao-ban-bc.docx", "2024-03-05", "giao ban", "Ban Tuyên giáo Tỉnh ủy",
               {"achievement": 2, "limitation": 1, "task": 3}),
    ArticleRow("bai-4", "atgt-quy-1", "Tổng kết công tác bảo đảm trật tự, an toàn giao thông quý I năm 2024",
               "atgt-quy-1.txt", "2024-03-28", "tổng kết", "Ban An toàn giao thông tỉnh",
               {"achievement": 3, "limitation": 2, "task": 2}),
]
POINTS = {
    "achievement": [
        ("Hoàn thành và vượt các chỉ tiêu chủ yếu đã đề ra", ["gd-2024", "ntm-6-thang", "atgt-quy-1"],
         [("gd-2024", "Ngành hoàn thành vượt mức 12/12 chỉ tiêu của năm học."),
          ("ntm-6-thang", "Huyện đạt 17/19 tiêu chí nông thôn mới nâng cao."),
          ("atgt-quy-1", "Tai nạn giao thông giảm cả ba tiêu chí so với cùng kỳ."),
          ("atgt-quy-1", "Ví dụ thứ tư không được in ra.")]),
        ("Chuyển đổi số được đẩy mạnh, thủ tục trực tuyến tăng rõ rệt", ["gd-2024", "giao-ban-bc"], []),
    ],
    "limitation": [
        ("Nguồn lực đầu tư còn hạn chế, chưa đáp ứng yêu cầu nhiệm vụ", ["gd-2024", "ntm-6-thang", "atgt-quy-1"], []),
        ("Công tác phối hợp giữa các cơ quan có lúc chưa chặt chẽ", ["giao-ban-bc", "atgt-quy-1"], []),
    ],
    "task": [
        ("Siết chặt kỷ luật, kỷ cương hành chính, đề cao trách nhiệm người đứng đầu",
         ["gd-2024", "ntm-6-thang", "giao-ban-bc", "atgt-quy-1"], []),
        ("Đẩy mạnh tuyên truyền, tạo đồng thuận trong Nhân dân", ["ntm-6-thang", "giao-ban-bc"], []),
    ],
}
SKIP_REASON = "tệp rỗng: không có đoạn văn nào để phân tích"


def _digest(row: ArticleRow) -> dict:
    """A small digest in the schema's shape, written for the test."""
    return {
        "id": row.id, "source": row.source, "title": row.title, "published": row.date,
        "event": {"date": row.date, "type": row.event_type, "location": "Thành phố Nam Định",
                  "organizer": row.organizer, "participants": "lãnh đạo các sở, ngành, địa phương"},
        "people": [{"name": "Nguyễn Văn Hùng", "position": "Phó Chủ tịch UBND tỉnh", "role": "chair"}],
        "documents": ["Kế hoạch số 125/KH-UBND"], "period": "năm 2024",
        "summary": f"Hội nghị đánh giá kết quả và triển khai nhiệm vụ thời gian tới ({row.organizer}).",
        "achievements": [{"text": "Các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch.", "paragraph": 2, "sentence": 0, "score": 0.97}],
        "limitations": [{"text": "Một số nhiệm vụ còn chậm tiến độ.", "paragraph": 4, "sentence": 1, "score": 0.91}],
        "tasks": [],
    }


def _report(articles: list[ArticleRow], digests: Iterator | None = None, **changes) -> Report:
    recurring = {c: [RecurringPoint(c, text, ids, ex) for text, ids, ex in pts] for c, pts in POINTS.items()}
    fields = dict(
        title="Báo cáo tổng hợp hội nghị tổng kết quý I năm 2024", generated="2024-04-02 08:30",
        inputs=["bai-viet/quy-1/", "ban-tin.jsonl"], filters={"since": "2024-01-01", "until": "2024-03-31"},
        articles=articles, recurring=recurring,
        timeline={"2024-01": {"achievement": 5, "limitation": 2, "task": 4},
                  "2024-02": {"achievement": 3, "limitation": 3, "task": 3},
                  "2024-03": {"achievement": 5, "limitation": 3, "task": 5}},
        organizers=[OrganizerRow(a.organizer, 1, a.counts) for a in articles],
        event_types={"tổng kết": 2, "sơ kết": 1, "giao ban": 1}, totals={"achievement": 13, "limitation": 8, "task": 12},
        skipped=[Skipped("hoi-nghi-cu.docx", SKIP_REASON)],
        digests=digests or (lambda: ((a.anchor, _digest(a)) for a in articles)), grouping="TF-IDF trên âm tiết, độ tương đồng cosin ≥ 0,5",
    )
    fields.update(changes)
    return Report(**fields)


@pytest.fixture
def report() -> Report:
    return _report(ARTICLES)


@pytest.fixture
def empty_report() -> Report:
    return _report([], recurring={}, timeline={}, organizers=[], event_types={}, totals={}, skipped=[],
                   digests=lambda: iter(()))


def _html(report: Report) -> str:
    out = io.StringIO()
    render_html(report, out)
    return out.getvalue()


def _parse(html: str):
    from selectolax.lexbor import LexborHTMLParser

    return LexborHTMLParser(html)


def test_html_has_sections_points_counts_and_skipped(report):
    tree = _parse(_html(report))
    headings = {node.text(strip=True) for node in tree.css("h1, h2, h3")}
    assert {"Tổng quan", "Các vấn đề lặp lại", "Theo đơn vị tổ chức", "Phụ lục"} <= headings
    assert "Diễn biến theo thời gian" in headings
    assert "Từ ngày: 2024-01-01; Đến ngày: 2024-03-31" in tree.css_first("header").text()
    assert "độ tương đồng cosin ≥ 0,5" in tree.css_first("p.note").text()
    assert {"Kết quả đạt được", "Hạn chế, tồn tại", "Nhiệm vụ, giải pháp"} <= headings
    points = [node.text() for node in tree.css("ol.points > li")]
    assert any("Nguồn lực đầu tư còn hạn chế" in p and "3 bài" in p for p in points)
    assert any("kỷ cương hành chính" in p and "4 bài" in p for p in points)
    assert len(tree.css("ul.examples li")) == 3
    assert SKIP_REASON in tree.css_first("#bai-bo-qua").text()
    assert "Giao ban báo chí quý I & định hướng" in tree.body.text()


def test_html_anchors_all_land(report):
    tree = _parse(_html(report))
    ids = {node.attributes["id"] for node in tree.css("[id]")}
    targets = [node.attributes["href"][1:] for node in tree.css('a[href^="#"]')]
    assert {"bai-1", "bai-2", "bai-3", "bai-4"} <= ids
    assert targets and set(targets) <= ids
    sources = tree.css_first("ol.points > li").css("p.sources a")
    assert [a.attributes["href"] for a in sources] == ["#bai-1", "#bai-2", "#bai-4"]


def test_html_is_self_contained(report):
    html = _html(report)
    tree = _parse(html)
    assert any(img.attributes["src"].startswith("data:image/png;base64,") for img in tree.css("img"))
    links = [n.attributes.get(attr) or "" for n in tree.css("[src], [href]") for attr in ("src", "href")]
    assert not [link for link in links if re.match(r"(https?:)?//", link)]
    assert not tree.css("script, link[rel=stylesheet]")
    assert "@media print" in tree.css_first("style").text()


def test_html_escapes_text(report):
    assert "Giao ban báo chí quý I &amp; định hướng" in _html(report)


def test_html_streams_the_appendix(report):
    """Each digest is written out before the next one is requested, so memory does not grow with the batch."""
    out = io.StringIO()

    def digests():
        for i, article in enumerate(ARTICLES):
            if i:
                assert f'id="{ARTICLES[i - 1].anchor}"' in out.getvalue()
            yield article.anchor, _digest(article)

    render_html(_report(ARTICLES, digests=digests), out)
    assert 'id="bai-4"' in out.getvalue()


def test_markdown_has_sections_points_and_chart_files(report, tmp_path):
    out = io.StringIO()
    render_markdown(report, out, assets_dir=tmp_path / "bao-cao_files")
    text = out.getvalue()
    for heading in HEADINGS:
        assert re.search(rf"^#+ {re.escape(heading)}", text, re.M), heading
    assert "Nguồn lực đầu tư còn hạn chế, chưa đáp ứng yêu cầu nhiệm vụ — **3 bài**" in text
    assert SKIP_REASON in text
    for name in ("timeline", "organizers"):
        assert f"](bao-cao_files/{name}.png)" in text
        assert (tmp_path / "bao-cao_files" / f"{name}.png").read_bytes().startswith(PNG)
    ids = set(re.findall(r'<a id="([^"]+)"></a>', text))
    assert ids == {"bai-1", "bai-2", "bai-3", "bai-4"} and set(re.findall(r"\]\(#([^)]+)\)", text)) <= ids
    assert "### 1. Ngành giáo dục tổng kết năm học" in text and "#### Hạn chế, tồn tại (1)" in text


def test_markdown_without_assets_dir_writes_no_images(report):
    out = io.StringIO()
    render_markdown(report, out)
    assert "![" not in out.getvalue()


def test_digest_markdown_default_unchanged_and_demoted():
    digest = _digest(ARTICLES[0])
    assert digest_to_markdown(digest).startswith("# Ngành giáo dục") and "\n## Tóm tắt\n" in digest_to_markdown(digest)
    demoted = digest_to_markdown(digest, level=3)
    assert demoted.startswith("### Ngành giáo dục") and "\n#### Nhiệm vụ, giải pháp (0)\n" in demoted


def test_docx_has_headings_tables_bullets_and_pictures(report, tmp_path):
    import docx

    path = tmp_path / "bao-cao.docx"
    render_docx(report, path)
    document = docx.Document(str(path))
    headings = {(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")}
    assert {("Heading 1", "I. Tổng quan"), ("Heading 1", "II. Các vấn đề lặp lại"), ("Heading 2", "2. Hạn chế, tồn tại"),
            ("Heading 1", "VIII. Phụ lục"), ("Heading 3", "Tóm tắt")} <= headings
    header_rows = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert ["STT", "Ngày", "Tiêu đề", "Đơn vị tổ chức", "Loại sự kiện", "Kết quả", "Hạn chế", "Nhiệm vụ"] in header_rows
    assert all(t.style.name == "Table Grid" for t in document.tables[1:])  # the first is the borderless title block
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert any(b.startswith("Đẩy mạnh tuyên truyền, tạo đồng thuận trong Nhân dân — 2 bài") for b in bullets)
    assert len(document.inline_shapes) == 2


def test_empty_report_says_none_everywhere(empty_report, tmp_path):
    html = _html(empty_report)
    assert "<img" not in html and _parse(html).css_first("#bai-bo-qua").text(strip=True).endswith("Không có")
    out = io.StringIO()
    render_markdown(empty_report, out, assets_dir=tmp_path / "files")
    assert "_Không có._" in out.getvalue() and not (tmp_path / "files").exists()
    render_docx(empty_report, tmp_path / "rong.docx")


def test_charts_are_png_deterministic_and_absent_without_data(report):
    chart = timeline_chart(report)
    assert chart is not None and chart.startswith(PNG) and chart == timeline_chart(report)
    assert organizer_chart(report) == organizer_chart(report)
    one_month = _report(ARTICLES, timeline={"2024-01": {"achievement": 1}})
    assert timeline_chart(one_month) is None
    assert organizer_chart(_report(ARTICLES, organizers=[])) is None


@pytest.mark.parametrize("fmt", ["html", "md", "docx"])
def test_render_report_writes_each_format(report, tmp_path, fmt):
    path = render_report(report, tmp_path / f"bao-cao.{fmt}", fmt)
    assert path == tmp_path / f"bao-cao.{fmt}" and path.stat().st_size > 1000
    assert (tmp_path / "bao-cao_files" / "timeline.png").exists() == (fmt == "md")


def test_render_report_refuses_unknown_format(report, tmp_path):
    with pytest.raises(ValueError, match=re.escape("format must be one of html, md, docx; got 'pdf'")):
        render_report(report, tmp_path / "bao-cao.pdf", "pdf")
    assert not (tmp_path / "bao-cao.pdf").exists()


def test_html_renders_in_headless_chromium(report, tmp_path):
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("chromium is not installed")
    html = render_report(report, tmp_path / "bao-cao.html", "html")
    shot = tmp_path / "shot.png"
    command = [
        chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1280,2000", html.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert shot.exists() and shot.stat().st_size > 10_000
