"""Signed tree heads: C2SP signed notes (https://c2sp.org/signed-note) carrying C2SP
transparency-log checkpoints (https://c2sp.org/tlog-checkpoint).

A checkpoint is the text::

    <origin>\\n<tree size>\\n<base64 root hash>\\n[<extension line>\\n ...]

followed by a blank line and one or more signature lines
``"— <key name> <base64(4-byte key ID || 64-byte Ed25519 signature)>\\n"`` (U+2014 EM DASH).
The key ID is ``SHA-256(name || "\\n" || 0x01 || public key)[:4]``, and a verifier key is
written ``"<name>+<8 hex key ID>+<base64(0x01 || public key)>"``: the same format as Go's
``golang.org/x/mod/sumdb/note`` and ``transparency-dev/formats``, so their tools (and
witnesses) can check our checkpoints and we can check theirs.

Opening fails closed: :func:`open_checkpoint` returns a :class:`Checkpoint` only when the
note is well formed, carries a valid signature by the expected key (signatures by other keys
are ignored, as the spec requires) and its body is a checkpoint of the expected origin;
anything else raises :class:`CheckpointError` with a stable ``details["reason"]``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import struct
from dataclasses import dataclass
from typing import Any, Final

from fieldkit.crypto.keys import SIGNATURE_SIZE, SigningKey, VerifyKey
from fieldkit.errors import IntegrityError, SignatureError, ValidationError

__all__ = [
    "MAX_NOTE_SIZE",
    "MAX_SIGNATURES",
    "Checkpoint",
    "CheckpointError",
    "NoteSigner",
    "NoteVerifier",
    "open_checkpoint",
    "open_note",
]

#: A checkpoint note larger than this (UTF-8 bytes) is refused before any parsing.
MAX_NOTE_SIZE: Final = 1 << 20
#: At most this many signature lines are read (Go's note package uses the same limit).
MAX_SIGNATURES: Final = 100
#: Signature type byte of Ed25519 note signatures.
ALG_ED25519: Final = 0x01
ROOT_SIZE: Final = 32
_MAX_TREE_SIZE: Final = (1 << 64) - 1

_SIG_PREFIX: Final = "— "
_SIZE_RE: Final = re.compile(r"0|[1-9][0-9]*", re.ASCII)
_HEX8_RE: Final = re.compile(r"[0-9a-fA-F]{8}", re.ASCII)
_CONTROL_RE: Final = re.compile(r"[\x00-\x09\x0b-\x1f]")

_CHECKPOINT_HINT = ("Do not trust this registry's tree head. Check that the registry's "
                    "verifier key is the one you were given; if it is, keep the checkpoint for "
                    "investigation and report it to the registry's operator.")


class CheckpointError(IntegrityError):
    """A signed checkpoint is malformed, unsigned, wrongly signed or for another log.

    ``details["reason"]`` says which check failed, in a stable machine-readable word.
    """

    code = "bad_checkpoint"
    default_hint = _CHECKPOINT_HINT


def _fail(reason: str, message: str, **details: Any) -> CheckpointError:
    return CheckpointError(message, reason=reason, **details)


def _is_valid_name(name: str) -> bool:
    """Non-empty, no Unicode white space, no '+' (and no control characters)."""
    return (bool(name) and "+" not in name and not any(ch.isspace() for ch in name)
            and _CONTROL_RE.search(name) is None and _is_encodable(name))


def _is_encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates
        return False
    return True


def _b64decode_canonical(value: str) -> bytes | None:
    """Strict standard base64 (RFC 4648 §4, padded); ``None`` unless canonical."""
    if not value.isascii():
        return None
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None
    if base64.b64encode(raw).decode("ascii") != value:
        return None  # non-zero padding bits or other non-canonical spellings
    return raw


def _key_id(name: str, public_key: bytes) -> int:
    digest = hashlib.sha256(name.encode("utf-8") + b"\n" + bytes([ALG_ED25519]) + public_key)
    value: int = struct.unpack(">I", digest.digest()[:4])[0]
    return value


def _vkey(name: str, key_hash: int, public_key: bytes) -> str:
    material = base64.b64encode(bytes([ALG_ED25519]) + public_key).decode("ascii")
    return f"{name}+{key_hash:08x}+{material}"


@dataclass(frozen=True)
class Checkpoint:
    """A verified tree head: the log ``origin`` had ``size`` entries with Merkle ``root``.

    ``text`` is the whole signed note, byte for byte as received (keep it: it is the
    evidence). ``extensions`` are the optional lines after the root hash.
    """

    origin: str
    size: int
    root: bytes
    text: str
    extensions: tuple[str, ...] = ()

    @property
    def body(self) -> str:
        """The signed note text (the checkpoint lines, ending in a newline)."""
        return _format_body(self.origin, self.size, self.root, self.extensions)


def _format_body(origin: str, size: int, root: bytes, extensions: tuple[str, ...]) -> str:
    lines = [origin, str(size), base64.b64encode(root).decode("ascii"), *extensions]
    return "".join(line + "\n" for line in lines)


class NoteVerifier:
    """An Ed25519 note verifier key: a name and a public key (and the key ID they imply)."""

    __slots__ = ("_key", "_key_hash", "_name")

    def __init__(self, name: str, key: VerifyKey) -> None:
        if not isinstance(name, str) or not _is_valid_name(name):
            raise ValidationError(
                f"{name!r} cannot be a note key name: it must be non-empty, without spaces "
                "or '+'.")
        self._name = name
        self._key = key
        self._key_hash = _key_id(name, key.to_bytes())

    @classmethod
    def from_vkey(cls, vkey: str) -> NoteVerifier:
        """Parse ``"<name>+<8 hex key ID>+<base64(0x01 || 32-byte public key)>"``.

        Raises :class:`ValidationError` if the string is malformed, names another signature
        type, or its key ID does not match the name and key.
        """
        hint = "Copy the registry's verifier key again, exactly as its operator published it."
        if not isinstance(vkey, str):
            raise ValidationError("A verifier key must be text.", hint=hint)
        parts = vkey.split("+", 2)
        if len(parts) != 3:
            raise ValidationError(
                "A verifier key has three parts separated by '+': name, key ID, key.", hint=hint)
        name, hash16, key64 = parts
        if not _is_valid_name(name):
            raise ValidationError(f"The verifier key's name {name!r} is empty or contains "
                                  "spaces.", hint=hint)
        if not _HEX8_RE.fullmatch(hash16):
            raise ValidationError(f"The verifier key's ID {hash16!r} is not 8 hex digits.",
                                  hint=hint)
        material = _b64decode_canonical(key64)
        if material is None:
            raise ValidationError("The verifier key's public key is not valid base64.",
                                  hint=hint)
        if len(material) != 1 + 32 or material[0] != ALG_ED25519:
            raise ValidationError(
                "The verifier key is not an Ed25519 note key (type 0x01, 32 bytes).", hint=hint)
        verifier = cls(name, VerifyKey.from_bytes(material[1:]))
        if verifier.key_hash != int(hash16, 16):
            raise ValidationError(
                f"The verifier key's ID {hash16} does not match its name and public key "
                f"(expected {verifier.key_hash:08x}).", hint=hint)
        return verifier

    @property
    def name(self) -> str:
        return self._name

    @property
    def key_hash(self) -> int:
        """The 32-bit key ID that prefixes this key's signatures."""
        return self._key_hash

    @property
    def verify_key(self) -> VerifyKey:
        return self._key

    @property
    def vkey(self) -> str:
        """The verifier key string to publish."""
        return _vkey(self._name, self._key_hash, self._key.to_bytes())

    def __repr__(self) -> str:
        return f"NoteVerifier({self.vkey!r})"


