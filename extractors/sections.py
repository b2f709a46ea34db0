"""Headings and the section tree.

PDF (fonts known): a heading is a short line set bold or larger than the body
text; consecutive heading lines of one style that read as one ("The experiences
and progress of children who need help and" / "protection: good") merge. Levels
rank the document's heading styles, largest first.

Text, Markdown and PDFs without bold type (council papers): Markdown heading
hints; "Agenda item" + title and "<title>" + "(Item 3)" (agenda items of
minutes); "Minutes:" style labels; ALL-CAPS lines; numbered headings
("3. RATIONALE", "9. Legal implications" followed by "9.1 ..."); short untitled
lines between blank lines (text) or between a finished sentence and a new
paragraph (PDF).

Section kinds: ``judgement`` (a graded judgement heading), ``agenda_item``,
``heading``; ``preamble`` for the text before the first heading.
"""
from __future__ import annotations

import re

from extractors.lines import BULLET_RE, Line, ends_sentence
from extractors.records import Section

_ITEM_TAG = re.compile(r"^\(Item\s+\d+[A-Za-z]?\)$", re.I)
_SIGNOFF = re.compile(r"^Yours (?:sincerely|faithfully)\b", re.I)
_MINUTES_LABEL = re.compile(r"^Minutes\s*:$", re.I)
_AGENDA_LABEL = re.compile(r"^Agenda item:?$", re.I)
_LABEL = re.compile(r"^[A-Z][A-Za-z’']*(?: [A-Za-z’']+){0,2}\s?:$")
_DECISION = re.compile(r"^(?:AGREED|RESOLVED|ORDERED|DECISION|RECOMMENDATIONS?)\s*:?$")
_NUM_HEAD = re.compile(r"^(?:[-–]\s+)?(\d{1,3})\.\s+(\S.*)$")
_NUM_PARA = re.compile(r"^\d{1,3}\.\s*[A-Z]")
_VOTE = re.compile(r"\(\d+\)$")
_CONNECTOR_END = re.compile(
    r"(?:\b(?:and|of|the|to|for|with|in|on|who|a|an|by|at|from|or|that|their|its|as)|[,–-])$", re.I
)
_GRADES = r"(?:outstanding|good|requires improvement(?: to be good)?|inadequate|adequate)"
_JUDGEMENT = re.compile(
    rf"^(?:\d\.(?:\d\s)?\s*)?(?:the\s+)?(?:overall effectiveness|impact of leaders|experiences and progress"
    rf"|children who need help|children looked after|care leavers|leadership, management|adoption performance"
    rf"|capacity to improve).*(?::\s*|\s){_GRADES}\.?$",
    re.I,
)


def _words(text: str) -> int:
    return text.count(" ") + 1


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _titleish(text: str) -> bool:
    """Title Case, more or less: half the longer words capitalised ("Work programme")."""
    long_words = [w for w in text.split() if sum(c.isalpha() for c in w) >= 4]
    return not long_words or sum(w[0].isupper() for w in long_words) * 2 >= len(long_words)


def _heading_like(text: str, max_words: int, lower_ok: bool = False) -> bool:
    return (
        _words(text) <= max_words
        and any(c.isalpha() for c in text)
        and not BULLET_RE.match(text)
        and (lower_ok or not text[:1].islower())
    )


def mark_headings(lines: list[Line], media_type: str, body: float | None, width: int) -> None:
    """Set ``role = "heading"`` (with section kind, level, and ``why == "continued"``
    on the second and later lines of a heading)."""
    kept = [ln for ln in lines if ln.role == "body"]
    _signoff(kept)
    _agenda_items(kept)
    if media_type == "pdf" and body is not None:
        _style_headings(kept, body)
    # council PDFs set everything in one weight: their headings are found as in text files
    if media_type != "pdf" or body is None or not any(ln.bold for ln in kept):
        _text_headings(kept, media_type, width)
    for i, ln in enumerate(kept):
        if ln.role == "heading" and not ln.section_kind:
            # an item of minutes: its heading is followed by "Minutes:" (modern.gov pages)
            minutes = False
            if ln.why != "continued" and not _MINUTES_LABEL.match(ln.text):
                for x in kept[i + 1 : i + 4]:
                    if _MINUTES_LABEL.match(x.text):
                        minutes = True
                    if x.role == "heading" and x.why != "continued":
                        break
            ln.section_kind = "agenda_item" if minutes else "heading"


def _signoff(kept: list[Line]) -> None:
    """A letter's closing ("Yours sincerely" / name / "His Majesty's Inspector"): no headings."""
    for i in range(len(kept) - 1, max(-1, len(kept) - 15), -1):
        if _SIGNOFF.match(kept[i].text):
            for line in kept[i:]:
                line.why = "signoff"
            return


def _agenda_items(kept: list[Line]) -> None:
    for i, line in enumerate(kept):
        if _AGENDA_LABEL.match(line.text) and i + 1 < len(kept):
            line.role, line.why = "drop", "agenda label"
            nxt = kept[i + 1]
            nxt.role, nxt.why, nxt.section_kind, nxt.level = "heading", "agenda", "agenda_item", 2
        elif _ITEM_TAG.match(line.text):
            title = _agenda_title(kept, i)
            for k, part in enumerate(title):
                part.role, part.section_kind, part.level = "heading", "agenda_item", 2
                part.why = "agenda" if k == 0 else "continued"


