"""Accuracy evaluation: the body's reading against the SEC header.

For each complete submission, the SEC header is removed and the body is read
alone; what the body gives is then compared, field by field, with what the
header says.  The header is not always right: known disagreements where the
body is right are recorded, with the reason, in an *explanations* file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import EightkError
from .model import Filing
from .reading import COMPARABLE, header_filer, read_bytes
from .values import normalise_ein

__all__ = [
    "FIELDS",
    "EvalResult",
    "GoldResult",
    "Mismatch",
    "era_of",
    "evaluate",
    "evaluate_gold",
    "provisional_gold",
    "split_item_labels",
    "strip_header",
]

FIELDS = ("period_of_report", "name", "irs_ein", "commission_file_number", "state_of_incorporation")

_HEADER_BLOCK = re.compile(rb"<(SEC-HEADER|IMS-HEADER)>.*?</\1>\s*", re.S | re.I)
_SUBMISSION_HEAD = re.compile(rb"\A(\s*<SUBMISSION>).*?(?=<DOCUMENT>)", re.S | re.I)


def strip_header(raw: bytes) -> bytes:
    """The submission with its SEC header taken out (documents only)."""
    out = _HEADER_BLOCK.sub(b"", raw, count=1)
    if out is raw or out == raw:
        out = _SUBMISSION_HEAD.sub(rb"\1\n", raw, count=1)
    return out


def era_of(date: str | None) -> str:
    if not date:
        return "unknown"
    if date < "2001-01-01":
        return "1993-2000"
    if date < "2004-08-23":
        return "2001-2004"
    if date < "2011-01-01":
        return "2004-2010"
    if date < "2019-06-15":
        return "2011-2019"
    return "2019-"


@dataclass(frozen=True, slots=True)
class Mismatch:
    file: str
    accession: str | None
    field: str
    body: str | None
    header: str | None
    explanation: str | None = None


@dataclass(slots=True)
class EvalResult:
    files: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    # field -> era -> [agree, compared]
    counts: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    missing: dict[str, int] = field(default_factory=dict)  # header has it, body gave nothing
    mismatches: list[Mismatch] = field(default_factory=list)

    def agreement(self, fld: str, era: str | None = None) -> float | None:
        eras = self.counts.get(fld, {})
        rows = [eras[era]] if era else list(eras.values())
        agree = sum(r[0] for r in rows if r)
        total = sum(r[1] for r in rows if r)
        return agree / total if total else None

    def correct(self, fld: str) -> float | None:
        """Agreement counting the explained disagreements (the header wrong, the body right)."""
        eras = self.counts.get(fld, {})
        total = sum(r[1] for r in eras.values())
        if not total:
            return None
        agree = sum(r[0] for r in eras.values())
        explained = sum(1 for m in self.mismatches if m.field == fld and m.explanation)
        return (agree + explained) / total

    def to_dict(self) -> dict[str, object]:
        return {
            "files": self.files,
            "failed": [{"file": f, "reason": r} for f, r in self.failed],
            "fields": {
                f: {
                    "agreement": self.agreement(f),
                    "correct": self.correct(f),
                    "missing_in_body": self.missing.get(f, 0),
                    "by_era": {e: {"agree": c[0], "compared": c[1]} for e, c in sorted(self.counts.get(f, {}).items())},
                }
                for f in FIELDS
            },
            "mismatches": [
                {
                    "file": m.file,
                    "accession": m.accession,
                    "field": m.field,
                    "body": m.body,
                    "header": m.header,
                    "explanation": m.explanation,
                }
                for m in self.mismatches
            ],
        }


#: the evaluated fields, by the cover's own field names (whose comparison the reading defines)
_COVER_FIELD = {
    "period_of_report": "date",
    "name": "name",
    "irs_ein": "ein",
    "commission_file_number": "file_number",
    "state_of_incorporation": "state",
}


def _same(fld: str, a: str, b: str) -> bool:
    cmp = COMPARABLE[_COVER_FIELD[fld]]
    return bool(cmp(a) == cmp(b))


def _pairs(body: Filing, full: Filing) -> Iterator[tuple[str, str | None, str | None]]:
    h = full.header
    assert h is not None
    r = body.registrant
    hf = header_filer(h, r.commission_file_number)
    yield "period_of_report", body.period_of_report, h.period_of_report
    if hf is not None:
        ein = hf.irs_ein if hf.irs_ein and normalise_ein(hf.irs_ein) else None
        state = hf.state_of_incorporation if hf.state_of_incorporation not in (None, "", "XX") else None
        yield "name", r.name, hf.name
        yield "irs_ein", r.irs_ein, ein
        yield "commission_file_number", r.commission_file_number, hf.commission_file_number
        yield "state_of_incorporation", r.state_of_incorporation, state


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    for p in paths:
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.is_file() and not q.name.startswith("."))
        else:
            yield p


def load_explanations(path: Path | None) -> dict[tuple[str, str], str]:
    if path is None or not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {(e["accession"], e["field"]): e["explanation"] for e in data}


def evaluate(paths: Iterable[Path], explanations: dict[tuple[str, str], str] | None = None) -> EvalResult:
    """Score body-only readings of complete submissions against their headers."""
    explanations = explanations or {}
    res = EvalResult()
    for path in iter_files(paths):
        raw = path.read_bytes()
        if (
            b"<SEC-HEADER>" not in raw[:100000].upper()
            and b"<IMS-HEADER>" not in raw[:100000].upper()
            and not raw.lstrip()[:12].upper().startswith(b"<SUBMISSION>")
        ):
            continue
        try:
            full = read_bytes(raw, source=str(path))
            body = read_bytes(strip_header(raw), source=str(path))
        except EightkError as exc:
            res.failed.append((str(path), str(exc)))
            continue
        if full.header is None:
            continue
        res.files += 1
        era = era_of(full.header.filed_date or full.header.period_of_report)
        for fld, bv, hv in _pairs(body, full):
            if not hv:
                continue
            if not bv:
                res.missing[fld] = res.missing.get(fld, 0) + 1
            if not bv:
                continue
            c = res.counts.setdefault(fld, {}).setdefault(era, [0, 0])
            c[1] += 1
            if _same(fld, bv, hv):
                c[0] += 1
            else:
                acc = full.header.accession_number
                res.mismatches.append(Mismatch(path.name, acc, fld, bv, hv, explanations.get((acc or "", fld))))
    return res


# --- items, exhibits and first signer against the reviewed gold ---------------


@dataclass(slots=True)
class GoldResult:
    files: int = 0
    scores: dict[str, list[int]] = field(
        default_factory=lambda: {"items": [0, 0], "exhibits": [0, 0], "first_signer": [0, 0]}
    )
    by_format: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    misses: list[dict[str, object]] = field(default_factory=list)

    def rate(self, what: str) -> float | None:
        ok, total = self.scores[what]
        return ok / total if total else None

    def to_dict(self) -> dict[str, object]:
        return {
            "files": self.files,
            "scores": {k: {"right": v[0], "scored": v[1], "rate": self.rate(k)} for k, v in self.scores.items()},
            "by_format": self.by_format,
            "misses": self.misses,
        }


def reading_of(f: Filing) -> dict[str, object]:
    """What the gold standard scores, as read."""
    return {
        "items": sorted({i.code for i in f.items if i.status == "reported"}),
        "exhibits": sorted({e.number for e in f.exhibits}),
        "first_signer": f.signatures[0].name if f.signatures else None,
    }


def _same_signer(a: object, b: object) -> bool:
    norm = lambda v: " ".join(str(v or "").replace(".", " ").lower().split())  # noqa: E731
    return norm(a) == norm(b)


_ITEM_LABEL = re.compile(rb"^[ \t]*ITEM:[ \t]*(\d{1,2}(?:\.\d{1,2})?)\b[^\r\n]*\r?\n?", re.M)


def split_item_labels(raw: bytes) -> tuple[bytes, list[str]]:
    """A research-dataset text's ``ITEM: 8.01`` label lines: the text without them, and the
    item codes they name (the dataset's own reading, used as gold)."""
    codes = [m.group(1).decode() for m in _ITEM_LABEL.finditer(raw)]
    return (_ITEM_LABEL.sub(b"", raw), codes) if codes else (raw, [])


def provisional_gold(paths: Iterable[Path]) -> dict[str, dict[str, object]]:
    """Gold where no reviewed gold exists yet: the SEC header's declared items for complete
    submissions, the ``ITEM:`` label lines for research-dataset texts.  Unreviewed: the
    header is sometimes wrong, and misses must be looked at before they count."""
    from .catalog import match_title, modern_code

    gold: dict[str, dict[str, object]] = {}
    for path in iter_files(paths):
        raw = path.read_bytes()
        _, labels = split_item_labels(raw)
        date = None
        if labels:
            codes = labels
        else:
            try:
                f = read_bytes(raw)
            except EightkError:
                continue
            if f.header is None or not f.header.items:
                continue
            date = f.header.filed_date
            codes = []
            for it in f.header.items:
                d = match_title(it, date)
                codes.append(d.code if d else it)
        norm = sorted({modern_code(c, date or ("2010-01-01" if "." in c else "2000-01-01")) or c for c in codes})
        gold[str(path)] = {"items": norm, "exhibits": None, "first_signer": None}
    return gold


def evaluate_gold(root: Path, gold: dict[str, dict[str, object]]) -> GoldResult:
    """Score items (exact set), exhibits (set of numbers) and first signer per filing.

    ``ITEM:`` label lines of research-dataset texts are taken out before reading.
    """
    res = GoldResult()
    for rel, want in sorted(gold.items()):
        path = root / rel
        try:
            raw, _ = split_item_labels(path.read_bytes())
            f = read_bytes(raw, source=rel)
        except (OSError, EightkError) as exc:
            res.misses.append({"file": rel, "what": "unreadable", "reason": str(exc)})
            continue
        res.files += 1
        got = reading_of(f)
        fmt = f.source.format
        for what in ("items", "exhibits", "first_signer"):
            if want.get(what) is None:
                continue
            ok = (
                _same_signer(got[what], want[what])
                if what == "first_signer"
                else sorted(got[what]) == sorted(want[what])  # type: ignore[call-overload]
            )
            res.scores[what][1] += 1
            res.scores[what][0] += ok
            bf = res.by_format.setdefault(fmt, {}).setdefault(what, [0, 0])
            bf[1] += 1
            bf[0] += ok
            if not ok:
                res.misses.append({"file": rel, "what": what, "got": got[what], "want": want[what]})
    return res


def load_gold(path: Path) -> dict[str, dict[str, object]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


# --- events -------------------------------------------------------------------------------------

EVENT_FIELDS = {
    "private_placement": (
        "amount_usd",
        "investors",
        "securities",
        "price_per_share_usd",
        "conversion_price_usd",
        "holding_period_months",
        "installments",
        "first_closing_date",
        "fraction_received_at_first_closing",
    ),
    "officer_change": ("person", "change", "role", "effective_date"),
    "auditor_change": ("former_accountant", "new_accountant", "change", "disagreements"),
    "earnings_release": (
        "quarter",
        "full_year",
        "period_end",
        "press_release_exhibit",
        "figures_period",
        "net_income_usd",
        "eps_usd",
        "revenue_usd",
    ),
    "material_agreement": ("kind", "counterparties", "date", "amount_usd", "terminated"),
    "acquisition": ("counterparty", "direction", "completed_date", "consideration_usd"),
    "debt_financing": (
        "instrument",
        "amount_usd",
        "lenders",
        "maturity_date",
        "interest_benchmark",
        "interest_margin_pct",
        "interest_rate_pct",
    ),
    "shareholder_vote": ("meeting_date", "meeting_kind", "directors_elected", "proposals"),
    "delisting": ("date", "exchange", "rule", "notice"),
    "regulation_fd": ("date", "exhibits"),
    "bankruptcy": ("date", "chapter", "court"),
    "non_reliance": ("date", "concluded_by"),
    "cybersecurity_incident": ("date",),
}
EVENT_FIELDS["private_placement"] += ("shares", "offering", "warrant_shares", "warrant_exercise_price_usd")
EVENT_FIELDS["registered_offering"] = EVENT_FIELDS["private_placement"]
_FAMILY = {
    "private_placement": "financing",
    "registered_offering": "financing",
    "debt_financing": "financing",
    "officer_change": "officer_change",
    "auditor_change": "auditor_change",
    "earnings_release": "earnings_release",
    "material_agreement": "material_agreement",
    "acquisition": "acquisition",
    "shareholder_vote": "shareholder_vote",
    "delisting": "notice",
    "regulation_fd": "notice",
    "bankruptcy": "notice",
    "non_reliance": "notice",
    "cybersecurity_incident": "notice",
}
_VOTE_COUNTS = ("for", "against", "withheld", "abstain", "broker_non_votes", "one_year", "two_years", "three_years")


def _norm_text(v: Any) -> str:
    return " ".join(str(v).replace(".", " ").replace(",", " ").lower().split())


def _vote_rows(proposals: Any) -> set[tuple[Any, ...]]:
    """A vote's proposals as comparable rows: number, nominee and counts (not the wording)."""
    return {
        (p.get("number"), _norm_text(p.get("nominee") or ""), *(p.get(c) for c in _VOTE_COUNTS))
        for p in proposals or []
    }


def _same_value(name: str, got: Any, want: Any) -> bool:
    if name == "proposals":
        return _vote_rows(got) == _vote_rows(want)
    if isinstance(want, list) or isinstance(got, list):
        return {_norm_text(x) for x in got or []} == {_norm_text(x) for x in want or []}
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return abs(got - want) <= 1e-4 * max(1.0, abs(want))
    g, w = _norm_text(got), _norm_text(want)
    if name in ("role", "kind", "counterparty", "instrument"):  # "interim Chief Financial Officer"; "credit agreement"
        g, w = g.replace("interim ", ""), w.replace("interim ", "")
        if name == "instrument":  # a credit agreement is how a credit facility is written: one instrument
            g, w = g.replace("facility", "agreement"), w.replace("facility", "agreement")
        return g in w or w in g
    return g == w


@dataclass
class EventScores:
    """Per type: events found/expected/matched; per type and field: tp, fp, fn."""

    events: dict[str, list[int]] = field(default_factory=dict)  # type -> [tp, fp, fn]
    fields: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def f1(self, counts: list[int]) -> float:
        tp, fp, fn = counts
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"events": self.events, "fields": self.fields, "misses": self.misses}


def load_event_gold(path: Path) -> dict[str, list[dict[str, Any]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def evaluate_events(root: Path, gold: dict[str, list[dict[str, Any]]]) -> EventScores:
    """Score the events read from each labelled filing (under ``root``) against the labels:
    events matched by type and (officer changes) person; each labelled field compared."""
    from .api import parse as read_with_events

    scores = EventScores()

    def bump(kind: str, fieldname: str | None, i: int) -> None:
        if fieldname is None:
            scores.events.setdefault(_FAMILY[kind], [0, 0, 0])[i] += 1
        else:
            scores.fields.setdefault(_FAMILY[kind], {}).setdefault(fieldname, [0, 0, 0])[i] += 1

    def compare(kind: str, got: dict[str, Any], want: dict[str, Any], where: str | None) -> None:
        """Score each labelled field of one event; an unmatched event is compared with ``{}``."""
        for f in EVENT_FIELDS[kind]:
            g, v = got.get(f), want.get(f)
            if v is not None and g is not None and _same_value(f, g, v):
                bump(kind, f, 0)
                continue
            if g is not None:
                bump(kind, f, 1)
            if v is not None:
                bump(kind, f, 2)
            if where and (g is not None or v is not None):
                scores.misses.append(f"{where} {f}: read {g!r}, labelled {v!r}")

    for rel, wanted in sorted(gold.items()):
        got = [e for e in read_with_events(root / rel).to_dict()["events"] if e["type"] in EVENT_FIELDS]
        free = list(got)
        for w in wanted:
            key = (lambda e: _norm_text(e.get("person"))) if w["type"] == "officer_change" else (lambda e: "")
            match = next((g for g in free if g["type"] == w["type"] and key(g) == key(w)), None)
            if match is None:
                bump(w["type"], None, 2)
                scores.misses.append(f"{rel}: missed {w['type']} {key(w) or ''}".rstrip())
                compare(w["type"], {}, w, None)
                continue
            free.remove(match)
            bump(w["type"], None, 0)
            compare(w["type"], match, w, f"{rel}: {w['type']} {key(w)}")
        for g in free:
            bump(g["type"], None, 1)
            scores.misses.append(f"{rel}: extra {g['type']} {g.get('person') or ''}".rstrip())
            compare(g["type"], g, {}, None)
    return scores
