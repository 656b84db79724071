"""What the three renderers show, computed once so HTML, Markdown and DOCX say the same thing.

As `assemble.build_report` fills `Report`: `timeline` maps a month ("2024-03") to counts per category, each
`RecurringPoint.examples` entry is `(article id, wording)`, and `grouping` says how similar points were grouped.
"""

from __future__ import annotations

from dataclasses import dataclass

from tongket.report.model import CATEGORIES, CATEGORY_TITLES, RecurringPoint, Report

__all__ = [
    "SECTIONS", "SECTION_IDS", "COUNT_HEADERS", "ARTICLE_HEADERS", "ORGANIZER_HEADERS", "TIMELINE_HEADERS",
    "SKIPPED_HEADERS", "NONE_TEXT", "SourceLink", "source_links", "point_sources", "point_examples",
    "overview_rows", "timeline_rows", "organizer_rows", "article_rows", "inputs_text", "filters_text", "grouping_text",
]

SECTIONS = {
    "overview": "Tổng quan", "recurring": "Các vấn đề lặp lại", "timeline": "Diễn biến theo thời gian",
    "organizers": "Theo đơn vị tổ chức", "articles": "Danh sách bài viết", "skipped": "Bài bị bỏ qua",
    "appendix": "Phụ lục",
}
SECTION_IDS = {
    "overview": "tong-quan", "recurring": "van-de-lap-lai", "timeline": "dien-bien", "organizers": "don-vi",
    "articles": "danh-sach-bai", "skipped": "bai-bo-qua", "appendix": "phu-luc",
}
COUNT_HEADERS = ("Kết quả", "Hạn chế", "Nhiệm vụ")
ARTICLE_HEADERS = ("STT", "Ngày", "Tiêu đề", "Đơn vị tổ chức", "Loại sự kiện", *COUNT_HEADERS)
ORGANIZER_HEADERS = ("Đơn vị tổ chức", "Số bài", *COUNT_HEADERS)
TIMELINE_HEADERS = ("Tháng", *COUNT_HEADERS, "Tổng")
SKIPPED_HEADERS = ("Tệp", "Lý do")
NONE_TEXT = "Không có"
MAX_EXAMPLES = 3
_FILTER_LABELS = {"since": "Từ ngày", "until": "Đến ngày", "words": "Từ khóa"}


@dataclass(frozen=True)
class SourceLink:
    """An article cited by a recurring point: its number in the article list and where its appendix entry is.

    `anchor` is None when the point cites an article the report does not list, so no link can work.
    """

    number: int
    anchor: str | None
    title: str
    id: str


def source_links(report: Report) -> dict[str, SourceLink]:
    """Map article id → link, numbering articles as the article list does (1, 2, 3…)."""
    return {a.id: SourceLink(i, a.anchor, a.title, a.id) for i, a in enumerate(report.articles, start=1)}


def point_sources(point: RecurringPoint, links: dict[str, SourceLink]) -> list[SourceLink]:
    """The point's source articles in the order given; unknown ids stay visible, unlinked."""
    return [links.get(i) or SourceLink(0, None, i, i) for i in point.articles]


def point_examples(point: RecurringPoint, links: dict[str, SourceLink]) -> list[tuple[SourceLink, str]]:
    """Up to three other wordings of the point, each with the article it came from."""
    return [(links.get(i) or SourceLink(0, None, i, i), text) for i, text in point.examples[:MAX_EXAMPLES]]


def overview_rows(report: Report) -> list[tuple[str, str]]:
    """The overview as (label, value) pairs: 'Số bài viết: 4', 'Thời gian: 05/01/2024 – 20/03/2024'…"""
    rows = [("Số bài viết", str(len(report.articles))), ("Thời gian", _date_range_text(report))]
    rows += [(CATEGORY_TITLES[c], str(report.totals.get(c, 0))) for c in CATEGORIES]
    rows.append(("Loại sự kiện", _event_types_text(report.event_types)))
    rows += [("Số đơn vị tổ chức", str(len(report.organizers))), ("Số bài bị bỏ qua", str(len(report.skipped)))]
    return rows


def timeline_rows(report: Report) -> list[list[str]]:
    """One row per period in time order: period, count per category, total."""
    rows = []
    for period in sorted(report.timeline):
        counts = [report.timeline[period].get(c, 0) for c in CATEGORIES]
        rows.append([period, *map(str, counts), str(sum(counts))])
    return rows


def organizer_rows(report: Report) -> list[list[str]]:
    """One row per organiser, as the builder ordered them."""
    return [[o.organizer, str(o.articles), *_counts(o.counts)] for o in report.organizers]


def article_rows(report: Report) -> list[list[str]]:
    """One row per article (number, date, title, organiser, type, counts); empty fields shown as '—'."""
    return [
        [str(i), a.date or "—", a.title, a.organizer or "—", a.event_type or "—", *_counts(a.counts)]
        for i, a in enumerate(report.articles, start=1)
    ]


def inputs_text(report: Report) -> str:
    """The inputs on one line, so a reader knows which files the report covers."""
    return "; ".join(report.inputs) or NONE_TEXT


def filters_text(report: Report) -> str:
    """Filters as 'Từ ngày: 2024-01-01; Từ khóa: chuyển đổi số', or 'Không có' when the batch took everything."""
    return "; ".join(f"{_FILTER_LABELS.get(k, k)}: {v}" for k, v in report.filters.items()) or NONE_TEXT


def grouping_text(report: Report) -> str:
    """How similar points were grouped, as a note under 'Các vấn đề lặp lại'; empty when the builder gave none."""
    return f"Cách gộp các ý tương tự: {report.grouping}." if report.grouping else ""


def _counts(counts: dict[str, int]) -> list[str]:
    return [str(counts.get(c, 0)) for c in CATEGORIES]


def _date_range_text(report: Report) -> str:
    first, last = report.date_range
    if first is None:
        return "Không rõ"
    return first if first == last else f"{first} – {last}"


def _event_types_text(event_types: dict[str, int]) -> str:
    ranked = sorted(event_types.items(), key=lambda kv: (-kv[1], kv[0]))
    return "; ".join(f"{name} ({n})" for name, n in ranked) or NONE_TEXT
