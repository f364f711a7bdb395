"""States, provinces and countries as EDGAR codes them (data, not logic).

US states and territories use their USPS codes; Canadian provinces and other
countries use EDGAR's two-character codes (``A6`` Ontario, ``E9`` Cayman
Islands, ...).  Names are matched case-insensitively; each code may have
several written forms.
"""

from __future__ import annotations

import re

__all__ = ["CODE_TO_NAME", "NAME_TO_CODE", "US_CODES", "find_jurisdictions", "jurisdiction_code"]

_US = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "PR": "Puerto Rico",
    "GU": "Guam",
    "VI": "U.S. Virgin Islands",
}

_OTHER = {
    "A0": "Alberta",
    "A1": "British Columbia",
    "A2": "Manitoba",
    "A3": "New Brunswick",
    "A4": "Newfoundland",
    "A5": "Nova Scotia",
    "A6": "Ontario",
    "A7": "Prince Edward Island",
    "A8": "Quebec",
    "A9": "Saskatchewan",
    "B0": "Yukon",
    "Z4": "Canada",
    "C1": "Argentina",
    "C3": "Australia",
    "C4": "Austria",
    "C5": "Bahamas",
    "C8": "Barbados",
    "C9": "Belgium",
    "D0": "Bermuda",
    "D5": "Brazil",
    "D8": "British Virgin Islands",
    "E9": "Cayman Islands",
    "F3": "Chile",
    "F4": "China",
    "F8": "Colombia",
    "G4": "Cyprus",
    "G7": "Denmark",
    "H9": "Finland",
    "I0": "France",
    "2M": "Germany",
    "J1": "Gibraltar",
    "J3": "Greece",
    "Y7": "Guernsey",
    "K3": "Hong Kong",
    "K7": "India",
    "K8": "Indonesia",
    "L2": "Ireland",
    "Y8": "Isle of Man",
    "L3": "Israel",
    "L6": "Italy",
    "L8": "Jamaica",
    "M0": "Japan",
    "Y9": "Jersey",
    "M5": "Korea",
    "N2": "Liechtenstein",
    "N4": "Luxembourg",
    "N8": "Malaysia",
    "O1": "Malta",
    "1T": "Marshall Islands",
    "O4": "Mauritius",
    "O5": "Mexico",
    "O9": "Monaco",
    "P7": "Netherlands",
    "P8": "Netherlands Antilles",
    "Q2": "New Zealand",
    "Q8": "Norway",
    "R1": "Panama",
    "R5": "Peru",
    "R6": "Philippines",
    "R9": "Poland",
    "S1": "Portugal",
    "1Z": "Russian Federation",
    "U0": "Singapore",
    "T3": "South Africa",
    "U3": "Spain",
    "V7": "Sweden",
    "V8": "Switzerland",
    "F5": "Taiwan",
    "W1": "Thailand",
    "W8": "Turkey",
    "C0": "United Arab Emirates",
    "X0": "United Kingdom",
    "X3": "Uruguay",
    "X5": "Venezuela",
    "Q1": "Vietnam",
    "X1": "United States",
}

#: extra written forms seen on cover pages
_VARIANTS = {
    "DE": ["Del.", "Del"],
    "MA": ["Mass.", "Commonwealth of Massachusetts"],
    "PA": ["Penn.", "Commonwealth of Pennsylvania"],
    "VA": ["Commonwealth of Virginia"],
    "KY": ["Commonwealth of Kentucky"],
    "NY": ["N.Y."],
    "NJ": ["N.J."],
    "CA": ["Calif."],
    "DC": ["Washington, D.C.", "D.C."],
    "D8": ["British Virgin Islands", "Virgin Islands, British", "B.V.I."],
    "X0": ["England and Wales", "England", "Scotland", "Great Britain", "U.K."],
    "M5": ["Republic of Korea", "South Korea"],
    "1Z": ["Russia"],
    "Z4": ["Canada (Federal)", "Canada"],
    "VI": ["Virgin Islands"],
    "X1": ["United States of America", "U.S.A."],
}

CODE_TO_NAME: dict[str, str] = {**_US, **_OTHER}
US_CODES = frozenset(_US)

NAME_TO_CODE: dict[str, str] = {}
for _code, _name in CODE_TO_NAME.items():
    NAME_TO_CODE[_name.lower()] = _code
for _code, _names in _VARIANTS.items():
    for _name in _names:
        NAME_TO_CODE.setdefault(_name.lower(), _code)


def jurisdiction_code(text: str | None) -> str | None:
    """The EDGAR code for a written state or country name, or a code itself."""
    if not text:
        return None
    t = " ".join(text.replace("\n", " ").split()).strip(" ,;:()")
    if not t:
        return None
    upper = t.upper()
    if upper in CODE_TO_NAME:
        return upper
    code = NAME_TO_CODE.get(t.lower())
    if code:
        return code
    t2 = re.sub(r"^(?:the\s+)?(?:state|commonwealth|province|republic)\s+of\s+", "", t, flags=re.I)
    return NAME_TO_CODE.get(t2.lower().rstrip("."))


_WORD = re.compile(r"[A-Z][A-Za-z.'-]*|[a-z][a-z.'-]*")
#: for each first word of a name, the most words a name starting with it has
_FIRST: dict[str, int] = {}
for _name in NAME_TO_CODE:
    _w = _name.replace(",", "").split()
    _FIRST[_w[0]] = max(_FIRST.get(_w[0], 0), len(_w))


def find_jurisdictions(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[tuple[int, int], str]]:
    """Written names of jurisdictions in ``text[lo:hi]``, longest first, with their codes.

    A scan over capitalised words and a dictionary look-up: far cheaper than one
    regular expression with every name in it.
    """
    words = [
        (m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text, lo, len(text) if hi is None else hi)
    ]
    out: list[tuple[tuple[int, int], str]] = []
    i = 0
    while i < len(words):
        most = _FIRST.get(words[i][2]) if text[words[i][0]].isupper() else None
        hit = None
        if most:
            for n in range(min(most, len(words) - i), 0, -1):
                group = words[i : i + n]
                # the words of one name stand apart by spaces (or ", " as in "Washington, D.C.")
                if any(
                    text[a[1] : b[0]].strip(" ,\t\n") or "\n\n" in text[a[1] : b[0]]
                    for a, b in zip(group, group[1:], strict=False)
                ):
                    continue
                key = " ".join(w[2] for w in group)
                code = NAME_TO_CODE.get(key) or NAME_TO_CODE.get(key.rstrip("."))
                if code is None and n > 1:
                    code = NAME_TO_CODE.get(", ".join((" ".join(w[2] for w in group[:-1]), group[-1][2])))
                if code:
                    hit = ((group[0][0], group[-1][1]), code, n)
                    break
        if hit:
            out.append((hit[0], hit[1]))
            i += hit[2]
        else:
            i += 1
    return out
