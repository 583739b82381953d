"""Stage 4 of extraction: from the changes a sentence tells of to claim drafts, with who says so,
which side gains and when.

A change becomes one draft per settlement: its claimant is the speaker whose words cover the
phrase (events/voices.py), or the outlet's own voice; a pointer ("the town", "it") takes the
settlement named last before it; the gaining side is the acting side the sentence names, else
the trigger's fallback (a side tells of its own gains and withdrawals; whoever does not hold a
place took it when it "has fallen"), else the side the paragraph or the headline last named as
acting. Dates come from the phrase's clause, the sentence, the date the text last gave ("two days
earlier"), else the publication date. A change of several unnamed villages opens a frame that the
next sentences may fill ("The villages involved, A and B, ..."). A sentence that only denies ("Ukraine
rejected the claim") disputes the claims just made; one that only hedges ("could not be verified")
hedges them.

Pure functions over plain records; cases in tests/events/test_drafts.py.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from events.anchors import compiled, search_once
from events.articles import find_publisher
from events.changes import (_CLAIM_VERB, _QUOTE_CLOSES, APPOSITION_OPENS_BEFORE, FOCUS, HEADING_OF_PLACES, HISTORY_SECTIONS, ITEM_ASIDE, SAYING_NEXT, Change, Target, acted_upon, is_plural_pointer,
                            pointer_count, find_changes, find_triggers, side_words)
from events.claimants import _PRONOUN, GENERIC_STATES, LOCAL_KINDS, SIDE_ADJECTIVE, STATE_KINDS, TELLING_RELATIVE, Attribution, governing, journalist, named_claimants, outlet_side, quotations, unquoted
from events.dates import WEEKDAYS, DateExpression, find_anchored_dates, find_dates, latest_full_date
from events.mentions import DATELINE_REACH, NAMED_AFTER_CHANGE, NAMED_BEFORE_CHANGE, SPOKEN_LABEL, PlaceRef, SentenceView
from events.records import Article, DatePrecision, EventType, PublishedDate, Side
from events.rules import Rules
from events.voices import FIRST_PERSON_PLURAL, REBUTTAL_OPENS, Voice, flown_flag
from geodata.context import BOUND_AFTER
from geodata.resolve import LISTED_BESIDE_GAP, SPELT_FAR_IN_GAP_TEXT

__all__ = ["Draft", "answers_a_question", "draft_claims", "no_answer"]

_MAX_FRAME_DISTANCE = 6
_LIST_REACH = 3  # sentences between "N settlements" and their list
_POINTER_REACH = 4  # sentences back a pointer ("the town") may reach
_REGION_REACH = 2  # sentences back a region named ("in the Kursk region") places the settlements told after it
HEDGE_BACK = 3
NAMED_DENIAL_REACH = 10  # sentences back a denial naming its place may reach for the claim it denies
_BACKGROUND_DAYS = 14  # a change dated this long before publication is history
_AFTER_PUBLICATION = "after publication: "
_GAIN_KINDS = frozenset({EventType.CAPTURE, EventType.RECAPTURE, EventType.PARTIAL, EventType.WITHDRAWAL})


@dataclass
class Draft:
    """One claim while the article is being read; later sentences may still add to it."""

    view: SentenceView
    first: SentenceView  # where the evidence starts (a frame's opening sentence)
    kind: EventType
    place: PlaceRef
    gains: Side
    attribution: Attribution
    via: str
    hedged: bool
    date: DateExpression | None
    date_basis: str
    confidence: float
    denied_side: Side = Side.NONE
    background: bool = False
    heading: bool = False
    side_from: str = ""  # how the gaining side was found: text | claimant | place | enemy (the place's, as
    # the speaker's enemy's) | discourse | ""
    also: list[SentenceView] = field(default_factory=list)  # other sentences telling the same claim
    date_of_event: bool = False  # the date stands in the change's own clause ("fell on Sunday"), not the speaker's
    holding: bool = False  # a denial told as a holding ("the town remains in Ukrainian hands")
    needs_claim: bool = False  # a holding that denies only a claim the article tells ("X is under our control")
    actor: Side = Side.NONE  # who fights in a contested place ("Ukrainian forces had entered X"): whose claim a denial denies
    denies_fighting: bool = False  # a denial of a contested claim ("claimed they had entered X, but others denied it")
    attempt: bool = False  # a contested place under siege or assault ("the enemy keeps storming it")

    @property
    def claimed_side(self) -> Side:
        """The side the claim says gained, or pushed into a contested place."""
        return self.gains if self.gains is not Side.NONE or self.kind is not EventType.CONTESTED else self.actor


@dataclass
class _Frame:
    """A change told of without naming the places ("retreated from several villages")."""

    change: Change
    view: SentenceView
    attribution: Attribution
    via: str
    dates: list[DateExpression]
    drafts: list[Draft] = field(default_factory=list)


_WHERE_CLAUSE = compiled(r",\s+where\b[^.;:,]*$")  # (the clause runs on to the pointer)
_AFTER_TAKING = compiled(r".*\b(?:after|since|before|when|while)\s+(?:\w+ing)\s*$", re.S)
_THIS_YEAR_AFTER = compiled(r"\s*,?\s*(?:of\s+)?this\s+year\b(?!['’]s)", re.I)
_KIND_BEFORE_WHICH = compiled(r"\b[Tt]he\s+(?:[\w-]+\s+)?(town|city|village)\s*,?\s*$")


class _Discourse:
    """What a reader remembers while reading: the last settlements, sides, dates and frame."""

    def __init__(self, article: Article, rules: Rules, country: dict[str, str],
                 moscow_forms: dict[int, int] | None = None, kyiv_spelling: bool = False) -> None:
        self.article, self.rules, self.country = article, rules, country
        self.moscow_forms = moscow_forms or {}  # mention start -> GeoNames id
        # the places it writes as Moscow does in its own words (not in quotation marks), when it writes none
        # the Ukrainian way: a text that keeps to Moscow's spelling
        self.moscow_spelt = set() if kyiv_spelling else {
            geonameid for start, geonameid in self.moscow_forms.items() if not _quoted(article.text, start)}
        # (a Russian agency's copy, by its dateline, speaks for Moscow when no outlet is named: "MOSCOW, May 24. /TASS/.")
        # (or a state outlet's, by its credit: "Zvezda | 15 June 2025", "KYIV, Nov 11 (Ukrinform) -")
        agency = _RUSSIAN_DATELINE.search(article.text, 0, DATELINE_REACH) is not None
        known = article.source if article.source and any(o.regex.search(article.source) for o in rules.outlets) else ""
        credited = known or find_publisher(article.text, rules)
        # (or, unnamed, one that keeps to Moscow's words in its own: "units of the Centre group liberated the
        # settlement of Kotlyarovka in the DPR": places spelt as Moscow does and never the Ukrainian way, with
        # its terms used as its own, not glossed ("the so-called DPR", "what Moscow calls the DPR"); Western
        # copy may spell places so)
        terms = moscow_terms(unquoted(article.text)) if not credited and not agency and self.moscow_spelt else 0
        moscows_words = terms >= 2 or terms >= 1 and len(self.moscow_spelt) >= 2
        self.outlet = journalist(article.source, outlet_side(credited, rules) if credited else Side.RU if agency or moscows_words
                                 else Side.NONE)
        # the text's own voice: a post's author when it says it is one, or the first "Source:" line's
        # (a channel's voice told by its "our" and its words for the enemy: whose "they" is the enemy)
        self.first_person: Attribution | None = None
        self.own_voice = _reposted_from(article, rules) or _flagged_post(article, rules) or _report_of(article, rules)
        if self.own_voice is None:
            self.first_person = _voiced_by_words(article, rules, len(self.moscow_spelt) >= 1)
            self.own_voice = self.first_person or self.outlet
        self.places: list[tuple[int, PlaceRef]] = []  # (sentence index, settlement) in text order
        self.dateline: tuple[PlaceRef, int] | None = None  # the place a dateline names ("SUDZHA, Russia —"), its sentence
        # the place a feature is about: the one its headline names ("Life in Hostre, a mile from the front"), else its
        # dateline's; for "the town" where no place is at hand, and for a speaker's words that name none
        self.feature_place: tuple[PlaceRef, int] | None = None
        self.named_as: dict[int, tuple[str, PlaceRef]] = {}  # "The village is Tykhe, ...": a sentence naming "the village"
        self.views: list[SentenceView] = []  # the article's sentences
        self.named_keys: frozenset[str] = frozenset()  # every settlement the text names, anywhere in it
        self.most_named: Counter[str] = Counter()  # how often the text names each settlement
        self.first_named: dict[str, tuple[PlaceRef, int]] = {}  # where it first does
        self.agent_side: Side = Side.NONE  # the side the text last named as acting
        self.enemy_before = False  # the sentence before had "the enemy" act, no speaker to tell whose
        self.agent_paragraph = -1
        self.headline_side: Side = Side.NONE
        self.gain_side: Side = Side.NONE  # the gain the text last stated with its side named
        self.told_gain: tuple[Side, int] = (Side.NONE, -1)  # the last gain told, however its side was found, and its paragraph
        self.gained: dict[str, set[Side]] = {}  # each place's sides told gaining it so far
        self.gain_paragraph = -1
        self.headline_gain: Side = Side.NONE
        self.anchor: dt.date | None = None  # the last day the text gave
        self.occasion_day: dt.date | None = None  # the day of the last meeting or visit the text told of
        self.previous_dates: list[DateExpression] = []  # the dates of the sentence before
        self.speaker_dates: dict[str, DateExpression] = {}  # when each claimant last spoke, as the text says
        self.frame: _Frame | None = None
        self.month_told: dt.date | None = None  # the last month the text named ("In January", "on 27 July")
        self.told_year: dt.date | None = None  # the date a passage of history is told at ("In September 2022, ...")
        self.told_paragraph = -1  # the paragraph told_year was last given in
        self.section_place: tuple[PlaceRef, int] | None = None  # a section heading's town (see read)
        self.paragraph_day: tuple[int, DateExpression] | None = None  # a timeline's "Friday, May 10:" and its paragraph
        self.section_day: DateExpression | None = None  # a day on a heading line of its own ("SATURDAY"), for what is under it
        self.list_open = False  # a frame's sentence ended on a colon: the lines of a list may follow
        self.bare_names = False  # the list's lines may be names alone: right after its colon, or after such a line
        self.bare_after_colon = False  # the last sentence ended on a colon
        self.last_end = 0  # where the last sentence ended
        self.entry_end = -1  # where a list's dated entry read last ends (the next sentence on its line is still of it)
        # a Russian agency's own copy, or a text that keeps to Moscow's terms ("DPR", "special military
        # operation" more than once: a Western report quoting them once does not)
        # (not one that calls Russia's forces "the Russians": a Ukrainian post in Russian spelling)
        self.russian_agency = agency or \
            (len(_RUSSIAN_FRAMING.findall(article.text)) >= 2 or len(set(self.moscow_forms.values())) >= 2) \
            and not _outside_russia(article.text, rules)
        self.counted: list[_Frame] = []  # changes of "N settlements" not named yet
        self.at = 0  # the index of the sentence being read
        self.regions: list[tuple[int, frozenset[str]]] = []  # (sentence index, countries of the regions it named)
        # a text on Russia's border regions ("Kursk"): a name the gazetteer lacks there is of a Russian village
        self.border_text = rules.places.unlisted_after_change_region.search(article.text) is not None
        self.list_countries: set[str] = set()  # of the settlements the change being read pins down
        self.offices: frozenset[str] = frozenset()  # of the regions whose office speaks in this sentence
        self.paragraph, self.paragraph_start = -1, 0
        self.paragraph_places: list[tuple[PlaceRef, int]] = []  # every settlement of this paragraph's sentences so far
        self._last_view: SentenceView | None = None

    def voice_of(self, view: SentenceView) -> Attribution:
        """Who speaks where nobody is named: the text's own voice, but the outlet's in its own
        history sections ("Background: ...")."""
        voice = self.outlet if view.section in HISTORY_SECTIONS else self.own_voice
        relayed = _RELAYED.search(unquoted(view.text)) if voice.kind == "journalist" and voice.side is not Side.NONE else None
        if relayed is not None and _OTHER_VOICES[voice.side].search(relayed.group("who") or relayed.group("after") or relayed.group("subject") or ""):
            # (a state outlet speaks for its state only in its own words: where a speaker the text names goes
            # unrecognised, "..., the Associated Press reported", "the Kyiv regime claims", the outlet only relays)
            return replace(voice, side=Side.NONE)
        return voice

    def read(self, view: SentenceView) -> None:
        self.at = view.index
        if view.sentence.paragraph != self.paragraph:
            self.paragraph, self.paragraph_start, self.paragraph_places = view.sentence.paragraph, view.index, []
        elif self._last_view is not None:
            self.paragraph_places += [(p, self._last_view.index) for p in self._last_view.settlements]
        self._last_view = view
        if view.heading and view.index > 0:
            # "STARYI SALTIV" alone on its line: the town its section is about, until the next heading
            named = [p for p in view.settlements if view.text.strip() == p.mention.text]
            self.section_place = (named[0], view.index) if named else None
        if view.region_countries:
            self.regions.append((view.index, view.region_countries))
        self.offices = view.office_countries

    def region_country(self) -> str:
        """The one country of the regions this sentence and the few before place things in (or
        whose office speaks in this sentence), or ""."""
        countries = {c for index, named in self.regions[-3:] if self.at - index <= _REGION_REACH for c in named}
        countries |= self.offices
        return countries.pop() if len(countries) == 1 else ""

    def in_focus(self, view: SentenceView) -> tuple[PlaceRef, int] | None:
        """The place a speaker's words that name none are about: the feature's own when the few sentences before
        name it too or name none (its dateline's only in a text that names no other place), else the one they named
        last (not a home town: "a welder from X"; none when they are one sentence naming several), else, when they
        name none, the one the whole text names most."""
        # (not a given name the gazetteer also holds: "Serhiy, a Ukrainian infantryman, remembers")
        named = [(place, index) for index, place in self.places if view.index - index <= _POINTER_REACH and place.relation == ""
                 and not self.rules.persons.first_name.fullmatch(place.mention.text)]
        near = [(place, index) for place, index in named
                if not _FROM_RIGHT_BEFORE.search(self.article.text, max(0, place.mention.start - 6), place.mention.start)]
        feature = self.feature_place
        if feature is not None and feature is self.dateline and any(key != feature[0].key for key in self.named_keys):
            # (a dateline may name only where the reporter is: "KRAMATORSK — ... had come from Lyman", "PAVLOHRAD —
            # The wounded arrive from the fighting west of X", "KHERSON — ... 'We walked into X the next morning'":
            # it is the place only in a text that names no other)
            feature = None
        if feature is not None and (not near or any(p.key == feature[0].key for p, _ in near)):
            return feature
        if near and len({p.key for p, _ in near}) >= 3 and near[-1][1] == near[0][1]:
            return None  # (one sentence naming several, "attacking A, B and C and shelling D": none of them is meant)
        if near:
            return near[-1]
        # (none named lately: the place the whole text names most, when one stands out, 'HOSTRE: "The rest is
        # ours"' ... a town described, a soldier introduced, and his words five sentences on)
        ranked = self.most_named.most_common(2)
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return self.first_named[ranked[0][0]]
        return None

    def antecedents(self, view: SentenceView, target: Target, count: int, claimed: set[int]) -> list[tuple[PlaceRef, int]]:
        """The ``count`` settlements a plural pointer stands for ("captured A and B ... retook both
        villages"): the last ones of the nearest sentence that names that many, this one before the
        pointer first, in the order named; before it, only a sentence that told a change of one of its places
        (not "drones struck A and B"), and no city for "villages"; none when no sentence near has them."""
        villages = target.pointer.split()[-1].lower() in ("villages", "hamlets")
        here = [(p, view.index) for p in view.settlements if p.end <= target.position and p.relation == ""]
        told = {index for index, place in self.places if place.mention.start in claimed}  # (sentences that told a change)
        # (a bare "Both were liberated, it said" goes on from the sentence that named them, told or not: "The
        # ministry named A and B.")
        bare = " " not in target.pointer.strip() or target.pointer.startswith("All ")
        earlier = [(place, index) for index, place in self.places if view.index - index <= _POINTER_REACH and place.relation == ""
                   and (index in told or bare and view.index - index == 1)]
        here, earlier = ([c for c in group if not (villages and _big_city(c[0]))] for group in (here, earlier))
        for index in range(view.index, max(-1, view.index - _POINTER_REACH - 1), -1):
            named: list[tuple[PlaceRef, int]] = []
            for place, at in reversed(here if index == view.index else [c for c in earlier if c[1] == index]):
                if all(place.key != p.key for p, _ in named):
                    named.append((place, at))
            if len(named) >= count:
                return named[:count][::-1]
        # (else the places the sentences before told changes of, one each: "took A. A day later he added B. ...
        # both villages")
        named = []
        for place, at in reversed([c for c in earlier if c[0].mention.start in claimed]):
            if all(place.key != p.key for p, _ in named):
                named.append((place, at))
        return named[:count][::-1] if len(named) >= count else []

    def antecedent(self, view: SentenceView, target: Target, claimed: set[int],
                   denied: bool = False) -> tuple[PlaceRef, int] | None:
        """The settlement a pointer stands for, named last before it in this sentence or a few
        before, with the index of its sentence: a place a change was told of first ("Kupiansk, a
        city in northern Kharkiv, is under Russian control ... 14 percent of the city"), else the
        last one named. ``claimed`` holds the mention starts of places changes were told of."""
        if target.pointer == FOCUS:
            return self.in_focus(view)
        # ("raised the flag over the Kupiansk city council": a pointer that names its place is that place)
        # (not a speaker's office: "..., the head of the Lyptsi village military administration, said")
        inside = [p for p in view.places if target.position <= p.start and p.end <= target.position + len(target.pointer)
                  and p.resolution.place is not None
                  and not _HEAD_OF_BEFORE.search(view.text, max(0, target.position - 30), target.position)]
        if inside:
            return replace(inside[0], role="settlement"), view.index
        if target.pointer.lower() == "it":
            # '"It is a grey zone," a drone operator said of X': the place the words are said of
            said_of = [p for p in view.settlements if p.start > target.position
                       and _SAID_OF_BEFORE.search(view.text, max(0, p.start - 40), p.start)]
            if said_of:
                return said_of[0], view.index
        if target.pointer in ("which", "that") and self.rules.facility_before.search(view.text, max(0, target.position - 40), target.position) \
                and not _WHERE_AT.match(view.text, target.position):
            # "X is home to a large refractory plant, which Russian forces said they had seized": the plant (but "the X
            # refractory plant, where Russian troops raised a flag": fighting in X)
            return None
        if target.pointer in ("which", "that"):
            # (not a place that only locates the one before it in an apposition: "X, south of Y, which ...")
            # (nor one that only locates the subject of a clause the pointer's is set in: "The village, on the river
            # west of X, is the first settlement that Kyiv has regained"; but "west of X, which Russia took": X)
            here = [p for p in view.settlements if p.end <= target.position
                    and not _LOCATING_APPOSITION.search(view.text, max(0, p.start - 70), p.start)
                    and not (p.relation == "beside" and _APPOSITION_CLOSES.search(view.text, p.end, target.position))]
            if here:
                return here[-1], view.index
            # "fought on the southern flank of the city, which Russian forces captured in May": the city
            noun = _KIND_BEFORE_WHICH.search(view.text, max(0, target.position - 40), target.position)
            if noun is None:
                return None
            return self.antecedent(view, replace(target, pointer=f"the {noun.group(1).lower()}", position=noun.start()),
                                   claimed, denied)
        if target.pointer.lower() in ("the city", "the town") and view.text.startswith(" itself", target.position + len(target.pointer)) \
                and _FALL_OF_BEFORE.search(view.text, max(0, target.position - 30), target.position):
            # "withdrew from A, just west of B, nine days after the fall of the city itself": B, the place A was located by
            locators = [(place, index) for index, place in self.places if view.index - index <= _POINTER_REACH
                        and view.index - index <= 1 and place.relation in ("near", "beside")
                        and place.mention.start < view.sentence.start + target.position]
            if locators:
                return locators[-1]
        if target.pointer.lower() in ("that town", "that city", "that village") \
                and not view.text.startswith(("'s", "’s"), target.position + len(target.pointer)):
            # "X lies west of Y and has been a target since the fall of that city": the other place, the last
            # named before it, even one that only locates (not in an apposition: "X, near Y, ... that town";
            # nor "that city's eastern district")
            named = [p for p in view.settlements if p.end <= target.position]
            if len({p.key for p in named}) >= 2 and not _LOCATING_APPOSITION.search(
                    view.text, max(0, named[-1].start - 40), named[-1].start):
                return named[-1], view.index
        # (a place only located by, "north-west of X", unless a change of X was told: "X, which Russia took")
        # (or one whose "where" clause the pointer is in: "advanced in the area of X, where fighting continues on
        # the outskirts of the city")
        here = [(p, view.index) for p in view.settlements if p.end <= target.position
                and (p.relation == "" or p.mention.start in claimed or _WHERE_CLAUSE.match(view.text, p.end, target.position))]
        if _SPEAKERS_OWN_TOWN.fullmatch(target.pointer):
            # "X fell on Saturday, and Y's mayor said his city was captured", "... held 20 percent of his town": the
            # speaker's own town first (also "the mayor of X, Name, said", "the head of X's military administration", and
            # one named after a quotation the pointer stands in)
            own = [(replace(p, role="settlement"), view.index) for p in view.places
                   if p.role in ("modifier", "settlement") and (p.end <= target.position or _quoted(view.text, target.position))
                   and (_AUTHORITY_AFTER.match(view.text, p.end)
                        or _MAYOR_OF_BEFORE.search(view.text, max(0, p.start - 40), p.start))][-1:]
            if own:
                return own[0]
        if target.pointer.lower() in ("the town", "the city") and (
                own := [p for p in view.places if p.role in ("modifier", "person") and p.end <= target.position
                        and _MAYOR_OF_BEFORE.search(view.text, max(0, p.start - 40), p.start)
                        and _TOLD_OF_OWN_TOWN.fullmatch(view.text, p.end, target.position)][-1:]):
            # "..., and on Monday the mayor of X announced that the city had been fully liberated": the mayor's own
            return replace(own[0], role="settlement"), view.index
        if not here and target.pointer.lower() in ("the town", "the city", "the village") \
                and _AFTER_TAKING.match(view.text, target.position - 40 if target.position >= 40 else 0, target.position):
            # "consolidated positions around X after liberating the town": the only place the sentence names
            here = [(p, view.index) for p in view.settlements if p.end <= target.position][-1:]
        if not here and (target.pointer.lower() in ("the town", "the city", "the village", "it", "there")
                         # ("entered the village, fighting in its eastern part": the village's, not the speaker's city)
                         or target.pointer.lower() == "its" and not _VILLAGE_NOUN.search(view.text, 0, target.position)):
            # "Bucha Mayor X said Russian troops had left the town": the speaker's own town (not a
            # city's mayor on "the village")
            # (also one named after a quotation the pointer stands in: “The city is occupied,” X Mayor Y said)
            here = [(replace(p, role="settlement"), view.index) for p in view.places
                    if p.role == "modifier" and (p.end <= target.position or _quoted(view.text, target.position))
                    and _AUTHORITY_AFTER.match(view.text, p.end)
                    and not (target.pointer == "the village" and p.resolution.place is not None
                             and p.resolution.place.population >= _TOWN_SIZE)][:1]
        earlier = [(place, index) for index, place in self.places
                   if view.index - index <= _POINTER_REACH and (place.relation == "" or place.mention.start in claimed)]
        if target.pointer == "it":
            # (no given name the gazetteer also holds, "One of them, Bohdan, was tired. 'It is theirs now'")
            here, earlier = ([c for c in group if not self.rules.persons.first_name.fullmatch(c[0].mention.text)]
                             for group in (here, earlier))
        if target.pointer in ("it", "there") and not here:
            # a pronoun stands for the place named last in the sentence just before, if any
            # (not the ends of a route: "the road between A and B")
            just_before = [c for c in earlier if c[1] == view.index - 1 and not _ROUTE_END.search(
                self.article.text, max(0, c[0].mention.start - 60), c[0].mention.start)]
            # ("X, which had 32,000 people, lies north of Y. It had been on the front line since 2014, when
            # Ukrainian forces retook it": a sentence opening on "It" goes on about the subject the
            # sentence before opened on)
            opening = [c for c in just_before if c[0].start == 0]
            if opening and view.text.startswith("It ") and (opening[0][0].mention.text.endswith(("'s", "’s"))
                                                           or self.article.text.startswith(("'s", "’s"), opening[0][0].mention.end)):
                return None  # "X's gas station sits at the edge of town. It was occupied ...": the station
            if opening and target.pointer == "it" and (view.text.startswith("It ") or not view.settlements and _DESCRIBED.match(
                    self.article.text, opening[0][0].mention.end) and not any(
                    _APPOSITION_AFTER.match(self.article.text, c[0].mention.end) or c[0].mention.start in claimed
                    for c in just_before[1:])):
                # (so does any "it" after a sentence that only described the place it opened on: "X, a
                # town of 9,000, lies west of Y. Separatists seized it in 2014": X; not when the sentence
                # went on to tell of the other place: "X lies north of Y, a village Ukraine liberated")
                return opening[0]
            # (not a place only in a clause of time: "occupied X after the fall of Y in July. Ukraine retook it": X)
            just_before = [c for c in just_before if not _CHANGE_ADJUNCT_BEFORE.search(
                self.article.text, max(0, c[0].mention.start - 50), c[0].mention.start)] or just_before
            if just_before:
                return just_before[-1]
        noun = target.pointer.split()[-1] if target.pointer and " " in target.pointer else ""
        if not here and noun in ("town", "city", "village", "settlement") \
                and len({p.key for p, _ in self.paragraph_places}) == 1 \
                and not any(index >= self.paragraph_start for _, index in earlier) \
                and not (noun == "village" and _big_city(self.paragraph_places[-1][0])) \
                and not _FIGHT_NEAR.search(self.article.text, max(0, self.paragraph_places[-1][0].mention.start - 60),
                                           self.paragraph_places[-1][0].mention.start):
            # "Soldiers rest in a trench near X. Russia claimed to have captured the town": a paragraph
            # (a caption) that names only the place it is near means that one, not a town named before it
            # (but not a place only fought near: "Heavy fighting continues near X. ... the village")
            place, index = self.paragraph_places[-1]
            return next((c for c in reversed(earlier) if c[0].key == place.key), (place, index))
        if not here and self.section_place is not None and noun in ("town", "city", "village", "settlement", "") \
                and not any(index > self.section_place[1] for _, index in earlier) \
                and not (noun == "village" and _big_city(self.section_place[0])):
            # ("GLUSHKOVO ... STARYI SALTIV / Russia said it had captured the town": Staryi Saltiv, when the section
            # has named no other place before the pointer)
            return self.section_place
        for place, index in reversed(here + earlier):
            # the place the text just called so: "Makiivka, a village west of Kreminna" ... "the village"
            # (just: in this sentence or the one before)
            if noun and view.index - index <= 1 and re.match(rf",\s+(?:a|an|the|one)\s+(?:[\w-]+\s+){{0,2}}?{re.escape(noun)}\b",
                                 self.article.text[place.mention.end:place.mention.end + 60]):
                return place, index
        if noun in ("city", "town"):
            # "the city" is not the place the text called a village ("the village of Umanske"), where it
            # did so ("Kalynivka, a village near X ... Kalynivka is not theirs ... taken the city"; a
            # small town is called a village and a town alike)
            villages = {p.key for _, p in self.places if _VILLAGE_OF.search(
                self.article.text, max(0, p.mention.start - 20), p.mention.start)
                or _VILLAGE_APPOSITION.match(self.article.text, p.mention.end)} if noun == "city" else set()
            here, earlier = ([c for c in group if c[0].key not in villages and not _CALLED_VILLAGE.search(
                self.article.text, max(0, c[0].mention.start - 20), c[0].mention.start)
                and not _VILLAGE_APPOSITION.match(self.article.text, c[0].mention.end)] for group in (here, earlier))
        if noun == "city":
            # nor one the text called a town ("the nearby town of A"), while a place whose change was told is at hand
            not_towns = [[c for c in group if not _CALLED_TOWN.search(
                self.article.text, max(0, c[0].mention.start - 40), c[0].mention.start)] for group in (here, earlier)]
            if any(c[0].mention.start in claimed for group in not_towns for c in group):
                here, earlier = not_towns
        if noun == "city" and any(_city_sized(c[0]) for c in here + earlier):
            # nor a hamlet of a few hundred people when a city was named ("the city of A and the
            # villages of B and C ... the city")
            here, earlier = ([c for c in group if _city_sized(c[0])] for group in (here, earlier))
        if noun == "village":
            # "the village" is no town or city named by the way ("the Luhansk militia")
            here, earlier = ([c for c in group if not _big_city(c[0])] for group in (here, earlier))
        if noun == "town":
            # nor is "the town" a city of half a million ("in Bucha, close to the capital Kyiv ... the town")
            here, earlier = ([c for c in group if not _metropolis(c[0])] for group in (here, earlier))
        if not here and earlier and self.dateline is not None and self.feature_place is self.dateline \
                and noun in ("town", "village", "city", "settlement") \
                and all(index < self.dateline[1] for _, index in earlier) and len({p.key for p, _ in earlier}) >= 2 \
                and _fits(self.dateline[0], noun):
            # "From A to B / A, Ukraine — ... Ukrainian troops retook the town": the dateline's place, not the last
            # one its headline named (a headline naming one place names the feature's own, even one whose namesakes
            # leave it unresolved)
            return self.dateline
        # this sentence first, then the ones before in its paragraph, then further back (a caption's
        # "the city" is the place its own paragraph names, not one a change was told of above it)
        # (not the later places of a list a place is located by: "repelled attacks near A and B")
        line_start = self.article.text.rfind("\n", 0, view.sentence.start) + 1
        if noun and (label := _ITEM_LABEL.match(self.article.text, line_start)) is not None:
            # "4. Novoandriivka — UA. The brigade said it had restored control over the village": the item's own place
            own = [c for c in here + earlier if c[0].mention.start == label.start("name") and _fits(c[0], noun)]
            if own:
                return own[-1]
        this_paragraph = [c for c in earlier if c[1] >= self.paragraph_start and c[0].relation == ""
                          and not _LOCATING_LIST.search(self.article.text, max(0, c[0].mention.start - 80), c[0].mention.start)]
        for candidates in (here, this_paragraph, earlier):
            for place, index in reversed(candidates):
                if place.mention.start in claimed:
                    return place, index
            if candidates:
                return candidates[-1]
        if (target.pointer == "it" or denied and noun in ("village", "town", "city", "settlement")) and not earlier:
            # "visited troops near X ..., calling Moscow's claim to have captured it a lie": the one
            # settlement the sentence names, whatever its relation (not when a thing named before it
            # is what "it" stands for: "attacked a position near X and captured it"); so does "the village"
            # a denial is of ("fighting in the area of X, but the village has not been liberated")
            named = [p for p in view.settlements if p.end <= target.position]
            if len({p.key for p in named}) == 1 and not _THING_BEFORE.search(
                    view.text, max(0, named[-1].start - 60), named[-1].start):
                return named[-1], view.index
        if target.pointer == "it" and not view.heading and not view.settlements and _quoted(view.text, target.position) \
                and _SHARE_OF_IT.search(view.text, max(0, target.position - 30), target.position) \
                and _IT_ENDS_CLAUSE.match(view.text, target.position + len(target.pointer)):
            # a soldier's '"By the time we got there they had half of it"', no place named lately: the place the
            # text is about (a share of it, the clause ending there: not '"West of it is ours"' of a canal, '"They say
            # they stormed it"', '"They have half of it in their sights"')
            return self.in_focus(view)
        if target.pointer in ("it", "there"):
            return None
        if not here and not earlier and self.dateline is not None and target.pointer.lower().startswith("this ") \
                and noun in ("town", "village", "city", "settlement"):
            # "SUDZHA, Russia — ... Ukrainian troops seized this town in August": the dateline's place, where
            # the reporter writes from (not "the town", which needs a place named)
            return self.dateline
        if not here and not earlier and noun in ("town", "village", "city", "settlement"):
            # "Russian forces launched an assault on X. ... the town had been liberated": a place only
            # fought near, named in this sentence or the one before, when no other is at hand
            near = [(p, index) for index, p in self.places if view.index - index <= 1 and p.relation == "near"] + \
                [(p, view.index) for p in view.settlements if p.end <= target.position and p.relation == "near"]
            if len({p.key for p, _ in near}) == 1:
                return near[-1]
        if not here and not earlier and noun in ("town", "village", "city", "settlement"):
            # '"We left the village on Sunday," he said. ... The village is Tykhe': the place a sentence just after
            # says the pointer is
            for index in (view.index + 1, view.index + 2):
                said = self.named_as.get(index)
                if said is not None and said[0] == noun:
                    return said[1], index
        # "the city", further back: the place the article has told most changes of so far
        told: dict[str, list[tuple[PlaceRef, int]]] = {}
        for index, place in self.places:
            if place.mention.start in claimed:
                told.setdefault(place.key, []).append((place, index))
        if not told and not here and not earlier and noun in ("town", "village", "city", "settlement") \
                and self.feature_place is not None and _fits(self.feature_place[0], noun):
            # "TORETSK, Ukraine — ... (seven sentences on) ... the town": the place the feature is about, when no
            # change has been told of any place
            return self.feature_place
        return max(told.values(), key=len)[-1] if told else None


_YES_NO_QUESTION = compiled(r"\s*[“\"‘]?(?:[-–—•]\s*|Q\s*[:.]\s*|Question\s*:\s*)?(?:Have|Has|Had|Did|Do|Does|Is|Are|Was|Were|Will|Can|Could|Would)\s[^?!.]*\?\s*")
_FIGHT_NEAR = compiled(r"\b(?:fight\w*|battles?|clash\w*|attack\w*|assault\w*|advanc\w*|push\w*|storm\w*|shell\w*|"
                       r"repel\w*|(?:holding|hold|held)\s+the\s+line)\b[^.;:]{0,40}$", re.I)
# a list item's line opening on its place: "4. X — UA. ...", "- X: ...", "• X. ..."
_ITEM_LABEL = compiled(r"[ \t]*(?:\d{1,2}[.)]|[-•*–—▪►])[ \t]*(?P<name>[A-ZА-ЯІЇЄ][\w’'-]+(?:[ -][A-ZА-ЯІЇЄ][\w’'-]+)?)[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?[—–.]")  # (not a speaker's "- X (Dec. 1): ...")
_LOCATING_LIST = compiled(r"\b(?:near|around|towards?|(?:directions?|areas?|vicinity|outskirts) of)\s+"
                          r"(?:[A-ZА-ЯІЇЄ][\w’'-]+(?:[ -][A-ZА-ЯІЇЄ][\w’'-]+)?(?:,\s*(?:and\s+)?|\s+and\s+))+$")


def _fits(place: PlaceRef, noun: str) -> bool:
    """Whether a place may be called by the noun: no town or city "the village", no city of half a million "the town"."""
    return not (noun == "village" and _big_city(place) or noun == "town" and _metropolis(place))


def _big_city(place: PlaceRef) -> bool:
    """Whether the place is a town or city no text would call "the village"."""
    resolved = place.resolution.place
    return resolved is not None and resolved.population >= _TOWN_SIZE


def _metropolis(place: PlaceRef) -> bool:
    """Whether the place is a city no text would call "the town"."""
    resolved = place.resolution.place
    return resolved is not None and resolved.population >= _CITY_SIZE


def _city_sized(place: PlaceRef) -> bool:
    """Whether "the city" may stand for the place: its size is unknown or no village's."""
    resolved = place.resolution.place
    return resolved is None or not 0 < resolved.population < _TOWN_SIZE


_THEY_RIGHT_BEFORE = compiled(r"\b[Tt]hey\s+(?:(?:had|have|has|already|finally|then|later|also|just)\s+)*$")
_FORCES_NAMED_BEFORE = compiled(r"\b(?:units?|troops|forces|brigades?|battalions?|regiments?|detachments?|men|fighters|soldiers|"
                                r"guys|boys|paratroopers|marines|stormtroopers|groups?)\b")


def _side(key: str, claimant: Side) -> Side:
    if key in ("RU", "UA"):
        return Side(key)
    if key == "own":
        return claimant
    if key == "enemy":
        return claimant.opponent()
    return Side.NONE


_THING_TAKEN = compiled(r"\s+(?:the|a|an|its|their|his|her|our)\s+(?!(?:[\w-]+\s+){0,2}(?:town|city|village|settlement|hamlet|locality|outskirts|parts?|districts?|"
                           r"centre|center|edges?|suburbs?|streets?|neighbou?rhoods?|quarters?)\b)[\w-]+")


def _place_country(memory: _Discourse, place: PlaceRef) -> str:
    """The country a settlement lies in: its own when the gazetteer pins it down or the article
    does elsewhere, or the region named right after it does; else the country of the region the
    text named lately ("villages in the Kursk region" the gazetteer lacks, or knows only namesakes
    of in Ukraine), or of the settlements listed with it that the gazetteer pins down ("Glushkovo
    and the nearby villages of ..."); else Russia for a name the gazetteer lacks in a text on
    Russia's border regions; else its namesakes'."""
    resolution = place.resolution
    if resolution.place is not None:
        return resolution.place.country
    if place.name in memory.country:
        return memory.country[place.name]
    if place.mention.context_how == BOUND_AFTER:  # "A and B in the Kursk region and C in the DPR": C's own region
        bound = {code.split(".")[0] for code in place.mention.context_regions}
        if len(bound) == 1:
            return bound.pop()
    named = memory.region_country()
    if named:
        return named
    if len(memory.list_countries) == 1:
        return next(iter(memory.list_countries))  # listed with settlements of one country
    if resolution.reason in (NAMED_AFTER_CHANGE, NAMED_BEFORE_CHANGE):
        return "RU"  # read as a place only in a text on Russia's border regions (the gazetteer holds all of Ukraine's)
    if resolution.reason.startswith((LISTED_BESIDE_GAP, SPELT_FAR_IN_GAP_TEXT)):
        return "RU"  # "Sudzha, Melovoye and Podol", "Novenkoye" in a text on Kursk: a village of that Russian region
    if not resolution.candidates and memory.border_text:
        return "RU"  # a name the gazetteer lacks (it holds all of Ukraine's) in a text on Russia's border regions
    countries = {p.country for p in resolution.candidates}
    return countries.pop() if len(countries) == 1 else ""


_WE_RIGHT_BEFORE = compiled(r"\b[Ww]e\s+(?:(?:finally|all|only)\s+)?$")
_ENEMY_RIGHT_BEFORE = compiled(r"\b(?:the\s+enemy|the\s+last\s+of\s+them)\s+(?:\w+\s+)?$", re.I)
_FROM_RIGHT_BEFORE = compiled(r"\bfrom\s+$")
_IT_ENDS_CLAUSE = compiled(r"\s*(?:(?:now|already|by\s+now|maybe\s+more|or\s+more|at\s+least)\b)?\s*(?:[,.;:!?”\"—–]|$)")
_SHARE_OF_IT = compiled(r"\b(?:half|most|much|part|parts|the\s+rest|a\s+third|two[- ]thirds|a\s+quarter|three[- ]quarters|"
                        r"\d{1,3}\s?(?:%|per\s?cent|percent))\s+of\s+$", re.I)
_PEOPLE_OUT = compiled(r"\bpeople\s+(?:back\s+)?out\b")
_WE_BEFORE = compiled(r"\b(?:[Ww]e|[Oo]ur)\b[^,;.“”\"]{0,40}$")  # "we never took X", "our troops have not taken X"


def _gains(change: Change, place: PlaceRef, attribution: Attribution, memory: _Discourse,
           text: str = "") -> tuple[Side, str]:
    """The side that gains, and how it was found (``text``: the change's own sentence, when it is
    the one being read)."""
    if change.kind is EventType.CONTESTED:
        return Side.NONE, ""
    if change.agent == "enemy" and attribution.kind == "resident" and not FIRST_PERSON_PLURAL.search(text):
        # (a civilian's "they" may be either side's men, "the boys say they left X"; not set against "us": "they
        # took X and now they want us")
        return Side.NONE, ""
    if change.agent == "own_patient":
        # "our guys were pushed out of X": the speaker's enemy took it, when the speaker tells it (not a
        # claim cited from the other side: "they spread a fake that our units were pushed out of X")
        change = replace(change, agent="passive" if attribution.embedded else "enemy")
    trigger = change.trigger
    if change.agent == "own" and (attribution is memory.first_person or attribution.verb == "interview") and text \
            and (they := _THEY_RIGHT_BEFORE.search(text, max(0, change.start - 40), change.start)) is not None \
            and not _FORCES_NAMED_BEFORE.search(text, 0, they.start()):
        # a channel's "X, which they took in the summer": its enemy (its own side is "we"; not forces the
        # sentence named: "his unit stormed X, which they took in the summer"; nor a sentence opening on
        # "They", which goes on from the last: "Our paratroopers are heroes. They took X")
        return (attribution.side.opponent() if trigger.gains == "agent" else attribution.side), "text"
    if change.agent == "bare" and attribution.verb == "interview" and attribution.side in (Side.RU, Side.UA) and text \
            and (they := _THEY_RIGHT_BEFORE.search(text, max(0, change.start - 40), change.start)) is not None \
            and not _FORCES_NAMED_BEFORE.search(text, 0, they.start()):
        # a fighter's own account or answer: "On the 21st they took X" is the enemy's deed (not "our men regrouped,
        # then they left X": the men named)
        return (attribution.side.opponent() if trigger.gains == "agent" else attribution.side), "text"
    if change.agent == "bare":
        discourse = memory.agent_side if memory.agent_side is not Side.NONE else memory.headline_side
        if discourse is Side.NONE and trigger.gains == "agent" and attribution.side is Side.NONE \
                and memory.told_gain[1] == memory.paragraph:
            # ("X has been liberated! The Armed Forces pushed them out of the town": the side the paragraph told
            # gained, when no side speaks)
            discourse = memory.told_gain[0]
        if memory.enemy_before and attribution.side in (Side.RU, Side.UA):
            discourse = attribution.side.opponent()
        if discourse is not Side.NONE:
            return (discourse if trigger.gains == "agent" else discourse.opponent()), "discourse"
    agent = _side(change.agent, attribution.side)
    how = "text" if change.agent in ("RU", "UA") else "claimant" if agent is not Side.NONE else ""
    if change.kind is EventType.DENIAL and trigger.owner_named and agent is attribution.side \
            and agent is not Side.NONE:
        # "the Khortytsia group said the information about X does not correspond to reality": the side
        # named is the speaker's own, whose claims it does not call untrue
        agent = agent.opponent()
    if change.agent not in ("RU", "UA") and trigger.home_side and _place_country(memory, place) == "RU" \
            and not (attribution.side is Side.UA and attribution.kind in STATE_KINDS
                     and not _CITED_BEFORE.search(text, 0, change.start)):
        # "liberated" on Russian soil, whoever tells it (but a Ukrainian-side force's own word for its
        # raid: "the Legion said the village had been completely liberated")
        return Side.RU, "place"
    fallback = trigger.passive_fallback if change.agent == "passive" and trigger.passive_fallback else trigger.fallback
    if fallback == "opponent_of_loser":
        # "X has been lost": lost by the side that says so, else by whoever held the place
        fallback = "opponent_of_claimant" if attribution.side is not Side.NONE else "opponent_of_place"
    if agent is Side.NONE and fallback == "claimant" and attribution.kind == "analyst" and not trigger.home_side \
            and trigger.type is EventType.CAPTURE and not trigger.own_word and text \
            and (holder := _place_country(memory, place)) in ("UA", "RU") \
            and {key for _, _, key in side_words(text, memory.rules)} <= {Side(holder).opponent().value}:
        # "According to DeepState, the capture of X allows Russian troops ...": a monitor tells either
        # side's gains, here the one it names (not a side's own "liberation"; nor when the holder's
        # side is named: "the capture of X by Ukraine's 47th Brigade")
        fallback = "opponent_of_place"
    if agent is Side.NONE:
        if fallback == "claimant":
            agent, how = attribution.side, "claimant"
        elif fallback == "opponent_of_claimant":
            agent, how = attribution.side.opponent(), "claimant"
        elif fallback == "opponent_of_place":
            holder = _place_country(memory, place)
            if holder in ("UA", "RU"):
                # whoever did not hold it took it: the agent of a gain is the place's opponent
                won = Side(holder).opponent()
                return (won if trigger.gains == "agent" else won.opponent()), "place"
            if change.agent == "passive":
                agent, how = attribution.side, "claimant"  # a place of no known country: as its teller says
    if agent is Side.NONE and change.agent == "own" and attribution.kind == "journalist" and text:
        # "Shoigu ordered his troops to withdraw": the side of the person named before the pronoun
        named = [a for a in named_claimants(text, memory.rules) if a.end <= change.start and a.side is not Side.NONE
                 and not acted_upon(text, a.start)]  # (not "drove Russian troops out of X and restored control")
        if named:
            agent, how = named[-1].side, "text"
    if agent is Side.NONE and change.agent in ("own", "enemy") and attribution.side is Side.NONE \
            and memory.russian_agency:
        # "we have left Izyum and Balakleya", "the enemy is in Kupyansk" in a post that keeps to Moscow's
        # names, by nobody's side named: a Russian voice, whose "we" is Russia and whose enemy is Ukraine
        agent, how = (Side.RU if change.agent == "own" else Side.UA), "text"
    if agent is Side.NONE and change.agent in ("own", "enemy") and attribution.side is Side.NONE \
            and _place_country(memory, place) == "RU" and "ours" not in text[change.start:change.end]:
        # "our units drove the enemy out of X" of a village in Russia, by nobody's side named: its own
        # side's voice (Kursk and Belgorod posts are mostly Russian channels')
        agent, how = (Side.RU if change.agent == "own" else Side.UA), "place"
    if agent is Side.NONE and trigger.home_side and attribution.kind == "journalist":
        # "X was liberated in February" in a Russian or Ukrainian outlet's own voice: its side's word
        agent = outlet_side(memory.article.source, memory.rules)
        how = "claimant" if agent is not Side.NONE else how
        if agent is Side.NONE and (_RUSSIAN_FRAMING.search(text) or memory.russian_agency
                                   or place.mention.start in memory.moscow_forms):
            # "liberating X in the Donetsk People's Republic", TASS, "Staromikhaylovka was liberated": told as Moscow tells it
            return Side.RU, "text"
        named = [a for a in named_claimants(text, memory.rules) if a.end <= change.start and a.side is not Side.NONE
                 and _SPOKE_OF.match(text, a.end)] if text and agent is Side.NONE else []
        if named:
            return named[-1].side, "text"  # "Putin spoke of the liberation of X": the liberator is his side
        word = change.start + 3 if text.startswith(("'s ", "’s "), change.start) else change.start  # (past "the city's")
        if agent is Side.NONE and _place_country(memory, place) in ("UA", "RU") and \
                not _QUOTED_WORD.search(text, max(0, word - 1), word + 1):
            # any other outlet's own "the liberation of Kherson city": its country's troops came back
            # (a Russian "liberation" of a Ukrainian town is quoted as theirs)
            return Side(_place_country(memory, place)), "place"
    if agent is Side.NONE and trigger.home_side and attribution.side is Side.NONE and "(" in attribution.claimant \
            and attribution.kind == "official" and _place_country(memory, place) == "UA" \
            and not _QUOTED_WORD.search(text, max(0, change.start - 1), change.start + 1):
        # a named official of neither side ("Lithuanian MEP X said A was liberated"): as an outlet's own
        # "liberated", Ukraine came back
        return Side.UA, "place"
    if agent is Side.NONE and fallback != "none":
        # the gain the paragraph (else the headline) stated with its side named: "Russian forces
        # took A ... the liberation of B" is told of one side's advance
        gain = memory.gain_side if memory.gain_side is not Side.NONE else memory.headline_gain
        if gain is not Side.NONE:
            return gain, "discourse"
    gains = agent if trigger.gains == "agent" else agent.opponent()
    if gains is Side.NONE and trigger.type is EventType.RECAPTURE and trigger.agent != "claimant" \
            and _place_country(memory, place) in ("UA", "RU"):
        # "a lightning advance recaptured A, B and C", nobody's side named: retaken by its own country
        # (not "X is ours again" from nobody's side: whose "ours" is unknown)
        return Side(_place_country(memory, place)), "place"
    if gains is Side.NONE and trigger.type is EventType.CAPTURE and trigger.agent != "claimant" and fallback != "none" \
            and _place_country(memory, place) in ("UA", "RU"):
        # "since its capture in May", nobody's side named: taken from the country it lies in
        return Side(_place_country(memory, place)).opponent(), "place"
    if gains is Side.NONE and change.agent == "enemy" and trigger.type is EventType.PARTIAL and trigger.gains == "agent" \
            and _place_country(memory, place) in ("UA", "RU"):
        # "the enemy has partially captured X" in nobody's voice: the enemy of whoever held X, as a
        # whole capture would be read (and a soldier of no side named who says so is of the other: "enemy")
        return Side(_place_country(memory, place)).opponent(), "enemy"
    if change.kind is EventType.PARTIAL and trigger.agent == "claimant" and trigger.gains == "opponent" and not change.holds_only \
            and gains is not Side.NONE and gains.value == _place_country(memory, place):
        # a share the speaker's enemy holds of the enemy's own town ('"They hold most of the south"', said by a
        # Russian of a Ukrainian town): what the holders keep, the rest lost to the speaker's side
        return gains.opponent(), how
    if change.holds_only and trigger.agent != "claimant" and gains is not Side.NONE and gains.value == _place_country(memory, place):
        # "Ukrainian troops hold only the western part of X": the rest of their own town is lost (a speaker's own "we
        # held only the southern part" tells the rest lost to the enemy, whoever held the place before)
        return gains.opponent(), how
    if change.held_share and gains is Side.UA and _place_country(memory, place) == "UA" \
            and Side.UA not in memory.gained.get(place.key, ()):
        # a Ukrainian's "the western half is ours" of a Ukrainian town: what is left of it to them, the rest
        # lost (not after the text told them pushing in: "troops have retaken the south ... 'Most of it is ours'")
        # (of a Russian town the holder depends on the year: left to the reader)
        return Side.RU, how
    return gains, how


def _regained(kind: EventType, gains: Side, place: PlaceRef, memory: _Discourse) -> EventType:
    """A side that takes a place of its own country retakes it: Ukraine "liberating" a Ukrainian
    village is a recapture; Russia taking back a Russian one too."""
    if kind is EventType.CAPTURE and gains is not Side.NONE and gains.value == _place_country(memory, place):
        return EventType.RECAPTURE
    return kind


# "said on Tuesday that": the day of the statement, not of the event
_SPEECH_DATE = compiled(r"\b(?:said|says|reported|reports|announced|claimed|stated|confirmed|wrote|added|told \w+)\s+"
                          r"(?:late\s+|early\s+|later\s+|earlier\s+)?$")
_YEAR = compiled(r"\b(?:19|20)\d\d\b")
_NOT_YET = compiled(r"\bnot\s+(?:\w+\s+)?yet\b|\byet\s+to\b", re.I)
_WEEKDAY = compiled(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
_WEEKDAY_BEFORE = compiled(r"\b(" + "|".join(WEEKDAYS) + r"),?\s+(?:the\s+)?$", re.I)
_MONTH_NAME = compiled(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b\.?")
_RECENT_DAYS = dt.timedelta(days=31)
_PREMATURE = compiled(r"\bpremature\b", re.I)
_OWN_GAIN_WORD = compiled(r"(?:liberat|freed\b)", re.I)  # what a side calls its own gains
_APPOSITION_OPENS = compiled(r"[^,;]{0,80}?,\s+(?:the|a|an|which|where)\s+[^,;]*$")  # "X, the town Ukraine had ..."
_CLOSES_BEFORE_DATE = compiled(r"[^,;]{0,60}?,\s*(?:in|on|at|during|by|late|early|around)?\s*")  # "... seized, in March"
_THAT_SEASON = compiled(r"\b(?:that|the same|the following) (?:summer|spring|autumn|fall|winter|year)\b")  # history told on
_HEADLINE_AS = compiled(r"\s*(?:as|while|whereas|after)\s", re.I)
_SOON = r"(?:only\s+|just\s+)?(?:hours|minutes|moments|days|a day|a few days|shortly|soon)\s+"  # "hours after", "shortly before"
_TIME_CLAUSE = compiled(r"[\s,]*(?:" + _SOON + r")?(?:after|before|when|as|until|then)\b", re.I)
_DAY_HEADING = compiled(r"\s*(?:[:–—]|-\s)")  # "Friday, May 10: ...", "May 10 – ...": a timeline's day
_DAY_ONLY = compiled(r"\s*(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|"
                     r"FRIDAY|SATURDAY|SUNDAY)(?:,?\s+\d{1,2}\s+[A-Za-z]+|,?\s+[A-Za-z]+\s+\d{1,2})?)\s*[.:–—-]?\s*")
_PREPOSITION_FIRST = compiled(r"\s*(?:on|in|by|at|from|since|until)\b", re.I)
_APPOSITION_CLOSES = compiled(r",\s+(?:is|are|was|were|became|remains|remained)\s")  # (its clause's verb follows)
_LOCATING_APPOSITION = compiled(r",\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:village|town|city|settlement|hamlet)\s+)?"
                                  r"(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|"
                                  r"near|outside)\s+(?:of\s+)?$", re.I)
_WHERE_AT = compiled(r",?\s*where\b")
_TOWN_SIZE = 10_000  # people: a place this big is no "village"
_CITY_SIZE = 500_000  # nor this big a "town"
_DAY_HEADING_REACH = 30  # characters from its paragraph's first sentence's start a timeline's day may end by
_REGION_AFTER = compiled(r"[^,;.]{0,40}\b(?:region|oblast|province)\b", re.I)  # "pushed out of most of the Kursk region"
_SAID_OF_BEFORE = compiled(r"[”\"’']?,?\s+(?:[\w’'-]+\s+){0,5}?(?:said|says|added|wrote|told\s+\w+)\s+of\s+(?:the\s+(?:town|village|city)\s+of\s+)?$")
_HEAD_OF_BEFORE = compiled(r"\b(?:head|chief|mayor|governor|spokes\w+|official|officials|deputy|secretary)\s+of\s+$", re.I)
_AUTHORITY_AFTER = compiled(r"(?:['’]s)?\s+(?:(?:(?:[Cc]ity|[Tt]own|[Vv]illage|[Pp]atrol|[Ll]ocal)\s+)*(?:[Mm]ayor|[Hh]ead|[Aa]uthorities|"
                             r"[Cc]ouncil|[Pp]olice)|(?:[Cc]ity|[Tt]own|[Vv]illage)\s+(?:[Mm]ilitary\s+)?[Aa]dministration)\b")
# (not "Kharkiv military administration": the region's; "the Pokrovsk city military administration" is the town's)
_GLOSS = compiled(r",\s+(?:handing|giving|marking|making|dealing|ending|leaving|capping)\s")  # the outlet's comment on a statement
_STATE_WORD = compiled(r"occup|held|hold|control|\btheirs\b", re.I)  # (a state dated by its start: "theirs since March")
_BEGAN_BEFORE = compiled(r"\b(?:began|begun|started)\s+(?:on\s+|in\s+)?$", re.I)
_PRONOUN_DENIES = compiled(r"\s*(?:He|She|They)\s+(?:also\s+|later\s+|again\s+|has\s+|had\s+|have\s+)*"
                            r"(?:denied|rejected|dismissed|refuted|disputed)\b")
_WHEN_AFTER = compiled(r",\s+when\b")
_SINCE_BEFORE = compiled(r"\bsince\s+(?:the\s+|early\s+|late\s+)?$", re.I)
_SPOKE_OF = compiled(r"\s+(?:[\w’'-]+\s+)?(?:spoke|speaks|talked|talks|hailed|hails|praised|praises|celebrated|"
                       r"celebrates|congratulated|congratulates|welcomed|welcomes|marked|marks|announced|announces)\b")
_NEW_SUBJECT = compiled(r"\b(?:a|an|another|one)\s+(?:[\w’'-]+\s+){0,3}$", re.I)  # "a Ukrainian MP " before "deleted"
_LISTENER_THEN_DAY = compiled(r"\s+(?:[A-Z][\w’'-]+\s+){1,3}")  # "told Vladimir Putin " before "on Thursday"
# Moscow's terms glossed as Moscow's ("the so-called DPR", "what Moscow calls its special military operation",
# "the Russian-backed Donetsk People's Republic (DPR)"): another's words, not the text's own
_DISOWNING = (r"so-called|self-proclaimed|self-styled|calls?|called|dubbed|terms?|termed|euphemism|"
              r"[\w-]+-(?:backed|installed|controlled|appointed)|breakaway|unrecogni[sz]ed|puppet|separatist")
_TERM_GLOSSED = compiled(r"(?:" + _DISOWNING + r"|annexed|Russia['’]s|Moscow['’]s|Kremlin['’]s|Putin['’]s)"
                         r"\W+(?:[\w-]+\s+){0,6}[“\"'‘]?$|\(\s*$|,\s*or\s+$")
# (glossed so, a term is disowned, and the text's others with it: "the so-called DPR"; "Russia's special
# military operation" and "the Donetsk People's Republic (DPR)" are not)
_TERM_DISOWNED = compiled(r"(?:" + _DISOWNING + r")\W+(?:[\w-]+\s+){0,6}[“\"'‘]?$")
# the words of one who writes about Moscow's proxies from outside them
_OUTSIDER_WORDS = compiled(r"\b(?:[Rr]ebels?|[Ss]eparatists?|[Ii]nsurgents?|[Pp]ro-(?:Russian|Moscow|Kremlin)|"
                           r"(?:Russian|Moscow|Kremlin)-(?:backed|installed|controlled|appointed|led))\b")
_SINGLE_QUOTED = compiled(r"(?<!\w)['‘][^'’\n]{1,80}['’](?!\w)")


def moscow_terms(own: str) -> int:
    """How often a text uses Moscow's terms ("DPR", "special military operation") as its own: none when it
    disowns one of them once ("the so-called DPR") or speaks of the rebels they stand for ("rebels of the
    DPR", "DPR separatists"); a term glossed as Moscow's ("Russia's special military operation") is not
    counted."""
    terms = list(_RUSSIAN_FRAMING.finditer(own))
    if not terms or _OUTSIDER_WORDS.search(own) \
            or any(_TERM_DISOWNED.search(own, max(0, m.start() - 45), m.start()) for m in terms):
        return 0
    return sum(1 for m in terms if not _TERM_GLOSSED.search(own, max(0, m.start() - 45), m.start()))


def _quoted(text: str, position: int) -> bool:
    """Whether a position lies inside a quotation, double- or single-quoted ("the 'liberation of X'")."""
    return any(a <= position < b for a, b in quotations(text)) or \
        any(m.start() <= position < m.end() for m in _SINGLE_QUOTED.finditer(text, max(0, position - 90), position + 90))
_RUSSIAN_FRAMING = compiled(r"People['’]s Republic|\b(?:DPR|LPR|DNR|LNR|SVO)\b|special military operation|Kiev regime")
# a Russian agency's own copy, by its dateline or its byline line ("Zvezda | 15 June 2025, 11:47")
_RUSSIAN_DATELINE = compiled(r"/TASS/|\((?:TASS|RIA Novosti|Interfax|Sputnik)\)|(?m:^(?:TASS|RIA Novosti|Izvestia|Zvezda|RT|Sputnik|"
                             r"Rossiyskaya Gazeta|Komsomolskaya Pravda)\s*[|—–]\s)")
_QUOTED_WORD = compiled(r"[“\"‘']")
_ALLEGED_BEFORE = compiled(r"\b(?:alleged|so-called|purported|supposed|claimed)\s+[“\"‘']?$", re.I)
_TAKING_KINDS = frozenset({EventType.CAPTURE, EventType.RECAPTURE, EventType.PARTIAL})  # a place taken, whole or in part
_ALSO = compiled(r"\b(?:also|too|as well)\b", re.I)
_VILLAGE_NOUN = compiled(r"\b(?:the|a)\s+(?:[\w-]+\s+)?(?:village|hamlet)\b", re.I)
_CALLED_VILLAGE = compiled(r"\b(?:village|hamlet|settlement)\s+of\s+$", re.I)
_VILLAGE_OF = compiled(r"\b(?:village|hamlet)\s+of\s+$", re.I)
# "X, a small village", "A and X, two villages that ..."
_VILLAGE_APPOSITION = compiled(r"(?:\s*(?:,|,?\s+and)\s+[A-ZА-ЯІЇЄ][\w’'-]*(?:\s+[A-ZА-ЯІЇЄ][\w’'-]*)?){0,4},\s+"
                                 r"(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:village|hamlet)|"
                                 r"(?:the\s+)?(?:two|three|four|five|both|several|\d+)\s+(?:[\w-]+\s+)?(?:villages|hamlets))\b")
_MAYOR_OF_BEFORE = compiled(r"\b(?:[Mm]ayor|[Hh]ead)\s+of\s+(?:the\s+(?:town|city|village)\s+of\s+)?$")
# the mayor's words on "the city" right after the mayor is named ("the mayor of X announced that the city")
_TOLD_OF_OWN_TOWN = compiled(r"(?:,\s+[^,;:]{1,40},)?\s+(?:(?:on|late\s+on|early\s+on)\s+\w+\s+|also\s+|later\s+)?"
                             r"(?:said|says|announced|announces|confirmed|confirms|reported|reports|wrote|writes|told\s+[\w-]+(?:\s+[\w-]+)?)"
                             r"(?:\s+(?:on|late\s+on|early\s+on)\s+\w+)?(?:\s+that)?\s+")
_SPEAKERS_OWN_TOWN = compiled(r"(?:his|her|our)\s+(?:home\s+|native\s+)?(?:town|city|village)", re.I)
_DESCRIBED = compiled(r"(?:,(?:[^,.;]|(?<=\d)[,.](?=\d)){0,120},)?\s+(?:lies|lay|sits|sat|stands|stood|is\s+(?:a|an|located|situated|home|about|some)\b|"
                      r"was\s+(?:a|an|once|home)\b|had\s+(?:a|about|around|some|nearly|\d)|(?:has|had)\s+become\b|became\b|remains\s+(?:a|an)\b)")  # (not "X had fallen", "X was captured")
_APPOSITION_AFTER = compiled(r",\s+(?:the|a|an|which|where)\s")  # a place told of in its own apposition
_ROUTE_END = compiled(r"\b(?:between|from)\s+(?:the\s+(?:towns?|cities|villages?)\s+of\s+)?(?:[A-Z][\w’'-]+\s+(?:and|to)\s+)?$")
_CALLED_TOWN = compiled(r"\btown\s+of\s+$", re.I)
# "- A, B and C (Zaporizhzhia Oblast);", "◾️ A" after "as follows:", or a line that holds a name and no more, closed as
# an item is ("A (Donetsk region);", "B."; not a subheading: "Kupiansk")
# (or a timeline's dated entry: "June 11 - A and B, the first villages retaken.", "Late June - C.")
_DATED_ENTRY = compiled(r"\s*(?:[Oo]n\s+)?(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[ -])?(?:\d{1,2}\s+)?(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
                        r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
                        r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+(?:19|20)\d\d)?\s*[-–—:]\s|"
                        # (or its day of the week: "Fri 10 — A and B.", "Tuesday: C.")
                        r"\s*(?:[Oo]n\s+)?(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:rs?(?:day)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\.?"
                        r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?\s*[-–—:]\s")
# a list line's marker: a dash, bullet or number ("— A;", "1. A"), or an emoji bullet
_MARKER = r"(?:[-–—•*·]|\d{1,2}[.)])\s"
_EMOJI_MARKER = r"[▪◾◽▫■►▶🔹🔸🔺🔻]\ufe0f?\s*\S"
# (a heading of places with no colon opens a list too when marked lines follow it: "Villages taken in March\n1. A\n2. B")
_MARKED_LINE_NEXT = compiled(r"[ \t]*\n\s*(?:" + _MARKER + "|" + _EMOJI_MARKER + ")")
# (a name alone on its line, right after a colon or another such line: "... to Russian control in May:\n\nA\nB";
# not a subheading after a list's marked lines)
# (the line below a name is prose: "Kramatorsk\nTwo missiles hit the city on Tuesday, ...": the name heads a section)
_PROSE_LINE_NEXT = compiled(r"[ \t]*\n[ \t]*(?:[\w’'“\"-]+[ \t]+){4,}")
_MARKED_ITEM = compiled(r"\s*" + _MARKER)
_ITEM_OPENS = compiled(r"\s*(?:" + _MARKER + r")?\s*")  # (a line that opens on its place, marked or not)
# what may stand around a list item's day after its place, "|" for the day: " (|)", " — |.", ": |;"
_ITEM_DAY_AFTER = compiled(r"\s*(?:\(|[-–—:,]\s*)?(?:on\s+)?\|\s*\)?\s*[;.,]?\s*")
_NAME_ALONE = r"\s*[A-ZА-ЯІЇЄ][\w’'-]+(?:[ -][A-ZА-ЯІЇЄ][\w’'-]+){0,2}"
_NAME_ALONE_LINE = compiled(_NAME_ALONE + r"\s*")
# (or with a short note, such as its day: "A (11 June)", "A — 7 September")
_BARE_NAME_LINE = compiled(_NAME_ALONE + r"(?:\s*\([^()\n]{1,40}\)|\s+[-–—]\s+[^\n.;:—–]{1,40})?\s*")
_LIST_LINE = compiled(r"\s*(?:" + _MARKER + "|" + _EMOJI_MARKER + r")|\s*[A-ZА-ЯІЇЄ][\w’'-]+(?:[ -][A-ZА-ЯІЇЄ][\w’'-]+){0,2}\s*"
                      r"(?:\([^()\n]{1,60}\)|,\s+[^;.\n:]{1,60})?\s*[;.,]\s*$|" + _DATED_ENTRY.pattern)


def _listed_line(view: SentenceView, memory: _Discourse) -> bool:
    """A line of the open list: marked, closed as an item, dated, or a name alone where names alone may be:
    the first after the colon, or one right below another, and not a subheading over prose."""
    if _LIST_LINE.match(view.text) is not None:
        return True
    if not memory.bare_names or _BARE_NAME_LINE.fullmatch(view.text) is None:
        return False
    text = memory.article.text
    if not memory.bare_after_colon and "\n\n" in text[memory.last_end:view.sentence.start]:
        return False  # ("A\nB\n\nKramatorsk\nTwo missiles hit ...": a new section's heading)
    # (a name with its note is an item whatever follows: "B (28 February)\nThe map also shows ...")
    return _NAME_ALONE_LINE.fullmatch(view.text) is None or _PROSE_LINE_NEXT.match(text, view.sentence.end) is None


# a sentence that is a list of names and nothing else (two or more), as a quotation may open:
# "“Tonenke, Umanske, Yasnobrodivka.”" after "liberated three more villages, he said"
_NAME = r"[A-ZА-ЯІЇЄ][\w’'-]+(?:[ -][A-ZА-ЯІЇЄ][\w’'-]+){0,2}"
_BARE_NAME_LIST = compiled(r"\s*[“\"«]?\s*" + _NAME + r"(?:(?:\s*,\s*" + _NAME + r"){1,}(?:\s*,?\s+and\s+" + _NAME + r")?|\s+and\s+" + _NAME + r")"
                           r"\s*[.;]?\s*[”\"»]?\s*")
# (not the start of a push the list's gains came in: "have retaken the following villages since launching a counterattack:")
_FIGHTING_LIST_INTRO = compiled(r"(?<!launching a )(?<!launched a )(?<!launching its )(?<!launched its )(?<!start of the )"
                                r"(?<!start of a )(?<!began a )(?<!began its )\b(?:repel\w*|repuls\w*|attack\w*|fighting|fights?|fought|shell\w*|strikes?|struck|clash\w*|"
                                r"assaults?|battles?|counter-?attack\w*|hit)\b[^:]{0,80}:\s*$", re.I)
_SPEAKERS_TODAY = compiled(r"(?:today|this morning|this afternoon|this evening|tonight)", re.I)
# "a position near", "the bridge outside": a singular thing the place only locates
_THING_BEFORE = compiled(r"\b(?:a|an|the|one)\s+(?:[\w-]+\s+){0,2}?[a-z]+(?<!s)\s+(?:near|outside|close\s+to|around|"
                           r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+$")
_COUNT = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)"
# "listed A and B", "listed five: A, B ...", "named them: A, B", "..., naming A and B", "added four more, A, B ..."
LISTED_BY = compiled(r"\b(?:(?:listed|named|listing|naming)\s+(?:(?:them|(?:the\s+)?(?:first\s+)?" + _COUNT
                      + r"(?:\s+of\s+them)?)\s*[:—–]\s*)?|"
                      r"added\s+(?:another\s+)?" + _COUNT + r"\s+more\s*[,:—–]\s*)(?=[A-ZА-ЯІЇЄ])")
# what may follow the last place a speaker lists: its region, then the end or their next words
# (the place's whereabouts first: "... and D just across the regional boundary in the Donetsk region")
_LIST_TAIL = compiled(r"(?:\s+(?:just\s+|further\s+|farther\s+)?(?:across|beyond|over|along|north|south|east|west|near)\b[^,;.]{0,50}?)?"
                      r"(?:\s+(?:in|of)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}(?:region|oblast|Oblast|Region))?\s*"
                        r"(?:[.;]|,\s+(?:saying|adding|and\s+said|noting)\b.*)?\s*", re.S)
_CLOSED_RELATIVE = compiled(r",\s*(?:which|who|where)\b")
# a relative clause on a place opened right before a speaker: ", which Moscow", ", a village Russia says"
# (the place may be located between: ", a village southwest of Pokrovsk that Russia claimed")
_RELATIVE_AFTER = compiled(r",\s+(?:which|where|(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:village|town|city|settlement|hamlet)"
                             r"(?:\s+(?:[\w-]+\s+){0,2}?(?:of|near|outside|in)\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?"
                             r"(?:\s+(?:that|which))?)\s+(?:[\w’'-]+\s+){0,3}$")

_RELATIVE_AT = compiled(r"[\s,]*(?:which|that|where|(?:the|a|one|two|three|four|five|both|several)\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:villages?|towns?|city|cities|settlements?|hamlets?)\b)")
# "X, the largest town in the region seized by Ukraine last summer": history in an apposition on the place
_APPOSITION_BEFORE = compiled(r",\s+(?:the|a|one)\s+(?:[\w-]+\s+){0,3}?(?:villages?|towns?|city|cities|settlements?|hamlets?)\b[^,;]{0,60}$")
_BUT_CLAUSE = compiled(r",\s+(?:but|however|yet)\s")  # "Russia claims X, but the village is ...": the outlet's clause
# (not the speaker's own words said again: "repeated the claim, saying the town remained under Ukrainian control")
_CLAIM_NOUN = compiled(r"(?<!\brepeated the )(?<!\breiterated the )(?<!\brepeats the )(?<!\breiterates the )"
                       r"\b(?:claims?|reports?|statements?|assertions?|allegations?|announcements?|fairy[- ]tales?|propaganda)\b", re.I)
_PLURAL_NAMING = compiled(r"\b(?:villages|settlements|towns|localities|hamlets)\s+of\s+$")  # "the villages of A, B and C"
_SOME_OF_THEM = compiled(r"\b(?:including|among them|among others|such as|for example)\b", re.I)
_RELATIVE_OPEN = compiled(r",\s+(?:who|whose|which|where)\b[^,;]*$")


def _in_aside(text: str, position: int, change_start: int) -> bool:
    """Whether a date stands in a relative clause closed before the change: a speaker's past
    ("Girkin, who in 2014 led the separatists, said that ..."), not the change's day."""
    comma = text.rfind(",", 0, position)  # the clause the date stands in opens at the last comma before it
    if position > change_start and comma != -1 and _QUOTE_CLOSES.search(text, change_start, comma) \
            and _RELATIVE_OPEN.match(text, comma, position) is not None:
        # ('"They have everything east of the centre," said a medic, who was evacuated last week': the speaker's
        # past, after the quotation closed)
        return True
    return position < change_start and comma != -1 and _RELATIVE_OPEN.match(text, comma, position) is not None \
        and text.find(",", position, change_start) != -1 \
        and not _TIED_TO_CLAUSE.search(text, position, change_start)  # "which X took on 17 May, hours after Y ordered ..."


_TIED_TO_CLAUSE = compiled(r",\s+" + _SOON + r"(?:after|before)\b")


def _in_told_year(dates: list[DateExpression], memory: "_Discourse", published: PublishedDate | None,
                  future: list[DateExpression], sentence: str = "", paragraph: int = -1) -> list[DateExpression]:
    """"In early September 2022, Ukraine struck back. Its troops retook X on 8 September": a day
    written without its year, in a passage telling of an earlier year, is of that year (also one
    that, read in the publication's year, would come after it: taken out of ``future``). The year
    holds until a date of its own year comes, or one told from the present ("on Tuesday"); in a
    paragraph of its own, a day of the last weeks before publication is told from the present too
    (unless its month is the passage's or the next: an anniversary piece tells its days again)."""
    if published is None or not (dates or future):
        return dates
    out = []
    for d in sorted(dates + future, key=lambda d: d.start):
        told = memory.told_year
        if told is not None and paragraph != memory.told_paragraph and d not in future \
                and dt.timedelta(0) <= published.date - d.date <= _RECENT_DAYS + (_RECENT_DAYS if d.precision is DatePrecision.MONTH else dt.timedelta(0)) \
                and (d.date.month - told.month) % 12 > 1:
            # (a month is dated by its first day: "in November" in a December paper is of the last weeks too)
            memory.told_year = told = None  # "... until September 2022.\n\nThe ministry claimed X on May 5": this May
        weekday = _WEEKDAY.search(d.text) or _WEEKDAY_BEFORE.search(sentence, max(0, d.start - 12), d.start)
        if weekday is not None and d.precision is DatePrecision.DAY and \
                WEEKDAYS.index(weekday.group(1).lower()) == d.date.weekday():
            # "Saturday, May 11" falls on a Saturday in the year read: that year, whatever passage it is in
            memory.told_year = told = None
        if told is not None and told.year < published.date.year and _MONTH_NAME.search(d.text) \
                and not _YEAR.search(d.text) and d.precision in (DatePrecision.DAY, DatePrecision.MONTH) \
                and not _THIS_YEAR_AFTER.match(sentence, d.end):  # ("on 31 July this year": this year's)
            # that year, or the next when the month comes round again ("November 2023 ... on 20 February")
            year = told.year + (1 if d.date.month < told.month else 0)
            try:
                moved = d.date.replace(year=year)
            except ValueError:  # 29 February
                moved = d.date
            if moved <= published.date:
                if d in future:
                    future.remove(d)
                d = replace(d, date=moved)
        if d not in future:
            out.append(d)
    for d in out:
        if d.text.lower().startswith("since "):
            continue  # "on the front line since 2014": a period's start tells no passage of that year
        if _YEAR.search(d.text) or (memory.told_year is not None and _MONTH_NAME.search(d.text)):
            memory.told_year = d.date
            memory.told_paragraph = paragraph
        elif not _MONTH_NAME.search(d.text):
            memory.told_year = None  # "on Tuesday", "this week": the present again
    return out


# "[Translated from the X Telegram channel]", "Source: X" near the top: the text is X's post or tells X's news
_REPOSTED_FROM = compiled(r"^[ \t]*[\[(]?(?:(?:Translated|Reposted|Republished|Taken|Quoted|Adapted|Post) from|Source:|"
                            r"(?:A\s+)?(?:Post|Statement|Message|Update)\s+(?:on|in)\s+(?:the\s+)?(?:Telegram\s+|Facebook\s+)?"
                            r"(?:channel|page|account)\s+of)\s+"
                            r"(?:the\s+)?(?P<name>[^\n\]]{2,80}?)[\])]?(?:,\s+[^\n,:]{1,30})?[ \t.:]*$", re.M)
_HEAD_REACH = 400


# a side moving into a place ("had entered X", "broke into X", "raised a flag over X"): its claim a denial may deny
_ENTRY = compiled(r"(?:enter|broke|break|burst|advanc|push|penetrat|infiltrat|storm|rais|hoist|plant|gain|reach|roll|march|drove|driv|moved|moving|moves)", re.I)


def _actor(change: Change, attribution: Attribution, text: str) -> Side:
    """The side a contested change says moved into the place, if it says one did."""
    if change.kind is not EventType.CONTESTED or not _ENTRY.match(text, change.start):
        return Side.NONE
    return Side(change.agent) if change.agent in ("RU", "UA") else attribution.side if change.agent == "own" else Side.NONE


def _reposted_from(article: Article, rules: Rules) -> Attribution | None:
    """The claimant a text says it is the post of, near its top ("[Translated from the X Telegram
    channel]"), whose voice the text's unattributed claims are in."""
    for m in _REPOSTED_FROM.finditer(article.text, 0, _HEAD_REACH):
        named = named_claimants(m.group("name"), rules)
        if named:
            return replace(named[0], start=0, end=0, verb="")
    return None


# a text that opens as an assessor's own update ("Latest Defence Intelligence update on the situation in
# Ukraine"): its voice, where the text names no other speaker, with the outlet's reserve (its "X remains
# under Ukrainian control" denies nobody's claim); a side's own documents are voices.py's issuers
REPORT_VOICE = "in its own report"  # the verb of a report's own voice (see _report_of)
_REPORT_HEADING = compiled(r"[ \t]*(?P<name>[^\n]{2,80}?)\s+(?:update|assessment)\b"
                           # (the heading of the document itself: nothing after it but what it is on, or its date;
                           # not a story about one, "Kremlin assessment rejected by Kyiv", "Pentagon assessment leaked")
                           r"(?=[ \t]*(?:(?:on|of|for|in)[ \t]+(?:the[ \t]+)?(?:situation|war|battlefield|fighting|front|Ukraine)\b|as[ \t]+of\b|:|"
                           r"[,–—-]?[ \t]*(?:\d|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)|\n|$))", re.I)


def _report_of(article: Article, rules: Rules) -> Attribution | None:
    """The body whose own report the text's first line says it is."""
    m = _REPORT_HEADING.match(article.text)
    if m is None:
        return None
    named = named_claimants(m.group(), rules)
    # (the whole of the words before "update" name the body: not "Ukraine war update" nor "Kremlin says ... update")
    if len(named) == 1 and named[0].start <= 7 and named[0].end >= m.end("name") and named[0].kind != "journalist":
        return replace(named[0], start=0, end=0, verb=REPORT_VOICE)
    return None


# a post that opens on one side's flag ("🇷🇺 NOVOGRODOVKA IS OURS", "🇺🇦 Tonenke: the situation"): a
# channel of that side, whose voice the unattributed lines are in ("our units", "the enemy")
_OPENING_FLAG = compiled(r"\s*(?:[^\w\s\U0001F1E6-\U0001F1FF]{1,3}\s*)?(?P<flag>\U0001F1F7\U0001F1FA|\U0001F1FA\U0001F1E6)(?P<rest>[^\n]*)")
_FLAG_VOICES = {"\U0001F1F7\U0001F1FA": "Russian media", "\U0001F1FA\U0001F1E6": "Ukrainian media"}


def _flagged_post(article: Article, rules: Rules) -> Attribution | None:
    """The side's channel a post's opening flag names (not when the line shows both flags, nor when
    the flag is the bullet of a speaker's line: "🇷🇺 Russian MoD, 11:05: ...")."""
    m = _OPENING_FLAG.match(article.text)
    if m is None or any(flag in m.group("rest") for flag in _FLAG_VOICES if flag != m.group("flag")):
        return None
    rest = m.group("rest")
    if any(a.start <= len(rest) - len(rest.lstrip()) for a in named_claimants(rest, rules)):
        return None
    name = _FLAG_VOICES[m.group("flag")]
    rule = next((c for c in rules.claimants if c.name == name), None)
    return Attribution(name, Side(rule.side), rule.kind, 0, 0, "posted") if rule else None


# a force the text calls its own, in its own words: "our fighters took X", "we left X"
_OWN_FORCES = compiled(r"\b[Oo]ur\s+(?:[\w-]+\s+)?(?:fighters|troops|forces|units|soldiers|defenders|guys|boys|lads|men|paratroopers|"
                       r"marines|stormtroopers|warriors|servicemen|assault\s+(?:groups|units|troops)|brigade|regiment|battalion|corps|"
                       r"detachments|crews|garrison)\b|"
                       r"\b[Ww]e\s+(?:have\s+)?(?:took|taken|captured|liberated|cleared|entered|left|withdrew|withdrawn|pulled)\b")
# a place held in the channel's own first person: "most of X is now under our control", "X is ours" (not in
# another's words: "the governor said that X is under our control"; "we can already say" is the channel's)
_OWN_HOLDING = compiled(r"\b(?:under|in)\s+our\s+(?:full\s+)?(?:control|hands)\b|\b(?:is|are)\s+(?:now\s+|fully\s+|again\s+)?ours\b",
                        re.I)  # ("X IS OURS")
# a post's closing words in one side's voice, the last of the text ("... Glory to Ukraine!", "Glory to Russia! #SVO")
_SIGN_OFF = compiled(r"\bGlory to (?:Ukraine|Russia)!(?:\s*Glory to (?:the|our) (?:heroes|defenders)!)?(?:\s*#\w+)*\s*$")
_SENTENCE_OPENS = compiled(r"[.!?\n]")
_FIRST_PERSON_BEFORE = compiled(r"\b(?:we|I)\s+(?:[\w’'-]+\s+){0,2}$", re.I)  # "we can already say": the channel's own


def _held_in_own_words(own: str, rules: Rules) -> bool:
    """Whether the text, outside quotation marks, holds a place in the first person in a sentence of its
    own, with no one else's verb of saying (or "according to") before it in that sentence."""
    for m in _OWN_HOLDING.finditer(own):
        opens = max((o.end() for o in _SENTENCE_OPENS.finditer(own, max(0, m.start() - 300), m.start())), default=0)
        reported = [v for v in rules.reporting_verbs.finditer(own, opens, m.start())
                    if not _FIRST_PERSON_BEFORE.search(own, opens, v.start())]
        if not reported and "according to" not in own[opens:m.start()].lower():
            return True
    return False


def _voiced_by_words(article: Article, rules: Rules, moscow_spelt: bool = False) -> Attribution | None:
    """A side's channel when the text, outside quotation marks, calls troops "our" and names the enemy
    only in one side's words ("Our fighters took X, the khokhols fled": Russia's; "our defenders" and
    "the orcs": Ukraine's), or, naming the enemy in nobody's slang, names Russia's forces from outside
    ("our brigade took X, the Russians fled": Ukraine's) or keeps to Moscow's terms or spellings ("Our
    units hold half of Volchansk", "our guys cleared a village of the DPR"): Russia's; whose voice its
    unattributed claims are in."""
    text = article.text
    signed = _SIGN_OFF.search(text) is not None  # (a post signed "Glory to Ukraine!" is in its side's own voice)
    if _OWN_FORCES.search(text) is None and _OWN_HOLDING.search(text) is None and not signed:
        return None  # (most texts: no "our" troops at all)
    own = unquoted(text)
    if _OWN_FORCES.search(own) is None and not _held_in_own_words(own, rules) and not (signed and _SIGN_OFF.search(own)):
        return None
    sides = {side for pattern, side in rules.voice_words if pattern.search(own)}
    if not sides and _outside_russia(own, rules):
        sides = {Side.UA}  # "our brigade took X; the Russians fled": a Ukrainian post, whatever its spelling
    elif not sides and (moscow_spelt or moscow_terms(own)):
        sides = {Side.RU}
    elif not sides and (flag := flown_flag(own)) is not Side.NONE:
        # (or flies one side's flag, and only that one: "🇷🇺 X is completely cleared! ... our guys hold the outskirts")
        sides = {flag}
    if len(sides) != 1:
        return None
    name = _VOICE_CHANNELS[sides.pop()]
    rule = next((c for c in rules.claimants if c.name == name), None)
    return Attribution(name, Side(rule.side), rule.kind, 0, 0, "posted") if rule else None


def _outside_russia(text: str, rules: Rules) -> bool:
    """Whether a text speaks of Russia's forces from outside them ("the Russians took X", "our defenders")."""
    return Side.RU in rules.outside_words and rules.outside_words[Side.RU].search(text) is not None


_VOICE_CHANNELS = {Side.RU: "Russian media", Side.UA: "Ukrainian media"}


def _date_owner(date: DateExpression, changes: list[Change], text: str = "") -> Change:
    """The change a date goes with: the last one told before it ("took X in May"), else the first;
    the one before an apposition that closes right before the date (see _past_apposition)."""
    before = [c for c in changes if c.start <= date.start]
    after = [c for c in changes if c.start >= date.end]
    if text and after and _DAYS_AFTER.search(date.text) and not _COMMA_OR_STOP.search(text, date.end, after[0].start):
        return after[0]  # "retook A, a day after announcing the recapture of B": the day before is B's
    if text and before and after and _CLAUSE_BREAK.search(text, before[-1].end, date.start) \
            and not _COMMA_OR_STOP.search(text, date.end, after[0].start):
        return after[0]  # "took A on Thursday, and on Monday they took B": Monday opens the next clause, B's
    return _past_apposition(date, changes, text) or (before[-1] if before else changes[0])


_DAYS_AFTER = compiled(r"\bdays? after$", re.I)
_AND_ON_DAY_BEFORE = compiled(r",\s+and\s+(?:(?:late|early|later)\s+)?(?:on\s+)?$")
_THAT_AFTER_DAY = compiled(r"\s+(?:(?:evening|morning|night)\s+)?that\b")
_OPENS_ITS_CLAUSE = compiled(r"\byears? (?:to the day )?after$", re.I)
_CLAUSE_BREAK = compiled(r",\s+(?:and|but|while|whereas|then)\s+|;\s+")
_COMMA_OR_STOP = compiled(r"[,;.:]")


def _past_apposition(date: DateExpression, changes: list[Change], text: str) -> Change | None:
    """"retook X, the town Ukraine had seized, in March": the retaking's date, after the apposition
    on its place closes."""
    before = [c for c in changes if c.start <= date.start]
    if len(before) >= 2 and _APPOSITION_OPENS.match(text, before[-2].end, before[-1].start) \
            and _CLOSES_BEFORE_DATE.fullmatch(text, before[-1].end, date.start) \
            and not (_MONTH_NAME.search(text, before[-2].end, before[-1].start) or _YEAR.search(text, before[-2].end, before[-1].start)
                     or _WEEKDAY.search(text, before[-2].end, before[-1].start)):  # (not when it has a date of its own)
        return before[-2]
    return None


def _without_apposition_dates(dates: list[DateExpression], change: Change, changes: list[Change],
                              text: str) -> list[DateExpression]:
    """The dates of a clause but those of another change told in an apposition on the subject
    ("X, a town occupied since March, was back in Ukrainian hands": March is the occupation's)."""
    return [d for d in dates if not (d.start < change.start and _APPOSITION_CHANGE.search(text, 0, d.start)
                                     and _date_owner(d, changes, text).start < d.start)
            # ("The village, seized by Russian forces in 2022, is now under Ukrainian control": 2022 is the seizure's)
            and not _in_participle_apposition(d, change, text)
            # ("Russia claims X, the village Ukraine fought so hard to take in 2023": the apposition's year)
            and not (d.start >= change.end and APPOSITION_OPENS_BEFORE.search(text, change.end, d.start))]


def _in_participle_apposition(date: DateExpression, change: Change, text: str) -> bool:
    """A date told in a participle's apposition before the change: "X, held by Ukraine since August, has
    been liberated"."""
    return date.start < change.start and _PARTICIPLE_APPOSITION.search(text, 0, date.start) is not None \
        and "," in text[date.end:change.start]


_AND_ONLY = compiled(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_AND_NO_COMMA = compiled(r"[^,;:]*\band\s+(?:then\s+|later\s+)?")
# a speaker the sentence names, recognised or not: "..., the Associated Press reported.", "according to the
# occupiers", "X claims that ...", "reported by a Russian blogger"
_SAYS = r"(?:said|says|say|reported|reports|report|claimed|claims|claim|wrote|writes|write|added|adds|stated|states|announced|told)"
_RELAYED = compiled(rf"\b(?:[Aa]ccording to|(?:reported|cited|quoted|relayed) by)\b(?P<after>[^,;.]{{2,60}})|,\s+(?P<who>[^,;]{{2,80}}?)\s+{_SAYS}(?:\s+on\s+\w+)?\s*[.!]?\s*$"
                    rf"|(?:^\W*|[–—-]\s+)(?P<subject>[^,;:–—]{{2,80}}?)\s+{_SAYS}\s+(?:that\s+)?")  # (after a dateline too)
# (whose words a state outlet only relays: the other side's, or a foreign outlet's or analyst's; its own side's
# soldiers and officials it speaks with: "soldiers told TASS that ...")
_FOREIGN = r"Western|American|British|European|Associated Press|AP|Reuters|AFP|Bloomberg|New York Times|Washington Post|Financial Times|BBC|CNN|ISW|Institute|analysts?"
_OTHER_VOICES = {Side.RU: compiled(rf"\b(?:Ukrain\w*|Kyiv|Kiev|Bankova|Zelensk\w*|Syrsk\w*|DeepState|{_FOREIGN})\b"),
                 Side.UA: compiled(rf"\b(?:Russia\w*|Moscow|Kremlin|occupiers?|aggressor|enemy|invaders?|Rybar|TASS|RIA|{_FOREIGN})\b")}
_FALL_OF_BEFORE = compiled(r"\b(?:fall|capture|loss|liberation|surrender)\s+of\s+$")
_CHANGE_ADJUNCT_BEFORE = compiled(r"\b(?:after|following|since|before)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:fall|capture|loss|liberation|"
                                  r"seizure|occupation)\s+of\s+(?:the\s+(?:town|city|village)\s+of\s+)?$")
_AFTER_ANOTHER = compiled(r"[^,;:]*?\b(?:after|following)\s+(?:the\s+)?")


def _not_later_owned(dates: list[DateExpression], change: Change, changes: list[Change], text: str) -> list[DateExpression]:
    """The dates but those after the change that a later change owns ("retook X, the largest town
    seized by Ukraine last August": August is the seizure's, not the retaking's)."""
    return [d for d in dates if not (d.start >= change.end and _date_owner(d, changes, text).start > change.start)]


_AND_VERB_AFTER = compiled(r"(?:\s+(?:last|this)\s+year)?\s+and\s+(?:then\s+|later\s+|also\s+)?")
_PARTICIPLE_APPOSITION = compiled(r",\s+(?:(?:seized|captured|occupied|taken|held|liberated|retaken|recaptured|lost|abandoned|"
                                  r"controlled|defended|fortified)\s+(?:by|in|on|during|since|early|late|last)\b"
                                  r"|(?:in|under)\s+(?:Ukrainian|Russian|Ukraine['’]s|Russia['’]s)\s+(?:hands|control)\s+since\b)[^,;:]{0,80}$")
_APPOSITION_CHANGE = compiled(r",\s+(?:a|an|the)\s+(?:[\w’'-]+(?:,\d\d\d)*\s+){0,6}$")


_TIME_THEN_PLACE = compiled(r",?\s+")  # "in September B", "in September, B": nothing but a comma between the time and the place
_AND_BEFORE_TIME = compiled(r"(?:\band|,)\s+(?:then\s+)?(?:(?:in|on|by)\s+)?$")  # ("and in early July B": the time is "early July")
_DAY_RIGHT_AFTER = compiled(ITEM_ASIDE + r"(?:\s+followed)?\s+(?:(?:in|on)\s+)?")  # a list item's own time after its place


def _pick_date(dates: list[DateExpression], position: int) -> DateExpression | None:
    return min(dates, key=lambda d: abs(d.start - position)) if dates else None


_UNIT_NAME_END = compiled(r"(?:Corps|Legion|Battalion|Brigade|Group|RDK)$")
_FORCE_NOUN_AFTER = compiled(r"\s*(?:['’]s\s+)?(?:[\w-]+\s+)?(?:troops|forces|army|military|units|soldiers|"
                             r"fighters|defenders|servicemen|brigades?|assault|counter-?offensive|"
                             r"offensive|counter-?attack|advance|advances|gains)\b", re.I)  # ("the Russian Armed Forces")


_PRONOUN_OPENS = compiled(r"\s*(?:It|They)\s")
# "the enemy" as a subject acting ("The enemy is active near A", "the enemy has been attacking"), not
# "the enemy's losses" or "the enemy troops" (named as a force by side_words already)
_THE_ENEMY_SUBJECT = compiled(r"(?:(?<=[Tt]he )|[Tt]he )[Ee]nemy\s+(?:is|was|has|had|keeps|continues|remains|tried|tries|attempted|launched|"
                              r"pushed|advanced|attacked|concentrated|brought|threw|moved|made)\b")


def _acting_side(view: SentenceView, rules: Rules, speaker: Side = Side.NONE) -> Side:
    """The side a sentence names first as a force ("Russian troops", "Ukrainian forces"), if any;
    with the speaker's side given, also "the enemy" as the force it stands for."""
    for start, end, key in side_words(view.text, rules):
        if key == "enemy" and speaker in (Side.RU, Side.UA) and _THE_ENEMY_SUBJECT.match(view.text, start):
            return speaker.opponent()  # ("The enemy is active near A, the brigade said. It has ...")
        if key in ("RU", "UA") and _UNIT_NAME_END.search(view.text[start:end]):
            return Side(key)  # "the Russian Volunteer Corps said its fighters had entered X"
        if key in ("RU", "UA") and _FORCE_NOUN_AFTER.match(view.text[end:end + 40]):
            return Side(key)
    return Side.NONE


_TAKEN = frozenset({EventType.CAPTURE, EventType.RECAPTURE})
_CHECKED_CLAIM = compiled(r"\s*(?:[Tt]he\s+)?(?:Claim|CLAIM)s?\s*(?:\([^()\n]{1,60}\)\s*)?:")


_NAMED_AS = compiled(r"\W*The\s+(town|village|city|settlement)\s+(?:in\s+question\s+)?(?:is|was)\s+(?:called\s+)?")


def _named_as(views: list[SentenceView]) -> dict[int, tuple[str, PlaceRef]]:
    """The sentences that say which place "the village" is ("The village is Tykhe, a hamlet of 300"): index ->
    (noun, place)."""
    named: dict[int, tuple[str, PlaceRef]] = {}
    for view in views:
        if view.settlements and view.text.lstrip(" \"“‘'").startswith("The ") and (m := _NAMED_AS.match(view.text)):
            place = next((p for p in view.settlements if p.start == m.end() and not p.mention.text.endswith(("'s", "’s"))), None)
            if place is not None:
                named[view.index] = (m.group(1), place)
    return named


def draft_claims(views: list[SentenceView], voices: list[Voice], article: Article, rules: Rules,
                 country: dict[str, str], changes_of: list[list[Change]] | None = None,
                 moscow_forms: dict[int, int] | None = None, kyiv_spelling: bool = False) -> list[Draft]:
    """Every claim draft of the article, in text order (``changes_of``: find_changes of each view,
    when the caller has them already; ``moscow_forms``: the places written in their Russian form,
    geodata.forms, by where they are named; ``kyiv_spelling``: the text also writes one the Ukrainian way)."""
    memory = _Discourse(article, rules, country, moscow_forms, kyiv_spelling)
    drafts: list[Draft] = []
    claimed: set[int] = set()  # mention starts of the places changes were told of
    published = article.published
    # no publication date: a day written without its year takes the year of the text's latest full date
    year_from = latest_full_date(article.text) if published is None else None
    # "At the meeting, ...": the days of every sentence matter then (the occasion's may be told anywhere)
    occasion = any(rules.same_occasion.match(v.text) for v in views)
    memory.named_as = _named_as(views)
    memory.views = views
    memory.named_keys = frozenset(p.key for v in views for p in v.settlements)
    for v in views:
        for p in v.places:
            # (settlements only: not a dateline, where the reporter is; nor a given name the gazetteer also holds)
            if p.role == "settlement" and p.resolution.place is not None and not rules.persons.first_name.fullmatch(p.mention.text):
                memory.most_named[p.key] += 1
                memory.first_named.setdefault(p.key, (replace(p, role="settlement"), v.index))
    for view, voice in zip(views, voices):
        if memory.dateline is None and view.index <= 1:
            memory.dateline = next(((replace(p, role="settlement"), view.index) for p in view.places
                                    if p.role == "dateline" and p.resolution.place is not None), None)
            memory.feature_place = memory.feature_place or memory.dateline  # (the headline's: the dateline may be where the reporter is)
        if view.index == 0 and view.heading and len({p.key for p in view.settlements}) == 1 \
                and view.settlements[0].resolution.place is not None:
            memory.feature_place = (view.settlements[0], 0)
        text = view.text
        memory.read(view)
        if memory.frame is not None and view.index - memory.frame.view.index > _MAX_FRAME_DISTANCE \
                and not (memory.list_open and _listed_line(view, memory)):  # (a long list's later lines are still its own)
            memory.frame = None
        changes = changes_of[view.index] if changes_of is not None else find_changes(view, rules)
        if _YES_NO_QUESTION.fullmatch(text):
            changes = []  # "— Have Russian troops entered Pokrovsk?": an interviewer asks; nobody claims
        claimed.update(t.place.mention.start for c in changes for t in c.targets if t.place is not None)
        future: list[DateExpression] = []
        # dates matter in a claim's sentence, the one before (a speaker's day, "two days earlier"),
        # a frame's and a speaker's sentences
        following = changes_of[view.index + 1] if changes_of is not None and view.index + 1 < len(views) else True
        dates = find_dates(text, published, rules, future, year_from=year_from) if (
            changes or following or memory.frame is not None or voice.attributions or occasion
            or _MAY_ADD.search(text) and memory.rules.added.search(text)) else []
        dates = _in_told_year(dates, memory, published, future, text, view.sentence.paragraph)
        # (a heading opens its paragraph with the day itself: "Friday, May 10: ...", not "On 10 May - a day after ...")
        opens_paragraph = (view.index == 0 or views[view.index - 1].sentence.paragraph != view.sentence.paragraph) \
            and not _PREPOSITION_FIRST.match(text)
        # (or a line that is only the day: "Monday" above the day's news in a week's round-up)
        heading_day = next((d for d in dates if d.end <= _DAY_HEADING_REACH and d.precision is DatePrecision.DAY
                            and (_DAY_HEADING.match(text, d.end) or view.heading and not text[d.end:].strip(" .:"))),
                           None) if opens_paragraph else None
        if heading_day is None and dates and len(text) <= _DAY_HEADING_REACH and _DAY_ONLY.fullmatch(text):
            # "... round-up. SATURDAY. The ministry announced ... SUNDAY. ...": a day told alone in the paragraph
            heading_day = next((d for d in dates if d.precision is DatePrecision.DAY), None)
        if heading_day is not None:
            memory.paragraph_day = (view.sentence.paragraph, heading_day)  # a timeline: "Friday, May 10: ..."
        if view.heading:
            # "SATURDAY" alone on its line above the day's paragraphs, until the next heading
            memory.section_day = heading_day if heading_day is not None and _DAY_ONLY.fullmatch(text) else None
        # "said on Tuesday that ... the previous day": counted from the day the sentence gave first
        # ("The next day, ... and on Sunday ...": only a day told before the phrase counts)
        anchored = find_anchored_dates(text, memory.anchor, published, rules, memory.told_year,
                                       [d for d in dates if d.precision in (DatePrecision.DAY, DatePrecision.MONTH)],
                                       memory.month_told) if changes else []
        if not changes:
            _read_quiet_sentence(view, voice, drafts, memory, rules, dates)
        elif drafts and view.index - drafts[-1].view.index <= HEDGE_BACK:
            # ("Yesterday we wrote that X had fallen. That was premature: fighting continues in the town.")
            _take_back_own_report(view, drafts, rules, before=min(c.start for c in changes))
            denied = search_once(rules.denial_followup, text)
            # (a denial phrase that is itself a change with no place, "the claim did not correspond to
            # reality", is no change of the sentence's own)
            # (nor the noun the denial names, "denies any withdrawal")
            own_changes = [c.start for c in changes if (c.targets or c.kind is not EventType.DENIAL)
                           and not (denied is not None and denied.start() <= c.start < denied.end() and not c.targets)]
            if denied is not None and denied.end() <= min(own_changes, default=len(text)):
                # "X told Reuters the claim was false and that fighting went on in the town": the
                # claims just made are denied before the sentence tells its own (those about the
                # places the sentence goes on to name, when earlier claims are about them)
                places = [t.place or (memory.antecedent(view, t, claimed) or (None,))[0]
                          for c in changes for t in c.targets]
                # ("rejected both claims, saying fighting went on in A": every claim just made, not only A's)
                _deny_recent(view, voice, drafts, {d.place.key for d in drafts if view.index - d.view.index <= HEDGE_BACK}
                             if _BOTH_CLAIMS.search(denied.group()) else {p.key for p in places if p is not None},
                             own=memory.voice_of(view),
                             when=_day_of_denial(sorted(dates + anchored, key=lambda d: d.start), denied))
        speakers = voice.speakers()
        made = len(drafts)
        for change in changes:
            memory.list_countries = {t.place.resolution.place.country for t in change.targets
                                     if t.place is not None and t.place.resolution.place is not None}
            if memory.border_text and not memory.list_countries and any(
                    t.place is not None and not t.place.resolution.candidates for t in change.targets):
                # (listed with names the gazetteer lacks in a text on Russia's border regions: "Malaya Loknya,
                # Martynovka and Mirny", whose namesakes in Ukraine are not the ones meant)
                memory.list_countries = {"RU"}
            # a denial is not the claim it denies: "said the Russian statements about X are false"
            voices_of = [a for a in speakers if not a.embedded] or ([voice.carried] if voice.carried else speakers) \
                if change.kind is EventType.DENIAL else speakers
            if change.kind is EventType.DENIAL and voices_of and all(change.start <= a.start < change.end for a in voices_of):
                continue  # "He rejected Russian claims about X" with "he" unknown: the claims' owner is no denier
            attribution = governing(voices_of, text, change.start) if voice.attributions else voice.carried
            if attribution is None and voice.carried is not None and all(a.start >= change.end for a in speakers):
                # "X has not been captured; the Russians have been saying that for months": a speaker in a
                # clause of its own after the change leaves it to the voice carried on
                attribution = voice.carried
            if change.kind is EventType.DENIAL and change.trigger.owner_named and attribution is not None \
                    and attribution.embedded and not any(not a.embedded for a in speakers):
                # "The Russian claims about X are false" with nobody else named: the outlet calls them so
                attribution = memory.voice_of(view)
            if attribution is not None and attribution.embedded and attribution.end <= change.start \
                    and SAYING_NEXT.search(text, attribution.end, change.start):
                # "X denied Russian claims to have captured A, saying units were still fighting inside the
                # town": what follows "saying" is the denier's, not the claims'
                attribution = next((a for a in reversed(voices_of) if not a.embedded and a.end <= attribution.start),
                                   attribution)
            if change.kind is EventType.DENIAL and attribution is not None and attribution.end <= change.start \
                    and _BUT_CLAUSE.search(text, attribution.end, change.start):
                # "The Russians claim they took X, but the village remains ours, the brigade said": the
                # clause after "but" is the speaker's named after it
                attribution = next((a for a in voices_of if a.start >= change.end and not a.embedded), attribution)
            if attribution is not None and attribution.start >= change.end and \
                    _RELATIVE_AFTER.search(text, change.end, attribution.start):
                # "Fighting goes on in X, which Moscow claimed to have taken, the General Staff said":
                # Moscow speaks for its relative clause only; the main clause is the speaker's after
                # the clause closes, else (when the clause tells a change of its own) the outlet's
                later = next((a for a in voices_of if a.start > attribution.end and not a.embedded
                              and "," in text[attribution.end:a.start]), None)
                if later is not None or any(c.start > attribution.end for c in changes):
                    attribution = later
            left, right = change.clause
            # not a date in a speaker's relative clause ("Girkin, who in 2014 led ..., said that")
            # (not a date of another event's start: "an incursion that began on 6 August")
            told = [d for d in dates if not _in_aside(text, d.start, change.start)
                    and not _BEGAN_BEFORE.search(text, max(0, d.start - 12), d.start)]
            if not _STATE_WORD.search(text, change.start, change.end):
                # "captured X, the first village it took since the invasion began": a period's start
                # dates no event ("occupied since March" is dated by it), nor a period opening the
                # sentence ("Since the start of the invasion, Russia has taken A and B")
                # (but "on the front line since 2014, when militants seized it": the "when" clause's year)
                # (nor one inside an apposition after the change: "pushed into X, a town on the front line
                # since the spring of 2022, officials said")
                told = [d for d in told if not (
                    d.text.lower().startswith("since ") or _SINCE_BEFORE.search(text, max(0, d.start - 14), d.start))
                    or left <= d.start < right and text[:d.start].strip()
                    and not (change.end <= d.start and APPOSITION_OPENS_BEFORE.search(text, change.end, d.start))
                    or d.end < change.start and _WHEN_AFTER.match(text, d.end)]
            # a clause of time after another change ("took X in February, after Y ordered his forces
            # to leave the town", "seized X in May 2023 before retreating") with no date of its own
            # happened then too
            earlier = [c for c in changes if c.clause[1] <= left + 2 and c is not change]
            lead_in = [d for d in told if earlier and earlier[-1].clause[0] <= d.start < earlier[-1].clause[1]] \
                if earlier and _TIME_CLAUSE.match(text, left) and not any(left <= d.start < right for d in told) else []
            that_season = _THAT_SEASON.search(text, left, right) is not None  # "that summer": history
            in_clause = [d for d in told + anchored if left <= d.start < right and not _in_aside(text, d.start, change.start)]
            # (of two changes in the clause, the dates nearer to this one: "X, the village Kyiv
            # liberated last summer, was captured on Sunday" is news)
            clause_dates = in_clause
            in_clause = [d for d in in_clause if _date_owner(d, changes, text) is change] \
                or _not_later_owned(_without_apposition_dates(in_clause, change, changes, text), change, changes, text)
            # ("X was occupied in the first weeks and liberated in September 2022": history, as the verb after "and" is)
            # (so is one told "after the fall of Y in July 2022")
            coordinated = [d for d in clause_dates if d.start >= change.end and _AND_NO_COMMA.fullmatch(
                text, change.end, _date_owner(d, changes, text).start)] + [
                d for d in told if d.start >= right and _AFTER_ANOTHER.fullmatch(text, change.end, _date_owner(d, changes, text).start)
            ] if not in_clause else []
            told_as_history = change.history or that_season or _old(in_clause or lead_in or coordinated, published)
            if attribution is None or (told_as_history and not voice.attributions and voice.carried_by == "previous"):
                # history told after a statement is the outlet's background, not the speaker's
                attribution = memory.voice_of(view)
            if view.heading and attribution.kind == "journalist":
                attribution = memory.voice_of(view)
            if view.heading and attribution.end <= left and (_HEADLINE_AS.match(text, left)
                                                             or ";" in text[attribution.end:change.start]):
                # "Russia claims more villages as (or ;) Ukraine pulls back near X": the headline's own clause
                attribution = memory.voice_of(view)
            if told_as_history and attribution.kind != "journalist" and not TELLING_RELATIVE.match(text, attribution.end) \
                    and not _WE_BEFORE.search(text, left, change.start) and (
                    (not left <= attribution.start < right or "," in text[change.end:attribution.start])
                    and (_RELATIVE_AT.match(text, left) or _GLOSS.search(text, attribution.end, change.start)
                         or _APPOSITION_BEFORE.search(text, left, change.start))
                    # ("Russia said it had retaken X, the largest town seized by Ukraine last summer")
                    or attribution.end <= change.start and _APPOSITION_BEFORE.search(text, attribution.end, change.start)):
                # "X, a village that Ukraine recaptured last September" inside someone's statement, "...,
                # handing Russia its biggest gain since it took X": the outlet's background, not the speaker's claim
                attribution = memory.voice_of(view)
            left, right = change.clause
            others = [c.clause for c in changes if c is not change]
            told += [d for d in anchored if not _in_aside(text, d.start, change.start)]
            # (a day "a day after announcing ..." is of what the announcement told, never of a change before it)
            # (nor the day of a second report the speaker made after the change: "said on Saturday that units
            # had liberated A, and on Sunday that troops had improved their positions near B")
            told = [d for d in told if not (d.start >= change.end and (
                _DAYS_AFTER.search(d.text) or _AND_ON_DAY_BEFORE.search(text, max(0, d.start - 16), d.start)
                and _THAT_AFTER_DAY.match(text, d.end)))]
            own = [d for d in told if left <= d.start < right and _past_apposition(d, changes, text) in (None, change)] + \
                [d for d in told if not left <= d.start < right and _past_apposition(d, changes, text) is change] + \
                [d for d in told if d.start < left and (d.end > left or not text[d.end:left].strip()) and _OPENS_ITS_CLAUSE.search(d.text)] + \
                [d for d in told if d.start < left and _DAYS_AFTER.search(d.text) and not _COMMA_OR_STOP.search(text, d.end, change.start)]
            # ("A year after troops rolled into X, the city marked the anniversary": the clause the date opens is its)
            # a relative clause closed by its comma keeps to its own dates ("X, which Russia says it
            # has captured, had been on the front line since 2014")
            closed = _CLOSED_RELATIVE.match(text, max(0, left - 2)) is not None and text.find(",", change.end) == right
            free = [] if closed else [d for d in told if not any(a <= d.start < b for a, b in others)
                                      and _past_apposition(d, changes, text) in (None, change)]
            # of two changes in one clause, each takes the dates nearer to it ("occupied in February 2022
            # and liberated in September that year")
            # (but not the date of another change told in a relative clause on the place: "took X, a
            # village its troops abandoned in September 2022")
            own = [d for d in own if _date_owner(d, changes, text) is change and not _in_participle_apposition(d, change, text)] \
                or [d for d in _not_later_owned(_without_apposition_dates(own, change, changes, text), change, changes, text)
                    if not any(t.pointer == "which" for t in _date_owner(d, changes, text).targets)]
            # "crossed the border on August 6 last year and seized X in August": the day before "and" is the
            # first verb's, when the change has a date of its own after it
            own = [d for d in own if not (d.end <= change.start and _AND_VERB_AFTER.fullmatch(text, d.end, change.start))] \
                if any(d.start >= change.end and not _SPEECH_DATE.search(text, max(0, d.start - 30), d.start)
                       # (in the change's own clause: not "retook X, lost in March")
                       and "," not in text[change.end:d.start] for d in own) else own
            free = [d for d in free if _date_owner(d, changes, text) is change
                    or not any(t.pointer == "which" for t in _date_owner(d, changes, text).targets)]
            candidates = own or lead_in or _without_apposition_dates(free, change, changes, text)
            date = own_date = _pick_date(candidates, change.start)
            if date is None and not view.heading:
                # "the status was disputed on Sunday after X rejected his claim that ...": the sentence's day
                # (not one inside another change's relative clause: "X, which Moscow said it took on Sunday")
                date = _pick_date([d for d in dates + anchored if d.precision is DatePrecision.DAY
                                   and not (d.start >= change.end and _DAYS_AFTER.search(d.text))
                                   and not any(a <= d.start < b for a, b in others if _RELATIVE_AT.match(text, a))
                                   and not _BEGAN_BEFORE.search(text, max(0, d.start - 12), d.start)],
                                  change.start)
            if date is not None and "respectively" in text[change.end:right] and len(own) == len(change.targets) > 1:
                pairs = dict(zip((t.position for t in change.targets), own))  # "on Monday and Friday, respectively"
            else:
                # "X fell in December, followed by Y in February": a date right after a place of a list is its own
                # (past an aside on the place, and past the clause for items after a semicolon: "took A on
                # Monday; B, north of it, on Tuesday")
                # (an aside holds no other item of the list: in "A, in May B, in September C" September is C's)
                starts = [t.place.start for t in change.targets if t.place is not None]
                pairs = {t.position: d for t in change.targets if t.place is not None and len(change.targets) > 1
                         for d in (own if t.position < right else told) if _DAY_RIGHT_AFTER.fullmatch(text, t.place.end, d.start)
                         and not any(t.place.end <= s < d.start for s in starts)}
                right_after = set(pairs)
                listed_days = [d for d in told if d.start >= change.end and d.precision is DatePrecision.DAY]
                if len(listed_days) > 1 and len(change.targets) > 1:
                    # "took five villages on Saturday - A, B ... - and five more on Sunday: C, D": the
                    # day told last before each place of the list
                    for t in change.targets:
                        before = [d for d in listed_days if d.end <= t.position]
                        if before and t.position not in pairs:
                            pairs[t.position] = before[-1]
                # "A in March, B and C in April": B takes the time told after the list it opens
                placed = [t for t in change.targets if t.place is not None]
                told_first: list[DateExpression] = []
                # "A was liberated in August, and in September B and C", "..., in May D": a time told after "and" or a
                # comma, right before a place, is that place's and the places listed after it
                for t in placed:
                    ahead = [d for d in told if t.position not in pairs and d.end <= t.place.start
                             and _TIME_THEN_PLACE.fullmatch(text, d.end, t.place.start)
                             and _AND_BEFORE_TIME.search(text, max(0, d.start - 20), d.start)]
                    if ahead:
                        pairs[t.position] = ahead[-1]
                        right_after.add(t.position)
                        told_first.append(ahead[-1])
                for t, n in zip(placed, placed[1:]):
                    if t.position in pairs and n.position not in pairs and _AND_ONLY.fullmatch(text, t.place.end, n.place.start):
                        pairs[n.position] = pairs[t.position]
                for t, n in reversed(list(zip(placed, placed[1:]))):
                    if t.position not in right_after and n.position in right_after \
                            and _AND_ONLY.fullmatch(text, t.place.end, n.place.start):
                        pairs[t.position] = pairs[n.position]
                        right_after.add(t.position)
                # ("In June the troops left A, and in early July B": July is B's alone; A keeps the time told before)
                if any(date is d for d in told_first):
                    date = _pick_date([d for d in candidates if not any(d is f for f in told_first)], change.start) or date
            if date is None and memory.occasion_day is not None and rules.same_occasion.match(text):
                # "At the meeting, Putin was briefed that ...": the meeting's day, told before
                date = DateExpression(0, 0, "the occasion told before", memory.occasion_day, DatePrecision.DAY)
            if date is None and voice.post is not None and voice.post.day is not None and voice.carried_by == "post":
                # an embedded post's day ("— Author (@handle) May 20, 2022")
                date = DateExpression(0, 0, voice.post.signature, voice.post.day, DatePrecision.DAY)
            if date is None and voice.carried is not None and memory.previous_dates and voice.carried_by != "post":
                date = memory.previous_dates[-1]  # "Specifically, ...": when the speaker spoke
            if date is None and memory.paragraph_day is not None and memory.paragraph_day[0] == view.sentence.paragraph:
                date = memory.paragraph_day[1]  # a timeline's paragraph: "Friday, May 10: ... By evening, ..."
            if date is None and memory.section_day is not None and not view.heading:
                date = memory.section_day  # the paragraphs under a day heading
            if date is None and attribution.kind != "journalist":
                date = memory.speaker_dates.get(attribution.claimant)  # "X said on Saturday ... X added"
            elif date is not None and attribution.kind != "journalist" and _SPEAKERS_TODAY.fullmatch(date.text) \
                    and attribution.claimant in memory.speaker_dates and _quoted(text, date.start):
                # "Shoigu told Putin on Monday ... 'Today, our units completed ...', Shoigu said": his today
                date = memory.speaker_dates[attribution.claimant]
            frame = memory.frame
            if frame is not None and change.kind is frame.change.kind and rules.frame_anaphora.search(text):
                # "the three captured settlements were A, B and C": the frame's change, named now
                date = date or (frame.dates[0] if frame.dates else None)
                if attribution.kind == "journalist":
                    attribution = frame.attribution
            basis = ""
            if date is None and [d for d in future if left <= d.start < right]:
                ahead = [d for d in future if left <= d.start < right][0]
                basis = f"{_AFTER_PUBLICATION}“{ahead.text}”"
            if change.plural and change.count and change.targets:
                # "the liberation of 10 settlements that Ukrainian troops had captured" ... "liberated
                # 10 settlements, listing A, B and C": the changes told of those 10 before hold for A, B, C
                for earlier in memory.counted:
                    if earlier.change.count == change.count and view.index - earlier.view.index <= _LIST_REACH \
                            and earlier.view is not view:
                        for target in change.targets:
                            if target.place is not None:
                                gains, how = _gains(earlier.change, target.place, earlier.attribution, memory)
                                drafts.append(Draft(view, earlier.view, _regained(earlier.change.kind, gains,
                                                                                   target.place, memory),
                                                    target.place, gains, earlier.attribution, earlier.via,
                                                    earlier.change.hedged, _pick_date(earlier.dates, 0), "frame",
                                                    0.6, background=earlier.change.history or _old(
                                                        earlier.dates, published), side_from=how))
            if change.plural and change.count and not change.targets:
                memory.counted.append(_Frame(change, view, attribution, voice.channel, [date] if date else []))
            # (a change that names all its places, "seizing the villages of A, B and C", leaves no list to come)
            named_all = bool(change.targets) and all(t.place is not None for t in change.targets) \
                and not _SOME_OF_THEM.search(text, change.end) \
                and _PLURAL_NAMING.search(text, max(0, change.targets[0].position - 30), change.targets[0].position) is not None
            if change.plural and change.kind in rules.change_types and not change.denial and not named_all:
                memory.frame = _Frame(change, view, attribution, voice.channel, [date] if date else [])
            elif named_all and memory.frame is not None and change.kind is memory.frame.change.kind:
                memory.frame = None  # "Russia seized three villages" (headline) ... "seizing the villages of A, B and C"
            elif not change.targets and memory.frame is not None and change.kind is memory.frame.change.kind:
                # "the withdrawal aimed to save lives, the military said": who announced the frame's change
                _update_frame(memory.frame, attribution, voice.channel, [date] if date else [], memory)
            # "Reports that Russian media spread, saying troops had seized X, were rejected as false by
            # the Ukrainian authorities": the claim is the media's, the denial the authorities'
            denier_after = next((a for a in speakers if change.denial in ("refuted", "false") and a.start >= change.end
                                 and a.verb == "according to" and a.side not in (Side.NONE, attribution.side)
                                 and attribution.kind != "journalist"), None)
            if denier_after is None and change.denial == "false" and attribution.embedded:
                # "Ukraine's army said Russian claims to have taken X were false", "the Russian claim
                # that ... is untrue, a Ukrainian spokesman said": the claim cited is Russia's, the
                # denial the speaker's
                denier_after = min((a for a in speakers if not a.embedded and a.side is not attribution.side),
                                   key=lambda a: abs(a.start - change.start), default=None)
                if denier_after is None and not any(not a.embedded for a in speakers):
                    # the one who speaks on there ("The Ukrainian claims that X fell are premature" in a channel's
                    # post), else the outlet, in its own voice
                    denier_after = voice.carried if voice.carried is not None and voice.carried.side not in (
                        Side.NONE, attribution.side) else memory.voice_of(view)
            targets = list(change.targets)
            if not targets and attribution.kind == "local authorities" and not _REGION_AFTER.match(view.text, change.end) \
                    and not (_THING_TAKEN.match(view.text, change.end) and change.agent not in ("RU", "UA")):
                # "Pechenihy authorities said there was street fighting": in their own town (not
                # "Sumy officials said troops were pushed out of the Kursk region": a region's change,
                # nor "... after seizing the plant": a thing taken, by nobody named)
                targets = [Target(replace(p, role="settlement"), position=p.start) for p in view.places
                           if attribution.start <= p.start < attribution.end][:1]
            if change.denial == "failed" and attribution.kind == "journalist" and change.kind is not EventType.DENIAL:
                continue  # "Russian forces failed to capture X" in the outlet's voice: nobody's claim is denied
            # ("retook both villages": each of the places told before it)
            counted = [(target, told) for target in targets if target.place is None and is_plural_pointer(target.pointer)
                       for told in memory.antecedents(view, target, pointer_count(target.pointer),
                                                      claimed | {d.place.mention.start for d in drafts})]
            for target, told in counted or [(target, None) for target in targets
                                            if target.place is not None or not is_plural_pointer(target.pointer)]:
                first = view
                place = target.place
                if place is not None and change.kind is EventType.WITHDRAWAL and change.trigger.targets == "subject" \
                        and (attribution.kind == "resident" or attribution.verb == "posted") \
                        and _WE_RIGHT_BEFORE.search(text, max(0, change.start - 20), change.start):
                    continue  # a civilian's "X we left on the 4th" (the family fled), or one nobody names as a fighter
                if told is not None:
                    place = told[0]  # (told in this sentence: the one before keeps its own claims)
                    claimed.add(place.mention.start)
                elif place is None:
                    told_by_soldier = attribution.kind == "military" and attribution.person
                    we = _WE_RIGHT_BEFORE.search(text, max(0, change.start - 20), change.start)
                    if change.kind is EventType.WITHDRAWAL and (we or _ENEMY_RIGHT_BEFORE.search(text, max(0, change.start - 20), change.start)) \
                            and (target.pointer == FOCUS and not told_by_soldier or we and attribution.kind == "resident"):
                        # '"We left on the night of the first"', '"The enemy left overnight"' naming no place: only a
                        # soldier the feature introduced tells so of the place it is about (a civilian's own "we left in
                        # March", "we left the town": the family fled; not '"our soldiers left"')
                        continue
                    found = memory.antecedent(view, target, claimed, bool(change.denial) or change.kind is EventType.DENIAL)
                    if found is None:
                        continue
                    # (a place named only after: "The village is Tykhe": the evidence is the claim's own sentence)
                    place, first = found[0], views[min(found[1], view.index)]
                    claimed.add(place.mention.start)  # ("X, which Russia took, ... the city": X, told of)
                # ("the enemy is already in X": the speaker's enemy)
                agent = attribution.side.opponent().value if change.agent == "enemy" and attribution.side in (Side.RU, Side.UA) \
                    else change.agent
                if change.trigger.foreign_only:
                    # (a speaker's own side: '"Our fighters are already in X"' of a town of the other side's)
                    # (or its claim with nobody acting named: "X is under full control, the ministry said")
                    acting = attribution.side.value if (agent == "own" or not agent and change.kind is EventType.CAPTURE) \
                        and attribution.side in (Side.RU, Side.UA) else agent
                    if acting not in ("RU", "UA") or acting == _place_country(memory, place):
                        continue  # "Ukrainian units operating in Kharkiv": its own troops, in its own city
                if _PEOPLE_OUT.search(text, change.start, change.end) and attribution.kind in LOCAL_KINDS:
                    continue  # a governor's "we pulled our people out of X": residents evacuated, not troops
                gains, how = _gains(change, place, attribution, memory, text)
                if gains is Side.NONE and change.trigger.agent == "claimant" and change.kind is not EventType.DENIAL \
                        and attribution.kind in ("official", "military", "government") \
                        and _place_country(memory, place) in ("UA", "RU") and change.trigger.type is EventType.CAPTURE \
                        and _CLAIM_VERB.match(text, change.start):
                    # "The ministry said ... On Saturday the ministry claimed two more villages": a body of a side not
                    # yet named claims for its side, the one the place did not belong to
                    gains = Side(_place_country(memory, place)).opponent()
                if gains is Side.NONE and change.trigger.agent == "claimant" and change.kind is not EventType.DENIAL:
                    continue  # "the ISW claimed X", "X is ours" from nobody's side: nobody's gain
                kind, denied_side = change.kind, Side.NONE
                if kind is EventType.PARTIAL and not target.share and any(t.share for t in change.targets) and \
                        change.trigger.type in (EventType.CAPTURE, EventType.RECAPTURE):
                    kind = change.trigger.type  # "took A and the southern half of B": all of A, part of B
                # "disputed allegations made by the Ukrainian military that they had recaptured X":
                # the claim is the Ukrainian military's; the dispute is added below
                refuted_for_another = change.denial in ("refuted", "retracted") and attribution.embedded or denier_after is not None
                retracted = change.denial == "retracted" and not attribution.embedded and change.kind is not EventType.DENIAL
                if retracted and change.kind is EventType.CONTESTED:
                    # "retracted a claim that Russian marines had entered X": only the taking back, of the entering
                    # side's claim (the fighting is not told as going on)
                    if change.agent not in ("RU", "UA"):
                        continue
                    kind, gains, denied_side, retracted = EventType.DENIAL, Side(change.agent), Side(change.agent), False
                elif (change.denial and not refuted_for_another and not retracted) or change.kind is EventType.DENIAL:
                    # a denial is filed under the gain it denies: the one the sentence names, else
                    # the other side's ("X's claim that the town has been captured is false")
                    # (but "X has not been liberated" after its own side claimed X: "liberated" is each side's
                    # word for its own gain, so its own claim is taken back)
                    # (or only the place's holder, after the other side claimed X: "Statements that X has been fully
                    # captured are untrue", a Russian official wrote of Kyiv's claim)
                    # (not a side's own "we never took X": its own gain, denied)
                    if (how in ("discourse", "") or how == "claimant" and not (change.agent == "own" and change.denial == "negated"
                                                                and _WE_BEFORE.search(text, max(0, change.start - 60), change.start))
                            or how == "place" and voice.attributions and any(
                            d.place.key == place.key and d.attribution.side is attribution.side.opponent()
                            and d.kind is not EventType.DENIAL for d in drafts)) \
                            and change.kind is not EventType.DENIAL \
                            and not (how == "claimant" and _OWN_GAIN_WORD.search(text, change.start, change.end)
                                     and (any(d.place.key == place.key and d.gains is attribution.side for d in drafts)
                                          # ("the complete liberation of X is premature": its own side's, too early,
                                          # said of a place of the other side's country)
                                          or _PREMATURE.search(text, change.end) is not None
                                          and attribution.side.value not in ("", _place_country(memory, place))
                                          # ("X cannot be called liberated yet", a Russian official of a town in
                                          # Ukraine: Moscow's word for its own gain, not yet made; not the other
                                          # side's word in quotation marks, 'X has not been "liberated"')
                                          or change.denial == "negated" and attribution.side is Side.RU
                                          and _place_country(memory, place) == "UA"
                                          and text[max(0, change.start - 1):change.start] not in ("“", '"', "‘", "'"))):
                        gains = attribution.side.opponent() if attribution.side is not Side.NONE else gains
                    if change.kind is EventType.CONTESTED and change.denial == "negated" and change.agent in ("RU", "UA") \
                            and attribution.side is not Side.NONE:
                        gains = Side(change.agent)  # "Ukrainian units have not yet entered X": their entry is denied
                    denied_side = gains if gains is not Side.NONE else attribution.side.opponent()
                    kind, gains = EventType.DENIAL, denied_side
                    if denied_side is Side.NONE:
                        continue  # "to prevent the enemy from entering X" in the outlet's voice: nobody's gain denied
                    if attribution.side is denied_side and (
                            voice.carried_by == "previous" and not voice.attributions
                            or attribution.start >= change.end and _CLOSED_RELATIVE.search(text, change.end, attribution.start)
                            or attribution.embedded and attribution.end <= change.start
                            or attribution.end <= change.start and _BUT_CLAUSE.search(text, attribution.end, change.start)):
                        # "Russia said it had captured X. The town remains in Ukrainian hands.", "Kyiv
                        # still holds X, which Moscow says it took", "Regarding the Russian claims about X:
                        # the village remains ...": not Russia denying itself; the outlet's own word, or
                        # the other speaker's ("Russia claims X, but the village is ours, the brigade said")
                        others = [a for a in voice.attributions if a is not attribution and a.side is not denied_side]
                        attribution = others[-1] if others else memory.voice_of(view)
                    if change.kind is EventType.DENIAL and denied_side is attribution.side:
                        continue  # a Ukrainian mayor's "there are no Ukrainian forces in the city": a loss told, not a denial
                    if change.denial == "negated" and denied_side is attribution.side and change.kind is not EventType.CONTESTED \
                            and _NOT_YET.search(text, max(0, change.start - 30), change.end) is not None \
                            and not any(d.place.key == place.key and d.gains is denied_side and d.kind is not EventType.DENIAL
                                        for d in drafts):
                        continue  # "Russian troops have not yet taken X," Pushilin said: his side's gain still to come
                else:
                    kind = _regained(kind, gains, place, memory)
                alleged = _ALLEGED_BEFORE.search(text, max(0, change.start - 30), change.start) \
                    if kind in _TAKING_KINDS and attribution.side is not Side.NONE and gains is not Side.NONE else None
                # (and the speaker's own side's "so-called 'liberation'" is the other side's word: "the statement
                # about the so-called 'liberation' of X is a lie, the brigade said"; a journalist's "alleged"
                # on the speaker's report only hedges it: "Gerasimov reported on the alleged capture of X")
                if alleged and (attribution.side is not gains
                                or not attribution.embedded and alleged.group().lower().startswith("so-called")):
                    continue  # a Ukrainian official's "the alleged 'liberation' of X": the other side's claim, not theirs
                background = change.history or that_season or (
                    own_date is not None and published is not None
                    and (published.date - own_date.date).days > _BACKGROUND_DAYS) or own_date is None and _old(coordinated, published)
                confidence = 0.85 if target.place is not None else 0.65
                dated = pairs.get(target.position, date)
                if kind in (EventType.CAPTURE, EventType.RECAPTURE, EventType.PARTIAL) and not change.denial:
                    memory.gained.setdefault(place.key, set()).add(gains)
                drafts.append(Draft(view, first, kind, place, gains, attribution, voice.channel,
                                    change.hedged or _hedged_speech(attribution, rules),
                                    dated, basis, confidence,
                                    denied_side, background, view.heading, how,
                                    date_of_event=dated is not None and dated in own
                                    and not _SPEECH_DATE.search(text, max(0, dated.start - 30), dated.start),
                                    holding=change.kind is EventType.DENIAL and not change.trigger.owner_named,
                                    # (of a place it names: "the village is under our control" stays; the
                                    # outlet's "the town was still in Ukrainian hands" never denies)
                                    needs_claim=change.trigger.needs_claim and (
                                        target.place is not None or attribution.kind == "journalist"
                                        or _SPEAKERS_OWN_TOWN.fullmatch(target.pointer) is not None
                                        or target.pointer == "it"),  # ('"It's not theirs"' answers only a claim told)
                                    actor=_actor(change, attribution, text), attempt=change.trigger.attempt))
                if retracted and gains is not Side.NONE:
                    # "the channel withdrew a report that X had fallen": its claim, and its taking back
                    drafts.append(replace(drafts[-1], kind=EventType.DENIAL, denied_side=gains, confidence=0.6, also=[]))
            if denier_after is not None:
                for draft in [d for d in drafts[made:] if d.view is view and d.attribution is attribution]:
                    drafts.append(replace(draft, kind=EventType.DENIAL, attribution=denier_after,
                                          denied_side=draft.gains, also=[]))
            # "the Russian ministry disputed allegations made by the Ukrainian military that ...":
            # the claim above is the Ukrainian military's, and the ministry denies it
            outer = [a for a in voice.attributions if not a.embedded and a.end <= change.start]
            if not outer and voice.carried is not None and _PRONOUN_DENIES.match(text):
                outer = [voice.carried]  # "He also denied Russian claims that X had fallen": who spoke before
            if attribution.embedded and outer and rules.denial_verbs.search(text[outer[-1].end:attribution.start]):
                # (an entry denied too: "dismissed claims by Russian bloggers that assault groups had entered X")
                for draft in [d for d in drafts[made:] if d.view is view and d.attribution is attribution
                              and d.claimed_side is not Side.NONE]:
                    drafts.append(replace(draft, kind=EventType.DENIAL, gains=draft.claimed_side, attribution=outer[-1],
                                          denied_side=draft.claimed_side, also=[],
                                          denies_fighting=draft.kind is EventType.CONTESTED))
        if changes and len(drafts) > made:
            _deny_in_tail(view, voice, drafts, made, rules, dates)
            retraction = search_once(rules.retraction, text)
            if retraction is not None:
                _retract(view, [], [d for d in drafts[made:] if _taken_back_here(retraction, d, view, text)
                                    and _retracted_place(retraction, d)], drafts)
        # (or whose phrases name nothing: "listed A, B and C, saying troops had freed 90 square
        # kilometres"; _follow_frame reads a list only before all of them)
        if memory.frame is not None and (not changes or len(drafts) == made
                                         or all(_WHOSE_CHANGE.match(text, c.start) for c in changes)):
            _follow_frame(view, voice, drafts, memory, rules, dates)
        if changes and (len(drafts) > made or _ADDED_VERB.search(text)):
            # "announced the capture of A, and on Monday it added B" (or a sentence whose own phrase told nothing:
            # "she added A and B, the first village Kyiv has said it retook in X"; not "it also claimed A", the
            # phrase itself, whose "it" it left unread)
            _added(view, voice, drafts, memory, dates)
        if len(drafts) == made and drafts and changes and search_once(rules.hedge_after, text):
            _hedge_recent(view, drafts, rules)
        # remember
        # (not a list of where fighting was: "... listed the areas where they repelled counterattacks:")
        # (a dated entry may go on past its first sentence: "Fri 10 — A, B. The first day of the push." is one line)
        same_line = memory.list_open and memory.entry_end >= 0 and "\n" not in memory.article.text[memory.entry_end:view.sentence.start]
        memory.list_open = memory.frame is not None and (
            (text.rstrip().endswith(":") or HEADING_OF_PLACES.fullmatch(text) and memory.frame.view.index == view.index
             and _MARKED_LINE_NEXT.match(memory.article.text, view.sentence.end))
            and not _FIGHTING_LIST_INTRO.search(text)
            or memory.list_open and (_listed_line(view, memory) or same_line))
        memory.bare_after_colon = text.rstrip().endswith(":")
        memory.bare_names = memory.list_open and (memory.bare_after_colon or memory.bare_names and _BARE_NAME_LINE.fullmatch(text) is not None)
        memory.last_end = view.sentence.end
        memory.entry_end = view.sentence.end if memory.list_open and (same_line or _DATED_ENTRY.match(text)) else -1
        for place in view.settlements:
            memory.places.append((view.index, place))
        stated = [d.gains for d in drafts[made:] if d.side_from == "text" and d.kind in _GAIN_KINDS]
        told = [d.gains for d in drafts[made:] if d.kind in _GAIN_KINDS and d.gains is not Side.NONE]
        if told:
            memory.told_gain = (told[-1], view.sentence.paragraph)
        if stated:
            memory.gain_side, memory.gain_paragraph = stated[-1], view.sentence.paragraph
            if view.heading and memory.headline_gain is Side.NONE:
                memory.headline_gain = stated[-1]
        elif view.sentence.paragraph != memory.gain_paragraph:
            memory.gain_side = Side.NONE
        acting = _acting_side(view, rules) if changes else Side.NONE  # forces named where changes are told
        if view.heading and memory.headline_side is Side.NONE and acting is not Side.NONE:
            memory.headline_side = acting
        memory.enemy_before = False
        if acting is Side.NONE and view.index + 1 < len(views) and _PRONOUN_OPENS.match(views[view.index + 1].text):
            speaker = next((a.side for a in voice.speakers()), Side.NONE)
            acting = _acting_side(view, rules, speaker)  # ("The Ukrainian army regrouped. It took X": the forces named)
            # ("The enemy attacked A. It gained a foothold in B, the brigade said": the enemy of who speaks next)
            memory.enemy_before = acting is Side.NONE and _THE_ENEMY_SUBJECT.search(view.text) is not None
        if acting is not Side.NONE:
            memory.agent_side, memory.agent_paragraph = acting, view.sentence.paragraph
        elif view.sentence.paragraph != memory.agent_paragraph:
            memory.agent_side = Side.NONE
        memory.previous_dates = dates + anchored
        for attribution in voice.attributions:
            # "X said on Saturday", "On Saturday, X said", "X, the deputy minister, said on Saturday":
            # the day the claimant spoke
            verb_at = text.find(attribution.verb, attribution.end) if attribution.verb else -1
            verb_end = verb_at + len(attribution.verb) if verb_at != -1 else -1
            said = [d for d in dates if d.precision is DatePrecision.DAY and (
                0 <= d.start - attribution.end < 40 and "," not in text[attribution.end:d.start]
                or 0 <= attribution.start - d.end < 25 and "," not in text[d.end:attribution.start].strip(", ")
                or verb_end != -1 and 0 <= d.start - verb_end < 12 and "," not in text[verb_end:d.start]
                or verb_end != -1 and _LISTENER_THEN_DAY.fullmatch(text, verb_end, d.start) is not None)]  # "told Vladimir Putin on Thursday"
            if said:
                memory.speaker_dates[attribution.claimant] = said[0]
        month_dates = [d for d in dates + anchored if d.precision in (DatePrecision.DAY, DatePrecision.MONTH)
                       and _MONTH_NAME.search(d.text)]  # (a month the text named: not "on Monday")
        if month_dates:
            memory.month_told = month_dates[-1].date  # ("In January, ... Later that month, ...")
        day_dates = [d for d in dates + anchored if d.precision is DatePrecision.DAY]
        if day_dates:
            memory.anchor = day_dates[-1].date
            if occasion and rules.occasion_told.search(text):
                memory.occasion_day = day_dates[-1].date
    # a fact check's "Claim: Russian troops have captured X." states the claim it checks, not the outlet's own:
    # gone where the text tells whose it is
    return [d for d in drafts if not (d.attribution.kind == "journalist" and _CHECKED_CLAIM.match(d.view.text) and any(
        o.attribution.kind != "journalist" and o.place.key == d.place.key and o.gains == d.gains
        and (o.kind == d.kind or {o.kind, d.kind} <= _TAKEN) for o in drafts))]


def _old(dates: list[DateExpression], published: PublishedDate | None) -> bool:
    return bool(dates) and published is not None and (published.date - dates[0].date).days > _BACKGROUND_DAYS


def _hedged_speech(attribution: Attribution, rules: Rules) -> bool:
    return bool(attribution.verb) and rules.hedge_in_sentence.fullmatch(attribution.verb) is not None


def _places_named_next(view: SentenceView, drafts: list[Draft], memory: _Discourse) -> set[str] | None:
    """"Kiev disputed the statement. Its navy said troops still held X.": a denial naming no place is of the
    claims about the place the sentence right after it (same paragraph) names, when one was claimed just before."""
    after = view.index + 1
    if view.settlements or after >= len(memory.views) or memory.views[after].sentence.paragraph != view.sentence.paragraph:
        return None
    named = {p.key for p in memory.views[after].settlements}
    told = [d for d in drafts if d.kind is not EventType.DENIAL and view.index - d.view.index <= HEDGE_BACK]
    if not told or _ALSO_NEXT.search(memory.views[after].text) \
            or {d.place.key for d in told if d.view.index == told[-1].view.index} <= named:
        # ("'This is not true.' He also denied that B had been lost": the denial is of all just claimed, B too; and
        # when all just claimed is named, the denial is of that, as it would be anyway)
        return None
    return {d.place.key for d in told if d.place.key in named} or None


_ALSO_NEXT = compiled(r"\b(?:also|too|as\s+well|either)\b", re.I)


def _read_quiet_sentence(view: SentenceView, voice: Voice, drafts: list[Draft], memory: _Discourse, rules: Rules,
                         dates: list[DateExpression]) -> None:
    """A sentence without a change of its own may deny or hedge the claims just made."""
    # (a sentence naming a place may deny a claim about it further back)
    # (an answer reaches back past its question: "The ministry says X has fallen. On the line is a brigade's
    # spokesman. Is X under Russian control?" / "SPOKESMAN: No, this is not true.")
    answer = answers_a_question(memory.article.text, view.sentence.start)
    reach = NAMED_DENIAL_REACH if view.settlements or answer else HEDGE_BACK
    if not drafts or view.index - drafts[-1].view.index > reach:
        return
    _take_back_own_report(view, drafts, rules)
    denied = search_once(rules.denial_followup, view.text) or (_NO_ANSWER.match(view.text) if answer else None)
    # (beyond the last few sentences only a denial of a claim named so: "the Russian claim was a fake",
    # not "denied that its troops had used cluster munitions near X")
    if denied is not None and (view.index - drafts[-1].view.index <= HEDGE_BACK or _CLAIM_NOUN.search(view.text) or answer):
        # ("The next day X said the claim was false": a day counted from the last one the text gave)
        anchored = find_anchored_dates(view.text, memory.anchor, memory.article.published, rules, memory.told_year,
                                       [d for d in dates if d.precision in (DatePrecision.DAY, DatePrecision.MONTH)],
                                       memory.month_told)
        _deny_recent(view, voice, drafts, _places_named_next(view, drafts, memory), own=memory.voice_of(view),
                     when=_day_of_denial(sorted(dates + anchored, key=lambda d: d.start), denied))
    if view.index - drafts[-1].view.index > HEDGE_BACK:
        if view.sentence.paragraph - drafts[-1].view.sentence.paragraph == 1:
            _added(view, voice, drafts, memory, dates)  # ("SATURDAY. The ministry said ... SUNDAY. It added A and B.")
        return
    _followed(view, voice, drafts, memory, dates)
    _added(view, voice, drafts, memory, dates)
    _vouched(view, voice, drafts, memory)
    retraction = search_once(rules.retraction, view.text)
    if retraction is not None and not _NEW_SUBJECT.search(view.text, 0, retraction.start()):
        # who took it back: a claimant named before the words ("Ukraine's army removed ..."), else the
        # speaker (not someone new: "a Ukrainian MP deleted a post criticising ...")
        named = [a for a in named_claimants(view.text[:retraction.start()], rules) if a.kind != "journalist"]
        _retract(view, named or voice.speakers(), [d for d in drafts if d.view.index == drafts[-1].view.index
                                                   and _retracted_place(retraction, d)], drafts)
    if search_once(rules.hedge_after, view.text):
        _hedge_recent(view, drafts, rules)


# an answer to the question just asked: the text before it ends on a question, then at most a turn label
# and a short "No." ("Is X under Russian control?" / "SPOKESMAN: No. No, this is not true.")
# (a turn's label: a speaker's name in capitals, or an interview's "Q:" and "A:")
_TURN_LABEL = r"(?:" + SPOKEN_LABEL + r"|[QA]:)"
_QUESTION_BEFORE = compiled(r"\?[\"”’']?\s*(?:" + _TURN_LABEL + r"\s*)?"
                            r"(?:(?:No|Yes)\b[^.!?\n]{0,30}[.!]\s*)?$")
# what such a question asks: who holds a place, whether it fell, whether a claim is true
_ABOUT_CONTROL = compiled(r"\b(?:true|control|controls|taken|take|captured|capture|fallen|fall|fell|lost|hold|holds|held|holding|"
                          r"liberated|retaken|occupied|in\s+(?:Russian|Ukrainian)\s+hands|ours|theirs|yours)\b", re.I)
# a turn that answers "no" to it: "No.", "No, of course not.", "SPOKESMAN: No, absolutely not."
_NO_ANSWER = compiled(r"\W*(?:" + _TURN_LABEL + r"\s*)?No(?:,\s+(?:of\s+course|absolutely|certainly|definitely)\s+not)?\s*[.!]")


def no_answer(sentence: str) -> bool:
    """Whether a sentence opens with a flat "No." (an answer's denial, after a question)."""
    return _NO_ANSWER.match(sentence) is not None


def answers_a_question(text: str, start: int) -> bool:
    """Whether the sentence at ``start`` answers the question asked right before it (an interview's or a
    broadcast's) about who holds a place or whether a claim is true: its denial denies the claim the question
    was about, told before the question (not "Did Russia lose many men there?" / "No.")."""
    if "?" not in text[max(0, start - 120):start] or (asked := _QUESTION_BEFORE.search(text, max(0, start - 120), start)) is None:
        return False
    opens = max(text.rfind(".", 0, asked.start()), text.rfind("!", 0, asked.start()), text.rfind("?", 0, asked.start()),
                text.rfind("\n", 0, asked.start()))
    return _ABOUT_CONTROL.search(text, opens + 1, asked.start()) is not None


WE_REPORTED = compiled(r"\bwe\s+(?:had\s+|have\s+)?(?:wrote|written|reported|said|published|posted|announced)\b", re.I)


def _take_back_own_report(view: SentenceView, drafts: list[Draft], rules: Rules, before: int | None = None) -> None:
    """"Last night we wrote that X had been liberated. That is not yet true": the outlet's own report of the
    sentence before, taken back (before the sentence's own changes, if it tells any), is its denial of that
    gain (not what it still claims)."""
    last = drafts[-1].view.index
    wrong = rules.own_report_wrong.search(view.text) if view.index - last <= 1 else None
    if wrong is None or before is not None and wrong.end() > before:
        return
    if any(d.view.index == last and d.attribution.end > 0 for d in drafts):
        return  # (what a speaker it named said: "we wrote that the ministry said ...", not the outlet's own report)
    for i, draft in enumerate(drafts):
        # (the outlet's, or the channel's whose post it is, named in no sentence of its own)
        if draft.view.index == last and draft.gains is not Side.NONE \
                and draft.kind is not EventType.DENIAL \
                and WE_REPORTED.search(draft.view.text, 0, draft.place.start):
            # (on the day it is taken back, the correction's evidence beside the report's)
            drafts[i] = replace(draft, kind=EventType.DENIAL, denied_side=draft.gains, hedged=False, also=[view],
                                date=None, date_basis="")


_LATER = compiled(r"\blater\b", re.I)
_CLAUSE_COMMA = compiled(r",(?!\d)")  # (not a number's: "20,000 people")
_GAPPED_AFTER = compiled(r"[^;:]{0,140}?,?\s+and\s+$")


def _followed(view: SentenceView, voice: Voice, drafts: list[Draft], memory: _Discourse,
              dates: list[DateExpression]) -> None:
    """"X followed in October": the gain the sentence before told, again for X (and the places gapped
    after it), dated by the sentence's own time."""
    settlements = view.settlements
    followed = memory.rules.followed.match(view.text, settlements[0].end) if settlements and settlements[0].start <= 3 else None
    if followed is None:
        return
    told = [d for d in drafts if d.kind in _GAIN_KINDS and d.kind is not EventType.PARTIAL and view.index - d.view.index <= 1]
    if not told:
        return
    last = told[-1]
    places = [settlements[0]] + [p for p in settlements[1:] if _GAPPED_AFTER.match(view.text, settlements[0].end, p.start)
                                 and len(_CLAUSE_COMMA.findall(view.text, settlements[0].end, p.start)) <= 3]
    published = memory.article.published
    # ("..., Ukraine's military acknowledged": the sentence's own speaker; "two months later" with no
    # date of its own: not the day of the change before)
    own = [a for a in voice.attributions if not a.embedded and a.kind != "journalist"]
    later = _LATER.search(view.text, followed.end()) is not None
    for place in places:
        after = [d for d in dates if d.start >= max(place.end, followed.end())]
        date = after[0] if after else None
        background = date is not None and published is not None and (published.date - date.date).days > _BACKGROUND_DAYS
        drafts.append(replace(last, view=view, first=view, place=place, date=date if date or later else last.date,
                              also=[], background=background or last.background, heading=view.heading,
                              date_of_event=date is not None, **({"attribution": own[0], "hedged": False} if own else {})))


# the other side's words cited by a speaker ("said Russian propagandists were claiming that X had been liberated")
# (not Russians who fight for Ukraine: "the Legion, a unit of Russian citizens fighting for Ukraine, said that ...")
_CITED_BEFORE = compiled(r"\b(?:claim\w*|boast\w*|spread\w*|propagand\w*|allege\w*|insist\w*|(?:Russian|Moscow|Kremlin)\b"
                         r"(?![^.;]{0,40}\bfor\s+Ukraine\b)[^.;]{0,40}\b(?:say|says|said))\b"
                         r"[^.;]{0,60}?\bthat\s+[^.;]*$", re.I)
_ADDED_REACH = 40  # characters from the words to the first place they add ("added two more villages: A")
# (a short aside placing the one before may stand between: "added A, in the same area, and B")
_LIST_JOIN = compiled(r"\s*(?:,\s+(?:in|near|just|on)\s[^,;.:]{1,40},\s*and\s+|,\s*(?:and\s+)?|and\s+|;\s*)(?:(?:the\s+)?(?:villages?|towns?|settlements?)\s+of\s+|"
                      r"(?:two|three|four|five|six|several)\s+(?:more\s+|other\s+)?(?:villages|towns|settlements)"
                      r"(?:\s+in\s+[^:;.]{1,40})?:\s*)?")  # ("added A and three villages in X Oblast: B, C and D")
_MAY_ADD = compiled(r"added|named|listed|list\b")  # (what the rules' "added" needs, before it is tried)
_ADDED_VERB = compiled(r"\b(?:added|listed|named)\b")  # (a sentence whose own phrase told nothing adds only so)
_ADDED_ELSEWHERE = compiled(r"\bas\b|\bto\s+(?:its|the|their|his|her)\s+(?:[\w-]+\s+)?list\s+of\s+(?!(?:the\s+)?(?:[\w-]+\s+)?"
                             r"(?:captured|occupied|liberated|taken|seized|retaken|recaptured|lost|abandoned)\b)", re.I)


def _added(view: SentenceView, voice: Voice, drafts: list[Draft], memory: _Discourse,
           dates: list[DateExpression]) -> None:
    """"On Tuesday it added A and B": the change the sentence before told, again for the places named
    after the words, by its claimant (or one the sentence names), dated by the sentence's own day."""
    added = memory.rules.added.search(view.text) if view.settlements else None
    if added is None:
        return
    places = []
    for place in (p for p in view.settlements if p.start >= added.end()):
        # the list the words open: its first place right after them, the others joined to it by commas and "and"
        if not places and place.start - added.end() > _ADDED_REACH or places and not _LIST_JOIN.fullmatch(
                view.text, places[-1].end, place.start):
            break
        places.append(place)
    if not places or _ADDED_ELSEWHERE.search(view.text, places[-1].end) or not (
            memory.rules.added_close.match(view.text, places[-1].end)
            or "added" in added.group() and memory.rules.added_saying.match(view.text, places[-1].end)):  # ("added A and B, saying ...")
        # (none named after it; "it added A and B to its list of towns at risk", "... as priorities": another
        # list; "He added Pokrovsk remained the target", "named A and B the hardest sectors": no list of gains)
        return
    told = [d for d in drafts if d.kind is not EventType.DENIAL and d.kind is not EventType.CONTESTED
            and not d.background and d.gains is not Side.NONE and (view.index - d.view.index <= 2
                # (or told in the paragraph before: "SATURDAY. The ministry said it took A and B. ... SUNDAY. It added C.")
                or view.sentence.paragraph - d.view.sentence.paragraph == 1)]
    if not told:
        return
    last = told[-1]
    own = [a for a in voice.attributions if not a.embedded and a.kind != "journalist" and a.start < added.start()]
    if not own:  # "On Monday, Maliar added A": the claimant named as the subject, with no verb of saying
        own = [a for a in named_claimants(view.text[:added.end()], memory.rules) if a.kind != "journalist"][-1:]
    before = [d for d in dates if d.start < added.start()]
    date = max(before, key=lambda d: d.start) if before else next(iter(dates), None)  # ("on Sunday ... and on Monday it added")
    for place in places:
        if any(d.view is view and d.place.key == place.key for d in drafts):
            continue
        drafts.append(replace(last, view=view, first=view, place=place, date=date or last.date, also=[], heading=view.heading,
                              date_of_event=date is not None, **({"attribution": own[0], "hedged": False} if own else {})))


def _vouched(view: SentenceView, voice: Voice, drafts: list[Draft], memory: _Discourse) -> None:
    """"The deputy defence minister announced both.": the changes the sentence just before told in the
    outlet's voice are the claims of whoever the sentence names as vouching for them."""
    vouched = search_once(memory.rules.vouched, view.text)
    if vouched is None:
        return
    own = [a for a in voice.attributions if not a.embedded and a.kind != "journalist" and a.start < vouched.start()] or \
        [a for a in named_claimants(view.text[:vouched.start()], memory.rules) if a.kind != "journalist"][-1:]
    if not own:
        return
    for draft in drafts:
        if draft.view.index == view.index - 1 and draft.attribution.kind == "journalist" and draft.kind is not EventType.DENIAL:
            draft.attribution, draft.also = own[0], [*draft.also, view]


# the speaker just heard passing over a place: "He did not comment on X", "..., but she made no mention of X"
PASSED_OVER = compiled(r"(?:\b(?:He|She|It|They)|\b(?:but|and)(?:\s+(?:he|she|it|they))?)\s+(?:also\s+)?(?:(?:(?:did|does|has|had)\s+not|"
                       r"didn['’]t|doesn['’]t|hasn['’]t|declined\s+to|refused\s+to)\s+(?:comment|say\s+anything|speak)\s+(?:on|about)|"
                       r"made\s+no\s+(?:mention|comment)\s+(?:of|on|about)|said\s+nothing\s+(?:of|about|on)|"
                       r"(?:was|were|remained)\s+silent\s+(?:on|about))\b")
PASSED_OVER_REACH = 80  # characters after the phrase where the places passed over are named


def _day_of_denial(dates: list[DateExpression], denied: re.Match[str] | None) -> DateExpression | None:
    """The day a denial was made, when its sentence tells it before or in its verb: "On Thursday Kyiv
    rejected the claim", "The brigade, which has held the town since the spring, wrote on Thursday that
    the claim was not true" (the last told before it), or right after its words ("rejected the claim on
    Thursday"); not a day further on, which may be the claim's: "rejected the claim made on Monday"."""
    if denied is None:
        return None
    return next((d for d in reversed(dates) if d.start < denied.end()), None) \
        or next((d for d in dates if 0 <= d.start - denied.end() <= 1), None)


def _deny_recent(view: SentenceView, voice: Voice, drafts: list[Draft], keys: set[str] | None = None,
                 own: Attribution | None = None, when: DateExpression | None = None) -> None:
    """"Ukraine's General Staff rejected the claim.": a denial, by that speaker, of the claims the
    last claiming sentence made for the other side (``own``: the text's own voice, the denier when
    nobody speaks: "The MoD reports that X has been liberated. This is premature: ...")."""
    # (the text's own voice only in a rebuttal of its own, "This is premature", not "He denied that ...")
    deniers = [a for a in voice.speakers() if a.kind != "journalist" and a.side is not Side.NONE] or \
        ([own] if own is not None and not voice.speakers() and REBUTTAL_OPENS.match(view.text) else [])
    if not deniers:
        return
    denier = deniers[0]
    # "the claim about X was a fiction": the last sentence that claimed X; else the last that claimed anything
    # (not one the speaker passed over: "'That is a lie,' the spokesman said, but he said nothing about X")
    passed = [(view.sentence.start + m.end(), view.sentence.start + m.end() + PASSED_OVER_REACH)
              for m in PASSED_OVER.finditer(view.text)]
    named = keys or {p.key for p in view.places if (p.is_settlement or p.role == "modifier")
                     and not any(start <= p.mention.start < end for start, end in passed)}  # ("the Novoprokopivka claim")
    # (further back when the sentence names the place: "Regarding X, the General Staff called the claim a fake")
    reach = NAMED_DENIAL_REACH if keys is None and view.settlements else HEDGE_BACK
    # (a place under another spelling is the same place: "Yampolovka" claimed, "Yampolivka" denied)
    named_ids = {p.resolution.place.geonameid for p in view.places
                 if keys is None and p.is_settlement and p.resolution.place is not None
                 and not any(start <= p.mention.start < end for start, end in passed)}
    about = [d for d in drafts if (d.place.key in named or d.place.resolution.place is not None
                                   and d.place.resolution.place.geonameid in named_ids)
             and view.index - d.view.index <= reach]
    # (the last that claimed it for the denier's opponent: not the denier's own side's report in between)
    deniable = [d for d in about if d.kind is not EventType.DENIAL and _other_voice(d, denier)
                and d.claimed_side is denier.side.opponent()]
    adjective = SIDE_ADJECTIVE.get(denier.side, "")
    if not deniable and denier.from_context and adjective and denier.claimant.startswith(adjective + " "):
        # "Russian bloggers said Ukrainian troops had left X. The General Staff denied the reports.": one named
        # only after the side that spoke before does not deny that side's claim of its own gain: the other side does
        told = about or [d for d in drafts if d.view.index == drafts[-1].view.index]
        own = [d for d in told if d.kind is not EventType.DENIAL and d.attribution.side is denier.side
               and d.claimed_side is denier.side]
        if own:
            other = denier.side.opponent()
            denier = replace(denier, side=other, claimant=SIDE_ADJECTIVE[other] + denier.claimant[len(adjective):])
            deniable = own if about else []
    about = deniable or about
    last = about[-1].view.index if about else drafts[-1].view.index
    lasts = {last}
    # (not "that claim", which points to the last: "It also claimed Y. Kyiv said that claim was false")
    if not about and _ALSO.search(drafts[-1].view.text) and not _THAT_CLAIM.search(view.text):
        # "... took X. It also claimed the village of Y. Kyiv said the claim was false": the claim, X's
        earlier = [d.view.index for d in drafts if d.view.index < last and view.index - d.view.index <= HEDGE_BACK
                   and not d.background and d.kind is not EventType.DENIAL]
        # (a main claim, of one place: not a list told before the news, "has claimed a string of
        # villages since March, including A, B and C. On Wednesday it said it had also taken D")
        # ("... It also claimed C and D. Kyiv called the claims false": both sentences' claims)
        if earlier and _PLURAL_CLAIMS.search(view.text):
            lasts = {earlier[-1], last}
        elif earlier and len({d.place.key for d in drafts if d.view.index == earlier[-1]}) == 1:
            lasts = {earlier[-1]}
    if not about and all(d.background for d in drafts if d.view.index == last) \
            and (len({d.place.key for d in drafts if d.view.index == last}) > 1
                 # (or history in the outlet's own voice: "..., after Russian forces took X in May 2023")
                 or all(d.attribution.kind == "journalist" for d in drafts if d.view.index == last)):
        # "It is the latest of a series of villages it says it has taken, including A and B. Kyiv denied
        # the claim": the news claim before the history, not the history
        news = [d.view.index for d in drafts if not d.background and d.kind is not EventType.DENIAL
                and view.index - d.view.index <= HEDGE_BACK]
        lasts = {news[-1]} if news else lasts
    for draft in [d for d in drafts if d.view.index in lasts and (not about or d.place.key in named or (
            d.place.resolution.place is not None and d.place.resolution.place.geonameid in named_ids))]:
        claimed_side = draft.claimed_side
        if draft.kind is EventType.DENIAL or claimed_side is Side.NONE or not _other_voice(draft, denier):
            continue
        if draft.attribution.side is denier.side and view.settlements and draft.place.key not in named:
            continue  # (its own side's monitor only when the denial is of that place: not "claims about Y were false")
        if draft.attribution.side is Side.NONE and claimed_side is not denier.side.opponent():
            continue  # the article's own report of the denier's gain is not what they deny
        drafts.append(Draft(view, view, EventType.DENIAL, draft.place, claimed_side, denier, "", False, when or draft.date,
                            "" if when else draft.date_basis, 0.6, claimed_side, draft.background, view.heading, draft.side_from,
                            denies_fighting=draft.kind is EventType.CONTESTED))


_THAT_CLAIM = compiled(r"\b(?:that|this)\s+(?:latest\s+|last\s+|new\s+)?(?:claim|report|statement)\b", re.I)
_BOTH_CLAIMS = compiled(r"\b(?:both|all)\b", re.I)
_RELATIVE_AFTER_LIST = compiled(r",\s+(?:which|where|who)\b")
_PLURAL_CLAIMS = compiled(r"\b(?:the|these|those|both|all)\s+(?:[\w-]+\s+)?(?:claims|reports|statements)\b", re.I)


def _other_voice(draft: Draft, denier: Attribution) -> bool:
    """Whether the denier may deny the draft's claim: one of the other side's, or a monitor's of its own
    side telling of the other side's gain ("DeepState showed X occupied. The Khortytsia group said the
    report did not correspond to reality")."""
    # (so may a side's local officials conceding the other side's gain: "The governor of Kursk region said Ukrainian
    # troops had taken X. Russia's defence ministry denied it")
    return draft.attribution.side is not denier.side or (
        draft.attribution.kind in ("analyst", "local authorities", "local official") and draft.claimed_side is denier.side.opponent()
        and draft.attribution.claimant != denier.claimant)


_NAME_REMOVED = compiled(r"\bremoved\s+((?-i:[A-ZА-ЯІЇЄ])[\w’'-]+(?:\s+(?-i:[A-ZА-ЯІЇЄ])[\w’'-]+)?)")


# the taken-back post's own words: "deleted a post in which it claimed", "a report that he said"
_IN_WHICH = compiled(r",?\s+(?:in\s+which|where|which|that)\s+", re.I)


def _taken_back_here(retraction: re.Match[str], draft: Draft, view: SentenceView, text: str) -> bool:
    """Whether the sentence's retraction takes back the draft: "said Russian troops had taken X, but
    deleted the post hours later" (not "..., while a blogger deleted a post about the town"), or one
    whose speaker's words are what was taken back ("a blogger deleted a post announcing the capture of
    X", "a brigade deleted a post in which it claimed to have retaken X")."""
    if draft.first is view and draft.place.end > retraction.start():
        speaker = draft.attribution
        return bool(speaker.verb) and speaker.start < retraction.start() \
            and retraction.group().lower().startswith(speaker.verb.lower()) \
            or _IN_WHICH.fullmatch(text, retraction.end(), speaker.start) is not None and _PRONOUN.match(text, speaker.start) is not None
    return not _NEW_SUBJECT.search(text, 0, retraction.start())


def _retracted_place(retraction: re.Match[str], draft: Draft) -> bool:
    """Whether a retraction takes back the draft's place: "removed X from its list" only X's claim."""
    named = _NAME_REMOVED.search(retraction.group())
    return named is None or named.group(1) == draft.place.mention.text


def _retract(view: SentenceView, speakers: list[Attribution], claimed: list[Draft], drafts: list[Draft]) -> None:
    """"He later deleted the post", "the ministry withdrew the statement": the speaker denies the
    claims they made (with nobody named, whoever made them)."""
    named = [a.claimant for a in speakers if a.kind != "journalist"]
    for draft in claimed:
        if draft.kind is EventType.DENIAL or draft.gains is Side.NONE or draft.attribution.kind == "journalist" or \
                named and draft.attribution.claimant != named[0]:
            continue
        drafts.append(replace(draft, view=view, kind=EventType.DENIAL, denied_side=draft.gains, via="", hedged=False,
                              confidence=0.6, also=[]))


_LATTER_FORMER = compiled(r"\b(?:latter|former)\b", re.I)
_TO_CLAUSE_END = compiled(r"[^,;.:]*")


def _deny_in_tail(view: SentenceView, voice: Voice, drafts: list[Draft], made: int, rules: Rules,
                  dates: list[DateExpression]) -> None:
    """"X claimed its troops had captured A, a claim Kyiv rejected (on Tuesday)": the claimant
    named in the tail denies the claims the sentence made before it, on the day the tail gives."""
    tail = search_once(rules.denial_tail, view.text)  # (asked once for each change the sentence tells)
    if tail is None:
        return
    deniers = [a for a in voice.attributions if tail.start() <= a.start < tail.end() and a.side is not Side.NONE]
    if not deniers:  # "..., a claim denied by Kyiv": named after "by", with no verb of its own, up to the clause's end
        named = _TO_CLAUSE_END.match(view.text, tail.end())  # (the tail stops at "the Ukrainian" of "the Ukrainian military")
        deniers = [replace(a, start=a.start + tail.start(), end=a.end + tail.start())
                   for a in named_claimants(view.text[tail.start():named.end()], rules) if a.side is not Side.NONE]
    if not deniers:
        return
    denier = deniers[0]
    when = next((d for d in dates if d.start >= tail.start()), None)
    made_here = drafts[made:]
    one = _LATTER_FORMER.search(tail.group())
    if one is not None and made_here:  # "A in February and B in July, though Kyiv disputes the latter": B only
        key = (made_here[-1] if one.group().lower() == "latter" else made_here[0]).place.key
        made_here = [d for d in made_here if d.place.key == key]
    for draft in made_here:
        # the denier is another voice than the claim's ("other milbloggers denied the claim" may be of its side)
        other_voice = draft.attribution.side is not denier.side or draft.attribution.start != denier.start
        if draft.view is view and draft.kind is not EventType.DENIAL and other_voice and draft.claimed_side is not denier.side:
            drafts.append(replace(draft, kind=EventType.DENIAL, attribution=denier, denied_side=draft.claimed_side,
                                  gains=draft.claimed_side, via="", hedged=False, confidence=0.6, also=[],
                                  date=when or draft.date, denies_fighting=draft.kind is EventType.CONTESTED))


def _hedge_recent(view: SentenceView, drafts: list[Draft], rules: Rules) -> None:
    keys = {p.key for p in view.settlements}
    recent = []
    for draft in reversed(drafts):  # newest first: only the last few sentences count
        if view.index - draft.view.index > HEDGE_BACK:
            break
        recent.append(draft)
    recent_keys = {d.place.key for d in recent}
    for draft in recent:
        if draft.attribution.kind == "journalist":
            continue
        if not keys or draft.place.key in keys or not (keys & recent_keys):
            draft.hedged = True


# a later list of what else was done to places (rules.other_deeds) that still points back to the places a
# count told before: "visited several of them, including A and B"
_OF_THEM = compiled(r"\b(?:of|among)\s+(?:them|these|those)\b", re.I)


_WHOSE_CHANGE = compiled(r",\s+whose\s")
_SITE_NAMED_AFTER = compiled(r"\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*\s*[.;,]?\s*$")  # a line's place, then nouns in lower case to its end
_THE_BEFORE = compiled(r"\bthe\s+$", re.I)


def _follow_frame(view: SentenceView, voice: Voice, drafts: list[Draft], memory: _Discourse, rules: Rules,
                  dates: list[DateExpression]) -> None:
    frame = memory.frame
    assert frame is not None
    # "Work to liberate X and the villages nearby goes on": a sentence with a phrase of its own,
    # even one that tells of no change, is not the frame's list
    listed = rules.frame_anaphora.search(view.text) or memory.list_open and _listed_line(view, memory) or \
        view.index == frame.view.index + 1 and _BARE_NAME_LIST.fullmatch(view.text) or _names_the_list(view, voice, frame)
    # (a phrase after the list is its own: "listed A, B and C, saying troops had advanced 6 km")
    # (nor a list of what else is done to places: "Russian forces keep shelling settlements on the
    # right bank, including A and B")
    if listed and view.settlements and rules.other_deeds.search(view.text, 0, view.settlements[0].start) \
            and not _OF_THEM.search(view.text, 0, view.settlements[0].start):  # (but "visited several of them, including A")
        listed = None
    # (a relative clause on one of the places tells that place's own change: "Among them were A, whose capture
    # the ministry announced on Sunday; B and C")
    if view.settlements and listed and all(start >= view.settlements[-1].end or _WHOSE_CHANGE.match(view.text, start)
                                           for start, _, _ in find_triggers(view.text, rules)):
        lister = next((a for a in voice.attributions if not a.embedded and a.end <= view.settlements[0].start), None)
        # "Moscow claimed a string of villages. The ministry listed five: A, B ...": the list is the ministry's
        if lister is not None and (frame.attribution.kind == "journalist" or frame.attribution.claimant in GENERIC_STATES
                                   and lister.side is frame.attribution.side):
            _update_frame(frame, lister, voice.channel, dates, memory)
        # ("On Saturday the ministry listed five: ...": the day of its list)
        date = _pick_date(dates if lister is not None and dates else frame.dates, 0)
        if (entry := _DATED_ENTRY.match(view.text)) is not None and dates and dates[0].start < entry.end():
            date = dates[0]  # a timeline's entry: "July 27 - A."
        elif entry is None and dates and dates[0].end <= view.settlements[0].start and _MARKED_ITEM.match(view.text):
            date = dates[0]  # an item's own day before its places: "— on 12 May, A and B;"
        elif entry is not None and (day := _entry_day(entry.group(), frame.dates, memory)) is not None:
            date = day  # a month's tally: "Fri 10 — A." under "Villages lost in May:"
        elif len(dates) == 1 and _ITEM_OPENS.fullmatch(view.text, 0, view.settlements[0].start) \
                and dates[0].start >= view.settlements[-1].end and _ITEM_DAY_AFTER.fullmatch(
                view.text[view.settlements[-1].end:dates[0].start] + "|" + view.text[dates[0].end:]):
            date = dates[0]  # an item's own day after its place: "1. A (Wednesday)", "A — 7 September"
        tail = _RELATIVE_AFTER_LIST.search(view.text)  # ("They are A and B, which lie on the road to C": not C)
        for place in view.settlements:
            if place.relation or tail is not None and place.start > tail.start() or rules.facility_after.match(view.text, place.end) \
                    or _SITE_NAMED_AFTER.match(view.text, place.end) and _THE_BEFORE.search(view.text, 0, place.start):
                continue  # (nor a site named after a place: "- the A ammunition depot", "- the B town hall")
            gains, how = _gains(frame.change, place, frame.attribution, memory)
            kind = _regained(frame.change.kind, gains, place, memory)
            draft = Draft(view, frame.view, kind, place, gains, frame.attribution, frame.via, frame.change.hedged,
                          date, "frame", 0.6, side_from=how)
            drafts.append(draft)
            frame.drafts.append(draft)
    elif rules.frame_nouns.search(view.text) and voice.attributions:
        attribution = governing(list(voice.attributions), view.text, len(view.text)) or voice.attributions[0]
        _update_frame(frame, attribution, voice.channel, dates, memory)


_ENTRY_WEEKDAY_DAY = compiled(r"\s*(?P<weekday>Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*[-–—:]")


def _entry_day(entry: str, frame_dates: list[DateExpression], memory: _Discourse) -> DateExpression | None:
    """A list line's own day ("Fri 10 —" under "lost in May", "Sun 1 —" in a week that began in August): the
    day of that number, in the month the text was last telling of or a month beside it, that falls on the
    weekday the line names and not after publication."""
    told = _ENTRY_WEEKDAY_DAY.match(entry)
    if told is None:
        return None
    published = memory.article.published
    reference = frame_dates[0].date if frame_dates else memory.month_told or (
        published.date if published is not None else None)
    if reference is None:
        return None
    fitting = []
    for months in (0, -1, 1):
        year, month = divmod(reference.year * 12 + reference.month - 1 + months, 12)
        try:
            day = dt.date(year, month + 1, int(told.group("day")))
        except ValueError:
            continue
        if WEEKDAYS[day.weekday()][:3] == told.group("weekday").lower() and (published is None or day <= published.latest):
            fitting.append(day)
    if not fitting:
        return None
    return DateExpression(told.start("weekday"), told.end("day"), entry[told.start("weekday"):told.end("day")], fitting[0],
                          DatePrecision.DAY)


def _names_the_list(view: SentenceView, voice: Voice, frame: _Frame) -> bool:
    """"Maliar listed A, B and C in the Z region, saying ...": the frame's own voice names its places
    (not another side's list of something else: "the General Staff listed A and B among places where
    attacks were repelled", "Zelensky named X as commander")."""
    listing = LISTED_BY.search(view.text) if view.settlements else None
    if listing is None or listing.end() > view.settlements[0].start:
        return False
    speaker = voice.attributions[0] if voice.attributions else voice.carried
    if speaker is not None and speaker.side is not frame.attribution.side and frame.attribution.kind != "journalist":
        return False
    return _LIST_TAIL.fullmatch(view.text, view.settlements[-1].end) is not None


def _update_frame(frame: _Frame, attribution: Attribution, via: str, dates: list[DateExpression],
                  memory: _Discourse) -> None:
    """A later sentence says who announced the frame's change, through whom, and when."""
    if attribution.kind != "journalist":
        frame.attribution = attribution
        for draft in frame.drafts:
            if draft.attribution.kind == "journalist":
                draft.attribution = attribution
                if draft.gains is Side.NONE or draft.side_from in ("discourse", ""):
                    draft.gains, draft.side_from = _gains(frame.change, draft.place, attribution, memory)
    frame.via = frame.via or via
    frame.dates = frame.dates or list(dates)
    for draft in frame.drafts:
        draft.via = draft.via or frame.via
        if draft.date is None and frame.dates:
            draft.date = frame.dates[0]
