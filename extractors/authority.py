"""Which local authority a document is about, read from its text alone.

Every gazetteer name and alias is found in ``Document.text`` with a token
dictionary (longest match first, capitalised words only; acronyms such as
"BCP" in capitals). Each mention is widened over the council wrappers around
it ("the London Borough of ...", "... Metropolitan Borough Council").
Mentions inside Ofsted's own address ("Store Street, Manchester", "Petty
France, Westminster") and in street names ("2 Bristol Avenue") are dropped.

The authority is chosen in this order, first that decides:

1. **title**: a mention in the first two pages that the document is about by
   its form: "Inspection of <LA> ...", "Focused visit to <LA> ...", "This
   letter summarises the findings of the monitoring visit to <LA> ...",
   "<LA> local authority children's services", "<LA> Safeguarding Children
   Board", "<LA> Inspection of looked after children services", "MINUTES of a
   meeting of <LA> Council". The earliest wins.
2. **heading**: a line of the first page that is nothing but an authority's
   name ("London Borough of Barnet", "KENT COUNTY COUNCIL", the addressee
   line of a letter). The earliest wins.
3. **mentions**: every other mention counts (3 for a council's own name such
   as "Medway Council", 1 for the bare name, 0 in a sentence about partners,
   shared services, neighbours or comparisons). The leader must score at least
   twice the runner-up.
4. **web domain**: "@kent.gov.uk", "www.medway.gov.uk".

Nothing found, or no clear leader: ``(None, None)``; nothing is guessed.

A name shared by two authorities (Somerset county council to 2023-03-31,
Somerset Council after) is settled by its wrapper ("Somerset County Council")
when it has one, else by the latest date written on the document's first
page(s).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from corpus.document import Document
from extractors.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer, normalise
from extractors.meta_records import Authority, Evidence
from extractors.segment import Segmentation

AUTHORITY_VERSION = "authority-1"
FIELD = "la_code"

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’](?!s\b)[A-Za-z]+)*(['’]s\b)?|&")
_CONNECTORS = frozenset({"and", "of", "on", "upon", "with", "the", "under", "in"})
_PREFIX_WORDS = (
    ("council", "of", "the"), ("london", "borough", "of"), ("royal", "borough", "of"),
    ("metropolitan", "borough", "of"), ("borough", "of"), ("city", "of"), ("county", "of"), ("the",),
)
_SUFFIX_WORDS = (
    ("metropolitan", "borough", "council"), ("metropolitan", "district", "council"),
    ("london", "borough", "council"), ("borough", "council"), ("county", "council"),
    ("city", "council"), ("council",), ("councils",),
)
# Words that make a matched name part of something else: "Bristol Avenue",
# "Greater Manchester", "Newcastle-under-Lyme", "Sutton Coldfield", "Bury St Edmunds".
_STREET_WORDS = frozenset({
    "avenue", "road", "street", "lane", "place", "square", "close", "drive", "crescent",
    "terrace", "gardens", "walk", "row", "rd", "st", "house", "court", "coldfield", "under",
})
_BEFORE_WORDS = frozenset({"greater", "new"})
# A person's surname, not a place: "Mr Richmond", "Councillor Durham".
_TITLES_OF_PEOPLE = frozenset({"mr", "mrs", "ms", "miss", "dr", "cllr", "councillor", "sir", "lord", "lady", "dame"})
# Names that are also everyday words: at the start of a sentence, without a
# council wrapper, they are the word ("Reading ages improved").
_COMMON_WORDS = frozenset({("reading",), ("bury",)})
# Ofsted's own offices, printed on every letter.
_OFSTED_ADDRESS = re.compile(
    r"Store Street\s*,?\s*Manchester|Petty France,?\s*Westminster|Cumberland Place,?\s*Nottingham"
    r"|Royal Exchange Buildings,?\s*St Ann['’]?s Square,?\s*Manchester",
    re.I,
)
_PARTNER = re.compile(
    r"partner|shared|sharing|neighbour|jointly|joint\b|alongside|together with|consorti|regional"
    r"|compared|comparator|similar (?:local )?authorit|other (?:local )?authorit|previously (?:worked|director)"
    r"|former director|seconded|on loan|director of children['’]s services (?:at|for|in)",
    re.I,
)
_TITLE_BEFORE = re.compile(
    r"(?:inspection\s+of|(?:focused|monitoring|assurance)(?:\s+assurance)?\s+visit\s+to"
    r"|joint\s+targeted\s+area\s+inspection\s+(?:of|in)|minutes\s+of\s+(?:a|the)\s+meeting\s+of)\s*$",
    re.I,
)
_TITLE_AFTER = re.compile(
    r"^[\s,]*(?:local\s+authority\s+children['’]s\s+(?:social\s+care\s+)?services"
    r"|(?:local\s+)?safeguarding\s+children\s+board|inspection\s+of\s+(?:safeguarding\s+and\s+)?looked\s+after)",
    re.I,
)
_DOMAIN = re.compile(r"(?:@|www\.)([a-z][a-z-]*)\.gov\.uk", re.I)
_MONTHS = ("january february march april may june july august september october november december").split()
_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(_MONTHS) + r"),?\s+(\d{4})\b", re.I)
_SENTENCE_END = re.compile(r"[.;!?]\s|\n\s*\n")

TITLE, HEADING, MENTIONS, DOMAIN = "title", "heading", "mentions", "domain"


@dataclass(frozen=True)
class Mention:
    """An authority's name in the text: ``[start, end)`` with its wrappers,
    the entries it may mean, and whether it is a council's own name
    ("Medway Council", "London Borough of Barnet")."""

    start: int
    end: int
    text: str
    candidates: tuple[GazetteerEntry, ...]
    council: bool
    plural: bool = False  # "... Councils": a list of several authorities


class _Matcher:
    """Longest-first dictionary of gazetteer names as token tuples."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.keys: dict[tuple[str, ...], tuple[GazetteerEntry, ...]] = {}
        self.acronyms: set[tuple[str, ...]] = set()
        names: set[str] = set()
        for entry in gazetteer.all():
            names.update(entry.names)
        for name in names:
            key = tuple(normalise(name).split())
            if not key:
                continue
            self.keys[key] = gazetteer.candidates(name)
            letters = re.sub(r"[^A-Za-z]", "", name)
            if letters.isupper() and len(letters) <= 6:
                self.acronyms.add(key)
        self.longest = max(len(k) for k in self.keys)
        self.first_words = frozenset(k[0] for k in self.keys)

    def mentions(self, text: str) -> list[Mention]:
        tokens = []
        for m in _TOKEN.finditer(text):
            start, end = m.span()
            possessive = m.start(1)
            if possessive >= 0:
                end = possessive
            word = text[start:end].lower()
            if word == "&":
                word = "and"
            elif "'" in word or "’" in word:
                word = word.replace("'", "").replace("’", "")
            tokens.append((start, end, word))
        words = [t[2] for t in tokens]
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            hit = None
            if words[i] not in self.first_words:
                i += 1
                continue
            for n in range(min(self.longest, len(tokens) - i), 0, -1):
                key = tuple(words[i : i + n])
                if key in self.keys and self._cased(text, tokens[i : i + n], key):
                    hit = n
                    break
            if hit is None:
                i += 1
                continue
            j = i + hit
            if not _part_of_other_name(text, tokens, i, j):
                mention = self._widen(text, tokens, words, i, j)
                if not (tuple(words[i:j]) in _COMMON_WORDS and not mention.council
                        and _sentence_start(text, tokens[i][0])):
                    found.append(mention)
            i = j
        return found

    def _cased(self, text: str, toks, key) -> bool:
        if key in self.acronyms:
            return all(text[s:e].isupper() or not text[s:e].isalpha() for s, e, _ in toks)
        return all(w in _CONNECTORS or text[s].isupper() or text[s].isdigit() for (s, _, w) in toks)

    def _widen(self, text, tokens, words, i, j) -> Mention:
        matched = tuple(words[i:j])
        start, end = tokens[i][0], tokens[j - 1][1]
        council = plural = False
        for prefix in _PREFIX_WORDS:
            n = len(prefix)
            if i - n >= 0 and tuple(words[i - n : i]) == prefix and "\n\n" not in text[tokens[i - n][0]:start]:
                start = tokens[i - n][0]
                council = council or prefix != ("the",)
                i -= n
                if prefix != ("the",) and i - 1 >= 0 and words[i - 1] == "the":
                    start, i = tokens[i - 1][0], i - 1
                break
        for suffix in () if matched[-1] in ("council", "councils") else _SUFFIX_WORDS:
            n = len(suffix)
            if j + n <= len(tokens) and tuple(words[j : j + n]) == suffix and text[tokens[j][0]].isupper():
                end = tokens[j + n - 1][1]
                council, plural = True, suffix == ("councils",)
                break
        # the widened name first ("Dorset Council" is not "Dorset County Council"), else the name matched
        candidates = self.gazetteer.candidates(text[start:end]) or self.keys[matched]
        return Mention(start, end, text[start:end], tuple(candidates), council, plural)


@lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    return _Matcher(load_gazetteer())


def find_mentions(text: str) -> list[Mention]:
    """Every gazetteer name in ``text``, in order (Ofsted's address and street
    names left out)."""
    masked = [(m.start(), m.end()) for m in _OFSTED_ADDRESS.finditer(text)]
    return [m for m in _matcher().mentions(text)
            if m.candidates and not any(s <= m.start < e for s, e in masked)]


def reference_date(doc: Document, pages: int = 2) -> date | None:
    """The latest full date ("13 July 2022") written on the first ``pages``
    pages: the letter, inspection or meeting date. Settles a name that two
    authorities share."""
    end = doc.pages[min(pages, len(doc.pages)) - 1].end if doc.pages else len(doc.text)
    best = None
    for m in _DATE.finditer(doc.text[:end]):
        try:
            d = date(int(m.group(3)), _MONTHS.index(m.group(2).lower()) + 1, int(m.group(1)))
        except ValueError:
            continue
        if 1990 <= d.year <= 2100 and (best is None or d > best):
            best = d
    return best


def find_authority(doc: Document, seg: Segmentation | None = None) -> tuple[Authority | None, Evidence | None]:
    """The authority ``doc`` is about, with the span that names it, or
    ``(None, None)``. ``seg`` is accepted for the common extractor signature;
    the decision reads ``doc.text`` (see the module docstring)."""
    chosen = choose(doc)
    if chosen is None:
        return None, None
    entry, start, end, _how = chosen
    evidence = Evidence(FIELD, doc.text[start:end], doc.page_of(start), start, end)
    return entry.authority, evidence


