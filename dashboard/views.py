"""The page's sections: map, timeline, table, a place's claims with review, rejected claims,
downloads, upload, briefing. Each draws Streamlit widgets and calls the pure functions of
dashboard/ and events/; the claims are read from the columns of events.derived (a Snapshot) and
a mask of the rows the filters keep, and only the rows shown are read in full."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard import cache, identity, selection
from dashboard.candidates import describe
from dashboard.digest import describe_filters, event_digest
from dashboard.exports import DOWNLOADS, export_bytes, file_name
from dashboard.filters import FilterState
from dashboard.legend import Legend
from dashboard.mapbuild import base_map, claims_layers, resolution_map
from dashboard.style import (CLAIMANT_SIDE_WORDS, CLAIMANTS_OF, DENIED_LABELS, SIDE_COLOURS, SIDE_LABELS,
                             STATUS_LABELS, TYPE_LABELS, VALUE_LABELS, plural)
from dashboard.text import md
from dashboard.widgets import PLAY_SPEEDS
from events import EventsError, LoadOptions, PublishedDate, Store, derived
from events.articles import EARLIEST_PUBLISHED, load_bytes
from events.derived import NO_DATE, Snapshot
from events.pipeline import IngestSummary, ingest
from events.records import DatePrecision, format_date
from events.store import Review
from events.textsafe import clean_line
from geodata import Place, resolve
from geodata.boundaries import ATTRIBUTION
from geodata.gazetteer import POSTAL_FEATURE, POSTAL_ID_BASE

__all__ = ["link_notice", "headline", "map_section", "playback", "timeline", "claims_table", "rejected_claims",
           "event_view", "downloads", "upload_view", "briefing_view", "about", "empty_state", "place_finder"]

MAP_HEIGHT = 620
TABLE_ROWS = 1000
PLACE_CLAIMS = 60  # a place's claims listed at most, newest first (the table and downloads have all)
FOCUS_ZOOM = 11  # a chosen place, with its neighbours named
#: The table's columns, in words.
TABLE_COLUMNS = {"event_date": "Date", "date_precision": "Known to the", "place_name": "Place", "settlement": "Written as",
                 "admin1": "Oblast", "event_type": "Claim", "gaining_side": "Gain claimed", "claimant": "Claimant",
                 "claimant_side": "Claimant's side", "hedged": "Hedged", "background": "History", "status": "Status",
                 "source": "Source", "via": "Via", "evidence": "Evidence", "claim_id": "Claim id"}


def _source_of(place: Place) -> str:
    """Where a place's coordinates come from, as the place search shows it."""
    if place.feature_code == POSTAL_FEATURE:
        return f"GeoNames postal code {place.geonameid - POSTAL_ID_BASE}"
    return f"GeoNames {place.geonameid}"


def link_notice(notes: list[str]) -> str:
    """The notice naming what the link asked for and the page ignored (or read otherwise)."""
    return "This link holds settings the page cannot use, ignored:\n" + "\n".join(f"- {md(n)}" for n in notes)


def headline(n: selection.Counts, day: dt.date | None = None) -> str:
    """ "**16 claims on the map** (7 events, 6 settlements) · 2 awaiting a place · 1 undated"."""
    line = f"**{plural(n.on_map, 'claim')} on the map{f' as of {day}' if day else ''}** " \
           f"({plural(n.events, 'event')}, {plural(n.settlements, 'settlement')})"
    if n.awaiting:
        line += f" · {n.awaiting:,} awaiting a place"
    if n.undated:
        line += f" · {n.undated:,} undated (listed below the map)"
    return line


def _extent(snap: Snapshot) -> list[list[float]] | None:
    """All claims' places, rounded so that the base map (and its frame) stays the same across
    reruns, and at least 1.6 by 2.4 degrees: one village alone still shows its surroundings."""
    keys = np.asarray(selection.places_present(snap), dtype=np.int64)
    lat, lon = snap.places.lat[keys], snap.places.lon[keys]
    return _bounds(lat[~np.isnan(lat)], lon[~np.isnan(lon)])


