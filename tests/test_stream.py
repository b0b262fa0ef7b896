"""The FKA1 attachment stream format: round trips, random access, the byte layout, tampering."""

from __future__ import annotations

import hashlib
import io
import os
import random
import struct

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldkit.crypto.stream import (
    CHUNK_SIZE,
    HEADER_SIZE,
    TAG_SIZE,
    DecryptingReader,
    chunk_nonce,
    decrypt_stream,
    encrypt_stream,
    encrypted_size,
)
from fieldkit.errors import AttachmentCorruptError, CancelledError, ValidationError
from fieldkit.progress import CancelToken

CS = 64  # a small chunk size keeps multi-chunk cases small
KEY = bytes(range(32))
LABEL = "photo.jpg"
SIZES = [0, 1, CS - 1, CS, CS + 1, 3 * CS + 17]


def _plain(n: int, seed: int = 1) -> bytes:
    return random.Random(seed).randbytes(n)


def _encrypt(plain: bytes, *, key: bytes = KEY, chunk_size: int = CS) -> bytes:
    out = io.BytesIO()
    encrypt_stream(key, io.BytesIO(plain), out, chunk_size=chunk_size)
    return out.getvalue()


def _decrypt_all(enc: bytes, *, key: bytes = KEY, label: str = LABEL) -> bytes:
    out = io.BytesIO()
    decrypt_stream(key, io.BytesIO(enc), out, label=label)
    return out.getvalue()


def _read_all(enc: bytes, *, key: bytes = KEY, label: str = LABEL) -> bytes:
    with DecryptingReader(key, io.BytesIO(enc), label=label) as r:
        return r.read()


class _Trickle(io.RawIOBase):
    """A non-seekable source that hands out at most 7 bytes per read (like a pipe)."""

    def __init__(self, data: bytes) -> None:
        self._src = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, b: memoryview) -> int:  # type: ignore[override]
        data = self._src.read(min(7, len(b)))
        b[: len(data)] = data
        return len(data)


# --- round trips ----------------------------------------------------------------------------

@pytest.mark.parametrize("size", SIZES)
def test_round_trip_small_chunks(size: int) -> None:
    plain = _plain(size)
    out = io.BytesIO()
    sha, n = encrypt_stream(KEY, io.BytesIO(plain), out, chunk_size=CS)
    enc = out.getvalue()
    assert (sha, n) == (hashlib.sha256(plain).hexdigest(), size)
    assert len(enc) == encrypted_size(size, CS)
    dec = io.BytesIO()
    assert decrypt_stream(KEY, io.BytesIO(enc), dec, label=LABEL) == (sha, size)
    assert dec.getvalue() == plain
    with DecryptingReader(KEY, io.BytesIO(enc), label=LABEL) as r:
        assert r.size == size
        assert r.read() == plain
        assert r.read() == b""


@pytest.mark.parametrize("size", [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1,
                                  3 * CHUNK_SIZE + 17])
def test_round_trip_default_chunk_size(size: int) -> None:
    plain = _plain(size)
    out = io.BytesIO()
    sha, n = encrypt_stream(KEY, io.BytesIO(plain), out)
    assert (sha, n) == (hashlib.sha256(plain).hexdigest(), size)
    assert out.getvalue()[5:9] == struct.pack(">I", CHUNK_SIZE)
    assert _decrypt_all(out.getvalue()) == plain
    assert _read_all(out.getvalue()) == plain


def test_short_reads_and_unseekable_streams() -> None:
    plain = _plain(5 * CS + 3)
    out = io.BytesIO()
    sha, _ = encrypt_stream(KEY, _Trickle(plain), out, chunk_size=CS)  # type: ignore[arg-type]
    dec = io.BytesIO()
    assert decrypt_stream(KEY, _Trickle(out.getvalue()), dec, label=LABEL)[0] == sha  # type: ignore[arg-type]
    assert dec.getvalue() == plain


def test_same_plaintext_encrypts_differently_each_time() -> None:
    plain = _plain(100)
    a, b = _encrypt(plain), _encrypt(plain)
    assert a != b
    assert a[:5] == b[:5]  # magic and version
    assert a[9:25] != b[9:25]  # salt
    assert a[25:32] != b[25:32]  # nonce prefix


