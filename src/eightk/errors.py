"""The one exception tree of eightk.

::

    EightkError                      every error eightk raises on purpose
     └── ReadError (ValueError)      these bytes could not be read as an 8-K filing
          ├── EmptyInputError        nothing (or only whitespace) to read
          ├── BinaryInputError       the input is a binary file, not a filing
          └── MalformedFilingError   a submission whose structure is broken beyond use
     ├── StoreError                  the database cannot be used as asked
     │    └── NotFoundError (LookupError)   no such filing in the database
     └── FetchError                  EDGAR (or a mirror) did not deliver, after retries
          ├── NotOnEdgarError (LookupError)  404: no such file
          └── BlockedError           SEC refuses us (403, undeclared tool, no User-Agent): stop

Errors carry a one-line message and, where known, the ``source`` (a file name)
they concern.  They pickle, so they cross process boundaries unchanged.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "BlockedError",
    "EightkError",
    "EmptyInputError",
    "FetchError",
    "MalformedFilingError",
    "NotFoundError",
    "NotOnEdgarError",
    "ReadError",
    "StoreError",
]


class EightkError(Exception):
    """Root of every error eightk raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __reduce__(self):  # keep ``source`` across pickling
        return (_rebuild, (type(self), self.message, self.source))

    def __str__(self) -> str:
        if self.source:
            return f"{self.source}: {self.message}"
        return self.message

    def with_source(self, source: str) -> EightkError:
        """The same error, naming the file it concerns."""
        return _rebuild(type(self), self.message, source)


def _rebuild(cls: type[EightkError], message: str, source: str | None) -> EightkError:
    return cls(message, source=source)


class ReadError(EightkError, ValueError):
    """These bytes could not be read as an 8-K filing."""


class EmptyInputError(ReadError):
    """Nothing, or only whitespace, to read."""


class BinaryInputError(ReadError):
    """The input is a binary file (an image, an archive, a PDF), not a filing."""


class MalformedFilingError(ReadError):
    """A submission whose structure is broken beyond use."""


class StoreError(EightkError):
    """The database cannot be used as asked (not an eightk database, made by a newer eightk, ...)."""


class NotFoundError(StoreError, LookupError):
    """No such filing in the database."""


class FetchError(EightkError):
    """EDGAR (or a mirror) did not deliver a file, after the retries allowed."""


class BlockedError(FetchError):
    """SEC refuses our requests (403, the undeclared-automated-tool page, no declared
    User-Agent): stop at once, since retrying lengthens a block."""


class NotOnEdgarError(FetchError, LookupError):
    """No such file on EDGAR (404)."""
