"""Rotation of the organisation key, and the rollback attack on it (issue 10, item 5;
ADR 0019): staff add a key, an admin registers it, monitors move to it on their next sync,
staff still open records sealed to older keys, and a registry serving an older key is caught.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldkit.sync.orgkey_proof import OrgKeyRollbackError
from fieldkit.sync.submission import open_outer

from .orgkey_world import Late, make_late, new_client, seal_one


@pytest.fixture
def late(tmp_path: Path) -> Iterator[Late]:
    yield from make_late(tmp_path)


def _sealed_to(late: Late, record_id: str) -> str:
    """The organisation key id the registry holds record ``record_id`` sealed to."""
    from fieldkit.crypto.dsse import Envelope

    with late.db() as db:
        (env,) = db.execute("SELECT envelope FROM records WHERE record_id = ?",
                            (record_id,)).fetchone()
    return open_outer(Envelope.from_bytes(bytes(env))).org_key_id


def test_rotation_end_to_end(late: Late) -> None:
    """Rotation works end to end: a record sealed before the rotation stays sealed to the old
    key, the monitor seals to the new key after its next sync, and the staff vault (which keeps
    every private key) opens both; a second staff vault given the export opens both too."""
    old = late.staff.org_key_init()
    late.register(old.to_text())
    before = seal_one(late.alice, "before the rotation")
    late.alice.push()
    assert _sealed_to(late, before) == old.key_id

    new = late.staff.org_key_rotate()
    late.register(new.to_text())
    after = seal_one(late.alice, "after the rotation")
    assert late.alice.push().records == 1
    assert _sealed_to(late, after) == new.key_id
    assert late.alice.registry().org_key == new.to_text()  # type: ignore[union-attr]

    assert late.staff.pull().records == 2
    for rid in (before, after):
        assert late.staff.service.sealed_record(rid).record_id == rid

    second = new_client(late.tmp / "second-staff")
    package = late.staff.org_key_export("package passphrase")
    assert second.org_key_import(package, "package passphrase") == new
    assert {k.key_id for k, _ in second.org_keys()} == {old.key_id, new.key_id}
    second.enroll(late.code("staff"), label="second office")
    assert second.pull().records == 2
    second.vault.lock()


def test_registry_rolls_back_to_a_retired_key(late: Late) -> None:
    """After a rotation the monitor has moved to, a host attacker sets the registry back to
    the old key (its genuine, admin-signed registration); stopped because a vault never accepts
    back a key it has replaced, so nothing is sealed to the old (perhaps stolen) key."""
    old = late.staff.org_key_init()
    late.register(old.to_text())
    late.alice.push()  # learns the old key
    new = late.staff.org_key_rotate()
    late.register(new.to_text())
    late.alice.push()  # moves to the new key
    rid = seal_one(late.alice, "sealed while the registry lies")
    with late.db() as db:
        (index,) = db.execute("SELECT log_index FROM settings WHERE key = ?",
                              (f"org_key:{old.key_id}",)).fetchone()
        db.execute("UPDATE settings SET value = ?, log_index = ? WHERE key = 'org_key'",
                   (old.to_text(), index))
    with pytest.raises(OrgKeyRollbackError, match="replaced"):
        late.alice.push()
    assert [r for r, _s, _e in late.alice.pending()] == [rid]
    assert late.alice.registry().org_key == new.to_text()  # type: ignore[union-attr]


def test_rollback_against_a_key_pinned_by_the_code(late: Late) -> None:
    """A monitor enrolled after the rotation (its code pins the new key, with no log index)
    is served the older key's genuine registration; stopped because the vault asks for the
    registration of its own key and refuses a key registered earlier in the log."""
    old = late.staff.org_key_init()
    late.register(old.to_text())
    new = late.staff.org_key_rotate()
    late.register(new.to_text())
    carol = new_client(late.tmp / "carol")
    carol.enroll(late.code("monitor"), label="carol's laptop")
    assert carol.registry().org_key == new.to_text()  # type: ignore[union-attr]
    rid = seal_one(carol, "carol's first record")
    with late.db() as db:
        (index,) = db.execute("SELECT log_index FROM settings WHERE key = ?",
                              (f"org_key:{old.key_id}",)).fetchone()
        db.execute("UPDATE settings SET value = ?, log_index = ? WHERE key = 'org_key'",
                   (old.to_text(), index))
    with pytest.raises(OrgKeyRollbackError, match="before the key this vault uses"):
        carol.push()
    assert [r for r, _s, _e in carol.pending()] == [rid]
    assert carol.registry().org_key == new.to_text()  # type: ignore[union-attr]
    carol.vault.lock()


def test_registry_refuses_to_register_a_retired_key(late: Late) -> None:
    """An honest registry refuses to register a replaced key again (a careless or coerced
    admin cannot move monitors back to it)."""
    old = late.staff.org_key_init()
    late.register(old.to_text())
    late.register(late.staff.org_key_rotate().to_text())
    from fieldkit.sync.transport import RegistryError

    with pytest.raises(RegistryError) as err:
        late.register(old.to_text())
    assert err.value.status == 400
    assert "retired" in err.value.message


def test_registry_upgraded_without_history_still_refuses_the_old_key(late: Late) -> None:
    """A registry whose current key was registered before registration history was kept (no
    history row) records the replaced key when a new one is registered, so the replaced key
    cannot be registered again either."""
    from fieldkit.sync.transport import RegistryError

    old = late.staff.org_key_init()
    late.register(old.to_text())
    with late.db() as db:
        db.execute("DELETE FROM settings WHERE key = ?", (f"org_key:{old.key_id}",))
    late.register(late.staff.org_key_rotate().to_text())
    with late.db() as db:
        (index,) = db.execute("SELECT log_index FROM settings WHERE key = ?",
                              (f"org_key:{old.key_id}",)).fetchone()
    assert index is not None
    with pytest.raises(RegistryError, match="retired"):
        late.register(old.to_text())
