"""Exhibits: the list of Item 9.01 (old Item 7), any exhibit index, and the
exhibit documents of a complete submission, linked by number.

Interactive-data exhibits (101.*, 104) are machine files: they are listed
apart from the exhibits people read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ListedExhibit", "exhibit_number_of_type", "is_machine_exhibit", "list_exhibits",
           "is_press_release", "TICKER_RE", "tickers"]

_EX_NUM = r"\d{1,3}(?:\.\d{1,3}){0,2}(?:\s?\([a-z0-9]{1,4}\))?(?:\.(?:INS|SCH|CAL|DEF|LAB|PRE))?"
_LINE = re.compile(
    r"^[ \t\-•*>·]*(?:\(?[a-z]\)[ \t]+)?(?:Exhibit|EXHIBIT|Ex\.|EX-)?[ \t]*(?:No\.?|Number)?[ \t]*"
    rf"(?P<num>{_EX_NUM})(?![\d/,%$])(?P<sep>[ \t]*[\t.:\-–—)]?[ \t]*)(?P<desc>[^\n]*)$",
    re.M,
)
_INDEX_HEADING = re.compile(r"^[ \t]*(?:EXHIBIT\s+INDEX|INDEX\s+TO\s+EXHIBITS|Exhibit\s+Index)\b.*$", re.M | re.I)
_PRESS = re.compile(r"press\s+release|news\s+release|earnings\s+release|press\s+announcement|"
                    r"news\s+announcement|release\s+dated|shareholder\s+letter", re.I)
_EX_TYPE = re.compile(r"^EX-(\d{1,3}(?:\.\d{1,3}){0,2}(?:\([a-z0-9]+\))?(?:\.[A-Z]{3})?)", re.I)


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
    return bool(number) and (number.startswith("101") or number == "104")


def is_press_release(description: str | None, text: str | None = None) -> bool:
    if description and _PRESS.search(description):
        return True
    if text:
        head = text[:3000]
        return bool(re.search(r"for\s+immediate\s+release|news\s+release|press\s+release", head, re.I))
    return False


def _plausible(num: str, desc: str) -> bool:
    n = re.sub(r"\s", "", num)
    major = int(re.match(r"\d+", n).group(0))
    if not (1 <= major <= 999):
        return False
    if major in (2, 3, 4, 10, 14, 16, 17, 20, 21, 23, 24, 99, 101, 104) or "." in n:
        return bool(desc.strip()) or "." in n
    return bool(desc.strip()) and major < 110


def list_exhibits(text: str, start: int, end: int) -> list[ListedExhibit]:
    """Exhibit entries (number, description) listed between ``start`` and ``end``."""
    out: list[ListedExhibit] = []
    seen: set[str] = set()
    for m in _LINE.finditer(text, start, end):
        num, desc = m.group("num"), m.group("desc")
        if not m.group("sep").strip() and desc and not desc[:1].isupper() and not desc.startswith(("(", '"', "'")):
            continue  # "10 days after..." is prose
        desc = desc.replace("\t", " ")
        if re.fullmatch(r"(?:\d{4}|\d{1,2}/\d{1,2}/\d{2,4})", re.sub(r"\s", "", num)):
            continue
        if not _plausible(num, desc):
            continue
        desc = " ".join(desc.split())
        # an index table's trailing page number ("... 1997  5") is not description
        desc = re.sub(r"\s+\d{1,3}$", "", desc) if re.search(r"\s{1}\d{1,3}$", desc) and len(desc) > 8 else desc
        desc = desc.strip(" .;:-–—") or None
        number = _norm_number(num)
        if number in seen or (desc and len(desc) > 400):
            continue
        seen.add(number)
        out.append(ListedExhibit(number, desc, m.start("num"), m.end()))
    return out


def exhibit_index_span(text: str, after: int) -> tuple[int, int] | None:
    m = _INDEX_HEADING.search(text, after)
    if not m:
        return None
    return m.end(), min(len(text), m.end() + 4000)


# --- tickers ----------------------------------------------------------------

_EXCHANGES = {
    "nasdaq": "NASDAQ", "nasdaqgs": "NASDAQ", "nasdaqgm": "NASDAQ", "nasdaqcm": "NASDAQ",
    "nasdaq/nms": "NASDAQ", "nasdaq nms": "NASDAQ", "nasdaq global select": "NASDAQ",
    "nasdaq global market": "NASDAQ", "nasdaq capital market": "NASDAQ", "nasdaq gs": "NASDAQ",
    "nyse": "NYSE", "new york stock exchange": "NYSE", "nyse american": "NYSE American",
    "nyse mkt": "NYSE American", "nyse amex": "NYSE American", "amex": "AMEX", "nyse arca": "NYSE Arca",
    "otc": "OTC", "otcbb": "OTC", "otc bb": "OTC", "otcqb": "OTC", "otcqx": "OTC", "otc markets": "OTC",
    "tsx": "TSX", "tsx-v": "TSX-V", "tsxv": "TSX-V", "cboe": "Cboe", "bats": "Cboe", "lse": "LSE",
    "asx": "ASX",
}
TICKER_RE = re.compile(
    r"\b(?P<ex>NASDAQ(?:\s?GS|\s?GM|\s?CM|/NMS|\s+NMS|\s+Global\s+Select|\s+Global\s+Market|\s+Capital\s+Market)?"
    r"|Nasdaq(?:GS|GM|CM|\s+Global\s+Select|\s+Global\s+Market|\s+Capital\s+Market)?"
    r"|NYSE(?:\s+American|\s+MKT|\s+Amex|\s+Arca)?|New\s+York\s+Stock\s+Exchange|AMEX|OTC(?:BB|QB|QX|\s+BB)?"
    r"|TSX(?:-?V)?|Cboe|BATS|LSE|ASX)\s*(?:[:]|\s-\s|\s+symbol\s*:?)\s*(?P<sym>[A-Z]{1,5}(?:[.-][A-Z]{1,2})?)\b"
)


def tickers(text: str) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for m in TICKER_RE.finditer(text):
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
        following = text[m.end(): m.end() + 400]
        lines = [ln.strip() for ln in following.split("\n") if ln.strip()][:4]
        name = first or (lines[0] if lines else "")
        name = re.split(r"\t|\s{2,}|\(\d{3}\)|\d{3}[-.]\d{3}[-.]\d{4}|@", name)[0].strip(" ,;:")
        if not name or sum(c.isalpha() for c in name) < 3 or len(name) > 80:
            continue
        block = "\n".join([first, *lines])
        ph = PHONE_RE.search(block)
        em = _EMAIL.search(block)
        out.append({"name": name, "phone": normalise_phone(ph.group(0)) if ph else None,
                    "email": em.group(0) if em else None})
    return out
