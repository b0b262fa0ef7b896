"""Text in PDFs that reads right in Arabic, Latin, digits and Cyrillic, mixed.

reportlab alone gets Arabic wrong (see NOTES.md, "Arabic in reportlab 5.1 PDFs"). This
module does the text layout itself and hands reportlab only positioned glyphs
(docs/adr/0009-arabic-in-pdf.md):

1. wrap the *logical* text into lines (word widths from shaped words; ids wrapped by
   :func:`isolate_ltr` never break);
2. per line, the Unicode bidi algorithm (python-bidi's pure-Python ``bidi.algorithm``)
   gives level runs, put in visual order; the paragraph's base direction is its first
   strong character unless the caller says otherwise;
3. each run is shaped word by word with harfbuzz, direction forced by its level (odd =
   right-to-left: digits stay in order, brackets mirror), in the font that covers it:
   Amiri for Arabic and Latin, Noto Sans for Cyrillic/Kazakh (and the Latin words of a
   paragraph that holds Cyrillic), Noto Sans Arabic as a last Arabic resort, DejaVu Sans
   Mono for ``mono`` text;
4. the glyphs are drawn left to right at harfbuzz's positions, with codes whose ToUnicode
   entries (:mod:`fieldkit.export.fonts`) and an invisible text layer (:class:`Shaped`)
   make ``pdftotext`` return what was typed, in logical order.

Shaped words, word widths, bidi levels, line layouts and each word's PDF operators are
cached: a dossier repeats its labels and words thousands of times.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from typing import Any, Literal

import uharfbuzz as hb
from bidi import algorithm as bidi_algorithm
from reportlab.platypus.flowables import Flowable

from fieldkit.errors import ValidationError
from fieldkit.export import fonts as fk_fonts
from fieldkit.export.fonts import FontSet, GlyphFont

Direction = Literal["auto", "rtl", "ltr"]
Align = Literal["start", "end", "center"]

LRE = "\u202a"
RLE = "\u202b"
PDF = "\u202c"
LRO = "\u202d"
RLO = "\u202e"
LRI = "\u2066"
RLI = "\u2067"
FSI = "\u2068"
PDI = "\u2069"
LRM = "\u200e"
RLM = "\u200f"
ALM = "\u061c"
# Explicit bidi controls: they steer the algorithm and are never drawn or extracted.
_CONTROLS = frozenset(LRE + RLE + PDF + LRO + RLO + LRI + RLI + FSI + PDI + LRM + RLM + ALM)
_STRIP_CONTROLS = {ord(c): None for c in _CONTROLS}

# Bidi classes that make a line need the full algorithm rather than a single run.
_RTL_CLASSES = frozenset({"R", "AL"})
_NUMBER_CLASSES = frozenset({"EN", "AN"})


@dataclass(frozen=True)
class TextStyle:
    """How text looks. ``leading`` defaults to 1.5 × size (Arabic needs room for marks)."""

    size: float = 10
    leading: float | None = None
    bold: bool = False
    mono: bool = False
    color: tuple[float, float, float] = (0, 0, 0)

    @property
    def line_height(self) -> float:
        return self.leading if self.leading is not None else self.size * 1.5


# --- fonts per character ----------------------------------------------------------------

def _is_arabic(ch: str) -> bool:
    o = ord(ch)
    return (0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0x0870 <= o <= 0x08FF
            or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF)


_CYRILLIC = re.compile("[\u0400-\u052f]")


def _preference(style: TextStyle, text: str) -> str:
    """Which font non-Arabic characters of ``text`` prefer (see :func:`_font_runs`)."""
    if style.mono:
        return "mono"
    return "noto" if _CYRILLIC.search(text) else "amiri"


def _font_runs(text: str, fonts: FontSet, pref: str) -> list[tuple[GlyphFont, str]]:
    """Split logical ``text`` into runs of one font each.

    ``pref`` (see :func:`_preference`) orders the fonts for non-Arabic text: "amiri"
    (Amiri, Noto Sans, Noto Sans Arabic), "noto" for text that holds Cyrillic, so its
    Latin words match (Noto Sans first), "mono" (DejaVu Sans Mono, Noto Sans, Amiri).
    Arabic script always goes to Amiri, then Noto Sans Arabic (the mono font has Arabic
    glyphs but does not join them). Inside a word, a character stays in the previous
    character's font when that font has it (digits and punctuation after Arabic letters).
    """
    arabic = (fonts.amiri, fonts.noto_arabic)
    if pref == "mono":
        other: tuple[GlyphFont, ...] = (fonts.mono, fonts.noto, fonts.amiri)
    elif pref == "noto":
        other = (fonts.noto, fonts.amiri, fonts.noto_arabic)
    else:
        other = (fonts.amiri, fonts.noto, fonts.noto_arabic)
    runs: list[tuple[GlyphFont, str]] = []
    current: GlyphFont | None = None
    start = 0
    for i, ch in enumerate(text):
        if _is_arabic(ch):
            candidates: Sequence[GlyphFont] = arabic
        else:
            candidates = other
        if current is not None:
            sticky = current.covers(ch) and (current in candidates or not ch.isalpha())
            if sticky or unicodedata.combining(ch) or ch in "\u200c\u200d":
                continue
        chosen = next((f for f in candidates if f.covers(ch)), candidates[0])
        if chosen is not current:
            if current is not None and i > start:
                runs.append((current, text[start:i]))
            current, start = chosen, i
    if current is not None:
        runs.append((current, text[start:]))
    return runs


# --- shaping ----------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)  # identity: shape() is cached, and hashing is hot
class Shaped:
    """One run shaped by harfbuzz, ready to draw; positions in em (1.0 = font size) from the
    run's left end.

    Text extractors (poppler) rebuild words from glyph boxes: they break a word at any
    baseline shift, and at a glyph starting less than 0.1 em after the previous one. So a
    run is drawn in two layers:

    - ``text``: (code, x, invisible), left to right on the baseline, boxes tiling the run.
      A cluster of one glyph for one character, not moved by an offset, is drawn as
      itself. Any other cluster (a letter with marks, a ligature, a glyph Amiri moves by
      cursive attachment) gets one invisible glyph per character (render mode 3), spread
      evenly over the cluster's advance in visual order, each extracting as its character;
    - ``decor``: (code, x, y), the visible glyphs of those clusters, drawn after the text
      layer with codes that extract as nothing.
    """

    font: GlyphFont
    source: str  # the logical text that was shaped
    text: tuple[tuple[int, float, bool], ...]
    decor: tuple[tuple[int, float, float], ...]
    gids: tuple[int, ...]
    width: float


@lru_cache(maxsize=65536)
def shape(font: GlyphFont, text: str, rtl: bool) -> Shaped:
    """Shape ``text`` (logical order, one font) in the given direction (see :class:`Shaped`
    for how it is drawn and extracted)."""
    buf = hb.Buffer()
    buf.add_codepoints([ord(c) for c in text])
    buf.direction = "rtl" if rtl else "ltr"
    buf.guess_segment_properties()
    hb.shape(font.hb_font, buf, {})
    infos = buf.glyph_infos
    positions = buf.glyph_positions
    scale = 1000 / font.units_per_em
    # Integers in 1/1000 em, so code widths and positions agree exactly.
    adv = [round(p.x_advance * scale) for p in positions]
    xoff = [round(p.x_offset * scale) for p in positions]
    yoff = [round(p.y_offset * scale) for p in positions]
    starts = sorted({info.cluster for info in infos})
    end_of = {c: (starts[k + 1] if k + 1 < len(starts) else len(text))
              for k, c in enumerate(starts)}

    # Clusters in visual order: harfbuzz keeps each cluster's glyphs together.
    groups: list[list[int]] = []
    for i, info in enumerate(infos):
        if groups and infos[groups[-1][0]].cluster == info.cluster:
            groups[-1].append(i)
        else:
            groups.append([i])

    text_layer: list[tuple[int, float, bool]] = []
    decor: list[tuple[int, float, float]] = []
    pen = 0
    for idxs in groups:
        c = infos[idxs[0]].cluster
        chars = text[c:end_of[c]]
        span = sum(adv[i] for i in idxs)
        if len(idxs) == 1 and len(chars) == 1 and not xoff[idxs[0]] and not yoff[idxs[0]]:
            i = idxs[0]
            text_layer.append((font.code_for(infos[i].codepoint, chars, adv[i]), pen / 1000,
                               False))
        else:
            x = pen
            for i in idxs:
                decor.append((font.code_for(infos[i].codepoint, "", 0),
                              (x + xoff[i]) / 1000, yoff[i] / 1000))
                x += adv[i]
            visual = chars[::-1] if rtl else chars
            gid = infos[idxs[0]].codepoint
            for k, ch in enumerate(visual):
                a, b = pen + span * k // len(visual), pen + span * (k + 1) // len(visual)
                text_layer.append((font.code_for(gid, ch, b - a), a / 1000, True))
        pen += span
    return Shaped(font=font, source=text, text=tuple(text_layer), decor=tuple(decor),
                  gids=tuple(info.codepoint for info in infos), width=pen / 1000)


# --- bidi -------------------------------------------------------------------------------

def base_is_rtl(text: str, direction: Direction = "auto") -> bool:
    """The paragraph direction: as given, or from its first strong character (LTR if none)."""
    if direction == "rtl":
        return True
    if direction == "ltr":
        return False
    if direction != "auto":
        raise ValidationError(f"Unknown text direction {direction!r}",
                              hint='Use "auto", "rtl" or "ltr".')
    return bool(bidi_algorithm.get_base_level(text) == 1)


_levels_cache: dict[tuple[tuple[str, ...], bool], tuple[int | None, ...]] = {}


# The classes python-bidi's algorithm knows, each with a character of that class. It
# predates isolates (UBA 6.3), so those become embeddings; separators (tab, U+2029) and
# unassigned code points, which a line cannot otherwise hold, count as space and L.
_REPRESENTATIVE = {
    "L": "a", "R": "\u05d0", "AL": "\u0627", "EN": "1", "ES": "+", "ET": "$", "AN": "\u0661",
    "CS": ",", "NSM": "\u0300", "BN": "\u200b", "WS": " ", "ON": "!",
    "LRE": LRE, "RLE": RLE, "PDF": PDF, "LRO": LRO, "RLO": RLO,
}
_CLASS_OF = {cls: cls for cls in _REPRESENTATIVE} | {
    "LRI": "LRE", "RLI": "RLE", "FSI": "LRE", "PDI": "PDF", "B": "WS", "S": "WS"}


def _folded_levels(signature: tuple[str, ...], rtl: bool) -> tuple[int | None, ...]:
    """Resolved levels (X1-I2) of a line given as its sequence of bidi classes, None where
    X9 removed the character.

    The algorithm looks only at classes, so it runs on one representative character per
    class and results are cached by the sequence: lines that differ only in their words
    share one computation.
    """
    folded = "".join(_REPRESENTATIVE[cls] for cls in signature)
    key = (signature, rtl)
    levels = _levels_cache.get(key)
    if levels is not None:
        return levels
    storage = bidi_algorithm.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    bidi_algorithm.get_embedding_levels(folded, storage)
    for k, ch in enumerate(storage["chars"]):
        ch["idx"] = k
    bidi_algorithm.explicit_embed_and_overrides(storage)
    bidi_algorithm.resolve_weak_types(storage, False)
    bidi_algorithm.resolve_neutral_types(storage, False)
    bidi_algorithm.resolve_implicit_levels(storage, False)
    out: list[int | None] = [None] * len(folded)
    for ch in storage["chars"]:
        out[ch["idx"]] = ch["level"]
    if len(_levels_cache) > 50_000:
        _levels_cache.clear()
    levels = _levels_cache[key] = tuple(out)
    return levels


# Bidi classes whose runs can be folded to one character before running the algorithm: no
# rule looks inside a run of one of these classes, so one representative resolves the same.
_FOLDABLE = frozenset({"L", "R", "AL", "EN", "AN", "WS"})


@lru_cache(maxsize=32768)
def visual_runs(line: str, rtl: bool) -> tuple[tuple[str, int], ...]:
    """The level runs of one line, in visual order (left to right), each as
    (logical text without bidi controls, level); odd levels read right to left.

    Levels come from python-bidi's pure-Python algorithm (X1-I2) run on the line with each
    run of same-class characters folded to one (a 60-character line becomes about 20,
    which is what makes this fast enough); L2 reordering is then done on whole level runs.
    Mirroring (L4) is left to harfbuzz, which mirrors brackets in right-to-left runs, so
    the extracted text keeps the typed bracket.
    """
    if not line:
        return ()
    classes = [unicodedata.bidirectional(c) for c in line]
    kinds = set(classes)
    if not any(c in _CONTROLS for c in line):
        if not rtl and not (kinds & _RTL_CLASSES) and "AN" not in kinds:
            return ((line, 0),)
        if rtl and "L" not in kinds and not (kinds & _NUMBER_CLASSES):
            return ((line, 1),)
    # Fold runs of one foldable class: spans[k] is the original range of folded char k.
    spans: list[tuple[int, int]] = []
    i = 0
    for cls, group in groupby(classes):
        n = sum(1 for _ in group)
        if cls in _FOLDABLE:
            spans.append((i, i + n))
        else:
            spans.extend((k, k + 1) for k in range(i, i + n))
        i += n
    signature = tuple(_CLASS_OF.get(classes[lo], "L") for lo, _ in spans)
    levels = _folded_levels(signature, rtl)
    # Level runs in logical order, as (level, start, end). Folded characters that X9 removed
    # (bidi controls, zero-width joiners) fall inside the run around them: controls are
    # stripped from its text, joiners stay inside their word.
    runs: list[list[int]] = []
    for (lo, hi), level in zip(spans, levels, strict=True):
        if level is None:
            continue
        if runs and runs[-1][0] == level:
            runs[-1][2] = hi
        else:
            if runs:
                runs[-1][2] = lo
            runs.append([level, lo, hi])
    if not runs:
        return ()
    runs[0][1] = 0
    runs[-1][2] = len(line)
    # L2: from the highest level down to the lowest odd one, reverse every sequence of runs
    # at that level or above.
    order = list(range(len(runs)))
    present = [r[0] for r in runs]
    odd = [lv for lv in present if lv % 2]
    if odd:
        for level in range(max(present), min(odd) - 1, -1):
            k = 0
            while k < len(order):
                if runs[order[k]][0] >= level:
                    j = k
                    while j < len(order) and runs[order[j]][0] >= level:
                        j += 1
                    order[k:j] = order[k:j][::-1]
                    k = j
                else:
                    k += 1
    out = []
    for k in order:
        lv, lo, hi = runs[k]
        text = line[lo:hi].translate(_STRIP_CONTROLS)
        if text:
            out.append((text, lv))
    return tuple(out)


# --- lines ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    """One laid-out line: shaped pieces in visual order, width in em."""

    pieces: tuple[Shaped, ...]
    width: float
    rtl: bool
    text: str


_TOKEN_RE = re.compile(r"\s+|\S+")


@lru_cache(maxsize=65536)
def _shape_token(token: str, rtl: bool, bold: bool, pref: str) -> tuple[Shaped, ...]:
    """A word (or a run of spaces) shaped in one direction, font runs in visual order.

    Lines are shaped word by word: Arabic letters never join across a space, and words
    repeat, so the cache does most of the work in a dossier.
    """
    fonts = fk_fonts.font_set(bold=bold)
    shaped = [shape(font, part, rtl) for font, part in _font_runs(token, fonts, pref)]
    if rtl:
        shaped.reverse()
    return tuple(shaped)


@lru_cache(maxsize=32768)
def layout_line(line: str, rtl: bool, bold: bool, pref: str) -> Line:
    """Bidi-reorder and shape one line of logical text."""
    pieces: list[Shaped] = []
    for run_text, level in visual_runs(line, rtl):
        run_rtl = level % 2 == 1
        tokens = _TOKEN_RE.findall(run_text)
        if run_rtl:
            tokens.reverse()
        for token in tokens:
            pieces.extend(_shape_token(token, run_rtl, bold, pref))
    return Line(pieces=tuple(pieces), width=sum(p.width for p in pieces), rtl=rtl,
                text=line)


@lru_cache(maxsize=65536)
def _word_width(word: str, bold: bool, pref: str) -> float:
    rtl = any(_is_arabic(c) for c in word)
    return sum(p.width for p in _shape_token(word, rtl, bold, pref))


def _space_width(bold: bool, pref: str) -> float:
    return _word_width(" ", bold, pref)


_SPACES = re.compile("[ \t\u00a0]+")
_WORD_BREAKS = re.compile("[\u202a-\u202e\u2066-\u2069]|[ \t\u00a0]+")
_OPENERS = {LRE: PDF, RLE: PDF, LRO: PDF, RLO: PDF, LRI: PDI, RLI: PDI, FSI: PDI}


def _words(text: str) -> list[str]:
    """Split a paragraph at spaces, except inside an embedding or isolate: an id or phone
    number wrapped by :func:`isolate_ltr` never breaks across lines."""
    if not any(c in _OPENERS for c in text):
        return [w for w in _SPACES.split(text) if w]
    words: list[str] = []
    depth = 0
    start = 0
    for m in _WORD_BREAKS.finditer(text):
        token = m.group()
        if token in _OPENERS:
            depth += 1
        elif token in (PDF, PDI):
            depth = max(0, depth - 1)
        elif depth == 0:
            if m.start() > start:
                words.append(text[start:m.start()])
            start = m.end()
    if start < len(text):
        words.append(text[start:])
    return words


def _break_long_word(word: str, max_em: float, bold: bool, pref: str) -> list[str]:
    """Cut a word wider than the line (a hash, a URL) at character boundaries; an
    embedding open at a cut is closed there and reopened on the next piece.

    Cuts come from per-character widths (cached; shaping every prefix made a 64-character
    hash cost 64 shapes). Exact for ids and hashes; a cut Arabic word, whose joined forms
    differ a little from the isolated ones, may overshoot the line by a few percent.
    """
    pieces: list[str] = []
    current = ""
    width = 0.0
    stack: list[str] = []
    for ch in word:
        w = 0.0 if ch in _CONTROLS else _word_width(ch, bold, pref)
        closing = "".join(_OPENERS[c] for c in reversed(stack))
        if (width > 0 and w > 0 and not unicodedata.combining(ch) and width + w > max_em):
            pieces.append(current + closing)
            current, width = "".join(stack), 0.0
        current += ch
        width += w
        if ch in _OPENERS:
            stack.append(ch)
        elif ch in (PDF, PDI) and stack:
            stack.pop()
    if current:
        pieces.append(current)
    return pieces


def wrap_paragraph(text: str, max_em: float, bold: bool, pref: str) -> list[str]:
    """Greedy wrap of one logical paragraph (no newlines) into logical lines."""
    words = _words(text.strip())
    if not words:
        return [""]
    space = _space_width(bold, pref)
    lines: list[str] = []
    current: list[str] = []
    width = 0.0
    for word in words:
        w = _word_width(word, bold, pref)
        parts = _break_long_word(word, max_em, bold, pref) if w > max_em else [word]
        for part in parts:
            pw = w if len(parts) == 1 else _word_width(part, bold, pref)
            if current and width + space + pw > max_em:
                lines.append(" ".join(current))
                current, width = [], 0.0
            width = pw if not current else width + space + pw
            current.append(part)
    if current:
        lines.append(" ".join(current))
    return lines


def layout(text: str, style: TextStyle, width: float | None,
           direction: Direction = "auto") -> list[Line]:
    """Lay out ``text`` (newlines separate paragraphs) into lines of at most ``width`` points
    (no limit when None)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    lines: list[Line] = []
    max_em = (width / style.size) if width is not None else float("inf")
    for paragraph in text.split("\n"):
        rtl = base_is_rtl(paragraph, direction)
        pref = _preference(style, paragraph)
        for logical in wrap_paragraph(paragraph, max_em, style.bold, pref):
            lines.append(layout_line(logical, rtl, style.bold, pref))
    return lines


