"""Common phrasings beyond the samples (tests/data/phrasings.toml): who speaks, denials in the
next sentence, intentions that are not claims, and dates after publication."""

import datetime as dt
import tomllib

import pytest

from events import Article, PublishedDate, extract_claims
from events.articles import article_id
from events.records import DatePrecision
from tests.conftest import ROOT

CASES = tomllib.loads((ROOT / "tests" / "data" / "phrasings.toml").read_text(encoding="utf-8"))["case"]
PUBLISHED = PublishedDate(dt.date(2024, 7, 11))


def claims_of(text, gazetteer, rules, published=PUBLISHED):
    article = Article(id=article_id(text), path="phrasing", text=text, published=published)
    return extract_claims(article, gazetteer, rules).claims


def _published(case: dict) -> PublishedDate:
    return PublishedDate(dt.date.fromisoformat(case["published"])) if "published" in case else PUBLISHED


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_phrasing_reads_as_an_analyst_would(gazetteer, rules, case):
    found = [[c.settlement, str(c.event_type), str(c.gaining_side), c.claimant.removesuffix(" (unattributed)"),
              str(c.claimant_side), *([True] if c.hedged else [])]
             for c in claims_of(case["text"], gazetteer, rules, _published(case))]
    assert found == case["claims"]


def test_a_date_after_publication_leaves_the_event_date_unknown_and_says_why(gazetteer, rules):
    [claim] = claims_of("Russian troops captured Urozhaine on July 20, the Russian Defence Ministry said.", gazetteer, rules)
    assert claim.event_date is None and claim.date_precision is DatePrecision.UNKNOWN
    assert claim.date_basis == "“July 20” would be after the publication date (2024-07-11): left unknown"


def test_a_denial_in_the_next_sentence_disputes_the_event(gazetteer, rules):
    from events.status import group_events

    claims = claims_of("Russian troops captured Urozhaine, the Russian Defence Ministry said. "
                       "Ukraine's General Staff rejected the claim.", gazetteer, rules)
    [event] = group_events(claims)
    assert str(event.status) == "disputed" and "Ukrainian General Staff" in event.note


@pytest.mark.parametrize(("text", "dated"), [
    # a day written without its year, in a passage about an earlier year, is of that year
    ("In early September 2022 Ukraine launched a counteroffensive. Ukrainian troops retook Balakliia on "
     "8 September.", [("Balakliia", dt.date(2022, 9, 8), "day")]),
    # ... or of the next, when its month comes round again
    ("Ukrainian marines landed near Krynky in November 2023. Russia said on 20 February that its troops had "
     "captured Krynky.", [("Krynky", dt.date(2024, 2, 20), "day")]),
    ("Russian forces captured Lyman in May 2022. Ukraine retook the town later that year.",
     [("Lyman", dt.date(2022, 5, 1), "month"), ("Lyman", dt.date(2022, 1, 1), "year")]),
    ("Izium was occupied by Russian troops in April 2022 and liberated by Ukraine in September that year.",
     [("Izium", dt.date(2022, 4, 1), "month"), ("Izium", dt.date(2022, 9, 1), "month")]),
    # "at the end of that month": the month told before, in this sentence or an earlier one
    ("In January 2023 Russian forces took Soledar. Kyiv confirmed its withdrawal from the town at the end of that month.",
     [("Soledar", dt.date(2023, 1, 1), "month"), ("Soledar", dt.date(2023, 1, 1), "month")]),
])
def test_history_takes_the_year_its_passage_is_told_in(gazetteer, rules, text, dated):
    found = [(c.settlement, c.event_date, str(c.date_precision)) for c in claims_of(text, gazetteer, rules)]
    assert found == dated


def test_a_recent_day_in_a_paragraph_after_a_history_passage_is_of_this_year(gazetteer, rules):
    # (published 2024-07-11: "July 2" is nine days before, not July 2023 after the history's 2022)
    text = ("Ukraine held the town until Russian troops took it in August 2022 after a long siege.\n\n"
            "The Russian Defence Ministry also claimed on July 2 that its units had captured Urozhaine.")
    assert [(c.settlement, c.event_date) for c in claims_of(text, gazetteer, rules)] == [("Urozhaine", dt.date(2024, 7, 2))]


