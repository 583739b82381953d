import gzip

import pytest

from geodata import Gazetteer, GazetteerCorrupt, GazetteerMissing, PlaceKind
from geodata.gazetteer import DATA_DIR, GAZETTEER_FILE


def test_every_ukrainian_populated_place_is_there(gazetteer):
    places = list(gazetteer.places())
    ukrainian = [p for p in places if p.country == "UA"]
    # 33,681 GeoNames rows, less the near-duplicate rows of one village folded together
    assert 33_400 <= len(ukrainian) <= 33_681
    assert {p.admin1 for p in ukrainian} >= {"Donetsk Oblast", "Kharkiv Oblast", "Autonomous Republic of Crimea", "Sevastopol"}


def test_russian_border_oblasts_are_covered(gazetteer):
    russian = [p for p in gazetteer.places() if p.country == "RU"]
    assert {p.admin1 for p in russian} == {"Belgorod Oblast", "Bryansk Oblast", "Kursk Oblast", "Rostov Oblast",
                                           "Voronezh Oblast"}


def test_oblasts_and_raions_are_regions(gazetteer):
    assert len(list(gazetteer.places(PlaceKind.OBLAST))) == 27 + 5
    assert gazetteer.region("UA.05").name == "Donetsk Oblast"
    assert gazetteer.region("UA.05.1402").name == "Bakhmut Raion"


def test_near_duplicate_rows_are_one_place(gazetteer):
    # GeoNames has Klishchiivka twice, 0.3 km apart: one village, not a namesake
    assert gazetteer.place(705666) == gazetteer.place(13512497)
    assert len(gazetteer.exact("Klishchiivka")) == 1


def test_display_name_is_the_official_ukrainian_spelling(gazetteer):
    assert gazetteer.place(703656).name == "Kupiansk"  # GeoNames: Kupyansk
    assert gazetteer.place(713122).name == "Avdiivka"  # GeoNames: Avdiyivka
    assert gazetteer.place(707898).name == "Huliaipole"  # GeoNames: Hulyaypole
    assert gazetteer.place(701845).name == "Marinka"  # GeoNames: Mar'yinka
    assert gazetteer.place(713174).name == "Bakhmut"  # not its former name Artemivsk
    assert gazetteer.place(578072).name == "Belgorod"  # Russian places keep the GeoNames name


def test_missing_file_says_how_to_restore_it(tmp_path):
    with pytest.raises(GazetteerMissing, match="python -m geodata.build"):
        Gazetteer.load(tmp_path / "nope.tsv.gz")


@pytest.mark.parametrize("damage", [
    lambda raw: raw[: len(raw) // 2],  # truncated download
    lambda raw: b"\x00" * 100,  # not gzip at all
    lambda raw: gzip.compress(b"hello\tworld\n"),  # gzip, but not a gazetteer
    lambda raw: gzip.compress(gzip.decompress(raw).split(b"\n#refs\n")[0]),  # index cut off
])
def test_corrupt_file_is_reported_not_crashed_on(tmp_path, damage):
    raw = (DATA_DIR / GAZETTEER_FILE).read_bytes()
    path = tmp_path / "bad.tsv.gz"
    path.write_bytes(damage(raw))
    with pytest.raises(GazetteerCorrupt, match="rebuild|Rebuild|unexpected|not a gazetteer"):
        Gazetteer.load(path)


def test_cyrillic_names_are_known(gazetteer):
    assert [c.place.geonameid for c in gazetteer.exact("Вовчанськ")] == [689304]
    assert [c.place.geonameid for c in gazetteer.exact("Волчанск")] == [689304]


def test_names_without_any_alternate_get_curated_spellings(gazetteer):
    # GeoNames knows Tymkivka only as "Timkovka", with no alternate names
    assert [c.place.geonameid for c in gazetteer.exact("Tymkivka")] == [691539]
    assert gazetteer.place(691539).name == "Tymkivka"


def test_officially_named_finds_every_place_of_that_official_name(gazetteer):
    # officially_named() looks only among the places the key names: the build lists each place
    # under its own official name
    from geodata.normalize import normalize_name

    by_name: dict[str, list[int]] = {}
    for place in gazetteer.places():
        by_name.setdefault(normalize_name(place.name), []).append(place.geonameid)
    for key, ids in by_name.items():
        assert [c.place.geonameid for c in gazetteer.officially_named(key)] == ids, key
    assert gazetteer.officially_named("no such name at all") == []
