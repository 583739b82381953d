"""Who asserts what: attributions in a sentence ("X said", "according to X", "..., X said"),
the channel that carried them ("cited by RIA Novosti"), and which one governs a given phrase.

Quoted speech belongs to its speaker; a claim inside "allegations made by X that ..." belongs to
X, not to the side disputing it; background in an appositive (", one of only a handful of
settlements Kyiv retook ...") is the journalist's own voice.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from events.anchors import _FOLDS, compiled, group_pattern, lower_words
from events.changes import ITEM_ASIDE
from events.records import Side
from events.rules import ClaimantRule, PersonRule, Rules

__all__ = ["Attribution", "find_attributions", "named_claimants", "cited_only", "governing", "find_channel", "journalist", "quotations", "quote_balance",
           "unquoted", "outlet_side", "connected", "SIDE_ADJECTIVE", "GENERIC_STATES", "LOCAL_KINDS", "STATE_KINDS"]

SIDE_ADJECTIVE = {Side.UA: "Ukrainian", Side.RU: "Russian"}
#: a state named as a whole ("Russia", "Kyiv"): it speaks through its organs, and names places' countries
GENERIC_STATES = frozenset({"Russian government", "Ukrainian government"})
# the kinds of claimant that speak for a state or its forces; "local official" (governors, mayors,
# heads of local administrations) and "local authorities" speak for a place and its residents
STATE_KINDS = frozenset({"military", "official", "local official"})
LOCAL_KINDS = frozenset({"local official", "local authorities"})
# (and an unnamed spokesman: "a military spokesman said ... Dmytro Lykhovii, spokesman for the Tavria group")
GENERIC_MILITARIES = frozenset({"Russian military", "Ukrainian military", "Russian military spokesman",
                                "Ukrainian military spokesman"})
# a body's map, statement or press service, between its name and its verb: "the project's latest map shows",
# "the Kremlin's announcement says", "the group's press centre said"
_DOCUMENT = r"(?:latest\s+|updated\s+|new\s+|daily\s+|weekly\s+|evening\s+|morning\s+|official\s+|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?(?:map|maps|update|assessment|statement|announcement|report|bulletin|briefing|communiqu[eé]|summary|post|message)"
# (or its people: "Ukraine's delegation responded that", "Russia's envoy told the council")
_OWNS_A_DOCUMENT = r"(?:['’]s(?=\s+" + _DOCUMENT + r"\b|\s+press\s+(?:service|centre|center|office|department)\b|\s+(?:delegation|mission|envoy|ambassador)\b))?"
# (a quoted name's opening quote is the leading punctuation: 'the channel "Name" wrote')
_GAP_TO_VERB = compiled(r"^" + _OWNS_A_DOCUMENT + r"[\s,”\"’»]*(?:(?:(?:and\s+)?(?:which|who|whose|who['’](?:ve|d|s)|that(?=\s+(?:has\s+|had\s+|have\s+)?(?:fought|fights|defended|defends|held|holds|served|serves|operated|operates)\b))\s+[^,;]{1,80}|named\s+after\s+[^,;]{1,60}|with\s+(?:(?:[^;.]|(?<=\d)\.(?=\d)){1,30}?\s+)?(?:subscribers|followers|readers|members)|(?:of|from)\s+(?:the|a|an|his|her)\s+(?:[\w’'“”\"-]+\s+){0,3}?(?:detachment|brigade|battalion|regiment|platoon|squad|battery|crew)|(?:did not|didn['’]t|has not|had not|would not) (?:comment|confirm|mention|say anything)[^,;.]{0,60},\s+(?:but|and)|(?:did not|didn['’]t|has not|had not|would not) (?:comment|confirm|mention|say anything)[^,;.]{0,60}?\s+but(?=\s+$)|(?:went|go|goes) (?:even )?(?:further|a step further)|has|have|had|been|that(?=\s+(?:have|has|had|are|is|were|was)\b)|also|already|just|(?:appeared|appears|seemed|seems) to|recently|repeatedly|later|earlier|since|on (?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+)|on \w+(?: (?:morning|afternoon|evening|night))?|in a \w+|in its \w+|once again|again|then|now|"
                          r"for (?:his|her|its|their) part|agency|service|directorate|press\s+(?:service|centre|center|office|department)|"
                          r"further|previously|first|initially|subsequently|separately|meanwhile|still|today|yesterday|"
                          # "nevertheless acknowledged", "earlier this month claimed", "X leader Name Surname claimed"
                          r"nevertheless|nonetheless|(?:(?:earlier|later)\s+)?(?:this|last)\s+(?:week|month|year|weekend)|"
                          r"(?:leader|commander|head|chief|founder)(?:\s+[A-Z][\w’'-]+){1,3}|"
                          r"(?:was|were|is|are) (?:finally |now |soon )?able to|"
                          # "the General Staff continues to insist", "was quick to declare", "are hurrying to say"
                          r"(?:continues|continued|continue|keeps|kept) to|(?:was|were|is|are) (?:(?:as )?quick|eager|keen|the first) to|"
                          r"(?:(?:is|are|was|were) )?(?:already |now |again )?(?:hurrying|rushing|hastening|hurried|rushed|hastened) to|"
                          # "have spent the last two days shouting that"
                          r"spent\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:days?|weeks?|hours?|months?|morning|evening|night)|"
                          r"(?:was|were|has\s+been|have\s+been|had\s+been)\s+forced\s+to|had\s+to|"
                          r"(?:for\s+)?(?:at\s+least\s+)?(?:the\s+|a\s+)?(?:first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)|last|latest|"
                          r"another|same)\s+time|"
                          r"however|too|in turn|itself|himself|herself|themselves|there|analysts?|experts?|officials?|"
                          r"sources?|project|team|map|channel|delegation|mission|envoy|ambassador|(?:Telegram|YouTube|VK) (?:channel|account|page)|spokes\w+|commanders?|representatives?|think[- ]tank|"
                          r"(?:monitoring|mapping|analytical|analysis|OSINT|open-source|intelligence|volunteer|research) "
                          r"(?:project|group|team|service|map|channel|resource)|"
                          + _DOCUMENT + r"|"
                          r"[A-Z][a-z]+ [A-Z][a-z]+|[A-Z][^”\"»,.;]{1,40}[”\"»]|[‘'][A-Z][^’',.;]{1,40}[’']|\w+ly|in (?:the )?[A-Z][\w’'-]+(?: (?:region|oblast|Oblast|Region|province))?|"
                          # ("a Russian-installed official in the occupied part of Ukraine's Zaporizhzhia region said")
                          r"in\s+(?:the\s+)?(?:(?:occupied|Russian-occupied|Russian-held|Russian-controlled|Ukrainian-controlled|Ukrainian-held)\s+)?(?:parts?\s+of\s+(?:the\s+)?)?"
                          r"(?:(?:Ukraine|Russia)['’]s\s+)?(?:(?:occupied|southern|eastern|northern|western)\s+)?(?:[A-Z][\w’'-]+(?:\s+(?:region|oblast|Oblast|Region|province))?|(?<=of the )region)|"
                          r"(?:in|on|by|since) (?:early |late |mid-)?(?:[A-Z][a-z]+ )?(?:\d{1,2},? )?(?:19|20)\d\d|"
                          r"(?:in|on|near|along)\s+the\s+(?:[\w’'-]+\s+){0,2}?(?:axis|direction|sector|front(?:\s?line)?|area|border|frontier|town|city|village)|"
                          r"speaking\s+(?:to|with|by\s+(?:phone|telephone)|on\s+(?:the\s+)?condition\s+of\s+anonymity)[^,;]{0,40}|"
                          # ("..., speaking on condition of anonymity because they were not authorised to discuss it, told")
                          r"speaking\s+on\s+(?:the\s+)?condition\s+of\s+anonymity\s+(?:because|as|since)\s+[^,;]{1,80}|"
                          # ("DeepState, usually slow to admit losses, marked ...", "the ministry, never shy about its gains, said")
                          # ("usually tight-lipped", "often more cautious than the bloggers it cites", "until then unwilling to comment",
                          # "never one to understate a victory")
                          r"(?:(?:\w+ly|often|always|never|so|not|ever|until\s+then|until\s+now)\s+)?(?:more\s+|less\s+)?"
                          r"(?:slow|quick|reluctant|loath|loth|eager|keen|careful|cautious|wary|hesitant|shy|unwilling|tight-lipped|guarded)"
                          r"(?:\s+(?:to|about|of|in|with|than|on)\s+[^,;]{1,50})?|never\s+one\s+to\s+[^,;]{1,50}|"
                          r"reached\s+by\s+(?:phone|telephone)|(?:[A-Z][\w’'-]+\s+){1,2}among\s+them|including\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?[A-Z“\"][^,;]{1,40}|(?:quoted|cited|interviewed)\s+by\s+[^,;]{1,60}|"
                          # ("a soldier serving with a National Guard brigade in the area said")
                          r"(?:serving|fighting|stationed|deployed|based|operating)\s+(?:with|in)\s+(?:a|an|the|his|her)\s+(?:[\w’'-]+\s+){0,3}?"
                          r"(?:brigade|battalion|regiment|unit|company|corps|division|detachment)|(?:evacuating|helping\s+evacuate)\s+(?:residents|civilians|people)|"
                          r"(?:defending|holding|defends|holds|defended|held)\s+(?:the\s+)?(?:(?:border|frontline|front-line|besieged|eastern|western|northern|southern|nearby)\s+)?(?:area|town|city|village|sector|line|front|"
                          r"positions|[A-Z][\w’'-]+)\b|"  # ("a spokesman for the brigade defending the area said")
                          # ("a TASS correspondent working in the area reported")
                          r"(?:fighting|serving|stationed|deployed|based|operating|fought|fights|defended|defends|operated|operates|working|reporting|embedded)(?: (?:in|near|on|at|with|for|from|"
                          r"(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest) of) (?:the )?"
                          r"[\w’'-]+(?: [\w’'-]+)?(?: (?:region|oblast|Oblast|Region|area|sector|direction|axis))?)?)"
                          + _OWNS_A_DOCUMENT + r"[\s,]+){0,4}$")  # ("the project's map shows")
# a document told by what it reads: "a statement that read:", "a post which says"
_DOCUMENT_THAT = r"(?:statement|post|message|communiqu[eé]|notice)\s+(?:that|which)\s+"
# kinds of unit only Ukraine's army names so ("the 425th Separate Assault Regiment", "the 47th Mechanized Brigade";
# Russia's are "Motor Rifle", "Guards")
_UKRAINIAN_UNIT_KIND = compiled(r"\b(?:[Ss]eparate(?! (?:[Mm]otor|[Gg]uards|[Ss]pecial))|[Mm]echani[sz]ed|[Jj]aeger|[Aa]irmobile|[Tt]erritorial [Dd]efen[cs]e)\b")
# a statement made, then what it said in a participle after a comma: "X appeared in a video on
# Saturday, announcing that ...", "X issued a statement, saying ..."
_ACT_THEN_SAYING = compiled(r",?\s+(?:has\s+|had\s+|have\s+)?(?:followed|appeared|posted|published|issued|released|put\s+out|made|gave|"
                            r"delivered|spoke|addressed|wrote|uploaded|shared|broadcast|took\s+to|lashed\s+out|hit\s+out|"
                            r"responded|reacted|weighed\s+in|went\s+further|critici[sz]ed|blamed|praised|hailed|welcomed|"
                            # ("X did not respond to Kyiv's statements, instead announcing ...", "X ignored the attacks, reporting ...")
                            r"did\s+not\s+(?:respond|comment|react)|declined\s+to\s+comment|ignored|"
                            # ("X was more candid, telling a state channel on Monday that ...")
                            r"(?:was|were)\s+(?:(?:more|less|even\s+more)\s+(?:candid|blunt|direct|forthcoming|cautious|specific|optimistic|pessimistic)|"
                            r"(?:even\s+|much\s+|far\s+)?(?:blunter|franker|gloomier|rosier|bolder)))\b[^.;:“”\"«»]{0,120}?"
                            # (the comma may be left out before "saying": "released a voice message saying that ...")
                            # (or "and said": "X appeared in a video with fighters holding flags and said ...")
                            r"(?:,\s+|\s+(?=(?:saying|claiming)\b)|,?\s+and\s+(?=(?:said|says|claimed|claims|declared|announced)\b)|"
                            # ("followed late on Saturday with a statement that read: ...")
                            r"\s+" + _DOCUMENT_THAT + r"(?=(?:read|reads|said|says|stated)\s*[:“\"«]))"
                            r"(?:instead\s+)?(saying|announcing|claiming|declaring|stating|writing|insisting|asserting|boasting|telling|reporting|"
                            r"said|says|claimed|claims|declared|announced|read|reads|stated)\b")
_ACCORDING_TO = compiled(r"\b(?:according to (?:an? |the )?(?:[\w-]+ )?(?:map|report|statement|post|update|assessment|"
                           r"video|summary|bulletin|analysis)s? (?:[\w’'-]+ ){0,6}?by|according to|as stated by|in the words of|"
                           r"citing|quoting|cites|quotes|per|"
                           r"(?:rejected|dismissed|denied|refuted|debunked) as (?:false|fake|untrue|baseless) by|"
                           # (a day between: "The liberation of X was announced on Sunday by the General Staff")
                           r"(?:confirmed|reported|announced|claimed|stated|denied|shared|posted|published|released)"
                           r"(?: (?:late |early )?on \w+(?: (?:morning|evening|night|afternoon|\d{1,2}))?)? by)"
                           r"\s+(?!(?:its|their|his|her|our|my)\b)(?:an? |the |several |two |three |some |many |one )?(?:[\w’'-]+ ){0,4}$", re.I)
# a deed in quotation marks after its doer: 'has once again "liberated"'
_QUOTED_DEED = (r"\s+(?:(?:has|have|had)\s+)?(?:(?:once\s+)?again\s+|already\s+|now\s+|finally\s+|also\s+)*[“\"‘']"
                r"(?:liberated|captured|taken|seized|occupied|retaken|recaptured|freed|cleared)[”\"’']")
_SCARE_QUOTED_DEED = compiled(_QUOTED_DEED)
_DOERS_NAMED = compiled(r"\b(?:troops|forces|units|soldiers|army|armies|military|fighters|brigades?|battalions?|regiments?|divisions?|"
                        r"corps|marines|paratroopers|servicemen|groups?|grouping|garrison|detachments?|stormtroopers)\b", re.I)
_JUDGING_BY = compiled(r"\b(?:[Jj]udging (?:by|from)|[Tt]o judge (?:by|from)|[Gg]oing by)\s+[^,;:.]{0,80}$")
# "Sergei Shoigu, the Russian Defence Minister, said", "X, Russia's chief of staff, told": an
# appositive between a name and its verb
_APPOSITION = compiled(r"^\s*(?:\([^()]{1,60}\)\s*)?(?:\s+who\s+(?:gave|gives|goes\s+by|uses|used)\s+[^,;]{0,60}?\bcall[- ]?sign,\s+[A-ZА-ЯІЇЄ][\w’'-]+(?:\s+[A-ZА-ЯІЇЄ][\w’'-]+)?,|,\s+(?:who\s+[^,;]{0,80}?\b(?:call[- ]?sign|name|nickname),\s+[A-ZА-ЯІЇЄ][\w’'-]+(?:\s+[A-ZА-ЯІЇЄ][\w’'-]+)?(?:,\s+(?:be|was|is|were)\s+(?:used|published|given|printed)\b[^,;]{0,60})?|(?:identified|known)\s+(?:(?:by|to)\s+|only\s+|publicly\s+)[^,;]{1,100}|(?:who|which|whose)\s+[^,;]{1,200}|(?i:(?:[\w-]+-(?:installed|appointed|backed)\s+)?(?:Deputy|Head|Leader|Chief|Minister|"
                         r"Spokes\w+|Commander|Adviser|Advisor|Governor|Mayor|Secretary|Director|Chairman|Press))\b[^,;]{0,110}|(?:visiting|speaking|addressing|reporting|briefing|"
                         r"writing|meeting|standing|appearing|talking|flanked|surrounded|accompanied|wearing|dressed|"
                         # (", citing reports from the front,", ", using the Russian name for it,")
                         r"citing|quoting|referring|using|relying|echoing|repeating)\s[^,;]{1,80}|(?:an?|another|the|his|her|its|their|[A-Z][\w-]+['’]s)\s[^,;]{1,140}|"
                         r"(?:in|on|at|during|after|before)\s+(?:his|her|its|their|a|an|the)\s[^,;]{1,60}|"  # ", in his nightly address,"
                         r"(?:then|at\s+the\s+time|formerly)\s[^,;]{1,80}|"  # ", then the new commander-in-chief,"
                         # (", appointed commander-in-chief a week earlier,", ", newly elected to the Duma,")
                         r"(?:(?:newly|recently|only|just)\s+)?(?:appointed|named|elected|promoted|installed|reinstated)\s[^,;]{1,80}|"
                         r"(?:both|all)\s+(?:fighting|serving|based|operating)\s[^,;]{1,80}|"  # ", both fighting on Ukraine's side,"
                         r"(?![A-Z])(?!(?:(?:has|have|had)\s+(?:also\s+)?)?(?:said|says|told|tells|wrote|writes|added|adds|claimed|claims|reported|announced|stated|insisted|"
                         r"confirmed|denied|described|explained|noted|stressed|warned|argued|admitted|acknowledged)\b)[^\W\d][^,;]{1,60}?(?:of|for|at|in)\s[^,;]{1,60}),|\s[–—-]\s[^–—;]{1,120}\s[–—-](?=\s))")
# (", who gave only his call sign, Veter,", ", who asked that only his first name, Oleh, be used,": the name inside it;
# ", identified by RIA only by his call sign,")
# "Contrary to the claims of the Russian General Staff about X, ...": cited, as "claims made by" is
# (the claim set against the sentence's own word; "The statements of X about Y do not correspond to
# reality" is left to the voice that speaks it)
_CLAIMS_OF = compiled(r"\b(?:[Cc]ontrary\s+to|[Dd]espite|[Ii]n\s+spite\s+of)\s+(?:the\s+|all\s+the\s+)?(?:[\w-]+\s+)?"
                      r"(?:claims?|allegations?|assertions?|statements?|fairy[- ]tales?|lies|propaganda)\s+of\s+(?:the\s+)?$")
_EMBEDDED = compiled(r"\b(?:allegations?|claims?|assertions?|reports?|statements?|announcements?|information|news|footage)\s+(?:\w+\s+){0,2}(?:made |issued )?by\s+(?:the\s+|an?\s+)?$", re.I)
_WORD_START = compiled(r"\b\w")
# the last word before a phrase, and an article after it: "said the". The leftmost match starts
# where a word does, and neither run need give a letter back: (?<!\w) and possessive runs find the
# same match without trying every letter of every word
# (or a given name before the surname a pattern knows: "said Oleksandr Syrskyi")
_LAST_WORD = compiled(r"(?<!\w)(\w++)\s++(?:(?:an? |the )?(?:spokes(?:man|woman|person)|representative|commander) (?:for|of) )?"
                      # ("said Oleksiy, a drone operator with the brigade", "said Kit, 27, a sergeant": a first name in apposition)
                      r"(?:(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)(?-i:[A-ZА-ЯІЇЄ])[\w’'-]+,\s(?:\d{1,2},\s)?)?(?:an? |the )?(?:[A-ZА-ЯІЇЄ][\w’'.-]*\s){0,3}"
                      r"(?:(?:spokes(?:man|woman|person)|commander|chief|head|governor|mayor|adviser|advisor|minister|official)\s)?$")
_ROLE_NOUN_THEN_END = compiled(r"\s+(?:spokes(?:man|woman|person)|press\s+(?:service|office|officer)|statement|commander|representative)"
                               r"(?=\s*(?:[.;:!?)”\"]|,|$)|\s+(?:on|late|early|earlier|in|at)\b)")
_QUOTED_NAME = compiled(r"\s*[“\"«][A-Z][^”\"»,.;]{1,40}[”\"»]\s*")  # 'the channel "Name" wrote'
_AND_THAT = compiled(r"\band\s+that\b")
_NOUN_OBJECT = compiled(r"\s+(?:its|their|his|her|the|a|an)\s+(?!(?:[\w-]+\s+){0,3}?(?:that|which)\b)")
_FORCES_CLAUSE_AFTER = compiled(r",\s+(?:and|but|while)\s+(?:(?:Ukrainian|Russian)\s+(?:troops|forces|units|soldiers)|"
                                r"(?:Ukraine|Russia|Kyiv|Moscow)['’]s\s+(?:troops|forces|units|army))\s")
_ANSWERED_IN_QUOTE = compiled(r"\b(?:lie|lies|lying|false|untrue|not true|nonsense|fake|propaganda|fiction|fantasy|premature|"
                              r"wrong|rubbish|absurd)\b", re.I)
_CLAIMED_VERBS = frozenset({"claim", "claims", "claimed", "declare", "declares", "declared", "announce", "announces", "announced"})
# a claim verb and what follows it up to the change it claims: "have declared they have", "claimed that their
# troops had", "claim to have"
_CLAIM_COMPLEMENT = compiled(r"\s+(?:(?:have|has|had|now|again|already)\s+){0,2}(?:" + "|".join(sorted(_CLAIMED_VERBS)) + r")"
                             r"\s+(?:that\s+)?(?:(?:they|it|their\s+(?:troops|forces|units)|its\s+(?:troops|forces|units))\s+)?"
                             r"(?:(?:have|has|had|to\s+have)\s+)?(?:already\s+|fully\s+|completely\s+)?")
_PREPOSITION_BEFORE = compiled(r"\b(\w+)\s+(?:from|against|into|over|towards?|with|control\s+of|hands\s+of)\s+(?:the\s+)?$", re.I)
# the side a fighter fought, not his: "who has fought Russian forces", "a volunteer who faced Ukrainian drones"
_FOUGHT_VERBS = r"(?:fought|fights|fight|fighting|battled|battling|faced|facing)"
FOUGHT_BEFORE = compiled(r"\b(?:" + _FOUGHT_VERBS + r"(?:\s+against)?|against)\s+(?:the\s+)?$", re.I)  # (right before the side)
FOUGHT_SIDE = _FOUGHT_VERBS + r"\s+(?:against\s+)?(?:the\s+)?(?P<side>Ukrainian|Russian|Ukraine['’]s|Russia['’]s)(?![\w-])"
_FORCES_NAMED = compiled(r"\b(?:forces|troops|units|army|soldiers|servicemen|fighters|military)$", re.I)
_SPEAKER_NOUNS = frozenset({"official", "officials", "source", "sources", "representative", "representatives", "spokesman",
                            "spokeswoman", "spokesperson", "officer", "officers", "member", "members", "expert", "experts",
                            "analyst", "analysts", "commander", "commanders", "soldier", "soldiers", "someone", "people"})
# (or through its voice: "the brigade, whose spokesman said on Monday that ...")
TELLING_RELATIVE = compiled(r"\s*,\s+(?:which|who|whose\s+(?:spokes(?:man|woman|person)|press\s+(?:service|officer|secretary|office)|commander|head|chief))\s+"
                            r"(?:(?:has|had|have|also|earlier|first|previously|repeatedly)\s+){0,2}(\w+)")
_OTHER_SIDE_NAMED = {Side.RU: compiled(r"\b(?:Ukrainian|Ukraine['’]s|Kyiv['’]s)\s"),
                     Side.UA: compiled(r"\b(?:Russian|Russia['’]s|Moscow['’]s)\s")}
# a relative clause on the speaker, past a role ("X, the installed head, who ..."), and one that tells a claim
_RELATIVE_ON_SPEAKER = compiled(r"(?:,\s+[^,;]{1,140})?,\s+(?:who|which)\b")
_TELLING_IN_RELATIVE = compiled(r"\b(?:who|which)\s[^;.]{0,160}?\b(?:said|says|claimed|claims|announced|announces|reported|reports|wrote|"
                                r"writes|told|tells|stated|declared|insisted|confirmed|admitted|acknowledged|described|called|"
                                r"listed|marked|showed|posted|published)\b")
# (the same, its comma already read as the end of a role before it)
_TELLING_RELATIVE_LATER = compiled(TELLING_RELATIVE.pattern.replace(r"\s*,\s+", r"\s*,?\s+", 1))
_AND_TOLD = compiled(r"\s*,\s+(?:which|who)\s+[^,;.]{1,120}?\s+and\s+(?:(?:has|had|also|earlier)\s+)?"
                     r"(said|claimed|wrote|announced|reported|stated|declared)\b")
_RELATIVE_OPEN = compiled(r",\s+(?:which|who|whose)\b[^,;.]*$")  # a name inside ", which ..." describes its subject
_SIDE_INSIDE = compiled(r"\b(Ukrainian|Russian|Ukraine['’]s|Russia['’]s|Moscow['’]s|Kyiv['’]s)(?![\w-])")  # ("Russia's top general")
_CAPITAL_OPENS = compiled(r"\s*(?:Meanwhile,?\s+)?[Ii]n\s+(Moscow|Kyiv|Kiev),\s+")
_SIDE_BEFORE = compiled(r"\b(Ukrainian|Russian|Ukraine['’]s|Russia['’]s)\s+$")
# (or the region a body is of: "the Russian-installed administration of the Kherson region said")
_IN_CHARGE = compiled(r"\s+(?:in charge of|responsible for|who (?:heads|leads|runs)|heading|running|"
                        r"(?:with|using|going by) (?:the |a )?(?:call[- ]?sign|nom de guerre|code ?name)|of the(?=\s+(?:[A-Z][\w’'-]+\s+){1,2}"
                        r"(?:region|oblast|Oblast|Region)\b)|of the(?=\s+(?:occupied|Russian-(?:held|controlled|occupied))\s+"
                        r"(?:parts?|areas?|territor(?:y|ies)|districts?)\s+of\b))\s[^,;:.“”\"]{1,80}?"
                        r"(?=,?\s(?:said|says|told|wrote|reported|claimed|announced|added|stated)\b)")
# ("the Russian-installed head of the occupied parts of Kharkiv region told")
# a quotation closing between a name and the verb, with words after it: the name is inside the quotation and
# another speaker follows ("... by the Russians," Mayor X said)
_QUOTE_THEN_SPEAKER = compiled(r"[”\"]\s*[\w’'-]+\s+[\w’'-]")
_REPORTS_IN_PROGRESSIVE = {"spreading"}  # "channels are spreading a fake that" (not "troops, spreading out from X")
_PROGRESSIVE = compiled(r"\s+(?:are|is|were|was)\s+(?:(?:now|still|already|also|actively|widely)\s+)?(\w+ing)\b")
_BRACKET = compiled(r"\s*\([^()]{1,40}\)")
# a person claimant's surname: "Artem Lysohor (regional governor)" -> "Lysohor"
_SURNAME = compiled(r"[A-Z][a-z’'-]+ ([A-Z][a-z’'-]{3,})(?: \(|$)")
_IN_RELATIVE = compiled(r",\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,6}?(?:that|which|who|whose)\s+[^,;]*$")
# officials that Russia set up: "Russian-installed", "separatist officials in Luhansk"
# ("the occupation mayor", not "the town is under full occupation, the mayor said")
_INSTALLED = compiled(r"(?:Russian|Moscow|Kremlin)[- ](?:installed|appointed|backed)|[Ss]eparatist|pro-Russian|"
                      r"occupation(?:[- ]installed|[- ]appointed)?\s+(?:[\w-]+\s+)?(?:authorit|administration|head|mayor|official|"
                      r"governor|leader|chief|council|regime)")
_UKRAINIAN_WORD = compiled(r"\bUkrainian\b")
_UKRAINIAN_OFFICE = compiled(r"regional|oblast|military administration", re.I)
_BARE_MINISTRY = compiled(r"\b[Tt]he ministry\b")
_BRITISH = compiled(r"\b(?:British|Britain['’]s|UK|U\.K\.|London(?:['’]s)?|intelligence (?:update|assessment|report))(?![\w-])", re.I)
# a speaker opening a clause of its own, maybe after its time ("X took A in May, and on Sunday the ministry said ...")
_CLAUSE_AND = compiled(r",\s+(?:and|but|while|whereas)\s+(?:(?:on|in|by|late|early|last|later|earlier|then|hours|days|weeks|months)"
                       r"(?:\s+(?:[a-z\d][\w.-]*|(?:January|February|March|April|May|June|July|August|September|October|November|"
                       r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)){0,3},?\s+)?(?:the\s+)?$")
# "since the fall of X": the outlet's own time for what is stated
_SINCE_THE = compiled(r"\bsince\s+(?:the|its)\s+$")
# ... unless told with a day of this week, the speaker's own news ("since the liberation of X on Saturday")
_NEWS_TIME = compiled(r"[^,;.]{0,60}?\b(?:on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|overnight|last\s+night|"
                      r"this\s+(?:week|morning))\b")
_CLAUSE_JOINED = compiled(r",\s+(?:and|but)\s")
_SAID_BEFORE = compiled(r"\b(?:said|says|reported|reports|claimed|claims|wrote|writes|announced|told)\b")
_SPEAKER_ENDS = compiled(r"\s+(?:said|says|added|adds|wrote|writes|stated|insisted|reported)(?:,\s+citing\s+[^.;,]{1,80})?\s*[.!]?[”\"’']?\s*$")
# a name the speaker goes by, in quotation marks: 'who posts under the name "Marine from the south"'
_NAME_QUOTED = compiled(r"\b(?:name|sign|nickname|handle|alias|pseudonym)(?: as)? [“\"][^”\"]{1,40}[”\"]")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


_WHATEVER_BEFORE = compiled(r"\b(?:[Ww]hatever|[Nn]o\s+matter\s+what)\s+(?:the\s+)?$")
_SUBORDINATE_SPEAKER = compiled(r"\b(?:after|before|when|since|until|because|although|though|whereas|following|despite|amid|contrary\s+to)\s+"
                                  r"(?:[\w’'-]+\s+){0,2}$")
_LEAD_COLON = compiled(r"\s*:\s")
_COUNTRY = compiled(r"Russia|Ukraine|Moscow|Kyiv|Kiev|Kremlin|the Kremlin")  # "Ukraine: ..." is a dateline
_CREDIT_SHAPE = compiled(r"^[^:]{2,60}:\s|\s[–—-]\s*[A-Z](?:[^–—-]|(?<=\w)-(?=\w)){1,60}[.!?]?\s*$|\([^()]{2,60}\)[.!?]?\s*$")
# (its speaker's role may follow: "Russians occupy X – Khortytsia spokesman")
_ITS_BEFORE = compiled(r"\b(?:its|their)\s+(?:(?:new|former|top|own|chief)\s+)?$")
_ITS_NAMED_AFTER = compiled(r"\bits\s+(?=[A-Z‘'“])")
_STATE_NAME = compiled(r"\b(?:(Ukraine|Kyiv)|(Russia|Moscow))(?:['’]s)?\b")


def _last_state_before(sentence: str, start: int) -> Side | None:
    """The side of the state named last before ``start`` ("Ukraine", "Moscow"), if any."""
    found = None
    for m in _STATE_NAME.finditer(sentence, 0, start):
        found = m
    return None if found is None else Side.UA if found.group(1) else Side.RU


# "X remains under Ukrainian control, the brigade said": Ukraine, which still holds the place, speaks
_STILL_HELD_BY = compiled(r"\b(?:(?:remains?|remained|is\s+still|are\s+still|stays?|stayed)\s+(?:firmly\s+|fully\s+)?"
                          r"(?:under|in)\s+(?:the\s+)?(?:full\s+)?(?:control\s+of\s+(?:the\s+)?)?|"
                          r"(?:is|are)\s+(?:still\s+|firmly\s+)?(?:held\s+by|under\s+the\s+control\s+of)\s+(?:the\s+)?)"
                          r"(?:Ukrain|Kyiv|Defen[cs]e\s+Forces)")
_FOE_BEATEN = compiled(r"\b(?:its|their|our)\s+(?:[\w-]+\s+)?"
                       r"(?:soldiers|troops|units|fighters|forces|servicemen|men|defenders)\s+"
                       r"(?:(?:had|have|has)\s+)?(?:pushed|drove|driven|forced|repelled|repulsed|destroyed|defeated|ousted|dislodged|knocked|routed)\s+"
                       r"(?:the\s+)?(Russian|Ukrainian|Russia['’]s|Ukraine['’]s)\s+(?:forces|troops|units|soldiers|"
                       r"assault\s+groups?|attacks?|servicemen)\b")
_TRAILING_CREDIT = compiled(r"(?:\s+(?:group\s+)?(?:spokes(?:man|woman|person)|commander|chief|head|press service|press office|"
                              r"officials?|says|said|reports))?\s*[.!?]?\s*")
_DASH_BEFORE = compiled(r"\s[–—-]\s*$")
# a status line's source in brackets at its end, a day or a time after it: "X – back under Ukrainian control
# (General Staff, Wednesday)", "Y – contested (DeepState)"
_BRACKET_OPENS_BEFORE = compiled(r"\((?:the\s+|per\s+|via\s+|source:\s+)?$", re.I)
_BRACKET_CLOSES_AT_END = compiled(r"(?:,\s*[^(),]{1,30})?\)\s*[.!?]?\s*")
# the claim another disputes, its maker named as an adjective: "dismissed a Russian Defence Ministry claim that"
_DISPUTED_BEFORE = compiled(r"\b(?:dismissed|dismisses|dismissing|rejected|rejects|rejecting|denied|denies|denying|refuted|refutes|"
                            r"refuting|disputed|disputes|disputing|debunked|debunks)\s+(?:a|an|the)\s+(?:(?:latest|new|earlier)\s+)?$")
# the statement another carries, its maker named as an adjective: "opened its news with a Defence Ministry statement that"
_CARRIED_BEFORE = compiled(r"\b(?:with|in|citing|quoting|carried|aired|broadcast|read\s+out|published|ran)\s+(?:a|an|the)\s+(?:(?:latest|new|brief|short|daily|written)\s+)?$")
_CLAIM_NOUN_AFTER = compiled(r"\s+(?:claims?|statements?|reports?|assertions?|allegations?)\s+(?:that|of|about)\b")
_OWN_CLAIM = compiled(r"['’]s?\s+(?:latest\s+|new\s+|earlier\s+|repeated\s+)?(?:claims?|statements?|reports?|"
                        r"announcements?|assertions?|allegations?)\s+"
                        r"(?:(?:on|last|earlier|late)\s+(?:[A-Z]\w+|week|month)(?:\s+\d{1,2})?,?\s+)?"  # ("'s claim on Tuesday that")
                        r"(?:that|of|to\s+have|to(?=\s+[A-ZА-ЯІЇЄ])|about|regarding|on\s+the)\b")
_TOKENS = compiled(r"[a-z]+")
_CHIEF_OF_BEFORE = compiled(r"\b(?:[Cc]hief|[Hh]ead)\s+of\s+(?:the\s+)?$")
# a leader told of a change: "Putin was briefed that", "Zelensky has been informed that"
_BRIEFED = compiled(r"\s+(?:was|were|has been|had been|is being|is)\s+(?:briefed|informed|told|given a report|"
                      r"presented with a report)\b(?!\s+to\b)")  # (not "troops were told to leave")
BRIEFED = "was briefed"
# "Interfax quoted the defence ministry as saying": the one quoted speaks
_ISSUED_STATEMENT = (r"(?:issued|released|published|put\s+out)\s+(?:a|an|its|his|her|their)\s+(?:(?:own|new|daily|latest|brief|short)\s+)*"
                     r"(?:statement|report|bulletin|update|announcement|communiqu\w+)")
_RELEASED_MEDIA = compiled(r"\s+(?:has\s+|have\s+|had\s+)?released\s+(?:a\s+|new\s+|its\s+)?(?:(?:drone|combat|aerial)\s+)?(?:video|footage|photos?|images?|"
                            r"statement|map|report)\b|"
                            # ("the ministry issued its own statement on the liberation of X")
                            rf"\s+(?:(?:has|have|had|later|then|also)\s+)*{_ISSUED_STATEMENT}\s+(?:on|about|announcing|hailing|reporting)\b")
# what a map's maker does to a place on it ("shaded X as grey zone", "moved X into the grey zone")
_MAP_VERB = r"(?:shaded|coloured|colored|marked)\s+(?!(?:the|an?)\s+(?:anniversary|day|start|end|occasion)\b)"
_MAP_MOVE = r"(?:moved|put|placed|shifted)\s+(?=[A-ZА-ЯІЇЄ][\w’'-]+(?:[ -][A-ZА-ЯІЇЄ][\w’'-]+)?\s+(?:in|into|to)\s+(?:the\s+)?gr[ae]y\s+zone)"
_MAPPED = compiled(rf"\s+(?:(?:late\s+|early\s+)?on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+|overnight\s+|earlier\s+)?"
                   rf"(?:has\s+|have\s+|had\s+)?(?:also\s+|now\s+)?(?:{_MAP_VERB}|{_MAP_MOVE})")
_COMMA = compiled(r",(?=\s)")
_DOCUMENT_READ = compiled(r"\b" + _DOCUMENT_THAT + r"(?:read|reads)\s*[:“\"«]")
_ASIDE_OPENS = compiled(r"\s*,\s")
_MAP_VERB_AFTER_ASIDE = compiled(rf"(?<=\s)(?:{_MAP_VERB}|{_MAP_MOVE})")
# "On the DeepState map, X is now shown as occupied": the map's maker tells what its map shows
_ON_THE_MAP_BEFORE = compiled(r"(?:^|[\s(“\"])(?:[Oo]n|[Ii]n)\s+(?:the\s+)?$")
_ON_THE_MAP_AFTER = compiled(r"(?:['’]s)?\s+(?:latest\s+|updated\s+|new\s+|interactive\s+|online\s+)?maps?\b")
_AS_SAYING = compiled(r"\s+as\s+(?:saying|stating|telling|claiming|reporting|writing)\b")
# verbs whose object listens: "told RIA Novosti", "informed the BBC" (the speaker is the subject)
# (nor those whose object is what is disputed: "the General Staff rejected the report", not the report speaking)
_TO_LISTENER = frozenset({"told", "tells", "telling", "informed", "briefed", "assured", "congratulated", "praised",
                          "thanked", "thanks", "thanking", "reject", "refute", "answered",
                          "warned", "quoted", "cited", "rejected", "rejects", "dismissed", "dismisses", "dismiss", "denied",
                          "denies", "refuted", "refutes", "disputed", "disputes", "branded", "brands", "called"})
# "said Viktor Trehubov, spokesman for the Khortytsia group": a role after the name that follows the verb
_ROLE_AFTER = compiled(r",\s+(?:an?\s+|the\s+|its\s+|his\s+|her\s+)?(?:[\w’'-]+\s+){0,3}?(?:spokes(?:man|woman|person)|"
                         r"commander|chief|head|officer|adviser|advisor|minister|governor|mayor|analyst|blogger|"
                         r"correspondent|representative|official|deputy|secretary|director|leader|soldier|sergeant|"
                         r"drone operator|serviceman|fighter|paratrooper|medic)\b")
# (also in one side's words for the other: "the khokhol claims that", "the orcs' reports of")
_SIDE_CLAIMS = compiled(r"\b(?P<side>Russian|Ukrainian|Russia['’]s|Ukraine['’]s|Moscow['’]s|Kyiv['’]s|Kiev['’]s|"
                          r"Kremlin['’]s|[Kk]hokhol|[Uu]krop|[Oo]rcs['’]|[Rr]ashist)\s+(?:claims?|assertions?|reports?|statements?|boasts?|announcements?|"
                          r"allegations?)\s+(?:(?:last|this|earlier|on)\s+(?:week|month|year|[A-Z][a-z]+day|[A-Z][a-z]+)\s+)?"
                          r"(?:that|to have|of|about|regarding|on)\b")  # ("Russia's claim last month to have seized X")
_REJECTS_SIDE_CLAIMS = compiled(r"\s+(?:(?:also|has|had|again|promptly|quickly|swiftly|flatly)\s+)*(?:rejected|rejects|dismissed|dismisses|"
                                r"denied|denies|refuted|refutes|disputed|disputes|debunked|debunks)\s+(?:the\s+)?"
                                + _SIDE_CLAIMS.pattern.removeprefix(r"\b"))
# the sentence opens by answering one side's word ("Rejecting Moscow's statement, the 47th Brigade said ..."):
# who answers is of the other side
# (or the claim told just before: "Rejecting the claim, the brigade said ...": of the side that did not make it)
_FRONTED_ANSWER = compiled(r"^\W*(?:Denying|Rejecting|Dismissing|Refuting|Disputing|Contradicting|Countering)\s+(?:the\s+|th(?:at|is|ese|ose)\s+|such\s+)?"
                           r"(?:(?P<side>Russian|Ukrainian|Russia['’]s|Ukraine['’]s|Moscow['’]s|Kyiv['’]s|Kiev['’]s|Kremlin['’]s)\s+)?"
                           r"(?:[\w-]+\s+){0,2}?(?:claims?|assertions?|reports?|statements?|announcements?|allegations?|account|words)\b")
# a unit's own soldiers still holding the place: a bare numbered unit is then of its usual side, whoever spoke last
_OWN_STILL_HOLD = compiled(r"\b(?:its|their|our)\s+(?:[\w-]+\s+)?(?:soldiers|troops|units|fighters|forces|servicemen|men|defenders)\s+"
                           r"(?:(?:were|are|was|is|had been|have been|remain(?:ed)?|continued?\s+to|continue)\s+)?(?:still\s+)?"
                           r"(?:holding|hold|held)\b")
_OURS_STILL_THERE = compiled(r"\b[Oo]ur\s+(?:[\w-]+\s+)?(?:soldiers|troops|units|fighters|forces|defenders|guys)\s+(?:are|remain)\s+"
                             r"still\s+in\b|\b(?:is|are)\s+still\s+(?:being\s+)?held\s+by\s+our\b|"
                             r"\b(?:is|are)\s+(?:still\s+)?being\s+held\b(?!\s+by\s+(?:the\s+)?(?:Russian|Ukrainian|enemy|occupiers))")
_FORCES_IN_BEFORE = compiled(r"\b(?:forces|troops|units|army|operations?|grouping|contingent)\s+in\s+$")
_LOCAL_WORDS = compiled(r"authorit|official|mayor|head|administration|governor|council|police", re.I)
_CUES = compiled(rf"\b(?:statement|announcement)\s+that\b|\b(?:MoD|[Mm]inistry|[Pp]ropagandists|[Cc]hannels|[Bb]loggers|[Mm]edia|TV|Kremlin|General Staff){_QUOTED_DEED}|according to|['’]s\s+(?:latest\s+|new\s+|earlier\s+)?(?:claims?|statements?|announcements?)\s+(?:on\s+\w+\s+)?that\b|\b(?:fairy[- ]tales?|propaganda|lies)\s+of\b|as stated by|in the words of|\bby\b|\breleased\b|\b{_MAP_VERB}|\b{_MAP_MOVE}|\b{_ISSUED_STATEMENT}", re.I)
#: Where the journalist's own voice begins inside a sentence that quotes someone.
# (a time between them too: "said on Wednesday that", "said late on Friday that")
_THAT_AFTER = compiled(r"(?:\s+(?:late\s+|early\s+)?(?:on|last|this|overnight|earlier)(?:\s+[\w-]+){0,2}?)?\s+that\b")
_FIGHTING_GOES_ON = compiled(r"(?:(?:he|she|they|it)\s+(?:said|says)\s+)?(?:(?:street|heavy|fierce)\s+)?(?:fighting|battles|clashes|combat)\s+"
                             r"(?:is|are|was|were|continu|goes|went|still)", re.I)
_TIME_OF_ITS_OWN = compiled(r"\b(?:last|earlier|ago|since|in (?:19|20)\d\d|in (?:January|February|March|April|May|June|July|August|"
                              r"September|October|November|December))\b")  # a where-clause told with its own time: background
# "confirmed that X, which had 27,000 inhabitants, was back under Kyiv's control": a relative clause
# on the subject, closed before the that-clause's own verb
_RELATIVE_CLOSED = compiled(r"(?:[^,;:.]|(?<=\d)[,.](?=\d)){0,80}?,\s+(?:was|were|is|are|has|have|had|remains|remained)\b")
_OPENING_IT = compiled(r"[Ii]t (?:also |further |later |then |had |has ){0,2}claimed\b")
_APPOSITIVE = compiled(r",\s+(?:one of|the only|a (?:town|city|village|settlement) (?:that|which|where)|which|where|"
                         r"(?:the|a) (?:[\w-]+ ){0,2}?(?:town|city|village|settlement) (?:Russia|Ukraine|Moscow|Kyiv|it|they|"
                         r"the Russians|the Ukrainians|Russian (?:troops|forces)|Ukrainian (?:troops|forces)))\b", re.I)


@dataclass(frozen=True, slots=True)
class Attribution:
    claimant: str
    side: Side
    kind: str
    start: int  # span of the claimant phrase in the sentence
    end: int
    verb: str  # the reporting verb, "according to", or "" for an embedded claimant
    embedded: bool = False  # "allegations made by X that ...": X's claim, reported by another
    from_context: bool = False  # named after the side that spoke before ("a military spokesman")
    person: bool = False  # named by a person's role ("a spokesman for the group"): "he" may point back to it


def journalist(source: str, side: Side = Side.NONE) -> Attribution:
    """The article's own voice: of a side when the outlet is a state's (TASS's copy is Moscow's voice)."""
    return Attribution(f"journalist ({source or 'unattributed'})", side, "journalist", 0, 0, "")


def _valid_on(rule: ClaimantRule, day: dt.date | None) -> bool:
    if day is None:
        return True
    return not ((rule.valid_from and day.isoformat() < rule.valid_from) or (rule.valid_to and day.isoformat() > rule.valid_to))


_OUT_OF_OFFICE: dict[ClaimantRule, ClaimantRule] = {}  # a post holder's rule -> the one out of the post
_ROLE_AFTER_NAME = compiled(r"\s*\([^()]*\)$")  # "Name (role)"


def _as_of(rule: ClaimantRule, day: dt.date | None) -> ClaimantRule:
    """The rule as it names its person on ``day``: a post holder out of that post still speaks for
    the same side, under the name alone ("Oleksandr Syrskyi" before he led the armed forces)."""
    if _valid_on(rule, day):
        return rule
    if rule not in _OUT_OF_OFFICE:
        _OUT_OF_OFFICE[rule] = replace(rule, name=_ROLE_AFTER_NAME.sub("", rule.name), valid_from="", valid_to="")
    return _OUT_OF_OFFICE[rule]


def _out_of_office(rule: ClaimantRule) -> bool:
    return rule in _OUT_OF_OFFICE.values()


def _answered_side(fronted: re.Match[str], recent: Sequence[Attribution] | None) -> Side:
    """The side whose word a fronted answer answers: the one it names ("Rejecting Moscow's statement"), else
    the last speaker of a side ("Rejecting the claim" after the ministry's)."""
    if fronted.group("side"):
        return Side.RU if fronted.group("side").lower().startswith(("russ", "mosc", "krem")) else Side.UA
    return next((a.side for a in reversed(recent or []) if a.side in (Side.RU, Side.UA)), Side.NONE)


def _named(rule: ClaimantRule, context_side: Side) -> tuple[str, Side]:
    if rule.side != "context":
        return rule.name, Side(rule.side)
    named = dict(rule.side_names).get(context_side.value)
    if named:
        return named, context_side
    adjective = SIDE_ADJECTIVE.get(context_side)
    name = rule.name.replace("{side}", adjective) if adjective else rule.name.replace("{side} ", "")
    return name, context_side


_ACCOUNT_AFTER = compiled(r"\s*(?:['’]s? (?:account|words|statement|post|message|report|view)\s*[:,]|:\s*[“\"«])")
# a participle or time clause after a speaker's description: "said Kit, a sergeant, speaking by phone from a dugout"
_TRAILING_CLAUSE = (r",\s+(?:speaking|describing|reached|reaching|interviewed|filmed|talking|lamenting|recalling|"
                    r"as\s+(?:he|she|they)\s|while\s|during\s|standing|sitting|leaning|in\s+(?:the|a|an|his|her|their)\s|"
                    r"resting|recovering|waiting|smoking|scrolling|lying|pointing|cleaning|checking|drinking|eating|sheltering)")
# "said a sergeant from a mechanized brigade who was moved to the area at short notice": how he came to be there
_SENT_THERE = (r",?\s+who\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+\s+)?(?:moved|sent|transferred|redeployed|deployed|"
               r"evacuated|brought|wounded|injured|rotated|posted|stationed)\b")
_CLAUSE_ENDS_AFTER = compiled(r"\s*(?:[.;:!?)”\"]|$|,\s+(?:adding|citing|noting|saying|according|in a|on|who|which)\b|" + _TRAILING_CLAUSE + "|"
                              r"(?:on|late|early|earlier|later)\s|"
                              # "said a Ukrainian drone operator with the call sign Bober"
                              r",?\s+(?:with|using|who\s+uses|who\s+goes\s+by|going\s+by)\s+(?:the\s+|a\s+)?(?:call[- ]?sign|nom\s+de\s+guerre|code\s?name)\b|"
                              # "said a platoon commander who asked not to be named"
                              r",?\s+who\s+(?:asked|requested|spoke\s+on\s+condition)\s+(?:not\s+to\s+be\s+(?:named|identified)|anonymity)\b|"
                              # "said a rifleman of the 72nd Brigade who gave only his call sign, X" / ", who spoke on condition that ..."
                              r",?\s+who\s+(?:(?:would\s+)?(?:only\s+)?(?:gave|gives|give)\s+(?:only\s+)?(?:his|her|their)\s+(?:call[- ]?sign|first\s+name|name|nom\s+de\s+guerre)|"
                              r"(?:goes|went)\s+by|spoke\s+on\s+condition|identified\s+(?:himself|herself)|declined\s+to\s+give)\b|"
                              + _SENT_THERE + "|"
                              # "said a Russian soldier interviewed by state television in the village"
                              r"\s+(?:interviewed|filmed|quoted|recorded)\s+(?:by|on|for)\b|"
                              # "said a sergeant who serves in a Ukrainian brigade" (its side: _SERVES_WITH)
                              r",?\s+who\s+(?:now\s+|still\s+)?(?:serves|served|is\s+serving|fights|fought|is\s+fighting)\s+(?:in|with|for)\b|"
                              # "said a platoon commander named Oleksandr", "said a Russian officer of the Sever group"
                              r",?\s+(?:named|called|nicknamed|known\s+as)\s+(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*)?\s*(?:[.;:!?)”\"]|$)|"
                              r"\s+(?:of|for|from|with)\s+(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,4}?[\w’'-]+\s*(?:[.;:!?)”\"]|$|" + _TRAILING_CLAUSE + "|"
                              + _SENT_THERE + ")|"
                              # ("said Kit, a sergeant in an assault company": his unit, not a place)
                              r"\s+in\s+(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,3}?(?:brigade|battalion|regiment|company|platoon|unit|squad|"
                              r"detachment|corps|division|army)\s*(?:[.;:!?)”\"]|$|" + _TRAILING_CLAUSE + "))")


# a leader or commander ordering his side's troops out of a place ("X on Wednesday ordered troops to
# withdraw from Y"), the subject itself (not "troops have been ordered to leave", nor "ordered them to storm")
_ORDERED_OUT = compiled(r"(?:\s+(?:on\s+\w+|(?!(?:reportedly|allegedly|apparently|purportedly|supposedly|reputedly)\b)\w+ly|later|then|also|"
                        r"formally|publicly))?\s+ordered\s+(?:(?:his|her|its|their|the|all)\s+)?"
                        r"(?:(?:Russian|Ukrainian|remaining)\s+)?(?:troops|forces|units|men|soldiers|army|military|garrison)\s+"
                        r"(?:(?:late\s+|early\s+)?on\s+\w+\s+)?(?:to\s+)?"  # ("ordered his troops on Wednesday to leave")
                        r"(?:withdraw|leave|pull\s+(?:out|back)|retreat|abandon|fall\s+back|move\s+to\s+(?:new|more)|evacuate|out\s+of)\b")
_ORDER_TOLD_AS_HISTORY = compiled(r"\b(?:after|when|before|since|until|once|as)\s+(?:\S+\s+){0,2}$", re.I)
_YEAR = compiled(r"\b(?:19|20)\d\d\b")
_ANSWERED_WITH_WORDS = compiled(r"(?:\s+(?:[A-Z][\w’'-]+\s+){0,2}?[A-Z][\w’'-]+)?(?:\s+(?:on\s+\w+|later|quickly|swiftly|promptly|"
                                r"(?:late|early|later|earlier)\s+on\s+\w+|that\s+(?:morning|afternoon|evening|night|day)|"
                                r"(?:in\s+the\s+)?(?:morning|afternoon|evening|night)))*\s*(?::|,?\s+that\b|,?\s+saying\b)")
_NOT_TELLING = frozenset({"declined", "declines", "refused", "refuses"})
_DECLINED_TO = compiled(r"\s+to\s+(?:comment|confirm|say|discuss|speak|give|elaborate|answer|specify|deny)\b")
_SAID_TO_BE = compiled(r"(?<=said)\s+to\s+(?:be|have)\b|(?<=says)\s+to\s+(?:be|have)\b")
# "dismissed its commander": an act on a person, no rejection of a claim
_DISMISSED_PERSON = compiled(r"\s+(?:his|her|its|their|the|a)\s+(?:[\w-]+\s+)?(?:commander|chief|head|general|minister|officer|deputy|governor|spokes\w+)\b")
# a sentence that opens on its subject's own report, the subject named after the comma
_REPORTED_THEN_SUBJECT = compiled(r"(?:(?:a|an|one|two|three|several|some|hours?|days?|weeks?|minutes?|shortly|soon|just|only)\s+){0,3}"
                                  r"(?:after|before|while|when|having)\s+(?:(?:first|already|earlier|publicly|officially)\s+)?"
                                  r"(?:announc|claim|report|declar)\w*\b[^;:“”\"]{0,200}?,\s*(?:the\s+)?", re.I)
# "named A and B among the villages liberated", "named A as captured", "named three villages: A, B"
_NAMED_PLACES = compiled(r"(?!\s+after\b)[^.;]{0,150}?\b(?:among|as)\b|[^.;:]{0,80}:")
_AMONG_BEFORE = compiled(r"\b[Aa]mong\b")  # ("Among the villages taken, DeepState named A and B")
_THAT_SAID_BEFORE = compiled(r"\s+(?:that|this|it)\s+(?:for|since|again|before|all\s+along|every|many|repeatedly|several)\b")


def connected(sentence: str, start: int, end: int, rules: Rules) -> tuple[str, bool] | None:
    """How a name at start..end is tied to a statement (verb, embedded), if it is: "Oleh said", "said Oleh, 34"."""
    return _connected(sentence, start, end, rules)


def _connected(sentence: str, start: int, end: int, rules: Rules) -> tuple[str, bool] | None:
    """How the phrase at start..end is tied to a statement: (verb, embedded) or None."""
    if _WHATEVER_BEFORE.search(sentence, max(0, start - 20), start):
        return None  # "X is in Russian hands, whatever Kyiv's spokesmen say": what they say is not told
    if _BRIEFED.match(sentence, end):
        return BRIEFED, False  # "Putin was briefed that ...": told by his commanders
    if _CLAIM_NOUN_AFTER.match(sentence, end) and _DISPUTED_BEFORE.search(sentence, max(0, start - 40), start):
        return "claim", True  # "dismissed a Russian Defence Ministry claim that ...": cited by the one who dismisses it
    if _CLAIM_NOUN_AFTER.match(sentence, end) and _CARRIED_BEFORE.search(sentence, max(0, start - 40), start):
        return "statement", False  # "opened its news with a Defence Ministry statement that ...": the statement's maker
    if _SCARE_QUOTED_DEED.match(sentence, end) and not _DOERS_NAMED.search(sentence, start, end):
        # 'the Russian MoD "liberated" X', 'propagandists have "taken" X': a deed no body or channel does, in
        # quotation marks, is its claim (not troops': 'Russian troops "liberated" X, leaving nothing standing')
        return "claimed", False
    saying = _AS_SAYING.match(sentence, end)
    if saying:
        return saying.group().strip(), False
    if _ORDERED_OUT.match(sentence, end) and rules.reporting_verb_words.isdisjoint(lower_words(sentence)[1]) \
            and not _ORDER_TOLD_AS_HISTORY.search(sentence[:start]) and not _YEAR.search(sentence):
        # "the defence minister ordered his troops to leave X": the order tells it, when nobody else
        # speaks (not "X fell after the commander ordered ...", nor an order of a year named: history)
        return "ordered", False
    if _RELEASED_MEDIA.match(sentence, end):
        return "released", False  # "the brigade released video of ..." (not "Russia released 90 prisoners")
    if _MAPPED.match(sentence, end):
        return "mapped", False  # "DeepState shaded X as grey zone": a map's maker tells what it shows
    if _ON_THE_MAP_AFTER.match(sentence, end) and _ON_THE_MAP_BEFORE.search(sentence, max(0, start - 10), start):
        return "mapped", False
    after = sentence[end:end + 240]
    acted_at = end  # where the phrase's verb may start, past a bracket and an apposition
    bracket = _BRACKET.match(after)  # "the Russian Ministry of Defense (MoD) claimed"
    if bracket and not _APPOSITION.match(after):
        after = after[bracket.end():]
        acted_at += bracket.end()
    apposition = _APPOSITION.match(after)
    # "the ministry, which claimed to have taken X in March, did not comment": it speaks in its relative
    # clause, when the main clause has no verb of saying of its own
    told = TELLING_RELATIVE.match(after) if apposition else None
    if apposition and (told is None or not rules.reporting_verbs.fullmatch(told.group(1))):
        # (past a role first: "X, the installed governor of the region, who said on Saturday that ...", or after
        # another verb: "X, who heads the installed administration and said on Monday that ...")
        told = _TELLING_RELATIVE_LATER.match(after, apposition.end() - 1) or _AND_TOLD.match(after)
    relative_verb = told.group(1) if told is not None and rules.reporting_verbs.fullmatch(told.group(1)) \
        and told.group(1) not in _NOT_TELLING else ""
    if apposition:
        after = after[apposition.end():]
        acted_at += apposition.end()
        saying = _AS_SAYING.match(sentence, acted_at - 1) or _AS_SAYING.match(sentence, acted_at)
        if saying:  # "quoted X, the Moscow-installed head of the region, as saying"
            return saying.group().strip(), False
        if (mapped := _MAPPED.match(sentence, acted_at)) is not None:
            return mapped.group().split()[-1], False  # "Rybar, a channel that publishes its own maps, shaded X red"
        if _RELEASED_MEDIA.match(sentence, acted_at - 1) or _RELEASED_MEDIA.match(sentence, acted_at):
            return "released", False  # "the brigade, which took part in the assault, released footage ... and said"
        if _ORDERED_OUT.match(sentence, acted_at) and rules.reporting_verb_words.isdisjoint(lower_words(sentence)[1]) \
                and not _ORDER_TOLD_AS_HISTORY.search(sentence[:start]) and not _YEAR.search(sentence):
            return "ordered", False  # "X, then the new commander-in-chief, ordered his troops out of Y"
    charge = _IN_CHARGE.match(after)  # "a local official in charge of a border community said"
    if charge:
        after = after[charge.end():]
    after = after[:160]  # (the verb within reach: past an aside as long as "speaking on condition of anonymity because ...")
    map_verb = _MAP_VERB_AFTER_ASIDE.search(after)
    if map_verb and _ASIDE_OPENS.match(after) and after[:map_verb.start()].count(",") >= 2 and _GAP_TO_VERB.match(after[:map_verb.start()]):
        return "mapped", False  # "DeepState, usually slow to admit losses, marked X as lost"
    progressive = _PROGRESSIVE.match(after)  # "Russian bloggers are circulating a video"
    if progressive and (rules.reporting_verbs.fullmatch(progressive.group(1)) or progressive.group(1) in _REPORTS_IN_PROGRESSIVE):
        return progressive.group(1), False
    for verb in rules.reporting_verbs.finditer(after):
        if verb.group() == "named" and not (_NAMED_PLACES.match(after, verb.end()) or _AMONG_BEFORE.search(sentence, 0, start)):
            continue  # "named a new commander", "named after a hero", "asked not to be named": no report of places
        if verb.group() == "answered" and not _ANSWERED_WITH_WORDS.match(after, verb.end()):
            continue  # "answered X on Monday: ...", "answered that": words given; not "has answered some of its claims"
        if _GAP_TO_VERB.match(after[:verb.start()]) and (not _QUOTE_THEN_SPEAKER.search(_NAME_QUOTED.sub(_blank, after[:verb.start()]))
                                                          or _QUOTED_NAME.fullmatch(after, 0, verb.start())):
            if "," in after[:verb.start()] and _EMBEDDED.search(sentence, max(0, start - 110), start):
                return "", True  # "rejected claims by the ministry, published on Monday, that": cited, not speaking
            if verb.group().startswith("dismiss") and _DISMISSED_PERSON.match(after, verb.end()):
                return None
            if verb.group() in _NOT_TELLING and _DECLINED_TO.match(after, verb.end()) or _SAID_TO_BE.match(after, verb.end()):
                # "declined to comment on reports that ...", "troops said to be short of ammunition": nothing told
                return (relative_verb, False) if relative_verb else None
            if verb.group().endswith("ing") and _THAT_SAID_BEFORE.match(after, verb.end()):
                return None  # "the Russians have been saying that for months": what was told before, no claim here
            return verb.group(), False
        break
    # ("X, the head of Y, gave a different picture, saying that ...")
    said = _ACT_THEN_SAYING.match(sentence, end) or _ACT_THEN_SAYING.match(sentence, acted_at)
    if said:
        return said.group(1), False  # "X appeared in a video on Saturday, announcing that ..."
    for comma in _COMMA.finditer(after, after.find(",") + 1 if _ASIDE_OPENS.match(after) else len(after)):
        # past an aside: "bloggers, including X, gave a grimmer account, saying"
        if _GAP_TO_VERB.match(after[:comma.end()]) and (said := _ACT_THEN_SAYING.match(after, comma.end() - 1)):
            return said.group(1), False
    if _ACCOUNT_AFTER.match(sentence[end:end + 40]) and not _TOLD_TO_BEFORE.search(sentence, max(0, start - 20), start):
        return "account", False  # "Skibchyk's account: ...", "Pushilin: “...”" (not who was told: "X told Ukrainian media: ...")
    if start == 0 and _LEAD_COLON.match(sentence, end, end + 3) and not _COUNTRY.fullmatch(sentence, start, end) or \
            _TRAILING_CREDIT.fullmatch(sentence, end) and _DASH_BEFORE.search(sentence, max(0, start - 4), start):
        return "credit", False  # headline credits: "DeepState: Russian forces took X", "Russians occupy X – DeepState"
    if _BRACKET_CLOSES_AT_END.fullmatch(sentence, end) and _BRACKET_OPENS_BEFORE.search(sentence, max(0, start - 12), start):
        return "credit", False  # a status line's "X – contested (DeepState)"
    if _OWN_CLAIM.match(sentence, end, end + 60):
        return "claim", True  # "could not verify the Russian Defence Ministry's claim that ...": cited
    before = sentence[max(0, start - 110):start]
    if _JUDGING_BY.search(before):
        return None  # "Judging by footage published by Russian units, the enemy has taken X": evidence, not a voice
    if _ACCORDING_TO.search(before):
        return "according to", False
    if start <= 240 and _REPORTED_THEN_SUBJECT.fullmatch(sentence, 0, start):
        return "announcing", False  # "A day after announcing the capture of X, the ministry removed ...": its announcement
    if _EMBEDDED.search(before) or _CLAIMS_OF.search(before):
        return "", True
    # "..., a military spokesman said" / "said the Ukrainian military." (the reporting clause ends
    # there: "said Russian troops had entered X" names troops, not a speaker)
    tail = _LAST_WORD.search(before)
    if tail and rules.reporting_verbs.fullmatch(tail.group(1)) and tail.group(1) not in _TO_LISTENER and \
            (_CLAUSE_ENDS_AFTER.match(sentence[end:end + 60]) or _ROLE_AFTER.match(sentence, end)
             or _ROLE_NOUN_THEN_END.match(sentence, end)):  # ("said the Russian Defence Ministry spokesman.")
        return tail.group(1), False
    return (relative_verb, False) if relative_verb else None


# the matches of each claimant and person pattern in the sentence read last: named_claimants reads
# the sentence find_attributions has just read (the same string), and need not run them again
# (by the pattern's id: hashing a compiled pattern hashes its whole code each time)
_MATCHES: dict[int, tuple[re.Pattern[str], list[re.Match[str]]]] = {}
_MATCHES_IN: list[str | None] = [None]


def _matches(pattern: re.Pattern[str], sentence: str) -> list[re.Match[str]]:
    """Every match of ``pattern`` in ``sentence`` (pattern.finditer), kept while the sentence is the same."""
    if _MATCHES_IN[0] is not sentence:
        _MATCHES.clear()
        _MATCHES_IN[0] = sentence
    found = _MATCHES.get(id(pattern))
    if found is None or found[0] is not pattern:
        found = _MATCHES[id(pattern)] = (pattern, list(pattern.finditer(sentence)))
    return found[1]


def _person_matches(pattern: re.Pattern[str], sentence: str) -> list[re.Match[str]]:
    """_matches(pattern, sentence) of a person pattern: none, without trying the pattern at every
    word, when the sentence holds nothing its name group matches (two capitalised words: most
    sentences that hold a role word, "analysts said", name nobody so)."""
    name = group_pattern(pattern, "name")
    if name is not None and name.search(sentence) is None:
        return []
    return _matches(pattern, sentence)


# the words of _LOCAL_WORDS, while it is plain lower-case words (else it is searched as it is)
_LOCAL_WORD_LIST = tuple(_LOCAL_WORDS.pattern.split("|")) if re.fullmatch(r"[a-z]+(?:\|[a-z]+)*", _LOCAL_WORDS.pattern) \
    else ()


def _own_forces_named(sentence: str, end: int, rules: Rules) -> Side | None:
    """The side of the forces a speaker calls its own after it ("units of its Battlegroup South")."""
    for its in _ITS_NAMED_AFTER.finditer(sentence, end):
        for pattern, key in rules.side_words:
            if key in ("RU", "UA") and pattern.match(sentence, its.end()):
                return Side(key)
    return None


_SIDED_BY_PARTNER = ("military", "official", "government")
_AND_THEN = compiled(r",\s+and\s+(?:[\w’'-]+\s+){0,2}$")  # the clause before ends: ", and the military announced"


_TOLD_TO_BEFORE = compiled(r"\b(?:told|tells|telling|to|with)\s+(?:the\s+)?$")


def find_attributions(sentence: str, rules: Rules, *, context_side: Side = Side.NONE,
                      day: dt.date | None = None, place_country: dict[str, str] | None = None,
                      recent: list[Attribution] | None = None, soldier_side: Side = Side.NONE) -> list[Attribution]:
    """Every claimant the sentence attributes something to, in order of appearance.

    ``context_side`` names the side of claimants like "a military spokesman"; ``recent`` are the
    claimants named lately in the article, newest last, for "the source", "he argues" and "the
    ministry said";
    ``place_country`` maps place names to their country, for local authorities; ``soldier_side`` is
    the side of the soldiers and units the article quoted last, for one more quoted by trade alone.
    """
    found: list[Attribution] = []
    taken: list[tuple[int, int]] = []
    lower, words = lower_words(sentence)  # (the words _TOKENS finds)
    if words.isdisjoint(rules.reporting_verb_words) and "ordered" not in words and not _CUES.search(sentence) \
            and not _SIDE_CLAIMS.search(sentence) and not _CREDIT_SHAPE.search(sentence) and not _DOCUMENT_READ.search(sentence):
        return found  # no "said", no "according to", no "made by", no "Russia's announcement": nobody is quoted

    def overlaps(start: int, end: int) -> bool:
        return any(start < e and s < end for s, e in taken)

    def add(attribution: Attribution) -> None:
        if overlaps(attribution.start, attribution.end):
            return
        taken.append((attribution.start, attribution.end))
        found.append(attribution)

    matches: list[tuple[int, int, ClaimantRule]] = []
    # all aliases in one pattern find where claimants may start (overlapping: "the Ministry of
    # Defence in Moscow" holds three starts); each start is tried with every rule, and the
    # longest alias wins below ("the Ministry of Defence in Moscow" over "Moscow")
    # only the rules whose literal anchors the sentence holds can match (events/anchors.py)
    candidates = rules.claimant_index.candidates(sentence)
    people = [rules.people[i - len(rules.claimants)] for i in candidates if i >= len(rules.claimants)]
    for index in candidates:
        if index >= len(rules.claimants):
            break
        rule = _as_of(rules.claimants[index], day)
        for m in _matches(rule.regex, sentence):
            matches.append((m.start(), m.end(), rule))
            # and the ones starting inside it: "the Russian Ministry" holds "Russian Ministry of Defence"
            for inner in _WORD_START.finditer(sentence, m.start() + 1, m.end()):
                longer = rule.regex.match(sentence, inner.start())
                if longer is not None:
                    matches.append((longer.start(), longer.end(), rule))
    # "Vladyslav Voloshyn" is not the known Nazar Voloshyn: a surname after another given name
    matches = [(start, end, rule) for start, end, rule in matches
               if not _other_given_name(sentence, start, end, rule, rules)]
    # spans of known claimants: a person pattern must not take their names
    # (a post holder out of that post may be named with the post held then: "Commander Name")
    known = [(start, end) for start, end, rule in matches if rule.side != "context" and not _out_of_office(rule)]
    for person in people:  # only the person patterns whose role words the sentence holds
        for attribution in _people(person, sentence, rules, known, place_country):
            add(attribution)
    # longest first, so "Ministry of Defence in Moscow" wins over "Moscow"
    for start, end, rule in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        if overlaps(start, end):
            continue  # inside a longer claimant already found: add() would drop it, whatever its link
        if sentence.startswith(",", end) and _RELATIVE_OPEN.search(sentence, max(0, start - 80), start) \
                and not (_RELATIVE_BEFORE.search(sentence, max(0, start - 20), start) and _APPOSITION.match(sentence[end:end + 240])):
            continue  # "the channel, which is close to the military, reported": the channel reports (not the
            # clause's own speaker, an aside after it: "X, which the ministry, citing its units, said had fallen")
        if rule.name in GENERIC_STATES and _FORCES_IN_BEFORE.search(sentence, max(0, start - 40), start) \
                and sentence.startswith(("Ukraine", "Russia"), start):
            continue  # "the commander of Russian forces in Ukraine, X, said": where the forces are, not the speaker
        if _FORCES_NAMED.search(sentence, start, end) \
                and (object_of := _PREPOSITION_BEFORE.search(sentence, max(0, start - 40), start)) is not None \
                and object_of.group(1).lower() not in _SPEAKER_NOUNS:
            # "liberated from Ukrainian forces, the ambassador, X, said": an object, no speaker (not
            # "officials from the President's Office")
            continue
        if _FORCES_NAMED.search(sentence, start, end) and FOUGHT_BEFORE.search(sentence, max(0, start - 30), start):
            continue  # "a Russian assault trooper who has fought Ukrainian forces since 2022, said": whom he fought
        link = _connected(sentence, start, end, rules)
        if link is not None:
            context = context_side if context_side is not Side.NONE or not rule.default_side else Side(rule.default_side)
            if rule.name == SOLDIER_RULE and soldier_side is not Side.NONE:
                # "... a machine-gunner with the 72nd Brigade said. Russia's ministry announced ... 'Half of X was
                # theirs,' a combat medic said": a comrade of the soldiers quoted before, not of whoever spoke last
                context = soldier_side
            if rule.side == "context" and "ministry" in rule.name:
                # "the defence ministry said" after the article named one: that ministry, whoever spoke last
                named_ministry = [a for a in recent or [] if a.side is not Side.NONE and "Ministry of Defence" in a.claimant]
                if named_ministry:
                    context = named_ministry[-1].side
            if rule.side == "context" and rule.name == "{side} MoD":
                # a bare "the MoD" is Moscow's, unless the article named another ministry, or Britain's
                # intelligence, before it ("UK Defence Intelligence said ... The MoD also said")
                named_ministry = [a for a in recent or [] if "Ministry of Defence" in a.claimant or a.claimant == "Western officials"]
                context = named_ministry[-1].side if named_ministry else Side.NONE if _BRITISH.search(sentence) else Side.RU
            if rule.side == "context" and "General Staff" in rule.name and rule.default_side:
                # a bare "the General Staff" is Ukraine's in English-language copy, whoever spoke last, unless
                # the article named Russia's ("Gerasimov", "Russia's General Staff") before
                named_staff = [a for a in recent or [] if a.side is not Side.NONE
                               and ("General Staff" in a.claimant or "Gerasimov" in a.claimant)]
                # (not "the chief of the General Staff reported to the president": a person the context names)
                if not _CHIEF_OF_BEFORE.search(sentence, max(0, start - 30), start):
                    context = named_staff[-1].side if named_staff else Side(rule.default_side)
            # (or inside it: "a source in the Ukrainian military")
            adjective = _SIDE_BEFORE.search(sentence, max(0, start - 16), start) or _SIDE_INSIDE.search(sentence, start, end) \
                if rule.side == "context" else None
            if adjective is not None:  # "a Ukrainian company commander": the side said right before it
                context = Side.RU if adjective.group(1).startswith(("Russia", "Moscow")) else Side.UA
            elif rule.side == "context" and _UKRAINIAN_UNIT_KIND.search(sentence, start, end):
                # "the 425th Separate Assault Regiment said", "the 47th Mechanized Brigade": kinds of unit only
                # Ukraine's army names so (Russia's are "Motor Rifle", "Guards"), whoever spoke last
                context = Side.UA
            elif rule.side == "context" and _ITS_BEFORE.search(sentence, max(0, start - 20), start) \
                    and (owner := _last_state_before(sentence, start)) is not None:
                # "Ukraine withdrew its troops from X, its new army chief said": the state "its" stands for
                context = owner
            elif rule.side == "context" and (serves := _SERVES_WITH.match(sentence, end)) is not None:
                # "said the sergeant, who serves in a Ukrainian brigade": the side of the forces he serves with
                context = Side.RU if serves.group(1).startswith("Russia") else Side.UA
            elif rule.side == "context" and (fought := _FOUGHT_SIDE.match(sentence, end)) is not None:
                # "a sniper who has fought the Ukrainian army since 2014": the other side's
                context = Side.UA if fought.group("side").startswith("Russia") else Side.RU
            elif rule.side == "context" and (unit := _unit_side(sentence, end, rules)) is not None:
                # "said a sergeant of a unit from the Azov corps": the side its unit's name tells
                context = unit
            elif rule.side == "context" and (own := _own_forces_named(sentence, end, rules)) is not None:
                # "the defence ministry said units of its Vostok group took X": the side its forces' name tells
                context = own
            elif rule.side == "context" and _STILL_HELD_BY.search(sentence) is not None:
                # (Ukraine's holding only: a Ukrainian brigade may concede that a village remains under
                # Russian control)
                context = Side.UA
            elif rule.side == "context" and (foe := _FOE_BEATEN.search(sentence)) is not None:
                # "the 68th Brigade said its soldiers had pushed Russian forces out of X": the other side's unit
                # (its own soldiers did it: not "asked about claims that Kyiv had pushed Russian forces out")
                context = Side.UA if foe.group(1).startswith("Russia") else Side.RU
            elif rule.side == "context" and (foe := _REJECTS_SIDE_CLAIMS.match(sentence, end)) is not None:
                # "the Defence Ministry rejected Kiev's claims about X": the ministry of the other side
                context = Side.UA if foe.group("side").lower().startswith(("russ", "mosc", "krem")) else Side.RU
            elif rule.side == "context" and (foe := _FRONTED_ANSWER.match(sentence)) is not None and foe.end() <= start \
                    and (answered := _answered_side(foe, recent)) is not Side.NONE:
                context = answered.opponent()
            elif rule.side == "context" and rule.default_side and _OWN_STILL_HOLD.search(sentence, end) is not None:
                context = Side(rule.default_side)
            elif rule.side == "context" and _OURS_STILL_THERE.search(sentence) is not None \
                    and (answered := next((a.side for a in reversed(recent or []) if a.side in (Side.RU, Side.UA)), Side.NONE)) \
                    is not Side.NONE:
                # "Moscow said ... had abandoned X. 'Our troops are still in X,' a brigade spokesman said": the answer is
                # the other side's
                context = answered.opponent()
            elif rule.side == "context" and (capital := _CAPITAL_OPENS.match(sentence)) is not None and capital.end() <= start:
                # "In Moscow, the defence ministry said ...": the capital the sentence opens in
                context = Side.RU if capital.group(1) == "Moscow" else Side.UA
            if context is Side.NONE and rule.side == "context":
                # "soldiers of the 68th Brigade posted a video ..., and the military announced ...": a bare "the
                # military" of the side of the sentence's speaker before it, when nothing else tells its side
                context = next((b.side for b in found if b.end <= start and not b.embedded and b.verb
                                and b.kind in _SIDED_BY_PARTNER and _AND_THEN.search(sentence, b.end, start)), Side.NONE)
            name, side = _named(rule, context)
            namesake = _namesake(sentence[start:end], name, recent or [], rules.given_names)
            if namesake is not None:
                name, side = namesake.claimant, namesake.side  # "Voloshyn said": the one named lately
            if link[0] == BRIEFED and side in SIDE_ADJECTIVE:
                # the claim is the briefers', of the leader's side: "Russian military (briefing Vladimir Putin)"
                add(Attribution(f"{SIDE_ADJECTIVE[side]} military (briefing {name.split(' (')[0]})", side, "military",
                                start, end, link[0]))
                continue
            add(Attribution(name, side, rule.kind, start, end, link[0], link[1], rule.side == "context",
                            _PERSON_ROLE.search(sentence, start, end) is not None))
    # _LOCAL_WORDS's plain words in the lower-cased sentence: what IGNORECASE finds, unless the
    # sentence holds a character the two read differently (İ ı ſ K)
    local = any(w in lower for w in _LOCAL_WORD_LIST) if _LOCAL_WORD_LIST and (sentence.isascii() or _FOLDS.search(sentence) is None) else \
        _LOCAL_WORDS.search(sentence) is not None
    for pattern, _example in rules.local_authorities if local else ():
        for m in pattern.finditer(sentence):
            link = _connected(sentence, m.start(), m.end(), rules)
            place = m.group("place") if "place" in pattern.groupindex and m.group("place") else \
                _first_place(sentence, place_country)
            place = place.removesuffix("'s").removesuffix("’s")  # "Pechenihy's mayor"
            # (not when the sentence names a place before it: "In neighbouring X, the mayor said": X's mayor)
            role = _LOCAL_HEAD.search(m.group()) if m.group().lower().startswith("the ") and not (
                (fronted := _IN_PLACE_OPENS.match(sentence)) and fronted.end() <= m.start()) else None
            named_head = None if role is None or "place" in pattern.groupindex and m.group("place") else next(
                (a for a in reversed(recent or []) if a.kind == "local official" and role.group().lower() in a.claimant.lower()), None)
            if named_head is None and "place" in pattern.groupindex and m.group("place") \
                    and (head := _LOCAL_HEAD.search(m.group())) is not None:
                # "Oleh Syniehubov, the governor of Kharkiv region, said ... The governor of Kharkiv region said": him
                region = m.group("place").split()[0]
                named_head = next((a for a in reversed(recent or []) if a.kind == "local official" and "(" in a.claimant
                                   and head.group().lower() in a.claimant.lower() and f"({region} " in a.claimant), None)
            if link is not None and named_head is not None:
                # "Governor X said ... Russian troops entered Y, the governor said": X, not Y's authorities
                add(replace(named_head, start=m.start(), end=m.end(), verb=link[0], embedded=link[1]))
                continue
            if link is not None and place and (place_country is None or place in place_country):
                country = (place_country or {}).get(place, "")
                side = Side.UA if country == "UA" else Side.RU if country == "RU" else Side.NONE
                if _UKRAINIAN_WORD.search(m.group()):
                    side = Side.UA  # "the Ukrainian governor" of a place in Russia
                # (not Ukraine's Luhansk regional military administration, nor "the Luhansk governor")
                if _INSTALLED.search(sentence, max(0, m.start() - 40), m.end()) or place in rules.installed_since_2014 \
                        and not _UKRAINIAN_OFFICE.search(m.group()) and not _REGIONAL_ROLE.search(m.group()):
                    side = Side.RU
                add(Attribution(f"{place} authorities", side, "local authorities", m.start(), m.end(), link[0], link[1]))
    for m in _SIDE_CLAIMS.finditer(sentence):
        # "despite Russian claims to have seized it", "Ukrainian reports that": that side's claim
        side = Side.RU if m.group("side").lower().startswith(("russ", "mosc", "krem", "orc", "rashist")) else Side.UA
        add(Attribution("Russian government" if side is Side.RU else "Ukrainian government", side, "official",
                        m.start("side"), m.end("side"), "", True))
    if recent:
        # "Lysohor said": a person named in full before ("regional governor Artem Lysohor")
        for person in {a.claimant: a for a in recent if a.kind != "journalist"}.values():
            surname = _SURNAME.match(person.claimant)
            if surname is None or surname.group(1) not in sentence:
                continue  # (the pattern below needs the surname as it is written)
            for m in re.finditer(rf"\b{re.escape(surname.group(1))}\b(?!['’])", sentence):
                link = _connected(sentence, m.start(), m.end(), rules)
                if link is not None:
                    add(replace(person, start=m.start(), end=m.end(), verb=link[0], embedded=link[1]))
    if recent or found:
        for m in rules.anaphora.finditer(sentence):
            # "he said", "in his words" speak by themselves; "the ministry" only with a verb
            # ("the report" is a noun: it speaks only with a verb of its own)
            speaks = " " in m.group() and not _POINTING_NOUN.match(m.group()) and (
                rules.reporting_verbs.search(m.group()) or re.match(r"(?i)in |by |according", m.group()))
            if speaks and m.group()[:3].lower() == "in " and any(a.end <= m.start() and not a.embedded and a.verb for a in found):
                continue  # "X disputed the claim in a post": X's post, no one else's
            link = None if speaks else _connected(sentence, m.start(), m.end(), rules)
            if speaks or link is not None:
                # ("The corps posted a video it said showed ...": "it" is the sentence's own subject, named before it)
                here = [a for a in found if a.end <= m.start() and not a.embedded] if _PRONOUN.match(m.group()) else []
                antecedent = (_antecedent(m.group(), here, fitting_only=True) if here else None) or _antecedent(m.group(), recent or [])
                if antecedent is not None:
                    # ("dismissed the report as fake": the report's owner is cited, not speaking)
                    add(replace(antecedent, start=m.start(), end=m.end(), verb=m.group(),
                                embedded=bool(link and link[1])))
    for m in _BARE_MINISTRY.finditer(sentence) if "he ministry" in sentence else ():  # (what it needs, letter for letter)
        # "the ministry said" with no ministry named before: the defence ministry of the side the
        # sentence speaks for (left unsided for assemble to name from the article)
        link = _connected(sentence, m.start(), m.end(), rules)
        named = _antecedent(m.group(), [a for a in found if a.end <= m.start()], fitting_only=True)
        if link is not None and named is not None:
            # ("Russia's defence ministry said it took A, which the ministry, using the Russian name, described as"): that one
            add(replace(named, start=m.start(), end=m.end(), verb=link[0], embedded=link[1]))
            continue
        rule = next((r for r in rules.claimants if r.side == "context" and "ministry" in r.name), None)
        if link is not None and rule is not None:
            name, side = _named(rule, context_side)
            add(Attribution(name, side, rule.kind, m.start(), m.end(), link[0], link[1], True))
    if len(found) < 2:
        return found  # (each test below sets one claimant inside another: one alone stays, as it is)
    # "military expert Andrei Marochko told": "military" qualifies the person named next; it does not speak
    inside = {id(a) for a in found for b in found if a is not b and a.verb and a.verb == b.verb
              and a.end <= b.start <= a.end + 40 and re.fullmatch(r"[\s\w’'-]*", sentence[a.end:b.start])
              and " and " not in sentence[a.end:b.start]}
    # "The head of the Sumy regional administration, Oleh Hryhorov, said": the title and the name set beside
    # it are one speaker, the name
    inside |= {id(a) for a in found for b in found if a is not b and a.verb and a.verb == b.verb and a.end < b.start
               and "(" in b.claimant and "(" not in a.claimant and _TITLE_THEN_NAME.fullmatch(sentence, a.end, b.start) and _NAME_CLOSED.match(sentence, b.end)}
    # "Viktor Trehubov, spokesman for the Khortytsia group, said": the group in the apposition does not speak
    for a in found:
        apposition = _APPOSITION.match(sentence[a.end:a.end + 240]) if a.verb else None
        if apposition:
            # (but an outlet citing a side's body speaks for it: "TASS, citing the Defence Ministry, reported")
            relayed = a.kind == "media" and _CITING_ASIDE.match(apposition.group()) is not None
            inside |= {id(b) for b in found if a.end <= b.start < a.end + apposition.end()
                       and not (relayed and b.side is not Side.NONE and not b.from_context)}
    return sorted((a for a in found if id(a) not in inside), key=lambda a: a.start)


_CITING_ASIDE = compiled(r"\s*,\s+(?:citing|quoting)\s+(?!(?:[\w-]+\s+){0,2}?sources?\b)")  # (not "citing sources in the X group")
_TITLE_THEN_NAME = compiled(r"\s*,\s*")
_NAME_CLOSED = compiled(r"\s*,(?!\s*(?:and|or)\b)(?=(?:\s*(?:who|which)\s[^;]{0,80}?,)?[^,;]{0,40}?\b(?:said|says|told|wrote|added|claimed|stated|reported|denied|insisted|confirmed)\b)")
_MINISTRY = compiled(r"ministry", re.I)
_POINTING_NOUN = compiled(r"(?:the|this|that|these)\s", re.I)
_LOCAL_HEAD = compiled(r"\b(?:governor|mayor)\b", re.I)
_IN_PLACE_OPENS = compiled(r"\W*In\s+(?:neighbou?ring\s+|nearby\s+)?(?:the\s+(?:town|city|village)\s+of\s+)?[A-ZА-ЯІЇЄ][\w’'-]+(?:\s+[A-Z][\w’'-]+)?,")
_ONE_PERSON = re.compile(r"\b(?:he|she|his|her|him|spokes\w+|speaker|chief|commander|general|minister|governor|head|"
                         r"president|official)\b", re.I)
_NOUN_WANTS = (  # what a pointing phrase may point back to: (its words, a test of the claimant)
    # ("Its spokesman said", "their press service": the body's, not a person's)
    (re.compile(r"^(?:its|their)\s", re.I), lambda a: "(" not in a.claimant or _GROUP_NAMED.search(a.claimant) is not None),
    (_MINISTRY, lambda a: "inistry" in a.claimant),
    (_LOCAL_HEAD, lambda a: a.kind in ("local official", "local authorities") or _LOCAL_HEAD.search(a.claimant) is not None),
    (re.compile(r"\bsources?\b", re.I), lambda a: a.kind == "anonymous" or "source" in a.claimant),
    (re.compile(r"think tank|analyst|project|channel|initiative|monitoring group|monitors", re.I), lambda a: a.kind in ("analyst", "media")),
    (_ONE_PERSON,
     lambda a: "(" in a.claimant or a.kind == "local authorities" or a.person
     or re.search(r"official(?!s)|spokes|commander|officer|minister|governor|head|chief|analyst|general|source",  # ("he": one official, not "officials")
                  a.claimant, re.I) is not None),
    # ("the agency" is an intelligence service or a news agency named before, not the state that spoke last)
    (re.compile(r"\bagency\b", re.I),
     lambda a: a.claimant not in GENERIC_STATES and ("(" not in a.claimant or re.search(r"agency|intelligence", a.claimant) is not None)),
    # ("Channels linked to Wagner published a video of a building they said was in X": a body, plural, not a person)
    (re.compile(r"\b(?:they|their|them)\b", re.I), lambda a: a.kind == "media"),
    (re.compile(r"\b(?:it|its|statement|report|summary|bulletin|corps|command|agency|outlet|newspaper)\b", re.I),
     # (never a person, one the narration introduced or a soldier named by trade: "The marine lies on a hospital bed. In
     # its evening update it said ...")
     lambda a: ("(" not in a.claimant or _GROUP_NAMED.search(a.claimant) is not None) and not a.person and a.kind != "resident"
     and a.claimant != "soldier"),
)
# a claimant named by a person's role in it ("A spokesman for Ukraine's Luhansk group ...", then "he told")
_PERSON_ROLE = compiled(r"\b(?:spokes(?:man|woman|person)|commander|officer|official|representative)\b", re.I)
# a group whose name is glossed in brackets ("Russian Volunteer Corps (fighting for Ukraine)"), no person
_GROUP_NAMED = compiled(r"\b(?:Corps|Legion|Battalion|Brigade|Regiment|blog|channel|project)\b")


_ALSO_SPOKE = compiled(r"[Ii]t (?:also|further) |.*\b(?:statement|report|summary|bulletin|briefing|update)\b")
_PRONOUN = compiled(r"(?:it|he|she|they)\b", re.I)


def _antecedent(phrase: str, recent: list[Attribution], fitting_only: bool = False) -> Attribution | None:
    """The claimant a pointing phrase stands for: the latest of the recent ones it can be ("the
    ministry" a ministry, "he" a person, "the think tank" an analyst), else the latest (unless
    ``fitting_only``)."""
    candidates = [a for a in recent if a.kind != "journalist"]
    if _ALSO_SPOKE.match(phrase):
        # "It also claimed X" goes on from one who spoke, not one only named since ("Kyiv did not confirm the loss");
        # so does "according to the summary" (not "inflicted losses on a brigade of the Ukrainian Armed Forces")
        candidates = [a for a in candidates if a.verb != "named"] or candidates
    for words, fits in _NOUN_WANTS:
        if words.search(phrase):
            fitting = [a for a in candidates if fits(a)]
            if not fitting and words in (_MINISTRY, _LOCAL_HEAD):
                return None  # "the ministry" is no agency that spoke before it, "the governor" no army
            return fitting[-1] if fitting else (candidates[-1] if candidates and not fitting_only else None)
    return candidates[-1] if candidates and not fitting_only else None


def cited_only(sentence: str, attribution: Attribution) -> bool:
    """Whether the sentence names the claimant only as the owner of a statement it cites ("the
    Russian General Staff's statement about X"): the one spoken about, not a speaker."""
    return _OWN_CLAIM.match(sentence, attribution.end, attribution.end + 60) is not None


def named_claimants(sentence: str, rules: Rules, *, context_side: Side = Side.NONE,
                    day: dt.date | None = None) -> list[Attribution]:
    """Every known claimant the sentence names, whether or not it says anything ("Source: Hanna
    Maliar on Telegram"), longest first where two overlap, in order."""
    found: list[Attribution] = []
    known: list[tuple[int, int]] = []  # (a post holder out of the post may be named with the post held then)
    candidates = rules.claimant_index.candidates(sentence)
    for index in candidates:
        if index >= len(rules.claimants):
            break
        rule = _as_of(rules.claimants[index], day)
        for m in _matches(rule.regex, sentence):
            context = context_side if context_side is not Side.NONE or not rule.default_side else Side(rule.default_side)
            adjective = _SIDE_BEFORE.search(sentence, max(0, m.start() - 16), m.start()) \
                or _SIDE_INSIDE.search(sentence, m.start(), m.end()) if rule.side == "context" else None
            if adjective is not None:  # ("A Ukrainian platoon commander, interviewed here, did not dispute it.")
                context = Side.RU if adjective.group(1).startswith(("Russia", "Moscow")) else Side.UA
            name, side = _named(rule, context)
            found.append(Attribution(name, side, rule.kind, m.start(), m.end(), "named",
                                     person=_PERSON_ROLE.search(sentence, m.start(), m.end()) is not None))
            if not _out_of_office(rule):
                known.append((m.start(), m.end()))
    for person in [rules.people[i - len(rules.claimants)] for i in candidates if i >= len(rules.claimants)]:
        for m in _person_matches(person.regex, sentence):
            if any(m.start("name") < e and s < m.end("name") for s, e in known) or m.group("name").split()[0] in _NOT_GIVEN_NAMES:
                continue  # a known claimant's name: the known claimant, as in find_attributions (nor "In Pechenihy, the spokesman")
            role = m.group("role")
            side = _role_side(role, rules)
            found.append(Attribution(f"{m.group('name')} ({role})", side, "military", m.start(), m.end(), "named"))
    found.sort(key=lambda a: (a.start, a.start - a.end))
    out: list[Attribution] = []
    for a in found:
        if not out or a.start >= out[-1].end:
            out.append(a)
    return out


def _first_place(sentence: str, place_country: dict[str, str] | None) -> str:
    """The first settlement the sentence names ("Russian troops entered Pechenihy after crossing
    from Belgorod, a local official said": Pechenihy's), "" when it names none."""
    spots = []
    for name in place_country or {}:
        if name.isupper() and len(name) > 3:
            continue  # a dateline ("KHARKIV, Ukraine, May 15 -"): where the story was filed
        at = sentence.find(name)
        while at != -1:
            end = at + len(name)
            if (at == 0 or not sentence[at - 1].isalnum()) and (end == len(sentence) or not sentence[end].isalnum()):
                spots.append((at, name))
                break
            at = sentence.find(name, at + 1)
    return min(spots)[1] if spots else ""


_GIVEN_NAME = compiled(r"(?<![\w.])([A-Z][a-z’'-]{2,})\s+$")


def _other_given_name(sentence: str, start: int, end: int, rule: ClaimantRule, rules: Rules) -> bool:
    """Whether a known person's bare surname follows a given name that is not theirs in any
    spelling ("Vladyslav Voloshyn" is not Nazar Voloshyn; "Alexander Syrsky" is Oleksandr Syrskyi)."""
    if " " in sentence[start:end].strip() or start == 0:
        return False
    m = _GIVEN_NAME.search(sentence, max(0, start - 30), start)
    if m is None:
        return False
    if m.start() == 0 and not re.match(r",\s+(?:a|an|the)\s", sentence[end:]):
        return False  # the sentence's first word may be any word ("But Voloshyn said"), unless a role follows
    if m.group(1) in _NOT_GIVEN_NAMES or not _PERSON_NAME.match(rule.name):
        return False  # "On 10 September Kyiv announced": a date; a body or a state has no given name
    word = m.group(1).lower()
    own = rule.name.split()[0].lower()
    return word != own and word not in rules.given_names.get(own, ()) and word not in rules.titles


def _namesake(matched: str, name: str, recent: list[Attribution],
              given_names: dict[str, frozenset[str]]) -> Attribution | None:
    """A person named lately in full whose surname a bare surname repeats, when the rule names
    someone else of that surname."""
    surname = matched.strip()
    if " " in surname or not surname[:1].isupper():
        return None
    for attribution in reversed(recent):
        words = attribution.claimant.split(" (")[0].split()
        if len(words) > 1 and words[-1] == surname and words[0] not in name.split() and \
                words[0].lower() not in given_names.get(name.split()[0].lower(), ()):
            return attribution
    return None


def _people(rule: PersonRule, sentence: str, rules: Rules, known: list[tuple[int, int]],
            places: dict[str, str] | None = None) -> list[Attribution]:
    """Named people with their role ("Colonel Ivan Petrenko, a Ukrainian army spokesman") who are
    tied to a statement; a known claimant in the name wins over the person pattern, and a place's
    name is no person ("... still hold Staryi Saltiv, the brigade spokesman said")."""
    out = []
    for m in _person_matches(rule.regex, sentence):
        if any(m.start("name") < e and s < m.end("name") for s, e in known):
            continue  # "Oleksandr Syrskyi, the commander-in-chief" is the known Syrskyi
        if places and m.group("name") in places:
            continue
        if m.group("name").split()[0] in _NOT_GIVEN_NAMES:
            continue  # "In February the Russian defence minister claimed": a date, not a name
        link = _connected(sentence, m.start(), m.end(), rules)
        if link is None:
            continue
        role = m.group("role")
        role = role[4:] if role.startswith(("The ", "the ")) else role  # ("The pro-war channel Starshe Eddy wrote")
        side = _role_side(role, rules)
        if side is Side.NONE and _REGIONAL_ROLE.search(role):
            # "regional governor Ivan Petrenko" with the region named elsewhere in the sentence
            regions = {key for pattern, key in rules.region_sides if pattern.search(sentence)}
            side = regions.pop() if len(regions) == 1 else Side.NONE
        # (a role naming no place: "head of the town's police", "Mayor Ivan Petrenko"; not "Donetsk mayor")
        unplaced = not re.search(r"[A-Z]", role) or _LOCAL_ROLE.match(role) is not None and not re.search(r"[A-Z]", role[1:])
        if side is Side.NONE and _LOCAL_ROLE.search(role) and places and unplaced:
            # "Ivan Petrenko, head of the town's police": the authorities of the place the sentence
            # names first, of its country (Russian-installed officials are called so)
            first = _first_place(sentence, places)
            country = places.get(first, "")
            if len({c for name, c in places.items() if c and name in sentence}) > 1:
                country = ""  # ("Mayor X said forces attacking from Belgorod had captured Y": whose mayor is unclear)
            elif not first and len(countries := {c for c in places.values() if c}) == 1:
                country = countries.pop()  # ("Mayor X confirmed the town was occupied": the one country the text names)
            side = Side.UA if country == "UA" else Side.RU if country == "RU" else Side.NONE
        if side is Side.NONE:
            # a known person in another post than the one the rules date ("Ground Forces Commander
            # Oleksandr Syrskyi" in 2023): the side is theirs all the same
            side = next((Side(r.side) for r in rules.claimants if r.side in ("RU", "UA") and r.kind in STATE_KINDS
                         and "(" in r.name and r.regex.search(m.group("name"))), Side.NONE)
        if side is Side.NONE:
            # a role in a body the rules know ("an adviser to the head of the presidential office"): its side
            side = next((Side(r.side) for r in rules.claimants if r.side in ("RU", "UA") and "(" not in r.name
                         and r.name not in GENERIC_STATES and r.regex.search(role)), Side.NONE)
        if side is Side.NONE and _LOCAL_ROLE.search(role) and places:
            # "Bucha Mayor Anatoliy Fedoruk", "the head of the Pechenihy patrol police": the
            # authorities of the town the role names (Russia's in the towns it has run since 2014)
            # ("Irpin's mayor": the town without its possessive)
            town = next((w for w in (t.removesuffix("'s").removesuffix("’s") for t in re.findall(r"[A-ZА-ЯІЇЄҐ][\w’'-]+", role))
                         if w in places), "")
            # (a governor of Luhansk is the region's, Ukraine's: the list is of towns' own officials)
            run_by_russia = not _REGIONAL_ROLE.search(role) and any(
                re.search(rf"\b{re.escape(name)}\b", role) for name in rules.installed_since_2014)
            country = "RU" if run_by_russia else places.get(town, "")
            side = Side.UA if country == "UA" else Side.RU if country == "RU" else Side.NONE
        kind = next((k for word, k in rule.kinds if re.search(rf"\b{re.escape(word)}", role, re.I)), "military")
        out.append(Attribution(f"{m.group('name')} ({role})", side, kind, m.start(), m.end(), link[0], link[1]))
    return out


_NOT_GIVEN_NAMES = frozenset("""In On At By For From With After Before Since During Until Last This Earlier Later
January February March April May June July August September October November December Monday Tuesday Wednesday
Thursday Friday Saturday Sunday The A An
Staff Forces Ministry Command Office Service Guard Army Navy Defence Defense Group Brigade Corps Council Administration
Intelligence Directorate""".split())  # (nor the last word of a body's name: "Chief of General Staff Gerasimov")
_PERSON_NAME = compiled(r"[A-Z][a-z’'-]+ [A-Z][a-z’'-]+(?: \(|$)")  # "Nazar Voloshyn (Khortytsia group spokesman)"
_LOCAL_ROLE = compiled(r"\b(?:police|mayor|governor|military administration|city council|village council|hromada|"
                         r"community|local)\b", re.I)
_REGIONAL_ROLE = compiled(r"\b(?:[Rr]egional|[Gg]overnor|[Oo]blast)\b")


def _role_side(role: str, rules: Rules) -> Side:
    """The side a person's role names ("a Ukrainian army spokesman"); else the country of the region
    it names ("Luhansk Oblast Governor", "Acting Kursk governor"); else none."""
    named = {key for pattern, key in rules.side_words if key in ("RU", "UA") and pattern.search(role)}
    if len(named) == 1:
        return Side(named.pop())
    if named:
        return Side.NONE
    regions = {side for pattern, side in rules.region_sides if pattern.search(role)}
    if len(regions) == 1:
        return regions.pop()
    # (or the side of a claimant the role describes: "company commander in a brigade defending Toretsk")
    described = {a.side for a in named_claimants(role, rules) if a.side is not Side.NONE} if not regions else set()
    return described.pop() if len(described) == 1 else Side.NONE


def unquoted(text: str) -> str:
    """The text with its double-quoted passages left out (what it says in its own voice)."""
    spans = quotations(text)
    return "".join(text[end:start] for (_, end), (start, _) in zip([(0, 0), *spans], [*spans, (len(text), len(text))]))


def quote_balance(text: str) -> int:
    """+1 when the sentence leaves a quotation open, -1 when it closes one it did not open."""
    opened = text.count("“") + text.count("«")
    closed = text.count("”") + text.count("»")
    straight = text.count('"')
    if straight % 2:
        return 1 if opened >= closed else -1
    return (opened > closed) - (closed > opened)


def inside_quotations(sentences: Sequence[tuple[str, int]]) -> list[bool]:
    """For each sentence (its text and paragraph), whether it opens inside a quotation a sentence before it in
    its paragraph opened. A lone straight mark in such a sentence closes that quotation ('The plant too," said
    Grach'), whatever quote_balance reads in it alone."""
    inside, opened, paragraph = [], False, -1
    for text, in_paragraph in sentences:
        if in_paragraph != paragraph:
            opened, paragraph = False, in_paragraph
        inside.append(opened)
        balance = quote_balance(text)
        if opened and text.count('"') % 2 and not _CURLY_MARK.search(text):
            balance = -1
        opened = True if balance > 0 else False if balance < 0 else opened
    return inside


_CURLY_MARK = compiled(r"[“”«»]")


def quotations(sentence: str) -> list[tuple[int, int]]:
    """Spans of the double-quoted passages (“…”, «…», "…"); single quotes are left alone,
    since ’ is also the apostrophe and ‘gray zone’ a scare quote."""
    spans: list[tuple[int, int]] = []
    if '"' not in sentence and "“" not in sentence and "«" not in sentence:
        return spans  # nothing opens a quotation (most sentences): no need to read it letter by letter
    opened: int | None = None
    for i, ch in enumerate(sentence):
        if ch in "“«" and opened is None:
            opened = i
        elif ch in "”»" and opened is not None:
            spans.append((opened, i))
            opened = None
        elif ch == '"':
            if opened is None:
                opened = i
            else:
                spans.append((opened, i))
                opened = None
    if opened is not None:
        spans.append((opened, len(sentence)))
    return spans


def _inside_quote(sentence: str, position: int) -> tuple[int, int] | None:
    return next(((s, e) for s, e in quotations(sentence) if s <= position <= e), None)


def governing(attributions: list[Attribution], sentence: str, position: int) -> Attribution | None:
    """The attribution that covers the phrase at ``position``: the speaker of the quotation it
    stands in; an embedded claimant before it; the statement before it; else the one after it.
    None when the phrase is the journalist's own background (an appositive after the statement)."""
    if not attributions:
        return None
    quote = _inside_quote(sentence, position)
    if quote is not None and len(sentence[quote[0]:quote[1]].split()) > 2:  # not a scare quote: Dnipriany "cleared"
        speakers = [a for a in attributions if not (quote[0] <= a.start <= quote[1])]
        # a quotation is its speaker's, not a claim cited beside it ("it said that "...", calling false the Russian claims")
        speakers = [a for a in speakers if not a.embedded] or speakers
        if speakers:
            speaker = min(speakers, key=lambda a: abs(a.start - quote[1]))
            # the other side's claim the speaker quotes, right before the change: theirs ("The Russians have
            # declared they have taken X," the Ukrainian spokesman said)
            inner = [a for a in attributions if quote[0] <= a.start and a.end <= position and a.verb in _CLAIMED_VERBS
                     and speaker.side in (Side.RU, Side.UA) and a.side is speaker.side.opponent()
                     and _CLAIM_COMPLEMENT.fullmatch(sentence, a.end, position)]
            # (not one the speaker answers in the same quotation: "... they have captured X, but that is a lie")
            return inner[-1] if inner and not _ANSWERED_IN_QUOTE.search(sentence, position, quote[1]) else speaker
    before = [a for a in attributions if a.end <= position]
    if before and ";" in sentence[before[-1].end:position]:
        # "A fell, the army said; B was lost too, DeepState said.": B's clause has a closing speaker of its own
        closing = next((a for a in attributions if a.start >= position and ";" not in sentence[position:a.start]
                        and _SPEAKER_ENDS.match(sentence, a.end)), None)
        if closing is not None:
            return closing
    if before:
        nearest = before[-1]
        embedded = [a for a in before if a.embedded]
        if embedded and embedded[-1] is nearest and not _AND_THAT.search(sentence, nearest.end, position):
            return nearest  # (not in the speaker's next clause: "said the Russian claim was false and that fighting went on")
        outer = [a for a in before if not a.embedded]
        chosen = nearest if not nearest.embedded else (outer[-1] if outer else nearest)
        if _SINCE_THE.search(sentence, max(0, position - 12), position) and not _NEWS_TIME.match(sentence, position):
            return None  # ("Russia has claimed a dozen villages since the fall of X": the outlet's time, not a claim)
        if chosen.side is Side.NONE and not chosen.embedded and "(" in chosen.claimant and chosen.kind == "official":
            # "US Senator X said Russian troops had taken A, citing Russia's defence ministry": a speaker of
            # neither side passing on a side's word; the claim is the source's
            source = next((a for a in attributions if a.start >= position and a.verb == "according to"
                           and a.side is not Side.NONE and ";" not in sentence[position:a.start]), None)
            if source is not None:
                return source
        told_at = sentence.find(chosen.verb, chosen.end) if chosen.verb else -1
        if told_at != -1 and _NOUN_OBJECT.match(sentence, told_at + len(chosen.verb)) \
                and _FORCES_CLAUSE_AFTER.search(sentence, told_at, position):
            # "Moscow announced its withdrawal from X, and Ukrainian troops retook the town two days later": what
            # it announced was a thing, not a clause; the forces' own clause after it is the outlet's
            return None
        if chosen.verb == "ordered" and _CLAUSE_JOINED.search(sentence, chosen.end, position):
            return None  # ("X ordered his troops out of A, and Russian forces entered it the next day": the outlet's)
        relative = _IN_RELATIVE.search(sentence, 0, chosen.start)
        # (an aside between the speaker and its verb does not close the clause: "which the ministry, using the
        # Russian name, said it had taken")
        aside = _ASIDE_BEFORE_VERB.match(sentence, chosen.end, position)
        if relative and "," in sentence[aside.end() if aside else chosen.end:position]:
            # "A and B, the villages that Moscow said it had captured, are in a grey zone, the
            # governor wrote": the speaker inside the closed relative clause is not the main clause's;
            # the one it describes may be ("DeepState, which is close to Ukraine's military, has shown")
            later = [a for a in attributions if a.start >= position and not a.embedded]
            outer_speaker = [a for a in before if a.end <= relative.start() and not a.embedded and a.verb == chosen.verb]
            return later[0] if later else outer_speaker[-1] if outer_speaker else None
        # (not one between the speaker and its verb: "Rybar, which has ties to the ministry, wrote that")
        verb_at = sentence.find(chosen.verb, chosen.end) if chosen.verb else -1
        if verb_at > position and chosen.side in (Side.RU, Side.UA) and _RELATIVE_ON_SPEAKER.match(sentence, chosen.end, position) \
                and not _TELLING_IN_RELATIVE.search(sentence, chosen.end, position) \
                and _OTHER_SIDE_NAMED[chosen.side].search(sentence, chosen.end, position):
            # "X, who fled A when Ukrainian troops retook it, said ...": the outlet's background on X (not the speaker's
            # own deed: "the brigade, which retook A last week, said ...")
            return None
        appositive = _APPOSITIVE.search(sentence, max(chosen.end, verb_at), position)
        if appositive and not any(a.start > appositive.start() for a in attributions if a.end <= position) and not (
                (closed := _RELATIVE_CLOSED.match(sentence, appositive.end())) is not None and closed.end() <= position) and not (
                appositive.group().lstrip(", ").lower().startswith("where") and verb_at != -1
                and _THAT_AFTER.match(sentence, verb_at + len(chosen.verb))
                and not _TIME_OF_ITS_OWN.search(sentence, appositive.end(), len(sentence))) and not (
                appositive.group().lstrip(", ").lower().startswith("where") and position - appositive.end() <= 12
                and _FIGHTING_GOES_ON.match(sentence, position)):
            # (but "said that fighting goes on in X, where ...": still what was said; so is fighting going on
            # where the speaker's place is: "said units held the northern part of X, where fighting continued")
            return None
        return chosen
    # "It also claimed Umanske": a pointing speaker opening the sentence whose verb is the change's own
    opening = [a for a in attributions if a.start <= position < a.end and not sentence[:a.start].strip(" \"“'‘")
               and _OPENING_IT.match(a.verb)]
    if opening:
        return opening[0]
    # not a speaker in a clause of its own after the change ("X was retaken in 2022, months after
    # Moscow declared the region annexed")
    after = [a for a in attributions if a.start >= position and not _SUBORDINATE_SPEAKER.search(sentence, position, a.start)
             and not _tells_its_own(sentence, position, a)
             and not _describes_a_noun(sentence, position, a)
             # "X took A; Kyiv says B": Kyiv's is B (but "X holds A; the claims are false, Kyiv said." ends on its
             # speaker, who says both, unless the first clause is told by someone: "a story said X fell; in fact ...")
             and (";" not in sentence[position:a.start] or _SPEAKER_ENDS.match(sentence, a.end)
                  and sentence.count(";", position, a.start) == 1 and not _SAID_BEFORE.search(sentence, 0, position)
                  # (or past a list's elliptical items: "took A on Monday; B on Tuesday; and C on Thursday, it said")
                  or _GAPPED_ITEMS.fullmatch(sentence, sentence.find(";", position), a.start))
             and not _CLAUSE_AND.search(sentence, position, a.start)  # "X took A, and B's mayor declared ..."
             # "X took A in an offensive that Zelensky said was meant to ...": a speaker inside a relative clause
             and not (_RELATIVE_OPENS.search(sentence, max(0, a.start - 40), a.start) and _GAPPED_CLAUSE.match(sentence, a.end))]
    return after[0] if after else None


# the items of a list whose verb the first item carries, each a name and its time: "; B on Tuesday; and C, north of it, on Thursday, "
_GAPPED_ITEMS = compiled(r"(?:;\s+(?:and\s+)?(?-i:[A-ZА-ЯІЇЄ])[\w’'-]+(?:[\s-](?-i:[A-ZА-ЯІЇЄ])[\w’'-]+)?"
                         r"(?:\s+and\s+(?-i:[A-ZА-ЯІЇЄ])[\w’'-]+(?:[\s-](?-i:[A-ZА-ЯІЇЄ])[\w’'-]+)?)?" + ITEM_ASIDE +
                         r"\s+(?:in|on|by|around)\s+[^,;:]{1,30}?)+\s*,\s*(?:according\s+to\s+(?:the\s+)?)?")


SOLDIER_RULE = "{side} soldier"  # claimants.toml's rule for one fighter quoted by trade or rank
# a speaker's relative clause on the forces he serves with: ", who serves in a Ukrainian brigade", "who fights with Russia's"
# (or the unit right after the trade: "a sergeant in a Ukrainian assault company")
_SERVES_WITH = compiled(r"(?:,?\s+who\s+(?:now\s+|still\s+)?(?:serves|served|is\s+serving|fights|fought|is\s+fighting)\s+(?:in|with|for)|"
                        r"\s+(?:in|with|of|from))\s+"
                        r"(?:a\s+|an\s+|the\s+|one\s+of\s+the\s+)?(?:[\w-]+\s+){0,2}?(Ukrainian|Russian|Ukraine['’]s|Russia['’]s)(?![\w-])")
# whom a fighter has fought, right after him: ", who has fought the Ukrainian army", "who faced Russian drones"
_FOUGHT_SIDE = compiled(r",?\s+(?:a\s+[\w-]+\s+)?who\s+(?:has\s+|had\s+|have\s+)?(?:been\s+)?" + FOUGHT_SIDE)
_UNIT_OF = compiled(r"\s+(?:of|from|with|in)\s+(?:a\s+(?:unit|company|battalion|platoon)\s+(?:of|from|in)\s+)?(?:the\s+)?")


def _unit_side(sentence: str, end: int, rules: Rules) -> Side | None:
    """The side of the unit named right after a speaker's role ("a sergeant from the Azov corps"), if its name tells one."""
    of = _UNIT_OF.match(sentence, end)
    if of is None:
        return None
    return next((Side(key) for regex, key in rules.side_words if key in ("RU", "UA") and regex.match(sentence, of.end())), None)


_RELATIVE_OPENS = compiled(r"\b(?:that|which)\s+(?:[^\s,;.:“”\"]+\s+){0,3}$")  # ("that President", "which Ukrainian officials")
# ... whose verb of saying is followed by the relative clause's own verb ("said was", "claimed had"), not a
# relative on the whole clause ("X fell, which the General Staff confirmed on Monday": its confirmation)
_GAPPED_CLAUSE = compiled(r"(?:\s+[\w’'-]+){0,2}?\s+(?:said|says|claimed|claims|believed|believes|thought|estimated|described|called)\s+"
                          r"(?:was|were|is|are|had|has|have|would|will|could|might|it|its|they|their)\b")


_AS_BEFORE = compiled(r"\b(?:as|while|whilst)\s+(?:[\w’'-]+\s+){0,2}$")
# an object of the speaker's own after its verb (not "that", a time or the clause's end)
_OWN_OBJECT = compiled(r"\s+(?!(?:that|on|in|at|for|last|this|yesterday|today|earlier|later|late|early|overnight|again|too|publicly|"
                       r"hours|days|it(?!\s+(?:is|was|has|had|will|would|were|are)\b)|its|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|the\s+(?:[\w-]+\s+)?(?:loss|withdrawal|capture|"
                       r"liberation|fall|retreat|pullout|pull-out|claim|report|news|move|decision|seizure|recapture))\b)[\w“\"‘']")


# ", using the Russian name," between a speaker and its verb
_ASIDE_BEFORE_VERB = compiled(r"\s*,\s+[^,;:“”\"]{1,80},\s*(?=(?:said|says|claimed|claims|reported|reports|announced|announces|"
                              r"wrote|writes|stated|added)\b)")
_RELATIVE_BEFORE = compiled(r",\s+(?:which|that|who)\s+(?:the\s+)?$")
_VERB_AFTER_SPEECH = compiled(r"\s+(?:is|was|are|were|has|had|have|would|will|could|might|may|remains?|remained|lies|lay)\b")


def _describes_a_noun(sentence: str, position: int, speaker: Attribution) -> bool:
    """"Russian troops took X in May in their push into the Sumy region, which Moscow says is meant to
    create a buffer zone": a speaker inside a relative clause after the change tells of the noun before
    it, not of the change (not "X fell, which the ministry confirmed": no verb of its own follows)."""
    if not speaker.verb or not _RELATIVE_BEFORE.search(sentence, position, speaker.start):
        return False
    verb_at = sentence.find(speaker.verb, speaker.end)
    return verb_at != -1 and _VERB_AFTER_SPEECH.match(sentence, verb_at + len(speaker.verb)) is not None


def _tells_its_own(sentence: str, position: int, speaker: Attribution) -> bool:
    """"Ukraine pulls out of X as Russia claims its biggest gain": a speaker in an "as" or "while" clause
    after the change that says something of its own (not "..., as the ministry said")."""
    if not _AS_BEFORE.search(sentence, position, speaker.start) or not speaker.verb:
        return False
    verb_at = sentence.find(speaker.verb, speaker.end)
    return verb_at != -1 and _OWN_OBJECT.match(sentence, verb_at + len(speaker.verb)) is not None


def outlet_side(source: str, rules: Rules) -> Side:
    """The state an outlet belongs to (RIA Novosti: Russia; Ukrinform: Ukraine), NONE otherwise."""
    for outlet in rules.outlets:
        if outlet.side is not Side.NONE and outlet.regex.search(source or ""):
            return outlet.side
    return Side.NONE


def find_channel(sentence: str, rules: Rules) -> str:
    """The outlet the sentence says carried the claim ("cited by RIA Novosti"), or ""."""
    for pattern in rules.channels:
        m = pattern.search(sentence)
        if m:
            raw = m.group("outlet").strip()
            for outlet in rules.outlets:
                if outlet.regex.search(raw):
                    return outlet.name
    return ""
