"""Stage 1 of extraction: the article's sentences and, in each, the settlements it names and how.

A name in a sentence may stand for the settlement ("Russian troops entered Pechenihy"), or for
something else: a region ("the Luhansk People's Republic"), a front ("the Toretsk direction"), a
government ("Kyiv said"), a river ("the left bank of the Dnipro"), a dateline ("MOSCOW, May 3"),
or an adjective ("Kharkiv positions"). And a settlement may only locate the change ("fighting
near Kupiansk", "20 km west of Donetsk"). Later stages read ``role`` and ``relation`` and never
make a claim about a name that is not a settlement in its sentence.

Everything here is a pure function of the text, its geocoded mentions and the rules
(``events/rules/places.toml``); the cases are in tests/events/test_mentions.py.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from events.anchors import compiled
from events.records import Article
from events.rules import Rules
from events.sentences import Sentence, split_sentences
from geodata import Mention, PlaceKind, Resolution, Status, normalize_name
from geodata.scan import load_cues

__all__ = ["PlaceRef", "SentenceView", "read_mentions", "is_heading", "UNLISTED", "CALL_SIGN_CUE", "SAID_BEFORE_NAME", "SPOKEN_LABEL"]

_NEXT_WORD = compiled(r"\s+(\w+)")
_PERSON_SPEAKS = compiled(r"\s+(?:(?:also|later|earlier|then|further|again|separately)\s+)?"
                            r"(?:said|says|told|tells|added|adds|wrote|writes|stressed|insisted|explained|reports|reported|"
                            r"announces|announced|briefs|briefed|posted|posts|shared|shares)\b(?!\s+to\s+(?:be|have)\b)|"
                            r"\s+(?:reporting\s+to|saying\s+that)\b")  # ("..., Gerasimov reporting to Putin")
_AGE_APPOSITION = compiled(r",\s+\d{1,2},\s+(?:an?|the|his|her)\s")  # a person's age after the name
# a verb of saying right before a name ('"...," said Oleh, a mortarman'): the name speaks (events/voices.py too)
SAID_BEFORE_NAME = compiled(r"\b(?P<verb>said|says|adds|added|recalls|recalled|explains|explained|insisted)\s+$")
_APPOSITION_OPENS = compiled(r",\s+(?:an?|the|his|her|who)\s")
_PERSON_APPOSITION = compiled(r",\s+(?:\d{1,2},|call\s*sign\b|callsign\b|nicknamed\b|(?:an?\s+)?\d{1,2}-year-old\b)|\s+(?:is|was)\s+an?\s")
_PLACE_BEFORE = compiled(r"\b(?:in|of|from|near|at|for|to|by|the|outside|around)\s+$", re.I)  # "officials in X said"
# a known person's surname as the subject of a claim ("Kupiansk, which Gerasimov had claimed to have captured")
_PERSON_CLAIMS = compiled(r"\s+(?:(?:had|has|have|also|later|earlier|then|first)\s+)+(?:claimed|announced|declared|reported)\b|"
                          r"\s+(?:claimed|declared)\s+(?:to\s+have|that)\b")
_CLAUSE_ENDS = compiled(r"[\s,]*(?:that\b|on\b|in\b|[.,;:]|$)")  # "Petrenko said." / "said on Monday"
_HEADING_END = compiled(r"[.!?…:\"”’)]\s*$")
_SECTION = compiled(r"^\s*(?P<label>Background|Previously|Earlier|Context|Recall|Reminder|History|"
                      r"Details|Quote|Source|Update|Addition|Why it matters)\s*:", re.I)


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A place named in a sentence. ``start``/``end`` index the sentence text."""

    mention: Mention
    resolution: Resolution
    start: int
    end: int
    role: str  # settlement | region | front | modifier | government | river | dateline | person
    relation: str  # "" (the place itself) | near (near it, towards it, a distance from it)

    @property
    def key(self) -> str:
        """One key per place: its geonameid when resolved, else its name as written."""
        place = self.resolution.place
        return str(place.geonameid) if place is not None else self.mention.key

    @property
    def name(self) -> str:
        return self.mention.text.removesuffix("'s").removesuffix("’s")

    @property
    def is_settlement(self) -> bool:
        return self.role == "settlement"