def test_layout_matches_adr_byte_for_byte() -> None:
    """Decrypt with nothing but the primitives and the layout written in ADR 0003."""
    plain = _plain(2 * CS + 5)
    enc = _encrypt(plain)
    header = enc[:32]
    assert header[:4] == b"FKA1"
    assert header[4] == 1
    assert int.from_bytes(header[5:9], "big") == CS
    salt, prefix = header[9:25], header[25:32]
    subkey = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt,
                  info=b"fieldkit attachment v1").derive(KEY)
    aead = AESGCM(subkey)
    body = enc[32:]
    chunks = [body[0:CS + 16], body[CS + 16:2 * (CS + 16)], body[2 * (CS + 16):]]
    assert len(chunks[2]) == 5 + 16
    got = b""
    for i, sealed in enumerate(chunks):
        flag = b"\x01" if i == 2 else b"\x00"
        nonce = prefix + i.to_bytes(4, "big") + flag
        assert nonce == chunk_nonce(prefix, i, last=i == 2)
        got += aead.decrypt(nonce, sealed, header)
    assert got == plain


def test_empty_plaintext_is_one_empty_final_chunk() -> None:
    enc = _encrypt(b"")
    assert len(enc) == HEADER_SIZE + TAG_SIZE
    subkey = HKDF(algorithm=hashes.SHA256(), length=32, salt=enc[9:25],
                  info=b"fieldkit attachment v1").derive(KEY)
    nonce = enc[25:32] + b"\x00\x00\x00\x00\x01"
    assert AESGCM(subkey).decrypt(nonce, enc[32:], enc[:32]) == b""


# --- random access --------------------------------------------------------------------------

_RA_PLAIN = _plain(7 * CS + 29, seed=7)
_RA_ENC = _encrypt(_RA_PLAIN)


@settings(max_examples=300, deadline=None)
@given(offset=st.integers(0, len(_RA_PLAIN) + 10), length=st.integers(0, 4 * CS))
def test_random_access_reads_equal_the_slice(offset: int, length: int) -> None:
    with DecryptingReader(KEY, io.BytesIO(_RA_ENC), label=LABEL) as r:
        assert r.seek(offset) == offset
        assert r.read(length) == _RA_PLAIN[offset:offset + length]
        assert r.tell() == min(offset + length, max(offset, len(_RA_PLAIN)))


@settings(max_examples=100, deadline=None)
@given(steps=st.lists(st.tuples(st.integers(-3 * CS, 3 * CS), st.sampled_from([0, 1, 2]),
                                st.integers(0, 2 * CS)), min_size=1, max_size=12))
def test_seek_sequences_follow_io_semantics(steps: list[tuple[int, int, int]]) -> None:
    model = io.BytesIO(_RA_PLAIN)
    with DecryptingReader(KEY, io.BytesIO(_RA_ENC), label=LABEL) as r:
        for offset, whence, length in steps:
            target = {0: offset, 1: model.tell() + offset, 2: len(_RA_PLAIN) + offset}[whence]
            if target < 0:
                with pytest.raises(ValueError):
                    r.seek(offset, whence)
                continue
            assert r.seek(offset, whence) == model.seek(offset, whence)
            buf = bytearray(length)
            n = r.readinto(buf)
            assert bytes(buf[:n]) == model.read(length)
            assert r.tell() == model.tell()


def test_reader_is_a_read_only_raw_stream() -> None:
    r = DecryptingReader(KEY, io.BytesIO(_RA_ENC), label=LABEL)
    assert r.readable() and r.seekable() and not r.writable()
    buffered = io.BufferedReader(r, buffer_size=100)
    buffered.seek(CS - 3)
    assert buffered.read(10) == _RA_PLAIN[CS - 3:CS + 7]
    buffered.close()
    assert r.closed
    with pytest.raises(ValueError):
        r.read(1)


# --- progress, cancel, arguments ------------------------------------------------------------

