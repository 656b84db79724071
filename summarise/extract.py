"""Event metadata from an article: dates, type, place, organiser, people, attendance, documents, period."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from tongket.summarise import patterns as P
from tongket.summarise.bodies import organizer, place
from tongket.summarise.dates import event_date, planned_at, published_date
from tongket.summarise.documents import documents
from tongket.summarise.people import Person, people
from tongket.text.document import Article, Paragraph

__all__ = ["Event", "Person", "extract_event"]



@dataclass
class Event:
    """What the article reports: the meeting and what it reviewed."""

    title: str | None = None
    published: str | None = None
    date: str | None = None
    date_inferred: bool = False
    type: str | None = None
    location: str | None = None
    organizer: str | None = None
    participants: str | None = None
    people: list[Person] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    period: str | None = None


def extract_event(article: Article) -> Event:
    """Read the event out of an analysed article (roles must be set)."""
    body = [p for p in article.paragraphs if p.role == "body" or p.label in ("context",)]
    lead = " ".join(p.text for p in body[:4])
    title = _title(article)
    published = _published(article)
    titles = [p.text for p in article.paragraphs[:3] if p.role == "title"]
    sentences = titles + _lead_sentences(body)
    when = event_date(sentences, article.text, published, titles=len(titles))
    events = _event_sentences(sentences, when.sentence if when else -1, len(titles))
    return Event(
        title=title,
        published=published,
        date=when.iso if when else None,
        date_inferred=bool(when and when.inferred),
        type=_event_type(title or "", lead),
        location=place(events, sentences[len(titles) :]),
        organizer=organizer(events, sentences[len(titles) :], titles),
        participants=_attendance(lead),
        people=people(titles + [s.text for p in body for s in (p.sentences or [])]),  # a headline often names the speaker
        documents=documents(_joined(p.text for p in article.paragraphs if p.role in ("body", "title"))),
        period=_period(title or "", lead, when.iso if when else None),
    )


def _joined(paragraphs: Iterable[str]) -> str:
    """Paragraphs as one text in which no name runs on into the next paragraph ("… về tự chủ đại học" + "Tuy nhiên, …")."""
    return " ".join(text if text.rstrip()[-1:] in ".!?;:" else f"{text.rstrip()}." for text in paragraphs if text.strip())


def _title(article: Article) -> str | None:
    if article.title:
        return article.title
    titles = [p.text for p in article.paragraphs if p.role == "title"]
    return titles[0] if titles else None


def _published(article: Article) -> str | None:
    lines = [article.date] if article.date else []
    lines += [p.text for p in article.paragraphs[:6] if p.role == "meta"]
    return published_date(lines)


def _event_sentences(sentences: list[str], dated: int, titles: int) -> list[str]:
    """The sentences that report the event: the dated one first, then the lead's sentences naming a meeting."""
    chosen = [sentences[dated]] if dated >= 0 else []
    return chosen + [s for i, s in enumerate(sentences) if i >= titles and i != dated and P.EVENT_WORD.search(s.lower())]


def _lead_sentences(body: list[Paragraph]) -> list[str]:
    """Where the event's date is given: the first body paragraphs' sentences."""
    return [s.text for p in body[:5] for s in (p.sentences or [])]


def _event_type(title: str, lead: str) -> str | None:
    for text in (title.lower(), lead.lower()):
        for name, pattern in P.EVENT_TYPES:
            if P.has_word(pattern, text):
                return name
    return None


_ATTENDING = re.compile(r"tham dự|\bdự\b|có mặt|tham gia|về dự|quy tụ|thu hút|với sự|gồm|đại biểu|điểm cầu", re.IGNORECASE)


def _attendance(lead: str) -> str | None:
    """How many attended: a count near a word of attending ("hơn 300 đại biểu dự", "với sự tham dự của 200 người");
    "93 vụ, 108 người có hành vi tham nhũng" counts people, not attendance."""
    for match in P.ATTENDANCE.finditer(lead):
        if _ATTENDING.search(lead[max(0, match.start() - 60) : match.end() + 30]):
            return match.group(0).strip(" ,;")
    return None


