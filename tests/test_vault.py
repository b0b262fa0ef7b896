"""The vault on disk: privacy of every file, passphrases, recovery, duress, wipe, lock."""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

import pytest
import sqlcipher3
from conftest import PASSPHRASE

from fieldkit.errors import (
    BadRecoveryKeyError,
    DatabaseCorruptError,
    KeyFileError,
    NotFoundError,
    ValidationError,
    VaultBusyError,
    VaultExistsError,
    VaultLockedError,
    WrongPassphraseError,
)
from fieldkit.service import VaultService
from fieldkit.storage.schema import MIGRATIONS
from fieldkit.storage.vault import Vault

CANARY_AR = "كناري-سري-٤٢"
CANARY_LATIN = "CANARY-witness-Zx81q"


def _snapshot(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _all_bytes(root: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in sorted(root.rglob("*")) if p.is_file()]


def _encodings(text: str) -> list[bytes]:
    return [text.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def _add_canary_incident(svc: VaultService, tmp_path: Path) -> None:
    view = svc.create_incident(title=f"حادثة {CANARY_AR}", category="hate_crime.physical_assault",
                               occurred="2026-03-13", country="FR",
                               description=f"description {CANARY_LATIN}")
    svc.add_testimony(view.ref, witness="شاهد", language="ar", consent="internal",
                      text=f"شهادة فيها {CANARY_AR} and {CANARY_LATIN}")
    evidence = tmp_path / "note.txt"
    evidence.write_text(f"{CANARY_LATIN}\n{CANARY_AR}\n" * 1000, encoding="utf-8")
    evidence.with_name("note16.txt").write_bytes(
        (CANARY_LATIN + CANARY_AR).encode("utf-16-le") * 100)
    svc.add_evidence(view.ref, evidence)
    svc.add_evidence(view.ref, evidence.with_name("note16.txt"))
    svc.seal(view.ref)


def test_no_file_in_the_vault_reveals_testimony(service: VaultService, vault_dir: Path,
                                                tmp_path: Path) -> None:
    _add_canary_incident(service, tmp_path / "..")
    names = {p.name for p in vault_dir.rglob("*")}
    assert "vault.db-wal" in names, "the check must cover the WAL while the vault is open"

    def assert_clean() -> None:
        files = _all_bytes(vault_dir)
        assert len(files) >= 5
        for path, data in files:
            for needle in _encodings(CANARY_AR) + _encodings(CANARY_LATIN):
                assert needle not in data, f"{path} reveals a canary"

    assert_clean()
    service.vault.lock()
    assert_clean()


def test_modes_are_private(service: VaultService, vault_dir: Path, tmp_path: Path) -> None:
    _add_canary_incident(service, tmp_path)
    assert stat.S_IMODE(vault_dir.stat().st_mode) == 0o700
    for p in vault_dir.rglob("*"):
        mode = stat.S_IMODE(p.stat().st_mode)
        assert mode == (0o700 if p.is_dir() else 0o600), f"{p} has mode {oct(mode)}"


def test_wrong_passphrase_changes_nothing(service: VaultService, vault_dir: Path,
                                          tmp_path: Path) -> None:
    _add_canary_incident(service, tmp_path)
    service.vault.lock()
    before = _snapshot(vault_dir)
    with pytest.raises(WrongPassphraseError) as e:
        Vault.open(vault_dir, "not the passphrase")
    assert "Wrong passphrase" in str(e.value) and "recover" in e.value.hint
    assert _snapshot(vault_dir) == before


def test_passphrase_change_rewraps_only(service: VaultService, vault_dir: Path,
                                        tmp_path: Path) -> None:
    _add_canary_incident(service, tmp_path)
    service.vault.lock()
    db_before = (vault_dir / "vault.db").read_bytes()
    Vault.change_passphrase(vault_dir, PASSPHRASE, "a new and long passphrase")
    assert (vault_dir / "vault.db").read_bytes() == db_before, "the database must not change"
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_dir, PASSPHRASE)
    with Vault.open(vault_dir, "a new and long passphrase") as v:
        assert VaultService(v).stats()["sealed"] == 1


def test_recovery_key_opens_and_sets_a_new_passphrase(vault_dir: Path) -> None:
    vault, recovery = Vault.create(vault_dir, PASSPHRASE)
    VaultService(vault).create_incident(title="t", category="hate_crime.arson",
                                        occurred="2026", country="GB")
    vault.lock()
    Vault.change_passphrase(vault_dir, PASSPHRASE, "second passphrase here")
    # typed carelessly: lower case, spaces instead of dashes
    with Vault.recover(vault_dir, recovery.lower().replace("-", " "), "third passphrase!") as v:
        assert VaultService(v).stats()["drafts"] == 1
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_dir, "second passphrase here")
    Vault.open(vault_dir, "third passphrase!").lock()


