"""Every member of a bundle matters: flipping one byte in it or deleting it makes
verification fail with an error naming it. Hostile zips (named files in
tests/assets/bundles/, made by make_hostile.py there) are refused with the exact error."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from fieldkit.errors import IntegrityError
from fieldkit.export.bundle import plan_bundle, write_bundle
from fieldkit.export.verify import (
    BundleError,
    BundleFormatError,
    DuplicateMemberError,
    MemberTooLargeError,
    MissingMemberError,
    UnknownMemberError,
    UnsafeMemberError,
    check_bundle,
    verify_bundle,
)

from .bundletools import deleting, flipping, read_members, rewrite
from .conftest import SyncedDemo

HOSTILE = Path(__file__).resolve().parents[1] / "assets" / "bundles"


@pytest.fixture(scope="module", params=["internal", "partners"])
def walked(request: pytest.FixtureRequest, synced_demo: SyncedDemo,
           tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Bundles from the staff vault: sealed envelopes (internal) or redaction statements
    (partners), receipts, checkpoints, the log key, two devices with enrolments, files."""
    from fieldkit.export.audience import incident_allowed

    audience = str(request.param)
    service = synced_demo.staff
    ids = [r for r in synced_demo.record_ids
           if incident_allowed(service.sealed_record(r).record, audience)]
    plan = plan_bundle(service, ids, audience=audience)
    out = tmp_path_factory.mktemp(f"walk-{audience}")
    path = out / "bundle.zip"
    write_bundle(plan, path, dossier_pdf=None, signer=service.vault.device_key)
    verify_bundle(path)
    return path