def _period(title: str, lead: str, event_date: str | None = None) -> str | None:
    """The first period the title or lead reviews.

    A year it only plans for is skipped: one named as a task ("triển khai nhiệm vụ năm 2019"), or one after the
    event's year. When nothing else is named, a review held at the turn of the year plans the year after the one
    it reviews, so that one is given.
    """
    event_year = int(event_date[:4]) if event_date and event_date[:1] != "-" else None
    january = bool(event_date and event_date[5:7] in ("01", "02"))
    planned_years = []
    for text in (title, lead):
        lower = text.lower()
        pattern = P.PERIOD_LOWER if len(lower) == len(text) else P.PERIOD
        for match in pattern.finditer(lower if pattern is P.PERIOD_LOWER else text):
            found = lower[match.start() : match.end()]
            year = re.fullmatch(r"năm\s+(\d{4})", found)
            if _SESSION.match(found) and not _session_reviewed(lower, match.start(), match.end()):
                continue
            if _DURATION.match(found):  # "sau hơn 2 năm thực hiện …": time already spent, never planned
                if _ANNIVERSARY.search(lower[max(0, match.start() - 80) : match.start()]):
                    continue
                return _dashed(text[match.start() : match.end()])
            if year and _planned_year(int(year.group(1)), event_year, january) or planned_at(text, match.start()):
                if year:
                    planned_years.append(int(year.group(1)))
                continue
            return _dashed(text[match.start() : match.end()])
    reviewed, planned = _bare_task_years(f"{title} {lead}")
    if reviewed:
        return f"năm {reviewed[0]}"
    planned_years += planned
    if planned_years and (_YEAR_END.search(f"{title} {lead}") or event_year in planned_years):
        return f"năm {min(planned_years) - 1}"
    span = _SPAN_PAST.search(f"{title} {lead}")
    if span:
        return span.group(0)
    return _year_closed(f"{title} {lead}", event_date)


def _bare_task_years(text: str) -> tuple[list[int], list[int]]:
    """Years written without "năm" after a task or plan ("triển khai nhiệm vụ 2018"): planned, unless the tasks are
    under review ("tổng kết nhiệm vụ 2017")."""
    reviewed, planned = [], []
    for match in _BARE_TASK_YEAR.finditer(text):
        under_review = _REVIEW_VERB.search(text[max(0, match.start() - 25) : match.start()])
        (reviewed if under_review else planned).append(int(match.group(1)))
    return reviewed, planned


def _year_closed(text: str, event_date: str | None) -> str | None:
    """A year-end review names no year when it is obvious: "tổng kết" held in January or February closes the year before,
    one held in November or December the year it is held in."""
    if not event_date or event_date[:1] == "-" or not _YEAR_REVIEW.search(text):
        return None
    year, month = int(event_date[:4]), event_date[5:7]
    if month in ("01", "02"):
        return f"năm {year - 1}"
    return f"năm {year}" if month in ("11", "12") else None


def _planned_year(year: int, event_year: int | None, january: bool) -> bool:
    return event_year is not None and (year > event_year or (january and year == event_year))


def _session_reviewed(lower: str, start: int, end: int) -> bool:
    """A parliament's session is the period only when the article reviews it ("tổng kết kỳ họp thứ 7", "kỳ họp thứ 6
    vừa qua"); one being prepared or opening is the subject, not the period."""
    return bool(_REVIEWED_BEFORE.search(lower[max(0, start - 30) : start]) or _JUST_ENDED.match(lower, end))


def _dashed(period: str) -> str:
    return re.sub(r"\s*[-–—]\s*", "–", period.strip())


_SESSION = re.compile(P.SESSION.lower())
_DURATION = re.compile(r"(?:(?:gần|hơn)\s+)?(?:\d+|một|hai|ba|bốn|năm|mười)\s+năm\s+(?:thực hiện|triển khai|thi hành)\s")
_REVIEWED_BEFORE = re.compile(r"(?:tổng kết|sơ kết|đánh giá|kết quả|báo cáo)\s+(?:\w+\s+){0,2}$")
# "kỷ niệm 74 năm Cách mạng tháng Tám và 50 năm thực hiện Di chúc": a celebration in the same sentence, not a review
_ANNIVERSARY = re.compile(r"kỷ niệm[^.;!?]*$")
_JUST_ENDED = re.compile(r"\s+vừa\s+(?:qua|rồi|kết thúc|bế mạc)(?!\w)")


# with nothing more exact, "5 năm qua", "nhiệm kỳ vừa qua" name the span looked back on
_SPAN_PAST = re.compile(r"(?:(?:\d+|hai|ba|bốn|năm|mười|những)\s+năm|nhiệm kỳ)\s+(?:vừa\s+)?qua(?!\w)", re.IGNORECASE)
_BARE_TASK_YEAR = re.compile(r"(?:nhiệm vụ|kế hoạch)\s+(\d{4})(?![\d/-])", re.IGNORECASE)
_REVIEW_VERB = re.compile(r"(?:đánh giá|tổng kết|sơ kết|kết quả)(?:\s+(?:việc\s+)?thực hiện)?\s*$", re.IGNORECASE)
_YEAR_REVIEW = re.compile(r"tổng kết (?:công tác|ngành|năm|hoạt động)|hội nghị (?:toàn quốc )?tổng kết(?! \d)", re.IGNORECASE)
_YEAR_END = re.compile(r"tổng kết|năm qua|năm vừa qua|triển khai (?:công tác|nhiệm vụ|kế hoạch)", re.IGNORECASE)
