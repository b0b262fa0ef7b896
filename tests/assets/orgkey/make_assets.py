"""Make the organisation-key hostile inputs in this folder (run once; salts and nonces are random).

    .venv/bin/python tests/assets/orgkey/make_assets.py tests/assets/orgkey

The test key is derived from a label (see ``test_key``), the package passphrase is
``PASSPHRASE``; tests/test_orgkey.py asserts the exact error each file gets.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
from pathlib import Path

from fieldkit.crypto import keywrap
from fieldkit.crypto.orgkey import (
    OrgPrivateKey,
    export_key_package,
    seal_to_org,
)

PASSPHRASE = "كلمة سر طويلة correct horse"
PLAINTEXT = "شهادة: FK-42 test plaintext".encode()


def test_key(label: bytes = b"fieldkit test org key") -> OrgPrivateKey:
    return OrgPrivateKey.from_bytes(hashlib.sha256(label).digest())


def _dump(obj: object) -> bytes:
    return (json.dumps(obj, indent=2, ensure_ascii=False) + "\n").encode()


def main(argv: list[str]) -> int:
    out = Path(argv[1])
    key, other = test_key(), test_key(b"another org key")
    good = export_key_package(key, PASSPHRASE)
    (out / "package_good.json").write_bytes(good)

    weak = json.loads(good)
    weak["kdf"]["memory_kib"] = 1024
    (out / "package_weak_kdf.json").write_bytes(_dump(weak))

    tampered = json.loads(good)
    tampered["key_id"] = other.public_key.key_id
    (out / "package_tampered_key_id.json").write_bytes(_dump(tampered))

    # Wrapped correctly for the key_id it claims, but the key inside is another one.
    mismatch = json.loads(good)
    salt = bytes.fromhex("00" * keywrap.SALT_SIZE)
    kek = keywrap.passphrase_kek(PASSPHRASE, salt, keywrap.DEFAULT_KDF)
    claimed = other.public_key.key_id
    nonce, ct = keywrap.wrap(kek, key.to_bytes(),
                             aad=f"fieldkit org key package v1|{claimed}".encode())
    mismatch.update(key_id=claimed, nonce=base64.b64encode(nonce).decode(),
                    ct=base64.b64encode(ct).decode())
    mismatch["kdf"]["salt"] = base64.b64encode(salt).decode()
    (out / "package_key_mismatch.json").write_bytes(_dump(mismatch))

    sealed = seal_to_org(PLAINTEXT, key.public_key)
    (out / "sealed_good.bin").write_bytes(sealed)
    flipped = bytearray(sealed)
    flipped[40] ^= 0x01
    (out / "sealed_bitflip_ciphertext.bin").write_bytes(bytes(flipped))
    (out / "sealed_other_info.bin").write_bytes(
        seal_to_org(PLAINTEXT, key.public_key, info=b"fieldkit other v1"))
    (out / "sealed_to_other_key.bin").write_bytes(seal_to_org(PLAINTEXT, other.public_key))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
