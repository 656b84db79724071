"""Per-article digests kept on disk, keyed by content hash and model version, so reruns and resumed runs skip work."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from pathlib import Path

__all__ = ["DigestCache", "content_key"]


def content_key(model_version: str, article_id: str, title: str | None, text: str) -> str:
    """Same article text under the same model → same key; any change in either → a new key."""
    digest = hashlib.sha256()
    for part in (model_version, article_id, title or "", text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


class DigestCache:
    """SQLite store of digest JSON; commits every few seconds so a killed run loses almost nothing."""

    def __init__(self, path: Path, commit_every: float = 2.0) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()  # the pool's feeder thread looks keys up while the main thread writes
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS digests (key TEXT PRIMARY KEY, digest TEXT NOT NULL)")
        self._db.execute("CREATE TABLE IF NOT EXISTS outputs (key TEXT PRIMARY KEY, files BLOB NOT NULL)")
        self._commit_every = commit_every
        self._last_commit = time.monotonic()

    def _query(self, sql: str, parameters: tuple = ()) -> tuple | None:
        with self._lock:
            return self._db.execute(sql, parameters).fetchone()

    def get(self, key: str) -> dict | None:
        row = self._query("SELECT digest FROM digests WHERE key = ?", (key,))
        return json.loads(row[0]) if row else None

    def __contains__(self, key: str) -> bool:
        return self._query("SELECT 1 FROM digests WHERE key = ?", (key,)) is not None

    def put(self, key: str, digest: dict) -> None:
        self._query("INSERT OR REPLACE INTO digests VALUES (?, ?)", (key, json.dumps(digest, ensure_ascii=False)))
        if time.monotonic() - self._last_commit > self._commit_every:
            self.commit()

    def get_output(self, key: str) -> bytes | None:
        """A rendered report stored by `put_output` (a zip of its files), or None."""
        row = self._query("SELECT files FROM outputs WHERE key = ?", (key,))
        return bytes(row[0]) if row else None

    def put_output(self, key: str, files: bytes) -> None:
        self._query("INSERT OR REPLACE INTO outputs VALUES (?, ?)", (key, files))
        self.commit()

    def commit(self) -> None:
        with self._lock:
            self._db.commit()
        self._last_commit = time.monotonic()

    def close(self) -> None:
        self.commit()
        self._db.close()

    def __len__(self) -> int:
        return self._query("SELECT COUNT(*) FROM digests")[0]


def model_version(model_dir: Path) -> str:
    """A short fingerprint of the model files, from the manifest's checksums."""
    manifest = json.loads((model_dir / "manifest.json").read_text(encoding="utf-8"))
    return hashlib.sha256(json.dumps(manifest.get("files", {}), sort_keys=True).encode()).hexdigest()[:16]
