"""The dev set as a check of context (read at run time from ../shared/devset, never copied here):
every settlement its gold claims name sits in the gold row's oblast under its canonical name, or
is honestly ambiguous. Skipped where the dev set is absent (a fresh clone)."""

import csv

import pytest

from geodata import PlaceKind, Status, find_places, normalize_name, resolve_mentions
from tests.conftest import ROOT

DEVSET = ROOT.parent / "shared" / "devset"
pytestmark = pytest.mark.skipif(not (DEVSET / "gold_events.csv").exists(), reason="no ../shared/devset here")


def _rows():
    with open(DEVSET / "gold_events.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def placed(gazetteer):
    """(article, settlement as written) -> the resolution of its first mention."""
    out = {}
    for article in sorted({r["article"] for r in _rows()}):
        raw = (DEVSET / "articles" / f"{article}.txt").read_text(encoding="utf-8")
        text = raw.split("\n---\n", 1)[1] if "\n---\n" in raw else raw
        mentions = find_places(text, gazetteer)
        for m, r in zip(mentions, resolve_mentions(mentions, gazetteer)):
            if m.kind is PlaceKind.PLACE:
                out.setdefault((article, normalize_name(m.text.removesuffix("'s").removesuffix("’s"))), r)
    return out


def _verdict(row, resolution):
    oblast = row["oblast"].replace(" (Russia)", "")
    oblast = "Kyiv" if oblast.startswith("Kyiv (city") or oblast == "Kyiv City" else oblast
    if resolution.status is not Status.RESOLVED:
        return "ambiguous or unknown"
    place = resolution.place
    if place.admin1 != oblast:
        return f"wrong oblast: {place.name}, {place.admin1}"
    return "right" if normalize_name(place.name) == normalize_name(row["canonical_name"]) else f"named {place.name}"


def test_every_ambiguous_name_of_the_dev_set_is_placed_right_or_left_ambiguous(placed):
    checked, wrong = 0, []
    for row in _rows():
        if "AMBIGUOUS NAME" not in row["notes"]:
            continue
        resolution = placed.get((row["article"], normalize_name(row["settlement"])))
        if resolution is None:
            continue  # not found as a name in the text (a translated or garbled one)
        checked += 1
        verdict = _verdict(row, resolution)
        if verdict not in ("right", "ambiguous or unknown"):
            wrong.append((row["article"], row["settlement"], row["canonical_name"], verdict, resolution.reason))
    assert checked >= 30
    assert wrong == []


def test_every_dev_set_claim_is_in_its_oblast_or_ambiguous(placed):
    verdicts = [_verdict(row, placed[(row["article"], normalize_name(row["settlement"]))]) for row in _rows()
                if (row["article"], normalize_name(row["settlement"])) in placed]
    wrong = [v for v in verdicts if v.startswith("wrong")]
    assert len(verdicts) >= 200 and wrong == []
