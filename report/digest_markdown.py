"""One digest as Markdown, for people who read it rather than parse it."""

from __future__ import annotations

__all__ = ["digest_to_markdown", "digest_fields", "DIGEST_SECTIONS", "WITHHELD_TEXT"]

DIGEST_SECTIONS = (("achievements", "Kết quả đạt được"), ("limitations", "Hạn chế, tồn tại"), ("tasks", "Nhiệm vụ, giải pháp"))
WITHHELD_TEXT = "Tin thường, không tính vào tổng hợp: không trích kết quả, hạn chế, nhiệm vụ"
_EVENT_FIELDS = (
    ("date", "Ngày diễn ra"), ("type", "Loại sự kiện"), ("location", "Địa điểm"),
    ("organizer", "Đơn vị tổ chức"), ("participants", "Thành phần tham dự"),
)


def digest_to_markdown(digest: dict, level: int = 1) -> str:
    """Render a digest dictionary (the JSON schema's shape) as a Markdown section.

    `level` is the title's heading level, so a batch report can embed the digest below its own headings
    (level 3 gives `### Tổng kết năm 2024` and `#### Hạn chế, tồn tại (2)`).
    """
    title, sub = "#" * level, "#" * (level + 1)
    lines = [f"{title} {digest.get('title') or digest['id']}", ""]
    lines += [f"- **{label}:** {value}" for label, value in digest_fields(digest)] + [""]
    if digest.get("summary"):
        lines += [f"{sub} Tóm tắt", "", digest["summary"], ""]
    if digest.get("points_withheld"):
        return "\n".join([*lines, f"_{WITHHELD_TEXT}._", ""])
    for key, heading in DIGEST_SECTIONS:
        lines += [f"{sub} {heading} ({len(digest[key])})", ""]
        lines += [f"- {p['text']} _(đoạn {p['paragraph']}, câu {p['sentence']})_" for p in digest[key]] or ["_Không có._"]
        lines.append("")
    return "\n".join(lines)


def digest_fields(digest: dict) -> list[tuple[str, str]]:
    """The digest's metadata as (Vietnamese label, value) pairs, empty values left out, for every renderer to share."""
    rows = [("Nguồn", digest.get("source")), ("Ngày đăng", _date(digest.get("published")))]
    if digest.get("review") is not None:
        kind = "tin hội nghị, tổng kết, giao ban" if digest["review"] else "tin thường, không phải báo cáo tổng kết"
        rows.append(("Loại bài", f"{kind} (mô hình: {digest['review_score']:.2f})"))
    rows += [(label, _date(value) if key == "date" else value)
             for key, label in _EVENT_FIELDS if (value := digest["event"].get(key))]
    rows += [("Giai đoạn", digest.get("period")), ("Văn bản", "; ".join(digest.get("documents") or []))]
    people = "; ".join(f"{p['name']} ({p['position']})" if p.get("position") else p["name"] for p in digest.get("people", []))
    rows.append(("Nhân vật", people))
    return [(label, value) for label, value in rows if value]


def _date(iso: str | None) -> str | None:
    """"2024-12-19" → "19/12/2024"; "--12-19" (the article never says the year) → "19/12 (chưa rõ năm)"."""
    if not iso:
        return None
    year, month, day = iso[:-6].lstrip("-"), iso[-5:-3], iso[-2:]
    return f"{int(day):02d}/{int(month):02d}/{year}" if year else f"{int(day):02d}/{int(month):02d} (chưa rõ năm)"
