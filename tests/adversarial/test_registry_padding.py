"""Padmé padding: the registry sees record and file ciphertext sizes only as Padmé buckets,
and staff pull still opens every record and file byte for byte."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path

from fieldkit.crypto.dsse import Envelope
from fieldkit.crypto.stream import encrypted_size
from fieldkit.sync.padding import padme

from .conftest import Field
from .registry_tools import registry_db, seal_incident

SIZES = [0, 1, 700, 4_095, 65_537, 1_000_003, 5 * 2**20 + 17]


def test_the_registry_sees_only_padme_sizes(field: Field, tmp_path: Path) -> None:
    """Threat: a compromised registry (or anyone reading its database) learns the exact size
    of each record's sealed payload and of each attachment, which identifies documents (a
    known photo, a leaked PDF) and tells a short note from a long testimony. Stopped by: the
    sealed inner payload and every uploaded file are padded to a Padmé length (at most ~12%
    more), so sizes fall into O(log log n)-bit buckets; staff strip and check the padding."""
    files = []
    for i, n in enumerate(SIZES):
        path = tmp_path / f"evidence-{i}.bin"
        path.write_bytes(os.urandom(n))
        files.append(path)
    titles = ["x", "a longer title " * 20, "عنوان " * 80, "y" * 333]
    ids = [seal_incident(field.alice.service, t, files=files if i == 0 else None)
           for i, t in enumerate(titles)]
    assert field.alice.sync().records == len(ids)

    with registry_db(field) as db:
        file_sizes = [int(s) for (s,) in db.execute("SELECT size FROM files")]
        envelopes = [bytes(e) for (e,) in db.execute("SELECT envelope FROM records")]
    # files: each stored size is a Padmé length of an FKA1 stream of one of the plaintexts
    streams = sorted(encrypted_size(n) for n in SIZES)
    assert sorted(file_sizes) == sorted(padme(s) for s in streams)
    assert any(padme(s) != s for s in streams)  # some really were padded
    # records: sealed = HPKE(enc 32 + tag 16) around a Padmé-length plaintext
    sealed = [len(base64.b64decode(json.loads(Envelope.from_bytes(e).payload)["sealed"]))
              for e in envelopes]
    overhead = 32 + 16
    assert all(padme(n - overhead) == n - overhead for n in sealed), sealed
    inner = [len(json.dumps(field.alice.service.sealed_record(r).envelope.to_json()))
             for r in ids]
    assert len({s - i for s, i in zip(sealed, inner, strict=True)}) > 1  # not size + constant

    # staff pull opens everything, byte for byte
    assert field.staff.sync().records == len(ids)
    record = field.staff.service.sealed_record(ids[0])
    for ev in record.record["evidence"]:
        out = tmp_path / "out" / ev["sha256"]
        out.parent.mkdir(exist_ok=True)
        field.staff.service.extract_evidence(ev["sha256"], out)
        assert hashlib.sha256(out.read_bytes()).hexdigest() == ev["sha256"]
    assert field.staff.service.check().ok
