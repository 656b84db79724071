"""Score digests against reference digests of real corpus articles (`benchmarks/reference/digests.jsonl`).

A reference digest points into the corpus: each key point is a unit index and a character span,
checked by the unit's hash, and the event metadata are short facts. A digest point matches a
reference point when their syllable-level F1 (Unicode words, lower-cased) is at least 0.5,
one-to-one; metadata fields are compared after normalisation (case, diacritics kept, common
abbreviations spelt out), people and documents as sets.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tongket.text.errors import LabelsFormatError
from tongket.text.normalize import normalize_text
from tongket.training.corpus import corpus_units, default_corpus_dir, load_corpus_records, unit_hash

__all__ = [
    "ReferenceDigest", "load_reference_digests", "score_points", "score_event", "DigestScores", "token_f1", "CATEGORIES",
    "FIELDS",
]

CATEGORIES = ("achievement", "limitation", "task")
KEYS = {"achievement": "achievements", "limitation": "limitations", "task": "tasks"}
FIELDS = ("date", "place", "organizer", "attendance", "period")
_WORD = re.compile(r"\w+")
_ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "tp": "thành phố", "bcđ": "ban chỉ đạo", "mttq": "mặt trận tổ quốc",
    "tw": "trung ương", "nn": "nông nghiệp", "ptnt": "phát triển nông thôn", "gd": "giáo dục", "đt": "đào tạo",
    "tp.hcm": "thành phố hồ chí minh", "hcm": "hồ chí minh", "qh": "quốc hội", "ubtvqh": "ủy ban thường vụ quốc hội",
    "uỷ": "ủy", "ksnd": "kiểm sát nhân dân", "vksnd": "viện kiểm sát nhân dân", "tand": "tòa án nhân dân",
    "tandtc": "tòa án nhân dân tối cao", "vksndtc": "viện kiểm sát nhân dân tối cao", "gdđt": "giáo dục đào tạo",
    "nn&ptnt": "nông nghiệp phát triển nông thôn", "tn&mt": "tài nguyên môi trường", "tnmt": "tài nguyên môi trường",
    "lđtbxh": "lao động thương binh xã hội", "ttxvn": "thông tấn xã việt nam", "ctn": "chủ tịch nước", "btv": "ban thường vụ",
    "lđbđ": "liên đoàn bóng đá", "vn": "việt nam",
}


@dataclass
class ReferenceDigest:
    """One reference: the corpus record it points into, its points as (category, text), its event facts."""

    article: str
    source: str
    split: str
    record: dict
    points: list[tuple[str, str]]
    event: dict


def load_reference_digests(path: str | Path, corpus: str | Path | None = None) -> list[ReferenceDigest]:
    """Resolve every reference against the corpus; a missing article or a changed unit is a one-line error."""
    lines = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    folder = Path(corpus) if corpus else default_corpus_dir()
    if folder is None:
        raise LabelsFormatError(f"{path}: points into the corpus, which is not found; give --corpus DIR")
    records = load_corpus_records(folder, {(r["source"], r["article"]) for r in lines})
    references = []
    for number, line in enumerate(lines, 1):
        record = records.get(line["article"])
        if record is None:
            raise LabelsFormatError(f"{path}:{number}: article {line['article']} is not in the corpus at {folder}")
        units = corpus_units(record)
        points = []
        for point in line["points"]:
            text = units.get(point["unit"])
            if text is None or unit_hash(text) != point["sha256"]:
                raise LabelsFormatError(f"{path}:{number}: unit {point['unit']} of {line['article']} is missing or changed")
            points.append((point["category"], text[point["start"] : point["end"]]))
        event = _resolved(line["event"], units, f"{path}:{number}")
        references.append(ReferenceDigest(line["article"], line["source"], line["split"], record, points, event))
    return references


def _resolved(value, units: dict[int, str], where: str):
    """Event facts found verbatim in the article are kept as spans of a unit ({unit, start, end, sha256}), so the
    file holds no corpus text; this turns them back into text. Facts an annotator worded are kept as written."""
    if isinstance(value, dict) and "sha256" in value:
        text = units.get(value["unit"])
        if text is None or unit_hash(text) != value["sha256"]:
            raise LabelsFormatError(f"{where}: unit {value['unit']} is missing or changed")
        return text[value["start"] : value["end"]]
    if isinstance(value, dict):
        return {key: _resolved(item, units, where) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolved(item, units, where) for item in value]
    return value


def tokens(text: str) -> Counter:
    return Counter(_WORD.findall(normalize_text(text).lower()))


def token_f1(first: str, second: str) -> float:
    """Syllable-level F1 of two texts: "Tăng cường kiểm tra" against "tăng cường công tác kiểm tra" → 0.8."""
    a, b = tokens(first), tokens(second)
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def _matches(predicted: list[tuple[str, str]], references: list[tuple[str, str]], by_category: bool) -> int:
    """Greedy one-to-one matching, best pairs first, F1 ≥ 0.5."""
    pairs = sorted(
        ((token_f1(p, r), i, j) for i, (pc, p) in enumerate(predicted) for j, (rc, r) in enumerate(references)
         if not by_category or pc == rc),
        reverse=True,
    )
    used_p, used_r, matched = set(), set(), 0
    for score, i, j in pairs:
        if score < 0.5:
            break
        if i not in used_p and j not in used_r:
            used_p.add(i)
            used_r.add(j)
            matched += 1
    return matched


@dataclass
class DigestScores:
    """Point counts per category (matched, predicted, reference) and metadata tallies."""

    points: dict[str, list[int]] = field(default_factory=lambda: {c: [0, 0, 0] for c in (*CATEGORIES, "any")})
    fields: Counter = field(default_factory=Counter)
    people: list[int] = field(default_factory=lambda: [0, 0, 0])
    documents: list[int] = field(default_factory=lambda: [0, 0, 0])
    articles: int = 0

    def summary(self) -> dict[str, float]:
        """Recall and precision per category and overall, field accuracies, people and documents F1."""
        result: dict[str, float] = {}
        for name, (matched, predicted, reference) in self.points.items():
            result[f"{name}_recall"] = matched / reference if reference else 0.0
            result[f"{name}_precision"] = matched / predicted if predicted else 0.0
        total = [sum(self.points[c][k] for c in CATEGORIES) for k in range(3)]
        result["recall"] = total[0] / total[2] if total[2] else 0.0
        result["precision"] = total[0] / total[1] if total[1] else 0.0
        for name in FIELDS:
            result[name] = self.fields[name] / self.articles if self.articles else 0.0
        result["people_f1"] = _f1(*self.people)
        result["documents_f1"] = _f1(*self.documents)
        result["metadata_mean"] = sum(result[k] for k in ("date", "place", "organizer", "people_f1", "documents_f1")) / 5
        return result


def _f1(matched: int, predicted: int, reference: int) -> float:
    return 2 * matched / (predicted + reference) if predicted + reference else 1.0


def score_points(scores: DigestScores, digest: dict, reference: ReferenceDigest) -> None:
    """Add one digest's points: per category, and category-blind ("any")."""
    predicted = [(c, p["text"]) for c in CATEGORIES for p in digest.get(KEYS[c], [])]
    for category in CATEGORIES:
        mine = [x for x in predicted if x[0] == category]
        theirs = [x for x in reference.points if x[0] == category]
        counts = scores.points[category]
        counts[0] += _matches(mine, theirs, True)
        counts[1] += len(mine)
        counts[2] += len(theirs)
    counts = scores.points["any"]
    counts[0] += _matches(predicted, reference.points, False)
    counts[1] += len(predicted)
    counts[2] += len(reference.points)


