"""Changes: two figures of one measure, the earlier and the later value.

- "reduced from an all-time high of 702 in August 2020 to 609": 609 changed
  from 702; 702 is the ``previous`` value; direction decrease;
- "from 40% in April 2020 to 22.9% at the end of October";
- "513 ... and that this had fallen from an all-time high of 702";
- "20, up from 12", "20 (down from 25)", "increased to 20 from 12";
- "There were only two families last year, but this had increased to 20";
- across sentences: "273 live with foster families. This is a reduction from
  291 at 31 March 2017."

``link(text, spans)`` returns ``(later, earlier)`` pairs of indices into the
figure spans of one passage.
"""
from __future__ import annotations

import re

_CHANGE_VERB = (r"(?:reduc\w*|decreas\w*|fall(?:en|ing|s)?|fell|dropp\w*|drop|declin\w*|increas\w*|ris(?:en|ing|e|es)|rose"
                r"|grow(?:n|ing|s)?|grew|improv\w*|chang\w*|mov\w*|gone\s+(?:up|down)|went\s+(?:up|down)|went|come\s+down"
                r"|came\s+down|lower\w*|cut|halved|doubled|shifted|reduction|increase|rise|fall|decrease|up|down)")
_FROM_BEFORE = re.compile(
    r"\bfrom\s+(?:(?:a|an|the)\s+)?(?:[\w’'-]+\s+){0,4}?(?:(?:of|at)\s+)?(?:around\s+|about\s+|approximately\s+|over\s+|nearly\s+)?$",
    re.I,
)
_TO_BETWEEN = re.compile(r"\bto\s+(?:(?:a|an|the)\s+)?(?:[\w’'-]+\s+){0,3}?(?:(?:of|at)\s+)?(?:around\s+|about\s+|approximately\s+|just\s+)?$", re.I)
_UP_DOWN_FROM = re.compile(
    rf"^\s*[,(]?\s*(?:which\s+is\s+|this\s+is\s+|a\s+|an\s+)?(?:{_CHANGE_VERB})\s+(?:\w+\s+)?from\s+(?:(?:a|an|the)\s+)?(?:[\w’'-]+\s+){{0,3}}?(?:of\s+)?$",
    re.I,
)
_VERB_FROM = re.compile(rf"\b{_CHANGE_VERB}\s+(?:\w+\s+)?from\s+(?:(?:a|an|the)\s+)?(?:[\w’'-]+\s+){{0,4}}?(?:(?:of|at)\s+)?$", re.I)
_ANAPHOR_TO = re.compile(
    rf"\b(?:this|it|which|that|these|they|the\s+number|numbers)\s+(?:has\s+|had\s+|have\s+|is\s+|was\s+|were\s+)?(?:now\s+|since\s+|then\s+|subsequently\s+)?"
    rf"(?:been\s+)?(?:{_CHANGE_VERB})\s+(?:\w+\s+)?to\s+(?:(?:a|an|the)\s+)?(?:[\w’'-]+\s+){{0,2}}?(?:of\s+)?$",
    re.I,
)
_ANAPHOR = re.compile(r"\b(?:this|it|which|that|these|they|numbers?)\b", re.I)
_CROSS = re.compile(rf"^\s*(?:this|that|which)\s+(?:is|was|represents|represented)\s+(?:a|an)\s+(?:\w+\s+)?(?:{_CHANGE_VERB})\s+(?:\w+\s+)?from\s+(?:(?:a|an|the)\s+)?(?:[\w’'-]+\s+){{0,3}}?(?:of\s+)?$", re.I)


def direction(earlier: float, later: float) -> str:
    if later > earlier:
        return "increase"
    if later < earlier:
        return "decrease"
    return "unchanged"


_SERIES_GAP = re.compile(
    r"[\s,;()]*(?:(?:in|at|during|for|as\s+at|on|by|the|and|to|compared\s+(?:to|with)|while|whereas|but|then|with"
    r"|from|against|rising|falling|increasing|decreasing|up|down)\b[\s,;()]*){0,5}",
    re.I,
)
_COMPARED = re.compile(r"\bcompared\s+(?:to|with)\s+(?:(?:a|an|the)\s+)?(?:\w+\s+){0,2}?$", re.I)


