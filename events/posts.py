"""Posts embedded in an article: a social-media post copied into a web page ends with its
signature ("— Ministry of Defence (@mod_handle) May 20, 2022"). The post speaks for its author,
on its day, in its own paragraph and in the paragraph just before the signature (web copy often
splits the post's text from its signature line).

A pure function of the sentence views and the rules; cases in tests/events/test_voices.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from events.claimants import Attribution, named_claimants
from events.dates import parse_date_text
from events.mentions import SentenceView
from events.records import Side
from events.rules import Rules

__all__ = ["Post", "find_posts"]


@dataclass(frozen=True, slots=True)
class Post:
    """Who posted an embedded post, and when."""

    author: Attribution
    day: dt.date | None
    signature: str  # as written: "May 20, 2022"


def find_posts(views: list[SentenceView], rules: Rules, day: dt.date | None = None) -> dict[int, Post]:
    """The embedded post each sentence belongs to, by sentence index."""
    posts: dict[int, Post] = {}
    for view in views:
        m = rules.post_signature.search(view.text)
        if m is None:
            continue
        name = " ".join(m.group("author").split())
        known = named_claimants(name, rules, day=day)
        author = (known[0] if known else Attribution(name, Side.NONE, "media", 0, 0, "posted"))
        post = Post(author, parse_date_text(m.group("date")), m.group("date"))
        paragraph = view.sentence.paragraph
        before = [v.sentence.paragraph for v in views if v.sentence.paragraph < paragraph]
        covered = {paragraph, max(before)} if before else {paragraph}
        for other in views:
            if other.index <= view.index and other.sentence.paragraph in covered:
                posts.setdefault(other.index, post)
    return posts
