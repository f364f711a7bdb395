"""Exhibits: the list of Item 9.01 (old Item 7), any exhibit index, and the
exhibit documents of a complete submission, linked by number.

Interactive-data exhibits (101.*, 104) are machine files: they are listed
apart from the exhibits people read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "ListedExhibit",
    "exhibit_number_of_type",
    "is_machine_exhibit",
    "list_exhibits",
    "is_press_release",
    "TICKER_RE",
    "tickers",
]

_EX_NUM = r"\d{1,3}(?:\.\d{1,3}){0,2}(?:\s?\([a-z0-9]{1,4}\))?(?:\.(?:INS|SCH|CAL|DEF|LAB|PRE))?"
_LINE = re.compile(
    r"^[ \t\-•*>·]*(?:\(?[a-z]\)[ \t]+)?(?:Exhibit|EXHIBIT|Ex\.|EX-)?[ \t]*(?:No\.?|Number)?[ \t]*"
    rf"(?:\((?=\d{{1,3}}\.\d{{1,3}}\)))?"  # "(99.1) Letter from ...": a number in parentheses
    rf"(?P<num>{_EX_NUM})[*†‡+#=^]*(?![\d/,%$])(?P<sep>[ \t\x0b]*[\t.:\-–—)]?[ \t\x0b]*)(?P<desc>[^\n]*)$",
    re.M,
)
_INDEX_HEADING = re.compile(
    r"^[ \t]*(?:EXHIBIT\s+INDEX|INDEX\s+TO\s+EXHIBITS|Exhibit\s+Index)\b.*$|^[ \t]*EXHIBITS?[ \t]*:?[ \t]*$",
    re.M | re.I,
)
_PRESS = re.compile(
    r"press\s+release|news\s+release|earnings\s+release|press\s+announcement|"
    r"news\s+announcement|release\s+dated|shareholder\s+letter",
    re.I,
)
_EX_TYPE = re.compile(r"^EX-(\d{1,3}(?:\.[A-Z0-9]{1,4}){0,2}(?:\([a-z0-9]+\))?)", re.I)


@dataclass(frozen=True, slots=True)
class ListedExhibit:
    number: str
    description: str | None
    start: int
    end: int


def _norm_number(n: str) -> str:
    n = re.sub(r"\s", "", n).upper().replace("(", "(").rstrip(".")
    m = re.fullmatch(r"(\d{1,3})((?:\.\d{1,3}){0,2})(.*)", n)
    if not m:
        return n
    head = str(int(m.group(1)))
    return head + m.group(2) + m.group(3).lower() if m.group(3).startswith("(") else head + m.group(2) + m.group(3)


def exhibit_number_of_type(doc_type: str | None) -> str | None:
    """``"EX-99.1"`` -> ``"99.1"``; ``"EX-101.INS"`` -> ``"101.INS"``."""
    if not doc_type:
        return None
    m = _EX_TYPE.match(doc_type.strip())
    return _norm_number(m.group(1)) if m else None


def is_machine_exhibit(number: str | None) -> bool:
    return number is not None and (number.startswith("101") or number.split(".")[0] == "104")


def is_press_release(description: str | None, text: str | None = None) -> bool:
    if description and _PRESS.search(description):
        return True
    if text:
        head = text[:3000]
        return bool(re.search(r"for\s+immediate\s+release|news\s+release|press\s+release", head, re.I))
    return False


#: exhibit numbers of Regulation S-K Item 601 (and the old Form 8-K exhibit table)
_S_K_NUMBERS = frozenset(range(1, 37)) | frozenset(range(95, 108))
_EXHIBITS_MARK = re.compile(r"^[ \t]*(?:\(?[a-d]\)[ \t]*)?(?:exhibits?|exhibit\s+index)[ \t]*[.:]?[ \t]*$", re.I | re.M)
_STRONG = re.compile(
    rf"^[ \t\-•*·]*(?:Exhibit|EXHIBIT|Ex\.)[ \t]+(?:No\.?[ \t]*)?(?P<num>{_EX_NUM})"
    r"(?:[ \t]*[:.\-–—][ \t]+|[ \t]{2,}|\t)(?P<desc>\S[^\n]*)$",
    re.M,
)


def _plausible(num: str, desc: str) -> bool:
    n = re.sub(r"\s", "", num)
    digits = re.match(r"\d+", n)
    if digits is None or int(digits.group(0)) not in _S_K_NUMBERS:
        return False
    if re.match(r"[A-Za-z][.:)]\s", desc):  # "K. The pro forma ..." is prose
        return False
    return bool(desc.strip()) or "." in n


def _finish(desc: str) -> str | None:
    desc = " ".join(desc.split())
    # an index table's trailing page number ("... 1997  5") is not description
    desc = re.sub(r"(?<=\D)\s+\d{1,3}$", "", desc) if len(desc) > 8 else desc
    return desc.strip(" .;:-–—") or None


def list_exhibits(text: str, start: int, end: int, *, whole_item: bool = True) -> list[ListedExhibit]:
    """Exhibit entries (number, description) listed between ``start`` and ``end``.

    Entries start a line with their number; an entry's description runs on over the
    lines indented under it.  Within an item, the list starts at its "(c) Exhibits"
    mark when there is one, and ends at the first line that is neither an entry, a
    continuation nor blank.
    """
    mark = _EXHIBITS_MARK.search(text, start, end) if whole_item else None
    if mark:
        start = mark.end()
    out: list[ListedExhibit] = []
    seen: set[str] = set()
    cur: list | None = None  # [number, desc, start, end, desc_col, blank_since]
    pos = start
    for line in text[start:end].split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped:
            if cur is not None:
                cur[5] = True
            continue
        indent = len(line) - len(line.lstrip(" "))
        m = _LINE.match(line)
        ok = False
        if m:
            num, desc = m.group("num"), m.group("desc").replace("\t", " ")
            sep = m.group("sep")
            ok = (
                bool(sep.strip())
                or len(sep) >= 2
                or "\t" in sep
                or desc[:1].isupper()
                or desc.startswith(("(", '"', "'"))
            ) and _plausible(num, desc)
            if ok and cur is not None and not cur[5] and indent >= cur[4] - 1:
                ok = False  # a number inside an indented description ("1: Disclosure Schedule")
        if ok:
            if cur is not None:
                _close(cur, out, seen)
            assert m is not None
            desc_col = m.start("desc") if m.group("desc") else m.end("num")
            cur = [
                m.group("num"),
                m.group("desc").replace("\t", " "),
                line_start + m.start("num"),
                line_start + len(line),
                desc_col,
                False,
            ]
            continue
        if cur is not None and not cur[5] and indent >= max(cur[4] - 2, 1):
            cur[1] += " " + stripped
            cur[3] = line_start + len(line)
            continue
        if cur is not None or out:
            if re.match(r"(?i)(?:exhibit\s+)?(?:no\.?|number)\b.*description", stripped):
                continue
            if cur is not None:
                _close(cur, out, seen)
                cur = None
            break
    if cur is not None:
        _close(cur, out, seen)
    return out


def _close(cur: list, out: list[ListedExhibit], seen: set[str]) -> None:
    number = _norm_number(cur[0])
    desc = _finish(cur[1])
    if number in seen or (desc and len(desc) > 2000):
        return
    seen.add(number)
    out.append(ListedExhibit(number, desc, cur[2], cur[3]))


def strong_entries(text: str, start: int, end: int) -> list[ListedExhibit]:
    """Lines that name themselves exhibits ("Exhibit 99.01    Press Release.") anywhere."""
    out = []
    for m in _STRONG.finditer(text, start, end):
        if _plausible(m.group("num"), m.group("desc")):
            out.append(ListedExhibit(_norm_number(m.group("num")), _finish(m.group("desc")), m.start("num"), m.end()))
    return out


def exhibit_index_span(text: str, after: int) -> tuple[int, int] | None:
    m = _INDEX_HEADING.search(text, after)
    if not m:
        return None
    return m.end(), min(len(text), m.end() + 4000)


# --- tickers ----------------------------------------------------------------

_EXCHANGES = {
    "nasdaq": "NASDAQ",
    "nasdaqgs": "NASDAQ",
    "nasdaqgm": "NASDAQ",
    "nasdaqcm": "NASDAQ",
    "nasdaq/nms": "NASDAQ",
    "nasdaq nms": "NASDAQ",
    "nasdaq global select": "NASDAQ",
    "nasdaq global market": "NASDAQ",
    "nasdaq capital market": "NASDAQ",
    "nasdaq gs": "NASDAQ",
    "nyse": "NYSE",
    "new york stock exchange": "NYSE",
    "nyse american": "NYSE American",
    "nyse mkt": "NYSE American",
    "nyse amex": "NYSE American",
    "amex": "AMEX",
    "nyse arca": "NYSE Arca",
    "otc": "OTC",
    "otcbb": "OTC",
    "otc bb": "OTC",
    "otcqb": "OTC",
    "otcqx": "OTC",
    "otc markets": "OTC",
    "tsx": "TSX",
    "tsx-v": "TSX-V",
    "tsxv": "TSX-V",
    "cboe": "Cboe",
    "bats": "Cboe",
    "lse": "LSE",
    "asx": "ASX",
}
TICKER_RE = re.compile(
    r"\b(?P<ex>NASDAQ(?:\s?GS|\s?GM|\s?CM|/NMS|\s+NMS|\s+Global\s+Select|\s+Global\s+Market|\s+Capital\s+Market)?"
    r"|Nasdaq(?:GS|GM|CM|\s+Global\s+Select|\s+Global\s+Market|\s+Capital\s+Market)?"
    r"|NYSE(?:\s+American|\s+MKT|\s+Amex|\s+Arca)?|New\s+York\s+Stock\s+Exchange|AMEX|OTC(?:BB|QB|QX|\s+BB)?"
    r"|TSX(?:-?V)?|Cboe|BATS|LSE|ASX)\s*(?:[:]|\s-\s|\s+symbol\s*:?)\s*(?P<sym>[A-Z]{1,5}(?:[.-][A-Z]{1,2})?)\b"
)


_EXCHANGE_WORDS = (
    "NASDAQ",
    "Nasdaq",
    "NYSE",
    "New York Stock Exchange",
    "AMEX",
    "OTC",
    "TSX",
    "Cboe",
    "BATS",
    "LSE",
    "ASX",
)


def _ticker_matches(text: str) -> Iterator[re.Match[str]]:
    """TICKER_RE, tried only where an exchange's name occurs (found with str.find, in C)."""
    starts: set[int] = set()
    for word in _EXCHANGE_WORDS:
        i = text.find(word)
        while i >= 0:
            starts.add(i)
            i = text.find(word, i + 1)
    for i in sorted(starts):
        m = TICKER_RE.match(text, i)
        if m:
            yield m


