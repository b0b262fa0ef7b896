"""Padmé padding of what the registry stores (ADR 0015): the lengths, the record padding and
its fail-closed unpadding, and the file upload padding staff strip before adopting a file."""

from __future__ import annotations

import base64
import io
import os
import random
from pathlib import Path

import pytest

from fieldkit.crypto import stream
from fieldkit.crypto.dsse import Envelope, sign_envelope
from fieldkit.crypto.jcs import canonicalize, loads_strict
from fieldkit.crypto.keys import SigningKey
from fieldkit.crypto.orgkey import OrgPrivateKey, seal_to_org
from fieldkit.domain import sealing
from fieldkit.sync import submission
from fieldkit.sync.padding import (
    PaddedFile,
    PaddingError,
    pad,
    padding_bytes,
    padme,
    strip_file_padding,
    unpad,
)


def test_padme_lengths() -> None:
    # values from the PURBs paper's definition: keep the top floor(log2 E) + 1 bits
    assert [padme(n) for n in (0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13)] == \
        [0, 1, 2, 3, 4, 5, 7, 8, 10, 10, 12, 12, 14]
    assert padme(1000) == 1024 and padme(1025) == 1088 and padme(10**6) == 1015808
    rng = random.Random(1)
    for _ in range(20_000):
        n = rng.randrange(1, 1 << 40)
        p = padme(n)
        assert n <= p and (p - n) / n <= 0.12, n
        assert padme(p) == p  # a padded length is its own bucket
    # buckets really are few: 1..1 MiB fall into a few hundred sizes
    assert len({padme(n) for n in range(1, 1 << 20)}) < 400


@pytest.mark.parametrize("n", [0, 1, 2, 15, 16, 17, 1000, 4097])
def test_pad_round_trip(n: int) -> None:
    data = os.urandom(n)
    padded = pad(data)
    assert len(padded) == padme(n + 1) and unpad(padded) == data


@pytest.mark.parametrize("bad", [
    pytest.param(b"", id="empty"),
    pytest.param(b"\x00" * 16, id="no marker"),
    pytest.param(b"abc\x80\x00\x00", id="too long for its content"),
    pytest.param(b"abcdefgh" + b"\x01\x00", id="wrong marker"),
    pytest.param(pad(b"x" * 100)[:-1], id="truncated"),
    pytest.param(pad(b"x" * 100) + b"\x00" * 8, id="extended"),
])
def test_bad_padding_fails_closed(bad: bytes) -> None:
    with pytest.raises(PaddingError):
        unpad(bad)


def test_a_legacy_unpadded_payload_is_read_as_it_is() -> None:
    legacy = canonicalize({"envelope": {}, "files": {}})
    assert unpad(legacy) == legacy


def _submission_with_inner(inner: bytes, org: OrgPrivateKey) -> submission.Submission:
    key = SigningKey.generate()
    rec = sealing.seal(kind="incident", record={"title": "t"}, key=key, seq=1,
                       chain_prev=None, prev=None, sealed_at="2026-12-06T00:00:00Z")
    good = submission.make(rec, key=key, org=org.public_key, files=[])
    statement = loads_strict(good.payload)
    assert isinstance(statement, dict)
    statement["sealed"] = base64.b64encode(seal_to_org(inner, org.public_key)).decode()
    return submission.open_outer(sign_envelope(canonicalize(statement),
                                               submission.PAYLOAD_TYPE, key))


def test_open_inner_refuses_bad_padding() -> None:
    org = OrgPrivateKey.generate()
    inner = canonicalize({"envelope": {}, "files": {}})
    with pytest.raises(PaddingError):
        submission.open_inner(_submission_with_inner(inner + b"\x80\x00\x00\x00\x00", org),
                              org)


def test_sealed_sizes_are_padme_buckets() -> None:
    org = OrgPrivateKey.generate()
    key = SigningKey.generate()
    sizes, plain = [], []
    for i in range(40):
        rec = sealing.seal(kind="incident", record={"title": "t" * (i * 37)}, key=key,
                           seq=i + 1, chain_prev=None, prev=None,
                           sealed_at="2026-12-06T00:00:00Z")
        env = submission.make(rec, key=key, org=org.public_key, files=[])
        sealed = base64.b64decode(loads_strict(env.payload)["sealed"])  # type: ignore[index]
        sizes.append(len(sealed) - 48)  # HPKE enc (32) + tag (16)
        plain.append(len(rec.envelope.to_bytes()))
        opened = submission.open_inner(submission.open_outer(Envelope.from_json(
            env.to_json())), org)
        assert opened.record.record_id == rec.record_id
    assert all(padme(s) == s for s in sizes)
    assert len(set(sizes)) < len(set(plain))  # several records share a bucket


def _fka1(tmp: Path, n: int, key: bytes, chunk: int = 1024) -> Path:
    path = tmp / f"file-{n}.fka1"
    with open(path, "wb") as out:
        stream.encrypt_stream(key, io.BytesIO(os.urandom(n)), out, chunk_size=chunk)
    return path


def _padded_copy(src: Path, key: bytes, dest: Path) -> None:
    view = PaddedFile(src, key)
    with open(src, "rb") as f:
        dest.write_bytes(view.read(f, 0, view.size))


@pytest.mark.parametrize("n", [0, 100, 5000, 70_001])
def test_file_padding_round_trip(tmp_path: Path, n: int) -> None:
    key = os.urandom(32)
    src = _fka1(tmp_path, n, key)
    down = tmp_path / "down.part"
    _padded_copy(src, key, down)
    assert down.stat().st_size == padme(src.stat().st_size)
    # reading the padded view in pieces gives the same bytes as in one go
    view = PaddedFile(src, key)
    with open(src, "rb") as f:
        pieces = b"".join(view.read(f, o, 777) for o in range(0, view.size, 777))
    assert pieces == down.read_bytes()
    strip_file_padding(down, file_key=key, plain_size=n)
    assert down.read_bytes() == src.read_bytes()


def test_file_padding_tampering_fails_closed(tmp_path: Path) -> None:
    key = os.urandom(32)
    n = 70_001
    src = _fka1(tmp_path, n, key)
    real = src.stat().st_size
    assert padme(real) > real
    down = tmp_path / "down.part"
    _padded_copy(src, key, down)
    data = bytearray(down.read_bytes())
    data[-1] ^= 1
    down.write_bytes(bytes(data))
    with pytest.raises(PaddingError):
        strip_file_padding(down, file_key=key, plain_size=n)
    # the wrong length (a truncated or extended upload)
    _padded_copy(src, key, down)
    down.write_bytes(down.read_bytes()[:-3])
    with pytest.raises(PaddingError):
        strip_file_padding(down, file_key=key, plain_size=n)
    # another file key's keystream (padding copied from another file)
    _padded_copy(src, os.urandom(32), down)
    with pytest.raises(PaddingError):
        strip_file_padding(down, file_key=key, plain_size=n)
    # an unpadded (legacy) upload is left as it is
    down.write_bytes(src.read_bytes())
    strip_file_padding(down, file_key=key, plain_size=n)
    assert down.read_bytes() == src.read_bytes()


def test_padding_keystream_is_seekable() -> None:
    key = os.urandom(32)
    whole = padding_bytes(key, 0, 1000)
    assert all(padding_bytes(key, s, 50) == whole[s:s + 50] for s in (0, 1, 15, 16, 17, 333))
