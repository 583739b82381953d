import pytest

from geodata import PlaceKind, find_places
from geodata.resolve import resolve_mentions


def names(text, gazetteer, kind=PlaceKind.PLACE):
    return [m.text for m in find_places(text, gazetteer) if m.kind is kind]


# every settlement the five samples name, as written; people, outlets and countries must not show up
SAMPLE_PLACES = {
    "000": {"Kharkiv", "KYIV", "Lukyantsi", "Vovchansk", "Kyiv", "Sevastopol"},
    "001": {"Kharkiv", "Kyiv", "Lukyantsi", "Vovchansk", "Robotyne"},
    "002": {"Kharkiv", "Kiev", "Kiev's", "Lukyantsi", "Vovchansk", "Robotyne"},
    "003": {"Melitopol", "Bakhmut", "Klishchiyevka", "Andriyivka"},
    "004": {"Volchansk", "Volchansk’s", "Kharkiv", "Kupyansk"},
}
SAMPLE_REGIONS = {
    "000": {"Kharkiv region", "Donetsk", "Kharkiv", "Crimea", "Belgorod", "Kursk", "Bryansk", "Rostov"},
    "001": {"Kharkiv region", "Zaporizhzhia region"},
    "002": {"Kharkiv region", "Zaporizhzhya region", "Crimea", "Belgorod", "Kursk", "Bryansk"},
    "003": {"Donetsk region", "Kharkiv region"},
    "004": {"Kharkiv region", "Kharkiv Oblast", "Donbass"},
}


@pytest.mark.parametrize("article", sorted(SAMPLE_PLACES))
def test_samples_settlements_are_found_and_nothing_else(gazetteer, sample_texts, article):
    mentions = find_places(sample_texts[article], gazetteer)
    places = {m.text for m in mentions if m.kind is PlaceKind.PLACE}
    regions = {m.text for m in mentions if m.kind is not PlaceKind.PLACE}
    assert places == SAMPLE_PLACES[article]
    assert regions == SAMPLE_REGIONS[article]


def test_spans_point_at_the_text(gazetteer, sample_texts):
    text = sample_texts["004"]
    for m in find_places(text, gazetteer):
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text, expected", [
    ("Russian troops entered Kupyansk-Uzlovoi on Monday.", ["Kupyansk-Uzlovoi"]),
    ("Fighting continues near Nova Kakhovka and Velyka Novosilka.", ["Nova Kakhovka", "Velyka Novosilka"]),
    ("Vovchansk's northern districts are in ruins.", ["Vovchansk's"]),
    ("Бої тривають у Вовчанську та біля Куп’янська.", []),  # inflected Ukrainian is not matched exactly
    ("Бои идут в районе Волчанск.", ["Волчанск"]),
])
def test_multiword_hyphenated_possessive_and_cyrillic_names(gazetteer, text, expected):
    assert names(text, gazetteer) == expected


@pytest.mark.parametrize("text", [
    "President Volodymyr Zelensky spoke in a video address.",
    "Taras Shevchenko is Ukraine's national poet.",
    "General Alexander Syrsky briefed the leadership.",
    "Many soldiers were injured. Police said the Star Wars fans left.",
    "The Mariinsky Palace hosted the press conference.",
    "Units of the Dnepr Army Group advanced, the ministry said.",
    "Stanislav Doshchitsyn, with AFP",
    "The Kakhovka Dam was destroyed in June 2023.",
    "Troops moved into Siversk Maly, a village north of the town.",  # Little Siversk, not Siversk
    "Troops moved into Malaya Loknya on Tuesday.",  # a village the gazetteer lacks: neither "Malaya" nor "Loknya"
])
def test_people_other_names_and_english_words_are_not_places(gazetteer, text):
    assert names(text, gazetteer) == []


def test_english_word_that_names_a_town_counts_only_after_town_of(gazetteer):
    # Bar is a town in Vinnytsia Oblast and an English word
    assert names("Bar owners complained. A drone hit a bar in Kyiv.", gazetteer) == ["Kyiv"]
    assert names("A drone hit the town of Bar overnight.", gazetteer) == ["Bar"]


