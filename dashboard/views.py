"""The page's sections: map, timeline, table, event view with review, downloads, upload,
briefing. Each draws Streamlit widgets and calls the pure functions of dashboard/ and events/."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard import cache, identity
from dashboard.briefing import briefing_png
from dashboard.digest import describe_filters, event_digest
from dashboard.exports import DOWNLOADS, export_bytes
from dashboard.filters import FilterState, apply_filters, as_of, counts, explain_empty, settlements
from dashboard.legend import Legend
from dashboard.mapbuild import base_map, claims_layers, resolution_map
from dashboard.picks import pick_scope
from dashboard.style import SIDE_COLOURS, STATUS_LABELS, TYPE_LABELS, VALUE_LABELS
from dashboard.text import md
from events import EventsError, LoadOptions, PublishedDate, Store
from events.articles import EARLIEST_PUBLISHED, load_bytes
from events.pipeline import IngestSummary, ingest
from events.records import DatePrecision, format_date
from events.store import Review
from events.textsafe import clean_line
from geodata import resolve
from geodata.boundaries import ATTRIBUTION

__all__ = ["link_notice", "map_section", "timeline", "claims_table", "event_view", "downloads", "upload_view", "briefing_view",
           "summary_line", "about", "empty_state", "place_finder", "ambiguous_places"]

MAP_HEIGHT = 620
TABLE_ROWS = 1000
PLAY_STEPS = {"day": dt.timedelta(days=1), "week": dt.timedelta(days=7), "month": dt.timedelta(days=30)}
TABLE_COLUMNS = ["event_date", "date_precision", "place_name", "settlement", "admin1", "event_type", "gaining_side",
                 "claimant", "claimant_side", "hedged", "background", "status", "source", "via", "evidence", "claim_id"]


def link_notice(notes: list[str]) -> str:
    """The notice naming what the link asked for and the page ignored (or read otherwise)."""
    return "This link holds settings the page cannot use, ignored:\n" + "\n".join(f"- {md(n)}" for n in notes)


def summary_line(shown: pd.DataFrame) -> str:
    n = counts(shown)
    line = f"**{n['claims']} claims, {n['events']} events, {n['settlements']} settlements**"
    if n["undated"]:
        line += f" · {n['undated']} with unknown dates, listed below the map, not on it"
    return line


def _bounds(claims: pd.DataFrame, min_span: tuple[float, float] = (1.6, 2.4)) -> list[list[float]] | None:
    """All claims' extent, rounded so that the base map (and the iframe) stays the same across
    reruns, and at least ``min_span`` degrees (lat, lon) wide: one village alone still shows its
    surroundings."""
    located = claims.dropna(subset=["lat", "lon"])
    if located.empty:
        return None
    south, north = float(located["lat"].min()) - 0.3, float(located["lat"].max()) + 0.3
    west, east = float(located["lon"].min()) - 0.5, float(located["lon"].max()) + 0.8
    grow_lat, grow_lon = max(0.0, min_span[0] - (north - south)) / 2, max(0.0, min_span[1] - (east - west)) / 2
    return [[round(south - grow_lat, 1), round(west - grow_lon, 1)], [round(north + grow_lat, 1), round(east + grow_lon, 1)]]


def _nearest(places: pd.DataFrame, clicked: dict | None) -> str | None:
    if not clicked or places.empty or clicked.get("lat") is None:
        return None
    d = (places["lat"] - clicked["lat"]) ** 2 + (places["lon"] - clicked["lng"]) ** 2
    return str(places.loc[d.idxmin(), "key"]) if d.min() < 0.01 else None


def map_section(all_claims: pd.DataFrame, shown: pd.DataFrame, state: FilterState, *, web_tiles: bool,
                height: int = MAP_HEIGHT, briefing: bool = False) -> None:
    """The map. In "as of" mode each settlement shows its latest claim on that day; playback
    steps that day forward without reloading the page or the map."""
    playing = bool(state.as_of) and st.session_state.get("playing", False)

    @st.fragment(run_every=1.2 if playing else None)
    def draw() -> None:
        day = state.as_of
        if state.as_of and playing:
            day = st.session_state.get("play_day") or state.as_of
            low = pd.to_datetime(all_claims["event_date"], errors="coerce").dropna()
            end = low.max().date() if not low.empty else day
            step = PLAY_STEPS[st.session_state.get("play_step", "week")]
            st.session_state["play_day"] = day + step if day + step <= end else end
            if day >= end:
                st.session_state["_play_done"] = True
                st.rerun(scope="app")
        # while playing, the day runs past the slider's: the claims after it must still be there
        source = apply_filters(all_claims, replace(state, as_of=None)) if day and playing else shown
        places = as_of(source, day, state.as_of_side) if day else settlements(shown)
        st.session_state["_places_shown"] = len(places)
        caption = st.empty()  # always there, so that the map below never changes place (and reloads)
        if day:
            caption.caption(f"Claimed status as of **{day}**: {len(places)} settlements"
                            + ("" if state.as_of_side == "all" else f", by {state.as_of_side} claimants only"))
        base = base_map(cache.oblasts(), web_tiles=web_tiles)
        # the base map stays the same across filter changes (no reload, zoom kept); a briefing
        # frames just what it shows
        bounds = _bounds(shown if briefing else all_claims)
        if bounds:
            base.fit_bounds(bounds)
        Legend(note="" if briefing else "Click a place to list its claims below.").add_to(base)
        focus = st.session_state.get("focus_center")
        result = st_folium(base, key="map", height=height, use_container_width=True,
                           feature_group_to_add=claims_layers(places, labels=briefing and len(places) <= 30),
                           returned_objects=["last_object_clicked"],
                           center=focus, zoom=9 if focus else None)
        clicked = _nearest(places, (result or {}).get("last_object_clicked"))
        if clicked and clicked != st.session_state.get("focus"):
            st.session_state["focus"] = clicked
            st.rerun(scope="app")

    draw()


def timeline(shown: pd.DataFrame) -> None:
    dated = shown.assign(day=pd.to_datetime(shown["event_date"], errors="coerce")).dropna(subset=["day"])
    if dated.empty:
        return
    per_day = dated.pivot_table(index="day", columns="gaining_side", values="claim_id", aggfunc="count", fill_value=0)
    per_day = per_day.reindex(columns=[c for c in SIDE_COLOURS if c in per_day.columns])
    st.bar_chart(per_day, color=[SIDE_COLOURS[c] for c in per_day.columns], height=170, x_label="", y_label="claims")


def claims_table(shown: pd.DataFrame) -> None:
    """The filtered claims, newest first; choosing a row focuses the map on its place and lists
    its claims. Long tables are cut (the downloads hold everything): nobody scrolls 10,000 rows,
    and sending them would slow every rerun."""
    undated = shown["event_date"].isna() | (shown["event_date"] == "")
    view = shown[~undated][TABLE_COLUMNS].sort_values("event_date", ascending=False)
    if len(view) > TABLE_ROWS:
        st.caption(f"The {TABLE_ROWS:,} most recent of {len(view):,} claims; narrow the filters or download them all.")
        view = view.head(TABLE_ROWS)
    # the selection belongs to these rows: new filters, new table, nothing selected (a row number
    # kept across a filter change would point at another claim, or past the end)
    rows_id = hashlib.sha1("|".join(view["claim_id"].astype(str)).encode()).hexdigest()[:12]
    selection = st.dataframe(
        view, hide_index=True, key=f"table-{rows_id}", on_select="rerun", selection_mode="single-row", height=300,
        column_config={"evidence": st.column_config.TextColumn("evidence", width="large"),
                       "claim_id": st.column_config.TextColumn("claim", width="small")})
    rows = [r for r in getattr(getattr(selection, "selection", None), "rows", None) or [] if 0 <= r < len(view)]
    if rows:
        row = view.iloc[rows[0]]
        key = str(row["claim_id"])
        if st.session_state.get("_table_pick") != key:
            st.session_state["_table_pick"] = key
            match = shown[shown["claim_id"] == key].iloc[0]
            st.session_state["focus"] = str(match["geonameid"]) if not pd.isna(match["geonameid"]) else None
            if not pd.isna(match["lat"]):
                st.session_state["focus_center"] = (float(match["lat"]), float(match["lon"]))
            st.rerun()
    if undated.any():
        with st.expander(f"{int(undated.sum())} claims with unknown dates (not on the map)"):
            st.dataframe(shown[undated][TABLE_COLUMNS], hide_index=True)


def event_view(all_claims: pd.DataFrame, path: str) -> None:
    """All claims about one settlement, side by side, with the analyst's review buttons."""
    focus = st.session_state.get("focus")
    keys = all_claims["geonameid"].astype("string").fillna("?")
    names = dict(zip(keys, all_claims["place_name"].where(all_claims["place_name"] != "", all_claims["settlement"])))
    choices = sorted((k for k in names if k != "?"), key=lambda k: names[k])
    if not choices:
        return
    if focus != st.session_state.get("_event_focus"):
        # a click on the map or a table row chose a place: the box follows (a keyed widget
        # ignores a new index, so its state is set before it is drawn)
        st.session_state["_event_focus"] = focus
        st.session_state["event_place"] = focus if focus in choices else None
    picked = st.selectbox("Settlement: every claim about it, side by side", choices, index=None,
                          format_func=lambda k: names[k], key="event_place", placeholder="choose a settlement or click one on the map")
    if picked is None:
        return
    rows = all_claims[keys == picked].sort_values("event_date")
    reviewer = identity.reviewer()
    for _, event in rows.groupby("event_id", sort=False):
        first = event.iloc[0]
        label = STATUS_LABELS.get(first["status"], first["status"])
        st.markdown(f"**{TYPE_LABELS.get(first['event_type'], first['event_type'])}**, "
                    f"{format_date(_date(first['event_date']), first['date_precision'])} — *{label}*"
                    + (f" ({md(first['status_note'])})" if first["status_note"] else ""))
        for claim in event.itertuples():
            _claim_card(claim, reviewer, path)


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def _claim_card(claim: object, reviewer: str, path: str) -> None:
    c = claim
    with st.container(border=True):
        left, right = st.columns([4, 1])
        what = (f"denies a gain by {c.gaining_side}" if c.event_type == "denial"
                else f"{c.event_type}, gain: {c.gaining_side}")
        left.markdown(f"**{md(c.claimant)}** ({c.claimant_side}) — {what}"
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
            new_place = st.text_input("Move to (place name)", key=f"move-{c.claim_id}")
            if new_place:
                found = resolve(new_place, cache.gazetteer())
                options = [found.place] if found.place else list(found.candidates[:30])
                target = st.selectbox("Place", options, key=f"movepick-{c.claim_id}",
                                      format_func=lambda p: f"{p.name}, {p.admin1} ({p.geonameid})")
                if target and st.button("Move here", key=f"movego-{c.claim_id}"):
                    _review(path, Review(c.claim_id, "move", reviewer, geonameid=target.geonameid,
                                         place_name=target.name, admin1=target.admin1, lat=target.lat, lon=target.lon))
            day = st.date_input("Correct date", value=_date(c.event_date), key=f"date-{c.claim_id}")
            precision = st.selectbox("Precision", ["day", "week", "month", "season", "year"], key=f"prec-{c.claim_id}")
            if day and st.button("Set date", key=f"dateset-{c.claim_id}"):
                _review(path, Review(c.claim_id, "fix_date", reviewer, event_date=day, date_precision=precision))


def _review(path: str, review: Review) -> None:
    try:
        with Store(path) as store:
            store.add_review(review)
    except EventsError as exc:  # a locked or damaged database: say so, keep the page
        st.error(f"Not saved: {md(exc)}")
        return
    st.toast(f"Saved: {review.action} by {md(review.reviewer)}")  # a name is text, never Markdown
    st.rerun()


def ambiguous_places(all_claims: pd.DataFrame, path: str) -> None:
    """Claims whose place could be several villages: the analyst picks the right one, once per
    name and article; the pick is then offered for the same name in other articles of that oblast."""
    pending = all_claims[(all_claims["place_status"] == "ambiguous") & (all_claims["review"] != "move")
                         & (all_claims["status"] != "rejected")]
    offer = st.session_state.get("_pick_offer")
    if pending.empty and not offer:
        return
    gazetteer, reviewer = cache.gazetteer(), identity.reviewer()
    with st.expander(f"⚠ {len(pending)} claim{'s' if len(pending) != 1 else ''} name a place that could be several "
                     "villages: choose which", expanded=bool(offer)):
        if offer:
            _pick_offer(offer, reviewer, path)
        if not reviewer:
            st.caption(identity.review_hint())
        # one choice per name and article: a pick applies to all its claims there
        for claim in pending.drop_duplicates(subset=["article_id", "settlement"]).itertuples():
            ids = [int(i) for i in str(claim.place_candidates).split(";") if i]
            options = [gazetteer.place(i) for i in ids]
            same = pending[(pending["article_id"] == claim.article_id) & (pending["settlement"] == claim.settlement)]
            st.markdown(f"**{md(claim.settlement)}** in {md(Path(claim.article).name)} — {md(claim.claimant)}, "
                        f"{claim.event_type}" + (f" (and {len(same) - 1} more claim{'s' if len(same) > 2 else ''} "
                                                 "of this name in the article)" if len(same) > 1 else ""))
            st.text(claim.evidence)
            left, right = st.columns([4, 1], vertical_alignment="bottom")
            target = left.selectbox("Which place?", options, index=None, key=f"pick-{claim.claim_id}",
                                    format_func=lambda p: f"{p.name} — {p.admin2 + ', ' if p.admin2 else ''}{p.admin1}"
                                                          f" (population {p.population:,}; {p.geonameid})",
                                    placeholder=f"{len(options)} candidates")
            if right.button("Place it", key=f"place-{claim.claim_id}", disabled=target is None or not reviewer):
                scope = pick_scope(all_claims, claim.claim_id, target.geonameid, target.admin1)
                _place(path, scope.same_article, target, reviewer, "chosen among namesakes")
                if not scope.other_articles.empty:
                    st.session_state["_pick_offer"] = {
                        "settlement": claim.settlement, "geonameid": target.geonameid,
                        "claim_ids": list(scope.other_articles["claim_id"]),
                        "articles": int(scope.other_articles["article_id"].nunique())}
                st.rerun()


def _pick_offer(offer: dict, reviewer: str, path: str) -> None:
    """Offer a pick just made for the same name in other articles about the same oblast."""
    place = cache.gazetteer().place(offer["geonameid"])
    st.info(f"“{offer['settlement']}” is also waiting for a place in {offer['articles']} other "
            f"article{'s' if offer['articles'] > 1 else ''} about {place.admin1} "
            f"({len(offer['claim_ids'])} claim{'s' if len(offer['claim_ids']) > 1 else ''}). "
            f"Place {'them' if len(offer['claim_ids']) > 1 else 'it'} at {place.name} "
            f"({place.admin2 + ', ' if place.admin2 else ''}{place.admin1}) too?")
    yes, no = st.columns(2)
    if yes.button("Yes, place them too", key="pick-offer-yes", disabled=not reviewer):
        _place(path, pd.DataFrame({"claim_id": offer["claim_ids"]}), place, reviewer,
               f"same name placed in another article about {place.admin1}")
        del st.session_state["_pick_offer"]
        st.rerun()
    if no.button("No", key="pick-offer-no"):
        del st.session_state["_pick_offer"]
        st.rerun()


def _place(path: str, claims: pd.DataFrame, place: object, reviewer: str, note: str) -> None:
    """Store a pick as a "move" review of each claim (kept across re-extraction)."""
    reviews = [Review(claim_id, "move", reviewer, geonameid=place.geonameid, place_name=place.name,
                      admin1=place.admin1, lat=place.lat, lon=place.lon, note=note)
               for claim_id in claims["claim_id"]]
    with Store(path) as store:
        written = store.add_reviews(reviews)
    st.toast(f"Placed {written} claim{'s' if written != 1 else ''} at {place.name}, by {reviewer}")


def downloads(shown: pd.DataFrame) -> None:
    cols = st.columns(len(DOWNLOADS))
    stamp = dt.date.today().isoformat()
    for col, (fmt, (label, ext, mime)) in zip(cols, DOWNLOADS.items()):
        col.download_button(label, data=lambda fmt=fmt: export_bytes(shown, fmt),
                            file_name=f"frontline-claims-{stamp}{'-acled' if fmt == 'acled' else ''}.{ext}",
                            mime=mime, key=f"dl-{fmt}", disabled=shown.empty, on_click="ignore")


def _report(summary: IngestSummary, path: str) -> None:
    st.success(f"{summary.read} articles read ({summary.new} new, {summary.unchanged} already known), "
               f"{summary.claims} claims found.")
    for skipped in summary.skipped:
        st.error(f"Refused {md(skipped.path)}: {md(skipped.reason)}")
    if summary.ambiguous:
        st.warning("Some places could be several villages: pick the right one for each claim in the Map view "
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
    if files and st.button(f"Read {len(files)} file(s)", key="upload_go"):
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


def briefing_view(all_claims: pd.DataFrame, shown: pd.DataFrame, state: FilterState, *, web_tiles: bool) -> None:
    """One clean screen for a slide: title, dates and filters, map with legend, what each side
    claims event by event, sources, attribution."""
    # a title from a link: one line, no control or bidi characters
    title = clean_line(st.sidebar.text_input("Briefing title", value="Claims of control", key="btitle",
                                             bind="query-params"), 200)
    n = counts(shown)
    span = f"{state.date_from} to {state.date_to}"
    if state.as_of:
        span = f"status as of {state.as_of}"
    narrowed = describe_filters(state, VALUE_LABELS)
    subtitle = f"{span}{' · ' + narrowed if narrowed else ''} · {n['claims']} claims, {n['events']} events, " \
               f"{n['settlements']} settlements"
    st.markdown(f"# {md(title)}")
    st.markdown(md(subtitle))
    map_section(all_claims, shown, state, web_tiles=web_tiles, height=520, briefing=True)
    digest = event_digest(shown, all_claims, limit=BRIEFING_EVENTS)
    if not digest.empty:
        # st.table renders Markdown in cells: escape what came from articles
        st.table(digest.map(md), hide_index=True)
        if n["events"] > len(digest):
            st.caption(f"The {len(digest)} most recent of {n['events']} events; the Map view lists them all.")
    outlets = sorted({s or "unattributed" for s in shown["source"]}, key=str.lower)
    note = (f"Sources: {', '.join(outlets)} ({shown['article'].nunique()} articles). Each point is what a named "
            "claimant says, not verified fact; dashed outlines mark claims the other side disputes.")
    st.caption(md(note))
    st.caption(ATTRIBUTION)
    places = as_of(shown, state.as_of, state.as_of_side) if state.as_of else settlements(shown)
    st.download_button("Save as PNG", data=lambda: briefing_png(places, cache.oblasts(), title=title, subtitle=subtitle,
                                                                 sources_note=note, digest=digest),
                       file_name=f"briefing-{dt.date.today().isoformat()}.png", mime="image/png", key="png",
                       on_click="ignore")


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
                   f"({p.lat:.5f}, {p.lon:.5f}; GeoNames {p.geonameid}). {result.reason}.")
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


def empty_state(all_claims: pd.DataFrame, state: FilterState) -> None:
    st.info(md(explain_empty(all_claims, state)) + " Widen the dates or clear a filter in the sidebar.")