def test_an_anniversary_piece_keeps_the_year_of_its_history_passage(gazetteer, rules):
    text = ("In September 2022, Ukraine launched a counteroffensive in Kharkiv region.\n\n"
            "Its troops retook Kupiansk on September 10, the General Staff said then.")
    claims = claims_of(text, gazetteer, rules, PublishedDate(dt.date(2024, 9, 25)))
    assert [(c.settlement, c.event_date) for c in claims] == [("Kupiansk", dt.date(2022, 9, 10))]


# each place's day, its precision and (where told) whether it is history
@pytest.mark.parametrize(("text", "published", "dated"), [
    # "in November" in a new paragraph of a December paper is last month, not November of the history's 2023
    ("Once Soledar fell, in January 2023, the town sat at the end of a narrow salient.\n\n"
     "Gerasimov claimed Kupiansk in November.", dt.date(2025, 12, 19),
     [("Soledar", dt.date(2023, 1, 1), "month", None), ("Kupiansk", dt.date(2025, 11, 1), "month", None)]),
    # each item of a dated list keeps its own day, not the list's week
    ("Russia's defence ministry said on Saturday its forces had liberated the following villages over the week:\n"
     "— on 11 May, Tykhe and Hostre;\n— on 13 May, Umanske.", dt.date(2024, 5, 18),
     [("Tykhe", dt.date(2024, 5, 11), "day", None), ("Hostre", dt.date(2024, 5, 11), "day", None),
      ("Umanske", dt.date(2024, 5, 13), "day", None)]),
    # "two years to the day after" a change dates it that many years back, as history
    ("The school in Hostre reopened on Tuesday, two years to the day after the village was liberated.", dt.date(2024, 9, 10),
     [("Hostre", dt.date(2022, 9, 10), "day", True)]),
    # "A year after" opening an anniversary sentence dates the change it opens
    ("A year after Ukrainian troops rolled into Hostre to cheering crowds, the town marked the anniversary on Saturday.",
     dt.date(2023, 11, 11), [("Hostre", dt.date(2022, 11, 11), "day", True)]),
    # a day after ", and" opens the next clause (published on Friday 2025-12-19)
    ("On Thursday last week Russian troops captured Hostre, and on Monday they took Tykhe.", dt.date(2025, 12, 19),
     [("Hostre", dt.date(2025, 12, 11), "day", None), ("Tykhe", dt.date(2025, 12, 15), "day", None)]),
    # a list line's own day after its place, under an intro that names the push's start (published Saturday 2024-09-14)
    ("Russia's Defence Ministry says its units have retaken the following villages since launching a counterattack on Tuesday:\n\n"
     "1. Hostre (Wednesday)\n2. Tykhe (Thursday)\n\nFighting went on elsewhere.", dt.date(2024, 9, 14),
     [("Hostre", dt.date(2024, 9, 11), "day", None), ("Tykhe", dt.date(2024, 9, 12), "day", None)]),
    # names alone on their lines with a day beside them, under a colon (published 2022-09-14)
    ("Headline\n\nThe deputy minister said troops had liberated the following settlements:\n\nHostre — 7 September\n"
     "Tykhe (9 September)\n\nFighting went on elsewhere.", dt.date(2022, 9, 14),
     [("Hostre", dt.date(2022, 9, 7), "day", None), ("Tykhe", dt.date(2022, 9, 9), "day", None)]),
    # (right below its colon, and a prose line after it: published 2024-03-01)
    ("Headline\n\nUkrainian forces have lost control of the following villages in the past week, according to DeepState:\n"
     "Hostre — 26 February\nTykhe (28 February)\nThe map also shows Russian advances towards Umanske.", dt.date(2024, 3, 1),
     [("Hostre", dt.date(2024, 2, 26), "day", None), ("Tykhe", dt.date(2024, 2, 28), "day", None)]),
    # (a prose sentence the count's list goes on in is no list line: its year is not the places' day)
    ("Russian military channels reported on Thursday that Russian troops had taken two villages north of the city, using "
     "their former Soviet names. Ukraine renamed the settlements Hostre and Tykhe in 2016.", dt.date(2024, 10, 3),
     [("Hostre", dt.date(2024, 10, 3), "day", None), ("Tykhe", dt.date(2024, 10, 3), "day", None)]),
    # the later items of a list after semicolons, each with its own day, one past an aside (published Friday 2024-10-25)
    ("Russian troops took Hostre on Monday; Tykhe on Tuesday; and Umanske, some 40 km further south, on Thursday.",
     dt.date(2024, 10, 25), [("Hostre", dt.date(2024, 10, 21), "day", None), ("Tykhe", dt.date(2024, 10, 22), "day", None),
                             ("Umanske", dt.date(2024, 10, 24), "day", None)]),
    # "and C followed on 1 October": the later place's own day after "followed"
    ("The Kharkiv offensive in September retook Hostre within days, and Tykhe followed on 1 October.", dt.date(2023, 2, 24),
     [("Hostre", dt.date(2022, 9, 1), "month", None), ("Tykhe", dt.date(2022, 10, 1), "day", None)]),
    # a denial is dated by the day its own sentence gives before or in its verb, not by the claim's day
    ("Russia's defence ministry said on Monday its forces had taken Hostre.\n\nOn Wednesday, Ukraine's General "
     "Staff rejected the claim as false.", dt.date(2024, 5, 16),
     [("Hostre", dt.date(2024, 5, 13), "day", None), ("Hostre", dt.date(2024, 5, 15), "day", None)]),
    # (the last day told before it: not the denier's own history in a relative clause)
    ("Russia's defence ministry said on Monday its forces had taken Tykhe.\n\nUkraine's 24th Brigade, which has held the "
     "village since the spring of 2023, said on Tuesday that the claim was not true.", dt.date(2024, 5, 16),
     [("Tykhe", dt.date(2024, 5, 13), "day", None), ("Tykhe", dt.date(2024, 5, 14), "day", None)]),
    # "a day after announcing the recapture of B": the day before the sentence's, B's only (A keeps Monday)
    ("Ukraine said on Monday that its forces had retaken Hostre, a day after announcing the recapture of Tykhe.",
     dt.date(2023, 9, 18), [("Hostre", dt.date(2023, 9, 18), "day", None), ("Tykhe", dt.date(2023, 9, 17), "day", None)]),
    # (nor of a change told before it when nothing after it is a change: the announcement's, not the clearing's)
    ('Zelensky says the town of Hostre has been "fully cleared" of Russian troops, a day after Moscow announced it was '
     "pulling its forces out.", dt.date(2022, 10, 2), [("Hostre", dt.date(2022, 10, 2), "day", None)]),
    # "said on Saturday that units had liberated A, ..., and on Sunday that ...": the second report's day is not A's
    ("Russia's defence ministry said on Saturday that units of its \"North\" group had \"liberated\" Hostre, a village near "
     "the border with the Belgorod region, and on Sunday that its troops had \"improved their positions\" near Tykhe.",
     dt.date(2023, 8, 21),
     [("Hostre", dt.date(2023, 8, 19), "day", None)]),
    # a denial's day right after its words ("denied the claim on Tuesday"), or counted from the last day told
    ("Russia's defence ministry said on Monday that its forces had taken Hostre.\n\nThe Khortytsia group's spokesman "
     "denied the claim on Tuesday.", dt.date(2025, 2, 14),
     [("Hostre", dt.date(2025, 2, 10), "day", None), ("Hostre", dt.date(2025, 2, 11), "day", None)]),
    ("On Tuesday Russia's defence ministry announced that Tykhe had been liberated.\n\nThe next day the Khortytsia "
     "group's spokesman said the claim was false.", dt.date(2025, 2, 14),
     [("Tykhe", dt.date(2025, 2, 11), "day", None), ("Tykhe", dt.date(2025, 2, 12), "day", None)]),
    # (the announcement named with its speaker: "a day after Russia's defence ministry said its troops had left B")
    ("Zelensky said on Sunday that Hostre had been fully cleared, a day after Russia's defence ministry said its "
     "troops had been withdrawn from Tykhe.", dt.date(2022, 10, 2),
     [("Hostre", dt.date(2022, 10, 2), "day", None), ("Tykhe", dt.date(2022, 10, 1), "day", None)]),
], ids=["last month after a history passage", "dated list items", "years to the day after", "a year after, anniversary",
        "a day after and", "list item's day after its place", "names with their days below a colon",
        "names with their days right below a colon", "no list line's day in prose", "items after semicolons",
        "a day after followed", "a denial's own day", "a denial's day after the denier's history", "a day after announcing",
        "a day after announcing, nothing told after", "a second report's day", "a denial's day right after its words", "a denial the next day", "a day after a named speaker said"])
