"""The ``eightk`` command: a thin skin over the library."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .api import parse, read_bytes
from .errors import EightkError
from .evaluate import (
    FIELDS,
    evaluate,
    evaluate_events,
    evaluate_gold,
    iter_files,
    load_event_gold,
    load_explanations,
    load_gold,
    provisional_gold,
)
from .model import Filing


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eightk")
def main() -> None:
    """Read SEC Form 8-K filings of every era and format into structured data."""


def _read_one(name: str) -> Filing:
    if name == "-":
        return read_bytes(sys.stdin.buffer.read(), source="<stdin>")
    return parse(Path(name), source=name)


@main.command("parse")
@click.argument("files", nargs=-1, required=True)
@click.option("--jsonl", is_flag=True, help="One JSON object per line instead of indented JSON.")
@click.option("--no-text", is_flag=True, help="Leave out the texts of items and exhibits (spans stay).")
def parse_cmd(files: tuple[str, ...], jsonl: bool, no_text: bool) -> None:
    """Read FILES (``-`` for standard input) and print one JSON document per filing.

    Example: eightk parse tests/data/filings/text/immunogen-8k-1997-12-11.txt
    """
    failed = 0
    for name in files:
        try:
            filing = _read_one(name)
        except EightkError as exc:
            failed += 1
            click.echo(f"eightk: {exc if exc.source else f'{name}: {exc}'}", err=True)
            continue
        d = filing.to_dict()
        if no_text:
            for key in ("items", "exhibits", "interactive_data"):
                for entry in d[key]:
                    entry.pop("text", None)
        click.echo(json.dumps(d, ensure_ascii=False) if jsonl else json.dumps(d, indent=2, ensure_ascii=False))
    if failed:
        sys.exit(2)


def _cell(v: object, width: int) -> str:
    s = "" if v is None else str(v)
    return s if len(s) <= width else s[: width - 1] + "…"


@main.command("summary")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def summary_cmd(paths: tuple[Path, ...]) -> None:
    """Read every filing under PATHS and print one line each: form, date, registrant, file number, items.

    Example: eightk summary tests/data/filings
    """
    cols = [
        ("file", 30),
        ("form", 6),
        ("date", 10),
        ("registrant", 34),
        ("file no.", 11),
        ("state", 5),
        ("items", 22),
        ("format", 16),
    ]
    click.echo("  ".join(name.ljust(w) for name, w in cols))
    click.echo("  ".join("-" * w for _, w in cols))
    n = failed = 0
    for path in iter_files(paths):
        n += 1
        try:
            f = parse(path)
        except EightkError as exc:
            failed += 1
            click.echo(f"{_cell(path.name, 30).ljust(30)}  unreadable: {exc.message}")
            continue
        r = f.registrant
        items = " ".join(i.code for i in f.items if i.status == "reported")
        row = [
            path.name,
            f.form_type,
            f.period_of_report,
            r.name,
            r.commission_file_number,
            r.state_of_incorporation,
            items,
            f.source.format,
        ]
        click.echo("  ".join(_cell(v, w).ljust(w) for v, (_, w) in zip(row, cols, strict=True)).rstrip())
    click.echo(f"\n{n} files read, {failed} unreadable")
    if failed:
        sys.exit(2)


@main.command("items")
@click.option("--markdown", is_flag=True, help="Print the catalogue as the Markdown of docs/items.md.")
def items_cmd(markdown: bool) -> None:
    """Print the catalogue of 8-K items: old 1-12, modern 1.01-9.01, and the mapping between them.

    Example: eightk items --markdown > docs/items.md
    """
    from .catalog import CATALOG, catalog_markdown

    if markdown:
        click.echo(catalog_markdown(), nl=False)
        return
    for d in CATALOG:
        when = f"{d.start or ''}..{d.end or ''}"
        click.echo(f"{d.era:6} {d.number:>5} -> {d.code}  {when:22}  {d.title}")


@main.command("eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--explanations",
    type=click.Path(path_type=Path),
    default=None,
    help="JSON list of {accession, field, explanation} for known disagreements.",
)
@click.option(
    "--gold",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="Reviewed gold JSON {file: {items, exhibits, first_signer}}, files relative to the first PATH.",
)
@click.option(
    "--events",
    "events_gold",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="Hand-labelled events JSON {file: [event, ...]}: precision and recall per event type and field.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def eval_cmd(
    paths: tuple[Path, ...], explanations: Path | None, gold: Path | None, events_gold: Path | None, as_json: bool
) -> None:
    """Score the reading: the cover of complete submissions read with their SEC header removed,
    against the header; and, with --gold, items, exhibits and first signer against reviewed gold.

    Prints per-field figures, by era or format, and every miss.

    Example: eightk eval tests/data/filings --explanations tests/data/eval/explanations.json
    --gold tests/data/eval/gold.json
    """
    res = evaluate(paths, load_explanations(explanations))
    if gold:
        gres = evaluate_gold(paths[0], load_gold(gold))
    else:  # no reviewed gold: the headers' declared items and ITEM: label lines, unreviewed
        gres = evaluate_gold(Path("."), provisional_gold(paths))
        click.echo("(no --gold: items scored against SEC header declarations and ITEM: labels, unreviewed)", err=True)
    escores = evaluate_events(paths[0], load_event_gold(events_gold)) if events_gold else None
    if as_json:
        out = {"cover": res.to_dict()}
        if gres:
            out["gold"] = gres.to_dict()
        if escores:
            out["events"] = escores.to_dict()
        click.echo(json.dumps(out, indent=2))
        return
    eras = sorted({e for f in FIELDS for e in res.counts.get(f, {})})
    click.echo(f"{res.files} complete submissions read with their header removed\n")
    click.echo("field".ljust(26) + "all".rjust(16) + "".join(e.rjust(16) for e in eras) + "  no body value")
    for f in FIELDS:
        line = f.ljust(26)
        for era in [None, *eras]:
            c = res.counts.get(f, {})
            agree, total = (
                (sum(v[0] for v in c.values()), sum(v[1] for v in c.values()))
                if era is None
                else tuple(c.get(era, [0, 0]))
            )
            line += (f"{agree}/{total} {100 * agree / total:5.1f}%" if total else "-").rjust(16)
        correct = res.correct(f)
        click.echo(
            line
            + str(res.missing.get(f, 0)).rjust(15)
            + (f"   correct {100 * correct:5.1f}%" if correct is not None else "")
        )
    if res.mismatches:
        click.echo("\ndisagreements (body vs header):")
        for m in res.mismatches:
            why = f"  [{m.explanation}]" if m.explanation else "  [unexplained]"
            click.echo(f"  {m.file}  {m.field}: body={m.body!r} header={m.header!r}{why}")
    for f, reason in res.failed:
        click.echo(f"  unreadable: {f}: {reason}")
    if gres:
        click.echo(f"\n{gres.files} filings scored against the gold standard")
        for what, (ok, total) in gres.scores.items():
            click.echo(f"  {what:14} {ok}/{total}" + (f" {100 * ok / total:5.1f}%" if total else ""))
        for fmt, d in sorted(gres.by_format.items()):
            click.echo(f"  {fmt:18} " + "  ".join(f"{w} {v[0]}/{v[1]}" for w, v in d.items()))
        for miss in gres.misses:
            click.echo(f"  miss: {miss}")
    if escores:
        click.echo("\nevents against the labelled set: precision, recall, F1")
        for kind, event_counts in sorted(escores.events.items()):
            click.echo(f"  {kind:16} events  " + _prf(event_counts))
            for field_name, field_counts in escores.fields.get(kind, {}).items():
                click.echo(f"  {'':16} {field_name:36} " + _prf(field_counts))
        for event_miss in escores.misses:
            click.echo(f"  miss: {event_miss}")


def _prf(counts: list[int]) -> str:
    tp, fp, fn = counts
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:5.2f}  R {r:5.2f}  F1 {f:5.2f}  ({tp} right, {fp} wrong or extra, {fn} missed)"


_db_option = click.option(
    "--db",
    "db_path",
    envvar="EIGHTK_DB",
    default="eightk.db",
    show_default=True,
    help="The database file (or set EIGHTK_DB).",
)


def _open_store(db_path: str, *, readonly: bool = False):  # type: ignore[no-untyped-def]
    from .store import Store

    try:
        return Store(db_path, readonly=readonly)
    except EightkError as exc:
        click.echo(f"eightk: {exc}", err=True)
        sys.exit(2)


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option("--json", "as_json", is_flag=True, help='Print a summary object {"read", "new", "unchanged", "failed"}.')
@click.option(
    "--max-bytes",
    type=int,
    default=None,
    help="Record files larger than this as problems instead of reading them (default 512 MiB).",
)
@click.option(
    "--commit-seconds",
    type=float,
    default=0.5,
    show_default=True,
    help="Commit at least this often; a crash loses at most this much work (0: after every file).",
)
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS|local",
    help="Read on a Dask cluster (a scheduler address, or `local` for a LocalCluster sized to this "
    "machine); this process still writes the database. Needs the [dask] extra.",
)
def ingest_cmd(
    paths: tuple[str, ...],
    db_path: str,
    as_json: bool,
    max_bytes: int | None,
    commit_seconds: float,
    dask_address: str | None,
) -> None:
    """Read every filing under PATHS into the database: files, folders, .tar/.tar.gz/.tgz/.zip
    archives, fsspec URLs (s3://..., file://...; with --dask) and datasets written by
    `eightk dataset`.

    The same filing twice is one filing (by accession number when known, else by sha256);
    filings read by an older eightk are read again. Files that cannot be read are recorded
    in the problems table with the reason and the run goes on; the exit status is 1 when
    any file failed.

    Example: eightk ingest tests/data/filings --db filings.db
    """
    from .store import DEFAULT_MAX_BYTES, Summary, ingest

    for p in paths:
        if "://" not in p and not Path(p).exists():
            raise click.BadParameter(f"no such file or folder: {p}", param_hint="PATHS")
    if any("://" in p for p in paths) and not dask_address:
        raise click.BadParameter("URLs are read with --dask (workers open them through fsspec)", param_hint="PATHS")
    store = _open_store(db_path)
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes

    def run(progress):  # type: ignore[no-untyped-def]
        from .distributed import is_dataset, read_dataset

        total = Summary()
        datasets = [p for p in paths if "://" not in p and is_dataset(p)]
        files = [p for p in paths if p not in datasets]
        parts = [read_dataset(store, d, commit_seconds=commit_seconds) for d in datasets]
        if files and dask_address:
            from .distributed import cluster, ingest_dask

            with cluster(dask_address) as client:
                parts.append(
                    ingest_dask(store, files, client, max_bytes=limit, commit_seconds=commit_seconds, progress=progress)
                )
        elif files:
            parts.append(ingest(store, files, max_bytes=limit, commit_seconds=commit_seconds, progress=progress))
        for part in parts:
            for k in ("read", "new", "unchanged", "updated", "failed"):
                setattr(total, k, getattr(total, k) + getattr(part, k))
            total.failures += part.failures
        return total

    with store:
        if sys.stderr.isatty() and not as_json:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            from .store.ingest import count

            local = [Path(p) for p in paths if "://" not in p]
            total = count(local) if len(local) == len(paths) else None
            with Progress(
                TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True
            ) as bar:
                task = bar.add_task("ingest", total=total)
                summary = run(lambda *_: bar.advance(task))
        else:
            summary = run(None)
    if as_json:
        click.echo(json.dumps(summary.to_dict()))
    else:
        d = summary.to_dict()
        click.echo(", ".join(f"{v} {k}" for k, v in d.items()) + f" -> {db_path}")
        for name, why in summary.failures:
            click.echo(f"eightk: {name}: {why}", err=True)
    if summary.failed:
        sys.exit(1)


@main.command("dataset")
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path), help="The dataset's folder.")
@click.option("--dask", "dask_address", metavar="ADDRESS|local", help="Read on a Dask cluster (see ingest).")
@click.option("--chunk", "chunk_size", type=int, default=64, show_default=True, help="Filings per task.")
def dataset_cmd(paths: tuple[str, ...], out_dir: Path, dask_address: str | None, chunk_size: int) -> None:
    """Read filings straight into a Parquet dataset: one folder per table (the tables of
    `eightk export`, with the same columns), hive-partitioned by filing year, plus the raw
    bytes read; for DuckDB, Spark or pandas, and readable back by `eightk ingest DIR`.

    Example: eightk dataset tests/data/filings --out dataset/ --dask local
    """
    from .distributed import cluster, write_dataset

    if dask_address:
        with cluster(dask_address) as client:
            counts = write_dataset(paths, out_dir, client, chunk_size=chunk_size)
    else:
        counts = write_dataset(paths, out_dir, chunk_size=chunk_size)
    click.echo(", ".join(f"{n} {t}" for t, n in counts.items()) + f" -> {out_dir}")


@main.command("search")
@click.argument("query", default="")
@_db_option
@click.option("--item", help="Only filings reporting this item (modern code, e.g. 4.01; old items are mapped).")
@click.option("--form", "form_type", help="Only this form type, e.g. 8-K or 8-K/A.")
@click.option("--cik", help="Only this registrant (CIK, leading zeros optional).")
@click.option("--since", help="Period of report on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Period of report on or before this date (YYYY-MM-DD).")
@click.option("--event", help="Only filings with an event of this type.")
@click.option("--limit", default=20, show_default=True, help="At most this many hits.")
@click.option(
    "--exhaustive",
    is_flag=True,
    help="Rank every match by BM25 (a broad query on a large database is otherwise ranked in windows of "
    "1,000 texts, newest first, until enough filings pass the filters).",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of hits.")
def search_cmd(
    query: str,
    db_path: str,
    item: str | None,
    form_type: str | None,
    cik: str | None,
    since: str | None,
    until: str | None,
    event: str | None,
    limit: int,
    exhaustive: bool,
    as_json: bool,
) -> None:
    """Full-text search of item and exhibit texts (FTS5 syntax; stemmed; BM25-ranked), with filters.

    QUERY may use FTS5 syntax ("private placement", auditor NEAR resign*, a OR b); anything
    else is searched as its plain words. An empty QUERY lists the filings the filters select.

    Example: eightk search "auditor resigned" --item 4.01 --since 2003-01-01 --until 2003-12-31
    """
    from .store import Filters, search

    store = _open_store(db_path, readonly=True)
    with store:
        try:
            hits = search(
                store, query, Filters(item, form_type, cik, since, until, event), limit=limit, exhaustive=exhaustive
            )
        except EightkError as exc:
            click.echo(f"eightk: {exc}", err=True)
            sys.exit(2)
    if as_json:
        click.echo(json.dumps(hits, indent=2, ensure_ascii=False))
        return
    for h in hits:
        click.echo(
            f"{h['id']:>6}  {h['accession'] or '-':20}  {h['period_of_report'] or '-':10}  "
            f"{_cell(h['registrant_name'], 36):36}  {' '.join(h['items'])}"
        )
        if h["snippet"]:
            click.echo(f"        {h['snippet']}")
    if not hits:
        click.echo("no matches", err=True)


@main.command("show")
@click.argument("ref")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the full reading as JSON (as `eightk parse` does).")
def show_cmd(ref: str, db_path: str, as_json: bool) -> None:
    """Show one stored filing, by database id, accession number or sha256.

    Example: eightk show 0000950135-97-004927
    """
    store = _open_store(db_path, readonly=True)
    with store:
        try:
            filing = store.reading(ref)
            row = store.filing_row(ref)
        except EightkError as exc:
            click.echo(f"eightk: {exc}", err=True)
            sys.exit(2)
    if as_json:
        click.echo(json.dumps(filing.to_dict(), indent=2, ensure_ascii=False))
        return
    r = filing.registrant
    lines = [
        f"{row['form_type'] or 'form ?'}  {row['accession'] or row['filing_key']}  (id {row['id']})",
        f"registrant      {r.name or '-'}  (CIK {row['cik'] or '-'})",
        f"date of report  {row['period_of_report'] or '-'}    filed {row['filed_date'] or '-'}",
        f"state           {r.state_of_incorporation or '-'}   file no. {r.commission_file_number or '-'}"
        f"   IRS no. {r.irs_ein or '-'}",
    ]
    for i in filing.items:
        lines.append(
            f"item {i.code:5}  {i.title_as_filed or ''}" + ("  (not applicable)" if i.status != "reported" else "")
        )
    for e in filing.exhibits:
        lines.append(f"exhibit {e.number:6} {e.description or e.type or ''}")
    for s in filing.signatures:
        lines.append(
            f"signed          {s.name}" + (f", {s.title}" if s.title else "") + (f"  {s.date}" if s.date else "")
        )
    click.echo("\n".join(lines))


@main.command("export")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "jsonl"]), default="parquet", show_default=True)
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path), help="Folder for one file per table.")
def export_cmd(db_path: str, fmt: str, out_dir: Path) -> None:
    """Write every table (filings, registrants, items, exhibits, signatures, events, attachments,
    problems) to OUT as one Parquet, CSV or JSON-lines file each (schemas in docs/database.md).

    Example: eightk export --format parquet --out export/
    """
    from .store import export

    store = _open_store(db_path, readonly=True)
    with store:
        written = export(store, out_dir, fmt)
    click.echo(", ".join(f"{n} {t}" for t, n in written.items()) + f" -> {out_dir}")


@main.command("reparse")
@_db_option
@click.option("--all", "everything", is_flag=True, help="Read every stored filing again, not only stale ones.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def reparse_cmd(db_path: str, everything: bool, as_json: bool) -> None:
    """Rebuild the derived rows from the stored raw bytes: filings read by another eightk
    version (or, with --all, every filing), without the original files.

    Example: eightk reparse --db filings.db
    """
    store = _open_store(db_path)
    with store:
        counts = store.reparse(all=everything)
    click.echo(json.dumps(counts) if as_json else ", ".join(f"{v} {k}" for k, v in counts.items()))


def _edgar_options(f):  # type: ignore[no-untyped-def]
    f = click.option(
        "--user-agent",
        envvar="EIGHTK_USER_AGENT",
        help='Your declared identity, "Name email@example.com" (or set EIGHTK_USER_AGENT); SEC requires it.',
    )(f)
    f = click.option(
        "--edgar-url",
        envvar="EIGHTK_EDGAR_URL",
        default="https://www.sec.gov/Archives/",
        show_default=True,
        help="EDGAR's archive, or a mirror (or set EIGHTK_EDGAR_URL).",
    )(f)
    f = click.option(
        "--rate", type=float, default=10.0, show_default=True, help="At most this many requests a second (<= 10)."
    )(f)
    return f


def _client(user_agent: str | None, edgar_url: str, rate: float):  # type: ignore[no-untyped-def]
    from .edgar import EdgarClient

    try:
        return EdgarClient(user_agent, base_url=edgar_url, rate=rate)
    except (EightkError, ValueError) as exc:  # no identity; a rate over SEC's limit
        click.echo(f"eightk: {exc}", err=True)
        sys.exit(2)


def _date(value: str | None, name: str):  # type: ignore[no-untyped-def]
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD", param_hint=name) from None


@main.command("sync")
@click.option("--since", required=True, help="First filing date, YYYY-MM-DD.")
@click.option("--until", help="Last filing date, YYYY-MM-DD (default: today).")
@click.option("--forms", help="Form types, comma-separated (default: 8-K, 8-K/A and the 8-K12B/12G3/15D5 variants).")
@click.option("--cik", "ciks", multiple=True, help="Only these registrants (repeatable).")
@click.option("--workers", type=int, default=4, show_default=True, help="Parallel downloads (the rate limit holds).")
@_edgar_options
@_db_option
@click.option("--json", "as_json", is_flag=True, help="Print a summary object.")
def sync_cmd(
    since: str,
    until: str | None,
    forms: str | None,
    ciks: tuple[str, ...],
    workers: int,
    user_agent: str | None,
    edgar_url: str,
    rate: float,
    db_path: str,
    as_json: bool,
) -> None:
    """Fetch the 8-K filings of a period from EDGAR's indexes into the database, politely and resumably.

    Whole past quarters are listed by the quarterly full index, the current quarter by its
    daily indexes. Each complete submission is stored as it arrives: a sync interrupted at
    any point and run again fetches only what is missing. 429/503 are retried (Retry-After
    honoured); a 403 or SEC's "undeclared automated tool" page stops the sync (exit 3).
    Exit status 1 when some filings or quarterly indexes could not be fetched (recorded as
    problems, and tried again next time).

    Example: eightk sync --since 2024-01-01 --until 2024-03-31 --user-agent "Jane Doe jane@example.com"
    """
    from .edgar import FORMS_8K, sync
    from .errors import BlockedError, FetchError

    first = _date(since, "--since")
    last = _date(until, "--until")
    form_list = tuple(f.strip().upper() for f in forms.split(",") if f.strip()) if forms else FORMS_8K
    client = _client(user_agent, edgar_url, rate)
    store = _open_store(db_path)
    with store, client:
        try:
            summary = sync(store, client, since=first, until=last, forms=form_list, ciks=ciks, workers=workers)
        except BlockedError as exc:
            click.echo(f"eightk: {exc}", err=True)
            sys.exit(3)
        except FetchError as exc:
            click.echo(f"eightk: {exc}", err=True)
            sys.exit(2)
    if as_json:
        click.echo(json.dumps(summary.to_dict()))
    else:
        click.echo(", ".join(f"{v} {k.replace('_', ' ')}" for k, v in summary.to_dict().items()))
        for url, why in summary.failures:
            click.echo(f"eightk: {url}: {why}", err=True)
    if summary.failed or summary.indexes_missing:
        sys.exit(1)


@main.command("fetch")
@click.argument("ref")
@_edgar_options
@_db_option
def fetch_cmd(ref: str, user_agent: str | None, edgar_url: str, rate: float, db_path: str) -> None:
    """Fetch one filing from EDGAR and ingest it: an accession number, CIK/ACCESSION, or a URL.

    Example: eightk fetch 0000950135-97-004927 --user-agent "Jane Doe jane@example.com"
    """
    from .edgar import fetch_one
    from .errors import BlockedError

    client = _client(user_agent, edgar_url, rate)
    store = _open_store(db_path)
    with store, client:
        try:
            url, status = fetch_one(store, client, ref)
        except BlockedError as exc:
            click.echo(f"eightk: {exc}", err=True)
            sys.exit(3)
        except (EightkError, ValueError) as exc:
            click.echo(f"eightk: {exc}", err=True)
            sys.exit(2)
    click.echo(f"{status}: {url} -> {db_path}")
    if status == "failed":
        sys.exit(1)


@main.command("serve")
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option("--workers", type=int, default=1, show_default=True, help="Server processes.")
def serve_cmd(db_path: str, host: str, port: int, workers: int) -> None:
    """Serve the database read-only: a search page with facets, filing and company pages, and a
    JSON API (/api/filings, /api/filings/ID, /api/companies/CIK, /api/events; /openapi.json).
    Works while an ingest or sync writes. Needs the [web] extra.

    Example: eightk serve --db filings.db --port 8000
    """
    import uvicorn

    from .web import create_app

    _open_store(db_path, readonly=True).close()  # a clear message now rather than at the first request
    # keep idle connections 30 s (uvicorn's 5 s closes them under clients that reuse them: resets)
    opts = {"host": host, "port": port, "log_level": "warning", "timeout_keep_alive": 30}
    if workers > 1:  # processes import the app themselves: tell them the database
        os.environ["EIGHTK_DB"] = str(Path(db_path).resolve())
        uvicorn.run("eightk.web:app_from_env", factory=True, workers=workers, **opts)  # type: ignore[arg-type]
    else:
        uvicorn.run(create_app(db_path), **opts)  # type: ignore[arg-type]


def cli_reference() -> str:
    """The command reference, as Markdown: every command's ``--help`` (docs/cli.md is this)."""

    def context(cmd: click.Command, name: str, parent: click.Context | None = None) -> click.Context:
        return click.Context(
            cmd,
            info_name=name,
            parent=parent,
            terminal_width=100,
            max_content_width=100,
            help_option_names=["-h", "--help"],
        )

    ctx = context(main, "eightk")
    out = [
        "# The eightk command",
        "",
        "Generated from the commands' `--help` by `eightk help-markdown`; do not edit by hand.",
        "",
        "```",
        main.get_help(ctx),
        "```",
    ]
    for name in sorted(main.commands):
        cmd = main.commands[name]
        if cmd.hidden:
            continue
        sub_ctx = context(cmd, name, ctx)
        out += ["", f"## eightk {name}", "", "```", cmd.get_help(sub_ctx), "```"]
    return "\n".join(out) + "\n"


@main.command("help-markdown", hidden=True)
def help_markdown_cmd() -> None:
    """Print the command reference as Markdown (docs/cli.md).

    Example: eightk help-markdown > docs/cli.md
    """
    click.echo(cli_reference(), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
