"""One entry point for every report format, so the CLI and callers need not know which renderer does what."""

from __future__ import annotations

from pathlib import Path

from tongket.report.model import Report

__all__ = ["FORMATS", "render_report"]

FORMATS = ("html", "md", "docx")


def render_report(report: Report, path: Path, fmt: str, issuer: str = "") -> Path:
    """Write `report` to `path` as html, md or docx and return `path`.

    Markdown charts go to `<stem>_files/` beside the file (`tong-ket.md` → `tong-ket_files/timeline.png`).
    Raises ValueError naming the allowed formats, before anything is written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}; got {fmt!r}")
    path = Path(path)
    if fmt == "docx":
        from tongket.report.docx_report import render_docx

        render_docx(report, path, issuer=issuer)
    elif fmt == "html":
        from tongket.report.html import render_html

        with path.open("w", encoding="utf-8") as out:
            render_html(report, out)
    else:
        from tongket.report.markdown import render_markdown

        with path.open("w", encoding="utf-8") as out:
            render_markdown(report, out, assets_dir=path.parent / f"{path.stem}_files")
    return path
