"""Stage 3, events/voices.py: who speaks in each sentence, following the article. Short articles
written for these tests; each case gives the claimant each sentence's claim belongs to ("" for
none: the outlet's own voice)."""

import datetime as dt

import pytest

from events import Article, PublishedDate
from events.articles import article_id
from events.extract import geocode
from events.mentions import read_mentions
from events.voices import read_voices


def speakers_of(text, gazetteer, rules, source="Test Wire"):
    article = Article(id=article_id(text), path="t", text=text, source=source,
                      published=PublishedDate(dt.date(2024, 5, 15)))
    views = read_mentions(article, *geocode(article, gazetteer), rules)
    voices = read_voices(views, article, rules, {})
    return [(v.speakers()[-1].claimant if v.speakers() else "") for v in voices]


CASES = [
    ("in the sentence",
     "Russian troops captured Tonenke, the Russian defence ministry said.",
     ["Russian Ministry of Defence"]),
    ("according to",
     "According to the General Staff of Ukraine, troops withdrew from Toretsk.",
     ["Ukrainian General Staff"]),
    ("a role before the name",
     "Ukrainian army spokesman Ivan Petrenko said troops had left Toretsk.",
     ["Ivan Petrenko (Ukrainian army spokesman)"]),
    ("an apposition between name and verb",
     "Sergei Shoigu, the Russian defence minister, said troops had taken Lysychansk.",
     ["Sergei Shoigu (Russian Defence Minister 2012–2024)"]),
    ("an apposition with a possessive: the body named inside it does not speak",
     "On Monday, Valery Gerasimov, Russia's chief of the General Staff, told Vladimir Putin that troops had taken Tonenke.",
     ["Valery Gerasimov (Chief of the Russian General Staff)"]),
    ("a Moscow-installed official is on Russia's side",
     "Vitaly Ivanov, the Moscow-installed head of the region, said troops had taken Tonenke.",
     ["Vitaly Ivanov (Moscow-installed head of the region)"]),
    ("a headline credit after a dash", "Russians occupy Ocheretyne – DeepState", ["DeepState"]),
    ("a headline credit before a colon", "DeepState: Russian forces captured Ocheretyne", ["DeepState"]),
    ("a known surname after another given name is another person, and stays so",
     "Petro Voloshyn, a Ukrainian army spokesman, said troops had left Toretsk. Later Voloshyn said "
     "they held Krynky.",
     ["Petro Voloshyn (Ukrainian army spokesman)", "Petro Voloshyn (Ukrainian army spokesman)"]),
    ("a given name in another spelling is the same person",
     "General Alexander Syrsky said troops had left Toretsk.",
     ["Oleksandr Syrskyi (Ukrainian Commander-in-Chief)"]),
    ("a participle clause between speaker and verb",
     "Vladimir Putin, visiting a command post on Saturday, congratulated the troops on taking Tonenke.",
     ["Vladimir Putin (Russian President)"]),
    ("the body named in a speaker's apposition does not speak",
     "Viktor Trehubov, spokesman for the Khortytsia group, has denied the Russian fake claiming the capture of Toretsk.",
     ["Viktor Trehubov (Khortytsia group spokesman)"]),
    ("a bracketed note names who posted the post below it, up to the next note",
     "[Telegram post, Russian military blogger channel, 14 May 2024, 21:40]\n\nOur units entered Tonenke.\n\n"
     "[Telegram, DeepState, translated]\n\nThe enemy advanced in Tonenke.",
     ["", "Russian media", "", "DeepState"]),
    ("an embedded post speaks for its author in the paragraph before its signature line",
     "Russia's defence ministry gave an update.\n\nBreaking: our forces have liberated Tonenke.\n\n"
     "Glory to the heroes. pic.twitter.com/abc — MFA Russia (@mfa_russia) May 14, 2024",
     ["", "Russian officials", ""]),
    ("a signature line below a quotation speaks for it, not for the paragraph after it",
     '"Our units have left Tonenke."\n– Oleksandr Syrskyi, on Telegram, 13 May\n\nRussian troops entered Umanske.',
     ["Oleksandr Syrskyi (Ukrainian Commander-in-Chief)", "", ""]),
    ("a signature line below an interview answer speaks for the answer, not the question",
     "Q: Is Umanske still held?\nA: No. Our units left Umanske last week.\n\n— Viktor Trehubov, spokesman for the Khortytsia group",
     ["", "Viktor Trehubov (Khortytsia group spokesman)", ""]),
    ("a credit line naming no claimant signs nothing",
     "Russian troops entered Umanske.\n– Reporting by Ivan Petrenko",
     ["", ""]),
    ("an interview's answers are the interviewee's, its questions nobody's",
     "Suspilne spoke to Viktor Trehubov, spokesman for the Khortytsia group.\n\nQ: Is Umanske still held?\n"
     "A: No. Our units left Umanske last week.",
     ["", "", "Viktor Trehubov (Khortytsia group spokesman)"]),
    ("a transcript's labels: the interviewee's lines are theirs, the host's are not",
     "Suspilne spoke to Viktor Trehubov.\n\nHOST: What about Umanske?\nTREHUBOV: Our units left Umanske last week.\n"
     "HOST: And Tonenke?\nTREHUBOV: Tonenke is a grey zone.",
     ["", "", "Viktor Trehubov (Khortytsia group spokesman)", "", "Viktor Trehubov (Khortytsia group spokesman)"]),
    ("an interview's person named, not the title in the heading above",
     "Transcript: Khortytsia spokesman on the front\n\nAn interview given by Viktor Trehubov to the telethon.\n\n"
     "Host: Is Umanske held?\nTrehubov: Our units have left Umanske. The enemy is in Tonenke.",
     ["", "", "", "Viktor Trehubov (Khortytsia group spokesman)", "Viktor Trehubov (Khortytsia group spokesman)"]),
    ("an explainer's unmarked question subheads after 'in an interview' are no interview",
     "Oleksandr Syrskyi said in an interview on Sunday that the situation was difficult.\n\nWhat has happened in Tonenke?\n"
     "Russian forces captured Tonenke in April.",
     ["Oleksandr Syrskyi (Ukrainian Commander-in-Chief)", "", ""]),
    ("the outlet's prose after an interview is the outlet's; the interviewee is the one 'spoken to'",
     "After Igor Konashenkov announced the capture of Tonenke, Hromadske spoke to a Ukrainian battalion commander.\n\n"
     "Q: Is Tonenke lost?\nA: We withdrew from Tonenke a week ago.\n\nRussian forces took Umanske in April.",
     ["Igor Konashenkov (Russian Defence Ministry spokesman)", "", "Ukrainian military", ""]),
    ("the one who 'spoke to' an outlet is the interviewee",
     "Nazar Voloshyn spoke to the Kyiv Independent about the front.\n\nQ: What happened in Tonenke?\n\n"
     "A: Our units left Tonenke last week.",
     ["", "", "Nazar Voloshyn (Khortytsia group spokesman)"]),
    ("an explainer's question subhead after a speaker's sentence is no interview",
     "Zelensky, speaking to reporters in Kyiv, said the front was holding.\n\nWhy does Tonenke matter?\n\n"
     "Russian troops captured Tonenke in May.",
     ["Volodymyr Zelensky (President of Ukraine)", "", ""]),
    ("the next sentence of the same paragraph goes on",
     "Ukraine's General Staff said troops had left Krynky. Units moved to prepared positions.",
     ["Ukrainian General Staff", "Ukrainian General Staff"]),
    ("a new paragraph is the outlet's own",
     "Ukraine's General Staff said troops had left Krynky.\n\nRussian troops then entered Krynky.",
     ["Ukrainian General Staff", ""]),
    ("'Specifically' continues the last speaker",
     "Zelensky said the front was hard.\n\nSpecifically, Russian troops entered Vovchansk.",
     ["Volodymyr Zelensky (President of Ukraine)", "Volodymyr Zelensky (President of Ukraine)"]),
    ("'the ministry' is the ministry named before",
     "Russia's defence ministry gave an update. Zelensky spoke in Kyiv.\n\nThe ministry said troops took Tonenke.",
     ["", "", "Russian Ministry of Defence"]),
    ("a Source line speaks for the Details under it",
     "Source: Hanna Maliar on Telegram\n\nDetails: Ukrainian forces liberated Robotyne.",
     ["Hanna Maliar (Ukrainian Deputy Defence Minister)", "Hanna Maliar (Ukrainian Deputy Defence Minister)"]),
    ("a side's claim cited in passing is that side's",
     "Kyiv rejected Russian claims that troops had seized Toretsk.",
     ["Russian government"]),
]


@pytest.mark.parametrize("what, text, expected", CASES, ids=[c[0] for c in CASES])
def test_who_speaks(gazetteer, rules, what, text, expected):
    assert speakers_of(text, gazetteer, rules) == expected


@pytest.mark.parametrize("published, expected", [
    (dt.date(2024, 5, 15), "Oleksandr Syrskyi (Ukrainian Commander-in-Chief)"),
    (dt.date(2023, 9, 18), "Oleksandr Syrskyi"),  # before he held the post: still Ukraine's voice
])
def test_a_post_holder_speaks_for_his_side_before_and_after_the_post(gazetteer, rules, published, expected):
    text = "Oleksandr Syrskyi said his troops had recaptured Tonenke."
    article = Article(id=article_id(text), path="t", text=text, source="Test Wire", published=PublishedDate(published))
    voices = read_voices(read_mentions(article, *geocode(article, gazetteer), rules), article, rules, {})
    speaker = voices[0].speakers()[-1]
    assert (speaker.claimant, str(speaker.side)) == (expected, "UA")
