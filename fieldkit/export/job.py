"""One dossier export, start to finish: what the CLI, the demo and the app's wizard call.

selection → bundle plan → PDF → bundle → export log. The PDF is rendered to a temporary
file beside its destination; the bundle (which records the PDF's SHA-256) is written from
that file, and only then is the PDF moved into place and the export logged. A cancel or an
error at any step removes whatever this job had written, so nothing half-made is left.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldkit.errors import NotFoundError, ValidationError
from fieldkit.export.audience import check_audience
from fieldkit.export.bundle import BundlePlan, plan_bundle, write_bundle
from fieldkit.export.dossier import LANGUAGES, DossierInfo, RecordProof, render_dossier
from fieldkit.export.log import record_export
from fieldkit.export.selection import SelectedIncident, Selection, select_records
from fieldkit.progress import CancelToken, Progress, check
from fieldkit.service import VaultService

# Shares of the whole job reported through ``progress`` (out of 100).
_SELECT, _RENDER, _BUNDLE = 10, 60, 30


@dataclass(frozen=True)
class ExportResult:
    pdf: Path
    bundle: Path | None
    record_ids: list[str]
    contents_digest: str | None
    pages: int
    export_id: str


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _phase(progress: Progress | None, start: int, share: int) -> Progress | None:
    """A progress callback for one phase, mapped onto the job's 0..100."""
    if progress is None:
        return None

    def report(done: int, total: int | None) -> None:
        frac = done / total if total else 0.0
        progress(start + int(share * min(frac, 1.0)), 100)

    return report


def _proofs_from_vault(service: VaultService,
                       selected: list[SelectedIncident]) -> dict[str, RecordProof]:
    """Signer and log index of each record as this vault knows them (no bundle planned)."""
    from fieldkit.crypto.keys import VerifyKey

    conn = service.vault.read()
    own = service.vault.device_key.verify_key
    keys = {own.key_id: own}
    for key_id, raw in conn.execute("SELECT key_id, public_key FROM known_devices"):
        keys[key_id] = VerifyKey.from_bytes(bytes(raw))
    out = {}
    for s in selected:
        row = conn.execute("SELECT log_index FROM receipts WHERE record_id = ?",
                           (s.record_id,)).fetchone()
        key = keys.get(s.sealed.device)
        out[s.record_id] = RecordProof(
            s.record_id, s.sealed.kind, s.sealed.device,
            key.fingerprint if key else s.sealed.device[:16],
            int(row[0]) if row else None, s.redacted.changed)
    return out


def _vault_checkpoint(service: VaultService) -> tuple[str | None, str | None]:
    """(newest verified checkpoint note, log origin) kept by sync, if any."""
    conn = service.vault.read()
    row = conn.execute("SELECT note FROM log_checkpoints ORDER BY size DESC LIMIT 1").fetchone()
    origin = conn.execute("SELECT origin FROM sync_registry").fetchone()
    return (str(row[0]) if row else None), (str(origin[0]) if origin else None)


def _info_from_plan(plan: BundlePlan, base: dict[str, Any]) -> DossierInfo:
    proofs = {}
    for r in plan.records:
        proofs[r.record_id] = RecordProof(r.record_id, r.kind, r.device,
                                          r.signer_fingerprint, r.log_index, r.redacted)
    ident = plan.log_identity
    return DossierInfo(**base, checkpoint=plan.checkpoint,
                       log_origin=ident.origin if ident else None,
                       log_fingerprint=ident.fingerprint if ident else None,
                       contents_digest=plan.contents_digest, proofs=proofs)


def export_dossier(service: VaultService, *, ids: list[str] | None = None,
                   filters: Selection | None = None, audience: str, language: str,
                   out_pdf: Path, out_bundle: Path | None = None, include_files: bool = True,
                   prepared_by: str = "", progress: Progress | None = None,
                   cancel: CancelToken | None = None) -> ExportResult:
    """Export a dossier (and, with ``out_bundle``, its verification bundle) and log it."""
    check_audience(audience)
    if language not in LANGUAGES:
        raise ValidationError(f"The dossier language must be ar or en, not {language!r}.")
    out_pdf = Path(out_pdf)
    targets = [out_pdf] + ([Path(out_bundle)] if out_bundle is not None else [])
    for t in targets:
        if not t.parent.is_dir():
            raise NotFoundError(f"The folder {t.parent} does not exist.",
                                hint="Create it first, or choose another place.")
        if t.is_dir():
            raise ValidationError(f"{t} is a folder; give a file name.")
    if out_bundle is not None and Path(out_bundle).resolve() == out_pdf.resolve():
        raise ValidationError("The dossier and the bundle need different file names.")

    selected = select_records(service, ids=ids, selection=filters, audience=audience,
                              progress=_phase(progress, 0, _SELECT), cancel=cancel)
    record_ids = [s.record_id for s in selected]
    period = None
    if filters is not None and (filters.date_from or filters.date_to):
        dates = sorted(s.record["occurred"]["start"][:10] for s in selected)
        period = (filters.date_from or dates[0], filters.date_to or dates[-1])
    base: dict[str, Any] = {"audience": audience, "language": language,
                            "prepared_by": prepared_by, "period": period}

    plan: BundlePlan | None = None
    if out_bundle is not None:
        check(cancel)
        plan = plan_bundle(service, record_ids, audience=audience, include_files=include_files)
        info = _info_from_plan(plan, base)
    else:
        checkpoint, origin = _vault_checkpoint(service)
        info = DossierInfo(**base, checkpoint=checkpoint, log_origin=origin,
                           proofs=_proofs_from_vault(service, selected))

    fd, tmp_name = tempfile.mkstemp(dir=out_pdf.parent, prefix=f".{out_pdf.name}.",
                                    suffix=".part")
    os.close(fd)
    tmp_pdf = Path(tmp_name)
    written: list[Path] = []
    try:
        pages = render_dossier(service, selected, info, tmp_pdf,
                               progress=_phase(progress, _SELECT, _RENDER), cancel=cancel)
        if plan is not None and out_bundle is not None:
            check(cancel)
            write_bundle(plan, Path(out_bundle), dossier_pdf=tmp_pdf,
                         dossier_name=out_pdf.name, signer=service.vault.device_key,
                         progress=_phase(progress, _SELECT + _RENDER, _BUNDLE), cancel=cancel)
            written.append(Path(out_bundle))
        check(cancel)
        os.replace(tmp_pdf, out_pdf)
        written.append(out_pdf)
        files = [{"name": p.name, "sha256": _sha256(p), "size": p.stat().st_size}
                 for p in written]
        export_id = record_export(service, kind="dossier", audience=audience,
                                  language=language, record_ids=record_ids, files=files)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp_pdf.unlink()
        for p in written:
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
        raise
    if progress is not None:
        progress(100, 100)
    return ExportResult(out_pdf, Path(out_bundle) if out_bundle is not None else None,
                        record_ids, info.contents_digest, pages, export_id)

