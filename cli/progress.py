"""A rich progress display that library functions drive through a plain callback."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

__all__ = ["progress_callback"]


@contextmanager
def progress_callback(enabled: bool = True) -> Iterator[Callable[[str, int, int], None] | None]:
    """Yield `callback(stage, done, total)` that shows one bar per stage on stderr."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
        tasks: dict[str, int] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(stage, total=total)
            progress.update(tasks[stage], completed=done, total=total)

        yield update