def _agenda_title(kept: list[Line], i: int) -> list[Line]:
    """The title lines before an "(Item 3)" tag, and the tag.

    "270. Apologies for Absence" / "(Item 1)": back to the numbered line;
    otherwise back over lines that continue a title ("... Annual Report" /
    "2023/2024"), never past the end of a sentence or a heading.
    """
    back: list[Line] = []
    for j in range(i - 1, max(-1, i - 4), -1):
        cand = kept[j]
        if cand.role != "body" or ends_sentence(cand.text) or _ITEM_TAG.match(cand.text):
            break
        back.insert(0, cand)
        if _NUM_HEAD.match(cand.text):
            return back + [kept[i]]
    title: list[Line] = []
    for cand in reversed(back):
        if title and not (title[0].text[:1].islower() or title[0].text[:1].isdigit()
                          or _CONNECTOR_END.search(cand.text)):
            break
        title.insert(0, cand)
    return title + [kept[i]]


def _style(line: Line) -> tuple[float, bool]:
    return (round(line.size or 0.0, 1), bool(line.bold))


def _style_headings(kept: list[Line], body: float) -> None:
    candidates: list[int] = []
    for i, line in enumerate(kept):
        if line.role != "body" or line.why == "signoff":
            continue
        big = (line.size or 0) > body + 0.75
        follows = bool(candidates) and candidates[-1] == i - 1 and kept[i - 1].page == line.page
        if not (line.bold or big) or not _heading_like(line.text, 25, lower_ok=follows):
            continue
        if line.text.endswith(".") and _words(line.text) > 8:
            continue  # a bold sentence, not a heading
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        if not (big and line.bold) and nxt is not None and _style(nxt) != _style(line) \
                and nxt.text[:1].islower():
            continue  # a bold lead-in (or a larger paragraph number) of a paragraph that runs on
        if not line.bold and _NUM_PARA.match(line.text):
            continue  # "1. Children ..." with the number set larger
        candidates.append(i)
    styles = sorted({_style(kept[i]) for i in candidates}, key=lambda s: (-s[0], not s[1]))
    rank = {s: n + 1 for n, s in enumerate(styles)}
    prev: Line | None = None
    for i in candidates:
        line = kept[i]
        line.role, line.level = "heading", rank[_style(line)]
        if (
            prev is not None
            and kept[i - 1] is prev
            and prev.page == line.page
            and (
                line.text[:1].islower()
                or (_CONNECTOR_END.search(prev.text) and _style(prev)[0] == _style(line)[0])
                or (_style(prev) == _style(line) and (line.size or 0) > body + 0.75
                    and len(prev.text) > 45 and ":" not in prev.text)
            )
        ):
            line.why = "continued"
        prev = line
    _judgements(kept)


def _text_headings(kept: list[Line], media_type: str, width: int) -> None:
    n = len(kept)
    for i, line in enumerate(kept):
        if line.role != "body" or line.why == "signoff":
            continue
        text = line.text
        prev = kept[i - 1] if i > 0 else None
        nxt = kept[i + 1] if i + 1 < n else None
        if line.hint == "heading":
            line.role, line.level = "heading", line.level or 2
            continue
        if media_type == "markdown" or line.cell:
            continue
        after_break = prev is None or prev.role == "heading" or ends_sentence(prev.text) or line.gap
        if not after_break or ends_sentence(text) and not _LABEL.match(text) and not _DECISION.match(text):
            continue
        level = 0
        if _DECISION.match(text) or (_LABEL.match(text) and nxt is not None):
            level = 3
        elif _is_caps(text) and _words(text) <= 15:
            level = 1
        else:
            m = _NUM_HEAD.match(text)
            if m and _words(m.group(2)) <= 12 and not ends_sentence(text) and (
                _is_caps(m.group(2))
                or (nxt is not None and (nxt.text.lstrip("-– ").startswith(m.group(1) + ".1") or nxt.gap))
            ):
                level = 2
            elif _heading_like(text, 12) and nxt is not None and (
                (media_type == "text" and line.gap and nxt.gap and text.count(",") < 3 and "@" not in text)
                or (media_type == "pdf" and len(text) < 0.6 * width and _words(text) <= 8
                    and not _VOTE.search(text) and _titleish(text)
                    and not _CONNECTOR_END.search(text) and not nxt.text[:1].islower())
            ):
                level = 3
        if level:
            line.role, line.level = "heading", level
            dash = re.match(r"^[-–]\s+", text)
            if dash:  # "- 9. Legal implications"
                line.skip = dash.end()


def _judgements(kept: list[Line]) -> None:
    """Mark graded judgement headings (their text, merged, ends in a grade)."""
    i = 0
    while i < len(kept):
        if kept[i].role != "heading" or kept[i].why == "continued":
            i += 1
            continue
        j = i + 1
        while j < len(kept) and kept[j].role == "heading" and kept[j].why == "continued":
            j += 1
        title = " ".join(ln.text for ln in kept[i:j])
        if _JUDGEMENT.match(title):
            for ln in kept[i:j]:
                ln.section_kind = "judgement"
        i = j


def build_sections(doc_id: str, headings: list[tuple[str, int, int, int, str, int]], version: str,
                   preamble: bool) -> list[Section]:
    """Sections from (title, page, start, end, kind, level) headings in order.

    With ``preamble`` a section 0 of kind ``preamble`` holds the text before
    the first heading. Parents: the nearest earlier section of a higher level.
    """
    sections: list[Section] = []
    if preamble:
        sections.append(Section(doc_id, 0, "", "preamble", 1, 1, 0, 0, None, version))
    stack: list[tuple[int, int]] = []  # (level, index)
    for title, page, start, end, kind, level in headings:
        while stack and stack[-1][0] >= level:
            stack.pop()
        parent = stack[-1][1] if stack else None
        index = len(sections)
        sections.append(Section(doc_id, index, title, kind, level, page, start, end, parent, version))
        stack.append((level, index))
    return sections
