"""Dossier PDFs of the demo incidents, read back with poppler as a reader's tools would."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from fieldkit.errors import CancelledError, ValidationError
from fieldkit.export.dossier import LABELS, Fmt
from fieldkit.export.job import ExportResult, export_dossier
from fieldkit.export.log import list_exports
from fieldkit.progress import CancelToken

from . import pdftools as pt
from .conftest import (
    ANCHOR,
    ANCHOR_KEY,
    ANCHOR_WORDS,
    NAMED,
    DemoVault,
    demo_items,
    internal_testimonies,
)

KINDS = [(lang, aud) for lang in ("ar", "en") for aud in ("internal", "partners", "public")]
TOP, BOTTOM = 60.0, 780.0  # header above, footer below (points from the top of A4)


@pytest.fixture(scope="module")
def dossiers(demo_vault: DemoVault, tmp_path_factory: pytest.TempPathFactory
             ) -> dict[tuple[str, str], ExportResult]:
    out = tmp_path_factory.mktemp("dossiers")
    return {(lang, aud): export_dossier(demo_vault.service, audience=aud, language=lang,
                                        out_pdf=out / f"{lang}-{aud}.pdf",
                                        out_bundle=None, prepared_by="Envoy office")
            for lang, aud in KINDS}


def clauses(text: str) -> list[str]:
    """Stretches of Arabic between punctuation, digits and Latin (pdftotext may order the
    runs of a mixed line visually; inside a run the order must be logical)."""
    parts = re.split(r"[.،؛:!?«»\"()\[\]0-9A-Za-z\u0660-\u0669\-]+", text)
    return [pt.norm(p) for p in parts if len(pt.norm(p)) >= 8]


def readable(pdf: Path) -> str:
    """Everything a reader's tools get out of the PDF: plain pdftotext, and the word boxes
    read right to left and left to right (normalised)."""
    rows = pt.lines(pt.words(pdf))
    return "\n".join([pt.norm(pt.text(pdf)),
                      pt.norm("".join(pt.rtl_text(r) for r in rows)),
                      pt.norm("".join(pt.ltr_text(r) for r in rows))])


def arabic_texts(audience: str) -> list[str]:
    """Arabic testimonies, titles and descriptions of the demo the audience may see."""
    from fieldkit.domain.records import level_allows

    out = []
    for inc in demo_items():
        if not level_allows(str(inc.get("confidentiality", "internal")), audience):
            continue
        for t in inc.get("testimonies", []):  # type: ignore[attr-defined]
            if t["language"] == "ar" and level_allows(t["consent"], audience):
                out.append(t["text"])
        if inc["key"] == ANCHOR_KEY:
            out.append(ANCHOR)
        for key in ("title", "description"):
            if re.search("[\u0600-\u06ff]", str(inc.get(key, ""))):
                out.append(str(inc[key]))
    return out


@pytest.mark.parametrize("lang,audience", [("ar", "partners"), ("ar", "public"),
                                           ("en", "partners")])
def test_arabic_sentences_read_back_in_logical_order_from_word_boxes(
        dossiers: dict[tuple[str, str], ExportResult], lang: str, audience: str) -> None:
    """Each line read right to left from pdftotext -bbox, lines top to bottom: every Arabic
    clause of the dossier's testimonies, titles and descriptions is there, in order."""
    rows = pt.lines(pt.words(dossiers[lang, audience].pdf))
    extracted = pt.norm("".join(pt.rtl_text(r) for r in rows))
    wanted = [c for t in arabic_texts(audience) for c in clauses(t)]
    assert len(wanted) >= (10 if audience == "partners" else 2)
    missing = [c for c in wanted if c not in extracted]
    assert not missing, f"{len(missing)}/{len(wanted)} Arabic clauses not found: {missing}"


@pytest.mark.parametrize("lang,audience", [("ar", "partners"), ("ar", "public"),
                                           ("en", "partners")])
def test_arabic_sentences_come_back_in_logical_order(
        dossiers: dict[tuple[str, str], ExportResult], lang: str, audience: str) -> None:
    """Plain pdftotext, as a reader would copy text out: every Arabic clause that sits on
    one line comes back in logical order. (Poppler orders the runs of a line, and so a clause
    cut by a line break, by its own page-level guess of direction; the word-box test above
    covers those.)"""
    pdf = dossiers[lang, audience].pdf
    extracted = pt.norm(pt.text(pdf))
    one_line = [pt.norm(pt.rtl_text(r)) for r in pt.lines(pt.words(pdf))]
    wanted = [c for t in arabic_texts(audience) for c in clauses(t)
              if any(c in line for line in one_line)]
    assert len(wanted) >= (10 if audience == "partners" else 2)
    missing = [c for c in wanted if c not in extracted]
    assert not missing, f"{len(missing)}/{len(wanted)} Arabic clauses not found: {missing}"
    if lang == "ar":
        for key in ("title", "contents", "summary", "appendix"):
            assert pt.norm(LABELS["ar"][key]) in extracted


