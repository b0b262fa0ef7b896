"""Wycheproof AEAD vectors (tests/vectors/wycheproof) through the primitives we use.

Run: every AES-GCM group with a 96-bit IV and a 128-bit tag (key sizes 128, 192 and 256;
the attachment stream uses AES-256-GCM with exactly those sizes) through ``AESGCM``, and
every ChaCha20-Poly1305 group with a 96-bit nonce and a 128-bit tag through
``ChaCha20Poly1305``. A valid vector must decrypt to ``msg`` and encrypt to ``ct || tag``;
an invalid one must raise ``InvalidTag`` (or be refused with ``ValueError``).

Skipped by design (counted by ``test_groups_are_accounted_for``): every group whose IV is
not 96 bits. In aes_gcm_test.json that is 42 groups (IV sizes 0, 8, 16, 32, 48, 64, 80,
120, 128, 160, 256, 512, 1024, 2056 bits; 119 tests, while 3 groups with 197 tests run); in
chacha20_poly1305_test.json 9 groups (IV sizes 0, 64, 88, 104, 112, 128, 160, 192, 256
bits; 9 tests, while 1 group with 316 tests runs).
FieldKit never builds such a nonce: ``chunk_nonce`` only makes 12-byte nonces and refuses
any prefix that would give another length, which ``test_other_iv_sizes_are_refused``
checks for each skipped group. There are no groups with other tag sizes in these files;
any that appear would be skipped the same way (we only use 128-bit tags).

XChaCha20-Poly1305 (xchacha20_poly1305_test.json) is not used by FieldKit (see ADR 0003),
so its vectors are not run here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import VECTORS_DIR
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

from fieldkit.crypto.stream import NONCE_SIZE, PREFIX_SIZE, TAG_SIZE, chunk_nonce

# Parametrisation happens at collection, before fixtures (conftest checked the folder).
_WY = VECTORS_DIR / "wycheproof"

_FILES: dict[str, type[AESGCM] | type[ChaCha20Poly1305]] = {
    "aes_gcm_test.json": AESGCM, "chacha20_poly1305_test.json": ChaCha20Poly1305,
}


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((_WY / name).read_text())
    return data


def _ours(group: dict[str, Any]) -> bool:
    return bool(group["ivSize"] == NONCE_SIZE * 8 and group["tagSize"] == TAG_SIZE * 8)


def _cases(ours: bool) -> list[Any]:
    cases = []
    for name in _FILES:
        for group in _load(name)["testGroups"]:
            if _ours(group) != ours:
                continue
            for t in group["tests"]:
                cases.append(pytest.param(name, group, t,
                                          id=f"{name.split('_test')[0]}-{t['tcId']}"))
    return cases


def test_groups_are_accounted_for(vectors_dir: Path) -> None:
    """Counts of run and skipped-by-design groups, as stated in the module docstring."""
    counts = {}
    for name in _FILES:
        data = json.loads((vectors_dir / "wycheproof" / name).read_text())
        groups = data["testGroups"]
        run = [g for g in groups if _ours(g)]
        skipped = [g for g in groups if not _ours(g)]
        assert sum(len(g["tests"]) for g in groups) == data["numberOfTests"]
        counts[name] = (len(run), sum(len(g["tests"]) for g in run),
                        len(skipped), sum(len(g["tests"]) for g in skipped))
    assert counts["aes_gcm_test.json"] == (3, 197, 42, 119)
    assert counts["chacha20_poly1305_test.json"] == (1, 316, 9, 9)


@pytest.mark.parametrize(("name", "group", "t"), _cases(ours=True))
def test_vector(name: str, group: dict[str, Any], t: dict[str, Any]) -> None:
    key, iv, aad = (bytes.fromhex(t[k]) for k in ("key", "iv", "aad"))
    msg, ct, tag = (bytes.fromhex(t[k]) for k in ("msg", "ct", "tag"))
    aead = _FILES[name](key)
    if t["result"] == "valid":
        assert aead.decrypt(iv, ct + tag, aad) == msg
        assert aead.encrypt(iv, msg, aad) == ct + tag
    else:
        assert t["result"] == "invalid"
        with pytest.raises((InvalidTag, ValueError)):
            aead.decrypt(iv, ct + tag, aad)


@pytest.mark.parametrize(("name", "group", "t"), _cases(ours=False))
def test_other_iv_sizes_are_refused(name: str, group: dict[str, Any], t: dict[str, Any]) -> None:
    """Our nonce builder cannot make this vector's nonce: skipped by design."""
    iv = bytes.fromhex(t["iv"])
    assert len(iv) != NONCE_SIZE or group["tagSize"] != TAG_SIZE * 8
    prefix_len = len(iv) - (NONCE_SIZE - PREFIX_SIZE)
    with pytest.raises(ValueError):
        chunk_nonce(b"\x00" * max(0, prefix_len), 0, last=False)
