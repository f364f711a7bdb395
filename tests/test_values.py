"""The one module that turns written quantities into values: money, numbers in words,
fractions and percentages, durations and dates in their written forms (property tests)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eightk.values import (
    DATE_RE,
    DURATION_RE,
    FRACTION_RE,
    MONEY_RE,
    date_of,
    fraction_of,
    money_of,
    months_of,
    number_of,
    whole,
)

dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2049, 12, 31))


@given(dates)
def test_every_written_form_of_a_date_reads_the_same_day(d: dt.date) -> None:
    suffix = "th" if 10 <= d.day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    forms = [
        f"{d:%B} {d.day}, {d.year}",  # December 11, 1997
        f"{d:%b}. {d.day}, {d.year}",  # Dec. 11, 1997
        f"{d:%B} {d.day} {d.year}",
        f"{d.day} {d:%B} {d.year}",  # 11 December 1997
        f"{d:%B} {d.day}{suffix}, {d.year}",  # December 11th, 1997
        f"{d.month}/{d.day}/{d.year}",
        d.isoformat(),
    ]
    for written in forms:
        m = DATE_RE.search(f"On {written}, the Company")
        assert m is not None and date_of(m) == d.isoformat(), written


def test_impossible_dates_are_not_dates() -> None:
    m = DATE_RE.search("February 30, 2024")
    assert m is not None and date_of(m) is None


@given(st.integers(min_value=1, max_value=999_999_999_999))
def test_money_with_thousands_separators(n: int) -> None:
    m = MONEY_RE.search(f"for an aggregate of ${n:,} in cash")
    assert m is not None and money_of(m) == n


@given(st.decimals(min_value=0, max_value=9999, places=2), st.sampled_from(["thousand", "million", "billion"]))
def test_money_with_a_scale_word(v: object, scale: str) -> None:
    m = MONEY_RE.search(f"gross proceeds of approximately ${v} {scale} before fees")
    factor = {"thousand": 1e3, "million": 1e6, "billion": 1e9}[scale]
    assert m is not None and abs(money_of(m) - float(str(v)) * factor) < 1e-3 * factor


@pytest.mark.parametrize(
    "written, value",
    [("$3.0 million", 3_000_000), ("US$ 25,000,000", 25_000_000), ("$1.0625", 1.0625), ("$10.0 billion", 10e9)],
)
def test_money_as_8ks_write_it(written: str, value: float) -> None:
    m = MONEY_RE.search(written)
    assert m is not None and money_of(m) == value


@pytest.mark.parametrize(
    "written, value",
    [("one-third", 0.3333), ("two thirds", 0.6667), ("one-half", 0.5), ("25%", 0.25), ("12.5 percent", 0.125)],
)
def test_fractions_and_percentages(written: str, value: float) -> None:
    m = FRACTION_RE.search(f"received {written} of the proceeds")
    assert m is not None and fraction_of(m) == value


@pytest.mark.parametrize(
    "written, months",
    [("two-year", 24), ("18 months", 18), ("one year", 12), ("thirty-six month", 36), ("90 days", 2.96)],
)
def test_durations_in_months(written: str, months: float) -> None:
    m = DURATION_RE.search(f"a {written} holding period")
    assert m is not None and months_of(m) == months


@given(st.integers(min_value=0, max_value=10_000))
def test_numbers_in_digits_and_words(n: int) -> None:
    assert number_of(str(n)) == n


@pytest.mark.parametrize("word, n", [("two", 2), ("Three", 3), ("twelve", 12), ("a", 1), ("several", None)])
def test_counts_in_words(word: str, n: int | None) -> None:
    assert number_of(word) == n


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_whole_numbers_become_ints_and_keep_their_value(v: float) -> None:
    w = whole(v)
    assert w == v and (isinstance(w, int) == float(v).is_integer())