@pytest.mark.parametrize("lang,audience", [("ar", "partners"), ("ar", "public"),
                                           ("en", "public")])
def test_word_order_of_a_sentence_with_a_latin_anchor_and_numbers(
        dossiers: dict[tuple[str, str], ExportResult], lang: str, audience: str) -> None:
    line = pt.line_of(pt.words(dossiers[lang, audience].pdf), "FK-42")
    got = [w.logical for w in sorted(line, key=lambda w: -w.x0)]
    assert got == ANCHOR_WORDS
    # and the words really run right to left across the line
    xs = [w.x0 for w in sorted(line, key=lambda w: ANCHOR_WORDS.index(w.logical))]
    assert xs == sorted(xs, reverse=True)


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("audience", ["partners", "public"])
def test_internal_testimonies_and_identities_never_leave_internal(
        dossiers: dict[tuple[str, str], ExportResult], lang: str, audience: str) -> None:
    internal = readable(dossiers[lang, "internal"].pdf)
    shown = readable(dossiers[lang, audience].pdf)
    secrets = [c for t in internal_testimonies() for c in clauses(t)]
    secrets += [pt.norm(t[:60]) for t in internal_testimonies()
                if not re.search("[\u0600-\u06ff]", t)]
    secrets += [pt.norm(x) for _k, _p, name, contact in NAMED for x in (name, contact)]
    assert len(secrets) > 10
    # the internal dossier holds them (so this test can see them at all)...
    assert all(s in internal for s in secrets), [s for s in secrets if s not in internal]
    # ...and the wider audience's does not hold a single one
    assert [s for s in secrets if s in shown] == []
    for _key, pseudonym, _name, _contact in NAMED:
        if audience == "partners":
            assert pt.norm(pseudonym) in shown


@pytest.mark.parametrize("lang,audience", KINDS)
def test_every_page_has_its_number_and_the_audience(
        dossiers: dict[tuple[str, str], ExportResult], lang: str, audience: str) -> None:
    result = dossiers[lang, audience]
    n = pt.pages(result.pdf)
    assert n == result.pages and n >= 4
    f = Fmt(lang)
    ws = pt.words(result.pdf)
    level = pt.norm(LABELS[lang][audience])
    for page in range(1, n + 1):
        footer = pt.band(ws, page, bottom=BOTTOM)
        header = pt.band(ws, page, top=TOP)
        expected = f("page_of", x=f.num(page), y=f.num(n))
        if lang == "ar":
            assert expected in pt.rtl_text(footer), (page, pt.rtl_text(footer))
            assert level in pt.norm(pt.rtl_text(header)), (page, pt.rtl_text(header))
            # mirrored: the page number sits at the left, the title at the right
            assert max(w.x1 for w in footer if w.logical == "الصفحة") < 300
        else:
            assert expected in pt.ltr_text(footer), (page, pt.ltr_text(footer))
            assert level in pt.norm(pt.ltr_text(header)), (page, pt.ltr_text(header))
            assert min(w.x0 for w in footer if w.text == "page") > 300


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_contents_point_to_the_right_pages(
        dossiers: dict[tuple[str, str], ExportResult], lang: str,
        demo_vault: DemoVault) -> None:
    pdf = dossiers[lang, "partners"].pdf
    ws = pt.words(pdf)
    contents = [w for w in ws if w.page == 2 and TOP < w.y0 < BOTTOM]
    digits = "٠١٢٣٤٥٦٧٨٩" if lang == "ar" else "0123456789"
    numbers = [w for w in contents if w.text and all(c in digits for c in w.text)
               and (w.x0 < 120 if lang == "ar" else w.x0 > 450)]
    assert len(numbers) >= 5
    for w in numbers:
        page = int(w.text.translate(str.maketrans(digits, "0123456789")))
        row = [x.logical for x in contents if abs(x.y0 - w.y0) < 2 and x is not w]
        title = [x for x in row if len(x) > 3][:4]
        on_page = [x for x in ws if x.page == page]
        target = pt.norm(pt.text(pdf, page=page)) + pt.norm(
            "".join(pt.rtl_text(r) for r in pt.lines(on_page)))
        assert title and all(pt.norm(x) in target for x in title), (title, page)


