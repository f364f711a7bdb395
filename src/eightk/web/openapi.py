"""The OpenAPI document of the JSON API (served at /openapi.json; schemathesis tests it)."""

from __future__ import annotations

from typing import Any

_ERROR = {
    "description": "An error, in the one error shape",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}
_STR = {"type": "string"}
_NSTR = {"type": ["string", "null"]}


def _q(name: str, description: str, **schema: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema or _STR}


OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "eightk", "version": "1", "description": "SEC Form 8-K filings, read by eightk."},
    "paths": {
        "/api/filings": {
            "get": {
                "summary": "Search filings (full text, FTS5 syntax or plain words) with filters",
                "parameters": [
                    _q("q", "text query"),
                    _q("item", "modern item code, e.g. 4.01"),
                    _q("form", "form type, e.g. 8-K/A"),
                    _q("cik", "registrant CIK"),
                    _q("from", "period of report on or after (YYYY-MM-DD)", type="string", format="date"),
                    _q("to", "period of report on or before (YYYY-MM-DD)", type="string", format="date"),
                    _q("event", "event type"),
                    _q("page", "page number, 20 results a page", type="integer", minimum=1, maximum=500),
                ],
                "responses": {
                    "200": {
                        "description": "A page of hits, best first",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Hits"}}},
                    },
                    "400": _ERROR,
                },
            }
        },
        "/api/filings/{id}": {
            "get": {
                "summary": "One filing: the full reading",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "responses": {
                    "200": {
                        "description": "The filing",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Filing"}}},
                    },
                    "404": _ERROR,
                },
            }
        },
        "/api/companies/{cik}": {
            "get": {
                "summary": "A registrant and its filings over time",
                "parameters": [{"name": "cik", "in": "path", "required": True, "schema": _STR}],
                "responses": {
                    "200": {
                        "description": "The company",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Company"}}},
                    },
                    "404": _ERROR,
                },
            }
        },
        "/api/events": {
            "get": {
                "summary": "Events disclosed, newest first, 100 a page",
                "parameters": [
                    _q("type", "event type"),
                    _q("item", "item code"),
                    _q("cik", "registrant CIK"),
                    _q("from", "period of report on or after (YYYY-MM-DD)", type="string", format="date"),
                    _q("to", "period of report on or before (YYYY-MM-DD)", type="string", format="date"),
                    _q("page", "page number, 100 events a page", type="integer", minimum=1, maximum=500),
                ],
                "responses": {
                    "200": {
                        "description": "Events",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Events"}}},
                    }
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Error": {
                "type": "object",
                "required": ["ok", "status", "error"],
                "properties": {"ok": {"const": False}, "status": {"type": "integer"}, "error": _STR},
            },
            "Hit": {
                "type": "object",
                "required": ["id", "accession", "registrant_name", "form_type", "period_of_report", "items", "snippet"],
                "properties": {
                    "id": {"type": "integer"},
                    "accession": _NSTR,
                    "registrant_name": _NSTR,
                    "cik": _NSTR,
                    "form_type": _NSTR,
                    "period_of_report": _NSTR,
                    "items": {"type": "array", "items": _STR},
                    "snippet": _NSTR,
                },
            },
            "Hits": {
                "type": "object",
                "required": ["ok", "page", "per_page", "more", "results"],
                "properties": {
                    "ok": {"const": True},
                    "page": {"type": "integer"},
                    "per_page": {"type": "integer"},
                    "more": {"type": "boolean"},
                    "results": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
                },
            },
            "Filing": {
                "type": "object",
                "required": ["ok", "id", "filing"],
                "properties": {
                    "ok": {"const": True},
                    "id": {"type": "integer"},
                    "accession": _NSTR,
                    "filing": {"type": "object", "description": "the reading, as docs/schema.md documents it"},
                },
            },
            "Company": {
                "type": "object",
                "required": ["ok", "cik", "names", "filings"],
                "properties": {
                    "ok": {"const": True},
                    "cik": _STR,
                    "names": {"type": "array", "items": _STR},
                    "filings": {"type": "array", "items": {"type": "object"}},
                },
            },
            "Events": {
                "type": "object",
                "required": ["ok", "page", "more", "results"],
                "properties": {
                    "ok": {"const": True},
                    "page": {"type": "integer"},
                    "more": {"type": "boolean"},
                    "results": {"type": "array", "items": {"type": "object"}},
                },
            },
        }
    },
}
