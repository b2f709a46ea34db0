"""What looks like a number but is not a figure.

``blocked_spans(text)`` marks the stretches of a passage that hold numbers
which are not figures: dates and years, times, legislation and document
references ("Children Act 1989", "section 47", "S17", "paragraph 3.2",
"Appendix 3"), ages and age ranges ("aged 16", "16-17 year olds", "between the
ages of 18 – 25", "18+"), names and grades with numbers ("Covid-19", "Level 3",
"Tier 4", "Year 6", "Key Stage 2", "Outcome 22"), ordinals ("3rd", "fourth
monitoring visit" has no number), phone numbers, postcodes, ONS codes, URLs
and e-mail addresses, reference codes ("24/00093"), footnote markers glued
to words, list markers. ``keep(mention, text, blocks)`` says whether a
candidate survives.
"""
from __future__ import annotations

import re

from extractors.figures.numbers import WORD_NUM_STRICT, Mention

MONTHS = (
    "january|february|march|april|(?-i:May)|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_D = r"\d{1,2}(?:st|nd|rd|th)?"
_NUMW = rf"(?:\d{{1,2}}|{WORD_NUM_STRICT})"
_AGE_NUM = r"(?:[0-9]|1[0-9]|2[0-5])"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("date", re.compile(rf"\b{_D}(?:\s*(?:-|–|—|to|and|&|,)\s*{_D})*\s+(?:of\s+)?(?:{MONTHS})\b\.?(?:,?\s+\d{{4}})?", re.I)),
    ("date", re.compile(rf"\b(?:{MONTHS})\.?\s+{_D}\b(?!\s*(?:%|per|children|cases))(?:,?\s+\d{{4}})?", re.I)),
    ("date", re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")),
    ("year", re.compile(r"(?<![£$\d,.])\b(?:19[5-9]\d|20[0-4]\d)\b(?:\s*[-–−—/]\s*(?:\d{4}|\d{2})\b)?(?!\s*(?:%|per\s?cent|,\d))", re.I)),
    ("year", re.compile(r"\b(?:19|20)\d0s\b")),
    ("time", re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|hrs|hours|hour|hr|minutes|mins)\b", re.I)),
    ("time", re.compile(r"\b\d{1,2}:\d{2}\b|\b24/7\b|\b(?:24|twenty-four)[- ]hours?\b", re.I)),
    ("time", re.compile(rf"\b{_NUMW}[- ]days?[- ](?:a|per)[- ]week\b", re.I)),
    ("reference", re.compile(
        r"(?<![’'\w])(?:sections?|ss?\.|s|schedules?|articles?|regulations?|reg\.|parts?|chapters?|clauses?|rules?"
        r"|paragraphs?|paras?\.?|appendix|appendices|annex(?:es)?|items?|pages?|pp?\.|tables?|figures?|charts?|graphs?"
        r"|levels?|tiers?|years?|key\s+stages?|stages?|phases?|steps?|waves?|bands?|grades?|outcomes?|priorit(?:y|ies)"
        r"|options?|recommendations?|objectives?|standards?|rooms?|floors?|box|units?|lots?|versions?|no\.|nos\.|nr\.?"
        r"|minutes?|agenda\s+item|decision|ref(?:erence)?\.?|urn|cohort|round|quarter|q|ward|route|pillar|domain"
        r"|principle|question|lines?|footnote|note|slide|category|section|block|points?|reasons?|enablers?|domains?|pillars?|criteri(?:on|a)|indicators?)"
        rf"\s*(?:no\.?\s*)?[:.]?\s*(?:\d+(?:\.\d+)*[A-Za-z]?(?:\(\d+\))*|{WORD_NUM_STRICT}\b)"
        r"(?:\s*(?:-|–|to|and|or|,|&)\s*\d+(?:\.\d+)*[A-Za-z]?(?:\(\d+\))*)*",
        re.I,
    )),
    ("covid", re.compile(r"\bcovid[\s\-–—]?19\b|\bsars[\s-]cov[\s-]?2\b", re.I)),
    ("age", re.compile(
        rf"\b(?:aged?|ages|age\s+of|ages\s+of|age\s+range\s+of)\s+(?:of\s+)?(?:between\s+|from\s+|under\s+|over\s+|up\s+to\s+|below\s+|above\s+)?"
        rf"{_NUMW}\+?(?:\s*(?:-|–|—|to|and|or|&)\s*{_NUMW}\+?)*(?:\s*(?:years?|yrs|months?)(?:\s*(?:old|of\s+age))?)?", re.I)),
    ("age", re.compile(
        rf"\b{_NUMW}-?(?:\s*(?:-|–|—|to|and|or|&)\s*{_NUMW})*[- ](?:years?|yrs|months?|weeks?)[- ]?(?:olds?|of\s+age)\b", re.I)),
    ("age", re.compile(rf"\b{_NUMW}(?:\s*(?:-|–|—|to|and|or)\s*{_NUMW})*\s+(?:years?|yrs)\s+(?:old|of\s+age)\b", re.I)),
    ("age", re.compile(rf"\b(?:post|pre)[- ]?{_NUMW}s?\b|\b\d{{1,2}}\s?\+|\b(?:under|over)[- ]{_AGE_NUM}s\b", re.I)),
    ("age", re.compile(r"\b(?:under|over)[- ]?(?:16|17|18|19|21|25|five|fives)\b(?!\s*(?:months?|weeks?|days?|years?(?!\s*old)|%|per|[a-z]+s\b|children|people|staff))", re.I)),
    ("age", re.compile(rf"\b(?:until|till|approach|approaching|reach|reached|reaches|reaching|turn|turning|turned)\s+(?:they\s+(?:are|were|reach|turn)\s+)?(?:the\s+age\s+of\s+)?{_NUMW}\s*(?:years?\s*old)?(?=\s*(?:years?\s+old|[,.;)]|$|and\b|or\b))", re.I)),
    ("age", re.compile(
        r"\b(?:0|3|5|11|13|14|15|16|17|18|19|21)\s*(?:[-–—]|to|and)\s*(?:16|17|18|19|21|24|25|64|65)(?![\d.,])"
        r"(?!\s*(?:%|per|days?|weeks?|months?|cases|children|young|people|families|staff|workers|referrals))", re.I)),
    ("age", re.compile(rf"\b(?:under|over|aged)\s+{_NUMW}s\b|\bunder[- ](?:fives|5s|18s|16s)\b", re.I)),
    ("age", re.compile(r"\b(?:up\s+to|until|till|over|under|beyond|past|after|before|from|aged?)\s+(?:the\s+age\s+of\s+)?"
                       r"(?:16|17|18|19|21|24|25|sixteen|seventeen|eighteen|twenty-one|twenty-five)\s+years?\b(?!\s+of\s+(?:service|experience))", re.I)),
    ("age", re.compile(rf"\b\d+\s*(?:to|-|–)\s*\d+[- ]months?[- ](?:olds?|provision|childcare|entitlement|offer)\b"
                       rf"|\b(?:children|child|young\s+people|pupils)\s+(?:aged\s+)?(?:under|over|below|above)\s+{_NUMW}\s+years?\b"
                       r"|\b(?:are|were|is|was|aged?)\s+(?:over|under|above|below|older\s+than|younger\s+than)\s+(?:16|17|18|19|21|25)\b(?!\s*(?:%|per\b|months?|weeks?|days?))", re.I)),
    ("age", re.compile(r"\b(?:they|he|she|you|children|people|person)\s+(?:are|were|is|was|turn|turns|reach|reaches|become|becomes)\s+(?:aged\s+)?(?:16|17|18|19|21|25)\b(?!\s*(?:%|per\b))", re.I)),
    ("age", re.compile(r"\b0\s*(?:[-–—]|to)\s*\d{1,2}\b|\b(?:are|is|aged?|turn\w*)\s+\d{1,2}\s+years?\s+and\s+\d{1,2}\s+months?\b", re.I)),
    ("age", re.compile(rf"\b{_NUMW}[- ]plus\b|\b(?:16|17|18|19|21|25)\s+years?\s+(?:and|or)\s+(?:over|above|older|under|below|younger)\b", re.I)),
    ("address", re.compile(r"\b\d+[A-Za-z]?\s+(?:[A-Z][a-z’']+\s+){0,3}(?:Street|Road|Square|Place|Hill|Lane|Avenue|Way|Close|Drive|House"
                           r"|Court|Park|Row|Terrace|Gardens|Walk|Parade|Crescent|Green|Centre|Building|Quay|Wharf|Plaza|Mews)\b")),
    ("postcode", re.compile(r"\b[A-Z]{1,2}\d{1,2}[A-Z]?\s+\d\s*[A-Z]{2}\b")),
    ("name", re.compile(rf"\b{_NUMW}\s+of\s+(?:Her|His)\s+Majesty|\b(?:call|dial|ring|phone|telephone)\w*\s+(?:on\s+)?\d+", re.I)),
    ("service", re.compile(rf"\b(?:{_NUMW}|\d+)[- ]days?[- ](?:\w+\s+)?(?:service|services|response|provision|cover|offer|opening|working)\b", re.I)),
    ("ordinal", re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.I)),
    ("phone", re.compile(r"(?:\+44\s?\(?0?\)?\s?|\b0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b")),
    ("postcode", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")),
    ("code", re.compile(r"\b[A-Za-z]+\d+[A-Za-z\d]*\b|\b\d+(?!(?:m|bn|mn|k|s|million|billion|thousand)\b)[A-Za-z]+[A-Za-z\d]*\b")),
    ("code", re.compile(r"\b\d+(?:/\d+)+\b|\b\d+(?:\.\d+){2,}\b|\b\d{6,}\b(?<!,\d{3})")),
    ("url", re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|\b[\w.-]+\.(?:gov|org|co|com|net|uk|aspx|pdf|htm|html)\b\S*", re.I)),
    ("reference", re.compile(r"\bnearest\s+\d[\d,]*|\b(?:in|at|see|under|to|of)\s+\d{1,2}\.\d{1,2}(?=\s*(?:[,;)]|\.?$|\s+(?:and|or|above|below|of\s+the|in\s+the)\b))", re.I)),
    ("age", re.compile(rf"\b(?:people|persons|adults|residents|children|pupils|those|leavers?|person)\s+(?:aged\s+)?(?:over|under|below|above)\s+\d{{1,2}}s?\b"
                       rf"|\bfrom\s+(?:the\s+age\s+of\s+)?{_NUMW}\s+(?:years?\s+)?(?:onwards|upwards|and\s+over|plus)\b", re.I)),
    ("distance", re.compile(r"\b\d+(?:\.\d+)?\s*(?:miles?|km|kilometres?|metres?|meters?|minutes?|mins?|hours?|hrs?|seconds?|mph|sq\.?\s*m|square\s+metres?)\b", re.I)),
    ("denominator", re.compile(r"\bper\s+(?:\d{1,3}(?:,\d{3})+|\d+)\b", re.I)),
    ("year", re.compile(r"\b(\d{2})\s*[-/]\s*(\d{2})\b(?!\s*(?:%|per|days?|weeks?|months?|years?))")),
    ("reference", re.compile(r"^\d{1,2}\.\d{1,2}\s+(?=[A-Z(])|\b\d+(?:\.\d+)?\s+(?:above|below)\b|(?:^|(?<=[:;,]\s)|(?<=\band\s)|(?<=\bor\s))\(\s?\d{1,2}\s?\)(?=\s+[a-zA-Z])(?!\s+(?:of|were|are|was|is|had|have)\b)|^\(?\d{1,2}(?:\.\d+)*[.)]\s|^\d{1,3}\.?$")),
    ("footnote", re.compile(r"(?<=[A-Za-z\])’”\"'%])\d{1,2}\b(?![.,]\d)|(?<=[a-z][.,;:])\d{1,2}(?=\s|$)")),
    ("period", re.compile(
        rf"\b(?:in|over|during|for|within|of|from)\s+the\s+(?:last|past|previous|next|first|coming|following|preceding|same)\s+"
        rf"(?:{_NUMW}|\d+)\s+(?:days?|weeks?|months?|years?)\b", re.I)),
    ("period", re.compile(rf"\b(?:{_NUMW}|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:ago|previously|earlier|before|later|since)\b"
                          r"|\b(?:a|one)\s+(?:day|week|month|year)\s+or\s+two\b", re.I)),
    ("name", re.compile(r"[‘“'\"]\d+\+?\s+[A-Za-z][A-Za-z ]{0,25}[’”'\"]")),
    ("period", re.compile(rf"\b(?:{_NUMW}|\d+)[- ](?:year|month|week|day)[- ](?:plan|strategy|programme|period|contract|term|cycle|journey"
                          r"|review|report|rolling|pilot|project|update|check|window|break|visit|course|event|conference"
                          r"|inspection|framework|settlement|budget|deal|extension|trial|forecast|anniversary|history|average|rolling|old)s?\b", re.I)),
    ("period", re.compile(r"\b(?:first|second|third|last|final|past|previous|next|remaining)\s+(?:two|three|four|2|3|4)\s+quarters\b|\bquarters?\s+(?:of|in)\s+(?:the\s+)?(?:year|20\d\d|financial)", re.I)),
    ("frequency", re.compile(rf"\b(?:{_NUMW}|\d+)[- ](?:weekly|monthly|yearly|daily|hourly|annually|times)\b|\b(?:{_NUMW}|\d+)\s+times\s+(?:a|per|each)\s+(?:day|week|month|year)\b", re.I)),
    ("name", re.compile(rf"\bnumber\s+(?:one|{WORD_NUM_STRICT})\b|\bone[- ](?:to|on)[- ]one\b|\bone[- ]off\b|\b(?:two|three|four)[- ]way\b", re.I)),
]

_PERIOD_ALLOWED = ("period",)


def blocked_spans(text: str) -> list[tuple[int, int, str]]:
    """Spans of ``text`` whose numbers are not figures, with the reason."""
    spans = []
    for reason, rx in _PATTERNS:
        for m in rx.finditer(text):
            if m.end() > m.start():
                spans.append((m.start(), m.end(), reason))
    return spans


_CAP_WORD_OK = re.compile(r"(?:^|[.!?:;]\s+|[\"“‘(]\s*)$")


_AGE_CUE = re.compile(r"\b(?:ages?|aged|birthday|year[- ]olds?|years?\s+old|adulthood|adults?|adult\s+services|care\s+leavers?"
                      r"|leaving\s+care|young\s+(?:people|adults|person)|legal|courses?|school|college)\b", re.I)
_BARE_AGE = re.compile(r"\b(?:at|from|until|till|by|to|and|or|beyond|after|past|over|under|turn|turned|turning)\s+$", re.I)


_LABEL_BEFORE = re.compile(r"(?<![.!?:;]\s)\b(?!(?:In|On|At|Of|By|For|From|To|With|Over|Around|About|Some|All|The|And|Or|Of|Only"
                           r"|Since|Until|During|Between|Within|Under|Almost|Nearly|Approximately|Circa|Just|Currently)\b)"
                           r"[A-Z][a-z]{2,}\s+$")
_LABEL_AFTER = re.compile(r"^(?:\s*$|\s*[-–—:;,.)’”'\"]|\s+[-–—]|\s+[A-Z‘“'\"(])")


def keep(mention: Mention, text: str, blocks: list[tuple[int, int, str]]) -> bool:
    """True when the candidate ``mention`` in ``text`` is a figure."""
    ns, ne = mention.num_start, mention.num_end
    for bs, be, reason in blocks:
        if ns < be and ne > bs:
            return False
    if mention.shape == "count" and _LABEL_BEFORE.search(text[max(0, ns - 30):ns]) and not mention.per \
            and (_LABEL_AFTER.match(text[ne:]) or mention.value <= 9):
        return False  # a number in a name: "Time Limited Debate 3", "Outcome 22", "Block 3"
    if mention.shape in ("count", "word") and mention.value in (16, 17, 18, 19, 21, 24, 25) \
            and not re.match(r"\s*(?:%|per\b|[a-z]+s\b|children|people|staff)", text[ne:], re.I):
        before = text[max(0, ns - 10):ns]
        if re.search(r"\b(?:turn|turned|turning|turns)\s+$", before, re.I) or (_BARE_AGE.search(before) and _AGE_CUE.search(text)):
            return False  # "with allocation to adult services at 17", "at seventeen or eighteen", "upon turning 18"
    word = text[ns:ne]
    if mention.shape in ("word", "duration", "percent") and not word[:1].isdigit():
        lw = word.lower()
        if mention.shape != "percent" and lw in ("one", "a", "an"):
            # "one of the", "no one": a pronoun, not a count (kept in "1 in 5", "one third")
            return False
        if word[:1].isupper() and not _CAP_WORD_OK.search(text[:ns]):
            return False  # "One Point hubs", "Futures for Families", "Three Rivers"
        if mention.shape == "word" and re.match(r"\s*(?:of\s+(?:us|them|which|whom|these|those|the\s+most))\b", text[ne:], re.I):
            return False
        if mention.shape == "word" and re.search(r"\bthe\s+$", text[max(0, ns - 5):ns], re.I) \
                and re.match(r"\s+(?:are|were|is|was|have|had|can|could|will|would|should|must|may|might)\b", text[ne:], re.I):
            return False  # "the two are not mutually exclusive": a pronoun
    if mention.shape == "count" and not mention.per and re.fullmatch(r"\d+\.\d{2,}", text[ns:ne]):
        return False  # "changes to 14.60": a paragraph of a constitution, not a count
    if re.match(r"[- ](?:bed|bedded|page|point|strong|hour|minute|storey|seater)", text[ne:], re.I):
        return False  # "a four-bed house", "a 10-point plan"
    return True
