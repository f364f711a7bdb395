"""Documents -> text views that keep block structure and a map back to the source.

A :class:`TextView` is the text eightk reads: paragraphs and headings on lines
of their own, table rows on lines with cells separated by a tab, HTML entities
decoded, non-breaking spaces, smart quotes and dashes made plain.  Every
character of it can be traced to its place in the document as filed through
:meth:`TextView.source_offset`.

HTML is tokenised here with one compiled regular expression rather than a
DOM parser: the offset map needs each tag's position in the source, which
neither lexbor nor libxml2 expose, and a flat scan costs about what a lexbor
parse does (see ``bench/``).
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field

__all__ = [
    "ASCII_LOWER",
    "CELL_BREAK",
    "lowered",
    "IxFact",
    "TextView",
    "html_view",
    "plain_view",
    "looks_like_html",
    "readable",
]

#: what a line break inside a table cell becomes in the text view: white space to regular
#: expressions and ``str.split()``, but not a line of its own, so table rows stay on one line
CELL_BREAK = "\x0b"


#: ASCII letters to lower case, nothing else: the result has the same length, so spans found
#: in it hold in the original, and patterns without IGNORECASE run several times faster on it
ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})


def lowered(text: str) -> str:
    """``text`` in lower case with the same length (so spans carry over): ``str.lower`` where
    it keeps the length (nearly always, and fast), else ASCII letters only."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(ASCII_LOWER)


def readable(text: str) -> str:
    """Text for people: cell-internal line breaks as ordinary ones (same length)."""
    return text.replace(CELL_BREAK, "\n")


# One-for-one character clean-up: same length, so offsets survive.
_PLAIN_CHARS = str.maketrans(
    {
        "\xa0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": " ",
        "\ufeff": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\t": "\t",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\f": "\n",
        "\v": "\n",
    }
)


@dataclass(frozen=True, slots=True)
class IxFact:
    """One inline-XBRL fact: its concept name, text, and where it sits."""

    name: str
    value: str
    format: str | None
    hidden: bool
    span: tuple[int, int] | None  # in the text view (None when hidden)
    source_span: tuple[int, int]  # in the source document
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TextView:
    """Text with a piecewise map from its offsets back to the source.

    Segment *i* says: text from ``_tstart[i]`` maps to source from
    ``_sstart[i]``; when ``_exact[i]`` the mapping advances one for one,
    otherwise the whole segment maps to its source start (an entity, a
    collapsed run of white space).
    """

    text: str
    _tstart: list[int]
    _sstart: list[int]
    _exact: list[bool]
    facts: tuple[IxFact, ...] = ()

    def source_offset(self, i: int) -> int:
        """The source offset of text offset ``i``."""
        k = bisect_right(self._tstart, i) - 1
        if k < 0:
            return 0
        base = self._sstart[k]
        return base + (i - self._tstart[k]) if self._exact[k] else base

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            s = self.source_offset(start)
            return (s, s)
        return (self.source_offset(start), self.source_offset(end - 1) + 1)


class _Builder:
    __slots__ = ("parts", "length", "tstart", "sstart", "exact", "last", "line_start")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.tstart: list[int] = []
        self.sstart: list[int] = []
        self.exact: list[bool] = []
        self.last = "\n"
        self.line_start = 0

    def add(self, s: str, src: int, exact: bool = True) -> None:
        if not s:
            return
        self.tstart.append(self.length)
        self.sstart.append(src)
        self.exact.append(exact)
        self.parts.append(s)
        nl = s.rfind("\n")
        if nl >= 0:
            self.line_start = self.length + nl + 1
        self.length += len(s)
        self.last = s[-1]

    def add_inline(self, s: str, src: int, exact: bool = True) -> None:
        """Running text: a leading space is dropped at a line or cell start."""
        if s[0] == " " and self.last in " \n\t\x0b":
            s = s[1:]
            src += 1
            if not s:
                return
        self.add(s, src, exact)

    def _trim_space(self) -> None:
        while self.parts and self.last in " \x0b":
            p = self.parts[-1][:-1]
            self.length -= 1
            if p:
                self.parts[-1] = p
                self.last = p[-1]
            else:
                self.parts.pop()
                self.tstart.pop()
                self.sstart.pop()
                self.exact.pop()
                self.last = self.parts[-1][-1] if self.parts else "\n"

    def newline(self, src: int, n: int = 1) -> None:
        if self.last in " \x0b":
            self._trim_space()
        if not self.parts:
            return
        if self.last != "\n":  # the common case: no line break yet
            self.add("\n" * n, src, False)
            return
        have = 0
        for p in reversed(self.parts):
            stripped = p.rstrip("\n")
            have += len(p) - len(stripped)
            if stripped:
                break
        if have < n:
            self.add("\n" * (n - have), src, False)

    def tab(self, src: int) -> None:
        """A tab in text laid out by hand: spaces to the next 8-column stop."""
        self.add(" " * (8 - (self.length - self.line_start) % 8), src, False)

    def cell(self, src: int) -> None:
        self._trim_space()
        if self.last != "\n":
            self.add("\t", src, False)

    def view(self, facts: tuple[IxFact, ...] = ()) -> TextView:
        # no trailing spaces or blank lines
        while self.parts:
            kept = self.parts[-1].rstrip(" \n\x0b")
            self.length -= len(self.parts[-1]) - len(kept)
            if kept:
                self.parts[-1] = kept
                break
            self.parts.pop()
            self.tstart.pop()
            self.sstart.pop()
            self.exact.pop()
        return TextView("".join(self.parts), self.tstart, self.sstart, self.exact, facts)


