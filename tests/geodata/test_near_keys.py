import random

import pytest
from rapidfuzz import fuzz, process

from geodata.near_keys import KeyIndex


def _every_key(keys, key, limit, cutoff):
    """What the index must answer: rapidfuzz over every key of the same first letter and a length within three."""
    choices = [k for n in range(len(key) - 3, len(key) + 4) for k in keys if k[0] == key[0] and len(k) == n]
    return [(k, float(s)) for k, s, _ in process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)]


@pytest.mark.parametrize("limit, cutoff", [(1, 88.0), (6, 76.0), (10, 80.0), (3, 50.0)])
def test_the_letter_test_drops_no_key_rapidfuzz_would_keep(limit, cutoff):
    rng = random.Random(5)
    words = ["novoselivka", "novoselovka", "novoselske", "pokrovsk", "pokrovske", "kurakhove", "kourakhove", "kurakhivka",
             "chasiv yar", "klishchiivka", "kyїv", "kupiansk vuzlovyi", "o'leksandrivka", "nova-kakhovka"]
    keys = words + ["".join(rng.choice("aeiknorsvyk -") for _ in range(rng.randrange(4, 14))) for _ in range(3000)]
    keys = [k for k in dict.fromkeys(keys) if k.strip()]
    index = KeyIndex(keys)
    for query in words + ["novoseliwka", "pokrowsk", "kurakowe", "nnnnnnnn", "kyiv", "zzzzzz"]:
        assert index.closest(query, limit, cutoff) == _every_key(keys, query, limit, cutoff), query


def test_ties_keep_the_order_the_keys_were_given():
    keys = ["kurakhovo", "kurakhova", "kurakhive"]
    assert [k for k, _ in KeyIndex(keys).closest("kurakhove", 3, 80.0)] == keys


def test_no_keys_no_answer():
    assert KeyIndex([]).closest("novoselivka", 5, 80.0) == []
    assert KeyIndex(["донецьк"]).closest("donetsk", 5, 50.0) == []
    assert KeyIndex(["donetsk"]).closest("donetsk", 5, 80.0) == [("donetsk", 100.0)]
