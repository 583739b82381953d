"""Posts embedded in an article: a social-media post copied into a web page ends with its
signature ("— Ministry of Defence (@mod_handle) May 20, 2022"). The post speaks for its author,
on its day, in its own paragraph and in the paragraph just before the signature (web copy often
splits the post's text from its signature line). A quotation or an interview answer may be signed
the same way on a line of its own below it ("— Viktor Trehubov, Khortytsia group spokesman, on
television, 14 May"): the line speaks for the block right above it, up to a heading, a question
or another signature. In an interview laid out as questions and answers, the answers are the
words of the person the text says it interviews ("Suspilne spoke to Viktor Trehubov ..." above
"Q: ..." / "A: ..." lines, questions and answers opened with dashes, or plain question lines each
with its answer on the next line). A post pasted under a bracketed note that names who posted it
("[Telegram post, Russian military blogger channel, 24 Aug 2024]") is that poster's, up to the
next such note. A broadcast transcript laid out in speakers' turns ("ANCHOR: ...", "DZYUBA: ...") gives
each guest's turn to the one the text introduced by that surname or role (find_turns).

A pure function of the sentence views and the rules; cases in tests/events/test_voices.py.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from events.anchors import compiled
from events.claimants import GENERIC_STATES, SOLDIER_RULE, Attribution, named_claimants, quote_balance, unquoted
from events.dates import find_dates, parse_date_text
from events.mentions import SPOKEN_LABEL, SentenceView
from events.persons import People
from events.records import DatePrecision, PublishedDate, Side
from events.rules import Rules

__all__ = ["ACCOUNT_CUE", "SIGNED_TEXT", "Post", "find_account", "find_answers", "find_bracketed", "find_headed", "find_posts", "find_signed", "find_turns"]


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


# a post pasted with its header: the channel or person on the first line ("Rybar", "Denis Pushilin |
# Telegram", "Третя штурмова бригада / Third Assault Brigade"), its day and time on the next
_HEADER_NAME = compiled(r"[^.!?:;]{2,90}")
_TOPIC_AFTER_BAR = compiled(r"[^|.!?:;]{2,60}\s\|\s[^|]{1,90}")
_EMOJI = "\U0001F1E6-\U0001F1FF\U0001F300-\U0001FAFF\u2600-\u27BF"
# (after a calendar's or a clock's emoji, its time after a bar or a dot: "🗓 11.06.2023 | 21:30", "20.05.2023 · 16:47")
_HEADER_DAY = compiled(rf"\s*(?:[{_EMOJI}\uFE0F]+\s*)?(?:\d{{1,2}}[./]\d{{1,2}}[./](?:19|20)?\d\d|\d{{1,2}}\s+[A-Z][a-z]+\s+(?:19|20)\d\d|"
                       rf"[A-Z][a-z]+\s+\d{{1,2}},?\s+(?:19|20)\d\d)(?:\s*[,|·•]?\s+(?:[{_EMOJI}\uFE0F]+\s*)?(?:at\s+)?\d{{1,2}}:\d\d)?"
                       rf"(?:\s*\([^()]{{1,40}}\))?\s*|\s*[{_EMOJI}\uFE0F]+\s*\d{{1,2}}:\d\d\s*")  # ("(Telegram, translated)"; "🕘 09:12")
# (or both on one line, the platform in brackets after the name: "Serhiy Haidai, head of the Luhansk
# administration (Telegram), 8 May 2022" or "... (Facebook), 4 April, 09:12", its year then the article's)
_NAME_AND_DAY = compiled(r"(?P<name>[^.!?:;()]{2,90}?\s\((?:Telegram|Facebook|X|Twitter|VK|VKontakte|Instagram|YouTube|Viber)\))\s*,"
                         r"(?P<day>" + _HEADER_DAY.pattern + r"|\s*\d{1,2}\s+[A-Z][a-z]+(?:,?\s+\d{1,2}:\d\d)?\s*)")
# (its own-language form first: "Третя штурмова бригада / Third Assault Brigade"; given names and titles)
# (after an emoji or two: "⚡️ Ministry of Defence of Ukraine | update")
_NAME_BEFORE = compiled(rf"(?:[{_EMOJI}\uFE0F\u200D]+\s*)?(?:[^|/]{{1,60}}\s[|/]\s)?(?:[A-ZА-ЯІЇЄ][\w’'.-]+\s){{0,3}}")
# (or the language or country of its edition: "Rybar in English", "DeepState UA")
_NAME_AFTER = compiled(rf"\s*(?:$|[|/(—–:]|\s[-]\s|[{_EMOJI}]|(?:in\s+)?(?:English|EN|UA)\b)")
_HEADLINE_VERB = compiled(r"\b(?:says|said|claims|claimed|visits|hails|vows|warns|denies|confirms|reports|takes|took|captures|"
                          r"retakes|enters|pulls|withdraws|liberates|falls|fell|holds|meets|calls|urges|orders|signs|admits|"
                          r"insists|launches|loses|seizes|repels|is|are|was|were|has|have|will|to)\b|['’]s\b|:")
_OWN_VOICE = compiled(r"\b(?:[Ww]e|[Oo]urs?(?! (?:correspondent|reporter|editor|newsroom|sources?)\b)|us|[Tt]he enemy)\b")
# where the post ends: a rule line, an editor's note, or another post's header
_POST_ENDS = compiled(r"\s*(?:-{3,}|—{2,}|_{3,}|\*{3,}|Editor['’]s note|Note:|Context:|Background:)", re.I)


def find_headed(views: list[SentenceView], rules: Rules, published: PublishedDate | None,
                side: Side = Side.NONE) -> dict[int, Post]:
    """The sentences of a post pasted with its header (its author's name on the first line and its
    day and time on the second, its author and topic on one line: "WarGonzo | Tonenke", or its author's
    name alone over words in its own voice) up to a rule line or an editor's note: the author's words."""
    same_line = _NAME_AND_DAY.fullmatch(views[0].text) if views else None
    if len(views) < 2 or not (same_line or _HEADER_NAME.fullmatch(views[0].text) or _TOPIC_AFTER_BAR.fullmatch(views[0].text)):
        return {}  # (a name and a topic may hold a colon: "Минобороны России | Russian MoD: results of the week")
    # (or a channel's name and the post's topic, undated: "WarGonzo | Tonenke" over "Our units ...")
    dated = same_line is not None or len(views) > 2 and _HEADER_DAY.fullmatch(views[1].text) is not None
    # (undated, the name alone on its line over a body in its own voice: "Two Majors" over "Our assault
    # groups have entered X", below)
    first = 1 if same_line else 2 if dated else 1
    day = published.date if published else None
    line = same_line.group("name") if same_line else views[0].text
    day_line = same_line.group("day") if same_line else views[1].text
    named = [a for a in named_claimants(line, rules, context_side=side, day=day) if a.claimant not in GENERIC_STATES]
    # the line is a name, not a headline that names someone ("Zelensky visits troops near Pokrovsk"): the
    # name alone (after its own-language form and given names, before a role or an emoji), or a longer
    # name ("Ministry of Defence of the Russian Federation") over a body in its own voice ("our", "the enemy")
    alone = [a for a in named if _NAME_BEFORE.fullmatch(line, 0, a.start) and _NAME_AFTER.match(line, a.end)]
    body = views[first:first + 6]
    # ("our", "the enemy", or the enemy in one side's words: "the VSU remnants", "the orcs")
    # (outside quotation marks: not "the enemy" of a soldier the outlet quotes)
    own_voice = any(_OWN_VOICE.search(own) or any(p.search(own) for p, _ in rules.voice_words)
                    for own in (unquoted(v.text) for v in body))
    if not alone and (not named or _HEADLINE_VERB.search(line) or not own_voice) or not dated and not (alone and own_voice):
        return {}
    named = alone or named
    # a person's name over a story about them ("Zelensky" above "Zelensky did not comment") is a tag line:
    # a person's post speaks in its own voice and does not name its author
    surname = named[0].claimant.split(" (")[0].split()[-1]
    # (a sign-off naming the author below the post is no story about them: "Semyon Pegov, WarGonzo")
    if "(" in named[0].claimant and (not own_voice or any(surname in v.text and len(v.text.split()) > 5 for v in body)):
        return {}
    days = [d for d in find_dates(day_line, published, rules) if d.precision is DatePrecision.DAY] if dated else []
    post = Post(replace(named[0], verb="posted", start=0, end=0), days[0].date if days else None,
                day_line.strip() if dated else "")
    out: dict[int, Post] = {}
    forwarded: Post | None = None  # a post the channel forwards ("Forwarded from X:"), while its quotation is open
    depth = 0
    for view in views[first:]:
        if _POST_ENDS.match(view.text):
            break
        if (forward := _FORWARDED.fullmatch(view.text)) is not None:
            by = [a for a in named_claimants(forward.group("name"), rules, context_side=side, day=day) if a.claimant not in GENERIC_STATES]
            forwarded, depth = (replace(post, author=replace(by[0], verb="posted", start=0, end=0)) if by else None), 0
        elif forwarded is not None:
            out[view.index] = forwarded
            depth += quote_balance(view.text)
            if depth <= 0:
                forwarded = None
            continue
        out[view.index] = post
    return out


# a channel's line over a post it forwards: "Forwarded from X:", "Repost from X:", "Переслано от: X"
_FORWARDED = compiled(r"\s*(?:Forwarded\s+from|Repost(?:ed)?\s+from|Reposting\s+from|Переслано\s+(?:от|з)|Пересланное\s+сообщение\s+от"
                      r"|Репост\s+(?:от|з))\s*:?\s*(?P<name>[^\n:]{2,80}?)\s*:?\s*")


# a pasted post's note in square brackets above it: "[Telegram post, Russian military blogger channel, 24 Aug
# 2024, 21:40]", "[DeepState, Telegram, translated]" (who posted it; not "[Updated at 14:00]" or "[Photo: ...]")
_BRACKET_NOTE = compiled(r"\s*\[(?=[^\]]*\b(?:Telegram|post|channel|X|Twitter|VK|VKontakte|Facebook|press service|[Vv]ideo|[Ff]ootage)\b)[^\]\n]{4,200}\]\s*")
_NOTE_SIDE = compiled(r"\b(?:(?P<ru>(?:[Pp]ro-)?Russian|[Pp]ro-Kremlin)|(?P<ua>Ukrainian))\s+(?:[\w-]+\s+){0,3}?"
                      r"(?P<who>blogger|milblogger|war correspondent|correspondent|channel|unit|brigade|battalion|regiment|"
                      r"soldier|serviceman|commander|officer)s?\b")


def find_bracketed(views: list[SentenceView], rules: Rules, published: PublishedDate | None,
                   side: Side = Side.NONE) -> dict[int, Post]:
    """The sentences of each post below a bracketed note naming who posted it ("[Telegram post, Russian
    military blogger channel, 24 Aug 2024]"), up to the next such note, a rule line or an editor's
    note: the poster's words."""
    day = published.date if published else None
    out: dict[int, Post] = {}
    post: Post | None = None
    for view in views:
        if _BRACKET_LINE.fullmatch(view.text):
            post = _note_post(view.text, rules, published, side, day) if _BRACKET_NOTE.fullmatch(view.text) else None
            continue  # (a second note opens another post)
        if post is not None and _POST_ENDS.match(view.text):
            post = None
        if post is not None:
            out[view.index] = post
    return out


