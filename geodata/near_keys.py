"""The name keys closest to a spelling, by rapidfuzz's ratio, found fast among tens of thousands.

Only Latin keys with the same first letter and a length within three are compared (as always).
Before rapidfuzz sees them, a cheap exact test drops most (nineteen in twenty): rapidfuzz's ratio
is 100 * (1 - d / (both lengths)), d the insertions and deletions that turn one into the other,
and d is at least the sum over letters of the difference in their counts. Two bit masks per key
bound that sum from below: the letters it has (a letter one of the two lacks costs one), and
the letters it has an even number of times, two or more (a letter the other has an odd number
of times, or none, costs one more). The masks of every key are worked out at once in arrays,
so the test is a few array operations per query.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz, process

__all__ = ["KeyIndex", "LENGTH_WINDOW"]

#: Keys this many characters longer or shorter than the spelling are compared too.
LENGTH_WINDOW = 3


def _bit_table() -> np.ndarray:
    """The bit of each byte of a key's UTF-8: a..z their own, every other ASCII character one of
    five shared bits, the first byte of a non-ASCII character the last bit and its other bytes
    none. Each character thus counts once towards one bit, which keeps the bound exact (letters
    sharing a bit only lower it)."""
    table = np.zeros(256, dtype=np.uint32)
    for b in range(1, 256):
        if 97 <= b <= 122:
            table[b] = 1 << (b - 97)
        elif b >= 0xC0:
            table[b] = 1 << 31
        elif b < 0x80:
            table[b] = 1 << (26 + b % 5)
    return table


_BITS = _bit_table()
_BITS_LIST = [int(b) for b in _BITS]


def _masks(key: str) -> tuple[int, int]:
    """The letters of ``key``, and those it has an even number of times (two or more)."""
    present = odd = 0
    for b in key.encode("utf-8"):
        present |= _BITS_LIST[b]
        odd ^= _BITS_LIST[b]
    return present, present & ~odd


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
        bits = _BITS[data]
        present = np.bitwise_or.reduceat(bits, starts) if latin else np.zeros(0, dtype=np.uint32)
        even = present & ~np.bitwise_xor.reduceat(bits, starts) if latin else present
        groups = data[starts].astype(np.int64) << 16 | lengths
        order = np.argsort(groups, kind="stable")  # stable: keeps the order given
        self._groups: list[int] = groups[order].tolist()  # bisect on a list beats numpy's call cost
        self._lengths = lengths[order].astype(np.float64)
        # both masks in one word: one XOR and one bit count per key
        self._masks = (present.astype(np.uint64) | even.astype(np.uint64) << np.uint64(32))[order]
        self._keys = np.array(latin, dtype=object)[order]  # an array: the keys that pass are taken at once

    def closest(self, key: str, limit: int, cutoff: float) -> list[tuple[str, float]]:
        """The ``limit`` keys of the same first letter and a similar length that score ``cutoff`` or
        more against ``key`` (normalised, Latin first letter): (key, score), best first, ties in
        the order the keys were given."""
        group, n = ord(key[0]) << 16, len(key)
        lo = bisect.bisect_left(self._groups, group | max(n - LENGTH_WINDOW, 0))
        hi = bisect.bisect_right(self._groups, group | (n + LENGTH_WINDOW))
        if lo >= hi:
            return []
        present, even = _masks(key)
        differ = np.bitwise_count(self._masks[lo:hi] ^ np.uint64(present | even << 32))
        # ratio = 100 * (1 - insertions and deletions / (both lengths)): the most it allows, with a
        # margin far above rounding, so that no key rapidfuzz would keep is dropped
        share = (100.0 - cutoff) / 100.0
        choices = self._keys[lo:hi][differ <= self._lengths[lo:hi] * share + (share * n + 1e-6)]
        if not len(choices):
            return []
        found = process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
        return [(k, float(score)) for k, score, _ in found]
