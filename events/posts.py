"""Posts embedded in an article: a social-media post copied into a web page ends with its
signature ("— Ministry of Defence (@mod_handle) May 20, 2022"). The post speaks for its author,
on its day, in its own paragraph and in the paragraph just before the signature (web copy often
splits the post's text from its signature line). A quotation or an interview answer may be signed
the same way on a line of its own below it ("— Viktor Trehubov, Khortytsia group spokesman, on
television, 14 May"): the line speaks for the block right above it, up to a heading, a question
or another signature. In an interview laid out as questions and answers, the answers are the
words of the person the text says it interviews ("Suspilne spoke to Viktor Trehubov ..." above
"Q: ..." / "A: ..." lines, or questions and answers opened with dashes).

A pure function of the sentence views and the rules; cases in tests/events/test_voices.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from events.anchors import compiled

from events.claimants import GENERIC_STATES, Attribution, named_claimants
from events.dates import find_dates, parse_date_text
from events.mentions import SentenceView
from events.records import DatePrecision, PublishedDate, Side
from events.rules import Rules

__all__ = ["INTERVIEW_TEXT", "SIGNED_TEXT", "Post", "find_answers", "find_posts", "find_signed"]


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
_CREDIT_AFTER = compiled(r"(?:\s+[A-Z][\w’'-]+)*\s*(?:[,(–—-]|$)")  # after the name: its role, place or day, or nothing
_SIDE_FIRST = compiled(r"(Russian|Ukrainian)\b")
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
        of_side = _SIDE_FIRST.match(rest)  # "– Russian battalion commander, on Rossiya-24"
        of_side = (Side.RU if of_side.group(1).startswith("R") else Side.UA) if of_side else side
        named = [a for a in named_claimants(rest, rules, context_side=of_side, day=published.date if published else None)
                 if _NAME_FIRST.fullmatch(rest, 0, a.start) and a.claimant not in GENERIC_STATES
                 and _CREDIT_AFTER.match(rest, a.end)]  # (a credit, not a line of dialogue: "- DeepState shows ...")
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


# a text that says it holds an interview ("spoke to", "in an interview with") and asks a question
INTERVIEW_TEXT = compiled(r"(?i)\binterview|\btranscript\b|\b(?:at|during) (?:a|the|his|her) (?:news |press )?(?:briefing|conference)\b|\banswer(?:ing|ed) questions\b|\b(?:spoke|talked) (?:to|with)\b|\bsat down with\b|\bin conversation with\b"
                          r"|\bQ\s?&\s?A\b")
_ASKS = compiled(r"\s*(?:(?:Q|Question|Interviewer|Host)\s*[:.]|.*\?[\"”»]?\s*$)", re.I)
_MARKED_QUESTION = compiled(r"\s*(?:(?:Q|Question|Interviewer|Host)\s*[:.]|[—–-]\s*.*\?[\"”»]?\s*$)", re.I)
_INTRO_REACH = 3  # sentences before an unmarked first question that may say who is interviewed
_ANSWER_LABEL = compiled(r"A|Answer", re.I)
_LABEL = compiled(r"\s*([A-ZА-ЯІЇЄ][\w .’'-]{1,30}):\s")  # "TREHUBOV: ..." in a transcript


def find_answers(views: list[SentenceView], text: str, published: PublishedDate | None, rules: Rules,
                 side: Side = Side.NONE) -> dict[int, Post]:
    """The interviewee of each answer sentence of a question-and-answer layout, by sentence index:
    the first claimant (not an outlet) named where the text says who it interviews, before the
    first question; every sentence after that question that is no question itself is theirs,
    unless a transcript's label names another speaker ("HOST: ...")."""
    day = published.date if published else None

    def line_start(view: SentenceView) -> bool:
        return view.index == 0 or "\n" in text[views[view.index - 1].sentence.end:view.sentence.start]

    asks = [v.index for v in views if line_start(v) and _ASKS.match(v.text)]
    if not asks:
        return {}
    # (an explainer's subheads ask questions too: without a marked question, the interview is said
    # to be one just before the first question)
    marked = any(_MARKED_QUESTION.match(views[i].text) for i in asks)
    named: list[tuple[Attribution, SentenceView]] = []
    for view in views[0 if marked else max(0, asks[0] - _INTRO_REACH):asks[0]]:
        if INTERVIEW_TEXT.search(view.text):
            named += [(a, view) for a in named_claimants(view.text, rules, context_side=side, day=day)
                      if a.kind != "media" and a.claimant not in GENERIC_STATES]
    # (a person named rather than a title: "Transcript: Khortytsia spokesman ..." above "... given by Viktor Trehubov")
    interviewee, intro = next((n for n in named if "(" in n[0].claimant), named[0] if named else (None, None))
    if interviewee is None or intro is None:
        return {}
    days = [d for d in find_dates(intro.text, published, rules) if d.precision is DatePrecision.DAY]
    post = Post(replace(interviewee, verb="interview", start=0, end=0), days[0].date if days else None,
                days[0].text if days else "")
    answers: dict[int, Post] = {}
    speaking = False  # the interviewee holds the floor: from an answer's line until the next question
    for view in views[asks[0]:]:
        if line_start(view):
            label = _LABEL.match(view.text)
            if view.index in asks:
                speaking = False
            elif label is None or _ANSWER_LABEL.fullmatch(label.group(1)):
                speaking = True
            else:  # "TREHUBOV: ...", not "HOST: ..."
                named = named_claimants(label.group(1).title(), rules, context_side=side, day=day)
                speaking = bool(named) and named[0].claimant == interviewee.claimant
        if speaking and not view.heading:
            answers[view.index] = post
    return answers
