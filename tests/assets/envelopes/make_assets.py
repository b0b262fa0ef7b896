"""Regenerate the hostile DSSE envelope files in this folder, byte for byte.

Run ``python tests/assets/envelopes/make_assets.py [OUT_DIR]``. Keys come from fixed seeds and
Ed25519 signing is deterministic, so the output never changes unless this script does;
``tests/test_dsse.py`` checks that the files on disk match :func:`build_assets`.

Keys: ``trusted_a`` and ``trusted_b`` are the keys the test trusts; ``stranger`` is not trusted.
The expected outcome of each file is the table in ``tests/test_dsse.py``.
"""

from __future__ import annotations

import base64
import hashlib
import sys
from pathlib import Path

from fieldkit.crypto.dsse import pae, sign_envelope
from fieldkit.crypto.jcs import canonicalize
from fieldkit.crypto.keys import SigningKey

RECORD_TYPE = "application/vnd.fieldkit.record+json"
OTHER_TYPE = "application/vnd.fieldkit.checkpoint+json"
# Ed25519 group order L (RFC 8032): adding it to S gives the classic malleated signature.
ED25519_L = 2**252 + 27742317777372353535851937790883648493

# A fictional record; its length is not a multiple of 3 so the base64 ends in padding.
PAYLOAD = canonicalize({
    "type": "incident",
    "title": "اختبار: fictional test record FK-42",
    "seq": 1,
    "date": {"value": "2024-03-01", "precision": "day"},
})
assert len(PAYLOAD) % 3 != 0


def key(name: str) -> SigningKey:
    """The deterministic test key called ``name``."""
    seed = hashlib.sha256(b"fieldkit test asset key: " + name.encode()).digest()
    return SigningKey.from_bytes(seed)


