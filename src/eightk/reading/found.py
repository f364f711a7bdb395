"""A value read from a filing, with where it came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Found"]


@dataclass(frozen=True, slots=True)
class Found:
    """One value read from the cover, with where it came from."""

    value: Any
    source: str  # "cover" | "ixbrl"
    span: tuple[int, int] | None
    source_span: tuple[int, int] | None = None
