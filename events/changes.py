"""Stage 2 of extraction: the changes of control a sentence tells of, read from its words alone.

For each phrase of ``triggers.toml`` in a sentence: what kind of change it is, which settlements
it is about (the object after it, a list "A, B and C", the subject before a passive "A and B were
liberated", or a pointer back: "the town", "it"), which side acts as the sentence says ("Russian
troops", "by Ukrainian forces", "fell to", "its troops"), whether it is asserted or denied ("have
not taken", "rejected claims that", "reports ... are false", "failed attempts to"), hedged, or
told as history ("previously captured", "the fall of").

Plans, prospects and hypotheses ("attempting to take", "would open the way", "closing in on")
give no change at all. Who says it and when are later stages' business (events/drafts.py).
Pure functions of one SentenceView and the rules; the cases are in tests/events/test_changes.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from events.anchors import compiled, may_match
from events.mentions import SPOKEN_LABEL, PlaceRef, SentenceView
from events.records import EventType
from events.rules import Rules, Trigger

__all__ = ["acted_upon", "Change", "FOCUS", "Target", "find_changes", "find_triggers", "side_words", "clause"]

# Clause boundaries: semicolons, colons, brackets, dashes, quotes, and commas or words that open
# a new clause ("as well as" does not). (It opens on the class of its first characters, so that the
# engine skips to them at once; each alternative then looks behind at the character it took.)
_BOUNDARY = compiled(
    r"[;:\[\]“”\"«»,\s](?:(?<=[;:\[\]“”\"«»])|(?<=\s)[–—-]\s|(?<=,)\s+(?=(?:one of|which|where|who|whose|as(?! well as| a result| part of)|while|with|when|after|before|"
    r"because|but|although|though|noting|creating|according to|amid|despite|however|while|saying|adding|citing|"
    r"pointing|calling|claiming|insisting|stressing|a (?:claim|statement)|and (?:said|added|claimed)|"
    r"(?:the|a|one|two|three|four|five|both|several) (?:[\w-]+ ){0,2}?(?:villages?|towns?|city|cities|settlements?|hamlets?)"
    r"(?: (?:in|on|near) [^,;]{1,60}?)?(?: that| which)? "
    r"(?:Russia|Ukraine|Moscow|Kyiv|Kiev|it|they|"
    r"the Russians|the Ukrainians|Russian|Ukrainian))\b)|"
    r"(?<=\s)(?<!\bwell\s)(?<!\bsuch\s)(?<!\bhave\s)(?<!\bhas\s)(?<!\bhad\s)(?=(?:as(?! well as| a result| part of)|while|whereas|because|although|though|but|until|unless|after|before|since|"
    r"despite)\s))")
_DISTRICT_CENTRE = r"(?:district|regional|administrative)\s+cent(?:re|er)"  # a place's kind beside village, town, city
# what a place is called by its role instead of its kind ("a rail hub", "a railway junction", "the regional capital")
_PLACE_ROLES = (r"(?:regional\s+)?capital|" + _DISTRICT_CENTRE
                + r"|(?:rail(?:way)?\s+|road\s+|logistics\s+|transport\s+)?hub|(?:rail(?:way)?|road)\s+junction|stronghold")
_PLACE_KINDS = r"village|town|city|settlement|hamlet"  # the words a text names a place's kind by (an alternation)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_SHORT = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:[a-z]{0,6})\.?"  # "Nov", "Nov.", "November"
# a time told by its month: "in May", "in early May", "on 3 March", "on March 3", "in May 2024"
_IN_MONTH = r"(?:in|on)\s+(?:(?:early|late|mid-?)\s*)?(?:\d{1,2}\s+)?" + _MONTH + r"(?:\s+\d{1,2})?(?:,?\s+(?:19|20)\d\d)?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PASSIVE = compiled(r"\b(?:was|were|been|being|is|are|be|get|got|gets)\s+(?:[“\"‘']?\w+[”\"’']?\s+){0,2}[“\"‘']?$", re.I)  # (quoted: been "fully liberated", been "completely" captured)
# "the loss of Pokrovsk would be": the noun, its place, then the modal (a date or clause between makes it told)
_NOUN_THEN_MODAL = compiled(r"\s*(?:of\s+|from\s+)?(?:the\s+(?:town|city|village|settlement)\s+(?:of\s+)?)?"
                              r"(?:[A-ZА-ЯІЇЄ][\w’'-]*(?:\s+(?:(?:and|or)\s+|,\s*)?|,\s*)){0,4}")  # (none after a possessive: "its capture would")
_NOUN_OPENING = compiled(r"\s*(?:(?:the|a|an|any|its|their|Russia['’]s|Ukraine['’]s|Moscow['’]s|Kyiv['’]s|Russian|Ukrainian|"
                           r"eventual|possible|potential|full|(?-i:[A-ZА-ЯІЇЄ])[\w’'-]*['’]s|(?:town|city|village|settlement)['’]s)\s+)*",
                           re.I)  # ("Tonenke's capture would", "the town's fall would")
# a sentence opening on its subject and a participle with no auxiliary: "Tonenke, Umanske “fully occupied”"
# (also a status line's "▪️ X — fully occupied")
_HEADLINE_PASSIVE = compiled(r"(?:[^\w\s]{1,3}\s*)?[A-ZА-ЯІЇЄ][\w’'-]*(?:(?:\s+|,\s+|\s+and\s+)[A-ZА-ЯІЇЄ][\w’'-]*)*(?:\s+|\s*[—–:]\s*|\s+-\s+)[\"“]?"
                             r"(?:(?:fully|completely|partially|partly|now|officially)\s+)?[\"“]?")
_CLAUSE_ENDS = compiled(r"[\"”]?\s*(?:[,:;.–—]|\s-\s|$|(?:as|after|amid|in|on|by)\b)")
_BEARING_GAP = compiled(r"\s+(?:north|south|east|west)", re.I)  # "X north of Y in the Z region has been ..."
_OF_SOMEONE = compiled(r"(?<!village )(?<!town )(?<!city )(?<!settlement )\b(?:from|of)\s+$", re.I)
_BY_AFTER_QUOTE = compiled(r"[”\"»]\s+by\s")  # '"liberated" by units of ...': the agent named past the quote
_PARTICIPLE_BY = compiled(r"\w+(?:ed|en)\s+by\s|lost\s+to\s", re.I)  # ("X, lost to Russia in May, ..." too)
_BEING_DONE = compiled(r"(?:(?:now|still)\s+)?being\s+(?:\w+\s+)?\w+(?:ed|en|ht)\b")  # "a town now being (fiercely) fought over"
_PARTICIPLE = compiled(r"\w+(?:ed|en|wn|un|ft|ht|st)\b")  # "was captured", "were withdrawn", "was taken", "left"
_IT_WAS_TAKEN = compiled(r"It\s+(?:was|had\s+been|has\s+been)\s+(?:(?:finally|briefly|quickly|later|then|first|fully|completely)\s+)?")
# (past a closing quote: "liberated" by; not past another verb: "occupied in 2022 and liberated by Ukraine")
_BY = compiled(r"^[”\"’']?\s*(?:(?!and\s)[\w’'-]+\s+){0,8}?by\s+", re.I)
# "the capture of X by Russian troops", "the liberation of X was completed by Ukrainian units": the
# forces named after "by" acted (not "confirmed by Ukrainian officials": forces only)
_BY_SIDE = compiled(r"\bby\s+(?:the\s+)?$", re.I)
_LOCATING_ASIDE = compiled(r",\s+(?:(?:just|some|about|around|roughly|only)\s+)?(?:\d+\s*(?:km|kilomet(?:re|er)s|miles)\s+)?"
                           r"(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?(?:\s+of\s+[A-ZА-ЯІЇЄ][\w’'-]+)?,")
_OTHER_VERB_BEFORE_BY = compiled(r",|\b(?!(?:completed|finished|carried|conducted|accomplished|achieved)\b)\w+ed\s+by\b", re.I)
# a past participle right after a place and its comma: "A, taken in May; B, abandoned by Ukrainian
# troops in February" (the participle, then a time, an agent or the clause's end)
_PARTICIPLE_APPOSITION = compiled(r"[A-ZА-ЯІЇЄ][\w’'-]+(?:\s+itself)?,\s+(?:(?:only|finally|eventually|briefly|first|later|recently|reportedly)\s+)?$")
# a comma, then a clause of its own with its subject and verb (no "and"): "..., the enemy has left for X"
_NEW_SUBJECT_GAP = compiled(r",\s+(?:the\s+)?(?:enemy|occupiers|Russians|Ukrainians|(?:Russian|Ukrainian|enemy)\s+(?:troops|forces|units|soldiers))\s+"
                            r"(?:has|have|had|is|are|was|were|fled|left|retreated|withdrew|moved|pulled|went|ran)\b")
_FINITE_AFTER = compiled(r"\s+(?:remains?|remained|stays?|stayed|is|was|are|were|has|had|held|holds|could|may|might|will|would)\b")
_PASSIVE_BY_BEFORE = compiled(r"\b(?:was|were|been)\s+(?:\w+\s+)?\w+(?:ed|en|wn)\s+by\s")
_PARTICIPLE_TAIL = compiled(r"\s*(?:[,;.)]|$)|\s+(?!in part\b)(?:in|on|by|last|earlier|early|late|during|after|before|at|from|back|again|"
                            r"since|only|just|within|weeks|months|days|two|three|a)\b")
_REDUCED_RELATIVE = compiled(r"(?:,\s+|(?<=[\w’'-])\s+(?:was|is|became|remains|remained)\s+)(?:the|a|one)\s+(?:[\w-]+\s+){0,2}?(?:" + _PLACE_KINDS + r"|" + _PLACE_ROLES + r")"
                               r"(?:\s+(?:in|on|near|of|with|(?:just\s+|some\s+|about\s+[\w.]+\s+(?:km|kilometres|kilometers|miles)\s+)?"
                               r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)\s+(?:[^,;]|,(?=\d{3})){1,40}?)?\s+(?:(?:that|which)\s+)?"
                               r"(?:(?:Russia|Ukraine|Moscow|Kyiv|Kiev|it|they|(?:the\s+)?Russians|(?:the\s+)?Ukrainians|"
                               r"(?:Russian|Ukrainian|its|their)\s+(?:troops|forces|units|soldiers|army|marines|paratroopers|fighters)|"
                               r"(?:Russia|Ukraine|Moscow|Kyiv|Kiev)['’]s\s+(?:\d+(?:st|nd|rd|th)\s+)?(?:[\w-]+\s+){0,2}?(?:brigade|regiment|troops|forces|army|units|marines|group|fighters))\s+)"
                               r"(?:(?:says|said|claims|claimed|insists|insisted)\s+(?:(?:that\s+)?(?:it|they)\s+|to\s+have\s+))?"
                               r"(?:(?:had|has|have|first|briefly|only|finally|fully|completely|effectively|managed\s+to|was\s+able\s+to|"
                               r"(?:appears?|appeared|seems?|seemed|(?:is|are|was|were)\s+(?:said|believed|thought|reported))\s+to(?=\s+have\b))\s+)*$")
# "The pullback followed talks on ...": the withdrawal told in the sentence before, not one here
_TOLD_BEFORE_VERB = compiled(r"\s+(?:followed|follows|came|comes|was|is|marked|marks|began|begins|ended|ends|"
                               r"caught|surprised|prompted|drew|sparked)\b")
# a clause opening on a participle whose subject follows it: "Having captured X, ...", "After taking X, ..."
_OPENING_PARTICIPLE = compiled(r"\s*(?:[Hh]aving|[Aa]fter|[Uu]pon|[Oo]n|[Ss]ince)\s+(?:\w+\s+)?")
_IT_SUBJECT = compiled(r"\b(?:it\s+(?:had\s+|has\s+|have\s+)?|its\s+(?:[\w-]+\s+)?)$")  # (or "completing its capture of X")
_OF_AFTER = compiled(r"[”\"’']?\s+of\b")
_STATE = compiled(r"(?:Russia|Ukraine|Moscow|Kyiv|Kiev|the Kremlin|Kremlin)(?:['’]s)?")
_THE_ENEMY = compiled(r"(?<=[Tt]he )enemy(?! (?:troops|forces|units|soldiers|army|fighters|assault|infantry|groups))")  # (one enemy that "it" may stand for, not "enemy troops")
# the list up to the last list word before an item's own words (not the region that placed the item before: "A in the
# X district and the southern half of B")
_GLUE_SHARE = compiled(r"^.*(?:,|\b(?:and|or|as well as)\b)\s*", re.I | re.S)
_INCLUDING = compiled(r"\b(?:including|such as|among them|notably|namely|beginning with|starting with)\b", re.I)
# people taken prisoner: "marines captured during the defence of Mariupol"
_CAPTIVES_BEFORE = compiled(r"\b(?:marines?|soldiers?|servicem[ae]n|fighters?|defenders?|troops|prisoners?|POWs?|civilians?|"
                              r"sailors?|pilots?|men|women|residents?|conscripts?|volunteers?|mercenar(?:y|ies))\s+(?:who\s+(?:was|were)\s+|(?:was|were)\s+)?$", re.I)
# ("Ukrainian soldiers captured in X": taken prisoner there)
_RELATIVE_OBJECT_OPENS = compiled(r"(?:,\s*(?:which|that)|\b(?:which|that))\s+(?:the\s+)?(?:(?:Russian|Ukrainian|Russia['’]s|Ukraine['’]s|enemy|their|its)\s+)?(?:[\w-]+\s+)?$")
_CAPTIVES_AFTER = compiled(r"\s+(?:during|while|after|by|near|at|on|since|when|in\s+(?:the|a|an)\b|in\s+(?!" + _MONTH + r"\b)(?-i:[A-ZА-ЯІЇЄ]))", re.I)
_THERE_END = compiled(r"\bthere$")  # a trigger whose phrase ends in the pointer ("fighting goes on there")
_SHARE_OF_BEFORE = compiled(r"\bof\s+(?:the\s+(?:town|city|village|settlement)\s+of\s+)?$", re.I)
_FORCE_AFTER = compiled(r"(?:\s+[\w’'-]+){0,2}?\s*(?:troops|forces|army|armed forces|units?|soldiers|servicemen|fighters|volunteers|guys|boys|lads|"
                          r"brigades?|battalions?|marines|paratroopers|assault groups?|group of forces)\b", re.I)
# a quoted speaker's own forces as a passive's subject: '"our infiltration groups have been forced out of X"'
_PATIENT_NOUNS = r"troops|forces|army|units?|soldiers|servicemen|fighters|marines|paratroopers|brigades?|battalions?|defenders"
_PASSIVE_TAIL = r"\s+(?:have\s+|has\s+|had\s+)?(?:been|were|was|are|is|got|get)\s+(?:\w+\s+)?$"
_OWN_PATIENT_GAP = compiled(rf"\s+(?:[\w-]+\s+)?(?:{_PATIENT_NOUNS}|groups|guys|boys|lads){_PASSIVE_TAIL}", re.I)
_FORCE_IN = compiled(r"(?:troops|forces|army|units?|soldiers|servicemen|fighters|brigades?|battalions?|marines|"
                       r"paratroopers|group of forces|Russians|Ukrainians|occupiers|invaders|(?<=\bour )(?:guys|boys|lads|men))\s*$", re.I)
# "Ukrainian troops were driven out of": from the forces to their passive verb
# (past a relative clause that puts them in the place: "the Russian troops who entered the town were driven out")
_PATIENT_GAP = compiled(rf"(?:\s+(?:{_PATIENT_NOUNS}))?(?:\s+(?:who|that)\s+(?:had\s+|have\s+)?(?:entered|broke\s+into|pushed\s+into|infiltrated|got\s+into)\s+[^,.;“”\"]{{1,40}}?)?{_PASSIVE_TAIL}", re.I)
# from a side word to the phrase it is the subject of: "Ukrainian units | pulled back"
_SUBJECT_FORCES = compiled(r"(?:\s+(?:troops|forces|army|units?|soldiers|servicemen|fighters|marines|paratroopers|"
                             r"brigades?|battalions?|defenders))?\s+(?:have\s+|has\s+|had\s+|were\s+|was\s+)?"
                             r"(?:(?:also|then|later|now|reportedly|successfully)\s+)?", re.I)
_QUALIFIER_BEFORE = compiled(r"\b(?:from|in|(?<!town )(?<!city )(?<!village )(?<!settlement )(?<!hamlet )"
                               r"(?<!report )(?<!reports )(?<!claim )(?<!claims )(?<!news )(?<!villages )(?<!settlements )(?<!towns )"
                               r"(?<!occupation )(?<!capture )(?<!seizure )(?<!fall )(?<!loss )of|at|near|"
                               r"around|outside|for|to|into|with|defending|holding)\s+(?:the\s+)?$", re.I)
# "retook X from Russian forces": the loser; after a clearing verb also "of" ("cleared the village
# of X of the occupiers")
# a side's land, not its forces: "X, a short distance from the Russian border" (not "retook X from Russian units")
_SIDE_LAND_NOUN = compiled(r"\s+(?:border|frontier|territory|region|oblast|province|capital|coast|mainland)\b", re.I)
_FROM_SIDE = compiled(r"\bfrom\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_OF_SIDE = compiled(r"(?<=[a-zа-яії’'])\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_COMMA_BEFORE_OF = compiled(r",\s+(?:the\s+|an?\s+)?(?:[\w’'-]+\s+){0,3}[\w’'-]+$")  # (", the official representative| of ...")
_CLEARING = compiled(r"clear|purg|free|liberat|rid\b", re.I)
# "claiming that troops had also taken X": troops as the subject, whoever's they are (or "said
# that it had taken X": the speaker's own side)
# ("his fighters had \"completely taken\" X": the speaker's own men)
_TROOPS_SUBJECT = compiled(r"(?:\b(?:that\s+)?(?:the\s+|his\s+|its\s+|their\s+|our\s+)?(?:troops|forces|units|soldiers|fighters)|"
                             r"\bthat\s+(?:it|they))\s+(?:had|have|has)\s+(?:also\s+|now\s+|already\s+)?[“\"]?"
                             r"(?:completely\s+|fully\s+|finally\s+|effectively\s+)?$|"
                             # ("said that troops controlled most of X": the that-clause's bare subject, in any tense)
                             r"\bthat\s+(?:the\s+|his\s+|its\s+|their\s+|our\s+)?(?:troops|forces|units|soldiers|fighters)\s+(?:now\s+|already\s+|also\s+)?$|"
                             # ("defenders had been ordered to leave X": the side that ordered them, the speaker's)
                             r"\b(?:the\s+)?(?:defenders|garrison|troops|forces|units|soldiers)\s+(?:had\s+been|have\s+been|were|was)\s+ordered\s+to\s+$")
# a unit named by its number ("units of the 47th brigade left X"): a side's own deed, told by its spokesman
_UNIT_SUBJECT = compiled(r"\b(?:units|soldiers|troops|fighters|servicemen|elements|marines|paratroopers)\s+(?:from|of)\s+(?:the\s+|our\s+)?"
                         r"\d+(?:st|nd|rd|th)\s+(?:[\w-]+\s+){0,3}?(?:brigade|regiment|battalion|corps|division)\s+"
                         r"(?:(?:have|has|had)\s+)?(?:(?:quietly|also|finally|then|now)\s+)?$", re.I)
_BARE_FORCE = compiled(r"\b(?:the|these|those|such|its|their|both|all|many|some)\s+(?:\w+\s+)?(?:troops|forces|units|soldiers|"
                         r"fighters|servicemen|defenders|brigades?|battalions?|military|army|garrison)\b|"
                         r"\b(?:fighters|troops|soldiers|units|members)\s+(?:from|of)\s+(?:the\s+same|these|those|both)\b", re.I)
_PLURAL_SUBJECT = compiled(r"\b(?:the|these|those|a series of|a string of|a chain of)\s+(?:\w+\s+)?(?:villages|settlements|towns|"
                             r"localities|communities|populated (?:areas|localities))\s+(?:in\s+(?:the\s+)?[\w-]+\s+)?(?:that|which)\b", re.I)
# names the gazetteer may not know, inside a list: "Xyzivka, ", "Nova Xyzivka and "
_UNKNOWN_NAMES = compiled(r"(?<=[\s,])(?:[A-ZА-ЯІЇЄҐ][\w’'\u0400-\u04ff-]*(?:\s+[A-ZА-ЯІЇЄҐ][\w’'-]*)?)(?=\s*(?:,|and\b|as well as\b))")
_HELD = compiled(r"\s+(?:(?:defen[cs]e|defensive|front|forward|fortified|firing)\s+)?(?:positions?|lines?|defen[cs]es|"
                   r"strongholds?|fortifications?|trenches|redoubts?)\b", re.I)
# "could not be verified whether Russian units had taken X, as Moscow claimed": a claim after all
_WHETHER = compiled(r"\b(?:whether|if)\b", re.I)
_AS_CLAIMED = compiled(r"[\s,]*as\s+(?:[\w’'-]+\s+){1,5}?(?:claimed|claims|said|says|reported|reports|announced|asserted|"
                         r"asserts|stated|insisted|insists)\b")
# "into Russia's Kursk region", "on Ukrainian soil": a country as the land, not the forces acting
_LAND_AFTER = compiled(r"(?:['’]s)?\s+(?:[A-Z][\w’'-]+\s+){0,2}(?i:region|oblast|province|territory|territories|soil|"
                         r"border|borderlands?|frontier)\b")
_LAST_UNKNOWN = compiled(r"\s*(?:,|\band)\s+(?:[A-ZА-ЯІЇЄҐ][\w’'-]*(?:\s+[A-ZА-ЯІЇЄҐ][\w’'-]*)?\s+)?"
                           r"(?=(?:has|have|had|was|were|is|are)\b)")
_UNKNOWN_LISTED = compiled(_UNKNOWN_NAMES.pattern + r"(?:\s*,)?")  # the name and its comma
_PART_SUBJECT = compiled(r"^,?\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:districts|neighbou?rhoods|quarters|microdistricts|"
                           r"parts|outskirts|cent(?:re|er)|industrial zone)\s+", re.I)
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve".split())
# what turns an intention back into a deed: "managed to take", "had to withdraw"; "ordered to" and
# "forced to" only for a withdrawal (an ordered withdrawal is one; an order to take a town is a plan;
# so is one "given permission to withdraw")
_ABLE = compiled(r"\b(?:(?:managed|able|succeeded|succeeding|managing|decided|opted|chose|began|started|continued|"
                   r"went on|moved)\s+(?:\w+\s+)?to|had\s+to|"
                   # ("completed the operation to liberate X": the deed done)
                   r"(?<!\bnot )(?<!n't )(?<!\bnot yet )(?:completed|finished|concluded|accomplished)\s+(?:the\s+|an?\s+|its\s+|their\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:operation|task|mission)\s+to|"
                   # (a side's own announcement: "our troops will have to withdraw"; not an analyst's forecast)
                   r"(?:(?<=\bour troops )|(?<=\bour forces )|(?<=\bour units )|(?<=\bour soldiers )|(?<=\bour defenders )|(?<=we ))"
                   r"will\s+have\s+to)\s+(?:\w+\s+)?$", re.I)
_ORDERED = compiled(r"\b(?:(?:received|got|gave|give|given|granted|issued|had|have|has)\s+(?:(?:its|their|the|his|our)\s+(?:troops|forces|units|garrison)\s+)?(?:an\s+|the\s+|a\s+)?(?:orders?|permission|approval|go-ahead|green\s+light)\s+"
                      r"(?:for\s+(?:an?\s+|the\s+)?(?:manoeuvre|maneuver|withdrawal|pullout|pull-out)\s+|"
                      r"to\s+(?:carry\s+out|conduct|perform|make)\s+(?:an?\s+|the\s+)?(?:manoeuvre|maneuver)\s+)?(?=to\s)|"
                      r"(?:a|the)\s+decision\s+(?:(?:was|has\s+been|had\s+been)\s+(?:made|taken)\s+)?(?=to\s)|ordered|orders|ordering|told|instructed|forced|compelled|"
                      r"(?:approved|authori[sz]ed|sanctioned|allowed|permitted)(?:\s+[“\"‘']?(?:an?|the)\s+(?:[\w-]+\s+)?(?:manoeuvre|maneuver|decision|order))?)\s*(?:(?:the|its|their|his|her|our|Ukrainian|Russian|Ukraine['’]s|Russia['’]s|"
                      r"enemy)\s+)?(?:(?:troops|forces|units|soldiers|defenders|garrison|marines|brigades?|commanders?|generals?|men)\s+)?"
                      # (the day may stand between: "ordered troops on Wednesday to withdraw")
                      r"(?:on\s+" + _WEEKDAY + r"\s+|late\s+on\s+\w+\s+|overnight\s+)?to\s+"
                      r"(?:\w+\s+)?$", re.I)
# spoken word order, the object told first: "Tykhe we took on Saturday", "Hostre the other guys liberated
# yesterday" (the place opens its sentence or quotation, and the speaker's own people stand before the verb;
# not "they", who may be the enemy)
_TOPIC_GAP = compiled(r"\s+(?:we|our (?:guys|boys|lads|men|troops|units|forces)|the (?:other |neighbouring |next )?"
                      r"(?:guys|boys|lads|brigade|battalion|company))(?:\s+(?:finally|already|also|just|only))?\s+")
_TOPIC_SHARE_GAP = compiled(r"\s*[—–:-]\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:half|part|end|side|edge|outskirts|districts?|streets|"
                             r"neighbou?rhoods?|quarters?|blocks|cent(?:re|er))\s+")
_TOPIC_COLON = compiled(r"\s*:\s*")
_ONE_OF_GAP = compiled(r"\s+(?:was|is|became)\s+(?:one\s+of|among)\s+the\s+(?:[\w-]+\s+){0,3}?(?:villages|towns|places|settlements|"
                       r"cities|localities)\s+(?:that\s+|which\s+)?(?:[\w’'-]+\s+){1,3}?(?:had\s+|have\s+)?")
# (after a transcript's turn label too: "MALYI: X and Y we lost on the 11th")
_TOPIC_OPENS = compiled(r"\s*(?:" + SPOKEN_LABEL + r"\s+)?(?:[“\"‘']\s*)?(?:(?:And|But|Well|Yes|So),?\s+)?")
# names listed before what follows them ("A, B and ", "A and "), each of one to three words
_NAMES_LISTED = r"(?:[A-ZА-ЯІЇЄ][\w’'-]+(?:[ -][A-ZА-ЯІЇЄ][\w’'-]+){0,2}(?:,\s+|,?\s+and\s+))*"
# a sentence opening on a place's neighbour, named after the noun ("Its neighbour, X," "Their
# western neighbours, A and B,"): the names are the subject the verb after them tells of
_NEIGHBOUR_NAMED = compiled(r"\s*(?:[Ii]ts|[Tt]heir|[A-ZА-ЯІЇЄ][\w’'-]+['’]s)\s+(?:(?:immediate|nearest|closest|smaller|larger|tiny|"
                            r"(?:north|south)?-?(?:north|south|east|west)(?:ern)?)\s+)?(?:neighbou?rs?|twin)"
                            r"(?:\s+(?:to|on)\s+the\s+(?:north|south)?-?(?:north|south|east|west))?\s*,\s*" + _NAMES_LISTED)
# (the place may close a list the sentence opens on: "Hostre and Tykhe we lost on the 11th")
_TOPIC_LIST_OPENS = compiled(_TOPIC_OPENS.pattern + _NAMES_LISTED)
# Between a subject and its verb: "X, a town in the Donetsk region, has been completely liberated"
_SUBJECT_GAP = compiled(
    r"^(?:['’]s)?(?:\s*\([^()]{0,60}\))?(?:\s*[—–)\]])?"
    r"(?:\s+of\s+(?:about\s+|some\s+|around\s+|roughly\s+|nearly\s+|almost\s+|fewer\s+than\s+|more\s+than\s+)?"
    r"\d{1,3}(?:,\d{3})*(?:\s+(?:people|residents|inhabitants))?)?"  # ("the town of about 5,000 was under Ukrainian control")
    r"(?:\s+(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of|near|outside|close\s+to)\s+(?:the\s+(?:town|city)\s+of\s+)?"
    r"[A-ZА-ЯІЇЄ][\w’'-]+(?:\s+[A-ZА-ЯІЇЄ][\w’'-]+)?)?"  # "X north of Y in the Z region", "X near Y"
    # "the village of X on the road from A to B": where it lies
    r"(?:\s+on\s+the\s+(?:main\s+)?(?:road|highway|railway)\s+(?:from\s+[A-ZА-ЯІЇЄ][\w’'-]+(?:\s+[A-ZА-ЯІЇЄ][\w’'-]+)?\s+)?"
    r"(?:to|towards)\s+[A-ZА-ЯІЇЄ][\w’'-]+(?:\s+[A-ZА-ЯІЇЄ][\w’'-]+)?)?"
    r"(?:\s+on\s+the\s+(?:(?:city|town)['’]s\s+)?(?:[\w-]+\s+)?(?:approaches|outskirts|edge|flank)(?:\s+(?:to|of)\s+[A-ZА-ЯІЇЄ][\w’'-]+)?)?"  # "X on the city's southern approaches"
    # "the town on the X river", "the village near the Russian border": where it lies, before its verb
    r"(?:\s+(?:on|by|along)\s+the\s+(?:(?:left|right|eastern|western|northern|southern)\s+)?(?:banks?\s+of\s+the\s+)?"
    r"(?-i:[A-ZА-ЯІЇЄ])[\w’'-]+(?:\s+(?-i:[A-ZА-ЯІЇЄ])[\w’'-]+)?\s+river|\s+(?:near|on|by|close\s+to)\s+the\s+(?:Russian\s+|Ukrainian\s+|Belarusian\s+)?border)?"
    r"(?:\s+in\s+(?:the\s+)?[\w’' -]{1,40}?(?:[Rr]egions?|[Oo]blasts?|[Dd]istricts?|People['’]?s Republic|DPR|LPR|LNR|DNR|Donbass?)"
    r"(?:\s*\([^()]{0,20}\))?)?"
    r"(?:\s+[“\"]?and\s+(?:the\s+)?(?:whole|entire|rest of the|wider)\s+[\w’' -]{1,30}?(?:[Rr]egion|[Oo]blast|area|district)[”\"]?)?"  # (quoted too)
    r"(?:,?\s+and\s+(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|some|a few|other|many)\s+"
    r"(?:other\s+|more\s+|nearby\s+|smaller\s+|surrounding\s+|neighbou?ring\s+|adjacent\s+)?|(?:the\s+)?(?:nearby|surrounding|neighbou?ring|adjacent)\s+)"
    r"(?:towns|villages|settlements|localities|communities))?"
    r"(?:\s*[”\"’])?(?:\s*,\s*(?:[^,;:]|(?<=\d),(?=\d\d\d)){1,100},)?\s*"  # ", a town of 10,000 people,"
    r"(?:[“\"‘']?(?:has|have|had|was|were|is|are|been|being|be|now|also|reportedly|allegedly|apparently|completely|fully|"
    r"finally|already|officially|successfully|once again|once more|again|back|effectively|since|by now|recently|just|largely|"
    r"almost|nearly|entirely|totally|both|all|themselves|itself|reported to have|said to have|claimed to have|"
    r"first|originally|previously|initially|shortly|subsequently|soon|later|quickly|wholly|mostly|partly|indeed|really|actually|"
    r"partially|firmly|still|not|never|yet|reported|declared|pronounced|may|might|could|must|cannot|can['’]t|called|considered|deemed|"
    # (a hedge between: "had most likely been captured", "has almost certainly fallen")
    r"(?:most\s+)?likely|probably|possibly|presumably|(?:almost\s+)?certainly|evidently|seemingly|"
    r"(?<!not )(?<!not yet )(?:believed|thought) to have|(?<!not )(?<!not yet )(?:believed|thought|reported|said|understood|likely|known) to|rightly|swiftly|quickly|then|later|eventually|ultimately|in turn|practically|virtually|"
    r"(?:one of|among) (?:the )?(?:\w+ ){0,2}(?:settlements|villages|towns|cities|localities|communities|places))[”\"’']?\s+)*[“\"‘']?"
    r"(?:(?:fully|completely|now|already|practically|virtually|almost|nearly|largely|mostly|partly|partially)\s+)?$",  # (is now "fully occupied", 'liberated')
    re.I)
_OBJECT_GAP_WORDS = 9
_IRREALIS_WORDS = 7
# (but a report made after all: "did not announce that X had been captured until three days later", "did not
# confirm that its troops had taken X, but several bloggers did")
_ANNOUNCED_LATER = compiled(r"[^.;]{0,80}?(?:\buntil\b|,\s*but\s+[^.;,]{1,60}?\s+(?:did|has|have|had)\s*(?:so\s*)?[.;])", re.I)
# a report not made, however far before the change its clause tells ("did not formally announce that the
# town had been retaken"; the irrealis words only reach seven words back; not "did not confirm that claim,
# and ... said the village remained": "that" a claim's determiner, and a comma closes the report)
_UNANNOUNCED_THAT = compiled(r"\b(?:(?:has|have|had|did|does|do)(?: not|n['’]t)|(?:has|have) yet to|neither (?:side|army|party) has|"
                             r"(?:nobody|no one) has) (?:yet )?(?:(?:formally|officially|publicly|independently) )?"
                             r"(?:announced?|confirm(?:ed)?|report(?:ed)?|acknowledged?|claim(?:ed)?|say|said|verif(?:y|ied)) that\b"
                             r"(?! (?:claims?|reports?|statements?|announcements?|information|account)\b)[^,;]*$", re.I)
# permission to withdraw is a withdrawal done, unless never given, asked about, or given for a rotation
_PERMITTED = compiled(r"\b(?:allowed|permitted)\b", re.I)
_NOT_OR_WHETHER = compiled(r"\b(?:not|never|whether|if)\b[^,;.]*$|n['’]t\b[^,;.]*$", re.I)
_ROTATION = compiled(r"[^.;]{0,80}?\b(?:rotation|rotate|to rest)\b", re.I)
# "the enemy continues to withdraw its units from X": a retreat under way (not "work continues to regain X")
_GOES_ON = compiled(r"\b(?:continues|continue|continuing|keeps|keep)\s+to\s+$", re.I)
# (its forces from a place: not "continue to withdraw wounded soldiers / civilians from X")
_FORCES_FROM = compiled(r"\w+(?:\s+(?:back|out))?(?:\s+(?:(?:its|their|the|our|his|her)\s+)?(?:remaining\s+|last\s+)?"
                        r"(?:units|troops|forces|garrison|fighters|servicemen|soldiers))?\s+(?:from|of)\b", re.I)
# "was ordered to lay down arms, in effect ending the defence of X": the outcome, told as done
_RESULT_PARTICIPLE = compiled(r",\s*(?:in effect\s+|effectively\s+|thereby\s+|thus\s+)?$")
# (a side's adjective or none: "..., allied troops were withdrawn")
_MAIN_AFTER_COMMA = compiled(r",\s+(?:(?:its|their|his|the|our|Russian|Ukrainian|Ukraine['’]s|Russia['’]s)\s+)?(?:[\w-]+\s+)?"
                               r"(?:troops|forces|units|soldiers|army|defenders|garrison)\s+(?:had|has|have|were|was)"
                               r"(?:\s+(?:been|already))*$")
# a purpose phrase closed by its comma ("in order to avoid encirclement, ", "to preserve the lives of personnel, ")
_PURPOSE_CLOSED = compiled(r"(?:\b(?:in\s+)?order\s+|\bso\s+as\s+|^|,\s+)(?:not\s+)?to\s+(?:(?<=order to )|(?<=as to )|"
                           r"(?=(?:avoid|prevent|preserve|save|escape|protect|spare|minimi[sz]e|reduce)\b))[^,;]*,\s*", re.I)
_ORDER_GIVEN = compiled(r"\b(?:was|were|been)\s+(?:ordered|told|instructed|forced|compelled)\s+to\b")
_POINTER_WORDS = 8
_POINTER_WORDS_WITHDRAWAL = 12
_POSITIONS = compiled(r"\b(?:positions|lines|trenches|strongpoints)\b")


FOCUS = "(the place in focus)"  # the pointer of a change whose words name no place (targets = "focus")


@dataclass(frozen=True, slots=True)
class Target:
    """What a change is about: a settlement named in the sentence, or a pointer back to one."""

    place: PlaceRef | None
    pointer: str = ""  # "the town", "it": resolved against earlier settlements by events/drafts.py
    position: int = 0  # where in the sentence the settlement or pointer stands
    share: bool = False  # "the eastern part of X", "X's salt mines": part of the place only


@dataclass(frozen=True, slots=True)
class Change:
    """One change of control told by one phrase of a sentence."""

    kind: EventType
    trigger: Trigger
    start: int  # the phrase's span in the sentence
    end: int
    clause: tuple[int, int]
    targets: tuple[Target, ...]
    agent: str  # the acting side as the sentence says: RU | UA | own | enemy | bare ("these units":
    # the side the text was speaking of) | "" (not said)
    denial: str  # "" (asserted) | negated ("have not taken") | failed ("failed attempts to") |
    # refuted ("rejected claims that") | false ("reports ... are false"): a denial by whoever says it |
    # retracted ("withdrew a report that"): the speaker's own claim, and its taking back
    hedged: bool
    history: bool  # told as background ("previously captured", "the fall of", "which it took in May")
    plural: bool  # "several villages": (more of) its settlements are named later
    count: str = ""  # how many, as the plural phrase says ("10" of "10 settlements"), "" when it says none
    holds_only: bool = False  # "hold only the western part of X": the holder keeps a share, the rest is lost
    held_share: bool = False  # "the western half of X is ours": a share the speaker's side holds, maybe all it has left


_SIDE_CACHE: dict[tuple[str, str], list[tuple[int, int, str]]] = {}


def side_words(text: str, rules: Rules) -> list[tuple[int, int, str]]:
    """Spans of words that name a side, in order: (start, end, RU | UA | own | enemy | pronoun).
    Asked several times per sentence (agents, the paragraph's acting side): remembered briefly."""
    key = (rules.version, text)
    cached = _SIDE_CACHE.get(key)
    if cached is not None:
        return cached
    if len(_SIDE_CACHE) > 256:
        _SIDE_CACHE.clear()
    _SIDE_CACHE[key] = out = _side_words(text, rules)
    return out


def _side_words(text: str, rules: Rules) -> list[tuple[int, int, str]]:
    found = [(m.start(), m.end(), key) for pattern, key in rules.side_words for m in pattern.finditer(text)]
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    out: list[tuple[int, int, str]] = []
    for start, end, key in found:
        if not out or start >= out[-1][1]:
            out.append((start, end, key))
    return out


_LOCATED_BY = compiled(r"\b(?:of|after|from|behind|near|beyond|past|to|in|at|for|than|with|by|around|outside|beside)\s+"
                       r"(?:[A-ZА-ЯІЇЄ][\w’'-]+\s*){1,3}$", re.I)
_QUOTED_WORD_BEFORE = compiled(r"[“\"‘'][\w-]+[”\"’']\s+$")  # a word quoted by itself right before the phrase
# a word quoted inside a clause ('had "blockaded" the city'; or two or three in lower case: 'had achieved
# "tactical success" in X and gained a foothold'), ending where the clause would open (not a
# passive's: 'had been "dislodged" and the town cleared' keeps its own subject)
_SCARE_QUOTE_ENDING = compiled(r"(?<!\w)(?<!been )(?<!was )(?<!were )(?<!is )(?<!are )(?<!be )"
                               r"[“\"](?:[\w-]+|[a-z][\w-]*(?:\s[a-z][\w-]*){1,2})[”\"]$")
# a quotation opening inside a clause, after its subject or verb: 'Russian troops "control most of X"', 'its
# command authorized "a manoeuvre to withdraw units from X"' (not after a verb of saying, "that" or a name
# it gives: 'the ministry said: "...', 'wrote "X is ours"', 'a unit called "..."'; not after "and" or an
# article, whose quotation opens a clause or a name of its own; not one word in scare quotes: 'they have
# been "taking" X for a year')
_QUOTE_OPENS_MID_CLAUSE = compiled(r"(?<![,:;.!?])\s(?!(?:said|says|saying|say|told|tells|telling|wrote|writes|writing|added|adds|"
                                   r"stated|states|declared|declares|announced|announces|claimed|claims|claiming|insisted|"
                                   r"insists|reported|reports|that|reads?|titled|headlined|called|calls|dubbed|named|"
                                   r"nicknamed|codenamed|as|and|or|but|then|the|a|an|its|their|his|her|our|this)\s$)"
                                   r"(?i:[a-z’'-]+)\s$")
_QUOTED_WORDS = compiled(r"[^”\"»]*?\s[^”\"»]*?[”\"»]")  # two words or more before the quotation closes


# an aside between a subject and its verb: "Russian forces, according to the map, controlled ..."
_ASIDE_AT = compiled(r"according\s+to\s+[^,;:.]{1,80},\s+(?:[a-z]\w*\s+){0,2}?(?:controlled|controls|held|holds|took|captured|had|has|have)\b")


_NOT_BEFORE = compiled(r"(?:\bnot|n['’]t|\bnever)\s+$")
_THE_PLACE_NEXT = compiled(r" the (?:town|village|city|settlement)\b(?! of\b)")
_ITS_FORCES_NOT = compiled(r"\b(?:its|their|(?:the\s+)?(?:Ukrainian|Russian))\s+(?:soldiers|troops|units|forces|men|fighters|defenders)\s+"
                            r"(?:had|have|has|did)(?:\s+not|n['’]t)\s+(?:yet\s+)?left$")
_DESTINATION_BEFORE = compiled(r"(?:\b(?:trains?|bus(?:es)?|flights?|roads?|highway|route|service)|\d[:.]\d\d)\s+(?:to|from|towards|via)\s+$")


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]."""
    left = 0
    for b in _BOUNDARY.finditer(text, 0, start):
        left = b.end()
    right = next((b.start() for b in _BOUNDARY.finditer(text, end)), len(text))
    return left, right


# places told back by a count: "retook both villages", "the two towns were liberated" (events/drafts.py finds them)
# (not "the three captured villages as A, B and C"; the noun may go unsaid by a subject that opens its sentence:
# "Both had been held by Russian troops", "All four were freed", "said ... and that both were now under its control")
PLURAL_POINTER = compiled(r"\b(?:(?:[Bb]oth(?: of the)?|[Tt]he two|[Tt]hese two|[Tt]hose two|[Tt]he three|[Tt]hese three|[Aa]ll three|"
                          r"[Tt]he four|[Aa]ll four)\s+(?:(?![\w-]*(?:ed|en)\s)[\w-]+\s+)?(?:villages|towns|settlements|cities|hamlets)\b"
                          r"|(?<![\w,] )(?:Both|All (?:three|four))(?=\s+(?:had|have|were|are|was|fell|changed|remained)\b)"
                          r"|(?<=\bthat )(?:both|all (?:three|four))(?=\s+(?:had|have|were|are|fell|changed|remained)\b|\s+$))")
_POINTER_COUNTS = {"three": 3, "four": 4}


_BARE_POINTER = compiled(r"[Bb]oth|[Aa]ll (?:three|four)")


def is_plural_pointer(pointer: str) -> bool:
    """Whether a pointer target is a plural pointer ("both villages", or "Both" opening its sentence)."""
    return PLURAL_POINTER.fullmatch(pointer) is not None or _BARE_POINTER.fullmatch(pointer) is not None


def pointer_count(pointer: str) -> int:
    """How many places a plural pointer stands for ("both villages" 2, "all four" 4)."""
    return next((n for word, n in _POINTER_COUNTS.items() if word in pointer), 2)


def _as_names(text: str) -> str:
    """The text with each plural pointer written as one capitalised word of its length, so that the
    phrases that take a place's name take it too ("retook both villages" as "retook Bothxvillages")."""
    return PLURAL_POINTER.sub(lambda m: "P" + re.sub(r"\W", "x", m.group()[1:]), text)


