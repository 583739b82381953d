"""Stage 2, events/changes.py: the changes of control a sentence tells of, from its words alone.
Sentences written for these tests; each case reads as (kind, places or pointer, acting side,
denial, history) per change."""

import datetime as dt

import pytest

from events import Article, PublishedDate
from events.articles import article_id
from events.changes import find_changes
from events.extract import geocode
from events.mentions import read_mentions


def changes_of(text, gazetteer, rules):
    article = Article(id=article_id(text), path="t", text=text, published=PublishedDate(dt.date(2024, 5, 15)))
    [view] = read_mentions(article, *geocode(article, gazetteer), rules)
    return [(str(c.kind), [t.place.name if t.place else t.pointer for t in c.targets], c.agent, c.denial, c.history)
            for c in find_changes(view, rules)]


CASES = [
    # lists, subjects, objects
    ("Russian troops captured Tonenke, Orlivka and Umanske.",
     [("capture", ["Tonenke", "Orlivka", "Umanske"], "RU", "", False)]),
    ("The six (Tonenke, Xyzivka, First Abc, and Umanske) were liberated by Russian troops.",
     [("capture", ["Tonenke", "Xyzivka", "First Abc", "Umanske"], "RU", "", False)]),  # names the gazetteer lacks, listed
    ("The ministry says the villages of Tonenke in the Donetsk region and First Abc were liberated.",
     [("capture", ["Tonenke"], "passive", "", False)]),  # "First" is a name here, not history
    ("Tonenke, Orlivka and Umanske were liberated by units of the Centre group of forces.",
     [("capture", ["Tonenke", "Orlivka", "Umanske"], "RU", "", False)]),
    ("The ministry listed Otradne in the Kharkiv region, Tonenke and Umanske in the Donetsk region as captured.",
     # "listed A, B and C as captured" claims them; "as captured" after the list names its last one again (one
     # claim each in the end)
     [("capture", ["Otradne", "Tonenke", "Umanske"], "", "", False), ("capture", ["Umanske"], "", "", False)]),
    ("The ministry listed the three captured villages as Tonenke, Orlivka and Umanske.",
     [("capture", ["Tonenke", "Orlivka", "Umanske"], "", "", False)]),  # a counted change, named after "as"
    ("Orlivka fell in March, followed by Umanske in April.",
     [("capture", ["Orlivka", "Umanske"], "", "", False)]),
    ("Russian soldiers hoisted flags in Tonenke, Xyzivka, and Umanske.",
     [("capture", ["Tonenke", "Xyzivka", "Umanske"], "RU", "", False)]),  # a name the gazetteer lacks, listed
    ("Russian soldiers hoisted a flag on the roof of a school in Tonenke.",
     [("contested", ["Tonenke"], "RU", "", False)]),  # one building is not the village: contested, no capture of it
    ("Ukrainian forces have taken back the village of Robotyne.", [("recapture", ["Robotyne"], "UA", "", False)]),
    ("Tonenke, in the north of Donetsk Oblast, was apparently among the settlements liberated.",
     [("capture", ["Tonenke"], "", "", False)]),
    ("Kupiansk, a railway hub in the Kharkiv region, has been fully liberated.",
     [("capture", ["Kupiansk"], "passive", "", False)]),  # a passive with nobody named
    # shares of a place
    ("Russian troops now control most of Toretsk.", [("partial", ["Toretsk"], "RU", "", False)]),
    ("Russian units seized the eastern part of Chasiv Yar.", [("partial", ["Chasiv Yar"], "RU", "", False)]),
    ("In the city of Toretsk the residential districts have been fully liberated.",
     [("partial", ["Toretsk"], "passive", "", False)]),
    ("Russian forces have gained a foothold in Siversk.", [("partial", ["Siversk"], "RU", "", False)]),
    # fighting, entering: contested
    ("Russian troops entered Vovchansk from the north.", [("contested", ["Vovchansk"], "RU", "", False)]),
    ("Street fighting continues in Toretsk.", [("contested", ["Toretsk"], "", "", False)]),
    ("Kyiv rejected reports of a Russian \"breakthrough\" in Toretsk.",
     [("contested", ["Toretsk"], "RU", "refuted", False)]),
    ("Fighting raged near Toretsk.", []),  # near a place is not in it
    ("Ukrainian defenders repelled six attacks near Kupiansk.", []),
    # withdrawals, the actor's side
    ("Ukrainian troops withdrew from Avdiivka.", [("withdrawal", ["Avdiivka"], "UA", "", False)]),
    ("Our units moved to more advantageous positions near Vovchansk.",
     [("withdrawal", ["Vovchansk"], "own", "", False)]),
    ("Ukrainian units pulled back from positions in two villages close to Avdiivka.",
     [("withdrawal", [], "UA", "", False)]),  # unnamed villages: no claim of Avdiivka
    ("Russia's defence ministry said its troops had pulled back from Izium.",
     [("withdrawal", ["Izium"], "RU", "", False)]),
    ("The Southern Military District pushed into Ukrainian defence positions and captured Tonenke.",
     [("contested", [], "RU", "", False), ("capture", ["Tonenke"], "RU", "", False)]),  # the lines hit are not the actor
    # denials
    ("Russian forces have not captured Kurakhove.", [("capture", ["Kurakhove"], "RU", "negated", False)]),
    ("Kyiv contests the town's capture.", [("capture", ["the town"], "", "refuted", False)]),  # Kyiv denies, it did not act
    ("Kyiv denied the Russian fake claiming the capture of Toretsk.",
     [("capture", ["Toretsk"], "", "refuted", False)]),
    ("Kyiv rejected claims that Russian troops had taken Toretsk.",
     [("capture", ["Toretsk"], "RU", "refuted", False)]),
    ("Reports that Russian troops have occupied Toretsk are false.",
     [("capture", ["Toretsk"], "RU", "false", False)]),
    ("Ukrainian troops still hold Kurakhove.", [("denial", ["Kurakhove"], "UA", "", False)]),
    # pointers back
    ("Russian troops entered the town on Monday.", [("contested", ["the town"], "RU", "", False)]),
    ("Ukrainian forces retook it in September.", [("recapture", ["it"], "UA", "", False)]),
    # plans and hypotheses are nothing
    # the forces named after "by" acted; officials "by" whom it was confirmed did not
    ("The capture of Vovchansk by Russian troops was announced on Monday.", [("capture", ["Vovchansk"], "RU", "", False)]),
    ("The liberation of Vovchansk was completed by Ukrainian units overnight.",
     [("capture", ["Vovchansk"], "UA", "", False)]),
    ("The liberation of Vovchansk was confirmed by Ukrainian officials.", [("capture", ["Vovchansk"], "", "", False)]),
    ("Vovchansk was taken by Russian forces on Monday.", [("capture", ["Vovchansk"], "RU", "", False)]),
    ("Vovchansk has been taken under full control by Ukrainian units.", [("capture", ["Vovchansk"], "UA", "", False)]),
    ("The commander was taken by surprise in Vovchansk.", []),
    ("Russian troops took the town's hospital in Vovchansk.", []),
    ("Ocheretyne is now fully under Russian control.", [("capture", ["Ocheretyne"], "RU", "", False)]),
    ("Robotyne is back under Ukrainian control.", [("capture", ["Robotyne"], "UA", "", False)]),
    ("Russian forces are now in full control of Vuhledar.", [("capture", ["Vuhledar"], "RU", "", False)]),
    ("Ukrainian troops are in control of Robotyne.", []),  # a holding, not a change
    # forces as the subject of a passive suffered it: the other side acted
    ("Ukrainian troops were driven out of Ocheretyne.", [("capture", ["Ocheretyne"], "RU", "", False)]),
    ("Russian claims that Robotyne has been captured are false.", [("capture", ["Robotyne"], "passive", "false", False)]),
    # a site inside a place or named after it is a part of it; things taken are no ground
    ("Russian forces captured two ammunition depots in Avdiivka.", [("partial", ["Avdiivka"], "RU", "", False)]),
    ("Russian troops captured the Avdiivka coke plant.", [("partial", ["Avdiivka"], "RU", "", False)]),
    ("Russia's capture of Ocheretyne opened the way west.", [("capture", ["Ocheretyne"], "RU", "", False)]),
    ("The capture of weapons in Avdiivka was reported.", [("capture", [], "", "", False)]),
    ("Ukrainian marines were rotated out of Krynky.", [("withdrawal", ["Krynky"], "UA", "", False)]),  # they left
    ("Russian forces forced Ukrainian troops to leave Semenivka.", [("withdrawal", ["Semenivka"], "UA", "", False)]),
    ("The Russian tricolour was raised over Semenivka.", [("capture", ["Semenivka"], "RU", "", False)]),
    ("Ukrainian units manoeuvred to more advantageous positions near Semenivka.",
     [("withdrawal", ["Semenivka"], "UA", "", False)]),  # the forces named, not the claimant's
    ("Our units moved to more advantageous positions near Semenivka.", [("withdrawal", ["Semenivka"], "own", "", False)]),
    ("Russian forces attacked and our units moved to more advantageous positions near Semenivka.",
     [("withdrawal", ["Semenivka"], "own", "", False)]),  # the nearest side word, not the first
    ("Russian forces seized several streets in the north of Vovchansk.", [("partial", ["Vovchansk"], "RU", "", False)]),
    # fighting inside a place, in its many shapes, is contested
    ("Street fighting is under way in Myrnohrad.", [("contested", ["Myrnohrad"], "", "", False)]),
    ("Heavy fighting is ongoing in Toretsk.", [("contested", ["Toretsk"], "", "", False)]),
    ("Ukrainian soldiers are fighting house to house in Toretsk.", [("contested", ["Toretsk"], "UA", "", False)]),
    ("Krynky has become a grey zone.", [("contested", ["Krynky"], "", "", False)]),
    ("Russian troops broke through into the centre of Toretsk.", [("contested", ["Toretsk"], "RU", "", False)]),
    ("Fighting continues near Toretsk.", []),
    ("Krynky is now a grey zone.", [("contested", ["Krynky"], "", "", False)]),
    ("Russian forces are clearing Krasnohorivka of Ukrainian troops.", [("contested", ["Krasnohorivka"], "RU", "", False)]),
    ("Bakhmut fell last year.", [("capture", ["Bakhmut"], "", "", False)]),
    ("Shells fell on Kharkiv overnight.", [("capture", [], "", "", False)]),  # no place fell
    ("Russian forces took the villages of Pletenivka and Ohirtseve.",
     [("capture", ["Pletenivka", "Ohirtseve"], "RU", "", False)]),
    ("Robotyne has not been captured.", [("capture", ["Robotyne"], "passive", "negated", False)]),
    ("Control over Ocheretyne has been established.", [("capture", ["Ocheretyne"], "", "", False)]),
    ("Russian soldiers raised a flag over a building in central Toretsk.", [("contested", ["Toretsk"], "RU", "", False)]),
    ("Neither side fully controls Robotyne.", [("contested", ["Robotyne"], "", "", False)]),  # a grey zone
    ("Neither side captured Robotyne.", []),
    ("Kupiansk is under Russian control.", []),  # a holding, told with no change
    ("Tonenke has been under Russian control since March.", [("capture", ["Tonenke"], "RU", "", False)]),
    ("Russian forces are trying to capture Pokrovsk.", []),
    ("Fierce battles to seize the bridge went on at Toretsk.", []),  # an aim, told with a bare "to"
    ("Taking Selydove would open the way to Pokrovsk.", []),
    ("Russia could seize Kupiansk within weeks.", []),
    # vows, orders, goals, options and hypotheses are prospects; an ordered or forced withdrawal is one
    ("Moscow has vowed to take Kharkiv.", []),
    ("Russian units were ordered to take Chasiv Yar by May 9.", []),
    ("Russia's goal is the capture of Kostiantynivka.", []),
    ("Ukraine is considering a withdrawal from Avdiivka.", []),
    ("Ukraine may be forced to withdraw from Krynky.", []),
    ("The loss of Pokrovsk would be a blow to Kyiv.", []),
    ("The capture of Avdiivka was announced on Monday, and Russia will push on.",
     [("capture", ["Avdiivka"], "", "", False)]),
    ("Ukrainian troops were ordered to withdraw from Kherson.", [("withdrawal", ["Kherson"], "UA", "", False)]),
    ("Ukrainian troops managed to retake Robotyne.", [("recapture", ["Robotyne"], "UA", "", False)]),
    # history
    ("Avdiivka, which Russia captured in February, lies west of Donetsk.", [("capture", ["which"], "RU", "", True)]),
    ("Lyman, recaptured by Ukraine in October 2022, is a rail hub.", [("recapture", ["Lyman"], "UA", "", False)]),
    ("Robotyne was first captured by Russian forces in February 2022.", [("capture", ["Robotyne"], "RU", "", True)]),
    ("The fall of Avdiivka in February opened the way west.", [("capture", ["Avdiivka"], "", "", False)]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:50] for c in CASES])
def test_the_changes_a_sentence_tells_of(gazetteer, rules, text, expected):
    assert changes_of(text, gazetteer, rules) == expected
