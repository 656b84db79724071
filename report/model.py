"""What a batch report holds; renderers (HTML, Markdown, DOCX) read only this."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

__all__ = ["ArticleRow", "RecurringPoint", "Skipped", "OrganizerRow", "Report", "RenderedEntries", "CATEGORIES", "CATEGORY_TITLES"]

CATEGORIES = ("achievement", "limitation", "task")
CATEGORY_TITLES = {"achievement": "Kết quả đạt được", "limitation": "Hạn chế, tồn tại", "task": "Nhiệm vụ, giải pháp"}


@dataclass
class ArticleRow:
    """One processed article as the overview and tables show it; `anchor` links to its appendix entry."""

    anchor: str
    id: str
    title: str
    source: str
    date: str | None
    event_type: str | None
    organizer: str | None
    counts: dict[str, int]


@dataclass
class RecurringPoint:
    """A group of similar points from several articles, led by its clearest wording."""

    category: str
    text: str
    articles: list[str]
    examples: list[tuple[str, str]] = field(default_factory=list)
    members: list[tuple[str, str]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.articles)


@dataclass
class Skipped:
    """An article the batch could not process, and why."""

    source: str
    reason: str


@dataclass
class OrganizerRow:
    organizer: str
    articles: int
    counts: dict[str, int]


class RenderedEntries(Protocol):
    """Appendix entries remembered across runs: `render(anchor, number, digest)` runs only for an entry whose
    digest, anchor or number is new under `fingerprint` (the renderer's template), so adding a hundred
    articles to ten thousand renders a hundred entries."""

    def __call__(self, fingerprint: str, render: Callable[[str, int, dict], str]) -> Iterator[str]: ...


@dataclass
class Report:
    """The consolidated report. `digests` streams every article's digest (the appendix) in `articles` order."""

    title: str
    generated: str
    inputs: list[str]
    filters: dict[str, str]
    articles: list[ArticleRow]
    recurring: dict[str, list[RecurringPoint]]
    timeline: dict[str, dict[str, int]]
    organizers: list[OrganizerRow]
    event_types: dict[str, int]
    totals: dict[str, int]
    skipped: list[Skipped]
    digests: Callable[[], Iterator[tuple[str, dict]]]
    grouping: str = ""
    set_aside: list[ArticleRow] = field(default_factory=list)
    reprints: list[tuple[str, str]] = field(default_factory=list)
    undated: int = 0
    extra_categories: dict[str, str] = field(default_factory=dict)
    rendered_entries: RenderedEntries | None = None

    def sections(self) -> list[tuple[str, str]]:
        """(category, title) of every recurring-points section: the built-in three, then the user's own."""
        return [(c, CATEGORY_TITLES[c]) for c in CATEGORIES] + list(self.extra_categories.items())

    @property
    def counted(self) -> list[ArticleRow]:
        """The articles whose points make the report: those not set aside as ordinary news."""
        aside = {row.anchor for row in self.set_aside}
        return [row for row in self.articles if row.anchor not in aside]

    @property
    def date_range(self) -> tuple[str | None, str | None]:
        """The span of the counted articles: an ordinary news story set aside often dates a past event (a
        war anniversary, a record from the 1990s), which would stretch the report's period to decades."""
        dates = sorted(a.date for a in self.counted if a.date and not a.date.startswith("--"))
        return (dates[0], dates[-1]) if dates else (None, None)
