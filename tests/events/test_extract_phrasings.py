"""Common phrasings beyond the samples (tests/data/phrasings.toml): who speaks, denials in the
next sentence, intentions that are not claims, and dates after publication."""

import datetime as dt
import tomllib

import pytest

from events import Article, PublishedDate, extract_claims
from events.articles import article_id
from events.records import DatePrecision
from tests.conftest import ROOT

CASES = tomllib.loads((ROOT / "tests" / "data" / "phrasings.toml").read_text(encoding="utf-8"))["case"]
PUBLISHED = PublishedDate(dt.date(2024, 7, 11))


def claims_of(text, gazetteer, rules, published=PUBLISHED):
    article = Article(id=article_id(text), path="phrasing", text=text, published=published)
    return extract_claims(article, gazetteer, rules).claims


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_phrasing_reads_as_an_analyst_would(gazetteer, rules, case):
    found = [[c.settlement, str(c.event_type), str(c.gaining_side), c.claimant.removesuffix(" (unattributed)"),
              str(c.claimant_side), *([True] if c.hedged else [])] for c in claims_of(case["text"], gazetteer, rules)]
    assert found == case["claims"]


def test_a_date_after_publication_leaves_the_event_date_unknown_and_says_why(gazetteer, rules):
    [claim] = claims_of("Russian troops captured Urozhaine on July 20, the Russian Defence Ministry said.", gazetteer, rules)
    assert claim.event_date is None and claim.date_precision is DatePrecision.UNKNOWN
    assert claim.date_basis == "“July 20” would be after the publication date (2024-07-11): left unknown"


def test_a_denial_in_the_next_sentence_disputes_the_event(gazetteer, rules):
    from events.status import group_events

    claims = claims_of("Russian troops captured Urozhaine, the Russian Defence Ministry said. "
                       "Ukraine's General Staff rejected the claim.", gazetteer, rules)
    [event] = group_events(claims)
    assert str(event.status) == "disputed" and "Ukrainian General Staff" in event.note
