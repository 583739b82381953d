"""Stage 2b of extraction: the people a feature introduces in its own narration before they speak.

"Oleh, 34, a welder who now commands a mortar platoon, spreads a paper map across a crate." Then,
two sentences on, '"We pulled them out on the third," he said.' Nothing in the quoted sentence says
who "he" is, and nothing in the narration is a verb of saying: a reader knows from the sentence that
introduced him. This stage finds those introductions (a given name with an age or an apposition,
a call sign, "The marine lies on a hospital bed", "His deputy, call sign Shram,") and what each
person is: a fighter or a civilian, and of which side, from the words that introduce them (a side
or a unit named), the person named before them ("his comrade"), the words around them ("the Russians
were already on our street" is a Ukrainian's), or the article as a whole. events/voices.py then lets
"he said" and "Oleh said" point back to them.

The words it reads by live in events/rules/claimants.toml [persons]. A pure function of the
sentence views and the rules; cases in tests/events/test_persons.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from events.anchors import compiled
from events.claimants import FOUGHT_BEFORE, FOUGHT_SIDE, SIDE_ADJECTIVE, Attribution, inside_quotations, named_claimants, quotations, unquoted
from events.mentions import CALL_SIGN_CUE, SentenceView
from events.records import Side
from events.rules import PersonWords, Rules

__all__ = ["Person", "People", "find_persons", "person_patterns"]

_TALK_REACH = 8  # sentences after an introduction whose words may tell the person's side
# what may open the sentence before the person: a dateline ("KHARKIV, Ukraine — "), a phrase ("Back in
# the dugout, ")
_OPENING = r"^\W*(?:[A-ZА-ЯІЇЄ][A-ZА-ЯІЇЄ .'’-]+(?:,\s*[A-Z][\w ]+?)?\s+[—–-]+\s+)?(?:[A-Z][^,.;:“”\"«»]{0,50},\s+)?"
_RANK = r"(?:(?:Senior|Junior|Staff|Lance|Private|Sergeant|Sgt\.?|Corporal|Lieutenant|Lt\.?|Captain|Capt\.?|Major|Maj\.?)\s+)*"
_SURNAME = r"(?:\s+(?P<surname>[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?))?(?![\w’'-])"
# after a given name: an age, an apposition, or a verb ("Kyrylo, 38, drove", "Serhiy has lived", "Andriy shrugged")
# (a full name needs the age or the apposition: "Dmitry Peskov told reporters" is a known official's)
_AFTER_NAME = r"(?=,\s+\d{1,2},|,\s+(?:a|an|the|who|now|once|like)\s|(?(surname)(?!)|\s+(?!and\b|or\b|of\b|in\b|at\b|on\b|to\b|for\b|from\b|with\b|by\b)[a-z]{2,}\b))"
_AGE = compiled(r",\s+(?P<age>\d{1,2}),")
_SIDE_BEFORE = compiled(r"\b(?P<side>Ukrainian|Russian|Ukraine['’]s|Russia['’]s)\s+(?:[\w-]+\s+){0,3}?$")
_SIDES = {"Ukrainian": Side.UA, "Ukraine's": Side.UA, "Ukraine’s": Side.UA,
          "Russian": Side.RU, "Russia's": Side.RU, "Russia’s": Side.RU}
_FOUGHT_SIDE = compiled(r"\b" + FOUGHT_SIDE)  # (the side a person fights, not theirs: "who has fought Russian forces")
_CLAUSE_OF_TIME = compiled(r",\s+(?:when|after|before|while|since)\s")
_FORMER = compiled(r"\b(?:former|ex-|once an?|before the war|used to be|who was an?)\s*(?:[\w-]+\s+){0,2}$", re.I)
_UNSAID_SIDE = Side.UA
_COUNTRY_SIDE = {"UA": Side.UA, "RU": Side.RU}
_ELDERLY = 60  # an age from which a person so introduced is taken for a civilian, unless they fight
_FROM = compiled(r"\bfrom\s+(?:the\s+)?$")
_DETERMINER = compiled(r"\b(?:A|An|The|One|Another|Their|His|Her|Its|This)\s")  # (what one named by trade opens on)
_KIN_OPENS = compiled(r"\b(?:His|Her|Their|his|her|their)\s")
_QUOTE_MARK = compiled(r"[\"“”«»]")
_SAYS = compiled(r"\b(?:said|says|told|tells|added|adds|recalled|recalls|explained|insisted|admitted|confirmed|described)\b")


@dataclass(frozen=True, slots=True)
class Person:
    """One person a text introduces: how later sentences may name them, and what they speak for."""

    given: str  # a given name, a surname and a call sign, as the text gives them ("" for none of them:
    surname: str  # one named only as "the marine")
    call: str
    side: Side
    fighter: bool  # fights for the side (else a civilian of it)
    sentence: int  # the sentence that introduces them
    start: int  # where it names them
    end: int

    @property
    def names(self) -> tuple[str, ...]:
        """What later sentences may call them by."""
        return tuple(n for n in (self.given, self.surname, self.call) if n)

    @property
    def speaker(self) -> Attribution:
        """The claimant they are: "Oleh (Ukrainian soldier)", "Ukrainian military", "Ukrainian resident"."""
        adjective = SIDE_ADJECTIVE.get(self.side, "")
        what = (f"{adjective} soldier" if self.fighter else f"{adjective} resident").strip()
        # (one named only by what they do is their side's forces, as the claimants' "a soldier said" is)
        name = f"{self.given} {self.surname}".strip() or self.call  # ("Andriy Kovalchuk (Ukrainian soldier)", "Sych (...)")
        claimant = f"{name} ({what})" if name else f"{adjective} military" if self.fighter and adjective else what
        return Attribution(claimant, self.side, "military" if self.fighter else "resident", self.start, self.end, "",
                           person=True)


@dataclass(frozen=True, slots=True)
class People:
    """The people of one text: who each sentence introduces (or names again as its subject), and where
    sentences name one of them otherwise ("..., Yenot said.")."""

    introduced: dict[int, Person]
    named: dict[int, tuple[tuple[Person, int, int], ...]]  # sentence -> (person, start, end) of each name


@dataclass(frozen=True, slots=True)
class _Patterns:
    name_subject: re.Pattern[str]  # a sentence opening on a given name
    noun_subject: re.Pattern[str]  # ... on one person named by what they do
    name_apposed: re.Pattern[str]  # a given name anywhere with an age or an apposition after it
    relation: re.Pattern[str]  # "His deputy", "Maksym's comrade Dmytro"
    named_after: re.Pattern[str]  # a given name after one named by what they do: "One resident, Anatoliy,", "a man named Ihor"
    said_apposed: re.Pattern[str]  # any one name right after a verb of saying, by what they do: '"...," said Kit, a medic'
    opening_apposed: re.Pattern[str]  # ... or opening a sentence: "Kit, a platoon commander, spent three weeks in X."


_CACHE: dict[int, tuple[PersonWords, _Patterns]] = {}  # (the words kept beside their patterns: an id may be reused)


def person_patterns(words: PersonWords) -> _Patterns:
    """The introductions' patterns, built once from the word lists."""
    cached = _CACHE.get(id(words))
    patterns = cached[1] if cached is not None and cached[0] is words else None
    if patterns is None:
        first = words.first_name.pattern
        nouns = "|".join(f"(?:{p.pattern})" for p in (words.fighter_noun, words.civilian_noun, words.person_noun))
        patterns = _Patterns(
            name_subject=compiled(_OPENING + _RANK + r"(?P<name>" + first + r")" + _SURNAME + _AFTER_NAME),
            noun_subject=compiled(_OPENING + r"(?P<det>A|An|The|One|Another|Their|His|Her|Its|This)\s+"
                                  r"(?:(?!who\b|which\b|that\b)[\w-]+\s+){0,3}?(?P<noun>(?i:" + nouns + r"))(?![\w-])(?!['’]s\b)"
                                  r"(?!\s+(?:of|for|in)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:[Bb]rigade|[Gg]roup|[Ff]orces|[Mm]inistry|[Gg]eneral|[Aa]rmy)\b)"),
            name_apposed=compiled(r"(?<![\w’'-])(?P<name>" + first + r")" + _SURNAME + r"(?=,\s+\d{1,2},|,\s+(?:a|an)\s)"),
            relation=compiled(r"(?:(?P<owner>" + first + r")['’]s|\b(?:His|Her|Their|his|her|their))\s+(?:[\w-]+\s+)?(?P<rel>(?i:"
                              + words.relation.pattern + r"))(?:,\s+|\s+)(?P<name>" + first + r")?"),
            named_after=compiled(r"(?:,\s+|\s(?:named|called)\s+)(?P<name>" + first + r")" + _SURNAME + r"(?=[,\s])"),
            # (a call sign or a name the lists lack, made a person by the apposition: "said Kit, a platoon commander")
            said_apposed=compiled(r"[”\"’'],?\s+(?:said|says|added|recalled|explained)\s+(?P<name>[A-ZА-ЯІЇЄ][a-zа-яіїє’'-]{1,14})"
                                  r"(?=,\s+(?:a|an)\s+(?:(?!who\b|which\b|that\b)[\w-]+\s+){0,4}?(?i:" + nouns + r")(?![\w-]))"),
            opening_apposed=compiled(_OPENING + r"(?P<name>[A-ZА-ЯІЇЄ][a-zа-яіїє’'-]{1,14})"
                                     r"(?=,\s+(?:a|an)\s+(?:(?!who\b|which\b|that\b)[\w-]+\s+){0,3}?(?i:" + nouns + r")(?![\w-])[,\s])"),
        )
        _CACHE[id(words)] = (words, patterns)
    return patterns


