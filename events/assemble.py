"""Stage 5 of extraction: the article's claims from its drafts.

A claim is (article, place, claimant, kind of change): the same claim told in the headline, the
lead, the body and a caption is one claim with every evidence span; two claimants saying the same
thing are two claims. The outlet's own voice in a headline or the opening sentence that repeats a
named claimant's claim is that claim, not another. Within one sentence, a change of control wins
over fighting at the same place, and a share of a place ("90% of the city") over all of it.

Pure functions over drafts; cases in tests/events/test_assemble.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace

from events.anchors import compiled
from events.changes import CORRECTED_BEFORE
from events.claimants import _ROLE_AFTER_NAME, GENERIC_MILITARIES, GENERIC_STATES, SIDE_ADJECTIVE, STATE_KINDS, quotations
from events.dates import DateExpression
from events.drafts import (_AFTER_PUBLICATION, _CLAIM_NOUN, PASSED_OVER, PASSED_OVER_REACH, REPORT_VOICE, WE_REPORTED,
                           Draft)
from events.records import Article, Claim, DatePrecision, EventType, Side
from events.rules import Rules
from events.sentences import Sentence

__all__ = ["assemble"]

_GAIN = {EventType.CAPTURE: "gain", EventType.RECAPTURE: "gain"}
_LEAD_SENTENCES = 2  # the opening sentences of the body, where wire copy sums up what follows
#: "the alleged loss of X", "the claimed capture", "X reportedly took Y": a claim told again, not the outlet's own
_RETOLD = compiled(r"\b(?:alleged(?:ly)?|claimed|purported(?:ly)?|supposed(?:ly)?|so-called|reported(?:ly)?)\b", re.I)
# "The fall of X followed weeks of fighting": a change named as known, after the article has told who claims it
_NAMED_AS_KNOWN = compiled(r"\b[Tt]he (?:fall|capture|loss|seizure|surrender|liberation|recapture) of (?:the (?:town|city|village) of )?$")

# a withdrawal from positions near a place, not from the place ("pulled back from positions on its edge")
_FROM_POSITIONS = compiled(r"\b(?:withdr\w*|pull\w*|retreat\w*|left|fell back)\b[^.;]{0,40}?\b(?:positions|lines|trenches|edge|outskirts)\b")
# troops that entered a place unopposed: "entered X without a fight", "without firing a shot",
# "unopposed", "meeting no resistance", "rolled into the centre of X to cheering crowds", "after
# Russian columns left", "as Russian forces completed their withdrawal", "after Russia withdrew its
# forces across the river" (a gain, not fighting; the withdrawal itself may name no place): the cue in
# the entry's own clause
_ENTRY_THEN_CUE = compiled(
    r"\b(?:entered|entering|enter|enters|rolled into|marched into|drove into)\s+(?P<object>[^.;:,]{1,60}?),?\s*"
    r"(?:(?<!not )(?<!never )\bwithout (?:(?:firing|meeting|encountering|facing) )?(?:a |any |a single )?(?:fight|battle|resistance|shot)|"
    r"\bunopposed\b|\b(?:meeting|encountering|facing|met|encountered) no (?:resistance|opposition)|"
    r"\b(?:to|by) (?:cheering|jubilant|celebrating) (?:crowds|residents|locals)|"
    r"\b(?:greeted|welcomed) by (?:cheering |jubilant )?(?:residents|crowds|locals)|"
    r"\b(?:after|as|when) (?:the )?(?P<leaver>(?:Russian|Ukrainian|enemy|Russia['’]s|Ukraine['’]s) (?:troops|forces|units|columns|army|soldiers)|"
    r"Russia|Ukraine|Moscow|Kyiv|the (?:Russians|Ukrainians|occupiers|enemy))\b[^.;:,]{0,40}?\b"
    r"(?:withdr[ae]w|had withdrawn|completed (?:its|their|the) withdrawal|left|had left|pulled out|retreated|fled|abandoned)\b"
    r"(?! (?:for|their positions|positions)\b)(?!\s+(?:the\s+(?:town|city|village)\s+of\s+)?[A-Z]))")
_ENTERED_POINTER = compiled(r"\b(?:the\s+(?:[\w-]+\s+)?(?:city|town|village|settlement)|it)\b")
_CAPITALISED = compiled(r"\b[A-ZА-ЯІЇЄ]")
# the entry undone or denied in the same sentence: "... and was wiped out", "..., a spokesman denied"
_UNDONE_AFTER = compiled(r"\b(?:wiped out|destroyed|driven out|pushed out|pushed back|forced out|forced back|repelled|eliminated|denied|"
                         r"denies|false|fake|untrue|came under (?:heavy |intense |fierce )?fire|at first|initially)\b")
_ENTERED_PART = compiled(r"\b(?:outskirts|districts?|part|parts|edges?|suburbs|streets|quarters?|neighbou?rhoods?)\b")


_TODAY = compiled(r"today|this morning|this afternoon|this evening|tonight", re.I)  # the day a speaker spoke


def _kind_group(kind: EventType) -> str:
    return _GAIN.get(kind, str(kind))


def _claim_key(d: Draft) -> tuple[str, str, str, str, bool, int | None]:
    # history and news are two claims even in one voice ("captured it in 2022 ... has now retaken"), and so are
    # two histories of one side's gain years apart ("took it in 2022 ... lost it ... retook it in 2024")
    return d.place.key, d.attribution.claimant, _kind_group(d.kind), str(d.gains), d.background, \
        d.date.date.year if d.background and d.date is not None else None


_NEAR_SENTENCES = 2  # fighting told this close to a claimant's change of the same place is part of it


_OURS = compiled(r"\b(?:ours|our (?:full )?(?:control|hands))\b", re.I)  # a holder's words


def _same_sentence_rules(drafts: list[Draft], rules: Rules) -> list[Draft]:
    """No `contested` beside a change of the same place and claimant in or next to its sentence
    ("infiltrating X ... a foothold in X"), nor a siege or an assault beside its holder's denial
    ("X is ours, though the enemy keeps storming it"; fighting that goes on inside is a claim of its
    own: "reports of X's fall are false: fighting goes on there"); no full capture beside a share of
    it in one sentence ("drove them out of X and took control of 90% of the city"); no gain of the
    holder's own where it denies the other side's gain of the place ("X is ours", said to a claim)."""
    changed: dict[tuple[str, str, bool], list[int]] = {}
    taken: dict[tuple[str, str, bool], list[int]] = {}  # the changes but withdrawals
    denied: dict[tuple[str, str], list[int]] = {}
    # (a claim its speaker takes back in the same sentence hides no fighting told beside it: "retracted a
    # report that X had been liberated, saying fighting went on there")
    taken_back = {(d.view.index, d.place.key, d.attribution.claimant, d.gains) for d in drafts if d.kind is EventType.DENIAL}
    for d in drafts:
        # (history for history only: "gains in X, the village it recaptured last summer")
        if d.kind in rules.change_types and (d.view.index, d.place.key, d.attribution.claimant, d.gains) not in taken_back:
            changed.setdefault((d.place.key, d.attribution.claimant, d.background), []).append(d.view.index)
            if d.kind is not EventType.WITHDRAWAL:
                taken.setdefault((d.place.key, d.attribution.claimant, d.background), []).append(d.view.index)
        elif d.kind is EventType.DENIAL and not d.denies_fighting:
            denied.setdefault((d.place.key, d.attribution.claimant), []).append(d.view.index)
    partial = {(d.view.index, d.place.key, d.attribution.claimant) for d in drafts if d.kind is EventType.PARTIAL}
    # ("There are no Russians in X. The village is ours": the holder answering another's claim, in its
    # sentence or the next: a denial, not a gain of its own)
    claimed = {(d.place.key, d.gains, d.attribution.claimant) for d in drafts
               if d.kind in (EventType.CAPTURE, EventType.RECAPTURE)}
    denies_other = {(i, d.place.key, d.attribution.claimant, d.gains) for d in drafts
                    if d.kind is EventType.DENIAL and not d.denies_fighting
                    and any(key == d.place.key and gains is d.gains and who != d.attribution.claimant
                            for key, gains, who in claimed)
                    for i in (d.view.index - 1, d.view.index, d.view.index + 1)}
    out = []
    for d in drafts:
        where = (d.view.index, d.place.key, d.attribution.claimant)
        if d.kind in (EventType.CAPTURE, EventType.RECAPTURE) and d.gains is not Side.NONE \
                and where + (d.gains.opponent(),) in denies_other and _OURS.search(d.view.text):
            continue
        # ("pulled back to the outskirts of X, and X itself is now a grey zone": the grey zone is told
        # beside the withdrawal, not as the fighting that won it)
        around = taken if d.kind is EventType.CONTESTED and _GREY_ZONE.search(d.view.text) else changed
        near = around.get((d.place.key, d.attribution.claimant, False), []) + (
            around.get((d.place.key, d.attribution.claimant, True), []) if d.background else [])
        if d.kind is EventType.CONTESTED and d.attempt:
            near = near + denied.get((d.place.key, d.attribution.claimant), [])
        if d.kind is EventType.CONTESTED and any(abs(i - d.view.index) <= _NEAR_SENTENCES for i in near):
            continue
        if d.kind in (EventType.CAPTURE, EventType.RECAPTURE) and where in partial:
            continue
        out.append(d)
    return out


_GREY_ZONE = compiled(r"\b(?:gr[ae]y|contested)[”\"’']?\s+zone\b", re.I)


_FIGHTING_ON = compiled(r"\b(?:fight\w*|battles?|clashes|street|gr[ae]y zone)\b", re.I)


def _day(draft: Draft, published: dt.date | None) -> dt.date | None:
    """The day a draft tells of: its own date's, else the publication's."""
    return draft.date.date if draft.date is not None else published


def _entry_told_with_its_gain(drafts: list[Draft], published: dt.date | None) -> list[Draft]:
    """Troops that entered a place where a speaker of the same side tells that side's gain of it near
    by and for the same day ("Russian channels said assault groups had entered X" beside "the
    ministry said X had been liberated"), or a headline's entry over the body's gain ("Ukrainian
    troops enter X" over "... retook X"): one claim, the gain. (Not a flag raised on one of its
    buildings with no side named, which annotators code as fighting of its own.)"""
    # (a gain told as a claim denied is no telling of it: "Ukraine denied Russian claims that X fell")
    gains = [d for d in drafts if d.kind in _GAIN and not d.background and d.gains is not Side.NONE and not d.attribution.embedded]
    return [d for d in drafts if not (
        d.kind is EventType.CONTESTED and not d.background and d.actor is not Side.NONE
        and not _FIGHTING_ON.search(d.view.text)  # (not an entry with fighting told beside it: "entered X and are fighting in its streets")
        and any(g.place.key == d.place.key and g.gains is d.actor
                and (g.attribution.side is d.attribution.side and abs(g.view.index - d.view.index) <= _NEAR_SENTENCES
                     # (not an entry told for another day: "troops entered X on Friday ... liberated on Saturday")
                     and _day(g, published) == _day(d, published)
                     or d.view.heading and d.attribution.kind == "journalist" and not g.view.heading)
                for g in gains))]


def _lead_index(drafts: list[Draft]) -> int:
    """The index of the last sentence of the lead: the first body sentences of the article."""
    body = sorted({d.view.index for d in drafts if not d.view.heading})
    return body[_LEAD_SENTENCES - 1] if len(body) >= _LEAD_SENTENCES else (body[-1] if body else -1)


_SOLDIER = "soldier"  # claimants.toml's "{side} soldier" with no side to name


def _name_unsided(drafts: list[Draft], rules: Rules) -> list[Draft]:
    """"Russian troops seize three villages, defence ministry says" before anyone spoke: the
    ministry is the one of the side the article names it for elsewhere ("the Russian Defence
    Ministry report listed ..."), else, for a gain, that of the side it says gained ("Ukrainian
    forces have retaken X, the brigade's spokesman said": a Ukrainian military spokesman), for a
    withdrawal that of the side it says withdrew ("Ukrainian units left X, a military spokesman said"),
    and for a denial that of the side whose gain it is not ("Navy: Russian claims about X are fake")."""
    unsided = {rule.name.replace("{side} ", ""): dict(rule.side_names) or {
                   side.value: rule.name.replace("{side}", adjective) for side, adjective in SIDE_ADJECTIVE.items()}
               for rule in rules.claimants if rule.side == "context"}
    speaks_for = {c.name: c.speaks_for for c in rules.claimants if c.speaks_for}
    for _ in range(2):  # again, once the first pass has named some: "liberated A (in Russia), B and C"
        # (a body is named too by its spokesman: "Konashenkov said" names Russia's ministry)
        claimants = {name for d in drafts for name in (d.attribution.claimant, *speaks_for.get(d.attribution.claimant, ()))}
        for d in drafts:
            names = unsided.get(d.attribution.claimant) if d.attribution.side is Side.NONE else None
            if not names or d.attribution.claimant == _SOLDIER and d.side_from == "text" and d.kind is not EventType.WITHDRAWAL:
                # ("one paratrooper said the Russians had taken X": a soldier of either side may tell a gain the text
                # gives a side; a withdrawal so told is his own side's)
                continue
            present = [side for side, name in names.items() if name in claimants]
            # a side tells of its own gains (a share too) and of its own withdrawals
            # (and denies the other side's: "Military: Russian claims about X are false")
            actor = d.gains if d.kind in _GAIN or d.kind is EventType.PARTIAL else \
                d.gains.opponent() if d.kind in (EventType.WITHDRAWAL, EventType.DENIAL) and d.gains is not Side.NONE else Side.NONE
            if d.side_from == "enemy":
                actor = actor.opponent()  # ('"They have half of it," a soldier said': the speaker's enemy gained)
            # (both sides' named: the one whose deed it tells, "Russian troops take X - defence ministry")
            side = present[0] if len(present) == 1 else (actor.value if (not present or actor.value in present)
                                                          and actor.value in names else "")
            if side:
                d.attribution = replace(d.attribution, claimant=names[side], side=Side(side))
                if d.gains is Side.NONE and d.side_from in ("", "claimant") and d.kind in _GAIN:
                    d.gains = Side(side)  # "the ministry announced the liberation of X": its side's gain
    return drafts


def _one_name_per_person(drafts: list[Draft]) -> list[Draft]:
    """A person named once with a role ("Oleksandr Syrskyi (Ground Forces Commander)") and once
    without ("Syrskyi wrote") is one claimant, under the name with the role."""
    full = {}
    for d in drafts:
        base = _ROLE_AFTER_NAME.sub("", d.attribution.claimant)
        if base != d.attribution.claimant and d.attribution.side is not Side.NONE:
            full.setdefault((base, d.attribution.side), d.attribution.claimant)
    for d in drafts:
        named = full.get((d.attribution.claimant, d.attribution.side))
        if named:
            d.attribution = replace(d.attribution, claimant=named)
    return drafts


def _entered_as_the_other_left(drafts: list[Draft]) -> list[Draft]:
    """Troops that entered a place the sentence says the other side left took it ("Ukrainian forces
    entered X after Russia completed its withdrawal from the city"), and so did troops that entered
    it unopposed ("entered X without a fight"): a gain, not fighting."""
    # (not a pullback from positions on its edge: "pulled back from positions on its northern edge")
    left = {(d.view.index, d.place.key, d.gains) for d in drafts if d.kind is EventType.WITHDRAWAL and not d.background
            and not _FROM_POSITIONS.search(d.view.text)}
    for d in drafts:
        if d.kind is EventType.CONTESTED and d.actor is not Side.NONE and (
                (d.view.index, d.place.key, d.actor) in left or _entered_unopposed(d)):
            place = d.place.resolution.place
            d.kind = EventType.RECAPTURE if place is not None and place.country == d.actor.value else EventType.CAPTURE
            d.gains = d.actor
    return drafts


def _entered_unopposed(draft: Draft) -> bool:
    """"Ukrainian units entered X after Russian columns left", "entered the city without a fight": the
    cue told of the entry into the draft's place (named or pointed to, not a part of it), and the side
    that left is the other one."""
    text, name = draft.view.text, draft.place.name.lower()
    for m in _ENTRY_THEN_CUE.finditer(text):
        entered = m.group("object")
        named_there = name in entered.lower()
        pointed = not _CAPITALISED.search(entered) and _ENTERED_POINTER.search(entered)  # ("the village", not "the village of B")
        if not named_there and not pointed or _ENTERED_PART.search(entered) or _UNDONE_AFTER.search(text, m.end()):
            continue
        leaver = m.group("leaver")
        if leaver is None:
            return True
        leaver_side = Side.UA if re.match(r"(?:the )?Ukrain|Kyiv", leaver) else Side.RU if re.match(r"(?:the )?Russ|Moscow", leaver) \
            else draft.actor.opponent()  # ("after the enemy left", "after the occupiers fled")
        return leaver_side is draft.actor.opponent()
    return False


def _retaken(drafts: list[Draft], published: dt.date | None) -> list[Draft]:
    """A side that takes a place the article says it lost before retakes it ("Ukrainian troops
    liberated the village in August 2023" ... Russia now "captured" it: a recapture; so after the other
    side only gained a foothold there: "marines gained a foothold in X last October" ... "cleared X")."""
    lost: dict[tuple[str, Side], tuple[dt.date | None, int, int]] = {}
    for d in drafts:
        if d.background and (d.kind in _GAIN or d.kind is EventType.PARTIAL) and d.gains is not Side.NONE:
            key = (d.place.key, d.gains.opponent())
            day = _period_end(d.date) if d.date is not None else None
            # (a foothold lost is retaken soon or not at all: after a year the other side's part is its own)
            reach = _FOOTHOLD_DAYS if d.kind is EventType.PARTIAL else _LONG_AGO_DAYS
            if key not in lost or day is not None and (lost[key][0] is None or day < lost[key][0]):
                lost[key] = (day, d.view.index, reach)  # (the earliest loss told, by the last day it may have been)
    for d in drafts:
        # (history too, told after the loss in the text and in time: "lost it in September 2023. ... captured it
        # again in early 2025")
        if d.kind is not EventType.CAPTURE or (d.place.key, d.gains) not in lost:
            continue
        lost_by, told_at, reach = lost[(d.place.key, d.gains)]
        if (not d.background or d.date is not None and lost_by is not None and d.date.date > lost_by and d.view.index > told_at) \
                and not _held_long_since(lost_by, reach, d.date.date if d.date is not None
                                         else published if reach == _FOOTHOLD_DAYS else None):
            d.kind = EventType.RECAPTURE
    return drafts


_LONG_AGO_DAYS = 540  # (a place lost years before is taken, not retaken: Kupiansk in 2025, lost by Russia in 2022)
_FOOTHOLD_DAYS = 365


def _held_long_since(lost_by: dt.date | None, reach: int, taken: dt.date | None) -> bool:
    """Whether the other side had held the place (or its part) for longer than ``reach`` days before this taking (on
    its own day, else the article's)."""
    return lost_by is not None and taken is not None and (taken - lost_by).days > reach


_PERIOD_DAYS = {DatePrecision.WEEK: 6, DatePrecision.MONTH: 30, DatePrecision.SEASON: 91, DatePrecision.YEAR: 364}


def _period_end(date: DateExpression) -> dt.date:
    """The last day a dated event may have been ("in 2023": the end of 2023)."""
    if date.precision is DatePrecision.YEAR:
        return dt.date(date.date.year, 12, 31)
    return date.date + dt.timedelta(days=_PERIOD_DAYS.get(date.precision, 0))


def _sided_over_unsided(drafts: list[Draft]) -> list[Draft]:
    """Two phrases of one sentence telling of one change ("left it in September during a
    regrouping"), one with the side named and one without: the sided one."""
    sided = {(d.view.index, d.place.key, d.attribution.claimant, _kind_group(d.kind)) for d in drafts
             if d.gains is not Side.NONE and d.kind is not EventType.CONTESTED}
    return [d for d in drafts if not (d.gains is Side.NONE and d.kind is not EventType.CONTESTED and
                                      (d.view.index, d.place.key, d.attribution.claimant, _kind_group(d.kind)) in sided)]


_UNSIDED_FOUGHT = frozenset({EventType.CAPTURE, EventType.RECAPTURE, EventType.PARTIAL})


def _unsided_gains_fought_over(drafts: list[Draft]) -> list[Draft]:
    """A gain of nobody's side ("a flag is flying over X, but the town is not theirs"; "they held about
    half of X" with no side known) is fighting at the place: contested, as the annotation rules have it."""
    return [replace(d, kind=EventType.CONTESTED) if d.gains is Side.NONE and d.kind in _UNSIDED_FOUGHT else d
            for d in drafts]


def _history_told_once(drafts: list[Draft]) -> None:
    """Two phrases of one sentence telling one change of one place on one day ("first entered X on 7
    August, when fighting broke out in its streets"), or one undated and the other dated as history
    ("Moscow has also claimed X, which it said it captured in February"): history if either is."""
    told = {(d.view.index, d.place.key, d.attribution.claimant, _kind_group(d.kind), d.date.date if d.date else None)
            for d in drafts if d.background and d.date is not None}
    # (the same kind only: not "Russia, which captured X in 2022, has now retaken it")
    told_kind = {(d.view.index, d.place.key, d.attribution.claimant, d.kind) for d in drafts if d.background and d.date is not None}
    for d in drafts:
        if not d.background and d.date is not None and \
                (d.view.index, d.place.key, d.attribution.claimant, _kind_group(d.kind), d.date.date) in told:
            d.background = True
        elif not d.background and d.date is None and (d.view.index, d.place.key, d.attribution.claimant, d.kind) in told_kind:
            d.background = True


def _merge(drafts: list[Draft]) -> list[Draft]:
    """One draft per claim; the others become its extra evidence. A name the gazetteer left
    unresolved in one sentence is the place it resolved to in another, when it resolved to only
    one ("Nevskoye in the Lugansk People's Republic" ... "took Nevskoye")."""
    resolved: dict[str, dict[str, str]] = {}
    for d in drafts:
        if d.place.resolution.place is not None:
            resolved.setdefault(d.place.mention.text.casefold(), {})[d.place.key] = d.place.resolution.place.admin1
    merged: dict[tuple[str, str, str, str, bool, int | None], Draft] = {}
    for d in drafts:
        key = _claim_key(d)
        same = resolved.get(d.place.mention.text.casefold(), {}) if d.place.resolution.place is None else {}
        if len(same) == 1:
            (resolved_key, admin1), = same.items()
            likeliest = d.place.resolution.candidates[0].admin1 if d.place.resolution.candidates else admin1
            # (not a namesake in another oblast than the one its sentence points to: "Ivanivka in the Luhansk
            # region" ... "Ivanivka in the Donetsk People's Republic")
            if admin1 == likeliest:
                key = (resolved_key, *key[1:])
        kept = merged.get(key)
        if kept is None:
            merged[key] = d
            continue
        if kept.place.resolution.place is None and d.place.resolution.place is not None:
            kept.place = d.place
        kept.also.append(d.view)
        if kept.heading and not d.heading:
            # the body's telling is the evidence; the headline stays as another span
            kept.view, kept.first, kept.heading, kept.place = d.view, d.first, False, d.place
            kept.date, kept.date_basis = d.date or kept.date, d.date_basis if d.date else kept.date_basis
        else:
            _date_from(kept, d)
        kept.hedged = kept.hedged and d.hedged
        kept.background = kept.background and d.background
        kept.confidence = max(kept.confidence, d.confidence)
        kept.via = kept.via or d.via
    # (an undated telling of a history joins the one dated telling of the same gain: "X, which Russia took"
    # ... "Russia took X in 2022")
    for key, d in list(merged.items()):
        dated = [k for k in merged if k[:5] == key[:5] and k[5] is not None] if key[4] and key[5] is None else []
        if len(dated) == 1:
            merged[dated[0]].also.append(d.view)
            del merged[key]
    return list(merged.values())


def _date_from(kept: Draft, other: Draft) -> None:
    """A claim told twice takes the other telling's date when it has none of its own, and the day of
    the event ("It said the village fell on Sunday") over the day it was told."""
    if kept.date is not None and other.date is not None and _TODAY.fullmatch(other.date.text) \
            and any(start <= other.date.start < end for start, end in quotations(other.view.text)):
        return  # a quotation's "today" is the day its speaker spoke, which the other telling may date
    if kept.date is None and other.date is not None or other.date_of_event and not kept.date_of_event:
        kept.date, kept.date_basis, kept.date_of_event = other.date, other.date_basis, other.date_of_event


# (a list may be the subject: "A, B and C are also under our control")
_SUBJECT_OPENS = compiled(r"(?:^|[“\"«:;.—–-]\s*|\bthe (?:town|village|city|settlement)s? of\s+)"
                          r"(?:[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?(?:,\s*|,?\s+and\s+))*$")
_IS_UNDER = compiled(r"(?:(?:,\s*|,?\s+and\s+)[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)*"
                     r"\s+(?:is|are|remains|was)\s+(?:now\s+|already\s+|also\s+|fully\s+|completely\s+|entirely\s+)*(?:under|in|ours)\b")
_CITY_TOLD_TAKEN = 100_000


# "X is ours", "X is now under Ukrainian control" (not "X is ours again", "... control again": retaken)
_STILL_OURS = compiled(r"\W*(?:is|are)\s+(?:still\s+|now\s+)?(?:ours\b(?!\s+again)|under\s+(?:the\s+)?(?:full\s+|firm\s+)?"
                       r"(?:control\s+of\s+(?:the\s+|our\s+)?(?:Ukrainian|Russian)\s+(?:forces|troops|army)|(?:Ukrainian|Russian|our)\s+control)\b"
                       r"(?![^.;]{0,30}\b(?:again|back|once more)\b))")
# (the place pointed to: "Nothing of the kind, the village is ours")
_POINTER_STILL_OURS = compiled(r"\b(?:[Tt]he\s+(?:village|town|city|settlement)|[Ii]t)\s+(?:is|are)\s+(?:still\s+|now\s+)?ours\b(?!\s+again)"
                               r"(?![^.;]{0,30}\b(?:again|back|once more)\b)")


def _ours_against_their_claim(drafts: list[Draft]) -> list[Draft]:
    """The owner's "X is ours" or "X is now under our control" after the article tells that the other
    side took X denies it: a holding, not a recapture ("Russia said it had taken X. 'X is ours,' the
    brigade said")."""
    # (or says its own troops entered it: "Ukrainian channels claimed AFU units had entered X ... 'X is ours'")
    # (or a share of it: "Russian channels claimed more than half of X ... 'X is ours'")
    claimed = {(d.place.key, d.claimed_side) for d in drafts if not d.background and (
        d.kind in _GAIN or d.kind is EventType.PARTIAL or d.kind is EventType.CONTESTED and d.actor is d.attribution.side)}
    for d in drafts:
        place, speaker = d.place.resolution.place, d.attribution.side
        # (a place of several namesakes, unresolved, is the speaker's own when its gain was read as a recapture)
        own = place.country == speaker.value if place is not None else d.kind is EventType.RECAPTURE
        if d.kind in (EventType.CAPTURE, EventType.RECAPTURE) and not d.background and d.gains is speaker \
                and speaker in (Side.RU, Side.UA) and own \
                and (d.place.key, speaker.opponent()) in claimed \
                and (_STILL_OURS.match(d.view.text, d.place.end) or _POINTER_STILL_OURS.search(d.view.text)):
            d.kind, d.gains, d.denied_side, d.holding = EventType.DENIAL, speaker.opponent(), speaker.opponent(), True
    return drafts


# a part the speaker's side still holds: "Kyiv says its troops still hold part of the city"
# (not beside a part conceded: "controlled most of X, but our units still hold the plant")
_CONCEDED = compiled(r"\b(?:but|though|although|while|whereas|most)\b")
_OWN_HOLDER = compiled(r"\b(?:it|its|their|our|we|his|her)\b", re.I)
_SIDE_HOLDER = {Side.UA: compiled(r"\bUkrain(?:ian|e['’]s)\b"), Side.RU: compiled(r"\bRussia(?:n|['’]s)\b")}
_ENEMY_HOLDER = compiled(r"\b(?:enemy|they|occupiers)\b", re.I)
_STILL_HOLDING = compiled(r"\bstill\s+(?:firmly\s+)?(?:hold|holds|held|holding|control|controls|controlled|controlling|keep|keeps|kept)\b")


def _part_held_against_their_claim(drafts: list[Draft]) -> list[Draft]:
    """A speaker's part of X "still" held by its side, after the article tells that the other side
    claims it took X, denies that claim ("Russia says it took X; Kyiv says its troops still hold
    part of the city"): a denial beside the part."""
    claimed: dict[tuple[str, Side], int] = {}  # (place, claimant's side) -> the first sentence telling the claim
    for d in drafts:
        if d.kind in _GAIN and not d.background:
            claimed.setdefault((d.place.key, d.attribution.side), d.view.index)
    denials = []
    for d in drafts:
        speaker = d.attribution.side
        still = _STILL_HOLDING.search(d.view.text)
        # (held by the speaker's own: "its troops still hold part of X", not "the enemy still controls part of X")
        holder = d.view.text[max(0, still.start() - 50):still.start()] if still else ""
        own = (_OWN_HOLDER.search(holder) or _SIDE_HOLDER[speaker].search(holder)) if speaker in _SIDE_HOLDER else None
        if d.kind in (EventType.PARTIAL, EventType.CONTESTED) and not d.background and speaker in (Side.RU, Side.UA) \
                and claimed.get((d.place.key, speaker.opponent()), d.view.index + 1) <= d.view.index and still \
                and own and not _SIDE_HOLDER[speaker.opponent()].search(holder) and not _ENEMY_HOLDER.search(holder) \
                and d.attribution.kind != "journalist" and not _CONCEDED.search(d.view.text) \
                and not any(o.kind is EventType.DENIAL and o.place.key == d.place.key and o.attribution.side is speaker for o in drafts):
            denials.append(replace(d, kind=EventType.DENIAL, gains=speaker.opponent(), denied_side=speaker.opponent(),
                                   via="", hedged=False, also=[]))
    return drafts + denials


def _context_denier_of_their_claim(drafts: list[Draft]) -> list[Draft]:
    """A denier named only by the side that spoke last ("Russian bloggers claimed X. Reports about its capture
    are false, the brigade said"), denying a gain nobody claimed while its side claimed the other gain there:
    the other side denies that claim."""
    for d in drafts:
        denier = d.attribution
        adjective = SIDE_ADJECTIVE.get(denier.side, "")
        if d.kind is not EventType.DENIAL or d.needs_claim or d.holding or not denier.from_context or not adjective \
                or not denier.claimant.startswith(adjective + " "):
            continue
        told = [o for o in drafts if o.kind is not EventType.DENIAL and o.place.key == d.place.key and not o.background]
        if told and not any(o.claimed_side is d.gains for o in told) \
                and all(o.claimed_side is denier.side and o.attribution.side is denier.side for o in told):
            other = denier.side.opponent()
            d.attribution = replace(denier, side=other, claimant=SIDE_ADJECTIVE[other] + denier.claimant[len(adjective):])
            d.gains = d.denied_side = denier.side
    return drafts


def _held_across_the_line(drafts: list[Draft], rules: Rules, text: str) -> list[Draft]:
    """A speaker's "X is under our full control" of a place of the other country, the article telling
    no one else's gain there, claims the speaker's side took it (Wagner on a Ukrainian village): no
    holding that denies (not of a city one side has held since 2014: places.toml)."""
    gained = {(d.place.key, d.gains) for d in drafts if d.kind is not EventType.DENIAL}
    # (a gain told as history is no claim a holding answers: "X, occupied in March" and a governor's "X is
    # under the control of the Armed Forces" after its retaking is told)
    gained_now = {(d.place.key, d.gains) for d in drafts if d.kind is not EventType.DENIAL and not d.background}
    claimed_by_gainer = {(d.place.key, d.gains) for d in drafts if d.kind is not EventType.DENIAL and d.attribution.side is d.gains}
    kept = []
    for d in drafts:
        place, speaker = d.place.resolution.place, d.attribution.side
        if d.needs_claim and d.kind is EventType.DENIAL and speaker in (Side.RU, Side.UA) \
                and d.gains is speaker.opponent() and place is not None and place.country == d.gains.value \
                and place.geonameid not in rules.places.held_since and (d.place.key, d.gains) not in gained:
            if (d.place.key, speaker) in gained:
                continue  # (the speaker's side's gain told already: "captured X ... X is under our full control")
            # (the place itself the subject, not "the situation in X" or "the skies over X"; not a city of
            # 100,000 or more, whose change of hands is told with a verb of taking: "Mariupol is under our
            # full control" is a holding)
            text, ref = d.view.text, d.place
            if not _CLAIM_NOUN.search(text) and place.population < _CITY_TOLD_TAKEN \
                    and _SUBJECT_OPENS.search(text, 0, ref.start) and _IS_UNDER.match(text, ref.end):
                d.kind, d.gains, d.holding, d.needs_claim = EventType.CAPTURE, speaker, False, False
        elif d.needs_claim and d.kind is EventType.DENIAL and speaker is d.gains.opponent() \
                and (d.place.key, d.gains) in gained and (d.place.key, d.gains) not in gained_now \
                and (d.place.key, speaker) in claimed_by_gainer and not _CLAIM_NOUN.search(d.view.text):
            continue  # ("We liberated X," the brigade said ... "X is under our control": its gain again, no denial of history)
        elif d.needs_claim and d.kind is EventType.DENIAL and d.gains in (Side.RU, Side.UA) and (d.place.key, d.gains) not in gained_now \
                and not _CLAIM_NOUN.search(d.view.text) and (_NOW_UNDER.search(d.view.text, d.place.end)
                                                             # (the speaker's side's retaking told only by a voice of
                                                             # neither side, "photos showed ...": the speaker's
                                                             # holding claims it)
                                                             or speaker is d.gains.opponent()
                                                             and (d.place.key, speaker) in gained_now
                                                             and (d.place.key, speaker) not in claimed_by_gainer
                                                             or speaker is d.gains.opponent()
                                                             and (cried := _CRIED_OWNER.match(d.view.text, d.place.end)) is not None
                                                             and _cried_over_a_flag(text, d.view.sentence)
                                                             # (a holding said over the other side's flag answers it:
                                                             # "Russian troops raised a flag in X. 'X is under the control
                                                             # of our defenders,' the brigade said")
                                                             and ("!" in cried.group() or not _FLAG_OF[speaker].search(
                                                                 text, max(0, d.view.sentence.start - 150), d.view.sentence.start))) \
                and not _SINCE_AFTER.search(d.view.text, d.place.end):
            # "A, B and C are now under the control of the Ukrainian armed forces": nobody's claim to deny, the
            # holder has them now (the other side's speaker concedes it); so has the side whose post cries
            # "X is Ukraine!" over its flag
            holder = d.gains.opponent()
            d.kind = EventType.RECAPTURE if place is None or place.country == holder.value else EventType.CAPTURE
            d.gains, d.holding, d.needs_claim = holder, False, False
        kept.append(d)
    return kept


_NOW_UNDER = compiled(r"\s(?:is|are|was|were)\s+now\s+(?:fully\s+|completely\s+)?(?:under|in)\s")
_SINCE_AFTER = compiled(r"\bsince\b")
# ("X is Ukraine!", or the holder's "X is ours", "X is under the control of our defenders" over the flag)
_CRIED_OWNER = compiled(r"\s+(?:is|are)\s+(?:(?:Ukrainian|Ukraine|Russian|Russia)\s*!|(?:now\s+|again\s+)?(?:ours\b|under\s+our\s+(?:full\s+)?control|"
                        r"under\s+the\s+(?:full\s+)?control\s+of\s+our\b|in\s+our\s+hands|in\s+the\s+hands\s+of\s+our\b))")
_FLAG_OF = {Side.UA: compiled(r"\b(?:Russia\w*|Moscow|Wagner|occupiers?)\b"), Side.RU: compiled(r"\b(?:Ukrain\w*|Kyiv|Kiev)\b")}  # the other side's
# (over a flag just raised, not a vow to hold: "X is Ukraine! We will never give it up")
_FLAG_SHOWN = compiled(r"\b(?:flags?|raised|hoisted|liberat\w*|cleared|freed|[Gg]lory to)\b|\U0001F1FA\U0001F1E6|\U0001F1F7\U0001F1FA")
# (a vow or defiance under attack: "X is Ukraine! We will never give it up", "... as Russian troops attacked";
# not a unit's name, "the 3rd Assault Brigade")
_VOWED = compiled(r"\b(?:never|will|shall|vow\w*|anniversary|always|attack\w*|assault\w*(?!\s+(?:brigades?|battalions?|regiments?|units?|groups?|company|companies|troops))|shell\w*|storm\w*|hold\w*)\b", re.I)
_QUOTE_CLOSE = compiled(r"[”\"]")


def _cried_over_a_flag(text: str, sentence: Sentence) -> bool:
    """"X is Ukraine!" over a flag just raised, told in the sentence, just before it or in the rest of its
    quotation ("... posted a video of the flag: 'X is Ukraine! Glory to the marines!'"); not a vow in the
    quotation ("X is Ukraine! We will never give it up"), nor defiance under attack in the clause that
    tells it ("..., the brigade wrote, as Russian troops attacked the village")."""
    close = _QUOTE_CLOSE.search(text, sentence.end - 1, sentence.end + 150)
    quotation = text[sentence.start:close.end() if close else sentence.end]
    clause_end = text.find(".", close.end()) if close else -1  # ('... the brigade wrote, as Russian troops attacked.')
    told = text[sentence.start:clause_end if clause_end != -1 else sentence.end]
    return _FLAG_SHOWN.search(text, max(0, sentence.start - 120), close.end() if close else sentence.end) is not None \
        and _VOWED.search(quotation) is None and _VOWED.search(told) is None


_CLAIMS_ABOUT_OPENING = compiled(r"\W*(?:Regarding|As for|As to|On|About|Concerning)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}"
                                 r"(?:claims?|statements?|reports?|allegations?)\s+(?:about|regarding|concerning|of|on)\b")


_CLAIMED_VERB = compiled(r"\bclaim(?:ed|ing)\b", re.I)
# a holding said against something: a negation, or a verb of answering
# (not "despite heavy shelling": "despite Russian claims" names the claim, which _CLAIM_NOUN reads)
_ANSWERING = compiled(r"\b(?:not|no|never|neither|nor|insist(?:s|ed|ing)?|den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|"
                      r"refut(?:es|ed|ing)|fake|false|untrue|lies?|in response to|responding to)\b|n['’]t\b", re.I)


# a clause after the holding that tells something else ("..., but the situation is not easy"): its "not"
# answers nothing
_OF_CONTROL = compiled(r"\b(?:control\w*|hold\w*|held|hands|fall(?:en)?|fell|taken|captured|occupied|lost|ours|theirs)\b", re.I)
_OTHER_CLAUSE = compiled(r",\s+(?:but|though|although|while|even\s+though|yet)\b|;\s|\s[–—-]\s")


def _answers(d: Draft) -> bool:
    """The holding is said against something: "X has not fallen", "they insist X is held"; not a
    negative word in a later clause of its own ("X is held, but the situation is not easy")."""
    text = d.view.text
    after = d.place.mention.end - d.view.sentence.start
    other = _OTHER_CLAUSE.search(text, max(0, after)) if 0 <= after <= len(text) else None
    if other is not None and _OF_CONTROL.search(text, other.end()):
        other = None  # (the clause tells the holding itself: "a flag flies over X, but the village is not under their control")
    return _ANSWERING.search(text, 0, other.start() if other else len(text)) is not None


# a refusal to leave ("our troops are not leaving X", "we will not withdraw from X"): said to no one unless a claim is told
_REFUSAL = compiled(r"\b(?:(?:are|is|am|were)\s+not\s+(?:leaving|withdrawing|retreating|pulling\s+out|giving\s+up)|"
                    r"(?:will|would|shall)\s+not\s+(?:leave|withdraw|retreat|pull\s+out|give\s+up)|won['’]t\s+(?:leave|withdraw|retreat|pull\s+out|give\s+up)|"
                    r"(?:aren|isn)['’]t\s+(?:leaving|withdrawing|retreating|going\s+anywhere))\b", re.I)


_STAYED_HELD = compiled(r"\b(?:remains?|remained|stays?|stayed)\s+(?:firmly\s+|fully\s+)?(?:under|in\s+(?:[\w’'-]+\s+){0,2}(?:hands|control))\b")


def _unanswered_holdings(drafts: list[Draft]) -> list[Draft]:
    """The outlet's own "the town remains in Ukrainian hands" or "A and B were never captured"
    denies nothing unless someone in the article claims the other side gained the town: then it
    is the outlet's denial; else no claim."""
    gained = {(d.place.key, d.gains) for d in drafts if d.kind is not EventType.DENIAL}
    # (a side's claim to be fighting inside the town is answered by a holding that says it stayed held: "our
    # fighters have entered X" ... the other side's "X remains under our full control"; not "X is ours", which
    # after the fighting tells a taking)
    fought_in = {(d.place.key, d.attribution.side) for d in drafts
                 if d.kind is EventType.CONTESTED and d.attribution.side in (Side.RU, Side.UA)}
    # (nor does a speaker's holding that only restates its own gain: "we cleared X ... the village is under
    # the control of the Defence Forces")
    own_gains = {(d.place.key, d.gains, d.attribution.claimant) for d in drafts if d.kind is not EventType.DENIAL}
    drafts = [d for d in drafts if not (d.holding and (d.place.key, d.gains) not in gained
                                        and not _CLAIM_NOUN.search(d.view.text)
                                        and (d.place.key, d.gains.opponent(), d.attribution.claimant) in own_gains)]
    return [d for d in drafts if not ((d.holding or d.kind is EventType.DENIAL) and (d.place.key, d.gains) not in gained
                                      and not ((d.place.key, d.gains) in fought_in and _STAYED_HELD.search(d.view.text)) and (
        # ("Contrary to Moscow's claims, A and B were never captured": the claim named)
        # (nor a correction's: "an earlier version of this story said X had fallen" names what it takes back, and
        # so does "Yesterday we wrote that X had fallen", taken back in the sentence after it)
        # (but the outlet's holding under a line that names the claim: "Regarding the Russian claims about X:
        # the village remains under the control of the Defence Forces")
        (d.attribution.kind == "journalist" or d.attribution.verb == REPORT_VOICE) and (d.holding and not _CLAIMS_ABOUT_OPENING.match(d.view.text)
                                                or not (_CLAIM_NOUN.search(d.view.text) or CORRECTED_BEFORE.search(d.view.text)
                                                        or WE_REPORTED.search(d.view.text)))
        # (so does a speaker's "the town is under our control", unless the claim is named, and so does a
        # speaker's plain holding: "our defenders still hold their positions in X" answers no one; "X has
        # not fallen", "they insist X is still held" answer one)
        or (d.needs_claim or d.holding and not _answers(d) or d.kind is EventType.DENIAL and _REFUSAL.search(d.view.text))
        and not _CLAIM_NOUN.search(d.view.text))
        # (and the outlet's own "X was still in Ukrainian hands" is history, unless it names the claim)
        or d.needs_claim and d.attribution.kind == "journalist" and not _CLAIM_NOUN.search(d.view.text)
        and not _CLAIMED_VERB.search(d.view.text))]  # (a claim told by its verb names it too: "claimed X, but ...")


# "Russian forces likely seized X": the outlet's own assessment, not a summary of another's claim
_OWN_ASSESSMENT = compiled(r"\b(?:likely|probably|almost certainly|most likely)\s+(?:[\w-]+\s+){0,2}$")
_WAR_BEGAN = dt.date(2014, 1, 1)  # changes before it are another war's
_HELD_CITY_MISREADS = frozenset({EventType.CAPTURE, EventType.RECAPTURE, EventType.PARTIAL, EventType.CONTESTED})


def _absorb_outlet_summaries(drafts: list[Draft], text: str) -> list[Draft]:
    """The outlet's voice in a headline or the lead that sums up a claim a named claimant makes
    in the article, or retells it hedged ("the alleged loss of X"), is that claimant's claim, not
    one more (but not when the outlet gives its own verdict on it further on: "VERDICT: MISLEADING. X
    has been taken by Russian forces, but ...")."""
    lead = _lead_index(drafts)
    named = [d for d in drafts if d.attribution.kind != "journalist"]
    out = []
    for d in drafts:
        if d.attribution.kind == "journalist" and any(_VERDICT_BEFORE.search(text, max(0, v.sentence.start - 60), v.sentence.start)
                                                      or _VERDICT_BEFORE.search(text, v.sentence.start, v.sentence.start + 40)
                                                      for v in [d.view, *d.also]):
            out.append(d)
            continue
        summary = d.attribution.kind == "journalist" and (not d.background or d.heading) and (
            d.heading or d.view.index <= lead or _RETOLD.search(d.view.text) is not None or _named_as_known(d)) and not (
            # "Russian forces likely seized X, and the ministry claimed ...": the outlet's own assessment
            not d.heading and _OWN_ASSESSMENT.search(d.view.text, max(0, d.place.start - 40), d.place.start))
        if summary:
            # (a side only guessed from who held the place gives way: "what the capture of X means")
            owner = next((n for n in named if n.place.key == d.place.key and _kind_group(n.kind) == _kind_group(d.kind)
                          and (n.gains in (d.gains, Side.NONE) or d.side_from == "place") and _sums_up(d, n)
                          and (not d.background or n.background)), None)  # "Three months after the fall of X"
            if owner is None and d.gains is Side.NONE and d.kind is not EventType.DENIAL:
                owner = next((n for n in named if n.place.key == d.place.key
                              and _kind_group(n.kind) == _kind_group(d.kind) and _sums_up(d, n)), None)
            if owner is not None:
                owner.also.append(d.view)
                continue
        out.append(d)
    return out


# a fact-check's verdict line: "VERDICT: MISLEADING.", "Our verdict: false." (what the outlet then says is its own)
_VERDICT_BEFORE = compiled(r"\b(?:VERDICT|Verdict|Our verdict|OUR VERDICT|Conclusion|CONCLUSION|Bottom line|BOTTOM LINE|RATING|Rating)\s*[:—–-]")


def _sums_up(summary: Draft, claim: Draft) -> bool:
    """A summary in the outlet's voice comes before the claim it sums up, or is a headline; told
    after a claimant's telling, it is the outlet's own statement."""
    return summary.heading or summary.view.index <= claim.first.index or _RETOLD.search(summary.view.text) is not None \
        or _named_as_known(summary)


def _named_as_known(draft: Draft) -> bool:
    return _NAMED_AS_KNOWN.search(draft.view.text, max(0, draft.place.start - 40), draft.place.start) is not None


def _absorb_generic_voices(drafts: list[Draft]) -> list[Draft]:
    """"Russia claimed the capture of X" and, in the same article, the Russian defence ministry's
    claim of it are one claim: a state named as a whole ("Russia", "Kyiv") speaks through its
    organs when the article names one saying the same, and "the Ukrainian military" through the
    command or spokesman the article names."""
    # states first (into any organ, "the Ukrainian military" too), then "the Ukrainian military" into
    # the command or spokesman the article names ("the Ukrainian military rejected the claim ...
    # Dmytro Lykhovyi, spokesman for the Tavria group, said": one voice, the one named)
    for generic, kinds in ((GENERIC_STATES, STATE_KINDS), (GENERIC_MILITARIES, ("military",))):
        drafts = _absorb_generic(drafts, generic, kinds)
    return drafts


def _absorb_generic(drafts: list[Draft], generic: frozenset[str], kinds: tuple[str, ...]) -> list[Draft]:
    """The drafts of a generic voice (``generic``) that a named one of ``kinds`` makes too (same side,
    place, kind, gain and history) become that one's extra evidence."""
    specific = [d for d in drafts if d.attribution.kind != "journalist" and d.attribution.claimant not in generic
                and d.attribution.claimant not in GENERIC_STATES]
    out = []
    for d in drafts:
        if d.attribution.claimant in generic:
            # "Russian claims that X fell", cited in passing, are any Russian claimant's claim of it;
            # "Kyiv said" is its own unless an organ of the state says the same
            owners = specific if d.attribution.embedded else [n for n in specific if n.attribution.kind in kinds]
            owner = next((n for n in owners if n.attribution.side is d.attribution.side and _same_place(n, d)
                          and _kind_group(n.kind) == _kind_group(d.kind) and n.gains is d.gains
                          and n.background == d.background), None)
            if owner is not None:
                owner.also += [d.view, *d.also]
                _date_from(owner, d)  # ("Ukraine rejected it the same day ... 'not captured,' X said")
                continue
        out.append(d)
    return out


def _same_place(one: Draft, other: Draft) -> bool:
    """The same settlement, under one spelling or two ("Dzerzhinsk" claimed, "Toretsk" denied)."""
    if one.place.key == other.place.key:
        return True
    a, b = one.place.resolution.place, other.place.resolution.place
    return a is not None and b is not None and a.geonameid == b.geonameid


_MAYOR = compiled(r"\([^()]*\b[Mm]ayor\b[^()]*\)$")
# a region's governor or installed head by the name he is shown under: "(Luhansk regional governor)",
# "(Russian-installed head in Donetsk)"
_REGION_HEAD = compiled(r"\((?:(?P<region>[A-Z][\w’'-]+) (?:regional |oblast )?governor|[\w-]+-installed head in (?P<installed>[A-Z][\w’'-]+))\)$")
_REGION_BODY = compiled(r"^(?P<region>[A-Z][\w’'-]+)(?: (?:[Rr]egion|[Oo]blast))? authorities$")
_CAPITALISED_WORD = compiled(r"\b[A-ZА-ЯІЇЄ][\w’'-]+")


def _absorb_spokespeople(drafts: list[Draft], rules: Rules) -> list[Draft]:
    """A body's claim and its spokesperson's or head's claim of the same change ("the defence ministry
    said ... spokesman Igor Konashenkov said", "Russia's top general ... Gerasimov said", "the Irpin
    authorities ... Mayor X said") are one claim, shown under the spokesperson or head."""
    speaks_for = {c.name: c.speaks_for for c in rules.claimants if c.speaks_for}
    voices = [d for d in drafts if d.attribution.claimant in speaks_for or _MAYOR.search(d.attribution.claimant)
              or _REGION_HEAD.search(d.attribution.claimant)]

    def speaks_for_it(voice: Draft, body: Draft) -> bool:
        # (a mayor named in apposition speaks for his town's authorities when the claim is of his town: "Mayor
        # X said ... the Irpin authorities said" of Irpin; not another town's mayor, nor a region's body)
        if (mayor := _MAYOR.search(voice.attribution.claimant)) is not None:
            town = body.place.mention.text.removesuffix("'s").removesuffix("’s")
            towns_named = _CAPITALISED_WORD.findall(mayor.group())
            return body.attribution.claimant == f"{town} authorities" and body.attribution.side is voice.attribution.side \
                and all(word in town.split() for word in towns_named if word != "Mayor")
        # (a governor speaks for his region's authorities: "the Ukrainian governor of Luhansk region said ...
        # governor X said" of the same change)
        if (head := _REGION_HEAD.search(voice.attribution.claimant)) is not None:
            body_region = _REGION_BODY.match(body.attribution.claimant)
            if body_region is not None and body_region.group("region") == (head.group("region") or head.group("installed")) \
                    and body.attribution.side is voice.attribution.side:
                return True
        return body.attribution.claimant in speaks_for.get(voice.attribution.claimant, ())

    out = []
    for d in drafts:
        owner = next((n for n in voices if speaks_for_it(n, d)
                      and n.place.key == d.place.key and _kind_group(n.kind) == _kind_group(d.kind)
                      and n.gains is d.gains and n.background == d.background), None)
        if owner is not None:
            owner.also.append(d.view)
            if owner.date is None and d.date is not None:  # (the body's day stands: "the ministry said on Friday")
                owner.date, owner.date_basis, owner.date_of_event = d.date, d.date_basis, d.date_of_event
            continue
        out.append(d)
    return out


def _absorb_headline_credits(drafts: list[Draft]) -> list[Draft]:
    """A headline's credit ("Russian troops take X - defence ministry") and the body's telling of
    the same claim by a speaker of the same side ("..., ministry spokesman Y said") are one claim:
    the headline sums up the body, whose speaker is the more specific."""
    body = [d for d in drafts if not d.heading and d.attribution.kind != "journalist"]
    out = []
    for d in drafts:
        if d.heading and d.attribution.kind != "journalist":
            owner = next((n for n in body if n.attribution.side is d.attribution.side and n.place.key == d.place.key
                          and _kind_group(n.kind) == _kind_group(d.kind) and n.gains is d.gains
                          and n.background == d.background and n.attribution.claimant != d.attribution.claimant), None)
            if owner is not None:
                owner.also.append(d.view)
                continue
        out.append(d)
    return out


def _claim(draft: Draft, article: Article, rules: Rules) -> Claim:
    r = draft.place.resolution
    place_factor = {"resolved": 1.0 if r.score >= 100 else 0.9, "ambiguous": 0.6}.get(str(r.status), 0.4)
    published = article.published
    if draft.date is not None:
        event_date, precision = draft.date.date, draft.date.precision
        basis = f"“{draft.date.text}”" + (" (earlier sentence)" if draft.date_basis == "frame" else "")
    elif draft.date_basis.startswith(_AFTER_PUBLICATION):
        event_date, precision = None, DatePrecision.UNKNOWN
        basis = (f"{draft.date_basis.removeprefix(_AFTER_PUBLICATION)} would be after the publication date "
                 f"({published.date if published else '?'}): left unknown")
    elif draft.background:
        event_date, precision, basis = None, DatePrecision.UNKNOWN, "told as history, with no date"
    elif published is not None:
        event_date, precision = published.date, published.precision
        basis = "publication date"
    else:
        event_date, precision, basis = None, DatePrecision.UNKNOWN, "no date in the text, publication date unknown"
    start, end = draft.first.sentence.start, draft.view.sentence.end
    spans = sorted({(start, end)} | {(v.sentence.start, v.sentence.end) for v in draft.also})
    mention = draft.place.mention
    key = f"{article.id}|{mention.start}|{start}|{draft.kind}|{draft.gains}|{draft.attribution.claimant}"
    return Claim(
        id=hashlib.sha256(key.encode()).hexdigest()[:16], article_id=article.id,
        # (a dateline's "SUDZHA" written as a name is written: Sudzha)
        settlement=draft.place.name.title() if draft.place.name.isupper() and len(draft.place.name) > 3 else draft.place.name,
        settlement_start=mention.start,
        settlement_end=mention.start + len(draft.place.name),
        geonameid=r.place.geonameid if r.place else None, place_name=r.place.name if r.place else "",
        place_status=str(r.status), place_candidates=tuple(p.geonameid for p in r.candidates),
        event_type=draft.kind, gaining_side=draft.gains, claimant=draft.attribution.claimant,
        claimant_side=draft.attribution.side, claimant_kind=draft.attribution.kind, via=draft.via,
        hedged=draft.hedged, event_date=event_date, date_precision=precision, date_basis=basis,
        evidence=article.text[start:end], evidence_start=start, evidence_end=end,
        confidence=round(draft.confidence * place_factor, 2), extractor_version=rules.version,
        denied_side=draft.denied_side, background=draft.background, evidence_spans=tuple(spans))


_PASSED_OVER_BACK = 300  # characters from the end of a denial to the "He did not comment on" that qualifies it


def _passed_over(drafts: list[Draft], text: str) -> list[Draft]:
    """A denial reached back to a claim of several places ("Russia said it took A and B." / "This is not true,"
    the spokesman said. "He did not comment on B.") does not deny a place its speaker then passed over; a
    denial written beside the place itself stands."""
    if not any(d.kind is EventType.DENIAL for d in drafts) or not (phrases := list(PASSED_OVER.finditer(text))):
        return drafts

    def passed_over(d: Draft) -> bool:
        sentence = d.view.sentence
        if sentence.start <= d.place.mention.start < sentence.end:
            return False  # (the denial names the place itself)
        return any(m.start() >= sentence.start and m.start() - sentence.end <= _PASSED_OVER_BACK
                   and d.place.mention.text in text[m.end():m.end() + PASSED_OVER_REACH].split(".")[0] for m in phrases)

    return [d for d in drafts if not (d.kind is EventType.DENIAL and passed_over(d))]


def assemble(drafts: list[Draft], article: Article, rules: Rules) -> tuple[Claim, ...]:
    """The article's claims, in the order their evidence appears."""
    published = article.published.date if article.published else None
    kept = _same_sentence_rules(_retaken(_entered_as_the_other_left(_one_name_per_person(_name_unsided(drafts, rules))),
                                         published), rules)
    kept = _entry_told_with_its_gain(kept, published)
    _history_told_once(kept)
    kept = _merge(_unsided_gains_fought_over(_sided_over_unsided(_context_denier_of_their_claim(kept))))
    kept = _unanswered_holdings(_held_across_the_line(_part_held_against_their_claim(_ours_against_their_claim(kept)), rules,
                                                      article.text))
    kept = _merge(kept)  # (a holding read as a denial may tell a denial told already)
    kept = _absorb_outlet_summaries(kept, article.text)
    kept = _absorb_generic_voices(kept)
    kept = _absorb_headline_credits(_absorb_spokespeople(kept, rules))
    kept = _passed_over(kept, article.text)
    # a denial of nobody's gain denies nothing ("forces fail to enter X, military says" with no side known)
    # (nor a withdrawal by nobody's side: "the delivery company pulled out of the city")
    claims = [_claim(d, article, rules) for d in kept
              if not (d.kind in (EventType.DENIAL, EventType.WITHDRAWAL) and d.gains is Side.NONE)]
    # nor is a change dated before the war began in 2014 one of its claims ("the day Soviet troops
    # drove German forces out of the city in 1943")
    claims = [c for c in claims if c.event_date is None or c.event_date >= _WAR_BEGAN]
    # nor a gain or fight in a city one side held throughout, told for a later day (places.toml)
    held = rules.places.held_since
    published = article.published.date if article.published else None
    claims = [c for c in claims if not (c.geonameid in held and c.event_type in _HELD_CITY_MISREADS
                                        and (c.event_date or published) is not None
                                        and (c.event_date or published) >= held[c.geonameid])]
    return tuple(sorted(claims, key=lambda c: (c.evidence_start, c.settlement_start)))
