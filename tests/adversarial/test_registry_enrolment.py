"""Enrolment is one transaction: the code spent, the device row and its log entry, or none of
them. Attacks: a failure between the steps, the same key enrolled many times at once, one code
raced by many devices, the registry process killed mid-enrolment."""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from fieldkit.crypto.keys import SigningKey
from fieldkit.errors import FieldKitError
from fieldkit.sync.enrollment import EnrollmentCode
from fieldkit.sync.transport import RegistryError, enroll

from .conftest import Field
from .registry_tools import log_entries, registry_db


def _code(f: Field, role: str = "monitor") -> EnrollmentCode:
    return EnrollmentCode.from_text(f.code(role))


def _enroll(f: Field, code: EnrollmentCode, key: SigningKey) -> str:
    """'ok', or the registry's error code."""
    try:
        enroll(code, key, label="racer", cert_pem=f.live.cert_pem)
    except RegistryError as e:
        return e.remote_code
    return "ok"


def assert_enrolment_is_whole(f: Field) -> None:
    """Every enrolment log entry names a device row with that index, every device row has its
    entry, and every spent code was spent by a device that exists."""
    entries = {e["device"]: i for i, e in enumerate(log_entries(f)) if e["type"] == "enrol"}
    with registry_db(f) as db:
        devices = dict(db.execute("SELECT key_id, enrol_index FROM devices").fetchall())
        spent = [u for (u,) in db.execute(
            "SELECT used_by FROM enroll_codes WHERE used_at IS NOT NULL")]
    assert devices == entries, "an enrolment log entry without its device row (or the reverse)"
    assert sorted(spent) == sorted(devices), "a spent code whose device does not exist"


@pytest.mark.parametrize("table", ["devices", "log_leaves"])
def test_a_failure_between_the_steps_leaves_nothing_behind(field: Field, table: str) -> None:
    """Threat: an enrolment that fails half-way (a crash, a full disk, a constraint) leaves a
    log leaf granting a role the registry does not hold, or a spent code no device holds.
    Stopped by: code, device row and log entry are written in one database transaction."""
    code = _code(field)
    key = SigningKey.generate()
    size_before = len(log_entries(field))
    with registry_db(field) as db:  # the database refuses the next write to ``table``
        db.execute(f"CREATE TRIGGER fail_enrol BEFORE INSERT ON {table} "
                   "BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    try:
        assert _enroll(field, code, key) != "ok"
    finally:
        with registry_db(field) as db:
            db.execute("DROP TRIGGER fail_enrol")
    assert len(log_entries(field)) == size_before
    assert_enrolment_is_whole(field)
    with registry_db(field) as db:
        assert db.execute("SELECT used_at FROM enroll_codes WHERE code_id = ?",
                          (code.code_id,)).fetchone() == (None,)
    assert _enroll(field, code, key) == "ok"  # the code was never spent: it still works
    assert_enrolment_is_whole(field)


def test_one_key_enrolled_many_times_at_once_is_one_device(field: Field) -> None:
    """Threat: a device (or an attacker replaying its enrolment) enrols the same key with
    several codes at once; racing requests each spend a code and append a leaf before one
    device row wins. Stopped by: the key check, the code and the leaf are one transaction
    under the log's sequencer lock; the losers get 409 and keep their codes unspent."""
    codes = [_code(field) for _ in range(8)]
    key = SigningKey.generate()
    barrier = threading.Barrier(len(codes))

    def go(code: EnrollmentCode) -> str:
        barrier.wait()
        return _enroll(field, code, key)

    with ThreadPoolExecutor(len(codes)) as pool:
        results = list(pool.map(go, codes))
    assert results.count("ok") == 1, results
    assert set(results) - {"ok"} == {"conflict"}, results
    assert [e["device"] for e in log_entries(field)
            if e["type"] == "enrol"].count(key.verify_key.key_id) == 1
    assert_enrolment_is_whole(field)
    # the codes of the refused attempts are still good for other devices
    unused = [c for c, r in zip(codes, results, strict=True) if r != "ok"]
    assert [_enroll(field, c, SigningKey.generate()) for c in unused[:2]] == ["ok", "ok"]


def test_one_code_raced_by_many_devices_enrols_one(field: Field) -> None:
    """Threat: a leaked code used by several devices at the same moment enrols more than one.
    Stopped by: the code is spent inside the enrolment transaction, at most once."""
    code = _code(field, "staff")
    keys = [SigningKey.generate() for _ in range(8)]
    barrier = threading.Barrier(len(keys))

    def go(key: SigningKey) -> str:
        barrier.wait()
        return _enroll(field, code, key)

    with ThreadPoolExecutor(len(keys)) as pool:
        results = list(pool.map(go, keys))
    assert results.count("ok") == 1 and results.count("enroll_code_invalid") == 7, results
    assert_enrolment_is_whole(field)


def test_killing_the_registry_mid_enrolment_leaves_no_orphan(field: Field) -> None:
    """Threat: the registry process dies (kill -9) in the middle of an enrolment and leaves a
    spent code or a log leaf without a device. Stopped by: one transaction, so after a restart
    either the whole enrolment is there or none of it."""
    rng = random.Random(7)
    for _ in range(4):
        codes = [_code(field) for _ in range(6)]
        outcomes: list[str] = []

        def go(code: EnrollmentCode, outcomes: list[str] = outcomes) -> None:
            try:
                outcomes.append(_enroll(field, code, SigningKey.generate()))
            except FieldKitError as e:  # the connection died with the process
                outcomes.append(e.code)

        threads = [threading.Thread(target=go, args=(c,)) for c in codes]
        for t in threads:
            t.start()
        time.sleep(rng.uniform(0.0, 0.05))
        field.live.stop(kill=True)
        for t in threads:
            t.join()
        field.live.start()
        try:
            assert_enrolment_is_whole(field)
        except sqlite3.OperationalError:  # pragma: no cover - the WAL is being recovered
            time.sleep(0.5)
            assert_enrolment_is_whole(field)
