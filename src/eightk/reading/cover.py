"""The cover page of an 8-K, read from the body's text view (and its iXBRL facts).

Cover pages come in many layouts: values above their parenthesised labels in
a table or in centred plain text, values after a colon, everything on one
line.  Rather than one pattern per layout, each field is found in two steps:
the *labels* of the field (data, below) and the *candidates* that look like
its value (a date, an EIN, a file number, a state...), and the candidate
nearest to a label in the page's two-dimensional layout wins: same line first,
then the same table cell column or text column a line or two away.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from ..jurisdictions import US_CODES, find_jurisdictions, jurisdiction_code
from ..values import (
    DATE_RE,
    DATE_RE_LOWER,
    EIN_RE,
    FILE_NUMBER_RE,
    PHONE_RE,
    date_of,
    normalise_ein,
    normalise_phone,
)
from .address import parse_address, strip_label_fragments
from .dei import CHECKED, UNCHECKED, co_registrants, from_ixbrl, ix_address_phone, main_context, none_value, rows_12b
from .found import Found
from .text import CELL_BREAK, TextView, lowered

__all__ = ["Cover", "Found", "read_cover"]

# --- labels, as data --------------------------------------------------------

LABELS: dict[str, re.Pattern[str]] = {
    "name": re.compile(
        r"(?:exact\s+)?name\s+of\s+(?:the\s+)?(?:registrants?|small\s+business\s+issuer|issuer|company)"
        r"(?:\s+as\s+specified|\s+in\s+its\s+charter|\s*\))"
        r"|exact\s+name\s+of\s+(?:the\s+)?(?:registrants?|issuer|company)",
        re.I,
    ),
    "state": re.compile(
        r"state\s+or\s+other\s+(?:juris-?\s*)?(?:diction|jurisdiction)|state\s+or\s+other\s+juris"
        r"|\(state\s+o[fr]\s+other\b|\(state\)"
        r"|(?:state|jurisdiction)\s+of\s+(?:incorporation|organi[sz]ation|formation)"
        r"|(?:state|jurisdiction)\s+or\s+country\s+of|other\s+jurisdiction\s+of",
        re.I,
    ),
    "file_number": re.compile(
        r"commission\s+file\s*(?:no|number|#)|\bfile\s+(?:no\b|number)|commission\s+file"
        r"|sec\s+file\s+(?:no|number)|commission\s+number",
        re.I,
    ),
    "ein": re.compile(
        r"i\.?\s*r\.?\s*s\.?\s+employer|irs\s+employer|employer\s+identification"
        r"|employer\s+i\.?\s*d|tax\s*payer\s+identification|i\.?r\.?s\.?\s+(?:id|identification)"
        r"|federal\s+(?:tax|employer)\s+i",
        re.I,
    ),
    "address": re.compile(
        r"address\s+of\s+(?:the\s+)?principal\s+(?:executive\s+)?offices?"
        r"|address,?\s+including\s+zip\s+code|address\s+of\s+principal\s+place",
        re.I,
    ),
    "phone": re.compile(
        r"telephone\s+number|telephone,?\s+including|\btelephone\s*(?:no|#)|\(area\s+code\)",
        re.I,
    ),
    "date": re.compile(
        r"date\s+of\s+(?:report|earliest\s+event)|date\s+of\s+event|earliest\s+event\s+reported",
        re.I,
    ),
    "former": re.compile(r"former\s+name\s+or\s+(?:former\s+)?address|former\s+name,", re.I),
}

_ANY_LABEL = re.compile("|".join(p.pattern for p in LABELS.values()), re.I)
# one pass over the ASCII-lowercased text (same length, so spans hold) without IGNORECASE,
# which is several times slower on alternations this wide
#: every label begins with one of these (a test holds the two patterns to the same matches);
#: checking it first lets the scan skip most positions at once
_LABEL_FIRST = "(?=[acdefijnost(])"
_LABELS_ONE_PASS = re.compile(_LABEL_FIRST + "(?:" + "|".join(f"(?P<{k}>{p.pattern})" for k, p in LABELS.items()) + ")")
_BOILERPLATE = re.compile(
    r"securities\s+and\s+exchange|washington,?\s+d\.?\s*c|form\s+8-?k|current\s+report"
    r"|pursuant\s+to|exchange\s+act|section\s+13|^\(?registrant\)?$|^\(?zip\s+code\)?$"
    r"|check\s+the\s+appropriate|^not\s+applicable$|^n/?a$|^none$|commission\s+file"
    r"|amendment\s+no|^\(?\s*address|^\(?\s*exact|^date\s+of|^\s*\(",
    re.I,
)
_ITEM_HEADING = re.compile(r"^[ \t]*items?[ \t]+\d{1,2}(?:\.\d\d)?\b", re.I | re.M)
_FORM = re.compile(r"\bform\s+(8\s*-\s*K(?:12B|12G3|15D5)?)(?:\s*(/\s*A\b))?|\b(8-K(?:12B|12G3|15D5)?)/A\b", re.I)
_AMEND = re.compile(r"\bamendment\s+no\b|\bform\s+8-?K\s*/\s*A\b|\b8-K/A\b", re.I)
# the boxes and the growth-company mark: lowercase patterns, matched on the lowered text
_BOXES = {
    "written_communications": re.compile(r"written\s+communications?\s+pursuant\s+to\s+rule\s+425"),
    "soliciting_material": re.compile(r"soliciting\s+material\s+pursuant\s+to\s+rule\s+14a-?12"),
    "pre_commencement_tender_offer": re.compile(
        r"pre-?\s*commencement\s+communications?\s+pursuant\s+to\s+rule\s+14d-?2"
    ),
    "pre_commencement_issuer_tender_offer": re.compile(
        r"pre-?\s*commencement\s+communications?\s+pursuant\s+to\s+rule\s+13e-?4"
    ),
}
_EGC = re.compile(r"emerging\s+growth\s+company")
_TRADING = re.compile(r"trading\s+symbol", re.I)


@dataclass(slots=True)
class Cover:
    """Everything the cover gave, field by field: the chosen value first, then others."""

    fields: dict[str, list[Found]]
    co_registrants: list[dict[str, Found]]
    securities_12b: list[tuple[str | None, str | None, str | None]]
    securities_12b_source: str | None
    problems: list[tuple[str, str]]


class _Grid:
    """Line, cell and column of every offset of a text region."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def line_text(self, n: int) -> str:
        s = self.starts[n]
        e = self.starts[n + 1] - 1 if n + 1 < len(self.starts) else len(self.text)
        return self.text[s:e]

    def col(self, pos: int) -> int:
        return pos - self.starts[self.line(pos)]

    def cell(self, pos: int) -> int:
        s = self.starts[self.line(pos)]
        return self.text.count("\t", s, pos)

    def tabbed(self, n: int) -> bool:
        return "\t" in self.line_text(n)

    def nonblank_between(self, a: int, b: int) -> int:
        lo, hi = min(a, b), max(a, b)
        return sum(1 for n in range(lo + 1, hi) if not _blank(self.line_text(n))) + 1

    def distance(self, cand: tuple[int, int], label: tuple[int, int]) -> float | None:
        """How far a candidate value sits from a label in the page's layout."""
        cs, ce = cand
        ls, le = label
        lc, ll = self.line(cs), self.line(ls)
        if lc != ll and lc == self.line(le - 1) and cs >= le:
            ls, ll = le - 1, lc  # a label broken over lines: measure from its last line
        if lc == ll:
            if ce <= ls:
                between = self.text[ce:ls]
            elif cs >= le:
                between = self.text[le:cs]
            else:
                return None
            if _ANY_LABEL.search(between):
                return None
            gap = len(between.strip(" \t:.-_"))
            cells = between.count("\t")
            return gap + 4 * cells + (0 if ce <= ls else 1)
        dl = self.nonblank_between(lc, ll)
        if dl > 3:
            return None
        if self.tabbed(lc) and self.tabbed(ll):
            aligned = self.cell(cs) == self.cell(ls)
        else:
            cx0, cx1 = self.col(cs), self.col(ce)
            lx0 = self.col(ls)
            lx1 = lx0 + (le - ls)
            aligned = cx0 <= lx1 + 8 and lx0 <= cx1 + 8
            if not aligned and not self.tabbed(lc):
                # a lone value on its own line (centred text) counts as aligned
                aligned = not self.line_text(lc).strip().replace(self.text[cs:ce].strip(), "").strip(" ,.:;()")
        if aligned:
            return 6 + 12 * dl + (0 if lc < ll else 3)
        return 60 * dl + 40


