"""Literal anchors read from a pattern: a sentence without one of them cannot match it."""

import re

import pytest

from events.anchors import AnchorIndex, anchors


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


def test_an_index_finds_patterns_whose_anchors_start_inside_others():
    patterns = [re.compile(p, re.I) for p in (r"control (?:had )?been established over", r"took control of", r"x|y")]
    index = AnchorIndex.build(patterns)
    # " control" of the second pattern's anchor and "control " of the first overlap
    assert index.candidates("Full control had been established over Lysychansk") == [0, 2]
    assert index.candidates("Russian forces took control of Avdiivka") == [1, 2]
    assert index.candidates("Nothing happened") == [2]  # a pattern without anchors is always a candidate
