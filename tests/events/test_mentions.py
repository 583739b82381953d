"""Stage 1, events/mentions.py: what each name in a sentence stands for, and how it stands to the
sentence's change. Sentences written for these tests."""

import datetime as dt
import tomllib

import pytest

from events import Article, PublishedDate
from events.articles import article_id
from events.extract import geocode
from events.mentions import read_mentions
from events.rules import RULES_DIR

PLACES = tomllib.loads((RULES_DIR / "places.toml").read_text(encoding="utf-8"))


def views_of(text, gazetteer, rules):
    article = Article(id=article_id(text), path="t", text=text, published=PublishedDate(dt.date(2024, 5, 15)))
    return read_mentions(article, *geocode(article, gazetteer), rules)


def refs_of(text, gazetteer, rules):
    return {p.name: (p.role, p.relation) for v in views_of(text, gazetteer, rules) for p in v.places}


@pytest.mark.parametrize("role", [k for k in PLACES["role"]] + ["near", "beside"])
def test_each_role_example_in_the_rules_file(gazetteer, rules, role):
    relation = PLACES["relation"]
    example, name = ((relation["example"], relation["name"]) if role == "near" else
                     (relation["beside_example"], relation["beside_name"]) if role == "beside" else
                     (PLACES["role"][role]["example"], PLACES["role"][role]["name"]))
    refs = refs_of(example, gazetteer, rules)
    expected = ("settlement", role) if role in ("near", "beside") else (role, "")
    assert refs[name] == expected, refs


CASES = [
    # (sentence, name, role, relation)
    ("Russian forces captured Novoselivka in the Luhansk People's Republic.", "Novoselivka", "settlement", ""),
    ("Russian forces captured Novoselivka in the Kharkiv governorate.", "Kharkiv", "region", ""),
    ("Kyiv said its troops had retaken Robotyne.", "Kyiv", "government", ""),
    ("Missiles hit the city of Kyiv overnight.", "Kyiv", "settlement", ""),
    ("Fighting continues on the Pokrovsk axis.", "Pokrovsk", "front", ""),
    ("Units moved west along the Lyman–Kupiansk direction.", "Lyman", "front", ""),
    ("Units moved west along the Lyman–Kupiansk direction.", "Kupiansk", "front", ""),
    ("The Vovchansk authorities ordered an evacuation.", "Vovchansk", "modifier", ""),
    ("Russia took the town, then crossed the Dnipro.", "Dnipro", "river", ""),
    ("A missile hit Dnipro, killing three people.", "Dnipro", "settlement", ""),
    ("A strike on Dnipro killed three people.", "Dnipro", "settlement", "near"),  # a strike is no change there
    ("Kramatorsk, May 3 (Reuters) - Russian troops captured Urozhaine.", "Kramatorsk", "dateline", ""),
    ("Heavy fighting raged near Toretsk.", "Toretsk", "settlement", "near"),
    ("Russian troops advanced 5 km west of Pokrovsk.", "Pokrovsk", "settlement", "beside"),
    ("Units held positions in the Avdiivka area.", "Avdiivka", "settlement", "beside"),
    ("Units pulled back from two villages close to Avdiivka.", "Avdiivka", "settlement", "near"),
    ("Russian troops entered Toretsk from the east.", "Toretsk", "settlement", ""),
    ("Russian forces continue offensive operations in Kursk.", "Kursk", "region", ""),  # no such city changed hands
    ("Drones struck an oil depot in the city of Belgorod.", "Belgorod", "settlement", ""),
]


@pytest.mark.parametrize("text, name, role, relation", CASES, ids=[f"{c[1]}-{c[2]}-{c[3]}" for c in CASES])
def test_a_name_in_its_sentence(gazetteer, rules, text, name, role, relation):
    assert refs_of(text, gazetteer, rules)[name] == (role, relation)


def test_headings_and_sections(gazetteer, rules):
    text = ("Russian troops take Urozhaine\n\nMOSCOW, May 3 - The ministry said troops had taken Urozhaine.\n\n"
            "Background: Ukrainian forces had retaken it in August.")
    views = views_of(text, gazetteer, rules)
    assert [v.heading for v in views] == [True, False, False]
    assert views[2].section == "Background"
    # a headline's "in Kharkiv" is the region as often as the city
    [heading] = views_of("Ukraine withdraws troops in Kharkiv amid new assault", gazetteer, rules)
    assert heading.places[0].role == "region"