_QUOTE_CLOSES_AFTER = compiled(r"[,.!?]?\s*[”\"»]")  # a quotation whose opening mark stood in a sentence before


def find_triggers(text: str, rules: Rules, quoted: bool = False) -> list[tuple[int, int, Trigger]]:
    """Non-overlapping trigger phrases, longest first where two start together (``quoted``: the sentence opens
    inside a quotation an earlier sentence opened)."""
    if ("both " in text or "two " in text or "three " in text or "four " in text or "Both " in text) and PLURAL_POINTER.search(text):
        text = _as_names(text)
    # only the triggers whose literal anchors the sentence holds (most sentences hold none)
    # (a phrase told of the place a sentence opens on only where one opens it: "In X, clearing goes on")
    opens_in = _FRONTED_IN.match(text) is not None
    found = [(m.start(), m.end(), rules.triggers[i]) for i, matches in rules.trigger_index.finditer(text)
             for m in matches if (opens_in or rules.triggers[i].targets != "fronted")
             and (not rules.triggers[i].quoted_only or _quoted_at(text, m.start()) or _QUOTE_CLOSES_AFTER.match(text, m.end())
                  or quoted and not rules.triggers[i].own_quote and not _ANY_QUOTE.search(text, 0, m.start()))]
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    out: list[tuple[int, int, Trigger]] = []
    for start, end, trigger in found:
        if all(end <= s or start >= e for s, e, _ in out):
            out.append((start, end, trigger))
    return sorted(out, key=lambda f: f[0])


# (or "still holding the northern part of X", "with Ukrainian troops holding the western part of the town": the
# defenders keep a part, the rest is lost)
_HOLD_ONLY = compiled(r"(?:hold|holds|held|holding|control|controls|controlled|controlling|keep|keeps|kept)\s+"
                        r"(?:now\s+|still\s+)?(?:only|just|merely|(?:well\s+)?(?:under|less\s+than)|no\s+more\s+than|not\s+more\s+than|barely)\b|"
                        # whoever "clings to" or "holds on to" the western part of X holds no more of it ("We are
                        # clinging to the western part", "the Russians are clinging to the northern part"; not "to a
                        # strip of land near X")
                        r"(?:(?:hold|holds|held|holding)\s+on\s+to|(?:cling|clings|clung|clinging)(?:\s+on)?\s+to)\s+(?=the\s+(?:[\w-]+\s+)?"
                        r"(?:part|parts|half|districts?|outskirts|neighbou?rhoods?|edge|quarters?|area|section|corner|strip|sliver|patch)\b)|(?:(?<=still )|(?<=troops )|(?<=forces )|(?<=defenders )|(?<=units )|(?<=enemy )|"
                        r"(?<=troops are )|(?<=forces are )|(?<=defenders are )|(?<=units are )|(?<=troops were )|(?<=forces were )|"
                        r"(?<=defenders were )|(?<=units were ))(?:hold|holds|held|holding|control|controls|"
                        r"controlling|(?<=still )controlled)"
                        r"\s+(?=(?:the\s+|an?\s+)?(?:[\w-]+\s+)?(?:part|parts|half|districts?|outskirts|neighbou?rhoods?|edge|quarters?|"
                        r"area|section|corner|strip|sliver|patch)\b)|"
                        # "still hold about 20 per cent of X": the rest is lost
                        r"(?<=still )(?:hold|holds|held|holding|control|controls|controlled|controlling)\s+(?=(?:about\s+|around\s+|roughly\s+|"
                        r"some\s+|barely\s+|less\s+than\s+|under\s+)?\d{1,3}(?:[.,]\d+)?\s?(?:%|per\s?cent|percent))", re.I)
# "is believed to have fallen", "is likely to have taken": a change told as done, hedged, no prospect
_PERFECT_START = compiled(r"(?:have|has)\s", re.I)
_REPORTED_TO = compiled(r"\b(?:believed|reported|said|thought|understood|known|claimed|alleged|assessed|estimated|likely|"
                        r"appears?|appeared|seems?|seemed)\s+to\s+$", re.I)
# 'had been "almost fully" captured': a share, the adverb in quotation marks (which close the clause before the verb)
_QUOTED_PARTIAL_ADVERB = compiled(r"[“\"‘']\s*(?:almost|nearly|partly|partially|largely|mostly|virtually|practically)\b[^“”\"]{0,20}[”\"’']\s*$", re.I)
# "occupied X almost completely": not the whole of it
_ALMOST_AFTER = compiled(r"\s+(?:almost|nearly|practically|virtually)\s+(?:completely|entirely|fully)\b", re.I)
_PURPOSE_BEFORE = compiled(r"\bto\s+[“\"‘']?(?:step\s+up|reinforce|strengthen|bolster|boost|support|intensify|focus\s+on|"
                           r"concentrate\s+on)\b[^.;,]{0,40}$", re.I)
_BESIDE_POINTER = compiled(r"\b(?:(?:north|south|east|west)(?:ern)?|north-?east|north-?west|south-?east|south-?west|near|around|"
                           r"outside|beyond|behind)\s+(?:of\s+)?$", re.I)
_CONJUNCTION_ONLY = compiled(r"\s*(?:but|and|then|yet)\s+(?:then\s+|later\s+|also\s+|eventually\s+|finally\s+)?")
_ADJUNCT_THEN_AND = compiled(r"\s*(?:after|before|during|following|amid|within|over)\s+[^,;]{0,60}?\s+(?:and|but)\s+"
                             r"(?:then\s+|later\s+|also\s+|eventually\s+|finally\s+)?")
# "... after a year of fighting, and took X": the clause opened on a phrase, not a subject of its own
_PHRASE_THEN_AND = compiled(r"(?:after|before|during|following|amid|in|on|at|for|within|over|since|until)\b[^,;]{0,80},\s*(?:and|but)\s+"
                            r"(?:then\s+|later\s+|also\s+|eventually\s+|finally\s+)?")
_WHICH_AFTER_COMMA = compiled(r",\s*which\b")
_SENTENCE_SUBJECT = compiled(r"(?:[\w’'-]+,?\s+){0,3}?(?:the\s+)?|.*\bthat\s+(?:the\s+)?")
_QUOTED_ADVERB = compiled(r"^(?:managed to |was able to |were able to )?(?:completely|fully|effectively|finally|totally|entirely|partially|partly|largely|mostly|almost|nearly|practically|already)\s+", re.I)
_FRONTED_PHRASES = compiled(r"(?:[^,;:“”\"]{1,40},\s+){1,3}(?:the\s+)?")  # "Earlier in the war, in May, " before a subject
_TIME_PARTICIPLE = compiled(r"\s*,?\s*(?:before|after|while|then|later|since|only)\s+(?:briefly\s+|quickly\s+)?")
_WHICH_SUBJECT = compiled(r"which\s+(?:(?:has|had|have|then|later|finally|eventually|first)\s+)*")  # "which took"
_SAYS = compiled(r"\b(?:says?|said|claims?|claimed|insists?|insisted|reports?|reported|announced)\b", re.I)
_ANSWERED = compiled(r"\b(?:denied|denies|confirmed|confirms|acknowledged|admitted|conceded|rejected|dismissed|disputed)\b", re.I)
_RELATIVE_START = compiled(r"\s*(?:which|who|where|that)\b", re.I)
_CITED_REPORT = compiled(r"\b(?:reports?|claims?|news|statements?|allegations?|rumou?rs?)\s+(?:of|that|about)\s+", re.I)
_CITED_SPEECH = compiled(r"(?:['’]s?)?\s+(?:media\s+)?(?:reports?|claims?|statements?|allegations?|assertions?|sources|officials|"
                           r"media|bloggers|channels)\b")


def _resolve_pronoun(words: list[tuple[int, int, str]], index: int, text: str = "", gaining: bool = False,
                     opens_quoted: bool = False) -> str:
    """"its troops", "they": the side named last before the pronoun, else the claimant's ("own");
    not a side whose speech is cited ("denied Ukrainian reports that its troops had retreated"),
    unless the cited claim is a gain ("denied a Russian claim that its troops had taken X")."""
    they = bool(text) and index < len(words) and _THEY.match(text, words[index][0]) is not None
    opened = _quote_opening(text, words[index][0]) if they else -1
    if they and opened < 0 and opens_quoted and not _ANY_QUOTE.search(text, 0, words[index][0]):
        opened = 0  # ('"We held it a week. Then they took it," said Oleh': the quotation a sentence before opened)
    if opened >= 0 and not any(key in ("RU", "UA") or key == "own" and _OWN_FORCES.match(text, start)
                               for start, _, key in words[:index] if start >= opened):
        # a soldier quoted: "They took the village last week", "We held it until they took it" (not "our
        # men held on, then they left": the men named are who "they" are)
        return "enemy"
    # ("denied that Ukrainian troops had broken through, but admitted its forces had left X": "its" is one
    # body, the subject's, never the troops named last)
    singular = bool(text) and index < len(words) and _SINGULAR_OWNER.match(text, words[index][0]) is not None
    # (nor a side named in a relative clause closed before: "The Russian ministry, which Ukraine's military has accused
    # of inflating its gains, said its troops had taken X": the ministry's troops)
    asides = [m.span() for m in _RELATIVE_ASIDE.finditer(text, 0, words[index][0])] if text and index < len(words) else []
    for start, end, key in reversed(words[:index]):
        if singular and _MANY_AFTER.match(text, end):
            continue
        if any(a <= start < e <= words[index][0] for a, e in asides):
            continue
        cited = _CITED_SPEECH.match(text, end) if text else None
        if cited is not None and key in ("RU", "UA") and index < len(words) \
                and (_SAID_THEN_PRONOUN.fullmatch(text, cited.end(), words[index][0])
                     or gaining and _CLAIM_THEN_PRONOUN.fullmatch(text, cited.end(), words[index][0])):
            return key  # "Russian officials said they had cleared X": the speakers' own side
        if cited is not None and key in ("RU", "UA") and index < len(words) and _THEIR_HOLD.match(text, words[index][0]):
            return key  # "Ukrainian officials said the city was fully under their control": the speakers'
        if key in ("RU", "UA") and not (text and (cited or _NOT_AN_ACTOR.match(text, end)
                                                 or _ANNIHILATED_BEFORE.search(text, max(0, start - 40), start))):
            return key  # (not forces destroyed: "destroy encircled Ukrainian formations ... and that they had captured X")
    if text and index < len(words) and _THEY_ONLY.match(text, words[index][0]) \
            and _US_AFTER.search(text, words[index][1], min(len(text), words[index][1] + 120)):
        return "enemy"  # "They took X from us on Sunday", no side named before: whoever "us" are not, quoted or not
    if text and index < len(words) and _OPENS_SENTENCE.fullmatch(text, 0, words[index][0]) \
            and not _SAYING_AFTER.match(text, words[index][1]):
        return "bare"  # "The Ukrainian army regrouped. It took X in May": the forces the text spoke of before
    return "own"


_THEY = compiled(r"[Tt]he(?:y|ir)\b")
_RELATIVE_ASIDE = compiled(r",\s+(?:which|who|whom|whose)\b[^,;:.“”\"]{1,120},")
_THEIR_HOLD = compiled(r"[Tt]heir\s+(?:hands|control)\b")
_SINGULAR_OWNER = compiled(r"(?:[Ii]ts|[Hh]is|[Hh]er)\b")
_MANY_AFTER = compiled(r"\s+(?:[\w-]+\s+)?(?:troops|forces|units|soldiers|fighters|servicemen|marines|paratroopers|defenders|"
                       r"brigades|groups|men)\b")
_ANNIHILATED_BEFORE = compiled(r"\b(?:destroy\w*|annihilat\w*|eliminat\w*|wip(?:e|ed|es|ing)\s+out|defeat\w*|rout(?:ed|ing)?)\s+"
                               r"(?:[“\"‘']?[\w-]+\s+){0,2}[“\"‘']?$", re.I)
_THEY_ONLY = compiled(r"[Tt]hey\b")
# ("They hold most of it, but the west is ours": set against the speaker's own)
_US_AFTER = compiled(r"\b(?:from\s+us|us\s+out|on\s+us|(?:pushed|drove|knocked|forced|threw)\s+us)\b"
                     r"|,\s*(?:yes,\s*)?but\s+(?:[^,;.“”\"]{0,60}?\bours\b|our\s+(?:units|troops|guys|boys|men|forces|soldiers|lads)\b)")
# (past a time that opens it: "By the end of March they had pulled out of both towns")
_OPENS_SENTENCE = compiled(r"[\s“\"‘']*(?:(?:By|In|On|At|Within|Over)\s+(?:the\s+)?(?:(?:end|start|beginning|middle)\s+of\s+)?(?:[\w-]+\s+){0,2}?[\w-]+,?\s+)?")
_SAYING_AFTER = compiled(r"\s+(?:\w+\s+)?(?:say|said|says|claim|claimed|report|reported|believe|think|thought|told|insist|insisted)\b")
_OWN_FORCES = compiled(r"[Oo]ur\s+(?:own\s+)?[a-z]")  # "our men", "our troops": a noun "they" may stand for


_CLAIM_THEN_PRONOUN = compiled(r"\s+that\s+")
_SAID_THEN_PRONOUN = compiled(r"\s+(?:had\s+|have\s+|has\s+)?(?:said|say|says|claimed|claim|claims|reported|report|reports|"
                              r"announced|insisted|stated)\s+(?:that\s+)?")


# "reported heavy Ukrainian losses ... and said that it had taken X": a side's losses do not act
_NOT_AN_ACTOR = compiled(r"\s+(?:losses|casualties|attacks?|positions|shelling|strikes?|drones?|territory|lines|resistance|"
                           r"monitoring|mapping|project|"
                           r"defen[cs]es|prisoners|civilians|cities|towns|villages|settlements|border)\b", re.I)
# "destroyed formations of the Ukrainian armed forces and liberated X", "pushed Ukrainian units out of A
# and restored control over B": the forces hit are no actor
# (the verb after a word of its own subject, not an adjective on the actor: "Surrounded Ukrainian units withdrew",
# "Badly defeated Ukrainian brigades withdrew", "the remnants of destroyed Ukrainian brigades withdrew")
# "repelled six counterattacks by Ukrainian assault groups and restored control over X": the attackers
# beaten off took nothing
_REPELLED_ATTACKS_BY = compiled(r"\b(?:repel(?:led|ling|s)?|repuls(?:ed|ing|es)|beat\s+off|fought\s+off|thwart(?:ed|ing|s)?)\s+"
                                r"(?:[\w-]+\s+){0,3}?(?:attacks?|counter-?attacks?|assaults?|attempts?|advances?|raids?)\s+"
                                r"(?:[\w-]+\s+){0,3}?by\s+(?:the\s+)?$", re.I)
_DEFEATED_BEFORE = compiled(r"(?<=[a-z] )(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\btheir )(?<!\bits )(?<!ly )(?<!\bof )"
                            r"(?:destroy(?:ed|ing|s)?|defeat(?:ed|ing|s)?|repel(?:led|ling|s)?|rout(?:ed|ing|s)?|"
                            r"encircl(?:ed|ing|es|e)|surround(?:ed|ing|s)?|dislodg(?:ed|ing|es|e)|oust(?:ed|ing|s)?|"
                            r"push(?:ed|ing|es)?(?:\s+back)?|dr(?:ove|iven|ive|iving)(?:\s+(?:back|out))?|expell(?:ed|ing)|"
                            r"chas(?:ed|ing)|kick(?:ed|ing)|knock(?:ed|ing)|thr(?:ew|own)|clear(?:ed|ing|s)?|inflict(?:ed|ing|s)?\s+"
                            r"(?:heavy\s+)?(?:losses|casualties|damage)\s+on)\s+(?:the\s+)?(?:(?:formations|units|positions|"
                            r"troops|forces|groups|remnants|elements|manpower|personnel)\s+of\s+(?:the\s+)?"
                            # (and the unit they are of: "defeated units of the 80th air assault brigade of the Ukrainian ...")
                            r"(?:\d+\w*\s+(?:[\w-]+\s+){0,4}?(?:brigade|regiment|battalion|corps|division)\s+of\s+(?:the\s+)?)?)?$", re.I)
# "cleared A of Russian infiltration groups and restored control over it": the forces cleared out are no actor
_CLEARED_OF = compiled(r"\b(?:clear|cleans|free|rid|purg)\w*\s+[^,;]{0,80}?\s+of\s+(?:the\s+)?(?:remaining\s+|last\s+)?$", re.I)


