"""Bytes -> the parts of a filing: decoding, PEM, SGML ``<DOCUMENT>`` parts.

Recognises EDGAR complete submissions (``<SEC-DOCUMENT>``, ``<IMS-DOCUMENT>``
and ``<SUBMISSION>`` layouts, with or without their SEC header, optionally
wrapped in a 1990s PEM privacy-enhanced message) and bare documents (HTML,
inline XBRL, plain text).  Binary parts (uuencoded files, ``<PDF>``) are
recognised and measured, never decoded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import BinaryInputError, EmptyInputError, MalformedFilingError
from .text import looks_like_html

__all__ = ["Part", "Container", "decode", "split"]


@dataclass(slots=True)
class Part:
    """One document of a submission, as filed."""

    type: str | None
    sequence: int | None
    filename: str | None
    description: str | None
    body: str  # the characters between <TEXT> and </TEXT> (or the whole input)
    kind: str  # html | text | xml | xbrl | pdf | uuencoded | binary | empty
    offset: int = 0  # where ``body`` starts in the decoded input
    problems: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class Container:
    format: str  # submission | html | ixbrl | text
    pem: bool
    header_text: str | None
    header_layout: str | None
    parts: list[Part]
    problems: list[tuple[str, str]]


# every byte but the C0 controls that text never holds (tab, newlines, form feed and ESC stay)
_TEXT_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in b"\t\n\r\x0b\x0c\x1b")


def decode(data: bytes) -> tuple[str, str]:
    """Bytes -> text: UTF-8 (with or without BOM), else cp1252, else Latin-1."""
    if not data or not data.strip():
        raise EmptyInputError("empty input: nothing to read")
    head = data[:8192]
    if head.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"PK\x03\x04", b"\x1f\x8b", b"\xff\xd8\xff")):
        raise BinaryInputError("binary input (an image, archive or PDF), not a filing")
    if head.count(b"\x00") > len(head) // 100 + 1:
        raise BinaryInputError("binary input (NUL bytes), not a filing")
    if len(head.translate(None, _TEXT_BYTES)) > len(head) // 20 + 1:
        raise BinaryInputError("binary input (control bytes), not a filing")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(enc), "utf-8" if enc == "utf-8-sig" else enc
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


_PEM_BEGIN = "-----BEGIN PRIVACY-ENHANCED MESSAGE-----"
_PEM_END = "-----END PRIVACY-ENHANCED MESSAGE-----"
_DOC_OPEN = re.compile(r"<DOCUMENT>", re.I)
_DOC_CLOSE = re.compile(r"</DOCUMENT>", re.I)
_HEADER = re.compile(r"<(SEC-HEADER|IMS-HEADER)>(.*?)(?:</\1>|(?=<DOCUMENT>))", re.S | re.I)
_META = re.compile(r"^[ \t]*<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[ \t]*(.*?)[ \t]*\r?$", re.M | re.I)
_TEXT_OPEN = re.compile(r"<TEXT>[ \t]*\r?\n?", re.I)
_TEXT_CLOSE = re.compile(r"</TEXT>", re.I)
_UU = re.compile(r"\A\s*begin(?:-base64)?\s+[0-7]{3,4}\s+\S", re.I)
_SUBMISSION_START = re.compile(r"\A\s*<SUBMISSION>", re.I)


def _strip_pem(text: str) -> tuple[str, bool]:
    i = text.find(_PEM_BEGIN, 0, 4096)
    if i < 0:
        return text, False
    # The PEM headers (Proc-Type, Originator-Name, MIC-Info...) end at the first blank line.
    m = re.compile(r"\r?\n[ \t]*\r?\n").search(text, i)
    body_start = m.end() if m else i + len(_PEM_BEGIN)
    j = text.rfind(_PEM_END)
    body_end = j if j > body_start else len(text)
    # blank out the wrapper, keeping offsets of everything inside it
    return " " * body_start + text[body_start:body_end] + " " * (len(text) - body_end), True


def _kind(body: str, doc_type: str | None) -> str:
    head = body[:2048].lstrip()
    if not head:
        return "empty"
    upper = head[:16].upper()
    if upper.startswith("<PDF>") or upper.startswith("%PDF"):
        return "pdf"
    if _UU.match(head):
        return "uuencoded"
    if upper.startswith("<XBRL>"):
        inner = head[6:].lstrip()
        if looks_like_html(inner[:5000]) and re.search(r"<html", inner[:3000], re.I):
            return "html"
        return "xbrl"
    if upper.startswith("<XML>") or upper.startswith("<?XML"):
        if re.search(r"<html", head, re.I):
            return "html"
        return "xml"
    t = (doc_type or "").upper()
    if t in {"GRAPHIC", "ZIP", "EXCEL", "JSON", "XML", "PDF"} or t.startswith("EX-101."):
        return "xbrl" if t.startswith("EX-101.") else "binary" if t in {"GRAPHIC", "ZIP", "EXCEL"} else t.lower()
    if looks_like_html(body):
        return "html"
    return "text"


def _parse_parts(text: str, start: int, problems: list[tuple[str, str]]) -> list[Part]:
    parts: list[Part] = []
    opens = [m.end() for m in _DOC_OPEN.finditer(text, start)]
    for n, dstart in enumerate(opens):
        nxt = opens[n + 1] - len("<DOCUMENT>") if n + 1 < len(opens) else len(text)
        close = _DOC_CLOSE.search(text, dstart, nxt)
        dend = close.start() if close else nxt
        pprobs: list[tuple[str, str]] = []
        if close is None:
            pprobs.append(("unclosed-document", f"<DOCUMENT> {n + 1} has no </DOCUMENT>"))
        tmatch = _TEXT_OPEN.search(text, dstart, dend)
        meta_end = tmatch.start() if tmatch else dend
        meta: dict[str, str] = {}
        for m in _META.finditer(text, dstart, meta_end):
            meta.setdefault(m.group(1).upper(), m.group(2))
        if tmatch:
            body_start = tmatch.end()
            closes = list(_TEXT_CLOSE.finditer(text, body_start, dend))
            tclose = closes[-1] if closes else None  # the last </TEXT> of the part ends it
            body_end = tclose.start() if tclose else dend
            if tclose is None:
                pprobs.append(("unclosed-text", f"<TEXT> of document {n + 1} has no </TEXT>"))
        else:
            body_start = body_end = meta_end
            pprobs.append(("no-text", f"document {n + 1} has no <TEXT>"))
        body = text[body_start:body_end]
        seq = meta.get("SEQUENCE", "")
        part = Part(
            type=meta.get("TYPE") or None,
            sequence=int(seq) if seq.isdigit() else None,
            filename=meta.get("FILENAME") or None,
            description=meta.get("DESCRIPTION") or None,
            body=body,
            kind=_kind(body, meta.get("TYPE")),
            offset=body_start,
            problems=pprobs,
        )
        parts.append(part)
    return parts


def split(text: str) -> Container:
    """Decoded input -> its container format, header text and parts."""
    text, pem = _strip_pem(text)
    problems: list[tuple[str, str]] = []
    head = text[:4096].lstrip()[:64].upper()
    has_docs = _DOC_OPEN.search(text) is not None
    is_sgml = has_docs or head.startswith(
        ("<SEC-DOCUMENT>", "<IMS-DOCUMENT>", "<SUBMISSION>", "<SEC-HEADER>", "<IMS-HEADER>")
    )
    if is_sgml:
        header_text = None
        layout = None
        first_doc = _DOC_OPEN.search(text)
        doc_start = first_doc.start() if first_doc else len(text)
        hm = _HEADER.search(text, 0, doc_start + 16 if first_doc else len(text))
        if hm:
            header_text = hm.group(2)
            layout = hm.group(1).lower()
        elif _SUBMISSION_START.match(text):
            header_text = text[text.upper().find("<SUBMISSION>") + 12 : doc_start]
            layout = "submission"
        parts = _parse_parts(text, 0, problems)
        if not parts:
            if header_text is None:
                raise MalformedFilingError("an SGML submission with neither header nor documents")
            problems.append(("no-documents", "the submission holds no <DOCUMENT>"))
        return Container("submission", pem, header_text, layout, parts, problems)
    kind = "html" if looks_like_html(text) else "text"
    fmt = kind
    if kind == "html" and re.search(r"<ix:(?:header|nonnumeric)", text[:200000], re.I):
        fmt = "ixbrl"
    part = Part(type=None, sequence=None, filename=None, description=None, body=text, kind=kind)
    return Container(fmt, pem, None, None, [part], problems)
