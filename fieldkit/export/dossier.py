"""The evidence dossier: a PDF for an envoy or a lawyer, in Arabic or English.

Layout (A4): cover, contents with page numbers, summary table, one section per incident
(facts, acts, persons, testimonies, evidence index, photo thumbnails, custody timeline) and a
verification appendix (record ids, signer fingerprints, log indexes, checkpoint, and a QR code
of the bundle's contents digest). Every page carries the audience as its confidentiality level
in the header and "page X of Y" in the footer.

The dossier only ever renders what :func:`~fieldkit.export.audience.redact` left (the
``SelectedIncident.record``): consent and pseudonyms are decided there, not here.

Arabic is drawn by :mod:`fieldkit.export.text` (bidi per line, harfbuzz shaping, extractable
text); an Arabic dossier is right-to-left throughout: paragraphs start at the right, table
columns run right to left, header and footer are mirrored.

The document is laid out once: the canvas holds every page until the end, then draws what
needs the other pages (the contents' page numbers, "of Y", bookmarks) and writes them.
Photos are decrypted in memory and thumbnailed once; no plaintext touches the disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from fieldkit.errors import FieldKitError, ValidationError
from fieldkit.export import fonts
from fieldkit.export.selection import SelectedIncident
from fieldkit.export.text import (
    Align,
    Direction,
    Para,
    TextStyle,
    base_is_rtl,
    draw_text,
    isolate_ltr,
)
from fieldkit.progress import CancelToken, Progress, check
from fieldkit.service import VaultService

LANGUAGES = ("ar", "en")
PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
FRAME_W = PAGE_W - 2 * MARGIN
THUMB_PX = 480            # longest side of a thumbnail, in pixels
THUMB_MAX_BYTES = 64 << 20  # larger images are listed, not previewed
THUMB_W = 52 * mm

# --- labels --------------------------------------------------------------------------------

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Evidence dossier", "contents": "Contents", "summary": "Summary",
        "appendix": "Verification appendix", "period": "Period", "countries": "Countries",
        "audience": "Audience", "prepared_by": "Prepared by", "date": "Date of this dossier",
        "checkpoint": "Registry checkpoint", "no_checkpoint":
            "none: these records have no registry receipts",
        "entries": "entries", "root": "root", "incidents": "Incidents",
        "page": "Page", "page_of": "page {x} of {y}", "no": "No.",
        "occurred": "Date", "country": "Country", "category": "Category",
        "incident": "Incident", "testimonies": "Testimonies", "evidence": "Evidence",
        "facts": "Facts", "record_id": "Sealed record", "place": "Place",
        "confidentiality": "Confidentiality", "description": "Description", "acts": "Acts",
        "act": "Act", "victims": "Victims", "perpetrators": "Perpetrators",
        "persons": "Persons", "pseudonym": "Pseudonym", "roles": "Roles",
        "gender": "Gender", "age_group": "Age group", "name": "Name", "contact": "Contact",
        "witness": "Witness", "language": "Language", "consent": "Consent",
        "recorded": "Recorded", "audio": "Audio recording",
        "file": "File", "type": "Type", "size": "Size (bytes)", "sha256": "SHA-256",
        "captured": "Captured", "photos": "Photographs", "custody": "Custody timeline",
        "at": "When", "action": "Action", "by": "By", "note": "Note",
        "annotations": "Annotations",
        "annotations_note": "Notes sealed beside this record by the devices named. They do "
                            "not change the record above, which is as its device sealed it.",
        "on_revision": "on an earlier revision",
        "none": "None.", "no_preview": "no preview",
        "withheld": "Withheld for this audience: {n} item(s) (testimonies without consent, "
                    "identities, locations).",
        "internal": "INTERNAL: confidential, for the organisation only",
        "partners": "PARTNERS: confidential, for trusted partners only",
        "public": "PUBLIC",
        "kind": "Kind", "signer": "Signer key", "log_index": "Log index",
        "redacted": "Redacted", "yes": "yes", "no_": "no",
        "log": "Log", "log_key": "Log key fingerprint",
        "digest": "Bundle contents digest (SHA-256)", "no_bundle":
            "No verification bundle was made with this dossier.",
        "appendix_intro":
            "Each incident above is a sealed record: its id is the SHA-256 of the signed "
            "statement, signed with the Ed25519 key of the device that recorded it. A log "
            "index says where the registry's transparency log holds the record; the "
            "checkpoint below is the log's signed state the inclusion proofs lead to. The "
            "bundle beside this dossier holds the signed envelopes, receipts, proofs and "
            "files; docs/verification.md shows how to check it with open tools. The QR code "
            "holds the bundle's contents digest.",
        "redacted_note": "A redacted record is carried with a redaction statement signed by "
                         "the exporting device, tied to the original record's log entry.",
        "about": "about", "to": "to", "unknown": "unknown",
        "male": "male", "female": "female", "adult": "adult", "youth": "youth",
        "older": "older", "child": "child",
        "act_imported": "imported", "act_extracted": "extracted", "act_transferred":
            "transferred", "act_received": "received", "act_copied": "copied",
        "act_verified": "verified", "act_exported": "exported",
        "lvl_internal": "internal", "lvl_partners": "partners", "lvl_public": "public",
    },
    "ar": {
        "title": "ملف أدلة", "contents": "المحتويات", "summary": "ملخص",
        "appendix": "ملحق التحقق", "period": "الفترة", "countries": "البلدان",
        "audience": "الجمهور", "prepared_by": "أعدّه", "date": "تاريخ هذا الملف",
        "checkpoint": "نقطة تحقق السجل", "no_checkpoint":
            "لا توجد: هذه السجلات بلا إيصالات من السجل",
        "entries": "مدخلاً", "root": "الجذر", "incidents": "الحوادث",
        "page": "الصفحة", "page_of": "الصفحة {x} من {y}", "no": "الرقم",
        "occurred": "التاريخ", "country": "البلد", "category": "الفئة",
        "incident": "الحادثة", "testimonies": "الشهادات", "evidence": "الأدلة",
        "facts": "الوقائع", "record_id": "السجل المختوم", "place": "المكان",
        "confidentiality": "درجة السرية", "description": "الوصف", "acts": "الأفعال",
        "act": "الفعل", "victims": "الضحايا", "perpetrators": "المرتكبون",
        "persons": "الأشخاص", "pseudonym": "الاسم المستعار", "roles": "الأدوار",
        "gender": "الجنس", "age_group": "الفئة العمرية", "name": "الاسم", "contact": "التواصل",
        "witness": "الشاهد", "language": "اللغة", "consent": "الموافقة",
        "recorded": "تاريخ التسجيل", "audio": "تسجيل صوتي",
        "file": "الملف", "type": "النوع", "size": "الحجم (بايت)", "sha256": "SHA-256",
        "captured": "وقت الالتقاط", "photos": "الصور", "custody": "تسلسل العهدة",
        "at": "الوقت", "action": "الإجراء", "by": "بواسطة", "note": "ملاحظة",
        "annotations": "التعليقات",
        "annotations_note": "ملاحظات مختومة بجانب هذا السجل من الأجهزة المذكورة. لا تغيّر "
                            "السجل أعلاه، فهو كما ختمه جهازه.",
        "on_revision": "على نسخة سابقة",
        "none": "لا شيء.", "no_preview": "لا معاينة",
        "withheld": "حُجب عن هذا الجمهور: {n} عنصر (شهادات بلا موافقة، هويات، مواقع).",
        "internal": "داخلي: سرّي، للمنظمة فقط",
        "partners": "للشركاء: سرّي، للشركاء الموثوقين فقط",
        "public": "عام",
        "kind": "النوع", "signer": "مفتاح التوقيع", "log_index": "رقم المدخل في السجل",
        "redacted": "منقّح", "yes": "نعم", "no_": "لا",
        "log": "السجل", "log_key": "بصمة مفتاح السجل",
        "digest": "بصمة محتويات الحزمة (SHA-256)", "no_bundle":
            "لم تُنشأ حزمة تحقق مع هذا الملف.",
        "appendix_intro":
            "كل حادثة أعلاه سجل مختوم: معرّفه هو بصمة SHA-256 للبيان الموقّع، وقد وقّعه "
            "مفتاح Ed25519 الخاص بالجهاز الذي سجّله. يدلّ رقم المدخل على موضع السجل في سجل "
            "الشفافية لدى الخادم، ونقطة التحقق أدناه هي الحالة الموقّعة للسجل التي تنتهي "
            "إليها براهين التضمين. تحتوي الحزمة المرفقة بهذا الملف على المغلفات الموقّعة "
            "والإيصالات والبراهين والملفات، ويشرح الملف docs/verification.md كيفية فحصها "
            "بأدوات مفتوحة. يحمل رمز QR بصمة محتويات الحزمة.",
        "redacted_note": "يُرفق السجل المنقّح ببيان تنقيح موقّع من الجهاز المصدِّر، مرتبط "
                         "بمدخل السجل الأصلي في سجل الشفافية.",
        "about": "حوالي", "to": "إلى", "unknown": "غير معروف",
        "male": "ذكر", "female": "أنثى", "adult": "بالغ", "youth": "شاب",
        "older": "مسنّ", "child": "طفل",
        "act_imported": "استيراد", "act_extracted": "استخراج", "act_transferred": "نقل",
        "act_received": "استلام", "act_copied": "نسخ", "act_verified": "تحقق",
        "act_exported": "تصدير",
        "lvl_internal": "داخلي", "lvl_partners": "للشركاء", "lvl_public": "عام",
    },
}

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "ar": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
           "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
}
LANGUAGE_NAMES = {
    "en": {"ar": "Arabic", "en": "English", "fr": "French", "ru": "Russian", "kk": "Kazakh",
           "de": "German", "nl": "Dutch", "sv": "Swedish"},
    "ar": {"ar": "العربية", "en": "الإنجليزية", "fr": "الفرنسية", "ru": "الروسية",
           "kk": "الكازاخية", "de": "الألمانية", "nl": "الهولندية", "sv": "السويدية"},
}
_AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


# --- what the dossier shows beyond the records ----------------------------------------------

@dataclass(frozen=True)
class RecordProof:
    """Where one record stands: who signed it and where the registry logged it."""

    record_id: str
    kind: str
    device: str
    signer_fingerprint: str
    log_index: int | None
    redacted: bool


@dataclass(frozen=True)
class DossierInfo:
    audience: str
    language: str
    prepared_by: str = ""
    generated_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    period: tuple[str, str] | None = None   # the selection's dates, else the incidents'
    checkpoint: str | None = None            # the newest signed checkpoint note
    log_origin: str | None = None
    log_fingerprint: str | None = None
    contents_digest: str | None = None
    proofs: dict[str, RecordProof] = field(default_factory=dict)


def checkpoint_summary(note: str) -> tuple[int, str] | None:
    """(size, root hash hex) from a signed checkpoint note (C2SP: origin, size, base64 root).
    Display only: the bundle's verifier checks the signature."""
    import base64
    import binascii

    lines = note.split("\n")
    if len(lines) < 3 or not lines[1].isdigit():
        return None
    try:
        root = base64.b64decode(lines[2], validate=True)
    except (binascii.Error, ValueError):
        return None
    return int(lines[1]), root.hex()