# forces that suffered a defeat in a clause of their own: "after Ukrainian troops were pushed out of Kursk
# Oblast, Russian forces ... seized X" (not the ones who seized it)
_SUFFERED_AFTER = compiled(r"\s+(?:\w+\s+)?(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:\w+\s+)?(?:pushed|driven|forced|knocked|"
                           r"ousted|expelled|thrown|repelled|repulsed|defeated|encircled|surrounded|routed)\b(?!\s+to\b)")


# "the last Ukrainian fighters in X have surrendered, completing the capture of the city": who gave up took nothing
_SURRENDERED_AFTER = compiled(r"[^,.;]{0,80}?\b(?:surrendered|capitulated|laid\s+down\s+(?:their\s+)?(?:arms|weapons))\b")
_SUBORDINATE_BEFORE = compiled(r"\b(?:after|when|as|once|since|because|while|before)\s+(?:the\s+)?(?:[\w’'-]+\s+)?$")


def acted_upon(text: str, start: int) -> bool:
    """Whether the forces named at ``start`` are the object of a defeat or a clearing ("destroyed
    formations of the Ukrainian armed forces", "drove Russian troops out", "cleared A of Russian
    groups"): they are no actor of the changes after them."""
    return _DEFEATED_BEFORE.search(text, max(0, start - 60), start) is not None \
        or _CLEARED_OF.search(text, max(0, start - 100), start) is not None \
        or _REPELLED_ATTACKS_BY.search(text, max(0, start - 80), start) is not None


# a holding set against a claim the sentence tells first: "Contrary to Moscow's claims about the capture
# of X, the village is under the control of the Defence Forces", "Russia claims X, but the village is ..."
_CLAIM_ANSWERED = compiled(r"\b(?:[Cc]ontrary to|[Dd]espite|[Ii]n spite of|[Rr]egardless of|[Ww]hatever)\b[^;]*?"
                           r"\b(?:claims?|claimed|reports?|statements?|assertions?|allegations?|propaganda|fairy[- ]tales?|lies|says|said)\b|"
                           r"\b(?:claims?|claimed|says|said|reported|announced|reports?)\b[^;]*?,\s+(?:but|however|yet)\s")
# a denier's own word before a part it still holds: "rejected the claim, saying its units hold the north of X"
_DENIED_THE_CLAIM = compiled(r"\b(?:denied|denies|rejected|rejects|refuted|refutes|dismissed|dismisses|disputed|disputes)\s+"
                             r"(?:(?:the|this|that|these|those|such|Moscow['’]s|Russia['’]s|Russian|Kyiv['’]s|Ukraine['’]s)\s+){1,2}"
                             r"(?:claims?|reports?|statements?|assertions?|allegations?)\b(?!\s+(?:of|about|on)\b)[^.;]*$")
_SOME_OF_IT_BEFORE = compiled(r"\b(?:only|a few|some|several|(?<!\bno )parts? of)\b[^,;.]{0,40}$", re.I)  # (not "no part of")
# "entered the north-eastern part of X and fighting was going on in the streets": entered while fighting goes on
# (there, in its own clause: not "while fighting continues near Y", "no fighting is going on there")
_FIGHT_GOES_ON = compiled(r"[^;]{0,80}?(?<!\bno )\b(?:fighting|battles?|clashes|combat)\s+(?:(?:is|are|was|were)\s+)?(?:still\s+)?"
                          r"(?:going\s+on|under\s*way|continu\w*|raging|ongoing)"
                          r"(?:\s+(?:there|inside|in\s+(?:the\s+)?(?:streets|town|city|village|settlement))\b|\s*[.,]?\s*$)", re.I)
_CLAIM_VERB = compiled(r"claim(?:ed|s|ing)?\b", re.I)
_FORCES_NEGATED = compiled(r"\b(?:troops|forces|units|soldiers|army)\s+(?:have|has|had|did)(?:\s+not|n['’]t|\s+never)\s+(?:yet\s+)?$", re.I)
_CONFUSED_WITH = compiled(r"\b(?:confused|confuse|mistaken|mixed\s+up)\s+with\b"
                          r"(?:(?!\b(?:but|said|says|while|whereas)\b)[^.;]){0,100}$", re.I)
_NOMINAL = compiled(r"(?:the\s+)?(?:capture|liberation|seizure|recapture|fall|loss|occupation|takeover)(?:\s+of)?", re.I)


def _by_forces(text: str, words: list[tuple[int, int, str]], after: list[int], end: int) -> str:
    """The side of the forces named after "by" ("the capture of X by Russian troops", "recaptured by
    Ukraine"), or ""."""
    for i in after:
        w_start, w_end = words[i][0], words[i][1]
        if _OTHER_VERB_BEFORE_BY.search(_LOCATING_ASIDE.sub(" ", text[end:w_start])):
            # "the capture of X, a city held by Ukrainian troops": another verb's agent (not past an aside that only
            # locates X: "the capture of X, about 10 km to the west, by Ukrainian forces")
            continue
        if (words[i][2] in ("RU", "UA") and _BY_SIDE.search(text[max(end, w_start - 8):w_start])
                and (_FORCE_IN.search(text[w_start:w_end]) or _FORCE_AFTER.match(text, w_end)
                     or re.fullmatch(r"\s+by\s+(?:the\s+)?", text[end:w_start]))):  # "recaptured by Ukraine"
            return words[i][2]
    return ""


_INFINITIVE_OBJECT_BEFORE = compiled(r"\bto\s+(?:leave|hold|defend|keep|abandon|give\s+up|evacuate|surrender|withdraw\s+from|"
                                     r"pull\s+out\s+of|retreat\s+from)\s+(?:the\s+(?:town|city|village)\s+of\s+)?$", re.I)
_CLOSED_ASIDE_OPENS = compiled(r",\s+(?:who|which|where|home\s+to|(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
                               r"(?:" + _PLACE_KINDS + r"|suburb)\b)[^,]*$")
_BY_NEXT = compiled(r"[”\"’']?\s+by\s")  # (past a closing quote: 'was now "fully occupied" by')


def _quote_opening(text: str, position: int) -> int:
    """Where the quotation open at ``position`` opens, or -1."""
    if not _quoted_at(text, position):
        return -1
    return max(text.rfind("“", 0, position), text.rfind('"', 0, position))


_ANY_QUOTE = compiled(r"[“”\"«»]")


def _quoted_at(text: str, position: int) -> bool:
    """Whether a quotation is open at ``position``."""
    return text.count("“", 0, position) > text.count("”", 0, position) or text.count('"', 0, position) % 2 == 1


_SAYS_BARE_PASSIVE = compiled(r"\b(?:says|said|say|claims|claimed|confirms|confirmed)\s+(?:that\s+)?(?:the\s+)?(?:city|town|village|"
                               r"(?-i:[A-ZА-ЯІЇЄ])[\w’'-]+)\s+(?:(?:fully|completely|now|partly)\s+)?[“\"‘']?$", re.I)
_DRIVEN_OUT = compiled(r"(?:driven|pushed|forced|knocked|thrown|kicked|ousted|expelled)\s+(?:back\s+)?out\b", re.I)
_FORCES_RIGHT_BEFORE = compiled(r"\b(?:(?:Russian|Ukrainian|enemy)\s+(?:[\w-]+\s+)?(?:troops|forces|marines|units|soldiers|fighters|paratroopers|servicemen)|"
                                r"Russians|Ukrainians|[Oo]ccupiers|[Ii]nvaders)\s+$")  # (a headline's "Russians pushed out of X")
_SAID_IT_BEFORE = compiled(r"\b(?:said|says|announced|reported|confirmed|stated|admitted|"
                           r"(?:retracted|withdrew|walked\s+back)\s+(?:a|an|its|the)\s+(?:statement|report|claim|post))\s+(?:(?:late\s+|early\s+)?on\s+\w+day\s+)?(?:that\s+)?(?:it|its\s+(?:troops|forces|units|soldiers))\s+"
                           r"(?:had|has|have)\s+(?:(?P<passive>been)\s+|(?!been\b)(?:\w+\s+)?)$")
_SPEAKER_NOUN_AFTER = compiled(r"(?:['’]s)?\s+(?:military|army|government|command|General Staff|[Dd]efen[cs]e [Mm]inistry|ministry|side)\s+(?:(?:on|late|early)\s+\w+\s+)?")
_BEEN_BEFORE = compiled(r"\b(?:have|has|had)\s+been\s+[“\"‘']$")  # (in scare quotes)
_FOR_A_WHILE = compiled(r"[^.;,]*?\b(?:for\s+(?:(?:several|many|two|three|four|five|six|\d+)\s+)?(?:days|weeks|months|years)|"
                        r"for\s+(?:a|one|a\s+whole|a\s+full)\s+(?:week|month|year)|(?:every|each)\s+(?:day|week|month))\b")
_NOUN_OF_FORCES = compiled(r"(?:withdrawal|pullout|pull-out|retreat)\s+of\s+(?:the\s+|its\s+|their\s+)?(?:last\s+|remaining\s+)?", re.I)


_CAMPAIGN_WHICH = compiled(r"\b(Ukraine['’]s|Russia['’]s|Ukrainian|Russian|Kyiv['’]s|Moscow['’]s)\s+(?:[\w-]+\s+){0,3}(?:counter-?offensive|"
                            r"offensive|advance|push|incursion|campaign)\b[^.;,]{0,60},?\s+(?:which|that)\s+"
                            r"(?:(?:had|has|have|briefly|quickly|first|then|eventually)\s+)?$")
_OWNER_WHEN = compiled(r"\b(Ukraine|Russia|Kyiv|Moscow)['’]s\s+(?:[\w-]+\s+){0,3}(?:counter-?offensive|offensive|advance|push|"
                       r"incursion|campaign)\b[^.;]{0,40}?,?\s+when\s+(?:its\s+|the\s+|their\s+)?(?:troops|forces|units|soldiers|army)"
                       r"\s+(?:(?:had|have|briefly|quickly|first|then)\s+)?$")


def _agent(view: SentenceView, start: int, end: int, left: int, right: int, trigger: Trigger,
           rules: Rules, opens_quoted: bool = False) -> str:
    """Who does the trigger's deed: "RU", "UA", "own" (the speaker's side), "enemy" (the speaker's enemy),
    or another of the keys side_words gives (``opens_quoted``: the sentence opens inside a quotation)."""
    text = view.text
    if trigger.agent == "none":
        return ""
    # (not an enemy that only owns a thing: "advanced into the enemy's defences and liberated X")
    words = [w for w in side_words(text, rules) if not (w[2] == "enemy" and _OWNS_A_THING.match(text, w[1]))]
    if trigger.agent == "claimant":
        # a side's euphemism for itself ("our units moved to more advantageous positions"), unless
        # the clause names the forces ("Ukrainian units pulled back to new lines")
        subject = [w for w in words if left <= w[0] < start and (
            w[2] == "own" or w[2] in ("RU", "UA") and (_FORCE_IN.search(text[w[0]:w[1]]) or _FORCE_AFTER.match(text, w[1]))
            and _SUBJECT_FORCES.fullmatch(text, w[1], start))]  # not "under pressure from Russian forces, the units ..."
        return subject[-1][2] if subject and subject[-1][2] in ("RU", "UA") else "own"

    owner = _OWNER_WHEN.search(text, max(0, start - 160), start) or _CAMPAIGN_WHICH.search(text, max(0, start - 160), start)
    if owner is not None:  # "Ukraine's 2023 counteroffensive, when troops retook A and B": the campaign's side
        # (and "the Ukrainian push south in the summer of 2023, which retook A")
        return "UA" if owner.group(1).startswith(("Ukrain", "Kyiv")) else "RU"
    gaining = trigger.gains == "agent" and trigger.type in (EventType.CAPTURE, EventType.RECAPTURE, EventType.PARTIAL)
    driven = _FORCES_RIGHT_BEFORE.search(text, max(0, start - 60), start) if _DRIVEN_OUT.match(text, start) else None
    if driven is not None and trigger.gains == "agent":  # a headline's "Ukrainian marines driven out of X": their opponent took it
        named = [w[2] for w in words if driven.start() <= w[0] < start and w[2] in ("RU", "UA")]
        if named:
            return "UA" if named[-1] == "RU" else "RU"
    said_it = _SAID_IT_BEFORE.search(text, max(0, start - 60), start)
    if said_it is not None and (said_it.group("passive") is None or _DRIVEN_OUT.match(text, start)):
        # "the Ukrainian military said it had withdrawn troops": the speaker's own side; "... said its
        # troops had been forced out of X": the speaker's side suffered it, so its opponent gains
        speaker = [w for w in words if w[1] <= said_it.start() and w[2] in ("RU", "UA")
                   and (_SPEAKER_NOUN_AFTER.fullmatch(text, w[1], said_it.start())
                        or _STATE.fullmatch(text, w[0], w[1]) and not text[w[1]:said_it.start()].strip())]  # ("Russia said its forces ...")
        if speaker:
            suffered = said_it.group("passive") is not None and trigger.gains == "agent"
            return ("UA" if speaker[-1][2] == "RU" else "RU") if suffered else speaker[-1][2]
    of_forces = _NOUN_OF_FORCES.match(text, start) if trigger.type is EventType.WITHDRAWAL else None
    if of_forces is not None:  # "after the withdrawal of Ukrainian troops": theirs, whoever the clause named before
        named = next((w[2] for w in words if w[0] == of_forces.end() and w[2] in ("RU", "UA")), None)
        if named is not None:
            return named

    def key_of(i: int) -> str:
        return _resolve_pronoun(words, i, text, gaining, opens_quoted) if words[i][2] == "pronoun" else words[i][2]

    it_subject = _IT_SUBJECT.search(text, max(0, start - 12), start)
    if it_subject and it_subject.group().startswith("its") and not _OF_AFTER.match(text, end) and not text.endswith(" of", 0, end):
        it_subject = None  # "held since its capture in May": the place's own capture, not a state's
    if it_subject:
        # "..., the village it recaptured last summer": "it" is a country or its government named
        # before, not the plural forces ("Russian forces had made gains")
        # (or "the enemy": "the enemy advanced near X, where it has gained a foothold")
        states = [w for w in words if w[0] < start and (w[2] in ("RU", "UA") and _STATE.fullmatch(text, w[0], w[1])
                                                         or w[2] == "enemy" and _THE_ENEMY.fullmatch(text, w[0], w[1]))]
        if states:
            return states[-1][2]
    # (not a side inside an aside the phrase spans: "70 percent of X, the town Ukraine calls Y, was under Russian control")
    inside = [i for i, w in enumerate(words) if start <= w[0] < end
              and not ("," in text[start:w[0]] and "," in text[w[1]:end])]
    after = [i for i, w in enumerate(words) if end <= w[0] < right]
    if trigger.agent_after and (inside or after):
        return key_of((inside or after)[0])
    # "was occupied by ... and liberated by Ukraine", "the largest town seized by Ukrainian troops"
    # (a participle in quotation marks is still the verb's: 'had been "cleared of Russian troops"')
    quoted = left > 0 and text[left - 1] in "“\"«" and not _QUOTED_ADVERB.sub("", text[left:start]).strip() \
        and not _BY_AFTER_QUOTE.match(text, end)
    if (_PASSIVE.search(text[left:start]) or quoted and _PASSIVE.search(text, max(0, left - 40), left - 1)
            or (_AND_BEFORE.search(text, left, start) or not _PERFECT_BEFORE.search(text, left, start))
            and _BY_NEXT.match(text[end:right])
            or _PARTICIPLE_APPOSITION.search(text, max(0, start - 40), start) and _PARTICIPLE_TAIL.match(text, end)
            or _AND_BEFORE.search(text, left, start) and _PASSIVE_BY_BEFORE.search(text, left, start)
            and _PARTICIPLE_TAIL.match(text, end)) \
            and _PARTICIPLE.match(text[start:end]):
        # (or set after the place: "A, taken in May, ..."; or a second participle after "and", the first's
        # agent not its own: "was occupied by Russia in 2022 and liberated in September")
        by = _BY.match(text[end:right])
        found = [i for i in after if by and words[i][0] >= end + by.end() - 1]
        if found:
            return key_of(found[0])
        # "Ukrainian troops were driven out of X": forces as the subject of a passive suffered it
        # ('"Our guys have been pushed out of X," the blogger admitted': a quoted speaker's own forces)
        patient = [i for i, w in enumerate(words) if left <= w[0] < start
                   and (w[2] in ("RU", "UA") and (_FORCE_IN.search(text[w[0]:w[1]]) or _FORCE_AFTER.match(text, w[1]))
                        and _PATIENT_GAP.match(text, w[1], start)
                        or w[2] == "own" and _quoted_at(text, w[0]) and (_OWN_PATIENT_GAP.match(text, w[1], start)
                                                                         or _PATIENT_GAP.match(text, w[1], start)))]
        if patient and not by:
            if words[patient[-1]][2] == "own":
                return "own" if trigger.gains != "agent" else "own_patient"  # the speaker's enemy took it (events/drafts.py)
            if trigger.gains != "agent":
                return words[patient[-1]][2]  # "Ukrainian marines were withdrawn from X": they left
            return "UA" if words[patient[-1]][2] == "RU" else "RU"
        # "X has been captured": nobody named; "the village has been cleared of the occupiers": the loser
        return _from_side(text, words, after, _CLEARING.match(text, start) is not None) or ("" if by else "passive")
    if (_HEADLINE_PASSIVE.fullmatch(text, 0, start) and _PARTICIPLE.fullmatch(text, start, end)
            and _CLAUSE_ENDS.match(text, end) and not any(w[0] < start for w in words)):
        return "passive"  # a headline's "X fully occupied, Ukraine says": "has been" left out
    reported = _SAYS_BARE_PASSIVE.search(text, max(0, start - 60), start)
    if reported is not None and _PARTICIPLE.fullmatch(text, start, end) and _CLAUSE_ENDS.match(text, end) \
            and not any(reported.start() <= w[0] < start for w in words):
        return "passive"  # "Mayor says city occupied": a headline's reported passive, "has been" left out
    if _NOMINAL.fullmatch(text, start, end):
        # "Kyiv confirmed the capture of X by Russian troops": the forces after "by" took it
        by_forces = _by_forces(text, words, after, end)
        if by_forces:
            return by_forces
    if text[:start].rstrip().endswith(",") and text[start:end].split()[0].lower().endswith("ing"):
        # "Ukrainian forces pushed Russian troops back from X, retaking A and B": the sentence's subject
        subject = [w for w in words if w[1] <= start and w[2] in ("RU", "UA")
                   and (_SENTENCE_SUBJECT.fullmatch(text, 0, w[0]) or _FRONTED_PHRASES.fullmatch(text, 0, w[0]))
                   and (_FORCE_IN.search(text, w[0], w[1]) or _FORCE_AFTER.match(text, w[1]))
                   and not _SURRENDERED_AFTER.match(text, w[1], start)]  # (not "X surrendered, completing the capture")
        if subject:
            return subject[0][2]
    # "pushed into Ukrainian defense positions and captured X": the side whose lines were hit is not the actor
    before = [i for i, w in enumerate(words) if left <= w[0] < start
              and (trigger.type is EventType.DENIAL or not (_HELD.match(text, w[1]) or _LAND_AFTER.match(text, w[1])
                                                            or _NOT_AN_ACTOR.match(text, w[1])
                                                            or _SURRENDERED_AFTER.match(text, w[1], start)
                                                            or _SUFFERED_AFTER.match(text, w[1])
                                                            and _SUBORDINATE_BEFORE.search(text, max(0, w[0] - 30), w[0])
                                                            or acted_upon(text, w[0])))
              # not "Russian troops, who Kyiv says have lost thousands, took X": a side inside a closed clause
              # (or apposition: "X, home to the airfield where Russian paratroopers landed, was declared free")
              and not (_CLOSED_ASIDE_OPENS.search(text[max(0, left - 2):w[0]]) and "," in text[w[1]:start])]
    # not "Ukrainian positions" (they were hit) nor "Russia's Kursk region" (the land)
    if before:
        # "our unit cleared X of the occupiers", "our units pushed the Russians out of X": the loser named
        # settles whose "our" it is
        if key_of(before[-1]) in ("RU", "UA"):
            return key_of(before[-1])
        pushed_out = [w[2] for w in words if start <= w[0] < end and w[2] in ("RU", "UA")] if _OUT.search(text, start, end) else []
        return _from_side(text, words, after, _CLEARING.match(text, start) is not None) or (
            ("UA" if pushed_out[0] == "RU" else "RU") if pushed_out and trigger.gains == "agent" else key_of(before[-1]))
    if left > 0 and text[left - 1] in "“\"«" and not _QUOTED_ADVERB.sub("", text[left:start]).strip(" ,"):
        # 'Russian troops "liberated" the town', 'had "effectively taken" X': the subject stands before the quotation
        outer = clause(text, left - 1, left - 1)[0]
        ahead = [i for i, w in enumerate(words) if outer <= w[0] < left]
        if ahead:
            return key_of(ahead[-1])
    by_forces = _by_forces(text, words, after, end)
    if by_forces:
        return by_forces
    if _OPENING_PARTICIPLE.fullmatch(text[left:start]) and not text[:left].strip(" ,"):
        # "Having captured X, Russian forces pressed on", "After taking X, ...": the subject follows the clause
        comma = text.find(",", end, right)
        after_clause = comma if comma != -1 else right
        later = [i for i, w in enumerate(words) if after_clause <= w[0] < after_clause + 40]
        if later:
            return key_of(later[0])
    which = _which_side(text, words, left)
    if which is not None and _WHICH_SUBJECT.fullmatch(text, left, start):
        return which  # "the initiative passed to Moscow, which took Avdiivka in February"
    who = _who_side(text, words, left)
    if who is not None and _WHO_SUBJECT.fullmatch(text, left, start):
        return who  # "Ukrainian troops, who crossed the border in August and took X days later"
    shared = _shared_subject(text, words, left, start)
    if shared is not None:
        return shared  # "Russian forces failed to take X on Monday but took the village on Tuesday"
    found = _from_side(text, words, after)
    driven_out = [w[2] for w in words if start <= w[0] < end and w[2] in ("RU", "UA")]
    if not found and driven_out and trigger.gains == "agent" and _OUT.search(text, start, end):
        # "the offensive swept Russian troops out of X": whoever drove them out is their opponent
        return "UA" if driven_out[0] == "RU" else "RU"
    if not found and _UNIT_SUBJECT.search(text, max(left, start - 80), start):
        return "own"  # "units of the 47th brigade left X", told by its spokesman: the speaker's side
    if not found and _BARE_FORCE.search(text[left:start]):
        return "bare"  # "these units are pulling back": the side the text was speaking of
    return found


def _shared_subject(text: str, words: list[tuple[int, int, str]], left: int, start: int) -> str | None:
    """A verb joined to the clause before by "but"/"and" with no subject of its own shares that
    clause's subject ("Russian forces failed ... but took the village"): its side, or None."""
    participle = _TIME_PARTICIPLE.fullmatch(text, left, start) is not None and re.match(r"\w+ing\b", text[start:start + 20])
    # ("Russia took X in May after a long siege and captured Y": an adjunct with no side of its own before "and")
    adjunct = _ADJUNCT_THEN_AND.fullmatch(text, left, start) is not None and not any(left <= w[0] < start for w in words)
    if not _CONJUNCTION_ONLY.fullmatch(text, left, start) and not _PHRASE_THEN_AND.fullmatch(text, left, start) \
            and not participle and not adjunct:
        return None
    # ("Russia took X after taking Y"; "Russia captured X in December and took Y in February": a state
    # that opens the sentence)
    before = [w for w in words if w[1] <= left and w[2] in ("RU", "UA")
              and (_FORCE_IN.search(text, w[0], w[1]) or _FORCE_AFTER.match(text, w[1])
                   or _STATE.fullmatch(text, w[0], w[1]) and (participle or w[0] == 0 or _FRONTED_PHRASES.fullmatch(text, 0, w[0])))
              # (not the forces the clause before drove out: "drove Russian troops out of A and restored control")
              and not acted_upon(text, w[0])]
    if participle and before:
        # ("..., as Russian forces pressed on after capturing X": the subordinate clause's own subject)
        opener = None
        for opener in _SUBORDINATE_OPENS.finditer(text, before[0][1], left):
            pass
        inner = [w for w in before if opener is not None and w[0] >= opener.end()]
        if inner and _SENTENCE_SUBJECT.fullmatch(text, opener.end(), inner[0][0]):
            return inner[0][2]
    if participle and before and not _SENTENCE_SUBJECT.fullmatch(text, 0, before[0][0]):
        return None  # "... seized X in May before retreating": the sentence's subject, not an object's
    if participle and not before:
        bare = _BARE_FORCE.search(text, 0, left)  # "Fighters from the same groups seized X before retreating"
        return "bare" if bare and _SENTENCE_SUBJECT.fullmatch(text, 0, bare.start()) else None
    return before[0][2] if before else None


_SUBORDINATE_OPENS = compiled(r"(?:,\s+|(?<!such)(?<!as well)\s)(?:as|while|when|because|since|whereas)\s+")
_WHO_AFTER_COMMA = compiled(r",\s*who\b")
_WHO_SUBJECT = compiled(r"who\s+(?:(?:has|had|have|then|later|finally|eventually|first|were|was|are|been)\s+)*"
                        r"(?:(?:forced|ordered|made|compelled|able|trying|tried)\s+to\s+)?"
                        r"(?:[^,;:“”\"]{0,120}?\s+and\s+(?:then\s+|later\s+|also\s+)?)?")
_FORCE_TO_COMMA = compiled(r"(?:\s+[\w’'-]+){0,2}?\s+(?:troops|forces|units|soldiers|fighters|marines|paratroopers|servicemen)\s*,\s*")


def _who_side(text: str, words: list[tuple[int, int, str]], left: int) -> str | None:
    """The side of the forces a relative clause's "who" stands for ("Ukrainian troops, who took X")."""
    if not _WHO_AFTER_COMMA.match(text, max(0, left - 2)):
        return None
    before = [w for w in words if w[1] <= left and w[2] in ("RU", "UA") and _FORCE_TO_COMMA.fullmatch(text, w[1], left)]
    return before[-1][2] if before else None


def _which_side(text: str, words: list[tuple[int, int, str]], left: int) -> str | None:
    """The side a relative clause's "which" stands for, when a side is named right before it
    ("..., Moscow, which took X"); None otherwise."""
    if not _WHICH_AFTER_COMMA.match(text, max(0, left - 2)):
        return None
    before = [w for w in words if w[1] <= left and not text[w[1]:left].strip(" ,")]
    return before[-1][2] if before and before[-1][2] in ("RU", "UA") else None


def _from_side(text: str, words: list[tuple[int, int, str]], after: list[int], clearing: bool = False) -> str:
    """"retook X from Russian forces": the loser is named after "from"; the other side acted (and "cleared X of
    Russian troops", not past a comma: "X was liberated, the representative of the LPR militia said")."""
    for i in after:
        of = clearing and _OF_SIDE.search(text[:words[i][0]])
        loser = _FROM_SIDE.search(text[:words[i][0]]) or of and not _COMMA_BEFORE_OF.search(text, 0, of.start())
        if loser and words[i][2] in ("RU", "UA") and not _SIDE_LAND_NOUN.match(text, words[i][1]):
            return "UA" if words[i][2] == "RU" else "RU"
    return ""


def _glued(text: str, first: PlaceRef, second: PlaceRef, rules: Rules) -> bool:
    """Whether two places stand in one list ("A, B and C"), also across names the gazetteer does
    not know ("A, Xyzivka and C")."""
    gap = text[first.end:second.start]
    repeated = _REPEATED_PREPOSITION.fullmatch(gap)
    if repeated is not None and re.search(rf"\b{repeated.group(1)}\s+$", text[max(0, first.start - 12):first.start]):
        return True  # "our flag returned to A, to B, to C": the preposition said again before each
    if _SEMICOLON_GLUE.fullmatch(gap):
        # "liberated A; B; and C, the first ...": a name alone between semicolons (not "took A; B came under fire")
        return _ITEM_ENDS.match(text, second.end) is not None
    return _glue_ok(gap, rules)


_SEMICOLON_GLUE = compiled(r"\s*;\s+(?:and\s+)?")
_ITEM_ENDS = compiled(r"\s*(?:[;,.]|$)|\s+and\s")


_REPEATED_PREPOSITION = compiled(r"\s*,\s*(?:and\s+)?(to|into|from|in|over|for)\s+")


def _glue_ok(gap: str, rules: Rules) -> bool:
    gap = gap.removeprefix(")")  # after a name in brackets: "A (B) and C"
    return rules.places.list_glue.match(gap) is not None or \
        rules.places.list_glue.match(_UNKNOWN_LISTED.sub("", gap)) is not None


_PLURAL_APPOSITIVE = compiled(r"\s*,\s+(?:the\s+)?(?:(?:two|three|four|five|six|both|several|\d+)\s+)?(?:[\w-]+\s+)?"
                                r"(?:villages|towns|settlements|hamlets|localities)\b(?:[^;:.,]{0,80}?\b(?:that|which)\s+|"
                                # (or its relative word left out: "A and B, the two villages south of the city they recaptured";
                                # not a clause of its own after "as": "... retook as Russian forces pulled back")
                                r"(?:(?!\b(?:that|which|as|while|when|after|before|because)\b)[^;:.,]){0,60}?\s"
                                r"(?=(?:they|Russia|Ukraine|(?:Russian|Ukrainian|its|their)\s+(?:troops|forces|units|soldiers))\s))"
                                r"(?:(?!(?:as|while|when|after|before|because|but|and)\s)[\w’'-]+\s+){1,12}[“\"]?$")  # (a speaker and its day: "that the ministry said on Sunday its troops had 'liberated'")


