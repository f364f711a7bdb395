"""The reading on a real Dask LocalCluster (2 worker processes): the same database, the same
rows in the Parquet dataset, and nothing lost when a worker is killed mid-run."""

from __future__ import annotations

import json
import os
import shutil
import signal
from pathlib import Path

import pytest
from conftest import FILINGS, filing_paths

pytest.importorskip("distributed", reason="the [dask] extra is part of [test]")

import pyarrow.dataset as pads  # noqa: E402
from dask.distributed import Client, LocalCluster  # noqa: E402

from eightk.distributed import ingest_dask, is_dataset, read_dataset, write_dataset  # noqa: E402
from eightk.store import TABLES, Store, export, ingest  # noqa: E402


def _cluster() -> Client:
    return Client(
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=50)
    )


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    with _cluster() as c:
        yield c


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The export of a single-process ingest of the test filings."""
    d = tmp_path_factory.mktemp("ref")
    with Store(d / "one.db") as s:
        ingest(s, [FILINGS])
        export(s, d / "out", "jsonl")
    return _files(d / "out")


def _files(d: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(d.iterdir())}


def _export(db: Path, out: Path) -> dict[str, bytes]:
    with Store(db, readonly=True) as s:
        export(s, out, "jsonl")
    return _files(out)


def test_dask_ingest_gives_the_single_process_database(client, reference, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with Store(tmp_path / "dask.db") as s:
        summary = ingest_dask(s, [FILINGS], client)
    assert (summary.read, summary.new, summary.failed) == (len(filing_paths()), len(filing_paths()), 0)
    assert _export(tmp_path / "dask.db", tmp_path / "out") == reference


def test_fsspec_urls_are_read_by_the_workers(client, reference, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with Store(tmp_path / "url.db") as s:
        summary = ingest_dask(s, [FILINGS.resolve().as_uri()], client)
        names = {r[0] for r in s.db.execute("SELECT name FROM sources")}
    assert summary.new == len(filing_paths()) and all(n.startswith("file://") for n in names)
    assert _export(tmp_path / "url.db", tmp_path / "out") == reference


def test_the_dataset_holds_the_export_rows_and_reads_back(client, reference, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    counts = write_dataset([FILINGS], tmp_path / "ds", client, chunk_size=7)
    assert is_dataset(tmp_path / "ds") and counts["filings"] == len(filing_paths())
    for table in TABLES:
        want = [json.loads(line) for line in reference[f"{table}.jsonl"].decode().splitlines()]
        if not want:
            assert counts[table] == 0
            continue
        got = pads.dataset(tmp_path / "ds" / table, format="parquet", partitioning="hive").to_table().to_pylist()
        years = {r["year"] for r in got}
        assert years and all(isinstance(y, int) for y in years)
        for r in got:
            del r["year"]
        key = lambda r: json.dumps(r, sort_keys=True)  # noqa: E731
        assert sorted(got, key=key) == sorted(want, key=key), table
    # the 1997 seed sits in its year's partition
    assert any((tmp_path / "ds" / "filings" / "year=1997").iterdir())
    # read back into a database: the same database
    with Store(tmp_path / "back.db") as s:
        back = read_dataset(s, tmp_path / "ds")
    assert back.new == len(filing_paths())
    assert _export(tmp_path / "back.db", tmp_path / "out") == reference


def test_a_worker_killed_mid_run_loses_nothing(reference, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # five copies of every filing under other names: enough tasks for the kill to land mid-run
    for k in range(5):
        shutil.copytree(FILINGS, tmp_path / "in" / f"copy{k}")
    total = 5 * len(filing_paths())
    with _cluster() as c:
        pids = list(c.run(os.getpid).values())
        seen = 0

        def progress(name: str, status: str) -> None:
            nonlocal seen
            seen += 1
            if seen == 20:
                os.kill(pids[0], signal.SIGKILL)

        with Store(tmp_path / "k.db") as s:
            summary = ingest_dask(s, [tmp_path / "in"], c, progress=progress)
        assert pids[0] not in c.run(os.getpid).values()  # that worker really died (its nanny made a new one)
    assert seen >= 20 and summary.read == total and summary.failed == 0
    assert summary.new == len(filing_paths()) and summary.unchanged == total - len(filing_paths())
    assert _export(tmp_path / "k.db", tmp_path / "out") == reference