# --- formatting ------------------------------------------------------------------------------

class Fmt:
    """Labels, numbers and dates in the dossier's language."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValidationError(f"The dossier language must be ar or en, not {language!r}.")
        self.lang = language
        self.rtl = language == "ar"
        self.labels = LABELS[language]

    def __call__(self, key: str, **kw: Any) -> str:
        text = self.labels.get(key, LABELS["en"].get(key, key))
        return text.format(**kw) if kw else text

    def digits(self, s: str) -> str:
        return s.translate(_AR_DIGITS) if self.rtl else s

    def num(self, n: int) -> str:
        s = f"{n:,}"
        return self.digits(s.replace(",", "٬")) if self.rtl else s

    def _day(self, y: int, m: int, d: int | None) -> str:
        month = MONTHS[self.lang][m - 1]
        s = f"{d} {month} {y}" if d else f"{month} {y}"
        return self.digits(s)

    def date(self, value: str | None) -> str:
        """An ISO date, date-time or prefix (``2026``, ``2026-03``) for a reader."""
        if not value:
            return "—"
        v = value.strip()
        try:
            if len(v) == 4:
                return self.digits(v)
            if len(v) == 7:
                return self._day(int(v[:4]), int(v[5:7]), None)
            if len(v) == 10:
                return self._day(int(v[:4]), int(v[5:7]), int(v[8:10]))
            dt = datetime.fromisoformat(v.replace("Z", "+00:00"))
        except ValueError:
            return v
        offset = dt.strftime("%z")
        zone = "UTC" if offset in ("+0000", "") else f"UTC{offset[:3]}:{offset[3:]}"
        s = f"{self._day(dt.year, dt.month, dt.day)} {self.digits(dt.strftime('%H:%M'))}"
        return f"{s} {isolate_ltr(zone) if self.rtl else zone}"

    def when(self, occurred: dict[str, Any]) -> str:
        start = self.date(occurred.get("start"))
        precision = occurred.get("precision")
        if precision == "range" and occurred.get("end"):
            return f"{start} – {self.date(occurred['end'])}"
        if precision == "approximate":
            return f"{self('about')} {start}"
        return start

    def lang_name(self, code: str) -> str:
        return LANGUAGE_NAMES[self.lang].get(code.split("-")[0], code)

    def ltr(self, s: str) -> str:
        """An id, hash or code inside text of this language."""
        return isolate_ltr(s) if self.rtl else s


# --- building blocks -------------------------------------------------------------------------

BODY = TextStyle(size=9.5, leading=14)
SMALL = TextStyle(size=8, leading=11)
CELL = TextStyle(size=8.5, leading=12)
CELL_B = TextStyle(size=8.5, leading=12, bold=True)
MONO = TextStyle(size=7, leading=9.5, mono=True)
H1 = TextStyle(size=17, leading=24, bold=True)
H2 = TextStyle(size=12.5, leading=18, bold=True)
H3 = TextStyle(size=10.5, leading=15, bold=True)
GREY = colors.Color(0.93, 0.93, 0.93)
LINE = colors.Color(0.6, 0.6, 0.6)
ACCENT = colors.Color(0.55, 0.1, 0.1)


def _base_font() -> str:
    """The font reportlab's own drawing falls back on (tables, page preambles)."""
    return str(fonts.font_set().amiri.fontName)


