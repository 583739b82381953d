"""Group claims into events and derive each event's status. Derived on demand, never stored.

An event is the claims about one settlement close in time (their date ranges within
``WINDOW_DAYS`` of each other), however many articles repeat them. Its status:

- ``corroborated``: sides on both sides of the line claim the same gain (Ukraine confirms a
  withdrawal that Russia claims as a capture);
- ``disputed``: a side denies it, or claims the opposite gain in the same window;
- ``superseded``: a later event at the same place reverses the gain;
- ``single-source``: only one side (or only journalists) says so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from events.records import Claim, Event, EventStatus, EventType, Side, period_end

__all__ = ["group_events", "WINDOW_DAYS", "date_range"]

WINDOW_DAYS = 10
_CHANGE = (EventType.CAPTURE, EventType.RECAPTURE, EventType.WITHDRAWAL, EventType.PARTIAL)
_PRIORITY = {EventType.CAPTURE: 0, EventType.RECAPTURE: 0, EventType.WITHDRAWAL: 1, EventType.PARTIAL: 2,
             EventType.CONTESTED: 3, EventType.DENIAL: 4}


def date_range(claim: Claim) -> tuple[dt.date, dt.date] | None:
    """The days a claim's date may mean: a month-precision date covers the month."""
    if claim.event_date is None:
        return None
    return claim.event_date, period_end(claim.event_date, claim.date_precision)


@dataclass
class _Cluster:
    claims: list[Claim]
    first: dt.date | None
    last: dt.date | None
    # gains claimed by its changes, counted as claims join (the event's gain is the most claimed)
    votes: dict[Side, int] = field(default_factory=dict)

    def add(self, claim: Claim) -> None:
        self.claims.append(claim)
        if claim.event_type in _CHANGE and claim.gaining_side is not Side.NONE:
            self.votes[claim.gaining_side] = self.votes.get(claim.gaining_side, 0) + 1

    def gain(self) -> Side:
        return max(self.votes, key=self.votes.__getitem__) if self.votes else Side.NONE


def _place_key(claim: Claim) -> str:
    return str(claim.geonameid) if claim.geonameid is not None else f"?{claim.settlement.lower()}"


def _clusters(claims: list[Claim]) -> list[_Cluster]:
    dated = sorted((c for c in claims if c.event_date is not None), key=lambda c: date_range(c) or (dt.date.min,) * 2)
    out: list[_Cluster] = []
    for claim in dated:
        start, end = date_range(claim)  # type: ignore[misc]
        current = out[-1] if out else None
        if current is not None and current.last is not None and (start - current.last).days <= WINDOW_DAYS and \
                not _reverses(current, claim):
            current.add(claim)
            current.last = max(current.last, end)
        else:
            out.append(_Cluster([], start, end))
            out[-1].add(claim)
    for c in claims:
        if c.event_date is None:
            out.append(_Cluster([], None, None))
            out[-1].add(c)
    return out


def _gain(claims: Iterable[Claim]) -> Side:
    votes: dict[Side, int] = defaultdict(int)
    for c in claims:
        if c.event_type in _CHANGE and c.gaining_side is not Side.NONE:
            votes[c.gaining_side] += 1
    return max(votes, key=lambda s: votes[s]) if votes else Side.NONE


def _reverses(cluster: _Cluster, claim: Claim) -> bool:
    """A journalist's background claim of the opposite gain starts a new event (Novoprokopivka taken
    in 2022, retaken in 2023); a side's contrary claim in the same days disputes the event."""
    if claim.event_type not in _CHANGE or claim.claimant_side is not Side.NONE:
        return False
    gain = cluster.gain()
    return gain is not Side.NONE and claim.gaining_side is gain.opponent()


def _status(claims: list[Claim], gain: Side) -> tuple[EventStatus, str]:
    change = [c for c in claims if c.event_type in _CHANGE]
    sides_for = {c.claimant_side for c in change if c.gaining_side is gain and c.claimant_side is not Side.NONE}
    deniers = {c.claimant_side for c in claims if c.event_type is EventType.DENIAL}
    contrary = [c for c in change if gain is not Side.NONE and c.gaining_side is gain.opponent()]
    if deniers or contrary:
        who = ", ".join(sorted({c.claimant for c in claims if c.event_type is EventType.DENIAL} |
                               {c.claimant for c in contrary}))
        return EventStatus.DISPUTED, f"disputed by {who}"
    if {Side.RU, Side.UA} <= sides_for:
        return EventStatus.CORROBORATED, "claimed by both sides"
    return EventStatus.SINGLE_SOURCE, ""


def group_events(claims: Iterable[Claim], sources: Mapping[str, str] | None = None) -> list[Event]:
    """Events of the given claims, oldest first per place. ``sources`` maps article ids to outlets."""
    by_place: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_place[_place_key(claim)].append(claim)
    events: list[Event] = []
    for place_claims in by_place.values():
        clusters = _clusters(place_claims)
        gains = [cl.gain() for cl in clusters]
        # the gains of the dated events after each one (is it reversed later?)
        later: list[set[Side]] = [set() for _ in clusters]
        seen: set[Side] = set()
        for i in range(len(clusters) - 1, -1, -1):
            later[i] = set(seen)
            if clusters[i].first is not None:
                seen.add(gains[i])
        for i, cluster in enumerate(clusters):
            cl = cluster.claims
            main = min(cl, key=lambda c: _PRIORITY[c.event_type])
            gain = gains[i]
            if main.event_type is EventType.CONTESTED:
                attackers = {c.gaining_side for c in cl if c.event_type is EventType.CONTESTED} - {Side.NONE}
                gain = attackers.pop() if len(attackers) == 1 else Side.NONE
            status, note = _status(cl, gain)
            if cluster.first is not None and gain is not Side.NONE and main.event_type in _CHANGE and \
                    gain.opponent() in later[i]:
                status, note = EventStatus.SUPERSEDED, "a later claim reverses it"
            ids = tuple(c.id for c in cl)
            events.append(Event(
                id=hashlib.sha256("|".join(sorted(ids)).encode()).hexdigest()[:12],
                geonameid=main.geonameid, place_name=main.place_name or main.settlement, event_type=main.event_type,
                gaining_side=gain, first_date=cluster.first, last_date=cluster.last, status=status, claim_ids=ids,
                sources=tuple(sorted({(sources or {}).get(c.article_id, "") or "unattributed" for c in cl})),
                claimant_sides=tuple(sorted({c.claimant_side for c in cl}, key=str)), note=note))
    return sorted(events, key=lambda e: (e.place_name, e.first_date or dt.date.max))
