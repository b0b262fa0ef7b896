"""DSSE envelopes: round trip, every hostile asset file, bit flips, limits."""

from __future__ import annotations

import base64
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldkit.crypto.dsse import (
    FORMAT_REASONS,
    MAX_ENVELOPE_BYTES,
    MAX_PAYLOAD_BYTES,
    Envelope,
    Signature,
    pae,
    sign_envelope,
    verify_envelope,
)
from fieldkit.crypto.jcs import PARSE_REASONS
from fieldkit.crypto.keys import SigningKey, VerifyKey
from fieldkit.errors import (
    EnvelopeFormatError,
    IntegrityError,
    SignatureError,
    UnknownSignerError,
    ValidationError,
)

ASSETS = Path(__file__).resolve().parent / "assets" / "envelopes"


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_envelope_assets",
                                                  ASSETS / "make_assets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gen = _load_generator()
RECORD_TYPE: str = gen.RECORD_TYPE
KEY_A: SigningKey = gen.trusted_keys()["trusted_a"]
KEY_B: SigningKey = gen.trusted_keys()["trusted_b"]
TRUSTED: dict[str, VerifyKey] = {k.verify_key.key_id: k.verify_key for k in (KEY_A, KEY_B)}

OK = None
EF = EnvelopeFormatError
# file -> (error class, its code, details["reason"]) or OK (verifies, signer trusted_a).
EXPECTED: dict[str, tuple[type[IntegrityError], str, str | None] | None] = {
    "good.json": OK,
    "good_plus_untrusted.json": OK,
    "bitflip_payload.json": (SignatureError, "bad_signature", None),
    "bitflip_signature.json": (SignatureError, "bad_signature", None),
    "malleable_signature.json": (SignatureError, "bad_signature", None),
    "truncated_signature.json": (SignatureError, "bad_signature", None),
    "signed_without_pae.json": (SignatureError, "bad_signature", None),
    "payload_type_swapped.json": (SignatureError, "bad_signature", None),
    "other_key_claims_trusted_keyid.json": (SignatureError, "bad_signature", None),
    "good_and_bad_trusted.json": (SignatureError, "bad_signature", None),
    "signed_by_other_key.json": (UnknownSignerError, "unknown_signer", None),
    "unknown_keyid_only.json": (UnknownSignerError, "unknown_signer", None),
    "wrong_payload_type.json": (EF, "envelope_format", "payload_type"),
    "missing_signatures.json": (EF, "envelope_format", "no_signatures"),
    "no_signatures_field.json": (EF, "envelope_format", "missing_field"),
    "keyid_missing.json": (EF, "envelope_format", "missing_field"),
    "unknown_field.json": (EF, "envelope_format", "unknown_field"),
    "payload_not_string.json": (EF, "envelope_format", "field_type"),
    "sig_not_string.json": (EF, "envelope_format", "field_type"),
    "keyid_not_string.json": (EF, "envelope_format", "field_type"),
    "signature_not_object.json": (EF, "envelope_format", "field_type"),
    "signatures_not_array.json": (EF, "envelope_format", "field_type"),
    "payload_type_not_string.json": (EF, "envelope_format", "field_type"),
    "empty_payload_type.json": (EF, "envelope_format", "empty_field"),
    "top_level_array.json": (EF, "envelope_format", "not_object"),
    "duplicate_keyid.json": (EF, "envelope_format", "duplicate_keyid"),
    "too_many_signatures.json": (EF, "envelope_format", "too_many_signatures"),
    "oversized_signature.json": (EF, "envelope_format", "too_large"),
    "oversized_keyid.json": (EF, "envelope_format", "too_large"),
    "oversized_payload_type.json": (EF, "envelope_format", "too_large"),
    "bad_base64.json": (EF, "envelope_format", "bad_base64"),
    "unpadded_base64.json": (EF, "envelope_format", "bad_base64"),
    "whitespace_in_base64.json": (EF, "envelope_format", "bad_base64"),
    "non_canonical_payload.json": (EF, "envelope_format", "non_canonical_base64"),
    "urlsafe_signature.json": (EF, "envelope_format", "urlsafe_base64"),
    "duplicate_keys.json": (EF, "envelope_format", "duplicate_key"),
    "nan_literal.json": (EF, "envelope_format", "non_finite_number"),
    "deep_nesting.json": (EF, "envelope_format", "too_deep"),
    "not_utf8.json": (EF, "envelope_format", "not_utf8"),
    "utf8_bom.json": (EF, "envelope_format", "bom"),
    "lone_surrogate.json": (EF, "envelope_format", "surrogate"),
    "truncated.json": (EF, "envelope_format", "syntax"),
    "trailing_garbage.json": (EF, "envelope_format", "syntax"),
    "empty_file.json": (EF, "envelope_format", "syntax"),
}