# --- drawing ----------------------------------------------------------------------------

def _num(v: float) -> str:
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _piece_ops(doc: Any, piece: Shaped, size: float) -> str:
    """PDF operators drawing one shaped piece whose origin is the current line matrix
    (Tlm), leaving Tlm at the piece's end. Cached per document: the codes' subsets are per
    document."""
    cache: dict[tuple[Shaped, float], str] = doc.__dict__.setdefault("_fk_piece_ops", {})
    key = (piece, size)
    ops = cache.get(key)
    if ops is not None:
        return ops
    font = piece.font
    codes = [c for c, _, _ in piece.text] + [c for c, _, _ in piece.decor]
    flat: list[tuple[int, int]] = []
    for subset, data in font.splitString("".join(map(chr, codes)), doc):
        flat.extend((subset, b) for b in data)
    out: list[str] = []
    cur_subset = -1
    hidden = False
    hexes: list[str] = []

    def flush() -> None:
        if hexes:
            out.append(f"<{''.join(hexes)}> Tj")
            hexes.clear()

    def select(subset: int) -> None:
        nonlocal cur_subset
        if subset != cur_subset:
            flush()
            out.append(f"{font.getSubsetInternalName(subset, doc)} {_num(size)} Tf")
            cur_subset = subset

    # Text layer: boxes tile exactly, so one string per subset and render mode.
    for (_, _, invisible), (subset, byte) in zip(piece.text, flat, strict=False):
        select(subset)
        if invisible != hidden:
            flush()
            out.append("3 Tr" if invisible else "0 Tr")
            hidden = invisible
        hexes.append(f"{byte:02X}")
    flush()
    if hidden:
        out.append("0 Tr")
    # Decorations: each glyph moved to its place relative to the origin, then back.
    at_x = at_y = 0.0
    for (_, x, y), (subset, byte) in zip(piece.decor, flat[len(piece.text):], strict=True):
        select(subset)
        dx, dy = x * size - at_x, y * size - at_y
        out.append(f"{_num(dx)} {_num(dy)} Td <{byte:02X}> Tj")
        at_x, at_y = at_x + dx, at_y + dy
    # Back to the origin and on to the next piece's origin.
    out.append(f"{_num(piece.width * size - at_x)} {_num(-at_y)} Td")
    ops = cache[key] = "\n".join(out)
    return ops


