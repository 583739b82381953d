"""The name keys closest to a spelling, by rapidfuzz's ratio, found fast among tens of thousands.

Only Latin keys with the same first letter and a length within three are compared (as always).
Before rapidfuzz sees them, a cheap exact test drops most: each letter a key has and the
spelling lacks (or the other way round) costs at least one insertion or deletion, so a key whose
letters differ from the spelling's in more places than the cutoff allows insertions and
deletions cannot reach it. The letters of every key are one bit mask each, worked out for all
keys at once in arrays, so the test is a few array operations per query.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz, process

__all__ = ["KeyIndex", "LENGTH_WINDOW"]

#: Keys this many characters longer or shorter than the spelling are compared too.
LENGTH_WINDOW = 3


def _bit_table() -> np.ndarray:
    """One bit per byte of a key's UTF-8: a..z their own, every other ASCII character one of five
    shared bits, every byte of a non-ASCII character the last bit. Each character thus sets one
    bit, which is what makes the test exact."""
    table = np.zeros(256, dtype=np.uint32)
    for b in range(1, 256):
        if 97 <= b <= 122:
            table[b] = 1 << (b - 97)
        elif b >= 0x80:
            table[b] = 1 << 31
        else:
            table[b] = 1 << (26 + b % 5)
    return table


_BITS = _bit_table()
_BITS_LIST = [int(b) for b in _BITS]


def _mask(key: str) -> int:
    mask = 0
    for b in key.encode("utf-8"):
        mask |= _BITS_LIST[b]
    return mask


class KeyIndex:
    """Latin name keys sorted by first letter and length (keys of one first letter and length in
    the order given), with their lengths and letter masks."""

    def __init__(self, keys: Iterable[str]) -> None:
        latin = [k for k in keys if k and k[0].isascii()]
        data = np.frombuffer("\x00".join(latin).encode("utf-8"), dtype=np.uint8)
        starts = np.concatenate(([0], np.flatnonzero(data == 0) + 1)) if latin else np.zeros(0, dtype=np.int64)
        # characters, not bytes: every byte but a UTF-8 continuation byte starts one (the
        # separator after each key but the last counts one too much)
        lengths = np.add.reduceat(((data & 0xC0) != 0x80).astype(np.int64), starts) if latin else starts
        lengths[:-1] -= 1
        masks = np.bitwise_or.reduceat(_BITS[data], starts) if latin else np.zeros(0, dtype=np.uint32)
        order = np.argsort(data[starts].astype(np.int64) << 16 | lengths, kind="stable")  # stable: keeps the order given
        self._groups = (data[starts].astype(np.int64) << 16 | lengths)[order]
        self._lengths = lengths[order]
        self._masks = masks[order]
        self._keys = np.array(latin, dtype=object)[order]  # an array: the keys that pass are taken at once

    def closest(self, key: str, limit: int, cutoff: float) -> list[tuple[str, float]]:
        """The ``limit`` keys of the same first letter and a similar length that score ``cutoff`` or
        more against ``key`` (normalised, Latin first letter): (key, score), best first, ties in
        the order the keys were given."""
        group, n = ord(key[0]) << 16, len(key)
        lo = int(np.searchsorted(self._groups, group | max(n - LENGTH_WINDOW, 0), "left"))
        hi = int(np.searchsorted(self._groups, group | (n + LENGTH_WINDOW), "right"))
        if lo >= hi:
            return []
        differ = np.bitwise_count(self._masks[lo:hi] ^ np.uint32(_mask(key)))
        # ratio = 100 * (1 - insertions and deletions / (both lengths)): the most it allows, with a
        # margin far above rounding, so that no key rapidfuzz would keep is dropped
        allowed = (100.0 - cutoff) / 100.0 * (n + self._lengths[lo:hi]) + 1e-6
        choices = self._keys[lo:hi][differ <= allowed]
        if not len(choices):
            return []
        found = process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
        return [(k, float(score)) for k, score, _ in found]
