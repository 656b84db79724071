"""Fine-tune a local encoder (PhoBERT, XLM-R, or any BERT-like folder) as the unit classifier.

Optional: needs `pip install 'tongket[transformers]'` (torch==2.13.0). Nothing here is imported
unless `--backend transformers` is asked for. The model reads each unit together with the unit
before it, so it sees the same neighbourhood the linear model's second pass uses.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from tongket.models.store import FORMAT, MANIFEST
from tongket.models.transformer import pair_texts
from tongket.text.document import LABELS
from tongket.text.errors import ModelError
from tongket.training.labels import LabelledArticle
from tongket.training.units import build_units

__all__ = ["fit_transformer", "save_transformer"]

_INSTALL = "the transformers backend needs: pip install 'tongket[transformers]' (torch==2.13.0)"


def _imports():
    try:
        import torch
        import transformers
    except ImportError:
        raise ModelError(_INSTALL) from None
    return torch, transformers


def fit_transformer(articles: Sequence[LabelledArticle], options):
    """Fine-tune `options.base_model` on the labelled units; returns the in-memory classifier."""
    torch, transformers = _imports()
    from tongket.models.transformer import TransformerClassifier

    if not options.base_model or not Path(options.base_model).is_dir():
        raise ModelError(f"{options.base_model}: --base-model must be a local model folder (no hub is reachable)")
    torch.manual_seed(options.seed)
    torch.use_deterministic_algorithms(True)
    data = build_units(list(articles), options.levels, body_only_copies=options.body_only_copies)
    tokenizer = transformers.AutoTokenizer.from_pretrained(options.base_model, local_files_only=True)
    model = transformers.AutoModelForSequenceClassification.from_pretrained(
        options.base_model, num_labels=len(LABELS), local_files_only=True, ignore_mismatched_sizes=True
    )
    classes = list(LABELS)
    targets = torch.tensor([classes.index(label) for label in data.labels])
    encoded = _encode(tokenizer, pair_texts(data.units), options.max_length)
    _train(torch, model, encoded, targets, options)
    model.eval()
    return TransformerClassifier(model=model, tokenizer=tokenizer, classes=classes, max_length=options.max_length)


def _encode(tokenizer, pairs: list[tuple[str, str]], max_length: int):
    return tokenizer(
        [a for a, _ in pairs], [b for _, b in pairs], truncation="longest_first",
        max_length=max_length, padding="max_length", return_tensors="pt",
    )


def _train(torch, model, encoded, targets, options) -> None:
    """Plain AdamW loop with cross-entropy on the label head."""
    generator = torch.Generator().manual_seed(options.seed)
    optimizer = torch.optim.AdamW(model.parameters(), lr=options.learning_rate)
    model.train()
    for _ in range(options.epochs):
        order = torch.randperm(len(targets), generator=generator)
        for start in range(0, len(order), options.batch_size):
            batch = order[start : start + options.batch_size]
            logits = model(**{k: v[batch] for k, v in encoded.items()}).logits
            loss = torch.nn.functional.cross_entropy(logits, targets[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


def save_transformer(classifier, output: str | Path, settings: dict) -> Path:
    """safetensors weights, tokenizer files and a manifest with every file's SHA-256."""
    directory = Path(output)
    directory.mkdir(parents=True, exist_ok=True)
    classifier.model.save_pretrained(directory, safe_serialization=True)
    classifier.tokenizer.save_pretrained(directory)
    files = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.iterdir())
        if p.is_file() and p.name not in (MANIFEST, "MODEL_CARD.md")
    }
    manifest = {"format": FORMAT, "backend": "transformers", "classes": classifier.classes,
                "max_length": classifier.max_length, "files": files, **settings}
    (directory / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return directory
