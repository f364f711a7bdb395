"""Sentences and spans: the small text tools the extractors share."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Evidence

# a sentence ends at . ! ? followed by space and a capital/quote/digit, or at a blank line;
# abbreviations (Inc., L.P., Mr., Dec.) do not end one
_ABBREV = re.compile(
    r"(?:\b(?:Inc|Corp|Co|Ltd|L\.P|LLC|N\.A|Mr|Ms|Mrs|Dr|Jr|Sr|St|No|Nos|U\.S|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct"
    r"|Nov|Dec|vs|etc|[A-Z])\.)$"
)
_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"(]?[A-Z0-9])|\n\s*\n")


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:end]``, in ``text``'s offsets."""
    at = start
    for m in _END.finditer(text, start, end):
        if _ABBREV.search(text, max(at, m.start() - 12), m.start()):
            continue
        if text[at : m.start()].strip():
            yield at, m.start()
        at = m.end()
    if text[at:end].strip():
        yield at, end


def evidence(field: str, text: str, span: tuple[int, int]) -> Evidence:
    return Evidence(field, span, text[span[0] : span[1]])


def item_spans(filing, codes: tuple[str, ...]) -> list[tuple[str, int, int]]:  # type: ignore[no-untyped-def]
    """(code, start, end) of the reported items with these codes, their heading line left out."""
    text = filing.documents[filing.main_document].text or ""
    out = []
    for i in filing.items:
        if i.code in codes and i.status == "reported":
            start, end = i.span
            nl = text.find("\n", start, end)
            out.append((i.code, nl + 1 if nl >= 0 else start, end))
    return out


def _company_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower().replace("inc", "").replace("corp", ""))[:12]


def is_registrant(name: str, filing) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``name`` is the registrant itself (never its own investor or counterparty)."""
    own = filing.registrant.name or ""
    return bool(own) and _company_key(name) == _company_key(own)
