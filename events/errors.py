"""Errors of the events package. Each also subclasses the builtin a caller would expect."""

from __future__ import annotations

from pathlib import Path

__all__ = ["EventsError", "ArticleError", "RulesError", "StoreError"]


class EventsError(Exception):
    """Base class of every error raised by events."""


class ArticleError(EventsError, ValueError):
    """An article file cannot be used; ``reason`` says why in words a user can act on."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class RulesError(EventsError, ValueError):
    """A rules file is malformed; names the file, the entry and what is wrong."""

    def __init__(self, file: Path | str, key: str, why: str) -> None:
        super().__init__(f"{file}: {key}: {why}")
        self.file, self.key, self.why = str(file), key, why


class StoreError(EventsError, OSError):
    """The claims database cannot be opened or written."""
