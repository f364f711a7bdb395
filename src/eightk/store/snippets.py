"""Result snippets: the stretch of a matching text where most of the query's terms meet.

FTS5's ``snippet()`` tokenizes the whole text to place its window, which costs ~1 ms per
long exhibit: twenty of them were a search page's largest cost. This finds the query's terms
with one compiled regular expression and stems only the words it finds (Porter, as the
index's ``porter`` tokenizer does), so a snippet costs what its matches cost, not the
text's length. Which texts match is still FTS5's decision; this only shows where.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer  # type: ignore[import-untyped]

_STEMMER = snowballstemmer.stemmer("porter")
_TERM = re.compile(r"(?:\b\w+:)?(\w+)(\*?)", re.UNICODE)  # ``body:dismiss*`` -> dismiss, prefix
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # unicode61 tokens: letters and digits
SPAN = 80  # characters a snippet's matches may spread over
LOOK = 20_000  # characters looked at past the best stretch for a better one


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    return str(_STEMMER.stemWord(word.lower()))


@dataclass(frozen=True, slots=True)
class Terms:
    stems: frozenset[str]  # whole terms, stemmed
    prefixes: tuple[str, ...]  # prefix terms (``resign*``), lower case
    pattern: re.Pattern[str] | None  # candidate words


@lru_cache(maxsize=256)
def terms(query: str) -> Terms:
    """The query's terms: its words without FTS5 operators and column names."""
    stems: set[str] = set()
    prefixes: list[str] = []
    for m in _TERM.finditer(query):
        word, star = m.group(1), m.group(2)
        if word in _OPERATORS:
            continue
        for w in _WORD.findall(word):
            if star and w == _WORD.findall(word)[-1]:
                prefixes.append(w.lower())
            else:
                stems.add(stem(w))
    # a candidate starts like a stem (less its last letter: "happi" is the stem of "happy")
    starts = sorted({s[:-1] if len(s) > 3 else s for s in stems} | set(prefixes), key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, starts))) if starts else None
    return Terms(frozenset(stems), tuple(prefixes), pattern)


def _words(text: str, t: Terms) -> Iterator[tuple[int, int, str]]:
    """(start, end, term) of each word of ``text`` that is one of the query's terms."""
    if t.pattern is None:
        return
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): offsets would shift
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for m in t.pattern.finditer(low):  # a plain alternation: far faster than re.I
        start = m.start()
        if start and _WORD.match(text, start - 1):
            continue  # inside a word
        w = _WORD.match(text, start)
        if w is None:
            continue
        term = _term_of(w.group(), t)
        if term is not None:
            yield start, w.end(), term


def _term_of(word: str, t: Terms) -> str | None:
    low = word.lower()
    for p in t.prefixes:
        if low.startswith(p):
            return p + "*"
    s = stem(low)
    return s if s in t.stems else None


def _starts_word(text: str, at: int) -> bool:
    return at == 0 or not _WORD.match(text, at - 1)


def snippet(text: str, query: str, marks: tuple[str, str] = ("[", "]"), words: int = 12) -> str:
    """About ``words`` words of ``text`` around the densest meeting of the query's terms,
    each term found wrapped in ``marks``, ``…`` where the text goes on."""
    t = terms(query)
    hits: list[tuple[int, int, str]] = []  # (start, end, term) of the best stretch
    every = len(t.stems) + len(t.prefixes)
    run: list[tuple[int, int, str]] = []  # the hits within SPAN characters of the latest
    best_n = 0
    for start, end, term in _words(text, t):
        if hits and start - hits[0][0] > LOOK:
            break  # far past the best stretch yet: a closer look costs more than it finds
        run.append((start, end, term))
        while end - run[0][0] > SPAN:
            run.pop(0)
        n = len({h[2] for h in run})
        if n > best_n:
            hits, best_n = list(run), n
            if n == every:
                break  # every term in one stretch: none better follows
    if hits:
        anchor, last = hits[0][0], hits[-1][1]
        # as many words before the first hit as leave room for the stretch (at most three)
        lead = max(0, min(3, words - len(_WORD.findall(text, anchor, last))))
    else:
        anchor, lead = 0, 0  # matched in the label, or by a word this does not stem alike: the start
    edge = max(0, anchor - 80)
    before = [w for w in _WORD.finditer(text, edge, anchor) if w.start() > edge or _starts_word(text, edge)]
    before = before[len(before) - lead :] if lead else []
    lo = before[0].start() if before else anchor
    hi = lo
    for n, w in enumerate(_WORD.finditer(text, lo)):
        hi = w.end()
        if n + 1 >= words:
            break
    more_before, more_after = _WORD.search(text, 0, lo) is not None, _WORD.search(text, hi) is not None
    lo, hi = (lo if more_before else 0), (hi if more_after else len(text))  # ends kept whole
    out: list[str] = ["…"] if more_before else []
    at = lo
    for start, end, _ in _words(text[lo:hi], t):
        out += [text[at : lo + start], marks[0], text[lo + start : lo + end], marks[1]]
        at = lo + end
    out.append(text[at:hi])
    if more_after:
        out.append("…")
    return "".join(out)
