"""Literal anchors of a regular expression: words one of which every match must contain.

A sentence that contains none of a pattern's anchors cannot match it, so a rule can be skipped
with a substring test instead of running its regular expression; most sentences name no claimant.
The anchors are read from the pattern itself (Python's own regular-expression parser), so the
rules files need no hand-kept keyword lists that could drift from their patterns.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Callable, Iterator
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

import _sre  # type: ignore[import-not-found]

__all__ = ["anchors", "AnchorIndex", "Alternation", "AlternationIndex", "alternatives", "first_letters", "compiled",
           "search_once", "may_match", "group_pattern", "prepare", "lower_words"]

_MIN = 3  # anchors shorter than this would pass almost every sentence
_PREFIX = 6  # an index tests the first letters of each anchor
# the characters that IGNORECASE takes for an ASCII one, or whose lower() holds one, other than the
# ASCII ones themselves (tests/events/test_anchors.py works them out again)
_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")
_FEW_STARTS = 5  # first_letters leaves alone a pattern whose matches start in fewer ways
_MAX_RANGE = 0x400  # a range of more characters than this is not listed as where matches start
# a pattern with this many alternatives or more is searched with only those a text may match
# (Alternation): a list this long is tried at every word; a shorter one costs less than its parts' compiling
_MANY_ALTERNATIVES = 16


def _char(item: tuple) -> str | None:
    """The lower-case letter a LITERAL or a case-only class ([Gg]) stands for."""
    op, value = item
    if op is sre.LITERAL:
        return chr(value).lower()
    if op is sre.IN and value and all(o is sre.LITERAL for o, _ in value):
        chars = {chr(v).lower() for _, v in value}
        return chars.pop() if len(chars) == 1 else None
    return None


def _alternatives(node: list, key: Callable[[str], Any] = len) -> list[str] | None:
    """Strings, one of which every match of ``node`` contains; None when none can be named. Where
    several such sets can be named, the one whose worst string ranks highest by ``key`` (len: the
    longest shortest one)."""
    best: list[str] | None = None
    run = run_before = ""

    def consider(found: list[str] | None) -> None:
        nonlocal best
        if found and (best is None or min(map(key, found)) > min(map(key, best))):
            best = found

    for item in node:
        ch = _char(item)
        if ch is not None:
            run += ch
            continue
        if len(run) >= _MIN:
            consider([run])
        run_before, run = run, ""
        op, value = item
        if op is sre.SUBPATTERN:
            consider(_alternatives(list(value[-1]), key))
        elif op is sre.BRANCH:
            # the parser factors common prefixes out ("ISW|Institute" -> "I" + "SW|nstitute"):
            # the letters just before the branch begin each alternative
            lead = run_before
            branches = [_branch(lead, list(b), key) for b in value[1]]
            if all(branches):
                consider([s for b in branches for s in b])  # type: ignore[union-attr]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1:
            consider(_alternatives(list(value[2]), key))
    if len(run) >= _MIN:
        consider([run])
    return best


def _branch(lead: str, node: list, key: Callable[[str], Any] = len) -> list[str] | None:
    """Anchors of one alternative of a branch that follows the letters ``lead``."""
    prefix = ""
    for item in node:
        ch = _char(item)
        if ch is None:
            break
        prefix += ch
    own = _alternatives(node, key)
    joined = lead + prefix
    if len(joined) >= _MIN and (own is None or key(joined) > min(map(key, own))):
        return [joined]
    return own


def anchors(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Lower-case strings one of which every match of ``pattern`` contains, or None when the
    pattern has no such literal of three letters or more (then it must always be tried)."""
    try:
        return _anchors(sre_parse.parse(pattern, flags))
    except re.error:
        return None


def _anchors(parsed: Any, key: Callable[[str], Any] = len) -> tuple[str, ...] | None:
    found = _alternatives(list(parsed), key)
    return tuple(sorted(set(found))) if found else None


