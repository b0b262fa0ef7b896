"""One contract for the registry store, run against SQLite and PostgreSQL (``store_url``)."""

from __future__ import annotations

import base64
import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from fieldkit.errors import DigestMismatchError, NotFoundError, ValidationError
from fieldkit.registry.chunks import (
    ChunkDigestError,
    ChunkNotFoundError,
    FileChunkStore,
    InvalidDigestError,
)
from fieldkit.registry.store import (
    AuditEvent,
    ConflictError,
    EnrollCodeError,
    ExportEvent,
    FileDigestError,
    ForkError,
    IncomingRecord,
    RegistryStore,
    StoreNotFoundError,
    StoreValidationError,
    metadata,
)
from fieldkit.sync import merkle

NOW = "2025-03-01T12:00:00Z"
LATER = "2025-03-01T13:00:00Z"
DEVICE = "ed25519:" + "d" * 64
OTHER = "ed25519:" + "e" * 64


def sign(size: int, root: bytes) -> str:
    """A stand-in for the registry's note signer: the checkpoint body, unsigned."""
    return f"fieldkit.test/log\n{size}\n{base64.b64encode(root).decode()}\n"


def parse(note: str) -> tuple[int, bytes]:
    _origin, size, root = note.splitlines()[:3]
    return int(size), base64.b64decode(root)


def entry(record: IncomingRecord) -> bytes:
    return f"record {record.record_id}".encode()


def rid(label: str) -> str:
    return hashlib.sha256(label.encode()).hexdigest()


def chain(device: str, n: int, *, start: int = 1, prev: str | None = None,
          tag: str = "") -> list[IncomingRecord]:
    out = []
    for seq in range(start, start + n):
        record_id = rid(f"{device}/{seq}{tag}")
        out.append(IncomingRecord(record_id, device, seq, prev, "incident",
                                  f"envelope {record_id}".encode()))
        prev = record_id
    return out


def enrol(store: RegistryStore, key_id: str = DEVICE, role: str = "monitor") -> None:
    store.add_device(key_id=key_id, public_key=b"\x01" * 32, role=role, label="laptop",
                     enrolled_at=NOW)


# --- schema and devices -------------------------------------------------------------------------

def test_migrations_build_the_schema_the_code_queries(store_url: str) -> None:
    RegistryStore.open(store_url).close()
    store = RegistryStore.open(store_url)  # a second open migrates nothing
    try:
        with store._engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
        assert diff == []
    finally:
        store.close()


def test_devices_enrol_list_and_revoke(store: RegistryStore) -> None:
    assert store.device(DEVICE) is None
    enrol(store)
    store.add_device(key_id=OTHER, public_key=b"\x02" * 32, role="admin", label="",
                     enrolled_at=LATER, enrol_index=7)
    device = store.device(DEVICE)
    assert device is not None
    assert (device.role, device.public_key, device.revoked_at) == ("monitor", b"\x01" * 32, None)
    assert [d.key_id for d in store.devices()] == [DEVICE, OTHER]
    assert store.device(OTHER) is not None and store.device(OTHER).enrol_index == 7  # type: ignore[union-attr]
    with pytest.raises(ConflictError):
        enrol(store)
    with pytest.raises(StoreValidationError):
        store.add_device(key_id="x", public_key=b"", role="root", label="", enrolled_at=NOW)
    assert store.revoke_device(DEVICE, at=LATER) is True
    assert store.revoke_device(DEVICE, at="2026-01-01T00:00:00Z") is False
    assert store.revoke_device("ed25519:unknown", at=LATER) is False
    assert store.device(DEVICE).revoked_at == LATER  # type: ignore[union-attr]


# --- enrolment codes and nonces -------------------------------------------------------------------

SECRET = hashlib.sha256(b"the secret").digest()


def _why(err: pytest.ExceptionInfo[EnrollCodeError]) -> str:
    assert err.value.http_status == 403
    assert str(err.value) == ("This enrolment code is not valid: it is unknown, already used "
                              "or expired.")
    return str(err.value.details["why"])


