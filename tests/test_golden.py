"""Golden tests: every bundled real filing reads exactly as its reviewed expected JSON says.

Regenerate with ``pytest tests/test_golden.py --update-goldens`` and review the diff
(``git diff tests/golden``) before committing: a golden file is a claim about a real
filing, checked by hand, not a snapshot.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import FILINGS, GOLDEN, filing_paths

import eightk


def _project(d: Any) -> Any:
    """Long texts are compared by length and their two ends."""
    if isinstance(d, dict):
        out = {}
        for k, v in d.items():
            if k == "text" and isinstance(v, str) and len(v) > 240:
                out[k] = {"length": len(v), "start": v[:160], "end": v[-60:]}
            else:
                out[k] = _project(v)
        return out
    if isinstance(d, list):
        return [_project(v) for v in d]
    return d


def _golden_path(p: Path) -> Path:
    return GOLDEN / (str(p.relative_to(FILINGS)) + ".json")


PATHS = filing_paths()


@pytest.mark.parametrize("path", PATHS, ids=[str(p.relative_to(FILINGS)) for p in PATHS])
def test_golden(path: Path, update_goldens: bool) -> None:
    got = _project(eightk.parse(path).to_dict())
    gp = _golden_path(path)
    if update_goldens:
        gp.parent.mkdir(parents=True, exist_ok=True)
        gp.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return
    assert gp.exists(), f"no golden file for {path.name}: run pytest --update-goldens and review it"
    want = json.loads(gp.read_text(encoding="utf-8"))
    assert got == want


def test_every_golden_has_its_filing() -> None:
    for gp in GOLDEN.rglob("*.json"):
        rel = gp.relative_to(GOLDEN)
        assert (FILINGS / str(rel)[: -len(".json")]).exists(), f"stale golden {rel}"
