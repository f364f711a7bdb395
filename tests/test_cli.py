"""The command line, run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import FILINGS

SEED = FILINGS / "text" / "immunogen-8k-1997-12-11.txt"


def _eightk(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "eightk", *args], input=stdin, capture_output=True)


def test_parse_prints_json() -> None:
    r = _eightk("parse", str(SEED))
    assert r.returncode == 0
    d = json.loads(r.stdout)
    assert d["registrant"]["name"] == "ImmunoGen, Inc."
    assert d["schema_version"]


def test_parse_jsonl_and_stdin() -> None:
    r = _eightk("parse", "--jsonl", "-", str(SEED), stdin=SEED.read_bytes())
    lines = r.stdout.decode().splitlines()
    assert r.returncode == 0 and len(lines) == 2
    assert json.loads(lines[0]) == json.loads(lines[1]) | {"source": json.loads(lines[0])["source"]}


def test_bad_file_one_line_exit_2_and_the_others_still_read(tmp_path) -> None:
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02" * 200)
    r = _eightk("parse", "--jsonl", str(bad), str(SEED))
    assert r.returncode == 2
    err = r.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "broken.txt" in err[0] and "Traceback" not in r.stderr.decode()
    assert json.loads(r.stdout)["registrant"]["irs_ein"] == "04-2726691"


def test_missing_file() -> None:
    r = _eightk("parse", "no-such-file.txt")
    assert r.returncode == 2
    assert r.stderr.decode().count("\n") == 1 and "no-such-file.txt" in r.stderr.decode()


def test_summary_lists_every_filing() -> None:
    r = _eightk("summary", str(FILINGS))
    assert r.returncode == 0
    out = r.stdout.decode()
    n = sum(1 for p in FILINGS.rglob("*") if p.is_file())
    assert f"{n} files read, 0 unreadable" in out
    assert "ImmunoGen, Inc." in out and "8.01 9.01" in out


def test_cp1252_input_is_read() -> None:
    raw = SEED.read_bytes().replace(b"Registrant's telephone", b"Registrant\x92s telephone")
    r = _eightk("parse", "-", stdin=raw)
    d = json.loads(r.stdout)
    assert d["source"]["encoding"] == "cp1252"
    assert d["registrant"]["phone"] == "(781) 769-4242"


def test_parse_no_text() -> None:
    r = _eightk("parse", "--no-text", str(SEED))
    d = json.loads(r.stdout)
    assert r.returncode == 0
    assert all("text" not in i for i in d["items"]) and all("text" not in e for e in d["exhibits"])
    assert d["items"][0]["span"]
