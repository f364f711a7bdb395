"""Earnings releases (Item 2.02; before 2004, Item 12): the period the results cover, the
press release that gives them, and, when the release is in the submission, the figures its
headline states: net income (a loss negative), earnings per share and revenue, with their
evidence in the release's own text (``document``)."""

from __future__ import annotations

import re

from ..model import Event, Evidence, Filing
from ..values import DATE_RE, MONEY_RE, date_of, money_of, whole
from . import register
from ._text import evidence, item_spans, sentences

_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_QUARTER = re.compile(
    r"\b(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter\b|\bQ(?P<qn>[1-4])\b", re.I
)
_FULL_YEAR = re.compile(r"\b(?:full|fiscal)\s+(?:fiscal\s+)?year\b|\bfiscal\s+year\s+ended\b|\byear\s+ended\b", re.I)
_ENDED = re.compile(r"\b(?:quarter|year|period|weeks|months)\s+(?:then\s+)?ended\s+", re.I)
_EXHIBIT = re.compile(r"\bExhibit\s+(?P<n>99(?:\.\d{1,2})?)\b", re.I)


@register("earnings_release", ("2.02",))
def earnings_releases(filing: Filing, text: str) -> list[Event]:
    out: list[Event] = []
    for code, start, end in item_spans(filing, ("2.02",)):
        body = text[start:end]
        fields: dict[str, object] = {}
        proof = []
        q = _QUARTER.search(body)
        if q:
            fields["quarter"] = _ORDINAL[q.group("q").lower()] if q.group("q") else int(q.group("qn"))
            proof.append(evidence("quarter", text, (start + q.start(), start + q.end())))
        y = _FULL_YEAR.search(body)
        if y and (q is None or "full" in y.group(0).lower() or "and" in body[q.end() : y.start()]):
            fields["full_year"] = True
            proof.append(evidence("full_year", text, (start + y.start(), start + y.end())))
        elif q:
            fields["full_year"] = False
        for m in _ENDED.finditer(body):
            d = DATE_RE.match(body, m.end())
            if d and date_of(d):
                fields["period_end"] = date_of(d)
                proof.append(evidence("period_end", text, (start + d.start(), start + d.end())))
                break
        x = _EXHIBIT.search(body)
        if x:
            fields["press_release_exhibit"] = x.group("n")
            proof.append(evidence("press_release_exhibit", text, (start + x.start("n"), start + x.end("n"))))
        else:
            pr = next((e for e in filing.exhibits if e.is_press_release), None)
            if pr and pr.span:
                fields["press_release_exhibit"] = pr.number
                proof.append(evidence("press_release_exhibit", text, pr.span))
        doc = _release(filing, fields.get("press_release_exhibit"))
        if doc is not None:
            proof += _figures(filing.documents[doc].text or "", doc, fields)
        if fields:
            out.append(Event("earnings_release", code, fields, tuple(proof)))
    return out


# "reported net income of $53 million, or $0.24 per share"; "fourth quarter earnings of $204.5
# million, or 27 cents a share"; "a net loss of $3.1 million, or $0.12 per diluted share"
_HEADLINE = re.compile(
    r"\b(?P<what>net\s+(?:income|earnings|loss)|earnings|net\s+profit|profit|loss)\s+(?:of\s+|was\s+|were\s+|totaled\s+)"
    r"(?P<amt>\$\s?[\d,.]+(?:\s+(?:million|billion|thousand))?)\s*,?\s*or\s+"
    r"(?:(?P<eps>\$\s?\d+(?:\.\d+)?)|(?P<cents>\d{1,3})\s+cents)\s+(?:per|a)\s+(?:diluted\s+|basic\s+)?share",
    re.I,
)
_REVENUE = re.compile(
    r"\b(?:total\s+|operating\s+|net\s+)?(?:revenues?|net\s+sales)\b(?!\s+Service)[^.$]{0,80}?"
    r"(?:were|was|of|totaled|reached|(?:increased|decreased|rose|grew|fell)[^.$]{0,40}?to)\s+"
    r"(?P<amt>\$\s?[\d,.]+(?:\s+(?:million|billion|thousand))?)",
    re.I,
)
_FULL = re.compile(r"\bfull[- ]year\b|\bfor\s+the\s+(?:full\s+|fiscal\s+)?year\b|\byear\s+ended\b", re.I)


def _release(filing: Filing, number: object) -> int | None:
    """The index of the press release document in the submission, if it is there."""
    kinds = [(i, (d.type or "").upper()) for i, d in enumerate(filing.documents) if d.text]
    wanted = f"EX-{number}".upper() if number else None
    for i, kind in kinds:
        if wanted and (kind == wanted or kind.startswith(wanted + ".")):
            return i
    return next((i for i, kind in kinds if kind.startswith("EX-99")), None)


def _figures(text: str, doc: int, fields: dict[str, object]) -> list[Evidence]:
    """Net income, EPS and revenue of the period the release's headline reports."""
    proof: list[Evidence] = []
    head = None
    for s, e in sentences(text, 0, min(len(text), 6000)):
        head = _HEADLINE.search(text, s, e)
        if head:
            break
    if head is None:
        return proof
    loss = "loss" in head.group("what").lower()
    amount = MONEY_RE.match(head.group("amt"))
    if amount:
        v = money_of(amount)
        fields["net_income_usd"] = -whole(v) if loss else whole(v)
        proof.append(Evidence("net_income_usd", head.span("amt"), head.group("amt"), doc))
    if head.group("eps"):
        eps = float(re.sub(r"[^\d.]", "", head.group("eps")))
        span = head.span("eps")
    else:
        eps = int(head.group("cents")) / 100
        span = head.span("cents")
    fields["eps_usd"] = -eps if loss else eps
    proof.append(Evidence("eps_usd", span, text[span[0] : span[1]], doc))
    sent_start = text.rfind(".", 0, head.start()) + 1
    full = bool(_FULL.search(text, sent_start, head.end()))
    fields["figures_period"] = "full_year" if full else "quarter"
    for s, e in sentences(text, 0, len(text)):
        r = _REVENUE.search(text, s, e)
        if r and bool(_FULL.search(text, s, e)) == full:  # the headline's period, not the other
            amount = MONEY_RE.match(r.group("amt"))
            if amount:
                fields["revenue_usd"] = whole(money_of(amount))
                proof.append(Evidence("revenue_usd", r.span("amt"), r.group("amt"), doc))
            break
    return proof
