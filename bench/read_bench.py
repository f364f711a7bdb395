"""Reading throughput and peak memory, against one lexbor parse pass over the same documents.

Each mode runs as a whole process, in the same run, on the same files:

- ``read``:   eightk.parse() of every file (the full reading),
- ``lexbor``: decode + split into documents + one selectolax/lexbor parse of each
  text document (the baseline: "the fastest HTML parser over the same documents").

Usage: python bench/read_bench.py [PATH ...] [--repeat N]
(needs ``pip install -e '.[bench]'`` for selectolax)
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(q for q in p.rglob("*") if q.is_file()) if p.is_dir() else [p])
    return out


def _child(mode: str, paths: list[str], repeat: int) -> None:
    files = [f.read_bytes() for f in _files(paths)]
    if mode == "read":
        import eightk

        def work(raw: bytes) -> None:
            try:
                eightk.read_bytes(raw)
            except eightk.EightkError:
                pass
    else:
        from selectolax.lexbor import LexborHTMLParser

        from eightk.reading.container import decode, split

        def work(raw: bytes) -> None:
            try:
                text, _ = decode(raw)
            except Exception:
                return
            for part in split(text).parts:
                if part.kind in ("html", "text"):
                    LexborHTMLParser(part.body).body  # noqa: B018  (parse, touch the tree)

    # the best of three rounds: this machine is shared and noisy
    dt = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in range(repeat):
            for raw in files:
                work(raw)
        dt = min(dt, time.perf_counter() - t0)
    total = sum(map(len, files)) * repeat
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"mode": mode, "files": len(files) * repeat, "seconds": dt, "bytes": total, "peak_kb": peak_kb}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "tests" / "data" / "filings")])
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--child", choices=["read", "lexbor"])
    a = ap.parse_args()
    if a.child:
        _child(a.child, a.paths, a.repeat)
        return
    results = {}
    for mode in ("lexbor", "read"):
        out = subprocess.run(
            [sys.executable, __file__, "--child", mode, "--repeat", str(a.repeat), *a.paths],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        results[mode] = json.loads(out.strip().splitlines()[-1])
    print(f"{'mode':8} {'files':>7} {'seconds':>8} {'files/s':>9} {'MB/s':>7} {'peak MB':>8}")
    for mode, r in results.items():
        fps = r["files"] / r["seconds"]
        mbs = r["bytes"] / r["seconds"] / 1e6
        print(f"{mode:8} {r['files']:7d} {r['seconds']:8.2f} {fps:9.1f} {mbs:7.2f} {r['peak_kb'] / 1024:8.1f}")
    ratio = results["read"]["seconds"] / results["lexbor"]["seconds"]
    print(f"\nfull reading costs {ratio:.2f}x one lexbor pass (target: at most 3x)")
    # where the time goes, by the reading's stages, in this process (one pass over the files)
    import eightk
    from eightk.reading import container, text_view
    from eightk.reading.body import read_body
    from eightk.reading.cover import read_cover

    stages = {"decode+split": 0.0, "text views": 0.0, "cover": 0.0, "items/exhibits/signatures": 0.0}
    for f in _files(a.paths):
        raw = f.read_bytes()
        t0 = time.perf_counter()
        try:
            text, _ = container.decode(raw)
        except eightk.EightkError:
            continue
        c = container.split(text)
        t1 = time.perf_counter()
        views = {i: text_view(p) for i, p in enumerate(c.parts) if p.kind in ("html", "text")}
        t2 = time.perf_counter()
        if not views:
            continue
        primary = next(iter(views))
        cover = read_cover(views[primary])
        t3 = time.perf_counter()
        read_body(views[primary], None, c.parts, primary, dict(views))
        t4 = time.perf_counter()
        for k, dt in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            stages[k] += dt
        del cover
    total = sum(stages.values())
    print("\nshare of reading time by stage: " + ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in stages.items()))


if __name__ == "__main__":
    main()
