"""Helpers for the bundle tests: read a bundle's members, rewrite some of them (as an outsider
who cannot sign, or as an insider holding the exporting device's key who re-signs the
manifest), and find text anywhere in a bundle, base64 payloads included."""

from __future__ import annotations

import base64
import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from fieldkit.crypto.dsse import sign_envelope
from fieldkit.crypto.jcs import canonicalize
from fieldkit.crypto.keys import SigningKey
from fieldkit.export.verify import MANIFEST, MANIFEST_PAYLOAD_TYPE, SIGNATURE, SUMS, sums_text

Members = dict[str, bytes]


def read_members(path: Path) -> Members:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def write_members(path: Path, members: Members) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def rewrite(src: Path, dst: Path, change: Callable[[Members], None]) -> Path:
    """Copy ``src`` to ``dst`` with ``change`` applied to its members (no re-signing)."""
    members = read_members(src)
    change(members)
    return write_members(dst, members)


def resign(src: Path, dst: Path, key: SigningKey, change: Callable[[Members], None],
           *, manifest_change: Callable[[dict[str, object]], None] | None = None) -> Path:
    """An insider's tampering: apply ``change``, then rebuild the manifest's member list,
    SHA256SUMS and contents digest and sign the manifest again with ``key``."""
    members = read_members(src)
    change(members)
    manifest = json.loads(members[MANIFEST])
    body = {n: d for n, d in members.items() if n not in (MANIFEST, SIGNATURE, SUMS)}
    manifest["members"] = sorted(
        ({"name": n, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
         for n, d in body.items()), key=lambda m: str(m["name"]))
    sums = sums_text(manifest["members"])
    manifest["contents_digest"] = hashlib.sha256(sums).hexdigest()
    if manifest_change is not None:
        manifest_change(manifest)
    raw = canonicalize(manifest)
    env = sign_envelope(raw, MANIFEST_PAYLOAD_TYPE, key).to_json()
    del env["payload"]
    out = {MANIFEST: raw, SIGNATURE: canonicalize(env), SUMS: sums, **body}
    return write_members(dst, out)


def flipping(name: str, at: int | None = None) -> Callable[[Members], None]:
    """A change that flips one byte of member ``name``."""
    def change(m: Members) -> None:
        m[name] = flip(m[name], at)
    return change


def deleting(name: str) -> Callable[[Members], None]:
    def change(m: Members) -> None:
        del m[name]
    return change


def flip(data: bytes, at: int | None = None) -> bytes:
    """``data`` with one byte changed (in the middle by default)."""
    i = len(data) // 2 if at is None else at
    return data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1:]


def all_text(path: Path) -> str:
    """Every member's bytes as text, with DSSE payloads and receipt leaves base64-decoded,
    so a search for a name finds it wherever it hides."""
    parts: list[str] = []
    for name, data in read_members(path).items():
        parts.append(data.decode("utf-8", "replace"))
        if name.endswith(".json"):
            obj = json.loads(data)
            for key in ("payload", "leaf"):
                if isinstance(obj.get(key), str):
                    parts.append(base64.b64decode(obj[key]).decode("utf-8", "replace"))
    return "\n".join(parts)


def payload(data: bytes) -> dict[str, object]:
    """The decoded JSON payload of a DSSE envelope member."""
    return dict(json.loads(base64.b64decode(json.loads(data)["payload"])))
