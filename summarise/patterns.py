"""Regular expressions for event metadata; kept apart so `extract` reads as a flow."""

from __future__ import annotations

import re

from tongket.text.normalize import LOWER, UPPER

_SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Lâm Trịnh Mai Đào Cao Lương Tô Hà "
    "Tạ Chu Quách Trương Lưu Đoàn Thái La Phùng Kiều Châu Tăng Lại Triệu Vương Hứa Giang Thân Khổng Doãn Từ Nông Lò "
    "Đàm Kim Tống Mạc Bế Hầu Diệp Âu Khúc Thạch Lục Quan Tôn Lã Nghiêm Viên Đồng Trịnh Lạc Ninh Tiêu Vi Y Ksor "
    "Rơ Hoàng Phí Mã Chế Cù Quản Đường Lục Kha Thang Uông Khuất Quàng Giàng Sùng Thào Vàng Tòng Điểu Bạch Cấn Chử Đậu "
    "Giáp Ngũ Ứng Yên Mẫn Ngọ Nhữ Sầm Tường Ung Hàn Luân Xa Lăng Lý Lò Hạ Bồ Cái Chương Đái Đới Đổng Hy Kim Lỡ Mầu Nguyên "
    "Phương Sơn Thân Trang Trầm Vĩnh"
).split()
# some sources type the look-alike "Ð" (U+00D0) for "Đ": "Ðào", "Ðặng" are the same surnames
_SURNAMES += [name.replace("Đ", "Ð", 1) for name in _SURNAMES if name.startswith("Đ")]
NAME_WORD = rf"(?![{UPPER}]{{2}})[{UPPER}][\w]*(?:-[{LOWER}]\w*)?"  # "Kim Jong-un" keeps its hyphen; "TNCS" is no name
PERSON = re.compile(rf"(?:{'|'.join(sorted(set(_SURNAMES), key=len, reverse=True))})(?:\s+{NAME_WORD}){{1,3}}(?!\w)")
# countries whose first syllable is also a surname: never a person, and never glued to the name that follows them
COUNTRIES = (
    r"Hàn Quốc|Trung Quốc|Nhật Bản|Thái Lan|Hà Lan|Triều Tiên|Đài Loan|Ấn Độ|Hồng Kông|Ma Cao|Mông Cổ|Tây Ban Nha|"
    r"Bồ Đào Nha|Thụy (?:Sĩ|Điển)"
)
NOT_PEOPLE = re.compile(
    r"^(?:Hà (?:Nội|Tĩnh|Giang|Nam)|Cao Bằng|Lâm Đồng|Hồ Chí Minh|Thái (?:Bình|Nguyên)|Lào Cai|Kim Bảng|Phan Thiết|"
    r"Quan Hóa|Bình Dương|Đồng (?:Nai|Tháp|Hới|Xoài)|Hồ Gươm|Hồ Tây|Hà Đông|Lê Lợi|Trần Phú|Nguyễn Trãi|Lý Thường Kiệt|Kim Mã|"
    r"Tôn Đức Thắng|Phan Đình Phùng|Giang Văn Minh|Võ Văn Kiệt|Lý Sơn|Chu Lai|Văn Miếu|Tây Nguyên|Mai Châu|Châu (?:Á|Âu|Phi|Mỹ|Úc|Đại Dương)(?: - Thái Bình Dương)?|"
    rf"{COUNTRIES})$"
)
PLACES = (
    r"Hà Nội|Hồ Chí Minh|Hà Tĩnh|Hà Giang|Hà Nam|Cao Bằng|Lâm Đồng|Thái Bình|Thái Nguyên|Đồng Nai|Đồng Tháp|"
    r"Bình Dương|Bình Định|Bình Phước|Bình Thuận|Quảng Ninh|Quảng Nam|Quảng Ngãi|Quảng Bình|Quảng Trị|Lào Cai|"
    r"Phú Yên|Phú Thọ|Kiên Giang|Hậu Giang|Tiền Giang|Vĩnh Long|Vĩnh Phúc|Trà Vinh|Long An|Bạc Liêu|Cà Mau|Sơn La|"
    r"Lai Châu|Điện Biên|Hòa Bình|Hoà Bình|Yên Bái|Tuyên Quang|Bắc Giang|Bắc Ninh|Bắc Kạn|Lạng Sơn|Nam Định|Ninh Bình|"
    r"Thanh Hóa|Thanh Hoá|Nghệ An|Thừa Thiên Huế|Đà Nẵng|Khánh Hòa|Khánh Hoà|Ninh Thuận|Gia Lai|Kon Tum|Đắk Lắk|"
    r"Đắk Nông|Tây Ninh|Bến Tre|An Giang|Sóc Trăng|Cần Thơ|Hải Phòng|Hải Dương|Hưng Yên|Bà Rịa|Vũng Tàu|Việt Nam|"
    r"Trung Quốc|Trung ương|Tây Nguyên|Đông Hà|Vinh|Huế|Hạ Long|Nha Trang|Đà Lạt|Buôn Ma Thuột|Quy Nhơn"
)
# the words that follow "Trường" in a school's name ("Trường CĐ Kỹ thuật …"): without one, "Trường" is part of a
# person's name ("Thái Trường Giang"); after them, a person's name is the school's ("Trường THPT Chu Văn An")
SCHOOL_TYPES = (
    r"Đại học|ĐH|Cao đẳng|CĐ|THPT|THCS|PTTH|Tiểu học|Mầm non|Trung học|Trung cấp|Chính trị|Sĩ quan|Quân sự|Công nhân|Dạy nghề|"
    r"Nghề|Bồi dưỡng|Năng khiếu|Nghiệp vụ|Phổ thông|PT|[Cc]huyên|Quốc tế|Đảng|Kỹ thuật|Kinh tế|Cán bộ|Dân tộc|Dân lập|Sư phạm"
)
PLACE_NAME = re.compile(rf"(?:{PLACES})(?!\w)")
PLACE_BEFORE = re.compile(r"(?:tại|tỉnh|thành phố|TP\.?|huyện|xã|phường|quận|đường|phố|thị xã|thị trấn|Bệnh viện|Trường|cầu|sông|đảo)\s*$", re.IGNORECASE)
TITLE_WORDS = (
    "Tổng Bí thư|Chủ tịch nước|Phó Chủ tịch nước|Thủ tướng|Phó Thủ tướng|Thường trực Ban Bí thư|Chủ tịch Quốc hội|"
    "Phó Chủ tịch Quốc hội|Bộ trưởng|Thứ trưởng|Trưởng ban|Trưởng Ban|Phó Trưởng ban|Phó Trưởng Ban|Chủ tịch|Phó Chủ tịch|"
    "Bí thư|Phó Bí thư|Giám đốc|Phó Giám đốc|Tổng Giám đốc|Tổng giám đốc|Tổng Biên tập|Tổng biên tập|Chủ nhiệm|Phó Chủ nhiệm|Viện trưởng|Phó Viện trưởng|Chánh án|"
    "Phó Chánh án|Tư lệnh|Chính ủy|Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|"
    "Tổng Thư ký|Tổng thư ký|Chánh Văn phòng|Cục trưởng|Phó Cục trưởng|Vụ trưởng|Phó Vụ trưởng|Hiệu trưởng|Đại sứ|"
    "Trưởng phòng|Phó Trưởng phòng|Tổng cục trưởng|Ủy viên|Uỷ viên|Đại biểu Quốc hội|Đại biểu|GS\\.?|PGS\\.?|TS\\.?|ThS\\.?"
)
TITLE_BEFORE_NAME = re.compile(rf"(?i:{TITLE_WORDS})\b[^,;:.()“”]{{0,90}}$")
HONORIFIC_BEFORE = re.compile(r"(?:đồng chí|ông|bà|anh|chị|đ/c)\s*$", re.IGNORECASE)
POSITION_AFTER = re.compile(
    rf"^\s*(?:,|-|–|\()\s*((?:(?:{TITLE_WORDS})|Trưởng|Phó|Ủy viên|Uỷ viên|Bí thư|Chủ tịch|Giám đốc|Đại diện|Văn phòng)"
    r"[^;:.()“”]*?)(?=\s*(?:\)|;|:|\.(?:\s|$)|$|,?\s+(?:cho biết|cho rằng|nhấn mạnh|phát biểu|đề nghị|yêu cầu|khẳng định|"
    r"chủ trì|dự và|đã|nêu|báo cáo|trình bày|lưu ý|chỉ đạo|đánh giá|nói|chia sẻ|góp ý|kết luận|"
    r"cùng chủ trì|tham dự|nhận định|giới thiệu|đồng chủ trì|khẳng định|bày tỏ|xác nhận|cho hay|"
    r"trả lời|thừa nhận|tiết lộ|giải thích|ký|vừa|cũng|nhận xét|tổng kết|đọc|trăn trở|lấy|có thể|rằng|kiến nghị|đề xuất|"
    r"thông báo|tuyên bố|phân tích|cảnh báo|kêu gọi|nhắc lại|ghi nhận|biểu dương|hoan nghênh|cảm ơn|chúc mừng|"
    r"mong muốn|hy vọng|lo ngại|băn khoăn|phản ánh|lý giải|chỉ ra|chỉ rõ|đưa ra|tâm sự|công bố|trao|tặng|gửi|là|sẽ|đang|"
    r"được|bị|không|chưa|vẫn|tiếp tục|nhìn nhận|chất vấn|hỏi|đặt câu hỏi|phản hồi|thể hiện|dẫn chứng|bắt đầu)(?!\w)))",
)
# CHAIR and SPEAKER are matched against lower-cased text
CHAIR = re.compile(r"chủ trì|đồng chủ trì|chủ tọa")
SPEAKER = re.compile(
    r"phát biểu|cho biết|cho rằng|nhấn mạnh|đề nghị|yêu cầu|khẳng định|báo cáo|trình bày|lưu ý|chỉ đạo|kết luận|"
    r"góp ý|chia sẻ|nói|đánh giá|nhận định|tham luận",
)