def _bounds(lat: np.ndarray, lon: np.ndarray, min_span: tuple[float, float] = (1.6, 2.4)) -> list[list[float]] | None:
    if len(lat) == 0:
        return None
    south, north = float(lat.min()) - 0.3, float(lat.max()) + 0.3
    west, east = float(lon.min()) - 0.5, float(lon.max()) + 0.8
    grow_lat, grow_lon = max(0.0, min_span[0] - (north - south)) / 2, max(0.0, min_span[1] - (east - west)) / 2
    return [[round(south - grow_lat, 1), round(west - grow_lon, 1)], [round(north + grow_lat, 1), round(east + grow_lon, 1)]]


def _nearest(places: pd.DataFrame, clicked: dict | None) -> int | None:
    if not clicked or places.empty or clicked.get("lat") is None:
        return None
    d = (places["lat"] - clicked["lat"]) ** 2 + (places["lon"] - clicked["lng"]) ** 2
    return int(places.loc[d.idxmin(), "key"]) if d.min() < 0.01 else None


def _focused(snap: Snapshot) -> int | None:
    """The place in focus (clicked, or chosen in the table or the box): st.session_state["focus"]
    holds its key as text ("695586", a GeoNames id), which outlives a refresh of the snapshot."""
    focus = st.session_state.get("focus")
    return None if focus is None else snap.key_of(str(focus))


def places_frame(path: str, snap: Snapshot, keep: np.ndarray, state: FilterState) -> pd.DataFrame:
    """One row per settlement on the map (its marker's claim), as dashboard.filters.settlements;
    the same filters on the same claims again (a reload, another session) read nothing again."""
    return cache.places(path, snap.generation, state, keep)


def _focus(key: int, snap: Snapshot) -> None:
    """Make a place the focus: its claims listed below the map, the map centred on it."""
    st.session_state["focus"] = snap.places.keytext[key]
    lat, lon = snap.places.lat[key], snap.places.lon[key]
    st.session_state["focus_center"] = None if np.isnan(lat) else (float(lat), float(lon))


def map_section(path: str, snap: Snapshot, keep: np.ndarray, state: FilterState, *, web_tiles: bool,
                height: int = MAP_HEIGHT, briefing: bool = False) -> pd.DataFrame:
    """The map: one marker per settlement (its latest claim in view; in "as of" mode its latest
    claim on that day); returns the settlements drawn."""
    places = places_frame(path, snap, keep, state)
    st.session_state["_places_shown"] = len(places)
    caption = st.empty()  # always there, so that the map below never changes place (and reloads)
    if state.as_of:
        caption.caption(f"Claimed status as of **{state.as_of}**: {plural(len(places), 'settlement')}"
                        + ("" if state.as_of_side == "all" else f", by {CLAIMANTS_OF[state.as_of_side]} only"))
    base = base_map(cache.oblasts(), web_tiles=web_tiles, labels=cache.labels())
    # the base map stays the same across filter changes (no reload, zoom kept); a briefing frames
    # just what it shows
    bounds = _bounds(places["lat"].to_numpy(float), places["lon"].to_numpy(float)) if briefing else _extent(snap)
    if bounds:
        base.fit_bounds(bounds)
    Legend(note="" if briefing else "Click a place to list its claims below; a number is several places, "
                                    "click it to spread them.").add_to(base)
    focus = None if briefing else st.session_state.get("focus_center")
    result = st_folium(base, key="map", height=height, use_container_width=True,
                       feature_group_to_add=claims_layers(places, labels=briefing, cluster=not briefing,
                                                          payload=cache.layer(path, snap.generation, state, keep)),
                       returned_objects=["last_object_clicked"],
                       center=focus, zoom=FOCUS_ZOOM if focus else None)
    clicked = _nearest(places, (result or {}).get("last_object_clicked"))
    if clicked is not None and clicked != _focused(snap):
        st.session_state["focus"] = snap.places.keytext[clicked]
        st.rerun()
    return places


