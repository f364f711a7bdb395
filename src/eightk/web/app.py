"""The web app: a JSON API and pages over the database, read-only (Starlette, ASGI).

Filings are untrusted HTML: every filing text is rendered as escaped text by Jinja2's
autoescaping (never as markup), and every response carries a Content-Security-Policy that
allows nothing but this server's own stylesheet: no scripts, no inline handlers, no
external loads. One JSON error shape for every API error: ``{"ok": false, "status", "error"}``.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import anyio.to_thread
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import EightkError, NotFoundError
from ..store import Filters, Store, search
from .openapi import OPENAPI

HERE = Path(__file__).parent
PER_PAGE = 20
EVENTS_PER_PAGE = 100
THREADS = 4
FACET_DEPTH = 100  # facets count the best 100 hits: cheap, and what the first pages show
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


class _Stores(threading.local):
    """One read-only connection per server thread (sqlite3 connections stay in their thread)."""

    store: Store | None = None


def create_app(db_path: str) -> Starlette:
    stores = _Stores()
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True))
    for name in env.list_templates():  # compiled now, not by the first visitors
        env.get_template(name)

    def store() -> Store:
        if stores.store is None:
            stores.store = Store(db_path, readonly=True)
        return stores.store

    def api_error(status: int, message: str) -> JSONResponse:
        return JSONResponse({"ok": False, "status": status, "error": message}, status_code=status)

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    # -- parameters ---------------------------------------------------------------------------
    def filters(request: Request) -> tuple[str, Filters, int]:
        q = request.query_params
        for name in ("from", "to"):
            if q.get(name):
                try:
                    date.fromisoformat(q[name])
                except ValueError:
                    raise HTTPException(400, f"{name}: {q[name]!r} is not a date YYYY-MM-DD") from None
        raw_page = q.get("page") or "1"
        if not raw_page.isdigit() or int(raw_page) < 1 or int(raw_page) > 500:
            raise HTTPException(400, f"page: {raw_page!r} is not a page number (1-500)")
        f = Filters(
            item=q.get("item") or None,
            form_type=q.get("form") or None,
            cik=q.get("cik") or None,
            since=q.get("from") or None,
            until=q.get("to") or None,
            event=q.get("event") or None,
        )
        return (q.get("q") or "").strip(), f, int(raw_page)

    def results(
        query: str, f: Filters, page_no: int, marks: tuple[str, str] = ("[", "]"), depth: int = 0
    ) -> tuple[list[dict[str, Any]], bool, list[dict[str, Any]]]:
        """The page's hits, whether more follow, and the hits read (at least ``depth``: the
        facets count them; snippets are made for the page's hits only)."""
        end = page_no * PER_PAGE
        hits = search(store(), query, f, limit=max(end + 1, depth), marks=marks, snippets=end)
        return hits[end - PER_PAGE : end], len(hits) > end, hits

    def filing_id(request: Request) -> int:
        ref = request.path_params["id"]
        if not str(ref).isdigit():
            raise HTTPException(404, f"no filing {ref!r}")
        return int(ref)

    # -- API ----------------------------------------------------------------------------------
    def api_filings(request: Request) -> Response:
        query, f, page_no = filters(request)
        hits, more, _ = results(query, f, page_no)
        return JSONResponse({"ok": True, "page": page_no, "per_page": PER_PAGE, "more": more, "results": hits})

    def api_filing(request: Request) -> Response:
        fid = filing_id(request)
        s = store()
        row = s.filing_row(fid)
        filing = s.reading(fid)
        return JSONResponse({"ok": True, "id": fid, "accession": row["accession"], "filing": filing.to_dict()})

    def api_company(request: Request) -> Response:
        cik = request.path_params["cik"]
        if not cik.isdigit():
            raise HTTPException(404, f"no company with CIK {cik!r}")
        return JSONResponse({"ok": True, **company(cik)})

    def api_events(request: Request) -> Response:
        _, f, page_no = filters(request)  # the same checks of dates, CIK and page as a search
        q = request.query_params
        sql = (
            "SELECT e.type, e.item, e.data, f.id AS filing_id, f.accession, f.registrant_name, f.cik,"
            " f.period_of_report FROM events e JOIN filings f ON f.id = e.filing_id WHERE 1"
        )
        args: list[Any] = []
        for column, value in (("e.type", q.get("type")), ("e.item", q.get("item"))):
            if value:
                sql += f" AND {column} = ?"
                args.append(value)
        if f.cik:
            sql += " AND ltrim(f.cik, '0') = ltrim(?, '0')"
            args.append(f.cik)
        if f.since:
            sql += " AND f.period_of_report >= ?"
            args.append(f.since)
        if f.until:
            sql += " AND f.period_of_report <= ?"
            args.append(f.until)
        sql += " ORDER BY f.period_of_report DESC, f.filing_key, e.position LIMIT ? OFFSET ?"
        args += [EVENTS_PER_PAGE + 1, (page_no - 1) * EVENTS_PER_PAGE]
        rows = [dict(r, data=json.loads(r["data"])) for r in store().db.execute(sql, args)]
        more = len(rows) > EVENTS_PER_PAGE
        return JSONResponse({"ok": True, "page": page_no, "more": more, "results": rows[:EVENTS_PER_PAGE]})

    def openapi(request: Request) -> Response:
        return JSONResponse(OPENAPI)

    def company(cik: str) -> dict[str, Any]:
        s = store()
        rows = [
            dict(r)
            for r in s.db.execute(
                "SELECT DISTINCT f.id, f.accession, f.form_type, f.period_of_report, f.item_codes, f.registrant_name"
                " FROM filings f LEFT JOIN registrants r ON r.filing_id = f.id"
                " WHERE ltrim(f.cik, '0') = ltrim(?1, '0') OR ltrim(r.cik, '0') = ltrim(?1, '0')"
                " ORDER BY f.period_of_report, f.filing_key",
                (cik,),
            )
        ]
        if not rows:
            raise NotFoundError(f"no company with CIK {cik} in the database")
        names = list(dict.fromkeys(r["registrant_name"] for r in rows if r["registrant_name"]))
        filings = [
            {
                "id": r["id"],
                "accession": r["accession"],
                "form_type": r["form_type"],
                "period_of_report": r["period_of_report"],
                "items": r["item_codes"].split(),
            }
            for r in rows
        ]
        return {"cik": cik.zfill(10), "names": names, "filings": filings}

    # -- pages --------------------------------------------------------------------------------
    def home(request: Request) -> Response:
        query, f, page_no = filters(request)
        hits, more, read = results(query, f, page_no, MARKS, FACET_DEPTH)
        for h in hits:  # the snippet as (text, matched) pieces: the template escapes each
            h["snippet_pieces"] = _pieces(h["snippet"] or "")
        return page(
            "search.html",
            query=query,
            params=dict(request.query_params),
            hits=hits,
            more=more,
            page=page_no,
            facets=_facets(store(), read),
        )

    def filing_page(request: Request) -> Response:
        fid = filing_id(request)
        s = store()
        row = s.filing_row(fid)
        filing = s.reading(fid)
        text = filing.documents[filing.main_document].text if filing.main_document is not None else None
        return page(
            "filing.html",
            row=dict(row),
            f=filing,
            pieces=_marked(text or "", filing),
            events=filing.events,
        )

    def company_page(request: Request) -> Response:
        cik = request.path_params["cik"]
        if not cik.isdigit():
            raise HTTPException(404, f"no company with CIK {cik!r}")
        c = company(cik)
        years: dict[str, int] = {}
        for fl in c["filings"]:
            y = (fl["period_of_report"] or "????")[:4]
            years[y] = years.get(y, 0) + 1
        return page("company.html", c=c, years=years, most=max(years.values()))

    # -- errors ---------------------------------------------------------------------------------
    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    async def http_error(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 500)
        message = getattr(exc, "detail", None) or "error"
        if is_api(request):
            return api_error(status, message)
        return page("error.html", status=status, status_code=status, message=message)

    async def not_found(request: Request, exc: Exception) -> Response:
        return await http_error(request, HTTPException(404, str(exc)))

    async def eightk_error(request: Request, exc: Exception) -> Response:
        return await http_error(request, HTTPException(400, str(exc)))

    async def server_error(request: Request, exc: Exception) -> Response:
        return await http_error(request, HTTPException(500, "internal error"))

    routes = [
        Route("/", home),
        Route("/filings/{id}", filing_page),
        Route("/companies/{cik}", company_page),
        Route("/api/filings", api_filings),
        Route("/api/filings/{id}", api_filing),
        Route("/api/companies/{cik}", api_company),
        Route("/api/events", api_events),
        Route("/openapi.json", openapi),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # a few threads per process: pages are CPU work under one GIL, and more threads only
        # make every request wait longer (requests queue instead, in order)
        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        yield

    return Starlette(
        lifespan=lifespan,
        routes=routes,
        middleware=[Middleware(_SecurityHeaders)],
        exception_handlers={
            HTTPException: http_error,
            NotFoundError: not_found,
            EightkError: eightk_error,
            Exception: server_error,
        },
    )


class _SecurityHeaders:
    """Security headers on every response (plain ASGI: no body buffering, no extra task)."""

    HEADERS = [
        (b"content-security-policy", CSP.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
    ]

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k for k, _ in self.HEADERS}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + self.HEADERS}
            await send(message)

        await self.app(scope, receive, send_with_headers)