def test_enrol_code_works_once(store: RegistryStore) -> None:
    store.add_enroll_code(code_id="code-1", secret_hash=SECRET, role="staff", created_at=NOW,
                          expires_at=LATER)
    with pytest.raises(EnrollCodeError) as wrong:
        store.use_enroll_code(code_id="code-1", secret_hash=b"\0" * 32, now=NOW, used_by="x")
    assert _why(wrong) == "wrong_secret"
    assert store.use_enroll_code(code_id="code-1", secret_hash=SECRET, now=NOW,
                                 used_by=DEVICE) == "staff"
    with pytest.raises(EnrollCodeError) as used:
        store.use_enroll_code(code_id="code-1", secret_hash=SECRET, now=NOW, used_by=OTHER)
    assert _why(used) == "used"
    with pytest.raises(EnrollCodeError) as unknown:
        store.use_enroll_code(code_id="code-2", secret_hash=SECRET, now=NOW, used_by=OTHER)
    assert _why(unknown) == "unknown"
    with pytest.raises(ConflictError):
        store.add_enroll_code(code_id="code-1", secret_hash=SECRET, role="staff",
                              created_at=NOW, expires_at=LATER)


def test_enrol_code_expires(store: RegistryStore) -> None:
    store.add_enroll_code(code_id="code-1", secret_hash=SECRET, role="monitor", created_at=NOW,
                          expires_at=LATER)
    with pytest.raises(EnrollCodeError) as expired:
        store.use_enroll_code(code_id="code-1", secret_hash=SECRET, now=LATER, used_by=DEVICE)
    assert _why(expired) == "expired"


def _code_used(store: RegistryStore, code_id: str) -> bool:
    """Whether ``code_id`` is spent (read straight from its table)."""
    import sqlalchemy as sa

    from fieldkit.registry.store import enroll_codes_t

    with store._engine.connect() as conn:
        return conn.execute(sa.select(enroll_codes_t.c.used_at).where(
            enroll_codes_t.c.code_id == code_id)).scalar_one() is not None


def _enrol_with(store: RegistryStore, code_id: str, key_id: str,
                signer: object = sign) -> tuple[str, int, str]:
    return store.enroll_device(code_id=code_id, secret_hash=SECRET, key_id=key_id,
                               public_key=b"\x01" * 32, label="laptop", now=NOW,
                               entry=lambda role: f"enrol {key_id} {role}".encode(),
                               sign=signer)  # type: ignore[arg-type]


def test_enrolment_is_one_transaction(store: RegistryStore) -> None:
    """Code spent, device row, log entry and checkpoint: all of them or none of them."""
    for code_id in ("code-1", "code-2", "code-3"):
        store.add_enroll_code(code_id=code_id, secret_hash=SECRET, role="monitor",
                              created_at=NOW, expires_at=LATER)

    def crash(size: int, root: bytes) -> str:
        raise OSError("the signer died")

    with pytest.raises(OSError):
        _enrol_with(store, "code-1", DEVICE, crash)
    assert store.device(DEVICE) is None and store.log_size() == 0
    assert not _code_used(store, "code-1")

    role, index, note = _enrol_with(store, "code-1", DEVICE)
    assert (role, index, parse(note)[0]) == ("monitor", 0, 1)
    device = store.device(DEVICE)
    assert device is not None and device.enrol_index == 0 and store.leaf(0) == \
        f"enrol {DEVICE} monitor".encode()
    assert _code_used(store, "code-1")

    # the same key again: refused, and the other code stays unspent
    with pytest.raises(ConflictError):
        _enrol_with(store, "code-2", DEVICE)
    assert store.log_size() == 1 and not _code_used(store, "code-2")
    # a spent code: refused, nothing logged
    with pytest.raises(EnrollCodeError):
        _enrol_with(store, "code-1", OTHER)
    assert store.log_size() == 1 and store.device(OTHER) is None


def test_concurrent_enrolments_of_one_key_make_one_device(store: RegistryStore) -> None:
    from concurrent.futures import ThreadPoolExecutor

    codes = [f"code-{i}" for i in range(8)]
    for code_id in codes:
        store.add_enroll_code(code_id=code_id, secret_hash=SECRET, role="monitor",
                              created_at=NOW, expires_at=LATER)

    def go(code_id: str) -> str:
        try:
            _enrol_with(store, code_id, DEVICE)
        except ConflictError:
            return "conflict"
        return "ok"

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(go, codes))
    assert results.count("ok") == 1 and results.count("conflict") == 7
    assert store.log_size() == 1
    assert [_code_used(store, c) for c in codes].count(True) == 1


