"""Written values -> normalised values: dates, EINs, phone numbers, file numbers, money,
numbers in words, fractions, percentages and durations.

Pure functions on strings.  Each ``*_RE`` finds candidates in running text;
each ``normalise_*`` turns one written form into the canonical one, or
returns ``None`` when the text is not such a value.
"""

from __future__ import annotations

import datetime as _dt
import re

__all__ = [
    "DATE_RE",
    "DATE_RE_LOWER",
    "DURATION_RE",
    "EIN_RE",
    "FILE_NUMBER_RE",
    "FRACTION_RE",
    "MONEY_RE",
    "PHONE_RE",
    "fraction_of",
    "money_of",
    "months_of",
    "number_of",
    "normalise_date",
    "normalise_ein",
    "normalise_file_number",
    "normalise_phone",
    "normalise_name",
]

_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH_ALT = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
DATE_RE = re.compile(
    r"(?=[\djfmasondJFMASOND])(?<![\w/])(?:"
    # December 11, 1997 / Dec. 11 1997 / December 11th, 1997 / December 11 ,1997
    rf"(?P<m1>{_MONTH_ALT})\.?\s*(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y1>(?:19|20)\d\d)"
    # 11 December 1997
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_ALT})\.?,?\s+(?P<y2>(?:19|20)\d\d)"
    # 12/11/1997, 12-11-97
    r"|(?P<m3>\d{1,2})\s*[/-]\s*(?P<d3>\d{1,2})\s*[/-]\s*(?P<y3>(?:19|20)?\d\d)(?![\d/-])"
    # 1997-12-11
    r"|(?P<y4>(?:19|20)\d\d)-(?P<m4>\d\d)-(?P<d4>\d\d)"
    r")(?!\w)",
    re.IGNORECASE,
)
#: the same, without IGNORECASE, for ASCII-lowercased text (several times faster)
DATE_RE_LOWER = re.compile(
    r"(?=[\djfmasondJFMASOND])(?<![\w/])(?:"
    # December 11, 1997 / Dec. 11 1997 / December 11th, 1997 / December 11 ,1997
    rf"(?P<m1>{_MONTH_ALT})\.?\s*(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y1>(?:19|20)\d\d)"
    # 11 December 1997
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH_ALT})\.?,?\s+(?P<y2>(?:19|20)\d\d)"
    # 12/11/1997, 12-11-97
    r"|(?P<m3>\d{1,2})\s*[/-]\s*(?P<d3>\d{1,2})\s*[/-]\s*(?P<y3>(?:19|20)?\d\d)(?![\d/-])"
    # 1997-12-11
    r"|(?P<y4>(?:19|20)\d\d)-(?P<m4>\d\d)-(?P<d4>\d\d)"
    r")(?!\w)"
)


def _date_from_match(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    try:
        if g["m1"]:
            month, day, year = _MONTHS[g["m1"].lower().rstrip(".")], int(g["d1"]), int(g["y1"])
        elif g["m2"]:
            month, day, year = _MONTHS[g["m2"].lower().rstrip(".")], int(g["d2"]), int(g["y2"])
        elif g["m3"]:
            month, day, year = int(g["m3"]), int(g["d3"]), int(g["y3"])
            if year < 100:
                year += 1900 if year >= 50 else 2000
        else:
            month, day, year = int(g["m4"]), int(g["d4"]), int(g["y4"])
        return _dt.date(year, month, day).isoformat()
    except (KeyError, ValueError):
        return None


def normalise_date(text: str | None) -> str | None:
    """``"December 11, 1997"`` -> ``"1997-12-11"``; also EDGAR's ``19971211``."""
    if not text:
        return None
    t = text.strip()
    if len(t) == 8 and t.isdigit():
        try:
            return _dt.date(int(t[:4]), int(t[4:6]), int(t[6:])).isoformat()
        except ValueError:
            return None
    m = DATE_RE.search(t)
    return _date_from_match(m) if m else None


def date_of(m: re.Match[str]) -> str | None:
    """The ISO date of a :data:`DATE_RE` match, or ``None`` for an impossible date."""
    return _date_from_match(m)


# each pattern opens with a look at the first character: the scan skips most positions at once
EIN_RE = re.compile(r"(?=\d)(?:(?<![\w-])(\d{2})\s?[-\u2013]\s?(\d{7})(?![\w-])|(?<![\w-])(\d{9})(?![\w-]))")


def normalise_ein(text: str | None) -> str | None:
    """``"04-2726691"`` / ``"042726691"`` -> ``"04-2726691"``."""
    if not text:
        return None
    digits = re.sub(r"\D", "", text)
    if len(digits) != 9 or digits == "000000000":
        return None
    return f"{digits[:2]}-{digits[2:]}"


FILE_NUMBER_RE = re.compile(r"(?=\d)(?<![\w./-])(\d{1,3})\s?-\s?(\d{3,6})(?:-(\d{1,3}))?(?![\w/]|-\d)")


def normalise_file_number(text: str | None, *, canonical: bool = False) -> str | None:
    """A Commission file number as written (``"0-17999"``).

    With ``canonical=True`` the leading zeros of the prefix are dropped, so
    ``"000-17999"`` and ``"0-17999"`` compare equal.
    """
    if not text:
        return None
    m = FILE_NUMBER_RE.search(text)
    if not m:
        return None
    prefix, number, suffix = m.group(1), m.group(2), m.group(3)
    if canonical:
        prefix = str(int(prefix))
        number = number.lstrip("0") or "0"
    out = f"{prefix}-{number}"
    return f"{out}-{suffix}" if suffix else out


PHONE_RE = re.compile(
    # international numbers first, so "+44 151 601 9477" is not read as (151) 601-9477
    r"(?=[\d+(])(?:(?<![\w+])\+(?!1[\s.(-])\d{1,3}[\d\s().-]{6,18}\d"
    r"|(?<![\w])(?:\+?1[\s.-]?)?(?:\((\d{3})\)|(\d{3}))[\s.-]*(\d{3})[\s.-]?(\d{4})(?![\w]))"
)


def normalise_phone(text: str | None) -> str | None:
    """North American numbers as ``(NPA) NXX-XXXX``; other numbers as written."""
    if not text:
        return None
    m = PHONE_RE.search(text)
    if not m:
        return None
    if m.group(3):
        area = m.group(1) or m.group(2)
        return f"({area}) {m.group(3)}-{m.group(4)}"
    return " ".join(m.group(0).split())


_SUFFIXES = frozenset(
    "inc incorporated corp corporation co company ltd limited llc lp plc nv sa ag the trust holding holdings"
    " group".split()
)


def normalise_name(text: str | None) -> str:
    """A company name reduced for comparison: EDGAR's ``/DE/`` tags, case, punctuation,
    spacing and legal suffixes dropped; ``&`` read as ``and``.

    ``"1-800-FLOWERS.COM, Inc."`` and ``"1 800 FLOWERS COM INC"`` both give ``"1800flowerscom"``.
    """
    if not text:
        return ""
    t = re.sub(r"/[A-Za-z0-9]{2,3}/?\s*$", "", text.strip()).lower().replace("&", " and ")
    t = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", t)  # "N.V." -> "NV."; "L.L.C." -> "LLC."
    t = re.sub(r"\b([a-z])\.(?=\s|$|,)", r"\1", t)
    words = re.findall(r"[a-z0-9]+", t.replace("'", ""))
    kept = [w for w in words if w not in _SUFFIXES] or words
    return "".join(kept)


# --- quantities in running text: money, numbers in words, fractions, durations --------------

_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mm": 1e6, "m": 1e6, "bn": 1e9, "b": 1e9}
# "$3.0 million", "$1.0625 per share", "US$ 25,000,000", "$2.5 billion"
MONEY_RE = re.compile(
    r"(?:US)?\$\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion)\b)?",
    re.I,
)

_WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty": 20,
    "thirty": 30,
    "thirty-six": 36,
    "forty-eight": 48,
    "sixty": 60,
    "ninety": 90,
    "single": 1,
    "a": 1,
    "an": 1,
}
_FRACTIONS = {
    "half": 0.5,
    "one-half": 0.5,
    "one half": 0.5,
    "one-third": 1 / 3,
    "one third": 1 / 3,
    "a third": 1 / 3,
    "two-thirds": 2 / 3,
    "two thirds": 2 / 3,
    "one-quarter": 0.25,
    "one quarter": 0.25,
    "a quarter": 0.25,
    "one-fourth": 0.25,
    "three-quarters": 0.75,
    "three quarters": 0.75,
    "three-fourths": 0.75,
    "one-fifth": 0.2,
}
FRACTION_RE = re.compile(
    r"\b(?P<frac>" + "|".join(sorted(map(re.escape, _FRACTIONS), key=len, reverse=True)) + r")\b"
    r"|(?P<pct>\d+(?:\.\d+)?)\s?(?:%|percent\b)",
    re.I,
)
_UNIT_MONTHS = {"year": 12, "month": 1, "week": 12 / 52, "day": 12 / 365}
DURATION_RE = re.compile(
    r"\b(?P<n>\d+|"
    + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
    + r")[\s-](?P<unit>year|month|week|day)s?\b",
    re.I,
)


def number_of(word: str) -> int | None:
    """``"two"`` -> 2, ``"18"`` -> 18; None for anything else."""
    w = word.strip().lower()
    if w.isdigit():
        return int(w)
    return _WORD_NUMBERS.get(w)


def whole(v: float) -> int | float:
    """A whole number as an int (3000000, not 3000000.0), any other as it is."""
    return int(v) if float(v).is_integer() else v


def money_of(m: re.Match[str]) -> float:
    """The US-dollar amount of a :data:`MONEY_RE` match: ``$3.0 million`` -> 3000000.0."""
    value = float(m.group("num").replace(",", ""))
    scale = (m.group("scale") or "").lower()
    return value * _SCALE.get(scale, 1.0)


def fraction_of(m: re.Match[str]) -> float:
    """``one-third`` -> 0.3333, ``25%`` -> 0.25 (rounded to 4 places)."""
    if m.group("frac"):
        return round(_FRACTIONS[m.group("frac").lower()], 4)
    return round(float(m.group("pct")) / 100, 4)


def months_of(m: re.Match[str]) -> float | None:
    """``two-year`` -> 24, ``18 months`` -> 18, ``90 days`` -> 2.96 (months)."""
    n = number_of(m.group("n"))
    if n is None:
        return None
    months = n * _UNIT_MONTHS[m.group("unit").lower()]
    return round(months, 2) if not float(months).is_integer() else int(months)
