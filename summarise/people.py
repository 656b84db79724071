"""People an article names, with the position it gives them and their role: who chaired, who spoke, who is only mentioned.

A name is a Vietnamese surname and one to three more capitalised syllables, found after a position
("Thứ trưởng Bộ Nội vụ Thang Văn Phúc"), an honorific ("ông", "đồng chí") or before a position
("Nguyễn Văn A, Bí thư Tỉnh ủy"). Honorifics never stay in the name, and a place name glued to a
name ("Chủ tịch UBND Hà Nội Nguyễn Đức Chung") is cut off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tongket.summarise import patterns as P
from tongket.summarise.bodies import BODY_HEAD

__all__ = ["Person", "people"]

_ROLES = ("chair", "speaker", "mentioned")
_HONORIFIC = re.compile(r"^(?:Ông|Bà|Anh|Chị|Đồng chí|Đ/c|Cô|Thầy|Cụ)\s+")
_PLACE_PREFIX = re.compile(rf"^(?:{P.PLACES}|{P.COUNTRIES})\s+")


@dataclass
class Person:
    """Someone named in the article, with the position the article gives them and their part in the event."""

    name: str
    position: str = ""
    role: str = "mentioned"


def people(sentences: list[str]) -> list[Person]:
    """Everyone the sentences name with a position or an honorific, once each, with their strongest role."""
    found: dict[str, Person] = {}
    for sentence in sentences:
        for person in _people_in(sentence):
            known = found.get(person.name)
            if known is None:
                found[person.name] = person
            else:
                known.position = known.position or person.position
                known.role = min(known.role, person.role, key=_ROLES.index)
    return list(found.values())


# a title glued to the name it follows, with no comma or dash between them
_TITLE_START = re.compile(rf"(?:{P.TITLE_WORDS})(?!\w)")


def _names(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every person name, honorifics and glued place names cut off."""
    names = []
    position = 0
    while True:
        match = P.PERSON.search(sentence, position)
        if match is None:
            return names
        start = match.start()
        if start and (sentence[start - 1].isalnum() or sentence[start - 1] == "."):
            position = match.start() + 1
            continue
        text = match.group(0)
        place = _PLACE_PREFIX.match(text)
        if place:
            position = start + place.end()
            continue
        text = _HONORIFIC.sub("", text)
        end = match.end()
        last = text.rsplit(" ", 1)[-1]
        if len(text.split()) >= 3 and _TITLE_START.match(sentence, end - len(last)):  # "ông Hồ Hương Tổng giám đốc …"
            text, end = text[: -len(last)].rstrip(), end - len(last) - 1
        if len(text.split()) >= 2 and not P.NOT_PEOPLE.match(text):
            names.append((end - len(text), end, text))
        position = end


# "Phát biểu tại hội nghị tổng kết công tác … năm 2017 ngày 10/1, Thủ tướng …": a sentence that opens with the
# speaking names its speaker first, however long the occasion between them
_SPEAKING_OPENING = re.compile(r"^\W*(?:phát biểu|kết luận|phát biểu chỉ đạo|báo cáo|trình bày|chỉ đạo)\s+(?:tại|trong|khai mạc|bế mạc)\b", re.IGNORECASE)


def _people_in(sentence: str) -> list[Person]:
    found = []
    opens_speaking = _SPEAKING_OPENING.match(sentence) is not None
    for start, end, name in _names(sentence):
        # the patterns that look back end at the name ("…$"): only the last stretch before it can match them
        before = sentence[max(0, start - _LOOK_BACK) : start]
        if P.PLACE_BEFORE.search(before[-_SHORT_LOOK_BACK:]) or _SCHOOL_BEFORE.search(before[-_SHORT_LOOK_BACK:]):
            continue
        position = _position(sentence, end, before)
        if not position and not P.HONORIFIC_BEFORE.search(before[-_SHORT_LOOK_BACK:]):
            continue
        clause = sentence[max(0, start - 120) : end + 200].lower()
        role = "chair" if P.CHAIR.search(clause) else "speaker" if P.SPEAKER.search(clause) else "mentioned"
        if role == "mentioned" and opens_speaking and not found:
            role = "speaker"
        found.append(Person(name=name, position=position, role=role))
    return found


