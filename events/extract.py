"""From one article to its claims: the stages of extraction, in order.

1. ``events.mentions``  sentences, and the settlements each names with their role ("the Luhansk
   People's Republic" is a region, "Kyiv said" a government) and relation ("near Kupiansk");
2. ``events.changes``   the changes of control each sentence tells of: kind, places (lists,
   subjects, "the town"), the side acting, denied or not, hedged, told as history;
3. ``events.voices``    who speaks in each sentence, following the discourse (quotes that go on,
   "Source:" lines, the previous speaker of the paragraph);
4. ``events.drafts``    a draft per change and place: claimant, gaining side, date, pointers resolved,
   frames ("several villages ... The villages involved, A and B"), denials and hedges that follow;
5. ``events.assemble``  one claim per (place, claimant, kind of change), with every evidence span.

Every stage is a pure function of plain records and the rules (``events/rules/*.toml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from events.assemble import assemble
from events.anchors import compiled, search_once
from events.changes import Change, find_changes
from events.claimants import inside_quotations, quote_balance
from events.drafts import HEDGE_BACK, LISTED_BY, NAMED_DENIAL_REACH, answers_a_question, draft_claims, no_answer
from events.mentions import SPOKEN_LABEL, UNLISTED, SentenceView, read_mentions
from events.records import Article, Claim, Side
from events.rules import Rules
from events.voices import read_voices
from geodata import Gazetteer, Mention, PlaceKind, Resolution, Status, find_places, resolve_mentions
from geodata.forms import kyiv_form, moscow_form
from geodata.resolve import listed_beside_gap, spellings_of_one_place

__all__ = ["extract_claims", "geocode", "Extraction"]

# a quotation in straight single marks ('Tonenke is ours,' he said) read as one in the typographic
# double marks the stages know; one character for one, so every offset still points into the text as
# written (an apostrophe inside a word, "Russia's", stays inside the quotation)
# (only a quotation shaped as speech: opening a sentence or after a colon, closing on its own
# punctuation; not a word in scare quotes, 'liberated', which the stages read through)
_SINGLE_QUOTED = compiled(r"(?:(?<=^)|(?<=\n)|(?<=[.!?:…]\s)|(?<=[.!?:…]\s\s)|(?<=[–—-]\s))'(?=[^\W_]|[“\"])"
                          r"((?:[^'\n]|(?<=\w)'(?=\w)){1,600}?[.,!?…])'(?![^\W_])")


def with_typographic_quotes(article: Article) -> Article:
    """``article`` with quotations in straight single marks in “ and ” instead."""
    if "'" not in article.text:
        return article
    text = _SINGLE_QUOTED.sub(lambda m: "“" + m.group(1) + "”", article.text)
    return article if text == article.text else replace(article, text=text)


# a text as spoken: a turn label opening a line ("ANCHOR: ...", "SPOKESMAN (through interpreter): ..."), a filler
# or a stutter ("is, is ours")
_SPOKEN_TEXT = compiled(r"(?m:^" + SPOKEN_LABEL + r"\s)|(?<![\w’'-])(?:[Ee]r|[Uu]m|[Uu]h|[Ee]rm),\s|,\s[Qq]uote,"
                        r"|(?i:(?<![\w’'-])(?P<stutter>\w+(?: \w+)?), (?=(?-i:[a-z]))(?P=stutter)(?![\w’'-]))")


# where a sentence closes: its full stop, question or exclamation mark (not an abbreviation's), or its line's end
_SENTENCE_CLOSE = compiled(r"[.!?…](?=[\s\"”’')\]]|$)|\n")
_WORD_BEFORE = compiled(r"([\w.]+)$")


def without_spoken_asides(article: Article, rules: Rules) -> tuple[Article, OffsetMap | None]:
    """``article`` with a transcript's fillers, asides and stutters taken out ("had been, quote,
    liberated" read as "had been liberated"; rules.spoken_asides), and the map from a position in the
    text so read back to the text as written. What a sentence loses comes back as spaces before its
    close ("had been liberated          ."), so that sentences start and end where they did and the
    claims' evidence is cut from the text as written. None for the map when nothing was taken out."""
    if _SPOKEN_TEXT.search(article.text) is None:
        return article, None
    text = article.text
    asides = [m for m in rules.spoken_asides.finditer(text) if "\n" not in m.group()]
    if not asides:
        return article, None
    pieces: list[str] = []
    shifts: list[tuple[int, int]] = []  # (position read, characters taken out before it in its sentence)
    done = 0  # the text as written is copied up to here
    removed = 0  # taken out since the sentence's start
    i = 0
    while i < len(asides):
        close = _sentence_close(text, asides[i].end(), rules)
        while i < len(asides) and asides[i].end() <= close:
            aside = asides[i]
            pieces.append(text[done:aside.start()])
            removed += aside.end() - aside.start()
            done = aside.end()
            shifts.append((aside.start() - (removed - (aside.end() - aside.start())), removed))
            i += 1
        pieces.append(text[done:close] + " " * removed)
        shifts.append((close, 0))
        done, removed = close, 0
    pieces.append(text[done:])
    read = "".join(pieces)
    return replace(article, text=read), OffsetMap(tuple(shifts))


