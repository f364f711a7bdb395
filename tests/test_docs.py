"""Docs as contract: the quick start, CI, the CLI and the schema document agree with the code."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from eightk.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```(?:sh|bash)?\n(.*?)```", section, re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


def test_quick_start_has_exactly_two_command_lines() -> None:
    assert len(_quick_start()) == 2


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    assert _quick_start()[1] in ci.splitlines()


def test_every_command_is_in_the_readme_and_has_an_example() -> None:
    readme = (ROOT / "README.md").read_text()
    for name, cmd in main.commands.items():
        if cmd.hidden:
            continue
        assert f"eightk {name}" in readme, name
        assert "Example:" in (cmd.help or ""), name
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0


def _schema_fields() -> set[str]:
    doc = (ROOT / "docs" / "schema.md").read_text()
    return set(re.findall(r"^\| `([^`]+)` \|", doc, re.M))


def _paths(d: object, prefix: str = "") -> set[str]:
    out: set[str] = set()
    if isinstance(d, dict):
        for k, v in d.items():
            p = f"{prefix}.{k}" if prefix else k
            out.add(p)
            out |= _paths(v, p)
    elif isinstance(d, list):
        for v in d:
            out |= _paths(v, prefix + "[]")
    return out


def test_every_output_field_is_documented() -> None:
    from conftest import filing_paths

    import eightk

    seen: set[str] = set()
    for p in filing_paths():
        try:
            seen |= _paths(eightk.parse(p).to_dict())
        except eightk.ReadError:
            continue
    documented = _schema_fields()
    # a provenance value or discrepancy value has the shape of the field it names
    opaque = (
        "provenance[].value.",
        "discrepancies[].values.body.",
        "discrepancies[].values.header.",
        "discrepancies[].values.cover.",
        "discrepancies[].values.ixbrl.",
    )
    missing = sorted(f for f in seen if f not in documented and not f.startswith(opaque))
    assert not missing, f"undocumented fields: {missing}"


def test_items_doc_is_generated_from_the_catalogue() -> None:
    from eightk.catalog import catalog_markdown

    assert (ROOT / "docs" / "items.md").read_text() == catalog_markdown()


def test_cli_reference_is_generated_from_help() -> None:
    from eightk.cli import cli_reference

    assert (ROOT / "docs" / "cli.md").read_text() == cli_reference()


def test_every_exported_column_is_documented_with_its_type() -> None:
    from eightk.store import TABLES

    doc = (ROOT / "docs" / "database.md").read_text()
    sections = dict(re.findall(r"^### (\w+)\n(.*?)(?=^### |\Z)", doc, re.M | re.S))
    assert set(sections) == set(TABLES)
    for table, (cols, _, _) in TABLES.items():
        rows = re.findall(r"^\| `(\w+)` \| (\w+) \|", sections[table], re.M)
        assert rows == [(name, kind) for name, kind, _ in cols], table
