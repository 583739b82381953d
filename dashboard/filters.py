"""What the analyst asked to see: filter state, filtering, counts, "as of" status. Pure functions
over the claims table of events.query (one row per claim); nothing here imports Streamlit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

__all__ = ["FilterState", "apply_filters", "counts", "explain_empty", "as_of", "settlements", "MULTI_FILTERS"]

#: Multiselect filters: (FilterState field, claims column, label).
MULTI_FILTERS = (
    ("sources", "source", "source"), ("claimants", "claimant", "claimant"),
    ("claimant_sides", "claimant_side", "claimant side"), ("gaining_sides", "gaining_side", "gaining side"),
    ("event_types", "event_type", "event type"), ("statuses", "status", "status"), ("oblasts", "admin1", "oblast"),
)
#: Which claim stands for an event on the map: a change, then fighting, then a denial.
_RANK = {"denial": 1, "contested": 2, "partial": 3, "withdrawal": 4, "recapture": 5, "capture": 5}


@dataclass(frozen=True, slots=True)
class FilterState:
    """Every choice of the sidebar. Empty tuples mean "all"."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sources: tuple[str, ...] = ()
    claimants: tuple[str, ...] = ()
    claimant_sides: tuple[str, ...] = ()
    gaining_sides: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    oblasts: tuple[str, ...] = ()
    text: str = ""
    include_undated: bool = True
    include_background: bool = False  # history told in passing ("captured in February 2022"): off on the map,
    # always on for "status as of a day"
    as_of: dt.date | None = None  # show each settlement's latest claimed status on this day
    as_of_side: str = "all"  # whose claims count for "as of": all, RU or UA

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"the date range starts ({self.date_from}) after it ends ({self.date_to})")
        if self.as_of_side not in ("all", "RU", "UA"):
            raise ValueError(f"as_of_side must be all, RU or UA, not {self.as_of_side!r}")


def _steps(claims: pd.DataFrame, state: FilterState) -> list[tuple[str, pd.Series]]:
    """Each filter as (description, mask), in the order the sidebar shows them."""
    dates = pd.to_datetime(claims["event_date"], errors="coerce")
    undated = dates.isna()
    steps: list[tuple[str, pd.Series]] = []
    in_range = ~undated
    if state.date_from:
        in_range &= dates >= pd.Timestamp(state.date_from)
    if state.date_to:
        in_range &= dates <= pd.Timestamp(state.date_to)
    steps.append((f"the date range {state.date_from or '…'} to {state.date_to or '…'}",
                  in_range | (undated & state.include_undated)))
    if not state.include_background and not state.as_of and "background" in claims:
        # the map shows the news; "status as of a day" is history itself and keeps it
        steps.append(("hiding history (background claims)", ~claims["background"].fillna(False).astype(bool)))
    if state.as_of:
        steps.append((f"the 'as of' day {state.as_of}", undated | (dates <= pd.Timestamp(state.as_of))))
    for attribute, column, label in MULTI_FILTERS:
        chosen = getattr(state, attribute)
        if chosen:
            steps.append((f"the {label} filter ({', '.join(chosen)})", claims[column].isin(chosen)))
    if state.text.strip():
        needle = state.text.strip().lower()
        haystack = (claims["settlement"].fillna("") + " " + claims["place_name"].fillna("") + " " +
                    claims["evidence"].fillna("")).str.lower()
        steps.append((f"the search {state.text.strip()!r}", haystack.str.contains(needle, regex=False)))
    steps.append(("rejected claims", claims["status"] != "rejected"))
    return steps


def apply_filters(claims: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    """The claims the filters keep (rejected claims never)."""
    if claims.empty:
        return claims
    keep = pd.Series(True, index=claims.index)
    for _, mask in _steps(claims, state):
        keep &= mask
    return claims[keep]


def explain_empty(claims: pd.DataFrame, state: FilterState) -> str:
    """Why nothing is shown: the first filter that removes the last claims."""
    if claims.empty:
        return "The database holds no claims yet: upload articles, or ingest the samples."
    keep = pd.Series(True, index=claims.index)
    for description, mask in _steps(claims, state):
        before = int(keep.sum())
        keep &= mask
        if before and not keep.any():
            return f"No claims match: {description} removes the last {before} of {len(claims)}."
    return "No claims match these filters."


def counts(claims: pd.DataFrame) -> dict[str, int]:
    """Claims, events, settlements and undated claims in a (filtered) table."""
    places = claims["geonameid"].astype("string").fillna("?" + claims["settlement"].str.lower())
    return {"claims": len(claims), "events": claims["event_id"].replace("", pd.NA).nunique(),
            "settlements": places.nunique(),
            "undated": int(pd.to_datetime(claims["event_date"], errors="coerce").isna().sum())}


def as_of(claims: pd.DataFrame, day: dt.date, side: str = "all") -> pd.DataFrame:
    """Each settlement's latest claim on or before ``day`` (by claimants of ``side`` if given):
    who claims to hold it then, by which kind of claim, and whether that is disputed."""
    mask = pd.to_datetime(claims["event_date"], errors="coerce") <= pd.Timestamp(day)
    if side != "all":
        mask &= claims["claimant_side"] == side
    return settlements(claims[mask])


def settlements(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per settlement with coordinates and a dated claim, standing for its latest event:
    that event's main claim (a change before fighting before a denial, then the latest), the
    number of claims in view, and whether any of its events is disputed."""
    # undated claims are listed apart, never on the map
    dated = claims["event_date"].fillna("").astype(str) != ""
    located = claims[claims["lat"].notna() & claims["lon"].notna() & dated].copy()
    if located.empty:
        return located.assign(claims=pd.Series(dtype=int), disputed=pd.Series(dtype=bool), key=pd.Series(dtype=str))
    located["key"] = located["geonameid"].astype("string").fillna("?" + located["settlement"].str.lower())
    located["_date"] = pd.to_datetime(located["event_date"], errors="coerce")
    located["_event_end"] = located.groupby(["key", "event_id"])["_date"].transform("max")
    located["_rank"] = located["event_type"].map(_RANK).fillna(0)
    ordered = located.sort_values(["key", "_event_end", "_rank", "_date"], na_position="first", kind="stable")
    latest = ordered.groupby("key", sort=False).tail(1).set_index("key")
    grouped = located.assign(_disputed=located["status"] == "disputed").groupby("key")
    latest["claims"] = grouped.size()
    latest["disputed"] = grouped["_disputed"].any()
    return latest.drop(columns=["_date", "_event_end", "_rank"]).reset_index()
