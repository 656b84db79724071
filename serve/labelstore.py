"""Label lines written by the app, in the files `tongket train` reads: `labels/app/<annotator>.jsonl`.

Corpus units are kept by reference (the text stays in the corpus); corrections of a pasted or uploaded
article are kept with their text in `<annotator>-written.jsonl`. Every line is marked `"partial": true`,
because one unit is labelled at a time, and carries its annotator, so agreement between two people can
be measured.

Each write replaces the whole file through a temporary file and `os.replace` under a lock: a crash leaves
the old file or the new one, never half a line, and two browser tabs writing at once are serialised, so
neither loses a label.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tongket.text.errors import OptionError

__all__ = ["LabelStore", "check_annotator", "APP_FOLDER"]

APP_FOLDER = "app"
_ANNOTATOR = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


def check_annotator(name: str) -> str:
    """An annotator name that is safe as a file name, else a usage error."""
    if not isinstance(name, str) or not _ANNOTATOR.match(name):
        raise OptionError("annotator must be 1–32 letters, digits, '-' or '_'")
    return name


class LabelStore:
    """The app's label files inside one labels folder."""

    def __init__(self, labels_dir: Path) -> None:
        self.folder = Path(labels_dir) / APP_FOLDER
        self._lock = threading.Lock()

    def path(self, annotator: str, written: bool = False) -> Path:
        return self.folder / f"{check_annotator(annotator)}{'-written' if written else ''}.jsonl"

    def append(self, annotator: str, record: dict, written: bool = False) -> None:
        """Add one label line to the annotator's file, atomically."""
        line = json.dumps(record, ensure_ascii=False) + "\n"
        with self._locked(self.path(annotator, written)) as path:
            old = path.read_text(encoding="utf-8") if path.exists() else ""
            _replace(path, old + line)

    def undo(self, annotator: str) -> dict | None:
        """Remove and return the annotator's last corpus label, or None when there is none."""
        with self._locked(self.path(annotator)) as path:
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True) if path.exists() else []
            if not lines:
                return None
            _replace(path, "".join(lines[:-1]))
            return json.loads(lines[-1])

    def records(self, annotator: str | None = None, written: bool = False) -> Iterator[tuple[str, dict]]:
        """(annotator, record) of every app label line, or of one annotator's."""
        if not self.folder.is_dir():
            return
        suffix = "-written.jsonl" if written else ".jsonl"
        for path in sorted(self.folder.glob("*.jsonl")):
            name = path.name[: -len(suffix)] if path.name.endswith(suffix) else None
            if name is None or (not written and name.endswith("-written")) or (annotator and name != annotator):
                continue
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    yield name, json.loads(line)

    @contextmanager
    def _locked(self, path: Path) -> Iterator[Path]:
        self.folder.mkdir(parents=True, exist_ok=True)
        with self._lock, open(self.folder / ".lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # another app process on the same folder waits too
            try:
                yield path
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def _replace(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