def _line_ops(canv: Any, line: Line, x0: float, y0: float, size: float) -> str:
    """PDF text operators drawing ``line`` with its left end at (x0, y0)."""
    doc = canv._doc
    ops = "\n".join([_piece_ops(doc, piece, size) for piece in line.pieces])
    return f"BT\n1 0 0 1 {_num(x0)} {_num(y0)} Tm\n{ops}\nET"


def _align_x(line: Line, style: TextStyle, width: float, align: Align) -> float:
    w = line.width * style.size
    if align == "center":
        return (width - w) / 2
    if align not in ("start", "end"):
        raise ValidationError(f"Unknown alignment {align!r}",
                              hint='Use "start", "end" or "center".')
    right = (align == "start") == line.rtl
    return width - w if right else 0.0


def _draw_lines(canv: Any, lines: Sequence[Line], *, x: float, y_top: float, width: float,
                style: TextStyle, align: Align) -> None:
    ops = [_line_ops(canv, line, x + _align_x(line, style, width, align),
                     y_top - n * style.line_height - _ascent(style), style.size)
           for n, line in enumerate(lines) if line.pieces]
    _add_text(canv, ops, style)


def _add_text(canv: Any, ops: list[str], style: TextStyle) -> None:
    """Append text operators in the style's colour, inside q/Q so the canvas's own colour
    is untouched (cheaper than reportlab's saveState/setFillColor for every paragraph)."""
    if ops:
        r, g, b = style.color
        body = "\n".join(ops)
        canv.addLiteral(f"q {_num(r)} {_num(g)} {_num(b)} rg\n{body}\nQ")


