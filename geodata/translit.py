"""Cyrillic -> Latin transliteration, driven by the tables in ``data/translit/*.toml``.

Each table is one system (Ukrainian national 2010, BGN/PCGN Ukrainian and Russian, English press
forms, scholarly). A table may give several alternatives for a letter (я -> ya or ia); the
gazetteer keeps every combination, bounded by the table's ``max_variants``.
"""

from __future__ import annotations

import itertools
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from geodata.errors import GazetteerCorrupt

__all__ = ["TranslitSystem", "load_systems", "transliterate", "transliterate_variants", "TRANSLIT_DIR"]

TRANSLIT_DIR = Path(__file__).parent / "data" / "translit"
#: The Ukrainian apostrophe in its many encodings; each table says how to write it (default: not at all).
APOSTROPHES = frozenset("'’ʼʹ`\u02bc")


@dataclass(frozen=True, slots=True)
class TranslitSystem:
    """One transliteration system, as read from its TOML table."""

    key: str
    name: str
    language: str  # "uk", "ru" or "any"
    letters: dict[str, tuple[str, ...]]
    word_initial: dict[str, tuple[str, ...]]
    after_vowel: dict[str, tuple[str, ...]]
    sequences: dict[str, tuple[str, ...]]
    vowels: frozenset[str]
    max_variants: int
    apostrophe: str = ""

    @classmethod
    def from_file(cls, path: Path) -> TranslitSystem:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise GazetteerCorrupt(f"transliteration table {path} cannot be read: {exc}") from exc

        def table(section: str) -> dict[str, tuple[str, ...]]:
            out: dict[str, tuple[str, ...]] = {}
            for letter, value in raw.get(section, {}).items():
                alternatives = (value,) if isinstance(value, str) else tuple(value)
                if not alternatives or not all(isinstance(a, str) for a in alternatives):
                    raise GazetteerCorrupt(f"{path}: [{section}] {letter!r} must be a string or a list of strings")
                out[letter] = alternatives
            return out

        language = raw.get("language", "any")
        if language not in ("uk", "ru", "any"):
            raise GazetteerCorrupt(f"{path}: language must be uk, ru or any, not {language!r}")
        return cls(
            key=path.stem,
            name=str(raw.get("name", path.stem)),
            language=language,
            letters=table("letters"),
            word_initial=table("word_initial"),
            after_vowel=table("after_vowel"),
            sequences=table("sequences"),
            vowels=frozenset(raw.get("vowels", "")),
            max_variants=int(raw.get("max_variants", 1)),
            apostrophe=str(raw.get("apostrophe", "")),
        )

    def _choices(self, text: str) -> list[tuple[str, ...]]:
        """Alternatives for each piece of ``text``, in order; case follows the source letter."""
        choices: list[tuple[str, ...]] = []
        # per-letter lower case keeps positions aligned with ``text`` (str.lower can grow a string)
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        i = 0
        previous = ""
        while i < len(lower):
            for sequence, latin in self.sequences.items():
                if lower.startswith(sequence, i):
                    choices.append(_cased(latin, text[i]))
                    i += len(sequence)
                    previous = sequence[-1]
                    break
            else:
                letter = lower[i]
                at_word_start = not previous.isalpha() and previous not in APOSTROPHES
                if at_word_start and letter in self.word_initial:
                    latin = self.word_initial[letter]
                elif previous in self.vowels and letter in self.after_vowel:
                    latin = self.after_vowel[letter]
                elif letter in self.letters:
                    latin = self.letters[letter]
                elif letter in APOSTROPHES:
                    latin = (self.apostrophe,)
                elif "\u0400" <= letter <= "\u04ff":
                    latin = ("",)  # a Cyrillic letter this system does not write
                else:
                    latin = (text[i],)  # spaces, hyphens, digits, Latin letters pass through
                choices.append(_cased(latin, text[i]))
                previous = letter
                i += 1
        return choices

    def transliterate(self, text: str) -> str:
        """The preferred romanisation of ``text`` (first alternative everywhere)."""
        return "".join(options[0] for options in self._choices(text))

    def variants(self, text: str) -> list[str]:
        """Every romanisation of ``text`` the table allows, at most ``max_variants`` of them."""
        choices = self._choices(text)
        ambiguous = [i for i, options in enumerate(choices) if len(options) > 1]
        limit = max(1, self.max_variants)
        # Too many combinations: keep the uniform ones (all first, all second ... alternatives),
        # which is how a writer actually spells a name, then as many mixed ones as fit.
        out: dict[str, None] = {}
        widest = max((len(choices[i]) for i in ambiguous), default=1)
        for k in range(widest):
            out["".join(o[min(k, len(o) - 1)] for o in choices)] = None
        for combo in itertools.product(*(choices[i] for i in ambiguous)):
            if len(out) >= limit:
                break
            pieces = [options[0] for options in choices]
            for position, option in zip(ambiguous, combo):
                pieces[position] = option
            out["".join(pieces)] = None
        return list(out)[:limit]


def _cased(alternatives: tuple[str, ...], source_char: str) -> tuple[str, ...]:
    if source_char.isupper():
        return tuple(a[:1].upper() + a[1:] for a in alternatives)
    return alternatives


@cache
def load_systems(directory: Path = TRANSLIT_DIR) -> dict[str, TranslitSystem]:
    """All transliteration systems in ``directory``, by file stem."""
    paths = sorted(directory.glob("*.toml"))
    if not paths:
        raise GazetteerCorrupt(f"no transliteration tables (*.toml) in {directory}")
    return {p.stem: TranslitSystem.from_file(p) for p in paths}


def _system(name: str) -> TranslitSystem:
    systems = load_systems()
    if name not in systems:
        raise ValueError(f"unknown transliteration system {name!r}; choose one of: {', '.join(systems)}")
    return systems[name]


def transliterate(text: str, system: str = "uk_national_2010") -> str:
    """Romanise Cyrillic ``text`` with the named system.

    >>> transliterate("Купʼянськ")
    'Kupiansk'
    >>> transliterate("Сергеевка", "bgn_pcgn_ru")
    'Sergeyevka'
    """
    return _system(system).transliterate(text)


def transliterate_variants(text: str, language: str) -> list[str]:
    """Every Latin form of a Cyrillic name from all systems that fit ``language`` (uk, ru, either)."""
    out: dict[str, None] = {}
    for system in load_systems().values():
        if system.language == "any" or language == "either" or system.language == language:
            for variant in system.variants(text):
                out[variant] = None
    return list(out)