def _list_before_appositive(view: SentenceView, start: int) -> list[Target]:
    """"A and B, two villages that Moscow said it had captured": the settlements listed right
    before a plural appositive whose relative clause holds the change."""
    text = view.text
    refs = [r for r in view.places if r.end <= start and r.is_settlement]
    last = next((r for r in reversed(refs) if _PLURAL_APPOSITIVE.fullmatch(text, r.end, start)), None)
    if last is None:
        return []
    out = [last]
    for ref in reversed(refs[:refs.index(last)]):
        if not re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+as well as)\s+", text[ref.end:out[0].start]):
            break
        out.insert(0, ref)
    # (the apposition names the list, whatever locates it: "close to A and B, two villages that Ukraine retook")
    return [Target(r, position=r.start) for r in out if r.is_settlement]


_ONE_SETTLEMENT_NOUN = compiled(r"\b(?:village|town|settlement|hamlet|locality)\b", re.I)  # ("villages around X" are X's area)
# a count of settlements named after the place they lie near ("two villages near A, B and C": B and C), not
# "towns around A and B", all of them near
_COUNTED_SETTLEMENTS = compiled(r"\b(?:two|three|four|five|six|several|\d+)\s+(?:[\w-]+\s+)?(?:villages|towns|settlements|hamlets|localities)\b", re.I)
_SETTLEMENT_NOUN = compiled(r"\b(?:villages?|towns?|settlements?|hamlets?|localities|locality)\b", re.I)
_THEN_AND = compiled(r"\band\s+(?:then\s+|later\s+|also\s+)?[a-z]+ed\b")
# between a name and another name of the same place ("A, the Soviet-era name Moscow uses for B",
# "A, known in Ukraine as B", "A, which Russia calls B", "A (B in Russian)")
_ALIAS_GAP = compiled(r"\s*\(\s*|,\s+(?:(?:the|its)\s+(?:[\w-]+\s+){0,2}?name\s+(?:[\w’'-]+\s+){0,4}?(?:for|of)|"
                        r"(?:also\s+)?known\s+(?:in\s+[\w-]+\s+|locally\s+)?as|(?:which|as)\s+(?:[\w’'-]+\s+){1,3}?calls?)\s+")
_PASSIVE_BEFORE = compiled(r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:[“\"‘']?[\w-]+\s+)?[“\"‘']?$", re.I)
# ("Retaken by Russia, according to the Defence Ministry (6–16 March):", "Lost by Ukraine in May, according to X:", "..., per X:",
# "the settlements that passed to Russian control during May:")
# (and "cleared of Russian troops since the weekend:")
_COLON_LIST_NEXT = compiled(r"(?:\s+the\s+following)?(?:\s+by\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?|\s+(?:the\s+)?(?:Russian|Ukrainian|enemy)\s+(?:control|hands)|"
                            r"\s+of\s+(?:the\s+)?(?:Russian|Ukrainian|enemy)\s+(?:troops|forces|units|occupiers|invaders))?"
                            r"(?:\s+(?:in|during|since|over|this|last|on)(?:\s+[\w-]+){1,3})?(?:,?\s+(?:according\s+to|per)\s+[^.;:!?]{1,60})?\s*:\s*$")
# "had liberated the following: A, B and C" (a list on the same line, the verb's own)
_LIST_COLON_NEXT = compiled(r"\s+the\s+following[ \t]*:[ \t]+(?=[A-ZА-ЯІЇЄ])")
_COLON_SAME_LINE = compiled(_COLON_LIST_NEXT.pattern.removesuffix(r"\s*:\s*$").replace("[^.;:!?]", "[^.;:!?\\n]")
                            + r"\s*:(?=[ \t]+[A-ZА-ЯІЇЄ])")
# places, then who said what became of them, right before the verb: "villages in X region he said had been" (liberated: A, B)
_PLACES_THEN_SAID = compiled(r"\b(?:villages|settlements|towns|localities)\b[^.;:!?\n]{0,30}?\b(?:he|she|they|it)\s+(?:said|says|claimed|claims)"
                             r"\s+(?:had|have|has)\s+(?:been\s+)?(?:[a-z]+\s+)?$|"
                             # ("listed seven villages as liberated over the week: A, B and C")
                             r"\b(?:listed|lists|named|names|counted|counts)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:villages|settlements|towns|localities)\s+as\s+$")
# a heading of places with no colon ("Settlements Russia says it took in March"): its list may follow below
HEADING_OF_PLACES = compiled(r"\s*(?:[\w’'-]+\s+)?(?:[Ss]ettlements|[Vv]illages|[Tt]owns|[Ll]ocalities|[Pp]laces)\b[^.!?:;,\n]*[\w)]\s*")
# (or "A was retaken in March, along with B and C")
# a clause of its own, its own subject and verb, between a passive and a place after it (", and yesterday she added")
_CLAUSE_OF_ITS_OWN = compiled(r"[”\"’']?\s*,\s+(?:and|but|while)\s+(?:[\w-]+\s+){0,3}?(?:she|he|they|it|we|the\s+(?:ministry|army|brigade|governor))\s+"
                              r"(?:also\s+|later\s+)?\w+ed\b")
# (or with no comma after the first place's day: "A was back under Ukrainian control on 8 September and B on 10 September")
# (or with nothing between: "A was retaken along with B")
# (or the time told first after the conjunction: "A was liberated in August, and in September B and C")
_GAPPED_OBJECT = compiled(r"(?:(?:[^,;:]{0,40},|\s+(?:on|in)\s+(?:\d{1,2}\s+)?[A-Z][a-z]+(?:\s+\d{1,2})?)\s+(?:and|while|along\s+with|together\s+with|as\s+well\s+as)|\s+(?:along|together)\s+with)\s+"
                          r"(?:" + _IN_MONTH + r",?\s+)?"
                          r"(?:the\s+(?:(?:nearby|neighbou?ring|adjacent)\s+)?(?:villages?|towns?)\s+of\s+)?")
# (and an interviewer's "- How did the assault on X end?")
_QUOTE_MARK = compiled(r"[“”\"«»]")
_SPEAKER_LABEL = compiled(r"\s*[A-ZА-ЯІЇЄ][\w .’'-]{1,30}:\s")
_DIRECT_QUESTION = compiled(r"\s*(?:(?:Q|Question)\s*[:.]\s*|[—–-]\s*)?(?:Has|Have|Had|Did|Does|Do|Is|Are|Was|Were|Will|Would|Can|Could|Should|Might|"
                            r"How|Why|What|When|Where|Who|Which)\b")
_DENIED_QUOTE_BEFORE = compiled(r"\b(?:rejects?|rejected|denies|denied|dismiss(?:es|ed)?|refutes?|refuted|disputes?|disputed)"
                                  r"\s+(?:the\s+|a\s+|Russian\s+|Ukrainian\s+)?[“\"‘']$")
_QUOTED_CLAIM_AFTER = compiled(r"[”\"’']\s*(?:claims?|statements?|reports?|assertions?|boasts?)\b")
# (also of the place named by a pointer: "reports of the village's fall", "claims of its liberation")
_CITED_REPORT_BEFORE = compiled(r"\b(?:claims?|reports?|statements?|talk)\s+(?:about|of|on|regarding)\s+"
                                r"(?:the\s+|its\s+|the\s+(?:village|town|city|settlement)(?:['’]s\s+)?|(?-i:[A-ZА-ЯІЇЄ])[\w’'-]+(?:[\s-](?-i:[A-ZА-ЯІЇЄ])[\w’'-]+)?)?$", re.I)
_CALLED_FALSE = compiled(r"\b(?:called|calls|call|calling|branded|brands|brand|dismissed|dismisses|dismiss)\s+(?:the\s+|this\s+|that\s+)?(?:[\w-]+\s+)?$", re.I)
_CALLED_REPORTS_THAT = compiled(r"\b(?:called|calls|calling|branded|brands|labell?ed|dismissed|dismisses)\s+(?:the\s+)?"
                                r"(?:claims?|reports?|statements?|allegations?)\s+that\s+[^.;:“”\"]{0,80}$", re.I)
_FALSE_WORD_AFTER = compiled(r"[^.;]{0,60}?[“\"‘']?(?:(?:just|yet|pure|utter)\s+)?(?:another\s+|an?\s+)?(?:fantasy|fantasies|lie|lies|fake|"
                               r"fiction|fabrication|propaganda|nonsense|fairy tale|false|untrue|disinformation|"
                               r"(?:information(?:al)?\s+)?provocation|hoax)\b", re.I)
# an apposition's head ("a village") and a bearing ("north of", "5 km west of") that locate a place
_LOCATING_HEAD = r"(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:" + _PLACE_KINDS + r")\s+)?"
_BEARING = r"(?:near|outside|close to|(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)"
# an apposition that places the settlement before it: "X, a village between A and B, ...",
# "X, a village on the northern edge of A, ..."
_PLACING_APPOSITION = compiled(r"(?<=\w),\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:" + _PLACE_KINDS + r"|suburb)\s+"
                               r"(?:(?:just|some|about|\d+\s*(?:km|kilometres|kilometers|miles))\s+)?"
                               r"(?:between|near|outside|close\s+to|on\s+the\s+(?:[\w-]+\s+)?(?:edge|outskirts|road|bank|banks|border|flank|flanks|approaches|shore|coast|fringes|side)|"
                               r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|"
                               r"in\s+the\s+(?:[\w-]+\s+){0,2}(?:district|region|oblast|area))|"
                               # (or only where it lies: "X, on the highway from A to B, was liberated")
                               r"(?:on|along|by|off|astride)\s+the\s+(?:[\w-]+\s+){0,3}?(?:road|roads|highway|highways|route|railway|river|"
                               r"bank|banks|border|shore|coast|reservoir|canal|outskirts|edge|edges|fringes|approaches))\b[^,;:]*$", re.I)
_APPOSITION_TAIL = compiled(r"\s*(?:(?:whose|which|where)\b[^,;:]{0,100})?,")  # (its close, a relative clause first)
# (past a name in brackets: "A (Ashkino), south of B, and C")
_LOCATED_GAP = compiled(r"(?:\s*\([^()]{1,40}\)|\))?(?:,\s+" + _LOCATING_HEAD + r"|\s+)" + _BEARING + r"\s+(?:the\s+(?:town|city|village)\s+of\s+)?", re.I)
# a locating apposition closed before the list goes on: "A, north of the city, and B", "A, a
# village south of the breakthrough area, and B" (no name in it)
_LOCATED_THEN_AND = compiled(r",\s+" + _LOCATING_HEAD + _BEARING + r"\s+the\s+(?-i:[a-z-]+\s+){0,2}(?-i:[a-z-]+)\s*,\s+(?:and|as\s+well\s+as)\s+", re.I)
_MOVED_INTO = compiled(r"\S\s+(?:into|to|towards?)\s+(?:the\s+(?:town|city|village)\s+of\s+)?$", re.I)
_SPAN_BEFORE = compiled(r"\b(?:between|from|to)\s+(?:the\s+(?:towns?|cities|villages?)\s+of\s+)?$", re.I)
_ANNIVERSARY_BEFORE = compiled(r"\banniversary\s+of\b[^.;]{0,40}$", re.I)
# a clause opening on its forces: "The garrison was ordered to leave X" (whoever's they are)
# a clause opening on forces with no side named ("Troops took X on Monday", "According to the ministry, the troops took
# X"): a taking told, whose side is the trigger's fallback (the speaker's), not the side the sentence before names (it
# may be the one that held or left X)
_FORCES_ALONE_OPEN = compiled(r"\s*(?:(?:[Tt]he|[Ii]ts|[Tt]heir)\s+)?(?:[Tt]roops|[Ff]orces|[Uu]nits|[Ss]oldiers|[Ff]ighters)\s+(?:(?:also|then|later|quickly|finally|have|had|has)\s+)*")
_FORCE_OPENS = compiled(r"\s*(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:troops|forces|units|soldiers|garrison|defenders|brigade|battalion)\s+"
                          r"(?:was|were|had|has|have|received|got)\b", re.I)
_PARTICIPLE_RIGHT_AFTER = compiled(r"\s*,\s*(?:[a-z]+ly\s+)?")
# land near a place, not the place: "retaking ground around the city" (no bare compass word: "in the
# southeast and east of the city" is inside it)
# (nor land named with a compass word: "in the forests west of the town", "the road 5 km south of the city"; not
# positions there, where troops withdraw to from the place)
_AND_AROUND = compiled(r"\s*and\s+around\s+")
_IN_END = compiled(r"\bin\s*$", re.I)
_NEAR_GAP = compiled(r"\b(?:around|near|outside|close to|beyond|towards?|approaches to|vicinity of|flanks? of|(?:(?:in|into) )?the (?:[\w-]+ )?areas? of|(?:in|on) the direction of|"
                     r"(?:forests?|woods?|woodlands?|fields?|villages?|settlements?|roads?|highway)\s+"
                     r"(?:\d+\s*(?:km|kilomet\w+|miles?)\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of)\s+$", re.I)
_FIRST_TO = compiled(r"\b(?:first|last|latest|second|third|only)\s+(?:[\w-]+\s+){0,2}?(?:settlement|village|town|"
                       r"city|locality)\s+to\s+(?:be\s+|have\s+been\s+)?$", re.I)
_THEN_COPULA = compiled(r"[^,;:.]{0,60}?\b(?:was|is|became|has\s+been|had\s+been)\s+(?:the\s+(?:town|village|city)\s+of\s+)?$")


def _named_after_copula(view: SentenceView, start: int, end: int, trigger: Trigger) -> list[Target]:
    """"The first big town to return to Ukrainian control was X": the place named after the copula."""
    text = view.text
    if not _FIRST_TO.search(text, max(0, start - 60), start):
        return []
    ref = next((r for r in view.places if r.start >= end and r.is_settlement), None)
    if ref is None or not _allowed(ref, trigger) or not _THEN_COPULA.fullmatch(text, end, ref.start):
        return []
    return [Target(ref, position=ref.start)]


def _list_before_which(view: SentenceView, position: int, trigger: Trigger) -> list[Target]:
    """"through A and B, which Russian forces seized in 2022": every settlement of the list that
    ends right where the relative clause opens (none when a single place stands there)."""
    text = view.text
    refs = [r for r in view.places if r.end <= position and r.is_settlement]
    if len(refs) < 2 or not re.fullmatch(r"[\s,]*", text[refs[-1].end:position]):
        return []
    out = [refs[-1]]
    for ref in reversed(refs[:-1]):
        if not re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+as well as)\s+", text[ref.end:out[0].start]):
            break
        out.insert(0, ref)
    if _SPAN_BEFORE.search(text, max(0, out[0].start - 30), out[0].start):
        return []  # "the road between A and B, which ...", "from A to B and C, which ...": the last one only
    return [Target(r, position=r.start) for r in out if _allowed(r, trigger)] if len(out) > 1 else []


# a relative clause on the list so far that names a place, then the list goes on: "liberated A and B,
# which lie on roads leading into C, as well as D and E"
_RELATIVE_GAP = compiled(r",\s+(?:which|that|where)\s+[^,;:“”\"]{1,80}")
_RELATIVE_THEN_LIST = compiled(r"[^,;:]{0,40}?,\s+(?:as well as|along with|and also)\s")
# "took A, the largest town of the district, as well as the nearby villages of B and C": the list goes on
_APPOSITION_THEN_PLACES = compiled(r"(?:\s*\([^()]{1,60}\)|\))?,\s+(?:the|a|an|home\s+to|on|in|near|just)\s+(?:[^,;:()\"“”]|,(?=\d)){3,120},\s+"
                                     r"(?:(?:as well as|along with|and)\s+(?:the\s+)?"
                                     r"(?:(?:nearby|neighbou?ring|adjacent|surrounding)\s+)?(?:villages?|settlements?|towns?|hamlets?)\s+of\s+|"
                                     r"(?:as well as|along with|and(?:\s+also)?)\s+)")  # (a name follows: fullmatch ends where it starts)
# an object that is part of a place, its place untold: "had taken the administrative buildings", "the town's
# administrative buildings" (so not the place the sentence named before: "fought in X and took the buildings")
_PART_NOUNS = (r"(?:buildings?|blocks?|positions?|strongholds?|checkpoints?|trenches|fortifications?|heights?|"
               r"neighbou?rhoods?|streets?|quarters?)\b(?!\s+(?:in|of|at|inside|on)\b)")
# a share of a place told before, by a pointer: "its northern districts", "the eastern part of the town"
_POINTER_SHARE = compiled(r"[”\"]?\s+(?:over\s+)?(?:(?:its|the\s+(?:town|city|village|settlement)['’]s)\s+(?:[\w-]+\s+)?|"
                          r"the\s+(?:[\w-]+\s+)?(?=(?:[\w-]+\s+)?(?:part|parts|half|outskirts|districts?|quarters?|neighbou?rhoods?|"
                          r"micro-?districts?|side|streets|edge|sections?|suburbs|blocks)\s+of\s+(?:the|this|that)\s+(?:town|city|village|settlement)\b))"
                          r"(?:part|parts|half|outskirts|districts?|quarters?|neighbou?rhoods?|micro-?districts?|side|streets|edge|sections?|suburbs|blocks)\b")
_PART_OBJECT_NEXT = compiled(r"['’]s\s+(?:[\w-]+\s+)?" + _PART_NOUNS + r"|\s+(?:control\s+of\s+|over\s+)?(?:the|its|their|several|some|"
                               r"two|three|four|five|\d+)\s+(?:[\w-]+\s+)?" + _PART_NOUNS)
# a thing taken that is not the place before ("..., regaining control of a highway leading to X")
_AREA_OBJECT_NEXT = compiled(r"\s+(?:the|most\s+of\s+the|much\s+of\s+the|all\s+of\s+the)\s+(?:[\w-]+\s+)?(?:region|oblast|province|territory|country)\b")
_REGION_TOLD_BEFORE = compiled(r"\b(?:the|this|that)\s+(?:region|oblast|province)\b(?![^.;]*\b(?:village|town|city|settlement)\b)", re.I)
_THING_OBJECT_NEXT = compiled(r"\s+(?:control\s+(?:of|over)\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:highway|road|motorway|railway|"
                              r"bridge|dam|hill|heights?|route|supply\s+line|crossing|checkpoint|airport|airfield|bridgehead)\b", re.I)
_VERB_AFTER = compiled(r"(?:\s*(?:,|and|or)\s*[\w’'-]+)*\s+(?:are|were|is|was|have|has|had|remain|remains)\b")
_LINE_THROUGH = compiled(r"\b(?:(?:running|run|runs|ran)?\s*(?:through|along)|along\s+the\s+line\s+(?:of|from))\s+"
                         r"(?:(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?,?\s+(?:and\s+|to\s+)?)*$")
# (also new lines named by the villages they run past: "fell back to positions around the villages of A and B")
_DESTINATION_GAP = compiled(r"\b(?:the\s+(?:town|city|village|settlement)\s+for)\s+$|\b(?:to|towards?|into)\s+(?:(?:neighbou?ring|nearby|adjacent)\s+)?(?:the\s+(?:(?:neighbou?ring|nearby)\s+)?(?:town|city|village)\s+of\s+)?$|"
                            r"\bto\s+(?:(?:a|the|new|prepared|defensive|fortified|second|next|rear)\s+)*(?:positions|lines?)\s+(?:around|near|outside|along|through)\s+"
                            r"(?:the\s+)?(?:villages|towns|settlements)\s+of\s+$|"  # ("to a new defensive line along the villages of")
                            # ("withdrawn to defensive lines further west, between A and B")
                            r"\b(?:to|towards?)\s+(?:(?:a|the|new|prepared|pre-prepared|defensive|fortified|second|next|rear|fallback)\s+)*"
                            r"(?:positions|lines?|line\s+of\s+defen[cs]e|defen[cs]e\s+lines?)(?:\s+(?:further|farther)\s+(?:west|east|north|south|back))?"
                            r",?\s+between\s+$")
_WHERE_NEXT = compiled(r"(?:\s+and\s+[\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?,\s+where\b")  # "pulled back towards A (and B), where they are regrouping"
_REMAINS = compiled(r"\bremain(?:s|ed)?\b")  # "half of X remains in Ukrainian hands": held, the rest lost
_OURS = compiled(r"\bours\b")
_MOST_OF = compiled(r"\b(?:most|majority|bulk|(?:almost|nearly|virtually|practically) all)\b", re.I)  # ("most of X is ours": more than a holder's last share)
_OWN_GAIN_NEAR = compiled(r"\b(?:again|back|retak\w*|retook|recaptur\w*|liberat\w*|clear(?:ed|ing)|counter-?offensive)\b", re.I)
_UNDER_FIRE = compiled(r"[^,.;]{0,60}?\bunder\s+(?:heavy\s+|intense\s+|constant\s+|artillery\s+)?(?:fire|shelling|bombardment)\b")
_HOLDING = compiled(r"(?:keep|kept|retain|maintain|remain|stay|still|continu)", re.I)
_APPOSED_SUBJECT = compiled(r",\s+(?:a|an|the)\s+[^,;:]{1,80},\s+(?:is|are|was|were|has|have|had|remains?|remained)\b")
_AND_ON_ITS_EDGE = compiled(r",?\s+and\s+(?:on|in|at|along)\s+the\s+(?:(?:northern|southern|eastern|western|[\w-]+ern)\s+)?"
                            r"(?:outskirts|approaches|edges?|fringes?|suburbs|flanks?)\s+of\s+(?:the\s+(?:town|city|village)\s+of\s+)?")
_PLAIN_LIST_GLUE = compiled(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|n?or)\s+)")  # ("neither A nor B has fallen": both)


def _listed_or_last(text: str, chain: list[Target]) -> list[Target]:
    """A subject chain's places when they form a plain list ("A and B had fallen": both), else its last target."""
    listed = len(chain) > 1 and all(a.place is not None and b.place is not None and _PLAIN_LIST_GLUE.fullmatch(text, a.place.end, b.place.start)
                                    for a, b in zip(chain, chain[1:]))
    return chain if listed else chain[-1:]


_GAP_BREAK = compiled(r"[;:]|\b(?:said|says|after|before|while|when|by)\b")


_SENTENCE_WIDE = ("sentence", "others")  # targets that the sentence's other phrases may give
_ANSWER_BEFORE = compiled(r";\s+(?:Kyiv|Kiev|Ukraine|Moscow|Russia|the Kremlin|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?:says|said)\s+$")
# "In X, fighting for the high-rise blocks continues": the place the sentence opens on, as its scene
_NOT_HAPPENING = compiled(r"[^,;.]{0,40}?\b(?:could|would|may|might|will|can|never|not|unlikely|expected|feared|months away|weeks away)\b")
# (the place may be described: "In neighbouring X, ...", "In nearby X")
_FRONTED_IN = compiled(r"\s*(?:[-•–—]\s*|[^\w\s“\"(]{1,3}\s*|\d{1,2}[:.]\d{2}\s+)?[“\"]?In\s+(?:the\s+(?:[\w-]+\s+)?(?:town|village|city)\s+of\s+"
                       r"|(?:neighbouring|neighboring|nearby|embattled|besieged|frontline|front-line)\s+)?")
# a list's entry on a place: "▪️ X — fighting continues in the southern quarters", "• X: clearing goes on"
_ENTRY_OPEN = compiled(r"\s*(?:[-•–—▪◾🔹🔸►]\ufe0f?\s*)?")
_ENTRY_CLOSE = compiled(r"\s+[—–-]\s+|:\s+")
# (not an entry whose fighting is elsewhere: "X: fighting continues in the Y direction", "... near Y")
_ELSEWHERE_NEXT = compiled(r"[^.;]{0,30}?\b(?:in|on)\s+the\s+(?:[\w-]+\s+){0,2}?(?:direction|directions|axis|sector|areas?|environs|vicinity)\b|"
                           r"[^.;]{0,30}?\b(?:near|towards?|in\s+the\s+direction\s+of|around)\s", re.I)
# (a comma left out before "the": "In X the clearing continues", "In X our flag went up")
_ACCORDING_LEAD = compiled(r"(?:according to|citing|as reported by)\s+[^,;:.]{1,60},\s+", re.I)
_FRONTED_CLOSE = compiled(r"(?:\s+itself)?(?:\s*\([^()]{1,40}\))?(?:,\s+(?:a|an|the)\s+[^,;:]{1,80}(?=,))?(?:,\s|\s(?=(?:the|our|their)\s|there\s+(?:is|are|was|were)\s|(?:(?:street|heavy|fierce)\s+)?(?:fighting|battles|clashes)\s+(?:is\s+|are\s+)?(?:still\s+)?(?:continu|go|rag|under)))")


_SCENE_KINDS = frozenset({EventType.PARTIAL, EventType.CONTESTED, EventType.WITHDRAWAL})  # told of a place set as the scene


def _fronted_place(view: SentenceView, start: int) -> PlaceRef | None:
    """The settlement a sentence opens on, "In X, ..." or a list's "X — ...", when the phrase at
    ``start`` comes after it (and no one speaks between: "In X, soldiers said the fighting goes on" is
    where they spoke)."""
    places = _fronted_places(view, start)
    return places[0] if places else None


_ENTRY_BRACKET = compiled(r"\s*\([^()]{1,40}\)")


def _fronted_places(view: SentenceView, start: int) -> list[PlaceRef]:
    """_fronted_place's settlement, and the others a list's entry names with it ("- A and B: captured on Friday,
    according to the ministry")."""
    opening = _FRONTED_IN.match(view.text)
    entry = None if opening is not None else _ENTRY_OPEN.match(view.text)  # "▪️ X — fighting continues in ..."
    if opening is None and entry is None:
        return []
    place = next((r for r in view.places if r.start == (opening or entry).end()), None)
    if place is None or not place.is_settlement:
        return []
    places = [place]
    while entry is not None and (glue := _PLAIN_AND.match(view.text, places[-1].end)) is not None \
            and (following := next((r for r in view.places if r.start == glue.end() and r.is_settlement), None)) is not None:
        places.append(following)
    bracket = _ENTRY_BRACKET.match(view.text, places[-1].end) if entry is not None else None  # ("- X (Donetsk region): liberated")
    close = (_FRONTED_CLOSE if opening is not None else _ENTRY_CLOSE).match(view.text, bracket.end() if bracket else places[-1].end)
    if close is None or close.end() > start or _SAYS.search(view.text, close.end(), start):
        return []
    told_by = _ACCORDING_LEAD.match(view.text, close.end(), start) if entry is not None else None  # ("X: according to the Y group, our units ...")
    if entry is not None and (start - (told_by.end() if told_by else close.end()) > 20 or ";" in view.text[close.end():start]
                              or _ELSEWHERE_NEXT.match(view.text, close.end())):
        return []  # (the entry's own first words: not "X — the enemy attacks near Y; fighting continues")
    if _NOT_HAPPENING.match(view.text, start, start + 80):
        return []  # "In nearby X, street fighting could break out any day", "... has never taken place"
    return places


def _allowed(ref: PlaceRef, trigger: Trigger) -> bool:
    if not ref.is_settlement:
        return False
    # "withdrew from positions in the X area", "pulled back west of X": from X; not "close to X"
    return ref.relation == "" or trigger.type is EventType.WITHDRAWAL and ref.relation == "beside"


# a side of the place as an adjective right before its name ("captured eastern X"): a share of it
_COMPASS_BEFORE = compiled(r"(?:^|[\s“‘'\"])(?:the\s+)?(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est|[Cc]entr)(?:ern|al|-?east(?:ern)?|-?west(?:ern)?)\s+$")
# "everything east of the river in X": the area of the place beyond a line, a share of it
_COMPASS_AREA_BEFORE = compiled(r"\b(?:[Ee]verything|[Aa]ll)\s+(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+"
                                r"(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+in\s+$")


def _share(text: str, ref: PlaceRef, gap: str, rules: Rules) -> bool:
    """"the eastern part of X", "X's salt mines", "ammunition depots in X", "the X coke plant":
    only part of the place."""
    if rules.partial_share.search(gap) or rules.part_object.match(gap) or rules.facility_after.match(text, ref.end) \
            or _COMPASS_BEFORE.fullmatch(gap):
        return True
    return ref.mention.text.endswith(("'s", "’s")) and re.match(r"\s+(?!and\b|or\b)[a-z]", text[ref.end:]) is not None


# a relative clause whose object is its pronoun: "a village in the south that Kyiv recaptured"
_PLURAL_LOCATED = compiled(r"\s*(?:the\s+)?(?:[\w-]+\s+){0,2}(?:villages|towns|settlements|localities|hamlets)\s+(?:in|near|of)\s+"
                           r"[^,;:.]{0,80},\s+")
_RELATIVE_OBJECT_BEFORE = compiled(r"\b(?:" + _PLACE_KINDS + r"|locality|" + _DISTRICT_CENTRE + r")\b[^,;:]{0,40}?\s(?:that|which)\s+"
                                   r"(?:[\w’'-]+\s+){1,3}$", re.I)


_PLACE_LOCATES = compiled(r",?\s+(?:(?:about|some|roughly|around)\s+)?(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?"
                          r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+(?:outskirts\s+)?of|near|outside)\s+(?:the\s+(?:city|town)\s+of\s+)?")
_NAMING_AREAS = compiled(r"\bnaming\s+(?:the\s+)?(?:(?:areas?|villages?|settlements?|towns?)\s+(?:of\s+|near\s+|around\s+)?)?"
                         r"(?:[\w’'-]+(?:\s+[A-Z][\w’'-]+)?(?:,\s+|\s+and\s+))*$")
_LIST_TO_END = compiled(r"(?:(?:,\s+(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-ZА-ЯІЇЄ][\w’'-]+(?:\s+[A-ZА-ЯІЇЄ][\w’'-]+)?)*\s*[.;]?\s*$")
_QUOTE_CLOSES = compiled(r"(?<=[,.!?])[”»\"’']")  # a quotation closing with its clause (not "took “A”, “B” and C")


