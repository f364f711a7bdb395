"""The Form 8-K items, as data.

Two numberings: items 1-12 of 8-Ks filed before 23 August 2004, and the modern
items 1.01-9.01 since.  Each item has its official title, the titles seen in
filings (variants), the dates it existed, and, for the old items, the modern
code it maps to.  Everything that reasons about items reads this table; the
item reference in ``docs/items.md`` is generated from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CATALOG", "MODERN_START", "ItemDef", "by_code", "modern_code", "match_title", "old_items_on"]

#: 8-Ks filed on or after this date use the modern numbering
MODERN_START = "2004-08-23"


@dataclass(frozen=True, slots=True)
class ItemDef:
    number: str  # as numbered in its era: "5" or "8.01"
    era: str  # "old" (before 2004-08-23) or "modern"
    title: str  # official title
    code: str  # the modern code it stands for
    start: str | None = None  # first day it could be reported (None: since EDGAR began)
    end: str | None = None  # last day (None: still in force)
    variants: tuple[str, ...] = ()  # other titles seen in filings


_OLD = [
    ItemDef("1", "old", "Changes in Control of Registrant", "5.01", end="2004-08-22"),
    ItemDef(
        "2",
        "old",
        "Acquisition or Disposition of Assets",
        "2.01",
        end="2004-08-22",
        variants=("Acquisition and Disposition of Assets", "Disposition of Assets", "Acquisition of Assets"),
    ),
    ItemDef("3", "old", "Bankruptcy or Receivership", "1.03", end="2004-08-22"),
    ItemDef(
        "4",
        "old",
        "Changes in Registrant's Certifying Accountant",
        "4.01",
        end="2004-08-22",
        variants=(
            "Changes in Registrant's Certifying Accountants",
            "Change in Registrant's Certifying Accountant",
            "Changes in Certifying Accountant",
        ),
    ),
    ItemDef(
        "5",
        "old",
        "Other Events",
        "8.01",
        end="2004-08-22",
        variants=(
            "Other Events and Regulation FD Disclosure",
            "Other Events and Required FD Disclosure",
            "Other Information",
        ),
    ),
    ItemDef(
        "6",
        "old",
        "Resignations of Registrant's Directors",
        "5.02",
        end="2004-08-22",
        variants=("Resignation of Registrant's Directors", "Resignations of Directors"),
    ),
    ItemDef(
        "7",
        "old",
        "Financial Statements and Exhibits",
        "9.01",
        end="2004-08-22",
        variants=(
            "Financial Statements, Pro Forma Financial Information and Exhibits",
            "Financial Statements, Pro Forma Financial Statements and Exhibits",
            "Exhibits",
        ),
    ),
    ItemDef("8", "old", "Change in Fiscal Year", "5.03", end="2004-08-22"),
    # Item 9 was "Sales of Equity Securities Pursuant to Regulation S" until Regulation FD
    ItemDef("9", "old", "Sales of Equity Securities Pursuant to Regulation S", "3.02", end="2000-10-22"),
    ItemDef(
        "9",
        "old",
        "Regulation FD Disclosure",
        "7.01",
        start="2000-10-23",
        end="2004-08-22",
        variants=("Regulation FD", "Reg FD Disclosure"),
    ),
    ItemDef(
        "10",
        "old",
        "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics",
        "5.05",
        start="2003-03-03",
        end="2004-08-22",
    ),
    ItemDef(
        "11",
        "old",
        "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans",
        "5.04",
        start="2003-03-31",
        end="2004-08-22",
    ),
    ItemDef(
        "12",
        "old",
        "Results of Operations and Financial Condition",
        "2.02",
        start="2003-03-28",
        end="2004-08-22",
        variants=("Disclosure of Results of Operations and Financial Condition",),
    ),
]

_M = MODERN_START


def _modern(number: str, title: str, start: str = _M, variants: tuple[str, ...] = ()) -> ItemDef:
    return ItemDef(number, "modern", title, number, start, variants=variants)


_MODERN = [
    _modern("1.01", "Entry into a Material Definitive Agreement"),
    _modern("1.02", "Termination of a Material Definitive Agreement"),
    _modern("1.03", "Bankruptcy or Receivership"),
    _modern("1.04", "Mine Safety - Reporting of Shutdowns and Patterns of Violations", "2010-08-27"),
    _modern("1.05", "Material Cybersecurity Incidents", "2023-12-18"),
    _modern("2.01", "Completion of Acquisition or Disposition of Assets"),
    _modern("2.02", "Results of Operations and Financial Condition"),
    _modern(
        "2.03",
        "Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement of a Registrant",
    ),
    _modern(
        "2.04",
        "Triggering Events That Accelerate or Increase a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement",
    ),
    _modern("2.05", "Costs Associated with Exit or Disposal Activities"),
    _modern("2.06", "Material Impairments"),
    _modern(
        "3.01", "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; Transfer of Listing"
    ),
    _modern("3.02", "Unregistered Sales of Equity Securities"),
    _modern("3.03", "Material Modification to Rights of Security Holders"),
    _modern("4.01", "Changes in Registrant's Certifying Accountant"),
    _modern(
        "4.02",
        "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or Completed Interim Review",
    ),
    _modern("5.01", "Changes in Control of Registrant"),
    _modern(
        "5.02",
        "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers; Compensatory Arrangements of Certain Officers",
        variants=(
            "Departure of Directors or Principal Officers; Election of Directors; Appointment of Principal Officers",
        ),
    ),
    _modern("5.03", "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year"),
    _modern("5.04", "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans"),
    _modern("5.05", "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics"),
    _modern("5.06", "Change in Shell Company Status", "2005-11-07"),
    _modern("5.07", "Submission of Matters to a Vote of Security Holders", "2010-02-28"),
    _modern("5.08", "Shareholder Director Nominations", "2010-11-15"),
    _modern("6.01", "ABS Informational and Computational Material", "2006-03-01"),
    _modern("6.02", "Change of Servicer or Trustee", "2006-03-01"),
    _modern("6.03", "Change in Credit Enhancement or Other External Support", "2006-03-01"),
    _modern("6.04", "Failure to Make a Required Distribution", "2006-03-01"),
    _modern("6.05", "Securities Act Updating Disclosure", "2006-03-01"),
    _modern("6.06", "Static Pool", "2014-11-23"),
    _modern("7.01", "Regulation FD Disclosure"),
    _modern("8.01", "Other Events"),
    _modern("9.01", "Financial Statements and Exhibits"),
]

CATALOG: tuple[ItemDef, ...] = tuple(_OLD + _MODERN)
_BY_MODERN = {d.number: d for d in _MODERN}


def by_code(code: str) -> ItemDef | None:
    """The modern item with this code."""
    return _BY_MODERN.get(code)


def era_of(filed: str | None) -> str:
    """``"old"`` before 23 August 2004, else ``"modern"`` (unknown dates read as modern)."""
    return "old" if filed and filed < MODERN_START else "modern"


def old_items_on(date: str | None) -> dict[str, ItemDef]:
    """The old items in force on a date, by number."""
    out: dict[str, ItemDef] = {}
    for d in _OLD:
        if date and ((d.start and date < d.start) or (d.end and date > d.end)):
            continue
        out.setdefault(d.number, d)
    if not date:  # undated: Item 9 is most often Regulation FD
        out["9"] = _OLD[9]
    return out


def modern_code(number: str, date: str | None) -> str | None:
    """The modern code of an item number as filed, read in the numbering of its era.

    ``modern_code("5", "1997-12-11") == "8.01"``; ``modern_code("5", "2006-01-01") is None``.
    """
    n = number.strip()
    if era_of(date) == "old":
        d = old_items_on(date).get(n.lstrip("0") or n)
        if d:
            return d.code
        return None
    m = re.fullmatch(r"(\d)\s*\.\s*(\d{1,2})", n)
    if not m:
        return None
    code = f"{m.group(1)}.{int(m.group(2)):02d}"
    return code if code in _BY_MODERN else None


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", s.lower().replace("’", "'").replace("'s", "s")).split())


_TITLE_INDEX: list[tuple[str, ItemDef]] = sorted(
    ((_norm(t), d) for d in CATALOG for t in (d.title, *d.variants)), key=lambda x: -len(x[0])
)


def match_title(title: str, date: str | None = None) -> ItemDef | None:
    """The item whose official title or a seen variant this heading or header line is.

    The era's items are preferred: "Other Events" is 8.01 in both numberings.
    """
    t = _norm(title)
    if not t:
        return None
    era = era_of(date)
    best = None
    for norm, d in _TITLE_INDEX:
        if t == norm or (len(norm) >= 12 and t.startswith(norm)) or (len(t) >= 12 and norm.startswith(t)):
            if d.era == era:
                return d
            best = best or d
    return best


def catalog_markdown() -> str:
    """The item reference, as Markdown (``docs/items.md`` is this text)."""
    lines = [
        "# Form 8-K items",
        "",
        "Generated from `src/eightk/catalog.py` by `eightk items --markdown`; do not edit by hand.",
        "",
        f"8-Ks filed before {MODERN_START} use items 1-12; since then, items 1.01-9.01. eightk reports",
        "every item under its modern `code`; the old number stays in `number_as_filed`.",
        "",
        "## Items 1-12 (before 23 August 2004)",
        "",
        "| item | title | in force | modern code | titles also seen |",
        "|---|---|---|---|---|",
    ]
    for d in _OLD:
        span = f"{d.start or 'EDGAR start'} to {d.end or 'now'}"
        lines.append(f"| {d.number} | {d.title} | {span} | {d.code} | {'; '.join(d.variants)} |")
    lines += [
        "",
        "## Items 1.01-9.01 (since 23 August 2004)",
        "",
        "| item | title | in force since | titles also seen |",
        "|---|---|---|---|",
    ]
    for d in _MODERN:
        lines.append(f"| {d.number} | {d.title} | {d.start} | {'; '.join(d.variants)} |")
    return "\n".join(lines) + "\n"