def _inside_quotation(text: str, position: int) -> bool:
    return any(start <= position < end for start, end in quotations(text))


def _what_they_do(words: PersonWords, description: str, age: int | None) -> bool | None:
    """True for a fighter, False for a civilian, None when the words do not say."""
    civilians = [m.span() for m in words.civilian_noun.finditer(description)]
    if any(not any(start <= m.start() and m.end() <= end for start, end in civilians)  # (not "police officer")
           for m in words.fighter_noun.finditer(description)) or words.fighter_cue.search(description):
        return True
    civilian = next((m for m in words.civilian_noun.finditer(description) if not _FORMER.search(description, 0, m.start())), None)
    if civilian is not None or words.civilian_cue.search(description) or (age is not None and age >= _ELDERLY):
        return False
    return None


def _side_named(description: str, rules: Rules, day: dt.date | None) -> Side:
    """The side the words introducing a person give them: "a Ukrainian rifleman", "with the 47th Brigade"."""
    words = rules.persons
    for pattern in (words.fighter_noun, words.fighter_cue):
        for m in pattern.finditer(description):
            before = _SIDE_BEFORE.search(description, max(0, m.start() - 40), m.start())
            if before is not None and not FOUGHT_BEFORE.search(description, max(0, before.start() - 30), before.start()):
                return _SIDES[before.group("side")]
    fought = _FOUGHT_SIDE.search(description)
    if fought is not None:  # ("a volunteer who faced Ukrainian drones near X for a year": the other side's)
        return Side.UA if _SIDES[fought.group("side")] is Side.RU else Side.RU
    # (a unit or a body of a side, or a side's channel that aired them: "shown by the Russian channel Zvezda"; not
    # one in a clause of time after it: "a police officer who has driven the route since Friday, when Russian forces
    # crossed the border")
    description = _CLAUSE_OF_TIME.split(description, maxsplit=1)[0]
    sides = {a.side for a in named_claimants(description, rules, day=day) if a.kind in ("military", "media") and a.side is not Side.NONE
             and not FOUGHT_BEFORE.search(description, max(0, a.start - 30), a.start)}
    return sides.pop() if len(sides) == 1 else Side.NONE


