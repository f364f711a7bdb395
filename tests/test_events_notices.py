"""Bankruptcy (1.03), non-reliance (4.02) and cybersecurity (1.05) events.

No bundled real filing reports these items (the sources this workplace can reach hold none),
so these tests read short item texts in the wording such 8-Ks use; delisting and Regulation
FD events are tested on real filings by the golden and accuracy tests.
"""

from __future__ import annotations

import eightk

COVER = (
    "UNITED STATES SECURITIES AND EXCHANGE COMMISSION\nWashington, D.C. 20549\n\nFORM 8-K\n\n"
    "CURRENT REPORT\nPursuant to Section 13 or 15(d) of the Securities Exchange Act of 1934\n\n"
    "Date of Report (Date of earliest event reported): May 5, 2024\n\nEXAMPLE HOLDINGS, INC.\n"
    "(Exact name of registrant as specified in its charter)\n\n"
)


def _events(body: str) -> list[dict[str, object]]:
    reading = eightk.parse((COVER + body + "\n\nSIGNATURES\n").encode())
    return [{k: v for k, v in e.items() if k != "evidence"} for e in reading.to_dict()["events"]]


def test_bankruptcy_chapter_court_and_date() -> None:
    got = _events(
        "Item 1.03 Bankruptcy or Receivership.\n\nOn May 5, 2024, the Company and certain of its "
        "subsidiaries filed voluntary petitions for relief under Chapter 11 of title 11 of the United "
        "States Code in the United States Bankruptcy Court for the District of Delaware."
    )
    assert got == [
        {
            "type": "bankruptcy",
            "item": "1.03",
            "date": "2024-05-05",
            "chapter": 11,
            "court": "United States Bankruptcy Court for the District of Delaware",
        }
    ]


def test_non_reliance_says_who_concluded() -> None:
    got = _events(
        "Item 4.02 Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or "
        "Completed Interim Review.\n\nOn May 3, 2024, the Audit Committee of the Board of Directors, after "
        "discussion with management, concluded that the Company's financial statements for the year "
        "ended December 31, 2023 should no longer be relied upon."
    )
    assert got == [{"type": "non_reliance", "item": "4.02", "date": "2024-05-03", "concluded_by": "audit_committee"}]


def test_cybersecurity_incident_date() -> None:
    got = _events(
        "Item 1.05 Material Cybersecurity Incidents.\n\nOn April 29, 2024, the Company detected "
        "unauthorized access to certain of its information technology systems."
    )
    assert got == [{"type": "cybersecurity_incident", "item": "1.05", "date": "2024-04-29"}]


def test_a_failing_extractor_costs_its_events_only(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from eightk import events
    from eightk.events import Family

    def broken(filing, text):  # type: ignore[no-untyped-def]
        raise ValueError("a bug")

    monkeypatch.setitem(events.REGISTRY, "broken", Family("broken", ("1.03",), broken))
    reading = eightk.parse(
        (
            COVER + "Item 1.03 Bankruptcy or Receivership.\n\nOn May 5, 2024, the Company filed a voluntary petition "
            "under Chapter 7 of title 11 of the United States Code.\n\nSIGNATURES\n"
        ).encode()
    )
    assert [e.type for e in reading.events] == ["bankruptcy"]  # the other family still read
    assert [p.code for p in reading.problems] == ["event-extractor-failed"]
    assert "broken: ValueError: a bug" in reading.problems[0].message