@dataclass(frozen=True, slots=True)
class SentenceView:
    """A sentence with the places it names, as later stages read it."""

    sentence: Sentence
    places: tuple[PlaceRef, ...]
    heading: bool  # a headline or subhead: a short line without a closing full stop
    section: str  # the label of the paragraph it sits in ("Background", "Quote", ...) or ""
    regions: tuple[str, ...]  # regions named in it ("Donetsk Oblast"), context for its places
    region_countries: frozenset[str] = frozenset()  # countries of the regions it places things in ("in the Kursk region")
    office_countries: frozenset[str] = frozenset()  # countries of the regions whose office speaks ("the Kursk governor")
    # the sentence's text and index, and the places that are settlements: read by every stage again and
    # again (hundreds of times an article), so set once here rather than worked out at each reading
    text: str = field(init=False, repr=False, compare=False)
    index: int = field(init=False, repr=False, compare=False)
    settlements: tuple[PlaceRef, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", self.sentence.text)
        object.__setattr__(self, "index", self.sentence.index)
        object.__setattr__(self, "settlements", tuple(p for p in self.places if p.is_settlement))


def is_heading(sentence: Sentence, text: str) -> bool:
    """Headlines and subheads: a line of its own without a closing full stop."""
    # a heading is short: look for its line breaks nearby only
    low, high = max(0, sentence.start - 400), sentence.end + 400
    line_start = text.rfind("\n", low, sentence.start)
    line_end = text.find("\n", sentence.end, high)
    if (line_start == -1 and low > 0) or (line_end == -1 and high < len(text)):
        return False  # the line is longer than any heading
    line = text[line_start + 1:line_end if line_end != -1 else len(text)].strip()
    return line == sentence.text.strip() and not _HEADING_END.search(line) and len(line.split()) <= 20


def _capital_named_for_its_region(resolution: Resolution) -> bool:
    """A regional capital that shares its region's name (Kharkiv, Kursk)."""
    place = resolution.place
    return place is not None and place.admin1.split()[0] == place.name


_CITY_AFTER = compiled(r"\s*city\b", re.I)


def _names_its_region(mention: Mention, resolution: Resolution, before: str, after: str) -> bool:
    """A headline's "in Kharkiv" is the Kharkiv region as often as the city: a regional capital
    that shares its region's name, after "in", not followed by "city"."""
    return _capital_named_for_its_region(resolution) and re.search(r"\bin\s+$", before) is not None \
        and not _CITY_AFTER.match(after)


def _names_russian_region(resolution: Resolution, before: str, after: str) -> bool:
    """"offensive operations in Kursk", "In Belgorod fighting continues": no Russian regional capital
    that shares its region's name has changed hands, so in war reporting the name is the region
    (not "the city of Belgorod", "Kursk city")."""
    return _capital_named_for_its_region(resolution) and resolution.place is not None and resolution.place.country == "RU" \
        and not re.search(r"\bcity\s+of\s+$", before, re.I) and not _CITY_AFTER.match(after)


_SETTLEMENT_NOUN_AFTER = compiled(r"\s+(?:village|town|settlement|hamlet)\b(?!\s+(?:of|council)\b)", re.I)


def _names_region_of_noun(resolution: Resolution, after: str) -> bool:
    """"Russia retook Kursk village", "another Belgorod village": a regional capital that shares its
    region's name, set before a settlement noun, is the region's adjective (a village so named
    keeps "Tonenke village")."""
    return _capital_named_for_its_region(resolution) and _SETTLEMENT_NOUN_AFTER.match(after) is not None


DATELINE_REACH = 300  # characters from the text's start a dateline stands in
_LIST_ABOVE = compiled(r"(?::|\n[ \t]*[A-ZА-ЯІЇЄ][\w’'-]+(?:[ -][A-ZА-ЯІЇЄ][\w’'-]+){0,2})[ \t]*\n[ \t]*$")
# a name in capitals opening a list entry: "TONENKE - The village ..." (or a day: "Tonenke — 7 September")
_ENTRY_DASH = compiled(r"\s+[-–—]\s+(?:[A-Z]|\d{1,2}\s+[A-Z][a-z]+[ \t]*(?:\n|$))|:\s+[A-Z]")


CALL_SIGN_CUE = compiled(r"call|nick|name|known|identified|guerre")  # a word every call-sign phrase holds (most text holds none)


def _role(before: str, after: str, mention: Mention, rules: Rules) -> str:
    """What the name stands for; ``before`` runs from the start of its line (at most 160 characters)."""
    roles = rules.places
    name = mention.text.removesuffix("'s").removesuffix("’s")
    if roles.dateline_line_start.fullmatch(before) and (
            (mention.text.isupper() and len(name) > 2) or roles.dateline_after.match(after)):
        return "dateline"
    if name in roles.government_names and not any(p.search(before) for p in roles.government_city_before):
        return "government"
    if name in roles.river_names and (any(p.search(before) for p in roles.river_before)
                                      or any(p.match(after) for p in roles.river_after)):
        return "river"
    following = after.lstrip()
    if before.endswith(("“", '"', "«", "‘", "'")) and following[:1] in ("”", '"', "»", "’", "'"):
        following = following[1:].lstrip()  # a quoted name: 'the "Khortytsia" group' is the group's name
    verb = _NEXT_WORD.match(after)
    if verb and rules.reporting_verbs.fullmatch(verb.group(1)) and _CLAUSE_ENDS.match(after, verb.end()) \
            and not _ARTICLE_BEFORE.search(before):
        return "person"  # "..., Petrenko said.": a surname that is also a village's name speaks ("the X claim" does not)
    if _PERSON_SPEAKS.match(after) and not mention.text.endswith(("'s", "’s")) and not _PLACE_BEFORE.search(before):
        return "person"  # "Petrenko later said the village held", "Petrenko told Reuters"
    if _AGE_APPOSITION.match(after) and not _PLACE_BEFORE.search(before):
        return "person"  # "said Bohdan, 25, a Ukrainian infantryman": a first name and an age, not the village
    if (SAID_BEFORE_NAME.search(before) and _APPOSITION_OPENS.match(after) or _PERSON_APPOSITION.match(after)
            or mention.text.endswith(("'s", "’s"))) and rules.persons.first_name.fullmatch(name):
        # '"...," said Oleh, a mortarman', "Oleh, call sign Shaman, ...", "Oleh's war": a given name, not the hamlet
        # of that name
        return "person"
    if CALL_SIGN_CUE.search(before, max(0, len(before) - 80)) \
            and (sign := rules.persons.call_sign.search(before[-80:] + name)) is not None and sign.end("call") == len(before[-80:]) + len(name):
        return "person"  # "a soldier introduced only by his call sign, Tikhiy": a person's name, not the village
    if _SOURCE_BEFORE.search(before) and after.startswith(","):
        return "person"  # "According to Gerasimov, ...": a surname that is also a village's name is the source
    if (mention.text.endswith(("'s", "’s")) or _GIVEN_NAME_BEFORE.search(before) or _PERSON_CLAIMS.match(after)) \
            and not _PLACE_BEFORE.search(before) \
            and rules.any_claimant.fullmatch(name) and any(
                _PERSON_CLAIMANT.match(c.name) and c.regex.fullmatch(name) for c in rules.claimants):
        # ("dismissed Gerasimov's figures", "General Valery Gerasimov told", "which Gerasimov had claimed")
        return "person"  # a known person, no village
    if any(p.match(following) for p in roles.region_after) or any(p.search(before) for p in roles.region_before):
        return "region"
    if any(p.match(following) for p in roles.front_after) or any(p.search(before) for p in roles.front_before):
        return "front"
    if not mention.text.endswith(("'s", "’s")) and (any(p.match(following) for p in roles.modifier_after)
                                                    or any(p.search(before) for p in roles.modifier_before)):
        return "modifier"
    return "settlement"


def _relation(before: str, after: str, rules: Rules) -> str:
    """"" (the place itself), "beside" ("the X area", "west of X") or "near" ("near X", "towards X")."""
    if rules.places.near_after.match(after) or rules.places.beside.search(before[-120:]):
        return "beside"
    if rules.places.near.search(before[-120:]):
        return "near"
    # (another name of a place that only locates, in brackets after it: "west of Artemovsk (Bakhmut)")
    alias = _ALIAS_OPENS.search(before)
    return _relation(before[:alias.start()], "", rules) if alias is not None else ""


_ALIAS_OPENS = compiled(r"(?<![\w’'-])[A-ZА-ЯІЇЄҐ][\w’'-]*(?: [A-ZА-ЯІЇЄҐ][\w’'-]*){0,2}\s*\($")


# a run of up to three capitalised words: a name the gazetteer may lack ("Nikolayevo-Daryino", "Malaya Loknya")
_CAPITALISED = compiled(r"(?<![\w’'-])[A-ZА-ЯІЇЄҐ][\w’'-]*(?: [A-ZА-ЯІЇЄҐ][\w’'-]*){0,2}")
_WORDS = compiled(r"\w+")
# a region as where named places are: "villages in the Kursk region", "A, B and C in the Kursk region"
_LOCATIVE = compiled(r"(?:\b(?:villages?|settlements?|towns?|localities|hamlets?|communities|(?-i:[A-ZА-ЯІЇЄ])[\w’'-]+))\s+"
                       r"(?:in|of)\s+(?:the\s+|Russia['’]s\s+|Ukraine['’]s\s+)?$", re.I)
_REGION_OFFICE = compiled(r"\s+(?:regional\s+|oblast\s+)?(?:governor|governorate|administration|authorities)\b", re.I)
_AFTER_WORD = compiled(r"\b[a-z]+\s+$")
_LIST_AFTER = compiled(r"(?:['’]s)?\s*(?:\([^()]{1,60}\)\s*)?(?:,|and\b|or\b|as well as\b|along with\b|plus\b|&|in\s|of\s)")
_LIST_BEFORE = compiled(r"(?:,|\band|\bor|\bas well as|\balong with|\bplus|&|\bof)\s*$")
UNLISTED = "not in the gazetteer; listed with places it knows"  # the reason such a name is unknown
# "settlements, including", "villages such as", "the following villages:" before a list of names
_PLURAL_LIST_OPEN = compiled(r"\b(?:villages|settlements|towns|localities|hamlets|communities)\b[^.;:]{0,40}?"
                               r"(?:,\s*|\s+)(?:including|such as|namely|among them|beginning with|starting with)\s+|"
                               r"\b(?:villages|settlements|towns|localities)(?:\s+of)?\s*:\s*|"
                               r"\b(?:villages|settlements|hamlets)\s+of\s+(?=[A-ZА-ЯІЇЄҐ][^.;:]{0,80}?\s+(?:and|as well as)\s+[A-ZА-ЯІЇЄҐ])|"  # "the villages of A and B"
                               r"\b(?:villages|settlements|towns|localities)\b[^.;:,]{0,40}?\s+[-–—]\s+")  # "three villages in the X region - A, B"
# "A and B, two villages north of X": the names listed right before a plural settlement noun in apposition
_PLURAL_APPOSITION_AFTER = compiled(r",\s+(?:the\s+)?(?:two|three|four|five|six|both|several|\d+)\s+(?:[\w-]+\s+)?"
                                      r"(?:villages|settlements|hamlets|localities)\b|"
                                      # "X, a village north of Y", "X, the last settlement in the region": one
                                      r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:village|settlement|hamlet|locality)\b"
                                      # (not its head, nor a clause: "Kovalenko, the settlement head", "Specifically, the village fell")
                                      r"(?!\s+(?:head|chief|council|administration|authorities|officials?|mayor|residents)\b)"
                                      r"(?!\s+(?:was|were|is|are|has|had|fell|remains|remained|came|lies)\b)")
