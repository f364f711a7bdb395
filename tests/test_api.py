"""The public surface: a sorted __all__ that names what exists."""

from __future__ import annotations

import eightk


def test_all_is_sorted_and_complete() -> None:
    assert list(eightk.__all__) == sorted(eightk.__all__)
    for name in eightk.__all__:
        assert hasattr(eightk, name), name


def test_parse_accepts_bytes_text_and_path() -> None:
    from conftest import FILINGS

    p = FILINGS / "text" / "immunogen-8k-1997-12-11.txt"
    a = eightk.parse(p)
    b = eightk.parse(p.read_bytes())
    c = eightk.parse(p.read_text())
    assert a.to_dict() == b.to_dict() == c.to_dict()
    assert a.to_dict()["schema_version"] == eightk.SCHEMA_VERSION
