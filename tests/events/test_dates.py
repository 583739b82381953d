import datetime as dt

import pytest

from events import DatePrecision, PublishedDate
from events.dates import find_dates

WEDNESDAY = PublishedDate(dt.date(2024, 5, 15))
NOVEMBER = PublishedDate(dt.date(2025, 11, 1), DatePrecision.MONTH)


@pytest.mark.parametrize("sentence, expected, precision", [
    ("Ukraine on Wednesday said it had pulled back", "2024-05-15", "day"),  # the paper's own day, not a week ago
    ("The ministry said later on Wednesday", "2024-05-15", "day"),
    ("Blinken arrived in Kyiv on Tuesday", "2024-05-14", "day"),
    ("the general staff announced on Facebook overnight.", "2024-05-15", "day"),
    ("shelling yesterday", "2024-05-14", "day"),
    ("occupied on the first day of the full-scale invasion", "2022-02-24", "day"),  # a fact of the war, to the day
    # (the calendar week before, dated by the Sunday that closed it; "over the past week" runs up to publication)
    ("an assault which began last week", "2024-05-12", "week"),
    ("villages liberated over the past week", "2024-05-15", "week"),
    ("villages liberated in the last week", "2024-05-15", "week"),  # (the past seven days, not last calendar week)
    ("A week ago today, the ministry said", "2024-05-08", "day"),
    ("first captured in February 2022", "2022-02-01", "month"),
    ("On May 3 last year, the governor said", "2023-05-03", "day"),
    ("Last year, on 3 May, the governor said", "2023-05-03", "day"),
    ("Last year on May 3 the governor said", "2023-05-03", "day"),
    ("On 3 May last year the governor said", "2023-05-03", "day"),
    ("March - the ministry announces the capture of two villages", "2024-03-01", "month"),  # a timeline's entry
    ("During the failed summer offensive in 2023, Robotyne", "2023-06-01", "season"),
    ("Kyiv retook in its summer counteroffensive last year", "2023-06-01", "season"),
    ("on May 13", "2024-05-13", "day"),
    ("on 14.11.2023", "2023-11-14", "day"),
    ("an aid package approved in April", "2024-04-01", "month"),
    ("the town fell earlier this month", "2024-05-01", "month"),  # a month by its first day
    ("captured last month", "2024-04-01", "month"),
    ("the village fell two days ago", "2024-05-13", "day"),
    ("the village fell five days ago", "2024-05-10", "day"),
    ("the village fell ten days ago", "2024-05-05", "day"),
    ("captured a fortnight ago", "2024-05-01", "week"),
    ("units pulled out at the start of the month", "2024-05-01", "month"),
    ("took the village on the 3rd", "2024-05-03", "day"),  # this month's 3rd
    ("took the village on the 20th", "2024-04-20", "day"),  # still ahead this month: last month's
    ("left the town in the first days of May", "2024-05-01", "month"),
    ("Kyiv retook the town three months ago", "2024-02-01", "month"),
    ("Kyiv retook the town two years ago", "2022-01-01", "year"),
    ("Two years ago today, Kyiv retook the town", "2022-05-15", "day"),  # the day itself, across a leap year
    ("A year ago today, Russian troops crossed into the region", "2023-05-15", "day"),
    ("shelled the day before yesterday", "2024-05-13", "day"),  # not "yesterday" inside it
    ("the offensive at the end of April", "2024-04-01", "month"),
    ("the fall of Bakhmut last year", "2023-01-01", "year"),  # "the fall of" is no season
    ("since its fall last year", "2023-01-01", "year"),  # nor "its fall", "Bakhmut's fall", "whose fall"
    ("since Bakhmut's fall last year", "2023-01-01", "year"),
    ("a town whose fall last year shocked Kyiv", "2023-01-01", "year"),
    ("captured the village last autumn", "2023-09-01", "season"),
    ("retook it last spring", "2023-03-01", "season"),  # in May, this spring is not over
    ("liberated the village last August", "2023-08-01", "month"),  # the latest August before May 2024
    ("took the town in May last year", "2023-05-01", "month"),
    ("took the town last February", "2024-02-01", "month"),
    ("entered the town last May", "2023-05-01", "month"),  # a May paper's "last May" is a year back
    ("In the fall of 2023, Ukrainian forces advanced", "2023-09-01", "season"),  # a season before a year
    ("which the ministry said it had captured in the spring", "2024-03-01", "season"),  # this spring, begun by May
    ("Russian troops took it in the summer", "2023-06-01", "season"),  # a May paper's summer has not begun
    ("Ukrainian troops retook the village in July", "2023-07-01", "month"),  # a May paper's July has not come
    ("the town fell in late June", "2023-06-01", "month"),
    ("retaken by Ukraine that October", "2023-10-01", "month"),  # "that October", its year told before or not
    ("the launch point for the 2023 counteroffensive, when troops retook", "2023-01-01", "year"),
    ("Wagner took the village in early 2023", "2023-01-01", "year"),  # a part of a year is the year
    ("Ukraine liberated it in mid-2023", "2023-01-01", "year"),
    ("the line held until the end of 2022", "2022-01-01", "year"),
])
def test_expressions_resolve_against_the_publication_date(rules, sentence, expected, precision):
    (found,) = find_dates(sentence, WEDNESDAY, rules)
    assert (found.date.isoformat(), str(found.precision)) == (expected, precision)


def test_month_precision_paper_dates_november_9th(rules):
    (found,) = find_dates("briefed the leadership on November 9th", NOVEMBER, rules)
    assert (found.date, found.precision) == (dt.date(2025, 11, 9), "day")
    assert find_dates("said on Wednesday", NOVEMBER, rules) == []  # which Wednesday? unknown