_NEARBY_BEFORE = compiled(r"\b(?:nearby|neighbou?ring|adjacent)\s+$")
_FINITE_STATE = compiled(r"(?:remained|stayed)\b")
_GREY_ZONE_THEN = compiled(r"\s*(?:(?:the\s+)?(?:so-called\s+)?[“\"]?gr[ae]y\s+zone)?[”\"]?\s*,\s*(?:in\s+)?(?:the\s+(?:villages?|towns?|settlements?)\s+of\s+)?", re.I)
_GREY_ZONE = compiled(r"gr[ae]y\s+zone", re.I)
_NEIGHBOURS_OF = compiled(r"(?:['’]s)?(?<=['’]s)\s+(?:(?:nearby|neighbou?ring|satellite)\s+(?:villages|towns|settlements)|neighbou?rs|suburbs)\s+", re.I)
_BRACKET_OPEN = compiled(r"\s*\([^()]{0,40}")
_PLAIN_AND = compiled(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _gapped_list_end(refs: list[PlaceRef], first: PlaceRef, text: str) -> int:
    """Where the plain list opening on ``first`` ends ("A was taken in March, B and C in April": after C)."""
    last = first
    for ref in refs[refs.index(first) + 1:]:
        if not _PLAIN_AND.fullmatch(text, last.end, ref.start):
            break
        last = ref
    return last.end


_POINTER_OBJECT_GAP = compiled(r"[”\"’']?\s+(?:the|this|that)\s+(?:town|city|village|settlement)\s*[,;]")


# places still to come after a list's "and": "..., and B and C are next"
_NEXT_IN_LINE = compiled(r"\s+(?:is|are|will\s+be|would\s+be)\s+(?:next|the\s+next\s+(?:targets?|goals?|objectives?))\b", re.I)
_CONJUNCTION_BEFORE = compiled(r"\band\s+$")
# what a status line's enemy was driven out of, when not the place itself: "driven out of several houses"
_OUT_OF_A_PART = compiled(r"\s+(?:of|from)\s+(?!the\s+(?:village|town|city|settlement)\b)\S", re.I)
# a place the next phrase opens on, its verb's own ("..., and B is being cleared"), or with its auxiliary
# between ("and B is being stormed")
_NEXT_OPENS_ON_VERB = compiled(r"(?:is|are|was|were|has|have|had)\b", re.I)
_AUXILIARY_GAP = compiled(r"\s+(?:is|are|was|were|has|have|had)(?:\s+(?:been|being|now|still|also|already|reportedly))*\s+", re.I)


def _subject_of_next(text: str, ref: PlaceRef, next_start: int) -> bool:
    """Whether the place stands right before the next phrase as its subject: not the object of the one before."""
    if not ref.end <= next_start < len(text):
        return False
    gap = text[ref.end:next_start]
    return not gap.strip() and _NEXT_OPENS_ON_VERB.match(text, next_start) is not None or _AUXILIARY_GAP.fullmatch(gap) is not None


def _object_targets(view: SentenceView, start: int, end: int, right: int, next_start: int, trigger: Trigger,
                    rules: Rules) -> list[Target]:
    text = view.text
    refs = [r for r in view.places if start < r.start < next_start]  # "the liberation of X was completed"
    first = next((r for r in refs if _allowed(r, trigger)), None)
    if first is None or first.start >= right:
        return []
    if _subject_of_next(text, first, next_start) or _PEOPLE_OF.match(text, first.end):
        return []  # "A has been liberated, and B is being cleared" (or "and B's mayor said"): the next clause's subject
    if "," in text[end:first.start] and _RELATIVE_OBJECT_BEFORE.search(text, max(0, start - 80), start):
        return []  # "X, a village that Kyiv recaptured last August, as well as A and B": "that" is the object
    neighbours = _NEIGHBOURS_OF.match(text, first.end)
    if neighbours is not None:  # "retook X's neighbours A, B and C": the neighbours
        first = next((r for r in refs if r.start == neighbours.end() and _allowed(r, trigger)), first)
    before_first = refs[:refs.index(first)]
    near = before_first[-1] if before_first else None
    if near is not None and near.relation and near.is_settlement and (
            _PLAIN_LIST_GLUE.fullmatch(text, near.end, first.start) and not _COUNTED_SETTLEMENTS.search(text, max(0, near.start - 40), near.start)
            or _AND_ON_ITS_EDGE.fullmatch(text, near.end, first.start)):
        # "took positions near A and B": B is near too, not taken ("two villages near A, B and C" are B and C); so is B in
        # "fighting in the area of A and on the outskirts of B"
        return []
    gap = text[end:first.start] if first.start >= end else ""
    if _POINTER_OBJECT_GAP.match(gap):
        return []  # "had liberated the town, giving them a platform to attack X": the object is the town told before
    if _NEW_SUBJECT_GAP.search(gap):
        return []  # "the village was cleared last night, the enemy has left for X": X is the next clause's
    if _GAPPED_FIRST_GAP.fullmatch(gap) and (_GAPPED_TIME_AFTER.match(text, _gapped_list_end(refs, first, text))
                                             or _HELD_OR_HIT_AFTER.match(text, first.end) or _FINITE_AFTER.match(text, first.end)):
        # "A was captured in October, B a month later": B has the verb of its own, gapped (or a clause of
        # its own: "A was captured in October, B could be next")
        return []
    if _COMMA_AND.search(gap) and _HELD_OR_HIT_AFTER.match(text, first.end):
        return []  # "A fell to Russian forces, and B held out": B's own clause
    if first.relation == "beside" and _SETTLEMENT_NOUN.search(gap):
        return []  # "pulled back from three villages west of X": the villages, not X
    if trigger.type is EventType.WITHDRAWAL and (_DESTINATION_GAP.search(gap) or _LINE_THROUGH.search(text, max(0, first.start - 80), first.start)):
        return []  # "pulled back across the river to X": where they went, not what they left
    # fighting is in a place named right after it ("advances in a number of areas, among them X" is not)
    # (or in a part of it: "raised a flag over a building in central X")
    reach = 3 if trigger.type is EventType.CONTESTED and not (rules.partial_share.search(gap) or rules.part_object.match(gap)
                                                              or _CENTRE_GAP.match(gap) or _EDGE_GAP.match(gap)) else _OBJECT_GAP_WORDS
    gap_words = _NAMED_PLACE_NOUN.sub(" ", gap)  # "entered the border town of X": the noun names X
    including = _INCLUDING.search(gap)  # "retook much of the oblast, including A and B": all of A and B
    # (however long the object before the list: "retook much of the oblast during the autumn
    # counteroffensive of 2022, including A and B"; "took a number of villages, among them ..." is
    # read as a list of unnamed places below)
    long_object = including is not None and (trigger.type is not EventType.CONTESTED or _SECTOR_BEFORE.search(
        gap, 0, including.start())) and \
        not rules.plural_places.search(gap, 0, including.start()) and \
        re.fullmatch(r"\s*(?:in\s+)?(?:the\s+)?(?:(?:villages?|towns?|settlements?|cities|city)\s+of\s+)?", gap[including.end():]) is not None
    words = len(gap[including.end():].split()) if long_object else len(gap_words.split())
    located = _PLURAL_LOCATED.fullmatch(gap) is not None
    if located:
        words = 0  # "captured two more villages in the X district of the Y region, A and B": the list names them
    if trigger.type is EventType.CONTESTED and _GREY_ZONE_THEN.fullmatch(gap) and _GREY_ZONE.search(text, start, first.start):
        words = 0  # "fighting in the so-called grey zone, in the villages of A and B": the zone is the villages
    if words > reach and not rules.part_object.match(gap) or _GAP_BREAK.search(gap):
        return []  # "liberated by offensive operations in the X direction": an agent, not an object
    if trigger.type in (EventType.CAPTURE, EventType.RECAPTURE) and (rules.spoils_object.match(gap) or _MOVED_INTO.search(gap)):
        return []  # "captured weapons in X", "have taken tanks into X": things taken, not the place
    if _ROUTE_BEFORE.search(gap):
        return []  # "took the area, including the road to X": the road, not X
    out = [Target(first, position=first.start, share=_share(text, first, "" if located else gap[including.end():] if including else gap, rules))]
    chain = first
    # (past the next phrase only when an apposition on the last place holds it: "took X, a village that
    # Kyiv recaptured last August, as well as A and B")
    beyond = [r for r in view.places if r.start >= next_start] if next_start < len(text) else []
    crossed = False
    relative_end = -1
    for ref in refs[refs.index(first) + 1:] + beyond:
        if not ref.is_settlement:
            continue  # "A in the Luhansk People's Republic, B": the region is part of the glue
        if _subject_of_next(text, ref, next_start):
            break
        if ref.start < next_start and _CONJUNCTION_BEFORE.search(text, chain.end, ref.start) \
                and _NEXT_IN_LINE.match(text, _gapped_list_end(refs, ref, text)):
            break  # "liberated A, and B and C are next": the ones to come, a clause of their own
        if ref.start >= next_start and not crossed:
            if not _APPOSITION_THEN_PLACES.fullmatch(text, chain.end, ref.start):
                break
            crossed = True
        if _QUOTE_CLOSES.search(text, chain.end, ref.start):
            break  # '"... near A," the group said, ... south of B': the quotation ended
        if ref.relation and _BRACKET_OPEN.fullmatch(text, chain.end, ref.start):
            continue  # "seized A (west of K) and B (south of K)": K only locates A, in its brackets
        if _ALIAS_GAP.fullmatch(text, chain.end, ref.start):
            chain = ref  # "A, the Soviet-era name Moscow uses for B, and C": B is A again
            continue
        if ref.start < relative_end:
            chain = ref  # (another place of that relative clause: "which lie between C and D, as well as E")
            continue
        if _RELATIVE_GAP.fullmatch(text, chain.end, ref.start) and (goes_on := _RELATIVE_THEN_LIST.match(text, ref.end)):
            chain, relative_end = ref, goes_on.end()  # "A and B, which lie on roads into C, as well as D": C only locates A and B
            continue
        if ref.relation and _APPOSITION_OPENS.match(text, chain.end) and not re.search(r"[;:]|,(?!\d)", text[chain.end + 1:ref.start]):
            chain = ref  # "took A, a town 20 km south-east of B, and the village of C": B locates A's apposition
            continue

        if ref.relation and _LOCATED_GAP.fullmatch(text, chain.end, ref.start):
            chain = ref  # "the village of A near the town of B in the X region and the village of C": B locates A
            continue
        if not _glued(text, chain, ref, rules) and not _AND_PLACES_INCLUDING.fullmatch(text, chain.end, ref.start) \
                and not _APPOSITION_THEN_PLACES.fullmatch(text, chain.end, ref.start) \
                and not _LOCATED_THEN_AND.fullmatch(text, chain.end, ref.start):
            break
        if "," in text[chain.end:ref.start] and (
                _NEW_CLAUSE_AFTER.match(text, ref.end) and not re.search(r"\b(?:and|or)\b", text[chain.end:ref.start])
                or _COMMA_AND.fullmatch(text, chain.end, ref.start) and _HELD_OR_HIT_AFTER.match(text, ref.end)):
            break  # "foothold in A, B holds", "took A, and B held out": B opens a clause of its own
        if _NEARBY_BEFORE.search(text, chain.end, ref.start) and (_FINITE_AFTER.match(text, ref.end) or _HELD_OR_HIT_AFTER.match(text, ref.end)):
            break  # "captured A, and nearby B was hit": B opens a clause of its own
        if _PEOPLE_OF.match(text, ref.end) or _APPOSED_SUBJECT.match(text, ref.end):
            # "retook A, and B's mayor declared ...": B's people open a clause of their own (so does B with its
            # apposition and verb: "reached the centre of A, and B, a key hub, is under pressure")
            break
        if _KIN_OF.match(text, ref.end) and not re.search(r"\b(?:and|or)\b", text[chain.end:ref.start]):
            chain = ref  # "pulled out of A, B's twin city, and out of C": an apposition on A that names B
            continue
        after_apposition = _APPOSITION_THEN_PLACES.fullmatch(text, chain.end, ref.start) is not None
        if after_apposition and _VERB_AFTER.match(text, ref.end):
            break  # "took A, a town X held, and the villages of B and C are now under fire": a clause of their own
        if _allowed(ref, trigger):
            # "took A and the southern half of B": the glue may name B's share (not an apposition on A)
            glue = "" if after_apposition else _GLUE_SHARE.sub("", text[chain.end:ref.start])
            out.append(Target(ref, position=ref.start, share=_share(text, ref, glue, rules)))
        chain = ref
    return out


_SINCE_SOON = compiled(r"[^.;,]{0,30}?\bsince\b")  # (a holding since a time: the area's, not a taking of X)
_BARE_WHICH = compiled(r",?\s*(?:which|that)\b")
_AREA_AROUND_BEFORE = compiled(r"\b(?:the|an?)\s+(?:\w+\s+)?(?:area|areas|territory|territories|land|approaches|countryside|villages|"
                               r"settlements|districts?|heights|fields|woods|forests?)\s+(?:(?:just|immediately|directly|some|about)\s+)?"
                               r"(?:(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|"
                               r"around|near|outside|surrounding)\s+(?:the\s+(?:town|city|village)\s+of\s+)?"
                               r"[A-ZА-ЯІЇЄ][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s*,?\s*$")  # ("the area north of X, which ...")
_APPOSITION_OPENS = compiled(r",\s+(?:a|an|the)\s")  # "A, a town ...": an apposition on the place before
_DASH_ASIDE = compiled(r"\s*[—–-]\s(?:(?!\b(?:says?|said|claim\w*|reports?|reported|calls?|called)\b)[^—–;:]){1,120}?\s[—–-]\s*")  # "X — a village of 300 people — was captured" (no speaker inside)


_TO_WHICH = compiled(r"\b(?:to|towards|into)\s+which\b")
# a thing at the place, as a speaker's subject ('"The sky over X is theirs"'): not the place itself
_THING_AT_BEFORE = compiled(r"\b(?:sky|skies|air|airspace|road|roads|bridge|bridges|field|fields|forest|woods|heights|house|houses|"
                             r"home|flat|garden|factory|plant|mine|school|hospital|shop|church|farm)\s+(?:over|to|in|of|near|outside|around|at)\s+$", re.I)
# '"The rest of X is theirs"': all but what the speaker's side keeps (not "took the rest of X": the whole)
_REST_OF_BEFORE = compiled(r"\b[Tt]he\s+rest\s+of\s+$")
_MINE_OR_THEIRS = compiled(r"(?:is|are)\s+(?:now\s+|already\s+)?(?:theirs|ours)\b")


def _subject_targets(view: SentenceView, start: int, trigger: Trigger, rules: Rules) -> list[Target]:
    text = view.text
    refs = [r for r in view.places if r.start < start and r.is_settlement]
    subject, share, beside = None, False, False
    apposition = -1  # where an apposition on the subject opens, once a place is seen to close it
    for ref in reversed(refs):
        if ref.start > apposition >= 0:
            continue  # "X, a town between A and B, was retaken": A stands in the apposition on X too
        if not _allowed(ref, trigger):
            if ref.is_settlement and (ref.end == start and _WHOSE.match(text, start) or _kind_before_whose(text, ref.end, start)):
                subject = ref  # "west of X, whose capture was announced": the relative clause is said of X
                break
            if _PARTICIPLE_RIGHT_AFTER.fullmatch(text, ref.end, start) and _PARTICIPLE.match(text, start) \
                    and not _FINITE_STATE.match(text, start):  # (not "X, north of Y, remained a grey zone")
                break  # "X, a village close to Y, originally liberated on 17 February": said of Y, near or not
            if ref.is_settlement and _KIND_BEFORE_PARTICIPLE.fullmatch(text[ref.end:start]) and _PARTICIPLE_BY.match(text, start):
                subject, beside = ref, True  # "10 km east of X, the village retaken by Ukraine in August": the apposition is X's
                break
            continue  # "Paraskoviivka, north of Bakhmut, was captured": a place inside the apposition
        gap = text[ref.end:start]
        part = _PART_SUBJECT.match(gap)
        # "X, which Russia calls Y, fell in February", "A and B, as Moscow calls C and D, were taken": Y is X again
        # (C and D are A and B), however the apposition on them runs on
        first = refs.index(ref)
        while first > 0 and _PLAIN_AND.fullmatch(text, refs[first - 1].end, refs[first].start):
            first -= 1
        if first > 0 and _ALIAS_GAP.fullmatch(text, refs[first - 1].end, refs[first].start) and _APPOSITION_TAIL.match(gap):
            if _SUBJECT_GAP.match(gap) or _SUBJECT_GAP.match(gap[gap.index(",") + 1:]):
                apposition = refs[first - 1].end
            continue
        if ref.end == apposition:
            subject = ref  # (however long the apposition on it runs)
            break
        if (_APPOSITION_TAIL.match(gap) or _APPOSITION_CLOSES.match(gap) and _SUBJECT_GAP.match(gap[gap.index(",") + 1:])) \
                and (placing := _PLACING_APPOSITION.search(text, max(0, ref.start - 100), ref.start)) \
                and any(r.end == placing.start() for r in refs):
            apposition = placing.start()  # "X, a village between A and B, was retaken": B closes an apposition on X
            continue
        if ref.end >= start or _SUBJECT_GAP.match(gap) or _SUBJECT_GAP.match(_without_unknown_names(gap)) \
                or _DASH_ASIDE.match(gap) and _SUBJECT_GAP.match(_DASH_ASIDE.sub(" ", gap, count=1)):
            if _BEARING_GAP.match(gap) and _OF_SOMEONE.search(text, max(0, ref.start - 30), ref.start):
                break  # "Soldiers from X west of Y have been captured": the soldiers were, not X
            if _INFINITIVE_OBJECT_BEFORE.search(text, max(0, ref.start - 40), ref.start):
                break  # "The decision to leave X was taken after a long siege": X is the infinitive's object
            if gap.lstrip().startswith(",") and (relative := _RELATIVE_OPEN_BEFORE.search(text, max(0, ref.start - 100), ref.start)):
                # "The village, which lies on the road to X, was occupied": X only locates the subject (the place
                # before the clause, if one is named, is it: "Y, which lies on the road to X, was captured"; or
                # "A and B, the latter just over the line in X, were retaken")
                apposition = relative.start()
                continue
            subject = ref
        elif _kind_before_whose(text, ref.end, start):
            subject = ref  # "X, a hilltop village whose liberation was announced on 17 September"
        elif _NEIGHBOUR_NAMED.fullmatch(text, 0, ref.start) and gap.lstrip().startswith(",") \
                and _SUBJECT_GAP.match(gap.lstrip()[1:]):
            subject = ref  # "Its neighbour to the east, X, fell a week later": the name closes the noun it follows
        elif (re.fullmatch(r"\s*,\s*", gap) or _KIND_BEFORE_PARTICIPLE.fullmatch(gap)) \
                and (_PARTICIPLE_BY.match(text, start) or _BEING_DONE.match(text, start)):
            subject = ref  # "Lyman, recaptured by Ukraine in 2022, is a rail hub", "X, a town retaken by Ukraine in 2022"
            # (and "X, a town now being fought over")
        elif part and _SUBJECT_GAP.match(gap[part.end():]):
            subject, share = ref, True  # "in X the residential districts have been liberated"
        elif (closing := _APPOSITION_CLOSES.match(gap)) and _SUBJECT_GAP.match(gap[closing.end():]) \
                and (opening := APPOSITION_OPENS_BEFORE.search(text, max(0, ref.start - 80), ref.start)
                     or (ref.mention.text.endswith(("'s", "’s")) or text.startswith(("'s", "’s"), ref.end))
                     and _COMMA_OPENS.search(text, max(0, ref.start - 4), ref.start)):
            # "X, a town between A and B, was retaken": B closes an apposition on X (and "X, A's northern
            # neighbour, was taken": the apposition opens on A's)
            apposition = opening.start()
            continue
        elif _TOPIC_SHARE_GAP.fullmatch(gap) and _TOPIC_OPENS.fullmatch(text, 0, ref.start):
            subject, share = ref, True  # '"X — the eastern half is theirs"': a share of the place the words open on
        elif trigger.quoted_only and _TOPIC_COLON.fullmatch(gap) and _TOPIC_OPENS.fullmatch(text, 0, ref.start):
            subject = ref  # a speaker's '"X: half ours, half theirs"'
        elif trigger.type in _TAKING and _ONE_OF_GAP.fullmatch(gap):
            subject = ref  # "X was one of the first villages Russian troops took": a relative clause said of X
        elif trigger.type in _TAKING and _TOPIC_GAP.fullmatch(gap) and _TOPIC_LIST_OPENS.fullmatch(text, 0, ref.start):
            subject = ref  # "Tykhe we took on Saturday": spoken word order, the place taken told first
        break
    if subject is None:
        return []
    # "The southern part of X has been captured": a share as the subject (not "east of X, the village retaken ...")
    share = share or not beside and _SHARE_OF_BEFORE.search(text, max(0, subject.start - 60), subject.start) is not None and \
        rules.partial_share.search(text, max(0, subject.start - 60), subject.start) is not None \
        or _COMPASS_BEFORE.search(text, max(0, subject.start - 20), subject.start) is not None \
        or _COMPASS_AREA_BEFORE.search(text, max(0, subject.start - 60), subject.start) is not None \
        or _REST_OF_BEFORE.search(text, max(0, subject.start - 12), subject.start) is not None and _MINE_OR_THEIRS.match(text, start)
    out = [Target(subject, position=subject.start, share=share)]
    chain = subject
    for ref in reversed(refs[:refs.index(subject)]):
        if not _glued(text, ref, chain, rules):
            break
        if _COMMA_AND_KIN.fullmatch(text, ref.end, chain.start) and _OBJECT_OF_VERB.search(text, max(0, ref.end - 90), ref.end):
            break  # "captured A, and B remained in Ukrainian hands": A is the object of another clause
        if _FIGHTING_IN_BEFORE.search(text, max(0, ref.start - 50), ref.start):
            break  # "fighting underway in A, B practically liberated": A is where the fighting is
        if _allowed(ref, trigger):
            out.insert(0, Target(ref, position=ref.start))
        chain = ref
    if _ROUTE_BEFORE.search(text, max(0, out[0].position - 40), out[0].position):
        return []  # "the road west to A and B remains under Ukrainian control": the road, not the towns
    if trigger.quoted_only and _THING_AT_BEFORE.search(text, max(0, out[0].position - 40), out[0].position):
        return []  # a speaker's '"The sky over X is theirs"', '"the house in X is half ours"': a thing, not the place
    return out


# "the ministry announced that its troops around X would be regrouped" (or "would regroup"): a withdrawal announced
# (the speaker's own troops, "its troops" or "the troops"; not "a blogger said Ukrainian units would be
# withdrawn": a forecast about the other side)
_ANNOUNCED_WOULD = compiled(r"\b(?:announced|stated|declared|told\s+\w+)\s+(?:(?:late\s+|early\s+)?on\s+\w+\s+)?"
                              r"(?:that\s+)?(?:its|their|our|the)\s+"
                              r"(?:[\w’'-]+\s+)?(?:troops|forces|units|soldiers|garrison|grouping)\s+(?:[\w’'-]+\s+){0,6}?"
                              r"would\s+(?:be\s+)?[“\"‘]?$")
_CONDITION_BEFORE = compiled(r"\b(?:[Ii]f|[Uu]nless|[Ss]hould|[Ii]n case|[Oo]therwise|[Ss]ooner or later|[Ee]ventually|[Aa]t some point|[Oo]ne day)\b")
_CONDITION_AFTER = compiled(r"[^.;]{0,80}?\b(?:if|unless|should|in case|in the event|soon|in the coming|according to)\b")
_QUOTE_AFTER = compiled(r"[^.;]{0,60}?\s[“\"]\w")  # "troops would be withdrawn from X "over my dead body""
_KIN_OF = compiled(r"(?:['’]s)?\s+(?:twin|sister|neighbou?ring|neighbou?r|smaller|larger|bigger)\b")
_APPOSITION_CLOSES = compiled(r"[^,;:]{0,80}?,")
_COMMA_OPENS = compiled(r"(?<=\w),\s+$")
APPOSITION_OPENS_BEFORE = compiled(r"(?<=\w),\s+(?:home\s+to\s+)?(?:a|an|the)\s+[^,;:]*$")
_ANNOUNCED_AFTER = compiled(r",?\s+(?:[\w’'-]+\s+){0,3}?(?:announced|confirmed|reported|declared|acknowledged|admitted)\b"
                             r"(?![^.;]{0,60}?\b(?:would|could|might|will|never|not|failed|denied|rejected)\b)")
_REST_OF = compiled(r"\bthe\s+rest\s+of\s+$", re.I)
_WHOSE = compiled(r",\s+whose\b")
# "X, a town in the Kharkiv region retaken by ...": the place's kind, and where it lies, before a participle on it
_KIND_BEFORE_PARTICIPLE = compiled(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:" + _PLACE_KINDS + r"|" + _PLACE_ROLES + r")"
                                   r"(?:\s+(?:in|of)\s+(?:the\s+)?[A-ZА-ЯІЇЄ][\w’'-]+(?:\s+(?:region|oblast|Oblast|Region|province))?)?\s+")
_KIND_BEFORE_WHOSE = compiled(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:village|town|city|settlement)")


def _kind_before_whose(text: str, end: int, start: int) -> bool:
    """"X, a hilltop village whose liberation was announced": the relative clause is said of X."""
    return text.startswith(" whose", start) and _KIND_BEFORE_WHOSE.fullmatch(text, end, start) is not None
_NEW_CLAUSE_AFTER = compiled(r"\s+(?:still\s+)?(?:holds|held|remains?|remained|stays?|stayed|is|was|has|had|says|said|"
                               r"fell|falls|continues|continued|resists|resisted)\b")
_OBJECT_OF_VERB = compiled(r"\b(?:captured|took|taken|seized|liberated|retook|recaptured|entered|occupied|lost|abandoned|left|"
                           r"(?:withdrew|withdrawn|retreated|pulled\s+(?:back|out))\s+(?:from|of)|"
                           r"cleared|stormed|shelled|attacked)\s+[^.;:,]{0,60}$")  # (the list A, or "A and B", its object)
_FIGHTING_IN_BEFORE = compiled(r"\b(?:fighting|battles?|clashes|combat)\b[^,;:.]{0,25}?\b(?:in|for|at)\s+(?:the\s+(?:town|city|village)\s+of\s+)?$", re.I)
_COMMA_AND = compiled(r"\s*,\s+(?:and|but|while|whereas)\s+")  # (", and" before a verb joins clauses, not list items)
_COMMA_AND_KIN = compiled(r"\s*,\s+(?:and|but|while|whereas)\s+(?:(?:nearby|neighbou?ring|adjacent)\s+)?")  # (", and neighbouring B")
# a place after ", and" that opens a clause of its own: it holds out, is hit or is anything but taken
# ("took A, and B held out", "..., and B was shelled", "..., and B is next"; not "..., and B was taken as
# well": one more place taken, told again)
_HELD_OR_HIT_AFTER = compiled(r"\s+(?:still\s+|also\s+)?(?:holds|held|remains?|remained|stays?|stayed|is|was|are|were|has|had|fell|falls|"
                              r"continues|continued|resists|resisted|came|comes|saw|sees|could|will|may|might)\b"
                              r"(?!\s+(?:\w+\s+){0,2}?(?:taken|captured|seized|liberated|lost|occupied|retaken|recaptured|cleared|ours|"
                              r"fallen|surrendered|abandoned|under\s+(?:\w+\s+)?control|the\s+next\s+to\s+fall)\b)")
_RELATIVE_CLAUSE = compiled(r",\s*(?:which|(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:" + _PLACE_KINDS + r"|" + _DISTRICT_CENTRE + r")"
                            r"(?:\s+(?:[\w-]+\s+){0,2}?(?:of|near|outside|in)\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?\s+(?:which|that))\b")
# (also after an apposition that locates it: "X, a village southwest of Y that Russia claimed to have taken")
_SIDE_FORCES = r"(?:(?:its|their|Russian|Ukrainian|Russia['’]s|Ukraine['’]s|the)\s+(?:own\s+)?(?:[\w-]+\s+)?(?:troops|forces|units|soldiers|army|fighters|marines|paratroopers))"
_WHICH_SAID_IT = compiled(r",\s*(?:which|that|(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:" + _PLACE_KINDS + r"|" + _DISTRICT_CENTRE + r"|port|suburb)"
                          # (where it lies, however told: "a village on the road to the X region that", "a smaller port on
                          # the same coast that")
                          r"(?:\s+[^,;:“”\"]{1,80}?)?\s+(?:which|that))"
                          # (its speaker may be dated first: "the ministry on the same day said")
                          r"\s+(?:[\w’'-]+\s+){0,6}?[\w’'-]+(?:,\s+[^,;:“”\"]{1,70},)?\s+(?:said|says|claimed|claims|reported|announced)\s+"
                            r"(?:(?:in|on|last|earlier|later|at|during)\s+(?:[\w’'-]+\s+){1,4}?){0,2}"
                            r"(?:(?:that\s+)?(?:it|they|" + _SIDE_FORCES + r")\s+(?:had\s+|has\s+|have\s+)?[“\"]?|"
                            r"to\s+have\s+(?:been\s+)?|(?:(?:had|has|have)\s+been|was|were)\s+[“\"]?(?:(?:fully|completely|now|effectively)\s+)?|"
                            r"(?:was|is)\s+the\s+(?:latest|last|first|next|second|third)\s+(?:[\w-]+\s+)?to\s+(?:be\s+|have\s+been\s+))$"
                          # (or declared so: "X, which Ukrainian officials declared fully liberated on March 28")
                          r"|(?<![Rr]egion)(?<![Oo]blast)(?<![Pp]rovince)(?<![Tt]erritory),\s*(?:which|that)\s+(?:[\w’'-]+\s+){1,6}?(?:declared|proclaimed|pronounced)\s+(?:(?:fully|completely|officially|finally)\s+)?[“\"]?$")
_PEOPLE_OF = compiled(r"(?:(?:(?<=['’]s)|['’]s)\s+(?:[\w-]+\s+){0,2}?|\s+)(?:mayor|governor|head|authorities|administration|officials?|council|"
                        r"police|residents|people|defenders|garrison|commander)\b", re.I)
_FROM_ELSEWHERE = compiled(r"\s+(?:back\s+)?from\s+(?:the\s+)?(?:north|south|east|west|[\w-]+(?:ern|east|west)\b|capital|region|area|border)", re.I)
_OWNS_A_THING = compiled(r"['’]s?\s+(?!(?:[\w-]+\s+)?(?:troops|forces|army|armies|units|soldiers|fighters|military|"
                           r"servicemen|marines|paratroopers|brigades?|assault|defenders|men|control|hands)\b)[a-z]")
