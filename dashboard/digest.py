"""What a briefing says in words: the active filters in one line, and one row per event in view
with who claims it and what the other side says. Pure functions over the claims table of
events.query; nothing here imports Streamlit."""

from __future__ import annotations

import datetime as dt
import functools

import pandas as pd

from dashboard.filters import MULTI_FILTERS, FilterState
from dashboard.style import CLAIMANT_SIDE_WORDS, SIDE_LABELS, STATUS_LABELS, TYPE_LABELS
from events.claimants import SIDE_ADJECTIVE
from events.records import format_date
from events.rules import load_rules

__all__ = ["describe_filters", "event_digest", "DIGEST_COLUMNS"]

DIGEST_COLUMNS = ["place", "date", "claim", "claimed by", "the other side", "status"]
@functools.cache
def _change_types() -> tuple[str, ...]:
    """The event types that change hands (event_types.toml says which), read when first needed."""
    return tuple(str(t) for t in load_rules().change_types)
_SIDE_NAMES = {side.value: adjective for side, adjective in SIDE_ADJECTIVE.items()}


def describe_filters(state: FilterState, labels: dict[str, dict[str, str]] | None = None) -> str:
    """The filters that narrow the view, in words ("claimant: Russian Ministry of Defence"); empty
    when everything is shown. ``labels`` maps a column's values to their display names."""
    parts = []
    for attribute, column, label in MULTI_FILTERS:
        chosen = getattr(state, attribute)
        if chosen:
            names = (labels or {}).get(column, {})
            parts.append(f"{label}: {', '.join(names.get(v, v) or 'unattributed' for v in chosen)}")
    if state.text.strip():
        parts.append(f"search: {state.text.strip()!r}")
    if not state.include_undated:
        parts.append("dated claims only")
    return "; ".join(parts)


def _dates(rows: pd.DataFrame) -> str:
    dated = rows[rows["event_date"].fillna("") != ""]
    if dated.empty:
        return "date unknown"
    shown = []
    for day, precision in dated[["event_date", "date_precision"]].drop_duplicates().sort_values("event_date").itertuples(index=False):
        text = format_date(dt.date.fromisoformat(day), precision)
        if text not in shown:
            shown.append(text)
    return shown[0] if len(shown) == 1 else f"{shown[0]} … {shown[-1]}"


def _claimants(rows: pd.DataFrame) -> str:
    names = []
    for row in rows.itertuples():
        name = f"{row.claimant} ({CLAIMANT_SIDE_WORDS[row.claimant_side]})" if row.claimant_side in _SIDE_NAMES \
            else str(row.claimant)
        if row.hedged:
            name += ", hedged"
        if name not in names:
            names.append(name)
    return "; ".join(names)


def _claim(event_type: str, gain: str) -> str:
    if event_type in _change_types():
        return f"{event_type}: {SIDE_LABELS.get(gain, gain)}"
    if event_type == "contested" and gain in _SIDE_NAMES:
        return f"fighting, {_SIDE_NAMES[gain]} forces attacking"
    return TYPE_LABELS.get(event_type, event_type)


def _other_side(event: pd.DataFrame, claimed_by: set[str], main_type: str, gain: str) -> str:
    """What claimants of the other side say about the same event, in these articles."""
    if not claimed_by & set(_SIDE_NAMES):
        return "—"
    if set(_SIDE_NAMES) <= claimed_by:
        return "both sides' claims are listed"
    other = next(s for s in _SIDE_NAMES if s not in claimed_by)
    said = []
    for row in event[event["claimant_side"] == other].itertuples():
        if row.event_type == "denial":
            what = "denies it"
        elif row.event_type == "contested":
            what = "reports fighting there"
        elif main_type not in _change_types():
            what = f"claims a {row.event_type} ({SIDE_LABELS.get(row.gaining_side, row.gaining_side)})"
        elif row.gaining_side == gain:
            what = f"confirms it ({row.event_type})"
        else:
            what = f"claims the opposite ({row.event_type}, {SIDE_LABELS.get(row.gaining_side, row.gaining_side)})"
        if f"{row.claimant} {what}" not in said:
            said.append(f"{row.claimant} {what}")
    return "; ".join(said) or f"no {_SIDE_NAMES[other]} claim in these articles"


def event_digest(shown: pd.DataFrame, all_claims: pd.DataFrame, limit: int = 20) -> pd.DataFrame:
    """One row per event with a claim in view, newest first: where, when, what is claimed, by whom,
    and what the other side says. The other side is read from every claim of the event, also
    those the filters hide: a filter on Russia's ministry must not hide Ukraine's confirmation."""
    events = [e for e in shown["event_id"].dropna().unique() if e]
    rows = []
    for event_id in events:
        event = all_claims[all_claims["event_id"] == event_id]
        in_view = shown[shown["event_id"] == event_id]
        change = in_view[in_view["event_type"].isin(_change_types())]
        main = (change if not change.empty else in_view).iloc[0]
        gain = str(main["gaining_side"])
        claimed_by = set(in_view["claimant_side"])
        status = str(main["status"])
        rows.append({
            "place": str(main["place_name"] or main["settlement"]),
            "date": _dates(in_view),
            "claim": _claim(str(main["event_type"]), gain),
            "claimed by": _claimants(in_view),
            "the other side": _other_side(event, claimed_by, str(main["event_type"]), gain),
            "status": STATUS_LABELS.get(status, status),
            "_last": str(in_view["event_date"].fillna("").max()),
        })
    if not rows:
        return pd.DataFrame(columns=DIGEST_COLUMNS)
    table = pd.DataFrame(rows).sort_values(["_last", "place"], ascending=[False, True], kind="stable")
    return table[DIGEST_COLUMNS].head(limit).reset_index(drop=True)
