"""Mark each unit's role: title, meta (dates, bylines, sources), caption, boilerplate or body.

Nothing is deleted; the roles travel with the paragraphs into every output. Rules here are
the page-layout knowledge; the classifier sees the role as a feature and may overrule a
role that is not marked certain.
"""

from __future__ import annotations

import re

from tongket.text.document import Article, Paragraph
from tongket.text.normalize import UPPER

__all__ = ["assign_roles", "guess_role"]

_WEEKDAY = r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s*nhật)"
_DATE = r"\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?"
_TIME = r"\d{1,2}\s*[:h]\s*\d{2}(?:\s*(?:GMT|gmt)\s*[+]\s*\d+)?"
_DATE_LINE = re.compile(
    rf"^(?:{_WEEKDAY}\s*[,-]?\s*)?(?:(?:ngày|cập nhật|đăng|đăng lúc|cập nhật lúc)\s*:?\s*)?"
    rf"(?:{_DATE}|{_TIME})(?:\s*[|,-]?\s*(?:{_WEEKDAY}\s*[,-]?\s*)?(?:ngày\s*)?(?:{_DATE}|{_TIME}))*\s*(?:\(GMT\+7\))?$",
    re.IGNORECASE,
)
_FULL_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
_WEEKDAY_LINE = re.compile(rf"^{_WEEKDAY}\s*[,-]", re.IGNORECASE)
_SOURCE_LINE = re.compile(
    r"^(?:nguồn(?:\s*tin)?|tác giả|theo|bài(?:\s*và\s*ảnh)?|ảnh|phóng viên|pv|ctv|người viết|biên tập)\s*[:.]",
    re.IGNORECASE,
)
_INTERVIEWER = re.compile(r"^(?:pv|phóng viên)\s*[:.]", re.IGNORECASE)
_AGENCY = re.compile(r"^\(?(?:TTXVN|VOV|VTV|VNA|Chinhphu\.vn|TTO|PV|T/H|ĐCSVN|VGP|Baochinhphu\.vn)\)?\.?$", re.IGNORECASE)
_CAPTION_START = re.compile(
    r"^(?:toàn cảnh|quang cảnh|ảnh\s*:|các đại biểu|đại biểu|lãnh đạo|đồng chí|ông|bà|thứ trưởng|bộ trưởng|chủ tịch|bí thư|phó|"
    r"trao|tặng|hình\s*\d*\s*[:.]|video\s*:|clip\s*:|biểu đồ|bảng\s*\d)",
    re.IGNORECASE,
)
_CAPTION_END = re.compile(r"(?:\(|\.\s*|-\s*)ảnh\s*:?[^.]{0,60}\)?\.?$|\(ảnh[^)]*\)\.?$", re.IGNORECASE)
_BOILERPLATE = re.compile(
    r"xem thêm|cùng chuyên mục|kéo xuống|tin liên quan|tin cùng chuyên mục|tin mới|tin khác|bài mới|bài liên quan|"
    r"ý kiến bạn đọc|gửi ý kiến|lượt xem|lượt tải|lượt truy cập|đang truy cập|đang online|khách viếng thăm|"
    r"đánh giá bài viết|tổng số điểm|bản quyền|copyright|©|giấy phép|người chịu trách nhiệm|chịu trách nhiệm (?:chính|xuất bản|nội dung)|cơ quan chủ quản|"
    r"tổng biên tập|đường dây nóng|hotline|điện thoại\s*:|fax\s*:|e-?mail\s*:|website\s*:|về đầu trang|lên đầu trang|"
    r"máy chủ tìm kiếm|hôm nay\s*\d|tháng hiện tại|ghi rõ nguồn|^\d+\s*(?:lượt|bình luận)|từ khóa\s*:|tags?\s*:|"
    r"^[.\s•|>-]*$|^\W+$",
    re.IGNORECASE,
)
# Words that are page buttons when they stand (almost) alone, and ordinary words inside a sentence.
_BUTTONS = re.compile(
    r"^(?:chia sẻ|bình luận|in bài|in trang|gửi bài|đăng nhập|đăng ký|trang chủ|quay lại|top|facebook|twitter|zalo|"
    r"tweet|thích|like|lưu|bookmark|email|print)\b",
    re.IGNORECASE,
)
_MENU = re.compile(r"^[^.!?]{1,40}(?:\s*[|»›>]\s*[^.!?]{1,40}){1,}$")
_NAME_WORD = rf"[{UPPER}][\w.]*"
_BYLINE = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}(?:\s*[-–,]\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})*(?:\s*\([^)]{{1,20}}\))?$")
_SENTENCE_END = re.compile(r"[.!?…;:”\"]\s*$")


def assign_roles(article: Article) -> Article:
    """Set `role` and `role_is_certain` on every paragraph of `article` (in place) and return it."""
    paragraphs = article.paragraphs
    for paragraph in paragraphs:
        paragraph.role, paragraph.role_is_certain = guess_role(paragraph.text)
    _mark_title(article)
    _mark_repeated_captions(paragraphs)
    _mark_top_chrome(paragraphs)
    _mark_tail(paragraphs)
    _mark_bylines(paragraphs)
    return article


