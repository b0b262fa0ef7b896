"""The local log of exports: who (this device) exported what, for which audience.

Every export — dossier, bundle, CSV, JSON — writes exactly one row to the vault's
``exports`` table (vault migration ``0004_provenance``) once its files are in place:
the sealed record ids it holds, each output file with its SHA-256 and size, the audience
and, for dossiers, the language. ``sync()`` later reports unreported rows to the registry's
audit log and sets ``reported_at``; until then a row is *queued*.

The log holds ids, digests and sizes, never record content, so it may travel to the
registry (which must not read testimony) as it is.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from fieldkit.domain.sealing import is_record_id
from fieldkit.errors import ValidationError
from fieldkit.export.audience import check_audience
from fieldkit.service import VaultService
from fieldkit.storage.vault import now_iso
from fieldkit.sync.protocol import MAX_EXPORT_FILES, MAX_EXPORT_RECORDS

KINDS = ("dossier", "bundle", "csv", "json")
LANGUAGES = ("ar", "en")  # dossier languages; other exports have none
MAX_LIMIT = 10_000
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def _check_files(files: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for f in files:
        name, sha256, size = f.get("name"), f.get("sha256"), f.get("size")
        if not isinstance(name, str) or not name or "\x00" in name:
            raise ValidationError(f"An exported file needs a name, not {name!r}.")
        if not isinstance(sha256, str) or not _SHA256.match(sha256):
            raise ValidationError(f"Exported file {name!r} needs a SHA-256 (64 lower-case hex "
                                  "digits).")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise ValidationError(f"Exported file {name!r} needs a size in bytes.")
        out.append({"name": name, "sha256": sha256, "size": size})
    if not out:
        raise ValidationError("An export without files cannot be logged.")
    return out


def check_export_size(records: int) -> None:
    """Refuse, before anything is written, an export the registry's audit log could not
    take in one event (it would stay queued for ever)."""
    if records > MAX_EXPORT_RECORDS:
        raise ValidationError(f"This export holds {records:,} incidents; one export may hold "
                              f"at most {MAX_EXPORT_RECORDS:,}, so that the registry can log it.",
                              hint="Export by period (--from/--to) or by country, in parts.")


def record_export(service: VaultService, *, kind: str, audience: str, language: str | None,
                  record_ids: Sequence[str], files: Sequence[Mapping[str, Any]]) -> str:
    """Write one row to the export log and return its id (uuid4 hex).

    Call it once the export's files are in place; if it raises, the caller should remove
    them, so that no export exists without its row."""
    if kind not in KINDS:
        raise ValidationError(f"The export kind must be one of {', '.join(KINDS)}, "
                              f"not {kind!r}.")
    check_audience(audience)
    if language is not None and language not in LANGUAGES:
        raise ValidationError(f"A dossier's language is ar or en, not {language!r}; other "
                              "exports have none.")
    ids = list(record_ids)
    bad = [r for r in ids if not is_record_id(r)]
    if bad:
        raise ValidationError(f"{bad[0]!r} is not a sealed record id.",
                              hint="Exports hold sealed records only; log their record ids.")
    if not ids:
        raise ValidationError("An export without records cannot be logged.")
    check_export_size(len(ids))
    checked = _check_files(files)
    if len(checked) > MAX_EXPORT_FILES:
        raise ValidationError(f"An export of more than {MAX_EXPORT_FILES:,} files cannot be "
                              "reported to the registry.", hint="Export a zip instead.")
    export_id = uuid.uuid4().hex
    device = service.vault.device_key.verify_key.key_id
    with service.vault.write() as conn:
        conn.execute(
            "INSERT INTO exports(id, at, kind, audience, language, record_ids, files, device, "
            "reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)",
            (export_id, now_iso(), kind, audience, language,
             json.dumps(ids, separators=(",", ":")),
             json.dumps(checked, ensure_ascii=False, separators=(",", ":")), device))
    return export_id


def list_exports(service: VaultService, *, limit: int = 100) -> list[dict[str, Any]]:
    """The export log, newest first. ``status`` is ``reported`` once the registry's audit
    log took the row, else ``queued``."""
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(f"The limit must be between 1 and {MAX_LIMIT:,}.")
    rows = service.vault.read().execute(
        "SELECT id, at, kind, audience, language, record_ids, files, device, reported_at "
        "FROM exports ORDER BY at DESC, rowid DESC LIMIT ?", (limit,)).fetchall()
    out = []
    for (export_id, at, kind, audience, language, record_ids, files, device,
         reported_at) in rows:
        ids = json.loads(record_ids)
        out.append({"id": export_id, "at": at, "kind": kind, "audience": audience,
                    "language": language, "record_ids": ids, "records": len(ids),
                    "files": json.loads(files), "device": device,
                    "reported_at": reported_at,
                    "status": "reported" if reported_at else "queued"})
    return out