# "fighting in the Toretsk sector, including in X": the area is named, then the place inside it
_SECTOR_BEFORE = compiled(r"\b(?:sector|direction|axis|front)\s*,?\s*$", re.I)
_OTHER_CLAUSE = compiled(r";|\s(?:as|while)\s|\safter\s+the\s")  # "flags over A and B as Russia announces a 'regrouping'"
_OTHER_STORY = compiled(r";|\s(?:as|while)\s")  # (but "X fell after Ukraine pulled out": out of X)
_OUT = compiled(r"\bout\b")
_CLAUSE_AND_IN = compiled(r",\s+(?:and|but)\s")
# "took A and a number of nearby settlements, including B and C", "A, as well as several smaller villages
# including B": the list goes on after "including"
_AND_PLACES_INCLUDING = compiled(r",?\s+(?:and|as well as|along with|together with)\s+(?:a number of|several|some|other|\w+)\s+(?:[\w-]+\s+)?"
                                   r"(?:settlements|villages|towns|localities)\s*,?\s+(?:including|such as|among them|beginning with|starting with|"
                                   r"the (?:largest|biggest|main|most important) (?:\w+ )?of which (?:are|were|being))\s+")
_EDGE_GAP = compiled(r"\s*(?:on\s+|onto\s+)?the\s+(?:[\w-]+\s+)?(?:edges?|fringes?)\s+of\s+$", re.I)  # "entered the western edge of X"
_CENTRE_GAP = compiled(r"\s*(?:in|into|over|at)\s+the\s+(?:very\s+)?(?:city\s+|town\s+)?(?:centre|center|heart)\s+of\s+$", re.I)
_ATTRIBUTIVE_BEFORE = compiled(r"\b(?:the|a|an)\s+$", re.I)
_LAST_TO_BE = compiled(r"\b(?:is|was|became|becomes|has become)\s+the\s+(?:last|first|latest|next|second|third|\d+(?:st|nd|rd|th))\s+"
                         r"(?:[\w-]+\s+)?(?:settlement|village|town|city|locality)\s+to\s+(?:be\s+|have\s+been\s+)?$", re.I)
_WHERE_BEFORE = compiled(r",\s+where\s+(?:[\w’'-]+\s+){0,4}$", re.I)
_ABOUT_BEFORE = compiled(r"\b(?:about|regarding|concerning|over)\s+(?:the\s+(?:villages?|towns?|settlements?)\s+of\s+)?$")
_AND_BEFORE = compiled(r"\band\s+(?:then\s+|later\s+|subsequently\s+|eventually\s+)?(?:was\s+|were\s+|had\s+been\s+|has\s+been\s+)?$")
_AREA_BEFORE = compiled(r"\b(?:in the (?:general )?areas? of|near|around|in the vicinity of)\s+(?:the\s+)?$", re.I)
_NAMED_PLACE_NOUN = compiled(r"\bthe\s+(?:[\w-]+\s+){0,2}?(?:town|city|village|settlement|hamlet)\s+of\s+$", re.I)
_DESCRIBED_BY = compiled(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:" + _PLACE_KINDS + r")\b[^,;]*$")
_MODAL_NEGATION = compiled(r"\b(?:will|would|shall|can|could|may|might|won['’]t|can['’]t|cannot)\s+(?:not\s+|never\s+)?(?:\w+\s+)?$", re.I)
# positions handed to other units of the same side, after a withdrawal in the sentence
_HANDED_OVER = compiled(r"[^.;]*?\b(?:(?:hand|transfer|pass|turn)(?:ing|ed|red|ring|s)?\s+(?:over\s+)?(?:(?:their|its|the|his|our|all)\s+)?(?:positions|sectors?|lines|defen[cs]es?)\s+"
                        r"(?:over\s+)?to\s+(?!(?:the\s+)?(?:(?:advancing|attacking|occupying)\s+)?(?:enemy|opposing|occupiers?|occupying|Russians?|Ukrainians?)\b)(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:units|troops|forces|brigades?|army|regiments?)|"
                        r"(?:to be\s+|being\s+)?(?:replaced|relieved)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:units|troops|forces|brigades?|battalions?|regiments?|"
                        r"marines|paratroopers|soldiers|fighters|infantry|reserves|crews)\b)", re.I)
_PEOPLE_TAKEN_BEFORE = compiled(r"\b(?:soldiers|servicem[ae]n|troops|fighters|marines|men|people|prisoners|civilians|defenders|"
                                r"paratroopers|mercenaries|POWs)\s+(?:were|was|have\s+been|had\s+been|being|are|is)\s+(?:also\s+)?$", re.I)
_NOT_MEAN_AFTER = compiled(r"[^.;,]{0,60}?\b(?:does|do|did|will|would)(?:\s+not|n['’]t)\s+(?:yet\s+|necessarily\s+|automatically\s+)?"
                           r"(?:mean|signify|imply|indicate|prove)\b")
# (not a stop that worked: "managed to prevent", "were able to stop", "helped to prevent", "continue to keep")
# (but "were not able to stop", "failed to prevent": nothing stopped, nothing claimed)
_TO_PREVENT = compiled(r"(?:(?<=\bnot able )|(?<=n't able )|(?<=\bfailed )|(?<=\bnot manage )|(?<=\bnot managed )|"
                       r"(?<!\bmanaged )(?<!\bable )(?<!\bhelped )(?<!\bcontinue )(?<!\bcontinues )(?<!\bcontinued )(?<!\bsucceeded ))"
                       r"\b(?:to|will|would|shall|must|can|could|should)\s+(?:prevent|stop|keep)\s+(?:[\w’'-]+\s+){1,4}from\s+$", re.I)
_RELATIVE_OPEN_BEFORE = compiled(r",\s+(?:which|where|that)\s+(?:lies|lay|stands|stood|sits|sat|is|was|runs|ran)\s+[^,;:]{0,80}$"
                                 r"|(?<=\w),\s+the\s+(?:latter|former)\s+[^,;:]{0,80}$")  # ("A and B, the latter just inside the Y region, ...")
_ROUTE_BEFORE = compiled(r"\b(?:road|roads|highway|route|railway|rail line|approaches|heights|bridge)\s+"
                           r"(?:(?:west|east|north|south)(?:wards?)?\s+)?(?:to|towards?|into|between|near|from|linking)\s+"
                           r"(?:the\s+)?$", re.I)
# the speaker is the one who took it: "the ministry also claimed to have taken X", "it said it had taken X"
_SPEAKER_DID_IT = compiled(r"\b(?:claim(?:s|ed|ing)?|says|said|announced|reported) (?:to have|(?:it|they) (?:had|has|have))\s+(?:\w+ly\s+)?$")
_CORRECTED_FACT = compiled(r";|\b(?:in fact|actually|instead|rather)\b")  # "...; in fact they captured Y": the fact
_OWN_REPORT_AFTER = compiled(r",\s+(?:\w+\s+){0,2}(?:said|says|stated|announced|reported|told)\b")  # "..., said on Friday that"
_OWN_EARLIER_VERSION = compiled(r"\b(?:[Aa]n?|[Tt]he|[Oo]ur) (?:earlier|previous|original|first|prior) (?:version|edition)\b|"
                                r"\bCORRECTION\b|\bCorrection\b")
# what an outlet takes back: "an earlier version of the 08.40 entry said", "erroneously reported that"
CORRECTED_BEFORE = compiled(r"\b(?:incorrectly|wrongly|mistakenly|erroneously|inaccurately) (?:said|stated|reported|wrote|identified)\b|"
                            r"\b(?:[Aa]n?|[Tt]he|[Oo]ur) (?:earlier|previous|original|first|prior) (?:version|entry|post|update|report|story|edition)"
                            r" (?:of|in|on) (?:this|the|our) (?:[\w’'.:-]+ ){0,2}?(?:story|article|blog|report|page|feed|entry|post|"
                            r"update|item|bulletin|board|map|briefing|brief|dispatch|piece|caption) (?:said|stated|reported|wrote|listed)\b|"
                            # (a story's own earlier version; a live page's entry only in a correction: "Correction: an
                            # earlier entry said ...", not "An earlier entry said X; Y has now confirmed it")
                            r"\b(?:[Aa]n?|[Tt]he|[Oo]ur) (?:earlier|previous|original|prior) version (?:said|stated|reported|wrote|listed)\b|"
                            r"\b(?:[Cc]orrection|CORRECTION)\b[:.,]?\s*(?:[Aa]n?|[Tt]he|[Oo]ur) (?:earlier|previous|original|prior) "
                            r"(?:entry|update) (?:said|stated|reported|wrote|listed)\b")
_CONJUNCTION_LEAD = compiled(r"^\s*(?:and|but|while|as|so)\s+")
_SPEAKER_LEAD = compiled(r"^.*\b(?:(?:said|says|say|wrote|writes|added|argued|argues|warned|warns?|noted|believes|believed|"
                         r"hopes?|hoped|fears?|feared|thinks?|thought|expects?|expected|assess(?:es|ed)?|estimates?|estimated|"
                         r"calculates?|calculated|judges?|judged)\s+"  # ("Moscow hopes that taking X would"; "assesses that capturing X would")
                         r"(?:(?:on|last|late|early|in)\s+\w+\s+)?(?:that\s+)?|"
                         r"(?:and|but|or)\s+that\s+|"  # (a second reported clause: "... and that the loss of X would")
                         # (a judgement's clause: "it is unlikely that the fall of X would")
                         r"\b[Ii]t\s+(?:is|was|seems|remains)\s+(?:(?:highly|very|most|not|far\s+from)\s+)?(?:un)?(?:likely|possible|probable|"
                         r"clear|certain)\s+that\s+|"
                         r"(?:told|tells)\s+(?:[\w’'-]+\s+){1,3}?that\s+)")  # ("told Izvestia that the liberation of X would")
_FOLLOWED = compiled(r"^[^;:“”\"]{0,40}?,?\s+(?:followed by|and then|then)\s+(?:the\s+(?:town|city|village)\s+of\s+)?$|"
                     # ("X had been retaken, as had the nearby village of Y": the verb gapped after "as")
                     r"^\s*,?\s+as\s+(?:had|has|have|was|were|did)\s+(?:the\s+)?(?:(?:nearby|neighbou?ring|adjacent)\s+)?"
                     r"(?:(?:town|city|village|settlement)\s+of\s+)?$")
# a gapped verb with the day of its own: "had taken A on the 14th, and on the 18th B" (B ending the clause:
# not "and on Wednesday B came under shelling")
_AND_THEN_PLACE = compiled(r"[^;:“”\"]{0,40}?,?\s+and\s+(?:the\s+(?:town|city|village)\s+of\s+)?")
_FOLLOWED_AFTER = compiled(r"\s+(?:soon\s+|quickly\s+|then\s+)?followed\b(?!\s+by\b)")  # (its own time may come after it)
_FOLLOWED_DATED = compiled(r"^[^;:“”\"]{0,40}?,?\s+and\s+(?:then\s+)?(?:on|in|by)\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?|"
                           r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|" + _MONTH + r"(?:\s+\d{1,2})?|\d{1,2}\s+" + _MONTH + r")"
                           r"\s+(?:the\s+(?:town|city|village)\s+of\s+)?$")
_CLAUSE_ENDS_HERE = compiled(r"\s*(?:[,.;:)]|$)")


def _followed_by(view: SentenceView, end: int, last: Target, trigger: Trigger) -> list[Target]:
    """"X fell in December, followed by Y in February": the same change, later, at Y."""
    after = max(end, last.place.end if last.place else end)
    ref = next((r for r in view.places if r.start >= after and r.is_settlement), None)
    if ref is None or not _allowed(ref, trigger):
        return []
    gap = view.text[after:ref.start]
    if _AND_THEN_PLACE.fullmatch(gap) and _FOLLOWED_AFTER.match(view.text, ref.end):
        return [Target(ref, position=ref.start)]  # "retook A and B within days, and C followed on 1 October"
    if _TIME_FIRST_GAP.fullmatch(gap):
        # "liberated A in February, in May B, and in October C and D": each later time told before its places
        listed, previous = [ref], ref
        for later in (r for r in view.places if r.start >= ref.end and r.is_settlement):
            between = view.text[previous.end:later.start]
            if not (_TIME_FIRST_GAP.fullmatch(between) or _PLAIN_AND.fullmatch(between)):
                break
            listed.append(later)
            previous = later
        return [Target(r, position=r.start) for r in listed if _allowed(r, trigger)]
    if not _FOLLOWED.match(gap) and not (_FOLLOWED_DATED.match(gap) and _CLAUSE_ENDS_HERE.match(view.text, ref.end)):
        return _gapped_dated(view, after, trigger)
    # ("followed by A in July and B in August": each later place with its own time)
    time = _GAPPED_TIME_AFTER.match(view.text, ref.end)
    return [Target(ref, position=ref.start)] + (_gapped_dated(view, time.end(), trigger, _GAPPED_NEXT_GAP) if time else [])


# a gapped verb over places each with its own time: "A fell in October 2024, B that same month, and C in
# January 2025", "liberated A around June 11, and B later that month" (the first place's own time
# first; each later place followed by its time alone)
# (or with no comma, the first place's time last in a longer phrase: "liberated A and B in the X region in
# a lightning counteroffensive in September and then C in November")
# (or after semicolons, each item with its own day: "took A on Monday; B on Tuesday; and C on Thursday")
# (or its preposition said again: "withdrew from A in late June and from B in early July", "from A on Monday, and from
# B and C overnight")
# (and "regained control of A city on 11 November, and of B in the X region the day before")
_GAPPED_FIRST_GAP = compiled(r"(?:\s+city)?\s+(?:in|on|by|around|about|at\s+the\s+(?:end|start|beginning)\s+of)\s+[^,;:]{1,30}?"
                             r"(?:\s*[,;]\s+(?:and\s+)?(?:(?:of|from|out\s+of)\s+)?|\s+and\s+(?:from|out\s+of|of)\s+)$|"
                             r"\s+[^,;:.]{0,80}?\b(?:in|by)\s+(?:(?:early|late|mid-?)\s*)?" + _MONTH + r"(?:\s+(?:19|20)\d\d)?\s+and\s+(?:then|later)\s+$")
_TIME_FIRST_GAP = compiled(r"\s*,\s+(?:and\s+)?" + _IN_MONTH + r"\s+")  # ", in May B", ", and on 3 March C": a later item's time told first
_GAPPED_NEXT_GAP = compiled(r"\s*[,;]\s+(?:and\s+)?$|\s+and\s+$")
# a list item's short aside between its place and its time: "and C, some 40 km further south, on Thursday" (also
# read by events/drafts.py for the item's day and events/claimants.py for the speaker after the items)
ITEM_ASIDE = r"(?:,\s+[^,;:]{1,50},)?"
_GAPPED_TIME_AFTER = compiled(ITEM_ASIDE + r"(?:\s+in\s+(?:neighbou?ring\s+|the\s+)?[A-Z][\w’'-]+\s+(?:[Oo]blast|[Rr]egion|[Pp]rovince))?"
                              r"\s+(?:(?:in|on|by)\s+(?:(?:early|late|mid-?)\s*)?(?:" + _MONTH + r"(?:\s+\d{1,2})?(?:,?\s+(?:19|20)\d\d)?|"
                              r"(?<=on\s)" + _WEEKDAY + r"(?:\s+(?:morning|afternoon|evening|night))?|"
                              r"\d{1,2}\s+" + _MONTH + r"(?:\s+(?:19|20)\d\d)?|(?:19|20)\d\d|the\s+(?:spring|summer|autumn|winter)(?:\s+of\s+(?:19|20)\d\d)?)|"
                              r"that\s+same\s+(?:day|week|month|year)|(?:a|one|two|three|four|five|several)\s+(?:days?|weeks?|months?)\s+later|"
                              r"later\s+(?:that|the\s+same)\s+(?:day|week|month|year)|the\s+(?:next|following|previous)\s+(?:day|week|month)|"
                              r"the\s+(?:day|week|month)\s+before|a\s+(?:day|week)\s+earlier|"
                              r"days\s+later|overnight|yesterday|last\s+night|(?:early\s+|late\s+)?(?:this|that|the\s+next)\s+(?:morning|evening))"
                              r"(?=\s*[,.;]|\s+and\b|\s*$)")


def _gapped_dated(view: SentenceView, after: int, trigger: Trigger, gap_rule: re.Pattern[str] | None = None) -> list[Target]:
    """"A fell in October 2024, B that same month, and C in January 2025": B and C, each with its time
    (``gap_rule``: the gap before the first of them, when ``after`` is not the first place's end)."""
    out: list[Target] = []
    gap_rule = gap_rule or _GAPPED_FIRST_GAP
    waiting: list[PlaceRef] = []  # (the items of a list before its time: "B and C in April")
    for ref in (r for r in view.places if r.start >= after):
        if not ref.is_settlement or not (gap_rule.fullmatch(view.text, after, ref.start)
                                         or waiting and _PLAIN_AND.fullmatch(view.text, waiting[-1].end, ref.start)):
            break
        time = _GAPPED_TIME_AFTER.match(view.text, ref.end)
        waiting.append(ref)
        if time is None:
            continue
        out += [Target(r, position=r.start) for r in waiting if _allowed(r, trigger)]
        waiting = []
        after, gap_rule = time.end(), _GAPPED_NEXT_GAP
    return out


def _without_unknown_names(gap: str) -> str:
    """"X in the Y region and Xyzivka were liberated": the gap to the verb without the names the
    gazetteer lacks and the "and" or comma that joined them."""
    return _LAST_UNKNOWN.sub(" ", _UNKNOWN_NAMES.sub("", gap))


def _list_after(view: SentenceView, position: int, trigger: Trigger, rules: Rules) -> list[Target]:
    """Settlements listed after a pointer object: "the town as well as the villages of A and B"."""
    text = view.text
    noun = rules.places.coreference_nouns.match(text, position)
    after = noun.end() if noun else position
    refs = [r for r in view.places if r.start >= after]
    out: list[Target] = []
    chain_end = after
    for ref in refs:
        if not ref.is_settlement:
            continue
        if not _glue_ok(text[chain_end:ref.start], rules):
            break
        if _allowed(ref, trigger):
            out.append(Target(ref, position=ref.start))
        chain_end = ref.end
    return out


_PART_COMPOUND = compiled(r"\s+(?:centre|center|outskirts|suburbs?|districts?|square|hall|council|blocks?|quarters?)\b")
_TAKING = frozenset({EventType.CAPTURE, EventType.RECAPTURE, EventType.PARTIAL, EventType.WITHDRAWAL})  # verbs with an object
_UNTOLD_BEFORE = compiled(r"\b(?:did not|didn['’]t|would not|wouldn['’]t|declined to|refused to|could not|couldn['’]t|"
                          r"does not|doesn['’]t|do not|don['’]t)\s+(?:say|specify|disclose|reveal|clarify|know|tell|explain)\s+"
                          r"(?:\w+\s+){0,2}?(?:how many|how much|how long|whether|if)\b[^.;:,]*$")
# a demand made of a side ("Russia demands that Ukraine withdraw from X", "Moscow's demand that Kyiv pull its troops
# out of X", "called on Ukrainian forces to leave X"): what one side asks of the other is no change (not "insisted
# that its troops had withdrawn": told as done)
_DEMANDED_BEFORE = compiled(r"\b(?:demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|requir(?:es?|ed|ing)|call(?:s|ed|ing)?\s+on|urg(?:es?|ed|ing)|"
                            r"want(?:s|ed|ing)?|ask(?:s|ed|ing)?|press(?:es|ed|ing)?|pressur(?:es?|ed|ing)|ultimatum\s+for|"
                            r"conditions?(?:\s+(?:include|includes|included|are|is|was|were))?\s+that)\s+"
                            r"(?:that\s+)?(?!(?:had|has|have|was|were|is|are|it|its|they|their)\b)(?:[\w’'-]+\s+){1,3}?(?:to\s+)?"
                            # ("calls on Ukraine to cede Crimea and withdraw its troops from X")
                            r"(?:(?:[\w’'-]+\s+){1,3}and\s+)?$", re.I)
_AUXILIARY = compiled(r"\b(?:had|has|have|was|were|is|are|been|being)\b", re.I)
# a change named as what one side asks for ("A Ukrainian withdrawal from X is Moscow's key demand"): asked, not done
# (or its aim, or a thing refused: "the capture of X ... is the ultimate objective", "pulling our troops out of X is not
# on the table"; not a clause of its own between: "took X, which is ...")
_IS_A_DEMAND_AFTER = compiled(r"(?:(?!\bwhich\b)[^.;:!?]){0,100}?\b(?:(?:is|was|remains?|remained|has\s+been|would\s+be|became)\s+(?:still\s+|simply\s+)?"
                              r"(?:(?:one\s+of\s+)?(?:[\w’'-]+['’]s\s+|an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
                              r"(?:demands?|conditions?|preconditions?|requirements?|ultimatum)\b|"
                              r"(?:not\s+on\s+the\s+table|off\s+the\s+table|out\s+of\s+the\s+question|unacceptable|non-negotiable|"
                              r"not\s+negotiable|something\s+no\b|not\s+an\s+option|no\s+option))|"
                              # (an aim only while it is one: "is the ultimate objective", not "was the main objective of the
                              # week's fighting", which was met)
                              r"(?:is|remains?|would\s+be)\s+(?:still\s+)?(?:one\s+of\s+)?(?:[\w’'-]+['’]s\s+|an?\s+|the\s+|its\s+|their\s+)?"
                              r"(?:[\w’'-]+\s+){0,3}?(?:objectives?|goals?|aims?|priority|priorities|matter\s+of\s+honou?r)\b)", re.I)