def tickers(text: str) -> list[dict[str, str]]:
    """Exchange and symbol pairs named in the text ("(NASDAQ: IMGN)")."""
    out: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for m in _ticker_matches(text):
        ex = _EXCHANGES.get(" ".join(m.group("ex").lower().split()), m.group("ex").upper())
        key = (ex, m.group("sym"))
        if key not in seen:
            seen.add(key)
            out.append({"exchange": ex, "symbol": m.group("sym")})
    return out


# --- press release contacts ---------------------------------------------------

_CONTACT = re.compile(
    r"^[ \t]*(?:(?:investor|investors|media|press|company|financial|analyst)s?[ \t]+)?(?:relations[ \t]+)?"
    r"contacts?[ \t]*(?:information)?[ \t]*[:\-][ \t]*(?P<first>[^\n]*)$",
    re.I | re.M,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def contacts(text: str) -> list[dict[str, str | None]]:
    """Press-release contacts: "Contact: Name, Title ... (phone) ... email"."""
    from ..values import PHONE_RE, normalise_phone

    out: list[dict[str, str | None]] = []
    for m in _CONTACT.finditer(text[:6000]):
        first = m.group("first").strip()
        following = text[m.end() : m.end() + 400]
        lines = [ln.strip() for ln in following.split("\n") if ln.strip()][:4]
        name = first or (lines[0] if lines else "")
        name = re.split(r"\t|\s{2,}|\(\d{3}\)|\d{3}[-.]\d{3}[-.]\d{4}|@", name)[0].strip(" ,;:")
        if not name or sum(c.isalpha() for c in name) < 3 or len(name) > 80:
            continue
        block = "\n".join([first, *lines])
        ph = PHONE_RE.search(block)
        em = _EMAIL.search(block)
        out.append(
            {"name": name, "phone": normalise_phone(ph.group(0)) if ph else None, "email": em.group(0) if em else None}
        )
    return out
