"""Ingest: files, folders (recursively) and .tar/.tar.gz/.tgz/.zip archives into a Store.

One filing at a time, each in its own transaction: a run killed at any moment leaves a
consistent database, and running it again ends with exactly the filings of a clean run.
"""

from __future__ import annotations

import hashlib
import tarfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .db import Store

DEFAULT_MAX_BYTES = 512 * 1024 * 1024  # EDGAR's largest 8-K submissions are a few hundred MB
_ARCHIVE_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".zip")


@dataclass(frozen=True, slots=True)
class Entry:
    """One file to ingest: its name (``archive.zip!member`` inside archives), size and bytes."""

    name: str
    size: int
    read: Callable[[], bytes]
    sha256: Callable[[], str] | None = None  # streaming hash, for files too large to read
    error: str | None = None  # the file or archive could not be opened


@dataclass(slots=True)
class Summary:
    read: int = 0
    new: int = 0
    unchanged: int = 0
    updated: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def note(self, store: Store, name: str, status: str) -> None:
        """Count one file's outcome; a failure keeps the reason recorded in ``problems``."""
        setattr(self, status, getattr(self, status) + 1)
        if status == "failed":
            self.failures.append((name, _last_problem(store, name)))

    def to_dict(self) -> dict[str, int]:
        return {
            "read": self.read,
            "new": self.new,
            "unchanged": self.unchanged,
            "updated": self.updated,
            "failed": self.failed,
        }


def is_archive(path: Path) -> bool:
    return path.name.lower().endswith(_ARCHIVE_SUFFIXES)


def _files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file named or under a folder named, in a stable (sorted) order."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(x for x in p.rglob("*") if x.is_file())
        else:
            yield p


def entries(paths: Iterable[str | Path]) -> Iterator[Entry]:
    """Every file under ``paths``, archives opened, in a stable (sorted) order."""
    for p in _files(paths):
        yield from _file_entries(p)


def count(paths: Iterable[str | Path]) -> int | None:
    """How many entries :func:`entries` will give, without reading them (a progress bar's
    total); None when only reading would tell (a compressed tar is read front to back)."""
    n = 0
    for p in _files(paths):
        if not is_archive(p):
            n += 1
        elif p.name.lower().endswith(".zip"):
            try:
                with zipfile.ZipFile(p) as zf:
                    n += sum(not i.is_dir() for i in zf.infolist())
            except (OSError, zipfile.BadZipFile):
                n += 1  # recorded as one problem
        else:
            return None
    return n


def _file_entries(p: Path) -> Iterator[Entry]:
    try:
        size = p.stat().st_size
        if is_archive(p):
            yield from _archive_entries(p)
            return
    except (OSError, tarfile.TarError, zipfile.BadZipFile, EOFError) as exc:
        yield Entry(str(p), 0, bytes, error=f"cannot open: {getattr(exc, 'strerror', None) or exc}")
        return
    yield Entry(str(p), size, p.read_bytes, lambda: _hash_file(p))


def _hash_file(p: Path) -> str:
    h = hashlib.sha256()
    with p.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _constant(data: bytes) -> Callable[[], bytes]:
    return lambda: data


def _archive_entries(p: Path) -> Iterator[Entry]:
    if p.name.lower().endswith(".zip"):
        with zipfile.ZipFile(p) as zf:
            for info in sorted(zf.infolist(), key=lambda i: i.filename):
                if not info.is_dir():
                    data = zf.read(info)  # read inside the open archive
                    yield Entry(f"{p}!{info.filename}", info.file_size, _constant(data))
        return
    with tarfile.open(p) as tf:
        for m in tf:  # archive order: a compressed tar is read once, front to back
            if not m.isfile():
                continue
            fh = tf.extractfile(m)
            data = fh.read() if fh else b""
            yield Entry(f"{p}!{m.name}", m.size, _constant(data))


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[str, str], None] | None = None,
    commit_seconds: float = 0.5,
) -> Summary:
    """Read every filing under ``paths`` into ``store``; bad files are recorded, never raised."""
    summary = Summary()
    with store.batch(commit_seconds) as tick:
        _ingest(store, paths, max_bytes, progress, summary, tick)
    return summary


def _ingest(
    store: Store,
    paths: Iterable[str | Path],
    max_bytes: int,
    progress: Callable[[str, str], None] | None,
    summary: Summary,
    tick: Callable[[], None],
) -> None:
    for entry in entries(paths):
        summary.read += 1
        if entry.error:
            store._problem(entry.name, "", entry.size, "io-error", entry.error)
            status = "failed"
        elif entry.size > max_bytes:
            sha = entry.sha256() if entry.sha256 else hashlib.sha256(entry.read()).hexdigest()
            store._problem(
                entry.name, sha, entry.size, "too-large", f"{entry.size} bytes, over the limit of {max_bytes}"
            )
            status = "failed"
        else:
            try:
                raw = entry.read()
            except OSError as exc:
                store._problem(entry.name, "", entry.size, "io-error", exc.strerror or str(exc))
                status = "failed"
            else:
                status = store.add(raw, source=entry.name, max_bytes=max_bytes)
        summary.note(store, entry.name, status)
        if progress:
            progress(entry.name, status)
        tick()


def _last_problem(store: Store, name: str) -> str:
    row = store.db.execute(
        "SELECT code || ': ' || message FROM problems WHERE source = ? ORDER BY id DESC LIMIT 1", (name,)
    ).fetchone()
    return row[0] if row else "failed"
