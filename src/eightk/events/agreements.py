"""Material definitive agreements (Item 1.01) and their termination (Item 1.02): the kind of
agreement, the counterparties, the date, and an amount when the agreement states one."""

from __future__ import annotations

import re

from ..model import Event, Filing
from ..values import DATE_RE, MONEY_RE, date_of, money_of, whole
from . import register
from ._text import evidence, is_registrant, item_spans, named_with, referenced, sentences

_ENTERED = re.compile(r"\b(?:entered\s+into|executed|signed|terminated|amended|became\s+a\s+party\s+to)\b", re.I)
_KIND = re.compile(
    r"\b(?:entered\s+into|executed|signed|terminated|became\s+a\s+party\s+to)\s+(?:an?\s+|the\s+|that\s+certain\s+)?"
    r"(?:\$[\d.,]+\s*(?:million|billion)?\s+)?"
    r"(?P<kind>(?:[A-Za-z][\w'\u2019-]*\s+){0,7}?(?:agreements?|notes?|plan|indentures?|contracts?|lease|amendment(?:\s+No\.\s*\d+)?))\b",
    re.I,
)
# a counterparty: capitalised words ending in a legal form, a bank, or a company word
_PARTY = (
    r"(?P<party>(?:[A-Z][\w&'.-]*,?\s+(?:&\s+|(?:and|of)\s+(?=[A-Z]))?){0,6}?"
    r"(?:Inc\.|LLC|L\.L\.C\.|LP|L\.P\.|N\.A\.|Ltd\.|Limited|Corporation|Corp\.|Company|Bank|plc|GmbH|S\.A\.)(?!\w)"
    r"(?:,?\s+(?:LLC|Inc\.|L\.P\.|N\.A\.|LLP)(?!\w))?)"
)
_WITH = re.compile(
    r"\b(?:with(?:\s+each\s+of)?|and\s+between\s+the\s+Company\s+and|between\s+\w+\s+and|"
    r"by\s+and\s+(?:among|between)\s+the\s+(?:Company|Partnership|Registrant|Trust)\s*,?(?:\s+and)?)\s+" + _PARTY
)
# the next party, past an appositive (", a Nevada corporation") and a defined name ("(\"Alterola\")")
_MORE = re.compile(r"(?:,\s+an?\s+[^,()]{0,80}?(?=\s*[(,]))?(?:\s*\([^)]{0,160}\))?,?\s+(?:and\s+)?" + _PARTY)
_NAMED = re.compile(
    r"\brelat(?:ed|ing)\s+to\s+the\s+(?P<kind>(?:[A-Z][\w-]*\s+){0,6}?(?:Agreement|Addendum|Note|Plan|Indenture|Lease)"
    r"(?:\s+Addendum)?)\b"
)
_VAGUE = re.compile(r"(?:following|certain|various|such|these|those|other)\s+agreements?$", re.I)
_ON = re.compile(r"\b[Oo]n\s+")
_AMOUNT_CUE = re.compile(
    r"(?:in\s+the\s+(?:aggregate\s+)?(?:original\s+)?(?:principal\s+)?amount\s+of|\bup\s+to|"
    r"(?:maximum\s+|aggregate\s+)?principal\s+amount\s+of|"
    r"aggregate\s+(?:offering\s+|purchase\s+)?price\s+of(?:\s+up\s+to)?|(?:total|aggregate)\s+purchase\s+price\s+of)\s*"
    r"(?:[A-Z][\w\s-]*?Dollars\s*\()?$",
    re.I,
)
_DATED = re.compile(r"\bdated\s+(?:as\s+of\s+)?", re.I)
_EFFECTIVE = re.compile(r"\b[Ee]ffective\s+(?:as\s+of\s+)?")
# "<Bank>, as administrative agent": the agent stands for the lenders
_AGENT = re.compile(
    _PARTY + r"(?:\s+(?:dba|d/b/a)\s+(?:[A-Z][\w&'.-]*\s*){1,4})?,?\s+as\s+(?:the\s+)?administrative\s+agent\b"
)
# the agreement's amount in a later sentence: "a total of $1.99 billion", "for approximately
# $455 million in cash", "an aggregate purchase price of $405,450,000", "gross proceeds of $850 million"
_LATER_AMOUNT = re.compile(
    r"(?:\b(?:a\s+total|an?\s+aggregate(?:\s+purchase\s+price)?|(?:total|aggregate)\s+purchase\s+price|"
    r"gross\s+proceeds)\s+of|\bfor)\s+(?:approximately\s+|about\s+)?(?=\$)",
    re.I,
)