# --- HTML ------------------------------------------------------------------

# Possessive quantifiers and bounded runs: a "<" that never closes costs one short scan, not a
# scan to the end of the document for every such "<" (which would be quadratic).
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<![^<>]{0,4000}>|<\?[^<>]{0,4000}>"
    r"|<(/?)([A-Za-z][\w:.-]*+)((?:[^<>\"']++|\"[^\"]{0,4000}\"|'[^']{0,4000}')*+)>",
    re.S,
)
_ROWS = frozenset(("tr", "table"))
_INLINE = frozenset(
    "font span b i u a strong em sup sub small big s strike tt code abbr acronym cite dfn kbd q samp var ins del"
    " mark wbr nobr o:p".split()
)
_BLOCK2 = frozenset("p h1 h2 h3 h4 h5 h6 hr blockquote pre ul ol dl center title".split())
_BLOCK1 = frozenset(
    "div br tr li dt dd section article header footer form caption thead tbody tfoot page "
    "address fieldset legend nav aside figure figcaption main html body".split()
)
_CELLS = frozenset(("td", "th"))
_SKIP = frozenset(("script", "style", "head", "noscript", "xml", "template"))
_ATTR = re.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.I)
# 1990s plain text carries SGML markup of its own (<TABLE>, <S>, <C>, <PAGE>): those tags
# say nothing, only tags that HTML alone uses do
_LOOKS_HTML = re.compile(r"<(?:html|body|div|p|font|br|td|tr|span|b|i|u|center|hr)[\s>/]", re.I)


def looks_like_html(text: str) -> bool:
    """True when a document is HTML (or iXBRL) rather than plain or SGML-marked text."""
    head = text[:5000]
    if re.search(r"<html[\s>]|<!doctype\s+html|<\?xml[^>]*>\s*<html", head, re.I):
        return True
    return len(_LOOKS_HTML.findall(head)) >= 3


def _attrs(s: str) -> dict[str, str]:
    return {
        m.group(1).lower(): m.group(2)
        if m.group(2) is not None
        else (m.group(3) if m.group(3) is not None else m.group(4))
        for m in _ATTR.finditer(s)
    }


_HTML_CHARS = str.maketrans(
    {**{chr(k): v for k, v in _PLAIN_CHARS.items()}, "\t": " ", "\n": " ", "\r": " ", "\f": " ", "\v": " "}
)
_ENTITY_OR_RUN = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?| {2,}")


def _add_html_text(b: _Builder, raw: str, src: int) -> None:
    """Add a run of character data: entities decoded, white space collapsed.

    White space characters become spaces one for one (offsets stay exact); only
    entities and runs of spaces break the run into segments.
    """
    t = raw.translate(_HTML_CHARS)
    if "&" not in t and "  " not in t:
        b.add_inline(t, src)
        return
    pos = 0
    for m in _ENTITY_OR_RUN.finditer(t):
        ms = m.start()
        if ms > pos:
            b.add_inline(t[pos:ms], src + pos)
        tok = m.group(0)
        if tok[0] == "&":
            ch = html.unescape(tok if tok.endswith(";") else tok + ";")
            if ch == tok + ";" and not tok.endswith(";"):
                ch = tok  # not an entity after all
            ch = ch.translate(_HTML_CHARS)
            if ch.isspace() or not ch:
                ch = " "
            b.add_inline(ch, src + ms, len(ch) == len(tok))
        else:
            b.add_inline(" ", src + ms, False)
        pos = m.end()
    if pos < len(t):
        b.add_inline(t[pos:], src + pos)


