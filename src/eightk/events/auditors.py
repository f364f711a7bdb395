"""Auditor changes (Item 4.01; before 2004, Item 4): the former and the new accountant,
whether the former was dismissed or resigned (or declined to stand for re-election), and
whether the filing reports disagreements with it."""

from __future__ import annotations

import re

from ..model import Event, Filing
from . import register
from ._text import evidence, item_spans

# an accounting firm or a practitioner: "Chisholm & Associates, Inc.", "Larry O'Donnell, CPA, PC",
# "Ernst & Young LLP", "HJ & Associates, LLC"
_FIRM = (
    r"(?P<firm>(?:[A-Z][\w'.-]*|&)(?:\s+(?:[A-Z][\w'.-]*|&|and))*?"
    r"(?:,?\s+(?:CPA|CPAs|LLP|LLC|L\.L\.P\.|P\.C\.|PC|PLLC|Inc\.|Ltd\.|Associates|Company|Co\.))+)"
)
_FORMER = (
    re.compile(
        r"\b(?:former|prior|initial|previous)\s+(?:principal\s+)?(?:independent\s+)?"
        r"(?:auditor|accountant|auditing\s+firm|accounting\s+firm)s?,?\s+" + _FIRM
    ),
    re.compile(r"\breplacing\s+(?:our\s+|the\s+)?(?:\w+\s+){0,3}(?:auditor|accountant)s?,?\s+" + _FIRM),
    re.compile(_FIRM + r",?\s+(?:was|were|has\s+been)\s+(?:dismissed|terminated)"),
    re.compile(r"\bdismissed\s+" + _FIRM),
    re.compile(_FIRM + r",?\s+(?:resigned|declined)"),
)
_NEW = (
    re.compile(r"\b(?:retained|engaged|appointed|selected)\s+" + _FIRM + r",?\s+as\b"),
    re.compile(
        r"\bnew\s+(?:principal\s+)?(?:independent\s+)?(?:registered\s+public\s+)?"
        r"(?:auditor|accountant|accounting\s+firm|auditing\s+firm)s?\s+(?:is|will\s+be)\s+" + _FIRM
    ),
    re.compile(r"\b[Tt]he\s+firm\s+of\s+" + _FIRM + r",?\s+was\s+(?:engaged|retained|appointed)"),
)
_DISMISSED = re.compile(r"\bdismiss(?:ed|al)\b|\bneither\s+resigned\s+nor\s+declined\b|\bterminat(?:ed|ion)\b", re.I)
_RESIGNED = re.compile(r"(?<!neither )\bresign(?:ed|ation)\b", re.I)
_DECLINED = re.compile(r"(?<!nor )\bdeclined\s+to\s+stand\b", re.I)
_NO_DISAGREE = re.compile(r"\b(?:no|not\s+any|were\s+not\s+any)\s+(?:disagreements?|disputes?)\b", re.I)
_DISAGREE = re.compile(r"\bdisagreements?\b", re.I)


@register("auditor_change", ("4.01",))
def auditor_changes(filing: Filing, text: str) -> list[Event]:
    out: list[Event] = []
    for code, start, end in item_spans(filing, ("4.01",)):
        body = text[start:end]
        fields: dict[str, object] = {}
        proof = []
        for name, patterns in (("former_accountant", _FORMER), ("new_accountant", _NEW)):
            hits = [m for rx in patterns for m in rx.finditer(body)]
            if hits:
                first = min(hits, key=lambda h: h.start("firm"))
                fields[name] = " ".join(first.group("firm").split()).rstrip(",")
                proof.append(evidence(name, text, (start + first.start("firm"), start + first.end("firm"))))
        if not fields:
            continue
        for change, rx in (("dismissed", _DISMISSED), ("resigned", _RESIGNED), ("declined", _DECLINED)):
            said = rx.search(body)
            if said:
                fields["change"] = change
                proof.append(evidence("change", text, (start + said.start(), start + said.end())))
                break
        dis = _NO_DISAGREE.search(body) or _DISAGREE.search(body)
        if dis:
            fields["disagreements"] = not bool(_NO_DISAGREE.match(body, dis.start()))
            proof.append(evidence("disagreements", text, (start + dis.start(), start + dis.end())))
        out.append(Event("auditor_change", code, fields, tuple(proof)))
    return out
