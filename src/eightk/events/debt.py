"""Debt financings: credit facilities, loans and notes (Item 2.03; Item 1.01 when the agreement
is one): the instrument, the amount (a facility's size, a note's principal, the new size of an
increased facility), the lenders or agent, the maturity date and the interest terms.

Item 2.03 often only points at Item 1.01 ("The information set forth above under Item 1.01
is incorporated herein by reference"): then both are read, as one event under 2.03.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Event, Evidence, Filing
from ..values import DATE_RE, MONEY_RE, date_of, money_of, whole
from . import register
from ._text import defined_terms, evidence, is_registrant, item_spans, named_with, referenced, sentences

_INSTRUMENT = re.compile(
    r"\b(?P<kind>(?:senior\s+|secured\s+|unsecured\s+|supplemental\s+|revolving\s+|convertible\s+)*"
    r"(?:credit\s+agreement|credit\s+facility|line\s+of\s+credit|term\s+loans?(?:\s+facility)?|loan\s+agreement|"
    r"promissory\s+note|note\s+purchase\s+agreement|indenture|(?:senior\s+)?notes\s+due\s+\d{4}|"
    r"revolving\s+credit\s+facility|bridge\s+(?:loan|facility)|loan\s+facility|credit\s+line))\b",
    re.I,
)
_AMOUNT_CUE = re.compile(
    r"(?:up\s+to(?:\s+and\s+including)?|in\s+the\s+(?:aggregate\s+)?(?:original\s+)?(?:principal\s+)?amount\s+of|"
    r"(?:maximum\s+|aggregate\s+|original\s+)*principal\s+amount\s+(?:of\s+(?:the\s+)?[\w\s]{0,40}?\s)?(?:is|was|of)|advances?\s+of|(?:outstanding\s+)?principal\s+balance\s+of|"
    r"aggregate\s+commitments?\s+of|commitments?\s+(?:of|totaling)|borrowings?\s+of|a\s+total\s+of|exceed)\s*"
    r"(?:[A-Z][\w\s-]*?Dollars\s*\()?$",
    re.I,
)
_INCREASED = re.compile(r"\bincreas\w*\b[^.]{0,120}?\bfrom\s+\$[\d,.]+(?:\s+(?:million|billion))?\s+to\s+$", re.I)
_MATURITY = re.compile(
    r"\b(?:matur(?:ity|es|e|ing)|Maturity\s+Date|due\s+(?:and\s+payable\s+)?on|terminat\w+\s+on|through)\b", re.I
)
_BENCHMARK = re.compile(
    r"\b(?P<b>prime(?:\s+lending)?\s+rate|prime|(?:one|three|six)[-\s]month\s+LIBOR|LIBOR|(?:Adjusted\s+)?(?:Term\s+)?SOFR|"
    r"federal\s+funds\s+rate|base\s+rate|EURIBOR)\b(?:(?:[^.;]|\.(?=\d)){0,400}?\bplus\s+(?:an?\s+applicable\s+margin\s+"
    r"(?:ranging\s+)?(?:from\s+)?|between\s+)?"
    r"(?:[a-z\- ]+percent\s+\()?(?P<m>\d+(?:\.\d+)?)\s*%)?",
    re.I,
)
_FALLBACK = re.compile(r"\b(?:highest|greatest)\s+of\b", re.I)
_PREFERRED = ("SOFR", "LIBOR", "EURIBOR", "prime", "federal funds", "base rate")  # the loan's rate before its fallbacks
_FIXED = re.compile(
    r"\b(?:bears?|bearing|accrues?|accruing)\s+(?:[A-Z]{2,5}\s+)?interest\s+at\s+(?:a\s+(?:fixed\s+)?rate\s+of\s+|the\s+rate\s+of\s+)?"
    r"(?P<r>\d+(?:\.\d+)?)\s*%|\b(?P<r2>\d+(?:\.\d+)?)\s*%\s+(?:[\w-]+\s+){0,6}?notes\b",
    re.I,
)
_ENTITY = (
    r"(?P<who>(?:[A-Z][\w&'.-]*|&)(?:\s+(?:[A-Z][\w&'.-]*|&|and|of))*?"
    r"(?:,?\s+(?:N\.A\.|Inc\.|LLC|L\.P\.|LP|Ltd\.|plc|AG|Corp\.|Corporation|Company|Bank|Association|Trust))*)"
)
_LENDER = (
    re.compile(
        r"\b(?:with|from|between\s+the\s+(?:Company|Registrant|Trust|Partnership)\s+and)\s+"
        + _ENTITY
        + r"(?=\s*(?:\(|,|\s+as\b|\s+and\s+(?![A-Z])|\s+together\b|\.|$))"
    ),
    re.compile(
        _ENTITY
        + r"(?:\s+(?:dba|d/b/a)\s+(?:[A-Z][\w&'.-]*\s*){1,4})?"  # "Zions Bancorporation, N.A. dba Amegy Bank"
        + r"(?:\s+\([^)]{1,40}\))?,?\s+as\s+(?:the\s+)?(?:administrative\s+agent|lender|initial\s+lender)"
    ),
)


_ENTERS = re.compile(
    r"\b(?:entered\s+into|executed|obtained|issued)\s+(?:an?\s+|the\s+|that\s+certain\s+)?[^.;]{0,60}?"
    + _INSTRUMENT.pattern,
    re.I,
)
# "the Company Investor, as lender": a defined term standing for the lender
_TERM_LENDER = re.compile(
    r"\bthe\s+(?P<term>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}),?\s+as\s+(?:the\s+)?(?:initial\s+)?lenders?\b"
)
_LENDING = re.compile(r"\blenders?\b|\badministrative\s+agent\b|\bloan\b", re.I)
_PRINCIPAL_AFTER = re.compile(r"\s+(?:in\s+)?aggregate\s+principal\s+amount\b", re.I)
_FEE = re.compile(r"\bfees?\b", re.I)
_TRUSTEE = re.compile(r"[^.;]{0,40}?\bas\s+(?:the\s+)?trustee\b", re.I)
_MORE = re.compile(
    r"(?:\s*\([^)]{1,40}\))?,?\s+(?:and\s+)?"
    r"(?P<who>(?:[A-Z][\w&'.-]*|&)(?:\s+(?:[A-Z][\w&'.-]*|&|of))*?(?:,?\s+(?:N\.A\.|Inc\.|LLC|L\.P\.|LP|Ltd\.|plc|AG|Corp\.|Bank))+)"
)


@register("debt_financing", ("2.03", "1.01"))
def debt_financings(filing: Filing, text: str) -> list[Event]:
    spans = item_spans(filing, ("2.03", "1.01"))
    by_code = {code: (s, e) for code, s, e in spans}
    if "2.03" in by_code:
        code = "2.03"
        parts = [by_code["2.03"]] + ([by_code["1.01"]] if "1.01" in by_code else [])
        target = referenced(filing, text, code, *by_code["2.03"])  # "set forth under Item 8.01 below"
        if target not in parts:
            parts.append(target)
    elif "1.01" in by_code:
        code = "1.01"
        # a borrowing only when a sentence enters into one ("the JV entered into an Amended and
        # Restated Credit Agreement"); read from that sentence on
        s0, e0 = by_code["1.01"]
        anchor = next((s for s, e in sentences(text, s0, e0) if _ENTERS.search(text, s, e)), None)
        if anchor is None:
            return []  # an agreement that is not a borrowing
        parts = [(anchor, e0)]
    else:
        return []
    terms = defined_terms(text)
    fields: dict[str, Any] = {}
    proof: list[Evidence] = []

    def put(name: str, value: Any, span: tuple[int, int]) -> None:
        if name not in fields and value is not None:
            fields[name] = value
            proof.append(evidence(name, text, span))

    benchmarks: list[tuple[int, re.Match[str], bool]] = []
    fixed: tuple[float, tuple[int, int]] | None = None
    for start, end in parts:
        for s, e in sentences(text, start, end):
            sent = text[s:e]
            inst = _INSTRUMENT.search(sent)
            if inst:
                put("instrument", " ".join(inst.group("kind").lower().split()), (s + inst.start(), s + inst.end()))
            if "amount_usd" not in fields and (inst or "instrument" in fields):
                for m in MONEY_RE.finditer(sent):
                    before = sent[max(0, m.start() - 200) : m.start()]
                    after = sent[m.end() : m.end() + 80]
                    if (
                        (
                            _INCREASED.search(before)
                            or _AMOUNT_CUE.search(before)
                            or _INSTRUMENT.match(after.lstrip(" "))
                            or _PRINCIPAL_AFTER.match(after)
                            or re.match(r"\s*(?:[\w-]+,?\s+){1,4}?" + _INSTRUMENT.pattern, after, re.I)
                        )
                        and not re.match(r"\s*(?:per\s|of\s+the\s+aggregate)", after)
                        and not _FEE.search(before[-60:])
                    ):
                        if re.search(r"\bfrom\s+$", before) and _INCREASED.search(
                            sent[m.start() - 200 : m.end() + 60] + " to "
                        ):
                            continue  # "increased from $150.0 million to ...": the new size follows
                        put("amount_usd", whole(money_of(m)), (s + m.start(), s + m.end()))
                        # the amount's own instrument, when its sentence names one and not the first
                        # ("a new tranche of senior secured convertible term loans ... $20,000,000")
                        first = next(p for p in proof if p.field == "instrument")
                        own = [i for i in _INSTRUMENT.finditer(sent, 0, m.start())]
                        if own and not s <= first.span[0] < e:  # the nearest before the amount
                            proof.remove(first)
                            fields["instrument"] = " ".join(own[-1].group("kind").lower().split())
                            proof.append(evidence("instrument", text, (s + own[-1].start(), s + own[-1].end())))
                        break
            if "lenders" not in fields and (inst or _LENDING.search(sent)):
                named = named_with(text, s, e)  # "with HHC $ Fund 2012 (the "Heerema Lender")"
                if named and not is_registrant(named[0], filing):
                    found, stop = _and_after(named[0], sent, named[1][1] - s)
                    put("lenders", found, (named[1][0], s + stop))
                for rx in _LENDER if "lenders" not in fields else ():
                    names = [
                        m
                        for m in rx.finditer(sent)
                        if _plausible(m.group("who"))
                        and not is_registrant(m.group("who"), filing)
                        and not _TRUSTEE.match(sent, m.end("who"))
                    ]
                    if not names:  # the name a defined term stands for
                        t = _TERM_LENDER.search(sent)
                        if t and t.group("term") in terms:
                            name, span = terms[t.group("term")]
                            put("lenders", [name], span)
                            break
                    if names:
                        m = names[0]
                        found, stop = _and_after(_clean(m.group("who")), sent, m.end("who"))
                        put("lenders", found, (s + m.start("who"), s + stop))
                        break
            for m in _MATURITY.finditer(sent):
                d = next((d for d in DATE_RE.finditer(sent, m.end(), min(len(sent), m.end() + 60)) if date_of(d)), None)
                if d is None:  # "until maturity on May 21, 2027"; "through June 25, 2009, the Maturity Date"
                    d = next((d for d in DATE_RE.finditer(sent, max(0, m.start() - 40), m.start()) if date_of(d)), None)
                    if d is None or "Maturity Date" not in m.group(0):
                        continue
                put("maturity_date", date_of(d), (s + d.start(), s + d.end()))
                break
            if re.search(r"\binterest\b|\brate\b", sent, re.I):
                fallback = bool(_FALLBACK.search(sent))  # "the highest of (1) ..., (2) ...": an alternate base rate
                benchmarks += [(s, b, fallback) for b in _BENCHMARK.finditer(sent)]
            f = _FIXED.search(sent)
            if f:
                g = "r" if f.group("r") else "r2"
                fixed = fixed or (float(f.group(g)), (s + f.start(g), s + f.end(g)))
    if "instrument" not in fields:
        return []
    if benchmarks:  # the preferred benchmark, and the margin over it where one is stated
        s, b, _ = min(
            benchmarks, key=lambda x: (x[2], _PREFERRED.index(_benchmark(x[1].group("b"))), x[1].group("m") is None)
        )
        put("interest_benchmark", _benchmark(b.group("b")), (s + b.start("b"), s + b.end("b")))
        if b.group("m"):
            put("interest_margin_pct", float(b.group("m")), (s + b.start("m"), s + b.end("m")))
    elif fixed:
        put("interest_rate_pct", fixed[0], fixed[1])
    series = _series(text, parts)
    if len(series) >= 2:
        return [Event("debt_financing", code, f, p) for f, p in series]
    if series:  # one series of notes: its amount, rate and maturity where the sentences gave none
        for name, value in series[0][0].items():
            if name not in fields and name != "instrument":
                put(name, value, next(p.span for p in series[0][1] if p.field == name))
    return [Event("debt_financing", code, fields, tuple(proof))]


_SERIES = re.compile(
    r"(?P<amt>(?:US)?\$\s?[\d,.]+(?:\s+(?:million|billion))?|(?P<cur>CHF|EUR|GBP|JPY|CAD|AUD|\u20ac|\u00a3)\s?[\d,.]+"
    r"(?:\s+(?:million|billion))?)\s+(?:in\s+)?aggregate\s+principal\s+amount\s+of\s+"
    r"(?:its\s+|the\s+|our\s+|the\s+Issuer's\s+)?(?P<rate>\d+(?:\.\d+)?)%\s+"
    r"(?P<kind>(?P<name>(?:[\w-]+\s+){0,6}?(?:notes|debentures)(?:,\s+series\s+[a-z])?)\s+due\s+"
    r"(?P<due>(?:[a-z]+\s+\d{1,2},\s+)?(?P<year>\d{4})))",
    re.I,
)


def _series(text: str, parts: list[tuple[int, int]]) -> list[tuple[dict[str, Any], tuple[Evidence, ...]]]:
    """Notes issued in several series ("$1.15 billion aggregate principal amount of its 0.25%
    convertible senior notes due 2032 ... and $1.15 billion ... 1.00% ... due 2033"): amount,
    rate and maturity of each ("The 2032 Notes will mature on June 1, 2032")."""
    out: list[tuple[dict[str, Any], tuple[Evidence, ...]]] = []
    years: set[str] = set()
    for start, end in parts:
        for m in _SERIES.finditer(text, start, end):
            if (m.group("kind") or "").lower() in years:
                continue
            years.add(m.group("kind").lower())
            fields: dict[str, Any] = {
                # "convertible senior notes due 2032", "senior notes, series a due 2031"
                "instrument": " ".join(f"{m.group('name')} due {m.group('year')}".lower().split()),
                "interest_rate_pct": float(m.group("rate")),
            }
            proof = [
                evidence("instrument", text, m.span("kind")),
                evidence("interest_rate_pct", text, m.span("rate")),
            ]
            amount = MONEY_RE.match(m.group("amt")) if not m.group("cur") else None  # dollars only
            if amount:
                fields["amount_usd"] = whole(money_of(amount))
                proof.append(evidence("amount_usd", text, m.span("amt")))
            due = DATE_RE.match(m.group("due"))
            if due and date_of(due):
                fields["maturity_date"] = date_of(due)
                proof.append(evidence("maturity_date", text, (m.start("due"), m.end("due"))))
            matures = re.compile(rf"\b{m.group('year')}\s+Notes\s+will\s+mature\s+on\s+")
            for d in matures.finditer(text, start, end) if "maturity_date" not in fields else ():
                date = DATE_RE.match(text, d.end())
                if date and date_of(date):
                    fields["maturity_date"] = date_of(date)
                    proof.append(evidence("maturity_date", text, date.span()))
                    break
            out.append((fields, tuple(proof)))
    return out


def _benchmark(b: str) -> str:
    low = b.lower()
    for key in ("sofr", "libor", "euribor", "prime", "federal funds", "base rate"):
        if key in low:
            return key.upper() if key in ("sofr", "libor", "euribor") else key
    return low


_NOT_LENDERS = re.compile(r"^(?:The|This|Such|Each|Any|Item|Section|Exhibit|Agreement|Credit|Company|Borrower)\b")


def _plausible(name: str) -> bool:
    return len(name) > 3 and not _NOT_LENDERS.match(name) and any(c.isupper() for c in name[1:])


def _and_after(first: str, sent: str, stop: int) -> tuple[list[str], int]:
    """The first lender and the parties named right after it ("BofA Securities, Inc.
    ("BofA"), Citibank, N.A. ..."), and where the list ends in ``sent``."""
    found = [first]
    while more := _MORE.match(sent, stop):
        found.append(_clean(more.group("who")))
        stop = more.end("who")
    return found, stop


def _clean(name: str) -> str:
    return " ".join(name.split()).rstrip(",")