def score_event(scores: DigestScores, digest: dict, reference: ReferenceDigest) -> None:
    """Add one digest's metadata: each field right or wrong, people and documents as sets."""
    gold = reference.event
    scores.articles += 1
    event = digest.get("event", {})
    scores.fields["date"] += _same_date(event.get("date"), gold.get("date"))
    for name, key in (("place", "location"), ("organizer", "organizer"), ("attendance", "participants")):
        scores.fields[name] += _same_phrase(event.get(key), gold.get(name))
    scores.fields["period"] += _same_phrase(digest.get("period"), gold.get("period"))
    _add_set(scores.people, [p["name"] for p in digest.get("people", [])], [p["name"] for p in gold.get("people") or []], _same_name)
    _add_set(scores.documents, digest.get("documents", []), gold.get("documents") or [], _same_document)


def _same_date(predicted: str | None, gold: str | None) -> bool:
    if not predicted or not gold:
        return not predicted and not gold
    if gold.startswith("--"):
        return predicted[-6:] == gold[-6:]
    return predicted == gold


def normalize_phrase(text: str) -> list[str]:
    """Lower-cased words with common abbreviations spelt out: "UBND TP. Đà Nẵng" → ủy ban nhân dân thành phố đà nẵng."""
    words = _WORD.findall(normalize_text(text).lower().replace("uỷ", "ủy").replace("thuỷ", "thủy"))
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words).split()


def _same_phrase(predicted: str | None, gold: str | None) -> bool:
    if not predicted or not gold:
        return not predicted and not gold
    a, b = normalize_phrase(predicted), normalize_phrase(gold)
    if a == b or (set(a) <= set(b) and len(a) >= 2) or (set(b) <= set(a) and len(b) >= 2 and len(a) <= 2 * len(b)):
        return True
    return token_f1(" ".join(a), " ".join(b)) >= 0.6


def _same_name(first: str, second: str) -> bool:
    return normalize_phrase(first) == normalize_phrase(second)


def _document_key(document: str) -> str | None:
    """Type and number: "Chỉ thị số 05-CT/TW" and "Chỉ thị 05 - CT / TW" → "chỉ thị 05"; None for unnumbered ones.

    The number follows the type within a few words ("Nghị quyết Trung ương 4"); a year further on ("Đề án … giai
    đoạn 2017-2018", "Báo cáo … của Chính phủ năm 2018") dates a named document and is no number, or a name cut
    before its year would never match the name in full."""
    text = normalize_text(document).lower()
    match = _NUMBERED_KEY.match(text)
    if match is None or (_YEAR_NUMBER.fullmatch(match.group(2)) and not match.group(3)):
        return None
    return f"{' '.join(match.group(1).split())} {int(match.group(2))}"


_NUMBERED_KEY = re.compile(r"\s*((?:[^\d\s]+\s+){0,4}?[^\d\s]+)\s+(?:số\s+)?(\d+)(\s*[/-]\s*[^\W\d])?")
_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d")


def _same_document(first: str, second: str) -> bool:
    """Numbered documents by type and number; named ones when their words mostly agree ("Luật Đất đai" ~ "Luật Đất đai năm 2013")."""
    a, b = _document_key(first), _document_key(second)
    if a or b:
        return a == b
    return _same_phrase(first, second)


def _add_set(counts: list[int], predicted: list[str], gold: list[str], same) -> None:
    """Greedy one-to-one matches between predicted and gold items."""
    mine, theirs = list(dict.fromkeys(x for x in predicted if x)), list(dict.fromkeys(x for x in gold if x))
    used: set[int] = set()
    for item in mine:
        match = next((j for j, other in enumerate(theirs) if j not in used and same(item, other)), None)
        if match is not None:
            used.add(match)
    counts[0] += len(used)
    counts[1] += len(mine)
    counts[2] += len(theirs)
