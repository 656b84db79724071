"""Documents an article cites: numbered ones with their full symbol, and named laws, programmes and strategies.

"Chỉ thị số 05-CT/TW", "Kế hoạch 123/KH-UBND" and "Nghị định 100/2019/NĐ-CP" keep their symbol, also when a
source spaces it out ("05 - CT / TW" → "05-CT/TW"); a document cited once with and once without its
symbol is listed once, with it. Unnumbered documents count when they are named: "Luật Đất đai năm 2013",
"Chương trình mục tiêu quốc gia xây dựng nông thôn mới", "Nghị quyết Trung ương 4 khóa X", "Điều lệ Đảng".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tongket.text.normalize import LOWER, UPPER

__all__ = ["documents", "DOC_TYPES"]

DOC_TYPES = (
    "Thông báo kết luận|Nghị quyết liên tịch|Thông tư liên tịch|Chỉ thị liên tịch|Chương trình hành động|Nghị quyết|Kết luận|"
    "Chỉ thị|Quyết định|Hướng dẫn|Kế hoạch|Nghị định|Thông tư|Công văn|Thông báo|Quy định|Đề án|Thông tri|Quy chế|Luật|"
    "Công điện|Tờ trình|Pháp lệnh|Báo cáo"
)
_SYMBOL_PART = r"[\wĐđ]+(?:\.[\wĐđ]+)*"  # "T.Ư" in "40-CT/T.Ư"
_NUMBERED = re.compile(
    rf"(?<!\w)(?<!kỷ )(?<!pháp )((?i:{DOC_TYPES}))\s+((?i:số)\s*)?(\d{{1,5}}(?:\s*[/-]\s*{_SYMBOL_PART})*)(?![\w/-])(?![.,]\d)(?!\s*%)"
)
_STOP = (
    r"(?:được|đã|đang|sẽ|có|là|của|cho|với|tại|trong|thì|mà|này|đó|để|khi|nhưng|cũng|vẫn|theo|nhằm|do|bị|từ|đến|"
    r"vào|ra|sau|trước|như|cùng|hay|hoặc|nên|phải|cần|không|chưa|còn|thì|và các|các|những|một|vừa|quy định|diễn|"
    r"yêu cầu|cho phép|đi vào|có hiệu lực|sửa đổi,|hướng dẫn thi hành|Phó|Thủ tướng|Bộ trưởng|Chủ tịch|Tổng Bí thư|Tổng bí thư|"
    r"Ông|Bà|ông|bà|nêu(?! gương)|cho biết|Cử tri|cử tri|đạt|đề ra|thực hiện|trên|ở|chậm|ban hành|"
    r"sắp|đối với|dựa trên|dựa vào|ngày(?=\s*\d)|và(?=\s+(?:Luật|Bộ luật|Nghị|Pháp lệnh|Quy|Chỉ thị|Hiệp định|Thông tư|Đề án|Kế hoạch|Chương trình|Chiến lược|"
    r"Quyết định|Kết luận|Công văn|Báo cáo))|và(?=\s+(?:luật|bộ luật|nghị quyết|nghị định|pháp lệnh|chỉ thị|thông tư)\s))"
)
# "luật Mỹ" (a country's law), "Luật Theo …" (a headline glued to its lead): no law's name
_NOT_A_LAW = (
    r"\s+(?:Mỹ|Anh|Đức|Pháp|Nga|Nhật|Canada|Malaysia|Singapore|Trung Quốc|Australia|Úc|Texas|EU|Việt Nam|VN|"
    r"Theo|Đã|Tại|Trong|Ngày|Sáng|Chiều|Khi|Nếu|Với|Để|Do|Vì)(?!\w)"
)
# pairs of verbs or nouns that names join with a comma ("Đề án tìm kiếm, quy tập hài cốt liệt sĩ", "Báo cáo kiểm điểm
# công tác chỉ đạo, điều hành"): the comma does not end the name
_PAIRS = (
    ("tìm kiếm", "quy tập"), ("chỉ đạo", "điều hành"), ("chủ trương", "chính sách"), ("kiểm tra", "giám sát"),
    ("thông tin", "tuyên truyền"), ("tuyên truyền", "phổ biến"), ("phổ biến", "giáo dục"), ("quản lý", "sử dụng"),
    ("quản lý", "khai thác"), ("bảo vệ", "phát triển"), ("bảo tồn", "phát huy"), ("ngăn chặn", "đẩy lùi"),
    ("học tập", "làm theo"), ("xây dựng", "chỉnh đốn"), ("sắp xếp", "đổi mới"), ("sắp xếp", "tổ chức"),
    ("đào tạo", "bồi dưỡng"), ("cải tạo", "nâng cấp"), ("thu gom", "xử lý"), ("sửa đổi", "bổ sung"),
)
_PAIRED = "|".join(rf"(?<=(?i:{first})),\s*{second}(?!\w)" for first, second in _PAIRS)
_NAME = (
    rf"(?:\s+(?!{_STOP}(?!\w))(?!\d{{1,3}}\s+(?:năm|tháng)(?!\w)(?!\s+\d{{4}}))(?:[Pp]hòng,\s*chống|[\w&]+(?:/[\w&]+)*|\(sửa đổi\)|\(sửa đổi, bổ sung\))|(?<=[Nn]hà)\s+ở(?!\w)"
    rf"|(?<=[Hh]àng)\s+không(?!\w)|{_PAIRED})"
)
_LONG_NAME = rf"(?:{_NAME}|\s*[-–]\s*(?=[\w])(?!{_STOP}(?!\w))[\w&]+|\s+\d{{4}}(?:\s*[-–]\s*\d{{4}})?)"
# "chỉ thị về tiêm vắc-xin", "Nghị định về tự chủ đại học": an unnumbered decree, circular or directive is named by
# its subject; a rule, scheme or plan only when it says whose it is ("Kế hoạch của Sở Y tế về …"), as "quy định về"
# alone is mostly any rule on the matter, and "nghị quyết mới về" one still to be written
_OWNER = rf"\s+của\s+[{UPPER}][^\s,.;:“”\"]*(?:\s+[^\s,.;:“”\"]+){{0,5}}?"
_SUBJECT = rf"\s+về(?:\s+“[^”]{{5,160}}”|(?:{_LONG_NAME}){{2,14}})"
_ON_SUBJECT = (
    rf"(?i:nghị quyết|nghị định|thông tư|chỉ thị|công điện)(?:\s+(?i:chung))?(?:{_OWNER})?{_SUBJECT}"
    rf"|(?i:quy định|đề án|kế hoạch|quyết định){_OWNER}{_SUBJECT}"
)
# "kế hoạch tài chính giai đoạn 2021-2025", "chương trình khuyến nông đến năm 2030": written in lower case, a plan or
# programme is a named document when its name carries the span it covers
_SPANNED_PLAN = (
    rf"(?<![\w“\"])(?:kế hoạch|chương trình|đề án|chiến lược|quy hoạch)(?:{_NAME}){{1,10}}?"
    r"\s+(?:giai đoạn|đến năm|\d{1,2}\s+năm)\s+\d{4}(?:\s*[-–]\s*\d{4})?(?![\d/-])"
)
# whose congress a resolution carries out: "Nghị quyết Đại hội Hội Cựu chiến binh tỉnh lần thứ 7", "… Công đoàn TP"
_CONGRESS_OF = (
    rf"(?:(?<=(?i:đại hội) )|(?<=(?i:toàn quốc) ))(?:Hội Liên hiệp|Hội|Công đoàn|Liên đoàn|Đoàn|Đảng bộ|Mặt trận)"
    rf"(?:\s+[{UPPER}][\w.]*(?:\s+(?!{_STOP}(?!\w)|(?:nhiệm|lần|khóa|khoá|đề)(?!\w))[{LOWER}]\w*){{0,2}})+"
)
_NAMED = re.compile(
    rf"(?<!\w)("
    rf"(?:Bộ luật|Pháp lệnh)(?:{_NAME}){{1,5}}"
    rf"|(?<!pháp )(?<!kỷ )(?<!quy )(?<!Pháp )(?<!ĐH )(?<!học )(?<!Trường )(?:(?i:luật)(?=\s+[{UPPER}])(?!{_NOT_A_LAW})|(?i:luật)(?=\s+(?:tiếp|đất|giao|bảo|phòng|doanh|đầu|xây|nhà|thuế|hình|dân|lao|an|ngân|đấu|tổ|cán|công|"
    rf"thanh|khiếu|tố|báo|giáo|y|môi|biển|đa|thủy|thuỷ|ngân|quản|cư|hôn|trẻ|người|kinh|xử|thi|tín|điện|viễn|hải|hàng|"
    rf"chứng|quốc|du|văn|thể|di|đường|đê|phá|bình|hợp|hóa chất|hoá chất|dược|khám|tiếp cận|an ninh|an toàn|rượu|khuyến|cấp|xuất|nhập|thực hành|phòng|chống|viên)\b))(?:{_LONG_NAME}){{1,10}}"
    rf"|Hiến pháp(?:\s+năm\s+\d{{4}})?"
    rf"|(?i:điều lệ)\s+(?:Đảng|[{UPPER}][\w]*(?:\s+[{UPPER}][\w]*)*)"
    rf"|Cương lĩnh(?:{_NAME}){{1,10}}"
    rf"|Chương trình mục tiêu quốc gia(?:{_LONG_NAME}){{1,16}}"
    rf"|(?i:nghị quyết|chỉ thị|kết luận|quy định)\s+(?:của\s+)?(?:Quốc hội|Trung ương|Bộ Chính trị|Ban Bí thư|Chính phủ)"
    rf"(?:\s+\(?(?:khóa|khoá)\s+[IVXL]+\)?)?\s+về(?:{_LONG_NAME}){{2,14}}"
    rf"|{_ON_SUBJECT}|{_SPANNED_PLAN}"
    rf"|(?<=\w\s)Quy định(?:\s+của\s+(?:Bộ Chính trị|Ban Bí thư))?(?=\s+(?:về|trách nhiệm|xử lý|kiểm soát))(?:{_LONG_NAME}){{2,16}}"
    rf"|(?<=\w\s)Báo cáo\s+(?:(?i:chính trị)|(?i:kiểm điểm|tổng kết)(?:{_LONG_NAME}){{2,14}})"
    rf"|(?i:văn kiện)\s+Đại hội(?:\s+(?:Đảng|toàn quốc|đại biểu))*\s+(?:[IVXL]+|lần thứ \w+)"
    rf"|(?i:nghị quyết|NQ)(?:\s+(?:của\s+)?(?:Hội nghị|Hội nghị lần thứ \w+,?)?\s*(?:Ban Chấp hành\s+)?)?(?:Trung ương|TƯ|TW|T\.Ư|(?i:đại hội))"
    rf"(?:\s+(?:\d+(?:,\s*\d+)*|lần thứ \w+|[IVXL]+|\(?(?:khóa|khoá)\s+[IVXL]+\)?|Đảng(?: toàn quốc)?(?: lần thứ)?(?:\s*[IVXL\d]+)?|"
    rf"(?:đại biểu\s+)?toàn quốc(?: lần thứ)?(?:\s*[IVXL\d]+)?|của Đảng|{_CONGRESS_OF}))+"
    rf"|(?<![\w“\"])(?<!Bộ )(?<!Sở )(?<!bộ )(?<!sở )(?<!Viện )(?<!Vụ )(?<!Ban )(?<!trưởng )(?<!Cục )(?<![Pp]hòng )(?!Kế hoạch\s*(?:và|-|–)\s*Đầu tư|Quy hoạch\s*(?:và|-|–)?\s*Kiến trúc)(?:Đề án|Chiến lược|Quy chế|Chương trình(?! hành động| nghị sự)|Kế hoạch|Quy hoạch)(?!\s+(?:này|đó|năm|số|\d))(?:{_LONG_NAME}){{2,16}}"
    rf"|(?i:đề án|chương trình|chiến lược|kế hoạch|quy định|quy chế)\s+“[^”]{{5,160}}”"
    rf"|Hiệp định(?:\s+(?:[Tt]ự do|[{UPPER}][\w&-]*(?:\s+(?!{_STOP}(?!\w))[{LOWER}]\w*)?|\([A-Z-]+\)|"
    rf"[-–](?=\s+[{UPPER}])|và(?!\s+(?i:hiệp định))|về|thương mại|tự do|đối tác|toàn diện|tiến bộ|xuyên|hợp tác|"
    rf"kinh tế|đầu tư))+"
    rf")"
)
# "Kế hoạch 5 năm", "Báo cáo 10 năm": a span of time, not a document number
_DURATION = re.compile(r"\s+(?:năm|tháng|ngày(?!\s*\d)|tuần|nhóm|lĩnh vực|nội dung|điểm|lần)\b")
# "Luật Nhà ở6": a footnote's number glued to the name's last syllable
_FOOTNOTE = re.compile(rf"(?<=[{LOWER}])\d{{1,2}}$")
# "Luật Quy hoạch mới": a law called new is the law itself ("nông thôn mới", "phổ thông mới" are names)
_LOOSE_TAIL = re.compile(r"(?:\s+(?:năm|giai|giai đoạn|đến|và|(?<!làm )việc|vấn đề|(?<!thôn )(?<!thông )(?<!học )mới|-|–))+$")
_YEAR_TAIL = re.compile(r"\s+năm\s+\d{4}$")
# the year or span a named document carries is part of its name: "Luật Bảo hiểm xã hội năm 2014", "Cương lĩnh bổ sung
# (năm 2011)", "Chiến lược biển Việt Nam đến năm 2020", "Đề án … giai đoạn 2017–2018"
_NAMED_YEAR = re.compile(
    r"\s*(\(\s*năm\s+\d{4}\s*\)|(?:năm|đến năm|giai đoạn)\s+\d{4}(?:\s*[-–]\s*\d{4})?(?![\d/-]))"
)


# every document pattern starts with one of these words; looking for them in the lower-cased text first is
# several times faster than letting the patterns, with their look-behinds and case folding, scan every position
_TRIGGER = re.compile(
    r"bộ luật|luật|pháp lệnh|hiến pháp|điều lệ|cương lĩnh|chương trình|nghị quyết|nq|chỉ thị|kết luận|quy định|quy chế|"
    r"báo cáo|văn kiện|hiệp định|đề án|chiến lược|kế hoạch|quy hoạch|thông tư|nghị định|quyết định|hướng dẫn|công văn|"
    r"thông báo|thông tri|công điện|tờ trình"
)


def _trigger_starts(text: str) -> list[int] | None:
    """Where a document word starts, or None when lower-casing changes the text's length (offsets would not agree)."""
    lower = text.lower()
    if len(lower) != len(text):
        return None
    starts = []
    for match in _TRIGGER.finditer(lower):
        starts.append(match.start())
        if match.group(0) == "bộ luật":
            starts.append(match.start() + 3)
    return starts


