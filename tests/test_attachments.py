"""The encrypted attachment store, on real files in tmp_path."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import random
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from fieldkit.crypto.stream import CHUNK_SIZE, HEADER_SIZE, TAG_SIZE
from fieldkit.errors import (
    AttachmentCorruptError,
    CancelledError,
    DigestMismatchError,
    NotFoundError,
    ValidationError,
)
from fieldkit.progress import CancelToken
from fieldkit.storage.attachments import AttachmentStore, StoredBlob

REPO_ROOT = Path(__file__).resolve().parent.parent
MiB = 1 << 20


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if not p.is_dir())


def _write(path: Path, size: int, seed: int = 1) -> bytes:
    data = random.Random(seed).randbytes(size)
    path.write_bytes(data)
    return data


@pytest.fixture
def store(tmp_path: Path) -> AttachmentStore:
    return AttachmentStore(tmp_path / "vault" / "attachments")


class _FailingSource(io.RawIOBase):
    """A source whose disk dies after ``limit`` bytes."""

    def __init__(self, data: bytes, limit: int) -> None:
        self._src = io.BytesIO(data)
        self._limit = limit

    def readable(self) -> bool:
        return True

    def readinto(self, b: memoryview) -> int:  # type: ignore[override]
        if self._src.tell() >= self._limit:
            raise OSError(5, "Input/output error")
        data = self._src.read(min(len(b), self._limit - self._src.tell()))
        b[: len(data)] = data
        return len(data)


# --- the happy path -------------------------------------------------------------------------

def test_import_open_extract_verify_delete(store: AttachmentStore, tmp_path: Path) -> None:
    src = tmp_path / "photo.jpg"
    plain = _write(src, 2 * MiB + 123)
    blob = store.import_file(src, label="photo.jpg")
    assert blob.sha256 == hashlib.sha256(plain).hexdigest()
    assert blob.size == len(plain)
    assert len(blob.key) == 32
    assert store.blobs() == [blob.blob]
    enc = store.root / blob.blob[:2] / blob.blob
    assert enc.stat().st_size == HEADER_SIZE + len(plain) + 3 * TAG_SIZE

    with store.open(blob, label="photo.jpg") as r:
        assert r.size == len(plain)
        r.seek(CHUNK_SIZE - 10)
        assert r.read(20) == plain[CHUNK_SIZE - 10:CHUNK_SIZE + 10]

    out = tmp_path / "out.jpg"
    store.extract(blob, out, label="photo.jpg")
    assert out.read_bytes() == plain
    assert _mode(out) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jpg", "photo.jpg", "vault"]
    store.verify(blob, label="photo.jpg")

    store.delete(blob.blob)
    assert store.blobs() == []
    store.delete(blob.blob)  # already gone: fine
    with pytest.raises(NotFoundError, match=r"photo\.jpg"):
        store.open(blob, label="photo.jpg")
    with pytest.raises(NotFoundError):
        store.verify(blob, label="photo.jpg")


def test_import_from_a_stream_and_empty_files(store: AttachmentStore, tmp_path: Path) -> None:
    blob = store.import_file(io.BytesIO(b"hello"), label="note.txt")
    assert (blob.sha256, blob.size) == (hashlib.sha256(b"hello").hexdigest(), 5)
    empty = store.import_file(io.BytesIO(b""), label="empty")
    assert empty.size == 0
    store.extract(empty, tmp_path / "empty", label="empty")
    assert (tmp_path / "empty").read_bytes() == b""
    with store.open(blob, label="note.txt") as r:
        assert r.read() == b"hello"


def test_progress_reaches_the_file_size(store: AttachmentStore, tmp_path: Path) -> None:
    src = tmp_path / "a.bin"
    _write(src, 3 * MiB)
    calls: list[tuple[int, int | None]] = []
    blob = store.import_file(src, label="a.bin", progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (3 * MiB, 3 * MiB)
    calls.clear()
    store.extract(blob, tmp_path / "b.bin", label="a.bin",
                  progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (3 * MiB, 3 * MiB)


# --- privacy --------------------------------------------------------------------------------

def test_modes_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        store = AttachmentStore(tmp_path / "new" / "attachments")
        blob = store.import_file(io.BytesIO(b"x" * 100), label="x")
    finally:
        os.umask(old)
    assert _mode(store.root) == 0o700
    shard = store.root / blob.blob[:2]
    assert _mode(shard) == 0o700
    assert _mode(shard / blob.blob) == 0o600


def test_blob_names_are_random_not_content_hashes(store: AttachmentStore) -> None:
    a = store.import_file(io.BytesIO(b"same content"), label="a")
    b = store.import_file(io.BytesIO(b"same content"), label="b")
    assert a.blob != b.blob and a.key != b.key
    assert a.sha256 == b.sha256
    for blob in (a, b):
        assert len(blob.blob) == 32 and int(blob.blob, 16) >= 0
        assert blob.blob not in blob.sha256
        assert blob.sha256[:8] not in blob.blob
        assert blob.blob != hashlib.md5(b"same content").hexdigest()
    for path in _files(store.root):
        assert a.sha256[:8] not in path.name


def test_repr_hides_the_key() -> None:
    blob = StoredBlob(blob="ab" * 16, key=b"\x42" * 32, sha256="0" * 64, size=1)
    assert "key" not in repr(blob) and "42" * 4 not in repr(blob)


# --- nothing half-done ----------------------------------------------------------------------

def test_cancelled_import_leaves_no_file(store: AttachmentStore, tmp_path: Path) -> None:
    src = tmp_path / "video.mp4"
    _write(src, 5 * MiB)
    token = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int | None) -> None:
        seen.append(done)
        token.cancel()

    with pytest.raises(CancelledError):
        store.import_file(src, label="video.mp4", progress=progress, cancel=token)
    assert seen and seen[-1] < 5 * MiB  # it really stopped mid-way
    assert _files(store.root) == []
    assert store.blobs() == []


def test_failed_import_leaves_no_file(store: AttachmentStore) -> None:
    source = _FailingSource(b"z" * (3 * MiB), limit=2 * MiB + 5)
    with pytest.raises(OSError, match="Input/output"):
        store.import_file(source, label="dying-disk")  # type: ignore[arg-type]
    assert _files(store.root) == []


def test_import_of_missing_file(store: AttachmentStore, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="does not exist"):
        store.import_file(tmp_path / "nope.jpg", label="nope.jpg")


def test_extract_to_missing_folder_is_a_clear_error(store: AttachmentStore,
                                                   tmp_path: Path) -> None:
    blob = store.import_file(io.BytesIO(b"data"), label="doc.pdf")
    dest = tmp_path / "no" / "such" / "doc.pdf"
    with pytest.raises(NotFoundError) as err:
        store.extract(blob, dest, label="doc.pdf")
    assert "does not exist" in str(err.value)
    assert str(tmp_path / "no" / "such") in str(err.value)
    assert err.value.hint
    assert not (tmp_path / "no").exists()


def test_extract_onto_a_folder_is_refused(store: AttachmentStore, tmp_path: Path) -> None:
    blob = store.import_file(io.BytesIO(b"data"), label="doc.pdf")
    with pytest.raises(ValidationError, match="folder"):
        store.extract(blob, tmp_path, label="doc.pdf")


def _flip(path: Path, pos: int) -> None:
    with open(path, "r+b") as f:
        f.seek(pos)
        b = f.read(1)
        f.seek(pos)
        f.write(bytes([b[0] ^ 0x80]))


def test_extract_of_damaged_file_leaves_no_output(store: AttachmentStore, tmp_path: Path) -> None:
    src = tmp_path / "audio.ogg"
    _write(src, 3 * MiB + 7)
    blob = store.import_file(src, label="audio.ogg")
    enc = store.root / blob.blob[:2] / blob.blob
    _flip(enc, enc.stat().st_size - 3)  # the last tag: chunks 0..2 are written out first
    outdir = tmp_path / "out"
    outdir.mkdir()
    with pytest.raises(AttachmentCorruptError, match=r"'audio\.ogg' \(chunk 3\)"):
        store.extract(blob, outdir / "audio.ogg", label="audio.ogg")
    assert list(outdir.iterdir()) == []
    with pytest.raises(AttachmentCorruptError, match=r"audio\.ogg"):
        store.verify(blob, label="audio.ogg")


def test_failed_extract_keeps_an_existing_file(store: AttachmentStore, tmp_path: Path) -> None:
    blob = store.import_file(io.BytesIO(b"a" * 5000), label="a")
    enc = store.root / blob.blob[:2] / blob.blob
    _flip(enc, HEADER_SIZE + 10)
    dest = tmp_path / "keep.txt"
    dest.write_bytes(b"precious")
    with pytest.raises(AttachmentCorruptError):
        store.extract(blob, dest, label="a")
    assert dest.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt", "vault"]


def test_recorded_digest_and_size_are_enforced(store: AttachmentStore, tmp_path: Path) -> None:
    blob = store.import_file(io.BytesIO(b"evidence"), label="e.txt")
    wrong_sha = dataclasses.replace(blob, sha256=hashlib.sha256(b"other").hexdigest())
    with pytest.raises(DigestMismatchError, match=r"e\.txt"):
        store.extract(wrong_sha, tmp_path / "e.txt", label="e.txt")
    assert not (tmp_path / "e.txt").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["vault"]
    with pytest.raises(DigestMismatchError):
        store.verify(wrong_sha, label="e.txt")
    wrong_size = dataclasses.replace(blob, size=9)
    with pytest.raises(AttachmentCorruptError, match="truncated or extended"):
        store.open(wrong_size, label="e.txt")


def test_wrong_key_and_swapped_files(store: AttachmentStore) -> None:
    a = store.import_file(io.BytesIO(b"A" * 100), label="a")
    b = store.import_file(io.BytesIO(b"B" * 100), label="b")
    with pytest.raises(AttachmentCorruptError, match=r"'a' \(chunk 0\)"):
        store.open(dataclasses.replace(a, key=b.key), label="a")
    pa = store.root / a.blob[:2] / a.blob
    pb = store.root / b.blob[:2] / b.blob
    data_a, data_b = pa.read_bytes(), pb.read_bytes()
    pa.write_bytes(data_b)
    pb.write_bytes(data_a)
    with pytest.raises(AttachmentCorruptError):
        store.verify(a, label="a")


def test_truncated_blob_file(store: AttachmentStore) -> None:
    blob = store.import_file(io.BytesIO(b"t" * (2 * MiB + 1)), label="t")
    path = store.root / blob.blob[:2] / blob.blob
    with open(path, "r+b") as f:
        f.truncate(HEADER_SIZE + 2 * (MiB + TAG_SIZE))  # drop the final chunk
    with pytest.raises(AttachmentCorruptError, match="'t'"):
        store.open(blob, label="t")
    with pytest.raises(AttachmentCorruptError, match=r"'t' \(chunk 1\)"):
        store.verify(blob, label="t")


def test_blob_names_are_validated(store: AttachmentStore) -> None:
    for bad in ("../../etc/passwd", "AB" * 16, "ab" * 15, "", "ab" * 16 + "/x"):
        with pytest.raises(ValidationError):
            store.delete(bad)
        with pytest.raises(ValidationError):
            store.open(StoredBlob(blob=bad, key=b"k" * 32, sha256="0" * 64, size=0), label="x")


def test_blobs_ignores_temp_and_stray_files(store: AttachmentStore) -> None:
    blob = store.import_file(io.BytesIO(b"1"), label="1")
    shard = store.root / blob.blob[:2]
    (shard / f".{blob.blob}.tmp-0000").write_bytes(b"partial")
    (shard / "notes.txt").write_bytes(b"stray")
    (store.root / "zz").mkdir()
    (store.root / "README").write_bytes(b"stray")
    assert store.blobs() == [blob.blob]


def test_reopening_an_existing_store(store: AttachmentStore) -> None:
    blob = store.import_file(io.BytesIO(b"persist"), label="p")
    again = AttachmentStore(store.root)
    assert again.blobs() == [blob.blob]
    with again.open(blob, label="p") as r:
        assert r.read() == b"persist"


# --- 2 GiB ----------------------------------------------------------------------------------

_IMPORT_SCRIPT = """
import json, re, sys
def peak_rss_kib():
    # VmHWM: this process's own peak. ru_maxrss would also count the parent's resident set
    # at fork time (Linux keeps it across exec), which is the test runner's, not ours.
    with open("/proc/self/status") as f:
        return int(re.search(r"VmHWM:\\s+(\\d+) kB", f.read()).group(1))
