"""An analyst's pick among namesakes: which claims it applies to (dashboard/picks.py)."""

import pandas as pd

from dashboard.picks import pick_scope


def claims(rows):
    columns = ["claim_id", "article_id", "settlement", "place_status", "place_candidates", "admin1", "review", "status"]
    return pd.DataFrame([dict(zip(columns, r)) for r in rows])


TABLE = claims([
    # article a: two claims on the same ambiguous Andriivka, one spelt differently, one on Pokrovsk
    ("a1", "a", "Andriivka", "ambiguous", "1;2;3", "", "", "single-source"),
    ("a2", "a", "Andriivka's", "ambiguous", "1;2;3", "", "", "single-source"),
    ("a3", "a", "Pokrovsk", "resolved", "9", "Donetsk Oblast", "", "single-source"),
    # article b, about Donetsk Oblast too: the same name waits for a place
    ("b1", "b", "ANDRIIVKA", "ambiguous", "1;2;3", "", "", "single-source"),
    ("b2", "b", "Bakhmut", "resolved", "8", "Donetsk Oblast", "", "single-source"),
    # article c is about Sumy Oblast: its Andriivka is someone else's to place
    ("c1", "c", "Andriivka", "ambiguous", "1;2;4", "", "", "single-source"),
    ("c2", "c", "Sumy", "resolved", "7", "Sumy Oblast", "", "single-source"),
    # article d: the name, but already placed by an analyst, and a rejected one
    ("d1", "d", "Andriivka", "reviewed", "1;2;3", "Donetsk Oblast", "move", "single-source"),
    ("d2", "d", "Andriivka", "ambiguous", "1;2;3", "", "", "rejected"),
])


def test_a_pick_applies_to_every_claim_of_the_name_in_its_article():
    scope = pick_scope(TABLE, "a1", 2, "Donetsk Oblast")
    assert sorted(scope.same_article["claim_id"]) == ["a1", "a2"]


def test_a_pick_is_offered_for_the_name_in_other_articles_of_the_oblast_only():
    scope = pick_scope(TABLE, "a1", 2, "Donetsk Oblast")
    # not c (about Sumy Oblast), not d (placed already, or rejected)
    assert list(scope.other_articles["claim_id"]) == ["b1"]


def test_a_place_that_is_not_among_a_claims_candidates_is_not_offered_for_it():
    scope = pick_scope(TABLE, "c1", 4, "Sumy Oblast")
    assert list(scope.same_article["claim_id"]) == ["c1"]
    assert scope.other_articles.empty  # 4 is no candidate of the Andriivkas of a and b
