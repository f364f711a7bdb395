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
    c: httpx.AsyncClient, ids: list[int], until: float, lat: list[float], errors: list[str], think: float
) -> None:
    rnd = random.Random(id(lat) ^ len(lat))
    while time.perf_counter() < until:
        q, f = rnd.choice(QUERIES)
        kind = rnd.random()
        if kind < 0.45:
            url, p = "/", {"q": q}
            if "item" in f:
                p["item"] = f["item"]
        elif kind < 0.8:
            url, p = f"/filings/{rnd.choice(ids)}", {}
        else:
            url, p = "/api/filings", {"q": q}
        t = time.perf_counter()
        try:
            r = await c.get(url, params=p)
            if r.status_code != 200:
                errors.append(f"{r.status_code} {url}")
        except httpx.HTTPError as exc:
            errors.append(f"{type(exc).__name__} {url}")
        lat.append((time.perf_counter() - t) * 1000)
        if think:
            await asyncio.sleep(rnd.uniform(0, 2 * think))  # a reader between pages


async def load(
    base: str, ids: list[int], clients: int, seconds: float, think: float
) -> tuple[list[float], list[str], float]:
    lat: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as c:
        t0 = time.perf_counter()
        until = t0 + seconds
        await asyncio.gather(*(client_loop(c, ids, until, lat, errors, think) for _ in range(clients)))
        return lat, errors, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "eightk-web-bench.db")
    ap.add_argument("--filings", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--workers", type=int, default=2, help="server processes")
    ap.add_argument("--think", type=float, default=0.0, help="mean pause between a client's requests (s)")
    a = ap.parse_args()
    if not a.db.exists():
        print(f"building {a.filings} filings into {a.db} ...")
        scale([str(ROOT / "tests" / "data" / "filings")], a.filings, a.db)
    import sqlite3

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
        lat, errors, dt = asyncio.run(load(base, ids, a.clients, a.seconds, a.think))
    finally:
        srv.terminate()
        srv.wait()
    lat.sort()
    pct = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]  # noqa: E731
    mode = f"each pausing ~{a.think:g} s between pages" if a.think else "back to back (closed loop, no pause)"
    print(f"{n} filings; {a.clients} clients {mode} for {dt:.0f} s; {a.workers} server processes")
    print(f"{len(lat)} requests, {len(lat) / dt:.1f} requests/s, {len(errors)} errors")
    print(
        f"latency p50 {statistics.median(lat):.0f} ms, p95 {pct(0.95):.0f} ms, p99 {pct(0.99):.0f} ms "
        "(target: p99 < 200 ms, zero errors)"
    )
    for e in sorted(set(errors))[:10]:
        print("  error:", e)


if __name__ == "__main__":
    main()