def _note_post(line: str, rules: Rules, published: PublishedDate | None, side: Side, day: dt.date | None) -> Post | None:
    """Who a bracketed note says posted what follows, and when; None when it names no one of a side."""
    named = [a for a in named_claimants(line, rules, context_side=side, day=day) if a.claimant not in GENERIC_STATES]
    if named and named[0].side is not Side.NONE:
        author = named[0]
    elif (kind := _NOTE_SIDE.search(line)) is not None:
        russian = kind.group("ru") is not None
        media = kind.group("who") in ("blogger", "milblogger", "war correspondent", "correspondent", "channel")
        author = Attribution(("Russian" if russian else "Ukrainian") + (" media" if media else " military"),
                             Side.RU if russian else Side.UA, "media" if media else "military", 0, 0, "posted")
    else:
        return None
    days = [d for d in find_dates(line, published, rules) if d.precision is DatePrecision.DAY]
    return Post(replace(author, verb="posted", start=0, end=0), days[0].date if days else None, "")


_BRACKET_LINE = compiled(r"\s*\[[^\]\n]{4,200}\]\s*")
_SIGN = r"\s*(?:[—–]|--?)\s*(?=[A-ZА-ЯІЇЄ])"  # a dash opening a line, a capital after it
SIGNED_TEXT = compiled(r"\n" + _SIGN)  # a text with a line that may sign what is above it
_SIGNATURE = compiled(_SIGN)
_QUESTION_LINE = compiled(r"\s*(?:Q|Question|Interviewer)\s*[:.—–-]", re.I)
# the signer's name first, after a title or given names at most ("— Col. Oleksandr Syrskyi, ...")
_NAME_FIRST = compiled(r"(?:(?:[A-Z][\w’'-]+|[A-Z][a-z]{0,4}\.)\s+){0,3}")
_CREDIT_AFTER = compiled(r"(?:\s+[A-Z][\w’'-]+)*\s*(?:[,(–—-]|$)")  # after the name: its role, place or day, or nothing
_SIDE_FIRST = compiled(r"(Russian|Ukrainian)\b")
_QUOTE_CLOSE_END = compiled(r"[”»\"]\s*$")
_QUOTE_OPEN_START = compiled(r"\s*[“«\"]")
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
        quoted = bool(_QUOTE_CLOSE_END.search(views[view.index - 1].text))
        if not named or rules.reporting_verbs.search(rest, named[0].end) and not quoted:
            continue  # (a news line opened with a dash: "— Zelensky, speaking in Kharkiv, said ...", not under a quotation)
        days = [d for d in find_dates(view.text, published, rules) if d.precision is DatePrecision.DAY]
        post = Post(named[0], days[0].date if days else None, days[0].text if days else "")
        paragraph = views[view.index - 1].sentence.paragraph
        for j in range(view.index - 1, max(-1, view.index - 1 - _SIGNED_REACH), -1):
            above = views[j]
            if above.sentence.paragraph != paragraph or above.heading or j in signed \
                    or _QUESTION_LINE.match(above.text) or _SIGNATURE.match(above.text):
                break
            signed[j] = post
            if quoted and _QUOTE_OPEN_START.match(above.text):
                break  # (under a quotation, only the quotation: not the outlet's lines above it)
    return signed


