"""Literal anchors read from a pattern: a sentence without one of them cannot match it."""

import re

import pytest

from events.anchors import AnchorIndex, _phrase_trie_pattern, anchors, first_letters, index_anchors


@pytest.mark.parametrize("pattern, flags, expected", [
    ("(?:took|taken) control of", re.I, (" control of",)),
    ("Institute for the Study of War|ISW", 0, ("institute for the study of war", "isw")),  # a factored prefix
    ("(?:Russian|Russia['’]s) [Dd]efen[cs]e [Mm]inistry", 0, ("e ministry",)),  # a case-only class is a letter
    ("withdr[ae]wn?|retreat(?:ed|ing)?", re.I, ("retreat", "withdr")),
    ("(?:the )?[Gg]eneral [Ss]taff", 0, ("general staff",)),
    ("[A-Z][a-z]+ said", 0, (" said",)),
    ("RT|AP", 0, None),  # nothing of three letters: always tried
])
def test_anchors_of_a_pattern(pattern, flags, expected):
    assert anchors(pattern, flags) == expected


def test_an_index_reads_the_rarer_anchors_of_a_pattern():
    # every match holds "troops" or "forces", and "fled" or "abandoned": an index reads the rarer words
    pattern = r"(?:troops|forces) (?:have )?(?:fled|abandoned)"
    assert anchors(pattern, re.I) == ("forces", "troops")
    assert index_anchors(pattern, re.I) == ("abandoned", "fled")
    index = AnchorIndex.build([re.compile(pattern, re.I)])
    assert index.candidates("Russian troops advanced on Avdiivka") == []
    assert index.candidates("Ukrainian forces have abandoned Avdiivka") == [0]
    assert index_anchors("RT|AP") is None


def test_an_index_finds_patterns_whose_anchors_start_inside_others():
    patterns = [re.compile(p, re.I) for p in (r"control (?:had )?been established over", r"took control of", r"x|y")]
    index = AnchorIndex.build(patterns)
    # " control" of the second pattern's anchor and "control " of the first overlap
    assert index.candidates("Full control had been established over Lysychansk") == [0, 2]
    assert index.candidates("Russian forces took control of Avdiivka") == [1, 2]
    assert index.candidates("Nothing happened") == [2]  # a pattern without anchors is always a candidate


@pytest.mark.parametrize("pattern, flags, guarded", [
    (r"\b(?:(?:heavy|fierce) )*(?:fighting|battles?|clashes|combat|storm(?:ed|s)?)\b", re.I, True),
    (r"(?:near|around|outside|close to|towards?|not far from)\s+$", re.I, True),
    (r"\b(?:Kyiv|Kiev|Moscow|Kremlin|Ukraine|Russia|(?-i:[A-ZА-Я])\w+ said)\b", re.I, True),
    (r"(?i:alpha|beta|gamma|delta|epsilon)x", 0, False),  # an inline IGNORECASE: not told
    (r"(?:a|b|c|d|e|f)?", 0, False),  # matches the empty string
    (r"\b(?:ISW|RBC)\b", 0, True),  # few ways to start: no look-ahead, but the engine is told them
    (r"(?:\d+ km|about|around|near|west of|east of)\s+$", re.I, True),  # \d in the class
    (r"(?:\bnear|(?<!the )\bnearby|\baround|\d+ km|\band|,)\s+$", re.I, True),  # some ways after \b, some not
    (r"[^a-z]+ (?:said|says|told|wrote|added)", re.I, False),  # a negated set: not told
])
def test_first_letters_matches_exactly_what_the_pattern_does(pattern, flags, guarded):
    plain = re.compile(pattern, flags)
    fast = first_letters(plain)
    assert (fast is not plain) is guarded
    texts = ["Heavy fighting near Kupiansk, STORMS and clashes", "close to  Bakhmut ", "ſtorm İ ı K Kiev said",
             "Kremlin Ukraine Оleg said alpha delta Epsilonx", "", "abcdef", "ISW RBC ISWx", "he said: they wrote",
             "20 km  west of ", "around 12 KM ", "troops nearby ", "in the nearby ", "up to 15 km "]
    for text in texts:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for pos in range(len(text) + 1):
            a, b = plain.match(text, pos), fast.match(text, pos)
            assert (a and a.span()) == (b and b.span())