def playback(state: FilterState, bounds: tuple[dt.date, dt.date]) -> None:
    """While "▶ Play" is on: every second, move the "as of" day on and redraw the page, so that the
    headline, the caption, the slider and the map show the same day. The map is not reloaded:
    only its claims layer changes."""
    if not (state.as_of and st.session_state.get("playing")):
        return
    step = PLAY_SPEEDS.get(st.session_state.get("speed"), dt.timedelta(days=7))
    st.session_state["_drawn_at"] = time.monotonic()

    @st.fragment(run_every=1.0)
    def tick() -> None:
        if time.monotonic() - st.session_state.get("_drawn_at", 0.0) < 0.8:
            return  # the run that drew the page: the next step comes a second later
        day = min(max(st.session_state.get("asof") or bounds[0], bounds[0]) + step, bounds[1])
        st.session_state["asof"] = day
        if day >= bounds[1]:
            st.session_state["playing"] = False  # the last day: stop there
        st.rerun(scope="app")

    tick()


def timeline(snap: Snapshot, keep: np.ndarray) -> None:
    per_day = selection.timeline(snap, keep)
    if per_day.empty:
        return
    per_day = per_day[[c for c in SIDE_COLOURS if c in per_day.columns]]
    colours = [SIDE_COLOURS[c] for c in per_day.columns]
    st.bar_chart(per_day.rename(columns=SIDE_LABELS), color=colours, height=170, x_label="", y_label="claims")


def _in_words(frame: pd.DataFrame) -> pd.DataFrame:
    """A table of claims with values and headers in words."""
    out = frame.copy()
    denial = out["event_type"] == "denial"
    out["gaining_side"] = [DENIED_LABELS.get(s, s) if d else SIDE_LABELS.get(s, s)
                           for s, d in zip(out["gaining_side"], denial)]
    out["event_type"] = out["event_type"].map(lambda v: TYPE_LABELS.get(v, v))
    out["claimant_side"] = out["claimant_side"].map(lambda v: CLAIMANT_SIDE_WORDS.get(v, v))
    out["status"] = out["status"].map(lambda v: STATUS_LABELS.get(v, v))
    out["source"] = out["source"].replace("", "unattributed")
    return out[list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS)


_TABLE_CONFIG = {"Evidence": st.column_config.TextColumn("Evidence", width="large"),
                 "Claim id": st.column_config.TextColumn("Claim id", width="small"),
                 "Hedged": st.column_config.CheckboxColumn("Hedged", help="reportedly, unverified"),
                 "History": st.column_config.CheckboxColumn("History", help="told in passing as background")}


def claims_table(path: str, snap: Snapshot, keep: np.ndarray) -> None:
    """The filtered claims, newest first; choosing a row focuses the map on its place and lists
    its claims. Long tables are cut (the downloads hold everything): nobody scrolls 10,000 rows,
    and sending them would slow every rerun."""
    rows, total = selection.newest(snap, keep, snap.by_day, TABLE_ROWS)
    with Store(path) as store:
        view = derived.frame(store, snap, rows)
    if total > TABLE_ROWS:
        st.caption(f"The {TABLE_ROWS:,} most recent of {plural(total, 'claim')}; narrow the filters or download them all.")
    # the selection belongs to these rows: new filters, new table, nothing selected (a row number
    # kept across a filter change would point at another claim, or past the end)
    rows_id = hashlib.sha1("|".join(view["claim_id"].astype(str)).encode()).hexdigest()[:12]
    selection_ = st.dataframe(_in_words(view), hide_index=True, key=f"table-{rows_id}", on_select="rerun",
                              selection_mode="single-row", height=300, column_config=_TABLE_CONFIG)
    picked = [r for r in getattr(getattr(selection_, "selection", None), "rows", None) or [] if 0 <= r < len(view)]
    if picked:
        row = view.iloc[picked[0]]
        if st.session_state.get("_table_pick") != row["claim_id"]:
            st.session_state["_table_pick"] = row["claim_id"]
            _focus(int(row["key"]), snap)
            st.rerun()
    undated = np.flatnonzero(keep & (snap["day"] == NO_DATE))
    if len(undated):
        with st.expander(f"{plural(len(undated), 'claim')} with unknown dates (not on the map)"):
            with Store(path) as store:
                st.dataframe(_in_words(derived.frame(store, snap, undated[:TABLE_ROWS])), hide_index=True,
                             column_config=_TABLE_CONFIG)