_PRE_TOKEN = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|\t|\r\n?")
_BLOCK_TAG = re.compile(r"<(?:p|div|br|tr|td|li|h[1-6]|table)[\s>/]", re.I)


def _add_pre_text(b: _Builder, raw: str, src: int) -> None:
    """Preformatted character data: line breaks and spacing kept, tabs to 8-column stops."""
    pos = 0
    for m in _PRE_TOKEN.finditer(raw):
        ms = m.start()
        if ms > pos:
            b.add(raw[pos:ms].translate(_PLAIN_CHARS), src + pos)
        tok = m.group(0)
        if tok == "\t":
            b.tab(src + ms)
        elif tok[0] == "\r":
            b.add("\n", src + ms, False)
        else:
            ch = html.unescape(tok).translate(_PLAIN_CHARS) or " "
            b.add(ch, src + ms, len(ch) == len(tok))
        pos = m.end()
    if pos < len(raw):
        b.add(raw[pos:].translate(_PLAIN_CHARS), src + pos)


def _preformatted(doc: str) -> bool:
    """Plain text wrapped in a few tags (``<html><body><div>`` and lines): read as if in <pre>."""
    lines = doc.count("\n")
    return lines > 40 and len(_BLOCK_TAG.findall(doc, 0, 200000)) * 20 < lines


def _join_continuations(facts: list[IxFact]) -> list[IxFact]:
    """Facts whose text goes on elsewhere (``continuedAt`` -> ``ix:continuation``) get it all."""
    parts = {f.name[1:]: f for f in facts if f.name.startswith("#")}
    out = []
    for f in facts:
        if f.name.startswith("#"):
            continue
        nxt, seen, value = f.attrs.get("continuedat"), set(), f.value
        while nxt and nxt in parts and nxt not in seen:
            seen.add(nxt)
            value = f"{value} {parts[nxt].value}".strip()
            nxt = parts[nxt].attrs.get("continuedat")
        out.append(f if value == f.value else IxFact(f.name, value, f.format, f.hidden, f.span, f.source_span, f.attrs))
    return out


