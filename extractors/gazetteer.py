"""The gazetteer of English local authorities with children's services
responsibilities, past and present (``extractors/data/local_authorities.csv``).

One row per ONS (GSS) code: county councils (E10), metropolitan districts
(E08), London boroughs and the City of London (E09), unitary authorities and
the Isles of Scilly (E06). ``valid_from``/``valid_to`` bound the code's life;
a blank ``valid_from`` means the authority already existed in 2009, when the
GSS codes start, and a blank ``valid_to`` that it exists now. ``replaced_by``
lists the successor codes of an abolished authority. ``aliases`` (separated by
``;``) are the other names documents use for it.

Names are matched after normalisation (:func:`normalise`): case, ``&``/"and",
punctuation and hyphens, a leading "the", and the council wrappers around a
name ("London Borough of", "City of", "County Council", "Metropolitan Borough
Council"...). Two authorities can share a name ("Somerset" is the county
council to 2023-03-31 and the unitary council after): a specific alias
("Somerset County Council") decides, else the date given to :meth:`lookup`,
else the authority that exists now.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from extractors.meta_records import Authority

DATA_FILE = "local_authorities.csv"

_PREFIXES = (
    "council of the", "london borough of", "royal borough of", "metropolitan borough of",
    "borough of", "city and county of", "city of", "county of",
)
_SUFFIXES = (
    "metropolitan borough council", "metropolitan district council", "london borough council",
    "borough council", "county council", "city council", "district council", "council",
    "local authority", "metropolitan borough", "borough", "city of", "county of", "city", "county",
)
# core names too generic to stand for their authority ("City of London" is not "London")
_GENERIC_CORES = frozenset({"london"})
_POSSESSIVE = re.compile(r"['’‘`]s\b")
_APOSTROPHE = re.compile(r"['’‘`]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalise(name: str) -> str:
    """Lower case, ``&`` as "and", punctuation and hyphens as spaces, no
    leading "the", no possessive "'s": ``"St. Helens"`` -> ``"st helens"``, ``"Telford & Wrekin"``
    -> ``"telford and wrekin"``. Council wrappers stay (see :func:`core_name`)."""
    text = _APOSTROPHE.sub("", _POSSESSIVE.sub("", name.lower())).replace("&", " and ")
    text = _NON_WORD.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def core_name(name: str) -> str:
    """:func:`normalise`, then the council wrappers stripped, repeatedly:
    ``"London Borough of Barnet"`` -> ``"barnet"``, ``"Bristol, City of"`` ->
    ``"bristol"``, ``"Sandwell Metropolitan Borough Council"`` -> ``"sandwell"``."""
    text = normalise(name)
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if text.startswith(prefix + " ") and len(text) > len(prefix) + 1:
                text, changed = text[len(prefix) + 1:], True
        for suffix in _SUFFIXES:
            if text.endswith(" " + suffix) and len(text) > len(suffix) + 1:
                text, changed = text[: -len(suffix) - 1], True
        if text.startswith("the "):
            text, changed = text[4:], True
    return text


@dataclass(frozen=True)
class GazetteerEntry:
    """One row of the gazetteer."""

    code: str
    name: str
    type: str                # county | metropolitan_district | london_borough | unitary | sui_generis
    valid_from: date | None  # None: existed before 2009
    valid_to: date | None    # None: exists now
    replaced_by: tuple[str, ...]
    aliases: tuple[str, ...]

    @property
    def authority(self) -> Authority:
        return Authority(self.code, self.name)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


def _days_apart(entry: GazetteerEntry, day: date) -> int:
    if entry.valid_from and day < entry.valid_from:
        return (entry.valid_from - day).days
    if entry.valid_to and day > entry.valid_to:
        return (day - entry.valid_to).days
    return 0


def _parse_date(value: str) -> date | None:
    return date.fromisoformat(value) if value.strip() else None


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(";") if part.strip())


class Gazetteer:
    """Lookup over the gazetteer rows; build with :func:`load_gazetteer`."""

    def __init__(self, entries: tuple[GazetteerEntry, ...]):
        self._entries = entries
        self._by_code = {e.code: e for e in entries}
        self._exact: dict[str, list[GazetteerEntry]] = {}
        self._core: dict[str, list[GazetteerEntry]] = {}
        for entry in entries:
            for name in entry.names:
                for index, key in ((self._exact, normalise(name)), (self._core, core_name(name))):
                    if index is self._core and key in _GENERIC_CORES:
                        continue
                    bucket = index.setdefault(key, [])
                    if entry not in bucket:
                        bucket.append(entry)

    def all(self) -> tuple[GazetteerEntry, ...]:
        """Every entry, past and present, in code order."""
        return self._entries

    def valid_on(self, day: date) -> tuple[GazetteerEntry, ...]:
        """The authorities that existed on ``day``."""
        return tuple(e for e in self._entries if e.valid_on(day))

    def entry(self, code: str) -> GazetteerEntry | None:
        return self._by_code.get(code)

    def candidates(self, name: str) -> tuple[GazetteerEntry, ...]:
        """Every entry ``name`` may mean: the entries of which it is exactly a
        name or alias (after :func:`normalise`), else those whose core name
        it shares."""
        exact = self._exact.get(normalise(name))
        if exact:
            return tuple(exact)
        return tuple(self._core.get(core_name(name), ()))

    def lookup(self, name: str, on: date | None = None) -> Authority | None:
        """The authority ``name`` means, or None.

        ``on`` only chooses between authorities that share the name (the
        Somerset county council before 2023-04-01, the unitary after); a name
        that means one authority gives it whatever the date. Without ``on``
        the authority that exists now is preferred.
        """
        entry = self.resolve(self.candidates(name), on)
        return entry.authority if entry else None

    @staticmethod
    def resolve(candidates: tuple[GazetteerEntry, ...] | list[GazetteerEntry],
                on: date | None = None) -> GazetteerEntry | None:
        """One entry out of ``candidates`` (see :meth:`lookup`)."""
        if not candidates:
            return None
        if len(candidates) == 1:
            return candidates[0]
        if on is not None:
            valid = [e for e in candidates if e.valid_on(on)]
            if valid:
                return valid[0]
            # none existed that day: the one nearest in time
            return min(candidates, key=lambda e: _days_apart(e, on))
        current = [e for e in candidates if e.valid_to is None]
        return (current or sorted(candidates, key=lambda e: e.valid_to or date.max))[-1]


def read_entries(text: str) -> tuple[GazetteerEntry, ...]:
    rows = csv.DictReader(io.StringIO(text))
    return tuple(
        GazetteerEntry(
            code=row["code"].strip(),
            name=row["name"].strip(),
            type=row["type"].strip(),
            valid_from=_parse_date(row["valid_from"]),
            valid_to=_parse_date(row["valid_to"]),
            replaced_by=_split(row["replaced_by"]),
            aliases=_split(row["aliases"]),
        )
        for row in rows
    )


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer, read once."""
    text = resources.files("extractors").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    return Gazetteer(read_entries(text))
