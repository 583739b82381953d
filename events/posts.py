"""Posts embedded in an article: a social-media post copied into a web page ends with its
signature ("— Ministry of Defence (@mod_handle) May 20, 2022"). The post speaks for its author,
on its day, in its own paragraph and in the paragraph just before the signature (web copy often
splits the post's text from its signature line). A quotation or an interview answer may be signed
the same way on a line of its own below it ("— Viktor Trehubov, Khortytsia group spokesman, on
television, 14 May"): the line speaks for the block right above it, up to a heading, a question
or another signature.

A pure function of the sentence views and the rules; cases in tests/events/test_voices.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from events.anchors import compiled

from events.claimants import GENERIC_STATES, Attribution, named_claimants
from events.dates import find_dates, parse_date_text
from events.mentions import SentenceView
from events.records import DatePrecision, PublishedDate, Side
from events.rules import Rules

__all__ = ["SIGNED_TEXT", "Post", "find_posts", "find_signed"]


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


SIGNED_TEXT = compiled(r"\n\s*(?:[—–]|--?)\s*[A-ZА-ЯІЇЄ]")  # a text with a line that may sign what is above it
_SIGNATURE = compiled(r"\s*(?:[—–]|--?)\s*(?=[A-ZА-ЯІЇЄ])")
_QUESTION_LINE = compiled(r"\s*(?:Q|Question|Interviewer)\s*[:.—–-]", re.I)
# the signer's name first, after a title or given names at most ("— Col. Oleksandr Syrskyi, ...")
_NAME_FIRST = compiled(r"(?:(?:[A-Z][\w’'-]+|[A-Z]\.)\s+){0,3}")
_SIGNED_REACH = 8  # sentences above a signature it may speak for


def find_signed(views: list[SentenceView], published: PublishedDate | None, rules: Rules,
                side: Side = Side.NONE) -> dict[int, Post]:
    """The signed block each sentence belongs to, by sentence index: a line that opens with a dash
    and a known claimant signs the lines above it in its paragraph (else the paragraph before)."""
    signed: dict[int, Post] = {}
    for view in views:
        mark = _SIGNATURE.match(view.text)
        if mark is None or view.index == 0:  # (a sentence opens with a dash only at the start of a line)
            continue
        rest = view.text[mark.end():]
        named = [a for a in named_claimants(rest, rules, context_side=side, day=published.date if published else None)
                 if _NAME_FIRST.fullmatch(rest, 0, a.start) and a.claimant not in GENERIC_STATES]
        if not named:
            continue
        days = [d for d in find_dates(view.text, published, rules) if d.precision is DatePrecision.DAY]
        post = Post(named[0], days[0].date if days else None, days[0].text if days else "")
        paragraph = views[view.index - 1].sentence.paragraph
        for j in range(view.index - 1, max(-1, view.index - 1 - _SIGNED_REACH), -1):
            above = views[j]
            if above.sentence.paragraph != paragraph or above.heading or j in signed \
                    or _QUESTION_LINE.match(above.text) or _SIGNATURE.match(above.text):
                break
            signed[j] = post
    return signed