@pytest.mark.parametrize("pattern, flags", [
    (r"\b(?:kyiv|kharkiv|kupiansk|kramatorsk|(?P<s>sumy|siversk))\b", re.I),  # k and s fold with K and ſ
    (r"\b(?:ISW|RBC|DPR)\b", 0),  # few ways to start: no look-ahead, the same text
    (r"(?<![\w’'-])(?P<name>[A-ZА-ЯІЇЄҐ][\w’'-]+),\s+(?:north|south)\s+of", 0),  # Cyrillic capitals, told as they are
    (r"(?:is|in|it) (?:now )?(?P<w>\w+)", re.I),  # i folds with İ and ı
])
def test_a_pattern_told_its_first_characters_keeps_its_text_groups_and_matches(pattern, flags):
    plain = re.compile(pattern, flags)
    fast = first_letters(plain)
    assert fast is not plain
    assert fast.pattern.endswith(plain.pattern) and (fast.groups, fast.groupindex) == (plain.groups, plain.groupindex)
    texts = ["\u212ayiv and KHARKIV, ſumy, Siversk", "ISW: RBC dpr DPR", "İs now ıt it İN in ın", "", "xkyiv kyivx",
             "Berdin, north of Sudzha; Бердин, south of it; xБердин, north of; Їжаки,  south of Ґ"]
    for text in texts:
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
            [(m.span(), m.groups()) for m in plain.finditer(text)]
        for pos in range(len(text) + 1):
            a, b = plain.search(text, pos), fast.search(text, pos)
            assert (a and a.span()) == (b and b.span())


def test_an_index_reads_long_anchors_in_full():
    patterns = [re.compile(p, re.I) for p in (r"street[- ]by[- ]street fighting|fighting street by street", r"fighting")]
    index = AnchorIndex.build(patterns)
    # the index reads the first letters of every anchor ("fighti"), then the longer ones in full
    assert index.candidates("Fighting in the village went on") == [1]
    assert index.candidates("Fighting street by street went on") == [0, 1]
    assert index.candidates("Street-by-street fighting went on") == [0, 1]
    # where lower() and IGNORECASE disagree (ſ is an s to IGNORECASE), only the first letters are read
    assert index.candidates("Fighting ſtreet by ſtreet went on") == [0, 1]
    assert patterns[0].search("Fighting ſtreet by ſtreet went on")


def test_the_characters_that_fold_onto_ascii_are_known():
    """_FOLDS holds every character that IGNORECASE matches with an ASCII one, or whose lower()
    holds one, other than the ASCII characters themselves."""
    from events.anchors import _FOLDS
    ascii_ignoring_case = re.compile(r"[\x00-\x7f]", re.I)
    folds = {chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF
             and (ascii_ignoring_case.fullmatch(chr(c)) or any(ord(x) < 0x80 for x in chr(c).lower()))}
    assert folds == set(_FOLDS.pattern[1:-1])


def test_the_characters_told_for_an_ascii_one_are_those_ignorecase_takes():
    """_folds reads each ASCII character's other case and _FOLDS only: every character IGNORECASE
    matches with it among ASCII and _FOLDS (the test above: no other character can)."""
    from events.anchors import _FOLDS, _folds
    candidates = [*map(chr, range(0x80)), *_FOLDS.pattern[1:-1]]
    for code in range(0x80):
        one = re.compile(re.escape(chr(code)), re.I)
        assert _folds(code) == {ord(c) for c in candidates if one.fullmatch(c)}


@pytest.mark.parametrize("pattern, expected", [
    ("a|(?:b|c)d", ("a", "(?:b|c)d")),
    ("(?:(?:a|b))", ("a", "b")),  # groups around the whole are looked through
    ("(?:a)|(?:b)", ("(?:a)", "(?:b)")),
    ("[|]x|y", ("[|]x", "y")),  # a | in a class
    ("[]|]|[^]|]|z", ("[]|]", "[^]|]", "z")),  # a ] first in a class stands for itself
    (r"\|a|b", (r"\|a", "b")),
    ("abc", ("abc",)),
])
def test_the_alternatives_of_a_pattern(pattern, expected):
    from events.anchors import alternatives
    assert alternatives(pattern) == expected


