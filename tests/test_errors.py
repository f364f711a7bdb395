"""Bad input gives the package's own errors, never anything else."""

from __future__ import annotations

import pickle

import pytest
from conftest import FILINGS
from hypothesis import given, settings
from hypothesis import strategies as st

import eightk
from eightk.errors import BinaryInputError, EightkError, EmptyInputError, ReadError

SEED_BYTES = (FILINGS / "text" / "immunogen-8k-1997-12-11.txt").read_bytes()


def test_tree() -> None:
    assert issubclass(ReadError, EightkError)
    assert issubclass(ReadError, ValueError)
    assert issubclass(EmptyInputError, ReadError)
    assert issubclass(BinaryInputError, ReadError)


def test_errors_pickle_with_their_source() -> None:
    err = EmptyInputError("empty input", source="a.txt")
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is EmptyInputError
    assert back.source == "a.txt"
    assert str(back) == "a.txt: empty input"


@pytest.mark.parametrize("data", [b"", b"   \n\t ", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, b"\x00\x01\x02" * 100])
def test_unreadable_input(data: bytes) -> None:
    with pytest.raises(ReadError):
        eightk.read_bytes(data, source="x")


def test_missing_file_names_the_file(tmp_path) -> None:
    with pytest.raises(ReadError) as exc:
        eightk.parse(tmp_path / "nope.txt")
    assert "nope.txt" in str(exc.value)


def _only_own_errors(data: bytes) -> None:
    try:
        f = eightk.read_bytes(data)
    except EightkError:
        return
    f.to_dict()


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4000))
def test_arbitrary_bytes(data: bytes) -> None:
    _only_own_errors(data)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=len(SEED_BYTES)))
def test_truncated_text(cut: int) -> None:
    _only_own_errors(SEED_BYTES[:cut])


_SGML_PIECES = [
    b"<SEC-DOCUMENT>",
    b"<SEC-HEADER>",
    b"</SEC-HEADER>",
    b"<DOCUMENT>",
    b"</DOCUMENT>",
    b"<TYPE>8-K\n",
    b"<SEQUENCE>1\n",
    b"<FILENAME>a.htm\n",
    b"<TEXT>\n",
    b"</TEXT>\n",
    b"<IMS-HEADER>",
    b"<SUBMISSION>\n",
    b"FILER:\n",
    b"COMPANY DATA:\n",
    b"\tCOMPANY CONFORMED NAME:\tX\n",
    b"<html><body>",
    b"<table><tr><td>",
    b"</td></tr></table>",
    b"begin 644 a.gif\n",
    b"M86)C\n",
    b"<PDF>",
    b"-----BEGIN PRIVACY-ENHANCED MESSAGE-----\n",
    b"<ix:nonNumeric name='dei:EntityRegistrantName'>",
    b"</ix:nonNumeric>",
    b"ITEM 5. OTHER EVENTS\n",
    b"(Exact name of registrant as specified in its charter)\n",
    b"&amp;",
    b"&#",
    b"\xe9",
    b"\r\n",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SGML_PIECES) | st.binary(max_size=30), max_size=40))
def test_malformed_sgml(pieces: list[bytes]) -> None:
    _only_own_errors(b"".join(pieces))


@pytest.mark.parametrize(
    "doc",
    [
        "<html><body><" + "a" * 200_000,  # a tag that never closes
        "<html><body>" + "<a " * 100_000,  # many that never close
        '<html><body><a b="' + "x" * 200_000,  # a quote that never closes
        "<html><body>" + "<?x " * 50_000,
    ],
    ids=["unclosed-tag", "many-unclosed", "unclosed-quote", "processing-instructions"],
)
def test_pathological_html_reads_in_linear_time(doc: str) -> None:
    """These took minutes with a backtracking tag pattern; now a blink (no timing asserted:
    a regression shows as a test run that does not finish)."""
    _only_own_errors(doc.encode())