_ASKS = compiled(r"\s*(?:(?:Q|Question|Interviewer|Host)\s*[:.]|.*\?[\"”»]?\s*$)", re.I)
# (or with its answer after a second dash on the same line: "- How is it there? - Hard. ...")
_MARKED_QUESTION = compiled(r"\s*(?:(?:Q|Question|Interviewer|Host)\s*[:.]|[—–-]\s*.*\?[\"”»]?\s*$|[—–-]\s*[^?\n]*\?[\"”»]?\s+[—–-]\s)", re.I)  # (the last as _ANSWER_INLINE)
_CALL_SIGN = compiled(r"\bcall[- ]sign\s+[“\"«']?([\w’'-]+)")
_ANSWER_INLINE = compiled(r"\s*[—–-]\s*[^?\n]*\?[\"”»]?\s+[—–-]\s")
_DASH_LINE = compiled(r"\s*[—–-]\s")
_ANSWER_LABEL = compiled(r"A|Answer", re.I)
# (a plain layout's introduction, not a report of what someone said in an interview elsewhere: "X said in
# an interview with CNN that ..." above an explainer's questions)
_REPORTED_INTERVIEW = compiled(r"\b(?:said|says|told|tells|added|stated|argued|insisted)\b[^.;]*\bthat\b")
_PRONOUN_FIRST = compiled(r"\s*(?:He|She)\b")
_ENDS_ASKING = compiled(r".*\?[\"”»]?\s*$", re.S)
_PRESS = compiled(r"\s+(?:the |a |an )?(?:[\w-]+ ){0,2}?(?:journalists?|reporters?|correspondents?|media|outlets?|press|newspapers?|television|TV|channels?)\b")
_LABEL = compiled(r"\s*([A-ZА-ЯІЇЄ][\w .’'-]{1,30}):\s")  # "TREHUBOV: ..." in a transcript


