"""When the event took place: the date the article gives it, and its year when the article leaves it out.

Press reports give the event as "Sáng 19/12" and the year, if anywhere, elsewhere: in the date
line, in the period reviewed ("tổng kết năm 2018" is held in December 2018 or early 2019), in
the term ("nhiệm kỳ 2014–2019") or in phrases such as "năm 2019 này". `event_date` returns the
ISO date, whether its year was inferred, or a partial `--MM-DD` when nothing in the article
pins the year.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

__all__ = ["EventDate", "event_date", "published_date", "planned_at", "FULL_DATE"]

_TIME_OF_DAY = r"(?:sáng|chiều|tối|trưa|đêm|rạng sáng)"
_WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ nhật)"
_CUE = rf"(?:{_TIME_OF_DAY}(?:\s+(?:nay|qua|hôm nay|hôm qua))?|hôm nay|hôm qua|ngày|vào ngày|nay)(?:\s*,?\s*{_WEEKDAY})?"
# "28-29/12", "28, 29/12" and "24 và 25/1" are two-day events dated by their first day
_DAY_MONTH = r"(\d{1,2})(?:\s*(?:[-–,]|\svà\s)\s*\d{1,2})*\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/.-]*\d)"
CUED_DATE = re.compile(rf"(?<!\w){_CUE}\s*[,(]?\s*(?:\(|ngày\s+)?{_DAY_MONTH}", re.IGNORECASE)
WORD_DATE = re.compile(r"(?<!\w)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?", re.IGNORECASE)
PAREN_DATE = re.compile(rf"\(\s*{_DAY_MONTH}\s*\)")
FULL_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)")
_NOT_EVENT = re.compile(
    r"(?:(?:nghị quyết|chỉ thị|kết luận|quyết định|thông tư|nghị định|kế hoạch|công văn|hướng dẫn|luật|thông báo|văn bản)"
    r"\s*(?:số\s*)?(?:\d[\w/.-]*)?|từ|đến|kể từ|trước|sau|hết|hạn|dự kiến|sẽ|vào)\s*(?:ngày\s*)?$",
    re.IGNORECASE,
)
_PLANNED = re.compile(r"(?:dự kiến|sẽ)\b[^.;]*$", re.IGNORECASE)
_EVENT_HINT = re.compile(
    r"hội nghị|hội thảo|đại hội|tọa đàm|toạ đàm|diễn đàn|phiên họp|cuộc họp|kỳ họp|họp|buổi làm việc|làm việc với|lễ|"
    r"tổ chức|diễn ra|khai mạc|bế mạc|chủ trì|phát biểu|cho ý kiến|trao đổi|họp báo|giao ban|tổng kết|sơ kết|"
    r"chất vấn|thảo luận|cho biết|nhấn mạnh|công bố|ký",
    re.IGNORECASE,
)
_YEAR = r"((?:19|20)\d\d)"
_YEAR_NAMED = re.compile(rf"(?<![\w/-])(?:năm|kỳ thi|mùa thi|niên độ)\s+{_YEAR}(?!\s*[-–—]\s*\d)(?![\d/])", re.IGNORECASE)
_HALF_YEAR = re.compile(rf"(?:6|sáu|9|chín|3|ba)\s+tháng\s+(?:đầu\s+|cuối\s+)?(?:năm\s+)?{_YEAR}", re.IGNORECASE)
_THIS_YEAR = re.compile(rf"năm\s+{_YEAR}\s+(?:này|nay)\b|(?:hiện nay|đến nay)\s*\(\s*{_YEAR}", re.IGNORECASE)
_SCHOOL_YEAR = re.compile(rf"năm học\s+{_YEAR}\s*[-–—]\s*{_YEAR}", re.IGNORECASE)
_TERM_RANGE = re.compile(rf"nhiệm kỳ[^.;]{{0,12}}?{_YEAR}\s*[-–—]\s*{_YEAR}", re.IGNORECASE)
_RANGE = re.compile(rf"{_YEAR}\s*[-–—]\s*{_YEAR}")
_MONTH_YEAR = re.compile(rf"tháng\s+\d{{1,2}}\s*[/-]\s*{_YEAR}", re.IGNORECASE)
_FUTURE = re.compile(
    r"(?:đến|tới|vào|tầm nhìn|trước|sau|từ|triển khai|kế hoạch|giai đoạn mới|chiến lược|mục tiêu|bước vào|chuẩn bị)"
    r"\s+(?:năm\s+|giai đoạn\s+)?(?:\w+\s+)?\(?\s*$",
    re.IGNORECASE,
)
_COMPARED = re.compile(r"(?:so với|bằng|hơn|như|cùng kỳ)\s+(?:cùng kỳ\s+)?$", re.IGNORECASE)
_PLAN_CUE = re.compile(
    r"(?<!\w)(?:nhiệm vụ|kế hoạch|dự toán|phấn đấu|mục tiêu|chỉ tiêu|phương hướng|triển khai|giải pháp|sẽ|cần|phải|"
    r"dự kiến|định hướng|tiếp tục|bước sang)(?!\w)",
    re.IGNORECASE,
)
_RESULT_CUE = re.compile(
    r"(?<!\w)(?:kết quả|tổng kết|sơ kết|đạt|tăng|giảm|thu|chi|sản lượng|công tác|hoạt động|tình hình|trong|qua|đã|của|cả|"
    r"toàn|tồn tại|hạn chế|nhìn lại)(?!\w)",
    re.IGNORECASE,
)
_REVIEW_CUE = re.compile(r"(?<!\w)(?:tổng kết|sơ kết|kết quả|đánh giá)(?!\w)", re.IGNORECASE)
_PLAN_AFTER = re.compile(r"^\W{0,3}(?:phải|cần|sẽ|nên|phấn đấu|tiếp tục|dự kiến)(?!\w)", re.IGNORECASE)
_CLAUSE = re.compile(r"[^.,;:!?\n“”\"]*$")
_YEAR_CLOSED = re.compile(r"(?:tổng kết|năm qua|năm vừa qua|cả năm|kết quả năm)", re.IGNORECASE)


@dataclass(frozen=True)
class EventDate:
    """`iso` is YYYY-MM-DD, or --MM-DD when the year is unknown; `inferred` says the year was not written with the date;
    `sentence` is the index of the sentence that gave it."""

    iso: str
    inferred: bool
    sentence: int = -1


def _valid(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def published_date(candidates: Sequence[str]) -> str | None:
    """The first full dd/mm/yyyy (or ISO) date of the article's date fields and date lines."""
    for text in candidates:
        iso = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
        if iso:
            return iso.group(0)
        found = FULL_DATE.search(text)
        if found and _valid(int(found.group(1)), int(found.group(2))):
            return f"{found.group(3)}-{int(found.group(2)):02d}-{int(found.group(1)):02d}"
    return None