# (nor a change the gap dates or reports as made: "the capture of X, announced by Moscow on Sunday, ...")
_TOLD_AS_DONE = compiled(r"\b(?:announced|claimed|reported|confirmed|completed|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                         r"yesterday|last\s+(?:week|month|year)|in\s+(?:January|February|March|April|May|June|July|August|September|October|"
                         r"November|December|(?:19|20)\d\d))\b")
# "would not stop until Ukraine withdraws from X", "unless Kyiv pulls out of X", "once Russian troops withdraw": a condition
# yet to be met
_UNTIL_BEFORE = compiled(r"\b(?:until|unless|till|once(?!\s+(?:again|more)\b))\s+(?!(?:the|its|their|his|her)\s)(?:[\w’'-]+\s+){1,4}?$", re.I)
_PAST_FORM = compiled(r"(?:ed|drew|drawn|left|took|taken|fell|fallen|lost|won|went|gone|got|retook)\b", re.I)
# "demanded that Kyiv recognise the loss of X": a loss asked to be accepted, not one told
_RECOGNISE_BEFORE = compiled(r"\b(?:demand\w*|insist\w*|call\w*\s+on|urg\w*|want\w*|ask\w*|requir\w*|press\w*|condition\w*)\s+"
                             r"(?:that\s+)?(?:[\w’'-]+\s+){1,3}?(?:to\s+)?(?:formally\s+|officially\s+)?"
                             r"(?:recogni[sz]e|accept|acknowledge|cede|concede)\s+(?:the\s+)?$", re.I)
_ACTIVE_AFTER_IT = compiled(r"it\s+(?:(?:has|have|had|now|already|finally|reportedly)\s+)*")
_PERFECT_BEFORE = compiled(r"\b(?:have|has|had|having)\s+(?:\w+\s+)?$")
_POINTER_INSIDE = compiled(r"\bof\s+([Tt]he\s+(?:city|town|village|settlement))\b")
# a sentence opening on a pointer whose clause or apposition comes before its verb
# ("the village that Ukrainian troops retook last August"; not an apposition, "X, the town that Ukrainian units left")
_POINTER_THAT_DONE = compiled(r"(?<!,\s)\b(?P<pointer>[Tt]he (?:" + _PLACE_KINDS + r"))\s+(?:that|which)\s+(?:(?!is\b|was\b|has\b|had\b)[\w’'-]+\s+){1,3}$")
_POINTER_BEFORE_ITS_CLAUSE = compiled(
    r"\s*(?P<pointer>[Tt]he (?:" + _PLACE_KINDS + r"))\s*,\s+(?:which|where|whose|once|a|an|home to|"
    # ("The village, seized by Russian forces in 2022, is now fully under Ukrainian control")
    r"(?:seized|captured|occupied|taken|held|liberated|retaken|recaptured|shelled|destroyed|razed|flattened|abandoned)\s+(?:by|in|on|during|since|for|early|late|last)\b)"
    r"[^;:,]{0,160},\s+"
    r"(?:(?:has|have|had|was|were|is|are)\s+)?(?:(?:been|now|already|reportedly|finally|since|fully|completely)\s+){0,2}$")


_ABOUT_ITS_GAIN = compiled(r"\b(?:about|of|on|regarding)\s+(its)\s+[“\"‘']?(?:liberation|capture|fall|loss|seizure|surrender)[”\"’']?\s+"
                           r"(?:(?:is|are|was|were|do|does|did|have|has)\s+)?(?:not\s+)?$")
# ("saying it was back under ...", '"It is theirs now"', '"It's mostly theirs"', '"It's not theirs"')
_IT_RIGHT_BEFORE = compiled(r"(?:\bit|(?:^|[“\"‘]\s*|^[A-Z][\w.’' -]{1,40}:\s+)It)(?P<copula>['’]s)?\s+$")  # (a transcript's "NAME: It's")
# ('"It is a grey zone"', '"It's contested"': said of a place)
_GREY_ZONE_OR_CONTESTED = compiled(r"(?:is|was|has\s+become|had\s+become)\s+(?:now\s+|already\s+|effectively\s+|basically\s+|just\s+)?(?:a|the)\s+gr[ae]y\s+zone\b"
                           r"|(?:still\s+|now\s+)?contested\b")
_STATE_UNDER = compiled(r"[^.;]{0,30}?\b(?:under|theirs)\b", re.I)  # (its copula before it: "it's mostly theirs")
_COPULA_UNDER = compiled(r"(?:is|are|was|were|has\s+been|had\s+been)\b" + _STATE_UNDER.pattern, re.I)
_SAID_OF_A_THING = compiled(r"\b(?:pointing|points|pointed)\s+(?:at|to)\b|\b(?:showing|holding up|holding)\s+(?:a|an|the|his|her|their)\s|"
                            r"\b(?:said|says|added|explained|laughed|joked)\s+(?:of|about)\s+(?:a|an|the|his|her|their|its|some)\s+"
                            r"(?!(?:town|village|city|settlement|place)\b)|\btalking\s+about\s+(?:a|an|the|his|her|their)\s|"
                            r"\bwhen\s+asked\s+(?:whether|if)\b|\bwhen\s+asked\s+about\s+(?:a|an|the|his|her|their)\s+"
                            r"(?!(?:town|village|city|settlement)\b)", re.I)


_TO_PLURAL_POINTER = compiled(r"[”\"’']?\s+(?:(?:control|hold)\s+of\s+|(?:of|from)\s+)?$")  # (what may stand between the phrase and its object: "pulled out of both towns")
# (also the second of two passives: "All four had been held by Russian troops and were freed by Ukraine")
_PLURAL_SUBJECT_GAP = compiled(r"\s+(?:(?:have|has|had|were|are|was|been|being|now|also|both|all|then|later|since|"
                               r"reportedly|already|fully|completely)\s+)*$"
                               r"|\s+(?:had|have|were|was)\s+[^.;:]{1,160}?\s+and\s+(?:were|(?:had|have)\s+been)\s+(?:later\s+|then\s+)?$")


def _plural_pointer_target(text: str, left: int, start: int, end: int, right: int) -> Target | None:
    """A plural pointer right after the phrase ("retook both villages") or opening its clause as the
    subject of its passive ("Both villages were liberated"), as a pointer target; else None."""
    if "both" not in text.lower() and "two" not in text and "three" not in text and "four" not in text:
        return None
    after = PLURAL_POINTER.search(text, end, right)
    if after is not None and _TO_PLURAL_POINTER.fullmatch(text, end, after.start()):
        return Target(None, pointer=after.group(), position=after.start())
    before = None
    for before in PLURAL_POINTER.finditer(text, left, start):
        pass
    if before is not None and _PLURAL_SUBJECT_GAP.fullmatch(text, before.end(), start):
        return Target(None, pointer=before.group(), position=before.start())
    return None


def _pointer(text: str, start: int, end: int, right: int, rules: Rules, reach: int = _POINTER_WORDS,
             transitive: bool = False, taking: bool = False) -> Target | None:
    """"captured the town", "retook it", "the village has been liberated", "fighting continues there"."""
    if transitive and _AREA_OBJECT_NEXT.match(text, end):
        return None  # "since Russia seized the region": an object of its own, no place told before
    inside = _POINTER_INSIDE.search(text, start, end)
    if inside is not None:  # "half of the village is under Russian control": the phrase holds it
        return Target(None, pointer=inside.group(1), position=inside.start(1), share=True)
    ahead = text[end:right]
    words = ahead.split()[:reach]
    window = " ".join(words)
    for pattern in (rules.places.coreference_nouns, rules.places.coreference_pronouns):
        m = pattern.search(window)
        # "the town of X" names X itself ("cleared the village of Russian troops" does not)
        # (nor "this town of about 5,000 people", its size)
        if m and not re.match(r"\s*of\b(?!\s+(?:the\s+)?(?:Russian|Ukrainian|enemy|occupiers|invaders)\b)"
                              r"(?!\s+(?:about|around|some|roughly|nearly|almost|over|more\s+than|fewer\s+than|\d))", window[m.end():]):
            gap = window[:m.start()]
            if _NEAR_GAP.search(gap) and not (_AND_AROUND.fullmatch(gap) and _IN_END.search(text, 0, end)):
                return None  # "retaking ground around the city": land near it, not the place (but "in and around" it)
            if len(gap.split()) + len(m.group().split()) > _POINTER_WORDS and not _POSITIONS.search(gap):
                return None  # (the longer reach is for positions only: not "abandoned vehicles on a road east of the town")
            if m.group() == "it" and _REGION_TOLD_BEFORE.search(text, max(0, start - 60), start):
                return None  # "the first village in the region retaken since Russia seized almost all of it": the region
            share = rules.partial_share.search(gap) is not None or m.group().startswith("its ") \
                or _PART_OBJECT_NEXT.match(window, m.end()) is not None \
                or taking and _PART_COMPOUND.match(window, m.end()) is not None  # "the town's administrative buildings", "took the town centre"
            return Target(None, pointer=m.group().split()[0] if m.group().startswith("its ") else m.group(),
                          position=end + ahead.find(m.group()), share=share)
    behind = text[max(0, start - 60):start]
    # (a sentence opening on "Its capture" only when told as done: "Its liberation, announced by ...")
    if (behind.endswith(("its ", "the town's ", "the city's ", "the village's "))
            or behind.endswith("Its ") and _ANNOUNCED_AFTER.match(text, end)) and \
            re.match(r"(?:capture|fall|liberation|loss|occupation|recapture|seizure|surrender)\b", text[start:end], re.I):
        return Target(None, pointer="it", position=start - 4)  # "since its capture in May": the place's
    about = _ABOUT_ITS_GAIN.search(behind)
    if about is not None:  # "reports about its "liberation" do not correspond to reality": the place's
        return Target(None, pointer="it", position=start - len(behind) + about.start(1))
    m = None
    for m in rules.places.coreference_nouns.finditer(behind):
        pass
    if m is not None and _SUBJECT_GAP.match(behind[m.end():]) and not rules.terrain_of.search(behind, 0, m.start()):
        # "about half of the village is ours": a share of it
        share = rules.partial_share.search(" ".join(behind[:m.start()].split()[-4:])) is not None
        return Target(None, pointer=m.group(), position=start - len(behind) + m.start(), share=share)
    it = _IT_RIGHT_BEFORE.search(behind)
    grey_zone = it is not None and _GREY_ZONE_OR_CONTESTED.match(text, start, end) is not None
    if it is not None and (_SAID_OF_A_THING.search(text, end)
                           or "It" in it.group() and "theirs" not in text[start:end].lower() and not grey_zone):
        # (a sentence's own "It was under Russian control" may be of anything; a speaker's "It is theirs" or "It is
        # a grey zone" is of a place, unless the words after say what it is: '"It is theirs now," he said of a looted car')
        it = None
    if it is not None and (grey_zone or (_STATE_UNDER if it.group("copula") else _COPULA_UNDER).match(text, start, end)):
        # "saying it was back under Ukrainian control", '"It's mostly theirs"', '"It is a grey zone"'
        return Target(None, pointer="it", position=start - len(behind) + it.end() - len(it.group().lstrip("“\"‘ ")))
    m = _POINTER_BEFORE_ITS_CLAUSE.match(text, 0, start) or _POINTER_THAT_DONE.search(behind)
    if m is not None:  # "The village, which lies near the border, had been occupied by ...": the village
        # (and "the village that Ukrainian troops retook last August": what the relative clause is of)
        return Target(None, pointer=m.group("pointer"), position=start - len(behind) + m.start("pointer")
                      if m.re is _POINTER_THAT_DONE else m.start("pointer"))
    # "X, the village Ukraine recaptured last August": a clause on the place, its relative word left out
    # (its place may be told first: ", a village in southern Donetsk region that Ukrainian troops ...")
    reduced_behind = text[max(0, start - 110):start]
    m = _REDUCED_RELATIVE.search(reduced_behind)
    if m is not None and not (m.group()[:1] != "," and _LOCATED_BY.search(reduced_behind, 0, m.start())):
        # (a copula's subject is the place itself: not "West of X is a village Russia captured")
        return Target(None, pointer="which", position=start - len(reduced_behind) + m.start())
    m = _PARTICIPLE_APPOSITION.search(behind)
    if m is not None and taking and _PARTICIPLE.fullmatch(text, start, end) and _PARTICIPLE_TAIL.match(text, end):
        # "Umanske, taken in May 2023, lies in ruins": a past participle set after the place (not a
        # verb with an object of its own: "shelled A, captured B")
        return Target(None, pointer="which", position=start - len(behind) + m.end())
    m = _LAST_TO_BE.search(behind)
    if m is not None:  # "X was the last settlement to be liberated": X, the subject
        return Target(None, pointer="which", position=start - len(behind) + m.start())
    m = _WHERE_BEFORE.search(behind)
    if m is not None:  # "attacks inside X, where street battles go on", "X, where marines had gained a foothold"
        return Target(None, pointer="which", position=start - len(behind) + m.start())
    m = _KIND_THAT_WAS.search(behind)
    if m is not None:  # "X, a village that was occupied in March 2022": X, the apposition's
        return Target(None, pointer="which", position=start - len(behind) + m.start())
    wider = text[max(0, start - 220):start]  # (the speaker's words between: "which the ministry said in November had been")
    m = _WHICH_SAID_IT.search(wider)
    if m is not None:  # "X, which Russia said it had captured / claimed to have taken": "which" is the place
        return Target(None, pointer="which", position=start - len(wider) + m.start())
    m = re.search(r"\b(?<!\bto )(?<!\btowards )(?<!\binto )(?:it|which|It)\s+(?:(?:Russia|Ukraine|Moscow|Kyiv|Kiev|(?:the\s+)?Russians|(?:the\s+)?Ukrainians|(?<=which )(?:they|it|we))\s+|"
                  r"(?:(?:Russian|Ukrainian|Russia['’]s|Ukraine['’]s|Moscow['’]s|Kyiv['’]s|its|their|the|"
                  r"enemy|Wagner|Chechen)\s+){0,2}(?:(?:troops|forces|army|military|units|soldiers|marines|paratroopers|defenders|fighters|mercenaries|"
                  r"(?:[Dd]efen[cs]e\s+)?[Mm]inistry|MoD|Kremlin|"
                  r"Defen[cs]e\s+Forces|Armed\s+Forces|assault\s+(?:units|groups)|(?:\d+(?:st|nd|rd|th)\s+)?"
                  r"(?:[A-Z][\w-]+\s+){0,2}(?:Brigade|Corps|Division))(?:\s+|(?=,\s)))?)"
                  # (an aside on the force between: "which Russian forces, spearheaded by Wagner, captured")
                  r"(?:,\s+(?:spearheaded|led|backed|supported|aided|helped|joined|reinforced)\s+by\s+[^,;:.]{1,50},\s+)?"
                  r"(?:(?:has|have|had|was|were|is|are|been|being|now|already|finally|reportedly|likely|probably|possibly|effectively|also|soon|subsequently|"
                  r"completely|fully|entirely|eventually|quickly|swiftly|briefly|later|then|first|ultimately|partly|partially|largely|"
                  r"(?:appears?|appeared|seems?|seemed|(?:is|are|was|were)\s+(?:said|believed|thought|reported))\s+to(?=\s+have\b))\s+)*$", behind)
    # ("the ministry says it has captured": "it" is who took, not what; "it was captured" is the place)
    if m is not None and m.group().startswith("It") and (text[:start - len(behind) + m.start()].strip(" “\"‘'")
                                                         or not _IT_WAS_TAKEN.fullmatch(m.group())
                                                         or not _PARTICIPLE.fullmatch(text, start, end)):
        m = None  # (a capital "It" only opening the sentence, in the passive: "X lies near the border. It was occupied in
        # March 2022"; not a state: '"It is ours"', "It has been a grey zone")
    if m is not None and not (transitive and m.group().lower().startswith("it") and _ACTIVE_AFTER_IT.fullmatch(m.group())):
        before = behind[:m.start()]
        # ('"Half of it is ours"': a share of it)
        share = before.rstrip().endswith(" of") and rules.partial_share.search(" ".join(before.split()[-4:])) is not None
        return Target(None, pointer=m.group().split()[0].replace("It", "it"), position=start - len(behind) + m.start(), share=share)
    if not ahead.strip(" ,.;:”\"'"):
        # "the only village that the Ukrainians were able to liberate": a relative clause ending in it
        wider = text[max(0, start - 120):start]
        # (not where they went: "a village to which the withdrawing units fell back")
        m = re.search(r"\b(?:" + _PLACE_KINDS + r"|locality|" + _DISTRICT_CENTRE + r")\b[^,;:]{0,40}?\b(?<!\bto )(?<!\btowards )(?<!\binto )"
                      r"(?:that|which|whom)\s+(?:[\w’'-]+\s+){0,6}$", wider)
        if m is not None:
            return Target(None, pointer="which", position=start - len(wider) + m.start())
    return None


_ONLY_NOT_WHOLE = compiled(r"the\s+(?:entire|whole)\s", re.I)
_WHOLE_BEFORE = compiled(r"\b(?:all\s+of|the\s+whole\s+of|the\s+entire|the\s+whole)\s+$", re.I)
_THEM_AFTER = compiled(r"\s+(?:(?:all\s+)?them|all\s+of\s+them|both\s+of\s+them)\b", re.I)
# a list line that opens on one name and a colon, a participle after it: "- A: cleared of Russian troops"
# (a timeline's day before it: "- 23 Nov — A: occupied"; a map's move after it: "- A: moved into the grey zone")
_NAME_LABEL = compiled(r"\s*(?:[-–—•*▪►\U0001F300-\U0001FAFF\u2600-\u27BF]\s*|\d{1,2}[.)]\s*)?"
                       r"(?:(?:\d{1,2}\s+" + _MONTH_SHORT + r"|" + _MONTH_SHORT + r"\s+\d{1,2})(?:,?\s+(?:19|20)\d\d)?\s*[—–:]\s*)?"
                       r"(?P<name>[A-ZА-ЯІЇЄ][\w’'-]+(?:[ -][A-ZА-ЯІЇЄ][\w’'-]+)?)\s*:\s*"
                       r"(?:(?:fully|completely|finally|partly|partially|reportedly|now|officially|newly)\s+)?"
                       r"(?:(?:moved|shifted|slipped|turned|gone|went|now)\s+(?:in)?to\s+(?:the\s+)?|(?:marked|shown|listed)\s+(?:as\s+)?(?:(?:in|a)\s+)?(?:the\s+)?)?")
_NO_ONES_STATE = compiled(r"(?:gr[ae]y\s+zone|contested|disputed)", re.I)  # a map's state that is no one's ("- A: grey zone")
# fighting told of a part of the place a line opens on ("- X: street fighting in the central quarters"; not "fighting
# continues in the Y direction": another place)
_FIGHTING_ALONE = compiled(r"(?:(?:heavy|fierce|intense|street|urban|house-to-house)\s+)+(?:fighting|battles|clashes)(?:\s+in)?", re.I)
_PART_OF_IT_NEXT = compiled(r"(?:\s+the\s+(?:[\w-]+\s+){0,2}?(?:quarters?|districts?|streets|centre|center|part|outskirts|neighbou?rhoods?)\b)?\s*(?:[,.;]|$)", re.I)
# a sentence that opens on names and a colon or dash: "A, B and C: ..." (two or more)
_NAMES_THEN_COLON = compiled(r"\s*(?P<names>[A-ZА-ЯІЇЄ][\w’'-]+(?:[ -][A-ZА-ЯІЇЄ][\w’'-]+)?(?:\s*,\s*[A-ZА-ЯІЇЄ][\w’'-]+(?:[ -][A-ZА-ЯІЇЄ][\w’'-]+)?)*"
                             r",?\s+and\s+[A-ZА-ЯІЇЄ][\w’'-]+(?:[ -][A-ZА-ЯІЇЄ][\w’'-]+)?)\s*(?::|\s[—–]\s)")


def _told_already(view: SentenceView, position: int, changes: list[Change]) -> bool:
    """Whether the place right before ``position`` (", where ...") is a target of a change the sentence told before,
    or of one only intended ("preparing to enter X, where fighting goes on near the canal")."""
    before = [p for p in view.settlements if p.end <= position and not view.text[p.end:position].strip(" ,")]
    if not before:
        return False
    # (a holding told is no change: "still held A and B, including C, where fighting goes on" tells the fight)
    return any(t.place is not None and t.place.key == before[-1].key for c in changes if c.kind is not EventType.DENIAL
               for t in c.targets) \
        or _INTENDED_BEFORE.search(view.text, max(0, before[-1].start - 50), before[-1].start) is not None


_INTENDED_BEFORE = compiled(r"\b(?:preparing|prepared|prepare|planning|planned|plan|plans|hoping|hoped|hope|hopes|trying|tried|try|"
                            r"aiming|aimed|aim|aims|seeking|sought|about|attempting|attempted|want|wants|wanted|intend|intends|intended)"
                            r"\s+to\s+(?:[\w-]+\s+){1,2}$", re.I)


_KIND_THAT_WAS = compiled(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:" + _PLACE_KINDS + r")\s+that\s+"
                          r"(?:(?:has|have|had|was|were|is|are|been|first|briefly)\s+)+$")


def _last_before(pattern: re.Pattern[str], text: str, start: int, stop: int) -> re.Match[str] | None:
    """The last match of ``pattern`` from start that ends by stop."""
    last = None
    for m in pattern.finditer(text, start, stop + 60):  # not cut at stop: a lookahead may read past it
        if m.start() >= stop:
            break
        if m.end() <= stop:
            last = m
    return last


def _ends_near(pattern: re.Pattern[str], text: str, start: int, stop: int, within: int) -> bool:
    """Whether a match of ``pattern`` in text[start:stop] ends at most ``within`` characters before stop."""
    last = _last_before(pattern, text, start, stop)
    return last is not None and stop - last.end() <= within


# the denier's own next clause: what it says there is asserted
SAYING_NEXT = compiled(r",\s+(?:(?:and|but)\s+)?(?:saying|adding|stating|insisting|noting|explaining)\s+(?:that\s+)?|"
                        r"\band\s+(?:said|added|stated|insisted|noted)\s+(?:that\s+)?")
# a clause of its own after the change, and what in it may point back to the change's claim
_CONTRAST = compiled(r"[,;]\s+(?:but|while|although|though|yet|whereas)\b|\s+but\s+(?=(?:said|says|added|insisted|stressed|noted)\b)")
_POINTS_TO_CLAIM = compiled(r"\b(?:it|this|that|these|those|such|claims?|reports?|statements?|assertions?|allegations?|"
                            r"announcements?|news|information|words)\b", re.I)


# a modal verb whose verb phrase goes on with "and" up to the trigger ("would hand it over and withdraw")
_IRREGULAR_PAST = frozenset({"took", "retook", "fell", "left", "overran", "won", "lost", "held", "broke", "drove", "withdrew",
                             "gave", "came", "went", "fought"})
_MODAL_THEN_AND = compiled(r"\b(?:would|will|could|might|may|shall|should|must|can)\s+(?:[\w’'-]+\s+){1,8}?and\s+(?:then\s+)?$|"
                           # (an aim's infinitive goes on with "and": "Russia's aim is to cut the road into X and take the town")
                           r"\b(?:aim|goal|plan|objective|task|intention)s?\s+(?:is|was|are|were)\s+to\s+(?:[\w’'-]+\s+){1,8}?and\s+(?:then\s+)?$")


_OTHER_CLAIMS = compiled(r"\b(?:other|remaining|further|rest\s+of\s+the)\s+(?:[\w-]+\s+)?(?:claims?|reports?|statements?|assertions?)\b")
# a denier's own admission after a contrast: "denied that X had fallen but admitted pulling back from Y"
_BUT_OWNS = compiled(r"(?:,\s*|\s)(?:but|yet)\s+(?:(?:it|he|she|they|(?:the|its|their)\s+\w+)\s+)?(?:also\s+)?"
                     r"(?:admit|admits|admitted|admitting|concede|concedes|conceded|acknowledge|acknowledges|acknowledged|"
                     r"confirm|confirms|confirmed|say|says|said|add|adds|added|report|reports|reported)\b", re.I)


_IN_FACT = compiled(r"\band\s+that\b[^.;]{0,60}?\b(?:in fact|actually|in reality)\b", re.I)


# the verbs by which a speaker takes back their own claim ("withdrew a report that ...")
_TAKEN_BACK = compiled(r"(?:walked back|retracted|withdrew|took back)\b", re.I)


def _denial(text: str, start: int, end: int, left: int, rules: Rules, fighting: bool = False) -> str:
    """Negated ("have not taken"), failed ("unsuccessful attempts to oust"), refuted ("rejected
    claims that"), retracted ("withdrew a report that") or called false ("reports of X being occupied are false"); "" when asserted."""
    if _ends_near(rules.negation, text, left, start, 2):
        # "will never take Kharkiv", "could not hold X for long": a forecast, not a denial
        # (nor a deed to stop: "our task is to prevent the enemy from entering X")
        return "" if _MODAL_NEGATION.search(text, max(left, start - 30), start) \
            or _TO_PREVENT.search(text, max(left, start - 60), start) else "negated"
    if "neither" in text[left:start].lower() and _NEITHER_NOR.search(text, max(left, start - 160), start):
        return "negated"  # "neither A nor B has been lost"
    if _NEITHER_AFTER.match(text, end):
        return "negated"  # "have captured neither A nor B"
    # (most sentences hold none of the words of a failure or a denial: no need to search them)
    if may_match(rules.failed, text) and _ends_near(rules.failed, text, 0, start, 12):
        return "failed"
    if may_match(rules.denial, text) and _ends_near(rules.denial, text, 0, start, 120):
        # (not fighting told in the denier's next clause: "denied that X had fallen, saying that
        # fighting went on there"; a share still held there is part of the denial)
        denied = _last_before(rules.denial, text, 0, start)
        if denied is not None and (_BUT_OWNS.search(text, denied.end(), start) or _IN_FACT.search(text, denied.end(), start)):
            # "denies X has fallen but admits pulling back from Y": the admission is told as done (so is what
            # happened "in fact": "said the enemy was lying about taking X and that its troops had in fact retaken it")
            pass
        elif not fighting or denied is None or not SAYING_NEXT.search(text, denied.end(), start):
            # (a claim taken back by who made it: "the channel withdrew a report that X had fallen")
            # (not a claim only mentioned in what follows: "walked back its claim, saying reports of X were premature")
            return "retracted" if denied is not None and _TAKEN_BACK.match(denied.group()) \
                and "," not in text[denied.end():start] else "refuted"
    quote_open = max(text.rfind("“", 0, start), text.rfind('"', 0, start), text.rfind("‘", 0, start), text.rfind(" '", 0, start) + 1)
    if quote_open > 0 and _DENIED_QUOTE_BEFORE.search(text, max(0, quote_open - 40), quote_open + 1):
        close = _QUOTED_CLAIM_AFTER.search(text, end)
        if close is not None and not re.search(r"[\"”’]|'(?!\w)", text[quote_open + 1:start]):
            return "refuted"  # 'rejects "X is ours" claim': the quoted claim is the one rejected
    cited = _CITED_REPORT_BEFORE.search(text, max(0, start - 40), start)
    if cited is not None and _CALLED_FALSE.search(text, max(0, cited.start() - 40), cited.start()) and \
            _FALSE_WORD_AFTER.match(text, end):
        return "false"  # "called the claim about the capture of X 'another fantasy'"
    if _CALLED_REPORTS_THAT.search(text, max(0, start - 120), start) and _FALSE_WORD_AFTER.match(text, end):
        return "false"  # 'called reports that Kyiv's troops had captured X "fake"'
    if _REPORT_BEFORE.search(text, 0, start) and _PROVOCATION_AFTER.match(text, end):
        return "false"  # "reports that troops captured X are a provocation" (not "captured X in what Moscow called a provocation")
    stop = text.find(";", end)
    window = min(len(text), end + 90, stop if stop != -1 else len(text))
    false = (rules.falsity.search(text, end, window) if may_match(rules.falsity, text) else None) \
        or rules.falsity_next.match(text, end)
    if false is None:
        return ""
    contrast = _CONTRAST.search(text, end, false.start())
    if contrast is not None and (_POINTS_TO_CLAIM.search(text, contrast.end(), false.start()) is None
                                 or _OTHER_CLAIMS.search(text, contrast.end(), false.start()) is not None):
        # "pulled out of X, but said the talk of an encirclement was exaggerated": something else is false (so are
        # "the other claims": "confirmed the loss of X but said the other claims were false")
        return ""
    # "..., but Kyiv said the claim was false": another voice denies it (events/drafts.py reads the tail)
    tail = rules.denial_tail.search(text, end)
    return "" if tail is not None and tail.start() <= false.start() else "false"


# "neither A nor B had been lost": the list as the subject, right before the phrase (not "neither Kyiv nor the
# army has made any announcement about the liberation of X")
_NEITHER_NOR = compiled(r"\b[Nn]either\b[^;.]{0,80}?,?\s*\bnor\s+(?:the\s+)?(?:(?:nearby\s+|neighbouring\s+)?(?:village|town|city)\s+of\s+)?"
                        r"(?:[A-ZА-ЯІЇЄ][\w’'-]*\s+){1,3}(?:(?:has|have|had|was|were|is|are)\s+(?:yet\s+|ever\s+)?(?:been\s+)?)?$")
_REPORT_BEFORE = compiled(r"\b(?:reports?|claims?|statements?|allegations?|assertions?)\b", re.I)
_PROVOCATION_AFTER = compiled(r"[^.;]{0,60}?\b(?:is|are|was|were)\s+(?:(?:just|simply|another|yet\s+another|pure)\s+)?(?:an?\s+)?"
                                r"(?:information(?:al)?\s+)?provocations?\b", re.I)
_NEITHER_AFTER = compiled(r"\s+neither\s+(?:the\s+(?:village|town|city)\s+of\s+)?(?-i:[A-ZА-ЯІЇЄ])[^.;]{0,60}?\bnor\b", re.I)
_TWO_WORDS = compiled(r"\s*(?:[\w’'-]+\s+){0,2}")
_OF_OR_NEAR_AFTER_QUOTE = compiled(r"[”\"»]\s+(?:of|near|around|outside|in\s+the\s+area\s+of|in\s+the\s+areas\s+of)\s")
_TAKE_VERB = compiled(r"(?:took|take|takes|taken|taking)\b", re.I)


