"""Serve a report from the cache when nothing that shapes it changed: same digests, options, format and tongket."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from tongket.report.batch import BatchEntry
from tongket.report.cache import DigestCache

__all__ = ["output_key", "render_with_cache"]


def output_key(entries: list[BatchEntry], settings: dict) -> str:
    """Fingerprint of everything a rendered report depends on."""
    digest = hashlib.sha256(metadata.version("tongket").encode())
    for source in sorted(Path(__file__).parent.rglob("*")):  # a changed renderer or grouping must not serve old output
        if source.suffix in (".py", ".j2"):
            digest.update(source.read_bytes())
    digest.update(repr(sorted(settings.items())).encode())
    for entry in entries:
        digest.update(f"{entry.key}|{entry.skipped}\n".encode())
    return digest.hexdigest()


def render_with_cache(cache: DigestCache, key: str, path: Path, render: Callable[[], list[Path]]) -> bool:
    """Restore the files of an identical earlier report, or render and store them; True when served from cache."""
    stored = cache.get_output(key)
    if stored is not None:
        with zipfile.ZipFile(io.BytesIO(stored)) as archive:
            archive.extractall(path.parent)
        return True
    files = render()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in files:
            archive.write(file, file.relative_to(path.parent))
    cache.put_output(key, buffer.getvalue())
    return False
