"""Stage 3 of extraction: who speaks in each sentence, with the article's discourse.

In the sentence itself: "X said (that)", "..., X said.", "according to X", "X wrote on Telegram",
"citing X", "in his words" (events/claimants.py finds these). Across sentences, the way a reader
follows them: a sentence that goes on with "Specifically," or "He added that" continues the last
speaker; so does the rest of an open quotation, and a sentence of the same paragraph that names
no one right after one that did; a "Source: X" line speaks for the "Details:" and "Quote:"
paragraphs under it; an embedded post speaks for its author (events/posts.py). The outlet's own
voice is left for sentences where nobody is named.

A pure function of the sentence views and the rules; cases in tests/events/test_voices.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from events.anchors import compiled, search_once
from events.claimants import GENERIC_STATES, LOCAL_KINDS, SIDE_ADJECTIVE, TELLING_RELATIVE, Attribution, cited_only, connected, find_attributions, find_channel, named_claimants, outlet_side, quote_balance
from events.mentions import SAID_BEFORE_NAME, SentenceView
from events.persons import People, find_persons
from events.posts import (ACCOUNT_CUE, SIGNED_TEXT, Post, broadcaster, find_account, find_answers, find_bracketed, find_headed, find_posts, find_signed,
                          find_turns)
from events.records import Article, Side
from events.rules import Rules

__all__ = ["FIRST_PERSON_PLURAL", "REBUTTAL_OPENS", "Voice", "quote_balance", "read_voices"]

_RECENT = 6  # claimants a pointing phrase ("the ministry said") may reach back to
# a quoted "they" that took or holds a place: the speaker's enemy
_THEY_TOOK = compiled(r"[“\"][^”\"]*\b[Tt]hey\s+(?:(?:have|had|now|already|just)\s+){0,2}(?:took|taken|captured|hold|held|control|controlled|"
                      r"have\s+(?:most|half|everything)|had\s+(?:most|half|everything)|pushed\s+us|entered)\b")
_READ_BACK = 5  # sentences back a pointing phrase with nobody named lately may look for its speaker
_SOURCE_LINE = compiled(r"^\s*(?:Source|Sources|According to)\s*:", re.I)
_QUOTE_REACH = 3  # sentences a quotation may run on before its speaker is named
_UNDER_SOURCE = ("Details", "Quote", "")  # paragraphs a "Source:" line speaks for
# between a named person and his role ("X is the spokesman for", "X, the Moscow-installed leader of")
_ROLE_OF_NAMED = compiled(r"(?:\s+(?:is|was|has\s+been|had\s+been)|,)\s+(?:(?:the|a|an)\s+[^,;.“”\"]{0,60})?")
# (an outlet's "Quote:" label before it: the speaker's words; a fact-check's "CLAIM:" over the words it checks)
_OPENS_QUOTE = compiled(r"^\s*(?:Quote:\s*|Direct speech:\s*|(?:CLAIM|Claim|The claim):\s*)?[“\"«]")
_QUOTE_LABEL = compiled(r"^\s*(?:Quote|Direct speech):\s*[“\"«]")
# a title's words, not a credit's: "Putin's war:", "Zelensky in Kharkiv:", "Syrskyi's gamble:"
_TITLE_WORDS = compiled(r"['’]s\s+[a-z]|\s(?:in|at|on|to|and|after|before|vs\.?|versus|for|with)\s")
# a person's name with the role after it ("Volodymyr Zelensky (President of Ukraine)"), not a channel's
_PERSON_NAMED = compiled(r"[A-ZА-ЯІЇЄ][\w’'-]+\s+[A-ZА-ЯІЇЄ][\w’'-]+\s+\((?![^)]*\b(?:blog|channel|project|group|agency|media|outlet)\b)")
_CREDIT_HEADING = compiled(r"[^:]{2,40}:\s")
# a bulleted "Speaker: what they said" (also with its time: "▪️Russian MoD, 11:05: ...", or the time as
# its bullet: "11:05 Russian MoD: ...")
_CREDITED_LINE = compiled(r"\s*(?:[•\-–—*·▪►▶]|[\U0001F300-\U0001FAFF\u2600-\u27BF]|[\U0001F1E6-\U0001F1FF]{2}|"
                          r"\[?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?\]?(?:\s*(?:[-–—|]|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|ET|EST|EDT|Kyiv time|Moscow time)){0,2}(?=\s))\ufe0f?\s*((?:[^:•]|(?<=\d):(?=\d\d)){2,80}?):\s")
# a text that opens on its speaker's name and a colon, the words running on after it in the same line
# ("Hanna Maliar, deputy defence minister: X is liberated. Today our defenders ..."); not a headline on a
# line of its own ("Zelensky: X will not be surrendered" over the outlet's story)
# (a rank's full stop is no sentence's end: "Col. Gen. Oleksandr Syrskyi: X is liberated!")
_OPENING_LABEL = compiled(r"\s*((?:[^:.!?\n“”\"]|(?:(?<=Brig)|(?<=Col)|(?<=Gen)|(?<=Lt)|(?<=Maj)|(?<=Capt)|(?<=Sgt)|(?<=Adm)|(?<=Cmdr)|(?<=Cdr))\.)"
                          r"{2,90}?):\s+(?=\S)")
# (a side's forces are no speaker's label: "Russian troops advanced this week:", "Ukrainian forces in Kursk:")
_SIDE_FORCES = compiled(r"(?:the\s+)?(?:Russian|Ukrainian|Russia['’]s|Ukraine['’]s)\s+(?:[\w-]+\s+)?(?:troops|forces|army|units|soldiers|fighters)\b")
# when a label's speaker spoke, closing the label: ", this morning", ", late Sunday"
_LABEL_TIME = (r",\s+(?:this\s+(?:morning|afternoon|evening)|today|tonight|yesterday|last\s+night|(?:late\s+|early\s+)?(?:on\s+)?"
               r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:morning|afternoon|evening|night))?)\s*$")
_TIMED_LABEL = compiled(_LABEL_TIME)
# what may follow the name in a label: an apposition, a note, where or how it spoke, a role
_AFTER_LABEL_NAME = compiled(r"\s*(?:$|[()|—–-]|['’]s\b|(?:reported|wrote|told|posted|announced)\b|"
                             r"(?:map\s+)?(?:[Uu]pdates?|[Bb]ulletin|[Ss]ummary|[Bb]riefing)\b|"  # ("DeepState map update, May 14:")
                             r"on\s+(?:Telegram|X|Twitter|Facebook|VK|television|TV|(?:the\s+)?air|(?:the\s+)?(?:national\s+)?telethon|"
                             r"(?:a\s+)?video|camera|the\s+(?:situation|front|fighting))\b|"
                             r"in\s+(?:a|an|his|her|its)\s+(?:[\w-]+\s+)?(?:video|statement|interview|address|post|message|briefing)\b|"
                             # (when it spoke: "Ukrainian General Staff, this morning:", "Russian MoD, late Sunday:")
                             + _LABEL_TIME + r"|"
                             r",\s+(?:(?:[\w-]+\s+){0,4}?(?:[Ss]pokes(?:man|woman|person)|[Cc]ommander|[Mm]inister|[Hh]ead|[Cc]hief|[Gg]overnor|"
                             r"[Mm]ayor|[Aa]dvis[eo]r|[Oo]fficer|[Gg]eneral|[Dd]eputy|[Pp]resident|[Dd]irector|[Ff]ounder|[Ll]eader|[Cc]hannel|"
                             r"[Bb]log(?:ger)?|[Cc]orrespondent|[Aa]nalyst|[Pp]ress|[Uu]pdate|[Bb]ulletin|[Ss]tatement|[Rr]eport|[Ss]ummary|[Bb]riefing|"
                             r"[Aa]ddress)\b|on\s+Telegram|in\s+a\s+video|in\s+an\s+interview|\d)|"
                             r"(?:[A-Z][\w-]*\s+){0,4}(?:[Ss]pokes(?:man|woman|person)|[Cc]ommander|[Pp]ress service|[Cc]hief|[Hh]ead)\b)")
_LABEL_VERB = compiled(r"\b(?:says|said|claims|claimed|is|are|was|were|has|have|had|will|would)\b")
_POSSESSIVE_TOPIC = compiled(r"['’]s\s+(?!(?:[\w-]+\s+)?(?:channel|post|statement|press|Telegram|video|address|update|page|account|blog)\b)")
# a day that opens a line of statements: "Oct 1 — ", "3 March | "
_DAY_STAMP = compiled(r"\s*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|"
                      r"Aug|Sep|Oct|Nov|Dec)[a-z]*\.?)\s*[-–—|]\s")
_TIMESTAMPED = compiled(r"\s*\d{1,2}[:.]\d{2}\s*[—–-]\s")  # a live blog's entry, "14:32 — ...": a story of its own
_BULLET_ITEM = compiled(r"\s*(?:[•\-–—*·▪►▶]|[\U0001F300-\U0001FAFF\u2600-\u27BF])")  # "• ...", "🔹 ..."
_CAPS_LABEL = compiled(r"\s*([A-ZА-ЯІЇЄ][A-ZА-ЯІЇЄ’'.-]{2,30}(?:\s+[A-ZА-ЯІЇЄ][A-ZА-ЯІЇЄ’'.-]{1,30})?):\s")  # "PESKOV: ..."
# a holding the sentence opens on, its holder named by side: "X is now under Ukrainian control", "X remains
# in Russian hands", "X is Ukraine!" (not "X, which remained in Russian hands, was cleared")
_HELD_BY_SIDE = compiled(r"\W*(?P<place>[A-ZА-ЯІЇЄ][\w’'-]+(?:[ -][A-ZА-ЯІЇЄ][\w’'-]+)?)\s+(?:is|are|remains|remained|was|were)\s+"
                         r"(?:now\s+|still\s+)?(?:(?:fully|firmly|completely)\s+)?"
                         r"(?:(?:under\s+(?:the\s+)?(?:full\s+|firm\s+|complete\s+)?|in\s+|under\s+the\s+control\s+of\s+(?:the\s+)?)"
                         r"(?P<side>Ukrainian|Russian)\s+(?:control|hands|forces|troops|army)\b"
                         r"|(?P<cried>Ukraine|Ukrainian|Russia|Russian)\s*!)")
_ONE_OF_THE_CHANNELS = compiled(r"\b(?:(?:[Oo]ne|[Aa]nother|[Aa] second|[Aa] third|[Tt]he same|[Tt]he other)(?: of the)?\s+(?:[a-z][\w-]*\s+){0,2}?"
                                r"(?:channels?|milbloggers?|military bloggers?|bloggers?|war correspondents?)|[Aa]\s+(?:[a-z][\w-]*\s+){0,2}?channel)\b")
_THE_UNIT = compiled(r"\b[Tt]he (?:brigade|battalion|regiment|unit)\b")
# a unit opening its sentence (maybe after an opening phrase), with its side if named: not "repelled a Russian
# assault unit", the enemy it fought, nor "Russian units attacked the 93rd brigade"
_UNIT_OF_SIDE = compiled(r"^\W*(?:[^.;:]{0,160}?,\s+)?(?:(?:[Aa]|[Aa]n|[Tt]he|[Oo]ne)\s+)?(?:(?P<side>Ukrainian|Russian|Ukraine['’]s|Russia['’]s)\s+)?"
                         r"(?:(?!the\b|[\w-]*(?<!mechanis)(?<!mechaniz)(?<!motoris)(?<!motoriz)(?<!armour)(?<!armor)ed\b)[\w-]+\s+){0,4}?"
                         r"(?:[Bb]rigade|[Bb]attalion|[Rr]egiment|unit)\b")
# a place's change said not to have happened, in the holder's words ("X has not fallen", "X was not taken",
# "X is still ours", "X is under the control of our defenders")
_NOT_FALLEN = compiled(r"\b(?:has|have|had|was|were|is|are)(?:\s+not|n['’]t)\s+(?:been\s+)?(?:fallen|taken|captured|seized|lost|surrendered|occupied)\b"
                       r"|\b(?:is|are|remains?)\s+still\s+(?:fully\s+)?(?:ours|under\s+our\s+(?:full\s+)?control|in\s+our\s+hands)\b"
                       r"|\b(?:is|are|remains?)\s+(?:still\s+)?under\s+the\s+control\s+of\s+our\s+(?:defenders|troops|forces|units)\b"
                       # ("Our defenders still hold their positions in X", "we are still holding X")
                       r"|\b(?:[Oo]ur\s+(?:defenders|troops|forces|units|soldiers|guys|men)|[Ww]e)\s+(?:are\s+)?still\s+(?:hold|holding)\b")
_RANKS = compiled(r"(?:(?:Brig|Col|Gen|Lt|Maj|Capt|Sgt|Adm|Cmdr|Cdr)\.?\s+|(?:Brigadier|Colonel|General|Lieutenant|Major|Captain|"
                  r"Admiral|Army|Colonel-General|Lieutenant-General|Major-General)\s+)+")
_UNSIDED_CHANNEL = "media"  # claimants.toml's "{side} media" with no side to name
_CHANNEL_NAMED = compiled(r"\b(?:blog|blogger|channel|correspondent)\b")
_SIDE_NAMED = {Side.UA: compiled(r"\b(?:Ukrain(?:ian|ians|e['’]s|e)|Kyiv)\b"), Side.RU: compiled(r"\b(?:Russia(?:n|ns|['’]s)?|Moscow)\b")}
# a claim of that place told in the sentences before ("Moscow said its forces had captured X")
_CLAIM_WORD = compiled(r"\b(?:captur\w*|taken|took|seiz\w*|liberat\w*|control\w*|entered|fallen|fell|claim\w*|occup\w*)\b")
_ADJECTIVE_SIDE = {"Ukrainian": Side.UA, "Russian": Side.RU, "Ukraine": Side.UA, "Russia": Side.RU,
                   "Ukraine's": Side.UA, "Russia's": Side.RU, "Ukraine’s": Side.UA, "Russia’s": Side.RU}
FIRST_PERSON_PLURAL = compiled(r"\b(?:[Oo]ur|[Ww]e|us)\b")
_OUTLET_VOICE = compiled(r"\b(?:could not (?:be )?(?:independently )?verif|was unable to (?:independently )?verify|"
                           r"(?:it|this) (?:is|was) (?:not|un)clear|according to (?:estimates|analysts)|analysts? (?:say|said))",
                           re.I)
# an assessment's own grading, which no side's ministry speaks in ("have highly likely taken X"): not the words
# of a side's speaker named before (an assessor named before speaks so: "ISW said ... They have very likely")
_GRADED = compiled(r"\b(?:(?:highly|very) likely|almost certainly|realistic possibility)\b", re.I)


# "Kiev is claiming X. This is not true: ...": an answer to the speaker before, not their words
REBUTTAL_OPENS = compiled(r"\W*(?:(?:According\s+to\s+our\s+[\w\s]{1,40}?,\s+)?(?:[Tt]his|[Tt]hat|[Ii]t|(?:[Tt]hat|[Tt]his|[Tt]he)\s+(?:claim|report|announcement))\s+(?:is|was)\s+(?:simply\s+|absolutely\s+|still\s+)?"
                           r"(?:not\s+true|not\s+so|untrue|false|a\s+lie|a\s+fake|fake|premature|nonsense)\b|They\s+(?:did|have|had)\s+not\b|"
                           # ("So there was no 'liberation'", "Our sources say otherwise")
                           r"(?:[Ss]o,?\s+)?[Tt]here\s+(?:was|were|has\s+been|is)\s+no\s+[“\"‘']?(?:liberation|capture|breakthrough|seizure)\b|"
                           r"[Oo]ur\s+(?:sources|data|information|people|guys)\s+(?:[\w\s]{1,20}?\s+)?(?:say|says|show|shows|suggest|indicate)\s+otherwise\b|"
                           # (a status line's verdict on its place: "▪️ Tykhe – fake.")
                           r"[A-ZА-ЯІЇЄ][\w’'-]+(?:[ -][A-ZА-ЯІЇЄ][\w’'-]+)?\s*[–—:-]\s*(?:(?:a|another|just|pure|complete|total)\s+)?"
                           r"(?:fake|a\s+lie|lie|lies|not\s+true|untrue|false|propaganda|nonsense)\b|"
                           # (a one-word verdict as a sentence of its own: "Rubbish.", "Fake!")
                           r"(?:(?:[Cc]omplete|[Tt]otal|[Uu]tter|[Pp]ure|[Aa]bsolute)\s+)?(?:[Rr]ubbish|[Nn]onsense|[Ll]ies|[Ff]akes?|[Nn]ot\s+true|"
                           r"[Uu]ntrue|[Ff]alse|[Pp]ropaganda|[Ff]iction)\s*[.!]*\W*$)")


@dataclass(frozen=True, slots=True)
class Voice:
    """Who speaks in one sentence."""

    attributions: tuple[Attribution, ...]  # speakers named in the sentence, in order
    carried: Attribution | None  # the speaker carried over from before, when the sentence names none
    channel: str  # the outlet that carried the claim ("RIA Novosti"), or ""
    carried_by: str = ""  # why: quote (a quotation goes on), continuation, source (a Source: line), previous,
    # post (an embedded post's author)
    post: Post | None = None  # the embedded post the sentence belongs to

    def speakers(self) -> list[Attribution]:
        return list(self.attributions) if self.attributions else ([self.carried] if self.carried else [])


def _quoted_at(text: str, position: int, continuing: bool) -> bool:
    """Whether ``position`` lies inside a quotation: one opened before it in the sentence, or
    (``continuing``) one opened in a sentence before and not closed yet."""
    before = text[:position]
    curly = before.count("“") + before.count("«") - before.count("”") - before.count("»")
    if "”" in before or "»" in before or curly > 0:
        return curly > 0
    return (before.count('"') % 2 == 1) != (continuing and curly == 0)


_CURLY = compiled(r"[“”«»]")
# a side's forces at large ("Russian forces", "the Ukrainian army"), not a body ("Ukraine's ground forces",
# "the Armed Forces General Staff")
_FORCES_AT_LARGE = compiled(r"(?:[Tt]he\s+)?(?:Russian|Ukrainian|Russia['’]s|Ukraine['’]s|Moscow['’]s|Kyiv['’]s|Kiev['’]s|"
                            r"[Ee]nemy|[Oo]ur)\s+(?:army|forces|military|troops|units)")
_BRIEFING_NEXT = compiled(r"\W*(?:\w+\s+)?briefing\b", re.I)  # "Valery Gerasimov: briefing", "X — daily briefing"
# what a body's own document is called, and how it may be qualified ("weekly summary", "operational update")
_DOCUMENT_KIND = r"operational update|briefing|situation report|summary|bulletin"
_DOCUMENT_QUALIFIER = r"(?:(?:daily|weekly|monthly|morning|evening|operational|situation|latest|new|regular|official)\s+)?"
_DOCUMENT_HEADING = compiled(
    r"^\s*(?i:" + _DOCUMENT_QUALIFIER + r"(?:briefing|statement|report|update|bulletin|summary|communiqu[eé]))\s+(?:of|by|from)\s|"
    # the body after the colon: "Daily summary: Russian Ministry of Defence", "Frontline briefing — General Staff"
    r"^\s*(?:[A-Z][\w-]+\s+)?(?i:" + _DOCUMENT_QUALIFIER + r"(?:" + _DOCUMENT_KIND + r"))\s*[:—–]\s+(?:[Tt]he\s+)?"
    r"(?P<issuer>[A-Z][\w’' -]{1,60}?)\s*$|"
    # "Russian Ministry of Defence: summary of the special military operation", "Ministry of Defence of the
    # Russian Federation — briefing by its spokesman", "General Staff operational update as of 22:00"
    # (a bare "update" only after a colon or a dash: "DeepState: map update"; "Defence Intelligence update"
    # is an assessment, whose voice is the text's own: drafts._report_of)
    # (also "The Russian Defence Ministry's summary for 11 February", and a statement given in translation:
    # "Russian MoD statement on the X direction, 1 October (full translation)")
    r"^\s*(?:The\s+)?(?P<body>[A-Z][\w’' -]{1,60}?)(?:['’]s)?(?:\s+(?i:" + _DOCUMENT_QUALIFIER + r"(?:" + _DOCUMENT_KIND
    + r"|statement(?=[^()\n]{0,80}\((?:full |unofficial )?(?:translation|translated|text)\b)))|(?:\s*[:—–]\s+|\s+-\s+)(?i:"
    + _DOCUMENT_QUALIFIER + r"(?:map update|update|map (?:has been |was |is )?updated|" + _DOCUMENT_KIND + r")))\b\s*(?:as of|for|on|of|by|,|:|[—–]|\(|[.!]?\s*$)")


# what may follow a name that heads a text as its issuer: its date, time and a translator's note
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# a bracketed note that tells a text is someone's own: "(translated)", "(Telegram)"
_ISSUER_NOTE = r"\((?:translated|transcript|abridged|unofficial translation|full text|Telegram|VK|X|Twitter|Facebook)"
_ISSUER_LINE_REST = compiled(r"(?:[\s,.:;–—-]|" + _ISSUER_NOTE + r"[^()]{0,40}\)"
                             r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}:\d{2}|\d{1,2}\s+" + _MONTH + r"(?:\s+\d{4})?|" + _MONTH + r"\s+\d{1,2}(?:,?\s+\d{4})?)*")
_DATE_IN_LINE = compiled(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\b\d{1,2}\s+" + _MONTH + r"\b|\b" + _MONTH + r"\s+\d{1,2}\b")
_SENTENCE_END = compiled(r"[.!?]\W*$")
_ISSUER_LINE_NOTE = compiled(_ISSUER_NOTE + r"|\((?:full |unofficial )?translation\b|\b(?:[Ss]tatement|[Bb]ulletin|[Ss]ummary|[Rr]eport|[Aa]ddress|[Pp]ost)\b")
_ISSUER_SAYS = compiled(r":\s*$|" + _ISSUER_NOTE)


# what may join a unit's names in the line over its post: "1st Corps of the National Guard "Azov" 🔱"
# (a unit's number, kind and quoted name beside the body named: "13th Brigade of the National Guard "Name" — official channel")
_UNIT_LINE_GLUE = compiled(r"(?:\s|\bof\b|\bthe\b|[\"“”'‘’«»|,–—-]|\b\d+(?:st|nd|rd|th)\b|[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F]|"
                           r"[\U0001F1E6-\U0001F1FF]|[“\"«][^“”\"«»]{1,30}[”\"»]|"
                           r"\b(?:Separate|Brigade|Battalion|Regiment|Corps|Division|Mechani[sz]ed|Assault|Airborne|Marine|Tank|Jaeger|"
                           r"Presidential|Operational|Special Purpose)\b|\b(?:Pacific|Northern|Black Sea|Baltic|Caspian) Fleet\b|"
                           r"\b(?:Southern|Central|Western|Eastern|Leningrad|Moscow) Military District\b|\bofficial\s+(?:Telegram\s+)?(?:channel|page|account)\b|\bpress\s+service\b)*")
# a status line with no bullet: "X — fully cleared", "Novo-X — the enemy was driven out"
_STATUS_LINE = compiled(r"\s*[A-ZА-ЯІЇЄ][\w’'-]*(?:[ -][A-ZА-ЯІЇЄ][\w’'-]*){0,2}\s+[—–]\s+\S")
_UNIT_DEFAULTS = frozenset({"Ukrainian military", "Russian military"})
_HEAD_OVER_BAR = compiled(r"[A-ZА-ЯІЇЄ][\w’'-]+(?: [A-ZА-ЯІЇЄ][\w’'-]+){1,2}\s*\|\s*")
_POST_MARK = compiled(r"[\U0001F300-\U0001FAFF\u2600-\u27BF\U0001F1E6-\U0001F1FF]|\bofficial\s+(?:Telegram\s+)?(?:channel|page|account)\b")


_FLAGS = {"🇷🇺": Side.RU, "🇺🇦": Side.UA}


# a post's closing words in one side's voice ("... Glory to Ukraine!")
_GLORY_TO = compiled(r"\bGlory to (Ukraine|Russia)\b[^\n]{0,60}\s*$")


def _post_side(text: str) -> Side:
    """The side a post speaks for by its one side's flag emoji or its closing "Glory to ...": its "our"
    is never the other side's ("Russia claims X. Our units have left the town. Glory to Ukraine.")."""
    flag = flown_flag(text)
    if flag is not Side.NONE:
        return flag
    glory = _GLORY_TO.search(text)
    return (Side.UA if glory.group(1) == "Ukraine" else Side.RU) if glory else Side.NONE


