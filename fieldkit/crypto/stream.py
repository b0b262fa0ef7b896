"""Chunked, authenticated, seekable encryption of attachment files (format ``FKA1``).

The byte layout is specified in ``docs/adr/0003-attachment-stream-format.md``; in short::

    header  = "FKA1" | version (1) | chunk_size (uint32 BE) | salt (16) | nonce_prefix (7)
    subkey  = HKDF-SHA256(ikm=file_key, salt=salt, info=b"fieldkit attachment v1", L=32)
    chunk i = AES-256-GCM(subkey, nonce_prefix | uint32_be(i) | last_flag, chunk_i, aad=header)

Each chunk is authenticated on its own, so any byte range can be read by decrypting only the
chunks it covers. The chunk index and the "last chunk" flag in the nonce stop reordering,
truncation at a chunk boundary and extension (the STREAM construction of Tink and age).

:func:`encrypt_stream` and :func:`decrypt_stream` work in one pass with constant memory;
:class:`DecryptingReader` gives random access. Every integrity failure raises
:class:`~fieldkit.errors.AttachmentCorruptError` naming the attachment and the chunk.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, BinaryIO, Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldkit.errors import AttachmentCorruptError, ValidationError
from fieldkit.progress import CancelToken, Progress, check

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = [
    "CHUNK_SIZE",
    "HEADER_SIZE",
    "KEY_SIZE",
    "MAGIC",
    "MAX_CHUNK_SIZE",
    "MIN_CHUNK_SIZE",
    "NONCE_SIZE",
    "TAG_SIZE",
    "VERSION",
    "DecryptingReader",
    "chunk_nonce",
    "decrypt_stream",
    "encrypt_stream",
    "encrypted_size",
]

CHUNK_SIZE: Final = 1 << 20
"""Default plaintext bytes per chunk (1 MiB)."""
MIN_CHUNK_SIZE: Final = 16
MAX_CHUNK_SIZE: Final = 1 << 24
"""Largest chunk a reader accepts (16 MiB): bounds the memory a hostile header can ask for."""

MAGIC: Final = b"FKA1"
VERSION: Final = 1
KEY_SIZE: Final = 32
SALT_SIZE: Final = 16
PREFIX_SIZE: Final = 7
NONCE_SIZE: Final = 12
TAG_SIZE: Final = 16
MAX_CHUNKS: Final = 1 << 32
HKDF_INFO: Final = b"fieldkit attachment v1"

_HEADER = struct.Struct(">4sBI16s7s")
HEADER_SIZE: Final = _HEADER.size  # 32
_LAST: Final = b"\x01"
_NOT_LAST: Final = b"\x00"
_PROGRESS_INTERVAL: Final = 0.1  # seconds: at most about ten progress calls a second


# --- building blocks ------------------------------------------------------------------------

def chunk_nonce(prefix: bytes, index: int, *, last: bool) -> bytes:
    """The 12-byte nonce of chunk ``index``: ``prefix(7) | uint32_be(index) | last_flag(1)``.

    Refuses any prefix that is not exactly 7 bytes and any index outside ``0 .. 2**32 - 1``,
    so no other nonce length can ever reach AES-GCM through this format.
    """
    if len(prefix) != PREFIX_SIZE:
        raise ValueError(f"nonce prefix must be {PREFIX_SIZE} bytes, not {len(prefix)}")
    if not 0 <= index < MAX_CHUNKS:
        raise ValueError(f"chunk index {index} is outside 0..2**32-1")
    return prefix + index.to_bytes(4, "big") + (_LAST if last else _NOT_LAST)


def encrypted_size(plaintext_size: int, chunk_size: int = CHUNK_SIZE) -> int:
    """Length of the encrypted file for a plaintext of ``plaintext_size`` bytes."""
    chunks = max(1, -(-plaintext_size // chunk_size))
    return HEADER_SIZE + plaintext_size + chunks * TAG_SIZE


def _check_key(key: bytes) -> None:
    if len(key) != KEY_SIZE:
        raise ValidationError(
            f"An attachment key must be {KEY_SIZE} bytes, not {len(key)}.",
            hint="Use the key stored with the attachment in the vault database.",
        )


def _check_chunk_size(chunk_size: int) -> None:
    if not MIN_CHUNK_SIZE <= chunk_size <= MAX_CHUNK_SIZE:
        raise ValidationError(
            f"Chunk size {chunk_size} is outside {MIN_CHUNK_SIZE}..{MAX_CHUNK_SIZE} bytes.")


def _subkey(key: bytes, salt: bytes) -> AESGCM:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_SIZE, salt=salt, info=HKDF_INFO)
    return AESGCM(hkdf.derive(key))


def _corrupt(label: str, where: str, reason: str = "") -> AttachmentCorruptError:
    detail = f" ({reason})" if reason else ""
    return AttachmentCorruptError(
        f"Attachment {label!r} ({where}) failed its integrity check: the encrypted file was "
        f"modified or damaged{detail}.",
        hint=("Do not rely on this attachment. Keep the damaged file for investigation and "
              "restore the attachment from a backup or a synced copy."),
        label=label, where=where,
    )


def _read_full(src: BinaryIO, buf: bytearray | memoryview) -> int:
    """Fill ``buf`` from ``src`` (looping over short reads); return the bytes read.

    Uses ``readinto`` when the stream has it: reading straight into the reused buffer avoids
    a fresh 1 MiB allocation (and its page faults) per chunk.
    """
    view = memoryview(buf)
    done = 0
    total = len(view)
    readinto = getattr(src, "readinto", None)
    while done < total:
        if readinto is not None:
            n = readinto(view[done:])
            if not n:
                break
        else:
            data = src.read(total - done)
            if not data:
                break
            n = len(data)
            view[done:done + n] = data
        done += n
    return done


class _Ticker:
    """Calls ``progress`` at most every 100 ms, and always at the end."""

    def __init__(self, progress: Progress | None, total: int | None) -> None:
        self._progress = progress
        self._total = total
        self._next = 0.0

    def tick(self, done: int, *, final: bool = False) -> None:
        if self._progress is None:
            return
        now = time.monotonic()
        if final or now >= self._next:
            self._next = now + _PROGRESS_INTERVAL
            self._progress(done, self._total)


class _Header:
    """A parsed, structurally checked header (not yet authenticated: chunk 0 does that)."""

    __slots__ = ("chunk_size", "prefix", "raw", "salt")

    def __init__(self, raw: bytes, *, label: str) -> None:
        if len(raw) != HEADER_SIZE:
            raise _corrupt(label, "header", "the file is shorter than its header")
        magic, version, chunk_size, salt, prefix = _HEADER.unpack(raw)
        if magic != MAGIC:
            raise _corrupt(label, "header", "it is not a FieldKit attachment")
        if version != VERSION:
            raise _corrupt(label, "header", f"unknown format version {version}")
        if not MIN_CHUNK_SIZE <= chunk_size <= MAX_CHUNK_SIZE:
            raise _corrupt(label, "header", f"impossible chunk size {chunk_size}")
        self.raw: bytes = raw
        self.chunk_size: int = chunk_size
        self.salt: bytes = salt
        self.prefix: bytes = prefix


class _Stages:
    """Hashes and writes chunks on two worker threads, each strictly in submission order.

    hashlib and file writes release the GIL, so on two cores reading and AES-GCM in the
    caller's thread overlap with hashing and writing. The caller owns the buffers: before
    reusing one it calls :meth:`settle` so that no stage still reads it. Leaving the
    ``with`` block waits for both workers, so nothing touches ``dst`` afterwards, even when
    the job fails or is cancelled.
    """

    def __init__(self, digest: hashlib._Hash, dst: BinaryIO) -> None:
        self._digest = digest
        self._dst = dst
        self._hasher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fk-hash")
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fk-write")
        self._pending: deque[Future[object]] = deque()

    def __enter__(self) -> _Stages:
        return self

    def __exit__(self, *exc: object) -> None:
        self._hasher.shutdown(wait=True)
        self._writer.shutdown(wait=True)

    def hash(self, data: memoryview) -> None:
        self._pending.append(self._hasher.submit(self._digest.update, data))

    def write(self, data: memoryview) -> None:
        self._pending.append(self._writer.submit(self._dst.write, data))

    def settle(self, keep: int) -> None:
        """Wait until at most ``keep`` submitted jobs are unfinished; re-raise their errors."""
        while len(self._pending) > keep:
            self._pending.popleft().result()


# --- encryption -----------------------------------------------------------------------------

def encrypt_stream(
    key: bytes,
    src: BinaryIO,
    dst: BinaryIO,
    *,
    chunk_size: int = CHUNK_SIZE,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    total: int | None = None,
) -> tuple[str, int]:
    """Encrypt everything ``src`` yields into ``dst``; return (sha256 hex, plaintext size).

    The SHA-256 of the plaintext is computed in the same pass. Memory stays at a few chunks
    whatever the file size. ``total`` (the size, if known) is only passed on to
    ``progress``. ``cancel`` is checked before each chunk; on cancellation
    :class:`~fieldkit.errors.CancelledError` is raised and ``dst`` holds a partial file that
    the caller must discard.
    """
    _check_key(key)
    _check_chunk_size(chunk_size)
    salt = os.urandom(SALT_SIZE)
    prefix = os.urandom(PREFIX_SIZE)
    header = _HEADER.pack(MAGIC, VERSION, chunk_size, salt, prefix)
    aead = _subkey(key, salt)
    digest = hashlib.sha256()
    ticker = _Ticker(progress, total)
    # Chunk i lives in plain[i % 3]: one being hashed, one being sealed, one read ahead (a
    # chunk is sealed only once we know whether it is the last). Its ciphertext goes to
    # sealed[i % 2] while the writer may still write the previous one.
    plain = [bytearray(chunk_size) for _ in range(3)]
    sealed = [bytearray(chunk_size + TAG_SIZE) for _ in range(2)]

    dst.write(header)
    check(cancel)
    with _Stages(digest, dst) as stages:
        cur_len = _read_full(src, plain[0])
        index = 0
        done = 0
        while True:
            check(cancel)
            cur = memoryview(plain[index % 3])[:cur_len]
            stages.hash(cur)
            # Jobs in flight now: hash(i-1), write(i-1), hash(i), from oldest to newest.
            # Buffer (i+1) % 3 last held chunk i-2, whose jobs are done once <= 3 remain.
            stages.settle(3)
            nxt_len = _read_full(src, plain[(index + 1) % 3]) if cur_len == chunk_size else 0
            last = nxt_len == 0
            if index >= MAX_CHUNKS:
                raise ValidationError(f"The file is too large for chunks of {chunk_size} "
                                      "bytes (at most 2**32 chunks).")
            out = memoryview(sealed[index % 2])[:cur_len + TAG_SIZE]
            aead.encrypt_into(chunk_nonce(prefix, index, last=last), cur, header, out)
            stages.write(out)
            done += cur_len
            if last:
                stages.settle(0)
                ticker.tick(done, final=True)
                return digest.hexdigest(), done
            ticker.tick(done)
            cur_len = nxt_len
            index += 1
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises


# --- decryption -----------------------------------------------------------------------------

def _open_chunk(aead: AESGCM, header: _Header, index: int, sealed: memoryview,
                out: memoryview, *, last: bool, label: str) -> None:
    try:
        aead.decrypt_into(chunk_nonce(header.prefix, index, last=last), sealed, header.raw, out)
    except InvalidTag:
        raise _corrupt(label, f"chunk {index}") from None


def decrypt_stream(
    key: bytes,
    src: BinaryIO,
    dst: BinaryIO,
    *,
    label: str,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> tuple[str, int]:
    """Decrypt ``src`` into ``dst`` in one pass; return (sha256 hex, plaintext size).

    ``src`` need not be seekable. Each chunk is authenticated before it is written, but a
    truncated or extended file is only detected at its end: on any error ``dst`` holds a
    partial plaintext that the caller must discard (``AttachmentStore.extract`` does).
    """
    _check_key(key)
    raw = bytearray(HEADER_SIZE)
    del raw[_read_full(src, raw):]
    header = _Header(bytes(raw), label=label)
    aead = _subkey(key, header.salt)
    sealed_size = header.chunk_size + TAG_SIZE
    total: int | None = None
    if src.seekable():
        here = src.tell()
        end = src.seek(0, io.SEEK_END)
        src.seek(here)
        total = _plaintext_size(end, header.chunk_size, label=label)
    digest = hashlib.sha256()
    ticker = _Ticker(progress, total)
    # Sealed chunk i is read into sealed[i % 2] (one opened, one read ahead); its plaintext
    # goes to plain[i % 2] while the hasher and the writer may still use the previous one.
    sealed = [bytearray(sealed_size) for _ in range(2)]
    plain = [bytearray(header.chunk_size) for _ in range(2)]

    check(cancel)
    with _Stages(digest, dst) as stages:
        cur_len = _read_full(src, sealed[0])
        index = 0
        done = 0
        while True:
            check(cancel)
            cur = memoryview(sealed[index % 2])[:cur_len]
            nxt_len = (_read_full(src, sealed[(index + 1) % 2]) if cur_len == sealed_size
                       else 0)
            last = nxt_len == 0
            if cur_len < TAG_SIZE or (index > 0 and cur_len == TAG_SIZE) or index >= MAX_CHUNKS:
                # Shorter than a tag, or an empty chunk after data: never written by us.
                raise _corrupt(label, f"chunk {index}", "the file is truncated or extended")
            # Jobs in flight: hash and write of chunks i-2 and i-1. Buffer i % 2 held i-2.
            stages.settle(2)
            out = memoryview(plain[index % 2])[:cur_len - TAG_SIZE]
            _open_chunk(aead, header, index, cur, out, last=last, label=label)
            stages.hash(out)
            stages.write(out)
            done += len(out)
            if last:
                stages.settle(0)
                ticker.tick(done, final=True)
                return digest.hexdigest(), done
            ticker.tick(done)
            cur_len = nxt_len
            index += 1
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises


def _plaintext_size(file_size: int, chunk_size: int, *, label: str) -> int:
    """Plaintext size implied by an encrypted file of ``file_size`` bytes, or corrupt."""
    body = file_size - HEADER_SIZE
    sealed_size = chunk_size + TAG_SIZE
    if body < TAG_SIZE:
        raise _corrupt(label, "chunk 0", "the file is truncated")
    chunks = -(-body // sealed_size)
    last_len = body - (chunks - 1) * sealed_size
    if (chunks > 1 and last_len == TAG_SIZE) or last_len < TAG_SIZE or chunks > MAX_CHUNKS:
        raise _corrupt(label, f"chunk {chunks - 1}", "the file is truncated or extended")
    return body - chunks * TAG_SIZE


class DecryptingReader(io.RawIOBase):
    """Read-only, seekable view of the plaintext of an encrypted attachment.

    Only the chunks a read covers are decrypted (one chunk is cached). Construction checks
    the header, that the file length is one this format can produce, and authenticates
    chunk 0, so a wrong key or a damaged header fails at once. The reader owns ``f`` and
    closes it when it is closed.
    """

    def __init__(self, key: bytes, f: BinaryIO, *, label: str) -> None:
        super().__init__()
        self._f = f
        _check_key(key)
        self._label = label
        f.seek(0)
        raw = bytearray(HEADER_SIZE)
        del raw[_read_full(f, raw):]
        self._header = _Header(bytes(raw), label=label)
        self._chunk_size = self._header.chunk_size
        file_size = f.seek(0, io.SEEK_END)
        self.size: int = _plaintext_size(file_size, self._chunk_size, label=label)
        self._last_index = max(0, -(-self.size // self._chunk_size) - 1)
        self._aead = _subkey(key, self._header.salt)
        self._sealed = bytearray(self._chunk_size + TAG_SIZE)
        self._plain = bytearray(self._chunk_size)
        self._plain_len = 0
        self._cached: int | None = None
        self._pos = 0
        self._load(0)

    @property
    def label(self) -> str:
        return self._label

    @property
    def chunk_size(self) -> int:
        return self._chunk_size

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def writable(self) -> bool:
        return False

    def tell(self) -> int:
        self._check_open()
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self._check_open()
        if whence == io.SEEK_SET:
            pos = offset
        elif whence == io.SEEK_CUR:
            pos = self._pos + offset
        elif whence == io.SEEK_END:
            pos = self.size + offset
        else:
            raise ValueError(f"invalid whence {whence}")
        if pos < 0:
            raise ValueError(f"negative seek position {pos}")
        self._pos = pos
        return pos

    def readinto(self, buffer: WriteableBuffer) -> int:
        self._check_open()
        view = memoryview(buffer).cast("B")
        want = len(view)
        written = 0
        while written < want and self._pos < self.size:
            index, offset = divmod(self._pos, self._chunk_size)
            self._load(index)
            n = min(want - written, self._plain_len - offset)
            view[written:written + n] = memoryview(self._plain)[offset:offset + n]
            written += n
            self._pos += n
        return written

    def read(self, size: int | None = -1) -> bytes:
        self._check_open()
        if size is None or size < 0:
            size = max(0, self.size - self._pos)
        buf = bytearray(min(size, max(0, self.size - self._pos)))
        n = self.readinto(buf)
        del buf[n:]
        return bytes(buf)

    def readall(self) -> bytes:
        return self.read(-1)

    def close(self) -> None:
        if not self.closed:
            try:
                self._f.close()
            finally:
                super().close()

    def _check_open(self) -> None:
        if self.closed:
            raise ValueError("I/O operation on closed attachment reader")

    def _load(self, index: int) -> None:
        """Decrypt and authenticate chunk ``index`` into the cache."""
        if self._cached == index:
            return
        self._cached = None
        last = index == self._last_index
        sealed_size = self._chunk_size + TAG_SIZE
        plain_len = (self.size - index * self._chunk_size) if last else self._chunk_size
        want = plain_len + TAG_SIZE
        self._f.seek(HEADER_SIZE + index * sealed_size)
        got = _read_full(self._f, memoryview(self._sealed)[:want])
        if got != want:
            raise _corrupt(self._label, f"chunk {index}", "the file changed while being read")
        _open_chunk(self._aead, self._header, index, memoryview(self._sealed)[:want],
                    memoryview(self._plain)[:plain_len], last=last, label=self._label)
        self._plain_len = plain_len
        self._cached = index
