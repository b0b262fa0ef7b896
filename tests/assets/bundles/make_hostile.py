"""Make the hostile bundles the verifier must refuse (run from anywhere; rewrites them here).

Each file is a zip a malicious sender could hand over: path traversal, links, folders,
encryption, duplicate or unknown names, zip bombs, overlapping entries, not a zip at all.
``tests/export/test_verify_members.py`` asserts the exact error for each.
"""

from __future__ import annotations

import stat
import struct
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = b'{"_type":"fieldkit.bundle/1"}'


def zip_of(name: str, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    path = HERE / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in entries:
            zf.writestr(info, data)
    return path


def info(name: str, *, mode: int | None = None) -> zipfile.ZipInfo:
    i = zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0))
    i.compress_type = zipfile.ZIP_DEFLATED
    i.create_system = 3
    if mode is not None:
        i.external_attr = mode << 16
    return i


def main() -> None:
    import warnings

    warnings.simplefilter("ignore")  # zipfile warns about the duplicate name: that is the point
    zip_of("traversal.zip", [("manifest.json", MANIFEST), ("../../etc/passwd", b"root")])
    zip_of("traversal_inner.zip", [("files/../manifest.json", MANIFEST)])
    zip_of("absolute.zip", [("/etc/passwd", b"root")])
    zip_of("backslash.zip", [("files\\..\\..\\x", b"x")])
    zip_of("symlink.zip", [(info("files/" + "ab" * 32, mode=stat.S_IFLNK | 0o777),
                            b"/etc/passwd")])
    zip_of("directory.zip", [(info("files/", mode=stat.S_IFDIR | 0o755), b"")])
    # zipfile clears the "encrypted" flag on writing: set it in both headers afterwards.
    path = zip_of("encrypted.zip", [("manifest.json", MANIFEST)])
    data = bytearray(path.read_bytes())
    data[6] |= 0x01                                   # local file header flags
    data[data.find(b"PK\x01\x02") + 8] |= 0x01       # central directory flags
    path.write_bytes(bytes(data))
    zip_of("duplicate.zip", [("manifest.json", MANIFEST), ("manifest.json", MANIFEST)])
    zip_of("unknown.zip", [("manifest.json", MANIFEST), ("evil.sh", b"rm -rf ~")])
    zip_of("bomb_ratio.zip", [("files/" + "cd" * 32, bytes(64 * 1024 * 1024))])
    zip_of("bomb_declared.zip", [("envelopes/" + "ef" * 32 + ".json",
                                  b" " * (32 * 1024 * 1024))])
    zip_of("no_manifest.zip", [("manifest.sig", b"{}"), ("SHA256SUMS", b"")])
    (HERE / "not_a_zip.zip").write_bytes(b"%PDF-1.7 this is not a zip at all\n" * 10)
    # Two central-directory entries that point at the same local data.
    path = zip_of("overlap.zip", [("manifest.json", MANIFEST), ("SHA256SUMS", b"x" * 100)])
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        name = bytes(data[at + 46:at + 46 + name_len])
        if name == b"SHA256SUMS":
            struct.pack_into("<I", data, at + 42, 0)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


if __name__ == "__main__":
    main()