def flown_flag(text: str) -> Side:
    """The side whose flag emoji the text shows, when it shows one side's flag only."""
    sides = {side for flag, side in _FLAGS.items() if flag in text}
    return sides.pop() if len(sides) == 1 else Side.NONE


_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "by", "to", "at"})


def _uncapped(line: str) -> str:
    """A line written in capitals as it would be written in a sentence, letter for letter ("RUSSIAN MINISTRY OF
    DEFENCE" -> "Russian Ministry of Defence"), so that names are found in it; any other line as it is."""
    if any(c.islower() for c in line) or not any(c.isupper() for c in line):
        return line
    return re.sub(r"[^\W\d_]+", lambda m: m.group().lower() if m.group().lower() in _SMALL_WORDS and m.start() > 0
                  else m.group()[0] + m.group()[1:].lower(), line)


def _unit_over_post(views: list[SentenceView], rules: Rules, home: Side, day: dt.date | None,
                    place_country: dict[str, str] | None = None) -> Attribution | None:
    """A first line that is only a military unit's name over a post ("3rd Army Corps 🔱" above "🔹 X —
    cleared"): the post is the unit's (with an emoji in the line or bullets below it: a post, not a tag
    over a story)."""
    line = views[0].text.strip()
    named = [a for a in named_claimants(line, rules, context_side=home, day=day) if a.claimant not in GENERIC_STATES]
    # (or a town's administration, under its head's name: "Name Surname | X City Military Administration")
    headed = _HEAD_OVER_BAR.match(line)
    if headed:
        body = line[headed.end():].rstrip(" .")
        local = [a for a in find_attributions(body + " said", rules, context_side=home, day=day, place_country=place_country)
                 if not a.embedded and a.kind in LOCAL_KINDS and a.start == 0 and a.end == len(body)]
        if local:
            return replace(local[0], verb="document", start=0, end=0)
    flag = flown_flag(line)
    if flag is not Side.NONE:
        # (a numbered unit of no country named is read as Ukraine's; its flag says whose it is: "155th Marine Brigade 🇷🇺")
        named = [replace(a, side=flag, claimant=f"{SIDE_ADJECTIVE[flag]} military")
                 if a.claimant in _UNIT_DEFAULTS or a.side is Side.NONE else a for a in named]
    # (or a defence ministry's: "Ministry of Defence of the Russian Federation 🇷🇺")
    if not named or any(a.kind not in ("military", "official") or a.side is not named[0].side for a in named) \
            or named[0].side is Side.NONE:
        return None
    rest = "".join(line[end:start] for end, start in zip([0] + [a.end for a in named], [a.start for a in named] + [len(line)]))
    if not _UNIT_LINE_GLUE.fullmatch(rest) or not (_POST_MARK.search(line) or any(_BULLET_ITEM.match(v.text) for v in views[1:])):
        return None
    return replace(named[0], verb="document", start=0, end=0)