class NoteSigner:
    """Signs notes and checkpoints under ``name`` with an Ed25519 key."""

    __slots__ = ("_key", "_verifier")

    def __init__(self, name: str, key: SigningKey) -> None:
        self._verifier = NoteVerifier(name, key.verify_key)
        self._key = key

    @property
    def name(self) -> str:
        return self._verifier.name

    @property
    def key_hash(self) -> int:
        return self._verifier.key_hash

    @property
    def verifier(self) -> NoteVerifier:
        return self._verifier

    @property
    def vkey(self) -> str:
        """The verifier key string clients pin: ``"<name>+<key ID hex>+<base64 key>"``."""
        return self._verifier.vkey

    def signature_line(self, text: str) -> str:
        """The signature line ``"— <name> <base64>\\n"`` of a note text."""
        sig = self._key.sign(text.encode("utf-8"))
        blob = base64.b64encode(struct.pack(">I", self.key_hash) + sig).decode("ascii")
        return f"{_SIG_PREFIX}{self.name} {blob}\n"

    def sign_note(self, text: str) -> str:
        """The signed note: ``text``, a blank line, and this key's signature line.

        ``text`` must end in a newline and contain no control characters but newlines.
        """
        if not isinstance(text, str) or not text.endswith("\n"):
            raise ValidationError("A note text must end with a newline.")
        if _CONTROL_RE.search(text) or not _is_encodable(text):
            raise ValidationError("A note text must be UTF-8 without control characters "
                                  "other than newline.")
        return text + "\n" + self.signature_line(text)

    def sign_checkpoint(self, origin: str, size: int, root: bytes, *,
                        extensions: tuple[str, ...] = ()) -> Checkpoint:
        """Sign the tree head of ``origin`` at ``size`` entries with Merkle ``root``."""
        if not isinstance(origin, str) or not origin or "\n" in origin:
            raise ValidationError("A checkpoint origin is one non-empty line of text.")
        if isinstance(size, bool) or not isinstance(size, int) or not (
                0 <= size <= _MAX_TREE_SIZE):
            raise ValidationError(f"A tree size is an integer from 0 to 2**64-1; got {size!r}.")
        if not isinstance(root, bytes) or len(root) != ROOT_SIZE:
            raise ValidationError(f"A tree root is {ROOT_SIZE} bytes.")
        for line in extensions:
            if not isinstance(line, str) or not line or "\n" in line:
                raise ValidationError("Checkpoint extension lines are non-empty single lines.")
        text = self.sign_note(_format_body(origin, size, root, tuple(extensions)))
        return Checkpoint(origin=origin, size=size, root=bytes(root), text=text,
                          extensions=tuple(extensions))

    def __repr__(self) -> str:
        return f"NoteSigner({self.vkey!r})"