# words in a large share of the sentences of war reports (the dev set's articles: "the" in three
# sentences of four, "russian" in one of three, "troops" in one of six): an index that reads one of
# them as a pattern's anchor tries that pattern on most sentences
_COMMON_WORDS = frozenset("""
a an the of in on at to for from by with as over out back and that this which it its he their is are was were
had have has been also s said according russia russian russians ukraine ukrainian ukrainians moscow kyiv forces
troops units military armed defence defense ministry enemy group positions fighting control taken liberated
offensive president people region oblast city town village villages settlements eastern donetsk still one
""".split())


def _rarity(anchor: str) -> tuple[int, int]:
    """How seldom a sentence may hold ``anchor``, as the index picks anchors by (events.anchors
    AnchorIndex): a common word ranks below any other, else the longer the rarer."""
    word = anchor.strip()
    return (0 if word in _COMMON_WORDS else len(word)), len(anchor)


def index_anchors(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """anchors(pattern, flags), picked for an index: of the sets of strings one of which every
    match holds, the one whose most common string is the rarest (_rarity), so that fewer
    sentences are tried with the pattern; None when the pattern has none (as anchors())."""
    try:
        return _anchors(sre_parse.parse(pattern, flags), _rarity)
    except re.error:
        return None


_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_SPACE: r"\s",
               sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_NOT_WORD: r"\W", sre.CATEGORY_NOT_SPACE: r"\S"}


def _starts(items: list, flags: int, bounded: bool = False) -> tuple[list[tuple], bool] | None:
    """The LITERAL and RANGE items one of which the first character of a match of ``items`` must
    fit (one for each way a match may start), each as (bounded, op, value): bounded when a word
    boundary (\\b) comes before that character on that way (``bounded``: one came before ``items``);
    and whether ``items`` can match the empty string. None when they cannot be told."""
    found: list[tuple] = []
    for op, value in items:
        if op is sre.LITERAL:
            return found + [(bounded, op, value)], False
        if op is sre.IN:
            if not all(o in (sre.LITERAL, sre.RANGE) or o is sre.CATEGORY and v in _CATEGORIES for o, v in value):
                return None  # a negated set, ...
            return found + [(bounded, o, v) for o, v in value], False
        if op is sre.AT and value is sre.AT_BOUNDARY:
            bounded = True  # (a \b inside a group that may match nothing is not counted: the test stays looser)
            continue
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # ^, look-arounds: no character taken
        if op is sre.SUBPATTERN:
            if value[1]:  # (?i:...) in a pattern without IGNORECASE: the look-ahead would be stricter
                return None
            inner = [_starts(list(value[-1]), flags, bounded)]
        elif op is sre.BRANCH:
            inner = [_starts(list(branch), flags, bounded) for branch in value[1]]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            inner = [_starts(list(value[2]), flags, bounded)]
            if inner[0] is not None and value[0] == 0:
                inner.append(([], True))
        else:
            return None
        if any(i is None for i in inner):
            return None
        for starts, _empty in inner:  # type: ignore[misc]
            found += starts
        if not any(empty for _starts_, empty in inner):  # type: ignore[misc]
            return found, False
    return found, True


def _class(starts: set[tuple]) -> str:
    """A character class of the (op, value) items of _starts."""
    return "[" + "".join(sorted(f"\\U{value:08x}" if op is sre.LITERAL else _CATEGORIES[value] if op is sre.CATEGORY
                               else f"\\U{value[0]:08x}-\\U{value[1]:08x}" for op, value in starts)) + "]"