def _label_speaker(label: str, rules: Rules, home: Side, day: dt.date | None,
                   place_country: dict[str, str] | None = None) -> Attribution | None:
    """The speaker an opening label names ("Khortytsia spokesman Viktor Trehubov", "Press service of
    Yevgeny Prigozhin", "DeepState (translated)"): a person named in it, else its longest claimant; none
    when the label says something itself ("Kyiv says:"), is a topic ("Putin's war:", "Ukrainian forces in
    Kursk:") or a sentence ("Zelensky faces a hard choice:")."""
    if _LABEL_VERB.search(label):
        return None
    named = [a for a in named_claimants(label, rules, context_side=home, day=day) if a.claimant not in GENERIC_STATES]
    # (a person named with a role, as a speaker's name reads: "General Staff spokesman Name")
    said = [a for a in find_attributions(label + " said", rules, context_side=home, day=day, place_country=place_country)
            if not a.embedded]
    people = [a for a in said if "(" in a.claimant] or [a for a in named if "(" in a.claimant]
    # (a town's official named after a person: "Name, X mayor" speaks for X's authorities)
    named = named or [a for a in said if a.kind in LOCAL_KINDS and a.end == len(label.rstrip())]
    speaker = max(people or named, key=lambda a: a.end - a.start) if named else None
    if speaker is None or _SIDE_FORCES.match(label, speaker.start, speaker.end) or not _AFTER_LABEL_NAME.match(label, speaker.end) \
            or _POSSESSIVE_TOPIC.match(label, speaker.end):
        return None
    return speaker


