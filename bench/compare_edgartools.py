"""Item reading against edgartools, on the same complete submissions, as whole processes.

edgartools is an optional baseline, installed separately (for example in its own
virtual environment: ``python -m venv /tmp/et && /tmp/et/bin/pip install edgartools``);
pass its interpreter with ``--edgartools-python``.  Its network calls are disabled (any
HTTP request fails at once), so it reads what the submission holds, as eightk does.

For each complete submission (with an SEC header) under PATH that the gold standard
covers, both tools' item sets are compared with the reviewed gold
(``tests/data/eval/gold.json``).  edgartools reports bare old item numbers ("Item 5")
as they are; its "mapped" figure maps them to modern codes for it with eightk's
catalogue and the filing date.  Prints agreement, files/s and peak memory for each.

Usage: python bench/compare_edgartools.py [PATH] --edgartools-python /tmp/et/bin/python [--repeat 5]
Each tool reads the files --repeat times in its own process; the median pass is compared (the
same rule for both; every pass's time is printed: edgartools' passes vary by 5x, its own caches
and collection, so neither its first nor its fastest pass is representative).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_EDGARTOOLS_CHILD = r"""
import json, os, resource, sys, time
os.environ.setdefault("EDGAR_IDENTITY", "eightk benchmark bench@example.invalid")
import httpx
def _no_network(self, request):
    raise httpx.ConnectError("network disabled for the benchmark", request=request)
httpx.HTTPTransport.handle_request = _no_network
httpx.AsyncHTTPTransport.handle_async_request = _no_network
try:
    import stamina
    stamina.set_testing(True, attempts=1)
except Exception:
    pass
from edgar import Filing
paths, passes = json.loads(sys.stdin.read())
out = {}
times = []
for _ in range(passes):  # each pass reads every file; the median pass is the one compared
    t0 = time.perf_counter()
    for p in paths:
        try:
            items = list(Filing.from_sgml(p).obj().items or [])
            out[p] = {"items": items}
        except Exception as exc:
            out[p] = {"items": [], "error": type(exc).__name__}
    times.append(time.perf_counter() - t0)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": sorted(times)[len(times) // 2], "all": times, "peak_kb": peak, "results": out}))
"""

_EIGHTK_CHILD = r"""
import json, resource, sys, time
import eightk
paths, passes = json.loads(sys.stdin.read())
out = {}
times = []
for _ in range(passes):  # each pass reads every file; the median pass is the one compared
    t0 = time.perf_counter()
    for p in paths:
        try:
            f = eightk.parse(p)
            out[p] = {"items": sorted({i.code for i in f.items if i.status == "reported"}),
                      "date": f.header.filed_date if f.header else None}
        except eightk.EightkError as exc:
            out[p] = {"items": [], "error": str(exc)}
    times.append(time.perf_counter() - t0)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": sorted(times)[len(times) // 2], "all": times, "peak_kb": peak, "results": out}))
"""


def _run(python: str, code: str, job: list) -> dict:  # [paths, passes]
    proc = subprocess.run(
        [python, "-c", code],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _edgartools_codes(items: list[str], date: str | None, mapped: bool) -> list[str]:
    from eightk.catalog import modern_code

    out = set()
    for it in items:
        m = re.search(r"(\d{1,2}(?:\.\d{2})?)", it)
        if not m:
            continue
        n = m.group(1)
        if "." in n:
            out.add(n)
        elif mapped:
            code = modern_code(n, date or "2000-01-01")
            if code:
                out.add(code)
        else:
            out.add(n)
    return sorted(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=str(ROOT / "tests" / "data" / "filings"))
    ap.add_argument("--gold", default=str(ROOT / "tests" / "data" / "eval" / "gold.json"))
    ap.add_argument("--edgartools-python", default=sys.executable)
    ap.add_argument("--repeat", type=int, default=5, help="passes over the file list; the median pass is compared")
    a = ap.parse_args()
    root = Path(a.path)
    gold = {k: v for k, v in json.loads(Path(a.gold).read_text()).items() if not k.startswith("_")}
    subs = sorted(str(root / rel) for rel in gold if b"<SEC-HEADER>" in (root / rel).read_bytes()[:100000].upper())
    if not subs:
        sys.exit("no complete submissions with a gold entry under " + a.path)
    work = subs
    ours = _run(sys.executable, _EIGHTK_CHILD, [work, a.repeat])
    try:
        theirs = _run(a.edgartools_python, _EDGARTOOLS_CHILD, [work, a.repeat])
    except subprocess.CalledProcessError as exc:
        sys.exit(f"edgartools could not run with {a.edgartools_python}: {exc.stderr.strip().splitlines()[-1:]}")
    rows = {"eightk": 0, "edgartools (as reported)": 0, "edgartools (old numbers mapped)": 0}
    misses = []
    for p in subs:
        want = sorted(gold[str(Path(p).relative_to(root))]["items"])
        mine = ours["results"][p]["items"]
        date = ours["results"][p].get("date")
        raw = theirs["results"][p]["items"]
        rows["eightk"] += mine == want
        rows["edgartools (as reported)"] += _edgartools_codes(raw, date, False) == want
        rows["edgartools (old numbers mapped)"] += _edgartools_codes(raw, date, True) == want
        if mine != want or _edgartools_codes(raw, date, True) != want:
            misses.append((Path(p).name, want, mine, raw))
    n = len(subs)
    print(f"{n} complete submissions, item sets against the reviewed gold\n")
    for name, ok in rows.items():
        print(f"  {name:34} {ok:3d}/{n}  {100 * ok / n:5.1f}%")
    print()
    for name, r in (("eightk", ours), ("edgartools", theirs)):
        passes = " ".join(f"{t:.3f}" for t in r["all"])
        print(
            f"  {name:12} {len(work) / r['seconds']:9.1f} files/s (median pass)   peak {r['peak_kb'] / 1024:7.1f} MB"
            f"   passes (s): {passes}"
        )
    print(
        f"\n  eightk reads items {theirs['seconds'] / ours['seconds']:.1f}x as fast as edgartools"
        " (target: at least 10x)"
    )
    if misses:
        print("\nfilings where either tool differs from the gold:")
        for name, want, mine, raw in misses:
            print(f"  {name}: gold {want}  eightk {mine}  edgartools {raw}")


if __name__ == "__main__":
    main()
