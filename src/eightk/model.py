"""The plain data model: frozen, slotted dataclasses and nothing else.

Every record here is built by the reading core and turned into JSON by
:func:`to_dict`.  No record fetches, prints or renders itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

SCHEMA_VERSION = "0.5"

__all__ = [
    "SCHEMA_VERSION",
    "Address",
    "Attachment",
    "Contact",
    "CoverBoxes",
    "Discrepancy",
    "Document",
    "Exhibit",
    "Item",
    "Filing",
    "Header",
    "HeaderFiler",
    "Problem",
    "Provenance",
    "Registrant",
    "Security12b",
    "Signature",
    "Source",
    "Ticker",
    "to_dict",
]


@dataclass(frozen=True, slots=True)
class Address:
    street: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None


@dataclass(frozen=True, slots=True)
class Registrant:
    name: str | None = None
    cik: str | None = None
    state_of_incorporation: str | None = None
    commission_file_number: str | None = None
    irs_ein: str | None = None
    address: Address = field(default_factory=Address)
    phone: str | None = None
    former_name: str | None = None


@dataclass(frozen=True, slots=True)
class Security12b:
    title: str | None
    symbol: str | None
    exchange: str | None


@dataclass(frozen=True, slots=True)
class CoverBoxes:
    """The four boxes of a modern cover page; ``None`` where the cover has none."""

    written_communications: bool | None = None  # Rule 425
    soliciting_material: bool | None = None  # Rule 14a-12
    pre_commencement_tender_offer: bool | None = None  # Rule 14d-2(b)
    pre_commencement_issuer_tender_offer: bool | None = None  # Rule 13e-4(c)


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where one value came from.

    ``span`` indexes the text view of document ``document`` (its position in
    ``documents``); ``source_span`` indexes that document as filed (the decoded
    characters between ``<TEXT>`` and ``</TEXT>``, or the whole file).
    """

    field: str
    value: Any
    source: str  # "cover" | "ixbrl" | "header"
    document: int | None = None
    span: tuple[int, int] | None = None
    source_span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Discrepancy:
    field: str
    values: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Source:
    sha256: str
    format: str  # "submission" | "html" | "ixbrl" | "text"
    encoding: str
    size: int
    pem: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """One ``<DOCUMENT>`` of a submission (or the whole input when it has none)."""

    sequence: int | None
    type: str | None
    filename: str | None
    description: str | None
    kind: str  # "html" | "text" | "xml" | "xbrl" | "pdf" | "uuencoded" | "binary" | "empty"
    size: int
    #: the text eightk read (its text view), for the main document and the exhibits read;
    #: spans of items and provenance index it.  Not part of the JSON (``to_dict``).
    text: str | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class Attachment:
    """A part kept but never read as text: a binary, a PDF, XBRL or XML."""

    sequence: int | None
    type: str | None
    filename: str | None
    description: str | None
    kind: str
    size: int


@dataclass(frozen=True, slots=True)
class Item:
    """One item the filing reports (or marks not applicable)."""

    code: str  # the modern code: "8.01" for a 1997 "Item 5"
    number_as_filed: str | None  # None when inferred (an exhibit table with no Item 9.01 heading)
    title_as_filed: str | None
    status: str  # "reported" | "not_applicable"
    span: tuple[int, int]  # heading start to the end of the item's text, in the text view
    text: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class Exhibit:
    """An exhibit people read: listed under Item 9.01 / old Item 7 or an index, and/or filed
    as a document of the submission."""

    number: str
    type: str | None  # the document's <TYPE>, e.g. "EX-99.1"
    description: str | None
    is_press_release: bool
    filename: str | None
    document: int | None  # index into ``documents`` when filed as a document
    listed: bool  # named in the exhibit list or index of the body
    span: tuple[int, int] | None = None  # its entry in the main document's text view
    text: str | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Signature:
    name: str
    title: str | None
    date: str | None
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Ticker:
    exchange: str
    symbol: str