def _quote_closer(views: list[SentenceView], i: int) -> int | None:
    """The sentence that closes the quotation sentence i opens and leaves open, if it is near."""
    if quote_balance(views[i].text) <= 0:
        return None
    for j in range(i + 1, min(len(views), i + 1 + _QUOTE_REACH)):
        if views[j].sentence.paragraph != views[i].sentence.paragraph:
            return None
        balance = quote_balance(views[j].text)
        if balance < 0 or balance > 0 and '"' in views[j].text and not _CURLY.search(views[j].text):
            return j
    return None


_POST_INTRO = compiled(r"\b(?:post|statement|message|update|text|reads?|in full|extracts?|excerpts?)\b", re.I)
_WHOLE_QUOTE = compiled(r"\s*[“\"][^“”\"]+[”\"]\s*")
_SAID_NEXT = compiled(r"\s*(?:That|This|Those|These) (?:(?:was|is|were|are) (?:how|the words of)\b|(?P<source>(?:[\w-]+ ){0,2}(?:sentence|statement|"
                      r"words?|line|message|post|announcement|claim|assessment|report|account|caption)s? (?:came|comes|was|were) "
                      r"(?:from|issued by|posted by|written by|made by)\b))|"
                      # (a fact-check's credit line under the quoted claim: 'CLAIM: “...”' over "Post by a Ukrainian blogger on Tuesday")
                      r"\s*(?P<credit>(?:A\s+|The\s+)?(?:[\w-]+\s+)?(?:[Pp]ost|[Tt]weet|[Vv]ideo|[Ss]tatement|[Mm]essage|[Cc]aption|[Cc]omment)s?\s+"
                      r"(?:(?:published|posted|shared|made|written|issued)\s+)?(?:by|from)\b)")
_SOURCE_GAP = compiled(r"\s+(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){0,3}?")  # "came from the Russian defence ministry"
_DENYING_HEAD = compiled(r"\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|refuted|refutes|disputed|disputes|"
                         r"debunked|debunks|false|fake|untrue)\b", re.I)
# a lead told in the outlet's voice, credited in the sentence after it: "The withdrawal was announced on Wednesday by
# X", "The announcement came on Sunday from X", "The gains were reported by X in its evening update"
_CREDITED_NEXT = compiled(r"\s*(?:The|Its|Their)\s+(?:[\w-]+\s+){0,2}?(?:announcements?|news|claims?|reports?|withdrawal|pull-?out|"
                          r"retreat|capture|recapture|liberation|gains?|advances?|loss|fall|seizure|statement)\s+"
                          r"(?:was|were|came|had\s+been|has\s+been)\s+(?:(?:first|officially|formally)\s+)?"
                          r"(?:(?:announced|reported|confirmed|claimed|disclosed|revealed|made\s+public)\s+)?"
                          r"(?:(?:late\s+|early\s+)?on\s+\w+(?:\s+(?:morning|evening|night|afternoon|\d{1,2}))?\s+)?(?:by|from)(?=\s)|"
                          # ("That, at least, was the word from X", "That was the claim of X")
                          r"\s*That,?(?:\s+at\s+least,)?\s+(?:was|is)\s+(?:the\s+)?(?:word|claim|version|account|message|line|verdict)\s+(?:from|of)(?=\s)")
# “...,” read a caption to the video that a Ukrainian brigade posted / read the post published by X
_CAPTION_BY = compiled(r"[\s,]*read\s+(?:a|the)\s+(?:caption|post|message|text|note)\b[^.;:“”\"]{0,80}?\b(?:that|which|by)\s+")
_AT_CLOSE = compiled(r"[\s,]*(?:(?:said|says|told|wrote|added|stressed|insisted|claimed|stated)\s+)?"
                     r"(?:[A-ZА-ЯІЇЄ][\w’'-]+,\s+(?:\d{1,2},\s+)?)?"  # (“...,” said Oleksiy, 34, a drone operator)
                     r"(?:(?-i:[A-Z])[\w’'-]+\s+){0,4}(?:[\w’'-]+\s+){0,3}")  # (“...,” State Border Guard Service spokesman Andriy Demchenko told)