UNLISTED = [
    # (sentence, names the gazetteer lacks that read as settlements, capitalised words that must not)
    (PLACES["lists"]["unlisted"]["example"], {PLACES["lists"]["unlisted"]["name"]}, set()),
    (PLACES["lists"]["unlisted"]["after_change_example"], {PLACES["lists"]["unlisted"]["after_change_name"]}, set()),
    # right after a change's words in a text on the Russian border regions, and glued to it in a list;
    # not a word that is no name, nor a speaker, nor a person or a thing
    ("Its troops had retaken Nizhnyaya Sosnovka and Verkhnyaya Sosnovka in the Kursk region, Kremlin officials said.",
     {"Nizhnyaya Sosnovka", "Verkhnyaya Sosnovka"}, {"Kremlin"}),
    ("Its troops had retaken Nizhnyaya Sosnovka, Moscow said.", set(), {"Nizhnyaya Sosnovka"}),
    ("In the Kursk region Russian troops captured Kovalsky, a Ukrainian marine, and took Sergeant Kozlovsky prisoner.",
     set(), {"Kovalsky", "Sergeant Kozlovsky", "Kozlovsky"}),
    ("Russian forces captured Monday a key road, and took Russia's initiative.", set(), {"Monday", "Russia's"}),
    ("Russian forces captured Pokrovsk, Nikolayevo-Daryino and Myrnohrad, the ministry said.", {"Nikolayevo-Daryino"},
     set()),
    ("Russian forces captured Pokrovsk and Myrnohrad, Zelensky's office said.", set(), {"Zelensky's"}),
    ("Russian troops took Toretsk, Pokrovsk and Kurakhove, Reuters reported.", set(), {"Reuters"}),
    ("Russian troops took Toretsk and Pokrovsk, Hrytsenko told reporters on Monday.", set(), {"Hrytsenko"}),
    ("Russian troops took Toretsk and Pokrovsk, Russian media reported.", set(), {"Russian"}),
    ("Russian troops attacked Pokrovsk and Trump's envoy flew to Moscow.", set(), {"Trump's"}),
]


@pytest.mark.parametrize("text, names, not_names", UNLISTED, ids=[c[0][:40] for c in UNLISTED])
def test_a_name_the_gazetteer_lacks_in_a_list_of_places_is_a_settlement_of_unknown_place(
        gazetteer, rules, text, names, not_names):
    refs = {p.name: p for v in views_of(text, gazetteer, rules) for p in v.places}
    for name in names:
        assert refs[name].role == "settlement" and refs[name].relation == "", refs
        assert str(refs[name].resolution.status) == "unknown" and refs[name].resolution.place is None
    assert not not_names & set(refs), refs


def test_a_village_name_that_says_something_is_a_person(gazetteer, rules):
    # a surname that is also a village's name, followed by a reporting verb, is the speaker
    refs = refs_of("Russian forces captured Pokrovsk and Myrnohrad, Petrenko said.", gazetteer, rules)
    assert refs["Petrenko"] == ("person", "")
    assert refs["Pokrovsk"] == ("settlement", "")
    # (also one who posts: a village posts nothing)
    refs = refs_of("Petrenko posted a photograph of soldiers in Pokrovsk.", gazetteer, rules)
    assert refs["Petrenko"] == ("person", "")


@pytest.mark.parametrize("text, expected", [
    ("Russian forces took Avdiivka. Ukraine denied it.", ["Russian forces took Avdiivka.", "Ukraine denied it."]),
    # (a quotation closing on "!" stays with the speaker's tag after it)
    ("“We withdrew,” he said. “It is ours!” Moscow said… Then?! “No.” (Kyiv.) 3 km", [
        "“We withdrew,” he said.", "“It is ours!” Moscow said…", "Then?!", "“No.” (Kyiv.)", "3 km"]),
    ("Gen. Syrsky said U.S. aid came. Then\nA line. B", ["Gen. Syrsky said U.S. aid came.", "Then", "A line.", "B"]),
    ("...wait... And. ..A", ["...wait...", "And. ..A"]),
])
def test_sentences_end_after_their_punctuation_and_closing_quotes(rules, text, expected):
    from events.sentences import split_sentences
    assert [s.text for s in split_sentences(text, rules)] == expected