from pathlib import Path
from fieldkit.storage.attachments import AttachmentStore
store = AttachmentStore(Path(sys.argv[1]))
blob = store.import_file(Path(sys.argv[2]), label="big.bin")
print(json.dumps({"blob": blob.blob, "key": blob.key.hex(), "sha256": blob.sha256,
                  "size": blob.size,
                  "rss_kib": peak_rss_kib()}))
"""


def _sha256sum(path: Path) -> str:
    out = subprocess.run(["sha256sum", str(path)], check=True, capture_output=True, text=True)
    return out.stdout.split()[0]


@pytest.mark.slow
def test_two_gib_attachment(tmp_path: Path) -> None:
    size_mib = 2048
    src = tmp_path / "big.bin"
    block = bytearray(random.Random(2024).randbytes(MiB))
    with open(src, "wb") as f:
        for i in range(size_mib):
            block[:8] = i.to_bytes(8, "big")
            f.write(block)
    root = tmp_path / "store"

    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    proc = subprocess.run([sys.executable, "-c", _IMPORT_SCRIPT, str(root), str(src)],
                          check=True, capture_output=True, text=True, env=env, cwd=REPO_ROOT)
    info = json.loads(proc.stdout)
    assert info["rss_kib"] * 1024 < 150 * 1000 * 1000, f"peak RSS {info['rss_kib']} KiB"
    assert info["size"] == size_mib * MiB
    expected = _sha256sum(src)
    assert info["sha256"] == expected
    src.unlink()  # keep the disk footprint at two copies

    store = AttachmentStore(root)
    blob = StoredBlob(blob=info["blob"], key=bytes.fromhex(info["key"]),
                      sha256=info["sha256"], size=info["size"])
    assert store.blobs() == [blob.blob]
    dest = tmp_path / "out" / "big.bin"
    dest.parent.mkdir()
    store.extract(blob, dest, label="big.bin")
    assert _sha256sum(dest) == expected
    dest.unlink()

    enc = root / blob.blob[:2] / blob.blob
    _flip(enc, HEADER_SIZE + 1024 * (MiB + TAG_SIZE) + 4242)
    with pytest.raises(AttachmentCorruptError, match=r"'big\.bin' \(chunk 1024\)"):
        store.extract(blob, dest, label="big.bin")
    assert list(dest.parent.iterdir()) == []
