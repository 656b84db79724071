"""Expand report inputs (folders, globs, files, corpora) into article files, and count articles for progress."""

from __future__ import annotations

import glob
from collections.abc import Iterable
from pathlib import Path

from tongket.text.errors import InputError
from tongket.text.read import SUFFIXES

__all__ = ["expand_inputs", "count_articles"]


def expand_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """Folders recursively, glob patterns, plain files; sorted within each input so runs are reproducible."""
    files: list[Path] = []
    for item in map(str, inputs):
        path = Path(item)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.exists():
            files.append(path)
        elif any(ch in item for ch in "*?["):
            files += sorted(Path(p) for p in glob.glob(item, recursive=True) if Path(p).is_file())
        else:
            raise InputError(f"{item}: no such file, folder or pattern")
    return files


def count_articles(files: Iterable[Path]) -> int:
    """Articles in the inputs: one per file, one per non-blank line of a corpus."""
    total = 0
    for path in files:
        if path.suffix.lower() == ".jsonl":
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            total += 1
    return total
