"""Inline-XBRL ``dei:`` cover facts -> cover fields, per XBRL context."""

from __future__ import annotations

import re
from typing import Any

from ..jurisdictions import jurisdiction_code
from ..values import normalise_date, normalise_ein, normalise_phone
from .found import Found
from .text import IxFact, TextView

__all__ = [
    "BOOLEAN_FIELDS",
    "CHECKED",
    "UNCHECKED",
    "co_registrants",
    "from_ixbrl",
    "ix_address_phone",
    "main_context",
    "none_value",
    "rows_12b",
]

#: ballot boxes as written, checked and unchecked (Unicode boxes, Wingdings letters)
CHECKED = frozenset("☒☑✓✔✗✘xXþýü■⌧")
UNCHECKED = frozenset("☐□¨oq❑◻○")
#: the cover's yes/no fields
BOOLEAN_FIELDS = frozenset(
    (
        "amendment",
        "emerging_growth_company",
        "written_communications",
        "soliciting_material",
        "pre_commencement_tender_offer",
        "pre_commencement_issuer_tender_offer",
    )
)

_DEI_FIELDS = {
    "dei:entityregistrantname": "name",
    "dei:entityincorporationstatecountrycode": "state",
    "dei:entityfilenumber": "file_number",
    "dei:entitytaxidentificationnumber": "ein",
    "dei:documentperiodenddate": "date",
    "dei:documenttype": "form_type",
    "dei:amendmentflag": "amendment",
    "dei:entitycentralindexkey": "cik",
    "dei:entityemerginggrowthcompany": "emerging_growth_company",
    "dei:writtencommunications": "written_communications",
    "dei:solicitingmaterial": "soliciting_material",
    "dei:precommencementtenderoffer": "pre_commencement_tender_offer",
    "dei:precommencementissuertenderoffer": "pre_commencement_issuer_tender_offer",
    "dei:entityaddressaddressline1": "street1",
    "dei:entityaddressaddressline2": "street2",
    "dei:entityaddresscityortown": "city",
    "dei:entityaddressstateorprovince": "address_state",
    "dei:entityaddresspostalzipcode": "zip",
    "dei:entityaddresscountry": "address_country",
    "dei:cityareacode": "area_code",
    "dei:localphonenumber": "local_phone",
    "dei:security12btitle": "12b_title",
    "dei:tradingsymbol": "12b_symbol",
    "dei:securityexchangename": "12b_exchange",
}


def _ix_value(f: IxFact, field: str) -> Any:
    v = f.value.strip()
    fmt = (f.format or "").lower()
    if field in BOOLEAN_FIELDS:
        if "fixed-true" in fmt or "boolballotbox" in fmt and v in CHECKED or v.lower() == "true":
            return True
        if "fixed-false" in fmt or v.lower() == "false" or v in UNCHECKED or "boolballotbox" in fmt:
            return False
        return None
    if field == "date":
        return normalise_date(v)
    if field in ("state", "address_state", "address_country"):
        return jurisdiction_code(v) or v or None
    if field == "ein":  # 00-0000000 is how a registrant without one tags it: no number
        return normalise_ein(v) or (None if re.fullmatch(r"[\s0-]*", v or "") else v) or None
    return " ".join(v.split()) or None


def from_ixbrl(view: TextView) -> tuple[dict[str, list[tuple[str, Found]]], list[tuple[str, str, Found]]]:
    """dei facts by field, each with its context; and the 12(b) facts in order."""
    by_field: dict[str, list[tuple[str, Found]]] = {}
    twelve_b: list[tuple[str, str, Found]] = []
    for f in view.facts:
        field = _DEI_FIELDS.get(f.name.lower())
        if not field:
            continue
        value = _ix_value(f, field)
        if value is None:
            continue
        found = Found(value, "ixbrl", f.span, f.source_span)
        ctx = f.attrs.get("contextref", "")
        if field.startswith("12b_"):
            twelve_b.append((field, ctx, found))
        else:
            by_field.setdefault(field, []).append((ctx, found))
    return by_field, twelve_b


# --- the reading ------------------------------------------------------------


def main_context(ix: dict[str, list[tuple[str, Found]]]) -> str:
    names = ix.get("name") or ix.get("cik") or []
    return names[0][0] if names else ""


def ix_address_phone(fields: dict[str, list[Found]], ix: dict[str, list[tuple[str, Found]]], ctx: str) -> None:
    def one(k: str) -> Found | None:
        lst = ix.get(k) or []
        for c, f in lst:
            if c == ctx:
                return f
        return lst[0][1] if lst else None

    street1, street2, city, st, zp = (one(k) for k in ("street1", "street2", "city", "address_state", "zip"))
    st = st or one("address_country")

    def clean(f: Found | None) -> str | None:
        return f.value.strip(" ,;") or None if f else None

    if street1 or city or zp:
        street = ", ".join(v for v in (clean(street1), clean(street2)) if v)
        value = {"street": street or None, "city": clean(city), "state": clean(st), "zip": clean(zp)}
        src = next(f for f in (street1, city, zp) if f)
        fields.setdefault("address", []).insert(0, Found(value, "ixbrl", src.span, src.source_span))
    area, local = one("area_code"), one("local_phone")
    if local:
        code = area.value.strip("() ") if area else ""
        raw = f"({code}) {local.value}" if code.isdigit() else f"{code} {local.value}".strip()
        fields.setdefault("phone", []).insert(
            0, Found(normalise_phone(raw) or raw, "ixbrl", local.span, local.source_span)
        )
    for k in ("street1", "street2", "city", "address_state", "address_country", "zip", "area_code", "local_phone"):
        fields.pop(k, None)


def co_registrants(ix: dict[str, list[tuple[str, Found]]], main_ctx: str) -> list[dict[str, Found]]:
    others: dict[str, dict[str, Found]] = {}
    for field in ("name", "cik", "state", "file_number", "ein"):
        for ctx, f in ix.get(field, []):
            if ctx != main_ctx:
                others.setdefault(ctx, {}).setdefault(field, f)
    return [d for d in others.values() if "name" in d]


def rows_12b(twelve_b: list[tuple[str, str, Found]]) -> list[tuple[str | None, str | None, str | None]]:
    """One row per class of security: the facts of one context belong together."""
    by_ctx: dict[str, list[str | None]] = {}
    rows: list[list[str | None]] = []
    for field, ctx, f in twelve_b:
        idx = {"12b_title": 0, "12b_symbol": 1, "12b_exchange": 2}[field]
        row = by_ctx.get(ctx) if ctx else None
        if row is None or row[idx] is not None:
            row = [None, None, None]
            rows.append(row)
            if ctx:
                by_ctx[ctx] = row
        row[idx] = f.value
    cleaned = [tuple(None if none_value(v) else v for v in r) for r in rows]
    return [(r[0], r[1], r[2]) for r in cleaned if r[1] or r[2]]


def none_value(v: str | None) -> bool:
    return v is None or bool(re.fullmatch(r"(?i)\W*(?:n/?a|none|not\s+applicable)?\W*", v))