def trusted_keys() -> dict[str, SigningKey]:
    return {"trusted_a": key("trusted_a"), "trusted_b": key("trusted_b")}


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _flip(data: bytes, bit: int) -> bytes:
    out = bytearray(data)
    out[bit // 8] ^= 1 << (bit % 8)
    return bytes(out)


def _sig(signer: SigningKey, payload: bytes = PAYLOAD, payload_type: str = RECORD_TYPE) -> str:
    return _b64(signer.sign(pae(payload_type, payload)))


def build_assets() -> dict[str, bytes]:
    """File name -> exact file bytes."""
    a, b, stranger = key("trusted_a"), key("trusted_b"), key("stranger")
    good_env = sign_envelope(PAYLOAD, RECORD_TYPE, a)
    good = good_env.to_json()
    good_text = good_env.to_bytes()
    sig_a = good_env.signatures[0].sig
    a_id, b_id, s_id = a.verify_key.key_id, b.verify_key.key_id, stranger.verify_key.key_id

    def env(*, payload: object = None, payload_type: object = RECORD_TYPE,
            signatures: object = None, **extra: object) -> bytes:
        obj: dict[str, object] = {
            "payload": good["payload"] if payload is None else payload,
            "payloadType": payload_type,
            "signatures": good["signatures"] if signatures is None else signatures,
        }
        obj.update(extra)
        return canonicalize(obj)

    s_int = int.from_bytes(sig_a[32:], "little")
    malleated = sig_a[:32] + (s_int + ED25519_L).to_bytes(32, "little")
    payload_b64: str = _b64(PAYLOAD)
    std_sig = _b64(sig_a)
    assert "+" in std_sig or "/" in std_sig, "pick another seed: no URL-safe difference"
    urlsafe_sig = std_sig.replace("+", "-").replace("/", "_")
    last = payload_b64.rstrip("=")[-1]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    non_canonical = (payload_b64.rstrip("=")[:-1] + alphabet[alphabet.index(last) + 1]
                     + "=" * payload_b64.count("="))
    deep: object = []
    for _ in range(100):
        deep = [deep]

    assets: dict[str, bytes] = {
        # verifies
        "good.json": good_text,
        "good_plus_untrusted.json": env(signatures=[
            {"keyid": a_id, "sig": std_sig}, {"keyid": s_id, "sig": _sig(stranger)}]),
        # SignatureError
        "bitflip_payload.json": env(payload=_b64(_flip(PAYLOAD, 8 * 10 + 3))),
        "bitflip_signature.json": env(signatures=[{"keyid": a_id, "sig": _b64(_flip(sig_a, 77))}]),
        "malleable_signature.json": env(signatures=[{"keyid": a_id, "sig": _b64(malleated)}]),
        "truncated_signature.json": env(signatures=[{"keyid": a_id, "sig": _b64(sig_a[:63])}]),
        "signed_without_pae.json": env(signatures=[{"keyid": a_id, "sig": _b64(a.sign(PAYLOAD))}]),
        "payload_type_swapped.json": env(signatures=[
            {"keyid": a_id, "sig": _sig(a, payload_type=OTHER_TYPE)}]),
        "other_key_claims_trusted_keyid.json": env(signatures=[
            {"keyid": a_id, "sig": _sig(stranger)}]),
        "good_and_bad_trusted.json": env(signatures=[
            {"keyid": a_id, "sig": std_sig},
            {"keyid": b_id, "sig": _b64(_flip(b.sign(pae(RECORD_TYPE, PAYLOAD)), 0))}]),
        # UnknownSignerError
        "signed_by_other_key.json": sign_envelope(PAYLOAD, RECORD_TYPE, stranger).to_bytes(),
        "unknown_keyid_only.json": env(signatures=[{"keyid": "ed25519:" + "00" * 32,
                                                    "sig": std_sig}]),
        # EnvelopeFormatError found by verify_envelope
        "wrong_payload_type.json": sign_envelope(PAYLOAD, OTHER_TYPE, a).to_bytes(),
        # EnvelopeFormatError found by from_json
        "missing_signatures.json": env(signatures=[]),
        "no_signatures_field.json": canonicalize({"payload": payload_b64,
                                                  "payloadType": RECORD_TYPE}),
        "unknown_field.json": env(payloadSigner=a_id),
        "payload_not_string.json": env(payload=12345),
        "sig_not_string.json": env(signatures=[{"keyid": a_id, "sig": list(sig_a[:4])}]),
        "keyid_not_string.json": env(signatures=[{"keyid": 7, "sig": std_sig}]),
        "keyid_missing.json": env(signatures=[{"sig": std_sig}]),
        "signature_not_object.json": env(signatures=[std_sig]),
        "signatures_not_array.json": env(signatures={"keyid": a_id, "sig": std_sig}),
        "payload_type_not_string.json": env(payload_type=None),
        "empty_payload_type.json": env(payload_type=""),
        "top_level_array.json": canonicalize([good]),
        "duplicate_keyid.json": env(signatures=[{"keyid": a_id, "sig": std_sig}] * 2),
        "too_many_signatures.json": env(signatures=[
            {"keyid": f"ed25519:{i:064x}", "sig": std_sig} for i in range(17)]),
        "oversized_signature.json": env(signatures=[{"keyid": a_id, "sig": _b64(sig_a * 16)}]),
        "oversized_keyid.json": env(signatures=[{"keyid": "k" * 300, "sig": std_sig}]),
        "oversized_payload_type.json": env(payload_type="application/" + "x" * 300),
        "bad_base64.json": env(payload="!" + payload_b64[1:]),
        "unpadded_base64.json": env(payload=payload_b64.rstrip("=")),
        "whitespace_in_base64.json": env(payload=payload_b64[:40] + "\n" + payload_b64[40:]),
        "non_canonical_payload.json": env(payload=non_canonical),
        "urlsafe_signature.json": env(signatures=[{"keyid": a_id, "sig": urlsafe_sig}]),
        # EnvelopeFormatError found by loads_strict
        "duplicate_keys.json": good_text.replace(
            b'"payload":', b'"payload":"' + _b64(b"decoy").encode() + b'","payload":', 1),
        "nan_literal.json": good_text[:-1] + b',"x":NaN}',
        "deep_nesting.json": env(x=deep),
        "not_utf8.json": good_text.replace(b"+json", b"+json\xe9", 1),
        "utf8_bom.json": b"\xef\xbb\xbf" + good_text,
        "lone_surrogate.json": good_text.replace(a_id.encode(), b"\\ud800", 1),
        "truncated.json": good_text[: len(good_text) // 2],
        "trailing_garbage.json": good_text + b"{}",
        "empty_file.json": b"",
    }
    return assets


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    out.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(build_assets().items()):
        (out / name).write_bytes(data)
    print(f"wrote {len(build_assets())} files to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
