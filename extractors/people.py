"""People: the inspectors an Ofsted document names, as written. Pure; no I/O.

Three places name them:

1. **Labelled lines** of reports: "Lead inspector: Naintara Khosla, His
   Majesty's Inspector" (ILACS front page; the designation may sit on the next
   line), "Lead inspectors: A, HMI, and B, HMI", "Reporting inspector Helen
   Cawston HMI" (2013 looked-after children inspections), and the SIF "The
   inspection team" block ("Deputy lead inspector:", "Team inspectors: ...",
   over several lines or one name a line, "Shadow inspectors:", "Supernumerary
   inspector:", "Senior data analyst:", "Quality assurance manager:").
2. **The team sentence** of a letter: "Her Majesty's Inspectors for this visit
   were Tara Geere and Christine Kennet.", "The inspectors were Louise Warren,
   HMI, and John Roughton, HMI.", "The visit was carried out by Her Majesty's
   Inspectors Matt Reed and Lorna Schlechte.", "... were lead inspector Sophie
   Wales and team inspectors Sally Sinclair and Mark Scanlon.", "The quality
   assurance manager was Sean Tarpey, SHMI."
3. **The sign-off** of a letter: "Yours sincerely / Tara Geere / Her Majesty's
   Inspector" (the name line, then the designation line).

``role`` is normalised: ``lead_inspector`` (lead, reporting inspector),
``team_inspector`` (deputy lead, team, shadow, supernumerary inspectors; the
team inspectors of a letter), ``inspector`` (an inspector named without a
place in the team: the letters' "Her Majesty's Inspectors for this visit",
the signatory) and ``other`` (data analysts, quality assurance managers).
``role_text`` is the role as written: the label ("Lead inspector", "Team
inspectors"), the designation beside the name ("His Majesty's Inspector",
"HMI", "Ofsted Inspector", "associate inspectors"), or both joined by ", "
("Lead inspector, His Majesty's Inspector").

One record per person and role (names compared without case or spacing); a
person already named with a place in the team (lead or team inspector) is not
repeated as a plain ``inspector`` by the team sentence or the sign-off.
Spans are spans of ``Document.text`` (the name as printed).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.document import Document
from extractors.dates import raw_span
from extractors.meta_records import Person
from extractors.segment import Segmentation

PEOPLE_VERSION = "people-1"

_APOS = "['’‘`]"
_MAJESTY = rf"(?:Her|His)\s+Majesty\s*(?:=\s*)?{_APOS}\s*s"
# Designations printed beside a name.
_DESIG_CORE = (
    rf"(?:Senior\s+)?{_MAJESTY}\s+(?:Chief\s+)?[Ii]nspectors?(?:\s*\(\s*S?HMIs?\s*\))?"
    r"|S?HMIs?(?:\s*\(?\s*(?i:designate|desigate)\s*\)?)?"
    r"|Senior\s+HMI|Ofsted\s+[Ii]nspectors?|[Cc]ontracted\s+[Ii]nspectors?|[Ss]econded\s+[Ii]nspectors?"
    r"|[Aa]ssociate\s+[Ii]nspectors?|[Ss]ocial\s+[Cc]are\s+[Rr]egulatory\s+[Ii]nspectors?"
    r"|(?:[Rr]egional|[Nn]ational)\s+[Dd]irector(?:,\s*[A-Z][\w ]+)?|AI|OI|(?:[Ll]ead|[Tt]eam)\s+[Ii]nspector"
    r"|(?:two|three|four|five|six|both|all|all\s+of\s+whom\s+are)\s+(?:of\s+)?"
    + rf"{_MAJESTY}\s+[Ii]nspectors?(?:\s*\(\s*S?HMIs?\s*\))?"
)
_DESIG = re.compile(rf"^\s*\(?\s*(?:{_DESIG_CORE})\s*\)?\s*$")
_TRAILING_DESIG = re.compile(rf"(?:\s*,\s*|\s+|\s*\(\s*)(?P<d>(?:{_DESIG_CORE}))\s*\)?\s*\.?\s*$")
_PLURAL_DESIG = re.compile(r"(?i)inspectors\b|HMIs\b|^\s*\(?\s*(?:two|three|four|five|six|both|all)\b")

_PARTICLES = r"(?:de|van|der|von|le|la|du|da|di|del|bin|al)"
_TOKEN = r"[A-ZÀ-ÖØ-Þ][\w’'\-]*"
_NAME = re.compile(
    rf"(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s+)?{_TOKEN}(?:\s+(?:{_TOKEN}|{_PARTICLES}(?=\s+[A-Z])))+"
)
_NOT_NAME_WORDS = {
    "her", "his", "majesty", "majesty’s", "majesty's", "inspector", "inspectors", "ofsted", "the", "and",
    "lead", "team", "hmi", "visit", "this", "council", "children", "children’s", "services", "local",
    "authority", "department", "education", "director", "executive", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december", "inspection",
    "social", "care",
}

# ---------------------------------------------------------------- labelled lines

_LABELS = (
    (r"deputy\s+lead\s+inspectors?", "team_inspector"),
    (r"lead\s+inspectors?", "lead_inspector"),
    (r"reporting\s+inspectors?", "lead_inspector"),
    (r"team\s+inspectors?", "team_inspector"),
    (r"shadow\s+inspectors?", "team_inspector"),
    (r"supernumerary\s+inspectors?", "team_inspector"),
    (r"additional\s+inspectors?", "team_inspector"),
    (r"(?:shadow\s+)?(?:senior\s+)?data\s+analysts?", "other"),
    (r"senior\s+analytical\s+officers?", "other"),
    (r"quality\s+assurance\s+managers?", "other"),
)
_LABEL_LINE = re.compile(
    r"(?im)^[ \t]*(?P<label>" + "|".join(f"(?:{p})" for p, _ in _LABELS) + r")[ \t]*(?::|(?=[ \t]+[A-Z]))[ \t]*"
)
_LIST_LABEL = re.compile(r"(?i)inspectors|analysts|^team|^shadow")
_STOP_LINE = re.compile(
    r"(?i)^\s*(?:\d+\s*$|\f|judgement\b|any complaints|age group|published|information about|"
    r"inspection dates?|report published|©|the office for standards)"
)

# ---------------------------------------------------------------- letters

_TEAM_SENTENCE = re.compile(
    rf"(?:{_MAJESTY}\s+[Ii]nspectors?(?:\s*\(\s*HMIs?\s*\))?|[Tt]he\s+(?:lead\s+)?inspectors?|[Ii]nspectors)"
    r"(?:\s+for\s+(?:this|the)\s+(?:visit|inspection))?\s+(?:were|was)\s+(?P<list>(?=[A-Z]|lead\s|team\s).+)$"
    r"|\b(?:[Tt]he|[Tt]his)\s+(?:visit|inspection)\s+was\s+(?:carried\s+out|conducted|undertaken|led)\s+by\s+(?P<list2>.+)$"
    r"|(?:,\s*|\s+)carried\s+out\s+by\s+(?P<list3>.+)$"
)
_QA_SENTENCE = re.compile(r"\b[Tt]he\s+quality\s+assurance\s+manager\s+(?:was|is)\s+(?P<list>.+)$")
_SIGNOFF = re.compile(r"(?i)\byours?\s+(?:sincerely|faithfully)\b")
_LIST_SPLIT = re.compile(
    r"\s*,\s*(?:and\s+|with\s+)?|\s+(?:and|with)\s+|\s*&\s*|(?<=\))\s+(?=[A-Z])|;\s*"
    # one entry a line: a line break after a designation ("Nigel Parkes, HMI" / "Ian Young, HMI")
    r"|(?:(?<=HMI)|(?<=HMIs)|(?<=[Ii]nspector)|(?<=[Ii]nspectors)|(?<=\bOI)|(?<=\bAI))[ \t]*\n\s*"
)
_LEAD_IN = re.compile(
    rf"^\s*(?:(?P<lead>lead\s+inspector)|(?P<team>team\s+inspectors?)"
    rf"|{_MAJESTY}\s+[Ii]nspectors?(?:\s*\(\s*S?HMIs?\s*\))?(?:\s+Social\s+Care)?)\s*,?\s+",
    re.IGNORECASE,
)


@dataclass
class _Mention:
    name: str
    role: str
    role_text: str
    start: int
    end: int


def find_people(doc: Document, seg: Segmentation) -> tuple[Person, ...]:
    """The inspectors (and other named team members) of an Ofsted document."""
    mentions: list[_Mention] = []
    mentions += _labelled(doc)
    mentions += _team_sentences(doc, seg)
    mentions += _signoff(doc)
    return _dedupe(doc, mentions)


# ---------------------------------------------------------------- labelled lines


def _role_of_label(label: str) -> str:
    for pattern, role in _LABELS:
        if re.fullmatch(pattern, label.strip(), re.IGNORECASE):
            return role
    return "other"


def _labelled(doc: Document) -> list[_Mention]:
    text = doc.text
    out: list[_Mention] = []
    for m in _LABEL_LINE.finditer(text):
        label = " ".join(m.group("label").split())
        role = _role_of_label(label)
        start = m.end()
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if ":" not in m.group(0) and not label.lower().startswith("reporting"):
            continue  # only "Reporting inspector Helen Cawston HMI" goes without a colon
        is_list = bool(_LIST_LABEL.search(label))
        # continuation lines
        pos = end
        for _ in range(14):
            if pos >= len(text):
                break
            nxt_end = text.find("\n", pos + 1)
            nxt_end = len(text) if nxt_end < 0 else nxt_end
            line = text[pos + 1: nxt_end]
            if not line.strip() or _LABEL_LINE.match(line) or _STOP_LINE.match(line):
                break
            current = text[start:end].rstrip()
            wants_more = (not current.strip() or current.endswith((",", " and", "&"))
                          or line.lstrip().startswith(("and ", "(")))
            if _DESIG.match(line):
                wants_more = True  # "Lead inspector: Julie Knight" / "Her Majesty's Inspector"
            elif is_list and _looks_like_names(line):
                wants_more = True
            if not wants_more:
                break
            end = nxt_end
            pos = nxt_end
        out += _parse_list(text, start, end, role, label)
    return out


def _looks_like_names(line: str) -> bool:
    line = line.strip()
    if len(line) > 120 or not line:
        return False
    if not (line[0].isupper() or line.startswith("and ")):
        return False
    # words mostly capitalised (names and designations), no sentence punctuation
    if re.search(r"[.:;!?]\s+[A-Z]", line):
        return False
    words = re.findall(r"[^\W\d_][\w’'\-]*", line)
    small = {"and", "of", "de", "van", "der", "le", "la"}
    caps = [w for w in words if w not in small]
    return bool(caps) and sum(w[0].isupper() for w in caps) / len(caps) >= 0.7


# ---------------------------------------------------------------- list parsing


def _parse_list(text: str, start: int, end: int, role: str, label: str | None,
                default_desig: str | None = None) -> list[_Mention]:
    """Names in ``text[start:end]`` ("A, HMI, and B, HMI", "A, B (HMIs) and C
    (associate inspectors)", "lead inspector A and team inspectors B and C")."""
    chunk = text[start:end]
    # chunks with their offsets
    pieces: list[tuple[int, int]] = []
    last = 0
    for sm in _LIST_SPLIT.finditer(chunk):
        if sm.start() > last:
            pieces.append((last, sm.start()))
        last = sm.end()
    if last < len(chunk):
        pieces.append((last, len(chunk)))

    out: list[_Mention] = []
    pending: list[_Mention] = []  # names without a designation yet
    current_role = role
    current_label = label
    for ps, pe in pieces:
        piece = chunk[ps:pe]
        if not piece.strip():
            continue
        if _DESIG.match(piece.strip(" .")):
            desig = _clean_desig(piece)
            if not pending:
                # "carried out by Her Majesty's Inspectors, Rachel Holden and Brenda McInerney"
                default_desig = desig
                continue
            targets = pending if _PLURAL_DESIG.search(piece) else pending[-1:]
            for mention in targets:
                mention.role_text = _join(current_label, desig)
                if role == "inspector" and re.fullmatch(r"(?i)lead\s+inspector", desig):
                    mention.role = "lead_inspector"
            pending = [p for p in pending if p not in targets]
            continue
        lead_in = _LEAD_IN.match(piece)
        offset = 0
        if lead_in:
            offset = lead_in.end()
            if lead_in.group("lead"):
                current_role, current_label = "lead_inspector", lead_in.group("lead")
            elif lead_in.group("team"):
                current_role, current_label = "team_inspector", lead_in.group("team")
            else:
                default_desig = " ".join(lead_in.group(0).split()).rstrip(",")
        body = piece[offset:]
        desig = None
        dm = _TRAILING_DESIG.search(body)
        while dm and dm.start() > 0:
            desig = _clean_desig(dm.group("d")) if desig is None else f"{_clean_desig(dm.group('d'))} {desig}"
            body = body[: dm.start()]
            dm = _TRAILING_DESIG.search(body)
        nm = _NAME.match(body.strip())
        if not nm:
            continue
        lead_space = len(body) - len(body.lstrip())
        name = " ".join(nm.group(0).split())
        if not _plausible_name(name):
            continue
        n_start = start + ps + offset + lead_space
        n_end = n_start + len(nm.group(0))
        m_role = current_role
        if desig and re.fullmatch(r"(?i)lead\s+inspector", desig):
            m_role = "lead_inspector"
        mention = _Mention(name, m_role, _join(current_label, desig or default_desig), n_start, n_end)
        out.append(mention)
        if desig is None:
            pending.append(mention)
        elif _PLURAL_DESIG.search(desig):
            for p in pending:
                p.role_text = _join(current_label, desig)
            pending = []
    return out


def _plausible_name(name: str) -> bool:
    words = name.split()
    if len(words) < 2 or len(words) > 5:
        return False
    content = [w for w in words if w.rstrip(".") not in ("Dr", "Mr", "Mrs", "Ms", "Miss", "Prof")]
    return not any(w.lower().strip("’'") in _NOT_NAME_WORDS for w in content)


def _clean_desig(text: str) -> str:
    text = " ".join(text.split()).strip(" .,")
    # "two of Her Majesty's Inspectors", "all of whom are ..." -> the designation itself
    text = re.sub(r"^(?:(?:two|three|four|five|six|both|all)\s+(?:of\s+whom\s+are\s+|of\s+)?)", "", text)
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    if text.endswith(")") and "(" not in text:
        text = text[:-1].rstrip()
    if text.startswith("(") and ")" not in text:
        text = text[1:].lstrip()
    return text


def _join(label: str | None, desig: str | None) -> str:
    label = " ".join(label.split()) if label else None
    parts = [p for p in (label, desig) if p]
    if len(parts) == 2 and parts[0].lower() == parts[1].lower():
        parts = parts[:1]
    return ", ".join(parts)


# ---------------------------------------------------------------- letters


def _team_sentences(doc: Document, seg: Segmentation) -> list[_Mention]:
    out: list[_Mention] = []
    for p in seg.passages[:80]:
        text = p.text
        for regex, role, label in ((_TEAM_SENTENCE, "inspector", None), (_QA_SENTENCE, "other", None)):
            m = regex.search(text)
            if not m:
                continue
            group = next(g for g in ("list", "list2", "list3") if regex.groupindex.get(g) and m.group(g))
            ls, le = m.start(group), m.end(group)
            if role == "other":
                label = "quality assurance manager"
            default = None
            head = text[: ls]
            mj = re.search(rf"{_MAJESTY}\s+[Ii]nspectors?", head)
            if mj:
                default = " ".join(mj.group(0).split())
            mentions = _parse_list(text, ls, le, role, label, default)
            for mention in mentions:
                s, e = raw_span(doc, p, mention.start, mention.end)
                if (s, e) == (p.start, p.end):
                    continue
                mention.start, mention.end = s, e
                out.append(mention)
    return out


def _signoff(doc: Document) -> list[_Mention]:
    """The name and designation under "Yours sincerely" (or, without it, the
    last name line followed by a designation line on the last page)."""
    text = doc.text
    last_page = doc.pages[-1] if doc.pages else None
    tail_start = min(last_page.start, max(0, len(text) - 1500)) if last_page else 0
    tail = text[tail_start:]
    lines = []
    pos = tail_start
    for raw in tail.split("\n"):
        lines.append((pos, raw))
        pos += len(raw) + 1
    sign = [i for i, (_, ln) in enumerate(lines) if _SIGNOFF.search(ln)]
    if not sign and not re.search(r"(?m)^\s*Dear\s", text[: 5000]):
        return []  # not a letter: no sign-off to read
    candidates = range(sign[-1] + 1, min(len(lines), sign[-1] + 6)) if sign else range(len(lines) - 1, -1, -1)
    for i in candidates:
        off, line = lines[i]
        nxt = next(((j, lines[j]) for j in range(i + 1, min(len(lines), i + 3)) if lines[j][1].strip()), None)
        if nxt is None:
            continue
        _, (_, dline) = nxt
        if not _DESIG.match(dline.strip()):
            continue
        body = line.rstrip()
        desig_inline = None
        dm = _TRAILING_DESIG.search(body)
        if dm and dm.start() > 0:
            desig_inline = _clean_desig(dm.group("d"))
            body = body[: dm.start()]
        nm = _NAME.match(body.strip())
        if not nm:
            continue
        name = " ".join(nm.group(0).split())
        if not _plausible_name(name):
            continue
        lead = len(body) - len(body.lstrip())
        desig = " ".join(dline.split())
        role = "inspector" if re.search(r"(?i)inspector|HMI", desig) else "other"
        role_text = desig
        if desig_inline and re.fullmatch(r"(?i)lead\s+inspector", desig_inline):
            role, role_text = "lead_inspector", f"{desig_inline}, {desig}"
        return [_Mention(name, role, role_text, off + lead, off + lead + len(nm.group(0)))]
    return []


# ---------------------------------------------------------------- records

_SPECIFIC = ("lead_inspector", "team_inspector")


def _key(name: str) -> str:
    name = re.sub(r"^(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s+", "", name)
    return re.sub(r"[\W_]+", "", name.lower().replace("á", "a").replace("é", "e"))


def _dedupe(doc: Document, mentions: list[_Mention]) -> tuple[Person, ...]:
    seen: set[tuple[str, str]] = set()
    specific: set[str] = {_key(m.name) for m in mentions if m.role in _SPECIFIC}
    out: list[Person] = []
    for m in mentions:
        key = (_key(m.name), m.role)
        if key in seen:
            continue
        if m.role == "inspector" and key[0] in specific:
            continue
        seen.add(key)
        out.append(Person(doc.id, m.name, m.role, m.role_text, doc.page_of(m.start), m.start, m.end, PEOPLE_VERSION))
    return tuple(out)