def test_english_dossier_reads_as_english(
        dossiers: dict[tuple[str, str], ExportResult], demo_vault: DemoVault) -> None:
    result = dossiers["en", "partners"]
    text = pt.text(result.pdf)
    for s in ("Evidence dossier", "Contents", "Summary", "Verification appendix",
              "PARTNERS: confidential", "Prepared by", "Envoy office", "SHA-256",
              "Custody timeline", "Photographs", "none: these records have no registry"):
        assert s in text, s
    flat = text.replace("\n", "")
    for s in result.record_ids:
        assert s in flat
    for inc in demo_vault.views:
        for ev in inc.body["evidence"]:
            if inc.body["confidentiality"] != "internal":
                assert ev["sha256"][:32] in flat.replace(" ", "")


def test_photos_are_embedded_as_thumbnails(
        dossiers: dict[tuple[str, str], ExportResult], demo_vault: DemoVault) -> None:
    out = subprocess.run(["pdfimages", "-list", str(dossiers["ar", "internal"].pdf)],
                         capture_output=True, text=True, check=True).stdout
    images = [ln.split() for ln in out.splitlines()[2:] if ln.strip()]
    photos = {e["sha256"] for v in demo_vault.views for e in v.body["evidence"]
              if e["media_type"].startswith("image/")}
    assert len([i for i in images if i[2] == "image"]) >= len(photos) >= 3
    assert all(int(i[3]) <= 480 and int(i[4]) <= 480 for i in images if i[2] == "image")


def test_fonts_are_all_embedded(dossiers: dict[tuple[str, str], ExportResult]) -> None:
    for result in dossiers.values():
        out = subprocess.run(["pdffonts", str(result.pdf)], capture_output=True, text=True,
                             check=True).stdout
        rows = [ln.split() for ln in out.splitlines()[2:]]
        assert rows and all(r[-5] == "yes" for r in rows), out


def test_each_export_is_logged_with_the_pdf_digest(
        dossiers: dict[tuple[str, str], ExportResult], demo_vault: DemoVault) -> None:
    import hashlib

    rows = {r["id"]: r for r in list_exports(demo_vault.service, limit=1000)}
    for (lang, audience), result in dossiers.items():
        row = rows[result.export_id]
        assert (row["kind"], row["audience"], row["language"]) == ("dossier", audience, lang)
        assert row["files"] == [{"name": result.pdf.name, "size": result.pdf.stat().st_size,
                                 "sha256": hashlib.sha256(result.pdf.read_bytes()).hexdigest()}]


def test_cancel_leaves_no_file(demo_vault: DemoVault, tmp_path: Path) -> None:
    token = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int | None) -> None:
        seen.append(done)
        if done >= 30:  # while the PDF is being laid out
            token.cancel()

    before = len(list_exports(demo_vault.service, limit=1000))
    with pytest.raises(CancelledError):
        export_dossier(demo_vault.service, audience="partners", language="ar",
                       out_pdf=tmp_path / "d.pdf", progress=progress, cancel=token)
    assert seen and list(tmp_path.iterdir()) == []
    assert len(list_exports(demo_vault.service, limit=1000)) == before


def test_an_error_after_rendering_leaves_no_file(demo_vault: DemoVault, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import fieldkit.export.job as job

    def broken(*a: object, **k: object) -> str:
        raise ValidationError("the export log is full")

    monkeypatch.setattr(job, "record_export", broken)
    with pytest.raises(ValidationError, match="log is full"):
        export_dossier(demo_vault.service, audience="public", language="en",
                       out_pdf=tmp_path / "d.pdf")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kw,error", [
    ({"language": "fr"}, ValidationError), ({"audience": "press"}, ValidationError),
])
def test_bad_arguments_are_refused_before_anything_is_written(
        demo_vault: DemoVault, tmp_path: Path, kw: dict[str, str],
        error: type[Exception]) -> None:
    args = {"audience": "public", "language": "en", **kw}
    with pytest.raises(error):
        export_dossier(demo_vault.service, out_pdf=tmp_path / "d.pdf", **args)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_bad_destinations_are_refused_before_anything_is_written(
        demo_vault: DemoVault, tmp_path: Path) -> None:
    from fieldkit.errors import NotFoundError

    (tmp_path / "a-folder").mkdir()
    cases: list[tuple[dict[str, Path], type[Exception]]] = [
        ({"out_pdf": tmp_path / "missing" / "d.pdf"}, NotFoundError),
        ({"out_pdf": tmp_path / "a-folder"}, ValidationError),
        ({"out_pdf": tmp_path / "d.pdf", "out_bundle": tmp_path / "d.pdf"}, ValidationError),
    ]
    for kw, error in cases:
        with pytest.raises(error):
            export_dossier(demo_vault.service, audience="public", language="en", **kw)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder"]
    assert list((tmp_path / "a-folder").iterdir()) == []
