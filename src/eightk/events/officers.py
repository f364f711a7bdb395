"""Officer and director changes (Item 5.02; before 2004, Item 6 and often Item 5).

One event per person and change in a sentence that says it: appointed, elected, resigned,
retired, terminated; with the role and the effective date where the sentence gives them.
"""

from __future__ import annotations

import re

from ..model import Event, Filing
from ..values import DATE_RE, date_of
from . import register
from ._text import evidence, is_registrant, item_spans, sentences

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
    r"(?=[.,;]|\s+and\b|\s+effective\b)|Vice\s+President|directors?|member\s+of\s+the\s+(?:\w+'s\s+)?Board(?:\s+of\s+Directors)?|Board\s+of\s+(?:Directors|Managers)|manager\s+of\s+the\s+Board)\b",
    re.I,
)
_ON_DATE = re.compile(r"\b[Oo]n\s+")
_FUTURE = re.compile(r"\b(?:would|will)\s+(?:\w+\s+)?$", re.I)
# a person: two or three capitalised words, an initial allowed, an honorific or suffix allowed
_PERSON = re.compile(
    r"\b(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?(?P<name>(?:[A-Z][a-z]+|[A-Z]{2})(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-zA-Z'-]+){1,2}"
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
            people = [
                m
                for m in _PERSON.finditer(sent)
                if not _NOT_PEOPLE.search(m.group("name"))
                and _is_person(re.sub(r"['\u2019]s$", "", m.group("name")), text, filing)
            ]
            if not people:  # "Mr. Spaht was appointed": the full name the filing gives elsewhere
                people = list(_HONORIFIC.finditer(sent))
            people.sort(key=lambda m: m.start())
            if not people:
                continue
            role = _ROLE.search(sent)
            when = None
            bounds = [p.start() for p in people[1:]] + [len(sent)]
            for p, stop in zip(people, bounds, strict=True):
                name = re.sub(r"['’]s$", "", " ".join(p.group("name").split()))
                if p.re is _HONORIFIC:
                    full = _full_name(p.group("name"), text)
                    if full is None or any(n == full for n, _ in seen):
                        continue  # no full name, or this person's change is told already
                    name = full
                # the person's own verb: the nearest to the name ("the Board appointed X to succeed Y,
                # and Y retired": X was appointed)
                _, kind, verb = min(verbs, key=lambda v: min(abs(v[2].start() - p.end()), abs(p.start() - v[2].end())))
                # "X resigned as Chief Financial Officer and Director, Y ...": the role after the name
                # ("A, B and C resigned as directors": the role after the group)
                person_role = _best_role(sent, p.end(), stop) or _ROLE.search(sent, p.end()) or role
                when = None if kind == "not_standing" else _date_near(sent, verb.start(), filing.period_of_report)
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
                    fields["effective_date"] = when[0]
                    proof.append(evidence("effective_date", text, (s + when[1][0], s + when[1][1])))
                out.append(Event("officer_change", code, fields, tuple(proof)))
    return out


def _role(written: str) -> str:
    """A board seat is "director"; an office keeps its title as written (spaces tidied)."""
    w = " ".join(written.split())
    board = re.search(r"\b(?:directors?|board|managers?)\b", w, re.I)
    return "director" if board and "officer" not in w.lower() else w


def _date_near(sent: str, at: int, report: str | None = None) -> tuple[str, tuple[int, int]] | None:
    """The change's date: "effective June 1, 2024", else the "on June 1, 2024" nearest before
    the verb (a sentence may name other dates: "as amended on January 30, 2024"), else after.
    "effective as of the close of business on March 21" takes the report's year."""
    for m in _EFFECTIVE.finditer(sent):
        d = DATE_RE.match(sent, m.end())
        if d and date_of(d):
            return str(date_of(d)), d.span()
        bare = _YEARLESS.match(sent, m.end())
        if bare and report:
            iso = _with_year(bare.group("date"), report)
            if iso:
                return iso, bare.span("date")
    if _FUTURE.search(sent, max(0, at - 12), at):
        return None  # "On March 5, X notified ... that he would retire": the notice's date, not the change's
    dates = [d for m in _ON_DATE.finditer(sent) if (d := DATE_RE.match(sent, m.end())) and date_of(d)]
    before = [d for d in dates if d.start() <= at]
    d = before[-1] if before else (dates[0] if dates else None)
    return (str(date_of(d)), d.span()) if d else None


# a surname after an honorific ("Mr. Spaht"), resolved to the full name the filing gives
_HONORIFIC = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.\s+(?P<name>[A-Z][a-zA-Z'-]+)\b")
_YEARLESS = re.compile(
    r"(?:as\s+of\s+)?(?:the\s+close\s+of\s+business\s+on\s+)?(?P<date>(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\s+\d{1,2})(?!\d|,?\s*\d{4})"
)
_AGE = re.compile(r"^\s*,?\s*\(?\s*age\s+\d{2}", re.I)


def _is_person(name: str, text: str, filing: Filing) -> bool:
    """Not a company and not a term the filing defines: the registrant ("Meta Platforms"),
    a name in quotes ("General Partner", "Qualifying Termination"), "The Severance ..."."""
    words = name.split()
    if is_registrant(name, filing) or words[0] in _NOT_FIRST or words[-1] in _NOT_LAST:
        return False
    if any(w in _DOCUMENT_WORDS for w in words):
        return False  # "Second Amended", "Restated Limited Liability": an agreement's name
    at = text.find(name)
    if at >= 0 and _COMPANY_TAIL.match(text, at + len(name)):
        return False  # "Smith Allen Oil & Gas, LLP": a firm
    return not re.search(rf"[\"\u201c][^\"\u201d]{{0,40}}{re.escape(name)}[\"\u201d]", text)


_DOCUMENT_WORDS = frozenset({"Amended", "Restated", "Limited", "Liability", "Agreement", "Agreements", "Amendment"})
_COMPANY_TAIL = re.compile(r"\s*(?:&|,?\s+(?:LLC|LLP|L\.L\.C\.|L\.P\.|LP|Inc\.?|Corp\.?|Company|Co\.|Ltd\.?)\b)")
_NOT_LAST = frozenset({"As", "And", "Or", "Of", "In", "On", "At", "To", "For", "By", "The", "With"})
_NOT_FIRST = frozenset(
    {"The", "This", "That", "These", "Such", "Each", "Our", "Any", "All", "Its", "Their", "His", "Her"}
)


def _full_name(surname: str, text: str) -> str | None:
    """The full name for a surname ("Holden Spaht" for "Mr. Spaht"), when the filing gives one."""
    for m in _PERSON.finditer(text):
        name = " ".join(m.group("name").split())
        if name.split()[-1] == surname and len(name.split()) >= 2 and not _NOT_PEOPLE.search(name):
            return name
    return None


def _with_year(month_day: str, report: str) -> str | None:
    """A "March 21" in the report's year, ISO."""
    d = DATE_RE.match(f"{month_day}, {report[:4]}")
    return date_of(d) if d else None


def _best_role(sent: str, start: int, stop: int) -> re.Match[str] | None:
    """Of the offices listed after a name ("Executive Vice President, Chief Operating Officer,
    Assistant Secretary"), the principal one: a chief officer, then president, then the first."""
    roles = list(_ROLE.finditer(sent, start, stop))
    for rank in (r"\bChief\b", r"^President\b", r"\bChair"):
        for r in roles:
            if re.search(rank, r.group(0)):
                return r
    return roles[0] if roles else None