def test_bad_recovery_keys_are_told_apart(vault_dir: Path, tmp_path: Path) -> None:
    Vault.create(vault_dir, PASSPHRASE)[0].lock()
    _other, other_key = Vault.create(tmp_path / "other", PASSPHRASE)
    _other.lock()
    with pytest.raises(BadRecoveryKeyError, match="does not open"):
        Vault.recover(vault_dir, other_key, "whatever passphrase")
    typo = other_key[:10] + ("A" if other_key[10] != "A" else "B") + other_key[11:]
    with pytest.raises(BadRecoveryKeyError, match="typo"):
        Vault.recover(vault_dir, typo, "whatever passphrase")
    with pytest.raises(BadRecoveryKeyError, match="length"):
        Vault.recover(vault_dir, other_key[:-5], "whatever passphrase")


def test_wipe_leaves_nothing_to_decrypt(service: VaultService, vault_dir: Path,
                                        tmp_path: Path) -> None:
    _add_canary_incident(service, tmp_path)
    keyfile = (vault_dir / "vault.key").read_bytes()
    service.vault.wipe()
    assert not vault_dir.exists()
    with pytest.raises(NotFoundError):
        Vault.open(vault_dir, PASSPHRASE)
    # Even a stale copy of the database would need the key file, which was shredded:
    assert json.loads(keyfile)["format"] == "fieldkit-vault-key"


def test_wipe_shreds_the_key_file_first(vault_dir: Path, tmp_path: Path) -> None:
    """If the removal of the rest is interrupted, the key is already gone."""
    from fieldkit.storage.keyfile import shred

    vault, recovery = Vault.create(vault_dir, PASSPHRASE)
    vault.lock()
    shred(vault_dir / "vault.key")
    with pytest.raises(KeyFileError):
        Vault.open(vault_dir, PASSPHRASE)
    with pytest.raises(KeyFileError):
        Vault.recover(vault_dir, recovery, "new passphrase 1")
    assert (vault_dir / "vault.db").exists()


def test_duress_passphrase_wipes_and_shows_an_empty_vault(vault_dir: Path, tmp_path: Path) -> None:
    vault, _ = Vault.create(vault_dir, PASSPHRASE, duress_passphrase="the duress words")
    svc = VaultService(vault)
    _add_canary_incident(svc, tmp_path)
    old_device = vault.device_key.verify_key.key_id
    vault.lock()
    keyfile = json.loads((vault_dir / "vault.key").read_text())
    assert len(keyfile["passphrase_slots"]) == 2

    with Vault.open(vault_dir, "the duress words") as decoy:
        assert VaultService(decoy).stats() == {"incidents": 0, "drafts": 0, "sealed": 0,
                                               "attachments": 0}
        assert decoy.device_key.verify_key.key_id != old_device
    assert len(json.loads((vault_dir / "vault.key").read_text())["passphrase_slots"]) == 2
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_dir, PASSPHRASE)
    for _path, data in _all_bytes(vault_dir):
        assert CANARY_LATIN.encode() not in data


def test_key_file_looks_the_same_with_or_without_duress(tmp_path: Path) -> None:
    a, _ = Vault.create(tmp_path / "a", PASSPHRASE)
    b, _ = Vault.create(tmp_path / "b", PASSPHRASE, duress_passphrase="duress passphrase")
    a.lock()
    b.lock()

    def shape(p: Path) -> object:
        obj = json.loads((p / "vault.key").read_text())
        return {k: sorted(v) if isinstance(v, dict) else
                [sorted(s) for s in v] if isinstance(v, list) else type(v).__name__
                for k, v in obj.items()}

    assert shape(tmp_path / "a") == shape(tmp_path / "b")


def test_duress_cannot_equal_the_passphrase(vault_dir: Path) -> None:
    with pytest.raises(ValidationError):
        Vault.create(vault_dir, PASSPHRASE, duress_passphrase=PASSPHRASE)
    vault, _ = Vault.create(vault_dir, PASSPHRASE, duress_passphrase="the duress words")
    vault.lock()
    with pytest.raises(ValidationError, match="duress"):
        Vault.change_passphrase(vault_dir, PASSPHRASE, "the duress words")


def test_lock_drops_keys_and_connections(service: VaultService) -> None:
    service.create_incident(title="t", category="hate_crime.arson", occurred="2026",
                            country="GB")
    service.vault.lock()
    assert service.vault.is_locked
    assert not any(service.vault._key)
    with pytest.raises(VaultLockedError):
        service.list_incidents()
    with pytest.raises(VaultLockedError):
        service.create_incident(title="t", category="hate_crime.arson", occurred="2026",
                                country="GB")


def test_one_process_at_a_time(service: VaultService, vault_dir: Path) -> None:
    with pytest.raises(VaultBusyError):
        Vault.open(vault_dir, PASSPHRASE)
    service.vault.lock()
    Vault.open(vault_dir, PASSPHRASE).lock()


def test_create_refuses_a_non_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "thesis.docx").write_text("mine")
    with pytest.raises(VaultExistsError):
        Vault.create(tmp_path / "x", PASSPHRASE)
    assert (tmp_path / "x" / "thesis.docx").read_text() == "mine"


