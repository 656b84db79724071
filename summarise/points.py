"""Key points: one idea per item of a labelled paragraph, traced to its paragraph and sentence, without duplicates."""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from dataclasses import dataclass

from tongket.text.document import CONTENT_LABELS, Article, Paragraph
from tongket.text.items import ORDINAL_START, Item, item_spans
from tongket.text.normalize import fold_key

__all__ = ["KeyPoint", "key_points", "clean_point"]

_CONNECTOR = re.compile(
    r"^(?:tuy nhiên|bên cạnh đó|đồng thời|ngoài ra|đặc biệt|theo đó|trong đó|qua đó|song|mặt khác|cụ thể|"
    r"đó là|thứ nhất|thứ hai|thứ ba|thứ tư|thứ năm|trước hết|cuối cùng)\s*[,:]\s*",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
_DUPLICATE = 0.7
_MAX_SUBJECT_WORDS = 10
CONTEXT_POINT_SCORE = 0.3
_LAST_CLAUSE = re.compile(r"[^,;]*$")
# words that only open a list ("…, như: lạm phát …"): no subject for its items
_LIST_WORD = re.compile(r"(?:^|\s+)(?:như|là|gồm|bao gồm|sau đây|sau|cụ thể là|cụ thể)$", re.IGNORECASE)
_EMPTY_WORDS = frozenset(
    fold_key(" ".join([
        "hạn chế tồn tại khó khăn vướng mắc bất cập yếu kém khuyết điểm kết quả nhiệm vụ giải pháp thành tích",
        "vẫn còn nhiều rất khá một số những các có là đã đạt được cũng nhất định đáng kể nhất định nhiều mặt",
    ])).split()
)
# Syllables that carry no matter of their own: a "point" with fewer than three others ("Điều này là không đúng.",
# "Hiện mình chưa phát hiện ra.") states nothing an officer could report, and such remarks group with each other
# in a batch report only through their negations.
_FUNCTION_WORDS = frozenset(
    fold_key(" ".join([
        "và của là có không chưa đã đang sẽ được bị các những một này đó đây kia thì mà nhưng song cũng vẫn còn rất quá",
        "lại ra vào cho với về theo tại trong ngoài trên dưới từ đến như nên vì do để khi nếu hiện nay mình tôi chúng ta",
        "họ ông bà anh chị em ai gì nào sao thế vậy điều việc chuyện cái ở hơn nhất rồi chỉ đều cả mọi nhiều ít phải",
        "cần nữa thêm lúc giờ hôm ngày năm tháng đâu",
    ])).split()
)
_MIN_CONTENT_WORDS = 3
_NAMES_A_LIST = re.compile(
    r"(?:tồn tại|hạn chế|khó khăn|vướng mắc|bất cập|yếu kém|khuyết điểm|nhiệm vụ|giải pháp|kết quả|nội dung|"
    r"nguyên nhân|mục tiêu|kiến nghị|đề xuất|như sau|sau)$",
    re.IGNORECASE,
)
_ANNOUNCED = re.compile(
    r"(?:một số|những|các|nhiều|\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?:nhóm\s+)?(?:mặt\s+)?"
    r"(?:tồn tại|hạn chế|khó khăn|vướng mắc|bất cập|yếu kém|khuyết điểm|nhiệm vụ|giải pháp|kết quả(?=\s+(?:sau|như sau)|\s*:)|nội dung|"
    r"vấn đề|điểm|mục tiêu|kiến nghị|đề xuất|nguyên nhân)(?:\s*,\s*(?:tồn tại|hạn chế|khó khăn|vướng mắc|bất cập|yếu kém|"
    r"khuyết điểm|giải pháp|nhiệm vụ))*(?:\s+(?:sau|như sau|chủ yếu|trọng tâm|cơ bản|lớn|quan trọng|đáng ghi nhận|"
    r"cần khắc phục|cần tập trung))*",
    re.IGNORECASE,
)
_ANNOUNCING = re.compile(
    r"(?:tuy nhiên|bên cạnh (?:đó|những kết quả(?: đã)? đạt được)|báo cáo|hội nghị|cũng|đã|vẫn|còn|chỉ ra|nêu|nêu rõ|"
    r"thẳng thắn|nhìn nhận|đề ra|xác định|đưa ra|có|là|gồm|với|tập trung|vào|thực hiện|cần|phải|sau|như|đó là|"
    r"đồng chí|ông|bà|\w+ cho biết)",
    re.IGNORECASE,
)


@dataclass
class KeyPoint:
    """One achievement, limitation or task, as the article states it."""

    label: str
    text: str
    paragraph: int
    sentence: int
    score: float


def key_points(article: Article, context_score: float = CONTEXT_POINT_SCORE) -> list[KeyPoint]:
    """Every content item of the article's labelled body, in reading order, duplicates dropped.

    A context sentence becomes a point when one content label scores at least `context_score`
    (`benchmarks/point_ceiling.py` sets it to 0 to see every sentence the digest could take)."""
    points: list[KeyPoint] = []
    content = (*CONTENT_LABELS, *article.categories)
    seen = {label: _SeenPoints() for label in content}
    for paragraph in article.paragraphs:
        for point in _paragraph_points(paragraph, content, context_score):
            words = frozenset(_WORD.findall(fold_key(point.text)))
            if len(words - _FUNCTION_WORDS) < _MIN_CONTENT_WORDS or seen[point.label].repeats(words):
                continue
            seen[point.label].add(words)
            points.append(point)
    return points


def _overlap(first: frozenset[str], second: frozenset[str]) -> float:
    return len(first & second) / max(1, min(len(first), len(second)))


class _SeenPoints:
    """Word sets of the points kept so far, indexed by word, so that finding a near-repeat costs the same in a
    page-long article and in a book-long one: only points sharing one of the new point's rarer words, and the
    latest few, are compared."""

    _RECENT = 8

    def __init__(self) -> None:
        self.points: list[frozenset[str]] = []
        self.postings: defaultdict[str, list[int]] = defaultdict(list)

    def repeats(self, words: frozenset[str]) -> bool:
        candidates = {i for w in self._rarest(words) for i in self.postings[w][-self._RECENT :]}
        candidates.update(range(max(0, len(self.points) - self._RECENT), len(self.points)))
        return any(_overlap(words, self.points[i]) >= _DUPLICATE for i in candidates)

    def _rarest(self, words: frozenset[str]) -> list[str]:
        """Of the two rarest words (fewest earlier points, then by word: set order varies by process), those that
        earlier points have. A word no point has is the rarest of all and adds no candidate, so only the words
        already seen, found by one set operation, need counting."""
        seen = words & self.postings.keys()
        wanted = 2 - (len(words) - len(seen))
        if wanted <= 0:
            return []
        return heapq.nsmallest(wanted, seen, key=lambda w: (len(self.postings[w]), w))

    def add(self, words: frozenset[str]) -> None:
        number = len(self.points)
        for word in words:
            self.postings[word].append(number)
        self.points.append(words)


def _paragraph_points(
    paragraph: Paragraph, content: tuple[str, ...] = CONTENT_LABELS, context_score: float = CONTEXT_POINT_SCORE
) -> list[KeyPoint]:
    if paragraph.label not in (*content, "context") or not paragraph.sentences:
        return []
    items = item_spans(paragraph.text, [(s.start, s.end) for s in paragraph.sentences])
    whole = len(items) == 1 and ORDINAL_START.match(paragraph.text) is not None
    points = []
    for item in items:
        sentence = paragraph.sentences[min(item.sentence, len(paragraph.sentences) - 1)]
        label, scores = (paragraph.label, paragraph.scores) if whole else (sentence.label, sentence.scores)
        label = _point_label(label, scores, content, context_score)
        if label not in content:
            continue
        text = clean_point(_with_subject(paragraph.text, item))
        if text and not text.endswith(":") and not _asks(text) and not announces_list(text) and not _courtesy(text) and not _aside(text):
            points.append(KeyPoint(label, text, paragraph.index, sentence.index, round(scores.get(label, 0.0), 4)))
    return points


def _point_label(
    label: str, scores: dict[str, float], content: tuple[str, ...] = CONTENT_LABELS, context_score: float = CONTEXT_POINT_SCORE
) -> str:
    """A context sentence still counts as a point when the classifier gives one content label at least
    `context_score`: in real reports results and directives often come without cue words."""
    if label != "context" or not scores:
        return label
    best = max(content, key=lambda name: scores.get(name, 0.0))
    return best if scores.get(best, 0.0) >= context_score else label


def _with_subject(paragraph: str, item: Item) -> str:
    """An item of a ";"-list after a colon, led by the subject it shares: "Toàn tỉnh đã: xây 12 trường; …" →
    "Toàn tỉnh đã xây 12 trường"; a subject that names the list keeps its colon ("… còn hạn chế: đội ngũ …")."""
    text = paragraph[item.start : item.end]
    if item.lead == (0, 0) or text[:1].isupper():
        return text
    subject = _LAST_CLAUSE.search(paragraph[item.lead[0] : item.lead[1]]).group(0).strip()
    subject = _LIST_WORD.sub("", _CONNECTOR.sub("", subject))
    if not subject or len(subject.split()) > _MAX_SUBJECT_WORDS or announces_list(subject):
        return text
    joiner = ": " if _NAMES_A_LIST.search(subject) else " "
    return f"{subject}{joiner}{text.strip()}"


def _asks(text: str) -> bool:
    """A question ("Có phải đây là một kỳ tích?", a sub-heading "Tạo sức hấp dẫn cho trường nghề?") asks rather
    than states: of 38 such points on the tuning half of the reference digests, 6 matched a reference point."""
    return text.rstrip("\"”' ").endswith("?")


_ASIDE = re.compile(r"^[(\[][^()\[\]]*[)\]]\W*$")


def _aside(text: str) -> bool:
    """A sentence wholly in brackets ("(Trích Chỉ thị 09/2005 của Thủ tướng Chính phủ …).", "(Ảnh: …)") is a note on
    the source, not a finding: in a report over VNTC review-like articles one stood for a group of four articles'
    limitations, as its shortest member."""
    return _ASIDE.match(text) is not None


_COURTESY = re.compile(
    r"(?:xin|trân trọng|chân thành)\s+(?:\w+\s+){0,2}cảm ơn|lời chúc|(?:hoa|vỗ tay)\s+chúc mừng", re.IGNORECASE
)


def _courtesy(text: str) -> bool:
    """Thanks and greetings ("… xin chân thành cảm ơn các cơ quan …", "… gửi tới … lời chúc tốt đẹp nhất", "… có hoa
    chúc mừng") are the ceremony of a meeting, not what it found or decided: of 7 such points on the tuning half
    of the reference digests, none matched a reference point. Praise of results ("biểu dương và chúc mừng những
    kết quả …") is not courtesy: it often is the point."""
    return _COURTESY.search(text) is not None


def announces_list(text: str) -> bool:
    """A sentence that only announces what follows ("Báo cáo cũng chỉ ra một số tồn tại, hạn chế.",
    "Hội nghị đề ra 5 nhóm giải pháp sau:") states no achievement, limitation or task of its own."""
    words = _WORD.findall(fold_key(text))
    if len(words) <= 8 and not set(words) - _EMPTY_WORDS:  # "Hạn chế vẫn còn nhiều.", "Còn một số tồn tại."
        return True
    if len(words) > 22 or not _ANNOUNCED.search(text):
        return False
    rest = _ANNOUNCED.sub(" ", text)
    rest = _ANNOUNCING.sub(" ", rest)
    return len(_WORD.findall(fold_key(rest))) <= 6


def clean_point(text: str) -> str:
    """Drop list markers, opening connectors and the half of a quotation the sentence split left; end with a full stop."""
    text = ORDINAL_START.sub("", _balance_quotes(text.strip()), count=1)
    previous = None
    while previous != text:
        previous, text = text, _CONNECTOR.sub("", text, count=1)
    text = text.strip().rstrip(";,").strip()
    if text.endswith(("…", "...")):
        text = text.rstrip(".…;, ").strip()
    if not text:
        return ""
    if text[-1] not in ".!?:”\"":
        text += "."
    return text[0].upper() + text[1:]


_LONE_OPENING = re.compile(r'^\s*["“]\s*')
_LONE_CLOSING = re.compile(r'\s*["”]\s*(?=[.!?…]*\s*$)')


def _balance_quotes(text: str) -> str:
    """A quotation spread over several sentences leaves an opening mark on its first sentence and a closing one
    on its last; a point that is one of them loses the lone mark instead of showing half a quotation."""
    straight = text.count('"') % 2 == 1
    if (straight and text.lstrip().startswith('"')) or (text.count("“") > text.count("”") and text.lstrip().startswith("“")):
        return _LONE_OPENING.sub("", text, count=1)
    if straight or text.count("”") > text.count("“"):
        return _LONE_CLOSING.sub("", text, count=1)
    return text
