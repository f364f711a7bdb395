"""Events typed with fewer fields: delisting notices (3.01), Regulation FD disclosures (7.01),
bankruptcy (1.03), non-reliance on past financial statements (4.02) and cybersecurity
incidents (1.05). Each says when (the item's "On <date>", else its first date) and what the
item's own language names: the exchange and rule of a delisting notice, the exhibits a
Regulation FD item furnishes, the chapter and court of a bankruptcy, who concluded that
statements can no longer be relied on.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Event, Evidence, Filing
from ..values import DATE_RE, date_of
from . import register
from ._text import evidence, item_spans

_ON = re.compile(r"\b[Oo]n\s+(?=[A-Z0-9])")
_EXCHANGE = re.compile(
    r"\b(?:NYSE\s+American|NYSE\s+Arca|NYSE\s+MKT|New\s+York\s+Stock\s+Exchange|NYSE|"
    r"(?:The\s+)?Nasdaq(?:\s+(?:Global\s+Select|Global|Capital)\s+Market|\s+Stock\s+Market)?|NASDAQ|"
    r"American\s+Stock\s+Exchange|OTC\s*(?:QX|QB|Pink)?)\b"
)
_RULE = re.compile(
    r"\b(?:(?:Listing\s+)?Rule|Section|Sections)\s+(?P<rule>\d{3,4}(?:\([a-z0-9]+\))*(?:\([a-z0-9]+\))*)"
    r"(?:\s+of\s+the\s+(?P<guide>[A-Z][\w ]*?(?:Company\s+Guide|Listed\s+Company\s+Manual|Listing\s+Rules)))?"
)
_DELIST_KIND = (
    ("transfer", re.compile(r"\btransfer(?:red)?\s+(?:the\s+)?(?:listing|its\s+listing)\b", re.I)),
    ("voluntary", re.compile(r"\b(?:intends?|decided|determined)\s+to\s+(?:voluntarily\s+)?delist\b", re.I)),
    (
        "delisting",
        re.compile(
            r"\b(?:proceedings\s+to\s+delist|suspend(?:ed)?\s+trading|delisting\s+determination|"
            r"will\s+be\s+delisted|to\s+delist)\b",
            re.I,
        ),
    ),
    (
        "deficiency",
        re.compile(
            r"\b(?:not\s+in\s+compliance|no\s+longer\s+(?:in\s+)?compl|fail(?:ed|ure)?\s+to\s+"
            r"(?:satisfy|meet|comply)|deficiency)\b",
            re.I,
        ),
    ),
)
_DELIST_FROM = re.compile(r"\bdelist\w*\b[^.]{0,80}\bfrom\s+(?:the\s+)?$", re.I)
_EXHIBIT = re.compile(r"\bExhibits?\s+(?P<n>99(?:\.\d{1,2})?)\b")
_CHAPTER = re.compile(r"\b[Cc]hapter\s+(?P<n>7|11|15|9)\b")
_COURT = re.compile(
    r"\b(?P<court>United\s+States\s+Bankruptcy\s+Court\s+for\s+the\s+(?:[A-Z][a-z]+\s+)?District\s+of\s+"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
)
_CONCLUDED = re.compile(
    r"\b(?P<who>[Aa]udit\s+[Cc]ommittee|[Bb]oard\s+of\s+[Dd]irectors|[Mm]anagement|independent\s+registered"
    r"\s+public\s+accounting\s+firm)\b[^.]{0,200}?\b(?:concluded|determined)\b"
)
_WHO = {"audit committee": "audit_committee", "board of directors": "board", "management": "management"}


def _when(text: str, start: int, end: int) -> re.Match[str] | None:
    """The item's "On <date>", else its first date."""
    for m in _ON.finditer(text, start, end):
        d = DATE_RE.match(text, m.end())
        if d and date_of(d):
            return d
    return next((d for d in DATE_RE.finditer(text, start, end) if date_of(d)), None)


