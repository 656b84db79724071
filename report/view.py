"""What the three renderers show, computed once so HTML, Markdown and DOCX say the same thing.

As `assemble.build_report` fills `Report`: `timeline` maps a month ("2024-03") to counts per category, each
`RecurringPoint.examples` entry is `(article id, wording)`, and `grouping` says how similar points were grouped.
"""

from __future__ import annotations

from dataclasses import dataclass

from tongket.report.model import CATEGORIES, CATEGORY_TITLES, RecurringPoint, Report

__all__ = [
    "SECTIONS", "SECTION_IDS", "COUNT_HEADERS", "ARTICLE_HEADERS", "ORGANIZER_HEADERS", "TIMELINE_HEADERS",
    "SKIPPED_HEADERS", "SET_ASIDE_HEADERS", "REPRINT_HEADERS", "SET_ASIDE_NOTE", "SECTION_ORDER", "NONE_TEXT",
    "vietnamese_date", "vietnamese_long_date", "set_aside_rows", "reprint_rows", "SourceLink", "source_links", "point_sources", "point_examples",
    "overview_rows", "timeline_rows", "organizer_rows", "article_rows", "inputs_text", "filters_text", "grouping_text",
]

SECTIONS = {
    "overview": "Tổng quan", "recurring": "Các vấn đề lặp lại", "timeline": "Diễn biến theo thời gian",
    "organizers": "Theo đơn vị tổ chức", "articles": "Danh sách bài viết",
    "set_aside": "Bài không tính vào tổng hợp", "skipped": "Bài bị bỏ qua", "appendix": "Phụ lục",
}
SECTION_ORDER = ("overview", "recurring", "timeline", "organizers", "articles", "set_aside", "skipped", "appendix")
SECTION_IDS = {
    "overview": "tong-quan", "recurring": "van-de-lap-lai", "timeline": "dien-bien", "organizers": "don-vi",
    "articles": "danh-sach-bai", "set_aside": "bai-de-rieng", "skipped": "bai-bo-qua", "appendix": "phu-luc",
}
COUNT_HEADERS = ("Kết quả", "Hạn chế", "Nhiệm vụ")
ARTICLE_HEADERS = ("STT", "Ngày", "Tiêu đề", "Đơn vị tổ chức", "Loại sự kiện", *COUNT_HEADERS)
ORGANIZER_HEADERS = ("Đơn vị tổ chức", "Số bài", *COUNT_HEADERS)
TIMELINE_HEADERS = ("Tháng", *COUNT_HEADERS, "Tổng")
SKIPPED_HEADERS = ("Tệp", "Lý do")
SET_ASIDE_HEADERS = ("STT", "Ngày", "Tiêu đề", "Nguồn")
REPRINT_HEADERS = ("Bài", "Gần trùng với bài")
SET_ASIDE_NOTE = ("Mô hình đánh giá các bài này không phải là báo cáo tổng kết, sơ kết, giao ban, đại hội hay triển khai "
                  "nhiệm vụ; các ý của chúng không được gộp vào các vấn đề lặp lại (dùng --all-articles để gộp cả).")
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
    rows = [("Số bài viết", str(len(report.articles))), ("Số bài được tổng hợp", str(len(report.counted)))]
    rows.append(("Thời gian", _date_range_text(report)))
    rows += [(CATEGORY_TITLES[c], str(report.totals.get(c, 0))) for c in CATEGORIES]
    rows.append(("Loại sự kiện", _event_types_text(report.event_types)))
    rows += [("Số đơn vị tổ chức", str(len(report.organizers))), ("Số bài bị bỏ qua", str(len(report.skipped)))]
    rows += [("Số bài không tính vào tổng hợp", str(len(report.set_aside))), ("Số bài không rõ ngày", str(report.undated))]
    if report.reprints:
        rows.append(("Số cặp bài gần trùng nhau (đăng lại)", str(len(report.reprints))))
    return rows


def vietnamese_date(iso: str | None) -> str:
    """"2024-12-19" → "19/12/2024", as Vietnamese documents write dates; "--12-19" → "19/12"; None → "—"."""
    if not iso:
        return "—"
    year, month, day = iso[:-6].lstrip("-"), iso[-5:-3], iso[-2:]
    return f"{int(day):02d}/{int(month):02d}" + (f"/{year}" if year else "")


def vietnamese_long_date(iso: str) -> str:
    """"2024-12-19" → "ngày 19 tháng 12 năm 2024", the form of a document's place-and-date line."""
    year, month, day = iso.split("-")
    return f"ngày {int(day):02d} tháng {int(month):02d} năm {year}"


def set_aside_rows(report: Report) -> list[list[str]]:
    """The articles left out of the recurring points: number, date, title, source."""
    return [[str(i), vietnamese_date(a.date), a.title, a.source] for i, a in enumerate(report.set_aside, start=1)]


def reprint_rows(report: Report) -> list[list[str]]:
    """Pairs of articles whose texts are nearly the same (one report reprinted)."""
    return [[first, second] for first, second in report.reprints]


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
        [str(i), vietnamese_date(a.date), a.title, a.organizer or "—", a.event_type or "—", *_counts(a.counts)]
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
    return vietnamese_date(first) if first == last else f"{vietnamese_date(first)} – {vietnamese_date(last)}"


def _event_types_text(event_types: dict[str, int]) -> str:
    ranked = sorted(event_types.items(), key=lambda kv: (-kv[1], kv[0]))
    return "; ".join(f"{name} ({n})" for name, n in ranked) or NONE_TEXT
