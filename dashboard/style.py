"""How claims look on the map: one colour per gaining side, one marker style per event type.

Colours are the Okabe-Ito pair (distinct for the common kinds of colour blindness): vermillion
for a Russian gain, blue for a Ukrainian gain, grey for no change. Event types differ in size,
fill and outline; a disputed event has a dashed outline. Constants (and the one rule
for placing names): mapbuild, the legend and the PNG all read them, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SIDE_COLOURS", "SIDE_LABELS", "CLAIMANT_SIDE_WORDS", "CLAIMANTS_OF", "plural", "TYPE_STYLES", "TypeStyle", "DISPUTED_DASH", "TYPE_LABELS", "STATUS_LABELS",
           "VALUE_LABELS", "label_lines", "label_priority"]

SIDE_COLOURS = {"RU": "#D55E00", "UA": "#0072B2", "none": "#7F7F7F"}
SIDE_LABELS = {"RU": "Russian gain claimed", "UA": "Ukrainian gain claimed", "none": "no change claimed"}
#: a denial's gaining side is the gain it denies
DENIED_LABELS = {"RU": "a Russian gain denied", "UA": "a Ukrainian gain denied", "none": "a claim denied"}
DISPUTED_DASH = "4 3"
#: Whose claimant, in words: "Russian Ministry of Defence (Russian side)".
CLAIMANT_SIDE_WORDS = {"RU": "Russian side", "UA": "Ukrainian side", "none": "neither side"}
#: The sides as the people who speak for them: "Ukrainian claimants".
CLAIMANTS_OF = {"all": "everyone", "RU": "Russian claimants", "UA": "Ukrainian claimants"}


@dataclass(frozen=True, slots=True)
class TypeStyle:
    radius: int
    fill_opacity: float
    weight: int
    legend_symbol: str  # how the legend draws it


TYPE_STYLES = {
    "capture": TypeStyle(9, 0.85, 2, "●"),
    "recapture": TypeStyle(9, 0.85, 4, "◉"),
    "withdrawal": TypeStyle(8, 0.55, 2, "◍"),
    "partial": TypeStyle(7, 0.35, 2, "◐"),
    "contested": TypeStyle(7, 0.0, 3, "○"),
    "denial": TypeStyle(6, 0.0, 2, "◌"),
}
TYPE_LABELS = {
    "capture": "capture", "recapture": "recapture (retaken)", "withdrawal": "withdrawal",
    "partial": "partial (part of town, gray zone)", "contested": "contested (fighting, no change)",
    "denial": "denial of a claim",
}
STATUS_LABELS = {
    "corroborated": "corroborated by the other side", "disputed": "disputed", "single-source": "one side only",
    "superseded": "superseded by a later claim", "rejected": "rejected by an analyst",
}
#: Display names of filter values, by claims column (sidebar, briefing).
VALUE_LABELS = {"gaining_side": SIDE_LABELS, "event_type": TYPE_LABELS, "status": STATUS_LABELS,
                "claimant_side": {"RU": "Russian", "UA": "Ukrainian", "none": "neither (journalist, analyst)"}}
#: Places closer than this (degrees of latitude, longitude) share a neighbourhood on a slide.
LABEL_NEIGHBOURHOOD = (0.12, 0.5)


def label_priority(places: "pd.DataFrame") -> "pd.Series":
    """Which places to name first on a slide: changes of control before fighting and denials,
    disputed ones, then those with the most claims."""
    kinds = places["event_type"].map({"capture": 3, "recapture": 3, "withdrawal": 3, "partial": 2}).fillna(0)
    claims = places["claims"] if "claims" in places else 1
    return kinds * 1000 + places["disputed"].astype(int) * 500 + claims


def label_lines(lats: list[float], lons: list[float]) -> list[int]:
    """For place names written beside their points, north to south: how many lines down each name
    goes so that it clears its close neighbours' names (0 = beside the point)."""
    placed: list[tuple[float, float]] = []
    lines = [0] * len(lats)
    for i in sorted(range(len(lats)), key=lambda i: -lats[i]):
        lines[i] = sum(abs(lats[i] - a) < LABEL_NEIGHBOURHOOD[0] and abs(lons[i] - b) < LABEL_NEIGHBOURHOOD[1]
                       for a, b in placed)
        placed.append((lats[i], lons[i]))
    return lines


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """ "1 claim", "2 claims", "1,204 claims"."""
    return f"{n:,} {noun if n == 1 else nouns or noun + 's'}"