_SIDE_WORD = compiled(r"\b(Ukrainian|Ukraine['’]s|Russian|Russia['’]s)\b")


def _interviewee(view: SentenceView, rules: Rules, side: Side, day: dt.date | None) -> Attribution | None:
    """Whom the sentence says is interviewed: the claimant named after "spoke to", "interview with",
    "interviewed"; else the one before "in an interview", "at a briefing" ("X told Suspilne in an
    interview"); a person named rather than a title."""
    cue = rules.interview_cue.search(view.text)
    if cue is None:
        return None
    if side is Side.NONE:  # "Izvestia spoke to a battalion commander": the outlet's side
        side = next((a.side for a in named_claimants(view.text, rules, day=day) if a.kind == "media"), Side.NONE)
    if side is Side.NONE:  # "Andriy, a Ukrainian drone unit commander, spoke to us": the one side the sentence names
        named_sides = {Side.UA if m.group(1).startswith("Ukrain") else Side.RU for m in _SIDE_WORD.finditer(view.text)}
        side = named_sides.pop() if len(named_sides) == 1 else Side.NONE
    every = named_claimants(view.text, rules, context_side=side, day=day)
    named = [a for a in every if a.kind != "media" and a.claimant not in GENERIC_STATES]
    after = [a for a in named if a.start >= cue.start()]
    spoken_to = next((a for a in every if a.start >= cue.start()), None)
    if spoken_to is not None and spoken_to.kind == "media" or _PRESS.match(view.text, cue.end()):
        after = []  # (the one spoken to is the press: "spoke to Ukrainian journalists, in the presence of officials")
    # (after "spoke to" only the one spoken to, unless that is an outlet: "X spoke to the Kyiv Independent")
    before = [] if after and rules.interviewee_follows.match(view.text, cue.start()) else [a for a in reversed(named) if a.end <= cue.start()]
    candidates = after + before
    # (a sided one before a title with no side: "a company commander of the 41st Brigade" is the brigade's)
    sided = next((a for a in candidates if a.side is not Side.NONE), candidates[0] if candidates else None)
    return next((a for a in candidates if "(" in a.claimant), sided)