def rejected_claims(path: str, snap: Snapshot) -> None:
    """The claims analysts rejected, with who rejected them, and a way to undo it."""
    rows = np.flatnonzero(snap["status"] == snap.code("status", "rejected"))
    if len(rows) == 0:
        return
    with st.expander(f"{plural(len(rows), 'claim')} rejected by an analyst (not on the map)"):
        with Store(path) as store:
            frame = derived.frame(store, snap, rows[-TABLE_ROWS:][::-1])
            reviews = store.rejections(list(frame["claim_id"]))
        frame["Rejected by"] = [reviews.get(c, (name, ""))[0] for c, name in zip(frame["claim_id"], frame["reviewer"])]
        frame["On"] = [reviews.get(c, ("", ""))[1][:10] for c in frame["claim_id"]]
        shown = pd.concat([frame[["Rejected by", "On"]], _in_words(frame)[["Place", "Claim", "Claimant", "Date",
                                                                            "Evidence"]]], axis=1)
        st.dataframe(shown, hide_index=True, key="rejected",
                     column_config={"Evidence": st.column_config.TextColumn("Evidence", width="large")})
        reviewer = identity.reviewer()
        if not reviewer:
            st.caption(identity.review_hint())
        described = {claim_id: f"{place or written}: {TYPE_LABELS.get(kind, kind)} claimed by {claimant}, rejected by "
                               f"{who}" for claim_id, place, written, kind, claimant, who in zip(
                                   frame["claim_id"], frame["place_name"], frame["settlement"], frame["event_type"],
                                   frame["claimant"], frame["Rejected by"])}
        chosen = st.selectbox("Undo the rejection of", list(described), index=None, format_func=described.__getitem__,
                              key="unreject_pick", placeholder="choose a rejected claim")
        if st.button("Undo the rejection", key="unreject", disabled=not (chosen and reviewer)):
            claim = frame[frame["claim_id"] == chosen].iloc[0]
            try:
                with Store(path) as store:
                    store.undo_rejection(str(claim["claim_id"]))
            except EventsError as exc:
                st.error(f"Not saved: {md(exc)}")
                return
            st.toast(f"The claim about {md(claim['place_name'] or claim['settlement'])} is back, by {md(reviewer)}")
            st.rerun()


