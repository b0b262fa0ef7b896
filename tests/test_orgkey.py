"""Organisation key: HPKE sealing, public key text, small-order keys, key packages, RFC 9180."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import VECTORS_DIR
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldkit.crypto.orgkey import (
    INFO_RECORD,
    MAX_PACKAGE_BYTES,
    MAX_PLAINTEXT_BYTES,
    MAX_SEALED_BYTES,
    ORG_KEY_PREFIX,
    SUITE,
    KeyPackageError,
    OrgPrivateKey,
    OrgPublicKey,
    SealedPayloadError,
    export_key_package,
    import_key_package,
    open_from_org,
    seal_to_org,
)
from fieldkit.errors import IntegrityError, ValidationError, WrongPassphraseError

ASSETS = Path(__file__).resolve().parent / "assets" / "orgkey"


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_orgkey_assets", ASSETS / "make_assets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gen = _load_generator()
PASSPHRASE: str = gen.PASSPHRASE
PLAINTEXT: bytes = gen.PLAINTEXT
TEST_KEY: OrgPrivateKey = gen.test_key()


@pytest.fixture(scope="module")
def org() -> OrgPrivateKey:
    return OrgPrivateKey.generate()


# --- sealing -------------------------------------------------------------------------------

def test_round_trip(org: OrgPrivateKey) -> None:
    sealed = seal_to_org(PLAINTEXT, org.public_key)
    assert len(sealed) == 32 + len(PLAINTEXT) + 16
    assert PLAINTEXT not in sealed
    assert open_from_org(sealed, org) == PLAINTEXT
    assert open_from_org(seal_to_org(b"", org.public_key), org) == b""


def test_each_seal_is_fresh(org: OrgPrivateKey) -> None:
    first, second = (seal_to_org(PLAINTEXT, org.public_key) for _ in range(2))
    assert first != second and first[:32] != second[:32]


def test_custom_info_round_trip_and_mismatch(org: OrgPrivateKey) -> None:
    sealed = seal_to_org(PLAINTEXT, org.public_key, info=b"fieldkit file keys v1")
    assert open_from_org(sealed, org, info=b"fieldkit file keys v1") == PLAINTEXT
    with pytest.raises(SealedPayloadError):
        open_from_org(sealed, org)
    with pytest.raises(SealedPayloadError):
        open_from_org(seal_to_org(PLAINTEXT, org.public_key), org, info=b"")


def test_wrong_key_refused(org: OrgPrivateKey) -> None:
    sealed = seal_to_org(PLAINTEXT, org.public_key)
    other = OrgPrivateKey.generate()
    with pytest.raises(SealedPayloadError) as info:
        open_from_org(sealed, other)
    err = info.value
    assert isinstance(err, IntegrityError) and err.code == "sealed_payload"
    assert err.details["key_id"] == other.public_key.key_id
    assert "different organisation key" in err.hint


def test_every_bit_flip_refused(org: OrgPrivateKey) -> None:
    sealed = seal_to_org(b"short testimony", org.public_key)
    for bit in range(len(sealed) * 8):
        flipped = bytearray(sealed)
        flipped[bit // 8] ^= 1 << (bit % 8)
        with pytest.raises(SealedPayloadError):
            open_from_org(bytes(flipped), org)


def test_every_truncation_and_extension_refused(org: OrgPrivateKey) -> None:
    sealed = seal_to_org(b"short testimony", org.public_key)
    for length in range(len(sealed)):
        with pytest.raises(SealedPayloadError):
            open_from_org(sealed[:length], org)
    for extra in (b"\x00", b"x" * 16):
        with pytest.raises(SealedPayloadError):
            open_from_org(sealed + extra, org)


def test_swapped_enc_refused(org: OrgPrivateKey) -> None:
    one, two = (seal_to_org(PLAINTEXT, org.public_key) for _ in range(2))
    with pytest.raises(SealedPayloadError):
        open_from_org(two[:32] + one[32:], org)


def test_size_limits(org: OrgPrivateKey) -> None:
    assert MAX_PLAINTEXT_BYTES + 48 == MAX_SEALED_BYTES == 64 * 1024 * 1024
    with pytest.raises(SealedPayloadError, match="limit"):
        open_from_org(bytes(MAX_SEALED_BYTES + 1), org)
    with pytest.raises(ValidationError, match="limit"):
        seal_to_org(bytes(MAX_PLAINTEXT_BYTES + 1), org.public_key)


def test_non_bytes_refused(org: OrgPrivateKey) -> None:
    with pytest.raises(ValidationError):
        seal_to_org("text", org.public_key)  # type: ignore[arg-type]
    with pytest.raises(SealedPayloadError):
        open_from_org("text", org)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        open_from_org(seal_to_org(b"x", org.public_key), org.public_key)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(plaintext=st.binary(max_size=4096), info=st.binary(max_size=64))
def test_round_trip_property(org: OrgPrivateKey, plaintext: bytes, info: bytes) -> None:
    assert open_from_org(seal_to_org(plaintext, org.public_key, info=info), org,
                         info=info) == plaintext


# --- assets: a payload sealed by an earlier run still opens; hostile ones do not ------------

def test_asset_sealed_good_opens() -> None:
    assert open_from_org((ASSETS / "sealed_good.bin").read_bytes(), TEST_KEY) == PLAINTEXT


@pytest.mark.parametrize("name", ["sealed_bitflip_ciphertext.bin", "sealed_other_info.bin",
                                  "sealed_to_other_key.bin"])
def test_asset_sealed_hostile(name: str) -> None:
    with pytest.raises(SealedPayloadError, match="does not open with this organisation key"):
        open_from_org((ASSETS / name).read_bytes(), TEST_KEY)


# --- keys and their text -------------------------------------------------------------------

def test_private_key_bytes_round_trip(org: OrgPrivateKey) -> None:
    again = OrgPrivateKey.from_bytes(org.to_bytes())
    assert again.public_key == org.public_key
    assert len(org.to_bytes()) == 32
    assert org.to_bytes().hex() not in repr(org)
    with pytest.raises(ValidationError, match="exactly 32 bytes"):
        OrgPrivateKey.from_bytes(bytes(31))


def test_public_key_text_round_trip(org: OrgPrivateKey) -> None:
    text = org.public_key.to_text()
    assert text.startswith(ORG_KEY_PREFIX) and len(text) == 50 and "=" not in text
    assert OrgPublicKey.from_text(text) == org.public_key
    assert OrgPublicKey.from_text(f"  {text}\n") == org.public_key
    raw = org.public_key.raw
    assert org.public_key.key_id == "x25519:" + hashlib.sha256(raw).hexdigest()
    assert text == "fkorg1:" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def test_public_key_matches_cryptography() -> None:
    sk = X25519PrivateKey.from_private_bytes(TEST_KEY.to_bytes())
    assert TEST_KEY.public_key.raw == sk.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _good_text() -> str:
    return TEST_KEY.public_key.to_text()


MALFORMED_TEXTS = {
    "empty": "",
    "no_prefix": _good_text()[len(ORG_KEY_PREFIX):],
    "wrong_prefix": "fkorg2:" + _good_text()[7:],
    "upper_prefix": "FKORG1:" + _good_text()[7:],
    "ed25519_id": TEST_KEY.public_key.key_id,
    "short": _good_text()[:-1],
    "long": _good_text() + "A",
    "padded": _good_text() + "=",
    "std_base64_chars": _good_text()[:-2] + "+/",
    "inner_space": _good_text()[:20] + " " + _good_text()[21:],
    "arabic_digit": _good_text()[:-1] + "٣",
    "hex_instead": "fkorg1:" + TEST_KEY.public_key.raw.hex(),
}


@pytest.mark.parametrize("text", MALFORMED_TEXTS.values(), ids=MALFORMED_TEXTS.keys())
def test_malformed_public_key_text(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        OrgPublicKey.from_text(text)
    assert "fkorg1:" in info.value.hint


def test_non_canonical_base64_tail_refused() -> None:
    text = _good_text()
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    last = alphabet.index(text[-1])
    aliases = [text[:-1] + alphabet[(last & ~3) | low] for low in range(4)]
    aliases.remove(text)
    for alias in aliases:  # decodes to the same bytes, but is not the key's text
        with pytest.raises(ValidationError, match="last character"):
            OrgPublicKey.from_text(alias)


def test_non_text_refused() -> None:
    with pytest.raises(ValidationError, match="must be text"):
        OrgPublicKey.from_text(TEST_KEY.public_key.raw)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="exactly 32 bytes"):
        OrgPublicKey(bytes(31))


# --- small-order public keys (Wycheproof x25519, flag LowOrderPublic) ------------------------

def _low_order_publics() -> list[Any]:
    data = json.loads((VECTORS_DIR / "wycheproof" / "x25519_test.json").read_bytes())
    publics: dict[str, int] = {}
    for group in data["testGroups"]:
        for test in group["tests"]:
            if "LowOrderPublic" in test["flags"]:
                publics.setdefault(test["public"], test["tcId"])
    return [pytest.param(bytes.fromhex(pub), id=f"tc{tc}") for pub, tc in publics.items()]


LOW_ORDER = _low_order_publics()


def test_low_order_cases_collected() -> None:
    assert len(LOW_ORDER) >= 12
    assert any(p.values[0] == bytes(32) for p in LOW_ORDER)


@pytest.mark.parametrize("raw", LOW_ORDER)
def test_low_order_refused_at_from_text(raw: bytes) -> None:
    text = ORG_KEY_PREFIX + base64.urlsafe_b64encode(raw).decode().rstrip("=")
    with pytest.raises(ValidationError, match="small order"):
        OrgPublicKey.from_text(text)
    with pytest.raises(ValidationError, match="small order"):
        OrgPublicKey(raw)


@pytest.mark.parametrize("raw", LOW_ORDER)
def test_low_order_refused_by_seal(raw: bytes) -> None:
    # An OrgPublicKey cannot be built from such a point; seal_to_org checks again anyway, so
    # a key smuggled past the constructor is still refused rather than sealed to.
    smuggled = OrgPublicKey(TEST_KEY.public_key.raw)
    object.__setattr__(smuggled, "raw", raw)
    with pytest.raises(ValidationError, match="small order"):
        seal_to_org(PLAINTEXT, smuggled)


def test_non_canonical_public_key_refused() -> None:
    raw = bytearray(TEST_KEY.public_key.raw)
    raw[31] |= 0x80  # same point once the top bit is masked, but another key id
    with pytest.raises(ValidationError, match="canonical"):
        OrgPublicKey(bytes(raw))


# --- key packages --------------------------------------------------------------------------

def test_key_package_round_trip(tmp_path: Path, org: OrgPrivateKey) -> None:
    path = tmp_path / "org.fkkey"
    path.write_bytes(export_key_package(org, PASSPHRASE))
    package = json.loads(path.read_bytes())
    assert package["format"] == "fieldkit-org-key-package" and package["version"] == 1
    assert package["key_id"] == org.public_key.key_id
    assert package["kdf"] | {"salt": None} == {"alg": "argon2id", "memory_kib": 65536,
                                               "iterations": 3, "lanes": 4, "salt": None}
    assert org.to_bytes().hex() not in path.read_text()
    assert base64.b64encode(org.to_bytes()).decode() not in path.read_text()
    imported = import_key_package(path.read_bytes(), PASSPHRASE)
    assert imported.to_bytes() == org.to_bytes()
    sealed = seal_to_org(PLAINTEXT, org.public_key)
    assert open_from_org(sealed, imported) == PLAINTEXT


def test_key_package_passphrase_is_nfc_normalised(org: OrgPrivateKey) -> None:
    package = export_key_package(org, "cafe\u0301 سر")
    assert import_key_package(package, "caf\u00e9 سر").public_key == org.public_key


def test_key_package_wrong_passphrase() -> None:
    with pytest.raises(WrongPassphraseError) as info:
        import_key_package((ASSETS / "package_good.json").read_bytes(), PASSPHRASE + " ")
    assert "key package" in info.value.message and "vault recover" not in info.value.hint


def test_asset_package_good_imports() -> None:
    key = import_key_package((ASSETS / "package_good.json").read_bytes(), PASSPHRASE)
    assert key.to_bytes() == TEST_KEY.to_bytes()


def test_asset_package_weak_kdf_refused_before_kdf() -> None:
    with pytest.raises(KeyPackageError, match="outside FieldKit's limits") as info:
        import_key_package((ASSETS / "package_weak_kdf.json").read_bytes(), PASSPHRASE)
    assert isinstance(info.value, ValidationError) and info.value.code == "key_package"


def test_asset_package_tampered_key_id_refused() -> None:
    # key_id is in the wrap's associated data: changing it makes the wrap fail to open.
    with pytest.raises(WrongPassphraseError, match="or the package was changed"):
        import_key_package((ASSETS / "package_tampered_key_id.json").read_bytes(), PASSPHRASE)


def test_asset_package_key_mismatch_refused() -> None:
    # Wrapped consistently for the key_id it names, but the key inside is another one.
    with pytest.raises(KeyPackageError, match="not the key its key_id names") as info:
        import_key_package((ASSETS / "package_key_mismatch.json").read_bytes(), PASSPHRASE)
    assert info.value.details["actual_key_id"] == TEST_KEY.public_key.key_id


def _edited(**changes: Any) -> bytes:
    package = json.loads((ASSETS / "package_good.json").read_bytes())
    for dotted, value in changes.items():
        target = package
        *path, last = dotted.split("__")
        for part in path:
            target = target[part]
        if value is ...:
            del target[last]
        else:
            target[last] = value
    return json.dumps(package).encode()


MALFORMED_PACKAGES = {
    "not_json": (b"{not json", "not valid JSON"),
    "list": (b"[]", "not a FieldKit organisation key package"),
    "other_format": (_edited(format="fieldkit-vault-key"), "not a FieldKit organisation key"),
    "version_2": (_edited(version=2), "version 2"),
    "version_true": (_edited(version=True), "version True"),
    "key_id_upper": (_edited(key_id="X25519:" + "a" * 64), "key_id is malformed"),
    "key_id_missing": (_edited(key_id=...), "key_id is malformed"),
    "kdf_scrypt": (_edited(kdf__alg="scrypt"), "not Argon2id"),
    "kdf_memory_text": (_edited(kdf__memory_kib="65536"), "not a whole number"),
    "kdf_iterations_bool": (_edited(kdf__iterations=True), "not a whole number"),
    "kdf_iterations_low": (_edited(kdf__iterations=1), "outside FieldKit's limits"),
    "kdf_memory_huge": (_edited(kdf__memory_kib=64 * 1024 * 1024), "outside FieldKit's limits"),
    "kdf_lanes_zero": (_edited(kdf__lanes=0), "outside FieldKit's limits"),
    "salt_short": (_edited(kdf__salt="AAAA"), "salt has the wrong length"),
    "salt_missing": (_edited(kdf__salt=...), "salt is missing"),
    "nonce_not_base64": (_edited(nonce="!!!!!!!!!!!!!!!!"), "nonce is not valid base64"),
    "ct_short": (_edited(ct=base64.b64encode(bytes(40)).decode()), "wrapped key has the wrong"),
    "duplicate_keys": (b'{"format": "fieldkit-org-key-package", "format": "x"}',
                       "not valid JSON"),
}


@pytest.mark.parametrize(("data", "match"), MALFORMED_PACKAGES.values(),
                         ids=MALFORMED_PACKAGES.keys())
def test_malformed_package_refused(data: bytes, match: str) -> None:
    with pytest.raises(KeyPackageError, match=match):
        import_key_package(data, PASSPHRASE)


def test_oversized_package_refused(tmp_path: Path) -> None:
    good = (ASSETS / "package_good.json").read_bytes()
    path = tmp_path / "big.fkkey"
    path.write_bytes(good[:-2] + b" " * (MAX_PACKAGE_BYTES - len(good) + 1) + good[-2:])
    assert path.stat().st_size == MAX_PACKAGE_BYTES + 1
    with pytest.raises(KeyPackageError, match="limit"):
        import_key_package(path.read_bytes(), PASSPHRASE)


def test_empty_passphrase_refused_on_export(org: OrgPrivateKey) -> None:
    with pytest.raises(ValidationError, match="needs a passphrase"):
        export_key_package(org, "")


# --- interop: RFC 9180 Appendix A.2.1 ------------------------------------------------------
# DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20Poly1305, base mode. The vector's first
# message (sequence 0) was sealed with aad "Count-0"; cryptography's single-shot API seals one
# message at sequence 0 with *empty* aad, so the vector's ciphertext itself cannot be opened
# through it. What we can check against the RFC: from skRm, enc and info the single-shot API
# derives the vector's key and base_nonce (a message sealed under them with empty aad opens).

A21 = {
    "info": "4f6465206f6e2061204772656369616e2055726e",
    "skRm": "8057991eef8f1f1af18f4a9491d16a1ce333f695d4db8e38da75975c4478e0fb",
    "pkRm": "4310ee97d88cc1f088a5576c77ab0cf5c3ac797f3d95139c6c84b5429c59662a",
    "enc": "1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a",
    "key": "ad2744de8e17f4ebba575b3f5f5a8fa1f69c2a07f6e7500bc60ca6e3e3ec1c91",
    "base_nonce": "5c4d98150661b848853b547f",
    "pt": "4265617574792069732074727574682c20747275746820626561757479",
    "aad0": "436f756e742d30",
    "ct0": "1c5250d8034ec2b784ba2cfd69dbdb8af406cfe3ff938e131f0def8c8b60b4db"
           "21993c62ce81883d2dd1b51a28",
}


def _a21(name: str) -> bytes:
    return bytes.fromhex(A21[name])


def test_rfc9180_a21_vector_values_are_consistent() -> None:
    key = ChaCha20Poly1305(_a21("key"))
    assert key.decrypt(_a21("base_nonce"), _a21("ct0"), _a21("aad0")) == _a21("pt")
    assert OrgPrivateKey.from_bytes(_a21("skRm")).public_key.raw == _a21("pkRm")


def test_rfc9180_a21_key_schedule_interop() -> None:
    org = OrgPrivateKey.from_bytes(_a21("skRm"))
    # Sequence 0 uses base_nonce itself; the single-shot API's aad is empty.
    ct = ChaCha20Poly1305(_a21("key")).encrypt(_a21("base_nonce"), _a21("pt"), b"")
    assert open_from_org(_a21("enc") + ct, org, info=_a21("info")) == _a21("pt")
    with pytest.raises(SealedPayloadError):
        open_from_org(_a21("enc") + ct, org, info=INFO_RECORD)


def test_rfc9180_a21_vector_ciphertext_needs_its_aad() -> None:
    sk = X25519PrivateKey.from_private_bytes(_a21("skRm"))
    with pytest.raises(InvalidTag):
        SUITE.decrypt(_a21("enc") + _a21("ct0"), sk, _a21("info"))


# --- ADR 0019: safety number, QR, packages of every key ----------------------------------------

def test_safety_number_is_forty_digits_in_groups_and_pinned() -> None:
    key = OrgPublicKey(bytes(range(1, 33)))
    groups = key.safety_number.split(" ")
    assert len(groups) == 8 and all(len(g) == 5 and g.isdigit() for g in groups)
    digest = hashlib.sha512(b"fieldkit org key fingerprint v1" + key.raw).digest()
    assert groups[0] == f"{int.from_bytes(digest[:5], 'big') % 100_000:05d}"
    other = OrgPrivateKey.generate().public_key
    assert other.safety_number != key.safety_number


def test_qr_holds_the_whole_key() -> None:
    key = OrgPrivateKey.generate().public_key
    assert key.qr_text == "fieldkit-org-key:" + key.to_text()
    png = key.qr_png()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    drawing = key.qr_terminal().splitlines()
    assert len(drawing) > 10 and len({len(line) for line in drawing}) == 1


def test_package_of_every_key_round_trips() -> None:
    from fieldkit.crypto.orgkey import export_key_packages, import_key_packages

    keys = [(OrgPrivateKey.generate(), "2026-01-01T00:00:00.000Z"),
            (OrgPrivateKey.generate(), "2026-06-01T00:00:00.000Z")]
    package = export_key_packages(keys, "a passphrase")
    assert json.loads(package)["version"] == 2
    out = import_key_packages(package, "a passphrase")
    assert [(k.public_key, at) for k, at in out] == [(k.public_key, at) for k, at in keys]
    with pytest.raises(WrongPassphraseError):
        import_key_packages(package, "another passphrase")
    changed = json.loads(package)
    changed["keys"][1]["created_at"] = "2027-01-01T00:00:00.000Z"  # bound by the AAD
    with pytest.raises(WrongPassphraseError):
        import_key_packages(json.dumps(changed).encode(), "a passphrase")


def test_package_v1_still_imports() -> None:
    from fieldkit.crypto.orgkey import import_key_packages

    key = OrgPrivateKey.generate()
    [(out, created)] = import_key_packages(export_key_package(key, "pw pw pw"), "pw pw pw")
    assert out.public_key == key.public_key and created is None
