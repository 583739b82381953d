"""Names that could be several villages, at any scale: one row per name as written (how many claims
and articles wait on it), and, for the name an analyst chooses, the places it could be with their
raion, population and distance to the other places the same articles name, none chosen in
advance; one choice places the name's claims in the articles about that oblast (the default: a
name in one article means one village), in one article, or everywhere.

Only the chosen name's claims and candidates are read; the list itself is one table, however
many names wait. Each placement is a "move" review per claim (Store.add_reviews, all or none),
kept across re-extraction like any review.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import streamlit as st

from dashboard import cache, identity, selection
from dashboard.candidates import Candidate, describe
from dashboard.style import plural
from dashboard.text import md
from events import EventsError, Store, derived
from events.derived import Snapshot
from events.store import Review

__all__ = ["ambiguous_places", "articles_about", "pick_scopes", "PickScope", "LISTED"]

LISTED = 200  # names shown in the table (all are in the box)


def articles_about(snap: Snapshot, articles: np.ndarray, admin1: str) -> set[int]:
    """Of these articles (by number), those that name a settlement of ``admin1`` for sure."""
    code = snap.code("admin1", admin1)
    rows = np.isin(snap["article"], articles) & snap["located"] & (snap["admin1"] == code)
    return set(np.unique(snap["article"][rows]).tolist())


@dataclass(frozen=True)
class PickScope:
    """Which claims of a name one pick places: ``rows`` selects among the name's claims."""

    label: str
    rows: np.ndarray


def pick_scopes(snap: Snapshot, articles: np.ndarray, article_names: list[str], admin1: str,
                per_article: int = 8) -> list[PickScope]:
    """The choices of where a pick applies, the likeliest first: the claims in articles that name
    other places of the picked place's oblast (a name means one village per article and front),
    then each article alone (when a few), then every claim of the name. ``articles`` and
    ``article_names`` run along the name's claims."""
    n = len(articles)
    about = articles_about(snap, np.unique(articles), admin1)
    in_about = np.isin(articles, np.asarray(sorted(about), dtype=np.int64))
    scopes: list[PickScope] = []
    if in_about.any() and not in_about.all():
        scopes.append(PickScope(f"the {plural(int(in_about.sum()), 'claim')} in articles that name other places "
                                f"of {admin1}", in_about))
    distinct = list(dict.fromkeys(articles.tolist()))
    if 1 < len(distinct) <= per_article:
        for number in distinct:
            rows = articles == number
            name = article_names[int(np.flatnonzero(rows)[0])]
            scopes.append(PickScope(f"only the {plural(int(rows.sum()), 'claim')} in {name}", rows))
    scopes.append(PickScope(f"all {plural(n, 'claim')} of the name", np.ones(n, dtype=bool)))
    return scopes


def ambiguous_places(path: str, snap: Snapshot) -> None:
    """The list above the map."""
    names = selection.pending_names(snap)
    if names.empty:
        return
    waiting = int(names["claims"].sum())
    with st.expander(f"⚠ {plural(len(names), 'name')} could be several villages ({plural(waiting, 'claim')} "
                     "waiting for a place): choose which"):
        shown = names.head(LISTED).rename(columns={"name": "Name as written", "claims": "Claims",
                                                   "articles": "Articles"})
        st.dataframe(shown[["Name as written", "Claims", "Articles"]], hide_index=True, key="ambiguous-names",
                     height=min(260, 38 + 35 * len(shown)))
        if len(names) > LISTED:
            st.caption(f"The {LISTED} names with the most claims of {len(names):,}; the box below has them all.")
        labels = {int(k): f"{n} — {plural(int(c), 'claim')} in {plural(int(a), 'article')}"
                  for k, n, c, a in names[["key", "name", "claims", "articles"]].itertuples(index=False)}
        key = st.selectbox("Name to place", list(labels), index=None, format_func=labels.__getitem__, key="ambiguous-name",
                           placeholder="choose a name to see the places it could be")
        if key is not None:
            _choose_place(path, snap, key)


def _choose_place(path: str, snap: Snapshot, key: int) -> None:
    rows = selection.rows_of_place(snap, key)
    rows = rows[snap["ambiguous"][rows]]
    if len(rows) == 0:
        return
    with Store(path) as store:
        claims = derived.frame(store, snap, rows)
    articles = snap["article"][rows]
    name = snap.places.name[key]
    gazetteer = cache.gazetteer()
    ids = sorted({int(i) for c in claims["place_candidates"] for i in str(c).split(";") if i.strip().isdigit()})
    # the places these articles name for sure: where the name most likely is
    context_rows = np.flatnonzero(np.isin(snap["article"], np.unique(articles)) & snap["located"])
    p = snap.places
    context = [(p.name[k], float(p.lat[k]), float(p.lon[k])) for k in np.unique(snap["key"][context_rows]).tolist()]
    options: list[Candidate] = describe([gazetteer.place(i) for i in ids], context)
    for claim in claims.head(3).itertuples():
        st.text(f"{Path(claim.article).name}: {claim.evidence}")
    if len(claims) > 3:
        st.caption(f"… and {plural(len(claims) - 3, 'more claim')} of this name.")
    place_index = st.selectbox(f"Which place is “{name}”?", range(len(options)), index=None,
                               format_func=lambda i: options[i].label, key=f"ambiguous-place-{key}",
                               placeholder=f"{plural(len(options), 'place')} it could be, nearest to the other "
                                           "places its articles name first; none is chosen for you")
    if place_index is None:
        return
    place = options[place_index].place
    scopes = pick_scopes(snap, articles, claims["article"].map(lambda a: Path(str(a)).name).tolist(), place.admin1)
    scope = st.radio("Place", range(len(scopes)), format_func=lambda i: scopes[i].label, key=f"ambiguous-scope-{key}-{place.geonameid}")
    targets = claims["claim_id"][scopes[scope].rows]
    reviewer = identity.reviewer()
    if not reviewer:
        st.caption(identity.review_hint())
    if st.button(f"Place {plural(len(targets), 'claim')} at {place.name} ({place.admin2 or place.admin1})",
                 key=f"ambiguous-go-{key}", disabled=not reviewer, type="primary"):
        reviews = [Review(str(c), "move", reviewer, geonameid=place.geonameid, place_name=place.name,
                          admin1=place.admin1, lat=place.lat, lon=place.lon, note="chosen among namesakes")
                   for c in targets]
        try:
            with Store(path) as store:
                written = store.add_reviews(reviews)
        except EventsError as exc:
            st.error(f"Not saved: {md(exc)}")
            return
        st.toast(f"Placed {plural(written, 'claim')} at {md(place.name)}, by {md(reviewer)}")
        st.rerun()
