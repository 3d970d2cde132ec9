"""When a trigger reports nothing that happened: hypotheticals, plans, threats, denials, habits,
alerts, captions. Each is a named rule, switched in geo.events.triggers (`geo eval --without NAME`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.events.trigger_rule import _compiled


@dataclass(frozen=True, slots=True)
class NotEvent:
    name: str
    pattern: str
    where: str  # "before" (the words just before the trigger), "clause", "sentence"
    reason: str
    enabled: bool = True
    tiers: tuple[int, ...] = ()  # the trigger tiers it applies to; () = all

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.pattern)


NOT_EVENT: tuple[NotEvent, ...] = (
    NotEvent("hypothetical",
             r"\b(?:could(?! (?:be )?(?:heard|seen|hear|see)\b)|would|might|(?-i:may)|will|shall|won't|wouldn't|going to|plans? to|planning to|planned to|intends? to|intended to"
             r"|threat(?:en(?:s|ed|ing)?)? to|ready to|prepar(?:ing|es|ed) to|aims? to|want(?:s|ed)? to|expect(?:s|ed)? (?:to|that)|likely to"
             r"|if|unless|in case of|whether|risk(?:s|ing)?|fears?|capable of|able to|can|cannot|to prevent|threat of|possibility of|danger of"
             r"|demand(?:s|ed)? that|urg(?:es|ed) (?:\S+ )?to|agreed to|to (?:halt|stop|cease|pause|end)|halt(?:ed|ing)?|ceasefire on)\b",
             "before", "a plan, threat, fear or condition is not something that happened"),
    NotEvent("obligation", r"\b(?:must|should|shall|needs? to|(?:has|have) to|ought to|(?:is|are) (?:due|obliged|supposed) to)\b",
             "before", "'Ukrainian troops must withdraw from all of Donbas or Russia will seize it': a demand or an "
             "obligation is not something that happened"),
    NotEvent("accusation", r"\baccus(?:ed|es|ing|ations?) (?:\S+ ){0,4}?of\b",
             "before", "'Russia has accused Ukraine of carrying out strikes in X': one side's accusation in a diplomatic "
             "exchange is a claim, not a reported event"),
    NotEvent("end_of_fighting",
             r"\b(?:end(?:s|ed|ing)?|halt(?:s|ed|ing)?|stop(?:s|ped|ping)?|freez(?:e|es|ing)|cessation of|pause in|lull in|"
             r"end to|halt to|resolution of|settle|settling)(?:\s+(?:the|all|active|current|further))*\s*$",
             "before", "'talks aimed at ending the hostilities in X', 'a cessation of hostilities': the end of fighting "
             "sought in diplomacy names no fight that happened"),
    NotEvent("negated", r"\b(?:not|never|denied|denies|deny|ruled out|no longer|instead of|rather than|without)\b",
             "before", "a denial is not an event ('did not shell', 'denied attacking', 'without a fight')"),
    NotEvent("dismissed_reports", r"\b(?:dismiss(?:ed|es|ing)|reject(?:ed|s|ing)|refut(?:ed|es|ing)) (?:\S+ ){0,3}?"
             r"(?:reports?|claims?|allegations?|accusations?|suggestions?)\b|\bfalse (?:reports?|claims?) (?:of|that)\b",
             "before", "'X dismissed reports of airstrikes on the capital as fakes': a denial of a report is no event"),
    NotEvent("habitual",
             r"\b(?:regularly|constantly|systematically|routinely|continuously|daily|nightly|every day|every night|(?:every )?now and (?:then|again)|from time to time|every so often|for (?:months|weeks|years)|since (?:\S+ ){0,2}?(?:19|20)\d\d"
             r"|so far this (?:year|month|week)|since the (?:start|beginning) of (?:the|this) (?:year|month)|this (?:year|month)|(?:\w+) times? (?:this|since|in (?!the (?:area|direction|vicinity)s?\b))|in \d+ (?:different )?(?:locations|places|regions))\b",
             "clause", "a habit or a long campaign is analysis, not one coded event"),
    NotEvent("recent_weeks",
             r"\bin recent (?:days|weeks|months)\b|\b(?:over|in|during|of) the (?:past|last) (?:(?:few|several|two|three) )?(?:days|weeks|months)\b"
             r"|\bof the past (?:week|month)\b|\bearlier in the (?:war|invasion|conflict)\b|\brecently\b(?!-)",
             "clause", "'two massive attacks in recent days have given Ukraine a boost', 'Kharkiv, which saw "
             "shelling earlier in the war': what a clause sums up over weeks is analysis, not a dated event"),
    NotEvent("forecast_aim",
             r"\b(?:may|might|could|would|will)(?: \w+){0,2}? (?:attempt|try|seek|aim|plan|intend|look|want) to\b",
             "clause", "'the command may attempt to destroy the city with air and drone strikes': a forecast's "
             "means is no strike, however far the trigger stands from the modal"),
    NotEvent("a_kind_of",
             r"\b(?:such as|kinds? of|types? of|forms? of|campaigns? of|any|possible|potential|potentially|future"
             r"|(?:scenarios?|plans?|preparations?) (?:for|of))(?:\s+(?!by\b|with\b|of\b)\w+)?\s*$",
             "before", "'weapons such as shelling', 'a campaign of shelling', 'any strike against civilians', "
             "'a possible future offensive': a kind of violence named, not one that happened"),
    NotEvent("alert", r"\b(?:air raid|air-raid) (?:alerts?|sirens?|warnings?|alarms?)\b|\balerts? (?:was|were) (?:declared|issued)",
             "clause", "an alert says a strike may come, not that one happened"),
    NotEvent("question", r"\?\s*[\"'”’]?\s*$", "sentence", "a question reports nothing"),
    NotEvent("objective", r"\b(?:objective|goal|aim)s?\s*:", "clause",
             "'Russian objective: push Ukrainian forces back': a stated aim heads a section, it is no event"),
    NotEvent("page_furniture", r"(?-i:Read more)\b|[–-]\s*video\b|\bPhotograph:|^\s*\d\d:\d\d|\bShare\s+on\b",
             "sentence", "a web page's captions, video labels and links are not the article's sentences"),
    NotEvent("photo_caption",
             r"[\[(][^\[\]()]{0,60}?\b(?:AP|AFP|Reuters|Getty Images|EPA(?:-EFE)?|Anadolu|Xinhua|TASS|Sputnik|Bloomberg"
             r"|Shutterstock|Ukrinform|Handout|Press Service|via [A-Z]\w+)\b[^\[\]()]{0,40}[\])]\s*$",
             "sentence", "'Residents wait for hot meals ... [Name/AFP]': a photo's caption, ended by its credit, "
                         "describes a picture, not an event the article reports"),
    NotEvent("dated_photo_caption",
             r",\s+(?-i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)?),?\s+(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
             r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|"
             r"Sept?|Oct|Nov|Dec)\.?\s+[0-3]?\d,?\s+(?:19|20)\d\d\s*\.?[\"”']?\s*$",
             "sentence", "'A soldier walks past damaged buildings in central X, Ukraine, Wednesday, April 23, 2025.': "
                         "a wire photo's caption, ended by its place, country and full date (AP and Reuters style, the "
                         "credit cut off), describes a picture, not an event the article reports"),
    NotEvent("image_alt_text", r"^\s*!\[", "sentence",
             "'![Soldiers stand by a burned-out tank outside X, February 24](https://...)': a Markdown image's "
             "alt text describes a picture, not an event the article reports"),
    NotEvent("cause_of_many_deaths",
             r"\b(?:most|some|many|all|the majority)(?: of (?:them|those|the \w+))? (?:had been|have been|were) killed by\b",
             "clause", "'Most were killed by explosive weapons such as shelling', 'some of the bodies had been killed by "
             "shelling': how many of a count of dead died is the tally's cause, not one strike at a place on a day"),
    NotEvent("fled_from",
             r"\b(?:fled|flee|flees|fleeing|escaped|escaping|displaced by|driven out by|uprooted by)(?:\s+(?:the|heavy|"
             r"intense|fierce|relentless|ongoing))*\s*$",
             "before", "'a hotel sheltering people who had fled fighting in the east', 'families displaced by shelling': "
             "the violence people fled is told of elsewhere and before, it is no event where they are now"),
    NotEvent("forecast_of_the_clause",
             r"\bwould (?:be|pose|seriously|further|likely|probably)\b|\b(?:is|are|remain|remains) likely to be\b",
             "clause", "'an offensive aimed at seizing the city would be an extremely ambitious undertaking', 'a "
             "breakthrough in X would seriously challenge', 'the towns are likely to be targets': a forecast "
             "after the trigger makes its clause analysis, not something that happened"),
    NotEvent("campaign_named",
             r"^(?!.*\bpart of\b).*?\b(?:bombing|bombardment|shelling|strike|drone|missile|air|aerial|terror|artillery)s? "
             r"campaign\b",
             "clause", "'the president cited the Russian bombing campaign', 'Ukraine continued its long-range strike "
             "campaign': a campaign is the war's course over months, not one strike at a place on a day ('struck X "
             "as part of its campaign' is a strike)"),
    NotEvent("call_to_protest",
             r"\b(?:call(?:ed|s|ing)?|appeal(?:ed|s|ing)?) (?:on|for|upon) (?:\S+ ){0,8}?to (?:unite|join|hold|take part|"
             r"rally|protest|demonstrate|gather|come out|take to)\b",
             "clause", "'the president called for people around the world to unite in rallies to protest against the "
             "war': an appeal to protest is no protest held"),
    NotEvent("sent_to_fight",
             r"\b(?:drafted|conscripted|mobili[sz]ed|sent|deployed|redeployed|trained|recruited|forced|volunteered|"
             r"enlisted|dispatched)(?: \S+){0,3}? to\s*$",
             "before", "'soldiers drafted to fight in Ukraine', 'troops sent to fight in the border region': who is sent "
             "or drafted to fight is a deployment, not a clash on a day at a place"),
    NotEvent("since_clause",
             r"\bsince\s+(?![0-9])(?!(?:january|february|march|april|may|june|july|august|september|october|november|"
             r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|the|last|then|early|mid|late|"
             r"at|about|around)\b)\S+(?:\s+\S+){0,4}\s*$",
             "before", "'Since Russian troops withdrew from towns around the capital, ...': what a since-clause puts "
             "before the story's time is its background, not an event of the story ('since Monday' is a day, kept)"),
    NotEvent("repeatedly",
             r"\b(?:repeatedly|time and again|again and again|on (?:several|many|numerous|multiple) occasions|"
             r"(?:multiple|numerous|many) times)\b",
             "clause", "'poison gas was used repeatedly in X', 'the city has been shelled time and again': violence "
             "told as repeated is a pattern over time, not one event at a place on a day"),
    NotEvent("business_deal",
             r"\b(?:private equity|investors?|shareholders?|acquisitions?|asset sales?|stakes? in|bids? for|mergers?|"
             r"buyers?|bidders?|takeover|divest\w*)\b", "sentence",
             "a company's deals ('signed agreements with the oil firm, including a private equity firm') are "
             "business, not agreements between the war's parties"),
    NotEvent("order_of_battle", r"^\W*Order of Battle\s*:", "sentence",
             "ISW's 'Order of Battle:' notes say which units operate where, not what happened"),
    NotEvent("attempt_or_inability",
             r"\b(?:unable to|in an attempt to|in a bid to|ordered (?:\S+ ){0,3}?to|called on (?:\S+ ){0,3}?to|"
             r"(?:glory|gratitude|thanks) to|by (?:\w+ing)|to (?:ensure|stop|prevent|end|repel)|tasked (?:\S+ ){0,3}?(?:with|to))\b",
             "before", "an aim, an order or an inability is not something that happened ('tasked with capturing X', "
             "'unable to attack', 'by liberating Crimea')"),
    NotEvent("trend_of_violence",
             r"\b(?:stepped up|stepping up|steps up|intensif(?:ied|ying|ies)|ramp(?:ed|ing|s) up|escalat(?:ed|ing|es))(?: \S+){0,2}?\s*$",
             "before", "'as Russian forces stepped up their assault on cities', 'Moscow has intensified its attacks': a "
             "campaign's trend is the story's analysis, not one attack at a place on a day"),
    NotEvent("last_season_or_month",
             r"\blast (?:year|summer|winter|spring|autumn|fall|January|February|March|April|May|June|July|August|September|"
             r"October|November|December)\b|\b(?:a|one|two|three|\d+) years? ago\b"
             r"|\bin the (?:first|early|opening) (?:days|weeks|months) of the (?:war|invasion)\b",
             "clause", "'Ukrainian forces captured parts of the region last August', 'the village was liberated last year': "
             "what a clause puts a season or a year back is background, not an event of the story"),
    NotEvent("since_an_earlier_action", r"\bsince(?:\s+(?!and\b|but\b)\S+){0,4}\s*$", "before",
             "'the biggest prisoner exchange since Russia launched its full-scale assault in February 2022': an action "
             "a 'since' phrase reckons from is the past, not the clause's event; the clause's own trigger stands, and the "
             "phrase's year does not make it background"),
    NotEvent("in_response_to_an_attack",
             r"\bin (?:an? )?(?:\w+ )?(?:response|retaliation|reply|reaction|revenge|answer) (?:to|for) "
             r"(?:the|this|that|these|those|its|their|\w+[’']s)(?:\s+\S+){0,3}?\s*$", "before",
             "'In an apparent response to the drone attack, Russia suspended the deal', 'in retaliation for the strikes on "
             "its cities': the attack a response answers is one the story has told; the clause's own action stands"),
    NotEvent("ongoing_development", r"\b(?:are|is|am)\b(?:\s+(?!and\b|but\b)\S+){0,3}\s*$", "before",
             "'they are moving new units there': a development in the present tense is an assessment of "
             "what goes on, not a dated event (violence reported so, 'are shelling X', still counts)",
             tiers=(3,)),
)