_RANK_BEFORE = compiled(r"\b(?:Lieutenant|Sergeant|Captain|Major|Private|Corporal|Colonel|General|Commander|Mr|Ms|Mrs)\.?\s+$")
_GIVEN_NAME_BEFORE = compiled(r"\b(?:[A-Z][a-z]+|Gen\.|Col\.|Lt\.)\s+$")  # "Valery Gerasimov", "General Gerasimov"
_PERSON_CLAIMANT = compiled(r"[A-Z][\w’'-]+ [A-Z][\w’'-]+ \(")  # a claimant named as a person with a role
_SOURCE_BEFORE = compiled(r"\b(?:[Aa]ccording to|[Cc]iting|[Qq]uoting|[Ss]ources? close to)\s+$")
_ARTICLE_BEFORE = compiled(r"\b(?:the|a|an|this|that)\s+$", re.I)
NAMED_BY_NOUN = "not in the gazetteer; called a village or town by the text"
LISTED_AFTER_PLURAL = "not in the gazetteer; listed after 'settlements, including' or the like"
NAMED_AFTER_CHANGE = "not in the gazetteer; named right after the words of a change of control"
NAMED_BEFORE_CHANGE = "not in the gazetteer; named right before a passive of a change of control"
_NOUN_OF_NAME = compiled(r"\b(?:village|town|settlement|hamlet)\s+of\s+(?P<name>[A-ZА-ЯІЇЄҐ][\w’'-]+(?: [A-ZА-ЯІЇЄҐ][\w’'-]+)?)")
# "Guyevo, the last village in the region held by ...", 'X, "the last settlement" held by ...': the apposition
# calls the name a village
_NAME_THEN_NOUN = compiled(r"(?<![\w’'-])(?P<name>[A-ZА-ЯІЇЄҐ][\w’'-]+(?: [A-ZА-ЯІЇЄҐ][\w’'-]+)?),\s+[“\"‘']?(?:the|a)\s+"
                             r"(?:[\w-]+\s+){0,2}?(?:village|hamlet|settlement)\b"
                             r"(?!\s+(?:head|chief|council|administration|authorities|officials?|mayor|residents)\b)")