def _lines(views: list[SentenceView], line_start: Callable[[SentenceView], bool]) -> list[list[int]]:
    """The sentence indexes of each line of the text, in order."""
    lines: list[list[int]] = []
    for view in views:
        if line_start(view) or not lines:
            lines.append([view.index])
        else:
            lines[-1].append(view.index)
    return lines


def _dashed_questions(views: list[SentenceView], line_start: Callable[[SentenceView], bool]) -> list[list[int]]:
    """The lines opened with a dash whose last sentence (not their first) asks, by sentence indexes."""
    return [line for line in _lines(views, line_start) if len(line) > 1 and _DASH_LINE.match(views[line[0]].text)
            and not _MARKED_QUESTION.match(views[line[0]].text) and _ENDS_ASKING.match(views[line[-1]].text)]


def _plain_questions(views: list[SentenceView], line_start: Callable[[SentenceView], bool]) -> list[list[int]]:
    """The lines of an interview printed with no marks, by sentence indexes: a line ending in a
    question and followed at once by its answer, on the next line of the same paragraph ("How did
    you leave?" / "At night, on foot."); at least two such lines, or none is read as a question."""
    lines = _lines(views, line_start)
    asked = [line for line, after in zip(lines, lines[1:])
             if _ENDS_ASKING.match(views[line[-1]].text) and not _ENDS_ASKING.match(views[after[-1]].text)
             and views[after[0]].sentence.paragraph == views[line[-1]].sentence.paragraph]
    return asked if len(asked) >= 2 else []


# a broadcast transcript's turn label at a line's start: "HOLLIS:", "SPOKESMAN (through interpreter):", "COL. BONDAR:"
# (in two languages, "ВЕДУЧА / PRESENTER:"; with a note in brackets, "CORRESPONDENT [on location]:")
_LABEL_WORDS = r"[A-ZА-ЯІЇЄ][A-ZА-ЯІЇЄ’'.-]*(?:[ -][A-ZА-ЯІЇЄ][A-ZА-ЯІЇЄ’'.-]*){0,3}"
_TURN_LABEL = compiled(rf"\s*(?P<label>{_LABEL_WORDS}(?:\s/\s{_LABEL_WORDS})?)(?:\s*\([^()\n]{{1,40}}\)|\s*\[[^\[\]\n]{{1,60}}\])?:\s")
# the outlet's own people as the text introduces them: "our correspondent Mark Hollis", "our reporter Tom"
_OWN_PEOPLE = compiled(r"\b[Oo]ur\s+(?:[\w-]+\s+){0,2}?(?:correspondent|reporter|editor|producer|host|presenter|anchor|colleague)s?"
                       r"(?:\s+[A-ZА-ЯІЇЄ][\w’'.-]+){0,2}\s+$")
# a role's body after it: "the spokesman| for |Ukraine's border guard", "a member| of the |Civic Chamber"
_ROLE_OF = compiled(r"\s+(?:for|of|from|with|at|in)\s+(?:the\s+)?")
# the given names or initials between a person's role and surname: "the Ukrainian MP| Oksana |Dzyuba"
_GIVEN_NAMES_BETWEEN = compiled(r"\s+(?:[A-ZА-ЯІЇЄ][\w’'.-]+\s+){0,2}|,?\s+(?:(?:with\s+|by\s+)?(?:the\s+)?call[- ]?sign|nicknamed|known\s+as)\s+")
# (or a call sign after the role: "a drone operator from the 110th Brigade, call sign| Kruk")


def _turns(views: list[SentenceView], text: str) -> list[tuple[int, str]]:
    """The turn labels of a transcript, by the index of the sentence each opens."""
    return [(view.index, label.group("label")) for view in views
            if (view.index == 0 or "\n" in text[views[view.index - 1].sentence.end:view.sentence.start])
            and (label := _TURN_LABEL.match(view.text)) is not None]