def _matches(pattern: re.Pattern[str], text: str, starts: list[int] | None) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, trying only the trigger positions."""
    if starts is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            yield match
            end = max(match.end(), start + 1)


def _symbol(number: str) -> str:
    return re.sub(r"\s*([/-])\s*", r"\1", number)


def _has_symbol(number: str) -> bool:
    parts = re.split(r"[/-]", number)[1:]
    return any(re.search(r"[A-ZĐ]", p) or re.fullmatch(r"\d{4}", p) for p in parts)


# "các nghị quyết số 35 và 19 của Chính phủ": more numbers of the same kind of document, each a document; the number
# must end the phrase ("… và 15 doanh nghiệp" counts firms)
_AND_NUMBER = re.compile(
    rf"\s*(?:,|và)\s*((?i:số)\s*)?(\d{{1,5}}(?:\s*[/-]\s*{_SYMBOL_PART})*)(?![\w/-])(?![.,]\d)"
    r"(?=\s*(?:[,.;:)]|$|của|về|ngày|và|đã|được|trong|tại|nhằm|để|cho)(?!\w))"
)


def _listed_numbers(text: str, end: int) -> list[tuple[str, str | None]]:
    listed = []
    while (more := _AND_NUMBER.match(text, end)) is not None:
        listed.append((_symbol(more.group(2)), more.group(1)))
        end = more.end()
    return listed


def documents(text: str) -> list[str]:
    """Every document the text cites, numbered ones first seen first, each once."""
    numbered: dict[tuple[str, int], str] = {}
    starts = _trigger_starts(text)
    ends: set[int] = set()
    for match in _matches(_NUMBERED, text, starts):
        ends.add(match.end())
        kind = match.group(1)[0].upper() + match.group(1)[1:]
        number = _symbol(match.group(3))
        if not _has_symbol(number):
            if not match.group(2) and _DURATION.match(text, match.end()):
                continue
            number = re.split(r"[/-]", number)[0]
        for number, said in [(number, match.group(2)), *((n, s or match.group(2)) for n, s in _listed_numbers(text, match.end()))]:
            key = (kind.lower(), int(re.match(r"\d+", number).group(0)))
            label = f"{kind} {'số ' if said else ''}{number}"
            if key not in numbered or ("/" in number or "-" in number) and not re.search(r"[/-]", numbered[key]):
                numbered[key] = label
    found = list(numbered.values())
    for match in _matches(_NAMED, text, starts):
        named = _LOOSE_TAIL.sub("", _FOOTNOTE.sub("", match.group(1).rstrip(" ,.;")))
        ends.add(match.start() + len(named))
        if _is_subject(text, match.start(), ends):
            continue
        if year := _NAMED_YEAR.match(text, match.start() + len(named)):
            named += " " + year.group(1)
        name = " ".join(named.split())
        if len(name.split()) < 2:
            continue
        for name in _with_listed_plenums(name, text, match.start() + len(named)):
            shorter = [i for i, f in enumerate(found) if name.lower().startswith(f.lower() + " ") or _abbreviates(f, name)]
            if shorter:
                found[shorter[0]] = name
            elif not any(name.lower() in f.lower() or f.lower() in name.lower() or _variant(name) == _variant(f)
                         or _abbreviates(name, f) for f in found):
                found.append(name)
    return found


_ABOUT = re.compile(r"\s*(?:\(\s*(?:khóa|khoá)\s+[IVXL]+\s*\)\s*)?,?\s+về\s+[“\"]?$")


def _is_subject(text: str, start: int, ends: set[int]) -> bool:
    """"Nghị quyết Trung ương 4 khoá X về Chiến lược biển Việt Nam đến năm 2020" cites one document: the strategy is
    what the resolution is about, so a name right after another document's "về" is not a document of its own."""
    about = _ABOUT.search(text, max(0, start - 20), start)
    return about is not None and about.end() == start and about.start() in ends