def event_view(path: str, snap: Snapshot) -> None:
    """All claims about one settlement, side by side, with the analyst's review buttons."""
    focus = st.session_state.get("focus")
    texts, present = snap.places.keytext, selection.places_present(snap)
    if not present:
        return
    if "event_choices" not in snap.memo:
        names = {texts[k]: snap.places.name[k] for k in present}
        placed = {texts[k]: not np.isnan(snap.places.lat[k]) for k in present}
        snap.memo["event_choices"] = (sorted(names, key=lambda k: (names[k].lower(), k)), names, placed)
    choices, names, placed = snap.memo["event_choices"]
    if focus != st.session_state.get("_event_focus"):
        # a click on the map or a table row chose a place: the box follows (a keyed widget
        # ignores a new index, so its state is set before it is drawn)
        st.session_state["_event_focus"] = focus
        st.session_state["event_place"] = focus if focus in names else None
    picked = st.selectbox("Settlement: every claim about it, side by side", choices, index=None,
                          format_func=lambda k: names[k] if placed[k] else f"{names[k]} (no place yet)",
                          key="event_place", placeholder="choose a settlement or click one on the map")
    if picked is None:
        return
    key = snap.key_of(picked)
    if picked != focus:
        _focus(key, snap)
        st.rerun()  # the map centres on it, its neighbours named
    rows = selection.rows_of_place(snap, key)
    with Store(path) as store:
        claims = derived.frame(store, snap, rows)
    claims["article_no"] = snap["article"][rows]
    claims = claims.sort_values("event_date", na_position="first", kind="stable")
    if len(claims) > PLACE_CLAIMS:
        st.caption(f"The {PLACE_CLAIMS} newest of {plural(len(claims), 'claim')} about this place; narrow the "
                   "filters and use the table for the others.")
        claims = claims.tail(PLACE_CLAIMS)
    reviewer = identity.reviewer()
    context = _article_places(snap, claims["article_no"].to_numpy())
    for _, event in claims.groupby("event_id", sort=False):
        first = event.iloc[0]
        label = STATUS_LABELS.get(first["status"], first["status"])
        st.markdown(f"**{md(TYPE_LABELS.get(first['event_type'], first['event_type']))}**, "
                    f"{format_date(_date(first['event_date']), first['date_precision'])} — *{label}*"
                    + (f" ({md(first['status_note'])})" if first["status_note"] else ""))
        for claim in event.itertuples():
            _claim_card(claim, reviewer, path, context.get(claim.article_no, []))


def _article_places(snap: Snapshot, articles: np.ndarray) -> dict[int, list[tuple[str, float, float]]]:
    """For each of these articles (by number), the settlements it names for sure: (name, lat, lon)."""
    rows = np.flatnonzero(np.isin(snap["article"], np.unique(articles)) & snap["located"])
    places, out = snap.places, {}
    for article, key in sorted(set(zip(snap["article"][rows].tolist(), snap["key"][rows].tolist()))):
        out.setdefault(article, []).append((places.name[key], float(places.lat[key]), float(places.lon[key])))
    return out


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def _claim_card(claim: object, reviewer: str, path: str, context: list[tuple[str, float, float]]) -> None:
    c = claim
    with st.container(border=True):
        left, right = st.columns([4, 1])
        if c.event_type == "denial":
            what = DENIED_LABELS.get(c.gaining_side, c.gaining_side)
        else:
            what = f"{TYPE_LABELS.get(c.event_type, c.event_type)}, {SIDE_LABELS.get(c.gaining_side, c.gaining_side)}"
        left.markdown(f"**{md(c.claimant)}** ({CLAIMANT_SIDE_WORDS.get(c.claimant_side, c.claimant_side)}) — {what}"
                      f"{', hedged' if c.hedged else ''}{', history' if getattr(c, 'background', False) else ''}"
                      f" · {format_date(_date(c.event_date), c.date_precision)} "
                      f"({md(c.date_basis)}) · source: {md(c.source or 'unattributed')}"
                      f"{' via ' + md(c.via) if c.via else ''}"
                      + (f" · reviewed: **{md(c.review)}** by {md(c.reviewer)}" if c.review else ""))
        left.text(c.evidence)  # st.text never renders markup: article text is untrusted
        if not reviewer:
            right.caption(identity.review_hint())
            return
        if right.button("Confirm", key=f"confirm-{c.claim_id}"):
            _review(path, Review(c.claim_id, "confirm", reviewer))
        if right.button("Reject", key=f"reject-{c.claim_id}"):
            _review(path, Review(c.claim_id, "reject", reviewer))
        with right.popover("Fix…"):
            _fix(c, reviewer, path, context)


