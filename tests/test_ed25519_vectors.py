"""Ed25519 keys: every Wycheproof verification vector, RFC 8032, key ids and fingerprints."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import VECTORS_DIR

from fieldkit.crypto.keys import KEY_ID_PREFIX, SigningKey, VerifyKey
from fieldkit.errors import SignatureError, ValidationError

# Parametrizing by tcId needs the file at collection time (conftest checked it is there).
ED25519_FILE = VECTORS_DIR / "wycheproof" / "ed25519_test.json"
_DATA: dict[str, Any] = json.loads(ED25519_FILE.read_bytes())
CASES = [
    pytest.param(group["publicKey"]["pk"], test, id=f"tc{test['tcId']}-{'-'.join(test['flags'])}")
    for group in _DATA["testGroups"]
    for test in group["tests"]
]


def test_all_cases_collected(vectors_dir: Path) -> None:
    assert vectors_dir / "wycheproof" / "ed25519_test.json" == ED25519_FILE
    assert len(CASES) == _DATA["numberOfTests"] > 0


@pytest.mark.parametrize(("public_hex", "case"), CASES)
def test_wycheproof(public_hex: str, case: dict[str, Any]) -> None:
    assert case["result"] in ("valid", "invalid")
    signature, message = bytes.fromhex(case["sig"]), bytes.fromhex(case["msg"])
    try:
        key = VerifyKey.from_bytes(bytes.fromhex(public_hex))
    except ValidationError:
        assert case["result"] == "invalid", "a valid case's public key was refused"
        return
    if case["result"] == "valid":
        key.verify(signature, message)  # returns nothing; raising would fail the test
    else:
        with pytest.raises(SignatureError) as info:
            key.verify(signature, message)
        assert info.value.code == "bad_signature"
        assert info.value.details["key_id"] == key.key_id


# RFC 8032 section 7.1, TEST 1 and TEST 3.
RFC8032 = [
    ("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39"
     "701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
    ("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
     "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
     "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f7"
     "60984dc6594a7c15e9716ed28dc027beceea1ec40a"),
]


@pytest.mark.parametrize(("seed", "public", "message", "signature"), RFC8032)
def test_rfc8032(seed: str, public: str, message: str, signature: str) -> None:
    key = SigningKey.from_bytes(bytes.fromhex(seed))
    assert key.to_bytes() == bytes.fromhex(seed)
    assert key.verify_key.to_bytes() == bytes.fromhex(public)
    assert key.sign(bytes.fromhex(message)) == bytes.fromhex(signature)
    VerifyKey.from_bytes(bytes.fromhex(public)).verify(bytes.fromhex(signature),
                                                       bytes.fromhex(message))


def test_key_id_and_fingerprint() -> None:
    public = bytes.fromhex(RFC8032[0][1])
    key = VerifyKey.from_bytes(public)
    digest = hashlib.sha256(public).hexdigest()
    assert key.key_id == KEY_ID_PREFIX + digest == "ed25519:" + digest
    assert re.fullmatch(r"ed25519:[0-9a-f]{64}", key.key_id)
    assert key.fingerprint == " ".join([digest[0:4], digest[4:8], digest[8:12], digest[12:16]])
    assert re.fullmatch(r"[0-9a-f]{4}( [0-9a-f]{4}){3}", key.fingerprint)


def test_generate_sign_verify() -> None:
    key = SigningKey.generate()
    other = SigningKey.generate()
    assert key.to_bytes() != other.to_bytes()
    sig = key.sign(b"message")
    assert len(sig) == 64
    key.verify_key.verify(sig, b"message")
    with pytest.raises(SignatureError):
        key.verify_key.verify(sig, b"messagE")
    with pytest.raises(SignatureError):
        other.verify_key.verify(sig, b"message")
    reloaded = SigningKey.from_bytes(key.to_bytes())
    assert reloaded.verify_key == key.verify_key
    assert hash(reloaded.verify_key) == hash(key.verify_key)
    assert VerifyKey.from_bytes(key.verify_key.to_bytes()) == key.verify_key
    assert key.verify_key != other.verify_key


@pytest.mark.parametrize("size", [0, 31, 33, 64])
def test_wrong_key_sizes_are_refused(size: int) -> None:
    with pytest.raises(ValidationError, match="exactly 32 bytes"):
        VerifyKey.from_bytes(b"\x01" * size)
    with pytest.raises(ValidationError, match="exactly 32 bytes"):
        SigningKey.from_bytes(b"\x01" * size)


def test_hex_text_is_not_a_key() -> None:
    with pytest.raises(ValidationError, match="must be bytes"):
        VerifyKey.from_bytes(RFC8032[0][1])  # type: ignore[arg-type]


@pytest.mark.parametrize("size", [0, 63, 65, 128])
def test_wrong_signature_sizes_raise(size: int) -> None:
    key = SigningKey.from_bytes(bytes(32))
    sig = key.sign(b"m")
    with pytest.raises(SignatureError, match=f"is {size} bytes"):
        key.verify_key.verify((sig * 3)[:size], b"m")


def test_repr_never_shows_the_seed() -> None:
    seed = bytes.fromhex(RFC8032[0][0])
    key = SigningKey.from_bytes(seed)
    text = repr(key)
    assert seed.hex() not in text and key.verify_key.key_id in text