def test_nonce_replay_is_refused_until_it_expires(store: RegistryStore) -> None:
    assert store.remember_nonce(DEVICE, "n1", expires_at=LATER, now=NOW) is True
    assert store.remember_nonce(DEVICE, "n1", expires_at=LATER, now=NOW) is False
    assert store.remember_nonce(OTHER, "n1", expires_at=LATER, now=NOW) is True
    # once expired it is purged, and the (then stale) request is refused by its timestamp
    assert store.remember_nonce(DEVICE, "n1", expires_at="2025-03-01T14:00:00Z",
                                now=LATER) is True
    for i in range(70):  # enough calls to trigger a full purge
        assert store.remember_nonce(DEVICE, f"m{i}", expires_at=LATER, now=NOW)


# --- the transparency log -------------------------------------------------------------------------

BATCHES = [1, 2, 3, 1, 4, 1, 5, 2]


def _fill(store: RegistryStore) -> list[tuple[int, bytes]]:
    """Append BATCHES; return (size, root) of each checkpoint, checked against MemoryTree."""
    tree = merkle.MemoryTree()
    checkpoints = []
    for b, n in enumerate(BATCHES):
        entries = [f"entry {b}.{i}".encode() for i in range(n)]
        indices, note = store.append(entries, sign=sign, now=NOW)
        assert indices == [tree.append(e) for e in entries]
        size, root = parse(note)
        assert (size, root) == (tree.size, tree.root())
        checkpoints.append((size, root))
    return checkpoints


def test_append_numbers_entries_and_checkpoints_every_size(store: RegistryStore) -> None:
    with pytest.raises(NotFoundError):
        store.checkpoint()
    checkpoints = _fill(store)
    total = sum(BATCHES)
    assert store.log_size() == total
    assert store.checkpoint_sizes() == [s for s, _ in checkpoints]
    assert parse(store.checkpoint())[0] == total
    for size, root in checkpoints:
        assert parse(store.checkpoint(size)) == (size, root)
    with pytest.raises(StoreNotFoundError):
        store.checkpoint(2)  # no checkpoint at that size
    assert store.leaf(0) == b"entry 0.0" and store.leaf(total - 1) == b"entry 7.1"
    with pytest.raises(StoreNotFoundError):
        store.leaf(total)
    with pytest.raises(ValidationError):
        store.append([], sign=sign, now=NOW)


def test_every_proof_verifies_against_every_checkpoint(store: RegistryStore) -> None:
    checkpoints = _fill(store)
    leaves = [merkle.leaf_hash(store.leaf(i)) for i in range(store.log_size())]
    for size, root in checkpoints:
        for index in range(size):
            merkle.verify_inclusion(index=index, size=size, leaf=leaves[index],
                                    proof=store.inclusion_proof(index, size), root=root)
    for i, (size1, root1) in enumerate(checkpoints):
        for size2, root2 in checkpoints[i:]:
            merkle.verify_consistency(size1=size1, size2=size2, root1=root1, root2=root2,
                                      proof=store.consistency_proof(size1, size2))
    size, root = checkpoints[-1]
    with pytest.raises(merkle.ProofError):
        merkle.verify_inclusion(index=0, size=size, leaf=leaves[1],
                                proof=store.inclusion_proof(0, size), root=root)
    with pytest.raises(StoreNotFoundError):
        store.inclusion_proof(0, size + 1)
    with pytest.raises(StoreNotFoundError):
        store.consistency_proof(1, size + 1)
    assert store.perfect_node(0, 3) == leaves[3]


# --- records --------------------------------------------------------------------------------------