# "the last settlement that remained under enemy control, Guyevo, was ...": the name in apposition after the noun
_NOUN_THEN_NAME = compiled(r"\b(?:the|a)\s+(?:[\w-]+\s+){0,2}?(?:village|hamlet|settlement)\b[^,;.:“”\"]{0,60},\s+"
                           r"(?P<name>[A-ZА-ЯІЇЄҐ][\w’'-]+(?: [A-ZА-ЯІЇЄҐ][\w’'-]+)?),")
# "Berdin, northeast of Glushkovo", "Xyz, 5 km south of Glushkovo": a place located by a bearing
_NAME_THEN_BEARING = compiled(r"(?<![\w’'-])(?P<name>[A-ZА-ЯІЇЄҐ][\w’'-]+(?: [A-ZА-ЯІЇЄҐ][\w’'-]+)?),\s+(?:about\s+|some\s+)?"
                                r"(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+"
                                r"(?:the\s+(?:town|city|village)\s+of\s+)?[A-ZА-ЯІЇЄҐ]")


def _unlisted(text: str, refs: list[PlaceRef], rules: Rules, offset: int) -> list[PlaceRef]:
    """Names the gazetteer lacks, listed with settlements it knows ("liberated Plekhovo,
    Kremyanoye and Zhuravka", Kremyanoye unknown): settlements too, their place unknown, when
    shaped like place names or standing between two items of the list (places.toml, lists.unlisted)."""
    settlements = [r for r in refs if r.role == "settlement"]
    # most sentences hold no list: a known settlement with a list word beside it, or nothing to do
    if not any(_LIST_AFTER.match(text, r.end) or _LIST_BEFORE.search(text, max(0, r.start - 16), r.start) for r in settlements):
        return []
    places = rules.places
    taken = [(r.start, r.end) for r in refs]
    items: list[tuple[int, int, PlaceRef | None]] = [(r.start, r.end, r) for r in settlements]
    for m in _CAPITALISED.finditer(text):
        if not any(m.start() < e and s < m.end() for s, e in taken):
            items.append((m.start(), m.end(), None))
    items.sort(key=lambda item: item[0])
    glued = [places.list_glue.match(text[a[1]:b[0]]) is not None for a, b in zip(items, items[1:])]
    # the lists: runs of items glued one to the next that hold a settlement the gazetteer knows
    found: list[PlaceRef] = []
    run_start = 0
    for i in range(len(items) + 1):
        if i < len(items) - 1 and glued[i]:
            continue
        run = items[run_start:i + 1]
        if len(run) > 1 and any(ref is not None for _, _, ref in run):
            for k, (start, end, ref) in enumerate(run):
                # inside the list; or first of three or more after a word of the sentence ("retook A, B and C")
                inside = 0 < k < len(run) - 1 or k == 0 and len(run) >= 3 and _AFTER_WORD.search(text, max(0, start - 30), start) is not None
                if ref is None and _is_unlisted_name(text, start, end, inside, rules):
                    found.append(_unknown_settlement(text, start, end, offset, UNLISTED, rules))
        run_start = i + 1
    return found