def choose(doc: Document) -> tuple[GazetteerEntry, int, int, str] | None:
    """``(entry, start, end, rule)``: the authority, the span that decided it
    and which rule did (``title``, ``heading``, ``mentions``, ``domain``)."""
    text = doc.text
    on = reference_date(doc)
    gaz = load_gazetteer()

    def pick(m: Mention) -> GazetteerEntry | None:
        return gaz.resolve(m.candidates, on)

    head_end = doc.pages[min(2, len(doc.pages)) - 1].end if doc.pages else len(text)
    first_page_end = doc.pages[0].end if doc.pages else len(text)
    if doc.media_type in ("text", "markdown", "html"):  # one long "page": the first lines stand for it
        head_end = min(head_end, 3000)
        first_page_end = min(first_page_end, 1500)

    head = find_mentions(text[: head_end + 200])  # the first pages, and a margin for a name cut at the end
    for m in head:
        if m.start >= head_end:
            break
        if not m.plural and _is_title(text, m):
            entry = pick(m)
            if entry:
                return entry, m.start, m.end, TITLE

    for m in head:
        if m.start >= first_page_end:
            break
        if not m.plural and _alone_on_line(text, m):
            entry = pick(m)
            if entry:
                return entry, m.start, m.end, HEADING

    mentions = find_mentions(text)
    scores: dict[str, float] = defaultdict(float)
    best_span: dict[str, Mention] = {}
    entries: dict[str, GazetteerEntry] = {}
    for m in mentions:
        entry = pick(m)
        if entry is None:
            continue
        weight = 0.0 if (m.plural or _PARTNER.search(_sentence(text, m))) else (3.0 if m.council else 1.0)
        scores[entry.code] += weight
        entries[entry.code] = entry
        if weight and (entry.code not in best_span or (m.council and not best_span[entry.code].council)):
            best_span[entry.code] = m
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        code = ranked[0][0]
        m = best_span[code]
        return entries[code], m.start, m.end, MENTIONS

    domains = {}
    for d in _DOMAIN.finditer(text):
        entry = gaz.resolve(gaz.candidates(d.group(1).replace("-", " ")), on)
        if entry:
            domains.setdefault(entry.code, (entry, d.start(1), d.end(1)))
    if len(domains) == 1:
        entry, start, end = next(iter(domains.values()))
        return entry, start, end, DOMAIN
    return None


def _part_of_other_name(text: str, tokens: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """Tokens ``i..j`` name a street, a person or a bigger place: "Bristol
    Avenue", "Mr Richmond", "Greater Manchester"."""
    if j < len(tokens) and tokens[j][2] in _STREET_WORDS and text[tokens[j - 1][1] : tokens[j][0]].strip() in ("", "-"):
        return True
    if i > 0:
        gap = text[tokens[i - 1][1] : tokens[i][0]].strip()
        word = tokens[i - 1][2]
        if (word in _BEFORE_WORDS and gap in ("", "-")) or (word in _TITLES_OF_PEOPLE and gap in ("", ".")):
            return True
    return False


def _sentence_start(text: str, offset: int) -> bool:
    before = text[max(0, offset - 40) : offset].rstrip(" \t\"'‘“(")
    return not before or before[-1] in ".!?:;\n•◼-–"


def _is_title(text: str, m: Mention) -> bool:
    before = " ".join(text[max(0, m.start - 120) : m.start].split())
    after = text[m.end : m.end + 80]
    return bool(_TITLE_BEFORE.search(before) or _TITLE_AFTER.match(after))


def _alone_on_line(text: str, m: Mention) -> bool:
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start : m.start].strip() and text[m.end : line_end].strip(" \t,.") == ""


def _sentence(text: str, m: Mention) -> str:
    lo = max(0, m.start - 300)
    starts = [s.end() for s in _SENTENCE_END.finditer(text, lo, m.start)]
    begin = starts[-1] if starts else lo
    stop = _SENTENCE_END.search(text, m.end, m.end + 300)
    return text[begin : stop.start() + 1 if stop else m.end + 300]
