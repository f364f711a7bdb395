"""Acquisitions and dispositions of assets (Item 2.01; before 2004, Item 2): the other
company, the direction, the date the transaction was completed and its total consideration
where the filing states one ("an aggregate purchase price of $405,450,000", "an aggregate
transaction value of approximately $10.02 billion"; a price per share is not a total)."""

from __future__ import annotations

import re

from ..model import Event, Filing
from ..values import DATE_RE, MONEY_RE, date_of, money_of, whole
from . import register
from ._text import (
    defined_dates,
    defined_terms,
    evidence,
    introductory_note,
    is_registrant,
    item_spans,
    referenced,
    sentences,
)

_NAME = (
    r"(?P<name>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4}?(?:,?\s+(?:Inc\.|Corp\.|Corporation|LLC|L\.P\.|Ltd\.|Co\.))?)"
)
_TARGET = (
    re.compile(
        r"\bacquired\s+(?:all\s+of\s+the\s+(?:issued\s+and\s+)?outstanding\s+(?:capital\s+stock|shares|equity"
        r"(?:\s+interests)?)\s+of\s+)?" + _NAME + r"(?=[\s,(.;])"
    ),
    re.compile(r"\bacquisition\s+of\s+" + _NAME + r"(?=[\s,(.;])"),
    re.compile(r"\bbusiness\s+combination\s+with\s+" + _NAME + r"(?=[\s,(.;])"),
    re.compile(r"\bwith\s+and\s+into\s+" + _NAME + r"(?=[\s,(.;])"),
    re.compile(r"\b(?:sold|disposed\s+of|divested)\s+(?:all\s+of\s+)?(?:its\s+|the\s+)?" + _NAME + r"(?=[\s,(.;])"),
)
# "the Seller has sold all of the equity interests of ZT to Sanmina": the buyer, in a disposition
_SOLD_TO = re.compile(r"\bsold\b[^.]{0,160}?\bto\s+(?P<who>[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,3})")
_DONE = re.compile(r"\b(?:completed|consummated|closed|acquired|sold|disposed|divested)\b", re.I)
_DISPOSAL = re.compile(
    r"\b(?:sold|sale\s+of|sale,|disposed|disposition|divest(?:ed|iture)|purchased\s+from\s+(?:the\s+)?(?:Seller|Company))\b",
    re.I,
)
_ON = re.compile(r"\b[Oo]n\s+")
_OURS = re.compile(r"[^()]{0,120}?\b(?:wholly[- ]owned\s+)?subsidiary\s+of\b", re.I)
_CONSIDERATION = re.compile(
    r"(?:\b(?:aggregate|total)\s+(?:transaction\s+value|purchase\s+price|consideration|cash\s+consideration)\s+"
    r"(?:of|was|is|equal\s+to)|\b(?:paid|pay)(?:\s+a\s+total\s+of)?)\s+(?:approximately\s+|about\s+)?(?=\$)",
    re.I,
)
_ON_TERM = re.compile(r"\b[Oo]n\s+the\s+(?P<term>[A-Z]\w+(?:\s+[A-Z]\w+){0,3})")
_NOT_A_PARTY = re.compile(r"\b(?:Sub|Subsidiary|Merger|Registrant|Company|Agreement|Item|Current|Report)\b")


@register("acquisition", ("2.01",))
def acquisitions(filing: Filing, text: str) -> list[Event]:
    out: list[Event] = []
    dates = defined_dates(text)
    terms = defined_terms(text)
    for code, own_start, own_end in item_spans(filing, ("2.01",)):
        start, end = referenced(filing, text, code, own_start, own_end)  # "set forth in Item 1.01 ..."
        parts = [(own_start, own_end)] + ([(start, end)] if (start, end) != (own_start, own_end) else [])
        note = introductory_note(filing, text)
        if note and note not in parts and not any(_DONE.search(text, a, b) for a, b in parts):
            parts.insert(0, note)  # the item tells what followed; the Introductory Note, what was done
        fields: dict[str, object] = {}
        proof = []
        done = False
        for s, e in (se for a, b in parts for se in sentences(text, a, b)):
            sent = text[s:e]
            if "counterparty" not in fields:
                for rx in _TARGET:
                    m = next(
                        (
                            m
                            for m in rx.finditer(sent)
                            if not _NOT_A_PARTY.search(m.group("name")) and not is_registrant(m.group("name"), filing)
                        ),
                        None,
                    )
                    if m:
                        fields["counterparty"] = " ".join(m.group("name").split()).rstrip(",")
                        proof.append(evidence("counterparty", text, (s + m.start("name"), s + m.end("name"))))
                        fields["direction"] = "disposition" if _DISPOSAL.search(sent) else "acquisition"
                        break
            if "consideration_usd" not in fields:
                c = _CONSIDERATION.search(sent)
                money = MONEY_RE.match(sent, c.end()) if c else None
                if money and not re.match(r"\s*(?:in\s+cash\s+)?per\s+share", sent[money.end() :], re.I):
                    fields["consideration_usd"] = whole(money_of(money))
                    proof.append(evidence("consideration_usd", text, (s + money.start(), s + money.end())))
            if "completed_date" not in fields and _DONE.search(sent):
                done = True
                d = next((d for m in _ON.finditer(sent) if (d := DATE_RE.match(sent, m.end())) and date_of(d)), None)
                if d:
                    fields["completed_date"] = date_of(d)
                    proof.append(evidence("completed_date", text, (s + d.start(), s + d.end())))
                else:  # "On the Closing Date, ...": the date the filing defined by that name
                    t = _ON_TERM.search(sent)
                    if t and t.group("term") in dates:
                        iso, span = dates[t.group("term")]
                        fields["completed_date"] = iso
                        proof.append(evidence("completed_date", text, span))
        sold_to = next((m for a, b in parts for m in _SOLD_TO.finditer(text, a, b)), None)
        if "counterparty" not in fields and sold_to and sold_to.group("who") in terms:
            name, span = terms[sold_to.group("who")]
            if not is_registrant(name, filing):
                fields["counterparty"], fields["direction"] = name, "disposition"
                proof.append(evidence("counterparty", text, span))
        if "counterparty" not in fields and done:  # the other party by the name the filing defines
            for term, direction in (("Seller", "acquisition"), ("Buyer", "disposition"), ("Purchaser", "disposition")):
                found = terms.get(term)
                if not found or not any(a <= found[1][0] < b for a, b in parts):
                    continue
                if is_registrant(found[0], filing) or _OURS.search(text, found[1][1], found[1][1] + 160):
                    # the registrant or its own subsidiary is that party: the other way round
                    fields["direction"] = "disposition" if term == "Seller" else "acquisition"
                    break
                fields["counterparty"], fields["direction"] = found[0], direction
                proof.append(evidence("counterparty", text, found[1]))
                break
        if "direction" not in fields and done:  # no party named: the item's own words say which way
            told = any(_DISPOSAL.search(text, a, b) for a, b in parts)
            fields["direction"] = "disposition" if told else "acquisition"
        if "counterparty" in fields or done:  # a 2.01 that says it completed one is an event, named or not
            out.append(Event("acquisition", code, fields, tuple(proof)))
    return out
