"""Cover-page rules, one small real-world wording each (whole filings are in test_golden)."""

from __future__ import annotations

import pytest

import eightk

COVER = """FORM 8-K

CURRENT REPORT
Pursuant to Section 13 or 15(d) of the Securities Exchange Act of 1934

Date of Report (Date of earliest event reported): {dates}

Example Holdings Inc.
(Exact name of registrant as specified in its charter)

Item 8.01 Other Events.
Nothing else.
"""


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ("June 14, 2024 (June 11, 2024)", "2024-06-11"),  # report date, then the earlier event's
        ("June 14, 2024", "2024-06-14"),
        ("June 14, 2024 (June 20, 2024)", "2024-06-14"),  # a later date in parentheses is not the event
    ],
)
def test_date_of_report_then_earliest_event_in_parentheses(dates: str, expected: str) -> None:
    assert eightk.parse(COVER.format(dates=dates).encode()).period_of_report == expected
