"""One name per organising body: abbreviations spelt out, clause tails cut, spelling variants merged.

"UBND TP.HCM", "Ủy ban nhân dân Thành phố Hồ Chí Minh" and "UBND thành phố Hồ Chí Minh đã" are one row of
the organiser table. The alias table below is small and written by hand: the bodies and abbreviations that
review-conference reports use most.
"""

from __future__ import annotations

import re

from tongket.text.normalize import fold_key

__all__ = ["normalize_organizer", "organizer_key", "ALIASES", "SHORT_NAMES"]

# abbreviation (as written, word-bounded) → full form
ALIASES = {
    "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "BCĐ": "Ban Chỉ đạo", "MTTQ": "Mặt trận Tổ quốc",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc", "UBTVQH": "Ủy ban Thường vụ Quốc hội", "VKSND": "Viện kiểm sát nhân dân",
    "TAND": "Tòa án nhân dân", "TANDTC": "Tòa án nhân dân tối cao", "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
    "BCH": "Ban Chấp hành", "ĐCSVN": "Đảng Cộng sản Việt Nam", "TW": "Trung ương", "TƯ": "Trung ương", "T.Ư": "Trung ương",
    "LĐLĐ": "Liên đoàn Lao động", "LĐBĐ": "Liên đoàn Bóng đá", "VCCI": "Phòng Thương mại và Công nghiệp Việt Nam",
    "NHNN": "Ngân hàng Nhà nước", "BHXH": "Bảo hiểm xã hội", "KBNN": "Kho bạc Nhà nước", "TTCP": "Thanh tra Chính phủ",
    "GD&ĐT": "Giáo dục và Đào tạo", "GDĐT": "Giáo dục và Đào tạo", "NN&PTNT": "Nông nghiệp và Phát triển nông thôn",
    "NN & PTNT": "Nông nghiệp và Phát triển nông thôn", "TN&MT": "Tài nguyên và Môi trường", "TNMT": "Tài nguyên và Môi trường",
    "LĐ-TB&XH": "Lao động - Thương binh và Xã hội", "LĐTBXH": "Lao động - Thương binh và Xã hội",
    "GTVT": "Giao thông vận tải", "KH&ĐT": "Kế hoạch và Đầu tư", "KHĐT": "Kế hoạch và Đầu tư",
    "TT&TT": "Thông tin và Truyền thông", "TTTT": "Thông tin và Truyền thông", "VHTTDL": "Văn hóa, Thể thao và Du lịch",
    "KH&CN": "Khoa học và Công nghệ", "KHCN": "Khoa học và Công nghệ", "CA": "Công an",
    "TP.HCM": "Thành phố Hồ Chí Minh", "TP. HCM": "Thành phố Hồ Chí Minh", "TP HCM": "Thành phố Hồ Chí Minh",
    "TPHCM": "Thành phố Hồ Chí Minh", "HCM": "Hồ Chí Minh", "TP.": "Thành phố", "TP": "Thành phố", "Tp.": "Thành phố",
    "GD-ĐT": "Giáo dục và Đào tạo", "GD - ĐT": "Giáo dục và Đào tạo", "KH-ĐT": "Kế hoạch và Đầu tư",
    "TN-MT": "Tài nguyên và Môi trường", "TN - MT": "Tài nguyên và Môi trường", "NN-PTNT": "Nông nghiệp và Phát triển nông thôn",
    "LĐ-TB-XH": "Lao động - Thương binh và Xã hội", "LĐ-TB&XH": "Lao động - Thương binh và Xã hội", "QH": "Quốc hội",
}
# a body called by part of its name → its full name (whole names only: "Bộ Lao động Mỹ" stays)
SHORT_NAMES = {
    "Bộ Lao động": "Bộ Lao động - Thương binh và Xã hội", "Bộ Giáo dục": "Bộ Giáo dục và Đào tạo",
    "Bộ Nông nghiệp": "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Tài nguyên": "Bộ Tài nguyên và Môi trường",
    "Bộ Kế hoạch": "Bộ Kế hoạch và Đầu tư", "Bộ Thông tin": "Bộ Thông tin và Truyền thông",
    "Bộ Khoa học": "Bộ Khoa học và Công nghệ", "Bộ Văn hóa": "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ Giao thông": "Bộ Giao thông vận tải", "Bộ Lao động - Thương binh - Xã hội": "Bộ Lao động - Thương binh và Xã hội",
    "Thường vụ Quốc hội": "Ủy ban Thường vụ Quốc hội",
    # the country's own government and assembly, named with the country ("Chính phủ VN") or without it
    "Chính phủ Việt Nam": "Chính phủ", "Chính phủ VN": "Chính phủ", "Quốc hội Việt Nam": "Quốc hội", "Quốc hội VN": "Quốc hội",
    "Chính phủ nước ta": "Chính phủ",
}
_ALIAS = re.compile(
    "|".join(rf"(?<![\w]){re.escape(short)}(?![\w])" for short in sorted(ALIASES, key=len, reverse=True))
)
_TAIL = re.compile(
    r"(?:\s+(?:đã|vừa|sẽ|đang|cũng|mới|vẫn|còn|và|của|với|tại|về|cho|là|được|tổ chức|phối hợp|cùng|này|đó|"
    r"dự kiến|dự định|cần|phải|tiếp tục|đề xuất|kiến nghị|đạt được|đạt|hoàn thành|hội trường|khóa|khoá|nhiệm kỳ|[IVXLC]+|\d+|"
    r"chất vấn|họp|thảo luận|khai mạc|bế mạc|thông qua|biểu quyết|"
    r"(?:đầu|cuối|giữa) (?:tuần|tháng|quý|năm)(?: (?:trước|qua|này|tới))?))+$",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
_AMPERSAND = re.compile(r"\s*&\s*")


def normalize_organizer(name: str | None) -> str | None:
    """A readable canonical name: abbreviations spelt out, clause tails and term numbers cut, one tone spelling.

    "UBND TP.HCM đã" → "Ủy ban nhân dân Thành phố Hồ Chí Minh"; "hội trường" alone → None.
    """
    if not name:
        return None
    text = _AMPERSAND.sub("&", _SPACE.sub(" ", name)).strip(" ,.;:-–")  # "GD & ĐT" is "GD&ĐT"
    text = _ALIAS.sub(lambda m: ALIASES[m.group(0)], text)
    previous = None
    while previous != text:
        previous, text = text, _TAIL.sub("", f" {text}").strip(" ,.;:-–")  # the space lets a name that is all tail go
    text = text.replace("Uỷ", "Ủy").replace("uỷ", "ủy").replace("Thuỷ", "Thủy").replace("thuỷ", "thủy")
    text = SHORT_NAMES.get(text, text)
    words = text.split()
    if len(words) < 2 and words and words[0].lower() not in ("quốc hội", "chính phủ"):
        return text if text in ("Quốc hội", "Chính phủ") else None
    return text[0].upper() + text[1:] if text else None


def organizer_key(name: str) -> str:
    """What two spellings of one body share: lower-case, tones placed one way, punctuation ignored."""
    return " ".join(re.findall(r"\w+", fold_key(name)))