def test_ingest_is_idempotent(store: RegistryStore) -> None:
    enrol(store)
    records = chain(DEVICE, 3)
    first, note = store.ingest(records, entry=entry, sign=sign, now=NOW)
    assert [(r.log_index, r.duplicate, r.gap) for r in first] == [(0, False, None),
                                                                  (1, False, None),
                                                                  (2, False, None)]
    assert parse(note)[0] == 3
    again, note2 = store.ingest(records, entry=entry, sign=sign, now=LATER)
    assert [(r.log_index, r.duplicate) for r in again] == [(0, True), (1, True), (2, True)]
    assert note2 == note and store.log_size() == 3 and store.checkpoint_sizes() == [3]
    more = chain(DEVICE, 2, start=4, prev=records[-1].record_id)
    mixed, _ = store.ingest([records[1], more[0], more[0], more[1]], entry=entry, sign=sign,
                            now=LATER)
    assert [(r.record_id, r.log_index, r.duplicate) for r in mixed] == [
        (records[1].record_id, 1, True), (more[0].record_id, 3, False),
        (more[0].record_id, 3, True), (more[1].record_id, 4, False)]
    stored = store.record(more[0].record_id)
    assert stored is not None
    assert (stored.seq, stored.chain_prev, stored.envelope, stored.log_index, stored.size) == (
        4, records[-1].record_id, more[0].envelope, 3, len(more[0].envelope))
    assert store.leaf(3) == entry(more[0])
    assert store.record(rid("nothing")) is None


def test_fork_refuses_the_whole_batch(store: RegistryStore) -> None:
    enrol(store)
    records = chain(DEVICE, 3)
    _, note = store.ingest(records, entry=entry, sign=sign, now=NOW)
    fresh = chain(DEVICE, 1, start=4, prev=records[-1].record_id)[0]
    fork = chain(DEVICE, 1, start=2, prev=records[0].record_id, tag="fork")[0]
    with pytest.raises(ForkError) as err:
        store.ingest([fresh, fork], entry=entry, sign=sign, now=LATER)
    assert err.value.http_status == 409 and err.value.code == "chain_fork"
    assert err.value.details["existing"] == records[1].record_id
    assert store.record(fresh.record_id) is None
    assert store.log_size() == 3 and store.checkpoint() == note
    twin = chain(DEVICE, 1, start=4, prev=records[-1].record_id, tag="twin")[0]
    with pytest.raises(ForkError):  # a fork inside one batch
        store.ingest([fresh, twin], entry=entry, sign=sign, now=LATER)
    assert store.log_size() == 3


def test_gaps_are_recorded_not_fatal(store: RegistryStore) -> None:
    enrol(store)
    enrol(store, OTHER)
    records = chain(DEVICE, 5)
    result, _ = store.ingest([records[0], records[2]], entry=entry, sign=sign, now=NOW)
    assert [r.gap for r in result] == [None, (2, 3)]
    broken = IncomingRecord(rid("broken"), DEVICE, 4, rid("not the last"), "incident", b"x")
    late = chain(OTHER, 1, start=2)[0]
    result, _ = store.ingest([broken, records[1], late], entry=entry, sign=sign, now=LATER)
    assert [r.gap for r in result] == [(4, 4), (5, 2), (1, 2)]
    gaps = store.chain_gaps()
    assert [(g.device, g.expected_seq, g.got_seq, g.record_id) for g in gaps] == [
        (DEVICE, 2, 3, records[2].record_id), (DEVICE, 4, 4, broken.record_id),
        (DEVICE, 5, 2, records[1].record_id), (OTHER, 1, 2, late.record_id)]
    assert [g.record_id for g in store.chain_gaps(device=OTHER)] == [late.record_id]
    assert [g.id for g in store.chain_gaps(after_id=gaps[1].id, limit=1)] == [gaps[2].id]


def test_unknown_device_and_bad_records_are_refused(store: RegistryStore) -> None:
    with pytest.raises(StoreNotFoundError):
        store.ingest(chain(DEVICE, 1), entry=entry, sign=sign, now=NOW)
    enrol(store)
    bad = IncomingRecord("../../etc/passwd", DEVICE, 1, None, "incident", b"x")
    with pytest.raises(InvalidDigestError):
        store.ingest([bad], entry=entry, sign=sign, now=NOW)
    with pytest.raises(StoreValidationError):
        store.ingest([IncomingRecord(rid("a"), DEVICE, 0, None, "incident", b"x")],
                     entry=entry, sign=sign, now=NOW)
    assert store.log_size() == 0


