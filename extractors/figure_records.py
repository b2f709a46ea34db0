"""The Figure record: a number in a document, with what it measures.

Produced by ``extractors.figures.extract_figures(doc, seg) -> tuple[Figure, ...]``.
"""
from __future__ import annotations

from dataclasses import dataclass

UNITS = ("count", "percent", "GBP", "days", "weeks", "months", "years", "ratio")
ROLES = ("observed", "target", "previous", "comparator")


@dataclass(frozen=True)
class Figure:
    """One figure. ``value`` is normalised ("£3.3 million" -> 3300000;
    "a quarter" -> 25 with unit percent; "1 in 17" -> 0.0588 ratio).

    ``per``: the rate period or base when there is one ("£5600 per week" -> "week").
    ``measure``: what it quantifies, in the document's words ("care leavers",
    "the average caseload"). ``metric``: canonical key from the metric
    vocabulary (extractors/data/metrics.csv), None when none fits.
    ``qualifier``: approximate | at_least | at_most | more_than | less_than | None.
    ``role``: observed | target | previous | comparator.
    ``as_of``: the date or period the figure refers to, normalised ("2020-08",
    "2020-10-31", "2019/20") when the text gives one; ``as_of_text`` as written.
    ``previous``: index of the figure this one changed from ("reduced from 702
    to 609": the 609 figure points at the 702 one); ``direction``: increase |
    decrease | unchanged for such a change.
    ``text``: the figure as written; ``passage``: the passage index it sits in;
    ``page``/``start``/``end``: span of ``text`` in ``Document.text``.
    """

    doc_id: str
    index: int
    value: float
    unit: str
    text: str
    passage: int | None
    page: int
    start: int
    end: int
    per: str | None = None
    measure: str | None = None
    metric: str | None = None
    qualifier: str | None = None
    role: str = "observed"
    as_of: str | None = None
    as_of_text: str | None = None
    previous: int | None = None
    direction: str | None = None
    version: str = ""


EXAMPLE_FIGURE = Figure(
    "0" * 64, 0, 609.0, "count", "609", 12, 3, 5120, 5123, measure="children looked after",
    metric="children_looked_after", role="observed", previous=1, direction="decrease", version="figures-1",
)
