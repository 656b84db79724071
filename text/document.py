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
    """An article as read from disk or a corpus line, before and after analysis.

    `units_given` marks an article whose paragraphs the caller split (labelled units, pre-split
    paragraph files): the segment step keeps them instead of splitting `text` again. `review_score`
    is the classifier's probability that the article reports a review rather than ordinary news.
    `categories` names the user's own content categories the model knows (name → title).
    """

    id: str
    text: str
    source: str = ""
    title: str | None = None
    url: str | None = None
    date: str | None = None
    publisher: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    units_given: bool = False
    review_score: float | None = None
    categories: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_units(cls, id: str, texts: list[str], **fields) -> Article:
        """An article made of exactly these units, each split into sentences: `Article.from_units("a1", ["Sáng 12/1, …", …])`."""
        from tongket.text.segment import sentence_spans

        paragraphs = []
        for index, text in enumerate(texts):
            spans = sentence_spans(text) or [(0, len(text))]
            paragraphs.append(Paragraph(index, text, sentences=[Sentence(i, s, e, text[s:e]) for i, (s, e) in enumerate(spans)]))
        return cls(id=id, text="\n\n".join(texts), paragraphs=paragraphs, units_given=True, **fields)

    def body(self) -> list[Paragraph]:
        """Paragraphs that carry the article's content, in reading order."""
        return [p for p in self.paragraphs if p.role == "body"]
