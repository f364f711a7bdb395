"""The text view: block structure kept, and every character traced to its source."""

from __future__ import annotations

import random
import re

import pytest
from conftest import filing_paths
from hypothesis import given, settings
from hypothesis import strategies as st

import eightk
from eightk.reading import container, text_view
from eightk.reading.text import _PLAIN_CHARS, html_view, plain_view


def _same(text_char: str, src: str, at: int) -> bool:
    s = src[at]
    if text_char == s.translate(_PLAIN_CHARS) or (text_char.isspace() and s.isspace()):
        return True
    # an entity; a space standing for a tab stop, a tag or a markup token
    return s == "&" or (text_char == " " and s in "\t\xa0<")


@pytest.mark.parametrize("path", filing_paths(), ids=lambda p: p.name)
def test_offsets_map_back_to_the_source(path) -> None:
    text, _ = container.decode(path.read_bytes())
    rng = random.Random(path.name)
    for part in container.split(text).parts:
        if part.kind not in ("html", "text"):
            continue
        view = text_view(part)
        for i in rng.sample(range(len(view.text)), min(300, len(view.text))):
            c = view.text[i]
            if c in "\n\t\x0b":
                continue
            at = view.source_offset(i)
            assert _same(c, part.body, at), (i, c, part.body[max(0, at - 20) : at + 20])


def test_html_blocks_rows_and_cells() -> None:
    v = html_view(
        "<html><body><p>One&nbsp;two</p><div>Three<br>four</div>"
        "<table><tr><td>a</td><td><p>b</p><p>c</p></td></tr><tr><td>d</td><td>e</td></tr></table>"
        "<pre>x   y\n  z</pre><script>no()</script><div style='display:none'><div>hidden</div>gone</div>"
        "<p>&ldquo;smart&rdquo; &#8212; dash</p></body></html>"
    )
    assert v.text.split("\n") == [
        "One two",
        "",
        "Three",
        "four",
        "",
        "a\tb\x0bc",
        "d\te",
        "",
        "x   y",
        "  z",
        "",
        '"smart" - dash',
    ]


def test_plain_text_markup_and_escapes() -> None:
    v = plain_view("a\r\n<PAGE>  2\r\n<S>  <C>\r\n\\$3.0 million\tx\r\n       Page 2 of 6\r\nend")
    assert "$3.0 million" in v.text and "<PAGE>" not in v.text and "<S>" not in v.text
    assert "Page 2 of 6" not in v.text
    i = v.text.index("$3.0")
    assert v.source_offset(i) == "a\r\n<PAGE>  2\r\n<S>  <C>\r\n\\$3.0".index("$3.0")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<td>",
                "<tr>",
                "<b>",
                "</b>",
                "&amp;",
                "&nbsp;",
                "  ",
                "\n",
                "word",
                "<br>",
                "<div>",
                "</div>",
                "&#233;",
                "x\ty",
                "<ix:nonNumeric name='dei:X'>",
                "</ix:nonNumeric>",
                "<pre>",
                "</pre>",
            ]
        ),
        max_size=60,
    )
)
def test_html_view_maps_every_exact_character(pieces: list[str]) -> None:
    doc = "".join(pieces)
    v = html_view(doc)
    for i, c in enumerate(v.text):
        if c in "\n\t\x0b ":
            continue
        assert _same(c, doc, v.source_offset(i))


@pytest.mark.parametrize("path", filing_paths(), ids=lambda p: p.name)
def test_provenance_spans_hold_the_values(path) -> None:
    f = eightk.parse(path)
    raw, _ = container.decode(path.read_bytes())
    parts = container.split(raw).parts
    for p in f.provenance:
        if p.source != "cover" or p.source_span is None or p.document is None:
            continue
        written = parts[p.document].body[p.source_span[0] : p.source_span[1]]
        flat = " ".join(re.sub(r"<[^>]*>", "", written).split())
        if p.field == "registrant.name":
            assert " ".join(p.value.split()) in flat.replace("&amp;", "&"), (p, flat)
        elif p.field == "registrant.irs_ein":
            assert re.sub(r"\D", "", flat) == re.sub(r"\D", "", p.value), (p, flat)
        elif p.field == "registrant.commission_file_number":
            assert re.sub(r"\s", "", flat) == p.value, (p, flat)


def test_label_scan_prefilter_changes_nothing() -> None:
    """The cover's one-pass label scan skips positions by first letter: on every bundled
    filing it must find exactly what the full pattern finds."""
    from eightk.reading.cover import _LABELS_ONE_PASS, LABELS
    from eightk.reading.text import lowered

    full = re.compile("|".join(f"(?P<{k}>{p.pattern})" for k, p in LABELS.items()))
    for path in filing_paths():
        text, _ = container.decode(path.read_bytes())
        for part in container.split(text).parts:
            if part.kind in ("html", "text"):
                low = lowered(text_view(part).text[:30000])
                want = [(m.lastgroup, m.span()) for m in full.finditer(low)]
                assert [(m.lastgroup, m.span()) for m in _LABELS_ONE_PASS.finditer(low)] == want
