"""The database under faults: kill -9 during an ingest, and readers while an ingest writes.

Real processes (``python -m eightk ingest``) on real filings; real SIGKILL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import FILINGS, filing_paths

from eightk.errors import StoreError
from eightk.store import Store, export, search


def _ingest_proc(db: Path, commit_seconds: str = "0.5") -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "eightk",
            "ingest",
            str(FILINGS),
            "--db",
            str(db),
            "--json",
            "--commit-seconds",
            commit_seconds,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _filings(db: Path) -> int:
    if not db.exists():
        return 0
    con = sqlite3.connect(db, timeout=30)
    try:
        return int(con.execute("SELECT count(*) FROM filings").fetchone()[0])
    except sqlite3.OperationalError:  # killed before the schema was made
        return 0
    finally:
        con.close()


def _export(db: Path, out: Path) -> dict[str, bytes]:
    with Store(db, readonly=True) as s:
        export(s, out, "jsonl")
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_kill_9_at_any_moment_leaves_a_consistent_database_and_a_rerun_completes_it(tmp_path: Path) -> None:
    clean = tmp_path / "clean.db"
    t0 = time.perf_counter()
    assert _ingest_proc(clean).wait() == 0
    whole = time.perf_counter() - t0
    reference = _export(clean, tmp_path / "clean")
    total = len(filing_paths())

    db = tmp_path / "killed.db"
    seen_partial = False
    for fraction in (0.15, 0.3, 0.45, 0.6, 0.75, 0.9):
        before = _filings(db)
        p = _ingest_proc(db, "0.02")  # small batches: kills land between and inside them
        time.sleep(whole * fraction)
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        con = sqlite3.connect(db)
        try:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            con.execute("INSERT INTO texts_fts(texts_fts) VALUES ('integrity-check')")  # the index matches
        except sqlite3.OperationalError as exc:
            assert "no such table" in str(exc)  # killed before the schema existed: nothing to check
        finally:
            con.close()
        after = _filings(db)
        assert before <= after <= total
        seen_partial |= 0 < after < total
        if after == total:
            db.unlink()
            for extra in ("-wal", "-shm"):
                Path(str(db) + extra).unlink(missing_ok=True)
    assert seen_partial, "no kill landed in the middle of an ingest: the test proved nothing"
    if not db.exists():
        _ingest_proc(db).wait()
    # the same ingest again: exactly the clean run's filings, none lost, none doubled
    assert _ingest_proc(db).wait() == 0
    assert _filings(db) == total
    assert _export(db, tmp_path / "after") == reference


def test_readers_work_while_an_ingest_writes(tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    p = _ingest_proc(db, "0")
    reads = 0
    try:
        while p.poll() is None:
            if _filings(db) == 0:
                time.sleep(0.01)
                continue
            try:
                s = Store(db, readonly=True)
            except StoreError:  # the schema is being made
                continue
            with s:
                search(s, "agreement")
                search(s, "", limit=5)
                export(s, tmp_path / f"x{reads % 2}", "jsonl")
            reads += 1
    finally:
        p.wait()
    assert p.returncode == 0
    assert reads >= 1, "the ingest ended before any read overlapped it"


def test_progress_bar_on_a_terminal_and_none_when_piped(tmp_path: Path) -> None:
    import pty

    leader, follower = pty.openpty()
    p = subprocess.Popen(
        [sys.executable, "-m", "eightk", "ingest", str(FILINGS), "--db", str(tmp_path / "t.db")],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env={**os.environ, "COLUMNS": "100", "TERM": "xterm"},
    )
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process ended
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    assert p.wait() == 0
    seen = out.decode("utf-8", "replace")
    assert "\x1b[" in seen and "ingest" in seen  # rich drew (and cleared) a bar
    piped = subprocess.run(
        [sys.executable, "-m", "eightk", "ingest", str(FILINGS), "--db", str(tmp_path / "p.db")],
        capture_output=True,
        text=True,
    )
    assert piped.returncode == 0 and "\x1b[" not in piped.stdout + piped.stderr
    assert piped.stderr == "" and piped.stdout.startswith(f"{len(filing_paths())} read, ")