_LAST_GLUE = compiled(r"\b(?:and|or|as well as|along with|plus)\s*$|&\s*$")


def _listed_after_plural(text: str, refs: list[PlaceRef], rules: Rules, offset: int) -> list[PlaceRef]:
    """"a number of nearby settlements, including A, B and C": the names listed after a plural
    settlement noun are settlements, though the gazetteer knows none of them (their place unknown)."""
    found: list[PlaceRef] = []
    for opener in _PLURAL_LIST_OPEN.finditer(text):
        chain_end = opener.end()
        closed = False  # (the list's last name came after "and": "A and B, Commander X said" ends at B)
        for m in _CAPITALISED.finditer(text, opener.end()):
            gap = text[chain_end:m.start()]
            if chain_end != opener.end() and (closed or rules.places.list_glue.match(gap) is None) or \
                    chain_end == opener.end() and gap.strip():
                break
            closed = _LAST_GLUE.search(gap) is not None
            chain_end = m.end()
            if any(r.start < m.end() and m.start() < r.end for r in refs) or \
                    not _is_unlisted_name(text, m.start(), m.end(), True, rules):
                continue
            found.append(_unknown_settlement(text, m.start(), m.end(), offset, LISTED_AFTER_PLURAL, rules))
    return found


def _listed_before_plural(text: str, refs: list[PlaceRef], rules: Rules, offset: int) -> list[PlaceRef]:
    """"retook A and B, two villages north of X", "Guyevo, the last settlement held ...": the names
    listed right before a settlement noun in apposition are settlements, though the gazetteer knows
    none of them."""
    found: list[PlaceRef] = []
    for noun in _PLURAL_APPOSITION_AFTER.finditer(text):
        names = [m for m in _CAPITALISED.finditer(text, 0, noun.start())]
        chain: list[re.Match[str]] = []
        end = noun.start()
        for m in reversed(names):
            gap = text[m.end():end]
            if chain and rules.places.list_glue.match(gap) is None or not chain and gap.strip():
                break
            chain.append(m)
            end = m.start()
        for m in chain:
            if not any(r.start < m.end() and m.start() < r.end for r in refs) and not m.group().endswith("ly") and \
                    _is_unlisted_name(text, m.start(), m.end(), True, rules):  # (not "Specifically,")
                found.append(_unknown_settlement(text, m.start(), m.end(), offset, LISTED_AFTER_PLURAL, rules))
    return found


