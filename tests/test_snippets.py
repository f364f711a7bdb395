"""Result snippets: the query's terms found as the index's porter tokenizer finds them."""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from eightk.store.snippets import snippet

M = ("\x02", "\x03")


def marked(s: str) -> list[str]:
    return [part.split(M[1])[0] for part in s.split(M[0])[1:]]


def test_stemmed_words_are_marked() -> None:
    s = snippet("On May 1, 2024 the former auditor resigned as the Company's auditors.", "auditor resigning", M)
    assert marked(s) == ["auditor", "resigned", "auditors"]


def test_prefix_terms_operators_and_columns() -> None:
    text = "Mr. Smith tendered his resignation; he resigns effective June 30."
    assert marked(snippet(text, "body:resign*", M)) == ["resignation", "resigns"]
    assert marked(snippet(text, "Smith NEAR resign* OR tendered AND NOT June", M)) == [
        "Smith",
        "tendered",
        "resignation",
        "resigns",
        "June",
    ]


def test_the_densest_stretch_is_shown() -> None:
    filler = " ".join(["unrelated words here"] * 40)
    text = f"A private company. {filler} The Company closed a private placement of warrants today. {filler}"
    s = snippet(text, "private placement warrants", M)
    assert marked(s) == ["private", "placement", "warrants"]
    assert s.startswith("…") and s.endswith("…")


def test_short_text_has_no_ellipsis_and_label_matches_show_the_start() -> None:
    assert snippet("Dividend declared.", "dividend", M) == "\x02Dividend\x03 declared."
    assert snippet("Nothing to see in this text at all", "exhibit", M) == "Nothing to see in this text at all"


def test_offsets_survive_letters_whose_lower_case_is_longer() -> None:
    s = snippet("İstanbul office: the auditor resigned.", "auditor", M)
    assert marked(s) == ["auditor"]


WORDS = ["auditor", "auditors", "resigned", "resignation", "agreement", "agreed", "the", "of", "private", "İ", "ß"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS + ["merger", "notes", "due", "2.02", "Item"]), min_size=0, max_size=60),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=3),
)
def test_snippet_is_text_and_marks_only_what_fts5_matches(text_words: list[str], query_words: list[str]) -> None:
    text = " ".join(text_words)
    query = " ".join(query_words)
    s = snippet(text, query, M)
    plain = s.replace(M[0], "").replace(M[1], "").strip("…")
    assert plain in text
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='porter unicode61')")
    for w in marked(s):  # every marked word is one the index matches for some query term
        db.execute("DELETE FROM t")
        db.execute("INSERT INTO t VALUES (?)", (w,))
        assert any(db.execute("SELECT 1 FROM t WHERE t MATCH ?", (f'"{q}"',)).fetchone() for q in query_words), (
            w,
            query,
        )
