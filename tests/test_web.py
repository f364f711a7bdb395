"""The web app: the JSON API in-process (httpx over ASGI), schemathesis against its OpenAPI
document, and the pages end to end in Debian's headless Chromium driven by Playwright."""

from __future__ import annotations

import asyncio
import json
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import schemathesis
from conftest import FILINGS, filing_paths

from eightk.store import Store, ingest
from eightk.web import CSP, create_app

SEED = FILINGS / "text" / "immunogen-8k-1997-12-11.txt"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
HOSTILE = (
    "<script>window.__pwned = 1</script>\n"
    '<img src="x" onerror="window.__pwned = 2">\n'
    '<a href="javascript:window.__pwned=3">click</a>\n'
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("web")
    # a real filing with hostile text in its item: filings are untrusted input
    hostile = d / "hostile" / "hostile-8k.txt"
    hostile.parent.mkdir()
    text = SEED.read_text(encoding="utf-8")
    at = text.index("The press release announcing the investment")
    hostile.write_text(text[:at] + HOSTILE + "\n" + text[at:], encoding="utf-8")
    path = d / "web.db"
    with Store(path) as s:
        assert ingest(s, [FILINGS, hostile.parent]).failed == 0
    return path


class Api:
    """httpx over the ASGI transport, in-process, with a synchronous face for the tests."""

    def __init__(self, app: object) -> None:
        self.loop = asyncio.new_event_loop()
        self.c = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app, raise_app_exceptions=False), base_url="http://eightk.test"
        )

    def get(self, url: str, **kw: object) -> httpx.Response:
        return self.loop.run_until_complete(self.c.get(url, **kw))  # type: ignore[arg-type]

    def close(self) -> None:
        self.loop.run_until_complete(self.c.aclose())
        self.loop.close()


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[Api]:
    api = Api(create_app(str(db)))
    yield api
    api.close()


def _id(client: Api, query: str) -> int:
    hits = client.get("/api/filings", params={"q": query}).json()["results"]
    return int(hits[0]["id"])


# -- the JSON API ------------------------------------------------------------------------------


def test_search_api_fields_filters_and_pages(client: Api) -> None:
    r = client.get("/api/filings", params={"q": "auditor"})
    assert r.status_code == 200 and r.headers["content-security-policy"] == CSP
    body = r.json()
    assert body["ok"] and body["page"] == 1 and body["results"]
    assert set(body["results"][0]) == {
        "id",
        "accession",
        "registrant_name",
        "cik",
        "form_type",
        "period_of_report",
        "items",
        "snippet",
    }
    only = client.get("/api/filings", params={"item": "4.01"}).json()["results"]
    assert only and all("4.01" in h["items"] for h in only)
    years = client.get("/api/filings", params={"from": "1990-01-01", "to": "1999-12-31"}).json()["results"]
    assert years and all("1990" <= h["period_of_report"] <= "1999-12-31" for h in years)
    p1 = client.get("/api/filings").json()
    p2 = client.get("/api/filings", params={"page": 2}).json()
    assert p1["more"] and not {h["id"] for h in p1["results"]} & {h["id"] for h in p2["results"]}
    n = len(filing_paths()) + 1
    seen, page = [], 1
    while True:  # page through everything: each filing once
        got = client.get("/api/filings", params={"page": page}).json()
        seen += [h["id"] for h in got["results"]]
        if not got["more"]:
            break
        page += 1
    assert len(seen) == len(set(seen)) == n


def test_one_error_shape_and_no_500_for_bad_input(client: Api) -> None:
    for url, status in [
        ("/api/filings?from=yesterday", 400),
        ("/api/filings?page=0", 400),
        ("/api/filings?page=x", 400),
        ("/api/filings/999999", 404),
        ("/api/filings/abc", 404),
        ("/api/companies/0000000001", 404),
        ("/api/nothing-here", 404),
    ]:
        r = client.get(url)
        assert r.status_code == status, url
        assert r.json() == {"ok": False, "status": status, "error": r.json()["error"]} and r.json()["error"]
    # queries that are not FTS5 syntax are searched as words, never an error
    for q in ['"unbalanced', "AND OR NOT", "Item 2.02", "NEAR(", "*", "AT&T (NASDAQ: IMGN)"]:
        assert client.get("/api/filings", params={"q": q}).status_code == 200, q


