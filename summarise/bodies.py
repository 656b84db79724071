"""Who held the event and where: the organising body and the place, read from the event sentence, the title and the lead.

Real reports name the organiser in many ways: as the subject of the event sentence ("Sáng 9/5,
Thường vụ Quốc hội cho ý kiến…"), after "do … tổ chức", inside the event's name ("Hội nghị lần
thứ 8 Ban Chấp hành Trung ương Đảng khóa XII", "phiên họp của Ủy ban Thường vụ Quốc hội"), as the
body whose report the article summarises, or only through the chair's position ("Trưởng ban
Chỉ đạo …", "Bộ trưởng Bộ Y tế", the Prime Minister chairing for the Government). Some name only
the sector reviewed ("tổng kết ngành y tế"), whose ministry holds the review; failing everything,
the body the headline and lead name most is the one the article is about. Names run to the first
verb or punctuation mark, so "Trụ sở Chính phủ" and "Ngân hàng Nhà nước" stay whole.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from tongket.summarise.patterns import PLACES as P_PLACES, SCHOOL_TYPES
from tongket.text.normalize import LOWER, UPPER

__all__ = ["organizer", "place", "BODY_HEAD", "body_names", "clean_body"]

BODY_HEAD = (
    r"(?:Ban Chấp hành Trung ương(?: Đảng)?|Bộ Chính trị|Ban Bí thư|Ủy ban Thường vụ Quốc hội|Uỷ ban Thường vụ Quốc hội|"
    r"UBTVQH|Thường vụ Quốc hội|Ban Thường vụ|Ban cán sự(?: Đảng)?|Ban Chỉ đạo|Ban chỉ đạo|BCĐ|Ban|Bộ Chỉ huy|Bộ Tư lệnh|"
    r"Bộ|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Sở|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Quận ủy|Quận uỷ|"
    r"Đảng ủy|Đảng uỷ|Đảng bộ|Đảng đoàn|Hội|Chi hội|Hiệp hội|Liên hiệp|Liên đoàn|LĐLĐ|Công đoàn|Trung ương Đoàn|Đoàn|"
    r"Tổng cục|Cục|Vụ|Văn phòng|Ngân hàng|Tòa án|Toà án|TAND|Viện kiểm sát|Viện Kiểm sát|VKSND|Viện|Học viện|Công an|"
    r"Mặt trận|MTTQ|Quân ủy|Quân uỷ|[Cc]hính phủ|Quốc hội|Thanh tra|Kiểm toán|Kho bạc|Bảo hiểm|Tập đoàn|Tổng công ty|Công ty|"
    rf"Trường(?=\s+(?:{SCHOOL_TYPES}))|Đại học|Đài(?! Loan)|Báo|Tạp chí|Thông tấn xã|Hãng|Liên minh|Trung tâm)"
)
_NAME_WORD = rf"(?:[{UPPER}\d][\w&-]*(?:\.(?=[{UPPER}])[\w&-]+)?\.?|&)"
# "Đại hội đảng bộ Hà Nội": a Party committee or organisation written in lower case is whole, not "bộ Hà Nội"
_HEAD_LOWER = r"(?:đảng bộ|đảng ủy|đảng uỷ|ban|bộ|sở|ủy ban|uỷ ban|viện|cục|tổng cục|báo|đài|hội đồng|thành ủy|thành uỷ|tỉnh ủy|tỉnh uỷ)"
# lower-case words that occur inside the names of bodies ("Bộ Nông nghiệp và phát triển nông thôn")
_IN_NAME = (
    r"(?:nhân dân|tỉnh|thành phố|huyện|quận|xã|phường|thị xã|thị trấn|trung ương|nhà nước|quốc gia|quốc tế|về|và|phòng|"
    r"chống|tham nhũng|chỉ đạo|tuyên giáo|dân vận|kiểm tra|thường vụ|thường trực|chấp hành|cán bộ|đảng bộ|đảng|công an|quân sự|"
    r"xã hội|phát triển|nông thôn|nông nghiệp|môi trường|tài nguyên|giáo dục|đào tạo|y tế|tư pháp|nội vụ|ngoại giao|"
    r"tài chính|đầu tư|công thương|xây dựng|giao thông|vận tải|thông tin|truyền thông|lao động|thương binh|văn hóa|"
    r"văn hoá|thể thao|du lịch|khoa học|công nghệ|hội nhập|an toàn|kinh tế|cấp cao|tối cao|hành chính|thi đua|"
    r"khen thưởng|bầu cử|mặt trận|tổ quốc|thanh niên|phụ nữ|nông dân|cựu chiến binh|luật gia|nhà báo|liên hiệp|"
    r"chính trị|lý luận|pháp luật|pháp lý|kiểm sát|an ninh|cảnh sát|điều tra|thanh tra|dân nguyện|đối ngoại|"
    r"tài chính|ngân sách|pháp chế|tổng hợp|điện lực|dầu khí|bóng đá|cây xanh|môi trường đô thị|thế giới|"
    r"cộng sản|quốc phòng|biên phòng|hải quan|thuế|kho bạc|bảo hiểm|dân tộc|tôn giáo|công tác|đổi mới|doanh nghiệp|thiên tai|"
    r"tìm kiếm|cứu nạn|cải cách|chương trình|mục tiêu|giảm nghèo|bền vững|dân số|gia đình|trẻ em|bình đẳng giới|"
    r"phòng cháy|chữa cháy|vệ sinh|thực phẩm|dịch bệnh|biên giới|tuyên truyền|hội nhập quốc tế|quy chế dân chủ|cơ sở)"
)
# words that begin the predicate after a body's name, or a time/place phrase: the name stops before them
_STOP = (
    r"(?:tổ chức|đã|vừa|sẽ|đang|cho ý kiến|cho biết|họp|khai mạc|bế mạc|tổng kết|sơ kết|triển khai|làm việc|chủ trì|"
    r"phối hợp|tiến hành|ban hành|công bố|thông qua|nghe|xem xét|thảo luận|có|là|được|tại|với|vào|sáng|chiều|tối|trưa|"
    r"ngày|hôm|trong|nhằm|để|theo|nhấn mạnh|yêu cầu|đề nghị|báo cáo|kiểm điểm|đánh giá|giao ban|long trọng|"
    r"chính thức|diễn ra|do|lần thứ|khóa|khoá|nhiệm kỳ|năm|từ|đến|trước|sau|này|đó|cũng|mới|vẫn|còn|"
    r"nhận|gửi|phát biểu|kết luận|quyết định|chỉ đạo|thống nhất|trao|tặng|ra|về việc|trực tuyến|toàn quốc|thường kỳ|"
    r"cho rằng|cho hay|khẳng định|nói|chia sẻ|thừa nhận|lưu ý|trả lời|ký|vừa qua|hiện nay|nêu|chỉ ra|chỉ rõ|chuẩn bị|tuyên bố|cảnh báo|phát động|ký kết|dự kiến|dự định|cần|phải|tiếp tục|đề xuất|kiến nghị|đạt|hoàn thành|ghi nhận|"
    r"(?:hồi\s+)?(?:đầu|cuối|giữa)\s+(?:tuần|tháng|quý|năm)|hồi\s+(?:tuần|tháng|quý|năm)|(?:trung|thượng|hạ)\s+tuần|"
    r"(?<!\d )tuần\s+(?:trước|qua|này|tới)|(?<!\d )(?:tháng|quý)(?=\s+\d))"
)
# a capitalised syllable may carry up to two lower-case ones: "Chính phủ", "Giáo dục", "Trung ương"
_CAPITAL_WORD = rf"{_NAME_WORD}(?:\s+(?!{_STOP}(?!\w))[{LOWER}][\w]*){{0,2}}"
_BODY = (
    rf"(?:(?<!Tây )(?<!tây ){BODY_HEAD}(?!\w)(?<!Hội(?= nghị| thảo| trường| viên))|(?<!\w)(?<!trụ )(?<!Trụ ){_HEAD_LOWER}(?=\s+[{UPPER}]))"
    rf"(?:\s+(?:{_CAPITAL_WORD}|{_IN_NAME}(?!\w))|\s[-–]\s(?:{_CAPITAL_WORD}|{_IN_NAME}(?!\w)))*"
)
_END = rf"(?=\s*(?:[,.;:()“”\"!?]|$|\s(?:{_STOP})\b))"
_ORGANISED = re.compile(rf"(?:^|[,.;:]\s*|\s)((?:{_BODY})(?:\s*(?:,|và|phối hợp với|cùng)\s*{_BODY})*){_END}(?:\s*\([^()]{{1,25}}\))?\s*"
                        rf"(?:đã\s+|vừa\s+|long trọng\s+|chính thức\s+)*(?:tổ chức|phối hợp tổ chức|khai mạc|họp|cho ý kiến|"
                        rf"tổng kết|sơ kết|triển khai|tiến hành|ra mắt)\b")
_ORGANISED_WITH = re.compile(
    rf"(?:^|[,.;:]\s*|\s)((?:{_BODY})){_END}\s*(?:đã\s+|vừa\s+)?phối hợp với[^.;]{{0,120}}?(?:,\s*)?tổ chức\b"
)
_LOCALITY_BEFORE = re.compile(r"(?:tỉnh|thành phố|TP\.?|huyện|quận|xã|phường|thị xã|thị trấn)\s*$", re.IGNORECASE)
# wards and communes are named after people ("phường Nguyễn Thái Bình"); a city or province of three syllables
# that start with a surname is a person ("UBND TP Nguyễn Thế Hùng") unless it is a known place ("TP Hồ Chí Minh")
_CITY_BEFORE = re.compile(r"(?<!\w)(?:tỉnh|thành phố|TP\.?)\s*$", re.IGNORECASE)
# a locality word and one syllable of its name: the next syllable still belongs to the name ("quận Nam Từ Liêm")
_LOCALITY_WORD_BEFORE = re.compile(rf"(?i:tỉnh|thành phố|TP\.?|huyện|quận|xã|phường|thị xã|thị trấn)\s+[{UPPER}][{LOWER}]+\s*$")  # not "TP HCM"
_BETWEEN = re.compile(rf"\bgiữa\s+((?:{_BODY})){_END}\s+với\b")
_CENTRAL_PLENUM = re.compile(r"Hội nghị (?:lần thứ \w+ )?(?:[Bb]an [Cc]hấp hành )?Trung ương(?: Đảng)?(?: lần thứ)? \d+|Hội nghị Trung ương \d+")
_QUESTION_TIME = re.compile(r"chất vấn|kỳ họp thứ \w+|phiên (?:họp )?toàn thể", re.IGNORECASE)
_MINISTER_OF = re.compile(rf"(?:Phó )?[Bb]ộ trưởng (?:Bộ )?((?:{_CAPITAL_WORD})(?:\s+(?:và|{_CAPITAL_WORD}))*)")
_HEAD_OF_BAN = re.compile(rf"(?:[Pp]hó )?[Tt]rưởng ban(?: thường trực)?\s+(?:[Bb]an\s+)?((?:{_CAPITAL_WORD})(?:\s+(?:{_CAPITAL_WORD}|{_IN_NAME}(?!\w)|,\s*chống))*)")
_HEAD_OF_STEERING = re.compile(
    rf"[Tt]rưởng [Bb]an [Cc]hỉ đạo\s+((?:{_CAPITAL_WORD}|{_IN_NAME}(?!\w))(?:\s+(?:{_CAPITAL_WORD}|{_IN_NAME}(?!\w))|,\s*chống)*)"
)
_PRIME_MINISTER_CHAIRS = re.compile(
    rf"(?<![Pp]hó )Thủ tướng(?:\s+Chính phủ)?(?:\s+[{UPPER}]\w*){{0,4}},?\s+(?:đã\s+|vừa\s+)?(?:chủ trì|kết luận|phát biểu kết luận)"
    rf"|(?i:kết luận) (?i:hội nghị|phiên họp|cuộc họp)[^.;]{{0,120}}?(?<![Pp]hó )Thủ tướng"
)
_MEETING = re.compile(r"hội nghị|phiên họp|cuộc họp|giao ban|tổng kết|sơ kết")
# sectors whose reviews their ministry or Party commission holds
_SECTOR_BODIES = [
    (re.compile(sector.lower()), body)
    for sector, body in (
        (r"phòng,? chống tham nhũng", "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng"),
        (r"công tác tổ chức xây dựng Đảng|ngành tổ chức xây dựng Đảng", "Ban Tổ chức Trung ương"),
        (r"công tác tuyên giáo|ngành tuyên giáo", "Ban Tuyên giáo Trung ương"),
        (r"công tác dân vận", "Ban Dân vận Trung ương"),
        (r"công tác nội chính", "Ban Nội chính Trung ương"),
        (r"công tác kiểm tra,? giám sát", "Ủy ban Kiểm tra Trung ương"),
        (r"ngành (?:y tế|y)\b", "Bộ Y tế"),
        (r"ngành giáo dục|ngành GD", "Bộ Giáo dục và Đào tạo"),
        (r"ngành tư pháp", "Bộ Tư pháp"),
        (r"ngành nội vụ", "Bộ Nội vụ"),
        (r"ngành lao động|ngành LĐTBXH", "Bộ Lao động - Thương binh và Xã hội"),
        (r"ngành thương mại|hội nghị thương mại", "Bộ Thương mại"),
        (r"ngành công thương", "Bộ Công Thương"),
        (r"ngành tài chính", "Bộ Tài chính"),
        (r"ngành ngân hàng", "Ngân hàng Nhà nước"),
        (r"ngành nông nghiệp|ngành NN", "Bộ Nông nghiệp và Phát triển nông thôn"),
        (r"ngành tài nguyên", "Bộ Tài nguyên và Môi trường"),
        (r"ngành giao thông", "Bộ Giao thông vận tải"),
        (r"ngành xây dựng", "Bộ Xây dựng"),
        (r"ngành công an|lực lượng công an", "Bộ Công an"),
        (r"ngành văn hóa|ngành văn hoá|ngành du lịch", "Bộ Văn hóa, Thể thao và Du lịch"),
        (r"ngành kế hoạch(?:,? và)? đầu tư", "Bộ Kế hoạch và Đầu tư"),
        (r"ngành khoa học", "Bộ Khoa học và Công nghệ"),
        (r"ngành thông tin và truyền thông|ngành TT&TT", "Bộ Thông tin và Truyền thông"),
        (r"ngành thuế", "Tổng cục Thuế"),
        (r"ngành hải quan", "Tổng cục Hải quan"),
        (r"ngành kiểm sát", "Viện kiểm sát nhân dân tối cao"),
        (r"ngành tòa án|ngành toà án", "Tòa án nhân dân tối cao"),
        (r"ngành thanh tra|công tác thanh tra", "Thanh tra Chính phủ"),
        (r"ngành bảo hiểm xã hội|ngành BHXH", "Bảo hiểm xã hội Việt Nam"),
        (r"ngành thống kê", "Tổng cục Thống kê"),
    )
]
# heads that name no body on their own
_GENERIC = {"Tập đoàn", "Tổng công ty", "Công ty", "Ngân hàng", "Văn phòng", "Hội đồng", "Ủy ban", "Uỷ ban", "Trung tâm", "Ban Chỉ đạo",
            "Ban chỉ đạo", "Ban Thường vụ", "Đại học", "Học viện"}
_ORGANISED_BY = re.compile(rf"\bdo\s+((?:{_BODY})(?:\s*(?:,|và|phối hợp với)\s*{_BODY})*){_END}\s*(?:chủ trì,?\s*)?(?:phối hợp\s+)?tổ chức\b")
# a congress named inside a resolution's name ("Nghị quyết Đại hội Đảng bộ tỉnh") is not the event
_OF_EVENT = re.compile(
    rf"(?<!(?i:quyết) )(?<!NQ )(?i:hội nghị|đại hội|phiên họp|kỳ họp|cuộc họp|buổi họp|hội thảo)(?:\s+(?i:lần thứ|thứ)\s+[\w]+|\s+(?i:đại biểu|toàn quốc|"
    rf"tổng kết|sơ kết|trực tuyến|thường kỳ|giao ban|toàn thể)+)*\s+(?:(?:của|giữa)\s+)?((?:{_BODY})){_END}"
)
# the body a report is by; "của" after a document's name ("kết quả thực hiện Nghị quyết số 33 của Quốc hội") is the document's
_REPORT_OF = re.compile(
    rf"(?i:báo cáo|kết quả)(?:(?!(?i:nghị quyết|chỉ thị|kết luận|quyết định|kế hoạch|chương trình|đề án|luật|nghị định|"
    rf"thông tư|quy định|chiến lược)(?!\w))[^.;:]){{0,40}}?\s(?:của|mà)\s+((?:{_BODY})){_END}"
)
# "tại hội nghị sản xuất kinh doanh năm 2016 của Tổng công ty …": a meeting named by its subject, then whose it is;
# after a document's name ("tổng kết Chỉ thị của Bộ Chính trị") the body is the document's
_OF_EVENT_ON = re.compile(
    r"(?i:hội nghị|phiên họp|cuộc họp|hội thảo)(?:\s+(?!(?i:của|do|với|tại|và|nghị quyết|chỉ thị|kết luận|quyết định|kế hoạch|"
    r"chương trình|đề án|luật|nghị định|thông tư|quy định|chiến lược)(?!\w))[^\s.;:,“”\"()]+){1,8}?"
    rf"\s+của\s+((?:{_BODY})){_END}"
)
_CHAIR_BODY = re.compile(
    rf"(?:[Tt]rưởng|[Pp]hó [Tt]rưởng|[Bb]í thư|[Pp]hó [Bb]í thư|[Cc]hủ tịch|[Pp]hó [Cc]hủ tịch|[Bb]ộ trưởng|[Tt]hứ trưởng|"
    rf"[Gg]iám đốc|[Pp]hó [Gg]iám đốc|[Tt]ổng [Gg]iám đốc|[Cc]hủ nhiệm|[Vv]iện trưởng|[Cc]hánh án|[Tt]ổng cục trưởng|"
    rf"[Cc]ục trưởng)\s+((?:{_BODY})){_END}"
)
# each pattern with what it cannot match without, looked for in the lower-cased sentence first: the patterns open
# with look-behinds and long alternations, so scanning a sentence that lacks the word costs them the most
_ORGANISING = (
    (_ORGANISED, re.compile(r"tổ chức|khai mạc|họp|cho ý kiến|tổng kết|sơ kết|triển khai|tiến hành|ra mắt")),
    (_ORGANISED_WITH, re.compile("phối hợp với")),
    (_ORGANISED_BY, re.compile("tổ chức")),
)
_NAMING_THE_EVENT = (
    (_OF_EVENT, re.compile("hội nghị|đại hội|phiên họp|kỳ họp|cuộc họp|buổi họp|hội thảo")),
    (_BETWEEN, re.compile("giữa")),
    (_OF_EVENT_ON, re.compile("hội nghị|phiên họp|cuộc họp|hội thảo")),
)
_REPORTING = ((_REPORT_OF, re.compile("báo cáo|kết quả")),)
_CHAIRING = ((_CHAIR_BODY, re.compile("trưởng|bí thư|chủ tịch|giám đốc|chủ nhiệm|chánh án")),)
_BODY_NAME = re.compile(rf"{_BODY}{_END}")
_TRAILING_WORDS = re.compile(rf"(?:\s+(?:{_STOP}|và|về|của|cùng|,))+$")
_PLACE_HEAD = (
    r"(?:trụ sở|hội trường|nhà văn hóa|nhà văn hoá|nhà hát|trung tâm|khách sạn|cung|trường|điểm cầu|văn phòng|thủ đô|"
    r"huyện|tỉnh|thành phố|thị xã|quận|xã|phường|thị trấn|sân vận động|TP\.?|Tp\.?)"
)
_LOCALITY = rf"(?:(?i:tỉnh|thành phố|TP\.?|quận|huyện|thị xã)\s*(?:{_CAPITAL_WORD})(?:\s+{_CAPITAL_WORD})*|{P_PLACES})"
_PLACE = re.compile(
    rf"(?<!\w)(?<!tồn )(?<!Tồn )tại\s+(?!(?i:hội nghị|hội thảo|đại hội|buổi|lễ|phiên|cuộc|kỳ họp|đây|đó|chỗ|chức|vị|địa phương|cơ sở|các|nhiều|"
    rf"một|những|tòa|toà|tỉnh này|thành phố này)\b)"
    rf"((?:(?i:{_PLACE_HEAD})\s*)*(?![\d])(?:{_CAPITAL_WORD})(?:\s+(?:{_CAPITAL_WORD}|-|–|\d+|và\s+{_CAPITAL_WORD}))*"
    rf"(?:\s*,\s*{_LOCALITY}(?=[\s,.;)]|$))?"
    rf"(?:\s*\((?i:tỉnh|thành phố|TP\.?)\s+[^)]{{2,30}}\))?)"
)
# a person, the country as a whole, or a competition ("tại Tiger Cup", "tại V-League 2005") is no meeting's place
_BAD_PLACE = re.compile(r"^(?:(?:Việt Nam|VN|Hội|Ông|Bà|Đồng chí|Giải)\b|.*(?<!\w)(?:Cup|League|Games|Olympic|Championship)(?!\w))")
# A place name may carry lower-case syllables ("Trung tâm Hội nghị quốc gia"), but never an adverb or a connective:
# "tại Hà Nội vẫn còn …", "tại VN hiện quá cao" end the place before them.
_PLACE_TAIL = re.compile(
    r"\s+(?:(?<!thực )(?<!phát )(?<!thể )hiện|quá|rất|lại|(?<![Hh]àng )không|chưa|cần|phải|khi|nên|thì|mà|nhưng|"
    r"song|bị|đều|luôn|vẫn|còn|đã|đang|sẽ|cũng|hay|xuất hiện|diễn ra)(?!\w).*$"
)
# the same for a body, and the verbs that follow one in news: "Sở TN - MT chuẩn bị …", "Bộ Quốc phòng Mỹ tuyên bố"
_BODY_TAIL = re.compile(
    rf"{_PLACE_TAIL.pattern}|\s+(?:tuyên bố|cảnh báo|chuẩn bị|thực hiện|giao cho|đưa|cho thấy|"
    r"(?<![Vv]ấn )(?<![Tt]iêu )đề|lần|vì|hồi|một)(?!\w).*$"
)
_OPEN_CONNECTIVE = re.compile(r"\s+(?:và|hoặc)$")
_HEAD_AND = re.compile(r"^\S+\s+(?:và|của|với|cùng)\s")
# a name may stop inside a two-syllable word ("tại Trung tâm Hội nghị quốc | gia"): it takes the word's second half
_SPLIT_WORD = re.compile(
    r"(?<=\squốc) (?:gia|tế)(?!\w)|(?<=\snhân) dân(?!\w)|(?<=\sthanh) niên(?!\w)|(?<=\svăn) ho[áà]a?(?!\w)|"
    r"(?<=\sthể) thao(?!\w)|(?<=\shội) nghị(?!\w)|(?<=\sdu) lịch(?!\w)|(?<=\sbáo) chí(?!\w)|(?<=\sđào) tạo(?!\w)|"
    r"(?<=\snghị) quốc (?:gia|tế)(?!\w)"
)


def clean_body(name: str) -> str:
    """A body's name without trailing connectives, clause words or a person's name: "Quốc hội đã" → "Quốc hội",
    "Bộ Y tế Nguyễn Văn An" → "Bộ Y tế"."""
    from tongket.summarise.patterns import PERSON, PLACE_NAME

    person, start = None, 0
    while (found := PERSON.search(name, start)) is not None:
        place = PLACE_NAME.match(found.group(0))
        if place:  # "Thành ủy Hà Nội Hoàng Trung Hải": the name may start right after the place
            start = found.start() + place.end()
            continue
        before, words = name[: found.start()], found.group(0).split()
        if _LOCALITY_WORD_BEFORE.search(before) and len(words) >= 2:
            # "quận Nam | Từ Liêm", "huyện Gia | Lâm Lê Văn Bình": the locality's last syllable is a surname too;
            # the person, if any, starts after it
            start = found.start() + len(words[0])
            continue
        if found.start() > 0 and len(words) >= 2 and (
            not _LOCALITY_BEFORE.search(before) or (len(words) >= 3 and _CITY_BEFORE.search(before))
        ):
            person = found
            break
        start = found.end()
    if person is not None:
        name = name[: person.start()]
    elif PERSON.fullmatch(name.strip(" ,.;:-–")):  # "Đoàn Thị Trung": the head word is a surname here
        return ""
    name = _TRAILING_WORDS.sub("", _BODY_TAIL.sub("", name).strip(" ,.;:-–"))
    if _HEAD_AND.match(name):  # "Bộ và Lâm Đồng": a bare head word joined to something else names no body
        return ""
    name = name.strip(" ,;:-–")
    return name[:1].upper() + name[1:]  # "ban Nội chính Trung ương", written so in a sentence, is a name


def body_names(text: str) -> list[str]:
    """Every body named in `text`, in order."""
    return [clean_body(m.group(0)) for m in _BODY_NAME.finditer(text)]


def _first(
    rules: Sequence[tuple[re.Pattern[str], re.Pattern[str]]], sentences: Sequence[str], lowered: dict[str, str]
) -> str | None:
    """The first body a rule finds; each rule is a pattern and the word it cannot match without, looked for in
    `lowered` (each sentence lower-cased once for all the rules)."""
    for sentence in sentences:
        lower = lowered[sentence]
        for pattern, needed in rules:
            if not needed.search(lower):
                continue
            match = pattern.search(sentence)
            if match:
                name = clean_body(match.group(1))
                if len(name.split()) >= 1 and name not in ("Ban", "Bộ", "Hội", "Sở", "Cục", "Vụ", "Đoàn", "Viện"):
                    return name
    return None


def organizer(event_sentences: Sequence[str], lead_sentences: Sequence[str], titles: Sequence[str]) -> str | None:
    """The organising body, from the strongest evidence available.

    `event_sentences` are the sentences that report the event (the dated one first),
    `lead_sentences` the first sentences of the body, `titles` the headline(s).
    """
    everything = [*event_sentences, *lead_sentences, *titles]
    if any(_holds_plenum(s) for s in everything[:6]):
        return "Ban Chấp hành Trung ương Đảng"
    lowered = {sentence: sentence.lower() for sentence in everything}
    found = _first(_ORGANISING, event_sentences + lead_sentences, lowered)
    found = found or _first(_NAMING_THE_EVENT, everything, lowered)
    found = found or _first(_REPORTING, lead_sentences, lowered)
    if found is None and any(_QUESTION_TIME.search(s) for s in event_sentences[:2]) and any("Quốc hội" in s for s in everything):
        return "Quốc hội"
    if found is None and any(_PRIME_MINISTER_CHAIRS.search(s) for s in event_sentences + lead_sentences[:3]):
        return "Chính phủ"  # the chair's own words outweigh the posts of those who attend
    found = found or _first(_CHAIRING, event_sentences + lead_sentences, lowered)
    found = found or _minister_body([*event_sentences, *lead_sentences, *titles])
    found = found or _sector_body([lowered[s] for s in event_sentences + lead_sentences[:3]])
    return found or _most_named([*titles, *event_sentences[:3], *lead_sentences[:6]])


def _holds_plenum(sentence: str) -> bool:
    """A sentence about a Central Committee plenum held now, not one named in a resolution's title ("Nghị quyết
    số 05, Hội nghị Trung ương 4") or one still to come ("Hội nghị Trung ương 9 sắp tới")."""
    for match in _CENTRAL_PLENUM.finditer(sentence):
        before = sentence[max(0, match.start() - 30) : match.start()].lower()
        after = sentence[match.end() : match.end() + 40].lower()
        if not (_DOCUMENT_BEFORE.search(before) or _AHEAD.search(after) or before.rstrip().endswith(("trình", "tới"))):
            return True
    return False


