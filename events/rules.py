"""The one reader of ``events/rules/*.toml``: vocabulary as data, validated and compiled once.

Every file opens with a comment on its format and provenance. A malformed file raises
RulesError naming the file, the entry and what is wrong.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from events.anchors import Alternation, AlternationIndex, AnchorIndex, _phrase_trie_pattern, _trie_pattern, compiled, first_letters, prepare
from events.errors import RulesError
from events.records import DatePrecision, EventType, Side

__all__ = ["Rules", "Trigger", "ClaimantRule", "PersonRule", "PersonWords", "Outlet", "RelativeDate", "FixedDate", "PlaceRules",
           "load_rules",
           "RULES_DIR", "rules_version"]

RULES_DIR = Path(__file__).resolve().parent / "rules"
#: Bumped when the extraction code changes meaning; the rules' hash is appended automatically.
EXTRACTOR_CODE_VERSION = "5"
FILES = ("event_types", "triggers", "hedges", "negations", "claimants", "sources", "sides", "sentences", "dates",
         "places")


@dataclass(frozen=True, slots=True)
class Trigger:
    type: EventType
    regex: re.Pattern[str]
    gains: str  # agent | opponent
    agent: str  # text | claimant | none
    fallback: str  # claimant | opponent_of_claimant | opponent_of_place | opponent_of_loser | none
    agent_after: bool  # the agent follows the trigger ("fell to Russian forces")
    needs_agent: bool  # only when the clause names the acting side before it ("Russian troops took X")
    subject_place: bool  # only the settlement just before it, as its subject ("X has fallen")
    targets: str  # object (after it, else its subject) | subject | sentence | others | fronted | focus
    share_is_partial: bool  # "the eastern part of X" after it makes it a partial capture
    home_side: bool  # with no acting side named, a place of Russia is Russia's gain ("liberated")
    example: str
    expect: dict[str, str]
    passive_fallback: str = ""  # the fallback of its agentless passive ("X has been captured"), if another
    foreign_only: bool = False  # only troops of the side the place does not belong to ("seen in X")
    own_word: bool = False  # a side's word for its own gains ("liberation"): an unsided monitor's use is the announcer's
    owner_named: bool = False  # the side named before it owns the statements it calls untrue, never the speaker
    needs_claim: bool = False  # a holding that denies only a claim the article tells or names ("X is under our control")
    attempt: bool = False  # a siege or an assault ("stormed X"): beside its holder's denial, part of it
    measured_share_only: bool = False  # with share_is_partial: only "most of", "half of", "30% of" X, not "the east of X"
    quoted_only: bool = False  # only inside a quotation: a speaker's "theirs" (not the reporter's)
    own_quote: bool = False  # with quoted_only: only where its own sentence holds the quotation mark that opens it


@dataclass(frozen=True, slots=True)
class ClaimantRule:
    name: str
    side: str  # UA | RU | none | context
    default_side: str  # for side = context: the side when no one spoke before ("" = none)
    kind: str
    regex: re.Pattern[str]
    valid_from: str
    valid_to: str
    example: str
    side_names: tuple[tuple[str, str], ...] = ()  # (side, name) for side = "context"
    speaks_for: tuple[str, ...] = ()  # the bodies a spokesperson or head speaks for ("Russian Ministry of Defence")


@dataclass(frozen=True, slots=True)
class PersonRule:
    """A named person with a role in apposition; side from the role's words, kind from ``kinds``."""

    regex: re.Pattern[str]
    kinds: tuple[tuple[str, str], ...]  # (word in the role, kind)
    example: str


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    regex: re.Pattern[str]
    kind: str
    side: Side


@dataclass(frozen=True, slots=True)
class RelativeDate:
    regex: re.Pattern[str]
    days: int
    precision: DatePrecision
    week_end: bool = False  # dated by the Sunday that ends the calendar week ``days`` away ("last week")


@dataclass(frozen=True, slots=True)
class FixedDate:
    regex: re.Pattern[str]
    date: dt.date
    precision: DatePrecision


@dataclass(frozen=True, slots=True)
class PlaceRules:
    """How a name is used in a sentence (places.toml): roles, relations, lists, coreference."""

    region_after: tuple[re.Pattern[str], ...]
    region_before: tuple[re.Pattern[str], ...]  # "the eastern region of Luhansk"
    front_after: tuple[re.Pattern[str], ...]
    front_before: tuple[re.Pattern[str], ...]
    modifier_after: tuple[re.Pattern[str], ...]
    modifier_before: tuple[re.Pattern[str], ...]  # "the defenders of Mariupol": people the place names
    government_names: frozenset[str]
    government_city_before: tuple[re.Pattern[str], ...]
    river_names: frozenset[str]
    river_before: tuple[re.Pattern[str], ...]
    river_after: tuple[re.Pattern[str], ...]
    dateline_after: re.Pattern[str]
    dateline_line_start: re.Pattern[str]
    near: re.Pattern[str]
    near_after: re.Pattern[str]  # "the X area": beside it
    beside: re.Pattern[str]  # "west of X", "behind X"
    list_glue: re.Pattern[str]
    unlisted_endings: tuple[str, ...]  # how the names of places end ("-ivka", "-ovo"): a listed name the gazetteer lacks
    unlisted_after_change: re.Pattern[str]  # the words of a change right before such a name ("had retaken ")
    unlisted_after_change_region: re.Pattern[str]  # the regions a text names for that reading ("Kursk")
    unlisted_after_change_person: re.Pattern[str]  # what after the name makes it a person or a thing (", a marine")
    unlisted_before_change: re.Pattern[str]  # a passive of a change right after such a name (" has been cleared")
    not_names: frozenset[str]  # capitalised words that are never such a name ("Russian", "Monday")
    place_prefixes: tuple[str, ...]  # how two-word place names start ("Nov", "Velyk"): another two-word name may be a person
    coreference_nouns: re.Pattern[str]
    coreference_pronouns: re.Pattern[str]
    examples: tuple[tuple[str, str, str], ...]  # (role or relation, sentence, name)
    held_since: dict[int, dt.date] = field(default_factory=dict)  # geonameid: held by one side from then on


