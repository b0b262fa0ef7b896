"""The vault's named migrations. Append new ones; never edit one that has shipped."""

from __future__ import annotations

from fieldkit.storage.db import Connection, Migration

_INITIAL = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The device's Ed25519 signing key (32-byte seed). Lives only inside the encrypted database.
CREATE TABLE device_key (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    seed       BLOB NOT NULL,
    key_id     TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Every sealed record of this device, in one hash-linked chain (seq 1, 2, 3...), and sealed
-- records of other devices pulled later (seq NULL for those here). Append-only.
CREATE TABLE sealed (
    record_id  TEXT PRIMARY KEY,             -- SHA-256 (hex) of the signed payload
    kind       TEXT NOT NULL,                -- 'incident' | 'custody'
    device     TEXT NOT NULL,                -- signer key id
    seq        INTEGER,
    chain_prev TEXT,
    prev       TEXT,                         -- revision this one amends
    sealed_at  TEXT NOT NULL,
    envelope   BLOB NOT NULL,
    UNIQUE (device, seq)
);
CREATE TRIGGER sealed_no_update BEFORE UPDATE ON sealed
BEGIN SELECT RAISE(ABORT, 'sealed records are immutable'); END;
CREATE TRIGGER sealed_no_delete BEFORE DELETE ON sealed
BEGIN SELECT RAISE(ABORT, 'sealed records are immutable'); END;

-- Incidents as the vault shows them: drafts (editable) and sealed revisions (frozen).
CREATE TABLE incidents (
    rowid         INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL,             -- stable across revisions
    draft_id      TEXT UNIQUE,               -- 'd-…' while a draft
    record_id     TEXT UNIQUE REFERENCES sealed(record_id),
    state         TEXT NOT NULL CHECK (state IN ('draft', 'sealed')),
    prev          TEXT,                      -- record id of the revision this amends
    superseded_by TEXT,                      -- record id of the sealed amendment
    title         TEXT NOT NULL,
    category      TEXT NOT NULL,
    country       TEXT NOT NULL,
    occurred      TEXT NOT NULL,             -- sort key (start of the date)
    body          TEXT NOT NULL,             -- the incident as canonical JSON
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX incidents_uid ON incidents(uid);
CREATE INDEX incidents_occurred ON incidents(occurred);
CREATE INDEX incidents_category ON incidents(category);
CREATE INDEX incidents_country ON incidents(country);
CREATE TRIGGER incidents_sealed_frozen BEFORE UPDATE ON incidents
WHEN OLD.state = 'sealed' AND (
    NEW.body IS NOT OLD.body OR NEW.state IS NOT OLD.state OR NEW.record_id IS NOT OLD.record_id
    OR NEW.title IS NOT OLD.title OR NEW.category IS NOT OLD.category
    OR NEW.country IS NOT OLD.country OR NEW.occurred IS NOT OLD.occurred
    OR NEW.uid IS NOT OLD.uid OR NEW.prev IS NOT OLD.prev OR NEW.draft_id IS NOT OLD.draft_id
    OR NEW.created_at IS NOT OLD.created_at)
BEGIN SELECT RAISE(ABORT, 'sealed records are immutable'); END;
CREATE TRIGGER incidents_sealed_no_delete BEFORE DELETE ON incidents
WHEN OLD.state = 'sealed'
BEGIN SELECT RAISE(ABORT, 'sealed records are immutable'); END;

-- Encrypted attachment files: blob name (random), per-file key, digest of the raw bytes.
CREATE TABLE attachments (
    id         TEXT PRIMARY KEY,             -- 'a-…'
    blob       TEXT NOT NULL UNIQUE,
    file_key   BLOB NOT NULL,
    sha256     TEXT NOT NULL,
    size       INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    file_name  TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX attachments_sha256 ON attachments(sha256);

-- Custody events after sealing (the ones before sealing travel inside the record). Append-only.
CREATE TABLE custody_events (
    id        INTEGER PRIMARY KEY,
    sha256    TEXT NOT NULL,                 -- the evidence item
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    note      TEXT NOT NULL,
    record_id TEXT REFERENCES sealed(record_id)
);
CREATE TRIGGER custody_no_update BEFORE UPDATE ON custody_events
BEGIN SELECT RAISE(ABORT, 'custody events are append-only'); END;
CREATE TRIGGER custody_no_delete BEFORE DELETE ON custody_events
BEGIN SELECT RAISE(ABORT, 'custody events are append-only'); END;

-- Local log of what this vault did that matters later (exports, syncs, wipes of drafts).
CREATE TABLE activity (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);
"""


def _search_index(conn: Connection) -> None:
    from fieldkit.storage.search import SCHEMA

    for statement in SCHEMA.strip().split(";\n"):
        if statement.strip():
            conn.execute(statement)


_SYNC = """
-- The registry this vault syncs with (one), as its enrolment code named it.
CREATE TABLE sync_registry (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    url         TEXT NOT NULL,
    pin         TEXT NOT NULL,
    cert_pem    BLOB,
    log_key     TEXT NOT NULL,
    origin      TEXT NOT NULL,
    org_key     TEXT,                  -- the staff's public key (monitors seal to it)
    role        TEXT NOT NULL,
    key_id      TEXT NOT NULL,         -- this device as enrolled
    enrolled_at TEXT NOT NULL,
    distrusted  TEXT                   -- why the registry is no longer trusted, if it is not
);

-- Verified receipts: proof that the registry logged a sealed record.
CREATE TABLE receipts (
    record_id   TEXT PRIMARY KEY REFERENCES sealed(record_id),
    log_index   INTEGER NOT NULL,
    receipt     TEXT NOT NULL,         -- the receipt JSON as received
    received_at TEXT NOT NULL
);

-- Checkpoints verified and kept, to check each new one for consistency.
CREATE TABLE log_checkpoints (
    size    INTEGER PRIMARY KEY,
    root    BLOB NOT NULL,
    note    TEXT NOT NULL,
    seen_at TEXT NOT NULL
);

-- Encrypted attachment files the registry has assembled (by the encrypted file's digest).
CREATE TABLE uploaded_files (
    blob          TEXT PRIMARY KEY,
    cipher_sha256 TEXT NOT NULL,
    cipher_size   INTEGER NOT NULL,
    at            TEXT NOT NULL
);

-- Every sync attempt and its outcome.
CREATE TABLE sync_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    action  TEXT NOT NULL,             -- push | pull | enroll | check
    outcome TEXT NOT NULL,             -- ok | error | refused
    detail  TEXT NOT NULL
);

-- Staff: the organisation's private key(s), and how far the pull got.
CREATE TABLE org_keys (
    key_id     TEXT PRIMARY KEY,
    private    BLOB NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE pull_state (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    cursor INTEGER NOT NULL
);

-- Devices whose records this vault holds (staff), by their self-certifying key ids.
CREATE TABLE known_devices (
    key_id     TEXT PRIMARY KEY,
    public_key BLOB NOT NULL,
    first_seen TEXT NOT NULL
);
"""

_PROVENANCE = """
-- Enrolment log entries of devices whose records this vault holds (and of itself), with the
-- inclusion proof against a signed checkpoint: what a bundle needs to tie a device key to
-- the registry's log offline. See fieldkit/sync/provenance.py for the leaf bytes.
CREATE TABLE device_enrolments(
  key_id TEXT PRIMARY KEY,        -- device key id (sha256 of the public key, hex)
  public_key BLOB NOT NULL,       -- raw Ed25519 public key
  role TEXT NOT NULL,
  log_index INTEGER NOT NULL,     -- the enrolment's leaf index in the registry log
  leaf BLOB NOT NULL,             -- the exact leaf bytes the registry logged
  inclusion_proof TEXT NOT NULL,  -- JSON list of base64 hashes
  checkpoint TEXT NOT NULL,       -- signed checkpoint note the proof is against
  fetched_at TEXT NOT NULL);

-- Every export this vault made (local log); sync reports the unreported ones to the
-- registry's audit log and then sets reported_at.
CREATE TABLE exports(
  id TEXT PRIMARY KEY,            -- uuid4 hex
  at TEXT NOT NULL,               -- ISO 8601 UTC
  kind TEXT NOT NULL,             -- dossier | bundle | csv | json
  audience TEXT NOT NULL,         -- internal | partners | public
  language TEXT,                  -- ar | en for dossiers, else NULL
  record_ids TEXT NOT NULL,       -- JSON array of sealed record ids exported
  files TEXT NOT NULL,            -- JSON array of {"name", "sha256", "size"}
  device TEXT NOT NULL,           -- this vault's device key id
  reported_at TEXT);              -- when the registry's audit log took it; NULL = queued
"""

_REVOCATIONS = """
-- A revoked device's revocation log entry, with its inclusion proof (beside its enrolment in
-- device_enrolments): a bundle shows that the key was revoked, and when.
CREATE TABLE device_revocations(
  key_id TEXT PRIMARY KEY,        -- device key id (as in device_enrolments)
  revoked_at TEXT NOT NULL,       -- as the registry reports it
  log_index INTEGER,              -- the revocation's leaf index (NULL: not logged)
  leaf BLOB,                      -- the exact leaf bytes the registry logged
  inclusion_proof TEXT,           -- JSON list of base64 hashes
  checkpoint TEXT,                -- signed checkpoint note the proof is against
  fetched_at TEXT NOT NULL);
"""

_AMENDMENTS = """
-- Why a sealed incident's prev was not accepted (fieldkit/domain/amendments.py): NULL when it
-- amends nothing or amends its own device's record of the same incident. A conflicting
-- record is kept and shown but supersedes nothing.
ALTER TABLE incidents ADD COLUMN conflict TEXT;
CREATE INDEX incidents_prev ON incidents(prev);

-- Annotations: sealed records (kind 'annotation') that comment on or correct a record
-- without replacing it. Append-only, like the sealed records they mirror.
CREATE TABLE annotations(
  record_id TEXT PRIMARY KEY REFERENCES sealed(record_id),
  target TEXT NOT NULL,           -- the sealed record it annotates
  device TEXT NOT NULL,           -- who sealed the annotation
  at TEXT NOT NULL,
  confidentiality TEXT NOT NULL,  -- internal | partners | public
  text TEXT NOT NULL);
CREATE INDEX annotations_target ON annotations(target);
CREATE TRIGGER annotations_no_update BEFORE UPDATE ON annotations
BEGIN SELECT RAISE(ABORT, 'annotations are append-only'); END;
CREATE TRIGGER annotations_no_delete BEFORE DELETE ON annotations
BEGIN SELECT RAISE(ABORT, 'annotations are append-only'); END
"""


def _amendments(conn: Connection) -> None:
    """Add the conflict column and the annotations table, then apply the amendment rule to
    every sealed incident already held: a vault that pulled another device's "amendment"
    before this rule existed gets the superseded record back."""
    from fieldkit.service import relink_all

    for statement in _AMENDMENTS.strip().split(";\n"):
        if statement.strip():
            conn.execute(statement)
    relink_all(conn)


_QUARANTINE = """
-- Pulled records the log does not vouch for (docs/adr/0016-pulltrust-quarantine.md): no
-- verified receipt, no verified enrolment of a device allowed to submit, revoked before it
-- was logged, unsealed or unparseable. Never in sealed/incidents/known_devices, so never in
-- a list, a search or an export; the pull cursor moves past them. A re-check (each pull, for
-- the reasons that can resolve; `fieldkit sync quarantine --recheck` for all) moves a record
-- that now verifies into the vault and deletes its row here.
CREATE TABLE quarantine(
  id TEXT PRIMARY KEY,            -- the record id the registry claimed (or 'item:' + sha256)
  log_index INTEGER,              -- the log index the registry claimed (NULL: unreadable)
  device TEXT,                    -- the device the registry claimed (NULL: unreadable)
  reason TEXT NOT NULL,           -- stable code (fieldkit.sync.client.QUARANTINE_REASONS)
  detail TEXT NOT NULL,           -- what failed, in English, for the sync log and support
  item TEXT NOT NULL,             -- the pulled item as received (the evidence; re-checks)
  first_seen TEXT NOT NULL,
  checked_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 1);
CREATE INDEX quarantine_checked ON quarantine(checked_at);

-- Signed checkpoints that contradict this vault's view of the log: a rollback (smaller than
-- the view), a fork (same size, other root), an inconsistent history, or a split view (a
-- monitor's signed submission carried a checkpoint the registry cannot prove consistent with
-- ours). Both notes are kept: signed by the log key, they prove the registry misbehaved.
CREATE TABLE log_conflicts(
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,             -- log_rollback | log_fork | log_inconsistent | split_view
  device TEXT,                    -- split_view: the device whose view differs
  ours TEXT,                      -- our newest trusted checkpoint note
  theirs TEXT NOT NULL,           -- the conflicting checkpoint note
  detail TEXT NOT NULL);
"""

_ORG_KEY_REGISTRATIONS = """
-- Organisation keys this vault has used to seal records (ADR 0019): the current one is
-- sync_registry.org_key; every other row is retired and never accepted back. A key pinned by
-- the enrolment code has no log_index until the registry proves its registration.
CREATE TABLE org_key_registrations(
  key_id TEXT PRIMARY KEY,        -- x25519:<hex sha256 of the public key>
  org_key TEXT NOT NULL,          -- fkorg1:… text form
  source TEXT NOT NULL,           -- code | log
  log_index INTEGER,              -- the registration's leaf index (NULL: not yet proved)
  leaf BLOB,                      -- the exact leaf bytes the registry logged
  inclusion_proof TEXT,           -- JSON list of base64 hashes
  checkpoint TEXT,                -- signed checkpoint note the proof is against
  admin TEXT,                     -- the admin device whose signed request registered it
  signed_at INTEGER,              -- that request's signed time (Unix seconds)
  accepted_at TEXT NOT NULL,
  retired_at TEXT);               -- when a newer registration replaced it
"""

MIGRATIONS = [
    Migration("0001_initial", _INITIAL),
    Migration("0002_search_index", _search_index),
    Migration("0003_sync", _SYNC),
    Migration("0004_provenance", _PROVENANCE),
    Migration("0005_device_revocations", _REVOCATIONS),
    Migration("0006_amendments", _amendments),
    Migration("0007_pull_quarantine", _QUARANTINE),
    Migration("0008_org_key_registrations", _ORG_KEY_REGISTRATIONS),
]