def _named_after_change(text: str, refs: list[PlaceRef], rules: Rules, offset: int) -> list[PlaceRef]:
    """"troops had retaken Verkhnyaya Sosnovka", "retook A and B": names shaped as place names end,
    right after the words of a change of control (places.toml, lists.unlisted.after_change), are
    settlements though the gazetteer lacks them (their place unknown)."""
    found: list[PlaceRef] = []
    for words in rules.places.unlisted_after_change.finditer(text):
        name = _CAPITALISED.match(text, words.end())
        if name is None:
            continue
        chain_end = name.start()
        for m in _CAPITALISED.finditer(text, name.start()):
            if m.start() != name.start() and rules.places.list_glue.match(text[chain_end:m.start()]) is None:
                break
            chain_end = m.end()
            if any(r.start < m.end() and m.start() < r.end for r in refs + found):
                continue
            if not _is_unlisted_name(text, m.start(), m.end(), False, rules) or _RANK_BEFORE.search(text, 0, m.start()) \
                    or rules.places.unlisted_after_change_person.search(text[m.end():m.end() + 60]):
                break
            found.append(_unknown_settlement(text, m.start(), m.end(), offset, NAMED_AFTER_CHANGE, rules))
    return found


_OPENS_CLAUSE = compiled(r"(?:^|[,:;—–-]|\band|\bbut)\s*$|^\W*$")


def _named_before_change(text: str, refs: list[PlaceRef], rules: Rules, offset: int) -> list[PlaceRef]:
    """"Verkhnyaya Sosnovka has been fully cleared", "A and B were liberated overnight": names shaped as
    place names end, opening a clause right before a passive of a change of control (places.toml,
    lists.unlisted.before_change), are settlements though the gazetteer lacks them."""
    found: list[PlaceRef] = []
    names = list(_CAPITALISED.finditer(text))
    for i, name in enumerate(names):
        if rules.places.unlisted_before_change.match(text, name.end()) is None:
            continue
        chain = [name]  # (and the names listed before it, glued as lists are)
        for before in reversed(names[:i]):
            if rules.places.list_glue.match(text[before.end():chain[-1].start()]) is None:
                break
            chain.append(before)
        if not _OPENS_CLAUSE.search(text, 0, chain[-1].start()):
            continue
        for m in chain:
            if not any(r.start < m.end() and m.start() < r.end for r in refs + found) \
                    and _is_unlisted_name(text, m.start(), m.end(), False, rules) and not _RANK_BEFORE.search(text, 0, m.start()):
                found.append(_unknown_settlement(text, m.start(), m.end(), offset, NAMED_BEFORE_CHANGE, rules))
    return found


def _named_by_noun(text: str, refs: list[PlaceRef], rules: Rules, offset: int, names: re.Pattern[str]) -> list[PlaceRef]:
    """"the village of Malaya Loknya" (and "Malaya Loknya" again, once the text has called it
    so: ``names``): a settlement, though the gazetteer lacks it (its place unknown)."""
    found: list[PlaceRef] = []
    for m in names.finditer(text):
        start, end = m.start(), m.end()
        if any(r.start < end and start < r.end for r in refs) or not _is_unlisted_name(text, start, end, True, rules):
            continue
        found.append(_unknown_settlement(text, start, end, offset, NAMED_BY_NOUN, rules))
    return found


def _unknown_settlement(text: str, start: int, end: int, offset: int, reason: str, rules: Rules) -> PlaceRef:
    """The name at text[start:end] as a settlement the gazetteer lacks (its place unknown, ``reason`` why)."""
    name = text[start:end]
    mention = Mention(offset + start, offset + end, name, normalize_name(name), PlaceKind.PLACE)
    return PlaceRef(mention, Resolution(name, Status.UNKNOWN, reason=reason), start, end, "settlement",
                    _relation(text[:start], text[end:end + 60], rules))


