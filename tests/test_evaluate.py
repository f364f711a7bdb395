"""The evaluation's own machinery: header stripping, ITEM: labels, provisional gold."""

from __future__ import annotations

from conftest import FILINGS

import eightk
from eightk.evaluate import provisional_gold, split_item_labels, strip_header

SEED = FILINGS / "text" / "immunogen-8k-1997-12-11.txt"


def test_item_label_lines_are_gold_and_taken_out(tmp_path) -> None:
    labelled = b"ITEM: 8.01\nITEM: 9.01\n" + SEED.read_bytes()
    body, codes = split_item_labels(labelled)
    assert codes == ["8.01", "9.01"]
    assert body == SEED.read_bytes()
    p = tmp_path / "labelled.txt"
    p.write_bytes(labelled)
    assert provisional_gold([p])[str(p)]["items"] == ["8.01", "9.01"]


def test_provisional_gold_from_header_declarations() -> None:
    cisco = FILINGS / "submission-1993-2000" / "0000891618-95-000727.txt"
    assert provisional_gold([cisco])[str(cisco)]["items"] == ["2.01", "9.01"]


def test_strip_header_leaves_the_documents() -> None:
    cisco = FILINGS / "submission-1993-2000" / "0000891618-95-000727.txt"
    raw = cisco.read_bytes()
    stripped = strip_header(raw)
    assert b"<SEC-HEADER>" not in stripped and b"<DOCUMENT>" in stripped
    assert eightk.read_bytes(stripped).header is None
