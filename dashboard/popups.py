"""Popup and tooltip HTML for a settlement on the map. Everything that comes from an article is
escaped: article text is untrusted input and the map is HTML."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping
from typing import Any

from dashboard.style import SIDE_LABELS, STATUS_LABELS, TYPE_LABELS
from events.records import format_date

__all__ = ["popup_html", "tooltip_text", "safe_link"]

EVIDENCE_CHARS = 220


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def safe_link(url: Any) -> str:
    """An <a> for http(s) addresses only; anything else (javascript:, data:) is shown as text."""
    text = "" if url is None else str(url).strip()
    if text.lower().startswith(("http://", "https://")):
        return f'<a href="{_e(text)}" target="_blank" rel="noopener noreferrer">{_e(text[:60])}</a>'
    return _e(text[:60])


def tooltip_text(row: Mapping[str, Any]) -> str:
    date = format_date(_as_date(row.get("event_date")), row.get("date_precision") or "unknown")
    return _e(f"{row.get('place_name') or row.get('settlement')}: {row.get('event_type')}, "
              f"{SIDE_LABELS.get(row.get('gaining_side'), '')} ({date})")


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return value if isinstance(value, dt.date) else None


def popup_html(row: Mapping[str, Any]) -> str:
    """The latest claim about a settlement, with its provenance and evidence."""
    evidence = str(row.get("evidence") or "")
    if len(evidence) > EVIDENCE_CHARS:
        evidence = evidence[:EVIDENCE_CHARS].rsplit(" ", 1)[0] + " …"
    written = row.get("settlement") or ""
    name = row.get("place_name") or written
    date = format_date(_as_date(row.get("event_date")), row.get("date_precision") or "unknown")
    hedged = " — <i>hedged / unverified</i>" if row.get("hedged") else ""
    via = f" via {_e(row.get('via'))}" if row.get("via") else ""
    n = int(row.get("claims") or 1)
    lines = [
        f"<b>{_e(name)}</b>" + (f" <span style='color:#666'>(written “{_e(written)}”)</span>" if written and written != name else ""),
        _e(row.get("admin1") or ""),
        f"{_e(TYPE_LABELS.get(row.get('event_type'), row.get('event_type')))} · "
        f"{_e(SIDE_LABELS.get(row.get('gaining_side'), ''))} · {_e(date)}",
        f"claimed by <b>{_e(row.get('claimant'))}</b> ({_e(row.get('claimant_side'))}){via}{hedged}",
        f"source: {_e(row.get('source') or 'unattributed')} {safe_link(row.get('url'))}",
        f"status: <b>{_e(STATUS_LABELS.get(row.get('status'), row.get('status')))}</b>",
        f"<span style='color:#333'>“{_e(evidence)}”</span>",
    ]
    if n > 1:
        lines.append(f"<span style='color:#666'>{n} claims about this place in view; click it to list them all "
                     "below the map</span>")
    return "<div class='fc-popup' style='font:12px/1.4 sans-serif;max-width:300px'>" + "<br>".join(
        line for line in lines if line) + "</div>"