def _candidates(sentence: str) -> list[tuple[int, int, str | None, int]]:
    """(day, month, year, position) of the dates a sentence gives as when something happened."""
    found = []
    for pattern in (CUED_DATE, WORD_DATE, PAREN_DATE):
        for match in pattern.finditer(sentence):
            day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
            number = match.start(1)
            if _valid(day, month) and not _NOT_EVENT.search(sentence[max(0, number - 60) : number]) and not _PLANNED.search(
                sentence[max(0, number - 40) : number]
            ):
                found.append((day, month, year, match.start()))
    return sorted(found, key=lambda item: item[3])


def _first_date(sentences: Sequence[str], titles: int = 0) -> tuple[int, int, str | None, int] | None:
    """The event date and its sentence: the first cued date in a sentence about the event, else the first cued
    date at all; the first `titles` sentences (headlines, which announce as often as they report) count last."""
    fallback = None
    order = [*range(titles, len(sentences)), *range(titles)]
    for index in order:
        dates = _candidates(sentences[index])
        if not dates:
            continue
        if _EVENT_HINT.search(sentences[index]):
            return (*dates[0][:3], index)
        fallback = fallback or (*dates[0][:3], index)
    return fallback


def event_date(
    lead_sentences: Sequence[str], article_text: str, published: str | None, titles: int = 0
) -> EventDate | None:
    """The event's date from the lead's sentences (the first `titles` of them headlines), its year written,
    inferred or left out."""
    found = _first_date(lead_sentences, titles)
    if found is None:
        return None
    day, month, year, sentence = found
    if year:
        return EventDate(f"{year}-{month:02d}-{day:02d}", False, sentence) if _plausible(int(year), published) else None
    inferred = _year_from_published(month, published) or infer_year(lead_sentences[sentence], month) or infer_year(article_text, month)
    if inferred is None or not _plausible(inferred, published):
        return EventDate(f"--{month:02d}-{day:02d}", False, sentence)
    inferred = _on_weekday(inferred, month, day, lead_sentences[sentence])
    return EventDate(f"{inferred}-{month:02d}-{day:02d}", True, sentence)


_WEEKDAYS = {"thứ hai": 0, "thứ ba": 1, "thứ tư": 2, "thứ năm": 3, "thứ sáu": 4, "thứ bảy": 5, "chủ nhật": 6}
_WEEKDAY_DATE = re.compile(rf"({_WEEKDAY})\s*,?\s*(?:ngày\s+)?(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})", re.IGNORECASE)


