"""A real HTTP server on 127.0.0.1 shaped like EDGAR's archive, built from the repository's
real fixture filings, that logs every request and misbehaves on request.

Used by tests/test_edgar.py and bench/sync_bench.py.  Not a mock: eightk talks HTTP to it
through httpx exactly as it would to SEC.

Tree:
- ``edgar/data/<cik>/<accession>.txt``: every complete submission of tests/data/filings
  (and, for benchmarks, ``copies`` more of each under new accession numbers);
- ``full-index/YYYY/QTRn/master.idx`` and/or ``master.gz`` for every quarter holding one,
  with rows of other forms (10-K, 4, S-1, ...) mixed in, pointing at files that also exist;
- ``daily-index/YYYY/QTRn/master.YYYYMMDD.idx`` for chosen days (the current quarter).

Faults (``server.faults[path] = [...]``, consumed one per request to that path):
``("429", seconds)``, ``("503", None)``, ``("slow", seconds)``, ``("drop", None)`` (close
without answering), ``("truncate", None)`` (announce the whole length, send half, close),
``("cut", None)`` (a whole response whose body lacks its last part: no closing tag),
``("403", None)``, ``("undeclared", None)`` (SEC's block page with status 200).
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

import eightk
from eightk.edgar.index import quarter_of

UNDECLARED_PAGE = (
    b"<html><head><title>SEC.gov | Request Rate Threshold Exceeded</title></head><body>"
    b"<h1>Your Request Originates from an Undeclared Automated Tool</h1>"
    b"<p>To allow for equitable access to all users, SEC reserves the right to limit requests"
    b" originating from undeclared automated tools.</p></body></html>"
)

OTHER_FORMS = ("10-K", "10-Q", "4", "S-1", "DEF 14A", "SC 13G", "6-K", "8-A12B")


@dataclass(frozen=True, slots=True)
class Filed:
    cik: str
    company: str
    form: str
    filed: str  # ISO date in the index
    accession: str
    path: str


@dataclass
class Hit:
    t: float
    path: str
    user_agent: str | None
    status: int | str


@dataclass
class Tree:
    spec: dict[str, object] = field(default_factory=dict)  # build_tree's arguments, to build it again
    files: dict[str, bytes] = field(default_factory=dict)
    filings: list[Filed] = field(default_factory=list)  # the 8-K family listed in the indexes
    others: list[Filed] = field(default_factory=list)  # other forms listed (never to be fetched)


def submissions(root: Path) -> list[tuple[Path, bytes, eightk.Filing]]:
    out = []
    for p in sorted(root.rglob("*.txt")):
        raw = p.read_bytes()
        try:
            f = eightk.read_bytes(raw)
        except eightk.EightkError:
            continue
        if f.header and f.header.accession_number and f.header.filers and f.header.filed_date:
            out.append((p, raw, f))
    return out


def build_tree(
    root: Path,
    *,
    daily: dict[date, int] | None = None,
    copies: int = 0,
    gz_only_every: int = 2,
) -> Tree:
    """The EDGAR-shaped tree.  ``daily`` lists, per day of the current quarter, how many of
    the filings (taken in turn, under new accession numbers) its daily index holds."""
    tree = Tree(
        spec={
            "root": str(root),
            "daily": {d.isoformat(): n for d, n in (daily or {}).items()},
            "copies": copies,
            "gz_only_every": gz_only_every,
        }
    )
    subs = submissions(root)
    for _p, raw, f in subs:
        h = f.header
        assert h is not None
        cik = str(int(h.filers[0].cik or "0"))
        acc = h.accession_number or ""
        path = f"edgar/data/{cik}/{acc}.txt"
        tree.files[path] = raw
        tree.filings.append(Filed(cik, h.filers[0].name or "", h.form_type or "8-K", h.filed_date or "", acc, path))
        for i in range(copies):  # a bigger mirror: the same bytes under new accession numbers
            acc2 = f"{9000000000 + i:010d}-{acc[11:13]}-{acc[14:]}"
            path2 = f"edgar/data/{cik}/{acc2}.txt"
            tree.files[path2] = raw.replace(acc.encode(), acc2.encode())
            tree.filings.append(
                Filed(cik, h.filers[0].name or "", h.form_type or "8-K", h.filed_date or "", acc2, path2)
            )
    for n, day in enumerate(sorted(daily or {})):
        for k in range(daily[day] if daily else 0):
            _, raw, f = subs[(n * 7 + k) % len(subs)]
            h = f.header
            assert h is not None
            cik = str(int(h.filers[0].cik or "0"))
            old = h.accession_number or ""
            acc = f"{8000000000 + n * 100 + k:010d}-{day:%y}-{k:06d}"
            path = f"edgar/data/{cik}/{acc}.txt"
            tree.files[path] = raw.replace(old.encode(), acc.encode())
            tree.filings.append(Filed(cik, h.filers[0].name or "", h.form_type or "8-K", day.isoformat(), acc, path))
    # other forms: one or two a filing, same dates, files that exist
    for i, fl in enumerate(list(tree.filings)):
        form = OTHER_FORMS[i % len(OTHER_FORMS)]
        acc = f"7{i:09d}-{fl.accession[11:13]}-{i:06d}"
        path = f"edgar/data/{fl.cik}/{acc}.txt"
        tree.files[path] = b"<SEC-DOCUMENT>not an 8-K</SEC-DOCUMENT>\n"
        tree.others.append(Filed(fl.cik, fl.company, form, fl.filed, acc, path))
    # the indexes
    quarters: dict[tuple[int, int], list[Filed]] = {}
    days: dict[str, list[Filed]] = {}
    daily_days = {d.isoformat() for d in daily or {}}
    for fl in tree.filings + tree.others:
        if fl.filed in daily_days:
            days.setdefault(fl.filed, []).append(fl)
        else:
            quarters.setdefault(quarter_of(date.fromisoformat(fl.filed)), []).append(fl)
    # EDGAR has a full index for every quarter since 1993, most of them (here) without 8-Ks of ours
    today = datetime.now(UTC).date()
    y, q = 1993, 1
    while (y, q) < quarter_of(today):
        quarters.setdefault((y, q), [])
        y, q = (y + 1, 1) if q == 4 else (y, q + 1)
    for n, ((y, q), rows) in enumerate(sorted(quarters.items())):
        body = _master(rows)
        base = f"full-index/{y}/QTR{q}/"
        if gz_only_every and n % gz_only_every == 0:
            tree.files[base + "master.gz"] = gzip.compress(body, mtime=0)
        else:
            tree.files[base + "master.idx"] = body
    for d, rows in days.items():
        dd = date.fromisoformat(d)
        y, q = quarter_of(dd)
        tree.files[f"daily-index/{y}/QTR{q}/master.{dd:%Y%m%d}.idx"] = _master(rows, daily=True)
    return tree


def _master(rows: list[Filed], daily: bool = False) -> bytes:
    head = (
        "Description:           Master Index of EDGAR Dissemination Feed\n"
        "Last Data Received:    (test mirror)\n"
        "Comments:              webmaster@sec.gov\n"
        "Anonymous FTP:         ftp://ftp.sec.gov/edgar/\n\n\n\n\n"
        "CIK|Company Name|Form Type|Date Filed|Filename\n" + "-" * 80 + "\n"
    )
    lines = []
    for r in sorted(rows, key=lambda r: (int(r.cik), r.accession)):
        filed = r.filed.replace("-", "") if daily else r.filed
        lines.append(f"{r.cik}|{r.company}|{r.form}|{filed}|{r.path}\n")
    return (head + "".join(lines)).encode("latin-1", "replace")


class _Serving:
    """The server itself: runs in its own process (see EdgarServer), so that its clock and
    its log are not held up by the client's work in the test process."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self.log: list[Hit] = []
        self.faults: dict[str, list[tuple[str, float | None]]] = {}
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_POST(self) -> None:  # noqa: N802  (control: add faults)
                data = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
                with server.lock:
                    for path, faults in data.items():
                        server.faults.setdefault(path, []).extend((k, a) for k, a in faults)
                self._send(200, b"{}")

            def do_GET(self) -> None:  # noqa: N802
                t = time.monotonic()
                if self.path == "/__log":  # control: the log so far
                    with server.lock:
                        log = [[h.t, h.path, h.user_agent, h.status] for h in server.log]
                    return self._send(200, json.dumps(log).encode())
                path = self.path.split("?", 1)[0].lstrip("/")
                path = path[len("Archives/") :] if path.startswith("Archives/") else path
                with server.lock:
                    queue = server.faults.get(path)
                    fault = queue.pop(0) if queue else None
                    hit = Hit(t, path, self.headers.get("User-Agent"), "?")
                    server.log.append(hit)
                body = server.tree.files.get(path)
                if fault:
                    kind, arg = fault
                    hit.status = kind
                    if kind == "429":
                        return self._send(429, b"Too Many Requests", {"Retry-After": str(int(arg or 1))})
                    if kind == "503":
                        return self._send(503, b"Service Unavailable")
                    if kind == "403":
                        return self._send(403, UNDECLARED_PAGE)
                    if kind == "undeclared":
                        return self._send(200, UNDECLARED_PAGE)
                    if kind == "drop":
                        self.close_connection = True
                        self.connection.close()
                        return None
                    if kind == "slow":
                        time.sleep(arg or 1.0)
                    if kind == "truncate" and body is not None:
                        self.send_response(200)
                        self.send_header("Content-Length", str(len(body)))
                        self.end_headers()
                        self.wfile.write(body[: len(body) // 2])
                        self.wfile.flush()
                        self.close_connection = True
                        self.connection.close()
                        return None
                    if kind == "cut" and body is not None:
                        body = body[: len(body) - 200]
                if body is None:
                    hit.status = 404
                    return self._send(404, b"Not Found")
                if hit.status == "?":
                    hit.status = 200
                return self._send(200, body)

            def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that went away (killed on purpose) is not the server's error

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/Archives/"

    def serve(self) -> None:
        print(self.url, flush=True)
        self.httpd.serve_forever()


class EdgarServer:
    """``with EdgarServer(tree) as srv: srv.url`` -- a server process serving ``tree`` (built
    again there from ``tree.spec``) until the block ends; its log and faults over HTTP."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self.faults = _Faults(self)
        self.proc = subprocess.Popen(
            [sys.executable, __file__, json.dumps(tree.spec)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).parent,
        )
        assert self.proc.stdout is not None
        self.url = self.proc.stdout.readline().strip()
        if not self.url.startswith("http://127.0.0.1:"):
            self.proc.kill()
            raise RuntimeError(f"the EDGAR test server did not start: {self.url!r}")
        self._control = self.url.split("/Archives/")[0]
        self._http = httpx.Client(timeout=30)

    def __enter__(self) -> EdgarServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.close()
        self.proc.kill()
        self.proc.wait()
        if self.proc.stdout:
            self.proc.stdout.close()

    @property
    def log(self) -> list[Hit]:
        return [Hit(*row) for row in self._http.get(self._control + "/__log").json()]

    def add_faults(self, faults: dict[str, list[tuple[str, float | None]]]) -> None:
        self._http.post(self._control + "/__faults", json=faults).raise_for_status()

    # what the log says
    def requested(self, prefix: str = "") -> list[str]:
        return [h.path for h in self.log if h.path.startswith(prefix)]

    def max_per_second(self) -> int:
        times = sorted(h.t for h in self.log)
        best = 0
        j = 0
        for i, t in enumerate(times):
            while times[j] <= t - 1.0:
                j += 1
            best = max(best, i - j + 1)
        return best


class _Faults:
    """``srv.faults[path] = [("429", 1)]`` sends the faults to the server process."""

    def __init__(self, srv: EdgarServer) -> None:
        self.srv = srv

    def __setitem__(self, path: str, faults: list[tuple[str, float | None]]) -> None:
        self.srv.add_faults({path: faults})


if __name__ == "__main__":  # the server process
    spec = json.loads(sys.argv[1])
    _tree = build_tree(
        Path(spec["root"]),
        daily={date.fromisoformat(d): n for d, n in spec["daily"].items()},
        copies=spec["copies"],
        gz_only_every=spec["gz_only_every"],
    )
    _Serving(_tree).serve()
