"""The data classes every step passes along: Article → Paragraph → Sentence."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Article", "Paragraph", "Sentence", "CONTENT_LABELS", "ROLE_LABELS", "LABELS"]

CONTENT_LABELS = ("achievement", "limitation", "task")
ROLE_LABELS = ("title", "meta", "caption", "boilerplate")
LABELS = (*CONTENT_LABELS, "context", *ROLE_LABELS)


@dataclass
class Sentence:
    """One sentence of a paragraph; `start`/`end` index into the paragraph's text."""

    index: int
    start: int
    end: int
    text: str
    label: str = ""
    scores: dict[str, float] = field(default_factory=dict)


@dataclass
class Paragraph:
    """One unit of the article (a paragraph, a line, a caption…) with its role and label.

    `role` comes from the cleaning rules (title, meta, caption, boilerplate or body);
    `label` is the final class written by the classifier.
    """

    index: int
    text: str
    role: str = "body"
    role_is_certain: bool = False
    label: str = ""
    scores: dict[str, float] = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Article:
    """An article as read from disk or a corpus line, before and after analysis."""

    id: str
    text: str
    source: str = ""
    title: str | None = None
    url: str | None = None
    date: str | None = None
    publisher: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)

    def body(self) -> list[Paragraph]:
        """Paragraphs that carry the article's content, in reading order."""
        return [p for p in self.paragraphs if p.role == "body"]