def _read_and_verify(data: bytes) -> VerifyKey:
    return verify_envelope(Envelope.from_bytes(data), TRUSTED, payload_type=RECORD_TYPE)


# --- the asset files ------------------------------------------------------------------------

def test_every_asset_file_is_in_the_table() -> None:
    assert sorted(p.name for p in ASSETS.glob("*.json")) == sorted(EXPECTED)


def test_assets_are_regenerated_byte_for_byte(tmp_path: Path) -> None:
    assert gen.main(["make_assets.py", str(tmp_path)]) == 0
    for name in EXPECTED:
        assert (tmp_path / name).read_bytes() == (ASSETS / name).read_bytes(), name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_asset(name: str) -> None:
    data = (ASSETS / name).read_bytes()
    expected = EXPECTED[name]
    if expected is None:
        assert _read_and_verify(data) == KEY_A.verify_key
        assert Envelope.from_bytes(data).payload == gen.PAYLOAD
        return
    cls, code, reason = expected
    with pytest.raises(IntegrityError) as info:
        _read_and_verify(data)
    assert type(info.value) is cls
    assert info.value.code == code
    assert info.value.details.get("reason") == reason
    assert reason is None or reason in FORMAT_REASONS | PARSE_REASONS
    assert info.value.hint  # every refusal tells the user what to do


# --- round trip -----------------------------------------------------------------------------

def test_pae_matches_the_dsse_spec_example() -> None:
    assert pae("http://example.com/HelloWorld", b"hello world") == (
        b"DSSEv1 29 http://example.com/HelloWorld 11 hello world")
    assert pae("", b"") == b"DSSEv1 0  0 "
    assert pae("تجربة", b"x") == "DSSEv1 10 تجربة 1 x".encode()  # length in UTF-8 bytes


def test_round_trip() -> None:
    env = sign_envelope(b'{"a":1}', RECORD_TYPE, KEY_A)
    assert env.signatures[0].keyid == KEY_A.verify_key.key_id
    obj = env.to_json()
    assert obj == {"payload": "eyJhIjoxfQ==", "payloadType": RECORD_TYPE,
                   "signatures": [{"keyid": KEY_A.verify_key.key_id,
                                   "sig": base64.b64encode(env.signatures[0].sig).decode()}]}
    data = env.to_bytes()
    assert json.loads(data) == obj
    assert data.startswith(b'{"payload":"eyJhIjoxfQ==","payloadType":')
    again = Envelope.from_bytes(data)
    assert again == env and again.to_bytes() == data
    assert Envelope.from_json(obj) == env
    assert verify_envelope(again, TRUSTED, payload_type=RECORD_TYPE) == KEY_A.verify_key
    assert "eyJh" not in repr(env) and b'{"a":1}'.hex() not in repr(env)


def test_two_trusted_signatures_both_checked() -> None:
    message = pae(RECORD_TYPE, b"p")
    env = Envelope(payload=b"p", payload_type=RECORD_TYPE, signatures=(
        Signature(KEY_B.verify_key.key_id, KEY_B.sign(message)),
        Signature(KEY_A.verify_key.key_id, KEY_A.sign(message))))
    assert verify_envelope(env, TRUSTED, payload_type=RECORD_TYPE) == KEY_B.verify_key
    only_a = {KEY_A.verify_key.key_id: KEY_A.verify_key}
    assert verify_envelope(env, only_a, payload_type=RECORD_TYPE) == KEY_A.verify_key


def test_nobody_trusted() -> None:
    env = sign_envelope(b"p", RECORD_TYPE, KEY_A)
    with pytest.raises(UnknownSignerError) as info:
        verify_envelope(env, {}, payload_type=RECORD_TYPE)
    assert info.value.details["keyids"] == [KEY_A.verify_key.key_id]


def test_envelope_built_without_signatures_is_refused() -> None:
    env = Envelope(payload=b"p", payload_type=RECORD_TYPE, signatures=())
    with pytest.raises(EnvelopeFormatError) as info:
        verify_envelope(env, TRUSTED, payload_type=RECORD_TYPE)
    assert info.value.details["reason"] == "no_signatures"


