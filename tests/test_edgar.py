"""EDGAR sync against a real HTTP server on 127.0.0.1 serving an EDGAR-shaped tree of the
repository's real filings, misbehaving on purpose.  Every check is read from the server's log."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from conftest import FILINGS
from edgar_server import EdgarServer, build_tree

from eightk.edgar import FORMS_8K, EdgarClient, RateLimiter, check_submission, parse_master, plan, sync
from eightk.errors import BlockedError
from eightk.store import Store, export

UA = "eightk tests tests@example.com"
TODAY = datetime.now(UTC).date()


def _weekdays_before(today: date, n: int) -> list[date]:
    out: list[date] = []
    d = today - timedelta(days=1)
    while len(out) < n:
        if d.weekday() < 5 and (d.month - 1) // 3 == (today.month - 1) // 3 and d.year == today.year:
            out.append(d)
        elif (d.month - 1) // 3 != (today.month - 1) // 3 or d.year != today.year:
            break
        d -= timedelta(days=1)
    return out


DAYS = _weekdays_before(TODAY, 3)
# most tests sync ten years (40 quarterly indexes at 10 requests a second); one syncs all
SINCE, UNTIL = date(2004, 1, 1), date(2013, 12, 31)


def _in_range(tree):  # type: ignore[no-untyped-def]
    return [f for f in tree.filings if SINCE <= date.fromisoformat(f.filed) <= UNTIL]


@pytest.fixture(scope="module")
def tree():  # type: ignore[no-untyped-def]
    return build_tree(FILINGS, daily={d: 2 for d in DAYS})


def _client(url: str, **kw: object) -> EdgarClient:
    return EdgarClient(UA, base_url=url, backoff=0.05, **kw)  # type: ignore[arg-type]


def _export(db: Path, out: Path) -> dict[str, bytes]:
    with Store(db, readonly=True) as s:
        export(s, out, "jsonl")
    # problems name the server's URL (a random port): compare the entity tables
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name != "problems.jsonl"}


# -- planning and parsing ---------------------------------------------------------------------


def test_thirty_years_take_index_requests_in_the_hundreds() -> None:
    files = plan(date(1994, 1, 1), date(2024, 5, 20), today=date(2024, 5, 20))
    quarterly = [f for f in files if not f.daily]
    daily = [f for f in files if f.daily]
    assert len(quarterly) == 30 * 4 + 1  # 1994Q1 .. 2024Q1
    assert quarterly[0].paths == ("full-index/1994/QTR1/master.gz", "full-index/1994/QTR1/master.idx")
    # the current quarter day by day, weekdays only, up to today
    assert daily[0].paths == ("daily-index/2024/QTR2/master.20240401.idx",)
    assert daily[-1].first == date(2024, 5, 20) and all(f.first.weekday() < 5 for f in daily)
    assert len(files) < 200
    assert plan(date(2025, 1, 1), date(2024, 1, 1), today=date(2025, 6, 1)) == []


def test_master_index_plain_and_gzipped() -> None:
    text = (
        "Description: Master Index\n\nCIK|Company Name|Form Type|Date Filed|Filename\n"
        + "-" * 80
        + "\n1018724|AMAZON COM INC|8-K|1998-08-12|edgar/data/1018724/0000891020-98-001352.txt\n"
        "320193|APPLE COMPUTER INC|10-K|19981201|edgar/data/320193/0000320193-98-000008.txt\n"
        "garbage line\n"
    ).encode()
    for data in (text, gzip.compress(text)):
        rows = list(parse_master(data))
        assert [(r.cik, r.form_type, r.date_filed, r.accession) for r in rows] == [
            ("1018724", "8-K", "1998-08-12", "0000891020-98-001352"),
            ("320193", "10-K", "1998-12-01", "0000320193-98-000008"),
        ]


def test_truncated_submissions_are_recognised() -> None:
    whole = (FILINGS / "submission-2011-2019" / "0000092122-13-000080.txt").read_bytes()
    pem = (FILINGS / "submission-1993-2000" / "0000320193-96-000027.txt").read_bytes()
    assert check_submission(whole) is None and check_submission(pem) is None
    assert "truncated" in (check_submission(whole[:-300]) or "")
    assert "truncated" in (check_submission(pem[: len(pem) // 2]) or "")


def test_rate_limiter_never_lets_more_than_rate_in_any_second() -> None:
    lim = RateLimiter(10)
    sent = []
    t0 = time.monotonic()
    for _ in range(25):
        lim.acquire()
        sent.append(time.monotonic())
    assert sent[-1] - t0 >= 2.0
    assert all(sent[i + 10] - sent[i] >= 1.0 for i in range(len(sent) - 10))
    with pytest.raises(ValueError):
        RateLimiter(11)


def test_no_identity_no_request(tree) -> None:  # type: ignore[no-untyped-def]
    with EdgarServer(tree) as srv:
        with pytest.raises(BlockedError, match="User-Agent|user-agent"):
            EdgarClient(None, base_url=srv.url)
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "eightk",
                "sync",
                "--since",
                "2020-01-01",
                "--edgar-url",
                srv.url,
                "--db",
                os.devnull,
            ],
            capture_output=True,
            text=True,
            env={k: v for k, v in os.environ.items() if k != "EIGHTK_USER_AGENT"},
        )
        assert r.returncode == 2 and "--user-agent" in r.stderr and r.stderr.count("\n") == 1
        assert srv.log == []


# -- a whole sync, misbehaving server ---------------------------------------------------------


def test_sync_fetches_every_8k_and_nothing_else_politely(tree, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = [f.path for f in tree.filings]
    with EdgarServer(tree) as srv:
        srv.faults[paths[0]] = [("429", 1)]
        srv.faults[paths[1]] = [("503", None), ("503", None)]
        srv.faults[paths[2]] = [("drop", None)]
        srv.faults[paths[3]] = [("truncate", None)]
        srv.faults[paths[4]] = [("cut", None)]
        srv.faults[paths[5]] = [("slow", 0.5)]
        with Store(tmp_path / "s.db") as s, _client(srv.url) as c:
            summary = sync(s, c, since=date(1993, 1, 1), workers=4, today=TODAY)
            got = {r[0] for r in s.db.execute("SELECT accession FROM filings")}
        log = list(srv.log)
        # every 8-K of the period arrived; nothing else was asked for
        assert got == {f.accession for f in tree.filings}
        assert summary.failed == 0 and summary.new == len(tree.filings)
        other = {f.path for f in tree.others}
        assert not other.intersection(h.path for h in log)
        assert all(h.path.startswith(("edgar/data/", "full-index/", "daily-index/")) for h in log)
        # every request declared who we are
        assert {h.user_agent for h in log} == {UA}
        # no second saw more than 10 requests
        assert srv.max_per_second() <= 10
        # the 429's Retry-After was honoured
        hits = [h for h in log if h.path == paths[0]]
        assert hits[0].status == "429" and hits[1].t - hits[0].t >= 0.95
        # each faulty file was asked for again until it came whole
        for p in paths[1:5]:
            assert [h.status for h in log if h.path == p][-1] == 200
        # index requests: one per quarter (a .gz missing falls back to .idx) and per day
        index_hits = [h.path for h in log if not h.path.startswith("edgar/data/")]
        quarters = {p.rsplit("/", 1)[0] for p in index_hits if p.startswith("full-index/")}
        assert len([p for p in index_hits if p.startswith("full-index/")]) <= 2 * len(quarters)
        assert summary.requests == len(log)

        # a second sync over the same range fetches no filing, and only indexes that may change
        n = len(srv.log)
        with Store(tmp_path / "s.db") as s, _client(srv.url) as c:
            again = sync(s, c, since=date(1993, 1, 1), today=TODAY)
        second = [h.path for h in srv.log[n:]]
        assert again.fetched == 0 and again.already == len(tree.filings)
        assert not [p for p in second if p.startswith("edgar/data/")]
        # only days whose index may still come: today's, and recent days not yet published
        recent = {f"master.{TODAY - timedelta(days=k):%Y%m%d}.idx" for k in range(4)}
        assert all(p.startswith("daily-index/") and p.rsplit("/", 1)[1] in recent for p in second)


def test_forms_and_cik_filters(tree, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mine = _in_range(tree)
    cik = mine[0].cik
    with EdgarServer(tree) as srv, Store(tmp_path / "c.db") as s, _client(srv.url) as c:
        sync(s, c, since=SINCE, until=UNTIL, ciks=(cik,), today=TODAY)
        first = srv.requested("edgar/data/")
        assert set(first) == {f.path for f in mine if f.cik == cik} and len(first) < len(mine)
        sync(s, c, since=SINCE, until=UNTIL, forms=("10-K",), today=TODAY)
        fetched = set(srv.requested("edgar/data/")[len(first) :])
        in_range = {f.path for f in tree.others if f.form == "10-K" and SINCE <= date.fromisoformat(f.filed) <= UNTIL}
        assert fetched == in_range and fetched  # the other form, asked for, is fetched (and unreadable)
    assert "8-K/A" in FORMS_8K


def test_blocked_stops_at_once(tree, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for fault in ("403", "undeclared"):
        with EdgarServer(tree) as srv:
            target = _in_range(tree)[3].path
            srv.faults[target] = [(fault, None)]
            with Store(tmp_path / f"{fault}.db") as s, _client(srv.url) as c:
                with pytest.raises(BlockedError, match="undeclared automated tool|refused"):
                    sync(s, c, since=SINCE, until=UNTIL, workers=2, today=TODAY)
            log = list(srv.log)
            at = next(i for i, h in enumerate(log) if h.path == target)
            assert len(log) - at - 1 <= 2  # only requests already in flight
            assert sum(h.path == target for h in log) == 1  # never retried


def test_a_file_that_never_comes_is_a_problem_and_the_sync_goes_on(tree, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mine = _in_range(tree)
    target = mine[2].path
    with EdgarServer(tree) as srv:
        srv.faults[target] = [("drop", None)] * 3
        with Store(tmp_path / "p.db") as s, _client(srv.url, retries=2) as c:
            summary = sync(s, c, since=SINCE, until=UNTIL, today=TODAY)
            assert summary.failed == 1 and summary.new == len(mine) - 1
            (code,) = s.db.execute("SELECT code FROM problems WHERE source LIKE ?", (f"%{target}",)).fetchone()
            assert code == "fetch-failed"
        # next time it is fetched, and the problem goes away
        with Store(tmp_path / "p.db") as s, _client(srv.url) as c:
            summary = sync(s, c, since=SINCE, until=UNTIL, today=TODAY)
            assert summary.fetched == 1 and summary.failed == 0
            assert s.db.execute("SELECT count(*) FROM problems").fetchone()[0] == 0


def _sync_proc(url: str, db: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "eightk",
            "sync",
            "--since",
            SINCE.isoformat(),
            "--until",
            UNTIL.isoformat(),
            "--edgar-url",
            url,
            "--db",
            str(db),
            "--user-agent",
            UA,
            "--json",
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_kill_9_mid_sync_and_a_rerun_end_as_one_clean_run(tree, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with EdgarServer(tree) as srv:
        clean = _sync_proc(srv.url, tmp_path / "clean.db", "--workers", "1")
        out, err = clean.communicate()
        assert clean.returncode == 0, err
        assert json.loads(out)["filings_new"] == len(_in_range(tree))
        reference = _export(tmp_path / "clean.db", tmp_path / "clean")

        for f in _in_range(tree):  # slow the filings down so the kill lands mid-sync
            srv.faults[f.path] = [("slow", 0.15)]
        n = len(srv.log)
        p = _sync_proc(srv.url, tmp_path / "k.db", "--workers", "1")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            fetched = [h for h in srv.log[n:] if h.path.startswith("edgar/data/")]
            if len(fetched) >= len(_in_range(tree)) // 2:
                break
            time.sleep(0.02)
        os.kill(p.pid, signal.SIGKILL)
        p.communicate()
        with Store(tmp_path / "k.db", readonly=True) as s:
            stored = {r[0] for r in s.db.execute("SELECT accession FROM filings")}
            assert s.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert 0 < len(stored) < len(_in_range(tree))
        m = len(srv.log)
        rerun = _sync_proc(srv.url, tmp_path / "k.db")
        out, err = rerun.communicate()
        assert rerun.returncode == 0, err
        refetched = {h.path.rsplit("/", 1)[1][:-4] for h in srv.log[m:] if h.path.startswith("edgar/data/")}
        assert not refetched & stored  # only what was missing
        assert refetched | stored == {f.accession for f in _in_range(tree)}
    assert _export(tmp_path / "k.db", tmp_path / "k") == reference


def test_fetch_one_by_accession_and_by_url(tree, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = tree.filings[0]
    with EdgarServer(tree) as srv:

        def fetch(*args: str) -> subprocess.CompletedProcess[str]:
            cmd = [sys.executable, "-m", "eightk", "fetch", *args, "--db", str(tmp_path / "f.db"), "--user-agent", UA]
            return subprocess.run(cmd, capture_output=True, text=True)

        r = fetch(f"{f.cik}/{f.accession}", "--edgar-url", srv.url)
        assert r.returncode == 0, r.stderr
        assert r.stdout.startswith("new: ") and srv.requested() == [f.path]
        r = fetch(srv.url + "edgar/data/1/0000000000-00-000000.txt")
        assert r.returncode == 2 and "404" in r.stderr
    with Store(tmp_path / "f.db", readonly=True) as s:
        assert [r[0] for r in s.db.execute("SELECT accession FROM filings")] == [f.accession]


def test_a_timeout_is_retried(tree, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = _in_range(tree)[0].path
    with EdgarServer(tree) as srv:
        srv.faults[target] = [("slow", 1.5)]
        with _client(srv.url, timeout=0.5) as c:
            body = c.get(target, check=check_submission).content
        assert body == tree.files[target]
        hits = [h for h in srv.log if h.path == target]
        assert [h.status for h in hits] == ["slow", 200]