def _fix(c: object, reviewer: str, path: str, context: list[tuple[str, float, float]]) -> None:
    """Move a claim to another place (the candidates described, none chosen for you), or fix its
    date (to the precision it has)."""
    gazetteer = cache.gazetteer()
    candidates = [gazetteer.place(int(i)) for i in str(c.place_candidates).split(";") if i.strip().isdigit()]
    new_place = st.text_input("Move to (place name)", key=f"move-{c.claim_id}",
                              placeholder="another name" if len(candidates) > 1 else "a place name")
    if new_place:
        found = resolve(new_place, gazetteer)
        candidates = [found.place] if found.place else list(found.candidates)
    options = describe(candidates, [p for p in context if p[0] != (c.place_name or c.settlement)])
    if options:
        target = st.selectbox("Place", options, index=None, key=f"movepick-{c.claim_id}",
                              format_func=lambda o: o.label, placeholder=f"{plural(len(options), 'place')} it could be")
        if st.button("Move here", key=f"movego-{c.claim_id}", disabled=target is None):
            p = target.place
            _review(path, Review(c.claim_id, "move", reviewer, geonameid=p.geonameid, place_name=p.name,
                                 admin1=p.admin1, lat=p.lat, lon=p.lon))
    elif new_place:
        st.caption(f"No place called {md(repr(new_place))} in the gazetteer.")
    precisions = ["day", "week", "month", "season", "year"]
    current = c.date_precision if c.date_precision in precisions else "day"
    day = st.date_input("Correct date", value=_date(c.event_date), key=f"date-{c.claim_id}")
    precision = st.selectbox("Known to the", precisions, index=precisions.index(current), key=f"prec-{c.claim_id}")
    if day and st.button("Set date", key=f"dateset-{c.claim_id}"):
        _review(path, Review(c.claim_id, "fix_date", reviewer, event_date=day, date_precision=precision))


def _review(path: str, review: Review) -> None:
    try:
        with Store(path) as store:
            store.add_review(review)
    except EventsError as exc:  # a locked or damaged database: say so, keep the page
        st.error(f"Not saved: {md(exc)}")
        return
    words = {"confirm": "confirmed", "reject": "rejected", "move": "moved", "fix_date": "date set"}
    st.toast(f"Saved: {words.get(review.action, review.action)} by {md(review.reviewer)}")  # a name is text
    st.rerun()


def downloads(snap: Snapshot, keep: np.ndarray, state: FilterState, bounds: tuple[dt.date, dt.date], path: str) -> None:
    """What is in view, in each format, named after the filters; read when a button is pressed."""
    rows = np.flatnonzero(keep)

    def data(fmt: str) -> bytes:
        with Store(path) as store:
            return export_bytes(derived.frame(store, snap, rows), fmt)

    cols = st.columns(len(DOWNLOADS))
    for col, (fmt, (label, ext, mime)) in zip(cols, DOWNLOADS.items()):
        col.download_button(label, data=lambda fmt=fmt: data(fmt),
                            file_name=file_name(state, bounds, ext, "-acled" if fmt == "acled" else ""),
                            mime=mime, key=f"dl-{fmt}", disabled=len(rows) == 0, on_click="ignore")


def _report(summary: IngestSummary, path: str) -> None:
    st.success(f"{plural(summary.read, 'article')} read ({summary.new} new, {summary.unchanged} already known), "
               f"{plural(summary.claims, 'claim')} found.")
    for skipped in summary.skipped:
        st.error(f"Refused {md(skipped.path)}: {md(skipped.reason)}")
    if summary.ambiguous:
        st.warning("Some places could be several villages: pick the right one, once per name, in the Map view "
                   "(the list above the map).")
        st.dataframe(pd.DataFrame(summary.ambiguous, columns=["article", "name as written", "places it could be"]),
                     hide_index=True)
    for article, name in summary.unknown:
        st.info(f"{md(article)}: {md(repr(name))} is not in the gazetteer.")


