"""Frontline Claims — the dashboard. Wiring only: widgets -> pure functions -> display.

Views (bound to the URL like every filter, so a link reproduces what you see; the URL holds the
label, ?view=Briefing): Map (default), Briefing (one clean screen for a slide), Add articles,
Find a place (geocode a name), About.
"""

from __future__ import annotations

import streamlit as st

from dashboard import cache, identity, views, widgets
from dashboard.assets import use_local_assets
from dashboard.errors import errors_as_messages
from dashboard.filters import apply_filters, counts
from dashboard.links import link_notes

VIEWS = {"map": "Map", "briefing": "Briefing", "add": "Add articles", "find": "Find a place", "about": "About"}

# bound widgets keep their label in the URL: ?view=Briefing
briefing = st.query_params.get("view", "") == VIEWS["briefing"]
st.set_page_config(page_title="Frontline Claims", page_icon="🗺️", layout="wide",
                   initial_sidebar_state="collapsed" if briefing else "auto")
# the link as opened, before the widgets read (and drop) what they cannot use
link = {key: st.query_params.get_all(key) for key in st.query_params} if "_link_notes" not in st.session_state else None

with errors_as_messages():
    local_assets = use_local_assets()

    path = str(cache.db_path())
    cache.samples_loaded(path)
    all_claims = cache.claims(path, cache.fingerprint(path))

    if not briefing:
        st.title("Frontline Claims")
        st.caption("Who claims control of which settlement, and when: every point is a claim by a named "
                   "claimant, not a verified fact.")
    # on a briefing screen the view switch moves to the (collapsed) sidebar, out of the screenshot
    view = (st.sidebar if briefing else st).segmented_control(
        "View", list(VIEWS), default="map", format_func=VIEWS.get, key="view", bind="query-params",
        label_visibility="collapsed") or "map"

    state = widgets.sidebar(all_claims)
    st.sidebar.divider()
    web_tiles = st.sidebar.toggle("Web map tiles (needs internet)", value=False, key="tiles", bind="query-params",
                                  help="OpenStreetMap under the claims. Off, the map draws the oblasts from bundled "
                                       "data.")
    identity.reviewer_sidebar()
    if not local_assets:
        st.sidebar.warning("Map scripts load from the internet: run `npm ci --prefix static/vendor` to serve them "
                           "locally.")
    if link is not None:
        st.session_state["_link_notes"] = link_notes(link, widgets.link_spec(all_claims, VIEWS))
    if st.session_state["_link_notes"]:
        (st.sidebar if briefing else st).warning(views.link_notice(st.session_state["_link_notes"]))

    shown = apply_filters(all_claims, state)
    st.session_state["_counts"] = counts(shown)

    if view == "map":
        st.markdown(views.summary_line(shown))
        with st.container():  # always there: what shows up in it never moves (and reloads) the map
            views.ambiguous_places(all_claims, path)
            if shown.empty:
                views.empty_state(all_claims, state)
        views.map_section(all_claims, shown, state, web_tiles=web_tiles)
        views.timeline(shown)
        views.claims_table(shown)
        views.event_view(all_claims, path)
        views.downloads(shown)
    elif view == "briefing":
        views.briefing_view(all_claims, shown, state, web_tiles=web_tiles)
    elif view == "add":
        views.upload_view(path)
    elif view == "find":
        views.place_finder()
    else:
        views.about()