def html_view(doc: str) -> TextView:
    """The text view of an HTML or inline-XBRL document, with its ix facts."""
    b = _Builder()
    pre = 1 if _preformatted(doc) else 0
    pos = 0
    skip_until: str | None = None
    hidden_depth = 0  # inside ix:header or display:none
    hidden_stack: list[tuple[str, int]] = []  # (tag, how deep the same tag nests inside it)
    fact_stack: list[tuple[str, dict[str, str], int, int, int, bool]] = []
    facts: list[IxFact] = []
    in_cell = False
    hidden_text: list[tuple[int, str]] = []  # text inside hidden parts, for facts
    for m in _TOKEN.finditer(doc):
        start, end = m.span()
        if start > pos and skip_until is None:
            raw = doc[pos:start]
            if hidden_depth:
                hidden_text.append((pos, raw))
            elif not pre and raw.isspace():  # the common case between tags: one space at most
                if b.last not in " \n\t\x0b":
                    b.add(" ", pos, len(raw) == 1)
            else:
                (_add_pre_text if pre else _add_html_text)(b, raw, pos)
        pos = end
        slash, name, attrs_raw = m.groups()
        if name is None:
            continue
        tag = name.lower()
        if tag in _INLINE and not hidden_stack:
            continue  # formatting only: the common case, decided first
        closing = slash == "/"
        if skip_until is not None:
            if closing and tag == skip_until:
                skip_until = None
            continue
        if tag in _SKIP:
            if not closing and not attrs_raw.rstrip().endswith("/"):
                skip_until = tag
            continue
        if tag.startswith("ix:"):
            if tag in ("ix:nonnumeric", "ix:nonfraction", "ix:continuation"):
                if not closing:
                    a = _attrs(attrs_raw)
                    # a continuation is collected like a fact, under its id, and joined below
                    fname = a.get("name", "") if tag != "ix:continuation" else "#" + a.get("id", "")
                    fact_stack.append((fname, a, b.length, pos, len(hidden_text), hidden_depth > 0))
                elif fact_stack:
                    fname, a, tstart, sstart, hstart, hidden = fact_stack.pop()
                    if hidden:
                        value = " ".join(html.unescape("".join(t for _, t in hidden_text[hstart:])).split())
                        span = None
                    else:
                        value = None  # read from the finished text below
                        span = (tstart, b.length)
                    facts.append(IxFact(fname, value or "", a.get("format"), hidden, span, (sstart, start), a))
            elif tag == "ix:header":
                if closing:
                    hidden_depth = max(0, hidden_depth - 1)
                else:
                    hidden_depth += 1
            continue
        if hidden_stack and tag == hidden_stack[-1][0]:
            htag, nested = hidden_stack.pop()
            if not closing:
                hidden_stack.append((htag, nested + 1))
            elif nested:
                hidden_stack.append((htag, nested - 1))
            else:
                hidden_depth = max(0, hidden_depth - 1)
            continue
        if not closing and tag == "div" and "none" in attrs_raw and _HIDDEN_STYLE.search(attrs_raw):
            hidden_stack.append((tag, 0))
            hidden_depth += 1
            continue
        if hidden_depth:
            continue
        if tag in ("pre", "xmp", "listing", "plaintext"):
            b.newline(start, 1)
            pre = pre + 1 if not closing else max(0, pre - 1)
        elif tag in _CELLS:
            if not closing:
                b.cell(start)
            in_cell = not closing
        elif tag in _ROWS:
            in_cell = False
            b.newline(start, 2 if tag == "table" else 1)
        elif tag in _BLOCK2 or tag in _BLOCK1:
            if in_cell:
                # a line break inside a table cell: the row stays on one line, and the
                # cell's own lines are kept apart by a vertical tab (CELL_BREAK)
                if b.last == " ":
                    b._trim_space()
                if b.last not in "\t\n\x0b":
                    b.add(CELL_BREAK, start, False)
            else:
                b.newline(start, 2 if tag in _BLOCK2 else 1)
    if pos < len(doc) and skip_until is None and not hidden_depth:
        (_add_pre_text if pre else _add_html_text)(b, doc[pos:], pos)
    view = b.view()
    if facts:
        text = view.text
        facts = _join_continuations(
            [
                f
                if f.hidden
                else IxFact(
                    f.name,
                    " ".join(text[f.span[0] : f.span[1]].split()) if f.span else f.value,
                    f.format,
                    False,
                    f.span,
                    f.source_span,
                    f.attrs,
                )
                for f in facts
            ]
        )
        view = TextView(view.text, view._tstart, view._sstart, view._exact, tuple(facts))
    return view


# --- plain text ------------------------------------------------------------

# EDGAR's old text markup (<PAGE>, <TABLE>, <S>, <C>, <FN>...), CRLF, and
# markdown escapes such as ``\$`` in research-dataset texts.
_PLAIN_TOKEN = re.compile(
    r"\r\n?|\\(?=[$%&#_*\[\]()~|.+!-])"
    r"|^[ \t]*<PAGE>[ \t]*\d*[ \t]*(?=\r?$)"
    r"|</?(?:TABLE|CAPTION|S|C|FN|F\d+|R|PRE|PAGE)>"
    r"|^[ \t]*(?:Page[ \t]+\d{1,3}(?:[ \t]+of[ \t]+\d{1,3})?|-[ \t]*\d{1,3}[ \t]*-)[ \t]*(?=\r?$)"
    r"|\t",
    re.M | re.I,
)


def plain_view(doc: str) -> TextView:
    """The text view of a plain-text document."""
    b = _Builder()
    pos = 0
    for m in _PLAIN_TOKEN.finditer(doc):
        if m.start() > pos:
            b.add(doc[pos : m.start()].translate(_PLAIN_CHARS), pos)
        tok = m.group(0)
        if tok == "\t":
            # tab stops every eight columns: plain-text columns line up as printed
            b.tab(m.start())
        elif tok[0] == "\r":
            b.add("\n", m.start(), False)
        elif "<PAGE>" in tok.upper() and tok.strip().upper().startswith("<PAGE>"):
            pass  # a page marker line: dropped
        elif tok[0] == "\\":
            pass  # a markdown escape
        else:
            b.add(" " * len(tok), m.start(), False)  # same width keeps text columns aligned
        pos = m.end()
    if pos < len(doc):
        b.add(doc[pos:].translate(_PLAIN_CHARS), pos)
    return b.view()