def test_empty_payload_is_allowed() -> None:
    env = sign_envelope(b"", RECORD_TYPE, KEY_A)
    assert env.to_json()["payload"] == ""
    assert _read_and_verify(env.to_bytes()) == KEY_A.verify_key


@pytest.mark.parametrize("obj", [None, "x", 1, [], True])
def test_from_json_needs_an_object(obj: object) -> None:
    with pytest.raises(EnvelopeFormatError) as info:
        Envelope.from_json(obj)
    assert info.value.details["reason"] == "not_object"


# --- limits -----------------------------------------------------------------------------------

def test_payload_at_the_limit_round_trips(tmp_path: Path) -> None:
    payload = bytes(range(256)) * (MAX_PAYLOAD_BYTES // 256)
    assert len(payload) == MAX_PAYLOAD_BYTES
    path = tmp_path / "largest.json"
    path.write_bytes(sign_envelope(payload, RECORD_TYPE, KEY_A).to_bytes())
    assert path.stat().st_size <= MAX_ENVELOPE_BYTES
    assert _read_and_verify(path.read_bytes()) == KEY_A.verify_key


def test_oversized_payload_file_is_refused(tmp_path: Path) -> None:
    good = sign_envelope(b"p", RECORD_TYPE, KEY_A).to_json()
    good["payload"] = base64.b64encode(bytes(MAX_PAYLOAD_BYTES + 1)).decode()
    path = tmp_path / "oversized_payload.json"
    path.write_bytes(json.dumps(good, separators=(",", ":")).encode())
    with pytest.raises(EnvelopeFormatError) as info:
        _read_and_verify(path.read_bytes())
    assert info.value.details["reason"] == "too_large"
    assert info.value.details["field"] == "payload"


def test_oversized_envelope_bytes_are_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "oversized_envelope.json"
    path.write_bytes(b" " * (MAX_ENVELOPE_BYTES + 1))
    with pytest.raises(EnvelopeFormatError) as info:
        Envelope.from_bytes(path.read_bytes())
    assert info.value.details["reason"] == "too_large"


def test_signing_refuses_bad_input() -> None:
    with pytest.raises(ValidationError, match="the limit is") as info:
        sign_envelope(bytes(MAX_PAYLOAD_BYTES + 1), RECORD_TYPE, KEY_A)
    assert "digest" in info.value.hint
    with pytest.raises(ValidationError, match="payload type"):
        sign_envelope(b"p", "", KEY_A)
    with pytest.raises(ValidationError, match="must be bytes"):
        sign_envelope("text", RECORD_TYPE, KEY_A)  # type: ignore[arg-type]


# --- properties -----------------------------------------------------------------------------

@settings(max_examples=200)
@given(payload=st.binary(min_size=1, max_size=300), data=st.data())
def test_flipping_any_payload_bit_fails(payload: bytes, data: st.DataObject) -> None:
    env = sign_envelope(payload, RECORD_TYPE, KEY_A)
    bit = data.draw(st.integers(0, 8 * len(payload) - 1))
    flipped = bytearray(payload)
    flipped[bit // 8] ^= 1 << (bit % 8)
    tampered = Envelope(bytes(flipped), env.payload_type, env.signatures)
    with pytest.raises(SignatureError):
        verify_envelope(tampered, TRUSTED, payload_type=RECORD_TYPE)


@settings(max_examples=200)
@given(payload=st.binary(max_size=300), bit=st.integers(0, 511))
def test_flipping_any_signature_bit_fails(payload: bytes, bit: int) -> None:
    env = sign_envelope(payload, RECORD_TYPE, KEY_A)
    sig = bytearray(env.signatures[0].sig)
    sig[bit // 8] ^= 1 << (bit % 8)
    tampered = Envelope(env.payload, env.payload_type,
                        (Signature(env.signatures[0].keyid, bytes(sig)),))
    with pytest.raises(SignatureError):
        verify_envelope(tampered, TRUSTED, payload_type=RECORD_TYPE)


GOOD_BYTES = sign_envelope(b'{"record":"x"}', RECORD_TYPE, KEY_A).to_bytes()


@settings(max_examples=300)
@given(bit=st.integers(0, 8 * len(GOOD_BYTES) - 1))
def test_flipping_any_bit_of_the_serialized_envelope_fails(bit: int) -> None:
    data = bytearray(GOOD_BYTES)
    data[bit // 8] ^= 1 << (bit % 8)
    with pytest.raises(IntegrityError):  # only typed FieldKit errors, never a crash or success
        _read_and_verify(bytes(data))