def _typed(kind: str, code: str, text: str, start: int, end: int, found: dict[str, Any]) -> Event:
    fields: dict[str, Any] = {}
    proof: list[Evidence] = []
    d = _when(text, start, end)
    if d is not None:
        fields["date"] = date_of(d)
        proof.append(evidence("date", text, (d.start(), d.end())))
    for name, (value, span) in found.items():
        fields[name] = value
        proof.append(evidence(name, text, span))
    return Event(kind, code, fields, tuple(proof))


def _first(rx: re.Pattern[str], text: str, start: int, end: int, group: str = "") -> Any:
    m = rx.search(text, start, end)
    if m is None:
        return None
    g = group or 0
    return " ".join(m.group(g).split()), (m.start(g), m.end(g))


@register("delisting", ("3.01",))
def delistings(filing: Filing, text: str) -> list[Event]:
    out = []
    for code, start, end in item_spans(filing, ("3.01",)):
        found = {}
        # the exchange the stock is delisted from (not "NYSE Regulation", who wrote), else the first named
        exchanges = list(_EXCHANGE.finditer(text, start, end))
        ex = next((m for m in exchanges if _DELIST_FROM.search(text, max(start, m.start() - 120), m.start())), None)
        ex = ex or (exchanges[0] if exchanges else None)
        if ex:
            found["exchange"] = (" ".join(ex.group(0).split()), (ex.start(), ex.end()))
        rule = _RULE.search(text, start, end)
        if rule:
            found["rule"] = (" ".join(rule.group(0).split()), (rule.start(), rule.end()))
        kind = next(((k, m) for k, rx in _DELIST_KIND if (m := rx.search(text, start, end))), None)
        if kind:
            found["notice"] = (kind[0], (kind[1].start(), kind[1].end()))
        out.append(_typed("delisting", code, text, start, end, found))
    return out


@register("regulation_fd", ("7.01",))
def regulation_fd(filing: Filing, text: str) -> list[Event]:
    out = []
    for code, start, end in item_spans(filing, ("7.01",)):
        ev = _typed("regulation_fd", code, text, start, end, {})
        numbers: list[str] = []
        proof = list(ev.evidence)
        for m in _EXHIBIT.finditer(text, start, end):
            if m.group("n") not in numbers:
                numbers.append(m.group("n"))
                proof.append(evidence("exhibits", text, (m.start("n"), m.end("n"))))
        fields = dict(ev.fields, **({"exhibits": numbers} if numbers else {}))
        out.append(Event("regulation_fd", code, fields, tuple(proof)))
    return out


@register("bankruptcy", ("1.03",))
def bankruptcies(filing: Filing, text: str) -> list[Event]:
    out = []
    for code, start, end in item_spans(filing, ("1.03",)):
        found = {}
        ch = _CHAPTER.search(text, start, end)
        if ch:
            found["chapter"] = (int(ch.group("n")), (ch.start("n"), ch.end("n")))
        court = _first(_COURT, text, start, end, "court")
        if court:
            found["court"] = court
        out.append(_typed("bankruptcy", code, text, start, end, found))
    return out


@register("non_reliance", ("4.02",))
def non_reliance(filing: Filing, text: str) -> list[Event]:
    out = []
    for code, start, end in item_spans(filing, ("4.02",)):
        found = {}
        who = _CONCLUDED.search(text, start, end)
        if who:
            name = " ".join(who.group("who").split()).lower()
            found["concluded_by"] = (_WHO.get(name, "auditor"), (who.start("who"), who.end("who")))
        out.append(_typed("non_reliance", code, text, start, end, found))
    return out


@register("cybersecurity_incident", ("1.05",))
def cybersecurity_incidents(filing: Filing, text: str) -> list[Event]:
    return [_typed("cybersecurity_incident", c, text, s, e, {}) for c, s, e in item_spans(filing, ("1.05",))]
