"""How claims look on the map: one colour per gaining side, one marker style per event type.

Colours are the Okabe-Ito pair (distinct for the common kinds of colour blindness): vermillion
for a Russian gain, blue for a Ukrainian gain, grey for no change. Event types differ in size,
fill and outline; a disputed event has a dashed outline. Constants only: mapbuild and the
legend both read them, so the two cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SIDE_COLOURS", "SIDE_LABELS", "TYPE_STYLES", "TypeStyle", "DISPUTED_DASH", "TYPE_LABELS", "STATUS_LABELS"]

SIDE_COLOURS = {"RU": "#D55E00", "UA": "#0072B2", "none": "#7F7F7F"}
SIDE_LABELS = {"RU": "Russian gain claimed", "UA": "Ukrainian gain claimed", "none": "no change claimed"}
DISPUTED_DASH = "4 3"


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
