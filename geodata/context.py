"""What a text says about where its places lie: regions it names, and which place each applies to.

"Kirovo in the Donetsk People's Republic", "Hrekivka in the Luhansk region as well as Novomarkove
and Tonenke in the Donetsk region", "In the Kursk region, troops entered Glushkovo": a region named
right after a settlement (or after a list of them) applies to it; else the last one named earlier
in its sentence; else the last one of the sentence before, in the same paragraph. The forms a
text uses for regions beyond "X region" / "X Oblast" (People's Republics, DPR/LNR, Donbas,
Донецкой области, Харківщина) and the oblasts where fighting is reported are data, in
``data/context.toml``.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from geodata.errors import GazetteerCorrupt
from geodata.gazetteer import DATA_DIR
from geodata.records import Mention, PlaceKind

__all__ = ["ContextRules", "load_context", "region_forms", "bind_regions", "char_offsets", "BOUND_AFTER", "BOUND_SENTENCE",
           "BOUND_PREVIOUS"]

#: How a region was bound to a settlement (``Mention.context_how``).
BOUND_AFTER = "named right after it"  # "Dnipriany in Kherson Oblast", "Novomarkove and Tonenke in the Donetsk region"
BOUND_SENTENCE = "named earlier in its sentence"  # "In the Kursk region, troops entered Glushkovo"
BOUND_PREVIOUS = "named in the sentence before"

# A sentence ends at . ! ? or … (quotes and brackets may follow) before a capital, or at a line break.
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)\]]*\s+(?=[\"“‘«(\[]?[A-ZА-ЯІЇЄҐ0-9])|\n")
# What may lie between a settlement (or the list it closes) and the region named for it.
_GAP_WORDS = frozenset("""
in the of and or as well both near at on around outside inside by to within from located situated lies lie
which is are was were all also its their village villages settlement settlements town towns city cities
hamlet area areas east west north south eastern western northern southern central north-east north-west
south-east south-west northeastern northwestern southeastern southwestern part parts country's ukraine's
russia's self-proclaimed so-called occupied russian-occupied partially annexed ukrainian russian
""".split())
_GAP_TOKEN = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_MAX_GAP_WORDS = 10
_WINDOW = 120
_MAX_HITS = 20_000
_SENTENCE_REACH = 1500  # characters around a region searched for the ends of its sentence and the next  # characters searched for a region form on either side of one of its anchors
# Between the regions of one list: "Dnipropetrovsk, Donetsk regions", "the Kursk and Belgorod regions".
_REGION_LIST_GAP = re.compile(r"[\s,]*(?:(?:and|or|&)\s+)?(?:the\s+)?")
_RESPECTIVELY = re.compile(r"[^.;:!?]{0,40}?\brespectively\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ContextRules:
    """The contents of ``data/context.toml``."""

    war_zone: frozenset[str]
    far_km: float
    partial_coverage: frozenset[str]  # oblasts whose small villages the gazetteer lacks
    words: re.Pattern[str] | None  # region forms matched case-insensitively
    abbreviations: re.Pattern[str] | None  # all-capital forms (DPR, ЛНР), matched as written
    codes: dict[str, tuple[str, ...]]  # casefolded form or stem -> oblast codes
    anchors: tuple[str, ...] = ()  # lower-case snippets one of which every form contains
    capital_raion_regions: frozenset[str] = frozenset()  # oblasts where a namesake in the capital's raion wins a tie


def _fold(form: str) -> str:
    return form.replace("’", "'").replace("ʼ", "'").casefold()


def _trie(forms: Sequence[str], fold: bool = True) -> str:
    """One regular expression for many literal forms, shared prefixes merged, so that a text is
    tried once per position rather than once per form (what keeps scanning fast). An apostrophe
    matches any of its forms."""
    root: dict[str, dict] = {}
    for form in forms:
        node = root
        for char in (_fold(form) if fold else form):
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [(r"['’ʼ]" if ch == "'" else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(root)


@cache
def load_context(directory: Path = DATA_DIR) -> ContextRules:
    """Read ``context.toml``; raises GazetteerCorrupt naming the file when it is malformed."""
    path = directory / "context.toml"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        war_zone = frozenset(raw["war_zone"])
        far_km = float(raw["far_km"])
        partial = frozenset(raw["partial_coverage"])
        entries = [(tuple(e["codes"]), list(e["forms"])) for e in raw["region"]]
        followers = list(raw["stem_followers"])
        capital_raion = frozenset(raw.get("capital_raion_regions", ()))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise GazetteerCorrupt(f"context rules {path} cannot be read ({exc}); restore geodata/data from git") from exc
    codes: dict[str, tuple[str, ...]] = {}
    words: list[str] = []
    stems: list[str] = []
    abbreviations: list[str] = []
    for entry_codes, forms in entries:
        for form in forms:
            if form.endswith("*"):
                stems.append(form[:-1])
                codes[_fold(form[:-1])] = entry_codes
            else:
                (abbreviations if form.replace(".", "").isupper() else words).append(form)
                codes[_fold(form)] = entry_codes
    follow = "|".join(re.escape(f[:-1]) + r"\w*" if f.endswith("*") else re.escape(f) for f in followers)
    alternatives = [_trie(words)] if words else []
    if stems:
        alternatives.append(rf"(?P<stem>{_trie(stems)})\w*\s+(?:{follow})")
    word_pattern = re.compile(rf"\b(?<![\w'’-])(?:{'|'.join(alternatives)})(?![\w'’-])", re.IGNORECASE) if alternatives else None
    abbreviation_pattern = re.compile(rf"\b(?<![\w.-]){_trie(abbreviations, fold=False)}(?!\w)") if abbreviations else None
    # the patterns run only around these snippets: searching a text for a few of them costs far
    # less than trying every form at every position
    # one anchor per form, unless the form holds another's already ("Donbass" holds "onbas" of
    # "Donbas"): every anchor costs a pass over the text
    anchors: set[str] = {f.rstrip("*").lower()[:4] for f in followers}
    for form in sorted(words + abbreviations, key=len):
        lower = form.lower()
        if not any(a in lower for a in anchors):
            anchors.add(_anchor(form) if form in words else lower[:5])
    anchors = {a for a in anchors if not any(b != a and b in a for b in anchors)}
    return ContextRules(war_zone, far_km, partial, word_pattern, abbreviation_pattern, codes, tuple(sorted(anchors)), capital_raion)


def _anchor(form: str) -> str:
    """A snippet of a form that ordinary text rarely holds, in lower case: the first five letters
    of the longest unaccented word of a name of several words ("repub" for "Donetsk People's
    Republic"), the last five of a single word ("chyna" for "Donechchyna"; a city's name is too
    common)."""
    words = [w for w in re.split(r"[\s'’ʼ.]+", form.lower()) if w]
    if len(words) == 1:
        return words[0][-5:]
    plain = [w for w in words if w.isascii()] or words  # "popul" of "république populaire": one pass, not three
    return max(plain, key=len)[:5]


def region_forms(text: str, rules: ContextRules | None = None) -> list[tuple[int, int, tuple[str, ...]]]:
    """Spans of ``text`` that name a region in a form of ``context.toml``: (start, end, codes)."""
    rules = rules or load_context()
    windows: list[tuple[int, int]] = []
    for i in sorted(_anchor_hits(text, rules.anchors)):
        lo, hi = max(0, i - _WINDOW), min(len(text), i + _WINDOW)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    found: list[tuple[int, int, tuple[str, ...]]] = []
    for pattern in (rules.words, rules.abbreviations):
        if pattern is None:
            continue
        for lo, hi in windows:
            for match in pattern.finditer(text, lo, hi):
                stem = match.groupdict().get("stem")
                codes = rules.codes.get(_fold(stem if stem else match.group(0)))
                if codes:
                    found.append((match.start(), match.end(), codes))
    found.sort()
    out: list[tuple[int, int, tuple[str, ...]]] = []
    for span in found:  # the first and longest of overlapping forms
        if out and span[0] < out[-1][1]:
            continue
        out.append(span)
    return out


def _anchor_hits(text: str, anchors: Sequence[str]) -> list[int]:
    """Where region forms may be in ``text``: the Latin anchors, ignoring case, searched in its
    UTF-8 bytes (bytes.find is several times faster than str.find on large texts), and the
    Cyrillic letters, few in most texts (every one of them in a text that is mostly Cyrillic)."""
    data = text.encode("utf-8", "surrogatepass")
    low = data.lower()  # ASCII letters only, which is all the Latin anchors hold
    byte_hits: list[int] = []
    for anchor in anchors:
        if anchor.isascii():
            where, patterns = low, {anchor.encode()}
        elif not "\u0400" <= anchor[0] <= "\u04ff":  # "répub": accented Latin, as written
            where, patterns = data, {a.encode() for a in (anchor, anchor.capitalize(), anchor.upper())}
        else:
            continue  # Cyrillic: found by its letters below
        for pattern in patterns:
            i = where.find(pattern)
            while i != -1:
                byte_hits.append(i)
                i = where.find(pattern, i + 1)
    for lead in (b"\xd0", b"\xd1"):  # the first byte of every Cyrillic letter
        i = data.find(lead)
        while i != -1:
            byte_hits.append(i)
            if len(byte_hits) > _MAX_HITS:
                return list(range(0, len(text), _WINDOW))  # a Cyrillic text: search it all
            i = data.find(lead, i + 2 * _WINDOW)  # one hit per window is enough
    return char_offsets(text, data, byte_hits)


def char_offsets(text: str, data: bytes, byte_offsets: list[int]) -> list[int]:
    """Character offsets of byte offsets into ``data`` (``text`` in UTF-8), sorted, in one pass."""
    byte_offsets.sort()
    if text.isascii():
        return byte_offsets
    out, chars, previous = [], 0, 0
    for i in byte_offsets:
        chars += len(data[previous:i].decode("utf-8", "surrogatepass"))
        previous = i
        out.append(chars)
    return out


def _sentence_starts(text: str, regions: Sequence[Mention]) -> list[int]:
    """Where sentences start, looked for only around the regions (a place further away is in
    neither their sentence nor the next): the edges of those stretches count as starts too."""
    stretches: list[tuple[int, int]] = []
    for r in regions:
        lo, hi = max(0, r.start - _SENTENCE_REACH), min(len(text), r.end + 2 * _SENTENCE_REACH)
        if stretches and lo <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], hi)
        else:
            stretches.append((lo, hi))
    starts = [0]
    for lo, hi in stretches:
        starts.append(lo)
        starts.extend(m.end() for m in _SENTENCE_END.finditer(text, lo, hi))
        starts.append(hi)
    return sorted(set(starts))


def _list_gap(text: str, start: int, end: int, inside: Sequence[Mention] = ()) -> bool:
    """True when ``text[start:end]`` holds only names (``inside``: the mentions within it),
    punctuation and a few linking words, as between "Novomarkove, Bakhmut and Tonenke" and "in the
    Donetsk region"."""
    if end - start > 400:
        return False
    gap = text[start:end]
    for m in inside:  # other names in between are part of the list
        gap = gap[:m.start - start] + " " * (m.end - m.start) + gap[m.end - start:]
    gap = re.sub(r"\([^()]{0,30}\)", " ", gap)  # "(east)"
    if re.search(r"[.;:!?]", gap):
        return False
    words = _GAP_TOKEN.findall(gap)
    # capitalised words are names the scanner did not know ("Malaya Loknya"): part of the list
    return len(words) <= _MAX_GAP_WORDS and all(w.lower() in _GAP_WORDS or w[0].isupper() for w in words)


