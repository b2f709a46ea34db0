"""Where a passage sits: the judgement area and grade of its section, whether
it is in a recommendation list, the letter's opening, and so on.

The area is the normalised key of the judgement heading the passage comes
under (``help_and_protection``, ``children_in_care``, ``care_leavers``,
``impact_of_leaders``, ... as in extractors/data/judgement_areas.csv), or for
a focused or monitoring visit the visit's focus (from "Areas covered by the
visit" / the letter's title), else None. The grade is read from the same
heading ("...: requires improvement to be good").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.judgements import area_patterns, normalise_grade
from extractors.records import Passage
from extractors.segment import Segmentation

_GRADE = re.compile(r"(requires?\s+improvement(?:\s+to\s+be\s+good)?|outstanding|good|inadequate)\s*\.?\s*$", re.I)
_INTRO = re.compile(r"^(focused visit to|monitoring visit|inspection of|judgement grade|introduction|overview|"
                    r"headline findings|overall|summary)", re.I)
# focus of a visit, from its "areas covered" text or letter
_FOCUS = (
    ("care_leavers", re.compile(r"care leavers?|leaving care", re.I)),
    ("children_in_care", re.compile(r"children in care|looked after|permanence|achieving permanence", re.I)),
    ("help_and_protection", re.compile(r"front door|contacts?|referrals?|child protection|help and protection|"
                                       r"children in need|early help|assessments?|mash|safeguarding|disabled", re.I)),
    ("impact_of_leaders", re.compile(r"leaders|leadership|workforce", re.I)),
)
GRADES = ("outstanding", "good", "requires_improvement", "inadequate")


@dataclass(frozen=True)
class PassageContext:
    area: str | None
    area_text: str | None
    grade: str | None  # one of GRADES, from the section heading
    section_title: str
    in_recommendations: bool
    intro: bool  # the letter's opening or the report's summary


def heading_area(title: str) -> str | None:
    text = re.sub(r"\s+", " ", title).strip()
    for p in area_patterns():
        if p.where in ("heading", "both") and re.match(p.pattern, text, re.I):
            return p.area
    return None


def heading_grade(title: str) -> str | None:
    m = _GRADE.search(title)
    return normalise_grade(m.group(1)) if m else None


def focus_area(texts: list[str]) -> str | None:
    joined = " ".join(texts)
    for area, rx in _FOCUS:
        if rx.search(joined):
            return area
    return None


def passage_contexts(seg: Segmentation, rec_passages: set[int], visit_focus: list[str] | None = None
                     ) -> list[PassageContext]:
    """One context per passage of ``seg``, in order."""
    focus_text = "; ".join(visit_focus) if visit_focus else None
    focus = focus_area(visit_focus) if visit_focus else None
    out = []
    cache: dict[int | None, tuple] = {}
    for p in seg.passages:
        if p.section not in cache:
            cache[p.section] = _section_info(seg, p.section, focus, focus_text)
        area, area_text, grade, title, intro = cache[p.section]
        out.append(PassageContext(area, area_text, grade, title, p.index in rec_passages, intro))
    return out


def _section_info(seg: Segmentation, idx: int | None, focus, focus_text):
    title = seg.sections[idx].title if idx is not None else ""
    s = idx
    while s is not None:
        sec = seg.sections[s]
        area = heading_area(sec.title) if sec.kind == "judgement" else None
        if area:
            return area, sec.title, heading_grade(sec.title), title, False
        s = sec.parent
    intro = bool(_INTRO.match(title)) or (idx is not None and seg.sections[idx].kind == "preamble")
    return focus, focus_text, None, title, intro


def is_structural(p: Passage, ctx: PassageContext, section_kind: str) -> bool:
    """Headings, the addressee block, the table of grades and sign-offs: text
    that cannot carry a finding (labelled neutral without the model)."""
    if p.kind == "heading" or section_kind == "preamble":
        return True
    words = p.text.split()
    if len(words) < 4:
        return True
    if ctx.section_title.lower().startswith("judgement grade") and _GRADE.search(p.text) and len(words) <= 16:
        return True
    return bool(_SIGNOFF.match(p.text))


_SIGNOFF = re.compile(r"^(yours (sincerely|faithfully)|(her|his) majesty['’]s inspector|inspection dates?:|lead inspector:)", re.I)
