"""The PDF text engine, checked on real PDFs read back with poppler (pdftotext, pdffonts).

Arabic that is wrong often looks right at a glance, so these tests place words they can
find: a Latin anchor (FK-42), numbers (2024, ١٢) and distinct words, and check their x
positions from ``pdftotext -bbox``.

poppler turns positioned glyphs back into text with a heuristic (``reorderText`` in
TextOutputDev.cc), not the full bidi algorithm, and the PDF cannot steer it:
- it picks ONE primary direction per page, by counting strong left-to-right against
  right-to-left characters; a mixed line whose direction is not the page's comes back with
  its direction sections in the wrong order. So Arabic sentences are tested on a page that
  is mostly Arabic (a dossier in Arabic), an English sentence holding Arabic on a page
  that is mostly English;
- at a change of direction it may move one space across the boundary ("الحادثة FK-42 في"
  comes back as "الحادثة  FK-42في"), so full-text comparisons ignore whitespace; word
  order is checked separately, from positions.
"""

from __future__ import annotations

import contextlib
import random
import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from bidi.algorithm import get_display
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle

from fieldkit.errors import NotFoundError, ValidationError
from fieldkit.export import fonts
from fieldkit.export.fonts import GlyphFont
from fieldkit.export.text import (
    Para,
    TextStyle,
    draw_text,
    isolate_ltr,
    layout,
    shape,
    text_width,
    visual_runs,
)

STYLE = TextStyle(size=12)
MARGIN = 72.0
FRAME_RIGHT = A4[0] - MARGIN

# An Arabic sentence with a Latin anchor, a year and Arabic-Indic digits.
AR_MIXED = (f"وثّق الفريق الحادثة {isolate_ltr('FK-42')} في عام 2024 "
            "واستمع إلى ١٢ شاهداً (بحضور المحامي).")
AR_PLAIN = "قصفت الطائرات السوق المركزي صباح يوم الجمعة"
RU_KZ = "Свидетель из Алматы: Қазақстан Республикасы, Әділет және ұлт"
EN = "Incident FK-42 was documented in Aleppo on 3 March 2024."
EN_WITH_AR = "The witness said مرحبا بكم twice before the shelling started at 06:40."

_BIDI_CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def norm(s: str) -> str:
    """NFC, no bidi controls, no whitespace (see the module docstring)."""
    return re.sub(r"\s+", "", _BIDI_CONTROLS.sub("", unicodedata.normalize("NFC", s)))


def build(path: Path, story: list[object]) -> Path:
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                      topMargin=MARGIN, bottomMargin=MARGIN).build(story)
    return path