def test_records_page_by_log_index_and_by_device(store: RegistryStore) -> None:
    enrol(store)
    enrol(store, OTHER)
    mine, theirs = chain(DEVICE, 5), chain(OTHER, 3)
    store.ingest([mine[0], theirs[0], mine[1]], entry=entry, sign=sign, now=NOW)
    store.ingest(mine[2:] + theirs[1:], entry=entry, sign=sign, now=NOW)
    page1 = store.records_since(-1, 3)
    page2 = store.records_since(page1[-1].log_index, 100)
    assert [r.log_index for r in page1 + page2] == list(range(8))
    assert store.records_since(7, 10) == []
    assert [r.seq for r in store.records_of_device(DEVICE, after_seq=0, limit=2)] == [1, 2]
    assert [r.seq for r in store.records_of_device(DEVICE, after_seq=2, limit=10)] == [3, 4, 5]
    assert [r.record_id for r in store.records_of_device(OTHER, after_seq=0, limit=10)] == [
        r.record_id for r in theirs]
    for bad in (lambda: store.records_since(0, 0), lambda: store.records_since(2**70, 10),
                lambda: store.records_since(-2, 10),
                lambda: store.records_of_device(DEVICE, after_seq=2**63, limit=1),
                lambda: store.audit_events(after_id=2**64), lambda: store.leaf(2**64),
                lambda: store.checkpoint(-1), lambda: store.inclusion_proof(0, 2**64)):
        with pytest.raises(StoreValidationError):  # out of range for the database: refused
            bad()


# --- chunks and files -----------------------------------------------------------------------------

def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture(params=["database", "files"])
def chunk_store(request: pytest.FixtureRequest, store_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    chunk_dir = None if request.param == "database" else tmp_path / "chunks"
    s = RegistryStore.open(store_url, chunk_dir=chunk_dir)
    yield s
    s.close()


def test_chunks_are_content_addressed_and_idempotent(chunk_store: RegistryStore) -> None:
    a, b = b"alpha" * 1000, b"bravo" * 700
    da, db = _digest(a), _digest(b)
    assert chunk_store.missing_chunks([da, db, da]) == [da, db]
    chunk_store.put_chunk(da, a)
    chunk_store.put_chunk(da, a)
    assert chunk_store.missing_chunks([da, db]) == [db]
    with pytest.raises(ChunkDigestError) as err:
        chunk_store.put_chunk(db, a)
    assert isinstance(err.value, DigestMismatchError) and err.value.http_status == 400
    assert chunk_store.missing_chunks([db]) == [db]
    with pytest.raises(ChunkNotFoundError):
        chunk_store.get_chunk(db)
    chunk_store.put_chunk(db, b)
    assert chunk_store.get_chunk(da) == a and chunk_store.get_chunk(db) == b


def test_files_are_assembled_from_chunks_and_checked(chunk_store: RegistryStore) -> None:
    a, b = b"alpha" * 1000, b"bravo" * 700
    da, db = _digest(a), _digest(b)
    whole = a + b + a
    sha = _digest(whole)
    with pytest.raises(ChunkNotFoundError) as missing:
        chunk_store.put_file(sha256=sha, size=len(whole), chunks=[da, db, da], device=DEVICE,
                             now=NOW)
    assert missing.value.details["missing"] == [da, db]
    chunk_store.put_chunk(da, a)
    chunk_store.put_chunk(db, b)
    with pytest.raises(FileDigestError):  # the wrong size
        chunk_store.put_file(sha256=sha, size=len(whole) + 1, chunks=[da, db, da],
                             device=DEVICE, now=NOW)
    with pytest.raises(FileDigestError):  # the right size, the wrong order
        chunk_store.put_file(sha256=sha, size=len(whole), chunks=[db, da, da], device=DEVICE,
                             now=NOW)
    assert chunk_store.file(sha) is None
    chunk_store.put_file(sha256=sha, size=len(whole), chunks=[da, db, da], device=DEVICE,
                         now=NOW)
    chunk_store.put_file(sha256=sha, size=len(whole), chunks=[da, db, da], device=DEVICE,
                         now=LATER)
    assert chunk_store.file(sha) == (len(whole), [da, db, da])
    empty = _digest(b"")
    chunk_store.put_file(sha256=empty, size=0, chunks=[], device=None, now=NOW)
    assert chunk_store.file(empty) == (0, [])


@pytest.mark.parametrize("digest", ["../" * 10 + "etc/passwd", "../" + "a" * 61,
                                    "A" * 64, "a" * 63, "a" * 64 + "/", "", "a" * 64 + "\n"])
def test_digests_that_are_not_hex_never_reach_a_path(chunk_store: RegistryStore, tmp_path: Path,
                                                     digest: str) -> None:
    for call in (lambda: chunk_store.put_chunk(digest, b"x"),
                 lambda: chunk_store.get_chunk(digest),
                 lambda: chunk_store.missing_chunks([digest]),
                 lambda: chunk_store.put_file(sha256=digest, size=1, chunks=[], device=None,
                                              now=NOW),
                 lambda: chunk_store.put_file(sha256=_digest(b"x"), size=1, chunks=[digest],
                                              device=None, now=NOW),
                 lambda: FileChunkStore(tmp_path / "fs").path(digest)):
        with pytest.raises(InvalidDigestError) as err:
            call()
        assert err.value.http_status == 400
    assert {p.name for p in tmp_path.iterdir()} <= {"chunks", "fs", "registry"}
    for folder in ("chunks", "fs"):  # nothing was written anywhere
        assert not (tmp_path / folder).exists() or not any((tmp_path / folder).iterdir())


def test_file_chunk_store_is_private(tmp_path: Path) -> None:
    fs = FileChunkStore(tmp_path / "chunks")
    data = b"private bytes"
    fs.put(_digest(data), data)
    path = fs.path(_digest(data))
    assert path.read_bytes() == data
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "chunks").stat().st_mode & 0o777 == 0o700
    path.write_bytes(b"tampered")
    with pytest.raises(ChunkDigestError):
        fs.get(_digest(data))