def guess_role(text: str) -> tuple[str, bool]:
    """Role of one unit seen alone, and whether the rule is sure of it."""
    stripped = text.strip()
    words = stripped.split()
    if _DATE_LINE.match(stripped) or (_WEEKDAY_LINE.match(stripped) and len(words) <= 10):
        return "meta", True
    if _is_source_line(stripped, words) or _AGENCY.match(stripped):
        return "meta", True
    if len(words) <= 14 and _BOILERPLATE.search(stripped):
        return "boilerplate", True
    if len(words) <= 12 and _FULL_DATE.search(stripped) and not _SENTENCE_END.search(stripped):
        return "meta", True
    if _MENU.match(stripped) and len(words) <= 20:
        return "boilerplate", True
    if len(words) <= 5 and _BUTTONS.match(stripped):
        return "boilerplate", True
    if len(words) <= 30 and _CAPTION_END.search(stripped):
        return "caption", False
    if len(words) <= 25 and not _SENTENCE_END.search(stripped) and _CAPTION_START.match(stripped):
        return "caption", False
    return "body", False


def _is_source_line(text: str, words: list[str]) -> bool:
    """"Nguồn: …", "Tác giả: …", "PV" — but not an interviewer's question ("PV: Thưa ông, …?")."""
    if not _SOURCE_LINE.match(text) or len(words) > 20:
        return False
    return not (_INTERVIEWER.match(text) and (len(words) > 4 or text.endswith(("?", "!"))))


def _mark_title(article: Article) -> None:
    paragraphs = article.paragraphs
    if article.title:
        for paragraph in paragraphs[:3]:
            if paragraph.text.strip() == article.title.strip():
                paragraph.role, paragraph.role_is_certain = "title", True
        return
    for paragraph in paragraphs[:4]:
        if paragraph.role != "body":
            continue
        if _looks_like_title(paragraph.text):
            paragraph.role = "title"
            for other in paragraphs[paragraph.index + 1 : paragraph.index + 3]:
                if other.text.strip() == paragraph.text.strip():
                    other.role = "title"
        return


def _looks_like_title(text: str) -> bool:
    words = text.split()
    return 3 <= len(words) <= 40 and not re.search(r"[.;,]\s*$", text.strip())


def _mark_repeated_captions(paragraphs: list[Paragraph]) -> None:
    for previous, current in zip(paragraphs, paragraphs[1:]):
        same = previous.text.strip() == current.text.strip()
        if same and previous.role == "body" and len(current.text.split()) <= 30 and previous.index > 2:
            previous.role = current.role = "caption"


def _mark_top_chrome(paragraphs: list[Paragraph]) -> None:
    """Short category words before the title ("Tin tức", "Trong tỉnh") are site chrome."""
    for paragraph in paragraphs[:3]:
        if paragraph.role == "title":
            return
        if paragraph.role == "body" and len(paragraph.text.split()) <= 4 and not _SENTENCE_END.search(paragraph.text):
            nxt = paragraphs[paragraph.index + 1] if paragraph.index + 1 < len(paragraphs) else None
            if nxt is not None and len(nxt.text.split()) >= 3:
                paragraph.role, paragraph.role_is_certain = "boilerplate", True
                if nxt.role == "body" and _looks_like_title(nxt.text):
                    nxt.role = "title"
                    for other in paragraphs[nxt.index + 1 : nxt.index + 3]:
                        if other.text.strip() == nxt.text.strip():
                            other.role = "title"
                return


def _mark_tail(paragraphs: list[Paragraph]) -> None:
    """After the closing source or author line, what remains is the site's chrome."""
    body_seen = 0
    end = None
    for paragraph in paragraphs:
        if paragraph.role == "body" and len(paragraph.text.split()) >= 15:
            body_seen += 1
        if paragraph.role == "meta" and body_seen >= 3 and _SOURCE_LINE.match(paragraph.text.strip()):
            end = paragraph.index
    if end is None or any(_is_long_sentence(p.text) for p in paragraphs[end + 1 :]):
        return
    for paragraph in paragraphs[end + 1 :]:
        if paragraph.role != "meta":
            paragraph.role, paragraph.role_is_certain = "boilerplate", True


def _is_long_sentence(text: str) -> bool:
    return len(text.split()) >= 35 and bool(_SENTENCE_END.search(text))


def _mark_bylines(paragraphs: list[Paragraph]) -> None:
    """A bare name just under the title or at the very end of the article is its author."""
    content = [p for p in paragraphs if p.role not in ("boilerplate",)]
    near_top = [p for p in content[:4] if p.role == "body"][:1]
    candidates = near_top + [p for p in content[-2:] if p.role == "body"]
    for paragraph in candidates:
        if len(paragraph.text.split()) <= 8 and _BYLINE.match(paragraph.text.strip()):
            paragraph.role = "meta"
