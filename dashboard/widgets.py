"""The sidebar: every filter, bound to the URL (``bind="query-params"``) so a link reproduces the
view. Returns a FilterState; knows nothing of maps or stores."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard.filters import MULTI_FILTERS, FilterState
from dashboard.links import LinkSpec
from dashboard.style import VALUE_LABELS

__all__ = ["sidebar", "date_bounds", "link_spec"]

_KEYS = {"sources": "source", "claimants": "claimant", "claimant_sides": "cside", "gaining_sides": "gside",
         "event_types": "type", "statuses": "status", "oblasts": "oblast"}
_SIDES = {"all": "everyone", "RU": "Russian claimants", "UA": "Ukrainian claimants"}


def date_bounds(claims: pd.DataFrame) -> tuple[dt.date, dt.date]:
    dates = pd.to_datetime(claims["event_date"], errors="coerce").dropna()
    if dates.empty:
        today = dt.date.today()
        return today - dt.timedelta(days=30), today
    low, high = dates.min().date(), dates.max().date()
    return (low, high) if low < high else (low - dt.timedelta(days=1), high)


def _options(claims: pd.DataFrame, column: str) -> list[str]:
    values = claims[column].fillna("").astype(str)
    if column == "source":
        values = values.replace("", "unattributed")
    return sorted(v for v in values.unique() if v)


def _source_claims(claims: pd.DataFrame, column: str) -> pd.DataFrame:
    return claims if column != "source" else claims.assign(source=claims["source"].replace("", "unattributed"))


def link_spec(claims: pd.DataFrame, views: dict[str, str]) -> LinkSpec:
    """What the sidebar's (and the views') URL parameters may hold: their labels, as the URL
    keeps them."""
    low, high = date_bounds(claims)
    choices: dict[str, list[str]] = {"view": list(views.values()), "asof_side": list(_SIDES.values())}
    names = {"asof_side": "choice of claimants"}
    for attribute, column, label in MULTI_FILTERS:
        labels = VALUE_LABELS.get(column, {})
        choices[_KEYS[attribute]] = [labels.get(v, v) for v in _options(_source_claims(claims, column), column)]
        names[_KEYS[attribute]] = label
    return LinkSpec(choices=choices, single=frozenset({"view", "asof_side"}), names=names,
                    flags=frozenset({"undated", "history", "asof_on", "tiles"}), dates={"dates": 2, "asof": 1},
                    text=frozenset({"q", "btitle", "name"}), first_day=low, last_day=high)


def _playback_ended(low: dt.date, high: dt.date) -> None:
    """After playback, leave the "as of" slider where it stopped (widget state may only be set
    before the widget is drawn)."""
    day = st.session_state.get("play_day")
    if day is not None and (not st.session_state.get("playing") or st.session_state.get("_play_done")):
        st.session_state["asof"] = min(max(day, low), high)
        st.session_state["play_day"] = None
        st.session_state["playing"] = False
        st.session_state["_play_done"] = False


def sidebar(claims: pd.DataFrame) -> FilterState:
    """Draw the filters; return what they say."""
    low, high = date_bounds(claims)
    st.sidebar.header("Filters")
    dates = st.sidebar.slider("Dates of the claimed events", min_value=low, max_value=high, value=(low, high),
                              format="YYYY-MM-DD", key="dates", bind="query-params",
                              help="Keyboard: arrows step a day, Page Up/Down about a tenth, Home/End the ends.")
    dates = tuple(sorted(dates))  # a link may hold them reversed (?dates=2024-05-31&dates=2024-05-01)
    include_undated = st.sidebar.checkbox("Include claims with unknown dates (listed apart, not on the map)",
                                          value=True, key="undated", bind="query-params")
    include_background = st.sidebar.checkbox(
        "Include history (claims told in passing, such as “captured in February 2022”)", value=False, key="history",
        bind="query-params", help="Articles retell old changes of control as background. Off, the map shows the "
                                  "news; a place's own list below the map and the status as of a day always "
                                  "include history.")
    as_of_on = st.sidebar.toggle("Status as of a day", key="asof_on", bind="query-params",
                                 help="Each settlement's latest claimed status on that day.")
    as_of_day = None
    as_of_side = "all"
    if as_of_on:
        _playback_ended(low, high)
        as_of_day = st.sidebar.slider("As of", min_value=low, max_value=high, value=high, format="YYYY-MM-DD",
                                      key="asof", bind="query-params")
        play, step = st.sidebar.columns([1, 1], vertical_alignment="bottom")
        if play.toggle("▶ Play", key="playing", help="Step the day forward to watch claims unfold."):
            if st.session_state.get("play_day") is None:
                st.session_state["play_day"] = low if as_of_day >= high else as_of_day
        step.selectbox("Step", ["day", "week", "month"], index=1, key="play_step", label_visibility="collapsed")
        as_of_side = st.sidebar.radio("Whose claims", ["all", "RU", "UA"], horizontal=True, key="asof_side",
                                      bind="query-params",
                                      format_func=_SIDES.get)
    chosen: dict[str, tuple[str, ...]] = {}
    for attribute, column, label in MULTI_FILTERS:
        source_claims = _source_claims(claims, column)
        labels = VALUE_LABELS.get(column, {})
        picked = st.sidebar.multiselect(label.capitalize(), _options(source_claims, column), key=_KEYS[attribute],
                                        bind="query-params", format_func=lambda v, labels=labels: labels.get(v, v),
                                        placeholder="all")
        chosen[attribute] = tuple(picked)
    if "unattributed" in chosen["sources"]:
        chosen["sources"] = tuple(s if s != "unattributed" else "" for s in chosen["sources"])
    text = st.sidebar.text_input("Search settlements and evidence", key="q", bind="query-params",
                                 placeholder="e.g. Robotyne, liberated")
    return FilterState(date_from=dates[0], date_to=dates[1], include_undated=include_undated,
                       include_background=include_background, text=text,
                       as_of=as_of_day, as_of_side=as_of_side, **chosen)
