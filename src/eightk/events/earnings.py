"""Earnings releases (Item 2.02; before 2004, Item 12): the period the results cover and the
press release that gives them."""

from __future__ import annotations

import re

from ..model import Event, Filing
from ..values import DATE_RE, date_of
from . import register
from ._text import evidence, item_spans

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
        if fields:
            out.append(Event("earnings_release", code, fields, tuple(proof)))
    return out
