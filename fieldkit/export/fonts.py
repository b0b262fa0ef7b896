"""The fonts every PDF uses, registered once, with glyph-level drawing and honest extraction.

reportlab's TrueType support draws *characters*: it maps each code point to the glyph the
font's cmap gives it. Shaped Arabic needs *glyphs* that have no code point (``uni0628.init``,
ligatures, mirrored brackets), so :class:`GlyphFont` hands out a private code for each
``(glyph, text, advance)`` the layout asks for, where ``text`` is what the glyph should
extract as (one character, or nothing for glyphs whose text an invisible copy carries, see
:class:`fieldkit.export.text.Shaped`). reportlab then subsets and embeds the font as usual
(only the glyphs used), and :meth:`GlyphFont.addObjects` writes a ToUnicode map that sends
each code back to its text, so ``pdftotext`` and copy-paste return the characters that
were typed instead of private-use garbage. See docs/adr/0009-arabic-in-pdf.md.

Faces (all shipped in ``resources/fonts`` with their licences, never the system's):

- ``amiri``: Amiri, Arabic and Latin, the first choice for ordinary text;
- ``noto``: Noto Sans, Latin, Cyrillic (Russian, Kazakh) and what Amiri lacks;
- ``noto-arabic``: Noto Sans Arabic, for Arabic characters Amiri lacks;
- ``mono``: DejaVu Sans Mono, for ids and hashes (``TextStyle(mono=True)``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uharfbuzz as hb
from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from fieldkit.errors import NotFoundError
from fieldkit.resources import resource_path

FONT_DIR = resource_path("fonts")

# (regular file, bold file) per face; the mono face has no bold file and uses its regular.
FACE_FILES: dict[str, tuple[str, str]] = {
    "amiri": ("Amiri-Regular.ttf", "Amiri-Bold.ttf"),
    "noto": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    "noto-arabic": ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    "mono": ("DejaVuSansMono.ttf", "DejaVuSansMono.ttf"),
}

# Private codes live in Supplementary Private Use Area-A, far from anything a font maps.
_FIRST_PRIVATE = 0xF0000
_LAST_PRIVATE = 0xFFFFD


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


class GlyphFont(TTFont):  # type: ignore[misc]  # reportlab is untyped
    """A reportlab TTFont that can draw any glyph id and says what text each glyph stands for."""

    def __init__(self, name: str, path: Path) -> None:
        super().__init__(name, str(path), asciiReadable=True, shapable=False)
        self.path = path
        # The font's own character map, before any private code is added to the face.
        self.cmap: dict[int, int] = dict(self.face.charToGlyph)
        self.units_per_em: int = int(self.face.unitsPerEm)
        self._codes: dict[tuple[int, str, int], int] = {}
        self._text: dict[int, str] = {}
        self._next_private = _FIRST_PRIVATE
        self._lock = threading.Lock()
        blob = hb.Blob.from_file_path(str(path))
        self.hb_face = hb.Face(blob)
        self.hb_font = hb.Font(self.hb_face)
        self.hb_font.scale = (self.units_per_em, self.units_per_em)

    def covers(self, ch: str) -> bool:
        return ord(ch) in self.cmap

    def code_for(self, gid: int, text: str, advance: int) -> int:
        """The code to draw glyph ``gid`` with, extracting as ``text`` ("" for nothing),
        advancing the pen by ``advance`` (1/1000 em, from the shaper: PDF widths then match
        the layout, so text extractors see no false gaps inside words).

        A glyph that is simply the font's glyph for a single character, at its normal
        width, keeps that character as its code (readable PDFs, shared subsets); anything
        else (contextual forms, mirrored brackets, kerned glyphs, invisible text, marks)
        gets a private code.
        """
        key = (gid, text, advance)
        code = self._codes.get(key)
        if code is not None:
            return code
        with self._lock:
            code = self._codes.get(key)
            if code is not None:
                return code
            face = self.face
            if (len(text) == 1 and self.cmap.get(ord(text)) == gid and ord(text) != 0xA0
                    and round(face.charWidths.get(ord(text), -1)) == advance):
                code = ord(text)
            else:
                code = self._next_private
                while code in face.charToGlyph:
                    code += 1
                if code > _LAST_PRIVATE:  # pragma: no cover - needs 65k distinct glyphs
                    raise RuntimeError(f"font {self.fontName}: out of private codes")
                self._next_private = code + 1
                face.charToGlyph[code] = gid
                face.glyphToChar.setdefault(gid, []).append(code)
                face.charWidths[code] = advance
                self._text[code] = text
            self._codes[key] = code
            return code

    def width_1000(self, code: int) -> float:
        """The advance the PDF will use for ``code``, in 1/1000 em (the Widths array)."""
        return float(self.face.getCharWidth(code))

    def _to_unicode(self, base_font_name: str, subset: list[int]) -> str:
        entries = []
        for i, code in enumerate(subset):
            text = self._text.get(code)
            if text is None:
                text = chr(code) if code else ""
            entries.append(f"<{i:02X}> <{_utf16_hex(text)}>")
        lines = [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({base_font_name})",
            f"/Ordering ({base_font_name})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{base_font_name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
        ]
        # A bfchar block holds at most 100 entries.
        for start in range(0, len(entries), 100):
            chunk = entries[start:start + 100]
            lines.append(f"{len(chunk)} beginbfchar")
            lines.extend(chunk)
            lines.append("endbfchar")
        lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        return "\n".join(lines)

    def addObjects(self, doc: Any) -> None:
        """reportlab's TTFont.addObjects, with a ToUnicode map that knows the glyph texts."""
        state = self._assignState(doc)
        state.frozen = 1
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_font_name = b"".join(
                (SUBSETN(n), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = f"Font {self.fontName} subset {n}"
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_font_name
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = pdfdoc.PDFArray([self.face.getCharWidth(c) for c in subset])
            cmap_stream = pdfdoc.PDFStream()
            cmap_stream.content = self._to_unicode(base_font_name, subset)
            if doc.compression:
                cmap_stream.filters = [pdfdoc.PDFZCompress]
            pdf_font.ToUnicode = doc.Reference(cmap_stream, "toUnicodeCMap:" + base_font_name)
            pdf_font.FontDescriptor = self.face.addSubsetObjects(doc, base_font_name, subset)
            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del self.state[doc]


@dataclass(frozen=True)
class FontSet:
    """The registered fonts of one weight, in fallback order."""

    amiri: GlyphFont
    noto: GlyphFont
    noto_arabic: GlyphFont
    mono: GlyphFont


_lock = threading.Lock()
_sets: dict[bool, FontSet] = {}


def _load(face: str, bold: bool) -> GlyphFont:
    file = FACE_FILES[face][1 if bold else 0]
    path = FONT_DIR / file
    if not path.is_file():
        raise NotFoundError(
            f"Font file {file} is missing from {FONT_DIR}",
            hint="Reinstall FieldKit, or restore resources/fonts from the source tree; "
                 "PDFs embed these fonts and never use the system's.",
            path=str(path))
    name = f"FK-{face}{'-bold' if bold else ''}"
    if name in pdfmetrics.getRegisteredFontNames():
        font = pdfmetrics.getFont(name)
        if isinstance(font, GlyphFont):
            return font
    font = GlyphFont(name, path)
    pdfmetrics.registerFont(font)
    return font


def register() -> None:
    """Load and register every face with reportlab (idempotent, thread-safe).

    Also turns off reportlab's ASCII85 stream encoding: without the optional ``rl_accel``
    C extension it runs in pure Python and took a third of a dossier's time (photos
    included); the PDFs are binary files either way.
    """
    rl_config.useA85 = 0
    with _lock:
        for bold in (False, True):
            if bold in _sets:
                continue
            # DejaVu Sans Mono has no bold file: both weights share one font object, so the
            # PDF embeds it once.
            mono = _sets[False].mono if bold else _load("mono", False)
            _sets[bold] = FontSet(
                amiri=_load("amiri", bold), noto=_load("noto", bold),
                noto_arabic=_load("noto-arabic", bold), mono=mono)


def font_set(*, bold: bool = False) -> FontSet:
    """The fonts of one weight, registering them on first use."""
    fonts = _sets.get(bold)
    if fonts is None:
        register()
        fonts = _sets[bold]
    return fonts