_AFFILIATION_AFTER = compiled(r"\s+(?:of|from|at)\s+(?:the\s+)?(?:[\w-]+-based\s+)?[A-Z]")  # "X of Poland-based Y"


def _is_unlisted_name(text: str, start: int, end: int, inside: bool, rules: Rules) -> bool:
    name = text[start:end]
    places = rules.places
    if any(word in places.not_names or word.isupper() for word in name.split()):
        return False  # "Russian", "Monday", "DPR"
    comma = text.find(",", end, end + 50)
    if any(rules.reporting_verbs.fullmatch(word)
           for word in _WORDS.findall(text, end, comma if comma != -1 else end + 50)[:5]):
        return False  # "..., Petrenko said", "..., Zelensky's office said", "... and other commentators noted"
    words = name.split()
    if len(words) == 1 and name.endswith("ly"):
        return False  # an adverb: "Honestly, the village is a grey zone now"
    if len(words) > 1 and (words[0] in load_cues().given_names or words[0].lower() in rules.given_names):
        return False  # "Olena Zelenska": a person
    if name.endswith(("'s", "’s")) and not inside:
        return False  # "Pokrovsk and Trump's envoy"
    if len(words) == 2 and not words[0].startswith(places.place_prefixes) and _AFFILIATION_AFTER.match(text, end):
        return False  # "..., Konrad Muzyka of Poland-based Rochan Consulting said": a person and the body he is with
    after = text[end:end + 40].lstrip()
    # (any_claimant, not the claimant index: the index remembers sentences, and names would crowd them out)
    if any(p.match(after) for p in places.region_after) or rules.any_claimant.search(name):
        return False  # a region ("Sumy region"), a claimant ("Wagner")
    return inside or name.lower().endswith(places.unlisted_endings)


# a speaker's label in capitals, as a transcript opens a turn with it: "HOLLIS:", "SPOKESMAN (through interpreter):"
# (two letters or more; events/posts.py reads the turns, which also count "Q:" and "A:")
SPOKEN_LABEL = r"[A-ZА-ЯІЇЄ][A-ZА-ЯІЇЄ’'. -]{1,40}(?:\s*\([^()\n]{1,40}\))?:"
_LINE_LABEL = compiled(r"^[ \t]*([A-ZА-ЯІЇЄҐ][\w’'-]*(?: [A-ZА-ЯІЇЄҐ][\w’'-]+)?):[ \t]", re.M)


def _speaker_labels(text: str, place_names: set[str]) -> frozenset[str]:
    """The names that open two lines or more with a colon, where two names or more do so and one of
    them names no place: a transcript's speakers ("Q: Where are you? ... Yasen: No."), not a status
    list of places ("Orlivka: captured on Monday ... Orlivka: the loss confirmed")."""
    seen: dict[str, int] = {}
    for m in _LINE_LABEL.finditer(text):
        seen[m.group(1)] = seen.get(m.group(1), 0) + 1
    labels = frozenset(name for name, count in seen.items() if count >= 2)
    return labels if len(labels) >= 2 and not labels <= place_names else frozenset()


