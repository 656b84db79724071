"""The batch report as a Word document in the layout of Vietnamese administrative documents.

Nghị định 30/2020/NĐ-CP sets the form offices file: A4 paper, Times New Roman 13–14 pt, margins of
20 mm top and bottom, 30 mm left and 15 mm right, a title block with the issuing body on the left and
the national motto on the right, the place and date line, the document type and its summary, numbered
headings (I., II., …; 1., 2., …) and tables whose header row repeats on every page. Named `docx_report`
so it never shadows python-docx's `docx`.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from tongket.report import view
from tongket.report.charts import organizer_chart, timeline_chart
from tongket.report.digest_markdown import DIGEST_SECTIONS, WITHHELD_TEXT, digest_fields
from tongket.report.model import RecurringPoint, Report

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table

__all__ = ["render_docx"]

_CHART_WIDTH_CM = 15


_FONT = "Times New Roman"
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def render_docx(report: Report, path: Path, issuer: str = "") -> None:
    """Write the report to `path` as .docx; the whole document is built in memory, as python-docx requires.

    `issuer` is the body whose name heads the title block ("BAN TUYÊN GIÁO TỈNH ỦY"); left blank for the
    officer to fill in when not given.
    """
    from docx import Document

    doc = Document()
    _page_and_styles(doc)
    _title_block(doc, report, issuer)
    _header(doc, report)
    _overview(doc, report)
    _recurring(doc, report)
    _section(doc, "timeline")
    _table(doc, view.TIMELINE_HEADERS, view.timeline_rows(report), numeric_from=1)
    _picture(doc, timeline_chart(report))
    _section(doc, "organizers")
    _table(doc, view.ORGANIZER_HEADERS, view.organizer_rows(report), numeric_from=1)
    _picture(doc, organizer_chart(report))
    _section(doc, "articles")
    _table(doc, view.ARTICLE_HEADERS, view.article_rows(report), numeric_from=5)
    if report.reprints:
        doc.add_paragraph().add_run("Bài có nội dung gần trùng nhau (có thể là bản đăng lại):").italic = True
        _table(doc, view.REPRINT_HEADERS, view.reprint_rows(report))
    _section(doc, "set_aside")
    doc.add_paragraph().add_run(view.SET_ASIDE_NOTE).italic = True
    _table(doc, view.SET_ASIDE_HEADERS, view.set_aside_rows(report), numeric_from=None)
    _section(doc, "skipped")
    _table(doc, view.SKIPPED_HEADERS, [[s.source, s.reason] for s in report.skipped])
    _appendix(doc, report)
    doc.save(str(path))


def _page_and_styles(doc: DocxDocument) -> None:
    """A4 portrait with the decree's margins; Times New Roman everywhere, black headings."""
    from docx.shared import Mm, Pt, RGBColor

    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
    sizes = {"Normal": 13, "Title": 14, "Heading 1": 14, "Heading 2": 13, "Heading 3": 13, "List Bullet": 13,
             "List Bullet 2": 13, "Table Grid": 12}
    for name, size in sizes.items():
        style = doc.styles[name]
        style.font.name = _FONT
        style.font.size = Pt(size)
        _east_asian(style.element, _FONT)
        if name.startswith("Heading") or name == "Title":
            style.font.bold = True
            style.font.color.rgb = RGBColor(0, 0, 0)
    doc.styles["Normal"].paragraph_format.space_after = Pt(6)


def _east_asian(element, font: str) -> None:
    """Set every script's font, so Vietnamese letters never fall back to another typeface."""
    from docx.oxml.ns import qn

    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), font)


