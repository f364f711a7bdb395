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
from .db import TEXTS_PER_FILING, Store
from .snippets import snippet

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
        sql.append("EXISTS (SELECT 1 FROM items i WHERE i.filing_id = f.id AND i.code = ? AND i.status = 'reported')")
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


WINDOW = 1000  # matching texts ranked per step; a query matching fewer is ranked exhaustively


def search(
    store: Store,
    query: str,
    filters: Filters | None = None,
    *,
    limit: int = 20,
    exhaustive: bool = False,
    window: int = WINDOW,
    marks: tuple[str, str] = ("[", "]"),
    snippets: int | None = None,
) -> list[dict[str, Any]]:
    """Filings whose item or exhibit texts match ``query``, best first (BM25), with a snippet.

    A query matching at most :data:`WINDOW` texts is ranked over all of them. A broader one
    ("press release" matches most filings) is ranked window by window, most recently stored
    texts first, until ``limit`` filings pass the filters: the answer stays fast at any
    database size, and is the exhaustive BM25 order over the windows read. ``exhaustive``
    ranks every match (slow for broad queries on large databases). ``snippets`` makes
    snippets for the best that many hits only (None: all); ``marks`` open and close a match.

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
            window_size = None if exhaustive else max(1, window)
            n_snippets = limit if snippets is None else snippets
            rows = _match(store, q, where, args, limit, window_size, marks, n_snippets)
        except sqlite3.OperationalError as exc:
            if q != query:  # the plain words cannot be a syntax error: something else is wrong
                raise StoreError(f"search failed: {exc}") from exc
            continue  # not FTS5 syntax ("unterminated string", "syntax error near"): the plain words
        return [_hit(r) for r in rows]
    return []


def _match(
    store: Store,
    q: str,
    where: str,
    args: list[Any],
    limit: int,
    window: int | None,
    marks: tuple[str, str],
    n_snippets: int,
) -> list[dict[str, Any]]:
    best: dict[int, tuple[float, int]] = {}  # filing id -> (rank, text id) of its best text
    hi: int | None = None  # exclusive upper rowid bound of the next window
    while True:
        lo = None
        if window is not None:
            # the window's lower bound: the window-th matching text, newest first
            row = store.db.execute(
                "SELECT rowid FROM texts_fts WHERE texts_fts MATCH ?"
                + (" AND rowid < ?" if hi is not None else "")
                + " ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                (q, *(() if hi is None else (hi,)), window - 1),
            ).fetchone()
            lo = row[0] if row else None
        bounds = ""
        params: list[Any] = [q]
        if lo is not None:
            bounds += " AND x.rowid >= ?"
            params.append(lo)
        if hi is not None:
            bounds += " AND x.rowid < ?"
            params.append(hi)
        # texts.id = filing id * TEXTS_PER_FILING + n: the filing comes from the rowid, no join
        join = "" if where == "1" else f" JOIN filings f ON f.id = x.rowid / {TEXTS_PER_FILING}"
        for fid, tid, rank in store.db.execute(
            f"SELECT x.rowid / {TEXTS_PER_FILING}, x.rowid, x.rank FROM texts_fts x{join}"
            f" WHERE texts_fts MATCH ?{bounds} AND {where}",
            (*params, *args),
        ):
            if fid not in best or (rank, tid) < best[fid]:
                best[fid] = (rank, tid)
        if lo is None or len(best) >= limit:
            break
        hi = lo
    if not best:
        return []
    # best first; equal ranks in text-id order (deterministic); rows read for the top only
    top = sorted(best, key=lambda i: best[i])[:limit]
    id_holes = ",".join("?" * len(top))
    rows = {
        r["id"]: dict(r) for r in store.db.execute(f"SELECT * FROM filings WHERE id IN ({id_holes})", top).fetchall()
    }
    tids = [best[i][1] for i in top[:n_snippets]]
    if not tids:
        return [dict(rows[i], snippet=None) for i in top]
    holes = ",".join("?" * len(tids))
    snippets = {
        tid: snippet(body, q, marks)
        for tid, body in store.db.execute(f"SELECT id, body FROM texts WHERE id IN ({holes})", tids)
    }
    return [dict(rows[i], snippet=snippets.get(best[i][1])) for i in top]


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