def find_changes(view: SentenceView, rules: Rules, quoted: bool = False) -> list[Change]:
    """Every change of control the sentence tells of, in order (``quoted``: it opens inside a quotation an earlier
    sentence opened: '"By then they were in the centre. It is theirs now, I think.'; its speaker's words)."""
    text = view.text
    if text.rstrip(" \"”’'").endswith("?") and (_DIRECT_QUESTION.match(text) or not (
            _QUOTE_MARK.search(text) or _SPEAKER_LABEL.match(text))):
        # "Has Russia taken Staryi Saltiv?", "Russian troops have established a bridgehead in X?": a
        # question asks, it claims nothing (a quotation inside may tell before it asks; an interviewer's
        # labelled "Is X fully liberated?" is left to the answer that follows it)
        return []
    triggers = find_triggers(text, rules, quoted)
    changes: list[Change] = []
    for n, (start, end, trigger) in enumerate(triggers):
        left, right = clause(text, start, end)
        if _RELATIVE_START.match(text, left) and left > 0 and text[left - 2:left].strip() == "," \
                and "," in text[left:start]:
            # "Russian troops, who Kyiv says have lost thousands, took X": the verb is the main
            # clause's, after the relative clause closed
            left = clause(text, left - 2, left - 2)[0]
        if _RELATIVE_START.match(text, left) and left > 0 and text[left - 2:left].strip() == ",":
            # "X, which Russia says it has captured, had been on the front line since 2014": the
            # relative clause closes at its comma
            comma = text.find(",", end, right)
            right = comma if comma != -1 else right
        if left >= 2 and text[left - 2:left] == ", " and _ASIDE_AT.match(text, left, end):
            # "Russian forces, according to its map, controlled 70 per cent of X": the clause goes on past the aside
            left = clause(text, left - 2, left - 2)[0]
        if (quote_mark := _QUOTED_WORD_BEFORE.search(text, 0, start)) is not None and left > quote_mark.start():
            left = clause(text, max(0, quote_mark.start() - 1), max(0, quote_mark.start() - 1))[0]  # 'his men had "completely" taken X'
        while left > 0 and (quote_mark := _SCARE_QUOTE_ENDING.search(text, max(0, left - 40), left)) is not None:
            # 'its forces had "blockaded" A and B and taken C': words in scare quotes stay in their clause
            left = clause(text, quote_mark.start(), quote_mark.start())[0]
        if left >= 2 and text[left - 1] in "“\"«" and text[left - 2] == " " and text[left:left + 1].isalnum() \
                and not any(q in text[left:start] for q in "”\"»") and _QUOTED_WORDS.match(text, left) is not None \
                and _QUOTE_OPENS_MID_CLAUSE.search(text, max(0, left - 40), left - 1) is not None:
            left = clause(text, left - 2, left - 2)[0]
        if text[end:end + 1] in "”\"»’" and right == end:
            right = clause(text, end + 1, end + 1)[1]  # “praising the capture” of X
            if left == start and start >= 2 and text[start - 1] in "“\"«‘":
                left = clause(text, start - 2, start - 2)[0]  # a word quoted by itself: 'units had "left" X'
        elif text[right:right + 1] in "“\"«" and _TWO_WORDS.fullmatch(text[end:right]):
            right = clause(text, right + 1, right + 1)[1]  # withdrew from "the small villages of A and B"
            if text[right:right + 1] in "”\"»" and _OF_OR_NEAR_AFTER_QUOTE.match(text, right):
                # had taken "more than half" of X; withdrew to "more advantageous positions" near X
                right = clause(text, right + 1, right + 1)[1]
        before = text[left:start]
        if trigger.type in (EventType.CAPTURE, EventType.RECAPTURE) and rules.encircling_after.match(text, end):
            continue  # "our troops are taking the town in a tactical encirclement": a ring round it, no capture
        launch = rules.launch.search(text, left, right) if trigger.type is EventType.CONTESTED else None
        if launch is not None and not (launch.end() <= start and _THEN_AND.search(text, launch.end(), start)):
            # "began a ground and air assault on Kharkiv": an offensive begins, nothing changes hands
            # (but "resumed offensive operations and advanced into X": the second verb tells more)
            continue
        if _TAKE_VERB.match(text[start:end]) and _UNDER_FIRE.match(text, end):
            continue  # "took the northern districts of the town under fire": shelling, not taking
        corrected = _last_before(CORRECTED_BEFORE, text, 0, start)
        # "An earlier version of this story said X had fallen": the outlet takes back what it told, a denial
        # (as annotators code it; "the agency erroneously reported that the ministry claimed X" likewise)
        taken_back = False
        if corrected is not None and not _OWN_REPORT_AFTER.search(text, corrected.end(), start) \
                and not _CORRECTED_FACT.search(text, corrected.end(), start):
            if not _OWN_EARLIER_VERSION.search(text, 0, corrected.end()) or _SAYS.search(text, corrected.end(), start) \
                    or _CLAIM_VERB.match(text, start) or _ANSWERED.search(text, corrected.end(), start + 12):
                # "the ministry wrongly stated that", "erroneously reported that the ministry claimed X", "an earlier
                # version said the brigade had denied (or confirmed) the loss of X": a claim or an answer never made
                continue
            taken_back = True
        if _ANNIVERSARY_BEFORE.search(text, max(0, start - 50), start):
            continue  # "on the anniversary of the city's liberation": a commemoration of history
        if text[start:end].lower().startswith("captured") and (captives := _CAPTIVES_BEFORE.search(text, max(0, start - 40), start)) \
                and _CAPTIVES_AFTER.match(text, end) \
                and not _RELATIVE_OBJECT_OPENS.search(text, max(0, captives.start() - 40), captives.start()):
            # (but "X, which Russian troops captured on Monday": the relative pronoun is what they took)
            continue  # "marines captured during the defence of Mariupol": prisoners, not a place taken
        if _UNTOLD_BEFORE.search(text, max(0, start - 120), start):
            continue  # "He did not say how many soldiers remained in X": asked, not told
        if trigger.type is EventType.WITHDRAWAL and (asked := _DEMANDED_BEFORE.search(text, max(0, start - 80), start)) is not None \
                and not _AUXILIARY.search(asked.group()) and not text[start:end].lower().endswith(("ed", "drew", "drawn", "left")):
            continue  # "Moscow demands that Ukraine withdraw from X": asked of a side, not done
        if (demand := _IS_A_DEMAND_AFTER.match(text, end, min(len(text), end + 120))) is not None \
                and not _PAST_FORM.search(text[start:end]) and not _TOLD_AS_DONE.search(demand.group()) \
                or _UNTIL_BEFORE.search(text, max(0, start - 50), start) and not _PAST_FORM.search(text[start:end]) \
                or _RECOGNISE_BEFORE.search(text, max(0, start - 80), start):
            continue  # a change demanded, aimed at, refused, awaited or to be recognised: not one made
        if trigger.type is EventType.CAPTURE and text[start:end].lower().startswith(("captur", "seiz", "taken")) \
                and _PEOPLE_TAKEN_BEFORE.search(text, max(0, start - 60), start):
            continue  # "Ukrainian soldiers were captured in X": prisoners taken there, not the place
        if _NOT_MEAN_AFTER.match(text, end, min(len(text), end + 80)):
            continue  # "raising a flag in X does not mean the town is taken": the deed said to prove nothing
        if trigger.type is EventType.WITHDRAWAL and _HANDED_OVER.match(text, end, min(len(text), end + 160)):
            continue  # "Wagner began leaving X, handing its positions to regular units": a relief, the side stays
        if trigger.type in _TAKING and _BEEN_BEFORE.search(text, max(0, start - 16), start) and text[start:end].rstrip("”\"’'").endswith("ing") \
                and _FOR_A_WHILE.match(text, end, min(len(text), end + 60)):
            continue  # "the Russians have been 'liberating' it for months": a mocked effort going on, nothing taken
        denial = "" if trigger.type is EventType.DENIAL else "refuted" if taken_back else _denial(
            text, start, end, left, rules, fighting=trigger.type is EventType.CONTESTED)
        if denial == "negated" and _CLAIM_VERB.match(text, start) and not _FORCES_NEGATED.search(text, max(0, start - 40), start):
            continue  # "it has not claimed the village itself": no claim, and nothing denied (not "troops have never claimed X")
        if not denial and _UNANNOUNCED_THAT.search(before) and not _ANNOUNCED_LATER.match(text, end):
            continue  # "the military has not formally announced that the town has been retaken": no claim told
        if not denial:
            # (a quoted word opens a clause of its own: "trying to \"regroup\"" reads the words before the quote)
            # (not across a comma: "was ordered to lay down arms, ending the defence of X" tells it)
            context = before if before.strip(" “\"‘'") or text[:start].rstrip().endswith((",", ";")) \
                else text[max(0, start - 60):start]
            last_words = " ".join(context.split()[-_IRREALIS_WORDS:]).rstrip(" “\"‘'")
            main = _MAIN_AFTER_COMMA.search(last_words)
            if main is not None:
                # "because of the threat of encirclement, its troops had been pulled out": the
                # prospect is the reason's, the main clause after the comma is told as done
                last_words = last_words[main.start() + 1:]
            for purpose in _PURPOSE_CLOSED.finditer(last_words):
                # "In order to avoid encirclement, Ukrainian units withdrew from X", "units, in order to preserve
                # personnel, withdrew": the purpose closes at its comma, the verb after it is told as done
                last_words = last_words[purpose.end():]
            if rules.irrealis_index.holds(last_words) and not (_WHETHER.search(last_words) and _AS_CLAIMED.match(text, right)) \
                    and not _FIRST_TO.search(text, max(0, start - 60), start) \
                    and not (_PERFECT_START.match(text, start) and _REPORTED_TO.search(before)) \
                    and not (trigger.type is EventType.WITHDRAWAL and _ANNOUNCED_WOULD.search(text, max(0, start - 120), start)
                             and not _CONDITION_AFTER.match(text, end) and not _QUOTE_AFTER.match(text, end)) \
                    and not (_RESULT_PARTICIPLE.search(before) and _ORDER_GIVEN.search(before)
                             and text[start:end].split()[0].lower().endswith("ing")):
                able = _ABLE.search(before) or (_ORDERED.search(before)
                                                or (_GOES_ON.search(before) if _FORCES_FROM.match(text, start) else None)
                                                if trigger.type is EventType.WITHDRAWAL
                                                and not _CONDITION_AFTER.match(text, end) else None)
                if able is not None and _PERMITTED.search(able.group()) and (
                        _NOT_OR_WHETHER.search(before, max(0, able.start() - 50), able.start()) or _ROTATION.search(text, end)):
                    able = None  # "had never allowed units to withdraw", "whether it had allowed ...", "... for rotation"
                if able is not None and able.group().lower().startswith("will") and (
                        _CONDITION_AFTER.match(text, end) or _CONDITION_BEFORE.search(text, 0, start)):
                    able = None  # "if the enemy breaks through, we will have to withdraw": a prospect
                # "lay the groundwork to capture Kharkiv"; "may be forced to withdraw" stays a prospect
                if able is None or rules.irrealis_index.holds(" ".join(before[:able.start()].split()[-3:])):
                    continue
            verb = text[start:end].split()[0].lower()
            if _MODAL_THEN_AND.search(before) and not verb.endswith(("ed", "en", "ing", "s")) and verb not in _IRREGULAR_PAST:
                continue  # "his men would hand the city over and withdraw by 25 May": the modal holds for both verbs
            opening = not before.strip() or before.rstrip().endswith(",") and len(before.split()) <= 2 \
                or not _SPEAKER_LEAD.sub("", before).strip()  # (after its speaker: "officials say retaking X is not the goal")
            # (also after its speaker: "Kots said the capture of X would open the way")
            # (also after a comma and a conjunction: "..., and its capture will allow")
            possessive = "'s " if text.startswith(("'s", "’s"), start) else ""  # (a phrase that opens on it: "X's capture")
            noun = (_NOUN_OPENING.fullmatch(before + possessive) is not None
                    or _NOUN_OPENING.fullmatch(_SPEAKER_LEAD.sub("", before) + possessive) is not None
                    or _CONJUNCTION_LEAD.match(before[before.rfind(",") + 1:]) is not None
                    and _NOUN_OPENING.fullmatch(_CONJUNCTION_LEAD.sub("", before[before.rfind(",") + 1:])) is not None) \
                and not text[start:end].lower().endswith(("ed", "en"))
            window = text[end:min(len(text), end + 120)]
            hypothesis = rules.irrealis_after.search(window)
            if hypothesis and (opening and text[start:end].lower().endswith("ing")
                               or noun and _NOUN_THEN_MODAL.fullmatch(window, 0, hypothesis.start())):
                continue  # "Taking Selydove would open the way", "the loss of X would be a blow": a hypothesis
        words = side_words(text, rules)
        if trigger.type is EventType.WITHDRAWAL and text[start:end].lower() == "left" and _THE_PLACE_NEXT.match(text, end) \
                and _NOT_BEFORE.search(text, max(0, start - 7), start) and _ITS_FORCES_NOT.search(text, max(0, start - 50), end) is None:
            continue  # "its soldiers had not left the village" (not "our soldiers ...", whose side the speaker tells)
        # (a side's capital as a destination is no agent: "the 01:40 to Kyiv leaves Kharkiv on time")
        if trigger.needs_agent and not any(left <= w[0] < start and not _DESTINATION_BEFORE.search(text, max(0, w[0] - 20), w[0])
                                           for w in words) and not _FORCE_OPENS.match(text, left) and not (
                _OPENING_PARTICIPLE.fullmatch(text[left:start]) and _agent(view, start, end, left, right, trigger, rules)) \
                and _which_side(text, words, left) is None and _shared_subject(text, words, left, start) is None \
                and not _TROOPS_SUBJECT.search(text, max(0, min(left, start - 60)), start) and not _SPEAKER_DID_IT.search(text, max(0, start - 40), start) \
                and not _UNIT_SUBJECT.search(text, max(0, start - 80), start) \
                and not _FORCES_ALONE_OPEN.fullmatch(text, (lead.end() if (lead := _ACCORDING_LEAD.match(text, left)) else left), start):
            continue  # "it took crews four hours": no side does the taking
        # (not a word describing the object: "withdraw from the besieged town of X")
        next_start = next((t[0] for t in triggers[n + 1:] if not _ATTRIBUTIVE_BEFORE.search(text, max(0, t[0] - 30), t[0])),
                          len(text))
        targets: list[Target] = []
        if trigger.targets == "fronted":
            # "In X, fighting for the high-rise blocks continues": only the place the sentence opens on
            fronted = _fronted_place(view, start)
            if fronted is None:
                continue
            targets = [Target(fronted, position=fronted.start)]
        elif trigger.targets == "others":
            targets = []  # (fighting told last: only the places the sentence's other phrases name, below)
        elif trigger.targets == "focus":
            # a speaker's words that name no place: '"Everything east of the river is theirs now"' is said of
            # the place the text is about (events/drafts.py); where the sentence names a place, a settlement
            # before them is their subject ('"X — the southern half is theirs"'), and a river or a region is no
            # settlement at all ('"Everything east of the Dnipro is theirs"'); a unit named after a place names
            # none ('"The last of them left," said a commander of the Vostok group'), nor does a dateline on the
            # quotation's line ('X — "The enemy left on the night of the 17th," said Dmytro')
            targets = _subject_targets(view, start, trigger, rules) if any(p.role not in ("person", "modifier", "dateline") for p in view.places) \
                else [Target(None, pointer=FOCUS, position=start)]
            if not targets:
                continue
        elif trigger.targets == "sentence":
            # "in the areas of A and B, our units moved to more advantageous positions": positions near them
            targets = [Target(r, position=r.start) for r in view.places if not _OTHER_CLAUSE.search(text[min(r.end, start):max(r.start, end)]) and (
                _allowed(r, trigger) or (
                r.is_settlement and r.relation == "near" and trigger.type is EventType.WITHDRAWAL
                and _AREA_BEFORE.search(text, max(0, r.start - 40), r.start)))
                and not _DESCRIBED_BY.search(text, max(0, r.start - 60), r.start)  # "B, a village south-west of C": not C
                and not _PURPOSE_BEFORE.search(text, max(0, r.start - 60), r.start)  # "regrouping ... to step up efforts in X"
                and not _LINE_THROUGH.search(text, max(0, r.start - 80), r.start)  # "to positions running through A and B": the new line
                and not (r.start > start and _QUOTE_CLOSES.search(text, start, r.start)  # ('"... positions near A," ... south of B': not B)
                         and not (_NAMING_AREAS.search(text, max(0, r.start - 80), r.start) and _LIST_TO_END.match(text, r.end)))
                # (but '"...," it said, naming the areas of A and B.'; not "naming A and B as the hottest spots")
                and not (r.relation == "beside" and any(p.is_settlement and p.end <= r.start and _PLACE_LOCATES.fullmatch(text, p.end, r.start)
                                                        for p in view.places))]  # ("pulled out of A south-west of B": B locates A)
            # ("pulled back to defensive lines near the villages of A and B": where they went, the whole list)
            destination: list[PlaceRef] = []
            for r in view.places:
                if _DESTINATION_GAP.search(text, max(0, r.start - 80), r.start) and (r.start > end or _WHERE_NEXT.match(text, r.end)) or \
                        destination and _glued(text, destination[-1], r, rules):
                    destination.append(r)
            targets = [t for t in targets if t.place not in destination]
            if trigger.type is EventType.DENIAL:
                # ("neither A nor B is under Russian control, ... but Russian troops have captured C": not C)
                targets = [t for t in targets if t.position < end]
        elif trigger.subject_place:
            chain = _subject_targets(view, start, trigger, rules)
            # one place, the subject; a list the phrase is about ("the reports about A and B are false"): all
            about = bool(chain) and chain[0].place is not None and _ABOUT_BEFORE.search(text, 0, chain[0].place.start)
            # ("A and B had fallen": both)
            targets = chain if about else _listed_or_last(text, chain)
            # the place itself as the subject, not one that qualifies it ("exports from Odesa fell")
            # (but "west of X, whose capture ...": the relative clause is said of X)
            targets = [t for t in targets if t.place is None or not _QUALIFIER_BEFORE.search(text, 0, t.place.start)
                       or t.place.end == start and _WHOSE.match(text, start) or _kind_before_whose(text, t.place.end, start)]
        else:
            if trigger.targets == "object":
                targets = _object_targets(view, start, end, right, next_start, trigger, rules)
                if not targets and (not text[:start].strip() or _PLACES_THEN_SAID.search(text, max(0, start - 60), start)
                                    or _LIST_COLON_NEXT.match(text, end)) \
                        and (colon := _COLON_SAME_LINE.match(text, end)) is not None:
                    # "Liberated since Saturday, per the deputy minister: A, B and C": the places after the colon (and
                    # "read out the names of villages he said had been liberated: A, B and C")
                    targets = _object_targets(view, start, colon.end(), clause(text, colon.end(), colon.end())[1],
                                              next_start, trigger, rules)
                if targets and targets[0].place is not None and _PASSIVE_BEFORE.search(before) \
                        and _CLAUSE_OF_ITS_OWN.match(text, end, targets[0].place.start):
                    # "A, B and C had been liberated, and yesterday she added D to that list": the passive's subject
                    targets = _subject_targets(view, start, trigger, rules)
                elif targets and targets[0].place is not None and (_PASSIVE_BEFORE.search(before) or trigger.agent_after) \
                        and _GAPPED_OBJECT.fullmatch(text, end, targets[0].place.start):
                    # "A was liberated on 27 July, and B on 16 August", "A fell to Ukrainian marines in July, and B in
                    # August": the subject, and those gapped after it
                    # (the whole plain list before: "A and B were retaken on Monday, together with C")
                    targets = _listed_or_last(text, _subject_targets(view, start, trigger, rules)) + targets
            if not targets and not _PART_OBJECT_NEXT.match(text, end) and not _THING_OBJECT_NEXT.match(text, end):
                targets = _subject_targets(view, start, trigger, rules)
                if targets and _POINTER_SHARE.match(text, end):
                    # "attacked X and took control of its northern districts": a share of the place before
                    targets = [replace(t, share=True) for t in targets]
        if not targets and trigger.targets not in _SENTENCE_WIDE:
            targets = _named_after_copula(view, start, end, trigger)
        if not targets and trigger.targets not in _SENTENCE_WIDE and _FRONTED_IN.match(text) is None \
                and not _OUT_OF_A_PART.match(text, end) and (entries := _fronted_places(view, start)):
            # a status line's "🔹 X — the enemy was driven out" (not "driven out of several houses": a part of X)
            # (a share of it: "X: we have taken back the northern part of the village"; each of a list's "A and B:")
            targets = [Target(entry, position=entry.start, share=_POINTER_SHARE.match(text, end) is not None) for entry in entries]
        if targets and trigger.targets not in _SENTENCE_WIDE:
            targets += _followed_by(view, end, targets[-1], trigger)
        if not targets and (counted := _plural_pointer_target(text, left, start, end, right)) is not None:
            targets = [counted]  # "retook both villages", "the two towns were liberated": the places told before
        other_clause = _OTHER_CLAUSE if trigger.targets in _SENTENCE_WIDE else _OTHER_STORY
        places_word = may_match(rules.plural_places, text)  # ("villages", "settlements": most sentences hold none)
        if not targets and trigger.type is EventType.WITHDRAWAL and not (places_word and rules.plural_places.search(text, left, right)) \
                and not _FROM_ELSEWHERE.match(text, end) and not (  # (not "retreating from the north")
                    _NOUN_OPENING.fullmatch(before) and _TOLD_BEFORE_VERB.match(text, end)):
            # "following battles for X, our forces had to withdraw from their positions": the one
            # settlement the sentence names (not "from two villages close to X": those are unnamed; nor "X, a
            # village to which the withdrawing units fell back": where they went)
            named = [r for r in view.places if r.is_settlement]
            if len({r.key for r in named}) == 1 and not other_clause.search(text[min(named[0].end, start):max(named[0].start, end)]) \
                    and not _TO_WHICH.search(text, named[0].end, start) \
                    and not _DESTINATION_GAP.search(text[max(0, named[0].start - 40):named[0].start]) \
                    and not (named[0].relation in ("beside", "near") and end <= named[0].start
                             and (_SETTLEMENT_NOUN if named[0].relation == "beside" else _ONE_SETTLEMENT_NOUN).search(
                                 _NAMED_PLACE_NOUN.sub(" ", text[end:named[0].start]))):
                # (not "withdrew from the village north of X", "from the village near X": that village, unnamed)
                targets = [Target(named[0], position=named[0].start)]
        group = None if not places_word else rules.plural_places.search(text[targets[-1].position:right]) if targets else (
            rules.plural_places.search(text[end:min(right, next_start)]) or rules.plural_places.search(text[left:start])
            or _around(rules.plural_places, text, left, start, end, right))
        # ("confirmed the liberation of:" ending the sentence: the list follows on the lines below)
        plural = group is not None or not targets and (_COLON_LIST_NEXT.match(text, end) is not None or HEADING_OF_PLACES.fullmatch(text) is not None)
        count = group.group().split()[0].lower() if group is not None else ""
        if not targets and _THERE_END.search(text, start, end):
            targets = [Target(None, pointer="there", position=end - 5)]  # "fighting was still going on there"
        if not targets and not plural and len(listed := _list_before_appositive(view, start)) > 1:
            targets = listed  # "A and B, villages that Ukraine retook in June" (no count before the noun)
        if not targets:
            # (a withdrawal's positions may be described at length: "pulled back from several positions on
            # the southern outskirts of the city")
            pointer = None if plural else _pointer(text, start, end, right, rules,
                                                   _POINTER_WORDS_WITHDRAWAL if trigger.type is EventType.WITHDRAWAL else _POINTER_WORDS,
                                                   transitive=trigger.targets == "object" and trigger.agent != "none"
                                                   and trigger.type in _TAKING, taking=trigger.type is not EventType.CONTESTED)
            if pointer is None and rules.appositive.search(text[left:start]) and not _CLAUSE_AND_IN.search(text, left, start):
                # "X, one of only a handful of villages Kyiv retook last year": the place before (not
                # a verb after the apposition closes: "X, the only city they took, and ... before retreating")
                pointer = Target(None, pointer="which", position=left)
            if pointer is not None and pointer.pointer == "which" and _BARE_WHICH.match(text, pointer.position) \
                    and _SINCE_SOON.match(text, end) and _AREA_AROUND_BEFORE.search(text, max(0, pointer.position - 60), pointer.position):
                pointer = None  # "the area north of X, which Russia has occupied since ...": the area, not X (not "which it took in May")
            if pointer is not None and pointer.pointer == "which":
                targets = _list_before_which(view, pointer.position, trigger)
                # ("stabilised along the line of A, B and C, where fighting continues": a front line, not inside them)
                on_line = [t for t in targets if t.place is not None and trigger.type is EventType.CONTESTED
                           and _LINE_THROUGH.search(text, max(0, t.place.start - 120), t.place.start)]
                if on_line:
                    targets, pointer = [t for t in targets if t not in on_line], None
                if trigger.type is EventType.WITHDRAWAL:
                    # "pulled back towards X, where they are regrouping": where they went, not what they left
                    targets = [t for t in targets if t.place is None
                               or not _DESTINATION_GAP.search(text, max(0, t.place.start - 80), t.place.start)]
            if pointer is not None and pointer.pointer == "which" and trigger.type is EventType.CONTESTED \
                    and _WHERE_BEFORE.search(text, max(0, start - 60), start) and _told_already(view, pointer.position, changes):
                continue  # "units entered X, where fighting goes on": the place's change is told already (or to come)
            if pointer is not None and not targets:
                # (a relative pronoun's list is its antecedent's: "X, a village that Kyiv recaptured last
                # August, as well as A and B" are the main verb's)
                targets = [pointer] + (_list_after(view, pointer.position, trigger, rules)
                                       if pointer.pointer not in ("which", "that") else [])
            if not targets and plural:
                # "A and B, two villages near the border that Moscow said it had captured": the list
                targets = _list_before_appositive(view, start)
            if not targets and _THEM_AFTER.match(text, end) and (opens := _NAMES_THEN_COLON.match(text, 0, start)) is not None:
                # "A, B and C: Russian units liberated them this week": the names the sentence opens on
                targets = [Target(r, position=r.start) for r in view.places if r.end <= opens.end("names") and _allowed(r, trigger)]
            if not targets and (_PARTICIPLE.fullmatch(text, start, end) or _NO_ONES_STATE.fullmatch(text, start, end)
                                or trigger.type is EventType.CONTESTED and _FIGHTING_ALONE.fullmatch(text, start, end)
                                and _PART_OF_IT_NEXT.match(text, end)) \
                    and (label := _NAME_LABEL.fullmatch(text, 0, start)) is not None:
                # "- A: cleared of Russian troops on 14 August": a list line's place, its state after the colon
                targets = [Target(r, position=r.start) for r in view.places
                           if r.start == label.start("name") and r.is_settlement and _allowed(r, trigger)]
            if not targets and trigger.type in rules.change_types and (
                    plural or _PLURAL_SUBJECT.search(text[max(0, left - 60):start])):
                # "liberated 10 settlements within two days, listing A, B and C"; "the towns that
                # have come under Russian control include A, B and C"
                listed = re.search(r"(?:(?<=villages)|(?<=settlements)|(?<=towns)),(?=\s+(?-i:[A-ZА-ЯІЇЄ]))|"
                                   r"\b(?:listing|naming|including|include|includes|included|namely|among them|such as|"
                                   r"are|were)\b|:|\s[–—-]\s(?=(?-i:[A-ZА-ЯІЇЄ]))", text[end:])
                named_as = re.match(r"\s*(?:[\w-]+\s+){0,2}as\s+", text[end:])
                if named_as and any(r.start == end + named_as.end() for r in view.places):
                    listed = named_as  # "listed the three captured settlements as A, B and C"
                if listed:
                    targets = [Target(r, position=r.start) for r in view.places
                               if r.start >= end + listed.end() and _allowed(r, trigger)]
        if not targets and trigger.type in _SCENE_KINDS and not plural:
            # "In X, Russian forces hold a foothold on the eastern outskirts": the scene the sentence opens on
            fronted = _fronted_place(view, start)
            if fronted is not None and _allowed(fronted, trigger):
                targets = [Target(fronted, position=fronted.start, share=trigger.type is EventType.PARTIAL)]
        if not targets and changes and changes[-1].targets and _AND_BEFORE.search(text, 0, start) \
                and _PARTICIPLE.match(text[start:end]) and ";" not in text[changes[-1].end:start]:
            # "X was occupied by Russian troops in 2022 and liberated by Ukraine that September": the
            # places of the change before, their second verb
            targets = [replace(t, share=False) for t in changes[-1].targets]
        if denial == "negated" and trigger.type is not EventType.DENIAL and targets and all(t.share and t.place is None for t in targets) \
                and changes and changes[-1].targets:
            # "controlled most of X but had not yet cleared its northern edge": the rest of a share just claimed, no
            # denial (a part named, "had not captured the eastern part of X", still denies a claim of it)
            continue
        kind = trigger.type
        if kind is EventType.DENIAL and targets and all(t.share for t in targets) and _HOLDING.match(text, start) \
                and (rules.partial_share.search(text, end, targets[0].position)  # (not "still holding positions in X": a denial)
                     # (or the share after the pointer, the rest told taken before it: "gained most of X, but Ukrainian
                     # forces continue to hold positions in its western outskirts")
                     or targets[0].place is None and any(c.kind is EventType.PARTIAL for c in changes)
                     and rules.partial_share.match(text, targets[0].position + len(targets[0].pointer) + 1)):
            if any(c.kind is EventType.DENIAL or c.denial for c in changes):
                continue  # "denied that X had fallen, saying its units still hold the north of the town": the denial's ground
            if not _DENIED_THE_CLAIM.search(text, 0, start):  # ("rejected the claim, saying they hold the north of X": a denial)
                kind = EventType.CONTESTED  # "Ukraine retained control of the south-western part of X": a part still held
        if trigger.needs_claim and (any(c.kind is not EventType.DENIAL for c in changes) and not _CLAIM_ANSWERED.search(text, 0, start)
                                    or targets and (
                all(t.share for t in targets) or _SOME_OF_IT_BEFORE.search(text, left, targets[0].position))):
            # "the enemy has been knocked out of X, and the village is under our control": the gain told again;
            # "only the outskirts of X are under our control now": a part held, the rest admitted lost
            continue
        if trigger.share_is_partial and not (trigger.type is EventType.CONTESTED and _FIGHT_GOES_ON.match(text, end)) and (
                any(t.share for t in targets) and (trigger.type is not EventType.CONTESTED
                                                   or (rules.measured_share if trigger.measured_share_only
                                                       else rules.entry_share).search(text, end, targets[0].position))
                or rules.partial_adverb.search(" ".join(before.split()[-3:]))
                or _QUOTED_PARTIAL_ADVERB.search(text, max(0, start - 40), start)
                or rules.partial_adverb.search(text[start:end])
                or targets and targets[-1].place is not None and _ALMOST_AFTER.match(text, targets[-1].place.end)):
            kind = EventType.PARTIAL
        # "Kyiv contests the town's capture": who denies it before the denial is not who acted
        refuted = _last_before(rules.denial, text, 0, start) if denial == "refuted" else None
        if denial == "false":  # "X's spokesman called the report of Y's capture fake": not the speaker's side
            refuted = _last_before(_CITED_REPORT, text, left, start)
        if trigger.type is EventType.DENIAL and any(_REST_OF.search(text, max(0, t.position - 20), t.position) for t in targets):
            continue  # "the rest of the town remains under Ukrainian control": the part lost is told, nothing denied
        # "not to be confused with the larger town of X, which remains under Ukrainian control": a namesake set
        # apart, whose holding denies nothing (its own history is still told: "..., which Ukraine retook in 2023")
        if trigger.type is EventType.DENIAL:
            targets = [t for t in targets if not _CONFUSED_WITH.search(text, max(0, t.position - 120), t.position)]
        agent = _agent(view, start, end, max(left, refuted.end()) if refuted else left, right, trigger, rules, quoted)
        holds_only = kind is EventType.PARTIAL and bool(targets) and (
            _HOLD_ONLY.match(text, start) is not None or _REMAINS.search(text, start, end) is not None)
        # ("the western half is ours": a holder's share, the rest lost, unless the speaker's side is the one
        # pushing in, events/drafts.py; not "most of X is ours", nor "X is ours again")
        held_share = kind is EventType.PARTIAL and bool(targets) and _OURS.search(text, start, end) is not None \
            and _OWN_GAIN_NEAR.search(text) is None and _MOST_OF.search(text, left, start) is None
        if trigger.targets in _SENTENCE_WIDE:
            # "units withdrew from A and B ... and moved to more advantageous positions": the
            # places the sentence's other phrases name, when they name some
            # (but a headline's answer to the claim: "Russia claims X; Kyiv says fighting goes on")
            answer = _ANSWER_BEFORE.search(text, max(0, start - 40), start) is not None
            named = [t for c in changes for t in c.targets if t.place is not None  # not "took A; ... regrouping"
                     and (answer or not _OTHER_CLAUSE.search(text[min(t.place.end, start):max(t.place.start, end)]))]
            if named:
                targets = [Target(t.place, position=t.position) for t in named]
            elif trigger.targets == "others" and not targets:
                # ("hold positions in the town, and fighting is ongoing": the town the other phrase points to;
                # not "positions south of the town")
                targets = [Target(None, pointer=t.pointer, position=t.position) for c in changes for t in c.targets
                           if t.place is None and t.pointer
                           and not _BESIDE_POINTER.search(text, max(0, t.position - 30), t.position)][:1]
        if denial == "negated" and targets and all(_ONLY_NOT_WHOLE.match(t.pointer) if t.place is None
                                                   else _WHOLE_BEFORE.search(text, max(0, t.position - 16), t.position)
                                                   for t in targets):
            continue  # "control most of X but have not seized the entire town": a share told, no denial of it
        if denial in ("refuted", "retracted") and targets and all(t.place is None and t.pointer == "which" for t in targets):
            denial = ""  # "dismissed a claim that Russia took X, a village Ukraine liberated last August": history on X, not denied
        changes.append(Change(
            kind=kind, trigger=trigger, start=start, end=end, clause=(left, right), targets=tuple(targets),
            agent=agent, denial=denial,
            # (not a hedge in a relative clause after the place: "retook X, a village Russia claimed to have taken")
            hedged=may_match(rules.hedge_in_sentence, text) and rules.hedge_in_sentence.search(
                text, left, (relative.start() if (relative := _RELATIVE_CLAUSE.search(text, end, right)) else right)) is not None,
            history=_history(text, left, start, end, trigger, view), plural=plural,
            count=count if count[:1].isdigit() or count in _NUMBER_WORDS else "", holds_only=holds_only,
            held_share=held_share))
    return changes


def _around(pattern: re.Pattern[str], text: str, left: int, start: int, end: int, right: int) -> re.Match[str] | None:
    """A match of ``pattern`` in the clause that holds the phrase: "three captured settlements"."""
    return next((m for m in pattern.finditer(text, left, right) if m.start() <= start and m.end() >= end), None)


# a sentence summing up the whole war: "Since the start of the invasion, Russia has taken A and B"
_SINCE_THE_WAR_BEGAN = compiled(r"\s*(?:(?:Since|Throughout|Over the course of) (?:the (?:very )?(?:start|beginning|outbreak) of )?"
                                  r"(?:the |Russia['’]s )?(?:full-scale |Russian |large-scale )?(?:war|invasion|special military operation|conflict)"
                                  r"(?: began| started)?|Since (?:February |24 February |February 24,? )?2022),")
# "the only regional capital Moscow had captured since the start of the invasion": taken at some time
# since then, not in the news of the day
_SINCE_THE_WAR_AFTER = compiled(r"(?:\s+(?:in|on|along|across) (?:the |this |that )?[\w-]+(?: [\w-]+)?)?\s+since (?:the (?:very )?(?:start|beginning|outbreak) of )?(?:the |Russia['’]s )?"
                                r"(?:full-scale |Russian |large-scale )?(?:war|invasion|special military operation)\b"
                                r"|\s+since (?:February |24 February |February 24,? )?2022\b", re.I)
HISTORY_SECTIONS = ("Background", "Previously", "Context", "Recall", "History")  # paragraphs labelled as history
_NEXT_CLAUSE = compiled(r";|,\s+(?:and|but|while|whereas)\s")
_HISTORY_WORD = compiled(r"\b(?:previously|originally|formerly|once(?! again| more)|(?<!has )(?<!have )(?<!had )since(?![^,]*,)|"
                         r"having|back in)\b", re.I)
_FIRST_NOT_SAID = compiled(r"\bfirst\b(?! (?:announced|reported|claimed|said|stated|declared))")
_WHICH_WORDS = compiled(r"\bwhich\s+((?:[\w’'-]+\s+){0,4})$")


_YEARS_SINCE = compiled(r"\b(?:years?|months?) (?:since|after)\b", re.I)


def _history(text: str, left: int, start: int, end: int, trigger: Trigger, view: SentenceView) -> bool:
    """Told as background: a "Background:" paragraph, "previously captured", "the fall of X",
    "Having captured X", "which Russian troops liberated"."""
    if view.section in HISTORY_SECTIONS or _YEARS_SINCE.search(text, start, end):
        return True  # (or an anniversary: "X a year after liberation")
    if text[max(0, start - 7):start].lower() == "having " or _SINCE_THE_WAR_BEGAN.match(text) and not _NEXT_CLAUSE.search(text, 0, start):
        return True
    words = " ".join(text[left:start].split()[-4:])
    if _SINCE_THE_WAR_AFTER.match(text, end) and _PERFECT_BEFORE.search(text, left, start):
        return True  # (not the news of the day's superlative: "the largest city liberated since the start of the war")
    # ("have since taken" is news told after an earlier event, not history; "X, occupied since
    # March, was retaken": the "since" of an apposition)
    if _HISTORY_WORD.search(words) or \
            _FIRST_NOT_SAID.search(words) and not _FIRST_TO.search(text, max(0, start - 60), start):
        # "was first captured"; not a name ("First Xyz were liberated"), nor "the first town to be retaken
        return True
    # "X, which Russian troops took in May" is history; "X, which has turned into a grey zone" is
    # now, and so is "X, which Russia says it has captured"
    which = _WHICH_WORDS.search(text[left:start])
    return trigger.type not in (EventType.DENIAL, EventType.CONTESTED) and which is not None and \
        not _SAYS.search(which.group(1))
