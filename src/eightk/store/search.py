"""Full-text search over item and exhibit texts (SQLite FTS5, porter stemming, BM25).

A query is FTS5 syntax (``auditor NEAR resigned``, ``"private placement" OR warrants``,
``body:dismiss*``); a query that is not valid FTS5 (``Item 2.02``, ``AT&T``) is searched
as its plain words.  Hits are filings, best first, each with the best-matching snippet.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..errors import StoreError
from .db import Store

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Filters:
    item: str | None = None  # modern item code, e.g. "4.01" (an old "Item 4" is stored as 4.01)
    form_type: str | None = None  # "8-K", "8-K/A"
    cik: str | None = None
    since: str | None = None  # period of report, ISO date, inclusive
    until: str | None = None
    event: str | None = None  # event type, e.g. "financing"


def _where(f: Filters) -> tuple[str, list[Any]]:
    sql: list[str] = []
    args: list[Any] = []
    if f.item:
        sql.append("EXISTS (SELECT 1 FROM items i WHERE i.filing_id = f.id AND i.code = ?)")
        args.append(f.item)
    if f.form_type:
        sql.append("f.form_type = ?")
        args.append(f.form_type.upper())
    if f.cik:
        sql.append(
            "(ltrim(f.cik, '0') = ltrim(?, '0') OR EXISTS (SELECT 1 FROM registrants r"
            " WHERE r.filing_id = f.id AND ltrim(r.cik, '0') = ltrim(?, '0')))"
        )
        args += [f.cik, f.cik]
    if f.since:
        sql.append("f.period_of_report >= ?")
        args.append(f.since)
    if f.until:
        sql.append("f.period_of_report <= ?")
        args.append(f.until)
    if f.event:
        sql.append("EXISTS (SELECT 1 FROM events e WHERE e.filing_id = f.id AND e.type = ?)")
        args.append(f.event)
    return (" AND ".join(sql) or "1"), args


def plain_query(query: str) -> str:
    """The words of ``query`` as an FTS5 query that cannot be a syntax error."""
    return " ".join(f'"{w}"' for w in _WORD.findall(query))


def search(store: Store, query: str, filters: Filters | None = None, *, limit: int = 20) -> list[dict[str, Any]]:
    """Filings whose item or exhibit texts match ``query``, best first (BM25), with a snippet.

    An empty query lists the filings the filters select, newest period first."""
    f = filters or Filters()
    where, args = _where(f)
    if not query.strip():
        rows = store.db.execute(
            f"SELECT f.*, NULL AS snippet FROM filings f WHERE {where}"
            " ORDER BY f.period_of_report DESC, f.filing_key LIMIT ?",
            (*args, limit),
        ).fetchall()
        return [_hit(dict(r)) for r in rows]
    for q in (query, plain_query(query)):
        if not q:
            return []
        try:
            rows = _match(store, q, where, args, limit)
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc) or "syntax" in str(exc) or "no such column" in str(exc):
                continue  # not FTS5 syntax: search the plain words
            raise StoreError(f"search failed: {exc}") from exc
        return [_hit(r) for r in rows]
    return []


def _match(store: Store, q: str, where: str, args: list[Any], limit: int) -> list[dict[str, Any]]:
    # rank every matching text, keep each filing's best, filter, then make snippets for the top only
    top = store.db.execute(
        f"""
        WITH best AS (
            SELECT t.filing_id AS fid, texts_fts.rowid AS tid, min(texts_fts.rank) AS rank
            FROM texts_fts JOIN texts t ON t.id = texts_fts.rowid
            WHERE texts_fts MATCH ? GROUP BY t.filing_id
        )
        SELECT f.*, best.tid AS tid FROM best JOIN filings f ON f.id = best.fid
        WHERE {where} ORDER BY best.rank, f.filing_key LIMIT ?
        """,
        (q, *args, limit),
    ).fetchall()
    if not top:
        return []
    tids = [r["tid"] for r in top]
    marks = ",".join("?" * len(tids))
    snippets = dict(
        store.db.execute(
            f"SELECT rowid, snippet(texts_fts, 1, '[', ']', '…', 12) FROM texts_fts"
            f" WHERE texts_fts MATCH ? AND rowid IN ({marks})",
            (q, *tids),
        ).fetchall()
    )
    return [dict(r, snippet=snippets.get(r["tid"])) for r in top]


def _hit(r: Any) -> dict[str, Any]:
    return {
        "id": r["id"],
        "accession": r["accession"],
        "registrant_name": r["registrant_name"],
        "cik": r["cik"],
        "form_type": r["form_type"],
        "period_of_report": r["period_of_report"],
        "items": r["item_codes"].split(),
        "snippet": " ".join(r["snippet"].split()) if r["snippet"] else None,
    }
