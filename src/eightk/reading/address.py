"""Postal addresses as cover pages write them -> street, city, state, zip."""

from __future__ import annotations

import re

from ..jurisdictions import US_CODES, find_jurisdictions

__all__ = ["parse_address", "strip_label_fragments"]

_ZIP = re.compile(r"\b\d{5}(?:\s?-\s?\d{4})?\b|\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b")
_STREET_END = re.compile(
    r"^(.*\b(?:street|st|avenue|ave|road|rd|drive|dr|boulevard|blvd|highway|hwy|way|lane|ln"
    r"|place|pl|plaza|parkway|pkwy|court|ct|circle|center|centre|square|suite\s+\w+|floor"
    r"|building|box\s+\d+|tower|park|pike|turnpike|route\s+\d+|terrace)\.?)\s+(.+)$",
    re.I,
)


def strip_label_fragments(line: str) -> str:
    """Blank out parenthesised label text and the tails of labels split over lines."""
    out = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), line)
    while True:  # tails of labels: "of Incorporation)    Identification No.)"
        m = re.match(r"^[^()]*?\S[^()]*\)", out)
        if not m or re.search(r"\d", m.group(0)):
            break
        out = " " * m.end() + out[m.end() :]
    return re.sub(
        r"\([^()]*$", lambda m: " " * len(m.group(0)) if not re.search(r"\d", m.group(0)) else m.group(0), out
    )


_UNIT = re.compile(
    r"^((?:suite|ste\.?|unit|floor|fl\.|room|rm\.|#|building|bldg\.?|p\.?\s?o\.?\s+box)\s*[\w-]+"
    r"|[NS]\.?\s?[EW]\.?)\s+(.+)$",
    re.I,
)


def parse_address(block: str) -> dict[str, str | None] | None:
    """``"333 Providence Highway, Norwood, Massachusetts 02062"`` -> street, city, state, zip."""
    s = re.sub(r"\s*[\t\n\x0b]+\s*", ", ", block)
    s = re.sub(r"\((?:zip|postal)\s+code\)|\(address[^)]*\)", " ", s, flags=re.I)
    s = " ".join(s.split()).strip(" ,;")
    s = re.sub(r"\s*,(\s*,)+", ",", s)
    if not s or not re.search(r"\d", s) and not find_jurisdictions(s):
        return None
    zips = list(_ZIP.finditer(s))
    zip_code = None
    before = s
    if zips:
        z = zips[-1]
        # a five-digit street number at the start is not a zip code
        if z.start() > 0:
            zip_code = re.sub(r"\s", "", z.group(0))
            before = s[: z.start()].rstrip(" ,")
            after = s[z.end() :].strip(" ,(")
            if sum(c.isalpha() for c in after) >= 3:
                # the zip printed in a column beside the street: "3333 Beverly Road  60179,
                # Hoffman Estates, Illinois"
                before = before + ", " + after
    state = None
    places = find_jurisdictions(before)
    last = places[-1] if places else None
    code_m = re.search(r"(?:,\s*|\s)([A-Z]{2})\.?$", before)
    if code_m and code_m.group(1) in US_CODES:
        state = code_m.group(1)
        before = before[: code_m.start()]
    elif last is not None and before[last[0][1] :].strip(" ,.") == "":
        state = last[1]
        before = before[: last[0][0]]
    before = before.rstrip(" ,")
    street = city = None
    if "," in before:
        street, city = (p.strip() for p in before.rsplit(",", 1))
    else:
        se = _STREET_END.match(before)
        if se:
            street, city = se.group(1).strip(), se.group(2).strip()
        elif before:
            street = before
    if city and (re.search(r"\d", city) or len(city.split()) > 3):
        sm2 = _STREET_END.match(city)  # "4th Floor 127 West Broad Street Lake Charles"
        if sm2:
            street = f"{street}, {sm2.group(1)}" if street else sm2.group(1)
            city = sm2.group(2)
    if city:
        um = _UNIT.match(city)
        if um:  # "24843 Del Prado, Suite 326 Dana Point"
            street = f"{street}, {um.group(1)}" if street else um.group(1)
            city = um.group(2)
    if city and re.search(r"\d", city) and not street:
        street, city = city, None
    if not (zip_code or state):
        return None
    return {"street": street or None, "city": city or None, "state": state, "zip": zip_code}
