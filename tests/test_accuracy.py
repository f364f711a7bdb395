"""The quality gate: accuracy over the bundled real filings must stay above pinned floors.

Cover page: each complete submission is read with its SEC header removed and compared with
the header (disagreements where the header is the one that is wrong are explained in
``tests/data/eval/explanations.json``).  Items, exhibits and first signer: scored against
the reviewed gold standard in ``tests/data/eval/gold.json``.
"""

from __future__ import annotations

import pytest
from conftest import DATA, FILINGS

from eightk.evaluate import FIELDS, evaluate, evaluate_gold, load_explanations, load_gold

EVAL = DATA / "eval"

#: minimum share of right readings, per field (issue #2: 98% cover, issue #3: 99% items, 97% others)
COVER_FLOOR = 0.98
GOLD_FLOORS = {"items": 0.99, "exhibits": 0.97, "first_signer": 0.97}


@pytest.fixture(scope="module")
def cover_result():
    return evaluate([FILINGS], load_explanations(EVAL / "explanations.json"))


@pytest.mark.parametrize("field", FIELDS)
def test_cover_field_floor(cover_result, field: str) -> None:
    rate = cover_result.correct(field)
    assert rate is not None, f"no filing compared {field}"
    unexplained = [m for m in cover_result.mismatches if m.field == field and not m.explanation]
    assert rate >= COVER_FLOOR, f"{field}: {rate:.3f} < {COVER_FLOOR}; misses: {unexplained}"


def test_every_cover_disagreement_is_explained(cover_result) -> None:
    unexplained = [m for m in cover_result.mismatches if not m.explanation]
    assert not unexplained


def test_explanations_are_not_stale(cover_result) -> None:
    """An explanation for a disagreement that no longer happens must go."""
    current = {(m.accession, m.field) for m in cover_result.mismatches}
    stale = [k for k in load_explanations(EVAL / "explanations.json") if k not in current]
    assert not stale


@pytest.fixture(scope="module")
def gold_result():
    return evaluate_gold(FILINGS, load_gold(EVAL / "gold.json"))


@pytest.mark.parametrize("what", sorted(GOLD_FLOORS))
def test_gold_floor(gold_result, what: str) -> None:
    rate = gold_result.rate(what)
    assert rate is not None
    misses = [m for m in gold_result.misses if m["what"] == what]
    assert rate >= GOLD_FLOORS[what], f"{what}: {rate:.3f} < {GOLD_FLOORS[what]}; misses: {misses}"


def test_gold_covers_every_filing() -> None:
    gold = load_gold(EVAL / "gold.json")
    files = {str(p.relative_to(FILINGS)) for p in FILINGS.rglob("*") if p.is_file()}
    assert files == set(gold), sorted(files ^ set(gold))


#: events (issue #4): F1 per field of financings and officer changes, against the hand labels
EVENT_FLOOR = 0.9


@pytest.fixture(scope="module")
def event_result():
    from eightk.evaluate import evaluate_events, load_event_gold

    return evaluate_events(FILINGS, load_event_gold(EVAL / "events.json"))


#: fields held to a floor of their own: revenue from the press release is labelled in only 3
#: submissions and read from prose only (Sears states its total in a table: the prose gives a segment)
FIELD_FLOORS = {("earnings_release", "revenue_usd"): 0.6}


@pytest.mark.parametrize(
    "family", ["financing", "officer_change", "auditor_change", "earnings_release", "shareholder_vote", "notice"]
)
def test_event_floors(event_result, family: str) -> None:
    assert event_result.f1(event_result.events[family]) >= EVENT_FLOOR, event_result.misses
    for name, counts in event_result.fields[family].items():
        f1 = event_result.f1(counts)
        floor = FIELD_FLOORS.get((family, name), EVENT_FLOOR)
        assert f1 >= floor, f"{family}.{name}: F1 {f1:.2f} < {floor}; misses: {event_result.misses}"


def test_event_labels_cover_both_families(event_result) -> None:
    # the gate means something only if there is something to score: the issue asks for at
    # least 60 labelled events, 15 of them financings and 15 officer changes
    labelled = {family: counts[0] + counts[2] for family, counts in event_result.events.items()}
    assert labelled["financing"] >= 15 and labelled["officer_change"] >= 15
    assert sum(labelled.values()) >= 60
    assert labelled["shareholder_vote"] >= 5


#: material agreements and acquisitions are scored but held to a lower floor: counterparties
#: named as the grammatical subject, amounts stated away from the agreement's name and the
#: direction of an exchange are not read reliably yet
AGREEMENT_FLOOR = 0.5


@pytest.mark.parametrize("family", ["material_agreement", "acquisition"])
def test_agreement_and_acquisition_floors(event_result, family: str) -> None:
    assert event_result.f1(event_result.events[family]) >= 0.9
    for name, counts in event_result.fields[family].items():
        assert event_result.f1(counts) >= AGREEMENT_FLOOR, (family, name, event_result.misses)