def _title_block(doc: DocxDocument, report: Report, issuer: str) -> None:
    """Issuing body | national motto, then the place-and-date line, the document type and its summary."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    _centered(left, (issuer or "TÊN CƠ QUAN, TỔ CHỨC").upper(), bold=True)
    _centered(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)
    _centered(right, "Độc lập - Tự do - Hạnh phúc", bold=True, underline=True, new=True)
    date_line = doc.add_paragraph()
    date_line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    date_line.add_run(f"……, {view.vietnamese_long_date(report.generated[:10])}").italic = True
    for text in ("BÁO CÁO", report.title):
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = True


def _centered(cell, text: str, bold: bool = False, underline: bool = False, new: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = cell.add_paragraph() if new else cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold, run.underline = bold, underline


def _header(doc: DocxDocument, report: Report) -> None:
    doc.core_properties.title = report.title
    for label, value in (("Thời điểm lập", report.generated), ("Đầu vào", view.inputs_text(report)),
                         ("Bộ lọc", view.filters_text(report))):
        _labelled(doc, label, value, style=None)


def _overview(doc: DocxDocument, report: Report) -> None:
    _section(doc, "overview")
    for label, value in view.overview_rows(report):
        _labelled(doc, label, value, style="List Bullet")


def _recurring(doc: DocxDocument, report: Report) -> None:
    """Per category, one bullet per recurring point, most widespread first, or 'Không có'."""
    links = view.source_links(report)
    _section(doc, "recurring")
    if report.grouping:
        doc.add_paragraph().add_run(view.grouping_text(report)).italic = True
    for number, (category, title) in enumerate(report.sections(), start=1):
        doc.add_heading(f"{number}. {title}", level=2)
        points = report.recurring.get(category, [])
        if not points:
            _none(doc)
        for point in points:
            _point(doc, point, links)


def _point(doc: DocxDocument, point: RecurringPoint, links: dict[str, view.SourceLink]) -> None:
    """'Point — 3 bài (bài 1, bài 2, bài 4)' with its other wordings as sub-bullets."""
    paragraph = doc.add_paragraph(point.text, style="List Bullet")
    paragraph.add_run(f" — {point.count} bài").bold = True
    paragraph.add_run(f" ({_sources(view.point_sources(point, links))})")
    for source, wording in view.point_examples(point, links):
        doc.add_paragraph(style="List Bullet 2").add_run(f"“{wording}” ({_sources([source])})").italic = True


def _appendix(doc: DocxDocument, report: Report) -> None:
    """Every digest under its own numbered heading, added one at a time as `digests()` yields them."""
    _section(doc, "appendix")
    numbers = {link.anchor: link.number for link in view.source_links(report).values()}
    empty = True
    for anchor, digest in report.digests():
        empty = False
        _digest(doc, digest, numbers.get(anchor))
    if empty:
        _none(doc)


def _digest(doc: DocxDocument, digest: dict, number: int | None) -> None:
    """One digest: metadata, summary, then the three categories as bullet lists."""
    title = digest.get("title") or digest["id"]
    doc.add_heading(f"{number}. {title}" if number else title, level=2)
    for label, value in digest_fields(digest):
        _labelled(doc, label, value, style=None)
    if digest.get("summary"):
        doc.add_heading("Tóm tắt", level=3)
        doc.add_paragraph(digest["summary"])
    if digest.get("points_withheld"):
        doc.add_paragraph(f"{WITHHELD_TEXT}.").runs[0].italic = True
        return
    for key, heading in DIGEST_SECTIONS:
        doc.add_heading(f"{heading} ({len(digest[key])})", level=3)
        for p in digest[key]:
            doc.add_paragraph(f"{p['text']} (đoạn {p['paragraph']}, câu {p['sentence']})", style="List Bullet")
        if not digest[key]:
            _none(doc)


def _section(doc: DocxDocument, key: str) -> None:
    """A numbered top-level heading: "I. Tổng quan", "II. Các vấn đề lặp lại", …"""
    number = _ROMAN[view.SECTION_ORDER.index(key)]
    doc.add_heading(f"{number}. {view.SECTIONS[key]}", level=1)


def _table(doc: DocxDocument, headers: Sequence[str], rows: list[list[str]], numeric_from: int | None = None) -> None:
    """A 'Table Grid' table with a bold header row that repeats on every page; 'Không có' when empty.

    Columns from `numeric_from` on hold counts and are right-aligned so digits line up.
    """
    if not rows:
        _none(doc)
        return
    table = doc.add_table(rows=1, cols=len(headers), style="Table Grid")
    for cell, text in zip(table.rows[0].cells, headers):
        cell.paragraphs[0].add_run(text).bold = True
    _repeat_header(table)
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    if numeric_from is not None:
        _align_right(table, numeric_from)


def _align_right(table: Table, first_column: int) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for row in table.rows:
        for cell in row.cells[first_column:]:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _repeat_header(table: Table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(header)


def _picture(doc: DocxDocument, png: bytes | None) -> None:
    if png is not None:
        from docx.shared import Cm

        doc.add_picture(BytesIO(png), width=Cm(_CHART_WIDTH_CM))


def _labelled(doc: DocxDocument, label: str, value: str, style: str | None) -> None:
    paragraph = doc.add_paragraph(style=style)
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(value)


def _none(doc: DocxDocument) -> None:
    doc.add_paragraph().add_run(view.NONE_TEXT).italic = True


def _sources(sources: Sequence[view.SourceLink]) -> str:
    return ", ".join(f"bài {s.number}" if s.anchor else s.id for s in sources)
