"""Events: what a filing discloses, as typed data, each value with the text it was read from.

One module per event family; each registers its extractor here (data, not an if/elif
chain): an extractor takes the filing and its main document's text view and returns
events. Extraction rules read language, never names of companies or files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Event, Filing, Problem

Extractor = Callable[[Filing, str], list[Event]]


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    items: tuple[str, ...]  # the modern items it reads (old items are mapped to these)
    extract: Extractor


REGISTRY: dict[str, Family] = {}


def register(name: str, items: tuple[str, ...]) -> Callable[[Extractor], Extractor]:
    def deco(fn: Extractor) -> Extractor:
        REGISTRY[name] = Family(name, items, fn)
        return fn

    return deco


def extract(filing: Filing) -> tuple[Event, ...]:
    """Every event of every registered family, in the order of the filing's items."""
    return extract_with_problems(filing)[0]


def extract_with_problems(filing: Filing) -> tuple[tuple[Event, ...], tuple[Problem, ...]]:
    """The events, and a problem for each family that failed on this filing: a failing
    extractor costs its own events, never the reading or the other families'."""
    if filing.main_document is None:
        return (), ()
    text = filing.documents[filing.main_document].text or ""
    out: list[Event] = []
    problems: list[Problem] = []
    for fam in REGISTRY.values():
        if any(i.code in fam.items and i.status == "reported" for i in filing.items):
            try:
                out.extend(fam.extract(filing, text))
            except Exception as exc:  # noqa: BLE001  a bug in one family must not lose the filing
                problems.append(Problem("event-extractor-failed", f"{fam.name}: {type(exc).__name__}: {exc}"))
    order = {i.code: n for n, i in enumerate(filing.items)}
    events = sorted(out, key=lambda e: (order.get(e.item or "", 99), e.evidence[0].span if e.evidence else (0, 0)))
    return tuple(events), tuple(problems)


from . import acquisitions, agreements, auditors, debt, earnings, financing, notices, officers, votes  # noqa: E402,F401  (they register themselves)

__all__ = ["REGISTRY", "Family", "extract", "extract_with_problems", "register"]
