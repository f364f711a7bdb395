"""The database: ingest throughput against parse-only, bytes per filing, search latency at scale.

1. ``parse`` vs ``ingest`` over the same real filings, each mode a whole process in this run
   (best of three rounds; ingest into a fresh database each round). Target: ingest at least
   80% of parse-only throughput.
2. Scale: a database of ``--filings`` filings (default 100,000), made by re-ingesting the real
   filings under new accession numbers (each copy's bytes get a distinct trailing line, so each
   is its own blob; the reading of the original is reused, as re-reading identical text gives
   it). Peak memory is printed at each tenth: it must stay flat as the corpus grows. Then the
   database bytes per filing, and search latency p50/p95 over a fixed set of analyst queries,
   with and without filters. Target: p95 under 50 ms at 100,000 filings.

Usage: python bench/store_bench.py [PATH ...] [--filings N] [--db FILE] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

QUERIES = [
    ("auditor resigned", {}),
    ("dismissed independent registered public accounting firm", {"item": "4.01"}),
    ("private placement warrants", {}),
    ('"convertible preferred stock"', {}),
    ("credit agreement", {"item": "1.01"}),
    ("chief executive officer resign*", {"item": "5.02"}),
    ("appointed director", {}),
    ("merger agreement", {}),
    ("results of operations quarter", {"item": "2.02"}),
    ("press release", {}),
    ("dividend", {"since": "2020-01-01"}),
    ("restructuring", {}),
    ("revenue", {"until": "2004-08-22"}),
    ("acquisition completed", {"item": "2.01"}),
    ("Item 2.02", {}),
    ("cybersecurity incident", {}),
    ("forward-looking statements", {}),
    ("annual meeting vote", {}),
    ("notes due", {}),
    ("stock purchase agreement", {"form_type": "8-K"}),
]


def _files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(q for q in p.rglob("*") if q.is_file()) if p.is_dir() else [p])
    return out


def _child(mode: str, paths: list[str]) -> None:
    import eightk
    from eightk.store import Store, ingest

    files = _files(paths)
    raws = [f.read_bytes() for f in files]
    best = float("inf")
    for _ in range(3):
        if mode == "parse":
            t0 = time.perf_counter()
            for raw in raws:
                try:
                    eightk.read_bytes(raw)
                except eightk.EightkError:
                    pass
            best = min(best, time.perf_counter() - t0)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                with Store(Path(tmp) / "b.db") as s:
                    t0 = time.perf_counter()
                    ingest(s, files)
                    best = min(best, time.perf_counter() - t0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "files": len(files), "seconds": best, "peak_mb": peak}))


def throughput(paths: list[str]) -> None:
    res = {}
    for mode in ("parse", "ingest"):
        out = subprocess.run(
            [sys.executable, __file__, "--child", mode, *paths], check=True, capture_output=True, text=True
        ).stdout
        res[mode] = json.loads(out.strip().splitlines()[-1])
    print(f"{'mode':8} {'files':>6} {'seconds':>8} {'files/s':>8} {'peak MB':>8}")
    for mode, r in res.items():
        print(f"{mode:8} {r['files']:6d} {r['seconds']:8.3f} {r['files'] / r['seconds']:8.1f} {r['peak_mb']:8.1f}")
    ratio = res["parse"]["seconds"] / res["ingest"]["seconds"]
    print(f"ingest runs at {100 * ratio:.0f}% of parse-only throughput (target: at least 80%)\n")


def scale(paths: list[str], n: int, db: Path) -> None:
    import eightk
    from eightk.store import Filters, Store, search

    originals = []
    for f in _files(paths):
        raw = f.read_bytes()
        try:
            originals.append((f, raw, eightk.read_bytes(raw, source=str(f))))
        except eightk.EightkError:
            continue
    for extra in ("", "-wal", "-shm"):
        Path(str(db) + extra).unlink(missing_ok=True)
    t0 = time.perf_counter()
    with Store(db) as s, s.batch() as tick:  # as `eightk ingest` writes
        for i in range(n):
            f, raw, filing = originals[i % len(originals)]
            copy = raw + f"\n<!-- eightk bench copy {i} -->\n".encode()
            accession = f"9{i // 1000000:09d}-{(i // 10000) % 100:02d}-{i % 10000:06d}"
            s.put(filing, copy, source=f"bench/{i}/{f.name}", accession=accession)
            tick()
            if (i + 1) % (n // 10 or 1) == 0:
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                rate = (i + 1) / (time.perf_counter() - t0)
                print(f"  {i + 1:>8} filings stored  {rate:7.0f}/s  peak memory {peak:7.1f} MB", flush=True)
    with Store(db) as s:
        s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = db.stat().st_size
    print(f"database: {size / 1e6:.1f} MB, {size / n:.0f} bytes per filing ({n} filings)\n")

    with Store(db, readonly=True) as s:
        for q, f in QUERIES:  # warm the page cache once, as a running server would be
            search(s, q, Filters(**f))
        times: list[float] = []
        per_query: dict[str, list[float]] = {}
        for _ in range(5):
            for q, f in QUERIES:
                t = time.perf_counter()
                hits = search(s, q, Filters(**f))
                dt = (time.perf_counter() - t) * 1000
                times.append(dt)
                per_query.setdefault(q, []).append(dt)
                assert hits is not None
    times.sort()
    p50 = statistics.median(times)
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"search over {n} filings: {len(times)} queries, p50 {p50:.1f} ms, p95 {p95:.1f} ms (target p95 < 50 ms)")
    slow = sorted(per_query.items(), key=lambda kv: -statistics.median(kv[1]))[:5]
    for q, ts in slow:
        print(f"  slowest: {q!r:58} median {statistics.median(ts):7.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "tests" / "data" / "filings")])
    ap.add_argument("--filings", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "eightk-bench.db")
    ap.add_argument("--keep", action="store_true", help="Keep the scale database.")
    ap.add_argument("--child", choices=["parse", "ingest"])
    a = ap.parse_args()
    if a.child:
        _child(a.child, a.paths)
        return
    throughput(a.paths)
    scale(a.paths, a.filings, a.db)
    if not a.keep:
        for extra in ("", "-wal", "-shm"):
            Path(str(a.db) + extra).unlink(missing_ok=True)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
