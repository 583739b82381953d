"""Words, not codes: headlines with plurals right, downloads named after the filters."""

import datetime as dt

from dashboard.exports import file_name, short_name
from dashboard.filters import FilterState
from dashboard.selection import Counts
from dashboard.style import plural
from dashboard.views import headline

BOUNDS = (dt.date(2022, 2, 1), dt.date(2025, 11, 9))


def test_the_headline_counts_what_is_on_the_map_and_what_is_not():
    assert headline(Counts(claims=19, on_map=16, awaiting=2, undated=1, events=7, settlements=6)) == (
        "**16 claims on the map** (7 events, 6 settlements) · 2 awaiting a place · 1 undated (listed below the map)")
    assert headline(Counts(claims=1, on_map=1, awaiting=0, undated=0, events=1, settlements=1),
                    dt.date(2024, 5, 1)) == "**1 claim on the map as of 2024-05-01** (1 event, 1 settlement)"
    assert plural(1_204, "claim") == "1,204 claims" and plural(1, "article") == "1 article"


def test_downloads_are_named_after_the_filters():
    may = FilterState(date_from=dt.date(2024, 5, 1), date_to=dt.date(2024, 5, 31), claimants=("Russian Ministry of Defence",))
    assert file_name(may, BOUNDS, "csv") == "frontline-claims_RU-MoD_2024-05.csv"
    assert file_name(FilterState(date_from=BOUNDS[0], date_to=BOUNDS[1]), BOUNDS, "csv", "-acled") == \
        "frontline-claims-acled.csv"
    sides = FilterState(date_from=dt.date(2024, 5, 3), date_to=dt.date(2024, 6, 1), claimant_sides=("UA",),
                        sources=("",), text="Robotyne liberated")
    assert file_name(sides, BOUNDS, "geojson") == \
        "frontline-claims_unattributed_UA-claimants_search-Robotyne-liberated_2024-05-03_2024-06-01.geojson"
    assert short_name("Ukrainian General Staff") == "UA-GS" and short_name("AFP") == "AFP"
    assert "/" not in file_name(FilterState(claimants=("a/b\\c <x>",)), BOUNDS, "csv")
