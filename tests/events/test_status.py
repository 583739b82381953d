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
