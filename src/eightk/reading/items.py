"""The items of an 8-K, found in its body text.

An item heading starts a line (or a table cell at the start of a row): "ITEM 5.
OTHER EVENTS", "Item 2.02 Results of Operations...", "Item 2. 02", "Items 1-4.
Not applicable.", "Items 5 and 7".  Its number is read in the numbering of
the filing's era (see :mod:`eightk.catalog`): a 1997 "Item 5" is 8.01, a 2006
"Item 5" is no item at all.  Items named only in prose ("as described in Item
1.01 above") do not start a line and are not items; headings after the
signatures (exhibits, press releases) are not items of the filing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..catalog import ItemDef, era_of, match_title, modern_code
from .text import lowered

__all__ = ["FoundItem", "find_items", "signature_start", "SIGNATURE_HEADING"]

_NUM = r"\d{1,2}(?:\s?\.\s?\d{1,2})?"
_HEADING = re.compile(
    r"^[ \t\-•*>#_]*(?:\(?[a-z]\)\s*)?"
    rf"(?P<word>ITEMS?|Items?|I\s?T\s?E\s?M\s?S?)[ \t]*(?:No\.?\s*)?(?P<nums>{_NUM}"
    rf"(?:\s*(?:,|and|&|-|–|through|to)\s*(?:Item\s*)?{_NUM})*)"
    r"(?P<sep>[ \t]*[.:\-–—)]*[ \t]*)(?P<rest>[^\n]*)$",
    re.M,
)
#: the signatures' heading, or the sentence that opens them; matched on ASCII-lowercased text
SIGNATURE_HEADING = re.compile(
    r"^[ \t]*(?:signatures?|s\s?i\s?g\s?n\s?a\s?t\s?u\s?r\s?e\s?s?)[ \t]*:?[ \t]*$"
    r"|pursuant\s+to\s+the\s+requirements\s+of\s+the\s+securities\s+(?:and\s+)?exchange\s+act\s+of\s+1934,?"
    r"\s+(?:as\s+amended,\s+)?the\s+registrant\s+has\s+duly\s+caused",
    re.M,
)
_NOT_APPLICABLE = re.compile(
    r"^\W*(?:not\s+applicable|none|inapplicable|n/?a|omitted|intentionally\s+omitted)\W*$", re.I
)
_NEXT_LINE = re.compile(r"\n[ \t]*\n?[ \t]*([^\n]{2,160})")
_SMALL = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "under", "with"}


@dataclass(frozen=True, slots=True)
class FoundItem:
    code: str
    number_as_filed: str
    title_as_filed: str | None
    status: str  # reported | not_applicable
    start: int  # heading start
    body_start: int
    end: int


def _expand(nums: str) -> list[str]:
    """ "1-4" -> 1,2,3,4; "5 and 7" -> 5,7; "2.01, 9.01" -> both."""
    out: list[str] = []
    tokens = re.split(r"\s*(,|and|&|-|–|through|to)\s*(?:Item\s*)?", nums.strip())
    prev_range = False
    for tok in tokens:
        if tok in (",", "and", "&"):
            prev_range = False
            continue
        if tok in ("-", "–", "through", "to"):
            prev_range = True
            continue
        t = re.sub(r"\s", "", tok)
        if not t:
            continue
        if prev_range and out and "." not in t and "." not in out[-1]:
            out.extend(str(n) for n in range(int(out[-1]) + 1, int(t) + 1) if int(t) - int(out[-1]) <= 12)
        else:
            out.append(t)
        prev_range = False
    return out


def _title_case(s: str) -> str:
    words = s.lower().split()
    return " ".join(w if i and w in _SMALL else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _clean_title(raw: str, d: ItemDef | None) -> str | None:
    t = " ".join(raw.replace("\t", " ").split()).strip(" .:;-–—_*")
    if not t:
        return None
    if t.isupper():
        if d is not None:
            for cand in (d.title, *d.variants):
                if cand.lower().replace("’", "'") == t.lower().replace("’", "'"):
                    return cand
        return _title_case(t)
    return t


_PAGE_NUMBER = re.compile(r"^(?:page\s+)?-?\s*\d{1,3}\s*-?(?:\s+of\s+\d{1,3})?$|^[ivx]{1,5}$", re.I)


def _running_lines(text: str) -> set[str]:
    """Running page headers and footers: page numbers, and short lines repeated on every page."""
    counts: dict[str, int] = {}
    for ln in text.split("\n"):
        s = ln.strip()
        if s and len(s) <= 60 and "\t" not in s:
            counts[s] = counts.get(s, 0) + 1
    return {
        s
        for s, n in counts.items()
        if _PAGE_NUMBER.match(s) or (n >= 3 and not _HEADING.match(s) and not _NOT_APPLICABLE.match(s))
    }


#: a heading found: start, body start, (number, code) pairs, title, raw title
_Head = tuple[int, int, list[tuple[str, str]], str | None, str]


def _drop_table_of_contents(heads: list[_Head]) -> list[_Head]:
    """A table of contents names the item headings once before the items themselves: a
    heading with almost nothing under it whose codes come again later is such an entry."""
    out = []
    for i, h in enumerate(heads):
        nxt = heads[i + 1][0] if i + 1 < len(heads) else None
        later = {c for later in heads[i + 1 :] for _, c in later[2]}
        if nxt is not None and nxt - h[0] < 300 and all(c in later for _, c in h[2]):
            continue
        out.append(h)
    return out


def signature_start(text: str, after: int) -> int | None:
    """Where the signatures start: their heading, or the sentence that opens them."""
    m = SIGNATURE_HEADING.search(lowered(text), after)
    if not m:
        return None
    return m.start()


def find_items(text: str, date: str | None, start: int = 0) -> tuple[list[FoundItem], int | None]:
    """The item headings of a body text, in order, each with its text's extent up to the
    next heading or the signatures; and where the signatures start."""
    heads: list[_Head] = []
    era_hint = era_of(date) if date else None
    for m in _HEADING.finditer(text, start):
        nums = _expand(m.group("nums"))
        if not nums:
            continue
        era = era_hint or ("modern" if "." in re.sub(r"\s", "", nums[0]) else "old")
        probe_date = date or ("2010-01-01" if era == "modern" else "2000-01-01")
        codes = []
        for n in nums:
            code = modern_code(n, probe_date)
            if code is None:
                break
            codes.append((n, code))
        if len(codes) != len(nums):
            continue
        rest = m.group("rest")
        line_end = m.end()
        # a heading's title: the rest of its line, or the next line when split
        title_raw = rest
        body_start = line_end
        if not rest.strip() or (not m.group("sep").strip() and rest[:1].islower()):
            if rest.strip():
                continue  # "Item 5 of the agreement..." is prose
            nxt = _NEXT_LINE.match(text, line_end)
            if nxt and match_title(nxt.group(1), probe_date):
                title_raw = nxt.group(1)
                body_start = nxt.end()
        d = match_title(title_raw.split("\t")[0], probe_date) if title_raw.strip() else None
        single = len(codes) == 1
        if title_raw.strip() and single and d is None:
            # a long line that names no known title is prose, not a heading
            first_clause = re.split(r"(?<=[a-z])\.\s", title_raw, maxsplit=1)[0]
            if len(first_clause) > 160 or re.match(
                r"(?:of|in|to|above|below|hereof|herein)\b", title_raw.strip(), re.I
            ):
                continue
        # "Item 2.02 Results of Operations ... . The company announced ..." on one line:
        # the title is the catalogue title when it starts the line
        title = title_raw
        if d is not None and single:
            low = title_raw.lower()
            for cand in (d.title, *d.variants):
                if low.startswith(cand.lower()):
                    title = title_raw[: len(cand)]
                    break
            else:
                title = re.split(r"(?<=[a-z)])\.\s", title_raw, maxsplit=1)[0]
        if not single:
            na = _NOT_APPLICABLE.match(title_raw.strip())
            title = None if na else title_raw
        heads.append(
            (m.start(), body_start, codes, _clean_title(title, d if single else None) if title else None, title_raw)
        )
    heads = _drop_table_of_contents(heads)
    items: list[FoundItem] = []
    sig = signature_start(text, heads[0][0] if heads else start)
    if sig is not None:
        heads = [h for h in heads if h[0] < sig]
    stop = sig if sig is not None else len(text)
    running: set[str] | None = None  # found only when a short item needs it
    for i, (hstart, bstart, codes, title, title_raw) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else stop
        na_title = bool(_NOT_APPLICABLE.match(title_raw.strip()))
        na_body = False
        if end - bstart < 3000:  # "None." under running page headers and footers
            running = _running_lines(text) if running is None else running
            body = "\n".join(ln for ln in text[bstart:end].split("\n") if ln.strip() not in running).strip()
            na_body = len(body) < 40 and bool(_NOT_APPLICABLE.match(body))
        status = "not_applicable" if na_title or na_body else "reported"
        for n, code in codes:
            items.append(FoundItem(code, n, None if na_title else title, status, hstart, bstart, end))
    return items, sig
