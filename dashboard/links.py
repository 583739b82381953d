"""What a link asked for that the page cannot show. Streamlit drops a URL value that no widget
option matches without a word; the page names it instead ("claimant 'Nobody' is not in the
data"), and says when it read reversed dates in order. Pure: nothing here imports Streamlit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

__all__ = ["LinkSpec", "link_notes", "STREAMLIT_PARAMS"]

#: Query parameters Streamlit itself reads (embedding options): never ours to judge.
STREAMLIT_PARAMS = frozenset({"embed", "embed_options"})
_MAX_SHOWN = 60  # characters of a value quoted back


@dataclass(frozen=True, slots=True)
class LinkSpec:
    """The settings a link may hold, by query parameter."""

    choices: Mapping[str, Collection[str]] = field(default_factory=dict)  # labels a value must be one of
    single: frozenset[str] = frozenset()  # of the choices, those that take one value
    flags: frozenset[str] = frozenset()  # true / false
    dates: Mapping[str, int] = field(default_factory=dict)  # how many dates (a range: 2)
    text: frozenset[str] = frozenset()  # any text
    names: Mapping[str, str] = field(default_factory=dict)  # a parameter in words ("gside": "gaining side")
    first_day: dt.date | None = None  # the dates a date may lie between
    last_day: dt.date | None = None


def _quote(value: str) -> str:
    return repr(value if len(value) <= _MAX_SHOWN else value[:_MAX_SHOWN] + "…")


def _date(value: str) -> dt.date | None:
    """A date as a link writes it: ISO (2024-05-01) or Streamlit's microseconds since 1970."""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return (dt.datetime(1970, 1, 1) + dt.timedelta(microseconds=int(float(value)))).date()
    except (ValueError, OverflowError):
        return None


def link_notes(params: Mapping[str, list[str]], spec: LinkSpec) -> list[str]:
    """One line per thing the link asked for and the page ignores, or reads otherwise."""
    notes: list[str] = []
    for key, values in params.items():
        if key in STREAMLIT_PARAMS or key in spec.text:
            continue
        if key in spec.choices:
            allowed = set(spec.choices[key])
            if key in spec.single and len(values) > 1:
                notes.append(f"{key}: only one value, not {len(values)}")
            notes += [f"{key} {_quote(v)}: no such {spec.names.get(key, key)} here" for v in values
                      if v and v not in allowed]
        elif key in spec.flags:
            notes += [f"{key} {_quote(v)}: write true or false" for v in values if v.lower() not in ("true", "false")]
        elif key in spec.dates:
            notes += _date_notes(key, values, spec)
        else:
            notes.append(f"{_quote(key)}: not a setting of this page")
    return notes


def _date_notes(key: str, values: list[str], spec: LinkSpec) -> list[str]:
    wanted = spec.dates[key]
    days = [_date(v) for v in values]
    shown = ", ".join(_quote(v) for v in values)
    if len(values) != wanted:
        return [f"{key} {shown}: {'a date' if wanted == 1 else f'{wanted} dates'} needed"]
    if any(d is None for d in days):
        return [f"{key} {shown}: not a date (write YYYY-MM-DD)"]
    low, high = spec.first_day, spec.last_day
    if low and high and any(not low <= d <= high for d in days if d is not None):
        return [f"{key} {shown}: outside the claims' dates, {low} to {high}"]
    if wanted == 2 and days[0] > days[1]:  # type: ignore[operator]
        return [f"{key} {shown}: reversed, read as {days[1]} to {days[0]}"]
    return []
