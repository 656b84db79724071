"""The quality gate: the shipped recipe, trained without the held-out real articles, must score at least the
floors pinned in `tests/quality_floors.json` on them (classifier, article type, digests)."""

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # minutes of full-size training: CI runs it as `pytest -m slow`, after the suite

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
FLOORS = json.loads((ROOT / "tests" / "quality_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores():
    if not (CORPUS / "vietnews" / "articles.jsonl").is_file():
        pytest.skip("../shared/corpus is not present: the gate needs the real articles the labels point into")
    from tongket.training.quality import held_out_scores

    return held_out_scores(ROOT / "labels", ROOT / "benchmarks" / "reference" / "digests.jsonl", CORPUS)


@pytest.mark.parametrize("name", [k for k in FLOORS if not k.startswith("_") and k != "epsilon"])
def test_held_out_real_articles_stay_above_the_floor(scores, name):
    assert scores["articles"] >= 50
    assert scores[name] >= FLOORS[name] - FLOORS["epsilon"], f"{name} {scores[name]:.3f} fell below its floor {FLOORS[name]}"
