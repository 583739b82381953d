"""Frontline Claims — the dashboard. Wiring only: widgets -> pure functions -> display.

Views (bound to the URL like every filter, so a link reproduces what you see; the URL holds the
label, ?view=Briefing): Map (default), Briefing (one clean screen for a slide), Add articles,
Find a place (geocode a name), About.

The claims are read as compact columns (events.derived, cached per change of the database and
shared by every session); each run filters them with numpy and reads in full only what it shows.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from dataclasses import replace

import streamlit as st

from dashboard import ambiguous, cache, identity, selection, views, widgets
from dashboard.assets import use_local_assets
from dashboard.errors import errors_as_messages
from dashboard.filters import FilterState
from dashboard.links import link_notes

VIEWS = {"map": "Map", "briefing": "Briefing", "add": "Add articles", "find": "Find a place", "about": "About"}

started = time.perf_counter()
# bound widgets keep their label in the URL (?view=Briefing); a button may have just changed it
chosen_view = st.session_state.get("view")
briefing = chosen_view == "briefing" if chosen_view else st.query_params.get("view", "") == VIEWS["briefing"]
st.set_page_config(page_title="Frontline Claims", page_icon="🗺️", layout="wide",
                   initial_sidebar_state="collapsed" if briefing else "auto")
# the link as opened, before the widgets read (and drop) what they cannot use
link = {key: st.query_params.get_all(key) for key in st.query_params} if "_link_notes" not in st.session_state else None

with errors_as_messages():
    local_assets = use_local_assets()

    path = str(cache.db_path())
    cache.samples_loaded(path)
    snap = cache.snapshot(path)
    bounds = selection.date_bounds(snap)

    if not briefing:
        st.title("Frontline Claims")
        st.caption("Who claims control of which settlement, and when: every point is a claim by a named "
                   "claimant, not a verified fact.")
    # on a briefing screen the view switch moves to the (collapsed) sidebar, out of the screenshot
    view = (st.sidebar if briefing else st).segmented_control(
        "View", list(VIEWS), default="map", format_func=VIEWS.get, key="view", bind="query-params",
        label_visibility="collapsed") or "map"

    def options(column: str) -> list[str]:
        return selection.options(snap, column)

    def matches_for(text: str):
        return cache.text_matches(path, snap.generation, text) if text.strip() else None

    def next_change(day: dt.date) -> dt.date | None:
        """The next day a change of control is claimed, under the filters of the last run (and
        whoever's claims "as of" counts), every later day included."""
        current = replace(st.session_state.get("_state") or FilterState(), as_of=dt.date.max)
        return selection.next_change(snap, selection.mask(snap, current, matches_for(current.text)), day)

    state = widgets.sidebar(options, bounds, view, next_change)
    st.session_state["_state"] = state
    if view in ("map", "briefing"):
        st.sidebar.divider()
        web_tiles = st.sidebar.toggle("Web map tiles (needs internet)", value=False, key="tiles",
                                      bind="query-params", help="OpenStreetMap under the claims. Off, the map draws "
                                                                "the oblasts and place names from bundled data.")
    else:
        web_tiles = False
    identity.reviewer_sidebar()
    if not local_assets:
        st.sidebar.warning("Map scripts load from the internet: run `npm ci --prefix static/vendor` to serve them "
                           "locally.")
    if link is not None:
        st.session_state["_link_notes"] = link_notes(link, widgets.link_spec(options, bounds, VIEWS))
    if st.session_state["_link_notes"]:
        (st.sidebar if briefing else st).warning(views.link_notice(st.session_state["_link_notes"]))

    matches = matches_for(state.text)
    keep = selection.mask(snap, state, matches)
    places = selection.place_rows(snap, keep)
    counts = selection.counts(snap, keep, places)
    st.session_state["_counts"] = counts.as_dict()

    if view == "map":
        st.markdown(views.headline(counts, state.as_of))
        with st.container():  # always there: what shows up in it never moves (and reloads) the map
            ambiguous.ambiguous_places(path, snap)
            if counts.on_map == 0:
                views.empty_state(snap, state, matches)
        views.map_section(path, snap, keep, state, web_tiles=web_tiles)
        views.timeline(snap, keep)
        views.claims_table(path, snap, keep)
        views.rejected_claims(path, snap)
        views.event_view(path, snap)
        views.downloads(snap, keep, state, bounds, path)
        views.playback(state, bounds)
    elif view == "briefing":
        views.briefing_view(path, snap, keep, state, web_tiles=web_tiles)
        views.playback(state, bounds)
    elif view == "add":
        views.upload_view(path)
    elif view == "find":
        views.place_finder()
    else:
        views.about()

st.session_state["_server_seconds"] = time.perf_counter() - started
if os.environ.get("FRONTLINE_TIMING"):  # bench/bench_map.py reads the server's time per run from its log
    print(f"frontline-timing {st.session_state['_server_seconds']:.4f} {st.session_state.get('view') or 'map'}",
          file=sys.stderr, flush=True)
