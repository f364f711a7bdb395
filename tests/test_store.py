"""The local database: ingest, idempotence, archives, bad input, search, show, export, reparse.

Real SQLite files in tmp_path, real filings from tests/data/filings."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import FILINGS, filing_paths

import eightk
from eightk.errors import NotFoundError, StoreError
from eightk.reading.container import decode, split
from eightk.store import TABLES, Filters, Store, accession_from_name, export, ingest, search
from eightk.store.ingest import count
from eightk.store.schema import MIGRATIONS

SEED = FILINGS / "text" / "immunogen-8k-1997-12-11.txt"


def _eightk(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "eightk", *args], capture_output=True, text=True, cwd=cwd)


def _files(tree: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(tree.iterdir())}


@pytest.fixture(scope="module")
def full_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("db") / "all.db"
    with Store(db) as s:
        summary = ingest(s, [FILINGS])
    assert summary.failed == 0
    return db


def test_ingest_stores_every_filing_as_parse_reads_it(full_db: Path) -> None:
    with Store(full_db, readonly=True) as s:
        assert s.counts()["filings"] == len(filing_paths())
        for path in filing_paths():
            f = eightk.parse(path)
            row = s.db.execute(
                "SELECT f.* FROM filings f JOIN sources x ON x.filing_id = f.id WHERE x.name = ?", (str(path),)
            ).fetchone()
            assert row is not None, path
            assert row["registrant_name"] == f.registrant.name
            reported = [i.code for i in f.items if i.status == "reported"]
            assert row["item_codes"].split() == list(dict.fromkeys(reported))
            items = s.db.execute(
                "SELECT i.code, i.status, t.body FROM items i JOIN texts t ON t.id = i.text_id"
                " WHERE i.filing_id = ? ORDER BY position",
                (row["id"],),
            ).fetchall()
            assert [(r[0], r[1], r[2]) for r in items] == [(i.code, i.status, i.text) for i in f.items]
            n_sig = s.db.execute("SELECT count(*) FROM signatures WHERE filing_id = ?", (row["id"],)).fetchone()[0]
            assert n_sig == len(f.signatures)
            assert s.raw(row["sha256"]) == path.read_bytes()  # the raw bytes are kept, exactly
            assert row["parser_version"] == eightk.__version__


def test_ingest_twice_is_one_filing_each_and_the_same_bytes_under_another_name_too(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    copy = tmp_path / "renamed.txt"
    shutil.copy(SEED, copy)
    with Store(db) as s:
        first = ingest(s, [FILINGS / "text", FILINGS / "submission-2001-2004"])
        again = ingest(s, [FILINGS / "text", FILINGS / "submission-2001-2004", copy])
        assert (first.new, first.unchanged) == (4, 0)
        assert (again.new, again.unchanged, again.failed) == (0, 5, 0)
        assert s.counts()["filings"] == 4
        names = [r[0] for r in s.db.execute("SELECT name FROM sources ORDER BY name")]
        assert str(copy) in names and str(SEED) in names


def _main_document_only(submission: Path, dest: Path) -> Path:
    text, _ = decode(submission.read_bytes())
    c = split(text)
    primary = next(p for p in c.parts if p.kind in ("html", "text"))
    out = dest / f"{submission.stem}-main.txt"  # the accession is in the name, not in a header
    out.write_text(primary.body, encoding="utf-8")
    return out


def test_two_copies_of_one_accession_keep_the_complete_submission_whatever_the_order(tmp_path: Path) -> None:
    sub = FILINGS / "submission-2004-2010" / "0001213900-09-002194.txt"
    main_only = _main_document_only(sub, tmp_path)
    exports = []
    for order in ([sub, main_only], [main_only, sub]):
        db = tmp_path / f"{order[0].name}.db"
        with Store(db) as s:
            for p in order:
                ingest(s, [p])
            rows = s.db.execute("SELECT accession, sha256 FROM filings").fetchall()
            assert [(r[0], r[1]) for r in rows] == [
                ("0001213900-09-002194", hashlib.sha256(sub.read_bytes()).hexdigest())
            ]
            assert {r[0] for r in s.db.execute("SELECT name FROM sources")} == {str(sub), str(main_only)}
            export(s, tmp_path / f"out-{len(exports)}", "jsonl")
        exports.append(_files(tmp_path / f"out-{len(exports)}"))
    assert exports[0] == exports[1]


def test_accession_from_name() -> None:
    assert accession_from_name("a/0000950135-97-004927.txt") == "0000950135-97-004927"
    assert accession_from_name("8-K_20241101_rpt20241031_acc0001193125_24_249922.htm") == "0001193125-24-249922"
    assert accession_from_name("edgar/data/1633978/000162828026055726/lite-20260811.htm") == "0001628280-26-055726"
    assert accession_from_name("1442999-8-k-2025-06-30.html") is None
    assert accession_from_name("x/00001234567-97-004927.txt") is None  # 11 digits: not an accession


def test_archives_read_like_the_folder_and_exports_do_not_depend_on_order(tmp_path: Path) -> None:
    paths = filing_paths()
    tgz = tmp_path / "filings.tar.gz"
    with tarfile.open(tgz, "w:gz") as tf:
        for p in paths[: len(paths) // 2]:
            tf.add(p, arcname=f"a/{p.name}")
    zf_path = tmp_path / "filings.zip"
    with zipfile.ZipFile(zf_path, "w") as zf:
        for p in paths[len(paths) // 2 :]:
            zf.write(p, arcname=f"b/{p.name}")
    # the progress bar's total, without reading: known for folders and zips, not for a compressed tar
    assert count([FILINGS, zf_path]) == len(paths) + len(paths) - len(paths) // 2 and count([tgz]) is None
    with Store(tmp_path / "arch.db") as s:
        summary = ingest(s, [zf_path, tgz])
        assert (summary.read, summary.new, summary.failed) == (len(paths), len(paths), 0)
        assert any("!" in r[0] for r in s.db.execute("SELECT name FROM sources"))
        export(s, tmp_path / "arch", "parquet")
    with Store(tmp_path / "rev.db") as s:
        for p in reversed(paths):  # file by file, in the opposite order
            ingest(s, [p])
        export(s, tmp_path / "rev", "parquet")
    assert _files(tmp_path / "arch") == _files(tmp_path / "rev")


def test_bad_files_are_recorded_and_the_run_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.bin").write_bytes(bytes(range(256)) * 40)
    (bad / "big.txt").write_bytes(SEED.read_bytes() * 3)
    (bad / "broken.tar.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    shutil.copy(SEED, bad / "seed.txt")
    r = _eightk(
        "ingest", str(bad), "--db", str(tmp_path / "x.db"), "--json", "--max-bytes", str(SEED.stat().st_size * 2)
    )
    assert r.returncode == 1, r.stderr
    summary = json.loads(r.stdout)
    assert summary == {"read": 5, "new": 1, "unchanged": 0, "updated": 0, "failed": 4}
    with Store(tmp_path / "x.db", readonly=True) as s:
        problems = {Path(r["source"]).name: r["code"] for r in s.db.execute("SELECT * FROM problems")}
        assert problems == {
            "empty.txt": "empty",
            "binary.bin": "binary",
            "big.txt": "too-large",
            "broken.tar.gz": "io-error",
        }
        assert s.counts()["filings"] == 1
    # again: nothing doubled
    r2 = _eightk(
        "ingest", str(bad), "--db", str(tmp_path / "x.db"), "--json", "--max-bytes", str(SEED.stat().st_size * 2)
    )
    assert json.loads(r2.stdout)["unchanged"] == 1
    with Store(tmp_path / "x.db", readonly=True) as s:
        assert s.counts()["problems"] == 4 and s.counts()["filings"] == 1
    # without --json: one line per failure on stderr, naming the file and the reason
    r3 = _eightk("ingest", str(bad / "empty.txt"), "--db", str(tmp_path / "y.db"))
    assert r3.returncode == 1 and r3.stderr.strip().count("\n") == 0 and "empty.txt" in r3.stderr


def test_search_ranks_stems_filters_and_forgives_syntax(full_db: Path) -> None:
    with Store(full_db, readonly=True) as s:
        hits = search(s, "auditor resigning")  # stemmed: "resigned", "auditors"
        assert hits and "4.01" in hits[0]["items"]  # the auditor change first; other texts may say both words
        assert set(hits[0]) == {
            "id",
            "accession",
            "registrant_name",
            "cik",
            "form_type",
            "period_of_report",
            "items",
            "snippet",
        }
        assert "[" in hits[0]["snippet"] and "\n" not in hits[0]["snippet"]
        only_401 = search(s, "", Filters(item="4.01"), limit=100)
        assert only_401 and all("4.01" in h["items"] for h in only_401)
        # "Items 1-4. Not applicable." is not a report of Item 4.01
        na = s.db.execute("SELECT count(*) FROM items WHERE code = '4.01' AND status = 'not_applicable'").fetchone()[0]
        assert (
            na > 0
            and len(only_401)
            == s.db.execute(
                "SELECT count(DISTINCT filing_id) FROM items WHERE code = '4.01' AND status = 'reported'"
            ).fetchone()[0]
        )
        old = search(s, "", Filters(until="2000-12-31"), limit=100)
        assert old and all(h["period_of_report"] <= "2000-12-31" for h in old)
        # FTS5 syntax errors fall back to the plain words
        assert search(s, "Item 2.02 results", Filters(item="2.02"))
        assert search(s, 'AT&T "unbalanced') is not None
        cik = only_401[0]["cik"]
        assert {h["cik"] for h in search(s, "", Filters(cik=cik.lstrip("0")), limit=100)} == {cik}
        assert search(s, "zzzzqqqq") == []


def test_search_and_show_commands(full_db: Path) -> None:
    r = _eightk("search", "press release", "--db", str(full_db), "--json", "--limit", "3")
    assert r.returncode == 0, r.stderr
    hits = json.loads(r.stdout)
    assert len(hits) == 3
    shown = _eightk("show", str(hits[0]["id"]), "--db", str(full_db), "--json")
    assert shown.returncode == 0
    with Store(full_db, readonly=True) as s:
        row = s.filing_row(hits[0]["id"])
        direct = eightk.read_bytes(s.raw(row["sha256"]))
    assert {k: v for k, v in json.loads(shown.stdout).items() if k != "source"} == {
        k: v for k, v in direct.to_dict().items() if k != "source"
    }
    with_accession = next(
        h for h in json.loads(_eightk("search", "", "--db", str(full_db), "--json").stdout) if h["accession"]
    )
    text = _eightk("show", with_accession["accession"], "--db", str(full_db))
    assert text.returncode == 0 and with_accession["registrant_name"] in text.stdout
    missing = _eightk("show", "0000000000-00-000000", "--db", str(full_db))
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
    with Store(full_db, readonly=True) as s, pytest.raises(NotFoundError):
        s.filing_row("nope")


def test_export_formats_and_documented_parquet_schema(full_db: Path, tmp_path: Path) -> None:
    for fmt in ("parquet", "csv", "jsonl"):
        r = _eightk("export", "--db", str(full_db), "--format", fmt, "--out", str(tmp_path / fmt))
        assert r.returncode == 0, r.stderr
        assert sorted(p.name for p in (tmp_path / fmt).iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)
    with Store(full_db, readonly=True) as s:
        counts = s.counts()
    for table in TABLES:
        t = pq.read_table(tmp_path / "parquet" / f"{table}.parquet")
        assert t.schema.names == [c[0] for c in TABLES[table][0]]
        assert t.num_rows == counts[table]
        lines = (tmp_path / "jsonl" / f"{table}.jsonl").read_text().splitlines()
        assert len(lines) == counts[table]
    items = pq.read_table(tmp_path / "parquet" / "items.parquet").to_pylist()
    assert all(r["text"] is not None and r["filing_key"] for r in items)
    assert "id" not in pq.read_table(tmp_path / "parquet" / "filings.parquet").schema.names


def test_reparse_rebuilds_from_stored_bytes_without_the_files(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(FILINGS / "submission-1993-2000", src)
    (src / "empty.txt").write_bytes(b"  ")
    db = tmp_path / "r.db"
    with Store(db) as s:
        ingest(s, [src])
        export(s, tmp_path / "before", "jsonl")
        s.db.execute("UPDATE filings SET parser_version = '0.0.1'")
        s.db.execute("UPDATE problems SET parser_version = '0.0.1'")
        s.db.execute("DELETE FROM items")  # derived rows a parser upgrade would rebuild
    shutil.rmtree(src)
    r = _eightk("reparse", "--db", str(db), "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"read": 9, "updated": 8, "failed": 1, "unchanged": 0, "new": 0}
    with Store(db) as s:
        export(s, tmp_path / "after", "jsonl")
        assert s.stale() == []
    assert _files(tmp_path / "before") == _files(tmp_path / "after")


def test_database_refuses_what_it_cannot_use(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        Store(junk)
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "missing.db", readonly=True)
    db = tmp_path / "future.db"
    with Store(db) as s:
        assert [r[0] for r in s.db.execute("SELECT version FROM migrations")] == list(range(1, len(MIGRATIONS) + 1))
        s.db.execute("INSERT INTO migrations VALUES (999, 'from the future', 'x')")
    with pytest.raises(StoreError, match="newer eightk"):
        Store(db)
    r = _eightk("search", "x", "--db", str(db))
    assert r.returncode == 2 and "newer eightk" in r.stderr and "Traceback" not in r.stderr


def test_wal_mode_and_integrity(full_db: Path) -> None:
    con = sqlite3.connect(full_db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("INSERT INTO texts_fts(texts_fts) VALUES ('integrity-check')") is not None
    con.close()


def test_the_database_opens_in_datasette_as_it_is(full_db: Path) -> None:
    import asyncio

    from datasette.app import Datasette

    async def get(path: str) -> list[dict[str, object]]:
        ds = Datasette([str(full_db)])
        r = await ds.client.get(path)
        assert r.status_code == 200, r.text
        return r.json()

    name = full_db.stem
    filings = asyncio.run(get(f"/{name}/filings.json?_shape=array&_size=max"))
    assert len(filings) == len(filing_paths())
    # Datasette finds the FTS5 index by itself and searches the texts through it
    found = asyncio.run(get(f"/{name}/texts.json?_search=auditor&_shape=array&_col=label&_size=max"))
    assert found and any("4.01" in str(r["label"]) for r in found)


def test_windowed_ranking_agrees_with_exhaustive_ranking(full_db: Path) -> None:
    with Store(full_db, readonly=True) as s:
        for q, f in [("agreement", Filters()), ("press release", Filters(item="2.02")), ("director", Filters())]:
            exhaustive = search(s, q, f, limit=200, exhaustive=True)
            assert exhaustive
            # fewer matches than a window: the same answer
            assert search(s, q, f, limit=200) == exhaustive
            # tiny windows: windows are read until enough filings pass the filters; every hit a true one
            small = search(s, q, f, limit=5, window=3)
            assert len(small) == min(5, len(exhaustive))
            assert {h["id"] for h in small} <= {h["id"] for h in exhaustive}
            assert search(s, q, f, limit=5, window=3) == small  # deterministic
