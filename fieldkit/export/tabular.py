"""CSV and JSON exports of sealed incidents, with HURIDOCS Events Standard Formats names.

Six tables, one row per ESF record (docs/adr/0012-huridocs-exports.md has the mapping of
every column to its ESF field number and name)::

    events        one per incident                  ESF Event format (01xx)
    acts          one per act and victim            ESF Act format (21xx): an ESF act has
                                                    exactly one victim
    involvements  one per act and perpetrator       ESF Involvement format (24xx)
    persons       one per person of an incident     ESF Person format (09xx)
    testimonies   one per testimony                 ESF Information format (25xx)
    evidence      one per evidence item             FieldKit's own (ESF only links files)

Every table carries ``event_record_number`` (the sealed record id) to join on. Columns
are the same for every audience; what the audience may not see is blank, because every
incident goes through :func:`fieldkit.export.selection.select_records`, which applies
:func:`fieldkit.export.audience.redact` — this module never filters on its own.

CSV is written for spreadsheets: UTF-8 with a byte-order mark (so Arabic opens correctly),
RFC 4180 quoting with CRLF line ends, and text cells that a spreadsheet would read as a
formula (starting with ``= + - @``, tab or CR, or their full-width forms) get a leading
apostrophe. JSON is one document: schema id, audience, and the same tables as lists.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldkit.errors import ValidationError
from fieldkit.export.audience import check_audience
from fieldkit.export.log import check_export_size, record_export
from fieldkit.export.selection import SelectedIncident, Selection, select_records
from fieldkit.progress import CancelToken, Progress, check
from fieldkit.service import VaultService
from fieldkit.storage.keyfile import atomic_write, fsync_dir
from fieldkit.storage.vault import now_iso

SCHEMA = "fieldkit.export.tables/1"
FORMATS = ("csv", "json")
STANDARD = "HURIDOCS Events Standard Formats (ESF), field names in snake_case"


@dataclass(frozen=True)
class Column:
    """One column: its name, and the ESF field it carries (``None``: FieldKit's own)."""

    name: str
    esf: str | None = None


def _cols(*spec: tuple[str, str | None]) -> tuple[Column, ...]:
    return tuple(Column(n, e) for n, e in spec)


_EVENT_LINK = ("event_record_number", "0101 Event Record Number")

COLUMNS: dict[str, tuple[Column, ...]] = {
    "events": _cols(
        _EVENT_LINK,
        ("event_title", "0102 Event Title"),
        ("confidentiality", "0108 Confidentiality"),
        ("geographical_term", "0111 Geographical Term"),
        ("local_geographical_area", "0112 Local Geographical Area"),
        ("initial_date", "0113 Initial Date"),
        ("initial_date_type", "0113 Initial Date (type of date)"),
        ("final_date", "0114 Final Date"),
        ("final_date_type", "0114 Final Date (type of date)"),
        ("event_description", "0115 Event Description"),
        ("local_index", "0155 Local Index"),
        ("date_of_entry", "0161 Date of Entry"),
        ("incident_uid", None),
        ("amends_record_number", None),
        ("sealed_at", None),
        ("sealed_by_device", None),
        ("withheld", None),
    ),
    "acts": _cols(
        ("event_record_number", "2103 Event"),
        ("act_record_number", "2101 Act Record Number"),
        ("victim", "2102 Victim"),
        ("victim_pseudonym", None),
        ("type_of_act", "2109 Type of Act"),
        ("remarks", "2150 Remarks"),
    ),
    "involvements": _cols(
        ("event_record_number", "2403 Event"),
        ("involvement_record_number", "2401 Involvement Record Number"),
        ("act", "2404 Act"),
        ("perpetrator", "2402 Perpetrator"),
        ("perpetrator_pseudonym", None),
        ("degree_of_involvement", "2409 Degree of Involvement"),
    ),
    "persons": _cols(
        ("event_record_number", None),
        ("person_record_number", "0901 Person Record Number"),
        ("pseudonym", None),
        ("name", "0903 Name"),
        ("sex", "0915 Sex"),
        ("age_group", None),
        ("address", "0910 Address"),
        ("confidentiality", "0908 Confidentiality"),
        ("roles", None),
    ),
    "testimonies": _cols(
        ("event_record_number", "2503 Event"),
        ("information_record_number", "2501 Information Record Number"),
        ("source", "2502 Source"),
        ("source_pseudonym", None),
        ("language_of_source_material", "2510 Language of Source Material"),
        ("date_of_source_material", "2511 Date of Source Material"),
        ("consent", None),
        ("text", None),
        ("audio_sha256", None),
        ("audio_size", None),
    ),
    "evidence": _cols(
        ("event_record_number", "0166 Supporting Documents (link)"),
        ("evidence_record_number", None),
        ("file_name", None),
        ("media_type", None),
        ("size", None),
        ("sha256", None),
        ("description", None),
        ("captured_at", None),
        ("gps_latitude", None),
        ("gps_longitude", None),
        ("original", None),
        ("derived_from", None),
        ("transformation", None),
        ("custody", None),
    ),
}
TABLES = tuple(COLUMNS)

Row = dict[str, Any]


@dataclass(frozen=True)
class TableExportResult:
    out: Path
    fmt: str
    audience: str
    record_ids: list[str]
    counts: dict[str, int]
    files: list[dict[str, Any]]  # {"name", "sha256", "size"} as logged
    export_id: str
    exported_at: str

    def to_json(self) -> dict[str, Any]:
        return {"out": str(self.out), "format": self.fmt, "audience": self.audience,
                "record_ids": self.record_ids, "counts": self.counts, "files": self.files,
                "export_id": self.export_id, "exported_at": self.exported_at}


# --- rows -----------------------------------------------------------------------------------

def _rows(item: SelectedIncident) -> dict[str, list[Row]]:
    """The rows of one incident, from its *redacted* record only."""
    r = item.record
    rid = item.record_id
    pseudonyms = {p.get("id"): p.get("pseudonym") for p in r.get("persons", [])}
    occurred = r.get("occurred") or {}
    precision = occurred.get("precision")
    sealed = item.sealed
    out: dict[str, list[Row]] = {t: [] for t in TABLES}
    out["events"].append({
        "event_record_number": rid, "event_title": r.get("title"),
        "confidentiality": r.get("confidentiality"), "geographical_term": r.get("country"),
        "local_geographical_area": r.get("place"), "initial_date": occurred.get("start"),
        "initial_date_type": precision, "final_date": occurred.get("end"),
        "final_date_type": precision if occurred.get("end") else None,
        "event_description": r.get("description"), "local_index": r.get("category"),
        "date_of_entry": r.get("created_at"), "incident_uid": r.get("uid"),
        "amends_record_number": sealed.prev, "sealed_at": sealed.sealed_at,
        "sealed_by_device": sealed.device, "withheld": list(item.redacted.removed)})
    for act in r.get("acts", []):
        for victim in act.get("victims") or [None]:
            out["acts"].append({
                "event_record_number": rid, "act_record_number": act.get("id"),
                "victim": victim, "victim_pseudonym": pseudonyms.get(victim),
                "type_of_act": act.get("type"), "remarks": act.get("description")})
        for n, perp in enumerate(act.get("perpetrators", []), start=1):
            person = perp.get("person")
            out["involvements"].append({
                "event_record_number": rid,
                "involvement_record_number": f"{act.get('id')}.{n}",
                "act": act.get("id"), "perpetrator": person,
                "perpetrator_pseudonym": pseudonyms.get(person),
                "degree_of_involvement": perp.get("involvement")})
    for p in r.get("persons", []):
        out["persons"].append({
            "event_record_number": rid, "person_record_number": p.get("id"),
            "pseudonym": p.get("pseudonym"), "name": p.get("name"), "sex": p.get("gender"),
            "age_group": p.get("age_group"), "address": p.get("contact"),
            "confidentiality": p.get("confidentiality"), "roles": list(p.get("roles", []))})
    for t in r.get("testimonies", []):
        audio = t.get("audio") or {}
        out["testimonies"].append({
            "event_record_number": rid, "information_record_number": t.get("id"),
            "source": t.get("witness"), "source_pseudonym": pseudonyms.get(t.get("witness")),
            "language_of_source_material": t.get("language"),
            "date_of_source_material": t.get("recorded_at"), "consent": t.get("consent"),
            "text": t.get("text"), "audio_sha256": audio.get("sha256"),
            "audio_size": audio.get("size")})
    for e in r.get("evidence", []):
        gps = e.get("gps") or {}
        out["evidence"].append({
            "event_record_number": rid, "evidence_record_number": e.get("id"),
            "file_name": e.get("file_name"), "media_type": e.get("media_type"),
            "size": e.get("size"), "sha256": e.get("sha256"),
            "description": e.get("description"), "captured_at": e.get("captured_at"),
            "gps_latitude": gps.get("lat"), "gps_longitude": gps.get("lon"),
            "original": e.get("original"), "derived_from": e.get("derived_from"),
            "transformation": e.get("transformation"), "custody": e.get("custody") or []})
    return out


# --- CSV ------------------------------------------------------------------------------------

# What makes a spreadsheet read a cell as a formula (OWASP "CSV injection"), and the
# full-width forms some spreadsheets fold to them.
_FORMULA_START = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")


def csv_cell(value: Any) -> str:
    """One value as CSV cell text. Only text can carry a formula: numbers we format
    ourselves (sizes, coordinates) stay numbers, so ``-3.7`` is still a number."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = "; ".join(value)
    elif isinstance(value, list | dict):
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    else:
        text = str(value)
    if text and text[0] in _FORMULA_START:
        return "'" + text
    return text


def _csv_bytes(table: str, rows: list[Row]) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, dialect="excel", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    names = [c.name for c in COLUMNS[table]]
    writer.writerow(names)
    for row in rows:
        writer.writerow([csv_cell(row.get(n)) for n in names])
    return buf.getvalue().encode("utf-8-sig")


# --- writing --------------------------------------------------------------------------------

def _digest(name: str, data: bytes) -> dict[str, Any]:
    return {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def _check_out(out: Path, fmt: str) -> None:
    if not out.parent.is_dir():
        raise ValidationError(f"The folder {out.parent} does not exist.",
                              hint="Create it first, or choose another --out.")
    if fmt == "csv" and out.suffix.lower() != ".zip" and out.exists() and (
            not out.is_dir() or any(out.iterdir())):
        raise ValidationError(f"{out} already exists and is not an empty folder.",
                              hint="CSV tables go into a new folder, or into a file ending "
                                   "in .zip; choose another --out.")
    if out.is_dir() and (fmt == "json" or out.suffix.lower() == ".zip"):
        raise ValidationError(f"{out} is a folder.", hint="Give a file name for --out.")


def _write_dir(out: Path, files: dict[str, bytes]) -> None:
    """Write the tables into a temp folder beside ``out`` and rename it into place."""
    tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=".tmp-", suffix=out.name))
    try:
        for name, data in files.items():
            fd = os.open(tmp / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        fsync_dir(tmp)
        if out.is_dir():
            out.rmdir()  # empty, checked before
        os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    fsync_dir(out.parent)


def _zip_bytes(files: dict[str, bytes], when: str) -> bytes:
    buf = io.BytesIO()
    stamp = (int(when[0:4]), int(when[5:7]), int(when[8:10]),
             int(when[11:13]), int(when[14:16]), int(when[17:19]))
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            z.writestr(info, data)
    return buf.getvalue()


def _remove(out: Path) -> None:
    if out.is_dir():
        shutil.rmtree(out, ignore_errors=True)
    else:
        out.unlink(missing_ok=True)


def export_tables(service: VaultService, *, ids: list[str] | None = None,
                  filters: Selection | None = None, audience: str, fmt: str, out: Path,
                  progress: Progress | None = None,
                  cancel: CancelToken | None = None) -> TableExportResult:
    """Export the selected sealed incidents as CSV tables (a new folder, or a ``.zip``) or
    one JSON document, as ``audience`` may see them, and log the export.

    Nothing is left behind on error or cancel: files are written to a temp name and renamed
    into place, and if the export cannot be logged the output is removed again."""
    check_audience(audience)
    if fmt not in FORMATS:
        raise ValidationError(f"The format must be csv or json, not {fmt!r}.")
    out = Path(out)
    _check_out(out, fmt)
    selected = select_records(service, ids=ids, selection=filters, audience=audience,
                              progress=progress, cancel=cancel)
    check_export_size(len(selected))
    tables: dict[str, list[Row]] = {t: [] for t in TABLES}
    for item in selected:
        check(cancel)
        for table, rows in _rows(item).items():
            tables[table].extend(rows)
    record_ids = [s.record_id for s in selected]
    counts = {t: len(rows) for t, rows in tables.items()}
    when = now_iso()
    device = service.vault.device_key.verify_key.key_id
    about = {"schema": SCHEMA, "standard": STANDARD, "exported_at": when,
             "audience": audience, "device": device, "record_ids": record_ids}
    check(cancel)
    logged: list[dict[str, Any]]
    if fmt == "json":
        doc = {**about, "counts": counts,
               "columns": {t: [c.name for c in cols] for t, cols in COLUMNS.items()},
               **tables}
        data = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
        atomic_write(out, data)
        logged = [_digest(out.name, data)]
    else:
        files = {f"{t}.csv": _csv_bytes(t, rows) for t, rows in tables.items()}
        listing = [_digest(n, d) for n, d in files.items()]
        files["export.json"] = json.dumps({**about, "counts": counts, "files": listing},
                                          ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
        if out.suffix.lower() == ".zip":
            data = _zip_bytes(files, when)
            atomic_write(out, data)
            logged = [_digest(out.name, data)]
        else:
            _write_dir(out, files)
            logged = [_digest(n, d) for n, d in files.items()]
    try:
        check(cancel)
        export_id = record_export(service, kind=fmt, audience=audience, language=None,
                                  record_ids=record_ids, files=logged)
    except BaseException:
        _remove(out)
        raise
    if progress is not None:
        progress(len(selected), len(selected))
    return TableExportResult(out=out, fmt=fmt, audience=audience, record_ids=record_ids,
                             counts=counts, files=logged, export_id=export_id,
                             exported_at=when)