_DOCUMENT_BEFORE = re.compile(r"(?:nghị quyết|kết luận|nq)(?:\s+số\s+[\w/-]+)?[\s,]*(?:của\s+)?$")
_AHEAD = re.compile(r"^(?:[^.;]{0,25}\s)?(?:sắp tới|tuần tới|tháng tới|sắp diễn ra)(?!\w)")


def _sector_body(lowered: Sequence[str]) -> str | None:
    """The body that holds a sector's own review ("hội nghị tổng kết ngành y tế" → "Bộ Y tế"), when the event's
    name gives only the sector; `lowered` are the event's sentences, lower-cased."""
    for lower in lowered:
        if not _MEETING.search(lower):
            continue
        named = [(found.start(), body) for pattern, body in _SECTOR_BODIES if (found := pattern.search(lower))]
        if named:  # "tổng kết công tác thanh tra … trên các lĩnh vực phòng, chống tham nhũng": the first is reviewed
            return min(named, key=lambda item: item[0])[1]
    return None


def _most_named(sentences: Sequence[str]) -> str | None:
    """The body the title and the lead name most often, first named first among equals: with no sentence saying
    who held the event, the article is about that body's meeting or report."""
    named: dict[str, list[str]] = {}  # the event sentences are lead sentences too: read each once
    counts: Counter[str] = Counter()
    for sentence in sentences:
        if sentence not in named:
            named[sentence] = [n for n in body_names(sentence) if len(n.split()) >= 2 and n not in _GENERIC]
        counts.update(named[sentence])
    return counts.most_common(1)[0][0] if counts else None