MARKS = ("\x02", "\x03")  # snippet match markers no filing text holds (control bytes)


def _pieces(snippet: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(snippet.replace(MARKS[1], MARKS[0]).split(MARKS[0])):
        if part:
            out.append((part, i % 2 == 1))
    return out


def _facets(store: Store, hits: list[dict[str, Any]]) -> dict[str, list[tuple[str, int]]]:
    """Counts over the hits: item codes, years, form types, event types."""
    items: dict[str, int] = {}
    years: dict[str, int] = {}
    forms: dict[str, int] = {}
    for h in hits:
        for code in h["items"]:
            items[code] = items.get(code, 0) + 1
        y = (h["period_of_report"] or "")[:4]
        if y:
            years[y] = years.get(y, 0) + 1
        if h["form_type"]:
            forms[h["form_type"]] = forms.get(h["form_type"], 0) + 1
    events: dict[str, int] = {}
    ids = [h["id"] for h in hits]
    if ids:
        marks = ",".join("?" * len(ids))
        for t, n in store.db.execute(
            f"SELECT type, count(DISTINCT filing_id) FROM events WHERE filing_id IN ({marks}) GROUP BY type", ids
        ):
            events[t] = n
    return {
        "item": sorted(items.items()),
        "year": sorted(years.items(), reverse=True),
        "form": sorted(forms.items()),
        "event": sorted(events.items()),
    }


def _marked(text: str, filing: Any) -> list[tuple[str, str | None]]:
    """The main document's text cut into (piece, field) pairs: a field names the extracted
    value whose evidence the piece is (shown highlighted), None for the rest."""
    spans = sorted(
        {(p.span[0], p.span[1], p.field) for p in filing.provenance if p.span and p.document == filing.main_document}
        | {
            (ev.span[0], ev.span[1], f"{e.type}.{ev.field}")
            for e in filing.events
            for ev in e.evidence
            if ev.document is None
        }
    )
    out: list[tuple[str, str | None]] = []
    at = 0
    for start, end, field in spans:
        if start < at or end > len(text):
            continue  # overlapping evidence: the first one shown
        out.append((text[at:start], None))
        out.append((text[start:end], field))
        at = end
    out.append((text[at:], None))
    return out