class _Heading(Para):
    """A heading the contents (and the PDF outline) point to."""

    def __init__(self, text: str, style: TextStyle, *, key: str, level: int,
                 direction: Direction) -> None:
        super().__init__(text, style, direction=direction, align="start")
        self.toc_key = key
        self.toc_title = text
        self.toc_level = level


class _PageRef(Flowable):  # type: ignore[misc]
    """The page number of a section, in the contents: the room for it is kept while the
    document is laid out, and the number is drawn once every page is known."""

    def __init__(self, builder: DossierBuilder, key: str, style: TextStyle) -> None:
        super().__init__()
        self.builder, self.key, self.style = builder, key, style

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.style.line_height

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        self.builder.refs.append((self.builder.doc_page(), self.key, x, y, self.width))


class QRCode(Flowable):  # type: ignore[misc]
    """A QR code drawn as vector squares (crisp at any zoom, decodable from a scan)."""

    def __init__(self, data: str, size: float) -> None:
        super().__init__()
        import qrcode

        qr = qrcode.QRCode(border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
        qr.add_data(data)
        qr.make(fit=True)
        self.matrix: list[list[bool]] = qr.get_matrix()
        self.size = size
        self.hAlign = "CENTER"

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        n = len(self.matrix)
        cell = self.size / n
        c = self.canv
        c.setFillColor(colors.white)
        c.rect(0, 0, self.size, self.size, stroke=0, fill=1)
        c.setFillColor(colors.black)
        for r, row in enumerate(self.matrix):
            for k, on in enumerate(row):
                if on:
                    c.rect(k * cell, self.size - (r + 1) * cell, cell, cell, stroke=0, fill=1)


@dataclass
class _Thumb:
    data: bytes
    width: int
    height: int


class DossierBuilder:
    """Builds the story for one dossier; :func:`render_dossier` runs it."""

    def __init__(self, service: VaultService, incidents: Sequence[SelectedIncident],
                 info: DossierInfo, *, include_photos: bool,
                 cancel: CancelToken | None) -> None:
        self.service = service
        self.incidents = list(incidents)
        self.info = info
        self.f = Fmt(info.language)
        self.dir: Direction = "rtl" if self.f.rtl else "ltr"
        self.include_photos = include_photos
        self.cancel = cancel
        self.thumbs: dict[str, _Thumb | None] = {}
        self.pages: dict[str, int] = {}   # section key -> page (from the previous pass)
        self.total_pages = 0
        self.refs: list[tuple[int, str, float, float, float]] = []  # page, key, x, y, width
        self.doc: BaseDocTemplate | None = None
        self.tax = service.taxonomy

    # -- small helpers --

    def p(self, text: str, style: TextStyle = BODY, *, align: Align = "start",
          direction: Direction | None = None) -> Para:
        """Text of this dossier (labels, generated sentences): the dossier's direction."""
        return self._para(text, style, direction=direction or self.dir, align=align)

    def u(self, text: str, style: TextStyle = BODY) -> Para:
        """Text someone typed (titles, testimonies): its own direction, from its letters.
        Short left-to-right text in an Arabic dossier (a cell, a name) keeps to the right
        edge like its neighbours; a long paragraph keeps to its own start."""
        text = text or "—"
        align: Align = "start"
        if self.f.rtl and len(text) < 120 and not base_is_rtl(text):
            align = "end"
        return self._para(text, style, direction="auto", align=align)

    def code(self, text: str, style: TextStyle = MONO) -> Para:
        """Ids and hashes: left to right, aligned to the dossier's start side."""
        return self._para(text, style, direction="ltr", align="end" if self.f.rtl else "start")

    def _para(self, text: str, style: TextStyle, *, direction: Direction,
              align: Align) -> Para:
        return Para(text, style, direction=direction, align=align)

    def h3(self, text: str) -> Para:
        """A sub-heading, kept on the page of what follows it."""
        para = self.p(text, H3)
        para.keepWithNext = True
        return para

    def doc_page(self) -> int:
        return int(self.doc.page) if self.doc is not None else 0

    def row(self, cells: list[Any]) -> list[Any]:
        return list(reversed(cells)) if self.f.rtl else cells

    def table(self, header: list[str] | None, rows: list[list[Any]], widths: list[float],
              *, zebra: bool = True, label_col: bool = False) -> Table:
        """A table in logical column order; an RTL dossier reverses the columns."""
        data: list[list[Any]] = []
        if header is not None:
            data.append(self.row([self.p(h, CELL_B) for h in header]))
        data += [self.row(r) for r in rows]
        ws = list(reversed(widths)) if self.f.rtl else widths
        t = Table(data, colWidths=ws, repeatRows=1 if header else 0, hAlign="CENTER")
        style: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), _base_font()),  # not Helvetica (never embedded)
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.4, LINE),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        if header is not None:
            style.append(("BACKGROUND", (0, 0), (-1, 0), GREY))
        if label_col:
            col = len(widths) - 1 if self.f.rtl else 0
            style.append(("BACKGROUND", (col, 0), (col, -1), GREY))
        t.setStyle(TableStyle(style))
        return t

    def heading(self, text: str, style: TextStyle, key: str, level: int) -> _Heading:
        return _Heading(text, style, key=key, level=level, direction=self.dir)

    def label(self, code: str, kind: str) -> str:
        try:
            getter: Callable[[str], Any] = {
                "category": self.tax.get, "act": self.tax.act_type,
                "involvement": self.tax.involvement, "role": self.tax.role}[kind]
            return str(getter(code).label(self.f.lang))
        except FieldKitError:
            return code

    # -- photos --

    def prepare_thumbnails(self, progress: Progress | None) -> None:
        """Decrypt each photo in memory once and keep a small JPEG of it."""
        if not self.include_photos:
            return
        wanted: list[dict[str, Any]] = []
        for inc in self.incidents:
            for ev in inc.record.get("evidence", []):
                if str(ev.get("media_type", "")).startswith("image/") \
                        and ev.get("sha256") not in self.thumbs:
                    self.thumbs[ev["sha256"]] = None
                    wanted.append(ev)
        for i, ev in enumerate(wanted):
            check(self.cancel)
            self.thumbs[ev["sha256"]] = self._thumbnail(ev)
            if progress is not None:
                progress(i + 1, len(wanted))

    def _thumbnail(self, ev: dict[str, Any]) -> _Thumb | None:
        from PIL import Image as PILImage
        from PIL import UnidentifiedImageError

        if int(ev.get("size", 0)) > THUMB_MAX_BYTES:
            return None
        try:
            info = self.service.attachment(ev["sha256"])
        except FieldKitError:
            return None
        with self.service.vault.attachments.open(info.blob, label=info.file_name) as reader:
            raw = reader.read()
        if hashlib.sha256(raw).hexdigest() != ev["sha256"]:
            return None  # the vault check reports it; the dossier shows no wrong picture
        try:
            with PILImage.open(io.BytesIO(raw)) as src:
                w, h = src.size
                scale = THUMB_PX / max(w, h, 1)
                # JPEG: decode at 1/2, 1/4 or 1/8 straight away, no bigger than needed
                src.draft("RGB", (max(1, int(w * scale)), max(1, int(h * scale))))
                src.thumbnail((THUMB_PX, THUMB_PX), reducing_gap=2.0)
                im = src.convert("RGB")
            out = io.BytesIO()
            im.save(out, "JPEG", quality=80)
            return _Thumb(out.getvalue(), im.width, im.height)
        except (UnidentifiedImageError, OSError, ValueError, PILImage.DecompressionBombError):
            return None

    # -- the story --

    def story(self) -> list[Flowable]:
        s: list[Flowable] = []
        s += self.cover()
        s += self.contents()
        s += self.summary()
        for n, inc in enumerate(self.incidents, 1):
            check(self.cancel)
            s += self.incident(n, inc)
        s += self.appendix()
        return s

    def toc_entries(self) -> list[tuple[str, str, int]]:
        f = self.f
        entries = [("summary", f("summary"), 0)]
        entries += [(f"inc-{i}", f"{f.digits(str(i))}. {inc.record['title']}", 1)
                    for i, inc in enumerate(self.incidents, 1)]
        entries.append(("appendix", f("appendix"), 0))
        return entries

    def period(self) -> str:
        if self.info.period:
            a, b = self.info.period
        else:
            dates = sorted(i.record["occurred"]["start"][:10] for i in self.incidents)
            a, b = dates[0], dates[-1]
        return self.f.date(a) if a == b else f"{self.f.date(a)} – {self.f.date(b)}"

    def cover(self) -> list[Flowable]:
        f, info = self.f, self.info
        countries = sorted({i.record["country"] for i in self.incidents})
        cp = checkpoint_summary(info.checkpoint) if info.checkpoint else None
        cp_text = (f"{f.num(cp[0])} {f('entries')}, {f('root')} {f.ltr(cp[1][:16])}…"
                   if cp else f("no_checkpoint"))
        rows = [
            (f("period"), self.p(self.period())),
            (f("countries"), self.p(("، " if f.rtl else ", ").join(
                f.ltr(c) for c in countries))),
            (f("incidents"), self.p(f.num(len(self.incidents)))),
            (f("audience"), self.p(f(info.audience), CELL_B)),
            (f("prepared_by"), self.u(info.prepared_by or "—")),
            (f("date"), self.p(f.date(info.generated_at.isoformat(timespec="minutes")))),
            (f("checkpoint"), self.p(cp_text)),
        ]
        if info.log_origin:
            rows.append((f("log"), self.code(info.log_origin, SMALL)))
        table = self.table(None, [[self.p(k, CELL_B), v] for k, v in rows],
                           [50 * mm, FRAME_W - 50 * mm], label_col=True)
        return [Spacer(1, 45 * mm), self.p(f("title"), TextStyle(size=28, leading=38,
                                                                  bold=True), align="center"),
                Spacer(1, 4 * mm),
                self.p(f(info.audience), TextStyle(size=13, leading=18, bold=True,
                                                   color=(0.55, 0.1, 0.1)), align="center"),
                Spacer(1, 18 * mm), table, PageBreak()]

    def contents(self) -> list[Flowable]:
        f = self.f
        rows = []
        for key, title, level in self.toc_entries():
            indent = "    " * level
            rows.append([self.p(indent + title if not f.rtl else title,
                                CELL_B if level == 0 else CELL),
                         _PageRef(self, key, CELL)])
        t = self.table(None, rows, [FRAME_W - 22 * mm, 22 * mm], zebra=False)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0, colors.white),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.25, LINE)]))
        return [self.p(f("contents"), H1), Spacer(1, 4 * mm), t, PageBreak()]

    def summary(self) -> list[Flowable]:
        f = self.f
        rows = []
        for n, inc in enumerate(self.incidents, 1):
            r = inc.record
            rows.append([self.p(f.num(n), CELL), self.p(f.when(r["occurred"]), CELL),
                         self.p(f.ltr(r["country"]), CELL),
                         self.p(self.label(r["category"], "category"), CELL),
                         self.u(r["title"], CELL),
                         self.p(f.num(len(r.get("testimonies", []))), CELL),
                         self.p(f.num(len(r.get("evidence", []))), CELL)])
        widths = [10 * mm, 28 * mm, 15 * mm, 30 * mm, 0.0, 18 * mm, 16 * mm]
        widths[4] = FRAME_W - sum(widths)
        header = [f("no"), f("occurred"), f("country"), f("category"), f("incident"),
                  f("testimonies"), f("evidence")]
        return [self.heading(f("summary"), H1, "summary", 0), Spacer(1, 3 * mm),
                self.table(header, rows, widths), PageBreak()]

    def incident(self, n: int, inc: SelectedIncident) -> list[Flowable]:
        f, r = self.f, inc.record
        persons = {p["id"]: p for p in r.get("persons", [])}

        def who(pid: str) -> str:
            p = persons.get(pid)
            return str(p["pseudonym"]) if p else pid

        s: list[Flowable] = [self.heading(f"{f.digits(str(n))}. {r['title']}", H2,
                                          f"inc-{n}", 1), Spacer(1, 2 * mm)]
        facts = [
            (f("record_id"), self.code(inc.record_id)),
            (f("occurred"), self.p(f.when(r["occurred"]))),
            (f("country"), self.p(f.ltr(r["country"]))),
            (f("place"), self.u(r.get("place", ""), CELL)),
            (f("category"), self.p(self.label(r["category"], "category"))),
            (f("confidentiality"), self.p(f("lvl_" + r.get("confidentiality", "internal")))),
        ]
        s.append(self.table(None, [[self.p(k, CELL_B), v] for k, v in facts],
                            [40 * mm, FRAME_W - 40 * mm], label_col=True))
        if inc.redacted.removed:
            s += [Spacer(1, 1.5 * mm),
                  self.p(f("withheld", n=f.num(len(inc.redacted.removed))), SMALL)]
        if r.get("description"):
            s += [Spacer(1, 3 * mm), self.h3(f("description")), self.u(r["description"])]
        s += self.annotations(inc)
        # acts
        s += [Spacer(1, 3 * mm), self.h3(f("acts"))]
        if r.get("acts"):
            rows = []
            for a in r["acts"]:
                perps = "، ".join if f.rtl else ", ".join
                rows.append([
                    self.p(self.label(a["type"], "act"), CELL),
                    self.u(perps(who(v) for v in a.get("victims", [])), CELL),
                    self.u(perps(f"{who(p['person'])} "
                                 f"({self.label(p['involvement'], 'involvement')})"
                                 for p in a.get("perpetrators", [])), CELL),
                    self.u(a.get("description", ""), CELL)])
            s.append(self.table([f("act"), f("victims"), f("perpetrators"), f("description")],
                                rows, [32 * mm, 36 * mm, 44 * mm, FRAME_W - 112 * mm]))
        else:
            s.append(self.p(f("none"), SMALL))
        # persons
        s += [Spacer(1, 3 * mm), self.h3(f("persons"))]
        internal = self.info.audience == "internal"
        header = [f("pseudonym"), f("roles"), f("gender"), f("age_group")]
        widths = [48 * mm, 40 * mm, 22 * mm, 24 * mm]
        if internal:
            header += [f("name"), f("contact")]
            widths = [34 * mm, 30 * mm, 16 * mm, 18 * mm, 32 * mm, 0.0]
            widths[-1] = FRAME_W - sum(widths)
        else:
            widths[0] += FRAME_W - sum(widths)
        prow = []
        for p in r.get("persons", []):
            roles = ("، " if f.rtl else ", ").join(self.label(x, "role")
                                                   for x in p.get("roles", []))
            cells: list[Any] = [self.u(p["pseudonym"], CELL), self.p(roles, CELL),
                                self.p(f(p["gender"]) if p.get("gender") else "—", CELL),
                                self.p(f(p["age_group"]) if p.get("age_group") else "—", CELL)]
            if internal:
                cells += [self.u(p.get("name") or "—", CELL),
                          self.u(f.ltr(p["contact"]) if p.get("contact") else "—", CELL)]
            prow.append(cells)
        if prow:
            s.append(self.table(header, prow, widths))
        else:
            s.append(self.p(f("none"), SMALL))
        # testimonies
        s += [Spacer(1, 3 * mm), self.h3(f("testimonies"))]
        if not r.get("testimonies"):
            s.append(self.p(f("none"), SMALL))
        for t in r.get("testimonies", []):
            meta = (f"{f('witness')}: {who(t['witness'])} · {f('language')}: "
                    f"{f.lang_name(t['language'])} · {f('consent')}: "
                    f"{f('lvl_' + t['consent'])} · "
                    f"{f('recorded')}: {f.date(t.get('recorded_at'))}")
            block: list[Flowable] = [self.p(meta, SMALL), self.u(t.get("text", ""))]
            if t.get("audio"):
                au = t["audio"]
                block.append(self.p(f"{f('audio')}: {f.ltr(au['file_name'])} · "
                                    f"SHA-256 {f.ltr(au['sha256'])}", SMALL))
            block.append(Spacer(1, 2 * mm))
            s.append(KeepTogether(block) if len(t.get("text", "")) < 1200 else block[0])
            if len(t.get("text", "")) >= 1200:
                s += block[1:]
        # evidence
        s += [Spacer(1, 3 * mm), self.h3(f("evidence"))]
        evs = r.get("evidence", [])
        if evs:
            rows = [[self.u(e.get("file_name", ""), CELL), self.code(e.get("media_type", ""),
                                                                     SMALL),
                     self.p(f.num(int(e.get("size", 0))), CELL, align="end"),
                     self.code(e.get("sha256", "")),
                     self.p(f.date(e.get("captured_at")), SMALL)] for e in evs]
            s.append(self.table([f("file"), f("type"), f("size"), f("sha256"), f("captured")],
                                rows, [36 * mm, 22 * mm, 18 * mm, 56 * mm,
                                       FRAME_W - 132 * mm]))
            s += self.photos(evs)
            s += self.custody(evs)
        else:
            s.append(self.p(f("none"), SMALL))
        s.append(PageBreak())
        return s

    def annotations(self, inc: SelectedIncident) -> list[Flowable]:
        """Annotations beside the record (fieldkit/domain/amendments.py): who sealed them,
        when, and their text; they never replace the record."""
        f = self.f
        if not inc.annotations:
            return []
        s: list[Flowable] = [Spacer(1, 3 * mm), self.h3(f("annotations")),
                             self.p(f("annotations_note"), SMALL), Spacer(1, 1 * mm)]
        for a in inc.annotations:
            on = "" if a["target"] == inc.record_id else f" · {f('on_revision')}"
            meta = (f"{f('at')}: {f.date(str(a['at']))} · {f('by')}: "
                    f"{f.ltr(self._fingerprint(str(a['device'])))}{on}")
            s += [self.p(meta, SMALL), self.u(str(a["text"])), Spacer(1, 1.5 * mm)]
        return s

    def photos(self, evs: list[dict[str, Any]]) -> list[Flowable]:
        cells: list[Flowable] = []
        for e in evs:
            if e.get("sha256") not in self.thumbs:
                continue
            th = self.thumbs[e["sha256"]]
            if th is None:
                img: Flowable = self.p(self.f("no_preview"), SMALL, align="center")
            else:
                w = THUMB_W
                h = w * th.height / th.width
                if h > 48 * mm:
                    h = 48 * mm
                    w = h * th.width / th.height
                img = Image(io.BytesIO(th.data), width=w, height=h)
            cells.append([img, self.u(e.get("file_name", ""), SMALL)])
        if not cells:
            return []
        per_row = 3
        rows = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
        rows[-1] = rows[-1] + [[Spacer(1, 1)]] * (per_row - len(rows[-1]))
        data = [self.row(r) for r in rows]
        t = Table(data, colWidths=[FRAME_W / per_row] * per_row, hAlign="CENTER")
        t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), _base_font()),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("ALIGN", (0, 0), (-1, -1), "CENTER")]))
        return [Spacer(1, 3 * mm), CondPageBreak(60 * mm), self.h3(self.f("photos")), t]

    def custody(self, evs: list[dict[str, Any]]) -> list[Flowable]:
        f = self.f
        rows = []
        for e in evs:
            events = list(e.get("custody", []))
            events += [{**c, "sealed": True} for c in self.service.custody_events(e["sha256"])]
            events.sort(key=lambda c: str(c.get("at", "")))
            for c in events:
                note = c.get("note", "") if (self.info.audience == "internal"
                                             or not c.get("sealed")) else ""
                rows.append([self.p(f.date(c.get("at")), SMALL),
                             self.u(e.get("file_name", ""), SMALL),
                             self.p(f(f"act_{c.get('action', '')}")
                                    if f"act_{c.get('action', '')}" in LABELS["en"]
                                    else str(c.get("action", "")), SMALL),
                             self.code(str(c.get("actor", ""))[:16] + "…", MONO),
                             self.u(note, SMALL)])
        if not rows:
            return []
        return [Spacer(1, 3 * mm), self.h3(f("custody")),
                self.table([f("at"), f("file"), f("action"), f("by"), f("note")], rows,
                           [30 * mm, 34 * mm, 20 * mm, 30 * mm, FRAME_W - 114 * mm])]

    def appendix(self) -> list[Flowable]:
        f, info = self.f, self.info
        s: list[Flowable] = [self.heading(f("appendix"), H1, "appendix", 0), Spacer(1, 3 * mm),
                             self.p(f("appendix_intro")), Spacer(1, 3 * mm)]
        rows = []
        any_redacted = False
        for inc in self.incidents:
            pr = info.proofs.get(inc.record_id)
            fp = pr.signer_fingerprint if pr else self._fingerprint(inc.sealed.device)
            idx = pr.log_index if pr else None
            redacted = pr.redacted if pr else inc.redacted.changed
            any_redacted = any_redacted or redacted
            rows.append([self.code(inc.record_id), self.code(fp, MONO),
                         self.p(f.num(idx) if idx is not None else "—", CELL, align="end"),
                         self.p(f("yes") if redacted else f("no_"), CELL)])
            for a in inc.annotations:  # sealed beside the incident, in the bundle too
                apr = info.proofs.get(str(a["record_id"]))
                aidx = apr.log_index if apr else None
                rows.append([self.code(str(a["record_id"])),
                             self.code(self._fingerprint(str(a["device"])), MONO),
                             self.p(f.num(aidx) if aidx is not None else "—", CELL,
                                    align="end"),
                             self.p(f("no_"), CELL)])
        s.append(self.table([f("record_id"), f("signer"), f("log_index"), f("redacted")], rows,
                            [70 * mm, 50 * mm, 25 * mm, FRAME_W - 145 * mm]))
        if any_redacted:
            s += [Spacer(1, 2 * mm), self.p(f("redacted_note"), SMALL)]
        s += [Spacer(1, 4 * mm), self.h3(f("checkpoint"))]
        if info.checkpoint:
            if info.log_fingerprint:
                s.append(self.p(f"{f('log_key')}: {f.ltr(info.log_fingerprint)}", SMALL))
            for line in info.checkpoint.rstrip("\n").split("\n"):
                s.append(self._para(line or " ", MONO, direction="ltr", align="start"))
        else:
            s.append(self.p(f("no_checkpoint"), SMALL))
        s += [Spacer(1, 4 * mm), self.h3(f("digest"))]
        if info.contents_digest:
            s += [self.code(info.contents_digest, TextStyle(size=8, leading=11, mono=True)),
                  Spacer(1, 3 * mm), QRCode(info.contents_digest, 42 * mm)]
        else:
            s.append(self.p(f("no_bundle"), SMALL))
        return s

    def _fingerprint(self, key_id: str) -> str:
        from fieldkit.crypto.keys import VerifyKey

        row = self.service.vault.read().execute(
            "SELECT public_key FROM known_devices WHERE key_id = ?", (key_id,)).fetchone()
        own = self.service.vault.device_key.verify_key
        if row is not None:
            return VerifyKey.from_bytes(bytes(row[0])).fingerprint
        return own.fingerprint if own.key_id == key_id else key_id[:16]


