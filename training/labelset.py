"""The label set: the eight built-in labels plus categories a user declares for their own reports.

Review reports often carry sections beyond achievements, limitations and tasks: lessons learned (bài học
kinh nghiệm), recommendations to higher levels (kiến nghị, đề xuất), causes kept apart from limitations
(nguyên nhân). A labels folder declares such categories in `categories.json`:

    {"categories": [{"name": "lesson", "title": "Bài học kinh nghiệm"}]}

A declared category can then be used in label lines, is learnt by `tongket train`, and its points
appear in digests and reports under its title. Categories are content: each names something an article
states, as the three built-in content labels do.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tongket.text.document import CONTENT_LABELS, LABELS
from tongket.text.errors import LabelsFormatError

__all__ = ["Category", "LabelSet", "load_label_set", "CATEGORIES_FILE", "BUILT_IN_TITLES"]

CATEGORIES_FILE = "categories.json"
BUILT_IN_TITLES = {
    "achievement": "Kết quả đạt được", "limitation": "Hạn chế, tồn tại", "task": "Nhiệm vụ, giải pháp",
    "context": "Bối cảnh", "title": "Tiêu đề", "meta": "Thông tin bài", "caption": "Chú thích ảnh",
    "boilerplate": "Phần thừa của trang",
}
_NAME = re.compile(r"^[a-z][a-z0-9_]{1,30}$")


@dataclass(frozen=True)
class Category:
    """A category of the user's own: `name` as written in label lines, `title` as shown in digests and reports."""

    name: str
    title: str


@dataclass(frozen=True)
class LabelSet:
    """Built-in labels first, then the declared categories, in the order declared."""

    extra: tuple[Category, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (*LABELS, *(c.name for c in self.extra))

    @property
    def content(self) -> tuple[str, ...]:
        return (*CONTENT_LABELS, *(c.name for c in self.extra))

    def title(self, name: str) -> str:
        return next((c.title for c in self.extra if c.name == name), BUILT_IN_TITLES.get(name, name))

    def to_json(self) -> list[dict]:
        return [{"name": c.name, "title": c.title} for c in self.extra]

    @classmethod
    def from_json(cls, categories: Iterable[dict]) -> LabelSet:
        return cls(tuple(Category(c["name"], c["title"]) for c in categories))


def load_label_set(paths: Iterable[str | Path]) -> LabelSet:
    """The categories declared in `categories.json` of the given label folders (or beside the given files)."""
    extra: dict[str, Category] = {}
    folders = {Path(p) if Path(p).is_dir() else Path(p).parent for p in paths}
    for folder in sorted(folders):
        path = folder / CATEGORIES_FILE
        if not path.is_file():
            continue
        for category in _read(path):
            if category.name in extra and extra[category.name] != category:
                raise LabelsFormatError(f"{path}: category '{category.name}' is declared twice with different titles")
            extra[category.name] = category
    return LabelSet(tuple(extra.values()))


def _read(path: Path) -> list[Category]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise LabelsFormatError(f"{path}: not a JSON file ({error})") from None
    items = data.get("categories") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise LabelsFormatError(f'{path}: expected {{"categories": [{{"name": ..., "title": ...}}]}}')
    categories = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not isinstance(item.get("title"), str):
            raise LabelsFormatError(f"{path}: category {number} needs a 'name' and a 'title' string")
        if not _NAME.match(item["name"]):
            raise LabelsFormatError(f"{path}: category name '{item['name']}' must be lowercase letters, digits or _ (2–31 characters)")
        if item["name"] in LABELS:
            raise LabelsFormatError(f"{path}: '{item['name']}' is a built-in label; choose another name")
        categories.append(Category(item["name"], item["title"].strip() or item["name"]))
    return categories
