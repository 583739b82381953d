"""A transcript's fillers, asides and stutters are read as if they were not there ("our units left
the, er, the positions in X" as "our units left the positions in X"), while every claim still points at
the text as written: its place name where the name stands, its evidence the sentence as spoken."""

import datetime as dt

from events import Article, PublishedDate, extract_claims
from events.articles import article_id
from events.extract import geocode

TRANSCRIPT = ("HOST: With me is Petro Koval, a spokesman for Ukraine's Khortytsia group of forces. Is it true that your "
              "units have left Hostre?\n"
              "KOVAL: Yes, er, our units left the, the positions in Hostre on Sunday to avoid encirclement.\n"
              "HOST: Thank you.")


def _article(text: str) -> Article:
    return Article(id=article_id(text), path="transcript.txt", text=text, published=PublishedDate(dt.date(2025, 1, 27)))


def test_a_stutter_and_a_filler_do_not_hide_the_withdrawal(gazetteer, rules):
    claims = extract_claims(_article(TRANSCRIPT), gazetteer, rules).claims
    assert [(c.settlement, str(c.event_type), str(c.gaining_side)) for c in claims] == [("Hostre", "withdrawal", "RU")]


def test_the_claim_points_at_the_text_as_written(gazetteer, rules):
    claim = extract_claims(_article(TRANSCRIPT), gazetteer, rules).claims[0]
    assert TRANSCRIPT[claim.settlement_start:claim.settlement_end] == "Hostre"
    assert TRANSCRIPT.index("on Sunday") > claim.settlement_start > TRANSCRIPT.index("the, the")
    assert claim.evidence == "KOVAL: Yes, er, our units left the, the positions in Hostre on Sunday to avoid encirclement."


def test_places_found_by_the_caller_in_the_text_as_written_give_the_same_claims(gazetteer, rules):
    article = _article(TRANSCRIPT)
    assert extract_claims(article, gazetteer, rules, geocode(article, gazetteer)).claims == \
        extract_claims(article, gazetteer, rules).claims
