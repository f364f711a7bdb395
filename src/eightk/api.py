"""The public reading: bytes -> the filing read (eightk.reading) -> its events (eightk.events).

``eightk.parse`` and ``eightk.read_bytes`` are these; ``eightk.reading`` alone reads without
events.
"""

from __future__ import annotations

import dataclasses
import os

from . import reading
from .events import extract_with_problems
from .events.timeliness import timeliness_of
from .model import Filing


def with_events(filing: Filing) -> Filing:
    """The filing with its events and timeliness read (an extractor that fails is a problem
    of the filing, not a failure to read it)."""
    events, problems = extract_with_problems(filing)
    return dataclasses.replace(
        filing, events=events, timeliness=timeliness_of(filing), problems=filing.problems + problems
    )


def read_bytes(raw: bytes, *, source: str | None = None) -> Filing:
    """Read one filing from its bytes (see :func:`parse`)."""
    return with_events(reading.read_bytes(raw, source=source))


def parse(data: bytes | str | os.PathLike[str], *, source: str | None = None) -> Filing:
    """Read one 8-K filing: its bytes, its text, or a path to it.  Raises
    :class:`~eightk.errors.ReadError` when the input cannot be read as a filing at all."""
    return with_events(reading.parse(data, source=source))
