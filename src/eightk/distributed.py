"""The same reading on a Dask cluster: workers read filings, one process writes.

- :func:`ingest_dask` -- workers read (bytes in, records out: a pure function); this
  process, the one writer, stores each reading as it arrives, so the database is the one a
  single-process ``eightk ingest`` gives. A worker that dies mid-task loses nothing: Dask
  runs its tasks again elsewhere.
- :func:`write_dataset` -- filings straight into a Parquet dataset, one table per entity
  (the tables of ``eightk export``, same columns), partitioned by filing year (hive layout,
  ``year=1997/``), plus a ``raw`` table of the bytes read, so ``eightk ingest DIR`` reads a
  dataset back into a database for search and serving.

Inputs are local paths (folders, archives) or fsspec URLs (``s3://bucket/8k/``,
``file:///data/8k``); workers open fsspec URLs themselves, so a cluster reads object
storage directly. Needs the ``[dask]`` extra (dask[distributed], fsspec).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .api import read_bytes
from .errors import EightkError
from .model import Filing
from .store.db import Store
from .store.export import TABLES, _batches
from .store.ingest import DEFAULT_MAX_BYTES, Entry, Summary, entries

DATASET_MARKER = "_eightk_dataset.json"
_IN_FLIGHT_PER_WORKER = 4


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a local file (its bytes travel with the task when it came out of an
    archive) or an fsspec URL the worker opens itself."""

    name: str
    url: str | None = None
    data: bytes | None = None


@dataclass(frozen=True, slots=True)
class Reading:
    """What a worker sends back: the bytes, their sha256, and the filing read or the error."""

    name: str
    raw: bytes
    sha256: str
    result: Filing | EightkError


def _is_url(p: str | os.PathLike[str]) -> bool:
    return "://" in str(p)


def sources(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Source]:
    """Every input under ``paths``: local folders and archives expanded here, URLs listed
    through fsspec (their bytes are read on the workers)."""
    for p in paths:
        if _is_url(p):
            import fsspec

            fs, root = fsspec.core.url_to_fs(str(p))
            names = sorted(fs.find(root)) if fs.isdir(root) else [root]
            protocol = str(p).split("://", 1)[0]
            for n in names:
                yield Source(f"{protocol}://{n}", url=f"{protocol}://{n}")
            continue
        for e in entries([Path(p)]):
            yield _from_entry(e)


def _from_entry(e: Entry) -> Source:
    if "!" in e.name or e.error:  # inside an archive, or unopenable: the bytes (or nothing) travel
        return Source(e.name, data=b"" if e.error else e.read())
    return Source(e.name, url=e.name)


