"""Batch reports: the data model and its HTML, Markdown and DOCX renderers.

Names load on first use (PEP 562), so batch workers that only need `tongket.report.model` never import
jinja2, python-docx or matplotlib.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = [
    "ArticleRow", "RecurringPoint", "Skipped", "OrganizerRow", "Report", "CATEGORIES", "CATEGORY_TITLES",
    "FORMATS", "render_report", "render_html", "render_markdown", "render_docx",
    "timeline_chart", "organizer_chart", "digest_to_markdown",
]

_HOME = {
    **dict.fromkeys(("ArticleRow", "RecurringPoint", "Skipped", "OrganizerRow", "Report", "CATEGORIES", "CATEGORY_TITLES"), "model"),
    "FORMATS": "render", "render_report": "render", "render_html": "html", "render_markdown": "markdown",
    "render_docx": "docx_report", "timeline_chart": "charts", "organizer_chart": "charts",
    "digest_to_markdown": "digest_markdown",
}


def __getattr__(name: str) -> Any:
    """Import the submodule that defines `name` the first time someone asks for it."""
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOME[name]}"), name)


def __dir__() -> list[str]:
    return sorted(__all__)
