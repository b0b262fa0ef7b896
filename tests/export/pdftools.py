"""Reading PDFs back the way a reader's tools do (poppler's pdftotext, pdfinfo, pdftoppm)."""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

# Bidi controls pdftotext adds around runs, Arabic marks it may detach, tatweel, spaces.
_NOISE = re.compile(r"[\u064b-\u065f\u0670\u0640\u202a-\u202e\u2066-\u2069\u200e\u200f"
                    r"\u061c\s]")
_ARABIC = re.compile(r"[\u0621-\u064a\u066e-\u06d3]")  # letters, not digits
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r"(.*?)</word>")
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def norm(s: str) -> str:
    """Text without bidi controls, Arabic marks or whitespace: what order checks compare."""
    return _NOISE.sub("", s)


def text(pdf: Path, *, page: int | None = None) -> str:
    args = ["pdftotext"] + (["-f", str(page), "-l", str(page)] if page else [])
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                         check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))  # type: ignore[union-attr]


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def logical(self) -> str:
        """pdftotext -bbox gives an Arabic word's letters in visual order: undo that."""
        return self.text[::-1] if _ARABIC.search(self.text) else self.text


def words(pdf: Path) -> list[Word]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    result: list[Word] = []
    for n, chunk in enumerate(out.split("<page ")[1:], 1):
        for m in _WORD.finditer(chunk):
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            result.append(Word(n, x0, y0, x1, y1, html.unescape(m.group(5))))
    return merged(result)


def merged(ws: list[Word]) -> list[Word]:
    """pdftotext -bbox may cut one drawn word into pieces (a detached mark, a change of font
    subset); pieces that touch are one word again (letters still in visual order)."""
    out: list[Word] = []
    for w in sorted(ws, key=lambda w: (w.page, round(w.y0), w.x0)):
        last = out[-1] if out else None
        if last is not None and last.page == w.page and abs(last.y0 - w.y0) < 2 \
                and w.x0 - last.x1 < 0.8:
            out[-1] = Word(w.page, last.x0, last.y0, max(last.x1, w.x1), last.y1,
                           last.text + w.text)
        else:
            out.append(w)
    return out


def lines(ws: list[Word]) -> list[list[Word]]:
    """Words grouped into lines, top to bottom, page by page."""
    rows: list[list[Word]] = []
    for w in sorted(ws, key=lambda w: (w.page, w.y0)):
        if rows and rows[-1][0].page == w.page and abs(rows[-1][0].y0 - w.y0) < 2:
            rows[-1].append(w)
        else:
            rows.append([w])
    return rows


def line_of(ws: list[Word], anchor: str) -> list[Word]:
    """The words on the same line as the (first) word ``anchor``."""
    a = next(w for w in ws if w.text == anchor)
    return [w for w in ws if w.page == a.page and abs(w.y0 - a.y0) < 2]


def rtl_text(ws: list[Word]) -> str:
    """A right-to-left line read back: words from right to left, each in logical order."""
    return " ".join(w.logical for w in sorted(ws, key=lambda w: -w.x0))


def ltr_text(ws: list[Word]) -> str:
    return " ".join(w.text for w in sorted(ws, key=lambda w: w.x0))


def band(ws: list[Word], page: int, *, top: float | None = None,
         bottom: float | None = None) -> list[Word]:
    """Words of ``page`` above y=top or below y=bottom (points from the top)."""
    return [w for w in ws if w.page == page and ((top is not None and w.y1 <= top)
                                                 or (bottom is not None and w.y0 >= bottom))]