def _sentence_close(text: str, start: int, rules: Rules) -> int:
    """Where the sentence holding ``start`` closes: the position of its closing mark or line end."""
    for close in _SENTENCE_CLOSE.finditer(text, start):
        word = _WORD_BEFORE.search(text, 0, close.start())
        if close.group() == "." and word is not None and word.group(1) in rules.abbreviations:
            continue  # "Mr. Orlov"
        return close.start()
    return len(text)


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """From a position in a text read without its spoken asides back to the text as written."""

    shifts: tuple[tuple[int, int], ...]  # (position read, characters to add from there on), in order

    def source(self, position: int) -> int:
        delta = 0
        for at, shift in self.shifts:
            if at > position:
                break
            delta = shift
        return position + delta


@dataclass(frozen=True, slots=True)
class Extraction:
    """Claims of one article, and the places it named that could not be pinned down."""

    claims: tuple[Claim, ...]
    ambiguous: tuple[tuple[Mention, Resolution], ...]
    unknown: tuple[Mention, ...]


MOSCOW_FORM_MAX_POPULATION = 100_000  # larger cities keep old English names (Odessa, Kharkov) in any outlet


def geocode(article: Article, gazetteer: Gazetteer) -> tuple[list[Mention], list[Resolution]]:
    """The places and regions the article names, each resolved in the light of the others."""
    mentions = find_places(article.text, gazetteer)
    resolved = listed_beside_gap(article.text, mentions, resolve_mentions(mentions, gazetteer), gazetteer)
    return spellings_of_one_place(*_joined_unplaced(article.text, mentions, resolved))


def _joined_unplaced(text: str, mentions: list[Mention], resolutions: list[Resolution]
                     ) -> tuple[list[Mention], list[Resolution]]:
    """"liberated Zeleny Shlyakh and Novoivanovka in the Kursk region": two names the gazetteer knows
    apart, side by side, neither placed where the text puts them, are one name it lacks."""
    joined_mentions: list[Mention] = []
    joined_resolutions: list[Resolution] = []
    for mention, resolution in zip(mentions, resolutions):
        if joined_mentions and mention.kind is PlaceKind.PLACE and resolution.place is None \
                and joined_mentions[-1].kind is PlaceKind.PLACE and joined_resolutions[-1].place is None \
                and text[joined_mentions[-1].end:mention.start] == " " and mention.text[:1].isupper() \
                and not joined_mentions[-1].text.endswith(("'s", "’s")):
            first = joined_mentions[-1]
            name = text[first.start:mention.end]
            joined_mentions[-1] = replace(first, end=mention.end, text=name, key=f"{first.key} {mention.key}")
            joined_resolutions[-1] = Resolution(name, Status.UNKNOWN, reason=f"{joined_resolutions[-1].reason}; read with "
                                                f"{mention.text!r} as one name the gazetteer lacks")
            continue
        joined_mentions.append(mention)
        joined_resolutions.append(resolution)
    return joined_mentions, joined_resolutions


