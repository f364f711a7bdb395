"""eightk: SEC Form 8-K current reports of every era and format, as structured data.

>>> import eightk
>>> filing = eightk.parse(b"FORM 8-K ...")            # doctest: +SKIP
>>> filing.registrant.name, filing.period_of_report  # doctest: +SKIP
"""

from .api import parse, read_bytes
from .errors import BinaryInputError, EightkError, EmptyInputError, MalformedFilingError, ReadError
from .model import (
    SCHEMA_VERSION,
    Address,
    Attachment,
    Contact,
    CoverBoxes,
    Discrepancy,
    Document,
    Event,
    Evidence,
    Exhibit,
    Filing,
    Header,
    HeaderFiler,
    Item,
    Problem,
    Provenance,
    Registrant,
    Security12b,
    Signature,
    Source,
    Ticker,
    Timeliness,
)

__version__ = "0.3.0"

__all__ = [
    "Address",
    "Attachment",
    "BinaryInputError",
    "Contact",
    "CoverBoxes",
    "Discrepancy",
    "Document",
    "EightkError",
    "EmptyInputError",
    "Event",
    "Evidence",
    "Exhibit",
    "Filing",
    "Header",
    "HeaderFiler",
    "Item",
    "MalformedFilingError",
    "Problem",
    "Provenance",
    "ReadError",
    "Registrant",
    "SCHEMA_VERSION",
    "Security12b",
    "Signature",
    "Source",
    "Ticker",
    "Timeliness",
    "parse",
    "read_bytes",
]