def _speaker_at_close(text: str, named: list[Attribution]) -> Attribution | None:
    """The speaker named right after the quotation mark that closes a quotation (“...,” X said;
    “...,” said X), not someone else the sentence goes on to name."""
    # (the mark that closes the quotation, not a later scare quote: '... in the village," he told TV, calling
    # the statement "noise".')
    opened = len(text) - len(text.lstrip(" “\"")) if text.lstrip()[:1] in "“\"" else 0
    close = next((k for k in range(opened, len(text)) if text[k] in "”\""), -1)
    return next((a for a in named if not a.embedded and a.start > close and (
        _AT_CLOSE.fullmatch(text, close + 1, a.start) or _CAPTION_BY.fullmatch(text, close + 1, a.start))), None)


# a given name or title before the name, after a short opening phrase ("On Friday, Pushilin spoke ...")
_OPENS_ON_NAME = compiled(r"\W{0,3}(?:[^,.;:“”\"]{1,50},\s+)?(?:(?:[A-Z][\w’'-]+|[A-Z]\.)\s+){0,3}")


_SPOKEN = compiled(r"[\"“”«»]|\b(?:said|says|told|tells|added|recalled)\b")  # (a text where anyone speaks)
_GENERIC_SOLDIERS = frozenset({"Ukrainian military", "Russian military", "soldier"})  # (claimants.toml's "{side} soldier")
_PERSON_REACH = 120  # characters from a person's name within which a soldier found is that person
# a quotation closing, then the verb and the phrase that introduces the person: '..." said the unit's commander, a
# former teacher who uses the call sign Bit.'
_SAID_THEN_INTRODUCED = compiled(r"[”\"’],?\s+(?P<verb>said|says|added|recalled|explained)\s+(?:the|a|an|one|his|her|their)\s"
                                 r"[^\"“”«».;:]{0,160}$")
# what follows a person's introduction when they speak in the same sentence ("Taras, 45, a mechanic, said")
# (right after the name, after an apposition set off by commas, or after words with no comma, "a volunteer with a
# Russian brigade told": not past a clause of its own, "The commander ordered his troops out of X, the General Staff said")
_PERSON_SAYS = compiled(r"(?:,[^\"“”«».;:]{0,160}?,|\s[^\"“”«».;:,]{0,120}?|,)?\s(?P<verb>said|says|told|tells|added|recalled|explained|insisted|admitted)\b")


def _with_people(text: str, found: list[Attribution], people: People, i: int, rules: Rules) -> list[Attribution]:
    """The speakers of sentence i with the people of the text: one named there who speaks ("Oleh said",
    "said Taras, a company commander") and nobody else does, or the person a soldier found there is."""
    person = people.introduced.get(i)
    says = _PERSON_SAYS.match(text, person.end) if person is not None and person.sentence == i else None
    if says is None and person is not None and person.sentence == i and person.given:
        # ('"...," said Taras, a drone pilot': the verb before the name)
        says = SAID_BEFORE_NAME.search(text, max(0, person.start - 16), person.start)
    if says is None and person is not None and person.sentence == i and person.call and not person.given:
        says = _SAID_THEN_INTRODUCED.search(text, 0, person.start)  # ('..." said the unit's commander, call sign Bit')
        if says is not None:  # (who speaks stands where the phrase that introduces them opens, right after the verb)
            person = replace(person, start=says.end("verb") + 1)
    if person is not None and person.sentence != i:
        # (named again as this sentence's subject: where the name stands here, not where it was introduced)
        at = next(((start, end) for named, start, end in people.named.get(i, ()) if named is person), None)
        person = replace(person, start=at[0], end=at[1]) if at is not None else None
    if person is not None:
        # ("said Maksym, a machine-gunner with the 72nd Brigade": Maksym, not the brigade's soldiers at large;
        # "Andriy Kovalchuk, 31, of the 3rd Assault Brigade, said": the brigade in his apposition does not speak)
        # (named where the person is: "Taras, 45, a mechanic who now serves as a gunner, said" is Taras's saying,
        # not the relative clause's)
        found = [replace(person.speaker, start=min(a.start, person.start), end=max(a.end, person.end) if a.start >= person.start
                         else a.end, verb=a.verb, embedded=a.embedded)
                 if a.kind == "military" and not a.embedded and person.fighter and (a.side in (person.side, Side.NONE) or a.from_context) and (
                     a.claimant in _GENERIC_SOLDIERS and a.start < person.end + _PERSON_REACH and a.end > person.start - _PERSON_REACH
                     or (person.given or person.call) and person.end <= a.start <= person.end + 4  # ("said Andriy, a platoon commander")
                     or says is not None and person.end <= a.start and a.end <= says.start("verb"))
                 else a for a in found]
    if any(not a.embedded for a in found):
        return found
    if says is not None:
        # "Taras, 45, a mechanic who now serves as a gunner, said ...": introduced and speaking at once
        return sorted([*found, replace(person.speaker, verb=says.group("verb"))], key=lambda a: a.start)
    for named, start, end in people.named.get(i, ()):
        link = connected(text, start, end, rules)
        if link is not None:
            return sorted([*found, replace(named.speaker, start=start, end=end, verb=link[0], embedded=link[1])], key=lambda a: a.start)
    return found