@pytest.mark.parametrize("text, regions", [
    ("in the Donetsk and Kharkiv regions", ["Donetsk", "Kharkiv"]),
    ("over the Russian border regions of Belgorod, Kursk and Bryansk", ["Belgorod", "Kursk", "Bryansk"]),
    ("in Kharkiv Oblast’s north", ["Kharkiv Oblast’s"]),
    ("near Bakhmut district", ["Bakhmut district"]),
])
def test_region_mentions(gazetteer, text, regions):
    found = find_places(text, gazetteer)
    assert [m.text for m in found if m.kind is not PlaceKind.PLACE] == regions
    assert all(m.region_codes for m in found if m.kind is not PlaceKind.PLACE)


def test_raion_suffix_makes_a_raion_mention(gazetteer):
    (mention,) = find_places("Shelling in Bakhmut Raion continued.", gazetteer)
    assert mention.kind is PlaceKind.RAION
    assert mention.region_codes == ("UA.05.1402",)


def test_empty_and_binary_like_text_yield_nothing(gazetteer):
    assert find_places("", gazetteer) == []
    assert find_places("\x00\x01\x02 \ufffd\ufffd", gazetteer) == []


def test_runs_of_capitalised_words_start_only_at_a_word_start():
    # the run pattern puts the capital before its look-behinds (fast); it must find what the plain
    # form "no word character, hyphen or apostrophe before (a straight mark after a space opens a
    # quotation), then capitalised words (a straight mark inside one, not at its end)" finds
    import random
    import re

    from geodata.scan import _RUN, _UPPER

    word = rf"[{_UPPER}][\w’ʼ]*(?:'[\w’ʼ]+)*(?:-[\w’ʼ]+(?:'[\w’ʼ]+)*)*"
    plain = re.compile(rf"(?<![\w\-’])(?<!\w'){word}(?:[ \u00a0]{word})*")
    rng = random.Random(3)
    texts = ["anti-Russian forces left Nova Kakhovka's O'Brien Kyiv-Pechersk", "Ukraine’S Chasiv\u00a0Yar, DPR-LNR",
             "xKyiv _Kyiv -Kyiv 'Kyiv ’Kyiv Kyiv-Pasazhyrskyi- Донецьк Ї", "Bakhmut'", "said 'Tykhe is ours'.", ""]
    texts += ["".join(rng.choice("aAbB -'’ʼ_\u00a0ДдЇї9.,Zz\n") for _ in range(200)) for _ in range(500)]
    for text in texts:
        assert [m.span() for m in _RUN.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_a_name_typed_with_a_cyrillic_look_alike_letter_is_found(gazetteer):
    # copied text sometimes carries a Cyrillic а in a Latin name
    assert names("Troops entered Hryhorivk\u0430 and Vodyane on Monday.", gazetteer) == ["Hryhorivk\u0430", "Vodyane"]


def test_a_regional_administration_names_its_region_not_the_city(gazetteer):
    # "the Luhansk regional military administration": the region, which places the village named with it
    # (not "the Kharkiv regional centre", the city)
    found = find_places("The head of the Luhansk regional military administration said Bilohorivka was shelled.", gazetteer)
    assert [(m.text, m.kind) for m in found] == [("Luhansk regional", PlaceKind.OBLAST), ("Bilohorivka", PlaceKind.PLACE)]
    (mention,) = find_places("Drones struck the Kharkiv regional centre overnight.", gazetteer)
    assert mention.kind is PlaceKind.PLACE
    placed = dict((m.text, r) for m, r in zip(found, resolve_mentions(found, gazetteer)))
    assert placed["Bilohorivka"].place is not None and placed["Bilohorivka"].place.admin1 == "Luhansk Oblast"


def test_a_governor_named_after_a_region_names_the_region_and_places_its_namesakes(gazetteer):
    # "the Mykolaiv governor" is the governor of the region: the town of Snihurivka there, not the
    # village of that name on the Zaporizhzhia front (not "the governor of Kherson", the city's name)
    found = find_places("Ukrainian troops entered Snihurivka on Friday, the Mykolaiv governor said.", gazetteer)
    assert [(m.text, m.kind) for m in found] == [("Snihurivka", PlaceKind.PLACE), ("Mykolaiv governor", PlaceKind.OBLAST)]
    placed = resolve_mentions(found, gazetteer)[0].place
    assert placed is not None and placed.admin1 == "Mykolaiv Oblast"
    (mention,) = find_places("Kharkiv Governor Oleh Syniehubov spoke.", gazetteer)
    assert (mention.text, mention.kind) == ("Kharkiv Governor", PlaceKind.OBLAST)