def _near_claims(views: list[SentenceView], changes: list[list[Change]], rules: Rules, text: str) -> list[bool]:
    """The sentences whose speakers matter: those telling of a change, one of the few after it
    that denies it ("Ukraine rejected the claim"), and those naming a frame's change ("the withdrawal was
    announced by ..."). Most sentences of a news article are none of these."""
    needed = [bool(found) for found in changes]
    last_change = -1
    for i, view in enumerate(views):
        if not needed[i] and ((last_change >= 0 and (i - last_change == 1 or _denies_the_claim_back(views, last_change, i))
                               and (search_once(rules.denial_followup, view.text) or search_once(rules.retraction, view.text)))
                              or rules.frame_nouns.search(view.text)
                              # ("... a string of villages. The ministry listed five: A, B ...": who lists them)
                              or view.settlements and last_change >= 0 and LISTED_BY.search(view.text)
                              # ("X fell in May. Y followed in June, the ministry said": who tells Y's)
                              or view.settlements and i - last_change == 1 and "followed" in view.text
                              # ("Is X under Russian control?" / "SPOKESMAN: No, this is not true.": the answer, past its question)
                              or last_change >= 0 and i - last_change <= NAMED_DENIAL_REACH
                              and answers_a_question(text, view.sentence.start)
                              and (search_once(rules.denial_followup, view.text) or no_answer(view.text))
                              # ("Regarding X, the General Staff called the claim a fake": a few sentences on)
                              or view.settlements and last_change >= 0 and i - last_change <= NAMED_DENIAL_REACH
                              and search_once(rules.denial_followup, view.text)):
            needed[i] = True
        if changes[i]:
            last_change = i
    # and the sentence that opened a quotation a claim is told in ("Extracts: “Let us be honest. We have
    # lost X.”"): whoever opened it speaks on in it
    opened_at = None
    for i, view in enumerate(views):
        if needed[i] and opened_at is not None:
            needed[opened_at] = True
        balance = quote_balance(view.text)
        opened_at = i if balance > 0 else None if balance < 0 else opened_at
    return needed


def _denies_the_claim_back(views: list[SentenceView], change: int, i: int) -> bool:
    """"Russia claimed X. Its ministry has not confirmed it. Kyiv said the claim was untrue.": a
    denial of "the claim" a few sentences on, with no other statement between (not "the drone
    report was false" after "Moscow also claimed to have shot down 20 drones")."""
    return i - change <= HEDGE_BACK and _THE_CLAIM.search(views[i].text) is not None \
        and not any(_STATEMENT.search(v.text) for v in views[change + 1:i])


# what follows a region's name in its office's title: "Luhansk regional", "Kherson governor's"
_REGION_OFFICE_TAIL = compiled(r"(?:['’]s)?(?:\s+(?:regional|[Gg]overnor)(?:['’]s)?)?$")
_THE_CLAIM = compiled(r"\b(?:the|this|that|these|those)\s+(?:claims?|reports?|statements?|assertions?|announcements?)\b", re.I)
_STATEMENT = compiled(r"\b(?:claim|claims|claimed|said|says|reported|announced|stated)\b")


