"""Read the claims back: one row per claim, analysts' reviews applied, events and status attached.

``claims_frame(store)`` does the SQL; ``apply_reviews`` and ``attach_events`` are pure and shape
the table; ``to_geodataframe`` makes it a GeoDataFrame (EPSG:4326) for maps and exports.
"""

from __future__ import annotations

import datetime as dt
import json

import geopandas
import pandas as pd

from events.records import Claim, DatePrecision, EventType, Side
from events.status import group_events
from events.store import Store

__all__ = ["CLAIM_COLUMNS", "claims_frame", "apply_reviews", "attach_events", "to_geodataframe"]

#: One row per claim, in this order, in every export (the CLI's and the app's).
CLAIM_COLUMNS = (
    "claim_id", "event_id", "article", "source", "published", "settlement", "place_name", "geonameid", "admin1",
    "lat", "lon", "event_type", "gaining_side", "claimant", "claimant_side", "hedged", "event_date",
    "date_precision", "status", "evidence", "background",
    # beyond the contract: what an analyst checks next
    "claimant_kind", "via", "date_basis", "place_status", "place_candidates", "admin2", "country", "confidence",
    "review", "reviewer", "url", "title", "article_id", "evidence_start", "evidence_end", "evidence_spans",
    "extractor_version",
    "status_note",
)

_SQL = """
SELECT c.id AS claim_id, a.path AS article, a.source AS source, a.published AS published,
       a.published_precision AS published_precision, a.url AS url, a.title AS title, c.*
FROM claims c JOIN articles a ON a.id = c.article_id
ORDER BY a.published, a.path, c.evidence_start
"""


def apply_reviews(claims: pd.DataFrame, reviews: pd.DataFrame) -> pd.DataFrame:
    """The latest review of each claim wins: reject hides it from events, move re-places it,
    fix_date re-dates it, confirm marks it. Reviews follow a claim through re-extraction by its
    article and settlement position when its id changed."""
    out = claims.copy()
    out["review"] = ""
    out["reviewer"] = ""
    if reviews.empty or out.empty:
        return out
    by_position = {(r.article_id, r.settlement_start): r.claim_id for r in out.itertuples()}
    for r in reviews.sort_values("id").itertuples():
        claim_id = r.claim_id if r.claim_id in set(out["claim_id"]) else by_position.get((r.article_id, r.settlement_start))
        if claim_id is None:
            continue
        i = out.index[out["claim_id"] == claim_id][0]
        out.at[i, "review"], out.at[i, "reviewer"] = r.action, r.reviewer
        if r.action == "move":
            out.loc[i, ["geonameid", "place_name", "admin1", "lat", "lon", "place_status"]] = [
                r.geonameid, r.place_name, r.admin1, r.lat, r.lon, "reviewed"]
        elif r.action == "fix_date":
            out.loc[i, ["event_date", "date_precision", "date_basis"]] = [r.event_date, r.date_precision or "day",
                                                                         f"set by {r.reviewer}"]
    return out


def _as_claim(row: dict) -> Claim:
    date = dt.date.fromisoformat(row["event_date"]) if isinstance(row["event_date"], str) and row["event_date"] else None
    return Claim(
        id=row["claim_id"], article_id=row["article_id"], settlement=row["settlement"],
        settlement_start=int(row["settlement_start"]), settlement_end=int(row["settlement_end"]),
        geonameid=None if pd.isna(row["geonameid"]) else int(row["geonameid"]), place_name=row["place_name"],
        place_status=row["place_status"], place_candidates=(), event_type=EventType(row["event_type"]),
        gaining_side=Side(row["gaining_side"]), claimant=row["claimant"], claimant_side=Side(row["claimant_side"]),
        claimant_kind=row["claimant_kind"], via=row["via"], hedged=bool(row["hedged"]), event_date=date,
        date_precision=DatePrecision(row["date_precision"]) if date else DatePrecision.UNKNOWN,
        date_basis=row["date_basis"], evidence=row["evidence"], evidence_start=int(row["evidence_start"]),
        evidence_end=int(row["evidence_end"]), confidence=float(row["confidence"]),
        extractor_version=row["extractor_version"], denied_side=Side(row["denied_side"]),
        background=bool(row.get("background", False)))


def attach_events(claims: pd.DataFrame) -> pd.DataFrame:
    """Add event_id, status and status_note; rejected claims belong to no event."""
    out = claims.copy()
    out["event_id"], out["status"], out["status_note"] = "", "rejected", ""
    live = out[out["review"] != "reject"]
    if live.empty:
        return out
    sources = dict(zip(live["article_id"], live["source"]))
    events = group_events((_as_claim(row) for row in live.to_dict("records")), sources)
    by_claim = {cid: e for e in events for cid in e.claim_ids}
    keep = out["review"] != "reject"
    out.loc[keep, "event_id"] = out.loc[keep, "claim_id"].map(lambda c: by_claim[c].id)
    out.loc[keep, "status"] = out.loc[keep, "claim_id"].map(lambda c: str(by_claim[c].status))
    out.loc[keep, "status_note"] = out.loc[keep, "claim_id"].map(lambda c: by_claim[c].note)
    return out


def claims_frame(store: Store) -> pd.DataFrame:
    """Every claim in the store as one table (columns CLAIM_COLUMNS), newest articles last."""
    rows = [dict(r) for r in store.rows(_SQL)]
    frame = pd.DataFrame(rows)
    if frame.empty:
        return pd.DataFrame(columns=list(CLAIM_COLUMNS))
    frame = frame.loc[:, ~frame.columns.duplicated()]
    frame["published"] = [p[:7] if prec == "month" else p[:4] if prec == "year" else p
                          for p, prec in zip(frame["published"].fillna(""), frame["published_precision"].fillna(""))]
    frame["hedged"] = frame["hedged"].astype(bool)
    frame["background"] = frame["background"].astype(bool)
    # "12-80; 300-412": the character spans of every sentence telling the claim
    frame["evidence_spans"] = ["; ".join(f"{a}-{b}" for a, b in json.loads(s)) for s in frame["evidence_spans"]]
    frame["place_candidates"] = [";".join(map(str, json.loads(c))) for c in frame["place_candidates"]]
    frame["geonameid"] = frame["geonameid"].astype("Int64")
    reviews = pd.DataFrame([dict(r) for r in store.rows("SELECT * FROM reviews")])
    frame = attach_events(apply_reviews(frame, reviews))
    return frame[list(CLAIM_COLUMNS)]


def to_geodataframe(claims: pd.DataFrame) -> geopandas.GeoDataFrame:
    """Points at the claims' places (None where the place is ambiguous or unknown)."""
    has_point = claims["lat"].notna() & claims["lon"].notna()
    geometry = geopandas.points_from_xy(claims["lon"].where(has_point, 0.0), claims["lat"].where(has_point, 0.0))
    gdf = geopandas.GeoDataFrame(claims.copy(), geometry=geometry, crs="EPSG:4326")
    gdf.loc[~has_point, "geometry"] = None
    return gdf
