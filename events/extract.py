"""From one article to its claims: the readable orchestration of the extraction stages.

For each sentence: the settlements it names (geodata), the phrases that tell of a change
(triggers.toml), who says so (claimants), whether it is hedged, negated or denied, and when.
A small discourse memory links sentences the way a reader does: "Ukrainian forces have retreated
from several villages ... The villages involved, Lukyantsi and Vovchansk, ... According to an
announcement from the Ukrainian military, the withdrawal ..." is one claim per village, by the
Ukrainian military; "Specifically, ..." continues the previous speaker; "It was not possible to
independently verify the claim." hedges what came just before.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field

from events.claimants import Attribution, find_attributions, find_channel, governing, journalist, quotations
from events.dates import DateExpression, find_dates
from events.records import Article, Claim, DatePrecision, EventType, Side
from events.rules import Rules, Trigger
from events.sentences import Sentence, split_sentences
from geodata import Gazetteer, Mention, PlaceKind, Resolution, find_places, resolve_mentions

__all__ = ["extract_claims", "geocode", "Extraction"]

# Clause boundaries: punctuation, dashes, quotes, and commas or words that start a new clause.
_BOUNDARY = re.compile(
    r"[;:()\[\]]|\s[–—-]\s|[“”\"«»]|,\s+(?=(?:one of|which|where|who|whose|as|while|with|when|after|before|because|"
    r"but|although|though|noting|creating|according to|amid|despite)\b)|\s(?=(?:as|while|whereas|because|although|"
    r"though|but|until|unless|after|before)\s)")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+\s+){0,2}$", re.I)
_PARTICIPLE = re.compile(r"\w+(?:ed|en|wn|un)\b")  # "was captured", "were withdrawn", "was taken", "overrun"
_BY_SIDE = re.compile(r"^\s*(?:\w+\s+){0,6}?by\s+", re.I)
_HEADING_END = re.compile(r"[.!?…:\"”’)]\s*$")
_MAX_FRAME_DISTANCE = 6
_IRREALIS_WORDS = 7
_HEDGE_BACK = 3
_AFTER_PUBLICATION = "after publication: "


@dataclass
class _Frame:
    """A change told of without naming the places ("retreated from several villages")."""

    trigger: Trigger
    sentence: Sentence
    gains: Side
    attribution: Attribution
    via: str
    dates: list[DateExpression]
    hedged: bool
    drafts: list[_Draft] = field(default_factory=list)


@dataclass
class _Draft:
    """A claim while the article is being read; later sentences may still add to it."""

    sentence: Sentence
    first_sentence: Sentence  # where the evidence starts (a frame's opening sentence)
    event_type: EventType
    mention: Mention
    resolution: Resolution
    gains: Side
    attribution: Attribution
    via: str
    hedged: bool
    date: DateExpression | None
    date_basis: str
    confidence: float
    denied_side: Side = Side.NONE


@dataclass(frozen=True, slots=True)
class Extraction:
    """Claims of one article, and the places it named that could not be pinned down."""

    claims: tuple[Claim, ...]
    ambiguous: tuple[tuple[Mention, Resolution], ...]
    unknown: tuple[Mention, ...]


def _side_words(text: str, rules: Rules) -> list[tuple[int, int, str]]:
    found = [(m.start(), m.end(), key) for pattern, key in rules.side_words for m in pattern.finditer(text)]
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    out: list[tuple[int, int, str]] = []
    for start, end, key in found:
        if not out or start >= out[-1][1]:
            out.append((start, end, key))
    return out


def _as_side(key: str, claimant: Side) -> Side:
    if key in ("RU", "UA"):
        return Side(key)
    if key == "own":
        return claimant
    return claimant.opponent()  # "the enemy"


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for b in _BOUNDARY.finditer(text, 0, start):
        left = b.end()
    right = next((b.start() for b in _BOUNDARY.finditer(text, end)), len(text))
    return left, right


def _find_triggers(text: str, rules: Rules) -> list[tuple[int, int, Trigger]]:
    lower = text.lower()
    if not rules.any_trigger_keyword.search(lower):
        return []  # most sentences: one regular expression says so
    present = {k for k in rules.trigger_keywords if k in lower}
    if not present:
        return []
    found = [(m.start(), m.end(), t) for t in rules.triggers if present.intersection(t.keywords)
             for m in t.regex.finditer(text)]
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    out: list[tuple[int, int, Trigger]] = []
    for start, end, trigger in found:
        if all(end <= s or start >= e for s, e, _ in out):
            out.append((start, end, trigger))
    return sorted(out, key=lambda f: f[0])


def _is_heading(sentence: Sentence, article: Article) -> bool:
    """Headlines and subheads: a line of its own without a closing full stop."""
    # a heading is short: look for its line breaks nearby only (a text without any would
    # otherwise be searched to its ends for every sentence)
    text, low, high = article.text, max(0, sentence.start - 400), sentence.end + 400
    line_start = text.rfind("\n", low, sentence.start)
    line_end = text.find("\n", sentence.end, high)
    if (line_start == -1 and low > 0) or (line_end == -1 and high < len(text)):
        return False  # the line is longer than any heading
    line = text[line_start + 1:line_end if line_end != -1 else len(text)].strip()
    return line == sentence.text.strip() and not _HEADING_END.search(line) and len(line.split()) <= 16


class _Reader:
    """Reads one article sentence by sentence, keeping the discourse memory."""

    def __init__(self, article: Article, gazetteer: Gazetteer, rules: Rules,
                 places: tuple[list[Mention], list[Resolution]] | None = None) -> None:
        self.article, self.gazetteer, self.rules = article, gazetteer, rules
        self.mentions, resolutions = places if places is not None else geocode(article, gazetteer)
        self.resolutions = dict(zip(self.mentions, resolutions))
        # settlements in text order, for finding a sentence's own without scanning them all
        self.place_mentions = sorted((m for m in self.mentions if m.kind is PlaceKind.PLACE), key=lambda m: m.start)
        self.place_starts = [m.start for m in self.place_mentions]
        self.country = {m.text.removesuffix("'s").removesuffix("’s"): r.place.country
                        for m, r in self.resolutions.items() if r.place is not None}
        self.drafts: list[_Draft] = []
        self.frame: _Frame | None = None
        self.last: Attribution | None = None  # the claimant that spoke last
        self.previous_text = ""
        self.unread: list[Sentence] = []  # sentences since the last claim, not yet searched for speakers
        self.day = article.published.date if article.published else None
        self.future: list[DateExpression] = []  # this sentence's dates that fall after publication

    # -- per sentence -------------------------------------------------------------------------
    def between(self, start: int, end: int) -> list[Mention]:
        """Settlements named from ``start`` (inclusive) to ``end`` (exclusive) of the text."""
        return self.place_mentions[bisect.bisect_left(self.place_starts, start):bisect.bisect_left(self.place_starts, end)]

    def places_in(self, sentence: Sentence) -> list[Mention]:
        out = []
        for m in self.between(sentence.start, sentence.end):
            following = self.article.text[m.end:m.end + 30].split()
            if following and following[0].strip(".,;:").lower() in self.rules.modifier_nouns:
                continue  # "Kharkiv positions", "Vovchansk authorities"
            if re.match(r"\s*,\s*[A-Z][\w ]{1,20}\s*\((?:[A-Z][a-z]+\.? \d|\d)", self.article.text[m.end:m.end + 40]):
                continue  # the dateline "KYIV, Ukraine (May 14, 2024) –"
            out.append(m)
        return out

    def read(self, sentence: Sentence) -> None:
        text = sentence.text
        if _is_heading(sentence, self.article):
            return
        if self.frame is not None and sentence.index - self.frame.sentence.index > _MAX_FRAME_DISTANCE:
            self.frame = None
        triggers = _find_triggers(text, self.rules)
        follows_frame = not triggers and self.frame is not None
        previous_text = self.previous_text
        self.previous_text = text
        if not triggers and not follows_frame:
            recent = self.drafts and sentence.index - self.drafts[-1].sentence.index <= _HEDGE_BACK
            if recent and self.rules.denial_followup.search(text):
                self.deny_recent(sentence)
            if recent and self.rules.hedge_after.search(text):
                self.hedge_recent(sentence, self.places_in(sentence))
            self.unread.append(sentence)  # speakers looked up only if a later claim needs them
            return
        places = self.places_in(sentence)
        self.future = []
        dates = find_dates(text, self.article.published, self.rules, self.future)
        attributions = self.attributions_of(text, self.last)
        continues = not attributions and self.rules.continuation.search(text) is not None
        last = self.last
        if continues or any(a.from_context for a in attributions) or self.rules.anaphora.search(text):
            # "a military spokesman", "the source", "Specifically, ...": who spoke before?
            last = self.speaker_before()
            attributions = self.attributions_of(text, last)
        inherited: list[DateExpression] = []
        if continues:
            previous = self.attributions_of(previous_text, last)
            if previous:
                attributions = [Attribution(a.claimant, a.side, a.kind, 0, 0, a.verb) for a in previous[-1:]]
                inherited = find_dates(previous_text, self.article.published, self.rules)
        channel = find_channel(text, self.rules)
        made = len(self.drafts)
        for start, end, trigger in triggers:
            self.read_trigger(sentence, start, end, trigger, places, attributions, channel, dates, inherited, triggers)
        if follows_frame:
            self.follow_frame(sentence, places, attributions, channel, dates)
        if len(self.drafts) == made and self.drafts and self.rules.hedge_after.search(text):
            self.hedge_recent(sentence, places)
        spoken = [a for a in attributions if a.kind != "journalist"]
        if spoken:
            self.last = spoken[-1]
            self.unread.clear()

    def attributions_of(self, text: str, last: Attribution | None) -> list[Attribution]:
        return find_attributions(text, self.rules, context_side=last.side if last else Side.NONE, day=self.day,
                                 place_country=self.country, last=last)

    def speaker_before(self) -> Attribution | None:
        """The claimant that spoke last before this sentence (for "a military spokesman" and
        "the source"): sentences without claims are searched only now, newest first."""
        for sentence in reversed(self.unread[-_MAX_FRAME_DISTANCE:]):
            spoken = [a for a in self.attributions_of(sentence.text, self.last) if a.kind != "journalist"]
            if spoken:
                self.last = spoken[-1]
                break
        self.unread.clear()
        return self.last

    def read_trigger(self, sentence: Sentence, start: int, end: int, trigger: Trigger, places: list[Mention],
                     attributions: list[Attribution], channel: str, dates: list[DateExpression],
                     inherited: list[DateExpression], triggers: list[tuple[int, int, Trigger]]) -> None:
        text, rules = sentence.text, self.rules
        left, right = _clause(text, start, end)
        before = text[left:start]
        if rules.launch.search(text[left:right]):
            return  # "began a ground and air assault on Kharkiv": an offensive begins, nothing changes hands
        denied = rules.denial.search(before) is not None
        if not denied and rules.irrealis.search(" ".join(before.split()[-_IRREALIS_WORDS:])):
            return  # "lay the groundwork to capture Kharkiv"
        if trigger.needs_agent and not any(left <= w[0] < start for w in _side_words(text, rules)):
            return  # "it took Sumy crews four hours": no side does the taking
        attribution = governing(attributions, text, start) or journalist(self.article.source)
        agent = self.agent(text, start, end, left, right, trigger, attribution.side)
        gains = agent if trigger.gains == "agent" else agent.opponent()
        hedged = self.hedged(text, left, right, attribution)
        own_dates = [d for d in dates if left <= d.start < right]
        other_clauses = [_clause(text, s, e) for s, e, t in triggers if s != start]
        free_dates = [d for d in dates if not any(a <= d.start < b for a, b in other_clauses)]
        date, basis = self.pick_date(own_dates or free_dates, start)
        if date is None and inherited:
            date, basis = inherited[-1], "frame"
        ahead = [d for d in self.future if left <= d.start < right]
        if date is None and ahead:
            basis = f"{_AFTER_PUBLICATION}“{ahead[0].text}”"  # the date given is after publication: unknown
        plural = rules.plural_places.search(text[end:right]) is not None
        if trigger.subject_place:
            # "Vuhledar has fallen": the settlement right before it, a few words at most
            plural = False
            targets = [m for m in places if left <= m.start - sentence.start < start
                       and len(text[m.end - sentence.start:start].split()) <= 3][-1:]
            confidence = 0.8
        else:
            targets, confidence = ([], 0.0) if plural else self.pair(sentence, start, end, left, right, places)
        if not targets and attribution.kind == "local authorities":
            # "Vovchansk authorities said there was street fighting": in their own town
            targets = self.between(sentence.start + attribution.start, sentence.start + attribution.end)
            confidence = 0.7
        if not targets:
            if not denied and trigger.type in rules.change_types and plural:
                self.frame = _Frame(trigger, sentence, gains, attribution, channel, list(own_dates or free_dates), hedged)
            elif self.frame is not None and trigger.type is self.frame.trigger.type:
                self.update_frame(attribution, channel, dates, hedged)
            return
        for mention in targets:
            won = gains
            if won is Side.NONE and trigger.fallback == "opponent_of_place":
                # "Urozhaine has fallen": whoever does not hold a Ukrainian village takes it
                holder = self.country_of(mention)
                won = Side(holder).opponent() if holder in ("UA", "RU") else Side.NONE
            kind = EventType.DENIAL if denied else self.regained(trigger.type, won, mention)
            self.add(sentence, sentence, kind, mention, Side.NONE if denied else won, attribution, channel, hedged,
                     date, basis, confidence, denied_side=won if denied else Side.NONE)
        outer = [a for a in attributions if not a.embedded and a.end <= start]
        if attribution.embedded and outer and rules.denial_verbs.search(text[outer[-1].end:attribution.start]):
            # "the Russian ministry disputed allegations made by the Ukrainian military that ...":
            # the Ukrainian claim above, and the Russian denial of it
            for mention in targets:
                self.add(sentence, sentence, EventType.DENIAL, mention, Side.NONE, outer[-1], channel, hedged,
                         date, basis, confidence, denied_side=gains)

    def regained(self, kind: EventType, gains: Side, mention: Mention) -> EventType:
        """A side that takes a place in its own country retakes it: Ukraine "liberating" a
        Ukrainian village is a recapture; Russia "liberating" one is a capture. A name that could
        be several villages counts when all of them lie in that country."""
        if kind is EventType.CAPTURE and gains is not Side.NONE and gains.value == self.country_of(mention):
            return EventType.RECAPTURE
        return kind

    def country_of(self, mention: Mention) -> str:
        """The country of the place a mention names, "" when its candidates lie in several."""
        resolution = self.resolutions[mention]
        countries = {resolution.place.country} if resolution.place else {p.country for p in resolution.candidates}
        return countries.pop() if len(countries) == 1 else ""

    def agent(self, text: str, start: int, end: int, left: int, right: int, trigger: Trigger, claimant: Side) -> Side:
        if trigger.agent == "claimant":
            return claimant
        if trigger.agent == "none":
            return claimant if trigger.fallback == "claimant" else claimant.opponent() \
                if trigger.fallback == "opponent_of_claimant" else Side.NONE
        words = _side_words(text, self.rules)
        after = [w for w in words if end <= w[0] < right]
        if trigger.agent_after and after:
            return _as_side(after[0][2], claimant)
        if _PASSIVE.search(text[left:start]) and _PARTICIPLE.match(text[start:end]):
            by = _BY_SIDE.match(text[end:right])
            found = [w for w in after if by and w[0] >= end + by.end() - 1]
            if found:
                return _as_side(found[0][2], claimant)
        else:
            before = [w for w in words if left <= w[0] < start]
            if before:
                return _as_side(before[-1][2], claimant)
        if trigger.type is EventType.CONTESTED:
            # "X is under assault, with Russian forces gaining ground": the side said to attack
            for _, w_end, key in words:
                if self.rules.attack_verbs.search(" ".join(text[w_end:w_end + 60].split()[:4])):
                    return _as_side(key, claimant)
        if trigger.fallback == "claimant":
            return claimant
        if trigger.fallback == "opponent_of_claimant":
            return claimant.opponent()
        return Side.NONE

    def hedged(self, text: str, left: int, right: int, attribution: Attribution) -> bool:
        if attribution.verb and self.rules.hedge_in_sentence.fullmatch(attribution.verb):
            return True  # "claimed to have taken", "the source claims"
        return self.rules.hedge_in_sentence.search(text[left:right]) is not None

    def pick_date(self, dates: list[DateExpression], position: int) -> tuple[DateExpression | None, str]:
        if dates:
            return min(dates, key=lambda d: abs(d.start - position)), ""
        return None, ""

    def pair(self, sentence: Sentence, start: int, end: int, left: int, right: int,
             places: list[Mention]) -> tuple[list[Mention], float]:
        """The settlements a trigger is about, and how sure the link is."""
        text, rules = sentence.text, self.rules
        local = [(m.start - sentence.start, m) for m in places]
        after = [m for pos, m in local if end <= pos < right]
        if after:
            return after, 0.85
        side_spans = _side_words(text, rules)
        # the subject: within the last comma segment before the trigger, and not a capital
        # standing for its government ("Kyiv retook")
        subject_from = max(left, text.rfind(",", left, start) + 1)
        before = [m for pos, m in local if subject_from <= pos < start
                  and not any(s <= pos < e and len(text[e:start].split()) <= 2 for s, e, _ in side_spans)]
        appositive = rules.appositive.search(text[left:start]) is not None
        if before and not appositive:
            return before, 0.8
        if appositive:
            antecedent = [m for pos, m in local if pos < left]
            return antecedent[-1:], 0.7  # ", one of only a handful of settlements Kyiv retook"
        if rules.singular_anaphora.search(text[end:right]):
            antecedent = [m for pos, m in local if pos < start
                          and not any(s <= pos < e for s, e, _ in side_spans)]
            return antecedent[-1:], 0.7  # "10% of the city"
        for q_start, q_end in quotations(text):
            if q_start <= start <= q_end:
                return [m for pos, m in local if q_start <= pos <= q_end], 0.75
        return [], 0.0

    # -- discourse ------------------------------------------------------------------------------
    def follow_frame(self, sentence: Sentence, places: list[Mention], attributions: list[Attribution],
                     channel: str, dates: list[DateExpression]) -> None:
        frame = self.frame
        assert frame is not None
        if places and self.rules.frame_anaphora.search(sentence.text):
            date, basis = self.pick_date(frame.dates, 0)
            for mention in places:
                draft = self.add(frame.sentence, sentence, frame.trigger.type, mention, frame.gains, frame.attribution,
                                 frame.via, frame.hedged, date, basis or "frame", 0.6)
                frame.drafts.append(draft)
        elif self.rules.frame_nouns.search(sentence.text) and attributions:
            self.update_frame(governing(attributions, sentence.text, len(sentence.text)) or attributions[0],
                              channel, dates, frame.hedged)

    def update_frame(self, attribution: Attribution, channel: str, dates: list[DateExpression], hedged: bool) -> None:
        frame = self.frame
        assert frame is not None
        if attribution.kind != "journalist":
            frame.attribution = attribution
        frame.via = frame.via or channel
        frame.dates = frame.dates or list(dates)
        frame.hedged = frame.hedged or hedged
        for draft in frame.drafts:
            if draft.attribution.kind == "journalist":
                draft.attribution = frame.attribution
            draft.via = draft.via or frame.via
            if draft.date is None and frame.dates:
                draft.date = frame.dates[0]
            draft.hedged = draft.hedged or frame.hedged

    def deny_recent(self, sentence: Sentence) -> None:
        """"Ukraine's General Staff rejected the claim.": a denial, by that speaker, of the claims
        the last claiming sentence made for the other side."""
        deniers = [a for a in self.attributions_of(sentence.text, self.last)
                   if a.kind != "journalist" and a.side is not Side.NONE]
        if not deniers:
            return
        denier = deniers[0]
        last = self.drafts[-1].sentence.index
        for draft in [d for d in self.drafts if d.sentence.index == last]:
            if draft.event_type is EventType.DENIAL or draft.attribution.side is denier.side:
                continue
            if draft.attribution.side is Side.NONE and draft.gains is not denier.side.opponent():
                continue  # the article's own report of the denier's gain is not what they deny
            self.add(sentence, sentence, EventType.DENIAL, draft.mention, Side.NONE, denier, "", False, draft.date,
                     draft.date_basis, 0.6, denied_side=draft.gains)
        self.last = denier

    def hedge_recent(self, sentence: Sentence, places: list[Mention]) -> None:
        keys = {m.key for m in places}
        recent = []
        for draft in reversed(self.drafts):  # newest first: only the last few sentences count
            if sentence.index - draft.sentence.index > _HEDGE_BACK:
                break
            recent.append(draft)
        recent_keys = {d.mention.key for d in recent}
        for draft in recent:
            if draft.attribution.kind == "journalist":
                continue
            if not keys or draft.mention.key in keys or not (keys & recent_keys):
                draft.hedged = True

    def add(self, first: Sentence, sentence: Sentence, kind: EventType, mention: Mention, gains: Side,
            attribution: Attribution, via: str, hedged: bool, date: DateExpression | None, basis: str,
            confidence: float, denied_side: Side = Side.NONE) -> _Draft:
        draft = _Draft(sentence, first, kind, mention, self.resolutions[mention], gains, attribution, via, hedged,
                       date, basis, confidence, denied_side)
        self.drafts.append(draft)
        return draft


def _claim(draft: _Draft, article: Article, rules: Rules) -> Claim:
    r = draft.resolution
    place_factor = {"resolved": 1.0 if r.score >= 100 else 0.9, "ambiguous": 0.6}.get(str(r.status), 0.4)
    if draft.date is not None:
        event_date, precision = draft.date.date, draft.date.precision
        basis = f"“{draft.date.text}”" + (" (earlier sentence)" if draft.date_basis == "frame" else "")
    elif draft.date_basis.startswith(_AFTER_PUBLICATION):
        event_date, precision = None, DatePrecision.UNKNOWN
        basis = (f"{draft.date_basis.removeprefix(_AFTER_PUBLICATION)} would be after the publication date "
                 f"({article.published.date if article.published else '?'}): left unknown")
    elif article.published is not None:
        event_date, precision = article.published.date, article.published.precision
        basis = "publication date"
    else:
        event_date, precision, basis = None, DatePrecision.UNKNOWN, "no date in the text, publication date unknown"
    start, end = draft.first_sentence.start, draft.sentence.end
    key = f"{article.id}|{draft.mention.start}|{start}|{draft.event_type}|{draft.attribution.side}"
    return Claim(
        id=hashlib.sha256(key.encode()).hexdigest()[:16], article_id=article.id,
        settlement=draft.mention.text, settlement_start=draft.mention.start, settlement_end=draft.mention.end,
        geonameid=r.place.geonameid if r.place else None, place_name=r.place.name if r.place else "",
        place_status=str(r.status), place_candidates=tuple(p.geonameid for p in r.candidates),
        event_type=draft.event_type, gaining_side=draft.gains, claimant=draft.attribution.claimant,
        claimant_side=draft.attribution.side, claimant_kind=draft.attribution.kind, via=draft.via,
        hedged=draft.hedged, event_date=event_date, date_precision=precision, date_basis=basis,
        evidence=article.text[start:end], evidence_start=start, evidence_end=end,
        confidence=round(draft.confidence * place_factor, 2), extractor_version=rules.version,
        denied_side=draft.denied_side)


def _keep(drafts: list[_Draft], rules: Rules) -> list[_Draft]:
    """One claim per sentence, place, type and claimant; no `contested` beside a change."""
    changed = {(d.sentence.index, d.mention.key) for d in drafts if d.event_type in rules.change_types}
    seen: set[tuple[int, str, EventType, str]] = set()
    out = []
    for d in drafts:
        key = (d.sentence.index, d.mention.key, d.event_type, d.attribution.claimant)
        if key in seen or (d.event_type is EventType.CONTESTED and (d.sentence.index, d.mention.key) in changed):
            continue
        seen.add(key)
        out.append(d)
    return out


def geocode(article: Article, gazetteer: Gazetteer) -> tuple[list[Mention], list[Resolution]]:
    """The places and regions the article names, each resolved in the light of the others."""
    mentions = find_places(article.text, gazetteer)
    return mentions, resolve_mentions(mentions, gazetteer)


def extract_claims(article: Article, gazetteer: Gazetteer, rules: Rules,
                   places: tuple[list[Mention], list[Resolution]] | None = None) -> Extraction:
    """Every control-change claim of one article, with the places it could not pin down.
    ``places`` is geocode(article, gazetteer) when the caller has it already."""
    reader = _Reader(article, gazetteer, rules, places)
    for sentence in split_sentences(article.text, rules):
        reader.read(sentence)
    claims = tuple(_claim(d, article, rules) for d in _keep(reader.drafts, rules))
    ambiguous = tuple((m, r) for m, r in reader.resolutions.items()
                      if m.kind is PlaceKind.PLACE and str(r.status) == "ambiguous")
    unknown = tuple(m for m, r in reader.resolutions.items() if m.kind is PlaceKind.PLACE and str(r.status) == "unknown")
    return Extraction(claims, ambiguous, unknown)