def open_note(text: str, verifier: NoteVerifier) -> str:
    """Verify a signed note and return its text (the part that was signed).

    The note must be well formed (UTF-8, no control characters but newline, at most
    :data:`MAX_NOTE_SIZE` bytes and :data:`MAX_SIGNATURES` signature lines) and carry at least
    one signature by ``verifier``'s key; every signature by that key must verify. Signatures
    by other keys (another name or another key ID) are ignored. Raises
    :class:`CheckpointError`.
    """
    if not isinstance(text, str):
        raise _fail("not_text", "A signed note must be text.")
    if len(text) > MAX_NOTE_SIZE:  # cheap first: never fewer bytes than characters
        raise _fail("too_large", f"The signed note is over {MAX_NOTE_SIZE} bytes long.")
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:
        raise _fail("not_utf8", "The signed note is not valid UTF-8.") from None
    if len(encoded) > MAX_NOTE_SIZE:
        raise _fail("too_large", f"The signed note is {len(encoded)} bytes; the limit is "
                    f"{MAX_NOTE_SIZE}.")
    control = _CONTROL_RE.search(text)
    if control is not None:
        raise _fail("control_character", f"The signed note contains the control character "
                    f"U+{ord(control.group()):04X} at position {control.start()}.")
    split = text.rfind("\n\n")
    if split < 0:
        raise _fail("no_signatures", "The note has no blank line before signature lines: "
                    "it is not signed.")
    body, block = text[:split + 1], text[split + 2:]
    if not block:
        raise _fail("no_signatures", "The note ends with a blank line and has no signatures.")
    if not block.endswith("\n"):
        raise _fail("no_final_newline", "The note's last signature line does not end with "
                    "a newline.")
    lines = block[:-1].split("\n")
    if len(lines) > MAX_SIGNATURES:
        raise _fail("too_many_signatures", f"The note has {len(lines)} signature lines; the "
                    f"limit is {MAX_SIGNATURES}.")
    message = body.encode("utf-8")
    verified = 0
    for number, line in enumerate(lines, start=1):
        if not line.startswith(_SIG_PREFIX):
            raise _fail("malformed_signature_line", f"Signature line {number} does not start "
                        "with an em dash and a space.", line=number)
        name, sep, blob64 = line[len(_SIG_PREFIX):].partition(" ")
        if not sep or not _is_valid_name(name):
            raise _fail("malformed_signature_line", f"Signature line {number} has no valid "
                        "key name followed by a space.", line=number)
        blob = _b64decode_canonical(blob64)
        if blob is None or len(blob) < 5:
            raise _fail("malformed_signature_line", f"Signature line {number} does not hold "
                        "a base64 key ID and signature.", line=number)
        key_hash: int = struct.unpack(">I", blob[:4])[0]
        if name != verifier.name or key_hash != verifier.key_hash:
            continue  # another key's signature (a witness, a rotated key): ignored
        signature = blob[4:]
        if len(signature) != SIGNATURE_SIZE:
            raise _fail("bad_signature", f"Signature line {number} by {name} is "
                        f"{len(signature)} bytes, not an Ed25519 signature.", line=number)
        try:
            verifier.verify_key.verify(signature, message)
        except SignatureError:
            raise _fail("bad_signature", f"The signature by {name} on line {number} does not "
                        "verify: the note was changed after it was signed.",
                        line=number) from None
        verified += 1
    if not verified:
        raise _fail("not_signed_by_key", f"The note is not signed by the key "
                    f"{verifier.name}+{verifier.key_hash:08x}.", key=verifier.vkey)
    return body


