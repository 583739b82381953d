"""Exports of a claims table: CSV (opens in Excel), GeoJSON and GeoParquet (open in QGIS and
geopandas), and an ACLED-shaped CSV for analysts who merge with ACLED data.

``EXPORTERS`` maps a format name to a function (table, path) -> None; the CLI and the app use it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from events.csvsafe import neutralise_frame
from events.query import to_geodataframe

__all__ = ["EXPORTERS", "export", "acled_frame", "ACLED_COLUMNS"]

#: Our event type and gaining side -> ACLED event type and sub-event type (ACLED codebook:
#: "non-state actor overtakes territory" also covers a foreign state's forces).
ACLED_TYPES = {
    ("capture", "UA"): ("Battles", "Government regains territory"),
    ("recapture", "UA"): ("Battles", "Government regains territory"),
    ("withdrawal", "UA"): ("Battles", "Government regains territory"),
    ("partial", "UA"): ("Battles", "Armed clash"),
    ("capture", "RU"): ("Battles", "Non-state actor overtakes territory"),
    ("recapture", "RU"): ("Battles", "Non-state actor overtakes territory"),
    ("withdrawal", "RU"): ("Battles", "Non-state actor overtakes territory"),
    ("partial", "RU"): ("Battles", "Armed clash"),
}
ACTORS = {"UA": "Military Forces of Ukraine", "RU": "Military Forces of Russia", "none": ""}
PRECISION = {"day": 1, "week": 2, "month": 3, "season": 3, "year": 3, "unknown": 3}
ACLED_COLUMNS = ("event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
                 "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source",
                 "source_scale", "notes", "claimant", "claimant_side", "status", "evidence", "claim_id", "event_id")


def acled_frame(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims as ACLED-style rows, with our claimant, status and evidence alongside."""
    rows = []
    for r in claims.itertuples():
        event_type, sub = ACLED_TYPES.get((r.event_type, r.gaining_side), ("Battles", "Armed clash"))
        if r.event_type == "denial":
            event_type, sub = "Strategic developments", "Other"
        gain = r.gaining_side if r.gaining_side in ("UA", "RU") and r.event_type != "denial" else ""
        other = {"UA": "RU", "RU": "UA"}.get(gain, "")
        country = {"UA": "Ukraine", "RU": "Russia"}.get(r.country, "")
        rows.append({
            "event_id_cnty": f"{'RUS' if r.country == 'RU' else 'UKR'}{int(hashlib.sha256(r.claim_id.encode()).hexdigest()[:8], 16) % 10**7:07d}",
            "event_date": r.event_date or "", "time_precision": PRECISION.get(r.date_precision, 3),
            "event_type": event_type, "sub_event_type": sub, "actor1": ACTORS.get(gain, ""), "actor2": ACTORS.get(other, ""),
            "country": country, "admin1": r.admin1, "admin2": r.admin2, "location": r.place_name or r.settlement,
            "latitude": r.lat, "longitude": r.lon,
            "geo_precision": 1 if r.place_status in ("resolved", "reviewed") else 3,
            "source": r.source or "unattributed", "source_scale": "International" if r.source in ("AFP", "Reuters", "AP", "dpa") else "Other",
            "notes": f"{r.claimant} claims {r.event_type} ({'gain: ' + gain if gain else 'no change'})"
                     f"{'; hedged' if r.hedged else ''}: {r.evidence}",
            "claimant": r.claimant, "claimant_side": r.claimant_side, "status": r.status, "evidence": r.evidence,
            "claim_id": r.claim_id, "event_id": r.event_id,
        })
    return pd.DataFrame(rows, columns=list(ACLED_COLUMNS))


def _csv(claims: pd.DataFrame, path: Path) -> None:
    # utf-8 with a byte-order mark: Excel then reads Cyrillic and ’ correctly; no cell runs as a formula
    neutralise_frame(claims).to_csv(path, index=False, encoding="utf-8-sig")


def _geojson(claims: pd.DataFrame, path: Path) -> None:
    gdf = to_geodataframe(claims)
    gdf["hedged"] = gdf["hedged"].astype(bool)
    gdf.astype({"geonameid": "float64"}).to_file(path, driver="GeoJSON")


def _parquet(claims: pd.DataFrame, path: Path) -> None:
    to_geodataframe(claims).to_parquet(path, index=False)


def _acled(claims: pd.DataFrame, path: Path) -> None:
    neutralise_frame(acled_frame(claims)).to_csv(path, index=False, encoding="utf-8-sig")


EXPORTERS: dict[str, Callable[[pd.DataFrame, Path], None]] = {
    "csv": _csv, "geojson": _geojson, "parquet": _parquet, "acled": _acled,
}


def export(claims: pd.DataFrame, fmt: str, path: Path | str) -> None:
    """Write ``claims`` as ``fmt``; an unknown format names the known ones."""
    if fmt not in EXPORTERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(EXPORTERS)}")
    EXPORTERS[fmt](claims, Path(path))