def broadcaster(views: list[SentenceView], text: str, rules: Rules, day: dt.date | None = None,
                turns: list[tuple[int, str]] | None = None) -> Attribution | None:
    """One side's broadcaster named on the first line of a transcript laid out in turns ("Zvezda TV — News
    of the Day, 27 August" over "ANCHOR: ..." and "OFFICER: ..."), if it names one (``turns``: the
    transcript's turns, when they were found already)."""
    if not views or ":" not in text:
        return None
    turns = _turns(views, text) if turns is None else turns
    if len({label for _, label in turns}) < 2 or turns[0][0] == 0:
        return None
    return next((a for a in named_claimants(views[0].text, rules, day=day) if a.kind == "media" and a.side is not Side.NONE), None)


def find_turns(views: list[SentenceView], text: str, rules: Rules, side: Side = Side.NONE,
               day: dt.date | None = None) -> dict[int, Post]:
    """The guest who speaks each sentence of a broadcast transcript laid out in turns ("ANCHOR: ...",
    "DZYUBA: ...", "SPOKESMAN (through interpreter): ..."), by sentence index: a turn runs from its label
    to the next label, and is the words of the one the label names, as a known claimant ("PESKOV:") or as
    the text introduced them before ("With me is the Ukrainian MP Oksana Dzyuba" ... "DZYUBA:"; "On the
    line is the spokesman for Ukraine's eastern group of forces" ... "SPOKESMAN:"). The outlet's own
    people's turns ("HOST:", "our correspondent Mark Hollis" ... "HOLLIS:") are its own prose, as are
    those of anyone the text never introduced. Only a text with two labels or more is a transcript."""
    turns = _turns(views, text)
    if len({label for _, label in turns}) < 2:
        return {}
    # (its anchor's and correspondent's turns are the broadcaster's words, and a soldier it puts on air with no
    # name is of its side)
    aired_by = broadcaster(views, text, rules, day, turns)
    ends = [index for index, _ in turns[1:]] + [len(views)]
    found: dict[int, Post] = {}
    for (start, label), end in zip(turns, ends):
        speaker = _turn_speaker(label, views[:start], rules, side, day)
        if speaker is None and aired_by is not None:
            speaker = _aired_speaker(label, aired_by, rules)
        if speaker is not None:
            post = Post(replace(speaker, verb="aired" if speaker.verb == "aired" else "turn", start=0, end=0), None, "")
            found.update((i, post) for i in range(start, end) if not views[i].heading)
    return found


# the broadcaster's own people ("ANCHOR", "PRESENTER", "ВЕДУЧА / PRESENTER", "CORRESPONDENT")
_OWN_ROLE = compiled(r"(?:[^/]+/\s*)?(?:NEWS\s*)?(?:ANCHOR|HOST|CO-HOST|PRESENTER|CORRESPONDENT|REPORTER|NEWSREADER)")


def _aired_speaker(label: str, aired_by: Attribution, rules: Rules) -> Attribution | None:
    """Who speaks a turn the text introduced nobody for, on one side's broadcaster: its own people
    ("ANCHOR:", "CORRESPONDENT:") speak its words; a fighter known by trade, rank or call sign ("OFFICER
    (call sign ...):", "UNIDENTIFIED SOLDIER:") is of its side."""
    if _OWN_ROLE.fullmatch(label):
        return replace(aired_by, verb="aired")  # (one the anchor reports speaks before it: events/voices.py)
    if rules.persons.fighter_noun.search(label.lower()) is not None:
        rule = next((c for c in rules.claimants if c.name == SOLDIER_RULE), None)
        name = dict(rule.side_names).get(aired_by.side.value) if rule is not None else None
        return Attribution(name, aired_by.side, "military", 0, 0, "turn") if name else None
    return None


# a person's name before the hit ("Dmitry| Orlov") and an apposition after it (", a member of Russia's Civic Chamber")
_GUEST_NAME_BEFORE = compiled(r"(?:[A-ZА-ЯІЇЄ][\w’'.-]+\s+){1,2}$")
_GUEST_APPOSITION = compiled(r",\s+(?:a|an|the)\s+[^,;.]{3,80}")


def _person_of_a_side(text: str, hit: re.Match[str], named: list[Attribution]) -> Attribution | None:
    """A guest introduced by name and a state's body or a side's unit in apposition ("Dmitry Orlov, a member
    of Russia's Civic Chamber", "Malyi, a platoon commander of the 57th Brigade"): that person, of that side."""
    apposition = _GUEST_APPOSITION.match(text, hit.end())
    state = next((a for a in named if (a.claimant in GENERIC_STATES or a.side is not Side.NONE) and apposition is not None
                  and apposition.start() < a.start < apposition.end()), None)
    if state is None or apposition is None:
        return None
    given = _GUEST_NAME_BEFORE.search(text, max(0, hit.start() - 40), hit.start())
    name = (given.group() if given else "") + hit.group()
    role = apposition.group().lstrip(", ").removeprefix("a ").removeprefix("an ").removeprefix("the ")
    return Attribution(f"{name} ({role})", state.side, "official" if state.claimant in GENERIC_STATES else state.kind, 0, 0, "turn")