def test_a_day_told_in_the_text_dates_its_own_change(gazetteer, rules, text, published, dated):
    claims = claims_of(text, gazetteer, rules, PublishedDate(published))
    assert [(c.settlement, c.event_date, str(c.date_precision)) for c in claims] == [d[:3] for d in dated]
    for claim, (*_, history) in zip(claims, dated):
        if history is not None:
            assert claim.background is history


def test_a_weekday_of_last_week_is_that_day(gazetteer, rules):
    # (published on Friday 2025-12-19: "on Thursday last week" is 11 December, to the day)
    for text in ("On Thursday last week, Gerasimov announced that Russian forces had captured Hostre.",
                 "Last week on Thursday, Gerasimov announced that Russian forces had captured Hostre."):
        [claim] = claims_of(text, gazetteer, rules, PublishedDate(dt.date(2025, 12, 19)))
        assert (claim.event_date, str(claim.date_precision)) == (dt.date(2025, 12, 11), "day")


def test_a_day_before_and_is_the_first_verbs_when_the_change_has_its_own(gazetteer, rules):
    # "crossed ... on August 6 last year and seized the district centre of X in August": August, the seizure's;
    # "the district centre of X" is the whole town, not a district of it
    text = "Ukrainian forces crossed the border on August 6 last year and seized the district centre of Sudzha in August."
    claims = claims_of(text, gazetteer, rules, PublishedDate(dt.date(2025, 3, 8)))
    assert [(c.settlement, str(c.event_type), c.event_date, str(c.date_precision)) for c in claims] == [
        ("Sudzha", "capture", dt.date(2024, 8, 1), "month")]