def _on_weekday(year: int, month: int, day: int, sentence: str) -> int:
    """The inferred year, or the year next to it, on which the date falls on the weekday the sentence gives
    ("sáng nay, thứ ba 2/10": 2/10 was a Tuesday in 2018, not in 2017 or 2019)."""
    for match in _WEEKDAY_DATE.finditer(sentence):
        if (int(match.group(2)), int(match.group(3))) != (day, month):
            continue
        weekday = _WEEKDAYS[" ".join(match.group(1).lower().split())]
        for candidate in (year, year - 1, year + 1):
            try:
                if date(candidate, month, day).weekday() == weekday:
                    return candidate
            except ValueError:
                continue
    return year


def _plausible(year: int, published: str | None) -> bool:
    """A year an event reported in the news can have: not before 1975, not after the article appeared
    (or, without a publication date, next year). "16/9/1968" in a lead recalls history; "2031" is a target."""
    latest = int(published[:4]) + 1 if published else date.today().year + 1
    return 1975 <= year <= latest


def _year_from_published(month: int, published: str | None) -> int | None:
    if not published:
        return None
    year, published_month = int(published[:4]), int(published[5:7])
    return year if month <= published_month + 1 else year - 1


def infer_year(text: str, month: int) -> int | None:
    """The year of an event in `month`, from what the article says about the periods it reviews and plans.

    "tổng kết năm 2017" held on 2/1 → 2018; "sơ kết 6 tháng đầu năm 2019" → 2019; "dự toán năm 2019"
    on 28/12 → 2018; "giai đoạn 2014–2018" in April → 2019; "năm 2019 này" → 2019; "năm học
    2015–2016" in January → 2016. Years only named as targets ("đến năm 2030") never count.
    """
    year = None
    for rule in (_current_year, _school_year, _half_year, _review_and_plan, _term_year, _range_year):
        year = rule(text, month)
        if year is not None:
            break
    floor = _latest_dated(text)
    if floor is not None and (year is None or year < floor):
        return floor if year is None or floor - year <= 2 else year
    return year


def _current_year(text: str, month: int) -> int | None:
    years = [int(m.group(1) or m.group(2)) for m in _THIS_YEAR.finditer(text)]
    return max(years) if years else None


def _school_year(text: str, month: int) -> int | None:
    found = [(int(a), int(b)) for a, b in _SCHOOL_YEAR.findall(text) if int(b) == int(a) + 1]
    if not found:
        return None
    first, second = max(found)
    return first if month >= 8 else second


def _half_year(text: str, month: int) -> int | None:
    years = [int(y) for y in _HALF_YEAR.findall(text)]
    return max(years) if years and month >= 4 else None


def _whole_years(text: str) -> tuple[list[int], list[int], set[int]]:
    """Whole years the article names as reviewed (results) and as planned (targets, tasks, budgets), and the
    reviewed ones it says are over ("từ khi … đến hết năm 2018")."""
    reviewed, planned, ended = [], [], set()
    for match in _YEAR_NAMED.finditer(text):
        year = int(match.group(1))
        window = text[max(0, match.start() - 45) : match.start()]
        before = _CLAUSE.search(window).group(0)
        if _COMPARED.search(window[-22:]):
            continue
        if _FUTURE.search(window[-14:]):
            if _SINCE_UNTIL_END.search(_sentence_before(text, match.start())):
                ended.add(year)
                reviewed.append(year)
            continue
        after = text[match.end() : match.end() + 40]
        if _PLAN_CUE.search(before) or _PLAN_AFTER.search(after) or (not before.strip() and _PLAN_CUE.search(after)):
            planned.append(year)
        elif _RESULT_CUE.search(before) or not before.strip() or _reviewed_in_sentence(_sentence_before(text, match.start())):
            reviewed.append(year)
    return reviewed, planned, ended


# "từ khi Luật có hiệu lực đến hết năm 2018": a span from the past to the end of a year reviews that year
_SINCE_UNTIL_END = re.compile(r"(?<!\w)từ\s[^.;:]*\sđến hết\s+$", re.IGNORECASE)
_AHEAD_CUE = re.compile(rf"{_PLAN_CUE.pattern}|(?<!\w)(?:chuẩn bị|sắp|tới)(?!\w)", re.IGNORECASE)


def _reviewed_in_sentence(sentence: str) -> bool:
    """A review word earlier in the sentence, with nothing planned between it and the year: "tổng kết kỳ họp thứ 6 và
    chuẩn bị kỳ họp thứ 7 (giữa năm 2019)" plans 2019."""
    last = None
    for last in _REVIEW_CUE.finditer(sentence):
        pass
    return last is not None and not _AHEAD_CUE.search(sentence, last.end())


_SENTENCE_START = re.compile(r"[.!?\n]\s*(?=[^.!?\n]*$)")


