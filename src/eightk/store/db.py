"""The embedded database: SQLite in WAL mode, one writer, many readers.

>>> store = Store("eightk.db")                    # doctest: +SKIP
>>> store.add(raw_bytes, source="a.txt")          # doctest: +SKIP
'new'

Every derived row is stamped with the parser version that made it; the raw bytes stay in
``blobs`` so :meth:`Store.reparse` can rebuild everything after an upgrade.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..api import read_bytes
from ..errors import BinaryInputError, EightkError, EmptyInputError, MalformedFilingError, NotFoundError, StoreError
from ..model import Filing, Registrant, to_dict
from .schema import MIGRATIONS

PARSER_VERSION = __version__
TEXTS_PER_FILING = 4096  # texts.id = filings.id * TEXTS_PER_FILING + position
DEFAULT_DB = "eightk.db"

_PROBLEM_CODES: tuple[tuple[type[EightkError], str], ...] = (
    (EmptyInputError, "empty"),
    (BinaryInputError, "binary"),
    (MalformedFilingError, "malformed"),
)

_ACCESSION = re.compile(r"(?<!\d)(\d{10})[-_](\d{2})[-_](\d{6})(?!\d)")
_ACCESSION_DIR = re.compile(r"(?:^|[/\\])(\d{10})(\d{2})(\d{6})(?:[/\\]|$)")


def default_path() -> str:
    """``$EIGHTK_DB``, else ``eightk.db`` in the current folder."""
    return os.environ.get("EIGHTK_DB") or DEFAULT_DB


def accession_from_name(name: str) -> str | None:
    """An accession number written in a file or folder name (``0000950135-97-004927.txt``,
    ``..._acc0001193125_24_249922.htm``, ``.../000162828026055726/x.htm``), else None."""
    m = _ACCESSION.search(name) or _ACCESSION_DIR.search(name)
    return f"{m[1]}-{m[2]}-{m[3]}" if m else None


def problem_code(exc: EightkError) -> str:
    for cls, code in _PROBLEM_CODES:
        if isinstance(exc, cls):
            return code
    return "unreadable"


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _b(v: bool | None) -> int | None:
    return None if v is None else int(v)


class Store:
    """One eightk database file.  Not thread-safe: one ``Store`` per thread or process."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, readonly: bool = False) -> None:
        self.path = str(path or default_path())
        if readonly and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path} (run `eightk ingest` first)")
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA busy_timeout = 30000")
            self.db.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
                self._migrate()
            else:
                self._check_version()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable eightk database ({exc})") from exc

    # -- schema -----------------------------------------------------------------------------
    def _applied(self) -> int:
        has = self.db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='migrations'").fetchone()
        if not has:
            return 0
        return int(self.db.execute("SELECT coalesce(max(version), 0) FROM migrations").fetchone()[0])

    def _check_version(self) -> None:
        done = self._applied()
        if done > len(MIGRATIONS):
            raise StoreError(f"{self.path}: made by a newer eightk (schema {done}, this one knows {len(MIGRATIONS)})")
        if done < len(MIGRATIONS):
            raise StoreError(f"{self.path}: schema {done} is older than {len(MIGRATIONS)}; open it for writing once")

    def _migrate(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                " applied_at TEXT NOT NULL)"
            )
            done = self._applied()
            if done > len(MIGRATIONS):
                raise StoreError(f"{self.path}: made by a newer eightk (schema {done})")
            for version, (name, sql) in enumerate(MIGRATIONS, start=1):
                if version <= done:
                    continue
                for statement in _statements(sql):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO migrations VALUES (?, ?, ?)", (version, name, _now()))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------------------
    def add(
        self,
        raw: bytes,
        *,
        source: str,
        max_bytes: int | None = None,
        reading: Filing | EightkError | None = None,
        sha256: str | None = None,
    ) -> str:
        """Read one filing's bytes and store it.  Returns ``"new"``, ``"unchanged"``,
        ``"updated"`` (re-derived by a newer parser, or a better copy of the same accession)
        or ``"failed"`` (recorded in ``problems``; nothing raised for bad input).

        ``reading`` is the filing already read from ``raw``, or the error reading raised
        (a Dask worker's work); without it the bytes are read here."""
        sha = sha256 or hashlib.sha256(raw).hexdigest()
        if max_bytes is not None and len(raw) > max_bytes:
            self._problem(source, sha, len(raw), "too-large", f"{len(raw)} bytes, over the limit of {max_bytes}")
            return "failed"
        row = self.db.execute("SELECT id, parser_version FROM filings WHERE sha256 = ?", (sha,)).fetchone()
        if row is not None and row["parser_version"] == PARSER_VERSION:
            self._source(row["id"], source)
            return "unchanged"
        if reading is None:
            try:
                reading = read_bytes(raw, source=source)
            except EightkError as exc:
                reading = exc
        if isinstance(reading, EightkError):
            self._problem(source, sha, len(raw), problem_code(reading), reading.message, raw=raw)
            return "failed"
        return self.put(reading, raw, source=source, sha256=sha)

    def put(
        self, filing: Filing, raw: bytes, *, source: str, sha256: str | None = None, accession: str | None = None
    ) -> str:
        """Store a reading already made (the bytes it was read from go with it).  ``accession``
        overrides the one the header or the source name gives."""
        sha = sha256 or hashlib.sha256(raw).hexdigest()
        accession = (
            accession or (filing.header.accession_number if filing.header else None) or accession_from_name(source)
        )
        key = accession or f"sha256:{sha}"
        with self._transaction():
            old = self.db.execute(
                "SELECT id, sha256, size, parser_version FROM filings WHERE filing_key = ? OR sha256 = ?", (key, sha)
            ).fetchall()
            status = "new"
            names: list[str] = []
            for o in old:
                if o["sha256"] != sha and not _better(len(raw), sha, o["size"], o["sha256"]):
                    # another copy of this accession that we keep: remember where this one was
                    self._source(o["id"], source)
                    return "unchanged"
                status = "updated"
                names += [r[0] for r in self.db.execute("SELECT name FROM sources WHERE filing_id = ?", (o["id"],))]
                self._delete(o["id"], o["sha256"] if o["sha256"] != sha else None)
            self._blob(sha, raw)
            fid = self._insert(filing, key, accession, sha, len(raw))
            for name in (*names, source):
                self._source(fid, name)
            self.db.execute("DELETE FROM problems WHERE sha256 = ?", (sha,))
        return status

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One filing's writes, all or nothing: a transaction of its own, or a savepoint
        inside the batch transaction of :meth:`batch`."""
        if self.db.in_transaction:
            self.db.execute("SAVEPOINT filing")
            try:
                yield
            except BaseException:
                self.db.execute("ROLLBACK TO filing")
                self.db.execute("RELEASE filing")
                raise
            self.db.execute("RELEASE filing")
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    @contextmanager
    def batch(self, seconds: float = 0.5) -> Iterator[Callable[[], None]]:
        """Group many filings' writes into transactions of about ``seconds`` each (fewer,
        larger commits: the FTS index and the WAL grow in bigger steps).  Yields a function
        to call after each filing; a crash loses at most the open batch, never consistency."""
        started = time.monotonic()
        self.db.execute("BEGIN IMMEDIATE")

        def tick() -> None:
            nonlocal started
            if time.monotonic() - started >= seconds:
                self.db.execute("COMMIT")
                self.db.execute("BEGIN IMMEDIATE")
                started = time.monotonic()

        try:
            yield tick
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _blob(self, sha: str, raw: bytes) -> None:
        self.db.execute("INSERT OR IGNORE INTO blobs VALUES (?, ?, 'zlib', ?)", (sha, len(raw), zlib.compress(raw, 3)))

    def _source(self, fid: int, name: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO sources VALUES (?, ?, ?)", (fid, name, _now()))

    def _delete(self, fid: int, drop_blob: str | None) -> None:
        self.db.execute("DELETE FROM items WHERE filing_id = ?", (fid,))
        self.db.execute("DELETE FROM exhibits WHERE filing_id = ?", (fid,))
        self.db.execute("DELETE FROM texts WHERE filing_id = ?", (fid,))
        self.db.execute("DELETE FROM filings WHERE id = ?", (fid,))
        if drop_blob:
            self.db.execute("DELETE FROM blobs WHERE sha256 = ?", (drop_blob,))

    def _problem(self, source: str, sha: str, size: int, code: str, message: str, raw: bytes | None = None) -> None:
        with self._transaction():
            if raw is not None:
                self._blob(sha, raw)
            self.db.execute(
                "INSERT INTO problems (source, sha256, size, code, message, parser_version, recorded_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, sha256) DO UPDATE SET code = excluded.code,"
                " message = excluded.message, parser_version = excluded.parser_version",
                (source, sha, size, code, message, PARSER_VERSION, _now()),
            )

    def _insert(self, f: Filing, key: str, accession: str | None, sha: str, size: int) -> int:
        r = f.registrant
        header = f.header
        cur = self.db.execute(
            "INSERT INTO filings (filing_key, accession, sha256, format, form_type, amendment, period_of_report,"
            " filed_date, registrant_name, cik, state_of_incorporation, commission_file_number, irs_ein, phone,"
            " street, city, state, zip, item_codes, exhibit_count, emerging_growth_company, problem_count, size,"
            " parser_version, schema_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                key,
                accession,
                sha,
                f.source.format,
                f.form_type or (header.form_type if header else None),
                _b(f.amendment),
                f.period_of_report or (header.period_of_report if header else None),
                header.filed_date if header else None,
                r.name,
                r.cik or _header_cik(f),
                *_registrant_fields(r),
                " ".join(dict.fromkeys(i.code for i in f.items if i.status == "reported")),
                len(f.exhibits),
                _b(f.emerging_growth_company),
                len(f.problems),
                size,
                PARSER_VERSION,
                f.schema_version,
            ),
        )
        fid = int(cur.lastrowid or 0)
        for pos, reg in enumerate((f.registrant, *f.co_registrants)):
            self._registrant(fid, pos, reg, _header_cik(f) if pos == 0 else None)
        for pos, item in enumerate(f.items):
            item_tid = self._text(fid, pos, "item", f"Item {item.code} {item.title_as_filed or ''}".strip(), item.text)
            self.db.execute(
                "INSERT INTO items VALUES (?,?,?,?,?,?,?,?,?)",
                (fid, pos, item.code, item.number_as_filed, item.title_as_filed, item.status, *item.span, item_tid),
            )
        exhibits = [(e, 0) for e in f.exhibits] + [(e, 1) for e in f.interactive_data]
        for pos, (ex, interactive) in enumerate(exhibits):
            tid: int | None = None
            if ex.text and not interactive:
                label = f"Exhibit {ex.number} {ex.description or ''}".strip()
                tid = self._text(fid, len(f.items) + pos, "exhibit", label, ex.text)
            self.db.execute(
                "INSERT INTO exhibits VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    fid,
                    pos,
                    ex.number,
                    ex.type,
                    ex.description,
                    int(ex.is_press_release),
                    interactive,
                    ex.filename,
                    int(ex.listed),
                    tid,
                ),
            )
        self.db.executemany(
            "INSERT INTO signatures VALUES (?,?,?,?,?)",
            [(fid, pos, s.name, s.title, s.date) for pos, s in enumerate(f.signatures)],
        )
        events = f.events
        self.db.executemany(
            "INSERT INTO events VALUES (?,?,?,?,?)",
            [
                (fid, pos, e.type, e.item, json.dumps(_event_data(e), sort_keys=True, ensure_ascii=False))
                for pos, e in enumerate(events)
            ],
        )
        self.db.executemany(
            "INSERT INTO attachments VALUES (?,?,?,?,?,?,?,?)",
            [
                (fid, pos, a.sequence, a.type, a.filename, a.description, a.kind, a.size)
                for pos, a in enumerate(f.attachments)
            ],
        )
        return fid

    def _registrant(self, fid: int, pos: int, r: Registrant, header_cik: str | None) -> None:
        self.db.execute(
            "INSERT INTO registrants VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                fid,
                pos,
                r.cik or header_cik,
                r.name,
                *_registrant_fields(r),
                r.former_name,
            ),
        )

    def _text(self, fid: int, n: int, kind: str, label: str, body: str) -> int | None:
        """Store a text under id ``fid * TEXTS_PER_FILING + n``: search reads the filing from
        the index's rowid without a join.  (No filing has thousands of items and exhibits;
        any past the limit keep their rows but not their text.)"""
        if n >= TEXTS_PER_FILING:
            return None
        tid = fid * TEXTS_PER_FILING + n
        self.db.execute(
            "INSERT INTO texts (id, filing_id, kind, label, body) VALUES (?,?,?,?,?)", (tid, fid, kind, label, body)
        )
        return tid

    # -- re-deriving --------------------------------------------------------------------------
    def stale(self) -> list[str]:
        """sha256 of every stored filing or failed file not derived by this parser version."""
        rows = self.db.execute(
            "SELECT sha256 FROM filings WHERE parser_version != ?1 UNION "
            "SELECT p.sha256 FROM problems p JOIN blobs b ON b.sha256 = p.sha256 WHERE p.parser_version != ?1",
            (PARSER_VERSION,),
        ).fetchall()
        return sorted(r[0] for r in rows)

    def reparse(self, *, all: bool = False) -> dict[str, int]:  # noqa: A002  (the CLI's word)
        """Rebuild derived rows from the stored bytes: those of older parser versions, or ``all``."""
        if all:
            shas = sorted(
                r[0]
                for r in self.db.execute(
                    "SELECT sha256 FROM filings UNION SELECT p.sha256 FROM problems p JOIN blobs b USING (sha256)"
                )
            )
        else:
            shas = self.stale()
        counts = {"read": 0, "updated": 0, "failed": 0, "unchanged": 0, "new": 0}
        for sha in shas:
            raw = self.raw(sha)
            names = [
                r[0]
                for r in self.db.execute(
                    "SELECT s.name FROM sources s JOIN filings f ON f.id = s.filing_id WHERE f.sha256 = ? "
                    "UNION SELECT source FROM problems WHERE sha256 = ? ORDER BY 1",
                    (sha, sha),
                )
            ]
            source = names[0] if names else sha
            counts["read"] += 1
            if all:  # force: forget the current derivation first
                self.db.execute("UPDATE filings SET parser_version = '' WHERE sha256 = ?", (sha,))
            status = self.add(raw, source=source)
            if status == "failed":  # the same bytes under other names fail the same way
                self.db.execute(
                    "UPDATE problems SET (code, message, parser_version) = (SELECT code, message, parser_version"
                    " FROM problems WHERE source = ?1 AND sha256 = ?2) WHERE sha256 = ?2",
                    (source, sha),
                )
            counts["updated" if status == "new" else status] += 1
        return counts

    # -- reading ----------------------------------------------------------------------------
    def raw(self, sha256: str) -> bytes:
        row = self.db.execute("SELECT codec, data FROM blobs WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None:
            raise NotFoundError(f"no stored bytes for sha256 {sha256}")
        return zlib.decompress(row["data"]) if row["codec"] == "zlib" else bytes(row["data"])

    def filing_row(self, ref: str | int) -> sqlite3.Row:
        """A filing by database id, accession number or sha256."""
        s = str(ref).strip()
        if s.isdigit():
            n = int(s)
            row = self.db.execute("SELECT * FROM filings WHERE id = ?", (n,)).fetchone() if n < 2**63 else None
        else:
            row = self.db.execute(
                "SELECT * FROM filings WHERE accession = ?1 OR sha256 = ?1 OR filing_key = ?1", (s,)
            ).fetchone()
        if row is None:
            raise NotFoundError(f"no filing {s!r} in {self.path}")
        return row

    def reading(self, ref: str | int) -> Filing:
        """The full reading of a stored filing (read again from its stored bytes)."""
        row = self.filing_row(ref)
        source = self.db.execute("SELECT min(name) FROM sources WHERE filing_id = ?", (row["id"],)).fetchone()[0]
        return read_bytes(self.raw(row["sha256"]), source=source or row["filing_key"])

    def counts(self) -> dict[str, int]:
        tables = ("filings", "registrants", "items", "exhibits", "signatures", "events", "attachments", "problems")
        return {t: int(self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}


def _better(size: int, sha: str, old_size: int, old_sha: str) -> bool:
    """Of two copies of one accession keep the larger (the complete submission over one of
    its documents), then the smaller sha256: the choice never depends on the order read."""
    return (size, old_sha) > (old_size, sha)


def _registrant_fields(r: Registrant) -> tuple[str | None, ...]:
    """The cover fields ``filings`` and ``registrants`` share, in their column order."""
    a = r.address
    return (r.state_of_incorporation, r.commission_file_number, r.irs_ein, r.phone, a.street, a.city, a.state, a.zip)


def _header_cik(f: Filing) -> str | None:
    if f.header and f.header.filers:
        return f.header.filers[0].cik
    return None


def _event_data(e: Any) -> dict[str, Any]:
    """An event's values and evidence (its type and item have columns of their own)."""
    d = to_dict(e)
    d.pop("type", None)
    d.pop("item", None)
    return dict(d)


def _statements(sql: str) -> Iterator[str]:
    """Split a migration into statements (triggers hold semicolons inside BEGIN ... END)."""
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                yield buf.strip()
            buf = ""
    if buf.strip():
        yield buf.strip()
