"""Downloads of what is filtered: the same exporters as the command line, into bytes."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd

from events.export import EXPORTERS

__all__ = ["export_bytes", "DOWNLOADS"]

#: format -> (button label, file extension, MIME type)
DOWNLOADS = {
    "csv": ("CSV (Excel)", "csv", "text/csv"),
    "geojson": ("GeoJSON (QGIS)", "geojson", "application/geo+json"),
    "parquet": ("GeoParquet", "parquet", "application/vnd.apache.parquet"),
    "acled": ("ACLED-style CSV", "csv", "text/csv"),
}


def export_bytes(claims: pd.DataFrame, fmt: str) -> bytes:
    """The claims written by events.export in ``fmt``, as bytes for a download button."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"claims.{DOWNLOADS[fmt][1]}"
        EXPORTERS[fmt](claims, path)
        return path.read_bytes()