def test_a_weekday_alone_on_its_line_dates_the_news_under_it(gazetteer, rules):
    # a week's round-up published on Sunday 16 March 2025: "Monday" above a day's news is 10 March
    text = ("Week in review\n\nOur round-up of the war's week.\n\nMonday\nRussia's defence ministry said its troops had "
            "retaken Tonenke.\n\nThursday\nRussia claimed to have captured Umanske.")
    claims = claims_of(text, gazetteer, rules, PublishedDate(dt.date(2025, 3, 16)))
    assert [(c.settlement, c.event_date) for c in claims] == [("Tonenke", dt.date(2025, 3, 10)), ("Umanske", dt.date(2025, 3, 13))]


def test_it_opening_a_sentence_is_the_subject_before_and_since_sets_no_passage_year(gazetteer, rules):
    # "It ... retook it ... in July of that year": Tonenke, the subject the sentence before opened on, in
    # July 2014; "since 2014" starts a period and tells no passage: "In December" later is last December
    text = ("Tonenke, which had 30,000 people before the war, lies north of Donetsk. It had been on the front line "
            "since 2014, when Ukrainian forces retook it from separatists in July of that year.\n\n"
            "In December, Russia said it had captured Umanske.")
    claims = claims_of(text, gazetteer, rules, PublishedDate(dt.date(2024, 2, 17)))
    assert [(c.settlement, str(c.event_type), c.event_date) for c in claims] == [
        ("Tonenke", "recapture", dt.date(2014, 7, 1)), ("Umanske", "capture", dt.date(2023, 12, 1))]


def test_a_day_this_year_is_of_this_year_after_a_history_passage(gazetteer, rules):
    text = ("After the fall of Tonenke in May 2023, Russian forces spent months grinding west. "
            "Russia's Defence Ministry claimed the capture of Umanske on 31 July this year.")
    claims = claims_of(text, gazetteer, rules, PublishedDate(dt.date(2025, 10, 28)))
    assert [(c.settlement, c.event_date) for c in claims] == [("Tonenke", dt.date(2023, 5, 1)), ("Umanske", dt.date(2025, 7, 31))]


