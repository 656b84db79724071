"""Every point of a report as a table for analysts: XLSX (openpyxl), CSV, or Parquet for large runs.

One row per point: the article (number, id, title, date, organiser, source), the category, the point as the
article states it, its paragraph and sentence, and the recurring point it was grouped under, if any.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from tongket.report import view
from tongket.report.model import CATEGORIES, CATEGORY_TITLES, Report

__all__ = ["write_exports", "point_rows", "COLUMNS"]

COLUMNS = ("STT bài", "Mã bài", "Tiêu đề", "Ngày", "Đơn vị tổ chức", "Nguồn", "Nhóm ý", "Ý", "Đoạn", "Câu", "Vấn đề lặp lại")
_KEYS = {"achievement": "achievements", "limitation": "limitations", "task": "tasks"}


def point_rows(report: Report) -> Iterator[list]:
    """One row per point of every listed article, streamed from the digests."""
    groups = {(article, text): point.text for points in report.recurring.values() for point in points
              for article, text in point.members}
    rows = {row.anchor: (number, row) for number, row in enumerate(report.articles, start=1)}
    for anchor, digest in report.digests():
        number, row = rows[anchor]
        sections = [(CATEGORY_TITLES[c], digest[_KEYS[c]]) for c in CATEGORIES]
        sections += [(extra["title"], extra["points"]) for extra in digest.get("categories", [])]
        for title, points in sections:
            for point in points:
                yield [number, row.id, row.title, view.vietnamese_date(row.date), row.organizer or "", row.source,
                       title, point["text"], point["paragraph"], point["sentence"], groups.get((row.id, point["text"]), "")]


def write_exports(report: Report, cache, output: Path, formats: list[str]) -> list[Path]:
    """Write each requested export beside `output` (`bao-cao.html` → `bao-cao.xlsx`); returns the files written."""
    written = []
    for fmt in formats:
        path = output.with_suffix(f".{fmt}")
        {"xlsx": _xlsx, "csv": _csv, "parquet": _parquet}[fmt](report, path)
        written.append(path)
    return written


def _csv(report: Report, path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # the BOM lets spreadsheet programs read Vietnamese
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(point_rows(report))


def _xlsx(report: Report, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Các ý")
    sheet.append([_bold(sheet, c, Font) for c in COLUMNS])
    for row in point_rows(report):
        sheet.append(row)
    workbook.save(path)


def _bold(sheet, text: str, font):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=text)
    cell.font = font(bold=True)
    return cell


def _parquet(report: Report, path: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        from tongket.text.errors import OptionError

        raise OptionError("the parquet export needs pyarrow: pip install 'tongket[dask]'") from None
    writer = None
    batch: list[list] = []
    schema = pa.schema([(c, pa.string()) for c in COLUMNS])
    for row in point_rows(report):
        batch.append([str(v) for v in row])
        if len(batch) == 50_000:
            writer = _flush(pq, pa, schema, batch, path, writer)
            batch = []
    writer = _flush(pq, pa, schema, batch, path, writer)
    writer.close()


def _flush(pq, pa, schema, batch, path, writer):
    table = pa.Table.from_arrays([pa.array([r[i] for r in batch], pa.string()) for i in range(len(COLUMNS))], schema=schema)
    writer = writer or pq.ParquetWriter(path, schema)
    writer.write_table(table)
    return writer