def test_short_passphrase_refused(vault_dir: Path) -> None:
    with pytest.raises(ValidationError, match="too short"):
        Vault.create(vault_dir, "short")
    assert not vault_dir.exists()


@pytest.mark.parametrize("damage", ["not json", "{}", "truncate", "weak-kdf", "bad-base64"])
def test_damaged_key_file(vault_dir: Path, damage: str) -> None:
    Vault.create(vault_dir, PASSPHRASE)[0].lock()
    path = vault_dir / "vault.key"
    obj = json.loads(path.read_text())
    if damage == "not json":
        path.write_bytes(b"\x00\xff garbage")
    elif damage == "{}":
        path.write_text("{}")
    elif damage == "truncate":
        path.write_bytes(path.read_bytes()[:100])
    elif damage == "weak-kdf":
        for slot in obj["passphrase_slots"]:
            slot["memory_kib"] = 8
        path.write_text(json.dumps(obj))
    elif damage == "bad-base64":
        obj["passphrase_slots"][0]["salt"] = "***"
        path.write_text(json.dumps(obj))
    with pytest.raises(KeyFileError):
        Vault.open(vault_dir, PASSPHRASE)


def test_database_from_another_vault_is_refused(tmp_path: Path) -> None:
    Vault.create(tmp_path / "a", PASSPHRASE)[0].lock()
    Vault.create(tmp_path / "b", PASSPHRASE)[0].lock()
    (tmp_path / "a" / "vault.db").write_bytes((tmp_path / "b" / "vault.db").read_bytes())
    with pytest.raises(DatabaseCorruptError):
        Vault.open(tmp_path / "a", PASSPHRASE)


def test_flipped_database_page_is_reported(service: VaultService, vault_dir: Path) -> None:
    for i in range(50):
        service.create_incident(title=f"incident {i}" * 20, category="hate_crime.arson",
                                occurred="2026", country="GB")
    service.vault.lock()
    db = vault_dir / "vault.db"
    # fold the WAL into the database so the flip lands in data that is read
    conn = sqlcipher3.connect(str(db))
    from fieldkit.storage.keyfile import KeyFile

    _purpose, key, _ = KeyFile.read(vault_dir / "vault.key").unlock(PASSPHRASE)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    data[4096 * 3 + 100] ^= 0x01
    db.write_bytes(bytes(data))
    with Vault.open(vault_dir, PASSPHRASE) as v:
        report = VaultService(v).check()
    assert not report.ok
    assert report.problems


def test_migrations_are_named_and_applied_once(service: VaultService, vault_dir: Path) -> None:
    names = [m.name for m in MIGRATIONS]
    assert names[:3] == ["0001_initial", "0002_search_index", "0003_sync"]
    assert service.vault.applied_migrations == names
    service.vault.lock()
    with Vault.open(vault_dir, PASSPHRASE) as v:
        assert v.applied_migrations == []
        done = [r[0] for r in v.conn.execute("SELECT name FROM _migrations ORDER BY name")]
        assert done == names


def test_duress_passphrase_in_passwd_also_wipes(vault_dir: Path, tmp_path: Path) -> None:
    """Typing the duress passphrase where `vault passwd` asks for the current one must not
    reveal that it is the duress passphrase: it wipes, then behaves like a real change."""
    vault, _ = Vault.create(vault_dir, PASSPHRASE, duress_passphrase="the duress words")
    _add_canary_incident(VaultService(vault), tmp_path)
    vault.lock()
    Vault.change_passphrase(vault_dir, "the duress words", "what they asked for")
    with Vault.open(vault_dir, "what they asked for") as v:
        assert VaultService(v).stats()["sealed"] == 0
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_dir, PASSPHRASE)


def test_passwd_holds_the_process_lock(service: VaultService, vault_dir: Path) -> None:
    with pytest.raises(VaultBusyError):
        Vault.change_passphrase(vault_dir, PASSPHRASE, "another passphrase")


def test_recovery_key_whose_body_starts_like_the_prefix() -> None:
    from fieldkit.crypto.keywrap import format_recovery_key, parse_recovery_key

    secret = bytes([0x2A, 0xA2]) + bytes(range(18))  # base32 of this starts with "FKR"
    text = format_recovery_key(secret)
    assert text.startswith("FKR-FKR")
    assert parse_recovery_key(text) == secret
    assert parse_recovery_key(text.removeprefix("FKR-")) == secret


@pytest.mark.parametrize("field", ["salt", "nonce", "ct"])
def test_key_file_with_a_short_field_is_damaged_not_a_crash(vault_dir: Path, field: str) -> None:
    Vault.create(vault_dir, PASSPHRASE)[0].lock()
    path = vault_dir / "vault.key"
    obj = json.loads(path.read_text())
    obj["passphrase_slots"][0][field] = "AAAA"
    path.write_text(json.dumps(obj))
    with pytest.raises(KeyFileError, match="wrong length"):
        Vault.open(vault_dir, PASSPHRASE)