def _sentence_before(text: str, start: int, reach: int = 100) -> str:
    """The sentence up to `start`, at most `reach` characters: "tổng kết công tác phòng chống tham nhũng, lãng phí
    năm 2015" reviews 2015 though the review word is a clause and fifty characters away."""
    window = text[max(0, start - reach) : start]
    end = _SENTENCE_START.search(window)
    return window[end.end() :] if end else window


def planned_at(text: str, start: int) -> bool:
    """Whether the period named at `start` is one the article plans for ("nhiệm vụ năm 2019", "đến năm 2030")
    rather than one it reviews."""
    window = text[max(0, start - 45) : start]
    clause = _REVIEWED_TASK.sub(" ", _CLAUSE.search(window).group(0))
    return bool(_FUTURE.search(window[-25:]) or _PLAN_CUE.search(clause))


# "đánh giá nhiệm vụ 6 tháng đầu năm", "kết quả thực hiện kế hoạch năm 2018": tasks or plans under review are no plan
_REVIEWED_TASK = re.compile(
    r"(?<!\w)(?:đánh giá|tổng kết|sơ kết|kết quả)(?:\s+(?:việc\s+)?thực hiện)?\s+(?:nhiệm vụ|kế hoạch|chỉ tiêu)(?!\w)",
    re.IGNORECASE,
)


def _review_and_plan(text: str, month: int) -> int | None:
    reviewed, planned, ended = _whole_years(text)
    latest = max(reviewed) if reviewed else None
    if latest is not None and latest in ended:
        return latest + 1
    plan = min((p for p in planned if latest is None or p > latest), default=None)
    if latest is not None and plan == latest + 1:
        return latest if month >= 10 else plan
    if latest is not None:  # a year reviewed with nothing planned after it: the current year, unless the article
        # closes it in the first half of the next ("tổng kết năm 2017" held on 10/1, or in June)
        return latest + 1 if month <= 6 and _YEAR_CLOSED.search(text) else latest
    if plan is not None:
        return plan - 1 if month >= 10 else plan
    return None


def _term_year(text: str, month: int) -> int | None:
    """A congress opens its term ("nhiệm kỳ 2019–2024" → 2019); a term reviewed ("tổng kết nhiệm kỳ 2014–2019")
    ends with the event, as does one followed by the next."""
    terms = sorted(
        {(int(m.group(1)), int(m.group(2)), bool(_REVIEW_CUE.search(text[max(0, m.start() - 40) : m.start()])))
         for m in _TERM_RANGE.finditer(text) if int(m.group(1)) < int(m.group(2))}
    )
    if not terms:
        return None
    ends = {b for _, b, _ in terms}
    following = [a for a, _, _ in terms if a in ends]
    if following:
        return max(following)
    first, last, reviewed = max(terms)
    return last if reviewed else first


def _range_year(text: str, month: int) -> int | None:
    """A reviewed period "giai đoạn 2011–2015" ends before the event; a planned one "5 năm 2006–2010" starts with it."""
    reviewed, planned = [], []
    for match in _RANGE.finditer(text):
        first, last = int(match.group(1)), int(match.group(2))
        window = text[max(0, match.start() - 45) : match.start()]
        if first >= last or _FUTURE.search(window[-25:]):
            continue
        (planned if _PLAN_CUE.search(_CLAUSE.search(window).group(0)) else reviewed).append((first, last))
    # a period that a planned one starts inside is still running ("chiến lược 10 năm 2001–2010" beside "5 năm 2006–2010")
    reviewed = [(a, b) for a, b in reviewed if not any(a < start <= b for start, _ in planned)]
    if reviewed:
        _, end = min(reviewed, key=lambda r: (r[1] - r[0], -r[1]))
        return end if month >= 9 else end + 1
    if planned:
        start = max(a for a, _ in planned)
        return start - 1 if month >= 10 else start
    return None


def _latest_dated(text: str) -> int | None:
    """The latest year of a full date or a "tháng 8/2019" the article reports as past: the event is not earlier.

    Deadlines and plans ("trước ngày 1/2/2019", "dự kiến khai mạc vào ngày 20/5/2019") are later than the event.
    """
    dated = [(m.start(), int(m.group(3))) for m in FULL_DATE.finditer(text)]
    dated += [(m.start(), int(m.group(1))) for m in _MONTH_YEAR.finditer(text)]
    years = [year for start, year in dated if not _ahead(text, start)]
    return max(years) if years else None


_DEADLINE = re.compile(r"(?:trước|chậm nhất|hạn chót|thời hạn)\s*(?:là\s+)?(?:ngày|tháng)?\s*$", re.IGNORECASE)


def _ahead(text: str, start: int) -> bool:
    window = text[max(0, start - 60) : start]
    return bool(_DEADLINE.search(window) or _PLANNED.search(_CLAUSE.search(window).group(0)))