def _members(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        return [i.filename for i in zf.infolist()]


def test_bundle_has_every_kind_of_member(walked: Path) -> None:
    names = _members(walked)
    records = "envelopes/" if "internal" in walked.parent.name else "redactions/"
    for prefix in ("manifest.json", "manifest.sig", "SHA256SUMS", records, "receipts/",
                   "checkpoints/", "log/key.vkey", "devices/", "enrolments/", "files/"):
        assert any(n.startswith(prefix) for n in names), prefix


def test_flipping_one_byte_in_any_member_fails_naming_it(walked: Path,
                                                         tmp_path: Path) -> None:
    names = _members(walked)
    for name in names:
        bad = rewrite(walked, tmp_path / "flipped.zip", flipping(name))
        with pytest.raises(BundleError) as e:
            verify_bundle(bad)
        assert name in e.value.message, (name, e.value.message)
        # and the displayed report names it too
        assert name in check_bundle(bad).render()


def test_deleting_any_member_fails_naming_it(walked: Path, tmp_path: Path) -> None:
    for name in _members(walked):
        bad = rewrite(walked, tmp_path / "deleted.zip", deleting(name))
        with pytest.raises(IntegrityError) as e:
            verify_bundle(bad)
        assert isinstance(e.value, MissingMemberError), (name, e.value)
        assert e.value.member == name and name in e.value.message


def test_flipping_the_first_and_last_byte_too(walked: Path, tmp_path: Path) -> None:
    """Not only the middle: the edges of JSON and text members matter as much."""
    for name in _members(walked):
        size = len(read_members(walked)[name])
        for at in (0, size - 1):
            bad = rewrite(walked, tmp_path / "edge.zip", flipping(name, at))
            with pytest.raises(BundleError) as e:
                verify_bundle(bad)
            assert name in e.value.message, (name, at, e.value.message)


def test_a_byte_flipped_in_the_zip_itself(walked: Path, tmp_path: Path) -> None:
    """Damage to the zip's compressed data is caught by its CRC and named."""
    data = bytearray(walked.read_bytes())
    with zipfile.ZipFile(walked) as zf:
        info = next(i for i in zf.infolist() if i.filename.startswith("files/"))
    data[info.header_offset + 30 + len(info.filename) + 10] ^= 0x01
    bad = tmp_path / "crc.zip"
    bad.write_bytes(bytes(data))
    with pytest.raises(BundleError) as e:
        verify_bundle(bad)
    assert info.filename in e.value.message


def test_an_unknown_member_is_refused(walked: Path, tmp_path: Path) -> None:
    bad = rewrite(walked, tmp_path / "extra.zip",
                  lambda m: m.__setitem__("envelopes/" + "0" * 64 + ".json", b"{}"))
    with pytest.raises(UnknownMemberError) as e:
        verify_bundle(bad)
    assert e.value.member == "envelopes/" + "0" * 64 + ".json"


# --- hostile zips -------------------------------------------------------------------------

@pytest.mark.parametrize(("asset", "error", "member"), [
    ("traversal.zip", UnsafeMemberError, "../../etc/passwd"),
    ("traversal_inner.zip", UnsafeMemberError, "files/../manifest.json"),
    ("absolute.zip", UnsafeMemberError, "/etc/passwd"),
    ("backslash.zip", UnsafeMemberError, "files\\..\\..\\x"),
    ("symlink.zip", UnsafeMemberError, "files/" + "ab" * 32),
    ("directory.zip", UnsafeMemberError, "files/"),
    ("encrypted.zip", UnsafeMemberError, "manifest.json"),
    ("duplicate.zip", DuplicateMemberError, "manifest.json"),
    ("unknown.zip", UnknownMemberError, "evil.sh"),
    ("bomb_ratio.zip", MemberTooLargeError, "files/" + "cd" * 32),
    ("bomb_declared.zip", MemberTooLargeError, "envelopes/" + "ef" * 32 + ".json"),
    ("overlap.zip", BundleFormatError, "manifest.json"),
    ("not_a_zip.zip", BundleFormatError, None),
    ("no_manifest.zip", MissingMemberError, "manifest.json"),
])
def test_hostile_zip_is_refused(asset: str, error: type[BundleError],
                                member: str | None) -> None:
    path = HOSTILE / asset
    assert path.is_file(), f"run tests/assets/bundles/make_hostile.py to create {asset}"
    with pytest.raises(error) as e:
        verify_bundle(path)
    assert type(e.value) is error
    assert e.value.member == member
    if member:  # hostile names are shown quoted (repr), so control characters stay visible
        assert member in e.value.message or repr(member) in e.value.message


def test_bomb_is_refused_before_decompressing(tmp_path: Path) -> None:
    """The ratio limit applies to the declared sizes: nothing is inflated."""
    import tracemalloc

    tracemalloc.start()
    with pytest.raises(MemberTooLargeError):
        verify_bundle(HOSTILE / "bomb_ratio.zip")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 8 * 1024 * 1024


def test_a_member_larger_than_listed_is_not_read(walked: Path, tmp_path: Path) -> None:
    """A zip entry whose declared size differs from the manifest's is refused before it is
    read (here: an attachment grown to 8 MiB)."""
    import os
    import zipfile as zf_

    members = read_members(walked)
    name = sorted(n for n in members if n.startswith("files/"))[0]
    members[name] = os.urandom(8 * 1024 * 1024)
    bad = tmp_path / "grown.zip"
    with zf_.ZipFile(bad, "w", zf_.ZIP_DEFLATED) as zf:
        for n, d in members.items():
            zf.writestr(n, d)
    seen: list[int] = []
    with pytest.raises(BundleError) as e:
        verify_bundle(bad, progress=lambda done, total: seen.append(done))
    assert e.value.member == name and "declares" in e.value.message
    assert max(seen) < 4 * 1024 * 1024  # the 8 MiB were never read


def test_verification_can_be_cancelled(walked: Path) -> None:
    from fieldkit.errors import CancelledError
    from fieldkit.progress import CancelToken

    token = CancelToken()

    def progress(done: int, total: int | None) -> None:
        token.cancel()

    with pytest.raises(CancelledError):
        verify_bundle(walked, progress=progress, cancel=token)
