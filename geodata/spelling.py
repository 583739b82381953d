"""Read a Latin spelling of a Ukrainian or Russian place name back into Cyrillic.

The press of each language writes the same Cyrillic name its own way: Старий Салтів is Staryi Saltiv in
English, Staryj Saltiw in German, Staryj Sałtiw in Polish, Staryï Saltiv in French, Staryi Sáltiv in
Spanish; Russian forms end in -ovka, -oye, -aya where the Ukrainian ones end in -ivka, -e, -a.
Rather than store every such form of every place, a spelling the gazetteer does not know is read
back, letter group by letter group, with the tables of ``data/spellings/*.toml``, and only the
readings that are Cyrillic names of the gazetteer are kept. The gazetteer's sorted Cyrillic keys
prune the search as it goes (a reading is extended only while some name starts with it), which
keeps a look-up near a millisecond.

A reading must stay within one language: German ``w`` and French ``ou`` never mix in one name.
"""

from __future__ import annotations

import bisect
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from geodata.errors import GazetteerCorrupt
from geodata.normalize import normalize_name

__all__ = ["Reading", "SpellingTables", "load_spellings", "read_spelling", "SPELLINGS_DIR"]

SPELLINGS_DIR = Path(__file__).resolve().parent / "data" / "spellings"
#: Readings explored per name at most: bounds the time an odd word can cost.
MAX_STEPS = 6_000
#: Consonants a press form writes without the soft sign that follows them (Hirske = Гірське).
_SOFTENED = frozenset("дзлнрстц")
_POSITIONS = ("anywhere", "initial", "final")


@dataclass(frozen=True, slots=True)
class _Rule:
    cyrillic: str
    languages: int  # bit mask over SpellingTables.languages
    position: str  # anywhere | initial | final
    cost: int  # 0 for the likeliest reading of the letter group, more for the rarer ones


@dataclass(frozen=True, slots=True)
class Reading:
    """One Cyrillic name a spelling can be read as: its gazetteer key, the press languages whose
    tables give it, and how unusual the reading is (0: every letter group read its likeliest way)."""

    key: str
    languages: tuple[str, ...]
    cost: int


@dataclass(frozen=True, slots=True)
class SpellingTables:
    """The reading tables of every press language, merged: Latin letter group -> rules."""

    languages: tuple[str, ...]  # language codes, bit i of a mask is languages[i]
    names: dict[str, str]  # code -> "German press forms (Duden)"
    rules: dict[str, tuple[_Rule, ...]]
    longest: int
    examples: tuple[tuple[str, str, str, str], ...]  # (language, spelling, official name, oblast)


def _table(raw: dict, path: Path, section: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for latin, value in raw.get(section, {}).items():
        readings = (value,) if isinstance(value, str) else tuple(value)
        if not latin or not readings or not all(isinstance(r, str) for r in readings):
            raise GazetteerCorrupt(f"{path}: [{section}] {latin!r} must map to a string or a list of strings")
        if normalize_name(latin) != latin:
            raise GazetteerCorrupt(f"{path}: [{section}] {latin!r} is not a normalised spelling (lower case, no accents)")
        out[latin] = readings
    return out


@cache
def load_spellings(directory: Path = SPELLINGS_DIR) -> SpellingTables:
    """Read every table; ``common.toml`` applies to all languages. Raises GazetteerCorrupt naming
    the file when one is malformed."""
    paths = sorted(p for p in directory.glob("*.toml") if p.stem != "common")
    if not paths or not (directory / "common.toml").exists():
        raise GazetteerCorrupt(f"no spelling tables (common.toml and one per language) in {directory}")
    raws: dict[str, tuple[Path, dict]] = {}
    for path in [directory / "common.toml", *paths]:
        try:
            raws[path.stem] = (path, tomllib.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise GazetteerCorrupt(f"spelling table {path} cannot be read: {exc}") from exc
    languages = tuple(p.stem for p in paths)
    every = (1 << len(languages)) - 1
    rules: dict[str, list[_Rule]] = {}
    examples: list[tuple[str, str, str, str]] = []
    for code, (path, raw) in raws.items():
        mask = every if code == "common" else 1 << languages.index(code)
        for position in _POSITIONS:
            for latin, readings in _table(raw, path, position).items():
                for cost, cyrillic in enumerate(readings):
                    variants = [cyrillic]
                    if cyrillic and cyrillic[-1] in _SOFTENED:
                        variants.append(cyrillic + "ь")
                    for extra, variant in enumerate(variants):
                        rules.setdefault(latin, []).append(_Rule(variant, mask, position, cost + extra))
        for example in raw.get("examples", []):
            if not (isinstance(example, list) and len(example) == 3 and all(isinstance(e, str) for e in example)):
                raise GazetteerCorrupt(f"{path}: each example is [spelling, official name, oblast]")
            examples.append((code, *example))
    names = {code: str(raw.get("name", code)) for code, (_, raw) in raws.items() if code != "common"}
    return SpellingTables(languages, names, {k: tuple(v) for k, v in rules.items()}, max(map(len, rules)),
                          tuple(examples))


def _starts_any(keys: Sequence[str], prefix: str) -> bool:
    i = bisect.bisect_left(keys, prefix)
    return i < len(keys) and keys[i].startswith(prefix)


def read_spelling(key: str, cyrillic_keys: Sequence[str], tables: SpellingTables | None = None) -> list[Reading]:
    """Every Cyrillic gazetteer key the normalised Latin ``key`` can be read as, likeliest first.

    ``cyrillic_keys`` is the sorted list of the gazetteer's Cyrillic keys. Empty for names that are
    not Latin letters and spaces, or that no table reads as a known name.
    """
    tables = tables or load_spellings()
    if not key or not all("a" <= c <= "z" or c == " " for c in key):
        return []
    every = (1 << len(tables.languages)) - 1
    found: dict[str, tuple[int, int]] = {}
    seen: set[tuple[int, str, int]] = set()
    stack: list[tuple[int, str, int, int]] = [(0, "", every, 0)]
    steps = 0
    end = len(key)
    while stack and steps < MAX_STEPS:
        pos, out, mask, cost = stack.pop()
        steps += 1
        if pos == end:
            i = bisect.bisect_left(cyrillic_keys, out)
            if i < len(cyrillic_keys) and cyrillic_keys[i] == out:
                best = found.get(out)
                found[out] = (mask | best[0], min(cost, best[1])) if best else (mask, cost)
            continue
        if key[pos] == " ":  # words keep their order and their gap
            if _starts_any(cyrillic_keys, out + " "):
                stack.append((pos + 1, out + " ", mask, cost))
            continue
        initial = pos == 0 or key[pos - 1] == " "
        for length in range(min(tables.longest, end - pos), 0, -1):
            group = key[pos:pos + length]
            rules = tables.rules.get(group)
            if not rules:
                continue
            final = pos + length == end or key[pos + length] == " "
            for rule in rules:
                if (rule.position == "initial" and not initial) or (rule.position == "final" and not final):
                    continue
                both = mask & rule.languages
                if not both:
                    continue
                text = out + rule.cyrillic
                state = (pos + length, text, both)
                if state in seen or not _starts_any(cyrillic_keys, text):
                    continue
                seen.add(state)
                stack.append((pos + length, text, both, cost + rule.cost))
    ranked = sorted(found.items(), key=lambda item: (item[1][1], item[0]))
    return [Reading(k, tuple(lang for i, lang in enumerate(tables.languages) if m & (1 << i)), c)
            for k, (m, c) in ranked]