def _later_amount(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first amount the rest of the item gives with such a cue (not a per-share price)."""
    for m in _LATER_AMOUNT.finditer(text, start, min(end, start + 3000)):
        money = MONEY_RE.match(text, m.end())
        if money and not re.match(
            r"\s*(?:in\s+cash\s+)?per\s+(?:share|unit)", text[money.end() : money.end() + 30], re.I
        ):
            return money
    return None


@register("material_agreement", ("1.01", "1.02"))
def material_agreements(filing: Filing, text: str) -> list[Event]:
    out: list[Event] = []
    for code, own_start, own_end in item_spans(filing, ("1.01", "1.02")):
        start, end = referenced(filing, text, code, own_start, own_end)
        for s, e in sentences(text, start, end):
            sent = text[s:e]
            if not _ENTERED.search(sent):
                continue
            fields: dict[str, object] = {}
            proof = []
            k = _KIND.search(sent)
            if k and _VAGUE.match(k.group("kind")):
                k = None  # "entered into the following agreements:": the agreements are named below
            # an item that points elsewhere may name the agreement itself: "The information set
            # forth in Item 8.01 ... related to the Common Stock Sales Agreement Addendum ..."
            named = _NAMED.search(text, own_start, own_end) if start != own_start else None
            if named:
                fields["kind"] = " ".join(named.group("kind").split()).lower()
                proof.append(evidence("kind", text, (named.start("kind"), named.end("kind"))))
            elif k:
                fields["kind"] = " ".join(k.group("kind").split()).lower()
                proof.append(evidence("kind", text, (s + k.start("kind"), s + k.end("kind"))))
            w = _WITH.search(sent) or _AGENT.search(sent)
            if w is None:  # "with HHC $ Fund 2012 (the "Heerema Lender")": a party the filing named
                party = named_with(text, s, e)
                if party and not is_registrant(party[0], filing):
                    fields["counterparties"] = [party[0]]
                    proof.append(evidence("counterparties", text, party[1]))
            if w:
                parties = [w.group("party")]
                stop = w.end()
                while more := _MORE.match(sent, stop):
                    parties.append(more.group("party"))
                    stop = more.end()
                names = [" ".join(p.split()) for p in parties if not is_registrant(p, filing)]
                if names:
                    fields["counterparties"] = names
                    proof.append(evidence("counterparties", text, (s + w.start("party"), s + stop)))
            for lead in (_ON, _EFFECTIVE, _DATED):
                d = next((d for m in lead.finditer(sent) if (d := DATE_RE.match(sent, m.end())) and date_of(d)), None)
                if d:
                    fields["date"] = date_of(d)
                    proof.append(evidence("date", text, (s + d.start(), s + d.end())))
                    break
            if k:
                m = MONEY_RE.search(sent, k.start() - 30 if k.start() > 30 else 0, k.end())
                if m is None:  # "... a line of credit in the amount of $2,000,000"; "up to $250 million"
                    m = next(
                        (x for x in MONEY_RE.finditer(sent, k.end()) if _AMOUNT_CUE.search(sent, 0, x.start())), None
                    )
                if m:
                    fields["amount_usd"] = whole(money_of(m))
                    proof.append(evidence("amount_usd", text, (s + m.start(), s + m.end())))
            if k and "amount_usd" not in fields:  # the amount told later in the item
                later = _later_amount(text, e, end)
                if later:
                    fields["amount_usd"] = whole(money_of(later))
                    proof.append(evidence("amount_usd", text, later.span()))
            if "kind" in fields:
                fields["terminated"] = code == "1.02"
                out.append(Event("material_agreement", code, fields, tuple(proof)))
                break  # one agreement an item: the first sentence that enters into it
    return out