# --- audit ----------------------------------------------------------------------------------------

def test_audit_filters_and_pages(store: RegistryStore) -> None:
    events = [
        AuditEvent(at=f"2025-03-01T12:00:{i:02d}Z", method="POST", path="/v1/records",
                   action="push" if i % 3 else "enrol", outcome=("ok", "refused", "error")[i % 3],
                   status=(200, 403, 500)[i % 3], device=DEVICE if i % 2 else OTHER,
                   role="monitor", bytes_in=i, bytes_out=2 * i, reason=f"r{i}", remote="10.0.0.1")
        for i in range(12)]
    ids = [store.audit(e) for e in events]
    assert ids == sorted(ids) and len(set(ids)) == 12
    everything = store.audit_events(limit=1000)
    assert [(e.id, e.bytes_in, e.reason) for e in everything] == [
        (i, e.bytes_in, e.reason) for i, e in zip(ids, events, strict=True)]
    assert everything[5] == AuditEvent(**{**events[5].__dict__, "id": ids[5]})
    assert [e.bytes_in for e in store.audit_events(device=DEVICE)] == [1, 3, 5, 7, 9, 11]
    assert [e.bytes_in for e in store.audit_events(outcome="refused")] == [1, 4, 7, 10]
    assert [e.bytes_in for e in store.audit_events(action="enrol", device=OTHER)] == [0, 6]
    assert [e.bytes_in for e in store.audit_events(since="2025-03-01T12:00:03Z",
                                                   until="2025-03-01T12:00:06Z")] == [3, 4, 5]
    page1 = store.audit_events(limit=5)
    page2 = store.audit_events(after_id=page1[-1].id, limit=5)
    page3 = store.audit_events(after_id=page2[-1].id, limit=5)
    assert [e.bytes_in for e in page1 + page2 + page3] == list(range(12))
    with pytest.raises(StoreValidationError):
        store.audit(AuditEvent(at=NOW, method="GET", path="/", action="x", outcome="maybe",
                               status=200))


# --- provenance: logged revocations, export events --------------------------------------------

def test_a_logged_revocation_keeps_its_log_index(store: RegistryStore) -> None:
    enrol(store)
    store.append([b"enrol"], sign=sign, now=NOW)
    with pytest.raises(StoreValidationError):
        store.revoke_device(DEVICE, at=LATER, entry=b"revoke")  # no signer
    assert store.revoke_device(DEVICE, at=LATER, entry=b"revoke " + DEVICE.encode(), sign=sign)
    device = store.device(DEVICE)
    assert device is not None and device.revoked_at == LATER and device.revoke_index == 1
    assert store.leaf(1) == b"revoke " + DEVICE.encode() and store.log_size() == 2
    assert parse(store.checkpoint())[0] == 2
    # revoking again changes nothing, logs nothing
    assert not store.revoke_device(DEVICE, at=NOW, entry=b"again", sign=sign)
    assert store.log_size() == 2 and store.device(DEVICE).revoke_index == 1  # type: ignore[union-attr]
    # an unlogged revocation (the old way) leaves the index empty
    enrol(store, OTHER)
    assert store.revoke_device(OTHER, at=LATER)
    assert store.device(OTHER).revoke_index is None  # type: ignore[union-attr]