def _turn_speaker(label: str, before: list[SentenceView], rules: Rules, side: Side, day: dt.date | None) -> Attribution | None:
    """Who a transcript's turn label names (see find_turns); None for the outlet's own people ("ANCHOR",
    "HOST", "our correspondent X": nobody the text introduced as a guest) and for anyone not introduced."""
    if len(label) < 2 or _ANSWER_LABEL.fullmatch(label):
        return None  # ("A:" is an interview's answer, whose interviewee find_answers names)
    named = [a for a in named_claimants(label.title(), rules, context_side=side, day=day)
             if a.start == 0 and a.claimant not in GENERIC_STATES]
    if named:
        return named[0]
    word = label.split()[-1]  # a surname ("DZYUBA") or a role ("SPOKESMAN")
    surname, role = re.compile(r"\b" + re.escape(word.title()) + r"\b"), re.compile(r"\b" + re.escape(word.lower()) + r"\b")
    for view in reversed(before):
        hit = surname.search(view.text) or role.search(view.text)
        if hit is None:
            continue
        if _OWN_PEOPLE.search(view.text[:hit.start()]):
            return None
        named = named_claimants(view.text, rules, context_side=side, day=day)
        found = next((a for a in named
                     if a.claimant not in GENERIC_STATES and (
                         a.start <= hit.start() and (hit.end() <= a.end or _GIVEN_NAMES_BETWEEN.fullmatch(view.text, a.end, hit.start()))
                         or _ROLE_OF.fullmatch(view.text, hit.end(), a.start))), None) or _person_of_a_side(view.text, hit, named)
        if found is not None:
            return found  # (else an earlier sentence may introduce them: "Mr Orlov, is X ...?" after "Dmitry Orlov, a member of ...")
    return None


def find_answers(views: list[SentenceView], text: str, published: PublishedDate | None, rules: Rules,
                 side: Side = Side.NONE) -> dict[int, Post]:
    """The interviewee of each answer sentence of a question-and-answer layout ("Q: ..." / "A: ...",
    questions and answers opened with dashes, "HOST:" and "NAME:" labels), by sentence index: the
    claimant the text says it interviews, before the first question. An answer is a line opened as
    one, or the line right after its question, and the lines of its paragraph; a paragraph opened
    with no mark is the outlet's prose again; a label naming someone else is not the interviewee."""
    day = published.date if published else None

    def line_start(view: SentenceView) -> bool:
        return view.index == 0 or "\n" in text[views[view.index - 1].sentence.end:view.sentence.start]

    # (marked questions, or plain ones with their answers on the next line: an explainer's subheads
    # ask questions too, as paragraphs of their own)
    asked_lines = _plain_questions(views, line_start)
    # (and a dash line of several sentences that ends on a question: "- Apti Aaronovich, the ministry has
    # reported ten villages. What is happening?", whose later sentences are the question's too)
    dashed = _dashed_questions(views, line_start)
    asks = sorted({v.index for v in views if line_start(v) and (_MARKED_QUESTION.match(v.text) or (
        _LABEL.match(v.text) is not None and _ASKS.match(v.text) is not None))} | {line[0] for line in asked_lines + dashed})
    if not asks:
        return {}
    asked = {i for line in asked_lines for i in line}  # (a plain question's line is the interviewer's throughout)
    found = [(a, view) for view in views[:asks[0]] if (a := _interviewee(view, rules, side, day)) is not None
             and not (asked and _REPORTED_INTERVIEW.search(view.text))]
    if not found:  # (credited below it: "— A company commander of the 47th Brigade, in an interview recorded on Sunday")
        found = [(a, view) for view in views[asks[0] + 1:] if _DASH_LINE.match(view.text)
                 and (a := _interviewee(view, rules, side, day)) is not None][-1:]
    if not found:  # "Andriy commands a drone unit of a Ukrainian brigade. He spoke to us by phone."
        found = [(a, views[view.index - 1]) for view in views[1:asks[0]]
                 if _PRONOUN_FIRST.match(view.text) and rules.interview_cue.search(view.text)
                 for a in named_claimants(views[view.index - 1].text, rules, context_side=side, day=day)
                 if a.kind != "media" and a.side is not Side.NONE][:1]
    # (a person named rather than a title: "Transcript: Khortytsia spokesman ..." above "... given by Viktor Trehubov")
    interviewee, intro = next((n for n in found if "(" in n[0].claimant), found[0] if found else (None, None))
    if interviewee is None or intro is None:
        return {}
    days = [d for d in find_dates(intro.text, published, rules) if d.precision is DatePrecision.DAY]
    post = Post(replace(interviewee, verb="interview", start=0, end=0), days[0].date if days else None,
                days[0].text if days else "")
    # the call sign the introduction gave: 'a battalion commander, call sign "Sych"' ... "Sych: ..."
    call_sign = sign.group(1).lower() if (sign := _CALL_SIGN.search(intro.text)) is not None else None
    answers: dict[int, Post] = {}
    speaking = False  # the interviewee holds the floor
    after_question = False
    question_rest = {i for line in dashed for i in line[1:]}
    for view in views[asks[0]:]:
        if (view.index in asked or view.index in question_rest) and not line_start(view):
            continue
        if line_start(view):
            label = _LABEL.match(view.text)
            new_paragraph = view.sentence.paragraph != views[view.index - 1].sentence.paragraph
            if view.index in asks:
                speaking, after_question = False, True
                if _ANSWER_INLINE.match(view.text):  # "- Are they in X? - Small groups are.": the answer's too
                    answers[view.index] = post
                continue
            if label is not None and not _ANSWER_LABEL.fullmatch(label.group(1)):  # "TREHUBOV: ...", not "HOST: ..."
                named = named_claimants(label.group(1).title(), rules, context_side=side, day=day)
                speaking = bool(named) and named[0].claimant == interviewee.claimant \
                    or not named and call_sign == label.group(1).strip().lower()
            elif label is not None or _DASH_LINE.match(view.text) or after_question:
                speaking = True  # "A: ...", "— No. ...", or the line right after the question
            elif new_paragraph:
                speaking = False  # the outlet's own prose after the interview
            after_question = False
        elif view.index - 1 in asks:
            speaking = True  # "- Where are you now? - Near X.": the answer on the question's own line
        if speaking and not view.heading:
            answers[view.index] = post
    return answers