def upload_view(path: str) -> None:
    """Run new articles through the same pipeline as the command line."""
    st.subheader("Add articles")
    st.caption("Plain text (optionally with a header of `source:`, `url:`, `published:` lines ended by `---`), "
               "Markdown with front matter, HTML, or JSON. Files are checked one by one: a bad one is refused "
               "with the reason and the others go on.")
    files = st.file_uploader("Article files", type=["txt", "md", "markdown", "html", "htm", "json"],
                             accept_multiple_files=True, key="upload")
    with st.form("paste", clear_on_submit=False):
        text = st.text_area("…or paste an article", height=160, key="paste_text")
        c1, c2, c3 = st.columns(3)
        source = c1.text_input("Source (outlet)", key="paste_source")
        published = c2.date_input("Published", value=None, min_value=EARLIEST_PUBLISHED, max_value=dt.date.today(),
                                  key="paste_date")
        title = c3.text_input("Title", key="paste_title")
        submitted = st.form_submit_button("Add to the map", type="primary")
    items = []
    rules, gazetteer = cache.rules(), cache.gazetteer()
    if files and st.button(f"Read {plural(len(files), 'file')}", key="upload_go"):
        for f in files:
            items += load_bytes(f.getvalue(), f.name, rules)
    if submitted and text.strip():
        header = f"title: {title}\n---\n" if title.strip() else ""
        options = LoadOptions(source=source.strip(), published=PublishedDate(published, DatePrecision.DAY, "user")
                              if published else None)
        items += load_bytes((header + text).encode("utf-8"), "pasted.txt", rules, options)
    elif submitted:
        st.error("Paste the article's text first.")
    if items:
        per_file: list[dict[str, str]] = []
        try:
            with st.spinner("Reading…"), Store(path) as store:
                summary = ingest(items, store, gazetteer, rules,
                                 lambda _n, name, what: per_file.append({"file": name, "result": what}))
            st.session_state["_last_upload"] = (summary, per_file)
        except EventsError as exc:  # the database, not a file: every article finished is kept
            st.error(f"Stopped: {md(exc)}")
            if per_file:
                st.dataframe(pd.DataFrame(per_file), hide_index=True)
    if "_last_upload" in st.session_state:
        summary, per_file = st.session_state["_last_upload"]
        _report(summary, path)
        if per_file:
            st.dataframe(pd.DataFrame(per_file), hide_index=True)  # which file gave what: 0 claims is a finding too


BRIEFING_EVENTS = 12


