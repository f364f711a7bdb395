"""Screenshots of the web pages for the README (docs/search.png, docs/filing.png).

Ingests the bundled filings into a temporary database, serves it on 127.0.0.1 and drives
Debian's Chromium (/usr/bin/chromium) with Playwright.  Usage: python scripts/screenshots.py
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "s.db"
        subprocess.run(
            [sys.executable, "-m", "eightk", "ingest", str(ROOT / "tests/data/filings"), "--db", str(db)],
            check=True,
            capture_output=True,
        )
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        srv = subprocess.Popen([sys.executable, "-m", "eightk", "serve", "--db", str(db), "--port", str(port)])
        try:
            time.sleep(1.5)
            with sync_playwright() as p:
                b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                page = b.new_page(viewport={"width": 1280, "height": 900})
                page.goto(f"http://127.0.0.1:{port}/?q=press+release")
                page.screenshot(path=str(ROOT / "docs" / "search.png"))
                page.goto(f"http://127.0.0.1:{port}/?q=%22Biotechnology+Value+Fund%22")
                page.click("a.title >> nth=0")
                page.wait_for_load_state()
                page.screenshot(path=str(ROOT / "docs" / "filing.png"), full_page=False)
                b.close()
        finally:
            srv.terminate()
            srv.wait()


if __name__ == "__main__":
    main()