def pdftotext(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


@dataclass(frozen=True)
class Word:
    page: int
    text: str      # logical order (poppler lists right-to-left words in visual order)
    x0: float
    x1: float
    y0: float


def _has_arabic(s: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in s)


def words(pdf: Path) -> list[Word]:
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    root = ET.fromstring(html)
    out = []
    for page_no, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page")):
        for w in page.iter("{http://www.w3.org/1999/xhtml}word"):
            text = w.text or ""
            if _has_arabic(text):
                text = text[::-1]
            out.append(Word(page_no, text, float(w.get("xMin", 0)), float(w.get("xMax", 0)),
                            float(w.get("yMin", 0))))
    return out


def lines_of(ws: list[Word]) -> list[list[Word]]:
    """Words grouped into lines (same page, same top), top to bottom."""
    groups: dict[tuple[int, float], list[Word]] = {}
    for w in ws:
        groups.setdefault((w.page, round(w.y0, 1)), []).append(w)
    return [groups[k] for k in sorted(groups)]


def find(ws: list[Word], text: str) -> Word:
    hits = [w for w in ws if norm(w.text) == norm(text)]
    assert len(hits) == 1, (text, [w.text for w in ws])
    return hits[0]


def to_unicode_maps(pdf: Path) -> list[dict[str, str]]:
    """Every ToUnicode CMap in the file, as {code hex: UTF-16BE hex}."""
    data = pdf.read_bytes()
    maps = []
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        body = m.group(1)
        with contextlib.suppress(zlib.error):
            body = zlib.decompress(body)
        if b"beginbfchar" in body:
            maps.append(dict(re.findall(r"<([0-9A-F]{2})> <([0-9A-F]+)>", body.decode())))
    return maps


# --- extraction -------------------------------------------------------------------------

def test_sentences_extract_in_logical_order(tmp_path: Path) -> None:
    pdf = build(tmp_path / "t.pdf", [Para(AR_MIXED, STYLE), Para(AR_PLAIN, STYLE),
                                     Para(RU_KZ, STYLE), PageBreak(),
                                     Para(EN_WITH_AR, STYLE), Para(EN, STYLE)])
    pages = pdftotext(pdf).split("\f")
    for sentence in (AR_MIXED, AR_PLAIN, RU_KZ):
        assert norm(sentence) in norm(pages[0]), sentence
    for sentence in (EN_WITH_AR, EN):
        assert norm(sentence) in norm(pages[1]), sentence
    # A single-direction line comes back exactly, spaces included.
    lines = [" ".join(_BIDI_CONTROLS.sub("", ln).split()) for ln in pages[0].splitlines()]
    assert AR_PLAIN in lines
    assert RU_KZ in lines


def test_word_order_from_positions(tmp_path: Path) -> None:
    pdf = build(tmp_path / "t.pdf", [Para(AR_MIXED, STYLE), Para(RU_KZ, STYLE)])
    ws = words(pdf)
    ar_line, ru_line = lines_of(ws)
    # Right-to-left: the first logical word is rightmost, and every Arabic word sits left of
    # the one before it.
    first = find(ar_line, "وثّق")
    assert first.x1 == max(w.x1 for w in ar_line)
    assert first.x1 == pytest.approx(FRAME_RIGHT - 6, abs=1.5)  # right-aligned (frame pad 6)
    logical = ["وثّق", "الفريق", "الحادثة", "FK-42", "في", "عام", "2024", "واستمع", "إلى",
               "١٢", "شاهداً"]
    xs = [find(ar_line, w).x0 for w in logical]
    assert xs == sorted(xs, reverse=True), list(zip(logical, xs, strict=True))
    # The anchor and the numbers keep their own left-to-right characters.
    assert find(ar_line, "FK-42").text == "FK-42"
    assert find(ar_line, "2024").text == "2024"
    assert find(ar_line, "١٢").text == "١٢"
    # Left-to-right line: words left to right, starting at the left margin.
    ru_words = RU_KZ.split()
    ru_xs = [find(ru_line, w).x0 for w in ru_words]
    assert ru_xs == sorted(ru_xs)
    assert ru_xs[0] == pytest.approx(MARGIN + 6, abs=1.5)


def test_brackets_are_mirrored_and_extract_as_typed(tmp_path: Path) -> None:
    pdf = build(tmp_path / "t.pdf", [Para("قال (الشاهد الأول) إن", STYLE)])
    assert norm("قال (الشاهد الأول) إن") in norm(pdftotext(pdf))
    ws = words(pdf)
    # The opening bracket is at the right end of the bracketed words.
    opening = find(ws, "(الشاهد")
    closing = find(ws, "الأول)")
    assert opening.x0 > closing.x0


def test_isolated_phone_number_keeps_its_digit_groups_in_order(tmp_path: Path) -> None:
    phone = "+964 770 123 4567"
    pdf = build(tmp_path / "t.pdf", [Para(f"رقم هاتف الشاهد {isolate_ltr(phone)} للتواصل",
                                          STYLE)])
    assert norm(phone) in norm(pdftotext(pdf))
    ws = words(pdf)
    xs = [find(ws, g).x0 for g in phone.split()]
    assert xs == sorted(xs)
    assert find(ws, "الشاهد").x0 > xs[-1] > xs[0] > find(ws, "للتواصل").x0


# --- wrapping ---------------------------------------------------------------------------

LONG_TEXT = ("في الساعة السادسة صباحاً وصلت قوة مسلحة إلى القرية وطلبت من السكان مغادرة "
             "منازلهم خلال ساعة واحدة ثم بدأت بهدم البيوت على الطريق الشمالي قرب المدرسة "
             "والمسجد وقد شاهد ذلك عدد كبير من الجيران الذين وثقوا ما جرى بالصور")
LONG_WORDS = LONG_TEXT.split(" ")


def test_wrapping_keeps_logical_order_across_lines(tmp_path: Path) -> None:
    text = " ".join(LONG_WORDS)
    width = 220.0
    pdf = build(tmp_path / "t.pdf", [Table([[Para(text, STYLE)]], colWidths=[width + 12])])
    lines = lines_of(words(pdf))
    assert len(lines) >= 4
    read = []
    for line in lines:
        read += [w.text for w in sorted(line, key=lambda w: -w.x1)]
    assert read == LONG_WORDS
    assert LONG_WORDS[0] in [w.text for w in lines[0]]
    # Every line is right-aligned to the same edge and fits the width.
    rights = [max(w.x1 for w in line) for line in lines]
    assert max(rights) - min(rights) < 1.0
    for line in lines:
        assert max(w.x1 for w in line) - min(w.x0 for w in line) <= width + 0.5


def test_paragraph_splits_across_pages_in_order(tmp_path: Path) -> None:
    text = " ".join(LONG_WORDS * 40)
    pdf = build(tmp_path / "t.pdf", [Para(text, STYLE)])
    ws = words(pdf)
    assert max(w.page for w in ws) >= 1
    read = []
    for line in lines_of(ws):
        read += [w.text for w in sorted(line, key=lambda w: -w.x1)]
    assert read == LONG_WORDS * 40


def test_a_word_wider_than_the_column_is_cut_not_overflowing(tmp_path: Path) -> None:
    digest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    mono = TextStyle(size=9, mono=True)
    pdf = build(tmp_path / "t.pdf", [Table([[Para(digest, mono)]], colWidths=[132])])
    assert digest in norm(pdftotext(pdf))
    ws = words(pdf)
    assert len(ws) >= 2
    assert all(w.x1 - w.x0 <= 120.5 for w in ws)


# --- shaping ----------------------------------------------------------------------------

def test_letters_are_joined() -> None:
    amiri = fonts.font_set().amiri
    shaped = shape(amiri, "ببب", True)
    names = [amiri.hb_font.glyph_to_string(g) for g in shaped.gids]
    # Visual order, right-to-left run: final, medial, initial.
    assert [n.split(".")[1].split("_")[0] for n in names] == ["fina", "medi", "init"]
    isolated = amiri.cmap[ord("ب")]
    assert isolated not in shaped.gids


def test_pdf_draws_contextual_forms(tmp_path: Path) -> None:
    """Three beh in a row are three different glyphs in the PDF, all extracting as beh."""
    pdf = tmp_path / "t.pdf"
    c = rl_canvas.Canvas(str(pdf), pagesize=A4)
    draw_text(c, "ببب", x=100, y=700, width=200, style=STYLE)
    c.showPage()
    c.save()
    codes = [code for cmap in to_unicode_maps(pdf) for code, u in cmap.items()
             if u == "0628"]
    assert len(set(codes)) == 3
    assert norm(pdftotext(pdf)) == "ببب"


def test_lam_alef_ligature_extracts_as_two_letters(tmp_path: Path) -> None:
    amiri = fonts.font_set().amiri
    assert len(shape(amiri, "لا", True).gids) <= 2
    pdf = build(tmp_path / "t.pdf", [Para("لا إله لأن السلام", STYLE)])
    assert norm(pdftotext(pdf)) == norm("لا إله لأن السلام")


def test_marks_extract_next_to_their_letters(tmp_path: Path) -> None:
    voweled = "وَثَّقَتِ الشّاهدةُ مُحاكَمةً"
    pdf = build(tmp_path / "t.pdf", [Para(voweled, STYLE)])
    assert norm(pdftotext(pdf)) == norm(voweled)


# --- tables, draw_text, widths ----------------------------------------------------------

def test_mixed_table_cells_extract(tmp_path: Path) -> None:
    # An Arabic dossier's table: mostly Arabic (see the module docstring on poppler).
    cells = [
        ["الحادثة", f"رقم {isolate_ltr('FK-7')} في حلب", "Incident FK-7, Aleppo"],
        ["الشهود", "١٢ شاهداً من سكان الحي الشرقي", "Алматы, Қазақстан"],
        ["التاريخ", "الثالث من آذار عام 2024 صباحاً", "3 March 2024"],
        ["الوصف", "قصف مدفعي استهدف السوق المركزي والمدرسة", "الملاحظات"],
    ]
    small = TextStyle(size=10)
    table = Table([[Para(c, small) for c in reversed(row)] for row in cells],
                  colWidths=[150, 150, 100],
                  style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0))]))
    pdf = build(tmp_path / "t.pdf", [table])
    text = norm(pdftotext(pdf))
    for row in cells:
        for cell in row:
            assert norm(cell) in text, cell
    ws = words(pdf)
    # Each Arabic cell is right-aligned inside its column (RTL start edge).
    right_col_right = MARGIN + (A4[0] - 2 * MARGIN + 400) / 2 - 6  # centred table, pad 6
    assert find(ws, "الحادثة").x1 == pytest.approx(right_col_right, abs=1.5)
    assert find(ws, "رقم").x0 > find(ws, "FK-7").x0 > find(ws, "حلب").x0