_VARIANT_NOISE = re.compile(r"[()]|(?<!\w)(?:lần thứ|của Đảng)(?!\w)", re.IGNORECASE)
_NQ = re.compile(r"^NQ(?!\w)", re.IGNORECASE)


def _variant(name: str) -> str:
    """One form of a name cited several ways: "NQ Đại hội lần thứ IX của Đảng", "Nghị quyết Đại hội IX" and
    "Nghị quyết Trung ương 4 (khoá X)" against "… khoá X" are each one document."""
    text = _NQ.sub("nghị quyết", name.strip())
    return " ".join(_VARIANT_NOISE.sub(" ", text).lower().replace("khóa", "khoá").split())


def _abbreviates(short: str, full: str) -> bool:
    """"Luật NSNN" is "Luật Ngân sách nhà nước" and "Luật BHXH" "Luật Bảo hiểm xã hội": the same kind of document,
    its name given by the initials of the other's words."""
    kind, _, acronym = short.partition(" ")
    if not re.fullmatch(r"[A-ZĐ]{2,8}", acronym) or not full.lower().startswith(kind.lower() + " "):
        return False
    words = full[len(kind):].split()
    return "".join(w[0] for w in words).upper().replace("Đ", "D") == acronym.replace("Đ", "D")


_PLENUM_HEAD = re.compile(r"(.*?(?:Trung ương|TƯ|TW|T\.Ư))\s+\d+")
_LISTED_PLENUM = re.compile(r"\s*(?:,|và)\s*(?:Trung ương|TƯ|TW|T\.Ư)\s+(\d+)(?!\w)")
_TERM_AFTER = re.compile(r"\s*,?\s*(\(?(?:khóa|khoá)\s+[IVXL]+\)?)")


def _with_listed_plenums(name: str, text: str, end: int) -> list[str]:
    """"Nghị quyết Trung ương 4, Trung ương 6 và Trung ương 7 khóa XII" cites three resolutions, each of its plenum,
    all of the term named last."""
    head = _PLENUM_HEAD.fullmatch(name)
    numbers = []
    while head and (more := _LISTED_PLENUM.match(text, end)) is not None:
        numbers.append(more.group(1))
        end = more.end()
    if not numbers:
        return [name]
    term = _TERM_AFTER.match(text, end)
    suffix = f" {term.group(1)}" if term else ""
    return [name + suffix, *(f"{head.group(1)} {number}{suffix}" for number in numbers)]