def _blank(line: str) -> bool:
    """An empty line, or a rule of underscores, dashes or equals signs."""
    return not line.strip(" \t_-=*")


def _segment(line: str, x0: int, x1: int) -> tuple[str, int]:
    """The column of a monospace text line (parts apart by 3+ spaces) that lies over ``x0..x1``."""
    best, best_overlap = ("", 0), 0
    for m in re.finditer(r"\S(?:[^\t]*?\S)?(?=\t|[ ]{3,}|[ ]*$)", line):
        s, e = m.span()
        overlap = min(e, x1 + 4) - max(s, x0 - 4)
        if overlap > best_overlap:
            best, best_overlap = (m.group(0), s), overlap
    return best


def _all_labels(low: str) -> dict[str, list[tuple[int, int]]]:
    """Every label of the cover, by field, in one pass over the ASCII-lowercased text."""
    out: dict[str, list[tuple[int, int]]] = {k: [] for k in LABELS}
    for m in _LABELS_ONE_PASS.finditer(low):
        out[m.lastgroup or ""].append(m.span())
    return out


def _windows(spans: list[tuple[int, int]], size: int, limit: int) -> list[tuple[int, int]]:
    """Merged windows of ``size`` characters around each span."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        lo, hi = max(0, s - size), min(limit, e + size)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


_PAREN_DATE = re.compile(r"[ \t]*\([ \t]*(" + DATE_RE_LOWER.pattern + r")[ \t]*\)")


def _nearest(
    grid: _Grid, cands: list[tuple[tuple[int, int], Any]], labels: list[tuple[int, int]], limit: float = 150
) -> tuple[tuple[int, int], Any] | None:
    best = None
    best_d = limit
    for span, value in cands:
        for lab in labels:
            d = grid.distance(span, lab)
            if d is not None and d < best_d:
                best, best_d = (span, value), d
    return best


def _scan(rx: re.Pattern[str], text: str, near: list[tuple[int, int]], size: int = 500) -> list[re.Match[str]]:
    """Matches of ``rx`` within ``size`` characters of any of the spans ``near``."""
    return [m for lo, hi in _windows(near, size, len(text)) for m in rx.finditer(text, lo, hi)]


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def _clean_value(s: str) -> str:
    s = re.sub(r"\([^)]*\)", " ", s) if "(" in s and _ANY_LABEL.search(s) else s
    s = " ".join(s.split())
    return s.strip(" \t,;:_-*")


def _plausible_name(s: str) -> bool:
    if len(s) < 2 or len(s) > 160 or sum(c.isalpha() for c in s) < 2:
        return False
    if _BOILERPLATE.search(s) or _ANY_LABEL.search(s):
        return False
    if DATE_RE.fullmatch(s.strip()):
        return False
    return True


def _cell_text(grid: _Grid, line: int, cell: int | None, cols: tuple[int, int] | None = None) -> tuple[str, int]:
    """The text of one cell of a line, and its offset: by tab-cell index, else by the text
    column over ``cols``, else the whole line."""
    lt = grid.line_text(line)
    start = grid.starts[line]
    if _blank(lt):
        return "", start
    if cell is None or "\t" not in lt:
        if cols is not None and re.search(r"\S[ ]{3,}\S", lt):
            seg, x = _segment(lt, *cols)
            return seg, start + x
        return lt, start
    cells = lt.split("\t")
    if cell >= len(cells):
        return "", start
    return cells[cell], start + sum(len(c) + 1 for c in cells[:cell])


def _span_of(text_in: str, offset: int, value: str) -> tuple[int, int]:
    """Where a (white-space collapsed) value stands in ``text_in``, as offsets of the whole text."""
    m = re.search(r"\s+".join(map(re.escape, value.split())), text_in)
    if m:
        return (offset + m.start(), offset + m.end())
    return (offset, offset + len(value))


def _name_near(grid: _Grid, label: tuple[int, int]) -> tuple[str, tuple[int, int]] | None:
    text = grid.text
    ln = grid.line(label[0])
    cell = grid.cell(label[0]) if grid.tabbed(ln) else None
    # 1. on the label's own line, before it: "ImmunoGen, Inc. (Exact name of ...)"
    line_start = grid.starts[ln]
    before = text[line_start : label[0]]
    if cell is not None:
        before = before.split("\t")[-1]
    cand = _clean_value(before.rstrip(" (\t"))
    if _plausible_name(cand):
        return cand, _span_of(text[line_start : label[0]], line_start, cand)
    # 2. the nearest non-blank line above, in the same cell or text column
    cols = (grid.col(label[0]) - 1, grid.col(label[0]) + (label[1] - label[0]))
    n, seen = ln - 1, 0
    while n >= 0 and seen < 3:
        raw, off = _cell_text(grid, n, cell, cols)
        if raw.strip():
            seen += 1
            cand = _clean_value(raw)
            if _plausible_name(cand):
                return cand, _span_of(raw, off, cand)
            if _ANY_LABEL.search(raw) or FILE_NUMBER_RE.search(raw):
                break
        n -= 1
    # 3. after the label: "Exact name of registrant as specified in its charter: ACME"
    line_end = grid.starts[ln + 1] - 1 if ln + 1 < len(grid.starts) else len(text)
    after = text[label[1] : line_end]
    after = re.sub(r"^[^:)]*[:)]", "", after, count=1) if re.match(r"^[^:)]*[:)]", after) else after
    cand = _clean_value(after)
    if _plausible_name(cand):
        return cand, _span_of(text[label[1] : line_end], label[1], cand)
    n, seen = ln + 1, 0
    while n < len(grid.starts) and seen < 2:
        raw, off = _cell_text(grid, n, cell, cols)
        if raw.strip():
            seen += 1
            cand = _clean_value(raw)
            if _plausible_name(cand):
                return cand, _span_of(raw, off, cand)
            break
        n += 1
    return None


_CORPORATE = re.compile(
    r"\b(?:inc|incorporated|corp|corporation|company|co|ltd|limited|llc|l\.?p|trust|bancorp|bancshares"
    r"|plc|n\.v|s\.a|holdings?|group|partners|fund|bank|technologies)\b\.?",
    re.I,
)


def _name_without_label(grid: _Grid, first_item: re.Match[str] | None) -> tuple[str, tuple[int, int]] | None:
    """A cover with no name label: the first line that reads as a company name."""
    end_line = grid.line(first_item.start()) if first_item else len(grid.starts)
    for n in range(min(end_line, 60)):
        lt = grid.line_text(n)
        for part in re.split(r"\t|[ ]{3,}", lt):
            cand = _clean_value(part)
            if (
                cand
                and _CORPORATE.search(cand)
                and _plausible_name(cand)
                and len(cand) <= 100
                and not re.match(r"(?i)(?:c/o|attn|care\s+of)\b|\d", cand)  # an address line
                and not PHONE_RE.search(cand)
            ):
                return cand, _span_of(lt, grid.starts[n], cand)
    return None


def _address_near(grid: _Grid, label: tuple[int, int]) -> tuple[dict[str, str | None], tuple[int, int]] | None:
    text = grid.text
    ln = grid.line(label[0])
    line_start = grid.starts[ln]
    blocks: list[tuple[str, int]] = []
    before = text[line_start : label[0]]
    if before.strip(" \t("):
        blocks.append((before, line_start))
    # lines above, up to the previous label line; label fragments ("(Zip code)",
    # "of Incorporation)") are not address
    lines: list[tuple[str, int]] = []
    n = ln - 1
    while n >= 0 and len(lines) < 3:
        lt = grid.line_text(n)
        if not _blank(lt):
            if _ANY_LABEL.search(lt) or _BOILERPLATE.search(lt.strip()):
                break
            cleaned = strip_label_fragments(lt)
            if not cleaned.strip(" \t,"):
                break
            lines.insert(0, (cleaned, grid.starts[n]))
        n -= 1
    if lines:
        blocks.append(("\n".join(t for t, _ in lines), lines[0][1]))
    line_end = grid.starts[ln + 1] - 1 if ln + 1 < len(grid.starts) else len(text)
    after = text[label[1] : line_end]
    after_clean = re.sub(r"^[^:]*:", "", after, count=1) if ":" in after else ""
    if after_clean.strip():
        nxt = grid.line_text(ln + 1) if ln + 1 < len(grid.starts) else ""
        blocks.append(
            (
                after_clean + ("\n" + nxt if nxt.strip() and not _ANY_LABEL.search(nxt) else ""),
                label[1] + (len(after) - len(after_clean)),
            )
        )
    for block, off in blocks:
        parsed = parse_address(block)
        if parsed and (parsed["street"] or parsed["city"]):
            first = block.strip().split("\n")[0]
            start = off + block.find(first[:20]) if first else off
            return parsed, (start, off + len(block.rstrip()))
    return None


def _box_before(text: str, pos: int) -> bool | None:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] == "\n":
        return None
    ch = text[i]
    if ch == "]" and i >= 2 and text[i - 2] == "[":
        return text[i - 1] in "xX✓✔"
    if ch in CHECKED or ch in UNCHECKED:
        # a lone letter must stand alone ("o Written ...", not "to Written")
        if ch.isalpha() and i > 0 and text[i - 1] not in " \t\n":
            return None
        return ch in CHECKED
    return None


def _box_after(text: str, pos: int) -> bool | None:
    i = pos
    while i < len(text) and text[i] in " \t:":
        i += 1
    if i >= len(text) or text[i] == "\n":
        return None
    ch = text[i]
    if ch == "[" and i + 2 < len(text) and text[i + 2] == "]":
        return text[i + 1] in "xX✓✔"
    if ch in CHECKED or ch in UNCHECKED:
        if ch.isalpha() and i + 1 < len(text) and text[i + 1] not in " \t\n":
            return None
        return ch in CHECKED
    return None


def _securities_12b(text: str) -> list[tuple[str | None, str | None, str | None]]:
    m = _TRADING.search(text)
    if not m:
        return []
    grid = _Grid(text)
    ln = grid.line(m.start())
    rows: list[tuple[str | None, str | None, str | None]] = []
    n = ln + 1
    blanks = 0
    while n < len(grid.starts) and len(rows) < 40:
        lt = grid.line_text(n)
        n += 1
        if not lt.strip():
            blanks += 1
            if blanks > 2:
                break
            continue
        blanks = 0
        raw_cells = [c for c in lt.split("\t") if c.strip()]
        cells = [" ".join(c.split()) for c in raw_cells]
        if len(cells) < 2:
            if rows or re.search(r"indicate\s+by\s+check|emerging\s+growth", lt, re.I):
                break
            continue
        if re.search(r"title\s+of\s+each\s+class|name\s+of\s+each\s+exchange", lt, re.I):
            continue
        if re.search(r"section\s+12\s*\(g\)", lt, re.I) or _ITEM_HEADING.match(lt):
            break  # 12(g) securities are not listed on an exchange; an item ends the cover
        # several classes in one table row, one per line of each cell
        stacked = [[" ".join(p.split()) for p in c.split(CELL_BREAK) if p.strip()] for c in raw_cells]
        depth = len(stacked[0])
        per_line = depth > 1 and all(len(c) in (1, depth) for c in stacked)
        for k in range(depth if per_line else 1):
            # a cell with one line serves every class (an exchange) or the first only (a symbol)
            line_cells = (
                [c[k] if len(c) == depth else (c[0] if (j != 1 or k == 0) else "") for j, c in enumerate(stacked)]
                if per_line
                else cells
            )
            row: tuple[str | None, str | None, str | None]
            if len(line_cells) >= 3:
                row = (line_cells[0], line_cells[1], line_cells[-1])
            else:
                row = (line_cells[0], None, line_cells[1])
            row = tuple(None if none_value(v) else v for v in row)  # type: ignore[assignment]
            if row[1] or row[2]:
                rows.append(row)
    return rows


# --- iXBRL ------------------------------------------------------------------


_NAME_LABEL_LOWER = re.compile(LABELS["name"].pattern)
_ITEM_HEADING_LOWER = re.compile(_ITEM_HEADING.pattern, re.M)


def _region_end(text: str, low: str) -> int:
    """Where the cover ends: at the first item heading after the name label (``low`` is the
    lowered text, at least its first 20,000 characters: the cover ends within them)."""
    anchor = _NAME_LABEL_LOWER.search(low)
    start = anchor.end() if anchor else 0
    m = _ITEM_HEADING_LOWER.search(low, start)
    end = m.start() if m else len(text)
    return min(max(end, min(len(text), 1500)), 20000)


def read_cover(view: TextView) -> Cover:
    """Read the cover page from the text view of a filing's main document."""
    full = view.text
    low_all = lowered(full[:24000])  # lowered once: the cover, and the boxes just after it
    end = _region_end(full, low_all)
    text = full[:end]
    grid = _Grid(text)
    fields: dict[str, list[Found]] = {}
    problems: list[tuple[str, str]] = []

    def put(field: str, value: Any, span: tuple[int, int] | None, source: str = "cover") -> None:
        if value is None or value == "":
            return
        ss = view.source_span(*span) if span else None
        fields.setdefault(field, []).append(Found(value, source, span, ss))

    low = low_all[:end]  # same length: spans found in it hold in ``text``
    labels = _all_labels(low)

    # form type and amendment
    fm = _FORM.search(text)
    if fm:
        base = re.sub(r"\s", "", fm.group(1) or fm.group(3)).upper()
        amended = bool(fm.group(2)) or bool(fm.group(3)) or bool(_AMEND.search(text, 0, min(len(text), 4000)))
        put("form_type", base + ("/A" if amended else ""), fm.span())
        put("amendment", amended, fm.span())

    # date of report
    date_labels = labels["date"]
    # "Date of Report: April 30 ... (date of earliest event reported March 21)": the earliest
    # event's date is the period of report
    earliest = [sp for sp in date_labels if "earliest" in text[sp[0] : sp[1]].lower()]
    if earliest:
        date_labels = earliest
    if date_labels:
        cands = [(m.span(), date_of(m)) for m in _scan(DATE_RE_LOWER, low, date_labels)]
        best = _nearest(grid, [c for c in cands if c[1]], date_labels)
        if best:
            # "Date of Report (Date of earliest event reported): June 14, 2024 (June 11, 2024)":
            # the report's date, then the earlier event's in parentheses
            after = _PAREN_DATE.match(low, best[0][1])
            if after:
                second = (after.span(1), date_of(after))
                if second[1] and second[1] < best[1]:
                    best = second
            put("date", best[1], best[0])

    # registrant name
    for lab in labels["name"]:
        got = _name_near(grid, lab)
        if got:
            put("name", got[0], got[1])
            break

    if "name" not in fields:
        got = _name_without_label(grid, _ITEM_HEADING.search(text))
        if got:
            put("name", got[0], got[1])

    # typed fields near their labels
    # candidates are looked for only near their labels: a few windows, not the whole cover
    eins = [(m.span(), normalise_ein(m.group(0))) for m in _scan(EIN_RE, text, labels["ein"])]
    best = _nearest(grid, eins, labels["ein"])
    if best:
        put("ein", best[1], best[0])
    near_files = labels["file_number"]
    not_files = [m.span() for m in _scan(PHONE_RE, text, near_files)]
    not_files += [m.span() for m in _scan(DATE_RE_LOWER, low, near_files)]
    files = [
        (m.span(), m.group(0).replace(" ", ""))
        for m in _scan(FILE_NUMBER_RE, text, near_files)
        if not _overlaps(m.span(), not_files)
    ]
    best = _nearest(grid, files, labels["file_number"])
    if best:
        put("file_number", best[1], best[0])
    states: list[tuple[tuple[int, int], Any]] = [
        hit for lo, hi in _windows(labels["state"], 400, len(text)) for hit in find_jurisdictions(text, lo, hi)
    ]
    for m in re.finditer(r"(?:^|(?<=[\t\n]))[ ]*([A-Z]{2})[ ]*(?=[\t\n]|$)", text):
        if m.group(1) in US_CODES:
            states.append((m.span(1), m.group(1)))
    best = _nearest(grid, [s for s in states if s[1]], labels["state"])
    if best:
        put("state", best[1], best[0])
    phone_cands = [(m.span(), normalise_phone(m.group(0))) for m in _scan(PHONE_RE, text, labels["phone"])]
    best = _nearest(grid, phone_cands, labels["phone"], limit=200)
    if best:
        put("phone", best[1], best[0])

    # address
    for lab in labels["address"]:
        addr = _address_near(grid, lab)
        if addr:
            put("address", addr[0], addr[1])
            break

    # former name or address
    for lab in labels["former"]:
        ln = grid.line(lab[0])
        # what stands before the label on its line, after any earlier label or value
        before = re.split(r"[:)]|\d{3}-\d{4}", text[grid.starts[ln] : lab[0]].split("\t")[-1])[-1]
        before = _clean_value(before.rstrip(" ("))
        where = grid.starts[ln]
        if not before:
            n = ln - 1
            while n >= 0 and not grid.line_text(n).strip():
                n -= 1
            prev = grid.line_text(n) if n >= 0 else ""
            if prev.strip() and not _ANY_LABEL.search(prev):
                before, where = _clean_value(prev), grid.starts[n]
        if sum(c.isalpha() for c in before) >= 3 and not re.fullmatch(r"(?i)n/?a|none|not\s+applicable", before):
            put("former_name", before, _span_of(text[where : lab[0]], where, before))
        break

    # the four boxes and the emerging growth company mark
    low_full = low_all[: end + 4000]
    for fieldname, rx in _BOXES.items():
        bm = rx.search(low_full, 0, end + 3000)
        if bm:
            v = _box_before(full, bm.start())
            if v is not None:
                put(fieldname, v, bm.span())
    for m in _EGC.finditer(low_full):
        v = _box_after(full, m.end())
        if v is None:
            v = _box_before(full, m.start())
        if v is not None:
            put("emerging_growth_company", v, m.span())
            break

    co_text = _combined(text, grid)
    if co_text:
        for field, f in co_text[0].items():
            ss = view.source_span(*f.span) if f.span else None
            fields.setdefault(field, []).insert(0, Found(f.value, f.source, f.span, ss))

    rows = _securities_12b(full[: min(len(full), end + 6000)])
    rows_source = "cover" if rows else None

    # iXBRL facts: the tagged values come first where present
    co: list[dict[str, Found]] = co_text[1:]
    if view.facts:
        ix, twelve_b = from_ixbrl(view)
        main_ctx = main_context(ix)
        for field, found_list in ix.items():
            mine = [f for ctx, f in found_list if ctx == main_ctx] or [found_list[0][1]]
            lst = fields.setdefault(field, [])
            # a tagged value on the page comes first; a hidden one (often EDGAR's conformed
            # name, "1 800 FLOWERS COM INC") only where the page gave nothing
            on_page = mine[0].span is not None
            if field == "name" and lst and isinstance(lst[0].value, str) and mine[0].value in lst[0].value:
                on_page = False  # the tag covers part of the name ("BUCKLE, INC" in "THE BUCKLE, INC.")
            if on_page or not lst:
                lst.insert(0, mine[0])
            else:
                lst.append(mine[0])
        ix_address_phone(fields, ix, main_ctx)
        co = co_registrants(ix, main_ctx) or co
        ix_rows = rows_12b(twelve_b)
        if ix_rows:
            # tags sometimes cover only part of a title ("Depositary Shares (each representing
            # 1/1000th"): the title as printed in the table completes it
            printed = [r[0] for r in rows if r[0]]
            ix_rows = [
                (next((t for t in printed if r[0] and t.startswith(r[0]) and len(t) > len(r[0])), r[0]), r[1], r[2])
                for r in ix_rows
            ]
            rows, rows_source = ix_rows, "ixbrl"
    return Cover(fields, co, rows, rows_source, problems)