def extract_claims(article: Article, gazetteer: Gazetteer, rules: Rules,
                   places: tuple[list[Mention], list[Resolution]] | None = None) -> Extraction:
    """Every control-change claim of one article, with the places it could not pin down.
    ``places`` is geocode(article, gazetteer) when the caller has it already."""
    source = article
    article = with_typographic_quotes(article)  # (the claims' evidence is cut from the text as written)
    article, offsets = without_spoken_asides(article, rules)
    # (a caller's places were found in the text as written: the text as read is found again)
    mentions, resolutions = places if places is not None and offsets is None else geocode(article, gazetteer)
    views = read_mentions(article, mentions, resolutions, rules)
    changes = [find_changes(view, rules, quoted) for view, quoted in zip(views, inside_quotations([(v.text, v.sentence.paragraph) for v in views]))]
    # (a region by its own name: "the Luhansk regional military administration", "the Mykolaiv governor")
    country = {_REGION_OFFICE_TAIL.sub("", m.text): r.place.country for m, r in zip(mentions, resolutions) if r.place is not None}
    # whose officials speak ("a local official said"): also a name whose namesakes all lie in one country
    speaking = dict(country)
    for m, r in zip(mentions, resolutions):
        if r.place is not None:
            continue
        countries = {p.country for p in r.candidates}
        if len(countries) == 1:
            speaking.setdefault(m.text.removesuffix("'s").removesuffix("’s"), countries.pop())
    # the places written as Moscow writes them ("Pechenegi", "Artemovsk"): whose words the text keeps to
    # (not a city's old English name, "Odessa", nor a name glossed beside the official one; nor a village
    # in Russia, whose Russian name is its own: "Tyotkino")
    placed = [(m, r.place) for m, r in zip(mentions, resolutions) if r.place is not None and m.kind is PlaceKind.PLACE]
    moscow = {m.start: place.geonameid for m, place in placed
              if place.population < MOSCOW_FORM_MAX_POPULATION and place.country != "RU" and moscow_form(m.text, place, gazetteer)}
    official = {place.geonameid for m, place in placed if m.start not in moscow}
    moscow = {start: geonameid for start, geonameid in moscow.items() if geonameid not in official}
    # a feature datelined with a place's Russian name ("AVDEYEVKA —") is written among Russia's troops: whose side
    # the people it introduces are on when nothing else tells it
    # (by the dateline's own spelling, whatever the headline calls the town: "Avdiivka, three months on / AVDEYEVKA —")
    among = Side.RU if any(ref.role == "dateline" and (place := ref.resolution.place) is not None and place.country == "UA"
                           and place.population < MOSCOW_FORM_MAX_POPULATION and moscow_form(ref.mention.text, place, gazetteer)
                           for view in views[:2] for ref in view.places) else Side.NONE
    voices = read_voices(views, article, rules, speaking, _near_claims(views, changes, rules, article.text), among)
    # whether a text that writes places as Moscow does also writes one the Ukrainian way (then it does not keep
    # to Moscow's words; read only then: romanising is dear)
    kyiv_spelling = bool(moscow) and any(
        place.country == "UA" and kyiv_form(m.text, place) for m, place in placed if m.start not in moscow)
    drafts = draft_claims(views, voices, article, rules, country, changes, moscow, kyiv_spelling)
    claims = assemble(drafts, source, rules)
    if offsets is not None:  # (each claim's name where the text as written has it)
        claims = tuple(replace(c, settlement_start=offsets.source(c.settlement_start),
                               settlement_end=offsets.source(c.settlement_start) + c.settlement_end - c.settlement_start)
                       for c in claims)
    pairs = list(zip(mentions, resolutions))
    ambiguous = tuple((m, r) for m, r in pairs if m.kind is PlaceKind.PLACE and str(r.status) == "ambiguous")
    unknown = tuple(m for m, r in pairs if m.kind is PlaceKind.PLACE and str(r.status) == "unknown")
    # and the names the gazetteer lacks that a list of places it knows holds (events.mentions)
    unknown += tuple(ref.mention for view in views for ref in view.places
                     if ref.resolution.status is Status.UNKNOWN and ref.resolution.reason == UNLISTED)
    return Extraction(claims, ambiguous, unknown)