@dataclass(frozen=True, slots=True)
class PersonWords:
    """How a feature introduces the people it quotes (events/persons.py); claimants.toml [persons]."""

    first_name: re.Pattern[str]  # one of the given names, whole
    name_sides: dict[str, Side]  # a given name written one side's way ("Oleksiy", "Alexei") -> that side
    fighter_noun: re.Pattern[str]  # one person named by what they do: a fighter ("the marine")
    civilian_noun: re.Pattern[str]  # ... a civilian ("a pensioner")
    person_noun: re.Pattern[str]  # ... either ("the man")
    official_noun: re.Pattern[str]  # one so named speaks as a claimant of another kind ("a lawmaker")
    fighter_cue: re.Pattern[str]  # words that make a person a fighter ("commands a platoon")
    civilian_cue: re.Pattern[str]  # words that make one a civilian ("retired", "has lived")
    relation: re.Pattern[str]  # "comrade", "deputy": tied to the person named before
    call_sign: re.Pattern[str]  # "who goes by the call sign Bober": (?P<call>...)
    enemy_words: dict[Side, re.Pattern[str]]  # what a side's own people call the other side
    examples: tuple[tuple[str, str, str], ...]  # (sentence, name, "fighter" | "civilian")


@dataclass(frozen=True, slots=True)
class Rules:
    """Everything the extractor knows, compiled. Load once with load_rules() and pass it around."""

    version: str
    change_types: frozenset[EventType]
    triggers: tuple[Trigger, ...]
    hedge_in_sentence: re.Pattern[str]
    hedge_after: re.Pattern[str]
    irrealis: re.Pattern[str]
    irrealis_index: AlternationIndex  # irrealis by its alternatives: whether a phrase holds one, trying few
    irrealis_after: re.Pattern[str]
    negation: re.Pattern[str]
    failed: re.Pattern[str]
    falsity: re.Pattern[str]
    falsity_next: re.Pattern[str]  # matched right at the phrase's end
    launch: re.Pattern[str]
    denial: re.Pattern[str]
    denial_verbs: re.Pattern[str]
    denial_followup: re.Pattern[str]
    retraction: re.Pattern[str]  # "later deleted the post": the speaker takes back their own claim
    own_report_wrong: re.Pattern[str]  # "Yesterday we wrote that X was liberated. That was premature": the outlet takes it back
    denial_tail: re.Pattern[str]  # ", a claim Kyiv rejected": the sentence's claims denied by who the tail names
    reporting_verbs: re.Pattern[str]
    reporting_verb_words: frozenset[str]  # the same as plain words: a first test per sentence
    post_signature: re.Pattern[str]  # "— Author (@handle) May 20, 2022" closing an embedded post
    interview_cue: re.Pattern[str]  # "spoke to", "in an interview", "transcript": a text holding an interview
    interviewee_follows: re.Pattern[str]  # "spoke to X", "an interview with X": the interviewee named after
    titles: frozenset[str]  # ranks and titles before a surname ("Colonel"), lower case: not given names
    given_names: dict[str, frozenset[str]]  # a given name (lower case) -> its spellings ("alexander" -> oleksandr, ...)
    claimants: tuple[ClaimantRule, ...]
    # which triggers a sentence may hold, each with only the alternatives it may hold, from their literal anchors
    trigger_index: AlternationIndex
    any_claimant: re.Pattern[str]  # every alias in one pattern: a first test per sentence
    claimant_index: AnchorIndex  # which claimants (then people: index - len(claimants)) a sentence may name
    local_authorities: tuple[tuple[re.Pattern[str], str], ...]
    people: tuple[PersonRule, ...]
    region_sides: tuple[tuple[re.Pattern[str], Side], ...]  # a region named in a role -> its country
    installed_since_2014: frozenset[str]  # towns whose local officials are Russia's
    anaphora: re.Pattern[str]
    outlets: tuple[Outlet, ...]
    credit_lines: tuple[re.Pattern[str], ...]
    channels: tuple[re.Pattern[str], ...]
    side_words: tuple[tuple[re.Pattern[str], str], ...]  # (regex, "RU" | "UA" | "own" | "enemy" | "pronoun")
    voice_words: tuple[tuple[re.Pattern[str], Side], ...]  # the other side's name in one side's own voice
    outside_words: dict[Side, re.Pattern[str]]  # words a side's own voice does not use ("the Russians")
    abbreviations: frozenset[str]
    spoken_asides: re.Pattern[str]  # "er,", ", quote,", "is, is": a transcript's fillers and stutters, taken out
    relative_dates: tuple[RelativeDate, ...]
    any_relative_date: re.Pattern[str]
    same_occasion: re.Pattern[str]  # "At the meeting, ...": the occasion whose day the text gave last
    occasion_told: re.Pattern[str]  # a sentence telling of a meeting or visit, whose day "At the meeting" takes
    anchored_dates: tuple[RelativeDate, ...]  # counted from the last date the text gave
    any_anchored_date: re.Pattern[str]
    fixed_dates: tuple[FixedDate, ...]
    plural_places: re.Pattern[str]
    frame_anaphora: re.Pattern[str]
    frame_nouns: re.Pattern[str]
    singular_anaphora: re.Pattern[str]
    appositive: re.Pattern[str]
    continuation: re.Pattern[str]
    followed: re.Pattern[str]  # "X followed in October": the change before, again for X (events/drafts.py)
    added: re.Pattern[str]  # "On Tuesday it added A and B": the change before, again for A and B (events/drafts.py)
    vouched: re.Pattern[str]  # "The ministry confirmed it.": the change before is that claimant's (events/drafts.py)
    added_close: re.Pattern[str]  # what may follow the list an `added` sentence names
    added_saying: re.Pattern[str]  # "added A and B, saying ...": a participle of saying after "added"
    partial_share: re.Pattern[str]
    partial_adverb: re.Pattern[str]
    entry_share: re.Pattern[str]  # "most of", "the eastern part of": the share troops who entered hold
    measured_share: re.Pattern[str]  # "most of", "a third of": a share measured, not a part named
    part_object: re.Pattern[str]  # "captured ammunition depots in X": something inside the place
    facility_after: re.Pattern[str]  # "captured the X coke plant": a site named after the place
    facility_before: re.Pattern[str]  # "a refractory plant, which ... had seized": a site a relative clause is said of
    terrain_of: re.Pattern[str]  # "the road to X": the ground by a place, right before its name
    other_deeds: re.Pattern[str]  # "shelling villages ..., including A and B": not a list of places a count told
    spoils_object: re.Pattern[str]  # "captured weapons in X": things taken, not ground
    encircling_after: re.Pattern[str]  # "taking the town in a tactical encirclement": a ring, not a capture
    places: PlaceRules
    persons: PersonWords