def test_draw_text_aligns_to_the_start_edge(tmp_path: Path) -> None:
    pdf = tmp_path / "t.pdf"
    c = rl_canvas.Canvas(str(pdf), pagesize=A4)
    draw_text(c, "سري للغاية", x=100, y=800, width=300, style=STYLE)
    draw_text(c, "Confidential", x=100, y=760, width=300, style=STYLE)
    draw_text(c, "Page 1 of 2", x=100, y=720, width=300, style=STYLE, align="end")
    draw_text(c, "الصفحة ١ من ٢", x=100, y=680, width=300, style=STYLE, align="center")
    c.showPage()
    c.save()
    ws = words(pdf)
    assert find(ws, "سري").x1 == pytest.approx(400, abs=0.6)
    assert find(ws, "Confidential").x0 == pytest.approx(100, abs=0.6)
    assert find(ws, "2").x1 == pytest.approx(400, abs=0.6)
    centre = [w for w in ws if w.y0 > A4[1] - 700]
    mid = (min(w.x0 for w in centre) + max(w.x1 for w in centre)) / 2
    assert mid == pytest.approx(250, abs=1.0)


def test_text_width_matches_what_is_drawn(tmp_path: Path) -> None:
    pdf = tmp_path / "t.pdf"
    c = rl_canvas.Canvas(str(pdf), pagesize=A4)
    sample = "مرحبا Hello"
    draw_text(c, sample, x=100, y=700, width=400, style=STYLE, direction="ltr")
    c.showPage()
    c.save()
    ws = words(pdf)
    drawn = max(w.x1 for w in ws) - min(w.x0 for w in ws)
    assert text_width(sample, STYLE) == pytest.approx(drawn, abs=1.0)
    assert text_width(sample, TextStyle(size=24)) == pytest.approx(2 * text_width(sample,
                                                                                 STYLE))