def briefing_view(path: str, snap: Snapshot, keep: np.ndarray, state: FilterState, *, web_tiles: bool) -> None:
    """One clean screen for a slide: title, dates and filters, map with legend and place names,
    what each side claims event by event, sources, attribution; PNGs to save; the way back."""
    # a title from a link: one line, no control or bidi characters
    title = clean_line(st.sidebar.text_input("Briefing title", value="Claims of control", key="btitle",
                                             bind="query-params"), 200)
    n = selection.counts(snap, keep)
    span = f"{state.date_from} to {state.date_to}"
    if state.as_of:
        span = f"status as of {state.as_of}"
    narrowed = describe_filters(state, VALUE_LABELS)
    subtitle = f"{span}{' · ' + narrowed if narrowed else ''} · {plural(n.on_map, 'claim')} on the map, " \
               f"{plural(n.events, 'event')}, {plural(n.settlements, 'settlement')}"
    st.markdown(f"# {md(title)}")
    st.markdown(md(subtitle))
    places = map_section(path, snap, keep, state, web_tiles=web_tiles, height=520, briefing=True)
    events = selection.newest_events(snap, keep, BRIEFING_EVENTS)
    with Store(path) as store:
        in_view = derived.frame(store, snap, selection.rows_of_events(snap, events, keep))
        whole = derived.frame(store, snap, selection.rows_of_events(snap, events))
    digest = event_digest(in_view, whole, limit=BRIEFING_EVENTS)
    if not digest.empty:
        # st.table renders Markdown in cells: escape what came from articles
        st.table(digest.map(md), hide_index=True)
        if n.events > len(digest):
            st.caption(f"The {len(digest)} most recent of {plural(n.events, 'event')}; the Map view lists them all.")
    sources = snap.codes.get("source", [])
    outlets = sorted({sources[i] or "unattributed" for i in np.unique(snap["source"][keep])}, key=str.lower)
    articles = len(np.unique(snap["article"][keep]))
    note = (f"Sources: {', '.join(outlets)} ({plural(articles, 'article')}). Each point is what a named "
            "claimant says, not verified fact; dashed outlines mark claims the other side disputes.")
    st.caption(md(note))
    st.caption(ATTRIBUTION)
    stamp = dt.date.today().isoformat()
    png = {"title": title, "subtitle": subtitle, "sources_note": note, "digest": digest, "towns": cache.towns()}
    left, middle, right = st.columns([1, 1, 1])
    def png_bytes(widescreen: bool) -> bytes:
        from dashboard.briefing import briefing_png  # matplotlib: loaded when a PNG is asked for

        return briefing_png(places, cache.oblasts(), widescreen=widescreen, **png)

    left.download_button("Save as PNG", data=lambda: png_bytes(False),
                         file_name=f"briefing-{stamp}.png", mime="image/png", key="png", on_click="ignore")
    middle.download_button("Save as 16:9 PNG (slides)",
                           data=lambda: png_bytes(True),
                           file_name=f"briefing-{stamp}-16x9.png", mime="image/png", key="png169", on_click="ignore")
    right.button("← Back to the map", key="to_map", on_click=lambda: st.session_state.update(view="map"))


def place_finder() -> None:
    """Geocode a typed name: any spelling, Ukrainian, Russian, transliterated or former."""
    left, right = st.columns([2, 1])
    name = left.text_input("Settlement name", value="Volchansk", key="name", bind="query-params",
                           help="e.g. Volchansk, Вовчанськ, Artyomovsk, Andriivka")
    oblast_names = sorted(n for n in cache.oblasts()["name"] if n)
    hint = right.selectbox("Oblast (optional)", ["(any)", *oblast_names], key="hint")
    result = resolve(name, cache.gazetteer(), hint=None if hint == "(any)" else hint)
    st.session_state["_status"] = str(result.status)
    if result.place is not None:
        p = result.place
        st.success(f"**{p.name}** — {p.admin2 + ', ' if p.admin2 else ''}{p.admin1}, {p.country} "
                   f"({p.lat:.5f}, {p.lon:.5f}; {_source_of(p)}). {result.reason}.")
    elif result.candidates:
        st.warning(f"**Ambiguous:** {len(result.candidates)} places are called {md(repr(name))}. {md(result.reason)}. "
                   "Choose an oblast to narrow them down.")
    else:
        st.info(f"No place found: {result.reason}.")
    for warning in result.warnings:
        st.warning(md(warning))
    if result.candidates:
        st.dataframe([{"name": c.name, "oblast": c.admin1, "raion": c.admin2, "population": c.population,
                       "geonameid": c.geonameid, "lat": c.lat, "lon": c.lon} for c in result.candidates],
                     hide_index=True, height=min(400, 38 + 35 * len(result.candidates)))
    st_folium(resolution_map(result, cache.oblasts()), key="placemap", height=480, returned_objects=[],
              use_container_width=True)


def about() -> None:
    st.markdown(Path(__file__).with_name("about.md").read_text(encoding="utf-8"))


def empty_state(snap: Snapshot, state: FilterState, matches: np.ndarray | None) -> None:
    st.info(md(selection.explain_empty(snap, state, matches)) + " Widen the dates or clear a filter in the sidebar.")
