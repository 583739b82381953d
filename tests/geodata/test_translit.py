import pytest

from geodata.normalize import normalize_name
from geodata.translit import load_systems, transliterate, transliterate_variants


@pytest.mark.parametrize("cyrillic, official", [
    ("Купʼянськ", "Kupiansk"), ("Куп’янськ-Вузловий", "Kupiansk-Vuzlovyi"), ("Авдіївка", "Avdiivka"),
    ("Гуляйполе", "Huliaipole"), ("Мар’їнка", "Marinka"), ("Лук’янці", "Lukiantsi"), ("Згурівка", "Zghurivka"),
    ("Ямпіль", "Yampil"), ("Щастя", "Shchastia"), ("Київ", "Kyiv"), ("Запоріжжя", "Zaporizhzhia"),
    ("Юрівка", "Yurivka"), ("Їжакевич", "Yizhakevych"), ("Олексіївка", "Oleksiivka"),
])
def test_ukrainian_national_2010_gives_official_spellings(cyrillic, official):
    assert transliterate(cyrillic, "uk_national_2010") == official


@pytest.mark.parametrize("cyrillic, system, expected", [
    ("Клещеевка", "bgn_pcgn_ru", "Kleshcheyevka"), ("Волчанск", "bgn_pcgn_ru", "Volchansk"),
    ("Красноармейск", "bgn_pcgn_ru", "Krasnoarmeysk"), ("Андріївка", "bgn_pcgn_uk", "Andriyivka"),
])
def test_bgn_pcgn_systems(cyrillic, system, expected):
    assert transliterate(cyrillic, system) == expected


@pytest.mark.parametrize("cyrillic, language, press_form", [
    ("Клещеевка", "ru", "kleshcheevka"), ("Авдеевка", "ru", "avdeevka"), ("Артёмовск", "ru", "artyomovsk"),
    ("Артёмовск", "ru", "artemovsk"), ("Красноармейск", "ru", "krasnoarmeisk"), ("Марьинка", "ru", "maryinka"),
    ("Андріївка", "uk", "andriyivka"), ("Угледар", "ru", "ugledar"),
])
def test_press_forms_are_among_the_variants(cyrillic, language, press_form):
    assert press_form in {normalize_name(v) for v in transliterate_variants(cyrillic, language)}


def test_variants_stay_bounded_for_long_names():
    name = "Новоєгорівка-Ясинуватська-Юр’ївська"
    for system in load_systems().values():
        assert len(system.variants(name)) <= max(1, system.max_variants)


def test_unknown_system_names_the_valid_ones():
    with pytest.raises(ValueError, match="uk_national_2010"):
        transliterate("Київ", "iso9")