def _parse_body(body: str, *, origin: str) -> tuple[str, int, bytes, tuple[str, ...]]:
    lines = body[:-1].split("\n")
    if len(lines) < 3:
        raise _fail("too_few_lines", f"A checkpoint has at least three lines (origin, size, "
                    f"root); this one has {len(lines)}.")
    if any(not line for line in lines):
        raise _fail("empty_line", "A checkpoint has an empty line.")
    got_origin, size_line, root_line, *extensions = lines
    if got_origin != origin:
        raise _fail("wrong_origin", f"The checkpoint is for the log {got_origin!r}, not "
                    f"{origin!r}.", origin=got_origin)
    if not _SIZE_RE.fullmatch(size_line):
        raise _fail("bad_size", f"The tree size {size_line!r} is not a decimal number without "
                    "leading zeros.")
    size = int(size_line)
    if size > _MAX_TREE_SIZE:
        raise _fail("bad_size", f"The tree size {size_line} is larger than 2**64-1.")
    root = _b64decode_canonical(root_line)
    if root is None:
        raise _fail("bad_root", "The root hash line is not canonical standard base64.")
    if len(root) != ROOT_SIZE:
        raise _fail("bad_root", f"The root hash is {len(root)} bytes; a SHA-256 root is "
                    f"{ROOT_SIZE}.")
    return got_origin, size, root, tuple(extensions)


def open_checkpoint(text: str, verifier: NoteVerifier, *, origin: str) -> Checkpoint:
    """Verify a signed checkpoint of log ``origin`` by ``verifier``'s key and parse it.

    Raises :class:`CheckpointError` on anything wrong: size limits, malformed lines, a
    missing or failing signature by that key, an origin other than ``origin``.
    """
    body = open_note(text, verifier)
    got_origin, size, root, extensions = _parse_body(body, origin=origin)
    return Checkpoint(origin=got_origin, size=size, root=root, text=text,
                      extensions=extensions)