def read_mentions(article: Article, mentions: list[Mention], resolutions: list[Resolution],
                  rules: Rules) -> list[SentenceView]:
    """Every sentence of the article with the places it names, their role and relation."""
    text = article.text
    sentences = split_sentences(text, rules)
    settlements = sorted(((m, r) for m, r in zip(mentions, resolutions) if m.kind is PlaceKind.PLACE),
                         key=lambda mr: mr[0].start)
    regions = sorted(((m, r) for m, r in zip(mentions, resolutions) if m.kind is not PlaceKind.PLACE),
                     key=lambda mr: mr[0].start)
    starts = [m.start for m, _ in settlements]
    region_starts = [m.start for m, _ in regions]
    # names the gazetteer lacks that the text calls a village or town somewhere ("the village of
    # Guyevo"): the same name elsewhere in the text is that settlement too
    known = {m.text for m, _ in settlements}
    called = {m.group("name") for m in _NOUN_OF_NAME.finditer(text)} if "of " in text else set()
    if "village" in text or "hamlet" in text or "settlement" in text:
        called |= {m.group("name") for m in _NAME_THEN_NOUN.finditer(text)}
        called |= {m.group("name") for m in _NOUN_THEN_NAME.finditer(text)}
    if " of " in text:
        called |= {m.group("name") for m in _NAME_THEN_BEARING.finditer(text)}
    called -= known
    named_again = re.compile(r"(?<![\w’'-])(?:" + "|".join(map(re.escape, sorted(called, key=len, reverse=True)))
                             + r")(?![\w-])") if called else None
    border_text = rules.places.unlisted_after_change_region.search(text) is not None
    labels = _speaker_labels(text, {m.text for m, _ in settlements})
    views: list[SentenceView] = []
    section = ""
    last_paragraph = -1
    for sentence in sentences:
        if sentence.paragraph != last_paragraph:
            last_paragraph = sentence.paragraph
            label = _SECTION.match(sentence.text)
            section = label.group("label").capitalize() if label else ""
        lo, hi = bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
        refs = []
        heading = is_heading(sentence, text)
        line_start = text.rfind("\n", 0, sentence.start) + 1
        for mention, resolution in settlements[lo:hi]:
            start, end = mention.start - sentence.start, mention.end - sentence.start
            before = text[max(line_start, mention.start - 160):mention.start]
            after = text[mention.end:mention.end + 60]
            role = _role(before, after, mention, rules)
            if role in ("settlement", "dateline") and mention.text in labels and after.startswith(":") and not before.strip():
                role = "person"  # "Yasen: We left it a week ago": an interview's speaker, labelled line after line
            if role == "dateline" and heading and sentence.text.strip() == mention.text and (
                    mention.start > DATELINE_REACH or _LIST_ABOVE.search(text, max(0, line_start - 80), line_start)):
                # "STARYI SALTIV" alone on its line in the body: a section on the town, no dateline (nor the last
                # line of names under a colon: "... in May:\nA\nB")
                role = "settlement"
            elif role == "dateline" and _ENTRY_DASH.match(after) and mention.text.title() not in rules.places.government_names and (
                    mention.start > DATELINE_REACH or text.count("\n\n", 0, mention.start) >= 2  # (below headline and lead)
                    or _LIST_ABOVE.search(text, max(0, line_start - 80), line_start)):  # (or a list's colon)
                # "TONENKE - The village fell in May": a factbox's entry on the town, no dateline (but a capital's
                # "KYIV - The General Staff said ..." heads an update further down: a dateline)
                role = "settlement"
            if role == "settlement" and (heading and _names_its_region(mention, resolution, before, after)
                                         or _names_russian_region(resolution, before, after)):
                role = "region"
            elif role == "settlement" and _names_region_of_noun(resolution, after):
                role = "modifier"
            refs.append(PlaceRef(mention, resolution, start, end, role,
                                 _relation(sentence.text[:start], after, rules) if role == "settlement" else ""))
        if refs and not heading:
            refs = sorted(refs + _unlisted(sentence.text, refs, rules, sentence.start), key=lambda r: r.start)
        if not heading and _PLURAL_LIST_OPEN.search(sentence.text):
            refs = sorted(refs + _listed_after_plural(sentence.text, refs, rules, sentence.start), key=lambda r: r.start)
        if not heading and _PLURAL_APPOSITION_AFTER.search(sentence.text):
            refs = sorted(refs + _listed_before_plural(sentence.text, refs, rules, sentence.start), key=lambda r: r.start)
        if not heading and border_text:
            refs = sorted(refs + _named_after_change(sentence.text, refs, rules, sentence.start), key=lambda r: r.start)
            refs = sorted(refs + _named_before_change(sentence.text, refs, rules, sentence.start), key=lambda r: r.start)
        if not heading and named_again is not None:
            refs = sorted(refs + _named_by_noun(sentence.text, refs, rules, sentence.start, named_again),
                          key=lambda r: r.start)
        rlo, rhi = bisect.bisect_left(region_starts, sentence.start), bisect.bisect_left(region_starts, sentence.end)
        named_regions = tuple(r.place.admin1 if r.place is not None else m.text for m, r in regions[rlo:rhi])
        named_regions += tuple(ref.resolution.place.admin1 for ref in refs
                               if ref.role == "region" and ref.resolution.place is not None)
        # regions named as where settlements are ("villages in the Kursk region"), not only named
        # ("drones hit the Kursk region", "the incursion into the Kursk region"); and, for this
        # sentence only, a region's office ("the Kursk governor")
        countries = frozenset(r.place.country for m, r in regions[rlo:rhi]
                              if r.place is not None and _LOCATIVE.search(text, max(0, m.start - 30), m.start)) | frozenset(
            ref.resolution.place.country for ref in refs if ref.resolution.place is not None and ref.role == "region"
            and _LOCATIVE.search(text, max(0, ref.mention.start - 30), ref.mention.start))
        offices = frozenset(ref.resolution.place.country for ref in refs if ref.resolution.place is not None
                            and ref.role == "modifier" and _REGION_OFFICE.match(text, ref.mention.end))
        views.append(SentenceView(sentence, tuple(refs), heading, section, named_regions, countries, offices))
    return views
