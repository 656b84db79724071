"""Shared fixtures: paths to the repository's data and a small model trained once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "labels"
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = Path(__file__).resolve().parent / "data"

os.environ.setdefault("COLUMNS", "200")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")


@pytest.fixture(scope="session")
def small_label_files() -> list[Path]:
    """Three sectors' label files: enough to train a real, small model in seconds."""
    return [LABELS / "education.jsonl", LABELS / "transport.jsonl", LABELS / "labour.jsonl"]


@pytest.fixture(scope="session")
def small_articles(small_label_files):
    from tongket.training.labels import load_labels

    return load_labels(small_label_files)


@pytest.fixture(scope="session")
def small_model(small_articles):
    from tongket.training.train import TrainOptions, fit_linear

    return fit_linear(small_articles, TrainOptions(use_context=True))


@pytest.fixture(scope="session")
def small_model_dir(small_model, tmp_path_factory) -> Path:
    from tongket.models.store import save_model

    return save_model(small_model, tmp_path_factory.mktemp("model") / "m")


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS
