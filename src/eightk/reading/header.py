"""The SEC header of a complete submission -> :class:`~eightk.model.Header`.

Reads both dialects EDGAR has used: the indented ``KEY: value`` lines of
``<SEC-HEADER>``/``<IMS-HEADER>`` and the ``<TAG>value`` lines of the
``<SUBMISSION>`` layout.  Keys of both are mapped to one vocabulary (data,
below), so one state machine reads them.
"""

from __future__ import annotations

import re

from ..model import Address, Header, HeaderFiler
from ..values import normalise_date, normalise_ein

__all__ = ["parse_header"]

#: sections that start a new party of the filing
_ROLES = {
    "FILER": "filer",
    "SUBJECT COMPANY": "subject company",
    "FILED BY": "filed by",
    "REPORTING OWNER": "reporting owner",
    "ISSUER": "issuer",
    "DEPOSITOR": "depositor",
    "SECURITIZER": "securitizer",
    "ISSUING ENTITY": "issuing entity",
    "SERIAL COMPANY": "serial company",
}
#: sub-sections within a party
_SECTIONS = {
    "COMPANY DATA": "company",
    "OWNER DATA": "company",
    "FILING VALUES": "values",
    "BUSINESS ADDRESS": "business",
    "MAIL ADDRESS": "mail",
    "FORMER COMPANY": "former",
    "FORMER NAME": "former",
}
#: filing-level keys -> field
_FILING_KEYS = {
    "ACCESSION NUMBER": "accession_number",
    "CONFORMED SUBMISSION TYPE": "form_type",
    "TYPE": "form_type",
    "CONFORMED PERIOD OF REPORT": "period_of_report",
    "PERIOD": "period_of_report",
    "FILED AS OF DATE": "filed_date",
    "FILING DATE": "filed_date",
    "ACCEPTANCE DATETIME": "acceptance_datetime",
    "PUBLIC DOCUMENT COUNT": "public_document_count",
    "ITEM INFORMATION": "items",
    "ITEMS": "items",
}
#: party keys -> field
_PARTY_KEYS = {
    "COMPANY CONFORMED NAME": "name",
    "CONFORMED NAME": "name",
    "CENTRAL INDEX KEY": "cik",
    "CIK": "cik",
    "STANDARD INDUSTRIAL CLASSIFICATION": "sic",
    "ASSIGNED SIC": "sic",
    "IRS NUMBER": "irs_ein",
    "EIN": "irs_ein",
    "STATE OF INCORPORATION": "state_of_incorporation",
    "FISCAL YEAR END": "fiscal_year_end",
    "FORM TYPE": "form_type",
    "SEC ACT": "sec_act",
    "ACT": "sec_act",
    "SEC FILE NUMBER": "commission_file_number",
    "FILE NUMBER": "commission_file_number",
    "FILM NUMBER": "film_number",
}
_ADDRESS_KEYS = {
    "STREET 1": "street1",
    "STREET1": "street1",
    "STREET 2": "street2",
    "STREET2": "street2",
    "CITY": "city",
    "STATE": "state",
    "ZIP": "zip",
    "BUSINESS PHONE": "phone",
    "PHONE": "phone",
}
_FORMER_KEYS = {
    "FORMER CONFORMED NAME": "name",
    "DATE OF NAME CHANGE": "date",
    "DATE CHANGED": "date",
}

_TAG_LINE = re.compile(r"^<(/?)([A-Z0-9_-]+)>\s*(.*)$", re.I)


def _key(k: str) -> str:
    return " ".join(k.replace("-", " ").replace("_", " ").upper().split())


def _address(d: dict[str, str]) -> Address | None:
    if not d:
        return None
    street = ", ".join(v for v in (d.get("street1"), d.get("street2")) if v) or None
    return Address(street=street, city=d.get("city"), state=d.get("state"), zip=d.get("zip"))


class _Party:
    def __init__(self, role: str) -> None:
        self.role = role
        self.values: dict[str, str] = {}
        self.business: dict[str, str] = {}
        self.mail: dict[str, str] = {}
        self.former: list[dict[str, str]] = []

    def build(self) -> HeaderFiler:
        v = self.values
        ein = v.get("irs_ein")
        return HeaderFiler(
            role=self.role,
            name=v.get("name"),
            cik=v.get("cik"),
            sic=v.get("sic"),
            irs_ein=normalise_ein(ein) or (ein or None),
            state_of_incorporation=v.get("state_of_incorporation"),
            fiscal_year_end=v.get("fiscal_year_end"),
            form_type=v.get("form_type"),
            sec_act=v.get("sec_act"),
            commission_file_number=v.get("commission_file_number"),
            film_number=v.get("film_number"),
            business_address=_address(self.business),
            business_phone=self.business.get("phone"),
            mail_address=_address(self.mail),
            former_names=tuple(
                {"name": f.get("name"), "date_changed": normalise_date(f.get("date"))} for f in self.former
            ),
        )


def parse_header(text: str, layout: str) -> Header:
    """The header text (between the header tags) -> :class:`Header`."""
    filing: dict[str, str] = {}
    items: list[str] = []
    parties: list[_Party] = []
    party: _Party | None = None
    section: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        tm = _TAG_LINE.match(line)
        if tm:
            closing, key, value = tm.group(1) == "/", _key(tm.group(2)), tm.group(3).strip()
            if closing:
                if key in _ROLES:
                    party, section = None, None
                elif key in _SECTIONS:
                    section = None
                continue
        else:
            key, sep, value = line.partition(":")
            if not sep:
                continue
            key, value = _key(key), value.strip()
        if key in _ROLES and not value:
            party = _Party(_ROLES[key])
            parties.append(party)
            section = None
            continue
        if key in _SECTIONS and not value:
            section = _SECTIONS[key]
            if section == "former" and party is not None:
                party.former.append({})
            continue
        if key in _FILING_KEYS and (party is None or key in ("ITEM INFORMATION", "ITEMS")):
            f = _FILING_KEYS[key]
            if f == "items":
                if value:
                    items.append(value)
            else:
                filing.setdefault(f, value)
            continue
        if party is None:
            continue
        if section in ("business", "mail") and key in _ADDRESS_KEYS:
            getattr(party, section)[_ADDRESS_KEYS[key]] = value
        elif section == "former" and key in _FORMER_KEYS:
            if not party.former:
                party.former.append({})
            party.former[-1][_FORMER_KEYS[key]] = value
        elif key in _PARTY_KEYS:
            party.values.setdefault(_PARTY_KEYS[key], value)
    count = filing.get("public_document_count", "")
    return Header(
        layout=layout,
        accession_number=filing.get("accession_number"),
        form_type=filing.get("form_type"),
        filed_date=normalise_date(filing.get("filed_date")),
        period_of_report=normalise_date(filing.get("period_of_report")),
        acceptance_datetime=_datetime(filing.get("acceptance_datetime")),
        public_document_count=int(count) if count.isdigit() else None,
        items=tuple(items),
        filers=tuple(p.build() for p in parties),
    )


def _datetime(v: str | None) -> str | None:
    if not v or not v.isdigit() or len(v) != 14:
        return v or None
    return f"{v[:4]}-{v[4:6]}-{v[6:8]}T{v[8:10]}:{v[10:12]}:{v[12:]}"
