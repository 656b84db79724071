"""`write_report`: the whole batch job as one library call, which the CLI and the Python API both use.

Everything a user can get wrong is checked before the first article is read: the options, the output
path, the cache folder, the inputs. Then articles are digested (cached, resumable), the report is
assembled and rendered (or copied from the output cache when nothing changed), and exports are written.
"""

from __future__ import annotations

import hashlib
import io
import logging
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from tongket.report.batch import BatchEntry, run_batch
from tongket.report.model import Skipped
from tongket.report.options import ReportOptions, default_cache_dir
from tongket.report.sources import count_articles, expand_inputs
from tongket.report.store import ReportCache, digest_code_version, model_version, report_code_version
from tongket.text.errors import OptionError

__all__ = ["write_report", "ReportOptions", "ReportSummary"]

logger = logging.getLogger(__name__)
Progress = Callable[[int, int], None]


@dataclass
class ReportSummary:
    """What a run produced and how it went: counts a user should see on stderr."""

    files: list[Path]
    read: int
    in_report: int
    set_aside: int
    skipped: list[Skipped] = field(default_factory=list)
    duplicates: int = 0
    undated: int = 0
    seconds: float = 0.0
    digest_seconds: float = 0.0
    from_cache: bool = False


def write_report(inputs: list, output: Path, options: ReportOptions, progress: Progress | None = None) -> ReportSummary:
    """Digest every article of `inputs` and write the consolidated report to `output` (plus any exports)."""
    started = time.perf_counter()
    output = Path(output)
    options = options.checked(output)
    _check_writable(output)
    files = expand_inputs(inputs)
    if not files:
        raise OptionError(f"no article files found in {', '.join(map(str, inputs))}")
    cache = _open_cache(options.cache_dir)
    try:
        model_dir = _model_dir(options.model)
        version = f"{model_version(model_dir)}-{digest_code_version()}"
        total = count_articles(files)
        digest_started = time.perf_counter()
        entries = run_batch(
            files, options.words, version, str(model_dir), cache, options.jobs, options.engine, options.scheduler,
            progress, total,
        )
        digest_seconds = time.perf_counter() - digest_started
        outputs, from_cache, counts = _render(entries, cache, inputs, options, output)
    finally:
        cache.close()
    return ReportSummary(
        files=outputs, read=len(entries), in_report=counts["in_report"], set_aside=counts["set_aside"],
        skipped=counts["skipped"], duplicates=sum(e.duplicate_of is not None for e in entries), undated=counts["undated"],
        seconds=time.perf_counter() - started, digest_seconds=digest_seconds, from_cache=from_cache,
    )


def _model_dir(model: Path | None) -> Path:
    from tongket.models.store import default_model_dir, read_manifest

    directory = Path(model) if model else default_model_dir()
    read_manifest(directory)
    return directory


def _check_writable(output: Path) -> None:
    """Refuse an output that cannot be written, before any work: missing folder, no permission, a folder."""
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.is_dir():
        raise OptionError(f"output folder {parent} does not exist")
    if output.is_dir():
        raise OptionError(f"output {output} is a folder; give a file name such as bao-cao.html")
    try:
        with tempfile.NamedTemporaryFile(dir=parent, prefix=".tongket-", delete=True):
            pass
    except OSError as error:
        raise OptionError(f"cannot write {output} ({error.strerror or error})") from None


def _open_cache(folder: Path | None) -> ReportCache:
    """The cache the user asked for (refused, naming it, when unwritable); the default one, or memory when
    the default cannot be written, so a read-only home never stops a report."""
    if folder is not None:
        return ReportCache.open(Path(folder))
    try:
        return ReportCache.open(default_cache_dir())
    except OptionError as error:
        logger.warning("%s; digests are kept in memory for this run only", error)
        return ReportCache(None)


def _output_key(entries: list[BatchEntry], options: ReportOptions, output: Path) -> str:
    """Fingerprint of everything a rendered report depends on: digests, options, tongket's version and report code."""
    digest = hashlib.sha256(f"{metadata.version('tongket')}|{report_code_version()}".encode())
    settings = {k: v for k, v in vars(options).items() if k not in ("jobs", "cache_dir", "engine", "scheduler")}
    digest.update(repr(sorted(settings.items())).encode())
    digest.update(output.name.encode())
    for entry in entries:
        digest.update(f"{entry.key}|{entry.skipped}|{entry.duplicate_of}\n".encode())
    return digest.hexdigest()


def _render(entries, cache: ReportCache, inputs, options: ReportOptions, output: Path):
    """Restore an identical earlier report from the cache, or assemble and render it and store the files."""
    key = _output_key(entries, options, output)
    stored = cache.get_output(key)
    if stored is not None:
        with zipfile.ZipFile(io.BytesIO(stored)) as archive:
            names = [n for n in archive.namelist() if n != _COUNTS]
            for name in names:
                archive.extract(name, output.parent)
            counts = _counts_from(archive)
        return [output.parent / n for n in names], True, counts
    from tongket.report.assemble import build_report
    from tongket.report.exports import write_exports
    from tongket.report.render import render_report

    report = build_report(entries, cache, [str(i) for i in inputs], options)
    render_report(report, output, options.format, issuer=options.issuer)
    files = [output]
    assets = output.parent / f"{output.stem}_files"
    if options.format == "md" and assets.is_dir():
        files += sorted(assets.iterdir())
    files += write_exports(report, cache, output, options.exports)
    counts = {"in_report": len(report.articles) - len(report.set_aside), "set_aside": len(report.set_aside),
              "skipped": report.skipped, "undated": report.undated}
    cache.put_output(key, _archive(files, output.parent, counts))
    return files, False, counts


_COUNTS = ".tongket-counts.json"


def _archive(files: list[Path], base: Path, counts: dict) -> bytes:
    import json

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:  # speed over size: it is a cache
        for file in files:
            archive.write(file, file.relative_to(base))
        stored = {**counts, "skipped": [[s.source, s.reason] for s in counts["skipped"]]}
        archive.writestr(_COUNTS, json.dumps(stored, ensure_ascii=False))
    return buffer.getvalue()


def _counts_from(archive: zipfile.ZipFile) -> dict:
    import json

    stored = json.loads(archive.read(_COUNTS))
    stored["skipped"] = [Skipped(source, reason) for source, reason in stored["skipped"]]
    return stored
