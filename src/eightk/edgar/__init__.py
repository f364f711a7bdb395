"""EDGAR at the edge: a polite HTTP client, the indexes, and sync into the local database.

>>> from eightk.edgar import EdgarClient, sync
>>> from eightk.store import Store
>>> with Store("eightk.db") as db, EdgarClient("Jane Doe jane@example.com") as sec:  # doctest: +SKIP
...     sync(db, sec, since=date(2024, 1, 1))
"""

from .client import DEFAULT_EDGAR_URL, MAX_RATE, EdgarClient, RateLimiter
from .index import FORMS_8K, IndexFile, IndexRow, parse_master, plan
from .sync import SyncSummary, check_submission, fetch_one, resolve, sync

__all__ = [
    "DEFAULT_EDGAR_URL",
    "EdgarClient",
    "FORMS_8K",
    "IndexFile",
    "IndexRow",
    "MAX_RATE",
    "RateLimiter",
    "SyncSummary",
    "check_submission",
    "fetch_one",
    "parse_master",
    "plan",
    "resolve",
    "sync",
]
