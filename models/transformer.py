"""Inference with a fine-tuned encoder saved by `tongket train --backend transformers` (safetensors only)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tongket.models.units import Unit
from tongket.text.errors import ModelError

__all__ = ["TransformerClassifier", "load_transformer", "pair_texts"]

_INSTALL = "this model uses the transformers backend: pip install 'tongket[transformers]' (torch==2.13.0)"


@dataclass
class TransformerClassifier:
    """Same interface as the linear runtime: `classes` and `predict(units) -> (probs, scores)`."""

    model: object
    tokenizer: object
    classes: list[str]
    max_length: int = 256
    batch_size: int = 32

    def predict_proba(self, units: Sequence[Unit]) -> np.ndarray:
        """Probabilities over `classes` for every unit, read together with the unit before it."""
        import torch

        if not units:
            return np.zeros((0, len(self.classes)))
        pairs = pair_texts(units)
        probs = []
        with torch.no_grad():
            for start in range(0, len(pairs), self.batch_size):
                chunk = pairs[start : start + self.batch_size]
                encoded = self.tokenizer([a for a, _ in chunk], [b for _, b in chunk], truncation="longest_first",
                                         max_length=self.max_length, padding=True, return_tensors="pt")
                probs.append(torch.softmax(self.model(**encoded).logits, dim=1).numpy())
        return np.vstack(probs).astype(float)


def pair_texts(units: Sequence[Unit]) -> list[tuple[str, str]]:
    """(unit text, previous unit's text in the same article and level) for every unit."""
    previous: dict[tuple[str, str], str] = {}
    pairs = []
    for unit in units:
        key = (unit.article, unit.level)
        pairs.append((unit.text, previous.get(key, "")))
        previous[key] = unit.text
    return pairs


def load_transformer(directory: Path, manifest: dict) -> TransformerClassifier:
    """Check every file against the manifest, then load weights from safetensors (never pickle)."""
    try:
        import transformers
    except ImportError:
        raise ModelError(_INSTALL) from None
    for name, expected in manifest.get("files", {}).items():
        path = directory / name
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != expected:
            raise ModelError(f"{path}: missing or does not match the manifest's checksum; refusing to load it")
    if not (directory / "model.safetensors").is_file():
        raise ModelError(f"{directory}: no model.safetensors; only safetensors weights are loaded")
    model = transformers.AutoModelForSequenceClassification.from_pretrained(directory, local_files_only=True, use_safetensors=True)
    tokenizer = transformers.AutoTokenizer.from_pretrained(directory, local_files_only=True)
    model.eval()
    return TransformerClassifier(model, tokenizer, list(manifest["classes"]), int(manifest.get("max_length", 256)))