def test_progress_ends_with_the_total_and_never_goes_back() -> None:
    plain = _plain(10 * CS)
    calls: list[tuple[int, int | None]] = []
    out = io.BytesIO()
    encrypt_stream(KEY, io.BytesIO(plain), out, chunk_size=CS, total=len(plain),
                   progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (len(plain), len(plain))
    assert [c[0] for c in calls] == sorted(c[0] for c in calls)
    calls.clear()
    decrypt_stream(KEY, io.BytesIO(out.getvalue()), io.BytesIO(), label=LABEL,
                   progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (len(plain), len(plain))  # total found from the file length


def test_cancel_stops_encryption_and_decryption() -> None:
    plain = _plain(10 * CS)
    token = CancelToken()
    with pytest.raises(CancelledError):
        encrypt_stream(KEY, io.BytesIO(plain), io.BytesIO(), chunk_size=CS, cancel=token,
                       progress=lambda done, total: token.cancel())
    enc = _encrypt(plain)
    token = CancelToken()
    sink = io.BytesIO()
    with pytest.raises(CancelledError):
        decrypt_stream(KEY, io.BytesIO(enc), sink, label=LABEL, cancel=token,
                       progress=lambda done, total: token.cancel())
    assert len(sink.getvalue()) < len(plain)


@pytest.mark.parametrize("key", [b"", b"k" * 16, b"k" * 31, b"k" * 33])
def test_keys_must_be_32_bytes(key: bytes) -> None:
    with pytest.raises(ValidationError, match="32 bytes"):
        encrypt_stream(key, io.BytesIO(b"x"), io.BytesIO())
    with pytest.raises(ValidationError, match="32 bytes"):
        DecryptingReader(key, io.BytesIO(_RA_ENC), label=LABEL)


@pytest.mark.parametrize("chunk_size", [0, 15, (1 << 24) + 1])
def test_chunk_size_is_bounded(chunk_size: int) -> None:
    with pytest.raises(ValidationError, match="Chunk size"):
        encrypt_stream(KEY, io.BytesIO(b"x"), io.BytesIO(), chunk_size=chunk_size)


def test_nonce_builder_only_makes_12_byte_nonces() -> None:
    assert chunk_nonce(b"p" * 7, 0, last=False) == b"ppppppp\x00\x00\x00\x00\x00"
    assert chunk_nonce(b"p" * 7, 2**32 - 1, last=True) == b"ppppppp\xff\xff\xff\xff\x01"
    for bad_prefix in (b"", b"p" * 6, b"p" * 8, b"p" * 19):
        with pytest.raises(ValueError):
            chunk_nonce(bad_prefix, 0, last=False)
    for bad_index in (-1, 2**32):
        with pytest.raises(ValueError):
            chunk_nonce(b"p" * 7, bad_index, last=False)


# --- tampering ------------------------------------------------------------------------------

_T_PLAIN = _plain(4 * CS + 17, seed=3)  # chunks 0..3 full, chunk 4 holds 17 bytes
_T_ENC = _encrypt(_T_PLAIN)
_SEALED = CS + TAG_SIZE


def _chunk(enc: bytes, i: int) -> bytes:
    return enc[HEADER_SIZE + i * _SEALED:HEADER_SIZE + (i + 1) * _SEALED]


def _flip(enc: bytes, pos: int) -> bytes:
    b = bytearray(enc)
    b[pos] ^= 0x01
    return bytes(b)


def _swap(enc: bytes, i: int, j: int) -> bytes:
    parts = [_chunk(enc, k) for k in range(5)]
    parts[i], parts[j] = parts[j], parts[i]
    return enc[:HEADER_SIZE] + b"".join(parts)


_TAMPERED = {
    "magic": _flip(_T_ENC, 0),
    "version": _flip(_T_ENC, 4),
    "chunk size": _flip(_T_ENC, 8),
    "chunk size huge": _T_ENC[:5] + b"\xff\xff\xff\xff" + _T_ENC[9:],
    "salt": _flip(_T_ENC, 12),
    "nonce prefix": _flip(_T_ENC, 30),
    "middle chunk": _flip(_T_ENC, HEADER_SIZE + 2 * _SEALED + 5),
    "middle chunk tag": _flip(_T_ENC, HEADER_SIZE + 3 * _SEALED - 1),
    "last tag": _flip(_T_ENC, len(_T_ENC) - 1),
    "truncated whole chunk": _T_ENC[:HEADER_SIZE + 4 * _SEALED],
    "truncated two chunks": _T_ENC[:HEADER_SIZE + 3 * _SEALED],
    "truncated inside a chunk": _T_ENC[:-5],
    "truncated to a tag": _T_ENC[:HEADER_SIZE + 4 * _SEALED + TAG_SIZE],
    "truncated to header": _T_ENC[:HEADER_SIZE],
    "truncated inside header": _T_ENC[:20],
    "empty file": b"",
    "appended copy of a chunk": _T_ENC + _chunk(_T_ENC, 1),
    "appended empty-looking chunk": _T_ENC + _T_ENC[-TAG_SIZE:],
    "appended garbage": _T_ENC + b"\x00" * 40,
    "swapped chunks 1 and 2": _swap(_T_ENC, 1, 2),
    "swapped chunks 0 and 3": _swap(_T_ENC, 0, 3),
    "chunk from another file": (_T_ENC[:HEADER_SIZE + _SEALED] + _chunk(_encrypt(_T_PLAIN), 1)
                                + _T_ENC[HEADER_SIZE + 2 * _SEALED:]),
    "header of another file": _encrypt(_T_PLAIN)[:HEADER_SIZE] + _T_ENC[HEADER_SIZE:],
}


@pytest.mark.parametrize("case", sorted(_TAMPERED))
def test_tampering_is_caught_by_every_reader(case: str) -> None:
    enc = _TAMPERED[case]
    assert enc != _T_ENC
    with pytest.raises(AttachmentCorruptError) as err:
        _decrypt_all(enc)
    assert "'photo.jpg'" in str(err.value)
    assert "failed its integrity check" in str(err.value)
    with pytest.raises(AttachmentCorruptError) as err:
        _read_all(enc)
    assert "'photo.jpg'" in str(err.value)
    assert err.value.hint


@pytest.mark.parametrize(("case", "where"), [
    ("middle chunk", "chunk 2"),
    ("middle chunk tag", "chunk 2"),
    ("last tag", "chunk 4"),
    ("truncated whole chunk", "chunk 3"),
    ("appended copy of a chunk", "chunk 4"),
    ("swapped chunks 1 and 2", "chunk 1"),
    ("salt", "chunk 0"),
    ("magic", "header"),
])
def test_error_names_the_chunk(case: str, where: str) -> None:
    with pytest.raises(AttachmentCorruptError) as err:
        _decrypt_all(_TAMPERED[case])
    assert f"({where})" in str(err.value)
    assert err.value.details["label"] == LABEL


def test_message_reads_as_specified() -> None:
    with pytest.raises(AttachmentCorruptError) as err:
        _read_all(_TAMPERED["middle chunk"])
    assert str(err.value) == ("Attachment 'photo.jpg' (chunk 2) failed its integrity check: "
                              "the encrypted file was modified or damaged.")


def test_wrong_key_is_caught() -> None:
    other = os.urandom(32)
    with pytest.raises(AttachmentCorruptError, match=r"'photo\.jpg' \(chunk 0\)"):
        _decrypt_all(_T_ENC, key=other)
    with pytest.raises(AttachmentCorruptError, match=r"'photo\.jpg' \(chunk 0\)"):
        DecryptingReader(other, io.BytesIO(_T_ENC), label=LABEL)


def test_random_access_only_fails_on_the_damaged_chunk() -> None:
    enc = _TAMPERED["middle chunk"]
    with DecryptingReader(KEY, io.BytesIO(enc), label=LABEL) as r:
        r.seek(3 * CS)
        assert r.read(CS) == _T_PLAIN[3 * CS:4 * CS]
        r.seek(2 * CS + 1)
        with pytest.raises(AttachmentCorruptError, match=r"\(chunk 2\)"):
            r.read(1)


def test_every_single_byte_flip_is_caught() -> None:
    enc = _encrypt(_plain(2 * CS + 3))
    for pos in range(len(enc)):
        with pytest.raises(AttachmentCorruptError):
            _decrypt_all(_flip(enc, pos))
