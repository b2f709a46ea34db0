"""Who made a finding reported second-hand in minutes and committee reports.

"The Commissioner found:-" (and the list after it), "inspectors found",
"the report acknowledged", "Ofsted identified", "officers reported",
"Members noted". A sentence that attributes a finding marks itself; a
sentence that introduces a list (ending in ":" or ":-") marks the list items
that follow it. Procedural text ("AGREED that the information provided be
noted", "RESOLVED", apologies) is recognised so it can be labelled neutral.
"""
from __future__ import annotations

import re

from extractors.segment import Segmentation

_VERBS = (r"(?:found|find|finds|identified|identify|identifies|judged|noted|note|reported|report|acknowledged|"
          r"highlighted|highlight|recognised|recognise|concluded|said|stated|observed|commented|praised|"
          r"welcomed|raised|expressed|queried|asked|explained|advised|confirmed|informed|described|"
          r"outlined|recommended|reflected|considered|felt|emphasised|stressed)")
WHO = (
    ("commissioner", re.compile(rf"\b(the )?(children['’]s )?commissioner(s)?\b[^.]{{0,40}}?\b{_VERBS}\b", re.I)),
    ("inspectors", re.compile(
        rf"\b(inspectors?|ofsted|the (inspection|monitoring|focused) (visit|report|letter|team)|the inspection|"
        rf"the (ofsted )?(report|letter|judgement)|hmi)\b[^.]{{0,40}}?\b{_VERBS}\b", re.I)),
    ("members", re.compile(
        rf"\b(members?|councillors?|cllr\.?|the (committee|board|panel|cabinet|chair(man)?))\b[^.]{{0,40}}?\b{_VERBS}\b", re.I)),
    ("officers", re.compile(
        rf"\b(officers?|the (corporate |executive |assistant |interim )?director|the head of|the (service )?manager|"
        rf"the cabinet member|the lead member|the portfolio holder)\b[^.]{{0,60}}?\b{_VERBS}\b", re.I)),
)
PROCEDURAL = re.compile(
    r"^\s*(agreed|resolved|recommendations?:|decision:|apologies|declarations? of interest|minutes of the|"
    r"the minutes|(that )?the (report|information|update|minutes)( provided)? be (noted|received|approved|agreed)|"
    r"members? (noted|received) the (report|update|information)|there were no|none\.?$|present:|in attendance|"
    r"also present|minutes of a meeting|no (declarations|apologies)|date of (the )?next meeting)",
    re.I,
)


def who_said(text: str) -> str | None:
    """The maker of a finding the sentence reports, or None. An inspector's or
    the Commissioner's finding wins over who relayed it ("The Panel was
    advised that ... the Commissioner found:-" is the Commissioner's)."""
    hits = {who: m.start() for who, rx in WHO if (m := rx.search(text))}
    for who in ("commissioner", "inspectors"):
        if who in hits:
            return who
    return min(hits, key=hits.get) if hits else None


def is_procedural(text: str) -> bool:
    return bool(PROCEDURAL.match(text))


def attributions(seg: Segmentation) -> dict[int, str]:
    """Passage index -> who made the finding, for passages reporting one.
    A sentence ending in ":" or ":-" that attributes opens a list: the list
    items after it are that maker's, through any commentary sentences in
    between, until a heading, another attributing sentence or another list
    introduction."""
    out: dict[int, str] = {}
    carry: str | None = None
    for p in seg.passages:
        if p.kind == "heading":
            carry = None
            continue
        if p.kind == "list_item" and carry:
            out[p.index] = carry
            continue
        who = who_said(p.text)
        if who:
            out[p.index] = who
        stripped = p.text.rstrip()
        opens_list = stripped.endswith((":", ":-", "–"))
        if who:
            carry = who if opens_list else None
        elif opens_list:
            carry = None
    return out
