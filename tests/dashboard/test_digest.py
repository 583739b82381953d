"""The briefing's words: what each side claims, event by event, and the filters in force."""

import datetime as dt
import struct

import pandas as pd
import pytest

from dashboard.briefing import briefing_png
from dashboard.digest import DIGEST_COLUMNS, describe_filters, event_digest
from dashboard.filters import FilterState, apply_filters, settlements
from events import Store
from events.pipeline import ingest_paths
from events.query import claims_frame
from geodata.boundaries import load_oblasts
from tests.conftest import SAMPLES

MOD = "Russian Ministry of Defence"
MAY_2024 = {"date_from": dt.date(2024, 5, 1), "date_to": dt.date(2024, 5, 31)}


@pytest.fixture(scope="module")
def all_claims(tmp_path_factory, gazetteer, rules):
    with Store(tmp_path_factory.mktemp("digest") / "claims.sqlite") as store:
        ingest_paths([str(SAMPLES)], store, gazetteer, rules)
        return claims_frame(store)


def digest_for(all_claims, **filters):
    return event_digest(apply_filters(all_claims, FilterState(**filters)), all_claims)


def test_what_russias_ministry_claimed_in_may_2024_and_whether_ukraine_confirmed_it(all_claims):
    digest = digest_for(all_claims, claimants=(MOD,), **MAY_2024)
    assert list(digest.columns) == DIGEST_COLUMNS
    assert digest.to_dict("records") == [{
        "place": "Robotyne", "date": "2024-05-15", "claim": "recapture: Russian gain claimed",
        "claimed by": f"{MOD} (Russian side), hedged", "the other side": "no Ukrainian claim in these articles",
        "status": "one side only"}]


def test_the_other_side_is_read_from_claims_the_filter_hides(all_claims):
    by_place = digest_for(all_claims, claimants=(MOD,)).set_index("place")
    assert by_place.loc["Andriivka", "claim"] == "denial of a claim"
    assert by_place.loc["Andriivka", "the other side"] == "Ukrainian military claims a recapture (Ukrainian gain claimed)"
    assert by_place.loc["Andriivka", "status"] == "disputed"
    ukraine = digest_for(all_claims, claimant_sides=("UA",)).set_index("place")
    assert ukraine.loc["Andriivka", "the other side"] == f"{MOD} denies it"


def test_journalists_background_has_no_other_side_and_newest_events_come_first(all_claims):
    assert len(digest_for(all_claims)) == 7  # history is hidden unless asked for
    digest = digest_for(all_claims, include_background=True)
    assert len(digest) == 9
    assert digest["date"].iloc[0] == "2025-11-09" and digest["date"].iloc[-1] == "2022-02"
    background = digest[digest["claimed by"] == "journalist (dpa)"].iloc[0]
    assert background["the other side"] == "—" and background["status"] == "superseded by a later claim"


def test_the_filters_in_force_are_spelled_out():
    assert describe_filters(FilterState()) == ""
    state = FilterState(claimants=(MOD,), gaining_sides=("RU",), sources=("",), text="Robotyne", include_undated=False)
    assert describe_filters(state, {"gaining_side": {"RU": "Russian gain claimed"}}) == (
        f"source: unattributed; claimant: {MOD}; gaining side: Russian gain claimed; search: 'Robotyne'; "
        "dated claims only")


def test_the_briefing_png_carries_the_digest_below_the_map(all_claims):
    shown = apply_filters(all_claims, FilterState(claimants=(MOD,)))
    kwargs = {"title": "Claims of control", "subtitle": "all dates", "sources_note": "Sources: AFP"}
    plain = briefing_png(settlements(shown), load_oblasts(), **kwargs)
    with_digest = briefing_png(settlements(shown), load_oblasts(), digest=event_digest(shown, all_claims), **kwargs)
    width, height = struct.unpack(">II", plain[16:24])
    width2, height2 = struct.unpack(">II", with_digest[16:24])
    assert plain[:8] == b"\x89PNG\r\n\x1a\n" and (width, height) == (1600, 1000)
    assert width2 == 1600 and height2 > height + 3 * 17  # three events, a line or more each


def test_a_16_by_9_png_for_slides_names_the_most_important_places_at_any_number(all_claims, monkeypatch):
    import matplotlib.axes

    from dashboard import briefing

    places = settlements(apply_filters(all_claims, FilterState(include_background=True)))
    many = pd.concat([places.assign(lat=places["lat"] + 0.2 * i, place_name=places["place_name"] + f" {i}")
                      for i in range(12)], ignore_index=True)  # 72 places
    named: list[str] = []
    real = matplotlib.axes.Axes.annotate
    monkeypatch.setattr(matplotlib.axes.Axes, "annotate",
                        lambda self, text, *a, **k: named.append(text) or real(self, text, *a, **k))
    png = briefing_png(many, load_oblasts(), title="Claims", subtitle="all dates", sources_note="Sources: AFP",
                       towns=[("Kharkiv", 49.99, 36.23)], widescreen=True)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (1920, 1080)
    claimed = [n for n in named if n.rstrip("0123456789 ") in set(places["place_name"])]
    assert len(claimed) == briefing.MAX_NAMES  # the 25 most important of 72, not none
    assert "Kharkiv" in named and "Donetsk Oblast" in named  # towns and oblasts for bearings
