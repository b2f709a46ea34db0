"""The theme taxonomy (``models/themes/taxonomy.toml``) as records.

    from models.themes_taxonomy import load_taxonomy
    tax = load_taxonomy()
    tax.version, [t.id for t in tax.themes]
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class TaxonomyError(ValueError):
    pass


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    description: str
    seeds: tuple[str, ...]
    retired: bool = False


@dataclass(frozen=True)
class Taxonomy:
    version: str
    themes: tuple[Theme, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.themes)

    def by_id(self) -> dict[str, Theme]:
        return {t.id: t for t in self.themes}

    def resolve(self, name: str) -> str:
        """A theme id from an id or a label (case-insensitive); KeyError if neither."""
        key = name.strip().lower()
        for t in self.themes:
            if key in (t.id, t.label.lower()):
                return t.id
        raise KeyError(name)


def default_path() -> Path:
    return Path(str(resources.files("models").joinpath("themes", "taxonomy.toml")))


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    path = Path(path or default_path())
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TaxonomyError(f"{path}: cannot read the taxonomy: {exc}") from exc
    themes = []
    seen: set[str] = set()
    for n, t in enumerate(data.get("theme", []), 1):
        missing = {"id", "label", "description", "seeds"} - set(t)
        if missing:
            raise TaxonomyError(f"{path}: theme {n}: missing {', '.join(sorted(missing))}")
        if not _ID.match(t["id"]) or t["id"] in seen:
            raise TaxonomyError(f"{path}: theme {n}: id {t['id']!r} must be new and snake_case")
        seen.add(t["id"])
        themes.append(Theme(t["id"], t["label"], t["description"], tuple(t["seeds"]), bool(t.get("retired", False))))
    if "version" not in data or not themes:
        raise TaxonomyError(f"{path}: needs a version and at least one [[theme]]")
    return Taxonomy(data["version"], tuple(themes))