def test_explicit_direction_overrides_the_first_strong_character() -> None:
    [auto] = layout("FK-42 هو الرقم", STYLE, None)
    [rtl] = layout("FK-42 هو الرقم", STYLE, None, direction="rtl")
    assert not auto.rtl
    assert rtl.rtl


def test_fonts_are_embedded_subsets(tmp_path: Path) -> None:
    pdf = build(tmp_path / "t.pdf", [Para(AR_MIXED, STYLE), Para(RU_KZ, STYLE),
                                     Para("0xdeadbeef", TextStyle(mono=True, bold=True)),
                                     Para(EN, TextStyle(bold=True))])
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                         text=True).stdout.splitlines()[2:]
    ours = [ln for ln in out if "+" in ln.split()[0]]
    names = {ln.split()[0].split("+")[1] for ln in ours}
    assert {"Amiri-Regular", "Amiri-Bold", "NotoSans-Regular", "DejaVuSansMono"} <= names
    for ln in ours:
        emb, sub, uni = ln.split()[-5:-2]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), ln


# --- hostile input ----------------------------------------------------------------------

def test_unknown_direction_or_alignment_is_refused() -> None:
    with pytest.raises(ValidationError):
        Para("x", STYLE, direction="sideways")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Para("x", STYLE, align="justify")  # type: ignore[arg-type]


def test_missing_font_file_raises_with_a_hint(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "FONT_DIR", tmp_path)
    with pytest.raises(NotFoundError) as err:
        fonts._load("amiri", False)
    assert "resources/fonts" in err.value.hint


def test_empty_and_control_only_text_draws_nothing(tmp_path: Path) -> None:
    pdf = build(tmp_path / "t.pdf", [Para("", STYLE), Para(isolate_ltr(""), STYLE),
                                     Para("\n\n", STYLE), Para("end", STYLE)])
    assert norm(pdftotext(pdf)) == "end"


# --- bidi -------------------------------------------------------------------------------

def test_visual_runs_match_python_bidi() -> None:
    """The folded fast path orders text exactly as python-bidi's full algorithm does."""
    rng = random.Random(6)
    pieces = ["الحادثة", "في", "حلب", "FK-42", "2024", "١٢", "3.5", "-", ",", ":", "+",
              "Москва", "and", "%", "$", "٪", "/", "10,000", isolate_ltr("+964 770"),
              "\u202bمرحبا Hi\u202c", "#7"]
    for _ in range(400):
        line = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        for rtl in (False, True):
            mine = "".join(t[::-1] if lv % 2 else t
                           for t, lv in visual_runs(line, rtl))
            expected = get_display(line, base_dir="R" if rtl else "L")
            assert _BIDI_CONTROLS.sub("", mine) == expected, (line, rtl)


