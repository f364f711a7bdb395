"""The ``eightk`` command: a thin skin over the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .errors import EightkError
from .evaluate import FIELDS, evaluate, evaluate_gold, iter_files, load_explanations, load_gold, provisional_gold
from .model import Filing
from .reading import parse, read_bytes


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
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def eval_cmd(paths: tuple[Path, ...], explanations: Path | None, gold: Path | None, as_json: bool) -> None:
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
    if as_json:
        out = {"cover": res.to_dict()}
        if gres:
            out["gold"] = gres.to_dict()
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
