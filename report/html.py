"""The batch report as one self-contained HTML page that opens offline, prints cleanly and can be mailed as is.

The page is streamed: the template is rendered piece by piece into `out` and the appendix pulls one digest at
a time from `report.digests()`, so a 10 000-article batch does not have to fit in memory as one string.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TextIO

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup

from tongket.report import view
from tongket.report.charts import organizer_chart, timeline_chart
from tongket.report.digest_markdown import DIGEST_SECTIONS, WITHHELD_TEXT, digest_fields
from tongket.report.model import Report
from tongket.report.store import report_code_version

__all__ = ["render_html"]

_TEMPLATES = Path(__file__).resolve().parent / "templates"


def render_html(report: Report, out: TextIO) -> None:
    """Write the report as HTML to `out`, chunk by chunk, as the template produces it.

    Example: `with open("tong-ket-2024.html", "w", encoding="utf-8") as f: render_html(report, f)`.
    """
    for chunk in _template("report.html.j2").generate(**_context(report)):
        out.write(chunk)


@lru_cache(maxsize=2)
def _template(name: str) -> Template:
    """Load a template once per process; autoescape so titles like 'A < B & C' stay text."""
    env = Environment(
        loader=FileSystemLoader(_TEMPLATES), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    return env.get_template(name)


def _context(report: Report) -> dict[str, object]:
    """Everything the template shows; all of it small except `appendix`, which is a lazy generator."""
    links = view.source_links(report)
    return {
        "report": report, "sections": view.SECTIONS, "ids": view.SECTION_IDS, "none_text": view.NONE_TEXT,
        "inputs": view.inputs_text(report), "filters": view.filters_text(report), "grouping": view.grouping_text(report),
        "headers": {
            "timeline": view.TIMELINE_HEADERS, "organizers": view.ORGANIZER_HEADERS,
            "articles": view.ARTICLE_HEADERS, "skipped": view.SKIPPED_HEADERS, "set_aside": view.SET_ASIDE_HEADERS,
            "reprints": view.REPRINT_HEADERS,
        },
        "overview": view.overview_rows(report),
        "recurring": _recurring(report, links),
        "timeline_rows": view.timeline_rows(report), "timeline_chart": _data_uri(timeline_chart(report)),
        "organizer_rows": view.organizer_rows(report), "organizer_chart": _data_uri(organizer_chart(report)),
        "articles": list(zip((a.anchor for a in report.articles), view.article_rows(report))),
        "skipped": [[s.source, s.reason] for s in report.skipped],
        "set_aside": view.set_aside_rows(report), "set_aside_note": view.SET_ASIDE_NOTE,
        "reprints": view.reprint_rows(report),
        "appendix": _appendix(report, links),
    }


def _recurring(report: Report, links: dict[str, view.SourceLink]) -> list[dict[str, object]]:
    """Per category, its ranked points with their linked sources and example wordings."""
    return [
        {
            "title": title,
            "points": [
                {"point": p, "sources": view.point_sources(p, links), "examples": view.point_examples(p, links)}
                for p in report.recurring.get(category, [])
            ],
        }
        for category, title in report.sections()
    ]


def _appendix(report: Report, links: dict[str, view.SourceLink]) -> Iterator[Markup]:
    """Yield one rendered appendix entry per digest, numbered like the article list, without holding the others;
    entries rendered by an earlier run are reused when the report can remember them."""
    if report.rendered_entries is not None:
        yield from map(Markup, report.rendered_entries(report_code_version(), _entry))
        return
    numbers = {link.anchor: link.number for link in links.values()}
    for anchor, digest in report.digests():
        yield Markup(_entry(anchor, numbers.get(anchor, 0), digest))


def _entry(anchor: str, number: int, digest: dict) -> str:
    """One digest as the appendix shows it."""
    return _template("digest_entry.html.j2").render(
        entry={"anchor": anchor, "number": number, "digest": digest, "fields": digest_fields(digest)},
        digest_sections=DIGEST_SECTIONS, withheld_text=WITHHELD_TEXT, none_text=view.NONE_TEXT, ids=view.SECTION_IDS, sections=view.SECTIONS,
    ).removesuffix("\n")


def _data_uri(png: bytes | None) -> str:
    """A PNG as a data URI so the page needs no files beside it; empty when there is no chart."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii") if png else ""
