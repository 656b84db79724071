"""The batch report as Markdown, for wikis, Git repositories and editors that print or convert it further.

Charts become PNG files in `assets_dir` linked relatively; the appendix is written one digest at a time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from tongket.report import view
from tongket.report.charts import organizer_chart, timeline_chart
from tongket.report.digest_markdown import digest_to_markdown
from tongket.report.model import RecurringPoint, Report

__all__ = ["render_markdown"]

_CHARTS = (("timeline", "Số ý theo thời gian", timeline_chart), ("organizers", "Số bài theo đơn vị tổ chức", organizer_chart))


def render_markdown(report: Report, out: TextIO, assets_dir: Path | None = None) -> None:
    """Write the report as Markdown to `out`; charts go to `assets_dir` (created if needed) or are left out.

    Chart links are `<assets_dir name>/<chart>.png`, i.e. relative to a Markdown file that sits next to
    `assets_dir` (`tong-ket.md` beside `tong-ket_files/`), which is how `render_report` lays them out.
    """
    charts = _write_charts(report, assets_dir) if assets_dir is not None else {}
    for block in _blocks(report, charts):
        out.write(block)


def _write_charts(report: Report, assets_dir: Path) -> dict[str, str]:
    """Write each chart the report has as PNG; return chart name → Markdown image line."""
    lines = {}
    for name, caption, draw in _CHARTS:
        png = draw(report)
        if png is None:
            continue
        assets_dir.mkdir(parents=True, exist_ok=True)
        (assets_dir / f"{name}.png").write_bytes(png)
        lines[name] = f"![{caption}]({quote(assets_dir.name)}/{name}.png)\n\n"
    return lines


def _blocks(report: Report, charts: dict[str, str]) -> Iterator[str]:
    """The document as a stream of blocks in section order."""
    yield _header(report)
    yield _overview(report)
    yield _recurring(report)
    yield _heading(2, "timeline")
    yield _table(view.TIMELINE_HEADERS, view.timeline_rows(report), 1) + charts.get("timeline", "")
    yield _heading(2, "organizers")
    yield _table(view.ORGANIZER_HEADERS, view.organizer_rows(report), 1) + charts.get("organizers", "")
    yield _articles(report)
    if report.reprints:
        yield "_Bài có nội dung gần trùng nhau (có thể là bản đăng lại):_\n\n" + _table(view.REPRINT_HEADERS, view.reprint_rows(report), 99)
    yield _heading(2, "set_aside") + f"_{view.SET_ASIDE_NOTE}_\n\n" + _table(view.SET_ASIDE_HEADERS, view.set_aside_rows(report), 1)
    yield _heading(2, "skipped") + _table(view.SKIPPED_HEADERS, [[s.source, s.reason] for s in report.skipped], 2)
    yield _heading(2, "appendix")
    yield from _appendix(report)


def _header(report: Report) -> str:
    lines = [f"# {report.title}", "", f"- **Thời điểm lập:** {report.generated}",
             f"- **Đầu vào:** {view.inputs_text(report)}", f"- **Bộ lọc:** {view.filters_text(report)}", ""]
    return "\n".join(lines) + "\n"


def _overview(report: Report) -> str:
    return _heading(2, "overview") + "\n".join(f"- **{k}:** {v}" for k, v in view.overview_rows(report)) + "\n\n"


def _recurring(report: Report) -> str:
    """Per category a numbered list of points, most widespread first, or 'Không có'."""
    links = view.source_links(report)
    parts = [_heading(2, "recurring")]
    if report.grouping:
        parts.append(f"_{view.grouping_text(report)}_\n\n")
    for category, title in report.sections():
        parts.append(f"### {title}\n\n")
        items = [_point(rank, p, links) for rank, p in enumerate(report.recurring.get(category, []), start=1)]
        parts.append("".join(items) + "\n" if items else f"_{view.NONE_TEXT}._\n\n")
    return "".join(parts)


def _point(rank: int, point: RecurringPoint, links: dict[str, view.SourceLink]) -> str:
    """'1. Point — **3 bài**', its linked sources and up to three wordings, indented to stay in the item."""
    indent = " " * len(f"{rank}. ")
    lines = [f"{rank}. {point.text} — **{point.count} bài**  \n"]
    lines.append(f"{indent}Nguồn: {', '.join(_link(s) for s in view.point_sources(point, links))}\n")
    lines += [f"{indent}- _“{text}”_ ({_link(s)})\n" for s, text in view.point_examples(point, links)]
    return "".join(lines)


def _articles(report: Report) -> str:
    """The article list with each title linking to its appendix entry."""
    rows = view.article_rows(report)
    for row, article in zip(rows, report.articles):
        row[2] = f"[{_link_text(row[2])}](#{article.anchor})"
    return _heading(2, "articles") + _table(view.ARTICLE_HEADERS, rows, 5, escaped=(2,))


def _appendix(report: Report) -> Iterator[str]:
    """Each digest under an HTML anchor so the links above land on it; one digest in memory at a time."""
    numbers = {link.anchor: link.number for link in view.source_links(report).values()}
    empty = True
    for anchor, digest in report.digests():
        empty = False
        if anchor in numbers:
            digest = {**digest, "title": f"{numbers[anchor]}. {digest.get('title') or digest['id']}"}
        yield f'<a id="{anchor}"></a>\n\n' + digest_to_markdown(digest, level=3) + "\n"
    if empty:
        yield f"_{view.NONE_TEXT}._\n"


def _heading(level: int, key: str) -> str:
    return f"{'#' * level} {view.SECTIONS[key]}\n\n"


def _table(headers: Sequence[str], rows: list[list[str]], numeric_from: int, escaped: tuple[int, ...] = ()) -> str:
    """A pipe table, numbers right-aligned; 'Không có' instead of a header with no rows."""
    if not rows:
        return f"_{view.NONE_TEXT}._\n\n"
    align = ["---:" if i >= numeric_from else "---" for i in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    for row in rows:
        lines.append("| " + " | ".join(c if i in escaped else _cell(c) for i, c in enumerate(row)) + " |")
    return "\n".join(lines) + "\n\n"


def _cell(text: str) -> str:
    """Keep a table cell on one line and its pipes from splitting the row."""
    return " ".join(text.split()).replace("|", "\\|")


def _link_text(text: str) -> str:
    """A title as link text: one line, its brackets escaped so '[Dự thảo]' does not end the link early."""
    return _cell(text).replace("[", "\\[").replace("]", "\\]")


def _link(source: view.SourceLink) -> str:
    return f"[bài {source.number}](#{source.anchor})" if source.anchor else f"`{source.id}`"
