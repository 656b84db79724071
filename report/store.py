"""The report's on-disk cache: per-article digests, the last grouping of points and whole rendered reports,
in one SQLite file.

A digest is keyed by the article's content, the model's version and a fingerprint of the code that
makes digests, so a new tongket never serves a digest the old code made. A rendered report is keyed
by everything it depends on, so an unchanged rerun copies stored files instead of grouping and
drawing again. Writes commit every few seconds: a killed run loses almost nothing.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from functools import cache
from importlib import resources
from pathlib import Path

from tongket.text.errors import OptionError

__all__ = ["ReportCache", "content_key", "model_version", "digest_code_version", "report_code_version"]

_DIGEST_CODE = ("tongket.text", "tongket.models", "tongket.summarise")


def content_key(version: str, article_id: str, title: str | None, text: str) -> str:
    """Same article under the same model and digest code → same key; any change in any of them → a new key."""
    digest = hashlib.sha256()
    for part in (version, article_id, title or "", text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def model_version(model_dir: Path) -> str:
    """A short fingerprint of the model files, from the manifest's checksums."""
    manifest = json.loads((Path(model_dir) / "manifest.json").read_text(encoding="utf-8"))
    return hashlib.sha256(json.dumps(manifest.get("files", {}), sort_keys=True).encode()).hexdigest()[:16]


@cache
def digest_code_version() -> str:
    """A fingerprint of the source files that turn an article into a digest (read, clean, classify, extract, summarise)."""
    digest = hashlib.sha256()
    for package in _DIGEST_CODE:
        for path in sorted(resources.files(package).iterdir(), key=lambda p: p.name):
            if path.name.endswith(".py"):
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    pipeline = resources.files("tongket") / "pipeline.py"
    digest.update(pipeline.read_bytes())
    return digest.hexdigest()[:16]


@cache
def report_code_version() -> str:
    """A fingerprint of the code and templates that group and render reports: a changed renderer must not serve old output."""
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).parent.rglob("*")):
        if source.suffix in (".py", ".j2"):
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


class ReportCache:
    """SQLite store of digest JSON and rendered reports; `path=None` keeps everything in memory."""

    def __init__(self, path: Path | None, commit_every: float = 1.0) -> None:
        self.path = path
        self._lock = threading.Lock()  # the pool's feeder thread looks keys up while the main thread writes
        self._db = sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False)
        if path:
            self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS digests (key TEXT PRIMARY KEY, digest TEXT NOT NULL)")
        self._db.execute("CREATE TABLE IF NOT EXISTS outputs (key TEXT PRIMARY KEY, files BLOB NOT NULL)")
        self._db.execute("CREATE TABLE IF NOT EXISTS groupings (key TEXT PRIMARY KEY, labels TEXT NOT NULL)")
        self._db.execute("CREATE TABLE IF NOT EXISTS files (key TEXT PRIMARY KEY, items TEXT NOT NULL)")
        self._db.execute("CREATE TABLE IF NOT EXISTS fragments (key TEXT PRIMARY KEY, text TEXT NOT NULL)")
        self._db.commit()
        self._commit_every = commit_every
        self._last_commit = time.monotonic()
        self.partitions = None

    @property
    def partition_folder(self) -> Path:
        """Where Dask workers write digests as Parquet partitions, beside the SQLite file."""
        if self.path is None:
            raise OptionError("the dask engine needs an on-disk cache that every worker can reach; give --cache DIR")
        return Path(self.path).parent / "partitions"

    def refresh_partitions(self) -> None:
        """Index the partitions workers have written, so their digests are found like any other."""
        if self.path is None or not self.partition_folder.is_dir():
            return
        from tongket.report.cluster import PartitionStore

        if self.partitions is None:
            self.partitions = PartitionStore(self.partition_folder)
        else:
            self.partitions.refresh()

    @classmethod
    def open(cls, folder: Path) -> ReportCache:
        """The cache in `folder`, created if needed; refuses, naming the folder, when it cannot be written."""
        try:
            folder.mkdir(parents=True, exist_ok=True)
            cache = cls(folder / "digests.sqlite")
            cache._db.execute("CREATE TABLE IF NOT EXISTS probe (x)")
            cache._db.execute("DROP TABLE probe")
            cache._db.commit()
            cache.refresh_partitions()
            return cache
        except (OSError, sqlite3.Error) as error:
            raise OptionError(f"cache folder {folder} cannot be written ({error}); give --cache DIR") from None

    def _query(self, sql: str, parameters: tuple = ()) -> tuple | None:
        with self._lock:
            return self._db.execute(sql, parameters).fetchone()

    def get(self, key: str) -> dict | None:
        row = self._query("SELECT digest FROM digests WHERE key = ?", (key,))
        if row:
            return json.loads(row[0])
        return self.partitions.get(key) if self.partitions is not None else None

    def __contains__(self, key: str) -> bool:
        if self.partitions is not None and key in self.partitions:
            return True
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

    def get_file(self, key: str) -> list[list] | None:
        """What an unchanged input file held at the last run: [source, key, skipped, fingerprint, signature] per article."""
        row = self._query("SELECT items FROM files WHERE key = ?", (key,))
        return json.loads(row[0]) if row else None

    def put_file(self, key: str, items: list[list]) -> None:
        self._query("INSERT OR REPLACE INTO files VALUES (?, ?)", (key, json.dumps(items, ensure_ascii=False)))

    def get_grouping(self, key: str) -> bytes | None:
        """The grouping memory an earlier run stored under `key` (category and threshold)."""
        row = self._query("SELECT labels FROM groupings WHERE key = ?", (key,))
        return row[0] if row else None

    def put_grouping(self, key: str, labels: bytes) -> None:
        self._query("INSERT OR REPLACE INTO groupings VALUES (?, ?)", (key, labels))

    def get_fragment(self, key: str) -> str | None:
        """A piece of a rendered report (one appendix entry) stored by `put_fragment`, or None."""
        row = self._query("SELECT text FROM fragments WHERE key = ?", (key,))
        return row[0] if row else None

    def put_fragment(self, key: str, text: str) -> None:
        self._query("INSERT OR REPLACE INTO fragments VALUES (?, ?)", (key, text))
        if time.monotonic() - self._last_commit > self._commit_every:
            self.commit()

    def commit(self) -> None:
        with self._lock:
            self._db.commit()
        self._last_commit = time.monotonic()

    def close(self) -> None:
        self.commit()
        self._db.close()

    def __len__(self) -> int:
        return self._query("SELECT COUNT(*) FROM digests")[0] + (len(self.partitions) if self.partitions is not None else 0)
