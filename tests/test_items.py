"""Item headings in every style the issue names, read in the numbering of their era."""

from __future__ import annotations

import pytest

from eightk.catalog import CATALOG, match_title, modern_code
from eightk.reading.items import find_items


def _codes(text: str, date: str | None) -> list[tuple[str, str | None, str]]:
    items, _ = find_items(text, date)
    return [(i.code, i.number_as_filed, i.status) for i in items]


@pytest.mark.parametrize(
    ("text", "date", "want"),
    [
        ("ITEM 5. OTHER EVENTS\n\nThe company did things.\n", "1997-12-11", [("8.01", "5", "reported")]),
        (
            "Item 2.02 Results of Operations and Financial Condition.\nText.\n",
            "2019-01-01",
            [("2.02", "2.02", "reported")],
        ),
        (
            "Item 2. 02 Results of Operations and Financial Condition\nText.\n",
            "2019-01-01",
            [("2.02", "2.02", "reported")],
        ),
        (
            "Item 2.02\tResults of Operations and Financial Condition\nText\n",
            "2019-01-01",
            [("2.02", "2.02", "reported")],
        ),
        (
            "Item 2.02\n\nResults of Operations and Financial Condition\n\nText.\n",
            "2019-01-01",
            [("2.02", "2.02", "reported")],
        ),
        (
            "Items 1-4. Not applicable.\n\nItem 5. Other Events\nText.\n",
            "1999-01-01",
            [
                ("5.01", "1", "not_applicable"),
                ("2.01", "2", "not_applicable"),
                ("1.03", "3", "not_applicable"),
                ("4.01", "4", "not_applicable"),
                ("8.01", "5", "reported"),
            ],
        ),
        (
            "Items 5 and 7. Other Events; Exhibits\nText.\n",
            "1998-01-01",
            [("8.01", "5", "reported"), ("9.01", "7", "reported")],
        ),
        # the era decides: a 2006 "Item 5" is not an item number
        ("Item 5. Other Events\nText.\n", "2006-01-01", []),
        ("Item 9. Regulation FD Disclosure\nText.\n", "2003-01-01", [("7.01", "9", "reported")]),
        (
            "Item 9. Sales of Equity Securities Pursuant to Regulation S\nText.\n",
            "1998-01-01",
            [("3.02", "9", "reported")],
        ),
        ("Item 12. Results of Operations and Financial Condition\nText.\n", "2004-05-01", [("2.02", "12", "reported")]),
    ],
)
def test_heading_styles(text: str, date: str, want: list[tuple[str, str, str]]) -> None:
    assert _codes(text, date) == want


def test_prose_mentions_are_not_items() -> None:
    text = (
        "Item 1.01 Entry into a Material Definitive Agreement.\n"
        "The terms are described in Item 2.03 below and as described in Item 1.01 above.\n"
        "Item 2.03 of this report is incorporated by reference into this Item.\n"
    )
    assert [c for c, _, _ in _codes(text, "2010-01-01")] == ["1.01"]


def test_items_after_the_signatures_belong_to_exhibits() -> None:
    text = (
        "Item 8.01 Other Events.\nNews.\n\nSIGNATURES\n\nPursuant to the requirements ...\n/s/ A. Person\n\n"
        "EXHIBIT 99.1\nItem 2.02 Results of Operations and Financial Condition\n"
    )
    items, sig = find_items(text, "2015-01-01")
    assert [i.code for i in items] == ["8.01"]
    assert sig is not None and items[0].end == sig


def test_catalogue_maps_every_old_item_and_dates_the_new_ones() -> None:
    assert {d.number for d in CATALOG if d.era == "old"} == {str(n) for n in range(1, 13)}
    assert modern_code("5", "1997-12-11") == "8.01"
    assert modern_code("7", "1997-12-11") == "9.01"
    assert modern_code("2", "1997-12-11") == "2.01"
    assert modern_code("4", "1997-12-11") == "4.01"
    assert modern_code("6", "1997-12-11") == "5.02"
    assert modern_code("12", "2003-06-01") == "2.02"
    assert modern_code("1.05", "2024-01-01") == "1.05"
    assert modern_code("7.02", "2024-01-01") is None
    assert match_title("OTHER EVENTS", "1997-01-01").code == "8.01"  # type: ignore[union-attr]


def test_signature_and_exhibit_type_forms() -> None:
    from eightk.reading.exhibits import exhibit_number_of_type, is_machine_exhibit
    from eightk.reading.signatures import read_signatures

    text = "SIGNATURES\n\nBy: /s/ John Smith, President\nDate: May 1, 2006\n"
    (s,) = read_signatures(text, 0, len(text))
    assert (s.name, s.title, s.date) == ("John Smith", "President", "2006-05-01")
    text = "SIGNATURES\n\n/s/ John Smith, Jr.\nChief Financial Officer\n"
    (s,) = read_signatures(text, 0, len(text))
    assert (s.name, s.title) == ("John Smith, Jr.", "Chief Financial Officer")
    assert exhibit_number_of_type("EX-99.1") == "99.1"
    assert exhibit_number_of_type("EX-99.A") == "99.A"
    assert exhibit_number_of_type("EX-101.INS") == "101.INS" and is_machine_exhibit("101.INS")
    assert exhibit_number_of_type("EX-99") == "99"
    assert exhibit_number_of_type("GRAPHIC") is None
