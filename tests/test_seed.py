"""The seed filing reads exactly as its expected reading says (cover-page part)."""

from __future__ import annotations

import json

from conftest import DATA, FILINGS

import eightk

SEED = FILINGS / "text" / "immunogen-8k-1997-12-11.txt"
EXPECTED = json.loads((DATA / "seed" / "immunogen-8k-1997-12-11.expected.json").read_text())


def test_seed_cover_matches_expected_reading() -> None:
    got = eightk.parse(SEED).to_dict()
    assert got["form_type"] == EXPECTED["form_type"]
    assert got["period_of_report"] == EXPECTED["period_of_report"]
    for key, value in EXPECTED["registrant"].items():
        assert got["registrant"][key] == value, key


def test_seed_has_no_header_and_no_problems() -> None:
    f = eightk.parse(SEED)
    assert f.header is None
    assert f.source.format == "text"
    assert f.amendment is False
    assert f.problems == ()


def test_seed_provenance_points_at_the_values() -> None:
    f = eightk.parse(SEED)
    raw = SEED.read_text()
    by_field = {p.field: p for p in f.provenance}
    for fld, written in [
        ("registrant.irs_ein", "04-2726691"),
        ("registrant.commission_file_number", "0-17999"),
        ("registrant.name", "ImmunoGen, Inc."),
        ("period_of_report", "December 11, 1997"),
        ("registrant.state_of_incorporation", "Massachusetts"),
    ]:
        p = by_field[fld]
        assert p.source == "cover"
        s, e = p.source_span
        assert raw[s:e] == written, fld


def test_seed_items_exhibits_signatures_tickers() -> None:
    got = eightk.parse(SEED).to_dict()
    items = [{k: i[k] for k in ("code", "number_as_filed", "title_as_filed")} for i in got["items"]]
    assert items == EXPECTED["items"]
    assert all(i["status"] == "reported" for i in got["items"])
    exhibits = [{k: e[k] for k in ("number", "description", "is_press_release")} for e in got["exhibits"]]
    assert exhibits == EXPECTED["exhibits"]
    sigs = [{k: s[k] for k in ("name", "title", "date")} for s in got["signatures"]]
    assert sigs == EXPECTED["signatures"]
    assert got["tickers"] == EXPECTED["tickers"]


def test_seed_item_text_runs_to_the_next_heading() -> None:
    f = eightk.parse(SEED)
    other, exhibits = f.items
    assert other.text.startswith("On December 11, 1997, the Registrant publicly disseminated")
    assert other.text.endswith("filed as Exhibit 99.1 hereto.")
    assert "99.1 The Registrant's Press Release" in exhibits.text
    assert "SIGNATURE" not in exhibits.text and "Page 2 of 6" not in exhibits.text


def test_seed_exhibit_entry_span() -> None:
    from eightk.reading import container, text_view

    f = eightk.parse(SEED)
    view = text_view(container.split(container.decode(SEED.read_bytes())[0]).parts[0])
    (ex,) = f.exhibits
    assert ex.span is not None
    assert view.text[ex.span[0] : ex.span[1]] == "99.1 The Registrant's Press Release dated December 11, 1997."


def test_spans_index_the_documents_text() -> None:
    f = eightk.parse(SEED)
    text = f.documents[0].text
    assert text is not None
    for p in f.provenance:
        if p.span and isinstance(p.value, str) and p.field != "registrant.address":
            written = " ".join(text[p.span[0] : p.span[1]].split())
            assert p.value in written or written in ("Massachusetts", "December 11, 1997"), (p, written)
    assert text[f.items[0].span[0] :].startswith("ITEM 5. OTHER EVENTS")
    assert "text" not in f.to_dict()["documents"][0]


def test_seed_events_match_expected_reading() -> None:
    got = [{k: v for k, v in e.items() if k != "evidence"} for e in eightk.parse(SEED).to_dict()["events"]]
    assert got == EXPECTED["events"]


def test_seed_event_evidence_holds_the_values() -> None:
    f = eightk.parse(SEED)
    text = f.documents[f.main_document].text
    (event,) = f.events
    assert {e.field for e in event.evidence} == set(event.fields)
    for e in event.evidence:
        assert text[e.span[0] : e.span[1]] == e.text
    by = {e.field: e.text for e in event.evidence}
    assert by["amount_usd"] == "$3.0 million" and by["holding_period_months"] == "two-year"
    assert by["fraction_received_at_first_closing"] == "One-third" and by["first_closing_date"] == "December 10"
