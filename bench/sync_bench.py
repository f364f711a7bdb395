"""EDGAR sync from a local mirror: requests per second held, filings per second ingested.

The mirror is the test suite's EDGAR-shaped HTTP server on 127.0.0.1 (tests/edgar_server.py),
serving the repository's real complete submissions, each also under ``--copies`` new
accession numbers, with quarterly indexes from 1993 and other forms' rows mixed in.
The sync runs as `eightk sync` would, through the library, at SEC's limit of 10 requests/s.

Usage: python bench/sync_bench.py [--copies 100] [--workers 4] [--rate 10]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from edgar_server import EdgarServer, build_tree  # noqa: E402

from eightk.edgar import EdgarClient, sync  # noqa: E402
from eightk.store import Store  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=100, help="extra copies of each real submission")
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--rate", type=float, default=10.0)
    a = ap.parse_args()
    tree = build_tree(ROOT / "tests" / "data" / "filings", copies=a.copies)
    print(f"mirror: {len(tree.filings)} 8-K filings, {len(tree.others)} other forms listed")
    with EdgarServer(tree) as srv, tempfile.TemporaryDirectory() as tmp:
        with (
            Store(Path(tmp) / "sync.db") as store,
            EdgarClient("eightk bench bench@example.com", base_url=srv.url, rate=a.rate) as client,
        ):
            t0 = time.perf_counter()
            summary = sync(store, client, since=date(1993, 1, 1), workers=a.workers)
            dt = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{summary.requests} requests in {dt:.1f} s: {summary.requests / dt:.2f} requests/s "
            f"(limit {a.rate:g}; busiest second on the server's log: {srv.max_per_second()})"
        )
        print(
            f"{summary.new} filings ingested: {summary.new / dt:.2f} filings/s; "
            f"{summary.indexes_read} indexes read; {summary.failed} failed; peak memory {peak:.0f} MB"
        )


if __name__ == "__main__":
    main()
