"""SHA-256 of a whole file, read in chunks (memory stays flat for multi-GiB files)."""

from __future__ import annotations

import hashlib
from pathlib import Path

CHUNK = 1 << 20


def file_sha256(path: str | Path, *, chunk: int = CHUNK) -> tuple[str, int]:
    """The hex SHA-256 and the size in bytes of the file at ``path``."""
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
            size += len(block)
    return h.hexdigest(), size
