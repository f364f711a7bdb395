"""Sync: EDGAR's indexes -> the 8-K family's complete submissions -> the local database.

Resumable by construction: index rows are stored before any filing is fetched, and each
fetched submission is stored (as a filing, or as a problem with its bytes) in its own
transaction before it counts as done. A sync killed at any point and run again fetches
only what is missing; a second sync over the same range fetches no filing again and reads
again only the indexes that may have changed (today's, and any that were not there yet).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from ..errors import BlockedError, FetchError, NotOnEdgarError
from ..store.db import Store
from .client import EdgarClient
from .index import FORMS_8K, IndexFile, parse_master, plan


@dataclass(slots=True)
class SyncSummary:
    indexes_read: int = 0
    indexes_skipped: int = 0
    indexes_missing: int = 0  # past quarters whose index was not found
    wanted: int = 0
    already: int = 0
    fetched: int = 0
    new: int = 0
    failed: int = 0
    requests: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, int]:
        return {
            "indexes_read": self.indexes_read,
            "indexes_skipped": self.indexes_skipped,
            "indexes_missing": self.indexes_missing,
            "filings_wanted": self.wanted,
            "filings_already_stored": self.already,
            "filings_fetched": self.fetched,
            "filings_new": self.new,
            "filings_failed": self.failed,
            "requests": self.requests,
        }


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def check_submission(body: bytes) -> str | None:
    """What is wrong with a complete submission's body, if it is cut short."""
    if not body.strip():
        return "empty body"
    head = body[:4096].upper()
    tail = body[-4096:].upper()
    pairs = (
        (b"-----BEGIN PRIVACY-ENHANCED MESSAGE-----", b"-----END PRIVACY-ENHANCED MESSAGE-----"),
        (b"<SEC-DOCUMENT>", b"</SEC-DOCUMENT>"),
        (b"<IMS-DOCUMENT>", b"</IMS-DOCUMENT>"),
        (b"<SUBMISSION>", b"</SUBMISSION>"),
    )
    for opening, closing in pairs:
        if opening in head:
            return None if closing in tail else f"truncated body (no {closing.decode()})"
    return None


def _forms_key(forms: Iterable[str]) -> str:
    return ",".join(sorted(set(forms)))


def read_indexes(
    store: Store, client: EdgarClient, files: list[IndexFile], forms: tuple[str, ...], today: date, summary: SyncSummary
) -> None:
    """Fetch the index files not read before (or that may have changed) and store their rows."""
    wanted = set(forms)
    for f in files:
        row = store.db.execute("SELECT final, forms FROM edgar_indexes WHERE path = ?", (f.key,)).fetchone()
        if row and row["final"] and wanted <= set(row["forms"].split(",")):
            summary.indexes_skipped += 1
            continue
        body = None
        for path in f.paths:
            try:
                body = client.get(path).content
                break
            except NotOnEdgarError:
                continue
        if body is None:
            if not f.daily:  # every past quarter has an index on EDGAR: a mirror lacks one
                summary.indexes_missing += 1
                summary.failures.append((client.url(f.paths[-1]), "quarterly index not found (404)"))
                store._problem(client.url(f.paths[-1]), "", 0, "index-missing", "quarterly index not found (404)")
            if f.last < today - timedelta(days=3):  # a holiday: that day's index will never come
                with store._transaction():
                    store.db.execute(
                        "INSERT OR REPLACE INTO edgar_indexes VALUES (?,?,1,?,0)", (f.key, _now(), _forms_key(wanted))
                    )
            continue  # a daily index: a holiday, or a day not yet published
        rows = [r for r in parse_master(body) if r.form_type in wanted]
        known = set(row["forms"].split(",")) if row else set()
        # final: the quarter or day is over (its index will not change); today's may still grow
        final = f.last < today
        with store._transaction():
            store.db.executemany(
                "INSERT OR IGNORE INTO edgar_index_rows VALUES (?,?,?,?,?,?)",
                [(r.accession, r.cik, r.company, r.form_type, r.date_filed, r.path) for r in rows],
            )
            store.db.execute(
                "INSERT OR REPLACE INTO edgar_indexes VALUES (?,?,?,?,?)",
                (f.key, _now(), int(final), _forms_key(wanted | known) if final else _forms_key(wanted), len(rows)),
            )
        summary.indexes_read += 1


def worklist(
    store: Store, since: date, until: date, forms: tuple[str, ...], ciks: tuple[str, ...]
) -> tuple[list[tuple[str, str]], int]:
    """(accession, path) of the submissions to fetch, oldest first, and how many are stored already."""
    sql = (
        "SELECT accession, min(path) AS path, max(accession IN (SELECT accession FROM edgar_fetched)"
        " OR accession IN (SELECT accession FROM filings WHERE accession IS NOT NULL)) AS have"
        " FROM edgar_index_rows WHERE date_filed BETWEEN ? AND ?"
        f" AND form_type IN ({','.join('?' * len(forms))})"
    )
    args: list[object] = [since.isoformat(), until.isoformat(), *forms]
    if ciks:
        sql += f" AND cik IN ({','.join('?' * len(ciks))})"
        args += [c.lstrip("0") or "0" for c in ciks]
    sql += " GROUP BY accession ORDER BY min(date_filed), accession"
    todo: list[tuple[str, str]] = []
    have = 0
    for r in store.db.execute(sql, args):
        if r["have"]:
            have += 1
        else:
            todo.append((r["accession"], r["path"]))
    return todo, have


def store_fetched(store: Store, accession: str, url: str, raw: bytes) -> str:
    """Store one fetched submission (a filing, or a problem keeping its bytes) and mark it done."""
    status = store.add(raw, source=url)
    with store._transaction():
        store.db.execute(
            "INSERT OR REPLACE INTO edgar_fetched VALUES (?,?,?,?)",
            (accession, url, hashlib.sha256(raw).hexdigest(), _now()),
        )
        store.db.execute("DELETE FROM problems WHERE source = ? AND code = 'fetch-failed'", (url,))
    return status


def fetch_all(
    store: Store,
    client: EdgarClient,
    todo: list[tuple[str, str]],
    summary: SyncSummary,
    *,
    workers: int = 4,
    progress: Callable[[str, str], None] | None = None,
) -> None:
    """Fetch ``todo`` on ``workers`` threads (the client's rate limit holds across them);
    store each in this thread, the one writer, as it arrives."""
    it = iter(todo)
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        running: dict[Future[bytes], tuple[str, str]] = {}

        def download(path: str) -> bytes:
            return client.get(path, check=check_submission).content

        def submit() -> None:
            for acc, path in it:
                running[pool.submit(download, path)] = (acc, path)
                return

        for _ in range(max(1, workers) * 2):
            submit()
        try:
            while running:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in done:
                    acc, path = running.pop(fut)
                    url = client.url(path)
                    try:
                        raw = fut.result()
                    except BlockedError:
                        raise
                    except FetchError as exc:
                        summary.failed += 1
                        summary.failures.append((url, exc.message))
                        store._problem(url, "", 0, "fetch-failed", exc.message)
                        if progress:
                            progress(acc, "failed")
                        submit()
                        continue
                    status = store_fetched(store, acc, url, raw)
                    summary.fetched += 1
                    if status in ("new", "updated"):
                        summary.new += 1
                    if progress:
                        progress(acc, status)
                    submit()
        except BaseException:
            for fut in running:
                fut.cancel()
            raise


def sync(
    store: Store,
    client: EdgarClient,
    *,
    since: date,
    until: date | None = None,
    forms: tuple[str, ...] = FORMS_8K,
    ciks: tuple[str, ...] = (),
    workers: int = 4,
    today: date | None = None,
    progress: Callable[[str, str], None] | None = None,
) -> SyncSummary:
    """Bring the database up to date with EDGAR's 8-K family filed ``since``..``until``."""
    today = today or datetime.now(UTC).date()
    until = min(until or today, today)
    forms = tuple(f.upper() for f in forms)
    summary = SyncSummary()
    try:
        read_indexes(store, client, plan(since, until, today), forms, today, summary)
        todo, summary.already = worklist(store, since, until, forms, ciks)
        summary.wanted = len(todo) + summary.already
        fetch_all(store, client, todo, summary, workers=workers, progress=progress)
    finally:
        summary.requests = client.requests
    return summary


_ACC = re.compile(r"^(\d{10})-?(\d{2})-?(\d{6})$")


def resolve(store: Store, ref: str) -> tuple[str | None, str]:
    """``ACCESSION``, ``CIK/ACCESSION`` or a URL -> (accession, path or URL) to fetch."""
    ref = ref.strip()
    if ref.startswith(("http://", "https://")):
        m = re.search(r"(\d{10}-\d{2}-\d{6})", ref)
        return (m.group(1) if m else None), ref
    cik = None
    if "/" in ref:
        cik, ref = ref.split("/", 1)
    m = _ACC.match(ref)
    if not m:
        raise ValueError(f"not an accession number (0000950135-97-004927), CIK/ACCESSION or URL: {ref!r}")
    acc = f"{m[1]}-{m[2]}-{m[3]}"
    if cik is None:
        row = store.db.execute("SELECT path FROM edgar_index_rows WHERE accession = ? LIMIT 1", (acc,)).fetchone()
        if row:
            return acc, row["path"]
        cik = m[1]  # the filer agent's CIK: right for a company filing for itself
    return acc, f"edgar/data/{int(cik)}/{acc}.txt"


def fetch_one(store: Store, client: EdgarClient, ref: str) -> tuple[str, str]:
    """Fetch and ingest one filing; returns (URL, status)."""
    acc, path = resolve(store, ref)
    raw = client.get(path, check=check_submission).content
    url = client.url(path)
    if acc:
        return url, store_fetched(store, acc, url, raw)
    return url, store.add(raw, source=url)
