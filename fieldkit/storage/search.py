"""Full-text search over the vault, with Arabic as a first-class language.

SQLite's ``unicode61`` tokenizer neither strips Arabic harakat nor folds hamza forms, so
``مسجد`` would not find ``المَسْجِد`` (see NOTES.md, "Arabic search"). All text therefore goes
through one Python normaliser on both sides: :func:`index_text` for what is stored,
:func:`match_expression` for what the user typed, :func:`snippet` for what is shown.

Normalisation (:func:`normalize`)
    NFKC; Arabic harakat (U+0610–061A, U+064B–065F, U+0670, U+06D6–06ED) and tatweel dropped;
    ``أ إ آ ٱ`` → ``ا``, ``ة`` → ``ه``, ``ى`` → ``ي``; hamza on a carrier dropped as for alef
    (``ؤ`` → ``و``, ``ئ`` → ``ي``, so ``مسائل`` and ``مسايل`` meet; ``مسؤول`` and ``مسئول`` still
    differ); Persian ``ی ک`` → ``ي ك`` (Persian keyboards); Arabic-Indic and Extended
    Arabic-Indic digits → ``0–9``; casefold; Latin diacritics and ligatures folded
    (``é`` → ``e``, ``œ`` → ``oe``); Cyrillic and Kazakh letters kept (``й`` stays, ``ё`` → ``е``);
    invisible format characters (ZWJ, ZWNJ, bidi marks, soft hyphen, BOM) dropped; control
    characters become spaces; lone surrogates are removed.

Arabic clitics
    The index holds each Arabic token plus the token without a leading article or
    preposition+article (``ال بال وال فال كال لل``) and without a single conjunction ``و``/``ف``
    (when at least three letters remain), so that ``مسجد``, ``المسجد`` and ``المَسْجِد`` all
    find ``بالمسجد``. Query terms lose only the article forms, never a lone ``و``/``ف``
    (``وزير`` must not become ``زير``). No variant shorter than two letters is made.

The FTS5 table uses the ``ascii`` tokenizer on purpose: every non-ASCII character is a token
character, so FTS5 splits the normalised text exactly at the spaces Python put there and a
quoted query term is always exactly one FTS5 token (``unicode61`` would split some letters
that Python calls letters, and an empty phrase makes an AND match nothing).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Final

__all__ = [
    "MAX_QUERY_CHARS",
    "MAX_QUERY_TERMS",
    "MIN_PREFIX_CHARS",
    "SCHEMA",
    "SearchIndex",
    "index_text",
    "match_expression",
    "normalize",
    "snippet",
    "tokens",
]

#: Only this many characters of a query are read (a pasted page is not a query).
MAX_QUERY_CHARS: Final = 1000
#: At most this many terms are ANDed; further words are ignored.
MAX_QUERY_TERMS: Final = 16
#: The last query term is a prefix query only from this many characters on: a one-letter
#: prefix matches nearly every record and costs a scan of the whole index.
MIN_PREFIX_CHARS: Final = 2

#: bm25 column weights: (title, body).
TITLE_WEIGHT: Final = 5.0
BODY_WEIGHT: Final = 1.0

#: Creates the index; statements are separated by ";\n" (the vault's migration splits there).
#: Contentless (the vault keeps the original text), rows deletable, and deleted terms are
#: removed from the index at once (``secure-delete``) so a deleted testimony leaves no words
#: behind. ``prefix='2 3'`` keeps prefix queries typed while searching fast.
SCHEMA: Final = """\
CREATE VIRTUAL TABLE search_index USING fts5(
    title, body,
    content='', contentless_delete=1,
    tokenize='ascii',
    prefix='2 3'
);
INSERT INTO search_index(search_index, rank) VALUES ('secure-delete', 1)
"""


# --- normalisation ------------------------------------------------------------------------

def _build_fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    # Arabic harakat, Quranic marks, superscript alef, tatweel.
    for lo, hi in ((0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED),
                   (0x0640, 0x0640)):
        for cp in range(lo, hi + 1):
            table[cp] = None
    # Combining diacritical marks left over after NFKC (Latin ones are folded below).
    for cp in range(0x0300, 0x0370):
        table[cp] = None
    # Invisible format characters: joiners, bidi marks and embeddings, soft hyphen, BOM.
    for cp in (0x00AD, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x061C,
               *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[cp] = None
    table[0x200B] = " "  # zero-width space separates words
    # Control characters (NUL included) become spaces; lone surrogates disappear.
    for cp in (*range(0x00, 0x20), *range(0x7F, 0xA0)):
        if chr(cp) not in "\t\n\r":
            table[cp] = " "
    for cp in range(0xD800, 0xE000):
        table[cp] = None
    # Arabic letter forms.
    for ch in "أإآٱٲٳ":
        table[ord(ch)] = "ا"
    table[ord("ة")] = "ه"
    table[ord("ى")] = "ي"
    table[ord("ؤ")] = "و"
    table[ord("ئ")] = "ي"
    table[ord("ی")] = "ي"  # Persian yeh
    table[ord("ک")] = "ك"  # Persian kaf (keheh)
    for i in range(10):
        table[0x0660 + i] = str(i)
        table[0x06F0 + i] = str(i)
    # Latin letters with diacritics → base letters (casefold has run before, but map both).
    for cp in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)):
        decomposed = unicodedata.normalize("NFD", chr(cp))
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        if base and base != chr(cp) and base.isascii():
            table[cp] = base.lower()
    for src, dst in (("œ", "oe"), ("æ", "ae"), ("ø", "o"), ("đ", "d"), ("ł", "l"),
                     ("ħ", "h"), ("ı", "i"), ("ŀ", "l")):
        table[ord(src)] = dst
        table[ord(src.upper())] = dst
    # Cyrillic: ё → е (й, Kazakh ә ғ қ ң ө ұ ү һ і stay letters of their own).
    table[ord("ё")] = "е"
    table[ord("Ё")] = "е"
    return table


_FOLD: Final = _build_fold_table()
_TOKEN: Final = re.compile(r"[^\W_]+")


def normalize(text: str) -> str:
    """Fold ``text`` for search (see the module docstring). Idempotent."""
    s = text
    for _ in range(8):
        t = unicodedata.normalize("NFKC", s).casefold().translate(_FOLD)
        if t == s:
            break
        s = t
    return s


def tokens(text: str) -> list[str]:
    """The normalised word tokens (runs of letters and digits) of ``text``, in order."""
    return _TOKEN.findall(normalize(text))


# Longest first: "وال" before "ال".
_ARTICLES: Final = ("وال", "فال", "بال", "كال", "لل", "ال")
_CONJUNCTIONS: Final = ("و", "ف")
_MIN_STEM: Final = 2
_MIN_AFTER_CONJUNCTION: Final = 3


def _is_arabic(token: str) -> bool:
    return "\u0620" <= token[0] <= "\u06ff"


def _strip_article(token: str) -> str | None:
    for article in _ARTICLES:
        if token.startswith(article) and len(token) - len(article) >= _MIN_STEM:
            return token[len(article):]
    return None


@functools.lru_cache(maxsize=1 << 16)
def _variants(token: str) -> tuple[str, ...]:
    """``token`` followed by its clitic-stripped forms (Arabic only), without duplicates.
    Cached: indexing sees the same words over and over."""
    if not _is_arabic(token):
        return (token,)
    out = [token]
    stripped = _strip_article(token)
    if stripped is not None:
        out.append(stripped)
    if token[0] in _CONJUNCTIONS and len(token) - 1 >= _MIN_AFTER_CONJUNCTION:
        rest = token[1:]
        if rest not in out:
            out.append(rest)
        inner = _strip_article(rest)
        if inner is not None and inner not in out:
            out.append(inner)
    return tuple(out)


def index_text(text: str) -> str:
    """What goes into the FTS index for ``text``: tokens and their Arabic variants."""
    out: list[str] = []
    for token in tokens(text):
        out.extend(_variants(token))
    return " ".join(out)


def _query_term(token: str) -> str:
    if _is_arabic(token):
        stripped = _strip_article(token)
        if stripped is not None:
            return stripped
    return token


def _query_terms(query: str) -> tuple[list[str], str | None]:
    """(exact terms, prefix term) of a user's query, as :func:`match_expression` uses them."""
    toks = tokens(query[:MAX_QUERY_CHARS])[:MAX_QUERY_TERMS]
    terms = [_query_term(t) for t in toks]
    if not terms:
        return [], None
    last = terms.pop()
    exact: list[str] = []
    for term in terms:
        if term not in exact:
            exact.append(term)
    if len(last) < MIN_PREFIX_CHARS:
        if last not in exact:
            exact.append(last)
        return exact, None
    return exact, last


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match_expression(query: str) -> str | None:
    """A safe FTS5 MATCH expression for what a user typed, or None if nothing is searchable.

    Every term is a double-quoted string (so ``"``, ``*``, ``NEAR``, ``AND``, ``:`` typed by a
    user are plain text), normalised and article-stripped like the index; terms are ANDed;
    the last one is a prefix query (``"term"*``) when it has at least
    :data:`MIN_PREFIX_CHARS` characters, so results appear while typing.
    """
    exact, prefix = _query_terms(query)
    parts = [_quote(t) for t in exact]
    if prefix is not None:
        parts.append(_quote(prefix) + "*")
    return " AND ".join(parts) if parts else None