def test_filing_company_and_events(client: Api) -> None:
    fid = _id(client, '"Biotechnology Value Fund"')
    body = client.get(f"/api/filings/{fid}").json()
    assert body["ok"] and body["filing"]["registrant"]["irs_ein"] == "04-2726691"
    cik = client.get("/api/filings", params={"q": "Caterpillar"}).json()["results"][0]["cik"]
    comp = client.get(f"/api/companies/{int(cik)}").json()
    assert comp["ok"] and comp["cik"] == cik and comp["filings"] and "CATERPILLAR INC." in comp["names"]
    events = client.get("/api/events", params={"type": "officer_change"}).json()
    assert events["ok"] and events["results"] and {e["type"] for e in events["results"]} == {"officer_change"}
    old = client.get("/api/events", params={"to": "1999-12-31", "type": "private_placement"}).json()["results"]
    seed = next(e for e in old if e["data"].get("investors") == ["Biotechnology Value Fund, L.P."])
    assert seed["data"]["amount_usd"] == 3000000 and seed["data"]["evidence"]
    assert all(e["period_of_report"] <= "1999-12-31" for e in old)
    # pages: every event once
    seen, page = [], 1
    while True:
        got = client.get("/api/events", params={"page": page}).json()
        seen += [(e["filing_id"], e["type"], json.dumps(e["data"], sort_keys=True)) for e in got["results"]]
        if not got["more"]:
            break
        page += 1
    assert page > 1 and len(seen) == len(set(seen))
    assert client.get("/api/events", params={"from": "not a date"}).status_code == 400


def test_vote_counts_are_shown_as_a_table(client: Api) -> None:
    fid = _id(client, '"Brent D. Rosenthal"')
    page = client.get(f"/filings/{fid}").text
    table = page[page.index('<table class="rows">') :]
    table = table[: table.index("</table>")]
    # a nominee's row with its counts, as the filing states them
    assert "<td>Brent D. Rosenthal</td><td>13,187,892</td><td>673,506</td><td>329,437</td>" in table
    assert "<th>broker non votes</th>" in table


def test_api_conforms_to_its_openapi_document(db: Path) -> None:
    """schemathesis: generated requests to every operation; never a server error, every
    response as the document says (status, content type, schema)."""
    from hypothesis import HealthCheck, given, settings

    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(str(db)))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 4
    for op in operations:

        @given(case=op.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate()

        check()


def test_openapi_document_is_served(client: Api) -> None:
    doc = client.get("/openapi.json").json()
    assert doc["openapi"].startswith("3.") and "/api/filings" in doc["paths"]


# -- pages ---------------------------------------------------------------------------------------


def test_pages_escape_filing_text_and_set_a_strict_policy(client: Api) -> None:
    fid = _id(client, '"window.__pwned"')
    html = client.get(f"/filings/{fid}").text
    assert "<script>window" not in html and "onerror=" not in html.replace("onerror=&#34;", "")
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "<script" not in client.get("/").text
    r = client.get("/?q=auditor")
    assert r.status_code == 200 and "<mark>" in r.text and r.headers["content-security-policy"] == CSP
    assert client.get("/filings/999999").status_code == 404
    assert client.get("/static/style.css").status_code == 200


# -- the browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "eightk", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(url + "/openapi.json", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    try:
        yield url
    finally:
        proc.terminate()
        proc.communicate()


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is needed: sh scripts/setup-browser.sh"
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()


def test_search_facet_open_filing_and_see_the_evidence(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "/")
    page.fill("input[name=q]", "press release")
    page.click("button[type=submit]")
    page.wait_for_selector("li.hit")
    first = page.locator("li.hit").count()
    assert first > 0 and page.locator("li.hit mark").count() > 0
    # a facet: Item 2.02
    page.click("section[data-facet=item] a:text-is('2.02')")
    page.wait_for_selector("p.active")
    codes = page.locator("li.hit .items").all_inner_texts()
    assert codes and all("2.02" in c for c in codes)
    # open a filing; the cover values' evidence is highlighted in the document
    page.click("li.hit a.title >> nth=0")
    page.wait_for_selector("article.filing")
    marks = page.locator("mark[data-field]")
    assert marks.count() >= 3
    fields = set(marks.evaluate_all("els => els.map(e => e.dataset.field)"))
    assert "period_of_report" in fields and any(f.startswith("registrant.") for f in fields), fields
    name = page.locator("mark[data-field='registrant.name']")
    assert name.count() >= 1 and name.first.inner_text().strip() in page.inner_text("h1")
    assert all(u.startswith(server) for u in requests)  # nothing loaded from elsewhere
    page.close()


def test_an_event_and_its_evidence_are_shown(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(server + "/?q=%22Biotechnology+Value+Fund%22")
    page.click("li.hit a.title >> nth=0")
    page.wait_for_selector("div.event[data-type=private_placement]")
    amount = page.locator("mark[data-field='private_placement.amount_usd']")
    assert amount.count() == 1 and amount.inner_text() == "$3.0 million"
    assert page.locator("mark[data-field^='private_placement.']").count() >= 8
    page.close()


def test_hostile_filing_text_does_not_run(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    fid = httpx.get(server + "/api/filings", params={"q": '"window.__pwned"'}).json()["results"][0]["id"]
    page.goto(f"{server}/filings/{fid}")
    page.wait_for_selector("article.filing")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("script").count() == 0 and page.locator("img[onerror]").count() == 0
    assert "<script>window.__pwned = 1</script>" in page.inner_text("article.filing")  # shown, as text
    page.close()
