"""Date expressions in a sentence, resolved against the article's publication date.

Our regular expressions find the candidate spans (dateparser's own search finds "may", "march"
and "93rd" as dates: FINDINGS.md section 6); dateparser parses the absolute ones; weekdays,
"overnight", "last week", seasons and years are resolved here, because dateparser reads "on
Wednesday" in a Wednesday paper as the week before and knows no "overnight". A resolved date is
never after the publication date: an expression that would be is dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

import dateparser

from events.anchors import AnchorIndex, compiled, lower_words
from events.records import DatePrecision, PublishedDate
from events.rules import RelativeDate, Rules

__all__ = ["DateExpression", "find_dates", "find_anchored_dates", "parse_date_text", "latest_full_date", "WEEKDAYS"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_ORDINAL_WORDS = {word: n for n, word in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth "
    "sixteenth seventeenth eighteenth nineteenth twentieth".split(), start=1)}
_ORDINAL_WORDS |= {f"{tens}-{word}": base + n for tens, base in (("twenty", 20), ("thirty", 30))
                   for word, n in list(_ORDINAL_WORDS.items())[:9] if base + n <= 31}
_ORDINAL_WORDS |= {"thirtieth": 30}
_DAY_WORDS = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("dmy", re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b")),
    # ("Last year, on 16 August": that day of the year before)
    ("month_day", re.compile(rf"\b(?P<last_year>last year,? (?:on )?)(?P<month>{_MONTHS})\.? {_DAY}\b", re.I)),
    ("day_month", re.compile(rf"\b(?P<last_year>last year,? (?:on )?){_DAY} (?:of )?(?P<month>{_MONTHS})\b", re.I)),
    ("month_day", re.compile(rf"\b(?P<month>{_MONTHS})\.? {_DAY}\b(?:,? (?P<year>(?:19|20)\d\d)|(?P<last_year>,? last year\b))?(?!\s*(?:%|per))", re.I)),
    ("day_month", re.compile(rf"\b{_DAY} (?:of )?(?P<month>{_MONTHS})\b\.?(?:,? (?P<year>(?:19|20)\d\d)|(?P<last_year>,? last year\b))?", re.I)),
    ("month_year", re.compile(rf"\b(?:(?:early|late|mid|end of|the end of|beginning of)[ -])?(?P<month>{_MONTHS})\.?,? (?:of )?(?P<year>(?:19|20)\d\d)\b", re.I)),
    # ("the fall of Bakhmut" is no season)
    ("season_year", re.compile(r"\b(?P<season>spring|summer|autumn|(?<!its )(?<!['’]s )(?<!whose )fall(?! of (?!(?:19|20)\d\d))|winter)\b(?:[^.;,]{0,40}?)\b(?:of |in )?(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("season_last", re.compile(r"\b(?P<season>spring|summer|autumn|(?<!its )(?<!['’]s )(?<!whose )fall(?! of (?!(?:19|20)\d\d))|winter)\b(?:[^.;,]{0,40}?)\blast year\b", re.I)),
    ("season_previous", re.compile(r"\blast (?P<season>spring|summer|autumn|fall|winter)\b", re.I)),
    # "captured in the spring" (no year): the latest such season begun by publication
    ("season_recent", re.compile(r"\b(?:in|during|since|by|over) the (?P<season>spring|summer|autumn|fall|winter)\b(?! of)", re.I)),
    # "on Thursday last week", "last week on Thursday": that day of the calendar week before publication's
    ("weekday_last_week", re.compile(r"\b(?:on )?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday),? (?:of )?last week\b", re.I)),
    ("weekday_last_week", re.compile(r"\blast week,? on (?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    ("weekday", re.compile(r"\b(?P<last>last )?(?:(?:early |late |earlier |later )?on )?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    # ("in early 2023", "by late 2022", "in mid-2023", "at the end of 2022": the year)
    ("year", re.compile(r"\b(?:(?:in|since|during|of|by|until) (?:the )?(?:(?:early|late|mid|end of|start of|beginning of|middle of|"
                        r"first half of|second half of)[ -])?|(?:early|late|mid)[ -]|at the (?:end|start|beginning) of )(?P<year>(?:19|20)\d\d)\b", re.I)),
    # "Ukraine's 2023 counteroffensive, when troops retook X": the year of the campaign named
    # (not a period's start: "their biggest gain since the 2022 invasion")
    ("year", re.compile(r"(?<![\d-])(?<!since the )(?<!since )(?<!before the )(?P<year>(?:19|20)\d\d) "
                        r"(?:counter-?offensive|offensive|invasion|campaign|push|assault)\b", re.I)),
    ("month_last_year", re.compile(rf"\b(?:in |during |since |by |early |late |mid-|(?:at the )?(?:end|beginning|start|middle) of )?"
                                   rf"(?P<month>{_MONTHS})\.? (?:of )?last year\b", re.I)),
    # "on the 14th": that day of the publication's month, or of the month before if it is still ahead
    ("ordinal_day", re.compile(r"\bon the (?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?! (?:of|day|anniversary|floor|brigade|army|corps)\b)(?! (?-i:[A-Z]))", re.I)),  # (not "the 3rd Assault Brigade")
    # "on the night of the first": the same, its day in words too
    ("ordinal_day", re.compile(r"\bon the (?:night|morning|evening) of the (?P<day>[0-3]?\d(?:st|nd|rd|th)|" + _DAY_WORDS + r")\b"
                               r"(?! (?:of|day|week|month|anniversary)\b)(?! (?-i:[A-Z]))", re.I)),
    ("month_last", re.compile(rf"\blast (?P<month>{_MONTHS})\b(?![ .]\d)", re.I)),
    # ("in the first days of May", "in the last week of March")
    # (and a timeline's entry opening its line: "September - the ministry announces ...")
    ("month_only", re.compile(rf"\b(?:(?:in|during|since|by|early|late|until|that|(?:at the )?(?:end|beginning|start|middle) of|"
                              rf"the (?:first|last|final|opening|closing|second) (?:days?|weeks?|half|fortnight) of) |mid[- ]?|"
                              rf"(?:^|(?<=\n))(?=(?:{_MONTHS})\.?\s*[-–—:]\s))"
                              rf"(?P<month>{_MONTHS})\b(?![ .]\d)", re.I)),
]


@dataclass(frozen=True, slots=True)
class DateExpression:
    start: int  # span in the sentence
    end: int
    text: str
    date: dt.date
    precision: DatePrecision


def parse_date_text(text: str) -> dt.date | None:
    """An absolute date written out ("May 14, 2024", "2023-11-14", "14.11.2023"), or None."""
    parsed = dateparser.parse(text, languages=["en"], settings={"DATE_ORDER": "DMY", "STRICT_PARSING": True,
                                                                "PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


_MONTH_NUMBERS = {name: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for name in names}


def _month_number(name: str) -> int:
    return _MONTH_NUMBERS[name.lower().rstrip(".")]


def _year_before(published: PublishedDate, month: int, day: int) -> int | None:
    """The year of a "November 9th" with no year: this year's if it is not after publication;
    last year's if this year's would be months ahead ("November 9th" in a January paper); this
    year's when it is just ahead ("June 20" in a May paper: a plan or a misprint, which
    find_dates then sets aside as after publication)."""
    latest = published.latest
    try:
        this_year = dt.date(latest.year, month, min(day, 28) if month == 2 else day)
    except ValueError:
        return None
    if this_year <= latest:
        return latest.year
    return latest.year - 1 if (this_year - latest).days > 62 else latest.year


def _resolve(kind: str, m: re.Match[str], published: PublishedDate | None,
             year_from: dt.date | None = None) -> tuple[dt.date, DatePrecision] | None:
    g = m.groupdict()
    if g.get("month") and not g["month"][0].isupper():
        return None  # "may" the verb, "march" the verb: English writes months capitalised
    if kind in ("iso", "dmy"):
        try:
            return dt.date(int(g["y"]), int(g["m"]), int(g["d"])), DatePrecision.DAY
        except ValueError:
            return None
    if kind in ("month_day", "day_month"):
        month, day = _month_number(g["month"]), int(g["day"])
        if g.get("year"):
            year = int(g["year"])
        elif g.get("last_year") and published is not None:  # "on June 24 last year"
            year = published.date.year - 1
        elif published is not None or year_from is not None:
            year = _year_before(published or PublishedDate(year_from), month, day)
            if year is None:
                return None
        else:
            return None
        try:
            return dt.date(year, month, day), DatePrecision.DAY
        except ValueError:
            return None
    if kind == "month_year":
        return dt.date(int(g["year"]), _month_number(g["month"]), 1), DatePrecision.MONTH
    if kind == "season_year":
        return dt.date(int(g["year"]), _SEASONS[g["season"].lower()], 1), DatePrecision.SEASON
    if kind == "season_last":
        if published is None:
            return None
        return dt.date(published.date.year - 1, _SEASONS[g["season"].lower()], 1), DatePrecision.SEASON
    if kind == "season_previous":  # "last autumn": the latest such season that is over
        if published is None:
            return None
        month = _SEASONS[g["season"].lower()]
        now = published.date.year * 12 + published.date.month - 1
        year = published.date.year
        while year * 12 + month - 1 + 3 > now:  # not over yet (a winter runs into the next year)
            year -= 1
        return dt.date(year, month, 1), DatePrecision.SEASON
    if kind == "season_recent":
        if published is None:
            return None
        month = _SEASONS[g["season"].lower()]
        year = published.date.year if dt.date(published.date.year, month, 1) <= published.date else published.date.year - 1
        return dt.date(year, month, 1), DatePrecision.SEASON
    if kind == "weekday_last_week":
        if published is None or published.precision is not DatePrecision.DAY:
            return None
        back = published.date.weekday() + 7 - WEEKDAYS.index(g["weekday"].lower())
        return published.date - dt.timedelta(days=back), DatePrecision.DAY
    if kind == "weekday":
        if published is None or published.precision is not DatePrecision.DAY:
            return None
        back = (published.date.weekday() - WEEKDAYS.index(g["weekday"].lower())) % 7
        if g.get("last") and back == 0:
            back = 7  # "last Wednesday" in a Wednesday paper: a week ago
        # A Wednesday paper's "on Wednesday" is that very day (dateparser would say a week ago).
        return published.date - dt.timedelta(days=back), DatePrecision.DAY
    if kind == "ordinal_day":
        if published is None or published.precision is not DatePrecision.DAY:
            return None
        day, today = _ORDINAL_WORDS.get(g["day"].lower()) or int(g["day"].rstrip("stndrhSTNDRH")), published.date
        first = today.replace(day=1) if day <= today.day else (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        try:
            return first.replace(day=day), DatePrecision.DAY
        except ValueError:
            return None
    if kind == "year":
        return dt.date(int(g["year"]), 1, 1), DatePrecision.YEAR
    if kind == "month_last_year":  # "in May last year"
        if published is None:
            return None
        return dt.date(published.date.year - 1, _month_number(g["month"]), 1), DatePrecision.MONTH
    if kind == "month_last":  # "last August": the latest August before the publication month
        if published is None:
            return None
        month = _month_number(g["month"])
        year = published.date.year if month < published.date.month else published.date.year - 1
        return dt.date(year, month, 1), DatePrecision.MONTH
    if kind == "month_only":
        if published is None:
            return None
        # a month after the publication's, told of something done, is last year's ("liberated in
        # July" in a May paper); a day just ahead may be a misprint (_year_before), a month is not
        month = _month_number(g["month"])
        latest = published.latest
        return dt.date(latest.year if month <= latest.month else latest.year - 1, month, 1), DatePrecision.MONTH
    return None


_WORDS = compiled(r"[a-z]+")
_DIGIT = compiled(r"\d")
_MONTH_SET = frozenset(_MONTHS.split("|"))
_SEASON_SET = frozenset(_SEASONS)
_WEEKDAY_SET = frozenset(WEEKDAYS)
_DATE_WORD_SET = _MONTH_SET | _SEASON_SET | _WEEKDAY_SET | {
    "overnight", "tonight", "today", "yesterday", "week", "weekend", "month", "year", "morning", "afternoon",
    "evening", "days", "hours", "weeks", "months", "years", "war", "invasion", "conflict"}


def _worth_trying(kind: str, has_digit: bool, words: set[str]) -> bool:
    """Skip patterns whose words are absent: each needs a month, a season, a weekday or a digit."""
    if kind == "ordinal_day":
        return has_digit or not words.isdisjoint(("night", "morning", "evening"))  # ("on the night of the first")
    if kind in ("iso", "dmy", "year"):
        return has_digit
    if kind in ("month_day", "day_month", "month_year"):
        return has_digit and bool(words & _MONTH_SET)
    if kind in ("month_only", "month_last", "month_last_year"):
        return bool(words & _MONTH_SET)
    if kind in ("season_year", "season_last", "season_previous", "season_recent"):
        return bool(words & _SEASON_SET)
    if kind in ("weekday", "weekday_last_week"):
        return bool(words & _WEEKDAY_SET)
    return True


_SAME_WEEK = dt.timedelta(days=7)
#: an anchor index of each tuple of relative dates the rules hold (kept with the tuple itself)
_DATE_INDEXES: dict[int, tuple[tuple[RelativeDate, ...], AnchorIndex]] = {}


def _may_match(dates: tuple[RelativeDate, ...], sentence: str) -> list[RelativeDate]:
    """Those of ``dates`` whose literal anchors the sentence holds, in order (the others cannot
    match it): one pass over the sentence rather than one per pattern."""
    entry = _DATE_INDEXES.get(id(dates))
    if entry is None or entry[0] is not dates:
        entry = _DATE_INDEXES[id(dates)] = (dates, AnchorIndex.build([d.regex for d in dates]))
    return [dates[i] for i in entry[1]._candidates(sentence)]


def find_dates(sentence: str, published: PublishedDate | None, rules: Rules,
               after_publication: list[DateExpression] | None = None, *,
               year_from: dt.date | None = None) -> list[DateExpression]:
    """Every date expression in ``sentence`` that resolves to a day on or before publication,
    most precise first where two overlap. Those that resolve to a later day are left out, and
    added to ``after_publication`` when given, so that a claim can say why its date is unknown.
    ``year_from``, when the publication date is unknown, gives the year of a day written without
    one ("on Aug. 6"): the latest day the text writes out in full (see latest_full_date)."""
    _, words = lower_words(sentence)  # (the words _WORDS finds)
    has_digit = _DIGIT.search(sentence) is not None
    if not has_digit and not words & _DATE_WORD_SET and not any(w.endswith(("day", "night")) for w in words):
        return []  # most sentences: nothing that could be a date
    found: list[DateExpression] = []
    taken: list[tuple[int, int]] = []
    try:
        latest = published.latest if published is not None else None
    except (ValueError, OverflowError):  # a publication date at the calendar's end (9999)
        latest = dt.date.max

    def add(start: int, end: int, date: dt.date, precision: DatePrecision) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        if latest is not None and date > latest:
            # never after publication: a plan, a forecast or a misread
            if after_publication is not None:
                after_publication.append(DateExpression(start, end, sentence[start:end], date, precision))
            return
        found.append(DateExpression(start, end, sentence[start:end], date, precision))

    years: list[tuple[int, dt.date]] = []  # (end, day) of the dates written with their year
    for kind, pattern in _PATTERNS:
        if not _worth_trying(kind, has_digit, words):
            continue
        for m in pattern.finditer(sentence):
            try:
                resolved = _resolve(kind, m, published, year_from)
            except (ValueError, OverflowError):  # "last summer" in a paper of year 1: before the calendar
                resolved = None
            if resolved and (m.groupdict().get("year") or m.groupdict().get("y")):
                years.append((m.end(), resolved[0]))  # (its end: "since 2014, when ... in July" is no "since" before July)
            elif resolved and kind in ("month_only", "month_day", "day_month"):
                # "took A in January 2023 and B in May", "announced A on 13 January 2023; confirmed
                # on 25 January": a month after one written with its year is of that year (or the
                # next, when it comes round again)
                # (a period's start lends no year to a month told after it unless a clause on it does:
                # "held out since 2022, fell in October", but "since 2014, when ... in July of that year")
                before = [(at, day) for at, day in years if at < m.start()
                          and not (_SINCE_YEAR.search(sentence, max(0, at - 12), at) and not _WHEN_AFTER.search(sentence, at, m.start()))]
                if before:
                    at, day = before[-1]
                    month = resolved[0].month
                    year = day.year + (1 if month < day.month else 0)
                    if _EARLIER.search(sentence, at, m.start()):
                        # "took X in May 2023 after taking Y in January": counted back
                        year = day.year - (1 if month > day.month else 0)
                    try:
                        resolved = (resolved[0].replace(year=year), resolved[1])
                    except ValueError:  # 29 February
                        pass
            if resolved:
                add(m.start(), m.end(), *resolved)
    for fixed in rules.fixed_dates:
        for m in fixed.regex.finditer(sentence):
            add(m.start(), m.end(), fixed.date, fixed.precision)
    if published is not None:
        # (any_relative_date finds a match exactly where one of them does: the candidates are enough)
        for relative in _may_match(rules.relative_dates, sentence):
            for m in relative.regex.finditer(sentence):
                if published.precision is not DatePrecision.DAY and relative.precision is DatePrecision.DAY:
                    continue  # "overnight" in a paper known only to the month
                try:
                    date = published.date + dt.timedelta(days=relative.days)
                    if relative.week_end:  # ("last week": up to the Sunday that closed it)
                        date += dt.timedelta(days=6 - date.weekday())
                    if relative.precision is DatePrecision.DAY and relative.days and relative.days % 365 == 0:
                        # "a year ago today": the same day of that year, leap years or not
                        date = _years_before(published.date, -relative.days // 365)
                except OverflowError:  # "yesterday" of 0001-01-01
                    continue
                if relative.days == 0 and relative.precision in (DatePrecision.DAY, DatePrecision.WEEK):
                    # "withdrew overnight, the army said on Tuesday": the day the sentence gives, when it
                    # is of the last week (not "today, a year after they seized it on 24 February 2022");
                    # "over the past week, the ministry said on Saturday": the week that ended on Saturday
                    date = next((d.date for d in found if d.precision is DatePrecision.DAY
                                 and dt.timedelta(0) <= date - d.date <= _SAME_WEEK), date)
                precision = relative.precision
                if published.precision is DatePrecision.MONTH and precision is DatePrecision.WEEK:
                    date, precision = published.date, DatePrecision.MONTH
                if precision is DatePrecision.MONTH:
                    date = date.replace(day=1)  # a month is told by its first day ("earlier this month")
                elif precision is DatePrecision.YEAR:
                    date = date.replace(month=1, day=1)
                add(m.start(), m.end(), date, precision)
    return sorted(found, key=lambda d: d.start)


def _years_before(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` years before (28 February for a 29th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def find_anchored_dates(sentence: str, anchor: dt.date | None, published: PublishedDate | None,
                        rules: Rules, year_told: dt.date | None = None,
                        days: Sequence[DateExpression] = (), month_told: dt.date | None = None) -> list[DateExpression]:
    """Dates told relative to another date of the text ("late the previous day", "two days
    earlier", "later that day"), counted from the last of the sentence's ``days`` before it ("said
    on Tuesday that ... the previous day"), else from ``anchor`` (the last day the text gave), else
    from the publication day; "later that year" from ``year_told`` (the last date the text gave with
    its year) or the anchor; "later that month" from a month or day told before it in the sentence,
    else ``month_told``; never after publication."""
    base = anchor or (published.date if published is not None and published.precision is DatePrecision.DAY else None)
    if base is None and not days:
        return []
    found: list[DateExpression] = []
    for relative in _may_match(rules.anchored_dates, sentence):  # (most sentences hold none of them)
        for m in relative.regex.finditer(sentence):
            if relative.precision is DatePrecision.MONTH:
                months = [d.date for d in days if d.end <= m.start() and d.precision in (DatePrecision.DAY, DatePrecision.MONTH)
                          and _MONTH_WORD.search(d.text)]
                month = months[-1] if months else month_told
                named = m.groupdict().get("month") or m.groupdict().get("month_of")
                if named is not None:  # "liberated that September": the month named, of the year told before
                    month = months[-1] if months else year_told or month_told
                    if month is None:
                        continue
                    month = dt.date(month.year, _month_number(named), 1)
                if month is None:
                    continue  # "later that month" needs a month the text gave
                date = dt.date(month.year, month.month, 1)
                if (published is None or date <= published.latest) and not any(m.start() < f.end and f.start < m.end() for f in found):
                    found.append(DateExpression(m.start(), m.end(), m.group(), date, relative.precision))
                continue
            told_before = [d.date for d in days if d.end <= m.start() and d.precision is DatePrecision.DAY]
            counted_from = told_before[-1] if told_before else base
            if counted_from is None:
                continue
            date = counted_from + dt.timedelta(days=relative.days)
            if relative.precision is DatePrecision.YEAR:
                told = year_told or anchor
                if told is None:
                    continue  # "later that year" needs a year the text gave, not the publication's
                date = dt.date(told.year, 1, 1)  # "later that year": the year the passage is told in
            if published is not None and date > published.latest:
                continue
            if not any(m.start() < f.end and f.start < m.end() for f in found):
                found.append(DateExpression(m.start(), m.end(), m.group(), date, relative.precision))
    return sorted(found, key=lambda d: d.start)


_MONTH_WORD = compiled(r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{4}-\d{2}")  # a date that names its month
_SINCE_YEAR = compiled(r"\bsince\s+(?:19|20)\d\d$", re.I)
_WHEN_AFTER = compiled(r"\b(?:when|that year)\b", re.I)
_EARLIER = compiled(r"\b(?:after|following|since)\b", re.I)
_FULL_DATE_KINDS = ("iso", "dmy", "month_day", "day_month")


def latest_full_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """The latest day a text writes out with its year ("Aug. 7, 2024", "2024-08-07"), not after
    ``today``: for an article whose publication date is unknown, the year its "on Aug. 6" is in."""
    today = today or dt.date.today()
    latest: dt.date | None = None
    for kind, pattern in _PATTERNS:
        if kind not in _FULL_DATE_KINDS:
            continue
        for m in pattern.finditer(text):
            if kind in ("month_day", "day_month") and not m.group("year"):
                continue
            try:
                resolved = _resolve(kind, m, None)
            except (ValueError, OverflowError):
                resolved = None
            if resolved and resolved[0] <= today and (latest is None or resolved[0] > latest):
                latest = resolved[0]
    return latest
