"""Stages 4 and 5, events/drafts.py and events/assemble.py: from changes and voices to claims, one
per (place, claimant, kind of change). Short articles written for these tests, published on
Wednesday 15 May 2024; each case lists the claims as (place, type, gains, claimant, date,
precision[, "history"])."""

import datetime as dt

import pytest

from events import Article, PublishedDate, extract_claims
from events.articles import article_id

PUBLISHED = PublishedDate(dt.date(2024, 5, 15))


def claims_of(text, gazetteer, rules, source="Test Wire"):
    article = Article(id=article_id(text), path="t", text=text, source=source, published=PUBLISHED)
    return extract_claims(article, gazetteer, rules).claims


def rows(claims):
    return [(c.settlement, str(c.event_type), str(c.gaining_side), c.claimant, str(c.event_date),
             str(c.date_precision), *(["history"] if c.background else [])) for c in claims]


CASES = [
    ("a timeline's dated entries, each on its own day or month",
     "These are the settlements the Russian Defence Ministry said it liberated this year:\n\n"
     "February 17 - Hostre.\nMarch - Tykhe.",
     [("Hostre", "capture", "RU", "Russian Ministry of Defence", "2024-02-17", "day"),
      ("Tykhe", "capture", "RU", "Russian Ministry of Defence", "2024-03-01", "month")]),
    ("the side a claimant tells of its own gains",
     "The Russian defence ministry said units had liberated Tonenke on Monday.",
     [("Tonenke", "capture", "RU", "Russian Ministry of Defence", "2024-05-13", "day")]),
    ("a Ukrainian liberation of a Ukrainian village retakes it",
     "Ukrainian troops liberated Robotyne, the General Staff said.",
     [("Robotyne", "recapture", "UA", "Ukrainian General Staff", "2024-05-15", "day")]),
    ("'has fallen': whoever did not hold it",
     "Analysts said Vuhledar has fallen.",
     [("Vuhledar", "capture", "RU", "journalist (Test Wire)", "2024-05-15", "day")]),
    ("a pointer takes the place named before",
     "Fierce battles raged for Chasiv Yar. Russian troops entered the town on Tuesday, the defence ministry said.",
     [("Chasiv Yar", "contested", "none", "defence ministry", "2024-05-14", "day")]),
    ("'took the town': the place named before",
     "Street battles went on in Chasiv Yar for weeks. Russian troops have taken the town, the Russian defence "
     "ministry said on Monday.",
     [("Chasiv Yar", "contested", "none", "journalist (Test Wire)", "2024-05-15", "day"),
      ("Chasiv Yar", "capture", "RU", "Russian Ministry of Defence", "2024-05-13", "day")]),
    ("a bare 'the army' and a spokesman of no side: the side that withdrew tells of it",
     "Ukraine pulled its troops out of Vuhledar, the army said. Units retreated from Tonenke, a military spokesman said.",
     [("Vuhledar", "withdrawal", "RU", "Ukrainian military", "2024-05-15", "day"),
      ("Tonenke", "withdrawal", "RU", "Ukrainian military spokesman", "2024-05-15", "day")]),
    ("a claim called false: the claim is the side's it is cited as, the denial the speaker's",
     "The Russian claim that its forces took Tonenke is untrue, a Ukrainian army spokesman said.",
     [("Tonenke", "capture", "RU", "Russian government", "2024-05-15", "day"),
      ("Tonenke", "denial", "RU", "Ukrainian military", "2024-05-15", "day")]),
    ("a claim called false in the outlet's own voice",
     "Russian claims that Robotyne has been captured are false.",
     [("Robotyne", "capture", "RU", "Russian government", "2024-05-15", "day"),
      ("Robotyne", "denial", "RU", "journalist (Test Wire)", "2024-05-15", "day")]),
    ("control claimed now, and 'a claim denied by' who names no verb of its own",
     "Moscow says it now controls Tonenke, a claim denied by Kyiv.",
     [("Tonenke", "capture", "RU", "Russian government", "2024-05-15", "day"),
      ("Tonenke", "denial", "RU", "Ukrainian government", "2024-05-15", "day")]),
    ("a site inside a place, or named after it, is a part of the place",
     "Russian troops captured the Avdiivka coke plant, the Russian defence ministry said. Russian troops "
     "also seized two ammunition depots in Tonenke, the Russian defence ministry said.",
     [("Avdiivka", "partial", "RU", "Russian Ministry of Defence", "2024-05-15", "day"),
      ("Tonenke", "partial", "RU", "Russian Ministry of Defence", "2024-05-15", "day")]),
    ("'At the meeting, ...': the day of the occasion told before",
     "Vladimir Putin toured a command post on Monday. Shelling went on elsewhere. At the meeting, Putin was "
     "briefed that Russian troops had captured Tonenke.",
     # told to Putin: his commanders' claim
     [("Tonenke", "capture", "RU", "Russian military (briefing Vladimir Putin)", "2024-05-13", "day")]),
    ("a date in the speaker's relative clause is the speaker's past, not the change's day",
     "Igor Girkin, who in 2014 led separatist forces, announced that Russian troops had left Kupiansk.",
     [("Kupiansk", "withdrawal", "UA", "Igor Girkin (Strelkov), Russian nationalist commentator", "2024-05-15",
       "day")]),
    ("the day the change happened, not the day it was told",
     "The Russian defence ministry said on Tuesday that its forces had taken Tonenke. It said the village fell "
     "on Sunday after a week of fighting.",
     [("Tonenke", "capture", "RU", "Russian Ministry of Defence", "2024-05-12", "day")]),
    ("'During the visit': the day of the visit, not of the last sentence that gave a day",
     "Zelensky visited Kharkiv on May 3. Russian forces shelled Vovchansk on May 10. During the visit, Zelensky "
     "said Ukrainian forces had liberated Robotyne.",
     [("Robotyne", "recapture", "UA", "Volodymyr Zelensky (President of Ukraine)", "2024-05-03", "day")]),
    ("a frame of unnamed villages, named later",
     "Ukrainian forces withdrew from several villages on Tuesday, the General Staff said. "
     "The villages involved, Lukiantsi and Vovchansk, lie near the border.",
     [("Lukiantsi", "withdrawal", "RU", "Ukrainian General Staff", "2024-05-14", "day"),
      ("Vovchansk", "withdrawal", "RU", "Ukrainian General Staff", "2024-05-14", "day")]),
    ("a denial in the next sentence carries the gain it denies",
     "Russian troops captured Urozhaine, the Russian defence ministry said. Ukraine's General Staff denied this.",
     [("Urozhaine", "capture", "RU", "Russian Ministry of Defence", "2024-05-15", "day"),
      ("Urozhaine", "denial", "RU", "Ukrainian General Staff", "2024-05-15", "day")]),
    ("'two days earlier' counts from the day the text gave",
     "Kyiv confirmed on Tuesday that Russian troops had entered Lyptsi. DeepState had reported that Russian "
     "troops entered Lyptsi two days earlier.",
     [("Lyptsi", "contested", "none", "Ukrainian government", "2024-05-14", "day"),
      ("Lyptsi", "contested", "none", "DeepState", "2024-05-12", "day")]),
    ("history told in passing keeps its own date",
     "Russian troops retook Robotyne, the Russian defence ministry said on Wednesday. Ukrainian troops had "
     "liberated the village in August 2023.",
     [("Robotyne", "recapture", "RU", "Russian Ministry of Defence", "2024-05-15", "day"),
      ("Robotyne", "recapture", "UA", "journalist (Test Wire)", "2023-08-01", "month", "history")]),
    ("the headline and the body are one claim",
     "Russia takes Tonenke\n\nRussian troops have taken Tonenke, the Russian defence ministry said on Monday.",
     [("Tonenke", "capture", "RU", "Russian Ministry of Defence", "2024-05-13", "day")]),
    ("a ministry named without its side is the one the article names later",
     "Russian troops take Tonenke, defence ministry says\n\nThe Russian Defence Ministry said on Monday its "
     "forces had taken Tonenke.",
     [("Tonenke", "capture", "RU", "Russian Ministry of Defence", "2024-05-13", "day")]),
    ("the day a claimant spoke holds for what they say next",
     "Hanna Maliar, the deputy defence minister, said on Monday that the army held firm. Maliar wrote on "
     "Telegram that \"Robotyne has been liberated\".",
     [("Robotyne", "recapture", "UA", "Hanna Maliar (Ukrainian Deputy Defence Minister)", "2024-05-13", "day")]),
    ("the outlet telling a change after a claimant did is the outlet's own claim",
     "Ukraine's General Staff said on Monday that Robotyne had been liberated.\n\nUkrainian troops had won "
     "back Robotyne this week.",
     [("Robotyne", "recapture", "UA", "Ukrainian General Staff", "2024-05-13", "day"),
      ("Robotyne", "recapture", "UA", "journalist (Test Wire)", "2024-05-15", "week")]),
    ("each place of a list keeps the date told right after it",
     "Orlivka fell in March, followed by Umanske in April.",
     [("Orlivka", "capture", "RU", "journalist (Test Wire)", "2024-03-01", "month", "history"),
      ("Umanske", "capture", "RU", "journalist (Test Wire)", "2024-04-01", "month", "history")]),
    ("a tail clause denies the sentence's claim ('..., a claim X rejected')",
     "Russia's defence ministry said on Monday its troops had captured Tonenke, a claim the Ukrainian military "
     "rejected.",
     [("Tonenke", "capture", "RU", "Russian Ministry of Defence", "2024-05-13", "day"),
      ("Tonenke", "denial", "RU", "Ukrainian military", "2024-05-13", "day")]),
    ("reports rejected as false by a claimant named after them: the reports' claim and its denial",
     "Reports that Russian media spread on Monday, saying Russian forces had seized Tonenke, have been rejected "
     "as false by the Ukrainian military.",
     [("Tonenke", "capture", "RU", "Russian media", "2024-05-13", "day"),
      ("Tonenke", "denial", "RU", "Ukrainian military", "2024-05-13", "day")]),
    ("'the previous day' counts from the day its sentence gave",
     "Ukraine's military said on Tuesday that its forces still hold Kurakhove, despite Russian claims to have "
     "seized control of it the previous day.",
     [("Kurakhove", "denial", "RU", "Ukrainian military", "2024-05-14", "day"),
      ("Kurakhove", "capture", "RU", "Russian government", "2024-05-13", "day")]),
    ("a denial in the tail keeps the day the tail gives",
     "On Monday, Russia's defence ministry said its troops had captured Tonenke, a claim the Ukrainian military "
     "rejected on Tuesday.",
     [("Tonenke", "capture", "RU", "Russian Ministry of Defence", "2024-05-13", "day"),
      ("Tonenke", "denial", "RU", "Ukrainian military", "2024-05-14", "day")]),
    ("a unit's spokesperson telling of its side's gain is that side's",
     "Ukrainian forces have retaken Tonenke, the brigade's spokesperson said on Monday.",
     [("Tonenke", "recapture", "UA", "Ukrainian military spokesman", "2024-05-13", "day")]),
    ("a change with no day of its own takes the day its sentence gives",
     "The village's status was disputed on Sunday after Moscow rejected a report by its own official that "
     "Tonenke had been recaptured by Ukrainian forces.",
     [("Tonenke", "denial", "UA", "Russian government", "2024-05-12", "day")]),
    ("fighting a denial says goes on inside is a contested claim of its own beside it",
     "Reports of Toretsk being occupied are false, fighting in the city goes on, DeepState said on Monday.",
     [("Toretsk", "denial", "RU", "DeepState", "2024-05-13", "day"),
      ("Toretsk", "contested", "none", "DeepState", "2024-05-13", "day")]),
    ("a month's tally under a header that tells the change: each line dated by its weekday and day of that month",
     "Villages Ukraine lost in April:\nTue 2 — Tykhe, Hostre. The push began at dawn.\nFri 12 — Umanske.",
     [("Tykhe", "capture", "RU", "journalist (Test Wire)", "2024-04-02", "day"),
      ("Hostre", "capture", "RU", "journalist (Test Wire)", "2024-04-02", "day"),
      ("Umanske", "capture", "RU", "journalist (Test Wire)", "2024-04-12", "day")]),
    ("a claims tracker's header names its claimant after the change; a line's weekday may fall in the month after",
     "Retaken by Russia, according to the Defence Ministry (26 April to 2 May):\nFri 26 — Tykhe\nThu 2 — Hostre, Umanske",
     [("Tykhe", "recapture", "RU", "Russian Ministry of Defence", "2024-04-26", "day"),
      ("Hostre", "recapture", "RU", "Russian Ministry of Defence", "2024-05-02", "day"),
      ("Umanske", "recapture", "RU", "Russian Ministry of Defence", "2024-05-02", "day")]),
    ("a siege beside a holder's denial is part of the denial",
     "Moscow claimed Toretsk on Sunday. Toretsk remains under Ukrainian control, though the enemy keeps storming it, "
     "DeepState said on Monday.",
     [("Toretsk", "capture", "RU", "Russian government", "2024-05-12", "day"),
      ("Toretsk", "denial", "RU", "DeepState", "2024-05-13", "day")]),
    ("a side that declines to acknowledge a loss denies it",
     "Ukraine has declined to acknowledge that Soledar is lost.",
     [("Soledar", "denial", "RU", "Ukrainian government", "2024-05-15", "day")]),
    ("a sentence with an aim of its own does not name a frame's villages",
     "Russian troops captured several villages, the ministry said. Work to liberate Toretsk and the villages "
     "nearby goes on.",
     []),
    ("the outlet retelling a claim told before ('reportedly') is that claim",
     "The Russian defence ministry said its troops captured Tonenke on Monday. Its southern group reportedly "
     "captured Tonenke after heavy fighting.",
     [("Tonenke", "capture", "RU", "Russian Ministry of Defence", "2024-05-13", "day")]),
    ("an embedded post's claim is dated by its signature",
     "Breaking: our forces have liberated Tonenke.\n\nGlory to the heroes. pic.twitter.com/abc — MFA Russia "
     "(@mfa_russia) May 13, 2024",
     [("Tonenke", "capture", "RU", "Russian officials", "2024-05-13", "day")]),
    ("a quotation signed on the line below it is its signer's, on the signature's day; the next one's day is not it",
     "\"Our units have withdrawn from Tonenke.\"\n– Oleksandr Syrskyi, on Telegram, 13 May\n\n"
     "\"The enemy has entered Umanske.\"\n– Dmytro Lykhovyi, Tavria group spokesman",
     [("Tonenke", "withdrawal", "RU", "Oleksandr Syrskyi (Ukrainian Commander-in-Chief)", "2024-05-13", "day"),
      ("Umanske", "contested", "none", "Dmytro Lykhovyi (Tavria group spokesman)", "2024-05-15", "day")]),
    ("a name left unresolved in one sentence is the place it resolved to in another: one claim",
     "Russian troops liberated Spornoye in the Donetsk People's Republic and Nevskoye in the Lugansk People's Republic "
     "over the past week, the Russian defence ministry said on Saturday. \"Units of the Yug group liberated Spornoye and "
     "improved their position,\" the ministry said. Units of the Zapad group took Nevskoye and repelled counterattacks "
     "by Ukrainian assault groups, it added.",
     [("Spornoye", "capture", "RU", "Russian Ministry of Defence", "2024-05-11", "week"),
      ("Nevskoye", "capture", "RU", "Russian Ministry of Defence", "2024-05-11", "week")]),
    ("a weekday told alone dates what follows it in its paragraph, until the next one",
     "Weekend round-up. SATURDAY. Russia's defence ministry announced the capture of Tonenke. SUNDAY. The ministry "
     "said its units had also taken Umanske.",
     [("Tonenke", "capture", "RU", "Russian Ministry of Defence", "2024-05-11", "day"),
      ("Umanske", "capture", "RU", "Russian Ministry of Defence", "2024-05-12", "day")]),
    ("a weekday heading on a line of its own dates the paragraphs under it, until the next heading",
     "SATURDAY\n\nRussia's defence ministry said its forces had captured Tonenke.\n\nSUNDAY\n\n"
     "Ukraine's General Staff said its troops had withdrawn from Umanske.",
     [("Tonenke", "capture", "RU", "Russian Ministry of Defence", "2024-05-11", "day"),
      ("Umanske", "withdrawal", "RU", "Ukrainian General Staff", "2024-05-12", "day")]),
    ("a source in a regional military-civilian administration is that place's authorities",
     "A source in the Kharkiv military-civilian administration confirmed that Ukrainian troops had retaken "
     "Kupiansk.",
     [("Kupiansk", "recapture", "UA", "Kharkiv authorities", "2024-05-15", "day")]),
    ("two claimants saying the same thing are two claims",
     "Russian troops have taken Tonenke, the Russian defence ministry said. DeepState confirmed that "
     "Russian forces had taken Tonenke.",
     [("Tonenke", "capture", "RU", "Russian Ministry of Defence", "2024-05-15", "day"),
      ("Tonenke", "capture", "RU", "DeepState", "2024-05-15", "day")]),
    ("fighting beside a change of the same place is part of it",
     "Russian troops entered Tonenke and captured Tonenke after street fighting, the defence ministry in Moscow said.",
     [("Tonenke", "capture", "RU", "Russian Ministry of Defence", "2024-05-15", "day")]),
    ("a share beside the whole place, in one sentence, is the share",
     "\"We drove them out of Kupiansk and took control of 90% of the city,\" the Ukrainian General Staff said.",
     [("Kupiansk", "partial", "UA", "Ukrainian General Staff", "2024-05-15", "day")]),
    ("a date and 'since' in an apposition on the subject are the apposition's, not the change's",
     "Ukrainian officials said on Monday that Tonenke, a village of 1,200 people occupied since March, was back in "
     "Ukrainian hands.",
     [("Tonenke", "recapture", "UA", "Ukrainian government", "2024-05-13", "day")]),
    ("'close to A and B, two villages that Ukraine retook': both; and 'the town' after is not one of the villages",
     "Umanske lies close to Tonenke and Berdychi, two villages that Ukraine retook in the summer of 2023.\n\n"
     "Russian troops had been trying to close a pocket around Umanske since November. The fall of the town brings "
     "Russian forces closer to the border.",
     [("Umanske", "capture", "RU", "journalist (Test Wire)", "2024-05-15", "day"),
      ("Tonenke", "recapture", "UA", "journalist (Test Wire)", "2023-06-01", "season", "history"),
      ("Berdychi", "recapture", "UA", "journalist (Test Wire)", "2023-06-01", "season", "history")]),
    ("'the town' is no city of half a million named by the way",
     "A soldier walks down a street in Bucha, close to the capital Kyiv. Ukrainian troops retook the town on Monday.",
     [("Bucha", "recapture", "UA", "journalist (Test Wire)", "2024-05-13", "day")]),
    ("history in an apposition after a speaker's claim is the outlet's",
     "Russia said on Monday that its troops had recaptured Tonenke, the largest village seized by Ukraine in 2023.",
     [("Tonenke", "recapture", "RU", "Russian government", "2024-05-13", "day"),
      ("Tonenke", "recapture", "UA", "journalist (Test Wire)", "2023-01-01", "year", "history")]),
    ("a period's start in an apposition after the change ('a town on the front line since the spring of 2022') dates nothing",
     "Russian forces have pushed into Tonenke, a town that has stood on the front line since the spring of 2022, "
     "Ukrainian officials said on Tuesday.",
     [("Tonenke", "contested", "none", "Ukrainian government", "2024-05-14", "day")]),
    ("'since 2014, when militants seized it': the year of the 'when' clause dates the change",
     "Tonenke has been on the front line since 2014, when Russian troops briefly seized it.",
     [("Tonenke", "capture", "RU", "journalist (Test Wire)", "2014-01-01", "year", "history")]),
    ("a headline's 'the capture of X' with its side only guessed sums up the claim the article names",
     "What the capture of Tonenke means for Ukraine's counteroffensive\n\nUkraine said on Monday it had liberated "
     "Tonenke, a village in Zaporizhzhia region.",
     [("Tonenke", "recapture", "UA", "Ukrainian government", "2024-05-13", "day")]),
    ("'X, whose liberation the ministry announced in February': history of X, told by the ministry",
     "Umanske lies north-west of Tonenke, whose liberation the Russian defence ministry announced on 17 February.",
     [("Tonenke", "capture", "RU", "Russian Ministry of Defence", "2024-02-17", "day", "history")]),
    ("the date of a change told in an apposition after the place is that change's, not the main verb's",
     "Russia's military said on Monday it had recaptured Tetkino, the largest village seized by Ukraine last August.",
     [("Tetkino", "recapture", "RU", "Russian Ministry of Defence", "2024-05-13", "day"),
      ("Tetkino", "capture", "UA", "journalist (Test Wire)", "2023-08-01", "month", "history")]),
    ("a ministry's claim absorbed by its spokesman's keeps the ministry's day",
     "The Russian Defence Ministry said on Monday that its troops had captured Tonenke. Ministry spokesman Igor "
     "Konashenkov told a briefing that Tonenke was now under the full control of Russian troops.",
     [("Tonenke", "capture", "RU", "Igor Konashenkov (Russian Defence Ministry spokesman)", "2024-05-13", "day")]),
    ("a list gapped after the first takes the time told after it, its first place too",
     "Russia captured Tonenke on Monday, Umanske and Orlivka on Tuesday.",
     [("Tonenke", "capture", "RU", "journalist (Test Wire)", "2024-05-13", "day"),
      ("Umanske", "capture", "RU", "journalist (Test Wire)", "2024-05-14", "day"),
      ("Orlivka", "capture", "RU", "journalist (Test Wire)", "2024-05-14", "day")]),
    ("a change joined by 'and' to a later one dated long ago is history too, with no date of its own",
     "Tonenke was occupied by Russian forces in the early weeks of the war and liberated in September 2022.",
     [("Tonenke", "capture", "RU", "journalist (Test Wire)", "None", "unknown", "history"),
      ("Tonenke", "recapture", "UA", "journalist (Test Wire)", "2022-09-01", "month", "history")]),
]


