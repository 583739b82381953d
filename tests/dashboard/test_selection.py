"""The filters on the columns (dashboard.selection, numpy) keep what the plain filters on a table
of claims (dashboard.filters, pandas) keep, and the map shows the same settlements."""

import dataclasses
import datetime as dt

import numpy as np
import pytest

from dashboard import selection
from dashboard.filters import FilterState, apply_filters, as_of, counts, explain_empty, settlements
from events import Store, derived
from events.pipeline import ingest_paths
from events.query import claims_frame
from events.store import Review
from tests.conftest import SAMPLES

MOD = "Russian Ministry of Defence"
UNDATED = "Russian troops captured Chasiv Yar, the Russian defence ministry said.\n"
AMBIGUOUS = ("published: 2024-05-20\nsource: Test Wire\n---\nHeavy fighting in Andriivka continued on Monday, "
             "officials said.\n")
BOUNDS = {"date_from": dt.date(2022, 1, 1), "date_to": dt.date(2025, 12, 31)}
STATES = [
    FilterState(**BOUNDS),
    FilterState(**BOUNDS, include_background=True),
    FilterState(**BOUNDS, include_undated=False),
    FilterState(date_from=dt.date(2024, 5, 1), date_to=dt.date(2024, 5, 31)),
    FilterState(**BOUNDS, claimants=(MOD,)),
    FilterState(**BOUNDS, claimant_sides=("UA",), gaining_sides=("RU",)),
    FilterState(**BOUNDS, event_types=("denial", "recapture"), statuses=("disputed",)),
    FilterState(**BOUNDS, sources=("", "AFP"), oblasts=("Donetsk Oblast",)),
    FilterState(**BOUNDS, statuses=("rejected",)),
    FilterState(**BOUNDS, as_of=dt.date(2023, 12, 31)),
    FilterState(**BOUNDS, as_of=dt.date(2024, 6, 1), as_of_side="RU"),
]


@pytest.fixture(scope="module")
def data(tmp_path_factory, gazetteer, rules):
    folder = tmp_path_factory.mktemp("selection")
    (folder / "in").mkdir()
    (folder / "in" / "undated.txt").write_text(UNDATED, encoding="utf-8")
    (folder / "in" / "ambiguous.txt").write_text(AMBIGUOUS, encoding="utf-8")
    with Store(folder / "c.sqlite") as store:
        ingest_paths([SAMPLES, folder / "in"], store, gazetteer, rules)
        frame = claims_frame(store)
        robotyne = frame[frame["place_name"] == "Robotyne"]["claim_id"].tolist()
        store.add_review(Review(robotyne[-1], "reject", "analyst A"))
        derived.refresh(store)
        snapshot = derived.load(store)
        yield store, snapshot, claims_frame(store)


def reference_keep(claims, state):
    """The plain filters; a status filter naming "rejected" lists the analysts' rejections."""
    if "rejected" in state.statuses:
        others = dataclasses.replace(state, statuses=tuple(s for s in state.statuses if s != "rejected"))
        kept = apply_filters(claims, others) if others.statuses else None
        rejected = claims[(claims["status"] == "rejected")]
        rejected = rejected[rejected["claim_id"].isin(apply_filters(claims.assign(status="single-source"),
                                                                    dataclasses.replace(others, statuses=()))["claim_id"])]
        return set(rejected["claim_id"]) | (set(kept["claim_id"]) if kept is not None else set())
    shown = apply_filters(claims, state)
    if state.as_of and state.as_of_side != "all":
        shown = shown[shown["claimant_side"] == state.as_of_side]
    return set(shown["claim_id"])


@pytest.mark.parametrize("state", STATES, ids=lambda s: ",".join(f"{k}" for k, v in dataclasses.asdict(s).items()
                                                                 if v and k not in BOUNDS) or "all")
def test_the_columns_keep_what_the_plain_filters_keep(data, state):
    store, snapshot, claims = data
    keep = selection.mask(snapshot, state)
    kept = derived.frame(store, snapshot, np.flatnonzero(keep))
    assert set(kept["claim_id"]) == reference_keep(claims, state)


@pytest.mark.parametrize("state", [s for s in STATES if "rejected" not in s.statuses], ids=str)
def test_the_map_shows_the_same_settlements_and_claims(data, state):
    store, snapshot, claims = data
    keep = selection.mask(snapshot, state)
    rows = selection.place_rows(snapshot, keep)
    drawn = derived.frame(store, snapshot, rows.rows).assign(claims=rows.claims, disputed=rows.disputed)
    shown = apply_filters(claims, state)
    if state.as_of:
        expected = as_of(shown, state.as_of, state.as_of_side)
    else:
        expected = settlements(shown)
    assert sorted(zip(drawn["place_name"], drawn["claim_id"], drawn["claims"], drawn["disputed"])) == \
        sorted(zip(expected["place_name"], expected["claim_id"], expected["claims"], expected["disputed"]))
    n = selection.counts(snapshot, keep, rows)
    assert n.settlements == len(expected) and n.on_map == int(expected["claims"].sum())
    if not state.as_of:
        plain = counts(shown)
        assert (n.claims, n.undated + n.awaiting) == (plain["claims"], plain["undated"] + n.awaiting)


def test_counts_tell_the_map_the_waiting_and_the_undated_apart(data):
    _, snapshot, _ = data
    n = selection.counts(snapshot, selection.mask(snapshot, STATES[0]))
    assert n.on_map + n.awaiting + n.undated == n.claims
    assert (n.awaiting, n.undated) == (1, 1)  # Andriivka could be several villages; Chasiv Yar has no date


def test_an_empty_view_says_which_filter_emptied_it(data):
    store, snapshot, claims = data
    state = FilterState(**BOUNDS, claimants=(MOD,), gaining_sides=("UA",), event_types=("capture",))
    assert selection.explain_empty(snapshot, state) == explain_empty(claims, state).replace(
        f"of {len(claims)}", f"of {len(claims):,}")


def test_names_awaiting_a_place_one_row_each(data):
    _, snapshot, _ = data
    names = selection.pending_names(snapshot)
    assert names[["name", "claims", "articles"]].values.tolist() == [["Andriivka", 1, 1]]


def test_the_next_change_and_the_newest_events(data):
    _, snapshot, _ = data
    keep = selection.mask(snapshot, FilterState(**BOUNDS, as_of=dt.date.max))
    assert selection.next_change(snapshot, keep, dt.date(2022, 3, 1)) == dt.date(2023, 6, 1)
    assert selection.next_change(snapshot, keep, dt.date(2025, 11, 9)) is None
    assert len(selection.newest_events(snapshot, selection.mask(snapshot, STATES[0]), 3)) == 3
