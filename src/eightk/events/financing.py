"""Financings: private placements and other unregistered sales of securities.

Read from Item 3.02 and, where the text describes a sale of securities to named investors,
Item 8.01 (before 2004, Item 5 "Other Events", which eightk maps to 8.01) and Item 1.01.
Each value comes with the span of text it was read from.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from ..model import Event, Evidence, Filing
from ..values import DATE_RE, DURATION_RE, FRACTION_RE, MONEY_RE, fraction_of, money_of, months_of, number_of, whole
from . import register
from ._text import defined_terms, evidence, incorporated, is_registrant, item_spans, sentences

SECURITIES = (
    "convertible preferred stock",
    "convertible notes",
    "convertible debentures",
    "convertible senior notes",
    "junior subordinated notes",
    "subordinated notes",
    "preferred stock",
    "common stock",
    "warrants",
    "warrant",
    "senior notes",
    "notes",
    "debentures",
    "common units",
    "class a shares",
    "preferred units",
    "convertible term loans",
    "convertible loans",
    "units",
    "preferred shares",
    "common shares",
    "ordinary shares",
)
_SECURITY = re.compile(r"\b(" + "|".join(map(re.escape, SECURITIES)) + r")\b", re.I)
_SALE = re.compile(
    r"\b(?:sale|sales|sold|sell|issuance|issued|issue|placement|offering|purchase|purchased|investment|invest(?:s|ed)?)\b",
    re.I,
)
_FINANCING = re.compile(
    r"\b(?:private placement|investment in the company|unregistered|securities purchase agreement|"
    r"subscription agreement|not (?:being )?registered under the securities act|regulation d|section 4\(a?\)?\(2\))",
    re.I,
)
_FINANCING_STRICT = re.compile(
    r"\b(?:private placement|securities purchase agreement|subscription agreement|unregistered|"
    r"not (?:been |being )?registered under the securities act|regulation d\b|section 4\(a?\)?\(2\))",
    re.I,
)
_COMBINATION = re.compile(
    r"\b(?:share exchange agreement|exchange agreement|merger agreement|agreement and plan of merger)\b", re.I
)
_PAR = re.compile(r"\bpar\s+value\s*(?:of\s*)?$", re.I)
_WARRANT_PRICE = re.compile(r"\bwarrants?\b[^.]{0,120}$", re.I)
_UNDERLYING = re.compile(r"\bwarrants?\s+to\s+(?:purchase|acquire|buy)\b[^.;]{0,60}$", re.I)
_PRINCIPAL = re.compile(r"\s*(?:in\s+)?aggregate\s+principal\s+amount", re.I)
_AMOUNT_CONTEXT = re.compile(
    r"\b(?:investment|placement|financing|proceeds|offering|aggregate|purchase price|purchas(?:e|es|ing))\b", re.I
)
_PER_SHARE = re.compile(
    r"\s*(?:in\s+cash\s+)?(?:per|a)\s+(?:common\s+|ordinary\s+|preferred\s+)?(?:share|unit|warrant)", re.I
)
_CONVERSION_PRICE = re.compile(
    r"\bconversion\s+price\b[^.$]{0,80}?(?:of|be|is|equal\s+to)\s+(?:approximately\s+|about\s+)?"
    r"(?P<p>\$\s?\d[\d,]*(?:\.\d+)?)",
    re.I,
)
# what a buyer pays ("a cash purchase price of $1,000 per Preferred Unit"), even for a convertible
_SALE_PRICE = re.compile(r"\b(?:(?:purchase|issue|offering|public)\s+price\s+of|at\s+a\s+price\s+of)\s*$", re.I)
_ISSUABLE = re.compile(
    r"[^.]{0,80}?\b(?:issuable|(?:may\s+be|to\s+be|will\s+be)\s+issued)\s+upon\s+(?:the\s+)?(?:conversion|exercise)",
    re.I,
)
_FUNDS_OF = re.compile(
    r"\bfunds\s+(?:managed|advised)\s+by\s+(?:(?:an?\s+)?affiliates?\s+of\s+)?(?P<inv>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})"
)
_TO_TERM = re.compile(r"\b(?:to|with)\s+(?:the\s+)?(?P<term>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})")
# an acquisition's price paid ("approximately $5.77 billion in cash ... the "Cash Consideration""): not raised
_CONSIDERATION = re.compile(r"\bconsideration\b", re.I)
_PRICE_BEFORE = re.compile(r"\bprice\s+per\s+(?:share|unit)\s+(?:of|equal\s+to)\s*$", re.I)
_WARRANT_WORD = re.compile(r"\bwarrants?\b", re.I)
_WARRANT_SHARES = re.compile(
    r"\bwarrants?\s+(?:to\s+(?:purchase|acquire)|exercisable\s+for)\s+(?:up\s+to\s+)?(?:an\s+aggregate\s+of\s+)?"
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:additional\s+)?shares",
    re.I,
)
_EXERCISE_PRICE = re.compile(
    r"\b(?:exercise\s+price|price)\s+(?:of|equal\s+to|is)\s+(?:approximately\s+)?(?P<m>\$\s?(?P<p>\d[\d,]*(?:\.\d+)?))",
    re.I,
)
_SHARES_WORTH = re.compile(
    r"\bissu(?:ance|ed)\s+of\s+(?P<m>\$\s?[\d.,]+(?:\s*(?:million|billion))?)\s+in\s+shares\b", re.I
)
# the registrant buying a company: the seller is not an investor, the price not an amount raised
_ACQUIRES = re.compile(r"\bto\s+acquire\b|\bacquisition\s+of\b", re.I)
_NOT_THE_SALE = re.compile(
    r"\b(?:repurchase[sd]?|redeem(?:ed)?|redemption|consent\s+fee|capped\s+call|cap\s+price)\b", re.I
)
# an investor: "by Biotechnology Value Fund, L.P. and affiliates", "with XYZ Capital LLC"
_ENTITY = (
    r"(?P<inv>(?:[A-Z][\w&'.-]*(?:\s+|,\s+(?=(?:L\.?P\.?|LLC|L\.L\.C\.|Inc\.?|Ltd\.?)\b)))+?"
    r"(?:L\.P\.|LP|LLC|L\.L\.C\.|Inc\.|Ltd\.|Fund|Partners|Capital|Management|Ventures|Trust)"
    r"(?:,?\s+(?:L\.P\.|LP|LLC|L\.L\.C\.|Inc\.|Ltd\.))?)"
)
_INVESTOR = re.compile(r"\b(?:by|from|with|to)\s+" + _ENTITY)
_MORE_ENTITY = re.compile(r",?\s+(?:and\s+)?" + _ENTITY)
_REGISTERED = re.compile(
    r"\b(?:underwriting agreement|underwritten|registration statement on form|prospectus|registered direct|"
    r"at[- ]the[- ]market|shelf registration|initial public offering|price to the public)",
    re.I,
)
# a registered offering's own words: what makes an 8.01, 7.01 or 1.01 a financing
_OFFERING = re.compile(
    r"\b(?:underwriting agreement|equity distribution agreement|(?:omnibus\s+)?sales agreement|"
    r"at[- ]the[- ]market|registered direct offering|placement agen(?:t|cy) agreement|"
    r"(?:underwritten\s+)?public offering of|priced (?:its|an|the) (?:\w+\s+){0,3}offering)",
    re.I,
)
_OFFERING_KIND = (
    ("at_the_market", re.compile(r"\bat[- ]the[- ]market\b|\bequity distribution agreement\b|\bsales agents?\b", re.I)),
    ("registered_direct", re.compile(r"\bregistered direct\b", re.I)),
    ("underwritten", re.compile(r"\bunderwrit(?:ten|ing agreement|ers)\b", re.I)),
)
_SHARES = re.compile(
    r"(?<![\d,.$])(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:(?:unregistered|restricted|newly\s+issued)\s+)?"
    r"(?:(?:Series\s+[A-Z]|[A-Z][a-z]+|[A-Z])\s+){0,4}"
    r"(?:shares|common\s+units|units|ordinary\s+shares|"
    r"American\s+Depositary\s+Shares)\b",
    re.I,
)
_UNREGISTERED = re.compile(
    r"\b(?:private placement|private offering|unregistered|not (?:been |being )?registered|"
    r"exempt(?:ion)? from registration)",
    re.I,
)
_HOLDING = re.compile(r"\b(?:holding|lock-?up)\s+period\b", re.I)
_INSTALLMENTS = re.compile(r"\b(?P<n>\w+)\s+(?:installments|tranches|closings)\b", re.I)
_TWO_PAYMENTS = re.compile(
    r"\b(?:initial|first)\s+\$[\d,.]+(?:\s+(?:million|billion))?\b.{0,160}?"
    r"\b(?:next|second|remaining|balance of)\s+\$[\d,.]+",
    re.I | re.S,
)
_RECEIVED = re.compile(r"\b(?:received|funded|closed|paid)\b", re.I)
_CONVERT = re.compile(r"\bconver(?:t|tible|ted|sion)\b", re.I)
_DAY_NO_YEAR = re.compile(
    r"\b(?P<m>jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\.?\s+(?P<d>\d{1,2})(?!\d|,?\s*(?:19|20)\d\d)",
    re.I,
)
_MONTHS = {
    m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)
}


@register("financing", ("3.02", "8.01", "1.01", "7.01"))
def private_placements(filing: Filing, text: str) -> list[Event]:
    out: list[Event] = []
    told: set[int] = set()  # starts of the items a 3.02 read (the sale is told once, under 3.02)
    spans = item_spans(filing, ("3.02", "8.01", "1.01", "7.01"))
    for code, start, end in sorted(spans, key=lambda c: c[0] != "3.02"):  # 3.02 first: it says what it incorporates
        body = text[start:end]
        parts = [(start, end)]
        if code == "3.02":  # "The information set forth under the caption ... in Item 1.01 is incorporated"
            parts = [*incorporated(filing, text, start, end), (start, end)]
        elif any(start <= t < end for t in told):
            continue
        if not any(_SECURITY.search(text, s, e) for s, e in parts):
            continue
        if (
            code != "3.02"
            and len(body) < 600
            and re.search(r"\bincorporated\s+(?:herein\s+)?by\s+reference\b", body, re.I)
        ):
            continue  # "The information set forth in Item 8.01 ... is incorporated herein by reference"
        if code == "1.01" and (
            not (_FINANCING_STRICT.search(body) or _OFFERING.search(body)) or _COMBINATION.search(body)
        ):
            continue  # an agreement, not a sale of securities (mergers, share exchanges, loans)
        if code == "8.01" and not (_FINANCING.search(body) or _INVESTOR.search(body) or _OFFERING.search(body)):
            continue
        if code == "7.01" and not _OFFERING.search(body):
            continue  # Regulation FD: a financing only when it announces an offering
        if code != "3.02" and not _SALE.search(body):
            continue
        told.update(s for s, _ in parts[:-1])
        ev = _read(filing, text, parts)
        if ev is None:
            continue
        fields, proof = ev
        kind = "private_placement"
        if code != "3.02" and _REGISTERED.search(body) and not _UNREGISTERED.search(body):
            kind = "registered_offering"  # underwriters are not investors
            fields.pop("investors", None)
            proof = [p for p in proof if p.field != "investors"]
            how = next(((k, m) for k, rx in _OFFERING_KIND if (m := rx.search(body))), None)
            if how:
                fields["offering"] = how[0]
                proof.append(evidence("offering", text, (start + how[1].start(), start + how[1].end())))
        programs = _programs(text, start, end, code) if code != "3.02" else []
        if len(programs) >= 2:  # several offerings in one item: one event each
            out.extend(programs)
        else:
            out.append(Event(kind, code, fields, tuple(proof)))
    return _one_per_sale(out)


def _one_per_sale(events: list[Event]) -> list[Event]:
    """One event per sale: items that tell the same sale (the same number of shares, or the
    same amount) give the event with the most values."""
    out: list[Event] = []
    for ev in sorted(events, key=lambda e: -len(e.fields)):
        key = {ev.fields.get("shares"), ev.fields.get("amount_usd")} - {None}
        if key and any(
            o.type == ev.type
            and o.fields.get("securities") == ev.fields.get("securities")
            and key & {o.fields.get("shares"), o.fields.get("amount_usd")}
            for o in out
        ):
            continue
        out.append(ev)
    return sorted(out, key=lambda e: events.index(e))


_PROGRAM = re.compile(
    r"\bshares\s+of\s+(?:its\s+)?(?P<sec>[^,;()]{0,60}?)\s+having\s+an\s+aggregate\s+offering\s+price\s+of\s+"
    r"(?:up\s+to\s+)?(?P<amt>\$\s?[\d,.]+(?:\s*(?:million|billion))?)",
    re.I,
)
_OFFER_OF = re.compile(
    r"\b(?P<how>private|registered\s+direct|underwritten(?:\s+public)?|public)\s+offering\s+of\s+(?:its\s+)?"
    r"(?P<sec>[^,;.]{0,60})",
    re.I,
)


def _programs(text: str, start: int, end: int, code: str) -> list[Event]:
    """The distinct offerings an item announces: "shares of X having an aggregate offering
    price of up to $N" (at-the-market programs), "a private offering of convertible notes and
    a registered direct offering of ordinary shares"."""
    body = text[start:end]
    atm = bool(_OFFERING_KIND[0][1].search(body))
    out: list[Event] = []
    seen: set[tuple[str, float | None]] = set()
    for m in _PROGRAM.finditer(text, start, end):
        sec = _SECURITY.search(m.group("sec"))
        amount = MONEY_RE.match(m.group("amt"))
        if sec is None or amount is None or (sec.group(1).lower(), money_of(amount)) in seen:
            continue
        seen.add((sec.group(1).lower(), money_of(amount)))
        fields: dict[str, Any] = {"securities": [sec.group(1).lower()], "amount_usd": whole(money_of(amount))}
        proof = [
            evidence("securities", text, (m.start("sec") + sec.start(), m.start("sec") + sec.end())),
            evidence("amount_usd", text, m.span("amt")),
        ]
        if atm:
            fields["offering"] = "at_the_market"
        out.append(Event("registered_offering", code, fields, tuple(proof)))
    for m in _OFFER_OF.finditer(text, start, end):
        sec = _SECURITY.search(m.group("sec"))
        if sec is None or (sec.group(1).lower(), None) in seen:
            continue
        seen.add((sec.group(1).lower(), None))
        how = " ".join(m.group("how").lower().split())
        fields = {"securities": [sec.group(1).lower()]}
        proof = [evidence("securities", text, (m.start("sec") + sec.start(), m.start("sec") + sec.end()))]
        if how == "private":
            out.append(Event("private_placement", code, fields, tuple(proof)))
            continue
        fields["offering"] = "registered_direct" if how.startswith("registered") else "underwritten"
        proof.append(evidence("offering", text, m.span("how")))
        out.append(Event("registered_offering", code, fields, tuple(proof)))
    return out


