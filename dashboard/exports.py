"""Downloads of what is filtered: the same exporters as the command line, into bytes."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import pandas as pd

from dashboard.filters import FilterState
from events.export import EXPORTERS

__all__ = ["export_bytes", "DOWNLOADS", "file_name", "short_name"]

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


_SMALL = {"for", "the", "and", "a", "an", "in", "on"}


def short_name(name: str) -> str:
    """A claimant or outlet as a file name's part: "Russian Ministry of Defence" -> "RU-MoD",
    "Ukrainian General Staff" -> "UA-GS", "AFP" -> "AFP"."""
    words = re.findall(r"[A-Za-z0-9]+", name)
    side = ""
    if words and words[0] in ("Russian", "Ukrainian"):
        side, words = {"Russian": "RU", "Ukrainian": "UA"}[words[0]], words[1:]
    if len(words) >= 2:
        core = "".join(w[0] if w == "of" else w[0].upper() for w in words if w.lower() not in _SMALL)
    else:
        core = "".join(words)[:24]
    return "-".join(part for part in (side, core) if part) or "unnamed"


def file_name(state: FilterState, bounds: tuple[dt.date, dt.date], ext: str, suffix: str = "") -> str:
    """A download's name after the filters in force: frontline-claims_RU-MoD_2024-05.csv."""
    parts = ["frontline-claims"]
    for values in (state.claimants, state.sources):
        if len(values) > 2:
            parts.append(f"{len(values)}-chosen")
        else:
            parts += [short_name(v or "unattributed") for v in values]
    parts += [{"RU": "RU-claimants", "UA": "UA-claimants", "none": "no-side"}.get(v, v) for v in state.claimant_sides]
    parts += [{"RU": "RU-gains", "UA": "UA-gains", "none": "no-change"}.get(v, v) for v in state.gaining_sides]
    parts += list(state.event_types) + [short_name(o) for o in state.oblasts[:2]]
    if state.text.strip():
        parts.append("search-" + "-".join(re.findall(r"[A-Za-z0-9]+", state.text))[:30])
    low, high = state.date_from or bounds[0], state.date_to or bounds[1]
    if state.as_of:
        parts.append(f"as-of-{state.as_of.isoformat()}")
    elif (low, high) != bounds:
        month_end = (low.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        if low.day == 1 and high == month_end:
            parts.append(low.strftime("%Y-%m"))
        else:
            parts.append(f"{low.isoformat()}_{high.isoformat()}")
    name = "_".join(p for p in parts if p)
    return f"{name}{suffix}.{ext}"