# "Trường CĐ Kỹ thuật Lý Tự Trọng": schools carry the names of historical figures (`patterns.SCHOOL_TYPES`)
_SCHOOL_BEFORE = re.compile(rf"Trường\s+(?:(?:{P.SCHOOL_TYPES})\s+)+$")
# a verb or a second person between a title and a name: the title is someone else's
_NOT_A_TITLE = re.compile(
    r"\s(?:nói|cho biết|cho rằng|và giao|giao cho|yêu cầu|đề nghị|mượn|nhấn mạnh|phát biểu|khẳng định|lưu ý|và ông|và bà|cùng ông|cùng bà|"
    r"đã|cũng|của ông|của bà|tháp tùng|phê bình|kể từ|quyết định|thi hành|kỷ luật|rằng|có thể|xác nhận|nhận xét|trao|tặng|"
    r"chúc mừng|cảm ơn|sẽ|đang|là|được|bị|chất vấn|hỏi|gặp|tiếp|làm việc với|thăm|nêu|biểu dương|nhiệt liệt|dẫn chứng|"
    r"thể hiện|bắt đầu|ghi nhận|hoan nghênh|trả lời|gửi)\s"
)
# "kỷ luật nguyên bộ trưởng Bộ X đối với ông Y": the title is Y's, without the words that point to him
_TOWARDS = re.compile(r"\s+(?:đối với|với)\s+(?:ông|bà)\s*$")
# longest title, and the 90 characters TITLE_BEFORE_NAME allows between it and the name
_LOOK_BACK = max(len(t) for t in P.TITLE_WORDS.split("|")) + 91
_SHORT_LOOK_BACK = 40


def _position(sentence: str, end: int, before: str) -> str:
    after = P.POSITION_AFTER.match(sentence[end:])
    title = P.TITLE_BEFORE_NAME.search(before)
    # "Thủ tướng nói và giao Bộ trưởng …", "Phó Thủ tướng A và Phó Thủ tướng B": the nearer title is the name's
    while title and (_NOT_A_TITLE.search(title.group(0)) or _AND_TITLE.search(title.group(0))):
        title = P.TITLE_BEFORE_NAME.search(before, title.start() + 1)
    if after and not (title and after.group(0).lstrip().startswith("(")):
        return _titles_only(after.group(1).strip(" ,-–"))
    return _titles_only(_TOWARDS.sub("", title.group(0)).strip(" ,(-–")) if title else ""


_AND_TITLE = re.compile(rf"\s(?:và|cùng)\s+(?:{P.TITLE_WORDS})(?!\w)", re.IGNORECASE)


# what may follow a comma inside a position: another title or the body it belongs to ("Thứ trưởng Bộ X, Chủ tịch
# Liên đoàn Y"); anything else is the sentence going on ("Bí thư Đoàn trường, trăn trở: …")
_NEXT_TITLE = re.compile(
    rf"(?:{P.TITLE_WORDS}|{BODY_HEAD}|Trưởng|Phó|Phòng|CLB|Câu lạc bộ|Quân khu|Quân đoàn|kiêm|nguyên|tỉnh|thành phố|TP|"
    r"huyện|quận|xã|phường)(?!\w)"
)


# a second person or a dangling word at the end: "Hiệu trưởng Trường X và ông …", "Phó Thủ tướng và"
_OTHER_PERSON = re.compile(r"\s(?:và|cùng)\s+(?:ông|bà)\s.*$")
_DANGLING = re.compile(r"(?:\s+(?:và|cùng|lại|thì|mà|với))+$")


def _titles_only(position: str) -> str:
    """The position up to the first comma that the sentence, not another title, goes on after."""
    parts = _DANGLING.sub("", _OTHER_PERSON.sub("", position.split('"')[0])).split(",")
    kept = [parts[0]]
    for part in parts[1:]:
        if not _NEXT_TITLE.match(part.strip()):
            break
        kept.append(part)
    return _DANGLING.sub("", ",".join(kept).strip(" ,-–"))
