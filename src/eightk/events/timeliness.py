"""Timeliness: days from the date of report to the filing date, against the era's deadline.

Since 23 August 2004: four business days for most items; none for Item 7.01 (Regulation FD)
and Item 8.01 (other events), filed when the registrant chooses (9.01 only goes with others).
Before: by item -- five business days for a change of accountant (old Item 4), a director's
resignation (old Item 6) and, from 2003, results of operations (old Item 12); fifteen calendar
days for the others that had a deadline (old Items 1, 2, 3, 8); none for Item 5 and Item 9.
Business days are weekdays (federal holidays are not counted out: a filing can look a day
late around one).
"""

from __future__ import annotations

from datetime import date, timedelta

from ..model import Filing, Timeliness

MODERN_FROM = date(2004, 8, 23)
_NO_DEADLINE_MODERN = {"7.01", "8.01", "9.01"}
# old numbering, by the modern code eightk maps them to: (days, kind)
_OLD = {
    "4.01": (5, "business"),  # old Item 4
    "5.02": (5, "business"),  # old Item 6
    "2.02": (5, "business"),  # old Item 12 (2003-2004)
    "5.01": (15, "calendar"),  # old Item 1
    "2.01": (15, "calendar"),  # old Item 2
    "1.03": (15, "calendar"),  # old Item 3
    "5.03": (15, "calendar"),  # old Item 8
}


def timeliness_of(filing: Filing) -> Timeliness | None:
    filed = filing.header.filed_date if filing.header else None
    if not filed or not filing.period_of_report:
        return None
    try:
        f, r = date.fromisoformat(filed), date.fromisoformat(filing.period_of_report)
    except ValueError:
        return None
    if f < r:
        return None  # a date of report after the filing date: one of the two is misread
    codes = {i.code for i in filing.items if i.status == "reported"}
    if f >= MODERN_FROM:
        rules = [(4, "business")] if codes - _NO_DEADLINE_MODERN else []
    else:
        rules = [_OLD[c] for c in codes if c in _OLD]
    days = (f - r).days
    if not rules:
        return Timeliness(days, None, None, None)

    # the strictest deadline of the items reported: the day it falls on
    def due(rule: tuple[int, str]) -> date:
        n, kind = rule
        if kind == "calendar":
            return r + timedelta(days=n)
        d, left = r, n
        while left:
            d += timedelta(days=1)
            if d.weekday() < 5:
                left -= 1
        return d

    strictest = min(rules, key=due)
    return Timeliness(days, strictest[0], strictest[1], f > due(strictest))
