"""Name normalisation: the one key under which every spelling of a place is stored and looked up.

Case, Latin diacritics, every apostrophe form (' ’ ʼ ʹ ‘ ` ´ ″), hyphens, dashes and runs of
spaces all fold away, so that "Kup'yans'k", "Kupyansk" and "KUPYANSK" share the key
"kupyansk". Cyrillic letters keep their identity (й stays й, ї stays ї) except ё -> е, which
Russian writers drop in everyday text.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from pathlib import Path

__all__ = ["normalize_name", "is_cyrillic", "cyrillic_language", "MAX_NAME_LENGTH"]

#: Names longer than this are refused by look-ups; no settlement name comes close.
MAX_NAME_LENGTH = 200

_APOSTROPHES = "'’ʼʹ‘`´″\"“”ʻ′"
_SEPARATORS = "-‐‑‒–—―_/.,;:()[]{}!?«»„"


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {ord(c): "" for c in _APOSTROPHES}
    table.update({ord(c): " " for c in _SEPARATORS})
    # Control characters never belong in a name.
    table.update({i: " " for i in range(0x00, 0x20)})
    table[0x7F] = " "
    # Strip diacritics from Latin letters only (decomposing Cyrillic would turn й into и).
    for start, end in ((0x00C0, 0x024F), (0x1E00, 0x1EFF)):
        for code in range(start, end + 1):
            char = chr(code)
            base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
            if base != char and base.isascii():
                table[code] = base
    table.update({ord("ß"): "ss", ord("ł"): "l", ord("Ł"): "l", ord("ø"): "o", ord("Ø"): "o",
                  ord("đ"): "d", ord("Đ"): "d", ord("æ"): "ae", ord("Æ"): "ae", ord("œ"): "oe",
                  ord("Œ"): "oe", ord("ı"): "i", ord("ё"): "е", ord("Ё"): "е"})
    return table


_TABLE = _build_table()
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def _homoglyph_tables() -> tuple[dict[int, str], dict[int, str]]:
    """(Cyrillic look-alikes -> Latin, Latin look-alikes -> Cyrillic), from data/homoglyphs.toml."""
    with open(Path(__file__).parent / "data" / "homoglyphs.toml", "rb") as handle:
        pairs = tomllib.load(handle)["latin_to_cyrillic"]
    to_latin = {ord(cyrillic): latin for latin, cyrillic in pairs.items()}
    # Serbian and Macedonian letters are no look-alike of a Latin letter in a Russian or Ukrainian word
    to_cyrillic = {ord(latin): cyrillic for latin, cyrillic in pairs.items() if cyrillic not in "јѕ"}
    return to_latin, to_cyrillic


_TO_LATIN, _TO_CYRILLIC = _homoglyph_tables()


def _one_script(name: str) -> str:
    """A word that mixes look-alike letters of both scripts, in the script most of it is in."""
    words = name.split()
    out = []
    for word in words:
        latin = len(_LATIN_LETTER.findall(word))
        cyrillic = len(_CYRILLIC.findall(word)) if latin else 0
        if latin and cyrillic:
            word = word.translate(_TO_LATIN if latin >= cyrillic else _TO_CYRILLIC)
        out.append(word)
    return " ".join(out)
_UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
_RUSSIAN_LETTERS = frozenset("ыэёъЫЭЁЪ")
_OTHER_CYRILLIC_LETTERS = frozenset("ўЎјЈљЉњЊћЋђЂџЏѓЃќЌѕЅ")  # Belarusian, Serbian, Macedonian
_UKRAINIAN_SHAPES = re.compile(r"[а-я]['’ʼ][а-яі]|[сцз]ьк(?:\b|$)")
_RUSSIAN_SHAPES = re.compile(r"ь[иеё]|(?:ое|ый|ая|[еоё]вка|[еоё]во|[^ь]ск)(?:\b|$)")


def normalize_name(name: str) -> str:
    """Return the look-up key of a name: lower case, no accents or apostrophes, single spaces.

    >>> normalize_name("Kup’yans’k-Vuzlovyy")
    'kupyansk vuzlovyy'
    >>> normalize_name("  Солов’йове ")
    'соловйове'
    >>> normalize_name("Yasnobrodivk\u0430")  # a Cyrillic а at the end
    'yasnobrodivka'
    """
    if name.isascii():  # the common case, about three times faster
        return " ".join(name.translate(_TABLE).lower().split())
    if _CYRILLIC.search(name) and _LATIN_LETTER.search(name):
        name = _one_script(name)
    folded = unicodedata.normalize("NFC", name).translate(_TABLE).lower()
    # lower() can reintroduce decomposable letters (e.g. from capital forms); translate again.
    return " ".join(folded.translate(_TABLE).split())


def is_cyrillic(text: str) -> bool:
    """True when the text contains any Cyrillic letter."""
    return _CYRILLIC.search(text) is not None


def cyrillic_language(text: str) -> str:
    """Guess the language of an untagged Cyrillic name from its letters and endings.

    Returns "uk" (і ї є ґ, an apostrophe, -ськ/-цьк), "ru" (ы э ё ъ, ьи ье, -ое -ый -ая -евка
    -ово -ск), "other"
    (Belarusian ў, Serbian ј ...) or "either" when it fits both languages (Бахмут, Печенеги).
    """
    letters = set(text)
    if letters & _OTHER_CYRILLIC_LETTERS:
        return "other"
    lower = text.lower()
    uk = bool(letters & _UKRAINIAN_LETTERS) or _UKRAINIAN_SHAPES.search(lower) is not None
    ru = bool(letters & _RUSSIAN_LETTERS) or _RUSSIAN_SHAPES.search(lower) is not None
    if uk and not ru:
        return "uk"
    if ru and not uk:
        return "ru"
    if uk and ru:
        return "other"
    return "either"
