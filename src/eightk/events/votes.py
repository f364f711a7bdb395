"""Shareholder votes (Item 5.07; before 2004, Item 4 of Form 10-Q carried them, an 8-K's
Item 5 sometimes): the meeting's date and kind, each proposal's vote counts (for, against
or withheld, abstentions, broker non-votes; one row per nominee in an election), and the
directors elected.

Vote tables reach the text view as rows of tab-separated cells. Two layouts are read: a
header row of vote labels over rows of counts (a nominee's name first in an election), and
label-count rows one under the other ("Votes For<TAB>363,324,753").
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Event, Evidence, Filing
from ..values import DATE_RE, date_of, whole
from . import register
from ._text import evidence, item_spans, sentences

_LABELS = (  # vote-column labels, in the order tried (broker non-votes before "votes")
    ("broker_non_votes", re.compile(r"^\s*broker\s*non[-\s]?votes?\s*$", re.I)),
    ("withheld", re.compile(r"^\s*(?:votes\s+)?withh(?:e|o)ld\s*$|^\s*authority\s+withheld\s*$", re.I)),
    ("against", re.compile(r"^\s*(?:votes\s+)?against\s*$", re.I)),
    ("abstain", re.compile(r"^\s*(?:votes\s+)?(?:abstain(?:ed|s)?|abstentions?|absentions?)\s*$", re.I)),
    ("for", re.compile(r"^\s*(?:votes\s+)?for\s*$", re.I)),
    # say-on-pay frequency: "1 Year", "Two Years", "Every 3 Years"
    ("one_year", re.compile(r"^\s*(?:every\s+(?:(?:1|one)\s+)?year|(?:1|one)[-\s]years?|annual(?:ly)?)\s*$", re.I)),
    ("two_years", re.compile(r"^\s*(?:every\s+)?(?:2|two)[-\s]years?\s*$", re.I)),
    ("three_years", re.compile(r"^\s*(?:every\s+)?(?:3|three)[-\s]years?\s*$", re.I)),
)
_COUNT = re.compile(r"^\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*$")
_NO_COUNT = re.compile(r"^\s*(?:[-\u2013\u2014]|N/?A|n/?a|\*)\s*$")  # a cell saying none (or not applicable)
_PROPOSAL = re.compile(
    r"^[ \t]*(?:(?:Proposal|Item)\s+(?:No\.\s*)?)?(?P<n>\d{1,2}|(?:i{1,3}|iv|vi{0,3}|ix|x)(?=[.)]))"
    r"(?:[.):]|\s+[-\u2013\u2014])[ \t]*(?=\S)",
    re.I | re.M,
)
# "1,806,791,973 shares in favor, 508,390,449 shares against, 7,129,921 shares abstaining and
# 250,464,124 broker non-votes"
_PROSE = re.compile(
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s+(?:(?:shares|votes)\s+(?:were\s+)?(?:cast\s+|voted\s+)?"
    r"(?P<label>in\s+favou?r|for|against|abstain(?:ing|ed)?|withheld)|(?P<broker>broker\s+non-votes))\b",
    re.I,
)
_PROSE_LABEL = {"in": "for", "fo": "for", "ag": "against", "ab": "abstain", "wi": "withheld"}
_MEETING = re.compile(r"\b(?P<kind>annual|special)(?:\s+and\s+special)?\s+meeting\b", re.I)
_ELECTED = re.compile(r"\b(?:re-?)?elect(?:ed|s)?\b|\belection\b", re.I)


def _label(cell: str) -> str | None:
    cell = cell.rstrip(" :")  # "FOR:", "BROKER NON-VOTES:"
    return next((name for name, rx in _LABELS if rx.match(cell)), None)


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


def _number(n: str) -> int:
    return int(n) if n.isdigit() else _ROMAN[n.lower()]


def _is_count(cell: str) -> bool:
    return bool(_COUNT.match(cell) or _NO_COUNT.match(cell))


def _count(cell: str) -> int | float | None:
    """The number of votes a cell gives (fractional shares keep their decimals): "-" is none
    (0), "N/A" not applicable (None)."""
    if _COUNT.match(cell):
        return whole(float(re.sub(r"[^\d.]", "", cell)))
    return 0 if re.match(r"^\s*[-\u2013\u2014]\s*$", cell) else None


def _cells(line: str, at: int) -> list[tuple[str, int, int]]:
    """The non-empty tab-separated cells of a line, with their offsets."""
    out = []
    for m in re.finditer(r"[^\t\n]+", line):
        if m.group().strip():
            lead = len(m.group()) - len(m.group().lstrip())
            out.append((m.group().strip(), at + m.start() + lead, at + m.start() + lead + len(m.group().strip())))
    return out


def _tables(text: str, start: int, end: int) -> list[dict[str, Any]]:
    """Vote rows in ``text[start:end]``: {nominee?, counts{label: (n, span)}}."""
    rows: list[dict[str, Any]] = []
    header: list[str | None] | None = None
    vertical: dict[str, Any] | None = None
    header_last, fresh = "", False
    at = start
    for line in text[start:end].split("\n"):
        cells = _cells(line, at)
        at += len(line) + 1
        labels = [_label(c[0]) for c in cells]
        if len(cells) >= 2 and sum(x is not None for x in labels) >= 2:
            header, vertical = labels, None  # a header row: its label cells name the columns
            header_last, fresh = cells[-1][0], True
            continue
        if fresh and header is not None and header[-1] is None and len(cells) == 1:
            fresh = False
            joined = _label(header_last + " " + cells[0][0])  # "BROKER" over "NON-VOTES": one header cell
            if joined is not None:
                header[-1] = joined
                continue
        fresh = False
        if len(cells) == 2 and labels[0] is not None and _is_count(cells[1][0]):
            if vertical is None:  # "Votes For<TAB>363,324,753", one label a row
                vertical = {"counts": {}}
                rows.append(vertical)
            vertical["counts"][labels[0]] = (_count(cells[1][0]), cells[1][1:])
            header = None
            continue
        vertical = None
        if header is None or not cells:
            if cells and header is not None:
                header = None
            continue
        counts = [c for c in cells if _is_count(c[0])]
        names = [c for c in cells if not _is_count(c[0])]
        columns = [x for x in header if x is not None]
        if len(counts) != len(columns) or len(names) > 1:
            header = None  # not a row of this table
            continue
        row: dict[str, Any] = {"counts": {col: (_count(c[0]), c[1:]) for col, c in zip(columns, counts, strict=True)}}
        if names:
            row["nominee"] = (names[0][0], names[0][1:])
        rows.append(row)
    if not rows:  # counts told in a sentence
        for s, e in sentences(text, start, end):
            told: dict[str, tuple[int | float | None, tuple[int, int]]] = {}
            for m in _PROSE.finditer(text, s, e):
                label = "broker_non_votes" if m.group("broker") else _PROSE_LABEL[m.group("label")[:2].lower()]
                told.setdefault(label, (_count(m.group("n")), (m.start("n"), m.end("n"))))
            if len(told) >= 2:
                rows.append({"counts": told, "at": s})
                break
    return rows


def _row_start(row: dict[str, Any]) -> int:
    if "at" in row:
        return int(row["at"])
    spans = [span for _, span in row["counts"].values()] + ([row["nominee"][1]] if "nominee" in row else [])
    return min(a for a, _ in spans)


@register("shareholder_vote", ("5.07",))
def shareholder_votes(filing: Filing, text: str) -> list[Event]:
    out: list[Event] = []
    for code, start, end in item_spans(filing, ("5.07",)):
        fields: dict[str, Any] = {}
        proof: list[Evidence] = []
        for s, e in sentences(text, start, end):
            m = _MEETING.search(text, s, e)
            if m is None:
                continue
            # of the sentence's dates, the one nearest the meeting ("proxy statement dated April
            # 26, 2024, ... the Annual Meeting of Stockholders held on June 6, 2024")
            dates = [d for d in DATE_RE.finditer(text, s, e) if date_of(d)]
            if not dates:
                continue
            d = min(dates, key=lambda d: min(abs(d.start() - m.end()), abs(m.start() - d.end())))
            fields["meeting_kind"] = m.group("kind").lower()
            proof.append(evidence("meeting_kind", text, (m.start("kind"), m.end("kind"))))
            fields["meeting_date"] = date_of(d)
            proof.append(evidence("meeting_date", text, (d.start(), d.end())))
            break
        # proposals: numbered paragraphs; the text before the first is the preamble
        marks = [m for m in _PROPOSAL.finditer(text, start, end)]
        ends = [m.start() for m in marks[1:]] + [end] if marks else []
        blocks = [(_number(m.group("n")), m.end(), stop) for m, stop in zip(marks, ends, strict=True)]
        proposals: list[dict[str, Any]] = []
        elected: list[str] = []
        for number, s, e in blocks:
            rows = _tables(text, s, e)
            if not rows:
                continue
            # the matter: the block's first line (a heading, or the sentence that says it)
            line_end = text.find("\n", s, e)
            matter = " ".join(text[s : line_end if line_end > 0 else e].split())
            # nominees were elected when the text before the table says so
            intro_end = min(_row_start(r) for r in rows)
            said_elected = bool(_ELECTED.search(text, s, intro_end))
            for row in rows:
                k = len(proposals)
                p: dict[str, Any] = {"number": number, "matter": matter[:300]}
                if "nominee" in row:
                    p["nominee"] = row["nominee"][0]
                    proof.append(evidence(f"proposals[{k}].nominee", text, row["nominee"][1]))
                for label, (n, span) in row["counts"].items():
                    if n is not None:
                        p[label] = n
                        proof.append(evidence(f"proposals[{k}].{label}", text, span))
                proposals.append(p)
                if "nominee" in row and said_elected:
                    elected.append(row["nominee"][0])
        if proposals:
            fields["proposals"] = proposals
        if elected:
            fields["directors_elected"] = elected
        if fields:
            out.append(Event("shareholder_vote", code, fields, tuple(proof)))
    return out