def _minister_body(sentences: Sequence[str]) -> str | None:
    """The body a speaking minister or head of a committee leads: "Bộ trưởng Y tế …" → "Bộ Y tế"."""
    for sentence in sentences:
        match = _MINISTER_OF.search(sentence)
        if match and (body := clean_body("Bộ " + match.group(1))) != "Bộ":  # "Bộ trưởng Phùng Xuân Nhạ" names no ministry
            return body
        match = _HEAD_OF_BAN.search(sentence)
        if match:
            return clean_body("Ban " + match.group(1))
        match = _HEAD_OF_STEERING.search(sentence)
        if match:
            return clean_body("Ban Chỉ đạo " + match.group(1))
    return None


def place(event_sentences: Sequence[str], lead_sentences: Sequence[str]) -> str | None:
    """Where the event took place: "tại …" in the event sentence, else in the lead; else the locality the event
    sentences hold it in or visit ("… ngày 15-12 ở Hà Nội", "làm việc với UBND tỉnh Hà Tĩnh").

    A local organiser's own locality ("Thành ủy TP HCM tổ chức …") is not taken for the place: on the tuning half
    of the reference digests that lowered place accuracy from 0.923 to 0.896, as the annotators mostly left it out."""
    for sentence in [*event_sentences, *lead_sentences]:
        for match in _PLACE.finditer(sentence):
            name, end = match.group(1), match.end(1)
            while split := _SPLIT_WORD.match(sentence, end):
                name, end = name + split.group(0), split.end()
            name = _OPEN_CONNECTIVE.sub("", _PLACE_TAIL.sub("", name)).strip(" ,.;-–")
            if name and not _BAD_PLACE.match(name) and not re.fullmatch(rf"(?i:{_PLACE_HEAD})", name):
                return name
    for sentence in event_sentences:
        for pattern in (_HELD_IN, _VISITING):
            if (match := pattern.search(sentence)) and not _BAD_PLACE.match(match.group(1)):
                return _PLACE_TAIL.sub("", match.group(1)).strip(" ,.;-–")
    return None


_LOCALITY_NAME = rf"(?:(?i:tỉnh|thành phố|TP\.?|huyện|quận|thị xã)\s*)?(?:{_CAPITAL_WORD})(?:\s+{_NAME_WORD})*"
# "tổ chức ngày 15-12 ở Hà Nội": "ở" with a place name after a verb of holding
_HELD_IN = re.compile(
    rf"(?:tổ chức|diễn ra|khai mạc|họp|tiến hành)(?:\s+(?:ngày|sáng|chiều|tối|hôm)\s+[\d/.-]+|\s+(?:sáng|chiều|tối) nay)?"
    rf"\s+ở\s+((?i:{_PLACE_HEAD})?\s*{_LOCALITY_NAME})"
)
# "buổi làm việc với UBND tỉnh Hà Tĩnh", "làm việc với huyện Ba Vì": a working visit is held where it visits
_VISITING = re.compile(
    rf"làm việc (?:với|tại)\s+(?:(?:Ban Thường vụ\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|"
    rf"Huyện ủy|Huyện uỷ|lãnh đạo)\s+)?((?i:tỉnh|thành phố|TP\.?|huyện|quận|thị xã)\s*{_CAPITAL_WORD}(?:\s+{_NAME_WORD})*)"
)