# --- snippets -----------------------------------------------------------------------------

# A word of the ORIGINAL text: letters and digits with the marks and joiners normalisation
# removes from inside words (harakat, tatweel, Latin combining marks, ZWJ/ZWNJ).
_ORIGINAL_WORD: Final = re.compile(
    r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed"
    r"\u00ad\u200c\u200d])+")
_SPACE: Final = re.compile(r"\s+")
_ELLIPSIS: Final = "…"


@lru_cache(maxsize=65536)
def _word_forms(word: str) -> tuple[str, ...]:
    forms: list[str] = []
    for token in tokens(word):
        forms.extend(_variants(token))
    return tuple(forms)


def _matches(forms: tuple[str, ...], exact: frozenset[str], prefix: str | None) -> bool:
    return any(form in exact or (prefix is not None and form.startswith(prefix))
               for form in forms)


def snippet(original: str, query: str, *, words: int = 12,
            mark: tuple[str, str] = ("[", "]"),
            escape: Callable[[str], str] | None = None) -> str:
    """About ``words`` words of ``original`` around the first word that matches ``query``.

    The text is the original (diacritics kept), with runs of white space collapsed; matched
    words are wrapped in ``mark``; "…" marks a cut end. Without a match, the start of the
    text. ``escape`` (e.g. ``html.escape``) is applied to the text but not to the marks, for
    callers that render rich text.
    """
    esc: Callable[[str], str] = escape if escape is not None else (lambda s: s)
    words = max(1, words)
    spans = [m.span() for m in _ORIGINAL_WORD.finditer(original)]
    if not spans:
        return esc(_SPACE.sub(" ", original).strip())
    exact_list, prefix = _query_terms(query)
    exact = frozenset(exact_list)
    searching = bool(exact) or prefix is not None

    first = -1
    if searching:
        for i, (a, b) in enumerate(spans):
            if _matches(_word_forms(original[a:b]), exact, prefix):
                first = i
                break
    n = len(spans)
    start = 0 if first < 0 else max(0, first - words // 3)
    end = min(n, start + words)
    start = max(0, end - words)

    out: list[str] = []
    if start > 0:
        out.append(_ELLIPSIS)
    else:
        out.append(esc(_SPACE.sub(" ", original[:spans[0][0]]).lstrip()))
    for i in range(start, end):
        a, b = spans[i]
        if i > start:
            out.append(esc(_SPACE.sub(" ", original[spans[i - 1][1]:a])))
        word = esc(original[a:b])
        if first >= 0 and (i == first or _matches(_word_forms(original[a:b]), exact, prefix)):
            out.append(mark[0] + word + mark[1])
        else:
            out.append(word)
    if end < n:
        out.append(_ELLIPSIS)
    else:
        out.append(esc(_SPACE.sub(" ", original[spans[-1][1]:]).rstrip()))
    return "".join(out)


# --- the index ----------------------------------------------------------------------------

class SearchIndex:
    """The vault's FTS5 index (table ``search_index``, created by :data:`SCHEMA`).

    ``rowid`` is the incident's integer rowid in the vault. Writes join the caller's
    transaction; the caller commits. Database errors (locked, corrupt) propagate; text typed
    by a user never makes a search raise.
    """

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def put(self, rowid: int, *, title: str, body: str) -> None:
        """Index (or re-index) one incident."""
        self._conn.execute(
            "INSERT OR REPLACE INTO search_index(rowid, title, body) VALUES (?, ?, ?)",
            (int(rowid), index_text(title), index_text(body)))

    def delete(self, rowid: int) -> None:
        """Remove an incident from the index (a no-op if it is not there)."""
        self._conn.execute("DELETE FROM search_index WHERE rowid = ?", (int(rowid),))

    def search(self, query: str, *, limit: int = 50, offset: int = 0) -> list[tuple[int, float]]:
        """(rowid, bm25 rank) pairs, best first (bm25 ranks are negative: lower is better)."""
        expr = match_expression(query)
        if expr is None or limit <= 0:
            return []
        rows = self._conn.execute(
            "SELECT rowid, bm25(search_index, ?, ?) AS r FROM search_index "
            "WHERE search_index MATCH ? ORDER BY r, rowid LIMIT ? OFFSET ?",
            (TITLE_WEIGHT, BODY_WEIGHT, expr, int(limit), max(0, int(offset)))).fetchall()
        return [(int(rowid), float(rank)) for rowid, rank in rows]

    def count(self, query: str) -> int:
        """How many incidents match ``query`` (0 for an empty or unsearchable query)."""
        expr = match_expression(query)
        if expr is None:
            return 0
        row = self._conn.execute(
            "SELECT count(*) FROM search_index WHERE search_index MATCH ?", (expr,)).fetchone()
        return int(row[0])
