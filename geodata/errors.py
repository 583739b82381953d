"""Errors of the geodata package. Each also subclasses the builtin a caller would expect."""

from __future__ import annotations

__all__ = ["GeodataError", "GazetteerMissing", "GazetteerCorrupt", "OnlineLookupFailed"]


class GeodataError(Exception):
    """Base class of every error raised by geodata."""


class GazetteerMissing(GeodataError, FileNotFoundError):
    """The gazetteer file is not where it should be."""


class GazetteerCorrupt(GeodataError, ValueError):
    """A gazetteer or data file exists but cannot be read as one."""


class OnlineLookupFailed(GeodataError, OSError):
    """The optional online geocoder could not answer (no network, timeout, bad reply)."""