def test_a_sentence_on_an_invasion_of_a_region_is_no_summary_of_the_war(gazetteer, rules):
    claims = claims_of("Since the invasion of the Kursk region, Russian troops have recaptured Korenevo, the ministry said.",
                       gazetteer, rules)
    assert [(c.settlement, c.background) for c in claims] == [("Korenevo", False)]


def test_a_sentence_summing_up_the_war_since_it_began_is_history(gazetteer, rules):
    claims = claims_of("Since the start of the full-scale invasion, Russian troops have taken Soledar and Marinka.", gazetteer, rules)
    assert [(c.settlement, c.background, c.event_date) for c in claims] == [("Soledar", True, None), ("Marinka", True, None)]


def test_a_timelines_day_dates_the_sentences_of_its_paragraph(gazetteer, rules):
    text = ("Monday, July 8: Russian troops crossed the border near Lukiantsi. By evening, Ukrainian officials said "
            "Lukiantsi had become a grey zone.\n\nTuesday, July 9: Russia's defence ministry said its troops had taken "
            "Hlyboke. The ministry also claimed Pylna.")
    found = [(c.settlement, str(c.event_type), c.event_date) for c in claims_of(text, gazetteer, rules)]
    assert found == [("Lukiantsi", "contested", dt.date(2024, 7, 8)), ("Hlyboke", "capture", dt.date(2024, 7, 9)),
                     ("Pylna", "capture", dt.date(2024, 7, 9))]


def test_each_place_of_a_list_takes_the_day_told_last_before_it(gazetteer, rules):
    text = ("Russia's defence ministry said its forces had taken two villages on Saturday - Hlyboke and Krasne - "
            "and two more on Sunday: Pylna and Strilecha.")
    found = [(c.settlement, c.event_date) for c in claims_of(text, gazetteer, rules)]
    assert found == [("Hlyboke", dt.date(2024, 7, 6)), ("Krasne", dt.date(2024, 7, 6)),
                     ("Pylna", dt.date(2024, 7, 7)), ("Strilecha", dt.date(2024, 7, 7))]


def test_a_periods_start_does_not_date_an_event(gazetteer, rules):
    # "since the start of the invasion" opens a period: the capture is today's news, not of 2022
    text = ("Russia's defence ministry said on Tuesday its forces had captured Novopil, the first village it "
            "claims in the region since the start of the full-scale invasion.")
    [claim] = claims_of(text, gazetteer, rules)
    assert (claim.event_date, claim.background) == (dt.date(2024, 7, 9), False)


def test_the_start_of_another_event_does_not_date_a_change(gazetteer, rules):
    # "an incursion that began on 2 July": the capture is dated by the report, on Wednesday
    text = ("Ukraine's commander said on Wednesday that his forces had taken full control of Sudzha, the biggest "
            "gain of an incursion that began on 2 July.")
    [claim] = claims_of(text, gazetteer, rules)
    assert claim.event_date == dt.date(2024, 7, 10)


def test_a_date_in_a_participles_apposition_does_not_date_the_change(gazetteer, rules):
    # "held by Ukraine since August 2024" is how long it was held; the liberation is Thursday's news
    text = ("The Russian Defence Ministry announced on Thursday that the town of Tykhe, held by the Armed Forces "
            "of Ukraine since August 2024, has been liberated.")
    [claim] = claims_of(text, gazetteer, rules, PublishedDate(dt.date(2025, 3, 14)))
    assert (claim.event_date, claim.background) == (dt.date(2025, 3, 13), False)
    for text in ("Nevelske, defended by Ukraine's brigades since 2022, has fallen, the Russian ministry said on Thursday.",
                 "Pervomaiske, in Ukrainian hands since March 2022, has been captured, the Russian ministry said on Thursday."):
        [claim] = claims_of(text, gazetteer, rules, PublishedDate(dt.date(2025, 3, 14)))
        assert claim.event_date == dt.date(2025, 3, 13), text


def test_a_place_taken_since_the_war_began_in_a_perfect_tense_is_history(gazetteer, rules):
    # the day's news is the withdrawal; the town "had captured since the start of the invasion" is history,
    # but "the largest city liberated since ..." is the superlative of the day's gain
    text = ("Russian forces pulled out of Kreminna on Wednesday, the only town Moscow had captured in the area "
            "since the start of the invasion, the Ukrainian military said.")
    assert [(str(c.event_type), c.background) for c in claims_of(text, gazetteer, rules)] == [
        ("withdrawal", False), ("capture", True)]
    text = "Russia said it had liberated Rubizhne, the largest town liberated since the beginning of the special military operation."
    assert [(str(c.event_type), c.background) for c in claims_of(text, gazetteer, rules)] == [("capture", False)]