class _HoldingCanvas(Canvas):  # type: ignore[misc]
    """Holds every page until the document ends, then finishes each one (header, footer
    with "page X of Y", the contents' page numbers, bookmarks) and writes it: one layout
    pass instead of one to count pages and one to print the count."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict[str, Any]] = []
        self.finish: Callable[[Canvas, int, int], None] | None = None

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        held, finish = self._held, self.finish
        for n, state in enumerate(held, 1):
            self.__dict__.update(state)
            if finish is not None:
                finish(self, n, len(held))
            Canvas.showPage(self)
        Canvas.save(self)


class _Doc(BaseDocTemplate):  # type: ignore[misc]
    """Records the page of every heading for the contents and the PDF outline."""

    def __init__(self, target: Any, builder: DossierBuilder) -> None:
        self.builder = builder
        self.found: dict[str, int] = {}
        self.headings: list[tuple[int, str, str, int]] = []  # page, key, title, level
        super().__init__(target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN + 8 * mm, bottomMargin=MARGIN + 6 * mm,
                         title=builder.f("title"), author=builder.info.prepared_by,
                         subject=builder.f(builder.info.audience), creator="FieldKit",
                         lang="ar" if builder.f.rtl else "en",
                         # every page's preamble names a font: one we embed, not Helvetica
                         initialFontName=_base_font())
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Heading):
            self.found[flowable.toc_key] = self.page
            self.headings.append((self.page, flowable.toc_key, flowable.toc_title,
                                  flowable.toc_level))
        check(self.builder.cancel)

    def finish_page(self, canvas: Canvas, page: int, total: int) -> None:
        """Everything on a page that needs to know the other pages."""
        check(self.builder.cancel)
        b = self.builder
        f = b.f
        for at, key, title, level in self.headings:
            if at == page:
                canvas.bookmarkPage(key)
                canvas.addOutlineEntry(title, key, level=level, closed=True)
        for at, key, x, y, width in b.refs:
            if at == page and key in self.found:
                num = Para(f.num(self.found[key]), CELL, direction=b.dir, align="end")
                num.wrap(width, CELL.line_height)
                num.drawOn(canvas, x, y)
        canvas.saveState()
        top = PAGE_H - MARGIN
        bottom = MARGIN
        half = FRAME_W / 2
        title = f("title")
        level_text = f(b.info.audience)
        start_x, end_x = (MARGIN + half, MARGIN) if f.rtl else (MARGIN, MARGIN + half)
        # header: the dossier's title at the start side, the confidentiality level at the end
        draw_text(canvas, title, x=start_x, y=top, width=half, style=SMALL, align="start",
                  direction=b.dir)
        draw_text(canvas, level_text, x=end_x, y=top, width=half,
                  style=TextStyle(size=8, leading=11, bold=True, color=(0.55, 0.1, 0.1)),
                  align="end", direction=b.dir)
        canvas.setStrokeColor(LINE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, top - 3 * mm, PAGE_W - MARGIN, top - 3 * mm)
        canvas.line(MARGIN, bottom + 5 * mm, PAGE_W - MARGIN, bottom + 5 * mm)
        page_text = f("page_of", x=f.num(page), y=f.num(total))
        stamp = f.date(b.info.generated_at.isoformat(timespec="minutes"))
        draw_text(canvas, stamp, x=start_x, y=bottom, width=half, style=SMALL, align="start",
                  direction=b.dir)
        draw_text(canvas, page_text, x=end_x, y=bottom, width=half, style=SMALL, align="end",
                  direction=b.dir)
        canvas.restoreState()


def _holding_canvas(doc: _Doc) -> Callable[..., Canvas]:
    def make(*args: Any, **kwargs: Any) -> Canvas:
        canvas = _HoldingCanvas(*args, **kwargs)
        canvas.finish = doc.finish_page
        return canvas

    return make


def render_dossier(service: VaultService, incidents: Sequence[SelectedIncident],
                   info: DossierInfo, out_pdf: Path, *, include_photos: bool = True,
                   progress: Progress | None = None,
                   cancel: CancelToken | None = None) -> int:
    """Write the dossier to ``out_pdf`` (atomically: a temporary file beside it, then
    ``os.replace``); return its page count. Raises CancelledError with nothing written."""
    if not incidents:
        raise ValidationError("A dossier needs at least one incident.")
    fonts.register()
    builder = DossierBuilder(service, incidents, info, include_photos=include_photos,
                             cancel=cancel)
    builder.prepare_thumbnails(_share(progress, 0, 20))
    out_pdf = Path(out_pdf)
    fd, tmp = tempfile.mkstemp(dir=out_pdf.parent, prefix=f".{out_pdf.name}.", suffix=".part")
    os.close(fd)
    # Binary streams: reportlab's pure-Python ASCII85 of every image and page doubles the time.
    a85, rl_config.useA85 = rl_config.useA85, 0
    try:
        check(cancel)
        doc = _Doc(tmp, builder)
        builder.doc = doc
        story = builder.story()
        if progress is not None:
            progress(30, 100)
        doc.build(story, canvasmaker=_holding_canvas(doc))
        pages = int(doc.page)
        builder.pages, builder.total_pages = dict(doc.found), pages
        if progress is not None:
            progress(95, 100)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        check(cancel)
        os.replace(tmp, out_pdf)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    finally:
        rl_config.useA85 = a85
    if progress is not None:
        progress(100, 100)
    return pages


def _share(progress: Progress | None, start: int, share: int) -> Progress | None:
    if progress is None:
        return None

    def report(done: int, total: int | None) -> None:
        progress(start + (share * done // total if total else 0), 100)

    return report
