"""The filters on a million claims: boolean masks over the columns of events.derived, and what the
page shows of them (one marker per settlement, counts, the timeline, the newest rows, the events
of a briefing), computed with numpy in milliseconds. Only the rows shown are then read in full
(``events.derived.frame``). Pure functions; nothing here imports Streamlit.

The semantics are those of the pandas functions of dashboard.filters, which stay as the plain
statement of them (tests/dashboard/test_selection.py checks that both agree).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.filters import MULTI_FILTERS, FilterState
from events.derived import CHANGE_TYPES, NO_DATE, Snapshot

__all__ = ["mask", "steps", "explain_empty", "Counts", "counts", "PlaceRows", "place_rows", "timeline", "newest",
           "options", "date_bounds", "next_change", "newest_events", "rows_of_place", "rows_of_events", "pending_names",
           "places_present"]


def _day(value: dt.date) -> int:
    return value.toordinal()


def _codes(snapshot: Snapshot, column: str, values: tuple[str, ...]) -> np.ndarray:
    return np.asarray([snapshot.code(column, v) for v in values], dtype=np.int64)


def steps(snapshot: Snapshot, state: FilterState, matches: np.ndarray | None = None) -> list[tuple[str, np.ndarray]]:
    """Each filter as (description, mask), in the order the sidebar shows them. ``matches`` is
    the mask of the text search (it needs the texts: dashboard.cache reads them with SQL)."""
    day = snapshot["day"]
    undated = day == NO_DATE
    out: list[tuple[str, np.ndarray]] = []
    in_range = ~undated
    if state.date_from:
        in_range &= day >= _day(state.date_from)
    if state.date_to:
        in_range &= day <= _day(state.date_to)
    out.append((f"the date range {state.date_from or '…'} to {state.date_to or '…'}",
                in_range | (undated & state.include_undated)))
    if not state.include_background and not state.as_of:
        out.append(("hiding history (background claims)", ~snapshot["background"]))
    if state.as_of:
        out.append((f"the 'as of' day {state.as_of}", undated | (day <= _day(state.as_of))))
        if state.as_of_side != "all":
            side = snapshot.code("claimant_side", state.as_of_side)
            out.append((f"{state.as_of_side} claimants only", snapshot["claimant_side"] == side))
    for attribute, column, label in MULTI_FILTERS:
        chosen = getattr(state, attribute)
        if chosen:
            out.append((f"the {label} filter ({', '.join(v or 'unattributed' for v in chosen)})",
                        np.isin(snapshot[column], _codes(snapshot, column, chosen))))
    if state.text.strip() and matches is not None:
        out.append((f"the search {state.text.strip()!r}", matches))
    if "rejected" not in state.statuses:  # asked for by name, an analyst's rejections are listed
        out.append(("rejected claims", snapshot["status"] != snapshot.code("status", "rejected")))
    return out


def mask(snapshot: Snapshot, state: FilterState, matches: np.ndarray | None = None) -> np.ndarray:
    """The claims the filters keep."""
    keep = np.ones(len(snapshot), dtype=bool)
    for _, step in steps(snapshot, state, matches):
        keep &= step
    return keep


def explain_empty(snapshot: Snapshot, state: FilterState, matches: np.ndarray | None = None) -> str:
    """Why nothing is shown: the first filter that removes the last claims."""
    if len(snapshot) == 0:
        return "The database holds no claims yet: upload articles, or ingest the samples."
    keep = np.ones(len(snapshot), dtype=bool)
    for description, step in steps(snapshot, state, matches):
        before = int(keep.sum())
        keep &= step
        if before and not keep.any():
            return f"No claims match: {description} removes the last {before:,} of {len(snapshot):,}."
    return "No claims match these filters."


@dataclass(frozen=True, slots=True)
class Counts:
    """What the headline says: claims in view, and where they are."""

    claims: int  # in view
    on_map: int  # with a place and a date
    awaiting: int  # no place yet (the name could be several villages, or is unknown)
    undated: int  # with a place, no date
    events: int  # of the claims on the map
    settlements: int  # markers on the map

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class PlaceRows:
    """One row per settlement on the map: the snapshot row standing for it (its latest event's
    main claim), how many claims in view it has, and whether any of them is disputed."""

    rows: np.ndarray
    claims: np.ndarray
    disputed: np.ndarray
    events: int  # events of the claims on the map


def place_rows(snapshot: Snapshot, keep: np.ndarray) -> PlaceRows:
    """Snapshot rows are sorted by place and rank: the last kept row of each place is its
    marker (events.derived ranks by the latest event, then change before fighting before denial,
    then date)."""
    on_map = np.flatnonzero(keep & (snapshot["rank"] >= 0))
    if len(on_map) == 0:
        empty = np.empty(0, dtype=np.int64)
        return PlaceRows(empty, empty, np.empty(0, dtype=bool), 0)
    keys = snapshot["key"][on_map]
    last = np.r_[keys[1:] != keys[:-1], True]
    first = np.r_[True, keys[1:] != keys[:-1]]
    starts = np.flatnonzero(first)
    claims = np.diff(np.r_[starts, len(on_map)])
    disputed = np.logical_or.reduceat(snapshot["status"][on_map] == snapshot.code("status", "disputed"), starts)
    events = len(np.unique(snapshot["event"][on_map]))
    return PlaceRows(on_map[last], claims, disputed, events)


def counts(snapshot: Snapshot, keep: np.ndarray, places: PlaceRows | None = None) -> Counts:
    places = places or place_rows(snapshot, keep)
    located = snapshot["located"]
    undated = snapshot["day"] == NO_DATE
    return Counts(claims=int(keep.sum()), on_map=int((keep & located & ~undated).sum()),
                  awaiting=int((keep & ~located).sum()), undated=int((keep & located & undated).sum()),
                  events=places.events, settlements=len(places.rows))


def timeline(snapshot: Snapshot, keep: np.ndarray) -> pd.DataFrame:
    """Claims per day by gaining side (the dated claims in view), one column per side."""
    rows = keep & (snapshot["day"] != NO_DATE)
    if not rows.any():
        return pd.DataFrame()
    days, sides = snapshot["day"][rows], snapshot["gaining_side"][rows]
    low = int(days.min())
    names = snapshot.codes.get("gaining_side", [])
    table = np.zeros((int(days.max()) - low + 1, len(names)), dtype=np.int64)
    np.add.at(table, (days - low, sides), 1)
    index = pd.to_datetime([dt.date.fromordinal(low + i) for i in range(len(table))])
    out = pd.DataFrame(table, index=index, columns=names)
    return out.loc[out.sum(axis=1) > 0, out.sum(axis=0) > 0]


def newest(snapshot: Snapshot, keep: np.ndarray, by_day: np.ndarray, limit: int) -> tuple[np.ndarray, int]:
    """The ``limit`` newest dated claims in view (rows, newest first) and how many there are;
    ``by_day`` is the snapshot's rows by date, newest first."""
    ordered = by_day[(keep & (snapshot["day"] != NO_DATE))[by_day]]
    return ordered[:limit], len(ordered)


