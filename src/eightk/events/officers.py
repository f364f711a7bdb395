"""Officer and director changes (Item 5.02; before 2004, Item 6 and often Item 5).

One event per person and change in a sentence that says it: appointed, elected, resigned,
retired, terminated; with the role and the effective date where the sentence gives them.
"""

from __future__ import annotations

import re

from ..model import Event, Filing
from ..values import DATE_RE, date_of
from . import register
from ._text import evidence, item_spans, sentences

_CHANGES = (
    ("retired", re.compile(r"\bretire(?:d|s|ment)?\b|\bretiring\b", re.I)),
    ("not_standing", re.compile(r"\b(?:not|decline[sd]?\s+to)\s+(?:to\s+)?stand\s+for\s+re-?election\b", re.I)),
    ("resigned", re.compile(r"\bresign(?:ed|s|ation)?\b", re.I)),
    ("terminated", re.compile(r"\b(?:terminat(?:e|ed|es|ion)|dismiss(?:ed|al)|removed)\b", re.I)),
    ("elected", re.compile(r"\belected\b", re.I)),
    ("appointed", re.compile(r"\b(?:appointed|appointment|named)\b", re.I)),
)
_ROLE = re.compile(
    r"\b(?:(?:Executive\s+|Non-Executive\s+|Lead\s+Independent\s+|Independent\s+)?Chair(?:man|woman|person)?"
    r"(?:\s+of\s+the\s+Board)?|(?:President\s+and\s+)?Chief\s+\w+(?:\s+\w+)?\s+Officer|President|Treasurer|"
    r"(?:Corporate\s+)?Secretary|General\s+Counsel|Controller|(?:Executive|Senior)\s+Vice\s+President[\w ,]*?"
    r"(?=[.,;]|\s+and\b|\s+effective\b)|Vice\s+President|directors?|member\s+of\s+the\s+(?:\w+'s\s+)?Board(?:\s+of\s+Directors)?|Board\s+of\s+Directors)\b",
    re.I,
)
_ON_DATE = re.compile(r"\b[Oo]n\s+")
_FUTURE = re.compile(r"\b(?:would|will)\s+(?:\w+\s+)?$", re.I)
# a person: two or three capitalised words, an initial allowed, an honorific or suffix allowed
_PERSON = re.compile(
    r"\b(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-zA-Z'-]+){1,2}"
    r"(?:,?\s+(?:Jr\.|Sr\.|II|III|IV))?)"
)
_NOT_PEOPLE = re.compile(
    r"\b(?:Board|Company|Directors|Committee|Corporation|Inc|Officer|President|Chief|Item|Exhibit|Section|Act|"
    r"Agreement|Plan|Securities|Exchange|Commission|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Nasdaq|NYSE|Form|Report|Annual|Meeting|Stockholders|Shareholders|Holdings|Group|"
    r"Trust|Fund|Partners|Capital|Bank|LLC|L\.P|Street|Avenue|United|States|Delaware|Nevada|New|York|Texas|"
    r"Registrant|Certain|Compensatory|Arrangements|Departure|Election|Appointment|Technologies|Effective|Date|"
    r"Regulation|Executive|Chairman|Chairwoman|Director|Secretary|Treasurer|Counsel|Vice|Senior)\b"
)
_EFFECTIVE = re.compile(r"\beffective\s+(?:as\s+of\s+|on\s+)?", re.I)


@register("officer_change", ("5.02", "8.01"))
def officer_changes(filing: Filing, text: str) -> list[Event]:
    out: list[Event] = []
    seen: set[tuple[str, str]] = set()
    for code, start, end in item_spans(filing, ("5.02", "8.01")):
        if code == "8.01" and not re.search(r"\b(?:resign|appoint|elected|retire)", text[start:end], re.I):
            continue
        for s, e in sentences(text, start, end):
            sent = text[s:e]
            if len(sent) < 120 and not sent.rstrip().endswith((".", ":", ";")):
                continue  # a heading ("Appointment of X as Chief Financial Officer"): the sentences tell
            verbs = sorted(((m.start(), c, m) for c, rx in _CHANGES for m in rx.finditer(sent)), key=lambda v: v[0])
            if not verbs:
                continue
            people = [m for m in _PERSON.finditer(sent) if not _NOT_PEOPLE.search(m.group("name"))]
            if not people:
                continue
            role = _ROLE.search(sent)
            when = None
            bounds = [p.start() for p in people[1:]] + [len(sent)]
            for p, stop in zip(people, bounds, strict=True):
                name = re.sub(r"['’]s$", "", " ".join(p.group("name").split()))
                # the person's own verb: the nearest to the name ("the Board appointed X to succeed Y,
                # and Y retired": X was appointed)
                _, kind, verb = min(verbs, key=lambda v: min(abs(v[2].start() - p.end()), abs(p.start() - v[2].end())))
                # "X resigned as Chief Financial Officer and Director, Y ...": the role after the name
                # ("A, B and C resigned as directors": the role after the group)
                person_role = _ROLE.search(sent, p.end(), stop) or _ROLE.search(sent, p.end()) or role
                when = _date_near(sent, verb.start())
                if sent[min(verb.start(), p.end()) : max(verb.start(), p.start())].lower().count("except"):
                    continue  # "shall resign, with the exceptions that X and Y will remain"
                if (name, kind) in seen:
                    continue
                seen.add((name, kind))
                fields: dict[str, object] = {"person": name, "change": kind}
                proof = [evidence("person", text, (s + p.start("name"), s + p.end("name")))]
                proof.append(evidence("change", text, (s + verb.start(), s + verb.end())))
                if person_role:
                    fields["role"] = _role(person_role.group(0))
                    proof.append(evidence("role", text, (s + person_role.start(), s + person_role.end())))
                if when:
                    fields["effective_date"] = date_of(when)
                    proof.append(evidence("effective_date", text, (s + when.start(), s + when.end())))
                out.append(Event("officer_change", code, fields, tuple(proof)))
    return out


def _role(written: str) -> str:
    """A board seat is "director"; an office keeps its title as written (spaces tidied)."""
    w = " ".join(written.split())
    return "director" if re.search(r"\b(?:directors?|board)\b", w, re.I) and "officer" not in w.lower() else w


def _date_near(sent: str, at: int) -> re.Match[str] | None:
    """The change's date: "effective June 1, 2024", else the "on June 1, 2024" nearest before
    the verb (a sentence may name other dates: "as amended on January 30, 2024"), else after."""
    for m in _EFFECTIVE.finditer(sent):
        d = DATE_RE.match(sent, m.end())
        if d and date_of(d):
            return d
    if _FUTURE.search(sent, max(0, at - 12), at):
        return None  # "On March 5, X notified ... that he would retire": the notice's date, not the change's
    dates = [d for m in _ON_DATE.finditer(sent) if (d := DATE_RE.match(sent, m.end())) and date_of(d)]
    before = [d for d in dates if d.start() <= at]
    return before[-1] if before else (dates[0] if dates else None)
