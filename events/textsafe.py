"""Untrusted text made safe to store, print and show: no control characters, no bidirectional
overrides, file names that print whatever bytes they hold.

Bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and friends) make a screen show text in
another order than it is stored: "evil\u202etxt.exe" reads as "evilexe.txt". Article text,
sources, titles and reviewers' names never need them here (the corpus is English, Ukrainian and
Russian: left to right), so they are removed at ingestion and at input.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["BIDI_CONTROLS", "clean_text", "clean_line", "printable"]

#: Unicode's explicit directional formatting characters (UAX #9), and the implicit marks.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# controls Python counts as whitespace (vertical tab, form feed, CR, separators, NEL) break a line:
# an article's id, a hash of its words, stays what it was
_BREAKING = re.compile("[\x0b\x0c\r\x1c-\x1f\x85]")
# the other C0 and C1 controls (not tab or newline), DEL, and the bidi controls
_UNSAFE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f" + "".join(sorted(BIDI_CONTROLS)) + "]")
_LINE_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]+")
# lone surrogates: undecodable bytes of a file name, or a JSON "\ud800"; SQLite and UTF-8 refuse them
_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` without control characters or bidirectional controls: tab and newline stay, the
    controls that are whitespace become newlines, a lone surrogate becomes U+FFFD."""
    return _SURROGATES.sub("\ufffd", _UNSAFE.sub("", _BREAKING.sub("\n", text)))


def clean_line(text: str, limit: int | None = None) -> str:
    """One line of text (a name, a source, a title): cleaned, line breaks as spaces, trimmed and
    cut to ``limit`` characters."""
    line = " ".join(_LINE_BREAKS.sub(" ", clean_text(text)).split())
    return line[:limit] if limit is not None else line


def printable(name: str) -> str:
    """A file name as it can be printed and stored: bytes that are not UTF-8 (Python keeps them
    as lone surrogates) become U+FFFD, and control and bidi characters show as escapes
    (``\\x1b``, ``\\u202e``) rather than act on the terminal or the page. Idempotent."""
    name = _SURROGATES.sub("\ufffd", name)
    return "".join(_escape(c) if c in BIDI_CONTROLS or unicodedata.category(c) == "Cc" else c for c in name)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
