"""The local 8-K database: SQLite (WAL, one writer), FTS5 search, Parquet/CSV/JSON-lines export.

>>> from eightk.store import Store, ingest, search
>>> with Store("eightk.db") as db:                      # doctest: +SKIP
...     ingest(db, ["filings/"])
...     search(db, "auditor resigned")
"""

from .db import DEFAULT_DB, PARSER_VERSION, Store, accession_from_name, default_path
from .export import FORMATS, TABLES, export
from .ingest import DEFAULT_MAX_BYTES, Entry, Summary, entries, ingest
from .search import Filters, search

__all__ = [
    "DEFAULT_DB",
    "DEFAULT_MAX_BYTES",
    "Entry",
    "FORMATS",
    "Filters",
    "PARSER_VERSION",
    "Store",
    "Summary",
    "TABLES",
    "accession_from_name",
    "default_path",
    "entries",
    "export",
    "ingest",
    "search",
]
