"""Export the database as one file per table: Parquet (pyarrow), CSV or JSON lines.

The exported tables and their columns are data (``TABLES``), documented in docs/database.md.
Rows are keyed by ``filing_key`` (the accession number, or ``sha256:<hex>`` when a filing
has none), never by database ids or ingest times, and sorted by key and position: exports
of the same filings are identical whatever order or engine ingested them.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .db import Store

FORMATS = ("parquet", "csv", "jsonl")
_BATCH = 5000

# table -> (columns as (name, arrow type, SQL expression), FROM clause, ORDER BY)
_F = "JOIN filings f ON f.id = x.filing_id"
TABLES: dict[str, tuple[tuple[tuple[str, str, str], ...], str, str]] = {
    "filings": (
        (
            ("filing_key", "string", "f.filing_key"),
            ("accession", "string", "f.accession"),
            ("sha256", "string", "f.sha256"),
            ("format", "string", "f.format"),
            ("form_type", "string", "f.form_type"),
            ("amendment", "bool", "f.amendment"),
            ("period_of_report", "string", "f.period_of_report"),
            ("filed_date", "string", "f.filed_date"),
            ("registrant_name", "string", "f.registrant_name"),
            ("cik", "string", "f.cik"),
            ("state_of_incorporation", "string", "f.state_of_incorporation"),
            ("commission_file_number", "string", "f.commission_file_number"),
            ("irs_ein", "string", "f.irs_ein"),
            ("phone", "string", "f.phone"),
            ("street", "string", "f.street"),
            ("city", "string", "f.city"),
            ("state", "string", "f.state"),
            ("zip", "string", "f.zip"),
            ("item_codes", "string", "f.item_codes"),
            ("exhibit_count", "int64", "f.exhibit_count"),
            ("emerging_growth_company", "bool", "f.emerging_growth_company"),
            ("problem_count", "int64", "f.problem_count"),
            ("size", "int64", "f.size"),
            ("parser_version", "string", "f.parser_version"),
            ("schema_version", "string", "f.schema_version"),
        ),
        "FROM filings f",
        "f.filing_key",
    ),
    "registrants": (
        (
            ("filing_key", "string", "f.filing_key"),
            ("position", "int64", "x.position"),
            ("cik", "string", "x.cik"),
            ("name", "string", "x.name"),
            ("state_of_incorporation", "string", "x.state_of_incorporation"),
            ("commission_file_number", "string", "x.commission_file_number"),
            ("irs_ein", "string", "x.irs_ein"),
            ("phone", "string", "x.phone"),
            ("street", "string", "x.street"),
            ("city", "string", "x.city"),
            ("state", "string", "x.state"),
            ("zip", "string", "x.zip"),
            ("former_name", "string", "x.former_name"),
        ),
        f"FROM registrants x {_F}",
        "f.filing_key, x.position",
    ),
    "items": (
        (
            ("filing_key", "string", "f.filing_key"),
            ("position", "int64", "x.position"),
            ("code", "string", "x.code"),
            ("number_as_filed", "string", "x.number_as_filed"),
            ("title_as_filed", "string", "x.title_as_filed"),
            ("status", "string", "x.status"),
            ("span_start", "int64", "x.span_start"),
            ("span_end", "int64", "x.span_end"),
            ("text", "string", "t.body"),
        ),
        f"FROM items x {_F} LEFT JOIN texts t ON t.id = x.text_id",
        "f.filing_key, x.position",
    ),
    "exhibits": (
        (
            ("filing_key", "string", "f.filing_key"),
            ("position", "int64", "x.position"),
            ("number", "string", "x.number"),
            ("type", "string", "x.type"),
            ("description", "string", "x.description"),
            ("is_press_release", "bool", "x.is_press_release"),
            ("interactive_data", "bool", "x.interactive_data"),
            ("filename", "string", "x.filename"),
            ("listed", "bool", "x.listed"),
            ("text", "string", "t.body"),
        ),
        f"FROM exhibits x {_F} LEFT JOIN texts t ON t.id = x.text_id",
        "f.filing_key, x.position",
    ),
    "signatures": (
        (
            ("filing_key", "string", "f.filing_key"),
            ("position", "int64", "x.position"),
            ("name", "string", "x.name"),
            ("title", "string", "x.title"),
            ("date", "string", "x.date"),
        ),
        f"FROM signatures x {_F}",
        "f.filing_key, x.position",
    ),
    "events": (
        (
            ("filing_key", "string", "f.filing_key"),
            ("position", "int64", "x.position"),
            ("type", "string", "x.type"),
            ("item", "string", "x.item"),
            ("data", "string", "x.data"),
        ),
        f"FROM events x {_F}",
        "f.filing_key, x.position",
    ),
    "attachments": (
        (
            ("filing_key", "string", "f.filing_key"),
            ("position", "int64", "x.position"),
            ("sequence", "int64", "x.sequence"),
            ("type", "string", "x.type"),
            ("filename", "string", "x.filename"),
            ("description", "string", "x.description"),
            ("kind", "string", "x.kind"),
            ("size", "int64", "x.size"),
        ),
        f"FROM attachments x {_F}",
        "f.filing_key, x.position",
    ),
    "problems": (
        (
            ("source", "string", "x.source"),
            ("sha256", "string", "x.sha256"),
            ("size", "int64", "x.size"),
            ("code", "string", "x.code"),
            ("message", "string", "x.message"),
            ("parser_version", "string", "x.parser_version"),
        ),
        "FROM problems x",
        "x.source, x.sha256",
    ),
}

_BOOL = {name for cols, _, _ in TABLES.values() for name, kind, _ in cols if kind == "bool"}


def _batches(store: Store, table: str) -> Iterator[list[dict[str, Any]]]:
    cols, frm, order = TABLES[table]
    sql = f"SELECT {', '.join(f'{expr} AS {name}' for name, _, expr in cols)} {frm} ORDER BY {order}"
    cur = store.db.execute(sql)
    while rows := cur.fetchmany(_BATCH):
        out = []
        for r in rows:
            d = dict(r)
            for k in _BOOL.intersection(d):
                if d[k] is not None:
                    d[k] = bool(d[k])
            out.append(d)
        yield out


def export(store: Store, out_dir: str | Path, fmt: str = "parquet") -> dict[str, int]:
    """Write every table to ``out_dir/<table>.<ext>``; returns the rows written per table.

    Reads one consistent snapshot, even while an ingest is writing."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    store.db.execute("BEGIN")  # one read transaction: every table from the same snapshot
    try:
        for table in TABLES:
            path = out / f"{table}.{fmt}"
            writer = {"parquet": _parquet, "csv": _csv, "jsonl": _jsonl}[fmt]
            written[table] = writer(store, table, path)
    finally:
        store.db.execute("COMMIT")
    return written


def arrow_schema(table: str) -> Any:
    import pyarrow as pa

    kinds = {"string": pa.string(), "int64": pa.int64(), "bool": pa.bool_()}
    return pa.schema([(name, kinds[kind]) for name, kind, _ in TABLES[table][0]])


def _parquet(store: Store, table: str, path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - pyarrow is a dependency
        raise StoreError("Parquet export needs pyarrow: pip install pyarrow") from exc
    schema = arrow_schema(table)
    n = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as w:
        for batch in _batches(store, table):
            w.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
        if n == 0:
            w.write_table(schema.empty_table())
    return n


def _csv(store: Store, table: str, path: Path) -> int:
    names = [name for name, _, _ in TABLES[table][0]]
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=names)
        w.writeheader()
        for batch in _batches(store, table):
            w.writerows(batch)
            n += len(batch)
    return n


def _jsonl(store: Store, table: str, path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for batch in _batches(store, table):
            for row in batch:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += len(batch)
    return n