def _read(directory: Path, name: str) -> dict[str, Any]:
    path = directory / f"{name}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RulesError(path, "(file)", "missing; restore events/rules from git") from exc
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RulesError(path, "(file)", f"cannot be read: {exc}") from exc


def _compile(pattern: str, file: str, key: str, flags: int = re.IGNORECASE, told: bool = True) -> re.Pattern[str]:
    """The pattern compiled, its first characters told to the engine (events/anchors.compiled);
    ``told`` False for one that first_letters compiles again, or that is only checked."""
    if not isinstance(pattern, str) or not pattern:
        raise RulesError(file, key, "must be a non-empty string")
    try:
        return compiled(pattern, flags) if told else re.compile(pattern, flags)
    except re.error as exc:
        raise RulesError(file, key, f"bad regular expression: {exc}") from exc


_PLAIN_WORD = re.compile(r"[a-z]+")
_PLAIN_PHRASE = re.compile(r"[a-z]+(?: [a-z]+)*")


def _any_of(patterns: list[str], file: str, key: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    if not isinstance(patterns, list) or not patterns:
        raise RulesError(file, key, "must be a non-empty list of regular expressions")
    for i, p in enumerate(patterns):
        _compile(p, file, f"{key}[{i}]", flags, told=False)
    if all(_PLAIN_WORD.fullmatch(p) for p in patterns):
        # single plain words between word boundaries: at most one of them fits at a position (the
        # one that runs to the end of the word there), so one trie-shaped pattern matches exactly
        # what the flat alternation does, and several times faster
        return first_letters(re.compile(r"\b(?:" + _trie_pattern(sorted(set(patterns))) + r")\b", flags))
    if all(_PLAIN_PHRASE.fullmatch(p) for p in patterns):
        # plain phrases ("walked back" among 150 verbs of reporting_verbs): the same, by first word,
        # each closing on its phrases' rests in their order (anchors._phrase_trie_pattern)
        return first_letters(re.compile(r"\b(?:" + _phrase_trie_pattern(patterns) + r")\b", flags))
    return first_letters(re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b", flags))


def _alternations_of(patterns: list[str], whole: re.Pattern[str], flags: int = re.IGNORECASE) -> AlternationIndex:
    """``whole`` (_any_of(patterns)) by its alternatives, for a test tried on many phrases
    (events/anchors.py Alternation)."""
    return AlternationIndex.build([Alternation.of(r"\b(?:", "|".join(f"(?:{p})" for p in patterns), r")\b", flags, whole)])


def _any_date(dates: list[RelativeDate]) -> re.Pattern[str]:
    """One pattern that finds what any of ``dates`` does: a sentence it finds nothing in need not
    try them one by one. Each opens on \\b (see load_rules): the same pattern with \\b in front of them all."""
    return first_letters(re.compile(r"\b(?:" + "|".join(f"(?:{d.regex.pattern})" for d in dates) + ")", re.IGNORECASE))


def _names(value: str | list[str]) -> tuple[str, ...]:
    """One name or a list of them, as a claimant's speaks_for gives them."""
    return (value,) if isinstance(value, str) else tuple(str(v) for v in value)



def _words(values: list[str], file: str, key: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Plain words or phrases, any of them whole."""
    if not isinstance(values, list) or not values or not all(isinstance(v, str) and v for v in values):
        raise RulesError(file, key, "must be a non-empty list of words")
    return compiled(r"\b(?:" + "|".join(re.escape(v) for v in sorted(set(values), key=len, reverse=True)) + r")\b", flags)


def _person_words(cla: dict[str, Any], file: str) -> PersonWords:
    table = _need(cla, "persons", file, "(file)")
    given = [name for group in _need(cla, "given_name_variants", file, "(file)") for name in group]
    names = {side: _need(_need(table, "first_names", file, "persons"), side, file, "persons.first_names") for side in ("UA", "RU", "either")}
    enemy = _need(table, "enemy_words", file, "persons")
    examples = _need(table, "examples", file, "persons")
    if not all(isinstance(e, list) and len(e) == 3 and e[2] in ("fighter", "civilian") for e in examples):
        raise RulesError(file, "persons.examples", "each must be [sentence, name, \"fighter\" or \"civilian\"]")
    return PersonWords(
        first_name=_words([*(n for group in names.values() for n in group), *given], file, "persons.first_names", 0),
        name_sides={n: Side(side) for side in ("UA", "RU") for n in names[side]},
        fighter_noun=_words(_need(table, "fighter_nouns", file, "persons"), file, "persons.fighter_nouns"),
        civilian_noun=_words(_need(table, "civilian_nouns", file, "persons"), file, "persons.civilian_nouns"),
        person_noun=_words(_need(table, "person_nouns", file, "persons"), file, "persons.person_nouns"),
        official_noun=_words(_need(table, "official_nouns", file, "persons"), file, "persons.official_nouns"),
        fighter_cue=_words(_need(table, "fighter_cues", file, "persons"), file, "persons.fighter_cues"),
        civilian_cue=_words(_need(table, "civilian_cues", file, "persons"), file, "persons.civilian_cues"),
        relation=_words(_need(table, "relation_words", file, "persons"), file, "persons.relation_words"),
        call_sign=_compile(_need(table, "call_sign", file, "persons"), file, "persons.call_sign", 0),
        enemy_words={Side(side): _any_of(_need(enemy, side, file, "persons.enemy_words"), file, f"persons.enemy_words.{side}", 0)
                     for side in ("UA", "RU")},
        examples=tuple((str(a), str(b), str(c)) for a, b, c in examples))

def _need(table: dict[str, Any], key: str, file: str, where: str) -> Any:
    if key not in table:
        raise RulesError(file, where, f"lacks '{key}'")
    return table[key]


def _side(value: str, file: str, where: str, allowed: tuple[str, ...] = ("UA", "RU", "none")) -> str:
    if value not in allowed:
        raise RulesError(file, where, f"side must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _patterns(table: dict[str, Any], key: str, file: str, where: str, flags: int = re.IGNORECASE
              ) -> tuple[re.Pattern[str], ...]:
    values = table.get(key, [])
    if not isinstance(values, list):
        raise RulesError(file, f"{where}.{key}", "must be a list of regular expressions")
    return tuple(_compile(v, file, f"{where}.{key}[{i}]", flags) for i, v in enumerate(values))


def _place_rules(raw: dict[str, Any], file: str) -> PlaceRules:
    role = _need(raw, "role", file, "(file)")
    tables = {name: _need(role, name, file, "role") for name in ("region", "front", "modifier", "government", "river",
                                                                  "dateline")}
    examples = [(name, _need(t, "example", file, f"role.{name}"), _need(t, "name", file, f"role.{name}"))
                for name, t in tables.items()]
    relation = _need(raw, "relation", file, "(file)")
    examples.append(("near", _need(relation, "example", file, "relation"), _need(relation, "name", file, "relation")))
    examples.append(("beside", _need(relation, "beside_example", file, "relation"),
                     _need(relation, "beside_name", file, "relation")))
    dateline = tables["dateline"]
    coreference = _need(raw, "coreference", file, "(file)")
    lists = _need(raw, "lists", file, "(file)")
    unlisted = _need(lists, "unlisted", file, "lists")
    examples.append(("unlisted", _need(unlisted, "example", file, "lists.unlisted"),
                     _need(unlisted, "name", file, "lists.unlisted")))
    examples.append(("unlisted", _need(unlisted, "after_change_example", file, "lists.unlisted"),
                     _need(unlisted, "after_change_name", file, "lists.unlisted")))
    examples.append(("unlisted", _need(unlisted, "before_change_example", file, "lists.unlisted"),
                     _need(unlisted, "before_change_name", file, "lists.unlisted")))
    return PlaceRules(
        region_after=_patterns(tables["region"], "after", file, "role.region"),
        region_before=_patterns(tables["region"], "before", file, "role.region"),
        front_after=_patterns(tables["front"], "after", file, "role.front", 0),
        front_before=_patterns(tables["front"], "before", file, "role.front", 0),
        modifier_after=_patterns(tables["modifier"], "after", file, "role.modifier"),
        modifier_before=_patterns(tables["modifier"], "before", file, "role.modifier"),
        government_names=frozenset(_need(tables["government"], "names", file, "role.government")),
        government_city_before=_patterns(tables["government"], "city_before", file, "role.government"),
        river_names=frozenset(_need(tables["river"], "names", file, "role.river")),
        river_before=_patterns(tables["river"], "before", file, "role.river"),
        river_after=_patterns(tables["river"], "after", file, "role.river"),
        dateline_after=_patterns(dateline, "after", file, "role.dateline", 0)[0],
        dateline_line_start=_compile(_need(dateline, "line_start", file, "role.dateline"), file,
                                     "role.dateline.line_start", 0),
        near=first_letters(_compile(_need(relation, "near", file, "relation"), file, "relation.near", told=False)),
        near_after=_compile(_need(relation, "near_after", file, "relation"), file, "relation.near_after"),
        beside=first_letters(_compile(_need(relation, "beside", file, "relation"), file, "relation.beside", told=False)),
        list_glue=_compile(_need(lists, "glue", file, "lists"), file, "lists.glue", 0),
        unlisted_endings=tuple(sorted({str(e).lower() for e in _need(unlisted, "endings", file, "lists.unlisted")})),
        not_names=frozenset(str(w) for w in _need(unlisted, "not_names", file, "lists.unlisted")),
        place_prefixes=tuple(str(p) for p in _need(unlisted, "place_prefixes", file, "lists.unlisted")),
        unlisted_after_change=_compile(_need(unlisted, "after_change", file, "lists.unlisted"), file,
                                       "lists.unlisted.after_change"),
        unlisted_after_change_region=_compile(_need(unlisted, "after_change_region", file, "lists.unlisted"), file,
                                              "lists.unlisted.after_change_region", 0),
        unlisted_after_change_person=_compile(_need(unlisted, "after_change_person", file, "lists.unlisted"), file,
                                              "lists.unlisted.after_change_person"),
        unlisted_before_change=_compile(_need(unlisted, "before_change", file, "lists.unlisted"), file,
                                        "lists.unlisted.before_change", 0),
        coreference_nouns=_compile(_need(coreference, "nouns", file, "coreference"), file, "coreference.nouns"),
        coreference_pronouns=_compile(_need(coreference, "pronouns", file, "coreference"), file,
                                      "coreference.pronouns", 0),
        examples=tuple(examples),
        held_since=_held_since(raw, file))


def _held_since(raw: dict[str, Any], file: str) -> dict[int, dt.date]:
    held: dict[int, dt.date] = {}
    for i, entry in enumerate(raw.get("held_throughout", [])):
        where = f"held_throughout[{i}]"
        geonameid, since = _need(entry, "geonameid", file, where), _need(entry, "since", file, where)
        if not isinstance(geonameid, int) or not isinstance(since, dt.date):
            raise RulesError(file, where, "needs an integer geonameid and a date since (YYYY-MM-DD, unquoted)")
        held[geonameid] = since
    return held


def _plain_words(words: list[str], file: str, key: str) -> frozenset[str]:
    if not all(isinstance(w, str) and re.fullmatch(r"[a-z]+(?: [a-z]+)*", w) for w in words):
        raise RulesError(file, key, "must be plain lower-case words (no regular expressions)")
    return frozenset(words)


def rules_version(directory: Path = RULES_DIR) -> str:
    digest = hashlib.sha256()
    for name in FILES:
        digest.update((directory / f"{name}.toml").read_bytes())
    return f"{EXTRACTOR_CODE_VERSION}+{digest.hexdigest()[:8]}"


def _week_end(entry: dict[str, Any], path: str, where: str) -> bool:
    """A date rule's optional ``week_end`` (true or false; false when left out)."""
    value = entry.get("week_end", False)
    if not isinstance(value, bool):
        raise RulesError(path, where, "week_end must be true or false")
    return value


@cache
def load_rules(directory: Path = RULES_DIR) -> Rules:
    """Read, validate and compile every rules file in ``directory``."""
    raw = {name: _read(directory, name) for name in FILES}
    f = {name: str(directory / f"{name}.toml") for name in FILES}

    types: dict[EventType, bool] = {}
    for key, table in raw["event_types"].items():
        try:
            types[EventType(key)] = bool(_need(table, "change", f["event_types"], key))
        except ValueError as exc:
            raise RulesError(f["event_types"], key, f"unknown event type; the code knows {', '.join(EventType)}") from exc

    triggers = []
    trigger_alternations = []
    for i, t in enumerate(_need(raw["triggers"], "trigger", f["triggers"], "(file)")):
        where = f"trigger #{i + 1}"
        try:
            kind = EventType(_need(t, "type", f["triggers"], where))
        except ValueError as exc:
            raise RulesError(f["triggers"], where, f"type must be one of {', '.join(EventType)}") from exc
        if kind not in types:
            raise RulesError(f["triggers"], where, f"type {kind} is not in event_types.toml")
        gains = _need(t, "gains", f["triggers"], where)
        targets = t.get("targets", "object")
        if targets not in ("object", "subject", "sentence", "others", "fronted", "focus"):
            raise RulesError(f["triggers"], where, "targets must be object, subject, sentence, others, fronted or focus")
        agent = t.get("agent", "text")
        fallback = t.get("fallback", "claimant")
        passive_fallback = t.get("passive_fallback", "")
        if passive_fallback not in ("", "claimant", "opponent_of_claimant", "opponent_of_place", "none"):
            raise RulesError(f["triggers"], where, "passive_fallback must be claimant|opponent_of_claimant|"
                                                   "opponent_of_place|none")
        if gains not in ("agent", "opponent") or agent not in ("text", "claimant", "none") or fallback not in (
                "claimant", "opponent_of_claimant", "opponent_of_place", "opponent_of_loser", "none"):
            raise RulesError(f["triggers"], where, "gains must be agent|opponent, agent text|claimant|none, "
                                                   "fallback claimant|opponent_of_claimant|opponent_of_place|opponent_of_loser|none")
        # end on a word boundary unless the pattern itself ends in a space or a symbol ("in the ", "10% of")
        pattern = rf"\b(?:{_need(t, 'pattern', f['triggers'], where)})(?:(?<=\W)|\b)"
        regex = first_letters(_compile(pattern, f["triggers"], where, told=False))
        # (searched with only the alternatives a sentence may hold: events/anchors.py Alternation)
        trigger_alternations.append(Alternation.of(r"\b(?:", t["pattern"], r")(?:(?<=\W)|\b)", re.IGNORECASE, regex))
        triggers.append(Trigger(kind, regex,
                                gains, agent, fallback, bool(t.get("agent_after", False)),
                                bool(t.get("needs_agent", False)), bool(t.get("subject_place", False)), targets,
                                t.get("share_is_partial", kind in (EventType.CAPTURE, EventType.RECAPTURE)) in (True, "measured"),
                                bool(t.get("home_side", False)),
                                _need(t, "example", f["triggers"], where), dict(t.get("expect", {})),
                                passive_fallback, bool(t.get("foreign_only", False)), bool(t.get("own_word", False)),
                                bool(t.get("owner_named", False)), bool(t.get("needs_claim", False)),
                                bool(t.get("attempt", False)), t.get("share_is_partial") == "measured",
                                bool(t.get("quoted_only", False)), bool(t.get("own_quote", False))))

    neg, hed, cla = raw["negations"], raw["hedges"], raw["claimants"]
    claimants = []
    for i, c in enumerate(_need(cla, "claimant", f["claimants"], "(file)")):
        where = f"claimant #{i + 1} ({c.get('name', '?')})"
        aliases = _need(c, "aliases", f["claimants"], where)
        claimants.append(ClaimantRule(
            name=_need(c, "name", f["claimants"], where),
            side=_side(_need(c, "side", f["claimants"], where), f["claimants"], where, ("UA", "RU", "none", "context")),
            default_side=_side(c["default_side"], f["claimants"], where) if "default_side" in c else "",
            kind=_need(c, "kind", f["claimants"], where), regex=_any_of(aliases, f["claimants"], where, 0),
            valid_from=str(c.get("valid_from", "")), valid_to=str(c.get("valid_to", "")),
            example=_need(c, "example", f["claimants"], where),
            side_names=tuple((str(k), str(v)) for k, v in c.get("names", {}).items()),
            speaks_for=_names(c.get("speaks_for", ()))))
    # (a body of either side's: "{side} military commander" is "Russian military commander" in a Russian report)
    names = {c.name for c in claimants} | {c.name.format(side=side) for c in claimants if c.side == "context"
                                           for side in ("Ukrainian", "Russian")} \
        | {name for c in claimants for _, name in c.side_names}
    for c in claimants:
        for body in c.speaks_for:
            if body not in names:
                raise RulesError(f["claimants"], c.name, f"speaks_for names no claimant: {body!r}")
    local = []
    for i, entry in enumerate(cla.get("local", [])):
        regex = _compile(_need(entry, "pattern", f["claimants"], f"local #{i + 1}"), f["claimants"], f"local #{i + 1}", 0)
        local.append((regex, _need(entry, "example", f["claimants"], f"local #{i + 1}")))
    people = []
    for i, entry in enumerate(cla.get("person", [])):
        where = f"person #{i + 1}"
        regex = first_letters(_compile(_need(entry, "pattern", f["claimants"], where), f["claimants"], where, 0, told=False))
        if not {"name", "role"} <= set(regex.groupindex):
            raise RulesError(f["claimants"], where, "pattern needs (?P<name>...) and (?P<role>...) groups")
        kinds = entry.get("kinds", {})
        if not isinstance(kinds, dict) or not all(isinstance(v, str) for v in kinds.values()):
            raise RulesError(f["claimants"], where, "kinds must map role words to kinds")
        people.append(PersonRule(regex, tuple(kinds.items()), _need(entry, "example", f["claimants"], where)))

    src = raw["sources"]
    outlets = []
    for i, o in enumerate(_need(src, "outlet", f["sources"], "(file)")):
        where = f"outlet #{i + 1}"
        outlets.append(Outlet(_need(o, "name", f["sources"], where), _any_of(_need(o, "aliases", f["sources"], where),
                                                                              f["sources"], where, 0),
                              o.get("kind", "media"), Side(_side(o.get("side", "none"), f["sources"], where))))
    credit = tuple(_compile(p, f["sources"], f"credit.lines[{i}]", re.MULTILINE)
                   for i, p in enumerate(_need(_need(src, "credit", f["sources"], "(file)"), "lines", f["sources"], "credit")))
    channels = tuple(_compile(p, f["sources"], f"channel.patterns[{i}]", 0)
                     for i, p in enumerate(_need(_need(src, "channel", f["sources"], "(file)"), "patterns", f["sources"], "channel")))
    for pattern in (*credit, *channels):
        if "outlet" not in pattern.groupindex:
            raise RulesError(f["sources"], pattern.pattern[:40], "pattern needs an (?P<outlet>...) group")

    sides = []
    for key in ("RU", "UA", "own", "enemy", "pronoun"):
        words = _need(raw["sides"], key, f["sides"], "(file)")
        for i, p in enumerate(words):
            _compile(p, f["sides"], f"{key}[{i}]", 0, told=False)
        sides.append((compiled(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in words) + r")(?![\w-])"), key))
    voices = []
    for key, words in _need(raw["sides"], "voice", f["sides"], "(file)").items():
        for i, p in enumerate(words):
            _compile(p, f["sides"], f"voice.{key}[{i}]", 0, told=False)
        voices.append((compiled(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in words) + r")(?![\w-])"), Side(key)))
    outside = {}
    for key, words in raw["sides"].get("outside", {}).items():
        for i, p in enumerate(words):
            _compile(p, f["sides"], f"outside.{key}[{i}]", 0, told=False)
        outside[Side(key)] = compiled(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in words) + r")(?![\w-])")

    relative, anchored = [], []
    for i, (table, r) in enumerate([("relative", r) for r in _need(raw["dates"], "relative", f["dates"], "(file)")]
                                   + [("anchored", r) for r in raw["dates"].get("anchored", [])]):
        where = f"{table} #{i + 1}"
        try:
            precision = DatePrecision(_need(r, "precision", f["dates"], where))
        except ValueError as exc:
            raise RulesError(f["dates"], where, "precision must be day, week, month or year") from exc
        (relative if table == "relative" else anchored).append(RelativeDate(_compile(rf"\b(?:{_need(r, 'pattern', f['dates'], where)})\b", f["dates"], where, told=False),
                                     int(_need(r, "days", f["dates"], where)), precision, _week_end(r, f["dates"], where)))

    fixed = []
    for i, r in enumerate(raw["dates"].get("fixed", [])):
        where = f"fixed #{i + 1}"
        try:
            fixed.append(FixedDate(_compile(rf"\b(?:{_need(r, 'pattern', f['dates'], where)})\b", f["dates"], where, told=False),
                                   dt.date.fromisoformat(str(_need(r, "date", f["dates"], where))),
                                   DatePrecision(_need(r, "precision", f["dates"], where))))
        except ValueError as exc:
            raise RulesError(f["dates"], where, f"date must be YYYY-MM-DD and precision a known one: {exc}") from exc

    trg = raw["triggers"]
    structure = {key: _compile(_need(trg, key, f["triggers"], "(file)"), f["triggers"], key)
                 for key in ("plural_places", "frame_anaphora", "frame_nouns", "singular_anaphora", "appositive",
                             "partial_share", "partial_adverb", "entry_share", "measured_share", "part_object", "facility_after", "facility_before", "spoils_object",
                             "encircling_after", "terrain_of", "other_deeds")}
    for key in ("plural_places", "frame_anaphora", "partial_share", "partial_adverb", "entry_share", "measured_share"):  # searched for, not matched at a place
        structure[key] = first_letters(structure[key])
    rules = Rules(
        version=rules_version(directory),
        change_types=frozenset(t for t, change in types.items() if change),
        triggers=tuple(triggers),
        hedge_in_sentence=_any_of(_need(hed, "in_sentence", f["hedges"], "(file)"), f["hedges"], "in_sentence"),
        hedge_after=_any_of(_need(hed, "after", f["hedges"], "(file)"), f["hedges"], "after"),
        irrealis=(irrealis := _any_of(_need(neg, "irrealis", f["negations"], "(file)"), f["negations"], "irrealis")),
        irrealis_index=_alternations_of(neg["irrealis"], irrealis),
        irrealis_after=_any_of(_need(neg, "irrealis_after", f["negations"], "(file)"), f["negations"], "irrealis_after"),
        negation=_any_of(_need(neg, "negation", f["negations"], "(file)"), f["negations"], "negation"),
        failed=_any_of(_need(neg, "failed", f["negations"], "(file)"), f["negations"], "failed"),
        falsity=_any_of(_need(neg, "falsity", f["negations"], "(file)"), f["negations"], "falsity"),
        falsity_next=_compile(_need(neg, "falsity_next", f["negations"], "(file)"), f["negations"], "falsity_next"),
        launch=_any_of(_need(neg, "launch", f["negations"], "(file)"), f["negations"], "launch"),
        denial=_any_of(_need(neg, "denial", f["negations"], "(file)"), f["negations"], "denial"),
        denial_verbs=_any_of(_need(neg, "denial_verbs", f["negations"], "(file)"), f["negations"], "denial_verbs"),
        denial_tail=_any_of(_need(neg, "denial_tail", f["negations"], "(file)"), f["negations"], "denial_tail"),
        denial_followup=_any_of(_need(neg, "denial_followup", f["negations"], "(file)"), f["negations"],
                                "denial_followup"),
        retraction=_any_of(_need(neg, "retraction", f["negations"], "(file)"), f["negations"], "retraction"),
        own_report_wrong=_any_of(_need(neg, "own_report_wrong", f["negations"], "(file)"), f["negations"], "own_report_wrong"),
        reporting_verbs=_any_of(_need(cla, "reporting_verbs", f["claimants"], "(file)"), f["claimants"], "reporting_verbs"),
        reporting_verb_words=_plain_words(_need(cla, "reporting_verbs", f["claimants"], "(file)"), f["claimants"],
                                          "reporting_verbs"),
        post_signature=_compile(_need(cla, "post_signature", f["claimants"], "(file)"), f["claimants"],
                                "post_signature", 0),
        interview_cue=_compile(_need(cla, "interview_cue", f["claimants"], "(file)"), f["claimants"], "interview_cue"),
        interviewee_follows=_compile(_need(cla, "interviewee_follows", f["claimants"], "(file)"), f["claimants"],
                                     "interviewee_follows", told=False),
        titles=frozenset(w.lower() for w in _need(cla, "titles", f["claimants"], "(file)")),
        given_names={name.lower(): frozenset(n.lower() for n in group)
                     for group in _need(cla, "given_name_variants", f["claimants"], "(file)") for name in group},
        claimants=tuple(claimants),
        trigger_index=AlternationIndex.build(trigger_alternations),
        any_claimant=compiled("|".join(f"(?:{c.regex.pattern})" for c in claimants)),
        claimant_index=AnchorIndex.build([c.regex for c in claimants] + [p.regex for p in people]),
        local_authorities=tuple(local),
        people=tuple(people),
        region_sides=tuple((compiled(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b"), Side(side))
                           for side, names in cla.get("region_sides", {}).items()),
        installed_since_2014=frozenset(_need(cla, "installed_since_2014", f["claimants"], "(file)")),
        anaphora=_any_of(_need(cla, "anaphora", f["claimants"], "(file)"), f["claimants"], "anaphora"),
        outlets=tuple(outlets), credit_lines=credit, channels=channels,
        side_words=tuple(sides), voice_words=tuple(voices), outside_words=outside,
        abbreviations=frozenset(_need(raw["sentences"], "abbreviations", f["sentences"], "(file)")),
        spoken_asides=_compile(_need(raw["sentences"], "spoken_asides", f["sentences"], "(file)"), f["sentences"], "spoken_asides",
                               told=False),
        relative_dates=tuple(RelativeDate(first_letters(r.regex), r.days, r.precision, r.week_end) for r in relative),
        any_relative_date=_any_date(relative),
        same_occasion=_compile(_need(raw["dates"], "same_occasion", f["dates"], "(file)"), f["dates"], "same_occasion"),
        occasion_told=first_letters(_compile(_need(raw["dates"], "occasion_told", f["dates"], "(file)"), f["dates"],
                                             "occasion_told", told=False)),
        anchored_dates=tuple(RelativeDate(first_letters(r.regex), r.days, r.precision, r.week_end) for r in anchored),
        any_anchored_date=_any_date(anchored),
        fixed_dates=tuple(FixedDate(first_letters(f.regex), f.date, f.precision) for f in fixed),
        places=_place_rules(raw["places"], f["places"]),
        persons=_person_words(cla, f["claimants"]),
        continuation=_compile(_need(trg, "continuation", f["triggers"], "(file)"), f["triggers"], "continuation", 0),
        followed=_compile(_need(trg, "followed", f["triggers"], "(file)"), f["triggers"], "followed", 0),
        added=_compile(_need(trg, "added", f["triggers"], "(file)"), f["triggers"], "added", 0),
        vouched=_compile(_need(trg, "vouched", f["triggers"], "(file)"), f["triggers"], "vouched"),
        added_close=_compile(_need(trg, "added_close", f["triggers"], "(file)"), f["triggers"], "added_close", told=False),
        added_saying=_compile(_need(trg, "added_saying", f["triggers"], "(file)"), f["triggers"], "added_saying", told=False),
        **structure,
    )
    # what the stages test sentences by before searching them with these (events.anchors.prepare)
    prepare([rules.denial, rules.failed, rules.falsity, rules.plural_places, rules.hedge_in_sentence, rules.denial_tail,
             rules.hedge_after], [(person.regex, "name") for person in rules.people])
    return rules

