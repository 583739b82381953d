"""An analyst's pick among namesakes, applied where it fits (pure functions; the page is in views.py).

Picking the village an ambiguous name means holds for every claim of that name in the same
article (one name, one place per article); the app then offers it for the same name in other
articles about that oblast. Each pick is stored as a "move" review per claim, so it survives
re-extraction like any other review.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from geodata import normalize_name

__all__ = ["PickScope", "pick_scope", "name_key"]


@dataclass(frozen=True)
class PickScope:
    """The claims a pick applies to: ``same_article`` at once (the picked claim included),
    ``other_articles`` if the analyst accepts the offer."""

    same_article: pd.DataFrame
    other_articles: pd.DataFrame


def name_key(name: str) -> str:
    """A settlement as written, without case, accents or a possessive ("Andriyivka's")."""
    return normalize_name(name.removesuffix("'s").removesuffix("’s"))


def _candidates(value: object) -> set[int]:
    return {int(i) for i in str(value).split(";") if i.strip().isdigit()}


def _pending(claims: pd.DataFrame) -> pd.Series:
    """Claims still waiting for a place: ambiguous, not yet moved, not rejected."""
    return (claims["place_status"] == "ambiguous") & (claims["review"] != "move") & (claims.get("status") != "rejected")


def pick_scope(claims: pd.DataFrame, claim_id: str, geonameid: int, admin1: str) -> PickScope:
    """Which claims a pick of place ``geonameid`` (in oblast ``admin1``) for claim ``claim_id``
    applies to: the pending claims of the same name whose candidates include that place, in the
    same article, and in other articles whose resolved places lie in the same oblast."""
    picked = claims[claims["claim_id"] == claim_id]
    if picked.empty:
        empty = claims.iloc[0:0]
        return PickScope(empty, empty)
    row = picked.iloc[0]
    key = name_key(row["settlement"])
    same_name = claims[_pending(claims) & (claims["settlement"].map(name_key) == key)
                       & claims["place_candidates"].map(lambda c: geonameid in _candidates(c))]
    same_article = same_name[same_name["article_id"] == row["article_id"]]
    if picked.index[0] not in same_article.index:  # the picked claim itself, whatever its state
        same_article = pd.concat([picked, same_article])
    # an article is "about" an oblast when a place it names was resolved (or placed) there
    placed = claims[claims["place_status"].isin(["resolved", "reviewed"]) & (claims["admin1"] == admin1)]
    about = set(placed["article_id"])
    others = same_name[(same_name["article_id"] != row["article_id"]) & same_name["article_id"].isin(about)]
    return PickScope(same_article, others)