def test_a_period_opening_the_sentence_still_dates_its_changes_as_history(gazetteer, rules):
    text = "Since the start of the invasion, Russia has taken Mariupol, Bakhmut and Avdiivka."
    assert {(c.settlement, c.background) for c in claims_of(text, gazetteer, rules)} == {
        ("Mariupol", True), ("Bakhmut", True), ("Avdiivka", True)}


def test_a_day_with_its_weekday_keeps_the_year_it_falls_on_that_weekday(gazetteer, rules):
    # the passage mentions 2022, but "Saturday, July 6" is a Saturday in 2024, the paper's year
    text = ("Russia opened a new push, its first in the region since Ukraine drove it out in the autumn of 2022.\n\n"
            "By the evening of Saturday, July 6, Russia's defence ministry said its forces had taken Pylna.")
    [claim] = claims_of(text, gazetteer, rules)
    assert claim.event_date == dt.date(2024, 7, 6)


def test_a_known_person_in_an_earlier_post_keeps_their_side(gazetteer, rules):
    text = "Ukrainian forces have liberated Klishchiivka, Ground Forces Commander Oleksandr Syrskyi announced."
    [claim] = claims_of(text, gazetteer, rules, PublishedDate(dt.date(2023, 9, 18)))
    assert (claim.claimant, str(claim.claimant_side)) == ("Oleksandr Syrskyi (Ground Forces Commander)", "UA")


def test_a_person_named_with_and_without_the_post_of_then_is_one_claimant(gazetteer, rules):
    # his surname alone, before he held the post the rules know him by, is still him; the quotation's
    # "today" is the day he wrote, which the sentence before gives
    text = ("Tonenke retaken, Syrskyi says\n\n"
            "Ukrainian units have retaken the village of Tonenke, Ground Forces Commander Oleksandr Syrskyi said on Sept. 17.\n\n"
            "\"Today our assault brigades retook Tonenke,\" Syrskyi wrote on Telegram.")
    [claim] = claims_of(text, gazetteer, rules, PublishedDate(dt.date(2023, 9, 18)))
    assert (claim.claimant, str(claim.claimant_side)) == ("Oleksandr Syrskyi (Ground Forces Commander)", "UA")
    assert claim.event_date == dt.date(2023, 9, 17)


@pytest.mark.parametrize(("text", "dated"), [
    # "today" is the paper's day, not a day of years before told in the same sentence
    ("Ukrainian troops retook Pishchane today, a year after Russian forces seized it on 24 February 2022.",
     [("Pishchane", dt.date(2024, 7, 11)), ("Pishchane", dt.date(2022, 2, 24))]),
    # a sentence opening "On 10 May - ..." is no timeline heading for the rest of its paragraph
    ("On 10 July - a day after the talks - they captured Sokil. Ukrainian troops have retaken Tabaivka, the General "
     "Staff said.", [("Sokil", dt.date(2024, 7, 10)), ("Tabaivka", dt.date(2024, 7, 11))]),
    # a date after an apposition on the place closes is the main clause's, not the apposition's
    ("Ukrainian troops retook Robotyne, which Russian forces had seized in 2022, in August 2023.",
     [("Robotyne", dt.date(2023, 8, 1)), ("Robotyne", dt.date(2022, 1, 1))]),
    # a time told after "and", before the places it dates: "A was liberated in March, and in April B and C"
    ("Hostre was liberated in March, and in April Tonenke and Sokil, the Russian Defence Ministry said.",
     [("Hostre", dt.date(2024, 3, 1)), ("Tonenke", dt.date(2024, 4, 1)), ("Sokil", dt.date(2024, 4, 1))]),
])
def test_a_day_of_another_time_in_the_sentence_dates_only_its_own_change(gazetteer, rules, text, dated):
    assert [(c.settlement, c.event_date) for c in claims_of(text, gazetteer, rules)] == dated


