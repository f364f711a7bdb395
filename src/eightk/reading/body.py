"""Items, exhibits, signatures and tickers of a filing's body."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..catalog import era_of
from ..model import Contact, Exhibit, Item, Signature, Ticker
from .container import Part
from .exhibits import (
    ListedExhibit,
    contacts,
    exhibit_index_span,
    exhibit_number_of_type,
    is_machine_exhibit,
    is_press_release,
    list_exhibits,
    strong_entries,
    tickers,
)
from .items import find_items
from .signatures import read_signatures
from .text import TextView, readable

__all__ = ["Body", "read_body"]

_TEXT_KINDS = ("html", "text")
_EXHIBIT_TABLE = re.compile(
    r"^[ \t]*exhibit[ \t\x0b]+(?:no\.?|number)[ \t\x0b]+(?:and[ \t]+)?description\b", re.I | re.M
)


@dataclass(slots=True)
class Body:
    items: list[Item]
    exhibits: list[Exhibit]
    interactive_data: list[Exhibit]
    signatures: list[Signature]
    tickers: list[Ticker]
    contacts: list[Contact]


def _major(number: str) -> str:
    return number.split(".")[0].split("(")[0]


def read_body(view: TextView, date: str | None, parts: list[Part], primary: int, views: dict[int, TextView]) -> Body:
    """Read the body of the primary document; ``views`` caches text views of other parts."""
    text = view.text
    found, sig = find_items(text, date)
    items = [
        Item(
            f.code,
            f.number_as_filed,
            f.title_as_filed,
            f.status,
            (f.start, f.end),
            readable(text[f.body_start : f.end]).strip(),
        )
        for f in found
    ]

    # exhibits listed in the body, in order: Item 9.01 (old 7), an exhibit index, lines that
    # name themselves exhibits ("Exhibit 99.01    Press Release."); the first description wins
    listed: dict[str, str | None] = {}
    spans: dict[str, tuple[int, int]] = {}

    def note(entries: list[ListedExhibit]) -> None:
        for e in entries:
            if listed.get(e.number) is None:
                listed[e.number] = e.description
                spans[e.number] = (e.start, e.end)

    for it in items:
        if it.code == "9.01":
            note(list_exhibits(text, it.span[0], it.span[1]))
    idx = exhibit_index_span(text, sig if sig is not None else (items[-1].span[0] if items else 0))
    index_end = None
    if idx:
        index_entries = list_exhibits(text, *idx, whole_item=False)
        note(index_entries)
        index_end = max((e.end for e in index_entries), default=None)
    if items:
        note(strong_entries(text, items[0].span[0], items[-1].span[1]))
    if items and not any(i.code == "9.01" for i in items):
        # an exhibit table inside the last item, with no Item 9.01 (old 7) heading
        last = items[-1].span
        table = _EXHIBIT_TABLE.search(text, last[0], last[1])
        if table:
            note(list_exhibits(text, table.end(), last[1], whole_item=False))
            if listed and era_of(date) == "modern":
                # since 2004 exhibits are filed under Item 9.01: the filing reports it all the same
                span = (table.start(), last[1])
                items.append(Item("9.01", None, None, "reported", span, readable(text[span[0] : span[1]]).strip()))

    # exhibit documents of the submission, linked to the list by number; a document
    # typed "EX-99" is the listed 99.1 when that is the only 99.x without a document
    docs: dict[str, int] = {}
    unlinked: list[tuple[str, int]] = []
    for i, p in enumerate(parts):
        n = exhibit_number_of_type(p.type) if i != primary else None
        if n and n not in docs:
            if n in listed:
                docs[n] = i
            else:
                unlinked.append((n, i))
    unlisted: list[str] = []
    for n, i in unlinked:
        major = _major(n)
        free = [m for m in listed if _major(m) == major and m not in docs]
        if len(free) == 1 and sum(_major(u) == major for u, _ in unlinked) == 1:
            docs[free[0]] = i
        else:
            docs[n] = i
            unlisted.append(n)

    # signatures
    sigs: list[Signature] = []
    if sig is not None:
        end = idx[0] if idx and idx[0] > sig else min(len(text), sig + 4000)
        for s in read_signatures(text, sig, end):
            sigs.append(Signature(s.name, s.title, s.date, (s.start, s.end)))

    inline = _inline_exhibits(
        text, [n for n in listed if n not in docs and not is_machine_exhibit(n)], index_end, sig, sigs
    )

    exhibits: list[Exhibit] = []
    machine: list[Exhibit] = []
    for n in [*listed, *unlisted]:
        desc = listed.get(n)
        di = docs.get(n)
        part = parts[di] if di is not None else None
        ex_text = None
        if di is not None and part is not None and part.kind in _TEXT_KINDS and not is_machine_exhibit(n):
            if di not in views:
                from . import text_view  # late: the package imports this module

                views[di] = text_view(part)
            ex_text = readable(views[di].text)
        if di is None and n in inline:
            ex_text = readable(text[inline[n][0] : inline[n][1]]).strip() or None
        if desc is None and part is not None:
            desc = part.description
        ex = Exhibit(
            number=n,
            type=part.type if part else None,
            description=desc,
            is_press_release=is_press_release(desc, ex_text),
            filename=part.filename if part else None,
            document=di,
            listed=n in listed,
            span=spans.get(n),
            text=ex_text,
        )
        (machine if is_machine_exhibit(n) else exhibits).append(ex)

    # tickers: the body and the exhibits people read
    ticks: list[Ticker] = []
    seen: set[tuple[str, str]] = set()
    for t in [text] + [e.text for e in exhibits if e.text]:
        for d in tickers(t):
            key = (d["exchange"], d["symbol"])
            if key not in seen:
                seen.add(key)
                ticks.append(Ticker(*key))
    # contacts: from the press releases (or, in a one-document filing, the body after the signatures)
    # (an exhibit filed inside the main document counts as a press release here too)
    people: list[Contact] = []
    sources = [e.text for e in exhibits if e.is_press_release and e.text]
    if not sources and sig is not None:
        sources = [text[sig:]]
    for t in sources:
        for c in contacts(t):
            if all(c["name"] != p.name for p in people):
                people.append(Contact(c["name"] or "", c["phone"], c["email"]))
    return Body(items, exhibits, machine, sigs, ticks, people)


_EXHIBIT_HEADING = re.compile(r"^[ \t]*EXHIBIT[ \t]+(\d{1,3}(?:\.\d{1,3})?)[ \t]*$", re.I | re.M)


def _inline_exhibits(
    text: str,
    numbers: list[str],
    index_end: int | None,
    sig: int | None,
    sigs: list[Signature],
) -> dict[str, tuple[int, int]]:
    """Exhibits filed inside the main document, after its signatures and exhibit list (a
    one-document filing: 1990s plain text, an HTML page with its press release appended).

    Each is the text under its own "EXHIBIT 99.1" heading line; with no such heading and a
    single exhibit to place, everything after the signatures and the list is that exhibit."""
    if sig is None or not numbers:
        return {}
    start = max([sig, *(s.span[1] for s in sigs), index_end or 0])
    # the end of the line the last entry or signature ended on
    nl = text.find("\n", start)
    start = len(text) if nl < 0 else nl + 1
    heads = [(m.start(), m.group(1)) for m in _EXHIBIT_HEADING.finditer(text, start)]
    heads = [(at, n) for at, n in heads if n in numbers]
    out: dict[str, tuple[int, int]] = {}
    if heads:
        for (at, n), nxt in zip(heads, [*(h[0] for h in heads[1:]), len(text)], strict=True):
            out.setdefault(n, (at, nxt))
        return out
    if len(numbers) == 1 and len(text) - start >= 200:
        out[numbers[0]] = (start, len(text))
    return out