def _ascent(style: TextStyle) -> float:
    """Distance from a line's top to its baseline. Amiri reaches about 0.95 em above the
    baseline (hamza and marks over tall letters) and 0.55 em below (descenders and marks
    under them); extra or missing leading is shared evenly above and below."""
    return (style.line_height - 1.5 * style.size) / 2 + 0.95 * style.size


def draw_text(canvas: Any, text: str, *, x: float, y: float, width: float,
              style: TextStyle, align: Align = "start", direction: Direction = "auto") -> None:
    """Draw one line with its baseline at ``y`` within [x, x + width] (headers, footers,
    cover). Newlines are drawn as spaces; text wider than ``width`` overflows."""
    one = " ".join(text.split())
    line = layout_line(one, base_is_rtl(one, direction), style.bold, _preference(style, one))
    if not line.pieces:
        return
    _add_text(canvas, [_line_ops(canvas, line, x + _align_x(line, style, width, align), y,
                                 style.size)], style)


def text_width(text: str, style: TextStyle) -> float:
    """Width in points of ``text`` drawn on one line."""
    one = " ".join(text.split())
    return layout_line(one, base_is_rtl(one), style.bold,
                       _preference(style, one)).width * style.size


def isolate_ltr(s: str) -> str:
    """Wrap an id, phone number or hash so it stays left-to-right inside Arabic text.

    LRE…PDF (not LRI…PDI): python-bidi's algorithm implements embeddings, not isolates.
    """
    return f"{LRE}{s}{PDF}"


