"""Padmé padding of what the registry stores, so ciphertext sizes reveal little (ADR 0015).

Padmé (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files and Communication
with PURBs", PoPETs 2019) rounds a length ``L`` up so that only its top ``floor(log2 E) + 1``
bits may be non-zero (``E = floor(log2 L)``): a padded length needs ``O(log log L)`` bits to
describe, and the overhead is at most about 12% (less for larger ``L``).

* **Records**: the inner payload of a submission (what is sealed to the organisation key) is
  padded before sealing with the ISO/IEC 7816-4 scheme, ``data || 0x80 || 0x00*``, to
  ``padme(len(data) + 1)`` bytes, and unpadded after opening. Unpadding fails closed
  (:class:`PaddingError`) on anything else, except a legacy payload sealed before padding
  existed: canonical JSON, which ends with ``}`` and so can never be a padded payload.
* **Files**: the encrypted attachment (format FKA1) is uploaded followed by
  ``padme(n) - n`` bytes of a keystream derived from the file key (AES-256-CTR under
  ``HKDF(file_key, info="fieldkit upload padding v1")``). The keystream looks like the
  ciphertext before it, so the registry cannot see where the file ends; the device's signed
  submission names the padded upload's SHA-256 and size. Staff, who hold the file key and
  know the plaintext size from the signed record, compute the FKA1 length, check that the
  tail is exactly that keystream and cut it off before the file is adopted
  (:func:`strip_file_padding`). The vault's own files are never padded.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import BinaryIO, Final

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldkit.crypto import stream
from fieldkit.errors import IntegrityError

__all__ = ["PaddedFile", "PaddingError", "pad", "padded_file_size", "padding_bytes", "padme",
           "strip_file_padding", "unpad"]

PAD_INFO: Final = b"fieldkit upload padding v1"
_MARK: Final = 0x80
_BLOCK: Final = 16


class PaddingError(IntegrityError):
    code = "bad_padding"
    default_hint = ("The padding around an encrypted record or file is not what FieldKit "
                    "writes: it was altered or damaged. Nothing of it was kept.")


def padme(length: int) -> int:
    """The Padmé length for ``length`` bytes (``length`` itself for 0, 1 and 2)."""
    if length < 0:
        raise ValueError("a length is not negative")
    if length < 2:
        return length
    e = length.bit_length() - 1          # floor(log2 L)
    s = e.bit_length()                   # floor(log2 E) + 1
    mask = (1 << (e - s)) - 1
    return (length + mask) & ~mask


# --- records ------------------------------------------------------------------------------

def pad(data: bytes) -> bytes:
    """``data || 0x80 || 0x00*``, ``padme(len(data) + 1)`` bytes long."""
    total = padme(len(data) + 1)
    return data + bytes([_MARK]) + bytes(total - len(data) - 1)


def unpad(padded: bytes) -> bytes:
    """The data :func:`pad` padded; PaddingError for anything :func:`pad` cannot produce.

    A legacy payload (canonical JSON sealed before padding existed) ends with ``}`` and is
    returned as it is: a padded payload always ends with 0x80 or 0x00."""
    if padded.endswith(b"}"):
        return padded
    end = len(padded.rstrip(b"\x00"))
    if end == 0 or padded[end - 1] != _MARK or len(padded) != padme(end):
        raise PaddingError("An encrypted record's padding is malformed.")
    return padded[:end - 1]


# --- files --------------------------------------------------------------------------------

def padded_file_size(size: int) -> int:
    return padme(size)


def _pad_key(file_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=PAD_INFO).derive(file_key)


def padding_bytes(file_key: bytes, start: int, length: int) -> bytes:
    """Bytes ``start .. start+length`` of the padding keystream of a file."""
    if length <= 0:
        return b""
    block, skip = divmod(start, _BLOCK)
    enc = Cipher(algorithms.AES(_pad_key(file_key)),
                 modes.CTR(block.to_bytes(_BLOCK, "big"))).encryptor()
    return enc.update(bytes(skip + length))[skip:]


class PaddedFile:
    """Read-only view of an encrypted attachment followed by its upload padding."""

    def __init__(self, path: Path, file_key: bytes) -> None:
        self.path = Path(path)
        self.key = file_key
        self.real_size = os.path.getsize(self.path)
        self.size = padded_file_size(self.real_size)

    def read(self, f: BinaryIO, offset: int, length: int) -> bytes:
        """``length`` bytes at ``offset`` of the padded upload (``f``: the open file)."""
        out = b""
        if offset < self.real_size:
            f.seek(offset)
            out = f.read(min(length, self.real_size - offset))
        if len(out) < length:
            start = offset + len(out) - self.real_size
            out += padding_bytes(self.key, start,
                                 min(length - len(out), self.size - self.real_size - start))
        return out


def strip_file_padding(path: Path, *, file_key: bytes, plain_size: int) -> None:
    """Cut the upload padding off a downloaded encrypted attachment, in place, after checking
    it is exactly the keystream :class:`PaddedFile` appends; PaddingError otherwise. A file
    uploaded before padding existed (no tail) is left as it is."""
    size = os.path.getsize(path)
    with open(path, "r+b") as f:
        header = f.read(stream.HEADER_SIZE)
        if len(header) < stream.HEADER_SIZE:
            raise PaddingError("A downloaded attachment is shorter than its header.")
        chunk_size = int.from_bytes(header[5:9], "big")
        if not stream.MIN_CHUNK_SIZE <= chunk_size <= stream.MAX_CHUNK_SIZE:
            return  # not a file we can size: decryption reports the damage precisely
        real = stream.encrypted_size(plain_size, chunk_size)
        if size == real:
            return
        if size != padded_file_size(real):
            raise PaddingError(f"A downloaded attachment is {size} bytes; with its padding it "
                               f"should be {padded_file_size(real)}.")
        f.seek(real)
        want, got = hashlib.sha256(), hashlib.sha256()
        done = 0
        while done < size - real:
            block = f.read(min(1 << 20, size - real - done))
            if not block:
                break
            got.update(block)
            want.update(padding_bytes(file_key, done, len(block)))
            done += len(block)
        if done != size - real or got.digest() != want.digest():
            raise PaddingError("A downloaded attachment's padding is not what its device "
                               "wrote.")
        f.truncate(real)
        f.flush()
        os.fsync(f.fileno())
