"""Stage 2b, events/persons.py: the people a feature introduces in its narration before they speak.
Short texts written for these tests; each case gives who the text introduces, by sentence, as the
claimant they speak as. The rules file's own examples are read here too."""

import datetime as dt

import pytest

from events import Article, PublishedDate
from events.articles import article_id
from events.extract import geocode
from events.mentions import read_mentions
from events.persons import find_persons
from events.records import Side


def people_of(text, gazetteer, rules, home=Side.NONE):
    article = Article(id=article_id(text), path="t", text=text, source="Test Wire",
                      published=PublishedDate(dt.date(2024, 5, 15)))
    views = read_mentions(article, *geocode(article, gazetteer), rules)
    return find_persons(views, rules, home)


CASES = [
    ("a given name, an age and a trade: a fighter, of Ukraine's side when nothing else tells",
     "Oleh, 34, a welder who now commands a mortar platoon, unfolds a map. \"We left Tykhe,\" he said.",
     {0: "Oleh (Ukrainian soldier)"}),
    ("a call sign in the narration names the person",
     "A drone operator who goes by the call sign Sych, 22, watches a tablet.",
     {0: "Sych (Ukrainian soldier)"}),
    ("the side the introduction names",
     "A Russian paratrooper with the call sign Veter, 31, described the assault by phone.",
     {0: "Veter (Russian soldier)"}),
    ("a side's channel that aired them",
     "In a segment aired by the Russian channel Zvezda, a soldier introduced only by his call sign, Bober, unrolled a flag.",
     {0: "Bober (Russian soldier)"}),
    ("a comrade of the one named before is of their side",
     "A Russian paratrooper with the call sign Veter described the assault. His comrade, call sign Lys, recalled a slower week.",
     {0: "Veter (Russian soldier)", 1: "Lys (Russian soldier)"}),
    ("a comrade takes the side of the one named right before, not the article's",
     "A Ukrainian drone operator, call sign Sych, watches the road. A Russian paratrooper with the call sign Veter described "
     "the assault. His comrade, call sign Lys, recalled a slower week.",
     {0: "Sych (Ukrainian soldier)", 1: "Veter (Russian soldier)", 2: "Lys (Russian soldier)"}),
    ("the one they are tied to tells their side before the form of their name",
     "A Ukrainian drone operator, call sign Sych, watches the road. His comrade Sergei, 40, recalled a slower week.",
     {0: "Sych (Ukrainian soldier)", 1: "Sergei (Ukrainian soldier)"}),
    ("a name written the Russian way",
     "Alexei, 29, a former bricklayer, now drives an armoured ambulance.",
     {0: "Alexei (Russian soldier)"}),
    ("their own words name the other side, before the name's form",
     "Ihor, 41, spends his nights in a basement. \"The Ukrainians left Sokil,\" he said.",
     {0: "Ihor (Russian soldier)"}),
    ("a retired teacher is a civilian; of the country of the place she comes from",
     "Nina, 67, a retired teacher from Tetkino, sat on the bus.",
     {0: "Nina (Russian resident)"}),
    ("one named only by what they do is their side's forces",
     "The marine lies on a hospital bed and asks that his name not be printed.",
     {0: "Ukrainian military"}),
    ("named again as the subject: the same person",
     "\"Tykhe fell,\" said Andriy, 29, a rifleman. Andriy shrugged when the claim was read to him.",
     {0: "Andriy (Ukrainian soldier)", 1: "Andriy (Ukrainian soldier)"}),
    ("a known official's full name is no person of the narration",
     "Dmitry Peskov, the Kremlin spokesman, declined to comment. Vladimir Putin's decision surprised few.",
     {}),
    ("a known person is the claimants' own, whatever the words after the name",
     "Valery Gerasimov, 69, visited a command post on Sunday.", {}),
    ("a full name needs an age or an apposition (a verb alone may be anyone's)",
     "Oleksandr Kovalenko took over the ministry in May.",
     {}),
    ("a lawmaker is a speaker of another kind, and what he says tells nothing of his side",
     "Roman Kostenko, a Ukrainian lawmaker and colonel, said Russian forces had captured Tonenke.",
     {}),
    ("a person introduced and speaking at once: their side is not that of the troops they speak of",
     "Oleh, 34, a gunner, said Russian troops had taken Tonenke.",
     {0: "Oleh (Ukrainian soldier)"}),
    ("a given name opening a quotation is no person", "\"Ivan keeps coming every night,\" the sergeant said.", {}),
    ("a soldier's mother is no soldier", "The soldier's mother waits at the gate every evening.", {}),
    ("plural soldiers are no one person",
     "The soldiers of the brigade rest in a village behind the line.",
     {}),
]


@pytest.mark.parametrize("why,text,expected", CASES, ids=[c[0] for c in CASES])
def test_the_people_a_feature_introduces(why, text, expected, gazetteer, rules):
    people = people_of(text, gazetteer, rules)
    assert {i: p.speaker.claimant for i, p in people.introduced.items()} == expected, why


def test_a_later_name_points_back_to_the_person(gazetteer, rules):
    later = "The Russians entered Hostre on Tuesday, Sych said."
    people = people_of(f"A drone operator who goes by the call sign Sych checks the batteries. {later}", gazetteer, rules)
    (person, start, end), = people.named[1]
    assert person.speaker.claimant == "Sych (Ukrainian soldier)"
    assert later[start:end] == "Sych"


def test_the_outlets_side_for_its_people_when_nothing_else_tells(gazetteer, rules):
    people = people_of("A fighter with the call sign Kamaz, 44, remembers the plant.", gazetteer, rules, home=Side.RU)
    assert [p.side for p in people.introduced.values()] == [Side.RU]


@pytest.mark.parametrize("sentence,name,kind", [tuple(e) for e in __import__("events.rules", fromlist=["load_rules"]).load_rules().persons.examples])
def test_the_rules_files_examples_introduce_their_person(sentence, name, kind, gazetteer, rules):
    people = people_of(sentence, gazetteer, rules)
    (person,) = people.introduced.values()
    assert name in person.names and person.fighter is (kind == "fighter")
