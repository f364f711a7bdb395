"""EDGAR's indexes: which index files cover a date range, and their rows.

Whole past quarters come from the quarterly full index (``full-index/YYYY/QTRn/master.gz``,
else ``master.idx``): one request a quarter, so thirty years take about 120 index requests.
The current quarter, not yet complete, comes from its daily indexes
(``daily-index/YYYY/QTRn/master.YYYYMMDD.idx``), one per weekday up to today.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

# the 8-K family: the current report, its amendments, and the successor-issuer variants
FORMS_8K = ("8-K", "8-K/A", "8-K12B", "8-K12B/A", "8-K12G3", "8-K12G3/A", "8-K15D5", "8-K15D5/A")

_ACCESSION = re.compile(r"(\d{10}-\d{2}-\d{6})\.txt$")


@dataclass(frozen=True, slots=True)
class IndexFile:
    """One index file to read: ``paths`` are tried in order (a 404 moves to the next)."""

    paths: tuple[str, ...]
    first: date  # the dates it covers
    last: date
    daily: bool

    @property
    def key(self) -> str:
        return self.paths[0]


@dataclass(frozen=True, slots=True)
class IndexRow:
    cik: str
    company: str
    form_type: str
    date_filed: str  # ISO
    path: str  # edgar/data/CIK/ACCESSION.txt
    accession: str


def quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def quarter_bounds(year: int, q: int) -> tuple[date, date]:
    start = date(year, 3 * (q - 1) + 1, 1)
    nxt = date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1)
    return start, nxt - timedelta(days=1)


def plan(since: date, until: date, today: date) -> list[IndexFile]:
    """The index files that list every filing dated ``since``..``until`` (inclusive)."""
    until = min(until, today)
    if since > until:
        return []
    out: list[IndexFile] = []
    year, q = quarter_of(since)
    current = quarter_of(today)
    while (year, q) <= quarter_of(until):
        first, last = quarter_bounds(year, q)
        if (year, q) < current:
            base = f"full-index/{year}/QTR{q}/"
            out.append(IndexFile((base + "master.gz", base + "master.idx"), first, last, daily=False))
        else:
            d = max(first, since)
            while d <= min(last, until):
                if d.weekday() < 5:  # EDGAR disseminates on business days only
                    out.append(
                        IndexFile(
                            (f"daily-index/{year}/QTR{q}/master.{d:%Y%m%d}.idx",),
                            d,
                            d,
                            daily=True,
                        )
                    )
                d += timedelta(days=1)
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    return out


def parse_master(data: bytes) -> Iterator[IndexRow]:
    """Rows of a ``master`` index (plain or gzipped): ``CIK|Company Name|Form Type|Date Filed|Filename``."""
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    text = data.decode("latin-1")
    started = False
    for line in text.splitlines():
        if not started:
            started = line.startswith("-----")
            continue
        parts = line.split("|")
        if len(parts) != 5:
            continue
        cik, company, form, filed, path = (p.strip() for p in parts)
        m = _ACCESSION.search(path)
        if not m or not cik.isdigit():
            continue
        yield IndexRow(cik.lstrip("0") or "0", company, form.upper(), _iso(filed), path, m.group(1))


def _iso(s: str) -> str:
    s = s.strip()
    if re.fullmatch(r"\d{8}", s):
        return f"{s[:4]}-{s[4:6]}-{s[6:]}"
    return s
