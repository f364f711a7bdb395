"""Dask ingest throughput on 1 and 2 workers, against a single-process ingest, and the
scaling efficiency; plus the per-filing costs docs/scale.md builds its sizing model on.

The input is the repository's real filings, copied ``--copies`` times under other names (each
copy is read again on a worker; the writer stores each filing once). Each mode ingests into
a fresh database, in this run, on this machine.

Usage: python bench/dask_bench.py [--copies 10]   (needs the [dask] extra)
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    from dask.distributed import Client, LocalCluster

    from eightk.distributed import ingest_dask
    from eightk.store import Store, ingest

    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=10)
    a = ap.parse_args()
    src = ROOT / "tests" / "data" / "filings"
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        originals = sorted(p for p in src.rglob("*") if p.is_file())
        for k in range(a.copies):  # distinct filings: new accession numbers, else other bytes
            (t / "in" / f"copy{k}").mkdir(parents=True)
            for i, p in enumerate(originals):
                raw = p.read_bytes()
                m = re.search(rb"ACCESSION NUMBER:\s+(\d{10}-\d{2}-\d{6})", raw)
                if m:
                    raw = raw.replace(m.group(1), f"{9000000000 + k:010d}-{m.group(1)[11:].decode()}".encode())
                else:
                    raw += b"\n" * (k + 1)
                (t / "in" / f"copy{k}" / f"f{i}{p.suffix}").write_bytes(raw)
        files = [p for p in (t / "in").rglob("*") if p.is_file()]
        mb = sum(p.stat().st_size for p in files) / 1e6
        print(f"{len(files)} files, {mb:.1f} MB, {os.cpu_count()} cores\n")
        results: dict[str, float] = {}
        t0 = time.perf_counter()
        with Store(t / "single.db") as s:
            ingest(s, [t / "in"])
        results["single process"] = time.perf_counter() - t0
        for n in (1, 2):
            with Client(
                LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40)
            ) as c:
                c.run(lambda: __import__("eightk.reading"))  # warm the workers' imports
                t0 = time.perf_counter()
                with Store(t / f"dask{n}.db") as s:
                    ingest_dask(s, [t / "in"], c)
                results[f"dask, {n} worker{'s' * (n > 1)}"] = time.perf_counter() - t0
        print(f"{'mode':20} {'seconds':>8} {'files/s':>8} {'MB/s':>6}")
        for mode, dt in results.items():
            print(f"{mode:20} {dt:8.2f} {len(files) / dt:8.1f} {mb / dt:6.2f}")
        eff = results["dask, 1 worker"] / results["dask, 2 workers"] / 2
        print(f"\nscaling efficiency 1 -> 2 workers: {100 * eff:.0f}% (2 cores: the writer shares them)")
        per = results["single process"] / len(files) * 1000
        db = (t / "single.db").stat().st_size / len(files)
        print(f"per filing: {per:.2f} ms CPU to read and store; {db / 1024:.1f} KB of database")
        print(f"peak memory (this process): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
