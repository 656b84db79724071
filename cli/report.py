"""`tongket report`: one consolidated report over folders, globs and corpora of articles."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from tongket.cli.common import check_choice, state

FORMATS = ("html", "md", "docx")


def report_command(
    inputs: Annotated[list[str], typer.Argument(help="Folders (recursive), globs, article files, .jsonl corpora.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Report file to write.")],
    output_format: Annotated[Optional[str], typer.Option("--format", "-f", help="html, md or docx (default: from -o).")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Keep articles dated on or after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Keep articles dated on or before YYYY-MM-DD.")] = None,
    words: Annotated[Optional[list[str]], typer.Option("--filter", help="Keep articles containing these words (repeatable).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (0 = all cores).")] = 0,
    cache: Annotated[Optional[Path], typer.Option("--cache", help="Digest cache folder (default ~/.cache/tongket or $TONGKET_CACHE).")] = None,
    model: Annotated[Optional[Path], typer.Option("--model", "-m", help="Model folder (default: the shipped model).")] = None,
    title: Annotated[str, typer.Option("--title", help="Report title.")] = "Báo cáo tổng hợp",
    threshold: Annotated[float, typer.Option("--threshold", help="Average similarity needed to group points (0–1).")] = 0.2,
    all_articles: Annotated[bool, typer.Option("--all-articles", help="Group points of every article, not only those reporting a review.")] = False,
    progress: Annotated[bool, typer.Option("--progress/--no-progress")] = True,
) -> None:
    """Digest every article (in parallel, cached, resumable) and write the consolidated report."""
    fmt = check_choice(output_format or output.suffix.lstrip(".").lower(), FORMATS, "--format")
    for name, value in (("--since", since), ("--until", until)):
        if value is not None:
            _check_date(value, name)
    if not output.parent.exists():
        raise typer.BadParameter(f"output folder {output.parent} does not exist", param_hint="-o/--output")
    from tongket.report.assemble import build_report
    from tongket.report.batch import BatchOptions, run_batch
    from tongket.report.outputs import output_key, render_with_cache
    from tongket.report.render import render_report

    options = BatchOptions(jobs=jobs, cache_dir=cache, model=model, words=list(words or []), since=since, until=until)
    started = time.perf_counter()
    try:
        with _progress(progress) as callback:
            entries, digest_cache = run_batch(inputs, options, callback)
    except KeyboardInterrupt:
        state.fail("interrupted; finished digests are cached, run the same command again to continue")
        raise typer.Exit(130) from None
    settings = {"format": fmt, "title": title, "threshold": threshold, "output": output.name, "all": all_articles, **vars(options)}
    settings.pop("jobs"), settings.pop("cache_dir")

    def render() -> list[Path]:
        report = build_report(entries, digest_cache, inputs, options, title=title, threshold=threshold, all_articles=all_articles)
        render_report(report, output, fmt)
        assets = output.parent / f"{output.stem}_files"
        return [output, *(sorted(assets.iterdir()) if fmt == "md" and assets.is_dir() else [])]

    from_cache = render_with_cache(digest_cache, output_key(entries, settings), output, render)
    digest_cache.close()
    seconds = time.perf_counter() - started
    skipped = [e for e in entries if e.skipped]
    typer.echo(
        f"{output}: {len(entries) - len(skipped)} articles, {len(skipped)} skipped, {seconds:.1f} s "
        f"({len(entries) / max(seconds, 1e-9):.1f} articles/s){' — unchanged, served from the cache' if from_cache else ''}",
        err=True,
    )
    for entry in skipped:
        state.fail(f"skipped {entry.skipped}")


def _check_date(value: str, option: str) -> None:
    import re

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise typer.BadParameter(f"{option} must be a date YYYY-MM-DD; got {value!r}")


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