# --- the flowable -----------------------------------------------------------------------

class Para(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A paragraph of logical text, wrapped, bidi-reordered and shaped (see module doc).

    ``align="start"`` is the right edge for a right-to-left paragraph. Use it in story lists
    and as table cells; it splits across pages line by line.
    """

    def __init__(self, text: str, style: TextStyle, *, direction: Direction = "auto",
                 align: Align = "start") -> None:
        super().__init__()
        if direction not in ("auto", "rtl", "ltr"):
            raise ValidationError(f"Unknown text direction {direction!r}",
                                  hint='Use "auto", "rtl" or "ltr".')
        if align not in ("start", "end", "center"):
            raise ValidationError(f"Unknown alignment {align!r}",
                                  hint='Use "start", "end" or "center".')
        self.text = text
        self.style = style
        self.direction: Direction = direction
        self.align: Align = align
        self._lines: list[Line] | None = None
        self._wrapped_for: float | None = None
        self.width = 0.0
        self.height = 0.0

    @classmethod
    def _from_lines(cls, para: Para, lines: list[Line], width: float) -> Para:
        new = cls(para.text, para.style, direction=para.direction, align=para.align)
        new._lines, new._wrapped_for = lines, width
        new.width, new.height = width, len(lines) * para.style.line_height
        return new

    def _ensure(self, avail_width: float) -> list[Line]:
        if self._lines is None or self._wrapped_for != avail_width:
            self._lines = layout(self.text, self.style, avail_width, self.direction)
            self._wrapped_for = avail_width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lines = self._ensure(availWidth)
        self.width = availWidth
        self.height = len(lines) * self.style.line_height
        return self.width, self.height

    def minWidth(self) -> float:
        """The widest word (tables size auto-width columns with it)."""
        words = _words(self.text.replace("\n", " "))
        pref = _preference(self.style, self.text)
        return max((_word_width(w, self.style.bold, pref) for w in words),
                   default=0.0) * self.style.size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self._ensure(availWidth)
        fit = int(availHeight // self.style.line_height)
        if fit <= 0:
            return []
        if fit >= len(lines):
            return [self]
        return [Para._from_lines(self, lines[:fit], availWidth),
                Para._from_lines(self, lines[fit:], availWidth)]

    def draw(self) -> None:
        lines = self._ensure(self.width)
        _draw_lines(self.canv, lines, x=0.0, y_top=self.height, width=self.width,
                    style=self.style, align=self.align)

    def __deepcopy__(self, memo: dict[int, Any]) -> Para:
        """A fresh Para sharing the (immutable) laid-out lines: reportlab deep-copies
        flowables in KeepInFrame, ListFlowable and PTOContainer, and copying the lines would
        copy whole fonts."""
        new = Para(self.text, self.style, direction=self.direction, align=self.align)
        if self._lines is not None:
            new._lines, new._wrapped_for = list(self._lines), self._wrapped_for
        new.width, new.height = self.width, self.height
        return new

    def deepcopy(self) -> Para:  # reportlab's cdeepcopy() looks for this name
        return self.__deepcopy__({})

    def __repr__(self) -> str:
        return f"Para({self.text[:40]!r})"


__all__ = ["Align", "Direction", "Line", "Para", "TextStyle", "draw_text", "isolate_ltr",
           "layout", "shape", "text_width"]

