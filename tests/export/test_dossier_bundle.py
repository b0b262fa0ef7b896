"""A dossier with its verification bundle, from vaults that went through a real registry."""

from __future__ import annotations

import hashlib
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from fieldkit.errors import CancelledError, IntegrityError
from fieldkit.export.dossier import checkpoint_summary
from fieldkit.export.job import ExportResult, export_dossier
from fieldkit.export.log import list_exports
from fieldkit.export.verify import verify_bundle
from fieldkit.progress import CancelToken
from fieldkit.service import VaultService

from . import pdftools as pt
from .conftest import NAMED, SyncedDemo, internal_testimonies


@pytest.fixture(scope="module", params=["staff", "monitor"])
def exported(request: pytest.FixtureRequest, synced_demo: SyncedDemo,
             tmp_path_factory: pytest.TempPathFactory) -> tuple[VaultService, ExportResult]:
    service = getattr(synced_demo, request.param)
    out = tmp_path_factory.mktemp(f"bundle-{request.param}")
    result = export_dossier(service, audience="partners", language="ar",
                            out_pdf=out / "dossier.pdf", out_bundle=out / "dossier.zip",
                            prepared_by="Envoy office")
    return service, result


def test_the_bundle_verifies_against_the_dossier(
        exported: tuple[VaultService, ExportResult]) -> None:
    _service, result = exported
    assert result.bundle is not None and result.contents_digest
    report = verify_bundle(result.bundle, dossier=result.pdf)
    assert not report.problems
    assert report.contents_digest == result.contents_digest


def test_a_changed_dossier_fails_against_its_bundle(
        exported: tuple[VaultService, ExportResult], tmp_path: Path) -> None:
    _service, result = exported
    assert result.bundle is not None
    data = bytearray(result.pdf.read_bytes())
    data[len(data) // 2] ^= 1
    (tmp_path / result.pdf.name).write_bytes(bytes(data))
    with pytest.raises(IntegrityError):
        verify_bundle(result.bundle, dossier=tmp_path / result.pdf.name)


def test_the_appendix_carries_digest_qr_checkpoint_and_log_indexes(
        exported: tuple[VaultService, ExportResult], tmp_path: Path) -> None:
    import zxingcpp
    from PIL import Image

    service, result = exported
    assert result.contents_digest
    n = pt.pages(result.pdf)
    flat = pt.text(result.pdf).replace("\n", "")
    assert result.contents_digest in flat
    for rid in result.record_ids:
        assert rid in flat
    # the cover names the checkpoint: its size and the start of its root hash
    note = service.vault.read().execute(
        "SELECT note FROM log_checkpoints ORDER BY size DESC LIMIT 1").fetchone()[0]
    size, root = checkpoint_summary(note) or (0, "")
    cover = pt.text(result.pdf, page=1)
    assert root[:16] in cover
    assert f"{size:,}".translate(str.maketrans("0123456789,", "٠١٢٣٤٥٦٧٨٩٬")) in cover
    # every record has a log index in the appendix (no "—")
    indexes = service.vault.read().execute(
        f"SELECT log_index FROM receipts WHERE record_id IN "
        f"({','.join('?' * len(result.record_ids))})", result.record_ids).fetchall()
    assert len(indexes) == len(result.record_ids)
    # the QR code on the last page decodes to the contents digest
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", str(n), "-l", str(n),
                    str(result.pdf), str(tmp_path / "last")], check=True)
    page = next(tmp_path.glob("last*.png"))
    codes = zxingcpp.read_barcodes(Image.open(page))
    assert [c.text for c in codes] == [result.contents_digest]


def test_partners_bundle_holds_no_internal_testimony_or_identity(
        exported: tuple[VaultService, ExportResult]) -> None:
    _service, result = exported
    assert result.bundle is not None
    secrets = [t[:40] for t in internal_testimonies()]
    secrets += [x for _k, _p, name, contact in NAMED for x in (name, contact)]
    with zipfile.ZipFile(result.bundle) as z:
        for name in z.namelist():
            data = z.read(name)
            if name.endswith(".pdf"):
                continue
            text = data.decode("utf-8", "replace")
            for s in secrets:
                assert s not in text, (name, s)
            assert not re.search(r"\bname\"\s*:\s*\"Nadia", text)


def test_the_export_log_names_both_files(exported: tuple[VaultService, ExportResult]) -> None:
    service, result = exported
    row = next(r for r in list_exports(service, limit=1000) if r["id"] == result.export_id)
    assert result.bundle is not None
    assert {f["name"]: f["sha256"] for f in row["files"]} == {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (result.pdf, result.bundle)}


def test_cancel_while_writing_the_bundle_leaves_nothing(synced_demo: SyncedDemo,
                                                        tmp_path: Path) -> None:
    token = CancelToken()

    def progress(done: int, total: int | None) -> None:
        if done >= 72:  # the PDF is rendered; the bundle is being written
            token.cancel()

    with pytest.raises(CancelledError):
        export_dossier(synced_demo.staff, audience="partners", language="en",
                       out_pdf=tmp_path / "d.pdf", out_bundle=tmp_path / "d.zip",
                       progress=progress, cancel=token)
    assert list(tmp_path.iterdir()) == []


def test_a_bundle_without_files_lists_them_by_digest_and_verifies(synced_demo: SyncedDemo,
                                                                 tmp_path: Path) -> None:
    result = export_dossier(synced_demo.staff, audience="public", language="en",
                            out_pdf=tmp_path / "d.pdf", out_bundle=tmp_path / "d.zip",
                            include_files=False)
    assert result.bundle is not None
    with zipfile.ZipFile(result.bundle) as z:
        assert not [n for n in z.namelist() if n.startswith("files/")]
    assert not verify_bundle(result.bundle, dossier=result.pdf).problems
    # the dossier still indexes the evidence by SHA-256
    flat = pt.text(result.pdf).replace("\n", "").replace(" ", "")
    digests = [ev["sha256"] for rid in result.record_ids
               for ev in synced_demo.staff.sealed_record(rid).record["evidence"]]
    assert digests and all(d[:32] in flat for d in digests)
