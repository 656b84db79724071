"""Turn the batch's cached digests into a `Report`: overview, recurring points, timeline, organisers, appendix."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import datetime, timezone

from tongket.report.aggregate import DEFAULT_THRESHOLD, PointRecord, group_points
from tongket.report.batch import BatchEntry, BatchOptions
from tongket.report.cache import DigestCache
from tongket.report.model import CATEGORIES, ArticleRow, OrganizerRow, Report, Skipped

__all__ = ["build_report"]

_KEYS = {"achievement": "achievements", "limitation": "limitations", "task": "tasks"}


def build_report(
    entries: list[BatchEntry],
    cache: DigestCache,
    inputs: list[str],
    options: BatchOptions,
    title: str = "Báo cáo tổng hợp",
    threshold: float = DEFAULT_THRESHOLD,
    all_articles: bool = False,
) -> Report:
    """Assemble the report; only small per-article rows and point texts are held in memory.

    Recurring points come from articles that report a review (see `reports_review`) unless
    `all_articles`: in a general news dump, a road accident is not a limitation of anyone's work.
    """
    rows: list[ArticleRow] = []
    keys: list[str] = []
    points: dict[str, list[PointRecord]] = defaultdict(list)
    seen_ids: Counter = Counter()
    reviewed = 0
    for entry in entries:
        if entry.key is None:
            continue
        digest = cache.get(entry.key)
        if digest is None or not _in_range(_date(digest), options):
            continue
        row = _row(entry, digest, seen_ids)
        rows.append(row)
        keys.append(entry.key)
        if not (all_articles or reports_review(digest)):
            continue
        reviewed += 1
        for category in CATEGORIES:
            points[category] += [PointRecord(row.id, p["text"], p["score"]) for p in digest[_KEYS[category]]]
    return Report(
        title=title,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        inputs=[str(i) for i in inputs],
        filters=_filters(options),
        articles=rows,
        recurring={c: group_points(points[c], c, threshold) for c in CATEGORIES},
        timeline=_timeline(rows),
        organizers=_organizers(rows),
        event_types=dict(Counter(r.event_type or "khác" for r in rows).most_common()),
        totals={c: sum(r.counts[c] for r in rows) for c in CATEGORIES},
        skipped=[Skipped(e.source, e.skipped) for e in entries if e.skipped],
        digests=lambda: _digests(rows, keys, cache),
        grouping=(
            f"{reviewed}/{len(rows)} bài có nội dung tổng kết, đánh giá được dùng để gộp; "
            f"TF-IDF theo âm tiết, gộp trung bình (average linkage) với độ tương đồng ≥ {threshold}"
        ),
    )


_REVIEW_TYPES = {"tổng kết", "sơ kết", "giao ban", "đại hội"}


def reports_review(digest: dict) -> bool:
    """A review-type event, or an article that states results, shortcomings and tasks alike."""
    if digest["event"].get("type") in _REVIEW_TYPES:
        return True
    return all(len(digest[key]) >= 2 for key in _KEYS.values())


def _date(digest: dict) -> str | None:
    return digest.get("published") or (digest["event"].get("date") if not str(digest["event"].get("date") or "").startswith("--") else None)


def _in_range(date: str | None, options: BatchOptions) -> bool:
    if not (options.since or options.until):
        return True
    if not date:
        return False
    return (not options.since or date >= options.since) and (not options.until or date <= options.until)


def _row(entry: BatchEntry, digest: dict, seen_ids: Counter) -> ArticleRow:
    seen_ids[digest["id"]] += 1
    identifier = digest["id"] if seen_ids[digest["id"]] == 1 else f"{digest['id']}#{seen_ids[digest['id']]}"
    return ArticleRow(
        anchor=f"a{entry.order}",
        id=identifier,
        title=digest.get("title") or digest["id"],
        source=digest.get("source") or entry.source,
        date=_date(digest),
        event_type=digest["event"].get("type"),
        organizer=digest["event"].get("organizer"),
        counts={c: len(digest[_KEYS[c]]) for c in CATEGORIES},
    )


def _filters(options: BatchOptions) -> dict[str, str]:
    filters = {"since": options.since, "until": options.until, "words": " ".join(options.words) or None}
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
    table: dict[str, OrganizerRow] = {}
    for row in rows:
        if row.organizer:
            entry = table.setdefault(row.organizer, OrganizerRow(row.organizer, 0, dict.fromkeys(CATEGORIES, 0)))
            entry.articles += 1
            for category in CATEGORIES:
                entry.counts[category] += row.counts[category]
    return sorted(table.values(), key=lambda r: (-r.articles, r.organizer))


def _digests(rows: list[ArticleRow], keys: list[str], cache: DigestCache) -> Iterator[tuple[str, dict]]:
    for row, key in zip(rows, keys):
        digest = cache.get(key)
        if digest is not None:
            yield row.anchor, digest
