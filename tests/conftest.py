from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
FILINGS = DATA / "filings"
GOLDEN = Path(__file__).parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/golden/*.json from the current reading (review the diff before committing)",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def filing_paths() -> list[Path]:
    return sorted(p for p in FILINGS.rglob("*") if p.is_file())