def _export(export_id: str, *, device: str = DEVICE, digest: str | None = None,
            detail: str = "{}") -> ExportEvent:
    return ExportEvent(export_id=export_id, device=device,
                       digest=digest or rid(f"export {export_id}"),
                       audit=AuditEvent(at=NOW, method="POST", path="/v1/exports",
                                        action="export", outcome="ok", status=200,
                                        device=device, role="monitor", reason="dossier",
                                        detail=detail))


def test_export_events_are_kept_once_and_audited(store: RegistryStore) -> None:
    a, b, c = "a" * 32, "b" * 32, "c" * 32
    assert store.record_exports([_export(a, detail='{"n":1}'), _export(b), _export(a,
                                 detail='{"n":1}')]) == [True, True, False]
    audited = store.audit_events(action="export")
    assert [(e.device, e.detail) for e in audited] == [(DEVICE, '{"n":1}'), (DEVICE, "{}")]
    assert store.record_exports([_export(b)]) == [False]
    # the same id with other content, or from another device, refuses the whole batch
    with pytest.raises(ConflictError) as err:
        store.record_exports([_export(c), _export(a, digest=rid("other"))])
    assert err.value.http_status == 409
    with pytest.raises(ConflictError):
        store.record_exports([_export(b, device=OTHER)])
    assert store.record_exports([_export(c)]) == [True]  # c was not kept by the refused batch
    assert len(store.audit_events(action="export")) == 3
    with pytest.raises(StoreValidationError):
        store.record_exports([_export("A" * 32)])
    with pytest.raises(StoreValidationError):
        store.record_exports([_export("d" * 31)])
    with pytest.raises(ValidationError):
        store.record_exports([_export("d" * 32, digest="not hex")])


# --- crash safety (SQLite; PostgreSQL's durability is the server's) ------------------------------

WRITER = r"""
import base64, hashlib, sys
from fieldkit.registry.store import IncomingRecord, RegistryStore
store = RegistryStore.open(sys.argv[1])
device = "ed25519:" + "d" * 64
store.add_device(key_id=device, public_key=b"k", role="monitor", label="", enrolled_at="t")
sign = lambda n, r: f"fieldkit.test/log\n{n}\n{base64.b64encode(r).decode()}\n"
prev, seq = None, 0
while True:
    batch = []
    for _ in range(seq % 3 + 1):
        seq += 1
        record_id = hashlib.sha256(b"%d" % seq).hexdigest()
        batch.append(IncomingRecord(record_id, device, seq, prev, "incident", b"env %d" % seq))
        prev = record_id
    store.ingest(batch, entry=lambda r: r.envelope, sign=sign, now="t")
    store.append([b"admin %d" % seq], sign=sign, now="t")
    print(seq, flush=True)
"""


@pytest.mark.slow
def test_sigkill_while_appending_leaves_a_consistent_log(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'registry.db'}"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, url], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None
    for _ in range(40):  # let it get going, then kill it somewhere in a transaction
        assert proc.stdout.readline(), "the writer died by itself"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()

    store = RegistryStore.open(url)
    try:
        size = store.log_size()
        assert size >= 40 * 2
        tree = merkle.MemoryTree()
        for i in range(size):
            tree.append(store.leaf(i))
        with pytest.raises(StoreNotFoundError):
            store.leaf(size)
        sizes = store.checkpoint_sizes()
        assert sizes[-1] == size
        for s in sizes:
            assert parse(store.checkpoint(s)) == (s, tree.root(s))
        records = store.records_since(-1, 1000)
        assert [r.seq for r in records] == list(range(1, len(records) + 1))
        for r in records:
            assert r.log_index < size and store.leaf(r.log_index) == r.envelope
        leaves = {store.leaf(i) for i in range(size)}
        assert sum(1 for leaf in leaves if leaf.startswith(b"env ")) == len(records)
        # and the log goes on from there
        indices, note = store.append([b"after"], sign=sign, now=NOW)
        assert indices == [size] and parse(note) == (size + 1, (tree.append(b"after"),
                                                                tree.root())[1])
    finally:
        store.close()