def test_an_isolated_number_is_never_split_across_lines() -> None:
    phone = "+964 770 123 4567"
    text = "اتصل الشاهد بالرقم " + isolate_ltr(phone) + " مرات عديدة خلال الليل"
    fits = text_width(phone, STYLE) + 1
    for width in (fits, fits + 30, fits + 60, fits + 90, fits + 120):
        lines = layout(text, STYLE, width)
        holding = [ln for ln in lines if "770" in ln.text]
        assert len(holding) == 1, width
        assert phone in holding[0].text
        runs = visual_runs(holding[0].text, True)
        assert (phone, 2) in runs


def test_a_long_isolated_id_cut_across_lines_stays_left_to_right() -> None:
    digest = "sha256:" + "ab12" * 16
    lines = layout("البصمة " + isolate_ltr(digest), TextStyle(size=10), 120)
    pieces = [t for ln in lines for t, lv in visual_runs(ln.text, True) if lv % 2 == 0]
    assert "".join(p.strip() for p in pieces) == digest


@pytest.mark.parametrize("text", [
    "\u2067مرحبا\u2069 isolates \u2066abc\u2069 \u2068x\u2069",   # isolates (UBA 6.3+)
    "\u202c\u202c\u2069 unbalanced closers \u202a\u202a\u202a open",
    "\u202e override مرحبا abc",
    "tab\tand\u00a0nbsp\u2029separator\x1f\x00\ufffe unassigned \U000e0001 😀",
    "\u200c\u200d\u061c\u200e\u200f",
    "ب" * 3000,
])
def test_hostile_text_lays_out_and_draws(tmp_path: Path, text: str) -> None:
    lines = layout(text, STYLE, 300)
    assert lines
    for line in lines:
        assert line.width <= 300 / STYLE.size + 1e-6 or len(line.pieces) == 1
    build(tmp_path / "t.pdf", [Para(text, STYLE)])


def test_colour_applies_to_its_paragraph_only(tmp_path: Path) -> None:
    from PIL import Image

    pdf = build(tmp_path / "t.pdf", [Para("سري للغاية", TextStyle(size=30, color=(1, 0, 0))),
                                     Para("عادي", TextStyle(size=30))])
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "page")], check=True)
    img = Image.open(next(tmp_path.glob("page*.png"))).convert("RGB")
    w, h = img.size
    px = img.load()
    top = {px[x, y] for x in range(w) for y in range(h // 10, h // 6)}
    below = {px[x, y] for x in range(w) for y in range(h // 6, h // 4)}
    assert any(r > 200 and g < 80 and b < 80 for r, g, b in top)
    assert any(r < 60 and g < 60 and b < 60 for r, g, b in below)
    assert not any(r > 200 and g < 80 and b < 80 for r, g, b in below)


def test_latin_words_take_the_font_of_their_paragraph() -> None:
    fs = fonts.font_set()

    def font_of(text: str, word: str, style: TextStyle = STYLE) -> GlyphFont:
        [line] = layout(text, style, None)
        [font] = {p.font for p in line.pieces if p.source == word}
        return font

    assert font_of("Свидетель из Алматы FK", "FK") is fs.noto
    assert font_of("وثّق الفريق FK", "FK") is fs.amiri
    assert font_of("documented FK", "FK") is fs.amiri
    assert font_of("Алматы", "Алматы") is fs.noto
    assert font_of("hash FK", "FK", TextStyle(mono=True)) is fs.mono
    assert font_of("hash الفريق", "الفريق", TextStyle(mono=True)) is fs.amiri


def test_para_survives_reportlab_containers(tmp_path: Path) -> None:
    """KeepInFrame and ListFlowable deep-copy their content; a Para copies cheaply and
    still draws and extracts."""
    import copy

    from reportlab.platypus import KeepInFrame, ListFlowable

    para = Para(AR_PLAIN, STYLE)
    para.wrap(300, 100)
    clone = copy.deepcopy(para)
    assert clone is not para and clone.text == para.text
    assert clone._lines is not None and clone._lines[0] is para._lines[0]  # shared, not copied
    pdf = build(tmp_path / "t.pdf", [
        KeepInFrame(400, 60, [Para(AR_PLAIN, STYLE), Para(RU_KZ, STYLE)], mode="shrink"),
        ListFlowable([Para(AR_PLAIN, STYLE), Para("ثانياً", STYLE)], bulletType="1"),
    ])
    text = norm(pdftotext(pdf))
    assert text.count(norm(AR_PLAIN)) == 2
    assert norm(RU_KZ) in text