def _read(filing: Filing, text: str, parts: list[tuple[int, int]]) -> tuple[dict[str, Any], list[Evidence]] | None:
    fields: dict[str, Any] = {}
    proof: list[Evidence] = []

    def put(name: str, value: Any, span: tuple[int, int]) -> None:
        if name not in fields:
            fields[name] = value
            proof.append(evidence(name, text, span))

    report = _iso(filing.period_of_report)
    terms = defined_terms(text)
    for s, e in (se for start, end in parts for se in sentences(text, start, end)):
        sent = text[s:e]
        other = bool(_NOT_THE_SALE.search(sent))  # notes repurchased, a fee paid in shares: not its amounts
        # the amount: money near a word of financing, not a per-share price
        principal = [m for m in MONEY_RE.finditer(sent) if _PRINCIPAL.match(sent, m.end()) and not other]
        worth = _SHARES_WORTH.search(sent)
        if worth:  # "the issuance of $7.0 million in shares": what the shares sold are worth
            money = MONEY_RE.match(worth.group("m"))
            if money:
                put("amount_usd", whole(money_of(money)), (s + worth.start("m"), s + worth.end("m")))
        cp = _CONVERSION_PRICE.search(sent)
        if cp:  # "the conversion price of $15.07", "initial conversion price ... will be $5.30"
            price = float(re.sub(r"[^\d.]", "", cp.group("p")))
            put("conversion_price_usd", price, (s + cp.start("p"), s + cp.end("p")))
        if len(principal) > 1 and "amount_usd" not in fields:  # "$600 million ... and $600 million of notes"
            total = float(sum(money_of(m) for m in principal))
            put(
                "amount_usd",
                whole(total),
                (s + principal[0].start(), s + principal[-1].end()),
            )
        priced = _CONSIDERATION.search(sent) or _ACQUIRES.search(sent)
        for m in MONEY_RE.finditer(sent) if not other and not priced else ():
            before = sent[max(0, m.start() - 40) : m.start()]
            if _PRICE_BEFORE.search(before) and not _PAR.search(before):  # "at a price per share of $60.03"
                put("price_per_share_usd", money_of(m), (s + m.start(), s + m.end()))
                continue
            if _PER_SHARE.match(sent, m.end()):
                if _PAR.search(before):
                    continue  # par value, not a price
                near = sent[max(0, m.start() - 250) : m.start()]
                if _CONVERT.search(near) and not _SALE_PRICE.search(before) and not _WARRANT_PRICE.search(before):
                    put("conversion_price_usd", money_of(m), (s + m.start(), s + m.end()))
                elif not _WARRANT_PRICE.search(sent[: m.start()]):  # a warrant's exercise price is not the price
                    put("price_per_share_usd", money_of(m), (s + m.start(), s + m.end()))
                continue
            if re.match(r"\s*par\s+value", sent[m.end() :], re.I) or money_of(m) < 1000:
                continue  # "$0.001 par value per share"; a price, not an offering's amount
            if _AMOUNT_CONTEXT.search(sent) and "amount_usd" not in fields and not _UNDERLYING.search(before):
                put(
                    "amount_usd",
                    whole(money_of(m)),
                    (s + m.start(), s + m.end()),
                )
        if "investors" not in fields and not other and not _ACQUIRES.search(sent):
            inv = next((x for x in _INVESTOR.finditer(sent) if not is_registrant(x.group("inv"), filing)), None)
            if inv and _SALE.search(sent):
                names = [" ".join(inv.group("inv").split())]
                stop = inv.end()
                while more := _MORE_ENTITY.match(sent, stop):  # "with A, LP, B, LP, and C, LP whereby"
                    names.append(" ".join(more.group("inv").split()))
                    stop = more.end()
                fields["investors"] = names
                proof.append(evidence("investors", text, (s + inv.start("inv"), s + stop)))
            elif _SALE.search(sent):
                funds = _FUNDS_OF.search(sent)  # "certain funds managed by affiliates of Apollo"
                term = next((t for t in _TO_TERM.finditer(sent) if t.group("term") in terms), None)
                if funds and not is_registrant(funds.group("inv"), filing):
                    put("investors", [funds.group("inv")], (s + funds.start("inv"), s + funds.end("inv")))
                elif term:  # "from the Heerema Lender": the name the filing gave that term
                    name, span = terms[term.group("term")]
                    if not is_registrant(name, filing):
                        put("investors", [name], span)
        if "securities" not in fields and _SALE.search(sent):
            found: list[str] = []
            spans: list[tuple[int, int]] = []
            for m in _SECURITY.finditer(sent):
                # "preferred stock ... convertible into common stock": what is sold, not what it converts into
                if re.search(r"\binto\s+$", sent[max(0, m.start() - 8) : m.start()], re.I):
                    continue
                if _UNDERLYING.search(sent[max(0, m.start() - 80) : m.start()]):
                    continue  # "warrants to purchase ... common stock": the warrants are sold
                name = m.group(1).lower()
                name = "warrants" if name == "warrant" else name
                # "Senior Notes ... the 2034 Notes": one security, named once
                shorter = [i for i, f in enumerate(found) if re.search(rf"\b{re.escape(f)}$", name) and f != name]
                if shorter:  # "the Notes ... 0.25% convertible senior notes": the full name replaces the short
                    found[shorter[0]] = name
                elif name not in found and not any(re.search(rf"\b{re.escape(name)}$", f) for f in found):
                    found.append(name)
                    spans.append((s + m.start(), s + m.end()))
            if found:
                fields["securities"] = found
                proof.append(evidence("securities", text, (spans[0][0], spans[-1][1])))
        if "shares" not in fields and _SALE.search(sent) and not other:
            for m in _SHARES.finditer(sent):
                before = sent[max(0, m.start() - 30) : m.start()]
                if re.search(
                    r"\b(?:additional|outstanding|owner of|exercis\w*|up to an additional|maximum of)\s+$", before, re.I
                ):
                    continue  # an underwriters' option, holdings, what warrants buy: not the shares sold
                if _ISSUABLE.match(sent, m.end()) or _UNDERLYING.search(sent[max(0, m.start() - 80) : m.start()]):
                    continue  # "5,119,067 shares ... issuable upon the conversion": what converts, not what is sold
                put("shares", int(m.group("n").replace(",", "")), (s + m.start("n"), s + m.end("n")))
                break
        if _WARRANT_WORD.search(sent):  # the warrants' own terms: how many shares, at what price
            w = _WARRANT_SHARES.search(sent)
            if w:
                put("warrant_shares", int(w.group("n").replace(",", "")), (s + w.start("n"), s + w.end("n")))
            x = _EXERCISE_PRICE.search(sent)
            if x:
                put(
                    "warrant_exercise_price_usd",
                    float(x.group("p").replace(",", "")),
                    (s + x.start("m"), s + x.end("m")),
                )
        if _HOLDING.search(sent):
            for m in DURATION_RE.finditer(sent):
                months = months_of(m)
                if months is not None:
                    put("holding_period_months", months, (s + m.start(), s + m.end()))
                    break
        inst = _INSTALLMENTS.search(sent)
        if inst and number_of(inst.group("n")) is not None:
            put("installments", number_of(inst.group("n")), (s + inst.start(), s + inst.end()))
        two = _TWO_PAYMENTS.search(sent)
        if two:  # "the initial $1,000,000 ... has been received, with the next $1,000,000 to be received upon ..."
            put("installments", 2, (s + two.start(), s + two.end()))
        if _RECEIVED.search(sent):
            f = FRACTION_RE.search(sent)
            if f and f.group("frac"):
                put("fraction_received_at_first_closing", fraction_of(f), (s + f.start(), s + f.end()))
                when = _closing_date(sent, report)
                if when:
                    put("first_closing_date", when[0], (s + when[1][0], s + when[1][1]))
    if "amount_usd" not in fields and "securities" not in fields:
        return None
    return fields, proof


def _closing_date(sent: str, report: date | None) -> tuple[str, tuple[int, int]] | None:
    m = DATE_RE.search(sent)
    if m:
        from ..values import date_of

        iso = date_of(m)
        if iso:
            return iso, m.span()
    m2 = _DAY_NO_YEAR.search(sent)
    if m2 and report:
        month = _MONTHS[m2.group("m")[:3].lower()]
        year = report.year - (month > report.month)
        return date(year, month, int(m2.group("d"))).isoformat(), m2.span()
    y = re.search(r"\byesterday\b", sent, re.I)
    if y and report:
        return (report - timedelta(days=1)).isoformat(), y.span()
    return None


def _iso(s: str | None) -> date | None:
    try:
        return date.fromisoformat(s) if s else None
    except ValueError:
        return None
