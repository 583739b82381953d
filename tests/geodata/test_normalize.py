import pytest

from geodata.normalize import cyrillic_language, normalize_name


@pytest.mark.parametrize("spelling", [
    "Kup'yans'k", "Kup’yans’k", "Kupʼyansʼk", "Kupʹyansʹk", "KUPYANSK", "  kupyansk ", "Kupyánsk",
])
def test_every_apostrophe_accent_and_case_folds_to_one_key(spelling):
    assert normalize_name(spelling) == "kupyansk"


@pytest.mark.parametrize("spelling", ["Kupyansk-Uzlovoi", "Kupyansk Uzlovoi", "Kupyansk – Uzlovoi", "Kupyansk\u00a0 Uzlovoi"])
def test_hyphens_dashes_and_spaces_fold_to_one_space(spelling):
    assert normalize_name(spelling) == "kupyansk uzlovoi"


def test_cyrillic_letters_keep_their_identity_but_yo_folds():
    assert normalize_name("Андріївка") == "андріївка"
    assert normalize_name("Гуляйполе") == "гуляйполе"  # й must not become и
    assert normalize_name("Артёмовск") == normalize_name("Артемовск")


@pytest.mark.parametrize("mixed, plain", [
    ("Hryhorivk\u0430", "hryhorivka"),     # a Cyrillic а at the end of a Latin word
    ("\u0420okrovsk", "pokrovsk"),         # a Cyrillic Р in front
    ("Волчан\u0441к".replace("\u0441", "c"), "волчанск"),  # a Latin c in a Cyrillic word
    ("Kyiv Київ", "kyiv київ"),           # two words, each in one script: untouched
])
def test_a_stray_look_alike_letter_of_the_other_script_reads_as_its_twin(mixed, plain):
    assert normalize_name(mixed) == plain


def test_control_characters_never_survive():
    assert normalize_name("Vov\x00chansk\x1b") == "vov chansk"
    assert normalize_name("\x00\x01\x02") == ""


@pytest.mark.parametrize("name, language", [
    ("Вовчанськ", "uk"), ("Мар’їнка", "uk"), ("Волчанск", "ru"), ("Марьинка", "ru"),
    ("Бахмут", "either"), ("Гуляйполе", "either"), ("Аўдзееўка", "other"),
])
def test_untagged_cyrillic_names_are_told_apart_by_letters_and_endings(name, language):
    assert cyrillic_language(name) == language