def test_an_alternation_finds_what_the_whole_pattern_finds(monkeypatch):
    from events import anchors as module
    from events.anchors import Alternation, AlternationIndex
    monkeypatch.setattr(module, "_MANY_ALTERNATIVES", 2)  # (the rules split only their longest lists)
    patterns = [r"(?:heavy )*fighting (?:in|near)|fighting|battles? for|storm(?:ed|s)?|(?:is|are) contested",
                r"(?:took|taken) control of|took", r"(a)x|\1y"]  # (a back-reference: one alternative, the whole)
    wrap = (r"\b(?:", r")(?:(?<=\W)|\b)")
    index = AlternationIndex.build([Alternation.of(wrap[0], p, wrap[1], re.I, re.compile(wrap[0] + p + wrap[1], re.I))
                                    for p in patterns])
    assert [len(a.alternatives) for a in index.alternations] == [5, 2, 1]
    texts = ["Heavy fighting in Avdiivka, fighting near Bakhmut; battles for Robotyne", "Fighting stormed it",
             "The village is contested, troops took control of Krynky and took Rabotino", "ax ay", "nothing here",
             "heavy heavy fighting storms battle for"]
    for text in texts:
        found = dict(index.finditer(text))
        for i, p in enumerate(patterns):
            whole = [m.span() for m in re.finditer(wrap[0] + p + wrap[1], text, re.I)]
            assert [m.span() for m in found.get(i, [])] == whole, (p, text)
        assert index.holds(text) == any(re.search(wrap[0] + p + wrap[1], text, re.I) for p in patterns)


def test_may_match_is_false_only_where_no_span_can_match():
    from events.anchors import may_match
    denial = re.compile(r"\b(?:denied|rejected|dismissed) (?:the )?(?:claims?|reports?)\b", re.I)
    texts = ["Kyiv denied the claims that", "Moscow REJECTED reports", "Troops advanced on Avdiivka",
             "DİSMISSED the report", "they dismiſſed claims", "", "denied nothing"]
    for text in texts:
        if not may_match(denial, text):  # (asked twice: the second answer is the one remembered)
            assert not may_match(denial, text)
            assert all(denial.search(text, i, j) is None for i in range(len(text) + 1) for j in range(i, len(text) + 1))
    assert not may_match(denial, "Troops advanced on Avdiivka")
    assert may_match(denial, "DİSMISSED the report")  # (a character lower() reads otherwise than IGNORECASE)
    assert may_match(re.compile("RT|AP"), "nothing")  # no anchors: always


def test_a_group_every_match_holds_is_a_pattern_of_its_own():
    from events.anchors import group_pattern
    person = re.compile(r"\b(?P<role>(?:[A-Z][\w-]+ |senior ){0,3}(?:[Aa]nalyst|[Ss]pokesman)) (?P<name>[A-Z][a-z]+(?: [A-Z][a-z'-]+){1,2})"
                        r"(?= said)")
    name = group_pattern(person, "name")
    assert name is not None and name.pattern == person.pattern  # (the whole pattern's text, for repr)
    for text in ["Military analyst Andrei Marochko said", "Analysts said the pace had slowed", "Senior Spokesman Ivan Petrenko said",
                 "spokesman ivan petrenko said", "Russian Forces said"]:
        if name.search(text) is None:
            assert person.search(text) is None
    assert name.search("Analysts said the pace had slowed") is None
    assert name.search("Military analyst Andrei Marochko said").group() == "Andrei Marochko"
    assert group_pattern(person, "role") is not None
    assert group_pattern(re.compile(r"(?:a|(?P<name>b))c"), "name") is None  # in a branch: not in every match
    assert group_pattern(re.compile(r"(?P<name>[A-Z]\w+)?said"), "name") is None  # in a repeat
    assert group_pattern(re.compile(r"(?P<x>a)(?P<name>b\1)"), "name") is None  # a reference back
    assert group_pattern(re.compile(r"(?P<name>a)"), "other") is None


def test_plain_phrases_as_a_trie_match_what_their_alternation_does():
    phrases = ["said", "walked", "walked back", "says", "say", "walked back on", "told", "was told", "was"]
    flat = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in phrases) + r")\b", re.I)
    trie = re.compile(r"\b(?:" + _phrase_trie_pattern(phrases) + r")\b", re.I)
    for text in ["He walked back on it, she says; they say he was told. Said: SAYS, saying, walked  back",
                 "walked back", "walked backwards", "he was told it was", "sayé said_ ſaid"]:
        assert [(m.span(), m.group()) for m in trie.finditer(text)] == [(m.span(), m.group()) for m in flat.finditer(text)]
        assert all((trie.match(text, i) or re.match("", "x")).span() == (flat.match(text, i) or re.match("", "x")).span()
                   for i in range(len(text)))
