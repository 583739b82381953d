"""Foreign press forms read back into Cyrillic (geodata/spelling.py, data/spellings/*.toml) and the
check of our own list of front-line places in six languages' press forms (bench/bench_spellings.py)."""

import sys

import pytest

from geodata import PlaceKind, Status, find_places, normalize_name, resolve
from geodata.errors import GazetteerCorrupt
from geodata.spelling import load_spellings, read_spelling
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import bench_spellings  # noqa: E402


@pytest.mark.parametrize("language, spelling, official, oblast", load_spellings().examples,
                         ids=lambda v: v if isinstance(v, str) else None)
def test_every_table_example_resolves_with_its_oblast(gazetteer, language, spelling, official, oblast):
    result = resolve(spelling, gazetteer, hint=oblast)
    if result.status is Status.RESOLVED:
        assert (result.place.name, result.place.admin1) == (official, oblast), result.reason
    else:  # an honest "ambiguous" only where the name is shared in that oblast
        assert result.status is Status.AMBIGUOUS, result.reason
        assert sum(p.name == official and p.admin1 == oblast for p in result.candidates) > 1


@pytest.mark.parametrize("spelling, official", [
    ("Tschassiw Jar", "Chasiv Yar"), ("Siwersk", "Siversk"), ("Avdievka", "Avdiivka"), ("Bakhmout", "Bakhmut"),
    ("Bajmut", "Bakhmut"), ("Czasiw Jar", "Chasiv Yar"), ("Wuhledar", "Vuhledar"),
])
def test_spellings_the_issue_found_unknown_or_wrong_resolve(gazetteer, spelling, official):
    result = resolve(spelling, gazetteer)
    assert (result.place.name, result.place.admin1) == (official, "Donetsk Oblast"), result.reason


def test_two_letters_swapped_in_a_name_resolve_in_context(gazetteer):
    assert resolve("Pokrovks", gazetteer, hint="Donetsk Oblast").place.name == "Pokrovsk"
    assert resolve("Pokrovks", gazetteer).place.name == "Pokrovsk"


def test_a_reading_keeps_to_one_language(gazetteer):
    keys = gazetteer.cyrillic_keys()
    assert [r.key for r in read_spelling("wuhledar", keys)] == ["вугледар"]  # German w
    assert [r.key for r in read_spelling("vouhledar", keys)] == ["вугледар"]  # French ou
    assert read_spelling("wouhledar", keys) == []  # German w with French ou: no language writes that


def test_foreign_forms_are_found_in_text_and_english_words_are_not(gazetteer):
    text = ("Laut dem Generalstab halten die Truppen Tschassiw Jar, Welyka Nowosilka und Awdijiwka. "
            "The Ministry of Defence, Reuters and Monday Briefing reported nothing from Marine Corps Headquarters.")
    found = [(m.text, m.key) for m in find_places(text, gazetteer) if m.kind is PlaceKind.PLACE]
    assert [t for t, _ in found] == ["Tschassiw Jar", "Welyka Nowosilka", "Awdijiwka"]
    assert found[0][1] == "часів яр"


def test_a_malformed_spelling_table_is_reported_with_its_file(tmp_path):
    (tmp_path / "common.toml").write_text('[anywhere]\n"a" = "а"\n', encoding="utf-8")
    (tmp_path / "xx.toml").write_text('[anywhere]\n"Sch" = ["ш"]\n', encoding="utf-8")  # not normalised
    with pytest.raises(GazetteerCorrupt, match="xx.toml"):
        load_spellings(tmp_path)


def test_our_six_language_list_meets_the_issue_targets(gazetteer):
    outcomes = bench_spellings.check(gazetteer, bench_spellings.read_list())
    assert len(outcomes) >= 700
    hinted_right = sum(o.hinted == "right" for o in outcomes) / len(outcomes)
    bare_wrong = sum(o.bare == "wrong" for o in outcomes) / len(outcomes)
    assert hinted_right >= 0.97, [o for o in outcomes if o.hinted != "right"][:10]
    assert bare_wrong <= 0.03, [o for o in outcomes if o.bare == "wrong"][:10]
    for language in bench_spellings.LANGUAGES:  # no language left behind
        group = [o for o in outcomes if o.language == language]
        assert sum(o.hinted == "right" for o in group) / len(group) >= 0.95, language


def test_the_list_is_ours_and_consistent(gazetteer):
    for row in bench_spellings.read_list():
        place = gazetteer.place(int(row["geonameid"]))
        assert (normalize_name(place.name), place.admin1) == (normalize_name(row["official_name"]), row["oblast"])