def read_voices(views: list[SentenceView], article: Article, rules: Rules,
                place_country: dict[str, str], needed: list[bool] | None = None, among: Side = Side.NONE) -> list[Voice]:
    """The voice of each sentence, in order. With ``needed``, speakers are looked for only in the
    sentences it marks (those telling of a claim), and in the sentence before one of them or the
    one that opened its quotation when it names nobody itself; the others get an empty voice. ``among``: the
    side a feature is written among, by its dateline, when the outlet has none."""
    day = article.published.date if article.published else None
    home = outlet_side(article.source, rules)
    if home is Side.NONE and (aired_by := broadcaster(views, article.text, rules, day)) is not None:
        home = aired_by.side  # (a transcript of one side's broadcaster: "Rossiya-24 — special bulletin" over its turns)
    voices: list[Voice] = []
    last: Attribution | None = None  # the claimant that spoke last
    recent: list[Attribution] = []  # claimants named lately, speaking or not, newest last
    item_start = 0  # where in recent the digest item being read began
    last_paragraph = -1
    source_speaker: Attribution | None = None
    list_head: int | None = None  # the line that opened the list being read, its speaker's ("X recorded these changes:")
    open_quote: int | None = None  # the sentence that opened a quotation still open
    read: dict[int, list[Attribution]] = {}  # speakers of the sentences looked at
    # the people a feature introduces in its narration, whom "he said" and "Oleh said" point back to
    people: People | None = find_persons(views, rules, home if home is not Side.NONE else among, day) \
        if _SPOKEN.search(article.text) or ACCOUNT_CUE.search(article.text) else None
    introduced: set[int] = set()  # (their attributions, as the narration put them in recent)
    posts = find_posts(views, rules, day) if any("(@" in v.text for v in views) else {}
    if SIGNED_TEXT.search(article.text):
        for i, post in find_signed(views, article.published, rules, home).items():
            posts.setdefault(i, post)
    for i, post in find_headed(views, rules, article.published, home).items():
        posts.setdefault(i, post)
    if "[" in article.text:
        for i, post in find_bracketed(views, rules, article.published, home).items():
            posts.setdefault(i, post)
    if ":" in article.text:
        for i, post in find_turns(views, article.text, rules, home, day).items():
            posts.setdefault(i, post)
    if "?" in article.text and rules.interview_cue.search(article.text):
        for i, post in find_answers(views, article.text, article.published, rules, home).items():
            posts.setdefault(i, post)
    if people is not None and people.introduced:
        for i, post in find_account(views, people).items():
            posts.setdefault(i, post)
    # "Briefing of the Russian Defence Ministry, 15 May", "General Staff operational update as of
    # 22:00": a body's own document; what it tells with nobody named is the body's
    issuer = None
    # (a heading, or a first line too long for one: "Summary of the Ministry of Defence of the Russian
    # Federation on the progress of the special military operation (as of 13 July)")
    # (not a lede on a line of its own: "In its daily briefing, the ministry said ...")
    first_line = bool(views) and (views[0].heading or views[0].text.strip() == article.text.strip().split("\n", 1)[0].strip()
                                  and not _SENTENCE_END.search(views[0].text))
    # (or a short one that ends on a full stop: "DeepState: map updated.")
    short_line = bool(views) and not first_line and len(views[0].text.split()) <= 6 \
        and views[0].text.strip() == article.text.strip().split("\n", 1)[0].strip()
    heading = _uncapped(views[0].text) if views else ""  # ("RUSSIAN MINISTRY OF DEFENCE — WEEKLY SUMMARY")
    if (first_line or short_line) and (document := _DOCUMENT_HEADING.search(heading)) is not None:
        # (not a state named as a whole: "Ukraine war: latest update" is the outlet's)
        named = [a for a in named_claimants(heading, rules, context_side=home, day=day) if a.claimant not in GENERIC_STATES]
        if document.group("body") is not None:
            # "X: summary of ...", "X — briefing": X must be all of a body's name, not a topic ("Putin's war:
            # summary of day 870", "Russia's Wagner Group - summary of the battle"), a person, or a side's
            # forces at large ("Russian forces — summary of movements")
            body = document.span("body")
            # (a person only for a briefing: "Valery Gerasimov: briefing", not "Zelensky: summary of the week")
            briefing = _BRIEFING_NEXT.match(heading, body[1]) is not None
            named = [a for a in named if a.start <= body[0] and a.end == body[1] and ("(" not in a.claimant or briefing)
                     and not _FORCES_AT_LARGE.fullmatch(heading, a.start, a.end)]
        elif document.group("issuer") is not None:
            named = [a for a in named if a.start <= document.start("issuer") and a.end == document.end("issuer")
                     and "(" not in a.claimant and not _FORCES_AT_LARGE.fullmatch(heading, a.start, a.end)]
        issuer = replace(named[0], verb="document", start=0, end=0) if named else None
    if issuer is None and first_line:
        # a first line that is only a body's or an official's name, maybe with its date ("Ministry of Defence
        # of the Russian Federation", "Deputy Defence Minister Hanna Maliar, 12 June 2023 (translated):"):
        # the text is theirs
        named = [a for a in named_claimants(views[0].text, rules, context_side=home, day=day)
                 if a.claimant not in GENERIC_STATES and a.kind != "journalist"
                 and not views[0].text[:a.start].strip() and _ISSUER_LINE_REST.fullmatch(views[0].text, a.end)
                 # (a name alone over a story is its tag: "Zelensky" or "Russian Ministry of Defence" above a
                 # headline; a body's document names its day below it, or says it speaks)
                 and not a.claimant[:1].islower()  # (nor a body of no side named: "Defence Ministry")
                 and (_ISSUER_SAYS.search(views[0].text, a.end) or "(" not in a.claimant and _DATE_IN_LINE.search(views[0].text, a.end)
                      or "(" not in a.claimant and len(views) > 1 and _DATE_IN_LINE.search(views[1].text)
                      and len(views[1].text.split()) <= 12 and not _SENTENCE_END.search(views[1].text))]
        issuer = replace(named[0], verb="document", start=0, end=0) if named else None
    if issuer is None and first_line and len(views) > 1:
        issuer = _unit_over_post(views, rules, home, day, place_country)
    if issuer is None and first_line and len(views) > 1 and views[0].text.rstrip().endswith(":") \
            and (speaker := _label_speaker(views[0].text.rstrip()[:-1], rules, home, day, place_country)) is not None:
        # a first line that names its speaker and ends on a colon, the words below it ("Brig. Gen. Name,
        # commander of the X group, on Telegram:")
        issuer = replace(speaker, verb="document", start=0, end=0)
    if issuer is None and len(views) > 2 and views[0].heading and views[1].text.rstrip().endswith(":") \
            and _ISSUER_LINE_NOTE.search(views[1].text) is not None \
            and any(line.strip() == views[1].text.strip() for line in article.text.split("\n")[:8]) \
            and (speaker := _label_speaker(views[1].text.rstrip()[:-1], rules, home, day, place_country)) is not None:
        # the same on the line under a headline: "“X is ours”: 3rd Assault Brigade" over "Statement of the 3rd
        # Separate Assault Brigade, 15 September (translation):" over the statement
        issuer = replace(speaker, verb="document", start=0, end=0)
    # "WarGonzo: flag over X" above "Our assault groups have ...": the credited speaker says "we"
    credited = None
    if views and views[0].heading and (label := _CREDIT_HEADING.match(views[0].text)) is not None:
        # (names all that stands before the colon: not "Putin's war:", "Zelensky in Kharkiv:")
        named = [a for a in named_claimants(views[0].text, rules, context_side=home, day=day)
                 if a.start == 0 and a.claimant not in GENERIC_STATES  # ("Ukraine: fighting nears X" is a dateline)
                 and not _TITLE_WORDS.search(label.group())]
        credited = replace(named[0], verb="credit", start=0, end=0) if named else None
    # (a person's heading speaks for the body sentences about the places it names: "Voloshyn: Russians
    # entered X" above "Russian troops entered X on Sunday")
    heading_places = {p.key for p in views[0].settlements} if credited is not None else set()

    def labelled(label: str) -> Attribution | None:
        """The claimant a label before a colon names, all of it ("Russian MoD:", "PESKOV:"; not a topic:
        "UKRAINE WAR:")."""
        return next((a for a in named_claimants(label, rules, context_side=home, day=day)
                     # ("A Russian milblogger:", "Col. Gen. Oleksandr Syrskyi:")
                     if (a.start == 0 or label[:a.start].strip().lower() in ("a", "an", "the", "one") or _RANKS.fullmatch(label, 0, a.start))
                     and a.claimant not in GENERIC_STATES), None)

    def speakers(i: int) -> list[Attribution]:
        nonlocal last
        if i not in read and (caps := _CAPS_LABEL.match(views[i].text)) is not None:
            # "PESKOV: ... The chief of the General Staff reported ...": the transcript's speaker speaks from here
            last = labelled(caps.group(1).title()) or last
        if i not in read:
            # "a military spokesman": of the side that spoke last (else named last: "Putin moved Shoigu
            # from the Defence Ministry ... the Defence Ministry announced")
            # (nor a person the narration introduced: "Oleh, 34, spreads a map. The Defence Ministry said ...")
            named_by = next((a for a in reversed(recent[item_start:]) if a.side is not Side.NONE  # not "Ukraine's Kharkiv region"
                             and a.claimant not in GENERIC_STATES and id(a) not in introduced), None)
            named_side = named_by.side if named_by is not None else Side.NONE
            if last is None and named_by is not None and named_by.verb == "named" and named_by.kind == "military" \
                    and _THEY_TOOK.search(views[i].text):
                # "Russian forces close in. 'They took it on Saturday,' said a sergeant": forces only named, and a
                # speaker whose "they" took or hold the place: he is of the other side
                named_side = named_side.opponent()
            context = last.side if last else home if home is not Side.NONE else named_side
            if last is not None and last.side is not Side.NONE and last.kind not in ("analyst", "media") \
                    and search_once(rules.denial_followup, views[i].text):
                # "... Moscow said. The 47th Brigade dismissed the claim": the other side (not after a
                # monitor or blogger, who may tell the other side's gains: "DeepState reported ...
                # The General Staff dismissed the report")
                context = last.side.opponent()
            elif (last is not None and last.side is Side.RU and last.kind != "analyst" or last is None and named_side is Side.RU) \
                    and _NOT_FALLEN.search(views[i].text):
                # "Russian channels said X was liberated. 'X has not fallen,' the 47th Brigade wrote": Ukraine
                # answers in its own words (Russia's units are named with their side)
                context = Side.UA
            elif last is not None and last.side is not Side.NONE and (held := _HELD_BY_SIDE.match(views[i].text)) \
                    and (holder := _ADJECTIVE_SIDE[held.group("side") or held.group("cried")]) is last.side.opponent() \
                    and any(held.group("place") in v.text and _CLAIM_WORD.search(v.text) for v in views[max(0, i - 2):i]) \
                    and not any(_SIDE_NAMED[holder].search(v.text) for v in views[max(0, i - 2):i]):
                # "Moscow said its forces had captured X. X is now under Ukrainian control, the 47th Brigade
                # said": the holder's side answers the claim (not when the holder was the side the claim said
                # took it: "Ukraine's military said Russian troops had taken X. X remains in Russian hands, the
                # brigade said")
                context = holder
            if _ONE_OF_THE_CHANNELS.search(views[i].text):
                # "one channel wrote": one of the channels named last, of their side (not the side that spoke last)
                named_before = [a for v in views[max(0, i - 3):i] for a in named_claimants(v.text, rules, day=day)]
                context = next((a.side for a in [*reversed(named_before), *reversed(recent)] if a.side is not Side.NONE and (
                    a.kind == "media" or _CHANNEL_NAMED.search(a.claimant))), context)
            if _THE_UNIT.search(views[i].text) is not None:
                # "the brigade wrote": the unit that opens one of the sentences before, of its side if named ("A
                # Ukrainian brigade that holds the area described ... 'The enemy has entered X,' the brigade
                # wrote"), not the side that spoke last
                named_unit = next((m for v in reversed(views[max(0, i - 4):i]) if (m := _UNIT_OF_SIDE.match(v.text)) is not None), None)
                context = _ADJECTIVE_SIDE[named_unit.group("side")] if named_unit is not None and named_unit.group("side") else context
            reach = recent[-_RECENT:]
            if "inistry" in views[i].text and len(recent) > _RECENT and not any("Ministry of Defence" in a.claimant for a in reach):
                # "the ministry also reported ..." many speakers after the article named a ministry: that one
                reach = [*[a for a in recent[:-_RECENT] if "Ministry of Defence" in a.claimant][-1:], *reach]
            # (the side of the soldiers and units quoted lately, for one more quoted by trade alone)
            # (only past a speaker who is none of them: "Russia's ministry announced ...")
            soldier_side = next((a.side for a in reversed(recent[item_start:]) if a.kind == "military" and a.side is not Side.NONE),
                                Side.NONE) if last is not None and last.kind != "military" else Side.NONE
            read[i] = [a for a in find_attributions(views[i].text, rules, context_side=context, day=day,
                                                    place_country=place_country, recent=reach, soldier_side=soldier_side)
                       # (nor "one channel" of no side the text named: the outlet tells what it read)
                       if a.kind != "journalist" and a.claimant != _UNSIDED_CHANNEL]
            if people is not None and (i in people.named or i in people.introduced):
                read[i] = _with_people(views[i].text, read[i], people, i, rules)
            spoken = [a for a in read[i] if not a.embedded]  # "Russian claims that": cited, not speaking
            # (a ministry only cited is still who "the ministry" is next: "Kyiv dismissed a Russian Defence Ministry
            # statement that ... The ministry said on Thursday that ...")
            recent.extend(a for a in read[i] if a.embedded and "inistry" in a.claimant and a.side is not Side.NONE)
            if spoken:
                last = spoken[-1]
                recent.extend(spoken)
            elif rules.claimant_index.candidates(views[i].text):
                # named without a verb ("Russia's Defense Ministry gave confirmation"): who "the
                # ministry" or "it" may be in the sentences after (not a name inside a quotation:
                # '"They promised Putin the town. ...," he said' is not Putin's)
                named = named_claimants(views[i].text, rules, day=day)
                recent.extend(a for a in named if not cited_only(views[i].text, a)
                              and not _quoted_at(views[i].text, a.start, open_quote is not None and open_quote != i)
                              # (nor the role in a named person's apposition: "X is the spokesman for Ukraine's
                              # Eastern group": X, not "Ukrainian military")
                              and not ("(" not in a.claimant and any("(" in b.claimant and _ROLE_OF_NAMED.fullmatch(views[i].text, b.end, a.start)
                                                                     for b in named)))
        return read[i]

    def _quote_intro(opened: int) -> Attribution | None:
        """Who the two sentences before a quotation that opens naming nobody introduce as speaking (only when the
        quotation opens its paragraph)."""
        if opened < 1 or views[opened].sentence.paragraph == views[opened - 1].sentence.paragraph:
            return None
        for j in (opened - 1, opened - 2):
            if j >= 0 and views[j].sentence.paragraph == views[opened - 1].sentence.paragraph:
                spoken = [a for a in speakers(j) if not a.embedded]
                if spoken:
                    return spoken[-1]
        return None

    def ahead_of_close(i: int) -> Attribution | None:
        """The speaker named where the quotation sentence i opens closes, read ahead; the reading is
        undone when it names none there (it is read again in its turn)."""
        nonlocal last
        closer = _quote_closer(views, i)
        if closer is None and _WHOLE_QUOTE.fullmatch(views[i].text):
            closer = i  # a quotation that is the whole sentence: its speaker may come after it
        if closer is None:
            return None
        was_read, before, heard = closer in read, last, len(recent)
        found = _speaker_at_close(views[closer].text, speakers(closer))
        after = closer + 1
        said_next = _SAID_NEXT.match(views[after].text) if found is None and after < len(views) else None
        if said_next is not None and (said_next.group("source") or said_next.group("credit")):
            # “... ” / That statement came from X: the claimant named right there (not "..., but Y disputed it")
            found = next((a for a in named_claimants(views[after].text, rules, context_side=home, day=day)
                          if a.claimant not in GENERIC_STATES and _SOURCE_GAP.fullmatch(views[after].text, said_next.end(), a.start)),
                         None)
        elif said_next is not None:
            # “... ” / That was how X described it: the speaker named in the sentence after
            found = next((a for a in speakers(after) if not a.embedded), None)
        if found is None and not was_read:
            last = before
            del recent[heard:]
            del read[closer]
        return found

    def told_next(i: int) -> Attribution | None:
        """The claimant the sentence after i credits with what i told ("The withdrawal was announced by X")."""
        after = i + 1
        if after >= len(views) or views[after].sentence.paragraph != views[i].sentence.paragraph \
                or (credit := _CREDITED_NEXT.match(views[after].text)) is None:
            return None
        return next((a for a in named_claimants(views[after].text, rules, context_side=home, day=day)
                     if a.claimant not in GENERIC_STATES and _SOURCE_GAP.fullmatch(views[after].text, credit.end(), a.start)), None)

    for view in views:
        i, text = view.index, view.text
        same_line = i > 0 and "\n" not in article.text[views[i - 1].sentence.end:view.sentence.start]
        new_item = (i == 0 or not same_line) and _BULLET_ITEM.match(text) is not None  # (a line of its own)
        if view.sentence.paragraph != last_paragraph:
            last_paragraph = view.sentence.paragraph
            if view.section not in _UNDER_SOURCE:
                source_speaker = None
        wanted = needed is None or needed[i]
        if wanted and not recent and i > 1 and (rules.anaphora.search(text) or _OPENS_QUOTE.match(text)):
            # "He added that ...": who "he" is was said further back than the sentence before (so is who goes on
            # speaking in a quotation that opens naming nobody)
            for j in range(max(0, i - _READ_BACK), i - 1):
                if j not in read:
                    read[j] = [a for a in find_attributions(views[j].text, rules, context_side=home, day=day,
                                                            place_country=place_country) if a.kind != "journalist"]
                    recent.extend(a for a in read[j] if not a.embedded)
                    if not read[j] and rules.claimant_index.candidates(views[j].text):
                        # ("Pushilin spoke to Rossiya-24 on Friday. ... he said": named with no verb of saying,
                        # as the sentence's subject; not "watched Putin's speech")
                        recent.extend(a for a in named_claimants(views[j].text, rules, day=day)
                                      if _OPENS_ON_NAME.fullmatch(views[j].text, 0, a.start)
                                      and not cited_only(views[j].text, a)
                                      and not _quoted_at(views[j].text, a.start, False))  # ('"Putin will fail," X said')
            if last is None and recent:
                last = recent[-1]
        if wanted and i > 0 and (i - 1) not in read:
            if i > 1 and rules.anaphora.search(views[i - 1].text):
                # ("X, the group's spokesman, spoke to reporters. '...,' he said. 'Fighting goes on in A'": who
                # "he" is was named in a sentence no claim made us read)
                # (only the sentences after the last one read, so that who spoke last stays last)
                for j in range(max(0, i - 1 - _READ_BACK, max((k for k in read if k < i - 1), default=-1) + 1), i - 1):
                    speakers(j)
            # the sentence before: its speaker may be carried on ("Specifically, ..."), and the day
            # they spoke holds for what they say next
            before = speakers(i - 1)
            if before and not voices[i - 1].attributions:
                voices[i - 1] = replace(voices[i - 1], attributions=tuple(before))
            if not before and i == 1 and not views[0].heading and (opening := _OPENING_LABEL.match(views[0].text)) is not None \
                    and (credit := _label_speaker(opening.group(1), rules, home, day)) is not None:
                # "DeepState, 6 January: The enemy advanced near A. Russian troops occupied B.": the label's
                # speaker goes on speaking, though its first sentence claimed nothing
                last = replace(credit, verb="credit", start=opening.start(1), end=opening.end(1))
                read[0] = [last]
                recent.append(last)
            if not before and i > 1 and views[i - 1].text.rstrip().endswith(":") and (i - 2) not in read \
                    and views[i - 2].sentence.paragraph == views[i - 1].sentence.paragraph and _POST_INTRO.search(views[i - 1].text):
                speakers(i - 2)  # "X responded on Telegram. The post in full: “...”": X spoke last
        if new_item:
            # a digest's items are stories of their own: no speaker's side carried into the next (who
            # "the ministry" is may be: "In the same statement the ministry claimed X")
            last, item_start = None, len(recent)
        found = list(speakers(i)) if wanted else []
        if people is not None and (person := people.introduced.get(i)) is not None \
                and not any(not a.embedded for a in read.get(i, found)):
            # "Oleh, 34, a welder ..., spreads a map.": the one "he said" points back to from here, and the
            # speaker of a quotation that opens right after
            speaker = person.speaker
            recent.append(speaker)
            introduced.add(id(speaker))
            if i + 1 < len(views) and _OPENS_QUOTE.match(views[i + 1].text):
                last = speaker
        line = _CREDITED_LINE.match(text) or _CAPS_LABEL.match(text) or (
            _OPENING_LABEL.match(text) if i == 0 and not view.heading else None) if wanted else None
        # (a line further on that opens on a person's name and a colon: "Khortytsia spokesman Viktor Trehubov: our
        # units have withdrawn from X"; not a body's or a channel's name, which heads a topic as often: "Russian
        # channels: ...")
        person_line = line is None and wanted and i > 0 and not same_line and not view.heading
        line = _OPENING_LABEL.match(text) if person_line else line
        # (a speaker named inside the label is the label's: "11:05 — A Russian milblogger close to the Defence
        # Ministry: ...")
        if line is not None and not any(not a.embedded and not (line.start(1) <= a.start < line.end(1)) for a in found):
            # "• Russian MoD: troops have taken X" in a list of statements, "PESKOV: ..." in a transcript, "Col.
            # Gen. Name, commander of the X group: Today our units ..." opening a text: the one named before the colon
            credit = labelled(line.group(1) if line.re is _CREDITED_LINE else line.group(1).title()) \
                if line.re is not _OPENING_LABEL else _label_speaker(line.group(1), rules, home, day)
            # (a body's name too when the line opens on a day: "Oct 1 — Khortytsia group: the command has authorised ...")
            # (or says when it spoke: "Ukrainian General Staff, this morning: ...")
            credit = None if person_line and credit is not None and "(" not in credit.claimant and not _DAY_STAMP.match(text) \
                and not _TIMED_LABEL.search(line.group(1)) else credit
            found = [replace(credit, verb="credit", start=line.start(1), end=line.end(1))] + \
                [a for a in found if a.end <= line.start(1) or a.start >= line.end(1)] if credit else found
            if credit and line.re is _OPENING_LABEL:
                read[i], last = found, found[0]  # (and goes on speaking in the sentences after)
                recent.append(found[0])
        if _SOURCE_LINE.match(text):
            named = named_claimants(text, rules, context_side=last.side if last else home, day=day)
            if named:
                source_speaker = replace(named[0], verb="source", start=0, end=0)
                found = found or [named[0]]
        carried, why = None, ""
        post = posts.get(i)
        intro = [a for a in speakers(list_head) if not a.embedded and a.verb not in ("credit", "source")] \
            if wanted and new_item and list_head is not None and not any(not a.embedded for a in found) else []
        if intro:
            # "DeepState recorded the following changes:" over "- 23 Nov — A: occupied": the items are its words
            carried, why = intro[-1], "list"
        elif wanted and not any(not a.embedded for a in found) and (not view.heading or _BULLET_ITEM.match(text) or _OPENS_QUOTE.match(text)) \
                and post is not None and post.author.verb != "aired":
            # (also when it cites a claim: "The Ukrainian claims that X has fallen are premature"; and a status
            # line with no full stop: "▪️ X — cleared"; and a forwarded post's line in quotation marks)
            carried, why = post.author, "post"
        elif wanted and not any(not a.embedded for a in found) and view.heading and i > 0 and issuer is not None \
                and (_BULLET_ITEM.match(text) or _STATUS_LINE.match(text)):
            carried, why = issuer, "document"  # (a status line of the body's document: "🔹 X — cleared", "X — cleared")
        elif wanted and not any(not a.embedded for a in found) and not view.heading:
            # (a claimant only cited, "the statements of the Russian command about X are false", speaks for nobody)
            continues = rules.continuation.search(text) is not None
            # (who spoke the sentence that opened the quotation: not a claimant it only cites)
            opener = [a for a in (voices[open_quote].speakers() if open_quote < len(voices) else speakers(open_quote))
                      if not a.embedded] if open_quote is not None and open_quote != i else []
            # (not one that spoke only in a relative clause: "The ministry, which claimed X in June, has not
            # acknowledged its loss. Fighting continues near Y")
            previous = [a for a in speakers(i - 1) if not ((told := TELLING_RELATIVE.match(views[i - 1].text, a.end))
                                                            and told.group(1) == a.verb)] if same_line else []
            if opener or (continues and last is not None):
                carried, why = (opener[-1], "quote") if opener else (last, "continuation")
            elif open_quote is not None and open_quote != i and last is not None and _QUOTE_LABEL.match(views[open_quote].text):
                carried, why = last, "quote"  # 'Quote: "Our troops do not stop. X has been liberated."': the speaker before
            elif open_quote is not None and open_quote != i and (intro := _quote_intro(open_quote)) is not None:
                carried, why = intro, "quote"  # "X told us his story. His words, shortened: “We held A ... We left A on the 7th”"
            elif view.section in _UNDER_SOURCE and source_speaker is not None:
                carried, why = source_speaker, "source"
            elif _OPENS_QUOTE.match(text) and (named_at_close := ahead_of_close(i)) is not None:
                carried, why = named_at_close, "quote"  # “This is not true. X holds the town,” Y said.
            elif _OPENS_QUOTE.match(text) and last is not None:
                carried, why = last, "quote"
            elif (credited_next := told_next(i)) is not None:
                carried, why = credited_next, "next"  # "Troops have left X. The withdrawal was announced by Y."
            elif previous and not _OUTLET_VOICE.search(text) and not REBUTTAL_OPENS.match(text) and not _TIMESTAMPED.match(text) \
                    and not (previous[-1].side is not Side.NONE and _GRADED.search(text)) \
                    and not (previous[-1].side is not Side.NONE and FIRST_PERSON_PLURAL.search(text)
                             and previous[-1].side.opponent() is _post_side(article.text)):
                carried, why = previous[-1], "previous"  # a speaker named in the sentence before, same paragraph
            elif post is not None:
                carried, why = post.author, "post"  # (a broadcaster's anchor, when the sentence before named nobody)
            elif issuer is not None:
                carried, why = issuer, "document"
            elif last is not None and last.verb == "credit" and read.get(0) and read[0][0] is last and "(" not in last.claimant \
                    and not _OUTLET_VOICE.search(text):
                # (the text's opening label, a body's or a monitor's, speaks on past its paragraph while nobody else
                # speaks: "DeepState: the map has been updated." over "The enemy has occupied A and B"; not a
                # person's words over the outlet's story, "Zelensky: X will not be surrendered")
                carried, why = last, "credit"
            elif credited is not None and (FIRST_PERSON_PLURAL.search(text) or (last is None or last.verb == "credit")
                                           and (not _PERSON_NAMED.match(credited.claimant)
                                                or {p.key for p in view.settlements} & heading_places)):
                # (and what the body of a body's or a channel's bulletin tells before anyone else speaks:
                # "Defence Ministry: X liberated" above "Units of the Tsentr group have liberated X."; a
                # person's "Zelensky: X will not be surrendered" heads the outlet's own story)
                carried, why = credited, "credit"
        if not new_item and (i == 0 or not same_line):
            # (a line of its own that is no list item opens a list, or ends the one being read)
            # (not a list of claims its speaker denies: "The General Staff denied the following Russian claims:")
            list_head = i if text.rstrip().endswith(":") and not view.heading and not _DENYING_HEAD.search(text) else None
        balance = quote_balance(text)
        if balance > 0 and open_quote is not None and text.count('"') % 2 and not _CURLY.search(text):
            open_quote = None  # a lone straight quote while one is open closes it ('... repelled," said X')
        elif balance > 0:
            open_quote = i
        elif balance < 0:
            open_quote = None
        voices.append(Voice(tuple(found), replace(carried, start=0, end=0) if carried else None,
                            find_channel(text, rules) if wanted else "", why, post))
    return voices