def test_a_time_told_after_a_comma_dates_the_places_after_it(gazetteer, rules):
    # "..., in May B, in September C, and in October D and E": each later item takes the month told right before it
    text = "In February the troops liberated Tonenke, in May Hostre, in September Sokil, and in October Umanske and Zarichne."
    dated = {c.settlement: c.event_date for c in claims_of(text, gazetteer, rules, PublishedDate(dt.date(2024, 12, 29)))}
    assert [dated[p] for p in ("Hostre", "Sokil", "Umanske", "Zarichne")] == [
        dt.date(2024, 5, 1), dt.date(2024, 9, 1), dt.date(2024, 10, 1), dt.date(2024, 10, 1)]
    # (and the first keeps the time told before its verb, not the nearest later one)
    assert dated["Tonenke"] == dt.date(2024, 2, 1)


def test_a_later_items_time_after_and_in_is_its_own(gazetteer, rules):
    # "left A, and in early July B": the time opens B's item; A keeps the June told before the verb
    text = "In June Ukrainian troops left Tonenke, and in early July Hostre."
    dated = {c.settlement: c.event_date for c in claims_of(text, gazetteer, rules, PublishedDate(dt.date(2024, 12, 29)))}
    assert dated == {"Tonenke": dt.date(2024, 6, 1), "Hostre": dt.date(2024, 7, 1)}


def test_a_city_one_side_held_throughout_is_its_region_or_government_after_that_day(gazetteer, rules):
    # "almost all of Luhansk" in 2022 is the region (the city was held by Russia's proxies from 2014);
    # Russian troops did reach Kharkiv's streets in the war's first week
    later = PublishedDate(dt.date(2022, 7, 9))
    assert claims_of("Russia now controls almost all of Luhansk and half of the Donetsk region.", gazetteer, rules, later) == ()
    assert claims_of("Russian troops entered Kharkiv on Sunday.", gazetteer, rules, later) == ()
    first_week = claims_of("Russian troops entered Kharkiv on Sunday.", gazetteer, rules, PublishedDate(dt.date(2022, 2, 28)))
    assert [(c.settlement, str(c.event_type), c.event_date) for c in first_week] == [("Kharkiv", "contested", dt.date(2022, 2, 27))]
    # (and a claim of those weeks, false or not, stays a claim)
    march = claims_of("Russian state TV claimed that Russian troops had captured Kharkiv.", gazetteer, rules,
                      PublishedDate(dt.date(2022, 3, 10)))
    assert [(c.settlement, str(c.event_type), c.claimant) for c in march] == [("Kharkiv", "capture", "Russian media")]


def test_a_state_since_a_month_is_dated_by_its_start(gazetteer, rules):
    # '"X is theirs since March"': the enemy took it in March (published 2024-07-11), not on the day it was said
    [claim] = claims_of("\"Tonenke is theirs since March,\" said Taras, a Ukrainian drone pilot.", gazetteer, rules)
    assert (claim.settlement, str(claim.event_type), claim.event_date, str(claim.date_precision)) == (
        "Tonenke", "capture", dt.date(2024, 3, 1), "month")


def test_the_night_of_an_ordinal_day_dates_the_withdrawal(gazetteer, rules):
    # '"We left Tonenke on the night of the fourth"' (published 2024-07-11): 4 July
    [claim] = claims_of("\"We left Tonenke on the night of the fourth,\" said Taras, a Ukrainian soldier.", gazetteer, rules)
    assert (claim.settlement, str(claim.event_type), claim.event_date, str(claim.date_precision)) == (
        "Tonenke", "withdrawal", dt.date(2024, 7, 4), "day")


def test_a_day_in_the_speakers_relative_clause_after_the_quotation_does_not_date_the_claim(gazetteer, rules):
    # '"...," said X, who was evacuated last week': the speaker's week, not the share's (published 2024-07-11)
    [claim] = claims_of("Hostre has been shelled for weeks. \"They have everything north of the bridge,\" said a "
                        "drone pilot from the 33rd Brigade, who was evacuated to a hospital last week.", gazetteer, rules)
    assert (claim.settlement, str(claim.event_type), claim.event_date) == ("Hostre", "partial", dt.date(2024, 7, 11))
