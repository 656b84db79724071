"""The per-article digest: metadata, key points per category and a short abstract, all traceable.

Points of categories the user declared (lessons learned, recommendations, …) follow the three built-in
ones under `categories`, present only when the model knows such categories."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from tongket.summarise.points import KeyPoint, key_points
from tongket.summarise.summary import abstract
from tongket.text.document import Article
from tongket.summarise.extract import Event, extract_event

__all__ = ["Digest", "build_digest", "DIGEST_KEYS"]

DIGEST_KEYS = (
    "id", "source", "title", "published", "event", "people", "documents", "period", "review", "review_score", "summary",
    "achievements", "limitations", "tasks",
)


@dataclass
class Digest:
    """What an officer needs from one article; `to_dict` follows `digest.schema.json`."""

    id: str
    source: str
    event: Event
    summary: str
    points: list[KeyPoint] = field(default_factory=list)
    review_score: float | None = None
    categories: dict[str, str] = field(default_factory=dict)

    def category(self, label: str) -> list[KeyPoint]:
        return [p for p in self.points if p.label == label]

    def to_dict(self) -> dict:
        event = self.event
        return {
            "id": self.id,
            "source": self.source,
            "title": event.title,
            "published": event.published,
            "event": {
                "date": event.date,
                "date_inferred": event.date_inferred,
                "type": event.type,
                "location": event.location,
                "organizer": event.organizer,
                "participants": event.participants,
            },
            "people": [asdict(person) for person in event.people],
            "documents": list(event.documents),
            "period": event.period,
            "review": None if self.review_score is None else self.review_score >= 0.5,
            "review_score": None if self.review_score is None else round(self.review_score, 4),
            "summary": self.summary,
            "achievements": self._points("achievement"),
            "limitations": self._points("limitation"),
            "tasks": self._points("task"),
            **({"categories": [{"name": name, "title": title, "points": self._points(name)}
                               for name, title in self.categories.items()]} if self.categories else {}),
        }

    def _points(self, label: str) -> list[dict]:
        return [
            {"text": p.text, "paragraph": p.paragraph, "sentence": p.sentence, "score": p.score}
            for p in self.category(label)
        ]


def build_digest(article: Article) -> Digest:
    """Digest of an article that `analyse` has labelled."""
    points = key_points(article)
    return Digest(
        id=article.id,
        source=article.source,
        event=extract_event(article),
        summary=abstract(article, points),
        points=points,
        review_score=article.review_score,
        categories=dict(article.categories),
    )
