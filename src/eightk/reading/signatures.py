"""Signatures: each signer's name, title and date.

Conventions read: ``/s/ Name`` followed by the title on the next lines;
``By: /s/ Name``, ``Name:`` and ``Title:`` labels (in lines or table cells);
several signers; a ``Date:`` line shared by the block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..values import DATE_RE, date_of

__all__ = ["FoundSignature", "read_signatures"]

_SLASH = re.compile(r"/\s*s\s*/[ \t]*(?P<name>[^\n\t\x0b]*)", re.I)
_LABEL = re.compile(r"^[ \t]*(?P<label>By|Name|Title|Its|Date|Dated)[ \t]*[:.]?[ \t]*(?P<value>[^\n]*)$", re.I | re.M)
_STOP = re.compile(
    r"^[ \t]*(?:EXHIBIT\s+INDEX|INDEX\s+TO\s+EXHIBITS|EXHIBITS?\b|Exhibit\s+(?:No|Number|Index)|"
    r"<\s*PAGE|Page\s+\d|\d+\s*$)",
    re.I | re.M,
)


@dataclass(frozen=True, slots=True)
class FoundSignature:
    name: str
    title: str | None
    date: str | None
    start: int
    end: int


#: a line naming a company (a co-registrant under the signer), not a title
_COMPANY_LINE = re.compile(r"^[A-Z0-9&.,' -]+\b(?:COMPANY|CORPORATION|INC|CORP|LLC|L\.P|LP|TRUST|BANCORP|HOLDINGS)\b")


def _clean(s: str) -> str:
    return " ".join(s.replace("\t", " ").split()).strip(" ,;:_")


_TITLE_WORD = re.compile(
    r"\b(?:President|Vice|Chief|Officer|Director|Secretary|Treasurer|Chairman|Chairwoman|Chair|CEO|CFO|COO"
    r"|General\s+Counsel|Controller|Comptroller|Manager|Partner|Executive|Senior|Principal|Assistant"
    r"|Counsel|Trustee|Member|Attorney|EVP|SVP)\b"
)


def _split_name(s: str) -> tuple[str, str | None]:
    """ "William E. Shea William E. Shea Senior Vice President" -> name, title."""
    words = s.split()
    for k in range(len(words) // 2, 1, -1):
        if words[:k] == words[k : 2 * k]:
            rest = " ".join(words[2 * k :])
            return " ".join(words[:k]), rest or None
    m = _TITLE_WORD.search(s)
    if m and len(words) >= 4 and m.start() > 3:
        return s[: m.start()].strip(" ,"), s[m.start() :].strip() or None
    head, comma, tail = s.partition(",")
    if comma and _TITLE_WORD.search(tail):  # "John Smith, President" (but not "John Smith, Jr.")
        return head.strip(), tail.strip() or None
    return s, None


def _is_title_line(s: str) -> bool:
    if not s or len(s) > 120:
        return False
    if re.match(r"(?:date|dated|by|name|/s/|\(registrant\)|registrant)\b", s, re.I):
        return False
    if DATE_RE.fullmatch(s):
        return False
    return True


def read_signatures(text: str, start: int, end: int) -> list[FoundSignature]:
    """Signers in ``text[start:end]`` (the signature block)."""
    stop = _STOP.search(text, start + 40, end)
    if stop:
        end = stop.start()
    block = text[start:end]
    dates = [date_of(m) for m in DATE_RE.finditer(block)]
    block_date = next((d for d in dates if d), None)
    # a "Date:" label beats dates in the prose above it
    for m in _LABEL.finditer(block):
        if m.group("label").lower() in ("date", "dated"):
            dm = DATE_RE.search(m.group("value"))
            if dm and date_of(dm):
                block_date = date_of(dm)
                break
    out: list[FoundSignature] = []
    # lines, with the lines inside a table cell (apart by CELL_BREAK) as lines of their own
    lines = re.split("[\n\x0b]", block)
    offsets = []
    pos = start
    for ln in lines:
        offsets.append(pos)
        pos += len(ln) + 1
    i = 0
    while i < len(lines):
        line = lines[i]
        sm = _SLASH.search(line)
        if not sm:
            i += 1
            continue
        name = _clean(re.split(r"\t|[ ]{2,}", sm.group("name").strip())[0])
        name, inline_title = _split_name(name)
        j = i + 1
        title_parts: list[str] = []
        label_title = None
        if not name:
            # "/s/" alone, the name on the next line
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines):
                name = _clean(lines[j])
                j += 1
        # after the name: Name:/Title: labels, or title lines
        blanks = 0
        while j < len(lines) and len(title_parts) < 4:
            raw = lines[j]
            full = " ".join(raw.split())  # as written, commas kept
            s = _clean(raw)
            if not s.strip("-_=* "):
                s = ""
            if not s:
                blanks += 1
                if blanks > 1 and title_parts:
                    break
                j += 1
                continue
            lm = _LABEL.match(raw)
            if lm:
                lab = lm.group("label").lower()
                val = _clean(lm.group("value"))
                # a title that runs on to the next line: "... General Counsel and" / "Assistant Secretary"
                while (
                    lab in ("title", "its")
                    and j + 1 < len(lines)
                    and _clean(lines[j + 1])
                    and (
                        re.search(r"(?:\band|\bof|&|,|-)$", val)
                        or re.match(r"(?:and|of|&)\b|[a-z]", _clean(lines[j + 1]))
                    )
                ):
                    j += 1
                    val = f"{val} {_clean(lines[j])}"
                if lab == "name" and val:
                    name = val if not name or name.lower() == val.lower() or len(val) > 2 else name
                    j += 1
                    continue
                if lab in ("title", "its") and val:
                    label_title = val
                    j += 1
                    continue
                break
            if _SLASH.search(raw):
                break
            if s.lower() == name.lower():
                j += 1
                continue
            if name and s.lower().startswith(name.lower()) and s[len(name) : len(name) + 1] in (" ", ","):
                full = full[len(name) + 1 :].strip(" ,")  # name and title in one cell
                s = full
                if not s:
                    j += 1
                    continue
            if not _is_title_line(s) or _COMPANY_LINE.search(s):
                break
            if title_parts and blanks and not (title_parts[-1][-1:].isalpha() and s[:1].islower()):
                break  # a new paragraph, unless it continues the title mid-phrase
            title_parts.append(full)
            blanks = 0
            j += 1
        joined = " ".join(" ".join(title_parts).split()).strip(" ,;:_") if title_parts else None
        title = label_title or inline_title or joined or None
        name = re.sub(r"^(?:By|Name)\s*:\s*", "", name, flags=re.I)
        if name and sum(c.isalpha() for c in name) >= 3 and len(name) <= 80:
            out.append(FoundSignature(name, title, block_date, offsets[i], offsets[min(j, len(lines) - 1)]))
        i = max(j, i + 1)
    if not out:
        # no "/s/": "By: Name" / "Name:" labels
        by_name: str | None = None
        by_title: str | None = None
        for m in _LABEL.finditer(block):
            lab, val = m.group("label").lower(), _clean(m.group("value"))
            if lab in ("by", "name") and val and sum(c.isalpha() for c in val) >= 3 and not by_name:
                by_name = val
            elif lab in ("title", "its") and val and by_name and not by_title:
                by_title = val
        if by_name:
            out.append(FoundSignature(by_name, by_title, block_date, start, end))
    return out