# an editor's note that what follows is one person's own account, told in the first person: "His account is lightly
# edited.", "He spoke to us in May.", "She kept a notebook and let us print her entries.", "Novaya Gazeta Europe
# reached him by phone."
ACCOUNT_CUE = compiled(r"\b(?:(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:account|words|story|testimony|notes|entries|letters?|diary)\s+"
                       r"(?:(?:is|are|was|were|has|have)\s+(?:been\s+)?)?(?:lightly\s+|slightly\s+|only\s+)?"
                       r"(?:edited|shortened|condensed|abridged|translated|cut)|(?:spoke|talked)\s+to\s+(?:us|[A-Z])|"
                       r"reached\s+(?:him|her)\s+by\s+(?:phone|telephone)|let\s+us\s+(?:print|publish|quote)|"
                       r"in\s+(?:his|her|their)\s+own\s+words|as\s+told\s+to\b)")
_ACCOUNT_REACH = 8  # the sentences an account's introduction may take, from the text's start
# the narrator's own words: "I", "we", "our", "us", "my", "me" (not "US")
_FIRST_PERSON = compiled(r"\b(?:I|[Ww]e|[Oo]ur|us|[Mm]y|me)\b")


def find_account(views: list[SentenceView], people: People) -> dict[int, Post]:
    """The narrator of each sentence of one person's account in the first person, by sentence index: the
    person the text's opening introduces where it says the account is theirs ("Andrii, 34, a drone operator
    of the 47th Brigade, spoke to us in May. His account is lightly edited."), for every paragraph after
    the introduction that speaks in the first person outside quotation marks ("Berdychi we held until
    February, then we left."). A paragraph with no "I" or "we" is the outlet's own prose again."""
    cue = next((v for v in views[:_ACCOUNT_REACH] if ACCOUNT_CUE.search(v.text) and not v.heading), None)
    if cue is None:
        return {}
    paragraph = cue.sentence.paragraph
    introduced = [p for i, p in sorted(people.introduced.items())
                  if i <= cue.index and views[i].sentence.paragraph in (paragraph, paragraph - 1) and p.side is not Side.NONE]
    if not introduced:
        return {}
    post = Post(replace(introduced[-1].speaker, verb="interview", start=0, end=0), None, "")
    paragraphs: dict[int, list[SentenceView]] = {}
    for view in views[cue.index + 1:]:
        if view.sentence.paragraph > paragraph and not view.heading:
            paragraphs.setdefault(view.sentence.paragraph, []).append(view)
    return {v.index: post for told in paragraphs.values() if any(_FIRST_PERSON.search(unquoted(v.text)) for v in told)
            for v in told}
