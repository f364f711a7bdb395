"""Sentences and spans: the small text tools the extractors share."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

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


_REFERENCE = re.compile(
    r"\b(?:information|disclosure)\b[^.]{0,200}?\bItem\s+(?P<code>\d{1,2}\.\d{2})\b[^.]{0,200}?"
    r"\bincorporated\s+(?:herein\s+|into\s+this\s+Item\s+[\d.]+\s+)?by\s+reference\b",
    re.I,
)


def referenced(filing, text: str, code: str, start: int, end: int) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The span to read for an item: its own, or, when the item only says "The information
    set forth in Item 8.01 ... is incorporated herein by reference", the item it points at;
    an empty item (a heading alone), the item that follows it."""
    body = text[start:end]
    if not body.strip():  # a heading with nothing under it: told under the next item's heading
        later = [(s, e) for _c, s, e in item_spans(filing, tuple(i.code for i in filing.items)) if s >= end]
        return min(later) if later else (start, end)
    if len(body.strip()) <= 600 and _NOTE_REFERENCE.search(body):
        note = introductory_note(filing, text)  # "set forth in the Introductory Note ... is incorporated"
        if note:
            return note
    m = _REFERENCE.search(body)
    if m is None or len(body.strip()) > 600 or m.group("code") == code:
        return start, end
    for _code, s, e in item_spans(filing, (m.group("code"),)):
        return s, e
    return start, end


_NOTE_REFERENCE = re.compile(r"\bIntroductory\s+Note\b[^.]{0,200}?\bincorporated\b", re.I)
_NOTE = re.compile(r"^[ \t]*Introductory\s+Note\b", re.I | re.M)


def introductory_note(filing, text: str) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    """The span of an "Introductory Note" before the first item, when the filing has one."""
    first = min((i.span[0] for i in filing.items if i.span), default=len(text))
    m = _NOTE.search(text, 0, first)
    return (m.end(), first) if m else None


# a definition: '(the "Company Investor")'; the name it defines ends just before it
_DEFINITION = re.compile(r"\((?:the\s+)?[\"\u201c](?P<term>[A-Z][^\"\u201d]{1,40})[\"\u201d]")
_DEFINED_NAME = re.compile(
    r"(?P<name>(?:(?:[A-Z][\w&'.-]*|\$)\s+){0,5}?(?:[A-Z][\w&'.-]*|\$)(?:,?\s+(?:LLC|L\.L\.C\.|Inc\.|L\.P\.|LP|Ltd\.|N\.A\.|"
    r"Corporation|Company|Bank|Trust|Fund(?:\s+\d{1,4})?))+)"
    r"(?:,\s+[^()]{0,100}?)?\s*$"
)


@lru_cache(maxsize=16)
def defined_terms(text: str) -> dict[str, tuple[str, tuple[int, int]]]:
    """Defined names of parties: ``TPHS Lender LLC, the lender under ... (the "Company
    Investor")`` -> {"Company Investor": ("TPHS Lender LLC", span)}; the first definition wins.
    Read where definitions are (a quoted name in parentheses), looking back from each."""
    out: dict[str, tuple[str, tuple[int, int]]] = {}
    for d in _DEFINITION.finditer(text):
        if d.group("term") in out:
            continue
        lo = max(0, d.start() - 220)
        m = _DEFINED_NAME.search(text, lo, d.start())
        if m:
            out[d.group("term")] = (" ".join(m.group("name").split()), m.span("name"))
    return out


def named_with(text: str, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
    """A party the filing defines, named right after "with" in ``text[start:end]`` ("with HHC
    $ Fund 2012 (the "Heerema Lender")"): its name and span."""
    for name, span in defined_terms(text).values():
        if start <= span[0] < end and re.search(r"\bwith\s+$", text[max(start, span[0] - 8) : span[0]]):
            return name, span
    return None


@lru_cache(maxsize=16)
def defined_dates(text: str) -> dict[str, tuple[str, tuple[int, int]]]:
    """Dates given a name: ``February 14, 2024 (the "Closing Date")`` -> {"Closing Date": ("2024-02-14", span)}."""
    from ..values import DATE_RE, date_of

    out: dict[str, tuple[str, tuple[int, int]]] = {}
    for d in DATE_RE.finditer(text):
        m = _DATE_NAME.match(text, d.end())
        iso = date_of(d)
        if m and iso:
            out.setdefault(m.group("term"), (iso, d.span()))
    return out


_DATE_NAME = re.compile(r"\s*\((?:the\s+)?[\"\u201c](?P<term>[A-Z][^\"\u201d]{1,30})[\"\u201d]\)")


_INCORPORATED = re.compile(
    r"\b(?:information|disclosure)\b(?P<what>[^.]{0,200}?)\bItem\s+(?P<code>\d{1,2}\.\d{2})\b[^.]{0,200}?"
    r"\bincorporated\b",
    re.I,
)


def incorporated(filing, text: str, start: int, end: int) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """The spans an item incorporates by reference ("The information set forth under the
    caption "Series A Preferred Unit Purchase Agreement" in Item 1.01 ... is incorporated"): the
    named item, from the quoted caption on when one is named and found."""
    out = []
    if _NOTE_REFERENCE.search(text, start, end):
        note = introductory_note(filing, text)
        if note:
            out.append(note)
    for m in _INCORPORATED.finditer(text, start, end):
        caption = re.search(r"[\"\u201c]([^\"\u201d]{3,80})[\"\u201d]", m.group("what"))
        for _code, s, e in item_spans(filing, (m.group("code"),)):
            at = text.find(caption.group(1), s, e) if caption else -1
            out.append((at if at >= 0 else s, e))
    return out
