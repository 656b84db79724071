"""Event metadata from an article: dates, type, place, organiser, people, attendance, documents, period."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tongket.summarise import patterns as P
from tongket.text.document import Article, Paragraph

__all__ = ["Event", "Person", "extract_event"]

_DOCUMENT_DATE = re.compile(r"\d[\w/-]*\s*(?:,\s*)?$")


@dataclass
class Person:
    """Someone named in the article, with the position the article gives them."""

    name: str
    position: str = ""
    role: str = "mentioned"


@dataclass
class Event:
    """What the article reports: the meeting and what it reviewed."""

    title: str | None = None
    published: str | None = None
    date: str | None = None
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
    year = published[:4] if published else None
    return Event(
        title=title,
        published=published,
        date=_event_date(body, year),
        type=_event_type(title or "", lead),
        location=_location(body),
        organizer=_organizer(body),
        participants=_first(P.ATTENDANCE, lead),
        people=_people(body),
        documents=_documents(" ".join(p.text for p in article.paragraphs if p.role in ("body", "title"))),
        period=_period(title or "", lead),
    )


def _title(article: Article) -> str | None:
    if article.title:
        return article.title
    titles = [p.text for p in article.paragraphs if p.role == "title"]
    return titles[0] if titles else None


def _iso(day: str, month: str, year: str | None) -> str | None:
    d, m = int(day), int(month)
    if not (1 <= d <= 31 and 1 <= m <= 12):
        return None
    return f"{year}-{m:02d}-{d:02d}" if year else f"--{m:02d}-{d:02d}"


def _published(article: Article) -> str | None:
    if article.date:
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", article.date)
        if match:
            return match.group(0)
        found = P.FULL_DATE.search(article.date)
        if found:
            return _iso(*found.groups())
    for paragraph in article.paragraphs[:6]:
        if paragraph.role == "meta":
            found = P.FULL_DATE.search(paragraph.text)
            if found:
                return _iso(*found.groups())
    return None


def _event_date(body: list[Paragraph], year: str | None) -> str | None:
    for paragraph in body[:5]:
        for sentence in paragraph.sentences or []:
            if not P.EVENT_WORD.search(sentence.text):
                continue
            for match in [*P.DAY_MONTH.finditer(sentence.text), *P.WORD_DATE.finditer(sentence.text)]:
                if not _DOCUMENT_DATE.search(sentence.text[: match.start()]):
                    return _iso(match.group(1), match.group(2), match.group(3) or year)
    return None


def _event_type(title: str, lead: str) -> str | None:
    for text in (title, lead):
        for name, pattern in P.EVENT_TYPES:
            if pattern.search(text):
                return name
    return None


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(0).strip(" ,;") if match else None


def _location(body: list[Paragraph]) -> str | None:
    for paragraph in body[:5]:
        match = P.LOCATION.search(paragraph.text)
        if match:
            return match.group(1).strip(" -–").removesuffix(".")
    return None


def _organizer(body: list[Paragraph]) -> str | None:
    for paragraph in body[:5]:
        for pattern in (P.ORGANIZER, P.ORGANIZED_BY):
            match = pattern.search(paragraph.text)
            if match:
                return match.group(1).strip()
    return None


def _people(body: list[Paragraph]) -> list[Person]:
    people: dict[str, Person] = {}
    for paragraph in body:
        for sentence in paragraph.sentences or []:
            for person in _people_in(sentence.text):
                known = people.get(person.name)
                if known is None:
                    people[person.name] = person
                else:
                    known.position = known.position or person.position
                    known.role = _stronger(known.role, person.role)
    return list(people.values())


def _stronger(first: str, second: str) -> str:
    order = ("chair", "speaker", "mentioned")
    return min(first, second, key=order.index)


def _people_in(sentence: str) -> list[Person]:
    found = []
    for match in P.PERSON.finditer(sentence):
        name = match.group(0)
        before = sentence[: match.start()]
        if P.NOT_PEOPLE.match(name) or P.PLACE_BEFORE.search(before):
            continue
        position = _position(sentence, match, before)
        if not position and not P.HONORIFIC_BEFORE.search(before):
            continue
        clause = sentence[max(0, match.start() - 120) : match.end() + 200]
        role = "chair" if P.CHAIR.search(clause) else "speaker" if P.SPEAKER.search(clause) else "mentioned"
        found.append(Person(name=name, position=position, role=role))
    return found


def _position(sentence: str, match: re.Match[str], before: str) -> str:
    after = P.POSITION_AFTER.match(sentence[match.end() :])
    title = P.TITLE_BEFORE_NAME.search(before)
    if after and not (title and after.group(0).lstrip().startswith("(")):
        return after.group(1).strip(" ,")
    return title.group(0).strip(" ,(") if title else ""


def _documents(text: str) -> list[str]:
    documents: dict[tuple[str, str], str] = {}
    for match in P.DOCUMENT.finditer(text):
        kind, number = match.group(1), match.group(2)
        key = (kind, re.split(r"[/-]", number)[0])
        label = f"{kind} số {number}"
        if key not in documents or len(label) > len(documents[key]):
            documents[key] = label
    return list(documents.values())


def _period(title: str, lead: str) -> str | None:
    for text in (title, lead):
        match = P.PERIOD.search(text)
        if match:
            return re.sub(r"\s*[-–—]\s*", "–", match.group(0).strip())
    return None