def _combined_head(text: str) -> int | None:
    """End of the header line of a combined filing's registrant table ("Commission File
    Number ... Registrant ..."), if the cover has one."""
    pos = 0
    for line in lowered(text).split("\n"):
        if "registrant" in line and ("commission" in line or "file" in line):
            if re.search(r"\b(?:commission|file)\b.*\bregistrants?\b", line):
                return pos + len(line)
        pos += len(line) + 1
    return None


_COMBINED_ROW = re.compile(
    r"^[ \t]*(?P<file>\d{1,3}-\d{3,6})(?:\t|[ ]{2,})[ \t]*(?P<name>\S[^\t\n]*?)(?:\t|[ ]{2,})[ \t]*"
    r"(?P<ein>\d{2}-\d{7})[ \t]*$",
    re.M,
)
_INC_IN = re.compile(
    r"\(?\s*(?:an?\s+)?(?P<st>[A-Z][A-Za-z .]+?)\s+(?:corporation|limited\s+liability\s+company|company)\s*\)?", re.I
)


def _combined(text: str, grid: _Grid) -> list[dict[str, Found]]:
    """Combined filings: one row per registrant (file number, name, EIN), then its state,
    address and phone on the lines below."""
    head_end = _combined_head(text)
    if head_end is None:
        return []
    rows = list(_COMBINED_ROW.finditer(text, head_end))
    out: list[dict[str, Found]] = []
    for i, m in enumerate(rows):
        end = rows[i + 1].start() if i + 1 < len(rows) else min(len(text), m.end() + 400)
        block = text[m.end() : end]
        para = re.split(r"\n[ \t]*\n", block, maxsplit=1)[0]
        d: dict[str, Found] = {
            "file_number": Found(m.group("file"), "cover", m.span("file")),
            "name": Found(" ".join(m.group("name").split()), "cover", m.span("name")),
            "ein": Found(m.group("ein"), "cover", m.span("ein")),
        }
        lines = [ln.strip() for ln in para.split("\n") if ln.strip()]
        name_cell = m.group("name").split(CELL_BREAK)
        name = d["name"].value
        if len(name_cell) > 1:
            # an HTML cell holding name, (state), address and phone on lines of its own
            first = " ".join(name_cell[0].split())
            d["name"] = Found(first, "cover", (m.start("name"), m.start("name") + len(name_cell[0].rstrip())))
            lines = [" ".join(x.split()) for x in name_cell[1:] if x.strip()] + lines
        elif "(" in name:
            # an HTML cell holding name, (state), address and phone on one line
            head, _, tail = name.partition("(")
            d["name"] = Found(head.strip(), "cover", (m.start("name"), m.start("name") + len(head.rstrip())))
            inc, _, after = tail.partition(")")
            lines = ["(" + inc + ")"]
            ph = PHONE_RE.search(after)
            if ph:
                lines.append(ph.group(0))
                after = after[: ph.start()]
            lines.append(after.strip())
        rest: list[str] = []
        for ln in lines:
            im = _INC_IN.fullmatch(ln.strip("()"))
            code = jurisdiction_code(im.group("st")) if im else None
            if code and "state" not in d:
                d["state"] = Found(code, "cover", None)
            elif PHONE_RE.fullmatch(ln) and "phone" not in d:
                d["phone"] = Found(normalise_phone(ln), "cover", None)
            else:
                rest.append(ln)
        addr = parse_address("\n".join(rest)) if rest else None
        if addr:
            d["address"] = Found(addr, "cover", None)
        out.append(d)
    return out if len(out) >= 2 else []