def bind_regions(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions (in text order), each settlement with the regions the text names for it
    (``context_regions`` and ``context_how``); region mentions unchanged."""
    regions = [m for m in mentions if m.kind is not PlaceKind.PLACE and m.region_codes]
    if not regions:
        return list(mentions)
    starts = _sentence_starts(text, regions)
    by_sentence: dict[int, list[Mention]] = {}
    for r in regions:
        by_sentence.setdefault(bisect.bisect_right(starts, r.start) - 1, []).append(r)
    mention_starts = [m.start for m in mentions]

    def within(start: int, end: int) -> list[Mention]:
        first = bisect.bisect_left(mention_starts, start)
        last = bisect.bisect_left(mention_starts, end)
        return [m for m in mentions[first:last] if m.end <= end]

    out: list[Mention] = list(mentions)
    chains: dict[tuple[int, int], list[int]] = {}  # a list of regions -> the settlements bound to it
    # only the settlements of a sentence that names a region, or of the sentence after one
    for sentence in sorted(set(by_sentence) | {s + 1 for s in by_sentence}):
        if sentence >= len(starts):
            continue
        lo, hi = starts[sentence], starts[sentence + 1] if sentence + 1 < len(starts) else len(text)
        for index in range(bisect.bisect_left(mention_starts, lo), bisect.bisect_left(mention_starts, hi)):
            m = mentions[index]
            if m.kind is not PlaceKind.PLACE:
                continue
            same = by_sentence.get(sentence, [])
            after = [r for r in same if r.start >= m.end]
            before = [r for r in same if r.end <= m.start]
            codes: tuple[str, ...] = ()
            how = ""
            if after and _list_gap(text, m.end, after[0].start, within(m.end, after[0].start)):
                chain = [after[0]]  # "in Dnipropetrovsk, Donetsk regions": every region of the list
                for r in after[1:]:
                    if not _REGION_LIST_GAP.fullmatch(text, chain[-1].end, r.start):
                        break
                    chain.append(r)
                codes = tuple(dict.fromkeys(c for r in chain for c in r.region_codes))
                how = BOUND_AFTER
                if len(chain) > 1:
                    chains.setdefault((chain[0].start, chain[-1].end), []).append(index)
            elif before:
                codes, how = before[-1].region_codes, BOUND_SENTENCE
            elif sentence > 0 and sentence - 1 in by_sentence:
                last = by_sentence[sentence - 1][-1]
                if text.find("\n", last.end, m.start) == -1:  # a line break ends what it applies to
                    codes, how = last.region_codes, BOUND_PREVIOUS
            if codes:
                out[index] = replace(m, context_regions=codes, context_how=how)
    for (start, end), members in chains.items():
        # "Velykomykhailivka, Tonenke in Dnipropetrovsk, Donetsk regions, respectively": in order
        listed = [r for r in regions if start <= r.start and r.end <= end]
        if len(listed) == len(members) and _RESPECTIVELY.match(text, end):
            for i, region in zip(members, listed):
                out[i] = replace(out[i], context_regions=region.region_codes)
    return out