@pytest.mark.parametrize("what, text, expected", CASES, ids=[c[0] for c in CASES])
def test_claims_of_an_article(gazetteer, rules, what, text, expected):
    assert rows(claims_of(text, gazetteer, rules)) == expected


def test_one_claim_keeps_every_sentence_that_tells_it(gazetteer, rules):
    text = ("Russia takes Tonenke\n\nRussian troops have taken Tonenke, the Russian defence ministry said on Monday. "
            "The ministry said Tonenke had been liberated.")
    [claim] = claims_of(text, gazetteer, rules)
    assert len(claim.evidence_spans) == 3 and claim.evidence.startswith("Russian troops have taken")
    assert [text[a:b] for a, b in claim.evidence_spans][0] == "Russia takes Tonenke"


def test_a_quotation_in_single_marks_is_read_and_its_evidence_kept_as_written(gazetteer, rules):
    text = "Russia said on Monday its forces had taken Umanske. 'That report is false,' a Ukrainian military spokesman said."
    claims = claims_of(text, gazetteer, rules)
    assert [(c.settlement, str(c.event_type), c.claimant_side) for c in claims] == \
        [("Umanske", "capture", "RU"), ("Umanske", "denial", "UA")]
    # the analyst reads the sentence as it was printed, straight marks and all
    assert claims[1].evidence == "'That report is false,' a Ukrainian military spokesman said."
    assert text[claims[1].evidence_start:claims[1].evidence_end] == claims[1].evidence


def test_a_second_heading_of_places_opens_no_list_of_the_first(gazetteer, rules):
    # (the villages under "where fighting continues" are not taken, whatever the first heading told of its own list)
    text = ("Villages the Russian army says it liberated in May\n1. Tykhe\n2. Hostre\n\n"
            "Villages where fighting continues\n1. Umanske\n2. Sokil")
    claims = claims_of(text, gazetteer, rules)
    assert ("Tykhe", "capture") in {(c.settlement, str(c.event_type)) for c in claims}
    assert not [c for c in claims if c.settlement in ("Umanske", "Sokil") and str(c.event_type) in ("capture", "recapture")]