def options(snapshot: Snapshot, column: str) -> list[str]:
    """The values of a column that some claim has, in alphabetical order."""
    if ("options", column) not in snapshot.memo:
        values = snapshot.codes.get(column, [])
        present = np.unique(snapshot[column]) if len(snapshot) else []
        snapshot.memo["options", column] = sorted({values[i] for i in present if 0 <= i < len(values)}, key=str.lower)
    return list(snapshot.memo["options", column])  # type: ignore[arg-type]


def date_bounds(snapshot: Snapshot) -> tuple[dt.date, dt.date]:
    """The first and last day of the dated claims (a month up to today when there are none)."""
    dated = snapshot["day"][snapshot["day"] != NO_DATE]
    if len(dated) == 0:
        today = dt.date.today()
        return today - dt.timedelta(days=30), today
    low, high = dt.date.fromordinal(int(dated.min())), dt.date.fromordinal(int(dated.max()))
    return (low, high) if low < high else (low - dt.timedelta(days=1), high)


def next_change(snapshot: Snapshot, keep: np.ndarray, after: dt.date) -> dt.date | None:
    """The first day after ``after`` on which a claim in view (on the map) claims a change of
    control, or None."""
    kinds = _codes(snapshot, "event_type", CHANGE_TYPES)
    day = snapshot["day"]
    later = keep & (snapshot["rank"] >= 0) & (day > _day(after)) & np.isin(snapshot["event_type"], kinds)
    return dt.date.fromordinal(int(day[later].min())) if later.any() else None


def newest_events(snapshot: Snapshot, keep: np.ndarray, limit: int) -> np.ndarray:
    """Codes of the ``limit`` events with the newest claims in view (newest first)."""
    rows = keep & (snapshot["event"] >= 0)
    if not rows.any():
        return np.empty(0, dtype=np.int64)
    events, days = snapshot["event"][rows], snapshot["day"][rows]
    order = np.lexsort((days, events))
    events, days = events[order], days[order]
    last = np.r_[events[1:] != events[:-1], True]
    events, days = events[last], days[last]
    return events[np.argsort(-days, kind="stable")][:limit]


def rows_of_events(snapshot: Snapshot, events: np.ndarray, keep: np.ndarray | None = None) -> np.ndarray:
    """The rows of these events (those in ``keep`` only, if given)."""
    rows = np.isin(snapshot["event"], events)
    return np.flatnonzero(rows if keep is None else rows & keep)


def rows_of_place(snapshot: Snapshot, key: int) -> np.ndarray:
    """Every claim about one place (rows are sorted by place)."""
    keys = snapshot["key"]
    return np.arange(np.searchsorted(keys, key, "left"), np.searchsorted(keys, key, "right"))


def pending_names(snapshot: Snapshot, keep: np.ndarray | None = None) -> pd.DataFrame:
    """Names that could be several villages and wait for an analyst's pick, one row per name as
    written (with its claims and articles), most claims first."""
    if keep is None:
        if "pending" not in snapshot.memo:
            snapshot.memo["pending"] = _pending_names(snapshot, snapshot["ambiguous"])
        return snapshot.memo["pending"].copy()  # type: ignore[union-attr]
    return _pending_names(snapshot, snapshot["ambiguous"] & keep)


def places_present(snapshot: Snapshot) -> list[int]:
    """The numbers of the places some claim is at."""
    if "places" not in snapshot.memo:
        snapshot.memo["places"] = np.unique(snapshot["key"]).tolist()
    return snapshot.memo["places"]  # type: ignore[return-value]


def _pending_names(snapshot: Snapshot, rows: np.ndarray) -> pd.DataFrame:
    idx = np.flatnonzero(rows)
    if len(idx) == 0:
        return pd.DataFrame(columns=["key", "name", "claims", "articles"])
    keys = snapshot["key"][idx]
    frame = pd.DataFrame({"key": keys, "article": snapshot["article"][idx]})
    grouped = frame.groupby("key").agg(claims=("article", "size"), articles=("article", "nunique")).reset_index()
    grouped["name"] = [snapshot.places.name[k] for k in grouped["key"]]
    return grouped.sort_values(["claims", "name"], ascending=[False, True], kind="stable")[
        ["key", "name", "claims", "articles"]].reset_index(drop=True)