DOC_TYPES = (
    "Nghị quyết|Kết luận|Chỉ thị|Quyết định|Hướng dẫn|Kế hoạch|Nghị định|Thông tư|Chương trình hành động|Công văn|"
    "Thông báo|Quy định|Đề án|Thông tri|Chỉ thị liên tịch|Thông tư liên tịch|Nghị quyết liên tịch|Quy chế|Luật"
)
DOCUMENT = re.compile(
    rf"\b({DOC_TYPES})\s+(?:số\s+)?(\d{{1,5}}(?:[/-][\wĐđ]+(?:[/-][\wĐđ]+)*)?)(?![\w/-])"
    r"(?:\s*(?:ngày\s+\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{4}))?",
)
LAW = re.compile(rf"\bLuật\s+((?:[{UPPER}][\w]*|và|các|đầu|tư)(?:\s+[\w]+){{0,5}}?)\s+(?:năm\s+)?(\d{{4}})\b")

DASH = r"\s*[-–—]\s*"
# "từ năm 2011 đến nay", "từ tháng 1-2017 đến tháng 6-2018", "từ sau Đại hội XII đến nay": a span up to now or to a date
_WHEN = r"(?:năm\s+\d{4}|tháng\s+\d{1,2}(?:\s*[/-]\s*\d{4}|\s+năm\s+\d{4})?|(?:ngày\s+)?\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{4})"
SINCE = (
    rf"từ\s+(?:{_WHEN}|(?:sau\s+)?Đại hội\s+(?:Đảng\s+)?(?:toàn quốc\s+)?(?:lần thứ\s+)?[IVXL]+(?:\s+của Đảng)?)"
    rf"\s+(?:đến nay|tới nay|đến\s+{_WHEN})"
)
# a parliament's session ("kỳ họp thứ 7, Quốc hội khóa XIV"): the period only when reviewed (see `extract._period`)
SESSION = r"kỳ họp thứ\s+(?:\d+|[IVXL]+|\w+)(?:\s*,?\s+Quốc hội\s+(?:khóa|khoá)\s+[IVXL]+)?"
# "3 năm thực hiện Luật Tiếp công dân", "10 năm triển khai đổi mới doanh nghiệp": a span of carrying something out,
# named by what follows up to the clause's end (the forms with a resolution's or numbered document's name come first)
CARRYING_OUT = (
    r"(?:(?:gần|hơn)\s+)?(?:\d+|một|hai|ba|bốn|năm|mười)\s+năm\s+(?:thực hiện|triển khai|thi hành)"
    r"(?:\s+(?!(?:trên|tại|vào|ngày|sáng|chiều|do|đã|được|của|cho|và|với|đến)(?!\w))[\w&/-]+){1,10}"
)
PERIOD = re.compile(
    rf"(?:(?:\d{{1,2}}|sáu|chín|bảy|tám)\s+tháng\s+(?:đầu\s+|cuối\s+)?năm(?:\s+\d{{4}})?(?!\w)|"
    rf"qu[ýí]\s+[IV1-4]+\s*(?:/|-|năm)\s*\d{{4}}|"
    rf"năm học\s+\d{{4}}{DASH}\d{{4}}|nhiệm kỳ\s+\d{{4}}{DASH}\d{{4}}|giai đoạn\s+\d{{4}}{DASH}\d{{4}}|"
    rf"(?:(?:gần|hơn)\s+)?(?:\d+|một|hai|ba|năm|mười)\s+năm\s+(?:thực hiện|triển khai)\s+(?:Nghị quyết|Chỉ thị|Kết luận|Quy định)\s+"
    rf"(?:Đại hội\s+(?:Đảng\s+)?(?:toàn quốc\s+)?(?:lần thứ\s+)?[IVXL]+|Trung ương\s+\d+(?:\s+(?:khóa|khoá)\s+[IVXL]+)?)(?:\s+của Đảng)?|"
    rf"nửa nhiệm kỳ(?:\s+thực hiện\s+Nghị quyết\s+Đại hội\s+(?:Đảng\s+)?(?:toàn quốc\s+)?(?:lần thứ\s+)?[IVXL]+(?:\s+của Đảng)?)?|"
    rf"từ đầu nhiệm kỳ(?:\s+đến nay)?|"
    rf"{SINCE}|{SESSION}|"
    rf"năm\s+\d{{4}}|(?:\d+|một|hai|ba|năm|mười)\s+năm\s+(?:thực hiện|triển khai)\s+(?:{DOC_TYPES})(?:\s+số)?\s+\d+[\w/-]*|"
    rf"{CARRYING_OUT})",
    re.IGNORECASE,
)
# the same, for lower-cased text (its match spans are the original text's)
PERIOD_LOWER = re.compile(PERIOD.pattern.lower())
ATTENDANCE = re.compile(
    r"(?:(?:gần|khoảng|hơn|trên|gần\s+\d+\s*\.?\s*)\s+)?\d{1,3}(?:[.,]\d{3})*\s+(?:đại biểu|người|cán bộ|thành viên|"
    r"điểm cầu|học viên|doanh nghiệp|đảng viên|hội viên|đoàn viên)\b(?:\s+(?:là|gồm|đại diện)[^.;]{0,120})?",
    re.IGNORECASE,
)
# matched against lower-cased text as whole words with `has_word`: case-insensitive alternations, and patterns that
# open with \b, are several times slower in `re` than a plain literal search
EVENT_TYPES = (
    ("đại hội", re.compile(r"đại hội")),
    ("tổng kết", re.compile(r"tổng kết")),
    ("sơ kết", re.compile(r"sơ kết")),
    ("giao ban", re.compile(r"giao ban")),
    ("triển khai", re.compile(r"(?:triển khai|quán triệt|phổ biến)")),
    ("hội thảo", re.compile(r"(?:hội thảo|tọa đàm|toạ đàm|diễn đàn)")),
    ("phỏng vấn", re.compile(r"(?:phỏng vấn|trả lời phóng viên|trao đổi với phóng viên)")),
    ("đánh giá", re.compile(r"đánh giá (?:công tác|kết quả|tình hình)")),
    ("hội nghị", re.compile(r"hội nghị")),
)
EVENT_WORD = re.compile(r"hội nghị|đại hội|hội thảo|tọa đàm|toạ đàm|lễ|phiên họp|cuộc họp|buổi làm việc|diễn đàn")
DAY_MONTH = re.compile(
    r"(?:(?:sáng|chiều|tối|trưa)(?:\s+nay)?\s*,?\s*(?:ngày\s+)?|ngày\s+|hôm\s+nay\s*,?\s*)"
    r"(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?",
    re.IGNORECASE,
)
FULL_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)")
WORD_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?", re.IGNORECASE)
ORGANIZER = re.compile(
    r"(?:^|,\s*|\.\s+)((?:Ban|Bộ|Ủy ban|UBND|Sở|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy|Đảng bộ|Hội|Liên đoàn|Trung ương|Tổng cục|Cục|Văn phòng|Ngân hàng|Tòa án|Viện|Công an|Bộ Chỉ huy|Mặt trận|Đoàn|Hội đồng|Chính phủ|Quốc hội|Trường|Đài|Báo|Thông tấn|Tập đoàn|Tổng công ty|Kho bạc|Bảo hiểm)"
    r"[^,.;:]{2,200}?)\s+(?:đã\s+|vừa\s+)?(?:long trọng\s+)?tổ chức\b",
)
ORGANIZED_BY = re.compile(r"\bdo\s+([^,.;]{3,160}?)\s+(?:chủ trì,?\s*)?tổ chức\b")
LOCATION = re.compile(
    rf"\b[Tt]ại\s+(?!(?:[Hh]ội nghị|[Hh]ội thảo|[Đđ]ại hội|buổi|lễ|[Pp]hiên|cuộc|đây|đó|chỗ)\b)((?:trụ sở|hội trường|nhà văn hóa|nhà văn hoá|trung tâm|khách sạn|cung|trường|điểm cầu|văn phòng)?\s*"
    rf"(?:TP\.\s*|Tp\.\s*|(?i:thành phố|tỉnh|huyện|thị xã|quận|xã|phường)\s+)?[{UPPER}][\w.]*(?:\s+(?:[{UPPER}][\w.]*|-|–|và|\d+))*)"
)


def has_word(pattern: re.Pattern[str], text: str) -> bool:
    """Whether `pattern` matches `text` as whole words, as `\\b…\\b` would, at the speed of a literal search."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        start, end = match.span()
        if (start == 0 or not _word_char(text[start - 1])) and (end == len(text) or not _word_char(text[end])):
            return True
        position = start + 1
    return False


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"