def _side_in_words(views: list[SentenceView], first: int, last: int, words: PersonWords) -> Side:
    """The side whose people speak of the other side only, in the sentences first..last."""
    counts = {side: sum(len(pattern.findall(views[i].text)) for i in range(first, last)) for side, pattern in words.enemy_words.items()}
    if counts[Side.UA] and not counts[Side.RU]:
        return Side.UA
    if counts[Side.RU] and not counts[Side.UA]:
        return Side.RU
    return Side.NONE


def find_persons(views: list[SentenceView], rules: Rules, home: Side, day: dt.date | None = None) -> People:
    """The people the text introduces, by sentence, and the names it calls them by later."""
    words = rules.persons
    patterns = person_patterns(words)
    found: dict[int, Person] = {}
    known: dict[str, Person] = {}  # by each of their names
    opens: re.Pattern[str] | None = None  # _known_opens(known), built again only when a name is added
    opens_for = 0  # (how many names it was built for)
    unsided: list[tuple[Person, Person | None]] = []  # (and the one they are tied to: "his comrade")
    last: Person | None = None
    inside = inside_quotations([(v.text, v.sentence.paragraph) for v in views])
    for view in views:
        if view.heading:
            continue
        text = view.text
        if inside[view.index] and text.count('"') % 2 and "“" not in text and "«" not in text:
            # ('The plant too," said Grach, a Russian stormtrooper.': the words before the lone mark close the
            # quotation a sentence before opened, and what introduces Grach is the narration after it)
            close = text.index('"')  # (made a closing mark of its own, which opens nothing)
            text = " " * close + "”" + text[close + 1:]
        # (most sentences name no given name and no one's kin: two of the searches below need one)
        named_in = words.first_name.search(text) is not None
        name = surname = call = ""
        start = end = -1
        relation = None
        subject = (patterns.name_subject.match(text) if named_in else None) or (
            patterns.noun_subject.match(text) if _DETERMINER.search(text, 0, 120) else None)
        if subject is not None and _inside_quotation(text, subject.start("name" if "name" in subject.re.groupindex else "det")):
            subject = None  # ('"Ivan keeps coming every night," said Oleh': the soldiers' name for the enemy, quoted)
        if subject is not None and "name" in subject.re.groupindex:
            name, surname, start, end = subject.group("name"), subject.group("surname") or "", subject.start("name"), subject.end()
        elif subject is not None:
            start, end = subject.start("det"), subject.end()
            if (named := patterns.named_after.search(text, end, end + 60)) is not None and not _QUOTE_MARK.search(text, end, named.start()):
                name, surname, end = named.group("name"), named.group("surname") or "", named.end()
        else:
            apposed = patterns.name_apposed.search(text) if named_in else None
            if apposed is not None:
                name, surname, start, end = apposed.group("name"), apposed.group("surname") or "", apposed.start(), apposed.end()
            elif (said := patterns.said_apposed.search(text) or patterns.opening_apposed.match(text)) is not None \
                    and not any(p.start == said.start("name") for p in view.places):  # (not a place: "Pokrovsk, a town")
                call, start, end = said.group("name"), said.start("name"), said.end("name")
        tie = patterns.relation.search(text) if named_in or _KIN_OPENS.search(text) else None
        if tie is not None and (start < 0 or tie.start() <= start + 12):
            relation = tie
            if tie.group("name"):
                name, surname, start, end = tie.group("name"), "", tie.start("name"), tie.end("name")
            elif start < 0:
                start, end = tie.start(), tie.end()
        sign = words.call_sign.search(text) if CALL_SIGN_CUE.search(text) else None
        if sign is not None and (start < 0 or sign.start() - end < 80):
            call = sign.group("call")
            if start < 0:
                start, end = sign.start("call"), sign.end("call")
        if start < 0 and known and len(known) != opens_for:
            opens, opens_for = _known_opens(known), len(known)
        if start < 0 and opens is not None and (opener := opens.match(text)) is not None:
            found[view.index] = last = known[opener.group("name")]  # (a call sign named again: "Kit shrugged at the claim.")
            continue
        if start < 0:
            continue
        again = next((known[n] for n in (name, surname, call) if n and n in known), None)
        if again is not None:
            found[view.index] = again  # named again as the subject: "Andriy shrugged when ..."
            last = again
            continue
        if not (name or call) and subject is None:
            continue
        if any("(" in a.claimant and a.start < end and a.end > start for a in named_claimants(text, rules, day=day)):
            continue  # a known person's name ("Viktor Trehubov, the group's spokesman, ..."): a claimant of its own
        # (what introduces them, up to what they say: "said Russian forces had taken X" tells nothing of them)
        says = _SAYS.search(text, end)
        description = unquoted(text[:says.start()] if says is not None else text)
        if words.official_noun.search(description, start):
            continue  # ("Roman Kostenko, a Ukrainian lawmaker, said": a speaker of another kind)
        age_match = _AGE.search(text, end, end + 8)
        kind = _what_they_do(words, description, int(age_match.group("age")) if age_match else None)
        side = _side_named(description, rules, day)
        owner = known.get(relation.group("owner")) if relation is not None and relation.group("owner") else last if relation is not None else None
        if kind is None:
            # (features are written about fighters, mostly; "a woman", "the man" with nothing said are civilians)
            kind = owner.fighter if owner is not None else not (subject is not None and "noun" in subject.re.groupindex
                                                                 and words.person_noun.fullmatch(subject.group("noun")))
        person = Person(name, surname, call, side, kind, view.index, start, end)
        if side is Side.NONE:
            unsided.append((person, owner))
        found[view.index] = person
        for n in (name, surname, call):
            if n:
                known.setdefault(n, person)
        last = person
    if unsided:
        _give_sides(views, found, unsided, words, home)
    return People(found, _names_again(views, found))


