"""Wycheproof HKDF-SHA256 and X25519 vectors against ``cryptography`` (for the HPKE code).

HKDF: a ``valid`` case must give exactly ``okm``; an ``invalid`` case (flag ``SizeTooLarge``:
more than 255 * 32 bytes of output) must be refused with ``ValueError`` when the HKDF object
is made, before any key material is produced.

X25519: Wycheproof marks some cases ``acceptable`` (RFC 7748 allows either behaviour). Our
policy, decided per flag:

- ``ZeroSharedSecret`` / ``LowOrderPublic`` / ``SmallPublicKey``: the peer's public key is a
  point of small order, so the shared secret is all zero and carries no secret. We must
  **refuse**: ``exchange`` raises ``ValueError`` (RFC 7748 section 6.1 check). HPKE (RFC 9180
  section 7.1.4) requires the same.
- ``Twist``, ``NonCanonicalPublic``, ``SpecialPublicKey``, ``EdgeCase*``, ``Ktv``: accepted
  as RFC 7748 says (non-canonical u-coordinates are reduced, twist points are computed), and
  the result must equal ``shared`` exactly, since a wrong result leaks the private key.
- ``invalid`` (none in this file today): must raise ``ValueError``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import VECTORS_DIR
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

# Parametrizing by tcId needs the files at collection time (conftest checked they are there).
WYCHEPROOF = VECTORS_DIR / "wycheproof"

REFUSE_FLAGS = frozenset({"ZeroSharedSecret", "LowOrderPublic", "SmallPublicKey"})
COMPUTE_FLAGS = frozenset({"Normal", "Ktv", "Twist", "NonCanonicalPublic", "SpecialPublicKey",
                           "EdgeCaseShared", "EdgeCaseMultiplication", "EdgeCasePrivateKey"})


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((WYCHEPROOF / name).read_bytes())
    return data


def _params(data: dict[str, Any]) -> list[Any]:
    return [pytest.param(test, id=f"tc{test['tcId']}-{'-'.join(test['flags']) or 'plain'}")
            for group in data["testGroups"] for test in group["tests"]]


HKDF_DATA = _load("hkdf_sha256_test.json")
X25519_DATA = _load("x25519_test.json")
HKDF_CASES = _params(HKDF_DATA)
X25519_CASES = _params(X25519_DATA)


def test_all_cases_collected(vectors_dir: Path) -> None:
    assert vectors_dir / "wycheproof" == WYCHEPROOF
    assert len(HKDF_CASES) == HKDF_DATA["numberOfTests"] > 0
    assert len(X25519_CASES) == X25519_DATA["numberOfTests"] > 0
    flags = {f for group in X25519_DATA["testGroups"] for t in group["tests"] for f in t["flags"]}
    assert flags <= REFUSE_FLAGS | COMPUTE_FLAGS, "a new flag needs a decision in the docstring"


@pytest.mark.parametrize("case", HKDF_CASES)
def test_hkdf_sha256(case: dict[str, Any]) -> None:
    def derive() -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=case["size"],
                    salt=bytes.fromhex(case["salt"]),
                    info=bytes.fromhex(case["info"])).derive(bytes.fromhex(case["ikm"]))

    if case["result"] == "valid":
        assert derive() == bytes.fromhex(case["okm"])
    else:
        assert case["result"] == "invalid" and "SizeTooLarge" in case["flags"]
        assert case["size"] > 255 * 32
        with pytest.raises(ValueError, match="8160"):
            derive()


@pytest.mark.parametrize("case", X25519_CASES)
def test_x25519(case: dict[str, Any]) -> None:
    private = X25519PrivateKey.from_private_bytes(bytes.fromhex(case["private"]))
    public = X25519PublicKey.from_public_bytes(bytes.fromhex(case["public"]))
    refuse = case["result"] == "invalid" or bool(REFUSE_FLAGS & set(case["flags"]))
    if refuse:
        if case["result"] != "invalid":
            assert bytes.fromhex(case["shared"]) == bytes(32), "refused only for a zero secret"
        with pytest.raises(ValueError):
            private.exchange(public)
    else:
        assert case["result"] in ("valid", "acceptable")
        assert private.exchange(public) == bytes.fromhex(case["shared"])
