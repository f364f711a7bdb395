"""The reading core: bytes of one filing -> :class:`~eightk.model.Filing`.

Pure: no network, no printing.  The pipeline, in the order of this package's
modules: ``container`` (decode, PEM, SGML parts) -> ``header`` (the SEC header)
-> ``text`` (text views with offset maps) -> ``cover`` (the cover page).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from ..errors import EightkError, ReadError
from ..model import (
    Address,
    Attachment,
    CoverBoxes,
    Discrepancy,
    Document,
    Filing,
    Header,
    HeaderFiler,
    Problem,
    Provenance,
    Registrant,
    Security12b,
    Source,
)
from ..values import normalise_date, normalise_ein, normalise_file_number, normalise_name
from .body import Body, read_body
from .container import Part, decode, split
from .cover import Cover, read_cover
from .found import Found
from .header import parse_header
from .text import TextView, html_view, plain_view, readable

__all__ = ["COMPARABLE", "header_filer", "parse", "read_bytes", "text_view"]

_TEXT_KINDS = ("html", "text")


def text_view(part: Part) -> TextView:
    """The text view of one part."""
    return html_view(part.body) if part.kind == "html" else plain_view(part.body)


def _primary(parts: list[Part]) -> int | None:
    """Index of the document that holds the 8-K itself."""
    for i, p in enumerate(parts):
        t = (p.type or "").upper()
        if t.startswith("8-K") and p.kind in _TEXT_KINDS:
            return i
    for i, p in enumerate(parts):
        if p.kind in _TEXT_KINDS:
            return i
    return None


def parse(data: bytes | str | os.PathLike[str], *, source: str | None = None) -> Filing:
    """Read one 8-K filing.

    ``data`` is the filing's bytes, its text, or a path to it.  Raises
    :class:`~eightk.errors.ReadError` (naming ``source`` or the path) when the
    input cannot be read as a filing at all; anything less becomes a
    ``problems`` entry of the returned record.
    """
    if isinstance(data, (str, os.PathLike)) and not (isinstance(data, str) and ("\n" in data or "<" in data)):
        path = Path(data)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ReadError(f"cannot open: {exc.strerror or exc}", source=str(path)) from exc
        return read_bytes(raw, source=source or str(path))
    if isinstance(data, str):
        return read_bytes(data.encode("utf-8"), source=source)
    return read_bytes(bytes(data), source=source)


def read_bytes(raw: bytes, *, source: str | None = None) -> Filing:
    """Read one filing from its bytes."""
    try:
        return _read(raw)
    except EightkError as exc:
        raise (exc.with_source(source) if source and not exc.source else exc) from None
    except RecursionError as exc:  # pathological nesting: report, never crash
        raise ReadError("input too deeply nested to read", source=source) from exc


def _read(raw: bytes) -> Filing:
    text, encoding = decode(raw)
    container = split(text)
    problems = [Problem(c, m) for c, m in container.problems]
    header = None
    if container.header_text is not None and container.header_layout:
        header = parse_header(container.header_text, container.header_layout)
    documents: list[Document] = []
    attachments: list[Attachment] = []
    for p in container.parts:
        problems.extend(Problem(c, m) for c, m in p.problems)
        documents.append(Document(p.sequence, p.type, p.filename, p.description, p.kind, len(p.body)))
        if p.kind not in _TEXT_KINDS:
            attachments.append(Attachment(p.sequence, p.type, p.filename, p.description, p.kind, len(p.body)))
    primary = _primary(container.parts)
    fmt = container.format
    if fmt == "submission" and primary is not None and "<ix:" in container.parts[primary].body[:100000].lower():
        fmt = "submission+ixbrl"
    src = Source(
        sha256=hashlib.sha256(raw).hexdigest(),
        format=fmt,
        encoding=encoding,
        size=len(raw),
        pem=container.pem,
    )
    if primary is None:
        problems.append(Problem("no-text-document", "no document of the filing holds readable text"))
        return Filing(
            source=src,
            header=header,
            documents=tuple(documents),
            attachments=tuple(attachments),
            problems=tuple(problems),
        )
    view = text_view(container.parts[primary])
    cover = read_cover(view)
    problems.extend(Problem(c, m) for c, m in cover.problems)
    # the era decides item numbering: the body's date of report, else the filing date
    date = normalise_date(_value(cover, "date")) or (header.filed_date if header else None)
    views = {primary: view}
    body = read_body(view, date, container.parts, primary, views)
    # the documents read keep their text view (for Python callers; not in the JSON)
    for i, v in views.items():
        d = documents[i]
        documents[i] = Document(d.sequence, d.type, d.filename, d.description, d.kind, d.size, readable(v.text))
    if not body.items:
        problems.append(Problem("no-items", "no item headings found in the body"))
    return _assemble(src, header, documents, attachments, primary, cover, body, problems)


def _first(cover: Cover, field: str) -> Found | None:
    lst = cover.fields.get(field)
    return lst[0] if lst else None


def _value(cover: Cover, field: str) -> Any:
    f = _first(cover, field)
    return f.value if f else None


#: how two written values of a cover field are compared (by the cover's field names)
COMPARABLE = {
    "name": normalise_name,
    "ein": lambda v: normalise_ein(v) or v,
    "file_number": lambda v: normalise_file_number(v, canonical=True) or v,
    "state": lambda v: (v or "").upper(),
    "date": lambda v: v,
    "form_type": lambda v: (v or "").upper(),
}
_FIELD_NAMES = {
    "name": "registrant.name",
    "cik": "registrant.cik",
    "state": "registrant.state_of_incorporation",
    "file_number": "registrant.commission_file_number",
    "ein": "registrant.irs_ein",
    "address": "registrant.address",
    "phone": "registrant.phone",
    "former_name": "registrant.former_name",
    "date": "period_of_report",
    "form_type": "form_type",
    "amendment": "amendment",
    "emerging_growth_company": "emerging_growth_company",
    "written_communications": "cover_boxes.written_communications",
    "soliciting_material": "cover_boxes.soliciting_material",
    "pre_commencement_tender_offer": "cover_boxes.pre_commencement_tender_offer",
    "pre_commencement_issuer_tender_offer": "cover_boxes.pre_commencement_issuer_tender_offer",
}


def header_filer(header: Header | None, file_number: str | None) -> HeaderFiler | None:
    """The party of the SEC header that is the registrant: by file number, else the filer."""
    if header is None or not header.filers:
        return None
    if file_number:
        want = normalise_file_number(file_number, canonical=True)
        for f in header.filers:
            if f.commission_file_number and normalise_file_number(f.commission_file_number, canonical=True) == want:
                return f
    for f in header.filers:
        if f.role in ("filer", "subject company"):
            return f
    return header.filers[0]


def _assemble(
    src: Source,
    header: Header | None,
    documents: list[Document],
    attachments: list[Attachment],
    primary: int,
    cover: Cover,
    body: Body,
    problems: list[Problem],
) -> Filing:
    provenance: list[Provenance] = []
    discrepancies: list[Discrepancy] = []
    for field, found in cover.fields.items():
        name = _FIELD_NAMES.get(field, field)
        for f in found:
            provenance.append(Provenance(name, f.value, f.source, primary, f.span, f.source_span))
        cmp = COMPARABLE.get(field)
        if cmp and len(found) > 1:
            distinct: dict[str, Any] = {}
            for f in found:
                distinct.setdefault(f.source, f.value)
            if len(distinct) > 1 and len({cmp(v) for v in distinct.values()}) > 1:
                discrepancies.append(Discrepancy(name, distinct))
    addr = _value(cover, "address") or {}
    registrant = Registrant(
        name=_value(cover, "name"),
        cik=_value(cover, "cik"),
        state_of_incorporation=_value(cover, "state"),
        commission_file_number=_value(cover, "file_number"),
        irs_ein=_value(cover, "ein"),
        address=Address(**addr) if addr else Address(),
        phone=_value(cover, "phone"),
        former_name=_value(cover, "former_name"),
    )
    # header against body: reported, never used to fill
    hf = header_filer(header, registrant.commission_file_number)
    if header is not None:
        pairs = [
            ("date", registrant and _value(cover, "date"), header.period_of_report),
            ("form_type", _value(cover, "form_type"), header.form_type),
        ]
        if hf is not None:
            pairs += [
                ("name", registrant.name, hf.name),
                ("ein", registrant.irs_ein, hf.irs_ein),
                ("file_number", registrant.commission_file_number, hf.commission_file_number),
                ("state", registrant.state_of_incorporation, hf.state_of_incorporation),
            ]
        for field, body_v, head_v in pairs:
            if body_v and head_v and COMPARABLE[field](body_v) != COMPARABLE[field](head_v):
                discrepancies.append(Discrepancy(_FIELD_NAMES[field], {"body": body_v, "header": head_v}))

    def val(d: dict[str, Found], k: str) -> Any:
        return d[k].value if k in d else None

    co = tuple(
        Registrant(
            name=val(d, "name"),
            cik=val(d, "cik"),
            state_of_incorporation=val(d, "state"),
            commission_file_number=val(d, "file_number"),
            irs_ein=val(d, "ein"),
            address=Address(**d["address"].value) if "address" in d else Address(),
            phone=val(d, "phone"),
        )
        for d in cover.co_registrants
    )
    for field in ("form_type", "date", "name"):
        if field not in cover.fields:
            problems.append(
                Problem("missing-" + field.replace("_", "-"), f"the cover page gives no {_FIELD_NAMES[field]}")
            )
    period = _value(cover, "date")
    return Filing(
        source=src,
        form_type=_value(cover, "form_type"),
        amendment=_value(cover, "amendment"),
        period_of_report=normalise_date(period) if period else None,
        registrant=registrant,
        co_registrants=co,
        securities_12b=tuple(Security12b(*r) for r in cover.securities_12b),
        cover_boxes=CoverBoxes(
            written_communications=_value(cover, "written_communications"),
            soliciting_material=_value(cover, "soliciting_material"),
            pre_commencement_tender_offer=_value(cover, "pre_commencement_tender_offer"),
            pre_commencement_issuer_tender_offer=_value(cover, "pre_commencement_issuer_tender_offer"),
        ),
        emerging_growth_company=_value(cover, "emerging_growth_company"),
        items=tuple(body.items),
        exhibits=tuple(body.exhibits),
        interactive_data=tuple(body.interactive_data),
        signatures=tuple(body.signatures),
        tickers=tuple(body.tickers),
        contacts=tuple(body.contacts),
        header=header,
        main_document=primary,
        documents=tuple(documents),
        attachments=tuple(attachments),
        provenance=tuple(provenance),
        discrepancies=tuple(discrepancies),
        problems=tuple(problems),
    )