def _give_sides(views: list[SentenceView], found: dict[int, Person], unsided: list[tuple[Person, Person | None]],
                words: PersonWords, home: Side) -> None:
    """Sides for the people the words introducing them gave none. First what tells of each: the side of the
    one they are tied to ("his comrade"), the words around them, a civilian's country of the places their
    introduction names ("a pensioner from Sudzha"), the form of their name. Then, for the rest, the
    article: the side its people have if they all have one, else the words its whole text uses for the
    other side, else the outlet's; and a fighter's, with nothing said, Ukraine's."""
    starts = sorted(found)
    sides = {id(p): p.side for p in found.values()}
    for person, owner in unsided:
        index = person.sentence
        side = sides.get(id(owner), Side.NONE) if owner is not None else Side.NONE
        if side is Side.NONE:
            later = [i for i in starts if i > index and found[i] is not person]
            side = _side_in_words(views, index, min(later[0] if later else len(views), index + _TALK_REACH), words)
        if side is Side.NONE:
            # (a civilian's places, a fighter's home town: "a conscript from Belgorod")
            countries = {p.resolution.place.country for p in views[index].places if p.resolution.place is not None
                         and (not person.fighter or _FROM.search(views[index].text[:p.start]))} \
                | (set(views[index].region_countries) if not person.fighter else set())
            side = _COUNTRY_SIDE.get(countries.pop(), Side.NONE) if len(countries) == 1 else Side.NONE
        if side is Side.NONE:
            # (a given name written the Ukrainian way, "Oleksiy", or the Russian way, "Alexei")
            side = words.name_sides.get(person.given, Side.NONE)
        sides[id(person)] = side
    told = {side for side in sides.values() if side is not Side.NONE}
    article_side = next(iter(told)) if len(told) == 1 else _side_in_words(views, 0, len(views), words)
    article_side = home if article_side is Side.NONE else article_side
    for person, owner in unsided:
        side = sides[id(person)]
        if side is Side.NONE and owner is not None:
            side = sides.get(id(owner), Side.NONE)
        side = article_side if side is Side.NONE else side
        # (a feature that says nothing of its fighters' side is, mostly, written among Ukraine's: the other
        # side's own are named so, "a Russian soldier", or speak of "the Ukrainians")
        side = _UNSAID_SIDE if side is Side.NONE and person.fighter else side
        sides[id(person)] = side
        if side is Side.NONE:
            continue
        sided_person = replace(person, side=side)
        for i, p in found.items():
            if p is person:
                found[i] = sided_person