@pytest.mark.parametrize("sentence", [
    "Zelensky will visit on June 20.",  # after publication: a plan, never an event date
    "Russia may 2 times increase",  # "may" the verb
    "the 93rd brigade and 10 US-made missiles",
    "on the 3rd brigade's front",  # an ordinal naming a unit, not a day
    "after attacks on the 3rd Assault Brigade's positions",
    "a march through the city",
])
def test_no_date_is_invented(rules, sentence):
    assert find_dates(sentence, WEDNESDAY, rules) == []


def test_without_a_publication_date_relative_expressions_stay_unknown(rules):
    assert find_dates("on Wednesday, overnight, last week", None, rules) == []
    assert [d.date for d in find_dates("in February 2022", None, rules)] == [dt.date(2022, 2, 1)]


def test_without_a_publication_date_a_day_without_its_year_takes_the_texts_latest_full_date(rules):
    from events.dates import latest_full_date

    text = ("Troops entered the village on Aug. 6, an official said. "
            "A map dated Aug. 7, 2024 shows the front; the town fell on 17 February 2024.")
    assert latest_full_date(text) == dt.date(2024, 8, 7)
    (found,) = find_dates("Troops entered the village on Aug. 6", None, rules, year_from=dt.date(2024, 8, 7))
    assert (found.date, found.precision) == (dt.date(2024, 8, 6), "day")
    # a December day before a January date is of the year before; weekdays stay unknown
    assert [d.date for d in find_dates("on Dec. 20", None, rules, year_from=dt.date(2025, 1, 5))] == [
        dt.date(2024, 12, 20)]
    assert find_dates("on Wednesday", None, rules, year_from=dt.date(2024, 8, 7)) == []
    assert latest_full_date("on Aug. 6 and in 2023") is None  # no day written out with its year


def test_last_winter_in_january_is_the_winter_before_this_one(rules):
    (found,) = find_dates("captured last winter", PublishedDate(dt.date(2024, 1, 10)), rules)
    assert (found.date, found.precision) == (dt.date(2022, 12, 1), "season")


def test_a_month_takes_the_year_written_before_it_in_the_sentence(rules):
    # "took A in January 2023 and B in May": that May is of 2023, not the paper's year
    first, second = find_dates("Russian forces took Soledar in January 2023 and Bakhmut in May.", WEDNESDAY, rules)
    assert (first.date.isoformat(), second.date.isoformat()) == ("2023-01-01", "2023-05-01")
    # and a month that comes round again after it is of the next year
    _, later = find_dates("Kyiv retook the town in November 2022 and lost it in February.", WEDNESDAY, rules)
    assert later.date.isoformat() == "2023-02-01"


def test_months_after_an_event_date_it_that_long_before_publication(rules):
    found = find_dates("Three months after the fall of the town, the front has moved west.",
                       PublishedDate(dt.date(2024, 5, 15)), rules)
    assert [(d.date, str(d.precision)) for d in found] == [(dt.date(2024, 2, 1), "month")]


def test_overnight_is_the_night_before_the_day_the_sentence_gives(rules):
    # "withdrew overnight, the army said on Tuesday" in a Wednesday paper: the night into Tuesday
    found = find_dates("troops withdrew overnight, the army said on Tuesday", WEDNESDAY, rules)
    assert [(d.text, d.date.isoformat()) for d in found] == [("overnight", "2024-05-14"), ("on Tuesday", "2024-05-14")]


def test_a_day_counted_from_another_counts_from_the_one_told_before_it(rules):
    from events.dates import find_anchored_dates
    told = find_dates("said on Tuesday that it took the village the previous day, and on Sunday more", WEDNESDAY, rules)
    sentence = "said on Tuesday that it took the village the previous day, and on Sunday more"
    [previous] = find_anchored_dates(sentence, dt.date(2024, 5, 1), WEDNESDAY, rules, days=told)
    assert previous.date == dt.date(2024, 5, 13)  # Tuesday's previous day, not Sunday's
    [next_day] = find_anchored_dates("The next day, and on Sunday too", dt.date(2024, 5, 10), WEDNESDAY, rules,
                                     days=find_dates("The next day, and on Sunday too", WEDNESDAY, rules))
    assert next_day.date == dt.date(2024, 5, 11)  # from the day told before the sentence, not its later Sunday


def test_that_month_named_is_of_the_year_told_before_it(rules):
    from events.dates import find_anchored_dates
    sentence = "Hrakove was occupied in April 2022 and liberated that September."
    told = find_dates(sentence, WEDNESDAY, rules)
    [september] = find_anchored_dates(sentence, None, WEDNESDAY, rules, days=told)
    assert (september.text, september.date, str(september.precision)) == ("that September", dt.date(2022, 9, 1), "month")
    # the year the passage is told in, when the sentence names none
    [november] = find_anchored_dates("Russia claimed to have retaken it that November.", None, WEDNESDAY, rules,
                                     year_told=dt.date(2022, 9, 1))
    assert november.date == dt.date(2022, 11, 1)


def test_a_period_s_start_lends_no_year_to_a_month_told_after_it(rules):
    # "held out since 2022, followed in October": last October, not October 2022
    found = find_dates("Tonenke, which had held out since 2022, fell in October.", PublishedDate(dt.date(2024, 5, 15)), rules)
    assert [(d.text, d.date) for d in found if d.precision is DatePrecision.MONTH] == [("in October", dt.date(2023, 10, 1))]