def _date_key(value: str | None) -> str | None:
    if not value:
        return None
    if "/" in value:  # financial year 2019/20 -> its start
        return value[:4] + "-04"
    return value


def link(text: str, spans: list[tuple[int, int, str]], dates: list | None = None) -> list[tuple[int, int]]:
    """``(later, earlier)`` index pairs among the figure ``spans`` (start, end,
    unit key) of one passage, in order. ``dates``: each figure's as-of date
    (a ``context.DateRef`` or None), for series ("75 in 2012–13 and 83 in
    2013–14") and comparisons with an earlier date ("four during 2013-14
    compared to 5 in 2012/13")."""
    pairs: list[tuple[int, int]] = []
    linked: set[int] = set()
    n = len(spans)
    dates = dates or [None] * n
    for i in range(n - 1):
        j = i + 1
        if spans[i][2] != spans[j][2] or dates[j] is None:
            continue
        di, dj = _date_key(getattr(dates[i], "value", None)), _date_key(dates[j].value)
        gap = text[spans[i][1]:spans[j][0]]
        if di and dj and di != dj and dates[i].start >= spans[i][1] and len(gap) < 60:
            rest = gap.replace(dates[i].text, " ")
            if _SERIES_GAP.fullmatch(rest):
                later, earlier = (j, i) if dj > di else (i, j)
                pairs.append((later, earlier))
                linked.update((i, j))
                continue
        if dj and (di is None or dj < di) and _COMPARED.search(gap) and len(gap) < 80:
            pairs.append((i, j))  # "four disruptions during 2013-14 compared to 5 in 2012/13"
            linked.update((i, j))
    for i in range(n):
        if i in linked:
            continue
        s, e, unit = spans[i]
        before = text[max(0, s - 70):s]
        # "from X ... to Y"
        if re.search(r"\b(?:rang\w*|var\w*|between)\s+from\s+\S*\s*$", before, re.I):
            continue  # "ranging from 22 to 24": a range, not a change
        if _FROM_BEFORE.search(before) and (_VERB_FROM.search(before) or re.search(r"\b(?:from)\s", before[-40:], re.I)):
            for j in range(i + 1, min(n, i + 3)):
                sj, ej, uj = spans[j]
                if uj != unit or j in linked:
                    continue
                between = text[e:sj]
                if len(between) <= 80 and _TO_BETWEEN.search(between) and "from" not in between.lower():
                    pairs.append((j, i))
                    linked.update((i, j))
                    break
            else:
                # "X, this had fallen from Y" / "513 ... had fallen from 702": later value came first
                if i > 0 and _UP_DOWN_FROM.search(text[spans[i - 1][1]:s]) and spans[i - 1][2] == unit \
                        and i - 1 not in linked:
                    pairs.append((i - 1, i))  # "58, an increase from 29"
                    linked.update((i, i - 1))
                elif _VERB_FROM.search(before) and i not in linked and _ANAPHOR.search(before[-45:]):
                    k = _previous_same(spans, i, unit, linked)
                    if k is not None and not _FROM_BEFORE.search(text[max(0, spans[k][0] - 70):spans[k][0]]):
                        pairs.append((k, i))
                        linked.update((i, k))
            continue
        # "Y, up from X" / "Y (down from X)"
        if i > 0 and _UP_DOWN_FROM.search(text[spans[i - 1][1]:s]) and spans[i - 1][2] == unit and i - 1 not in linked:
            pairs.append((i - 1, i))
            linked.update((i, i - 1))
            continue
        # "two families last year, but this had increased to 20"
        if _ANAPHOR_TO.search(before):
            k = _previous_same(spans, i, unit, linked)
            if k is not None:
                pairs.append((i, k))
                linked.update((i, k))
    return pairs


def _previous_same(spans, i, unit, linked) -> int | None:
    for k in range(i - 1, -1, -1):
        if spans[k][2] == unit and k not in linked:
            return k
    return None


def cross_passage(text: str, spans: list[tuple[int, int, str]]) -> int | None:
    """Index of a figure that ``text`` says is a change from (the later value
    being in the passage before): "This is a reduction from 838 at 31 March 2017."""
    for i, (s, e, unit) in enumerate(spans):
        if _CROSS.search(text[:s]):
            return i
    return None
