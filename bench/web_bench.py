"""Loopback load test of `eightk serve`: concurrent clients against search and filing pages.

Starts `eightk serve` on a database (default: 100,000 filings, built as bench/store_bench.py
builds it, if --db does not exist yet), then runs ``--clients`` concurrent clients for
``--seconds``, each in a loop: a search page (a query from the analyst set, some with a
facet), a filing page, an API search. Prints requests/s, p50/p95/p99 latency and errors.
Target: p99 under 200 ms with zero errors at 100,000 filings.

With ``--think S`` each client pauses about S seconds between pages, as people reading do;
without it the clients send back to back (the harshest load: on a 2-core machine the load
generator shares the cores with the server).

Usage: python bench/web_bench.py [--db FILE] [--filings 100000] [--clients 50] [--seconds 30] [--think 1]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from store_bench import QUERIES, scale  # noqa: E402


async def client_loop(
    c: httpx.AsyncClient,
    ids: list[int],
    until: float,
    lat: list[tuple[float, str, float]],
    errors: list[str],
    think: float,
    seed: int,
) -> None:
    rnd = random.Random(seed)  # each client its own sequence: not 50 clients in lockstep
    if think:
        await asyncio.sleep(rnd.uniform(0, 2 * think))  # readers arrive over a while, not at once
    while time.perf_counter() < until:
        q, f = rnd.choice(QUERIES)
        kind = rnd.random()
        if kind < 0.45:
            name, url, p = "search page", "/", {"q": q}
            if "item" in f:
                p["item"] = f["item"]
        elif kind < 0.8:
            name, url, p = "filing page", f"/filings/{rnd.choice(ids)}", {}
        else:
            name, url, p = "API search", "/api/filings", {"q": q}
        t = time.perf_counter()
        try:
            r = await c.get(url, params=p)
            if r.status_code != 200:
                errors.append(f"{r.status_code} {url}")
        except httpx.HTTPError as exc:
            errors.append(f"{type(exc).__name__} {url}")
        lat.append((t, name, (time.perf_counter() - t) * 1000))
        if think:
            await asyncio.sleep(rnd.uniform(0, 2 * think))  # a reader between pages


async def load(
    base: str, ids: list[int], clients: int, seconds: float, think: float, warmup: float
) -> tuple[list[tuple[float, str, float]], list[str], float]:
    lat: list[tuple[float, str, float]] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as c:
        t0 = time.perf_counter()
        until = t0 + warmup + seconds
        await asyncio.gather(*(client_loop(c, ids, until, lat, errors, think, seed) for seed in range(clients)))
        return lat, errors, time.perf_counter() - t0 - warmup


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "eightk-web-bench.db")
    ap.add_argument("--filings", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--workers", type=int, default=2, help="server processes")
    ap.add_argument("--cold", action="store_true", help="do not read the database into the page cache first")
    ap.add_argument("--warmup", type=float, default=5.0, help="seconds of load before the measured ones")
    ap.add_argument("--think", type=float, default=0.0, help="mean pause between a client's requests (s)")
    a = ap.parse_args()
    if not a.db.exists():
        print(f"building {a.filings} filings into {a.db} ...")
        scale([str(ROOT / "tests" / "data" / "filings")], a.filings, a.db)
    import sqlite3

    if not a.cold:  # a server that has been running has its database in the page cache: read it once
        with open(a.db, "rb") as fh:
            while fh.read(1 << 24):
                pass
    con = sqlite3.connect(a.db)
    n = con.execute("SELECT count(*) FROM filings").fetchone()[0]
    ids = [r[0] for r in con.execute("SELECT id FROM filings ORDER BY random() LIMIT 2000")]
    con.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = subprocess.Popen(
        [sys.executable, "-m", "eightk", "serve", "--db", str(a.db), "--port", str(port), "--workers", str(a.workers)]
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/openapi.json", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        lat, errors, dt = asyncio.run(load(base, ids, a.clients, a.seconds, a.think, a.warmup))
    finally:
        srv.terminate()
        srv.wait()
    t0 = min((t for t, _, _ in lat), default=0.0)
    warm = [x for x in lat if x[0] - t0 < a.warmup]
    lat = [x for x in lat if x[0] - t0 >= a.warmup]
    mode = f"each pausing ~{a.think:g} s between pages" if a.think else "back to back (closed loop, no pause)"
    cache = "cold page cache" if a.cold else "database read into the page cache first"
    print(f"{n} filings; {a.clients} clients {mode}; {a.workers} server processes; {cache}")
    print(
        f"measured {dt:.0f} s after {a.warmup:g} s of warm-up: {len(lat)} requests, "
        f"{len(lat) / dt:.1f} requests/s, {len(errors)} errors (warm-up included)"
    )
    groups = {"all": [ms for _, _, ms in lat]}
    for _, name, ms in lat:
        groups.setdefault(name, []).append(ms)
    groups["warm-up"] = [ms for _, _, ms in warm]
    for name, ms in groups.items():
        if ms:
            ms.sort()
            p95, p99 = (ms[min(len(ms) - 1, int(p * len(ms)))] for p in (0.95, 0.99))
            print(
                f"  {name:12} {len(ms):6} requests: p50 {statistics.median(ms):5.0f} ms, "
                f"p95 {p95:5.0f} ms, p99 {p99:5.0f} ms, max {ms[-1]:5.0f} ms"
            )
    print("target: p99 < 200 ms (all, after warm-up), zero errors")
    for e in sorted(set(errors))[:10]:
        print("  error:", e)


if __name__ == "__main__":
    main()
