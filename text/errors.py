"""Errors the library raises; only the CLI turns them into exit codes."""

from __future__ import annotations

import json

__all__ = ["TongketError", "InputError", "LabelsFormatError", "ModelError", "OptionError", "check_option", "parse_json_line"]


class TongketError(Exception):
    """Base of every error tongket raises on purpose."""


class InputError(TongketError):
    """An article file cannot be read: missing, empty, binary or undecodable."""


class LabelsFormatError(TongketError):
    """A labelled-paragraph file breaks the schema (the message names file and line)."""


class ModelError(TongketError):
    """A model directory is missing, foreign or tampered with."""


class OptionError(TongketError, ValueError):
    """An option value outside what is allowed; the message names the allowed values. The CLI exits 2."""


def check_option(value: str, allowed: tuple[str, ...], name: str) -> str:
    """Return `value` if allowed, else raise naming what is: "level must be one of paragraph, sentence; got 'word'"."""
    if value not in allowed:
        raise OptionError(f"{name} must be one of {', '.join(allowed)}; got {value!r}")
    return value


def parse_json_line(line: str, where: str, error: type[TongketError]) -> object:
    """The JSON value on one line of a JSON Lines file; broken JSON raises `error` naming `where` and the column."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as broken:
        raise error(f"{where}: broken JSON ({broken.msg} at column {broken.colno})") from None
