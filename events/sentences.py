"""Split an article into sentences with their character spans.

A regular expression splits after . ! ? (and closing quotes) before a capital, a digit or an
opening quote, unless the word before the full stop is a known abbreviation ("Gen. Syrsky",
"U.S. aid"); line breaks always end a sentence, so headlines and credit lines stand alone.
spaCy and pysbd were measured (FINDINGS.md section 7): slower, and no better on abbreviations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from events.rules import Rules

__all__ = ["Sentence", "split_sentences"]

# where a sentence ends: after the punctuation and the quotes closing with it (only the end is
# read; the match starts on the punctuation, so the engine skips to the next one at once instead
# of trying a look-behind at every character)
_BOUNDARY = re.compile(r"[.!?…][\"”’»)]*(?=\s+[\"“‘«(]?[A-ZА-ЯІЇЄҐ0-9])")
_LINES = re.compile(r"[^\n]+")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
_LIST_NUMBER = re.compile(r"\s*\d{1,2}\.")
# a speaker's tag after a quotation closing on "!": a few words, then a verb of saying (not after "?": a question
# stays a sentence of its own, which claims nothing)
_SPEAKER_TAG_NEXT = re.compile(r"\s+(?:[\w.,’'-]+\s+){1,10}?(?:said|says|wrote|writes|told|tells|added|adds|"
                               r"posted|posts|declared|declares|insisted|insists|shouted|exclaimed)\b")


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int  # sentences of one paragraph (block of lines without a blank line) share it


def split_sentences(text: str, rules: Rules) -> list[Sentence]:
    """Sentences of ``text`` in order; their spans index into ``text``."""
    out: list[Sentence] = []
    paragraph = 0
    last_line_end = 0
    for line in _LINES.finditer(text):
        if not line.group().strip():
            continue
        if "\n\n" in text[last_line_end:line.start()] or text[last_line_end:line.start()].count("\n") > 1:
            paragraph += 1
        last_line_end = line.end()
        start = line.start()
        for boundary in _BOUNDARY.finditer(text, line.start(), line.end()):
            head = text[start:boundary.end()].rstrip("\"”’»)")
            word = _WORD_BEFORE.search(head)
            if word and word.group(1) in rules.abbreviations:
                continue
            if start == line.start() and _LIST_NUMBER.fullmatch(head):
                continue  # "1. Tonenke;": the number of a list's item, not a sentence
            if head.endswith("!") and boundary.end() > len(head) + start and _SPEAKER_TAG_NEXT.match(text, boundary.end()):
                continue  # '"X is ours!" Mykolaiv governor Vitaliy Kim wrote': the quotation and its speaker are one
            _add(out, text, start, boundary.end(), paragraph)
            start = boundary.end()
        _add(out, text, start, line.end(), paragraph)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), start, end, text[start:end], paragraph))
