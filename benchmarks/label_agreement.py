"""Agreement between the two independent labelling passes over the real corpus articles.

    python benchmarks/label_agreement.py [--pass-a FILE] [--pass-b FILE] [--write]

Reads the raw passes kept by reference (`benchmarks/reference/label_pass_a.jsonl`, `label_pass_b.jsonl`) and prints
raw agreement, Cohen's κ and macro-F1 of one pass against the other for unit labels, and agreement on whether an
article is review-like. The passes hold labels only, so the corpus is not needed.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from common import publish
from sklearn.metrics import cohen_kappa_score, f1_score

REFERENCE = Path(__file__).resolve().parent / "reference"
CONTENT = ["achievement", "limitation", "task"]


def read_pass(path: Path) -> dict[tuple[str, int], dict]:
    with path.open(encoding="utf-8") as lines:
        return {(row["article"], row["index"]): row for row in map(json.loads, lines)}


def agreement(first: dict[tuple[str, int], dict], second: dict[tuple[str, int], dict]) -> dict[str, float]:
    """Unit-label and article-type agreement over the units both passes labelled."""
    keys = sorted(set(first) & set(second))
    a = [first[k]["label"] for k in keys]
    b = [second[k]["label"] for k in keys]
    types_a = {k[0]: first[k].get("type") != "other" for k in keys}
    types_b = {k[0]: second[k].get("type") != "other" for k in keys}
    articles = sorted(types_a)
    ta, tb = [types_a[x] for x in articles], [types_b[x] for x in articles]
    return {
        "articles": len(articles),
        "units": len(keys),
        "raw agreement": sum(x == y for x, y in zip(a, b)) / len(keys),
        "Cohen's kappa": cohen_kappa_score(a, b),
        "macro-F1, achievement/limitation/task": f1_score(a, b, labels=CONTENT, average="macro"),
        "macro-F1, all eight labels": f1_score(a, b, average="macro"),
        "review-like or not, agreement": sum(x == y for x, y in zip(ta, tb)) / len(articles),
        "review-like or not, kappa": cohen_kappa_score(ta, tb),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pass-a", type=Path, default=REFERENCE / "label_pass_a.jsonl")
    parser.add_argument("--pass-b", type=Path, default=REFERENCE / "label_pass_b.jsonl")
    parser.add_argument("--write", action="store_true", help="Also log the table in benchmarks/RESULTS.md.")
    args = parser.parse_args()
    scores = agreement(read_pass(args.pass_a), read_pass(args.pass_b))
    rows = [f"| {name} | {value:,} |" if isinstance(value, int) else f"| {name} | {value:.3f} |" for name, value in scores.items()]
    publish("Agreement between the two labelling passes", "\n".join(["| measure | value |", "|---|---:|", *rows]), args.write)


if __name__ == "__main__":
    main()