def first_letters(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead for the characters its matches can start with, compiled
    with its own flags (so IGNORECASE folds the class as it folds the literals): it matches
    exactly what ``pattern`` does, and the engine skips at once the positions where no match can
    start, instead of trying every alternative of a long list there. When those characters are
    ASCII, the engine is also told them before it searches (_compiled). ``pattern`` itself when
    those characters cannot be told (or it may match the empty string)."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except re.error:
        return pattern
    starts = _starts(list(parsed), pattern.flags)
    if starts is None or starts[1]:
        return pattern
    chars = _start_chars(starts[0], pattern.flags)
    if len(starts[0]) < _FEW_STARTS:  # (a few ways to start are tried as fast as the look-ahead)
        return _compiled(pattern.pattern, pattern.flags, parsed, chars) if chars else pattern
    bounded = {(op, value) for at_boundary, op, value in starts[0] if at_boundary}
    free = {(op, value) for at_boundary, op, value in starts[0] if not at_boundary}
    # the ways to start that pass a word boundary (\b) first: that test first, the cheaper one inside
    # a word ("\bnear|(?<!the )\bnearby|...": no look-behind is tried there)
    if not free:
        guard = rf"\b(?={_class(bounded)})"
    elif bounded:
        guard = rf"(?:\b(?={_class(bounded)})|(?={_class(free)}))"
    else:
        guard = f"(?={_class(free)})"
    try:
        guarded = sre_parse.parse(guard + pattern.pattern, pattern.flags)
    except re.error:  # a global inline flag that must stay first
        return _compiled(pattern.pattern, pattern.flags, parsed, chars) if chars else pattern
    return _compiled(guard + pattern.pattern, pattern.flags, guarded, chars)


# the engine's compiled form this module writes the first characters into is that of these versions
# (tests/events/test_anchors.py checks the matches); on another, patterns are compiled as re.compile does
_ENGINE_KNOWN = (3, 11) <= sys.version_info[:2] <= (3, 13)


def compiled(text: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(text, flags), told the characters its matches start with where they can be
    listed (see _compiled): the same text, flags, groups and matches, and a search skips every
    other character at once. For the modules' own patterns, compiled once at import."""
    flags = int(flags)
    try:
        parsed = sre_parse.parse(text, flags)
    except re.error:
        return re.compile(text, flags)  # (raises as re.compile does)
    return _told(text, flags, parsed)


def _told(text: str, flags: int, parsed: Any) -> re.Pattern[str]:
    """compiled(text, flags) from its parse ``parsed``."""
    starts = _starts(list(parsed), flags)
    chars = _start_chars(starts[0], flags | parsed.state.flags) if starts is not None and not starts[1] else []
    return _compiled(text, flags, parsed, chars)


@cache
def _folds(code: int) -> frozenset[int]:
    """The characters IGNORECASE takes for the ASCII character ``code`` ("k": k, K and the Kelvin
    sign), as the engine itself reads them: its other case and _FOLDS only (test_anchors checks
    that no other character folds onto ASCII)."""
    one = re.compile(re.escape(chr(code)), re.IGNORECASE)
    return frozenset(ord(c) for c in {chr(code).lower(), chr(code).upper(), *_FOLDS.pattern[1:-1]} if one.fullmatch(c))


def _start_chars(starts: list[tuple], flags: int) -> list[int]:
    """Every character a match can start with, from _starts: with IGNORECASE, when all of them are
    ASCII, each with the characters it folds with; without, as they are (Cyrillic capitals too:
    "[A-ZА-ЯІЇЄҐ]"); [] when some cannot be listed so."""
    if flags & re.LOCALE:
        return []
    chars: set[int] = set()
    for _bounded, op, value in starts:
        if op is sre.LITERAL:
            points = range(value, value + 1)
        elif op is sre.RANGE:
            points = range(value[0], value[1] + 1)
        else:
            return []  # \d, \w ...
        if not flags & re.IGNORECASE:
            if len(points) > _MAX_RANGE:
                return []  # (a class of most characters: no use telling it)
            chars.update(points)
            continue
        for c in points:
            if c >= 0x80:
                return []
            chars |= _folds(c)
    return sorted(chars)


def _compiled(text: str, flags: int, parsed: Any, chars: list[int]) -> re.Pattern[str]:
    """re.compile(text, flags), from its parse ``parsed``, with ``chars`` (when given) as the
    characters its matches start with, in the block the engine reads before it searches: it then
    skips every other character in one tight loop, instead of trying the whole pattern (its \\b,
    its look-ahead) at each position. The engine works such a set out itself only for a pattern
    that opens on a plain literal or class, never behind \\b or under IGNORECASE. Same text,
    flags, groups and matches; the set is left out where the engine found a prefix of its own,
    and the pattern is compiled as re.compile does where the engine's internals are not the ones
    this was written for (Python 3.11-3.13)."""
    if not _ENGINE_KNOWN:
        return re.compile(text, flags)
    try:
        code = sre_compile._code(parsed, flags)
        if chars and code[0] == sre.INFO and code[2] == 0 and code[3] > 0:  # (no prefix; not an empty match)
            info = [sre.INFO, 0, sre.SRE_INFO_CHARSET, code[3], code[4]]
            charset, _cased = sre_compile._optimize_charset([(sre.LITERAL, c) for c in chars])
            sre_compile._compile_charset(charset, flags, info)
            info[1] = len(info) - 1
            code = info + code[1 + code[1]:]
        state = parsed.state
        names = [None] * state.groups
        for name, number in state.groupdict.items():
            names[number] = name
        return _sre.compile(text, flags | state.flags, code, state.groups - 1, state.groupdict, tuple(names))
    except (AttributeError, IndexError, TypeError, ValueError, RuntimeError):
        return re.compile(text, flags)


def _trie_pattern(words: list[str]) -> str:
    """One regular expression for many literal words, factored into a trie ("capt(?:ure|ured)"),
    which Python's engine tries far faster than a flat alternation."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


def _phrase_trie_pattern(phrases: list[str]) -> str:
    """One regular expression for plain phrases ("said", "walked back": letters, one space
    between words) that matches, between word boundaries, exactly what their alternation in this
    order does. At a position only the phrases whose first word is the whole word there can match
    (a first word is followed by a space or a boundary), so the first words are factored into a
    trie, each closing on its phrases' rests in their order ("walked(?:| back)")."""
    rests: dict[str, list[str]] = {}
    for phrase in phrases:
        first, space, rest = phrase.partition(" ")
        kept = rests.setdefault(first, [])
        if space + rest not in kept:
            kept.append(space + rest)
    trie: dict = {}
    for word in rests:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = rests[word]

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            ends = node[""]
            branches.append("" if ends == [""] else "(?:" + "|".join(re.escape(r) for r in ends) + ")")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie)


@cache
def _compiled_words(pattern: str) -> re.Pattern[str]:
    """An index's look-ahead trie, compiled the first time a text needs it (one with a character
    lower() and IGNORECASE read differently: few texts, and most runs none)."""
    return re.compile(pattern)


@dataclass(frozen=True, slots=True)
class AnchorIndex:
    """Which of many patterns a text may match, from one pass over the lower-cased text: every
    pattern's anchors in one trie-shaped regular expression, tried at every position (anchors may
    start inside one another: "control had" holds " control"), and for each anchor found the
    patterns that hold it or a shorter anchor starting the same way."""

    words: str  # every anchor start in a look-ahead (it finds starts inside others): compiled when a text needs it
    patterns_of: dict[str, frozenset[int]]
    always: frozenset[int]  # patterns without anchors: always tried
    recent: dict[str, list[int]] = field(default_factory=dict, compare=False, repr=False)  # text -> candidates
    # for each anchor start found: the patterns it settles at once (anchors no longer than the
    # start, or not plain ASCII), and the longer anchors to read in full, with their patterns
    # (" house" is found in "households", but the contested trigger wants " house to house")
    settled: dict[str, frozenset[int]] = field(default_factory=dict, compare=False, repr=False)
    longer: dict[str, tuple[tuple[str, frozenset[int]], ...]] = field(default_factory=dict, compare=False, repr=False)
    # the trie of ``words`` without the look-ahead: searched again from the letter after each start
    # found, it finds the same starts, and the engine skips at once to the letters anchors begin with
    starts: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def build(cls, patterns: list[re.Pattern[str]]) -> AnchorIndex:
        return cls.of([index_anchors(p.pattern, p.flags) for p in patterns])

    @classmethod
    def of(cls, per_pattern: list[tuple[str, ...] | None]) -> AnchorIndex:
        """The index of patterns given by their anchors (None: none, always tried)."""
        owners: dict[str, set[int]] = {}
        for i, found in enumerate(per_pattern):
            # the start of an anchor is in every match too: "captur" stands for "capture",
            # "captures" and "capturing"
            for w in {w[:_PREFIX] for w in found or ()}:
                owners.setdefault(w, set()).add(i)
        words = sorted(owners)
        # the trie finds the longest anchor at a position: it also holds the shorter ones there
        patterns_of = {w: frozenset(i for v in words if w.startswith(v) for i in owners[v]) for w in words}
        settled: dict[str, frozenset[int]] = {}
        longer: dict[str, tuple[tuple[str, frozenset[int]], ...]] = {}
        by_start: dict[str, list[tuple[str, int]]] = {}  # the anchors of each start (their first letters)
        for i, found in enumerate(per_pattern):
            for a in found or ():
                by_start.setdefault(a[:_PREFIX], []).append((a, i))
        for w in words:
            held = [held_ for k in range(1, len(w) + 1) for held_ in by_start.get(w[:k], ())]
            settled[w] = frozenset(i for a, i in held if len(a) <= _PREFIX or not a.isascii())
            full: dict[str, set[int]] = {}
            for a, i in held:
                if i not in settled[w]:
                    full.setdefault(a, set()).add(i)
            longer[w] = tuple((a, frozenset(owners_)) for a, owners_ in sorted(full.items()))
        return cls("(?=(" + (_trie_pattern(words) or "(?!)") + "))", patterns_of,
                   frozenset(i for i, found in enumerate(per_pattern) if not found), settled=settled, longer=longer,
                   starts=re.compile(_trie_pattern(words)) if words else None)

    def candidates(self, text: str) -> list[int]:
        """Indexes of the patterns ``text`` may match, in order. Asked several times per sentence
        (its speakers, then the claimants it names): remembered briefly."""
        cached = self.recent.get(text)
        if cached is None:
            if len(self.recent) > 512:
                self.recent.clear()
            cached = self.recent[text] = self._candidates(text)
        return cached

    def _candidates(self, text: str) -> list[int]:
        found = set(self.always)
        lower = text.lower()
        if not text.isascii() and _FOLDS.search(text):  # lower() and IGNORECASE differ on these: the anchors' starts only
            for hit in _compiled_words(self.words).finditer(lower):
                if hit.group(1):
                    found |= self.patterns_of[hit.group(1)]
            return sorted(found)
        search = self.starts.search if self.starts is not None else None
        hit = search(lower) if search is not None else None
        while hit is not None:
            at, start = hit.start(), hit.group()
            found |= self.settled[start]
            for anchor, owners in self.longer[start]:
                if not owners <= found and lower.startswith(anchor, at):
                    found |= owners
            hit = search(lower, at + 1)  # type: ignore[misc]
        return sorted(found)


# an escape, a class (a ] first in it stands for itself), or a character that shapes groups
_STRUCTURE = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[()|]", re.DOTALL)


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """Each (, ) and | of ``pattern`` outside classes and escapes, with the depth of groups it
    stands at (a ( at the depth it opens, a ) at the one it closes to)."""
    depth = 0
    for m in _STRUCTURE.finditer(pattern):
        ch = m.group()
        if ch == "(":
            yield m.start(), ch, depth
            depth += 1
        elif ch == ")":
            depth -= 1
            yield m.start(), ch, depth
        elif ch == "|":
            yield m.start(), ch, depth


def alternatives(pattern: str) -> tuple[str, ...]:
    """The top-level alternatives of ``pattern`` ("a|(?:b|c)d": "a", "(?:b|c)d"), looking through
    groups (?:...) around the whole."""
    while pattern.startswith("(?:") and next((i for i, ch, depth in _structure(pattern) if ch == ")" and depth == 0), -1) \
            == len(pattern) - 1:
        pattern = pattern[3:-1]  # (the group that opens it closes at its end)
    bars = [i for i, ch, depth in _structure(pattern) if ch == "|" and depth == 0]
    return tuple(pattern[a + 1:b] for a, b in zip([-1] + bars, bars + [len(pattern)]))


@dataclass(frozen=True, slots=True)
class Alternation:
    """A pattern ``before + "|".join(alternatives) + after`` (before opens the group the
    alternatives close), searched with only the alternatives a text may match. An alternative
    none of whose anchors the text holds matches nowhere in it, and the engine tries the others in
    the same order at each position: the matches are the same, without trying every alternative
    of a long list at every word of every sentence."""

    before: str
    alternatives: tuple[str, ...]
    after: str
    flags: int
    whole: re.Pattern[str]  # the pattern with every alternative, as the rules compile it
    anchors: tuple[tuple[str, ...] | None, ...]  # of each alternative (see index_anchors())
    parsed: tuple[Any, ...]  # each alternative alone (before + it + after), parsed: the larger part of compiling it
    # those compiled, when first needed: most never are
    parts_: dict[int, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, before: str, pattern: str, after: str, flags: int, whole: re.Pattern[str]) -> Alternation:
        """``whole`` (before + pattern + after, compiled) by the alternatives of ``pattern`` when
        it has _MANY_ALTERNATIVES; else, or when one of them does not parse alone (a
        back-reference), by one alternative, the whole pattern."""
        parts = alternatives(pattern)
        try:
            parsed = tuple(sre_parse.parse(before + part + after, flags) for part in parts) \
                if len(parts) >= _MANY_ALTERNATIVES else ()
        except re.error:
            parsed = ()
        if not parsed:
            return cls(before, (pattern,), after, flags, whole, (index_anchors(whole.pattern, whole.flags),), ())
        return cls(before, parts, after, flags, whole, tuple(_anchors(p, _rarity) for p in parsed), parsed)

    def part(self, k: int) -> re.Pattern[str]:
        """The pattern with alternative ``k`` only."""
        found = self.parts_.get(k)
        if found is None:
            found = self.parts_[k] = _told(self.before + self.alternatives[k] + self.after, self.flags, self.parsed[k])
        return found

    def finditer(self, kept: tuple[int, ...], text: str) -> list[re.Match[str]]:
        """whole.finditer(text), in a text where only the alternatives ``kept`` (their indexes, in
        order) may match. From one match on, the next is the leftmost match of any of them (where
        several start together, the first one's: the one the engine would try first)."""
        if len(kept) == len(self.alternatives):
            return list(self.whole.finditer(text))
        if len(kept) == 1:
            return list(self.part(kept[0]).finditer(text))
        patterns = [self.part(k) for k in kept]
        found: list[re.Match[str]] = []
        at = 0
        while True:
            hits = [m for m in (p.search(text, at) for p in patterns) if m is not None]
            if not hits:
                return found
            first = min(hits, key=lambda m: m.start())  # (the first of the leftmost, in the order kept)
            if first.end() == first.start():
                return list(self.whole.finditer(text))  # (an empty match: finditer steps on by its own rule)
            found.append(first)
            at = first.end()


@dataclass(frozen=True, slots=True)
class AlternationIndex:
    """An AnchorIndex over the alternatives of each pattern: which patterns a text may match,
    and their matches, each searched with only the alternatives the text may match (Alternation)."""

    parts: AnchorIndex  # over every pattern's alternatives, pattern after pattern
    owner: tuple[int, ...]  # the pattern of each part
    first: tuple[int, ...]  # each pattern's first part
    alternations: tuple[Alternation, ...]

    @classmethod
    def build(cls, alternations: list[Alternation]) -> AlternationIndex:
        owner = tuple(i for i, a in enumerate(alternations) for _ in a.alternatives)
        first = tuple(owner.index(i) for i in range(len(alternations)))
        return cls(AnchorIndex.of([found for a in alternations for found in a.anchors]), owner, first, tuple(alternations))

    def candidates(self, text: str) -> list[int]:
        """Indexes of the patterns ``text`` may match, in order."""
        return sorted({self.owner[part] for part in self.parts.candidates(text)})

    def holds(self, text: str) -> bool:
        """Whether some pattern matches somewhere in ``text`` (pattern.search(text) of one of them
        is not None): where the whole pattern matches, one of its alternatives does."""
        for part in self.parts.candidates(text):
            alternation = self.alternations[self.owner[part]]
            regex = alternation.whole if len(alternation.alternatives) == 1 else \
                alternation.part(part - self.first[self.owner[part]])
            if regex.search(text) is not None:
                return True
        return False

    def finditer(self, text: str) -> list[tuple[int, list[re.Match[str]]]]:
        """The matches in ``text`` of each pattern it may match, in the order of the patterns:
        pattern.finditer(text) of them all, the others having none."""
        kept: dict[int, list[int]] = {}
        for part in self.parts.candidates(text):  # (in order: pattern by pattern, alternative by alternative)
            pattern = self.owner[part]
            kept.setdefault(pattern, []).append(part - self.first[pattern])
        return [(i, self.alternations[i].finditer(tuple(parts), text)) for i, parts in kept.items()]


def _opened_groups(items: list) -> list:
    """The groups of the main sequence of ``items`` (looking into the groups it holds, not into
    branches, repeats or look-arounds), as (SUBPATTERN, value) items."""
    out: list = []
    for op, value in items:
        if op is sre.SUBPATTERN:
            out.append((op, value))
            if not value[1] and not value[2]:
                out += _opened_groups(list(value[-1]))
    return out


def _refers(items: list) -> bool:
    """Whether ``items`` refer back to a group ((?P=name), \\1, (?(1)...)) anywhere inside them."""
    for op, value in items:
        if op in (sre.GROUPREF, sre.GROUPREF_EXISTS, sre.GROUPREF_IGNORE, sre.GROUPREF_LOC_IGNORE, sre.GROUPREF_UNI_IGNORE):
            return True
        for part in value if isinstance(value, (tuple, list)) else ():
            if isinstance(part, sre_parse.SubPattern) and _refers(list(part)):
                return True
            if isinstance(part, (tuple, list)) and any(isinstance(b, sre_parse.SubPattern) and _refers(list(b)) for b in part):
                return True
    return False


def _group_pattern(pattern: re.Pattern[str], name: str) -> re.Pattern[str] | None:
    """group_pattern(pattern, name), worked out."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    number = parsed.state.groupdict.get(name)
    group = next((value for op, value in _opened_groups(list(parsed)) if value[0] == number), None)
    if number is None or group is None or group[1] or group[2] or _refers(list(group[-1])):  # (flags of its own)
        return None
    return _told(pattern.pattern, pattern.flags, sre_parse.SubPattern(parsed.state, list(group[-1])))


#: group_pattern's answers, by the identity of the pattern (kept alive here) and the group's name
_GROUPS: dict[tuple[int, str], tuple[re.Pattern[str], re.Pattern[str] | None]] = {}


def group_pattern(pattern: re.Pattern[str], name: str) -> re.Pattern[str] | None:
    """The named group ``name`` of ``pattern`` as a pattern of its own, when every match of
    ``pattern`` holds a match of it (the group stands in the pattern's main sequence, not in a
    branch, a repeat or a look-around): a text it is not found in holds no match of ``pattern``.
    Such a group may be much cheaper to look for ("[A-Z][a-z]+(?: [A-Z][a-z’'-]+){1,2}" is tried
    at capitals only) than the whole pattern, whose matches may open on any of five words before
    it. None when the group is not so, or refers back to another group."""
    seen = _GROUPS.get((id(pattern), name))
    if seen is None or seen[0] is not pattern:
        seen = _GROUPS[(id(pattern), name)] = (pattern, _group_pattern(pattern, name))
    return seen[1]


#: opens_at_line_start's answers, by the identity of the pattern (kept alive here)
_LINE_START: dict[int, tuple[re.Pattern[str], bool]] = {}


def opens_at_line_start(pattern: re.Pattern[str]) -> bool:
    """Whether every match of ``pattern`` starts where "^" holds (its first item, outside any
    alternation): in a text without "\n", pattern.search(text) is then pattern.match(text)."""
    seen = _LINE_START.get(id(pattern))
    if seen is None or seen[0] is not pattern:
        try:
            parsed = sre_parse.parse(pattern.pattern, pattern.flags)
            opens = bool(parsed.data) and parsed.data[0] in ((sre.AT, sre.AT_BEGINNING), (sre.AT, sre.AT_BEGINNING_LINE),
                                                             (sre.AT, sre.AT_BEGINNING_STRING))
        except re.error:
            opens = False
        seen = _LINE_START[id(pattern)] = (pattern, opens)
    return seen[1]


def prepare(patterns: list[re.Pattern[str]], groups: list[tuple[re.Pattern[str], str]] | None = None) -> None:
    """Work out now, when the rules load, the anchors may_match and search_once test ``patterns``
    by, and group_pattern of ``groups``: parsing and compiling them takes a few milliseconds each,
    better spent before the first article than in it."""
    for pattern in patterns:
        _anchors_of(pattern)
    for pattern, name in groups or []:
        group_pattern(pattern, name)


#: pattern.search(text) of the texts asked about lately, by the identity of the pattern and of the
#: text (kept alive here, so neither id is reused while remembered): a sentence's
#: denial_followup and retraction, asked once when the stages pick the sentences whose speakers
#: matter and again when the drafts read them. Never by the text's content: nothing carries over
#: from one article's sentences to another's.
_SEARCHED: dict[tuple[int, int], tuple[re.Pattern[str], str, re.Match[str] | None]] = {}


#: the patterns search_once is asked about, each with its anchors (index_anchors) in one trie-shaped
#: pattern, or None when they cannot be read so (none, or not all ASCII): by the pattern's identity
_ANCHORS_OF: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}


def _anchors_of(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    seen = _ANCHORS_OF.get(id(pattern))
    if seen is None or seen[0] is not pattern:
        found = index_anchors(pattern.pattern, pattern.flags)
        words = re.compile(_trie_pattern(sorted(found))) if found and all(a.isascii() for a in found) else None
        seen = _ANCHORS_OF[id(pattern)] = (pattern, words)
    return seen[1]


def search_once(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """pattern.search(text), remembered for this very string. A text that holds none of the
    pattern's anchors is not searched (the sentences after a claim mostly deny or retract
    nothing: "denial_followup" and "retraction" hold one of "denied", "fake", "deleted" ...),
    unless it holds a character lower() and IGNORECASE read differently (İ ı ſ K)."""
    key = (id(pattern), id(text))
    seen = _SEARCHED.get(key)
    if seen is not None and seen[0] is pattern and seen[1] is text:
        return seen[2]
    if len(_SEARCHED) > 256:
        _SEARCHED.clear()
    found = pattern.search(text) if may_match(pattern, text) else None
    _SEARCHED[key] = (pattern, text, found)
    return found


#: may_match's answers lately, by the identity of the pattern and of the text (kept alive here), as _SEARCHED
_MAY_MATCH: dict[tuple[int, int], tuple[re.Pattern[str], str, bool]] = {}


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False when no span of ``text`` can hold a match of ``pattern``: the text holds none of its
    anchors (index_anchors, as search_once reads them) and no character lower() and IGNORECASE read
    differently. For the patterns searched again and again within one sentence (a denial before
    each phrase, a hedge in each phrase's clause), most of whose sentences hold none of their words."""
    key = (id(pattern), id(text))
    seen = _MAY_MATCH.get(key)
    if seen is not None and seen[0] is pattern and seen[1] is text:
        return seen[2]
    if len(_MAY_MATCH) > 256:
        _MAY_MATCH.clear()
    words = _anchors_of(pattern)
    # (an ASCII text holds none of _FOLDS: isascii() reads a flag of the string, no scan)
    found = words is None or words.search(text.lower()) is not None or not text.isascii() and _FOLDS.search(text) is not None
    _MAY_MATCH[key] = (pattern, text, found)
    return found


_LOWER_WORDS: dict[int, tuple[str, str, frozenset[str]]] = {}
_ASCII_WORD = re.compile(r"[a-z]+")


def lower_words(text: str) -> tuple[str, frozenset[str]]:
    """text.lower() and its runs of the letters a-z: asked of a sentence by its speakers' stage
    and again by its dates'. Remembered by the identity of the string (kept alive while
    remembered), as search_once: nothing carries over by content."""
    seen = _LOWER_WORDS.get(id(text))
    if seen is not None and seen[0] is text:
        return seen[1], seen[2]
    if len(_LOWER_WORDS) > 256:
        _LOWER_WORDS.clear()
    lower = text.lower()
    words = frozenset(_ASCII_WORD.findall(lower))
    _LOWER_WORDS[id(text)] = (text, lower, words)
    return lower, words
