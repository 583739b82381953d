"""Events and their status on the sample corpus, and on hand-made claims for each status."""

import dataclasses
import datetime as dt

from events import DatePrecision, EventStatus, EventType, Side, group_events


def events_at(events, geonameid):
    return sorted((e for e in events if e.geonameid == geonameid), key=lambda e: e.first_date)


def test_samples_group_into_the_events_an_analyst_sees(sample_claims, sample_articles):
    sources = {a.id: a.source for a in sample_articles.values()}
    events = group_events([c for claims in sample_claims.values() for c in claims], sources)
    andriivka, = events_at(events, 9114136)
    assert (andriivka.event_type, andriivka.gaining_side, andriivka.status) == ("recapture", "UA", "disputed")
    klishchiivka, = events_at(events, 13512497)
    assert klishchiivka.status == "disputed" and "Russian Ministry of Defence" in klishchiivka.note
    lukyantsi, = events_at(events, 806581)
    # three articles repeating one claim: one event, several sources
    assert len(lukyantsi.claim_ids) == 3 and set(lukyantsi.sources) == {"AFP", "dpa", "unattributed"}
    assert lukyantsi.status == "single-source"  # only Ukraine says so
    taken_2022, retaken_2023, taken_2024 = events_at(events, 695586)
    assert [e.gaining_side for e in (taken_2022, retaken_2023, taken_2024)] == ["RU", "UA", "RU"]
    assert [e.status for e in (taken_2022, retaken_2023, taken_2024)] == ["superseded", "superseded", "single-source"]
    assert taken_2024.first_date == dt.date(2024, 5, 15) and set(taken_2024.sources) == {"AFP", "dpa"}


def test_the_other_side_agreeing_corroborates(sample_claims):
    russian = next(c for c in sample_claims["002"] if c.claimant == "Russian Ministry of Defence")
    ukrainian = dataclasses.replace(russian, id="x1", event_type=EventType.WITHDRAWAL, claimant="Ukrainian General Staff",
                                    claimant_side=Side.UA)
    event, = group_events([russian, ukrainian])
    assert event.status is EventStatus.CORROBORATED


def test_the_opposite_claim_in_the_same_days_disputes(sample_claims):
    russian = next(c for c in sample_claims["002"] if c.claimant == "Russian Ministry of Defence")
    denial = dataclasses.replace(russian, id="x2", event_type=EventType.RECAPTURE, gaining_side=Side.UA,
                                 claimant="Ukrainian General Staff", claimant_side=Side.UA,
                                 event_date=russian.event_date + dt.timedelta(days=2))
    event, = group_events([russian, denial])
    assert event.status is EventStatus.DISPUTED


def test_claims_far_apart_in_time_are_separate_events(sample_claims):
    claim = next(c for c in sample_claims["002"] if c.claimant == "Russian Ministry of Defence")
    later = dataclasses.replace(claim, id="x3", event_date=claim.event_date + dt.timedelta(days=60))
    assert len(group_events([claim, later])) == 2


def test_undated_claims_stay_apart_and_never_crash(sample_claims):
    claim = sample_claims["003"][0]
    undated = dataclasses.replace(claim, id="x4", event_date=None, date_precision=DatePrecision.UNKNOWN)
    events = group_events([claim, undated])
    assert len(events) == 2 and any(e.first_date is None for e in events)


def _reference_events(claims):
    """The grouping written plainly (each event's gain recounted for every claim), as before it
    was made linear: the oracle the fast version must match."""
    import hashlib
    from collections import defaultdict

    from events.status import _CHANGE, _PRIORITY, WINDOW_DAYS, _status, date_range

    def gain_of(cl):
        votes = defaultdict(int)
        for c in cl:
            if c.event_type in _CHANGE and c.gaining_side is not Side.NONE:
                votes[c.gaining_side] += 1
        return max(votes, key=lambda s: votes[s]) if votes else Side.NONE

    by_place = defaultdict(list)
    for c in claims:
        by_place[str(c.geonameid) if c.geonameid is not None else "?" + c.settlement.lower()].append(c)
    out = []
    for place_claims in by_place.values():
        clusters = []  # [claims, first, last]
        for c in sorted((c for c in place_claims if c.event_date), key=date_range):
            start, end = date_range(c)
            cur = clusters[-1] if clusters else None
            g = gain_of(cur[0]) if cur else Side.NONE
            reverses = c.event_type in _CHANGE and g is not Side.NONE and c.gaining_side is g.opponent() and \
                c.claimant_side is Side.NONE
            if cur and (start - cur[2]).days <= WINDOW_DAYS and not reverses:
                cur[0].append(c)
                cur[2] = max(cur[2], end)
            else:
                clusters.append([[c], start, end])
        clusters += [[[c], None, None] for c in place_claims if c.event_date is None]
        gains = [gain_of(cl[0]) for cl in clusters]
        for i, (cl, first, _) in enumerate(clusters):
            main = min(cl, key=lambda c: _PRIORITY[c.event_type])
            gain = gains[i]
            if main.event_type is EventType.CONTESTED:
                attackers = {c.gaining_side for c in cl if c.event_type is EventType.CONTESTED} - {Side.NONE}
                gain = attackers.pop() if len(attackers) == 1 else Side.NONE
            status, note = _status(cl, gain)
            later = [gains[j] for j in range(i + 1, len(clusters)) if clusters[j][1] is not None]
            if first is not None and gain is not Side.NONE and main.event_type in _CHANGE and gain.opponent() in later:
                status, note = EventStatus.SUPERSEDED, "a later claim reverses it"
            ids = tuple(c.id for c in cl)
            out.append((hashlib.sha256("|".join(sorted(ids)).encode()).hexdigest()[:12], gain, status, note, ids))
    return sorted(out)


def test_grouping_is_the_plain_grouping_on_thousands_of_random_claims(sample_claims):
    import random

    rng = random.Random(3)
    template = sample_claims["002"][0]
    sides = [Side.RU, Side.UA, Side.NONE]
    claims = []
    for i in range(3000):
        kind = rng.choice(list(EventType))
        gain = rng.choice(sides)
        dated = rng.random() < 0.95
        claims.append(dataclasses.replace(
            template, id=f"r{i}", geonameid=rng.choice([*range(40), None]), settlement=rng.choice(["Avdiivka", "Krynky"]),
            event_type=kind, gaining_side=gain, denied_side=gain if kind is EventType.DENIAL else Side.NONE,
            claimant=rng.choice(["A", "B", "C"]), claimant_side=rng.choice(sides),
            event_date=dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(400)) if dated else None,
            date_precision=rng.choice([DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH]) if dated
            else DatePrecision.UNKNOWN))
    fast = sorted((e.id, e.gaining_side, e.status, e.note, e.claim_ids) for e in group_events(claims))
    assert fast == _reference_events(claims)
    assert len({status for _, _, status, _, _ in fast}) == 4  # every kind of status came up