@dataclass(frozen=True, slots=True)
class Contact:
    """A press-release contact."""

    name: str
    phone: str | None
    email: str | None


@dataclass(frozen=True, slots=True)
class HeaderFiler:
    role: str  # "filer" | "subject company" | "filed by" | ...
    name: str | None = None
    cik: str | None = None
    sic: str | None = None
    irs_ein: str | None = None
    state_of_incorporation: str | None = None
    fiscal_year_end: str | None = None
    form_type: str | None = None
    sec_act: str | None = None
    commission_file_number: str | None = None
    film_number: str | None = None
    business_address: Address | None = None
    business_phone: str | None = None
    mail_address: Address | None = None
    former_names: tuple[dict[str, str | None], ...] = ()


@dataclass(frozen=True, slots=True)
class Header:
    """The SEC header of a complete submission, as EDGAR wrote it."""

    layout: str  # "sec-header" | "ims-header" | "submission"
    accession_number: str | None = None
    form_type: str | None = None
    filed_date: str | None = None
    period_of_report: str | None = None
    acceptance_datetime: str | None = None
    public_document_count: int | None = None
    items: tuple[str, ...] = ()
    filers: tuple[HeaderFiler, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where one value of an event was read: the field, its span in the main document's
    text view (or, with ``document``, in that document's), and the text of that span."""

    field: str
    span: tuple[int, int]
    text: str
    document: int | None = None  # another document's text view (a press release exhibit); None: the main one


@dataclass(frozen=True, slots=True)
class Event:
    """Something the filing discloses (a financing, an officer change, ...), as data."""

    type: str  # "private_placement", "officer_change", ...
    item: str | None  # the modern item code it was read from
    fields: dict[str, Any]
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Timeliness:
    """How long after the event the filing came, against the deadline of its era."""

    days_to_file: int
    deadline_days: int | None  # None: no deadline (Regulation FD, other events)
    deadline_kind: str | None  # "business" | "calendar"
    late: bool | None


@dataclass(frozen=True, slots=True)
class Filing:
    """One 8-K filing as eightk reads it."""

    source: Source
    form_type: str | None = None
    amendment: bool | None = None
    period_of_report: str | None = None
    registrant: Registrant = field(default_factory=Registrant)
    co_registrants: tuple[Registrant, ...] = ()
    securities_12b: tuple[Security12b, ...] = ()
    cover_boxes: CoverBoxes = field(default_factory=CoverBoxes)
    emerging_growth_company: bool | None = None
    items: tuple[Item, ...] = ()
    exhibits: tuple[Exhibit, ...] = ()
    interactive_data: tuple[Exhibit, ...] = ()
    signatures: tuple[Signature, ...] = ()
    tickers: tuple[Ticker, ...] = ()
    contacts: tuple[Contact, ...] = ()
    events: tuple[Event, ...] = ()
    timeliness: Timeliness | None = None
    header: Header | None = None
    main_document: int | None = None  # index into ``documents`` of the 8-K itself
    documents: tuple[Document, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    provenance: tuple[Provenance, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    problems: tuple[Problem, ...] = ()
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The filing as JSON-ready data, in the documented field order."""
        out = to_dict(self)
        ordered = {"schema_version": out.pop("schema_version")}
        ordered.update(out)
        return ordered


def to_dict(obj: Any) -> Any:
    """Dataclasses to dicts, tuples to lists; fields marked ``repr=False`` are left out.
    An event is flat: ``{"type", "item", <its fields>..., "evidence"}``."""
    if isinstance(obj, Event):
        return {"type": obj.type, "item": obj.item, **to_dict(obj.fields), "evidence": to_dict(obj.evidence)}
    if isinstance(obj, Evidence):  # "document" only when not the main document
        out = {"field": obj.field, "span": list(obj.span), "text": obj.text}
        return out if obj.document is None else {**out, "document": obj.document}
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in fields(obj) if f.repr}
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj
