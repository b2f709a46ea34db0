"""Number shapes and their normalisation: where the figures are in a passage.

``find_mentions(text)`` returns every candidate figure in a passage's cleaned
text as a :class:`Mention` (span, normalised value, unit, rate period). It knows
the shapes the documents use:

- money: "£3.3 million" -> 3300000 GBP, "£7.6m", "£56m", "£1.2bn", "£500k",
  "£5600 per child per week" -> 5600 GBP per week;
- shares: "96%", "96 %", "22.9 per cent", "ten percent";
- ratios: "1 in 17" -> 0.0588, "one in five" -> 0.2;
- fractions: "a quarter of" -> 25 percent, "two thirds", "half of";
- durations: "45 days", "26 weeks", "1 working day", "a 16-week process";
- counts: digits ("154", "1,200", "1.2 million") and words ("nine", "twenty-one");
- rates per population: "60 per 10,000 children" -> 60 count per "10,000 children".

Pure regular expressions; what is *not* a figure is decided by ``nonfigures``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000, "mn": 1_000_000}

_UNIT_ALT = "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
_TENS_ALT = "|".join(TENS_WORDS)
# "twenty-one", "forty five", "nine"
WORD_NUM_STRICT = rf"(?:(?:{_TENS_ALT})(?:[- ](?:{_UNIT_ALT}))?|{_UNIT_ALT})"
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"

_MONEY = re.compile(
    rf"£\s?(?P<num>{DIGITS})(?:\s?(?P<scale>million|billion|thousand|bn|mn|m|k)\b)?"
)
_PERCENT = re.compile(
    rf"(?<![\w.,£])(?P<num>{DIGITS}|{WORD_NUM_STRICT})\s?(?:%|per\s?cent\b|percent\b)", re.I
)
_RATIO = re.compile(
    rf"\b(?P<a>\d{{1,3}}|{WORD_NUM_STRICT})\s+in\s+(?:every\s+)?(?P<b>\d{{1,4}}|{WORD_NUM_STRICT})\b"
    r"(?!\s*(?:%|per\s?cent|days?|weeks?|months?|years?|working)\b)",
    re.I,
)
_FRACTION_WORDS = {"half": 50.0, "halves": 50.0, "third": 100 / 3, "thirds": 100 / 3, "quarter": 25.0,
                   "quarters": 25.0, "fifth": 20.0, "fifths": 20.0, "tenth": 10.0, "tenths": 10.0}
_FRACTION = re.compile(
    r"\b(?P<n>a|one|two|three|four|nine)[- ](?P<f>half|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths)\b"
    r"|\b(?P<half>half)\b(?=\s+(?:of|the|their|all|its|our|these|those)\b)",
    re.I,
)
_DURATION_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}
_DURATION = re.compile(
    rf"(?<![\w.,£])(?P<num>{DIGITS}|{WORD_NUM_STRICT})(?P<half>\s+and\s+a\s+half)?"
    r"(?:\s+|-)(?:(?:working|calendar|school|consecutive|clear|full|further|additional)[\s-]){0,2}(?P<u>day|week|month|year)s?\b(?!['’]?\s*time\b)",
    re.I,
)
_NUMBER = re.compile(
    r"(?<![\w.£/])(?P<fn>\d{1,3}(?:,\d{3})+)(?=\d{1,2}(?![\d,.]))"  # "56,2002": 56,200 and footnote 2
    rf"|(?<![\w.£/])(?P<num>{DIGITS})(?:\s(?P<scale>million|billion|thousand)\b)?(?![\w/]|\.\d|,\d)"
    rf"|\b(?P<word>{WORD_NUM_STRICT}(?:\s+hundred(?:\s+(?:and\s+)?{WORD_NUM_STRICT})?)?|a\s+hundred|a\s+thousand|a\s+dozen)\b"
    r"(?:\s+(?P<wscale>million|billion|thousand)\b)?",
    re.I,
)
_PER_POP = re.compile(r"(?:\s+[a-z]+){0,2}?\s*(?:per|for\s+every|in\s+every)\s+(?P<den>\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?P<pop>(?!of\b|in\b|and\b|at\b)[a-z][\w’'-]*(?:\s+(?:people|person|children|population))?))?", re.I)
_PERIODS = {"week": "week", "weeks": "week", "year": "year", "annum": "year", "month": "month",
            "day": "day", "night": "night", "hour": "hour", "pa": "year", "p.a.": "year", "annually": "year",
            "weekly": "week", "monthly": "month", "yearly": "year", "daily": "day"}
_PER = re.compile(
    r"\s*(?:(?:per|a|an|each|every)\s+(?P<base>(?:(?:young\s+)?(?:child|children|person|people|placement|family"
    r"|families|head|bed|place|case|pupil|household|carer|adopter|year|week|month|day|night|hour|annum)))\b"
    r"|(?P<pa>p\.a\.|pa\b|annually|weekly|monthly|yearly|daily))",
    re.I,
)
_PRE_PERIOD = re.compile(r"\b(weekly|annual|yearly|monthly|daily)\b[\w\s’'-]{0,30}$", re.I)


@dataclass
class Mention:
    """A candidate figure in a passage's text: ``[start, end)`` is the figure as
    written ("£3.3 million", "96 %", "1 in 17"); ``num_start``/``num_end`` the
    number itself (for lining up with the parse and the filters)."""

    start: int
    end: int
    value: float
    unit: str
    shape: str  # money | percent | ratio | fraction | duration | count | word
    num_start: int
    num_end: int
    per: str | None = None
    qualifier: str | None = None


def word_value(text: str) -> float | None:
    """'nine' -> 9, 'twenty-one' -> 21, 'two hundred and fifty' -> 250, 'a dozen' -> 12."""
    t = text.lower().replace("-", " ").split()
    if not t:
        return None
    if t == ["a", "dozen"]:
        return 12.0
    total = 0
    current = 0
    for w in t:
        if w in ("and",):
            continue
        if w in ("a", "an"):
            current = 1
        elif w in UNITS_WORDS:
            current += UNITS_WORDS[w]
        elif w in TENS_WORDS:
            current += TENS_WORDS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
    return float(total + current)


def number_value(text: str) -> float | None:
    """Digits or words to a float: '1,200' -> 1200, '3.3' -> 3.3, 'nine' -> 9."""
    s = text.strip().replace(",", "")
    try:
        return float(s)
    except ValueError:
        return word_value(text)


def ratio_value(a: float, b: float) -> float:
    """'1 in 17' -> 0.0588 (three significant figures)."""
    v = a / b
    return float(f"{v:.3g}")


def _scale(scale: str | None) -> float:
    return float(SCALES.get((scale or "").lower(), 1))


def _period(text: str, end: int) -> tuple[str | None, int]:
    """The rate after a money figure: 'per child per week' -> ('week', new end)."""
    base = None
    period = None
    pos = end
    for _ in range(2):
        m = _PER.match(text, pos)
        if not m:
            break
        word = (m.group("base") or m.group("pa") or "").lower()
        word = re.sub(r"\s+", " ", word)
        if word in _PERIODS:
            period = _PERIODS[word]
        elif base is None:
            base = word
        pos = m.end()
    return period or base, pos if (period or base) else end


def find_mentions(text: str) -> list[Mention]:
    """Candidate figures in ``text``, in order, without overlaps (the more
    specific shape wins: money, percent, ratio, fraction, duration, count)."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    def add(m: Mention) -> None:
        if free(m.num_start, m.num_end) and free(m.start, m.end):
            found.append(m)
            taken.append((m.start, m.end))

    for m in _MONEY.finditer(text):
        value = number_value(m.group("num"))
        if value is None:
            continue
        per, end = _period(text, m.end())
        if per not in _PERIODS.values():  # "the weekly fees of £5600 per child": per week
            pm = _PRE_PERIOD.search(text, max(0, m.start() - 45), m.start())
            if pm:
                per = _PERIODS[pm.group(1).lower()] if pm.group(1).lower() in _PERIODS else "year"
        add(Mention(m.start(), end if per else m.end(), value * _scale(m.group("scale")), "GBP", "money",
                    m.start("num"), m.end("num"), per))
    for m in _PERCENT.finditer(text):
        value = number_value(m.group("num"))
        if value is not None:
            add(Mention(m.start(), m.end(), value, "percent", "percent", m.start("num"), m.end("num")))
    for m in _RATIO.finditer(text):
        a, b = number_value(m.group("a")), number_value(m.group("b"))
        if a is None or b is None or b <= 0 or a >= b or a > 20 or 1900 <= b <= 2100:
            continue
        add(Mention(m.start(), m.end(), ratio_value(a, b), "ratio", "ratio", m.start(), m.end()))
    for m in _FRACTION.finditer(text):
        if m.group("half"):
            before = text[max(0, m.start() - 12):m.start()].lower()
            if re.search(r"(first|second|last|other|and a|the|one)\s+$", before):
                continue
            add(Mention(m.start(), m.end(), 50.0, "percent", "fraction", m.start(), m.end()))
            continue
        n = m.group("n").lower()
        if n == "a" and m.group("f").lower().endswith("s"):
            continue
        if not re.match(r"\s*(?:of|were|are|was|is|had|have)\b", text[m.end():], re.I):
            continue  # "a third party", "the second half"
        k = 1.0 if n in ("a", "one") else float(UNITS_WORDS[n])
        value = round(k * _FRACTION_WORDS[m.group("f").lower()], 1)
        add(Mention(m.start(), m.end(), value, "percent", "fraction", m.start(), m.end()))
    for m in _DURATION.finditer(text):
        value = number_value(m.group("num"))
        if value is None:
            continue
        if m.group("half"):
            value += 0.5
        per, end = _period(text, m.end())
        if per not in ("week", "month", "year", "day"):
            per, end = None, m.end()
        add(Mention(m.start(), end, value, _DURATION_UNITS[m.group("u").lower()], "duration",
                    m.start("num"), m.end("num"), per))
    for m in _NUMBER.finditer(text):
        if m.group("fn"):
            value = number_value(m.group("fn"))
            shape = "count"
            ns, ne = m.start("fn"), m.end("fn")
        elif m.group("num"):
            value = number_value(m.group("num"))
            shape = "count"
            ns, ne = m.start("num"), m.end("num")
        else:
            value = word_value(m.group("word"))
            shape = "word"
            ns, ne = m.start("word"), m.end("word")
        if value is None:
            continue
        if m.groupdict().get("scale"):
            value *= _scale(m.group("scale"))
        if m.groupdict().get("wscale"):
            value *= _scale(m.group("wscale"))  # "two million miles"
        mention = Mention(m.start(), m.end(), value, "count", shape, ns, ne)
        pm = _PER_POP.match(text, m.end())
        rate = pm and shape == "count" and number_value(pm.group("den")) in (100.0, 1000.0, 10000.0, 100000.0)
        if rate:
            mention.per = " ".join(x for x in (pm.group("den"), pm.group("pop")) if x)
            mention.end = pm.end("den")
        add(mention)
        if rate:
            taken.append((pm.start("den"), pm.end("den")))
    found.sort(key=lambda x: x.start)
    _ranges(text, found)
    return found


_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|(?:to|or)(?:\s+(?:even|possibly|sometimes|perhaps))?)\s*$", re.I)


def _ranges(text: str, found: list[Mention]) -> None:
    """"two to three days", "20-25%", "between two and four children": the
    first number takes the second's unit; the ends are bounds."""
    for a, b in zip(found, found[1:]):
        gap = text[a.end:b.start]
        between = re.search(r"\bbetween\s+(?:approximately\s+|about\s+|around\s+|roughly\s+)?$", text[max(0, a.start - 25):a.start], re.I) \
            and re.fullmatch(r"\s+and\s+", gap)
        if not (_RANGE_GAP.match(gap) or between):
            continue
        if a.shape in ("count", "word") and b.unit != "count" and b.shape != "ratio":
            a.unit, a.per = b.unit, b.per
        elif a.unit == b.unit and b.per and not a.per:
            a.per = b.per  # "from 72 to 82 per 10,000 children"
        if a.unit == b.unit and a.value < b.value:
            a.qualifier, b.qualifier = "at_least", "at_most"
