"""The SEC header, both dialects, on real EDGAR headers (forms other than 8-K: the header is
the same for every form).  Expected values are read off the files by hand."""

from __future__ import annotations

from conftest import DATA

import eightk
from eightk.reading.container import decode, split
from eightk.reading.header import parse_header

HEADERS = DATA / "headers"


def _header(name: str):
    text, _ = decode((HEADERS / name).read_bytes())
    c = split(text)
    if c.header_text is not None:
        return parse_header(c.header_text, c.header_layout or "")
    return parse_header(text, "sec-header")  # a header excerpt without its tags


def test_1990s_header_with_subject_company_and_reporting_owner() -> None:
    h = _header("1990sheader.txt")
    assert h.layout == "sec-header"
    assert h.accession_number == "0001012325-98-000004"
    assert h.form_type == "4"
    assert h.period_of_report == "1998-10-31"
    assert h.filed_date == "1998-11-20"
    assert h.public_document_count == 1
    subject, owner = h.filers
    assert subject.role == "subject company"
    assert subject.name == "MORTON INTERNATIONAL INC /IN/"
    assert subject.cik == "0001035972"
    assert subject.irs_ein == "36-4140798"
    assert subject.state_of_incorporation == "IN"
    assert subject.commission_file_number == "001-12825"
    assert subject.business_address is not None and subject.business_address.city == "CHICAGO"
    assert subject.business_phone == "3128072000"
    assert subject.former_names == ({"name": "NEW MORTON INTERNATIONAL INC", "date_changed": "1997-03-18"},)
    assert owner.role == "reporting owner"
    assert owner.name == "CANTALUPO JAMES R"


def test_several_filers() -> None:
    h = _header("MultipleFilersHeader.txt")
    assert h.acceptance_datetime == "2023-06-09T14:56:16"
    assert [f.name for f in h.filers] == ["First National Master Note Trust", "FIRST NATIONAL FUNDING LLC"]
    assert [f.commission_file_number for f in h.filers] == ["333-140273-01", "000-50139"]
    assert h.filers[0].irs_ein == "000000000"  # EDGAR's placeholder, kept as written
    assert h.filers[1].mail_address is not None and h.filers[1].mail_address.city == "OHAHA"  # as filed


def test_several_former_names() -> None:
    h = _header("MultipleFormerCompaniesHeader.txt")
    (f,) = h.filers
    assert f.fiscal_year_end == "0331"
    assert [n["name"] for n in f.former_names] == [
        "PEPTIDE TECHNOLOGIES, INC.",
        "Eternelle Skincare Products Inc.",
        "PEPTIDE TECHNOLOGIES, INC.",
    ]
    assert [n["date_changed"] for n in f.former_names] == ["2018-03-09", "2017-06-21", "2011-10-07"]


def test_submission_layout() -> None:
    f = eightk.parse(HEADERS / "sgml__0002002260-24-000001.nc")
    h = f.header
    assert h is not None and h.layout == "submission"
    assert h.accession_number == "0002002260-24-000001"
    assert h.form_type == "D"
    assert h.items == ("06b", "3C", "3C.7")
    assert h.filed_date == "2024-01-11"
    (filer,) = h.filers
    assert filer.name == "VEPF VIII Co-Invest 4-A, L.P."
    assert filer.cik == "0002002260"
    assert filer.state_of_incorporation == "DE"
    assert filer.commission_file_number == "021-502201"
    assert filer.business_address is not None and filer.business_address.street == "4 EMBARCADERO CENTER, 20TH FLOOR"
    assert filer.business_phone == "415-765-6500"
    # its only document is XML: kept as an attachment, never read as text
    assert [a.kind for a in f.attachments] == ["xml"]
    assert [p.code for p in f.problems] == ["no-text-document"]


def _body_reading(d: dict) -> dict:
    # timeliness needs the filing date, which only the header gives
    return {k: v for k, v in d.items() if k not in ("header", "discrepancies", "source", "timeliness")}


def test_header_removed_reads_the_same() -> None:
    """The body alone carries everything: a submission without its SEC header reads the same."""
    from conftest import filing_paths

    from eightk.evaluate import strip_header

    compared = 0
    for path in filing_paths():
        raw = path.read_bytes()
        full = eightk.read_bytes(raw)
        if full.header is None:
            continue
        body = eightk.read_bytes(strip_header(raw))
        assert body.header is None
        assert _body_reading(body.to_dict()) == _body_reading(full.to_dict()), path.name
        compared += 1
    assert compared >= 10