def _known_opens(known: dict[str, Person]) -> re.Pattern[str]:
    """A sentence opening on a name already known, then a verb: "Kit shrugged", "Lys laughed"."""
    return re.compile(r"\W*(?P<name>" + "|".join(re.escape(n) for n in sorted(known, key=len, reverse=True)) + r")(?![\w’'-])"
                      r"\s+(?!and\b|or\b|of\b|in\b|at\b|on\b|to\b|for\b|from\b|with\b|by\b|is\b|was\b)[a-z]{2,}\b")


def _names_again(views: list[SentenceView], found: dict[int, Person]) -> dict[int, tuple[tuple[Person, int, int], ...]]:
    """Where sentences after a person's introduction name them by a given name, surname or call sign."""
    people = {}
    for index in sorted(found):
        for name in found[index].names:
            if name and name not in people:
                people[name] = (index, found[index])
    if not people:
        return {}
    pattern = re.compile(r"(?<![\w’'-])(?:" + "|".join(re.escape(n) for n in sorted(people, key=len, reverse=True)) + r")(?![\w-])")
    named: dict[int, tuple[tuple[Person, int, int], ...]] = {}
    for view in views:
        hits = tuple((found.get(view.index) if found.get(view.index) is not None and m.group() in found[view.index].names else people[m.group()][1],
                      m.start(), m.end())
                     for m in pattern.finditer(view.text) if people[m.group()][0] <= view.index)
        if hits:
            named[view.index] = hits
    return named
