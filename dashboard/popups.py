"""What a settlement's marker says: tooltip and popup.

The map sends each marker's fields once (names, dates, claimant, source, status, evidence, with
repeated strings stored once in a shared table) and the browser assembles tooltip and popup when
they open; that keeps the page small at thousands of places (bench/bench_map.py). Everything that
comes from an article is untrusted: ``esc()`` below escapes it before it becomes HTML, and only
http(s) links become links. tests/browser checks it with a hostile article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from dashboard.style import CLAIMANT_SIDE_WORDS, DENIED_LABELS, SIDE_LABELS, STATUS_LABELS, TYPE_LABELS
from events.records import format_date

__all__ = ["FIELDS", "POPUP_JS", "StringTable", "marker_fields", "marker_table", "EVIDENCE_CHARS"]

EVIDENCE_CHARS = 220
#: The order of a marker's fields after latitude, longitude and style (read by POPUP_JS).
FIELDS = ("name", "written", "admin1", "type", "side", "date", "claimant", "claimant_side", "via", "hedged", "source",
          "url", "status", "evidence", "claims")

POPUP_JS = r"""
function fcEsc(value) {
    return String(value == null ? "" : value).replace(/[&<>"']/g, function (c) {
        return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
}
function fcField(row, table, name) {
    var i = FC_FIELDS.indexOf(name) + 3, v = row[i];
    return (typeof v === "number" && name !== "hedged" && name !== "claims") ? table[v] : v;
}
function fcTooltip(row, table) {
    var f = function (n) { return fcField(row, table, n); };
    return fcEsc(f("name") + ": " + f("type") + ", " + f("side") + " (" + f("date") + ")");
}
function fcQuote(text) {
    // the evidence in quotation marks, once: a sentence that opens with its own quote keeps it
    if (!text) { return ""; }
    return /^[\u0022\u201c\u201e\u00ab\u2018']/.test(text) ? fcEsc(text) : "\u201c" + fcEsc(text) + "\u201d";
}
function fcPopup(row, table) {
    var f = function (n) { return fcField(row, table, n); };
    var url = f("url"), link = /^https?:\/\//i.test(url)
        ? ' <a href="' + fcEsc(url) + '" target="_blank" rel="noopener noreferrer">' + fcEsc(url.slice(0, 60)) + "</a>"
        : (url ? " " + fcEsc(url.slice(0, 60)) : "");
    var n = f("claims"), lines = [
        "<b>" + fcEsc(f("name")) + "</b>" + (f("written") && f("written") !== f("name")
            ? " <i>(written \u201c" + fcEsc(f("written")) + "\u201d)</i>" : ""),
        fcEsc(f("admin1")),
        fcEsc(f("type")) + " \u00b7 " + fcEsc(f("side")) + " \u00b7 " + fcEsc(f("date")),
        "claimed by <b>" + fcEsc(f("claimant")) + "</b> (" + fcEsc(f("claimant_side")) + ")"
            + (f("via") ? " via " + fcEsc(f("via")) : "") + (f("hedged") ? " \u2014 <i>hedged / unverified</i>" : ""),
        "source: " + fcEsc(f("source")) + link,
        "status: <b>" + fcEsc(f("status")) + "</b>",
        fcQuote(f("evidence"))
    ];
    if (n > 1 || !f("evidence")) {
        lines.push("<i>" + n + " claim" + (n > 1 ? "s" : "") + " here in view: click to list "
            + (n > 1 ? "them" : "it") + " below the map" + (f("evidence") ? "" : ", with the evidence") + "</i>");
    }
    return '<div class="fc-popup">' + lines.filter(function (l) { return l; }).join("<br>") + "</div>";
}
"""


class StringTable:
    """Each distinct string once: markers refer to it by number."""

    def __init__(self) -> None:
        self.strings: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, value: Any) -> int:
        text = "" if value is None else str(value)
        if text not in self._index:
            self._index[text] = len(self.strings)
            self.strings.append(text)
        return self._index[text]

    def codes(self, values: list[Any]) -> list[int]:
        """The numbers of many values: each distinct one looked up once."""
        known: dict[Any, int] = {}
        out = []
        for value in values:
            code = known.get(value)
            if code is None:
                code = known[value] = self(value)
            out.append(code)
        return out


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return value if isinstance(value, dt.date) else None


def marker_fields(row: Mapping[str, Any], table: StringTable, *, evidence: bool = True) -> list[Any]:
    """A settlement's fields in FIELDS order: text as numbers into ``table``, flags as 0/1.
    ``evidence`` off leaves the sentence out (very large views: it comes on demand below the map)."""
    text = str(row.get("evidence") or "") if evidence else ""
    if len(text) > EVIDENCE_CHARS:
        text = text[:EVIDENCE_CHARS].rsplit(" ", 1)[0] + " …"
    values = {
        "name": row.get("place_name") or row.get("settlement"), "written": row.get("settlement"),
        "admin1": row.get("admin1"), "type": TYPE_LABELS.get(row.get("event_type"), row.get("event_type")),
        "side": (DENIED_LABELS if row.get("event_type") == "denial" else SIDE_LABELS).get(
            row.get("gaining_side"), row.get("gaining_side")),
        "date": format_date(_as_date(row.get("event_date")), row.get("date_precision") or "unknown"),
        "claimant": row.get("claimant"),
        "claimant_side": CLAIMANT_SIDE_WORDS.get(row.get("claimant_side"), row.get("claimant_side")), "via": row.get("via"),
        "source": row.get("source") or "unattributed", "url": row.get("url"),
        "status": STATUS_LABELS.get(row.get("status"), row.get("status")), "evidence": text,
    }
    out: list[Any] = []
    for name in FIELDS:
        if name == "hedged":
            out.append(1 if row.get("hedged") else 0)
        elif name == "claims":
            out.append(int(row.get("claims") or 1))
        else:
            out.append(table(values[name]))
    return out


def _column(places: Any, name: str) -> list[Any]:
    return places[name].tolist() if name in places else [None] * len(places)


def marker_table(places: Any, table: StringTable, *, evidence: bool = True) -> list[list[Any]]:
    """marker_fields for every row of a settlements table, column by column (thousands of places
    in a fraction of a second)."""
    col = {name: _column(places, name) for name in ("place_name", "settlement", "admin1", "event_type", "gaining_side",
                                                    "event_date", "date_precision", "claimant", "claimant_side",
                                                    "via", "hedged", "source", "url", "status", "evidence", "claims")}
    dates: dict[tuple[Any, Any], str] = {}

    def when(day: Any, precision: Any) -> str:
        key = (day, precision)
        if key not in dates:
            dates[key] = format_date(_as_date(day), precision or "unknown")
        return dates[key]

    def cut(text: Any) -> str:
        text = str(text or "") if evidence else ""
        return text[:EVIDENCE_CHARS].rsplit(" ", 1)[0] + " …" if len(text) > EVIDENCE_CHARS else text

    def side(kind: Any, gain: Any) -> Any:
        return (DENIED_LABELS if kind == "denial" else SIDE_LABELS).get(gain, gain)

    values = {
        "name": [n or w for n, w in zip(col["place_name"], col["settlement"])], "written": col["settlement"],
        "admin1": col["admin1"], "type": [TYPE_LABELS.get(k, k) for k in col["event_type"]],
        "side": [side(k, g) for k, g in zip(col["event_type"], col["gaining_side"])],
        "date": [when(d, p) for d, p in zip(col["event_date"], col["date_precision"])],
        "claimant": col["claimant"], "claimant_side": [CLAIMANT_SIDE_WORDS.get(v, v) for v in col["claimant_side"]],
        "via": col["via"], "source": [v or "unattributed" for v in col["source"]], "url": col["url"],
        "status": [STATUS_LABELS.get(v, v) for v in col["status"]], "evidence": [cut(v) for v in col["evidence"]],
        "hedged": [1 if v else 0 for v in col["hedged"]], "claims": [int(v or 1) for v in col["claims"]],
    }
    coded = [values[name] if name in ("hedged", "claims") else table.codes(values[name]) for name in FIELDS]
    return [list(fields) for fields in zip(*coded)]
