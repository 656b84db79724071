"""Errors the library raises; only the CLI turns them into exit codes."""

from __future__ import annotations

__all__ = ["TongketError", "InputError", "LabelsFormatError", "ModelError"]


class TongketError(Exception):
    """Base of every error tongket raises on purpose."""


class InputError(TongketError):
    """An article file cannot be read: missing, empty, binary or undecodable."""


class LabelsFormatError(TongketError):
    """A labelled-paragraph file breaks the schema (the message names file and line)."""


class ModelError(TongketError):
    """A model directory is missing, foreign or tampered with."""
