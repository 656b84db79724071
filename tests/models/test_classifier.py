import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from tongket.models.classifier import UnitClassifier
from tongket.models.units import Unit
from tongket.text.errors import ModelError
from tongket.training.units import build_units


def test_params_round_trip_and_clone():
    estimator = UnitClassifier(C=2.0, use_context=False)
    assert estimator.get_params()["C"] == 2.0
    estimator.set_params(C=3.0)
    cloned = clone(estimator)
    assert cloned.get_params() == estimator.get_params() and cloned is not estimator


def test_predict_before_fit_raises():
    with pytest.raises(NotFittedError):
        UnitClassifier().predict([Unit("Đạt 95% kế hoạch.", "a", 0, 1)])


def test_learns_the_three_content_labels(small_model, small_articles):
    texts = [
        "Toàn ngành đã hoàn thành vượt mức 12 chỉ tiêu, tỷ lệ giải ngân đạt 96%.",
        "Tuy nhiên, công tác phối hợp còn chậm, một số địa phương chưa quan tâm đúng mức.",
        "Thời gian tới, các đơn vị cần tập trung đẩy mạnh chuyển đổi số, tăng cường kiểm tra, giám sát.",
    ]
    units = [Unit(text, "x", i, 3) for i, text in enumerate(texts)]
    assert list(small_model.predict(units)) == ["achievement", "limitation", "task"]
    assert np.allclose(small_model.predict_proba(units).sum(axis=1), 1.0)


def test_saved_runtime_and_estimator_agree(small_model, small_model_dir, small_articles):
    from tongket.models.store import load_estimator, load_runtime

    units = build_units(small_articles[:3]).units
    runtime, estimator = load_runtime(small_model_dir), load_estimator(small_model_dir)
    expected = small_model.predict_proba(units)
    assert np.allclose(runtime.predict_proba(units), expected, atol=1e-5)
    assert np.allclose(estimator.predict_proba(units), expected)


def test_tampered_files_are_refused(small_model_dir, tmp_path):
    import shutil

    from tongket.models.store import load_estimator, load_runtime

    copy = tmp_path / "tampered"
    shutil.copytree(small_model_dir, copy)
    with (copy / "runtime.npz").open("ab") as handle:
        handle.write(b"\x00")
    with pytest.raises(ModelError, match="checksum"):
        load_runtime(copy)
    (copy / "model.skops").write_bytes(b"PK\x03\x04 not a model")
    with pytest.raises(ModelError, match="checksum"):
        load_estimator(copy)


def test_foreign_types_in_a_skops_file_are_refused(small_model_dir, tmp_path):
    import hashlib
    import json
    import shutil

    import skops.io

    from tongket.models.store import load_estimator

    copy = tmp_path / "foreign"
    shutil.copytree(small_model_dir, copy)
    skops.io.dump({"payload": _Foreign()}, copy / "model.skops")
    manifest = json.loads((copy / "manifest.json").read_text())
    manifest["files"]["model.skops"] = hashlib.sha256((copy / "model.skops").read_bytes()).hexdigest()
    (copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="allow-list"):
        load_estimator(copy)


class _Foreign:
    pass


def test_folder_without_manifest_is_not_a_model(tmp_path):
    from tongket.models.store import load_classifier

    with pytest.raises(ModelError, match="manifest"):
        load_classifier(tmp_path)


def test_a_model_folder_loads_its_term_index_ready_made(small_model_dir, small_articles):
    import pickle

    from tongket.models.store import load_runtime

    runtime = load_runtime(small_model_dir)
    assert runtime.vocabulary is None and runtime._index is not None
    units = build_units(small_articles[:2]).units
    shipped = pickle.loads(pickle.dumps(runtime))  # as a process pool or a Dask worker receives it
    assert np.array_equal(shipped.predict_proba(units), runtime.predict_proba(units))


def test_a_folder_saved_before_the_term_index_still_loads(small_model, small_model_dir, small_articles, tmp_path):
    import hashlib
    import json
    import shutil

    from tongket.models.store import load_runtime

    old = tmp_path / "old"
    shutil.copytree(small_model_dir, old)
    vocabulary = small_model.runtime_.vocabulary
    meta = json.loads((old / "runtime.json").read_text(encoding="utf-8"))
    meta["vocabulary"] = sorted(vocabulary, key=vocabulary.__getitem__)
    (old / "runtime.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    (old / "index.npz").unlink()
    manifest = json.loads((old / "manifest.json").read_text(encoding="utf-8"))
    del manifest["files"]["index.npz"]
    manifest["files"]["runtime.json"] = hashlib.sha256((old / "runtime.json").read_bytes()).hexdigest()
    (old / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    units = build_units(small_articles[:2]).units
    assert np.array_equal(load_runtime(old).predict_proba(units), load_runtime(small_model_dir).predict_proba(units))