def read_source(src: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> Reading:
    """The worker's task: open, hash and read one filing.  Pure: bytes in, records out.
    A file over ``max_bytes`` is not read (the writer records it as too large)."""
    raw = src.data
    if raw is None:
        assert src.url is not None
        if _is_url(src.url):
            import fsspec

            with fsspec.open(src.url, "rb") as fh:
                raw = fh.read()
        else:
            with open(src.url, "rb") as fh:
                raw = fh.read()
    sha = hashlib.sha256(raw).hexdigest()
    if len(raw) > max_bytes:
        return Reading(src.name, raw, sha, EightkError("too large"))
    try:
        filing = read_bytes(raw, source=src.name)
    except EightkError as exc:
        return Reading(src.name, raw, sha, exc)
    # the documents' text views are for provenance in Python, not stored: don't ship them back
    docs = tuple(dataclasses.replace(d, text=None) for d in filing.documents)
    return Reading(src.name, raw, sha, dataclasses.replace(filing, documents=docs))


def read_chunk(chunk: list[Source], max_bytes: int = DEFAULT_MAX_BYTES) -> list[Reading]:
    """A task: a few filings at once, so Dask's per-task cost is shared."""
    return [read_source(src, max_bytes) for src in chunk]


def store_reading(store: Store, r: Reading, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Write one worker's reading (the single writer's part): exactly what ``Store.add``
    would have stored had it read the bytes itself."""
    return store.add(r.raw, source=r.name, max_bytes=max_bytes, reading=r.result, sha256=r.sha256)


def cluster(address: str) -> Any:
    """A Dask client: ``local`` starts a LocalCluster sized to this machine (one
    single-threaded worker process per core); anything else is a scheduler address."""
    from dask.distributed import Client, LocalCluster

    if address == "local":
        n = os.cpu_count() or 1
        return Client(LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0"))
    return Client(address)


def _map_windowed(client: Any, fn: Callable[..., Any], items: Iterable[Any], *args: Any) -> Iterator[Any]:
    """Submit ``fn(item, *args)`` for every item with a bounded number in flight; yield
    results as they complete.  Tasks lost with a worker are run again by Dask."""
    from dask.distributed import as_completed

    workers = max(1, len(client.scheduler_info().get("workers", {})))
    it = iter(items)
    pending = as_completed()
    for item in it:
        pending.add(client.submit(fn, item, *args, pure=False, retries=2))
        if pending.count() >= workers * _IN_FLIGHT_PER_WORKER:
            break
    for fut in pending:
        yield fut.result()
        fut.release()
        nxt = next(it, None)
        if nxt is not None:
            pending.add(client.submit(fn, nxt, *args, pure=False, retries=2))


def ingest_dask(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    client: Any,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[str, str], None] | None = None,
    commit_seconds: float = 0.5,
    chunk_size: int = 16,
) -> Summary:
    """``eightk ingest`` with the reading done on a Dask cluster and the writing here."""
    summary = Summary()
    with store.batch(commit_seconds) as tick:
        for r in _flatten(_map_windowed(client, read_chunk, _chunks(sources(paths), chunk_size), max_bytes)):
            summary.read += 1
            status = store_reading(store, r, max_bytes)
            summary.note(store, r.name, status)
            if progress:
                progress(r.name, status)
            tick()
    return summary


# -- the Parquet dataset ------------------------------------------------------------------------


def _year_of(row: dict[str, Any]) -> int:
    for k in ("period_of_report", "filed_date"):
        v = row.get(k)
        if v and str(v)[:4].isdigit():
            return int(str(v)[:4])
    return 0  # unknown


def dataset_chunk(chunk: list[Source], max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
    """Read a chunk of filings into Arrow tables (the export's tables, a ``year`` column
    added, and ``raw``), through an in-memory store: the rows are exactly the export's."""
    import pyarrow as pa

    from .store.export import arrow_schema

    with Store(":memory:") as mem:
        for src in chunk:
            store_reading(mem, read_source(src, max_bytes), max_bytes)
        years = {
            r[0]: _year_of(dict(r))
            for r in mem.db.execute("SELECT filing_key, period_of_report, filed_date FROM filings")
        }
        out: dict[str, Any] = {}
        for table in TABLES:
            rows = [row for batch in _batches(mem, table) for row in batch]
            for row in rows:
                row["year"] = years.get(row.get("filing_key", ""), 0)
            schema = arrow_schema(table).append(pa.field("year", pa.int32()))
            out[table] = pa.Table.from_pylist(rows, schema=schema)
        raw_rows = [
            {
                "filing_key": fk,
                "sha256": sha,
                "source": name,
                "data": zlib.compress(mem.raw(sha), 6),
                "year": years.get(fk, 0),
            }
            for fk, sha, name in mem.db.execute(
                "SELECT f.filing_key, f.sha256, min(s.name) FROM filings f JOIN sources s ON s.filing_id = f.id"
                " GROUP BY f.id"
            )
        ]
        out["raw"] = pa.Table.from_pylist(
            raw_rows,
            schema=pa.schema(
                [
                    ("filing_key", pa.string()),
                    ("sha256", pa.string()),
                    ("source", pa.string()),
                    ("data", pa.binary()),
                    ("year", pa.int32()),
                ]
            ),
        )
    return out


def write_dataset(
    paths: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    client: Any | None = None,
    *,
    chunk_size: int = 64,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> dict[str, int]:
    """Read every filing under ``paths`` into a Parquet dataset at ``out_dir`` (one folder per
    table, hive-partitioned by year).  On ``client``'s cluster when given, else here."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    chunks = _chunks(sources(paths), chunk_size)
    if client is None:
        results: Iterator[dict[str, Any]] = (dataset_chunk(c, max_bytes) for c in chunks)
    else:
        results = _map_windowed(client, dataset_chunk, chunks, max_bytes)
    counts: dict[str, int] = {t: 0 for t in [*TABLES, "raw"]}
    for n, tables in enumerate(results):
        for name, table in tables.items():
            if table.num_rows == 0:
                continue
            _write_partitions(table, out / name, f"part-{n:06d}.parquet")
            counts[name] += table.num_rows
    (out / DATASET_MARKER).write_text(
        json.dumps({"format": "eightk-dataset", "version": 1, "tables": [*TABLES, "raw"], "rows": counts}, indent=1)
        + "\n"
    )
    return counts


def _write_partitions(table: Any, folder: Path, basename: str) -> None:
    """Hive layout by year (``folder/year=1997/part-000003.parquet``), the ``year`` column
    carried by the folder name as readers of hive datasets expect."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    for year in sorted(set(table.column("year").to_pylist())):
        part = table.filter(pc.equal(table.column("year"), year)).drop_columns(["year"])
        where = folder / f"year={year}"
        where.mkdir(parents=True, exist_ok=True)
        pq.write_table(part, where / basename, compression="zstd")


def _flatten(lists: Iterable[list[Reading]]) -> Iterator[Reading]:
    for chunk in lists:
        yield from chunk


def _chunks(items: Iterable[Source], size: int) -> Iterator[list[Source]]:
    buf: list[Source] = []
    for s in items:
        buf.append(s)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


def is_dataset(path: str | os.PathLike[str]) -> bool:
    return (Path(path) / DATASET_MARKER).is_file()


def read_dataset(store: Store, path: str | os.PathLike[str], *, commit_seconds: float = 0.5) -> Summary:
    """Ingest a dataset written by :func:`write_dataset` (from its ``raw`` table)."""
    import pyarrow.dataset as pads

    summary = Summary()
    raw = pads.dataset(Path(path) / "raw", format="parquet", partitioning="hive")
    with store.batch(commit_seconds) as tick:
        for batch in raw.to_batches(columns=["source", "data"]):
            for source, data in zip(batch.column("source").to_pylist(), batch.column("data").to_pylist(), strict=True):
                summary.read += 1
                status = store.add(zlib.decompress(data), source=source)
                summary.note(store, source, status)
                tick()
    return summary
