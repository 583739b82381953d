"""The sidebar: every filter, bound to the URL (``bind="query-params"``) so a link reproduces the
view, and the controls of "status as of a day" and its playback. Returns a FilterState; knows
nothing of maps or stores. Filters that do not change a view are not shown on it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from dashboard.filters import MULTI_FILTERS, FilterState
from dashboard.links import LinkSpec
from dashboard.style import CLAIMANTS_OF, VALUE_LABELS

__all__ = ["sidebar", "link_spec", "PLAY_SPEEDS", "FILTERED_VIEWS"]

_KEYS = {"sources": "source", "claimants": "claimant", "claimant_sides": "cside",
         "gaining_sides": "gside", "event_types": "type", "statuses": "status", "oblasts": "oblast"}
#: How far playback moves the day per second.
PLAY_SPEEDS = {"a day per second": dt.timedelta(days=1), "a week per second": dt.timedelta(days=7),
               "a month per second": dt.timedelta(days=30)}
#: The views the filters change.
FILTERED_VIEWS = ("map", "briefing")

Options = Callable[[str], list[str]]


def _labels(column: str) -> dict[str, str]:
    labels = dict(VALUE_LABELS.get(column, {}))
    if column == "source":
        labels[""] = "unattributed"
    return labels


def _values(options: Options, column: str) -> list[str]:
    values = options(column)
    if column == "status" and "rejected" not in values:  # an analyst's rejections can always be listed
        values.append("rejected")
    return values


def link_spec(options: Options, bounds: tuple[dt.date, dt.date], views: dict[str, str]) -> LinkSpec:
    """What the sidebar's (and the views') URL parameters may hold: their labels, as the URL
    keeps them. ``options(column)`` lists a column's values."""
    low, high = bounds
    choices: dict[str, list[str]] = {"view": list(views.values()), "asof_side": list(CLAIMANTS_OF.values()),
                                     "speed": list(PLAY_SPEEDS)}
    names = {"asof_side": "choice of claimants", "speed": "playback speed"}
    for attribute, column, label in MULTI_FILTERS:
        labels = _labels(column)
        values = _values(options, column)
        choices[_KEYS[attribute]] = [labels.get(v, v) for v in values]
        names[_KEYS[attribute]] = label
    return LinkSpec(choices=choices, single=frozenset({"view", "asof_side", "speed"}), names=names,
                    flags=frozenset({"undated", "history", "asof_on", "tiles"}), dates={"dates": 2, "asof": 1},
                    text=frozenset({"q", "btitle", "name"}), first_day=low, last_day=high)


def _play_controls(low: dt.date, high: dt.date, next_change: Callable[[dt.date], dt.date | None]) -> None:
    """Play / pause, speed, and a jump to the next claimed change. State set by callbacks (they run
    before the widgets are drawn, so the slider may follow)."""
    def play() -> None:
        st.session_state["playing"] = True
        if st.session_state.get("asof", high) >= high:  # from the end: start again from the first day
            st.session_state["asof"] = low

    def pause() -> None:
        st.session_state["playing"] = False

    def skip() -> None:
        day = next_change(st.session_state.get("asof", low))
        st.session_state["_skip_note"] = None if day else "No later change of control is claimed in view."
        if day:
            st.session_state["asof"] = min(day, high)

    left, right = st.sidebar.columns(2)
    if st.session_state.get("playing"):
        left.button("⏸ Pause", key="pause", on_click=pause, use_container_width=True,
                    help="Stop at the day shown; the slider stays there.")
    else:
        left.button("▶ Play", key="play", on_click=play, use_container_width=True,
                    help="Step the day forward to watch the claims unfold.")
    right.button("⏭ Next change", key="skip", on_click=skip, use_container_width=True,
                 help="Jump to the next day on which a change of control is claimed (in view).")
    st.sidebar.selectbox("Playback speed", list(PLAY_SPEEDS), index=1, key="speed", bind="query-params")
    if st.session_state.get("_skip_note"):
        st.sidebar.caption(st.session_state["_skip_note"])


def sidebar(options: Options, bounds: tuple[dt.date, dt.date], view: str,
            next_change: Callable[[dt.date], dt.date | None] = lambda _: None) -> FilterState:
    """Draw the filters (those that change ``view``); return what they say. ``options(column)``
    lists a column's values; ``next_change(day)`` is the next day a change is claimed in view."""
    low, high = bounds
    if view not in FILTERED_VIEWS:
        return FilterState(date_from=low, date_to=high)
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
        if "asof" in st.session_state and not low <= st.session_state["asof"] <= high:
            st.session_state["asof"] = min(max(st.session_state["asof"], low), high)
        default = {} if "asof" in st.session_state else {"value": high}
        as_of_day = st.sidebar.slider("As of", min_value=low, max_value=high, format="YYYY-MM-DD", key="asof",
                                      bind="query-params", **default)
        _play_controls(low, high, next_change)
        as_of_side = st.sidebar.radio("Whose claims", list(CLAIMANTS_OF), horizontal=True, key="asof_side",
                                      bind="query-params", format_func=CLAIMANTS_OF.get)
    else:
        st.session_state["playing"] = False
    chosen: dict[str, tuple[str, ...]] = {}
    for attribute, column, label in MULTI_FILTERS:
        labels = _labels(column)
        values = _values(options, column)
        picked = st.sidebar.multiselect(label.capitalize(), values, key=_KEYS[attribute],
                                        bind="query-params", format_func=lambda v, labels=labels: labels.get(v, v),
                                        placeholder="all")
        chosen[attribute] = tuple(picked)
    text = st.sidebar.text_input("Search settlements and evidence", key="q", bind="query-params",
                                 placeholder="e.g. Robotyne, liberated")
    return FilterState(date_from=dates[0], date_to=dates[1], include_undated=include_undated,
                       include_background=include_background, text=text,
                       as_of=as_of_day, as_of_side=as_of_side, **chosen)
